//! The pure core: no terminal, no files, no environment, no clock.

pub mod assess;
pub mod completion;
pub mod config;
pub mod editview;
pub mod layout;
pub mod marks;
pub mod merge;
pub mod plan;
pub mod quiz;
pub mod reading;
pub mod regime;
pub mod report;
pub mod review;
pub mod roster;
pub mod search;
pub mod search_index;
pub mod shown;
pub mod sshsig;
pub mod state;
pub mod text;
pub mod tomldoc;
pub mod unit;
