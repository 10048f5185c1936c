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

/// Characters as the rules count them: Unicode scalar values, whitespace not counted.
///
/// ```
/// assert_eq!(dangxue::core::text::count_chars("党 建\n引领 ab"), 6);
/// assert_eq!(dangxue::core::text::count_chars("👍🏽"), 2);
/// ```
#[must_use]
pub fn count_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
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
    fn escapes_c1_and_bidi() {
        assert_eq!(escape_controls("a\u{9b}b"), "a\\x9bb");
        assert_eq!(escape_controls("a\u{202e}b"), "a\\x202eb");
        assert_eq!(escape_controls_multiline("a\nb\u{7}"), "a\nb\\x07");
    }
}
