//! The keys of the practice quiz, the cycle test, the editor, dialogs and the help.

use crossterm::event::KeyCode;

use super::{
    ARROW_LINES, ARROW_PAGES, BACK, BACKSPACE, DOWN, ESC_BACK, HELP_BACK, HELP_KEY, PAGE_DOWN,
    PAGE_UP, SPACE, TEXT_ANSWER, TOP, UP, hint, s, send, t,
};
use crate::app::keymap::{Act, Binding, Key, Mark, Table};
use crate::app::msg::Msg;

const CHOOSE: Binding = Binding {
    keys: &[Key::Letter],
    act: Act::Letter,
    shown: t("字母", "letter"),
    label: t(
        "选择该选项（多选题为勾选/取消）",
        "pick that choice (multiple: toggle it)",
    ),
    hint: hint(t("字母/↑↓", "letter/↑↓"), t("选择", "choose"), 2),
};

const CURSOR_DOWN: Binding = Binding {
    shown: s("j ↓"),
    label: t("光标下移", "cursor down"),
    hint: None,
    ..DOWN
};

const CURSOR_UP: Binding = Binding {
    shown: s("k ↑"),
    label: t("光标上移", "cursor up"),
    hint: None,
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
pub(crate) static QUIZ: Table = Table {
    bindings: &[
        CHOOSE,
        CURSOR_DOWN,
        CURSOR_UP,
        TOGGLE,
        SUBMIT_ANSWER,
        NEXT_Q,
        PREV_Q,
    ],
    shared: &[HELP_BACK],
    marks: &[],
};

/// A practice fill question: every character is text.
pub(crate) static QUIZ_FILL: Table = Table {
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
    ],
    shared: &[ARROW_LINES, ARROW_PAGES],
    marks: &[],
};

/// The summary at the end of a practice sitting.
pub(crate) static QUIZ_DONE: Table = Table {
    bindings: &[Binding {
        keys: &[Key::Code(KeyCode::Enter)],
        act: send(&Msg::Back),
        shown: s("Enter"),
        label: t("结束练习", "end the practice"),
        hint: None,
    }],
    shared: &[HELP_BACK],
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
pub(crate) static QUIZ_FEEDBACK: Table = Table {
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
    ],
    shared: &[HELP_BACK],
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
pub(crate) static TEST: Table = Table {
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
    shared: &[],
    marks: &[],
};

/// A fill question of the cycle test: every character is text.
pub(crate) static TEST_FILL: Table = Table {
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
    ],
    shared: &[
        ARROW_LINES,
        &[Binding {
            label: t("返回（答案已保存）", "back (answers kept)"),
            ..ESC_BACK
        }],
    ],
    marks: &[],
};

/// The handed-in test with its score and the review of every question.
pub(crate) static TEST_DONE: Table = Table {
    bindings: &[DOWN, UP, PAGE_DOWN, PAGE_UP, TOP, HELP_KEY, BACK],
    shared: &[],
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
pub(crate) static EDITOR: Table = Table {
    bindings: &[
        Binding {
            keys: &[Key::Code(KeyCode::Tab)],
            act: send(&Msg::NextField),
            shown: s("Tab"),
            label: t("下一栏", "next field"),
            hint: hint(s("Tab"), t("下一栏", "next field"), 2),
        },
        Binding {
            keys: &[Key::Ctrl('t')],
            act: send(&Msg::Today),
            shown: s("Ctrl-T"),
            label: t(
                "日期栏填入今天（月讲）",
                "put today into the date field (talk)",
            ),
            // Shown beside the date field itself, not in every editor's footer.
            hint: None,
        },
        Binding {
            keys: &[Key::Ctrl('z')],
            act: send(&Msg::Undo),
            shown: s("Ctrl-Z"),
            label: t("撤销", "undo"),
            hint: hint(s("Ctrl-Z"), t("撤销", "undo"), 2),
        },
        Binding {
            keys: &[Key::Ctrl('r')],
            act: send(&Msg::SwapSetAside),
            shown: s("Ctrl-R"),
            label: t(
                "换用另一会话搁置的版本（再按换回）",
                "use the version set aside by another session (again: back)",
            ),
            hint: None,
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
    shared: &[],
    marks: &[],
};

/// A yes/no dialog.
pub(crate) static CONFIRM: Table = Table {
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
    shared: &[],
    marks: &[],
};

/// The help overlay: any key closes it.
pub(crate) static HELP: Table = Table {
    bindings: &[Binding {
        keys: &[Key::Any],
        act: send(&Msg::Help),
        shown: t("任意键", "any key"),
        label: t("关闭帮助", "close the help"),
        hint: None,
    }],
    shared: &[],
    marks: &[],
};
