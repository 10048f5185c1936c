//! Wrong-answer review (错题本): spaced-repetition scheduling of missed questions.

use serde::{Deserialize, Serialize};

/// The review record of one question, keyed in the member state by `unit/question`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Card {
    /// Day the card is next due, `YYYY-MM-DD`.
    pub due: String,
    /// Memory stability in days.
    pub stability: f64,
    /// Difficulty, 1-10.
    pub difficulty: f64,
    /// Successful reviews in a row.
    pub reps: u32,
    /// Times the answer was wrong.
    pub lapses: u32,
    /// Day of the last review, `YYYY-MM-DD`.
    pub last: Option<String>,
}
