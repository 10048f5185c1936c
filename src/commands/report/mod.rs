//! `dangxue report DIR`: verify every completion file in a folder against the
//! secretary's own content, rules and plan, and print one row per file.
//!
//! Files are streamed: each worker reads a file into a reused buffer, parses and
//! verifies it and keeps only the small [`crate::core::report::Row`], so memory does not grow with the
//! files' text. Text from the files is escaped before it reaches a terminal.
//! The files are listed and read by [`crate::store::completions`]; the outputs are
//! drawn by `render`, one member's full evidence (`--member`) by `evidence`.

mod evidence;
mod render;
mod run;

pub use render::{View, csv, html, json, markdown, table};
pub use run::{Request, run};
