//! The content changes under an open test: a question in the member's draw is removed
//! from its unit. The real binary in a pseudo-terminal, then `export` and `report`.

mod support;

use std::fmt::Write as _;
use std::path::Path;

use support::{Pty, home, test_answers, write_config};

const UNIT: &str = "t100-gone";

/// A unit of six judge questions, all true, leaving out `without`.
fn write_unit(h: &Path, without: Option<&str>) {
    let mut questions = String::new();
    for q in (1..=6).map(|n| format!("q{n}")) {
        if Some(q.as_str()) == without {
            continue;
        }
        let _ = write!(
            questions,
            "[[questions]]\nid = \"{q}\"\ntype = \"judge\"\nprompt = \"题目 {q} 的说法正确。\"\n\
             answer = true\nexplain = \"正文说了。\"\n\n"
        );
    }
    let units = h.join("units");
    std::fs::create_dir_all(&units).expect("units");
    std::fs::write(
        units.join(format!("{UNIT}.md")),
        format!(
            "+++\nid = \"{UNIT}\"\ntitle = \"删题测试单元\"\nkind = \"article\"\n\n{questions}+++\n正文说了。\n"
        ),
    )
    .expect("unit");
}

fn start(h: &Path) -> Pty {
    Pty::start_at(h, &["--member", "zhangsan"], "2026-11-20 12:00:00", "UTC")
}

#[test]
fn a_question_removed_from_the_content_is_named_and_the_test_drawn_again_and_verified() {
    let h = home();
    write_unit(h.path(), None);
    write_config(
        h.path(),
        "content_dirs = [\"units\"]\n\n[study]\nquestions = 4\n",
    );
    support::write_member(
        h.path(),
        "zhangsan",
        "张三",
        &format!(
            "[units.{UNIT}]\noffset = 0\nfurthest = 15\nseconds = 600\n\n\
             [units.{UNIT}.cycles.2026-11]\nseconds = 600\nreached_end = true\n\
             finished = 2026-11-10T10:00:00+00:00\n"
        ),
    );

    // Begin the test and answer the first two questions.
    let mut p = start(h.path());
    p.wait_for("学习库");
    p.keys("1x");
    p.wait_for("开始");
    p.keys("y");
    p.wait_for("第 1/4 题");
    p.keys("A\r");
    p.wait_for("第 2/4 题");
    p.keys("A");
    p.wait_until("the answer marked", |s| s.contains("(•)"));
    p.keys("q");
    p.wait_for("测试进行中（已答 2/4）");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let before = test_answers(h.path(), "2026-11");
    assert_eq!(before.len(), 4);
    assert!(before[0].1 == "true" && before[1].1 == "true", "{before:?}");

    // The first drawn question leaves the content.
    let gone = before[0].0.clone();
    write_unit(h.path(), Some(&gone));

    let mut p = start(h.path());
    p.wait_for("学习库");
    p.keys("1x");
    let s = p.wait_for(&format!("已不在学习内容中：{UNIT}/{gone}"));
    assert!(s.contains("已按现有内容重新抽题"), "{s}");
    assert!(
        s.contains("第 ") && s.contains("/4 题"),
        "a question to answer: {s}"
    );
    // Saved at once (the frame comes first: allow the save a moment).
    let started = std::time::Instant::now();
    let after = loop {
        let after = test_answers(h.path(), "2026-11");
        if after.iter().all(|(q, _)| *q != gone) {
            break after;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "the record is drawn again: {after:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(after.len(), 4, "four of the five left: {after:?}");
    for (q, given) in &after {
        let old = before.iter().find(|(b, _)| b == q).map(|(_, g)| g.as_str());
        assert_eq!(
            Some(given.as_str()),
            old.or(Some("")),
            "{q}: an answer kept"
        );
    }
    // Answer the rest and hand in: every answer right is 100.
    p.keys("1");
    for i in 1..=4 {
        p.wait_for(&format!("第 {i}/4 题"));
        p.keys("A");
        p.wait_until("the answer marked", |s| s.contains("(•)"));
        if i < 4 {
            p.keys("\r");
        }
    }
    p.keys("S");
    p.wait_for("确认交卷");
    p.keys("y");
    p.wait_for("得分 100");
    p.keys("q");
    p.wait_for("月学");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);

    // What the member handed in is the draw over the content as it is: the
    // secretary's report, with the same content, verifies it.
    let drop = h.path().join("drop");
    std::fs::create_dir_all(&drop).expect("drop");
    support::export(
        h.path(),
        Some("2026-11"),
        &drop.join("zhangsan-2026-11.toml"),
    );
    let rows = support::report_rows(h.path(), &drop, "2026-11");
    let row = &rows[0];
    assert_eq!(row["score"].as_u64(), Some(100), "{row:#}");
    let problems: Vec<&str> = row["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("抽题") || p.contains("draw") || p.contains(&gone)),
        "{problems:?}"
    );
}
