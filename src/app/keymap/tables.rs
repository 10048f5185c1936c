//! The key table of every screen: key, action, label in 中文 and English, footer hint.
//! Bindings shared by several screens are named constants; each table lists the ones
//! that screen has, so a screen's help is exactly its keys.

use crossterm::event::KeyCode;

use super::{Act, Binding, Hint, Key, Mark, Table};
use crate::app::msg::Msg;
use crate::strings::Text;

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text::new(zh, en)
}

const fn s(both: &'static str) -> Text {
    Text::same(both)
}

const fn hint(key: Text, words: Text, priority: u8) -> Option<Hint> {
    Some(Hint {
        key,
        words,
        priority,
    })
}

const fn send(m: &'static Msg) -> Act {
    Act::Send(m)
}

const SPACE: Text = t("空格", "Space");

/// Keys every screen has, the help overlay and dialogs included.
pub(super) static GLOBAL: &[Binding] = &[Binding {
    keys: &[Key::Ctrl('c')],
    act: send(&Msg::Quit),
    shown: s("Ctrl-C"),
    label: t("退出（进度已保存）", "quit (progress saved)"),
    hint: None,
}];

const HELP_KEY: Binding = Binding {
    keys: &[Key::Char('?')],
    act: send(&Msg::Help),
    shown: s("?"),
    label: t("显示/关闭本帮助", "show/close this help"),
    hint: hint(s("?"), t("帮助", "help"), 1),
};

const QUIT: Binding = Binding {
    keys: &[Key::Char('q'), Key::Code(KeyCode::Esc)],
    act: send(&Msg::Back),
    shown: s("q Esc"),
    label: t("退出（进度已保存）", "quit (progress saved)"),
    hint: hint(s("q"), t("退出", "quit"), 1),
};

const BACK: Binding = Binding {
    keys: &[Key::Char('q'), Key::Code(KeyCode::Esc)],
    act: send(&Msg::Back),
    shown: s("q Esc"),
    label: t("返回", "back"),
    hint: hint(s("q"), t("返回", "back"), 1),
};

const DOWN: Binding = Binding {
    keys: &[Key::Char('j'), Key::Code(KeyCode::Down)],
    act: send(&Msg::Down),
    shown: s("j ↓"),
    label: t("下移一行", "down one line"),
    hint: hint(s("j"), t("移动", "move"), 3),
};

const UP: Binding = Binding {
    keys: &[Key::Char('k'), Key::Code(KeyCode::Up)],
    act: send(&Msg::Up),
    shown: s("k ↑"),
    label: t("上移一行", "up one line"),
    hint: hint(s("k"), t("移动", "move"), 3),
};

const PAGE_DOWN: Binding = Binding {
    keys: &[Key::Char(' '), Key::Code(KeyCode::PageDown)],
    act: send(&Msg::PageDown),
    shown: t("空格 PgDn", "Space PgDn"),
    label: t("下一页", "page down"),
    hint: hint(SPACE, t("翻页", "page"), 3),
};

const PAGE_UP: Binding = Binding {
    keys: &[Key::Char('b'), Key::Code(KeyCode::PageUp)],
    act: send(&Msg::PageUp),
    shown: s("b PgUp"),
    label: t("上一页", "page up"),
    hint: hint(s("b"), t("翻页", "page"), 3),
};

const TOP: Binding = Binding {
    keys: &[Key::Char('g'), Key::Code(KeyCode::Home)],
    act: send(&Msg::Top),
    shown: s("g Home"),
    label: t("到开头", "to the top"),
    hint: hint(s("g"), t("首尾", "top/end"), 4),
};

const BOTTOM: Binding = Binding {
    keys: &[Key::Char('G'), Key::Code(KeyCode::End)],
    act: send(&Msg::Bottom),
    shown: s("G End"),
    label: t("到结尾", "to the end"),
    hint: hint(s("G"), t("首尾", "top/end"), 4),
};

const NEXT_TAB: Binding = Binding {
    keys: &[Key::Code(KeyCode::Tab)],
    act: send(&Msg::NextTab),
    shown: s("Tab"),
    label: t("下一个页面", "next tab"),
    hint: hint(s("Tab"), t("切换", "switch"), 3),
};

const TAB_1: Binding = Binding {
    keys: &[Key::Char('1')],
    act: send(&Msg::GoTab(0)),
    shown: s("1"),
    label: t("本月", "this cycle"),
    hint: None,
};

const TAB_2: Binding = Binding {
    keys: &[Key::Char('2')],
    act: send(&Msg::GoTab(1)),
    shown: s("2"),
    label: t("学习库", "library"),
    hint: None,
};

const TAB_3: Binding = Binding {
    keys: &[Key::Char('3')],
    act: send(&Msg::GoTab(2)),
    shown: s("3"),
    label: t("错题本", "review"),
    hint: None,
};

const OPEN: Binding = Binding {
    keys: &[Key::Code(KeyCode::Enter)],
    act: send(&Msg::Open),
    shown: s("Enter"),
    label: t("打开选中的学习单元", "open the selected unit"),
    hint: hint(s("Enter"), t("打开", "open"), 2),
};

/// 本月.
pub(super) static HOME: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Char('r')],
            act: send(&Msg::Write(0)),
            shown: s("r"),
            label: t("写心得", "write the reflection"),
            hint: hint(s("r"), t("心得", "reflect"), 2),
        },
        Binding {
            keys: &[Key::Char('t')],
            act: send(&Msg::Write(1)),
            shown: s("t"),
            label: t(
                "写月讲（题目、提纲、宣讲日期）",
                "write the talk (topic, outline, date)",
            ),
            hint: hint(s("t"), t("月讲", "talk"), 2),
        },
        Binding {
            keys: &[Key::Char('s')],
            act: send(&Msg::Write(2)),
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
pub(super) static LIBRARY: Table = Table {
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
pub(super) static SEARCH: Table = Table {
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
pub(super) static REVIEW: Table = Table {
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
pub(super) static READER: Table = Table {
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

const CHOOSE: Binding = Binding {
    keys: &[Key::Letter],
    act: Act::Letter,
    shown: t("字母", "letter"),
    label: t(
        "选择该选项（多选题为勾选/取消）",
        "pick that choice (multiple: toggle it)",
    ),
    hint: hint(t("字母", "letter"), t("选择", "choose"), 2),
};

const CURSOR_DOWN: Binding = Binding {
    shown: s("j ↓"),
    label: t("光标下移", "cursor down"),
    hint: hint(s("↓"), t("选择", "choose"), 3),
    ..DOWN
};

const CURSOR_UP: Binding = Binding {
    shown: s("k ↑"),
    label: t("光标上移", "cursor up"),
    hint: hint(s("↑"), t("选择", "choose"), 3),
    ..UP
};

const TOGGLE: Binding = Binding {
    keys: &[Key::Char(' ')],
    act: send(&Msg::Toggle),
    shown: SPACE,
    label: t(
        "勾选/取消光标所在的选项",
        "toggle the choice under the cursor",
    ),
    hint: hint(SPACE, t("勾选", "toggle"), 3),
};

const NEXT_Q: Binding = Binding {
    keys: &[
        Key::Char('n'),
        Key::Code(KeyCode::Right),
        Key::Code(KeyCode::Tab),
    ],
    act: send(&Msg::NextQuestion),
    shown: s("n → Tab"),
    label: t("下一题", "next question"),
    hint: hint(s("n"), t("下一题", "next"), 2),
};

const PREV_Q: Binding = Binding {
    keys: &[
        Key::Char('p'),
        Key::Code(KeyCode::Left),
        Key::Code(KeyCode::BackTab),
    ],
    act: send(&Msg::PrevQuestion),
    shown: s("p ← Shift-Tab"),
    label: t("上一题", "previous question"),
    hint: hint(s("p"), t("上一题", "prev"), 3),
};

const SUBMIT_ANSWER: Binding = Binding {
    keys: &[Key::Code(KeyCode::Enter)],
    act: send(&Msg::Enter),
    shown: s("Enter"),
    label: t(
        "确认答案（不会改动所选）；未作答时不提交",
        "confirm the answer (never changes it); nothing chosen, nothing submitted",
    ),
    hint: hint(s("Enter"), t("确认", "confirm"), 2),
};

const SKIP_NEXT: Binding = Binding {
    keys: &[Key::Code(KeyCode::Tab), Key::Ctrl('n')],
    shown: s("Tab Ctrl-N"),
    hint: hint(s("Tab"), t("下一题", "next"), 2),
    ..NEXT_Q
};

const SKIP_PREV: Binding = Binding {
    keys: &[Key::Code(KeyCode::BackTab), Key::Ctrl('p')],
    shown: s("Shift-Tab Ctrl-P"),
    hint: None,
    ..PREV_Q
};

const JUMP: Binding = Binding {
    keys: &[
        Key::Char('1'),
        Key::Char('2'),
        Key::Char('3'),
        Key::Char('4'),
        Key::Char('5'),
        Key::Char('6'),
        Key::Char('7'),
        Key::Char('8'),
        Key::Char('9'),
        Key::Char('0'),
    ],
    act: Act::Jump,
    shown: s("1-9 0"),
    label: t(
        "跳到第几题（0 为第 10 题）",
        "go to that question (0 is the 10th)",
    ),
    hint: hint(s("1-9"), t("跳题", "go to"), 3),
};

/// A practice choice or judge question.
pub(super) static QUIZ: Table = Table {
    bindings: &[
        CHOOSE,
        CURSOR_DOWN,
        CURSOR_UP,
        TOGGLE,
        SUBMIT_ANSWER,
        NEXT_Q,
        PREV_Q,
        HELP_KEY,
        BACK,
    ],
    marks: &[],
};

const TEXT_ANSWER: Binding = Binding {
    keys: &[Key::Printable],
    act: Act::Text,
    shown: t("文字", "text"),
    label: t("输入答案", "type the answer"),
    hint: hint(t("输入", "type"), t("答案", "answer"), 3),
};

const BACKSPACE: Binding = Binding {
    keys: &[Key::Code(KeyCode::Backspace)],
    act: send(&Msg::Backspace),
    shown: s("Backspace"),
    label: t("删除一个字", "delete a character"),
    hint: None,
};

const ESC_BACK: Binding = Binding {
    keys: &[Key::Code(KeyCode::Esc)],
    shown: s("Esc"),
    hint: hint(s("Esc"), t("返回", "back"), 1),
    ..BACK
};

/// A practice fill question: every character is text.
pub(super) static QUIZ_FILL: Table = Table {
    bindings: &[
        TEXT_ANSWER,
        BACKSPACE,
        SUBMIT_ANSWER,
        Binding {
            label: t("跳过，到下一题", "skip to the next question"),
            ..SKIP_NEXT
        },
        SKIP_PREV,
        ESC_BACK,
        Binding {
            keys: &[Key::Code(KeyCode::Down)],
            shown: s("↓"),
            hint: None,
            ..DOWN
        },
        Binding {
            keys: &[Key::Code(KeyCode::Up)],
            shown: s("↑"),
            hint: None,
            ..UP
        },
        Binding {
            keys: &[Key::Code(KeyCode::PageDown)],
            shown: s("PgDn"),
            hint: None,
            ..PAGE_DOWN
        },
        Binding {
            keys: &[Key::Code(KeyCode::PageUp)],
            shown: s("PgUp"),
            hint: None,
            ..PAGE_UP
        },
        Binding {
            keys: &[Key::Code(KeyCode::Home)],
            shown: s("Home"),
            hint: None,
            ..TOP
        },
        Binding {
            keys: &[Key::Code(KeyCode::End)],
            shown: s("End"),
            hint: None,
            ..BOTTOM
        },
    ],
    marks: &[],
};

/// The summary at the end of a practice sitting.
pub(super) static QUIZ_DONE: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Code(KeyCode::Enter)],
            act: send(&Msg::Back),
            shown: s("Enter"),
            label: t("结束练习", "end the practice"),
            hint: None,
        },
        HELP_KEY,
        BACK,
    ],
    marks: &[
        Mark {
            mark: "✓",
            meaning: t("答对", "right"),
        },
        Mark {
            mark: "✗",
            meaning: t("答错", "wrong"),
        },
        Mark {
            mark: "·",
            meaning: t("跳过", "skipped"),
        },
    ],
};

/// A practice question with its feedback shown.
pub(super) static QUIZ_FEEDBACK: Table = Table {
    bindings: &[
        NEXT_Q,
        PREV_Q,
        Binding {
            keys: &[Key::Char('r')],
            act: send(&Msg::Retry),
            shown: s("r"),
            label: t("重做这道题", "try the question again"),
            hint: hint(s("r"), t("重做", "retry"), 2),
        },
        Binding {
            hint: None,
            ..CURSOR_DOWN
        },
        Binding {
            hint: None,
            ..CURSOR_UP
        },
        Binding {
            hint: None,
            ..TOGGLE
        },
        Binding {
            label: t("下一题", "next question"),
            hint: None,
            ..SUBMIT_ANSWER
        },
        HELP_KEY,
        BACK,
    ],
    marks: &[
        Mark {
            mark: "✓",
            meaning: t("回答正确", "correct"),
        },
        Mark {
            mark: "✗",
            meaning: t("回答错误", "wrong"),
        },
    ],
};

const HAND_IN: Binding = Binding {
    keys: &[Key::Char('S'), Key::Ctrl('s')],
    act: send(&Msg::SubmitTest),
    shown: s("S Ctrl-S"),
    label: t("交卷（会先确认）", "hand the test in (asks first)"),
    hint: hint(s("S"), t("交卷", "hand in"), 2),
};

const TEST_BACK: Binding = Binding {
    label: t("返回（答案已保存）", "back (answers kept)"),
    ..BACK
};

/// A choice or judge question of the cycle test.
pub(super) static TEST: Table = Table {
    bindings: &[
        CHOOSE,
        CURSOR_DOWN,
        CURSOR_UP,
        TOGGLE,
        Binding {
            label: t(
                "确认并到下一题（不会改动答案，也不会交卷）",
                "confirm and go on (never changes an answer nor hands in)",
            ),
            hint: hint(s("Enter"), t("下一题", "next"), 2),
            ..SUBMIT_ANSWER
        },
        NEXT_Q,
        PREV_Q,
        JUMP,
        HAND_IN,
        HELP_KEY,
        TEST_BACK,
    ],
    marks: &[],
};

/// A fill question of the cycle test: every character is text.
pub(super) static TEST_FILL: Table = Table {
    bindings: &[
        TEXT_ANSWER,
        BACKSPACE,
        Binding {
            keys: &[
                Key::Code(KeyCode::Tab),
                Key::Ctrl('n'),
                Key::Code(KeyCode::Enter),
            ],
            shown: s("Tab Ctrl-N Enter"),
            hint: hint(s("Tab"), t("下一题", "next"), 2),
            ..NEXT_Q
        },
        SKIP_PREV,
        Binding {
            keys: &[Key::Ctrl('s')],
            shown: s("Ctrl-S"),
            hint: hint(s("Ctrl-S"), t("交卷", "hand in"), 2),
            ..HAND_IN
        },
        Binding {
            keys: &[Key::Code(KeyCode::Down)],
            shown: s("↓"),
            hint: None,
            ..DOWN
        },
        Binding {
            keys: &[Key::Code(KeyCode::Up)],
            shown: s("↑"),
            hint: None,
            ..UP
        },
        Binding {
            label: t("返回（答案已保存）", "back (answers kept)"),
            ..ESC_BACK
        },
    ],
    marks: &[],
};

/// The handed-in test with its score and the review of every question.
pub(super) static TEST_DONE: Table = Table {
    bindings: &[DOWN, UP, PAGE_DOWN, PAGE_UP, TOP, HELP_KEY, BACK],
    marks: &[
        Mark {
            mark: "✓",
            meaning: t("答对", "right"),
        },
        Mark {
            mark: "✗",
            meaning: t("答错", "wrong"),
        },
    ],
};

/// The editor of 心得, 月讲 and 调研: other keys edit the text.
pub(super) static EDITOR: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Code(KeyCode::Tab)],
            act: send(&Msg::NextField),
            shown: s("Tab"),
            label: t("下一栏", "next field"),
            hint: hint(s("Tab"), t("下一栏", "next field"), 2),
        },
        Binding {
            keys: &[Key::Ctrl('z')],
            act: send(&Msg::Undo),
            shown: s("Ctrl-Z"),
            label: t("撤销", "undo"),
            hint: hint(s("Ctrl-Z"), t("撤销", "undo"), 2),
        },
        Binding {
            keys: &[Key::Code(KeyCode::Esc), Key::Ctrl('q')],
            act: send(&Msg::Back),
            shown: s("Esc Ctrl-Q"),
            label: t("保存并返回", "save and go back"),
            hint: hint(s("Esc"), t("保存并返回", "save and back"), 1),
        },
        Binding {
            keys: &[Key::Any],
            act: Act::Edit,
            shown: t("其他键", "other keys"),
            label: t(
                "编辑文字（方向键移动，回车换行）",
                "edit the text (arrows move, Enter breaks the line)",
            ),
            hint: None,
        },
    ],
    marks: &[],
};

/// A yes/no dialog.
pub(super) static CONFIRM: Table = Table {
    bindings: &[
        Binding {
            // Only `y`: an Enter meant for a question must never hand the test in.
            keys: &[Key::Char('y'), Key::Char('Y')],
            act: send(&Msg::Confirm(true)),
            shown: s("y"),
            label: t("确认", "yes"),
            hint: hint(s("y"), t("确认", "yes"), 1),
        },
        Binding {
            keys: &[
                Key::Char('n'),
                Key::Char('N'),
                Key::Code(KeyCode::Esc),
                Key::Char('q'),
            ],
            act: send(&Msg::Confirm(false)),
            shown: s("n Esc"),
            label: t("取消", "no"),
            hint: hint(s("n"), t("取消", "no"), 1),
        },
    ],
    marks: &[],
};

/// The help overlay: any key closes it.
pub(super) static HELP: Table = Table {
    bindings: &[Binding {
        keys: &[Key::Any],
        act: send(&Msg::Help),
        shown: t("任意键", "any key"),
        label: t("关闭帮助", "close the help"),
        hint: None,
    }],
    marks: &[],
};
