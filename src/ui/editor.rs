//! The editors of 心得, 月讲 and 调研: each field's box drawn from its text area's
//! lines and cursor, wrapped by `core::layout` (避头尾) rather than by the text
//! area's own rendering, scrolled so the cursor stays in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui_textarea::TextArea;

use super::footer;
use super::quiz::frame_areas;
use super::theme::Theme;
use crate::app::{App, Doc};
use crate::core::editview::{byte_of_char, columns, edit_view};
use crate::core::text::{count_chars, escape_controls};

/// Draw the editor with a live character count against the requirement.
pub fn draw_editor(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(e) = &app.editor else { return };
    let [head, body, foot] = frame_areas(area);
    let title = app.s.editors.of(e.doc);
    let labels: Vec<(&str, Option<u32>)> = match e.doc {
        Doc::Reflection => vec![(
            app.s.fields.reflection,
            Some(app.rules.read.reflection_min_chars),
        )],
        Doc::Talk => vec![
            (app.s.fields.topic, None),
            (app.s.fields.outline, Some(app.rules.talk.outline_min_chars)),
            (app.s.fields.delivered, None),
        ],
        Doc::Survey => vec![
            (app.s.fields.survey_title, None),
            (app.s.fields.survey, Some(app.rules.study.survey_min_chars)),
        ],
    };
    let counted = crate::app::editor_counted(e.doc);
    let count = e
        .fields
        .get(counted)
        .map_or(0, |f| count_chars(&f.lines().join("\n")));
    let need = labels.get(counted).and_then(|l| l.1).unwrap_or(0);
    let style = if count >= need as usize {
        theme.good
    } else {
        theme.accent
    };
    let lead = format!(" {title} · {} ", e.cycle);
    // Too narrow for all of it: the field's name goes first (its box is titled
    // with it), so the figures are not cut.
    let full = app
        .s
        .chars_of(labels.get(counted).map_or("", |l| l.0), count, need);
    let bare = app.s.chars_of("", count, need).trim_start().to_string();
    let fits = |t: &str| columns(&lead) + columns(t) <= usize::from(head.width);
    let figures = if fits(&full) { full } else { bare };
    let mut head_spans = vec![
        Span::styled(lead, theme.title),
        Span::styled(figures, style),
    ];
    if let (Doc::Talk, Some(theme_text)) = (e.doc, &app.plan.theme) {
        head_spans.push(Span::styled(
            format!("  {}: {}", app.s.theme, escape_controls(theme_text)),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(head_spans)), head);
    let areas = crate::app::editor_boxes(e.doc, labels.len(), body);
    for (i, (label, _)) in labels.iter().enumerate() {
        let Some(field) = e.fields.get(i) else {
            continue;
        };
        let Some(r) = areas.get(i) else { continue };
        let mut label = (*label).to_string();
        if e.doc == Doc::Talk && i == 2 {
            // Checked as it is typed: whether the day counts, and why not.
            let day =
                crate::core::regime::check_talk_day(&field.lines().join(""), &e.cycle, app.today());
            label = format!("{label} · {}", app.s.talk_day(day, &e.cycle.to_string()));
        }
        let border = if i == e.focus { theme.title } else { theme.dim };
        let mut block = Block::default()
            .borders(Borders::ALL)
            .title(label)
            .border_style(border);
        // A version another session wrote and a merge set aside: said where it
        // belongs, with how to bring it in.
        if let Some(c) = app.set_aside_for(e.cycle, crate::app::editor_field(e.doc, i)) {
            block = block.title_bottom(Span::styled(
                app.s.set_aside_here(count_chars(&c.text), i == e.focus),
                theme.accent,
            ));
        }
        let inner = block.inner(*r);
        frame.render_widget(block, *r);
        draw_field(frame, inner, field, i == e.focus);
    }
    footer(frame, foot, app, theme);
}

/// One field's text in `area`: its rows from [`edit_view`], the selection shown
/// reversed and, in the focused field, the cursor as a reversed cell.
fn draw_field(frame: &mut Frame, area: Rect, field: &TextArea<'_>, focused: bool) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = field.lines();
    let cursor = field.cursor();
    let view = edit_view(lines, (cursor.0, cursor.1), area.width);
    let top = view.top(area.height);
    // The selection as byte ranges per line as drawn.
    let selected = field.selection_range().map(|((r0, c0), (r1, c1))| {
        let at = |r: usize, c: usize| {
            view.drawn_offset(r, lines.get(r).map_or(0, |l| byte_of_char(l, c)))
        };
        ((r0, at(r0, c0)), (r1, at(r1, c1)))
    });
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let mut out = Vec::new();
    for row in view.rows.iter().skip(top).take(usize::from(area.height)) {
        let Some(((r0, b0), (r1, b1))) = selected else {
            out.push(Line::from(row.text.clone()));
            continue;
        };
        let end = row.start + row.text.len();
        let from = match row.line.cmp(&r0) {
            std::cmp::Ordering::Equal => b0,
            std::cmp::Ordering::Greater => 0,
            std::cmp::Ordering::Less => usize::MAX,
        };
        let to = match row.line.cmp(&r1) {
            std::cmp::Ordering::Equal => b1,
            std::cmp::Ordering::Less => usize::MAX,
            std::cmp::Ordering::Greater => 0,
        };
        let (from, to) = (from.clamp(row.start, end), to.clamp(row.start, end));
        if from >= to {
            out.push(Line::from(row.text.clone()));
            continue;
        }
        let part = |a: usize, b: usize| row.text.get(a - row.start..b - row.start).unwrap_or("");
        out.push(Line::from(vec![
            Span::raw(part(row.start, from).to_string()),
            Span::styled(part(from, to).to_string(), reversed),
            Span::raw(part(to, end).to_string()),
        ]));
    }
    frame.render_widget(Paragraph::new(out), area);
    if focused && let Some(y) = view.cursor_row.checked_sub(top) {
        let y = u16::try_from(y).unwrap_or(u16::MAX);
        if y < area.height {
            let pos = (area.x + view.cursor_x, area.y + y);
            if let Some(cell) = frame.buffer_mut().cell_mut(pos) {
                cell.set_style(reversed);
            }
        }
    }
}
