//! The words of `report --member`: one member's files with every piece of evidence
//! and why each counts or does not, in both languages.

use crate::core::regime::Rules;

/// The labels and sentences of the evidence view.
#[derive(Debug)]
pub struct Evidence {
    /// The file's member, id, cycle and export time.
    pub member_line: fn(&str, &str, &str, &str) -> String,
    /// A row without a readable file: its member and cycle.
    pub member_cycle: fn(&str, &str) -> String,
    /// In place of the file name of a member who handed nothing in.
    pub not_handed_in: &'static str,
    /// The file verified.
    pub verified: &'static str,
    /// How many problems the file has, before the list.
    pub problems: fn(usize) -> String,
    /// A row whose file cannot be read, before its problems.
    pub nothing_to_verify: &'static str,
    /// The branch's rules the file is judged by.
    pub rules: fn(&Rules) -> String,
    /// The `[rules]` the member's program wrote, listed.
    pub own_rules: fn(&str) -> String,
    /// Between the items of a list.
    pub list_sep: &'static str,
    /// Between the reasons of one line.
    pub why_sep: &'static str,
    /// 月读's head: state, units read and needed, reflection characters and needed.
    pub read_head: fn(&str, usize, u32, usize, u32) -> String,
    /// 月讲's head: state, outline characters and needed.
    pub talk_head: fn(&str, usize, u32) -> String,
    /// 月学's head: state, pass score, survey characters and needed.
    pub study_head: fn(&str, u32, usize, u32) -> String,
    /// Why a part is not done, the reasons already joined.
    pub not_done: fn(&str) -> String,
    /// The plan's units of the cycle, listed.
    pub planned_units: fn(&str) -> String,
    /// A reading time in seconds.
    pub seconds: fn(u64) -> String,
    /// A unit not finished.
    pub not_finished: &'static str,
    /// When a unit was finished.
    pub finished_at: fn(&str) -> String,
    /// In place of the title of a unit the content does not have.
    pub no_such_unit: &'static str,
    /// Why a read unit does not count, the reasons already joined.
    pub not_counted: fn(&str) -> String,
    /// Reason: the unit is not in the content.
    pub not_in_content: &'static str,
    /// Reason: the unit is not one the plan gives for the cycle.
    pub not_in_plan: &'static str,
    /// Reason: read for fewer seconds than the rules ask (read, needed).
    pub too_short: fn(u64, u64) -> String,
    /// Reason: finished outside the cycle (when, cycle).
    pub finished_outside: fn(&str, &str) -> String,
    /// The reflection's heading, with the unit it is on.
    pub reflection: fn(Option<&str>) -> String,
    /// No reflection.
    pub no_reflection: &'static str,
    /// The plan's talk theme.
    pub planned_theme: fn(&str) -> String,
    /// The talk's topic.
    pub topic: fn(&str) -> String,
    /// The day the talk was given.
    pub delivered: fn(&str) -> String,
    /// Heading of the outline.
    pub outline: &'static str,
    /// No talk.
    pub no_talk: &'static str,
    /// The test: when it began, the score, right answers and questions.
    pub test: fn(&str, u32, usize, usize) -> String,
    /// After an answer to a question outside the draw.
    pub not_in_draw: &'static str,
    /// In place of the prompt of a question the content does not have.
    pub no_such_question: &'static str,
    /// The member's answer and the right one.
    pub given: fn(&str, &str) -> String,
    /// A choice's letter with its text.
    pub choice: fn(char, &str) -> String,
    /// No test taken.
    pub no_test: &'static str,
    /// The survey's title.
    pub survey: fn(&str) -> String,
    /// No survey.
    pub no_survey: &'static str,
    /// No file of the member in the folder (member, folder, cycle when given).
    pub no_files: fn(&str, &str, Option<&str>) -> String,
}

/// 中文.
pub static ZH: Evidence = Evidence {
    member_line: |member, id, cycle, exported| {
        format!("成员：{member}（{id}）   周期：{cycle}   导出：{exported}")
    },
    member_cycle: |member, cycle| format!("成员：{member}   周期：{cycle}"),
    not_handed_in: "未交",
    verified: "核验通过",
    problems: |n| format!("{n} 个问题："),
    nothing_to_verify: "没有可核验的内容：",
    rules: |r| {
        format!(
            "按支部规则复核：应读 {} 篇，每篇至少 {} 秒，心得 {} 字，提纲 {} 字，及格 {} 分，调研 {} 字，抽题 {} 道",
            r.read.units,
            r.read.min_seconds,
            r.read.reflection_min_chars,
            r.talk.outline_min_chars,
            r.study.pass_score,
            r.study.survey_min_chars,
            r.study.questions
        )
    },
    own_rules: |list| format!("成员导出时的规则 [rules]：{list}"),
    list_sep: "、",
    why_sep: "；",
    read_head: |state, read, need, chars, min| {
        format!("月读 {state}（已读 {read}/{need} 篇，心得 {chars}/{min} 字）")
    },
    talk_head: |state, chars, min| format!("月讲 {state}（提纲 {chars}/{min} 字）"),
    study_head: |state, pass, chars, min| {
        format!("月学 {state}（及格分 {pass}，调研 {chars}/{min} 字）")
    },
    not_done: |why| format!("未完成：{why}"),
    planned_units: |list| format!("计划篇目：{list}"),
    seconds: |n| format!("{n} 秒"),
    not_finished: "未读完",
    finished_at: |when| format!("读完于 {when}"),
    no_such_unit: "（内容中没有此篇）",
    not_counted: |why| format!("不计入：{why}"),
    not_in_content: "不在学习内容中",
    not_in_plan: "不在本周期计划篇目中",
    too_short: |read, min| format!("阅读 {read} 秒，少于 {min} 秒"),
    finished_outside: |when, cycle| format!("读完于 {when}，不在周期 {cycle} 内"),
    reflection: |unit| match unit {
        Some(u) => format!("心得（关于 {u}）："),
        None => "心得：".into(),
    },
    no_reflection: "心得：无",
    planned_theme: |theme| format!("计划主题：{theme}"),
    topic: |topic| format!("题目：{topic}"),
    delivered: |day| format!("讲授日期：{day}"),
    outline: "提纲：",
    no_talk: "月讲：无",
    test: |taken, score, right, of| {
        format!("测验开始于 {taken}  得分 {score}（答对 {right}/{of}）")
    },
    not_in_draw: " [不在抽题中]",
    no_such_question: "（内容中没有此题）",
    given: |given, right| format!("作答：{given}   正确答案：{right}"),
    choice: |letter, text| format!("{letter}（{text}）"),
    no_test: "测验：未参加",
    survey: |title| format!("调研：{title}"),
    no_survey: "调研：无",
    no_files: |member, dir, cycle| match cycle {
        Some(c) => format!("{dir} 中没有成员 {member:?} 在 {c} 的完成情况文件"),
        None => format!("{dir} 中没有成员 {member:?} 的完成情况文件"),
    },
};

/// English.
pub static EN: Evidence = Evidence {
    member_line: |member, id, cycle, exported| {
        format!("member: {member} ({id})   cycle: {cycle}   exported: {exported}")
    },
    member_cycle: |member, cycle| format!("member: {member}   cycle: {cycle}"),
    not_handed_in: "not handed in",
    verified: "verified",
    problems: |n| format!("{n} problems:"),
    nothing_to_verify: "nothing to verify:",
    rules: |r| {
        format!(
            "judged by the branch's rules: units {}, at least {} s, reflection {} chars, outline {} chars, pass {}, survey {} chars, questions {}",
            r.read.units,
            r.read.min_seconds,
            r.read.reflection_min_chars,
            r.talk.outline_min_chars,
            r.study.pass_score,
            r.study.survey_min_chars,
            r.study.questions
        )
    },
    own_rules: |list| format!("the member's own [rules]: {list}"),
    list_sep: ", ",
    why_sep: "; ",
    read_head: |state, read, need, chars, min| {
        format!("read {state}  (units read {read}/{need}, reflection characters {chars}/{min})")
    },
    talk_head: |state, chars, min| format!("talk {state}  (outline characters {chars}/{min})"),
    study_head: |state, pass, chars, min| {
        format!("study {state}  (pass score {pass}, survey characters {chars}/{min})")
    },
    not_done: |why| format!("not done: {why}"),
    planned_units: |list| format!("planned units: {list}"),
    seconds: |n| format!("{n} s"),
    not_finished: "not finished",
    finished_at: |when| format!("finished {when}"),
    no_such_unit: "(not in the content)",
    not_counted: |why| format!("not counted: {why}"),
    not_in_content: "not in the content",
    not_in_plan: "not a unit of the plan for the cycle",
    too_short: |read, min| format!("{read} s read, less than {min} s"),
    finished_outside: |when, cycle| format!("finished {when}, outside {cycle}"),
    reflection: |unit| match unit {
        Some(u) => format!("reflection (on {u}):"),
        None => "reflection:".into(),
    },
    no_reflection: "reflection: none",
    planned_theme: |theme| format!("planned theme: {theme}"),
    topic: |topic| format!("topic: {topic}"),
    delivered: |day| format!("delivered: {day}"),
    outline: "outline:",
    no_talk: "talk: none",
    test: |taken, score, right, of| format!("test began {taken}  score {score} ({right}/{of})"),
    not_in_draw: " [not in the draw]",
    no_such_question: "(no such question in the content)",
    given: |given, right| format!("given: {given}   right answer: {right}"),
    choice: |letter, text| format!("{letter}({text})"),
    no_test: "test: not taken",
    survey: |title| format!("survey: {title}"),
    no_survey: "survey: none",
    no_files: |member, dir, cycle| match cycle {
        Some(c) => format!("no completion file of member {member:?} in {dir} for cycle {c}"),
        None => format!("no completion file of member {member:?} in {dir}"),
    },
};

#[cfg(test)]
mod tests {
    use super::super::punct::{assert_en, assert_zh};
    use super::*;

    /// Every text of one language, from values without punctuation or Chinese.
    fn every_text(e: &Evidence) -> Vec<String> {
        let rules = Rules::default();
        let mut all = vec![
            (e.member_line)("x", "x", "x", "x"),
            (e.member_cycle)("x", "x"),
            (e.problems)(2),
            (e.rules)(&rules),
            (e.own_rules)("x"),
            (e.read_head)("x", 1, 2, 3, 4),
            (e.talk_head)("x", 1, 2),
            (e.study_head)("x", 80, 1, 2),
            (e.not_done)("x"),
            (e.planned_units)("x"),
            (e.seconds)(3),
            (e.finished_at)("x"),
            (e.not_counted)("x"),
            (e.too_short)(1, 2),
            (e.finished_outside)("x", "x"),
            (e.reflection)(Some("x")),
            (e.reflection)(None),
            (e.planned_theme)("x"),
            (e.topic)("x"),
            (e.delivered)("x"),
            (e.test)("x", 90, 9, 10),
            (e.given)("x", "x"),
            (e.no_files)("x", "x", Some("x")),
            (e.no_files)("x", "x", None),
        ];
        all.extend(
            [
                e.not_handed_in,
                e.verified,
                e.nothing_to_verify,
                e.not_finished,
                e.no_such_unit,
                e.not_in_content,
                e.not_in_plan,
                e.no_reflection,
                e.outline,
                e.no_talk,
                e.not_in_draw,
                e.no_such_question,
                e.no_test,
                e.no_survey,
            ]
            .map(str::to_string),
        );
        all
    }

    #[test]
    fn the_chinese_is_chinese_with_full_width_punctuation_and_the_english_english() {
        for t in every_text(&ZH) {
            assert_zh(&t);
        }
        for t in every_text(&EN) {
            assert_en(&t);
        }
        assert_eq!((ZH.choice)('B', "x"), "B（x）");
        assert_eq!((EN.choice)('B', "x"), "B(x)");
        for sep in [ZH.list_sep, ZH.why_sep] {
            assert!(!sep.contains([',', ';']), "{sep}");
        }
    }
}
