//! A unit's metadata without its questions and body: what the library lists and
//! searches by title before any body is read.

use super::parse::{kept_body, meta_of_front, split, split_bounded};
use super::{Kind, Problem};

/// The top-level keys of a unit file: what a unit is, without its questions and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// Unique id: lowercase ASCII letters, digits and `-`.
    pub id: String,
    /// Display title.
    pub title: String,
    /// Article, constitution explainer or brief.
    pub kind: Kind,
    /// Newspaper column, e.g. 广角.
    pub column: Option<String>,
    /// Authors as printed in the byline.
    pub authors: Vec<String>,
    /// Where the text comes from.
    pub source: Option<String>,
    /// Free-form tags, searchable.
    pub tags: Vec<String>,
    /// An editorial note, e.g. that the article is cut off in its source.
    pub note: Option<String>,
}

/// The lines of the front matter before its first table header (`[[questions]]`):
/// TOML puts every top-level key there.
fn top_level_part(front: &str) -> &str {
    let mut at = 0;
    for line in front.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return &front[..at];
        }
        at += line.len();
    }
    front
}

/// The metadata of a unit file from its start: `head` holds at least the whole front
/// matter, through its closing `+++` line; what follows is not looked at. The
/// top-level keys are checked as [`super::parse`] checks them; the questions and the
/// body are not (a unit whose questions are broken lists, and fails when opened).
///
/// ```
/// use dangxue::core::unit::{Kind, parse_meta};
/// let head = "+++\nid = \"a\"\ntitle = \"红色物业\"\nkind = \"article\"\n\n[[questions]]\nid = 1\n+++\n";
/// let m = parse_meta(head).expect("top-level keys are fine");
/// assert_eq!((m.id.as_str(), m.title.as_str(), m.kind), ("a", "红色物业", Kind::Article));
/// ```
///
/// # Errors
/// The problems of the top-level keys, or of the front matter as a whole when it
/// does not split or parse.
pub fn parse_meta(head: &str) -> Result<Meta, Vec<Problem>> {
    let (front, first_line, _, _) = split_bounded(head)?;
    // Parsing only the top-level lines skips the questions, most of the front matter.
    // A cut inside a multi-line string or array leaves text that does not parse; then
    // the whole front matter is parsed, and its errors are the ones reported.
    match meta_of_front(top_level_part(front), first_line) {
        Ok(meta) => meta,
        Err(_) => meta_of_front(front, first_line)?,
    }
}

/// The body of a unit file as [`super::parse`] keeps it, without parsing the front
/// matter: what search looks in. `None` when the front matter does not split.
#[must_use]
pub fn body_text(text: &str) -> Option<&str> {
    let (_, _, body, _) = split(text).ok()?;
    Some(kept_body(body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::unit::ProblemKind;

    const UNIT: &str = "+++\nid = \"a-1\"\ntitle = \"红色物业\"\nkind = \"brief\"\ncolumn = \"广角\"\nauthors = [\"甲\", \"乙\"]\ntags = [\n  \"物业\",\n]\nnote = \"\"\"\n[注] 节选\n\"\"\"\n\n[[questions]]\nid = \"q1\"\ntype = \"judge\"\nprompt = \"对吗\"\nanswer = true\nexplain = \"见正文。\"\n+++\n\n正文。\n\n";

    #[test]
    fn meta_equals_the_full_parse() {
        let full = super::super::parse(UNIT).expect("parses");
        assert_eq!(parse_meta(UNIT).expect("meta"), full.meta);
        assert_eq!(body_text(UNIT), Some(full.body.as_str()));
    }

    #[test]
    fn a_cut_inside_a_multi_line_string_falls_back_to_the_whole() {
        // The note's second line starts with '[': the cut there does not parse.
        let m = parse_meta(UNIT).expect("meta");
        assert_eq!(m.note.as_deref(), Some("[注] 节选\n"));
        assert_eq!(m.tags, ["物业"]);
    }

    #[test]
    fn top_level_problems_are_reported_and_question_problems_wait() {
        let bad_kind = UNIT.replace("kind = \"brief\"", "kind = \"poem\"");
        let e = parse_meta(&bad_kind).expect_err("bad kind");
        assert_eq!(e[0].line, 4);
        assert!(matches!(e[0].kind, ProblemKind::BadKind(_)));
        let unknown = UNIT.replace("column =", "colum =");
        let e = parse_meta(&unknown).expect_err("unknown key");
        assert!(matches!(&e[0].kind, ProblemKind::UnknownKey(k) if k == "colum"));
        let bad_question = UNIT.replace("type = \"judge\"", "type = \"essay\"");
        assert!(super::super::parse(&bad_question).is_err());
        assert!(
            parse_meta(&bad_question).is_ok(),
            "found when the unit is opened"
        );
        assert!(parse_meta("+++\nid = \"a\"\n").is_err(), "unclosed");
        assert!(parse_meta("+++\nid = [\n+++\n").is_err(), "broken TOML");
    }
}
