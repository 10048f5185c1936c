//! A dropped link reopens the screen the member was on, 错题本 included; and a place in
//! a body with tabs means the same text after a quit, a hang-up and a width change.
//! The real binary in a pseudo-terminal, then the state file it wrote.

mod support;

use std::path::Path;

use support::{Pty, home, state};

const UNIT: &str = "a000-ulanhot-red-property";
const TABS: &str = "t001-tabs";

/// The first body row of the reader.
fn first_body_line(screen: &str) -> String {
    // Below the title-and-metadata row and the rule.
    screen.lines().nth(2).unwrap_or("").trim().to_string()
}

/// A card of `key` (`unit/question`) due long ago.
fn due_card(key: &str) -> String {
    format!(
        "[reviews.\"{key}\"]\ndue = \"2026-01-01\"\nstability = 1.0\ndifficulty = 5.0\n\
         reps = 0\nlapses = 1\nlast = \"2025-12-31\"\n\n"
    )
}

fn write_state(h: &Path, id: &str, rest: &str) {
    support::write_member(h, id, id, rest);
}

/// The body of the tab unit: eighty short paragraphs, each with tabs before and
/// inside it, so a place counted in the drawn text (a tab is four spaces there)
/// drifts further with every paragraph.
fn tab_body() -> String {
    (1..=80)
        .map(|n| {
            if n == 50 {
                "\t\t第50段\t第五十段的要点在此处，用来查找。".to_string()
            } else {
                format!("\t\t第{n:02}段\t这是含有制表符的段落，\t用来检验阅读位置。")
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A home whose content adds the tab unit, with one question on paragraph 50.
fn tab_home() -> tempfile::TempDir {
    let h = home();
    let units = h.path().join("units");
    std::fs::create_dir_all(&units).expect("units");
    std::fs::write(
        units.join(format!("{TABS}.md")),
        format!(
            "+++\nid = \"{TABS}\"\ntitle = \"制表符段落测试\"\nkind = \"article\"\n\n\
             [[questions]]\nid = \"q1\"\ntype = \"judge\"\nprompt = \"第五十段有要点。\"\n\
             answer = true\nexplain = \"文中“第五十段的要点在此处”。\"\n+++\n{}\n",
            tab_body()
        ),
    )
    .expect("unit");
    support::write_config(h.path(), "content_dirs = [\"units\"]\n");
    h
}

/// The tab unit's body as the program reads it.
fn source_body(h: &Path) -> String {
    let path = h.join("units").join(format!("{TABS}.md"));
    dangxue::core::unit::parse(&std::fs::read_to_string(path).expect("unit"))
        .expect("the unit parses")
        .body
}

/// The text a body offset starts with, tabs drawn as the reader draws them.
fn text_at(body: &str, offset: usize) -> String {
    let at = body
        .get(offset..)
        .unwrap_or_else(|| panic!("offset {offset} is not a place in the body"));
    at.lines()
        .next()
        .unwrap_or("")
        .replace('\t', "    ")
        .trim()
        .to_string()
}

#[test]
fn after_a_review_the_unit_read_next_is_reopened_after_a_hang_up() {
    let h = home();
    write_state(h.path(), "zhangsan", &due_card(&format!("{UNIT}/q1")));
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for("学习库");
    // Review the one due card from 错题本 and go back to the list.
    p.keys("3");
    p.wait_for("已到期");
    p.keys("\r");
    p.wait_for("第 1/1");
    p.keys("B\r");
    p.wait_for("回答正确");
    p.keys("q");
    p.wait_for("下次复习");
    // Then read a unit, and the link drops.
    p.keys("2");
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
    let top = p.screen();
    p.keys("jjjjj");
    p.wait_until("scrolled lines", |s| {
        first_body_line(s) != first_body_line(&top)
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    let line = first_body_line(&p.screen());
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    let st = state(h.path(), "zhangsan");
    assert_eq!(
        st.get("resume")
            .and_then(|r| r.get("reader"))
            .and_then(|r| r.as_str()),
        Some(UNIT),
        "{st:#?}"
    );
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    let s = p.wait_until("the unit at its place", |s| first_body_line(s) == line);
    assert!(s.contains("红色物业 凝聚基层治理合力"), "{s}");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_hang_up_in_a_review_of_every_due_card_reopens_the_review_book() {
    let h = home();
    let cards = format!(
        "{}{}",
        due_card(&format!("{UNIT}/q1")),
        due_card(&format!("{UNIT}/q3"))
    );
    write_state(h.path(), "lisi", &cards);
    let mut p = Pty::start(h.path(), &["--member", "lisi"], 80, 24);
    p.wait_for("学习库");
    p.keys("3");
    p.wait_for("已到期");
    p.keys("a");
    p.wait_for("第 1/2");
    // The first card answered, the link drops on the second.
    p.keys("B\r");
    p.wait_for("回答正确");
    p.keys("\r");
    p.wait_for("第 2/2");
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    let st = state(h.path(), "lisi");
    assert_eq!(
        st.get("resume").and_then(|r| r.as_str()),
        Some("review"),
        "{st:#?}"
    );
    // 错题本 again: the card answered is rescheduled, the other still due.
    let mut p = Pty::start(h.path(), &["--member", "lisi"], 80, 24);
    let s = p.wait_for("下次复习");
    assert!(s.contains("已到期"), "{s}");
    let due = st["reviews"][&format!("{UNIT}/q3")]["due"].as_str();
    assert_eq!(due, Some("2026-01-01"), "the unanswered card is untouched");
    assert_ne!(
        st["reviews"][&format!("{UNIT}/q1")]["due"].as_str(),
        Some("2026-01-01"),
        "the answered card is rescheduled"
    );
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn a_passage_looked_up_in_a_body_with_tabs_opens_at_its_text_and_is_reopened_after_a_hang_up() {
    let h = tab_home();
    write_state(h.path(), "wangwu", &due_card(&format!("{TABS}/q1")));
    let mut p = Pty::start(h.path(), &["--member", "wangwu"], 80, 24);
    p.wait_for("学习库");
    p.keys("3");
    p.wait_for("已到期");
    p.keys("o");
    // The passage is the first line shown, not some lines above it.
    let s = p.wait_until("the passage on top", |s| {
        first_body_line(s).contains("第五十段的要点在此处")
    });
    assert!(s.contains("制表符段落测试"), "{s}");
    p.keys("jj");
    let moved = p.wait_until("two lines further", |s| {
        first_body_line(s).starts_with("第51段")
    });
    let line = first_body_line(&moved);
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    let st = state(h.path(), "wangwu");
    let passage = st
        .get("resume")
        .and_then(|r| r.get("passage"))
        .unwrap_or_else(|| panic!("a look-up to reopen: {st:#?}"));
    assert_eq!(passage["unit"].as_str(), Some(TABS));
    let offset = usize::try_from(passage["offset"].as_integer().expect("offset")).expect("usize");
    assert_eq!(text_at(&source_body(h.path()), offset), line);
    // The look-up left the member's own place alone.
    assert_eq!(st["units"][TABS]["offset"].as_integer(), Some(0), "{st:#?}");
    let mut p = Pty::start(h.path(), &["--member", "wangwu"], 80, 24);
    p.wait_until("the same lines", |s| first_body_line(s) == line);
    // Leaving it goes back to 错题本, as before the hang-up.
    p.keys("q");
    p.wait_for("下次复习");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

/// Scroll the reader down by `n` lines.
fn scroll(p: &mut Pty, n: usize) -> String {
    let top = first_body_line(&p.screen());
    p.keys(&"j".repeat(n));
    p.wait_until("scrolled", |s| first_body_line(s) != top);
    std::thread::sleep(std::time::Duration::from_millis(300));
    first_body_line(&p.screen())
}

#[test]
fn the_place_in_a_body_with_tabs_survives_quit_reopen_and_width_changes() {
    let h = tab_home();
    let body = source_body(h.path());
    let mut p = Pty::start(h.path(), &["--member", "zhaoliu"], 80, 24);
    p.open_by_search("制表符段落测试", "第01段");
    let line = scroll(&mut p, 60);
    assert!(line.starts_with('第'), "a paragraph on top: {line}");
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);

    let st = state(h.path(), "zhaoliu");
    let u = &st["units"][TABS];
    let offset = usize::try_from(u["offset"].as_integer().expect("offset")).expect("usize");
    assert_eq!(
        text_at(&body, offset),
        line,
        "the stored place is that text"
    );
    let furthest = usize::try_from(u["furthest"].as_integer().expect("furthest")).expect("usize");
    assert!(
        offset < furthest && furthest < body.len(),
        "{offset} < {furthest} < {}",
        body.len()
    );

    // Reopened at the same width: the same line on top.
    let mut p = Pty::start(h.path(), &["--member", "zhaoliu"], 80, 24);
    p.open_by_search("制表符段落测试", &line);
    assert_eq!(first_body_line(&p.screen()), line);
    // Narrower and back: the paragraph on top stays on top. (At 40 columns it takes
    // two rows: the second is what tells a redrawn screen from a cut one.)
    p.resize(40, 24);
    p.wait_until("the paragraph at 40 columns", |s| {
        let top = first_body_line(s);
        let next = s.lines().nth(3).unwrap_or("").trim().to_string();
        !top.is_empty() && line.starts_with(&top) && line.ends_with(&next) && !next.is_empty()
    });
    p.resize(80, 24);
    p.wait_until("the paragraph at 80 columns", |s| {
        first_body_line(s) == line
    });
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let again = state(h.path(), "zhaoliu");
    assert_eq!(
        again["units"][TABS]["offset"].as_integer(),
        u["offset"].as_integer()
    );

    // Opened narrow after a quit: the paragraph on top again.
    let mut p = Pty::start(h.path(), &["--member", "zhaoliu"], 40, 24);
    p.wait_for("学习库");
    p.keys("/");
    p.keys("制表符段落测试");
    p.wait_until("one unit listed", |s| s.contains(" 1/1"));
    p.keys("\r\r");
    p.wait_until("the paragraph at 40 columns", |s| {
        let top = first_body_line(s);
        !top.is_empty() && line.starts_with(&top)
    });
    // Read to the end: the furthest place is the whole body, not more.
    p.keys("G");
    p.wait_for("100%");
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let st = state(h.path(), "zhaoliu");
    assert_eq!(
        st["units"][TABS]["furthest"].as_integer(),
        i64::try_from(body.len()).ok()
    );
}

#[test]
fn a_quick_shrink_and_grow_repaints_the_whole_screen() {
    let h = tab_home();
    let mut p = Pty::start(h.path(), &["--member", "sunqi"], 80, 24);
    p.open_by_search("制表符段落测试", "第01段");
    let line = first_body_line(&p.screen());
    assert!(line.ends_with("用来检验阅读位置。"), "{line}");
    // A terminal cuts its rows when it shrinks; grown back before the program drew for
    // the small size, the size it reads is the one it drew for.
    p.resize(40, 24);
    p.resize(80, 24);
    p.wait_until("whole lines again", |s| first_body_line(s) == line);
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

/// A cycle test of December 2026 begun and not answered yet: questions q1 (single),
/// q3 (judge) and q4 (single) of the red-property unit.
fn open_test() -> String {
    let answers = ["q1", "q3", "q4"].map(|q| {
        format!(
            "[[cycles.\"2026-12\".test.answers]]\nunit = \"{UNIT}\"\nquestion = \"{q}\"\n\
             given = \"\"\n\n"
        )
    });
    let answers = answers.concat();
    format!(
        "[cycles.\"2026-12\".test]\ntaken = 2026-12-10T09:00:00+08:00\nsubmitted = false\n\n\
         {answers}"
    )
}

/// What was given to each question of the December test, in order.
fn test_answers(st: &toml::Table) -> Vec<String> {
    st["cycles"]["2026-12"]["test"]["answers"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|g| g["given"].as_str().unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_hang_up_in_the_cycle_test_reopens_it_at_the_question_on_screen() {
    let h = home();
    write_state(h.path(), "zhangsan", &open_test());
    let start = "2026-12-10 10:00:00";
    let mut p = Pty::start_at(h.path(), &["--member", "zhangsan"], start, "Asia/Shanghai");
    p.wait_for("学习库");
    p.keys("1");
    p.wait_for("测试进行中");
    p.keys("x");
    p.wait_for("第 1/3 题");
    // Answer the first question, pass over the second unanswered, and the link drops
    // on the third: the first unanswered one is not where the member was.
    p.keys("b");
    p.wait_for("(•)");
    p.keys("\r");
    p.wait_for("第 2/3 题");
    p.keys("\r");
    p.wait_for("第 3/3 题");
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    let st = state(h.path(), "zhangsan");
    assert_eq!(test_answers(&st), ["B", "", ""], "{st:#?}");
    let place = st.get("resume").and_then(|r| r.get("test"));
    assert_eq!(
        place
            .and_then(|t| t.get("question"))
            .and_then(toml::Value::as_integer),
        Some(2),
        "{st:#?}"
    );

    let mut p = Pty::start_at(h.path(), &["--member", "zhangsan"], start, "Asia/Shanghai");
    let s = p.wait_for("第 3/3 题");
    assert!(s.contains("本期测试") && s.contains("1✓"), "{s}");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
    let st = state(h.path(), "zhangsan");
    assert_eq!(test_answers(&st), ["B", "", ""], "{st:#?}");
    assert_eq!(
        st["cycles"]["2026-12"]["test"]["submitted"].as_bool(),
        Some(false),
        "not handed in: {st:#?}"
    );
}

#[test]
fn a_hang_up_in_a_past_cycle_s_evidence_reopens_it() {
    let h = home();
    write_state(
        h.path(),
        "zhangsan",
        "[cycles.2026-10.reflection]\ntext = \"十月的心得：红色物业让小区议事有了去处。\"\n",
    );
    let start = "2026-11-20 12:00:00";
    let mut p = Pty::start_at(h.path(), &["--member", "zhangsan"], start, "Asia/Shanghai");
    p.wait_for("学习库");
    p.keys("1");
    p.wait_for("h 往期");
    p.keys("h");
    p.wait_for("往期记录 · 1/1");
    p.keys("\r");
    p.wait_for("十月的心得");
    p.signal("HUP");
    assert_eq!(p.wait_exit(), 129);
    let mut p = Pty::start_at(h.path(), &["--member", "zhangsan"], start, "Asia/Shanghai");
    p.wait_for("十月的心得");
    // Leaving it goes to the list and then to 本月, as when it was opened by hand.
    p.keys("q");
    p.wait_for("往期记录 · 1/1");
    p.keys("q");
    p.wait_for("h 往期");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
}
