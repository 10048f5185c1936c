//! All file I/O: where things live, loading units and config, saving state.

pub mod content;
pub mod paths;
pub mod plan;
