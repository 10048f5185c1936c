//! Keys to messages, per screen, from one table per screen (the private `tables` module). The same
//! table gives the keymap ([`map`]), the footer hints ([`footer`]) and the `?` help
//! ([`help`]), so the three cannot disagree. The defaults live here in code.
//!
//! To add a key: add a [`Binding`] to the screen's table under `tables/` — the key(s),
//! the [`Act`], how the key is written, its label in both languages and its footer
//! priority. The `no_key_means_two_things` test fails if the key is already taken on
//! that screen; the footer tests fail if back/quit or help would no longer fit.

mod tables;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::Msg;
use super::{App, Screen};
use crate::core::config::Lang;
use crate::core::unit::QuestionType;
use crate::strings::Text;

/// A key a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// This character, typed without Ctrl (Shift is part of the character).
    Char(char),
    /// A key that is not a character: `Enter`, `Esc`, `Tab`, arrows, ...
    Code(KeyCode),
    /// Ctrl with this letter (either case).
    Ctrl(char),
    /// Any ASCII letter that no other binding of the screen takes.
    Letter,
    /// Any character typed without Ctrl that no other binding of the screen takes.
    Printable,
    /// Any key that no other binding of the screen takes.
    Any,
}

/// What a binding does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Act {
    /// Send this message.
    Send(&'static Msg),
    /// Send [`Msg::Letter`] with the letter typed, upper-cased.
    Letter,
    /// Send [`Msg::Char`] with the character typed.
    Text,
    /// Send the key to the multi-line editor ([`Msg::Editor`]).
    Edit,
    /// Send [`Msg::GoQuestion`] for the digit typed (`1` the first, `0` the tenth).
    Jump,
}

/// One row of a screen's key table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Binding {
    /// The keys that do it.
    pub keys: &'static [Key],
    /// What they do.
    pub act: Act,
    /// How the keys are written in the help.
    pub shown: Text,
    /// What they do, in the help's words.
    pub label: Text,
    /// How the binding appears in the footer; `None` for help only.
    pub hint: Option<Hint>,
}

/// A binding's entry in the footer. Adjacent entries with the same words are shown
/// as one (`j/k 移动`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    /// The key as written in the footer.
    pub key: Text,
    /// What it does, briefly.
    pub words: Text,
    /// 1 is kept longest; higher numbers are dropped first when the footer is narrow.
    pub priority: u8,
}

/// A mark a screen draws, with its meaning, for the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The mark as drawn.
    pub mark: &'static str,
    /// What it means.
    pub meaning: Text,
}

/// The keys of one screen (or one state of it, such as a fill answer being typed).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The screen's own keys, first in its help and its footer.
    pub bindings: &'static [Binding],
    /// Lists of keys several screens share (moving through a list, the tabs, help and
    /// back), after the screen's own.
    pub shared: &'static [&'static [Binding]],
    /// The marks the screen draws.
    pub marks: &'static [Mark],
}

/// Which key table is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// 本月.
    Home,
    /// 学习库, moving through the list.
    Library,
    /// 学习库, typing a search.
    Search,
    /// 错题本.
    Review,
    /// The reader.
    Reader,
    /// A practice choice or judge question, not yet answered.
    Quiz,
    /// A practice fill question, not yet answered: keys are text.
    QuizFill,
    /// A practice question answered, its feedback shown.
    QuizFeedback,
    /// The summary at the end of a practice sitting.
    QuizDone,
    /// A choice or judge question of the cycle test.
    Test,
    /// A fill question of the cycle test: keys are text.
    TestFill,
    /// The handed-in test with its score.
    TestDone,
    /// The editor of 心得, 月讲 or 调研.
    Editor,
    /// The reader while a find or a note is typed: every character is text.
    ReaderInput,
    /// The reader with the unit's metadata shown: any key closes it.
    ReaderInfo,
    /// The list of bookmarks and notes.
    Marks,
    /// A yes/no dialog.
    Confirm,
    /// The help overlay: any key closes it.
    Help,
    /// The profile picker's list.
    Picker,
    /// The profile picker, typing a search.
    PickerSearch,
    /// The new-profile form (and the first-run prompt).
    ProfileForm,
    /// Typing a display name.
    NameInput,
    /// 往期, the list of past cycles.
    History,
    /// One past cycle's evidence.
    HistoryCycle,
}

impl Mode {
    /// Every mode, for tests and documentation.
    pub const ALL: [Mode; 24] = [
        Mode::Home,
        Mode::Library,
        Mode::Search,
        Mode::Review,
        Mode::Reader,
        Mode::Quiz,
        Mode::QuizFill,
        Mode::QuizFeedback,
        Mode::QuizDone,
        Mode::Test,
        Mode::TestFill,
        Mode::TestDone,
        Mode::Editor,
        Mode::ReaderInput,
        Mode::ReaderInfo,
        Mode::Marks,
        Mode::Confirm,
        Mode::Help,
        Mode::Picker,
        Mode::PickerSearch,
        Mode::ProfileForm,
        Mode::NameInput,
        Mode::History,
        Mode::HistoryCycle,
    ];

    /// The key table of this mode.
    #[must_use]
    pub fn table(self) -> &'static Table {
        match self {
            Mode::Home => &tables::HOME,
            Mode::Library => &tables::LIBRARY,
            Mode::Search => &tables::SEARCH,
            Mode::Review => &tables::REVIEW,
            Mode::Reader => &tables::READER,
            Mode::Quiz => &tables::QUIZ,
            Mode::QuizFill => &tables::QUIZ_FILL,
            Mode::QuizFeedback => &tables::QUIZ_FEEDBACK,
            Mode::QuizDone => &tables::QUIZ_DONE,
            Mode::Test => &tables::TEST,
            Mode::TestFill => &tables::TEST_FILL,
            Mode::TestDone => &tables::TEST_DONE,
            Mode::Editor => &tables::EDITOR,
            Mode::ReaderInput => &tables::READER_INPUT,
            Mode::ReaderInfo => &tables::READER_INFO,
            Mode::Marks => &tables::MARKS,
            Mode::Confirm => &tables::CONFIRM,
            Mode::Help => &tables::HELP,
            Mode::Picker => &tables::PICKER,
            Mode::PickerSearch => &tables::PICKER_SEARCH,
            Mode::ProfileForm => &tables::PROFILE_FORM,
            Mode::NameInput => &tables::NAME_INPUT,
            Mode::History => &tables::HISTORY,
            Mode::HistoryCycle => &tables::HISTORY_CYCLE,
        }
    }

    /// The bindings in force: the mode's own, the shared lists it names, then those
    /// every screen has.
    pub fn bindings(self) -> impl Iterator<Item = &'static Binding> {
        let table = self.table();
        table
            .bindings
            .iter()
            .chain(table.shared.iter().flat_map(|list| list.iter()))
            .chain(tables::GLOBAL.iter())
    }
}

/// The mode of the screen itself, ignoring the help overlay and dialogs: what the
/// footer shows and what `?` explains.
#[must_use]
pub fn screen_mode(app: &App) -> Mode {
    match app.screen {
        Screen::Home if app.rename.is_some() => Mode::NameInput,
        Screen::Home => Mode::Home,
        Screen::History if app.history.open.is_some() => Mode::HistoryCycle,
        Screen::History => Mode::History,
        Screen::Library if app.library_view.searching => Mode::Search,
        Screen::Library => Mode::Library,
        Screen::Review => Mode::Review,
        Screen::Reader if app.reader.as_ref().is_some_and(|r| r.input.is_some()) => {
            Mode::ReaderInput
        }
        Screen::Reader if app.reader.as_ref().is_some_and(|r| r.info) => Mode::ReaderInfo,
        Screen::Reader => Mode::Reader,
        Screen::Marks => Mode::Marks,
        Screen::Editor => Mode::Editor,
        Screen::Quiz if app.quiz.summary => Mode::QuizDone,
        Screen::Quiz if app.quiz.feedback.is_some() => Mode::QuizFeedback,
        Screen::Quiz if is_fill(app) => Mode::QuizFill,
        Screen::Quiz => Mode::Quiz,
        Screen::Test if test_submitted(app) => Mode::TestDone,
        Screen::Test if test_is_fill(app) => Mode::TestFill,
        Screen::Test => Mode::Test,
    }
}

/// The mode keys are read in: the help overlay or a dialog when one is open, else the
/// screen's own.
#[must_use]
pub fn mode(app: &App) -> Mode {
    if app.help {
        Mode::Help
    } else if app.confirm.is_some() {
        Mode::Confirm
    } else {
        screen_mode(app)
    }
}

/// The message a key press means on the current screen, if any.
#[must_use]
pub fn map(app: &App, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    // The screen is hidden by the too-small notice: a key would type into a text or
    // answer a dialog the member cannot see. Only Ctrl-C (quit, saving) still acts.
    if app.too_small() {
        let ctrl_c = key.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(key.code, KeyCode::Char('c' | 'C'));
        return ctrl_c.then_some(Msg::Quit);
    }
    lookup(mode(app), key)
}

/// The message `key` means in `mode`: a binding naming the key itself wins over a
/// class of keys (any letter, any character, any key).
#[must_use]
pub fn lookup(mode: Mode, key: KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let exact = |k: &Key| match (*k, key.code) {
        (Key::Char(c), KeyCode::Char(t)) => !ctrl && c == t,
        (Key::Ctrl(c), KeyCode::Char(t)) => ctrl && c.eq_ignore_ascii_case(&t),
        (Key::Code(c), code) => c == code,
        _ => false,
    };
    let class = |k: &Key| match (*k, key.code) {
        (Key::Letter, KeyCode::Char(t)) => !ctrl && t.is_ascii_alphabetic(),
        (Key::Printable, KeyCode::Char(_)) => !ctrl,
        (Key::Any, _) => true,
        _ => false,
    };
    let b = mode
        .bindings()
        .find(|b| b.keys.iter().any(exact))
        .or_else(|| mode.bindings().find(|b| b.keys.iter().any(class)))?;
    Some(match &b.act {
        Act::Send(m) => (*m).clone(),
        Act::Letter => match key.code {
            KeyCode::Char(c) => Msg::Letter(c.to_ascii_uppercase()),
            _ => return None,
        },
        Act::Text => match key.code {
            KeyCode::Char(c) => Msg::Char(c),
            _ => return None,
        },
        Act::Edit => Msg::Editor(key.into()),
        Act::Jump => match key.code {
            KeyCode::Char('0') => Msg::GoQuestion(9),
            KeyCode::Char(c @ '1'..='9') => Msg::GoQuestion(c as usize - '1' as usize),
            _ => return None,
        },
    })
}

/// The footer hint of `mode` in at most `width` columns: the bindings' hints in table
/// order, dropping the highest priority numbers first until it fits. Priority 1 is
/// never dropped (the caller cuts what still does not fit).
#[must_use]
pub fn footer(mode: Mode, lang: Lang, width: usize) -> String {
    // (priority, keys, words), adjacent hints with the same words merged.
    let mut items: Vec<(u8, String, &str)> = Vec::new();
    for h in mode.bindings().filter_map(|b| b.hint) {
        let words = h.words.get(lang);
        match items.last_mut() {
            Some((p, keys, w)) if *w == words && *p == h.priority => {
                keys.push('/');
                keys.push_str(h.key.get(lang));
            }
            _ => items.push((h.priority, h.key.get(lang).to_string(), words)),
        }
    }
    let mut keep = items.iter().map(|(p, ..)| *p).max().unwrap_or(1);
    loop {
        let text = items
            .iter()
            .filter(|(p, ..)| *p <= keep)
            .map(|(_, k, w)| format!("{k} {w}"))
            .collect::<Vec<_>>()
            .join("  ");
        if keep <= 1 || unicode_width::UnicodeWidthStr::width(text.as_str()) <= width {
            return text;
        }
        keep -= 1;
    }
}

/// Rows of the help: (keys or mark, meaning).
pub type HelpRows = Vec<(&'static str, &'static str)>;

/// The help of `mode`: every binding as (keys, meaning), then the marks the screen
/// draws as (mark, meaning).
#[must_use]
pub fn help(mode: Mode, lang: Lang) -> (HelpRows, HelpRows) {
    let keys = mode
        .bindings()
        .map(|b| (b.shown.get(lang), b.label.get(lang)))
        .collect();
    let marks = mode
        .table()
        .marks
        .iter()
        .map(|m| (m.mark, m.meaning.get(lang)))
        .collect();
    (keys, marks)
}

fn is_fill(app: &App) -> bool {
    current_type(app, app.quiz.items.get(app.quiz.index).cloned()) == Some(QuestionType::Fill)
}

fn test_submitted(app: &App) -> bool {
    app.test_record().is_some_and(|t| t.submitted)
}

fn test_is_fill(app: &App) -> bool {
    let item = app
        .test_record()
        .filter(|t| !t.submitted)
        .and_then(|t| t.answers.get(app.test.index))
        .map(|a| (a.unit.clone(), a.question.clone()));
    current_type(app, item) == Some(QuestionType::Fill)
}

fn current_type(app: &App, item: Option<(String, String)>) -> Option<QuestionType> {
    let (u, q) = item?;
    Some(app.library.get(&u)?.question(&q)?.qtype)
}

#[cfg(test)]
mod tests;
