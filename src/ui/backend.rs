//! A crossterm backend that writes fewer bytes for Chinese text.
//!
//! ratatui's `CrosstermBackend` moves the cursor before every cell that does not
//! directly follow the previous one *by one column*, so after each wide character it
//! sends a `CSI row;col H` (7-8 bytes) for a character of 3 bytes: a line of Chinese
//! costs three times its text. [`LeanBackend`] is the same backend with a drawing loop
//! that knows where the cursor is after a character whose width every terminal agrees
//! on, picks the shortest cursor movement, resets colours only when it changed them,
//! and does not hide an already hidden cursor on every frame. Everything else is
//! delegated to `CrosstermBackend`.
//!
//! Characters whose width terminals disagree on (emoji, ambiguous-width punctuation
//! such as `“”…—`, combining sequences) are followed by an absolute cursor move, as
//! `CrosstermBackend` does, so a terminal that draws them wider or narrower cannot
//! shift the rest of the line.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::{Attribute, Color as CColor, Colors, Print, SetAttribute, SetColors};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthChar;

/// `CrosstermBackend` with a leaner drawing loop; see the module documentation.
#[derive(Debug)]
pub struct LeanBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// Whether the cursor is known to be hidden (`None`: not known).
    cursor_hidden: Option<bool>,
}

impl<W: Write> LeanBackend<W> {
    /// A backend writing to `writer` (usually `std::io::stdout()`).
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: None,
        }
    }
}

impl<W: Write> Write for LeanBackend<W> {
    /// Raw output, e.g. the scroll sequences of [`super::scroll`]. It must leave
    /// colours and attributes reset and the cursor's visibility unchanged.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// The width of a cell's symbol when terminals draw it with the width ratatui
/// assumes: one character that is not an emoji or a combining mark, below U+2300 (ASCII,
/// Latin, Greek, Cyrillic, general punctuation such as `“”…—`, which ratatui and
/// `less` alike count as one column), box drawing, or CJK. `None` for anything else.
fn sure_width(symbol: &str) -> Option<u16> {
    let mut chars = symbol.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    let known = matches!(c as u32,
        0x20..=0x22ff
        | 0x2500..=0x25ff
        | 0x2e80..=0x303e
        | 0x3041..=0x33ff
        | 0x3400..=0x4dbf
        | 0x4e00..=0x9fff
        | 0xa000..=0xa4cf
        | 0xac00..=0xd7a3
        | 0xf900..=0xfaff
        | 0xfe30..=0xfe4f
        | 0xff01..=0xff60
        | 0xffe0..=0xffe6);
    match c.width() {
        Some(w @ 1..=2) if known => u16::try_from(w).ok(),
        _ => None,
    }
}

/// What the backend knows about the cursor while drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cursor {
    /// Nothing.
    Unknown,
    /// Its row, not its column: after a character whose width terminals disagree on.
    Row(u16),
    /// Column and row.
    At(u16, u16),
}

/// Write the shortest sequence that moves the cursor from `from` to column `x`, row
/// `y` (0-based).
fn move_cursor(out: &mut impl Write, from: Cursor, x: u16, y: u16) -> io::Result<()> {
    match from {
        Cursor::At(fx, fy) if fy == y && fx < x => {
            let n = x - fx;
            if n == 1 {
                out.write_all(b"\x1b[C")
            } else {
                write!(out, "\x1b[{n}C")
            }
        }
        Cursor::At(_, fy) | Cursor::Row(fy) if fy == y && x == 0 => out.write_all(b"\r"),
        Cursor::At(_, fy) | Cursor::Row(fy) if fy == y => write!(out, "\x1b[{}G", x + 1),
        _ if x == 0 => write!(out, "\x1b[{}H", y + 1),
        _ => write!(out, "\x1b[{};{}H", y + 1, x + 1),
    }
}

/// The SGR attributes that turn on the modifiers in `m`.
fn queue_modifiers(out: &mut impl Write, m: Modifier) -> io::Result<()> {
    let pairs = [
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
    ];
    for (modifier, attribute) in pairs {
        if m.contains(modifier) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

/// The pen: the attributes the terminal is drawing with.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// Change the terminal's pen from `self` to the one `cell` needs.
    fn switch_to(&mut self, out: &mut impl Write, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            if !(self.modifier - cell.modifier).is_empty() {
                // Something to turn off: start again from a reset pen.
                queue!(out, SetAttribute(Attribute::Reset))?;
                *self = Pen::RESET;
            }
            queue_modifiers(out, cell.modifier - self.modifier)?;
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            let fg: CColor = cell.fg.into_crossterm();
            let bg: CColor = cell.bg.into_crossterm();
            queue!(out, SetColors(Colors::new(fg, bg)))?;
            self.fg = cell.fg;
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline {
            let c: CColor = cell.underline_color.into_crossterm();
            queue!(out, crossterm::style::SetUnderlineColor(c))?;
            self.underline = cell.underline_color;
        }
        Ok(())
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let out = &mut self.inner;
        let mut pen = Pen::RESET;
        let mut at = Cursor::Unknown;
        for (x, y, cell) in content {
            if at != Cursor::At(x, y) {
                move_cursor(out, at, x, y)?;
            }
            pen.switch_to(out, cell)?;
            let symbol = cell.symbol();
            queue!(out, Print(symbol))?;
            at = match sure_width(symbol) {
                Some(w) => Cursor::At(x.saturating_add(w), y),
                None => Cursor::Row(y),
            };
        }
        if pen != Pen::RESET {
            queue!(out, SetAttribute(Attribute::Reset))?;
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden == Some(true) {
            return Ok(());
        }
        self.inner.hide_cursor()?;
        self.cursor_hidden = Some(true);
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden == Some(false) {
            return Ok(());
        }
        self.inner.show_cursor()?;
        self.cursor_hidden = Some(false);
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;
    use ratatui::text::{Line, Span};
    use ratatui::widgets::Paragraph;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    /// A writer whose bytes the test can read while the terminal owns it.
    #[derive(Clone, Default)]
    struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn options(w: u16, h: u16) -> TerminalOptions {
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        }
    }

    /// Draw the same frames through both backends; return the bytes each wrote for
    /// each frame, after checking that a terminal shows the same thing.
    fn both(w: u16, h: u16, frames: &[Vec<Line<'static>>]) -> (Vec<usize>, Vec<usize>) {
        let (lean_sink, plain_sink) = (Sink::default(), Sink::default());
        let mut lean = Terminal::with_options(LeanBackend::new(lean_sink.clone()), options(w, h))
            .expect("terminal");
        let mut plain =
            Terminal::with_options(CrosstermBackend::new(plain_sink.clone()), options(w, h))
                .expect("terminal");
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
        let mut lean_screen = vt100::Parser::new(nz(h), nz(w), 0);
        let mut plain_screen = vt100::Parser::new(nz(h), nz(w), 0);
        let (mut lean_sizes, mut plain_sizes) = (Vec::new(), Vec::new());
        for lines in frames {
            let draw = |f: &mut ratatui::Frame| {
                f.render_widget(Paragraph::new(lines.clone()), f.area());
            };
            lean.draw(draw).expect("draw");
            plain.draw(draw).expect("draw");
            let lb = std::mem::take(&mut *lean_sink.0.borrow_mut());
            let pb = std::mem::take(&mut *plain_sink.0.borrow_mut());
            lean_sizes.push(lb.len());
            plain_sizes.push(pb.len());
            lean_screen.process(&lb);
            plain_screen.process(&pb);
            assert_eq!(
                lean_screen.screen().contents_formatted(),
                plain_screen.screen().contents_formatted(),
                "screens differ:\n{}\n---\n{}",
                lean_screen.screen().contents(),
                plain_screen.screen().contents()
            );
        }
        (lean_sizes, plain_sizes)
    }

    fn page(seed: usize) -> Vec<Line<'static>> {
        let words = [
            "党的基层组织",
            "是党在社会基层组织中的",
            "战斗堡垒，",
            "“议事角”",
            "98%",
            "👍🏽",
            "é",
        ];
        (0..10)
            .map(|i| {
                let mut spans = vec![Span::raw(format!("{i}:"))];
                for k in 0..6 {
                    let word = words[(seed + i * 3 + k) % words.len()];
                    let span = match (seed + k) % 4 {
                        0 => Span::raw(word),
                        1 => Span::styled(word, Style::new().red().bold()),
                        2 => Span::styled(word, Style::new().on_blue().italic()),
                        _ => Span::styled(word, Style::new().dim().underlined()),
                    };
                    spans.push(span);
                }
                Line::from(spans)
            })
            .collect()
    }

    #[test]
    fn shows_what_crossterm_backend_shows() {
        let frames: Vec<_> = (0..8).map(page).collect();
        let (lean, plain) = both(60, 10, &frames);
        let (l, p): (usize, usize) = (lean.iter().sum(), plain.iter().sum());
        assert!(l * 10 < p * 8, "lean wrote {l} bytes, crossterm {p}");
    }

    #[test]
    fn a_line_of_chinese_costs_about_its_text() {
        let line = "党的基层组织是党在社会基层组织中的战斗堡垒是党的全部工作和战斗力的基础";
        let frames = vec![vec![Line::from("")], vec![Line::from(line)]];
        let (lean, plain) = both(80, 2, &frames);
        // 36 characters of 3 bytes, one cursor move, hiding the cursor once.
        assert!(
            lean[1] <= line.len() + 12,
            "{} bytes for {} of text",
            lean[1],
            line.len()
        );
        assert!(plain[1] > line.len() * 2);
    }

    #[test]
    fn short_moves() {
        let mut v = Vec::new();
        let moves = [
            (Cursor::Unknown, 0, 4),
            (Cursor::Unknown, 2, 4),
            (Cursor::At(2, 4), 3, 4),
            (Cursor::At(2, 4), 12, 4),
            (Cursor::At(12, 4), 0, 4),
            (Cursor::At(12, 4), 5, 4),
            (Cursor::At(12, 4), 5, 5),
            (Cursor::Row(4), 7, 4),
            (Cursor::Row(4), 0, 4),
            (Cursor::Row(4), 7, 5),
        ];
        for (from, x, y) in moves {
            move_cursor(&mut v, from, x, y).expect("vec");
        }
        assert_eq!(
            String::from_utf8(v).expect("ascii"),
            "\x1b[5H\x1b[5;3H\x1b[C\x1b[10C\r\x1b[6G\x1b[6;6H\x1b[8G\r\x1b[6;8H"
        );
    }

    #[test]
    fn widths_are_sure_only_for_plain_characters() {
        assert_eq!(sure_width("a"), Some(1));
        assert_eq!(sure_width("党"), Some(2));
        assert_eq!(sure_width("，"), Some(2));
        assert_eq!(sure_width("“"), Some(1));
        assert_eq!(sure_width("─"), Some(1));
        assert_eq!(sure_width("👍"), None);
        assert_eq!(sure_width("e\u{301}"), None);
        assert_eq!(sure_width(""), None);
        assert_eq!(sure_width("\u{301}"), None);
        assert_eq!(sure_width("\u{200b}"), None);
        assert_eq!(sure_width("☺"), None);
    }
}
