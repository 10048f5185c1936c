//! Reading a unit file: the `+++` front matter as TOML, strictly, every problem with
//! its line; the body after it as it is. The front matter is read through the
//! shared [`crate::core::tomldoc`] layer, so every key's line comes from the TOML
//! parser itself (a multi-line string cannot mislead it).

use std::collections::BTreeSet;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{
    Answer, Expected, Kind, MAX_FRONT_MATTER_BYTES, Meta, Problem, ProblemKind, Question,
    QuestionType, Unit, valid_id,
};
use crate::core::tomldoc::{self, EntryIssue, Pos, Reader, Tab, Want};

const UNIT_KEYS: &[&str] = &[
    "id",
    "title",
    "kind",
    "column",
    "authors",
    "source",
    "tags",
    "note",
    "questions",
];
const QUESTION_KEYS: &[&str] = &["id", "type", "prompt", "choices", "answer", "explain"];

/// Split a file into (front matter, line of its first key, body, line where the body starts).
pub(super) fn split(text: &str) -> Result<(&str, usize, &str, usize), Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        return Err(Problem {
            line: 1,
            kind: ProblemKind::NoFrontMatter,
        });
    }
    offset += first.len();
    let front_start = offset;
    let mut line_no = 1;
    for l in lines {
        line_no += 1;
        if l.trim_end() == "+++" {
            let front = &text[front_start..offset];
            let body = &text[offset + l.len()..];
            return Ok((front, 2, body, line_no + 1));
        }
        offset += l.len();
    }
    Err(Problem {
        line: 1,
        kind: ProblemKind::UnclosedFrontMatter,
    })
}

/// The body as a unit keeps it: without the blank lines around it.
pub(super) fn kept_body(body: &str) -> &str {
    body.trim_matches(|c| c == '\n' || c == '\r')
}

/// The front matter being read: the shared reader, and the problems only a unit has.
struct Front<'t> {
    r: Reader<'t, EntryIssue>,
    /// Line of the front matter's first line in the file.
    first_line: usize,
    problems: Vec<Problem>,
}

impl Front<'_> {
    /// The file's line of a place in the front matter.
    fn line(&self, at: Pos) -> usize {
        self.first_line - 1 + self.r.line(at)
    }

    fn push(&mut self, at: Pos, kind: ProblemKind) {
        let line = self.line(at);
        self.problems.push(Problem { line, kind });
    }

    /// A required string that is not blank.
    fn req_str(&mut self, t: &Tab<'_, '_>, key: &str) -> Option<String> {
        let (at, s) = self.r.string(t, key, true)?;
        if s.trim().is_empty() {
            self.push(at, ProblemKind::Empty(key.to_string()));
            return None;
        }
        Some(s.to_string())
    }

    /// Every problem, the reader's and the unit's, sorted by line.
    fn finish(mut self) -> Vec<Problem> {
        let shift = self.first_line - 1;
        for (line, issue) in std::mem::take(&mut self.r.problems) {
            // A key missing from the top level is reported at the opening `+++`.
            let top = matches!(&issue, EntryIssue::Missing { table, .. } if table.is_empty());
            let line = if top { shift } else { line + shift };
            self.problems.push(Problem {
                line,
                kind: kind_of(issue),
            });
        }
        self.problems.sort_by_key(|p| p.line);
        self.problems
    }
}

/// A problem of the shared reader as a unit problem.
fn kind_of(issue: EntryIssue) -> ProblemKind {
    match issue {
        EntryIssue::UnknownKey { key, .. } => ProblemKind::UnknownKey(key),
        EntryIssue::Missing { key, .. } => ProblemKind::Missing(key),
        EntryIssue::WrongType { key, want, .. } => ProblemKind::WrongType(key, want_words(&want)),
    }
}

fn want_words(want: &Want) -> Expected {
    match want {
        Want::Str => Expected::Text,
        Want::Bool => Expected::TrueFalse,
        Want::Strings => Expected::Texts,
        Want::Tables(_) => Expected::Questions,
        Want::Table(_) | Want::Int { .. } | Want::OffsetDate | Want::LocalDate => Expected::Other,
    }
}

/// The front matter parsed as TOML, with a reader that places its problems at
/// their lines in the file; a front matter that is not TOML is its one problem.
fn open_front(
    front: &str,
    first_line: usize,
) -> Result<(Spanned<DeTable<'_>>, Front<'_>), Vec<Problem>> {
    let doc = tomldoc::parse_toml(front).map_err(|(line, msg)| {
        vec![Problem {
            line: first_line - 1 + line,
            kind: ProblemKind::Toml(msg),
        }]
    })?;
    let f = Front {
        r: Reader::new(front),
        first_line,
        problems: Vec::new(),
    };
    Ok((doc, f))
}

/// [`split`], refusing a front matter larger than [`MAX_FRONT_MATTER_BYTES`].
pub(super) fn split_bounded(text: &str) -> Result<(&str, usize, &str, usize), Vec<Problem>> {
    let parts = split(text).map_err(|p| vec![p])?;
    if parts.0.len() > MAX_FRONT_MATTER_BYTES {
        return Err(vec![Problem {
            line: 1,
            kind: ProblemKind::FrontMatterTooLarge,
        }]);
    }
    Ok(parts)
}

/// What was read, when nothing is wrong; else every problem, never none: a reading
/// that yields no value files a problem for it (a missing `id` at the least), and
/// should one ever not, the missing `id` stands in rather than an empty list.
fn read_or_problems<T>(value: Option<T>, mut problems: Vec<Problem>) -> Result<T, Vec<Problem>> {
    match value {
        Some(v) if problems.is_empty() => Ok(v),
        _ => {
            if problems.is_empty() {
                problems.push(Problem {
                    line: 1,
                    kind: ProblemKind::Missing("id".into()),
                });
            }
            Err(problems)
        }
    }
}

/// The top-level keys of a front matter: `Err` with the parser's problem when it is
/// not TOML, else the metadata or the problems of its top-level keys.
pub(super) fn meta_of_front(
    front: &str,
    first_line: usize,
) -> Result<Result<Meta, Vec<Problem>>, Vec<Problem>> {
    let (doc, mut f) = open_front(front, first_line)?;
    let root = f.r.root(&doc);
    let meta = meta_of(&mut f, &root).map(|(m, _)| m);
    Ok(read_or_problems(meta, f.finish()))
}

/// Parse a unit file. On failure, every problem found, sorted by line.
///
/// # Errors
/// The list of problems; it is never empty.
pub fn parse(text: &str) -> Result<Unit, Vec<Problem>> {
    let (front, first_line, body, body_line) = split_bounded(text)?;
    let (doc, mut f) = open_front(front, first_line)?;
    let root = f.r.root(&doc);
    let unit = build(&mut f, &root, body, body_line);
    read_or_problems(unit, f.finish())
}

/// The top-level keys, checked, with the place of the id.
fn meta_of(f: &mut Front<'_>, t: &Tab<'_, '_>) -> Option<(Meta, Option<Pos>)> {
    f.r.unknown_keys(t, UNIT_KEYS);
    let id_at = f.r.get(t, "id", false).map(|(at, _)| at);
    let id = f.req_str(t, "id");
    if let (Some(id), Some(at)) = (&id, id_at)
        && !valid_id(id)
    {
        f.push(at, ProblemKind::BadId(id.clone()));
    }
    let title = f.req_str(t, "title");
    let kind_at = f.r.get(t, "kind", false).map(|(at, _)| at);
    let kind = f.req_str(t, "kind").and_then(|k| {
        let parsed = Kind::parse(&k);
        if let (None, Some(at)) = (parsed, kind_at) {
            f.push(at, ProblemKind::BadKind(k));
        }
        parsed
    });
    let column = f.r.owned(t, "column", false);
    let source = f.r.owned(t, "source", false);
    let note = f.r.owned(t, "note", false);
    let list = |f: &mut Front<'_>, key: &str| -> Vec<String> {
        f.r.strings(t, key, false)
            .map(|(_, items)| items.into_iter().map(|(_, s)| s).collect())
            .unwrap_or_default()
    };
    let authors = list(f, "authors");
    let tags = list(f, "tags");
    let meta = Meta {
        id: id?,
        title: title?,
        kind: kind?,
        column,
        authors,
        source,
        tags,
        note,
    };
    Some((meta, id_at))
}

fn build(f: &mut Front<'_>, t: &Tab<'_, '_>, body: &str, body_line: usize) -> Option<Unit> {
    let meta = meta_of(f, t);
    let mut questions = Vec::new();
    let mut seen = BTreeSet::new();
    for qt in
        f.r.tables(t, "questions", false, "[[questions]]")
            .unwrap_or_default()
    {
        if let Some((q, id_at)) = build_question(f, &qt) {
            if !seen.insert(q.id.clone()) {
                f.push(id_at, ProblemKind::DuplicateQuestion(q.id.clone()));
            }
            questions.push(q);
        }
    }

    let body = kept_body(body).to_string();
    if body.trim().is_empty() {
        f.problems.push(Problem {
            line: body_line.saturating_sub(1).max(1),
            kind: ProblemKind::EmptyBody,
        });
    }
    let (meta, id_at) = meta?;
    Some(Unit {
        meta,
        questions,
        body,
        body_line,
        // Without an id there is no unit; the opening `+++` stands in.
        id_line: id_at.map_or(f.first_line - 1, |at| f.line(at)),
    })
}

fn letters_to_set(s: &str, n: usize) -> Result<BTreeSet<char>, ProblemKind> {
    let mut set = BTreeSet::new();
    for c in s.chars().filter(|c| !c.is_whitespace() && *c != ',') {
        let up = c.to_ascii_uppercase();
        let idx = (up as u32).wrapping_sub('A' as u32) as usize;
        if !up.is_ascii_uppercase() || idx >= n {
            return Err(ProblemKind::AnswerOutOfRange(s.to_string(), n));
        }
        set.insert(up);
    }
    if set.is_empty() {
        return Err(ProblemKind::Empty("answer".into()));
    }
    Ok(set)
}

/// One `[[questions]]` table, with the place of its id (for a duplicate).
fn build_question(f: &mut Front<'_>, qt: &Tab<'_, '_>) -> Option<(Question, Pos)> {
    f.r.unknown_keys(qt, QUESTION_KEYS);
    let at = |f: &mut Front<'_>, key: &str| f.r.get(qt, key, false).map_or(qt.at, |(at, _)| at);
    let id_at = at(f, "id");
    let id = f.req_str(qt, "id");
    let prompt = f.req_str(qt, "prompt");
    let explain = f.req_str(qt, "explain");
    let type_at = at(f, "type");
    let qtype = f.req_str(qt, "type").and_then(|s| {
        let parsed = QuestionType::parse(&s);
        if parsed.is_none() {
            f.push(type_at, ProblemKind::BadQuestionType(s));
        }
        parsed
    });
    let choices_at = at(f, "choices");
    let choices: Vec<String> =
        f.r.strings(qt, "choices", false)
            .map(|(_, items)| items.into_iter().map(|(_, s)| s).collect())
            .unwrap_or_default();
    let qtype = qtype?;
    let has_choices = qt.table.get("choices").is_some();
    let answer = f.r.get(qt, "answer", true);
    let wrong = |f: &mut Front<'_>, at: Pos, want: Expected| {
        f.push(at, ProblemKind::WrongType("answer".into(), want));
    };
    let answer = match qtype {
        QuestionType::Single | QuestionType::Multiple => {
            if choices.len() < 2 || choices.len() > 26 {
                f.push(choices_at, ProblemKind::ChoiceCount(choices.len()));
            }
            for c in &choices {
                if c.trim().is_empty() {
                    f.push(choices_at, ProblemKind::Empty("choices".into()));
                }
            }
            match answer {
                None => None,
                Some((at, DeValue::String(s))) => match letters_to_set(s, choices.len()) {
                    Ok(set) if qtype == QuestionType::Single && set.len() != 1 => {
                        f.push(at, ProblemKind::SingleNeedsOneLetter(s.to_string()));
                        None
                    }
                    Ok(set) => Some(Answer::Choices(set)),
                    Err(k) => {
                        f.push(at, k);
                        None
                    }
                },
                Some((at, _)) => {
                    wrong(f, at, Expected::Letters);
                    None
                }
            }
        }
        QuestionType::Judge => {
            if has_choices {
                f.push(choices_at, ProblemKind::ChoicesNotAllowed("judge".into()));
            }
            match answer {
                None => None,
                Some((_, DeValue::Boolean(b))) => Some(Answer::Judge(*b)),
                Some((at, _)) => {
                    wrong(f, at, Expected::TrueFalse);
                    None
                }
            }
        }
        QuestionType::Fill => {
            if has_choices {
                f.push(choices_at, ProblemKind::ChoicesNotAllowed("fill".into()));
            }
            match answer {
                None => None,
                Some((at, DeValue::Array(a))) => {
                    let forms: Vec<String> = a
                        .iter()
                        .filter_map(|v| match v.get_ref() {
                            DeValue::String(s) => Some(s.to_string()),
                            _ => None,
                        })
                        .collect();
                    if forms.len() != a.len() {
                        wrong(f, at, Expected::Texts);
                        None
                    } else if forms.is_empty() || forms.iter().any(|s| s.trim().is_empty()) {
                        f.push(at, ProblemKind::EmptyFill);
                        None
                    } else {
                        Some(Answer::Fill(forms))
                    }
                }
                Some((at, _)) => {
                    wrong(f, at, Expected::FillForms);
                    None
                }
            }
        }
    };
    let line = f.line(qt.at);
    Some((
        Question {
            id: id?,
            qtype,
            prompt: prompt?,
            choices,
            answer: answer?,
            explain: explain?,
            line,
        },
        id_at,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nid = \"t-1\"\ntitle = \"标题\"\nkind = \"article\"\ncolumn = \"广角\"\nauthors = [\"宋爽\"]\n\n[[questions]]\nid = \"q1\"\ntype = \"single\"\nprompt = \"几名?\"\nchoices = [\"1名\", \"2名\", \"3名\"]\nanswer = \"C\"\nexplain = \"文中。\"\n\n[[questions]]\nid = \"q2\"\ntype = \"fill\"\nprompt = \"填空\"\nanswer = [\"三\", \"3\"]\nexplain = \"文中。\"\n+++\n正文。\n\n## 小标题\n";

    #[test]
    fn parses_a_good_unit() {
        let u = parse(GOOD).expect("good unit parses");
        assert_eq!(u.meta.id, "t-1");
        assert_eq!(u.meta.kind, Kind::Article);
        assert_eq!(u.meta.column.as_deref(), Some("广角"));
        assert_eq!(u.questions.len(), 2);
        assert_eq!(
            u.questions[0].answer,
            Answer::Choices(['C'].into_iter().collect())
        );
        assert_eq!(u.questions[0].line, 8);
        assert_eq!(u.id_line, 2, "the first key of the front matter");
        assert_eq!(u.body, "正文。\n\n## 小标题");
        assert_eq!(u.body_line, 23);
    }

    fn problems(text: &str) -> Vec<(usize, String)> {
        parse(text)
            .expect_err("should fail")
            .into_iter()
            .map(|p| (p.line, p.kind.to_string()))
            .collect()
    }

    #[test]
    fn answer_out_of_range_names_the_answer_line() {
        let bad = GOOD.replace("answer = \"C\"", "answer = \"D\"");
        let p = problems(&bad);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, 13);
        assert!(p[0].1.contains("\"D\""), "{p:?}");
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let bad = GOOD
            .replace("kind = \"article\"", "kind = \"essay\"")
            .replace("type = \"fill\"", "type = \"essay\"")
            .replace("id = \"q2\"", "id = \"q1\"")
            .replace("正文。\n\n## 小标题\n", "  \n");
        let p = problems(&bad);
        let lines: Vec<usize> = p.iter().map(|x| x.0).collect();
        assert!(
            p.iter().any(|(l, m)| *l == 4 && m.contains("essay")),
            "{p:?}"
        );
        assert!(
            p.iter().any(|(l, m)| *l == 18 && m.contains("essay")),
            "{p:?}"
        );
        assert!(
            p.iter().any(|(l, m)| *l == 22 && m.contains("empty")),
            "{p:?}"
        );
        assert!(lines.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn duplicate_question_ids_are_reported() {
        let bad = GOOD.replace("id = \"q2\"", "id = \"q1\"");
        let p = problems(&bad);
        assert_eq!(p, vec![(17, "duplicate question id \"q1\"".to_string())]);
    }

    #[test]
    fn toml_errors_carry_a_line() {
        let bad = GOOD.replace("title = \"标题\"", "title = \"标题");
        let p = problems(&bad);
        assert_eq!(p[0].0, 3, "{p:?}");
    }

    #[test]
    fn missing_front_matter_and_unclosed() {
        assert_eq!(problems("正文")[0].0, 1);
        assert!(problems("+++\nid = \"a\"\n")[0].1.contains("not closed"));
    }

    #[test]
    fn deep_nesting_is_a_toml_error_with_its_line() {
        // The TOML parser holds its own depth limit; no guard of ours runs before it.
        let deep = format!(
            "+++\nid = \"a\"\nx = {}{}\n+++\nbody\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let p = parse(&deep).expect_err("too deep");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, 3, "{p:?}");
        assert!(matches!(p[0].kind, ProblemKind::Toml(_)), "{p:?}");
    }

    #[test]
    fn single_with_two_letters_and_judge_with_string() {
        let bad = GOOD.replace("answer = \"C\"", "answer = \"AC\"");
        assert!(problems(&bad)[0].1.contains("exactly one letter"));
        let judge = GOOD.replace(
            "type = \"fill\"\nprompt = \"填空\"\nanswer = [\"三\", \"3\"]",
            "type = \"judge\"\nprompt = \"对吗\"\nanswer = \"yes\"",
        );
        assert!(problems(&judge)[0].1.contains("true or false"));
    }

    #[test]
    fn lines_inside_and_after_a_multi_line_string_are_the_keys_own() {
        // A multi-line note holds text that looks like keys and a table header; the
        // problems are at the real keys, not at the look-alikes inside the string.
        let text = "+++\nid = \"t-1\"\ntitle = \"t\"\nnote = \"\"\"\nkind = 例\n[[questions]]\nanswer = 1\n\"\"\"\nkind = \"essay\"\n\n[[questions]]\nid = \"q1\"\ntype = \"judge\"\nprompt = \"p\"\nanswer = \"yes\"\nexplain = \"e\"\n+++\n正文\n";
        let p: Vec<(usize, ProblemKind)> = parse(text)
            .expect_err("two problems")
            .into_iter()
            .map(|p| (p.line, p.kind))
            .collect();
        assert_eq!(
            p,
            vec![
                (9, ProblemKind::BadKind("essay".into())),
                (
                    15,
                    ProblemKind::WrongType("answer".into(), Expected::TrueFalse)
                ),
            ]
        );
    }

    #[test]
    fn ids_are_checked() {
        assert!(valid_id("ulanhot-red-property"));
        assert!(valid_id("2022-art-30"));
        assert!(!valid_id("Ulanhot"));
        assert!(!valid_id("-x"));
        assert!(!valid_id("红色"));
        assert!(!valid_id(""));
    }
}
