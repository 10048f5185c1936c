//! The plain-text commands and the start of the TUI under hostile environments: a
//! closed pipe, bad usage, no terminal, `TERM=dumb`, a broken shared plan, a `TZ`
//! that is no zone, thousands of bad unit files, an over-long login name.

mod support;

use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

use support::{Pty, bin, home, run};

fn cmd(home: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.arg("--home")
        .arg(home)
        .args(args)
        .env_remove("DANGXUE_HOME");
    c
}

/// Start `args` with its standard output a pipe whose reading end is closed at once.
fn into_closed_pipe(home: &Path, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = cmd(home, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn make_member(home: &Path, id: &str) {
    let mut p = Pty::start(home, &["--member", id], 80, 24);
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

fn bad_units(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("units");
    for i in 0..n {
        std::fs::write(dir.join(format!("bad{i}.md")), "no front matter\n").expect("unit");
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let h = home();
    make_member(h.path(), "zhangsan");
    let units = h.path().join("units");
    bad_units(&units, 300);
    let out = h.path().join("out.toml");
    for args in [
        vec!["--member", "zhangsan", "status"],
        vec![
            "--member",
            "zhangsan",
            "export",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        vec!["check", units.to_str().expect("utf-8")],
    ] {
        let (status, err) = into_closed_pipe(h.path(), &args);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            status.signal() == Some(libc::SIGPIPE) || status.code() == Some(0),
            "{args:?}: {status:?} {err}"
        );
    }
}

#[test]
fn bad_usage_exits_2_with_the_usage() {
    let h = home();
    make_member(h.path(), "zhangsan");
    for args in [
        vec!["--member", "zhangsan", "status", "--cycle", "2026-13"],
        vec!["--member", "zhangsan", "export", "--cycle", "bad"],
        vec!["--member", "zhangsan", "report", ".", "--cycle", "2026-1"],
        vec!["--member", "--help-me", "status"],
        vec!["--member", "../x", "export"],
    ] {
        let (code, _, err) = run(h.path(), &args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("Usage:"), "{args:?}: {err}");
    }
    let long = "9".repeat(100_000);
    let (code, _, err) = run(h.path(), &["status", "--cycle", &long]);
    assert_eq!(code, 2);
    assert!(
        err.len() < 2000,
        "the bad value is bounded: {} bytes",
        err.len()
    );
}

#[test]
fn the_reader_refuses_clearly_without_a_terminal() {
    let h = home();
    let out = cmd(h.path(), &["--member", "zhangsan"])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("阅读界面需要终端") && err.contains("dangxue status"),
        "{err}"
    );
    assert!(
        !out.stdout.contains(&0x1b),
        "no escape sequences into a pipe or file"
    );
    assert!(
        !h.path().join("members").exists(),
        "nothing is created before the terminal is checked"
    );
    // A terminal that says it cannot draw.
    let mut p = Pty::start_env(
        h.path(),
        &["--member", "zhangsan"],
        80,
        24,
        &[("TERM", "dumb")],
    );
    assert_eq!(p.wait_exit(), 1);
    p.wait_for("TERM=dumb");
}

#[test]
fn a_broken_shared_plan_is_a_notice_and_no_plan() {
    let h = home();
    // Relative: taken from the config file's folder.
    support::write_config(h.path(), "plan = \"plan.toml\"\n");
    std::fs::write(
        h.path().join("plan.toml"),
        "format = \"dangxue-plan/1\"\n[[cycle]\n",
    )
    .expect("plan");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 120, 24);
    let screen = p.wait_for("学习库");
    let screen = if screen.contains("plan") {
        screen
    } else {
        p.wait_for("plan")
    };
    assert!(screen.contains("plan.toml"), "{screen}");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let (code, out, err) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("未使用学习安排：") && err.contains("plan.toml:"),
        "{err}"
    );
    assert!(out.contains("zhangsan"), "{out}");
    // An unreadable plan (a folder in its place) is the same.
    std::fs::remove_file(h.path().join("plan.toml")).expect("rm");
    std::fs::create_dir(h.path().join("plan.toml")).expect("mkdir");
    let (code, _, err) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("未使用学习安排："), "{err}");
}

#[test]
fn a_plan_s_problem_in_the_notice_is_in_the_member_s_language() {
    let h = home();
    support::write_config(h.path(), "plan = \"plan.toml\"\n");
    std::fs::write(
        h.path().join("plan.toml"),
        "format = \"dangxue-plan/1\"\n[[member]]\nid = \"zs\"\nname = \"张三\"\n[[member]]\nid = \"zs\"\nname = \"张三二\"\n",
    )
    .expect("plan");
    let plan = h.path().join("plan.toml").display().to_string();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 120, 24);
    let screen = p.wait_for("未使用学习安排");
    assert!(screen.contains("成员ID \"zs\" 已在名册第 2 行"), "{screen}");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let (code, _, err) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!(
            "未使用学习安排：{plan}:6: 成员ID \"zs\" 已在名册第 2 行；"
        )),
        "{err}"
    );
    support::write_config(h.path(), "plan = \"plan.toml\"\nlang = \"en\"\n");
    let (code, _, err) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(&format!(
            "the plan is not used: {plan}:6: member id \"zs\" is already on the roster at line 2;"
        )),
        "{err}"
    );
}

#[test]
fn a_tz_that_is_no_zone_is_named_and_not_read() {
    let h = home();
    make_member(h.path(), "zhangsan");
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success(),
        "mkfifo"
    );
    for tz in [
        "/dev/zero",
        fifo.to_str().expect("utf-8"),
        "Nowhere/Atlantis!",
    ] {
        let out = cmd(h.path(), &["--member", "zhangsan", "status"])
            .env("TZ", tz)
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "TZ={tz}: {err}");
        assert!(
            err.contains("dangxue: TZ=")
                && err.contains("计时；如需指定，请在 config.toml 中设置 timezone"),
            "TZ={tz}: {err}"
        );
    }
    std::fs::write(h.path().join("config.toml"), "lang = \"en\"\n").expect("config");
    let out = cmd(h.path(), &["--member", "zhangsan", "status"])
        .env("TZ", "Nowhere/Atlantis!")
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dangxue: TZ='Nowhere/Atlantis!' is neither a zone name such as Asia/Shanghai nor a POSIX rule such as CST-8; using"),
        "{err}"
    );
}

#[test]
fn thousands_of_bad_unit_files_are_a_short_message() {
    let h = home();
    let units = h.path().join("units");
    bad_units(&units, 2000);
    support::write_config(
        h.path(),
        &format!("content_dirs = [{:?}]\n", units.display().to_string()),
    );
    make_member(h.path(), "zhangsan");
    let (code, _, err) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.lines().count() <= 6,
        "{} lines:\n{err}",
        err.lines().count()
    );
    assert!(
        err.contains("另有 1995 个学习单元文件有问题") && err.contains("dangxue check"),
        "{err}"
    );
}

#[test]
fn an_over_long_login_name_still_makes_a_profile() {
    let h = home();
    let login = format!("-{}", "verylongloginname".repeat(8));
    let mut p = Pty::start_env(h.path(), &[], 80, 24, &[("USER", &login)]);
    p.wait_for("请填写您的姓名");
    p.keys("\r");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let ids: Vec<String> = std::fs::read_dir(h.path().join("members"))
        .expect("members")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "toml"))
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(
        ids[0].starts_with("verylong") && ids[0].len() <= 64 + 5,
        "{ids:?}"
    );
}

#[test]
fn a_broken_config_is_named_in_the_language_it_asks_for() {
    let h = home();
    let config = h.path().join("config.toml").display().to_string();
    std::fs::write(h.path().join("config.toml"), "[read]\nunit = 2\n").expect("config");
    for args in [vec!["--member", "zhangsan", "status"], vec!["check"]] {
        let (code, out, err) = run(h.path(), &args);
        assert_eq!(code, 1, "{args:?}: {out}{err}");
        assert!(
            format!("{out}{err}").contains(&format!("{config}:2: 配置有误：unknown field `unit`")),
            "{args:?}: {out}{err}"
        );
        assert!(
            format!("{out}{err}")
                .contains("：请按 config.example.toml 改正这一项，或删去它以使用默认值"),
            "{args:?}: {out}{err}"
        );
    }
    std::fs::write(
        h.path().join("config.toml"),
        "lang = \"en\"\n[read]\nunit = 2\n",
    )
    .expect("config");
    for args in [vec!["--member", "zhangsan", "status"], vec!["check"]] {
        let (code, out, err) = run(h.path(), &args);
        assert_eq!(code, 1, "{args:?}: {out}{err}");
        assert!(
            format!("{out}{err}").contains(&format!("{config}:3: unknown field `unit`")),
            "{args:?}: {out}{err}"
        );
        assert!(
            format!("{out}{err}").contains(
                ": fix the key as config.example.toml shows, or remove it to use the default"
            ),
            "{args:?}: {out}{err}"
        );
    }
}

#[test]
fn a_record_from_a_newer_dangxue_is_refused_in_the_member_s_language() {
    let h = home();
    make_member(h.path(), "zhangsan");
    let file = h.path().join("members/zhangsan.toml");
    std::fs::write(
        &file,
        "format = 99\nmember_id = \"zhangsan\"\nname = \"张三\"\n",
    )
    .expect("state");
    let shown = file.display().to_string();
    let (code, _, err) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "{shown}：由更新版本的 dangxue 写入（记录格式 99，本程序只读 1 及以前的格式）：请升级 dangxue 后再打开，文件未作改动"
        )),
        "{err}"
    );
    std::fs::write(h.path().join("config.toml"), "lang = \"en\"\n").expect("config");
    let (code, _, err) = run(h.path(), &["--member", "zhangsan", "status"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "{shown}: written by a newer version of dangxue (state format 99; this one reads format 1 and older)."
        )),
        "{err}"
    );
}

#[test]
fn an_open_members_folder_is_warned_about_in_the_member_s_language() {
    use std::os::unix::fs::PermissionsExt;
    let h = home();
    make_member(h.path(), "zhangsan");
    let members = h.path().join("members");
    std::fs::set_permissions(&members, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 200, 24);
    let screen = p.wait_for("可被所有用户写入（权限 0777）");
    assert!(
        screen.contains(&format!("{} 可被所有用户写入", members.display())),
        "{screen}"
    );
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    std::fs::write(h.path().join("config.toml"), "lang = \"en\"\n").expect("config");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 200, 24);
    p.wait_for("can be written by every user (mode 0777)");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}
