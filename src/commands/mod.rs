//! Subcommands: plain text in, plain text out, no terminal.

pub mod check;
pub mod report;
