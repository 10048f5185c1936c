use std::time::{Duration, SystemTime};

use super::format::{Cache, build_tag, decode, decode_meta, encode, encode_meta, since_epoch};
use super::*;

const UNIT: &str = "+++\nid = \"u-a\"\ntitle = \"文件里的标题\"\nkind = \"brief\"\ncolumn = \"广角\"\nauthors = [\"甲\", \"乙\"]\nsource = \"人民日报\"\ntags = []\nnote = \"节选\"\n+++\n\n正文。\n";

/// A content dir with one unit and its cache written as of `at`.
fn cached_dir(at: SystemTime) -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let units = tmp.path().join("units");
    std::fs::create_dir(&units).expect("units");
    std::fs::write(units.join("a.md"), UNIT).expect("unit");
    let file = tmp.path().join("cache/titles.bin");
    let dirs = vec![units];
    let (_, update) = load_titles_cached(&dirs, &file, at);
    update.expect("no cache yet").write();
    (tmp, dirs, file)
}

/// Rewrite the cache at `file` with every title replaced by `title`, as of `taken`
/// and for the build `tag`.
fn doctor(file: &Path, title: &str, taken: Option<i128>, tag: &[u8]) {
    let bytes = std::fs::read(file).expect("cache");
    let own = build_tag().expect("tag");
    let old = decode(&bytes, &own).expect("whole");
    let metas: Vec<Vec<Vec<u8>>> = old
        .sections
        .iter()
        .map(|s| {
            s.records
                .iter()
                .map(|r| {
                    let mut m = decode_meta(&r.meta).expect("meta");
                    title.clone_into(&mut m.title);
                    encode_meta(&m).expect("encoded")
                })
                .collect()
        })
        .collect();
    let new = Cache {
        taken: taken.unwrap_or(old.taken),
        sections: old
            .sections
            .iter()
            .zip(&metas)
            .map(|(s, ms)| Section {
                dir: s.dir,
                records: s
                    .records
                    .iter()
                    .zip(ms)
                    .map(|(r, m)| Record {
                        path: r.path,
                        stamp: r.stamp,
                        meta: Cow::Borrowed(m),
                    })
                    .collect(),
            })
            .collect(),
    };
    std::fs::write(file, encode(&new, tag).expect("small")).expect("write");
}

fn later() -> SystemTime {
    SystemTime::now() + Duration::from_secs(10)
}

fn title(dirs: &[PathBuf], file: &Path) -> String {
    let (lib, _) = load_titles_cached(dirs, file, later());
    lib.meta("u-a").expect("listed").title.clone()
}

#[test]
fn an_unchanged_settled_file_is_not_read_again() {
    let (_tmp, dirs, file) = cached_dir(later());
    let tag = build_tag().expect("tag");
    doctor(&file, "缓存里的标题", None, &tag);
    assert_eq!(title(&dirs, &file), "缓存里的标题", "taken from the cache");
}

#[test]
fn a_file_changed_near_the_caches_moment_is_read_again() {
    let (_tmp, dirs, file) = cached_dir(later());
    let tag = build_tag().expect("tag");
    // As if the cache had looked at the files right when they were written.
    doctor(
        &file,
        "缓存里的标题",
        Some(since_epoch(SystemTime::now())),
        &tag,
    );
    assert_eq!(title(&dirs, &file), "文件里的标题");
}

#[test]
fn a_cache_of_another_build_is_ignored() {
    let (_tmp, dirs, file) = cached_dir(later());
    doctor(&file, "缓存里的标题", None, b"dangxue 0.0.0 format 1");
    assert_eq!(title(&dirs, &file), "文件里的标题");
}

#[test]
fn a_cache_of_another_content_dir_is_ignored() {
    let (tmp, dirs, file) = cached_dir(later());
    let tag = build_tag().expect("tag");
    doctor(&file, "缓存里的标题", None, &tag);
    // The same files seen through another path to the same folder.
    let other = tmp.path().join("other");
    std::os::unix::fs::symlink(&dirs[0], &other).expect("symlink");
    let (lib, update) = load_titles_cached(&[other], &file, later());
    assert_eq!(
        lib.meta("u-a").map(|m| m.title.as_str()),
        Some("文件里的标题")
    );
    assert!(update.is_some(), "made anew for that dir");
}

#[test]
fn metadata_reads_back_as_it_was_written() {
    let meta = crate::core::unit::parse_meta(UNIT).expect("meta");
    let bytes = encode_meta(&meta).expect("encoded");
    assert_eq!(decode_meta(&bytes), Some(meta));
    for cut in 0..bytes.len() {
        assert_eq!(decode_meta(&bytes[..cut]), None, "cut at {cut}");
    }
}

#[test]
fn temporary_files_of_ended_writes_are_removed() {
    let (tmp, dirs, file) = cached_dir(later());
    let folder = tmp.path().join("cache");
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("spawn true");
    let dead = child.id();
    child.wait().expect("wait");
    let prefix = crate::store::atomic::temp_prefix("titles.bin");
    let ended = folder.join(format!("{prefix}{dead}-3"));
    let living = folder.join(format!("{prefix}{}-7", std::process::id()));
    std::fs::write(&ended, b"half").expect("temp");
    std::fs::write(&living, b"half").expect("temp");
    std::fs::write(dirs[0].join("b.md"), UNIT.replace("u-a", "u-b")).expect("unit");
    let (_, update) = load_titles_cached(&dirs, &file, later());
    update.expect("changed").write();
    assert!(!ended.exists(), "left by an ended process");
    assert!(living.exists(), "a write in progress");
}

#[test]
fn the_library_shown_is_the_one_the_cache_recorded() {
    let (_tmp, dirs, file) = cached_dir(later());
    let tag = build_tag().expect("tag");
    doctor(&file, "缓存里的标题", None, &tag);
    let mut shown = None;
    let checked = load_cached(&dirs, &file, later(), |lib| shown = lib);
    assert_eq!(
        shown
            .expect("a cache of these dirs")
            .meta("u-a")
            .map(|m| m.title.as_str()),
        Some("缓存里的标题"),
        "from the cache, the file unread"
    );
    assert!(matches!(checked, (Checked::Same(p), None) if p.is_empty()));
    // The dirs in another order are another library: nothing is shown.
    let mut two = dirs.clone();
    two.insert(0, dirs[0].with_file_name("none"));
    let mut shown = None;
    let _ = load_cached(&two, &file, later(), |lib| shown = lib);
    assert!(shown.is_none());
}

#[test]
fn records_out_of_the_files_order_are_not_the_library_the_files_give() {
    // Two files of the same id: the later in path order is the one listed.
    let (_tmp, dirs, file) = cached_dir(later());
    std::fs::write(
        dirs[0].join("b.md"),
        UNIT.replace("文件里的标题", "后一个文件"),
    )
    .expect("unit");
    let (lib, update) = load_titles_cached(&dirs, &file, later());
    assert_eq!(lib.meta("u-a").expect("listed").title, "后一个文件");
    update.expect("changed").write();
    // The same records, b.md's first: the library built from them lists a.md's.
    let tag = build_tag().expect("tag");
    let bytes = std::fs::read(&file).expect("cache");
    let mut old = decode(&bytes, &tag).expect("whole");
    old.sections[0].records.reverse();
    std::fs::write(&file, encode(&old, &tag).expect("small")).expect("write");
    let mut shown = None;
    let (checked, _) = load_cached(&dirs, &file, later(), |lib| shown = lib);
    let shown = shown.expect("a cache of these dirs");
    assert_eq!(shown.meta("u-a").expect("listed").title, "文件里的标题");
    let Checked::Changed(lib) = checked else {
        panic!("the files' order gives another library");
    };
    assert_eq!(lib.meta("u-a").expect("listed").title, "后一个文件");
}
