//! Every user-facing string of the TUI and the plain-text commands, in one place:
//! Chinese by default, English with `lang = "en"`.

use crate::core::config::Lang;

mod check;
mod commands;
mod en;
mod errors;
mod evidence;
pub mod findings;
mod format;
mod home;
mod labels;
#[cfg(test)]
mod punct;
mod review;
mod signature;
mod state;
mod system;
mod zh;
mod zone;

pub use check::{CheckCounts, FileIssue, Reading, UnitPlace};
pub use commands::{NoTerminal, Signing};
pub use en::EN;
pub use errors::{HandInFailure, SignFailure};
pub use evidence::Evidence;
pub use home::Home;
pub use labels::{
    Editors, Fields, FormFields, Judge, KeptAside, Kinds, Parts, QuestionTypes, Tabs,
};
pub use review::Review;
pub use state::{RecordFailure, RecordProblem, WriteHint};
pub use system::{Cause, Refusal};
pub use zh::ZH;
pub use zone::{TzIssue, TzWarning, ZoneIssue};

/// One piece of text in both languages, for tables that hold their own labels (the
/// key tables of `app::keymap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// 中文.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// Text that differs by language.
    #[must_use]
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    /// Text that is the same in both languages (a key name such as `Enter`).
    #[must_use]
    pub const fn same(both: &'static str) -> Text {
        Text { zh: both, en: both }
    }

    /// The text in `lang`.
    #[must_use]
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// The strings of one language.
#[derive(Debug)]
pub struct Strings {
    /// Which language these are.
    pub lang: Lang,
    /// App name in the title bar.
    pub app: &'static str,
    /// Tab titles.
    pub tabs: Tabs,
    /// Labels of the kinds of unit.
    pub kinds: Kinds,
    /// "unread" in the library.
    pub unread: &'static str,
    /// Search prompt.
    pub search: &'static str,
    /// Shown when a search matches nothing.
    pub no_match: &'static str,
    /// In place of the library's list and counts while its files are still being
    /// read (just after start).
    pub library_loading: &'static str,
    /// Help overlay title.
    pub help_title: &'static str,
    /// Column label.
    pub column: &'static str,
    /// Authors label.
    pub authors: &'static str,
    /// Note label.
    pub note: &'static str,
    /// Labels of the regime's parts: 月读, 月讲, 月学.
    pub parts: Parts,
    /// "done".
    pub done: &'static str,
    /// "not done".
    pub not_done: &'static str,
    /// Name prompt on first run.
    pub name_prompt: &'static str,
    /// Profile picker title.
    pub picker_title: &'static str,
    /// "new profile" entry in the picker.
    pub new_profile: &'static str,
    /// Shown when no profile matches the picker's search.
    pub no_profile_match: &'static str,
    /// Title of the new-profile form.
    pub form_title: &'static str,
    /// The new-profile form's field labels.
    pub form_fields: FormFields,
    /// What an id is for and what it may hold.
    pub id_rule: &'static str,
    /// The form's error when no name is typed.
    pub no_name: &'static str,
    /// Heading of the roster members offered in the form.
    pub roster_title: &'static str,
    /// Title of the display-name input.
    pub rename_title: &'static str,
    /// "test not taken".
    pub test_not_taken: &'static str,
    /// In a review-all sitting, after a miss: the card comes back at the end.
    pub again_later: &'static str,
    /// 错题本 `a` with no card due.
    pub nothing_due: &'static str,
    /// Title of 往期, the past cycles.
    pub history_title: &'static str,
    /// Shown when there is no past cycle yet.
    pub history_empty: &'static str,
    /// Before the date a unit was finished in a past cycle.
    pub history_finished: &'static str,
    /// Before the answer a member gave in a past test.
    pub history_given: &'static str,
    /// Quiz title.
    pub quiz_title: &'static str,
    /// Fill question hint.
    pub fill_hint: &'static str,
    /// The two answers of a true-or-false question.
    pub judge: Judge,
    /// The tags of the kinds of question.
    pub qtypes: QuestionTypes,
    /// The calendar's weekday row, Sunday first, each day in three columns.
    pub weekdays: &'static str,
    /// "Correct".
    pub correct: &'static str,
    /// "Wrong".
    pub wrong: &'static str,
    /// "Answer: " (with its separator).
    pub answer_is: &'static str,
    /// Explanation label.
    pub explain: &'static str,
    /// Unit has no questions.
    pub no_questions: &'static str,
    /// Cycle test title.
    pub test_title: &'static str,
    /// Shown when the test pool is empty.
    pub test_empty: &'static str,
    /// In the test, for a question the content no longer has.
    pub test_question_gone: &'static str,
    /// Enter past the last test question when every question is answered.
    pub test_all_answered: &'static str,
    /// Enter in practice with nothing chosen or typed.
    pub need_answer: &'static str,
    /// "Your answer" in the test review.
    pub your_answer: &'static str,
    /// Shown for a question left unanswered.
    pub not_answered: &'static str,
    /// Titles of the editors' fields.
    pub fields: Fields,
    /// Titles of the editors, one per document.
    pub editors: Editors,
    /// Review list empty.
    pub review_empty: &'static str,
    /// What the marks of a review row mean.
    pub review_legend: &'static str,
    /// "Due today".
    pub due_today: &'static str,
    /// Minutes chart title.
    pub chart: &'static str,
    /// Plan title.
    pub plan: &'static str,
    /// Talk theme label.
    pub theme: &'static str,
    /// Conflict notice prefix.
    pub conflict: &'static str,
    /// Conflict notice end: which version was kept and where the other one went.
    pub kept_aside: KeptAside,
    /// Save failure notice prefix.
    pub save_failed: &'static str,
    /// The completion file was dropped into `report_dir` without its signature.
    pub dropped_unsigned: &'static str,
    /// Shown when another session of the same member is open.
    pub other_session: &'static str,
    /// "filter" label in the library.
    pub filter: &'static str,
    /// The plan-only filter's label.
    pub plan_only: &'static str,
    /// Find prompt in the reader.
    pub find_prompt: &'static str,
    /// `n` before any find.
    pub find_first: &'static str,
    /// A find with no match.
    pub not_found: &'static str,
    /// Note prompt in the reader.
    pub note_prompt: &'static str,
    /// A note was kept.
    pub note_saved: &'static str,
    /// A bookmark was made.
    pub mark_added: &'static str,
    /// A bookmark was removed.
    pub mark_removed: &'static str,
    /// Title of the marks list.
    pub marks_title: &'static str,
    /// Marks list empty.
    pub marks_empty: &'static str,
    /// A mark without a note.
    pub bookmark: &'static str,
    /// Title of the exported notes.
    pub notes_title: &'static str,
    /// Exported notes when there are none.
    pub notes_empty: &'static str,
    /// Title of the unit's metadata box.
    pub info_title: &'static str,
    /// On the info box's lower border when more of it lies below (j scrolls).
    pub info_more_below: &'static str,
    /// On the info box's lower border when more of it lies above (k scrolls).
    pub info_more_above: &'static str,
    /// Source label.
    pub source: &'static str,
    /// Tags label.
    pub tags: &'static str,
    /// Unit id label.
    pub unit_id: &'static str,
    /// Practice questions label.
    pub questions: &'static str,
    /// 本月's words for the start of a day's study.
    pub home: &'static Home,
    /// 错题本's mastered cards and filter.
    pub review: &'static Review,
    /// The words of `report`.
    pub findings: &'static findings::Findings,
    /// The words of `report --member`'s evidence.
    pub evidence: &'static Evidence,
}

/// The strings for a language.
#[must_use]
pub fn get(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

#[cfg(test)]
mod tests {
    use super::punct::{assert_en, assert_zh};

    #[test]
    fn the_loading_line_is_punctuated_for_its_language() {
        assert_zh(super::ZH.library_loading);
        assert_en(super::EN.library_loading);
    }
}
