//! The shortest cursor movement between two cells, given what stops a relative move
//! (the scroll region's margins) and what makes a jump cheap (a saved cursor).

use std::io::{self, Write};

/// What the backend knows about the cursor while drawing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cursor {
    /// Nothing.
    Unknown,
    /// Its row, not its column: after a character whose width terminals disagree on.
    Row(u16),
    /// Column and row.
    At(u16, u16),
}

/// The terminal's state that cursor movements depend on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Margins {
    /// The scroll region (first and last row, 0-based); `None`: the whole screen.
    /// Relative moves up and down stop at its margins.
    pub(super) region: Option<(u16, u16)>,
    /// Where the cursor was saved with DECSC (`ESC 7`), with a reset pen: `ESC 8`
    /// goes back there in 2 bytes from anywhere.
    pub(super) saved: Option<(u16, u16)>,
}

/// Restoring the saved cursor (DECRC).
pub(super) const RESTORE: &str = "\x1b8";

/// Write the shortest sequence that moves the cursor from `from` to column `x`, row
/// `y` (0-based). Returns whether it restored the saved cursor, which also restores
/// the pen it was saved with (a reset one).
pub(super) fn move_cursor(
    out: &mut impl Write,
    from: Cursor,
    x: u16,
    y: u16,
    margins: Margins,
) -> io::Result<bool> {
    let seq = shortest_move(from, x, y, margins);
    out.write_all(seq.as_bytes())?;
    Ok(seq.starts_with(RESTORE))
}

/// The sequence [`move_cursor`] writes. On a tie the move that keeps the pen wins.
pub(super) fn shortest_move(from: Cursor, x: u16, y: u16, margins: Margins) -> String {
    let mut best = if x == 0 {
        format!("\x1b[{}H", y + 1)
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    let known = match from {
        Cursor::Unknown => None,
        Cursor::At(fx, fy) => Some((Some(fx), fy)),
        Cursor::Row(fy) => Some((None, fy)),
    };
    if let Some((column, row)) = known
        && let Some(v) = vertical_move(row, y, margins.region)
    {
        let candidate = format!("{v}{}", horizontal_move(column, x));
        if candidate.len() < best.len() {
            best = candidate;
        }
    }
    if let Some((sx, sy)) = margins.saved
        && sy == y
    {
        let candidate = format!("{RESTORE}{}", horizontal_move(Some(sx), x));
        if candidate.len() < best.len() {
            best = candidate;
        }
    }
    best
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
    Some(match (to < from, from.abs_diff(to)) {
        // Reverse index (2 bytes) scrolls only at the top margin, which the rule
        // above never moves up from.
        (true, 1) => "\x1bM".to_string(),
        (true, n) => format!("\x1b[{n}A"),
        (false, 1) => "\x1b[B".to_string(),
        (false, n) => format!("\x1b[{n}B"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(from: Cursor, x: u16, y: u16, region: Option<(u16, u16)>) -> String {
        shortest_move(
            from,
            x,
            y,
            Margins {
                region,
                saved: None,
            },
        )
    }

    #[test]
    fn short_moves() {
        let moves = [
            (Cursor::Unknown, 0, 4, "\x1b[5H"),
            (Cursor::Unknown, 2, 4, "\x1b[5;3H"),
            (Cursor::At(2, 4), 3, 4, "\x1b[C"),
            (Cursor::At(2, 4), 12, 4, "\x1b[10C"),
            (Cursor::At(12, 4), 0, 4, "\r"),
            (Cursor::At(12, 4), 5, 4, "\x1b[6G"),
            (Cursor::At(12, 4), 5, 5, "\x1b[6;6H"),
            (Cursor::Row(4), 7, 4, "\x1b[8G"),
            (Cursor::Row(4), 0, 4, "\r"),
            (Cursor::Row(4), 7, 5, "\x1b[6;8H"),
            (Cursor::At(7, 5), 7, 4, "\x1bM"),
            (Cursor::At(7, 6), 7, 4, "\x1b[2A"),
            (Cursor::At(7, 4), 7, 5, "\x1b[B"),
        ];
        for (from, x, y, want) in moves {
            assert_eq!(mv(from, x, y, None), want, "{from:?} to {x},{y}");
        }
    }

    #[test]
    fn moves_up_down_and_back_stay_inside_what_the_margins_allow() {
        let region = Some((3, 22));
        // From the footer below the region up into its last row: reverse index.
        assert_eq!(mv(Cursor::At(40, 23), 40, 22, region), "\x1bM");
        assert_eq!(mv(Cursor::At(5, 23), 2, 22, region), "\x1bM\x08\x08\x08");
        // Down out of the region would stop at its bottom margin: an address.
        assert_eq!(mv(Cursor::At(4, 22), 3, 23, region), "\x1b[24;4H");
        assert_eq!(mv(Cursor::At(4, 22), 3, 23, None), "\x1b[B\x08");
        // Up out of the region's top would stop at it (reverse index would scroll).
        assert_eq!(mv(Cursor::At(4, 3), 4, 2, region), "\x1b[3;5H");
        assert_eq!(mv(Cursor::At(4, 4), 4, 3, region), "\x1bM");
        // Back a few columns by backspace, further by column.
        assert_eq!(mv(Cursor::At(6, 23), 4, 23, region), "\x08\x08");
        assert_eq!(mv(Cursor::At(16, 23), 4, 23, region), "\x1b[5G");
        // A pending wrap at the last column keeps only the row.
        assert_eq!(mv(Cursor::Row(22), 2, 22, region), "\x1b[3G");
    }

    #[test]
    fn the_saved_cursor_is_a_short_way_back_to_its_row() {
        let margins = Margins {
            region: Some((0, 22)),
            saved: Some((3, 23)),
        };
        // From the body's last row down to the footer, which the margin blocks.
        assert_eq!(shortest_move(Cursor::At(70, 22), 3, 23, margins), "\x1b8");
        assert_eq!(
            shortest_move(Cursor::At(70, 22), 2, 23, margins),
            "\x1b8\x08"
        );
        assert_eq!(
            shortest_move(Cursor::Unknown, 5, 23, margins),
            "\x1b8\x1b[2C"
        );
        // Nearer ways win, and a tie keeps the pen.
        assert_eq!(shortest_move(Cursor::At(4, 23), 3, 23, margins), "\x08");
        assert_eq!(shortest_move(Cursor::At(10, 23), 3, 23, margins), "\x1b8");
        assert_eq!(shortest_move(Cursor::At(5, 23), 3, 23, margins), "\x08\x08");
        // Only its own row.
        assert_eq!(
            shortest_move(Cursor::At(70, 21), 69, 22, margins),
            "\x1b[B\x08"
        );
        let mut out = Vec::new();
        assert!(move_cursor(&mut out, Cursor::At(70, 22), 3, 23, margins).expect("vec"));
        assert!(!move_cursor(&mut out, Cursor::At(4, 23), 3, 23, margins).expect("vec"));
    }
}
