//! `dangxue check [PATH...]`: validate units, plan files and completion files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::core::plan::did_you_mean;
use crate::core::unit::{Answer, Catalog, Unit};
use crate::store::content::{self, FileProblem, Message};
use crate::strings::{CheckCounts, FileIssue, Reading, UnitPlace};

/// Largest plan or completion file checked.
const MAX_TOML_BYTES: u64 = 8 * 1024 * 1024;

/// What kind of file a `.toml` is: by its top-level `format` key, else by its name
/// (`<member-id>-<cycle>.toml` is a completion file), else a plan.
fn toml_kind(text: &str, path: &Path) -> TomlKind {
    match top_level_format(text) {
        Some(f) if f.starts_with("dangxue-completion/") => TomlKind::Completion,
        Some(f) if f.starts_with("dangxue-plan/") => TomlKind::Plan,
        Some(f) => TomlKind::Unknown(f),
        None => {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            if name.is_some_and(|n| crate::core::report::split_file_name(&n).is_some()) {
                TomlKind::Completion
            } else {
                TomlKind::Plan
            }
        }
    }
}

/// The value of a `format = "..."` line before the first table header; a light
/// look that needs no parse, so a file with TOML errors is still sorted right.
fn top_level_format(text: &str) -> Option<String> {
    for line in text.lines() {
        let l = line.trim_start_matches('\u{feff}').trim();
        if l.starts_with('[') {
            return None;
        }
        let Some(rest) = l.strip_prefix("format") else {
            continue;
        };
        let value = rest.trim_start().strip_prefix('=')?.trim();
        let value = value.strip_prefix('"')?;
        return value.split('"').next().map(str::to_string);
    }
    None
}

enum TomlKind {
    Plan,
    Completion,
    Unknown(String),
}

/// How much `check` looked at, for the line it prints when nothing is wrong.
#[derive(Debug, Default)]
pub struct Checked {
    /// Every problem, in path order.
    pub problems: Vec<FileProblem>,
    /// Unit files read.
    pub units: usize,
    /// Plan files read.
    pub plans: usize,
    /// Completion files read.
    pub completions: usize,
    /// The config file was read.
    pub config: bool,
}

impl Checked {
    /// "checked ...: no problems", in `lang`.
    #[must_use]
    pub fn summary(&self, lang: crate::core::config::Lang) -> String {
        crate::strings::get(lang).check_clean(CheckCounts {
            units: self.units,
            plans: self.plans,
            completions: self.completions,
            config: self.config,
        })
    }
}

/// Unit ids a completion file names that the content does not have, with the line
/// of each and a near id when there is one; read even when the file has other
/// problems, so every problem is found in one pass.
fn completion_units(text: &str, catalog: &impl Catalog) -> Vec<(usize, Message)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(doc) = toml::de::DeTable::parse(text) else {
        return Vec::new();
    };
    let ids = catalog.ids();
    let mut out = Vec::new();
    let mut note = |offset: usize, unit: &str, place: UnitPlace| {
        if catalog.unit(unit).is_some() {
            return;
        }
        out.push((
            crate::core::text::line_of(text.as_bytes(), offset),
            Message::File(FileIssue::UnknownUnit {
                place,
                unit: unit.to_string(),
                near: did_you_mean(unit, ids.iter().copied()).map(str::to_string),
            }),
        ));
    };
    let unit_of = |t: &toml::de::DeTable<'_>| -> Option<(usize, String)> {
        let (k, v) = t.get_key_value("unit")?;
        match v.get_ref() {
            toml::de::DeValue::String(s) => Some((k.span().start, s.to_string())),
            _ => None,
        }
    };
    let tables = |v: &toml::de::DeValue<'_>| -> Vec<(usize, String)> {
        match v {
            toml::de::DeValue::Array(items) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    toml::de::DeValue::Table(t) => unit_of(t),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    let root = doc.get_ref();
    if let Some(v) = root.get("read") {
        for (at, u) in tables(v.get_ref()) {
            note(at, &u, UnitPlace::Read);
        }
    }
    if let Some(toml::de::DeValue::Table(t)) = root.get("reflection").map(toml::Spanned::get_ref)
        && let Some((at, u)) = unit_of(t)
    {
        note(at, &u, UnitPlace::Reflection);
    }
    if let Some(toml::de::DeValue::Table(t)) = root.get("test").map(toml::Spanned::get_ref)
        && let Some(v) = t.get("answers")
    {
        for (at, u) in tables(v.get_ref()) {
            note(at, &u, UnitPlace::TestAnswer);
        }
    }
    out
}

/// Every file to check under the given paths: units (`.md`) and `.toml` files.
fn collect(paths: &[PathBuf], problems: &mut Vec<FileProblem>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut units = Vec::new();
    let mut tomls = Vec::new();
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                problems.push(FileProblem {
                    path: p.display().to_string(),
                    line: 0,
                    message: FileIssue::Unreadable(e.to_string()).into(),
                });
                continue;
            }
        };
        if meta.is_dir() {
            match content::unit_files(p) {
                Ok(f) => units.extend(f),
                Err(e) => problems.push(FileProblem {
                    path: p.display().to_string(),
                    line: 0,
                    message: FileIssue::Folder {
                        content: false,
                        error: e.to_string(),
                    }
                    .into(),
                }),
            }
            tomls.extend(toml_files(p));
        } else if p.extension().is_some_and(|x| x == "toml") {
            tomls.push(p.clone());
        } else {
            units.push(p.clone());
        }
    }
    (units, tomls)
}

/// `.toml` files under a folder, except `config.toml`, skipping `sources/` (the
/// provenance notes of the built-in content) and not following symlinks.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(ft) = e.file_type() else { continue };
            let p = e.path();
            if ft.is_dir() && p.file_name().is_some_and(|n| n != "sources") {
                stack.push(p);
            } else if ft.is_file()
                && p.extension().is_some_and(|x| x == "toml")
                && p.file_name().is_some_and(|n| n != "config.toml")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Content rules beyond the file format: a fill question's accepted forms should be
/// findable in the unit's text, or the question is not answerable from the unit.
fn unit_quality(u: &Unit, path: &str, problems: &mut Vec<FileProblem>) {
    let body = crate::core::quiz::normalize_fill(&u.body);
    for q in &u.questions {
        if let Answer::Fill(forms) = &q.answer
            && !forms
                .iter()
                .any(|f| body.contains(&crate::core::quiz::normalize_fill(f)))
        {
            problems.push(FileProblem {
                path: path.to_string(),
                line: q.line,
                message: FileIssue::FillAbsent {
                    question: q.id.clone(),
                }
                .into(),
            });
        }
    }
}

/// Check the paths, or without paths the config itself and the configured content
/// dirs and plan (the built-in units when nothing is configured): every problem
/// found, in path order, and how many files of each kind were checked.
#[must_use]
pub fn run_counted(paths: &[PathBuf], home: Option<&Path>) -> Checked {
    let mut checked = Checked::default();
    let mut problems = Vec::new();
    let config = match crate::store::paths::Paths::resolve(home) {
        Ok(p) => match crate::store::config::load_config(&p) {
            Ok(c) => Some((p, c)),
            Err(e) => {
                problems.push(e.problem);
                None
            }
        },
        Err(e) => {
            problems.push(FileProblem {
                path: "config".into(),
                line: 0,
                message: e.to_string().into(),
            });
            None
        }
    };
    let mut paths = paths.to_vec();
    if paths.is_empty() {
        checked.config = true;
        if let Some((p, c)) = &config
            && let Some(tz) = &c.timezone
            && jiff::tz::TimeZone::get(tz).is_err()
        {
            problems.push(FileProblem {
                path: p.config_file().display().to_string(),
                line: config_line(&p.config_file(), "timezone"),
                message: FileIssue::UnknownZone(tz.clone()).into(),
            });
        }
        if let Some((p, c)) = &config {
            paths.extend(c.content_dirs.iter().cloned());
            paths.extend(c.plan.iter().map(|plan| p.home.join(plan)));
        }
        if paths.is_empty() {
            let builtin = content::load_builtin();
            checked.units = builtin.len();
            problems.extend(builtin.problems);
            checked.problems = problems;
            return checked;
        }
    }
    // Plans are checked against every unit a member would have: built in, configured
    // and the ones checked now.
    let mut catalog = content::load(config.as_ref().map_or(&[][..], |(_, c)| &c.content_dirs));
    let rules = config
        .as_ref()
        .map_or_else(crate::core::regime::Rules::default, |(_, c)| c.rules());
    let (units, tomls) = collect(&paths, &mut problems);
    let mut seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for f in &units {
        let shown = f.display().to_string();
        checked.units += 1;
        match content::load_file(f) {
            Ok(u) => {
                let id_line = u.id_line;
                if let Some((other, line)) = seen.get(&u.meta.id) {
                    problems.push(FileProblem {
                        path: shown.clone(),
                        line: id_line,
                        message: FileIssue::DuplicateId {
                            id: u.meta.id.clone(),
                            other: other.clone(),
                            line: *line,
                        }
                        .into(),
                    });
                } else {
                    seen.insert(u.meta.id.clone(), (shown.clone(), id_line));
                }
                unit_quality(&u, &shown, &mut problems);
                catalog.insert(u, content::Origin::File(f.clone()));
            }
            Err(ps) => problems.extend(ps),
        }
    }
    for f in &tomls {
        let shown = f.display().to_string();
        // Plans and completion files are small; the cap keeps a huge or special
        // file from stalling the check.
        let text = match content::read_text(f, MAX_TOML_BYTES, Reading::File) {
            Ok(t) => t,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let mut found = match toml_kind(&text, f) {
            TomlKind::Plan => {
                checked.plans += 1;
                // Structure and unknown ids in one pass: what parses is checked
                // against the content even when something else is wrong.
                let (plan, found) = crate::core::plan::Plan::parse_all(&text);
                let mut found: Vec<(usize, Message)> = found
                    .into_iter()
                    .map(|(line, issue)| (line, Message::Doc(issue)))
                    .collect();
                if let Some(plan) = plan {
                    found.extend(docs(crate::core::plan::check_against(&plan, &catalog)));
                    found.extend(docs(crate::core::plan::check_rules(&plan, &rules)));
                    found.extend(docs(crate::core::plan::check_due(&plan)));
                }
                found
            }
            TomlKind::Completion => {
                checked.completions += 1;
                let mut found: Vec<(usize, Message)> = crate::core::completion::check(&text)
                    .into_iter()
                    .map(|(line, issue)| (line, Message::Doc(issue)))
                    .collect();
                found.extend(completion_units(&text, &catalog));
                found
            }
            TomlKind::Unknown(format) => vec![(1, FileIssue::UnknownFormat(format).into())],
        };
        found.sort_by_key(|(line, _)| *line);
        found.dedup();
        problems.extend(found.into_iter().map(|(line, message)| FileProblem {
            path: shown.clone(),
            line,
            message,
        }));
    }
    checked.problems = problems;
    checked
}

/// Problems of a document as data, as messages.
fn docs(found: Vec<(usize, crate::core::tomldoc::Issue)>) -> Vec<(usize, Message)> {
    found
        .into_iter()
        .map(|(line, issue)| (line, Message::Doc(issue)))
        .collect()
}

/// The line of a top-level `key` in the config file, or 0 when it is not found.
fn config_line(path: &Path, key: &str) -> usize {
    let Ok(text) = std::fs::read_to_string(path) else {
        return 0;
    };
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}
