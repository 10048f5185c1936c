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
    /// The scroll region (first and last row, 0-based) set through [`Write`]; `None`:
    /// the whole screen. Relative cursor moves stop at its margins.
    region: Option<(u16, u16)>,
    /// Screen width as last asked for: a character ending in the last column leaves
    /// the cursor in a state terminals disagree on.
    width: std::cell::Cell<u16>,
}

impl<W: Write> LeanBackend<W> {
    /// A backend writing to `writer` (usually `std::io::stdout()`).
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: None,
            cursor: Cursor::Unknown,
            region: None,
            width: std::cell::Cell::new(UNKNOWN_WIDTH),
        }
    }

    /// Take the screen as `width` columns wide without asking the terminal, as for a
    /// fixed viewport (ratatui asks only a full-screen one). Until the width is known,
    /// moves between rows are absolute.
    #[cfg(test)]
    pub(crate) fn assume_width(&mut self, width: u16) {
        self.width.set(width);
    }
}

/// The width before it is known.
const UNKNOWN_WIDTH: u16 = u16::MAX;

impl<W: Write> Write for LeanBackend<W> {
    /// Raw output, e.g. the scroll sequences of [`super::scroll`]. It must leave
    /// colours and attributes reset and the cursor's visibility unchanged. Output
    /// made only of scroll-region settings (`CSI t;b r`, `CSI r`) and scrolls (`CSI n
    /// S`, `CSI n T`) is understood: the region is remembered, a scroll leaves the
    /// cursor where it was, and a scroll up by one line with the cursor on the
    /// region's last row is sent as a line feed (1 byte instead of 3). Anything else
    /// makes the backend forget where the cursor is.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(ops) = region_ops(buf) else {
            self.cursor = Cursor::Unknown;
            return self.inner.write(buf);
        };
        for op in ops {
            match op {
                RegionOp::Set(top, bottom) => {
                    self.region = (top < bottom).then_some((top, bottom));
                    write!(self.inner, "\x1b[{};{}r", top + 1, bottom + 1)?;
                    self.cursor = Cursor::Unknown;
                }
                RegionOp::Reset => {
                    self.region = None;
                    self.inner.write_all(b"\x1b[r")?;
                    self.cursor = Cursor::Unknown;
                }
                RegionOp::Scroll(n, up) => {
                    let at_bottom = match (self.cursor, self.region) {
                        (Cursor::At(_, y) | Cursor::Row(y), Some((_, bottom))) => y == bottom,
                        _ => false,
                    };
                    if up && n == 1 && at_bottom {
                        self.inner.write_all(b"\n")?;
                    } else {
                        let dir = if up { 'S' } else { 'T' };
                        if n == 1 {
                            write!(self.inner, "\x1b[{dir}")?;
                        } else {
                            write!(self.inner, "\x1b[{n}{dir}")?;
                        }
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// A scroll-region command understood by [`LeanBackend`]'s [`Write`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RegionOp {
    /// `CSI t;b r`, as 0-based rows.
    Set(u16, u16),
    /// `CSI r`.
    Reset,
    /// `CSI n S` (up: true) or `CSI n T`.
    Scroll(u16, bool),
}

/// `buf` as a list of region commands, or `None` when it holds anything else.
fn region_ops(buf: &[u8]) -> Option<Vec<RegionOp>> {
    let mut ops = Vec::new();
    let mut rest = buf;
    while !rest.is_empty() {
        let body = rest.strip_prefix(b"\x1b[")?;
        let end = body
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))?;
        let (params, tail) = body.split_at(end);
        let (&cmd, tail) = tail.split_first()?;
        let text = std::str::from_utf8(params).ok()?;
        let nums: Vec<u16> = if text.is_empty() {
            Vec::new()
        } else {
            text.split(';')
                .map(str::parse)
                .collect::<Result<_, _>>()
                .ok()?
        };
        ops.push(match (cmd, nums.as_slice()) {
            (b'r', []) => RegionOp::Reset,
            (b'r', [t, b]) if *t >= 1 && *b >= 1 => RegionOp::Set(t - 1, b - 1),
            (b'S', []) => RegionOp::Scroll(1, true),
            (b'T', []) => RegionOp::Scroll(1, false),
            (b'S', [n]) if *n >= 1 => RegionOp::Scroll(*n, true),
            (b'T', [n]) if *n >= 1 => RegionOp::Scroll(*n, false),
            _ => return None,
        });
        rest = tail;
    }
    Some(ops)
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
/// `y` (0-based). `region` is the scroll region: a relative move up or down is used
/// only where its margins cannot stop it.
fn move_cursor(
    out: &mut impl Write,
    from: Cursor,
    x: u16,
    y: u16,
    region: Option<(u16, u16)>,
) -> io::Result<()> {
    let absolute = if x == 0 {
        format!("\x1b[{}H", y + 1)
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    let (column, row) = match from {
        Cursor::Unknown => return out.write_all(absolute.as_bytes()),
        Cursor::At(fx, fy) => (Some(fx), fy),
        Cursor::Row(fy) => (None, fy),
    };
    let mut best = absolute;
    let vertical = vertical_move(row, y, region);
    if let Some(v) = vertical {
        let candidate = format!("{v}{}", horizontal_move(column, x));
        if candidate.len() < best.len() {
            best = candidate;
        }
    }
    out.write_all(best.as_bytes())
}

/// The sequence moving the cursor from row `from` to row `to` in its column, when
/// the scroll region's margins let it get there.
fn vertical_move(from: u16, to: u16, region: Option<(u16, u16)>) -> Option<String> {
    if from == to {
        return Some(String::new());
    }
    if let Some((top, bottom)) = region {
        // Up stops at the top margin from inside or below the region, down at the
        // bottom margin from inside or above it.
        if to < from && from >= top && to < top {
            return None;
        }
        if to > from && from <= bottom && to > bottom {
            return None;
        }
    }
    let (n, dir) = if to < from {
        (from - to, 'A')
    } else {
        (to - from, 'B')
    };
    Some(if n == 1 {
        format!("\x1b[{dir}")
    } else {
        format!("\x1b[{n}{dir}")
    })
}

/// The shortest way to column `x` on the cursor's row from column `from` (`None`: not
/// known): nothing, carriage return, a few backspaces, a move right, or the column.
fn horizontal_move(from: Option<u16>, x: u16) -> String {
    let column = format!("\x1b[{}G", x + 1);
    let candidate = match from {
        Some(fx) if fx == x => String::new(),
        _ if x == 0 => "\r".to_string(),
        Some(fx) if fx > x && fx - x < 4 => "\x08".repeat(usize::from(fx - x)),
        Some(fx) if fx < x && x - fx == 1 => "\x1b[C".to_string(),
        Some(fx) if fx < x => format!("\x1b[{}C", x - fx),
        _ => return column,
    };
    if candidate.len() <= column.len() {
        candidate
    } else {
        column
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
        let width = self.width.get();
        // The row the cursor is on goes first: after a one-line scroll that is the
        // footer, whose changed figures then cost a backspace or two instead of a
        // cursor address. Only when every other cell has a width terminals agree on:
        // a character drawn wider than expected spills into the next row, which must
        // then be drawn after it, as in ratatui's order.
        let mut cells: Vec<(u16, u16, &Cell)> = content.collect();
        if let Cursor::At(_, row) | Cursor::Row(row) = at {
            let first = cells.iter().filter(|c| c.1 == row).count();
            if first > 0
                && first < cells.len()
                && cells
                    .iter()
                    .all(|c| c.1 == row || sure_width(c.2.symbol()).is_some())
            {
                cells.sort_by_key(|c| c.1 != row);
            }
        }
        for (x, y, cell) in cells {
            if at != Cursor::At(x, y) {
                // Not knowing the width, a cursor after the last column cannot be
                // told from one inside it: only same-row moves and addresses then.
                let from = match at {
                    Cursor::At(_, fy) | Cursor::Row(fy) if width == UNKNOWN_WIDTH && fy != y => {
                        Cursor::Unknown
                    }
                    other => other,
                };
                move_cursor(out, from, x, y, self.region)?;
            }
            pen.switch_to(out, cell)?;
            let symbol = cell.symbol();
            queue!(out, Print(symbol))?;
            at = match sure_width(symbol) {
                // Ending in the last column leaves the cursor there with a wrap
                // pending, which terminals resolve differently: keep only the row.
                Some(w) if x.saturating_add(w) < width => Cursor::At(x + w, y),
                _ => Cursor::Row(y),
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
        let size = self.inner.size()?;
        self.width.set(size.width);
        Ok(size)
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
            move_cursor(&mut v, from, x, y, None).expect("vec");
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
    fn region_commands_are_understood_and_nothing_else() {
        assert_eq!(region_ops(b"\x1b[S"), Some(vec![RegionOp::Scroll(1, true)]));
        assert_eq!(
            region_ops(b"\x1b[12T"),
            Some(vec![RegionOp::Scroll(12, false)])
        );
        assert_eq!(
            region_ops(b"\x1b[3;9r\x1b[S"),
            Some(vec![RegionOp::Set(2, 8), RegionOp::Scroll(1, true)])
        );
        assert_eq!(region_ops(b"\x1b[r"), Some(vec![RegionOp::Reset]));
        for other in [
            &b"\x1b[H"[..],
            b"S",
            b"\x1b[0;9r",
            b"\x1b[S\n",
            b"\x1b[1;2;3r",
        ] {
            assert_eq!(region_ops(other), None, "{other:?}");
        }
        assert_eq!(region_ops(b""), Some(vec![]));
    }

    #[test]
    fn moves_up_down_and_back_stay_inside_what_the_margins_allow() {
        let mv = |from, x, y, region| {
            let mut v = Vec::new();
            move_cursor(&mut v, from, x, y, region).expect("vec");
            String::from_utf8(v).expect("ascii")
        };
        let region = Some((3, 22));
        // From the footer below the region up into its last row: one row up.
        assert_eq!(mv(Cursor::At(40, 23), 40, 22, region), "\x1b[A");
        assert_eq!(mv(Cursor::At(5, 23), 2, 22, region), "\x1b[A\x08\x08\x08");
        // Down out of the region would stop at its bottom margin: an address.
        assert_eq!(mv(Cursor::At(4, 22), 3, 23, region), "\x1b[24;4H");
        assert_eq!(mv(Cursor::At(4, 22), 3, 23, None), "\x1b[B\x08");
        // Up out of the region's top would stop at it.
        assert_eq!(mv(Cursor::At(4, 3), 4, 2, region), "\x1b[3;5H");
        // Back a few columns by backspace, further by column.
        assert_eq!(mv(Cursor::At(6, 23), 4, 23, region), "\x08\x08");
        assert_eq!(mv(Cursor::At(16, 23), 4, 23, region), "\x1b[5G");
        // A pending wrap at the last column keeps only the row.
        assert_eq!(mv(Cursor::Row(22), 2, 22, region), "\x1b[3G");
    }

    #[test]
    fn a_one_line_scroll_at_the_region_bottom_is_a_line_feed() {
        let sink = Sink::default();
        let mut b = LeanBackend::new(sink.clone());
        b.write_all(b"\x1b[4;23r").expect("vec");
        assert_eq!(b.region, Some((3, 22)));
        // Not known where the cursor is: the scroll sequence itself.
        b.write_all(b"\x1b[S").expect("vec");
        b.cursor = Cursor::At(10, 22);
        b.write_all(b"\x1b[S").expect("vec");
        assert_eq!(b.cursor, Cursor::At(10, 22), "a scroll keeps the cursor");
        b.cursor = Cursor::At(10, 23);
        b.write_all(b"\x1b[S\x1b[2S").expect("vec");
        b.write_all(b"\x1b[r").expect("vec");
        assert_eq!(b.region, None);
        b.write_all(b"\x1b[H").expect("vec");
        assert_eq!(b.cursor, Cursor::Unknown);
        assert_eq!(
            String::from_utf8(sink.take()).expect("ascii"),
            "\x1b[4;23r\x1b[S\n\x1b[S\x1b[2S\x1b[r\x1b[H"
        );
    }
}
