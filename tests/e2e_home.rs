//! 本月 as the start of a day's study, with the real binary in a pseudo-terminal: the
//! unit left half-read is offered there, one key reopens it at the place it was left,
//! in a later session too, and the state file records when it was opened.

mod support;

use support::{Pty, home, state};

const UNIT: &str = "a000-ulanhot-red-property";
const TITLE: &str = "红色物业 凝聚基层治理合力";

/// The first line of text in the reader's body (from row 3 of the screen: a page can
/// end with a blank line on top).
fn first_body_line(screen: &str) -> String {
    screen
        .lines()
        .skip(2)
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}

#[test]
fn continue_on_home_reopens_the_half_read_unit_at_its_place() {
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
    let top = p.screen();
    p.keys(" ");
    let scrolled = p.wait_until("a scrolled page", |s| {
        first_body_line(s) != first_body_line(&top)
    });
    let line = first_body_line(&scrolled);
    assert!(!line.is_empty(), "{scrolled}");
    p.keys("q");
    p.wait_for("学习库");
    p.keys("1");
    let home = p.wait_for("继续阅读  Enter");
    assert!(home.contains(TITLE), "the unit is offered: {home}");
    assert!(home.contains("上次读到「"), "with its place: {home}");
    assert!(
        home.contains("还需：读到末尾"),
        "and what it still needs: {home}"
    );
    p.keys("\r");
    let back = p.wait_until("the reader at the saved place", |s| {
        first_body_line(s) == line
    });
    assert!(back.contains(TITLE), "{back}");
    // Leaving the reader goes back to 本月, where it was opened from.
    p.keys("q");
    p.wait_for("继续阅读  Enter");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);

    let st = state(h.path(), "zhangsan");
    let u = st["units"][UNIT].as_table().expect("the unit's progress");
    assert!(u.get("opened").is_some(), "when it was opened: {u:?}");
    assert!(u["offset"].as_integer().expect("offset") > 0, "{u:?}");

    // A later session offers it too, and `c` opens it the same way.
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for("学习库");
    p.keys("1");
    p.wait_for("继续阅读  Enter");
    p.keys("c");
    let again = p.wait_until("the saved place, a session later", |s| {
        first_body_line(s) == line
    });
    assert!(again.contains(TITLE), "{again}");
    p.keys("q");
    p.wait_for("继续阅读");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}
