//! Start-up with many unit files: the first frame does not wait for the library,
//! the library fills in by itself, keys typed meanwhile are not lost, a skipped file
//! is told, and a unit edited between two runs is seen as edited, with the title
//! cache present too. The real binary in a pseudo-terminal.

mod support;

use std::path::Path;

use support::{Pty, home};

/// `n` small units in `<home>/units`, titled 第N号单元.
fn write_units(h: &Path, n: usize) {
    let units = h.join("units");
    std::fs::create_dir_all(&units).expect("units");
    for i in 0..n {
        std::fs::write(
            units.join(format!("g{i:04}.md")),
            format!(
                "+++\nid = \"g-{i:04}\"\ntitle = \"第{i}号单元\"\nkind = \"article\"\n+++\n\n第{i}号单元的正文。\n"
            ),
        )
        .expect("unit");
    }
    std::fs::write(h.join("config.toml"), "content_dirs = [\"units\"]\n").expect("config");
}

fn builtin_count() -> usize {
    dangxue::store::content::load_builtin().len()
}

#[test]
fn the_library_fills_in_by_itself_and_a_skipped_file_is_told() {
    let h = home();
    write_units(h.path(), 400);
    std::fs::write(
        h.path().join("units").join("bad.md"),
        "+++\nid = \"g-bad\"\ntitle = \"坏\"\nkind = \"poem\"\n+++\n",
    )
    .expect("bad unit");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    // No key is pressed: the count of every unit read comes by itself.
    let screen = p.wait_for(&format!("学习库 · 1/{}", builtin_count() + 400));
    assert!(!screen.contains("正在载入"), "{screen}");
    p.wait_for("跳过了 1 个学习单元文件");
    p.open_by_search("第399号", "第399号单元的正文");
    // Out of the reader, out of the search, out of the program.
    p.keys("qqq");
    // Told again on the terminal once the program has given it back.
    let screen = p.wait_for("已跳过：");
    assert!(screen.contains("bad.md"), "{screen}");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_key_typed_before_the_library_is_in_is_not_lost() {
    let h = home();
    write_units(h.path(), 2000);
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    // Typed at once, maybe before the first frame: it acts once the library is in.
    p.send("1");
    p.wait_for("月读");
    p.keys("2");
    p.wait_for(&format!("学习库 · 1/{}", builtin_count() + 2000));
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_unit_edited_between_two_runs_is_seen_edited() {
    let h = home();
    write_units(h.path(), 3);
    let file = h.path().join("units").join("g0001.md");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search("第1号", "第1号单元的正文");
    p.keys("qqq");
    assert_eq!(p.wait_exit(), 0);
    // Same size, likely the same second: only the text differs.
    let text = std::fs::read_to_string(&file).expect("unit");
    std::fs::write(&file, text.replace("第1号单元", "第9号单元")).expect("edit");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search("第9号", "第9号单元的正文");
    assert!(!p.screen().contains("第1号单元"), "{}", p.screen());
    p.keys("qqq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_title_edited_between_two_runs_is_seen_with_the_title_cache_present() {
    let h = home();
    write_units(h.path(), 3);
    let file = h.path().join("units").join("g0001.md");
    // Files changed within two seconds of a start are read again whatever the cache
    // says: let these settle, so the first run keeps them in its cache.
    std::thread::sleep(std::time::Duration::from_millis(2200));
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for(&format!("学习库 · 1/{}", builtin_count() + 3));
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let cache = h.path().join("cache").join("titles.bin");
    let cached = std::fs::read(&cache).expect("the title cache is written");
    assert!(
        cached
            .windows("第1号单元".len())
            .any(|w| w == "第1号单元".as_bytes()),
        "the title is in the cache"
    );
    // The title alone, the same size and the same mtime: only the ctime tells the
    // file changed.
    let before = std::fs::metadata(&file).expect("unit");
    let text = std::fs::read_to_string(&file).expect("unit");
    let edited = text.replace("title = \"第1号单元\"", "title = \"第9号单元\"");
    assert_ne!(edited, text);
    std::fs::write(&file, edited).expect("edit");
    std::fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(before.modified()?))
        .expect("mtime put back");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for("学习库");
    // Found by its body, which did not change: listed under its new title.
    p.keys("/");
    p.keys("第1号单元的正文");
    p.wait_one_match();
    p.wait_for("第9号单元");
    p.keys("\r\r");
    p.wait_for("第1号单元的正文");
    p.keys("qqq");
    assert_eq!(p.wait_exit(), 0);
    assert!(cache.is_file());
}

/// A session left in a unit of a content dir goes back to it when the title cache
/// finds every file as it recorded: into the unit, with the whole library behind it.
#[test]
fn a_session_left_in_a_cached_unit_goes_back_to_it_with_the_whole_library() {
    let h = home();
    write_units(h.path(), 3);
    // Settled, so the first run keeps them in its cache and the second finds them so.
    std::thread::sleep(std::time::Duration::from_millis(2200));
    let total = builtin_count() + 3;
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for(&format!("学习库 · 1/{total}"));
    p.keys("/");
    p.keys("第2号单元的正文");
    p.wait_one_match();
    p.keys("\r\r");
    p.wait_for("第2号单元的正文");
    // The link drops in the unit: the next start goes back to it.
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    assert!(h.path().join("cache").join("titles.bin").is_file());

    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for("第2号单元的正文");
    p.keys("q");
    p.wait_for(&format!("学习库 · 1/{total}"));
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}
