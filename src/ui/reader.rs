//! The reader: title, metadata, the laid-out body and a footer with position and time.

use crate::app::keymap;
use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::truncate;
use crate::app::queries;
use crate::app::{App, READER_FOOTER, READER_HEADER};
use crate::core::layout::LineKind;
use crate::core::text::escape_controls;
use crate::core::unit::Kind;

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

/// Draw the reader.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(r) = &app.reader else { return };
    let Some(u) = app.library.get(&r.unit_id) else {
        return;
    };
    let width = usize::from(area.width);
    let title = truncate(&escape_controls(&u.title), width.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(Span::styled(format!(" {title}"), theme.title)),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let kind = match u.kind {
        Kind::Article => app.s.kinds[0],
        Kind::Constitution => app.s.kinds[1],
        Kind::Brief => app.s.kinds[2],
    };
    let mut meta = vec![kind.to_string()];
    if let Some(c) = &u.column {
        meta.push(format!("{} {}", app.s.column, escape_controls(c)));
    }
    if !u.authors.is_empty() {
        meta.push(format!(
            "{} {}",
            app.s.authors,
            escape_controls(&u.authors.join(" "))
        ));
    }
    if let Some(n) = &u.note {
        meta.push(format!("{}: {}", app.s.note, escape_controls(n)));
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&format!(" {}", meta.join(" · ")), width),
            theme.dim,
        )),
        Rect::new(area.x, area.y + 1, area.width, 1),
    );
    frame.render_widget(
        Paragraph::new(Span::styled("─".repeat(width), theme.dim)),
        Rect::new(area.x, area.y + 2, area.width, 1),
    );

    let body = body_area(area);
    let text_width = app.reader_width();
    let margin = (body.width.saturating_sub(text_width)) / 2;
    let text_area = Rect::new(
        body.x + margin,
        body.y,
        text_width.min(body.width),
        body.height,
    );
    let lines: Vec<Line> = r
        .layout
        .lines
        .iter()
        .skip(r.top)
        .take(usize::from(body.height))
        .map(|l| match l.kind {
            LineKind::Heading => Line::from(Span::styled(l.text.as_str(), theme.title)),
            LineKind::Text => Line::from(l.text.as_str()),
            LineKind::Blank => Line::from(""),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);

    let len = r.layout.lines.len();
    let shown = (r.top + usize::from(body.height)).min(len);
    let pct = (shown * 100).checked_div(len).unwrap_or(100);
    let rs = queries::read_state(app, &r.unit_id);
    let spent = queries::cycle_seconds(app, &r.unit_id);
    let need = app.rules.read.min_seconds.saturating_sub(spent);
    let status = format!(
        " {pct:>3}%  {}  ",
        app.s.reader_status(rs, queries::timing(app), spent, need)
    );
    let foot = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(1),
        area.width,
        1,
    );
    match &app.notice {
        Some(n) => frame.render_widget(
            Paragraph::new(Line::from(Span::styled(truncate(n, width), theme.accent))),
            foot,
        ),
        None => {
            let status_w = unicode_width::UnicodeWidthStr::width(status.as_str());
            let hint_w = width.saturating_sub(status_w);
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
        }
    }
}
