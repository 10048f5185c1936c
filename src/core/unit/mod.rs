//! Study units: a Markdown body under TOML front matter between `+++` lines.
//!
//! Parsing is strict and exhaustive: [`parse`] returns every problem it finds, each
//! with the 1-based line of the offending key, so `dangxue check` can list them all
//! at once and the loader can name the line when it skips a unit.

use std::collections::{BTreeMap, BTreeSet};

mod meta;
mod parse;
mod problem;

pub use meta::{Meta, body_text, parse_meta};
pub use parse::parse;
pub use problem::{Expected, Problem, ProblemKind};

/// Largest front matter accepted. Real units have a few KB; the cap keeps a hostile
/// file from making the TOML parser chew on megabytes.
pub const MAX_FRONT_MATTER_BYTES: usize = 512 * 1024;

/// What a unit is, which decides where it is listed and how it is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A newspaper article.
    Article,
    /// An explainer of a part of the Party Constitution.
    Constitution,
    /// A short item: a photo caption or a news brief.
    Brief,
}

impl Kind {
    /// The word used in unit files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Constitution => "constitution",
            Kind::Brief => "brief",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        match s {
            "article" => Some(Kind::Article),
            "constitution" => Some(Kind::Constitution),
            "brief" => Some(Kind::Brief),
            _ => None,
        }
    }
}

/// The four question types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuestionType {
    /// One right choice.
    Single,
    /// A set of right choices, all of which must be given.
    Multiple,
    /// True or false.
    Judge,
    /// A short typed answer compared against accepted forms.
    Fill,
}

impl QuestionType {
    /// The word used in unit files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multiple => "multiple",
            QuestionType::Judge => "judge",
            QuestionType::Fill => "fill",
        }
    }

    fn parse(s: &str) -> Option<QuestionType> {
        match s {
            "single" => Some(QuestionType::Single),
            "multiple" => Some(QuestionType::Multiple),
            "judge" => Some(QuestionType::Judge),
            "fill" => Some(QuestionType::Fill),
            _ => None,
        }
    }
}

/// The answer key of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Index letters of the right choices (`'A'`..), sorted; one for `single`.
    Choices(BTreeSet<char>),
    /// The truth value of a `judge` statement.
    Judge(bool),
    /// Accepted forms of a `fill` answer.
    Fill(Vec<String>),
}

/// One quiz question of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Unique within its unit.
    pub id: String,
    /// How it is asked and graded.
    pub qtype: QuestionType,
    /// The question text.
    pub prompt: String,
    /// Choices for `single` and `multiple`, lettered A, B, C...
    pub choices: Vec<String>,
    /// The answer key.
    pub answer: Answer,
    /// Why the answer is right, pointing back to the passage.
    pub explain: String,
    /// Line of the question's `[[questions]]` header in its file.
    pub line: usize,
}

/// A parsed study unit: its metadata, its questions and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The top-level keys: id, title, kind, byline, tags.
    pub meta: Meta,
    /// Quiz questions.
    pub questions: Vec<Question>,
    /// The Markdown body.
    pub body: String,
    /// Line in the file where the body starts.
    pub body_line: usize,
    /// Line of the `id` key.
    pub id_line: usize,
}

impl Unit {
    /// The question with this id.
    #[must_use]
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Anything that can look units up by id: the loaded library, or a plain map in tests.
pub trait Catalog {
    /// The unit with this id.
    fn unit(&self, id: &str) -> Option<&Unit>;
    /// Every unit id, sorted.
    fn ids(&self) -> Vec<&str>;
}

impl Catalog for BTreeMap<String, Unit> {
    fn unit(&self, id: &str) -> Option<&Unit> {
        self.get(id)
    }
    fn ids(&self) -> Vec<&str> {
        self.keys().map(String::as_str).collect()
    }
}

/// True when `id` is a valid unit id.
#[must_use]
pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && id.len() <= 128
}
