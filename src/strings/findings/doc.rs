//! The wording of what the readers of plan and completion files find: the keys of
//! a document, and the problems particular to each format, with their values.

use crate::core::completion::CompletionIssue;
use crate::core::config::Lang;
use crate::core::plan::PlanIssue;
use crate::core::regime::CycleLength;
use crate::core::roster::{KeyIssue, key_types};
use crate::core::tomldoc::{EntryIssue, Issue, Want};

/// The words of document problems in one language. A field that takes values is a
/// function from them to the sentence, so each language orders them itself.
#[derive(Debug)]
pub struct DocWords {
    /// The language, for the words of the signature check that a key problem holds.
    pub lang: Lang,
    /// A key the format does not know: (key, table; empty for the top level).
    pub unknown_key: fn(&str, &str) -> String,
    /// A required key is absent: (key, table).
    pub missing: fn(&str, &str) -> String,
    /// A value of the wrong type: (key, table, what it must be).
    pub wrong_type: fn(&str, &str, &str) -> String,
    /// Not TOML: (the parser's words).
    pub toml: fn(&str) -> String,
    /// Larger than the cap: (MB).
    pub too_large: fn(usize) -> String,
    /// Must be: a string.
    pub want_str: &'static str,
    /// Must be: true or false.
    pub want_bool: &'static str,
    /// Must be: a whole number in (min, max).
    pub want_int: fn(i64, i64) -> String,
    /// Must be: a date and time with its offset.
    pub want_offset_date: &'static str,
    /// Must be: a local date.
    pub want_local_date: &'static str,
    /// Must be: an array of strings.
    pub want_strings: &'static str,
    /// Must be: a table (its name).
    pub want_table: fn(&str) -> String,
    /// Must be: an array of tables (their name).
    pub want_tables: fn(&str) -> String,
    /// Another format: (found, the one read).
    pub format: fn(&str, &str) -> String,
    /// A cycle name of no cycle: (name).
    pub bad_cycle: fn(&str) -> String,
    /// A unit id outside the rule: (id).
    pub bad_unit_id: fn(&str) -> String,
    /// A member id outside the rule: (id).
    pub bad_member_id: fn(&str) -> String,

    /// No cycle and no member.
    pub nothing_planned: &'static str,
    /// A roster id given twice: (id, line of the first).
    pub duplicate_member: fn(&str, usize) -> String,
    /// A roster id like another: (id, the other, its line).
    pub lookalike_member: fn(&str, &str, usize) -> String,
    /// A member without a name.
    pub empty_name: &'static str,
    /// A login that is no account name: (login).
    pub bad_login: fn(&str) -> String,
    /// A key that is no public key: (why, one of the `key_*` below).
    pub bad_key: fn(&str) -> String,
    /// Why: a private key or a PEM block.
    pub key_pem: &'static str,
    /// Why: not one `TYPE BASE64 [COMMENT]` line.
    pub key_not_one_line: &'static str,
    /// Why: an unknown type: (type, the types taken).
    pub key_unknown_type: fn(&str, &[&str]) -> String,
    /// Why: the key part is not base64.
    pub key_not_base64: &'static str,
    /// Why: the key part is of another type: (the line's type).
    pub key_other_type: fn(&str) -> String,
    /// A key another member has: (that member).
    pub shared_key: fn(&str) -> String,
    /// A cycle with no units.
    pub empty_units: &'static str,
    /// A unit twice in a cycle: (unit).
    pub unit_twice: fn(&str) -> String,
    /// A blank talk theme.
    pub empty_theme: &'static str,
    /// A cycle planned twice: (cycle, line of the first).
    pub cycle_twice: fn(&str, usize) -> String,
    /// A cycle overlapping another: (cycle, the other, its line).
    pub cycle_overlap: fn(&str, &str, usize) -> String,
    /// A unit not in the content: (unit, cycle).
    pub unknown_unit: fn(&str, &str) -> String,
    /// A unit not in the content, with a near one: (unit, cycle, near id).
    pub unknown_unit_near: fn(&str, &str, &str) -> String,
    /// Fewer units than 月读 needs: (cycle, units, need).
    pub too_few_units: fn(&str, usize, u32) -> String,
    /// A cycle of the other length: (cycle, how to name cycles).
    pub other_length: fn(&str, &str) -> String,
    /// How to name months.
    pub name_months: &'static str,
    /// How to name fortnights.
    pub name_fortnights: &'static str,
    /// A due date outside its cycle: (due, cycle, first day, last day).
    pub due_outside: fn(&str, &str, &str, &str) -> String,

    /// TOML that is no completion file.
    pub not_a_completion: &'static str,
    /// A second `[[read]]` of a unit: (unit, line of the first).
    pub second_read: fn(&str, usize) -> String,
    /// A `[rules]` value of another type: (key).
    pub rules_value: fn(&str) -> String,
}

impl DocWords {
    /// What a key's value must be.
    fn want(&self, w: &Want) -> String {
        match w {
            Want::Str => self.want_str.into(),
            Want::Bool => self.want_bool.into(),
            Want::Int { min, max } => (self.want_int)(*min, *max),
            Want::OffsetDate => self.want_offset_date.into(),
            Want::LocalDate => self.want_local_date.into(),
            Want::Strings => self.want_strings.into(),
            Want::Table(name) => (self.want_table)(name),
            Want::Tables(name) => (self.want_tables)(name),
        }
    }

    fn key(&self, k: &KeyIssue) -> String {
        match k {
            KeyIssue::Pem => self.key_pem.into(),
            KeyIssue::NotOneLine => self.key_not_one_line.into(),
            KeyIssue::UnknownType { kind } => (self.key_unknown_type)(kind, key_types()),
            KeyIssue::NotBase64 => self.key_not_base64.into(),
            KeyIssue::OtherType { kind } => (self.key_other_type)(kind),
            KeyIssue::Unusable(p) => crate::strings::get(self.lang).key_problem(p),
        }
    }

    fn plan(&self, p: &PlanIssue) -> String {
        match p {
            PlanIssue::NothingPlanned => self.nothing_planned.into(),
            PlanIssue::DuplicateMember { id, first } => (self.duplicate_member)(id, *first),
            PlanIssue::LookalikeMember { id, other, first } => {
                (self.lookalike_member)(id, other, *first)
            }
            PlanIssue::EmptyName => self.empty_name.into(),
            PlanIssue::BadLogin { login } => (self.bad_login)(login),
            PlanIssue::BadKey(k) => (self.bad_key)(&self.key(k)),
            PlanIssue::SharedKey { other } => (self.shared_key)(other),
            PlanIssue::EmptyUnits => self.empty_units.into(),
            PlanIssue::UnitTwice { id } => (self.unit_twice)(id),
            PlanIssue::EmptyTheme => self.empty_theme.into(),
            PlanIssue::CycleTwice { cycle, first } => {
                (self.cycle_twice)(&cycle.to_string(), *first)
            }
            PlanIssue::CycleOverlap {
                cycle,
                other,
                first,
            } => (self.cycle_overlap)(&cycle.to_string(), &other.to_string(), *first),
            PlanIssue::UnknownUnit {
                id,
                cycle,
                near: Some(near),
            } => (self.unknown_unit_near)(id, &cycle.to_string(), near),
            PlanIssue::UnknownUnit {
                id,
                cycle,
                near: None,
            } => (self.unknown_unit)(id, &cycle.to_string()),
            PlanIssue::TooFewUnits { cycle, units, need } => {
                (self.too_few_units)(&cycle.to_string(), *units, *need)
            }
            PlanIssue::OtherLength { cycle, want } => {
                let name = match want {
                    CycleLength::Month => self.name_months,
                    CycleLength::Fortnight => self.name_fortnights,
                };
                (self.other_length)(&cycle.to_string(), name)
            }
            PlanIssue::DueOutside { due, cycle } => (self.due_outside)(
                &due.to_string(),
                &cycle.to_string(),
                &cycle.first_day().to_string(),
                &cycle.last_day().to_string(),
            ),
        }
    }

    fn completion(&self, c: &CompletionIssue) -> String {
        match c {
            CompletionIssue::NotACompletion => self.not_a_completion.into(),
            CompletionIssue::SecondRead { unit, first } => (self.second_read)(unit, *first),
            CompletionIssue::RulesValue { key } => (self.rules_value)(key),
        }
    }

    /// One problem of a plan or completion file, with its values.
    #[must_use]
    pub fn issue(&self, i: &Issue) -> String {
        match i {
            Issue::Entry(EntryIssue::UnknownKey { key, table }) => (self.unknown_key)(key, table),
            Issue::Entry(EntryIssue::Missing { key, table }) => (self.missing)(key, table),
            Issue::Entry(EntryIssue::WrongType { key, table, want }) => {
                (self.wrong_type)(key, table, &self.want(want))
            }
            Issue::Toml(m) => (self.toml)(m),
            Issue::TooLarge { mb } => (self.too_large)(*mb),
            Issue::Format { found, want } => (self.format)(found, want),
            Issue::BadCycle { name } => (self.bad_cycle)(name),
            Issue::BadUnitId { id } => (self.bad_unit_id)(id),
            Issue::BadMemberId { id } => (self.bad_member_id)(id),
            Issue::Plan(p) => self.plan(p),
            Issue::Completion(c) => self.completion(c),
        }
    }
}

/// 中文.
pub static DOC_ZH: DocWords = DocWords {
    lang: Lang::Zh,
    unknown_key: |key, table| {
        if table.is_empty() {
            format!("未知的键 {key:?}")
        } else {
            format!("{table} 中有未知的键 {key:?}")
        }
    },
    missing: |key, table| {
        if table.is_empty() {
            format!("缺少键 {key:?}")
        } else {
            format!("{table} 中缺少键 {key:?}")
        }
    },
    wrong_type: |key, table, want| {
        if table.is_empty() {
            format!("{key:?} 必须是{want}")
        } else {
            format!("{table} 中的 {key:?} 必须是{want}")
        }
    },
    toml: |m| format!("TOML 格式错误：{m}"),
    too_large: |mb| format!("文件大于此格式允许的 {mb} MB"),
    want_str: "字符串",
    want_bool: " true 或 false",
    want_int: |min, max| format!(" {min} 到 {max} 之间的整数"),
    want_offset_date: "带 UTC 偏移的日期时间，如 2026-11-03T20:11:09+08:00",
    want_local_date: "日期，如 2026-11-20（不带时间，不加引号）",
    want_strings: "字符串数组",
    want_table: |name| format!("表 {name}"),
    want_tables: |name| format!("表数组 {name}"),
    format: |found, want| format!("format {found:?} 不是 {want:?}：本程序读取 {want:?} 格式的文件"),
    bad_cycle: |name| format!("周期 {name:?} 不是 YYYY-MM 或 YYYY-MMa/b 的形式"),
    bad_unit_id: |id| format!("篇目 id {id:?} 只能包含小写字母 a-z、数字和 -"),
    bad_member_id: |id| format!("成员ID {id:?} 只能包含字母、数字、-、_ 和 .（最多 64 个字符）"),

    nothing_planned: "学习安排中既没有 [[cycle]] 也没有 [[member]]：请为每个周期写一个 [[cycle]]，或写名册的 [[member]] 表",
    duplicate_member: |id, first| format!("成员ID {id:?} 已在名册第 {first} 行"),
    lookalike_member: |id, other, first| {
        format!("成员ID {id:?} 与第 {first} 行的 {other:?} 形近：请给成员不会混淆的ID")
    },
    empty_name: "[[member]] 中的 \"name\" 为空：请填写成员姓名",
    bad_login: |login| {
        format!(
            "login {login:?} 不是 Unix 账户名（字母、数字、.、_、-；最多 32 个字符）：请填写拥有该成员文件的账户"
        )
    },
    bad_key: |why| format!("公钥 key {why}"),
    key_pem: "是私钥或 PEM 块，不是公钥：请填写 .pub 文件中的那一行",
    key_not_one_line: "不是 .pub 文件中那样的一行“类型 BASE64 [注释]”",
    key_unknown_type: |kind, types| {
        format!("的类型 {kind:?} 不是 SSH 公钥类型（{}）", types.join("、"))
    },
    key_not_base64: "的密钥部分不是 base64：请复制 .pub 文件的整行",
    key_other_type: |kind| format!("的密钥部分不是 {kind} 密钥：这一行可能不完整或混入了别的内容"),
    shared_key: |other| format!("公钥 key 与成员 {other:?} 的相同：每位成员须用自己的密钥签名"),
    empty_units: "[[cycle]] 中的 \"units\" 为空：请列出要读的篇目 id",
    unit_twice: |id| format!("篇目 {id:?} 在本周期中列了两次"),
    empty_theme: "\"talk_theme\" 为空：请填写主题，或删除此键",
    cycle_twice: |cycle, first| format!("周期 \"{cycle}\" 已在第 {first} 行安排过"),
    cycle_overlap: |cycle, other, first| {
        format!("周期 \"{cycle}\" 与第 {first} 行的周期 \"{other}\" 重叠：请只按月或只按半月安排")
    },
    unknown_unit: |id, cycle| {
        format!(
            "周期 \"{cycle}\" 的篇目 {id:?} 不在学习内容中：请检查 id，或把它所在的文件夹加入 content_dirs"
        )
    },
    unknown_unit_near: |id, cycle, near| {
        format!("周期 \"{cycle}\" 的篇目 {id:?} 不在学习内容中：是不是 {near:?}？")
    },
    too_few_units: |cycle, units, need| {
        format!("周期 \"{cycle}\" 只安排了 {units} 篇，月读要求读 {need} 篇（read.units）")
    },
    other_length: |cycle, name| format!("周期 \"{cycle}\" 与 [cycle] length 不符：请按{name}命名"),
    name_months: "月（YYYY-MM）",
    name_fortnights: "半月（YYYY-MMa / YYYY-MMb）",
    due_outside: |due, cycle, first, last| {
        format!(
            "截止日期 due {due} 不在周期 \"{cycle}\"（{first} 至 {last}）内：请填写本周期中的一天"
        )
    },

    not_a_completion: "不是完成情况文件",
    second_read: |unit, first| {
        format!("篇目 {unit:?} 有第二个 [[read]]（第一个在第 {first} 行）：请只保留一个")
    },
    rules_value: |key| format!("[rules] 中的 {key:?} 必须是数字、字符串或 true/false"),
};

/// English.
pub static DOC_EN: DocWords = DocWords {
    lang: Lang::En,
    unknown_key: |key, table| {
        if table.is_empty() {
            format!("unknown key {key:?}")
        } else {
            format!("unknown key {key:?} in {table}")
        }
    },
    missing: |key, table| {
        if table.is_empty() {
            format!("missing key {key:?}")
        } else {
            format!("missing key {key:?} in {table}")
        }
    },
    wrong_type: |key, table, want| {
        if table.is_empty() {
            format!("{key:?} must be {want}")
        } else {
            format!("{key:?} in {table} must be {want}")
        }
    },
    toml: |m| format!("TOML error: {m}"),
    too_large: |mb| format!("file is larger than the {mb} MB this format allows"),
    want_str: "a string",
    want_bool: "true or false",
    want_int: |min, max| format!("a whole number from {min} to {max}"),
    want_offset_date: "a date and time with its UTC offset, like 2026-11-03T20:11:09+08:00",
    want_local_date: "a date like 2026-11-20 (no time, no quotes)",
    want_strings: "an array of strings",
    want_table: |name| format!("a table {name}"),
    want_tables: |name| format!("an array of tables {name}"),
    format: |found, want| {
        format!("format {found:?} is not {want:?}: this program reads {want:?} files")
    },
    bad_cycle: |name| format!("cycle {name:?} is not YYYY-MM or YYYY-MMa/b"),
    bad_unit_id: |id| format!("unit id {id:?} may hold only lowercase a-z, digits and '-'"),
    bad_member_id: |id| {
        format!("member id {id:?} may hold only letters, digits, '-', '_' and '.' (at most 64)")
    },

    nothing_planned: "the plan has no [[cycle]] and no [[member]]: add a [[cycle]] per cycle, or the roster's [[member]] tables",
    duplicate_member: |id, first| {
        format!("member id {id:?} is already on the roster at line {first}")
    },
    lookalike_member: |id, other, first| {
        format!(
            "member id {id:?} looks like {other:?} at line {first}: give members ids that cannot be mistaken"
        )
    },
    empty_name: "\"name\" in [[member]] is empty: give the member's name",
    bad_login: |login| {
        format!(
            "login {login:?} is not a Unix account name (letters, digits, '.', '_', '-'; at most 32): give the account that owns the member's files"
        )
    },
    bad_key: |why| format!("key {why}"),
    key_pem: "is a private key or a PEM block, not a public key: give the one line of the .pub file",
    key_not_one_line: "is not one line \"TYPE BASE64 [COMMENT]\" as in a .pub file",
    key_unknown_type: |kind, types| {
        format!(
            "has the type {kind:?}, which is not an SSH public key type ({})",
            types.join(", ")
        )
    },
    key_not_base64: "has a key part that is not base64: copy the whole line of the .pub file",
    key_other_type: |kind| {
        format!("has a key part that is not a {kind} key: the line may be cut or mixed up")
    },
    shared_key: |other| {
        format!(
            "key is also the key of member {other:?}: each member signs with a key of their own"
        )
    },
    empty_units: "\"units\" in [[cycle]] is empty: list the unit ids to read",
    unit_twice: |id| format!("unit {id:?} is listed twice in this cycle"),
    empty_theme: "\"talk_theme\" is empty: give a theme or remove the key",
    cycle_twice: |cycle, first| format!("cycle \"{cycle}\" is already planned at line {first}"),
    cycle_overlap: |cycle, other, first| {
        format!(
            "cycle \"{cycle}\" overlaps cycle \"{other}\" at line {first}: plan months or fortnights, not both"
        )
    },
    unknown_unit: |id, cycle| {
        format!(
            "unit {id:?} of cycle \"{cycle}\" is not in the content: check the id, or add its folder to content_dirs"
        )
    },
    unknown_unit_near: |id, cycle, near| {
        format!("unit {id:?} of cycle \"{cycle}\" is not in the content: did you mean {near:?}?")
    },
    too_few_units: |cycle, units, need| {
        format!("cycle \"{cycle}\" assigns {units} units but 月读 needs {need} read (read.units)")
    },
    other_length: |cycle, name| {
        format!("cycle \"{cycle}\" does not match [cycle] length: name {name}")
    },
    name_months: "months (YYYY-MM)",
    name_fortnights: "fortnights (YYYY-MMa / YYYY-MMb)",
    due_outside: |due, cycle, first, last| {
        format!(
            "due {due} is outside cycle \"{cycle}\" ({first} to {last}): give a day of the cycle"
        )
    },

    not_a_completion: "not a completion file",
    second_read: |unit, first| {
        format!("unit {unit:?} has a second [[read]] (first at line {first}): keep one")
    },
    rules_value: |key| format!("{key:?} in [rules] must be a number, a string or true/false"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::regime::Cycle;
    use crate::core::sshsig::KeyProblem;
    use crate::strings::punct::{assert_en, assert_zh};

    fn cycle(s: &str) -> Cycle {
        s.parse().expect("cycle")
    }

    /// One of every problem a reader files, with values.
    fn every_issue() -> Vec<Issue> {
        let plan = |p| Issue::Plan(p);
        let key = |k| Issue::Plan(PlanIssue::BadKey(k));
        vec![
            Issue::Entry(EntryIssue::UnknownKey {
                key: "owner".into(),
                table: "[[cycle]]".into(),
            }),
            Issue::Entry(EntryIssue::Missing {
                key: "format".into(),
                table: String::new(),
            }),
            Issue::Entry(EntryIssue::WrongType {
                key: "units".into(),
                table: "[[cycle]]".into(),
                want: Want::Strings,
            }),
            Issue::Entry(EntryIssue::WrongType {
                key: "due".into(),
                table: "[[cycle]]".into(),
                want: Want::LocalDate,
            }),
            Issue::Toml("expected `]`".into()),
            Issue::TooLarge { mb: 4 },
            Issue::Format {
                found: "dangxue-plan/2".into(),
                want: "dangxue-plan/1",
            },
            Issue::BadCycle {
                name: "2026-13".into(),
            },
            Issue::BadUnitId {
                id: "Bad_ID".into(),
            },
            Issue::BadMemberId { id: "li si".into() },
            plan(PlanIssue::NothingPlanned),
            plan(PlanIssue::DuplicateMember {
                id: "zhangsan".into(),
                first: 3,
            }),
            plan(PlanIssue::LookalikeMember {
                id: "zh\u{430}ngsan".into(),
                other: "zhangsan".into(),
                first: 3,
            }),
            plan(PlanIssue::EmptyName),
            plan(PlanIssue::BadLogin { login: "-x".into() }),
            key(KeyIssue::Pem),
            key(KeyIssue::NotOneLine),
            key(KeyIssue::UnknownType {
                kind: "ssh-dss".into(),
            }),
            key(KeyIssue::NotBase64),
            key(KeyIssue::OtherType {
                kind: "ssh-rsa".into(),
            }),
            plan(PlanIssue::SharedKey {
                other: "zhangsan".into(),
            }),
            plan(PlanIssue::EmptyUnits),
            plan(PlanIssue::UnitTwice {
                id: "ok-one".into(),
            }),
            plan(PlanIssue::EmptyTheme),
            plan(PlanIssue::CycleTwice {
                cycle: cycle("2026-11"),
                first: 8,
            }),
            plan(PlanIssue::CycleOverlap {
                cycle: cycle("2026-11b"),
                other: cycle("2026-11"),
                first: 8,
            }),
            plan(PlanIssue::UnknownUnit {
                id: "x-goood".into(),
                cycle: cycle("2026-11"),
                near: Some("x-good".into()),
            }),
            plan(PlanIssue::UnknownUnit {
                id: "no-such".into(),
                cycle: cycle("2026-11"),
                near: None,
            }),
            plan(PlanIssue::TooFewUnits {
                cycle: cycle("2026-12"),
                units: 1,
                need: 4,
            }),
            plan(PlanIssue::OtherLength {
                cycle: cycle("2026-11"),
                want: CycleLength::Fortnight,
            }),
            plan(PlanIssue::OtherLength {
                cycle: cycle("2026-11a"),
                want: CycleLength::Month,
            }),
            plan(PlanIssue::DueOutside {
                due: jiff::civil::date(2026, 12, 2),
                cycle: cycle("2026-11"),
            }),
            Issue::Completion(CompletionIssue::NotACompletion),
            Issue::Completion(CompletionIssue::SecondRead {
                unit: "b".into(),
                first: 12,
            }),
            Issue::Completion(CompletionIssue::RulesValue { key: "pass".into() }),
        ]
    }

    #[test]
    fn every_finding_reads_in_both_languages_with_its_values() {
        for issue in every_issue() {
            let zh = DOC_ZH.issue(&issue);
            let en = DOC_EN.issue(&issue);
            assert_zh(&zh);
            // English names 月读 by its Chinese name, as the program does everywhere.
            assert_en(&en.replace("月读", ""));
            assert_ne!(zh, en, "{issue:?}");
        }
    }

    #[test]
    fn plan_findings_carry_their_lines_and_values() {
        let dup = Issue::Plan(PlanIssue::DuplicateMember {
            id: "zhangsan".into(),
            first: 3,
        });
        assert_eq!(DOC_ZH.issue(&dup), "成员ID \"zhangsan\" 已在名册第 3 行");
        assert_eq!(
            DOC_EN.issue(&dup),
            "member id \"zhangsan\" is already on the roster at line 3"
        );
        let due = Issue::Plan(PlanIssue::DueOutside {
            due: jiff::civil::date(2026, 12, 2),
            cycle: cycle("2026-11"),
        });
        assert_eq!(
            DOC_ZH.issue(&due),
            "截止日期 due 2026-12-02 不在周期 \"2026-11\"（2026-11-01 至 2026-11-30）内：请填写本周期中的一天"
        );
        assert_eq!(
            DOC_EN.issue(&due),
            "due 2026-12-02 is outside cycle \"2026-11\" (2026-11-01 to 2026-11-30): give a day of the cycle"
        );
        let kind = Issue::Plan(PlanIssue::BadKey(KeyIssue::UnknownType {
            kind: "ssh-dss".into(),
        }));
        let zh = DOC_ZH.issue(&kind);
        assert!(
            zh.starts_with("公钥 key 的类型 \"ssh-dss\" 不是 SSH 公钥类型（ssh-ed25519、ssh-rsa、"),
            "{zh}"
        );
        let en = DOC_EN.issue(&kind);
        assert!(
            en.starts_with("key has the type \"ssh-dss\", which is not an SSH public key type (ssh-ed25519, ssh-rsa, "),
            "{en}"
        );
        let twice = Issue::Completion(CompletionIssue::SecondRead {
            unit: "b".into(),
            first: 12,
        });
        assert_eq!(
            DOC_ZH.issue(&twice),
            "篇目 \"b\" 有第二个 [[read]]（第一个在第 12 行）：请只保留一个"
        );
        assert_eq!(
            DOC_EN.issue(&twice),
            "unit \"b\" has a second [[read]] (first at line 12): keep one"
        );
    }

    #[test]
    fn a_key_the_signature_check_refuses_is_worded_in_the_language() {
        let rsa = Issue::Plan(PlanIssue::BadKey(KeyIssue::Unusable(KeyProblem::RsaSize(
            512,
        ))));
        assert_eq!(
            DOC_ZH.issue(&rsa),
            "公钥 key 是 512 位的 RSA 密钥，OpenSSH 只接受 1024 到 16384 位：请换一把密钥"
        );
        assert_eq!(
            DOC_EN.issue(&rsa),
            "key is an RSA key of 512 bits; OpenSSH takes 1024 to 16384 bits: use another key"
        );
    }
}
