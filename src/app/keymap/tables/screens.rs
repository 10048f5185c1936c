//! The keys of the lists (本月, 学习库 and its search, 错题本) and the reader.

use crossterm::event::KeyCode;

use super::{
    ARROW_LINES, BACKSPACE, BOTTOM, DOWN, HELP_BACK, HELP_KEY, HELP_QUIT, LIST, OPEN, PAGE_DOWN,
    PAGE_UP, QUIT, TABS, TOP, UP, enter_done, esc_cancel, hint, s, send, t, typed,
};
use crate::app::Doc;
use crate::app::keymap::{Binding, Key, Mark, Table};
use crate::app::msg::Msg;

const MARKS_KEY: Binding = Binding {
    keys: &[Key::Char('\'')],
    act: send(&Msg::Marks),
    shown: s("'"),
    label: t("书签和笔记列表", "the list of bookmarks and notes"),
    hint: None,
};

/// 本月.
pub(crate) static HOME: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Code(KeyCode::Enter), Key::Char('c')],
            act: send(&Msg::Continue),
            shown: s("Enter c"),
            label: t(
                "继续阅读：上次读的单元（或下一篇），从读到的地方",
                "continue reading: the last unit (or the next), at its place",
            ),
            hint: hint(s("Enter"), t("继续阅读", "continue"), 1),
        },
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
        MARKS_KEY,
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
    shared: &[TABS, HELP_QUIT],
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
        OPEN,
        Binding {
            keys: &[Key::Char('/')],
            act: send(&Msg::SearchStart),
            shown: s("/"),
            label: t(
                "搜索标题和正文（每个词都要有）",
                "search titles and text (every word must occur)",
            ),
            hint: hint(s("/"), t("搜索", "search"), 2),
        },
        Binding {
            keys: &[Key::Char('u')],
            act: send(&Msg::FilterUnread),
            shown: s("u"),
            label: t(
                "只看本期未读完的 / 全部",
                "only units not read this cycle / all",
            ),
            hint: hint(s("u"), t("未读", "unread"), 4),
        },
        Binding {
            keys: &[Key::Char('f')],
            act: send(&Msg::FilterKind),
            shown: s("f"),
            label: t(
                "按类别：文章、党章、简讯、全部",
                "by kind: article, constitution, brief, all",
            ),
            hint: hint(s("f"), t("类别", "kind"), 4),
        },
        Binding {
            keys: &[Key::Char('p')],
            act: send(&Msg::FilterPlan),
            shown: s("p"),
            label: t("只看本期学习安排 / 全部", "only this cycle's plan / all"),
            hint: hint(s("p"), t("安排", "plan"), 4),
        },
        MARKS_KEY,
    ],
    shared: &[
        LIST,
        TABS,
        &[
            HELP_KEY,
            Binding {
                label: t(
                    "清除搜索和筛选；都没有时退出",
                    "clear the search and filters; quit when there are none",
                ),
                ..QUIT
            },
        ],
    ],
    marks: &[Mark {
        mark: "★",
        meaning: t("本期学习安排中的单元", "in this cycle's plan"),
    }],
};

/// 学习库 while a search is typed: every character is text.
pub(crate) static SEARCH: Table = Table {
    bindings: &[
        typed(t("输入搜索词", "type the search")),
        BACKSPACE,
        enter_done(t("保留搜索结果", "keep the results"), t("确定", "done")),
        esc_cancel(t("清除搜索", "clear the search"), t("清除", "clear")),
    ],
    shared: &[ARROW_LINES],
    marks: &[],
};

/// 错题本.
pub(crate) static REVIEW: Table = Table {
    bindings: &[
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
        Binding {
            keys: &[Key::Char('f')],
            act: send(&Msg::FilterMastered),
            shown: s("f"),
            label: t(
                "筛选：全部、未掌握、已掌握",
                "filter: all, being learnt, mastered",
            ),
            hint: hint(s("f"), t("筛选", "filter"), 2),
        },
        MARKS_KEY,
    ],
    shared: &[LIST, TABS, HELP_QUIT],
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
        Mark {
            mark: "✓",
            meaning: t(
                "已掌握：连续答对，下次复习在三周以后",
                "mastered: answered right until the next review is three weeks away or more",
            ),
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
        Binding {
            keys: &[Key::Char('/')],
            act: send(&Msg::FindStart),
            shown: s("/"),
            label: t("在正文中查找", "find in the text"),
            hint: hint(s("/"), t("查找", "find"), 2),
        },
        Binding {
            keys: &[Key::Char('n')],
            act: send(&Msg::FindNext),
            shown: s("n"),
            label: t("下一处", "next match"),
            hint: None,
        },
        Binding {
            keys: &[Key::Char('N')],
            act: send(&Msg::FindPrev),
            shown: s("N"),
            label: t("上一处", "previous match"),
            hint: None,
        },
        Binding {
            keys: &[Key::Char('m')],
            act: send(&Msg::Bookmark),
            shown: s("m"),
            label: t(
                "给这一段加书签 / 去掉书签",
                "bookmark this passage / remove it",
            ),
            hint: hint(s("m"), t("书签", "mark"), 2),
        },
        Binding {
            keys: &[Key::Char('a')],
            act: send(&Msg::NoteStart),
            shown: s("a"),
            label: t("给这一段写笔记", "write a note on this passage"),
            hint: hint(s("a"), t("笔记", "note"), 3),
        },
        Binding {
            keys: &[Key::Char('w')],
            act: send(&Msg::QuoteToReflection),
            shown: s("w"),
            label: t(
                "把这一句引用到心得开头",
                "quote this sentence at the start of the reflection",
            ),
            hint: None,
        },
        Binding {
            keys: &[Key::Char('i')],
            act: send(&Msg::Info),
            shown: s("i"),
            label: t("单元的全部信息和注", "the unit's details and note"),
            hint: hint(s("i"), t("信息", "info"), 4),
        },
        MARKS_KEY,
    ],
    shared: &[HELP_BACK],
    marks: &[Mark {
        mark: "__",
        meaning: t(
            "文字带下划线：这一行有书签或笔记",
            "underlined text: a bookmark or note on this line",
        ),
    }],
};

/// The reader while a find or a note is typed: every character is text.
pub(crate) static READER_INPUT: Table = Table {
    bindings: &[
        typed(t(
            "输入要查找的文字或笔记",
            "type what to find, or the note",
        )),
        BACKSPACE,
        enter_done(
            t("确定（笔记：保存）", "done (a note: save it)"),
            t("确定", "done"),
        ),
        esc_cancel(t("取消", "cancel"), t("取消", "cancel")),
    ],
    shared: &[],
    marks: &[],
};

/// The reader with the unit's details on top: j/k scroll them when they are taller
/// than the screen, any other key closes them.
pub(crate) static READER_INFO: Table = Table {
    bindings: &[
        Binding {
            label: t("信息下移一行", "scroll the details down"),
            hint: hint(s("j"), t("滚动", "scroll"), 2),
            ..DOWN
        },
        Binding {
            label: t("信息上移一行", "scroll the details up"),
            hint: hint(s("k"), t("滚动", "scroll"), 2),
            ..UP
        },
        Binding {
            keys: &[Key::Any],
            act: send(&Msg::Info),
            shown: t("其他键", "other keys"),
            label: t("关闭", "close"),
            hint: hint(t("其他键", "other keys"), t("关闭", "close"), 1),
        },
    ],
    shared: &[],
    marks: &[],
};

/// The list of bookmarks and notes.
pub(crate) static MARKS: Table = Table {
    bindings: &[
        Binding {
            label: t("打开这一段原文", "open the passage"),
            hint: hint(s("Enter"), t("原文", "passage"), 2),
            ..OPEN
        },
        Binding {
            keys: &[Key::Char('d'), Key::Code(KeyCode::Delete)],
            act: send(&Msg::Delete),
            shown: s("d Del"),
            label: t("删除这个书签或笔记", "delete this bookmark or note"),
            hint: hint(s("d"), t("删除", "delete"), 2),
        },
    ],
    shared: &[LIST, HELP_BACK],
    marks: &[Mark {
        mark: "✎",
        meaning: t("笔记", "a note"),
    }],
};
