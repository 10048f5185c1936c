//! Carrying out saves for the loop: the saver, the state shared with the signal
//! thread, and what a quit comes to when the record cannot be saved.

use std::sync::{Mutex, MutexGuard};

use crate::app::App;
use crate::core::state::MemberState;

use super::drop_box::DropBox;

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
pub(super) struct Shared {
    pub(super) state: MemberState,
    pub(super) saver: Box<dyn Saver>,
    /// Set once the process is ending, so no second save starts.
    pub(super) done: bool,
    /// `state` differs from what is on disk (a save failed or has not run yet).
    pub(super) unsaved: bool,
    /// Why the last save failed, as the saver said it.
    pub(super) last_error: Option<String>,
    /// The member's strings, for what is printed on the way out.
    pub(super) s: &'static crate::strings::Strings,
}

pub(super) fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A panic while holding the lock leaves the data intact; keep using it so the
    // state can still be saved on the way out.
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What a quit came to.
pub(super) enum Quit {
    /// The record could not be saved: the program stays open and says why.
    Stay,
    /// Saved (or nothing to save): leave.
    Saved,
    /// The second quit while saves fail: leave with this on stderr, exit status 1.
    GaveUp(String),
}

pub(super) fn quit_now(
    shared: &Mutex<Shared>,
    app: &mut App,
    drop_box: Option<&mut DropBox>,
) -> Quit {
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

/// Save now; true when the state was written.
pub(super) fn save_now(shared: &Mutex<Shared>, app: &mut App) -> bool {
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
