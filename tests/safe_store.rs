//! The member state store on a shared server and across versions: symlinks planted
//! in the members folder, the modes of every file the program makes, keys a newer
//! version wrote, set-aside versions that must not pile up, and the emergency copy.

mod support;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use dangxue::core::state::{MemberState, Reflection};
use dangxue::store::paths::Paths;
use dangxue::store::state::{Session, StateStore, claim_session, parse_state};

fn home() -> (tempfile::TempDir, Paths) {
    support::store_home()
}

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p).expect("stat").permissions().mode() & 0o7777
}

fn reflect(s: &mut MemberState, text: &str) {
    s.cycles.entry("2026-11".into()).or_default().reflection = Some(Reflection {
        unit: None,
        text: text.into(),
    });
}

#[test]
fn symlinks_planted_as_lock_or_session_files_are_not_followed() {
    let (t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    // Another user's file, and a place they want a file created in.
    let victim = t.path().join("victim.txt");
    fs::write(&victim, "someone else's").expect("victim");
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).expect("chmod");
    let planted = t.path().join("planted");
    symlink(&victim, p.members_dir().join("zhangsan.lock")).expect("symlink");
    symlink(&planted, p.members_dir().join("zhangsan.session")).expect("symlink");

    // Reading still works; saving says what is wrong, naming the lock file.
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    reflect(&mut state, "心得");
    let e = store.save(&state).expect_err("no lock");
    let msg = e.to_string();
    assert!(
        msg.contains("zhangsan.lock") && msg.contains("symbolic link"),
        "{msg}"
    );
    let zh = e.text(dangxue::core::config::Lang::Zh);
    assert!(
        zh.contains(&format!(
            "：无法保存学习记录：锁文件 {}：这是符号链接，dangxue 在这里不跟随链接：请删除它",
            p.members_dir().join("zhangsan.lock").display()
        )),
        "{zh}"
    );
    assert!(
        matches!(claim_session(&p, "zhangsan"), Session::Unknown(_)),
        "a planted session file is not a session lock"
    );
    assert_eq!(mode(&victim), 0o644, "the victim's mode is not touched");
    assert_eq!(
        fs::read_to_string(&victim).expect("victim"),
        "someone else's"
    );
    assert!(
        !planted.exists(),
        "nothing is created where the link points"
    );
}

#[test]
fn a_state_file_replaced_by_a_symlink_is_not_read_through() {
    let (t, p) = home();
    let (mut store, state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    store.save(&state).expect("saves");
    let elsewhere = t.path().join("elsewhere.toml");
    fs::rename(p.member_file("zhangsan"), &elsewhere).expect("move");
    symlink(&elsewhere, p.member_file("zhangsan")).expect("symlink");
    let e = StateStore::open(&p, "zhangsan", "张三").expect_err("a link");
    assert!(e.to_string().contains("symbolic link"), "{e}");
    assert!(
        e.text(dangxue::core::config::Lang::Zh)
            .contains("：无法读取学习记录：这是符号链接，dangxue 在这里不跟随链接：请删除它"),
        "{}",
        e.text(dangxue::core::config::Lang::Zh)
    );
}

#[test]
fn kept_aside_copies_and_lock_files_are_private() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    fs::write(p.member_file("zhangsan"), "not = [a state").expect("corrupt");
    fs::set_permissions(p.member_file("zhangsan"), fs::Permissions::from_mode(0o644))
        .expect("chmod");
    // A lock file left 0666 by an older version under umask 000.
    fs::write(p.members_dir().join("zhangsan.lock"), "").expect("lock");
    fs::set_permissions(
        p.members_dir().join("zhangsan.lock"),
        fs::Permissions::from_mode(0o666),
    )
    .expect("chmod");
    let (_, _, notices) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let moved = notices
        .iter()
        .find_map(|n| match n {
            dangxue::store::state::Notice::MovedAside { moved_to, .. } => Some(moved_to.clone()),
            _ => None,
        })
        .expect("moved aside");
    assert_eq!(mode(&moved), 0o600, "{}", moved.display());
    assert_eq!(mode(&p.members_dir().join("zhangsan.lock")), 0o600);
    let Session::Alone(_held) = claim_session(&p, "zhangsan") else {
        panic!("the only session");
    };
    assert_eq!(mode(&p.members_dir().join("zhangsan.session")), 0o600);
    assert!(
        matches!(claim_session(&p, "zhangsan"), Session::Other),
        "a second claim sees the first"
    );
}

#[test]
fn keys_of_a_newer_minor_version_survive_a_save() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    fs::write(
        p.member_file("zhangsan"),
        "format = 1\nmember_id = \"zhangsan\"\nname = \"张三\"\nstreak = 12\n\
         future_started = 2026-11-03T20:11:09+08:00\n\n[badges]\nfirst = \"初心\"\nlist = [1, 2]\n",
    )
    .expect("state");
    let (mut store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    reflect(&mut state, "这一版不认识的键要留下。");
    let saved = store.save(&state).expect("saves").state;
    let text = fs::read_to_string(p.member_file("zhangsan")).expect("read");
    let table: toml::Table = toml::from_str(&text).expect("toml");
    assert_eq!(table["streak"].as_integer(), Some(12), "{text}");
    assert_eq!(table["badges"]["first"].as_str(), Some("初心"), "{text}");
    assert_eq!(
        table["future_started"]
            .as_datetime()
            .map(ToString::to_string),
        Some("2026-11-03T20:11:09+08:00".into()),
        "{text}"
    );
    assert_eq!(
        table["cycles"]["2026-11"]["reflection"]["text"].as_str(),
        Some("这一版不认识的键要留下。")
    );
    // And a second session that knows nothing of them does not drop them either.
    let (mut other, mut st2, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    st2.name = "张三丰".into();
    other.save(&st2).expect("saves");
    let again = parse_state(&fs::read(p.member_file("zhangsan")).expect("read")).expect("parses");
    assert_eq!(again.unknown, saved.unknown);
    assert_eq!(again.unknown["streak"].as_integer(), Some(12));
}

#[test]
fn two_sessions_typing_in_one_field_keep_one_set_aside_version_per_side() {
    let (_t, p) = home();
    let (mut a, mut sa, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let (mut b, mut sb, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    let long = "长".repeat(2000);
    for i in 0..40 {
        reflect(&mut sa, &format!("{long} 甲 {i}"));
        sa = a.save(&sa).expect("a saves").state;
        reflect(&mut sb, &format!("{long} 乙 {i}"));
        sb = b.save(&sb).expect("b saves").state;
    }
    let disk = parse_state(&fs::read(p.member_file("zhangsan")).expect("read")).expect("parses");
    assert!(
        disk.conflicts.len() <= 2,
        "{} set-aside copies",
        disk.conflicts.len()
    );
    // The latest of the other side's versions is the one kept.
    assert!(
        disk.conflicts.iter().any(|c| c.text.ends_with("甲 39")),
        "{:?}",
        disk.conflicts
            .iter()
            .map(|c| c.text.chars().rev().take(5).collect::<String>())
            .collect::<Vec<_>>()
    );
    let size = fs::metadata(p.member_file("zhangsan")).expect("stat").len();
    assert!(size < 40_000, "the record stays small: {size} bytes");
}

#[test]
fn the_emergency_copy_is_a_whole_private_state_beside_the_record() {
    let (_t, p) = home();
    let (store, mut state, _) = StateStore::open(&p, "zhangsan", "张三").expect("opens");
    reflect(&mut state, "来不及保存的心得");
    let copy = store.emergency_copy(&state).expect("copy");
    assert_eq!(copy.parent(), Some(p.members_dir().as_path()));
    assert!(
        copy.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("dangxue-zhangsan-unsaved-")),
        "{}",
        copy.display()
    );
    assert_eq!(mode(&copy), 0o600);
    let back = parse_state(&fs::read(&copy).expect("read")).expect("a state file");
    assert_eq!(back, state);
    // A second copy in the same second gets its own name.
    let second = store.emergency_copy(&state).expect("copy");
    assert_ne!(second, copy);
    // The copies are not mistaken for members.
    let ids: Vec<String> = dangxue::store::state::list_members(&p)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, vec!["zhangsan".to_string()]);
}
