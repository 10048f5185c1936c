//! The reading chart on 本月: minutes read per day of the cycle, one column a day,
//! with its scale, its days and today's and the cycle's totals written out.
//!
//! Bars are drawn with block characters in the foreground, never with reverse video,
//! so the chart reads the same with and without colour (`NO_COLOR`, `theme = "mono"`).

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::truncate;
use crate::strings::Strings;

/// Tallest the bars get, in rows: more height adds nothing a member can read.
pub const MAX_BAR_ROWS: u16 = 8;

/// Block characters for one to eight eighths of a cell, bottom up.
const EIGHTHS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Top of the chart's scale in minutes: half an hour at least, else the busiest day
/// rounded up to a whole half hour, so a one-minute day stays a sliver.
///
/// ```
/// use dangxue::ui::chart::scale_top;
/// assert_eq!(scale_top(0), 30);
/// assert_eq!(scale_top(1), 30);
/// assert_eq!(scale_top(30), 30);
/// assert_eq!(scale_top(31), 60);
/// assert_eq!(scale_top(95), 120);
/// ```
#[must_use]
pub fn scale_top(max_minutes: u64) -> u64 {
    max_minutes.div_ceil(30).max(1) * 30
}

/// Eighths of a cell a day's bar fills, out of `rows * 8`: any reading at all shows
/// as at least one eighth, and nothing above the scale's top.
#[must_use]
pub fn bar_eighths(seconds: u64, top_minutes: u64, rows: u16) -> u64 {
    if seconds == 0 {
        return 0;
    }
    let full = u64::from(rows) * 8;
    let top_seconds = top_minutes.max(1) * 60;
    // Rounded to the nearest eighth.
    let e = (seconds * full * 2 + top_seconds) / (top_seconds * 2);
    e.clamp(1, full)
}

/// The character of a bar in the cell `row` rows above the baseline (0 = bottom).
fn cell(eighths: u64, row: u16) -> char {
    let below = u64::from(row) * 8;
    match eighths.saturating_sub(below) {
        0 => ' ',
        n => EIGHTHS[usize::try_from(n.min(8) - 1).unwrap_or(7)],
    }
}

/// The days the chart has room for: the cycle's days, or, when there are more than
/// `columns`, the window of that many ending today (or starting the cycle).
#[must_use]
pub fn window(days: &[(Date, u64)], today: Date, columns: usize) -> &[(Date, u64)] {
    if days.len() <= columns {
        return days;
    }
    let today_at = days.iter().position(|(d, _)| *d == today).unwrap_or(0);
    let start = (today_at + 1).saturating_sub(columns);
    &days[start..start + columns]
}

/// Day-of-month labels under the columns: today's first, then the first and last
/// day shown, then every fifth day, each where it does not touch another.
fn day_labels(shown: &[(Date, u64)], today: Date) -> Vec<(usize, String, bool)> {
    let mut wanted: Vec<usize> = Vec::new();
    if let Some(t) = shown.iter().position(|(d, _)| *d == today) {
        wanted.push(t);
    }
    wanted.push(0);
    wanted.push(shown.len().saturating_sub(1));
    wanted.extend(
        shown
            .iter()
            .enumerate()
            .filter(|(_, (d, _))| d.day() % 5 == 0)
            .map(|(i, _)| i),
    );
    let mut placed: Vec<(usize, String, bool)> = Vec::new();
    for i in wanted {
        let Some((d, _)) = shown.get(i) else { continue };
        let text = d.day().to_string();
        // A label that would run past the last column ends at it instead.
        let from = i.min(shown.len().saturating_sub(text.len()));
        let to = from + text.len();
        let clear = placed.iter().all(|(x, t, _)| to < *x || from > x + t.len());
        if clear && to <= shown.len() {
            placed.push((from, text, *d == today));
        }
    }
    placed.sort_by_key(|(x, _, _)| *x);
    placed
}

/// Draw the chart of `days` (the cycle's days with their reading seconds) in `area`.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    s: &Strings,
    days: &[(Date, u64)],
    today: Date,
    theme: &Theme,
) {
    if area.height == 0 || area.width < 8 {
        return;
    }
    let width = usize::from(area.width);
    let row = |y: u16| Rect::new(area.x, area.y + y, area.width, 1);
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(s.chart, width), theme.title)),
        row(0),
    );
    let today_secs = days
        .iter()
        .find(|(d, _)| *d == today)
        .map_or(0, |(_, v)| *v);
    let total: u64 = days.iter().map(|(_, v)| v).sum();
    let summary = truncate(&s.chart_totals(today_secs / 60, total / 60), width);
    // Title, summary and the day labels take three rows; bars need two at least.
    if area.height < 5 {
        if area.height >= 2 {
            frame.render_widget(
                Paragraph::new(Span::styled(summary, theme.dim)),
                row(area.height - 1),
            );
        }
        return;
    }
    let bar_rows = (area.height - 3).min(MAX_BAR_ROWS);
    let max_minutes = days.iter().map(|(_, v)| v.div_ceil(60)).max().unwrap_or(0);
    let top = scale_top(max_minutes);
    let top_label = top.to_string();
    let axis_w = top_label.len();
    let columns = width.saturating_sub(axis_w + 1);
    let shown = window(days, today, columns);
    let heights: Vec<u64> = shown
        .iter()
        .map(|(_, v)| bar_eighths(*v, top, bar_rows))
        .collect();
    let mut lines = Vec::with_capacity(usize::from(bar_rows) + 2);
    for r in (0..bar_rows).rev() {
        let label = if r == bar_rows - 1 {
            format!("{top_label:>axis_w$}┤")
        } else if r == 0 {
            format!("{:>axis_w$}┤", 0)
        } else {
            format!("{:>axis_w$}│", "")
        };
        let mut spans = vec![Span::styled(label, theme.dim)];
        let bars: String = heights.iter().map(|h| cell(*h, r)).collect();
        spans.push(Span::styled(bars, theme.bar));
        lines.push(Line::from(spans));
    }
    let mut under = vec![Span::raw(" ".repeat(axis_w + 1))];
    let mut at = 0;
    for (x, text, is_today) in day_labels(shown, today) {
        under.push(Span::raw(" ".repeat(x - at)));
        at = x + text.len();
        under.push(Span::styled(
            text,
            if is_today { theme.accent } else { theme.dim },
        ));
    }
    lines.push(Line::from(under));
    lines.push(Line::from(Span::styled(summary, theme.dim)));
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(area.x, area.y + 1, area.width, bar_rows + 2),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: i8) -> Date {
        Date::new(2026, 11, day).expect("date")
    }

    #[test]
    fn one_minute_is_a_sliver_not_a_full_bar() {
        let e = bar_eighths(60, scale_top(1), 8);
        assert_eq!(e, 2, "1 of 30 minutes over 64 eighths");
        assert_eq!(cell(e, 0), '▂');
        assert_eq!(cell(e, 1), ' ');
    }

    #[test]
    fn the_busiest_day_reaches_the_top_of_a_rounded_scale() {
        let top = scale_top(45);
        assert_eq!(top, 60);
        assert_eq!(bar_eighths(60 * 60, top, 8), 64);
        assert_eq!(bar_eighths(45 * 60, top, 8), 48);
        assert_eq!(bar_eighths(1, top, 8), 1, "a few seconds still show");
        assert_eq!(bar_eighths(0, top, 8), 0);
    }

    #[test]
    fn a_long_cycle_shows_the_window_ending_today() {
        let days: Vec<(Date, u64)> = (1..=30).map(|i| (d(i), 0)).collect();
        let w = window(&days, d(25), 21);
        assert_eq!(w.len(), 21);
        assert_eq!(w.last().map(|x| x.0), Some(d(25)));
        let w = window(&days, d(3), 21);
        assert_eq!(w.first().map(|x| x.0), Some(d(1)));
        assert_eq!(window(&days, d(3), 40).len(), 30);
    }

    #[test]
    fn day_labels_never_touch() {
        let days: Vec<(Date, u64)> = (1..=30).map(|i| (d(i), 0)).collect();
        let labels = day_labels(&days, d(11));
        assert!(labels.iter().any(|(_, t, today)| t == "11" && *today));
        assert!(labels.iter().any(|(x, t, _)| *x == 0 && t == "1"));
        for pair in labels.windows(2) {
            assert!(pair[0].0 + pair[0].1.len() < pair[1].0, "{labels:?}");
        }
    }
}
