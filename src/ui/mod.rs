//! Drawing: `fn draw(frame, &App, &Theme)` per screen. Nothing here changes the app.

pub mod backend;
pub mod calendar;
pub mod chart;
pub mod editor;
pub mod history;
pub mod home;
pub mod library;
pub mod marks;
pub mod picker;
pub mod quiz;
pub mod reader;
pub mod scroll;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Confirm, Screen, Tab, keymap};
use crate::core::text::escape_controls;
use theme::Theme;

/// A writer whose bytes a test can take while a terminal owns it.
#[cfg(test)]
#[derive(Clone, Default)]
pub(crate) struct Sink(pub(crate) std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

#[cfg(test)]
impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
impl Sink {
    /// Bytes written since the last call.
    pub(crate) fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

pub use crate::app::MIN_SIZE;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let mut msg = app.s.too_small(MIN_SIZE, (area.width, area.height));
        if let Some(e) = &app.save_error {
            msg = format!("{e} {msg}");
        }
        // Broken anywhere by hand: ratatui's wrapping cannot place a wide character
        // in a one-column area.
        let lines: Vec<Line> = break_anywhere(&msg, usize::from(area.width))
            .into_iter()
            .map(Line::from)
            .collect();
        frame.render_widget(Paragraph::new(lines).style(theme.accent), area);
        return;
    }
    match app.screen {
        Screen::Home => home::draw(frame, area, app, theme),
        Screen::Library => library::draw(frame, area, app, theme),
        Screen::Review => library::draw_review(frame, area, app, theme),
        Screen::Reader => reader::draw(frame, area, app, theme),
        Screen::Quiz => quiz::draw_quiz(frame, area, app, theme),
        Screen::Test => quiz::draw_test(frame, area, app, theme),
        Screen::Editor => editor::draw_editor(frame, area, app, theme),
        Screen::Marks => marks::draw(frame, area, app, theme),
        Screen::History => history::draw(frame, area, app, theme),
    }
    if let Some(c) = app.confirm {
        let text = match c {
            Confirm::StartTest => {
                let read =
                    crate::app::queries::assessment(app).map_or(0, |a| a.read.units_read.len());
                app.s.confirm_test(
                    crate::app::queries::test_size(app),
                    read,
                    app.rules.read.units,
                )
            }
            Confirm::SubmitTest => {
                let (unanswered, total) = app.test_record().map_or((Vec::new(), 0), |t| {
                    let open = t
                        .answers
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| a.given.trim().is_empty())
                        .map(|(i, _)| i + 1)
                        .collect();
                    (open, t.answers.len())
                });
                app.s.confirm_submit(&unanswered, total)
            }
        };
        let hint = keymap::footer(keymap::Mode::Confirm, app.s.lang, 58);
        dialog(frame, area, &text, &hint, theme);
    }
    if let Some(name) = &app.rename {
        name_dialog(frame, area, app.s, name, theme);
    }
    if app.help {
        help(frame, area, app, theme);
    }
    if let Some(e) = &app.save_error {
        save_error(frame, area, e, theme);
    }
}

/// The save error, whole and on top of every screen, until a save succeeds: what
/// failed, where, and what a quit will do.
fn save_error(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    let inner = area.width.saturating_sub(2).max(1);
    let lines = wrapped(text, inner, theme.accent);
    let rows = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2)
        .min(area.height / 2);
    let r = Rect::new(area.x, area.y + area.height - rows, area.width, rows);
    clear_around(frame, area, r);
    let p = Paragraph::new(lines).style(theme.accent).block(
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.accent),
    );
    frame.render_widget(p, r);
}

/// Answered and total questions of the current test.
#[must_use]
pub fn test_counts(app: &App) -> (usize, usize) {
    app.test_record().map_or((0, 0), |t| {
        (
            t.answers.iter().filter(|a| !a.given.is_empty()).count(),
            t.answers.len(),
        )
    })
}

/// Break a one-line text into lines of at most `width` columns, anywhere (as Chinese
/// is broken); a character wider than `width` is left out.
#[must_use]
pub fn break_anywhere(s: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if cw > width {
            continue;
        }
        if w + cw > width {
            lines.push(String::new());
            w = 0;
        }
        if let Some(l) = lines.last_mut() {
            l.push(c);
        }
        w += cw;
    }
    lines
}

/// Cut a string to at most `width` columns, never splitting a character.
#[must_use]
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            out.push('…');
            break;
        }
        w += cw;
        out.push(c);
    }
    out
}

/// Spans of `text` with the byte ranges `marked` (sorted, not overlapping, on
/// character boundaries) drawn in `found` and the rest in `base`.
#[must_use]
pub fn marked_spans(
    text: &str,
    marked: &[std::ops::Range<usize>],
    base: Style,
    found: Style,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marked {
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        if !before.is_empty() {
            out.push(Span::styled(before.to_string(), base));
        }
        out.push(Span::styled(hit.to_string(), found));
        at = r.end;
    }
    if let Some(rest) = text.get(at..)
        && !rest.is_empty()
    {
        out.push(Span::styled(rest.to_string(), base));
    }
    out
}

/// `text` wrapped to `width` columns by `core::layout` (Chinese breaks anywhere,
/// 避头尾, ASCII words whole), each line in `style`. Never `Paragraph::wrap`, which
/// breaks only at spaces.
#[must_use]
pub fn wrapped(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    crate::core::layout::wrap(text, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// `text` after `prefix` (in `prefix_style`), wrapped to `width`; continuation lines
/// are indented to where the text starts, so a choice's letter stands alone.
#[must_use]
pub fn hanging(
    prefix: &str,
    prefix_style: Style,
    text: &str,
    style: Style,
    width: u16,
) -> Vec<Line<'static>> {
    let indent = prefix.width();
    let room = usize::from(width).saturating_sub(indent).max(1);
    let room = u16::try_from(room).unwrap_or(u16::MAX);
    let mut lines: Vec<Line<'static>> = crate::core::layout::wrap(text, room)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let head = if i == 0 {
                Span::styled(prefix.to_string(), prefix_style)
            } else {
                Span::raw(" ".repeat(indent))
            };
            Line::from(vec![head, Span::styled(l, style)])
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(prefix.to_string(), prefix_style)));
    }
    lines
}

/// The top bar: tabs, member and cycle.
pub fn header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let top = match app.screen {
        Screen::Home | Screen::Library | Screen::Review => app.screen,
        _ => app.home_screen,
    };
    let active = match top {
        Screen::Home => Tab::Home,
        Screen::Review => Tab::Review,
        _ => Tab::Library,
    };
    let tabs = &app.s.tabs;
    let mut spans = vec![Span::styled(format!(" {} ", app.s.app), theme.title)];
    for (tab, t) in [
        (Tab::Home, tabs.home),
        (Tab::Library, tabs.library),
        (Tab::Review, tabs.review),
    ] {
        let style = if tab == active {
            theme.tab_active
        } else {
            theme.dim
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(t, style));
    }
    // Which cards are due depends on the units: no count until they are all read.
    let due = if app.loading {
        0
    } else {
        app.due_reviews().len()
    };
    if due > 0 {
        spans.push(Span::styled(format!("({due})"), theme.accent));
    }
    let right = format!("{} · {} ", escape_controls(&app.state.name), app.cycle);
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let pad = usize::from(area.width).saturating_sub(used + right.width());
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(right, theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The bottom line: a notice if there is one, else the screen's key hints from its
/// key table, cut to the width by priority.
pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let line = if let Some(n) = &app.notice {
        Span::styled(truncate(n, width), theme.accent)
    } else {
        let hint = keymap::footer(keymap::screen_mode(app), app.s.lang, width);
        Span::styled(truncate(&hint, width), theme.dim)
    };
    frame.render_widget(Paragraph::new(Line::from(line)), area);
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clear a box and one column either side: a wide character that starts just left of
/// the box would otherwise cover its left border (ratatui skips the cell a wide
/// character spills into).
fn clear_around(frame: &mut Frame, area: Rect, r: Rect) {
    let x = r.x.saturating_sub(1).max(area.x);
    let right = (r.x + r.width + 1).min(area.x + area.width);
    frame.render_widget(Clear, Rect::new(x, r.y, right - x, r.height));
}

/// A box in the middle: the question wrapped by `core::layout`, then the keys.
fn dialog(frame: &mut Frame, area: Rect, text: &str, hint: &str, theme: &Theme) {
    let w = area.width.min(60);
    let inner = w.saturating_sub(2);
    let mut lines = wrapped(text, inner, Style::new());
    lines.push(Line::from(""));
    lines.extend(wrapped(hint, inner, theme.accent));
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let r = centered(area, w, h);
    clear_around(frame, area, r);
    let p = Paragraph::new(lines).block(
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.title),
    );
    frame.render_widget(p, r);
}

/// The help of the screen underneath: its keys, then the marks it draws, each
/// meaning wrapped beside its key. What does not fit the terminal's height is cut.
fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    help_box(frame, area, keymap::screen_mode(app), app.s, theme);
}

/// The key help of `mode` in a box over `area`: its keys, then the marks it draws.
pub fn help_box(
    frame: &mut Frame,
    area: Rect,
    mode: keymap::Mode,
    s: &crate::strings::Strings,
    theme: &Theme,
) {
    let (keys, marks) = keymap::help(mode, s.lang);
    let key_w = keys
        .iter()
        .chain(&marks)
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0);
    let w = area.width.min(64);
    let inner = w.saturating_sub(2);
    let row = |(k, v): &(&str, &str), style: Style| {
        let pad = " ".repeat(key_w.saturating_sub(k.width()) + 1);
        hanging(&format!("{k}{pad}"), style, v, Style::new(), inner)
    };
    let mut lines: Vec<Line> = keys.iter().flat_map(|kv| row(kv, theme.accent)).collect();
    if !marks.is_empty() {
        lines.push(Line::from(""));
        lines.extend(marks.iter().flat_map(|kv| row(kv, Style::new())));
    }
    let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let r = centered(area, w, h);
    clear_around(frame, area, r);
    let p = Paragraph::new(lines).block(
        Block::default()
            .borders(Borders::ALL)
            .title(truncate(s.help_title, usize::from(inner)))
            .border_style(theme.title),
    );
    frame.render_widget(p, r);
}

/// The one-line display-name input, boxed over the screen.
pub fn name_dialog(
    frame: &mut Frame,
    area: Rect,
    s: &crate::strings::Strings,
    name: &str,
    theme: &Theme,
) {
    let r = centered(area, 50, 5);
    clear_around(frame, area, r);
    let inner = usize::from(r.width.saturating_sub(2));
    let typed = escape_controls(name);
    // Keep the end of a long name in view: that is where the cursor is.
    let room = inner.saturating_sub(3);
    let mut shown = typed.as_str();
    while shown.width() > room {
        let mut cs = shown.chars();
        cs.next();
        shown = cs.as_str();
    }
    let hint = keymap::footer(keymap::Mode::NameInput, s.lang, inner);
    let p = Paragraph::new(vec![
        Line::from(vec![
            Span::styled("> ", theme.accent),
            Span::raw(shown.to_string()),
            Span::styled("▏", theme.accent),
        ]),
        Line::from(""),
        Line::from(Span::styled(truncate(&hint, inner), theme.dim)),
    ])
    .block(
        Block::default()
            .borders(Borders::ALL)
            .title(truncate(s.rename_title, inner))
            .border_style(theme.title),
    );
    frame.render_widget(p, r);
}
