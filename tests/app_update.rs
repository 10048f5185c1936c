//! The app's transitions without a terminal: reading time, idle cut-off, finishing a
//! unit, search, the cycle test's draw and its grading.

mod draw;

use dangxue::app::msg::Msg;
use dangxue::app::update::update;
use dangxue::app::{App, Confirm, Doc, Effect, Screen, Tab};
use dangxue::core::config::Lang;
use dangxue::core::regime::Cycle;
use dangxue::store::content::load_builtin;
use draw::member_app;
use jiff::{SignedDuration, Timestamp};

const UNIT: &str = "a000-ulanhot-red-property";

fn t0() -> Timestamp {
    "2026-11-10T12:00:00Z".parse().expect("timestamp")
}

fn at(secs: i64) -> Timestamp {
    t0() + SignedDuration::from_secs(secs)
}

fn app() -> App {
    let mut a = member_app(Lang::Zh, load_builtin(), t0());
    update(&mut a, Msg::Resize(80, 24), t0());
    a
}

fn open(a: &mut App, when: Timestamp) {
    dangxue::app::update::open_unit(a, UNIT, None);
    update(a, Msg::Top, when);
}

fn cycle_seconds(a: &App) -> u64 {
    a.state.units[UNIT].cycles["2026-11"].seconds
}

#[test]
fn reading_time_counts_only_until_the_idle_cut_off() {
    let mut a = app();
    open(&mut a, t0());
    update(&mut a, Msg::Tick, at(100));
    assert_eq!(cycle_seconds(&a), 100);
    // No key for 1000 s: only up to idle_seconds (300) after the last key counts.
    update(&mut a, Msg::Tick, at(1000));
    assert_eq!(cycle_seconds(&a), 300);
    // A key press resumes counting from then on.
    update(&mut a, Msg::Down, at(1000));
    update(&mut a, Msg::Tick, at(1010));
    assert_eq!(cycle_seconds(&a), 310);
    assert_eq!(a.state.days["2026-11-10"], 310);
}

#[test]
fn time_outside_the_reader_is_not_reading_time() {
    let mut a = app();
    open(&mut a, t0());
    update(&mut a, Msg::Back, at(10));
    assert_eq!(a.screen, Screen::Library);
    update(&mut a, Msg::Tick, at(200));
    assert_eq!(cycle_seconds(&a), 10);
}

#[test]
fn a_unit_is_finished_when_the_end_was_reached_and_enough_time_spent() {
    let mut a = app();
    open(&mut a, t0());
    update(&mut a, Msg::Bottom, at(1));
    let c = &a.state.units[UNIT].cycles["2026-11"];
    assert!(c.reached_end);
    assert!(c.finished.is_none(), "120 s are needed first");
    update(&mut a, Msg::Tick, at(119));
    assert!(a.state.units[UNIT].cycles["2026-11"].finished.is_none());
    update(&mut a, Msg::Tick, at(121));
    let finished = a.state.units[UNIT].cycles["2026-11"]
        .finished
        .expect("finished now");
    assert_eq!(finished.to_string(), "2026-11-10T12:02:01+00:00");
    assert!(a.finished_in_cycle(UNIT));
}

#[test]
fn search_filters_and_escape_clears() {
    let mut a = app();
    let all = a.library_view.shown.len();
    update(&mut a, Msg::SearchStart, t0());
    for c in "乌兰浩特".chars() {
        update(&mut a, Msg::Char(c), t0());
    }
    let some = a.library_view.shown.len();
    assert!(some >= 1 && some < all, "{some} of {all}");
    assert!(a.library_view.shown.iter().all(|i| {
        a.library
            .get(&a.library_view.order[*i])
            .is_some_and(|u| u.meta.title.contains("乌兰浩特") || u.body.contains("乌兰浩特"))
    }));
    update(&mut a, Msg::Back, t0());
    assert_eq!(a.library_view.shown.len(), all);
}

#[test]
fn the_test_draws_deterministically_and_grades_once() {
    let mut a = app();
    open(&mut a, t0());
    update(&mut a, Msg::Bottom, at(1));
    update(&mut a, Msg::Tick, at(130));
    update(&mut a, Msg::Back, at(130));
    update(&mut a, Msg::GoTab(Tab::Home), at(131));
    // Asking changes nothing on disk; the yes saves the begun test at once.
    assert_eq!(update(&mut a, Msg::StartTest, at(131)), vec![]);
    assert_eq!(a.confirm, Some(Confirm::StartTest));
    assert_eq!(
        update(&mut a, Msg::Confirm(true), at(132)),
        vec![Effect::Save]
    );
    assert_eq!(a.screen, Screen::Test);
    let unit = a.library.get(UNIT).expect("unit");
    let pool: Vec<(String, String)> = unit
        .questions
        .iter()
        .map(|q| (UNIT.to_string(), q.id.clone()))
        .collect();
    let expect = dangxue::core::quiz::draw("zhangsan", "2026-11", pool, 10);
    let t = a.state.cycles["2026-11"].test.clone().expect("test begun");
    let drawn: Vec<(String, String)> = t
        .answers
        .iter()
        .map(|x| (x.unit.clone(), x.question.clone()))
        .collect();
    assert_eq!(drawn, expect);
    assert!(!t.submitted);
    // Answer nothing and hand in: score 0, and the test cannot be answered again.
    update(&mut a, Msg::SubmitTest, at(140));
    update(&mut a, Msg::Confirm(true), at(141));
    assert_eq!(dangxue::app::update::test_score(&a), Some(0));
    update(&mut a, Msg::Letter('A'), at(142));
    let after = a.state.cycles["2026-11"].test.clone().expect("test");
    assert!(after.submitted);
    assert!(after.answers.iter().all(|x| x.given.is_empty()));
}

#[test]
fn the_editor_keeps_typed_text_in_the_state_and_undoes() {
    let mut a = app();
    update(&mut a, Msg::GoTab(Tab::Home), t0());
    update(&mut a, Msg::Write(Doc::Reflection), t0());
    update(&mut a, Msg::Paste("学习心得".into()), t0());
    let text = |a: &App| {
        a.state.cycles["2026-11"]
            .reflection
            .as_ref()
            .map(|r| r.text.clone())
            .unwrap_or_default()
    };
    assert_eq!(text(&a), "学习心得");
    assert!(a.dirty);
    update(&mut a, Msg::Undo, t0());
    assert_eq!(text(&a), "");
    update(&mut a, Msg::Back, t0());
    assert_eq!(a.screen, Screen::Home);
}

#[test]
fn leaving_the_top_screen_and_ctrl_c_quit_and_the_editor_is_remembered() {
    let mut a = app();
    update(&mut a, Msg::GoTab(Tab::Home), t0());
    assert_eq!(update(&mut a, Msg::Write(Doc::Talk), t0()), vec![]);
    assert_eq!(
        a.state.resume,
        Some(dangxue::core::state::Resume::Editor(Doc::Talk))
    );
    assert_eq!(update(&mut a, Msg::Quit, t0()), vec![Effect::Quit]);
    let mut b = app();
    update(&mut b, Msg::GoTab(Tab::Review), t0());
    assert_eq!(b.screen, Screen::Review);
    assert_eq!(update(&mut b, Msg::Back, t0()), vec![Effect::Quit]);
}

#[test]
fn a_test_and_an_editor_open_at_midnight_keep_the_cycle_they_were_opened_in() {
    let nov: Cycle = "2026-11".parse().expect("cycle");
    let dec: Cycle = "2026-12".parse().expect("cycle");
    let late: Timestamp = "2026-11-30T23:50:00Z".parse().expect("timestamp");
    let after = |secs: i64| late + SignedDuration::from_secs(secs);
    let mut a = app();
    update(&mut a, Msg::Tick, late);
    assert_eq!(a.cycle, nov);
    open(&mut a, late);
    update(&mut a, Msg::Bottom, after(1));
    update(&mut a, Msg::Tick, after(130));
    update(&mut a, Msg::Back, after(130));
    update(&mut a, Msg::GoTab(Tab::Home), after(131));
    update(&mut a, Msg::StartTest, after(131));
    update(&mut a, Msg::Confirm(true), after(132));
    assert_eq!(a.screen, Screen::Test);
    // Past midnight: the app is in December, the open test still November's.
    update(&mut a, Msg::Tick, after(11 * 60));
    assert_eq!(a.cycle, dec);
    assert_eq!(a.test_cycle(), nov);
    assert_eq!(
        update(&mut a, Msg::Letter('A'), after(11 * 60 + 1)),
        vec![Effect::Save],
        "a graded answer is saved at once"
    );
    let given = &a.state.cycles["2026-11"]
        .test
        .as_ref()
        .expect("test")
        .answers[0]
        .given;
    assert!(!given.is_empty(), "the answer went into November's test");
    assert!(!a.state.cycles.contains_key("2026-12"));
    // An editor opened now writes December's text.
    update(&mut a, Msg::Back, after(11 * 60 + 2));
    update(&mut a, Msg::Write(Doc::Reflection), after(11 * 60 + 3));
    update(&mut a, Msg::Paste("十二月心得".into()), after(11 * 60 + 4));
    let reflection = |c: &str| {
        a.state
            .cycles
            .get(c)
            .and_then(|w| w.reflection.as_ref())
            .map(|r| r.text.clone())
    };
    assert_eq!(reflection("2026-12").as_deref(), Some("十二月心得"));
    assert_eq!(reflection("2026-11"), None);
}

#[test]
fn practice_and_the_test_take_the_same_keys_to_the_same_answer() {
    let mut a = app();
    open(&mut a, t0());
    update(&mut a, Msg::Bottom, at(1));
    update(&mut a, Msg::Tick, at(130));
    let unit = a.library.get(UNIT).expect("unit").clone();
    let multi = unit
        .questions
        .iter()
        .position(|q| q.qtype == dangxue::core::unit::QuestionType::Multiple)
        .expect("a multiple-choice question");
    let keys = [
        Msg::Letter('C'),
        Msg::Letter('A'),
        Msg::Down,
        Msg::Toggle,
        Msg::Toggle,
        Msg::Down,
        Msg::Toggle,
        Msg::Char('x'),
    ];
    // Practice (leaving the reader saves the place): answering keys change the
    // answer on screen and save nothing.
    assert_eq!(update(&mut a, Msg::Practice, at(131)), vec![Effect::Save]);
    for _ in 0..multi {
        update(&mut a, Msg::NextQuestion, at(131));
    }
    for k in keys.clone() {
        assert_eq!(update(&mut a, k, at(132)), vec![]);
    }
    let practised = a.quiz.answer.clone();
    assert_eq!((practised.given.as_str(), practised.cursor), ("A", 2));
    update(&mut a, Msg::Back, at(133));
    update(&mut a, Msg::Back, at(133));
    update(&mut a, Msg::GoTab(Tab::Home), at(134));
    update(&mut a, Msg::StartTest, at(134));
    update(&mut a, Msg::Confirm(true), at(135));
    let t = a.state.cycles["2026-11"].test.clone().expect("test begun");
    let n = t
        .answers
        .iter()
        .position(|x| x.unit == UNIT && x.question == unit.questions[multi].id)
        .expect("the question is drawn: the unit is the whole pool");
    update(&mut a, Msg::GoQuestion(n), at(136));
    // The test: a key that changes the answer saves it at once; a cursor move or a
    // key that means nothing here does not.
    let effects: Vec<Vec<Effect>> = keys
        .into_iter()
        .map(|k| update(&mut a, k, at(137)))
        .collect();
    let save = vec![Effect::Save];
    assert_eq!(
        effects,
        vec![
            save.clone(),
            save.clone(),
            vec![],
            save.clone(),
            save.clone(),
            vec![],
            save,
            vec![]
        ]
    );
    let given = &a.state.cycles["2026-11"]
        .test
        .as_ref()
        .expect("test")
        .answers[n]
        .given;
    assert_eq!(given, &practised.given);
    assert_eq!(a.test.cursor, practised.cursor);
}

/// A state with `cycle`'s test begun on q1, q3 and q4 (q1 answered), handed in or not,
/// and a place to resume naming that test at `question`.
fn resumed(cycle: &str, submitted: bool, question: usize) -> App {
    use dangxue::core::state::{GivenAnswer, Resume, TestRecord};
    let mut a = app();
    let answers = ["q1", "q3", "q4"]
        .iter()
        .map(|q| GivenAnswer {
            unit: UNIT.into(),
            question: (*q).into(),
            given: if *q == "q1" {
                "B".into()
            } else {
                String::new()
            },
        })
        .collect();
    a.state.cycles.entry(cycle.into()).or_default().test = Some(TestRecord {
        taken: "2026-10-05T09:00:00Z".parse().expect("datetime"),
        answers,
        submitted,
        submitted_at: None,
    });
    a.state.resume = Some(Resume::Test {
        cycle: cycle.into(),
        question,
    });
    dangxue::app::update::resume(&mut a);
    a
}

#[test]
fn a_resumed_test_opens_at_its_question_and_a_stale_one_opens_the_cycle_page() {
    let a = resumed("2026-11", false, 2);
    assert_eq!((a.screen, a.test.index), (Screen::Test, 2));
    // A place past the test's end (the test changed since) is its first open question.
    let a = resumed("2026-11", false, 7);
    assert_eq!((a.screen, a.test.index), (Screen::Test, 1));
    let before = |a: &App, c: &str| a.state.cycles[c].test.clone();
    // Handed in meanwhile, or the cycle over: 本月, and the record as it was.
    for (cycle, submitted) in [("2026-11", true), ("2026-10", false)] {
        let mut a = resumed(cycle, submitted, 1);
        let record = before(&a, cycle);
        assert_eq!(a.screen, Screen::Home, "{cycle} {submitted}");
        update(&mut a, Msg::SubmitTest, t0());
        assert_eq!(a.confirm, None);
        assert_eq!(before(&a, cycle), record);
        assert_eq!(a.state.resume, None);
    }
    // Leaving the resumed test goes to 本月.
    let mut a = resumed("2026-11", false, 0);
    update(&mut a, Msg::Back, t0());
    assert_eq!(a.screen, Screen::Home);
}

#[test]
fn a_card_with_an_unreadable_due_day_is_due_and_listed_first() {
    let mut a = app();
    for (q, due) in [
        ("q1", "soon"),
        ("q2", "2026-11-11"),
        ("q3", "2026-11-10"),
        ("q4", "2026-9-01"),
    ] {
        a.state.reviews.insert(
            format!("{UNIT}/{q}"),
            dangxue::core::review::Card {
                due: due.into(),
                ..Default::default()
            },
        );
    }
    let key = |q: &str| format!("{UNIT}/{q}");
    assert_eq!(
        a.review_cards(),
        [
            (key("q1"), true),
            (key("q4"), true),
            (key("q3"), true),
            (key("q2"), false)
        ]
    );
    assert_eq!(a.due_reviews(), [key("q1"), key("q4"), key("q3")]);
}

/// A fresh app whose state says to resume at `place`, resumed.
fn resumed_at(place: dangxue::core::state::Resume) -> App {
    let mut a = app();
    a.state.cycles.entry("2026-10".into()).or_default();
    a.state.resume = Some(place);
    dangxue::app::update::resume(&mut a);
    a
}

#[test]
fn the_marks_list_and_history_are_remembered_and_reopened() {
    use dangxue::core::state::Resume;
    let mut a = app();
    a.state.cycles.entry("2026-10".into()).or_default();
    update(&mut a, Msg::Marks, t0());
    assert_eq!(a.state.resume, Some(Resume::Marks));
    update(&mut a, Msg::Back, t0());
    update(&mut a, Msg::GoTab(Tab::Home), t0());
    update(&mut a, Msg::History, t0());
    assert_eq!(a.state.resume, Some(Resume::History { cycle: None }));
    update(&mut a, Msg::Open, t0());
    let evidence = Resume::History {
        cycle: Some("2026-10".into()),
    };
    assert_eq!(a.state.resume, Some(evidence.clone()));

    let mut b = resumed_at(Resume::Marks);
    assert_eq!(b.screen, Screen::Marks);
    update(&mut b, Msg::Back, t0());
    assert_eq!(b.screen, Screen::Library);

    let mut b = resumed_at(evidence);
    assert_eq!(b.screen, Screen::History);
    assert_eq!(b.history.open, Some("2026-10".parse().expect("cycle")));
    update(&mut b, Msg::Back, t0());
    assert_eq!((b.screen, b.history.open), (Screen::History, None));
    update(&mut b, Msg::Back, t0());
    assert_eq!(b.screen, Screen::Home);

    // A cycle that is not a past one (the current, or none on record): the list alone.
    for cycle in ["2026-11", "2025-01", "bad"] {
        let b = resumed_at(Resume::History {
            cycle: Some(cycle.into()),
        });
        assert_eq!(
            (b.screen, b.history.open),
            (Screen::History, None),
            "{cycle}"
        );
    }
}

/// The reflection editor at 80x24 holding `text`, the cursor moved to its start.
fn editor_with(text: &str) -> App {
    let mut a = app();
    update(&mut a, Msg::GoTab(Tab::Home), t0());
    update(&mut a, Msg::Write(Doc::Reflection), t0());
    update(&mut a, Msg::Paste(text.into()), t0());
    let key = ratatui_textarea::Input {
        key: ratatui_textarea::Key::Char('<'),
        ctrl: false,
        alt: true,
        shift: false,
    };
    let home = ratatui_textarea::Input {
        key: ratatui_textarea::Key::Home,
        alt: false,
        ..key.clone()
    };
    update(&mut a, Msg::Editor(key), t0());
    update(&mut a, Msg::Editor(home), t0());
    a
}

fn press(a: &mut App, key: ratatui_textarea::Key) -> (usize, usize) {
    let input = ratatui_textarea::Input {
        key,
        ctrl: false,
        alt: false,
        shift: false,
    };
    update(a, Msg::Editor(input), t0());
    a.editor.as_ref().map_or((0, 0), |e| {
        let c = e.fields[0].cursor();
        (c.0, c.1)
    })
}

#[test]
fn page_down_and_up_in_the_editor_move_a_box_of_rows_less_one() {
    use ratatui_textarea::Key::{PageDown, PageUp, Right};
    let text: Vec<String> = (0..40).map(|i| format!("第{i}行")).collect();
    let mut a = editor_with(&text.join("\n"));
    // 24 rows less the title and footer rows and the box's two borders: 20 shown.
    assert_eq!(press(&mut a, Right), (0, 1));
    assert_eq!(press(&mut a, PageDown), (19, 1));
    assert_eq!(press(&mut a, PageDown), (38, 1));
    assert_eq!(press(&mut a, PageDown), (39, 1));
    assert_eq!(press(&mut a, PageUp), (20, 1));
    assert_eq!(press(&mut a, PageUp), (1, 1));
    assert_eq!(press(&mut a, PageUp), (0, 1));
}

#[test]
fn a_pasted_tab_is_kept_as_a_tab() {
    let mut a = editor_with("甲\t乙");
    assert_eq!(press(&mut a, ratatui_textarea::Key::Right), (0, 1));
    assert_eq!(press(&mut a, ratatui_textarea::Key::Right), (0, 2));
    let saved = a.state.cycles["2026-11"].reflection.clone().map(|r| r.text);
    assert_eq!(saved.as_deref(), Some("甲\t乙"));
}
