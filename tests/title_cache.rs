//! The title cache lists exactly what reading every unit file lists: the same
//! entries from the same files, the same replacement by id, the same problems in the
//! same order, whatever happened to the files since the cache was written and
//! whatever became of the cache file itself.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use dangxue::store::content::{Library, Origin, load_titles, load_titles_cached};

fn unit(id: &str, title: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\ntitle = \"{title}\"\nkind = \"article\"\ntags = [\"物业\"]\n\n[[questions]]\nid = \"q1\"\ntype = \"judge\"\nprompt = \"对吗\"\nanswer = true\nexplain = \"见正文。\"\n+++\n\n{title}的正文。\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(&path, text).expect("write unit");
}

/// A moment well after the files written by the test: they count as settled, so
/// the cache keeps them and trusts them.
fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(10)
}

/// How many entries; every entry from a file (id, metadata, file); every problem, in
/// order. (The built-in units come from the binary either way.)
fn listing(lib: &Library) -> (usize, Vec<String>, Vec<String>) {
    let entries = lib
        .metas()
        .filter_map(|m| {
            let entry = lib.entry(&m.id).expect("listed");
            matches!(entry.origin, Origin::File(_)).then(|| format!("{m:?} {:?}", entry.origin))
        })
        .collect();
    let problems = lib.problems.iter().map(|p| format!("{p:?}")).collect();
    (lib.len(), entries, problems)
}

/// Load through the cache, check it against reading every file, and write the
/// cache when the load says it changed. Whether it did.
fn cached_matches(dirs: &[PathBuf], cache: &Path, what: &str) -> bool {
    let (lib, update) = load_titles_cached(dirs, cache, later());
    assert_eq!(listing(&lib), listing(&load_titles(dirs)), "{what}");
    let changed = update.is_some();
    if let Some(u) = update {
        u.write();
    }
    changed
}

fn title_of(lib: &Library, id: &str) -> Option<String> {
    lib.meta(id).map(|m| m.title.clone())
}

#[test]
fn a_start_through_the_cache_lists_what_reading_every_file_lists() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let units = tmp.path().join("units");
    let more = tmp.path().join("more");
    let cache = tmp.path().join("home/cache/titles.bin");
    write(&units, "a.md", &unit("u-a", "甲篇"));
    write(&units, "b.md", &unit("u-b", "乙篇"));
    write(&units, "c.md", &unit("u-c", "丙篇"));
    write(&units, "sub/d.md", &unit("u-d", "丁篇"));
    // Same id as a.md: the later path wins, as without a cache.
    write(&units, "sub/e.md", &unit("u-a", "甲篇另本"));
    write(
        &units,
        "bad.md",
        &unit("u-bad", "坏").replace("article", "poem"),
    );
    write(&units, "broken.md", "+++\nid = [\n+++\n");
    // A second content dir replacing a unit of the first.
    write(&more, "b.md", &unit("u-b", "乙篇新版"));
    let dirs = vec![units.clone(), more.clone()];

    assert!(cached_matches(&dirs, &cache, "no cache yet"), "written");
    assert!(cache.is_file());
    assert!(
        !cached_matches(&dirs, &cache, "nothing changed"),
        "nothing to write"
    );

    // An edit that changes the size, a deletion, an addition, a rename.
    write(&units, "a.md", &unit("u-a", "甲篇改过的标题"));
    std::fs::remove_file(units.join("c.md")).expect("delete");
    write(&units, "f.md", &unit("u-f", "戊篇"));
    std::fs::rename(units.join("b.md"), units.join("z.md")).expect("rename");
    // A file replaced by another of the same size and mtime: only its inode and
    // ctime tell.
    let d = units.join("sub/d.md");
    let old = std::fs::metadata(&d).expect("stat");
    let new = units.join("sub/d.new");
    std::fs::write(&new, unit("u-d", "丙篇")).expect("write");
    std::fs::File::options()
        .write(true)
        .open(&new)
        .and_then(|f| f.set_modified(old.modified()?))
        .expect("set mtime");
    std::fs::rename(&new, &d).expect("replace");
    let replaced = std::fs::metadata(&d).expect("stat");
    assert_eq!(
        (replaced.len(), replaced.modified().ok()),
        (old.len(), old.modified().ok())
    );
    // A good file gone bad, a bad one mended.
    write(&units, "sub/e.md", "+++\nid = \"u-a\"\n");
    write(&units, "bad.md", &unit("u-bad", "修好了"));
    assert!(
        cached_matches(&dirs, &cache, "after the changes"),
        "rewritten"
    );
    let (lib, _) = load_titles_cached(&dirs, &cache, later());
    assert_eq!(title_of(&lib, "u-d").as_deref(), Some("丙篇"));
    assert_eq!(title_of(&lib, "u-a").as_deref(), Some("甲篇改过的标题"));
    assert!(!cached_matches(&dirs, &cache, "settled again"));

    // A content dir dropped from the config, then listed again.
    assert!(cached_matches(&dirs[..1], &cache, "one dir"));
    assert!(cached_matches(&dirs, &cache, "both dirs"));
    // A content dir that cannot be read any more.
    std::fs::rename(&more, tmp.path().join("gone")).expect("move away");
    assert!(cached_matches(&dirs, &cache, "a dir gone"));
}

#[test]
fn a_damaged_cache_counts_as_none() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let units = tmp.path().join("units");
    let cache = tmp.path().join("home/cache/titles.bin");
    for i in 0..40 {
        write(
            &units,
            &format!("u{i:02}.md"),
            &unit(&format!("u-{i:02}"), &format!("第{i}篇")),
        );
    }
    let dirs = vec![units.clone()];
    assert!(cached_matches(&dirs, &cache, "first"));
    let good = std::fs::read(&cache).expect("cache written");
    // A title changed in place, the same length: the checksum tells.
    let at = good
        .windows("第7篇".len())
        .position(|w| w == "第7篇".as_bytes())
        .expect("the title is in the cache");
    let mut flipped = good.clone();
    flipped[at..at + "第7篇".len()].copy_from_slice("第8篇".as_bytes());
    let mut magic = good.clone();
    magic[0] ^= 1;
    let mut longer = good.clone();
    longer.push(0);
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("a title changed", flipped),
        ("cut short", good[..good.len() - 1].to_vec()),
        ("cut in the header", good[..12].to_vec()),
        ("a byte too many", longer),
        ("another magic", magic),
        ("empty", Vec::new()),
        ("not a cache", b"+++\nid = \"u-00\"\n+++\n".repeat(50)),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&cache, &bytes).expect("damage");
        assert!(cached_matches(&dirs, &cache, what), "{what}: rewritten");
        let (lib, update) = load_titles_cached(&dirs, &cache, later());
        assert_eq!(title_of(&lib, "u-07").as_deref(), Some("第7篇"), "{what}");
        assert!(update.is_none(), "{what}: whole again");
    }
    // Larger than any cache is read: ignored without being read.
    let huge = std::fs::File::create(&cache).expect("create");
    huge.set_len(dangxue::store::title_cache::MAX_CACHE_BYTES + 1)
        .expect("sparse file");
    drop(huge);
    assert!(cached_matches(&dirs, &cache, "huge"));
    // A folder or a symlink in its place.
    std::fs::remove_file(&cache).expect("remove");
    std::fs::create_dir(&cache).expect("a folder");
    assert!(cached_matches(&dirs, &cache, "a folder"));
    std::fs::remove_dir(&cache).expect("remove");
    let elsewhere = tmp.path().join("elsewhere.bin");
    std::fs::write(&elsewhere, &good).expect("write");
    std::os::unix::fs::symlink(&elsewhere, &cache).expect("symlink");
    assert!(cached_matches(&dirs, &cache, "a symlink"));
    assert!(
        !cache.is_symlink(),
        "replaced by a file, the link's target untouched"
    );
    assert_eq!(std::fs::read(&elsewhere).expect("read"), good);
}

#[test]
fn files_changed_in_the_moment_are_read_again_until_settled() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let units = tmp.path().join("units");
    let cache = tmp.path().join("home/cache/titles.bin");
    write(&units, "a.md", &unit("u-a", "甲篇"));
    let dirs = vec![units.clone()];
    // Looked at right after being written: not kept.
    let (_, update) = load_titles_cached(&dirs, &cache, SystemTime::now());
    update.expect("no cache yet").write();
    let (_, update) = load_titles_cached(&dirs, &cache, SystemTime::now());
    assert!(update.is_none(), "still nothing the cache may keep");
    // Later they are settled, and kept.
    let (_, update) = load_titles_cached(&dirs, &cache, later());
    assert!(update.is_some(), "now kept");
}

#[test]
fn a_failed_write_is_silent_and_leaves_no_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let units = tmp.path().join("units");
    write(&units, "a.md", &unit("u-a", "甲篇"));
    // The cache's folder cannot be made: a file is where it would go.
    std::fs::write(tmp.path().join("cache"), b"").expect("file");
    let cache = tmp.path().join("cache/titles.bin");
    let dirs = vec![units];
    let (lib, update) = load_titles_cached(&dirs, &cache, later());
    update.expect("changed").write();
    assert_eq!(title_of(&lib, "u-a").as_deref(), Some("甲篇"));
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn without_content_dirs_no_cache_is_made() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cache = tmp.path().join("cache/titles.bin");
    let (lib, update) = load_titles_cached(&[], &cache, later());
    assert_eq!(listing(&lib), listing(&load_titles(&[])));
    assert!(update.is_none());
}

#[test]
fn unit_files_are_listed_in_path_order() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let units = tmp.path().join("units");
    for name in [
        "a.md",
        "a-b.md",
        "a b.md",
        "a/b.md",
        "a/b/c.md",
        "a/b-c.md",
        "a.b/c.md",
        "ab/c.md",
        "Z.md",
        "é.md",
        "甲/乙.md",
        "甲.md",
        "_.md",
        "a0.md",
    ] {
        write(&units, name, "");
    }
    let listed = dangxue::store::content::unit_files(&units).expect("listed");
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed.len(), 14);
    assert_eq!(listed, sorted);
}
