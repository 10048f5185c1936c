//! 错题本's mastered cards: a card answered right until its next review is three weeks
//! away is marked ✓ and counted, and `f` lists every card, those being learnt, or the
//! mastered ones. Drawn into ratatui's `TestBackend` at 80x24 and 40x12, in Chinese and
//! English, compared with reviewed snapshots.

use dangxue::app::msg::Msg;
use dangxue::app::{App, ReviewFilter, Tab};
use dangxue::core::config::Lang;
use dangxue::core::review::{Card, review};
use dangxue::store::content::load_builtin;
use jiff::Timestamp;
use jiff::civil::Date;

mod draw;
use draw::{member_app, render, send};

const UNIT: &str = "a000-ulanhot-red-property";

fn now() -> Timestamp {
    "2026-11-20T12:00:00Z".parse().expect("timestamp")
}

/// A card missed and then answered right on every due day until the scheduler puts
/// its next review three weeks out or more, the last answer given yesterday. (The
/// scheduler counts elapsed days only, so the run is first timed, then replayed to end
/// on the 19th.)
fn mastered_card() -> Card {
    let run = |start: Date| {
        let mut day = start;
        let mut card = review(None, false, day);
        while !card.is_mastered() {
            day = card.due.parse().expect("due is a date");
            card = review(Some(&card), true, day);
        }
        (card, day)
    };
    let base: Date = "2026-01-01".parse().expect("date");
    let (_, end) = run(base);
    let yesterday: Date = "2026-11-19".parse().expect("date");
    let (card, last) = run(yesterday - (end - base));
    assert_eq!(last, yesterday);
    card
}

/// Three cards: q1 mastered, q2 missed yesterday (due today), q3 answered right once.
fn notebook(lang: Lang) -> App {
    let mut a = member_app(lang, load_builtin(), now());
    let yesterday: Date = "2026-11-19".parse().expect("date");
    // Missed on the 18th, right on the 19th: not due again yet, not mastered.
    let learning = review(
        Some(&review(None, false, "2026-11-18".parse().expect("date"))),
        true,
        "2026-11-19".parse().expect("date"),
    );
    a.state
        .reviews
        .insert(format!("{UNIT}/q1"), mastered_card());
    a.state
        .reviews
        .insert(format!("{UNIT}/q2"), review(None, false, yesterday));
    a.state.reviews.insert(format!("{UNIT}/q3"), learning);
    send(&mut a, &[Msg::GoTab(Tab::Review)]);
    a
}

#[test]
fn mastered_cards_are_marked_counted_and_filtered() {
    for lang in [Lang::Zh, Lang::En] {
        let name = if lang == Lang::Zh { "zh" } else { "en" };
        let mut a = notebook(lang);
        assert!(a.state.reviews[&format!("{UNIT}/q1")].is_mastered());
        assert!(!a.state.reviews[&format!("{UNIT}/q3")].is_mastered());
        let today: Date = "2026-11-20".parse().expect("date");
        for q in ["q1", "q3"] {
            let c = &a.state.reviews[&format!("{UNIT}/{q}")];
            assert!(!c.is_due(today), "{q} is not due: {c:?}");
        }
        let all = render(&a, 80, 24);
        let mastered_word = if lang == Lang::Zh {
            "已掌握 1"
        } else {
            "mastered 1"
        };
        assert!(all.contains(mastered_word), "{all}");
        assert_eq!(
            all.lines().filter(|l| l.contains("✓✗")).count(),
            1,
            "one row marked mastered: {all}"
        );
        insta::assert_snapshot!(format!("review_mastered_all_{name}_80x24"), all);
        send(&mut a, &[Msg::FilterMastered]);
        assert_eq!(a.review.filter, ReviewFilter::Learning);
        assert_eq!(a.review_list().len(), 2);
        send(&mut a, &[Msg::FilterMastered]);
        assert_eq!(a.review.filter, ReviewFilter::Mastered);
        let only = a.review_list();
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].0, format!("{UNIT}/q1"));
        let screen = render(&a, 80, 24);
        assert_eq!(
            screen.lines().filter(|l| l.contains("✗")).count(),
            2,
            "{screen}"
        );
        insta::assert_snapshot!(format!("review_mastered_only_{name}_80x24"), screen);
        insta::assert_snapshot!(
            format!("review_mastered_only_{name}_40x12"),
            render(&a, 40, 12)
        );
        // Enter practises the card listed, the mastered one.
        send(&mut a, &[Msg::Open]);
        assert_eq!(a.quiz.items, vec![(UNIT.to_string(), "q1".to_string())]);
        send(&mut a, &[Msg::Back]);
        send(&mut a, &[Msg::GoTab(Tab::Review), Msg::FilterMastered]);
        assert_eq!(a.review.filter, ReviewFilter::All);
    }
}

#[test]
fn with_nothing_mastered_the_filter_says_how_a_card_gets_there() {
    let mut a = notebook(Lang::Zh);
    a.state.reviews.remove(&format!("{UNIT}/q1"));
    send(&mut a, &[Msg::FilterMastered, Msg::FilterMastered]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("还没有已掌握的题"), "{screen}");
    insta::assert_snapshot!("review_mastered_none_zh_40x12", render(&a, 40, 12));
}
