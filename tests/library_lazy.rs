//! The library the TUI starts with: titles and metadata from each file's front
//! matter, the whole unit read when asked for, and search over an index of every
//! body that finds what a search over the fully loaded units finds.

use std::path::Path;

use dangxue::core::search::{Query, UnitText, match_unit};
use dangxue::store::content::{Checked, Library, load, load_titles, load_titles_in_background};

const GOOD: &str = "+++\nid = \"x-good\"\ntitle = \"红色物业\"\nkind = \"article\"\ntags = [\"ＴＡＧ\"]\n\n[[questions]]\nid = \"q1\"\ntype = \"judge\"\nprompt = \"对吗\"\nanswer = true\nexplain = \"见正文。\"\n+++\n\n自２０１８年起，网格员ＡＢＣ上门服务。\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write unit");
}

#[test]
fn titles_first_then_the_whole_unit_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "good.md", GOOD);
    // Its question is broken: listed by its front matter, failing when opened.
    write(
        dir.path(),
        "late.md",
        &GOOD
            .replace("x-good", "x-late")
            .replace("\"judge\"", "\"essay\""),
    );
    // Its kind is broken: skipped at start, as the full load skips it.
    write(
        dir.path(),
        "bad.md",
        &GOOD
            .replace("x-good", "x-bad")
            .replace("\"article\"", "\"poem\""),
    );
    // A front matter longer than one read of the file.
    let long_note = format!("note = \"{}\"\n", "长".repeat(6000));
    write(
        dir.path(),
        "long.md",
        &GOOD
            .replace("x-good", "x-long")
            .replace("tags =", &format!("{long_note}tags =")),
    );
    let dirs = [dir.path().to_path_buf()];
    let lib = load_titles(&dirs);
    let meta = lib.meta("x-good").expect("listed");
    assert_eq!(
        (meta.title.as_str(), meta.tags.as_slice()),
        ("红色物业", &["ＴＡＧ".to_string()][..])
    );
    assert_eq!(
        lib.meta("x-long")
            .and_then(|m| m.note.as_ref())
            .map(|n| n.chars().count()),
        Some(6000)
    );
    assert!(lib.meta("x-bad").is_none());
    assert_eq!(lib.problems.len(), 1, "{:?}", lib.problems);
    assert!(lib.problems[0].path.ends_with("bad.md"));

    let late = lib.entry("x-late").expect("listed");
    assert!(late.problems().is_none(), "not tried yet");
    assert!(lib.get("x-late").is_none());
    let why = late.problems().expect("tried and failed");
    let text = why[0].text(dangxue::core::config::Lang::En);
    assert!(text.contains("late.md:"), "{text}");

    let full = load(&dirs);
    assert_eq!(lib.get("x-good"), full.get("x-good"));
    assert!(full.get("x-late").is_none());
}

#[test]
fn the_index_finds_what_matching_every_loaded_unit_finds() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "good.md", GOOD);
    let dirs = [dir.path().to_path_buf()];
    let lazy = load_titles(&dirs);
    lazy.prepare_search();
    let index = lazy.search_index();
    let full = load(&dirs);
    assert_eq!(index.len(), full.len());
    for q in [
        "",
        "红色",
        "2018 网格员",
        "abc",
        "tag",
        "党员",
        "社区 治理",
        "服务 ２０１８",
        "无此词",
    ] {
        let q = Query::parse(q);
        for u in full.iter() {
            let text = UnitText {
                title: &u.meta.title,
                column: u.meta.column.as_deref(),
                authors: &u.meta.authors,
                tags: &u.meta.tags,
                body: &u.body,
            };
            assert_eq!(
                index.matches(&u.meta.id, &q),
                match_unit(&q, &text),
                "{} {q:?}",
                u.meta.id
            );
        }
    }
}

#[test]
fn the_library_read_on_a_thread_is_the_one_read_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "good.md", GOOD);
    write(
        dir.path(),
        "bad.md",
        &GOOD
            .replace("x-good", "x-bad")
            .replace("\"article\"", "\"poem\""),
    );
    let dirs = vec![dir.path().to_path_buf()];
    let at_once = load_titles(&dirs);
    let mut loading = dangxue::store::content::load_titles_in_background(&dirs, None);
    assert!(loading.shown().is_none(), "nothing to show without a cache");
    let (checked, writing) = loading.wait();
    writing.finish();
    let Checked::Changed(later) = checked else {
        panic!("without a cache the library is read from the files");
    };
    assert_eq!(ids(&later), ids(&at_once));
    assert!(later.meta("x-good").is_some());
    assert_eq!(later.problems, at_once.problems);
}

fn ids(l: &Library) -> Vec<String> {
    l.metas().map(|m| m.id.clone()).collect()
}

/// A start with a title cache shows the library the cache recorded before any unit
/// file is looked at, then the check says whether the files still give it; the
/// problems of a file that is never cached come from the check, every start.
#[test]
fn a_start_shows_the_caches_library_then_the_check_tells_what_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let units = dir.path().join("units");
    std::fs::create_dir(&units).expect("units");
    write(&units, "good.md", GOOD);
    write(
        &units,
        "bad.md",
        &GOOD
            .replace("x-good", "x-bad")
            .replace("\"article\"", "\"poem\""),
    );
    let cache = dir.path().join("cache/titles.bin");
    let dirs = vec![units.clone()];
    let at_once = load_titles(&dirs);
    // Only files settled by the check's moment are cached (see `UNSURE_NS`).
    std::thread::sleep(std::time::Duration::from_millis(2100));

    let mut first = load_titles_in_background(&dirs, Some(&cache));
    assert!(first.shown().is_none(), "no cache yet");
    let (checked, writing) = first.wait();
    writing.finish();
    assert!(
        matches!(checked, Checked::Changed(_)),
        "read from the files"
    );
    assert!(cache.exists(), "the cache is written");

    let mut second = load_titles_in_background(&dirs, Some(&cache));
    let shown = second.shown().expect("the cache's library");
    assert_eq!(ids(&shown), ids(&at_once));
    assert!(shown.problems.is_empty(), "problems are never cached");
    assert!(second.shown().is_none(), "shown once");
    let (checked, writing) = second.wait();
    writing.finish();
    let Checked::Same(problems) = checked else {
        panic!("nothing changed since the cache");
    };
    assert_eq!(
        problems, at_once.problems,
        "the bad file is read again and told"
    );

    // A unit edited after the cache was written: the cache's library is shown, and
    // the check gives the library the files give now.
    write(&units, "good.md", &GOOD.replace("x-good", "x-better"));
    let mut third = load_titles_in_background(&dirs, Some(&cache));
    let shown = third.shown().expect("the cache's library");
    assert!(shown.meta("x-good").is_some(), "as the cache recorded");
    let (checked, writing) = third.wait();
    writing.finish();
    let Checked::Changed(now) = checked else {
        panic!("a file changed since the cache");
    };
    assert_eq!(ids(&now), ids(&load_titles(&dirs)));
    assert!(now.meta("x-better").is_some() && now.meta("x-good").is_none());
}
