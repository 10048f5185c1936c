//! 本月: the cycle's work, and the way into the editors and the test.

use super::editor::open_editor;
use super::test::start_test;
use crate::app::msg::Msg;
use crate::app::{App, Effect};

pub(super) fn home(app: &mut App, msg: &Msg) -> Vec<Effect> {
    match msg {
        Msg::Write(doc) => open_editor(app, *doc),
        Msg::StartTest => return start_test(app),
        Msg::Rename => app.rename = Some(app.state.name.clone()),
        Msg::History => super::history::open_history(app),
        Msg::Continue => {
            if let Some(c) = crate::app::today::continue_reading(app) {
                super::reader::open_unit(app, &c.unit, None);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Typing a new display name: Enter keeps it (not when empty), Esc leaves it as it was.
pub(super) fn rename_input(app: &mut App, msg: Msg) {
    let Some(name) = app.rename.as_mut() else {
        return;
    };
    match msg {
        Msg::Char(c) => name.push(c),
        Msg::Paste(t) => name.push_str(t.trim()),
        Msg::Backspace => {
            name.pop();
        }
        Msg::Enter => {
            let new = name.trim().to_string();
            if new.is_empty() {
                return;
            }
            app.rename = None;
            if new != app.state.name {
                app.state.name = new;
                app.dirty = true;
            }
        }
        Msg::Back => app.rename = None,
        _ => {}
    }
}
