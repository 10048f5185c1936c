//! dangxue (党学): a terminal reader and study tracker for Party members.
//!
//! Layering, from the inside out:
//! - [`core`] is pure: parsing, layout, rules, grading, verification. It reads no
//!   files, no environment, no clock and never touches the terminal, so all of it is
//!   tested with plain values.
//! - [`store`] does all file I/O: paths, atomic saves, locks, loading units.
//! - [`app`] holds the TUI's state and turns messages into new state plus effects
//!   (save, export, quit) without doing them.
//! - [`ui`] draws `&App` into a frame and changes nothing.
//! - [`tui`] owns the terminal: set-up, the event loop, signals and restoring the
//!   terminal on every exit path.
//! - [`cli`] and the subcommands (`status`, `check`, `export`, `report`) run without
//!   touching the terminal.

pub mod app;
pub mod cli;
pub mod commands;
pub mod core;
pub mod store;
pub mod strings;
pub mod tui;
pub mod ui;
