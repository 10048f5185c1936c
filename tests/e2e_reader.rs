//! The reader as a member uses it: in a pseudo-terminal, with keys, then the files.

mod support;

use support::{Pty, home, state};

const UNIT: &str = "a000-ulanhot-red-property";
const TITLE: &str = "红色物业 凝聚基层治理合力";

/// Search the library for the unit and open it.
fn open_unit(p: &mut Pty) {
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
}

/// The first body row of the reader (row 3 of the screen).
fn first_body_line(screen: &str) -> String {
    screen.lines().nth(2).unwrap_or("").trim().to_string()
}

fn unit_state(home: &std::path::Path) -> toml::Table {
    let st = state(home, "zhangsan");
    st["units"][UNIT]
        .as_table()
        .expect("unit progress recorded")
        .clone()
}

#[test]
fn search_read_quit_and_resume_at_the_same_place() {
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    open_unit(&mut p);
    let top = p.screen();
    assert!(top.contains(TITLE), "{top}");
    p.keys("  ");
    let scrolled = p.wait_until("a scrolled page", |s| {
        first_body_line(s) != first_body_line(&top)
    });
    let line = first_body_line(&scrolled);
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);

    let u = unit_state(h.path());
    let offset = u["offset"].as_integer().expect("offset");
    assert!(offset > 0, "{u:?}");
    assert!(u["furthest"].as_integer().expect("furthest") > offset);

    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    open_unit(&mut p);
    let again = p.wait_until("the saved place", |s| first_body_line(s) == line);
    assert!(again.contains(TITLE));
    p.keys("q");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_hang_up_mid_read_loses_nothing() {
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    open_unit(&mut p);
    let top = p.screen();
    p.keys("jjjjjjj");
    let moved = p.wait_until("scrolled lines", |s| {
        first_body_line(s) != first_body_line(&top)
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    let line = first_body_line(&p.screen());
    assert!(!line.is_empty(), "{moved}");
    p.signal("HUP");
    let code = p.wait_exit();
    assert_eq!(code, 129, "SIGHUP ends with 128+1");
    let u = unit_state(h.path());
    assert!(u["offset"].as_integer().expect("offset") > 0, "{u:?}");

    // The next start reopens the unit by itself, at the same place.
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    let s = p.wait_until("the place before the hang-up", |s| {
        first_body_line(s) == line
    });
    assert!(s.contains(TITLE), "{s}");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn reading_to_the_end_with_enough_time_finishes_the_unit() {
    let h = support::home_with_config("[read]\nmin_seconds = 1\n");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    open_unit(&mut p);
    p.keys("G");
    p.wait_for("100%");
    std::thread::sleep(std::time::Duration::from_millis(2500));
    p.keys("q");
    p.wait_for("已计入本月 ✓");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let u = unit_state(h.path());
    let cycles = u["cycles"].as_table().expect("cycles");
    let (_, c) = cycles.iter().next().expect("one cycle");
    assert!(c.get("finished").is_some(), "{c:?}");
    assert!(c["seconds"].as_integer().expect("seconds") >= 1);
}
