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

/// Schedule a card after an answer: a wrong answer is due again tomorrow, a right
/// one waits twice as long as the last interval.
#[must_use]
pub fn review(card: Option<&Card>, correct: bool, today: jiff::civil::Date) -> Card {
    let mut c = card.cloned().unwrap_or_default();
    if correct {
        c.reps += 1;
        c.stability = (c.stability * 2.0).max(1.0);
    } else {
        c.reps = 0;
        c.lapses += 1;
        c.stability = 1.0;
    }
    let days = if correct { c.stability.round() as i64 } else { 1 };
    c.due = today
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(today)
        .to_string();
    c.last = Some(today.to_string());
    c
}
