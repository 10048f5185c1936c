//! A fair record for the member, end to end in a pseudo-terminal: the keys of the quiz
//! and the test never cost a mark, "read" means what the rules say, dates follow the
//! member's zone, and midnight at a cycle's end loses nothing. Clocks are set with
//! libfaketime.

mod support;

use support::{
    Pty, content_unit, home, home_with_config, right_keys, test_answers, wait_question,
    write_config,
};

/// A UTC server, a member in Shanghai: at 20:00 UTC on 1 November it is already
/// 2 November for the member, and the calendar must underline the 2nd.
#[test]
fn the_calendar_underlines_the_members_today_not_the_servers() {
    let h = home_with_config("timezone = \"Asia/Shanghai\"\n");
    let mut p = Pty::member_at(h.path(), "zhangsan", "2026-11-01 20:00:00");
    p.keys("1");
    p.wait_for("2026年11月");
    // The active tab is underlined too; the calendar's days are the numeric cells.
    let underlined: Vec<String> = p
        .underlined()
        .into_iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert_eq!(
        underlined,
        vec!["2".to_string()],
        "{underlined:?}\n{}",
        p.screen()
    );
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
}

const UNIT_SEARCH: &str = "凝聚基层治理合力";
const UNIT_TITLE: &str = "红色物业 凝聚基层治理合力";

/// The library row of the unit under test.
fn library_row(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains("红色物业 凝聚"))
        .unwrap_or_else(|| panic!("no library row for the unit:\n{screen}"))
        .to_string()
}

/// Wait until the library lists the unit under test with `status` in its row, and
/// return that row. A frame can arrive in parts (the row the cursor was on goes
/// first), so the title 学习库 alone does not mean the rows below it are drawn.
fn wait_library_row(p: &Pty, status: &str) -> String {
    let s = p.wait_until(&format!("the unit's library row with {status:?}"), |s| {
        s.contains("学习库")
            && s.lines()
                .any(|l| l.contains("红色物业 凝聚") && l.contains(status))
    });
    library_row(&s)
}

/// Wait until the member's record on disk says the unit under test reached its end
/// in `cycle`: the program draws a key's frame first and saves after it, so a
/// command run as soon as the screen changed could read the record before the save.
fn wait_reached_end_saved(home: &std::path::Path, cycle: &str) {
    let start = std::time::Instant::now();
    loop {
        let st = support::state(home, "zhangsan");
        let reached = st
            .get("units")
            .and_then(|u| u.get(A000))
            .and_then(|u| u.get("cycles"))
            .and_then(|c| c.get(cycle))
            .and_then(|c| c.get("reached_end"))
            .and_then(toml::Value::as_bool);
        if reached == Some(true) {
            return;
        }
        assert!(
            start.elapsed() < support::WAIT,
            "the record never said the end was reached in {cycle}: {st:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Finding 6: "read" means the last line reached AND `min_seconds` spent, idle time not
/// counted, per cycle; the library, 本月 and `status` say the same, and the reader
/// shows 100% with the time still needed.
#[test]
fn read_means_the_end_reached_and_the_time_spent_in_this_cycle() {
    let h = home_with_config("timezone = \"UTC\"\n[read]\nmin_seconds = 8\nidle_seconds = 3\n");
    let mut p = Pty::member_at(h.path(), "zhangsan", "2026-11-30 12:00:00");
    p.open_by_search(UNIT_SEARCH, "栏目 广角");
    p.wait_for("计时中");
    p.keys("G");
    // The end is reached at once, but the time is short; a key was just pressed. The
    // footer keeps its words at the end (no redraw for reaching it): 100% and the
    // time still needed say it.
    p.wait_until("the end reached, timing", |s| {
        s.contains(" 100%  计时中 · 已读 不到 1 分 · 还需 1 分")
    });
    p.keys("q");
    let row = wait_library_row(&p, "读完·还需");
    assert!(row.contains("读完·还需"), "{row}");
    assert!(!row.contains("已读") && !row.contains("已计入"), "{row}");
    wait_reached_end_saved(h.path(), "2026-11");
    let (_, status, _) = support::run(
        h.path(),
        &["--member", "zhangsan", "status", "--cycle", "2026-11"],
    );
    assert!(status.contains("读完·还需"), "{status}");
    // Back in the reader with no key pressed: after idle_seconds time stops counting.
    p.keys("\r");
    p.wait_for("栏目 广角");
    // The whole status, not its first words: the footer row can arrive in parts.
    let s = p.wait_until("the idle status", |s| {
        s.contains(" 100%  闲置，不计时 · 已读 不到 1 分 · 还需 1 分")
    });
    assert!(
        s.contains(" 100%  闲置，不计时 · 已读 不到 1 分 · 还需 1 分"),
        "{s}"
    );
    // Keys keep the clock running until the rule is met.
    p.press_until("k", "已计入本月 ✓", std::time::Duration::from_millis(700));
    p.keys("q");
    let row = wait_library_row(&p, "已计入本月 ✓");
    assert!(row.contains("已计入本月 ✓"), "{row}");
    // The first `q` clears the search, the second quits.
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let (_, status, _) = support::run(
        h.path(),
        &["--member", "zhangsan", "status", "--cycle", "2026-11"],
    );
    assert!(status.contains(&format!("✓ {UNIT_TITLE}")), "{status}");
    assert!(status.contains("1/4"), "{status}");

    // The next cycle: last month's reading does not make the unit read again.
    let mut p = Pty::member_at(h.path(), "zhangsan", "2026-12-01 09:00:00");
    p.keys("/");
    p.keys(UNIT_SEARCH);
    p.wait_one_match();
    let row = wait_library_row(&p, "未读");
    assert!(row.contains("未读"), "{row}");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
}

// ---- the quiz and the test -------------------------------------------------------

use dangxue::core::unit::{Answer, Question, QuestionType, Unit};

const A000: &str = "a000-ulanhot-red-property";

fn a000() -> Unit {
    content_unit("articles/000/a000-ulanhot-red-property.md")
}

/// Rules small enough to finish a unit in a second and draw all six of its questions.
const QUICK: &str = "\
timezone = \"UTC\"
[read]
units = 1
min_seconds = 1
[study]
questions = 6
pass_score = 100
";

fn quick_home() -> tempfile::TempDir {
    home_with_config(QUICK)
}

/// Open a000 and read it to the end until it counts.
fn read_a000(p: &mut Pty) {
    p.open_by_search(UNIT_SEARCH, "栏目 广角");
    p.keys("G");
    p.press_until("G", "已计入本月 ✓", std::time::Duration::from_millis(300));
}

/// Read a000 until it counts, go to 本月 and press `x`: the screen with the dialog
/// that starts the cycle test.
fn ask_for_the_test(p: &mut Pty) -> String {
    read_a000(p);
    p.keys("q");
    p.keys("1");
    p.wait_for("1/1 ·");
    // The pool holds units finished before the test began, in whole seconds.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    p.keys("x");
    p.wait_for("开始本期测试")
}

/// The text inside the dialog box on screen, its rows joined, spaces removed.
fn dialog_text(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| {
            let a = l.find('│')?;
            let b = l.rfind('│')?;
            (b > a).then(|| l[a + '│'.len_utf8()..b].to_string())
        })
        .collect::<String>()
        .chars()
        .filter(|c| *c != ' ')
        .collect()
}

/// Findings 1, 3 and 4: in the test, letters pick or toggle, arrows never change an
/// answer, Enter moves on and never hands in; leaving and reopening goes to the first
/// unanswered question and 本月 says how far the test is; handing in takes `y` in a
/// dialog naming what is unanswered; the result reviews every question and the wrong
/// ones go into 错题本; the completion file says when the test was handed in.
#[test]
fn the_test_keys_never_cost_a_mark_and_the_result_is_a_review() {
    let u = a000();
    let h = quick_home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    let s = ask_for_the_test(&mut p);
    let flat = dialog_text(&s);
    assert!(
        flat.contains("已读完1篇") && flat.contains("只从已读完的单元"),
        "{s}"
    );
    // Enter in the dialog does nothing: only y starts.
    p.keys("\r");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(p.screen().contains("开始本期测试"), "{}", p.screen());
    p.keys("y");
    p.wait_for("第 1/6 题");

    let mut expected: Vec<(String, String)> = Vec::new();
    let mut fill_at = None;
    let mut before: Option<&Question> = None;
    for i in 1..=3 {
        let (_, q) = wait_question(&p, &u, &format!("第 {i}/6 题"), before);
        before = Some(q);
        match q.qtype {
            // a c d Enter is A, C and D: Enter does not toggle the row under the cursor.
            QuestionType::Multiple => {
                p.keys("acd");
                p.wait_for("[x] D");
                p.keys("\r");
                expected.push((q.id.clone(), "ACD".into()));
            }
            // The arrows move the cursor to re-read the choices; Enter keeps the answer.
            QuestionType::Single | QuestionType::Judge => {
                let letters = right_keys(q);
                p.keys(&letters);
                p.wait_for("(•)");
                p.send("\u{1b}[B");
                p.send("\u{1b}[B");
                p.keys("\r");
                let given = match (&q.answer, q.qtype) {
                    (Answer::Judge(b), _) => b.to_string(),
                    _ => letters.to_uppercase(),
                };
                expected.push((q.id.clone(), given));
            }
            QuestionType::Fill => {
                fill_at = Some(i);
                p.keys("\r");
                expected.push((q.id.clone(), String::new()));
            }
        }
    }
    p.wait_for("第 4/6 题");
    let answered = expected.iter().filter(|(_, g)| !g.is_empty()).count();
    // Leave the test: 本月 says it is in progress, not "not taken".
    p.keys("q");
    p.wait_for(&format!("测试进行中（已答 {answered}/6）"));
    // Reopening goes to the first unanswered question.
    p.keys("x");
    let first_open = fill_at.unwrap_or(4);
    let s = p.wait_for(&format!("第 {first_open}/6 题"));
    assert!(
        s.contains("1✓") || first_open == 1,
        "the strip shows answered ones:\n{s}"
    );
    // Jump to question 4 with its digit and answer the rest except the fill.
    p.keys("4");
    for i in 4..=6 {
        let (_, q) = wait_question(&p, &u, &format!("第 {i}/6 题"), before);
        before = Some(q);
        if q.qtype == QuestionType::Fill {
            expected.push((q.id.clone(), String::new()));
            p.keys("\r");
            continue;
        }
        let letters = right_keys(q);
        p.keys(&letters);
        p.wait_until("the answer marked", |s| {
            s.contains("(•)") || s.contains("[x]")
        });
        let given = match (&q.answer, q.qtype) {
            (Answer::Judge(b), _) => b.to_string(),
            _ => letters.to_uppercase(),
        };
        expected.push((q.id.clone(), given));
        if i < 6 {
            p.keys("\r");
        }
    }
    // Enter after Enter on the last question never hands the test in.
    for _ in 0..4 {
        p.keys("\r");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    let s = p.screen();
    assert!(!s.contains("得分") && !s.contains("确认交卷"), "{s}");
    let st = support::state(h.path(), "zhangsan");
    let cycle = st["cycles"]
        .as_table()
        .expect("cycles")
        .keys()
        .next()
        .expect("a cycle")
        .clone();
    let mut want = expected.clone();
    want.sort();
    // Each answer is saved as it is given; allow the save a moment after the frame.
    let start = std::time::Instant::now();
    let got = loop {
        let got = test_answers(h.path(), &cycle);
        let mut sorted = got.clone();
        sorted.sort();
        if sorted == want || start.elapsed() > std::time::Duration::from_secs(3) {
            assert_eq!(sorted, want, "saved answers");
            break got;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(
        st["cycles"][&cycle]["test"].get("submitted").is_none()
            || st["cycles"][&cycle]["test"]["submitted"].as_bool() == Some(false)
    );
    // Hand in: the dialog names the unanswered question; Enter there does nothing.
    let fill_pos = got
        .iter()
        .position(|(_, g)| g.is_empty())
        .expect("the fill is open")
        + 1;
    p.keys("\u{13}");
    let s = p.wait_for("确认交卷");
    let flat = dialog_text(&s);
    assert!(flat.contains(&format!("未答：第{fill_pos}题")), "{s}");
    p.keys("\r\r");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(p.screen().contains("确认交卷"), "{}", p.screen());
    p.keys("y");
    let s = p.wait_for("得分");
    assert!(s.contains("你的答案：") && s.contains("答案："), "{s}");
    assert!(s.contains("解析："), "{s}");
    assert!(!s.contains("错题本是空的"), "{s}");
    p.keys("q");
    p.wait_for("月学");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);

    let st = support::state(h.path(), "zhangsan");
    let test = &st["cycles"][&cycle]["test"];
    assert_eq!(test["submitted"].as_bool(), Some(true));
    assert!(test.get("submitted_at").is_some(), "{test:?}");
    // The wrong answers (ACD for ABC, and the open fill) are in the 错题本.
    let reviews = st["reviews"].as_table().expect("reviews");
    for (qid, given) in &expected {
        let q = u.questions.iter().find(|q| &q.id == qid).expect("question");
        let wrong = !dangxue::core::quiz::is_correct(q, given);
        assert_eq!(
            reviews.contains_key(&format!("{A000}/{qid}")),
            wrong,
            "{qid} given {given:?}: {reviews:?}"
        );
    }
    // The completion file records when it was handed in.
    let out = h.path().join("out.toml");
    support::export(h.path(), Some(&cycle), &out);
    let text = std::fs::read_to_string(&out).expect("exported");
    assert!(text.contains("\nsubmitted = "), "{text}");
}

/// Findings 2, 5 and 11: in practice, Enter with nothing chosen submits nothing; `n`
/// and `p` skip and go back; in a fill answer every key is text; `９８%。` matches
/// `98%`; a retry of a missed question in the same sitting is one lapse; the sitting
/// ends with a summary.
#[test]
fn practice_skips_keeps_text_as_text_and_sums_up() {
    let h = quick_home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search(UNIT_SEARCH, "栏目 广角");
    p.keys("t");
    p.wait_for("第 1/6 题");
    p.keys("\r");
    let s = p.wait_for("还没有作答");
    assert!(!s.contains("回答正确") && !s.contains("回答错误"), "{s}");
    p.keys("n");
    p.wait_for("第 2/6 题");
    p.keys("p");
    p.wait_for("第 1/6 题");
    // q1 (B): pick, move the cursor away, Enter keeps B.
    p.keys("b");
    p.send("\u{1b}[B");
    p.send("\u{1b}[B");
    p.keys("\r");
    p.wait_for("回答正确");
    p.keys("\r");
    p.wait_for("第 2/6 题");
    p.keys("abc\r");
    p.wait_for("回答正确");
    p.keys("\r");
    // q3 (false): wrong, retry, wrong again.
    p.wait_for("第 3/6 题");
    p.keys("a\r");
    p.wait_for("回答错误");
    p.keys("r");
    p.wait_until("the retry", |s| !s.contains("回答错误"));
    p.keys("a\r");
    p.wait_for("回答错误");
    p.keys("\r");
    p.wait_for("第 4/6 题");
    p.keys("n");
    // q5 (fill): n, p and q are text; full-width digits and the full stop still match.
    p.wait_for("第 5/6 题");
    p.keys("npq");
    p.wait_for("> npq");
    p.keys("\u{7f}\u{7f}\u{7f}");
    p.wait_until("the text cleared", |s| !s.contains("npq"));
    p.keys("９８%。");
    p.wait_for("> ９８%。");
    p.keys("\r");
    p.wait_for("回答正确");
    p.keys("\r");
    p.wait_for("第 6/6 题");
    p.keys("a\r");
    p.wait_for("回答正确");
    p.keys("\r");
    p.wait_for("本次练习 4/5 对，跳过 1 题");
    p.keys("\r");
    p.wait_for("栏目 广角");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
    let st = support::state(h.path(), "zhangsan");
    let card = &st["reviews"][&format!("{A000}/q3")];
    assert_eq!(card["lapses"].as_integer(), Some(1), "{card:?}");
    assert!(
        st["reviews"].get(format!("{A000}/q4")).is_none(),
        "a skipped question is not a lapse"
    );
}

/// Finding 11: a list answer with 、 and a closing 。 matches the accepted form.
#[test]
fn a_fill_answer_with_separators_and_a_full_stop_is_right() {
    let h = quick_home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search("第六章 党的干部", "第六章");
    p.keys("t");
    p.wait_for("第 1/");
    p.keys("nnnn");
    p.wait_for("[填空]");
    p.keys("忠诚、干净、担当。\r");
    p.wait_for("回答正确");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
}

/// Finding 9: a card whose stability fell below 0.01 (seven misses in a day) once
/// crashed the program at the next miss, every time; it is repaired instead.
#[test]
fn a_card_with_a_tiny_stability_does_not_crash_the_next_miss() {
    let h = quick_home();
    std::fs::create_dir_all(h.path().join("members")).expect("members dir");
    std::fs::write(
        h.path().join("members/zhangsan.toml"),
        format!(
            "format = 1\nmember_id = \"zhangsan\"\nname = \"张三\"\n\n[reviews.\"{A000}/q1\"]\ndue = \"2026-01-03\"\nstability = 0.0063\ndifficulty = 10.0\nreps = 0\nlapses = 8\nlast = \"2026-01-02\"\n"
        ),
    )
    .expect("write state");
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search(UNIT_SEARCH, "栏目 广角");
    p.keys("t");
    p.wait_for("第 1/6 题");
    p.keys("a\r");
    p.wait_for("回答错误");
    p.keys("\u{3}");
    assert_eq!(p.wait_exit(), 0);
    let st = support::state(h.path(), "zhangsan");
    let card = &st["reviews"][&format!("{A000}/q1")];
    let s = card["stability"].as_float().expect("stability");
    assert!(s >= 0.01, "{card:?}");
    assert_eq!(card["lapses"].as_integer(), Some(9));
}

// ---- midnight at a cycle's end ---------------------------------------------------

const PLAN: &str = "\
format = \"dangxue-plan/1\"

[[cycle]]
name = \"2026-11\"
units = [\"a000-ulanhot-red-property\"]
talk_theme = \"十一月的主题\"

[[cycle]]
name = \"2026-12\"
units = [\"c06-cadres\"]
talk_theme = \"十二月的主题\"
";

/// A home whose plan gives November a000 and December c06, with quick rules.
fn planned_home() -> tempfile::TempDir {
    let h = home();
    let plan = h.path().join("plan.toml");
    std::fs::write(&plan, PLAN).expect("write plan");
    write_config(
        h.path(),
        &format!("plan = {}\n{QUICK}", support::toml_path(&plan)),
    );
    h
}

/// Finding 8: a test begun on the last evening of November and still open at
/// midnight is handed in as November's, with November's draw; 本月 then shows
/// December's plan; the secretary's report verifies the November file.
#[test]
fn a_test_open_at_midnight_is_handed_in_as_its_own_cycles() {
    let u = a000();
    let h = planned_home();
    let mut p = Pty::member_at(h.path(), "zhangsan", "2026-11-30 23:59:45");
    ask_for_the_test(&mut p);
    p.keys("y");
    let s = p.wait_for("第 1/6 题");
    assert!(s.contains("2026-11"), "{s}");
    // Wait for midnight, with the test open.
    let start = std::time::Instant::now();
    while !p.screen().contains("新的一期已开始") {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(40),
            "midnight never came:\n{}",
            p.screen()
        );
        // Look at the frame a key brought only once it is drawn: the notice lasts
        // until the next key.
        p.keys("k");
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    // Still November's test: answer every question right and hand it in.
    let mut before: Option<&Question> = None;
    for i in 1..=6 {
        // The number is drawn above the prompt and a frame can arrive in parts: wait
        // until the prompt on screen is a question other than the one just answered.
        let (s, q) = wait_question(&p, &u, &format!("第 {i}/6 题"), before);
        assert!(s.contains("2026-11"), "{s}");
        before = Some(q);
        p.keys(&right_keys(q));
        p.wait_for(&format!("{i}/6"));
        std::thread::sleep(std::time::Duration::from_millis(100));
        p.keys("\r");
    }
    p.keys("\u{13}");
    p.wait_for("确认交卷");
    p.keys("y");
    p.wait_for("得分 100");
    p.keys("q");
    // 本月 is December's now, with December's plan. The frame replaces the result on
    // every row and can arrive in parts: wait for the plan's unit as well as its topic.
    let s = p.wait_until("December's 本月 with its plan", |s| {
        s.contains("十二月的主题") && s.contains("党的干部") && s.contains("2026-12")
    });
    assert!(s.contains("党的干部"), "{s}");
    assert!(s.contains("2026-12"), "{s}");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);

    let st = support::state(h.path(), "zhangsan");
    assert_eq!(
        st["cycles"]["2026-11"]["test"]["submitted"].as_bool(),
        Some(true)
    );
    assert!(
        st["cycles"]
            .get("2026-12")
            .and_then(|c| c.get("test"))
            .is_none(),
        "December's one test is still to be taken"
    );
    let drop = h.path().join("drop");
    std::fs::create_dir(&drop).expect("drop dir");
    support::export(
        h.path(),
        Some("2026-11"),
        &drop.join("zhangsan-2026-11.toml"),
    );
    let rows = support::report_rows(h.path(), &drop, "2026-11");
    assert_eq!(rows[0]["score"], 100, "{rows}");
    let problems = rows[0]["problems"].as_array().expect("problems");
    assert!(
        problems
            .iter()
            .all(|p| !p.to_string().contains("draw") && !p.to_string().contains("抽题")),
        "{rows}"
    );
}

/// Finding 8, the editors: a 心得 open at midnight keeps writing November's text and
/// does not copy it into December.
#[test]
fn an_editor_open_at_midnight_stays_with_its_cycle() {
    let h = planned_home();
    let mut p = Pty::member_at(h.path(), "zhangsan", "2026-11-30 23:59:54");
    p.open_home();
    p.keys("r");
    p.wait_for("写心得");
    p.keys("十一月的心得");
    // The clock started six seconds before midnight; go past it with the editor open.
    std::thread::sleep(std::time::Duration::from_secs(8));
    p.keys("，跨过零点");
    p.wait_for("跨过零点");
    p.keys("\u{1b}");
    p.wait_for("2026-12");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let st = support::state(h.path(), "zhangsan");
    let nov = st["cycles"]["2026-11"]["reflection"]["text"]
        .as_str()
        .expect("November's reflection");
    assert_eq!(nov, "十一月的心得，跨过零点");
    let dec = st["cycles"]
        .get("2026-12")
        .and_then(|c| c.get("reflection"))
        .and_then(|r| r.get("text"))
        .and_then(|t| t.as_str())
        .unwrap_or("");
    assert_eq!(dec, "", "December's reflection is not a copy");
}

// ---- fields that refuse what they cannot hold ---------------------------------------

/// Finding 7: the topic takes no newline (Enter moves on, a paste is joined); the date
/// field says as it is typed whether the day counts and why not; an unreadable date is
/// not dropped silently; a future date is kept and counts only from that day on.
#[test]
fn one_line_fields_and_the_talk_date_say_what_they_hold() {
    let h = home_with_config("timezone = \"UTC\"\n[talk]\noutline_min_chars = 4\n");
    let mut p = Pty::member_at(h.path(), "zhangsan", "2026-11-10 12:00:00");
    p.open_home();
    p.keys("t");
    p.wait_for("提纲");
    p.keys("红色物业");
    p.keys("\r");
    // Enter left the topic; this goes into the outline.
    p.keys("一、议事角的做法");
    p.wait_for("一、议事角的做法");
    p.keys("\t");
    p.keys("2026-13-01");
    p.wait_for("不是有效日期");
    p.keys("\u{7f}".repeat(10).as_str());
    p.keys("12月5日");
    p.wait_for("不在本期 2026-11");
    p.keys("\u{7f}".repeat(5).as_str());
    p.keys("11-20");
    p.wait_for("还没到，当天起计入");
    p.keys("\u{14}");
    p.wait_for("2026-11-10 计入本期");
    p.keys("\u{7f}".repeat(10).as_str());
    p.keys("11-20");
    p.wait_for("还没到");
    p.keys("\u{1b}");
    let s = p.wait_for("月讲  ✗");
    assert!(
        s.contains("宣讲日期✗"),
        "a future talk is not done yet:\n{s}"
    );
    // A pasted two-line title is one line.
    p.keys("s");
    p.wait_for("调研报告");
    p.send("\u{1b}[200~社区议事角\n调研\u{1b}[201~");
    p.wait_for("社区议事角 调研");
    p.keys("\u{1b}");
    p.wait_for("月学");
    // An unreadable date is not dropped without a word.
    p.keys("t");
    p.wait_for("提纲");
    p.keys("\t\t");
    p.keys("\u{7f}".repeat(10).as_str());
    p.keys("下周一");
    p.wait_for("不是有效日期");
    p.keys("\u{1b}");
    p.wait_for("没有保存");
    p.keys("q");
    assert_eq!(p.wait_exit(), 0);
    let st = support::state(h.path(), "zhangsan");
    let talk = &st["cycles"]["2026-11"]["talk"];
    assert_eq!(talk["topic"].as_str(), Some("红色物业"), "{talk:?}");
    assert!(
        talk["outline"]
            .as_str()
            .is_some_and(|o| o.starts_with("一、议事角的做法")),
        "{talk:?}"
    );
    let survey = &st["cycles"]["2026-11"]["survey"];
    assert_eq!(
        survey["title"].as_str(),
        Some("社区议事角 调研"),
        "{survey:?}"
    );
}

/// Finding 7, the day after: the future date that was kept counts once it has come.
#[test]
fn a_future_talk_date_counts_from_that_day_on() {
    let h = home_with_config("timezone = \"UTC\"\n[talk]\noutline_min_chars = 4\n");
    std::fs::create_dir_all(h.path().join("members")).expect("members");
    std::fs::write(
        h.path().join("members/zhangsan.toml"),
        "format = 1\nmember_id = \"zhangsan\"\nname = \"张三\"\n\n[cycles.\"2026-11\".talk]\ntopic = \"红色物业\"\noutline = \"一、议事角的做法\"\ndelivered = 2026-11-20\n",
    )
    .expect("state");
    for (day, done) in [
        ("2026-11-19 12:00:00", false),
        ("2026-11-20 08:00:00", true),
    ] {
        let mut p = Pty::member_at(h.path(), "zhangsan", day);
        let s = p.open_home();
        let want = if done { "月讲  ✓" } else { "月讲  ✗" };
        assert!(s.contains(want), "{day}:\n{s}");
        p.keys("q");
        assert_eq!(p.wait_exit(), 0);
    }
}
