//! A crossterm backend that writes fewer bytes for Chinese text.
//!
//! ratatui's `CrosstermBackend` moves the cursor before every cell that does not
//! directly follow the previous one *by one column*, so after each wide character it
//! sends a `CSI row;col H` (7-8 bytes) for a character of 3 bytes: a line of Chinese
//! costs three times its text. [`LeanBackend`] is the same backend with a drawing loop
//! that knows where the cursor is after a character whose width every terminal agrees
//! on (also from one frame to the next), picks the shortest cursor movement (see
//! `moves`), sets colours and attributes with one short SGR sequence, resets them
//! only when it changed them, and does not hide an already hidden cursor on every
//! frame. Everything else is delegated to `CrosstermBackend`.
//!
//! Characters whose width terminals disagree on (emoji, combining sequences, rare
//! symbols) are followed by an absolute column move, so a terminal that draws them
//! wider or narrower cannot shift the rest of the line. Ambiguous-width punctuation
//! (`“”…—`) counts as one column, as ratatui and `less` count it.

mod moves;
mod pen;
mod raw;

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::Print;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthChar;

use moves::{Cursor, Margins, move_cursor};
use pen::Pen;
use raw::RawOp;

/// `CrosstermBackend` with a leaner drawing loop; see the module documentation.
#[derive(Debug)]
pub struct LeanBackend<W: Write> {
    inner: CrosstermBackend<W>,
    /// Whether the cursor is known to be hidden (`None`: not known).
    cursor_hidden: Option<bool>,
    /// Where the cursor is between frames, as far as this backend knows.
    cursor: Cursor,
    /// The scroll region and the saved cursor, both set through [`Write`].
    margins: Margins,
    /// The row a one-line scroll just exposed: blank on the terminal until this
    /// backend draws on it, so the columns before its text can be stepped over by
    /// writing spaces from the row's start (`CR` and two spaces for the reader's
    /// margin: 3 bytes, against 4 for a column address).
    blank_row: Option<u16>,
    /// Screen size as last asked for: a character ending in the last column leaves
    /// the cursor in a state terminals disagree on.
    size: std::cell::Cell<Option<Size>>,
    /// The size changed since the cursor was saved: terminals move a saved cursor
    /// that a smaller screen cuts off, so it is no longer known.
    resized: std::cell::Cell<bool>,
}

impl<W: Write> LeanBackend<W> {
    /// A backend writing to `writer` (usually `std::io::stdout()`).
    pub fn new(writer: W) -> LeanBackend<W> {
        LeanBackend {
            inner: CrosstermBackend::new(writer),
            cursor_hidden: None,
            cursor: Cursor::Unknown,
            margins: Margins::default(),
            blank_row: None,
            size: std::cell::Cell::new(None),
            resized: std::cell::Cell::new(false),
        }
    }

    /// Take the screen as `width` columns wide without asking the terminal, as for a
    /// fixed viewport (ratatui asks only a full-screen one). Until the width is known,
    /// moves between rows are absolute.
    #[cfg(test)]
    pub(crate) fn assume_width(&mut self, width: u16) {
        self.size.set(Some(Size::new(width, u16::MAX)));
    }

    fn width(&self) -> u16 {
        self.size.get().map_or(UNKNOWN_WIDTH, |s| s.width)
    }

    fn run(&mut self, op: RawOp) -> io::Result<()> {
        match op {
            RawOp::Set(top, bottom) => {
                self.blank_row = None;
                self.margins.region = (top < bottom).then_some((top, bottom));
                write!(self.inner, "\x1b[{};{}r", top + 1, bottom + 1)?;
                self.cursor = Cursor::Unknown;
            }
            RawOp::Reset => {
                self.blank_row = None;
                self.margins.region = None;
                self.inner.write_all(b"\x1b[r")?;
                self.cursor = Cursor::Unknown;
            }
            RawOp::Goto(x, y) => {
                if x == 0 {
                    write!(self.inner, "\x1b[{}H", y + 1)?;
                } else {
                    write!(self.inner, "\x1b[{};{}H", y + 1, x + 1)?;
                }
                self.cursor = Cursor::At(x, y);
            }
            RawOp::Save => {
                self.inner.write_all(b"\x1b7")?;
                self.resized.set(false);
                self.margins.saved = match self.cursor {
                    Cursor::At(x, y) => Some((x, y)),
                    _ => None,
                };
            }
            RawOp::Scroll(n, up) => {
                self.blank_row = match self.margins.region {
                    Some((top, bottom)) if n == 1 => Some(if up { bottom } else { top }),
                    _ => None,
                };
                let row = match self.cursor {
                    Cursor::At(_, y) | Cursor::Row(y) => Some(y),
                    Cursor::Unknown => None,
                };
                let (top, bottom) = self.margins.region.unwrap_or((u16::MAX, u16::MAX));
                if n == 1 && up && row == Some(bottom) {
                    // A line feed on the bottom margin scrolls the region up.
                    self.inner.write_all(b"\n")?;
                } else if n == 1 && !up && row == Some(top) {
                    // A reverse index on the top margin scrolls it down.
                    self.inner.write_all(b"\x1bM")?;
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
        Ok(())
    }
}

/// The width before it is known.
const UNKNOWN_WIDTH: u16 = u16::MAX;

impl<W: Write> Write for LeanBackend<W> {
    /// Raw output, e.g. the scroll sequences of [`super::scroll`]. It must leave
    /// colours and attributes reset and the cursor's visibility unchanged. Output
    /// made only of scroll-region settings (`CSI t;b r`, `CSI r`), scrolls (`CSI n S`,
    /// `CSI n T`), cursor addresses (`CSI y;x H`) and cursor saves (`ESC 7`) is
    /// understood: the region is remembered, a scroll leaves the cursor where it was
    /// and is sent as a line feed or a reverse index (1 or 2 bytes instead of 3)
    /// where the cursor is on the margin it scrolls from, and a saved cursor becomes
    /// a 2-byte way back to its place (`ESC 8`). Anything else makes the backend
    /// forget where the cursor is and that one was saved.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(ops) = raw::parse(buf) else {
            self.cursor = Cursor::Unknown;
            self.blank_row = None;
            self.margins.saved = None;
            return self.inner.write(buf);
        };
        for op in ops {
            self.run(op)?;
        }
        Ok(buf.len())
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

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        if self.resized.replace(false) {
            self.margins.saved = None;
        }
        let width = self.width();
        let out = &mut self.inner;
        let mut pen = Pen::RESET;
        let mut at = self.cursor;
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
                let on_row = matches!(from, Cursor::At(_, fy) | Cursor::Row(fy) if fy == y);
                let pad = self.blank_row == Some(y) && on_row && pen == Pen::RESET;
                if pad && usize::from(x) + 1 < moves::shortest_move(from, x, y, self.margins).len()
                {
                    // Spaces in the default colours are what the blank row holds.
                    out.write_all(b"\r")?;
                    out.write_all(" ".repeat(usize::from(x)).as_bytes())?;
                } else if move_cursor(out, from, x, y, self.margins)? {
                    // The saved cursor brings back the pen it was saved with.
                    pen = Pen::RESET;
                }
            }
            if self.blank_row == Some(y) {
                self.blank_row = None;
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
        self.blank_row = None;
        self.cursor = Cursor::Unknown;
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.blank_row = None;
        self.cursor = Cursor::Unknown;
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        let size = self.inner.size()?;
        if self.size.replace(Some(size)).is_some_and(|old| old != size) {
            self.resized.set(true);
        }
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
    fn a_one_line_scroll_at_the_region_bottom_is_a_line_feed() {
        let sink = Sink::default();
        let mut b = LeanBackend::new(sink.clone());
        b.write_all(b"\x1b[4;23r").expect("vec");
        assert_eq!(b.margins.region, Some((3, 22)));
        // Not known where the cursor is: the scroll sequence itself.
        b.write_all(b"\x1b[S").expect("vec");
        b.cursor = Cursor::At(10, 22);
        b.write_all(b"\x1b[S").expect("vec");
        assert_eq!(b.cursor, Cursor::At(10, 22), "a scroll keeps the cursor");
        b.cursor = Cursor::At(10, 23);
        b.write_all(b"\x1b[S\x1b[2S").expect("vec");
        // Down by one on the top margin is a reverse index, elsewhere `CSI T`.
        b.cursor = Cursor::At(0, 3);
        b.write_all(b"\x1b[T").expect("vec");
        b.cursor = Cursor::At(0, 4);
        b.write_all(b"\x1b[T").expect("vec");
        b.write_all(b"\x1b[r").expect("vec");
        assert_eq!(b.margins.region, None);
        b.write_all(b"\x1b[H").expect("vec");
        assert_eq!(b.cursor, Cursor::Unknown);
        assert_eq!(
            String::from_utf8(sink.take()).expect("ascii"),
            "\x1b[4;23r\x1b[S\n\x1b[S\x1b[2S\x1bM\x1b[T\x1b[r\x1b[H"
        );
    }

    /// A 20x6 reader-like screen drawn through the backend: rows 0..5 scroll, row 5
    /// is the footer, and a vt100 parser follows what the terminal shows.
    struct Reader {
        t: Terminal<LeanBackend<Sink>>,
        last: crate::ui::scroll::LastFrame,
        sink: Sink,
        screen: vt100::Parser,
    }

    impl Reader {
        fn new() -> Reader {
            let sink = Sink::default();
            let mut b = LeanBackend::new(sink.clone());
            b.assume_width(20);
            let t = Terminal::with_options(b, options(20, 6)).expect("terminal");
            let nz = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
            Reader {
                t,
                last: crate::ui::scroll::LastFrame::new(),
                sink,
                screen: vt100::Parser::new(nz(6), nz(20), 0),
            }
        }

        /// Set the region and save the cursor on the footer's figure, as the reader
        /// does when it opens; what the backend sent.
        fn open(&mut self) -> String {
            crate::ui::scroll::prepare(
                &mut self.t,
                &mut self.last,
                0..5,
                Some(Position::new(3, 5)),
            )
            .expect("vec");
            self.out()
        }

        /// Scroll the body by `delta` lines; what the backend sent.
        fn scroll(&mut self, delta: i32) -> String {
            assert!(
                crate::ui::scroll::scroll_rows(&mut self.t, &mut self.last, 0..5, delta)
                    .expect("vec")
            );
            self.out()
        }

        /// Draw body lines `lines` and footer `foot`; what the backend sent.
        fn draw(&mut self, lines: &[&str], foot: &str) -> String {
            let drawn = self
                .t
                .draw(|f| {
                    let body: Vec<Line> = lines.iter().map(|l| Line::from(*l)).collect();
                    f.render_widget(Paragraph::new(body), Rect::new(2, 0, 16, 5));
                    f.render_widget(Paragraph::new(foot), Rect::new(0, 5, 20, 1));
                })
                .expect("draw");
            self.last.remember(drawn.buffer);
            self.out()
        }

        fn out(&mut self) -> String {
            let bytes = self.sink.take();
            self.screen.process(&bytes);
            String::from_utf8(bytes).expect("utf-8")
        }

        fn rows(&self) -> Vec<String> {
            self.screen.screen().rows(0, 20).collect()
        }
    }

    #[test]
    fn a_one_line_scroll_sends_the_scroll_the_line_and_the_changed_figure() {
        let mut r = Reader::new();
        assert_eq!(r.open(), "\x1b[1;5r\x1b[6;4H\x1b7");
        assert_eq!(r.t.backend().margins.saved, Some((3, 5)));
        r.draw(&["aa", "bb", "cc", "dd", "ee"], "  50%  q");
        // The cursor ended on the region's last row: the scroll is a line feed, the
        // exposed line is drawn where the cursor is, and the saved cursor leads back
        // to the footer's figure, which the bottom margin would stop a move down to.
        assert_eq!(r.scroll(1), "\n");
        assert_eq!(
            r.draw(&["bb", "cc", "dd", "ee", "ff"], "  51%  q"),
            "\x08\x08ff\x1b81"
        );
        // Now on the footer: the scroll is `CSI S`, the figure goes first (a
        // backspace away), then a reverse index up to the exposed row.
        assert_eq!(r.scroll(1), "\x1b[S");
        assert_eq!(
            r.draw(&["cc", "dd", "ee", "ff", "gg"], "  52%  q"),
            "\x082\x1bM\x08\x08gg"
        );
        // A figure that does not change costs nothing.
        assert_eq!(r.scroll(1), "\n");
        assert_eq!(
            r.draw(&["dd", "ee", "ff", "gg", "hh"], "  52%  q"),
            "\x08\x08hh"
        );
        assert_eq!(
            r.rows(),
            ["  dd", "  ee", "  ff", "  gg", "  hh", "  52%  q"]
        );
        // After a long line, the exposed row's margin is stepped over with spaces
        // from its start (3 bytes) rather than a column address (4).
        assert_eq!(r.scroll(1), "\n");
        r.draw(&["ee", "ff", "gg", "hh", "iiiiiiiiiiiii"], "  52%  q");
        assert_eq!(r.scroll(1), "\n");
        assert_eq!(
            r.draw(&["ff", "gg", "hh", "iiiiiiiiiiiii", "j"], "  52%  q"),
            "\r  j"
        );
        // Not once something was drawn on it; not on the row a scroll back exposes
        // when the cursor is elsewhere.
        assert_eq!(r.t.backend().blank_row, None);
        assert_eq!(r.scroll(-1), "\x1b[T");
        assert_eq!(r.t.backend().blank_row, Some(0));
        assert_eq!(
            r.draw(&["ee", "ff", "gg", "hh", "iiiiiiiiiiiii"], "  52%  q"),
            "\x1b[4A\x08ee"
        );
        assert_eq!(
            r.rows(),
            [
                "  ee",
                "  ff",
                "  gg",
                "  hh",
                "  iiiiiiiiiiiii",
                "  52%  q"
            ]
        );
    }

    #[test]
    fn the_saved_cursor_is_forgotten_when_it_may_have_moved() {
        let mut b = LeanBackend::new(Sink::default());
        b.write_all(b"\x1b[24;4H\x1b7").expect("vec");
        assert_eq!(b.margins.saved, Some((3, 23)));
        // Saved where the cursor is not known: not a place to go back to.
        b.write_all(b"\x1b[3;9r\x1b7").expect("vec");
        assert_eq!(b.margins.saved, None);
        b.write_all(b"\x1b[24;4H\x1b7").expect("vec");
        // Output it does not follow may have saved the cursor elsewhere.
        b.write_all(b"\x1b[?25l").expect("vec");
        assert_eq!(b.margins.saved, None);
        b.write_all(b"\x1b[24;4H\x1b7").expect("vec");
        // A new screen size: terminals move a saved cursor the screen cuts off.
        b.resized.set(true);
        b.draw(std::iter::empty()).expect("vec");
        assert_eq!(b.margins.saved, None);
        // Saving after the new size was seen keeps it.
        b.resized.set(true);
        b.write_all(b"\x1b[24;4H\x1b7").expect("vec");
        b.draw(std::iter::empty()).expect("vec");
        assert_eq!(b.margins.saved, Some((3, 23)));
    }
}
