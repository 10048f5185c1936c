//! The secretary's plan file: for each cycle, the assigned units and the talk theme.
//!
//! The format, `dangxue-plan/1` (see `plan.example.toml` at the repository root):
//!
//! ```toml
//! format = "dangxue-plan/1"      # required, exactly this
//! branch = "第一党支部"            # optional: shown on members' home screens
//!
//! [[cycle]]                      # one per planned cycle, any order
//! name = "2026-11"               # required: YYYY-MM, or YYYY-MMa / YYYY-MMb for fortnights
//! units = ["a000-ulanhot-red-property", "a001-ordos-double-report"]  # required, not empty
//! talk_theme = "红色物业与基层治理"  # optional: the 月讲 theme
//! due = 2026-11-28               # optional: a local date, when completion files are due
//! note = "第三周组织交流"           # optional: free text for members
//! ```
//!
//! A cycle's units are exactly its `units`: with a plan, 月读 counts only those and the
//! cycle test draws only from them; a cycle missing from the plan falls back to "every
//! unit", as without a plan. Cycle names must be unique and may not overlap (a month and
//! one of its halves). Unit ids follow the unit format's rule (lowercase a-z, digits,
//! `-`); whether they exist is checked against the content by [`check_against`].
//!
//! The plan may also hold the branch's roster, `[[member]]` tables (see
//! [`super::roster`]); a plan may hold members and no cycles.

mod problem;

pub use problem::PlanIssue;

use jiff::civil::Date;

use super::completion::valid_member_id;
use super::regime::{Cycle, Rules, local_date};
use super::roster::{RosterMember, key_identity, key_problem, lookalike_key, valid_login};
use super::tomldoc::{self, DateKind, Issue, Pos, Reader};
use super::unit::{Catalog, valid_id};

/// The `format` value this build reads and writes.
pub const PLAN_FORMAT: &str = "dangxue-plan/1";

const TOP_KEYS: &[&str] = &["format", "branch", "cycle", "member"];
const CYCLE_KEYS: &[&str] = &["name", "units", "talk_theme", "due", "note"];
const MEMBER_KEYS: &[&str] = &["id", "name", "login", "key"];

/// A parsed plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The branch the plan is for, if named.
    pub branch: Option<String>,
    /// Planned cycles in file order.
    pub cycles: Vec<PlanCycle>,
    /// The roster (`[[member]]`) in file order; empty when the plan has none.
    pub roster: Vec<RosterMember>,
}

/// One `[[cycle]]` of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanCycle {
    /// The cycle.
    pub cycle: Cycle,
    /// Assigned unit ids, in the secretary's order.
    pub units: Vec<String>,
    /// The 月讲 theme.
    pub talk_theme: Option<String>,
    /// When completion files are due.
    pub due: Option<Date>,
    /// Free text for members.
    pub note: Option<String>,
    /// Line of the `[[cycle]]` header.
    pub line: usize,
    /// Line of each unit id, parallel to `units`.
    pub unit_lines: Vec<usize>,
    /// Line of the `due` key, when given.
    pub due_line: Option<usize>,
}

impl Plan {
    /// Parse a plan file.
    ///
    /// # Errors
    /// Every problem found as (line, what), sorted by line; never empty.
    pub fn parse(text: &str) -> Result<Plan, Vec<(usize, Issue)>> {
        let (plan, problems) = Plan::parse_all(text);
        match plan {
            Some(plan) if problems.is_empty() => Ok(plan),
            _ => Err(problems),
        }
    }

    /// Parse a plan and keep what is readable even when something is wrong, so `check`
    /// can also report unknown unit ids of a cycle that has another problem: every
    /// problem (sorted by line), and the plan when the file is TOML at all.
    #[must_use]
    pub fn parse_all(text: &str) -> (Option<Plan>, Vec<(usize, Issue)>) {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let doc = match tomldoc::parse(text) {
            Ok(d) => d,
            Err(p) => return (None, vec![p]),
        };
        let mut r = Reader::new(text);
        let root = r.root(&doc);
        r.unknown_keys(&root, TOP_KEYS);
        match r.string(&root, "format", true) {
            Some((_, f)) if f.as_ref() == PLAN_FORMAT => {}
            Some((line, f)) => r.issue(
                line,
                Issue::Format {
                    found: f.to_string(),
                    want: PLAN_FORMAT,
                },
            ),
            None => {}
        }
        let branch = r.string(&root, "branch", false).map(|(_, s)| s.to_string());
        let mut cycles: Vec<PlanCycle> = Vec::new();
        let mut seen: Vec<(Cycle, Pos)> = Vec::new();
        match r.tables(&root, "cycle", false, "[[cycle]]") {
            Some(tabs) if !tabs.is_empty() => {
                for t in tabs {
                    let (name, planned) = read_cycle(&mut r, &t);
                    if let Some(name) = name {
                        overlap(&mut r, &seen, name, t.at);
                        seen.push((name, t.at));
                    }
                    cycles.extend(planned);
                }
            }
            Some(_) | None => {}
        }
        let roster = read_roster(&mut r, &root);
        if seen.is_empty() && roster.is_empty() && r.problems.is_empty() {
            r.issue(Pos(0), Issue::Plan(PlanIssue::NothingPlanned));
        }
        let plan = Plan {
            branch,
            cycles,
            roster,
        };
        (Some(plan), tomldoc::sorted(r.problems))
    }

    /// The plan of a cycle, if it has one.
    #[must_use]
    pub fn get(&self, cycle: &Cycle) -> Option<&PlanCycle> {
        self.cycles.iter().find(|c| c.cycle == *cycle)
    }

    /// The units assigned for `cycle`; `None` when the plan does not cover it.
    #[must_use]
    pub fn units_for(&self, cycle: &Cycle) -> Option<&[String]> {
        self.get(cycle).map(|c| c.units.as_slice())
    }

    /// The 月讲 theme for `cycle`.
    #[must_use]
    pub fn talk_theme_for(&self, cycle: &Cycle) -> Option<&str> {
        self.get(cycle).and_then(|c| c.talk_theme.as_deref())
    }

    /// When completion files for `cycle` are due.
    #[must_use]
    pub fn due_for(&self, cycle: &Cycle) -> Option<Date> {
        self.get(cycle).and_then(|c| c.due)
    }

    /// The roster member with this id, exactly (no folding: a look-alike id is
    /// another id).
    #[must_use]
    pub fn roster_member(&self, id: &str) -> Option<&RosterMember> {
        self.roster.iter().find(|m| m.id == id)
    }
}

/// The `[[member]]` tables: each with a valid, unique id, a name, and a valid login
/// and key when given. Members with problems are reported and left out.
fn read_roster(r: &mut Reader<'_>, root: &tomldoc::Tab<'_, '_>) -> Vec<RosterMember> {
    let mut roster: Vec<RosterMember> = Vec::new();
    let mut keys: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    // Maps, not scans: a branch roster can hold thousands of members.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut folded: std::collections::HashMap<String, (String, usize)> =
        std::collections::HashMap::new();
    for t in r
        .tables(root, "member", false, "[[member]]")
        .unwrap_or_default()
    {
        r.unknown_keys(&t, MEMBER_KEYS);
        let before = r.problems.len();
        let line = r.line(t.at);
        let id = r.string(&t, "id", true).and_then(|(at, id)| {
            if !valid_member_id(id) {
                r.issue(at, Issue::BadMemberId { id: id.to_string() });
                return None;
            }
            if let Some(&first) = seen.get(id.as_ref()) {
                let id = id.to_string();
                r.issue(at, Issue::Plan(PlanIssue::DuplicateMember { id, first }));
                return None;
            }
            let fold = lookalike_key(id);
            if let Some((other, first)) = folded.get(&fold) {
                // The same id again, after a member left out for another problem:
                // a duplicate, not an id that merely looks like itself.
                let issue = if other == id.as_ref() {
                    PlanIssue::DuplicateMember {
                        id: id.to_string(),
                        first: *first,
                    }
                } else {
                    PlanIssue::LookalikeMember {
                        id: id.to_string(),
                        other: other.clone(),
                        first: *first,
                    }
                };
                r.issue(at, Issue::Plan(issue));
                return None;
            }
            folded.insert(fold, (id.to_string(), line));
            Some(id.to_string())
        });
        let name = r.string(&t, "name", true).and_then(|(at, n)| {
            if n.trim().is_empty() {
                r.issue(at, Issue::Plan(PlanIssue::EmptyName));
                None
            } else {
                Some(n.to_string())
            }
        });
        let login = r.string(&t, "login", false).and_then(|(at, l)| {
            if valid_login(l) {
                Some(l.to_string())
            } else {
                let login = l.to_string();
                r.issue(at, Issue::Plan(PlanIssue::BadLogin { login }));
                None
            }
        });
        let key = r.string(&t, "key", false).and_then(|(at, k)| {
            if let Some(why) = key_problem(k) {
                r.issue(at, Issue::Plan(PlanIssue::BadKey(why)));
                return None;
            }
            let ident = key_identity(k);
            if let Some(other) = keys.get(&ident) {
                let other = other.clone();
                r.issue(at, Issue::Plan(PlanIssue::SharedKey { other }));
                return None;
            }
            Some(k.trim().to_string())
        });
        if r.problems.len() > before {
            continue;
        }
        if let (Some(id), Some(name)) = (id, name) {
            if key.is_some() {
                keys.insert(key_identity(key.as_deref().unwrap_or("")), id.clone());
            }
            seen.insert(id.clone(), line);
            roster.push(RosterMember {
                id,
                name,
                login,
                key,
                line,
            });
        }
    }
    roster
}

/// The cycle's name when it parses, and the whole cycle when nothing is wrong.
fn read_cycle(r: &mut Reader<'_>, t: &tomldoc::Tab<'_, '_>) -> (Option<Cycle>, Option<PlanCycle>) {
    r.unknown_keys(t, CYCLE_KEYS);

    let cycle = match r.string(t, "name", true) {
        Some((line, name)) => match name.parse::<Cycle>() {
            Ok(c) => Some(c),
            Err(e) => {
                r.issue(line, Issue::BadCycle { name: e.0 });
                None
            }
        },
        None => None,
    };
    let mut units = Vec::new();
    let mut unit_lines = Vec::new();
    if let Some((line, ids)) = r.strings(t, "units", true) {
        if ids.is_empty() {
            r.issue(line, Issue::Plan(PlanIssue::EmptyUnits));
        }
        for (at, id) in ids {
            if !valid_id(&id) {
                r.issue(at, Issue::BadUnitId { id });
            } else if units.contains(&id) {
                r.issue(at, Issue::Plan(PlanIssue::UnitTwice { id }));
            } else {
                units.push(id);
                unit_lines.push(r.line(at));
            }
        }
    }
    let talk_theme = r.string(t, "talk_theme", false).and_then(|(line, s)| {
        if s.trim().is_empty() {
            r.issue(line, Issue::Plan(PlanIssue::EmptyTheme));
            None
        } else {
            Some(s.to_string())
        }
    });
    let due_line = r.get(t, "due", false).map(|(at, _)| r.line(at));
    let due = r
        .datetime(t, "due", false, DateKind::LocalDate)
        .as_ref()
        .and_then(local_date);
    let note = r.string(t, "note", false).map(|(_, s)| s.to_string());
    let Some(cycle) = cycle else {
        return (None, None);
    };
    // A cycle with problems is kept for `parse_all`; `parse` refuses the plan.
    let planned = PlanCycle {
        cycle,
        units,
        talk_theme,
        due,
        note,
        line: r.line(t.at),
        unit_lines,
        due_line,
    };
    (Some(cycle), Some(planned))
}

/// Report a cycle already planned, or a month and one of its halves both planned;
/// only the first clash, so one mistake makes one message.
fn overlap(r: &mut Reader<'_>, earlier: &[(Cycle, Pos)], c: Cycle, line: Pos) {
    for (e, e_at) in earlier {
        let first = r.line(*e_at);
        if *e == c {
            let issue = PlanIssue::CycleTwice { cycle: c, first };
            r.issue(line, Issue::Plan(issue));
            return;
        }
        if e.first_day() <= c.last_day() && c.first_day() <= e.last_day() {
            let issue = PlanIssue::CycleOverlap {
                cycle: c,
                other: *e,
                first,
            };
            r.issue(line, Issue::Plan(issue));
            return;
        }
    }
}

/// Unit ids of the plan that the content does not have, each at its line, with the
/// nearest id the content has when one is close.
#[must_use]
pub fn check_against(plan: &Plan, catalog: &impl Catalog) -> Vec<(usize, Issue)> {
    let mut out = Vec::new();
    let ids = catalog.ids();
    for c in &plan.cycles {
        for (id, line) in c.units.iter().zip(&c.unit_lines) {
            if catalog.unit(id).is_none() {
                let issue = PlanIssue::UnknownUnit {
                    id: id.clone(),
                    cycle: c.cycle,
                    near: did_you_mean(id, ids.iter().copied()).map(str::to_string),
                };
                out.push((*line, Issue::Plan(issue)));
            }
        }
    }
    out
}

/// The known id nearest to `id` by edit distance, when it is near enough to be a
/// typo: at most 2 edits, or a quarter of the id's length for long ids.
///
/// ```
/// use dangxue::core::plan::did_you_mean;
/// let ids = ["a000-ulanhot-red-property", "a001-ordos-double-report"];
/// assert_eq!(did_you_mean("a000-ulanhot-red-proprety", ids.into_iter()), Some("a000-ulanhot-red-property"));
/// assert_eq!(did_you_mean("something-else", ids.into_iter()), None);
/// ```
pub fn did_you_mean<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (id.chars().count() / 4).max(2);
    known
        .map(|k| (edit_distance(id, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over chars, two rows of memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Cycles the rules make impossible: fewer units than 月读 asks for, or cycles of the
/// other length than `[cycle] length`, which would never be looked up.
#[must_use]
pub fn check_rules(plan: &Plan, rules: &Rules) -> Vec<(usize, Issue)> {
    let mut out = Vec::new();
    for c in &plan.cycles {
        if c.units.len() < rules.read.units as usize {
            let issue = PlanIssue::TooFewUnits {
                cycle: c.cycle,
                units: c.units.len(),
                need: rules.read.units,
            };
            out.push((c.line, Issue::Plan(issue)));
        }
        if c.cycle.length() != rules.cycle.length {
            let issue = PlanIssue::OtherLength {
                cycle: c.cycle,
                want: rules.cycle.length,
            };
            out.push((c.line, Issue::Plan(issue)));
        }
    }
    out
}

/// `due` dates outside their cycle: a file handed in on time would be 逾期 (a date
/// before the cycle) or the date was meant for another cycle.
#[must_use]
pub fn check_due(plan: &Plan) -> Vec<(usize, Issue)> {
    plan.cycles
        .iter()
        .filter_map(|c| {
            let due = c.due?;
            if c.cycle.contains(due) {
                return None;
            }
            let issue = PlanIssue::DueOutside {
                due,
                cycle: c.cycle,
            };
            Some((c.due_line.unwrap_or(c.line), Issue::Plan(issue)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Problems of a plan file as (line, message in English); empty when valid.
    fn check(text: &str) -> Vec<(usize, String)> {
        match Plan::parse(text) {
            Ok(_) => Vec::new(),
            Err(problems) => problems
                .into_iter()
                .map(|(line, issue)| (line, crate::strings::findings::EN.issue(&issue)))
                .collect(),
        }
    }

    const GOOD: &str = r#"format = "dangxue-plan/1"
branch = "第一党支部"

[[cycle]]
name = "2026-11"
units = ["a000-ulanhot-red-property", "a001-ordos-double-report"]
talk_theme = "红色物业与基层治理"
due = 2026-11-28

[[cycle]]
name = "2026-12"
units = ["a002-sanshundian-double-base"]
"#;

    fn c(s: &str) -> Cycle {
        s.parse().expect("valid cycle")
    }

    #[test]
    fn parses_the_documented_format() {
        let p = Plan::parse(GOOD).expect("valid plan");
        assert_eq!(p.branch.as_deref(), Some("第一党支部"));
        assert_eq!(
            p.units_for(&c("2026-11")),
            Some(
                &[
                    "a000-ulanhot-red-property".to_string(),
                    "a001-ordos-double-report".to_string()
                ][..]
            )
        );
        assert_eq!(p.talk_theme_for(&c("2026-11")), Some("红色物业与基层治理"));
        assert_eq!(
            p.due_for(&c("2026-11")),
            Some(jiff::civil::date(2026, 11, 28))
        );
        assert_eq!(p.talk_theme_for(&c("2026-12")), None);
        assert_eq!(p.units_for(&c("2027-01")), None);
        assert_eq!(
            p.get(&c("2026-12")).map(|x| (x.line, x.unit_lines.clone())),
            Some((10, vec![12]))
        );
        assert!(check(GOOD).is_empty());
    }

    #[test]
    fn the_example_file_is_valid() {
        let text = include_str!("../../../plan.example.toml");
        assert_eq!(check(text), Vec::<(usize, String)>::new());
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = r#"format = "dangxue-plan/1"
owner = "x"

[[cycle]]
name = "2026-13"
units = []

[[cycle]]
name = "2026-11"
units = ["Bad_ID", "ok-one", "ok-one"]
theme = "typo"

[[cycle]]
name = "2026-11"
units = ["ok-two"]
talk_theme = "  "
due = 2026-11-28T10:00:00+08:00

[[cycle]]
name = "2026-11b"
units = ["ok-three"]
"#;
        let got = check(text);
        let want: Vec<(usize, String)> = vec![
            (2, "unknown key \"owner\"".into()),
            (5, "cycle \"2026-13\" is not YYYY-MM or YYYY-MMa/b".into()),
            (6, "\"units\" in [[cycle]] is empty: list the unit ids to read".into()),
            (10, "unit id \"Bad_ID\" may hold only lowercase a-z, digits and '-'".into()),
            (10, "unit \"ok-one\" is listed twice in this cycle".into()),
            (11, "unknown key \"theme\" in [[cycle]]".into()),
            (13, "cycle \"2026-11\" is already planned at line 8".into()),
            (16, "\"talk_theme\" is empty: give a theme or remove the key".into()),
            (17, "\"due\" in [[cycle]] must be a date like 2026-11-20 (no time, no quotes)".into()),
            (
                19,
                "cycle \"2026-11b\" overlaps cycle \"2026-11\" at line 8: plan months or fortnights, not both"
                    .into(),
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn duplicate_cycles_name_the_first() {
        let text = "format = \"dangxue-plan/1\"\n[[cycle]]\nname = \"2026-11\"\nunits = [\"a\"]\n[[cycle]]\nname = \"2026-11\"\nunits = [\"b\"]\n";
        assert_eq!(
            check(text),
            vec![(
                5,
                "cycle \"2026-11\" is already planned at line 2".to_string()
            )]
        );
    }

    #[test]
    fn format_and_cycles_are_required() {
        assert_eq!(
            check("branch = \"x\"\n"),
            vec![(1, "missing key \"format\"".to_string()),]
        );
        assert_eq!(
            check("format = \"dangxue-plan/1\"\n"),
            vec![(
                1,
                "the plan has no [[cycle]] and no [[member]]: add a [[cycle]] per cycle, or the roster's [[member]] tables".to_string()
            )]
        );
        let got =
            check("format = \"dangxue-plan/2\"\n[[cycle]]\nname = \"2026-11\"\nunits = [\"a\"]\n");
        assert_eq!(got.len(), 1);
        assert!(
            got[0].1.starts_with("format \"dangxue-plan/2\" is not"),
            "{got:?}"
        );
        let broken = check("format = \"dangxue-plan/1\"\n[[cycle]\n");
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].0, 2);
    }

    #[test]
    fn unknown_units_are_found_against_the_content() {
        let p = Plan::parse(GOOD).expect("valid plan");
        let mut cat: BTreeMap<String, crate::core::unit::Unit> = BTreeMap::new();
        let unit = crate::core::unit::parse(
            "+++\nid = \"a001-ordos-double-report\"\ntitle = \"t\"\nkind = \"article\"\n+++\n正文\n",
        )
        .expect("valid unit");
        cat.insert(unit.meta.id.clone(), unit);
        let got = check_against(&p, &cat);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0],
            (
                6,
                Issue::Plan(PlanIssue::UnknownUnit {
                    id: "a000-ulanhot-red-property".into(),
                    cycle: c("2026-11"),
                    near: None,
                })
            )
        );
        assert_eq!(got[1].0, 12);
    }

    #[test]
    fn rules_that_cannot_be_met_are_found() {
        let p = Plan::parse(GOOD).expect("valid plan");
        let mut rules = Rules::default();
        rules.read.units = 2;
        let got = check_rules(&p, &rules);
        assert_eq!(
            got,
            vec![(
                10,
                Issue::Plan(PlanIssue::TooFewUnits {
                    cycle: c("2026-12"),
                    units: 1,
                    need: 2,
                })
            )]
        );
        rules.cycle.length = crate::core::regime::CycleLength::Fortnight;
        assert_eq!(check_rules(&p, &rules).len(), 3);
    }

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBm6vhNDMMz1n0V6lNAb0u3q4fXdO9Kq6qIejJZtUZ8a";

    #[test]
    fn a_roster_alone_is_a_plan() {
        let text = format!(
            "format = \"dangxue-plan/1\"\nbranch = \"第一党支部\"\n\n[[member]]\nid = \"zhangsan\"\nname = \"张三\"\nlogin = \"zhangsan\"\nkey = \"{KEY} zs@host\"\n\n[[member]]\nid = \"李四\"\nname = \"李四\"\n"
        );
        let p = Plan::parse(&text).expect("valid roster");
        assert!(p.cycles.is_empty());
        assert_eq!(
            p.roster,
            vec![
                RosterMember {
                    id: "zhangsan".into(),
                    name: "张三".into(),
                    login: Some("zhangsan".into()),
                    key: Some(format!("{KEY} zs@host")),
                    line: 4,
                },
                RosterMember {
                    id: "李四".into(),
                    name: "李四".into(),
                    login: None,
                    key: None,
                    line: 10,
                },
            ]
        );
        assert_eq!(p.roster_member("李四").map(|m| m.line), Some(10));
        assert_eq!(p.roster_member("zh\u{430}ngsan"), None);
    }

    #[test]
    fn roster_problems_name_their_lines() {
        let text = format!(
            r#"format = "dangxue-plan/1"

[[member]]
id = "zhangsan"
name = "张三"
key = "{KEY}"

[[member]]
id = "zhangsan"
name = "张三二"

[[member]]
id = "zh\u0430ngsan"
name = "假张三"

[[member]]
id = "li si"
name = ""
login = "李四"
phone = "1"

[[member]]
id = "wangwu"
name = "王五"
key = "{KEY} copied"

[[member]]
id = "zhaoliu"
name = "赵六"
key = "-----BEGIN OPENSSH PRIVATE KEY-----"

[[member]]
name = "无名"
"#
        );
        let got = check(&text);
        let want: Vec<(usize, String)> = vec![
            (9, "member id \"zhangsan\" is already on the roster at line 3".into()),
            (
                13,
                "member id \"zhаngsan\" looks like \"zhangsan\" at line 3: give members ids that cannot be mistaken".into(),
            ),
            (
                17,
                "member id \"li si\" may hold only letters, digits, '-', '_' and '.' (at most 64)".into(),
            ),
            (18, "\"name\" in [[member]] is empty: give the member's name".into()),
            (
                19,
                "login \"李四\" is not a Unix account name (letters, digits, '.', '_', '-'; at most 32): give the account that owns the member's files".into(),
            ),
            (20, "unknown key \"phone\" in [[member]]".into()),
            (
                25,
                "key is also the key of member \"zhangsan\": each member signs with a key of their own".into(),
            ),
            (
                30,
                "key is a private key or a PEM block, not a public key: give the one line of the .pub file".into(),
            ),
            (32, "missing key \"id\" in [[member]]".into()),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn an_id_given_twice_is_a_duplicate_when_the_first_member_has_a_problem() {
        let text = "format = \"dangxue-plan/1\"\n[[member]]\nid = \"zs\"\nname = \"\"\n[[member]]\nid = \"zs\"\nname = \"张三\"\n";
        let problems = Plan::parse(text).expect_err("two problems");
        assert_eq!(
            problems,
            vec![
                (4, Issue::Plan(PlanIssue::EmptyName)),
                (
                    6,
                    Issue::Plan(PlanIssue::DuplicateMember {
                        id: "zs".into(),
                        first: 2,
                    })
                ),
            ]
        );
    }

    #[test]
    fn a_due_date_outside_its_cycle_is_found() {
        let text = "format = \"dangxue-plan/1\"\n[[cycle]]\nname = \"2026-11\"\nunits = [\"a\"]\ndue = 2026-12-02\n[[cycle]]\nname = \"2026-12\"\nunits = [\"b\"]\ndue = 2026-12-31\n";
        let p = Plan::parse(text).expect("valid plan");
        assert_eq!(
            check_due(&p),
            vec![(
                5,
                Issue::Plan(PlanIssue::DueOutside {
                    due: jiff::civil::date(2026, 12, 2),
                    cycle: c("2026-11"),
                })
            )]
        );
    }
}
