//! Bookmarks and notes on passages: the passage a mark quotes, and the Markdown a
//! member exports of them. The marks themselves live in
//! [`MemberState::marks`](super::state::MemberState::marks).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::state::Mark;
use super::text::escape_controls;

/// Longest passage quoted by a mark, in characters.
pub const QUOTE_CHARS: usize = 60;

/// The passage starting at byte `offset` of `body`: the rest of its source line
/// (heading marks dropped, runs of whitespace as one space), at most `max` characters
/// with `…` when cut. An offset inside a character is moved back to its start.
///
/// ```
/// use dangxue::core::marks::passage;
/// let body = "## 画出共治 同心圆\n\n居民们围坐在一起，讨论。";
/// assert_eq!(passage(body, 0, 60), "画出共治 同心圆");
/// let at = body.find("围坐").expect("in body");
/// assert_eq!(passage(body, at, 4), "围坐在一…");
/// ```
#[must_use]
pub fn passage(body: &str, offset: usize, max: usize) -> String {
    let mut at = offset.min(body.len());
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    // A place on a blank line stands for the next paragraph.
    let rest = body[at..].trim_start();
    let line = rest.lines().next().unwrap_or("");
    let line = line.trim_start_matches('#').trim();
    let mut out = String::new();
    let mut count = 0;
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if count == max {
            out.push('…');
            return out;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
        count += 1;
    }
    out
}

/// The marks of one unit, in reading order.
#[must_use]
pub fn of_unit<'a>(marks: &'a BTreeMap<String, Mark>, unit: &str) -> Vec<&'a Mark> {
    let mut v: Vec<&Mark> = marks.values().filter(|m| m.unit == unit).collect();
    v.sort_by_key(|m| m.offset);
    v
}

/// Where the sentence holding byte `offset` of `body` starts: just after the last
/// sentence end (`。！？!?`, with the closing quotes that follow it) or line break
/// before it.
///
/// ```
/// use dangxue::core::marks::sentence_start;
/// let body = "居民说：“好。”网格员发现后上报。再下一句。";
/// let at = body.find("发现").expect("in body");
/// assert_eq!(&body[sentence_start(body, at)..], "网格员发现后上报。再下一句。");
/// ```
#[must_use]
pub fn sentence_start(body: &str, offset: usize) -> usize {
    let mut at = offset.min(body.len());
    while !body.is_char_boundary(at) {
        at -= 1;
    }
    let before = &body[..at];
    let mut start = 0;
    let mut chars = before.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            start = i + 1;
        } else if matches!(c, '。' | '！' | '？' | '!' | '?') {
            let mut end = i + c.len_utf8();
            while let Some((j, q)) = chars.peek().copied() {
                if matches!(q, '”' | '’' | '」' | '』' | '）' | ')') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            start = end;
        }
    }
    start
}

/// The sentence holding byte `offset`, at most `max` characters: what a quote of
/// the passage there shows.
#[must_use]
pub fn sentence(body: &str, offset: usize, max: usize) -> String {
    let start = sentence_start(body, offset);
    let rest = &body[start..];
    let mut end = rest.find('\n').unwrap_or(rest.len());
    let mut chars = rest[..end].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            end = i + c.len_utf8();
            while let Some((j, q)) = chars.peek().copied() {
                if matches!(q, '”' | '’' | '」' | '』' | '）' | ')') {
                    end = j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            break;
        }
    }
    passage(&rest[..end], 0, max)
}

/// Every mark, grouped by unit (units in the order of `unit_order`, unknown units
/// last by id), each unit's marks in reading order.
#[must_use]
pub fn in_order<'a>(marks: &'a BTreeMap<String, Mark>, unit_order: &[String]) -> Vec<&'a Mark> {
    let rank = |unit: &str| {
        unit_order
            .iter()
            .position(|u| u == unit)
            .unwrap_or(usize::MAX)
    };
    let mut v: Vec<&Mark> = marks.values().collect();
    v.sort_by(|a, b| (rank(&a.unit), &a.unit, a.offset).cmp(&(rank(&b.unit), &b.unit, b.offset)));
    v
}

/// The headings of the Markdown export, in the member's language.
#[derive(Debug, Clone, Copy)]
pub struct MarkdownLabels {
    /// Document title, before the member's name.
    pub title: &'static str,
    /// Shown for a bookmark without a note.
    pub bookmark: &'static str,
    /// Shown when there are no marks.
    pub empty: &'static str,
}

/// A member's bookmarks and notes as Markdown: one `##` section per unit (its
/// title, or its id when the unit is gone), each passage as a quote followed by
/// the note. Text is written as typed, control characters escaped; characters that
/// Markdown would read as markup at a line start are kept literal by the quote
/// and list forms.
///
/// ```
/// use std::collections::BTreeMap;
/// use dangxue::core::marks::{markdown, MarkdownLabels};
/// use dangxue::core::state::Mark;
/// let mut marks = BTreeMap::new();
/// marks.insert(Mark::key("a", 3), Mark { unit: "a".into(), offset: 3,
///     quote: "红色物业".into(), note: "要点".into(), created: None });
/// let labels = MarkdownLabels { title: "笔记", bookmark: "书签", empty: "无" };
/// let md = markdown("张三", &marks, &["a".to_string()], |_| Some("标题".into()), &labels);
/// assert!(md.starts_with("# 笔记 · 张三\n"));
/// assert!(md.contains("## 标题\n"));
/// assert!(md.contains("> 红色物业\n"));
/// assert!(md.contains("\n要点\n"));
/// ```
#[must_use]
pub fn markdown(
    member: &str,
    marks: &BTreeMap<String, Mark>,
    unit_order: &[String],
    title_of: impl Fn(&str) -> Option<String>,
    labels: &MarkdownLabels,
) -> String {
    let mut out = format!("# {} · {}\n", labels.title, one_line(member));
    if marks.is_empty() {
        out.push('\n');
        out.push_str(labels.empty);
        out.push('\n');
        return out;
    }
    let mut unit: Option<&str> = None;
    for m in in_order(marks, unit_order) {
        if unit != Some(m.unit.as_str()) {
            unit = Some(m.unit.as_str());
            let title = title_of(&m.unit).unwrap_or_else(|| m.unit.clone());
            let _ = write!(out, "\n## {}\n", one_line(&title));
        }
        out.push('\n');
        let _ = writeln!(out, "> {}", one_line(&m.quote));
        if let Some(when) = &m.created {
            let _ = write!(out, ">\n> — {}\n", when.to_string().replace('T', " "));
        }
        out.push('\n');
        if m.note.trim().is_empty() {
            let _ = writeln!(out, "*{}*", labels.bookmark);
        } else {
            for line in escape_controls_keep_lines(&m.note).lines() {
                out.push_str(line);
                // Markdown joins lines of a paragraph; two spaces keep the break.
                out.push_str("  \n");
            }
            // No trailing hard break on the last line.
            out.truncate(out.len() - 3);
            out.push('\n');
        }
    }
    out
}

fn one_line(s: &str) -> String {
    escape_controls(s)
}

fn escape_controls_keep_lines(s: &str) -> String {
    super::text::escape_controls_multiline(s).replace('\t', "    ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(unit: &str, offset: usize, note: &str) -> Mark {
        Mark {
            unit: unit.into(),
            offset,
            quote: format!("{unit}@{offset}"),
            note: note.into(),
            created: None,
        }
    }

    #[test]
    fn marks_are_grouped_by_unit_in_reading_order() {
        let mut marks = BTreeMap::new();
        for m in [
            mark("b", 9, ""),
            mark("a", 30, ""),
            mark("b", 2, ""),
            mark("a", 4, ""),
        ] {
            marks.insert(Mark::key(&m.unit, m.offset), m);
        }
        // "a#30" sorts before "a#4" as text: the order must come from the offsets.
        let order = ["b".to_string(), "a".to_string()];
        let got: Vec<String> = in_order(&marks, &order)
            .iter()
            .map(|m| m.quote.clone())
            .collect();
        assert_eq!(got, ["b@2", "b@9", "a@4", "a@30"]);
        let got: Vec<usize> = of_unit(&marks, "a").iter().map(|m| m.offset).collect();
        assert_eq!(got, [4, 30]);
    }

    #[test]
    fn markdown_keeps_note_lines_and_escapes_controls() {
        let mut marks = BTreeMap::new();
        marks.insert(Mark::key("a", 1), mark("a", 1, "第一行\n第二行\u{1b}[2J"));
        marks.insert(Mark::key("gone", 1), mark("gone", 1, ""));
        let labels = MarkdownLabels {
            title: "Notes",
            bookmark: "bookmark",
            empty: "none",
        };
        let md = markdown(
            "Zhang\u{7}",
            &marks,
            &[],
            |u| (u == "a").then(|| "T".into()),
            &labels,
        );
        assert_eq!(
            md,
            "# Notes · Zhang\\u{7}\n\n## T\n\n> a@1\n\n第一行  \n第二行\\u{1b}[2J\n\n## gone\n\n> gone@1\n\n*bookmark*\n"
        );
        let none = markdown("Z", &BTreeMap::new(), &[], |_| None, &labels);
        assert_eq!(none, "# Notes · Z\n\nnone\n");
    }

    #[test]
    fn a_sentence_ends_after_its_closing_quote() {
        let body = "“问题解决了，居民生活舒心了。”吉庆社区党支部书记说。\n\n下一段。";
        let at = body.find("舒心").expect("in body");
        assert_eq!(sentence(body, at, 100), "“问题解决了，居民生活舒心了。”");
        let at = body.find("书记").expect("in body");
        assert_eq!(sentence(body, at, 100), "吉庆社区党支部书记说。");
        assert_eq!(sentence(body, at, 4), "吉庆社区…");
        let at = body.find("下一").expect("in body");
        assert_eq!(sentence(body, at, 100), "下一段。");
    }

    #[test]
    fn passage_from_a_blank_line_is_the_next_paragraph() {
        let body = "第一段。\n\n第二段，有　全角空格。";
        assert_eq!(passage(body, 13, 60), "第二段，有 全角空格。");
        assert_eq!(passage(body, body.len(), 60), "");
        assert_eq!(passage(body, 1, 60), "第一段。", "inside a character");
    }
}
