//! The cycle test: starting it, answering, handing it in, and its review.
//!
//! The test on screen belongs to the cycle it began in (`TestView::cycle`), so a test
//! open across midnight at a cycle's end is still answered and handed in as the old
//! cycle's, with the old cycle's draw.

use super::answer::answer_key;
use super::quiz::question;
use crate::app::msg::Msg;
use crate::app::queries::{draw_now, plan_units};
use crate::app::{App, Confirm, Effect, Screen, TestView};
use crate::core::quiz;
use crate::core::quiz::Selection;
use crate::core::regime::Cycle;
use crate::core::review;
use crate::core::state::{GivenAnswer, TestRecord};

/// Index of the first unanswered question, or 0 when all are answered.
fn first_unanswered(t: &TestRecord) -> usize {
    t.answers
        .iter()
        .position(|a| a.given.trim().is_empty())
        .unwrap_or(0)
}

/// Open the test: the one begun (drawn again first if questions left the content,
/// which is saved at once), or the dialog that begins it.
pub(super) fn start_test(app: &mut App) -> Vec<Effect> {
    let cycle = app.cycle;
    let key = cycle.to_string();
    let existing = app.state.cycles.get(&key).and_then(|c| c.test.as_ref());
    if existing.is_some() {
        let redrawn = redraw_if_questions_gone(app, cycle);
        let Some(t) = app.state.cycles.get(&key).and_then(|c| c.test.as_ref()) else {
            return Vec::new();
        };
        // Reopening an unfinished test goes to the first question still unanswered.
        let save = redrawn.is_some();
        // Also in the footer: on a small screen the question pushes the lines above it
        // out of view, and the footer shows which question went first.
        if redrawn.is_some() {
            app.notice.clone_from(&redrawn);
        }
        app.test = TestView {
            index: if t.submitted { 0 } else { first_unanswered(t) },
            cycle: Some(cycle),
            redrawn,
            ..TestView::default()
        };
        app.screen = Screen::Test;
        return if save { vec![Effect::Save] } else { Vec::new() };
    }
    if draw_now(app).is_empty() {
        app.notice = Some(app.s.test_empty.to_string());
        return Vec::new();
    }
    app.confirm = Some(Confirm::StartTest);
    Vec::new()
}

/// Reopen the test a dropped connection left open, at the question `index` it was on.
/// Only the current cycle's test, and only while it is open: a test handed in since
/// (from another session) or a cycle that is over leaves the member on 本月, which
/// says what became of it. The answers are in the record already.
pub(super) fn resume_test(app: &mut App, cycle: &str, index: usize) {
    // The test is reached from 本月 and left back to it.
    super::go(app, Screen::Home);
    let open = cycle == app.cycle.to_string()
        && app
            .state
            .cycles
            .get(cycle)
            .and_then(|c| c.test.as_ref())
            .is_some_and(|t| !t.submitted);
    if !open {
        return;
    }
    // A redraw's save waits for the next periodic one: the redraw marks the state dirty.
    start_test(app);
    // A test drawn again has other questions: the first unanswered one is the place.
    let len = app.test_record().map_or(0, |t| t.answers.len());
    if app.test.redrawn.is_none() && index < len {
        app.test.index = index;
    }
}

/// An open test that names a question the content no longer has (its unit was edited
/// or removed since the test began) is drawn again, at the time it began, from the
/// content as it is: the test is then exactly the draw SPEC "The cycle test" defines,
/// so the score the member sees is the one `status`, `export` and a secretary's
/// `report` over this content compute, and no question counts against the member
/// for being gone. Answers to questions drawn again are kept; the notice names the
/// questions that went and says how many are new. A handed-in test is never changed.
fn redraw_if_questions_gone(app: &mut App, cycle: Cycle) -> Option<String> {
    let key = cycle.to_string();
    let t = app.state.cycles.get(&key).and_then(|c| c.test.as_ref())?;
    let gone: Vec<String> = t
        .answers
        .iter()
        .filter(|a| {
            app.library
                .get(&a.unit)
                .and_then(|u| u.question(&a.question))
                .is_none()
        })
        .map(|a| format!("{}/{}", a.unit, a.question))
        .collect();
    if gone.is_empty() || t.submitted {
        return None;
    }
    let units = plan_units(app, &cycle);
    let draw = crate::core::completion::test_draw_for_state(
        &app.state,
        &cycle,
        &t.taken,
        &app.rules,
        units.as_deref(),
        &app.library,
    );
    let answers: Vec<GivenAnswer> = draw
        .into_iter()
        .map(|(unit, question)| {
            let given = t
                .answers
                .iter()
                .find(|a| a.unit == unit && a.question == question)
                .map(|a| a.given.clone())
                .unwrap_or_default();
            GivenAnswer {
                unit,
                question,
                given,
            }
        })
        .collect();
    let new = answers
        .iter()
        .filter(|a| {
            !t.answers
                .iter()
                .any(|b| b.unit == a.unit && b.question == a.question)
        })
        .count();
    let notice = app.s.test_redrawn(&gone, new, answers.len());
    if let Some(t) = app.state.cycles.get_mut(&key).and_then(|c| c.test.as_mut()) {
        t.answers = answers;
    }
    app.dirty = true;
    Some(notice)
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
                submitted_at: None,
            };
            app.state
                .cycles
                .entry(app.cycle.to_string())
                .or_default()
                .test = Some(record);
            app.test = TestView {
                cycle: Some(app.cycle),
                ..TestView::default()
            };
            app.screen = Screen::Test;
            app.dirty = true;
            vec![Effect::Save]
        }
        Confirm::SubmitTest => hand_in(app),
    }
}

/// Hand the open test in: mark it submitted with the time, and put every wrong answer
/// into the 错题本 so the member can learn from the test as from practice.
fn hand_in(app: &mut App) -> Vec<Effect> {
    let stamp = app.now_datetime();
    let today = app.today();
    let cycle = app.test_cycle().to_string();
    let Some(t) = app
        .state
        .cycles
        .get_mut(&cycle)
        .and_then(|c| c.test.as_mut())
        .filter(|t| !t.submitted)
    else {
        return Vec::new();
    };
    t.submitted = true;
    t.submitted_at = stamp;
    let answers = t.answers.clone();
    for a in answers {
        let Some(q) = app
            .library
            .get(&a.unit)
            .and_then(|u| u.question(&a.question))
        else {
            continue;
        };
        if quiz::is_correct(q, &a.given) {
            continue;
        }
        let key = format!("{}/{}", a.unit, a.question);
        let card = review::review(app.state.reviews.get(&key), false, today);
        app.state.reviews.insert(key, card);
    }
    app.test.scroll = 0;
    app.dirty = true;
    vec![Effect::Save]
}

pub(super) fn test_screen(app: &mut App, msg: Msg) -> Vec<Effect> {
    let Some(t) = app.test_record() else {
        app.screen = app.home_screen;
        return Vec::new();
    };
    let total = t.answers.len();
    let submitted = t.submitted;
    let unanswered = t.answers.iter().any(|a| a.given.trim().is_empty());
    let first_open = first_unanswered(t);
    let item = t
        .answers
        .get(app.test.index)
        .map(|a| (a.unit.clone(), a.question.clone()));
    let q = question(app, item.as_ref()).cloned();
    let go = |app: &mut App, index: usize| {
        app.test = TestView {
            index,
            cursor: 0,
            cycle: app.test.cycle,
            scroll: 0,
            redrawn: app.test.redrawn.take(),
        };
    };
    if submitted {
        // The handed-in test is a review to scroll through.
        let s = &mut app.test.scroll;
        match msg {
            Msg::Back => {
                app.screen = app.home_screen;
                return vec![Effect::Save];
            }
            Msg::Up => *s = s.saturating_sub(1),
            Msg::Down => *s += 1,
            Msg::PageUp => *s = s.saturating_sub(10),
            Msg::PageDown => *s += 10,
            Msg::Top => *s = 0,
            _ => {}
        }
        return Vec::new();
    }
    match msg {
        Msg::Back => {
            app.screen = app.home_screen;
            return vec![Effect::Save];
        }
        // Enter confirms the question and moves on; it never changes an answer and
        // never hands the test in. Past the last question it goes to the first one
        // still open, or says how to hand in.
        Msg::Enter | Msg::NextQuestion => {
            if app.test.index + 1 < total {
                go(app, app.test.index + 1);
            } else if unanswered {
                go(app, first_open);
            } else {
                app.notice = Some(app.s.test_all_answered.to_string());
            }
        }
        Msg::PrevQuestion if app.test.index > 0 => go(app, app.test.index - 1),
        Msg::GoQuestion(n) if n < total => go(app, n),
        Msg::SubmitTest => app.confirm = Some(Confirm::SubmitTest),
        m => {
            // A graded answer is saved at once, not with the next periodic save.
            if let Some(q) = q
                && answer_test(app, &q, &m)
            {
                return vec![Effect::Save];
            }
        }
    }
    Vec::new()
}

/// Apply an answering key to the current question; whether the answer changed.
pub(super) fn answer_test(app: &mut App, q: &crate::core::unit::Question, msg: &Msg) -> bool {
    let index = app.test.index;
    let cycle = app.test_cycle().to_string();
    let cursor = &mut app.test.cursor;
    let Some(a) = app
        .state
        .cycles
        .get_mut(&cycle)
        .and_then(|c| c.test.as_mut())
        .and_then(|t| t.answers.get_mut(index))
    else {
        return false;
    };
    let mut answer = Selection {
        cursor: *cursor,
        given: std::mem::take(&mut a.given),
    };
    let before = answer.given.clone();
    answer_key(&mut answer, q, msg);
    *cursor = answer.cursor;
    a.given = answer.given;
    let changed = a.given != before;
    if changed {
        app.dirty = true;
    }
    changed
}
