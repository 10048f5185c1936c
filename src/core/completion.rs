//! The completion file: the evidence a member exports for one cycle, and the one
//! derivation of 月读 / 月讲 / 月学 from evidence ([`assess`]) that the home screen,
//! `status`, `export`'s `[claimed]` and `report`'s verification all use.
//!
//! The file format is SPEC.md's "Completion file format" (`dangxue-completion/1`).
//! [`Completion::parse`] reads it strictly, reporting every problem with its line;
//! [`Completion::to_toml`] writes it so that parsing gives the same value back.

use jiff::civil::Date;
use toml::value::Datetime;

use super::quiz;
use super::regime::{Cycle, Rules, instant, local_date, toml_date};
use super::state::{GivenAnswer, MemberState, Reflection, Survey, Talk};
use super::text::count_chars;
use super::tomldoc::{self, DateKind, Pos, Reader, Tab};
use super::unit::{Catalog, valid_id};

/// The `format` value this build reads and writes.
pub const COMPLETION_FORMAT: &str = "dangxue-completion/1";

const TOP_KEYS: &[&str] = &[
    "format",
    "member_id",
    "member",
    "cycle",
    "exported",
    "read",
    "reflection",
    "talk",
    "test",
    "survey",
    "claimed",
];

/// One member's evidence for one cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The member's id.
    pub member_id: String,
    /// Display name.
    pub member: String,
    /// The cycle the evidence is for.
    pub cycle: Cycle,
    /// When the file was written (an offset datetime).
    pub exported: Datetime,
    /// One entry per unit opened in the cycle, sorted by unit id when exported.
    pub read: Vec<ReadEntry>,
    /// 心得.
    pub reflection: Option<Reflection>,
    /// 月讲; `delivered` is a local date.
    pub talk: Option<Talk>,
    /// The submitted cycle test.
    pub test: Option<TestEntry>,
    /// 调研.
    pub survey: Option<Survey>,
    /// What the member's program computed; absent only in hand-made files.
    pub claimed: Option<Claimed>,
}

/// `[[read]]`: reading of one unit in the cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadEntry {
    /// Unit id.
    pub unit: String,
    /// Seconds spent in the unit during the cycle.
    pub seconds: u64,
    /// When the unit was finished (an offset datetime); absent if it was not.
    pub finished: Option<Datetime>,
}

/// `[test]`: the submitted cycle test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestEntry {
    /// When the test began (an offset datetime).
    pub taken: Datetime,
    /// Answers in drawn order.
    pub answers: Vec<GivenAnswer>,
}

/// `[claimed]`: the member program's own derivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claimed {
    /// 月读 done.
    pub read: bool,
    /// 月讲 done.
    pub talk: bool,
    /// 月学 done.
    pub study: bool,
    /// Test score; absent when no test was submitted.
    pub score: Option<u32>,
}

/// Whether a member id is acceptable: 1 to 64 letters (any script), digits, `-`, `_`
/// or `.`, not starting with `.`. Ids name files, so no separators, spaces or controls.
#[must_use]
pub fn valid_member_id(id: &str) -> bool {
    let n = id.chars().count();
    (1..=64).contains(&n)
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Completion {
    /// Parse a completion file.
    ///
    /// # Errors
    /// Every problem found as (line, message), sorted by line; never empty.
    pub fn parse(text: &str) -> Result<Completion, Vec<(usize, String)>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let doc = tomldoc::parse(text).map_err(|p| vec![p])?;
        let mut r = Reader::new(text);
        let root = r.root(&doc);
        let c = read_completion(&mut r, &root);
        match c {
            Some(c) if r.problems.is_empty() => Ok(c),
            _ => {
                if r.problems.is_empty() {
                    r.push(Pos(0), "not a completion file".into());
                }
                Err(tomldoc::sorted(r.problems))
            }
        }
    }

    /// The completion file of `cycle` from a member's state. Only a submitted test is
    /// exported; `[claimed]` is filled by [`assess`] with the member's own content.
    #[must_use]
    pub fn from_state(
        state: &MemberState,
        cycle: &Cycle,
        exported: Datetime,
        rules: &Rules,
        cycle_units: Option<&[String]>,
        catalog: &impl Catalog,
    ) -> Completion {
        let name = cycle.to_string();
        let work = state.cycles.get(&name);
        let mut c = Completion {
            member_id: state.member_id.clone(),
            member: state.name.clone(),
            cycle: *cycle,
            exported,
            read: reads_of_state(state, &name),
            reflection: work.and_then(|w| w.reflection.clone()),
            talk: work.and_then(|w| w.talk.clone()).map(|mut t| {
                // The file holds the day only, as a local date.
                t.delivered = t.delivered.as_ref().and_then(local_date).map(toml_date);
                t
            }),
            test: work
                .and_then(|w| w.test.as_ref())
                .filter(|t| t.submitted)
                .map(|t| TestEntry {
                    taken: t.taken,
                    answers: t.answers.clone(),
                }),
            survey: work.and_then(|w| w.survey.clone()),
            claimed: None,
        };
        let a = assess(&c, rules, cycle_units, catalog);
        c.claimed = Some(a.claimed());
        c
    }

    /// The file's text, in SPEC's layout.
    #[must_use]
    pub fn to_toml(&self) -> String {
        let mut o = String::with_capacity(2048);
        o.push_str(&format!("format = {}\n", basic(COMPLETION_FORMAT)));
        o.push_str(&format!("member_id = {}\n", basic(&self.member_id)));
        o.push_str(&format!("member = {}\n", basic(&self.member)));
        o.push_str(&format!("cycle = \"{}\"\n", self.cycle));
        o.push_str(&format!("exported = {}\n", self.exported));
        for e in &self.read {
            o.push_str(&format!(
                "\n[[read]]\nunit = {}\nseconds = {}\n",
                basic(&e.unit),
                e.seconds
            ));
            if let Some(f) = &e.finished {
                o.push_str(&format!("finished = {f}\n"));
            }
        }
        if let Some(r) = &self.reflection {
            o.push_str("\n[reflection]\n");
            if let Some(u) = &r.unit {
                o.push_str(&format!("unit = {}\n", basic(u)));
            }
            o.push_str(&format!("text = {}\n", multi(&r.text)));
        }
        if let Some(t) = &self.talk {
            o.push_str(&format!(
                "\n[talk]\ntopic = {}\noutline = {}\n",
                basic(&t.topic),
                multi(&t.outline)
            ));
            if let Some(d) = &t.delivered {
                o.push_str(&format!("delivered = {d}\n"));
            }
        }
        if let Some(t) = &self.test {
            o.push_str(&format!("\n[test]\ntaken = {}\nanswers = [\n", t.taken));
            for a in &t.answers {
                o.push_str(&format!(
                    "  {{ unit = {}, question = {}, given = {} }},\n",
                    basic(&a.unit),
                    basic(&a.question),
                    basic(&a.given)
                ));
            }
            o.push_str("]\n");
        }
        if let Some(s) = &self.survey {
            o.push_str(&format!(
                "\n[survey]\ntitle = {}\ntext = {}\n",
                basic(&s.title),
                multi(&s.text)
            ));
        }
        if let Some(c) = &self.claimed {
            o.push_str(&format!(
                "\n[claimed]\nread = {}\ntalk = {}\nstudy = {}\n",
                c.read, c.talk, c.study
            ));
            if let Some(s) = c.score {
                o.push_str(&format!("score = {s}\n"));
            }
        }
        o
    }
}

/// The `[[read]]` entries of a cycle from the state, sorted by unit id.
fn reads_of_state(state: &MemberState, cycle: &str) -> Vec<ReadEntry> {
    state
        .units
        .iter()
        .filter_map(|(id, p)| {
            p.cycles.get(cycle).map(|r| ReadEntry {
                unit: id.clone(),
                seconds: r.seconds,
                finished: r.finished,
            })
        })
        .collect()
}

/// A TOML basic string.
fn basic(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    escape_into(&mut o, s, false);
    o.push('"');
    o
}

/// A TOML multi-line basic string when `s` has line breaks, else a basic string.
fn multi(s: &str) -> String {
    if !s.contains('\n') {
        return basic(s);
    }
    let mut o = String::with_capacity(s.len() + 8);
    // The newline right after the opening quotes is not part of the value.
    o.push_str("\"\"\"\n");
    escape_into(&mut o, s, true);
    o.push_str("\"\"\"");
    o
}

fn escape_into(o: &mut String, s: &str, keep_newlines: bool) {
    use std::fmt::Write;
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' if keep_newlines => o.push('\n'),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
}

fn read_completion(r: &mut Reader<'_>, root: &Tab<'_, '_>) -> Option<Completion> {
    r.unknown_keys(root, TOP_KEYS);
    match r.string(root, "format", true) {
        Some((_, f)) if f.as_ref() == COMPLETION_FORMAT => {}
        Some((line, f)) => r.push(
            line,
            format!("format {f:?} is not {COMPLETION_FORMAT:?}: this program reads {COMPLETION_FORMAT:?} files"),
        ),
        None => {}
    }
    let member_id = r.string(root, "member_id", true).and_then(|(line, id)| {
        if valid_member_id(id) {
            Some(id.to_string())
        } else {
            r.push(
                line,
                format!(
                    "member_id {id:?} may hold only letters, digits, '-', '_' and '.' (at most 64)"
                ),
            );
            None
        }
    });
    let member = r.owned(root, "member", true);
    let cycle = r
        .string(root, "cycle", true)
        .and_then(|(line, s)| match s.parse::<Cycle>() {
            Ok(c) => Some(c),
            Err(e) => {
                r.push(line, e.to_string());
                None
            }
        });
    let exported = r.datetime(root, "exported", true, DateKind::Offset);
    let read = read_entries(r, root);
    let reflection = r.table(root, "reflection", "[reflection]").map(|t| {
        r.unknown_keys(&t, &["unit", "text"]);
        let unit = r
            .string(&t, "unit", false)
            .and_then(|(line, u)| unit_id(r, line, u));
        let text = r.owned(&t, "text", true);
        Reflection {
            unit,
            text: text.unwrap_or_default(),
        }
    });
    let talk = r.table(root, "talk", "[talk]").map(|t| {
        r.unknown_keys(&t, &["topic", "outline", "delivered"]);
        Talk {
            topic: r.owned(&t, "topic", true).unwrap_or_default(),
            outline: r.owned(&t, "outline", true).unwrap_or_default(),
            delivered: r.datetime(&t, "delivered", false, DateKind::LocalDate),
        }
    });
    let test = read_test(r, root);
    let survey = r.table(root, "survey", "[survey]").map(|t| {
        r.unknown_keys(&t, &["title", "text"]);
        Survey {
            title: r.owned(&t, "title", true).unwrap_or_default(),
            text: r.owned(&t, "text", true).unwrap_or_default(),
        }
    });
    let claimed = r.table(root, "claimed", "[claimed]").map(|t| {
        r.unknown_keys(&t, &["read", "talk", "study", "score"]);
        Claimed {
            read: r.boolean(&t, "read", true).unwrap_or(false),
            talk: r.boolean(&t, "talk", true).unwrap_or(false),
            study: r.boolean(&t, "study", true).unwrap_or(false),
            score: r
                .integer(&t, "score", false, 0, 100)
                .and_then(|s| u32::try_from(s).ok()),
        }
    });
    Some(Completion {
        member_id: member_id?,
        member: member?,
        cycle: cycle?,
        exported: exported?,
        read,
        reflection,
        talk,
        test,
        survey,
        claimed,
    })
}

fn unit_id(r: &mut Reader<'_>, line: Pos, id: &str) -> Option<String> {
    if valid_id(id) {
        Some(id.to_string())
    } else {
        r.push(
            line,
            format!("unit id {id:?} may hold only lowercase a-z, digits and '-'"),
        );
        None
    }
}

fn read_entries(r: &mut Reader<'_>, root: &Tab<'_, '_>) -> Vec<ReadEntry> {
    let mut out: Vec<ReadEntry> = Vec::new();
    let mut places: Vec<Pos> = Vec::new();
    for t in r
        .tables(root, "read", false, "[[read]]")
        .unwrap_or_default()
    {
        r.unknown_keys(&t, &["unit", "seconds", "finished"]);
        let unit = r
            .string(&t, "unit", true)
            .and_then(|(line, u)| unit_id(r, line, u));
        let seconds = r.integer(&t, "seconds", true, 0, i64::MAX);
        let finished = r.datetime(&t, "finished", false, DateKind::Offset);
        let (Some(unit), Some(seconds)) = (unit, seconds) else {
            continue;
        };
        if let Some(i) = out.iter().position(|e| e.unit == unit) {
            let first = places.get(i).map_or(1, |p| r.line(*p));
            r.push(
                t.at,
                format!("unit {unit:?} has a second [[read]] (first at line {first}): keep one"),
            );
            continue;
        }
        places.push(t.at);
        out.push(ReadEntry {
            unit,
            seconds: u64::try_from(seconds).unwrap_or(0),
            finished,
        });
    }
    out
}

fn read_test(r: &mut Reader<'_>, root: &Tab<'_, '_>) -> Option<TestEntry> {
    let t = r.table(root, "test", "[test]")?;
    r.unknown_keys(&t, &["taken", "answers"]);
    let taken = r.datetime(&t, "taken", true, DateKind::Offset);
    let mut answers = Vec::new();
    for a in r
        .tables(&t, "answers", true, "[test] answers")
        .unwrap_or_default()
    {
        r.unknown_keys(&a, &["unit", "question", "given"]);
        let unit = r.owned(&a, "unit", true);
        let question = r.owned(&a, "question", true);
        // SPEC writes judge answers as the strings "true"/"false"; a bare boolean
        // means the same and is accepted.
        let given = match a.table.get("given").map(|v| v.get_ref()) {
            Some(toml::de::DeValue::Boolean(b)) => Some(b.to_string()),
            _ => r.owned(&a, "given", true),
        };
        if let (Some(unit), Some(question), Some(given)) = (unit, question, given) {
            answers.push(GivenAnswer {
                unit,
                question,
                given,
            });
        }
    }
    Some(TestEntry {
        taken: taken?,
        answers,
    })
}

/// Problems of a completion file as (line, message); empty when valid.
#[must_use]
pub fn check(text: &str) -> Vec<(usize, String)> {
    match Completion::parse(text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

// ---------------------------------------------------------------------------------
// The derivation.

/// 月读 / 月讲 / 月学 derived from a completion's evidence, with what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// 月读.
    pub read: ReadPart,
    /// 月讲.
    pub talk: TalkPart,
    /// 月学.
    pub study: StudyPart,
    /// Evidence that does not fit the content: unknown units or questions, a test
    /// that is not the draw. Empty for an honest file read with the same content.
    pub findings: Vec<Finding>,
}

impl Assessment {
    /// The test score, if a test was submitted.
    #[must_use]
    pub fn score(&self) -> Option<u32> {
        self.study.test.as_ref().map(|t| t.score)
    }

    /// What a member's program writes as `[claimed]`.
    #[must_use]
    pub fn claimed(&self) -> Claimed {
        Claimed {
            read: self.read.done,
            talk: self.talk.done,
            study: self.study.done,
            score: self.score(),
        }
    }
}

/// 月读: units read and the reflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadPart {
    /// Done by the rules.
    pub done: bool,
    /// Units that count as read, sorted by id.
    pub units_read: Vec<String>,
    /// Units that must be read (`read.units`).
    pub units_required: u32,
    /// Characters of the reflection (0 without one).
    pub reflection_chars: usize,
    /// Characters the reflection needs.
    pub reflection_min: u32,
}

impl ReadPart {
    /// Units still to read (for "还需阅读 2 篇").
    #[must_use]
    pub fn units_missing(&self) -> usize {
        (self.units_required as usize).saturating_sub(self.units_read.len())
    }

    /// Why the part is not done, in English; empty when done.
    #[must_use]
    pub fn shortfalls(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.units_missing() > 0 {
            out.push(format!(
                "{} of {} units read",
                self.units_read.len(),
                self.units_required
            ));
        }
        if self.reflection_chars < self.reflection_min as usize {
            out.push(if self.reflection_chars == 0 {
                "no reflection".to_string()
            } else {
                format!(
                    "reflection {} of {} characters",
                    self.reflection_chars, self.reflection_min
                )
            });
        }
        out
    }
}

/// 月讲: topic, outline and delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkPart {
    /// Done by the rules.
    pub done: bool,
    /// The talk has a topic.
    pub has_topic: bool,
    /// Characters of the outline.
    pub outline_chars: usize,
    /// Characters the outline needs.
    pub outline_min: u32,
    /// The day the talk was given, if recorded.
    pub delivered: Option<Date>,
    /// That day lies inside the cycle.
    pub delivered_in_cycle: bool,
}

impl TalkPart {
    /// Why the part is not done, in English; empty when done.
    #[must_use]
    pub fn shortfalls(&self, cycle: &Cycle) -> Vec<String> {
        let mut out = Vec::new();
        if !self.has_topic {
            out.push("no topic".to_string());
        }
        if self.outline_chars < self.outline_min as usize {
            out.push(format!(
                "outline {} of {} characters",
                self.outline_chars, self.outline_min
            ));
        }
        match self.delivered {
            None => out.push("no delivery date".to_string()),
            Some(d) if !self.delivered_in_cycle => {
                out.push(format!("delivered {d}, outside {cycle}"));
            }
            Some(_) => {}
        }
        out
    }
}

/// 月学: the test and the survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyPart {
    /// Done by the rules.
    pub done: bool,
    /// The submitted test, graded; `None` when not taken.
    pub test: Option<TestResult>,
    /// Lowest passing score.
    pub pass_score: u32,
    /// Characters of the survey (0 without one).
    pub survey_chars: usize,
    /// Characters the survey needs.
    pub survey_min: u32,
}

impl StudyPart {
    /// Why the part is not done, in English; empty when done.
    #[must_use]
    pub fn shortfalls(&self) -> Vec<String> {
        let mut out = Vec::new();
        match &self.test {
            None => out.push("test not taken".to_string()),
            Some(t) if t.score < self.pass_score => {
                out.push(format!("score {} < {}", t.score, self.pass_score));
            }
            Some(_) => {}
        }
        if self.survey_chars < self.survey_min as usize {
            out.push(if self.survey_chars == 0 {
                "no survey".to_string()
            } else {
                format!(
                    "survey {} of {} characters",
                    self.survey_chars, self.survey_min
                )
            });
        }
        out
    }
}

/// The cycle test re-graded against the recomputed draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    /// floor(100 × correct ÷ drawn) over the recomputed draw.
    pub score: u32,
    /// Questions of the draw answered correctly.
    pub correct: usize,
    /// The recomputed draw, in order.
    pub draw: Vec<(String, String)>,
    /// The answers exactly follow the draw.
    pub is_draw: bool,
    /// Each answer as given, graded.
    pub answers: Vec<GradedAnswer>,
}

/// One answer of the file, graded against the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradedAnswer {
    /// Unit id.
    pub unit: String,
    /// Question id.
    pub question: String,
    /// As given.
    pub given: String,
    /// Right, wrong, or not gradable.
    pub verdict: Verdict,
    /// The question is in the recomputed draw.
    pub in_draw: bool,
}

/// How one given answer grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Matches the answer key.
    Right,
    /// Does not.
    Wrong,
    /// The unit is not in the content.
    UnknownUnit,
    /// The unit has no such question.
    UnknownQuestion,
}

/// Where evidence names a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A `[[read]]` entry.
    Read,
    /// `[reflection] unit`.
    Reflection,
    /// Test answer n (1-based).
    Answer(usize),
}

/// Evidence that does not fit the content or the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A unit id the content does not have.
    UnknownUnit {
        /// The id.
        unit: String,
        /// Where it is named.
        place: Place,
    },
    /// A test answer names a question its unit does not have.
    UnknownQuestion {
        /// Answer number, 1-based.
        index: usize,
        /// Unit id.
        unit: String,
        /// Question id.
        question: String,
    },
    /// The answers are not the deterministic draw.
    NotTheDraw {
        /// First differing position, 1-based.
        index: usize,
        /// What the file has there (`unit/question`), if anything.
        given: Option<String>,
        /// What the draw has there, if anything.
        expected: Option<String>,
        /// Answers in the file.
        given_len: usize,
        /// Questions in the draw.
        draw_len: usize,
    },
    /// The test began on a day outside the cycle.
    TestOutsideCycle {
        /// The local day it began.
        day: Date,
    },
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Finding::UnknownUnit { unit, place } => {
                let at = match place {
                    Place::Read => "[[read]]".to_string(),
                    Place::Reflection => "[reflection]".to_string(),
                    Place::Answer(n) => format!("test answer {n}"),
                };
                write!(f, "{at} names unit {unit:?}, which is not in the content")
            }
            Finding::UnknownQuestion {
                index,
                unit,
                question,
            } => write!(
                f,
                "test answer {index} names question {question:?} of unit {unit:?}, which that unit does not have"
            ),
            Finding::NotTheDraw {
                index,
                given,
                expected,
                given_len,
                draw_len,
            } => {
                write!(f, "the test is not the deterministic draw: ")?;
                match (given, expected) {
                    (Some(g), Some(e)) => write!(f, "answer {index} is {g}, the draw has {e}"),
                    _ => write!(
                        f,
                        "the file has {given_len} answers, the draw has {draw_len}"
                    ),
                }
            }
            Finding::TestOutsideCycle { day } => {
                write!(f, "the test began on {day}, outside the cycle")
            }
        }
    }
}

/// The reads that count for 月读: finished on a day inside the cycle, at least
/// `read.min_seconds` spent, a unit the content has and (with a plan) one of the
/// cycle's units. With the time each was finished.
fn counted_reads<'c>(
    reads: &'c [ReadEntry],
    cycle: &Cycle,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Vec<(&'c str, &'c Datetime)> {
    reads
        .iter()
        .filter(|e| e.seconds >= rules.read.min_seconds)
        .filter(|e| cycle_units.is_none_or(|us| us.contains(&e.unit)))
        .filter(|e| catalog.unit(&e.unit).is_some())
        .filter_map(|e| {
            let f = e.finished.as_ref()?;
            local_date(f)
                .filter(|d| cycle.contains(*d))
                .map(|_| (e.unit.as_str(), f))
        })
        .collect()
}

/// The cycle test's questions per SPEC "The cycle test": the pool is every question of
/// the counted units finished before `taken`, drawn for `"{member_id}/{cycle}"`.
/// The TUI draws with this when the test begins; `assess` recomputes it.
#[must_use]
pub fn test_draw(
    member_id: &str,
    cycle: &Cycle,
    reads: &[ReadEntry],
    taken: &Datetime,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Vec<(String, String)> {
    let began = instant(taken);
    let mut pool = Vec::new();
    for (unit, finished) in counted_reads(reads, cycle, rules, cycle_units, catalog) {
        let before = match (instant(finished), began) {
            (Some(f), Some(b)) => f < b,
            _ => false,
        };
        if !before {
            continue;
        }
        if let Some(u) = catalog.unit(unit) {
            pool.extend(u.questions.iter().map(|q| (u.id.clone(), q.id.clone())));
        }
    }
    quiz::draw(
        member_id,
        &cycle.to_string(),
        pool,
        rules.study.questions as usize,
    )
}

/// [`test_draw`] from a member's state, for starting the test at `taken`.
#[must_use]
pub fn test_draw_for_state(
    state: &MemberState,
    cycle: &Cycle,
    taken: &Datetime,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Vec<(String, String)> {
    let reads = reads_of_state(state, &cycle.to_string());
    test_draw(
        &state.member_id,
        cycle,
        &reads,
        taken,
        rules,
        cycle_units,
        catalog,
    )
}

/// Derive 月读 / 月讲 / 月学 from the evidence, by `rules`, against `catalog`.
/// `cycle_units` is the plan's units for the cycle; `None` without a plan.
#[must_use]
pub fn assess(
    c: &Completion,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Assessment {
    let mut findings = Vec::new();
    for e in &c.read {
        if catalog.unit(&e.unit).is_none() {
            findings.push(Finding::UnknownUnit {
                unit: e.unit.clone(),
                place: Place::Read,
            });
        }
    }
    let mut units_read: Vec<String> = counted_reads(&c.read, &c.cycle, rules, cycle_units, catalog)
        .into_iter()
        .map(|(u, _)| u.to_string())
        .collect();
    units_read.sort();
    let reflection_chars = c.reflection.as_ref().map_or(0, |r| count_chars(&r.text));
    if let Some(u) = c.reflection.as_ref().and_then(|r| r.unit.as_ref())
        && catalog.unit(u).is_none()
    {
        findings.push(Finding::UnknownUnit {
            unit: u.clone(),
            place: Place::Reflection,
        });
    }
    let read = ReadPart {
        done: units_read.len() >= rules.read.units as usize
            && reflection_chars >= rules.read.reflection_min_chars as usize,
        units_read,
        units_required: rules.read.units,
        reflection_chars,
        reflection_min: rules.read.reflection_min_chars,
    };

    let talk = {
        let t = c.talk.as_ref();
        let has_topic = t.is_some_and(|t| count_chars(&t.topic) > 0);
        let outline_chars = t.map_or(0, |t| count_chars(&t.outline));
        let delivered = t.and_then(|t| t.delivered.as_ref()).and_then(local_date);
        let delivered_in_cycle = delivered.is_some_and(|d| c.cycle.contains(d));
        TalkPart {
            done: has_topic
                && outline_chars >= rules.talk.outline_min_chars as usize
                && delivered_in_cycle,
            has_topic,
            outline_chars,
            outline_min: rules.talk.outline_min_chars,
            delivered,
            delivered_in_cycle,
        }
    };

    let test = c
        .test
        .as_ref()
        .map(|t| grade_test(c, t, rules, cycle_units, catalog, &mut findings));
    let survey_chars = c.survey.as_ref().map_or(0, |s| count_chars(&s.text));
    let study = StudyPart {
        done: test
            .as_ref()
            .is_some_and(|t| t.score >= rules.study.pass_score)
            && survey_chars >= rules.study.survey_min_chars as usize,
        test,
        pass_score: rules.study.pass_score,
        survey_chars,
        survey_min: rules.study.survey_min_chars,
    };
    Assessment {
        read,
        talk,
        study,
        findings,
    }
}

fn grade_test(
    c: &Completion,
    t: &TestEntry,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
    findings: &mut Vec<Finding>,
) -> TestResult {
    let draw = test_draw(
        &c.member_id,
        &c.cycle,
        &c.read,
        &t.taken,
        rules,
        cycle_units,
        catalog,
    );
    if let Some(day) = local_date(&t.taken).filter(|d| !c.cycle.contains(*d)) {
        findings.push(Finding::TestOutsideCycle { day });
    }
    let mut answers = Vec::with_capacity(t.answers.len());
    for (i, a) in t.answers.iter().enumerate() {
        let verdict = match catalog.unit(&a.unit) {
            None => {
                findings.push(Finding::UnknownUnit {
                    unit: a.unit.clone(),
                    place: Place::Answer(i + 1),
                });
                Verdict::UnknownUnit
            }
            Some(u) => match u.question(&a.question) {
                None => {
                    findings.push(Finding::UnknownQuestion {
                        index: i + 1,
                        unit: a.unit.clone(),
                        question: a.question.clone(),
                    });
                    Verdict::UnknownQuestion
                }
                Some(q) if quiz::is_correct(q, &a.given) => Verdict::Right,
                Some(_) => Verdict::Wrong,
            },
        };
        answers.push(GradedAnswer {
            unit: a.unit.clone(),
            question: a.question.clone(),
            given: a.given.clone(),
            verdict,
            in_draw: draw.iter().any(|(u, q)| *u == a.unit && *q == a.question),
        });
    }
    let is_draw = draw.len() == t.answers.len()
        && draw
            .iter()
            .zip(&t.answers)
            .all(|((u, q), a)| *u == a.unit && *q == a.question);
    if !is_draw {
        let pair = |u: &str, q: &str| format!("{u}/{q}");
        let index = draw
            .iter()
            .zip(&t.answers)
            .position(|((u, q), a)| *u != a.unit || *q != a.question)
            .unwrap_or(draw.len().min(t.answers.len()));
        findings.push(Finding::NotTheDraw {
            index: index + 1,
            given: t.answers.get(index).map(|a| pair(&a.unit, &a.question)),
            expected: draw.get(index).map(|(u, q)| pair(u, q)),
            given_len: t.answers.len(),
            draw_len: draw.len(),
        });
    }
    // Scored over the draw itself: a swapped-in question earns nothing and the
    // question it replaced counts as unanswered.
    let correct = draw
        .iter()
        .filter(|(u, q)| {
            let given = t.answers.iter().find(|a| a.unit == *u && a.question == *q);
            match (given, catalog.unit(u).and_then(|unit| unit.question(q))) {
                (Some(a), Some(question)) => quiz::is_correct(question, &a.given),
                _ => false,
            }
        })
        .count();
    TestResult {
        score: quiz::score(correct, draw.len()),
        correct,
        draw,
        is_draw,
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::state::{CycleReading, CycleWork, TestRecord, UnitProgress};
    use crate::core::unit::Unit;
    use std::collections::BTreeMap;

    fn unit(id: &str, questions: &str) -> Unit {
        let text = format!(
            "+++\nid = \"{id}\"\ntitle = \"标题\"\nkind = \"article\"\n{questions}+++\n正文。\n"
        );
        crate::core::unit::parse(&text).expect("test unit is valid")
    }

    const QS: &str = r#"
[[questions]]
id = "q1"
type = "single"
prompt = "p"
choices = ["a", "b", "c"]
answer = "B"
explain = "e"

[[questions]]
id = "q2"
type = "judge"
prompt = "p"
answer = true
explain = "e"

[[questions]]
id = "q3"
type = "fill"
prompt = "p"
answer = ["3名"]
explain = "e"
"#;

    fn catalog() -> BTreeMap<String, Unit> {
        ["u-a", "u-b", "u-c", "u-d", "u-e"]
            .iter()
            .map(|id| (id.to_string(), unit(id, QS)))
            .collect()
    }

    fn dt(s: &str) -> Datetime {
        s.parse().expect("test datetime is valid")
    }

    fn cyc(s: &str) -> Cycle {
        s.parse().expect("test cycle is valid")
    }

    fn read(unit: &str, seconds: u64, finished: Option<&str>) -> ReadEntry {
        ReadEntry {
            unit: unit.into(),
            seconds,
            finished: finished.map(dt),
        }
    }

    fn right_answer(unit: &str, question: &str) -> GivenAnswer {
        let given = match question {
            "q1" => "B",
            "q2" => "true",
            _ => "3名",
        };
        GivenAnswer {
            unit: unit.into(),
            question: question.into(),
            given: given.into(),
        }
    }

    /// A file that meets every default rule, with the test answered right.
    fn honest() -> Completion {
        let mut c = Completion {
            member_id: "zhangsan".into(),
            member: "张三".into(),
            cycle: cyc("2026-11"),
            exported: dt("2026-11-30T21:04:00+08:00"),
            read: vec![
                read("u-a", 400, Some("2026-11-03T20:11:09+08:00")),
                read("u-b", 300, Some("2026-11-04T20:11:09+08:00")),
                read("u-c", 200, Some("2026-11-05T20:11:09+08:00")),
                read("u-d", 130, Some("2026-11-06T20:11:09+08:00")),
            ],
            reflection: Some(Reflection {
                unit: Some("u-a".into()),
                text: "学".repeat(300),
            }),
            talk: Some(Talk {
                topic: "红色物业".into(),
                outline: "纲".repeat(100),
                delivered: Some(dt("2026-11-20")),
            }),
            test: None,
            survey: Some(Survey {
                title: "调研".into(),
                text: "查".repeat(300),
            }),
            claimed: None,
        };
        let taken = dt("2026-11-28T19:30:00+08:00");
        let draw = test_draw(
            &c.member_id,
            &c.cycle,
            &c.read,
            &taken,
            &Rules::default(),
            None,
            &catalog(),
        );
        c.test = Some(TestEntry {
            taken,
            answers: draw.iter().map(|(u, q)| right_answer(u, q)).collect(),
        });
        c
    }

    fn assess_default(c: &Completion) -> Assessment {
        assess(c, &Rules::default(), None, &catalog())
    }

    #[test]
    fn an_honest_file_is_done_with_no_findings() {
        let a = assess_default(&honest());
        assert!(a.read.done && a.talk.done && a.study.done, "{a:#?}");
        assert_eq!(a.score(), Some(100));
        assert_eq!(a.study.test.as_ref().map(|t| t.draw.len()), Some(10));
        assert!(a.findings.is_empty(), "{:?}", a.findings);
        assert_eq!(a.read.units_read, vec!["u-a", "u-b", "u-c", "u-d"]);
    }

    #[test]
    fn reading_counts_only_finished_in_cycle_and_long_enough() {
        let mut c = honest();
        c.test = None;
        c.read = vec![
            read("u-a", 120, Some("2026-11-30T23:59:59+08:00")),
            read("u-b", 119, Some("2026-11-04T20:00:00+08:00")),
            read("u-c", 500, Some("2026-12-01T00:00:00+08:00")),
            read("u-d", 500, None),
            // 2026-11-01T00:00Z, but 2026-10-31 in the datetime's own offset, which rules.
            read("u-e", 500, Some("2026-10-31T23:00:00-01:00")),
        ];
        let a = assess_default(&c);
        assert_eq!(a.read.units_read, vec!["u-a"]);
        assert_eq!(a.read.units_missing(), 3);
        assert!(!a.read.done);
        assert_eq!(a.read.shortfalls(), vec!["1 of 4 units read"]);
    }

    #[test]
    fn with_a_plan_only_the_cycle_s_units_count() {
        let c = honest();
        let plan = ["u-a".to_string(), "u-b".to_string(), "u-e".to_string()];
        let a = assess(&c, &Rules::default(), Some(&plan), &catalog());
        assert_eq!(a.read.units_read, vec!["u-a", "u-b"]);
        assert!(!a.read.done);
        // The test drew from every read unit; with the plan the draw is from u-a and
        // u-b only, so the file's answers are not the draw.
        let t = a.study.test.as_ref().expect("test present");
        assert!(!t.is_draw);
        assert_eq!(t.draw.len(), 6);
        assert!(
            a.findings
                .iter()
                .any(|f| matches!(f, Finding::NotTheDraw { .. }))
        );
    }

    #[test]
    fn reflection_counts_characters_without_whitespace() {
        let mut c = honest();
        c.reflection = Some(Reflection {
            unit: None,
            text: format!("{}\n\n {}", "学".repeat(150), "习".repeat(149)),
        });
        let a = assess_default(&c);
        assert_eq!(a.read.reflection_chars, 299);
        assert!(!a.read.done);
        assert_eq!(
            a.read.shortfalls(),
            vec!["reflection 299 of 300 characters"]
        );
        c.reflection = None;
        assert_eq!(assess_default(&c).read.shortfalls(), vec!["no reflection"]);
    }

    #[test]
    fn talk_needs_topic_outline_and_a_day_in_the_cycle() {
        let mut c = honest();
        let cycle = c.cycle;
        c.talk = Some(Talk {
            topic: " ".into(),
            outline: "纲".repeat(99),
            delivered: Some(dt("2026-12-01")),
        });
        let a = assess_default(&c);
        assert!(!a.talk.done);
        assert_eq!(
            a.talk.shortfalls(&cycle),
            vec![
                "no topic",
                "outline 99 of 100 characters",
                "delivered 2026-12-01, outside 2026-11"
            ]
        );
        c.talk = None;
        let a = assess_default(&c);
        assert_eq!(
            a.talk.shortfalls(&cycle),
            vec![
                "no topic",
                "outline 0 of 100 characters",
                "no delivery date"
            ]
        );
    }

    #[test]
    fn study_needs_the_pass_score_and_the_survey() {
        let mut c = honest();
        if let Some(t) = c.test.as_mut() {
            for a in t.answers.iter_mut().take(3) {
                a.given = "wrong".into();
            }
        }
        let a = assess_default(&c);
        assert_eq!(a.score(), Some(70));
        assert!(!a.study.done);
        assert_eq!(a.study.shortfalls(), vec!["score 70 < 80"]);
        assert!(a.findings.is_empty(), "wrong answers are not findings");
        c.test = None;
        c.survey = None;
        let a = assess_default(&c);
        assert_eq!(a.score(), None);
        assert_eq!(a.study.shortfalls(), vec!["test not taken", "no survey"]);
    }

    #[test]
    fn the_pool_holds_only_units_finished_before_the_test() {
        let mut c = honest();
        c.read[3].finished = Some(dt("2026-11-28T19:30:01+08:00"));
        let t = c.test.as_ref().expect("test");
        let draw = test_draw(
            &c.member_id,
            &c.cycle,
            &c.read,
            &t.taken,
            &Rules::default(),
            None,
            &catalog(),
        );
        assert_eq!(draw.len(), 9, "three units of three questions");
        assert!(draw.iter().all(|(u, _)| u != "u-d"));
        // Same instant in another offset: still not before.
        c.read[3].finished = Some(dt("2026-11-28T11:30:00Z"));
        let again = test_draw(
            &c.member_id,
            &c.cycle,
            &c.read,
            &t.taken,
            &Rules::default(),
            None,
            &catalog(),
        );
        assert_eq!(again.len(), 9);
    }

    #[test]
    fn a_swapped_in_question_is_flagged_and_earns_nothing() {
        let mut c = honest();
        let t = c.test.as_mut().expect("test");
        let swapped_out = t.answers[2].clone();
        // u-e was never read, so its questions are outside the pool.
        t.answers[2] = right_answer("u-e", "q1");
        let a = assess_default(&c);
        assert_eq!(a.score(), Some(90));
        let t = a.study.test.as_ref().expect("test");
        assert!(!t.is_draw);
        assert!(!t.answers[2].in_draw);
        assert_eq!(t.answers[2].verdict, Verdict::Right);
        assert_eq!(
            a.findings,
            vec![Finding::NotTheDraw {
                index: 3,
                given: Some("u-e/q1".into()),
                expected: Some(format!("{}/{}", swapped_out.unit, swapped_out.question)),
                given_len: 10,
                draw_len: 10,
            }]
        );
        assert_eq!(
            a.findings[0].to_string(),
            format!(
                "the test is not the deterministic draw: answer 3 is u-e/q1, the draw has {}/{}",
                swapped_out.unit, swapped_out.question
            )
        );
    }

    #[test]
    fn a_dropped_answer_and_unknown_questions_are_flagged() {
        let mut c = honest();
        let t = c.test.as_mut().expect("test");
        t.answers.pop();
        let a = assess_default(&c);
        assert_eq!(a.score(), Some(90));
        assert_eq!(
            a.findings[0].to_string(),
            "the test is not the deterministic draw: the file has 9 answers, the draw has 10"
        );

        let mut c = honest();
        let t = c.test.as_mut().expect("test");
        t.answers[0].question = "q9".into();
        t.answers[1].unit = "u-zz".into();
        let a = assess_default(&c);
        let msgs: Vec<String> = a.findings.iter().map(ToString::to_string).collect();
        let first = &a.study.test.as_ref().expect("test").draw[0];
        assert_eq!(
            msgs,
            vec![
                format!(
                    "test answer 1 names question \"q9\" of unit \"{}\", which that unit does not have",
                    first.0
                ),
                "test answer 2 names unit \"u-zz\", which is not in the content".to_string(),
                format!(
                    "the test is not the deterministic draw: answer 1 is {}/q9, the draw has {}/{}",
                    first.0, first.0, first.1
                ),
            ]
        );
    }

    #[test]
    fn unknown_read_and_reflection_units_are_findings() {
        let mut c = honest();
        c.test = None;
        c.read
            .push(read("zz-gone", 500, Some("2026-11-07T10:00:00+08:00")));
        c.reflection = Some(Reflection {
            unit: Some("zz-other".into()),
            text: "学".repeat(300),
        });
        let a = assess_default(&c);
        assert_eq!(
            a.findings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            vec![
                "[[read]] names unit \"zz-gone\", which is not in the content",
                "[reflection] names unit \"zz-other\", which is not in the content",
            ]
        );
        assert_eq!(a.read.units_read.len(), 4);
    }

    #[test]
    fn a_test_outside_the_cycle_is_a_finding() {
        let mut c = honest();
        if let Some(t) = c.test.as_mut() {
            t.taken = dt("2026-12-01T08:00:00+08:00");
        }
        let a = assess_default(&c);
        assert!(a.findings.contains(&Finding::TestOutsideCycle {
            day: jiff::civil::date(2026, 12, 1)
        }));
    }

    #[test]
    fn to_toml_round_trips() {
        let mut c = honest();
        c.claimed = Some(assess_default(&c).claimed());
        c.member = "张\"三\\ \u{1b}[31m".into();
        if let Some(r) = c.reflection.as_mut() {
            r.text = "第一段 \"引号\" \\ 反斜杠\n\n第二段\"\"\"\t制表\r\n\u{7}结尾\"".into();
        }
        let text = c.to_toml();
        assert!(!text.contains('\u{1b}'), "controls are escaped in the file");
        let back = Completion::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(back, c);
    }

    #[test]
    fn parses_spec_s_example() {
        let text = r#"format = "dangxue-completion/1"
member_id = "zhangsan"
member = "张三"
cycle = "2026-11"
exported = 2026-11-30T21:04:00+08:00

[[read]]                 # one per unit opened in the cycle
unit = "ulanhot-red-property"
seconds = 412
finished = 2026-11-03T20:11:09+08:00   # absent if the last line was not reached

[reflection]
unit = "ulanhot-red-property"      # optional: the unit it reflects on
text = "..."                       # the 心得 itself

[talk]
topic = "..."
outline = "..."
delivered = 2026-11-20

[test]
taken = 2026-11-28T19:30:00+08:00
answers = [ { unit = "ulanhot-red-property", question = "q1", given = "C" }, { unit = "x", question = "q2", given = true } ]

[survey]
title = "..."
text = "..."

[claimed]                          # what the member's program computed
read = true
talk = true
study = false
score = 70
"#;
        let c = Completion::parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(c.cycle, cyc("2026-11"));
        assert_eq!(
            c.read,
            vec![read(
                "ulanhot-red-property",
                412,
                Some("2026-11-03T20:11:09+08:00")
            )]
        );
        assert_eq!(
            c.talk.as_ref().and_then(|t| t.delivered),
            Some(dt("2026-11-20"))
        );
        let t = c.test.as_ref().expect("test");
        assert_eq!(t.answers.len(), 2);
        assert_eq!(t.answers[1].given, "true");
        assert_eq!(
            c.claimed,
            Some(Claimed {
                read: true,
                talk: true,
                study: false,
                score: Some(70)
            })
        );
        assert!(check(text).is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = r#"format = "dangxue-completion/1"
member_id = "zhang san"
member = "张三"
cycle = "2026-11c"
exported = 2026-11-30T21:04:00
extra = 1

[[read]]
unit = "a"
seconds = -5

[[read]]
unit = "b"
seconds = 10
finished = 2026-11-03

[[read]]
unit = "b"
seconds = 11

[talk]
topic = "t"
delivered = 2026-11-20T10:00:00+08:00

[test]
answers = [{ unit = "a", question = "q1" }]

[claimed]
read = "yes"
talk = true
study = true
score = 101
"#;
        let want: Vec<(usize, String)> = vec![
            (2, "member_id \"zhang san\" may hold only letters, digits, '-', '_' and '.' (at most 64)".into()),
            (4, "cycle \"2026-11c\" is not YYYY-MM or YYYY-MMa/b".into()),
            (5, "\"exported\" must be a date and time with its UTC offset, like 2026-11-03T20:11:09+08:00".into()),
            (6, "unknown key \"extra\"".into()),
            (10, "\"seconds\" in [[read]] must be a whole number from 0 to 9223372036854775807".into()),
            (15, "\"finished\" in [[read]] must be a date and time with its UTC offset, like 2026-11-03T20:11:09+08:00".into()),
            (17, "unit \"b\" has a second [[read]] (first at line 12): keep one".into()),
            (21, "missing key \"outline\" in [talk]".into()),
            (23, "\"delivered\" in [talk] must be a date like 2026-11-20 (no time, no quotes)".into()),
            (25, "missing key \"taken\" in [test]".into()),
            (26, "missing key \"given\" in [test] answers".into()),
            (29, "\"read\" in [claimed] must be true or false".into()),
            (32, "\"score\" in [claimed] must be a whole number from 0 to 100".into()),
        ];
        assert_eq!(check(text), want);
    }

    #[test]
    fn broken_toml_names_its_line_and_other_formats_are_refused() {
        let e = check("format = \"dangxue-completion/1\"\nmember = \"张三\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, 2);
        let e = check(
            "format = \"dangxue-completion/2\"\nmember_id = \"a\"\nmember = \"\"\ncycle = \"2026-11\"\nexported = 2026-11-30T21:04:00Z\n",
        );
        assert_eq!(e.len(), 1);
        assert!(e[0].1.starts_with("format \"dangxue-completion/2\" is not"));
    }

    #[test]
    fn from_state_exports_the_cycle_and_claims_the_derivation() {
        let cat = catalog();
        let mut s = MemberState::new("zhangsan", "张三");
        for (i, id) in ["u-a", "u-b", "u-c", "u-d"].iter().enumerate() {
            let mut p = UnitProgress::default();
            p.cycles.insert(
                "2026-11".into(),
                CycleReading {
                    seconds: 200,
                    reached_end: true,
                    finished: Some(dt(&format!("2026-11-0{}T20:00:00+08:00", i + 1))),
                },
            );
            p.cycles.insert("2026-10".into(), CycleReading::default());
            s.units.insert((*id).to_string(), p);
        }
        let mut other = UnitProgress::default();
        other
            .cycles
            .insert("2026-10".into(), CycleReading::default());
        s.units.insert("u-e".into(), other);
        let cycle = cyc("2026-11");
        let taken = dt("2026-11-28T19:30:00+08:00");
        let draw = test_draw_for_state(&s, &cycle, &taken, &Rules::default(), None, &cat);
        assert_eq!(draw.len(), 10);
        s.cycles.insert(
            "2026-11".into(),
            CycleWork {
                reflection: Some(Reflection {
                    unit: None,
                    text: "学".repeat(300),
                }),
                talk: Some(Talk {
                    topic: "题".into(),
                    outline: "纲".repeat(100),
                    delivered: Some(dt("2026-11-20T15:00:00+08:00")),
                }),
                test: Some(TestRecord {
                    taken,
                    answers: draw.iter().map(|(u, q)| right_answer(u, q)).collect(),
                    submitted: false,
                }),
                survey: None,
            },
        );
        let exported = dt("2026-11-30T21:04:00+08:00");
        let c = Completion::from_state(&s, &cycle, exported, &Rules::default(), None, &cat);
        assert_eq!(
            c.read.iter().map(|r| r.unit.as_str()).collect::<Vec<_>>(),
            ["u-a", "u-b", "u-c", "u-d"]
        );
        assert_eq!(c.test, None, "an unsubmitted test is not exported");
        assert_eq!(
            c.talk.as_ref().and_then(|t| t.delivered),
            Some(dt("2026-11-20"))
        );
        assert_eq!(
            c.claimed,
            Some(Claimed {
                read: true,
                talk: true,
                study: false,
                score: None
            })
        );
        if let Some(t) = s.cycles.get_mut("2026-11").and_then(|w| w.test.as_mut()) {
            t.submitted = true;
        }
        let c = Completion::from_state(&s, &cycle, exported, &Rules::default(), None, &cat);
        assert_eq!(c.claimed.and_then(|x| x.score), Some(100));
        assert!(
            assess(&c, &Rules::default(), None, &cat)
                .findings
                .is_empty()
        );
        assert!(check(&c.to_toml()).is_empty(), "{}", c.to_toml());
    }

    #[test]
    fn member_ids() {
        for ok in ["zhangsan", "张三", "li.si", "wang_wu-2"] {
            assert!(valid_member_id(ok), "{ok}");
        }
        for bad in ["", ".hidden", "a/b", "a b", "a\u{1b}b", &"x".repeat(65)] {
            assert!(!valid_member_id(bad), "{bad}");
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_round_trips(name in any::<String>(), text in any::<String>(), given in any::<String>()) {
                let mut c = honest();
                c.member = name;
                if let Some(r) = c.reflection.as_mut() { r.text = text.clone(); }
                if let Some(s) = c.survey.as_mut() { s.title = text; }
                if let Some(t) = c.test.as_mut() { t.answers[0].given = given; }
                let back = Completion::parse(&c.to_toml());
                prop_assert_eq!(back, Ok(c));
            }
        }
    }
}
