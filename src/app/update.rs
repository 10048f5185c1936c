//! `update`: one message in, new state and effects out.

use jiff::Timestamp;
use ratatui_textarea::TextArea;

use super::msg::Msg;
use super::{App, Confirm, Doc, EditorView, Effect, QuizView, ReaderView, Screen, TestView};
use crate::core::quiz;
use crate::core::review;
use crate::core::state::{GivenAnswer, Reflection, Resume, Survey, Talk, TestRecord};
use crate::core::unit::{Answer, QuestionType};

/// Apply a message at time `now`; returns what the terminal loop must do.
pub fn update(app: &mut App, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let effects = step(app, msg, now);
    remember_place(app);
    effects
}

/// Keep `state.resume` pointing at the unit or document being worked on, so a start
/// after a dropped connection reopens it.
fn remember_place(app: &mut App) {
    let place = match app.screen {
        Screen::Editor => app.editor.as_ref().map(|e| {
            Resume::Editor(
                match e.doc {
                    Doc::Reflection => "reflection",
                    Doc::Talk => "talk",
                    Doc::Survey => "survey",
                }
                .to_string(),
            )
        }),
        Screen::Reader | Screen::Quiz => app
            .reader
            .as_ref()
            .filter(|_| !app.quiz.from_review)
            .map(|r| Resume::Reader(r.unit_id.clone())),
        _ => None,
    };
    if app.state.resume != place {
        app.state.resume = place;
        app.dirty = true;
    }
}

/// Reopen where the last session was cut off, if anywhere.
pub fn resume(app: &mut App) {
    match app.state.resume.clone() {
        Some(Resume::Reader(id)) if app.library.get(&id).is_some() => open_unit(app, &id, None),
        Some(Resume::Editor(doc)) => {
            let doc = match doc.as_str() {
                "talk" => Doc::Talk,
                "survey" => Doc::Survey,
                _ => Doc::Reflection,
            };
            // The editor is reached from 本月; leaving it goes back there.
            app.home_screen = Screen::Home;
            open_editor(app, doc);
        }
        _ => {}
    }
}

fn step(app: &mut App, msg: Msg, now: Timestamp) -> Vec<Effect> {
    account(app, now);
    if !matches!(msg, Msg::Tick | Msg::Resize(..)) {
        app.last_input = now;
        app.notice = None;
    }
    match msg {
        Msg::Tick => {
            check_finished(app);
            return Vec::new();
        }
        Msg::Resize(w, h) => {
            resize(app, w, h);
            return Vec::new();
        }
        Msg::Quit => {
            app.quitting = true;
            return vec![Effect::Quit];
        }
        _ => {}
    }
    if app.help {
        app.help = false;
        return Vec::new();
    }
    if let Some(c) = app.confirm {
        if let Msg::Confirm(yes) = msg {
            app.confirm = None;
            if yes {
                return confirmed(app, c);
            }
        } else if msg == Msg::Back {
            app.confirm = None;
        }
        return Vec::new();
    }
    if msg == Msg::Help {
        app.help = true;
        return Vec::new();
    }
    match app.screen {
        Screen::Home | Screen::Library | Screen::Review => top_level(app, msg),
        Screen::Reader => reader(app, msg),
        Screen::Quiz => quiz_screen(app, msg),
        Screen::Test => test_screen(app, msg),
        Screen::Editor => editor(app, msg),
    }
}

/// Count reading time up to `now`: only while a unit is open and only up to
/// `read.idle_seconds` after the last key press.
fn account(app: &mut App, now: Timestamp) {
    let since = app.last_tick;
    app.last_tick = now;
    app.now = now;
    let today = app.today();
    let cycle = super::cycle_name(today, app.rules.cycle.length);
    if cycle != app.cycle {
        app.cycle = cycle;
    }
    if app.screen != Screen::Reader {
        return;
    }
    let Some(r) = &app.reader else { return };
    let idle_ms = i64::try_from(app.rules.read.idle_seconds)
        .unwrap_or(i64::MAX / 2)
        .saturating_mul(1000);
    let until = now
        .as_millisecond()
        .min(app.last_input.as_millisecond().saturating_add(idle_ms));
    let counted = until - since.as_millisecond();
    if counted <= 0 {
        return;
    }
    app.pending_ms += counted;
    let secs = app.pending_ms / 1000;
    if secs == 0 {
        return;
    }
    app.pending_ms -= secs * 1000;
    let secs = u64::try_from(secs).unwrap_or(0);
    let id = r.unit_id.clone();
    let cycle = app.cycle.clone();
    let p = app.state.units.entry(id).or_default();
    p.seconds += secs;
    p.cycles.entry(cycle).or_default().seconds += secs;
    *app.state.days.entry(today.to_string()).or_default() += secs;
    app.dirty = true;
}

fn resize(app: &mut App, w: u16, h: u16) {
    app.size = (w, h);
    let width = app.reader_width();
    if let Some(r) = app.reader.take() {
        let offset = r.layout.offset_of_line(r.top);
        let layout = app.layout_of(&r.unit_id, width);
        let top = layout.line_at_offset(offset);
        app.reader = Some(ReaderView {
            top: clamp_top(top, layout.lines.len(), app.reader_height()),
            layout,
            ..r
        });
    }
}

fn clamp_top(top: usize, len: usize, height: usize) -> usize {
    top.min(len.saturating_sub(height))
}

fn top_level(app: &mut App, msg: Msg) -> Vec<Effect> {
    if app.screen == Screen::Library && app.library_view.searching {
        return search_input(app, msg);
    }
    match msg {
        Msg::Back => {
            if app.screen == Screen::Library && !app.library_view.query.is_empty() {
                app.library_view.query.clear();
                app.apply_search();
                return Vec::new();
            }
            app.quitting = true;
            return vec![Effect::Quit];
        }
        Msg::NextTab => {
            let next = match app.screen {
                Screen::Home => Screen::Library,
                Screen::Library => Screen::Review,
                _ => Screen::Home,
            };
            go(app, next);
        }
        Msg::GoTab(i) => go(
            app,
            match i {
                0 => Screen::Home,
                1 => Screen::Library,
                _ => Screen::Review,
            },
        ),
        _ => {}
    }
    match app.screen {
        Screen::Library => library(app, msg),
        Screen::Review => review_list(app, msg),
        _ => home(app, msg),
    }
}

fn go(app: &mut App, screen: Screen) {
    app.screen = screen;
    app.home_screen = screen;
}

fn move_sel(sel: &mut usize, len: usize, msg: &Msg, page: usize) {
    let last = len.saturating_sub(1);
    *sel = match msg {
        Msg::Up => sel.saturating_sub(1),
        Msg::Down => (*sel + 1).min(last),
        Msg::PageUp => sel.saturating_sub(page),
        Msg::PageDown => (*sel + page).min(last),
        Msg::Top => 0,
        Msg::Bottom => last,
        _ => *sel,
    };
}

fn library(app: &mut App, msg: Msg) -> Vec<Effect> {
    let page = usize::from(app.size.1.saturating_sub(4).max(1));
    match msg {
        Msg::SearchStart => {
            app.library_view.searching = true;
        }
        Msg::Open => {
            if let Some(id) = app.selected_unit().map(str::to_string) {
                open_unit(app, &id, None);
                return vec![Effect::Save];
            }
        }
        m => {
            let len = app.library_view.shown.len();
            move_sel(&mut app.library_view.selected, len, &m, page);
        }
    }
    Vec::new()
}

fn search_input(app: &mut App, msg: Msg) -> Vec<Effect> {
    let v = &mut app.library_view;
    match msg {
        Msg::Char(c) => v.query.push(c),
        Msg::Paste(s) => v.query.push_str(&s.replace(['\n', '\r'], " ")),
        Msg::Backspace => {
            v.query.pop();
        }
        Msg::Enter => {
            v.searching = false;
            return Vec::new();
        }
        Msg::Back => {
            v.searching = false;
            v.query.clear();
        }
        Msg::Up | Msg::Down => {
            let len = v.shown.len();
            move_sel(&mut v.selected, len, &msg, 1);
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    v.selected = 0;
    app.apply_search();
    Vec::new()
}

/// Open a unit in the reader, at the saved place or at `at` (a byte offset).
pub fn open_unit(app: &mut App, id: &str, at: Option<usize>) {
    if app.library.get(id).is_none() {
        return;
    }
    let width = app.reader_width();
    let layout = app.layout_of(id, width);
    let body = app.body_of(id);
    let cycle = app.cycle.clone();
    let p = app.state.units.entry(id.to_string()).or_default();
    p.cycles.entry(cycle).or_default();
    let offset = at.unwrap_or(p.offset);
    let top = clamp_top(
        layout.line_at_offset(offset),
        layout.lines.len(),
        app.reader_height(),
    );
    app.reader = Some(ReaderView {
        unit_id: id.to_string(),
        body,
        layout,
        top,
    });
    app.screen = Screen::Reader;
    app.dirty = true;
    record_position(app);
}

/// Store the place in the open unit and check whether it is now finished.
fn record_position(app: &mut App) {
    let height = app.reader_height();
    let Some(r) = &app.reader else { return };
    let offset = r.layout.offset_of_line(r.top);
    let last_visible = (r.top + height).min(r.layout.lines.len());
    let at_end = r.top + height >= r.layout.lines.len();
    let shown_to = if at_end {
        r.body.len()
    } else {
        r.layout
            .lines
            .get(last_visible.saturating_sub(1))
            .map_or(0, |l| l.end)
    };
    let id = r.unit_id.clone();
    let cycle = app.cycle.clone();
    let p = app.state.units.entry(id).or_default();
    if p.offset != offset || shown_to > p.furthest {
        app.dirty = true;
    }
    p.offset = offset;
    p.furthest = p.furthest.max(shown_to);
    if at_end {
        let c = p.cycles.entry(cycle).or_default();
        if !c.reached_end {
            c.reached_end = true;
            app.dirty = true;
        }
    }
    check_finished(app);
}

/// A unit is finished once its last line was reached and enough time was spent.
fn check_finished(app: &mut App) {
    let Some(r) = &app.reader else { return };
    let min = app.rules.read.min_seconds;
    let stamp = app.now_datetime();
    let cycle = app.cycle.clone();
    if let Some(c) = app
        .state
        .units
        .get_mut(&r.unit_id)
        .and_then(|p| p.cycles.get_mut(&cycle))
        && c.finished.is_none()
        && c.reached_end
        && c.seconds >= min
    {
        c.finished = stamp;
        app.dirty = true;
    }
}

fn reader(app: &mut App, msg: Msg) -> Vec<Effect> {
    let height = app.reader_height();
    let Some(r) = &mut app.reader else {
        app.screen = app.home_screen;
        return Vec::new();
    };
    let len = r.layout.lines.len();
    let max_top = len.saturating_sub(height);
    let page = height.saturating_sub(1).max(1);
    let before = r.top;
    match msg {
        Msg::Up => r.top = r.top.saturating_sub(1),
        Msg::Down => r.top = (r.top + 1).min(max_top),
        Msg::PageUp => r.top = r.top.saturating_sub(page),
        Msg::PageDown => r.top = (r.top + page).min(max_top),
        Msg::Top => r.top = 0,
        Msg::Bottom => r.top = max_top,
        Msg::Practice => {
            let id = r.unit_id.clone();
            record_position(app);
            start_practice(app, &id);
            return vec![Effect::Save];
        }
        Msg::Back => {
            record_position(app);
            app.screen = app.home_screen;
            return vec![Effect::Save];
        }
        _ => return Vec::new(),
    }
    if r.top != before {
        record_position(app);
    }
    Vec::new()
}

fn start_practice(app: &mut App, id: &str) {
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
fn question<'a>(
    app: &'a App,
    item: Option<&(String, String)>,
) -> Option<&'a crate::core::unit::Question> {
    let (u, q) = item?;
    app.library.get(u)?.question(q)
}

fn quiz_screen(app: &mut App, msg: Msg) -> Vec<Effect> {
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

fn choose(v: &mut QuizView, qtype: QuestionType, c: char) {
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
fn given_text(qtype: QuestionType, chosen: &[char], input: &str) -> String {
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

fn leave_quiz(app: &mut App) {
    app.screen = if app.quiz.from_review {
        Screen::Review
    } else if app.reader.is_some() {
        Screen::Reader
    } else {
        app.home_screen
    };
}

fn review_list(app: &mut App, msg: Msg) -> Vec<Effect> {
    let due: Vec<String> = app.review_cards().into_iter().map(|(k, _)| k).collect();
    match msg {
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
        Msg::OpenPassage => {
            if let Some((u, q)) = due.get(app.review.selected).and_then(|k| k.split_once('/')) {
                let at = app
                    .library
                    .get(u)
                    .and_then(|unit| unit.question(q).map(|q| passage_offset(&unit.body, q)));
                let u = u.to_string();
                app.home_screen = Screen::Review;
                open_unit(app, &u, at.flatten());
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

fn home(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Write(i) => open_editor(
            app,
            match i {
                0 => Doc::Reflection,
                1 => Doc::Talk,
                _ => Doc::Survey,
            },
        ),
        Msg::StartTest => start_test(app),
        _ => {}
    }
    Vec::new()
}

/// The questions the test would draw if it began now: the deterministic draw over
/// the cycle's units finished so far (the same function the secretary's report runs).
#[must_use]
pub fn draw_now(app: &App) -> Vec<(String, String)> {
    let Some(taken) = app.now_datetime() else {
        return Vec::new();
    };
    crate::core::completion::test_draw_for_state(
        &app.state,
        &super::progress::cycle(app),
        &taken,
        &app.rules,
        app.plan.units.as_deref(),
        &app.library,
    )
}

fn start_test(app: &mut App) {
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

/// How many questions the test will have if started now.
#[must_use]
pub fn test_size(app: &App) -> usize {
    draw_now(app).len()
}

fn confirmed(app: &mut App, c: Confirm) -> Vec<Effect> {
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

/// The graded score of the current cycle's submitted test.
#[must_use]
pub fn test_score(app: &App) -> Option<u32> {
    super::progress::assessment(app)?.score()
}

fn test_screen(app: &mut App, msg: Msg) -> Vec<Effect> {
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

fn answer_test(app: &mut App, q: &crate::core::unit::Question, msg: Msg) {
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

fn open_editor(app: &mut App, doc: Doc) {
    let work = app
        .state
        .cycles
        .get(&app.cycle)
        .cloned()
        .unwrap_or_default();
    let area = |text: &str| {
        let mut t = TextArea::new(text.lines().map(str::to_string).collect());
        // Chinese has no spaces to break at: wrap at words, else at any character.
        t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        t.set_cursor_line_style(ratatui::style::Style::default());
        t.move_cursor(ratatui_textarea::CursorMove::Bottom);
        t.move_cursor(ratatui_textarea::CursorMove::End);
        t
    };
    let fields = match doc {
        Doc::Reflection => vec![area(
            work.reflection.as_ref().map_or("", |r| r.text.as_str()),
        )],
        Doc::Talk => {
            let t = work.talk.unwrap_or_default();
            vec![
                area(&t.topic),
                area(&t.outline),
                area(&t.delivered.map(|d| d.to_string()).unwrap_or_default()),
            ]
        }
        Doc::Survey => {
            let s = work.survey.unwrap_or_default();
            vec![area(&s.title), area(&s.text)]
        }
    };
    let mut e = EditorView {
        doc,
        fields,
        focus: 0,
    };
    show_cursor(&mut e);
    app.editor = Some(e);
    app.screen = Screen::Editor;
}

/// Show the cursor only in the field being edited.
fn show_cursor(e: &mut EditorView) {
    for (i, f) in e.fields.iter_mut().enumerate() {
        let style = if i == e.focus {
            ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            ratatui::style::Style::default()
        };
        f.set_cursor_style(style);
    }
}

/// Parse a typed delivery date; only a real calendar date is kept.
fn parse_date(s: &str) -> Option<toml::value::Datetime> {
    let s = s.trim();
    let d: jiff::civil::Date = s.parse().ok()?;
    d.to_string().parse().ok()
}

/// Copy the editor's fields into the member state.
fn sync_editor(app: &mut App) {
    let Some(e) = &app.editor else { return };
    let text = |i: usize| {
        e.fields
            .get(i)
            .map(|t| t.lines().join("\n"))
            .unwrap_or_default()
    };
    let last_unit = app.reader.as_ref().map(|r| r.unit_id.clone());
    let work = app.state.cycles.entry(app.cycle.clone()).or_default();
    let before = work.clone();
    match e.doc {
        Doc::Reflection => {
            let unit = work
                .reflection
                .as_ref()
                .and_then(|r| r.unit.clone())
                .or(last_unit);
            work.reflection = Some(Reflection {
                unit,
                text: text(0),
            });
        }
        Doc::Talk => {
            work.talk = Some(Talk {
                topic: text(0),
                outline: text(1),
                delivered: parse_date(&text(2)),
            });
        }
        Doc::Survey => {
            work.survey = Some(Survey {
                title: text(0),
                text: text(1),
            });
        }
    }
    if *work != before {
        app.dirty = true;
    }
}

fn editor(app: &mut App, msg: Msg) -> Vec<Effect> {
    let Some(e) = &mut app.editor else {
        app.screen = app.home_screen;
        return Vec::new();
    };
    match msg {
        Msg::Back => {
            sync_editor(app);
            app.editor = None;
            app.screen = app.home_screen;
            return vec![Effect::Save];
        }
        Msg::NextField => {
            e.focus = (e.focus + 1) % e.fields.len().max(1);
            show_cursor(e);
        }
        Msg::Undo => {
            if let Some(f) = e.fields.get_mut(e.focus) {
                f.undo();
            }
        }
        Msg::Paste(s) => {
            if let Some(f) = e.fields.get_mut(e.focus) {
                f.insert_str(s.replace("\r\n", "\n").replace('\r', "\n"));
            }
        }
        Msg::Editor(input) => {
            if let Some(f) = e.fields.get_mut(e.focus) {
                f.input(input);
            }
        }
        _ => return Vec::new(),
    }
    sync_editor(app);
    Vec::new()
}
