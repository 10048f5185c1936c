//! The event loop: draw, wait for a key or a tick, update, carry out the effects.

use std::io::Write;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};
use jiff::Timestamp;
use ratatui::backend::{Backend as _, ClearType};

use crate::ui::scroll::{self, LastFrame};

use crate::app::msg::Msg;
use crate::app::update::update;
use crate::app::{App, Effect};
use crate::ui::theme::Theme;

use super::drop_box::DropBox;
use super::save::{Quit, Saver, Shared, lock, quit_now, save_now};
use super::signals::{Ending, end_now, save_on_panic, spawn_signal_thread};
use super::terminal::setup;
use super::wait::{Waiter, Woke};

/// Longest unsaved changes made by keys wait. A save is one small atomic write.
const SAVE_EVERY: Duration = Duration::from_secs(1);
/// While a unit is read with no key pressed, reading time is counted and saved this
/// often (and whenever the minute shown changes), so a `kill -9` loses at most this
/// much of it; SIGHUP and SIGTERM lose nothing.
const READING_SAVE_EVERY: Duration = Duration::from_secs(15);
/// Most queued events folded into one frame.
const MAX_BATCH: usize = 64;

/// How long the loop may sleep: until unsaved changes are due, the app changes by
/// itself ([`App::next_change`]), or reading time is due to be saved. `None`: until
/// the next key.
fn sleep_for(app: &App, last_save: Instant) -> Option<Duration> {
    let mut due: Option<Duration> = None;
    let mut at = |d: Duration| due = Some(due.map_or(d, |x| x.min(d)));
    if app.dirty {
        at(SAVE_EVERY.saturating_sub(last_save.elapsed()));
    }
    let now = Timestamp::now();
    let until = |t: Timestamp| Duration::try_from(t.duration_since(now)).unwrap_or(Duration::ZERO);
    if let Some(t) = app.next_change() {
        at(until(t));
    }
    if let Some(end) = app.reading_until()
        && app.last_tick < end
    {
        let checkpoint = app
            .last_tick
            .saturating_add(READING_SAVE_EVERY)
            .unwrap_or(end);
        at(until(checkpoint.min(end)));
    }
    due
}

fn to_msg(app: &App, ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => crate::app::keymap::map(app, k),
        Event::Paste(s) if !app.too_small() => Some(Msg::Paste(s)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

/// Give the signal thread a copy of a changed record, which it saves on a hang-up
/// or signal if the loop cannot.
fn hand_over(ending: &Ending, app: &App) {
    if app.dirty {
        let mut s = lock(&ending.shared);
        s.state.clone_from(&app.state);
        s.unsaved = true;
    }
}

/// What finishes the app's start once its first frame is out, a step at a time
/// with a frame drawn after each: the library read on another thread meanwhile, put
/// in (see [`App::show_library`] and [`App::finish_checked`]).
pub trait Finish {
    /// The next step; `true` once the start is complete.
    fn step(&mut self, app: &mut App) -> bool;
}

/// Run the TUI until the member quits. The state is saved through `save` on leaving
/// a unit, within a second of a change, on quit, and on a hang-up or signal.
///
/// `finish`, when given, runs right after the first frame and before any key is
/// read, a frame drawn after each of its steps: the first frame does not wait for
/// the library, and no key ever acts on a library not yet complete (keys typed
/// meanwhile wait in the terminal).
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn run(
    mut app: App,
    saver: Box<dyn Saver>,
    theme: Theme,
    mut drop_box: Option<DropBox>,
    mut finish: Option<&mut dyn Finish>,
) -> anyhow::Result<()> {
    let ending = Arc::new(Ending {
        shared: Mutex::new(Shared {
            state: app.state.clone(),
            saver,
            done: false,
            unsaved: app.dirty,
            last_error: None,
            s: app.s,
        }),
        signal: AtomicI32::new(0),
        saved: Condvar::new(),
    });
    let (mut waiter, wake) = Waiter::new()?;
    spawn_signal_thread(Arc::clone(&ending), wake)?;
    let (mut terminal, guard) = setup()?;
    save_on_panic(Arc::clone(&ending));
    let size = terminal.size()?;
    update(
        &mut app,
        Msg::Resize(size.width, size.height),
        Timestamp::now(),
    );
    let mut last_save = Instant::now();
    let trace = FrameTrace::from_env();
    let mut last = LastFrame::new();
    // A state that was never written (a new member) is saved once the first frame is
    // out, not before it.
    let mut save_pending = app.dirty;
    loop {
        let started = Instant::now();
        prepare_reader(&mut terminal, &mut last, &app)?;
        let frame = terminal.draw(|f| crate::ui::draw(f, &app, &theme))?;
        last.remember(frame.buffer);
        if let Some(t) = &trace {
            t.record(started.elapsed());
        }
        while let Some(f) = finish.as_deref_mut() {
            if f.step(&mut app) {
                finish = None;
                // Going back to where the session was left may have changed the record.
                hand_over(&ending, &app);
            }
            // It may have opened the reader where the session was left.
            prepare_reader(&mut terminal, &mut last, &app)?;
            let frame = terminal.draw(|f| crate::ui::draw(f, &app, &theme))?;
            last.remember(frame.buffer);
        }
        // Save after the frame is out, so a key's frame never waits for an fsync.
        if save_pending {
            save_pending = false;
            if save_now(&ending.shared, &mut app)
                && let Some(d) = &mut drop_box
            {
                d.drop_completion(&mut app, false);
            }
            last_save = Instant::now();
            // What the save brought (a notice, another session's changes) is shown
            // now, not at the next key; a frame with no change writes nothing.
            let frame = terminal.draw(|f| crate::ui::draw(f, &app, &theme))?;
            last.remember(frame.buffer);
        }
        let before = reader_view(&app);
        let mut effects = Vec::new();
        let woke = if event::poll(Duration::ZERO)? {
            Woke::Input
        } else {
            waiter.wait(sleep_for(&app, last_save))?
        };
        let signal = ending.signal.load(Ordering::SeqCst);
        if woke == Woke::HungUp || signal != 0 {
            // Count reading time up to this moment, then save and end.
            update(&mut app, Msg::Tick, Timestamp::now());
            end_now(
                &ending,
                &mut app,
                if signal != 0 { 128 + signal } else { 129 },
            );
        }
        if woke == Woke::Wake {
            // A resize. The terminal may have cut the screen at a size this loop never
            // drew for (a quick shrink and grow reads as no change at all), so the
            // next frame repaints every cell instead of only what it thinks changed.
            // (Not `Terminal::clear`: it asks the terminal where the cursor is, a
            // round trip a slow link can fail.)
            terminal.backend_mut().clear_region(ClearType::All)?;
            terminal.swap_buffers();
            last.forget();
        }
        // Before a key reaches an editor, catch up with what another session saved, so
        // an editor with no local edits types into the record's text, not an old one.
        if woke == Woke::Input
            && app.screen == crate::app::Screen::Editor
            && lock(&ending.shared).saver.changed_on_disk()
        {
            save_now(&ending.shared, &mut app);
        }
        if woke == Woke::Input && event::poll(Duration::ZERO)? {
            let mut n = 0;
            loop {
                let ev = event::read()?;
                if let Some(msg) = to_msg(&app, ev) {
                    effects.extend(update(&mut app, msg, Timestamp::now()));
                }
                n += 1;
                if n >= MAX_BATCH || app.quitting || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        } else if woke == Woke::Wake
            && let Ok((w, h)) = crossterm::terminal::size()
            && (w, h) != app.size
        {
            // SIGWINCH: crossterm reports the resize too, maybe a moment later; the
            // size is taken here so the frame after the wake-up fits the terminal.
            effects.extend(update(&mut app, Msg::Resize(w, h), Timestamp::now()));
        } else {
            effects.extend(update(&mut app, Msg::Tick, Timestamp::now()));
        }
        if before.is_some() && before.as_ref().map(|b| b.2) != Some(app.size) {
            last.forget();
        }
        if let (Some((unit, top, size)), Some((unit2, top2, size2))) = (before, reader_view(&app))
            && unit == unit2
            && size == size2
            && top != top2
        {
            // Never a region without the saved cursor: set both before the scroll.
            prepare_reader(&mut terminal, &mut last, &app)?;
            let body =
                crate::ui::reader::body_area(ratatui::layout::Rect::new(0, 0, size.0, size.1));
            let delta = i32::try_from(top2)
                .unwrap_or(i32::MAX)
                .saturating_sub(i32::try_from(top).unwrap_or(i32::MAX));
            scroll::scroll_rows(
                &mut terminal,
                &mut last,
                body.y..body.y + body.height,
                delta,
            )?;
        }
        hand_over(&ending, &app);
        let quit = effects.contains(&Effect::Quit);
        let due = app.dirty && last_save.elapsed() >= SAVE_EVERY;
        if quit {
            match quit_now(&ending.shared, &mut app, drop_box.as_mut()) {
                Quit::Stay => last_save = Instant::now(),
                Quit::Saved => break,
                Quit::GaveUp(text) => {
                    drop(guard);
                    anyhow::bail!("{text}");
                }
            }
        } else if due || (app.dirty && effects.contains(&Effect::Save)) {
            save_pending = true;
        }
    }
    Ok(())
}

/// Per-frame draw times appended to the file named by `DANGXUE_TRACE_FRAMES`, one
/// line per frame in microseconds, for the benchmarks in `bench/`.
struct FrameTrace {
    file: Mutex<std::fs::File>,
}

impl FrameTrace {
    fn from_env() -> Option<FrameTrace> {
        let path = std::env::var_os("DANGXUE_TRACE_FRAMES")?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .ok()?;
        Some(FrameTrace {
            file: Mutex::new(file),
        })
    }

    fn record(&self, took: Duration) {
        if let Ok(mut f) = self.file.lock() {
            let _ = writeln!(f, "{}", took.as_micros());
        }
    }
}

/// While the reader is shown: set the scroll region on its body and save the cursor on
/// the footer's figure (see [`scroll::prepare`]), if the terminal does not have them
/// yet. Called before every frame that may be the reader's first and before a scroll,
/// so the region is set as the reader opens, however it was opened.
fn prepare_reader<B: ratatui::backend::Backend + Write>(
    terminal: &mut ratatui::Terminal<B>,
    last: &mut LastFrame,
    app: &App,
) -> std::io::Result<()> {
    let Some((_, _, size)) = reader_view(app) else {
        return Ok(());
    };
    let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let body = crate::ui::reader::body_area(area);
    scroll::prepare(
        terminal,
        last,
        body.y..body.y + body.height,
        Some(crate::ui::reader::footer_anchor(area)),
    )
}

/// The open unit, its first visible line and the screen size, while reading.
fn reader_view(app: &App) -> Option<(String, usize, (u16, u16))> {
    if app.screen != crate::app::Screen::Reader || app.help || app.confirm.is_some() {
        return None;
    }
    app.reader
        .as_ref()
        .map(|r| (r.unit_id.clone(), r.top, app.size))
}
