//! The one derivation of 月读 / 月讲 / 月学 from a completion's evidence ([`assess`]),
//! the seeded cycle-test draw ([`test_draw`]) and the grading of the submitted test.
//! The home screen, `status`, `export`'s `[claimed]` and `report`'s verification all
//! use it.

use jiff::civil::Date;
use toml::value::Datetime;

use super::completion::{Claimed, Completion, ReadEntry, TestEntry, reads_of_state};
use super::quiz;
use super::regime::{Cycle, Rules, instant, local_date};
use super::state::MemberState;
use super::text::count_chars;
use super::unit::Catalog;

/// 月读 / 月讲 / 月学 derived from a completion's evidence, with what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// 月读.
    pub read: ReadPart,
    /// 月讲.
    pub talk: TalkPart,
    /// 月学.
    pub study: StudyPart,
    /// Evidence that does not fit the content: unknown units or questions, a test
    /// that is not the draw. Empty for an honest file read with the same content.
    pub findings: Vec<Finding>,
}

impl Assessment {
    /// The test score, if a test was submitted.
    #[must_use]
    pub fn score(&self) -> Option<u32> {
        self.study.test.as_ref().map(|t| t.score)
    }

    /// What a member's program writes as `[claimed]`.
    #[must_use]
    pub fn claimed(&self) -> Claimed {
        Claimed {
            read: self.read.done,
            talk: self.talk.done,
            study: self.study.done,
            score: self.score(),
        }
    }
}

/// 月读: units read and the reflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadPart {
    /// Done by the rules.
    pub done: bool,
    /// Units that count as read, sorted by id.
    pub units_read: Vec<String>,
    /// Units that must be read (`read.units`).
    pub units_required: u32,
    /// Characters of the reflection (0 without one).
    pub reflection_chars: usize,
    /// Characters the reflection needs.
    pub reflection_min: u32,
}

impl ReadPart {
    /// Units still to read (for "还需阅读 2 篇").
    #[must_use]
    pub fn units_missing(&self) -> usize {
        (self.units_required as usize).saturating_sub(self.units_read.len())
    }
}

/// 月讲: topic, outline and delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkPart {
    /// Done by the rules.
    pub done: bool,
    /// The talk has a topic.
    pub has_topic: bool,
    /// Characters of the outline.
    pub outline_chars: usize,
    /// Characters the outline needs.
    pub outline_min: u32,
    /// The day the talk was given, if recorded.
    pub delivered: Option<Date>,
    /// That day lies inside the cycle.
    pub delivered_in_cycle: bool,
    /// That day is after the day of `exported` (after today in the member's program):
    /// the talk has not been given yet, so it counts only from that day on.
    pub delivered_in_future: bool,
}

/// 月学: the test and the survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StudyPart {
    /// Done by the rules.
    pub done: bool,
    /// The submitted test, graded; `None` when not taken.
    pub test: Option<TestResult>,
    /// Lowest passing score.
    pub pass_score: u32,
    /// Characters of the survey (0 without one).
    pub survey_chars: usize,
    /// Characters the survey needs.
    pub survey_min: u32,
}

/// The cycle test re-graded against the recomputed draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    /// floor(100 × correct ÷ drawn) over the recomputed draw.
    pub score: u32,
    /// Questions of the draw answered correctly.
    pub correct: usize,
    /// The recomputed draw, in order.
    pub draw: Vec<(String, String)>,
    /// The answers exactly follow the draw.
    pub is_draw: bool,
    /// Each answer as given, graded.
    pub answers: Vec<GradedAnswer>,
}

/// One answer of the file, graded against the content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradedAnswer {
    /// Unit id.
    pub unit: String,
    /// Question id.
    pub question: String,
    /// As given.
    pub given: String,
    /// Right, wrong, or not gradable.
    pub verdict: Verdict,
    /// The question is in the recomputed draw.
    pub in_draw: bool,
}

/// How one given answer grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Matches the answer key.
    Right,
    /// Does not.
    Wrong,
    /// The unit is not in the content.
    UnknownUnit,
    /// The unit has no such question.
    UnknownQuestion,
}

/// Where evidence names a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A `[[read]]` entry.
    Read,
    /// `[reflection] unit`.
    Reflection,
    /// Test answer n (1-based).
    Answer(usize),
}

/// Evidence that does not fit the content or the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A unit id the content does not have.
    UnknownUnit {
        /// The id.
        unit: String,
        /// Where it is named.
        place: Place,
    },
    /// A test answer names a question its unit does not have.
    UnknownQuestion {
        /// Answer number, 1-based.
        index: usize,
        /// Unit id.
        unit: String,
        /// Question id.
        question: String,
    },
    /// The answers are not the deterministic draw.
    NotTheDraw {
        /// First differing position, 1-based.
        index: usize,
        /// What the file has there (`unit/question`), if anything.
        given: Option<String>,
        /// What the draw has there, if anything.
        expected: Option<String>,
        /// Answers in the file.
        given_len: usize,
        /// Questions in the draw.
        draw_len: usize,
    },
    /// The test began on a day outside the cycle.
    TestOutsideCycle {
        /// The local day it began.
        day: Date,
    },
}

/// The reads that count for 月读: finished on a day inside the cycle, at least
/// `read.min_seconds` spent, a unit the content has and (with a plan) one of the
/// cycle's units. With the time each was finished.
fn counted_reads<'c>(
    reads: &'c [ReadEntry],
    cycle: Cycle,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Vec<(&'c str, &'c Datetime)> {
    reads
        .iter()
        .filter(|e| e.seconds >= rules.read.min_seconds)
        .filter(|e| cycle_units.is_none_or(|us| us.contains(&e.unit)))
        .filter(|e| catalog.unit(&e.unit).is_some())
        .filter_map(|e| {
            let f = e.finished.as_ref()?;
            local_date(f)
                .filter(|d| cycle.contains(*d))
                .map(|_| (e.unit.as_str(), f))
        })
        .collect()
}

/// The cycle test's questions per SPEC "The cycle test": the pool is every question of
/// the counted units finished before `taken`, drawn for `"{member_id}/{cycle}"`.
/// The TUI draws with this when the test begins; `assess` recomputes it.
#[must_use]
pub fn test_draw(
    member_id: &str,
    cycle: &Cycle,
    reads: &[ReadEntry],
    taken: &Datetime,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Vec<(String, String)> {
    let began = instant(taken);
    let mut pool = Vec::new();
    for (unit, finished) in counted_reads(reads, *cycle, rules, cycle_units, catalog) {
        let before = match (instant(finished), began) {
            (Some(f), Some(b)) => f < b,
            _ => false,
        };
        if !before {
            continue;
        }
        if let Some(u) = catalog.unit(unit) {
            pool.extend(
                u.questions
                    .iter()
                    .map(|q| (u.meta.id.clone(), q.id.clone())),
            );
        }
    }
    quiz::draw(
        member_id,
        &cycle.to_string(),
        pool,
        rules.study.questions as usize,
    )
}

/// [`test_draw`] from a member's state, for starting the test at `taken`.
#[must_use]
pub fn test_draw_for_state(
    state: &MemberState,
    cycle: &Cycle,
    taken: &Datetime,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Vec<(String, String)> {
    let reads = reads_of_state(state, &cycle.to_string());
    test_draw(
        &state.member_id,
        cycle,
        &reads,
        taken,
        rules,
        cycle_units,
        catalog,
    )
}

/// Derive 月读 / 月讲 / 月学 from the evidence, by `rules`, against `catalog`.
/// `cycle_units` is the plan's units for the cycle; `None` without a plan.
#[must_use]
pub fn assess(
    c: &Completion,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
) -> Assessment {
    let mut findings = Vec::new();
    for e in &c.read {
        if catalog.unit(&e.unit).is_none() {
            findings.push(Finding::UnknownUnit {
                unit: e.unit.clone(),
                place: Place::Read,
            });
        }
    }
    let mut units_read: Vec<String> = counted_reads(&c.read, c.cycle, rules, cycle_units, catalog)
        .into_iter()
        .map(|(u, _)| u.to_string())
        .collect();
    units_read.sort();
    let reflection_chars = c.reflection.as_ref().map_or(0, |r| count_chars(&r.text));
    if let Some(u) = c.reflection.as_ref().and_then(|r| r.unit.as_ref())
        && catalog.unit(u).is_none()
    {
        findings.push(Finding::UnknownUnit {
            unit: u.clone(),
            place: Place::Reflection,
        });
    }
    let read = ReadPart {
        done: units_read.len() >= rules.read.units as usize
            && reflection_chars >= rules.read.reflection_min_chars as usize,
        units_read,
        units_required: rules.read.units,
        reflection_chars,
        reflection_min: rules.read.reflection_min_chars,
    };

    let talk = {
        let t = c.talk.as_ref();
        let has_topic = t.is_some_and(|t| count_chars(&t.topic) > 0);
        let outline_chars = t.map_or(0, |t| count_chars(&t.outline));
        let delivered = t.and_then(|t| t.delivered.as_ref()).and_then(local_date);
        let delivered_in_cycle = delivered.is_some_and(|d| c.cycle.contains(d));
        // SPEC: not after today; in `report`, not after the file's `exported` — the
        // member's program exports with `exported` = now, so one rule serves both.
        let delivered_in_future = match (delivered, local_date(&c.exported)) {
            (Some(d), Some(e)) => d > e,
            _ => false,
        };
        TalkPart {
            done: has_topic
                && outline_chars >= rules.talk.outline_min_chars as usize
                && delivered_in_cycle
                && !delivered_in_future,
            has_topic,
            outline_chars,
            outline_min: rules.talk.outline_min_chars,
            delivered,
            delivered_in_cycle,
            delivered_in_future,
        }
    };

    let test = c
        .test
        .as_ref()
        .map(|t| grade_test(c, t, rules, cycle_units, catalog, &mut findings));
    let survey_chars = c.survey.as_ref().map_or(0, |s| count_chars(&s.text));
    let study = StudyPart {
        done: test
            .as_ref()
            .is_some_and(|t| t.score >= rules.study.pass_score)
            && survey_chars >= rules.study.survey_min_chars as usize,
        test,
        pass_score: rules.study.pass_score,
        survey_chars,
        survey_min: rules.study.survey_min_chars,
    };
    Assessment {
        read,
        talk,
        study,
        findings,
    }
}

fn grade_test(
    c: &Completion,
    t: &TestEntry,
    rules: &Rules,
    cycle_units: Option<&[String]>,
    catalog: &impl Catalog,
    findings: &mut Vec<Finding>,
) -> TestResult {
    let draw = test_draw(
        &c.member_id,
        &c.cycle,
        &c.read,
        &t.taken,
        rules,
        cycle_units,
        catalog,
    );
    if let Some(day) = local_date(&t.taken).filter(|d| !c.cycle.contains(*d)) {
        findings.push(Finding::TestOutsideCycle { day });
    }
    let mut answers = Vec::with_capacity(t.answers.len());
    for (i, a) in t.answers.iter().enumerate() {
        let verdict = match catalog.unit(&a.unit) {
            None => {
                findings.push(Finding::UnknownUnit {
                    unit: a.unit.clone(),
                    place: Place::Answer(i + 1),
                });
                Verdict::UnknownUnit
            }
            Some(u) => match u.question(&a.question) {
                None => {
                    findings.push(Finding::UnknownQuestion {
                        index: i + 1,
                        unit: a.unit.clone(),
                        question: a.question.clone(),
                    });
                    Verdict::UnknownQuestion
                }
                Some(q) if quiz::is_correct(q, &a.given) => Verdict::Right,
                Some(_) => Verdict::Wrong,
            },
        };
        answers.push(GradedAnswer {
            unit: a.unit.clone(),
            question: a.question.clone(),
            given: a.given.clone(),
            verdict,
            in_draw: draw.iter().any(|(u, q)| *u == a.unit && *q == a.question),
        });
    }
    let is_draw = draw.len() == t.answers.len()
        && draw
            .iter()
            .zip(&t.answers)
            .all(|((u, q), a)| *u == a.unit && *q == a.question);
    if !is_draw {
        let pair = |u: &str, q: &str| format!("{u}/{q}");
        let index = draw
            .iter()
            .zip(&t.answers)
            .position(|((u, q), a)| *u != a.unit || *q != a.question)
            .unwrap_or(draw.len().min(t.answers.len()));
        findings.push(Finding::NotTheDraw {
            index: index + 1,
            given: t.answers.get(index).map(|a| pair(&a.unit, &a.question)),
            expected: draw.get(index).map(|(u, q)| pair(u, q)),
            given_len: t.answers.len(),
            draw_len: draw.len(),
        });
    }
    // Scored over the draw itself: a swapped-in question earns nothing and the
    // question it replaced counts as unanswered.
    let correct = draw
        .iter()
        .filter(|(u, q)| {
            let given = t.answers.iter().find(|a| a.unit == *u && a.question == *q);
            match (given, catalog.unit(u).and_then(|unit| unit.question(q))) {
                (Some(a), Some(question)) => quiz::is_correct(question, &a.given),
                _ => false,
            }
        })
        .count();
    TestResult {
        score: quiz::score(correct, draw.len()),
        correct,
        draw,
        is_draw,
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::completion::fixtures::*;
    use crate::core::state::{Reflection, Talk};

    #[test]
    fn an_honest_file_is_done_with_no_findings() {
        let a = assess_default(&honest());
        assert!(a.read.done && a.talk.done && a.study.done, "{a:#?}");
        assert_eq!(a.score(), Some(100));
        assert_eq!(a.study.test.as_ref().map(|t| t.draw.len()), Some(10));
        assert!(a.findings.is_empty(), "{:?}", a.findings);
        assert_eq!(a.read.units_read, vec!["u-a", "u-b", "u-c", "u-d"]);
    }

    #[test]
    fn reading_counts_only_finished_in_cycle_and_long_enough() {
        let mut c = honest();
        c.test = None;
        c.read = vec![
            read("u-a", 120, Some("2026-11-30T23:59:59+08:00")),
            read("u-b", 119, Some("2026-11-04T20:00:00+08:00")),
            read("u-c", 500, Some("2026-12-01T00:00:00+08:00")),
            read("u-d", 500, None),
            // 2026-11-01T00:00Z, but 2026-10-31 in the datetime's own offset, which rules.
            read("u-e", 500, Some("2026-10-31T23:00:00-01:00")),
        ];
        let a = assess_default(&c);
        assert_eq!(a.read.units_read, vec!["u-a"]);
        assert_eq!(a.read.units_missing(), 3);
        assert!(!a.read.done);
    }

    #[test]
    fn with_a_plan_only_the_cycle_s_units_count() {
        let c = honest();
        let plan = ["u-a".to_string(), "u-b".to_string(), "u-e".to_string()];
        let a = assess(&c, &Rules::default(), Some(&plan), &catalog());
        assert_eq!(a.read.units_read, vec!["u-a", "u-b"]);
        assert!(!a.read.done);
        // The test drew from every read unit; with the plan the draw is from u-a and
        // u-b only, so the file's answers are not the draw.
        let t = a.study.test.as_ref().expect("test present");
        assert!(!t.is_draw);
        assert_eq!(t.draw.len(), 6);
        assert!(
            a.findings
                .iter()
                .any(|f| matches!(f, Finding::NotTheDraw { .. }))
        );
    }

    #[test]
    fn reflection_counts_characters_without_whitespace() {
        let mut c = honest();
        c.reflection = Some(Reflection {
            unit: None,
            text: format!("{}\n\n {}", "学".repeat(150), "习".repeat(149)),
        });
        let a = assess_default(&c);
        assert_eq!(a.read.reflection_chars, 299);
        assert_eq!(a.read.reflection_min, 300);
        assert!(!a.read.done);
        c.reflection = None;
        let a = assess_default(&c);
        assert_eq!(a.read.reflection_chars, 0);
        assert!(!a.read.done);
    }

    #[test]
    fn a_talk_dated_after_the_export_does_not_count_yet() {
        let mut c = honest();
        c.exported = dt("2026-11-25T21:04:00+08:00");
        let exported = local_date(&c.exported).expect("exported date");
        let next_day = exported.tomorrow().expect("a next day");
        c.talk = Some(Talk {
            topic: "红色物业".into(),
            outline: "纲".repeat(100),
            delivered: Some(dt(&next_day.to_string())),
        });
        let a = assess_default(&c);
        assert!(a.talk.delivered_in_future && !a.talk.done);
        assert!(a.talk.has_topic && a.talk.delivered_in_cycle);
        assert_eq!(a.talk.delivered, Some(next_day));
        c.talk = Some(Talk {
            delivered: Some(dt(&exported.to_string())),
            ..c.talk.clone().expect("talk")
        });
        assert!(assess_default(&c).talk.done, "the day of the export counts");
    }

    #[test]
    fn talk_needs_topic_outline_and_a_day_in_the_cycle() {
        let mut c = honest();
        c.talk = Some(Talk {
            topic: " ".into(),
            outline: "纲".repeat(99),
            delivered: Some(dt("2026-12-01")),
        });
        let a = assess_default(&c);
        assert!(!a.talk.done);
        assert!(!a.talk.has_topic, "a blank topic is no topic");
        assert_eq!((a.talk.outline_chars, a.talk.outline_min), (99, 100));
        assert_eq!(
            a.talk.delivered.map(|d| d.to_string()).as_deref(),
            Some("2026-12-01")
        );
        assert!(!a.talk.delivered_in_cycle);
        c.talk = None;
        let a = assess_default(&c);
        assert!(!a.talk.done && !a.talk.has_topic);
        assert_eq!(a.talk.outline_chars, 0);
        assert_eq!(a.talk.delivered, None);
    }

    #[test]
    fn study_needs_the_pass_score_and_the_survey() {
        let mut c = honest();
        if let Some(t) = c.test.as_mut() {
            for a in t.answers.iter_mut().take(3) {
                a.given = "wrong".into();
            }
        }
        let a = assess_default(&c);
        assert_eq!(a.score(), Some(70));
        assert!(!a.study.done);
        assert_eq!(a.study.pass_score, 80);
        assert!(a.study.survey_chars >= a.study.survey_min as usize);
        assert!(a.findings.is_empty(), "wrong answers are not findings");
        c.test = None;
        c.survey = None;
        let a = assess_default(&c);
        assert_eq!(a.score(), None);
        assert!(!a.study.done);
        assert_eq!(a.study.survey_chars, 0);
    }

    #[test]
    fn the_pool_holds_only_units_finished_before_the_test() {
        let mut c = honest();
        c.read[3].finished = Some(dt("2026-11-28T19:30:01+08:00"));
        let t = c.test.as_ref().expect("test");
        let draw = test_draw(
            &c.member_id,
            &c.cycle,
            &c.read,
            &t.taken,
            &Rules::default(),
            None,
            &catalog(),
        );
        assert_eq!(draw.len(), 9, "three units of three questions");
        assert!(draw.iter().all(|(u, _)| u != "u-d"));
        // Same instant in another offset: still not before.
        c.read[3].finished = Some(dt("2026-11-28T11:30:00Z"));
        let again = test_draw(
            &c.member_id,
            &c.cycle,
            &c.read,
            &t.taken,
            &Rules::default(),
            None,
            &catalog(),
        );
        assert_eq!(again.len(), 9);
    }

    #[test]
    fn a_swapped_in_question_is_flagged_and_earns_nothing() {
        let mut c = honest();
        let t = c.test.as_mut().expect("test");
        let swapped_out = t.answers[2].clone();
        // u-e was never read, so its questions are outside the pool.
        t.answers[2] = right_answer("u-e", "q1");
        let a = assess_default(&c);
        assert_eq!(a.score(), Some(90));
        let t = a.study.test.as_ref().expect("test");
        assert!(!t.is_draw);
        assert!(!t.answers[2].in_draw);
        assert_eq!(t.answers[2].verdict, Verdict::Right);
        assert_eq!(
            a.findings,
            vec![Finding::NotTheDraw {
                index: 3,
                given: Some("u-e/q1".into()),
                expected: Some(format!("{}/{}", swapped_out.unit, swapped_out.question)),
                given_len: 10,
                draw_len: 10,
            }]
        );
    }

    #[test]
    fn a_dropped_answer_and_unknown_questions_are_flagged() {
        let mut c = honest();
        let t = c.test.as_mut().expect("test");
        t.answers.pop();
        let a = assess_default(&c);
        assert_eq!(a.score(), Some(90));
        let last = &a.study.test.as_ref().expect("test").draw[9];
        assert_eq!(
            a.findings[0],
            Finding::NotTheDraw {
                index: 10,
                given: None,
                expected: Some(format!("{}/{}", last.0, last.1)),
                given_len: 9,
                draw_len: 10,
            }
        );

        let mut c = honest();
        let t = c.test.as_mut().expect("test");
        t.answers[0].question = "q9".into();
        t.answers[1].unit = "u-zz".into();
        let a = assess_default(&c);
        let first = &a.study.test.as_ref().expect("test").draw[0];
        assert_eq!(
            a.findings,
            vec![
                Finding::UnknownQuestion {
                    index: 1,
                    unit: first.0.clone(),
                    question: "q9".into(),
                },
                Finding::UnknownUnit {
                    unit: "u-zz".into(),
                    place: Place::Answer(2),
                },
                Finding::NotTheDraw {
                    index: 1,
                    given: Some(format!("{}/q9", first.0)),
                    expected: Some(format!("{}/{}", first.0, first.1)),
                    given_len: 10,
                    draw_len: 10,
                },
            ]
        );
    }

    #[test]
    fn unknown_read_and_reflection_units_are_findings() {
        let mut c = honest();
        c.test = None;
        c.read
            .push(read("zz-gone", 500, Some("2026-11-07T10:00:00+08:00")));
        c.reflection = Some(Reflection {
            unit: Some("zz-other".into()),
            text: "学".repeat(300),
        });
        let a = assess_default(&c);
        assert_eq!(
            a.findings,
            vec![
                Finding::UnknownUnit {
                    unit: "zz-gone".into(),
                    place: Place::Read,
                },
                Finding::UnknownUnit {
                    unit: "zz-other".into(),
                    place: Place::Reflection,
                },
            ]
        );
        assert_eq!(a.read.units_read.len(), 4);
    }

    #[test]
    fn a_test_outside_the_cycle_is_a_finding() {
        let mut c = honest();
        if let Some(t) = c.test.as_mut() {
            t.taken = dt("2026-12-01T08:00:00+08:00");
        }
        let a = assess_default(&c);
        assert!(a.findings.contains(&Finding::TestOutsideCycle {
            day: jiff::civil::date(2026, 12, 1)
        }));
    }
}
