//! The reading chart on 本月, 错题本 and (later) the profile picker and the history,
//! drawn into ratatui's `TestBackend` in Chinese and English at 80x24, 40x12 and
//! 120x40, compared with reviewed snapshots.

use dangxue::app::msg::Msg;
use dangxue::app::{App, Screen, Tab};
use dangxue::core::config::{Lang, ThemeName};
use dangxue::core::state::Resume;
use dangxue::store::content::load_builtin;
use dangxue::ui::theme::Theme;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

mod draw;
use draw::{buffer, member_app, render, send, text};

const UNIT: &str = "a000-ulanhot-red-property";

fn now() -> Timestamp {
    "2026-11-20T12:00:00Z".parse().expect("timestamp")
}

fn app(lang: Lang) -> App {
    member_app(lang, load_builtin(), now())
}

/// A member who read on a few days of November 2026: one minute on the 2nd, 12 on
/// the 10th, 45 on the 19th and 20 today (the 20th).
fn with_reading(lang: Lang) -> App {
    let mut a = app(lang);
    for (day, min) in [("02", 1), ("10", 12), ("19", 45), ("20", 20)] {
        a.state.days.insert(format!("2026-11-{day}"), min * 60);
    }
    a
}

#[test]
fn chart_labels_its_scale_days_and_totals_in_chinese() {
    let mut a = with_reading(Lang::Zh);
    send(&mut a, &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home)]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("每日阅读（分钟）"), "{screen}");
    assert!(
        screen.contains("60┤"),
        "scale top is 45 rounded up: {screen}"
    );
    assert!(screen.contains(" 0┤"), "{screen}");
    assert!(screen.contains("今天 20 · 本期 78 分钟"), "{screen}");
    assert!(screen.contains("20"), "{screen}");
    insta::assert_snapshot!("chart_zh_80x24", screen);
}

#[test]
fn chart_in_english_and_at_40x12_without_a_chart() {
    let mut a = with_reading(Lang::En);
    send(&mut a, &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home)]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("today 20 · cycle 78 min"), "{screen}");
    insta::assert_snapshot!("chart_en_80x24", screen);
    send(&mut a, &[Msg::Resize(40, 12)]);
    insta::assert_snapshot!("home_en_40x12", render(&a, 40, 12));
    let mut z = with_reading(Lang::Zh);
    send(&mut z, &[Msg::Resize(40, 12), Msg::GoTab(Tab::Home)]);
    insta::assert_snapshot!("home_zh_40x12", render(&z, 40, 12));
}

#[test]
fn one_minute_does_not_fill_the_chart() {
    let mut a = app(Lang::Zh);
    a.state.days.insert("2026-11-20".into(), 60);
    send(&mut a, &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home)]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("30┤"), "{screen}");
    assert!(
        !screen.contains('█'),
        "one minute of 30 is no full cell: {screen}"
    );
    assert!(screen.contains('▂'), "{screen}");
}

#[test]
fn the_chart_is_never_drawn_in_reverse_video_in_mono() {
    let mut a = with_reading(Lang::Zh);
    send(&mut a, &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home)]);
    let buf = buffer(&a, 80, 24);
    let screen = text(&buf);
    let top = screen
        .lines()
        .position(|l| l.contains("每日阅读"))
        .expect("chart title");
    let mut bars = 0;
    for y in u16::try_from(top).expect("row")..24 {
        for x in 56..80 {
            let cell = &buf[(x, y)];
            assert!(
                !cell.modifier.contains(Modifier::REVERSED),
                "reversed cell at {x},{y}: {screen}"
            );
            if cell.symbol() == "█" {
                bars += 1;
            }
        }
    }
    assert!(bars >= 8, "the 45-minute day is a solid bar: {screen}");
}

#[test]
fn at_120x40_the_chart_shows_the_whole_month() {
    let mut a = with_reading(Lang::Zh);
    send(&mut a, &[Msg::Resize(120, 40), Msg::GoTab(Tab::Home)]);
    let screen = render(&a, 120, 40);
    let labels = screen
        .lines()
        .find(|l| l.contains(" 1 ") && l.contains("30"))
        .unwrap_or_default()
        .to_string();
    assert!(!labels.is_empty(), "days 1 to 30 labelled: {screen}");
    insta::assert_snapshot!("home_zh_120x40", screen);
}

fn missed_one(lang: Lang) -> App {
    let mut a = app(lang);
    send(&mut a, &[Msg::Resize(80, 24)]);
    dangxue::app::update::open_unit(&mut a, UNIT, None);
    send(&mut a, &[Msg::Practice]);
    // q1 right (B); q2 (ABC) missed with D alone: its card quotes a section title.
    send(
        &mut a,
        &[
            Msg::Letter('B'),
            Msg::Enter,
            Msg::Enter,
            Msg::Letter('D'),
            Msg::Enter,
            Msg::Back,
            Msg::Back,
        ],
    );
    assert_eq!(a.state.reviews.len(), 1, "{:?}", a.state.reviews);
    a
}

#[test]
fn review_book_has_a_legend_in_both_languages() {
    let mut a = missed_one(Lang::Zh);
    send(&mut a, &[Msg::GoTab(Tab::Review)]);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("● 已到期  12-03 下次复习  ✗2 答错次数"),
        "{screen}"
    );
    insta::assert_snapshot!("review_zh_80x24", screen);
    insta::assert_snapshot!("review_zh_40x12", render(&a, 40, 12));
    let mut e = missed_one(Lang::En);
    send(&mut e, &[Msg::GoTab(Tab::Review)]);
    let screen = render(&e, 80, 24);
    assert!(
        screen.contains("● due  12-03 next review  ✗2 missed"),
        "{screen}"
    );
    insta::assert_snapshot!("review_en_80x24", screen);
    insta::assert_snapshot!("review_en_40x12", render(&e, 40, 12));
}

#[test]
fn the_passage_of_a_card_opens_without_moving_the_saved_place() {
    let mut a = missed_one(Lang::Zh);
    let saved = a.state.units[UNIT].offset;
    assert_eq!(saved, 0);
    // Make the card due now, open its passage and scroll about in it.
    for c in a.state.reviews.values_mut() {
        c.due = "2026-11-01".into();
    }
    send(&mut a, &[Msg::GoTab(Tab::Review), Msg::OpenPassage]);
    assert_eq!(a.screen, Screen::Reader);
    let top = a.reader.as_ref().map(|r| r.top).unwrap_or_default();
    assert!(top > 0, "the passage is further down than the start");
    send(&mut a, &[Msg::Down, Msg::Down, Msg::PageDown]);
    assert_eq!(a.state.units[UNIT].offset, saved);
    // A dropped link here reopens the look-up, not the member's own place.
    let shown = a
        .reader
        .as_ref()
        .map(|r| r.body.to_source(r.layout.offset_of_line(r.top)));
    assert!(
        matches!(&a.state.resume, Some(Resume::Passage { unit, offset }) if unit == UNIT && Some(*offset) == shown),
        "{:?}",
        a.state.resume
    );
    send(&mut a, &[Msg::Back]);
    assert_eq!(a.screen, Screen::Review);
    // Opening the unit from the library still goes to the saved place.
    dangxue::app::update::open_unit(&mut a, UNIT, None);
    assert_eq!(a.reader.as_ref().map(|r| r.top), Some(0));
}

mod picker {
    use super::*;
    use dangxue::app::picker::Picker;

    fn thirty() -> Vec<(String, String)> {
        (1..=30)
            .map(|i| (format!("m{i:02}"), format!("成员{i}")))
            .collect()
    }

    fn draw(p: &mut Picker, lang: Lang, w: u16, h: u16) -> String {
        p.page = dangxue::ui::picker::list_rows(h);
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        let theme = Theme::new(ThemeName::Mono, true);
        let s = dangxue::strings::get(lang);
        t.draw(|f| dangxue::ui::picker::draw(f, p, s, &theme))
            .expect("draw");
        text(t.backend().buffer())
    }

    #[test]
    fn thirty_profiles_scroll_with_the_selection_and_the_new_entry_in_view() {
        for (lang, w, h) in [
            (Lang::Zh, 80, 24),
            (Lang::En, 80, 24),
            (Lang::Zh, 40, 12),
            (Lang::En, 40, 12),
        ] {
            let mut p = Picker::new(thirty(), &[], "tester");
            let first = draw(&mut p, lang, w, h);
            assert!(first.contains("成员1  (m01)"), "{first}");
            assert!(first.contains("1/31"), "{first}");
            p.update(Msg::Bottom);
            let last = draw(&mut p, lang, w, h);
            let new = if lang == Lang::Zh {
                "+ 新建档案"
            } else {
                "+ new profile"
            };
            assert!(last.contains(new), "{last}");
            assert!(last.contains("成员30  (m30)"), "{last}");
            assert!(last.contains("31/31"), "{last}");
            insta::assert_snapshot!(format!("picker_bottom_{lang:?}_{w}x{h}"), last);
        }
    }

    #[test]
    fn the_picker_searches_and_shows_its_help() {
        let mut p = Picker::new(thirty(), &[], "tester");
        p.update(Msg::SearchStart);
        for c in "m2".chars() {
            p.update(Msg::Char(c));
        }
        let s = draw(&mut p, Lang::Zh, 80, 24);
        assert!(s.contains("搜索：m2▏  (10)"), "{s}");
        assert!(!s.contains("(m01)"), "{s}");
        insta::assert_snapshot!("picker_search_zh_80x24", s);
        p.update(Msg::Enter);
        p.update(Msg::Help);
        let s = draw(&mut p, Lang::En, 80, 24);
        assert!(s.contains("search names and ids"), "{s}");
        assert!(s.contains("change the selected profile's name"), "{s}");
        insta::assert_snapshot!("picker_help_en_80x24", s);
    }

    #[test]
    fn the_new_profile_form_shows_the_id_and_the_roster() {
        let roster = vec![
            ("zhangsan".to_string(), "张三".to_string()),
            ("lisi".to_string(), "李四".to_string()),
        ];
        for (lang, w, h) in [
            (Lang::Zh, 80, 24),
            (Lang::En, 80, 24),
            (Lang::Zh, 40, 12),
            (Lang::En, 40, 12),
        ] {
            let mut p = Picker::new(vec![("tester".into(), "测试员".into())], &roster, "tester");
            p.update(Msg::NewProfile);
            let s = draw(&mut p, lang, w, h);
            assert!(s.contains("tester-2"), "the id it will use: {s}");
            assert!(s.contains("(zhangsan)") && s.contains("(lisi)"), "{s}");
            p.update(Msg::Down);
            p.update(Msg::NextField);
            p.update(Msg::Char('/'));
            assert_eq!(p.update(Msg::Enter), None, "a path separator is refused");
            let s = draw(&mut p, lang, w, h);
            assert!(s.contains("zhangsan/"), "{s}");
            insta::assert_snapshot!(format!("profile_form_{lang:?}_{w}x{h}"), s);
        }
        let mut first = Picker::new(Vec::new(), &[], "tester");
        let s = draw(&mut first, Lang::Zh, 80, 24);
        assert!(s.contains("欢迎使用党学"), "{s}");
        assert!(s.contains("编号: tester"), "{s}");
        insta::assert_snapshot!("first_run_zh_80x24", s);
    }
}

#[test]
fn the_display_name_is_changed_on_home() {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home), Msg::Rename],
    );
    send(&mut a, &[Msg::Backspace, Msg::Backspace]);
    for c in "李四".chars() {
        send(&mut a, &[Msg::Char(c)]);
    }
    let screen = render(&a, 80, 24);
    assert!(screen.contains("修改姓名"), "{screen}");
    assert!(screen.contains("> 李四▏"), "{screen}");
    insta::assert_snapshot!("rename_zh_80x24", screen);
    insta::assert_snapshot!("rename_zh_40x12", render(&a, 40, 12));
    send(&mut a, &[Msg::Enter]);
    assert_eq!(a.state.name, "李四");
    assert!(a.dirty);
    assert_eq!(a.screen, Screen::Home);
    // Esc leaves the name as it was; an empty name is not taken.
    send(&mut a, &[Msg::Rename, Msg::Char('x'), Msg::Back]);
    assert_eq!(a.state.name, "李四");
    send(
        &mut a,
        &[Msg::Rename, Msg::Backspace, Msg::Backspace, Msg::Enter],
    );
    assert_eq!(a.state.name, "李四");
    assert!(a.rename.is_some(), "still typing");
}

mod history {
    use super::*;
    use dangxue::core::state::{CycleReading, CycleWork, Reflection, Talk};

    /// A member with October's evidence: one unit finished, a reflection, a talk.
    fn with_october(lang: Lang) -> App {
        let mut a = app(lang);
        let p = a.state.units.entry(UNIT.into()).or_default();
        p.cycles.insert(
            "2026-10".into(),
            CycleReading {
                seconds: 600,
                reached_end: true,
                finished: Some("2026-10-03T20:11:09+08:00".parse().expect("datetime")),
                ..CycleReading::default()
            },
        );
        a.state.cycles.insert(
            "2026-10".into(),
            CycleWork {
                reflection: Some(Reflection {
                    unit: None,
                    text: "学习红色物业的做法，体会到党建引领基层治理的力量。".into(),
                }),
                talk: Some(Talk {
                    topic: "红色物业进小区".into(),
                    outline: "一、议事角；二、物业企业党组织。".into(),
                    delivered: Some("2026-10-20".parse().expect("date")),
                }),
                ..CycleWork::default()
            },
        );
        a.state.days.insert("2026-09-15".into(), 60);
        a
    }

    #[test]
    fn past_cycles_are_listed_with_their_parts_and_open_into_their_evidence() {
        for (lang, w, h) in [
            (Lang::Zh, 80, 24),
            (Lang::En, 80, 24),
            (Lang::Zh, 40, 12),
            (Lang::En, 40, 12),
        ] {
            let mut a = with_october(lang);
            send(
                &mut a,
                &[Msg::Resize(w, h), Msg::GoTab(Tab::Home), Msg::History],
            );
            assert_eq!(a.screen, Screen::History);
            let list = render(&a, w, h);
            assert!(
                list.contains("2026-10") && list.contains("2026-09"),
                "{list}"
            );
            assert!(
                !list.lines().skip(2).any(|l| l.starts_with("2026-11")),
                "the current cycle is not past: {list}"
            );
            insta::assert_snapshot!(format!("history_{lang:?}_{w}x{h}"), list);
            send(&mut a, &[Msg::Open]);
            let ev = render(&a, w, h);
            assert!(ev.contains("红色物业"), "{ev}");
            insta::assert_snapshot!(format!("history_cycle_{lang:?}_{w}x{h}"), ev);
            send(&mut a, &[Msg::Bottom]);
            let end = render(&a, w, h);
            let survey = if lang == Lang::Zh {
                "调研题目"
            } else {
                "Survey title"
            };
            assert!(end.contains(survey), "the end of the evidence: {end}");
            send(&mut a, &[Msg::Back]);
            assert_eq!(a.history.open, None);
            send(&mut a, &[Msg::Back]);
            assert_eq!(a.screen, Screen::Home);
        }
    }

    #[test]
    fn no_past_cycle_says_so() {
        let mut a = app(Lang::Zh);
        send(
            &mut a,
            &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home), Msg::History],
        );
        let s = render(&a, 80, 24);
        assert!(s.contains("还没有往期记录"), "{s}");
    }
}

/// Three cards due today: q1, q2 and q3 of the red-property unit, missed before.
fn three_due(lang: Lang) -> App {
    let mut a = app(lang);
    send(&mut a, &[Msg::Resize(80, 24)]);
    for q in ["q1", "q2", "q3"] {
        let card = dangxue::core::review::review(None, false, jiff::civil::date(2026, 11, 1));
        a.state.reviews.insert(format!("{UNIT}/{q}"), card);
    }
    for c in a.state.reviews.values_mut() {
        c.due = "2026-11-19".into();
    }
    a
}

#[test]
fn review_all_asks_every_due_card_and_a_missed_one_once_more() {
    let mut a = three_due(Lang::Zh);
    send(&mut a, &[Msg::GoTab(Tab::Review), Msg::ReviewAll]);
    assert_eq!(a.screen, Screen::Quiz);
    assert_eq!(a.quiz.items.len(), 3);
    // q1 (answer B) right, q2 (ABC) missed, q3 (judge, false) right.
    send(&mut a, &[Msg::Letter('B'), Msg::Enter, Msg::Enter]);
    send(&mut a, &[Msg::Letter('A'), Msg::Enter]);
    assert_eq!(a.quiz.items.len(), 4, "the miss comes back once");
    let after_miss = a.state.reviews[&format!("{UNIT}/q2")].clone();
    send(
        &mut a,
        &[Msg::Enter, Msg::Letter('B'), Msg::Enter, Msg::Enter],
    );
    // q2 again, missed again: not a third time, and its card is not moved again.
    assert_eq!(a.quiz.index, 3);
    send(&mut a, &[Msg::Letter('D'), Msg::Enter]);
    assert_eq!(a.quiz.items.len(), 4);
    assert_eq!(a.state.reviews[&format!("{UNIT}/q2")], after_miss);
    send(&mut a, &[Msg::Enter]);
    assert!(a.quiz.summary);
    let s = render(&a, 80, 24);
    assert!(
        s.contains("复习 3 题：记得 2 题，重来 1 题（再问时答对 0 题）"),
        "{s}"
    );
    insta::assert_snapshot!("review_all_summary_zh_80x24", s);
    insta::assert_snapshot!("review_all_summary_zh_40x12", render(&a, 40, 12));
    // Cards remembered are no longer due today.
    let due = a.due_reviews();
    assert!(
        !due.iter().any(|k| k.ends_with("q1") || k.ends_with("q3")),
        "{due:?}"
    );
    send(&mut a, &[Msg::Back]);
    assert_eq!(a.screen, Screen::Review);

    let mut e = three_due(Lang::En);
    send(&mut e, &[Msg::GoTab(Tab::Review), Msg::ReviewAll]);
    for _ in 0..3 {
        send(&mut e, &[Msg::NextQuestion]);
    }
    let s = render(&e, 80, 24);
    assert!(s.contains("Reviewed 3: 0 remembered, 0 again"), "{s}");
    insta::assert_snapshot!("review_all_summary_en_80x24", s);
    insta::assert_snapshot!("review_all_summary_en_40x12", render(&e, 40, 12));
}

#[test]
fn review_all_with_nothing_due_says_so() {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[Msg::Resize(80, 24), Msg::GoTab(Tab::Review), Msg::ReviewAll],
    );
    assert_eq!(a.screen, Screen::Review);
    assert_eq!(a.notice.as_deref(), Some("今天没有到期的题"));
}
