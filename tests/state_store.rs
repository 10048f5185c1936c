//! The member state store against a real file system: creation and modes, corrupt
//! and foreign files, two sessions of one member, failed saves, and kill -9 during
//! saves.
//!
//! Some tests re-run this test binary as a child process (under a umask, a file size
//! limit, or to be killed mid-save); the child part of each is a test that does
//! nothing unless `DANGXUE_STATE_CHILD` names it.

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use dangxue::core::config::Lang;
use dangxue::core::merge::Kept;
use dangxue::core::state::{MemberState, Reflection, STATE_FORMAT};
use dangxue::store::paths::Paths;
use dangxue::store::state::{
    Notice, StateError, StateStore, list_members, parse_state, read_member,
};

fn home() -> (tempfile::TempDir, Paths) {
    support::store_home()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).expect("stat").permissions().mode() & 0o7777
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn read_unit(s: &mut MemberState, unit: &str, secs: u64) {
    let p = s.units.entry(unit.into()).or_default();
    p.seconds += secs;
    p.cycles.entry("2026-11".into()).or_default().seconds += secs;
    *s.days.entry("2026-11-03".into()).or_default() += secs;
}

fn reflect(s: &mut MemberState, text: &str) {
    s.cycles.entry("2026-11".into()).or_default().reflection = Some(Reflection {
        unit: None,
        text: text.into(),
    });
}

fn on_disk(p: &Paths, id: &str) -> MemberState {
    parse_state(&fs::read(p.member_file(id)).expect("read state")).expect("state parses")
}

/// Run the named child test of this binary through `sh -c "<prelude>; exec <me> ..."`.
fn run_child(name: &str, prelude: &str, home: &Path) -> std::process::Output {
    let me = std::env::current_exe().expect("test binary path");
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{prelude}; exec \"$0\" --exact {name} --include-ignored --nocapture --test-threads 1"
        ))
        .arg(me)
        .env("DANGXUE_STATE_CHILD", name)
        .env("DANGXUE_CHILD_HOME", home)
        .output()
        .expect("run child")
}

/// The home a child test works in, set by the test that runs it; a child run any other
/// way fails rather than passing without having done anything.
fn child_home(name: &str) -> Paths {
    assert_eq!(
        std::env::var("DANGXUE_STATE_CHILD").ok().as_deref(),
        Some(name),
        "{name} is run by another test of this file, as a child process"
    );
    Paths {
        home: PathBuf::from(std::env::var_os("DANGXUE_CHILD_HOME").expect("DANGXUE_CHILD_HOME")),
    }
}

#[test]
fn a_new_member_gets_a_private_folder_and_file() {
    let (_t, p) = home();
    let (store, state, notices) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    assert_eq!(state, MemberState::new("zhangsan", "张三"));
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(store.path(), p.member_file("zhangsan"));
    assert_eq!(mode(&p.members_dir()), 0o700);
    assert_eq!(mode(&p.member_file("zhangsan")), 0o600);
    assert_eq!(mode(&p.members_dir().join("zhangsan.lock")), 0o600);
    assert_eq!(on_disk(&p, "zhangsan"), state, "the profile exists at once");
    assert_eq!(list_members(&p), vec![("zhangsan".into(), "张三".into())]);
}

#[test]
fn saved_work_is_there_on_reopen() {
    let (_t, p) = home();
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    read_unit(&mut state, "a", 130);
    state.units.get_mut("a").expect("unit").offset = 4242;
    reflect(&mut state, "学习心得:红色物业凝聚基层治理合力。");
    let out = store.save(&state).expect("saves");
    assert!(out.written);
    assert_eq!(out.state, state);
    assert!(out.conflicts.is_empty());
    let again = store.save(&state).expect("saves");
    assert!(!again.written, "an unchanged state is not rewritten");
    drop(store);
    let (_, reopened, _) = StateStore::open(&p, "zhangsan", "ignored").expect("reopens");
    assert_eq!(reopened, state);
}

#[test]
fn two_sessions_of_one_member_both_keep_their_work() {
    let (_t, p) = home();
    let (mut a, mut sa, _) = StateStore::open(&p, "lisi", "李四").expect("session a");
    let (mut b, mut sb, _) = StateStore::open(&p, "lisi", "李四").expect("session b");
    read_unit(&mut sa, "unit-a", 100);
    sa.units.get_mut("unit-a").expect("a").offset = 111;
    read_unit(&mut sb, "unit-b", 50);
    read_unit(&mut sb, "unit-a", 20);
    sb.units.get_mut("unit-b").expect("b").offset = 222;
    reflect(&mut sa, "会话一写的心得");
    reflect(&mut sb, "会话二写的心得");

    sa = a.save(&sa).expect("a saves").state;
    let out = b.save(&sb).expect("b saves");
    sb = out.state;
    assert_eq!(out.conflicts.len(), 1);
    assert_eq!(out.conflicts[0].kept, Kept::Mine);
    assert_eq!(out.conflicts[0].set_aside, "会话一写的心得");

    // A keeps reading after B's save, then saves again.
    read_unit(&mut sa, "unit-a", 10);
    let final_a = a.save(&sa).expect("a saves again").state;
    let disk = on_disk(&p, "lisi");
    assert_eq!(disk, final_a);
    assert_eq!(disk.units["unit-a"].seconds, 130, "100 + 20 + 10");
    assert_eq!(disk.units["unit-a"].cycles["2026-11"].seconds, 130);
    assert_eq!(disk.units["unit-b"].seconds, 50);
    assert_eq!(disk.days["2026-11-03"], 180);
    assert_eq!(disk.units["unit-a"].offset, 111);
    assert_eq!(disk.units["unit-b"].offset, 222);
    // Both texts are in the file: B's in place (saved last over A's), A's set aside.
    let text = &disk.cycles["2026-11"]
        .reflection
        .as_ref()
        .expect("reflection")
        .text;
    assert_eq!(text, "会话二写的心得");
    assert!(
        disk.conflicts.iter().any(|c| c.text == "会话一写的心得"),
        "{disk:?}"
    );
    drop(sb);
}

#[test]
fn concurrent_savers_lose_no_seconds() {
    let (_t, p) = home();
    StateStore::open(&p, "wangwu", "王五").expect("create");
    let threads: Vec<_> = (0..3)
        .map(|n| {
            let p = p.clone();
            std::thread::spawn(move || {
                let (mut store, mut state, _) =
                    StateStore::open(&p, "wangwu", "王五").expect("opens");
                for i in 0..40 {
                    read_unit(&mut state, &format!("u{n}"), 1);
                    read_unit(&mut state, "shared", i % 3);
                    state = store.save(&state).expect("saves").state;
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("saver thread");
    }
    let disk = on_disk(&p, "wangwu");
    for n in 0..3 {
        assert_eq!(disk.units[&format!("u{n}")].seconds, 40);
    }
    let shared: u64 = (0..40).map(|i| i % 3).sum();
    assert_eq!(disk.units["shared"].seconds, 3 * shared);
    assert_eq!(disk.days["2026-11-03"], 3 * (40 + shared));
}

#[test]
fn a_corrupt_file_is_moved_aside_intact_and_the_member_told() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    let junk =
        "format = 1\nmember_id = \"zhangsan\"\nname = \"张三\"\n[units.a]\nseconds = \"many\"\n";
    fs::write(p.member_file("zhangsan"), junk).expect("write");
    let (_, state, notices) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    assert_eq!(state, MemberState::new("zhangsan", "张三"));
    let [
        Notice::MovedAside {
            file,
            moved_to,
            reason,
        },
    ] = notices.as_slice()
    else {
        panic!("one moved-aside notice expected: {notices:?}");
    };
    assert_eq!(file, &p.member_file("zhangsan"));
    assert_eq!(fs::read_to_string(moved_to).expect("kept copy"), junk);
    let kept_name = moved_to
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    let stamp = kept_name
        .strip_prefix("zhangsan.toml.corrupt-")
        .expect("named after the file");
    assert_eq!(stamp.len(), 15, "{stamp}");
    assert_eq!(stamp.as_bytes()[8], b'T', "{stamp}");
    assert!(reason.starts_with("line 5:"), "{reason}");
    assert_eq!(
        notices[0].text(Lang::Zh),
        format!(
            "学习记录文件无法读取，已另存为 {}，现从头开始。",
            moved_to.display()
        )
    );
    let shown = notices[0].text(Lang::En);
    assert!(shown.contains(&moved_to.display().to_string()), "{shown}");
    assert_eq!(on_disk(&p, "zhangsan"), state, "a fresh state was saved");

    // Corrupt again within the same second: the first copy is not overwritten.
    fs::write(p.member_file("zhangsan"), b"\xff\xfe not utf-8").expect("write");
    let (_, _, notices) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let Notice::MovedAside {
        moved_to: second,
        reason,
        ..
    } = &notices[0]
    else {
        panic!("{notices:?}");
    };
    assert_ne!(second, moved_to);
    assert_eq!(reason, "line 1: not valid UTF-8");
    assert_eq!(fs::read_to_string(moved_to).expect("first copy"), junk);
    assert_eq!(
        fs::read(second).expect("second copy"),
        b"\xff\xfe not utf-8"
    );
    let listed = list_members(&p);
    assert_eq!(
        listed,
        vec![("zhangsan".into(), "张三".into())],
        "kept copies are not members"
    );
}

#[test]
fn a_file_corrupted_between_saves_is_moved_aside_too() {
    let (_t, p) = home();
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    fs::write(p.member_file("zhangsan"), "<<<<<<< merge markers").expect("write");
    read_unit(&mut state, "a", 5);
    let out = store.save(&state).expect("saves");
    assert_eq!(out.state, state);
    assert!(
        matches!(out.notices.as_slice(), [Notice::MovedAside { .. }]),
        "{:?}",
        out.notices
    );
    assert_eq!(on_disk(&p, "zhangsan"), state);
}

#[test]
fn a_newer_format_is_refused_and_left_untouched() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    let newer = format!(
        "format = {}\nmember_id = \"zhangsan\"\nname = \"张三\"\nunits = \"a new shape\"\n",
        STATE_FORMAT + 1
    );
    fs::write(p.member_file("zhangsan"), &newer).expect("write");
    let e = StateStore::open(&p, "zhangsan", "张三").expect_err("refused");
    assert!(matches!(e, StateError::TooNew { found, .. } if found == i64::from(STATE_FORMAT) + 1));
    let msg = e.to_string();
    assert!(
        msg.starts_with(&p.member_file("zhangsan").display().to_string()),
        "{msg}"
    );
    assert!(msg.contains("Upgrade dangxue"), "{msg}");
    assert_eq!(
        fs::read_to_string(p.member_file("zhangsan")).expect("read"),
        newer
    );
    assert_eq!(
        names(&p.members_dir()),
        vec!["zhangsan.lock", "zhangsan.toml"]
    );
    assert!(matches!(
        read_member(&p, "zhangsan"),
        Err(StateError::TooNew { .. })
    ));

    // Written by a newer build while this session was open: the save is refused.
    let (_t2, p2) = home();
    let (mut store, state, _) = StateStore::open(&p2, "zhangsan", "张三").expect("opens");
    fs::write(p2.member_file("zhangsan"), &newer).expect("write");
    assert!(matches!(store.save(&state), Err(StateError::TooNew { .. })));
    assert_eq!(
        fs::read_to_string(p2.member_file("zhangsan")).expect("read"),
        newer
    );
}

#[test]
fn bad_member_ids_are_refused_with_a_reason() {
    let (_t, p) = home();
    for (id, says) in [
        ("", "empty"),
        ("../etc", "start with '.'"),
        (".hidden", "start with '.'"),
        ("a/b", "path separator"),
        ("a\\b", "path separator"),
        ("Zhang", "capital letter 'Z'"),
        ("张三", "'张'"),
        ("a\u{1b}[31m", "'\\u{1b}'"),
        ("a\u{200b}b", "(U+200B)"),
        ("--help", "cannot start with '-'"),
        ("-x", "cannot start with '-'"),
    ] {
        let e = StateStore::open(&p, id, "x").expect_err(id);
        let msg = e.to_string();
        assert!(matches!(e, StateError::BadId(_)), "{id}");
        assert!(msg.contains(says), "{id:?}: {msg}");
        assert!(
            !msg.contains('\u{1b}'),
            "escapes reach no terminal: {msg:?}"
        );
        let zh = e.text(Lang::Zh);
        assert!(zh.starts_with("成员ID"), "{id:?}: {zh}");
        assert!(!zh.contains('\u{1b}'), "escapes reach no terminal: {zh:?}");
    }
    let zh = StateStore::open(&p, "a/b", "x")
        .expect_err("a/b")
        .text(Lang::Zh);
    assert_eq!(
        zh,
        "成员ID 'a/b' 含有路径分隔符：只能用小写英文字母、数字、-、_ 和 ."
    );
    assert!(!p.home.exists(), "nothing is created for a bad id");
    let long = "a".repeat(65);
    assert!(StateStore::open(&p, &long, "x").is_err());
    // A quoted bad id is bounded, however long it is.
    let huge = "a".repeat(100_000);
    let msg = StateStore::open(&p, &huge, "x")
        .expect_err("long")
        .to_string();
    assert!(
        msg.len() < 400 && msg.contains("100000 characters"),
        "{msg}"
    );
    assert!(StateStore::open(&p, "zhang.san-2_b", "x").is_ok());
}

#[test]
fn a_state_file_readable_by_others_is_made_private_on_open() {
    let (_t, p) = home();
    StateStore::open(&p, "zhangsan", "张三").expect("creates");
    fs::set_permissions(p.member_file("zhangsan"), fs::Permissions::from_mode(0o644))
        .expect("chmod");
    StateStore::open(&p, "zhangsan", "张三").expect("opens");
    assert_eq!(mode(&p.member_file("zhangsan")), 0o600);
}

#[test]
fn the_file_name_decides_the_member_id() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    let copied = toml::to_string(&MemberState::new("someone-else", "张三")).expect("ser");
    fs::write(p.member_file("zhangsan"), copied).expect("write");
    let (mut store, state, _) = StateStore::open(&p, "zhangsan", "x").expect("opens");
    assert_eq!(state.member_id, "zhangsan");
    store.save(&state).expect("saves");
    assert_eq!(on_disk(&p, "zhangsan").member_id, "zhangsan");
}

#[test]
fn stale_temporary_files_of_a_killed_save_are_cleared() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    fs::write(p.members_dir().join(".zhangsan.toml.tmp-99999-0"), "half").expect("write");
    fs::write(p.members_dir().join(".lisi.toml.tmp-99999-0"), "other").expect("write");
    StateStore::open(&p, "zhangsan", "张三").expect("opens");
    assert_eq!(
        names(&p.members_dir()),
        vec![".lisi.toml.tmp-99999-0", "zhangsan.lock", "zhangsan.toml"]
    );
}

#[test]
fn list_members_reads_names_and_skips_other_files() {
    let (_t, p) = home();
    StateStore::open(&p, "zhangsan", "张三").expect("opens");
    StateStore::open(&p, "lisi", "李四").expect("opens");
    fs::write(p.members_dir().join("broken.toml"), "not = [toml").expect("write");
    fs::write(p.members_dir().join("Upper.toml"), "").expect("write");
    fs::write(p.members_dir().join("notes.txt"), "").expect("write");
    fs::create_dir(p.members_dir().join("dir.toml")).expect("mkdir");
    assert_eq!(
        list_members(&p),
        vec![
            ("broken".into(), "broken".into()),
            ("lisi".into(), "李四".into()),
            ("zhangsan".into(), "张三".into()),
        ]
    );
    let (_t2, empty) = home();
    assert!(list_members(&empty).is_empty());
}

#[test]
fn read_member_only_looks() {
    let (_t, p) = home();
    assert!(read_member(&p, "zhangsan").expect("no file").is_none());
    assert!(!p.home.exists());
    StateStore::open(&p, "zhangsan", "张三").expect("opens");
    assert_eq!(
        read_member(&p, "zhangsan")
            .expect("reads")
            .expect("some")
            .name,
        "张三"
    );
    fs::write(p.member_file("zhangsan"), "garbage = ").expect("write");
    let e = read_member(&p, "zhangsan").expect_err("invalid");
    assert!(e.to_string().contains("not a valid study record"), "{e}");
    assert_eq!(
        fs::read_to_string(p.member_file("zhangsan")).expect("read"),
        "garbage = "
    );
}

#[test]
fn a_held_lock_makes_save_wait_then_give_up_clearly() {
    let (_t, p) = home();
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let lock = fs::File::open(p.members_dir().join("zhangsan.lock")).expect("lock file");
    lock.lock().expect("hold the lock");
    store.set_lock_wait(Duration::from_millis(50));
    read_unit(&mut state, "a", 1);
    let e = store.save(&state).expect_err("locked");
    assert!(matches!(e, StateError::Locked { .. }));
    assert!(e.to_string().contains("still in memory"), "{e}");
    assert_eq!(on_disk(&p, "zhangsan").units.len(), 0, "nothing written");

    // Released while the save waits: the save goes through.
    store.set_lock_wait(Duration::from_secs(30));
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        drop(lock);
    });
    store.save(&state).expect("saves once released");
    releaser.join().expect("releaser");
    assert_eq!(on_disk(&p, "zhangsan"), state);
}

#[test]
fn an_unwritable_folder_is_a_clear_error_and_memory_is_kept() {
    // As root, permission bits do not stop writes; a regular file where the members
    // folder should be does, for everyone.
    let (_t, p) = home();
    fs::create_dir_all(&p.home).expect("mkdir");
    fs::write(p.members_dir(), "a file, not a folder").expect("write");
    let e = StateStore::open(&p, "zhangsan", "张三").expect_err("cannot create");
    let msg = e.to_string();
    assert!(
        msg.starts_with(&p.members_dir().display().to_string()),
        "{msg}"
    );
    assert!(msg.contains("cannot save"), "{msg}");

    // The folder turns into a file after opening: saves fail, then work again.
    let (_t2, p) = home();
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    read_unit(&mut state, "a", 42);
    let aside = p.home.join("members-away");
    fs::rename(p.members_dir(), &aside).expect("move folder");
    fs::write(p.members_dir(), "").expect("file in its place");
    let before = state.clone();
    let e = store.save(&state).expect_err("unwritable");
    let msg = e.to_string();
    assert!(matches!(e, StateError::Write { .. }), "{msg}");
    assert!(
        msg.starts_with(&p.member_file("zhangsan").display().to_string()),
        "{msg}"
    );
    assert!(msg.contains("is a file, not a folder"), "{msg}");
    assert!(msg.contains("still in memory"), "{msg}");
    assert_eq!(state, before);
    fs::remove_file(p.members_dir()).expect("remove file");
    fs::rename(&aside, p.members_dir()).expect("folder back");
    store.save(&state).expect("saves once fixed");
    assert_eq!(on_disk(&p, "zhangsan").units["a"].seconds, 42);
}

#[test]
fn saves_cut_short_by_a_file_size_limit_fail_cleanly() {
    // `ulimit -f` makes writes past the limit fail with EFBIG (SIGXFSZ ignored), like
    // a disk filling up in the middle of a save, without needing privileges.
    let (_t, p) = home();
    StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let out = run_child(
        "child_save_under_size_limit",
        "trap '' XFSZ; ulimit -f 8",
        &p.home,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "child failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "the child test ran:\n{stdout}");
    assert_eq!(
        names(&p.members_dir()),
        vec!["zhangsan.lock", "zhangsan.toml"]
    );
    assert_eq!(on_disk(&p, "zhangsan").units["small"].seconds, 7);
}

#[test]
#[ignore = "a child process of saves_cut_short_by_a_file_size_limit_fail_cleanly, which runs it"]
fn child_save_under_size_limit() {
    let p = child_home("child_save_under_size_limit");
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    read_unit(&mut state, "small", 7);
    state = store.save(&state).expect("a small save fits").state;
    reflect(&mut state, &"长".repeat(100_000));
    let kept = state.clone();
    let e = store.save(&state).expect_err("too large for the limit");
    let msg = e.to_string();
    assert!(
        msg.contains("File too large") && msg.contains("free some space"),
        "{msg}"
    );
    assert!(msg.contains("still in memory"), "{msg}");
    assert_eq!(state, kept);
}

#[test]
fn modes_hold_whatever_the_umask() {
    for umask in ["0777", "0000"] {
        let (_t, p) = home();
        let out = run_child("child_open_under_umask", &format!("umask {umask}"), &p.home);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(mode(&p.home), 0o700, "umask {umask}");
        assert_eq!(mode(&p.members_dir()), 0o700, "umask {umask}");
        assert_eq!(mode(&p.member_file("zhangsan")), 0o600, "umask {umask}");
        assert_eq!(
            mode(&p.members_dir().join("zhangsan.lock")),
            0o600,
            "umask {umask}"
        );
    }
}

#[test]
#[ignore = "a child process of modes_hold_whatever_the_umask, which runs it"]
fn child_open_under_umask() {
    let p = child_home("child_open_under_umask");
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    read_unit(&mut state, "a", 1);
    store.save(&state).expect("saves");
}

#[test]
fn an_open_members_folder_is_warned_about() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    fs::set_permissions(p.members_dir(), fs::Permissions::from_mode(0o777)).expect("chmod");
    let (_, _, notices) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let [notice @ Notice::OpenFolder { mode: 0o777, .. }] = notices.as_slice() else {
        panic!("{notices:?}");
    };
    let folder = p.members_dir().display().to_string();
    assert_eq!(
        notice.text(Lang::Zh),
        format!(
            "{folder} 可被所有用户写入（权限 0777），他们可以改动或替换你的学习记录：请运行 chmod 700 '{folder}'"
        )
    );
    assert_eq!(
        notice.text(Lang::En),
        format!(
            "{folder} can be written by every user (mode 0777), who could change or replace your study record; run: chmod 700 '{folder}'"
        )
    );
}

/// kill -9 at random moments of a save loop: the file on disk always parses and is
/// one whole version (its reflection and its counter agree).
#[test]
fn kill_9_during_saves_never_tears_the_file() {
    let (_t, p) = home();
    StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let me = std::env::current_exe().expect("test binary");
    let mut seen_versions = std::collections::BTreeSet::new();
    for round in 0..12u64 {
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "child_save_forever",
                "--include-ignored",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env("DANGXUE_STATE_CHILD", "child_save_forever")
            .env("DANGXUE_CHILD_HOME", &p.home)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn saver");
        // Vary the moment of the kill; the check below does not depend on it.
        std::thread::sleep(Duration::from_millis(30 + (round * 37) % 90));
        child.kill().expect("kill -9");
        child.wait().expect("reap");
        let disk = on_disk(&p, "zhangsan");
        let n = disk.days.get("2026-11-03").copied().unwrap_or(0);
        let text = disk
            .cycles
            .get("2026-11")
            .and_then(|c| c.reflection.as_ref())
            .map_or(String::new(), |r| r.text.clone());
        assert_eq!(
            text,
            version_text(n),
            "round {round}: counter and text disagree"
        );
        seen_versions.insert(n);
    }
    assert!(
        seen_versions.len() > 1,
        "the saver made progress: {seen_versions:?}"
    );
}

fn version_text(n: u64) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("第{n}版").repeat(2000 + usize::try_from(n % 7).expect("below 7") * 500)
    }
}

#[test]
#[ignore = "a child process of kill_9_during_saves_never_tears_the_file, which runs it"]
fn child_save_forever() {
    let p = child_home("child_save_forever");
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    loop {
        let n = state.days.get("2026-11-03").copied().unwrap_or(0) + 1;
        state.days.insert("2026-11-03".into(), n);
        reflect(&mut state, &version_text(n));
        state = store.save(&state).expect("saves").state;
    }
}

/// A real full disk and a real read-only disk: a small tmpfs.
#[test]
fn a_full_disk_and_a_read_only_disk_are_clear_errors() {
    let t = tempfile::tempdir().expect("tempdir");
    let mnt = t.path().join("mnt");
    let _mount = support::mount_tmpfs(&mnt, "256k");
    let p = Paths {
        home: mnt.join("home"),
    };
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    read_unit(&mut state, "a", 3);
    state = store.save(&state).expect("saves").state;
    let filler = mnt.join("filler");
    let e = fs::write(&filler, vec![b'x'; 1024 * 1024]).expect_err("fills the disk");
    assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);

    reflect(&mut state, &"长".repeat(50_000));
    let e = store.save(&state).expect_err("disk full");
    let msg = e.to_string();
    assert!(
        msg.starts_with(&p.member_file("zhangsan").display().to_string()),
        "{msg}"
    );
    assert!(
        msg.contains("No space left") && msg.contains("free some space"),
        "{msg}"
    );
    assert_eq!(
        on_disk(&p, "zhangsan").units["a"].seconds,
        3,
        "old version intact"
    );
    assert_eq!(
        names(&p.members_dir()),
        vec!["zhangsan.lock", "zhangsan.toml"]
    );

    fs::remove_file(&filler).expect("free space");
    store.save(&state).expect("saves once there is space");
    assert_eq!(on_disk(&p, "zhangsan"), state);

    support::remount_read_only(&mnt);
    read_unit(&mut state, "a", 1);
    let msg = store.save(&state).expect_err("read-only").to_string();
    assert!(msg.contains("read-only"), "{msg}");
    let (_, reopened, _) = StateStore::open(&p, "zhangsan", "x").expect("reading still works");
    assert_eq!(reopened.units["a"].seconds, 3);
    let msg = StateStore::open(&p, "lisi", "李四")
        .expect_err("cannot create")
        .to_string();
    assert!(
        msg.contains("lisi.toml") && msg.contains("read-only"),
        "{msg}"
    );
}
