//! What an editor's box shows: the text's lines wrapped by [`crate::core::layout`]
//! (width-correct, 避头尾), the row and column where the cursor is drawn, and the
//! first row to show so that the cursor stays in view.
//!
//! The editing itself (keys, paste, undo) stays with the text area; this only says
//! where each character and the cursor go on screen, from the lines and the cursor's
//! `(line, character)` position the text area reports.
//!
//! A line is drawn as the reader draws a unit body ([`Shown`]): a tab as four
//! spaces (ratatui gives it no width, so it would vanish) and a hidden character
//! escaped. Row offsets count in that drawn text; the text area keeps the tab.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::core::layout::wrap_line;
use crate::core::shown::Shown;

/// One row of an editor's box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The text line it belongs to.
    pub line: usize,
    /// Byte offset in that line as drawn (see [`EditView::drawn_offset`]) where
    /// the row starts.
    pub start: usize,
    /// What to draw.
    pub text: String,
}

/// A text laid out for an editor's box of one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditView {
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
    /// The row the cursor is on.
    pub cursor_row: usize,
    /// The column the cursor is drawn at, always less than the width.
    pub cursor_x: u16,
    /// Each line as drawn, with the map back to the line.
    drawn: Vec<Shown>,
}

impl EditView {
    /// The first row to show in a box `height` rows high: as little scrolling as
    /// keeps the cursor's row on screen, never past the end.
    #[must_use]
    pub fn top(&self, height: u16) -> usize {
        let height = usize::from(height).max(1);
        (self.cursor_row + 1)
            .saturating_sub(height)
            .min(self.rows.len().saturating_sub(height))
    }

    /// Where byte `byte` of line `line` is in that line as drawn, the offsets
    /// [`Row::start`] counts in.
    #[must_use]
    pub fn drawn_offset(&self, line: usize, byte: usize) -> usize {
        self.drawn.get(line).map_or(byte, |d| d.to_shown(byte))
    }

    /// The row a page (`height` rows, less one kept for context) above or below
    /// the cursor's, within the rows there are: where Page Up and Page Down go.
    #[must_use]
    pub fn page_row(&self, height: u16, down: bool) -> usize {
        let page = usize::from(height).saturating_sub(1).max(1);
        if down {
            (self.cursor_row + page).min(self.rows.len().saturating_sub(1))
        } else {
            self.cursor_row.saturating_sub(page)
        }
    }
}

impl EditView {
    /// The `(line, character)` drawn nearest column `x` of `row`, not past its end:
    /// where Up and Down put the cursor. `None` past the last row.
    #[must_use]
    pub fn position_at(&self, lines: &[String], row: usize, x: u16) -> Option<(usize, usize)> {
        let r = self.rows.get(row)?;
        let line = lines.get(r.line)?;
        let drawn = self.drawn.get(r.line)?;
        let mut used = 0;
        let mut byte = r.start;
        let mut last = r.start;
        for g in r.text.graphemes(true) {
            let w = columns(g);
            if used + w > usize::from(x) {
                break;
            }
            used += w;
            last = byte;
            byte += g.len();
        }
        // The end of a row that the line goes on from is where the next row starts:
        // the cursor stays on its last character instead.
        let next = self.rows.get(row + 1).filter(|n| n.line == r.line);
        if next.is_some_and(|n| byte >= n.start && n.start > r.start) {
            byte = last;
        }
        // Inside a tab's spaces means the tab.
        let byte = drawn.to_source(byte);
        let col = line.get(..byte).map_or(0, |s| s.chars().count());
        Some((r.line, col))
    }
}

/// Columns `s` takes on screen, as ratatui draws it: a grapheme holding a control
/// character takes none.
#[must_use]
pub fn columns(s: &str) -> usize {
    s.graphemes(true)
        .filter(|g| !g.chars().any(char::is_control))
        .map(UnicodeWidthStr::width)
        .sum()
}

/// The byte offset of character `col` in `line` (its end past the last one).
#[must_use]
pub fn byte_of_char(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(b, _)| b)
}

/// Lay out `lines` for a box `width` columns wide, with the cursor at character
/// `cursor.1` of line `cursor.0`.
///
/// ```
/// use dangxue::core::editview::edit_view;
/// let lines = vec!["居民们围坐在，一起".to_string()];
/// let v = edit_view(&lines, (0, 9), 12);
/// let texts: Vec<&str> = v.rows.iter().map(|r| r.text.as_str()).collect();
/// // The comma does not start a row: "在" comes down with it.
/// assert_eq!(texts, ["居民们围坐", "在，一起"]);
/// assert_eq!((v.cursor_row, v.cursor_x), (1, 8));
/// ```
#[must_use]
pub fn edit_view(lines: &[String], cursor: (usize, usize), width: u16) -> EditView {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut cursor_row = 0;
    let mut cursor_x = 0;
    let drawn: Vec<Shown> = lines.iter().map(|l| Shown::of(l)).collect();
    for (i, (source, shown)) in lines.iter().zip(&drawn).enumerate() {
        let line = shown.text.as_str();
        let first = rows.len();
        rows.extend(wrap_line(line, width).into_iter().map(|v| Row {
            line: i,
            start: v.start,
            text: v.text,
        }));
        if i != cursor.0 {
            continue;
        }
        let at = shown.to_shown(byte_of_char(source, cursor.1));
        let own = &rows[first..];
        let k = own.partition_point(|r| r.start <= at).saturating_sub(1);
        let row = &own[k];
        let shown_end = row.start + row.text.len();
        // Past the text the cursor is in the whitespace hanging at a break: one
        // column per character.
        let x = if at <= shown_end {
            columns(line.get(row.start..at).unwrap_or(""))
        } else {
            columns(&row.text) + line.get(shown_end..at).map_or(0, |s| s.chars().count())
        };
        cursor_row = first + k;
        if x >= usize::from(width) {
            // At the end of a full row: the cursor starts the row below, which holds
            // nothing yet.
            cursor_row += 1;
            rows.insert(
                cursor_row,
                Row {
                    line: i,
                    start: at,
                    text: String::new(),
                },
            );
            cursor_x = 0;
        } else {
            cursor_x = u16::try_from(x).unwrap_or(0);
        }
    }
    EditView {
        rows,
        cursor_row,
        cursor_x,
        drawn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &EditView) -> Vec<&str> {
        v.rows.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn an_empty_text_is_one_row_with_the_cursor_at_its_start() {
        let v = edit_view(&[String::new()], (0, 0), 10);
        assert_eq!(texts(&v), [""]);
        assert_eq!((v.cursor_row, v.cursor_x), (0, 0));
    }

    #[test]
    fn the_cursor_follows_wide_characters_and_lines() {
        let lines = vec!["心得体会".to_string(), "ab第二行".to_string()];
        let v = edit_view(&lines, (1, 3), 20);
        assert_eq!(texts(&v), ["心得体会", "ab第二行"]);
        assert_eq!((v.cursor_row, v.cursor_x), (1, 4));
        let v = edit_view(&lines, (0, 4), 20);
        assert_eq!((v.cursor_row, v.cursor_x), (0, 8));
    }

    #[test]
    fn at_the_end_of_a_full_row_the_cursor_goes_below() {
        let lines = vec!["一二三四".to_string()];
        let v = edit_view(&lines, (0, 4), 8);
        assert_eq!(texts(&v), ["一二三四", ""]);
        assert_eq!((v.cursor_row, v.cursor_x), (1, 0));
        // Inside the row it stays on it.
        let v = edit_view(&lines, (0, 3), 8);
        assert_eq!((v.cursor_row, v.cursor_x), (0, 6));
    }

    #[test]
    fn the_cursor_in_hanging_space_stays_in_the_box() {
        let lines = vec!["hello world".to_string()];
        let v = edit_view(&lines, (0, 6), 6);
        assert_eq!(texts(&v), ["hello", "world"]);
        assert_eq!((v.cursor_row, v.cursor_x), (1, 0));
        let v = edit_view(&lines, (0, 5), 6);
        assert_eq!((v.cursor_row, v.cursor_x), (0, 5));
    }

    #[test]
    fn no_row_starts_with_closing_punctuation_and_nothing_is_lost() {
        let para = "党的基层组织是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础。它担负直接联系群众、宣传群众、组织群众、团结群众的重要任务（见党章第五章），“把党的路线方针政策落实到基层”。".repeat(3);
        let lines = vec![para.clone()];
        for width in [9, 20, 38, 78] {
            let v = edit_view(&lines, (0, 0), width);
            for r in &v.rows {
                assert!(
                    !r.text
                        .chars()
                        .next()
                        .is_some_and(|c| "，。、；：？！）」』”".contains(c)),
                    "width {width}: {:?}",
                    r.text
                );
                assert!(columns(&r.text) <= usize::from(width), "{:?}", r.text);
            }
            let joined: String = v.rows.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(joined, para);
        }
    }

    #[test]
    fn up_and_down_land_on_the_row_above_and_below_at_the_same_column() {
        let lines = vec!["一二三四五六七八九十".to_string(), "ab".to_string()];
        let v = edit_view(&lines, (0, 6), 8);
        assert_eq!(texts(&v), ["一二三四", "五六七八", "九十", "ab"]);
        assert_eq!((v.cursor_row, v.cursor_x), (1, 4));
        assert_eq!(v.position_at(&lines, 0, 4), Some((0, 2)));
        // Past the end of a row that goes on: its last character, not the next row.
        assert_eq!(v.position_at(&lines, 0, 8), Some((0, 3)));
        assert_eq!(v.position_at(&lines, 2, 6), Some((0, 10)));
        assert_eq!(v.position_at(&lines, 3, 1), Some((1, 1)));
        assert_eq!(v.position_at(&lines, 4, 0), None);
    }

    #[test]
    fn the_top_row_keeps_the_cursor_in_view() {
        let lines: Vec<String> = (0..30).map(|i| format!("第{i}行")).collect();
        let v = edit_view(&lines, (0, 0), 20);
        assert_eq!(v.top(10), 0);
        let v = edit_view(&lines, (29, 0), 20);
        assert_eq!(v.top(10), 20);
        let v = edit_view(&lines, (15, 0), 20);
        assert_eq!(v.top(10), 6);
        assert!(v.top(10) <= v.cursor_row && v.cursor_row < v.top(10) + 10);
    }

    #[test]
    fn a_tab_is_drawn_as_four_spaces_and_the_cursor_goes_after_them() {
        let lines = vec!["a\tb".to_string()];
        let v = edit_view(&lines, (0, 2), 20);
        assert_eq!(texts(&v), ["a    b"]);
        assert_eq!((v.cursor_row, v.cursor_x), (0, 5));
        // Before the tab, and at the end.
        assert_eq!(edit_view(&lines, (0, 1), 20).cursor_x, 1);
        assert_eq!(edit_view(&lines, (0, 3), 20).cursor_x, 6);
        // A column inside the tab's spaces is the tab; past them, the next character.
        assert_eq!(v.position_at(&lines, 0, 3), Some((0, 1)));
        assert_eq!(v.position_at(&lines, 0, 5), Some((0, 2)));
        assert_eq!(v.drawn_offset(0, 2), 5);
        // A tab that starts a line indents it.
        let v = edit_view(&["\t一二".to_string()], (0, 1), 20);
        assert_eq!(texts(&v), ["    一二"]);
        assert_eq!(v.cursor_x, 4);
        // Tabs count toward the width a row takes: spaces past it hang at the break.
        let v = edit_view(&["\t\t\tx".to_string()], (0, 4), 10);
        assert_eq!(texts(&v), ["", "x"]);
        assert_eq!((v.cursor_row, v.cursor_x), (1, 1));
    }

    #[test]
    fn a_page_is_the_box_less_one_row_and_stops_at_either_end() {
        let lines: Vec<String> = (0..30).map(|i| format!("第{i}行")).collect();
        let v = edit_view(&lines, (0, 0), 20);
        assert_eq!(v.page_row(10, true), 9);
        assert_eq!(v.page_row(10, false), 0);
        let v = edit_view(&lines, (25, 0), 20);
        assert_eq!(v.page_row(10, true), 29);
        assert_eq!(v.page_row(10, false), 16);
        // A box of one row still moves.
        assert_eq!(v.page_row(1, true), 26);
    }
}
