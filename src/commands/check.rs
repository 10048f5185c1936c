//! `dangxue check [PATH...]`: validate units, plan files and completion files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::core::unit::{Answer, Unit};
use crate::store::content::{self, FileProblem};

/// Largest plan or completion file checked.
const MAX_TOML_BYTES: u64 = 8 * 1024 * 1024;

/// What kind of file a `.toml` is, judged from its text.
fn toml_kind(text: &str) -> TomlKind {
    if text.contains("dangxue-completion/") {
        TomlKind::Completion
    } else {
        TomlKind::Plan
    }
}

enum TomlKind {
    Plan,
    Completion,
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
                    message: format!("cannot read: {e}"),
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
                    message: format!("cannot read folder: {e}"),
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
                message: format!(
                    "question {:?}: no accepted fill answer occurs in the unit's text",
                    q.id
                ),
            });
        }
    }
}

/// Check the paths, or without paths the configured content dirs and plan (the
/// built-in units when nothing is configured); every problem found, in path order.
#[must_use]
pub fn run(paths: &[PathBuf], home: Option<&Path>) -> Vec<FileProblem> {
    let mut problems = Vec::new();
    let config = match crate::store::paths::Paths::resolve(home)
        .map_err(|e| e.to_string())
        .and_then(|p| crate::store::config::load_config(&p).map(|c| (p, c)))
    {
        Ok(pc) => Some(pc),
        Err(e) => {
            problems.push(FileProblem {
                path: "config".into(),
                line: 0,
                message: e,
            });
            None
        }
    };
    let mut paths = paths.to_vec();
    if paths.is_empty() {
        if let Some((p, c)) = &config {
            paths.extend(c.content_dirs.iter().cloned());
            paths.extend(c.plan.iter().map(|plan| p.home.join(plan)));
        }
        if paths.is_empty() {
            problems.extend(content::load_builtin().problems);
            return problems;
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
        match content::load_file(f) {
            Ok(u) => {
                let id_line = u.id_line;
                if let Some((other, line)) = seen.get(&u.id) {
                    problems.push(FileProblem {
                        path: shown.clone(),
                        line: id_line,
                        message: format!("duplicate id {:?}: also in {other}:{line}", u.id),
                    });
                } else {
                    seen.insert(u.id.clone(), (shown.clone(), id_line));
                }
                unit_quality(&u, &shown, &mut problems);
                catalog
                    .units
                    .insert(u.id.clone(), (u, content::Origin::File(f.clone())));
            }
            Err(ps) => problems.extend(ps),
        }
    }
    for f in &tomls {
        let shown = f.display().to_string();
        // Plans and completion files are small; the cap keeps a huge or special
        // file from stalling the check.
        let text = match content::read_text(f, MAX_TOML_BYTES, "the file") {
            Ok(t) => t,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let found = match toml_kind(&text) {
            TomlKind::Plan => match crate::core::plan::Plan::parse(&text) {
                Ok(plan) => {
                    let mut found = crate::core::plan::check_against(&plan, &catalog);
                    found.extend(crate::core::plan::check_rules(&plan, &rules));
                    found.extend(crate::core::plan::check_due(&plan));
                    found.sort_by_key(|(line, _)| *line);
                    found
                }
                Err(ps) => ps,
            },
            TomlKind::Completion => crate::core::completion::check(&text),
        };
        problems.extend(found.into_iter().map(|(line, message)| FileProblem {
            path: shown.clone(),
            line,
            message,
        }));
    }
    problems
}
