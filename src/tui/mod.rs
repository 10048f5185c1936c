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
//! loop does not take it within half a second, the signal thread saves the latest
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

mod drop_box;
mod event_loop;
mod picker;
mod save;
mod signals;
mod terminal;
mod wait;

pub use drop_box::DropBox;
pub use event_loop::{Finish, run};
pub use picker::choose_profile;
pub use save::Saver;
pub use terminal::restore_terminal;
