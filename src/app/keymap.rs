//! Keys to messages, per screen. The defaults live here in code.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::Msg;
use super::{App, Screen};
use crate::core::unit::QuestionType;

/// The message a key press means on the current screen, if any.
#[must_use]
pub fn map(app: &App, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Msg::Quit);
    }
    // The screen is hidden by the too-small notice: a key would type into a text or
    // answer a dialog the member cannot see.
    if app.too_small() {
        return None;
    }
    if ctrl && matches!(key.code, KeyCode::Char('s' | 'S')) && app.screen == Screen::Test {
        return Some(Msg::SubmitTest);
    }
    if app.help {
        return Some(Msg::Help);
    }
    if app.confirm.is_some() {
        return match key.code {
            KeyCode::Char('y' | 'Y') | KeyCode::Enter => Some(Msg::Confirm(true)),
            KeyCode::Char('n' | 'N') | KeyCode::Esc | KeyCode::Char('q') => {
                Some(Msg::Confirm(false))
            }
            _ => None,
        };
    }
    match app.screen {
        Screen::Editor => editor(key, ctrl),
        Screen::Library if app.library_view.searching => text_input(key),
        Screen::Quiz if is_fill(app) && app.quiz.feedback.is_none() => {
            text_input(key).or_else(|| common(key))
        }
        Screen::Test if test_is_fill(app) => match key.code {
            KeyCode::Tab | KeyCode::Enter => Some(Msg::NextQuestion),
            KeyCode::BackTab => Some(Msg::PrevQuestion),
            KeyCode::Esc => Some(Msg::Back),
            _ => text_input(key),
        },
        Screen::Quiz | Screen::Test => question_keys(app, key),
        Screen::Reader => reader(key),
        Screen::Home | Screen::Library | Screen::Review => top(app, key),
    }
}

fn is_fill(app: &App) -> bool {
    current_type(app, app.quiz.items.get(app.quiz.index).cloned()) == Some(QuestionType::Fill)
}

fn test_is_fill(app: &App) -> bool {
    let item = app
        .state
        .cycles
        .get(&app.cycle)
        .and_then(|c| c.test.as_ref())
        .filter(|t| !t.submitted)
        .and_then(|t| t.answers.get(app.test.index))
        .map(|a| (a.unit.clone(), a.question.clone()));
    current_type(app, item) == Some(QuestionType::Fill)
}

fn current_type(app: &App, item: Option<(String, String)>) -> Option<QuestionType> {
    let (u, q) = item?;
    Some(app.library.get(&u)?.question(&q)?.qtype)
}

/// Keys shared by every non-text screen.
fn common(key: KeyEvent) -> Option<Msg> {
    Some(match key.code {
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('q') | KeyCode::Esc => Msg::Back,
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        KeyCode::PageUp | KeyCode::Char('b') => Msg::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Msg::PageDown,
        KeyCode::Home | KeyCode::Char('g') => Msg::Top,
        KeyCode::End | KeyCode::Char('G') => Msg::Bottom,
        _ => return None,
    })
}

fn top(app: &App, key: KeyEvent) -> Option<Msg> {
    let m = match key.code {
        KeyCode::Tab => Msg::NextTab,
        KeyCode::Char('1') => Msg::GoTab(0),
        KeyCode::Char('2') => Msg::GoTab(1),
        KeyCode::Char('3') => Msg::GoTab(2),
        KeyCode::Enter => Msg::Open,
        KeyCode::Char('/') if app.screen == Screen::Library => Msg::SearchStart,
        KeyCode::Char('o') if app.screen == Screen::Review => Msg::OpenPassage,
        KeyCode::Char('r') if app.screen == Screen::Home => Msg::Write(0),
        KeyCode::Char('k') if app.screen == Screen::Home => Msg::Write(1),
        KeyCode::Char('s') if app.screen == Screen::Home => Msg::Write(2),
        KeyCode::Char('x') if app.screen == Screen::Home => Msg::StartTest,
        _ => return common(key),
    };
    Some(m)
}

fn reader(key: KeyEvent) -> Option<Msg> {
    match key.code {
        KeyCode::Char('t') => Some(Msg::Practice),
        _ => common(key),
    }
}

fn question_keys(app: &App, key: KeyEvent) -> Option<Msg> {
    let feedback = app.screen == Screen::Quiz && app.quiz.feedback.is_some();
    Some(match key.code {
        KeyCode::Char(c @ ('a'..='z' | 'A'..='Z'))
            if !feedback && !matches!(c, 'n' | 'p' | 'q' | 'r' | 'S' | 'j' | 'k') =>
        {
            Msg::Letter(c.to_ascii_uppercase())
        }
        KeyCode::Char('n') | KeyCode::Right | KeyCode::Tab => Msg::NextQuestion,
        KeyCode::Char('p') | KeyCode::Left | KeyCode::BackTab => Msg::PrevQuestion,
        KeyCode::Char('r') if feedback => Msg::Retry,
        KeyCode::Char('S') if app.screen == Screen::Test => Msg::SubmitTest,
        KeyCode::Char(' ') => Msg::Toggle,
        KeyCode::Enter => Msg::Enter,
        KeyCode::Char('?') => Msg::Help,
        KeyCode::Char('q') | KeyCode::Esc => Msg::Back,
        KeyCode::Up | KeyCode::Char('k') => Msg::Up,
        KeyCode::Down | KeyCode::Char('j') => Msg::Down,
        _ => return None,
    })
}

fn text_input(key: KeyEvent) -> Option<Msg> {
    Some(match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => Msg::Char(c),
        KeyCode::Backspace => Msg::Backspace,
        KeyCode::Enter => Msg::Enter,
        KeyCode::Esc => Msg::Back,
        KeyCode::Up => Msg::Up,
        KeyCode::Down => Msg::Down,
        _ => return None,
    })
}

fn editor(key: KeyEvent, ctrl: bool) -> Option<Msg> {
    match key.code {
        KeyCode::Esc => Some(Msg::Back),
        KeyCode::Tab => Some(Msg::NextField),
        KeyCode::Char('z' | 'Z') if ctrl => Some(Msg::Undo),
        _ if ctrl && key.code == KeyCode::Char('q') => Some(Msg::Back),
        _ => Some(Msg::Editor(key.into())),
    }
}
