//! The reader: opening a unit, scrolling, and counting it finished.

use super::clamp_top;
use super::quiz::start_practice;
use crate::app::msg::Msg;
use crate::app::{App, Effect, ReaderView, Screen};

/// Open a unit in the reader, at the saved place or at `at` (a byte offset).
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
        return;
    }
    let width = app.reader_width();
    let layout = app.layout_of(id, width);
    let body = app.body_of(id);
    let cycle = app.cycle.clone();
    let p = app.state.units.entry(id.to_string()).or_default();
    p.cycles.entry(cycle).or_default();
    let offset = at.unwrap_or(p.offset);
    let top = clamp_top(
        layout.line_at_offset(offset),
        layout.lines.len(),
        app.reader_height(),
    );
    app.reader = Some(ReaderView {
        unit_id: id.to_string(),
        body,
        layout,
        top,
        keep_place,
    });
    app.screen = Screen::Reader;
    app.dirty = true;
    record_position(app);
}

/// Store the place in the open unit and check whether it is now finished.
pub(super) fn record_position(app: &mut App) {
    let height = app.reader_height();
    let Some(r) = &app.reader else { return };
    let offset = r.layout.offset_of_line(r.top);
    let last_visible = (r.top + height).min(r.layout.lines.len());
    let at_end = r.top + height >= r.layout.lines.len();
    let shown_to = if at_end {
        r.body.len()
    } else {
        r.layout
            .lines
            .get(last_visible.saturating_sub(1))
            .map_or(0, |l| l.end)
    };
    let id = r.unit_id.clone();
    let keep_place = r.keep_place;
    let cycle = app.cycle.clone();
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
    let cycle = app.cycle.clone();
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
        _ => return Vec::new(),
    }
    if r.top != before {
        record_position(app);
    }
    Vec::new()
}
