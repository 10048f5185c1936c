//! All file I/O: where things live, loading units and config, saving state.

pub mod atomic;
pub mod completions;
pub mod config;
pub mod content;
pub mod handin;
pub mod library;
pub mod paths;
pub mod plan;
pub mod sign;
pub mod state;
pub mod title_cache;
pub mod zone;
