//! 本月: the start of a day's study. The cycle's days and the plan's words, the unit to
//! go on with (one key away) and what it still needs, 月读/月讲/月学 with their gauges,
//! the cycle's units with their read states, and the calendar and chart beside them.
//!
//! The column is filled from blocks of lines; when it is short, the blocks that matter
//! least (blank rows, the note, the gauges) are left out first, so 40x12 still shows
//! the unit to continue and the three parts.

mod lists;
mod parts;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{footer, hanging, header, truncate};
use crate::app::App;
use crate::app::queries as progress;
use crate::app::today;
use crate::core::reading::ReadState;
use crate::core::text::escape_controls;
use lists::{extras, units_lines};
use parts::{Summary, part_blocks};

/// A run of lines and how readily it is left out when the column is short: 0 never,
/// higher numbers first.
pub(super) struct Block {
    lines: Vec<Line<'static>>,
    drop: u8,
}

pub(super) fn block(drop: u8, lines: Vec<Line<'static>>) -> Block {
    Block { lines, drop }
}

pub(super) fn blank(drop: u8) -> Block {
    block(drop, vec![Line::default()])
}

/// The blocks that fit in `height` rows, the most droppable left out first (the later
/// of equals first).
fn fit(mut blocks: Vec<Block>, height: usize) -> Vec<Line<'static>> {
    loop {
        let total: usize = blocks.iter().map(|b| b.lines.len()).sum();
        if total <= height {
            break;
        }
        let Some(i) = blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.drop > 0)
            .max_by_key(|(i, b)| (b.drop, *i))
            .map(|(i, _)| i)
        else {
            break;
        };
        blocks.remove(i);
    }
    blocks
        .into_iter()
        .flat_map(|b| b.lines)
        .take(height)
        .collect()
}

/// The width of the calendar-and-chart column, the units column and the main column
/// for a body `width` columns wide.
fn columns(width: u16) -> (u16, bool) {
    let side = match width {
        110.. => 40,
        70.. => 24,
        _ => 0,
    };
    (side, width >= 150)
}

/// Draw the home screen.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    header(frame, head, app, theme);
    footer(frame, foot, app, theme);
    let Some(a) = progress::assessment(app) else {
        return;
    };
    let p = Summary::of(&a);
    let (side_w, units_apart) = columns(body.width);
    let [rest, side] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_w)]).areas(body);
    let (main, units_col) = if units_apart {
        let [m, u] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(rest);
        (m, Some(u))
    } else {
        (rest, None)
    };
    // One blank row above and a column's margin either side.
    let inner = |r: Rect| {
        Rect::new(
            r.x + 1,
            r.y + 1,
            r.width.saturating_sub(2),
            r.height.saturating_sub(1),
        )
    };
    let main = inner(main);
    let w = main.width;
    let compact = main.height < 16;
    let mut blocks = cycle_blocks(app, w, theme);
    blocks.push(blank(6));
    blocks.extend(continue_blocks(app, w, theme));
    blocks.push(blank(6));
    blocks.extend(part_blocks(app, &p, w, main.height, theme));
    let units = today::cycle_units(app);
    if let Some(col) = units_col {
        let col = inner(col);
        let rows = usize::from(col.height);
        let mut lines = units_lines(app, &units, &p, col.width, rows.saturating_sub(3), theme);
        lines.push(Line::default());
        lines.extend(extras(
            app,
            col.width,
            rows.saturating_sub(lines.len()),
            theme,
        ));
        frame.render_widget(Paragraph::new(lines), col);
        frame.render_widget(Paragraph::new(fit(blocks, usize::from(main.height))), main);
    } else {
        // The units take what the rest leaves; on a screen of some height, at least
        // their heading and three rows.
        let height = usize::from(main.height);
        let reserve = if compact {
            0
        } else {
            // A blank row, the heading, three units and the "more" row.
            2 + units.len().clamp(1, 3) + usize::from(units.len() > 3)
        };
        let mut lines = fit(blocks, height.saturating_sub(reserve));
        let room = height.saturating_sub(lines.len() + 1);
        if room >= 2 {
            lines.push(Line::default());
            // The count of cards due is also on the 错题本 tab: the units come first.
            let n = units.len().max(1);
            let list = if room >= 2 * n + 1 + 4 {
                2 * n + 1
            } else if room >= n + 1 + 2 {
                n + 1
            } else {
                room
            };
            lines.extend(units_lines(app, &units, &p, w, list, theme));
            let rest = height.saturating_sub(lines.len() + 1);
            if rest >= 1 {
                lines.push(Line::default());
                lines.extend(extras(app, w, rest, theme));
            }
        }
        frame.render_widget(Paragraph::new(lines), main);
    }
    if side_w > 0 {
        super::calendar::draw(frame, side, app, theme);
    }
}

/// The cycle's span and days left, the plan's due date, the branch and theme, and the
/// secretary's note.
fn cycle_blocks(app: &App, w: u16, theme: &Theme) -> Vec<Block> {
    let s = app.s;
    let width = usize::from(w);
    let d = today::days(app);
    let label = format!("{}  ", s.home.cycle);
    let span = s.days_left(d.first, d.last, d.left);
    let mut out = Vec::new();
    let due = d.due.map(|(date, days)| {
        let style = if days <= 3 { theme.accent } else { theme.text };
        Span::styled(s.due_in(date, days), style)
    });
    let one = label.width() + span.width() + due.as_ref().map_or(0, |d| d.content.width() + 3);
    let mut first = vec![
        Span::styled(label.clone(), theme.title),
        Span::raw(truncate(&span, width.saturating_sub(label.width()))),
    ];
    match due {
        Some(due) if one <= width => {
            first.push(Span::styled(" · ", theme.dim));
            first.push(due);
            out.push(block(0, vec![Line::from(first)]));
        }
        Some(due) => {
            out.push(block(0, vec![Line::from(first)]));
            let indent = " ".repeat(label.width());
            let text = truncate(&due.content, width.saturating_sub(indent.width()));
            out.push(block(
                2,
                vec![Line::from(vec![
                    Span::raw(indent),
                    Span::styled(text, due.style),
                ])],
            ));
        }
        None => out.push(block(0, vec![Line::from(first)])),
    }
    let mut words = Vec::new();
    if let Some(b) = today::branch(app) {
        words.push(escape_controls(b));
    }
    if let Some(t) = &app.plan.theme {
        words.push(s.labelled(s.theme, &escape_controls(t)));
    }
    if !words.is_empty() {
        out.push(block(
            3,
            vec![Line::from(Span::styled(
                truncate(&words.join(" · "), width),
                theme.text,
            ))],
        ));
    }
    if let Some(n) = today::note(app) {
        let prefix = s.labelled(s.home.note, "");
        let mut lines = hanging(
            &prefix,
            theme.title,
            &crate::core::text::one_line(&escape_controls(n)),
            theme.text,
            w,
        );
        lines.truncate(3);
        out.push(block(4, lines));
    }
    out
}

/// 继续阅读: the unit, its place and what it still needs; or what to do when there is
/// none.
fn continue_blocks(app: &App, w: u16, theme: &Theme) -> Vec<Block> {
    let s = app.s;
    let width = usize::from(w);
    let Some(c) = today::continue_reading(app) else {
        let all_read = app.plan.units.as_ref().is_some_and(|u| {
            u.iter()
                .all(|id| progress::read_state(app, id).is_counted())
        });
        let (text, style) = if all_read {
            (s.home.all_read, theme.good)
        } else if today::last_opened(app).is_some() {
            (s.home.pick_next, theme.text)
        } else {
            (s.home.nothing_read, theme.text)
        };
        return vec![block(0, super::wrapped(text, w, style))];
    };
    let heading = if c.resumed {
        s.home.continue_title
    } else {
        s.home.next_title
    };
    let key = "  Enter";
    let mut out = vec![block(
        0,
        vec![
            Line::from(vec![
                Span::styled(heading.to_string(), theme.title),
                Span::styled(key, theme.dim),
            ]),
            Line::from(Span::styled(
                format!("  {}", truncate(&c.title, width.saturating_sub(2))),
                theme.accent.add_modifier(Modifier::BOLD),
            )),
        ],
    )];
    let place = match (c.state, c.passage.is_empty()) {
        (ReadState::Unread, true) => s.home.at_start.to_string(),
        (_, true) => s.read_share(c.read_percent),
        (_, false) => format!(
            "{} · {}",
            s.read_share(c.read_percent),
            s.last_at(&c.passage)
        ),
    };
    out.push(block(
        2,
        vec![Line::from(Span::styled(
            format!("  {}", truncate(&place, width.saturating_sub(2))),
            theme.dim,
        ))],
    ));
    let needs = s.still_needs(c.state, c.seconds_left);
    let style = if c.state.is_counted() {
        theme.good
    } else {
        theme.text
    };
    out.push(block(
        0,
        vec![Line::from(Span::styled(
            format!("  {}", truncate(&needs, width.saturating_sub(2))),
            style,
        ))],
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(n: usize) -> Vec<Line<'static>> {
        (0..n).map(|i| Line::from(i.to_string())).collect()
    }

    #[test]
    fn a_short_column_leaves_out_the_most_droppable_blocks_first() {
        let blocks = || {
            vec![
                block(0, lines(2)),
                blank(6),
                block(3, lines(1)),
                block(0, lines(3)),
                blank(6),
                block(3, lines(1)),
            ]
        };
        assert_eq!(fit(blocks(), 9).len(), 9, "everything fits");
        // Both blanks go before either 3, the later 3 before the earlier.
        let text =
            |l: Vec<Line<'static>>| -> Vec<String> { l.iter().map(ToString::to_string).collect() };
        assert_eq!(text(fit(blocks(), 6)), ["0", "1", "0", "0", "1", "2"]);
        assert_eq!(text(fit(blocks(), 5)), ["0", "1", "0", "1", "2"]);
        // The blocks that are never left out are cut, not lost silently above.
        assert_eq!(fit(blocks(), 3).len(), 3);
    }

    #[test]
    fn columns_follow_the_width() {
        assert_eq!(columns(40), (0, false));
        assert_eq!(columns(80), (24, false));
        assert_eq!(columns(120), (40, false));
        assert_eq!(columns(200), (40, true));
    }
}
