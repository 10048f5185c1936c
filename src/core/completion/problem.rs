//! What can be wrong with a completion file beyond a key's type, as data; the
//! words are in `crate::strings::findings`, in the reader's language.

/// A problem particular to the completion format (`dangxue-completion/1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompletionIssue {
    /// TOML without the keys of a completion file.
    NotACompletion,
    /// A unit with a second `[[read]]`.
    SecondRead {
        /// The unit id.
        unit: String,
        /// Line of its first `[[read]]`.
        first: usize,
    },
    /// A `[rules]` value that is not a number, a string or a boolean.
    RulesValue {
        /// The key.
        key: String,
    },
}
