//! Wrong-answer review (错题本): spaced-repetition scheduling of missed questions.
//!
//! The scheduler is FSRS-5 (the Free Spaced Repetition Scheduler, open-spaced-repetition
//! project) with its published default weights, written out here: a card has a
//! stability S (days until recall probability falls to 90%) and a difficulty D (1-10).
//! A practice answer is graded `Good` when right and `Again` when wrong; the next
//! interval is S days for a requested retention of 90%, in whole days.
//!
//! FSRS rather than SM-2 because it models forgetting by elapsed time: a question
//! answered right long after it was due gains more stability than one answered early,
//! and a lapse shrinks stability by how well the card was known instead of restarting
//! at a fixed interval. Day granularity is enough for a 错题本; the short-term
//! (same-day) formula covers a card practised twice in one day.

use jiff::civil::Date;
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

/// Stability in days from which a card counts as mastered (掌握): at the retention
/// asked for, its next review is at least three weeks away. A card reaches it only by
/// right answers given when they were due, and a wrong answer takes it back below.
pub const MASTERED_STABILITY: f64 = 21.0;

/// FSRS-5 default weights w0..w18.
const W: [f64; 19] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];
/// The forgetting curve's power-law decay.
const DECAY: f64 = -0.5;
/// Chosen so that R(S, S) = 0.9: 0.9^(1/DECAY) - 1 = 19/81.
const FACTOR: f64 = 19.0 / 81.0;
/// Longest interval scheduled; a year is "learnt" for a study notebook.
pub const MAX_INTERVAL_DAYS: i64 = 365;
/// Lowest stability kept (days). ts-fsrs uses the same floor; without it repeated
/// same-day lapses drive stability toward zero and later formulas divide by it.
pub const MIN_STABILITY: f64 = 0.01;
/// Highest stability kept (days): a hundred years, ts-fsrs's ceiling.
pub const MAX_STABILITY: f64 = 36_500.0;

/// FSRS grades used here: a practice answer is either recalled or not.
#[derive(Clone, Copy)]
enum Grade {
    Again = 1,
    Good = 3,
}

impl Grade {
    fn value(self) -> f64 {
        f64::from(self as u8)
    }
}

/// Probability of recall after `days` for stability `s`.
fn retrievability(days: f64, s: f64) -> f64 {
    (1.0 + FACTOR * days / s).powf(DECAY)
}

fn initial_stability(g: Grade) -> f64 {
    W[g as usize - 1].max(0.1)
}

fn initial_difficulty(g: Grade) -> f64 {
    (W[4] - (W[5] * (g.value() - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
}

fn next_difficulty(d: f64, g: Grade) -> f64 {
    let delta = -W[6] * (g.value() - 3.0);
    // Linear damping: steps shrink as difficulty nears 10.
    let damped = d + delta * (10.0 - d) / 9.0;
    // Mean reversion toward the difficulty of an easy first answer avoids "ease hell".
    let easy = (W[4] - (W[5] * 3.0).exp() + 1.0).clamp(1.0, 10.0);
    (W[7] * easy + (1.0 - W[7]) * damped).clamp(1.0, 10.0)
}

fn stability_after_recall(d: f64, s: f64, r: f64) -> f64 {
    s * (1.0 + W[8].exp() * (11.0 - d) * s.powf(-W[9]) * ((W[10] * (1.0 - r)).exp() - 1.0))
}

fn stability_after_lapse(d: f64, s: f64, r: f64) -> f64 {
    let long_term =
        W[11] * d.powf(-W[12]) * ((s + 1.0).powf(W[13]) - 1.0) * (W[14] * (1.0 - r)).exp();
    // FSRS-5's post-lapse cap (py-fsrs and ts-fsrs): a lapse leaves no more stability than
    // a same-day "again" would, so forgetting never makes a memory more stable.
    let cap = s / (W[17] * W[18]).exp();
    long_term.min(cap)
}

fn stability_same_day(s: f64, g: Grade) -> f64 {
    s * (W[17] * (g.value() - 3.0 + W[18])).exp()
}

/// Stability forced into `MIN_STABILITY..=MAX_STABILITY`; a non-number becomes the floor.
fn clamp_stability(s: f64) -> f64 {
    if s.is_nan() {
        MIN_STABILITY
    } else {
        s.clamp(MIN_STABILITY, MAX_STABILITY)
    }
}

/// Difficulty forced into 1..=10; a non-number becomes the middle of the range.
fn clamp_difficulty(d: f64) -> f64 {
    if d.is_nan() { 5.5 } else { d.clamp(1.0, 10.0) }
}

impl Card {
    /// The memory values of a card read from a file, made safe to schedule from:
    /// `None` when there is nothing to trust (no review day, or a stability that is not
    /// a positive number), so the card starts afresh; otherwise stability and difficulty
    /// clamped into their ranges. A hand-edited or damaged state file can hold anything.
    #[must_use]
    pub fn memory(&self) -> Option<(f64, f64, Date)> {
        let last = self.last.as_deref().and_then(parse_day)?;
        if self.stability.is_nan() || self.stability <= 0.0 {
            return None;
        }
        Some((
            clamp_stability(self.stability),
            clamp_difficulty(self.difficulty),
            last,
        ))
    }

    /// The day the card is next due; `None` when `due` is not a date.
    #[must_use]
    pub fn due_date(&self) -> Option<Date> {
        parse_day(&self.due)
    }

    /// Whether the card is due on `today`. A due day that is not a date counts as due:
    /// a damaged or hand-edited record must not hide a card for good, and answering it
    /// writes a readable day again.
    #[must_use]
    pub fn is_due(&self, today: Date) -> bool {
        self.due_date().is_none_or(|d| d <= today)
    }

    /// Whether the card is mastered: its last answer was right (`reps` at least one)
    /// and its stability is at least [`MASTERED_STABILITY`], so it is not asked again
    /// for three weeks or more. A damaged record is never mastered.
    #[must_use]
    pub fn is_mastered(&self) -> bool {
        self.reps >= 1
            && self
                .memory()
                .is_some_and(|(s, _, _)| s >= MASTERED_STABILITY)
    }
}

/// Whole days until the next review for stability `s` at 90% retention.
fn interval_days(s: f64) -> i64 {
    // I(0.9, S) = S / FACTOR * (0.9^(1/DECAY) - 1) = S.
    let days = s.round();
    if days.is_finite() {
        // Bounded to 1..=365 before the cast, so it cannot truncate; 365 is exact
        // in an f64.
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let d = days.clamp(1.0, MAX_INTERVAL_DAYS as f64) as i64;
        d
    } else {
        1
    }
}

fn parse_day(s: &str) -> Option<Date> {
    s.parse().ok()
}

/// The card after answering its question on `today`: `None` for a question not yet in
/// the notebook. A wrong answer resets the run of successes and brings the card back
/// tomorrow-ish; right answers push it further out each time.
///
/// Total: any loaded card (out-of-range or non-finite numbers, unreadable days) gives a
/// card with difficulty in 1..=10 and stability in `MIN_STABILITY..=MAX_STABILITY`.
/// A wrong answer to a card already missed today is not another lapse: the member is
/// retrying what was just shown to them.
#[must_use]
pub fn review(card: Option<&Card>, correct: bool, today: Date) -> Card {
    let g = if correct { Grade::Good } else { Grade::Again };
    let memory = card.and_then(Card::memory);
    let mut missed_today = false;
    let (stability, difficulty) = match memory {
        Some((s, d, last)) => {
            let elapsed = (today - last).get_days().max(0);
            let next_d = next_difficulty(d, g);
            let next_s = if elapsed == 0 {
                missed_today = card.is_some_and(|c| c.reps == 0 && c.lapses > 0);
                stability_same_day(s, g)
            } else {
                let r = retrievability(f64::from(elapsed), s);
                if correct {
                    stability_after_recall(d, s, r)
                } else {
                    stability_after_lapse(d, s, r)
                }
            };
            (next_s, next_d)
        }
        // A new card, or one whose record is damaged: start afresh.
        None => (initial_stability(g), initial_difficulty(g)),
    };
    let stability = clamp_stability(stability);
    let difficulty = clamp_difficulty(difficulty);
    let days = if correct { interval_days(stability) } else { 1 };
    let due = today
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(today);
    let prev = card.cloned().unwrap_or_default();
    let new_lapse = !correct && !missed_today;
    Card {
        due: due.to_string(),
        stability,
        difficulty,
        reps: if correct {
            prev.reps.saturating_add(1)
        } else {
            0
        },
        lapses: prev.lapses.saturating_add(u32::from(new_lapse)),
        last: Some(today.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn days_between(a: &str, b: Date) -> i32 {
        (parse_day(a).expect("due is a date") - b).get_days()
    }

    #[test]
    fn right_answers_on_their_due_days_master_a_card_and_a_miss_undoes_it() {
        let mut today = date(2026, 11, 1);
        let mut card = review(None, false, today);
        assert!(!card.is_mastered(), "a missed card is not mastered");
        let mut goods = 0;
        while !card.is_mastered() {
            today = parse_day(&card.due).expect("due is a date");
            card = review(Some(&card), true, today);
            goods += 1;
            assert!(goods < 10, "never mastered: {card:?}");
        }
        // Not on the first right answer: the run has to last.
        assert!(goods >= 2, "{goods}");
        assert!(days_between(&card.due, today) >= 21, "{card:?}");
        let missed = review(Some(&card), false, today + jiff::Span::new().days(30));
        assert!(!missed.is_mastered(), "{missed:?}");
        let damaged = Card {
            stability: f64::NAN,
            ..card.clone()
        };
        assert!(!damaged.is_mastered());
    }

    #[test]
    fn due_compares_days_and_an_unreadable_day_is_due() {
        let today = date(2026, 11, 10);
        let card = |due: &str| Card {
            due: due.into(),
            ..Card::default()
        };
        assert!(card("2026-11-09").is_due(today));
        assert!(card("2026-11-10").is_due(today));
        assert!(!card("2026-11-11").is_due(today));
        assert!(!card("2027-01-01").is_due(today));
        // Not dates: as text "2026-9-01" and "soon" sort after today and would hide
        // the card; unreadable, they are due.
        for due in ["2026-9-01", "soon", "", "2026-13-01"] {
            assert_eq!(card(due).due_date(), None, "{due:?}");
            assert!(card(due).is_due(today), "{due:?}");
        }
    }

    #[test]
    fn a_missed_question_comes_back_tomorrow() {
        let today = date(2026, 11, 3);
        let c = review(None, false, today);
        assert_eq!(c.due, "2026-11-04");
        assert_eq!(c.lapses, 1);
        assert_eq!(c.reps, 0);
        assert!((c.stability - W[0]).abs() < 1e-9);
        assert!((c.difficulty - W[4]).abs() < 1e-9);
    }

    #[test]
    fn intervals_grow_with_each_success() {
        let mut day = date(2026, 11, 3);
        let mut card = review(None, false, day);
        let mut intervals = Vec::new();
        for _ in 0..6 {
            day = parse_day(&card.due).expect("due is a date");
            card = review(Some(&card), true, day);
            intervals.push(days_between(&card.due, day));
        }
        assert!(
            intervals.windows(2).all(|w| w[1] > w[0]),
            "intervals must grow: {intervals:?}"
        );
        assert!(intervals[0] >= 1);
        assert!(*intervals.last().expect("six") > 30, "{intervals:?}");
        assert_eq!(card.reps, 6);
        assert_eq!(card.lapses, 1);
    }

    #[test]
    fn a_lapse_resets_the_interval_and_cuts_stability() {
        let mut day = date(2026, 11, 3);
        let mut card = review(None, true, day);
        for _ in 0..4 {
            day = parse_day(&card.due).expect("due is a date");
            card = review(Some(&card), true, day);
        }
        let before = card.stability;
        assert!(days_between(&card.due, day) > 20);
        day = parse_day(&card.due).expect("due is a date");
        let lapsed = review(Some(&card), false, day);
        assert_eq!(days_between(&lapsed.due, day), 1);
        assert!(
            lapsed.stability < before / 2.0,
            "{} vs {before}",
            lapsed.stability
        );
        assert_eq!(lapsed.reps, 0);
        assert_eq!(lapsed.lapses, 1);
        assert!(lapsed.difficulty > card.difficulty);
    }

    #[test]
    fn a_late_success_gains_more_than_an_early_one() {
        let start = date(2026, 11, 3);
        let card = review(None, true, start);
        let on_time = review(Some(&card), true, parse_day(&card.due).expect("date"));
        let late = review(Some(&card), true, date(2026, 11, 30));
        assert!(late.stability > on_time.stability);
    }

    #[test]
    fn the_first_right_answer_schedules_three_days() {
        let c = review(None, true, date(2026, 11, 3));
        assert_eq!(c.due, "2026-11-06", "S0(Good) = 3.173 days");
        assert_eq!(c.reps, 1);
    }

    #[test]
    fn same_day_practice_uses_the_short_term_formula() {
        let today = date(2026, 11, 3);
        let first = review(None, false, today);
        let again = review(Some(&first), true, today);
        assert!(again.stability > first.stability);
        assert!(again.stability < initial_stability(Grade::Good));
        assert_eq!(again.due, "2026-11-04");
    }

    #[test]
    fn intervals_are_capped_and_damaged_cards_restart() {
        let card = Card {
            due: "2026-01-01".into(),
            stability: 5000.0,
            difficulty: 1.0,
            reps: 20,
            lapses: 0,
            last: Some("2026-01-01".into()),
        };
        let next = review(
            Some(&card),
            true,
            date(2026, 1, 1).saturating_add(jiff::Span::new().days(300)),
        );
        assert_eq!(
            days_between(&next.due, date(2026, 10, 28)),
            i32::try_from(MAX_INTERVAL_DAYS).expect("a year")
        );
        let broken = Card {
            due: "soon".into(),
            ..Card::default()
        };
        let fresh = review(Some(&broken), true, date(2026, 1, 1));
        assert_eq!(fresh.due, "2026-01-04");
    }

    #[test]
    fn many_lapses_in_one_day_then_another_do_not_panic() {
        // Seven wrong answers in one day once drove stability below 0.01 and the next
        // day's lapse panicked in `clamp(0.01, s)`.
        let day = date(2026, 11, 3);
        let mut c = review(None, false, day);
        for _ in 0..7 {
            c = review(Some(&c), false, day);
        }
        assert!(c.stability >= MIN_STABILITY);
        let next = review(Some(&c), false, date(2026, 11, 4));
        assert!((MIN_STABILITY..=MAX_STABILITY).contains(&next.stability));
    }

    #[test]
    fn a_saved_card_below_the_floor_is_repaired() {
        let saved = Card {
            due: "2026-11-04".into(),
            stability: 0.0063,
            difficulty: 10.0,
            reps: 0,
            lapses: 8,
            last: Some("2026-11-03".into()),
        };
        for correct in [false, true] {
            let next = review(Some(&saved), correct, date(2026, 11, 5));
            assert!(next.stability >= MIN_STABILITY, "{next:?}");
            assert!((1.0..=10.0).contains(&next.difficulty));
        }
        let wild = Card {
            stability: f64::INFINITY,
            difficulty: f64::NAN,
            ..saved.clone()
        };
        let next = review(Some(&wild), true, date(2026, 11, 5));
        assert!(next.stability <= MAX_STABILITY && next.difficulty.is_finite());
    }

    #[test]
    fn the_post_lapse_cap_holds() {
        let card = Card {
            due: "2026-11-04".into(),
            stability: 2.0,
            difficulty: 1.0,
            reps: 3,
            lapses: 0,
            last: Some("2026-10-01".into()),
        };
        let lapsed = review(Some(&card), false, date(2026, 11, 4));
        assert!(lapsed.stability <= 2.0 / (W[17] * W[18]).exp() + 1e-12);
    }

    #[test]
    fn retrying_a_missed_question_the_same_day_is_one_lapse() {
        let day = date(2026, 11, 3);
        let first = review(None, false, day);
        let retry = review(Some(&first), false, day);
        assert_eq!(retry.lapses, 1);
        let right = review(Some(&retry), true, day);
        let wrong_again = review(Some(&right), false, day);
        assert_eq!(
            wrong_again.lapses, 2,
            "a miss after a right answer is a lapse"
        );
        assert_eq!(review(Some(&first), false, date(2026, 11, 4)).lapses, 2);
    }

    #[test]
    fn difficulty_stays_in_range() {
        let mut c = review(None, false, date(2026, 1, 1));
        for i in 0..50 {
            c = review(
                Some(&c),
                false,
                date(2026, 1, 2).saturating_add(jiff::Span::new().days(i)),
            );
            assert!((1.0..=10.0).contains(&c.difficulty));
            assert!(c.stability > 0.0);
        }
    }
}
