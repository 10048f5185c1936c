//! Every problem `report` can find in a folder of completion files, as data with the
//! values that disagree, worded in the secretary's language by [`crate::strings::findings`].

use jiff::civil::Date;

use crate::core::assess::Finding;
use crate::core::regime::{Cycle, CycleLength};

/// Which part of the regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// 月读.
    Read,
    /// 月讲.
    Talk,
    /// 月学.
    Study,
}

/// Why a part is not done by the secretary's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shortfall {
    /// Fewer units count as read than `read.units`.
    UnitsRead {
        /// Units that count.
        read: usize,
        /// Units needed.
        need: u32,
    },
    /// No reflection at all.
    NoReflection,
    /// A reflection shorter than `read.reflection_min_chars`.
    Reflection {
        /// Characters counted.
        chars: usize,
        /// Characters needed.
        need: u32,
    },
    /// The talk has no topic.
    NoTopic,
    /// An outline shorter than `talk.outline_min_chars`.
    Outline {
        /// Characters counted.
        chars: usize,
        /// Characters needed.
        need: u32,
    },
    /// No delivery date.
    NoDelivery,
    /// Delivered on a day outside the cycle.
    DeliveredOutside {
        /// The day.
        day: Date,
    },
    /// Delivered after the file was exported.
    DeliveredAfterExport {
        /// The day.
        day: Date,
    },
    /// No test.
    NoTest,
    /// A score below `study.pass_score`.
    Score {
        /// The recomputed score.
        score: u32,
        /// The pass score.
        pass: u32,
    },
    /// No survey.
    NoSurvey,
    /// A survey shorter than `study.survey_min_chars`.
    Survey {
        /// Characters counted.
        chars: usize,
        /// Characters needed.
        need: u32,
    },
}

/// A timestamp of the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stamp {
    /// `finished` of a `[[read]]` entry, with its unit.
    Finished(String),
    /// `[test] taken`.
    Taken,
    /// `[test] submitted`.
    Submitted,
    /// `[talk] delivered`.
    Delivered,
}

/// Why an entry of the folder was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// A symbolic link: never followed, so nothing outside the folder is read.
    Symlink,
    /// A directory named like a completion file.
    Directory,
    /// A FIFO, socket or device.
    Special,
    /// Opening or reading failed.
    Io(String),
    /// Larger than a completion file may be.
    TooBig {
        /// The cap in MB.
        mb: u64,
    },
    /// Not UTF-8 from this line on.
    NotUtf8 {
        /// 1-based line.
        line: usize,
    },
}

/// How a file's signature verified (the JSON `signature` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    /// Made over the file's exact bytes by the roster key of its member.
    Valid,
    /// Does not verify with the roster key.
    Invalid,
    /// The roster has a key for the member and there is no `.sig`.
    Missing,
}

impl Signature {
    /// The JSON word.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Signature::Valid => "valid",
            Signature::Invalid => "invalid",
            Signature::Missing => "missing",
        }
    }
}

/// One problem of one report row, with the values that disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The entry could not be read as a file.
    Unreadable(Unreadable),
    /// The file does not parse.
    Parse {
        /// 1-based line; 0 for the whole file.
        line: usize,
        /// What the parser found.
        issue: crate::core::tomldoc::Issue,
    },
    /// Evidence that does not fit the content.
    Evidence(Finding),
    /// `[claimed]` says one thing about a part, the evidence another.
    Claimed {
        /// Which part.
        part: Part,
        /// What the file claims.
        claimed: bool,
        /// What the secretary's rules give.
        actual: bool,
        /// Why the part is not done, when it is not.
        why: Vec<Shortfall>,
    },
    /// The claimed score is not the recomputed one.
    ClaimedScore {
        /// What the file claims.
        claimed: Option<u32>,
        /// What the evidence gives.
        actual: Option<u32>,
    },
    /// The file has no `[claimed]`.
    NoClaimed,
    /// The member id in the file name is not the file's `member_id`.
    NameId {
        /// Id from the file name.
        name: String,
        /// `member_id` inside.
        inside: String,
    },
    /// The cycle in the file name is not the file's `cycle`.
    NameCycle {
        /// Cycle from the file name.
        name: String,
        /// `cycle` inside.
        inside: Cycle,
    },
    /// The file name is not `<member_id>-<cycle>.toml` at all.
    NameForm {
        /// The name it should have.
        expected: String,
    },
    /// Another file of the same member and cycle.
    Duplicate {
        /// The member id.
        id: String,
        /// The cycle (the secretary's length).
        cycle: Cycle,
        /// The other files, sorted.
        others: Vec<String>,
    },
    /// With a roster: an id that is not on it.
    NotOnRoster {
        /// The id.
        id: String,
        /// The roster id it looks like, if any.
        lookalike: Option<String>,
    },
    /// A cycle of the other length than the secretary's `[cycle] length`.
    OtherLength {
        /// The file's cycle.
        cycle: Cycle,
        /// The secretary's length.
        want: CycleLength,
    },
    /// A timestamp later than `exported`.
    AfterExport {
        /// Which one.
        what: Stamp,
        /// Its value.
        at: String,
        /// `exported`.
        exported: String,
    },
    /// `exported` before the cycle began.
    ExportedBeforeCycle {
        /// `exported`.
        exported: String,
        /// The cycle's first day.
        starts: Date,
    },
    /// `exported` later than the time the report runs.
    ExportedInFuture {
        /// `exported`.
        exported: String,
        /// Now, in the same form.
        now: String,
    },
    /// One unit's `seconds` longer than the whole cycle.
    UnitSeconds {
        /// The unit.
        unit: String,
        /// Its seconds.
        seconds: u64,
        /// Seconds in the cycle.
        cycle_seconds: u64,
    },
    /// All reading seconds together longer than the cycle's start to `exported`.
    TotalSeconds {
        /// Sum of `seconds`.
        total: u64,
        /// Seconds from the cycle's start to `exported`.
        available: u64,
    },
    /// Exported after the plan's `due` (a finding, not a failure).
    Late {
        /// The day exported.
        exported: Date,
        /// The plan's due day.
        due: Date,
    },
    /// The signature does not verify, or is missing, with a roster key.
    Signature {
        /// The verdict.
        verdict: Signature,
        /// The `.sig` file's name.
        sig: String,
        /// Another roster member whose key made it, when known.
        signed_by: Option<String>,
        /// Why it does not verify, when it is there and does not.
        why: Option<crate::core::sshsig::Invalid>,
    },
    /// The roster's `login` for the member is not an account on this machine, so
    /// who owns the file cannot be checked.
    NoAccount {
        /// The roster's login.
        login: String,
    },
    /// A file owned by another account than the roster's `login`.
    Owner {
        /// The account that owns the file.
        owner: String,
        /// The roster's login.
        login: String,
    },
    /// A roster member with no file for the cycle (未交).
    NotHandedIn,
    /// Problems left out so one file cannot flood the report.
    More {
        /// How many.
        count: usize,
    },
}

impl Problem {
    /// Whether the problem fails the file: every problem does except lateness, which
    /// is a finding for the secretary to weigh.
    #[must_use]
    pub fn fails(&self) -> bool {
        !matches!(self, Problem::Late { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lateness_alone_does_not_fail_a_file() {
        assert!(
            !Problem::Late {
                exported: jiff::civil::date(2026, 11, 30),
                due: jiff::civil::date(2026, 11, 28)
            }
            .fails()
        );
        assert!(Problem::NotHandedIn.fails());
    }
}
