//! Checks for the tests of every strings file: the Chinese texts are Chinese with
//! full-width punctuation, the English ones English.

/// Punctuation that has a full-width form a Chinese text must use instead.
const HALF_WIDTH: [char; 7] = [',', ':', ';', '(', ')', '?', '!'];

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// `text` (made from values without punctuation) has Chinese in it and none of
/// `, : ; ( ) ? !` in their half-width forms.
///
/// # Panics
/// When it does not, naming the text.
pub(crate) fn assert_zh(text: &str) {
    assert!(text.chars().any(is_chinese), "not Chinese: {text}");
    assert!(
        !text.contains(HALF_WIDTH),
        "half-width punctuation in Chinese: {text}"
    );
}

/// `text` (made from values without Chinese) is English: no Chinese characters or
/// full-width punctuation, and some letters.
///
/// # Panics
/// When it is not, naming the text.
pub(crate) fn assert_en(text: &str) {
    assert!(!text.chars().any(is_chinese), "Chinese in English: {text}");
    assert!(
        text.chars().any(|c| c.is_ascii_alphabetic()),
        "no words: {text}"
    );
}
