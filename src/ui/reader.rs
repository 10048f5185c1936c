//! The reader: title, metadata, the laid-out body and a footer with position and time.

use crate::app::keymap;
use ratatui::Frame;
use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::truncate;
use crate::app::queries;
use crate::app::{App, READER_FOOTER, READER_HEADER, ReaderInput};
use crate::core::layout::LineKind;
use crate::core::search::line_highlights;
use crate::core::text::escape_controls;

/// The rows of the body, where scrolling happens.
#[must_use]
pub fn body_area(area: Rect) -> Rect {
    Rect::new(
        area.x,
        area.y + READER_HEADER,
        area.width,
        area.height.saturating_sub(READER_HEADER + READER_FOOTER),
    )
}

/// Where the footer's most often changing figure is drawn: the last digit of the
/// percentage read. The terminal keeps this place saved while reading (see
/// [`super::scroll::prepare`]), so the figure is reached from the body in 2 bytes.
#[must_use]
pub fn footer_anchor(area: Rect) -> Position {
    Position::new(
        area.x + PERCENT_LAST_DIGIT,
        area.y + area.height.saturating_sub(1),
    )
}

/// The column of the percentage's last digit in the footer's status (` 42%`).
const PERCENT_LAST_DIGIT: u16 = 3;

/// Between the title and the metadata.
const META_GAP: &str = "  ";
/// After metadata cut short: `i` shows all of it.
const MORE: &str = "[i]";

/// The title and the metadata as they fit on one row of `width` columns with
/// [`META_GAP`] between them: both whole when they fit, else the metadata cut short
/// and ending in [`MORE`], the title giving way too when it leaves no room for that.
fn header(title: &str, meta: &str, width: usize) -> (String, String) {
    let gap = META_GAP.len();
    if title.width() + gap + meta.width() <= width {
        return (title.to_string(), meta.to_string());
    }
    // Room for at least a few characters of metadata and the mark.
    let title = truncate(title, width.saturating_sub(gap + MORE.len() + 5));
    let room = width.saturating_sub(title.width() + gap + MORE.len() + 1);
    let cut = truncate(meta, room);
    (title, format!("{cut} {MORE}"))
}

/// Draw the reader.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(r) = &app.reader else { return };
    let Some(u) = app.library.get(&r.unit_id) else {
        return;
    };
    let width = usize::from(area.width);
    let body = body_area(area);
    let text_width = app.reader_width();
    let margin = (body.width.saturating_sub(text_width)) / 2;
    let text_area = Rect::new(
        body.x + margin,
        body.y,
        text_width.min(body.width),
        body.height,
    );
    // Title and metadata on one row, starting where the text starts however wide the
    // terminal, above a rule: the body gets the row a second header row would take.
    let head_w = usize::from(area.width.saturating_sub(margin));
    let kind = app.s.kinds.of(u.meta.kind);
    let mut meta = vec![kind.to_string()];
    if let Some(c) = &u.meta.column {
        meta.push(format!("{} {}", app.s.column, escape_controls(c)));
    }
    if !u.meta.authors.is_empty() {
        meta.push(format!(
            "{} {}",
            app.s.authors,
            escape_controls(&u.meta.authors.join(" "))
        ));
    }
    if let Some(n) = &u.meta.note {
        meta.push(format!("{}: {}", app.s.note, escape_controls(n)));
    }
    let (title, meta) = header(&escape_controls(&u.meta.title), &meta.join(" · "), head_w);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, theme.title),
            Span::raw(META_GAP),
            Span::styled(meta, theme.dim),
        ])),
        Rect::new(text_area.x, area.y, area.width.saturating_sub(margin), 1),
    );
    frame.render_widget(
        Paragraph::new(Span::styled("─".repeat(width), theme.dim)),
        Rect::new(area.x, area.y + 1, area.width, 1),
    );

    let marked_lines: std::collections::HashSet<usize> =
        crate::core::marks::of_unit(&app.state.marks, &r.unit_id)
            .iter()
            .map(|m| r.layout.line_at_offset(r.body.to_shown(m.offset)))
            .collect();
    let matches = r.find.as_ref().map_or(&[][..], |f| f.matches.as_slice());
    let current = r.find.as_ref().and_then(|f| f.matches.get(f.current));
    let mut lines: Vec<Line> = Vec::with_capacity(usize::from(body.height));
    let mut marked_rows: Vec<(usize, usize)> = Vec::new();
    for (i, l) in r
        .layout
        .lines
        .iter()
        .enumerate()
        .skip(r.top)
        .take(usize::from(body.height))
    {
        let base = match l.kind {
            LineKind::Heading => theme.title,
            LineKind::Text | LineKind::Blank => Style::new(),
        };
        let hl = line_highlights(l, &r.body.text, matches);
        let spans = if hl.is_empty() {
            vec![Span::styled(l.text.as_str(), base)]
        } else {
            // The match last jumped to stands out from the others.
            let now = current.map(|c| line_highlights(l, &r.body.text, std::slice::from_ref(c)));
            let mut out = Vec::new();
            let mut at = 0;
            for h in &hl {
                let style = if now.as_ref().is_some_and(|n| n.contains(h)) {
                    theme.found_now
                } else {
                    theme.found
                };
                if let (Some(before), Some(hit)) = (l.text.get(at..h.start), l.text.get(h.clone()))
                {
                    out.push(Span::styled(before, base));
                    out.push(Span::styled(hit, style));
                    at = h.end;
                }
            }
            if let Some(rest) = l.text.get(at..) {
                out.push(Span::styled(rest, base));
            }
            out
        };
        lines.push(Line::from(spans));
        if marked_lines.contains(&i) {
            marked_rows.push((i - r.top, l.text.width()));
        }
    }
    frame.render_widget(Paragraph::new(lines), text_area);
    // A bookmark or note underlines its line's text: the text takes every column, so
    // there is no margin to put a sign in.
    for (row, w) in marked_rows {
        let y = text_area.y + u16::try_from(row).unwrap_or(u16::MAX);
        let w = u16::try_from(w).unwrap_or(u16::MAX).min(text_area.width);
        if y < text_area.bottom() && w > 0 {
            frame
                .buffer_mut()
                .set_style(Rect::new(text_area.x, y, w, 1), theme.marked);
        }
    }

    let len = r.layout.lines.len();
    let shown = (r.top + usize::from(body.height)).min(len);
    let pct = (shown * 100).checked_div(len).unwrap_or(100);
    let rs = queries::read_state(app, &r.unit_id);
    let spent = queries::cycle_seconds(app, &r.unit_id);
    let need = app.rules.read.min_seconds.saturating_sub(spent);
    let timing = app.s.reader_status(rs, queries::timing(app), spent, need);
    let foot = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(1),
        area.width,
        1,
    );
    let find_count = r.find.as_ref().map(|f| {
        if f.matches.is_empty() {
            app.s.not_found.to_string()
        } else {
            app.s.find_count(f.current + 1, f.matches.len())
        }
    });
    let line = match (&r.input, &app.notice) {
        (Some(input), _) => {
            let (prompt, text) = match input {
                ReaderInput::Find { text, .. } => (app.s.find_prompt, text),
                ReaderInput::Note { text, .. } => (app.s.note_prompt, text),
            };
            let count = match input {
                ReaderInput::Find { .. } => find_count.clone().map(|c| format!("  {c}")),
                ReaderInput::Note { .. } => None,
            }
            .unwrap_or_default();
            let shown = escape_controls(text);
            // Keep the end of a long input in view, where the typing is.
            let room = width.saturating_sub(prompt.width() + count.width() + 1);
            let tail = tail_to_width(&shown, room);
            Line::from(vec![
                Span::styled(prompt, theme.accent),
                Span::raw(tail),
                Span::styled("▏", theme.accent),
                Span::styled(count, theme.dim),
            ])
        }
        (None, Some(n)) => Line::from(Span::styled(truncate(n, width), theme.accent)),
        (None, None) => {
            // The match count first: on a narrow screen the timing is what is cut.
            let status = match &find_count {
                Some(c) => format!(" {pct:>3}%  {c}  {timing}  "),
                None => format!(" {pct:>3}%  {timing}  "),
            };
            // Help and back are never cut: on a narrow screen the status gives way.
            let essentials = keymap::footer(keymap::Mode::Reader, app.s.lang, 0).width();
            let hint_w = width
                .saturating_sub(status.width())
                .max(essentials)
                .min(width);
            let room = width - hint_w;
            let status = if status.width() > room {
                format!("{}  ", truncate(status.trim_end(), room.saturating_sub(2)))
            } else {
                status
            };
            // The figures change as the member reads: in the plain style they are
            // redrawn without a colour sequence around them, and the hint sits at
            // the right edge so that a shorter or longer status does not move it.
            frame.render_widget(Paragraph::new(Span::styled(status, theme.text)), foot);
            let hint = truncate(
                &keymap::footer(keymap::Mode::Reader, app.s.lang, hint_w),
                hint_w,
            );
            frame.render_widget(
                Paragraph::new(Span::styled(hint, theme.dim)).alignment(Alignment::Right),
                foot,
            );
            Line::default()
        }
    };
    if r.input.is_some() || app.notice.is_some() {
        frame.render_widget(Paragraph::new(line), foot);
    }
    if r.info {
        info(frame, area, app, r.info_top, theme);
    }
}

/// The end of `s` that fits in `width` columns.
fn tail_to_width(s: &str, width: usize) -> String {
    let mut w = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        start = i;
    }
    s[start..].to_string()
}

/// The unit's whole metadata and note in a box, laid out like the body so Chinese
/// wraps correctly; scrolled by `info_top` when taller than the screen, with a mark
/// on the lower border for what lies above or below.
fn info(frame: &mut Frame, area: Rect, app: &App, top: usize, theme: &Theme) {
    let s = app.s;
    let w = crate::app::info_width(area.width);
    let all = app.info_lines(w);
    let room = crate::app::info_rows(area.height);
    let top = top.min(all.len().saturating_sub(room));
    let lines: Vec<Line> = all
        .iter()
        .skip(top)
        .take(room)
        .map(|l| {
            if l.title {
                Line::from(Span::styled(l.text.clone(), theme.title))
            } else {
                Line::from(vec![
                    Span::styled(l.head.clone(), theme.dim),
                    Span::raw(l.text.clone()),
                ])
            }
        })
        .collect();
    let h = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    // The body's text reaches both edges, and a box as tall as the screen covers the
    // header and footer rows too: its rows are cleared whole, or pieces of their
    // words and halves of wide characters would show beside it.
    frame.render_widget(Clear, Rect::new(area.x, r.y, area.width, r.height));
    let mut block = Block::default()
        .borders(Borders::ALL)
        .title(s.info_title)
        .border_style(theme.title);
    if top > 0 {
        block = block.title_bottom(Line::from(s.info_more_above).left_aligned());
    }
    if top + room < all.len() {
        block = block.title_bottom(Line::from(s.info_more_below).right_aligned());
    }
    frame.render_widget(Paragraph::new(lines).block(block), r);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_metadata_share_a_row_and_say_when_more_is_behind_i() {
        let meta = "文章 · 栏目 广角 · 作者 宋爽";
        assert_eq!(
            header("红色物业", meta, 76),
            ("红色物业".to_string(), meta.to_string())
        );
        let (title, cut) = header("红色物业 凝聚基层治理合力", meta, 40);
        assert_eq!(title, "红色物业 凝聚基层治理合力");
        assert_eq!(cut, "文章 · … [i]");
        assert!(title.width() + META_GAP.len() + cut.width() <= 40);
        // A title as wide as the row gives way so the mark still shows.
        let long = "党".repeat(40);
        let (title, cut) = header(&long, meta, 40);
        assert!(title.ends_with('…'), "{title}");
        assert!(cut.ends_with("[i]"), "{cut}");
        assert!(title.width() + META_GAP.len() + cut.width() <= 40);
    }
}
