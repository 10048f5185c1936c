//! Reading a TOML document key by key, with the line of every key, so the plan and
//! completion parsers can report every problem at once as `(line, issue)`.
//!
//! serde would stop at the first problem and names no line for semantic ones; the
//! spanned tree of the `toml` crate keeps each key's position and borrows strings
//! from the text instead of copying them, which matters when `report` reads
//! thousands of files.

use std::borrow::Cow;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use super::completion::CompletionIssue;
use super::plan::PlanIssue;
use super::text::LineStarts;

/// Largest document accepted. A completion file holds a few KB of writing; the cap
/// keeps a hostile file from making the parser chew on hundreds of megabytes.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

/// 1-based line of a byte offset.
pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    super::text::line_of(text.as_bytes(), offset)
}

/// Parse `text` into a spanned table, or the TOML parser's first error as its line
/// and its own words; no size cap (the caller holds its own).
pub(crate) fn parse_toml(text: &str) -> Result<Spanned<DeTable<'_>>, (usize, String)> {
    DeTable::parse(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_at(text, s.start));
        (line, e.message().trim().to_string())
    })
}

/// Parse `text` into a spanned table, or the parser's first error with its line.
pub(crate) fn parse(text: &str) -> Result<Spanned<DeTable<'_>>, (usize, Issue)> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err((
            1,
            Issue::TooLarge {
                mb: MAX_DOCUMENT_BYTES / (1024 * 1024),
            },
        ));
    }
    parse_toml(text).map_err(|(line, m)| (line, Issue::Toml(m)))
}

/// What a key's value must be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Want {
    /// A string.
    Str,
    /// `true` or `false`.
    Bool,
    /// A whole number in a range.
    Int {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A date and time with its offset.
    OffsetDate,
    /// A local date.
    LocalDate,
    /// An array of strings.
    Strings,
    /// A table, by its name (`[talk]`).
    Table(String),
    /// An array of tables, by its name (`[[read]]`).
    Tables(String),
}

/// A problem a reader of a document found, as data: the key, the table it is in
/// (empty for the top level), what was wanted and what was found. Worded in the
/// reader's language by `crate::strings::findings`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// A key unknown, missing or of the wrong type.
    Entry(EntryIssue),
    /// The document is not TOML; the parser's words.
    Toml(String),
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge {
        /// The cap in MB.
        mb: usize,
    },
    /// A `format` key naming another format than the one read.
    Format {
        /// The value found.
        found: String,
        /// The format this build reads.
        want: &'static str,
    },
    /// A cycle name that is not `YYYY-MM` or `YYYY-MMa`/`b`.
    BadCycle {
        /// The name, cut to a bounded length.
        name: String,
    },
    /// A unit id outside the unit format's rule.
    BadUnitId {
        /// The id.
        id: String,
    },
    /// A member id outside the rule of completion file names.
    BadMemberId {
        /// The id.
        id: String,
    },
    /// A problem particular to the plan format.
    Plan(PlanIssue),
    /// A problem particular to the completion format.
    Completion(CompletionIssue),
}

/// A problem of an entry (`key = value`) that the reader finds by itself while it
/// looks keys up: the part of [`Issue`] every document has. A reader of a format with
/// problems of its own files them as [`Issue`]; the unit reader keeps to these, so it
/// cannot be handed a plan's or a completion file's problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryIssue {
    /// A key the format does not know.
    UnknownKey {
        /// The key.
        key: String,
        /// The table's name.
        table: String,
    },
    /// A required key is absent.
    Missing {
        /// The key.
        key: String,
        /// The table's name.
        table: String,
    },
    /// A value of the wrong type or out of range.
    WrongType {
        /// The key.
        key: String,
        /// The table's name.
        table: String,
        /// What it must be.
        want: Want,
    },
}

impl From<EntryIssue> for Issue {
    fn from(k: EntryIssue) -> Issue {
        Issue::Entry(k)
    }
}

/// A place in the document: a byte offset, turned into a line only when a problem
/// is reported there (most files have none, so most offsets never need a line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos(pub(crate) usize);

/// A table being read: its entries, where its header is (a missing key is reported
/// there) and its name for messages (`[talk]`; empty for the top level).
#[derive(Clone, Copy)]
pub(crate) struct Tab<'a, 'i> {
    pub(crate) table: &'a DeTable<'i>,
    pub(crate) at: Pos,
    pub(crate) name: &'a str,
}

/// What kind of TOML datetime a key needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateKind {
    /// Date, time and offset: `2026-11-03T20:11:09+08:00`.
    Offset,
    /// A local date: `2026-11-20`.
    LocalDate,
}

/// Collects problems while tables are read, as `I`: [`Issue`], or [`EntryIssue`] for
/// a format that has no problems of its own beyond its keys.
pub(crate) struct Reader<'t, I = Issue> {
    text: &'t str,
    /// The line breaks, found the first time a line is asked for: most files have no
    /// problem, and keys are looked up by offset until one does.
    lines: std::cell::OnceCell<LineStarts>,
    /// Every problem found, as (line, issue).
    pub(crate) problems: Vec<(usize, I)>,
}

impl<'t, I: From<EntryIssue>> Reader<'t, I> {
    pub(crate) fn new(text: &'t str) -> Reader<'t, I> {
        Reader {
            text,
            lines: std::cell::OnceCell::new(),
            problems: Vec::new(),
        }
    }

    /// The line of a place in the document.
    pub(crate) fn line(&self, at: Pos) -> usize {
        self.lines
            .get_or_init(|| LineStarts::new(self.text.as_bytes()))
            .line(at.0)
    }

    /// Report a problem at a place.
    pub(crate) fn issue(&mut self, at: Pos, issue: impl Into<I>) {
        let line = self.line(at);
        self.problems.push((line, issue.into()));
    }

    /// The top-level table of a parsed document.
    // A method, so a reader takes every part of its document through the reader.
    #[allow(clippy::unused_self)]
    pub(crate) fn root<'a, 'i>(&self, doc: &'a Spanned<DeTable<'i>>) -> Tab<'a, 'i> {
        Tab {
            table: doc.get_ref(),
            at: Pos(0),
            name: "",
        }
    }

    /// Report every key of `t` not in `allowed`.
    pub(crate) fn unknown_keys(&mut self, t: &Tab<'_, '_>, allowed: &[&str]) {
        for (k, _) in t.table {
            if !allowed.contains(&k.get_ref().as_ref()) {
                let issue = EntryIssue::UnknownKey {
                    key: k.get_ref().to_string(),
                    table: t.name.to_string(),
                };
                self.issue(Pos(k.span().start), issue);
            }
        }
    }

    /// The value of `key` with the line of the key; a missing required key is reported.
    pub(crate) fn get<'a, 'i>(
        &mut self,
        t: &Tab<'a, 'i>,
        key: &str,
        required: bool,
    ) -> Option<(Pos, &'a DeValue<'i>)> {
        if let Some((k, v)) = t.table.get_key_value(key) {
            Some((Pos(k.span().start), v.get_ref()))
        } else {
            if required {
                let issue = EntryIssue::Missing {
                    key: key.to_string(),
                    table: t.name.to_string(),
                };
                self.issue(t.at, issue);
            }
            None
        }
    }

    /// Report a value of `key` in `t` that is not what it must be.
    pub(crate) fn wrong_type(&mut self, line: Pos, t: &Tab<'_, '_>, key: &str, want: Want) {
        let issue = EntryIssue::WrongType {
            key: key.to_string(),
            table: t.name.to_string(),
            want,
        };
        self.issue(line, issue);
    }

    /// A string value.
    pub(crate) fn string<'a, 'i>(
        &mut self,
        t: &Tab<'a, 'i>,
        key: &str,
        required: bool,
    ) -> Option<(Pos, &'a Cow<'i, str>)> {
        let (line, v) = self.get(t, key, required)?;
        if let DeValue::String(s) = v {
            Some((line, s))
        } else {
            self.wrong_type(line, t, key, Want::Str);
            None
        }
    }

    /// A string value as an owned `String`, without its line.
    pub(crate) fn owned(&mut self, t: &Tab<'_, '_>, key: &str, required: bool) -> Option<String> {
        self.string(t, key, required).map(|(_, s)| s.to_string())
    }

    /// A boolean value.
    pub(crate) fn boolean(&mut self, t: &Tab<'_, '_>, key: &str, required: bool) -> Option<bool> {
        let (line, v) = self.get(t, key, required)?;
        if let DeValue::Boolean(b) = v {
            Some(*b)
        } else {
            self.wrong_type(line, t, key, Want::Bool);
            None
        }
    }

    /// A whole number in `min..=max`.
    pub(crate) fn integer(
        &mut self,
        t: &Tab<'_, '_>,
        key: &str,
        required: bool,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let (line, v) = self.get(t, key, required)?;
        let n = match v {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match n {
            Some(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.wrong_type(line, t, key, Want::Int { min, max });
                None
            }
        }
    }

    /// A datetime of the given kind.
    pub(crate) fn datetime(
        &mut self,
        t: &Tab<'_, '_>,
        key: &str,
        required: bool,
        kind: DateKind,
    ) -> Option<Datetime> {
        let (line, v) = self.get(t, key, required)?;
        let ok = match (v, kind) {
            (DeValue::Datetime(d), DateKind::Offset) => {
                d.date.is_some() && d.time.is_some() && d.offset.is_some()
            }
            (DeValue::Datetime(d), DateKind::LocalDate) => {
                d.date.is_some() && d.time.is_none() && d.offset.is_none()
            }
            _ => false,
        };
        if let (true, DeValue::Datetime(d)) = (ok, v) {
            // Day 31 of a 30-day month parses as TOML but is no date.
            if super::regime::local_date(d).is_some() {
                return Some(*d);
            }
        }
        let want = match kind {
            DateKind::Offset => Want::OffsetDate,
            DateKind::LocalDate => Want::LocalDate,
        };
        self.wrong_type(line, t, key, want);
        None
    }

    /// An array of strings, each with its line.
    pub(crate) fn strings(
        &mut self,
        t: &Tab<'_, '_>,
        key: &str,
        required: bool,
    ) -> Option<(Pos, Vec<(Pos, String)>)> {
        let (line, v) = self.get(t, key, required)?;
        let DeValue::Array(items) = v else {
            self.wrong_type(line, t, key, Want::Strings);
            return None;
        };
        let mut out = Vec::new();
        for item in items {
            if let DeValue::String(s) = item.get_ref() {
                out.push((Pos(item.span().start), s.to_string()));
            } else {
                self.wrong_type(line, t, key, Want::Strings);
                return None;
            }
        }
        Some((line, out))
    }

    /// A sub-table (`[talk]` or an inline table).
    pub(crate) fn table<'a, 'i>(
        &mut self,
        t: &Tab<'a, 'i>,
        key: &str,
        name: &'a str,
    ) -> Option<Tab<'a, 'i>> {
        let (key_line, v) = self.get(t, key, false)?;
        let (k, spanned) = t.table.get_key_value(key)?;
        if let DeValue::Table(table) = v {
            // A `[talk]` header's span starts at the header; a dotted or inline
            // table has none of its own, so the key's line stands in.
            let span = spanned.span();
            let at = if span.start == 0 && span.end == 0 {
                Pos(k.span().start)
            } else {
                Pos(span.start)
            };
            Some(Tab { table, at, name })
        } else {
            self.wrong_type(key_line, t, key, Want::Table(name.to_string()));
            None
        }
    }

    /// An array of tables (`[[read]]`) or of inline tables (`[{..}, {..}]`).
    pub(crate) fn tables<'a, 'i>(
        &mut self,
        t: &Tab<'a, 'i>,
        key: &str,
        required: bool,
        name: &'a str,
    ) -> Option<Vec<Tab<'a, 'i>>> {
        let (line, v) = self.get(t, key, required)?;
        let DeValue::Array(items) = v else {
            self.wrong_type(line, t, key, Want::Tables(name.to_string()));
            return None;
        };
        let mut out = Vec::new();
        for item in items {
            if let DeValue::Table(table) = item.get_ref() {
                out.push(Tab {
                    table,
                    at: Pos(item.span().start),
                    name,
                });
            } else {
                self.wrong_type(line, t, key, Want::Tables(name.to_string()));
                return None;
            }
        }
        Some(out)
    }
}

/// Sort problems by line, keeping the order found within a line.
pub(crate) fn sorted(mut problems: Vec<(usize, Issue)>) -> Vec<(usize, Issue)> {
    problems.sort_by_key(|p| p.0);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_keys_and_headers() {
        let text = "a = 1\n\n[t]\nb = \"x\"\n\n[[r]]\nc = 2\n[[r]]\nc = 3\n";
        let doc = parse(text).expect("valid TOML");
        let mut r = Reader::new(text);
        let root = r.root(&doc);
        assert_eq!(r.get(&root, "a", true).map(|x| r.line(x.0)), Some(1));
        let t = r.table(&root, "t", "[t]").expect("table");
        assert_eq!(r.line(t.at), 3);
        let b = r.string(&t, "b", true).map(|(at, s)| (at, s.to_string()));
        assert_eq!(b.map(|(at, s)| (r.line(at), s)), Some((4, "x".into())));
        let rs = r
            .tables(&root, "r", true, "[[r]]")
            .expect("array of tables");
        assert_eq!(
            rs.iter().map(|t| r.line(t.at)).collect::<Vec<_>>(),
            vec![6, 8]
        );
        assert_eq!(r.integer(&rs[1], "c", true, 0, 10), Some(3));
        assert!(r.problems.is_empty());
        assert_eq!(r.integer(&rs[1], "c", true, 5, 10), None);
        assert_eq!(r.string(&t, "z", true), None);
        assert_eq!(
            sorted(r.problems),
            vec![
                (
                    3,
                    Issue::Entry(EntryIssue::Missing {
                        key: "z".into(),
                        table: "[t]".into()
                    })
                ),
                (
                    9,
                    Issue::Entry(EntryIssue::WrongType {
                        key: "c".into(),
                        table: "[[r]]".into(),
                        want: Want::Int { min: 5, max: 10 }
                    })
                ),
            ]
        );
    }

    #[test]
    fn parse_errors_name_their_line() {
        let e = parse("a = 1\nb = \n").expect_err("broken");
        assert_eq!(e.0, 2);
        assert!(matches!(e.1, Issue::Toml(_)), "{:?}", e.1);
    }

    #[test]
    fn datetimes_of_the_wrong_kind_are_refused() {
        let text = "a = 2026-11-03T20:11:09+08:00\nb = 2026-11-03T20:11:09\nc = 2026-11-20\n";
        let doc = parse(text).expect("valid TOML");
        let mut r: Reader<'_> = Reader::new(text);
        let root = r.root(&doc);
        assert!(r.datetime(&root, "a", true, DateKind::Offset).is_some());
        assert!(r.datetime(&root, "b", true, DateKind::Offset).is_none());
        assert!(r.datetime(&root, "c", true, DateKind::LocalDate).is_some());
        assert!(r.datetime(&root, "a", true, DateKind::LocalDate).is_none());
        assert_eq!(r.problems.len(), 2);
        assert_eq!(r.problems[0].0, 2);
    }

    #[test]
    fn impossible_dates_are_refused() {
        let text = "d = 2026-11-31\n";
        match parse(text) {
            Err((line, _)) => assert_eq!(line, 1),
            Ok(doc) => {
                let mut r: Reader<'_> = Reader::new(text);
                let root = r.root(&doc);
                assert!(r.datetime(&root, "d", true, DateKind::LocalDate).is_none());
            }
        }
    }
}
