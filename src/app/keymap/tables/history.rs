//! The keys of 往期: the list of past cycles and one cycle's evidence.

use crossterm::event::KeyCode;

use super::{HELP_BACK, LIST, hint, s, send, t};
use crate::app::keymap::{Binding, Key, Mark, Table};
use crate::app::msg::Msg;

/// 往期, the list of past cycles.
pub(crate) static HISTORY: Table = Table {
    bindings: &[Binding {
        keys: &[Key::Code(KeyCode::Enter)],
        act: send(&Msg::Open),
        shown: s("Enter"),
        label: t(
            "查看这一期的记录：读了什么、心得、月讲、测试",
            "open the cycle's evidence: reading, reflection, talk, test",
        ),
        hint: hint(s("Enter"), t("查看", "open"), 2),
    }],
    shared: &[LIST, HELP_BACK],
    marks: &[
        Mark {
            mark: "✓",
            meaning: t("这一部分已完成", "the part was done"),
        },
        Mark {
            mark: "✗",
            meaning: t("这一部分未完成", "the part was not done"),
        },
    ],
};

/// One past cycle's evidence, scrolled like the reader.
pub(crate) static HISTORY_CYCLE: Table = Table {
    bindings: &[],
    shared: &[LIST, HELP_BACK],
    marks: &[
        Mark {
            mark: "✓",
            meaning: t("读完的单元、答对的题", "a unit finished, a question right"),
        },
        Mark {
            mark: "✗",
            meaning: t("答错的题", "a question answered wrong"),
        },
        Mark {
            mark: "·",
            meaning: t("打开过但未读完的单元", "a unit opened, not finished"),
        },
    ],
};
