//! The TUI application state.
