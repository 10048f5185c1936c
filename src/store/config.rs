//! Reading `<home>/config.toml`. A missing file means every default; the file is
//! only ever read, never written.
//!
//! A relative path in the config (`content_dirs`, `plan`, `report_dir`) is taken from
//! the folder of `config.toml`, wherever the program is started from: the same file
//! means the same folders for every command.

use std::path::Path;

use crate::core::config::Config;
use crate::core::text::escape_controls;

use super::paths::Paths;

/// Largest config file read: a real one is a few kilobytes.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Load the config, or the defaults when there is no `config.toml`.
///
/// # Errors
/// `path:line: message` (or `path: message` when the whole file is at fault), with
/// control characters escaped, ready to print.
pub fn load_config(paths: &Paths) -> Result<Config, String> {
    let path = paths.config_file();
    match read(&path)? {
        None => Ok(Config::default()),
        Some(bytes) => parse_config(&path, &bytes).map(|c| resolve_paths(c, &paths.home)),
    }
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

/// Parse a config file's bytes; `path` is only used in messages.
///
/// # Errors
/// As [`load_config`].
pub fn parse_config(path: &Path, bytes: &[u8]) -> Result<Config, String> {
    let shown = escape_controls(&path.display().to_string());
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(format!(
            "{shown}: larger than {} KB, too large for a config file",
            MAX_CONFIG_BYTES / 1024
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = crate::core::text::line_of(bytes, e.valid_up_to());
        format!("{shown}:{line}: not valid UTF-8: save the file as UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Config::parse(text).map_err(|e| {
        let e = escape_controls(&e);
        // `Config::parse` starts its message with the line number when it knows it.
        if e.split_once(':')
            .is_some_and(|(l, _)| l.parse::<usize>().is_ok())
        {
            format!("{shown}:{e}")
        } else {
            format!("{shown}: {e}")
        }
    })
}

fn read(path: &Path) -> Result<Option<Vec<u8>>, String> {
    super::atomic::read_regular_file(path, MAX_CONFIG_BYTES).map_err(|e| {
        format!(
            "{}: cannot read: {e}",
            escape_controls(&path.display().to_string())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Lang;

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
        let e = load_config(&p).expect_err("bad type");
        let prefix = format!("{}:4: ", p.config_file().display());
        assert!(e.starts_with(&prefix), "{e}");
        assert!(e.contains("invalid type"), "{e}");
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let (_t, p) = home();
        std::fs::write(p.config_file(), b"lang = \"en\"\ntheme = \"\xff\"\n").expect("write");
        let e = load_config(&p).expect_err("bad bytes");
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
        let e = load_config(&p).expect_err("a folder");
        assert!(
            e.starts_with(&format!("{}: cannot read", p.config_file().display())),
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
        let e = load_config(&p).expect_err("too big");
        assert!(e.contains("too large"), "{e}");
        let deep = format!("x = {}{}\n", "[".repeat(50_000), "]".repeat(50_000));
        std::fs::write(p.config_file(), deep).expect("write");
        let e = load_config(&p).expect_err("too deep");
        assert!(
            e.starts_with(&format!("{}:1:", p.config_file().display())),
            "{e}"
        );
    }
}
