//! 书库: moving through the units and searching them.

use super::move_sel;
use super::reader::open_unit;
use crate::app::msg::Msg;
use crate::app::{App, Effect};
use crate::core::unit::Kind;

pub(super) fn library(app: &mut App, msg: Msg) -> Vec<Effect> {
    let page = usize::from(app.size.1.saturating_sub(4).max(1));
    match msg {
        Msg::SearchStart => {
            app.library_view.searching = true;
            // Reading every body for the index starts now, while the member types.
            app.library.prepare_search();
        }
        Msg::FilterUnread | Msg::FilterKind | Msg::FilterPlan => {
            let f = &mut app.library_view.filter;
            match msg {
                Msg::FilterUnread => f.unread = !f.unread,
                Msg::FilterPlan => f.plan = !f.plan,
                _ => {
                    f.kind = match f.kind {
                        None => Some(Kind::Article),
                        Some(Kind::Article) => Some(Kind::Constitution),
                        Some(Kind::Constitution) => Some(Kind::Brief),
                        Some(Kind::Brief) => None,
                    }
                }
            }
            app.library_view.selected = 0;
            app.apply_search();
        }
        Msg::Open => {
            if let Some(id) = app.selected_unit().map(str::to_string) {
                open_unit(app, &id, None);
                return vec![Effect::Save];
            }
        }
        m => {
            let len = app.library_view.shown.len();
            move_sel(&mut app.library_view.selected, len, &m, page);
        }
    }
    Vec::new()
}

pub(super) fn search_input(app: &mut App, msg: Msg) -> Vec<Effect> {
    let v = &mut app.library_view;
    match msg {
        Msg::Char(c) => v.query.push(c),
        Msg::Paste(s) => v.query.push_str(&s.replace(['\n', '\r'], " ")),
        Msg::Backspace => {
            v.query.pop();
        }
        Msg::Enter => {
            v.searching = false;
            return Vec::new();
        }
        Msg::Back => {
            v.searching = false;
            v.query.clear();
        }
        Msg::Up | Msg::Down => {
            let len = v.shown.len();
            move_sel(&mut v.selected, len, &msg, 1);
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    v.selected = 0;
    app.apply_search();
    Vec::new()
}
