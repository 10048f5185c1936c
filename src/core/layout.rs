//! Laying out a unit's Markdown body by display width, once per width.
//!
//! The reader scrolls in visual lines, so the body is wrapped once for a terminal
//! width and kept; drawing a frame then only slices [`Layout::lines`]. The rules:
//!
//! - Blocks are the body's non-blank source lines. A source line break is kept as a
//!   line break; one blank visual line stands for any run of blank source lines, and
//!   headings (`#`..`######` followed by a space) always have a blank line on each
//!   side. There are no blank lines at the top or the bottom.
//! - Chinese (and every other wide character, emoji included) may break anywhere;
//!   runs of narrow non-space characters (ASCII words, numbers, `98%`, URLs) are kept
//!   whole unless they are wider than the line.
//! - 避头尾: closing punctuation (`，。、；：？！）》」』”’…` and friends) does not
//!   start a line and opening punctuation (`（《「『“‘`) does not end one, where that
//!   can be avoided: the previous character is pulled down to the next line instead.
//! - Widths are those ratatui draws with: `unicode-width` per grapheme cluster, so
//!   combining marks, variation selectors and ZWJ emoji sequences stay with their base
//!   character, and a grapheme holding a control character is drawn as nothing.
//! - No character is dropped, split or reordered. Whitespace where a line is broken
//!   hangs at the end of the line it follows (it is in the line's byte range but not
//!   in its `text`); a continuation line never starts with a space.
//! - A line is never wider than the width, except a line holding one grapheme that is
//!   itself wider (a Chinese character at width 1).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a visual line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Part of a `#` heading; `text` is without the `#` marks.
    Heading,
    /// Part of a paragraph.
    Text,
    /// The gap between two blocks.
    Blank,
}

/// One line on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Byte offset in the body where the line starts (for the first line of a heading,
    /// where its `#` marks start).
    pub start: usize,
    /// Byte offset in the body where the line ends: the next line of the same
    /// paragraph starts here, or the source line's `\n` is here. For a blank line,
    /// equal to `start`.
    pub end: usize,
    /// Heading, text or blank.
    pub kind: LineKind,
    /// What to draw: without heading marks, without the whitespace at a break.
    pub text: String,
}

/// A body laid out for one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// The visual lines, top to bottom. Their `start` offsets strictly increase.
    pub lines: Vec<VisualLine>,
    /// The width this layout was made for.
    pub width: u16,
}

impl Layout {
    /// The index of the visual line holding byte `offset` of the body: the last line
    /// starting at or before it (0 for an empty layout). Together with
    /// [`Layout::offset_of_line`] this keeps a reading position across a width
    /// change: store `offset_of_line(top)`, lay out again, resume at
    /// `line_at_offset(stored)`.
    ///
    /// ```
    /// use dangxue::core::layout::layout;
    /// let body = "一二三四五六七八九十\n\n## 小标题\n\n甲乙丙丁";
    /// let wide = layout(body, 40);
    /// let narrow = layout(body, 4);
    /// // At width 4 the paragraph is 一二 / 三四 / 五六 / 七八 / 九十.
    /// let seven = body.find('七').expect("in body");
    /// assert_eq!(wide.line_at_offset(seven), 0);
    /// assert_eq!(narrow.lines[narrow.line_at_offset(seven)].text, "七八");
    /// for (i, _) in narrow.lines.iter().enumerate() {
    ///     assert_eq!(narrow.line_at_offset(narrow.offset_of_line(i)), i);
    /// }
    /// ```
    #[must_use]
    pub fn line_at_offset(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }

    /// The byte offset where visual line `i` starts; past the last line, where the
    /// last line ends (0 for an empty layout).
    #[must_use]
    pub fn offset_of_line(&self, i: usize) -> usize {
        match self.lines.get(i) {
            Some(l) => l.start,
            None => self.lines.last().map_or(0, |l| l.end),
        }
    }
}

/// Lay out `body` for a terminal `width` (0 is treated as 1). See the module
/// documentation for the rules.
///
/// ```
/// use dangxue::core::layout::{layout, LineKind};
/// let l = layout("## 画出共治 同心圆\n\n居民们围坐在一起，讨论。", 10);
/// let texts: Vec<&str> = l.lines.iter().map(|l| l.text.as_str()).collect();
/// assert_eq!(texts, ["画出共治", "同心圆", "", "居民们围坐", "在一起，讨", "论。"]);
/// assert_eq!(l.lines[0].kind, LineKind::Heading);
/// assert_eq!(l.lines[2].kind, LineKind::Blank);
///
/// // A comma never starts a line: "在" comes down with it.
/// let l = layout("居民们围坐在，一起", 12);
/// let texts: Vec<&str> = l.lines.iter().map(|l| l.text.as_str()).collect();
/// assert_eq!(texts, ["居民们围坐", "在，一起"]);
///
/// // ASCII words stay whole; emoji and ZWJ sequences are 2 columns and never split.
/// let l = layout("打卡👨‍👩‍👧 hello world", 7);
/// let texts: Vec<&str> = l.lines.iter().map(|l| l.text.as_str()).collect();
/// assert_eq!(texts, ["打卡👨‍👩‍👧", "hello", "world"]);
///
/// // Width 1 still shows every character, one per line.
/// assert_eq!(layout("党建", 1).lines.len(), 2);
/// ```
#[must_use]
pub fn layout(body: &str, width: u16) -> Layout {
    let max = width.max(1);
    let mut lines = Vec::with_capacity(body.len() / 64 + 1);
    let mut scratch = Vec::new();
    let mut offset = 0;
    // Byte offset where the last block ended, when blank source lines followed it.
    let mut gap_at: Option<usize> = None;
    let mut last_was_heading = false;
    for raw in body.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let without_lf = raw.strip_suffix('\n').unwrap_or(raw);
        let content = without_lf.strip_suffix('\r').unwrap_or(without_lf);
        let line_end = line_start + without_lf.len();
        if content.chars().all(is_break_space_char) {
            if let Some(prev) = lines.last() {
                let prev: &VisualLine = prev;
                gap_at.get_or_insert(prev.end);
            }
            continue;
        }
        let heading = heading_text_start(content);
        let is_heading = heading.is_some();
        if let Some(prev) = lines.last() {
            let prev: &VisualLine = prev;
            if gap_at.is_some() || is_heading || last_was_heading {
                let at = gap_at.unwrap_or(prev.end);
                lines.push(VisualLine {
                    start: at,
                    end: at,
                    kind: LineKind::Blank,
                    text: String::new(),
                });
            }
        }
        gap_at = None;
        last_was_heading = is_heading;
        let (text_from, kind) = match heading {
            Some(skip) => (line_start + skip, LineKind::Heading),
            None => (line_start, LineKind::Text),
        };
        let block = Block {
            body,
            start: line_start,
            text_from,
            end: line_end,
            content_end: line_start + content.len(),
            kind,
        };
        wrap_block(&block, max, &mut scratch, &mut lines);
    }
    Layout { lines, width }
}

/// Plain text (a question, a choice, an explanation, a dialog's sentence) wrapped to
/// `width` by the rules of [`layout`] but without Markdown: every source line is a
/// paragraph, `#` is just text, and a blank source line is one empty line.
///
/// ```
/// use dangxue::core::layout::wrap;
/// // No line starts with closing punctuation: "员" and "织" come down with it.
/// let lines = wrap("有几名以上正式党员，要建立党组织？", 9);
/// assert_eq!(lines, ["有几名以", "上正式党", "员，要建", "立党组", "织？"]);
/// assert_eq!(wrap("# 不是标题\n\n第二段", 20), ["# 不是标题", "", "第二段"]);
/// ```
#[must_use]
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let max = width.max(1);
    let mut out = Vec::new();
    let mut lines = Vec::new();
    let mut scratch = Vec::new();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let without_lf = raw.strip_suffix('\n').unwrap_or(raw);
        let content = without_lf.strip_suffix('\r').unwrap_or(without_lf);
        if content.chars().all(is_break_space_char) {
            out.push(String::new());
            continue;
        }
        let block = Block {
            body: text,
            start,
            text_from: start,
            end: start + without_lf.len(),
            content_end: start + content.len(),
            kind: LineKind::Text,
        };
        wrap_block(&block, max, &mut scratch, &mut lines);
        out.extend(lines.drain(..).map(|l| l.text));
    }
    out
}

/// One line of plain text (no `\n`) wrapped to `width` by the rules of [`wrap`],
/// with each visual line's byte range in `line`: what an editor draws, where the
/// cursor's byte offset finds its row. A blank line is one empty visual line.
///
/// ```
/// use dangxue::core::layout::wrap_line;
/// let rows = wrap_line("# 有几名以上正式党员，要建立", 9);
/// let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
/// assert_eq!(texts, ["# 有几名", "以上正式", "党员，要", "建立"]);
/// assert_eq!(rows[1].start, "# 有几名".len());
/// ```
#[must_use]
pub fn wrap_line(line: &str, width: u16) -> Vec<VisualLine> {
    let mut out = Vec::new();
    if line.chars().all(is_break_space_char) {
        out.push(VisualLine {
            start: 0,
            end: line.len(),
            kind: LineKind::Blank,
            text: String::new(),
        });
        return out;
    }
    let block = Block {
        body: line,
        start: 0,
        text_from: 0,
        end: line.len(),
        content_end: line.len(),
        kind: LineKind::Text,
    };
    wrap_block(&block, width.max(1), &mut Vec::new(), &mut out);
    out
}

/// One non-blank source line to wrap.
struct Block<'a> {
    body: &'a str,
    /// Where the source line starts (heading marks included).
    start: usize,
    /// Where the text to wrap starts (after heading marks).
    text_from: usize,
    /// Where the source line ends, before its `\n` (a `\r` included).
    end: usize,
    /// Where the text to wrap ends (before a `\r`).
    content_end: usize,
    kind: LineKind,
}

/// How a grapheme takes part in line breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Whitespace: a break may follow it; at a break it hangs.
    Space,
    /// A narrow character that sticks to its narrow neighbours (ASCII words, numbers).
    Word,
    /// A character that may break on either side (Chinese, emoji, CJK punctuation).
    Ideo,
}

/// A grapheme of the text being wrapped.
#[derive(Debug, Clone, Copy)]
struct Grapheme {
    /// Byte offset in the body.
    start: usize,
    /// Byte offset in the body where it ends.
    end: usize,
    /// Columns it takes.
    width: u16,
    class: Class,
    /// May not start a line (closing punctuation).
    no_start: bool,
    /// May not end a line (opening punctuation).
    no_end: bool,
    /// An apostrophe-like quote that glues to a following ASCII letter (`don’t`).
    apostrophe: bool,
    /// An ASCII letter.
    ascii_alpha: bool,
}

fn wrap_block(block: &Block<'_>, max: u16, gs: &mut Vec<Grapheme>, out: &mut Vec<VisualLine>) {
    let text = &block.body[block.text_from..block.content_end];
    graphemes_of(text, block.text_from, gs);
    let n = gs.len();
    if n == 0 {
        // A heading with marks only.
        out.push(VisualLine {
            start: block.start,
            end: block.end,
            kind: block.kind,
            text: String::new(),
        });
        return;
    }
    let max = usize::from(max);
    let mut i = 0;
    let mut first = true;
    while i < n {
        let mut cut = next_cut(gs, i, max);
        // Whitespace after a cut hangs on this line, so the next one starts with text.
        while cut < n && gs[cut].class == Class::Space {
            cut += 1;
        }
        let line_start = if first { block.start } else { gs[i].start };
        let line_end = if cut == n { block.end } else { gs[cut].start };
        // The text ends after the last non-space grapheme of the line.
        let text_end = gs[i..cut]
            .iter()
            .rev()
            .find(|g| g.class != Class::Space)
            .map_or(gs[i].start, |g| g.end);
        out.push(VisualLine {
            start: line_start,
            end: line_end,
            kind: block.kind,
            text: block.body[gs[i].start..text_end].to_string(),
        });
        first = false;
        i = cut;
    }
}

/// Where the line starting at grapheme `i` ends (exclusive), greedily: as many
/// graphemes as fit, cut back to the last allowed break; without one, cut where the
/// width runs out; at least one grapheme.
fn next_cut(gs: &[Grapheme], i: usize, max: usize) -> usize {
    let mut used = 0usize;
    let mut last_break = None;
    let mut j = i;
    while j < gs.len() {
        let g = &gs[j];
        if j > i && break_allowed(&gs[j - 1], g) {
            last_break = Some(j);
        }
        used += usize::from(g.width);
        // Whitespace never overflows a line: at a break it hangs off the end.
        if g.class != Class::Space && used > max {
            return match last_break {
                Some(k) => k,
                None if j == i => i + 1,
                None => j,
            };
        }
        j += 1;
    }
    gs.len()
}

/// Whether a line may break between `a` and the following `b`.
fn break_allowed(a: &Grapheme, b: &Grapheme) -> bool {
    if b.class == Class::Space {
        return false;
    }
    if a.class == Class::Space {
        return true;
    }
    if b.no_start || a.no_end {
        return false;
    }
    if a.apostrophe && b.ascii_alpha {
        return false;
    }
    !(a.class == Class::Word && b.class == Class::Word)
}

/// Closing punctuation: not at the start of a line.
fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '〉'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '”'
            | '’'
            | '…'
            | '‥'
            | '·'
            | '・'
            | '％'
            | '‰'
            | '℃'
            | '｡'
            | '､'
            | '．'
            | '〟'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Opening punctuation: not at the end of a line.
fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '〈'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '〝'
            | '·'
            | '('
            | '['
            | '{'
    )
}

/// Whitespace a line may break after (and that hangs at a break). No-break spaces are
/// not: they glue like letters. A zero-width space is a break opportunity.
fn is_break_space_char(c: char) -> bool {
    (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')) || c == '\u{200b}'
}

/// Characters that always form a grapheme of their own and whose width is their
/// `unicode-width`: most Chinese text is made only of these, which lets it skip the
/// grapheme segmenter.
fn is_simple(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7e
        | 0xa0..=0xac
        | 0xae..=0xff
        | 0x2010..=0x2027
        | 0x2030..=0x205e
        | 0x3000..=0x3029
        | 0x3030..=0x303f
        | 0x3400..=0x4dbf
        | 0x4e00..=0x9fff
        | 0xff01..=0xff60)
}

/// Columns ratatui gives a grapheme: nothing when it holds a control character (such
/// graphemes are not drawn), else its `unicode-width`, with the half-width sound marks
/// that `unicode-width` calls zero-width counted as terminals draw them (one column).
fn grapheme_width(g: &str) -> u16 {
    if g.chars().any(char::is_control) {
        return 0;
    }
    let marks = g
        .chars()
        .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
        .count();
    u16::try_from(g.width() + marks).unwrap_or(u16::MAX)
}

fn classify(start: usize, g: &str, width: u16) -> Grapheme {
    let first = g.chars().next().unwrap_or(' ');
    // The common cases first: a Chinese character, an ASCII letter or digit.
    if g.len() == first.len_utf8()
        && (first.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&first))
    {
        let ascii = first.is_ascii();
        return Grapheme {
            start,
            end: start + g.len(),
            width,
            class: if ascii { Class::Word } else { Class::Ideo },
            no_start: false,
            no_end: false,
            apostrophe: false,
            ascii_alpha: first.is_ascii_alphabetic(),
        };
    }
    let class = if g.chars().all(is_break_space_char) {
        Class::Space
    } else if width >= 2 || (!first.is_ascii() && (is_no_start(first) || is_no_end(first))) {
        Class::Ideo
    } else {
        Class::Word
    };
    Grapheme {
        start,
        end: start + g.len(),
        width,
        class,
        no_start: is_no_start(first),
        no_end: is_no_end(first),
        apostrophe: first == '’',
        ascii_alpha: first.is_ascii_alphabetic(),
    }
}

/// Fill `out` with the graphemes of `text`, which starts at byte `base` of the body.
fn graphemes_of(text: &str, base: usize, out: &mut Vec<Grapheme>) {
    out.clear();
    if text.chars().all(is_simple) {
        let mut buf = [0u8; 4];
        for (at, c) in text.char_indices() {
            let width = if c.is_ascii() {
                1
            } else {
                u16::try_from(c.width().unwrap_or(0)).unwrap_or(0)
            };
            out.push(classify(base + at, c.encode_utf8(&mut buf), width));
        }
    } else {
        for (at, g) in text.grapheme_indices(true) {
            out.push(classify(base + at, g, grapheme_width(g)));
        }
    }
}

/// Where a heading's text starts within a source line (after the `#` marks and the
/// spaces after them), or `None` when the line is not a heading.
fn heading_text_start(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    Some(hashes + spaces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Display width of a line's `text` as ratatui draws it (graphemes with control
    /// characters take no space).
    fn text_width(text: &str) -> usize {
        text.graphemes(true)
            .map(|g| usize::from(grapheme_width(g)))
            .sum()
    }

    fn texts(body: &str, width: u16) -> Vec<String> {
        layout(body, width)
            .lines
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn closing_punctuation_pulls_the_previous_character_down() {
        // 5 characters fill width 10; "。" would start line 2.
        assert_eq!(texts("一二三四五。六七", 10), ["一二三四", "五。六七"]);
        for p in [
            '，', '、', '；', '：', '？', '！', '）', '》', '」', '』', '”', '’', '…',
        ] {
            let body = format!("一二三四五{p}六七");
            let t = texts(&body, 10);
            assert!(!t[1].starts_with(p), "{p}: {t:?}");
            assert_eq!(t.concat(), body, "{p}");
        }
    }

    #[test]
    fn chains_of_closing_punctuation_move_together() {
        assert_eq!(texts("一二三四五。”）六", 10), ["一二三四", "五。”）六"]);
        // ”。 are narrow+wide: 3 columns; the two stay together with 五.
        assert_eq!(texts("他说：“一二三”。", 10), ["他说：“一", "二三”。"]);
    }

    #[test]
    fn opening_punctuation_does_not_end_a_line() {
        for p in ['（', '《', '「', '『', '“', '‘'] {
            let body = format!("一二三四{p}五六七");
            let t = texts(&body, 10);
            assert!(!t[0].ends_with(p), "{p}: {t:?}");
            assert_eq!(t.concat(), body, "{p}");
        }
        assert_eq!(texts("一二三四（五）", 10), ["一二三四", "（五）"]);
    }

    #[test]
    fn unavoidable_punctuation_at_a_line_start_is_still_shown() {
        // Nothing to pull down: a line of only punctuation.
        let t = texts("。。。。。。", 4);
        assert_eq!(t, ["。。", "。。", "。。"]);
        // Width 2: each character on its own line, the comma included.
        assert_eq!(texts("一，", 2), ["一", "，"]);
    }

    #[test]
    fn ellipsis_and_dashes_are_not_split() {
        assert_eq!(texts("一二三四……五", 9), ["一二三", "四……五"]);
        // A dash may start a line, but its two halves stay together.
        assert_eq!(texts("一二三四——五", 9), ["一二三四", "——五"]);
        assert_eq!(texts("一二三——五", 7), ["一二三", "——五"]);
    }

    #[test]
    fn ascii_words_and_numbers_stay_whole() {
        assert_eq!(
            texts("满意率达到98%以上，共14吨", 12),
            ["满意率达到", "98%以上，共", "14吨"]
        );
        assert_eq!(
            texts("see https://example.org/a/b now", 12),
            ["see", "https://exam", "ple.org/a/b", "now"]
        );
        assert_eq!(texts("don’t stop", 6), ["don’t", "stop"]);
    }

    #[test]
    fn spaces_hang_at_breaks_and_never_start_a_line() {
        let l = layout("ab  cd", 3);
        assert_eq!(l.lines[0].text, "ab");
        assert_eq!((l.lines[0].start, l.lines[0].end), (0, 4));
        assert_eq!(l.lines[1].text, "cd");
        assert_eq!(l.lines[1].start, 4);
    }

    #[test]
    fn indentation_is_kept() {
        assert_eq!(
            texts("\u{3000}\u{3000}党建引领", 8),
            ["\u{3000}\u{3000}党建", "引领"]
        );
    }

    #[test]
    fn blocks_and_blank_lines() {
        use LineKind::{Blank, Heading, Text};
        let body = "\n\n甲\n乙\n\n\n\n丙\n## 标题\n丁\n\n";
        let l = layout(body, 20);
        let kinds: Vec<LineKind> = l.lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [Text, Text, Blank, Text, Blank, Heading, Blank, Text]
        );
        assert_eq!(l.lines[5].text, "标题");
        assert_eq!(&body[l.lines[5].start..l.lines[5].end], "## 标题");
    }

    #[test]
    fn crlf_is_not_drawn() {
        let l = layout("甲乙\r\n\r\n丙\r\n", 20);
        let t: Vec<&str> = l.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(t, ["甲乙", "", "丙"]);
    }

    #[test]
    fn not_headings() {
        assert_eq!(texts("#标签", 20), ["#标签"]);
        assert_eq!(texts("####### 七", 20), ["####### 七"]);
        assert_eq!(layout("##", 20).lines[0].kind, LineKind::Heading);
    }

    #[test]
    fn tiny_widths_terminate() {
        for w in 0..4 {
            let body = "党👍🏽a\u{301}b，。（“中”）\t\u{7}";
            let l = layout(body, w);
            assert!(!l.lines.is_empty());
            assert!(l.lines.len() <= body.chars().count());
        }
    }

    #[test]
    fn offsets_round_trip_and_survive_width_changes() {
        let body = "一二三四五六七八九十\n\n## 小标题\n\n甲乙丙丁戊己庚辛";
        let a = layout(body, 6);
        let b = layout(body, 30);
        for i in 0..a.lines.len() {
            assert_eq!(a.line_at_offset(a.offset_of_line(i)), i);
            // The same text is on screen after a width change.
            let off = a.offset_of_line(i);
            let j = b.line_at_offset(off);
            assert!(b.lines[j].start <= off && off <= b.lines[j].end.max(b.lines[j].start));
        }
        assert_eq!(a.offset_of_line(99), body.len());
        assert_eq!(Layout::default().line_at_offset(5), 0);
        assert_eq!(Layout::default().offset_of_line(0), 0);
    }

    /// The body with heading marks removed, as the test sees it: independent of the
    /// layout code's own heading parser.
    fn strip_heading_marks(body: &str) -> String {
        body.split('\n')
            .map(|line| {
                let hashes = line.chars().take_while(|c| *c == '#').count();
                let rest = &line[hashes..];
                if (1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
                    rest.trim_start_matches([' ', '\t'])
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn non_space(s: &str) -> String {
        s.chars().filter(|c| !is_break_space_char(*c)).collect()
    }

    fn pieces() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "党",
            "建",
            "引",
            "领",
            "红",
            "色",
            "物",
            "业",
            "，",
            "。",
            "、",
            "；",
            "：",
            "？",
            "！",
            "）",
            "》",
            "」",
            "』",
            "”",
            "’",
            "…",
            "…",
            "——",
            "（",
            "《",
            "「",
            "『",
            "“",
            "‘",
            "·",
            "a",
            "b",
            "Z",
            "7",
            "0",
            "%",
            "-",
            ".",
            ",",
            "hello",
            "2024",
            " ",
            " ",
            "\u{3000}",
            "\n",
            "\n\n",
            "\n## ",
            "\n# ",
            "👍",
            "👍🏽",
            "👨‍👩‍👧",
            "🇨🇳",
            "e\u{301}",
            "\u{301}",
            "☺\u{fe0f}",
            "\t",
            "\r\n",
            "\u{a0}",
            "\u{200b}",
            "ｶﾞ",
            "한",
            "\u{7}",
            "Ａ",
            "é",
        ]);
        prop::collection::vec(atoms, 0..80).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn nothing_lost_split_or_reordered(body in pieces(), width in 1u16..50) {
            let l = layout(&body, width);
            // Every visible character appears once, in order.
            let shown: String = l.lines.iter().map(|v| v.text.as_str()).collect();
            prop_assert_eq!(non_space(&shown), non_space(&strip_heading_marks(&body)));
            let mut prev_start = None;
            for (k, v) in l.lines.iter().enumerate() {
                // Strictly increasing starts, well-formed ranges.
                prop_assert!(prev_start.is_none_or(|p| v.start > p));
                prev_start = Some(v.start);
                prop_assert!(v.start <= v.end && v.end <= body.len());
                let range = &body[v.start..v.end];
                match v.kind {
                    LineKind::Blank => {
                        prop_assert!(v.text.is_empty() && v.start == v.end);
                        prop_assert!(k > 0 && k + 1 < l.lines.len());
                        prop_assert!(l.lines[k + 1].kind != LineKind::Blank);
                    }
                    LineKind::Text | LineKind::Heading => {
                        // The text is the range minus heading marks and hanging space.
                        let at = range.rfind(v.text.as_str());
                        prop_assert!(at.is_some(), "{:?} not in {:?}", v.text, range);
                        let at = at.unwrap_or(0);
                        prop_assert!(range[at + v.text.len()..].chars().all(is_break_space_char));
                        prop_assert!(range[..at].chars().all(|c| c == '#' || is_break_space_char(c)));
                        // Not wider than the line unless it is one grapheme.
                        let w = text_width(&v.text);
                        prop_assert!(
                            w <= usize::from(width) || v.text.graphemes(true).count() == 1,
                            "{:?} is {} wide at {}", v.text, w, width
                        );
                        // Never starts with a space unless it starts its source line.
                        let starts_block = v.start == 0 || body.as_bytes()[v.start - 1] == b'\n';
                        let first_is_space = v
                            .text
                            .graphemes(true)
                            .next()
                            .is_some_and(|g| g.chars().all(is_break_space_char));
                        prop_assert!(starts_block || !first_is_space);
                    }
                }
            }
        }

        #[test]
        fn breaks_fall_on_grapheme_boundaries(body in pieces(), width in 1u16..30) {
            let l = layout(&body, width);
            let mut boundaries = std::collections::HashSet::new();
            let mut at = 0;
            for line in body.split('\n') {
                for (i, _) in line.grapheme_indices(true) {
                    boundaries.insert(at + i);
                }
                boundaries.insert(at + line.len());
                at += line.len() + 1;
            }
            for v in &l.lines {
                prop_assert!(boundaries.contains(&v.start), "start {} of {:?}", v.start, v.text);
            }
        }

        #[test]
        fn resuming_at_an_offset_shows_the_same_text(body in pieces(), a in 1u16..40, b in 1u16..40) {
            let la = layout(&body, a);
            let lb = layout(&body, b);
            for i in 0..la.lines.len() {
                prop_assert_eq!(la.line_at_offset(la.offset_of_line(i)), i);
                let off = la.offset_of_line(i);
                let j = lb.line_at_offset(off);
                prop_assert!(lb.lines[j].start <= off);
                prop_assert!(lb.lines.get(j + 1).is_none_or(|n| n.start > off));
            }
        }
    }
}
