//! Reading a completion file strictly, every problem with its line.

use super::{
    COMPLETION_FORMAT, Claimed, Completion, CompletionIssue, ReadEntry, TestEntry, valid_member_id,
};
use crate::core::regime::Cycle;
use crate::core::state::{GivenAnswer, Reflection, Survey, Talk};
use crate::core::tomldoc::{self, DateKind, Issue, Pos, Reader, Tab};
use crate::core::unit::valid_id;

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
    "rules",
];

impl Completion {
    /// Parse a completion file.
    ///
    /// # Errors
    /// Every problem found as (line, what), sorted by line; never empty.
    pub fn parse(text: &str) -> Result<Completion, Vec<(usize, Issue)>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let doc = tomldoc::parse(text).map_err(|p| vec![p])?;
        let mut r = Reader::new(text);
        let root = r.root(&doc);
        let c = read_completion(&mut r, &root);
        match c {
            Some(c) if r.problems.is_empty() => Ok(c),
            _ => {
                if r.problems.is_empty() {
                    r.issue(Pos(0), Issue::Completion(CompletionIssue::NotACompletion));
                }
                Err(tomldoc::sorted(r.problems))
            }
        }
    }
}

fn read_completion(r: &mut Reader<'_>, root: &Tab<'_, '_>) -> Option<Completion> {
    r.unknown_keys(root, TOP_KEYS);
    match r.string(root, "format", true) {
        Some((_, f)) if f.as_ref() == COMPLETION_FORMAT => {}
        Some((line, f)) => r.issue(
            line,
            Issue::Format {
                found: f.to_string(),
                want: COMPLETION_FORMAT,
            },
        ),
        None => {}
    }
    let member_id = r.string(root, "member_id", true).and_then(|(line, id)| {
        if valid_member_id(id) {
            Some(id.to_string())
        } else {
            r.issue(line, Issue::BadMemberId { id: id.to_string() });
            None
        }
    });
    let member = r.owned(root, "member", true);
    let cycle = r
        .string(root, "cycle", true)
        .and_then(|(line, s)| match s.parse::<Cycle>() {
            Ok(c) => Some(c),
            Err(e) => {
                r.issue(line, Issue::BadCycle { name: e.0 });
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
    let rules = r.table(root, "rules", "[rules]").map(|t| {
        let mut out = Vec::new();
        for (k, v) in t.table {
            let value = match v.get_ref() {
                toml::de::DeValue::String(s) => format!("{:?}", s.as_ref()),
                toml::de::DeValue::Integer(i) => i.as_str().to_string(),
                toml::de::DeValue::Boolean(b) => b.to_string(),
                toml::de::DeValue::Float(f) => f.as_str().to_string(),
                _ => {
                    let key = k.get_ref().to_string();
                    let issue = Issue::Completion(CompletionIssue::RulesValue { key });
                    r.issue(Pos(k.span().start), issue);
                    continue;
                }
            };
            out.push((k.get_ref().to_string(), value));
        }
        // Shown sorted, whatever order the table keeps.
        out.sort();
        out
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
        rules,
    })
}

fn unit_id(r: &mut Reader<'_>, line: Pos, id: &str) -> Option<String> {
    if valid_id(id) {
        Some(id.to_string())
    } else {
        r.issue(line, Issue::BadUnitId { id: id.to_string() });
        None
    }
}

fn read_entries(r: &mut Reader<'_>, root: &Tab<'_, '_>) -> Vec<ReadEntry> {
    let mut out: Vec<ReadEntry> = Vec::new();
    let mut places: Vec<Pos> = Vec::new();
    // Unit id -> index in `out`: a file may hold hundreds of thousands of entries,
    // so the duplicate check must not rescan them.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
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
        if let Some(&i) = seen.get(&unit) {
            let first = places.get(i).map_or(1, |p| r.line(*p));
            let issue = CompletionIssue::SecondRead { unit, first };
            r.issue(t.at, Issue::Completion(issue));
            continue;
        }
        places.push(t.at);
        seen.insert(unit.clone(), out.len());
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
    r.unknown_keys(&t, &["taken", "submitted", "answers"]);
    let taken = r.datetime(&t, "taken", true, DateKind::Offset);
    let submitted = r.datetime(&t, "submitted", false, DateKind::Offset);
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
        let given = match a.table.get("given").map(toml::Spanned::get_ref) {
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
        submitted,
        answers,
    })
}

/// Problems of a completion file as (line, what); empty when valid.
#[must_use]
pub fn check(text: &str) -> Vec<(usize, Issue)> {
    match Completion::parse(text) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}
