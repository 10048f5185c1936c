//! Who a completion file is from, end to end: `report` judges each `.sig` against the
//! roster's keys (and must agree with `ssh-keygen -Y verify`), flags files owned by
//! another account than the roster's `login`, and a member's drop into a shared
//! folder cannot be squatted by another account.
//!
//! The account tests make two Unix accounts with `useradd` and act as them with
//! `setpriv`, so they need root; CI runs as root.

mod support;

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_dangxue");
const MEMBER: &str = "dangxue-t-member";
const SQUATTER: &str = "dangxue-t-squatter";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Make the test accounts (once; another test may have made them already).
fn accounts() {
    // useradd run by two tests at once can lose one of the accounts.
    static MAKING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = MAKING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    assert!(
        nix::unistd::geteuid().is_root(),
        "these tests act as two other Unix accounts and need root (as in CI)"
    );
    for name in [MEMBER, SQUATTER] {
        if dangxue::store::handin::account_uid(name).is_some() {
            continue;
        }
        let out = Command::new("useradd")
            .args(["--system", "--no-create-home", "--shell", "/bin/sh", name])
            .output()
            .expect("useradd");
        // 9: made meanwhile by a test running in parallel.
        assert!(
            out.status.success() || out.status.code() == Some(9),
            "useradd {name}: {}",
            text(&out.stderr)
        );
    }
}

/// Run `argv` as `account` (its uid and gid, no other groups).
fn as_account(account: &str, argv: &[&str]) -> Output {
    Command::new("setpriv")
        .args([
            &format!("--reuid={account}"),
            &format!("--regid={account}"),
            "--clear-groups",
            "--",
        ])
        .args(argv)
        .env_remove("SSH_AUTH_SOCK")
        .stdin(Stdio::null())
        .output()
        .expect("setpriv")
}

fn keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let path = dir.join(name);
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&path)
        .output()
        .expect("ssh-keygen must be installed (.ci/run installs openssh-client)");
    assert!(out.status.success());
    let public = std::fs::read_to_string(path.with_extension("pub")).expect("pub");
    (path, public.trim().to_string())
}

fn sign(key: &Path, file: &Path) {
    let mut sig = file.as_os_str().to_os_string();
    sig.push(".sig");
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", "dangxue-completion", "-f"])
        .arg(key)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("ssh-keygen");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&std::fs::read(file).expect("read"))
        .expect("write");
    let out = child.wait_with_output().expect("sign");
    assert!(out.status.success());
    std::fs::write(sig, out.stdout).expect("write sig");
}

fn completion(dir: &Path, id: &str, name: &str) -> PathBuf {
    let path = dir.join(format!("{id}-2026-11.toml"));
    std::fs::write(
        &path,
        format!(
            "format = \"dangxue-completion/1\"\nmember_id = \"{id}\"\nmember = \"{name}\"\ncycle = \"2026-11\"\nexported = 2026-11-20T21:04:00+08:00\n"
        ),
    )
    .expect("write completion");
    path
}

/// A secretary's home whose plan holds `roster` (TOML `[[member]]` tables).
fn secretary(roster: &str) -> tempfile::TempDir {
    let h = tempfile::tempdir().expect("home");
    std::fs::write(
        h.path().join("plan.toml"),
        format!("format = \"dangxue-plan/1\"\n{roster}"),
    )
    .expect("plan");
    support::write_config(h.path(), "plan = \"plan.toml\"\nlang = \"en\"\n");
    h
}

fn report_json(home: &Path, dir: &Path) -> Vec<Value> {
    let out = Command::new(BIN)
        .arg("--home")
        .arg(home)
        .arg("report")
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .expect("report");
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", text(&out.stdout), text(&out.stderr)));
    v.as_array().expect("an array").clone()
}

fn row<'a>(rows: &'a [Value], id: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["member_id"] == id && !r["file"].is_null())
        .unwrap_or_else(|| panic!("no row for {id}: {rows:?}"))
}

fn problems(r: &Value) -> String {
    r["problems"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}

#[test]
fn the_report_judges_signatures_as_ssh_keygen_does() {
    let keys = tempfile::tempdir().expect("keys");
    let (zhang_key, zhang) = keygen(keys.path(), "zhang");
    let (_, li) = keygen(keys.path(), "li");
    let (_, chen) = keygen(keys.path(), "chen");
    let (stranger_key, _) = keygen(keys.path(), "stranger");
    let (zhao_key, zhao) = keygen(keys.path(), "zhao");
    let h = secretary(&format!(
        "[[member]]\nid = \"zhangsan\"\nname = \"张三\"\nkey = \"{zhang}\"\n\n[[member]]\nid = \"lisi\"\nname = \"李四\"\nkey = \"{li}\"\n\n[[member]]\nid = \"chenshi\"\nname = \"陈十\"\nkey = \"{chen}\"\n\n[[member]]\nid = \"wangwu\"\nname = \"王五\"\n\n[[member]]\nid = \"zhaoliu\"\nname = \"赵六\"\nkey = \"{zhao}\"\n"
    ));
    let drop = tempfile::tempdir().expect("drop");
    let d = drop.path();
    let f = completion(d, "zhangsan", "张三");
    sign(&zhang_key, &f);
    // lisi's file, signed by zhangsan.
    let f = completion(d, "lisi", "李四");
    sign(&zhang_key, &f);
    // chenshi's file has no .sig; wangwu needs none but has one from a stranger.
    completion(d, "chenshi", "陈十");
    let f = completion(d, "wangwu", "王五");
    sign(&stranger_key, &f);
    // zhaoliu's file was changed after it was signed; lisi signed the next one.
    let f = completion(d, "zhaoliu", "赵六");
    sign(&zhao_key, &f);
    let changed = std::fs::read_to_string(&f)
        .expect("read")
        .replace("21:04", "21:05");
    std::fs::write(&f, changed).expect("tamper");

    let rows = report_json(h.path(), d);
    assert_eq!(row(&rows, "zhangsan")["signature"], "valid");
    let lisi = row(&rows, "lisi");
    assert_eq!(lisi["signature"], "invalid");
    assert!(
        problems(lisi).contains("another member's key: zhangsan's"),
        "{}",
        problems(lisi)
    );
    let chenshi = row(&rows, "chenshi");
    assert_eq!(chenshi["signature"], "missing");
    assert!(problems(chenshi).contains("chenshi-2026-11.toml.sig"));
    assert!(row(&rows, "wangwu")["signature"].is_null());
    let zhaoliu = row(&rows, "zhaoliu");
    assert_eq!(zhaoliu["signature"], "invalid");
    assert!(
        problems(zhaoliu).contains("the file was changed after it was signed"),
        "{}",
        problems(zhaoliu)
    );

    // The same verdicts from OpenSSH with the roster as allowed_signers.
    let out = Command::new(BIN)
        .arg("--home")
        .arg(h.path())
        .arg("allowed-signers")
        .output()
        .expect("allowed-signers");
    let allowed = h.path().join("allowed_signers");
    std::fs::write(&allowed, &out.stdout).expect("write");
    for id in ["zhangsan", "lisi", "chenshi", "zhaoliu"] {
        let file = d.join(format!("{id}-2026-11.toml"));
        let sig = d.join(format!("{id}-2026-11.toml.sig"));
        let ok = sig.exists()
            && Command::new("ssh-keygen")
                .args(["-Y", "verify", "-n", "dangxue-completion", "-I", id, "-f"])
                .arg(&allowed)
                .arg("-s")
                .arg(&sig)
                .stdin(std::fs::File::open(&file).expect("open"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("verify")
                .success();
        assert_eq!(
            ok,
            row(&rows, id)["signature"] == "valid",
            "{id}: ssh-keygen says {ok}"
        );
    }
}

#[test]
fn a_sig_that_cannot_be_read_is_said_why_in_the_secretary_s_language() {
    let keys = tempfile::tempdir().expect("keys");
    let (_, zhang) = keygen(keys.path(), "zhang");
    let (_, li) = keygen(keys.path(), "li");
    let h = secretary(&format!(
        "[[member]]\nid = \"zhangsan\"\nname = \"张三\"\nkey = \"{zhang}\"\n\n[[member]]\nid = \"lisi\"\nname = \"李四\"\nkey = \"{li}\"\n"
    ));
    let drop = tempfile::tempdir().expect("drop");
    let d = drop.path();
    // zhangsan's .sig is not armored; lisi's is a link to a real one.
    let f = completion(d, "zhangsan", "张三");
    std::fs::write(d.join("zhangsan-2026-11.toml.sig"), "not a signature\n").expect("sig");
    completion(d, "lisi", "李四");
    std::fs::write(d.join("elsewhere.sig"), std::fs::read(&f).expect("read")).expect("write");
    std::os::unix::fs::symlink(d.join("elsewhere.sig"), d.join("lisi-2026-11.toml.sig"))
        .expect("symlink");

    let rows = report_json(h.path(), d);
    for id in ["zhangsan", "lisi"] {
        assert_eq!(row(&rows, id)["signature"], "invalid");
    }
    assert!(
        problems(row(&rows, "zhangsan")).contains(
            "zhangsan-2026-11.toml.sig is not a readable SSH signature: its first line is not -----BEGIN SSH SIGNATURE-----"
        ),
        "{}",
        problems(row(&rows, "zhangsan"))
    );
    assert!(
        problems(row(&rows, "lisi")).contains(
            "lisi-2026-11.toml.sig is not a readable SSH signature: it is a symbolic link"
        ),
        "{}",
        problems(row(&rows, "lisi"))
    );

    support::write_config(h.path(), "plan = \"plan.toml\"\nlang = \"zh\"\n");
    let rows = report_json(h.path(), d);
    assert!(
        problems(row(&rows, "zhangsan")).contains(
            "zhangsan-2026-11.toml.sig 不是可读的 SSH 签名：第一行不是 -----BEGIN SSH SIGNATURE-----"
        ),
        "{}",
        problems(row(&rows, "zhangsan"))
    );
    assert!(
        problems(row(&rows, "lisi")).contains(
            "lisi-2026-11.toml.sig 不是可读的 SSH 签名：这是符号链接，dangxue 在这里不跟随链接：请删除它"
        ),
        "{}",
        problems(row(&rows, "lisi"))
    );
}

#[test]
fn files_owned_by_another_account_than_the_roster_login_are_flagged() {
    accounts();
    let h = secretary(&format!(
        "[[member]]\nid = \"zhangsan\"\nname = \"张三\"\nlogin = \"{MEMBER}\"\n\n[[member]]\nid = \"lisi\"\nname = \"李四\"\nlogin = \"{MEMBER}\"\n\n[[member]]\nid = \"wangwu\"\nname = \"王五\"\nlogin = \"nosuchaccount\"\n"
    ));
    let drop = tempfile::tempdir().expect("drop");
    let d = drop.path();
    let own = completion(d, "zhangsan", "张三");
    let uid = dangxue::store::handin::account_uid(MEMBER).expect("uid");
    nix::unistd::chown(&own, Some(nix::unistd::Uid::from_raw(uid)), None).expect("chown");
    let planted = completion(d, "lisi", "李四");
    let squatter = dangxue::store::handin::account_uid(SQUATTER).expect("uid");
    nix::unistd::chown(&planted, Some(nix::unistd::Uid::from_raw(squatter)), None).expect("chown");
    completion(d, "wangwu", "王五");
    let rows = report_json(h.path(), d);
    let zhangsan = problems(row(&rows, "zhangsan"));
    assert!(!zhangsan.contains("owned by"), "{zhangsan}");
    let lisi = problems(row(&rows, "lisi"));
    assert!(
        lisi.contains(&format!(
            "the file is owned by account {SQUATTER}; the roster's login is {MEMBER}"
        )),
        "{lisi}"
    );
    let wangwu = problems(row(&rows, "wangwu"));
    assert!(
        wangwu.contains("nosuchaccount is not an account"),
        "{wangwu}"
    );
}

/// A member home owned by `MEMBER`, in a folder it can reach.
fn member_home(root: &Path, config: &str) -> PathBuf {
    let home = root.join("home");
    let members = home.join("members");
    support::write_member(&home, "zhangsan", "张三", "");
    support::write_config(&home, config);
    let uid = nix::unistd::Uid::from_raw(dangxue::store::handin::account_uid(MEMBER).expect("uid"));
    for p in [
        &home,
        &members,
        &members.join("zhangsan.toml"),
        &home.join("config.toml"),
    ] {
        nix::unistd::chown(p.as_path(), Some(uid), None).expect("chown");
    }
    std::fs::set_permissions(&members, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    home
}

/// A shared drop folder like /tmp: everyone may write, only owners may remove.
fn sticky_folder(root: &Path) -> PathBuf {
    let d = root.join("drop");
    std::fs::create_dir(&d).expect("drop");
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    d
}

#[test]
fn a_squatted_name_in_a_shared_folder_is_refused_and_the_owner_named() {
    accounts();
    let root = tempfile::tempdir().expect("root");
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let home = member_home(root.path(), "lang = \"en\"\n");
    let drop = sticky_folder(root.path());
    let target = drop.join("zhangsan-2026-11.toml");
    let target_s = target.to_str().expect("utf-8");
    let home_s = home.to_str().expect("utf-8");
    let export = [
        BIN, "--home", home_s, "--member", "zhangsan", "export", "--cycle", "2026-11", "--out",
        target_s,
    ];

    // The squatter plants the member's file name first.
    let out = as_account(
        SQUATTER,
        &["sh", "-c", &format!("echo planted > '{target_s}'")],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = as_account(MEMBER, &export);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "taken by another account, {SQUATTER} (you are {MEMBER})"
        )),
        "{err}"
    );
    assert!(err.contains("secretary"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "planted\n");

    // A link planted under the name is not followed.
    std::fs::remove_file(&target).expect("rm");
    let aim = home.join("config.toml");
    let before = std::fs::read(&aim).expect("read");
    let out = as_account(
        SQUATTER,
        &["ln", "-s", aim.to_str().expect("utf-8"), target_s],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = as_account(MEMBER, &export);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("symbolic link made by the account {SQUATTER}")),
        "{err}"
    );
    assert_eq!(std::fs::read(&aim).expect("read"), before);

    // Once the secretary clears the name, the member's file goes in, with the
    // member's umask kept.
    std::fs::remove_file(&target).expect("rm");
    let script = format!("umask 027; exec {}", export.join(" "));
    let out = as_account(MEMBER, &["sh", "-c", &script]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let m = std::fs::symlink_metadata(&target).expect("stat");
    assert_eq!(
        m.uid(),
        dangxue::store::handin::account_uid(MEMBER).expect("uid")
    );
    assert_eq!(m.mode() & 0o777, 0o640);
    // And the squatter cannot replace it (the folder is sticky).
    let out = as_account(
        SQUATTER,
        &[
            "sh",
            "-c",
            &format!("echo x > '{target_s}.new' && mv -f '{target_s}.new' '{target_s}'"),
        ],
    );
    assert!(!out.status.success());
}

#[test]
fn the_automatic_drop_names_who_holds_the_name() {
    accounts();
    let root = tempfile::tempdir().expect("root");
    std::fs::set_permissions(root.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let drop = sticky_folder(root.path());
    let home = root.path().join("member");
    std::fs::create_dir(&home).expect("home");
    support::write_config(
        &home,
        &format!(
            "report_dir = {:?}\ntimezone = \"UTC\"\n",
            drop.display().to_string()
        ),
    );
    // Every cycle's name is taken, whichever the clock says.
    let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC);
    let cycle = format!("{:04}-{:02}", now.year(), now.month());
    let planted = drop.join(format!("zhangsan-{cycle}.toml"));
    let out = as_account(
        SQUATTER,
        &[
            "sh",
            "-c",
            &format!("echo planted > '{}'", planted.display()),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut p = support::Pty::start(&home, &["--member", "zhangsan"], 220, 24);
    let screen = p.wait_for(SQUATTER);
    assert!(screen.contains("另一个账号"), "{screen}");
    assert!(!screen.contains("保存失败"), "{screen}");
    p.keys("q");
    p.keys("q");
    p.wait_exit();
    assert_eq!(
        std::fs::read_to_string(&planted).expect("read"),
        "planted\n"
    );
}
