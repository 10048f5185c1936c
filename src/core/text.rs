//! Small text helpers shared by the core: counting characters the way the rules do
//! and making untrusted text safe to print on a terminal.
//!
//! # Showing text that came from a file
//! Every text read from a file (a unit, a state, a plan, a completion file, a path, an
//! environment variable) goes through [`escape_controls`] or
//! [`escape_controls_multiline`] before it reaches a terminal or a report, so a file
//! can neither drive the terminal nor hide or reorder what it says. One notation, read
//! back unambiguously:
//! - `\n`, `\t`, `\r` for those three (in one-line text);
//! - `\u{XXXX}` (hex, braces always) for every other hidden character: C0 and C1
//!   controls and DEL, bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
//!   U+2066–U+2069), the line and paragraph separators U+2028 and U+2029, and the
//!   default-ignorable code points (U+00AD, U+200B–U+200D, U+FEFF, U+3164, variation
//!   selectors, tags...).
//!
//! Escaping is idempotent (escaped text has nothing left to escape), so a layer that
//! escapes again changes nothing. A backslash is therefore not doubled: a file may
//! spell `\u{1b}` itself and look like an escaped ESC, but it can never hide a
//! character or move the cursor.
//!
//! A bad value quoted in a message is also bounded ([`quote`]): a 10 MB line in a
//! file makes a one-line message, not 10 MB of stderr.

use std::fmt::Write as _;

/// The 1-based line that byte `offset` of `text` is on; an offset past the end is on
/// the last line. Every reader that names a line in a problem counts with this, or
/// with [`LineStarts`] when it names many.
///
/// ```
/// use dangxue::core::text::line_of;
/// assert_eq!(line_of(b"a\nb\nc", 0), 1);
/// assert_eq!(line_of("一\n二".as_bytes(), 4), 2);
/// assert_eq!(line_of(b"a\n", 99), 2);
/// ```
#[must_use]
pub fn line_of(text: &[u8], offset: usize) -> usize {
    LineStarts::new(text).line(offset)
}

/// The line breaks of a text, found once, for a reader that turns many offsets into
/// lines: a file with thousands of problems would otherwise be counted from its start
/// for each of them.
///
/// ```
/// use dangxue::core::text::LineStarts;
/// let lines = LineStarts::new(b"a\nb\n\nc");
/// assert_eq!([0, 2, 3, 4, 5, 99].map(|at| lines.line(at)), [1, 2, 2, 3, 4, 4]);
/// ```
#[derive(Debug, Clone)]
pub struct LineStarts {
    /// Offsets of the `\n` bytes, ascending.
    breaks: Vec<usize>,
}

impl LineStarts {
    /// The line breaks of `text`.
    #[must_use]
    pub fn new(text: &[u8]) -> LineStarts {
        let breaks = text
            .iter()
            .enumerate()
            .filter_map(|(i, b)| (*b == b'\n').then_some(i))
            .collect();
        LineStarts { breaks }
    }

    /// The 1-based line of byte `offset`, as [`line_of`] counts it.
    #[must_use]
    pub fn line(&self, offset: usize) -> usize {
        1 + self.breaks.partition_point(|b| *b < offset)
    }
}

/// Characters as the rules count them: Unicode scalar values, except whitespace,
/// control characters (Cc) and default-ignorable code points, so invisible padding
/// never fills a reflection.
///
/// ```
/// use dangxue::core::text::count_chars;
/// assert_eq!(count_chars("党 建\n引领 ab"), 6);
/// assert_eq!(count_chars("👍🏽"), 2);
/// assert_eq!(count_chars("心\u{200b}\u{feff}\u{3164}得\u{7}"), 2);
/// ```
#[must_use]
pub fn count_chars(s: &str) -> usize {
    s.chars().filter(|&c| counts_as_char(c)).count()
}

/// Whether `c` is counted by [`count_chars`].
#[must_use]
pub fn counts_as_char(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || is_default_ignorable(c))
}

/// Unicode's `Default_Ignorable_Code_Point` property (DerivedCoreProperties.txt, stable
/// since Unicode 7.0 apart from unassigned code points already in these ranges):
/// characters a renderer shows as nothing.
#[must_use]
pub fn is_default_ignorable(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x034F
            | 0x061C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// Separators a fill answer may contain anywhere without changing it (rule 4).
const FILL_SEPARATORS: [char; 5] = ['、', '，', ',', '；', ';'];
/// End punctuation trimmed from either end of a fill answer (rule 4). NFKC has already
/// folded the full-width forms to these.
const FILL_END_PUNCTUATION: [char; 8] = ['。', '.', '！', '!', '？', '?', '：', ':'];

/// A fill answer as compared (SPEC, the cycle test's rule 4): Unicode NFKC, whitespace
/// removed, the separators `、，,；;` removed anywhere, then `。.！!？?：:` trimmed from
/// either end. The same function serves practice, the test and `report`.
///
/// ```
/// use dangxue::core::text::normalize_fill;
/// assert_eq!(normalize_fill("忠诚、干净、担当。"), "忠诚干净担当");
/// assert_eq!(normalize_fill(" ３ 名 "), "3名");
/// assert_eq!(normalize_fill("47.5%"), "47.5%");
/// ```
#[must_use]
pub fn normalize_fill(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let kept: String = s
        .nfkc()
        .filter(|c| !c.is_whitespace() && !FILL_SEPARATORS.contains(c))
        .collect();
    kept.trim_matches(|c| FILL_END_PUNCTUATION.contains(&c))
        .to_string()
}

/// Text for a one-line field: the lines of a paste joined with a space, tabs and other
/// control characters dropped, so a field never holds a newline it cannot show.
///
/// ```
/// assert_eq!(dangxue::core::text::one_line("红色物业\r\n调研\n"), "红色物业 调研");
/// ```
#[must_use]
pub fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(|l| l.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escape every hidden character (see the module docs) so text from a file cannot
/// drive a terminal nor hide what it says: ESC becomes `\u{1b}`, a tab or newline
/// inside one-line fields `\t`, `\n`. Other text, Chinese included, is unchanged.
///
/// ```
/// use dangxue::core::text::escape_controls;
/// assert_eq!(escape_controls("张\u{1b}[31m三"), "张\\u{1b}[31m三");
/// // Braces end the code point: U+202E then "2e" cannot be read as one number.
/// assert_eq!(escape_controls("\u{202e}2e"), "\\u{202e}2e");
/// // Idempotent: escaping twice is escaping once.
/// assert_eq!(escape_controls(&escape_controls("a\u{1b}")), "a\\u{1b}");
/// ```
#[must_use]
pub fn escape_controls(s: &str) -> String {
    escape(s, false)
}

/// Like [`escape_controls`] but keeps newlines and tabs, for multi-line text that is
/// laid out before it is drawn.
#[must_use]
pub fn escape_controls_multiline(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, keep_lines: bool) -> String {
    let needs = |c: char| is_control(c) && !(keep_lines && matches!(c, '\n' | '\t'));
    if !s.chars().any(needs) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' if keep_lines => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_control(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Most characters of a bad value [`quote`] shows.
pub const QUOTE_MAX_CHARS: usize = 80;

/// A bad value for a message: escaped, in single quotes, cut after
/// [`QUOTE_MAX_CHARS`] characters with the length of the rest said.
///
/// ```
/// use dangxue::core::text::quote;
/// assert_eq!(quote("2026-13"), "'2026-13'");
/// let long = "x".repeat(100);
/// assert_eq!(quote(&long), format!("'{}'… (100 characters)", "x".repeat(80)));
/// ```
#[must_use]
pub fn quote(s: &str) -> String {
    let total = s.chars().count();
    if total <= QUOTE_MAX_CHARS {
        return format!("'{}'", escape_controls(s));
    }
    let cut: String = s.chars().take(QUOTE_MAX_CHARS).collect();
    format!("'{}'… ({total} characters)", escape_controls(&cut))
}

/// Characters that are escaped when text from a file is shown: C0, DEL and C1
/// controls, bidi controls, the line and paragraph separators, and the
/// default-ignorable code points.
///
/// ```
/// use dangxue::core::text::is_control;
/// for c in ['\u{1b}', '\u{2028}', '\u{2029}', '\u{200f}', '\u{61c}', '\u{feff}', '\u{ad}'] {
///     assert!(is_control(c), "{:x}", u32::from(c));
/// }
/// assert!(!is_control('党') && !is_control(' ') && !is_control('\u{3000}'));
/// ```
#[must_use]
pub fn is_control(c: char) -> bool {
    let u = u32::from(c);
    u < 0x20
        || (0x7f..=0x9f).contains(&u)
        || matches!(u, 0x061c | 0x200e | 0x200f | 0x2028 | 0x2029)
        || matches!(u, 0x202a..=0x202e | 0x2066..=0x2069)
        || is_default_ignorable(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_ignore_all_whitespace_kinds() {
        assert_eq!(count_chars(" \t\n\u{3000}"), 0);
        assert_eq!(count_chars("心得体会。"), 5);
    }

    #[test]
    fn invisible_padding_is_not_counted() {
        let padding =
            "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{3164}\u{ffa0}\u{ad}\u{fe0f}\u{e0041}";
        assert_eq!(count_chars(padding), 0);
        assert_eq!(count_chars("\u{0}\u{1b}\u{7f}\u{85}\u{9f}"), 0);
        assert_eq!(count_chars(&format!("党{padding}建")), 2);
        // Visible marks and emoji modifiers still count.
        assert_eq!(count_chars("e\u{301}"), 2);
    }

    #[test]
    fn fill_normalisation_follows_rule_four() {
        assert_eq!(normalize_fill("忠诚，干净；担当"), "忠诚干净担当");
        assert_eq!(normalize_fill("忠诚,干净;担当!"), "忠诚干净担当");
        assert_eq!(normalize_fill("：答案？"), "答案");
        assert_eq!(normalize_fill("ＡＢＣ１２３"), "ABC123");
        assert_eq!(normalize_fill("47.5%。"), "47.5%");
        assert_eq!(normalize_fill("。。"), "");
        // A point inside the answer is kept: 3.5 is not 35.
        assert_ne!(normalize_fill("3.5"), normalize_fill("35"));
    }

    #[test]
    fn escapes_c1_and_bidi() {
        assert_eq!(escape_controls("a\u{9b}b"), "a\\u{9b}b");
        assert_eq!(escape_controls("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape_controls_multiline("a\nb\u{7}"), "a\nb\\u{7}");
    }

    #[test]
    fn separators_marks_and_invisibles_are_escaped() {
        assert_eq!(
            escape_controls("a\u{2028}b\u{2029}c\u{200f}d\u{61c}e\u{feff}f\u{ad}g"),
            "a\\u{2028}b\\u{2029}c\\u{200f}d\\u{61c}e\\u{feff}f\\u{ad}g"
        );
        assert_eq!(
            escape_controls_multiline("行一\n\u{2028}行二"),
            "行一\n\\u{2028}行二"
        );
    }

    #[test]
    fn one_notation_for_every_code_point() {
        // The same braces for a C0 control as for a bidi control: no `\x` form.
        let e = escape_controls("\u{1b}\u{7f}\u{9b}\u{202e}\u{e0041}");
        assert_eq!(e, "\\u{1b}\\u{7f}\\u{9b}\\u{202e}\\u{e0041}");
        assert!(!e.contains("\\x"));
    }

    #[test]
    fn quotes_are_bounded_by_characters_not_bytes() {
        let long = "党".repeat(10_000);
        let q = quote(&long);
        assert_eq!(q.chars().filter(|c| *c == '党').count(), QUOTE_MAX_CHARS);
        assert!(q.ends_with("(10000 characters)"), "{q}");
        assert_eq!(quote("a\u{1b}"), "'a\\u{1b}'");
    }
}
