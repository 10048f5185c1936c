//! The keys of the lists (本月, 学习库 and its search, 错题本) and the reader.

use crossterm::event::KeyCode;

use super::*;
use crate::app::Doc;
use crate::app::keymap::{Act, Binding, Key, Mark, Table};
use crate::app::msg::Msg;

/// 本月.
pub(crate) static HOME: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Char('r')],
            act: send(&Msg::Write(Doc::Reflection)),
            shown: s("r"),
            label: t("写心得", "write the reflection"),
            hint: hint(s("r"), t("心得", "reflect"), 2),
        },
        Binding {
            keys: &[Key::Char('t')],
            act: send(&Msg::Write(Doc::Talk)),
            shown: s("t"),
            label: t(
                "写月讲（题目、提纲、宣讲日期）",
                "write the talk (topic, outline, date)",
            ),
            hint: hint(s("t"), t("月讲", "talk"), 2),
        },
        Binding {
            keys: &[Key::Char('s')],
            act: send(&Msg::Write(Doc::Survey)),
            shown: s("s"),
            label: t("写调研", "write the survey"),
            hint: hint(s("s"), t("调研", "survey"), 2),
        },
        Binding {
            keys: &[Key::Char('x')],
            act: send(&Msg::StartTest),
            shown: s("x"),
            label: t("参加本期测试（月学）", "take the cycle test"),
            hint: hint(s("x"), t("测试", "test"), 2),
        },
        NEXT_TAB,
        TAB_1,
        TAB_2,
        TAB_3,
        HELP_KEY,
        QUIT,
        Binding {
            keys: &[Key::Char('h')],
            act: send(&Msg::History),
            shown: s("h"),
            label: t("往期记录", "past cycles"),
            hint: hint(s("h"), t("往期", "past"), 3),
        },
        Binding {
            keys: &[Key::Char('n')],
            act: send(&Msg::Rename),
            shown: s("n"),
            label: t("修改显示的姓名", "change your display name"),
            hint: None,
        },
    ],
    marks: &[
        Mark {
            mark: "✓",
            meaning: t("已完成", "done"),
        },
        Mark {
            mark: "✗",
            meaning: t("未完成", "not done"),
        },
        Mark {
            mark: "·",
            meaning: t(
                "本期安排的学习单元，尚未读完",
                "a unit of the plan not yet finished",
            ),
        },
    ],
};

/// 学习库.
pub(crate) static LIBRARY: Table = Table {
    bindings: &[
        DOWN,
        UP,
        OPEN,
        Binding {
            keys: &[Key::Char('/')],
            act: send(&Msg::SearchStart),
            shown: s("/"),
            label: t("搜索标题和正文", "search titles and text"),
            hint: hint(s("/"), t("搜索", "search"), 2),
        },
        PAGE_DOWN,
        PAGE_UP,
        TOP,
        BOTTOM,
        NEXT_TAB,
        TAB_1,
        TAB_2,
        TAB_3,
        HELP_KEY,
        Binding {
            label: t(
                "清除搜索；没有搜索时退出",
                "clear the search; quit when there is none",
            ),
            ..QUIT
        },
    ],
    marks: &[Mark {
        mark: "★",
        meaning: t("本期学习安排中的单元", "in this cycle's plan"),
    }],
};

/// 学习库 while a search is typed: every character is text.
pub(crate) static SEARCH: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Printable],
            act: Act::Text,
            shown: t("文字", "text"),
            label: t("输入搜索词", "type the search"),
            hint: None,
        },
        Binding {
            keys: &[Key::Code(KeyCode::Backspace)],
            act: send(&Msg::Backspace),
            shown: s("Backspace"),
            label: t("删除一个字", "delete a character"),
            hint: None,
        },
        Binding {
            keys: &[Key::Code(KeyCode::Enter)],
            act: send(&Msg::Enter),
            shown: s("Enter"),
            label: t("保留搜索结果", "keep the results"),
            hint: hint(s("Enter"), t("确定", "done"), 1),
        },
        Binding {
            keys: &[Key::Code(KeyCode::Esc)],
            act: send(&Msg::Back),
            shown: s("Esc"),
            label: t("清除搜索", "clear the search"),
            hint: hint(s("Esc"), t("清除", "clear"), 1),
        },
        Binding {
            hint: None,
            keys: &[Key::Code(KeyCode::Down)],
            shown: s("↓"),
            ..DOWN
        },
        Binding {
            hint: None,
            keys: &[Key::Code(KeyCode::Up)],
            shown: s("↑"),
            ..UP
        },
    ],
    marks: &[],
};

/// 错题本.
pub(crate) static REVIEW: Table = Table {
    bindings: &[
        DOWN,
        UP,
        Binding {
            label: t("练习选中的题", "practise the selected question"),
            hint: hint(s("Enter"), t("练习", "practise"), 2),
            ..OPEN
        },
        Binding {
            keys: &[Key::Char('o')],
            act: send(&Msg::OpenPassage),
            shown: s("o"),
            label: t("打开这道题的原文", "open the passage the question is from"),
            hint: hint(s("o"), t("原文", "passage"), 2),
        },
        Binding {
            keys: &[Key::Char('a')],
            act: send(&Msg::ReviewAll),
            shown: s("a"),
            label: t(
                "复习全部到期的题：答错的本轮最后再问一次",
                "review every card due; a miss is asked once more at the end",
            ),
            hint: hint(s("a"), t("全部复习", "review all"), 2),
        },
        PAGE_DOWN,
        PAGE_UP,
        TOP,
        BOTTOM,
        NEXT_TAB,
        TAB_1,
        TAB_2,
        TAB_3,
        HELP_KEY,
        QUIT,
    ],
    marks: &[
        Mark {
            mark: "●",
            meaning: t("今天该复习", "due today"),
        },
        Mark {
            mark: "12-03",
            meaning: t("下次复习的日期（月-日）", "next review (month-day)"),
        },
        Mark {
            mark: "✗1",
            meaning: t("答错的次数", "times answered wrong"),
        },
    ],
};

/// The reader.
pub(crate) static READER: Table = Table {
    bindings: &[
        Binding {
            label: t("下移一行", "down one line"),
            hint: hint(s("j"), t("行", "line"), 3),
            ..DOWN
        },
        Binding {
            hint: hint(s("k"), t("行", "line"), 3),
            ..UP
        },
        PAGE_DOWN,
        PAGE_UP,
        TOP,
        BOTTOM,
        Binding {
            keys: &[Key::Char('t')],
            act: send(&Msg::Practice),
            shown: s("t"),
            label: t("做本单元的练习题", "practise this unit's questions"),
            hint: hint(s("t"), t("练习", "quiz"), 2),
        },
        HELP_KEY,
        BACK,
    ],
    marks: &[],
};
