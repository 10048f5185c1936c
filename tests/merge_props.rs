//! Properties of the three-way merge of member state. Keys and texts are drawn from
//! small sets so that the two sides often touch the same entries. Raise the number of
//! cases with `PROPTEST_CASES`.

use std::collections::BTreeMap;

use dangxue::core::merge::{latest_per_place, merge};
use dangxue::core::review::Card;
use dangxue::core::state::{
    CycleReading, CycleWork, GivenAnswer, Mark, MemberState, Reflection, STATE_FORMAT, SetAside,
    Side, Survey, Talk, TestRecord, UnitProgress,
};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use toml::value::Datetime;

fn datetime() -> impl Strategy<Value = Datetime> {
    (
        2025i32..2028,
        1u8..=12,
        1u8..=28,
        0u8..24,
        0u8..60,
        prop_oneof![Just("Z"), Just("+08:00"), Just("-05:30")],
    )
        .prop_map(|(y, mo, d, h, mi, off)| {
            format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00{off}")
                .parse()
                .expect("a valid datetime")
        })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[ab]{1,2}",
        "\\PC{0,12}",
        Just("心得\u{200b}体会\u{301}".to_string()),
    ]
}

fn cycle_key() -> impl Strategy<Value = String> {
    prop_oneof![Just("2026-11".to_string()), Just("2026-12a".to_string())]
}

fn reading() -> impl Strategy<Value = CycleReading> {
    (
        0u64..10_000,
        any::<bool>(),
        0usize..5000,
        option::of(datetime()),
    )
        .prop_map(|(seconds, reached_end, furthest, finished)| CycleReading {
            seconds,
            reached_end,
            furthest,
            finished,
        })
}

fn progress() -> impl Strategy<Value = UnitProgress> {
    (
        0usize..5000,
        0usize..5000,
        0u64..100_000,
        btree_map(cycle_key(), reading(), 0..3),
        option::of(datetime()),
    )
        .prop_map(|(offset, furthest, seconds, cycles, opened)| UnitProgress {
            offset,
            furthest,
            seconds,
            cycles,
            opened,
        })
}

fn test_record() -> impl Strategy<Value = TestRecord> {
    (
        prop_oneof![
            Just("2026-11-28T19:30:00+08:00".parse::<Datetime>().expect("dt")),
            datetime()
        ],
        vec(prop_oneof![Just(String::new()), "[A-D]{1,2}"], 0..4),
        any::<bool>(),
    )
        .prop_map(|(taken, given, submitted)| TestRecord {
            submitted_at: None,
            taken,
            answers: given
                .into_iter()
                .enumerate()
                .map(|(i, given)| GivenAnswer {
                    unit: "a".into(),
                    question: format!("q{i}"),
                    given,
                })
                .collect(),
            submitted,
        })
}

fn work() -> impl Strategy<Value = CycleWork> {
    (
        option::of((option::of("[ab]"), text())),
        option::of((text(), text(), option::of(datetime()))),
        option::of(test_record()),
        option::of((text(), text())),
    )
        .prop_map(|(r, t, test, s)| CycleWork {
            reflection: r.map(|(unit, text)| Reflection { unit, text }),
            talk: t.map(|(topic, outline, delivered)| Talk {
                topic,
                outline,
                delivered,
            }),
            test,
            survey: s.map(|(title, text)| Survey { title, text }),
        })
}

fn card() -> impl Strategy<Value = Card> {
    (
        "2026-1[12]-0[1-9]",
        0.0f64..50.0,
        1.0f64..10.0,
        0u32..5,
        0u32..5,
        option::of("2026-11-0[1-9]"),
    )
        .prop_map(|(due, stability, difficulty, reps, lapses, last)| Card {
            due,
            stability,
            difficulty,
            reps,
            lapses,
            last,
        })
}

fn set_aside() -> impl Strategy<Value = SetAside> {
    (
        option::of(cycle_key()),
        prop_oneof![Just("name"), Just("talk.outline")],
        "[ab]{1,2}",
    )
        .prop_map(|(cycle, field, text)| SetAside {
            cycle,
            field: field.into(),
            side: Side::Disk,
            text,
        })
}

fn mark() -> impl Strategy<Value = Mark> {
    ("[ab]", 0usize..3, text()).prop_map(|(unit, offset, note)| Mark {
        unit,
        offset,
        quote: "红色物业".into(),
        note,
        created: None,
    })
}

fn state() -> impl Strategy<Value = MemberState> {
    (
        text(),
        btree_map("[abc]", progress(), 0..3),
        btree_map("2026-11-0[1-3]", 0u64..1_000_000, 0..3),
        btree_map(cycle_key(), work(), 0..3),
        btree_map("[ab]/q[12]", card(), 0..3),
        vec(set_aside(), 0..3),
        vec(mark(), 0..3),
    )
        .prop_map(
            |(name, units, days, cycles, reviews, conflicts, marks)| MemberState {
                format: STATE_FORMAT,
                member_id: "zhangsan".into(),
                name,
                units,
                days,
                cycles,
                reviews,
                // A saved state holds one set-aside version per place at most.
                conflicts: latest_per_place(conflicts),
                resume: None,
                marks: marks
                    .into_iter()
                    .map(|m| (Mark::key(&m.unit, m.offset), m))
                    .collect(),
                unknown: toml::Table::new(),
            },
        )
}

/// Increments one session adds: seconds per (unit, cycle) and per day.
fn increments() -> impl Strategy<Value = (BTreeMap<(String, String), u64>, BTreeMap<String, u64>)> {
    (
        btree_map(("[abcd]", cycle_key()), 0u64..5000, 0..5),
        btree_map("2026-11-0[1-4]", 0u64..5000, 0..3),
    )
}

/// The state with every seconds counter set to zero.
fn strip_counters(s: &MemberState) -> MemberState {
    let mut s = s.clone();
    for p in s.units.values_mut() {
        p.seconds = 0;
        for c in p.cycles.values_mut() {
            c.seconds = 0;
        }
    }
    for v in s.days.values_mut() {
        *v = 0;
    }
    s
}

/// Seconds added per (unit, cycle) and per day by one session.
type Increments = (BTreeMap<(String, String), u64>, BTreeMap<String, u64>);

fn apply(s: &MemberState, (units, days): &Increments) -> MemberState {
    let mut s = s.clone();
    for ((unit, cycle), secs) in units {
        let p = s.units.entry(unit.clone()).or_default();
        p.seconds += secs;
        p.cycles.entry(cycle.clone()).or_default().seconds += secs;
    }
    for (day, secs) in days {
        *s.days.entry(day.clone()).or_default() += secs;
    }
    s
}

/// Every (unit, cycle) seconds counter, every unit total and every day.
fn counters(s: &MemberState) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for (id, p) in &s.units {
        out.insert(format!("unit {id}"), p.seconds);
        for (c, r) in &p.cycles {
            out.insert(format!("unit {id} {c}"), r.seconds);
        }
    }
    for (d, secs) in &s.days {
        out.insert(format!("day {d}"), *secs);
    }
    out
}

/// Every non-empty typed text of a state with where it lives.
fn texts(s: &MemberState) -> Vec<(Option<String>, &'static str, String)> {
    let mut out = vec![(None, "name", s.name.clone())];
    for (c, w) in &s.cycles {
        let c = Some(c.clone());
        if let Some(r) = &w.reflection {
            out.push((c.clone(), "reflection.text", r.text.clone()));
        }
        if let Some(t) = &w.talk {
            out.push((c.clone(), "talk.topic", t.topic.clone()));
            out.push((c.clone(), "talk.outline", t.outline.clone()));
        }
        if let Some(sv) = &w.survey {
            out.push((c.clone(), "survey.title", sv.title.clone()));
            out.push((c.clone(), "survey.text", sv.text.clone()));
        }
    }
    out.retain(|(_, _, t)| !t.is_empty());
    out
}

proptest! {
    #[test]
    fn merging_with_an_unchanged_disk_gives_mine(base in state(), mine in state()) {
        let m = merge(&base, &mine, &base);
        prop_assert_eq!(m.state, mine);
        prop_assert!(m.conflicts.is_empty());
    }

    #[test]
    fn merging_identical_sides_gives_that_side_with_counters_counted_twice(
        base in state(),
        mine in state(),
    ) {
        // Two sessions that each added the same seconds added them twice; everything
        // else that is equal on both sides is one change.
        let m = merge(&base, &mine, &mine);
        prop_assert_eq!(strip_counters(&m.state), strip_counters(&mine));
        prop_assert!(m.conflicts.is_empty());
        let twice = |b: u64, v: u64| {
            u64::try_from((2 * i128::from(v) - i128::from(b)).max(0)).expect("a count")
        };
        for (id, p) in &mine.units {
            let b = base.units.get(id);
            prop_assert_eq!(m.state.units[id].seconds, twice(b.map_or(0, |b| b.seconds), p.seconds));
            for (c, r) in &p.cycles {
                let bc = b.and_then(|b| b.cycles.get(c)).map_or(0, |r| r.seconds);
                prop_assert_eq!(m.state.units[id].cycles[c].seconds, twice(bc, r.seconds));
            }
        }
        for (d, v) in &mine.days {
            prop_assert_eq!(m.state.days[d], twice(base.days.get(d).copied().unwrap_or(0), *v));
        }
    }

    #[test]
    fn merging_when_only_the_disk_changed_gives_the_disk(base in state(), theirs in state()) {
        let mut m = merge(&base, &base, &theirs).state;
        // The set-aside list keeps mine's order; compare it as a set.
        prop_assert!(m.conflicts.iter().all(|c| theirs.conflicts.contains(c)));
        prop_assert!(theirs.conflicts.iter().all(|c| m.conflicts.contains(c)));
        m.conflicts.clone_from(&theirs.conflicts);
        prop_assert_eq!(m, theirs);
    }

    #[test]
    fn counters_keep_both_sessions_increments(
        base in state(),
        a in increments(),
        b in increments(),
    ) {
        let mine = apply(&base, &a);
        let theirs = apply(&base, &b);
        let merged = merge(&base, &mine, &theirs).state;
        let expected = counters(&apply(&apply(&base, &a), &b));
        prop_assert_eq!(counters(&merged), expected);
    }

    #[test]
    fn no_typed_text_is_lost(base in state(), mine in state(), theirs in state()) {
        let m = merge(&base, &mine, &theirs);
        let in_place = texts(&m.state);
        let base_texts = texts(&base);
        for side in [&mine, &theirs] {
            for t in texts(side) {
                if base_texts.contains(&t) {
                    continue; // not typed since base: the other side may replace it
                }
                let (cycle, field, text) = &t;
                let aside = m.state.conflicts.iter().any(|c| {
                    &c.cycle == cycle && c.field == *field && &c.text == text
                });
                prop_assert!(
                    in_place.contains(&t) || aside,
                    "lost {:?} {} {:?}",
                    cycle,
                    field,
                    text
                );
            }
        }
    }

    #[test]
    fn finished_and_reached_end_are_never_undone(
        base in state(),
        mine in state(),
        theirs in state(),
    ) {
        let merged = merge(&base, &mine, &theirs).state;
        for side in [&mine, &theirs] {
            for (id, p) in &side.units {
                let b = base.units.get(id);
                for (c, r) in &p.cycles {
                    let br = b.and_then(|b| b.cycles.get(c));
                    let changed = br != Some(r);
                    if !changed {
                        continue;
                    }
                    let got = merged.units.get(id).and_then(|u| u.cycles.get(c));
                    if r.finished.is_some() && br.is_none_or(|br| br.finished != r.finished) {
                        prop_assert!(got.is_some_and(|g| g.finished.is_some()));
                    }
                    if r.reached_end && br.is_none_or(|br| !br.reached_end) {
                        prop_assert!(got.is_some_and(|g| g.reached_end));
                    }
                }
            }
        }
    }

    #[test]
    fn merged_states_round_trip_through_toml(
        base in state(),
        mine in state(),
        theirs in state(),
    ) {
        let merged = merge(&base, &mine, &theirs).state;
        let text = toml::to_string(&merged).expect("serialises");
        let back: MemberState = toml::from_str(&text).expect("parses back");
        prop_assert_eq!(back, merged);
    }
}

#[test]
fn two_sessions_reading_the_same_new_unit_equally_long_count_both() {
    let base = MemberState::new("zhangsan", "张三");
    let mut one = base.clone();
    let p = one.units.entry("a".into()).or_default();
    p.seconds = 60;
    p.cycles.entry("2026-11".into()).or_default().seconds = 60;
    one.days.insert("2026-11-10".into(), 60);
    let m = merge(&base, &one, &one).state;
    assert_eq!(m.units["a"].seconds, 120);
    assert_eq!(m.units["a"].cycles["2026-11"].seconds, 120);
    assert_eq!(m.days["2026-11-10"], 120);
}
