//! The reader's finding and keeping screens drawn into ratatui's `TestBackend` and
//! compared with reviewed snapshots, at 80x24 and 40x12 in Chinese and English: find
//! with its matches marked, the `i` box with the unit's details, and the list of
//! bookmarks and notes. Under each find snapshot, the marked cells are listed (the
//! current match reversed and bold, the others underlined and bold, as the mono theme
//! draws them).

use dangxue::app::msg::Msg;
use dangxue::app::{App, Screen};
use dangxue::core::config::Lang;
use dangxue::store::content::load_builtin;
use jiff::Timestamp;
use ratatui::style::Modifier;

mod draw;
use draw::{buffer, member_app, send};

const UNIT: &str = "a000-ulanhot-red-property";

fn now() -> Timestamp {
    "2026-11-20T12:00:00Z".parse().expect("timestamp")
}

fn app(lang: Lang, w: u16, h: u16) -> App {
    let mut a = member_app(lang, load_builtin(), now());
    send(&mut a, &[Msg::Resize(w, h)]);
    dangxue::app::update::open_unit(&mut a, UNIT, None);
    a
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        send(app, &[Msg::Char(c)]);
    }
}

/// The screen's text, then the runs of cells drawn as matches: `now:` the reversed
/// (current) ones, `other:` the underlined ones.
fn render_found(app: &App, w: u16, h: u16) -> String {
    let buf = buffer(app, w, h);
    let mut out = String::new();
    let mut now_runs = Vec::new();
    let mut other_runs = Vec::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        let (mut cur_now, mut cur_other) = (String::new(), String::new());
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            let m = cell.modifier;
            // The reader body only: the header, title and footer use other styles.
            if m.contains(Modifier::REVERSED) && m.contains(Modifier::BOLD) {
                cur_now.push_str(sym);
            } else if !cur_now.is_empty() {
                now_runs.push(std::mem::take(&mut cur_now));
            }
            if m.contains(Modifier::UNDERLINED) && m.contains(Modifier::BOLD) {
                cur_other.push_str(sym);
            } else if !cur_other.is_empty() {
                other_runs.push(std::mem::take(&mut cur_other));
            }
        }
        if !cur_now.is_empty() {
            now_runs.push(cur_now);
        }
        if !cur_other.is_empty() {
            other_runs.push(cur_other);
        }
        out.push('\n');
    }
    for (label, runs) in [("now", now_runs), ("other", other_runs)] {
        out.push_str(label);
        out.push_str(": ");
        out.push_str(&runs.join("|"));
        out.push('\n');
    }
    out
}

fn render(app: &App, w: u16, h: u16) -> String {
    let screen = render_found(app, w, h);
    let end = screen.find("now: ").unwrap_or(screen.len());
    screen[..end].to_string()
}

fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[test]
fn find_marks_the_current_match_and_the_others() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut a = app(lang, w, h);
            send(&mut a, &[Msg::FindStart]);
            typed(&mut a, "党组织");
            send(&mut a, &[Msg::Enter, Msg::FindNext]);
            let screen = render_found(&a, w, h);
            let f = a
                .reader
                .as_ref()
                .and_then(|r| r.find.as_ref())
                .expect("a find");
            assert!(f.matches.len() > 3, "{screen}");
            assert_eq!(f.current, 1, "n went to the second match");
            let now = screen
                .lines()
                .find_map(|l| l.strip_prefix("now: "))
                .unwrap_or_default();
            assert_eq!(now, "党组织", "one current match, lit: {screen}");
            let count = match lang {
                Lang::Zh => format!("第 2/{} 处", f.matches.len()),
                Lang::En => format!("2 of {}", f.matches.len()),
            };
            assert!(
                screen.contains(&count),
                "the position, at {w}x{h} too: {screen}"
            );
            insta::assert_snapshot!(format!("find_{}_{w}x{h}", name(lang)), screen);
        }
    }
}

#[test]
fn the_info_box_shows_the_whole_metadata_and_note() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut a = app(lang, w, h);
            send(&mut a, &[Msg::Info]);
            let screen = render(&a, w, h);
            assert!(screen.contains(UNIT) || w < 80, "the id: {screen}");
            insta::assert_snapshot!(format!("info_{}_{w}x{h}", name(lang)), screen);
            // Any key but j/k closes it and does nothing else.
            let top = a.reader.as_ref().map(|r| r.top);
            send(&mut a, &[Msg::PageDown]);
            let r = a.reader.as_ref().expect("reader");
            assert!(!r.info);
            assert_eq!(Some(r.top), top);
        }
    }
}

#[test]
fn scrolling_the_info_box_reveals_the_rows_that_did_not_fit() {
    let (w, h) = (40, 12);
    let mut a = app(Lang::En, w, h);
    send(&mut a, &[Msg::Info]);
    let first = render(&a, w, h);
    assert!(!first.contains("Questions"), "cut at first: {first}");
    assert!(first.contains("↓ more"), "more below is marked: {first}");
    assert!(!first.contains("↑ more"), "nothing above yet: {first}");
    // Far past the end: the box stops at its last line and stays open.
    send(&mut a, &vec![Msg::Down; 20]);
    let r = a.reader.as_ref().expect("reader");
    assert!(r.info);
    let end = render(&a, w, h);
    assert!(end.contains("Questions  6"), "the last row: {end}");
    assert!(end.contains("↑ more"), "more above is marked: {end}");
    assert!(!end.contains("↓ more"), "nothing below: {end}");
    // One k shows one line more at the top, so the box did not scroll past its end.
    send(&mut a, &[Msg::Up]);
    let back = render(&a, w, h);
    assert!(!back.contains("Questions"), "one line up: {back}");
    send(&mut a, &vec![Msg::Up; 20]);
    assert_eq!(render(&a, w, h), first);
}

#[test]
fn the_marks_list_shows_bookmarks_and_notes() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut a = app(lang, w, h);
            send(&mut a, &[Msg::Bookmark, Msg::PageDown, Msg::NoteStart]);
            typed(&mut a, "网格员发现问题就上报");
            send(&mut a, &[Msg::Enter, Msg::Marks]);
            assert_eq!(a.screen, Screen::Marks);
            let screen = render(&a, w, h);
            assert!(screen.contains("网格员"), "the note: {screen}");
            insta::assert_snapshot!(format!("marks_{}_{w}x{h}", name(lang)), screen);
        }
    }
}

/// Per body row of the reader (below the two header rows, above the footer): the
/// text of the row and the text of its underlined cells.
fn underlined_rows(app: &App, w: u16, h: u16) -> Vec<(String, String)> {
    let buf = buffer(app, w, h);
    (2..h - 1)
        .map(|y| {
            let (mut all, mut under) = (String::new(), String::new());
            let mut x = 0;
            while x < w {
                let cell = &buf[(x, y)];
                all.push_str(cell.symbol());
                if cell.modifier.contains(Modifier::UNDERLINED) {
                    under.push_str(cell.symbol());
                }
                // A wide character's second cell holds nothing of its own.
                let width = unicode_width::UnicodeWidthStr::width(cell.symbol());
                x += u16::try_from(width.max(1)).unwrap_or(1);
            }
            (all.trim_end().to_string(), under)
        })
        .collect()
}

#[test]
fn a_bookmark_or_note_underlines_its_lines_text_and_nothing_else() {
    for (w, h) in [(80, 24), (40, 12), (120, 40)] {
        let mut a = app(Lang::Zh, w, h);
        // A bookmark on the top line, then a note on the top line a page further on.
        send(&mut a, &[Msg::Bookmark]);
        let rows = underlined_rows(&a, w, h);
        assert!(!rows[0].0.is_empty(), "the top row has text at {w}x{h}");
        assert_eq!(
            rows[0].1,
            rows[0].0.trim_start(),
            "the marked line at {w}x{h}"
        );
        for (i, (text, under)) in rows.iter().enumerate().skip(1) {
            assert!(
                under.is_empty(),
                "row {i} ({text}) is not marked at {w}x{h}"
            );
        }
        send(&mut a, &[Msg::PageDown, Msg::NoteStart]);
        typed(&mut a, "要点");
        send(&mut a, &[Msg::Enter]);
        let rows = underlined_rows(&a, w, h);
        let marked: Vec<&String> = rows
            .iter()
            .filter(|r| !r.1.is_empty())
            .map(|r| &r.1)
            .collect();
        assert_eq!(marked.len(), 1, "only the note's line at {w}x{h}: {rows:?}");
        // A note made on a blank top row belongs to the text that follows it.
        let first_text = rows
            .iter()
            .find(|r| !r.0.is_empty())
            .map(|r| r.0.trim_start());
        assert_eq!(
            Some(marked[0].as_str()),
            first_text,
            "the noted line at {w}x{h}"
        );
    }
}

#[test]
fn at_80_columns_the_text_takes_every_column_as_a_pager_gives() {
    let (w, h) = (80, 24);
    let a = app(Lang::Zh, w, h);
    let rows = underlined_rows(&a, w, h);
    // Full lines of Chinese text are 40 characters, from the first column on.
    let full = rows
        .iter()
        .filter(|(t, _)| unicode_width::UnicodeWidthStr::width(t.as_str()) == 80)
        .count();
    assert!(full >= 3, "lines 80 columns wide: {rows:?}");
    assert!(
        rows.iter().all(|(t, _)| !t.starts_with(' ')),
        "no margin: {rows:?}"
    );
}
