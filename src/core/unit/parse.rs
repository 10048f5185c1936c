//! Reading a unit file: the `+++` front matter as TOML, strictly, every problem with
//! its line; the body after it as it is.

use std::collections::BTreeSet;

use super::{
    Answer, BTreeMap, Kind, MAX_FRONT_MATTER_BYTES, MAX_NESTING, Problem, ProblemKind, Question,
    QuestionType, Unit, valid_id,
};

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

/// Where each key of the front matter sits, so problems can name a line.
///
/// The TOML crate gives spans only for parse errors; a line scan is enough here
/// because the format is flat: top-level keys, then `[[questions]]` tables.
struct Locator {
    /// (question index or None for top level, key) -> line.
    keys: BTreeMap<(Option<usize>, String), usize>,
    /// Line of each `[[questions]]` header.
    headers: Vec<usize>,
    /// Line of the opening `+++`.
    start: usize,
}

impl Locator {
    fn new(front: &str, first_line: usize) -> Locator {
        let mut keys = BTreeMap::new();
        let mut headers = Vec::new();
        let mut section: Option<usize> = None;
        for (i, raw) in front.lines().enumerate() {
            let line_no = first_line + i;
            let line = raw.trim();
            if line.starts_with("[[") {
                if line
                    .trim_start_matches('[')
                    .trim_start()
                    .starts_with("questions")
                {
                    headers.push(line_no);
                    section = Some(headers.len() - 1);
                }
                continue;
            }
            if let Some((key, _)) = line.split_once('=') {
                let key = key.trim().trim_matches('"').to_string();
                if !key.is_empty() && !key.starts_with('#') {
                    keys.entry((section, key)).or_insert(line_no);
                }
            }
        }
        Locator {
            keys,
            headers,
            start: first_line.saturating_sub(1).max(1),
        }
    }

    fn top(&self, key: &str) -> usize {
        self.keys
            .get(&(None, key.to_string()))
            .copied()
            .unwrap_or(self.start)
    }

    fn question(&self, index: usize, key: Option<&str>) -> usize {
        let header = self.headers.get(index).copied().unwrap_or(self.start);
        match key {
            Some(k) => self
                .keys
                .get(&(Some(index), k.to_string()))
                .copied()
                .unwrap_or(header),
            None => header,
        }
    }
}

/// Split a file into (front matter, line of its first key, body, line where the body starts).
fn split(text: &str) -> Result<(&str, usize, &str, usize), Problem> {
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

/// Deepest nesting of `[`/`{` outside strings; a cheap guard run before the TOML
/// parser so a hostile file cannot exhaust the stack.
fn nesting_depth(s: &str) -> usize {
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut in_str: Option<char> = None;
    let mut escaped = false;
    for c in s.chars() {
        if let Some(q) = in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' && q == '"' {
                escaped = true;
            } else if c == q {
                in_str = None;
            }
            continue;
        }
        match c {
            '"' | '\'' => in_str = Some(c),
            '[' | '{' => {
                depth += 1;
                max = max.max(depth);
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn line_of_offset(s: &str, offset: usize, first_line: usize) -> usize {
    first_line + crate::core::text::line_of(s.as_bytes(), offset) - 1
}

/// Parse a unit file. On failure, every problem found, sorted by line.
///
/// # Errors
/// The list of problems; it is never empty.
pub fn parse(text: &str) -> Result<Unit, Vec<Problem>> {
    let (front, first_line, body, body_line) = split(text).map_err(|p| vec![p])?;
    if front.len() > MAX_FRONT_MATTER_BYTES {
        return Err(vec![Problem {
            line: 1,
            kind: ProblemKind::FrontMatterTooLarge,
        }]);
    }
    if nesting_depth(front) > MAX_NESTING {
        return Err(vec![Problem {
            line: 1,
            kind: ProblemKind::TooDeep,
        }]);
    }
    let table: toml::Table = match toml::from_str(front) {
        Ok(t) => t,
        Err(e) => {
            let line = e
                .span()
                .map_or(first_line, |s| line_of_offset(front, s.start, first_line));
            let msg = e.message().trim().to_string();
            return Err(vec![Problem {
                line,
                kind: ProblemKind::Toml(msg),
            }]);
        }
    };
    let loc = Locator::new(front, first_line);
    let mut problems = Vec::new();
    let unit = build(&table, &loc, body, body_line, &mut problems);
    if problems.is_empty()
        && let Some(u) = unit
    {
        return Ok(u);
    }
    problems.sort_by_key(|p| p.line);
    if problems.is_empty() {
        problems.push(Problem {
            line: 1,
            kind: ProblemKind::Missing("id"),
        });
    }
    Err(problems)
}

fn push(problems: &mut Vec<Problem>, line: usize, kind: ProblemKind) {
    problems.push(Problem { line, kind });
}

fn req_str(
    t: &toml::Table,
    key: &'static str,
    line: usize,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    if !t.contains_key(key) {
        push(problems, line, ProblemKind::Missing(key));
        return None;
    }
    let s = opt_str(t, key, line, problems)?;
    if s.trim().is_empty() {
        push(problems, line, ProblemKind::Empty(key.to_string()));
        return None;
    }
    Some(s)
}

fn opt_str(
    t: &toml::Table,
    key: &'static str,
    line: usize,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    match t.get(key) {
        None => None,
        Some(toml::Value::String(s)) => Some(s.clone()),
        Some(_) => {
            push(
                problems,
                line,
                ProblemKind::WrongType(key.to_string(), "a string"),
            );
            None
        }
    }
}

fn str_list(
    t: &toml::Table,
    key: &'static str,
    line: usize,
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    match t.get(key) {
        None => Vec::new(),
        Some(toml::Value::Array(a)) => {
            let mut out = Vec::with_capacity(a.len());
            for v in a {
                if let toml::Value::String(s) = v {
                    out.push(s.clone());
                } else {
                    push(
                        problems,
                        line,
                        ProblemKind::WrongType(key.to_string(), "an array of strings"),
                    );
                    return Vec::new();
                }
            }
            out
        }
        Some(_) => {
            push(
                problems,
                line,
                ProblemKind::WrongType(key.to_string(), "an array of strings"),
            );
            Vec::new()
        }
    }
}

fn build(
    t: &toml::Table,
    loc: &Locator,
    body: &str,
    body_line: usize,
    problems: &mut Vec<Problem>,
) -> Option<Unit> {
    for key in t.keys() {
        if !UNIT_KEYS.contains(&key.as_str()) {
            push(problems, loc.top(key), ProblemKind::UnknownKey(key.clone()));
        }
    }
    let id = req_str(t, "id", loc.top("id"), problems);
    if let Some(id) = &id
        && !valid_id(id)
    {
        push(problems, loc.top("id"), ProblemKind::BadId(id.clone()));
    }
    let title = req_str(t, "title", loc.top("title"), problems);
    let kind = req_str(t, "kind", loc.top("kind"), problems).and_then(|k| {
        let parsed = Kind::parse(&k);
        if parsed.is_none() {
            push(problems, loc.top("kind"), ProblemKind::BadKind(k));
        }
        parsed
    });
    let column = opt_str(t, "column", loc.top("column"), problems);
    let source = opt_str(t, "source", loc.top("source"), problems);
    let note = opt_str(t, "note", loc.top("note"), problems);
    let authors = str_list(t, "authors", loc.top("authors"), problems);
    let tags = str_list(t, "tags", loc.top("tags"), problems);

    let mut questions = Vec::new();
    match t.get("questions") {
        None => {}
        Some(toml::Value::Array(items)) => {
            let mut seen = BTreeSet::new();
            for (i, item) in items.iter().enumerate() {
                let toml::Value::Table(qt) = item else {
                    push(
                        problems,
                        loc.question(i, None),
                        ProblemKind::WrongType("questions".into(), "an array of tables"),
                    );
                    continue;
                };
                if let Some(q) = build_question(qt, i, loc, problems) {
                    if !seen.insert(q.id.clone()) {
                        push(
                            problems,
                            loc.question(i, Some("id")),
                            ProblemKind::DuplicateQuestion(q.id.clone()),
                        );
                    }
                    questions.push(q);
                }
            }
        }
        Some(_) => push(
            problems,
            loc.top("questions"),
            ProblemKind::WrongType("questions".into(), "an array of tables ([[questions]])"),
        ),
    }

    let body = body.trim_matches(|c| c == '\n' || c == '\r').to_string();
    if body.trim().is_empty() {
        push(
            problems,
            body_line.saturating_sub(1).max(1),
            ProblemKind::EmptyBody,
        );
    }
    Some(Unit {
        id: id?,
        title: title?,
        kind: kind?,
        column,
        authors,
        source,
        tags,
        note,
        questions,
        body,
        body_line,
        id_line: loc.top("id"),
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

fn build_question(
    qt: &toml::Table,
    i: usize,
    loc: &Locator,
    problems: &mut Vec<Problem>,
) -> Option<Question> {
    for key in qt.keys() {
        if !QUESTION_KEYS.contains(&key.as_str()) {
            push(
                problems,
                loc.question(i, Some(key)),
                ProblemKind::UnknownKey(key.clone()),
            );
        }
    }
    let at = |k: &str| loc.question(i, Some(k));
    let id = req_str(qt, "id", at("id"), problems);
    let prompt = req_str(qt, "prompt", at("prompt"), problems);
    let explain = req_str(qt, "explain", at("explain"), problems);
    let qtype = req_str(qt, "type", at("type"), problems).and_then(|s| {
        let parsed = QuestionType::parse(&s);
        if parsed.is_none() {
            push(problems, at("type"), ProblemKind::BadQuestionType(s));
        }
        parsed
    });
    let choices = str_list(qt, "choices", at("choices"), problems);
    let qtype = qtype?;
    let answer_line = at("answer");
    let answer = match qtype {
        QuestionType::Single | QuestionType::Multiple => {
            if choices.len() < 2 || choices.len() > 26 {
                push(
                    problems,
                    at("choices"),
                    ProblemKind::ChoiceCount(choices.len()),
                );
            }
            for c in &choices {
                if c.trim().is_empty() {
                    push(
                        problems,
                        at("choices"),
                        ProblemKind::Empty("choices".into()),
                    );
                }
            }
            match qt.get("answer") {
                None => {
                    push(problems, answer_line, ProblemKind::Missing("answer"));
                    None
                }
                Some(toml::Value::String(s)) => match letters_to_set(s, choices.len()) {
                    Ok(set) => {
                        if qtype == QuestionType::Single && set.len() != 1 {
                            push(
                                problems,
                                answer_line,
                                ProblemKind::SingleNeedsOneLetter(s.clone()),
                            );
                            None
                        } else {
                            Some(Answer::Choices(set))
                        }
                    }
                    Err(k) => {
                        push(problems, answer_line, k);
                        None
                    }
                },
                Some(_) => {
                    push(
                        problems,
                        answer_line,
                        ProblemKind::WrongType(
                            "answer".into(),
                            "a string of letters such as \"C\" or \"ACD\"",
                        ),
                    );
                    None
                }
            }
        }
        QuestionType::Judge => {
            if qt.contains_key("choices") {
                push(
                    problems,
                    at("choices"),
                    ProblemKind::ChoicesNotAllowed("judge".into()),
                );
            }
            match qt.get("answer") {
                None => {
                    push(problems, answer_line, ProblemKind::Missing("answer"));
                    None
                }
                Some(toml::Value::Boolean(b)) => Some(Answer::Judge(*b)),
                Some(_) => {
                    push(
                        problems,
                        answer_line,
                        ProblemKind::WrongType("answer".into(), "true or false"),
                    );
                    None
                }
            }
        }
        QuestionType::Fill => {
            if qt.contains_key("choices") {
                push(
                    problems,
                    at("choices"),
                    ProblemKind::ChoicesNotAllowed("fill".into()),
                );
            }
            match qt.get("answer") {
                None => {
                    push(problems, answer_line, ProblemKind::Missing("answer"));
                    None
                }
                Some(toml::Value::Array(a)) => {
                    let forms: Vec<String> = a
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect();
                    if forms.len() != a.len() {
                        push(
                            problems,
                            answer_line,
                            ProblemKind::WrongType("answer".into(), "an array of strings"),
                        );
                        None
                    } else if forms.is_empty() || forms.iter().any(|f| f.trim().is_empty()) {
                        push(problems, answer_line, ProblemKind::EmptyFill);
                        None
                    } else {
                        Some(Answer::Fill(forms))
                    }
                }
                Some(_) => {
                    push(
                        problems,
                        answer_line,
                        ProblemKind::WrongType("answer".into(), "an array of accepted strings"),
                    );
                    None
                }
            }
        }
    };
    Some(Question {
        id: id?,
        qtype,
        prompt: prompt?,
        choices,
        answer: answer?,
        explain: explain?,
        line: loc.question(i, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nid = \"t-1\"\ntitle = \"标题\"\nkind = \"article\"\ncolumn = \"广角\"\nauthors = [\"宋爽\"]\n\n[[questions]]\nid = \"q1\"\ntype = \"single\"\nprompt = \"几名?\"\nchoices = [\"1名\", \"2名\", \"3名\"]\nanswer = \"C\"\nexplain = \"文中。\"\n\n[[questions]]\nid = \"q2\"\ntype = \"fill\"\nprompt = \"填空\"\nanswer = [\"三\", \"3\"]\nexplain = \"文中。\"\n+++\n正文。\n\n## 小标题\n";

    #[test]
    fn parses_a_good_unit() {
        let u = parse(GOOD).expect("good unit parses");
        assert_eq!(u.id, "t-1");
        assert_eq!(u.kind, Kind::Article);
        assert_eq!(u.column.as_deref(), Some("广角"));
        assert_eq!(u.questions.len(), 2);
        assert_eq!(
            u.questions[0].answer,
            Answer::Choices(['C'].into_iter().collect())
        );
        assert_eq!(u.questions[0].line, 8);
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
    fn deep_nesting_is_refused_before_parsing() {
        let deep = format!(
            "+++\nx = {}{}\n+++\nbody\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        assert!(problems(&deep)[0].1.contains("nests deeper"));
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
    fn ids_are_checked() {
        assert!(valid_id("ulanhot-red-property"));
        assert!(valid_id("2022-art-30"));
        assert!(!valid_id("Ulanhot"));
        assert!(!valid_id("-x"));
        assert!(!valid_id("红色"));
        assert!(!valid_id(""));
    }
}
