//! Merging the texts a member types (the name, a cycle's reflection, talk and survey)
//! and the cycle test: where both sessions changed one, mine is kept and theirs set
//! aside as a [`Conflict`].

use std::fmt::Write as _;

use super::{Conflict, Kept, pick};
use crate::core::state::{CycleWork, GivenAnswer, Reflection, Survey, Talk, TestRecord};

/// Where a text lives, for the conflict record.
pub(super) struct Place<'a> {
    cycle: Option<&'a str>,
    field: &'static str,
}

impl<'a> Place<'a> {
    pub(super) fn new(cycle: Option<&'a str>, field: &'static str) -> Place<'a> {
        Place { cycle, field }
    }

    fn conflict(&self, kept: Kept, kept_text: &str, set_aside: String) -> Conflict {
        Conflict {
            cycle: self.cycle.map(str::to_string),
            field: self.field.to_string(),
            kept,
            kept_text: kept_text.to_string(),
            set_aside,
        }
    }
}

/// A text both sides may have typed in: the merged text and, when both changed it
/// to different non-empty texts, theirs (set aside; mine is kept). An emptied side
/// loses to a typed one, since nothing typed is lost that way.
pub(super) fn three_way_text<'a>(
    base: &str,
    mine: &'a str,
    theirs: &'a str,
) -> (&'a str, Option<&'a str>) {
    if mine == base {
        (theirs, None)
    } else if theirs == base || mine == theirs || theirs.is_empty() {
        (mine, None)
    } else if mine.is_empty() {
        (theirs, None)
    } else {
        (mine, Some(theirs))
    }
}

/// [`three_way_text`], recording a conflict.
pub(super) fn merge_text(
    base: &str,
    mine: &str,
    theirs: &str,
    place: &Place<'_>,
    found: &mut Vec<Conflict>,
) -> String {
    let (kept, aside) = three_way_text(base, mine, theirs);
    if let Some(aside) = aside {
        found.push(place.conflict(Kept::Mine, kept, aside.to_string()));
    }
    kept.to_string()
}

/// Like [`merge_text`] for an optional value shown as text.
fn merge_opt_text<T: PartialEq + Clone + ToString>(
    base: Option<&T>,
    mine: Option<&T>,
    theirs: Option<&T>,
    place: &Place<'_>,
    found: &mut Vec<Conflict>,
) -> Option<T> {
    pick(&base, &mine, &theirs, || match (mine, theirs) {
        (Some(m), Some(t)) => {
            found.push(place.conflict(Kept::Mine, &m.to_string(), t.to_string()));
            Some(m)
        }
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    })
    .cloned()
}

/// A record kept as `Option`: an absent record merges as an empty one.
// `&Option`: the three sides go to `pick` whole, and the merged record is built
// from owned defaults.
#[allow(clippy::ref_option)]
fn merge_record<T: PartialEq + Clone + Default>(
    base: &Option<T>,
    mine: &Option<T>,
    theirs: &Option<T>,
    fields: impl FnOnce(&T, &T, &T) -> T,
) -> Option<T> {
    pick(base, mine, theirs, || {
        Some(fields(
            &base.clone().unwrap_or_default(),
            &mine.clone().unwrap_or_default(),
            &theirs.clone().unwrap_or_default(),
        ))
    })
}

/// One cycle's work: each text by [`merge_text`], the test by [`merge_test`].
pub(super) fn merge_work(
    cycle: &str,
    base: &CycleWork,
    mine: &CycleWork,
    theirs: &CycleWork,
    found: &mut Vec<Conflict>,
) -> CycleWork {
    let CycleWork {
        reflection,
        talk,
        test,
        survey,
    } = mine;
    let at = |field| Place::new(Some(cycle), field);
    let reflection = merge_record(
        &base.reflection,
        reflection,
        &theirs.reflection,
        |b, m, t| {
            let Reflection { unit, text } = m;
            Reflection {
                unit: merge_opt_text(
                    b.unit.as_ref(),
                    unit.as_ref(),
                    t.unit.as_ref(),
                    &at("reflection.unit"),
                    found,
                ),
                text: merge_text(&b.text, text, &t.text, &at("reflection.text"), found),
            }
        },
    );
    let talk = merge_record(&base.talk, talk, &theirs.talk, |b, m, t| {
        let Talk {
            topic,
            outline,
            delivered,
        } = m;
        Talk {
            topic: merge_text(&b.topic, topic, &t.topic, &at("talk.topic"), found),
            outline: merge_text(&b.outline, outline, &t.outline, &at("talk.outline"), found),
            delivered: merge_opt_text(
                b.delivered.as_ref(),
                delivered.as_ref(),
                t.delivered.as_ref(),
                &at("talk.delivered"),
                found,
            ),
        }
    });
    let survey = merge_record(&base.survey, survey, &theirs.survey, |b, m, t| {
        let Survey { title, text } = m;
        Survey {
            title: merge_text(&b.title, title, &t.title, &at("survey.title"), found),
            text: merge_text(&b.text, text, &t.text, &at("survey.text"), found),
        }
    });
    let test = pick(&base.test, test, &theirs.test, || {
        match (test, &theirs.test) {
            (Some(m), Some(t)) => Some(merge_test(base.test.as_ref(), m, t, &at("test"), found)),
            (Some(x), None) | (None, Some(x)) => Some(x.clone()),
            (None, None) => None,
        }
    });
    CycleWork {
        reflection,
        talk,
        test,
        survey,
    }
}

/// Both sessions changed the cycle test. A submitted test is final: it wins over an
/// unsubmitted one, and of two different submitted tests the one already on disk was
/// graded first and stays.
fn merge_test(
    base: Option<&TestRecord>,
    mine: &TestRecord,
    theirs: &TestRecord,
    place: &Place<'_>,
    found: &mut Vec<Conflict>,
) -> TestRecord {
    let keep = |kept: Kept, k: &TestRecord, other: &TestRecord, found: &mut Vec<Conflict>| {
        if !other.answers.iter().all(|a| a.given.is_empty()) {
            found.push(place.conflict(kept, &test_text(k), test_text(other)));
        }
        k.clone()
    };
    match (mine.submitted, theirs.submitted) {
        (true, false) => mine.clone(),
        (false, true) => theirs.clone(),
        (true, true) => keep(Kept::Theirs, theirs, mine, found),
        (false, false) if same_draw(mine, theirs) => {
            let base_answers = base
                .filter(|b| same_draw(b, mine))
                .map(|b| b.answers.as_slice());
            let answers = mine
                .answers
                .iter()
                .zip(&theirs.answers)
                .enumerate()
                .map(|(i, (m, t))| {
                    let b = base_answers
                        .and_then(|a| a.get(i))
                        .map_or("", |a| a.given.as_str());
                    let (given, aside) = three_way_text(b, &m.given, &t.given);
                    if let Some(aside) = aside {
                        let line = |g: &str| format!("{}/{} = {g}", m.unit, m.question);
                        found.push(place.conflict(Kept::Mine, &line(given), line(aside)));
                    }
                    GivenAnswer {
                        given: given.to_string(),
                        ..m.clone()
                    }
                })
                .collect();
            TestRecord {
                answers,
                ..mine.clone()
            }
        }
        (false, false) => keep(Kept::Mine, mine, theirs, found),
    }
}

/// Same start and same questions in the same order.
fn same_draw(a: &TestRecord, b: &TestRecord) -> bool {
    a.taken == b.taken
        && a.answers.len() == b.answers.len()
        && a.answers
            .iter()
            .zip(&b.answers)
            .all(|(x, y)| x.unit == y.unit && x.question == y.question)
}

/// A test written out for the set-aside list: when it began, then one
/// `unit/question = given` line per answer.
fn test_text(t: &TestRecord) -> String {
    let mut out = format!("taken = {}", t.taken);
    for a in &t.answers {
        out.push('\n');
        let _ = write!(out, "{}/{} = {}", a.unit, a.question, a.given);
    }
    out
}
