//! Three-way merge of a member's state, for two sessions of one member (two SSH
//! logins) saving the same file.
//!
//! `base` is what this session last loaded or saved, `mine` what it holds in memory,
//! `theirs` what is on disk now. Every value follows one rule first: if only one side
//! changed it since `base`, that side's value is taken. Only when both changed it
//! does the value's own rule decide:
//!
//! | value | both changed |
//! | --- | --- |
//! | seconds (per unit, per unit and cycle, per day) | both increments are added: `theirs + (mine - base)` |
//! | position in a unit (`offset`) | mine (this session moved in that unit) |
//! | furthest position | the larger |
//! | last line reached | reached if either reached it |
//! | `finished` | the earliest |
//! | when a unit was last opened (`opened`) | the latest |
//! | texts (name, reflection, talk, survey) | a side left empty loses; otherwise mine is kept and theirs is set aside |
//! | the cycle test | a submitted test wins; two different submitted tests: the one on disk (graded first) is kept and mine set aside; two unfinished tests of the same draw merge answer by answer |
//! | review cards | the later `last` review; a tie keeps mine |
//! | bookmarks and notes | the note as a text (above); the passage quoted and the time from mine |
//! | entries of any map | an entry one side removed and the other changed is kept |
//!
//! A text that is not kept goes into [`MemberState::conflicts`] (a [`SetAside`]), which
//! is saved with the state, so nothing typed is lost even if the program dies before
//! the member has seen the notice; each new one is also returned as a [`Conflict`] to
//! show. The list itself merges like a set: an entry either side removed (the member
//! dealt with it) stays removed.
//!
//! The list is bounded: at most the latest set-aside version per cycle, field and
//! [`Side`] is kept. Two sessions typing in one field conflict at every save; each
//! new conflict replaces the previous one of its place instead of adding a full copy
//! of the text (which once grew a record by kilobytes a second).
//!
//! Keys this build does not know ([`MemberState::unknown`]) follow the first rule
//! too, key by key: the side that changed one wins, else the one on disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::review::Card;
use super::state::{CycleReading, Mark, MemberState, SetAside, Side, UnitProgress};

mod instant;
mod work;

use instant::{earliest, latest};
use work::{Place, merge_text, merge_work, three_way_text};

/// Which side of a conflict a merge kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The version in this session's memory.
    Mine,
    /// The version another session had saved to disk.
    Theirs,
}

/// Two sessions changed the same text differently: one version was kept, the other
/// set aside in the state's `conflicts` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The cycle the text belongs to; `None` for the display name.
    pub cycle: Option<String>,
    /// Which text, as in [`SetAside::field`].
    pub field: String,
    /// Which version is now in place.
    pub kept: Kept,
    /// The version in place.
    pub kept_text: String,
    /// The version set aside.
    pub set_aside: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whose = match self.kept {
            Kept::Mine => "this session's version is kept",
            Kept::Theirs => "the version saved first is kept",
        };
        match &self.cycle {
            Some(c) => write!(
                f,
                "{} of {c} was changed in two sessions: {whose}, the other is set aside in the state file",
                self.field
            ),
            None => write!(
                f,
                "{} was changed in two sessions: {whose}, the other is set aside in the state file",
                self.field
            ),
        }
    }
}

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged state, to be saved and to replace the one in memory.
    pub state: MemberState,
    /// Conflicts this merge found (already recorded in `state.conflicts`).
    pub conflicts: Vec<Conflict>,
}

/// Merge `mine` and `theirs`, both descended from `base`. See the module docs for the
/// rules. `member_id` and `format` are taken from `mine`.
#[must_use]
pub fn merge(base: &MemberState, mine: &MemberState, theirs: &MemberState) -> Merged {
    // Destructured so that a new field in `MemberState` fails to compile here until
    // its merge rule is written.
    let MemberState {
        format,
        member_id,
        name,
        units,
        days,
        cycles,
        reviews,
        conflicts: mine_set_aside,
        resume,
        marks,
        unknown,
    } = mine;
    let mut found = Vec::new();
    let name = merge_text(
        &base.name,
        name,
        &theirs.name,
        &Place::new(None, "name"),
        &mut found,
    );
    let units = merge_map(&base.units, units, &theirs.units, true, |_, b, m, t| {
        merge_progress(&b.cloned().unwrap_or_default(), m, t)
    });
    let days = merge_map(&base.days, days, &theirs.days, true, |_, b, m, t| {
        add_increments(b.copied().unwrap_or(0), *m, *t)
    });
    let cycles = merge_map(
        &base.cycles,
        cycles,
        &theirs.cycles,
        false,
        |cycle, b, m, t| merge_work(cycle, &b.cloned().unwrap_or_default(), m, t, &mut found),
    );
    let reviews = merge_map(
        &base.reviews,
        reviews,
        &theirs.reviews,
        false,
        |_, _, m, t| later_card(m, t),
    );
    let marks = merge_map(&base.marks, marks, &theirs.marks, false, |key, b, m, t| {
        let base_note = b.map_or("", |b| b.note.as_str());
        let (note, aside) = three_way_text(base_note, &m.note, &t.note);
        if let Some(aside) = aside {
            found.push(Conflict {
                cycle: None,
                field: format!("note {key}"),
                kept: Kept::Mine,
                kept_text: note.to_string(),
                set_aside: aside.to_string(),
            });
        }
        Mark {
            note: note.to_string(),
            ..m.clone()
        }
    });
    let mut set_aside = merge_set(&base.conflicts, mine_set_aside, &theirs.conflicts);
    for c in &found {
        set_aside.push(SetAside {
            cycle: c.cycle.clone(),
            field: c.field.clone(),
            side: match c.kept {
                Kept::Mine => Side::Disk,
                Kept::Theirs => Side::Session,
            },
            text: c.set_aside.clone(),
        });
    }
    let set_aside = latest_per_place(set_aside);
    let unknown = merge_unknown(&base.unknown, unknown, &theirs.unknown);
    Merged {
        state: MemberState {
            format: *format,
            member_id: member_id.clone(),
            name,
            units,
            days,
            cycles,
            reviews,
            conflicts: set_aside,
            // Where this session is now is where this member was last.
            resume: resume.clone(),
            marks,
            unknown,
        },
        conflicts: found,
    }
}

/// The value only one side changed; `both` decides when both did.
pub(super) fn pick<T: PartialEq + Clone>(
    base: &T,
    mine: &T,
    theirs: &T,
    both: impl FnOnce() -> T,
) -> T {
    if mine == base {
        theirs.clone()
    } else if theirs == base || mine == theirs {
        mine.clone()
    } else {
        both()
    }
}

/// Three-way merge of a map, entry by entry. An entry removed on one side and
/// changed on the other is kept, so a removal never loses work.
/// `counts`: the values hold counters, so two sessions that changed an entry to equal
/// values still made two changes (each read for 60 s: 120 s in all), and `both`
/// decides; otherwise equal changes are one change.
fn merge_map<V: PartialEq + Clone>(
    base: &BTreeMap<String, V>,
    mine: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    counts: bool,
    mut both: impl FnMut(&str, Option<&V>, &V, &V) -> V,
) -> BTreeMap<String, V> {
    let keys: BTreeSet<&String> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .collect();
    let mut out = BTreeMap::new();
    for key in keys {
        let (b, m, t) = (base.get(key), mine.get(key), theirs.get(key));
        let merged = if m == b {
            t.cloned()
        } else if t == b || (m == t && !counts) {
            m.cloned()
        } else {
            match (m, t) {
                (Some(m), Some(t)) => Some(both(key, b, m, t)),
                (Some(v), None) | (None, Some(v)) => Some(v.clone()),
                (None, None) => None,
            }
        };
        if let Some(v) = merged {
            out.insert(key.clone(), v);
        }
    }
    out
}

/// Three-way merge of a list treated as a set: what either side added is in, what
/// either side removed is out. Order: mine's, then what only theirs added.
fn merge_set<T: PartialEq + Clone>(base: &[T], mine: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = mine
        .iter()
        .filter(|x| theirs.contains(x) || !base.contains(x))
        .cloned()
        .collect();
    for x in theirs {
        if !base.contains(x) && !out.contains(x) {
            out.push(x.clone());
        }
    }
    out
}

/// Keep only the last entry of each place (cycle, field, side), in list order.
#[must_use]
pub fn latest_per_place(list: Vec<SetAside>) -> Vec<SetAside> {
    let mut out: Vec<SetAside> = Vec::with_capacity(list.len());
    for entry in list {
        out.retain(|e| !e.same_place(&entry));
        out.push(entry);
    }
    out
}

/// Unknown top-level keys, key by key: the side that changed one wins, else theirs.
fn merge_unknown(base: &toml::Table, mine: &toml::Table, theirs: &toml::Table) -> toml::Table {
    let keys: BTreeSet<&String> = base
        .keys()
        .chain(mine.keys())
        .chain(theirs.keys())
        .collect();
    let mut out = toml::Table::new();
    for key in keys {
        let (b, m, t) = (base.get(key), mine.get(key), theirs.get(key));
        let merged = if m == b { t } else { m };
        if let Some(v) = merged {
            out.insert(key.clone(), v.clone());
        }
    }
    out
}

/// `theirs + (mine - base)`: both sessions' increments, exactly, within `u64`.
fn add_increments(base: u64, mine: u64, theirs: u64) -> u64 {
    let sum = i128::from(theirs) + i128::from(mine) - i128::from(base);
    u64::try_from(sum.max(0)).unwrap_or(u64::MAX)
}

fn merge_progress(base: &UnitProgress, mine: &UnitProgress, theirs: &UnitProgress) -> UnitProgress {
    let UnitProgress {
        offset,
        furthest,
        seconds,
        cycles,
        opened,
    } = mine;
    UnitProgress {
        offset: pick(&base.offset, offset, &theirs.offset, || *offset),
        furthest: pick(&base.furthest, furthest, &theirs.furthest, || {
            (*furthest).max(theirs.furthest)
        }),
        seconds: add_increments(base.seconds, *seconds, theirs.seconds),
        cycles: merge_map(&base.cycles, cycles, &theirs.cycles, true, |_, b, m, t| {
            merge_reading(&b.cloned().unwrap_or_default(), m, t)
        }),
        opened: pick(&base.opened, opened, &theirs.opened, || {
            latest(opened.as_ref(), theirs.opened.as_ref())
        }),
    }
}

fn merge_reading(base: &CycleReading, mine: &CycleReading, theirs: &CycleReading) -> CycleReading {
    let CycleReading {
        seconds,
        reached_end,
        furthest,
        finished,
    } = mine;
    CycleReading {
        furthest: pick(&base.furthest, furthest, &theirs.furthest, || {
            (*furthest).max(theirs.furthest)
        }),
        seconds: add_increments(base.seconds, *seconds, theirs.seconds),
        reached_end: pick(&base.reached_end, reached_end, &theirs.reached_end, || {
            *reached_end || theirs.reached_end
        }),
        finished: pick(&base.finished, finished, &theirs.finished, || {
            earliest(finished.as_ref(), theirs.finished.as_ref())
        }),
    }
}

/// The card reviewed later; a tie keeps mine.
fn later_card(mine: &Card, theirs: &Card) -> Card {
    if theirs.last > mine.last {
        theirs.clone()
    } else {
        mine.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::state::{GivenAnswer, Reflection, Talk, TestRecord};
    use toml::value::Datetime;

    fn dt(s: &str) -> Datetime {
        s.parse().expect("test datetime")
    }

    fn state() -> MemberState {
        MemberState::new("zhangsan", "张三")
    }

    fn read(st: &mut MemberState, unit: &str, cycle: &str, secs: u64) {
        let p = st.units.entry(unit.into()).or_default();
        p.seconds += secs;
        p.cycles.entry(cycle.into()).or_default().seconds += secs;
        *st.days.entry("2026-11-03".into()).or_default() += secs;
    }

    #[test]
    fn counters_add_both_sessions_increments() {
        let mut base = state();
        read(&mut base, "a", "2026-11", 100);
        let mut mine = base.clone();
        read(&mut mine, "a", "2026-11", 30);
        read(&mut mine, "b", "2026-11", 5);
        let mut theirs = base.clone();
        read(&mut theirs, "a", "2026-11", 50);
        let m = merge(&base, &mine, &theirs);
        assert_eq!(m.state.units["a"].seconds, 180);
        assert_eq!(m.state.units["a"].cycles["2026-11"].seconds, 180);
        assert_eq!(m.state.units["b"].seconds, 5);
        assert_eq!(m.state.days["2026-11-03"], 185);
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn positions_follow_the_session_that_moved() {
        let mut base = state();
        base.units.entry("a".into()).or_default().offset = 10;
        base.units.entry("b".into()).or_default().offset = 10;
        let mut mine = base.clone();
        mine.units.entry("a".into()).or_default().offset = 500;
        let mut theirs = base.clone();
        theirs.units.entry("b".into()).or_default().offset = 900;
        theirs.units.entry("a".into()).or_default().offset = 20;
        let m = merge(&base, &mine, &theirs).state;
        assert_eq!(m.units["a"].offset, 500, "mine moved in a");
        assert_eq!(m.units["b"].offset, 900, "only theirs moved in b");
    }

    #[test]
    fn the_unit_opened_last_is_the_later_opening_of_either_session() {
        let mut base = state();
        base.units.entry("a".into()).or_default().opened = Some(dt("2026-11-02T20:00:00+08:00"));
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.units.entry("a".into()).or_default().opened = Some(dt("2026-11-03T21:00:00+08:00"));
        // Later as an instant though earlier on the clock face: UTC against +08:00.
        theirs.units.entry("a".into()).or_default().opened = Some(dt("2026-11-03T14:00:00Z"));
        let m = merge(&base, &mine, &theirs).state;
        assert_eq!(m.units["a"].opened, Some(dt("2026-11-03T14:00:00Z")));
        let m = merge(&base, &theirs, &mine).state;
        assert_eq!(m.units["a"].opened, Some(dt("2026-11-03T14:00:00Z")));
    }

    #[test]
    fn furthest_is_the_larger_and_finished_the_earliest() {
        let base = state();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let pm = mine.units.entry("a".into()).or_default();
        pm.furthest = 300;
        let cm = pm.cycles.entry("2026-11".into()).or_default();
        cm.finished = Some(dt("2026-11-03T20:00:00+08:00"));
        cm.reached_end = true;
        let pt = theirs.units.entry("a".into()).or_default();
        pt.furthest = 700;
        // 12:30 UTC is 20:30 at +08:00: later than mine despite the smaller hour.
        pt.cycles.entry("2026-11".into()).or_default().finished = Some(dt("2026-11-03T12:30:00Z"));
        let m = merge(&base, &mine, &theirs).state;
        assert_eq!(m.units["a"].furthest, 700);
        let c = &m.units["a"].cycles["2026-11"];
        assert_eq!(c.finished, Some(dt("2026-11-03T20:00:00+08:00")));
        assert!(c.reached_end);

        theirs
            .units
            .get_mut("a")
            .expect("unit a")
            .cycles
            .get_mut("2026-11")
            .expect("c")
            .finished = Some(dt("2026-11-03T11:00:00Z"));
        let m = merge(&base, &mine, &theirs).state;
        assert_eq!(
            m.units["a"].cycles["2026-11"].finished,
            Some(dt("2026-11-03T11:00:00Z"))
        );
    }

    #[test]
    fn one_sided_text_change_is_taken() {
        let mut base = state();
        base.cycles.entry("2026-11".into()).or_default().reflection = Some(Reflection {
            unit: None,
            text: "旧".into(),
        });
        let mine = base.clone();
        let mut theirs = base.clone();
        theirs.cycles.get_mut("2026-11").expect("cycle").reflection = Some(Reflection {
            unit: Some("a".into()),
            text: "新的心得".into(),
        });
        let m = merge(&base, &mine, &theirs);
        assert_eq!(m.state.cycles["2026-11"], theirs.cycles["2026-11"]);
        assert!(m.conflicts.is_empty());
        assert!(m.state.conflicts.is_empty());
    }

    #[test]
    fn both_changed_text_keeps_mine_and_sets_theirs_aside() {
        let base = state();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.cycles.entry("2026-11".into()).or_default().talk = Some(Talk {
            topic: "红色物业".into(),
            outline: "我的提纲".into(),
            delivered: None,
        });
        theirs.cycles.entry("2026-11".into()).or_default().talk = Some(Talk {
            topic: "红色物业".into(),
            outline: "另一会话的提纲".into(),
            delivered: Some(dt("2026-11-20")),
        });
        let m = merge(&base, &mine, &theirs);
        let talk = m.state.cycles["2026-11"].talk.clone().expect("talk");
        assert_eq!(talk.outline, "我的提纲");
        assert_eq!(talk.topic, "红色物业");
        assert_eq!(
            talk.delivered,
            Some(dt("2026-11-20")),
            "only theirs set a date"
        );
        assert_eq!(m.conflicts.len(), 1);
        let c = &m.conflicts[0];
        assert_eq!((c.field.as_str(), c.kept), ("talk.outline", Kept::Mine));
        assert_eq!(c.set_aside, "另一会话的提纲");
        assert_eq!(
            m.state.conflicts,
            vec![SetAside {
                cycle: Some("2026-11".into()),
                field: "talk.outline".into(),
                side: Side::Disk,
                text: "另一会话的提纲".into(),
            }]
        );
        assert!(c.to_string().contains("talk.outline of 2026-11"), "{c}");
    }

    #[test]
    fn an_emptied_text_loses_to_a_typed_one_without_conflict() {
        let mut base = state();
        base.name = "张三".into();
        let mut mine = base.clone();
        mine.name = String::new();
        let mut theirs = base.clone();
        theirs.name = "张三丰".into();
        let m = merge(&base, &mine, &theirs);
        assert_eq!(m.state.name, "张三丰");
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn set_aside_entries_merge_as_a_set() {
        // One place per text, so the bound (one per place) does not apply here.
        let entry = |t: &str| SetAside {
            cycle: Some(format!("2026-1{}", t.len())),
            field: format!("{t}.text"),
            side: Side::Disk,
            text: t.into(),
        };
        let mut base = state();
        base.conflicts = vec![entry("a"), entry("b")];
        let mut mine = base.clone();
        mine.conflicts = vec![entry("b"), entry("c")]; // dealt with a, gained c
        let mut theirs = base.clone();
        theirs.conflicts = vec![entry("a"), entry("b"), entry("d")];
        let m = merge(&base, &mine, &theirs).state;
        assert_eq!(m.conflicts, vec![entry("b"), entry("c"), entry("d")]);
    }

    #[test]
    fn set_aside_versions_are_bounded_to_the_latest_per_place_and_side() {
        // Two sessions typing in one field: every save conflicts again.
        let mut on_disk = state();
        let mut other = state();
        let reflect = |s: &mut MemberState, t: &str| {
            s.cycles.entry("2026-11".into()).or_default().reflection = Some(Reflection {
                unit: None,
                text: t.into(),
            });
        };
        for i in 0..50 {
            let base = on_disk.clone();
            let mut mine = base.clone();
            reflect(&mut mine, &format!("我的心得 {i}"));
            reflect(&mut other, &format!("另一会话的心得 {i}"));
            on_disk = merge(&base, &mine, &other).state;
            other = on_disk.clone();
        }
        assert_eq!(on_disk.conflicts.len(), 1, "{:?}", on_disk.conflicts);
        assert_eq!(on_disk.conflicts[0].text, "另一会话的心得 49");
        // The other side of the same field is a place of its own.
        let mut list = on_disk.conflicts.clone();
        list.push(SetAside {
            side: Side::Session,
            text: "x".into(),
            ..list[0].clone()
        });
        list.push(SetAside {
            side: Side::Session,
            text: "y".into(),
            ..list[0].clone()
        });
        let kept = latest_per_place(list);
        assert_eq!(
            kept.iter().map(|e| e.text.as_str()).collect::<Vec<_>>(),
            vec!["另一会话的心得 49", "y"]
        );
    }

    fn test_record(submitted: bool, given: &[&str]) -> TestRecord {
        TestRecord {
            taken: dt("2026-11-28T19:30:00+08:00"),
            answers: given
                .iter()
                .enumerate()
                .map(|(i, g)| GivenAnswer {
                    unit: "a".into(),
                    question: format!("q{i}"),
                    given: (*g).to_string(),
                })
                .collect(),
            submitted,
            submitted_at: None,
        }
    }

    #[test]
    fn a_submitted_test_wins() {
        let base = state();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.cycles.entry("c".into()).or_default().test = Some(test_record(false, &["A", ""]));
        theirs.cycles.entry("c".into()).or_default().test = Some(test_record(true, &["B", "C"]));
        let m = merge(&base, &mine, &theirs);
        assert_eq!(
            m.state.cycles["c"].test,
            Some(test_record(true, &["B", "C"]))
        );
        assert!(m.conflicts.is_empty());
    }

    #[test]
    fn two_submitted_tests_keep_the_first_graded() {
        let base = state();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.cycles.entry("c".into()).or_default().test = Some(test_record(true, &["A", "B"]));
        theirs.cycles.entry("c".into()).or_default().test = Some(test_record(true, &["B", "C"]));
        let m = merge(&base, &mine, &theirs);
        assert_eq!(
            m.state.cycles["c"].test,
            Some(test_record(true, &["B", "C"]))
        );
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].kept, Kept::Theirs);
        assert!(
            m.state.conflicts[0].text.contains("a/q0 = A"),
            "{:?}",
            m.state.conflicts
        );
    }

    #[test]
    fn unfinished_tests_of_one_draw_merge_per_answer() {
        let mut base = state();
        base.cycles.entry("c".into()).or_default().test = Some(test_record(false, &["", "", ""]));
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.cycles.get_mut("c").expect("c").test = Some(test_record(false, &["A", "", "x"]));
        theirs.cycles.get_mut("c").expect("c").test = Some(test_record(false, &["", "B", "y"]));
        let m = merge(&base, &mine, &theirs);
        assert_eq!(
            m.state.cycles["c"].test,
            Some(test_record(false, &["A", "B", "x"]))
        );
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].set_aside, "a/q2 = y");
        assert_eq!(m.conflicts[0].kept_text, "a/q2 = x");
    }

    #[test]
    fn the_later_review_wins() {
        let base = state();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let card = |last: &str, reps| Card {
            due: "2026-12-01".into(),
            reps,
            last: Some(last.into()),
            ..Card::default()
        };
        mine.reviews.insert("a/q1".into(), card("2026-11-05", 1));
        theirs.reviews.insert("a/q1".into(), card("2026-11-07", 2));
        mine.reviews.insert("a/q2".into(), card("2026-11-09", 3));
        theirs.reviews.insert("a/q2".into(), card("2026-11-08", 4));
        let m = merge(&base, &mine, &theirs).state;
        assert_eq!(m.reviews["a/q1"].reps, 2);
        assert_eq!(m.reviews["a/q2"].reps, 3);
    }

    #[test]
    fn an_entry_removed_on_one_side_and_changed_on_the_other_is_kept() {
        let card = |reps| Card {
            reps,
            ..Card::default()
        };
        let mut base = state();
        base.reviews.insert("a/q1".into(), card(1));
        base.reviews.insert("a/q2".into(), card(1));
        let mut mine = base.clone();
        mine.reviews.remove("a/q1");
        mine.reviews.remove("a/q2");
        let mut theirs = base.clone();
        theirs.reviews.insert("a/q1".into(), card(2));
        let m = merge(&base, &mine, &theirs).state;
        assert_eq!(m.reviews.get("a/q1"), Some(&card(2)));
        assert_eq!(
            m.reviews.get("a/q2"),
            None,
            "removed by mine, untouched by theirs"
        );
    }

    #[test]
    fn marks_merge_by_place_and_notes_as_texts() {
        let mark = |unit: &str, offset, note: &str| Mark {
            unit: unit.into(),
            offset,
            quote: "红色物业".into(),
            note: note.into(),
            created: None,
        };
        let mut base = state();
        base.marks.insert(Mark::key("a", 10), mark("a", 10, "旧"));
        base.marks.insert(Mark::key("a", 20), mark("a", 20, ""));
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.marks.insert(Mark::key("b", 5), mark("b", 5, "我的"));
        theirs.marks.insert(Mark::key("c", 7), mark("c", 7, ""));
        mine.marks.get_mut("a#10").expect("a#10").note = "本会话".into();
        theirs.marks.get_mut("a#10").expect("a#10").note = "另一会话".into();
        theirs.marks.remove("a#20");
        let m = merge(&base, &mine, &theirs);
        let keys: Vec<&str> = m.state.marks.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["a#10", "b#5", "c#7"],
            "a#20 was removed on one side only"
        );
        assert_eq!(m.state.marks["a#10"].note, "本会话");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].field, "note a#10");
        assert_eq!(m.state.conflicts[0].text, "另一会话");
    }

    #[test]
    fn counters_never_overflow() {
        assert_eq!(add_increments(0, u64::MAX, u64::MAX), u64::MAX);
        assert_eq!(add_increments(10, 0, 5), 0);
        assert_eq!(add_increments(10, 15, 12), 17);
    }
}
