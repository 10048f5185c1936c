//! The one owner of the terminal: set-up, the event loop, signals, and restoring the
//! terminal on every way out (normal quit, error, panic, SIGHUP, SIGTERM).
//!
//! Saving must not depend on the event loop: after an SSH hang-up crossterm's
//! `poll`/`read` can spin forever, so a signal thread and a watchdog save the latest
//! snapshot of the member state themselves and end the process.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use jiff::Timestamp;
use ratatui::Terminal;

use crate::ui::backend::LeanBackend;
use crate::ui::scroll::{self, LastFrame};

use crate::app::msg::Msg;
use crate::app::update::update;
use crate::app::{App, Effect};
use crate::core::state::MemberState;
use crate::ui::theme::Theme;

/// Saves a member state; returns the state as written (merged with what other
/// sessions saved meanwhile) with anything the member must be told, or a message
/// saying why it could not.
pub type SaveFn = Box<dyn FnMut(&MemberState) -> Result<(MemberState, Vec<String>), String> + Send>;

/// What the signal thread and the loop share: the latest state and the saver.
struct Shared {
    state: MemberState,
    save: SaveFn,
    /// Set once the process is ending, so no second save starts.
    done: bool,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A panic while holding the lock leaves the data intact; keep using it so the
    // state can still be saved on the way out.
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// How often the loop wakes with no key, to count reading time.
const TICK: Duration = Duration::from_millis(250);
/// Longest time unsaved changes wait while reading. A save is one small atomic
/// write; once a second keeps what a kill -9 can lose to a second of reading.
const SAVE_EVERY: Duration = Duration::from_secs(1);
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

/// Save the shared state one last time and end the process.
fn save_and_exit(shared: &Mutex<Shared>, code: i32) -> ! {
    {
        let mut s = lock(shared);
        if !s.done {
            s.done = true;
            let state = s.state.clone();
            let _ = (s.save)(&state);
        }
    }
    restore_terminal();
    std::process::exit(code);
}

fn spawn_signal_thread(shared: Arc<Mutex<Shared>>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                save_and_exit(&shared, 128 + sig);
            }
        })?;
    Ok(())
}

/// Ends the program, saving, once standard input is no longer a terminal: the case
/// of a hang-up whose SIGHUP was ignored (`nohup`), where crossterm would spin.
fn spawn_watchdog(shared: Arc<Mutex<Shared>>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("watchdog".into())
        .spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(500));
                if !io::stdin().is_terminal() || tty_hung_up() {
                    save_and_exit(&shared, 129);
                }
            }
        })?;
    Ok(())
}

/// Whether the controlling terminal on stdin reports a hang-up.
#[allow(unsafe_code)]
fn tty_hung_up() -> bool {
    let mut fds = libc::pollfd {
        fd: 0,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd on the stack, count 1, zero timeout; poll only
    // writes `revents`.
    let n = unsafe { libc::poll(&raw mut fds, 1, 0) };
    n > 0 && (fds.revents & (libc::POLLHUP | libc::POLLNVAL)) != 0
}

fn to_msg(app: &App, ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => crate::app::keymap::map(app, k),
        Event::Paste(s) => Some(Msg::Paste(s)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

/// Run the TUI until the member quits. The state is saved through `save` on leaving
/// a unit, every few seconds while it changes, on quit, and from the signal thread.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn run(
    mut app: App,
    save: SaveFn,
    theme: Theme,
    mut drop_box: Option<DropBox>,
) -> anyhow::Result<()> {
    let shared = Arc::new(Mutex::new(Shared {
        state: app.state.clone(),
        save,
        done: false,
    }));
    spawn_signal_thread(Arc::clone(&shared))?;
    let (mut terminal, _guard) = setup()?;
    spawn_watchdog(Arc::clone(&shared))?;
    let size = terminal.size()?;
    update(
        &mut app,
        Msg::Resize(size.width, size.height),
        Timestamp::now(),
    );
    let mut last_save = Instant::now();
    let trace = FrameTrace::from_env();
    let mut last = LastFrame::new();
    let mut save_pending = false;
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
            if save_now(&shared, &mut app)
                && let Some(d) = &mut drop_box
            {
                d.drop_completion(&mut app, false);
            }
            last_save = Instant::now();
        }
        let before = reader_view(&app);
        let mut effects = Vec::new();
        if event::poll(TICK)? {
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
            lock(&shared).state.clone_from(&app.state);
        }
        let quit = effects.contains(&Effect::Quit);
        let due = app.dirty && last_save.elapsed() >= SAVE_EVERY;
        if quit {
            if save_now(&shared, &mut app)
                && let Some(d) = &mut drop_box
            {
                d.drop_completion(&mut app, true);
            }
        } else if due || (app.dirty && effects.contains(&Effect::Save)) {
            save_pending = true;
        }
        if quit {
            lock(&shared).done = true;
            break;
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
    let mut s = lock(shared);
    let state = app.state.clone();
    match (s.save)(&state) {
        Ok((merged, notes)) => {
            if merged != app.state {
                app.state = merged.clone();
            }
            s.state = merged;
            app.dirty = false;
            if !notes.is_empty() {
                app.notice = Some(notes.join(" · "));
            }
            true
        }
        Err(e) => {
            app.notice = Some(format!("{}: {e}", app.s.save_failed));
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

/// What the member chose at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// An existing profile, by index.
    Existing(usize),
    /// A new profile with this display name.
    New(String),
}

/// Before the main screens: a profile picker when the account holds several
/// members, or a name prompt on first run (`profiles` empty). `None`: the member left.
///
/// # Errors
/// When the terminal cannot be set up or read.
pub fn choose_profile(
    s: &'static crate::strings::Strings,
    profiles: &[(String, String)],
    default_name: &str,
    theme: &Theme,
) -> anyhow::Result<Option<Pick>> {
    use crossterm::event::KeyCode;
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Paragraph;
    let (mut terminal, _guard) = setup()?;
    let mut selected = 0usize;
    let mut typing = profiles.is_empty();
    let mut name = default_name.to_string();
    loop {
        terminal.draw(|f| {
            let area = f.area();
            let mut lines = Vec::new();
            if typing {
                lines.push(Line::from(Span::styled(s.name_prompt, theme.title)));
                lines.push(Line::from(""));
                lines.push(Line::from(vec![
                    Span::styled("> ", theme.accent),
                    Span::raw(crate::core::text::escape_controls(&name)),
                    Span::styled("▏", theme.accent),
                ]));
            } else {
                lines.push(Line::from(Span::styled(s.picker_title, theme.title)));
                lines.push(Line::from(""));
                for (i, (id, n)) in profiles.iter().enumerate() {
                    let text = format!(
                        "  {} ({})",
                        crate::core::text::escape_controls(n),
                        crate::core::text::escape_controls(id)
                    );
                    let mut l = Line::from(text);
                    if i == selected {
                        l = l.style(theme.selected);
                    }
                    lines.push(l);
                }
                let mut l = Line::from(format!("  {}", s.new_profile));
                if selected == profiles.len() {
                    l = l.style(theme.selected);
                }
                lines.push(l);
            }
            f.render_widget(Paragraph::new(lines), area);
        })?;
        let Event::Key(k) = event::read()? else {
            continue;
        };
        if k.kind == KeyEventKind::Release {
            continue;
        }
        let ctrl = k
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL);
        if ctrl && k.code == KeyCode::Char('c') {
            return Ok(None);
        }
        if typing {
            match k.code {
                KeyCode::Char(c) => name.push(c),
                KeyCode::Backspace => {
                    name.pop();
                }
                KeyCode::Enter if !name.trim().is_empty() => {
                    return Ok(Some(Pick::New(name.trim().to_string())));
                }
                KeyCode::Esc if profiles.is_empty() => return Ok(None),
                KeyCode::Esc => typing = false,
                _ => {}
            }
        } else {
            match k.code {
                KeyCode::Up | KeyCode::Char('k') => selected = selected.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => selected = (selected + 1).min(profiles.len()),
                KeyCode::Enter if selected == profiles.len() => {
                    typing = true;
                    name.clear();
                }
                KeyCode::Enter => return Ok(Some(Pick::Existing(selected))),
                KeyCode::Char('q') | KeyCode::Esc => return Ok(None),
                _ => {}
            }
        }
    }
}
