//! The member state: everything one member has read, answered and written.
//!
//! This is the model only; reading and writing it (atomically, under a lock) is
//! `store`'s job. Status is never stored here: 月读/月讲/月学 are derived from this
//! evidence by `regime` every time they are shown.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use super::review::Card;

/// The format version this build writes. A file with a larger `format` is refused.
pub const STATE_FORMAT: u32 = 1;

/// One member's state file, `<config dir>/members/<id>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberState {
    /// Format version of the file.
    pub format: u32,
    /// The member id (also the file name).
    pub member_id: String,
    /// Display name.
    pub name: String,
    /// Reading progress per unit id.
    #[serde(default)]
    pub units: BTreeMap<String, UnitProgress>,
    /// Seconds studied per local day, `YYYY-MM-DD` (for the calendar and chart).
    #[serde(default)]
    pub days: BTreeMap<String, u64>,
    /// Written work and the test, per cycle name (`2026-11`, `2026-11a`).
    #[serde(default)]
    pub cycles: BTreeMap<String, CycleWork>,
    /// Review cards of missed practice questions, keyed `unit/question`.
    #[serde(default)]
    pub reviews: BTreeMap<String, Card>,
    /// Texts set aside when two sessions of this member changed the same text
    /// differently; the version kept is in place, the other is here until the member
    /// chooses (see `core::merge`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<SetAside>,
    /// Where the last session was when it ended without going back to a list (a
    /// dropped connection, a kill): the next start reopens it. A place this build
    /// does not know (written by a newer one) is read as none, never as a broken file.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_resume"
    )]
    pub resume: Option<Resume>,
    /// Bookmarks and notes on passages, keyed by [`Mark::key`] (`unit#offset`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<String, Mark>,
    /// Top-level keys this build does not know (written by a newer minor version),
    /// kept as they were and written back, so an older program never drops them.
    #[serde(flatten)]
    pub unknown: toml::Table,
}

/// A bookmark on a passage of a unit, with the member's note on it (empty for a
/// plain bookmark).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The unit.
    pub unit: String,
    /// Byte offset in the unit's body where the passage starts, so the mark survives
    /// a change of terminal width.
    pub offset: usize,
    /// The passage as it read when marked (one line), so the list and the export
    /// can show it even if the unit changes.
    #[serde(default)]
    pub quote: String,
    /// The member's note; empty for a bookmark.
    #[serde(default)]
    pub note: String,
    /// When the mark was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Datetime>,
}

impl Mark {
    /// The key of a mark in [`MemberState::marks`]: one mark per place in a unit.
    #[must_use]
    pub fn key(unit: &str, offset: usize) -> String {
        format!("{unit}#{offset}")
    }
}

/// A document the member writes for a cycle, named as the state file names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Doc {
    /// 心得.
    Reflection,
    /// 月讲: topic, outline, delivery date.
    Talk,
    /// 调研: title and text.
    Survey,
}

/// A place to reopen at the next start: the screen the member was on, whichever way
/// it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Resume {
    /// Reading this unit (the place in it is in `units`).
    Reader(String),
    /// Writing this document.
    Editor(Doc),
    /// Reviewing 错题本 cards (one card or the due ones together): the next start
    /// opens 错题本, where the cards not yet answered are still due.
    Review,
    /// Looking up a card's passage from 错题本: the unit, at body offset `offset`
    /// (see `core::shown`). The member's own place in the unit is not this.
    Passage {
        /// The unit.
        unit: String,
        /// Body offset of the first line shown.
        offset: usize,
    },
    /// Answering the cycle test of `cycle` (`YYYY-MM`), at question `question` (from
    /// 0). Reopened only while that test is open and that cycle is the current one.
    Test {
        /// The cycle the test belongs to.
        cycle: String,
        /// Index of the question on screen.
        question: usize,
    },
    /// The list of bookmarks and notes.
    Marks,
    /// 往期: the list of past cycles, or the evidence of `cycle` (`YYYY-MM`) opened
    /// from it.
    History {
        /// The cycle whose evidence is open; absent for the list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cycle: Option<String>,
    },
}

/// `[resume]` as written, or none when this build cannot read it.
fn lenient_resume<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Resume>, D::Error> {
    let value = Option::<toml::Value>::deserialize(d)?;
    Ok(value.and_then(|v| v.try_into().ok()))
}

impl MemberState {
    /// A fresh state for a new member.
    #[must_use]
    pub fn new(member_id: &str, name: &str) -> MemberState {
        MemberState {
            format: STATE_FORMAT,
            member_id: member_id.to_string(),
            name: name.to_string(),
            units: BTreeMap::new(),
            days: BTreeMap::new(),
            cycles: BTreeMap::new(),
            reviews: BTreeMap::new(),
            conflicts: Vec::new(),
            resume: None,
            marks: BTreeMap::new(),
            unknown: toml::Table::new(),
        }
    }
}

/// The version of a text that a merge did not keep, so nothing typed is lost.
///
/// At most one is kept per cycle, field and [`Side`]: the latest. Two sessions typing
/// in one field would otherwise add a full copy of the text at every save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// The cycle the text belongs to; absent for the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<String>,
    /// Which text: `name`, `reflection.unit`, `reflection.text`, `talk.topic`,
    /// `talk.outline`, `talk.delivered`, `survey.title`, `survey.text` or `test`.
    pub field: String,
    /// Where the set-aside version came from.
    #[serde(default, skip_serializing_if = "Side::is_disk")]
    pub side: Side,
    /// The text that was not kept (a test is written as one `unit/question = given`
    /// line per answer).
    pub text: String,
}

/// Where a set-aside text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// It was on disk, saved by another session, when this session's version won.
    #[default]
    Disk,
    /// It was in the memory of the session that saved second, when the version on
    /// disk won.
    Session,
}

impl Side {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
    fn is_disk(&self) -> bool {
        *self == Side::Disk
    }
}

impl SetAside {
    /// Whether `other` holds the same field of the same cycle from the same side, so
    /// only one of them is kept.
    #[must_use]
    pub fn same_place(&self, other: &SetAside) -> bool {
        self.cycle == other.cycle && self.field == other.field && self.side == other.side
    }
}

/// Longest member id accepted.
pub const MAX_MEMBER_ID_LEN: usize = 64;

/// Check a member id: it names the state file, so it must be a plain file name.
/// Allowed: lowercase ASCII letters, digits, `-`, `_` and `.`, not starting with `.`
/// or `-` (a file `--help-2026-12.toml` would read as an option to every tool a
/// secretary runs on the folder), at most [`MAX_MEMBER_ID_LEN`] bytes.
///
/// # Errors
/// Why the id is refused, quoting it (control characters escaped).
///
/// ```
/// use dangxue::core::state::check_member_id;
/// assert!(check_member_id("zhang-san_2.b").is_ok());
/// assert!(check_member_id("../x").is_err());
/// assert!(check_member_id("Zhang").is_err());
/// assert!(check_member_id("--help").is_err());
/// ```
pub fn check_member_id(id: &str) -> Result<(), IdProblem> {
    // Quoted and bounded: an id comes from the command line or a file name.
    let shown = || super::text::quote(id);
    if id.is_empty() {
        return Err(IdProblem::Empty);
    }
    if id.len() > MAX_MEMBER_ID_LEN {
        return Err(IdProblem::TooLong(shown()));
    }
    if let Some(first) = id.chars().next().filter(|c| matches!(c, '.' | '-')) {
        return Err(IdProblem::Leading(shown(), first));
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')))
    {
        return Err(IdProblem::Holds(shown(), c));
    }
    Ok(())
}

/// Why [`check_member_id`] refuses an id, with the id quoted and bounded (worded by
/// `strings::Strings::id_problem`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// No id at all.
    Empty,
    /// Longer than [`MAX_MEMBER_ID_LEN`] bytes.
    TooLong(String),
    /// Starts with `.` or `-`.
    Leading(String, char),
    /// Holds a character outside lowercase ascii letters, digits, `-`, `_` and `.`:
    /// the first such.
    Holds(String, char),
}

/// Reading progress in one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct UnitProgress {
    /// Byte offset into the body of the first visible line, so the place survives a
    /// change of terminal width.
    pub offset: usize,
    /// Furthest byte offset ever shown on screen.
    pub furthest: usize,
    /// Seconds spent in the unit, all cycles together.
    pub seconds: u64,
    /// Reading per cycle the unit was opened in.
    pub cycles: BTreeMap<String, CycleReading>,
    /// When the member last opened the unit to read it (not to look up a passage):
    /// 本月 offers the latest one to go on with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened: Option<Datetime>,
}

/// Reading of one unit within one cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CycleReading {
    /// Seconds spent in the unit during the cycle (idle time excluded).
    pub seconds: u64,
    /// The last line was reached in the cycle (the unit may still lack time).
    pub reached_end: bool,
    /// Furthest byte offset shown on screen during the cycle (for "how far" per cycle).
    #[serde(skip_serializing_if = "is_zero")]
    pub furthest: usize,
    /// When the unit first counted as finished in the cycle: last line reached and
    /// `read.min_seconds` spent.
    pub finished: Option<Datetime>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The written work and the test of one cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct CycleWork {
    /// 心得.
    pub reflection: Option<Reflection>,
    /// 月讲.
    pub talk: Option<Talk>,
    /// The cycle test, once begun.
    pub test: Option<TestRecord>,
    /// 调研.
    pub survey: Option<Survey>,
}

/// The reflection (心得).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Reflection {
    /// The unit it reflects on, if any.
    pub unit: Option<String>,
    /// The text.
    pub text: String,
}

/// The talk (月讲).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Talk {
    /// Topic.
    pub topic: String,
    /// Outline.
    pub outline: String,
    /// Day the talk was given.
    pub delivered: Option<Datetime>,
}

/// The survey write-up (调研).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Survey {
    /// Title.
    pub title: String,
    /// Text.
    pub text: String,
}

/// The cycle test: drawn when begun, graded once when submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestRecord {
    /// When the test began; the draw's pool is what was read before this.
    pub taken: Datetime,
    /// The drawn questions in order, with what was given (empty string: not answered).
    pub answers: Vec<GivenAnswer>,
    /// Submitted and graded; a submitted test is never changed.
    #[serde(default)]
    pub submitted: bool,
    /// When it was handed in (written as `[test] submitted` in the completion file).
    /// Absent in states written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<Datetime>,
}

/// One answer as given, in the completion file's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenAnswer {
    /// Unit id.
    pub unit: String,
    /// Question id.
    pub question: String,
    /// Letters for single/multiple, `true`/`false` for judge, the text for fill.
    pub given: String,
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_open_editor_is_named_as_before_in_the_state_file() {
        let mut s = MemberState::new("zs", "张三");
        s.resume = Some(Resume::Editor(Doc::Talk));
        let text = toml::to_string(&s).expect("serialises");
        assert!(text.contains("editor = \"talk\""), "{text}");
        let back: MemberState = toml::from_str(&text).expect("parses");
        assert_eq!(back.resume, Some(Resume::Editor(Doc::Talk)));
    }

    #[test]
    fn every_place_to_resume_round_trips_and_an_unknown_one_reads_as_none() {
        for place in [
            Resume::Reader("a".into()),
            Resume::Review,
            Resume::Passage {
                unit: "a".into(),
                offset: 12,
            },
            Resume::Test {
                cycle: "2026-12".into(),
                question: 2,
            },
            Resume::Marks,
            Resume::History { cycle: None },
            Resume::History {
                cycle: Some("2026-10".into()),
            },
        ] {
            let mut s = MemberState::new("zs", "张三");
            s.resume = Some(place.clone());
            let text = toml::to_string(&s).expect("serialises");
            let back: MemberState = toml::from_str(&text).expect("parses");
            assert_eq!(back.resume, Some(place), "{text}");
        }
        let newer = "format = 1\nmember_id = \"zs\"\nname = \"张\"\n\n[resume]\nchart = 3\n";
        let back: MemberState = toml::from_str(newer).expect("a newer place is no error");
        assert_eq!(back.resume, None);
        let newer = "format = 1\nmember_id = \"zs\"\nname = \"张\"\nresume = \"chart\"\n";
        let back: MemberState = toml::from_str(newer).expect("a newer place is no error");
        assert_eq!(back.resume, None);
    }

    use super::*;

    #[test]
    fn round_trips_through_toml() {
        let mut s = MemberState::new("zhangsan", "张三");
        s.units.insert(
            "a".into(),
            UnitProgress {
                offset: 10,
                furthest: 20,
                seconds: 130,
                cycles: [(
                    "2026-11".to_string(),
                    CycleReading {
                        seconds: 130,
                        reached_end: true,
                        furthest: 20,
                        finished: "2026-11-03T20:11:09+08:00".parse().ok(),
                    },
                )]
                .into_iter()
                .collect(),
                opened: "2026-11-03T20:00:00+08:00".parse().ok(),
            },
        );
        s.days.insert("2026-11-03".into(), 130);
        s.marks.insert(
            Mark::key("a", 12),
            Mark {
                unit: "a".into(),
                offset: 12,
                quote: "红色物业".into(),
                note: "第一条\n第二条 \"引号\"".into(),
                created: "2026-11-03T20:11:09+08:00".parse().ok(),
            },
        );
        let text = toml::to_string(&s).expect("serialises");
        let back: MemberState = toml::from_str(&text).expect("parses");
        assert_eq!(back, s);
    }
}
