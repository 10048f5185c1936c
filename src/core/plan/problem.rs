//! What can be wrong with a plan file, as data: the values a secretary needs to find
//! and fix each problem. The words are in `crate::strings::findings`, in the
//! secretary's language.

use jiff::civil::Date;

use crate::core::regime::{Cycle, CycleLength};
use crate::core::roster::KeyIssue;

/// A problem particular to the plan format (`dangxue-plan/1`) or to the plan
/// checked against the content and the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanIssue {
    /// Neither a `[[cycle]]` nor a `[[member]]`.
    NothingPlanned,
    /// A roster id given twice.
    DuplicateMember {
        /// The id.
        id: String,
        /// Line of the first member with it.
        first: usize,
    },
    /// A roster id that looks like another one (Cyrillic а for Latin a, ...).
    LookalikeMember {
        /// The id.
        id: String,
        /// The id it looks like.
        other: String,
        /// Line of the member with the other id.
        first: usize,
    },
    /// A member's `name` is blank.
    EmptyName,
    /// A `login` that is no Unix account name.
    BadLogin {
        /// The login.
        login: String,
    },
    /// A `key` that cannot be a member's public key.
    BadKey(KeyIssue),
    /// A `key` already given to another member.
    SharedKey {
        /// The member who has it.
        other: String,
    },
    /// A cycle's `units` is an empty list.
    EmptyUnits,
    /// A unit listed twice in one cycle.
    UnitTwice {
        /// The unit id.
        id: String,
    },
    /// A `talk_theme` that is blank.
    EmptyTheme,
    /// A cycle planned twice.
    CycleTwice {
        /// The cycle.
        cycle: Cycle,
        /// Line of its first `[[cycle]]`.
        first: usize,
    },
    /// A month and one of its halves both planned.
    CycleOverlap {
        /// The later cycle.
        cycle: Cycle,
        /// The cycle it overlaps.
        other: Cycle,
        /// Line of the other cycle.
        first: usize,
    },
    /// A unit the content does not have.
    UnknownUnit {
        /// The unit id.
        id: String,
        /// The cycle that assigns it.
        cycle: Cycle,
        /// The nearest id the content has, when one is close.
        near: Option<String>,
    },
    /// Fewer units than 月读 asks for.
    TooFewUnits {
        /// The cycle.
        cycle: Cycle,
        /// Units it assigns.
        units: usize,
        /// Units 月读 needs read (`read.units`).
        need: u32,
    },
    /// A cycle of the other length than `[cycle] length`.
    OtherLength {
        /// The cycle.
        cycle: Cycle,
        /// The length the rules name.
        want: CycleLength,
    },
    /// A `due` date outside its cycle.
    DueOutside {
        /// The date.
        due: Date,
        /// The cycle.
        cycle: Cycle,
    },
}
