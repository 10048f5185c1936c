//! The editors of 心得, 月讲 and 调研.
//!
//! An editor with no local edits since its last save follows the record on disk
//! ([`follow_record`]): when another session of the member saved a paragraph, this
//! one shows it before the next key, instead of writing its older text back over it
//! with one more character typed (which would bury the other session's text among
//! the set-aside versions).

use ratatui_textarea::TextArea;

use crate::app::msg::Msg;
use crate::app::{App, Doc, EditorView, Effect, Screen};
use crate::core::editview::edit_view;
use crate::core::regime::{Cycle, read_day};
use crate::core::state::{Reflection, Survey, Talk};

/// A text area holding `text`, the cursor at its end.
fn area(text: &str) -> TextArea<'static> {
    let mut t = TextArea::new(text.lines().map(str::to_string).collect());
    // Chinese has no spaces to break at: wrap at words, else at any character.
    t.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    t
}

/// The texts of `doc`'s fields as the record of `cycle` holds them.
fn record_texts(app: &App, doc: Doc, cycle: Cycle) -> Vec<String> {
    let work = app
        .state
        .cycles
        .get(&cycle.to_string())
        .cloned()
        .unwrap_or_default();
    match doc {
        Doc::Reflection => vec![work.reflection.map(|r| r.text).unwrap_or_default()],
        Doc::Talk => {
            let t = work.talk.unwrap_or_default();
            vec![
                t.topic,
                t.outline,
                t.delivered.map(|d| d.to_string()).unwrap_or_default(),
            ]
        }
        Doc::Survey => {
            let s = work.survey.unwrap_or_default();
            vec![s.title, s.text]
        }
    }
}

fn field_texts(e: &EditorView) -> Vec<String> {
    e.fields.iter().map(|t| t.lines().join("\n")).collect()
}

/// After the record was saved or re-read: an open editor with no local edits since
/// it last matched the record shows the record's texts (another session's paragraph
/// included); one whose edits were just saved now matches the record again.
pub fn follow_record(app: &mut App) {
    let Some(e) = &app.editor else { return };
    let record = record_texts(app, e.doc, e.cycle);
    let current = field_texts(e);
    let Some(e) = &mut app.editor else { return };
    if current == record {
        e.saved = record;
    } else if current == e.saved {
        let focus = e.focus;
        e.fields = record.iter().map(|t| area(t)).collect();
        e.focus = focus.min(e.fields.len().saturating_sub(1));
        e.saved = record;
        show_cursor(e);
    }
}

/// Put the focused field's latest set-aside version in the field, and the field's
/// text in its place among the set-aside versions, so a second swap undoes the
/// first and nothing is ever dropped.
fn swap_set_aside(app: &mut App) {
    let Some(e) = &app.editor else { return };
    let field = crate::app::editor_field(e.doc, e.focus);
    let cycle = e.cycle.to_string();
    let Some(pos) = app
        .state
        .conflicts
        .iter()
        .rposition(|c| c.cycle.as_deref() == Some(cycle.as_str()) && c.field == field)
    else {
        return;
    };
    let Some(e) = &mut app.editor else { return };
    let Some(area_now) = e.fields.get_mut(e.focus) else {
        return;
    };
    let current = area_now.lines().join("\n");
    let aside = std::mem::replace(&mut app.state.conflicts[pos].text, current);
    *area_now = area(&aside);
    show_cursor(e);
    app.dirty = true;
    sync_editor(app);
}

pub(super) fn open_editor(app: &mut App, doc: Doc) {
    let texts = record_texts(app, doc, app.cycle);
    let fields = texts.iter().map(|t| area(t)).collect();
    let mut e = EditorView {
        doc,
        fields,
        focus: 0,
        back_to: None,
        cycle: app.cycle,
        saved: texts,
    };
    show_cursor(&mut e);
    app.editor = Some(e);
    app.screen = Screen::Editor;
}

/// Open the 心得 with a passage of `unit` quoted at its start (once: a 心得 that
/// already starts with it is left as it is); `Esc` comes back to the reader.
pub(in crate::app::update) fn open_reflection_with_quote(app: &mut App, unit: &str, quote: &str) {
    let work = app.state.cycles.entry(app.cycle.to_string()).or_default();
    let r = work.reflection.get_or_insert_with(Reflection::default);
    let quoted = format!("「{quote}」");
    if !r.text.starts_with(&quoted) {
        r.text = if r.text.is_empty() {
            format!("{quoted}\n\n")
        } else {
            format!("{quoted}\n\n{}", r.text)
        };
        app.dirty = true;
    }
    if r.unit.is_none() {
        r.unit = Some(unit.to_string());
        app.dirty = true;
    }
    open_editor(app, Doc::Reflection);
    if let Some(e) = &mut app.editor {
        e.back_to = Some(Screen::Reader);
    }
}

/// Show the cursor only in the field being edited.
pub(super) fn show_cursor(e: &mut EditorView) {
    for (i, f) in e.fields.iter_mut().enumerate() {
        let style = if i == e.focus {
            ratatui::style::Style::default().add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            ratatui::style::Style::default()
        };
        f.set_cursor_style(style);
    }
}

/// Up and Down move by the rows the editor shows (its text wrapped by
/// `core::layout` to the box's `width`), to the same column; Page Up and Page Down
/// (`page` the box's height) by a page of them. With Shift they extend the
/// selection, as the text area's own keys do.
fn move_row(f: &mut TextArea<'static>, width: u16, page: Option<u16>, down: bool, shift: bool) {
    let c = f.cursor();
    let view = edit_view(f.lines(), (c.0, c.1), width);
    let target = match (page, down) {
        (Some(height), _) => view.page_row(height, down),
        (None, true) => view.cursor_row + 1,
        (None, false) => match view.cursor_row.checked_sub(1) {
            Some(r) => r,
            None => return,
        },
    };
    let Some((line, col)) = view.position_at(f.lines(), target, view.cursor_x) else {
        return;
    };
    if shift {
        if f.selection_range().is_none() {
            f.start_selection();
        }
    } else {
        f.cancel_selection();
    }
    let (Ok(line), Ok(col)) = (u16::try_from(line), u16::try_from(col)) else {
        return;
    };
    f.move_cursor(ratatui_textarea::CursorMove::Jump(line, col));
}

/// Parse a typed delivery date (see [`read_day`]); only a real calendar day is kept.
/// A day in the future is kept too: it counts from that day on.
pub(super) fn parse_date(s: &str, year: i16) -> Option<toml::value::Datetime> {
    let d = read_day(s, year)?;
    d.to_string().parse().ok()
}

/// The field holds one line (a title, a topic, a date): Enter moves on, a paste's
/// lines are joined.
#[must_use]
pub fn is_one_line(doc: Doc, field: usize) -> bool {
    matches!((doc, field), (Doc::Talk, 0 | 2) | (Doc::Survey, 0))
}

/// The year a date typed without one belongs to: the editor's cycle's.
fn cycle_year(cycle: Cycle) -> i16 {
    cycle.first_day().year()
}

/// Copy the editor's fields into the member state.
pub(super) fn sync_editor(app: &mut App) {
    let Some(e) = &app.editor else { return };
    let text = |i: usize| {
        e.fields
            .get(i)
            .map(|t| t.lines().join("\n"))
            .unwrap_or_default()
    };
    let last_unit = app.reader.as_ref().map(|r| r.unit_id.clone());
    // The work of the cycle the editor was opened for, even after midnight at its end.
    let work = app.state.cycles.entry(e.cycle.to_string()).or_default();
    let before = work.clone();
    match e.doc {
        Doc::Reflection => {
            let unit = work
                .reflection
                .as_ref()
                .and_then(|r| r.unit.clone())
                .or(last_unit);
            work.reflection = Some(Reflection {
                unit,
                text: text(0),
            });
        }
        Doc::Talk => {
            work.talk = Some(Talk {
                topic: text(0),
                outline: text(1),
                delivered: parse_date(&text(2), cycle_year(e.cycle)),
            });
        }
        Doc::Survey => {
            work.survey = Some(Survey {
                title: text(0),
                text: text(1),
            });
        }
    }
    if *work != before {
        app.dirty = true;
    }
}

pub(super) fn editor(app: &mut App, msg: Msg) -> Vec<Effect> {
    let today = app.today().to_string();
    let Some(e) = &mut app.editor else {
        app.screen = app.home_screen;
        return Vec::new();
    };
    match msg {
        Msg::Back => {
            // A date that cannot be read is not kept: say so instead of dropping it.
            if e.doc == Doc::Talk
                && let Some(f) = e.fields.get(2)
            {
                let typed = f.lines().join("");
                if !typed.trim().is_empty() && read_day(&typed, cycle_year(e.cycle)).is_none() {
                    app.notice = Some(app.s.bad_date(&typed));
                }
            }
            sync_editor(app);
            let back = app.editor.take().and_then(|e| e.back_to);
            app.screen = back.unwrap_or(app.home_screen);
            return vec![Effect::Save];
        }
        Msg::Today => {
            if e.doc == Doc::Talk {
                e.focus = 2;
                if let Some(f) = e.fields.get_mut(2) {
                    f.select_all();
                    f.cut();
                    f.insert_str(today);
                }
                show_cursor(e);
            }
        }
        Msg::NextField => {
            e.focus = (e.focus + 1) % e.fields.len().max(1);
            show_cursor(e);
        }
        Msg::SwapSetAside => {
            swap_set_aside(app);
            return Vec::new();
        }
        Msg::Undo => {
            if let Some(f) = e.fields.get_mut(e.focus) {
                f.undo();
            }
        }
        Msg::Paste(s) => {
            let one_line = is_one_line(e.doc, e.focus);
            if let Some(f) = e.fields.get_mut(e.focus) {
                if one_line {
                    f.insert_str(crate::core::text::one_line(&s));
                } else {
                    f.insert_str(s.replace("\r\n", "\n").replace('\r', "\n"));
                }
            }
        }
        Msg::Editor(input) => {
            let enter = matches!(input.key, ratatui_textarea::Key::Enter);
            // The field's box, inside its border, as ui::editor draws it: the
            // screen less its title and footer rows.
            let (w, h) = app.size;
            let body = ratatui::layout::Rect::new(0, 1, w, h.saturating_sub(2));
            let boxes = crate::app::editor_boxes(e.doc, e.fields.len(), body);
            let width = w.saturating_sub(2);
            let height = boxes.get(e.focus).map_or(1, |b| b.height.saturating_sub(2));
            let plain = !input.ctrl && !input.alt;
            let row_move = match input.key {
                ratatui_textarea::Key::Up if plain => Some((None, false)),
                ratatui_textarea::Key::Down if plain => Some((None, true)),
                ratatui_textarea::Key::PageUp if plain => Some((Some(height), false)),
                ratatui_textarea::Key::PageDown if plain => Some((Some(height), true)),
                _ => None,
            };
            if let (Some((page, down)), Some(f)) = (row_move, e.fields.get_mut(e.focus)) {
                move_row(f, width, page, down, input.shift);
            } else if enter && is_one_line(e.doc, e.focus) {
                // A one-line field takes no newline: Enter goes to the next field.
                e.focus = (e.focus + 1) % e.fields.len().max(1);
                show_cursor(e);
            } else if let Some(f) = e.fields.get_mut(e.focus) {
                f.input(input);
            }
        }
        _ => return Vec::new(),
    }
    sync_editor(app);
    Vec::new()
}
