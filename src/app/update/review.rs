//! 错题本: the questions due for review.

use super::move_sel;
use super::reader::open_passage;
use crate::app::msg::Msg;
use crate::app::{App, Effect, QuizView, Screen};
use crate::core::unit::Answer;

pub(super) fn review_list(app: &mut App, msg: Msg) -> Vec<Effect> {
    let due: Vec<String> = app.review_list().into_iter().map(|(k, _)| k).collect();
    match msg {
        Msg::FilterMastered => {
            app.review.filter = app.review.filter.next();
            app.review.selected = 0;
        }
        Msg::Open => {
            if let Some(key) = due.get(app.review.selected)
                && let Some((u, q)) = key.split_once('/')
            {
                app.quiz = QuizView {
                    items: vec![(u.to_string(), q.to_string())],
                    from_review: true,
                    ..QuizView::default()
                };
                app.screen = Screen::Quiz;
            }
        }
        Msg::ReviewAll => super::quiz::start_review_all(app),
        Msg::OpenPassage => {
            if let Some((u, q)) = due.get(app.review.selected).and_then(|k| k.split_once('/')) {
                let at = app
                    .library
                    .get(u)
                    .and_then(|unit| unit.question(q).map(|q| passage_offset(&unit.body, q)));
                let u = u.to_string();
                app.home_screen = Screen::Review;
                open_passage(app, &u, at.flatten());
            }
        }
        m => move_sel(&mut app.review.selected, due.len(), &m, 10),
    }
    Vec::new()
}

/// Where in the body a question's passage is: the longest text quoted in its
/// explanation (“…”), or a fill answer, found in the body.
#[must_use]
pub fn passage_offset(body: &str, q: &crate::core::unit::Question) -> Option<usize> {
    let mut candidates: Vec<&str> = q
        .explain
        .split(['“', '”', '「', '」'])
        .skip(1)
        .step_by(2)
        .filter(|s| s.chars().count() >= 2)
        .collect();
    if let Answer::Fill(forms) = &q.answer {
        candidates.extend(forms.iter().map(String::as_str));
    }
    candidates.sort_by_key(|s| std::cmp::Reverse(s.len()));
    candidates.into_iter().find_map(|c| body.find(c))
}
