//! The list of bookmarks and notes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{footer, header, truncate};
use crate::app::App;
use crate::core::text::escape_controls;

/// Draw the marks list: two lines a mark (the passage and the unit, then the note).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, title, list, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    header(frame, head, app, theme);
    let marks = app.marks_in_order();
    let pos = if marks.is_empty() {
        "0".to_string()
    } else {
        format!("{}/{}", app.marks.selected + 1, marks.len())
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!("{} · {pos}", app.s.marks_title),
            theme.dim,
        )),
        title,
    );
    let width = usize::from(list.width);
    let per_screen = (usize::from(list.height) / 2).max(1);
    let top = app.marks.selected.saturating_sub(per_screen - 1);
    let mut lines = Vec::new();
    for (row, m) in marks.iter().enumerate().skip(top).take(per_screen) {
        let unit = app
            .library
            .get(&m.unit)
            .map_or_else(|| m.unit.clone(), |u| escape_controls(&u.meta.title));
        let quote = format!("   「{}」", escape_controls(&m.quote));
        let what = if m.note.trim().is_empty() {
            Span::styled(format!("  {}", app.s.bookmark), theme.dim)
        } else {
            let one = escape_controls(&m.note.replace('\n', " / "));
            Span::styled(format!("  ✎ {one}"), theme.accent)
        };
        // The unit's title takes at most half the row; the note gets the rest.
        let title = truncate(&format!(" {unit}"), width / 2);
        let note_w = width.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()));
        let what = Span::styled(truncate(&what.content, note_w), what.style);
        let first = Line::from(vec![Span::styled(title, theme.title), what]);
        let second = Line::from(Span::styled(truncate(&quote, width), theme.dim));
        let mut a = first;
        let mut b = second;
        if row == app.marks.selected {
            a = a.style(theme.selected);
            b = b.style(theme.selected);
        }
        lines.push(a);
        lines.push(b);
    }
    if marks.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(app.s.marks_empty, width),
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), list);
    footer(frame, foot, app, theme);
}
