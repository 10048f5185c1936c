//! `dangxue check` on broken files of many kinds: every problem as `path:line:
//! message`, exit 1; clean files exit 0.

mod support;

use std::path::Path;

const GOOD: &str = "+++
id = \"x-good\"
title = \"标题\"
kind = \"article\"

[[questions]]
id = \"q1\"
type = \"single\"
prompt = \"问题？\"
choices = [\"甲\", \"乙\"]
answer = \"B\"
explain = \"文中。\"

[[questions]]
id = \"q2\"
type = \"fill\"
prompt = \"填空\"
answer = [\"正文\"]
explain = \"文中。\"
+++
正文一段。
";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write fixture");
    p.display().to_string()
}

fn check(home: &Path, args: &[&str]) -> (i32, Vec<String>) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let (code, out, _) = support::run(home, &all);
    (code, out.lines().map(str::to_string).collect())
}

#[test]
fn a_clean_unit_passes() {
    let h = support::home();
    let f = write(h.path(), "good.md", GOOD);
    assert_eq!(
        check(h.path(), &[&f]),
        (
            0,
            vec!["已检查 1 个学习单元、0 个计划文件、0 个完成情况文件：没有发现问题".to_string()]
        )
    );
}

#[test]
fn unit_problems_are_in_the_configured_language() {
    let h = support::home();
    support::write_config(h.path(), "lang = \"en\"\n");
    let f = write(
        h.path(),
        "bad.md",
        &GOOD.replace("answer = \"B\"", "answer = \"C\""),
    );
    let (code, lines) = check(h.path(), &[&f]);
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        vec![format!(
            "{f}:11: answer \"C\" names a choice that does not exist (there are 2 choices)"
        )]
    );
}

#[test]
fn each_kind_of_broken_unit_is_reported_with_its_line() {
    let h = support::home();
    let d = h.path().join("units");
    std::fs::create_dir(&d).expect("dir");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "no-front.md",
            "正文\n".into(),
            "1: 没有前置元数据：文件须以一行 +++ 开头",
        ),
        (
            "unclosed.md",
            "+++\nid = \"a\"\n".into(),
            "1: 前置元数据没有结束",
        ),
        (
            "bad-toml.md",
            GOOD.replace("title = \"标题\"", "title = 标题"),
            "3: TOML 格式错误：",
        ),
        (
            "no-title.md",
            GOOD.replace("title = \"标题\"\n", ""),
            "1: 缺少键 title",
        ),
        (
            "bad-kind.md",
            GOOD.replace("\"article\"", "\"essay\""),
            "4: kind \"essay\" 不是 \"article\"、\"constitution\"、\"brief\" 之一",
        ),
        (
            "bad-id.md",
            GOOD.replace("x-good", "X Good"),
            "2: id \"X Good\" 只能包含小写字母",
        ),
        (
            "letter.md",
            GOOD.replace("answer = \"B\"", "answer = \"C\""),
            "11: 答案 \"C\" 指向不存在的选项（共 2 个选项）",
        ),
        (
            "qtype.md",
            GOOD.replace("\"single\"", "\"essay\""),
            "8: 题型 type \"essay\" 不是",
        ),
        (
            "dup-q.md",
            GOOD.replace("id = \"q2\"", "id = \"q1\""),
            "15: 题目 id \"q1\" 重复",
        ),
        (
            "empty-fill.md",
            GOOD.replace("answer = [\"正文\"]", "answer = []"),
            "18: 填空题的答案 answer 须列出至少一个非空的可接受写法",
        ),
        (
            "fill-absent.md",
            GOOD.replace("answer = [\"正文\"]", "answer = [\"不在文中\"]"),
            "14: 题目 \"q2\"：填空题的可接受答案都没有出现在本单元正文中",
        ),
        (
            "empty-body.md",
            GOOD.replace("正文一段。\n", ""),
            "20: 前置元数据之后的正文为空",
        ),
        (
            "unknown-key.md",
            GOOD.replace("kind = \"article\"", "kind = \"article\"\nauthor = \"x\""),
            "5: 未知的键 author（是否拼写有误？）",
        ),
        (
            "judge-string.md",
            GOOD.replace("type = \"fill\"", "type = \"judge\"")
                .replace("answer = [\"正文\"]", "answer = \"yes\""),
            "18: answer 必须是 true 或 false",
        ),
    ];
    let mut expect = Vec::new();
    for (i, (name, text, msg)) in cases.iter().enumerate() {
        // Distinct ids so only the intended problem shows.
        let text = text.replace("x-good", &format!("x-{i}"));
        let path = write(&d, name, &text);
        expect.push((path, *msg));
    }
    let (code, lines) = check(h.path(), &[d.to_str().expect("utf-8")]);
    assert_eq!(code, 1);
    for (path, msg) in &expect {
        let (line, text) = msg.split_once(": ").map_or(("", *msg), |(l, t)| {
            if l.chars().all(|c| c.is_ascii_digit()) {
                (l, t)
            } else {
                ("", *msg)
            }
        });
        let prefix = if line.is_empty() {
            format!("{path}:")
        } else {
            format!("{path}:{line}: ")
        };
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&prefix) && l.contains(text)),
            "expected {prefix}…{text} in:\n{}",
            lines.join("\n")
        );
    }
}

#[test]
fn duplicate_ids_across_files_and_bad_plans_are_reported() {
    let h = support::home();
    let a = write(h.path(), "a.md", GOOD);
    let b = write(h.path(), "b.md", GOOD);
    let plan = write(
        h.path(),
        "plan.toml",
        "format = \"dangxue-plan/1\"\n\n[[cycle]]\nname = \"2026-11\"\nunits = [\"x-good\", \"no-such-unit\"]\n",
    );
    let (code, lines) = check(h.path(), &[&a, &b, &plan]);
    assert_eq!(code, 1);
    assert!(
        lines
            .iter()
            .any(|l| *l == format!("{b}:2: id \"x-good\" 重复：{a} 第 2 行也是这个 id")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{plan}:5:")) && l.contains("no-such-unit")),
        "{lines:?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains("篇目 \"x-good\" 不在")),
        "{lines:?}"
    );
    // Two units cannot satisfy the default read.units = 4.
    let rule = format!("{plan}:3: 周期 \"2026-11\" 只安排了 2 篇，月读要求读 4 篇");
    assert!(lines.iter().any(|l| l.starts_with(&rule)), "{lines:?}");
}

#[test]
fn a_broken_completion_file_is_reported() {
    let h = support::home();
    let f = write(
        h.path(),
        "zhangsan-2026-11.toml",
        "format = \"dangxue-completion/1\"\nmember_id = \"zhangsan\"\nmember = \"张三\"\ncycle = \"2026-13\"\nexported = 2026-11-30T21:04:00+08:00\n",
    );
    let (code, lines) = check(h.path(), &[&f]);
    assert_eq!(code, 1);
    assert!(
        lines.iter().any(|l| l.starts_with(&format!("{f}:4:"))),
        "{lines:?}"
    );
}

#[test]
fn escape_sequences_in_paths_and_messages_are_escaped() {
    let h = support::home();
    let f = write(h.path(), "bad\u{1b}[31m.md", "正文\n");
    let (code, lines) = check(h.path(), &[&f]);
    assert_eq!(code, 1);
    assert!(lines.iter().all(|l| !l.contains('\u{1b}')), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("bad\\u{1b}[31m.md:1:")),
        "{lines:?}"
    );
}

#[test]
fn files_are_told_apart_by_their_format_key_not_by_a_mention() {
    let h = support::home();
    // A plan whose note mentions the completion format is still a plan.
    let plan = write(
        h.path(),
        "plan.toml",
        "format = \"dangxue-plan/1\"\n[[member]]\nid = \"zs\"\nname = \"张三\"\n[[cycle]]\nname = \"2026-11\"\nunits = [\"x-good\"]\nnote = \"导出为 dangxue-completion/1 文件\"\n",
    );
    let unit = write(h.path(), "good.md", GOOD);
    let (code, out) = check(h.path(), &[&plan, &unit]);
    assert_eq!(code, 1, "{out:?}");
    // Only the rule check (read.units 4 > 1 unit) speaks, nothing about completions.
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(
        out[0].contains(":5: 周期 \"2026-11\" 只安排了 1 篇"),
        "{out:?}"
    );
    // An empty file named like a completion file gets completion problems.
    let empty = write(h.path(), "x-2026-11.toml", "");
    let (_, out) = check(h.path(), &[&empty]);
    assert!(
        out.iter().any(|l| l.ends_with(":1: 缺少键 \"member_id\"")),
        "{out:?}"
    );
    assert!(!out.iter().any(|l| l.contains("[[cycle]]")), "{out:?}");
    let other = write(h.path(), "odd.toml", "format = \"something/9\"\n");
    let (_, out) = check(h.path(), &[&other]);
    assert_eq!(
        out,
        [format!(
            "{other}:1: format \"something/9\" 既不是学习安排（\"dangxue-plan/1\"）也不是完成情况文件（\"dangxue-completion/1\"）"
        )]
    );
}

#[test]
fn structure_and_unknown_ids_come_in_one_pass_with_a_near_id() {
    let h = support::home();
    let unit = write(h.path(), "good.md", GOOD);
    let plan = write(
        h.path(),
        "plan.toml",
        "format = \"dangxue-plan/1\"\n[[cycle]]\nname = \"2026-11\"\nunits = [\"x-goood\", \"x-good\", \"x-good\", \"x-good\"]\ntalk_theme = \" \"\ndue = 2026-12-05\n",
    );
    let (code, out) = check(h.path(), &[&unit, &plan]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        [
            format!("{plan}:2: 周期 \"2026-11\" 只安排了 2 篇，月读要求读 4 篇（read.units）"),
            format!("{plan}:4: 篇目 \"x-good\" 在本周期中列了两次"),
            format!(
                "{plan}:4: 周期 \"2026-11\" 的篇目 \"x-goood\" 不在学习内容中：是不是 \"x-good\"？"
            ),
            format!("{plan}:5: \"talk_theme\" 为空：请填写主题，或删除此键"),
            format!(
                "{plan}:6: 截止日期 due 2026-12-05 不在周期 \"2026-11\"（2026-11-01 至 2026-11-30）内：请填写本周期中的一天"
            ),
        ]
    );
    let completion = write(
        h.path(),
        "zs-2026-11.toml",
        "format = \"dangxue-completion/1\"\nmember_id = \"zs\"\ncycle = \"2026-11\"\nexported = 2026-11-30T21:04:00+08:00\n\n[[read]]\nunit = \"x-gooд\"\nseconds = 10\n",
    );
    let (_, out) = check(h.path(), &[&unit, &completion]);
    assert_eq!(
        out,
        [
            format!("{completion}:1: 缺少键 \"member\""),
            format!("{completion}:7: 篇目 id \"x-gooд\" 只能包含小写字母 a-z、数字和 -"),
            format!(
                "{completion}:7: [[read]] 中的篇目 \"x-gooд\" 不在学习内容中：是不是 \"x-good\"？"
            ),
        ]
    );
}

#[test]
fn without_paths_the_config_is_checked_too() {
    let h = support::home();
    support::write_config(h.path(), "lang = \"en\"\ntimezone = \"Asia/Shanghia\"\n");
    let (code, out) = check(h.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        out[0],
        format!(
            "{}:2: timezone \"Asia/Shanghia\" is not a known IANA zone name: use one like \"Asia/Shanghai\", or remove the key for the system's",
            h.path().join("config.toml").display()
        )
    );
    support::write_config(h.path(), "lang = \"en\"\ntimezone = \"Asia/Shanghai\"\n");
    let (code, out) = check(h.path(), &[]);
    assert_eq!(code, 0, "{out:?}");
    assert!(
        out.last().is_some_and(
            |l| l.starts_with("checked ") && l.ends_with(" and the config: no problems")
        ),
        "{out:?}"
    );
}

#[test]
fn plan_problems_are_worded_in_chinese_by_default() {
    let h = support::home();
    let plan = write(
        h.path(),
        "plan.toml",
        "format = \"dangxue-plan/1\"\nbogus = 1\n[[cycle]]\nname = \"2026-11\"\nunits = \"x-good\"\n",
    );
    let (code, out) = check(h.path(), &[&plan]);
    assert_eq!(code, 1, "{out:?}");
    assert!(
        out.contains(&format!("{plan}:2: 未知的键 \"bogus\"")),
        "{out:?}"
    );
    assert!(
        out.contains(&format!(
            "{plan}:5: [[cycle]] 中的 \"units\" 必须是字符串数组"
        )),
        "{out:?}"
    );
}

/// A roster with one id twice: the plan file of the secretary.
const ROSTER_TWICE: &str = "format = \"dangxue-plan/1\"\n\n[[member]]\nid = \"zhangsan\"\nname = \"张三\"\n\n[[member]]\nid = \"zhangsan\"\nname = \"张三二\"\n";

#[test]
fn a_roster_id_given_twice_is_named_in_the_configured_language() {
    let h = support::home();
    let plan = write(h.path(), "plan.toml", ROSTER_TWICE);
    let (code, out) = check(h.path(), &[&plan]);
    assert_eq!(code, 1, "{out:?}");
    assert_eq!(
        out,
        [format!("{plan}:8: 成员ID \"zhangsan\" 已在名册第 3 行")]
    );
    support::write_config(h.path(), "lang = \"en\"\n");
    let (code, out) = check(h.path(), &[&plan]);
    assert_eq!(code, 1, "{out:?}");
    assert_eq!(
        out,
        [format!(
            "{plan}:8: member id \"zhangsan\" is already on the roster at line 3"
        )]
    );
}

#[test]
fn completion_file_problems_are_worded_in_chinese_by_default() {
    let h = support::home();
    let f = write(
        h.path(),
        "zs-2026-11.toml",
        "format = \"dangxue-completion/1\"\nmember_id = \"zs\"\nmember = \"张三\"\ncycle = \"2026-13\"\nexported = 2026-11-30T21:04:00+08:00\n\n[[read]]\nunit = \"x-good\"\nseconds = 10\n\n[[read]]\nunit = \"x-good\"\nseconds = 11\n",
    );
    // The unit is in the content, so only the file's own problems speak.
    let unit = write(h.path(), "good.md", GOOD);
    let (code, out) = check(h.path(), &[&unit, &f]);
    assert_eq!(code, 1, "{out:?}");
    assert_eq!(
        out,
        [
            format!("{f}:4: 周期 \"2026-13\" 不是 YYYY-MM 或 YYYY-MMa/b 的形式"),
            format!("{f}:11: 篇目 \"x-good\" 有第二个 [[read]]（第一个在第 7 行）：请只保留一个"),
        ]
    );
}

#[test]
fn check_s_own_problems_follow_the_configured_language() {
    let h = support::home();
    let a = write(h.path(), "a.md", GOOD);
    let b = write(
        h.path(),
        "b.md",
        &GOOD.replace("answer = [\"正文\"]", "answer = [\"不在文中\"]"),
    );
    let odd = write(h.path(), "odd.toml", "format = \"something/9\"\n");
    let (_, zh) = check(h.path(), &[&a, &b, &odd]);
    assert_eq!(
        zh,
        [
            format!("{b}:2: id \"x-good\" 重复：{a} 第 2 行也是这个 id"),
            format!("{b}:14: 题目 \"q2\"：填空题的可接受答案都没有出现在本单元正文中"),
            format!(
                "{odd}:1: format \"something/9\" 既不是学习安排（\"dangxue-plan/1\"）也不是完成情况文件（\"dangxue-completion/1\"）"
            ),
        ]
    );
    support::write_config(h.path(), "lang = \"en\"\n");
    let (_, en) = check(h.path(), &[&a, &b, &odd]);
    assert_eq!(
        en,
        [
            format!("{b}:2: duplicate id \"x-good\": also in {a}:2"),
            format!("{b}:14: question \"q2\": no accepted fill answer occurs in the unit's text"),
            format!(
                "{odd}:1: format \"something/9\" is neither a plan (\"dangxue-plan/1\") nor a completion file (\"dangxue-completion/1\")"
            ),
        ]
    );
    let (code, clean) = check(h.path(), &[&a]);
    assert_eq!(
        (code, clean),
        (
            0,
            vec!["checked 1 units, 0 plan files and 0 completion files: no problems".to_string()]
        )
    );
}

#[test]
fn a_skipped_unit_file_is_told_on_stderr_in_the_configured_language() {
    let h = support::home();
    let units = h.path().join("units");
    std::fs::create_dir(&units).expect("dir");
    let bad = units.join("bad.md");
    std::fs::write(&bad, b"+++\nid = \"x-bad\"\ntitle = \"\xff\"\n").expect("bad unit");
    support::write_config(h.path(), "content_dirs = [\"units\"]\n");
    // `status` reads the content before it finds there is no member yet.
    let (_, _, err) = support::run(h.path(), &["status"]);
    let bad = bad.display();
    assert!(
        err.lines().next()
            == Some(&format!(
                "dangxue: 已跳过：{bad}:3: 不是有效的 UTF-8 文本：请以 UTF-8 编码保存"
            )),
        "{err}"
    );
    support::write_config(h.path(), "lang = \"en\"\ncontent_dirs = [\"units\"]\n");
    let (_, _, err) = support::run(h.path(), &["status"]);
    assert!(
        err.lines().next()
            == Some(&format!(
                "dangxue: skipped: {bad}:3: not valid UTF-8: save the file as UTF-8"
            )),
        "{err}"
    );
}
