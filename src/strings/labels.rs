//! Labels that come in fixed sets (tabs, kinds, parts, fields), each a struct with
//! named fields and, where an enum names the member of the set, a lookup by it.

use crate::core::merge::Kept;
use crate::core::state::Doc;
use crate::core::unit::{Kind, QuestionType};

/// Tab titles, in tab order.
#[derive(Debug)]
pub struct Tabs {
    /// 1 本月.
    pub home: &'static str,
    /// 2 学习库.
    pub library: &'static str,
    /// 3 错题本.
    pub review: &'static str,
}

/// Labels of the kinds of unit.
#[derive(Debug)]
pub struct Kinds {
    /// A newspaper article.
    pub article: &'static str,
    /// An explainer of the Party Constitution.
    pub constitution: &'static str,
    /// A short item.
    pub brief: &'static str,
}

impl Kinds {
    /// The label of `kind`.
    #[must_use]
    pub fn of(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Article => self.article,
            Kind::Constitution => self.constitution,
            Kind::Brief => self.brief,
        }
    }

    /// Every label, for measuring the widest.
    #[must_use]
    pub fn all(&self) -> [&'static str; 3] {
        [self.article, self.constitution, self.brief]
    }
}

/// Labels of the regime's three parts.
#[derive(Debug)]
pub struct Parts {
    /// 月读.
    pub read: &'static str,
    /// 月讲.
    pub talk: &'static str,
    /// 月学.
    pub study: &'static str,
}

/// The new-profile form's field labels.
#[derive(Debug)]
pub struct FormFields {
    /// The display name.
    pub name: &'static str,
    /// The profile id.
    pub id: &'static str,
}

/// The two answers of a true-or-false question.
#[derive(Debug)]
pub struct Judge {
    /// The statement is true.
    pub yes: &'static str,
    /// The statement is false.
    pub no: &'static str,
}

impl Judge {
    /// The label of the answer `value`.
    #[must_use]
    pub fn of(&self, value: bool) -> &'static str {
        if value { self.yes } else { self.no }
    }
}

/// Titles of the editors' fields.
#[derive(Debug)]
pub struct Fields {
    /// The reflection (心得).
    pub reflection: &'static str,
    /// The talk's topic.
    pub topic: &'static str,
    /// The talk's outline (提纲).
    pub outline: &'static str,
    /// The day the talk was given.
    pub delivered: &'static str,
    /// The survey's title.
    pub survey_title: &'static str,
    /// The survey's text (调研报告).
    pub survey: &'static str,
}

/// Titles of the editors, one per document.
#[derive(Debug)]
pub struct Editors {
    /// The reflection editor.
    pub reflection: &'static str,
    /// The talk editor.
    pub talk: &'static str,
    /// The survey editor.
    pub survey: &'static str,
}

impl Editors {
    /// The title of the editor of `doc`.
    #[must_use]
    pub fn of(&self, doc: Doc) -> &'static str {
        match doc {
            Doc::Reflection => self.reflection,
            Doc::Talk => self.talk,
            Doc::Survey => self.survey,
        }
    }
}

/// The end of a conflict notice: which version was kept, where the other went.
#[derive(Debug)]
pub struct KeptAside {
    /// This session's version was kept.
    pub mine: &'static str,
    /// The other session's version was kept.
    pub theirs: &'static str,
}

impl KeptAside {
    /// The ending for the side `kept`.
    #[must_use]
    pub fn of(&self, kept: Kept) -> &'static str {
        match kept {
            Kept::Mine => self.mine,
            Kept::Theirs => self.theirs,
        }
    }
}

/// The tags of the four kinds of question, shown before a prompt: `[单选]`.
#[derive(Debug)]
pub struct QuestionTypes {
    /// One choice is right.
    pub single: &'static str,
    /// Several choices may be right.
    pub multiple: &'static str,
    /// True or false.
    pub judge: &'static str,
    /// The answer is typed.
    pub fill: &'static str,
}

impl QuestionTypes {
    /// The tag of `qtype`.
    #[must_use]
    pub fn of(&self, qtype: QuestionType) -> &'static str {
        match qtype {
            QuestionType::Single => self.single,
            QuestionType::Multiple => self.multiple,
            QuestionType::Judge => self.judge,
            QuestionType::Fill => self.fill,
        }
    }
}
