//! The library's search index: every unit's searchable text folded once (see
//! [`crate::core::search`]), so a search per keystroke only looks for its terms and
//! no unit text is folded again. Matches are exactly those of
//! [`crate::core::search::match_unit`], body hits included.

use std::collections::HashMap;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::search::{Query, UnitHit, UnitText, is_folded};
use super::text::is_default_ignorable;

/// The way back from folded text to the original, kept small for an index: only the
/// graphemes that folding changed (or that hold more than one character) are listed;
/// every other character maps to itself, shifted by what the listed ones before it
/// added or removed. It answers exactly what [`Folded::original`](super::search::Folded::original) answers for a range
/// that starts and ends on character boundaries of the folded text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoldMap {
    /// (folded start, folded end, original start, original end) of each listed
    /// grapheme, in order; an empty folded range for a grapheme folding to nothing.
    spans: Vec<[u32; 4]>,
    /// Folding changed nothing: every range maps to itself.
    same: bool,
}

impl FoldMap {
    /// The original byte range behind folded bytes `r` (character boundaries).
    #[must_use]
    pub fn original(&self, r: Range<usize>) -> Range<usize> {
        if self.same || r.is_empty() {
            return r;
        }
        let at = |i: usize| -> (Option<[u32; 4]>, i64) {
            let k = self.spans.partition_point(|s| s[0] as usize <= i);
            match k.checked_sub(1).map(|k| self.spans[k]) {
                Some(s) if i < s[1] as usize => (Some(s), 0),
                Some(s) => (None, i64::from(s[3]) - i64::from(s[1])),
                None => (None, 0),
            }
        };
        let shift = |i: usize, d: i64| {
            usize::try_from(i64::try_from(i).unwrap_or(i64::MAX).saturating_add(d)).unwrap_or(0)
        };
        let start = match at(r.start) {
            (Some(s), _) => s[2] as usize,
            (None, d) => shift(r.start, d),
        };
        let end = match at(r.end - 1) {
            (Some(s), _) => s[3] as usize,
            (None, d) => shift(r.end, d),
        };
        start..end
    }
}

/// Fold a text as [`fold`](super::search::fold) does, keeping a [`FoldMap`] instead of a map per byte.
///
/// ```
/// use dangxue::core::search_index::fold_mapped;
/// let (text, map) = fold_mapped("第２０１８号");
/// assert_eq!(text, "第2018号");
/// assert_eq!(&"第２０１８号"[map.original(3..7)], "２０１８");
/// ```
#[must_use]
pub fn fold_mapped(s: &str) -> (String, FoldMap) {
    if is_folded(s) {
        let map = FoldMap {
            spans: Vec::new(),
            same: true,
        };
        return (s.to_string(), map);
    }
    let u = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let mut text = String::with_capacity(s.len());
    let mut spans = Vec::new();
    for (at, g) in s.grapheme_indices(true) {
        let before = text.len();
        text.extend(
            g.nfkc()
                .filter(|c| !is_default_ignorable(*c))
                .flat_map(char::to_lowercase),
        );
        let one_char = g.chars().nth(1).is_none();
        if !one_char || text[before..] != *g {
            spans.push([u(before), u(text.len()), u(at), u(at + g.len())]);
        }
    }
    (text, FoldMap { spans, same: false })
}

/// One unit's entry: its folded title, column, authors and tags (each followed by a
/// line break, which no term holds, so terms never match across fields), then its
/// folded body, kept as UTF-16 code units: bodies are mostly Chinese, two bytes a
/// character instead of three, and the index holds every body of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indexed {
    text: Box<[u16]>,
    meta_end: usize,
    map: FoldMap,
}

impl Indexed {
    /// Fold a unit's searchable texts.
    #[must_use]
    pub fn new(u: &UnitText<'_>) -> Indexed {
        let meta = u.folded_meta();
        let (body, mut map) = fold_mapped(u.body);
        map.spans.shrink_to_fit();
        let mut text: Vec<u16> = meta.encode_utf16().collect();
        let meta_end = text.len();
        text.extend(body.encode_utf16());
        Indexed {
            text: text.into_boxed_slice(),
            meta_end,
            map,
        }
    }

    /// How the unit matches `q`, as [`crate::core::search::match_unit`] says.
    #[must_use]
    pub fn matches(&self, q: &Query) -> Option<UnitHit> {
        if q.is_empty() {
            return Some(UnitHit { body: None });
        }
        let (meta, body) = self.text.split_at(self.meta_end);
        let in_body: Vec<(&String, Vec<u16>)> = q
            .terms()
            .iter()
            .map(|t| (t, t.encode_utf16().collect::<Vec<u16>>()))
            .filter(|(_, w)| find(meta, w).is_none())
            .collect();
        if in_body.is_empty() {
            return Some(UnitHit { body: None });
        }
        let found: Vec<(usize, usize)> = in_body
            .iter()
            .map(|(t, w)| find(body, w).map(|at| (at, t.len())))
            .collect::<Option<_>>()?;
        let first = found
            .into_iter()
            .map(|(at, len)| {
                let start = utf8_len(&body[..at]);
                self.map.original(start..start + len)
            })
            .min_by_key(|r| r.start);
        Some(UnitHit { body: first })
    }
}

/// Where `needle` first occurs in `hay`. Both are whole UTF-16 texts, so a match
/// starts and ends on character boundaries, and is the one `str::find` gives on
/// the same texts in UTF-8.
fn find(hay: &[u16], needle: &[u16]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return Some(0);
    };
    let last = hay.len().checked_sub(needle.len())?;
    let mut from = 0;
    while from <= last {
        let at = from + hay[from..=last].iter().position(|&c| c == first)?;
        if hay[at + 1..at + needle.len()] == *rest {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The UTF-8 length of a UTF-16 text.
fn utf8_len(units: &[u16]) -> usize {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.map_or(3, char::len_utf8))
        .sum()
}

/// Every unit's [`Indexed`] entry, by unit id.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    units: HashMap<String, Indexed>,
}

impl SearchIndex {
    /// An empty index with room for `n` units.
    #[must_use]
    pub fn with_capacity(n: usize) -> SearchIndex {
        SearchIndex {
            units: HashMap::with_capacity(n),
        }
    }

    /// Add (or replace) a unit's entry.
    pub fn insert(&mut self, id: String, entry: Indexed) {
        self.units.insert(id, entry);
    }

    /// How unit `id` matches `q`; `None` also for a unit not in the index.
    #[must_use]
    pub fn matches(&self, id: &str, q: &Query) -> Option<UnitHit> {
        self.units.get(id)?.matches(q)
    }

    /// Units indexed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// No unit indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::search::{fold, match_unit};

    const TRICKY: &[&str] = &[
        "红色物业",
        "自２０１８年起，ＡＢＣ公司",
        "cafe\u{301} au lait, CAFÉ",
        "红\u{200b}色物\u{feff}业\u{200b}",
        "\u{200b}\u{200b}开头",
        "㈠第一条　ｶﾀｶﾅ Straße İstanbul",
        "👨\u{200d}👩\u{200d}👧 家庭 ṩ̃ 甲",
        "한국어 한국어 ﬁne",
        "",
    ];

    #[test]
    fn the_small_map_answers_as_the_full_one() {
        for s in TRICKY {
            let full = fold(s);
            let (text, map) = fold_mapped(s);
            assert_eq!(text, full.text, "{s:?}");
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|i| text.is_char_boundary(*i))
                .collect();
            for (i, a) in bounds.iter().enumerate() {
                for b in &bounds[i + 1..] {
                    assert_eq!(
                        map.original(*a..*b),
                        full.original(*a..*b),
                        "{s:?} {a}..{b}"
                    );
                }
            }
        }
    }

    #[test]
    fn find_in_utf16_agrees_with_str_find() {
        let hays = ["", "a", "红色物业红色", "😀a😀b", "aab", "物业"];
        let needles = ["", "a", "b", "红色", "业红", "😀b", "ab", "物业红色物业"];
        for h in hays {
            let hw: Vec<u16> = h.encode_utf16().collect();
            for n in needles {
                let nw: Vec<u16> = n.encode_utf16().collect();
                let got = find(&hw, &nw).map(|at| utf8_len(&hw[..at]));
                assert_eq!(got, h.find(n), "{h:?} {n:?}");
            }
        }
    }

    #[test]
    fn the_index_matches_as_match_unit_does() {
        let lib = crate::store::content::load_builtin();
        let tags = vec!["ＴＡＧ".to_string(), "物业".to_string()];
        let authors = vec!["张　三".to_string()];
        let mut extra: Vec<(String, String)> = TRICKY
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("t{i}"), (*b).to_string()))
            .collect();
        for u in lib.iter() {
            extra.push((u.meta.id.clone(), u.body.clone()));
        }
        let queries = [
            "",
            "红色",
            "物业 ２０１８",
            "2018",
            "abc",
            "tag",
            "张三",
            "三",
            "café",
            "红色物业",
            "党员 群众",
            "社区 治理 服务",
            "ｶﾀｶﾅ",
            "(一)",
            "ss",
            "家庭 甲",
            "的",
            "不存在的词",
            "基层\u{3000}党组织",
            "ﬁ fi",
        ];
        for (id, body) in &extra {
            let title = if id.starts_with('t') {
                "红色"
            } else {
                "标题"
            };
            let text = UnitText {
                title,
                column: Some("广角"),
                authors: &authors,
                tags: &tags,
                body,
            };
            let mut index = SearchIndex::default();
            index.insert(id.clone(), Indexed::new(&text));
            for q in queries {
                let q = Query::parse(q);
                assert_eq!(index.matches(id, &q), match_unit(&q, &text), "{id} {q:?}");
            }
        }
        assert!(
            SearchIndex::default()
                .matches("x", &Query::parse("红色"))
                .is_none()
        );
    }
}
