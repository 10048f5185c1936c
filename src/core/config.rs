//! The user's config file. Every key is optional; defaults live here in code and
//! are never written back into the user's file.

use std::path::PathBuf;

use serde::Deserialize;

use super::regime::{CycleRules, ReadRules, Rules, StudyRules, TalkRules};

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Colours for a dark terminal background.
    #[default]
    Dark,
    /// Colours for a light terminal background.
    Light,
    /// No colours: bold, reverse and underline only (also forced by `NO_COLOR`).
    Mono,
}

/// `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Interface language.
    pub lang: Lang,
    /// Colour theme.
    pub theme: ThemeName,
    /// IANA time zone for cycles and dates; `None`: the system's.
    pub timezone: Option<String>,
    /// Extra folders of units.
    pub content_dirs: Vec<PathBuf>,
    /// The secretary's plan file.
    pub plan: Option<PathBuf>,
    /// Folder where the completion file is dropped whenever the evidence changes.
    pub report_dir: Option<PathBuf>,
    /// The SSH key that signs exported files: a private key file, or a public key
    /// file whose private half is in `ssh-agent`.
    pub signing_key: Option<PathBuf>,
    /// `[cycle]`.
    pub cycle: CycleRules,
    /// `[read]`.
    pub read: ReadRules,
    /// `[talk]`.
    pub talk: TalkRules,
    /// `[study]`.
    pub study: StudyRules,
}

/// Why a config text does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line of the problem; 0 when the reader does not know it.
    pub line: usize,
    /// The TOML reader's words (which key, what it expected).
    pub message: String,
}

impl Config {
    /// Parse a config file's text.
    ///
    /// # Errors
    /// The TOML reader's words and the line, for the caller to word with the path.
    pub fn parse(text: &str) -> Result<Config, ParseError> {
        toml::from_str(text).map_err(|e| ParseError {
            line: e
                .span()
                .map_or(0, |s| super::text::line_of(text.as_bytes(), s.start)),
            message: e.message().trim().to_string(),
        })
    }

    /// The regime thresholds.
    #[must_use]
    pub fn rules(&self) -> Rules {
        Rules {
            cycle: self.cycle.clone(),
            read: self.read.clone(),
            talk: self.talk.clone(),
            study: self.study.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_config_is_all_defaults() {
        let c = Config::parse("").expect("empty parses");
        assert_eq!(c, Config::default());
        assert_eq!(c.read.units, 4);
        assert_eq!(c.study.questions, 10);
    }

    #[test]
    fn a_key_overrides_only_itself() {
        let c = Config::parse("lang = \"en\"\n[read]\nunits = 2\n").expect("parses");
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.read.units, 2);
        assert_eq!(c.read.min_seconds, 120);
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let e = Config::parse("lang = \"en\"\n[read]\nunit = 2\n").expect_err("typo");
        assert_eq!(e.line, 3, "{e:?}");
        assert!(e.message.contains("unit"), "{e:?}");
    }
}
