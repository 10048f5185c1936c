//! `update`: one message in, new state and effects out.

use jiff::Timestamp;

use super::msg::Msg;
use super::{App, Effect, ReaderView, Screen};
use crate::core::regime::Cycle;
use crate::core::state::Resume;

mod answer;
mod editor;
mod history;
mod home;
mod library;
mod marks;
mod quiz;
mod reader;
mod review;
mod test;

pub use editor::follow_record;
pub use reader::{open_passage, open_unit};
pub use review::passage_offset;
// The queries moved to `app::queries`; these paths keep working.
pub use crate::app::queries::{draw_now, test_score, test_size};
use editor::{editor, open_editor};
use history::history;
use home::home;
use library::{library, search_input};
use quiz::quiz_screen;
use reader::{check_finished, reader};
use review::review_list;
use test::{confirmed, test_screen};

/// Apply a message at time `now`; returns what the terminal loop must do.
pub fn update(app: &mut App, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let effects = step(app, msg, now);
    remember_place(app);
    effects
}

/// Keep `state.resume` naming the screen the member is on after every message, so a
/// start after a dropped connection reopens it: the unit being read (or practised),
/// the document being written, a 错题本 review, a card's passage being looked up, the
/// cycle test being answered (at its question), the marks list, 往期 (the list or
/// one cycle's evidence). The tabs (本月, 书库, 错题本 itself) are where a start goes
/// anyway, and a handed-in test's review is no place to resume.
///
/// Judged by the screen alone: what a finished review or look-up left in the view
/// state (`quiz.from_review`, an old reader) says nothing about where the member is.
fn remember_place(app: &mut App) {
    // Until the library is in, the session has not gone back to its place yet: the
    // screen shown says nothing about where the member was.
    if app.loading {
        return;
    }
    let place = match app.screen {
        Screen::Editor => app.editor.as_ref().map(|e| Resume::Editor(e.doc)),
        Screen::Quiz if app.quiz.from_review => Some(Resume::Review),
        Screen::Test => app
            .test_record()
            .filter(|t| !t.submitted)
            .map(|_| Resume::Test {
                cycle: app.test_cycle().to_string(),
                question: app.test.index,
            }),
        Screen::Marks => Some(Resume::Marks),
        Screen::History => Some(Resume::History {
            cycle: app.history.open.map(|c| c.to_string()),
        }),
        Screen::Reader | Screen::Quiz => app.reader.as_ref().map(|r| {
            if r.keep_place {
                Resume::Passage {
                    unit: r.unit_id.clone(),
                    offset: r.body.to_source(r.layout.offset_of_line(r.top)),
                }
            } else {
                Resume::Reader(r.unit_id.clone())
            }
        }),
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
            // The editor is reached from 本月; leaving it goes back there.
            app.home_screen = Screen::Home;
            open_editor(app, doc);
        }
        // The sitting is not kept: its answered cards are rescheduled already and the
        // rest are still due, so 错题本 is where it goes on.
        Some(Resume::Review) => go(app, Screen::Review),
        Some(Resume::Passage { unit, offset }) if app.library.get(&unit).is_some() => {
            app.home_screen = Screen::Review;
            open_passage(app, &unit, Some(offset));
        }
        Some(Resume::Test { cycle, question }) => test::resume_test(app, &cycle, question),
        // Where the list was opened from is not kept: leaving it goes to the top screen.
        Some(Resume::Marks) => {
            app.marks = crate::app::MarksView::default();
            app.screen = Screen::Marks;
        }
        Some(Resume::History { cycle }) => {
            go(app, Screen::Home);
            history::resume_history(app, cycle.as_deref());
        }
        _ => {}
    }
}

fn step(app: &mut App, msg: Msg, now: Timestamp) -> Vec<Effect> {
    let rolled = account(app, now);
    // The seconds just counted may complete the unit: stamp it before the key leaves
    // the reader, or a unit read to the end would wait for its next opening.
    if app.screen == Screen::Reader {
        check_finished(app);
    }
    if !matches!(msg, Msg::Tick | Msg::Resize(..)) {
        app.last_input = now;
        app.notice = None;
    }
    if rolled {
        app.notice = Some(app.s.new_cycle(&app.cycle.to_string()));
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
    if msg == Msg::Marks
        && matches!(
            app.screen,
            Screen::Home | Screen::Library | Screen::Review | Screen::Reader
        )
    {
        if app.screen == Screen::Reader {
            reader::leave_reader(app);
        }
        app.marks.back_to = Some(app.screen);
        app.marks.selected = 0;
        app.screen = Screen::Marks;
        return vec![Effect::Save];
    }
    match app.screen {
        Screen::Home | Screen::Library | Screen::Review => top_level(app, msg),
        Screen::Reader => reader(app, msg),
        Screen::Quiz => quiz_screen(app, msg),
        Screen::Test => test_screen(app, msg),
        Screen::Editor => editor(app, msg),
        Screen::Marks => marks::marks(app, msg),
        Screen::History => history(app, msg),
    }
}

/// The date moved into another cycle while the program was open: the cycle's plan is
/// derived again, so 本月, the library order and a test begun from now on are the new
/// cycle's. An open test or editor keeps the cycle it was opened for.
fn roll_over(app: &mut App, cycle: Cycle) {
    app.cycle = cycle;
    let c = crate::app::queries::cycle(app);
    let plan = crate::app::CyclePlan::of(app.plan_file.as_deref(), &c);
    if app.plan_file.is_some() || plan != app.plan {
        app.set_plan(plan);
    }
}

/// Count reading time up to `now`: only while a unit is open and only up to
/// `read.idle_seconds` after the last key press.
fn account(app: &mut App, now: Timestamp) -> bool {
    let since = app.last_tick;
    app.last_tick = now;
    app.now = now;
    let today = app.today();
    let cycle = Cycle::containing(today, app.rules.cycle.length);
    let rolled = cycle != app.cycle;
    if rolled {
        roll_over(app, cycle);
    }
    if app.screen != Screen::Reader {
        return rolled;
    }
    let Some(r) = &app.reader else { return rolled };
    let idle_ms = i64::try_from(app.rules.read.idle_seconds)
        .unwrap_or(i64::MAX / 2)
        .saturating_mul(1000);
    let until = now
        .as_millisecond()
        .min(app.last_input.as_millisecond().saturating_add(idle_ms));
    let counted = until - since.as_millisecond();
    if counted <= 0 {
        return rolled;
    }
    app.pending_ms += counted;
    let secs = app.pending_ms / 1000;
    if secs == 0 {
        return rolled;
    }
    app.pending_ms -= secs * 1000;
    let secs = u64::try_from(secs).unwrap_or(0);
    let id = r.unit_id.clone();
    let cycle = app.cycle.to_string();
    let p = app.state.units.entry(id).or_default();
    p.seconds += secs;
    p.cycles.entry(cycle).or_default().seconds += secs;
    *app.state.days.entry(today.to_string()).or_default() += secs;
    app.dirty = true;
    rolled
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

pub(super) fn clamp_top(top: usize, len: usize, height: usize) -> usize {
    top.min(len.saturating_sub(height))
}

fn top_level(app: &mut App, msg: Msg) -> Vec<Effect> {
    if app.screen == Screen::Library && app.library_view.searching {
        return search_input(app, msg);
    }
    if app.screen == Screen::Home && app.rename.is_some() {
        home::rename_input(app, msg);
        return Vec::new();
    }
    match msg {
        Msg::Back => {
            if app.screen == Screen::Library && !app.library_view.query.is_empty() {
                app.library_view.query.clear();
                app.apply_search();
                return Vec::new();
            }
            if app.screen == Screen::Library && !app.library_view.filter.is_off() {
                app.library_view.filter = crate::app::LibraryFilter::default();
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
        Msg::GoTab(tab) => go(app, tab.screen()),
        _ => {}
    }
    match app.screen {
        Screen::Library => library(app, msg),
        Screen::Review => review_list(app, msg),
        _ => home(app, &msg),
    }
}

pub(super) fn go(app: &mut App, screen: Screen) {
    app.screen = screen;
    app.home_screen = screen;
}

pub(super) fn move_sel(sel: &mut usize, len: usize, msg: &Msg, page: usize) {
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
