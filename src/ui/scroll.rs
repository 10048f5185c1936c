//! Cheap scrolling: let the terminal move the text that is already on screen.
//!
//! ratatui compares each frame with the previous one cell by cell, so scrolling a
//! page of Chinese text by one line changes almost every cell and resends the whole
//! page (~14 KB at 80x40; `less` sends under a hundred bytes). Terminals can move
//! rows themselves: set a scroll region (DECSTBM, `CSI top;bottom r`) and scroll it
//! (`CSI k S` up, `CSI k T` down). If ratatui's idea of the screen is then shifted
//! the same way, the next `draw` sends only the exposed rows and whatever else
//! changed (the footer).
//!
//! ratatui's "previous" buffer cannot be read after a draw, so [`LastFrame`] keeps a
//! copy of each drawn frame ([`LastFrame::remember`]). [`scroll_rows`] writes the
//! escape sequences, shifts that copy, installs it as the previous buffer with
//! `current_buffer_mut` + `swap_buffers`, and the caller draws as usual.
//!
//! The scroll region stays set between scrolls (setting it costs 8 bytes, as much as
//! `less` spends on a whole scroll step besides the text). Nothing else ratatui
//! writes depends on it: drawing uses absolute cursor positions. It must be reset
//! ([`RESET_REGION`]) before the program leaves the alternate screen, and forgotten
//! ([`LastFrame::forget`]) on a resize, which some terminals answer by resetting it.
//!
//! Whole screen rows move (terminals with left/right margins are rare), so anything
//! else in those rows — a border, a side panel — moves too; the copy moves the same
//! way, and the following draw repairs it like any other change.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Position;

/// Resets the scroll region to the whole screen (DECSTBM without arguments). Write it
/// when restoring the terminal, before leaving the alternate screen.
pub const RESET_REGION: &[u8] = b"\x1b[r";

/// A copy of the frame last drawn, which is what the terminal shows, and the scroll
/// region the terminal has.
#[derive(Debug, Clone, Default)]
pub struct LastFrame {
    buffer: Buffer,
    valid: bool,
    /// The scroll region set on the terminal, when known.
    region: Option<Range<u16>>,
}

impl LastFrame {
    /// Nothing remembered yet: the first [`scroll_rows`] declines.
    #[must_use]
    pub fn new() -> LastFrame {
        LastFrame::default()
    }

    /// Remember the frame just drawn: pass `terminal.draw(..)?.buffer`. Reuses the
    /// copy's allocation, so this is a plain copy of the cells.
    pub fn remember(&mut self, drawn: &Buffer) {
        self.buffer.area = drawn.area;
        self.buffer.content.clone_from(&drawn.content);
        self.valid = true;
    }

    /// Forget the copy and the scroll region, e.g. after a resize, `terminal.clear()`
    /// or output written behind ratatui's back: the next [`scroll_rows`] declines and
    /// the draw repaints as usual; the one after sets the region again.
    pub fn forget(&mut self) {
        self.valid = false;
        self.region = None;
    }
}

/// Set the scroll region to screen rows `rows` (0-based, end exclusive) ahead of the
/// first scroll, and save the cursor at `anchor` (DECSC), so that a one-line scroll
/// costs only the scroll and the exposed line: the region's 8 bytes are paid once,
/// and the backend gets back to `anchor` from the scrolled rows in 2 bytes
/// (`ESC 8`) where the margin stops a relative move. Call it before drawing the view
/// that will scroll; it writes nothing while the terminal has that region already
/// (until [`LastFrame::forget`]). Brings ratatui's idea of the screen size up to
/// date first, so that a backend that drops a saved cursor on a new size sees the
/// size this save was made at.
///
/// The saved cursor is the alternate screen's own (terminals keep one per screen),
/// so the place the shell's cursor returns to on leaving it is not touched. The
/// cursor is left at `anchor`.
///
/// # Errors
/// When writing to the terminal fails.
pub fn prepare<B: Backend + Write>(
    terminal: &mut Terminal<B>,
    last: &mut LastFrame,
    rows: Range<u16>,
    anchor: Option<Position>,
) -> io::Result<()> {
    if last.region.as_ref() == Some(&rows) {
        return Ok(());
    }
    terminal
        .autoresize()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let area = terminal.current_buffer_mut().area;
    if rows.start >= rows.end || rows.end > area.bottom() {
        return Ok(());
    }
    let mut seq = Vec::with_capacity(24);
    write!(seq, "\x1b[{};{}r", rows.start + 1, rows.end)?;
    if let Some(a) = anchor.filter(|a| area.contains(*a)) {
        write!(seq, "\x1b[{};{}H\x1b7", a.y + 1, a.x + 1)?;
    }
    terminal.backend_mut().write_all(&seq)?;
    last.region = Some(rows);
    Ok(())
}

/// Shift rows `rows` of `buffer` by `delta` lines the way the terminal scrolls them:
/// positive moves the text up (reading on), negative down; rows move whole (wide
/// characters included) and exposed rows are blank. Returns false, changing nothing,
/// when `rows` is not inside the buffer.
pub fn shift_rows(buffer: &mut Buffer, rows: &Range<u16>, delta: i32) -> bool {
    let area = buffer.area;
    if rows.start < area.y || rows.end > area.bottom() || rows.start >= rows.end {
        return false;
    }
    let width = usize::from(area.width);
    let first = usize::from(rows.start - area.y) * width;
    let last = usize::from(rows.end - area.y) * width;
    let Some(region) = buffer.content.get_mut(first..last) else {
        return false;
    };
    let moved = usize::try_from(delta.unsigned_abs())
        .unwrap_or(usize::MAX)
        .saturating_mul(width)
        .min(region.len());
    let len = region.len();
    let exposed = if delta > 0 {
        region.rotate_left(moved);
        len - moved..len
    } else {
        region.rotate_right(moved);
        0..moved
    };
    region[exposed].iter_mut().for_each(Cell::reset);
    true
}

/// Scroll screen rows `rows` (0-based, end exclusive, full width) by `delta` lines
/// (positive: the text moves up) on the terminal itself, and make ratatui believe the
/// same, so that the next `terminal.draw(..)` sends only the exposed rows and the
/// cells that changed.
///
/// Call it after the view moved and before drawing the new view, with `last` holding
/// the frame drawn before (see [`LastFrame::remember`]). Returns `Ok(false)` without
/// writing anything when scrolling would not help or cannot be trusted: nothing
/// remembered, `delta` 0 or at least the region's height, `rows` outside the screen,
/// or a screen size different from the remembered frame's. The draw then repaints
/// the usual way.
///
/// Works with any backend that also takes raw bytes ([`super::backend::LeanBackend`],
/// ratatui's `CrosstermBackend`).
///
/// # Errors
/// When writing to the terminal fails.
pub fn scroll_rows<B: Backend + Write>(
    terminal: &mut Terminal<B>,
    last: &mut LastFrame,
    rows: Range<u16>,
    delta: i32,
) -> io::Result<bool> {
    let height = i64::from(rows.end) - i64::from(rows.start);
    if !last.valid || delta == 0 || i64::from(delta.unsigned_abs()) >= height {
        return Ok(false);
    }
    if terminal.current_buffer_mut().area != last.buffer.area {
        last.forget();
        return Ok(false);
    }
    if !shift_rows(&mut last.buffer, &rows, delta) {
        return Ok(false);
    }
    let mut seq = Vec::with_capacity(16);
    if last.region.as_ref() != Some(&rows) {
        write!(seq, "\x1b[{};{}r", rows.start + 1, rows.end)?;
        last.region = Some(rows);
    }
    match delta.unsigned_abs() {
        1 => seq.extend_from_slice(if delta > 0 { b"\x1b[S" } else { b"\x1b[T" }),
        k => write!(seq, "\x1b[{k}{}", if delta > 0 { 'S' } else { 'T' })?,
    }
    terminal.backend_mut().write_all(&seq)?;
    // The shifted copy becomes ratatui's "previous" buffer; the frame drawn next is
    // compared with it.
    terminal
        .current_buffer_mut()
        .content
        .clone_from(&last.buffer.content);
    terminal.swap_buffers();
    Ok(true)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::core::layout::layout;
    use crate::ui::backend::LeanBackend;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Style};
    use ratatui::text::Line;
    use ratatui::widgets::Paragraph;
    use ratatui::{Frame, TerminalOptions, Viewport};

    /// A reader-like screen: a title row, a rule, the body rows from `top`, a footer.
    struct Screen {
        width: u16,
        height: u16,
        lines: Vec<String>,
    }

    const HEADER: u16 = 2;

    impl Screen {
        fn new(width: u16, height: u16, text: &str) -> Screen {
            let lines = layout(text, width)
                .lines
                .into_iter()
                .map(|l| l.text)
                .collect();
            Screen {
                width,
                height,
                lines,
            }
        }

        fn body(&self) -> Range<u16> {
            HEADER..self.height - 1
        }

        fn body_height(&self) -> usize {
            usize::from(self.height - HEADER - 1)
        }

        fn max_top(&self) -> usize {
            self.lines.len() - self.body_height()
        }

        fn draw(&self, f: &mut Frame, top: usize) {
            let w = self.width;
            f.render_widget(
                Paragraph::new("党章学习 · 第一章 党员").style(Style::new().fg(Color::Red)),
                Rect::new(0, 0, w, 1),
            );
            f.render_widget(
                Paragraph::new("─".repeat(usize::from(w))),
                Rect::new(0, 1, w, 1),
            );
            let body: Vec<Line> = self
                .lines
                .iter()
                .skip(top)
                .take(self.body_height())
                .map(|l| Line::from(l.as_str()))
                .collect();
            f.render_widget(
                Paragraph::new(body),
                Rect::new(0, HEADER, w, self.height - HEADER - 1),
            );
            let pct = (top + self.body_height()).min(self.lines.len()) * 100 / self.lines.len();
            f.render_widget(
                Paragraph::new(format!("{pct:>3}%  j/k 行  空格 翻页"))
                    .style(Style::new().fg(Color::Yellow)),
                Rect::new(0, self.height - 1, w, 1),
            );
        }
    }

    use crate::ui::Sink;

    fn lean(s: Sink, width: u16) -> LeanBackend<Sink> {
        let mut b = LeanBackend::new(s);
        b.assume_width(width);
        b
    }

    fn plain(s: Sink, _width: u16) -> CrosstermBackend<Sink> {
        CrosstermBackend::new(s)
    }

    fn terminal<B: Backend>(make: fn(Sink, u16) -> B, w: u16, h: u16) -> (Terminal<B>, Sink) {
        let sink = Sink::default();
        let t = Terminal::with_options(
            make(sink.clone(), w),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
            },
        )
        .expect("a terminal over a Vec never fails");
        (t, sink)
    }

    fn parser(w: u16, h: u16) -> vt100::Parser {
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("not zero");
        vt100::Parser::new(nz(h), nz(w), 0)
    }

    /// What a fresh terminal shows after one full draw at `top`.
    fn full_redraw(s: &Screen, top: usize) -> vt100::Parser {
        let (mut t, sink) = terminal(plain, s.width, s.height);
        t.draw(|f| s.draw(f, top)).expect("draw");
        let mut p = parser(s.width, s.height);
        p.process(&sink.take());
        p
    }

    fn assert_same_screen(a: &vt100::Screen, b: &vt100::Screen, what: &str) {
        let (rows, cols) = a.size();
        for r in 0..rows.get() {
            for c in 0..cols.get() {
                let (x, y) = (a.cell(r, c), b.cell(r, c));
                let same = match (x, y) {
                    (Some(x), Some(y)) => {
                        // A cell never written and a written space both show blank.
                        let blank = |s: &str| if s.is_empty() { " " } else { s }.to_string();
                        blank(x.contents()) == blank(y.contents())
                            && x.fgcolor() == y.fgcolor()
                            && x.bgcolor() == y.bgcolor()
                            && x.is_wide() == y.is_wide()
                            && x.is_wide_continuation() == y.is_wide_continuation()
                    }
                    (None, None) => true,
                    _ => false,
                };
                assert!(
                    same,
                    "{what}: cell {r},{c} differs\nscrolled:\n{}\nfull redraw:\n{}",
                    a.contents(),
                    b.contents()
                );
            }
        }
    }

    /// Text with wide characters reaching the right edge, a narrow character pushing
    /// them off by one column, emoji, and 避头尾 punctuation.
    fn sample() -> String {
        let mut s = String::new();
        for i in 0..30 {
            let _ = write!(
                s,
                "第{i}段：党的基层组织是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础。👍🏽 a{i}b 红色物业“议事角”（闲置楼道）！\n\n"
            );
            s.push_str("x党建引领基层治理凝聚合力党建引领基层治理凝聚合力党建引领基层治理凝聚合力党建引领\n");
        }
        s
    }

    /// Scroll through `deltas`, checking the screen after each step against a fresh
    /// full redraw; returns the bytes each step wrote.
    fn run<B: Backend + Write>(
        make: fn(Sink, u16) -> B,
        w: u16,
        h: u16,
        deltas: &[i32],
    ) -> Vec<usize> {
        let s = Screen::new(w, h, &sample());
        let (mut t, sink) = terminal(make, w, h);
        let mut last = LastFrame::new();
        let mut screen = parser(w, h);
        let mut top = 0usize;
        // As the reader does: the region set and the footer's figure saved first.
        prepare(&mut t, &mut last, s.body(), Some(Position::new(2, h - 1))).expect("prepare");
        let drawn = t.draw(|f| s.draw(f, top)).expect("draw");
        last.remember(drawn.buffer);
        screen.process(&sink.take());
        let mut sizes = Vec::new();
        for &d in deltas {
            let new_top = top.saturating_add_signed(d as isize).min(s.max_top());
            let moved = i32::try_from(new_top).expect("small") - i32::try_from(top).expect("small");
            top = new_top;
            scroll_rows(&mut t, &mut last, s.body(), moved).expect("scroll");
            let drawn = t.draw(|f| s.draw(f, top)).expect("draw");
            last.remember(drawn.buffer);
            let bytes = sink.take();
            sizes.push(bytes.len());
            screen.process(&bytes);
            assert_same_screen(
                screen.screen(),
                full_redraw(&s, top).screen(),
                &format!("{w}x{h} after delta {d} to top {top}"),
            );
        }
        sizes
    }

    #[test]
    fn scrolling_by_one_line_matches_a_full_redraw() {
        let steps = [1, 1, 1, -1, 1, -1, -1, -1, 1, 1, 1, 1, 1];
        run(lean, 80, 24, &steps);
        run(plain, 80, 24, &steps);
        run(lean, 41, 10, &[1, 1, 1, 1, -1, -1, 1]);
    }

    #[test]
    fn scrolling_by_pages_matches_a_full_redraw() {
        let steps = [20, 20, -20, 21, -21, 5, -3, 20, 20, 20, -20, -20];
        run(lean, 80, 24, &steps);
        run(plain, 80, 24, &steps);
        run(lean, 41, 10, &[6, 6, -6, 7, -7, 3]);
    }

    #[test]
    fn odd_widths_put_wide_characters_at_the_edge() {
        for w in [79, 80, 81, 33, 3] {
            run(lean, w, 12, &[1, 2, -1, 8, -8, 1, 1]);
        }
    }

    #[test]
    fn a_one_line_scroll_sends_about_one_line() {
        let s = Screen::new(80, 24, &sample());
        // The step from top 0 to 1 exposes "x党建…引" (a full row: 1 + 39×3 bytes).
        let exposed = s.lines[s.body_height()].len();
        let sizes = run(lean, 80, 24, &[1, 1, 1]);
        // The first scroll sets the region (8 bytes); later ones only scroll (3).
        assert!(
            sizes[0] <= exposed + 8 + 3 + 8 + 40,
            "{sizes:?} for {exposed}"
        );
        // Without the scroll region the same step resends the whole body.
        let (mut t, sink) = terminal(lean, 80, 24);
        t.draw(|f| s.draw(f, 0)).expect("draw");
        sink.take();
        t.draw(|f| s.draw(f, 1)).expect("draw");
        let whole = sink.take().len();
        for n in sizes {
            assert!(
                n * 8 < whole,
                "{n} bytes against {whole} for a plain redraw"
            );
        }
    }

    #[test]
    fn the_region_is_set_once_and_again_after_forget() {
        let s = Screen::new(40, 10, &sample());
        let (mut t, sink) = terminal(lean, 40, 10);
        let mut last = LastFrame::new();
        // Scroll by `d` to `top`; the bytes the scroll itself wrote.
        let step = |t: &mut Terminal<LeanBackend<Sink>>, last: &mut LastFrame, top, d| {
            assert!(scroll_rows(t, last, s.body(), d).expect("scroll"));
            let seq = sink.take();
            let drawn = t.draw(|f| s.draw(f, top)).expect("draw");
            last.remember(drawn.buffer);
            sink.take();
            String::from_utf8(seq).expect("ascii")
        };
        let drawn = t.draw(|f| s.draw(f, 0)).expect("draw");
        last.remember(drawn.buffer);
        sink.take();
        assert_eq!(step(&mut t, &mut last, 1, 1), "\x1b[3;9r\x1b[S");
        assert_eq!(step(&mut t, &mut last, 0, -1), "\x1b[T");
        assert_eq!(step(&mut t, &mut last, 3, 3), "\x1b[3S");
        last.forget();
        let drawn = t.draw(|f| s.draw(f, 3)).expect("draw");
        last.remember(drawn.buffer);
        assert_eq!(step(&mut t, &mut last, 4, 1), "\x1b[3;9r\x1b[S");
    }

    #[test]
    fn prepare_sets_the_region_and_saves_the_anchor_once() {
        let (mut t, sink) = terminal(lean, 40, 10);
        let mut last = LastFrame::new();
        let anchor = Some(Position::new(3, 9));
        let prep = |t: &mut Terminal<LeanBackend<Sink>>, last: &mut LastFrame, rows| {
            prepare(t, last, rows, anchor).expect("prepare");
            String::from_utf8(sink.take()).expect("ascii")
        };
        assert_eq!(prep(&mut t, &mut last, 2..9), "\x1b[3;9r\x1b[10;4H\x1b7");
        assert_eq!(prep(&mut t, &mut last, 2..9), "", "already set");
        // The first scroll finds the region set.
        let drawn = t
            .draw(|f| Screen::new(40, 10, &sample()).draw(f, 0))
            .expect("draw");
        last.remember(drawn.buffer);
        sink.take();
        assert!(scroll_rows(&mut t, &mut last, 2..9, 1).expect("scroll"));
        let seq = String::from_utf8(sink.take()).expect("ascii");
        assert!(!seq.contains('r'), "{seq:?}");
        last.forget();
        assert_eq!(prep(&mut t, &mut last, 2..9), "\x1b[3;9r\x1b[10;4H\x1b7");
        last.forget();
        assert_eq!(prep(&mut t, &mut last, 2..11), "", "past the screen");
        assert_eq!(prep(&mut t, &mut last, 2..2), "", "no rows");
        let bare = |t: &mut Terminal<LeanBackend<Sink>>, last: &mut LastFrame| {
            prepare(t, last, 0..9, Some(Position::new(40, 9))).expect("prepare");
            String::from_utf8(sink.take()).expect("ascii")
        };
        assert_eq!(
            bare(&mut t, &mut last),
            "\x1b[1;9r",
            "an anchor off screen is not saved"
        );
    }

    #[test]
    fn declines_when_it_cannot_help() {
        let s = Screen::new(40, 10, &sample());
        let (mut t, sink) = terminal(lean, 40, 10);
        let mut last = LastFrame::new();
        assert!(!scroll_rows(&mut t, &mut last, s.body(), 1).expect("nothing remembered"));
        let drawn = t.draw(|f| s.draw(f, 0)).expect("draw");
        last.remember(drawn.buffer);
        sink.take();
        assert!(!scroll_rows(&mut t, &mut last, s.body(), 0).expect("no move"));
        assert!(!scroll_rows(&mut t, &mut last, s.body(), 7).expect("whole region"));
        assert!(!scroll_rows(&mut t, &mut last, s.body(), -9).expect("whole region"));
        assert!(!scroll_rows(&mut t, &mut last, 5..11, 1).expect("off screen"));
        last.forget();
        assert!(!scroll_rows(&mut t, &mut last, s.body(), 1).expect("forgotten"));
        assert!(sink.take().is_empty(), "declining writes nothing");
    }

    #[test]
    fn shift_rows_moves_whole_rows_and_blanks_the_rest() {
        let mut b = Buffer::empty(Rect::new(0, 0, 4, 4));
        for (y, s) in ["aaaa", "中bb", "cccc", "dddd"].iter().enumerate() {
            b.set_string(0, u16::try_from(y).expect("small"), *s, Style::new());
        }
        let mut up = b.clone();
        assert!(shift_rows(&mut up, &(1..4), 1));
        let rows = |b: &Buffer| -> Vec<String> {
            (0..4)
                .map(|y| (0..4).map(|x| b[(x, y)].symbol().to_string()).collect())
                .collect()
        };
        assert_eq!(rows(&up), ["aaaa", "cccc", "dddd", "    "]);
        let mut down = b.clone();
        assert!(shift_rows(&mut down, &(0..3), -2));
        assert_eq!(rows(&down), ["    ", "    ", "aaaa", "dddd"]);
        assert!(!shift_rows(&mut b, &(2..5), 1));
    }
}
