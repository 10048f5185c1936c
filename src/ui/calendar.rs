//! 本月's side column: the month's calendar with the days studied, and the reading
//! chart of the cycle below it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::widgets::calendar::{CalendarEventStore, Monthly};

use super::theme::Theme;
use crate::app::App;
use crate::app::queries;
use crate::core::config::Lang;

/// Rows the calendar takes: month, weekdays and six weeks, and a blank row.
pub const CALENDAR_ROWS: u16 = 9;

/// Days of the current month with their reading seconds.
fn month_days(app: &App) -> Vec<(jiff::civil::Date, u64)> {
    let today = app.today();
    let first = today.first_of_month();
    (0..i32::from(today.days_in_month()))
        .filter_map(|i| first.checked_add(jiff::Span::new().days(i)).ok())
        .map(|d| (d, app.state.days.get(&d.to_string()).copied().unwrap_or(0)))
        .collect()
}

fn to_time(d: jiff::civil::Date) -> Option<time::Date> {
    let month = time::Month::try_from(u8::try_from(d.month()).ok()?).ok()?;
    time::Date::from_calendar_date(i32::from(d.year()), month, u8::try_from(d.day()).ok()?).ok()
}

/// Draw the calendar on top of `area` and the chart in the rest.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [cal, chart] =
        Layout::vertical([Constraint::Length(CALENDAR_ROWS), Constraint::Fill(1)]).areas(area);
    month(frame, cal, app, theme);
    let cycle_days: Vec<(jiff::civil::Date, u64)> = queries::cycle(app)
        .days()
        .map(|d| (d, app.state.days.get(&d.to_string()).copied().unwrap_or(0)))
        .collect();
    super::chart::draw(frame, chart, app.s, &cycle_days, app.today(), theme);
}

fn month(frame: &mut Frame, cal: Rect, app: &App, theme: &Theme) {
    let Some(today) = to_time(app.today()) else {
        return;
    };
    // Not `CalendarEventStore::today`: that asks the system zone, and a shared
    // server in UTC would underline the wrong day for a member in Shanghai.
    let mut events = CalendarEventStore::default();
    for (d, secs) in &month_days(app) {
        let Some(t) = to_time(*d) else { continue };
        let studied = *secs > 0;
        let style = match (t == today, studied) {
            (true, true) => theme
                .good
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            (true, false) => theme.accent.add_modifier(Modifier::UNDERLINED),
            (false, true) => theme.good.add_modifier(Modifier::BOLD),
            (false, false) => continue,
        };
        events.add(t, style);
    }
    if app.s.lang == Lang::Zh {
        // The widget's headers are English; draw Chinese ones above it, each
        // weekday in the widget's three-column cells.
        let d = app.today();
        let head = vec![
            Line::from(Span::styled(
                format!("    {}", app.s.month_heading(d.year(), d.month())),
                theme.title,
            )),
            Line::from(Span::styled(app.s.weekdays, theme.dim)),
        ];
        frame.render_widget(Paragraph::new(head), Rect::new(cal.x, cal.y, cal.width, 2));
        let body = Rect::new(cal.x, cal.y + 2, cal.width, cal.height.saturating_sub(2));
        frame.render_widget(
            Monthly::new(today, events).default_style(Style::new()),
            body,
        );
    } else {
        let month = Monthly::new(today, events)
            .show_month_header(theme.title)
            .show_weekdays_header(theme.dim)
            .default_style(Style::new());
        frame.render_widget(month, cal);
    }
}
