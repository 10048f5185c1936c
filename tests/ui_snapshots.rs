//! Whole screens drawn into ratatui's `TestBackend` at 80x24 and at a small size,
//! with Chinese text, compared with reviewed snapshots.

use dangxue::app::msg::Msg;
use dangxue::app::update::update;
use dangxue::app::{App, Doc, Screen, Tab};
use dangxue::core::config::Lang;
use dangxue::store::content::{Library, Origin};
use jiff::Timestamp;
use ratatui_textarea::Key;

mod draw;
use draw::{buffer, member_app, render, send};

const ARTICLE: &str = "+++
id = \"a-red-property\"
title = \"红色物业 凝聚基层治理合力\"
kind = \"article\"
column = \"广角\"
authors = [\"宋爽\"]

[[questions]]
id = \"q1\"
type = \"single\"
prompt = \"有几名以上正式党员的物业企业要建立党组织？\"
choices = [\"1名\", \"2名\", \"3名\", \"5名\"]
answer = \"C\"
explain = \"文中：有3名以上正式党员的物业企业要建立党组织。\"

[[questions]]
id = \"q2\"
type = \"fill\"
prompt = \"居民满意率至少能达到多少？\"
answer = [\"98%\"]
explain = \"文中：我们现在满意率至少能达到98%。\"
+++
日前，在兴安盟乌兰浩特市和平街御府苑小区议事角，居民们围坐在一起，就小区内建设休闲娱乐设施的事情进行讨论，现场气氛热烈。

## 画出共治 同心圆

在有物业小区，推进物业企业党组织创建工作，有3名以上正式党员的物业企业要建立党组织。我们现在满意率至少能达到98%。

众人的事情众人商量，这是乌兰浩特市党建引领红色物业，不断提高城市精细化管理水平的生动缩影。
";

const EXPLAINER: &str = "+++
id = \"c05-basic\"
title = \"第五章 党的基层组织\"
kind = \"constitution\"

[[questions]]
id = \"q1\"
type = \"judge\"
prompt = \"有三名以上正式党员的基层单位都应当成立党的基层组织。\"
answer = true
explain = \"正文第一节。\"
+++
企业、农村、机关、学校、医院、科研院所、街道社区、社会组织等基层单位，凡是有正式党员三人以上的，都应当成立党的基层组织。
";

fn library() -> Library {
    let mut lib = Library::default();
    for (path, text) in [("a.md", ARTICLE), ("c.md", EXPLAINER)] {
        let u = dangxue::core::unit::parse(text).expect("fixture unit parses");
        lib.insert(u, Origin::Builtin(path));
    }
    lib
}

fn now() -> Timestamp {
    "2026-11-10T12:00:00Z".parse().expect("timestamp")
}

fn app(lang: Lang) -> App {
    member_app(lang, library(), now())
}

#[test]
fn library_80x24() {
    let mut a = app(Lang::Zh);
    send(&mut a, &[Msg::Resize(80, 24)]);
    insta::assert_snapshot!(render(&a, 80, 24));
}

#[test]
fn library_search_80x24() {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[
            Msg::Resize(80, 24),
            Msg::SearchStart,
            Msg::Char('党'),
            Msg::Char('员'),
            Msg::Char('三'),
        ],
    );
    let screen = render(&a, 80, 24);
    assert!(screen.contains("第五章"), "{screen}");
    assert!(!screen.contains("红色物业 凝聚"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn reader_80x24_and_40x12() {
    let mut a = app(Lang::Zh);
    send(&mut a, &[Msg::Resize(80, 24), Msg::Open]);
    assert_eq!(a.screen, Screen::Reader);
    insta::assert_snapshot!("reader_80x24", render(&a, 80, 24));
    send(&mut a, &[Msg::Resize(40, 12)]);
    insta::assert_snapshot!("reader_40x12", render(&a, 40, 12));
}

#[test]
fn the_reader_keeps_help_and_back_in_its_footer_at_40_columns() {
    for (lang, help, back) in [
        (Lang::Zh, "? 帮助", "q 返回"),
        (Lang::En, "? help", "q back"),
    ] {
        let mut a = app(lang);
        send(&mut a, &[Msg::Resize(40, 12), Msg::Open]);
        assert_eq!(a.screen, Screen::Reader);
        let screen = render(&a, 40, 12);
        let foot = screen.lines().last().unwrap_or_default();
        assert!(foot.contains(help), "{lang:?}: {foot:?}");
        assert!(foot.contains(back), "{lang:?}: {foot:?}");
        // The status keeps what room is left: the position comes first.
        assert!(foot.contains('%'), "{lang:?}: {foot:?}");
    }
}

#[test]
fn reader_in_english() {
    let mut a = app(Lang::En);
    send(&mut a, &[Msg::Resize(80, 24), Msg::Open]);
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("article · Column 广角 · By 宋爽"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn home_80x24() {
    let mut a = app(Lang::Zh);
    send(&mut a, &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home)]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("还需阅读 4 篇"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// Practice on the article at 80x24, its first question answered B (the answer is C).
fn missed_first_question() -> App {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[
            Msg::Resize(80, 24),
            Msg::Open,
            Msg::Practice,
            Msg::Letter('B'),
            Msg::Enter,
        ],
    );
    a
}

#[test]
fn quiz_feedback_80x24() {
    let a = missed_first_question();
    let screen = render(&a, 80, 24);
    assert!(screen.contains("回答错误"), "{screen}");
    assert!(screen.contains("答案：C"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn help_overlay_and_too_small() {
    let mut a = app(Lang::Zh);
    send(&mut a, &[Msg::Resize(80, 24), Msg::Help]);
    insta::assert_snapshot!("help_80x24", render(&a, 80, 24));
    send(&mut a, &[Msg::Help, Msg::Resize(20, 5)]);
    let small = render(&a, 20, 5);
    assert!(small.starts_with("终端太小"), "{small}");
    for (w, h) in [(1, 1), (2, 1), (1, 3), (39, 9), (40, 10)] {
        send(&mut a, &[Msg::Resize(w, h)]);
        let _ = render(&a, w, h);
    }
}

#[test]
fn editor_counts_characters_live() {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[
            Msg::Resize(80, 24),
            Msg::GoTab(Tab::Home),
            Msg::Write(Doc::Reflection),
            Msg::Paste("心得 体会\n第二行".into()),
        ],
    );
    let screen = render(&a, 80, 24);
    assert!(screen.contains("心得 7/300 字"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_missed_question_is_listed_in_the_review_book() {
    let mut a = missed_first_question();
    send(&mut a, &[Msg::Back, Msg::Back, Msg::GoTab(Tab::Review)]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("今日待复习 · 0 / 1"), "{screen}");
    assert!(
        screen.contains("有几名以上正式党员的物业企业要建立党组织"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

// ---------------------------------------------------------------------------------
// Chinese text that wraps: quiz, test, explanation, dialogs and help are laid out by
// core::layout (避头尾), never by Paragraph::wrap.

const LONG: &str = "+++
id = \"c30-long\"
title = \"第五章 党的基层组织（第三十条）\"
kind = \"constitution\"

[[questions]]
id = \"q1\"
type = \"single\"
prompt = \"根据党章规定，企业、农村、机关、学校、医院、科研院所、街道社区、社会组织等基层单位，凡是有正式党员几人以上的，都应当成立党的基层组织？\"
choices = [\"一人以上，由上级党组织指派党员担任负责人。\", \"三人以上。\", \"五人以上，并且须经县级以上党委批准。\", \"七人以上。\"]
answer = \"B\"
explain = \"党章第三十条：“企业、农村、机关、学校、医院、科研院所、街道社区、社会组织等基层单位，凡是有正式党员三人以上的，都应当成立党的基层组织。”基层组织是党在社会基层组织中的战斗堡垒。\"
+++
企业、农村、机关、学校、医院、科研院所、街道社区、社会组织等基层单位，凡是有正式党员三人以上的，都应当成立党的基层组织。
";

fn long_app() -> App {
    let mut a = app(Lang::Zh);
    let u = dangxue::core::unit::parse(LONG).expect("fixture unit parses");
    a.library.insert(u, Origin::Builtin("long.md"));
    a.apply_search();
    a
}

fn at(secs: i64) -> Timestamp {
    Timestamp::from_second(now().as_second() + secs).expect("timestamp")
}

/// No drawn line starts with closing punctuation, and none holds it alone.
fn assert_kinsoku(screen: &str) {
    for line in screen.lines() {
        let text = line
            .trim_start_matches([' ', '│'])
            .trim_end_matches([' ', '│']);
        let first = text.chars().next();
        assert!(
            !first.is_some_and(|c| "，。、；：？！）」』”".contains(c)),
            "a line starts with closing punctuation: {line:?}\n{screen}"
        );
    }
}

#[test]
fn a_long_chinese_question_and_its_explanation_wrap_by_layout() {
    let mut a = long_app();
    send(&mut a, &[Msg::Resize(80, 24)]);
    dangxue::app::update::open_unit(&mut a, "c30-long", None);
    send(&mut a, &[Msg::Practice]);
    let wide = render(&a, 80, 24);
    assert!(wide.contains("凡是有正式党员几人以上的"), "{wide}");
    assert_kinsoku(&wide);
    insta::assert_snapshot!("quiz_long_80x24", wide);
    send(&mut a, &[Msg::Resize(40, 12)]);
    let narrow = render(&a, 40, 12);
    assert_kinsoku(&narrow);
    insta::assert_snapshot!("quiz_long_40x12", narrow);
    send(&mut a, &[Msg::Resize(80, 24), Msg::Letter('A'), Msg::Enter]);
    let feedback = render(&a, 80, 24);
    assert!(feedback.contains("战斗堡垒"), "{feedback}");
    assert_kinsoku(&feedback);
    insta::assert_snapshot!("quiz_long_feedback_80x24", feedback);
    send(&mut a, &[Msg::Resize(40, 12)]);
    let feedback = render(&a, 40, 12);
    assert_kinsoku(&feedback);
    insta::assert_snapshot!("quiz_long_feedback_40x12", feedback);
}

/// The long unit read to its end for two minutes at 80x24, then `x` on 本月: the
/// dialog that starts the cycle test, at 132 s.
fn long_test_asked() -> App {
    let mut a = long_app();
    send(&mut a, &[Msg::Resize(80, 24)]);
    dangxue::app::update::open_unit(&mut a, "c30-long", None);
    update(&mut a, Msg::Bottom, at(1));
    update(&mut a, Msg::Tick, at(130));
    update(&mut a, Msg::Back, at(131));
    update(&mut a, Msg::GoTab(Tab::Home), at(131));
    update(&mut a, Msg::StartTest, at(132));
    a
}

#[test]
fn the_test_and_its_dialogs_wrap_by_layout() {
    let mut a = long_test_asked();
    let start = render(&a, 80, 24);
    assert!(start.contains("开始本期测试"), "{start}");
    assert_kinsoku(&start);
    insta::assert_snapshot!("test_start_dialog_80x24", start);
    update(&mut a, Msg::Resize(40, 12), at(132));
    let start = render(&a, 40, 12);
    assert_kinsoku(&start);
    insta::assert_snapshot!("test_start_dialog_40x12", start);
    update(&mut a, Msg::Confirm(true), at(133));
    update(&mut a, Msg::Resize(80, 24), at(133));
    let question = render(&a, 80, 24);
    assert!(question.contains("第 1/1 题"), "{question}");
    assert_kinsoku(&question);
    insta::assert_snapshot!("test_long_80x24", question);
    update(&mut a, Msg::Resize(40, 12), at(134));
    let question = render(&a, 40, 12);
    assert_kinsoku(&question);
    insta::assert_snapshot!("test_long_40x12", question);
    update(&mut a, Msg::SubmitTest, at(135));
    let submit = render(&a, 40, 12);
    assert!(submit.contains("确认交卷"), "{submit}");
    assert_kinsoku(&submit);
    insta::assert_snapshot!("test_submit_dialog_40x12", submit);
}

#[test]
fn help_at_40x12_wraps_its_meanings() {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[Msg::Resize(40, 12), Msg::GoTab(Tab::Home), Msg::Help],
    );
    let screen = render(&a, 40, 12);
    assert!(screen.contains("月讲"), "{screen}");
    assert_kinsoku(&screen);
    insta::assert_snapshot!("help_home_40x12", screen);
}

/// A member who finished both fixture units and began the test with a question the
/// content no longer has (`a-red-property/q9`) and one answered.
fn test_with_a_gone_question(lang: Lang, submitted: bool) -> App {
    let mut a = app(lang);
    let toml = format!(
        "format = 1\nmember_id = \"zhangsan\"\nname = \"张三\"\n\n\
         [units.a-red-property.cycles.2026-11]\nseconds = 600\nreached_end = true\n\
         finished = 2026-11-05T10:00:00+00:00\n\n\
         [units.c05-basic.cycles.2026-11]\nseconds = 600\nreached_end = true\n\
         finished = 2026-11-05T10:00:00+00:00\n\n\
         [cycles.2026-11.test]\ntaken = 2026-11-06T10:00:00+00:00\nsubmitted = {submitted}\n\
         answers = [{{ unit = \"a-red-property\", question = \"q9\", given = \"A\" }},\n\
         {{ unit = \"a-red-property\", question = \"q1\", given = \"C\" }}]\n"
    );
    a.state = dangxue::store::state::parse_state(toml.as_bytes()).expect("state");
    send(&mut a, &[Msg::Resize(80, 24), Msg::GoTab(Tab::Home)]);
    a
}

#[test]
fn an_open_test_whose_question_left_the_content_is_drawn_again_and_says_so() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = test_with_a_gone_question(lang, false);
        send(&mut a, &[Msg::StartTest]);
        assert_eq!(a.screen, Screen::Test);
        let t = a.test_record().expect("the test");
        let drawn: Vec<String> = t
            .answers
            .iter()
            .map(|x| format!("{}/{}={}", x.unit, x.question, x.given))
            .collect();
        // Every question of the two units, the answer to q1 kept.
        assert_eq!(drawn.len(), 3, "{drawn:?}");
        assert!(
            drawn.contains(&"a-red-property/q1=C".to_string()),
            "{drawn:?}"
        );
        assert!(!drawn.iter().any(|d| d.contains("q9")), "{drawn:?}");
        let screen = render(&a, 80, 24);
        let name = if lang == Lang::Zh { "zh" } else { "en" };
        assert!(screen.contains("a-red-property/q9"), "{screen}");
        assert_kinsoku(&screen);
        insta::assert_snapshot!(format!("test_redrawn_{name}_80x24"), screen);
        send(&mut a, &[Msg::Resize(40, 12)]);
        let narrow = render(&a, 40, 12);
        assert_kinsoku(&narrow);
        insta::assert_snapshot!(format!("test_redrawn_{name}_40x12"), narrow);
    }
}

#[test]
fn a_handed_in_test_names_a_question_that_left_the_content() {
    let mut a = test_with_a_gone_question(Lang::Zh, true);
    send(&mut a, &[Msg::StartTest]);
    let t = a.test_record().expect("the test");
    assert_eq!(t.answers.len(), 2, "a handed-in test is never changed");
    let screen = render(&a, 80, 24);
    assert!(
        screen.contains("a-red-property/q9 — 此题已不在学习内容中"),
        "{screen}"
    );
    insta::assert_snapshot!("test_submitted_gone_zh_80x24", screen);
}

/// A reflection long enough to wrap many times, with closing punctuation where a
/// space-breaking wrap would start lines with it.
const PARAGRAPH: &str = "学习党章第五章，我体会到党的基层组织是党在社会基层组织中的战斗堡垒，是党的全部工作和战斗力的基础。它担负着直接联系群众、宣传群众、组织群众、团结群众的重要任务（这一点在社区工作中尤其明显），“把党的路线方针政策落实到基层”不是一句空话。";

fn editor_app(lang: Lang, w: u16, h: u16) -> App {
    let mut a = app(lang);
    send(
        &mut a,
        &[
            Msg::Resize(w, h),
            Msg::GoTab(Tab::Home),
            Msg::Write(Doc::Reflection),
            Msg::Paste(format!("{PARAGRAPH}\n\n{PARAGRAPH}{PARAGRAPH}")),
        ],
    );
    a
}

/// The modifier held with an editor key.
#[derive(Clone, Copy)]
enum Mods {
    None,
    Alt,
    Shift,
}

/// A key pressed in the editor.
fn editor_key(key: Key, mods: Mods) -> Msg {
    Msg::Editor(ratatui_textarea::Input {
        key,
        ctrl: false,
        alt: matches!(mods, Mods::Alt),
        shift: matches!(mods, Mods::Shift),
    })
}

/// The cells drawn reversed: the editor's cursor (and a selection, if any).
fn reversed_cells(app: &App, w: u16, h: u16) -> Vec<(u16, u16, String)> {
    let buf = buffer(app, w, h);
    let mut out = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let c = &buf[(x, y)];
            if c.modifier.contains(ratatui::style::Modifier::REVERSED) {
                out.push((x, y, c.symbol().to_string()));
            }
        }
    }
    out
}

#[test]
fn the_editor_wraps_chinese_by_layout_and_keeps_the_cursor_in_view() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80, 24), (40, 12)] {
            let a = editor_app(lang, w, h);
            let screen = render(&a, w, h);
            assert_kinsoku(&screen);
            // The cursor is at the end of the text: the last rows are shown, and the
            // cursor is the one reversed cell, just after the last character.
            assert!(screen.contains("一句空话。"), "{screen}");
            let cells = reversed_cells(&a, w, h);
            assert_eq!(cells.len(), 1, "{cells:?}\n{screen}");
            let (x, y, _) = &cells[0];
            let row: String = screen
                .lines()
                .nth(usize::from(*y))
                .unwrap_or("")
                .to_string();
            let before: String = {
                // Columns left of the cursor, inside the box's left border.
                let mut col = 0;
                let mut s = String::new();
                for c in row.chars() {
                    if col >= usize::from(*x) {
                        break;
                    }
                    col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    s.push(c);
                }
                s
            };
            // After a row filled to the border the cursor starts the row below.
            let above = screen
                .lines()
                .nth(usize::from(*y) - 1)
                .unwrap_or("")
                .trim_end_matches('│');
            assert!(
                before.ends_with("空话。") || (*x == 1 && above.ends_with("空话。")),
                "{row:?} at {x}\n{screen}"
            );
            let name = format!(
                "editor_long_{}_{w}x{h}",
                if lang == Lang::Zh { "zh" } else { "en" }
            );
            insta::assert_snapshot!(name, screen);
        }
    }
}

#[test]
fn the_editor_shows_the_top_when_the_cursor_goes_there_and_up_moves_by_rows() {
    let mut a = editor_app(Lang::Zh, 40, 12);
    send(
        &mut a,
        &[
            editor_key(Key::Char('<'), Mods::Alt),
            editor_key(Key::Home, Mods::None),
        ],
    );
    let mut screen = render(&a, 40, 12);
    assert!(screen.contains("│学习党章第五章"), "{screen}");
    assert_kinsoku(&screen);
    // Down twice from the first row: the third displayed row, same column.
    let key = |k| editor_key(k, Mods::None);
    send(&mut a, &[key(Key::Right), key(Key::Down), key(Key::Down)]);
    screen = render(&a, 40, 12);
    let cells = reversed_cells(&a, 40, 12);
    assert_eq!(cells.len(), 1, "{cells:?}\n{screen}");
    let (x, y, _) = &cells[0];
    // Row 2 of the box (border on row 1, field from row 2): the third text row.
    assert_eq!((*x, *y), (3, 4), "{screen}");
    let e = a.editor.as_ref().expect("editor open");
    let rows = dangxue::core::layout::wrap_line(&e.fields[0].lines()[0], 38);
    let third = &rows[2].text;
    let col = e.fields[0].cursor().1;
    let at = e.fields[0].lines()[0]
        .char_indices()
        .nth(col)
        .map_or(0, |(b, _)| b);
    assert_eq!(
        at,
        rows[2].start + third.chars().next().map_or(0, char::len_utf8)
    );
}

#[test]
fn the_submit_dialog_at_80x24() {
    let mut a = long_test_asked();
    update(&mut a, Msg::Confirm(true), at(133));
    update(&mut a, Msg::SubmitTest, at(135));
    let submit = render(&a, 80, 24);
    assert!(submit.contains("确认交卷"), "{submit}");
    assert_kinsoku(&submit);
    insta::assert_snapshot!("test_submit_dialog_80x24", submit);
}

#[test]
fn a_selection_in_the_editor_is_drawn_reversed_across_rows() {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[
            Msg::Resize(40, 12),
            Msg::GoTab(Tab::Home),
            Msg::Write(Doc::Reflection),
            Msg::Paste("一二三四五六七八九十一二三四五六七八九十甲乙".into()),
        ],
    );
    // Shift-Left three times from the end selects the last three characters, which
    // the 38-column box shows alone on its second row.
    for _ in 0..3 {
        send(&mut a, &[editor_key(Key::Left, Mods::Shift)]);
    }
    let screen = render(&a, 40, 12);
    assert!(
        screen.contains("│一二三四五六七八九十一二三四五六七八九│"),
        "{screen}"
    );
    let cells = reversed_cells(&a, 40, 12);
    let shown: String = cells.iter().map(|c| c.2.as_str()).collect();
    // The selection (十甲乙) and the cursor, on its first character.
    assert_eq!(shown, "十甲乙", "{cells:?}\n{screen}");
    assert!(cells.iter().all(|c| c.1 == 3), "{cells:?}");
}
