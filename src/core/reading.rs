//! The read state of one unit in one cycle, derived once from the evidence and shown
//! the same way everywhere (library, reader, 本月, `status`).
//!
//! SPEC: a unit counts as read when the member reached its last line and spent at least
//! `read.min_seconds` in it, both within the cycle. Reading from an earlier cycle does
//! not carry over, so a unit finished in December is unread again in January.

use super::state::UnitProgress;

/// Where a member stands with one unit in one cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadState {
    /// Not opened in this cycle.
    Unread,
    /// Opened, the last line not yet reached: how far, in percent (0..=99).
    Reading {
        /// Furthest point shown, as a percentage of the body.
        percent: u8,
    },
    /// The last line was reached, but the time in it is short of `read.min_seconds`.
    NeedsTime {
        /// Seconds still to spend.
        seconds_left: u64,
    },
    /// Finished, and it counts for this cycle's 月读.
    Counted,
    /// Finished, but it is not one of the cycle's planned units, so it does not count.
    OutsidePlan,
}

impl ReadState {
    /// Whether the unit counts as read in the cycle (the 月读 rule).
    #[must_use]
    pub fn is_counted(self) -> bool {
        self == ReadState::Counted
    }
}

/// The read state of a unit in `cycle`.
///
/// `progress` is the member's record of the unit, `body_len` the length in bytes of the
/// body (the offsets in `progress` are byte offsets), `min_seconds` the rule, and
/// `in_cycle_units` whether the unit is one of the cycle's units (always true without
/// a plan).
///
/// ```
/// use dangxue::core::reading::{ReadState, read_state};
/// assert_eq!(read_state(None, "2026-11", 1000, 120, true), ReadState::Unread);
/// ```
#[must_use]
pub fn read_state(
    progress: Option<&UnitProgress>,
    cycle: &str,
    body_len: usize,
    min_seconds: u64,
    in_cycle_units: bool,
) -> ReadState {
    let Some(r) = progress.and_then(|p| p.cycles.get(cycle)) else {
        return ReadState::Unread;
    };
    let enough_time = r.seconds >= min_seconds;
    if (r.finished.is_some() || r.reached_end) && enough_time {
        // A reached end with enough time is stamped `finished` at the next tick; show
        // it as what it already is.
        return if in_cycle_units {
            ReadState::Counted
        } else {
            ReadState::OutsidePlan
        };
    }
    if r.reached_end || r.finished.is_some() {
        return ReadState::NeedsTime {
            seconds_left: min_seconds - r.seconds,
        };
    }
    ReadState::Reading {
        percent: percent(r.furthest, body_len),
    }
}

/// `part` of `whole` in whole percent, at most 99: 100% is kept for a reached end.
fn percent(part: usize, whole: usize) -> u8 {
    if whole == 0 {
        return 0;
    }
    let p = (part.min(whole) as u128 * 100 / whole as u128).min(99);
    u8::try_from(p).unwrap_or(99)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::state::CycleReading;

    fn progress(cycle: &str, r: CycleReading) -> UnitProgress {
        UnitProgress {
            cycles: [(cycle.to_string(), r)].into_iter().collect(),
            ..UnitProgress::default()
        }
    }

    #[test]
    fn each_state_from_the_evidence() {
        let reading = progress(
            "2026-11",
            CycleReading {
                seconds: 30,
                furthest: 250,
                ..CycleReading::default()
            },
        );
        assert_eq!(
            read_state(Some(&reading), "2026-11", 1000, 120, true),
            ReadState::Reading { percent: 25 }
        );
        let short = progress(
            "2026-11",
            CycleReading {
                seconds: 40,
                reached_end: true,
                furthest: 1000,
                finished: None,
            },
        );
        assert_eq!(
            read_state(Some(&short), "2026-11", 1000, 120, true),
            ReadState::NeedsTime { seconds_left: 80 }
        );
        let done = progress(
            "2026-11",
            CycleReading {
                seconds: 130,
                reached_end: true,
                furthest: 1000,
                finished: "2026-11-03T20:11:09+08:00".parse().ok(),
            },
        );
        assert_eq!(
            read_state(Some(&done), "2026-11", 1000, 120, true),
            ReadState::Counted
        );
        assert_eq!(
            read_state(Some(&done), "2026-11", 1000, 120, false),
            ReadState::OutsidePlan
        );
        // Stricter rules than when it was finished: the time is short again.
        assert_eq!(
            read_state(Some(&done), "2026-11", 1000, 200, true),
            ReadState::NeedsTime { seconds_left: 70 }
        );
    }

    #[test]
    fn reading_of_another_cycle_does_not_count() {
        let december = progress(
            "2026-12",
            CycleReading {
                seconds: 600,
                reached_end: true,
                furthest: 1000,
                finished: "2026-12-03T20:11:09+08:00".parse().ok(),
            },
        );
        assert_eq!(
            read_state(Some(&december), "2027-01", 1000, 120, true),
            ReadState::Unread
        );
    }

    #[test]
    fn percent_never_claims_the_end() {
        assert_eq!(percent(1000, 1000), 99);
        assert_eq!(percent(5000, 1000), 99);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(usize::MAX, usize::MAX), 99);
    }
}
