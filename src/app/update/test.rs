//! The cycle test: starting it, answering, handing it in.

use super::quiz::question;
use crate::app::msg::Msg;
use crate::app::queries::draw_now;
use crate::app::{App, Confirm, Effect, Screen, TestView};
use crate::core::state::{GivenAnswer, TestRecord};
use crate::core::unit::QuestionType;

pub(super) fn start_test(app: &mut App) {
    let existing = app
        .state
        .cycles
        .get(&app.cycle)
        .and_then(|c| c.test.as_ref());
    if existing.is_some() {
        app.test = TestView::default();
        app.screen = Screen::Test;
        return;
    }
    if draw_now(app).is_empty() {
        app.notice = Some(app.s.test_empty.to_string());
        return;
    }
    app.confirm = Some(Confirm::StartTest);
}

pub(super) fn confirmed(app: &mut App, c: Confirm) -> Vec<Effect> {
    match c {
        Confirm::StartTest => {
            let Some(taken) = app.now_datetime() else {
                return Vec::new();
            };
            let drawn = draw_now(app);
            let record = TestRecord {
                taken,
                answers: drawn
                    .into_iter()
                    .map(|(unit, question)| GivenAnswer {
                        unit,
                        question,
                        given: String::new(),
                    })
                    .collect(),
                submitted: false,
            };
            app.state.cycles.entry(app.cycle.clone()).or_default().test = Some(record);
            app.test = TestView::default();
            app.screen = Screen::Test;
            app.dirty = true;
            vec![Effect::Save]
        }
        Confirm::SubmitTest => {
            if let Some(t) = app
                .state
                .cycles
                .get_mut(&app.cycle)
                .and_then(|c| c.test.as_mut())
            {
                t.submitted = true;
                app.dirty = true;
            }
            vec![Effect::Save]
        }
    }
}

pub(super) fn test_screen(app: &mut App, msg: Msg) -> Vec<Effect> {
    let cycle = app.cycle.clone();
    let Some(t) = app.state.cycles.get(&cycle).and_then(|c| c.test.as_ref()) else {
        app.screen = app.home_screen;
        return Vec::new();
    };
    let total = t.answers.len();
    let submitted = t.submitted;
    let item = t
        .answers
        .get(app.test.index)
        .map(|a| (a.unit.clone(), a.question.clone()));
    let q = question(app, item.as_ref()).cloned();
    match msg {
        Msg::Back => {
            app.screen = app.home_screen;
            return vec![Effect::Save];
        }
        Msg::NextQuestion if app.test.index + 1 < total => {
            app.test = TestView {
                index: app.test.index + 1,
                cursor: 0,
            };
        }
        Msg::PrevQuestion if app.test.index > 0 => {
            app.test = TestView {
                index: app.test.index - 1,
                cursor: 0,
            };
        }
        // Moving past the last question, or S, asks to hand the test in.
        Msg::SubmitTest | Msg::NextQuestion if !submitted => {
            app.confirm = Some(Confirm::SubmitTest);
        }
        m if !submitted => {
            if let Some(q) = q {
                answer_test(app, &q, m);
            }
        }
        _ => {}
    }
    Vec::new()
}

pub(super) fn answer_test(app: &mut App, q: &crate::core::unit::Question, msg: Msg) {
    let n = q.choices.len().max(2);
    let index = app.test.index;
    let cursor = &mut app.test.cursor;
    let Some(a) = app
        .state
        .cycles
        .get_mut(&app.cycle)
        .and_then(|c| c.test.as_mut())
        .and_then(|t| t.answers.get_mut(index))
    else {
        return;
    };
    let before = a.given.clone();
    let letter = |i: usize| char::from_u32('A' as u32 + u32::try_from(i).unwrap_or(0));
    let pick = |given: &mut String, c: char| match q.qtype {
        QuestionType::Single => *given = c.to_string(),
        QuestionType::Judge => {
            *given = if c == 'A' { "true" } else { "false" }.to_string();
        }
        QuestionType::Multiple => {
            let mut set: Vec<char> = given.chars().collect();
            if let Some(p) = set.iter().position(|x| *x == c) {
                set.remove(p);
            } else {
                set.push(c);
            }
            set.sort_unstable();
            *given = set.into_iter().collect();
        }
        QuestionType::Fill => {}
    };
    match msg {
        Msg::Up => *cursor = cursor.saturating_sub(1),
        Msg::Down => *cursor = (*cursor + 1).min(n - 1),
        Msg::Letter(c) if q.qtype != QuestionType::Fill => {
            let idx = (c as usize).wrapping_sub('A' as usize);
            if idx < n {
                *cursor = idx;
                pick(&mut a.given, c);
            }
        }
        Msg::Toggle | Msg::Enter if q.qtype != QuestionType::Fill => {
            if let Some(c) = letter(*cursor) {
                pick(&mut a.given, c);
            }
        }
        Msg::Char(c) if q.qtype == QuestionType::Fill => a.given.push(c),
        Msg::Paste(s) if q.qtype == QuestionType::Fill => a.given.push_str(s.trim()),
        Msg::Backspace if q.qtype == QuestionType::Fill => {
            a.given.pop();
        }
        _ => {}
    }
    if a.given != before {
        app.dirty = true;
    }
}
