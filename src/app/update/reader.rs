//! The reader: opening a unit, scrolling, and counting it finished.

use super::clamp_top;
use super::quiz::start_practice;
use crate::app::msg::Msg;
use crate::app::{App, Effect, Find, ReaderInput, ReaderView, Screen};
use crate::core::layout::LineKind;
use crate::core::marks::{QUOTE_CHARS, sentence};
use crate::core::search::Query;
use crate::core::state::Mark;

/// Open a unit in the reader, at the saved place or at `at` (a body offset, see
/// [`crate::core::shown`]).
pub fn open_unit(app: &mut App, id: &str, at: Option<usize>) {
    open_at(app, id, at, false);
}

/// Open a unit at a passage to look something up: the saved place in the unit stays
/// where the member left it (reading time and what is shown still count).
pub fn open_passage(app: &mut App, id: &str, at: Option<usize>) {
    open_at(app, id, at, true);
}

fn open_at(app: &mut App, id: &str, at: Option<usize>, keep_place: bool) {
    if app.library.get(id).is_none() {
        // Listed by its front matter, the unit failed when read whole: say why.
        if let Some(p) = app.library.entry(id).and_then(|e| e.problems()?.first()) {
            app.notice = Some(p.text(app.s.lang));
        }
        return;
    }
    let width = app.reader_width();
    let layout = app.layout_of(id, width);
    let body = app.body_of(id);
    let cycle = app.cycle.to_string();
    let stamp = app.now_datetime();
    let p = app.state.units.entry(id.to_string()).or_default();
    p.cycles.entry(cycle).or_default();
    if !keep_place {
        // A passage looked up is not where the member is reading.
        p.opened = stamp;
    }
    let offset = body.to_shown(at.unwrap_or(p.offset));
    let top = clamp_top(
        layout.line_at_offset(offset),
        layout.lines.len(),
        app.reader_height(),
    );
    app.reader = Some(ReaderView {
        keep_place,
        ..ReaderView::new(id, body, layout, top)
    });
    app.screen = Screen::Reader;
    app.dirty = true;
    record_position(app);
}

/// Store the place before the reader gives way to another screen.
pub(super) fn leave_reader(app: &mut App) {
    record_position(app);
}

/// Store the place in the open unit and check whether it is now finished. Places are
/// stored as body offsets, never as offsets in the drawn text (see
/// [`crate::core::shown`]): the layout's offsets are converted here.
pub(super) fn record_position(app: &mut App) {
    let height = app.reader_height();
    let Some(r) = &app.reader else { return };
    let offset = r.body.to_source(r.layout.offset_of_line(r.top));
    let last_visible = (r.top + height).min(r.layout.lines.len());
    let at_end = r.top + height >= r.layout.lines.len();
    let shown_to = if at_end {
        r.body.source_len()
    } else {
        r.layout
            .lines
            .get(last_visible.saturating_sub(1))
            .map_or(0, |l| r.body.to_source(l.end))
    };
    let id = r.unit_id.clone();
    let keep_place = r.keep_place;
    let cycle = app.cycle.to_string();
    let p = app.state.units.entry(id).or_default();
    let offset = if keep_place { p.offset } else { offset };
    if p.offset != offset || shown_to > p.furthest {
        app.dirty = true;
    }
    p.offset = offset;
    p.furthest = p.furthest.max(shown_to);
    let c = p.cycles.entry(cycle).or_default();
    if shown_to > c.furthest {
        c.furthest = shown_to;
        app.dirty = true;
    }
    if at_end && !c.reached_end {
        c.reached_end = true;
        app.dirty = true;
    }
    check_finished(app);
}

/// A unit is finished once its last line was reached and enough time was spent.
pub(super) fn check_finished(app: &mut App) {
    let Some(r) = &app.reader else { return };
    let min = app.rules.read.min_seconds;
    let stamp = app.now_datetime();
    let cycle = app.cycle.to_string();
    if let Some(c) = app
        .state
        .units
        .get_mut(&r.unit_id)
        .and_then(|p| p.cycles.get_mut(&cycle))
        && c.finished.is_none()
        && c.reached_end
        && c.seconds >= min
    {
        c.finished = stamp;
        app.dirty = true;
    }
}

pub(super) fn reader(app: &mut App, msg: Msg) -> Vec<Effect> {
    let height = app.reader_height();
    let Some(r) = &mut app.reader else {
        app.screen = app.home_screen;
        return Vec::new();
    };
    if r.input.is_some() {
        return reader_input(app, msg);
    }
    if r.info {
        // j/k scroll a box taller than the screen; any other key closes it and is
        // not used otherwise.
        match msg {
            Msg::Up => r.info_top = r.info_top.saturating_sub(1),
            Msg::Down => {
                let max = app.info_max_top();
                if let Some(r) = &mut app.reader {
                    r.info_top = (r.info_top + 1).min(max);
                }
            }
            _ => r.info = false,
        }
        return Vec::new();
    }
    let len = r.layout.lines.len();
    let max_top = len.saturating_sub(height);
    let page = height.saturating_sub(1).max(1);
    let before = r.top;
    match msg {
        Msg::Up => r.top = r.top.saturating_sub(1),
        Msg::Down => r.top = (r.top + 1).min(max_top),
        Msg::PageUp => r.top = r.top.saturating_sub(page),
        Msg::PageDown => r.top = (r.top + page).min(max_top),
        Msg::Top => r.top = 0,
        Msg::Bottom => r.top = max_top,
        Msg::Practice => {
            let id = r.unit_id.clone();
            record_position(app);
            start_practice(app, &id);
            return vec![Effect::Save];
        }
        Msg::Back => {
            record_position(app);
            app.screen = app.home_screen;
            return vec![Effect::Save];
        }
        Msg::FindStart => {
            let text = r.find.as_ref().map(|f| f.query.clone()).unwrap_or_default();
            r.input = Some(ReaderInput::Find {
                text,
                from_top: r.top,
            });
            return Vec::new();
        }
        Msg::FindNext | Msg::FindPrev => {
            let Some(f) = &r.find else {
                app.notice = Some(app.s.find_first.to_string());
                return Vec::new();
            };
            let n = f.matches.len();
            if n == 0 {
                app.notice = Some(app.s.not_found.to_string());
                return Vec::new();
            }
            let next = if msg == Msg::FindNext {
                (f.current + 1) % n
            } else {
                (f.current + n - 1) % n
            };
            show_match(app, next);
            return Vec::new();
        }
        Msg::Info => {
            r.info = true;
            r.info_top = 0;
            return Vec::new();
        }
        Msg::Bookmark => return toggle_bookmark(app),
        Msg::NoteStart => {
            let Some(offset) = passage_in_view(r, height) else {
                return Vec::new();
            };
            let text = app
                .state
                .marks
                .get(&Mark::key(&r.unit_id, r.body.to_source(offset)))
                .map(|m| m.note.clone())
                .unwrap_or_default();
            r.input = Some(ReaderInput::Note { offset, text });
            return Vec::new();
        }
        Msg::QuoteToReflection => {
            let Some(offset) = match_in_view(r, height).or_else(|| passage_in_view(r, height))
            else {
                return Vec::new();
            };
            let quote = sentence(&r.body.text, offset, QUOTE_CHARS * 2);
            let unit = r.unit_id.clone();
            record_position(app);
            super::editor::open_reflection_with_quote(app, &unit, &quote);
            return vec![Effect::Save];
        }
        _ => return Vec::new(),
    }
    if r.top != before {
        record_position(app);
    }
    Vec::new()
}

/// Where the current find match starts, when it is on screen.
fn match_in_view(r: &ReaderView, height: usize) -> Option<usize> {
    let f = r.find.as_ref()?;
    let m = f.matches.get(f.current)?;
    let line = r.layout.line_at_offset(m.start);
    (r.top..r.top + height).contains(&line).then_some(m.start)
}

/// The passage a mark or a quote is about: the current find match when it is on
/// screen, else the first line of text in view. Returns its body offset.
pub(super) fn passage_in_view(r: &ReaderView, height: usize) -> Option<usize> {
    let bottom = r.top + height;
    if let Some(f) = &r.find
        && let Some(m) = f.matches.get(f.current)
    {
        let line = r.layout.line_at_offset(m.start);
        if (r.top..bottom).contains(&line) {
            // The start of the visual line holding the match: a mark is on a line.
            return r.layout.lines.get(line).map(|l| l.start);
        }
    }
    r.layout
        .lines
        .iter()
        .skip(r.top)
        .take(height.max(1))
        .find(|l| l.kind != LineKind::Blank)
        .map(|l| l.start)
}

/// Put match `i` of the find in view, two lines below the top when it can be.
fn show_match(app: &mut App, i: usize) {
    let height = app.reader_height();
    let Some(r) = &mut app.reader else { return };
    let Some(f) = &mut r.find else { return };
    let Some(m) = f.matches.get(i) else { return };
    f.current = i;
    let line = r.layout.line_at_offset(m.start);
    if line < r.top || line >= r.top + height {
        r.top = clamp_top(line.saturating_sub(2), r.layout.lines.len(), height);
    }
    record_position(app);
}

/// Run the find for `text` from line `from_top`: the first match at or after that
/// line, wrapping to the first.
fn run_find(app: &mut App, text: &str, from_top: usize) {
    let Some(r) = &mut app.reader else { return };
    let q = Query::parse(text);
    if q.is_empty() {
        r.find = None;
        r.top = from_top;
        record_position(app);
        return;
    }
    let matches = q.highlights(&r.body.text);
    let from = r.layout.offset_of_line(from_top);
    let first = matches.iter().position(|m| m.start >= from).unwrap_or(0);
    let found = !matches.is_empty();
    r.find = Some(Find {
        query: text.to_string(),
        matches,
        current: first,
    });
    if found {
        show_match(app, first);
    } else {
        r.top = from_top;
        record_position(app);
    }
}

/// Keys while a find or a note is typed at the bottom of the reader.
fn reader_input(app: &mut App, msg: Msg) -> Vec<Effect> {
    let Some(r) = &mut app.reader else {
        return Vec::new();
    };
    let Some(input) = &mut r.input else {
        return Vec::new();
    };
    let text = match input {
        ReaderInput::Find { text, .. } | ReaderInput::Note { text, .. } => text,
    };
    match msg {
        Msg::Char(c) => text.push(c),
        Msg::Paste(s) => text.push_str(&s.replace(['\n', '\r'], " ")),
        Msg::Backspace => {
            text.pop();
        }
        Msg::Enter => {
            let done = r.input.take();
            if let Some(ReaderInput::Note { offset, text }) = done {
                return save_note(app, offset, text.trim());
            }
            if app
                .reader
                .as_ref()
                .and_then(|r| r.find.as_ref())
                .is_some_and(|f| f.matches.is_empty())
            {
                app.notice = Some(app.s.not_found.to_string());
            }
            return Vec::new();
        }
        Msg::Back => {
            if let Some(ReaderInput::Find { from_top, .. }) = r.input.take() {
                r.find = None;
                r.top = from_top;
                record_position(app);
            }
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    if let Some(ReaderInput::Find { text, from_top }) = r.input.clone() {
        run_find(app, &text, from_top);
    }
    Vec::new()
}

/// Keep a note on the passage at `shown` (an offset in the drawn text; the mark
/// keeps the body offset) — a bookmark when the note is empty.
fn save_note(app: &mut App, shown: usize, note: &str) -> Vec<Effect> {
    let Some(r) = &app.reader else {
        return Vec::new();
    };
    let offset = r.body.to_source(shown);
    let key = Mark::key(&r.unit_id, offset);
    let quote = sentence(&r.body.text, shown, QUOTE_CHARS);
    let unit = r.unit_id.clone();
    let created = app.now_datetime();
    let m = app.state.marks.entry(key).or_insert_with(|| Mark {
        unit,
        offset,
        quote,
        note: String::new(),
        created,
    });
    if m.note != note {
        m.note = note.to_string();
    }
    app.dirty = true;
    app.notice = Some(app.s.note_saved.to_string());
    vec![Effect::Save]
}

/// Bookmark the passage in view, or remove the mark that is there.
fn toggle_bookmark(app: &mut App) -> Vec<Effect> {
    let height = app.reader_height();
    let Some(r) = &app.reader else {
        return Vec::new();
    };
    let Some(shown) = passage_in_view(r, height) else {
        return Vec::new();
    };
    let key = Mark::key(&r.unit_id, r.body.to_source(shown));
    if app.state.marks.remove(&key).is_some() {
        app.notice = Some(app.s.mark_removed.to_string());
        app.dirty = true;
        return vec![Effect::Save];
    }
    save_note(app, shown, "");
    app.notice = Some(app.s.mark_added.to_string());
    vec![Effect::Save]
}
