//! What can be wrong with a unit file, each at a line.

use std::fmt;

use super::MAX_FRONT_MATTER_BYTES;

/// One thing wrong with a unit file, at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// What a key of a unit file must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// `true` or `false`.
    TrueFalse,
    /// An array of strings.
    Texts,
    /// An array of `[[questions]]` tables.
    Questions,
    /// A string of choice letters such as `"C"` or `"ACD"`.
    Letters,
    /// An array of accepted fill answers.
    FillForms,
    /// Something else the format does not use here.
    Other,
}

impl Expected {
    fn words(self) -> &'static str {
        match self {
            Expected::Text => "a string",
            Expected::TrueFalse => "true or false",
            Expected::Texts => "an array of strings",
            Expected::Questions => "an array of tables ([[questions]])",
            Expected::Letters => "a string of letters such as \"C\" or \"ACD\"",
            Expected::FillForms => "an array of accepted strings",
            Expected::Other => "another type",
        }
    }
}

/// What can be wrong with a unit file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file does not start with a `+++` line.
    NoFrontMatter,
    /// The front matter is never closed by a second `+++` line.
    UnclosedFrontMatter,
    /// The front matter is larger than [`MAX_FRONT_MATTER_BYTES`].
    FrontMatterTooLarge,
    /// The TOML does not parse; the parser's message.
    Toml(String),
    /// A required key is absent.
    Missing(String),
    /// A key has the wrong TOML type; (key, what it must be).
    WrongType(String, Expected),
    /// A key this format does not know (likely a typo).
    UnknownKey(String),
    /// The id has characters other than lowercase ASCII, digits and '-'.
    BadId(String),
    /// `kind` is not article, constitution or brief.
    BadKind(String),
    /// `type` is not single, multiple, judge or fill.
    BadQuestionType(String),
    /// Two questions share an id.
    DuplicateQuestion(String),
    /// A choice question needs at least two choices (and at most 26).
    ChoiceCount(usize),
    /// An answer letter does not name a choice.
    AnswerOutOfRange(String, usize),
    /// A single-choice answer gives more or less than one letter.
    SingleNeedsOneLetter(String),
    /// A fill question has no accepted form, or an empty one.
    EmptyFill,
    /// A text field is present but empty.
    Empty(String),
    /// The body has no text.
    EmptyBody,
    /// `choices` given for a judge or fill question.
    ChoicesNotAllowed(String),
}

/// The English wording, for logs and for tests of the parser; what a user reads
/// goes through `crate::strings::findings` in their language.
impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::NoFrontMatter => {
                write!(f, "no front matter: the file must start with a line '+++'")
            }
            ProblemKind::UnclosedFrontMatter => write!(
                f,
                "front matter is not closed: add a line '+++' after the last key"
            ),
            ProblemKind::FrontMatterTooLarge => write!(
                f,
                "front matter is larger than {} KB",
                MAX_FRONT_MATTER_BYTES / 1024
            ),
            ProblemKind::Toml(m) => write!(f, "TOML error: {m}"),
            ProblemKind::Missing(k) => write!(f, "missing key '{k}'"),
            ProblemKind::WrongType(k, t) => write!(f, "'{k}' must be {}", t.words()),
            ProblemKind::UnknownKey(k) => write!(f, "unknown key '{k}'"),
            ProblemKind::BadId(id) => write!(
                f,
                "id {id:?} may hold only lowercase a-z, digits and '-', starting with a letter or digit"
            ),
            ProblemKind::BadKind(k) => write!(
                f,
                "kind {k:?} is not one of \"article\", \"constitution\", \"brief\""
            ),
            ProblemKind::BadQuestionType(t) => write!(
                f,
                "question type {t:?} is not one of \"single\", \"multiple\", \"judge\", \"fill\""
            ),
            ProblemKind::DuplicateQuestion(id) => write!(f, "duplicate question id {id:?}"),
            ProblemKind::ChoiceCount(n) => {
                write!(f, "a choice question needs 2 to 26 choices, found {n}")
            }
            ProblemKind::AnswerOutOfRange(a, n) => write!(
                f,
                "answer {a:?} names a choice that does not exist (there are {n} choices)"
            ),
            ProblemKind::SingleNeedsOneLetter(a) => write!(
                f,
                "a single-choice answer is exactly one letter, found {a:?}"
            ),
            ProblemKind::EmptyFill => write!(
                f,
                "a fill answer must list at least one non-empty accepted form"
            ),
            ProblemKind::Empty(k) => write!(f, "'{k}' is empty"),
            ProblemKind::EmptyBody => write!(f, "the body after the front matter is empty"),
            ProblemKind::ChoicesNotAllowed(t) => {
                write!(f, "'choices' is not used by a {t} question: remove it")
            }
        }
    }
}
