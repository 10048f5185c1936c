//! The reader's info box as lines: the unit's whole metadata and note, laid out at
//! the box's width. Built here, not in the ui, so that scrolling the box can stop at
//! its last line.

use unicode_width::UnicodeWidthStr;

use super::App;
use crate::core::layout::layout;
use crate::core::text::escape_controls;

/// Widest the info box gets.
const INFO_MAX_WIDTH: u16 = 76;

/// One row of the info box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InfoLine {
    /// The label column (blank on a wrapped continuation); empty on title lines.
    pub head: String,
    /// The text.
    pub text: String,
    /// A line of the unit's title.
    pub title: bool,
}

/// The info box's outer width on a screen `width` columns wide.
#[must_use]
pub fn info_width(width: u16) -> u16 {
    width.saturating_sub(4).min(INFO_MAX_WIDTH)
}

/// Rows of content the info box can show on a screen `height` rows high (inside
/// its border).
#[must_use]
pub fn info_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(2))
}

impl App {
    /// The info box's lines for the unit in the reader, for a box `w` columns wide
    /// (border included). Empty when no unit is open.
    #[must_use]
    pub fn info_lines(&self, w: u16) -> Vec<InfoLine> {
        let s = self.s;
        let Some(u) = self
            .reader
            .as_ref()
            .and_then(|r| self.library.get(&r.unit_id))
        else {
            return Vec::new();
        };
        let mut rows: Vec<(&str, String)> = vec![
            (s.unit_id, u.meta.id.clone()),
            (s.kinds_label(), s.kinds.of(u.meta.kind).to_string()),
        ];
        if let Some(c) = &u.meta.column {
            rows.push((s.column, c.clone()));
        }
        if !u.meta.authors.is_empty() {
            rows.push((s.authors, u.meta.authors.join("、")));
        }
        if let Some(src) = &u.meta.source {
            rows.push((s.source, src.clone()));
        }
        if !u.meta.tags.is_empty() {
            rows.push((s.tags, u.meta.tags.join("、")));
        }
        rows.push((s.questions, u.questions.len().to_string()));
        if let Some(n) = &u.meta.note {
            rows.push((s.note, n.clone()));
        }
        let label_w = rows.iter().map(|(l, _)| l.width()).max().unwrap_or(4) + 2;
        let text_w = u16::try_from(usize::from(w).saturating_sub(label_w + 2))
            .unwrap_or(1)
            .max(4);
        let mut lines: Vec<InfoLine> =
            layout(&escape_controls(&u.meta.title), w.saturating_sub(2).max(4))
                .lines
                .iter()
                .map(|l| InfoLine {
                    head: String::new(),
                    text: l.text.clone(),
                    title: true,
                })
                .collect();
        for (label, value) in rows {
            let laid = layout(&escape_controls(&value), text_w);
            for (i, l) in laid.lines.iter().enumerate() {
                let head = if i == 0 {
                    format!("{label}{}", " ".repeat(label_w - label.width()))
                } else {
                    " ".repeat(label_w)
                };
                lines.push(InfoLine {
                    head,
                    text: l.text.clone(),
                    title: false,
                });
            }
        }
        lines
    }

    /// The furthest the info box scrolls at the current terminal size: 0 when all
    /// of it fits.
    #[must_use]
    pub fn info_max_top(&self) -> usize {
        let n = self.info_lines(info_width(self.size.0)).len();
        n.saturating_sub(info_rows(self.size.1))
    }
}
