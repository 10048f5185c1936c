//! Reading `<home>/config.toml`. A missing file means every default; the file is
//! only ever read, never written.
//!
//! A relative path in the config (`content_dirs`, `plan`, `report_dir`) is taken from
//! the folder of `config.toml`, wherever the program is started from: the same file
//! means the same folders for every command.

use std::path::Path;

use crate::core::config::{Config, Lang};
use crate::strings::{FileIssue, Reading};

use super::content::{FileProblem, Message};
use super::paths::Paths;

/// Largest config file read: a real one is a few kilobytes.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Why the config cannot be used, and the language to say it in: the one the file
/// asks for when a `lang` line can still be seen in it, else Chinese. Displayed as
/// `path:line: message`, control characters escaped, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The problem, naming the file.
    pub problem: FileProblem,
    /// The language the file asks for, as far as it can be read.
    pub lang: Lang,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.problem.text(self.lang))
    }
}

impl std::error::Error for ConfigError {}

/// Load the config, or the defaults when there is no `config.toml`.
///
/// # Errors
/// When the file cannot be read or parsed; see [`ConfigError`].
pub fn load_config(paths: &Paths) -> Result<Config, ConfigError> {
    let path = paths.config_file();
    match read(&path)? {
        None => Ok(Config::default()),
        Some(bytes) => parse_config(&path, &bytes).map(|c| resolve_paths(c, &paths.home)),
    }
}

/// The language of the config at `paths`: its `lang`, or what a broken file asks for
/// (see [`ConfigError`]); Chinese when there is no file.
#[must_use]
pub fn lang_of(paths: &Paths) -> Lang {
    load_config(paths).map_or_else(|e| e.lang, |c| c.lang)
}

/// Make the config's relative paths relative to `dir`, the config file's folder.
#[must_use]
pub fn resolve_paths(mut config: Config, dir: &Path) -> Config {
    let from = |p: &mut std::path::PathBuf| {
        if p.is_relative() {
            *p = dir.join(&*p);
        }
    };
    config.content_dirs.iter_mut().for_each(from);
    config.plan.iter_mut().for_each(from);
    config.report_dir.iter_mut().for_each(from);
    config
}

/// The language a config file's bytes ask for, read line by line so a file that does
/// not parse still says it: a top-level `lang = "en"` line, before any `[table]`.
fn asked_lang(bytes: &[u8]) -> Lang {
    for line in String::from_utf8_lossy(bytes).lines() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.starts_with('[') {
            break;
        }
        if let Some((key, value)) = line.split_once('=')
            && key.trim().trim_matches(['"', '\'']) == "lang"
        {
            let value = value.trim();
            if value.starts_with("\"en\"") || value.starts_with("'en'") {
                return Lang::En;
            }
        }
    }
    Lang::Zh
}

/// Parse a config file's bytes; `path` is only used in messages.
///
/// # Errors
/// As [`load_config`].
pub fn parse_config(path: &Path, bytes: &[u8]) -> Result<Config, ConfigError> {
    let fail = |line: usize, issue: FileIssue| ConfigError {
        problem: FileProblem {
            path: path.display().to_string(),
            line,
            message: Message::File(issue),
        },
        lang: asked_lang(bytes),
    };
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(fail(
            0,
            FileIssue::TooLarge {
                what: Reading::Config,
                mb: MAX_CONFIG_BYTES / (1024 * 1024),
            },
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(
            crate::core::text::line_of(bytes, e.valid_up_to()),
            FileIssue::NotUtf8,
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Config::parse(text).map_err(|e| fail(e.line, FileIssue::Config(e.message)))
}

fn read(path: &Path) -> Result<Option<Vec<u8>>, ConfigError> {
    super::atomic::read_regular_file(path, MAX_CONFIG_BYTES).map_err(|e| ConfigError {
        problem: FileProblem {
            path: path.display().to_string(),
            line: 0,
            message: Message::File(FileIssue::ReadFailed {
                what: Reading::Config,
                error: (&e).into(),
            }),
        },
        lang: Lang::Zh,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home() -> (tempfile::TempDir, Paths) {
        let t = tempfile::tempdir().expect("tempdir");
        let p = Paths {
            home: t.path().to_path_buf(),
        };
        (t, p)
    }

    #[test]
    fn no_file_is_the_defaults() {
        let (_t, p) = home();
        assert_eq!(load_config(&p), Ok(Config::default()));
    }

    #[test]
    fn a_file_overrides_what_it_names() {
        let (_t, p) = home();
        std::fs::write(p.config_file(), "lang = \"en\"\n[study]\nquestions = 5\n").expect("write");
        let c = load_config(&p).expect("parses");
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.study.questions, 5);
        assert_eq!(c.study.pass_score, 80);
    }

    #[test]
    fn errors_are_path_line_message() {
        let (_t, p) = home();
        std::fs::write(
            p.config_file(),
            "lang = \"en\"\n\n[read]\nunits = \"four\"\n",
        )
        .expect("write");
        let e = load_config(&p).expect_err("bad type").to_string();
        let prefix = format!("{}:4: ", p.config_file().display());
        assert!(e.starts_with(&prefix), "{e}");
        assert!(e.contains("invalid type"), "{e}");
        assert!(
            e.ends_with(
                ": fix the key as config.example.toml shows, or remove it to use the default"
            ),
            "{e}"
        );
    }

    #[test]
    fn errors_are_in_the_language_the_broken_file_asks_for() {
        let (_t, p) = home();
        std::fs::write(p.config_file(), "[read]\nunit = 2\n").expect("write");
        let e = load_config(&p).expect_err("typo");
        assert_eq!(e.lang, Lang::Zh);
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!(
                "{}:2: 配置有误：unknown field `unit`",
                p.config_file().display()
            )),
            "{shown}"
        );
        assert!(
            shown.ends_with("：请按 config.example.toml 改正这一项，或删去它以使用默认值"),
            "{shown}"
        );
        for en in ["lang = \"en\"", " lang='en' # English", "\"lang\" = \"en\""] {
            std::fs::write(p.config_file(), format!("{en}\n[read]\nunit = 2\n")).expect("write");
            assert_eq!(load_config(&p).expect_err("typo").lang, Lang::En, "{en}");
            assert_eq!(lang_of(&p), Lang::En, "{en}");
        }
        // A `lang` inside a table is not the interface language.
        std::fs::write(p.config_file(), "[read]\nlang = \"en\"\n").expect("write");
        assert_eq!(load_config(&p).expect_err("unknown key").lang, Lang::Zh);
        std::fs::remove_file(p.config_file()).expect("rm");
        assert_eq!(lang_of(&p), Lang::Zh);
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let (_t, p) = home();
        std::fs::write(p.config_file(), b"lang = \"en\"\ntheme = \"\xff\"\n").expect("write");
        let e = load_config(&p).expect_err("bad bytes").to_string();
        assert_eq!(
            e,
            format!(
                "{}:2: not valid UTF-8: save the file as UTF-8",
                p.config_file().display()
            )
        );
    }

    #[test]
    fn a_folder_in_place_of_the_file_is_a_clear_error() {
        let (_t, p) = home();
        std::fs::create_dir(p.config_file()).expect("mkdir");
        let e = load_config(&p).expect_err("a folder").to_string();
        assert!(
            e.starts_with(&format!(
                "{}: 无法读取配置文件：",
                p.config_file().display()
            )),
            "{e}"
        );
    }

    #[test]
    fn relative_paths_are_taken_from_the_config_folder() {
        let (_t, p) = home();
        std::fs::write(
            p.config_file(),
            "content_dirs = [\"units\", \"/abs/units\"]\nplan = \"plan.toml\"\nreport_dir = \"drop\"\n",
        )
        .expect("write");
        let c = load_config(&p).expect("parses");
        assert_eq!(
            c.content_dirs,
            vec![p.home.join("units"), std::path::PathBuf::from("/abs/units")]
        );
        assert_eq!(c.plan, Some(p.home.join("plan.toml")));
        assert_eq!(c.report_dir, Some(p.home.join("drop")));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let (_t, p) = home();
        std::fs::write(p.config_file(), "\u{feff}lang = \"en\"\n").expect("write");
        assert_eq!(load_config(&p).expect("parses").lang, Lang::En);
    }

    #[test]
    fn oversized_and_deeply_nested_files_are_refused() {
        let (_t, p) = home();
        let big = format!("timezone = \"{}\"\n", "a".repeat(2 * 1024 * 1024));
        std::fs::write(p.config_file(), big).expect("write");
        let e = load_config(&p).expect_err("too big").to_string();
        assert!(e.ends_with(": 文件大于配置文件允许的 1 MB"), "{e}");
        let deep = format!("x = {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
        std::fs::write(p.config_file(), deep).expect("write");
        let e = load_config(&p).expect_err("too deep").to_string();
        assert!(
            e.starts_with(&format!("{}:1:", p.config_file().display())),
            "{e}"
        );
    }
}
