//! `dangxue report` end to end: the real binary over hand-written completion files
//! (tests/fixtures/completions, written from SPEC alone; the draws were worked out with
//! tests/fixtures/completions/draw.py), against small fixture units and rules given
//! through a config in a temporary home.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::{fixtures, json_rows, problems_of, report_home as home, write_config};

fn completions() -> PathBuf {
    fixtures().join("completions")
}

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run(home: &Path, args: &[&str]) -> Out {
    let (code, stdout, stderr) = support::run(home, args);
    Out {
        stdout,
        stderr,
        code,
    }
}

fn report(home: &Path, dir: &Path, extra: &[&str]) -> Out {
    let d = dir.to_str().expect("UTF-8 path");
    let mut args = vec!["report", d];
    args.extend_from_slice(extra);
    run(home, &args)
}

#[test]
fn every_fixture_gets_exactly_its_problems() {
    let h = home("");
    let out = report(h.path(), &completions(), &["--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let rows = json_rows(&out.stdout);
    let cases: &[(&str, &[&str])] = &[
        ("lisi-2026-11.toml", &[]),
        ("lisi-2026-10.toml", &[]),
        ("zhangsan-2026-11.toml", &[]),
        ("wuhong-2026-11.toml", &[]),
        (
            "wangwu-2026-11.toml",
            &[
                "声明月学完成，复核为未完成：得分 50 低于及格分 80",
                "声明得分 100，复核为 50",
            ],
        ),
        (
            "zhaoliu-2026-11.toml",
            &["声明月学未完成，复核为完成", "声明得分 75，复核为 100"],
        ),
        (
            "sunqi-2026-11.toml",
            &[
                "测验题目不是按规则抽取的：第 3 题为 t-alpha/q2，应为 t-beta/q1",
                "声明月学完成，复核为未完成：得分 75 低于及格分 80",
                "声明得分 100，复核为 75",
            ],
        ),
        (
            "zhouba-2026-11.toml",
            &["声明月读完成，复核为未完成：没有心得"],
        ),
        (
            "chenshi-2026-11.toml",
            &[
                "[[read]] 中篇目 \"t-omega\" 不在学习内容中",
                "测验第 2 题：篇目 \"t-alpha\" 没有题目 \"q9\"",
                "测验题目不是按规则抽取的：第 2 题为 t-alpha/q9，应为 t-alpha/q2",
                "声明月学完成，复核为未完成：得分 75 低于及格分 80",
                "声明得分 100，复核为 75",
            ],
        ),
        (
            "zhengjiu-2026-11.toml",
            &["文件无法解析，第 4 行：TOML 格式错误：invalid basic string, expected `\"`"],
        ),
    ];
    assert_eq!(rows.len(), cases.len());
    for (file, want) in cases {
        assert_eq!(problems_of(&rows, file), *want, "{file}");
    }
}

#[test]
fn recomputed_values_and_order() {
    let h = home("");
    let rows = json_rows(&report(h.path(), &completions(), &["--format", "json"]).stdout);
    let summary: Vec<(String, Value, Value, Value, Value)> = rows
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap_or("").to_string(),
                r["read"].clone(),
                r["talk"].clone(),
                r["study"].clone(),
                r["score"].clone(),
            )
        })
        .collect();
    let v = |b: Option<bool>| b.map_or(Value::Null, Value::Bool);
    let s = |n: Option<u64>| n.map_or(Value::Null, Value::from);
    let want: Vec<(String, Value, Value, Value, Value)> = [
        (
            "chenshi-2026-11.toml",
            Some(true),
            Some(true),
            Some(false),
            Some(75),
        ),
        (
            "lisi-2026-10.toml",
            Some(false),
            Some(false),
            Some(false),
            None,
        ),
        (
            "lisi-2026-11.toml",
            Some(true),
            Some(true),
            Some(true),
            Some(100),
        ),
        (
            "sunqi-2026-11.toml",
            Some(true),
            Some(true),
            Some(false),
            Some(75),
        ),
        (
            "wangwu-2026-11.toml",
            Some(true),
            Some(true),
            Some(false),
            Some(50),
        ),
        (
            "wuhong-2026-11.toml",
            Some(true),
            Some(true),
            Some(true),
            Some(100),
        ),
        (
            "zhangsan-2026-11.toml",
            Some(true),
            Some(false),
            Some(false),
            Some(75),
        ),
        (
            "zhaoliu-2026-11.toml",
            Some(true),
            Some(true),
            Some(true),
            Some(100),
        ),
        ("zhengjiu-2026-11.toml", None, None, None, None),
        (
            "zhouba-2026-11.toml",
            Some(false),
            Some(true),
            Some(true),
            Some(100),
        ),
    ]
    .into_iter()
    .map(|(f, r, t, st, sc)| (f.to_string(), v(r), v(t), v(st), s(sc)))
    .collect();
    assert_eq!(summary, want);
    let broken = rows
        .iter()
        .find(|r| r["file"] == "zhengjiu-2026-11.toml")
        .expect("the broken file has a row, placed by its name");
    assert_eq!(broken["member_id"], Value::Null);
    assert_eq!(broken["cycle"], Value::Null);
}

#[test]
fn golden_outputs() {
    let h = home("");
    for format in ["table", "csv", "md", "json", "html"] {
        // Both cycles: members x cycles; one cycle: a row per file.
        let out = report(h.path(), &completions(), &["--format", format]);
        assert_eq!(out.code, 1);
        assert_eq!(out.stderr, "", "{format}");
        insta::assert_snapshot!(format!("report_{format}"), out.stdout);
        let out = report(
            h.path(),
            &completions(),
            &["--format", format, "--cycle", "2026-11"],
        );
        assert_eq!(out.code, 1);
        insta::assert_snapshot!(format!("report_{format}_2026_11"), out.stdout);
    }
}

#[test]
fn english_table() {
    let h = home("lang = \"en\"");
    let out = report(h.path(), &completions(), &["--cycle", "2026-11"]);
    insta::assert_snapshot!("report_table_en", out.stdout);
}

#[test]
fn no_raw_control_characters_reach_the_terminal() {
    let h = home("");
    for format in ["table", "csv", "md", "json"] {
        let out = report(h.path(), &completions(), &["--format", format]);
        assert!(
            !out.stdout.chars().any(|c| c == '\u{1b}' || c == '\u{7}'),
            "{format}: {:?}",
            out.stdout
        );
    }
    let table = report(h.path(), &completions(), &[]).stdout;
    assert!(table.contains("吴\\u{1b}[2J\\u{1b}]0;pwn…"), "{table}");
    let evidence = run(
        h.path(),
        &[
            "report",
            completions().to_str().expect("UTF-8"),
            "--member",
            "wuhong",
        ],
    );
    assert_eq!(evidence.code, 0, "{}", evidence.stderr);
    assert!(!evidence.stdout.contains('\u{1b}'));
    assert!(
        evidence.stdout.contains("心得\\u{1b}[31m红色\\u{1b}[0m"),
        "{}",
        evidence.stdout
    );
    let json = report(h.path(), &completions(), &["--format", "json"]);
    let rows = json_rows(&json.stdout);
    let wuhong = rows
        .iter()
        .find(|r| r["member_id"] == "wuhong")
        .expect("row");
    assert_eq!(
        wuhong["member"], "吴\u{1b}[2J\u{1b}]0;pwned\u{7}红",
        "JSON keeps the data, escaped"
    );
}

#[test]
fn an_all_honest_folder_exits_zero() {
    let h = home("");
    let dir = tempfile::tempdir().expect("temp dir");
    for f in [
        "lisi-2026-11.toml",
        "zhangsan-2026-11.toml",
        "wuhong-2026-11.toml",
    ] {
        std::fs::copy(completions().join(f), dir.path().join(f)).expect("copy fixture");
    }
    std::fs::write(dir.path().join("notes.txt"), "not a completion file").expect("write");
    let out = report(h.path(), dir.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("文件夹中的其他条目（不是 *.toml，未读取）：\n    notes.txt\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with(
            "\n2026-11：共 3 份文件，核验通过 3 份，有问题 0 份；月读完成 3，月讲完成 2，月学完成 2（只计核验通过的文件）；全部核验通过\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn cycle_filter() {
    let h = home("");
    let out = report(
        h.path(),
        &completions(),
        &["--cycle", "2026-10", "--format", "json"],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let rows = json_rows(&out.stdout);
    let files: Vec<&str> = rows.iter().filter_map(|r| r["file"].as_str()).collect();
    assert_eq!(files, ["lisi-2026-10.toml"]);
}

#[test]
fn a_bad_cycle_is_bad_usage() {
    let h = home("");
    let out = report(h.path(), &completions(), &["--cycle", "2026-13"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("--cycle: cycle \"2026-13\" is not YYYY-MM or YYYY-MMa/b"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("Usage: dangxue report"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn member_evidence_shows_each_answer() {
    let h = home("");
    let out = run(
        h.path(),
        &[
            "report",
            completions().to_str().expect("UTF-8"),
            "--member",
            "wangwu",
        ],
    );
    assert_eq!(out.code, 1, "wangwu's file has problems");
    let s = &out.stdout;
    assert!(
        s.starts_with("== wangwu-2026-11.toml ==\n成员：王五（wangwu）"),
        "{s}"
    );
    assert!(s.contains("    声明得分 100，复核为 50\n"), "{s}");
    // Every label of the view is Chinese with full-width punctuation.
    let chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    for l in s.lines() {
        let cs: Vec<char> = l.chars().collect();
        assert!(
            !cs.windows(2)
                .any(|w| chinese(w[0]) && matches!(w[1], ':' | ',' | ';' | '(' | ')')),
            "half-width punctuation after Chinese: {l}"
        );
    }
    assert!(s.contains("   1. ✗ t-beta/q2  每个党小组至少推选几名党员参加月讲？\n        作答：两名   正确答案：三名 / 3名\n"), "{s}");
    assert!(s.contains("   2. ✗ t-alpha/q1  物业企业有几名以上正式党员时要建立党组织？\n        作答：C   正确答案：B（3名）\n"), "{s}");
    assert!(s.contains("   3. ✓ t-beta/q1"), "{s}");
    // A judge answer reads as the quiz shows it, not as the file spells it.
    assert!(
        s.contains("   4. ✓ t-alpha/q2  红色物业把党组织建在小区里。\n        作答：正确   正确答案：正确\n"),
        "{s}"
    );
    assert!(
        s.contains("学习红色物业经验"),
        "the reflection is shown: {s}"
    );
    assert!(
        s.contains("组织引领、服务引领、文化引领。"),
        "the outline is shown: {s}"
    );
    assert!(
        s.contains("调研了社区党组织和物业企业的协作情况"),
        "the survey is shown: {s}"
    );
    let en = run(
        home("lang = \"en\"").path(),
        &[
            "report",
            completions().to_str().expect("UTF-8"),
            "--member",
            "wangwu",
        ],
    );
    let e = &en.stdout;
    assert!(
        e.starts_with("== wangwu-2026-11.toml ==\nmember: 王五 (wangwu)   cycle: 2026-11"),
        "{e}"
    );
    assert!(
        e.contains("        given: C   right answer: B(3名)\n"),
        "{e}"
    );
    assert!(
        e.contains("        given: true   right answer: true\n"),
        "{e}"
    );
    let none = run(
        h.path(),
        &[
            "report",
            completions().to_str().expect("UTF-8"),
            "--member",
            "nobody",
        ],
    );
    assert_eq!(none.code, 1);
    assert!(
        none.stderr.contains("中没有成员 \"nobody\" 的完成情况文件"),
        "{}",
        none.stderr
    );
}

#[test]
fn the_plan_decides_the_cycle_s_units() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.toml");
    std::fs::write(
        &plan,
        "format = \"dangxue-plan/1\"\n[[cycle]]\nname = \"2026-11\"\nunits = [\"t-alpha\", \"t-beta\"]\ntalk_theme = \"红色物业\"\n",
    )
    .expect("write plan");
    let h = home(&format!("plan = {:?}", plan.display().to_string()));
    let rows = json_rows(&report(h.path(), &completions(), &["--format", "json"]).stdout);
    // lisi's test drew from three units; the plan has two, so the draw differs
    // (draw.py: t-alpha/q2, t-beta/q1, t-beta/q2, t-alpha/q1), and of it lisi
    // answered three.
    assert_eq!(
        problems_of(&rows, "lisi-2026-11.toml"),
        [
            "测验题目不是按规则抽取的：第 1 题为 t-gamma/q1，应为 t-alpha/q2",
            "声明月学完成，复核为未完成：得分 75 低于及格分 80",
            "声明得分 100，复核为 75",
        ]
    );
    let evidence = run(
        h.path(),
        &[
            "report",
            completions().to_str().expect("UTF-8"),
            "--member",
            "lisi",
            "--cycle",
            "2026-11",
        ],
    );
    assert!(
        evidence.stdout.contains("计划篇目：t-alpha、t-beta"),
        "{}",
        evidence.stdout
    );
    assert!(
        evidence.stdout.contains("计划主题：红色物业"),
        "{}",
        evidence.stdout
    );

    std::fs::write(
        &plan,
        "format = \"dangxue-plan/1\"\n[[cycle]]\nname = \"2026-13\"\nunits = [\"t-alpha\"]\n",
    )
    .expect("write plan");
    let out = report(h.path(), &completions(), &[]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("学习安排文件有问题"), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "{}:3: 周期 \"2026-13\" 不是 YYYY-MM 或 YYYY-MMa/b 的形式",
            plan.display()
        )),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn links_and_special_entries_are_listed_as_problems_never_skipped() {
    let h = home("");
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("outside dir");
    let secret = outside.path().join("secret-2026-11.toml");
    std::fs::copy(completions().join("wangwu-2026-11.toml"), &secret).expect("copy");
    std::os::unix::fs::symlink(&secret, dir.path().join("link-2026-11.toml")).expect("symlink");
    std::fs::copy(
        completions().join("lisi-2026-11.toml"),
        dir.path().join("lisi-2026-11.toml"),
    )
    .expect("copy");
    std::fs::create_dir(dir.path().join("folder-2026-11.toml")).expect("dir");
    let fifo = dir.path().join("pipe-2026-11.toml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo is needed for this test");
    let out = report(h.path(), dir.path(), &["--format", "json"]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    let rows = json_rows(&out.stdout);
    assert_eq!(rows.len(), 4, "{}", out.stdout);
    assert_eq!(
        problems_of(&rows, "link-2026-11.toml"),
        ["是符号链接，未读取（请把文件本身复制到文件夹中）"]
    );
    assert_eq!(
        problems_of(&rows, "pipe-2026-11.toml"),
        ["不是普通文件（管道、套接字或设备），未读取"]
    );
    assert_eq!(
        problems_of(&rows, "folder-2026-11.toml"),
        ["是以 .toml 结尾的文件夹，不是完成情况文件"]
    );
    assert_eq!(
        problems_of(&rows, "lisi-2026-11.toml"),
        Vec::<String>::new()
    );
    let table = report(h.path(), dir.path(), &[]);
    assert!(!table.stdout.contains("全部核验通过"), "{}", table.stdout);
    assert!(
        table.stdout.contains("✗ link-2026-11.toml\n    是符号链接"),
        "{}",
        table.stdout
    );
}

#[test]
fn errors_name_what_to_fix() {
    let h = home("");
    let out = report(h.path(), Path::new("/nonexistent/folder"), &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("/nonexistent/folder: 无法读取文件夹：No such file or directory"),
        "{}",
        out.stderr
    );
    let en = home("lang = \"en\"");
    let out = report(en.path(), Path::new("/nonexistent/folder"), &[]);
    assert!(
        out.stderr
            .contains("/nonexistent/folder: cannot read folder: No such file or directory"),
        "{}",
        out.stderr
    );

    let bad = tempfile::tempdir().expect("temp home");
    write_config(bad.path(), "[read]\nunit = 2\n");
    let out = report(bad.path(), &completions(), &[]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains(&format!("{}:2:", bad.path().join("config.toml").display())),
        "{}",
        out.stderr
    );
}

#[test]
fn check_reports_the_broken_fixture_with_its_line() {
    let h = home("");
    let out = run(h.path(), &["check", completions().to_str().expect("UTF-8")]);
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    // The member's unit the secretary's content lacks is found by check too.
    assert!(
        lines[0].ends_with("chenshi-2026-11.toml:25: [[read]] 中的篇目 \"t-omega\" 不在学习内容中"),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].ends_with(
            "zhengjiu-2026-11.toml:4: TOML 格式错误：invalid basic string, expected `\"`"
        )
    );
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("plan.example.toml");
    let out = run(h.path(), &["check", plan.to_str().expect("UTF-8")]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "已检查 0 个学习单元、1 个计划文件、0 个完成情况文件：没有发现问题\n"
        )
    );
}

#[test]
fn unreadable_files_are_rows_with_problems_and_the_rest_go_on() {
    let h = home("");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        completions().join("lisi-2026-11.toml"),
        dir.path().join("lisi-2026-11.toml"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("latin1-2026-11.toml"),
        b"format = 1\nmember = \"\xe9\"\n",
    )
    .expect("write");
    let out = report(h.path(), dir.path(), &["--format", "json"]);
    assert_eq!(out.code, 1);
    let rows = json_rows(&out.stdout);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        problems_of(&rows, "latin1-2026-11.toml"),
        ["第 2 行不是有效的 UTF-8：请以 UTF-8 编码保存"]
    );
    assert_eq!(
        problems_of(&rows, "lisi-2026-11.toml"),
        Vec::<String>::new()
    );
}

#[test]
fn an_empty_folder_says_so() {
    let h = home("lang = \"en\"");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = report(h.path(), dir.path(), &[]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        format!(
            "\nthe folder {} holds no completion file (*.toml)\nall: 0 files, 0 verified, 0 with problems; read done 0, talk done 0, study done 0 (verified files only)\n",
            dir.path().display()
        )
    );
    assert!(!out.stdout.contains("all verified"));
    let json = report(h.path(), dir.path(), &["--format", "json"]);
    assert_eq!(json.stdout, "[]\n");
    let zh = home("");
    let out = report(zh.path(), dir.path(), &[]);
    assert!(
        out.stdout.contains(&format!(
            "文件夹 {} 中没有完成情况文件（*.toml）",
            dir.path().display()
        )),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("全部核验通过"), "{}", out.stdout);
}

#[test]
fn a_completion_file_s_own_problem_is_a_finding_in_the_secretary_s_language() {
    let dir = tempfile::tempdir().expect("folder");
    std::fs::write(
        dir.path().join("zs-2026-11.toml"),
        "format = \"dangxue-completion/1\"\nmember_id = \"zs\"\nmember = \"张三\"\ncycle = \"2026-11\"\nexported = 2026-11-30T21:04:00+08:00\n\n[[read]]\nunit = \"t-alpha\"\nseconds = 10\n\n[[read]]\nunit = \"t-alpha\"\nseconds = 11\n",
    )
    .expect("write");
    let h = home("");
    let out = report(h.path(), dir.path(), &["--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        problems_of(&json_rows(&out.stdout), "zs-2026-11.toml"),
        [
            "文件无法解析，第 11 行：篇目 \"t-alpha\" 有第二个 [[read]]（第一个在第 7 行）：请只保留一个"
        ]
    );
    let h = home("lang = \"en\"");
    let out = report(h.path(), dir.path(), &["--format", "json"]);
    assert_eq!(
        problems_of(&json_rows(&out.stdout), "zs-2026-11.toml"),
        [
            "the file does not parse, line 11: unit \"t-alpha\" has a second [[read]] (first at line 7): keep one"
        ]
    );
    let text = report(h.path(), dir.path(), &[]);
    assert!(
        text.stdout
            .contains("unit \"t-alpha\" has a second [[read]] (first at line 7): keep one"),
        "{}",
        text.stdout
    );
}
