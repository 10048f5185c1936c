//! `dangxue report` against the tricks a secretary must not be fooled by, one fixture
//! each (tests/fixtures/tricks, written from SPEC's report section), with the branch's
//! roster and due date in tests/fixtures/report/tricks-plan.toml. Every test asserts
//! the problem text the secretary reads.

mod support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{fixtures, json_rows, problems_of as problems, report_home, run, toml_path};

fn tricks() -> PathBuf {
    fixtures().join("tricks")
}

/// A home for the tricks: the report's fixture rules, the branch's roster and due
/// date, and the secretary's language.
fn home(lang: &str) -> tempfile::TempDir {
    let plan = toml_path(&fixtures().join("report/tricks-plan.toml"));
    report_home(&format!("lang = {lang:?}\nplan = {plan}"))
}

fn rows(home: &Path, dir: &Path, extra: &[&str]) -> Vec<Value> {
    let d = dir.to_str().expect("UTF-8 path");
    let mut args = vec!["report", d, "--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(home, &args);
    assert_eq!(code, 1, "{err}");
    json_rows(&out)
}

#[test]
fn each_trick_is_its_own_problem_with_its_values() {
    let h = home("zh");
    let rows = rows(h.path(), &tricks(), &[]);
    let lookalike = |spelled: &str| {
        format!("成员ID {spelled} 不在名册上（与名册中的 zhangsan 形近，不是同一ID）")
    };
    let cases: Vec<(&str, Vec<String>)> = vec![
        (
            "0-zhangsan-2026-11.toml",
            vec![
                "文件名为 0-zhangsan，文件内 member_id 为 zhangsan".into(),
                "成员 zhangsan 在 2026-11 有多份文件，另有：zhangsan-2026-11.toml".into(),
            ],
        ),
        (
            "zhangsan-2026-11.toml",
            vec!["成员 zhangsan 在 2026-11 有多份文件，另有：0-zhangsan-2026-11.toml".into()],
        ),
        (
            "zh\u{430}ngsan-2026-11.toml",
            vec![lookalike("zh<U+0430>ngsan")],
        ),
        (
            "ｚｈａｎｇｓａｎ-2026-11.toml",
            vec![lookalike(
                "<U+FF5A><U+FF48><U+FF41><U+FF4E><U+FF47><U+FF53><U+FF41><U+FF4E>",
            )],
        ),
        (
            "zhangsan\u{3164}-2026-11.toml",
            vec![lookalike("zhangsan<U+3164>")],
        ),
        (
            "zhaoliu-2026-11.toml",
            vec!["文件名为 zhaoliu，文件内 member_id 为 sunqi".into()],
        ),
        (
            "lisi-2026-11a.toml",
            vec!["周期 2026-11a 与本支部的周期长度不符（本支部按月，[cycle] length）".into()],
        ),
        (
            "wangwu-2026-11.toml",
            vec![
                "篇目 t-beta 的读完时间 finished（2026-11-30T23:00:00+08:00）晚于导出时间 exported（2026-11-30T21:04:00+08:00）".into(),
                "逾期：导出于 2026-11-30，截止日期为 2026-11-28".into(),
            ],
        ),
        (
            "chenshi-2026-11.toml",
            vec![
                "篇目 t-alpha 的阅读时间 9223372036854775807 秒，超过整个周期的 2592000 秒".into(),
                "阅读时间合计 9223372036854776057 秒，超过从周期开始到导出的 2322240 秒".into(),
            ],
        ),
        (
            "zhengjiu-2026-11.toml",
            vec![
                "声明月讲完成，复核为未完成：宣讲日期 2026-11-20 晚于导出时间".into(),
                "篇目 t-alpha 的读完时间 finished（2026-11-03T20:11:09+08:00）晚于导出时间 exported（2026-10-30T21:00:00+08:00）".into(),
                "篇目 t-beta 的读完时间 finished（2026-11-05T20:00:00+08:00）晚于导出时间 exported（2026-10-30T21:00:00+08:00）".into(),
                "宣讲日期 delivered（2026-11-20）晚于导出时间 exported（2026-10-30T21:00:00+08:00）".into(),
                "导出时间 exported（2026-10-30T21:00:00+08:00）早于周期开始（2026-11-01）".into(),
            ],
        ),
        (
            "qianer-2026-11.toml",
            vec!["阅读时间合计 2100 秒，超过从周期开始到导出的 1800 秒".into()],
        ),
        (
            "sunli-2026-11.toml",
            vec!["声明月读完成，复核为未完成：心得 0/20 字".into()],
        ),
    ];
    for (file, want) in &cases {
        assert_eq!(&problems(&rows, file), want, "{file}");
    }
    // Exported in 2030: "now" is the clock's, so only its shape is fixed.
    let future = problems(&rows, "wuhong-2026-11.toml");
    assert_eq!(future.len(), 2, "{future:?}");
    assert!(
        future[0].starts_with("导出时间 exported（2030-01-01T08:00:00+08:00）在未来（现在 20"),
        "{future:?}"
    );
    assert_eq!(future[1], "逾期：导出于 2030-01-01，截止日期为 2026-11-28");
    let late: Vec<&str> = rows
        .iter()
        .filter(|r| r["late"] == true)
        .filter_map(|r| r["file"].as_str())
        .collect();
    assert_eq!(late, ["wangwu-2026-11.toml", "wuhong-2026-11.toml"]);
    // Every file here has a trick; none is verified.
    assert!(
        rows.iter()
            .all(|r| !r["problems"].as_array().is_none_or(Vec::is_empty))
    );
}

#[test]
fn roster_members_without_a_file_are_rows_of_their_own() {
    let h = home("zh");
    let rows = rows(h.path(), &tricks(), &[]);
    let missing: Vec<(String, String, String)> = rows
        .iter()
        .filter(|r| r["handed_in"] == false)
        .map(|r| {
            assert_eq!(r["file"], Value::Null);
            assert_eq!(r["read"], Value::Null);
            assert_eq!(r["signature"], Value::Null);
            (
                r["member_id"].as_str().unwrap_or("").to_string(),
                r["member"].as_str().unwrap_or("").to_string(),
                r["cycle"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    // zhaoliu's only file is sunqi's, so zhaoliu has handed nothing in.
    assert_eq!(
        missing,
        [
            ("zhaoliu".into(), "赵六".into(), "2026-11".into()),
            ("zhouba".into(), "周八".into(), "2026-11".into()),
        ]
    );
    let (code, table, _) = run(h.path(), &["report", tricks().to_str().expect("UTF-8")]);
    assert_eq!(code, 1);
    assert!(
        table.contains("✗ zhouba（周八）2026-11\n    未交\n"),
        "{table}"
    );
    assert!(
        table.trim_end().ends_with(
            "2026-11：共 13 份文件，核验通过 0 份，有问题 13 份；名册 11 人，未交 2 人；逾期 2 份；月读完成 0，月讲完成 0，月学完成 0（只计核验通过的文件）"
        ),
        "{table}"
    );
}

#[test]
fn a_fortnight_file_is_listed_under_its_month_and_flagged() {
    let h = home("en");
    let rows = rows(h.path(), &tricks(), &["--cycle", "2026-11"]);
    assert_eq!(
        problems(&rows, "lisi-2026-11a.toml"),
        ["cycle 2026-11a is not of the branch's length (monthly, [cycle] length)"]
    );
    let lisi: Vec<&Value> = rows.iter().filter(|r| r["member_id"] == "lisi").collect();
    assert_eq!(lisi.len(), 1, "lisi handed in, even if of the wrong length");
    assert_eq!(lisi[0]["handed_in"], true);
}

#[test]
fn the_order_of_files_on_disk_does_not_change_the_output() {
    let h = home("zh");
    let a = tempfile::tempdir().expect("dir");
    let b = tempfile::tempdir().expect("dir");
    let mut names: Vec<PathBuf> = std::fs::read_dir(tricks())
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        // The 2030 file's problem names the clock's "now".
        .filter(|p| !p.ends_with("wuhong-2026-11.toml"))
        .collect();
    names.sort();
    for p in &names {
        std::fs::copy(p, a.path().join(p.file_name().expect("name"))).expect("copy");
    }
    names.reverse();
    for p in &names {
        std::fs::copy(p, b.path().join(p.file_name().expect("name"))).expect("copy");
    }
    for format in ["table", "json", "csv", "md", "html"] {
        let out = |d: &Path| {
            let (_, o, _) = run(
                h.path(),
                &["report", d.to_str().expect("UTF-8"), "--format", format],
            );
            o.replace(d.to_str().expect("UTF-8"), "DIR")
        };
        assert_eq!(out(a.path()), out(b.path()), "{format}");
    }
}

#[test]
fn member_drill_down_shows_both_files_of_a_duplicate_and_why_units_count() {
    let h = home("zh");
    let (code, out, err) = run(
        h.path(),
        &[
            "report",
            tricks().to_str().expect("UTF-8"),
            "--member",
            "zhangsan",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("== 0-zhangsan-2026-11.toml ==\n"), "{out}");
    assert!(out.contains("\n== zhangsan-2026-11.toml ==\n"), "{out}");
    assert_eq!(
        out.matches("成员 zhangsan 在 2026-11 有多份文件").count(),
        2,
        "{out}"
    );
    assert!(
        out.contains("按支部规则复核：应读 2 篇，每篇至少 120 秒，心得 20 字"),
        "{out}"
    );
    // With the plan, t-gamma is a unit of the cycle; zhangsan did not open it.
    assert!(
        out.contains("未完成：得分") || out.contains("月学 未完成"),
        "{out}"
    );
}

#[test]
fn member_drill_down_explains_units_that_do_not_count_and_shows_own_rules() {
    let h = home("zh");
    let dir = tempfile::tempdir().expect("dir");
    let text = std::fs::read_to_string(tricks().join("zhangsan-2026-11.toml"))
        .expect("fixture")
        .replace("seconds = 250", "seconds = 90")
        .replace(
            "[claimed]\nread = true",
            "[rules]\nread_units = 1\nmin_seconds = 60\n\n[claimed]\nread = true",
        );
    std::fs::write(dir.path().join("zhangsan-2026-11.toml"), text).expect("write");
    std::fs::write(
        dir.path().join("zhouba-2026-11.toml"),
        "format = \"dangxue-completion/1\"\nmember_id = \n",
    )
    .expect("write");
    let d = dir.path().to_str().expect("UTF-8");
    let (_, out, _) = run(h.path(), &["report", d, "--member", "zhangsan"]);
    assert!(
        out.contains("  · t-beta 测试篇目乙：月读月讲月学  90 秒  读完于 2026-11-05T20:00:00+08:00\n      不计入：阅读 90 秒，少于 120 秒\n"),
        "{out}"
    );
    assert!(
        out.contains("成员导出时的规则 [rules]：min_seconds = 60、read_units = 1\n"),
        "{out}"
    );
    assert!(
        out.contains("声明月读完成，复核为未完成：已读 1/2 篇"),
        "{out}"
    );
    // A member whose only file is broken still gets an explanation.
    let (code, out, err) = run(h.path(), &["report", d, "--member", "zhouba"]);
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with("== zhouba-2026-11.toml ==\n"), "{out}");
    assert!(out.contains("文件无法解析，第 2 行："), "{out}");
}

#[test]
fn one_huge_file_is_verified_and_its_problems_are_bounded() {
    let h = home("zh");
    let dir = tempfile::tempdir().expect("dir");
    let mut text = String::from(
        "format = \"dangxue-completion/1\"\nmember_id = \"zhangsan\"\nmember = \"张三\"\ncycle = \"2026-11\"\nexported = 2026-11-27T21:04:00+08:00\n",
    );
    let n = 150_000;
    text.push_str("read = [\n");
    for i in 0..n {
        let _ = writeln!(text, "{{unit=\"x{i}\",seconds=1}},");
    }
    text.push_str("]\n");
    assert!(text.len() < 4 * 1024 * 1024, "{}", text.len());
    std::fs::write(dir.path().join("zhangsan-2026-11.toml"), text).expect("write");
    let rows = rows(h.path(), dir.path(), &[]);
    let p = problems(&rows, "zhangsan-2026-11.toml");
    assert_eq!(p.len(), 21, "{p:?}");
    assert_eq!(p[0], "[[read]] 中篇目 \"x0\" 不在学习内容中");
    // 160,000 unknown units and the missing [claimed], 20 of them listed.
    assert_eq!(p[20], format!("另有 {} 个问题未列出", n + 1 - 20));
}
