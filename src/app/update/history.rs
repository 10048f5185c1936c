//! 往期: the list of past cycles, and one cycle's evidence opened from it.

use super::move_sel;
use crate::app::msg::Msg;
use crate::app::queries::past_cycles;
use crate::app::{App, Effect, Screen};

/// Open the history from 本月, on the latest past cycle.
pub(super) fn open_history(app: &mut App) {
    app.history = crate::app::HistoryView::default();
    app.screen = Screen::History;
}

/// Reopen 往期 after a dropped connection, with `cycle`'s evidence open if it is still
/// a past cycle (the list alone otherwise).
pub(super) fn resume_history(app: &mut App, cycle: Option<&str>) {
    open_history(app);
    let cycles = past_cycles(app);
    let at = cycle.and_then(|c| cycles.iter().position(|p| p.to_string() == c));
    if let Some(i) = at {
        app.history.selected = i;
        app.history.open = cycles.get(i).copied();
    }
}

pub(super) fn history(app: &mut App, msg: Msg) -> Vec<Effect> {
    let page = app.size.1.saturating_sub(4).max(1) as usize;
    if app.history.open.is_some() {
        match msg {
            Msg::Back => {
                app.history.open = None;
                app.history.top = 0;
            }
            m => {
                let rows = crate::app::queries::evidence_rows(app, app.size.0);
                let last = rows.saturating_sub(page).saturating_add(1);
                move_sel(&mut app.history.top, last, &m, page);
            }
        }
        return Vec::new();
    }
    let cycles = past_cycles(app);
    match msg {
        Msg::Back => app.screen = app.home_screen,
        Msg::Open => {
            if let Some(c) = cycles.get(app.history.selected) {
                app.history.open = Some(*c);
                app.history.top = 0;
            }
        }
        m => move_sel(&mut app.history.selected, cycles.len(), &m, page),
    }
    Vec::new()
}
