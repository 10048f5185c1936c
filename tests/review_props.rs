//! The wrong-answer scheduler is total: from any card a state file may hold and any run
//! of answers on any days, it never panics and keeps difficulty in 1..=10 and stability
//! in its valid range.

use dangxue::core::review::{Card, MAX_STABILITY, MIN_STABILITY, review};
use jiff::civil::{Date, date};
use proptest::prelude::*;

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(1e-300),
        0.0f64..0.02,
        -20.0f64..50.0,
    ]
}

fn any_day() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        (2000i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Some(date(y, m, d).to_string())),
        ".{0,12}".prop_map(Some),
        Just(Some("9999-12-31".to_string())),
        Just(Some("-009999-01-01".to_string())),
    ]
}

fn any_card() -> impl Strategy<Value = Card> {
    (
        any_day(),
        any_f64(),
        any_f64(),
        any::<u32>(),
        any::<u32>(),
        any_day(),
    )
        .prop_map(|(due, stability, difficulty, reps, lapses, last)| Card {
            due: due.unwrap_or_default(),
            stability,
            difficulty,
            reps,
            lapses,
            last,
        })
}

fn in_range(c: &Card) -> bool {
    (1.0..=10.0).contains(&c.difficulty) && (MIN_STABILITY..=MAX_STABILITY).contains(&c.stability)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_answers_from_any_card_stay_in_range(
        start in prop_oneof![Just(None), any_card().prop_map(Some)],
        answers in prop::collection::vec((any::<bool>(), 0i64..400), 0..40),
        y in 2000i16..2090,
    ) {
        let mut day: Date = date(y, 1, 1);
        let mut card = start.map(|c| review(Some(&c), false, day));
        if let Some(c) = &card {
            prop_assert!(in_range(c), "first answer from a loaded card: {c:?}");
        }
        for (correct, gap) in answers {
            day = day.saturating_add(jiff::Span::new().days(gap));
            let next = review(card.as_ref(), correct, day);
            prop_assert!(in_range(&next), "{next:?}");
            prop_assert!(next.due.parse::<Date>().is_ok(), "{next:?}");
            card = Some(next);
        }
    }

    #[test]
    fn a_loaded_card_answered_either_way_is_in_range(card in any_card(), correct in any::<bool>()) {
        let next = review(Some(&card), correct, date(2026, 11, 3));
        prop_assert!(in_range(&next), "{card:?} -> {next:?}");
    }
}
