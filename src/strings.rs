//! Every user-facing string.
