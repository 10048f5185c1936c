//! Profiles in a pseudo-terminal: a picker of 30 members that scrolls and searches,
//! its help, a new profile whose id is shown and chosen (the roster's ids offered),
//! and display names changed from the picker and from 本月.

mod support;

use support::{Pty, home, state};

fn thirty(h: &std::path::Path) {
    let members = h.join("members");
    std::fs::create_dir_all(&members).expect("members dir");
    for i in 1..=30 {
        std::fs::write(
            members.join(format!("m{i:02}.toml")),
            format!("format = 1\nmember_id = \"m{i:02}\"\nname = \"成员{i}\"\n"),
        )
        .expect("state");
    }
}

#[test]
fn thirty_members_scroll_search_and_show_help() {
    let h = home();
    thirty(h.path());
    let mut p = Pty::start(h.path(), &[], 80, 24);
    let s = p.wait_for("选择学习档案");
    assert!(s.contains("1/31"), "{s}");
    assert!(!s.contains("成员30"), "only what fits is drawn: {s}");
    p.keys("G");
    let s = p.wait_for("31/31");
    assert!(
        s.contains("+ 新建档案") && s.contains("成员30  (m30)"),
        "{s}"
    );
    p.keys("?");
    p.wait_for("修改选中档案的姓名");
    p.keys("x");
    p.wait_until("help closed", |s| !s.contains("修改选中档案的姓名"));
    p.keys("g");
    p.wait_for("1/31");
    p.keys("/成员7");
    let s = p.wait_for("(1)");
    assert!(s.contains("成员7  (m07)"), "{s}");
    p.keys("\r\r");
    p.wait_for("成员7 · ");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_new_profile_gets_the_id_the_member_chose() {
    let h = home();
    thirty(h.path());
    let mut p = Pty::start(h.path(), &[], 80, 24);
    p.wait_for("选择学习档案");
    p.keys("G\r");
    let s = p.wait_for("新建学习档案");
    assert!(s.contains("编号: tester"), "the login's id, shown: {s}");
    // A bad id is refused with the reason; then a good one.
    p.keys("\t");
    for _ in 0..6 {
        p.send("\u{7f}");
    }
    p.keys("-wang");
    p.keys("\r");
    p.wait_for("不合要求");
    for _ in 0..5 {
        p.send("\u{7f}");
    }
    p.keys("wang-wu\t");
    for _ in 0..6 {
        p.send("\u{7f}");
    }
    p.keys("王五\r");
    p.wait_for("王五 · ");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let st = state(h.path(), "wang-wu");
    assert_eq!(st["name"].as_str(), Some("王五"));
    assert!(!h.path().join("members/tester.toml").exists());
    assert!(!h.path().join("members/-wang.toml").exists());
}

#[test]
fn the_first_run_offers_the_roster_and_names_are_changed() {
    let h = home();
    std::fs::write(
        h.path().join("plan.toml"),
        "format = \"dangxue-plan/1\"\n\n[[member]]\nid = \"zhangsan\"\nname = \"张三\"\n\n\
         [[member]]\nid = \"lisi\"\nname = \"李四\"\n",
    )
    .expect("plan");
    support::write_config(h.path(), "plan = \"plan.toml\"\n");
    let mut p = Pty::start(h.path(), &[], 80, 24);
    let s = p.wait_for("请填写您的姓名和档案编号");
    assert!(
        s.contains("支部名册中的成员") && s.contains("李四  (lisi)"),
        "{s}"
    );
    p.send("\u{1b}[B");
    p.send("\u{1b}[B");
    p.wait_for("编号: lisi");
    p.keys("\r");
    p.wait_for("李四 · ");
    // Rename on 本月.
    p.keys("1n");
    p.wait_for("修改姓名");
    p.send("\u{7f}");
    p.keys("小四\r");
    p.wait_for("李小四 · ");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(state(h.path(), "lisi")["name"].as_str(), Some("李小四"));

    // A second profile, then rename the first one from the picker and leave.
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for("zhangsan · ");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let mut p = Pty::start(h.path(), &[], 80, 24);
    p.wait_for("李小四  (lisi)");
    p.keys("e");
    p.wait_for("修改姓名");
    for _ in 0..3 {
        p.send("\u{7f}");
    }
    p.keys("李四\r");
    p.wait_for("李四  (lisi)");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    assert_eq!(state(h.path(), "lisi")["name"].as_str(), Some("李四"));
}
