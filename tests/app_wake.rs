//! When the app next changes by itself (`App::next_change`), which is when the terminal
//! loop wakes with no key pressed: never outside the reader, in the reader only when
//! a minute shown in the footer changes, the unit becomes finished, or counting stops.

use dangxue::app::msg::Msg;
use dangxue::app::update::update;
use dangxue::app::{App, Screen};
use dangxue::core::regime::Rules;
use dangxue::core::state::MemberState;
use dangxue::store::content::load_builtin;
use jiff::{SignedDuration, Timestamp};

const UNIT: &str = "a000-ulanhot-red-property";

fn t0() -> Timestamp {
    "2026-11-10T12:00:00Z".parse().expect("timestamp")
}

fn at(ms: i64) -> Timestamp {
    t0() + SignedDuration::from_millis(ms)
}

fn app(rules: Rules) -> App {
    let s = dangxue::strings::get(dangxue::core::config::Lang::Zh);
    let mut a = App::new(
        s,
        load_builtin(),
        rules,
        MemberState::new("zhangsan", "张三"),
        jiff::tz::TimeZone::UTC,
        t0(),
    );
    update(&mut a, Msg::Resize(80, 24), t0());
    a
}

fn open(a: &mut App) {
    dangxue::app::update::open_unit(a, UNIT, None);
    update(a, Msg::Top, t0());
}

fn seconds(a: &App) -> u64 {
    a.state.units[UNIT].cycles["2026-11"].seconds
}

#[test]
fn nothing_is_due_outside_the_reader() {
    let mut a = app(Rules::default());
    assert_eq!(a.screen, Screen::Library);
    assert_eq!(a.next_change(), None);
    assert_eq!(a.reading_until(), None);
    open(&mut a);
    update(&mut a, Msg::Back, at(5_000));
    assert_eq!(a.screen, Screen::Library);
    assert_eq!(a.next_change(), None);
}

#[test]
fn in_the_reader_the_next_change_is_the_next_whole_minute() {
    let mut a = app(Rules::default());
    open(&mut a);
    assert_eq!(a.reading_until(), Some(at(300_000)));
    assert_eq!(a.next_change(), Some(at(60_000)));
    // A key 20.5 s in: 20 s counted, half a second pending; the minute is still due
    // at 60 s.
    update(&mut a, Msg::Down, at(20_500));
    assert_eq!(seconds(&a), 20);
    assert_eq!(a.next_change(), Some(at(60_000)));
    // Waking exactly then shows the new minute.
    update(&mut a, Msg::Tick, at(60_000));
    assert_eq!(seconds(&a), 60);
    assert_eq!(a.next_change(), Some(at(120_000)));
}

#[test]
fn minutes_still_needed_change_when_the_shown_figure_does() {
    let rules = Rules {
        read: dangxue::core::regime::ReadRules {
            min_seconds: 90,
            ..Rules::default().read
        },
        ..Rules::default()
    };
    let mut a = app(rules);
    open(&mut a);
    // 还需 2 分 until 30 s are counted, then 还需 1 分, then the spent minute at 60 s.
    assert_eq!(a.next_change(), Some(at(30_000)));
    update(&mut a, Msg::Tick, at(30_000));
    assert_eq!(a.next_change(), Some(at(60_000)));
    update(&mut a, Msg::Tick, at(60_000));
    assert_eq!(a.next_change(), Some(at(90_000)));
    update(&mut a, Msg::Tick, at(90_000));
    assert_eq!(a.next_change(), Some(at(120_000)));
}

#[test]
fn the_moment_a_read_unit_becomes_finished_is_a_change() {
    let rules = Rules {
        read: dangxue::core::regime::ReadRules {
            min_seconds: 45,
            ..Rules::default().read
        },
        ..Rules::default()
    };
    let mut a = app(rules);
    open(&mut a);
    update(&mut a, Msg::Bottom, at(10_000));
    assert_eq!(a.next_change(), Some(at(45_000)));
    update(&mut a, Msg::Tick, at(45_000));
    let finished = a.state.units[UNIT].cycles["2026-11"]
        .finished
        .expect("finished at the wake-up");
    // Stamped when the time was reached, not at some later key.
    assert_eq!(finished.to_string(), "2026-11-10T12:00:45+00:00");
    assert_eq!(a.next_change(), Some(at(60_000)));
}

#[test]
fn after_the_idle_cut_off_nothing_is_due_until_a_key() {
    let mut a = app(Rules::default());
    open(&mut a);
    update(&mut a, Msg::Tick, at(240_000));
    // The last change: counting stops 300 s after the last key.
    assert_eq!(a.next_change(), Some(at(300_000)));
    update(&mut a, Msg::Tick, at(300_000));
    assert_eq!(seconds(&a), 300);
    assert_eq!(a.next_change(), None);
    // Hours later, still nothing, and nothing more counted.
    update(&mut a, Msg::Tick, at(4 * 3_600_000));
    assert_eq!(seconds(&a), 300);
    assert_eq!(a.next_change(), None);
    // A key opens the window again.
    update(&mut a, Msg::Down, at(4 * 3_600_000 + 1_000));
    assert_eq!(a.reading_until(), Some(at(4 * 3_600_000 + 301_000)));
    assert!(a.next_change().is_some());
}

#[test]
fn time_read_without_wake_ups_is_counted_at_the_next_key() {
    // Ticks every second and a single key after 200 s count the same.
    let mut ticked = app(Rules::default());
    open(&mut ticked);
    for s in 1..=200 {
        update(&mut ticked, Msg::Tick, at(s * 1000));
    }
    let mut quiet = app(Rules::default());
    open(&mut quiet);
    update(&mut quiet, Msg::Down, at(200_000));
    assert_eq!(seconds(&quiet), 200);
    assert_eq!(seconds(&ticked), seconds(&quiet));
    assert_eq!(
        ticked.state.days["2026-11-10"],
        quiet.state.days["2026-11-10"]
    );
}
