//! Hostile files: huge, deeply nested, not UTF-8, full of zero-width, combining and
//! control characters, or one 1 MB line. Each is a clear error or a correct result.

use std::fs;
use std::path::Path;

use dangxue::core::completion;
use dangxue::core::state::{MemberState, Reflection};
use dangxue::core::unit;
use dangxue::store::content;
use dangxue::store::paths::Paths;
use dangxue::store::state::{
    LARGE_STATE_BYTES, MAX_STATE_BYTES, Notice, StateProblem, StateStore, parse_state,
};

fn home() -> (tempfile::TempDir, Paths) {
    let t = tempfile::tempdir().expect("tempdir");
    let p = Paths {
        home: t.path().join("home"),
    };
    (t, p)
}

fn put_state(p: &Paths, id: &str, bytes: &[u8]) {
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    fs::write(p.member_file(id), bytes).expect("write state");
}

/// Open, expecting the file to be moved aside; returns the reason and the kept path.
fn moved_aside(p: &Paths, id: &str) -> (String, std::path::PathBuf) {
    let (_, state, notices) = StateStore::open(p, id, "名").expect("opens");
    assert_eq!(state, MemberState::new(id, "名"));
    match notices.as_slice() {
        [
            Notice::MovedAside {
                reason, moved_to, ..
            },
        ] => (reason.clone(), moved_to.clone()),
        other => panic!("expected one moved-aside notice, got {other:?}"),
    }
}

const UNIT_HEAD: &str =
    "+++\nid = \"hostile\"\ntitle = \"标题\"\nkind = \"article\"\nsource = \"x.txt\"\n+++\n";

#[test]
fn a_state_file_too_large_to_read_is_refused_and_left_alone() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    let size = MAX_STATE_BYTES + 8 * 1024 * 1024;
    // Sparse: costs no disk, reads as zeros.
    fs::File::create(p.member_file("big"))
        .and_then(|f| f.set_len(size))
        .expect("sparse file");
    let e = StateStore::open(&p, "big", "名").expect_err("too large to read");
    let msg = e.to_string();
    assert!(
        msg.contains("too large to read") && msg.contains("was not changed"),
        "{msg}"
    );
    // Never discarded for its size: still there, whole, and nothing set aside.
    assert_eq!(
        fs::metadata(p.member_file("big")).expect("kept").len(),
        size
    );
    let names: Vec<String> = fs::read_dir(p.members_dir())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    assert_eq!(
        parse_state(&vec![
            b' ';
            usize::try_from(MAX_STATE_BYTES).expect("fits") + 1
        ]),
        Err(StateProblem::TooLarge)
    );
}

#[test]
fn a_large_record_that_parses_is_read_with_a_warning() {
    let (_t, p) = home();
    let mut big = MemberState::new("big", "名");
    let text = "长".repeat(usize::try_from(LARGE_STATE_BYTES / 3 + 1024).expect("fits"));
    big.cycles.entry("2026-11".into()).or_default().reflection = Some(Reflection {
        unit: None,
        text: text.clone(),
    });
    let bytes = toml::to_string(&big).expect("serialise");
    assert!(bytes.len() as u64 > LARGE_STATE_BYTES);
    put_state(&p, "big", bytes.as_bytes());
    let (_, state, notices) = StateStore::open(&p, "big", "名").expect("opens");
    assert_eq!(
        state.cycles["2026-11"]
            .reflection
            .as_ref()
            .map(|r| r.text.len()),
        Some(text.len())
    );
    assert!(
        matches!(notices.as_slice(), [Notice::Large { bytes: b, .. }] if *b == bytes.len() as u64),
        "{notices:?}"
    );
    let en = notices[0].text(dangxue::core::config::Lang::En);
    assert!(en.contains("unusually large"), "{en}");
    let zh = notices[0].text(dangxue::core::config::Lang::Zh);
    assert!(zh.contains("大得不寻常，但已照常读取"), "{zh}");
}

#[test]
fn a_large_file_that_is_not_a_record_is_moved_aside_whole() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    let size = LARGE_STATE_BYTES + 1024 * 1024;
    fs::File::create(p.member_file("zeros"))
        .and_then(|f| f.set_len(size))
        .expect("sparse file");
    let (reason, kept) = moved_aside(&p, "zeros");
    assert!(reason.starts_with("line 1"), "{reason}");
    assert_eq!(fs::metadata(kept).expect("kept").len(), size, "kept whole");
}

#[test]
fn a_huge_unit_file_is_refused_by_size() {
    let t = tempfile::tempdir().expect("tempdir");
    let f = t.path().join("huge.md");
    fs::File::create(&f)
        .and_then(|h| h.set_len(content::MAX_UNIT_BYTES + 1))
        .expect("sparse file");
    let problems = content::load_file(&f).expect_err("too large");
    let shown = problems[0].text(dangxue::core::config::Lang::En);
    assert!(shown.starts_with(&f.display().to_string()), "{shown}");
    assert!(shown.contains("larger than"), "{shown}");
}

#[test]
fn deeply_nested_toml_is_an_error_with_a_line() {
    let (_t, p) = home();
    for (id, deep) in [
        (
            "arrays",
            format!("x = {}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        (
            "tables",
            format!("x = {}{}", "{a=".repeat(100_000), "}".repeat(100_000)),
        ),
        ("dotted", format!("{} = 1", vec!["a"; 100_000].join("."))),
        (
            "headers",
            format!("[{}]\nx = 1", vec!["a"; 100_000].join(".")),
        ),
        ("unclosed", format!("x = {}", "[".repeat(100_000))),
    ] {
        let text = format!("format = 1\nmember_id = \"{id}\"\nname = \"n\"\n{deep}\n");
        put_state(&p, id, text.as_bytes());
        let (reason, _) = moved_aside(&p, id);
        // The parser knows the line of an over-deep value, not of an over-long key.
        assert!(
            reason.starts_with("line 4:") || reason == "recursion limit",
            "{id}: {reason}"
        );

        let problems = unit::parse(&format!("+++\n{deep}\n+++\nbody")).expect_err(id);
        assert!(!problems.is_empty(), "{id}");
        let problems = completion::check(&deep);
        assert_eq!(problems.len(), 1, "{id}");
        assert_eq!(problems[0].0, 1, "{id}");
    }
}

#[test]
fn invalid_utf8_is_named_with_its_line() {
    let (_t, p) = home();
    put_state(
        &p,
        "bytes",
        b"format = 1\nmember_id = \"bytes\"\nname = \"\xe5\xbc\"\n",
    );
    let (reason, kept) = moved_aside(&p, "bytes");
    assert_eq!(reason, "line 3: not valid UTF-8");
    assert_eq!(
        fs::read(kept).expect("kept"),
        b"format = 1\nmember_id = \"bytes\"\nname = \"\xe5\xbc\"\n"
    );

    let t = tempfile::tempdir().expect("tempdir");
    let f = t.path().join("bad.md");
    let mut bytes = UNIT_HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(b"line 7\n\xff\xfe\n");
    fs::write(&f, bytes).expect("write");
    let shown =
        content::load_file(&f).expect_err("not utf-8")[0].text(dangxue::core::config::Lang::En);
    assert_eq!(
        shown,
        format!("{}:8: not valid UTF-8: save the file as UTF-8", f.display())
    );
}

/// Zero-width joiners, combining marks, bidi overrides and escape sequences in a
/// member's texts are kept exactly as typed (escaping is the screen's job).
#[test]
fn unusual_characters_survive_save_and_reopen_exactly() {
    let (_t, p) = home();
    let (mut store, mut state, _) =
        StateStore::open(&p, "zhangsan", "张\u{200d}三\u{301}").expect("opens");
    let text =
        "心\u{200b}得\u{0301}\u{0302}\u{202e}反向\u{202c} \u{1b}[2J\u{7}\u{feff}👨‍👩‍👧 \r\n\t end";
    state.cycles.entry("2026-11".into()).or_default().reflection = Some(Reflection {
        unit: Some("a\u{300}".into()),
        text: text.into(),
    });
    state
        .units
        .entry("\u{200b}odd\"key'".into())
        .or_default()
        .seconds = 9;
    store.save(&state).expect("saves");
    drop(store);
    let (_, back, notices) = StateStore::open(&p, "zhangsan", "x").expect("reopens");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, state);
    assert_eq!(back.name, "张\u{200d}三\u{301}");
}

#[test]
fn messages_about_hostile_files_carry_no_raw_escapes() {
    let (_t, p) = home();
    put_state(
        &p,
        "esc",
        "format = 1\n\u{1b}[2J\u{202e} = oops\n".as_bytes(),
    );
    let (_, _, notices) = StateStore::open(&p, "esc", "名").expect("opens");
    for lang in [
        dangxue::core::config::Lang::Zh,
        dangxue::core::config::Lang::En,
    ] {
        let shown = notices[0].text(lang);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
            "{shown:?}"
        );
    }
}

#[test]
fn a_one_megabyte_line_is_read_correctly() {
    let piece = "党建引领基层治理,";
    let line: String = piece.repeat(1024 * 1024 / piece.len() + 1);
    assert!(line.len() >= 1024 * 1024);

    let (_t, p) = home();
    let (mut store, mut state, _) = StateStore::open(&p, "long", "名").expect("opens");
    state.cycles.entry("2026-11".into()).or_default().reflection = Some(Reflection {
        unit: None,
        text: line.clone(),
    });
    store.save(&state).expect("saves");
    let back = parse_state(&fs::read(p.member_file("long")).expect("read")).expect("parses");
    assert_eq!(back, state);

    let u = unit::parse(&format!("{UNIT_HEAD}{line}\n")).expect("a long body line is fine");
    assert!(u.body.contains(&line));

    let seed = include_str!("../fuzz/seeds/completion_load/full.toml");
    let completion = seed.replacen("text = \"...\"", &format!("text = \"{line}\""), 1);
    assert_ne!(completion, seed);
    let parsed = completion::Completion::parse(&completion).expect("a long line is fine");
    assert_eq!(parsed.reflection.map(|r| r.text), Some(line.clone()));

    // The same line as bare garbage in a state file: an error at line 1, not a hang.
    put_state(&p, "garbage", line.as_bytes());
    let (reason, _) = moved_aside(&p, "garbage");
    assert!(
        reason.starts_with("line 1:"),
        "{}",
        &reason[..reason.len().min(200)]
    );
}

#[test]
fn a_state_file_of_many_entries_loads() {
    // 20,000 units: far more than a member reads, still a correct result.
    let mut state = MemberState::new("many", "名");
    for i in 0..20_000 {
        state
            .units
            .entry(format!("unit-{i:05}"))
            .or_default()
            .seconds = i;
    }
    let text = toml::to_string(&state).expect("serialises");
    assert_eq!(parse_state(text.as_bytes()).expect("parses"), state);
}

#[test]
fn a_folder_or_fifo_in_place_of_the_state_file_is_a_clear_error() {
    let (_t, p) = home();
    fs::create_dir_all(p.members_dir()).expect("mkdir");
    let made = std::process::Command::new("mkfifo")
        .arg(p.member_file("fifo"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Opening a FIFO for reading would wait for a writer forever.
    let msg = StateStore::open(&p, "fifo", "名")
        .expect_err("a fifo")
        .to_string();
    assert!(msg.contains("not a regular file"), "{msg}");
    let msg = dangxue::store::state::list_members(&p);
    assert!(msg.is_empty(), "{msg:?}");
    fs::remove_file(p.member_file("fifo")).expect("rm fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(p.config_file())
        .status();
    assert!(made.is_ok_and(|s| s.success()));
    let msg = dangxue::store::config::load_config(&p)
        .expect_err("a fifo config")
        .to_string();
    assert!(
        msg.ends_with(": 无法读取配置文件：不是普通文件"),
        "a config that cannot be read is told in the default zh: {msg}"
    );
    let unit = p.home.join("unit.md");
    let made = std::process::Command::new("mkfifo").arg(&unit).status();
    assert!(made.is_ok_and(|s| s.success()));
    let shown = content::load_file(&unit).expect_err("a fifo unit")[0]
        .text(dangxue::core::config::Lang::En);
    assert!(shown.contains("not a regular file"), "{shown}");

    let (_t, p) = home();
    fs::create_dir_all(p.member_file("dir")).expect("mkdir");
    let e = StateStore::open(&p, "dir", "名").expect_err("a folder");
    let msg = e.to_string();
    assert!(
        msg.starts_with(&p.member_file("dir").display().to_string()),
        "{msg}"
    );
    assert!(msg.contains("cannot read"), "{msg}");
    assert!(Path::new(&p.member_file("dir")).is_dir(), "left alone");
}
