//! Many completion files -> one verified row each, and the folder as a whole.
//!
//! A row is never taken from the file's word: `read`, `talk`, `study` and `score` are
//! recomputed by [`crate::core::assess::assess`] with the secretary's own content, rules and plan, and every
//! disagreement with the file's `[claimed]` is a [`Problem`]. So is evidence that does
//! not fit the content (unknown units or questions, a test that is not the
//! deterministic draw), a file that does not parse, and what SPEC's report section
//! lists besides: identity (file name, duplicates, roster), a cycle of the other
//! length, implausible times, lateness (a finding that does not fail the file), and
//! every entry of the folder that could not be read. [`assemble`] then adds what only
//! the whole folder shows: duplicates, ids not on the roster, and 未交 rows.

pub mod problem;
mod verify;

use std::collections::{BTreeSet, HashMap};

pub use problem::{Part, Problem, Shortfall, Signature, Stamp, Unreadable};
pub use verify::{Verifier, shortfalls};

use crate::core::plan::Plan;
use crate::core::regime::{Cycle, CycleLength};
use crate::core::roster::lookalike_key;

/// At most this many problems are kept per file; the rest are counted in
/// [`Problem::More`], so a hostile file cannot flood the report.
pub const MAX_PROBLEMS: usize = 20;

/// A member's clock may run a little ahead of the secretary's: `exported` counts as
/// "in the future" only beyond this.
pub const CLOCK_SLACK_SECONDS: i64 = 300;

/// One file's verified result, or a roster member's missing file (未交).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The file name inside the folder; `None` for a member who handed nothing in.
    pub file: Option<String>,
    /// `member_id` from the file (the roster id on a 未交 row).
    pub member_id: Option<String>,
    /// `member` from the file (the roster name on a 未交 row).
    pub member: Option<String>,
    /// `cycle` from the file (the reported cycle on a 未交 row).
    pub cycle: Option<Cycle>,
    /// 月读 as recomputed.
    pub read: Option<bool>,
    /// 月讲 as recomputed.
    pub talk: Option<bool>,
    /// 月学 as recomputed.
    pub study: Option<bool>,
    /// Test score as recomputed; `None` without a test or when the file is broken.
    pub score: Option<u32>,
    /// Every problem, at most [`MAX_PROBLEMS`] and then a count of the rest.
    pub problems: Vec<Problem>,
    /// The signature verdict; `None` when the roster names no key for the member.
    pub signature: Option<Signature>,
    /// Exported after the plan's `due`.
    pub late: bool,
    /// `false` only on a 未交 row.
    pub handed_in: bool,
    /// Member id and cycle read from the file name, to place a file that does not
    /// parse (and for `--member` on a broken file).
    pub name_id: Option<String>,
    /// See `name_id`.
    pub name_cycle: Option<Cycle>,
}

impl Row {
    /// Handed in, and no problem that fails the file (lateness does not).
    #[must_use]
    pub fn verified(&self) -> bool {
        self.handed_in && !self.problems.iter().any(Problem::fails)
    }

    /// A row for a file that could not be read or parsed: only the problems.
    #[must_use]
    pub fn broken(file: &str, problems: Vec<Problem>) -> Row {
        let (name_id, name_cycle) =
            split_file_name(file).map_or((None, None), |(id, c)| (Some(id.to_string()), Some(c)));
        Row {
            file: Some(file.to_string()),
            member_id: None,
            member: None,
            cycle: None,
            read: None,
            talk: None,
            study: None,
            score: None,
            problems: capped(problems),
            signature: None,
            late: false,
            handed_in: true,
            name_id,
            name_cycle,
        }
    }

    /// The row of a roster member with no file for `cycle`.
    #[must_use]
    pub fn not_handed_in(id: &str, name: &str, cycle: Cycle) -> Row {
        Row {
            file: None,
            member_id: Some(id.to_string()),
            member: Some(name.to_string()),
            cycle: Some(cycle),
            read: None,
            talk: None,
            study: None,
            score: None,
            problems: vec![Problem::NotHandedIn],
            signature: None,
            late: false,
            handed_in: false,
            name_id: None,
            name_cycle: None,
        }
    }

    /// The member the row belongs to: `member_id`, else the id in the file name.
    #[must_use]
    pub fn member_key(&self) -> Option<&str> {
        self.member_id.as_deref().or(self.name_id.as_deref())
    }

    /// The cycle the row belongs to: `cycle`, else the one in the file name.
    #[must_use]
    pub fn cycle_key(&self) -> Option<Cycle> {
        self.cycle.or(self.name_cycle)
    }

    fn push(&mut self, p: Problem) {
        let full = self.problems.len() >= MAX_PROBLEMS;
        match self.problems.last_mut() {
            Some(Problem::More { count }) => *count += 1,
            _ if full => self.problems.push(Problem::More { count: 1 }),
            _ => self.problems.push(p),
        }
    }
}

/// Keep the first [`MAX_PROBLEMS`], and count the rest.
fn capped(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let count = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem::More { count });
    }
    problems
}

/// The member id and cycle of a file name `<id>-<cycle>.toml`.
#[must_use]
pub fn split_file_name(name: &str) -> Option<(&str, Cycle)> {
    let stem = name.strip_suffix(".toml")?;
    [8, 7].into_iter().find_map(|len| {
        let cut = stem.len().checked_sub(len)?;
        let (head, tail) = (stem.get(..cut)?, stem.get(cut..)?);
        let id = head.strip_suffix('-')?;
        if id.is_empty() {
            return None;
        }
        tail.parse().ok().map(|c| (id, c))
    })
}

/// The cycle of the secretary's length under which a file's cycle is listed: itself
/// when the lengths agree, else the one holding its first day (`2026-11a` under
/// monthly rules is listed under `2026-11`).
#[must_use]
pub fn column(cycle: Cycle, length: CycleLength) -> Cycle {
    if cycle.length() == length {
        cycle
    } else {
        Cycle::containing(cycle.first_day(), length)
    }
}

fn overlaps(a: Cycle, b: Cycle) -> bool {
    a.first_day() <= b.last_day() && b.first_day() <= a.last_day()
}

/// The folder's rows, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Sorted by member id, then cycle, then file; rows without a member last.
    pub rows: Vec<Row>,
    /// The cycles reported (the secretary's length), oldest first.
    pub cycles: Vec<Cycle>,
    /// Members on the roster, when the plan has one.
    pub roster: Option<usize>,
    /// Entries of the folder that are not completion files, listed so nothing is
    /// skipped silently; they do not fail the report.
    pub others: Vec<String>,
    /// The folder held no completion file at all.
    pub empty: bool,
}

impl Report {
    /// Every file verified and every roster member handed in.
    #[must_use]
    pub fn all_verified(&self) -> bool {
        self.rows.iter().all(Row::verified)
    }
}

/// Build the report of a folder: flag duplicates and ids not on the roster, keep the
/// rows of `only` (a cycle, overlapping cycles of the other length included), and add
/// a 未交 row for every roster member without a file in a reported cycle. `fallback`
/// is the cycle reported when no file names one (today's).
#[must_use]
pub fn assemble(
    mut rows: Vec<Row>,
    plan: Option<&Plan>,
    length: CycleLength,
    only: Option<Cycle>,
    fallback: Cycle,
    others: Vec<String>,
) -> Report {
    let empty = rows.is_empty();
    flag_duplicates(&mut rows, length);
    let roster = plan.map(|p| &p.roster).filter(|r| !r.is_empty());
    if let Some(roster) = roster {
        let folded: HashMap<String, &str> = roster
            .iter()
            .map(|m| (lookalike_key(&m.id), m.id.as_str()))
            .collect();
        let ids: std::collections::HashSet<&str> = roster.iter().map(|m| m.id.as_str()).collect();
        for r in &mut rows {
            let Some(id) = r.member_id.clone() else {
                continue;
            };
            if ids.contains(id.as_str()) {
                continue;
            }
            let lookalike = folded.get(&lookalike_key(&id)).map(|s| (*s).to_string());
            r.push(Problem::NotOnRoster { id, lookalike });
        }
    }
    if let Some(c) = only {
        rows.retain(|r| r.cycle_key().is_none_or(|rc| overlaps(rc, c)));
    }
    let cycles: Vec<Cycle> = if let Some(c) = only {
        vec![c]
    } else {
        let set: BTreeSet<Cycle> = rows
            .iter()
            .filter_map(Row::cycle_key)
            .map(|c| column(c, length))
            .collect();
        if set.is_empty() && roster.is_some() {
            vec![fallback]
        } else {
            set.into_iter().collect()
        }
    };
    if let Some(roster) = roster {
        let have: BTreeSet<(String, Cycle)> = rows
            .iter()
            .filter_map(|r| Some((r.member_key()?.to_string(), column(r.cycle_key()?, length))))
            .collect();
        for m in roster {
            for c in &cycles {
                if !have.contains(&(m.id.clone(), *c)) {
                    rows.push(Row::not_handed_in(&m.id, &m.name, *c));
                }
            }
        }
    }
    sort_rows(&mut rows);
    Report {
        rows,
        cycles,
        roster: roster.map(Vec::len),
        others,
        empty,
    }
}

/// Flag every file of a member and cycle that has more than one: each names the
/// others, and none wins by its name.
pub fn flag_duplicates(rows: &mut [Row], length: CycleLength) {
    let mut groups: HashMap<(String, Cycle), Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        if let (Some(id), Some(c)) = (&r.member_id, r.cycle) {
            groups
                .entry((id.clone(), column(c, length)))
                .or_default()
                .push(i);
        }
    }
    let mut found: Vec<(usize, Problem)> = Vec::new();
    for ((id, cycle), members) in groups {
        if members.len() < 2 {
            continue;
        }
        for &i in &members {
            let mut others: Vec<String> = members
                .iter()
                .filter(|j| **j != i)
                .filter_map(|j| rows[*j].file.clone())
                .collect();
            others.sort();
            found.push((
                i,
                Problem::Duplicate {
                    id: id.clone(),
                    cycle,
                    others,
                },
            ));
        }
    }
    found.sort_by_key(|(i, _)| *i);
    for (i, p) in found {
        rows[i].push(p);
    }
}

/// Sort by member id, then cycle, then file; rows with no member go last.
pub fn sort_rows(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        let key = |r: &Row| {
            (
                r.member_key().is_none(),
                r.member_key().map(str::to_string),
                r.cycle_key(),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.file.cmp(&b.file))
    });
}

/// Counts of one cycle (or of all when `cycle` is `None`). Parts are counted over
/// verified files only: a flagged file's claims are not counted as done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// The cycle counted; `None`: every cycle together.
    pub cycle: Option<Cycle>,
    /// Files reported.
    pub files: usize,
    /// Files verified.
    pub verified: usize,
    /// Files with a problem that fails them.
    pub flagged: usize,
    /// Distinct members with a file.
    pub members: usize,
    /// Roster members without a file (未交).
    pub not_handed_in: usize,
    /// Verified files with 月读 done.
    pub read: usize,
    /// Verified files with 月讲 done.
    pub talk: usize,
    /// Verified files with 月学 done.
    pub study: usize,
    /// Files exported after the plan's due date.
    pub late: usize,
}

/// Count the rows of `cycle` (every row when `None`), under the secretary's length.
#[must_use]
pub fn summarize(rows: &[Row], cycle: Option<Cycle>, length: CycleLength) -> Summary {
    let mine: Vec<&Row> = rows
        .iter()
        .filter(|r| match (cycle, r.cycle_key()) {
            (None, _) => true,
            (Some(c), Some(rc)) => column(rc, length) == c,
            (Some(_), None) => false,
        })
        .collect();
    let files: Vec<&&Row> = mine.iter().filter(|r| r.handed_in).collect();
    let verified: Vec<&&&Row> = files.iter().filter(|r| r.verified()).collect();
    let members: BTreeSet<&str> = files.iter().filter_map(|r| r.member_key()).collect();
    Summary {
        cycle,
        files: files.len(),
        verified: verified.len(),
        flagged: files.len() - verified.len(),
        members: members.len(),
        not_handed_in: mine.iter().filter(|r| !r.handed_in).count(),
        read: verified.iter().filter(|r| r.read == Some(true)).count(),
        talk: verified.iter().filter(|r| r.talk == Some(true)).count(),
        study: verified.iter().filter(|r| r.study == Some(true)).count(),
        late: files.iter().filter(|r| r.late).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::regime::Rules;
    use crate::core::tomldoc::{EntryIssue, Issue, Want};
    use crate::core::unit::Unit;
    use std::collections::BTreeMap;

    fn catalog() -> BTreeMap<String, Unit> {
        let text = "+++\nid = \"u-a\"\ntitle = \"t\"\nkind = \"article\"\n\n[[questions]]\nid = \"q1\"\ntype = \"judge\"\nprompt = \"p\"\nanswer = true\nexplain = \"e\"\n+++\n正文\n";
        let u = crate::core::unit::parse(text).expect("valid unit");
        [(u.meta.id.clone(), u)].into_iter().collect()
    }

    fn rules() -> Rules {
        let mut r = Rules::default();
        r.read.units = 1;
        r.read.reflection_min_chars = 2;
        r.talk.outline_min_chars = 2;
        r.study.survey_min_chars = 2;
        r
    }

    const FILE: &str = r#"format = "dangxue-completion/1"
member_id = "zs"
member = "张三"
cycle = "2026-11"
exported = 2026-11-30T21:04:00+08:00

[[read]]
unit = "u-a"
seconds = 200
finished = 2026-11-03T20:00:00+08:00

[reflection]
text = "心得"

[talk]
topic = "题"
outline = "提纲"
delivered = 2026-11-20

[test]
taken = 2026-11-28T19:30:00+08:00
answers = [{ unit = "u-a", question = "q1", given = "true" }]

[survey]
title = "调研"
text = "调研"

[claimed]
read = true
talk = true
study = true
score = 100
"#;

    fn verify(text: &str) -> Row {
        let (r, c) = (rules(), catalog());
        let v = Verifier {
            rules: &r,
            plan: None,
            catalog: &c,
            now: None,
        };
        v.verify("zs-2026-11.toml", text)
    }

    #[test]
    fn an_honest_file_verifies() {
        let row = verify(FILE);
        assert_eq!(row.problems, Vec::<Problem>::new());
        assert_eq!(
            (row.read, row.talk, row.study, row.score),
            (Some(true), Some(true), Some(true), Some(100))
        );
    }

    #[test]
    fn every_disagreement_with_claimed_is_a_problem() {
        let text = FILE
            .replace("given = \"true\"", "given = \"false\"")
            .replace("text = \"心得\"", "text = \"心\"");
        let row = verify(&text);
        assert_eq!(
            row.problems,
            vec![
                Problem::Claimed {
                    part: Part::Read,
                    claimed: true,
                    actual: false,
                    why: vec![Shortfall::Reflection { chars: 1, need: 2 }],
                },
                Problem::Claimed {
                    part: Part::Study,
                    claimed: true,
                    actual: false,
                    why: vec![Shortfall::Score { score: 0, pass: 80 }],
                },
                Problem::ClaimedScore {
                    claimed: Some(100),
                    actual: Some(0),
                },
            ]
        );
        let row = verify(&FILE.replace("read = true\ntalk", "read = false\ntalk"));
        assert_eq!(
            row.problems,
            vec![Problem::Claimed {
                part: Part::Read,
                claimed: false,
                actual: true,
                why: Vec::new(),
            }]
        );
        let row = verify(&FILE.replace("score = 100\n", ""));
        assert_eq!(
            row.problems,
            vec![Problem::ClaimedScore {
                claimed: None,
                actual: Some(100),
            }]
        );
        let without_claimed = FILE.split("[claimed]").next().expect("has claimed");
        let row = verify(without_claimed);
        assert_eq!(row.problems, vec![Problem::NoClaimed]);
        assert_eq!(row.read, Some(true), "recomputed values are still shown");
    }

    #[test]
    fn a_broken_file_is_placed_by_its_name_and_has_no_values() {
        let row = verify(&FILE.replace("seconds = 200", "seconds = \"200\""));
        assert_eq!(
            row.problems,
            vec![Problem::Parse {
                line: 9,
                issue: Issue::Entry(EntryIssue::WrongType {
                    key: "seconds".into(),
                    table: "[[read]]".into(),
                    want: Want::Int {
                        min: 0,
                        max: i64::MAX
                    },
                }),
            }]
        );
        assert_eq!(row.member_id, None);
        assert_eq!(row.score, None);
        assert_eq!(row.member_key(), Some("zs"));
        assert_eq!(
            row.cycle_key().map(|c| c.to_string()).as_deref(),
            Some("2026-11")
        );
    }

    #[test]
    fn duplicates_are_all_flagged_whatever_the_order() {
        let nov: Cycle = "2026-11".parse().expect("cycle");
        let build = |order: &[usize]| {
            let mut files = [
                verify(FILE),
                verify(FILE),
                Row::broken("x-2026-12.toml", Vec::new()),
            ];
            files[1].file = Some("a-copy.toml".into());
            let rows: Vec<Row> = order.iter().map(|i| files[*i].clone()).collect();
            assemble(rows, None, CycleLength::Month, Some(nov), nov, Vec::new())
        };
        let r = build(&[0, 1, 2]);
        assert_eq!(r, build(&[2, 1, 0]), "the order of files does not matter");
        let files: Vec<Option<&str>> = r.rows.iter().map(|r| r.file.as_deref()).collect();
        // The December file is not in November.
        assert_eq!(files, [Some("a-copy.toml"), Some("zs-2026-11.toml")]);
        let duplicate = |other: &str| Problem::Duplicate {
            id: "zs".into(),
            cycle: nov,
            others: vec![other.into()],
        };
        assert_eq!(r.rows[0].problems, [duplicate("zs-2026-11.toml")]);
        assert_eq!(r.rows[1].problems, [duplicate("a-copy.toml")]);
        let s = summarize(&r.rows, Some(nov), CycleLength::Month);
        assert_eq!(
            s,
            Summary {
                cycle: Some(nov),
                files: 2,
                verified: 0,
                flagged: 2,
                members: 1,
                not_handed_in: 0,
                read: 0,
                talk: 0,
                study: 0,
                late: 0,
            }
        );
    }

    #[test]
    fn problems_are_bounded_per_file() {
        let mut row = verify(FILE);
        for i in 0..(MAX_PROBLEMS + 5) {
            row.push(Problem::NameForm {
                expected: format!("{i}"),
            });
        }
        assert_eq!(row.problems.len(), MAX_PROBLEMS + 1);
        assert_eq!(row.problems[MAX_PROBLEMS], Problem::More { count: 5 });
    }

    #[test]
    fn cycles_in_file_names() {
        assert_eq!(
            split_file_name("0-zhangsan-2026-11.toml").map(|(id, _)| id),
            Some("0-zhangsan")
        );
        let c = |s: &str| split_file_name(s).map(|(_, c)| c.to_string());
        assert_eq!(c("zhangsan-2026-11.toml").as_deref(), Some("2026-11"));
        assert_eq!(c("li-si-2026-11b.toml").as_deref(), Some("2026-11b"));
        assert_eq!(c("张三-2026-02a.toml").as_deref(), Some("2026-02a"));
        assert_eq!(c("notes.toml"), None);
        assert_eq!(c("2026-11.toml"), None);
        assert_eq!(c("x-2026-11.txt"), None);
    }
}
