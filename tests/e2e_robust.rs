//! As on a shared server: kill -9 at random moments, two sessions of one member,
//! escape sequences in content, and terminals shrunk to nothing and grown back.

mod support;

use std::time::Duration;

use support::{Pty, home, state, wait_for_file};

/// A small deterministic generator so the kill moments vary but the test repeats.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn kill_9_at_random_moments_never_tears_the_state_file() {
    let h = support::home_with_config("[read]\nmin_seconds = 1\n");
    let mut rng = Lcg(7);
    let mut saved_offsets = Vec::new();
    for round in 0..12 {
        let mut p = Pty::start(h.path(), &["--member", "wangwu"], 80, 24);
        if round == 0 {
            p.open_by_search("凝聚基层治理合力", "栏目 广角");
        } else {
            // Every later start resumes in the unit by itself.
            p.wait_for("栏目 广角");
        }
        for _ in 0..(3 + rng.next(8)) {
            p.keys(if rng.next(3) == 0 { "k" } else { "j" });
            std::thread::sleep(Duration::from_millis(rng.next(250)));
        }
        std::thread::sleep(Duration::from_millis(rng.next(1500)));
        p.signal("KILL");
        p.wait_exit();
        // Whatever moment the kill came, the file is a whole state: old or new.
        let st = state(h.path(), "wangwu");
        assert_eq!(st["member_id"].as_str(), Some("wangwu"));
        let off = st["units"]["a000-ulanhot-red-property"]["offset"]
            .as_integer()
            .expect("an offset");
        saved_offsets.push(off);
    }
    // Saves happened along the way (not only at the first open).
    assert!(saved_offsets.iter().any(|o| *o > 0), "{saved_offsets:?}");
    // No temp file is left where the state file lives, except possibly the last one
    // interrupted; none of them is mistaken for a member.
    let (code, out, _) = support::run(h.path(), &["--member", "wangwu", "status"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn two_sessions_of_one_member_keep_both_readings() {
    let h = home();
    let mut a = Pty::start(h.path(), &["--member", "zhaoliu"], 80, 24);
    a.open_by_search("凝聚基层治理合力", "栏目 广角");
    let mut b = Pty::start(h.path(), &["--member", "zhaoliu"], 80, 24);
    // The second login is told, and starts in the library, not where the first is.
    b.wait_for("另一个会话");
    b.open_by_search("第五章", "第五章");
    a.keys("jjjj");
    b.keys("jjj");
    std::thread::sleep(Duration::from_millis(1200));
    a.keys("q");
    b.keys("q");
    a.wait_for("学习库");
    b.wait_for("学习库");
    a.keys("qq");
    b.keys("qq");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);
    let st = state(h.path(), "zhaoliu");
    let units = st["units"].as_table().expect("units");
    assert!(units.contains_key("a000-ulanhot-red-property"), "{units:?}");
    assert!(units.contains_key("c05-basic-organisations"), "{units:?}");
    for (id, u) in units {
        assert!(
            u["seconds"].as_integer().expect("seconds") >= 1,
            "{id}: {u:?}"
        );
    }
}

#[test]
fn escape_sequences_in_content_are_shown_not_obeyed() {
    let h = home();
    let dir = h.path().join("units");
    std::fs::create_dir(&dir).expect("units dir");
    std::fs::write(
        dir.join("evil.md"),
        "+++\nid = \"evil\"\ntitle = \"标题\\u001b[2J\\u001b]0;pwned\\u0007结束\"\nkind = \"brief\"\n+++\n正文\u{1b}[31m红字\u{1b}[0m。\n",
    )
    .expect("unit");
    support::write_config(
        h.path(),
        &format!("content_dirs = [{:?}]\n", dir.display().to_string()),
    );
    let mut p = Pty::start(h.path(), &["--member", "m"], 80, 24);
    p.open_by_search("结束", "\\u{1b}[2J");
    let s = p.wait_for("\\u{1b}[31m");
    assert!(s.contains("标题\\u{1b}[2J\\u{1b}]0;pwned\\u{7}结束"), "{s}");
    assert!(s.contains("正文\\u{1b}[31m红字\\u{1b}[0m。"), "{s}");
    p.keys("q");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn shrinking_to_nothing_and_growing_back() {
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "m"], 80, 24);
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
    for (w, h2) in [
        (1, 1),
        (5, 2),
        (120, 3),
        (2, 40),
        (39, 9),
        (200, 60),
        (1, 1),
        (13, 7),
    ] {
        p.resize(w, h2);
        std::thread::sleep(Duration::from_millis(40));
    }
    p.resize(30, 8);
    p.wait_for("终端太小");
    p.resize(80, 24);
    p.wait_for("栏目 广角");
    p.keys("q");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn two_sessions_writing_the_same_reflection_differently_lose_neither() {
    let h = home();
    let mut a = Pty::start(h.path(), &["--member", "qianqi"], 80, 24);
    a.wait_for("学习库");
    let mut b = Pty::start(h.path(), &["--member", "qianqi"], 80, 24);
    b.wait_for("另一个会话");
    a.keys("1r");
    a.wait_for("写心得");
    b.keys("1r");
    b.wait_for("写心得");
    a.keys("甲会话的心得");
    a.wait_for("心得 6/300 字");
    a.send("\u{1b}");
    a.wait_for("月读");
    // The first session draws 月读 and then saves: the second types once it is on disk.
    wait_for_file(&h.path().join("members/qianqi.toml"), "甲会话的心得");
    b.keys("乙会话的心得");
    // The second session had typed nothing when the first saved: its editor followed
    // the record, so its text comes after the first one's, and nothing is set aside.
    b.wait_for("甲会话的心得乙会话的心得");
    b.send("\u{1b}");
    b.wait_for("月读");
    a.keys("q");
    b.keys("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);
    let text = std::fs::read_to_string(h.path().join("members/qianqi.toml")).expect("state");
    assert!(text.contains("甲会话的心得"), "{text}");
    assert!(text.contains("乙会话的心得"), "{text}");
    assert!(!text.contains("[[conflicts]]"), "{text}");
}
