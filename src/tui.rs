//! The one owner of the terminal: set-up, the event loop, signals, and restoring the
//! terminal on every way out (normal quit, error, panic, SIGHUP, SIGTERM).
//!
//! The loop sleeps in one `poll(2)` on the terminal and a wake-up socket, with a
//! timeout only when something is due (a save, or the reader's minute count), so a
//! program left open all day costs nothing while no key is pressed. crossterm is asked
//! for events only once the terminal has input: after an SSH hang-up its own
//! `poll`/`read` spin forever, so the hang-up is noticed here, as `POLLHUP` on the
//! terminal or as SIGHUP, and the state is saved and the process ended. A signal is
//! first handed to the loop (which counts reading time up to that moment); if the
//! loop does not take it within [`HANDOFF`], the signal thread saves the latest
//! snapshot itself.
//!
//! # Never exit 0 with unsaved changes
//! - A quit while the record cannot be saved (full disk, read-only folder, a lock
//!   held by another process, a newer format on disk) does not quit: the program
//!   stays open and says what failed and where, and keeps saying it (the save error
//!   is not cleared by the next key) until a save succeeds.
//! - A second quit gives up, and says so: the unsaved work is written to an
//!   emergency copy ([`Saver::emergency_copy`]), named on stderr after the terminal
//!   is restored, and the exit status is 1.
//! - A signal (SIGHUP, SIGTERM, SIGINT), a hang-up and a panic save too; when that
//!   save fails they write the emergency copy, name it on stderr and exit non-zero.

use std::io::{self, BufWriter, IsTerminal, Read, Stdout, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::{Backend as _, ClearType};

use crate::ui::backend::LeanBackend;
use crate::ui::scroll::{self, LastFrame};

use crate::app::msg::Msg;
use crate::app::update::update;
use crate::app::{App, Effect};
use crate::core::state::MemberState;
use crate::ui::theme::Theme;

/// The member's record on disk, as the loop and the signal thread use it.
pub trait Saver: Send {
    /// Save a member state; returns the state as written (merged with what other
    /// sessions saved meanwhile) with anything the member must be told, or a message
    /// saying why it could not (naming the file). `patient`: on the way out, wait
    /// longer for another session's save to finish.
    ///
    /// # Errors
    /// Why the state could not be saved.
    fn save(
        &mut self,
        state: &MemberState,
        patient: bool,
    ) -> Result<(MemberState, Vec<String>), String>;

    /// Write the state to a new file somewhere writable when it cannot be saved.
    ///
    /// # Errors
    /// Every place tried, and why it failed.
    fn emergency_copy(&mut self, state: &MemberState) -> Result<std::path::PathBuf, String>;

    /// Whether another session wrote the record since this one last loaded or saved.
    fn changed_on_disk(&self) -> bool;
}

/// What the signal thread and the loop share: the latest state and the saver.
struct Shared {
    state: MemberState,
    saver: Box<dyn Saver>,
    /// Set once the process is ending, so no second save starts.
    done: bool,
    /// `state` differs from what is on disk (a save failed or has not run yet).
    unsaved: bool,
    /// Why the last save failed, as the saver said it.
    last_error: Option<String>,
    /// The member's strings, for what is printed on the way out.
    s: &'static crate::strings::Strings,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A panic while holding the lock leaves the data intact; keep using it so the
    // state can still be saved on the way out.
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The shared state, the signal the loop should end on (0: none), and the condition
/// the signal thread waits on while the loop saves.
struct Ending {
    shared: Mutex<Shared>,
    signal: AtomicI32,
    saved: Condvar,
}

/// Longest unsaved changes made by keys wait. A save is one small atomic write.
const SAVE_EVERY: Duration = Duration::from_secs(1);
/// While a unit is read with no key pressed, reading time is counted and saved this
/// often (and whenever the minute shown changes), so a `kill -9` loses at most this
/// much of it; SIGHUP and SIGTERM lose nothing.
const READING_SAVE_EVERY: Duration = Duration::from_secs(15);
/// How long the signal thread leaves the loop to save before saving itself.
const HANDOFF: Duration = Duration::from_millis(500);
/// Most queued events folded into one frame.
const MAX_BATCH: usize = 64;

/// Put the terminal back: leave raw mode and the alternate screen, show the cursor.
/// Safe to call more than once and when the terminal is gone.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = out.write_all(scroll::RESET_REGION);
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal when dropped, so an early `?` return cannot leave raw mode on.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn setup() -> io::Result<(Terminal<LeanBackend<BufWriter<Stdout>>>, Guard)> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        hook(info);
    }));
    enable_raw_mode()?;
    let guard = Guard;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    let terminal = Terminal::new(LeanBackend::new(BufWriter::with_capacity(1 << 16, out)))?;
    Ok((terminal, guard))
}

/// Save the shared state one last time and end the process; when the loop has
/// saved already, it is ending the process itself, and this thread only waits.
fn save_and_exit(ending: &Ending, code: i32) -> ! {
    let said = {
        let mut s = lock(&ending.shared);
        if s.done {
            drop(s);
            wait_for_the_end();
        }
        s.done = true;
        last_save(&mut s)
    };
    restore_terminal();
    if let Some(text) = said {
        eprintln!("dangxue: {text}");
    }
    std::process::exit(code);
}

/// The final save on a way out the member did not choose (signal, hang-up, panic):
/// `None` when the work is on disk, else what to print on stderr once the terminal
/// is restored (the error, and where the emergency copy went).
fn last_save(s: &mut Shared) -> Option<String> {
    let state = s.state.clone();
    match s.saver.save(&state, true) {
        Ok(_) => None,
        Err(_) if !s.unsaved => None,
        Err(e) => {
            let copy = s.saver.emergency_copy(&state);
            Some(s.s.unsaved_on_exit(&e, copy.as_deref().map_err(String::as_str)))
        }
    }
}

/// Also save from a panic, before the terminal is restored and the message printed.
fn save_on_panic(ending: Arc<Ending>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // `try_lock`: the panic may come from code that holds the lock.
        let said = match ending.shared.try_lock() {
            Ok(mut s) if !s.done => {
                s.done = true;
                last_save(&mut s)
            }
            _ => None,
        };
        previous(info);
        if let Some(text) = said {
            eprintln!("dangxue: {text}");
        }
    }));
}

/// Park this thread for good: another one is ending the process (two threads must
/// not both call `exit`).
fn wait_for_the_end() -> ! {
    loop {
        std::thread::park();
    }
}

/// On SIGHUP, SIGTERM or SIGINT: ask the loop to save and end (it counts reading
/// time up to now first), and save the last snapshot here if it does not within
/// [`HANDOFF`] — it may be stuck writing to a terminal that no longer reads.
fn spawn_signal_thread(ending: Arc<Ending>, mut wake: UnixStream) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                ending.signal.store(sig, Ordering::SeqCst);
                let _ = wake.write_all(b"s");
                let guard = lock(&ending.shared);
                let _ = ending.saved.wait_timeout_while(guard, HANDOFF, |s| !s.done);
                save_and_exit(&ending, 128 + sig);
            }
        })?;
    Ok(())
}

/// Where the loop waits: the terminal's input and a socket that signals (SIGWINCH,
/// and SIGHUP/SIGTERM/SIGINT through the signal thread) write a byte to.
struct Waiter {
    /// The terminal crossterm reads: standard input, or `/dev/tty` when standard
    /// input is not a terminal (kept open here only to be polled).
    tty: RawFd,
    _dev_tty: Option<std::fs::File>,
    wake: UnixStream,
}

/// Why the loop woke up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Woke {
    /// The terminal has input (or crossterm already holds some).
    Input,
    /// The timeout passed.
    Timeout,
    /// A wake-up byte came (a resize or a signal).
    Wake,
    /// The terminal hung up.
    HungUp,
}

impl Waiter {
    /// The waiter and the write end of its wake-up socket. SIGWINCH writes to it, so a
    /// resize wakes the loop as a key does.
    fn new() -> io::Result<(Waiter, UnixStream)> {
        let (wake, writer) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        writer.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer.try_clone()?)?;
        let (tty, dev_tty) = if io::stdin().is_terminal() {
            (0, None)
        } else {
            let f = std::fs::File::open("/dev/tty")?;
            (f.as_raw_fd(), Some(f))
        };
        Ok((
            Waiter {
                tty,
                _dev_tty: dev_tty,
                wake,
            },
            writer,
        ))
    }

    /// Block until the terminal has input, hangs up, a wake-up byte comes, or
    /// `timeout` passes (`None`: no timeout).
    fn wait(&mut self, timeout: Option<Duration>) -> io::Result<Woke> {
        let ms = timeout.map_or(-1, |t| {
            // Round up, so a wake-up is never a millisecond early and then repeated.
            i32::try_from(t.as_micros().div_ceil(1000)).unwrap_or(i32::MAX)
        });
        let (tty, wake) = poll_two(self.tty, self.wake.as_raw_fd(), ms)?;
        if wake {
            let mut buf = [0u8; 64];
            while matches!(self.wake.read(&mut buf), Ok(n) if n > 0) {}
        }
        Ok(
            if tty & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                Woke::HungUp
            } else if tty & libc::POLLIN != 0 {
                Woke::Input
            } else if wake {
                Woke::Wake
            } else {
                Woke::Timeout
            },
        )
    }
}

/// `poll(2)` on the terminal and the wake-up socket: the terminal's `revents`, and
/// whether the socket is readable. Interrupted by a signal: as if nothing happened.
#[allow(unsafe_code)]
fn poll_two(tty: RawFd, wake: RawFd, timeout_ms: i32) -> io::Result<(i16, bool)> {
    let mut fds = [
        libc::pollfd {
            fd: tty,
            events: libc::POLLIN,
            revents: 0,
        },
        libc::pollfd {
            fd: wake,
            events: libc::POLLIN,
            revents: 0,
        },
    ];
    // SAFETY: two valid pollfds on the stack and their count; poll only writes
    // `revents`.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout_ms) };
    if n < 0 {
        let e = io::Error::last_os_error();
        if e.kind() == io::ErrorKind::Interrupted {
            return Ok((0, false));
        }
        return Err(e);
    }
    Ok((fds[0].revents, fds[1].revents & libc::POLLIN != 0))
}

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

/// Run the TUI until the member quits. The state is saved through `save` on leaving
/// a unit, within a second of a change, on quit, and on a hang-up or signal.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn run(
    mut app: App,
    saver: Box<dyn Saver>,
    theme: Theme,
    mut drop_box: Option<DropBox>,
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
        let frame = terminal.draw(|f| crate::ui::draw(f, &app, &theme))?;
        last.remember(frame.buffer);
        if let Some(t) = &trace {
            t.record(started.elapsed());
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
        if app.dirty {
            let mut s = lock(&ending.shared);
            s.state.clone_from(&app.state);
            s.unsaved = true;
        }
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

/// What a quit came to.
enum Quit {
    /// The record could not be saved: the program stays open and says why.
    Stay,
    /// Saved (or nothing to save): leave.
    Saved,
    /// The second quit while saves fail: leave with this on stderr, exit status 1.
    GaveUp(String),
}

fn quit_now(shared: &Mutex<Shared>, app: &mut App, drop_box: Option<&mut DropBox>) -> Quit {
    let saved = save_with(shared, app, true);
    if saved && let Some(d) = drop_box {
        d.drop_completion(app, true);
    }
    let mut s = lock(shared);
    if saved || !s.unsaved {
        s.done = true;
        return Quit::Saved;
    }
    let error = s.last_error.clone().unwrap_or_default();
    if !app.quit_refused {
        app.quit_refused = true;
        app.quitting = false;
        app.save_error = Some(app.s.quit_refused(&error));
        return Quit::Stay;
    }
    s.done = true;
    let state = s.state.clone();
    let copy = s.saver.emergency_copy(&state);
    Quit::GaveUp(
        app.s
            .unsaved_on_exit(&error, copy.as_deref().map_err(String::as_str)),
    )
}

/// Save the app's state (counted up to now) on a hang-up or signal, tell the signal
/// thread it need not, and end the process with `code`.
fn end_now(ending: &Ending, app: &mut App, code: i32) -> ! {
    let said = {
        let mut s = lock(&ending.shared);
        if s.done {
            drop(s);
            wait_for_the_end();
        }
        s.done = true;
        s.state.clone_from(&app.state);
        last_save(&mut s)
    };
    ending.saved.notify_all();
    restore_terminal();
    if let Some(text) = said {
        eprintln!("dangxue: {text}");
    }
    std::process::exit(code);
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

/// The open unit, its first visible line and the screen size, while reading.
fn reader_view(app: &App) -> Option<(String, usize, (u16, u16))> {
    if app.screen != crate::app::Screen::Reader || app.help || app.confirm.is_some() {
        return None;
    }
    app.reader
        .as_ref()
        .map(|r| (r.unit_id.clone(), r.top, app.size))
}

/// Save now; true when the state was written.
fn save_now(shared: &Mutex<Shared>, app: &mut App) -> bool {
    save_with(shared, app, false)
}

fn save_with(shared: &Mutex<Shared>, app: &mut App, patient: bool) -> bool {
    let mut s = lock(shared);
    let state = app.state.clone();
    match s.saver.save(&state, patient) {
        Ok((merged, notes)) => {
            if merged != app.state {
                app.state = merged.clone();
            }
            crate::app::update::follow_record(app);
            s.state = merged;
            s.unsaved = false;
            s.last_error = None;
            app.dirty = false;
            app.save_error = None;
            app.quit_refused = false;
            if !notes.is_empty() {
                app.notice = Some(notes.join(" · "));
            }
            true
        }
        Err(e) => {
            // Kept on screen until a save succeeds; a refused quit keeps its words.
            if !app.quit_refused {
                app.save_error = Some(app.s.save_held(&e));
            }
            s.last_error = Some(e);
            false
        }
    }
}

/// The drop folder (`report_dir`) and how files dropped there are signed.
pub struct DropBox {
    /// The folder.
    pub dir: std::path::PathBuf,
    /// The resolved `signing_key`, if any.
    pub signing_key: Option<std::path::PathBuf>,
    /// When the last signed file was dropped.
    last_signed: Option<Instant>,
}

/// How often a signed drop happens while the member works: each one runs
/// `ssh-keygen` (and may ask a security key for a touch).
const SIGNED_DROP_EVERY: Duration = Duration::from_secs(60);

impl DropBox {
    /// A drop folder, signing with `signing_key` when given.
    #[must_use]
    pub fn new(dir: std::path::PathBuf, signing_key: Option<std::path::PathBuf>) -> DropBox {
        DropBox {
            dir,
            signing_key,
            last_signed: None,
        }
    }

    /// Write the current cycle's completion file (and its signature) into the folder,
    /// so the secretary's folder holds the latest evidence. With a signing key this
    /// happens at most every [`SIGNED_DROP_EVERY`], and always when `last` (on quit).
    fn drop_completion(&mut self, app: &mut App, last: bool) {
        use crate::store::{handin, sign};
        let Some(c) = crate::app::queries::completion(app) else {
            return;
        };
        if self.signing_key.is_some()
            && !last
            && self
                .last_signed
                .is_some_and(|t| t.elapsed() < SIGNED_DROP_EVERY)
        {
            return;
        }
        let path = self.dir.join(format!("{}-{}.toml", c.member_id, c.cycle));
        let bytes = c.to_toml();
        let lang = app.s.lang;
        let signed = self.signing_key.as_ref().map(|k| {
            self.last_signed = Some(Instant::now());
            sign::sign(k, bytes.as_bytes(), sign::Prompt::Never)
        });
        let armored = signed
            .as_ref()
            .and_then(|s| s.as_ref().ok())
            .map(|s| s.armored.as_slice());
        if let Err(e) = handin::hand_in(&path, bytes.as_bytes(), armored) {
            app.notice = Some(e.text(lang));
        } else if let Some(Err(e)) = &signed {
            app.notice = Some(format!("{}: {}", app.s.dropped_unsigned, e.text(lang)));
        }
    }
}

/// Before the main screens: the profile picker when the account holds several
/// members, or the new-profile form on first run. Renames made in the picker are left
/// in `picker.renames` for the caller to save.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn choose_profile(
    s: &'static crate::strings::Strings,
    picker: &mut crate::app::picker::Picker,
    theme: &Theme,
) -> anyhow::Result<crate::app::picker::Outcome> {
    let (mut terminal, _guard) = setup()?;
    loop {
        let size = terminal.size()?;
        picker.page = crate::ui::picker::list_rows(size.height);
        terminal.draw(|f| crate::ui::picker::draw(f, picker, s, theme))?;
        let msg = match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                crate::app::keymap::lookup(picker.key_mode(), k)
            }
            Event::Paste(text) => Some(Msg::Paste(text)),
            _ => None,
        };
        if let Some(msg) = msg
            && let Some(outcome) = picker.update(msg)
        {
            return Ok(outcome);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::{FromRawFd, OwnedFd};

    /// A pseudo-terminal pair: (master, slave).
    #[allow(unsafe_code)]
    fn pty_pair() -> (OwnedFd, OwnedFd) {
        let (mut master, mut slave) = (-1, -1);
        // SAFETY: openpty writes two fds into the given ints; name, termios and
        // window size may be null.
        let rc = unsafe {
            libc::openpty(
                &raw mut master,
                &raw mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty: {}", io::Error::last_os_error());
        // SAFETY: both fds were just opened and are owned by nobody else.
        unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
    }

    #[test]
    fn a_closed_terminal_is_noticed_by_the_wait_itself() {
        let (master, slave) = pty_pair();
        let (wake, _writer) = UnixStream::pair().expect("socket pair");
        wake.set_nonblocking(true).expect("nonblocking");
        let mut w = Waiter {
            tty: slave.as_raw_fd(),
            _dev_tty: None,
            wake,
        };
        assert_eq!(
            w.wait(Some(Duration::from_millis(10))).expect("poll"),
            Woke::Timeout
        );
        let mut m = std::fs::File::from(master.try_clone().expect("dup"));
        // A whole line: the fresh terminal is in canonical mode.
        m.write_all(b"j\n").expect("type a key");
        assert_eq!(w.wait(None).expect("poll"), Woke::Input);
        drop(m);
        drop(master);
        // No timeout: the hang-up alone must end the wait.
        assert_eq!(w.wait(None).expect("poll"), Woke::HungUp);
    }

    #[test]
    fn a_wake_up_byte_ends_the_wait_and_is_consumed() {
        let (_master, slave) = pty_pair();
        let (wake, mut writer) = UnixStream::pair().expect("socket pair");
        wake.set_nonblocking(true).expect("nonblocking");
        let mut w = Waiter {
            tty: slave.as_raw_fd(),
            _dev_tty: None,
            wake,
        };
        writer.write_all(b"ss").expect("wake");
        assert_eq!(w.wait(None).expect("poll"), Woke::Wake);
        assert_eq!(
            w.wait(Some(Duration::from_millis(10))).expect("poll"),
            Woke::Timeout,
            "the bytes were read"
        );
    }
}
