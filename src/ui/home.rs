//! 本月: the cycle at a glance.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::calendar::{CalendarEventStore, Monthly};
use ratatui::widgets::{LineGauge, Paragraph};

use super::theme::Theme;
use super::{footer, header, truncate};
use crate::app::App;
use crate::app::queries as progress;
use crate::core::text::escape_controls;

fn ratio(have: usize, need: u32) -> f64 {
    if need == 0 {
        1.0
    } else {
        let have = f64::from(u32::try_from(have).unwrap_or(u32::MAX));
        (have / f64::from(need)).min(1.0)
    }
}

/// Days of the current cycle's month with their reading seconds.
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

/// The numbers the home screen shows, taken from the assessment.
struct Summary {
    units_read: usize,
    units_needed: u32,
    reflection_chars: usize,
    reflection_needed: u32,
    read_done: bool,
    talk_topic: bool,
    outline_chars: usize,
    outline_needed: u32,
    delivered: bool,
    talk_done: bool,
    score: Option<u32>,
    pass_score: u32,
    survey_chars: usize,
    survey_needed: u32,
    study_done: bool,
}

impl Summary {
    fn of(a: &crate::core::completion::Assessment) -> Summary {
        Summary {
            units_read: a.read.units_read.len(),
            units_needed: a.read.units_required,
            reflection_chars: a.read.reflection_chars,
            reflection_needed: a.read.reflection_min,
            read_done: a.read.done,
            talk_topic: a.talk.has_topic,
            outline_chars: a.talk.outline_chars,
            outline_needed: a.talk.outline_min,
            delivered: a.talk.delivered_in_cycle && !a.talk.delivered_in_future,
            talk_done: a.talk.done,
            score: a.score(),
            pass_score: a.study.pass_score,
            survey_chars: a.study.survey_chars,
            survey_needed: a.study.survey_min,
            study_done: a.study.done,
        }
    }
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
    // A wide terminal gets a chart wide enough for every day of a month.
    let right_w = match body.width {
        110.. => 40,
        70.. => 24,
        _ => 0,
    };
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right_w)]).areas(body);
    let Some(a) = progress::assessment(app) else {
        return;
    };
    let p = Summary::of(&a);
    let s = app.s;
    let w = usize::from(left.width.saturating_sub(2));
    let mark = |done: bool| {
        if done {
            Span::styled(format!("✓ {}", s.done), theme.good)
        } else {
            Span::styled(format!("✗ {}", s.not_done), theme.bad)
        }
    };
    let zh = s.lang == crate::core::config::Lang::Zh;
    let mut rows: Vec<(Line, Option<f64>)> = Vec::new();
    // 月读
    let need_units = (p.units_needed as usize).saturating_sub(p.units_read);
    let read_detail = if need_units > 0 {
        format!(
            "{} · {}",
            s.need_units(u32::try_from(need_units).unwrap_or(u32::MAX)),
            s.chars_of(s.fields.reflection, p.reflection_chars, p.reflection_needed)
        )
    } else {
        format!(
            "{}/{} · {}",
            p.units_read,
            p.units_needed,
            s.chars_of(s.fields.reflection, p.reflection_chars, p.reflection_needed)
        )
    };
    rows.push((
        Line::from(vec![
            Span::styled(format!("{}  ", s.parts.read), theme.title),
            mark(p.read_done),
        ]),
        None,
    ));
    rows.push((
        Line::from(format!("  {read_detail}")),
        Some(f64::midpoint(
            ratio(p.units_read, p.units_needed),
            ratio(p.reflection_chars, p.reflection_needed),
        )),
    ));
    // 月讲
    let topic = if p.talk_topic { "✓" } else { "✗" };
    let date = if p.delivered { "✓" } else { "✗" };
    rows.push((
        Line::from(vec![
            Span::styled(format!("{}  ", s.parts.talk), theme.title),
            mark(p.talk_done),
        ]),
        None,
    ));
    rows.push((
        Line::from(format!(
            "  {}{topic} · {} · {}{date}",
            s.fields.topic,
            s.chars_of(s.fields.outline, p.outline_chars, p.outline_needed),
            s.fields.delivered
        )),
        Some(
            (f64::from(u8::from(p.talk_topic))
                + ratio(p.outline_chars, p.outline_needed)
                + f64::from(u8::from(p.delivered)))
                / 3.0,
        ),
    ));
    // 月学
    let open_test = app
        .state
        .cycles
        .get(&app.cycle.to_string())
        .and_then(|c| c.test.as_ref())
        .filter(|t| !t.submitted);
    let test = match (p.score, open_test) {
        (Some(sc), _) => s.score(sc, p.pass_score),
        (None, Some(t)) => s.test_in_progress(
            t.answers
                .iter()
                .filter(|a| !a.given.trim().is_empty())
                .count(),
            t.answers.len(),
        ),
        (None, None) => s.test_not_taken.to_string(),
    };
    rows.push((
        Line::from(vec![
            Span::styled(format!("{}  ", s.parts.study), theme.title),
            mark(p.study_done),
        ]),
        None,
    ));
    let test_ratio = p.score.map_or(0.0, |sc| ratio(sc as usize, p.pass_score));
    rows.push((
        Line::from(format!(
            "  {test} · {}",
            s.chars_of(s.editors.survey, p.survey_chars, p.survey_needed)
        )),
        Some(f64::midpoint(
            test_ratio,
            ratio(p.survey_chars, p.survey_needed),
        )),
    ));

    let mut y = left.y + 1;
    let x = left.x + 1;
    let bottom = left.y + left.height;
    for (line, gauge) in rows {
        if y >= bottom {
            break;
        }
        frame.render_widget(
            Paragraph::new(line),
            Rect::new(x, y, left.width.saturating_sub(2), 1),
        );
        y += 1;
        if let Some(r) = gauge
            && y < bottom
        {
            let g = LineGauge::default()
                .ratio(r.clamp(0.0, 1.0))
                .filled_style(theme.gauge)
                .unfilled_style(theme.dim)
                .label(format!("{:>3}%", (r * 100.0).round()));
            frame.render_widget(
                g,
                Rect::new(x + 2, y, left.width.saturating_sub(4).min(40), 1),
            );
            y += 1;
        }
    }
    let due = app.due_reviews().len();
    let mut extra = vec![Line::from(vec![
        Span::styled(format!("{}: ", s.due_today), theme.title),
        Span::styled(
            due.to_string(),
            if due > 0 { theme.accent } else { theme.dim },
        ),
    ])];
    if let Some(t) = &app.plan.theme {
        extra.push(Line::from(vec![
            Span::styled(format!("{}: ", s.theme), theme.title),
            Span::raw(truncate(&escape_controls(t), w.saturating_sub(8))),
        ]));
    }
    if let Some(units) = &app.plan.units {
        let mut head = format!("{}:", s.plan);
        if let Some(d) = &app.plan.due {
            let _ = write!(head, " ({d})");
        }
        extra.push(Line::from(Span::styled(head, theme.title)));
        for id in units {
            let title = app
                .library
                .get(id)
                .map_or_else(|| id.clone(), |u| escape_controls(&u.title));
            let rs = progress::read_state(app, id);
            let done = rs.is_counted();
            let label = if done {
                String::new()
            } else {
                format!("  {}", s.read_state(rs))
            };
            let label_w = unicode_width::UnicodeWidthStr::width(label.as_str());
            extra.push(Line::from(vec![
                Span::styled(
                    if done { " ✓ " } else { " · " },
                    if done { theme.good } else { theme.dim },
                ),
                Span::raw(truncate(&title, w.saturating_sub(3 + label_w))),
                Span::styled(label, theme.dim),
            ]));
        }
    }
    if y + 1 < bottom {
        frame.render_widget(
            Paragraph::new(extra),
            Rect::new(x, y + 1, left.width.saturating_sub(2), bottom - y - 1),
        );
    }

    if right_w > 0 {
        let [cal, chart] =
            Layout::vertical([Constraint::Length(9), Constraint::Fill(1)]).areas(right);
        let days = month_days(app);
        if let Some(today) = to_time(app.today()) {
            // Not `CalendarEventStore::today`: that asks the system zone, and a shared
            // server in UTC would underline the wrong day for a member in Shanghai.
            let mut events = CalendarEventStore::default();
            for (d, secs) in &days {
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
            if zh {
                // The widget's headers are English; draw Chinese ones above it, each
                // weekday in the widget's three-column cells.
                let d = app.today();
                let head = vec![
                    Line::from(Span::styled(
                        format!("    {}", s.month_heading(d.year(), d.month())),
                        theme.title,
                    )),
                    Line::from(Span::styled(s.weekdays, theme.dim)),
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
        let cycle_days: Vec<(jiff::civil::Date, u64)> = progress::cycle(app)
            .days()
            .map(|d| (d, app.state.days.get(&d.to_string()).copied().unwrap_or(0)))
            .collect();
        super::chart::draw(frame, chart, s, &cycle_days, app.today(), theme);
    }
    footer(frame, foot, app, theme);
}
