//! The answering keys, the same in practice, 错题本 and the cycle test: each moves the
//! cursor or changes the answer of a [`Selection`].

use crate::app::msg::Msg;
use crate::core::quiz::Selection;
use crate::core::unit::Question;

/// Apply `msg` to the answer being given to `q`; false when it is not an answering
/// key for this question (a letter on a fill question, typing on a choice question).
pub(super) fn answer_key(answer: &mut Selection, q: &Question, msg: &Msg) -> bool {
    match msg {
        Msg::Up => answer.up(),
        Msg::Down => answer.down(q),
        Msg::Letter(c) => return answer.pick(q, *c),
        Msg::Toggle => return answer.pick_cursor(q),
        Msg::Char(c) => return answer.type_char(q, *c),
        Msg::Paste(s) => return answer.paste(q, s),
        Msg::Backspace => return answer.backspace(q),
        _ => return false,
    }
    true
}
