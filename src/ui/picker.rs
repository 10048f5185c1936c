//! The profile picker and the new-profile form, drawn from [`Picker`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::library::list_top;
use super::theme::Theme;
use super::truncate;
use crate::app::keymap;
use crate::app::picker::{FormError, Picker, PickerMode};
use crate::core::text::escape_controls;
use crate::strings::Strings;

/// Rows of the list when the picker fills `height` rows: title, search line and
/// footer take three.
#[must_use]
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(3)).max(1)
}

/// Draw the picker or the form over the whole frame.
pub fn draw(frame: &mut Frame, p: &Picker, s: &Strings, theme: &Theme) {
    let area = frame.area();
    if area.width < 20 || area.height < 6 {
        frame.render_widget(
            Paragraph::new(s.too_small((20, 6), (area.width, area.height))).style(theme.accent),
            area,
        );
        return;
    }
    let width = usize::from(area.width);
    let lines = match p.mode {
        PickerMode::Form => form(p, s, theme, width, usize::from(area.height)),
        _ => list(p, s, theme, width, usize::from(area.height)),
    };
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(area.x, area.y, area.width, area.height - 1),
    );
    let hint = keymap::footer(p.help_mode(), s.lang, width);
    frame.render_widget(
        Paragraph::new(Span::styled(truncate(&hint, width), theme.dim)),
        Rect::new(area.x, area.y + area.height - 1, area.width, 1),
    );
    if p.mode == PickerMode::Rename {
        super::name_dialog(frame, area, s, &p.rename, theme);
    }
    if p.help {
        super::help_box(frame, area, p.help_mode(), s, theme);
    }
}

fn list<'a>(
    p: &'a Picker,
    s: &Strings,
    theme: &Theme,
    width: usize,
    height: usize,
) -> Vec<Line<'a>> {
    let rows = p.shown.len() + 1;
    let position = format!("{}/{}", (p.selected + 1).min(rows), rows);
    let title = truncate(s.picker_title, width.saturating_sub(position.width() + 1));
    let pad = width.saturating_sub(title.width() + position.width());
    let mut lines = vec![Line::from(vec![
        Span::styled(title, theme.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(position, theme.dim),
    ])];
    let searching = p.mode == PickerMode::Search;
    lines.push(if searching || !p.query.is_empty() {
        Line::from(vec![
            Span::styled(s.search, theme.accent),
            Span::raw(escape_controls(&p.query)),
            Span::styled(if searching { "▏" } else { "" }, theme.accent),
            Span::styled(format!("  ({})", p.shown.len()), theme.dim),
        ])
    } else {
        Line::from("")
    });
    let room = height.saturating_sub(3).max(1);
    let top = list_top(p.selected, room);
    for row in (top..rows).take(room) {
        let text = match p.shown.get(row).and_then(|i| p.profiles.get(*i)) {
            Some((id, name)) => format!("  {}  ({})", escape_controls(name), escape_controls(id)),
            None => format!("  {}", s.new_profile),
        };
        let mut l = Line::from(truncate(&text, width));
        if row == p.selected {
            l = l.style(theme.selected);
        }
        lines.push(l);
    }
    if p.shown.is_empty() {
        lines.insert(2, Line::from(Span::styled(s.no_profile_match, theme.dim)));
    }
    lines
}

fn form<'a>(
    p: &'a Picker,
    s: &Strings,
    theme: &Theme,
    width: usize,
    height: usize,
) -> Vec<Line<'a>> {
    let f = &p.form;
    let title = if p.first_run() {
        s.name_prompt
    } else {
        s.form_title
    };
    let mut lines = vec![
        Line::from(Span::styled(truncate(title, width), theme.title)),
        Line::from(""),
    ];
    let labels = [s.form_fields.name, s.form_fields.id];
    let label_w = labels.iter().map(|l| l.width()).max().unwrap_or(4);
    for (i, (label, value)) in labels.iter().zip([&f.name, &f.id]).enumerate() {
        let focus = f.field == i;
        let pad = " ".repeat(label_w - label.width());
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} {label}{pad}: ", if focus { ">" } else { " " }),
                if focus { theme.accent } else { theme.dim },
            ),
            Span::raw(truncate(
                &escape_controls(value),
                width.saturating_sub(label_w + 6),
            )),
            Span::styled(if focus { "▏" } else { "" }, theme.accent),
        ]));
    }
    // The rule in full: a member must be able to read why an id is refused.
    let rule_w = u16::try_from(width.saturating_sub(2)).unwrap_or(u16::MAX);
    for l in super::wrapped(s.id_rule, rule_w, theme.dim) {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(l.spans);
        lines.push(Line::from(spans));
    }
    let error = match &f.error {
        None => String::new(),
        Some(FormError::NoName) => s.no_name.to_string(),
        Some(FormError::BadId(why)) => s.bad_id(&escape_controls(&f.id), &s.id_problem(why)),
        Some(FormError::Taken(id)) => s.id_taken(&escape_controls(id)),
    };
    lines.push(Line::from(Span::styled(truncate(&error, width), theme.bad)));
    if !p.roster.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(s.roster_title, width),
            theme.title,
        )));
        let room = height.saturating_sub(lines.len() + 1).max(1);
        let sel = f.roster_sel.unwrap_or(0);
        let top = list_top(sel, room);
        for (i, (id, name)) in p.roster.iter().enumerate().skip(top).take(room) {
            let mut l = Line::from(truncate(
                &format!("  {}  ({})", escape_controls(name), escape_controls(id)),
                width,
            ));
            if f.roster_sel == Some(i) {
                l = l.style(theme.selected);
            }
            lines.push(l);
        }
    }
    lines
}
