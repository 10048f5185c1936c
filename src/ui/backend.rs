//! A crossterm backend that writes fewer bytes for Chinese text.
//!
//! ratatui's `CrosstermBackend` moves the cursor before every cell that does not
//! directly follow the previous one *by one column*, so after each wide character it
//! sends a `CSI row;col H` (7-8 bytes) for a character of 3 bytes: a line of Chinese
//! costs three times its text. [`LeanBackend`] is the same backend with a drawing loop
//! that knows where the cursor is after a character whose width every terminal agrees
//! on (also from one frame to the next), picks the shortest cursor movement, sets
//! colours and attributes with one short SGR sequence, resets them only when it
//! changed them, and does not hide an already hidden cursor on every frame.
//! Everything else is delegated to `CrosstermBackend`.
//!
//! Characters whose width terminals disagree on (emoji, combining sequences, rare
//! symbols) are followed by an absolute column move, so a terminal that draws them
//! wider or narrower cannot shift the rest of the line. Ambiguous-width punctuation
//! (`“”…—`) counts as one column, as ratatui and `less` count it.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::Print;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
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
    /// Where the cursor is between frames, as far as this backend knows.
    cursor: Cursor,
}

impl<W: Write> LeanBackend<W> {
    /// A backend writing to `writer` (usually `std::io::stdout()`).
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: None,
            cursor: Cursor::Unknown,
        }
    }
}

impl<W: Write> Write for LeanBackend<W> {
    /// Raw output, e.g. the scroll sequences of [`super::scroll`]. It must leave
    /// colours and attributes reset and the cursor's visibility unchanged. Output
    /// that is only a scroll up or down (`CSI n S`, `CSI n T`) leaves the cursor where
    /// it was; anything else makes the backend forget where the cursor is.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !is_pure_scroll(buf) {
            self.cursor = Cursor::Unknown;
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// Whether `buf` is one scroll-up or scroll-down sequence, which terminals perform
/// without moving the cursor.
fn is_pure_scroll(buf: &[u8]) -> bool {
    buf.strip_prefix(b"\x1b[")
        .and_then(|rest| rest.split_last())
        .is_some_and(|(last, digits)| {
            matches!(last, b'S' | b'T') && digits.iter().all(u8::is_ascii_digit)
        })
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

/// SGR parameters of each modifier.
const MODIFIER_CODES: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

/// Which colour of a cell an SGR parameter sets.
#[derive(Clone, Copy)]
enum Layer {
    Fore,
    Back,
    Underline,
}

/// Append the SGR parameters that set `layer` to `color` (the same colours
/// `CrosstermBackend` sets, in their shortest form: `31` rather than `38;5;1`).
fn push_color(params: &mut Vec<String>, layer: Layer, color: Color) {
    let index = match color {
        Color::Reset => None,
        Color::Black => Some(0),
        Color::Red => Some(1),
        Color::Green => Some(2),
        Color::Yellow => Some(3),
        Color::Blue => Some(4),
        Color::Magenta => Some(5),
        Color::Cyan => Some(6),
        Color::Gray => Some(7),
        Color::DarkGray => Some(8),
        Color::LightRed => Some(9),
        Color::LightGreen => Some(10),
        Color::LightYellow => Some(11),
        Color::LightBlue => Some(12),
        Color::LightMagenta => Some(13),
        Color::LightCyan => Some(14),
        Color::White => Some(15),
        Color::Indexed(i) => Some(i),
        Color::Rgb(r, g, b) => {
            let lead = match layer {
                Layer::Fore => 38,
                Layer::Back => 48,
                Layer::Underline => 58,
            };
            params.push(format!("{lead};2;{r};{g};{b}"));
            return;
        }
    };
    let param = match (layer, index) {
        (Layer::Fore, None) => "39".to_string(),
        (Layer::Back, None) => "49".to_string(),
        (Layer::Underline, None) => "59".to_string(),
        (Layer::Fore, Some(i @ 0..=7)) => format!("{}", 30 + i),
        (Layer::Fore, Some(i @ 8..=15)) => format!("{}", 82 + i),
        (Layer::Back, Some(i @ 0..=7)) => format!("{}", 40 + i),
        (Layer::Back, Some(i @ 8..=15)) => format!("{}", 92 + i),
        (Layer::Fore, Some(i)) => format!("38;5;{i}"),
        (Layer::Back, Some(i)) => format!("48;5;{i}"),
        (Layer::Underline, Some(i)) => format!("58;5;{i}"),
    };
    params.push(param);
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

    /// Change the terminal's pen from `self` to the one `cell` needs, with one SGR
    /// sequence at most.
    fn switch_to(&mut self, out: &mut impl Write, cell: &Cell) -> io::Result<()> {
        let target = Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        };
        if target == *self {
            return Ok(());
        }
        let mut params = Vec::new();
        if !(self.modifier - target.modifier).is_empty() {
            // Something to turn off: start again from a reset pen.
            params.push("0".to_string());
            *self = Pen::RESET;
        }
        for (modifier, code) in MODIFIER_CODES {
            if target.modifier.contains(modifier) && !self.modifier.contains(modifier) {
                params.push(code.to_string());
            }
        }
        if target.fg != self.fg {
            push_color(&mut params, Layer::Fore, target.fg);
        }
        if target.bg != self.bg {
            push_color(&mut params, Layer::Back, target.bg);
        }
        if target.underline != self.underline {
            push_color(&mut params, Layer::Underline, target.underline);
        }
        *self = target;
        if params.is_empty() {
            return Ok(());
        }
        write!(out, "\x1b[{}m", params.join(";"))
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
        let mut at = self.cursor;
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
            out.write_all(b"\x1b[m")?;
        }
        self.cursor = at;
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.cursor = Cursor::Unknown;
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
        let p = position.into();
        self.cursor = Cursor::Unknown;
        self.inner.set_cursor_position(p)?;
        self.cursor = Cursor::At(p.x, p.y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.cursor = Cursor::Unknown;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.cursor = Cursor::Unknown;
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

    use crate::ui::Sink;

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
            let lb = lean_sink.take();
            let pb = plain_sink.take();
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

    #[test]
    fn styles_take_one_short_sequence() {
        let sink = Sink::default();
        let mut t = Terminal::with_options(LeanBackend::new(sink.clone()), options(20, 1))
            .expect("terminal");
        t.draw(|f| {
            let line = Line::from(vec![
                Span::styled("党", Style::new().red().bold()),
                Span::styled("建", Style::new().on_blue()),
                Span::raw("好"),
            ]);
            f.render_widget(Paragraph::new(line), f.area());
        })
        .expect("draw");
        let out = String::from_utf8(sink.take()).expect("utf-8");
        assert_eq!(out, "\x1b[1H\x1b[1;31m党\x1b[0;44m建\x1b[49m好\x1b[?25l");
    }

    #[test]
    fn the_cursor_is_remembered_across_frames_and_scrolls() {
        let sink = Sink::default();
        let mut t = Terminal::with_options(LeanBackend::new(sink.clone()), options(20, 3))
            .expect("terminal");
        let frame = |t: &mut Terminal<LeanBackend<Sink>>, s: &'static str| {
            t.draw(|f| f.render_widget(Paragraph::new(s), Rect::new(2, 1, 18, 1)))
                .expect("draw");
            String::from_utf8(sink.take()).expect("utf-8")
        };
        assert_eq!(
            frame(&mut t, "党的基层组织"),
            "\x1b[2;3H党的基层组织\x1b[?25l"
        );
        // The cursor is after 织 (column 14); the next change on that row moves by
        // column, and gaps of unchanged cells are stepped over.
        t.backend_mut().write_all(b"\x1b[S").expect("vec");
        sink.take();
        assert_eq!(frame(&mut t, "党员"), "\x1b[5G员 \x1b[C \x1b[C \x1b[C ");
        // Output that moves the cursor makes the backend forget it.
        t.backend_mut().write_all(b"\x1b[2;3r\x1b[S").expect("vec");
        sink.take();
        assert_eq!(frame(&mut t, "党"), "\x1b[2;5H ");
    }

    #[test]
    fn pure_scrolls() {
        assert!(is_pure_scroll(b"\x1b[S"));
        assert!(is_pure_scroll(b"\x1b[12T"));
        assert!(!is_pure_scroll(b"\x1b[3;9r\x1b[S"));
        assert!(!is_pure_scroll(b"\x1b[H"));
        assert!(!is_pure_scroll(b"S"));
        assert!(!is_pure_scroll(b""));
    }
}
