//! The real binary in a pseudo-terminal: the reading chart on 本月 under `NO_COLOR`,
//! and 错题本's passage look-up that leaves the saved reading place alone.

mod support;

use std::fmt::Write as _;

use support::{Pty, faketime_env, home, state};

const UNIT: &str = "a000-ulanhot-red-property";

fn start(h: &std::path::Path, at: &str, extra: &[(&str, &str)]) -> Pty {
    let mut env = faketime_env(at, "UTC");
    env.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string())),
    );
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    Pty::start_env(h, &["--member", "zhangsan"], 80, 24, &env)
}

#[test]
fn the_chart_labels_minutes_and_days_and_is_not_inverted_without_colour() {
    let h = home();
    support::write_member(
        h.path(),
        "zhangsan",
        "张三",
        "[days]\n2026-11-02 = 60\n2026-11-10 = 720\n2026-11-19 = 2700\n2026-11-20 = 1200\n",
    );
    let mut p = start(h.path(), "2026-11-20 12:00:00", &[("NO_COLOR", "1")]);
    p.wait_for("学习库");
    p.keys("1");
    // The totals are the chart's last line: once they are drawn, all of it is.
    let s = p.wait_for("今天 20 · 本期 78 分钟");
    assert!(s.contains("每日阅读（分钟）"), "{s}");
    assert!(s.contains("60┤"), "the scale's top is labelled: {s}");
    assert!(s.contains(" 0┤"), "{s}");
    let labels = s
        .lines()
        .find(|l| l.contains("10   15   20"))
        .unwrap_or_else(|| panic!("day labels under the bars: {s}"));
    assert!(labels.trim_start().starts_with('1'), "{labels}");
    let solid = s.lines().filter(|l| l.contains('█')).count();
    assert!(solid >= 5, "the 45-minute day stands as a bar: {s}");
    let inverted = p.inverse_in(56..80);
    assert!(
        inverted.is_empty(),
        "no reverse video in the chart column: {inverted:?}\n{s}"
    );
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn opening_a_cards_passage_does_not_move_the_reading_place() {
    let h = home();
    let mut p = start(h.path(), "2026-11-20 12:00:00", &[]);
    p.open_by_search("凝聚基层治理合力", "红色物业 凝聚基层治理合力");
    // Practise: q1 right (B), q2 wrong (D alone; the answer is ABC).
    p.keys("t");
    p.wait_for("第 1/");
    p.keys("B\r");
    p.wait_for("回答正确");
    p.keys("\r");
    p.wait_for("第 2/");
    p.keys("D\r");
    p.wait_for("回答错误");
    p.keys("qq");
    p.wait_for("学习库");
    p.keys("3");
    p.wait_for("下次复习");
    p.keys("o");
    let s = p.wait_for("画出共治");
    assert!(s.contains("红色物业 凝聚基层治理合力"), "{s}");
    p.keys("jjj");
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.keys("q");
    p.wait_for("下次复习");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let st = state(h.path(), "zhangsan");
    let offset = st["units"][UNIT]["offset"].as_integer();
    assert_eq!(offset, Some(0), "the place stays at the start: {st:#?}");
    assert!(st.get("resume").is_none(), "{st:#?}");
}

#[test]
fn history_lists_past_cycles_and_opens_their_evidence() {
    let h = home();
    support::write_member(
        h.path(),
        "zhangsan",
        "张三",
        &format!(
            "[units.{UNIT}]\noffset = 0\nfurthest = 100\nseconds = 600\n\n\
             [units.{UNIT}.cycles.2026-10]\nseconds = 600\nreached_end = true\n\
             finished = 2026-10-03T20:11:09+08:00\n\n\
             [cycles.2026-10.reflection]\ntext = \"十月的心得:红色物业让小区议事有了去处。\"\n\n\
             [cycles.2026-10.talk]\ntopic = \"红色物业进小区\"\noutline = \"提纲\"\n\
             delivered = 2026-10-20\n"
        ),
    );
    let mut p = start(h.path(), "2026-11-20 12:00:00", &[]);
    p.wait_for("学习库");
    p.keys("1");
    let s = p.wait_for("h 往期");
    assert!(s.contains("本月"), "{s}");
    p.keys("h");
    let s = p.wait_for("往期记录 · 1/1");
    assert!(
        s.contains("2026-10  月读 ✗  月讲 ✗  月学 ✗  测试未参加"),
        "{s}"
    );
    p.keys("\r");
    let s = p.wait_for("十月的心得");
    assert!(s.contains("✓ 红色物业 凝聚基层治理合力"), "{s}");
    assert!(s.contains("读完于 2026-10-03"), "{s}");
    assert!(s.contains("题目: 红色物业进小区"), "{s}");
    p.keys("q");
    p.wait_for("往期记录 · 1/1");
    p.keys("q");
    p.wait_for("h 往期");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn review_all_runs_every_due_card_and_ends_with_a_summary() {
    let h = home();
    let mut text = String::new();
    for q in ["q1", "q3"] {
        let _ = write!(
            text,
            "\n[reviews.\"{UNIT}/{q}\"]\ndue = \"2026-11-19\"\nlapses = 1\n"
        );
    }
    support::write_member(h.path(), "zhangsan", "张三", &text);
    let mut p = start(h.path(), "2026-11-20 12:00:00", &[]);
    p.wait_for("学习库");
    p.keys("3");
    p.wait_for("全部复习");
    p.keys("a");
    p.wait_for("第 1/2");
    // q1 missed (its answer is B), then q3 (judge, false) right, then q1 once more.
    p.keys("A\r");
    p.wait_for("本轮最后再问一次");
    p.keys("\r");
    p.wait_for("第 2/3");
    p.keys("B\r");
    p.wait_for("回答正确");
    p.keys("\r");
    p.wait_for("第 3/3");
    p.keys("B\r");
    p.wait_for("回答正确");
    p.keys("\r");
    let s = p.wait_for("复习 2 题");
    assert!(s.contains("记得 1 题，重来 1 题（再问时答对 1 题）"), "{s}");
    p.keys("q");
    p.wait_for("全部复习");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let st = state(h.path(), "zhangsan");
    let q3 = st["reviews"][&format!("{UNIT}/q3")]["due"]
        .as_str()
        .unwrap_or("");
    assert!(q3 > "2026-11-20", "the remembered card moved on: {st:#?}");
    let q1 = &st["reviews"][&format!("{UNIT}/q1")];
    assert_eq!(
        q1["lapses"].as_integer(),
        Some(2),
        "one more lapse, not two: {st:#?}"
    );
}
