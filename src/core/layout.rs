//! Display-width layout of a unit body (first version: character wrapping).

use unicode_width::UnicodeWidthChar;

/// What a visual line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A `##` heading.
    Heading,
    /// Body text.
    Text,
    /// The blank line between paragraphs.
    Blank,
}

/// One line on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Byte offset in the body where the line starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// Heading, text or blank.
    pub kind: LineKind,
    /// What to draw.
    pub text: String,
}

/// A body laid out at one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// The lines in order.
    pub lines: Vec<VisualLine>,
}

impl Layout {
    /// The line holding byte `offset`.
    #[must_use]
    pub fn line_at_offset(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.end <= offset)
            .min(self.lines.len().saturating_sub(1))
    }

    /// Byte offset where line `i` starts.
    #[must_use]
    pub fn offset_of_line(&self, i: usize) -> usize {
        self.lines.get(i).map_or(0, |l| l.start)
    }
}

/// Lay out `body` at `width` columns.
#[must_use]
pub fn layout(body: &str, width: u16) -> Layout {
    let width = usize::from(width.max(2));
    let mut lines = Vec::new();
    let mut offset = 0;
    let mut first = true;
    for para in body.split("\n\n") {
        let start = offset;
        offset += para.len() + 2;
        let trimmed = para.trim();
        if trimmed.is_empty() {
            continue;
        }
        if !first {
            lines.push(VisualLine { start, end: start, kind: LineKind::Blank, text: String::new() });
        }
        first = false;
        let (kind, text, base) = match para.strip_prefix("## ") {
            Some(h) => (LineKind::Heading, h, start + 3),
            None => (LineKind::Text, para, start),
        };
        let mut cur = String::new();
        let mut cur_w = 0;
        let mut cur_start = base;
        for (i, c) in text.char_indices() {
            let c = if c == '\n' { ' ' } else { c };
            let w = c.width().unwrap_or(0);
            if cur_w + w > width && !cur.is_empty() {
                lines.push(VisualLine { start: cur_start, end: base + i, kind, text: std::mem::take(&mut cur) });
                cur_w = 0;
                cur_start = base + i;
            }
            cur.push(c);
            cur_w += w;
        }
        if !cur.is_empty() {
            lines.push(VisualLine { start: cur_start, end: base + text.len(), kind, text: cur });
        }
    }
    Layout { lines }
}
