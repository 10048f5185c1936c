//! The practice quiz after a unit or from 错题本.

use crate::app::msg::Msg;
use crate::app::{App, Effect, QuizView, Screen};
use crate::core::quiz;
use crate::core::review;

use super::answer::answer_key;

/// A sitting over every card due today, oldest first (错题本 `a`).
pub(super) fn start_review_all(app: &mut App) {
    let items: Vec<(String, String)> = app
        .due_reviews()
        .iter()
        .filter_map(|k| k.split_once('/'))
        .map(|(u, q)| (u.to_string(), q.to_string()))
        .collect();
    if items.is_empty() {
        app.notice = Some(app.s.nothing_due.to_string());
        return;
    }
    app.quiz = QuizView {
        results: vec![None; items.len()],
        first_pass: items.len(),
        items,
        from_review: true,
        ..QuizView::default()
    };
    app.screen = Screen::Quiz;
}

pub(super) fn start_practice(app: &mut App, id: &str) {
    let Some(u) = app.library.get(id) else { return };
    let items: Vec<(String, String)> = u
        .questions
        .iter()
        .map(|q| (u.meta.id.clone(), q.id.clone()))
        .collect();
    app.quiz = QuizView {
        results: vec![None; items.len()],
        items,
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

/// Move to item `index` of the sitting with a fresh answer, or to the summary when
/// past the last.
fn go_to(app: &mut App, index: usize) {
    let v = &mut app.quiz;
    if index >= v.items.len() {
        v.summary = true;
        v.feedback = None;
        return;
    }
    app.quiz = QuizView {
        index,
        items: std::mem::take(&mut v.items),
        results: std::mem::take(&mut v.results),
        from_review: v.from_review,
        first_pass: v.first_pass,
        ..QuizView::default()
    };
}

pub(super) fn quiz_screen(app: &mut App, msg: Msg) -> Vec<Effect> {
    if app.quiz.summary {
        if matches!(msg, Msg::Back | Msg::Enter) {
            leave_quiz(app);
        }
        return Vec::new();
    }
    let Some(q) = question(app, app.quiz.items.get(app.quiz.index)).cloned() else {
        if matches!(msg, Msg::Back) {
            leave_quiz(app);
        }
        return Vec::new();
    };
    let index = app.quiz.index;
    if app.quiz.feedback.is_some() {
        match msg {
            Msg::NextQuestion | Msg::Enter => go_to(app, index + 1),
            Msg::PrevQuestion if index > 0 => go_to(app, index - 1),
            Msg::Retry => {
                let v = &mut app.quiz;
                v.feedback = None;
                v.answer.given.clear();
            }
            Msg::Back => leave_quiz(app),
            _ => {}
        }
        return Vec::new();
    }
    let v = &mut app.quiz;
    match msg {
        Msg::Back => leave_quiz(app),
        // Skip and back: the question stays unanswered in this sitting.
        Msg::NextQuestion => go_to(app, index + 1),
        Msg::PrevQuestion if index > 0 => go_to(app, index - 1),
        // Enter submits what was chosen; it never picks the row under the cursor, and
        // with nothing chosen nothing is submitted.
        Msg::Enter => {
            if v.answer.is_empty() {
                app.notice = Some(app.s.need_answer.to_string());
                return Vec::new();
            }
            let right = quiz::is_correct(&q, v.answer.given.trim());
            v.feedback = Some(right);
            if v.results.len() < v.items.len() {
                v.results.resize(v.items.len(), None);
            }
            let first = v.results.get(index).is_some_and(Option::is_none);
            if let Some(r) = v.results.get_mut(index)
                && r.is_none()
            {
                *r = Some(right);
            }
            // Only the first answer in a sitting reaches the 错题本: a retry right after
            // seeing the answer is practice, not another lapse.
            if !first {
                return Vec::new();
            }
            // In a review-all sitting a missed card comes back once at the end (again);
            // that second showing is relearning, its card already rescheduled.
            if v.first_pass > 0 {
                if index >= v.first_pass {
                    return Vec::new();
                }
                if !right {
                    let item = v.items[index].clone();
                    v.items.push(item);
                    v.results.push(None);
                    app.notice = Some(app.s.again_later.to_string());
                }
            }
            let key = format!("{}/{}", v.items[index].0, v.items[index].1);
            let today = app.today();
            let existing = app.state.reviews.get(&key);
            if !right || existing.is_some() {
                let card = review::review(existing, right, today);
                app.state.reviews.insert(key, card);
                app.dirty = true;
                return vec![Effect::Save];
            }
        }
        m => {
            answer_key(&mut v.answer, &q, &m);
        }
    }
    Vec::new()
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
