//! Many completion files -> one verified row each.
//!
//! A row is never taken from the file's word: `read`, `talk`, `study` and `score` are
//! recomputed by [`assess`] with the secretary's own content, rules and plan, and every
//! disagreement with the file's `[claimed]` is a problem. So is evidence that does not
//! fit the content (unknown units or questions, a test that is not the deterministic
//! draw) and a file that does not parse (then the recomputed fields are `None`).

use serde::Serialize;

use super::completion::{Assessment, Completion, assess};
use super::plan::Plan;
use super::regime::{Cycle, Rules};
use super::unit::Catalog;

/// One file's verified result; serialised as SPEC's JSON object, keys in this order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The file name inside the folder.
    pub file: String,
    /// `member_id` from the file.
    pub member_id: Option<String>,
    /// `member` (display name) from the file.
    pub member: Option<String>,
    /// `cycle` from the file.
    pub cycle: Option<String>,
    /// 月读 as recomputed.
    pub read: Option<bool>,
    /// 月讲 as recomputed.
    pub talk: Option<bool>,
    /// 月学 as recomputed.
    pub study: Option<bool>,
    /// Test score as recomputed; `None` without a test or when the file is broken.
    pub score: Option<u32>,
    /// Every problem; empty when the file is verified.
    pub problems: Vec<String>,
}

impl Row {
    /// The file verified: no problem at all.
    #[must_use]
    pub fn verified(&self) -> bool {
        self.problems.is_empty()
    }

    /// A row for a file that could not be read or parsed: only the problems.
    #[must_use]
    pub fn broken(file: &str, problems: Vec<String>) -> Row {
        Row {
            file: file.to_string(),
            member_id: None,
            member: None,
            cycle: None,
            read: None,
            talk: None,
            study: None,
            score: None,
            problems,
        }
    }
}

/// What files are verified against: the secretary's rules, plan and content.
pub struct Verifier<'a, C: Catalog> {
    /// Regime thresholds.
    pub rules: &'a Rules,
    /// The plan, if one is configured.
    pub plan: Option<&'a Plan>,
    /// The content.
    pub catalog: &'a C,
}

impl<C: Catalog> Verifier<'_, C> {
    /// The cycle's units by the plan; `None` without a plan or when it skips the cycle.
    #[must_use]
    pub fn cycle_units(&self, cycle: &Cycle) -> Option<&[String]> {
        self.plan.and_then(|p| p.units_for(cycle))
    }

    /// Parse and verify one file; `file` is its name as shown in problems.
    #[must_use]
    pub fn verify(&self, file: &str, text: &str) -> Row {
        match Completion::parse(text) {
            Ok(c) => self.verify_parsed(file, &c).0,
            Err(problems) => Row::broken(
                file,
                problems
                    .into_iter()
                    .map(|(line, m)| format!("{file}:{line}: {m}"))
                    .collect(),
            ),
        }
    }

    /// Verify a parsed file; also returns the assessment, for showing the evidence.
    #[must_use]
    pub fn verify_parsed(&self, file: &str, c: &Completion) -> (Row, Assessment) {
        let a = assess(c, self.rules, self.cycle_units(&c.cycle), self.catalog);
        let mut problems: Vec<String> = a.findings.iter().map(ToString::to_string).collect();
        problems.extend(disagreements(c, &a));
        let row = Row {
            file: file.to_string(),
            member_id: Some(c.member_id.clone()),
            member: Some(c.member.clone()),
            cycle: Some(c.cycle.to_string()),
            read: Some(a.read.done),
            talk: Some(a.talk.done),
            study: Some(a.study.done),
            score: a.score(),
            problems,
        };
        (row, a)
    }
}

/// Every difference between `[claimed]` and the recomputed values, with why.
fn disagreements(c: &Completion, a: &Assessment) -> Vec<String> {
    let Some(claimed) = c.claimed else {
        return vec!["no [claimed] table: the file does not say what it claims".into()];
    };
    let mut out = Vec::new();
    let mut part = |name: &str, claimed: bool, actual: bool, why: Vec<String>| {
        if claimed != actual {
            let mut m = format!("claimed {name} = {claimed}, recomputed {actual}");
            if !why.is_empty() {
                m.push_str(": ");
                m.push_str(&why.join("; "));
            }
            out.push(m);
        }
    };
    part("read", claimed.read, a.read.done, a.read.shortfalls());
    part(
        "talk",
        claimed.talk,
        a.talk.done,
        a.talk.shortfalls(&c.cycle),
    );
    part("study", claimed.study, a.study.done, a.study.shortfalls());
    if claimed.score != a.score() {
        out.push(match (claimed.score, a.score()) {
            (Some(s), Some(r)) => format!("claimed score = {s}, recomputed {r}"),
            (Some(s), None) => format!("claimed score = {s}, but the file has no test"),
            (None, Some(r)) => format!("no score claimed, recomputed {r}"),
            (None, None) => String::new(),
        });
    }
    out
}

/// Flag files that are a second file for the same member and cycle.
pub fn flag_duplicates(rows: &mut [Row]) {
    let mut seen: std::collections::HashMap<(String, String), String> =
        std::collections::HashMap::new();
    // In file-name order, so "the other file" is stable whatever order rows came in.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|a, b| rows[*a].file.cmp(&rows[*b].file));
    for i in order {
        let r = &rows[i];
        let (Some(id), Some(cycle)) = (&r.member_id, &r.cycle) else {
            continue;
        };
        let key = (id.clone(), cycle.clone());
        if let Some(first) = seen.get(&key) {
            let msg = format!("another file for member {id:?} and cycle {cycle}: {first}");
            rows[i].problems.push(msg);
        } else {
            seen.insert(key, r.file.clone());
        }
    }
}

/// Sort by member id, then cycle, then file; files that do not parse go last.
pub fn sort_rows(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        let key = |r: &Row| (r.member_id.is_none(), r.member_id.clone(), r.cycle.clone());
        key(a).cmp(&key(b)).then_with(|| a.file.cmp(&b.file))
    });
}

/// The cycle a file name ends in (`zhangsan-2026-11.toml` -> `2026-11`), used to
/// place a file that does not parse under `--cycle`.
#[must_use]
pub fn cycle_of_file_name(name: &str) -> Option<Cycle> {
    let stem = name.strip_suffix(".toml")?;
    [8, 7].into_iter().find_map(|len| {
        let cut = stem.len().checked_sub(len)?;
        let (head, tail) = (stem.get(..cut)?, stem.get(cut..)?);
        if head.ends_with('-') {
            tail.parse().ok()
        } else {
            None
        }
    })
}

/// Whether a row belongs in a report filtered to `cycle`.
#[must_use]
pub fn in_cycle(row: &Row, cycle: &Cycle) -> bool {
    match &row.cycle {
        Some(c) => *c == cycle.to_string(),
        None => cycle_of_file_name(&row.file).is_none_or(|c| c == *cycle),
    }
}

/// Totals for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Files reported.
    pub files: usize,
    /// Distinct member ids among them.
    pub members: usize,
    /// Rows with 月读 done.
    pub read: usize,
    /// Rows with 月讲 done.
    pub talk: usize,
    /// Rows with 月学 done.
    pub study: usize,
    /// Rows with at least one problem.
    pub with_problems: usize,
}

/// Count the rows.
#[must_use]
pub fn summarize(rows: &[Row]) -> Summary {
    let members: std::collections::HashSet<&str> =
        rows.iter().filter_map(|r| r.member_id.as_deref()).collect();
    Summary {
        files: rows.len(),
        members: members.len(),
        read: rows.iter().filter(|r| r.read == Some(true)).count(),
        talk: rows.iter().filter(|r| r.talk == Some(true)).count(),
        study: rows.iter().filter(|r| r.study == Some(true)).count(),
        with_problems: rows.iter().filter(|r| !r.verified()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::unit::Unit;
    use std::collections::BTreeMap;

    fn catalog() -> BTreeMap<String, Unit> {
        let text = "+++\nid = \"u-a\"\ntitle = \"t\"\nkind = \"article\"\n\n[[questions]]\nid = \"q1\"\ntype = \"judge\"\nprompt = \"p\"\nanswer = true\nexplain = \"e\"\n+++\n正文\n";
        let u = crate::core::unit::parse(text).expect("valid unit");
        [(u.id.clone(), u)].into_iter().collect()
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
        };
        v.verify("zs-2026-11.toml", text)
    }

    #[test]
    fn an_honest_file_verifies() {
        let row = verify(FILE);
        assert_eq!(row.problems, Vec::<String>::new());
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
                "claimed read = true, recomputed false: reflection 1 of 2 characters",
                "claimed study = true, recomputed false: score 0 < 80",
                "claimed score = 100, recomputed 0",
            ]
        );
        let row = verify(&FILE.replace("read = true\ntalk", "read = false\ntalk"));
        assert_eq!(row.problems, vec!["claimed read = false, recomputed true"]);
        let row = verify(&FILE.replace("score = 100\n", ""));
        assert_eq!(row.problems, vec!["no score claimed, recomputed 100"]);
        let without_claimed = FILE.split("[claimed]").next().expect("has claimed");
        let row = verify(without_claimed);
        assert_eq!(
            row.problems,
            vec!["no [claimed] table: the file does not say what it claims"]
        );
        assert_eq!(row.read, Some(true), "recomputed values are still shown");
    }

    #[test]
    fn a_broken_file_names_its_lines_and_has_no_values() {
        let row = verify(&FILE.replace("seconds = 200", "seconds = \"200\""));
        assert_eq!(
            row.problems,
            vec![
                "zs-2026-11.toml:9: \"seconds\" in [[read]] must be a whole number from 0 to 9223372036854775807"
            ]
        );
        assert_eq!(row.member_id, None);
        assert_eq!(row.score, None);
    }

    #[test]
    fn duplicates_sorting_and_cycle_filter() {
        let mut rows = vec![verify(FILE), verify(FILE), verify("broken")];
        rows[1].file = "a-copy.toml".into();
        rows[2].file = "x-2026-12.toml".into();
        flag_duplicates(&mut rows);
        assert_eq!(
            rows[0].problems,
            vec!["another file for member \"zs\" and cycle 2026-11: a-copy.toml"]
        );
        assert!(rows[1].problems.is_empty());
        sort_rows(&mut rows);
        assert_eq!(
            rows.iter().map(|r| r.file.as_str()).collect::<Vec<_>>(),
            ["a-copy.toml", "zs-2026-11.toml", "x-2026-12.toml"]
        );
        let nov: Cycle = "2026-11".parse().expect("cycle");
        assert_eq!(rows.iter().filter(|r| in_cycle(r, &nov)).count(), 2);
        let s = summarize(&rows);
        assert_eq!(
            s,
            Summary {
                files: 3,
                members: 1,
                read: 2,
                talk: 2,
                study: 2,
                with_problems: 2
            }
        );
    }

    #[test]
    fn cycles_in_file_names() {
        let c = |s: &str| cycle_of_file_name(s).map(|c| c.to_string());
        assert_eq!(c("zhangsan-2026-11.toml").as_deref(), Some("2026-11"));
        assert_eq!(c("li-si-2026-11b.toml").as_deref(), Some("2026-11b"));
        assert_eq!(c("张三-2026-02a.toml").as_deref(), Some("2026-02a"));
        assert_eq!(c("notes.toml"), None);
        assert_eq!(c("2026-11.toml"), None);
        assert_eq!(c("x-2026-11.txt"), None);
    }
}
