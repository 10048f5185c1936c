//! 月读 + 月讲 + 月学 end to end: read a unit, practise, write the reflection, the talk
//! and the survey, take the cycle test in a pseudo-terminal, then `export`, `check` and
//! `status` must agree with what was done.

mod support;

use std::path::Path;

use dangxue::core::unit::{Answer, Question, QuestionType, Unit};
use support::{
    Pty, content_unit, home, question_on_screen, right_keys, run, wait_question, write_config,
};

fn unit() -> Unit {
    content_unit("articles/000/a000-ulanhot-red-property.md")
}

const CONFIG: &str = "\
[read]
units = 1
min_seconds = 1
reflection_min_chars = 10
[talk]
outline_min_chars = 10
[study]
survey_min_chars = 10
questions = 4
pass_score = 100
";

fn setup(h: &Path) {
    write_config(h, CONFIG);
}

fn read_the_unit(p: &mut Pty) {
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
    p.keys("G");
    p.wait_for("100%");
    std::thread::sleep(std::time::Duration::from_millis(1800));
}

#[test]
fn a_whole_cycle_in_the_terminal_then_export_check_and_status_agree() {
    let h = home();
    setup(h.path());
    let u = unit();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    read_the_unit(&mut p);

    // Practice: a wrong answer shows the explanation and goes to the review queue.
    p.keys("t");
    // The reader's footer also says 练习: wait for the question itself.
    let s = p.wait_until("a practice question", |s| {
        ["[单选]", "[多选]", "[判断]", "[填空]"]
            .iter()
            .any(|t| s.contains(t))
    });
    let q = question_on_screen(&u, &s);
    let wrong = match (&q.answer, q.qtype) {
        (Answer::Choices(set), QuestionType::Single) => {
            let right = *set.iter().next().expect("one letter");
            if right == 'A' { "b" } else { "a" }.to_string()
        }
        (Answer::Judge(b), _) => if *b { "b" } else { "a" }.to_string(),
        _ => panic!("the first question of the unit is single or judge"),
    };
    p.keys(&wrong);
    p.keys("\r");
    p.wait_for("回答错误");
    p.wait_for("解析");
    p.keys("r");
    p.keys(&right_keys(q));
    p.keys("\r");
    p.wait_for("回答正确");
    p.keys("q");
    p.wait_for("100%");
    p.keys("q");
    p.wait_for("学习库");

    // 本月: reflection, talk, survey.
    p.keys("1");
    p.wait_for("月读");
    p.keys("r");
    p.wait_for("写心得");
    p.keys("学习红色物业经验，体会到众人的事情众人商量。");
    p.wait_for("心得 22/10 字");
    p.send("\u{1b}");
    p.wait_for("月讲");
    p.keys("t");
    p.wait_for("提纲");
    p.keys("红色物业与基层治理");
    p.keys("\t");
    p.keys("一、议事角的做法；二、红色物业党组织的作用。");
    p.keys("\t");
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
        .to_string();
    p.keys(&today);
    p.send("\u{1b}");
    p.wait_for("月讲  ✓ 已完成");
    p.keys("s");
    p.wait_for("调研报告");
    p.keys("社区议事角调研");
    p.keys("\t");
    p.keys("走访三个小区，居民普遍认可议事角。");
    p.send("\u{1b}");
    p.wait_for("月读  ✓ 已完成");

    // 月学: the cycle test, no feedback until submitted.
    p.keys("x");
    p.wait_for("开始本期测试");
    p.keys("y");
    p.wait_for("第 1/4 题");
    let mut answered = 0;
    let mut before: Option<&Question> = None;
    loop {
        let (s, q) = wait_question(&p, &u, &format!("第 {}/4 题", answered + 1), before);
        before = Some(q);
        assert!(
            !s.contains("回答正确") && !s.contains("回答错误"),
            "no feedback before submitting:\n{s}"
        );
        p.keys(&right_keys(q));
        answered += 1;
        let header = format!("{answered}/4");
        p.wait_for(&header);
        if answered == 4 {
            break;
        }
        if q.qtype == QuestionType::Fill {
            p.keys("\r");
        } else {
            p.keys("n");
        }
    }
    // Handing in takes Ctrl-S (S outside a fill answer) and then y.
    p.keys("\u{13}");
    p.wait_for("确认交卷");
    p.keys("y");
    p.wait_for("得分 100");
    p.keys("q");
    p.wait_for("月学  ✓ 已完成");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);

    // The files agree.
    let out = h.path().join("zhangsan.toml");
    support::export(h.path(), None, &out);
    let out_s = out.to_str().expect("utf-8 path");
    let text = std::fs::read_to_string(&out).expect("exported file");
    let c = dangxue::core::completion::Completion::parse(&text).expect("export parses");
    let claimed = c.claimed.expect("claimed");
    assert!(claimed.read && claimed.talk && claimed.study, "{text}");
    assert_eq!(claimed.score, Some(100));
    let test = c.test.expect("test exported");
    assert_eq!(test.answers.len(), 4);
    assert!(
        c.read
            .iter()
            .any(|r| r.unit == u.meta.id && r.finished.is_some())
    );
    let (code, out_check, _) = run(h.path(), &["check", out_s]);
    assert_eq!(code, 0, "check found problems: {out_check}");
    // The secretary's report, with the same content, verifies the file as it is.
    let drop = h.path().join("drop");
    std::fs::create_dir(&drop).expect("drop folder");
    // Named as export names it: a file name that disagrees with the file is flagged.
    std::fs::copy(&out, drop.join(format!("zhangsan-{}.toml", c.cycle))).expect("copy");
    let (code, json, err) = run(
        h.path(),
        &["report", drop.to_str().expect("utf-8"), "--format", "json"],
    );
    assert_eq!(code, 0, "{json}{err}");
    let rows: serde_json::Value = serde_json::from_str(&json).expect("report json");
    assert_eq!(rows[0]["member_id"], "zhangsan");
    assert_eq!(rows[0]["score"], 100);
    assert_eq!(rows[0]["study"], true);
    assert_eq!(
        rows[0]["problems"].as_array().map(Vec::len),
        Some(0),
        "{json}"
    );
    let (code, status, _) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 0);
    assert_eq!(status.matches("✓ 已完成").count(), 3, "{status}");
    assert!(status.contains("得分 100"), "{status}");
    let st = support::state(h.path(), "zhangsan");
    assert!(
        st["reviews"]
            .as_table()
            .is_some_and(|r| r.keys().any(|k| k.starts_with(&u.meta.id))),
        "the missed practice question is in the review queue"
    );
}

#[test]
fn a_hang_up_in_the_editor_keeps_the_text_and_reopens_it() {
    let h = home();
    setup(h.path());
    let mut p = Pty::start(h.path(), &["--member", "lisi"], 80, 24);
    p.wait_for("学习库");
    p.keys("1r");
    p.wait_for("写心得");
    p.keys("断线之前写下的心得");
    p.wait_for("心得 9/10 字");
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    let mut p = Pty::start(h.path(), &["--member", "lisi"], 80, 24);
    let s = p.wait_for("写心得");
    assert!(s.contains("断线之前写下的心得"), "{s}");
    p.send("\u{1b}");
    p.wait_for("月读");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}
