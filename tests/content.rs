//! The built-in content: faithful to the seed pages, clean by `check`, and with the
//! questions the content promises.
//!
//! Fidelity: every sentence fragment of each seed page under `content/sources/` must
//! appear in some unit whose `source` is that page (title, column, authors, note and
//! body are searched) after NFKC and keeping only letters and digits, so restoring
//! full-width punctuation and lost quotation marks is allowed but dropping or
//! changing words is not. Every deliberate change to a page's text is a `[[fix]]`
//! entry of `content/sources/<page>.fixes.toml`, with the seed text, the fixed text,
//! why, and how often the seed text occurs (`count`, 1 unless given); they are
//! applied to the seed before comparing, and their number is pinned here so a new
//! one cannot slip in unreviewed.
//!
//! The other direction is stricter: every paragraph of a unit body taken from a page
//! must be the fixed page's own text, punctuation included (after NFKC, so full- and
//! half-width forms are one, and with whitespace removed). A paragraph may run over
//! the page's line breaks, so an article broken across columns can be joined; but a
//! quotation mark restored, an ellipsis added or a word corrected must be a recorded
//! fix.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dangxue::core::unit::{Answer, Kind, Unit};
use unicode_normalization::UnicodeNormalization;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The reviewed fixes, page by page.
/// 000 fourteen: quotation marks restored (eight), the exhibition title's punctuation,
/// an ellipsis where the article breaks off, 切忌莫→切忌 in the headline (printed
/// twice), a doubled 产业, 旗委常委, 杭锦旗→杭锦后旗 in 巴彦淖尔市.
/// 001 five: 辖→党, a dropped 面, 同级党代表大会 as in Art. 27, nested quotation
/// marks, an ellipsis where a paragraph lost its start.
/// 002 eight: a doubled 宣讲, 感恩恩→感党恩 six times, a dropped 作用.
/// 003 four: 看落→着落, an ellipsis where the article breaks off, the photo pointers
/// 左图 and 下图 dropped.
/// 004 seven: doubled 应, 能 and 同事, a stray "and", 腰鼓→腰包, 杭锦旗→杭锦后旗,
/// 形式→形势.
const FIXES: usize = 38;

/// Byline words that are page furniture, not text: they become `authors`.
const FURNITURE: &[&str] = &["本报记者", "通讯员", "文/", "图/"];

fn norm(s: &str) -> String {
    s.nfkc().filter(|c| c.is_alphanumeric()).collect()
}

fn units() -> Vec<(PathBuf, Unit)> {
    let files = dangxue::store::content::unit_files(&Path::new(ROOT).join("content"))
        .expect("content folder");
    files
        .into_iter()
        .map(|f| {
            let u = dangxue::store::content::load_file(&f)
                .unwrap_or_else(|e| panic!("{}: {e:?}", f.display()));
            (f, u)
        })
        .collect()
}

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(ROOT).join("content/sources");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("sources folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect();
    out.sort();
    out
}

/// One recorded change to a page's text.
struct Fix {
    seed: String,
    fixed: String,
    count: usize,
}

/// The recorded fixes of a page, in the order they are applied.
fn fixes(seed: &str) -> Vec<Fix> {
    let path = Path::new(ROOT)
        .join("content/sources")
        .join(seed.replace(".txt", ".fixes.toml"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let t: toml::Table = toml::from_str(&text).expect("fixes parse");
    t.get("fix")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .map(|f| {
                    let why = f["why"].as_str().expect("every fix says why");
                    assert!(!why.trim().is_empty());
                    let count = f
                        .get("count")
                        .map_or(1, |c| c.as_integer().expect("count is a number"));
                    Fix {
                        seed: f["seed"].as_str().expect("seed").to_string(),
                        fixed: f["fixed"].as_str().expect("fixed").to_string(),
                        count: usize::try_from(count).expect("count is positive"),
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The page's text with its fixes applied; each fix must find its seed text exactly
/// as often as it says, so one entry cannot silently change other places.
fn fixed_page(seed_name: &str, seed: &str) -> String {
    let mut text = seed.to_string();
    for f in fixes(seed_name) {
        assert_eq!(
            text.matches(&f.seed).count(),
            f.count,
            "{seed_name}: fix seed {:?} should occur {} time(s)",
            f.seed,
            f.count
        );
        text = text.replace(&f.seed, &f.fixed);
    }
    text
}

/// Seed fragments missing from the haystacks, as "page:line: fragment".
fn missing(seed_name: &str, seed: &str, hay: &[String]) -> Vec<String> {
    let text = fixed_page(seed_name, seed);
    let furniture: Vec<String> = FURNITURE.iter().map(|f| norm(f)).collect();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        for frag in line.split(['。', '!', '?', ';', '！', '？', '；']) {
            let nf = norm(frag);
            if nf.chars().count() < 2 || hay.iter().any(|h| h.contains(&nf)) {
                continue;
            }
            // A byline or column mark: every word, less furniture, is in front matter.
            let words: Vec<String> = frag
                .split_whitespace()
                .map(|w| {
                    let mut w = norm(w);
                    while let Some(f) = furniture.iter().find(|f| w.starts_with(f.as_str())) {
                        w = w[f.len()..].to_string();
                    }
                    w
                })
                .filter(|w| !w.is_empty())
                .collect();
            if frag.chars().count() <= 40
                && !words.is_empty()
                && words.iter().all(|w| hay.iter().any(|h| h.contains(w)))
            {
                continue;
            }
            out.push(format!("{seed_name}:{}: {}", n + 1, frag.trim()));
        }
    }
    out
}

fn haystacks(units: &[(PathBuf, Unit)]) -> BTreeMap<String, Vec<String>> {
    let mut by_source: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, u) in units {
        let Some(src) = &u.meta.source else { continue };
        let text = format!(
            "{} {} {} {} {}",
            u.meta.title,
            u.meta.column.clone().unwrap_or_default(),
            u.meta.authors.join(" "),
            u.meta.note.clone().unwrap_or_default(),
            u.body
        );
        by_source.entry(src.clone()).or_default().push(norm(&text));
    }
    by_source
}

#[test]
fn every_fragment_of_every_seed_page_is_in_a_unit() {
    let units = units();
    let hay = haystacks(&units);
    let seeds = seeds();
    assert_eq!(seeds.len(), 5, "five seed pages are kept as provenance");
    let mut all = Vec::new();
    for (name, text) in &seeds {
        let h = hay.get(name).cloned().unwrap_or_default();
        assert!(!h.is_empty(), "no unit comes from {name}");
        all.extend(missing(name, text, &h));
    }
    assert!(
        all.is_empty(),
        "{} fragments missing:\n{}",
        all.len(),
        all.join("\n")
    );
    let total: usize = seeds.iter().map(|(n, _)| fixes(n).len()).sum();
    assert_eq!(
        total, FIXES,
        "the list of deliberate fixes changed: review it"
    );
}

/// NFKC with whitespace removed: punctuation is kept, full- and half-width are one.
fn strict(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `para` is the page's own text: inside one line, or the end of one line,
/// then whole lines, then the start of a line (a paragraph joined across columns).
fn is_page_text(para: &str, lines: &[String]) -> bool {
    if lines.iter().any(|l| l.contains(para)) {
        return true;
    }
    let mut todo: Vec<usize> = lines
        .iter()
        .flat_map(|l| {
            (1..=para.len().min(l.len()))
                .filter(|&k| para.is_char_boundary(k) && l.ends_with(&para[..k]))
        })
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    while let Some(at) = todo.pop() {
        if !seen.insert(at) {
            continue;
        }
        let rest = &para[at..];
        for l in lines {
            if l.starts_with(rest) {
                return true;
            }
            if rest.starts_with(l.as_str()) {
                todo.push(at + l.len());
            }
        }
    }
    false
}

/// Body paragraphs of the units from a page that are not the fixed page's text.
fn unrecorded_changes(units: &[(PathBuf, Unit)]) -> Vec<String> {
    let seeds: BTreeMap<String, String> = seeds().into_iter().collect();
    let mut out = Vec::new();
    for (f, u) in units {
        let Some(seed) = u.meta.source.as_ref().and_then(|s| seeds.get_key_value(s)) else {
            continue;
        };
        let lines: Vec<String> = fixed_page(seed.0, seed.1)
            .lines()
            .map(strict)
            .filter(|l| !l.is_empty())
            .collect();
        for para in u.body.split("\n\n") {
            let para = para.trim();
            let text = strict(para.strip_prefix("## ").unwrap_or(para));
            if !text.is_empty() && !is_page_text(&text, &lines) {
                out.push(format!("{}: {para}", f.display()));
            }
        }
    }
    out
}

#[test]
fn applying_the_fixes_to_each_page_gives_the_units_text() {
    let units = units();
    let from_pages = units
        .iter()
        .filter(|(_, u)| {
            u.meta
                .source
                .as_deref()
                .is_some_and(|s| Path::new(s).extension().is_some_and(|e| e == "txt"))
        })
        .count();
    assert!(from_pages >= 46, "{from_pages} units from the pages");
    let bad = unrecorded_changes(&units);
    assert!(
        bad.is_empty(),
        "{} paragraphs differ from their page without a recorded fix:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn an_unrecorded_change_of_punctuation_or_wording_is_caught() {
    let units = units();
    for (from, to) in [
        // A quotation mark added in the middle of a sentence.
        ("众人的事情众人商量，", "众人的事情“众人商量”，"),
        // A restored quotation mark that the fixes file does not record.
        ("众人的事情众人商量，", "“众人的事情众人商量，”"),
        // One character changed.
        ("利用闲置楼道", "利用空置楼道"),
    ] {
        let mut cut = units.clone();
        for (_, u) in &mut cut {
            if u.meta.id == "a000-ulanhot-red-property" {
                assert!(u.body.contains(from), "{from}");
                u.body = u.body.replacen(from, to, 1);
            }
        }
        let bad = unrecorded_changes(&cut);
        assert!(
            bad.len() == 1 && bad[0].contains(to),
            "{from} -> {to}: {bad:?}"
        );
    }
}

#[test]
fn a_column_break_joins_only_at_line_ends() {
    let lines = vec!["甲乙丙".to_string(), "丁戊".to_string(), "己庚".to_string()];
    assert!(is_page_text("乙丙丁戊己", &lines));
    assert!(is_page_text("丙己庚", &lines));
    assert!(!is_page_text("乙丁戊", &lines), "乙 does not end a line");
    assert!(!is_page_text("丙戊", &lines), "戊 does not start a line");
}

#[test]
fn dropping_a_paragraph_is_caught() {
    let units = units();
    let (_, victim) = units
        .iter()
        .find(|(_, u)| u.meta.id == "a000-ulanhot-red-property")
        .expect("unit");
    let para = victim
        .body
        .split("\n\n")
        .find(|p| p.contains("兴安盟教育局住宅楼小区"))
        .expect("paragraph");
    let mut cut: Vec<(PathBuf, Unit)> = units.clone();
    for (_, u) in &mut cut {
        if u.meta.id == victim.meta.id {
            u.body = u.body.replace(para, "");
        }
    }
    let hay = haystacks(&cut);
    let (name, text) = seeds()
        .into_iter()
        .find(|(n, _)| Some(n) == victim.meta.source.as_ref())
        .expect("seed of the unit");
    let gone = missing(&name, &text, &hay[&name]);
    assert!(
        gone.iter().any(|g| g.contains("兴安盟教育局住宅楼小区")),
        "{gone:?}"
    );
}

#[test]
fn check_finds_nothing_wrong_in_the_content() {
    let problems =
        dangxue::commands::check::run_counted(&[Path::new(ROOT).join("content")], None).problems;
    let lines: Vec<String> = problems
        .iter()
        .map(|p| p.text(dangxue::core::config::Lang::En))
        .collect();
    assert!(lines.is_empty(), "{}", lines.join("\n"));
}

#[test]
fn counts_of_units_and_questions() {
    let units = units();
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_type: BTreeMap<&str, usize> = BTreeMap::new();
    for (f, u) in &units {
        *by_kind.entry(u.meta.kind.as_str()).or_default() += 1;
        for q in &u.questions {
            *by_type.entry(q.qtype.as_str()).or_default() += 1;
        }
        let needed = match u.meta.kind {
            Kind::Article => 3,
            Kind::Constitution => 5,
            Kind::Brief => 0,
        };
        assert!(
            u.questions.len() >= needed,
            "{}: {} questions, {needed} needed",
            f.display(),
            u.questions.len()
        );
    }
    // Pinned: adding or removing a unit or a question is a reviewed change, and
    // these numbers move with it. 13 constitution units: the 总纲, 11 chapters and
    // the newspaper's excerpt of Articles 27-28.
    let kinds: Vec<(&str, usize)> = by_kind.iter().map(|(k, n)| (*k, *n)).collect();
    assert_eq!(
        kinds,
        [("article", 26), ("brief", 20), ("constitution", 13)],
        "units by kind"
    );
    let types: Vec<(&str, usize)> = by_type.iter().map(|(k, n)| (*k, *n)).collect();
    assert_eq!(
        types,
        [
            ("fill", 47),
            ("judge", 69),
            ("multiple", 40),
            ("single", 79)
        ],
        "questions by type"
    );
    let total: usize = by_type.values().sum();
    assert_eq!(total, 235, "questions in all");
    // The 总纲 and each of the 11 chapters have an explainer.
    for id in [
        "c00-general-program",
        "c01-members",
        "c02-organisational-system",
        "c03-central-organisations",
        "c04-local-organisations",
        "c05-basic-organisations",
        "c06-cadres",
        "c07-discipline",
        "c08-discipline-inspection",
        "c09-leading-party-groups",
        "c10-youth-league",
        "c11-emblem-and-flag",
    ] {
        assert!(units.iter().any(|(_, u)| u.meta.id == id), "missing {id}");
    }
}

#[test]
fn every_fill_answer_is_in_its_units_text_and_every_explain_is_present() {
    for (f, u) in units() {
        let body = dangxue::core::quiz::normalize_fill(&u.body);
        for q in &u.questions {
            assert!(
                !q.explain.trim().is_empty(),
                "{}: {} has no explain",
                f.display(),
                q.id
            );
            if let Answer::Fill(forms) = &q.answer {
                assert!(
                    forms
                        .iter()
                        .any(|a| body.contains(&dangxue::core::quiz::normalize_fill(a))),
                    "{}: {} fill answer {forms:?} not in the text",
                    f.display(),
                    q.id
                );
            }
        }
    }
}

#[test]
fn the_built_in_content_compiled_in_is_the_content_folder() {
    let lib = dangxue::store::content::load_builtin();
    assert!(lib.problems.is_empty(), "{:?}", lib.problems);
    assert_eq!(lib.len(), units().len());
}
