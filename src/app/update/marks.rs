//! The list of bookmarks and notes: jump back to a passage, or remove a mark.

use super::move_sel;
use super::reader::open_unit;
use crate::app::msg::Msg;
use crate::app::{App, Effect, Screen};
use crate::core::state::Mark;

pub(super) fn marks(app: &mut App, msg: Msg) -> Vec<Effect> {
    let list: Vec<(String, usize)> = app
        .marks_in_order()
        .iter()
        .map(|m| (m.unit.clone(), m.offset))
        .collect();
    match msg {
        Msg::Back => {
            let back = app.marks.back_to.take().unwrap_or(app.home_screen);
            app.screen = if back == Screen::Reader && app.reader.is_none() {
                app.home_screen
            } else {
                back
            };
        }
        Msg::Open => {
            if let Some((unit, offset)) = list.get(app.marks.selected) {
                if app.library.get(unit).is_none() {
                    app.notice = Some(app.s.no_match.to_string());
                    return Vec::new();
                }
                let (unit, offset) = (unit.clone(), *offset);
                open_unit(app, &unit, Some(offset));
                return vec![Effect::Save];
            }
        }
        Msg::Delete => {
            if let Some((unit, offset)) = list.get(app.marks.selected) {
                app.state.marks.remove(&Mark::key(unit, *offset));
                app.dirty = true;
                app.marks.selected = app.marks.selected.min(list.len().saturating_sub(2));
                app.notice = Some(app.s.mark_removed.to_string());
                return vec![Effect::Save];
            }
        }
        m => {
            let page = usize::from(app.size.1.saturating_sub(4).max(1)) / 2;
            move_sel(&mut app.marks.selected, list.len(), &m, page.max(1));
        }
    }
    Vec::new()
}
