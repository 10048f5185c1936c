//! The first frame is drawn before the library is read: the library screen says it
//! is still loading and shows no count that the library could change, and once the
//! library is in, the screen is exact and the session goes back where it was left.

use dangxue::app::msg::Msg;
use dangxue::app::update::update;
use dangxue::app::{App, Screen};
use dangxue::core::config::Lang;
use dangxue::core::regime::Rules;
use dangxue::core::review::Card;
use dangxue::core::state::{MemberState, Resume};
use dangxue::store::content::{Library, load_builtin};
use jiff::Timestamp;

mod draw;
use draw::render;

const UNIT: &str = "a000-ulanhot-red-property";

fn now() -> Timestamp {
    "2026-11-20T12:00:00Z".parse().expect("timestamp")
}

/// A member with one review card due, whose app is still waiting for its library.
fn loading(lang: Lang) -> App {
    let mut state = MemberState::new("zhangsan", "张三");
    state.reviews.insert(
        format!("{UNIT}/q1"),
        Card {
            due: "2026-11-01".into(),
            ..Default::default()
        },
    );
    let mut app = App::new(
        dangxue::strings::get(lang),
        Library::default(),
        Rules::default(),
        state,
        jiff::tz::TimeZone::UTC,
        now(),
    );
    app.loading = true;
    app
}

#[test]
fn the_library_says_it_is_loading_and_counts_nothing_until_it_is_in() {
    let mut app = loading(Lang::Zh);
    let screen = render(&app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[1].contains("学习库 · 正在载入学习库……"), "{screen}");
    assert!(rows[2].contains("正在载入学习库……"), "{screen}");
    // Neither a position over an empty list nor "no match", nor a due count that
    // the units decide.
    assert!(!screen.contains("0/0"), "{screen}");
    assert!(!screen.contains("没有匹配"), "{screen}");
    assert!(!rows[0].contains("(1)"), "{screen}");

    let library = load_builtin();
    let n = library.len();
    app.finish_loading(library, false);
    assert!(!app.loading);
    let screen = render(&app, 80, 24);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[0].contains("(1)"), "the card is due: {screen}");
    assert!(rows[1].contains(&format!("学习库 · 1/{n}")), "{screen}");
    assert!(!screen.contains("正在载入"), "{screen}");
    assert_eq!(app.library_view.order.len(), n);
}

#[test]
fn the_loading_line_is_in_english_too() {
    let app = loading(Lang::En);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Loading the library…"), "{screen}");
    assert!(!screen.contains("0/0"), "{screen}");
}

#[test]
fn the_session_resumes_once_the_library_is_in() {
    let mut app = loading(Lang::Zh);
    app.state.resume = Some(Resume::Reader(UNIT.into()));
    app.finish_loading(load_builtin(), true);
    assert_eq!(app.screen, Screen::Reader);
    assert_eq!(app.reader.as_ref().map(|r| r.unit_id.as_str()), Some(UNIT));

    // The terminal's size comes before the library does; the place is kept for it.
    let mut app = loading(Lang::Zh);
    app.state.resume = Some(Resume::Reader(UNIT.into()));
    update(&mut app, Msg::Resize(80, 24), now());
    assert_eq!(app.state.resume, Some(Resume::Reader(UNIT.into())));
    app.finish_loading(load_builtin(), true);
    assert_eq!(app.screen, Screen::Reader);

    // Another session of the same member is open: no jump to where it reads.
    let mut app = loading(Lang::Zh);
    app.state.resume = Some(Resume::Reader(UNIT.into()));
    app.finish_loading(load_builtin(), false);
    assert_eq!(app.screen, Screen::Library);
}
