//! The practice quiz after a unit or from 错题本.

use crate::app::msg::Msg;
use crate::app::{App, Effect, QuizView, Screen};
use crate::core::quiz;
use crate::core::review;
use crate::core::unit::QuestionType;

pub(super) fn start_practice(app: &mut App, id: &str) {
    let Some(u) = app.library.get(id) else { return };
    app.quiz = QuizView {
        items: u
            .questions
            .iter()
            .map(|q| (u.id.clone(), q.id.clone()))
            .collect(),
        ..QuizView::default()
    };
    app.screen = Screen::Quiz;
}

/// The question a quiz or test item names.
pub(super) fn question<'a>(
    app: &'a App,
    item: Option<&(String, String)>,
) -> Option<&'a crate::core::unit::Question> {
    let (u, q) = item?;
    app.library.get(u)?.question(q)
}

pub(super) fn quiz_screen(app: &mut App, msg: Msg) -> Vec<Effect> {
    let Some(q) = question(app, app.quiz.items.get(app.quiz.index)).cloned() else {
        if matches!(msg, Msg::Back) {
            leave_quiz(app);
        }
        return Vec::new();
    };
    let n = q.choices.len().max(2);
    let v = &mut app.quiz;
    if v.feedback.is_some() {
        match msg {
            Msg::NextQuestion | Msg::Enter => {
                if v.index + 1 < v.items.len() {
                    app.quiz = QuizView {
                        index: v.index + 1,
                        items: std::mem::take(&mut v.items),
                        from_review: v.from_review,
                        ..QuizView::default()
                    };
                } else {
                    leave_quiz(app);
                }
            }
            Msg::Retry => {
                v.feedback = None;
                v.chosen.clear();
                v.input.clear();
            }
            Msg::Back => leave_quiz(app),
            _ => {}
        }
        return Vec::new();
    }
    match msg {
        Msg::Back => leave_quiz(app),
        Msg::Up => v.cursor = v.cursor.saturating_sub(1),
        Msg::Down => v.cursor = (v.cursor + 1).min(n - 1),
        Msg::Letter(c) if q.qtype != QuestionType::Fill => {
            let idx = (c as usize).wrapping_sub('A' as usize);
            if idx < n {
                v.cursor = idx;
                choose(v, q.qtype, c);
            }
        }
        Msg::Toggle if q.qtype == QuestionType::Multiple => {
            if let Some(c) = char::from_u32('A' as u32 + u32::try_from(v.cursor).unwrap_or(0)) {
                choose(v, q.qtype, c);
            }
        }
        Msg::Char(c) if q.qtype == QuestionType::Fill => v.input.push(c),
        Msg::Paste(s) if q.qtype == QuestionType::Fill => v.input.push_str(s.trim()),
        Msg::Backspace if q.qtype == QuestionType::Fill => {
            v.input.pop();
        }
        Msg::Enter => {
            if q.qtype != QuestionType::Fill
                && v.chosen.is_empty()
                && let Some(c) = char::from_u32('A' as u32 + u32::try_from(v.cursor).unwrap_or(0))
            {
                choose(v, q.qtype, c);
            }
            let given = given_text(q.qtype, &v.chosen, &v.input);
            if given.is_empty() {
                return Vec::new();
            }
            let right = quiz::is_correct(&q, &given);
            v.feedback = Some(right);
            let key = format!("{}/{}", v.items[v.index].0, v.items[v.index].1);
            let today = app.today();
            let existing = app.state.reviews.get(&key);
            if !right || existing.is_some() {
                let card = review::review(existing, right, today);
                app.state.reviews.insert(key, card);
                app.dirty = true;
                return vec![Effect::Save];
            }
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn choose(v: &mut QuizView, qtype: QuestionType, c: char) {
    if qtype == QuestionType::Multiple {
        if let Some(pos) = v.chosen.iter().position(|x| *x == c) {
            v.chosen.remove(pos);
        } else {
            v.chosen.push(c);
            v.chosen.sort_unstable();
        }
    } else {
        v.chosen = vec![c];
    }
}

/// The answer in the completion file's words.
pub(super) fn given_text(qtype: QuestionType, chosen: &[char], input: &str) -> String {
    match qtype {
        QuestionType::Single | QuestionType::Multiple => chosen.iter().collect(),
        QuestionType::Judge => match chosen.first() {
            Some('A') => "true".into(),
            Some('B') => "false".into(),
            _ => String::new(),
        },
        QuestionType::Fill => input.trim().to_string(),
    }
}

pub(super) fn leave_quiz(app: &mut App) {
    app.screen = if app.quiz.from_review {
        Screen::Review
    } else if app.reader.is_some() {
        Screen::Reader
    } else {
        app.home_screen
    };
}
