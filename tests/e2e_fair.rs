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
