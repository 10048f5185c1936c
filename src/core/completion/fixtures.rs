//! Units, a catalog and an honest completion file shared by the completion and
//! assessment tests.

use std::collections::BTreeMap;

use toml::value::Datetime;

use super::{Completion, ReadEntry, TestEntry};
use crate::core::assess::{Assessment, assess, test_draw};
use crate::core::regime::{Cycle, Rules};
use crate::core::state::{GivenAnswer, Reflection, Survey, Talk};
use crate::core::unit::Unit;

pub(crate) fn unit(id: &str, questions: &str) -> Unit {
    let text = format!(
        "+++\nid = \"{id}\"\ntitle = \"标题\"\nkind = \"article\"\n{questions}+++\n正文。\n"
    );
    crate::core::unit::parse(&text).expect("test unit is valid")
}

pub(crate) const QS: &str = r#"
[[questions]]
id = "q1"
type = "single"
prompt = "p"
choices = ["a", "b", "c"]
answer = "B"
explain = "e"

[[questions]]
id = "q2"
type = "judge"
prompt = "p"
answer = true
explain = "e"

[[questions]]
id = "q3"
type = "fill"
prompt = "p"
answer = ["3名"]
explain = "e"
"#;

pub(crate) fn catalog() -> BTreeMap<String, Unit> {
    ["u-a", "u-b", "u-c", "u-d", "u-e"]
        .iter()
        .map(|id| (id.to_string(), unit(id, QS)))
        .collect()
}

pub(crate) fn dt(s: &str) -> Datetime {
    s.parse().expect("test datetime is valid")
}

pub(crate) fn cyc(s: &str) -> Cycle {
    s.parse().expect("test cycle is valid")
}

pub(crate) fn read(unit: &str, seconds: u64, finished: Option<&str>) -> ReadEntry {
    ReadEntry {
        unit: unit.into(),
        seconds,
        finished: finished.map(dt),
    }
}

pub(crate) fn right_answer(unit: &str, question: &str) -> GivenAnswer {
    let given = match question {
        "q1" => "B",
        "q2" => "true",
        _ => "3名",
    };
    GivenAnswer {
        unit: unit.into(),
        question: question.into(),
        given: given.into(),
    }
}

/// A file that meets every default rule, with the test answered right.
pub(crate) fn honest() -> Completion {
    let mut c = Completion {
        member_id: "zhangsan".into(),
        member: "张三".into(),
        cycle: cyc("2026-11"),
        exported: dt("2026-11-30T21:04:00+08:00"),
        read: vec![
            read("u-a", 400, Some("2026-11-03T20:11:09+08:00")),
            read("u-b", 300, Some("2026-11-04T20:11:09+08:00")),
            read("u-c", 200, Some("2026-11-05T20:11:09+08:00")),
            read("u-d", 130, Some("2026-11-06T20:11:09+08:00")),
        ],
        reflection: Some(Reflection {
            unit: Some("u-a".into()),
            text: "学".repeat(300),
        }),
        talk: Some(Talk {
            topic: "红色物业".into(),
            outline: "纲".repeat(100),
            delivered: Some(dt("2026-11-20")),
        }),
        test: None,
        survey: Some(Survey {
            title: "调研".into(),
            text: "查".repeat(300),
        }),
        claimed: None,
        rules: None,
    };
    let taken = dt("2026-11-28T19:30:00+08:00");
    let draw = test_draw(
        &c.member_id,
        &c.cycle,
        &c.read,
        &taken,
        &Rules::default(),
        None,
        &catalog(),
    );
    c.test = Some(TestEntry {
        taken,
        submitted: None,
        answers: draw.iter().map(|(u, q)| right_answer(u, q)).collect(),
    });
    c
}

pub(crate) fn assess_default(c: &Completion) -> Assessment {
    assess(c, &Rules::default(), None, &catalog())
}
