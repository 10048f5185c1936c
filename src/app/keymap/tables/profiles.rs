//! The keys of the profile picker, its search, the new-profile form and the one-line
//! name input (renaming a profile in the picker or on 本月).

use crossterm::event::KeyCode;

use super::{
    ARROW_LINES, BACKSPACE, HELP_KEY, LIST, QUIT, enter_done, esc_cancel, hint, s, send, t, typed,
};
use crate::app::keymap::{Binding, Key, Mark, Table};
use crate::app::msg::Msg;

/// The profile picker's list.
pub(crate) static PICKER: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Code(KeyCode::Enter)],
            act: send(&Msg::Open),
            shown: s("Enter"),
            label: t("打开选中的档案", "open the selected profile"),
            hint: hint(s("Enter"), t("打开", "open"), 2),
        },
        Binding {
            keys: &[Key::Char('/')],
            act: send(&Msg::SearchStart),
            shown: s("/"),
            label: t("按姓名或编号查找", "search names and ids"),
            hint: hint(s("/"), t("搜索", "search"), 2),
        },
        Binding {
            keys: &[Key::Char('n')],
            act: send(&Msg::NewProfile),
            shown: s("n"),
            label: t("新建档案", "new profile"),
            hint: hint(s("n"), t("新建", "new"), 2),
        },
        Binding {
            keys: &[Key::Char('e')],
            act: send(&Msg::Rename),
            shown: s("e"),
            label: t("修改选中档案的姓名", "change the selected profile's name"),
            hint: hint(s("e"), t("改名", "rename"), 3),
        },
    ],
    shared: &[
        LIST,
        &[
            HELP_KEY,
            Binding {
                label: t(
                    "清除搜索；没有搜索时退出",
                    "clear the search; quit when there is none",
                ),
                ..QUIT
            },
        ],
    ],
    marks: &[Mark {
        mark: "(zhangsan)",
        meaning: t(
            "档案编号：学习记录和完成文件用它",
            "the profile's id, used by its record and completion files",
        ),
    }],
};

/// The picker while a search is typed: every character is text.
pub(crate) static PICKER_SEARCH: Table = Table {
    bindings: &[
        typed(t("输入姓名或编号", "type a name or id")),
        BACKSPACE,
        enter_done(t("保留搜索结果", "keep the results"), t("确定", "done")),
        esc_cancel(t("清除搜索", "clear the search"), t("清除", "clear")),
    ],
    shared: &[ARROW_LINES],
    marks: &[],
};

/// The new-profile form: name and id are typed; the roster's members are chosen with
/// the arrows.
pub(crate) static PROFILE_FORM: Table = Table {
    bindings: &[
        typed(t("输入姓名或编号", "type the name or the id")),
        BACKSPACE,
        Binding {
            keys: &[Key::Code(KeyCode::Tab)],
            act: send(&Msg::NextField),
            shown: s("Tab"),
            label: t("在姓名和编号之间切换", "switch between name and id"),
            hint: hint(s("Tab"), t("切换", "switch"), 2),
        },
        Binding {
            keys: &[Key::Code(KeyCode::Down)],
            act: send(&Msg::Down),
            shown: s("↑ ↓"),
            label: t(
                "选用名册中的成员（编号和姓名）",
                "take a roster member's id and name",
            ),
            hint: hint(s("↑↓"), t("名册", "roster"), 3),
        },
        Binding {
            keys: &[Key::Code(KeyCode::Up)],
            act: send(&Msg::Up),
            shown: s("↑"),
            label: t("名册中的上一位", "previous roster member"),
            hint: None,
        },
        enter_done(t("建立档案", "make the profile"), t("确定", "create")),
        esc_cancel(
            t("返回（第一次使用时退出）", "back (quit on the first run)"),
            t("返回", "back"),
        ),
        Binding {
            keys: &[Key::Code(KeyCode::F(1))],
            act: send(&Msg::Help),
            shown: s("F1"),
            label: t("显示/关闭本帮助", "show/close this help"),
            hint: hint(s("F1"), t("帮助", "help"), 1),
        },
    ],
    shared: &[],
    marks: &[],
};

/// A one-line name input: a profile's display name.
pub(crate) static NAME_INPUT: Table = Table {
    bindings: &[
        typed(t("输入姓名", "type the name")),
        BACKSPACE,
        enter_done(t("保存姓名", "save the name"), t("保存", "save")),
        esc_cancel(t("不改，返回", "leave it unchanged"), t("返回", "back")),
    ],
    shared: &[],
    marks: &[],
};
