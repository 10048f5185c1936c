//! A members folder others can write, on a shared server, with two real Unix accounts:
//! the member runs the program, another account plants links in the folder. Both run
//! through `setpriv` (util-linux), which needs root, as CI runs (`.ci/run`); the tests
//! fail, loudly, where it cannot switch accounts rather than pass without having run.

mod support;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use support::Pty;

/// The member's account.
const MEMBER: u32 = 4242;
/// Another account on the same server.
const OTHER: u32 = 4343;

/// Run `cmd ARGS` as `uid`; panics unless it succeeds.
fn as_account(uid: u32, cmd: &str, args: &[&str]) {
    let out = Command::new("setpriv")
        .arg(format!("--reuid={uid}"))
        .arg(format!("--regid={uid}"))
        .arg("--clear-groups")
        .arg(cmd)
        .args(args)
        .output()
        .expect("run setpriv");
    assert!(
        out.status.success(),
        "{cmd} {args:?} as {uid} (this test needs root, as CI runs): {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn chown(p: &Path, uid: u32) {
    std::os::unix::fs::chown(p, Some(uid), Some(uid)).expect("chown (needs root, as CI runs)");
}

fn chmod(p: &Path, mode: u32) {
    fs::set_permissions(p, fs::Permissions::from_mode(mode)).expect("chmod");
}

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p).expect("stat").permissions().mode() & 0o7777
}

struct Setup {
    _tmp: tempfile::TempDir,
    /// The dangxue home; its `members` folder is writable by every account.
    home: PathBuf,
    /// The member's `$HOME`.
    user_home: PathBuf,
}

impl Setup {
    fn members(&self) -> PathBuf {
        self.home.join("members")
    }
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().expect("tempdir");
    chmod(tmp.path(), 0o755);
    let home = tmp.path().join("home");
    fs::create_dir(&home).expect("home");
    chown(&home, MEMBER);
    chmod(&home, 0o755);
    // Shared and writable by all, without the sticky bit: the kernel's own
    // protection of links in sticky folders does not apply, only the program's.
    let members = home.join("members");
    fs::create_dir(&members).expect("members");
    chmod(&members, 0o777);
    let user_home = tmp.path().join("user");
    fs::create_dir(&user_home).expect("user home");
    chown(&user_home, MEMBER);
    chmod(&user_home, 0o755);
    Setup {
        _tmp: tmp,
        home,
        user_home,
    }
}

fn start(s: &Setup) -> Pty {
    let user_home = s.user_home.to_str().expect("utf-8");
    Pty::start_as(
        MEMBER,
        "000",
        &s.home,
        &["--member", "zhangsan"],
        &[("HOME", user_home)],
    )
}

#[test]
fn links_another_account_plants_as_lock_and_session_are_not_followed() {
    let s = setup();
    // What the other account aims at: a file of the member's, and a place in the
    // member's home where it wants a file made.
    let victim = s.user_home.join("notes.txt");
    fs::write(&victim, "the member's own notes").expect("victim");
    chown(&victim, MEMBER);
    chmod(&victim, 0o644);
    let planted = s.user_home.join("planted");
    let members = s.members();
    let (lock, session) = (
        members.join("zhangsan.lock"),
        members.join("zhangsan.session"),
    );
    as_account(
        OTHER,
        "ln",
        &[
            "-s",
            victim.to_str().expect("utf-8"),
            lock.to_str().expect("utf-8"),
        ],
    );
    as_account(
        OTHER,
        "ln",
        &[
            "-s",
            planted.to_str().expect("utf-8"),
            session.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(fs::symlink_metadata(&lock).expect("link").uid(), OTHER);

    let mut p = start(&s);
    p.wait_for("学习库");
    p.keys("1r");
    p.wait_for("写心得");
    p.keys("共享目录里的心得");
    p.send("\u{1b}");
    p.wait_for("月读");
    let screen = p.wait_for("保存失败");
    assert!(screen.contains("zhangsan.lock"), "{screen}");
    let screen = p.wait_for("这是符号链接");
    assert!(
        !screen.contains("另一个会话"),
        "a planted link is no session: {screen}"
    );
    // Nothing typed is given up quietly: the second quit leaves a private copy.
    p.keys("q");
    p.wait_for("尚未退出");
    p.keys("q");
    assert_eq!(p.wait_exit(), 1);
    // Beside the record when the folder takes it, else in the member's home.
    let copies: Vec<PathBuf> = [s.members(), s.user_home.clone()]
        .iter()
        .flat_map(|d| fs::read_dir(d).expect("folder").flatten())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("dangxue-zhangsan-unsaved-"))
        })
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}\n{}", p.screen());
    let copy = &copies[0];
    assert_eq!(mode(copy), 0o600, "private under umask 000");
    assert_eq!(fs::metadata(copy).expect("copy").uid(), MEMBER);
    assert!(
        fs::read_to_string(copy)
            .expect("copy")
            .contains("共享目录里的心得")
    );

    // The member's file is as it was, nothing was made where the link points, and
    // the links are still the other account's links.
    assert_eq!(mode(&victim), 0o644);
    assert_eq!(
        fs::read_to_string(&victim).expect("victim"),
        "the member's own notes"
    );
    assert!(
        fs::symlink_metadata(&planted).is_err(),
        "nothing created at the target"
    );
    for link in [&lock, &session] {
        let m = fs::symlink_metadata(link).expect("link");
        assert!(
            m.file_type().is_symlink() && m.uid() == OTHER,
            "{}",
            link.display()
        );
    }
}

#[test]
fn every_file_the_member_makes_in_the_shared_folder_is_private_under_umask_000() {
    let s = setup();
    // A record the program cannot read, left readable by all: it is moved aside.
    let record = s.members().join("zhangsan.toml");
    fs::write(&record, "not = [a state").expect("corrupt");
    chown(&record, MEMBER);
    chmod(&record, 0o644);
    let mut p = start(&s);
    p.wait_for("学习库");
    p.keys("1r");
    p.wait_for("写心得");
    p.keys("权限");
    p.send("\u{1b}");
    p.wait_for("月读");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);

    let made: Vec<PathBuf> = fs::read_dir(s.members())
        .expect("members")
        .flatten()
        .map(|e| e.path())
        .collect();
    let names: Vec<String> = made
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert!(names.iter().any(|n| n == "zhangsan.lock"), "{names:?}");
    assert!(names.iter().any(|n| n.contains(".corrupt-")), "{names:?}");
    for f in &made {
        let m = fs::symlink_metadata(f).expect("stat");
        assert_eq!(m.uid(), MEMBER, "{}", f.display());
        assert_eq!(mode(f), 0o600, "{} under umask 000", f.display());
    }
    let text = fs::read_to_string(&record).expect("record");
    assert!(text.contains("权限"), "{text}");
}

#[test]
fn a_plan_the_member_may_not_read_is_a_notice_and_no_plan() {
    let s = setup();
    // The secretary's plan, readable only by its owner.
    let plan = s.home.join("plan.toml");
    fs::write(&plan, "format = \"dangxue-plan/1\"\n").expect("plan");
    chmod(&plan, 0o600);
    support::write_config(&s.home, "plan = \"plan.toml\"\n");
    let record = s.members().join("zhangsan.toml");
    fs::write(
        &record,
        "format = 1\nmember_id = \"zhangsan\"\nname = \"张三\"\n",
    )
    .expect("record");
    chown(&record, MEMBER);
    chmod(&record, 0o600);
    let out = Command::new("setpriv")
        .arg(format!("--reuid={MEMBER}"))
        .arg(format!("--regid={MEMBER}"))
        .arg("--clear-groups")
        .arg(support::bin())
        .arg("--home")
        .arg(&s.home)
        .args(["--member", "zhangsan", "status"])
        .env("HOME", &s.user_home)
        .env_remove("DANGXUE_HOME")
        .output()
        .expect("run setpriv");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("未使用学习安排：") && err.contains("plan.toml"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("zhangsan"));
}
