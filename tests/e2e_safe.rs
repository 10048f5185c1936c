//! Nothing typed is lost when saving fails: a full disk, a read-only disk, a lock
//! another process holds. The real binary in a pseudo-terminal, on a real small
//! tmpfs (CI runs as root, which mounting needs).

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use support::{Mount, Pty, mount_tmpfs, remount_read_only};

/// Fill the file system holding `dir` to the last block.
fn fill(dir: &Path) {
    use std::io::Write;
    let mut f = fs::File::create(dir.join("filler")).expect("filler");
    let chunk = vec![b'x'; 4096];
    loop {
        if f.write_all(&chunk).is_err() {
            break;
        }
    }
    let _ = f.sync_all();
}

/// Emergency copies of `id` in `dir`.
fn copies(dir: &Path, id: &str) -> Vec<PathBuf> {
    let prefix = format!("dangxue-{id}-unsaved-");
    fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Like `Pty::wait_for`, for a screen that comes after a deliberate wait (a lock
/// wait) on a loaded machine.
fn wait_long(p: &Pty, text: &str) -> String {
    let start = std::time::Instant::now();
    loop {
        let s = p.screen();
        if s.contains(text) {
            return s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(45),
            "screen never showed {text:?}; it shows:\n{s}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

struct Setup {
    _tmp: tempfile::TempDir,
    mount: Mount,
    /// The dangxue home, on the tmpfs.
    home: PathBuf,
    /// `$HOME` of the program: writable, not on the tmpfs.
    user_home: PathBuf,
}

fn setup(size: &str) -> Setup {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mount = mount_tmpfs(&tmp.path().join("mnt"), size);
    let home = mount.0.join("home");
    fs::create_dir(&home).expect("home");
    let user_home = tmp.path().join("user");
    fs::create_dir(&user_home).expect("user home");
    Setup {
        _tmp: tmp,
        mount,
        home,
        user_home,
    }
}

fn start(s: &Setup, id: &str) -> Pty {
    Pty::start_env(
        &s.home,
        &["--member", id],
        80,
        24,
        &[("HOME", s.user_home.to_str().expect("utf-8"))],
    )
}

/// Open the reflection editor and type `text`.
fn write_reflection(p: &mut Pty, text: &str) {
    p.open_reflection();
    p.keys(text);
    p.wait_for(&format!("心得 {}/300 字", text.chars().count()));
}

#[test]
fn quitting_on_a_full_disk_keeps_the_program_open_then_gives_up_with_a_copy() {
    let s = setup("1m");
    let mut p = start(&s, "zhangsan");
    write_reflection(&mut p, "满盘时写下的心得");
    fill(&s.mount.0);
    // Esc saves and goes back: the save fails, and says so where it can be read.
    p.send("\u{1b}");
    // Back on 本月 before the next key: an Esc and a key read together are Alt-key.
    p.wait_for("月读");
    p.wait_for("保存失败：");
    let screen = p.wait_for("（磁盘或配额已满：请腾出空间）");
    assert!(
        screen.contains("zhangsan.toml：无法保存学习记录："),
        "{screen}"
    );
    // The next key does not clear it.
    p.keys("j");
    std::thread::sleep(Duration::from_millis(300));
    assert!(p.screen().contains("保存失败"), "{}", p.screen());
    // A quit does not quit while the work is unsaved.
    p.keys("q");
    let screen = p.wait_for("尚未退出");
    assert!(
        screen.contains("放弃保存：未保存的内容会写入一份紧急副本"),
        "{screen}"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        p.screen().contains("尚未退出"),
        "still open: {}",
        p.screen()
    );
    // The second quit gives up, says so and where the work went, and exits 1.
    p.keys("q");
    assert_eq!(p.wait_exit(), 1);
    let screen = p.wait_for("未保存的内容已写入");
    assert!(screen.contains("dangxue-zhangsan-unsaved-"), "{screen}");
    let found = copies(&s.user_home, "zhangsan");
    assert_eq!(found.len(), 1, "{found:?}; screen:\n{screen}");
    let copy = support::reflections(&fs::read(&found[0]).expect("copy"));
    assert_eq!(copy, vec!["满盘时写下的心得"]);
}

#[test]
fn quitting_while_another_process_holds_the_lock_waits_and_saves_once_it_is_free() {
    let s = setup("4m");
    let mut p = start(&s, "lisi");
    p.wait_for("学习库");
    let lock = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(s.home.join("members/lisi.lock"))
        .expect("lock file");
    lock.lock().expect("hold the lock");
    p.open_reflection();
    p.keys("锁被占用时写的心得");
    p.send("\u{1b}");
    // Back on 本月 before the next key: an Esc and a key read together are Alt-key.
    p.wait_for("月读");
    let screen = p.wait_for("保存失败");
    assert!(screen.contains("另一个 dangxue 进程"), "{screen}");
    // The quit waits the full lock wait (5 s) for the other process first.
    p.keys("q");
    wait_long(&p, "尚未退出");
    drop(lock);
    // Once the lock is free the next quit saves everything and ends normally.
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let st = support::state(&s.home, "lisi");
    let text = toml::to_string(&st).expect("toml");
    assert!(text.contains("锁被占用时写的心得"), "{text}");
    assert!(copies(&s.user_home, "lisi").is_empty());
}

#[test]
fn a_signal_while_the_disk_is_full_writes_an_emergency_copy_and_exits_non_zero() {
    let s = setup("1m");
    let mut p = start(&s, "wangwu");
    write_reflection(&mut p, "满盘时收到信号");
    fill(&s.mount.0);
    p.signal("TERM");
    let code = p.wait_exit();
    assert_ne!(code, 0);
    let screen = p.wait_for("未保存的内容已写入");
    assert!(screen.contains("No space left"), "{screen}");
    let found = copies(&s.user_home, "wangwu");
    assert_eq!(found.len(), 1, "{found:?}; screen:\n{screen}");
    let text = fs::read_to_string(&found[0]).expect("copy");
    assert!(text.contains("满盘时收到信号"), "{text}");
}

#[test]
fn a_read_only_members_folder_is_not_taken_for_another_session() {
    let s = setup("4m");
    let mut p = start(&s, "zhaoliu");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    remount_read_only(&s.mount.0);
    let mut p = start(&s, "zhaoliu");
    let screen = p.wait_for("学习库");
    std::thread::sleep(Duration::from_millis(300));
    let screen = format!("{screen}{}", p.screen());
    assert!(!screen.contains("另一个会话"), "{screen}");
    // Nothing changed, so there is nothing to lose: quitting is allowed.
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn keys_do_nothing_while_the_screen_is_too_small() {
    let h = support::home();
    let mut p = Pty::start(h.path(), &["--member", "sunqi"], 80, 24);
    p.open_reflection();
    p.keys("可见");
    p.wait_for("心得 2/300 字");
    p.resize(30, 8);
    let screen = p.wait_for("终端太小");
    assert!(screen.contains("40x10"), "the minimum is named: {screen}");
    // Typed blind: must not reach the text, and Esc must not leave the editor.
    p.keys("看不见的字");
    p.send("\u{1b}");
    std::thread::sleep(Duration::from_millis(300));
    p.resize(80, 24);
    let screen = p.wait_for("写心得");
    assert!(screen.contains("心得 2/300 字"), "{screen}");
    p.send("\u{1b}");
    p.wait_for("月读");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let text = toml::to_string(&support::state(h.path(), "sunqi")).expect("toml");
    assert!(text.contains("可见") && !text.contains("看不见"), "{text}");
}

#[test]
fn an_editor_with_no_local_edits_follows_what_another_session_saved() {
    let h = support::home();
    let mut a = Pty::start(h.path(), &["--member", "zhouba"], 80, 24);
    a.open_reflection();
    let mut b = Pty::start(h.path(), &["--member", "zhouba"], 80, 24);
    b.wait_for("另一个会话");
    b.open_reflection();
    b.keys("乙会话写的一段");
    b.send("\u{1b}");
    b.wait_for("月读");
    b.keys("q");
    assert_eq!(b.wait_exit(), 0);
    // The first session had typed nothing since it opened the editor: its next key
    // goes after the other session's paragraph, not over it.
    a.keys("甲");
    a.wait_for("乙会话写的一段甲");
    a.send("\u{1b}");
    a.wait_for("月读");
    a.keys("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(
        support::member_reflections(h.path(), "zhouba"),
        vec!["乙会话写的一段甲"]
    );
    let st = dangxue::store::state::parse_state(
        &fs::read(h.path().join("members/zhouba.toml")).expect("state"),
    )
    .expect("parses");
    assert!(st.conflicts.is_empty(), "{:?}", st.conflicts);
}

#[test]
fn a_set_aside_version_is_shown_restorable_and_listed_by_status() {
    let h = support::home();
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date();
    let cycle = format!("{:04}-{:02}", today.year(), today.month());
    // What a merge of two sessions typing at once leaves: this one's text in place,
    // the other's set aside.
    fs::create_dir_all(h.path().join("members")).expect("members");
    fs::write(
        h.path().join("members/qianqi.toml"),
        format!(
            "format = 1\nmember_id = \"qianqi\"\nname = \"钱七\"\n\n\
             [cycles.\"{cycle}\".reflection]\ntext = \"乙会话的心得\"\n\n\
             [[conflicts]]\ncycle = \"{cycle}\"\nfield = \"reflection.text\"\ntext = \"甲会话的心得\"\n"
        ),
    )
    .expect("state");
    let mut b = Pty::start(h.path(), &["--member", "qianqi"], 80, 24);
    b.open_home();
    // Back in the editor, the other version is said to be there, and Ctrl-R uses it.
    b.keys("r");
    let screen = b.wait_for("已搁置");
    assert!(screen.contains("Ctrl-R 换用"), "{screen}");
    b.send("\u{12}");
    b.wait_for("甲会话的心得");
    b.send("\u{1b}");
    b.wait_for("月读");
    b.keys("q");
    assert_eq!(b.wait_exit(), 0);
    assert_eq!(
        support::member_reflections(h.path(), "qianqi"),
        vec!["甲会话的心得"]
    );
    let st = dangxue::store::state::parse_state(
        &fs::read(h.path().join("members/qianqi.toml")).expect("state"),
    )
    .expect("parses");
    assert_eq!(
        st.conflicts
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>(),
        vec!["乙会话的心得"],
        "the swapped-out version is set aside in turn"
    );
    let (code, out, err) = support::run(h.path(), &["--member", "qianqi", "status"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("搁置的版本")
            && out.contains("reflection.text")
            && out.contains("乙会话的心得"),
        "{out}"
    );
}

#[test]
fn a_newer_format_written_mid_session_is_left_alone_and_the_quit_keeps_the_text() {
    let h = support::home();
    let user_home = tempfile::tempdir().expect("user home");
    let user = user_home.path().to_str().expect("utf-8");
    let mut p = Pty::start_env(h.path(), &["--member", "wuba"], 80, 24, &[("HOME", user)]);
    write_reflection(&mut p, "旧版本");
    // Saved as typed; then a newer dangxue, in another session, rewrites the record.
    let record = h.path().join("members/wuba.toml");
    let start = std::time::Instant::now();
    while !fs::read_to_string(&record).is_ok_and(|t| t.contains("旧版本")) {
        assert!(start.elapsed() < Duration::from_secs(10), "never saved");
        std::thread::sleep(Duration::from_millis(50));
    }
    let newer = "format = 2\nmember_id = \"wuba\"\nname = \"吴八\"\n";
    fs::write(&record, newer).expect("newer record");
    p.keys("之后写的");
    p.send("\u{1b}");
    p.wait_for("月读");
    let screen = p.wait_for("保存失败");
    assert!(screen.contains("wuba.toml"), "{screen}");
    // Not quietly gone: the first quit stays, the second leaves a copy and exits 1.
    p.keys("q");
    p.wait_for("尚未退出");
    p.keys("q");
    assert_eq!(p.wait_exit(), 1);
    assert_eq!(
        fs::read_to_string(&record).expect("record"),
        newer,
        "the newer file is not changed"
    );
    let mut found = copies(&h.path().join("members"), "wuba");
    found.extend(copies(user_home.path(), "wuba"));
    assert_eq!(found.len(), 1, "{found:?}\n{}", p.screen());
    let text = fs::read_to_string(&found[0]).expect("copy");
    assert!(text.contains("旧版本之后写的"), "{text}");
}
