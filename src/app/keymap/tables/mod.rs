//! The key table of every screen: key, action, label in 中文 and English, footer hint.
//! Bindings shared by several screens are named constants here; each table (the lists
//! and the reader in `screens`, the quiz, test, editor and dialogs in `questions`)
//! lists the ones that screen has, so a screen's help is exactly its keys.

mod history;
mod profiles;
mod questions;
mod screens;

pub(super) use history::{HISTORY, HISTORY_CYCLE};
pub(super) use profiles::{NAME_INPUT, PICKER, PICKER_SEARCH, PROFILE_FORM};
pub(super) use questions::{
    CONFIRM, EDITOR, HELP, QUIZ, QUIZ_DONE, QUIZ_FEEDBACK, QUIZ_FILL, TEST, TEST_DONE, TEST_FILL,
};
pub(super) use screens::{HOME, LIBRARY, MARKS, READER, READER_INFO, READER_INPUT, REVIEW, SEARCH};

use crossterm::event::KeyCode;

use super::{Act, Binding, Hint, Key};
use crate::app::Tab;
use crate::app::msg::Msg;
use crate::strings::Text;

const fn t(zh: &'static str, en: &'static str) -> Text {
    Text::new(zh, en)
}

const fn s(both: &'static str) -> Text {
    Text::same(both)
}

// Rows fill an `Option<Hint>` field; a row without a hint writes `None` there.
#[allow(clippy::unnecessary_wraps)]
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
    act: send(&Msg::GoTab(Tab::Home)),
    shown: s("1"),
    label: t("本月", "this cycle"),
    hint: None,
};

const TAB_2: Binding = Binding {
    keys: &[Key::Char('2')],
    act: send(&Msg::GoTab(Tab::Library)),
    shown: s("2"),
    label: t("学习库", "library"),
    hint: None,
};

const TAB_3: Binding = Binding {
    keys: &[Key::Char('3')],
    act: send(&Msg::GoTab(Tab::Review)),
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

/// Moving through a list or a long text: by line, by page, to either end.
const LIST: &[Binding] = &[DOWN, UP, PAGE_DOWN, PAGE_UP, TOP, BOTTOM];

/// Where letters are typed, the arrows still move: a line.
const ARROW_LINES: &[Binding] = &[
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
];

/// Where letters are typed, the page keys still move: a page, either end.
const ARROW_PAGES: &[Binding] = &[
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
];

/// The three top-level screens.
const TABS: &[Binding] = &[NEXT_TAB, TAB_1, TAB_2, TAB_3];

/// Help and back, last on a screen reached from another.
const HELP_BACK: &[Binding] = &[HELP_KEY, BACK];

/// Help and quit, last on a top-level screen.
const HELP_QUIT: &[Binding] = &[HELP_KEY, QUIT];

/// Typing text: any character.
const fn typed(label: Text) -> Binding {
    Binding {
        keys: &[Key::Printable],
        act: Act::Text,
        shown: t("文字", "text"),
        label,
        hint: None,
    }
}

/// Enter ends typing and keeps it.
const fn enter_done(label: Text, words: Text) -> Binding {
    Binding {
        keys: &[Key::Code(KeyCode::Enter)],
        act: send(&Msg::Enter),
        shown: s("Enter"),
        label,
        hint: hint(s("Enter"), words, 1),
    }
}

/// Esc ends typing and drops it.
const fn esc_cancel(label: Text, words: Text) -> Binding {
    Binding {
        keys: &[Key::Code(KeyCode::Esc)],
        act: send(&Msg::Back),
        shown: s("Esc"),
        label,
        hint: hint(s("Esc"), words, 1),
    }
}

const ESC_BACK: Binding = Binding {
    keys: &[Key::Code(KeyCode::Esc)],
    shown: s("Esc"),
    hint: hint(s("Esc"), t("返回", "back"), 1),
    ..BACK
};
