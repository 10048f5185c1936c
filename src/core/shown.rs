//! A unit body as the reader draws it, and the two ways of counting a place in it.
//!
//! # What a stored offset means
//! Every place in a unit that is kept or compared — the reading place and the
//! furthest point shown (`UnitProgress::offset`, `furthest`, `CycleReading::furthest`),
//! marks (`Mark::offset`), a card's passage, a search hit, a `[resume]` passage —
//! is a **byte offset into the unit body as the unit file holds it** (`Unit::body`),
//! on a character boundary. That is what the read percentage divides by, what the
//! search and a card's passage find, and it does not depend on how the body is drawn.
//!
//! The reader draws another text: hidden characters escaped (`\u{1b}`, see
//! `core::text`) and a tab as four spaces, so offsets in what is drawn move after
//! the first such character. Those offsets never leave the reader: [`Shown`] keeps
//! the map, and the reader converts with [`Shown::to_source`] when it stores a place
//! and [`Shown::to_shown`] when it goes to one.
//!
//! States written before this rule counted places in the drawn text. For a body with
//! no tab and no hidden character (every built-in unit) the two are the same number;
//! otherwise an old place is read as a source offset, clamped to the body and moved
//! back to the start of the character it falls in, so an old state always opens.

use super::text;

/// One character the drawn text replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    /// Where it starts in the body.
    source: usize,
    /// Its length in the body (bytes).
    source_len: usize,
    /// Where its replacement starts in the drawn text.
    shown: usize,
    /// The replacement's length (bytes).
    shown_len: usize,
}

/// A body as drawn, with the map back to the body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown {
    /// The text the reader lays out and draws.
    pub text: String,
    /// Length of the body it was made from.
    source_len: usize,
    /// The replaced characters, in body order.
    edits: Vec<Edit>,
}

impl Shown {
    /// The drawn form of `body`: hidden characters escaped, a tab as four spaces.
    ///
    /// ```
    /// use dangxue::core::shown::Shown;
    /// let s = Shown::of("a\tb\u{1b}c");
    /// assert_eq!(s.text, "a    b\\u{1b}c");
    /// // `b` is byte 2 of the body and byte 5 of what is drawn.
    /// assert_eq!(s.to_shown(2), 5);
    /// assert_eq!(s.to_source(5), 2);
    /// // Inside a replacement means the character it replaces.
    /// assert_eq!(s.to_source(3), 1);
    /// ```
    #[must_use]
    pub fn of(body: &str) -> Shown {
        let replaced = |c: char| c == '\t' || (c != '\n' && text::is_control(c));
        if !body.contains(replaced) {
            return Shown {
                text: body.to_string(),
                source_len: body.len(),
                edits: Vec::new(),
            };
        }
        let mut out = String::with_capacity(body.len() + 16);
        let mut edits = Vec::new();
        for (i, c) in body.char_indices() {
            if !replaced(c) {
                out.push(c);
                continue;
            }
            let shown = out.len();
            if c == '\t' {
                // Tabs have no width to ratatui and would vanish.
                out.push_str("    ");
            } else {
                out.push_str(&text::escape_controls_multiline(c.encode_utf8(&mut [0; 4])));
            }
            edits.push(Edit {
                source: i,
                source_len: c.len_utf8(),
                shown,
                shown_len: out.len() - shown,
            });
        }
        Shown {
            text: out,
            source_len: body.len(),
            edits,
        }
    }

    /// The drawn-text offset of body offset `source` (clamped to the body; an offset
    /// inside a character means that character).
    #[must_use]
    pub fn to_shown(&self, source: usize) -> usize {
        let source = source.min(self.source_len);
        let i = self.edits.partition_point(|e| e.source <= source);
        let at = match i.checked_sub(1).map(|i| self.edits[i]) {
            None => source,
            Some(e) if source < e.source + e.source_len => e.shown,
            Some(e) => e.shown + e.shown_len + (source - e.source - e.source_len),
        };
        floor_boundary(&self.text, at)
    }

    /// The body offset of drawn-text offset `shown` (an offset inside a replacement
    /// means the character it replaces).
    #[must_use]
    pub fn to_source(&self, shown: usize) -> usize {
        let i = self.edits.partition_point(|e| e.shown <= shown);
        let at = match i.checked_sub(1).map(|i| self.edits[i]) {
            None => shown,
            Some(e) if shown < e.shown + e.shown_len => e.source,
            Some(e) => e.source + e.source_len + (shown - e.shown - e.shown_len),
        };
        at.min(self.source_len)
    }

    /// Length of the body it was made from (bytes).
    #[must_use]
    pub fn source_len(&self) -> usize {
        self.source_len
    }
}

/// `at`, clamped to `s` and moved back to the start of the character it falls in.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_body_is_drawn_as_it_is_and_offsets_are_the_same() {
        let s = Shown::of("红色物业\n凝聚合力");
        assert_eq!(s.text, "红色物业\n凝聚合力");
        for i in 0..=s.text.len() {
            assert_eq!(s.to_source(s.to_shown(i)), floor_boundary(&s.text, i));
        }
        assert_eq!(s.to_shown(999), s.text.len());
    }

    #[test]
    fn every_character_of_the_body_round_trips() {
        let body = "\t一\t\t二\u{1b}[3m三\u{202e}四\r\n五\t";
        let s = Shown::of(body);
        assert_eq!(s.text, "    一        二\\u{1b}[3m三\\u{202e}四\\r\n五    ");
        for (i, c) in body.char_indices() {
            let at = s.to_shown(i);
            assert_eq!(s.to_source(at), i, "{c:?} at {i}");
            if c != '\t' && !text::is_control(c) {
                assert!(s.text[at..].starts_with(c), "{c:?} at {i} -> {at}");
            }
        }
        assert_eq!(s.to_shown(body.len()), s.text.len());
        assert_eq!(s.to_source(s.text.len()), body.len());
    }

    #[test]
    fn an_offset_inside_a_character_or_past_the_end_is_moved_to_a_character() {
        let s = Shown::of("a\t一b");
        // Byte 3 is inside 一 (bytes 2..5): it means 一.
        assert_eq!(s.to_shown(3), s.to_shown(2));
        assert_eq!(s.to_shown(100), s.text.len());
        assert_eq!(s.to_source(100), s.source_len());
        // Inside the four spaces of the tab: the tab.
        for shown in 1..5 {
            assert_eq!(s.to_source(shown), 1);
        }
    }
}
