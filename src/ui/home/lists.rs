//! The lists on 本月: the cycle's units with their read states, the cards due today
//! and the latest bookmarks and notes.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::parts::Summary;
use crate::app::App;
use crate::app::today::CycleUnit;
use crate::core::reading::ReadState;
use crate::core::text::escape_controls;
use crate::strings::Strings;
use crate::ui::theme::Theme;
use crate::ui::truncate;

/// What else is waiting, in at most `rows` rows: the cards due today with their
/// questions, and the latest bookmarks and notes.
pub(super) fn extras(app: &App, w: u16, rows: usize, theme: &Theme) -> Vec<Line<'static>> {
    let s = app.s;
    let width = usize::from(w);
    let due = app.due_reviews();
    let mut out = vec![Line::from(vec![
        Span::styled(s.labelled(s.due_today, ""), theme.title),
        Span::styled(
            due.len().to_string(),
            if due.is_empty() {
                theme.dim
            } else {
                theme.accent
            },
        ),
    ])];
    let prompt = |key: &str| {
        let (unit, q) = key.split_once('/')?;
        let p = &app.library.get(unit)?.question(q)?.prompt;
        Some(crate::core::text::one_line(&escape_controls(p)))
    };
    // Half the rows left for the cards, the rest for the marks.
    let card_rows = rows.saturating_sub(1) / 2;
    for key in due.iter().take(card_rows) {
        if let Some(p) = prompt(key) {
            out.push(Line::from(Span::styled(
                format!("  · {}", truncate(&p, width.saturating_sub(4))),
                theme.dim,
            )));
        }
    }
    let mut marks: Vec<&crate::core::state::Mark> = app.state.marks.values().collect();
    if !marks.is_empty() && out.len() + 3 <= rows {
        // The latest first; a mark without a time (an old file) last.
        marks.sort_by_key(|m| {
            std::cmp::Reverse(m.created.as_ref().and_then(crate::core::regime::instant))
        });
        out.push(Line::default());
        out.push(Line::from(vec![
            Span::styled(s.marks_title.to_string(), theme.title),
            Span::styled("  '", theme.dim),
        ]));
        for m in marks.iter().take(rows.saturating_sub(out.len())) {
            let what = if m.note.is_empty() {
                s.quoted(&m.quote)
            } else {
                format!("{} {}", s.quoted(&m.quote), m.note)
            };
            out.push(Line::from(Span::styled(
                format!(
                    "  · {}",
                    truncate(
                        &crate::core::text::one_line(&escape_controls(&what)),
                        width.saturating_sub(4)
                    )
                ),
                theme.dim,
            )));
        }
    }
    out.truncate(rows);
    out
}

/// The mark of a unit's read state in the list.
fn state_mark(state: ReadState, theme: &Theme) -> Span<'static> {
    match state {
        ReadState::Counted => Span::styled("✓", theme.good),
        ReadState::Reading { .. } | ReadState::NeedsTime { .. } => Span::styled("◐", theme.accent),
        ReadState::OutsidePlan => Span::styled("○", theme.dim),
        ReadState::Unread => Span::styled("·", theme.dim),
    }
}

/// The cycle's units in at most `rows` rows: a heading with how many count, then one
/// row per unit with its read state at the right; a list cut short ends with how many
/// more there are.
pub(super) fn units_lines(
    app: &App,
    units: &[CycleUnit],
    p: &Summary,
    w: u16,
    rows: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let s: &Strings = app.s;
    let width = usize::from(w);
    let counted = units.iter().filter(|u| u.state.is_counted()).count();
    let mut out = vec![Line::from(vec![
        Span::styled(s.home.units_title.to_string(), theme.title),
        Span::styled(
            format!("  {}", s.counted_of(counted, p.units_needed)),
            theme.dim,
        ),
    ])];
    if units.is_empty() {
        out.extend(crate::ui::wrapped(s.home.no_units_yet, w, theme.dim));
        out.truncate(rows);
        return out;
    }
    let room = rows.saturating_sub(1);
    let cut = units.len() > room;
    let shown = if cut {
        room.saturating_sub(1)
    } else {
        units.len()
    };
    // With room for two rows a unit, the second says what it still needs.
    let detailed = !cut && rows > 2 * units.len();
    for u in &units[..shown] {
        let state = s.read_state(u.state);
        let state_w = state.width();
        let title_w = width.saturating_sub(2 + 2 + state_w);
        let title = truncate(&u.title, title_w);
        let pad = width.saturating_sub(2 + title.width() + state_w);
        let style = if u.state.is_counted() {
            theme.good
        } else {
            theme.dim
        };
        out.push(Line::from(vec![
            state_mark(u.state, theme),
            Span::raw(" "),
            Span::styled(title, theme.text),
            Span::raw(" ".repeat(pad)),
            Span::styled(state, style),
        ]));
        if detailed {
            let detail = match (u.state, u.finished) {
                (ReadState::Counted, Some(day)) => format!("{} {day}", s.history_finished),
                (ReadState::Counted, None) => String::new(),
                _ => s.still_needs(u.state, u.seconds_left),
            };
            out.push(Line::from(Span::styled(
                format!("    {}", truncate(&detail, width.saturating_sub(4))),
                theme.dim,
            )));
        }
    }
    if cut && room > 0 {
        out.push(Line::from(Span::styled(
            format!("  {}", s.more_units(units.len() - shown)),
            theme.dim,
        )));
    }
    out.truncate(rows.max(1));
    out
}
