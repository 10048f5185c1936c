//! Ways out the member did not choose: SIGHUP, SIGTERM, SIGINT, a hang-up and a
//! panic. Each saves first, and writes an emergency copy when the save fails.

use std::io::{self, Write};
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::app::App;

use super::save::{Shared, lock};
use super::terminal::restore_terminal;

/// The shared state, the signal the loop should end on (0: none), and the condition
/// the signal thread waits on while the loop saves.
pub(super) struct Ending {
    pub(super) shared: Mutex<Shared>,
    pub(super) signal: AtomicI32,
    pub(super) saved: Condvar,
}

/// How long the signal thread leaves the loop to save before saving itself.
const HANDOFF: Duration = Duration::from_millis(500);

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
pub(super) fn save_on_panic(ending: Arc<Ending>) {
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
pub(super) fn spawn_signal_thread(ending: Arc<Ending>, mut wake: UnixStream) -> io::Result<()> {
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

/// Save the app's state (counted up to now) on a hang-up or signal, tell the signal
/// thread it need not, and end the process with `code`.
pub(super) fn end_now(ending: &Ending, app: &mut App, code: i32) -> ! {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::state::MemberState;
    use crate::tui::save::Saver;

    /// A record that keeps what it was asked to save, or refuses every save.
    struct Recorder {
        saved: Arc<Mutex<Vec<MemberState>>>,
        copies: Arc<Mutex<Vec<MemberState>>>,
        fails: bool,
    }

    impl Saver for Recorder {
        fn save(
            &mut self,
            state: &MemberState,
            _patient: bool,
        ) -> Result<(MemberState, Vec<String>), String> {
            if self.fails {
                return Err("members/zhaoliu.toml: No space left on device".into());
            }
            self.saved
                .lock()
                .map_err(|e| e.to_string())?
                .push(state.clone());
            Ok((state.clone(), Vec::new()))
        }

        fn emergency_copy(&mut self, state: &MemberState) -> Result<std::path::PathBuf, String> {
            self.copies
                .lock()
                .map_err(|e| e.to_string())?
                .push(state.clone());
            Ok("/tmp/zhaoliu-emergency.toml".into())
        }

        fn changed_on_disk(&self) -> bool {
            false
        }
    }

    /// Install the panic hook over `saver`, panic on this thread, and put the
    /// previous hook back.
    fn panic_with(saver: Recorder, state: MemberState) {
        // The panic hook is the process's own: one test at a time installs it.
        static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
        let _turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let ending = Arc::new(Ending {
            shared: Mutex::new(Shared {
                state,
                saver: Box::new(saver),
                done: false,
                unsaved: true,
                last_error: None,
                s: crate::strings::get(crate::core::config::Lang::Zh),
            }),
            signal: AtomicI32::new(0),
            saved: Condvar::new(),
        });
        save_on_panic(Arc::clone(&ending));
        let caught = std::panic::catch_unwind(|| panic!("a bug while the member typed"));
        // Back to the default hook: the one installed above holds this test's saver.
        drop(std::panic::take_hook());
        assert!(caught.is_err());
        assert!(
            lock(&ending.shared).done,
            "the hook marks the process as ending"
        );
    }

    #[test]
    fn a_panic_saves_the_latest_state_before_the_message() {
        let saved = Arc::new(Mutex::new(Vec::new()));
        let copies = Arc::new(Mutex::new(Vec::new()));
        let mut state = MemberState::new("zhaoliu", "赵六");
        state.days.insert("2026-12-02".into(), 600);
        let saver = Recorder {
            saved: Arc::clone(&saved),
            copies: Arc::clone(&copies),
            fails: false,
        };
        panic_with(saver, state.clone());
        let saved = saved.lock().map(|v| v.clone()).unwrap_or_default();
        assert_eq!(saved, vec![state]);
        assert!(copies.lock().is_ok_and(|v| v.is_empty()));
    }

    #[test]
    fn a_panic_while_saves_fail_writes_an_emergency_copy() {
        let saved = Arc::new(Mutex::new(Vec::new()));
        let copies = Arc::new(Mutex::new(Vec::new()));
        let state = MemberState::new("zhaoliu", "赵六");
        let saver = Recorder {
            saved: Arc::clone(&saved),
            copies: Arc::clone(&copies),
            fails: true,
        };
        panic_with(saver, state.clone());
        assert!(saved.lock().is_ok_and(|v| v.is_empty()));
        let copies = copies.lock().map(|v| v.clone()).unwrap_or_default();
        assert_eq!(copies, vec![state]);
    }
}
