//! 往期: every past cycle with its 月读/月讲/月学 and score, and one cycle's evidence.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::library::list_top;
use super::theme::Theme;
use super::{footer, header, truncate};
use crate::app::App;
use crate::app::queries::{Tone, evidence, past_cycle, past_cycles};

/// Draw the history list, or the open cycle's evidence.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, title, body, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    header(frame, head, app, theme);
    footer(frame, foot, app, theme);
    let s = app.s;
    let width = usize::from(area.width);
    let cycles = past_cycles(app);
    let open = app.history.open.and_then(|c| past_cycle(app, &c));
    if let Some(p) = open {
        let mut lines: Vec<Line> = Vec::new();
        for (tone, text) in evidence(app, &p) {
            let style = match tone {
                Tone::Heading => theme.title,
                Tone::Good => theme.good,
                Tone::Bad => theme.bad,
                Tone::Text => theme.text,
                Tone::Dim => theme.dim,
            };
            let (indent, rest) = split_indent(&text);
            lines.extend(super::hanging(indent, style, rest, style, area.width));
        }
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&format!("{} · {}", s.history_title, p.cycle), width),
                theme.dim,
            )),
            title,
        );
        let visible: Vec<Line> = lines
            .into_iter()
            .skip(app.history.top)
            .take(usize::from(body.height))
            .collect();
        frame.render_widget(Paragraph::new(visible), body);
        return;
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(
                &format!(
                    "{} · {}/{}",
                    s.history_title,
                    (app.history.selected + 1).min(cycles.len()),
                    cycles.len()
                ),
                width,
            ),
            theme.dim,
        )),
        title,
    );
    if cycles.is_empty() {
        frame.render_widget(
            Paragraph::new(super::wrapped(s.history_empty, area.width, theme.dim)),
            body,
        );
        return;
    }
    let height = usize::from(body.height);
    let top = list_top(app.history.selected, height);
    let mut lines = Vec::new();
    for (row, c) in cycles.iter().enumerate().skip(top).take(height) {
        let Some(p) = past_cycle(app, c) else {
            continue;
        };
        let a = &p.assessment;
        let part = |label: &str, done: bool| {
            Span::styled(
                format!("{} {}  ", label, if done { "✓" } else { "✗" }),
                if done { theme.good } else { theme.bad },
            )
        };
        let score = match a.score() {
            Some(sc) => s.score(sc, a.study.pass_score),
            None => s.test_not_taken.to_string(),
        };
        let mut line = Line::from(vec![
            Span::raw(format!("{:<9}", c.to_string())),
            part(s.parts.read, a.read.done),
            part(s.parts.talk, a.talk.done),
            part(s.parts.study, a.study.done),
            Span::styled(score, theme.dim),
        ]);
        if row == app.history.selected {
            line = line.style(theme.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// A line's leading spaces and the rest: the spaces indent every wrapped row.
#[must_use]
pub fn split_indent(line: &str) -> (&str, &str) {
    let rest = line.trim_start_matches(' ');
    (&line[..line.len() - rest.len()], rest)
}
