//! The library (every unit, searchable) and the review list (错题本).

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{footer, header, marked_spans, truncate};
use crate::app::App;
use crate::app::queries;
use crate::core::reading::ReadState;
use crate::core::search::{Query, snippet};
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

/// Rows a library entry takes: one, or two with a snippet line.
fn row_height(app: &App, row: usize) -> usize {
    1 + usize::from(app.library_view.hits.get(row).is_some_and(Option::is_some))
}

/// The first row to draw so that the selected row and its snippet line are in view.
fn first_row(app: &App, height: usize) -> usize {
    let sel = app.library_view.selected;
    let mut top = sel;
    let mut used = row_height(app, sel);
    while top > 0 && used + row_height(app, top - 1) <= height {
        used += row_height(app, top - 1);
        top -= 1;
    }
    top
}

/// The label of a kind.
#[must_use]
pub fn kind_label(app: &App, kind: Kind) -> &'static str {
    app.s.kinds.of(kind)
}

/// The second line: search or position, and the filters that are on.
fn status_line<'a>(app: &'a App, theme: &Theme) -> Line<'a> {
    let v = &app.library_view;
    if app.loading {
        // No position or count: they would change once every file is read.
        return Line::from(Span::styled(
            format!("{} · {}", app.s.tabs.library, app.s.library_loading),
            theme.dim,
        ));
    }
    let pos = if v.shown.is_empty() {
        format!("0/{}", app.library.len())
    } else {
        format!("{}/{}", v.selected + 1, v.shown.len())
    };
    let mut spans = if v.searching || !v.query.is_empty() {
        let cursor = if v.searching { "▏" } else { "" };
        vec![
            Span::styled(app.s.search, theme.accent),
            Span::raw(escape_controls(&v.query)),
            Span::styled(cursor, theme.accent),
            Span::styled(format!("  {pos}"), theme.dim),
        ]
    } else {
        vec![Span::styled(
            format!("{} · {pos}", app.s.tabs.library),
            theme.dim,
        )]
    };
    let f = v.filter;
    let mut on = Vec::new();
    if f.unread {
        on.push(app.s.unread.to_string());
    }
    if let Some(k) = f.kind {
        on.push(kind_label(app, k).to_string());
    }
    if f.plan {
        on.push(app.s.plan_only.to_string());
    }
    if !on.is_empty() {
        spans.push(Span::styled(
            format!("  {}: {}", app.s.filter, on.join(" · ")),
            theme.accent,
        ));
    }
    Line::from(spans)
}

/// Draw the library.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, search, list, foot] = split(area);
    header(frame, head, app, theme);
    let v = &app.library_view;
    frame.render_widget(Paragraph::new(status_line(app, theme)), search);

    let height = usize::from(list.height);
    let top = first_row(app, height);
    let width = usize::from(list.width);
    let query = Query::parse(&v.query);
    // Columns as wide as their widest label, so English labels never run together.
    let kind_w = app
        .s
        .kinds
        .all()
        .iter()
        .map(|k| k.width())
        .max()
        .unwrap_or(4)
        + 1;
    // The state column is as wide as the widest state in view.
    let state_w = v
        .shown
        .iter()
        .skip(top)
        .take(height)
        .filter_map(|i| v.order.get(*i))
        .map(|id| app.s.read_state(queries::read_state(app, id)).width())
        .chain([app.s.unread.width(), 4])
        .max()
        .unwrap_or(4);
    let mut lines = Vec::with_capacity(height);
    for (row, idx) in v.shown.iter().enumerate().skip(top) {
        if lines.len() >= height {
            break;
        }
        let Some(id) = v.order.get(*idx) else {
            continue;
        };
        let Some(u) = app.library.meta(id) else {
            continue;
        };
        let kind = kind_label(app, u.kind);
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
            " ".repeat(kind_w.saturating_sub(kind.width()))
        );
        let state_cell = format!(
            "{}{} ",
            " ".repeat(state_w.saturating_sub(state.0.width())),
            state.0
        );
        let col = u
            .column
            .as_deref()
            .map(|c| format!("  〔{}〕", escape_controls(c)))
            .unwrap_or_default();
        let same = if v.same_titles.contains(&u.title) {
            format!("  [{id}]")
        } else {
            String::new()
        };
        let avail = width.saturating_sub(kind_cell.width() + state_cell.width());
        let title = escape_controls(&u.title);
        // The id goes before the column when the row is too narrow for both, since
        // it is what tells two equal titles apart.
        let shown_title = if same.is_empty() {
            truncate(&format!("{title}{col}"), avail)
        } else {
            truncate(&format!("{title}{same}{col}"), avail)
        };
        let marked = query.highlights(&shown_title);
        let mut spans = vec![
            Span::styled(kind_cell.clone(), theme.dim),
            Span::styled(state_cell, state.1),
        ];
        spans.extend(marked_spans(
            &shown_title,
            &marked,
            Style::new(),
            theme.found,
        ));
        let mut line = Line::from(spans);
        if row == v.selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
        // The body is read here, for the rows in view only.
        if let Some(Some(at)) = v.hits.get(row)
            && lines.len() < height
            && let Some(u) = app.library.get(id)
        {
            let indent = kind_cell.width() + 1;
            let sn = snippet(
                &u.body,
                at.clone(),
                &query,
                width.saturating_sub(indent + 1),
            );
            let text = escape_controls(&sn.text);
            // Escaping can move bytes; highlight only when it did not.
            let marks = if text == sn.text {
                sn.highlights
            } else {
                Vec::new()
            };
            let mut spans = vec![Span::raw(" ".repeat(indent))];
            spans.extend(marked_spans(&text, &marks, theme.dim, theme.found));
            lines.push(Line::from(spans));
        }
    }
    if app.loading {
        lines.push(Line::from(Span::styled(app.s.library_loading, theme.dim)));
    } else if v.shown.is_empty() {
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
    let all = app.review_cards();
    if !all.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(app.s.review_legend, usize::from(legend.width)),
                theme.dim,
            )),
            legend,
        );
    }
    let is_mastered = |k: &str| {
        app.state
            .reviews
            .get(k)
            .is_some_and(crate::core::review::Card::is_mastered)
    };
    let due = all.iter().filter(|(_, d)| *d).count();
    let mastered = all.iter().filter(|(k, _)| is_mastered(k)).count();
    let words = app.s.review;
    let mut head = format!(
        "{} · {due} / {} · {} {mastered}",
        app.s.due_today,
        all.len(),
        words.mastered
    );
    let shown = match app.review.filter {
        crate::app::ReviewFilter::All => None,
        crate::app::ReviewFilter::Learning => Some((words.learning, words.none_learning)),
        crate::app::ReviewFilter::Mastered => Some((words.mastered, words.none_mastered)),
    };
    if let Some((label, _)) = shown {
        let _ = write!(head, "  {}: {label}", app.s.filter);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&head, usize::from(title.width)),
            theme.dim,
        )),
        title,
    );
    let cards = app.review_list();
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
        let sign = if is_mastered(key) { "✓" } else { " " };
        let text = format!(
            "{when}{sign}✗{lapses} {} — {}",
            escape_controls(&question.prompt),
            escape_controls(&unit.meta.title)
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
        let empty = match shown {
            Some((_, none)) if !all.is_empty() => none,
            _ => app.s.review_empty,
        };
        lines.extend(crate::ui::wrapped(empty, list.width, theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), list);
    footer(frame, foot, app, theme);
}
