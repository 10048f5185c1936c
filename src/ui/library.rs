//! The library (every unit, searchable) and the review list (错题本).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{footer, header, truncate};
use crate::app::App;
use crate::app::queries;
use crate::core::reading::ReadState;
use crate::core::text::escape_controls;
use crate::core::unit::Kind;

fn split(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Top of a list window that keeps `selected` visible.
#[must_use]
pub fn list_top(selected: usize, height: usize) -> usize {
    if height == 0 {
        return selected;
    }
    selected.saturating_sub(height - 1)
}

/// Draw the library.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, search, list, foot] = split(area);
    header(frame, head, app, theme);
    let v = &app.library_view;
    let search_line = if v.searching || !v.query.is_empty() {
        let cursor = if v.searching { "▏" } else { "" };
        Line::from(vec![
            Span::styled(app.s.search, theme.accent),
            Span::raw(escape_controls(&v.query)),
            Span::styled(cursor, theme.accent),
            Span::styled(format!("  ({})", v.shown.len()), theme.dim),
        ])
    } else {
        Line::from(Span::styled(
            format!("{} · {}", app.s.tabs[1], v.shown.len()),
            theme.dim,
        ))
    };
    frame.render_widget(Paragraph::new(search_line), search);

    let height = usize::from(list.height);
    let top = list_top(v.selected, height);
    let width = usize::from(list.width);
    let mut lines = Vec::with_capacity(height);
    for (row, idx) in v.shown.iter().enumerate().skip(top).take(height) {
        let Some(id) = v.order.get(*idx) else {
            continue;
        };
        let Some(u) = app.library.get(id) else {
            continue;
        };
        let kind = match u.kind {
            Kind::Article => app.s.kinds[0],
            Kind::Constitution => app.s.kinds[1],
            Kind::Brief => app.s.kinds[2],
        };
        let rs = queries::read_state(app, id);
        let style = match rs {
            ReadState::Counted => theme.good,
            ReadState::Unread => theme.dim,
            _ => theme.accent,
        };
        let state = (app.s.read_state(rs), style);
        let mark = if app.is_assigned(id) { "★" } else { " " };
        let kind_cell = format!(
            "{mark}{kind}{}",
            " ".repeat(6usize.saturating_sub(kind.width()))
        );
        let state_cell = format!("{:>5} ", state.0);
        let col = u
            .column
            .as_deref()
            .map(|c| format!("  〔{}〕", escape_controls(c)))
            .unwrap_or_default();
        let avail = width.saturating_sub(kind_cell.width() + state_cell.width() + 1);
        let title = truncate(&format!("{}{col}", escape_controls(&u.title)), avail);
        let mut line = Line::from(vec![
            Span::styled(kind_cell, theme.dim),
            Span::styled(state_cell, state.1),
            Span::raw(title),
        ]);
        if row == v.selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
    }
    if v.shown.is_empty() {
        lines.push(Line::from(Span::styled(app.s.no_match, theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), list);
    footer(frame, foot, app, theme);
}

/// Draw the review list.
pub fn draw_review(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, title, list, foot] = split(area);
    header(frame, head, app, theme);
    // The last list row explains the marks, once there is a card to explain.
    let [list, legend] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(list);
    let cards = app.review_cards();
    if !cards.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(app.s.review_legend, usize::from(legend.width)),
                theme.dim,
            )),
            legend,
        );
    }
    let due = cards.iter().filter(|(_, d)| *d).count();
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!("{} · {due} / {}", app.s.due_today, cards.len()),
            theme.dim,
        )),
        title,
    );
    let height = usize::from(list.height);
    let top = list_top(app.review.selected, height);
    let mut lines = Vec::new();
    for (row, (key, is_due)) in cards.iter().enumerate().skip(top).take(height) {
        let Some((u, q)) = key.split_once('/') else {
            continue;
        };
        let Some(unit) = app.library.get(u) else {
            continue;
        };
        let Some(question) = unit.question(q) else {
            continue;
        };
        let card = app.state.reviews.get(key);
        let lapses = card.map_or(0, |c| c.lapses);
        let when = if *is_due {
            "  ● ".to_string()
        } else {
            format!("{} ", card.map_or("", |c| c.due.get(5..).unwrap_or(&c.due)))
        };
        let text = format!(
            "{when}✗{lapses} {} — {}",
            escape_controls(&question.prompt),
            escape_controls(&unit.title)
        );
        let style = if *is_due { theme.accent } else { theme.dim };
        let mut line = Line::from(Span::styled(
            truncate(&text, usize::from(list.width)),
            style,
        ));
        if row == app.review.selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
    }
    if cards.is_empty() {
        lines.push(Line::from(Span::styled(app.s.review_empty, theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines), list);
    footer(frame, foot, app, theme);
}
