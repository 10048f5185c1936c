//! Finding text: the library search and find-in-text in the reader share these rules.
//!
//! Both sides of a comparison are **folded** first: each grapheme cluster is put in
//! Unicode NFKC (so full-width `２０１８` and `ＡＢＣ` are `2018` and `abc`, half-width
//! katakana are full-width, `㈠` is `(一)`), then lower-cased, and default-ignorable
//! code points (zero-width spaces and joiners, U+FEFF, soft hyphens) are dropped so
//! invisible padding never hides a match. A query is split at whitespace (the
//! ideographic space U+3000 included) into terms, and a text matches when **every**
//! term occurs in it. Matches are reported as byte ranges of the original text, so a
//! caller can highlight exactly what the member sees.
//!
//! Folding keeps a map from each folded byte back to the original grapheme it came
//! from; [`fold`] is therefore the slow path, used to locate and highlight matches.
//! [`normalise`] gives the folded text alone, for an index built once per unit, and
//! [`Query::matches_folded`] tests such pre-folded text without folding it again.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::{IsNormalized, is_nfkc_quick};
use unicode_segmentation::UnicodeSegmentation;

use super::layout::VisualLine;
use super::text::is_default_ignorable;

/// Text that folding leaves unchanged: NFKC already, no upper case, nothing ignorable.
pub(crate) fn is_folded(s: &str) -> bool {
    is_nfkc_quick(s.chars()) == IsNormalized::Yes
        && !s.chars().any(|c| {
            is_default_ignorable(c) || (!c.is_ascii() && c.is_uppercase()) || c.is_ascii_uppercase()
        })
}

/// The folded form of a text (see the module docs), borrowed when folding changes
/// nothing, which is the case for most Chinese text.
///
/// ```
/// use dangxue::core::search::normalise;
/// assert_eq!(normalise("２０１８年 ＡＢＣ"), "2018年 abc");
/// assert_eq!(normalise("红\u{200b}色"), "红色");
/// assert!(matches!(normalise("红色物业"), std::borrow::Cow::Borrowed(_)));
/// ```
#[must_use]
pub fn normalise(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(fold(s).text)
}

/// A folded text with the way back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte range in the original of the grapheme it
    /// came from. Empty when folding changed nothing (then ranges map to themselves).
    origin: Vec<(u32, u32)>,
}

impl Folded {
    /// The original byte range behind folded bytes `r`: from the start of the
    /// grapheme holding the first byte to the end of the one holding the last.
    #[must_use]
    pub fn original(&self, r: Range<usize>) -> Range<usize> {
        if self.origin.is_empty() || r.is_empty() {
            return r;
        }
        let first = self.origin.get(r.start).map_or(0, |o| o.0 as usize);
        let last = self
            .origin
            .get(r.end - 1)
            .or_else(|| self.origin.last())
            .map_or(first, |o| o.1 as usize);
        first..last
    }

    /// Every occurrence of the folded `term`, as original byte ranges, in order and
    /// not overlapping.
    #[must_use]
    pub fn find_all(&self, term: &str) -> Vec<Range<usize>> {
        if term.is_empty() {
            return Vec::new();
        }
        self.text
            .match_indices(term)
            .map(|(at, m)| self.original(at..at + m.len()))
            .collect()
    }

    /// The first occurrence of the folded `term`, as an original byte range.
    #[must_use]
    pub fn find(&self, term: &str) -> Option<Range<usize>> {
        if term.is_empty() {
            return None;
        }
        self.text
            .find(term)
            .map(|at| self.original(at..at + term.len()))
    }
}

/// Fold a text (see the module docs), keeping where each folded byte came from.
///
/// ```
/// use dangxue::core::search::fold;
/// let f = fold("第２０１８号");
/// assert_eq!(f.text, "第2018号");
/// let r = f.find("2018").expect("found");
/// assert_eq!(&"第２０１８号"[r], "２０１８");
/// ```
#[must_use]
pub fn fold(s: &str) -> Folded {
    if is_folded(s) {
        return Folded {
            text: s.to_string(),
            origin: Vec::new(),
        };
    }
    let mut text = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    for (at, g) in s.grapheme_indices(true) {
        let span = (
            u32::try_from(at).unwrap_or(u32::MAX),
            u32::try_from(at + g.len()).unwrap_or(u32::MAX),
        );
        for c in g
            .nfkc()
            .filter(|c| !is_default_ignorable(*c))
            .flat_map(char::to_lowercase)
        {
            let before = text.len();
            text.push(c);
            origin.extend(std::iter::repeat_n(span, text.len() - before));
        }
    }
    Folded { text, origin }
}

/// A search as typed: its folded terms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Parse what the member typed: folded, split at whitespace, repeated terms and
    /// terms contained in another term dropped (they add nothing to an AND).
    ///
    /// ```
    /// use dangxue::core::search::Query;
    /// let q = Query::parse("红色　物业  ＲＥＤ 红色");
    /// assert_eq!(q.terms(), ["红色", "物业", "red"]);
    /// ```
    #[must_use]
    pub fn parse(typed: &str) -> Query {
        let folded = normalise(typed);
        let mut terms: Vec<String> = Vec::new();
        for t in folded.split_whitespace() {
            if !terms.iter().any(|x| x == t) {
                terms.push(t.to_string());
            }
        }
        let all = terms.clone();
        terms.retain(|t| !all.iter().any(|o| o != t && o.contains(t.as_str())));
        Query { terms }
    }

    /// The folded terms, in the order typed.
    #[must_use]
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Nothing to look for.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every term occurs in an already folded text (from [`normalise`]).
    #[must_use]
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.terms.iter().all(|t| folded.contains(t.as_str()))
    }

    /// Whether every term occurs in `text` (folded here).
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        self.matches_folded(&normalise(text))
    }

    /// Every occurrence of every term in `text`, as original byte ranges sorted by
    /// start, overlapping ones joined: what to highlight.
    #[must_use]
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        let f = fold(text);
        let mut all: Vec<Range<usize>> = self.terms.iter().flat_map(|t| f.find_all(t)).collect();
        join_ranges(&mut all);
        all
    }
}

/// Sort ranges by start and join the ones that overlap or touch.
fn join_ranges(v: &mut Vec<Range<usize>>) {
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v.drain(..) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    *v = out;
}

/// The searchable texts of one unit, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct UnitText<'a> {
    /// Title.
    pub title: &'a str,
    /// Newspaper column.
    pub column: Option<&'a str>,
    /// Authors.
    pub authors: &'a [String],
    /// Tags.
    pub tags: &'a [String],
    /// The body.
    pub body: &'a str,
}

impl UnitText<'_> {
    /// The title, column, authors and tags, each folded as a query is, one a line:
    /// a line break is a separator no term can hold, so no term matches across two
    /// fields.
    #[must_use]
    pub fn folded_meta(&self) -> String {
        let mut meta = String::new();
        for part in [self.title, self.column.unwrap_or("")]
            .into_iter()
            .chain(self.authors.iter().map(String::as_str))
            .chain(self.tags.iter().map(String::as_str))
        {
            meta.push_str(&normalise(part));
            meta.push('\n');
        }
        meta
    }
}

/// How a unit matched a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitHit {
    /// Some term was found only in the body: where its first occurrence is (original
    /// byte range of the body), for a snippet. `None` when the title, column, authors
    /// and tags hold every term.
    pub body: Option<Range<usize>>,
}

/// Does the unit match — every term in its title, column, authors, tags or body?
/// An empty query matches every unit with no body hit.
///
/// ```
/// use dangxue::core::search::{Query, UnitText, match_unit};
/// let u = UnitText { title: "红色物业 凝聚基层治理合力", column: Some("广角"),
///     authors: &[], tags: &[], body: "2018年以来，全市成立物业党支部。" };
/// assert!(match_unit(&Query::parse("红色 物业"), &u).is_some());
/// let hit = match_unit(&Query::parse("物业 ２０１８"), &u).expect("matches");
/// assert_eq!(hit.body, Some(0..4));
/// assert!(match_unit(&Query::parse("红色 社区"), &u).is_none());
/// ```
#[must_use]
pub fn match_unit(q: &Query, u: &UnitText<'_>) -> Option<UnitHit> {
    if q.is_empty() {
        return Some(UnitHit { body: None });
    }
    let meta = u.folded_meta();
    let in_body: Vec<&String> = q
        .terms
        .iter()
        .filter(|t| !meta.contains(t.as_str()))
        .collect();
    if in_body.is_empty() {
        return Some(UnitHit { body: None });
    }
    let body = normalise(u.body);
    if !in_body.iter().all(|t| body.contains(t.as_str())) {
        return None;
    }
    let folded = fold(u.body);
    let first = in_body
        .iter()
        .filter_map(|t| folded.find(t))
        .min_by_key(|r| r.start);
    Some(UnitHit { body: first })
}

/// A line of text around a match, cut to fit a width, with what to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text to show (no line breaks); starts and/or ends with `…` when cut.
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

/// The part of `body`'s line (paragraph) holding `at`, at most `width` columns wide,
/// with the match placed about a third of the way in and every term of `q` in view
/// highlighted. Markdown heading marks are dropped; runs of whitespace shown as one
/// space.
///
/// ```
/// use dangxue::core::search::{Query, snippet};
/// let body = "第一段。\n\n铁西街吉庆社区一处路面管道堵塞导致脏水外溢，网格员发现后迅速上报。";
/// let at = body.find("网格员").expect("in body");
/// let s = snippet(body, at..at + "网格员".len(), &Query::parse("网格员"), 20);
/// assert!(s.text.starts_with('…') && s.text.contains("网格员"));
/// assert_eq!(&s.text[s.highlights[0].clone()], "网格员");
/// ```
#[must_use]
pub fn snippet(body: &str, at: Range<usize>, q: &Query, width: usize) -> Snippet {
    let at = clamp_range(body, at);
    let line_start = body[..at.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[at.end..].find('\n').map_or(body.len(), |i| at.end + i);
    let raw = &body[line_start..line_end];
    // Drop heading marks and make the line one line of single spaces, remembering
    // where each kept character came from.
    let skip = raw.strip_prefix('#').map_or(0, |_| {
        raw.len() - raw.trim_start_matches('#').trim_start().len()
    });
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut last_space = true;
    for (i, c) in raw[skip..].char_indices() {
        let at_body = line_start + skip + i;
        if c.is_whitespace() {
            if !last_space {
                chars.push((at_body, ' '));
            }
            last_space = true;
        } else if !crate::core::text::is_control(c) {
            chars.push((at_body, c));
            last_space = false;
        }
    }
    while chars.last().is_some_and(|(_, c)| *c == ' ') {
        chars.pop();
    }
    let width = width.max(4);
    let w = |c: char| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    let total: usize = chars.iter().map(|(_, c)| w(*c)).sum();
    let (mut from, mut to) = (0, chars.len());
    if total > width {
        // Start about a third of the width before the match, then fill to the width.
        let m = chars.iter().position(|(o, _)| *o >= at.start).unwrap_or(0);
        let lead = width / 3;
        let mut used = 0;
        from = m;
        while from > 0 && used + w(chars[from - 1].1) <= lead {
            from -= 1;
            used += w(chars[from].1);
        }
        let budget = |from: usize, to: usize| {
            usize::from(from > 0) + usize::from(to < chars.len()) + width_of(&chars[from..to], w)
        };
        to = from;
        while to < chars.len() && budget(from, to + 1) <= width {
            to += 1;
        }
        // Near the end of the line: use the room left by pulling the start back.
        while from > 0 && budget(from - 1, to) <= width {
            from -= 1;
        }
    }
    let mut text = String::new();
    // (byte in `text`, byte in `body`, the character shown)
    let mut map: Vec<(usize, usize, char)> = Vec::new();
    if from > 0 {
        text.push('…');
    }
    for (o, c) in &chars[from..to] {
        map.push((text.len(), *o, *c));
        text.push(*c);
    }
    let end_of_shown = chars.get(to).map_or(line_end, |(o, _)| *o);
    if to < chars.len() {
        text.push('…');
    }
    let shown_from = chars.get(from).map_or(line_start, |(o, _)| *o);
    let mut highlights = Vec::new();
    for r in q.highlights(&body[shown_from..end_of_shown]) {
        let inside = |(_, o, _): &&(usize, usize, char)| {
            (shown_from + r.start..shown_from + r.end).contains(o)
        };
        let first = map.iter().find(inside);
        let last = map.iter().rev().find(inside);
        if let (Some(f), Some(l)) = (first, last) {
            highlights.push(f.0..l.0 + l.2.len_utf8());
        }
    }
    Snippet { text, highlights }
}

fn width_of(chars: &[(usize, char)], w: impl Fn(char) -> usize) -> usize {
    chars.iter().map(|(_, c)| w(*c)).sum()
}

/// A range inside `s` on character boundaries.
fn clamp_range(s: &str, r: Range<usize>) -> Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(s.len());
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(r.start);
    start..fix(r.end).max(start)
}

/// Where a visual line's `text` starts in the body it was laid out from.
fn text_start(line: &VisualLine, body: &str) -> Option<usize> {
    if line.text.is_empty() {
        return None;
    }
    let span = body.get(line.start..line.end.max(line.start))?;
    span.find(line.text.as_str()).map(|i| line.start + i)
}

/// The parts of sorted, non-overlapping body ranges `matches` that fall on a visual
/// line, as byte ranges of the line's `text` (a match broken across lines shows on
/// each).
///
/// ```
/// use dangxue::core::layout::layout;
/// use dangxue::core::search::{Query, line_highlights};
/// let body = "## 画出共治\n\n居民们围坐在一起讨论共治。";
/// let l = layout(body, 10);
/// let m = Query::parse("共治").highlights(body);
/// assert_eq!(m.len(), 2);
/// let first = &l.lines[0];
/// let r = line_highlights(first, body, &m);
/// assert_eq!(&first.text[r[0].clone()], "共治");
/// ```
#[must_use]
pub fn line_highlights(
    line: &VisualLine,
    body: &str,
    matches: &[Range<usize>],
) -> Vec<Range<usize>> {
    let Some(from) = text_start(line, body) else {
        return Vec::new();
    };
    let to = from + line.text.len();
    let first = matches.partition_point(|m| m.end <= from);
    matches[first..]
        .iter()
        .take_while(|m| m.start < to)
        .map(|m| m.start.max(from) - from..m.end.min(to) - from)
        .filter(|r| !r.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn full_width_digits_and_letters_match_half_width() {
        let q = Query::parse("2018");
        assert!(q.matches("自２０１８年起"));
        assert!(Query::parse("２０１８").matches("自2018年起"));
        assert!(Query::parse("abc").matches("ＡＢＣ公司"));
        assert!(Query::parse("ABC").matches("abc"));
        assert!(Query::parse("ｶﾀｶﾅ").matches("カタカナ"));
    }

    #[test]
    fn every_term_must_match() {
        let q = Query::parse("红色 物业");
        assert!(q.matches("红色物业"));
        assert!(q.matches("物业里的红色"));
        assert!(!q.matches("红色社区"));
        assert!(Query::parse("").is_empty());
        assert!(Query::parse(" \u{3000} ").is_empty());
    }

    #[test]
    fn combining_marks_fold_within_their_grapheme() {
        // e + combining acute is é after NFKC; the match maps back to both code points.
        let text = "cafe\u{301} au lait";
        let f = fold(text);
        let r = f.find(&normalise("café")).expect("found");
        assert_eq!(&text[r], "cafe\u{301}");
    }

    #[test]
    fn zero_width_padding_never_hides_a_match() {
        let text = "红\u{200b}色物\u{feff}业";
        let r = fold(text).find("红色物业").expect("found");
        assert_eq!(r, 0..text.len());
    }

    #[test]
    fn highlights_join_overlapping_terms() {
        let q = Query::parse("红色物 物业");
        let text = "说红色物业好";
        let h = q.highlights(text);
        assert_eq!(h.len(), 1);
        assert_eq!(&text[h[0].clone()], "红色物业");
    }

    #[test]
    fn terms_do_not_match_across_fields() {
        let u = UnitText {
            title: "红色",
            column: Some("物业"),
            authors: &[],
            tags: &[],
            body: "",
        };
        assert!(match_unit(&Query::parse("色物"), &u).is_none());
        assert_eq!(
            match_unit(&Query::parse("物业"), &u),
            Some(UnitHit { body: None })
        );
    }

    #[test]
    fn the_body_hit_is_the_first_body_only_term() {
        let body = "甲乙丙。社区治理。红色物业。";
        let u = UnitText {
            title: "红色",
            column: None,
            authors: &[],
            tags: &[],
            body,
        };
        let hit = match_unit(&Query::parse("红色 物业 社区"), &u).expect("match");
        let r = hit.body.expect("body hit");
        assert_eq!(&body[r], "社区");
    }

    #[test]
    fn snippet_fits_the_width_and_highlights_the_match() {
        let body = "## 小标题\n\n日前，在兴安盟乌兰浩特市和平街御府苑小区议事角，居民们围坐在一起，就小区内建设休闲娱乐设施的事情进行讨论，现场气氛热烈。";
        let q = Query::parse("休闲 居民");
        let at = body.find("休闲").expect("in body");
        for width in [10, 20, 30, 80, 200] {
            let s = snippet(body, at..at + "休闲".len(), &q, width);
            assert!(s.text.width() <= width, "{width}: {}", s.text);
            assert!(s.text.contains("休闲"), "{width}: {}", s.text);
            assert!(!s.text.contains('\n'));
            let lit: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
            assert!(lit.contains(&"休闲"), "{width}: {lit:?}");
            for l in lit {
                assert!(l == "休闲" || l == "居民", "{l}");
            }
        }
        let wide = snippet(body, at..at + 6, &q, 200);
        assert!(!wide.text.starts_with('…') && !wide.text.ends_with('…'));
    }

    #[test]
    fn snippet_of_a_heading_drops_its_marks() {
        let body = "正文。\n\n## 画出共治 同心圆\n\n后文。";
        let at = body.find("同心圆").expect("in body");
        let s = snippet(body, at..at + 9, &Query::parse("同心圆"), 40);
        assert_eq!(s.text, "画出共治 同心圆");
        assert_eq!(&s.text[s.highlights[0].clone()], "同心圆");
    }

    #[test]
    fn snippet_maps_full_width_matches() {
        let body = "自２０１８年起，全市成立物业党支部。";
        let q = Query::parse("2018");
        let hit = fold(body).find("2018").expect("found");
        let s = snippet(body, hit, &q, 40);
        assert_eq!(&s.text[s.highlights[0].clone()], "２０１８");
    }

    #[test]
    fn find_in_the_laid_out_text_marks_every_line_a_match_is_on() {
        let body = "居民们围坐在一起，红色物业就小区内建设休闲娱乐设施的事情进行讨论。\n\n## 红色物业\n\n红色物业。";
        let l = crate::core::layout::layout(body, 10);
        let m = Query::parse("红色物业").highlights(body);
        assert_eq!(m.len(), 3);
        let mut shown = String::new();
        for line in &l.lines {
            for r in line_highlights(line, body, &m) {
                shown.push_str(&line.text[r]);
            }
        }
        assert_eq!(
            shown,
            "红色物业".repeat(3),
            "every match shows whole, across a break"
        );
        // The first match starts on line 0 ("居民们围坐") or 1; it is where the layout
        // says.
        let at = l.line_at_offset(m[0].start);
        assert!(!line_highlights(&l.lines[at], body, &m).is_empty());
    }
}
