//! 本月: the cycle's work, and the way into the editors and the test.

use super::editor::open_editor;
use super::test::start_test;
use crate::app::msg::Msg;
use crate::app::{App, Effect};

pub(super) fn home(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Write(doc) => open_editor(app, doc),
        Msg::StartTest => start_test(app),
        _ => {}
    }
    Vec::new()
}
