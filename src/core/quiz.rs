//! Questions, grading, and the deterministic draw of the cycle test.
//!
//! The draw is specified exactly in SPEC.md so a secretary can recompute it:
//! FNV-1a 64 of `"{member_id}/{cycle}"` seeds `SplitMix64`, which drives a
//! Fisher–Yates shuffle of the sorted pool.

use std::collections::BTreeSet;

use super::unit::{Answer, Question, QuestionType};

/// FNV-1a, 64-bit.
///
/// ```
/// assert_eq!(dangxue::core::quiz::fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
/// ```
#[must_use]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The standard `SplitMix64` generator.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started at `seed`.
    #[must_use]
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next value.
    ///
    /// ```
    /// let mut r = dangxue::core::quiz::SplitMix64::new(0);
    /// assert_eq!(r.next_u64(), 0xe220a8397b1dcdaf);
    /// ```
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The cycle test's questions for a member and cycle: `pool` is every
/// (unit id, question id) eligible; it is sorted here, shuffled, and the first
/// `count` are returned.
#[must_use]
pub fn draw(
    member_id: &str,
    cycle: &str,
    mut pool: Vec<(String, String)>,
    count: usize,
) -> Vec<(String, String)> {
    pool.sort_by(|a, b| {
        a.0.as_bytes()
            .cmp(b.0.as_bytes())
            .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
    });
    pool.dedup();
    let mut rng = SplitMix64::new(fnv1a64(format!("{member_id}/{cycle}").as_bytes()));
    let n = pool.len();
    for i in (1..n).rev() {
        // `i + 1` fits in u64 on every platform this builds for; the modulo result
        // is at most `i`, so it fits back in usize.
        let j = usize::try_from(rng.next_u64() % (i as u64 + 1)).unwrap_or(0);
        pool.swap(i, j);
    }
    pool.truncate(count.min(n));
    pool
}

pub use super::text::normalize_fill;

/// Letters given for a choice question, upper-cased, as a set.
fn letters(given: &str) -> BTreeSet<char> {
    given
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether `given` (in the completion file's words) answers `q` correctly.
#[must_use]
pub fn is_correct(q: &Question, given: &str) -> bool {
    match &q.answer {
        Answer::Choices(set) => {
            let g = letters(given);
            // A stray non-letter means the answer was not a clean set of letters.
            let clean = given
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c.is_whitespace() || c == ',');
            clean && !g.is_empty() && &g == set
        }
        Answer::Judge(b) => match given.trim() {
            "true" => *b,
            "false" => !*b,
            _ => false,
        },
        Answer::Fill(forms) => {
            let g = normalize_fill(given);
            !g.is_empty() && forms.iter().any(|f| normalize_fill(f) == g)
        }
    }
}

/// Score: floor(100 × correct ÷ drawn); 0 when nothing was drawn.
#[must_use]
pub fn score(correct: usize, drawn: usize) -> u32 {
    if drawn == 0 {
        return 0;
    }
    u32::try_from(100 * correct / drawn).unwrap_or(100)
}

/// An answer being given to one question: the cursor row among its choices and the
/// answer so far, in the completion file's words (`"C"`, `"ACD"`, `"true"`, the text
/// typed). Practice, 错题本 and the cycle test all answer through it, so a key does
/// the same on each; the test's `given` is the one in its record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Cursor row among the choices (row 0 is A).
    pub cursor: usize,
    /// The answer so far, in the completion file's words.
    pub given: String,
}

/// Rows a question offers: two for true/false, one per choice otherwise, at least one.
#[must_use]
pub fn rows(q: &Question) -> usize {
    match q.qtype {
        QuestionType::Judge => 2,
        _ => q.choices.len().max(1),
    }
}

impl Selection {
    /// Move the cursor up a row.
    pub fn up(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Move the cursor down a row, stopping at the last.
    pub fn down(&mut self, q: &Question) {
        self.cursor = (self.cursor + 1).min(rows(q) - 1);
    }

    /// Choose the choice lettered `letter` (A, B, ...) and put the cursor on it: a
    /// multiple-choice letter is toggled, any other replaces the answer. False (and
    /// nothing changes) for a letter the question does not offer, or a fill question.
    pub fn pick(&mut self, q: &Question, letter: char) -> bool {
        let row = (letter as usize).wrapping_sub('A' as usize);
        if q.qtype == QuestionType::Fill || row >= rows(q) {
            return false;
        }
        self.cursor = row;
        match q.qtype {
            QuestionType::Single => self.given = letter.to_string(),
            QuestionType::Judge => {
                self.given = if letter == 'A' { "true" } else { "false" }.to_string();
            }
            QuestionType::Multiple => {
                let mut set: Vec<char> = self.given.chars().collect();
                if let Some(p) = set.iter().position(|x| *x == letter) {
                    set.remove(p);
                } else {
                    set.push(letter);
                }
                set.sort_unstable();
                self.given = set.into_iter().collect();
            }
            QuestionType::Fill => {}
        }
        true
    }

    /// Choose the choice under the cursor, as [`Selection::pick`] does.
    pub fn pick_cursor(&mut self, q: &Question) -> bool {
        u32::try_from(self.cursor)
            .ok()
            .and_then(|i| char::from_u32('A' as u32 + i))
            .is_some_and(|letter| self.pick(q, letter))
    }

    /// Type a character at the end of a fill answer; false for other questions.
    pub fn type_char(&mut self, q: &Question, c: char) -> bool {
        if q.qtype != QuestionType::Fill {
            return false;
        }
        self.given.push(c);
        true
    }

    /// Paste at the end of a fill answer, which is one line: a pasted text's lines
    /// are joined. False for other questions.
    pub fn paste(&mut self, q: &Question, text: &str) -> bool {
        if q.qtype != QuestionType::Fill {
            return false;
        }
        self.given.push_str(&super::text::one_line(text));
        true
    }

    /// Delete the last character of a fill answer; false for other questions.
    pub fn backspace(&mut self, q: &Question) -> bool {
        if q.qtype != QuestionType::Fill {
            return false;
        }
        self.given.pop();
        true
    }

    /// Whether the choice lettered `letter` is part of the answer.
    #[must_use]
    pub fn is_chosen(&self, q: &Question, letter: char) -> bool {
        match q.qtype {
            QuestionType::Judge => {
                (letter == 'A' && self.given == "true") || (letter == 'B' && self.given == "false")
            }
            QuestionType::Fill => false,
            _ => self.given.contains(letter),
        }
    }

    /// Nothing chosen or typed yet (a typed answer of spaces is nothing).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.given.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        let mut r = SplitMix64::new(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
    }

    fn pool(n: usize) -> Vec<(String, String)> {
        (0..n)
            .map(|i| (format!("u{}", i % 3), format!("q{i}")))
            .collect()
    }

    #[test]
    fn draw_is_deterministic_and_order_independent() {
        let a = draw("zhangsan", "2026-11", pool(20), 10);
        let mut rev = pool(20);
        rev.reverse();
        let b = draw("zhangsan", "2026-11", rev, 10);
        assert_eq!(a, b);
        assert_eq!(a.len(), 10);
        let c = draw("lisi", "2026-11", pool(20), 10);
        assert_ne!(a, c);
    }

    #[test]
    fn draw_of_a_small_pool_takes_everything_once() {
        let d = draw("m", "2026-11", pool(4), 10);
        assert_eq!(d.len(), 4);
        let set: BTreeSet<_> = d.into_iter().collect();
        assert_eq!(set.len(), 4);
        assert!(draw("m", "2026-11", Vec::new(), 10).is_empty());
    }

    #[test]
    fn draw_matches_a_hand_computed_shuffle() {
        // Pool of 3 sorted: [a/q1, a/q2, b/q1]; seed FNV-1a("m/c").
        let p = vec![
            ("b".to_string(), "q1".to_string()),
            ("a".to_string(), "q2".to_string()),
            ("a".to_string(), "q1".to_string()),
        ];
        let mut rng = SplitMix64::new(fnv1a64(b"m/c"));
        let mut expect = vec![("a", "q1"), ("a", "q2"), ("b", "q1")];
        for i in (1..3usize).rev() {
            let j = usize::try_from(rng.next_u64() % (i as u64 + 1)).expect("at most i");
            expect.swap(i, j);
        }
        let got = draw("m", "c", p, 3);
        let got: Vec<(&str, &str)> = got.iter().map(|(u, q)| (u.as_str(), q.as_str())).collect();
        assert_eq!(got, expect);
    }

    fn q(answer: Answer, qtype: QuestionType) -> Question {
        Question {
            id: "q".into(),
            qtype,
            prompt: String::new(),
            choices: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            answer,
            explain: String::new(),
            line: 1,
        }
    }

    #[test]
    fn grading_each_type() {
        let multi = q(
            Answer::Choices(['A', 'C', 'D'].into()),
            QuestionType::Multiple,
        );
        assert!(is_correct(&multi, "ACD"));
        assert!(is_correct(&multi, "dca"));
        assert!(!is_correct(&multi, "AC"));
        assert!(!is_correct(&multi, "ACDB"));
        assert!(!is_correct(&multi, "AC D?"));
        let judge = q(Answer::Judge(false), QuestionType::Judge);
        assert!(is_correct(&judge, "false"));
        assert!(!is_correct(&judge, "true"));
        assert!(!is_correct(&judge, ""));
        let fill = q(
            Answer::Fill(vec!["3名".into(), "三名".into()]),
            QuestionType::Fill,
        );
        assert!(is_correct(&fill, " ３ 名"));
        assert!(is_correct(&fill, "三名"));
        assert!(!is_correct(&fill, "3"));
        assert!(!is_correct(&fill, ""));
        let list = q(
            Answer::Fill(vec!["忠诚干净担当".into()]),
            QuestionType::Fill,
        );
        assert!(is_correct(&list, "忠诚、干净、担当"));
        assert!(is_correct(&list, "忠诚，干净，担当。"));
        assert!(!is_correct(&list, "。"));
    }

    #[test]
    fn a_selection_toggles_multiple_letters_and_replaces_single_ones() {
        let multi = q(Answer::Choices(['A', 'C'].into()), QuestionType::Multiple);
        let mut s = Selection::default();
        assert!(s.pick(&multi, 'C'));
        assert!(s.pick(&multi, 'A'));
        assert_eq!((s.given.as_str(), s.cursor), ("AC", 0), "kept sorted");
        assert!(is_correct(&multi, &s.given));
        for _ in 0..3 {
            s.down(&multi);
        }
        assert!(s.pick_cursor(&multi));
        assert_eq!(s.given, "ACD");
        assert!(s.pick(&multi, 'D'), "a second pick takes it out");
        assert_eq!(s.given, "AC");
        assert!(s.is_chosen(&multi, 'C') && !s.is_chosen(&multi, 'B'));
        assert!(!s.pick(&multi, 'E'), "the question has four choices");
        assert_eq!((s.given.as_str(), s.cursor), ("AC", 3));
        let single = q(Answer::Choices(['B'].into()), QuestionType::Single);
        let mut s = Selection::default();
        s.pick(&single, 'A');
        s.pick(&single, 'B');
        assert_eq!((s.given.as_str(), s.cursor), ("B", 1));
        for _ in 0..9 {
            s.down(&single);
        }
        assert_eq!(s.cursor, 3, "the cursor stops at the last choice");
        assert!(!s.type_char(&single, 'x'), "nothing is typed into a choice");
        assert_eq!(s.given, "B");
    }

    #[test]
    fn a_selection_gives_true_false_and_typed_answers_in_the_files_words() {
        let judge = q(Answer::Judge(false), QuestionType::Judge);
        let mut s = Selection::default();
        assert!(s.is_empty());
        s.down(&judge);
        s.down(&judge);
        assert_eq!(s.cursor, 1, "true/false has two rows");
        s.pick_cursor(&judge);
        assert_eq!(s.given, "false");
        assert!(s.is_chosen(&judge, 'B') && !s.is_chosen(&judge, 'A'));
        assert!(!s.pick(&judge, 'C'));
        s.pick(&judge, 'A');
        assert_eq!(s.given, "true");
        let fill = q(Answer::Fill(vec!["三名".into()]), QuestionType::Fill);
        let mut s = Selection::default();
        assert!(!s.pick(&fill, 'A'), "a letter is typed, not picked");
        s.type_char(&fill, ' ');
        assert!(s.is_empty(), "spaces are no answer");
        s.paste(&fill, "三\r\n名");
        s.type_char(&fill, 'x');
        s.backspace(&fill);
        assert_eq!(s.given, " 三 名");
        assert!(is_correct(&fill, &s.given));
    }

    #[test]
    fn score_floors() {
        assert_eq!(score(2, 3), 66);
        assert_eq!(score(10, 10), 100);
        assert_eq!(score(0, 0), 0);
    }
}
