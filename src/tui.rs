//! The terminal owner.
