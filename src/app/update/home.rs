//! 本月: the cycle's work, and the way into the editors and the test.

use super::editor::open_editor;
use super::test::start_test;
use crate::app::msg::Msg;
use crate::app::{App, Doc, Effect};

pub(super) fn home(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Write(i) => open_editor(
            app,
            match i {
                0 => Doc::Reflection,
                1 => Doc::Talk,
                _ => Doc::Survey,
            },
        ),
        Msg::StartTest => start_test(app),
        _ => {}
    }
    Vec::new()
}
