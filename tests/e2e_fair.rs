//! A fair record for the member, end to end in a pseudo-terminal: the keys of the quiz
//! and the test never cost a mark, "read" means what the rules say, dates follow the
//! member's zone, and midnight at a cycle's end loses nothing. Clocks are set with
//! libfaketime.

mod support;

use support::{Pty, home};

/// A UTC server, a member in Shanghai: at 20:00 UTC on 1 November it is already
/// 2 November for the member, and the calendar must underline the 2nd.
#[test]
fn the_calendar_underlines_the_members_today_not_the_servers() {
    let h = home();
    std::fs::write(
        h.path().join("config.toml"),
        "timezone = \"Asia/Shanghai\"\n",
    )
    .expect("write config");
    let mut p = Pty::start_at(
        h.path(),
        &["--member", "zhangsan"],
        "2026-11-01 20:00:00",
        "UTC",
    );
    p.wait_for("学习库");
    p.keys("1");
    p.wait_for("2026年11月");
    // The active tab is underlined too; the calendar's days are the numeric cells.
    let underlined: Vec<String> = p
        .underlined()
        .into_iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(
        underlined,
        vec!["2".to_string()],
        "{underlined:?}\n{}",
        p.screen()
    );
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

const UNIT_SEARCH: &str = "凝聚基层治理合力";
const UNIT_TITLE: &str = "红色物业 凝聚基层治理合力";

/// The library row of the unit under test.
fn library_row(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains("红色物业 凝聚"))
        .unwrap_or_else(|| panic!("no library row for the unit:\n{screen}"))
        .to_string()
}

/// Finding 6: "read" means the last line reached AND `min_seconds` spent, idle time not
/// counted, per cycle; the library, the reader, 本月 and `status` say the same.
#[test]
fn read_means_the_end_reached_and_the_time_spent_in_this_cycle() {
    let h = home();
    std::fs::write(
        h.path().join("config.toml"),
        "timezone = \"UTC\"\n[read]\nmin_seconds = 6\nidle_seconds = 2\n",
    )
    .expect("write config");
    let mut p = Pty::start_at(
        h.path(),
        &["--member", "zhangsan"],
        "2026-11-30 12:00:00",
        "UTC",
    );
    p.open_by_search(UNIT_SEARCH, "栏目 广角");
    p.wait_for("计时中");
    p.keys("G");
    // The end is reached at once, but the time is short.
    let s = p.wait_for("读完·还需");
    assert!(s.contains("计时中"), "{s}");
    p.keys("q");
    let s = p.wait_for("学习库");
    let row = library_row(&s);
    assert!(row.contains("读完·还需"), "{row}");
    assert!(!row.contains("已读") && !row.contains("已计入"), "{row}");
    let (_, status, _) = support::run(
        h.path(),
        &["--member", "zhangsan", "status", "--cycle", "2026-11"],
    );
    assert!(status.contains("读完·还需"), "{status}");
    // Back in the reader with no key pressed: after idle_seconds time stops counting.
    p.keys("\r");
    p.wait_for("栏目 广角");
    let s = p.wait_for("闲置，不计时");
    assert!(s.contains("读完·还需"), "{s}");
    // Keys keep the clock running until the rule is met.
    let start = std::time::Instant::now();
    while !p.screen().contains("已计入本月 ✓") {
        assert!(
            start.elapsed() < support::WAIT,
            "never counted:\n{}",
            p.screen()
        );
        p.keys("k");
        std::thread::sleep(std::time::Duration::from_millis(700));
    }
    p.keys("q");
    let s = p.wait_for("学习库");
    assert!(library_row(&s).contains("已计入本月 ✓"), "{s}");
    // The first `q` clears the search, the second quits.
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let (_, status, _) = support::run(
        h.path(),
        &["--member", "zhangsan", "status", "--cycle", "2026-11"],
    );
    assert!(status.contains(&format!("✓ {UNIT_TITLE}")), "{status}");
    assert!(status.contains("1/4"), "{status}");

    // The next cycle: last month's reading does not make the unit read again.
    let mut p = Pty::start_at(
        h.path(),
        &["--member", "zhangsan"],
        "2026-12-01 09:00:00",
        "UTC",
    );
    p.wait_for("学习库");
    p.keys("/");
    p.keys(UNIT_SEARCH);
    let s = p.wait_for("(1)");
    let row = library_row(&s);
    assert!(row.contains("未读"), "{row}");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
}
