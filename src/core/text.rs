//! Small text helpers shared by the core: counting characters the way the rules do
//! and making untrusted text safe to print on a terminal.

/// The 1-based line that byte `offset` of `text` is on; an offset past the end is on
/// the last line. Every reader that names a line in a problem counts with this.
///
/// ```
/// use dangxue::core::text::line_of;
/// assert_eq!(line_of(b"a\nb\nc", 0), 1);
/// assert_eq!(line_of("一\n二".as_bytes(), 4), 2);
/// assert_eq!(line_of(b"a\n", 99), 2);
/// ```
#[must_use]
pub fn line_of(text: &[u8], offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text[..end].iter().filter(|b| **b == b'\n').count()
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

/// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, stable
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

/// Escape every control character (C0, DEL, C1) so text from a file cannot drive a
/// terminal: ESC becomes `\x1b`, a tab or newline inside one-line fields becomes `\t`,
/// `\n`. Other text, Chinese included, is unchanged.
///
/// ```
/// assert_eq!(dangxue::core::text::escape_controls("张\u{1b}[31m三"), "张\\x1b[31m三");
/// ```
#[must_use]
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_control(c) => {
                use std::fmt::Write;
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Like [`escape_controls`] but keeps newlines and tabs, for multi-line text that is
/// laid out before it is drawn.
#[must_use]
pub fn escape_controls_multiline(s: &str) -> String {
    if !s.chars().any(|c| is_control(c) && c != '\n' && c != '\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) && c != '\n' && c != '\t' {
            use std::fmt::Write;
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// C0, DEL and C1 control characters, plus the bidi overrides that can disguise text.
#[must_use]
pub fn is_control(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7f..=0x9f).contains(&u) || matches!(u, 0x202a..=0x202e | 0x2066..=0x2069)
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
        assert_eq!(escape_controls("a\u{9b}b"), "a\\x9bb");
        assert_eq!(escape_controls("a\u{202e}b"), "a\\x202eb");
        assert_eq!(escape_controls_multiline("a\nb\u{7}"), "a\nb\\x07");
    }
}
