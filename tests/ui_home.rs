//! 本月 as the start of a day's study, drawn into ratatui's `TestBackend` and compared
//! with reviewed snapshots: the unit to continue and what it still needs, the cycle's
//! units with their read states, the days left, the due date, the branch and the
//! secretary's note, at 80x24, 40x12, 120x40 and 200x60, in Chinese and English.

use dangxue::app::msg::Msg;
use dangxue::app::{App, Screen, Tab};
use dangxue::core::config::Lang;
use dangxue::core::plan::Plan;
use dangxue::core::state::CycleReading;
use dangxue::store::content::load_builtin;
use jiff::Timestamp;

mod draw;
use draw::{member_app, render, send};

/// Finished on the 3rd.
const DONE: &str = "a000-ulanhot-red-property";
/// Half read, opened last.
const HALF: &str = "a000-wuhai-cadre-training";

fn now() -> Timestamp {
    "2026-11-20T12:00:00Z".parse().expect("timestamp")
}

fn bare(lang: Lang) -> App {
    member_app(lang, load_builtin(), now())
}

/// A member of the example plan's branch on 20 November: one planned unit finished
/// on the 3rd, a second read to 40% last night.
fn member(lang: Lang) -> App {
    let mut a = bare(lang);
    let plan = Plan::parse(include_str!("../plan.example.toml")).expect("the example plan");
    a.set_plan_file(Some(plan));
    let len = |a: &App, id: &str| a.library.get(id).expect("built-in unit").body.len();
    let done_len = len(&a, DONE);
    let half_len = len(&a, HALF);
    let p = a.state.units.entry(DONE.into()).or_default();
    p.offset = done_len / 2;
    p.opened = "2026-11-03T20:00:00Z".parse().ok();
    p.cycles.insert(
        "2026-11".into(),
        CycleReading {
            seconds: 400,
            reached_end: true,
            furthest: done_len,
            finished: "2026-11-03T20:20:00Z".parse().ok(),
        },
    );
    // The place is the start of a line, as the reader stores it.
    let body = a.library.get(HALF).expect("built-in unit").body.clone();
    let at = body
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .take_while(|i| *i <= half_len * 2 / 5)
        .last()
        .unwrap_or(0);
    let p = a.state.units.entry(HALF.into()).or_default();
    p.offset = at;
    p.opened = "2026-11-19T21:00:00Z".parse().ok();
    p.cycles.insert(
        "2026-11".into(),
        CycleReading {
            seconds: 50,
            reached_end: false,
            furthest: half_len / 2,
            finished: None,
        },
    );
    send(&mut a, &[Msg::GoTab(Tab::Home)]);
    a
}

#[test]
fn home_offers_the_half_read_unit_and_the_cycle_in_chinese() {
    let a = member(Lang::Zh);
    let screen = render(&a, 80, 24);
    let half = &a.library.get(HALF).expect("unit").meta.title;
    assert!(screen.contains("继续阅读  Enter"), "{screen}");
    assert!(screen.contains(half.as_str()), "{screen}");
    assert!(screen.contains("已读 50% · 上次读到「"), "{screen}");
    assert!(
        screen.contains("还需：读到末尾，再读 1 分 10 秒"),
        "{screen}"
    );
    assert!(screen.contains("还剩 11 天（含今天）"), "{screen}");
    assert!(screen.contains("截止 2026-11-28（还有 8 天）"), "{screen}");
    assert!(
        !screen.contains("(2026-11-28)"),
        "labelled, not bare: {screen}"
    );
    assert!(screen.contains("第一党支部"), "{screen}");
    assert!(
        screen.contains("支部通知：第四周党日活动上交流心得。"),
        "{screen}"
    );
    assert!(screen.contains("本期学习单元  已计入 1/4 篇"), "{screen}");
    assert!(screen.contains("已计入本月 ✓"), "{screen}");
    assert!(screen.contains("未读"), "{screen}");
    insta::assert_snapshot!("home_start_zh_80x24", screen);
    let small = render(&a, 40, 12);
    assert!(small.contains("继续阅读"), "{small}");
    assert!(small.contains("月读"), "{small}");
    assert!(small.contains("月学"), "{small}");
    insta::assert_snapshot!("home_start_zh_40x12", small);
}

#[test]
fn home_in_english() {
    let a = member(Lang::En);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("Continue reading  Enter"), "{screen}");
    assert!(screen.contains("due 2026-11-28 (in 8 days)"), "{screen}");
    assert!(screen.contains("Note: "), "{screen}");
    insta::assert_snapshot!("home_start_en_80x24", screen);
    insta::assert_snapshot!("home_start_en_40x12", render(&a, 40, 12));
}

/// Rows of `screen` (without the header and footer) with anything in the right half.
fn rows_using_the_right_half(screen: &str, width: usize) -> usize {
    let rows: Vec<&str> = screen.lines().collect();
    rows[1..rows.len() - 1]
        .iter()
        .filter(|l| {
            let mut col = 0;
            l.chars().any(|c| {
                let used = col >= width / 2 && c != ' ';
                col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                used
            })
        })
        .count()
}

/// The member with a card due today and a note, for the screens with room for them.
fn with_more(lang: Lang) -> App {
    let mut a = member(lang);
    a.state.reviews.insert(
        format!("{DONE}/q1"),
        dangxue::core::review::Card {
            due: "2026-11-20".into(),
            stability: 2.0,
            difficulty: 5.0,
            reps: 0,
            lapses: 1,
            last: Some("2026-11-18".into()),
        },
    );
    a.state.marks.insert(
        dangxue::core::state::Mark::key(HALF, 0),
        dangxue::core::state::Mark {
            unit: HALF.into(),
            offset: 0,
            quote: "精准滴灌 确保学深悟透".into(),
            note: "党日活动上讲这一段".into(),
            created: "2026-11-19T21:10:00Z".parse().ok(),
        },
    );
    a
}

#[test]
fn a_wide_screen_is_used_across() {
    let mut a = with_more(Lang::Zh);
    send(&mut a, &[Msg::Resize(120, 40)]);
    let mid = render(&a, 120, 40);
    assert!(rows_using_the_right_half(&mid, 120) >= 15, "{mid}");
    assert!(mid.contains("今日待复习：1"), "{mid}");
    assert!(mid.contains("党日活动上讲这一段"), "the latest note: {mid}");
    insta::assert_snapshot!("home_start_zh_120x40", mid);
    send(&mut a, &[Msg::Resize(200, 60)]);
    let wide = render(&a, 200, 60);
    // The units have a column of their own, beside the parts and the calendar.
    let units_row = wide
        .lines()
        .find(|l| l.contains("本期学习单元"))
        .unwrap_or_default();
    assert!(!units_row.starts_with(" 本期学习单元"), "{wide}");
    assert!(rows_using_the_right_half(&wide, 200) >= 15, "{wide}");
    insta::assert_snapshot!("home_start_zh_200x60", wide);
}

#[test]
fn continue_opens_the_unit_at_its_saved_place_and_back_leads_home() {
    let mut a = member(Lang::Zh);
    let saved = a.state.units[HALF].offset;
    send(&mut a, &[Msg::Resize(80, 24), Msg::Continue]);
    assert_eq!(a.screen, Screen::Reader);
    let r = a.reader.as_ref().expect("the reader is open");
    assert_eq!(r.unit_id, HALF);
    let line = r.layout.line_at_offset(saved);
    assert!(
        (r.top..r.top + a.reader_height()).contains(&line),
        "the saved place is on screen: line {line}, top {}",
        r.top
    );
    send(&mut a, &[Msg::Back]);
    assert_eq!(a.screen, Screen::Home);
}

#[test]
fn a_finished_last_unit_gives_way_to_the_next_of_the_plan() {
    let mut a = member(Lang::Zh);
    let len = a.library.get(HALF).expect("unit").body.len();
    let c = a
        .state
        .units
        .get_mut(HALF)
        .and_then(|p| p.cycles.get_mut("2026-11"))
        .expect("reading");
    c.seconds = 300;
    c.reached_end = true;
    c.furthest = len;
    let screen = render(&a, 80, 24);
    assert!(screen.contains("下一篇  Enter"), "{screen}");
    let next = dangxue::app::today::continue_reading(&a).expect("a next unit");
    assert!(!next.resumed);
    assert_eq!(
        next.unit, "a000-party-day-not-formality",
        "the plan's third"
    );
    assert!(screen.contains("从头开始"), "{screen}");
    assert!(screen.contains("已计入 2/4 篇"), "{screen}");
}

#[test]
fn without_a_plan_the_units_opened_this_cycle_are_listed() {
    let mut a = bare(Lang::Zh);
    send(&mut a, &[Msg::GoTab(Tab::Home)]);
    let fresh = render(&a, 80, 24);
    assert!(fresh.contains("还没有读过学习单元"), "{fresh}");
    assert!(fresh.contains("没有学习安排"), "{fresh}");
    assert!(!fresh.contains("截止"), "no plan, no due date: {fresh}");
    send(&mut a, &[Msg::Resize(80, 24)]);
    dangxue::app::update::open_unit(&mut a, HALF, None);
    send(&mut a, &[Msg::Down, Msg::Back, Msg::GoTab(Tab::Home)]);
    let screen = render(&a, 80, 24);
    let half = &a.library.get(HALF).expect("unit").meta.title;
    assert!(screen.contains("继续阅读"), "{screen}");
    assert_eq!(
        screen.matches(half.as_str()).count(),
        2,
        "continue and the list: {screen}"
    );
    assert!(screen.contains("已计入 0/4 篇"), "{screen}");
    insta::assert_snapshot!("home_no_plan_zh_80x24", screen);
}
