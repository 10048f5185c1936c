//! The wording of what is wrong with a unit file, for `check` and the loader.

use crate::core::unit::{Expected, ProblemKind};

/// The words of unit-file problems in one language.
#[derive(Debug)]
pub struct UnitWords {
    /// No `+++` first line.
    pub no_front_matter: &'static str,
    /// No closing `+++`.
    pub unclosed: &'static str,
    /// Front matter over the cap: (KB).
    pub too_large: fn(usize) -> String,
    /// The TOML parser's error: (its words).
    pub toml: fn(&str) -> String,
    /// A required key is absent: (key).
    pub missing: fn(&str) -> String,
    /// A key of the wrong type: (key, what it must be).
    pub wrong_type: fn(&str, &str) -> String,
    /// A key the format does not know: (key).
    pub unknown_key: fn(&str) -> String,
    /// A bad id: (id).
    pub bad_id: fn(&str) -> String,
    /// A bad `kind`: (kind).
    pub bad_kind: fn(&str) -> String,
    /// A bad question `type`: (type).
    pub bad_type: fn(&str) -> String,
    /// Two questions with one id: (id).
    pub duplicate_question: fn(&str) -> String,
    /// Too few or many choices: (count).
    pub choice_count: fn(usize) -> String,
    /// An answer letter past the choices: (answer, choices).
    pub answer_out_of_range: fn(&str, usize) -> String,
    /// A single-choice answer of more than one letter: (answer).
    pub single_one_letter: fn(&str) -> String,
    /// A fill answer with no accepted form.
    pub empty_fill: &'static str,
    /// A blank text field: (key).
    pub empty: fn(&str) -> String,
    /// No body.
    pub empty_body: &'static str,
    /// `choices` on a judge or fill question: (type).
    pub choices_not_allowed: fn(&str) -> String,
    /// What a key must be: a string.
    pub want_text: &'static str,
    /// See `want_text`: true or false.
    pub want_true_false: &'static str,
    /// See `want_text`: an array of strings.
    pub want_texts: &'static str,
    /// See `want_text`: `[[questions]]` tables.
    pub want_questions: &'static str,
    /// See `want_text`: choice letters.
    pub want_letters: &'static str,
    /// See `want_text`: accepted fill answers.
    pub want_fill_forms: &'static str,
    /// See `want_text`: another type.
    pub want_other: &'static str,
}

impl UnitWords {
    fn want(&self, e: Expected) -> &'static str {
        match e {
            Expected::Text => self.want_text,
            Expected::TrueFalse => self.want_true_false,
            Expected::Texts => self.want_texts,
            Expected::Questions => self.want_questions,
            Expected::Letters => self.want_letters,
            Expected::FillForms => self.want_fill_forms,
            Expected::Other => self.want_other,
        }
    }

    /// One problem of a unit file.
    #[must_use]
    pub fn problem(&self, k: &ProblemKind) -> String {
        match k {
            ProblemKind::NoFrontMatter => self.no_front_matter.into(),
            ProblemKind::UnclosedFrontMatter => self.unclosed.into(),
            ProblemKind::FrontMatterTooLarge => {
                (self.too_large)(crate::core::unit::MAX_FRONT_MATTER_BYTES / 1024)
            }
            ProblemKind::Toml(m) => (self.toml)(m),
            ProblemKind::Missing(k) => (self.missing)(k),
            ProblemKind::WrongType(k, e) => (self.wrong_type)(k, self.want(*e)),
            ProblemKind::UnknownKey(k) => (self.unknown_key)(k),
            ProblemKind::BadId(id) => (self.bad_id)(id),
            ProblemKind::BadKind(k) => (self.bad_kind)(k),
            ProblemKind::BadQuestionType(t) => (self.bad_type)(t),
            ProblemKind::DuplicateQuestion(id) => (self.duplicate_question)(id),
            ProblemKind::ChoiceCount(n) => (self.choice_count)(*n),
            ProblemKind::AnswerOutOfRange(a, n) => (self.answer_out_of_range)(a, *n),
            ProblemKind::SingleNeedsOneLetter(a) => (self.single_one_letter)(a),
            ProblemKind::EmptyFill => self.empty_fill.into(),
            ProblemKind::Empty(k) => (self.empty)(k),
            ProblemKind::EmptyBody => self.empty_body.into(),
            ProblemKind::ChoicesNotAllowed(t) => (self.choices_not_allowed)(t),
        }
    }
}

/// 中文.
pub static UNIT_ZH: UnitWords = UnitWords {
    no_front_matter: "没有前置元数据：文件须以一行 +++ 开头",
    unclosed: "前置元数据没有结束：请在最后一个键之后加一行 +++",
    too_large: |kb| format!("前置元数据大于 {kb} KB"),
    toml: |m| format!("TOML 格式错误：{m}"),
    missing: |k| format!("缺少键 {k}"),
    wrong_type: |k, want| format!("{k} 必须是{want}"),
    unknown_key: |k| format!("未知的键 {k}（是否拼写有误？）"),
    bad_id: |id| format!("id {id:?} 只能包含小写字母 a-z、数字和 -，并以字母或数字开头"),
    bad_kind: |k| format!("kind {k:?} 不是 \"article\"、\"constitution\"、\"brief\" 之一"),
    bad_type: |t| {
        format!("题型 type {t:?} 不是 \"single\"、\"multiple\"、\"judge\"、\"fill\" 之一")
    },
    duplicate_question: |id| format!("题目 id {id:?} 重复"),
    choice_count: |n| format!("选择题需要 2 到 26 个选项，实有 {n} 个"),
    answer_out_of_range: |a, n| format!("答案 {a:?} 指向不存在的选项（共 {n} 个选项）"),
    single_one_letter: |a| format!("单选题的答案只能是一个字母，实为 {a:?}"),
    empty_fill: "填空题的答案 answer 须列出至少一个非空的可接受写法",
    empty: |k| format!("{k} 为空"),
    empty_body: "前置元数据之后的正文为空",
    choices_not_allowed: |t| format!("{t} 题不使用 choices：请删除"),
    want_text: "字符串",
    want_true_false: " true 或 false",
    want_texts: "字符串数组",
    want_questions: "表数组（[[questions]]）",
    want_letters: "由选项字母组成的字符串，如 \"C\" 或 \"ACD\"",
    want_fill_forms: "由可接受答案组成的字符串数组",
    want_other: "另一种类型",
};

/// English.
pub static UNIT_EN: UnitWords = UnitWords {
    no_front_matter: "no front matter: the file must start with a line '+++'",
    unclosed: "front matter is not closed: add a line '+++' after the last key",
    too_large: |kb| format!("front matter is larger than {kb} KB"),
    toml: |m| format!("TOML error: {m}"),
    missing: |k| format!("missing key '{k}'"),
    wrong_type: |k, want| format!("'{k}' must be {want}"),
    unknown_key: |k| format!("unknown key '{k}'"),
    bad_id: |id| {
        format!(
            "id {id:?} may hold only lowercase a-z, digits and '-', starting with a letter or digit"
        )
    },
    bad_kind: |k| format!("kind {k:?} is not one of \"article\", \"constitution\", \"brief\""),
    bad_type: |t| {
        format!("question type {t:?} is not one of \"single\", \"multiple\", \"judge\", \"fill\"")
    },
    duplicate_question: |id| format!("duplicate question id {id:?}"),
    choice_count: |n| format!("a choice question needs 2 to 26 choices, found {n}"),
    answer_out_of_range: |a, n| {
        format!("answer {a:?} names a choice that does not exist (there are {n} choices)")
    },
    single_one_letter: |a| format!("a single-choice answer is exactly one letter, found {a:?}"),
    empty_fill: "a fill answer must list at least one non-empty accepted form",
    empty: |k| format!("'{k}' is empty"),
    empty_body: "the body after the front matter is empty",
    choices_not_allowed: |t| format!("'choices' is not used by a {t} question: remove it"),
    want_text: "a string",
    want_true_false: "true or false",
    want_texts: "an array of strings",
    want_questions: "an array of tables ([[questions]])",
    want_letters: "a string of letters such as \"C\" or \"ACD\"",
    want_fill_forms: "an array of accepted strings",
    want_other: "another type",
};
