//! The completion file: the evidence a member exports for one cycle.
//!
//! The file format is SPEC.md's "Completion file format" (`dangxue-completion/1`).
//! [`Completion::parse`] reads it strictly, reporting every problem with its line;
//! [`Completion::to_toml`] writes it so that parsing gives the same value back.
//! The derivation of 月读 / 月讲 / 月学 from it lives in [`crate::core::assess`].

mod model;
mod parse;
mod problem;
mod write;

#[cfg(test)]
pub(crate) mod fixtures;

pub(crate) use model::reads_of_state;
pub use model::{Claimed, Completion, ReadEntry, TestEntry, valid_member_id};
pub use parse::check;
pub use problem::CompletionIssue;

// Callers written before the derivation moved to `core::assess` keep compiling.
pub use crate::core::assess::{
    Assessment, Finding, GradedAnswer, Place, ReadPart, StudyPart, TalkPart, TestResult, Verdict,
    assess, test_draw, test_draw_for_state,
};

/// The `format` value this build reads and writes.
pub const COMPLETION_FORMAT: &str = "dangxue-completion/1";

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::core::regime::Rules;
    use crate::core::state::{
        CycleReading, CycleWork, MemberState, Reflection, Talk, TestRecord, UnitProgress,
    };

    #[test]
    fn to_toml_round_trips() {
        let mut c = honest();
        c.claimed = Some(assess_default(&c).claimed());
        c.member = "张\"三\\ \u{1b}[31m".into();
        if let Some(r) = c.reflection.as_mut() {
            r.text = "第一段 \"引号\" \\ 反斜杠\n\n第二段\"\"\"\t制表\r\n\u{7}结尾\"".into();
        }
        let text = c.to_toml();
        assert!(!text.contains('\u{1b}'), "controls are escaped in the file");
        let back = Completion::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(back, c);
    }

    #[test]
    fn parses_spec_s_example() {
        let text = r#"format = "dangxue-completion/1"
member_id = "zhangsan"
member = "张三"
cycle = "2026-11"
exported = 2026-11-30T21:04:00+08:00

[[read]]                 # one per unit opened in the cycle
unit = "ulanhot-red-property"
seconds = 412
finished = 2026-11-03T20:11:09+08:00   # absent if the last line was not reached

[reflection]
unit = "ulanhot-red-property"      # optional: the unit it reflects on
text = "..."                       # the 心得 itself

[talk]
topic = "..."
outline = "..."
delivered = 2026-11-20

[test]
taken = 2026-11-28T19:30:00+08:00
answers = [ { unit = "ulanhot-red-property", question = "q1", given = "C" }, { unit = "x", question = "q2", given = true } ]

[survey]
title = "..."
text = "..."

[claimed]                          # what the member's program computed
read = true
talk = true
study = false
score = 70
"#;
        let c = Completion::parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(c.cycle, cyc("2026-11"));
        assert_eq!(
            c.read,
            vec![read(
                "ulanhot-red-property",
                412,
                Some("2026-11-03T20:11:09+08:00")
            )]
        );
        assert_eq!(
            c.talk.as_ref().and_then(|t| t.delivered),
            Some(dt("2026-11-20"))
        );
        let t = c.test.as_ref().expect("test");
        assert_eq!(t.answers.len(), 2);
        assert_eq!(t.answers[1].given, "true");
        assert_eq!(
            c.claimed,
            Some(Claimed {
                read: true,
                talk: true,
                study: false,
                score: Some(70)
            })
        );
        assert!(check(text).is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = r#"format = "dangxue-completion/1"
member_id = "zhang san"
member = "张三"
cycle = "2026-11c"
exported = 2026-11-30T21:04:00
extra = 1

[[read]]
unit = "a"
seconds = -5

[[read]]
unit = "b"
seconds = 10
finished = 2026-11-03

[[read]]
unit = "b"
seconds = 11

[talk]
topic = "t"
delivered = 2026-11-20T10:00:00+08:00

[test]
answers = [{ unit = "a", question = "q1" }]

[claimed]
read = "yes"
talk = true
study = true
score = 101
"#;
        let want: Vec<(usize, String)> = vec![
            (2, "member id \"zhang san\" may hold only letters, digits, '-', '_' and '.' (at most 64)".into()),
            (4, "cycle \"2026-11c\" is not YYYY-MM or YYYY-MMa/b".into()),
            (5, "\"exported\" must be a date and time with its UTC offset, like 2026-11-03T20:11:09+08:00".into()),
            (6, "unknown key \"extra\"".into()),
            (10, "\"seconds\" in [[read]] must be a whole number from 0 to 9223372036854775807".into()),
            (15, "\"finished\" in [[read]] must be a date and time with its UTC offset, like 2026-11-03T20:11:09+08:00".into()),
            (17, "unit \"b\" has a second [[read]] (first at line 12): keep one".into()),
            (21, "missing key \"outline\" in [talk]".into()),
            (23, "\"delivered\" in [talk] must be a date like 2026-11-20 (no time, no quotes)".into()),
            (25, "missing key \"taken\" in [test]".into()),
            (26, "missing key \"given\" in [test] answers".into()),
            (29, "\"read\" in [claimed] must be true or false".into()),
            (32, "\"score\" in [claimed] must be a whole number from 0 to 100".into()),
        ];
        let worded: Vec<(usize, String)> = check(text)
            .into_iter()
            .map(|(line, issue)| (line, crate::strings::findings::EN.issue(&issue)))
            .collect();
        assert_eq!(worded, want);
    }

    #[test]
    fn broken_toml_names_its_line_and_other_formats_are_refused() {
        let e = check("format = \"dangxue-completion/1\"\nmember = \"张三\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, 2);
        let e = check(
            "format = \"dangxue-completion/2\"\nmember_id = \"a\"\nmember = \"\"\ncycle = \"2026-11\"\nexported = 2026-11-30T21:04:00Z\n",
        );
        assert_eq!(
            e,
            vec![(
                1,
                crate::core::tomldoc::Issue::Format {
                    found: "dangxue-completion/2".into(),
                    want: COMPLETION_FORMAT,
                }
            )]
        );
    }

    #[test]
    fn from_state_exports_the_cycle_and_claims_the_derivation() {
        let cat = catalog();
        let mut s = MemberState::new("zhangsan", "张三");
        for (i, id) in ["u-a", "u-b", "u-c", "u-d"].iter().enumerate() {
            let mut p = UnitProgress::default();
            p.cycles.insert(
                "2026-11".into(),
                CycleReading {
                    seconds: 200,
                    reached_end: true,
                    furthest: 0,
                    finished: Some(dt(&format!("2026-11-0{}T20:00:00+08:00", i + 1))),
                },
            );
            p.cycles.insert("2026-10".into(), CycleReading::default());
            s.units.insert((*id).to_string(), p);
        }
        let mut other = UnitProgress::default();
        other
            .cycles
            .insert("2026-10".into(), CycleReading::default());
        s.units.insert("u-e".into(), other);
        let cycle = cyc("2026-11");
        let taken = dt("2026-11-28T19:30:00+08:00");
        let draw = test_draw_for_state(&s, &cycle, &taken, &Rules::default(), None, &cat);
        assert_eq!(draw.len(), 10);
        s.cycles.insert(
            "2026-11".into(),
            CycleWork {
                reflection: Some(Reflection {
                    unit: None,
                    text: "学".repeat(300),
                }),
                talk: Some(Talk {
                    topic: "题".into(),
                    outline: "纲".repeat(100),
                    delivered: Some(dt("2026-11-20T15:00:00+08:00")),
                }),
                test: Some(TestRecord {
                    taken,
                    answers: draw.iter().map(|(u, q)| right_answer(u, q)).collect(),
                    submitted: false,
                    submitted_at: None,
                }),
                survey: None,
            },
        );
        let exported = dt("2026-11-30T21:04:00+08:00");
        let c = Completion::from_state(&s, &cycle, exported, &Rules::default(), None, &cat);
        assert_eq!(
            c.read.iter().map(|r| r.unit.as_str()).collect::<Vec<_>>(),
            ["u-a", "u-b", "u-c", "u-d"]
        );
        assert_eq!(c.test, None, "an unsubmitted test is not exported");
        assert_eq!(
            c.talk.as_ref().and_then(|t| t.delivered),
            Some(dt("2026-11-20"))
        );
        assert_eq!(
            c.claimed,
            Some(Claimed {
                read: true,
                talk: true,
                study: false,
                score: None
            })
        );
        if let Some(t) = s.cycles.get_mut("2026-11").and_then(|w| w.test.as_mut()) {
            t.submitted = true;
        }
        let c = Completion::from_state(&s, &cycle, exported, &Rules::default(), None, &cat);
        assert_eq!(c.claimed.and_then(|x| x.score), Some(100));
        assert!(
            assess(&c, &Rules::default(), None, &cat)
                .findings
                .is_empty()
        );
        assert!(check(&c.to_toml()).is_empty(), "{}", c.to_toml());
    }

    #[test]
    fn member_ids() {
        for ok in ["zhangsan", "张三", "li.si", "wang_wu-2"] {
            assert!(valid_member_id(ok), "{ok}");
        }
        for bad in ["", ".hidden", "a/b", "a b", "a\u{1b}b", &"x".repeat(65)] {
            assert!(!valid_member_id(bad), "{bad}");
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_round_trips(name in any::<String>(), text in any::<String>(), given in any::<String>()) {
                let mut c = honest();
                c.member = name;
                if let Some(r) = c.reflection.as_mut() { r.text = text.clone(); }
                if let Some(s) = c.survey.as_mut() { s.title = text; }
                if let Some(t) = c.test.as_mut() { t.answers[0].given = given; }
                let back = Completion::parse(&c.to_toml());
                prop_assert_eq!(back, Ok(c));
            }
        }
    }
}
