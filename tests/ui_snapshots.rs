//! Whole screens drawn into ratatui's `TestBackend` at 80x24 and at a small size,
//! with Chinese text, compared with reviewed snapshots.

use dangxue::app::msg::Msg;
use dangxue::app::update::update;
use dangxue::app::{App, CyclePlan, Screen};
use dangxue::core::config::{Lang, ThemeName};
use dangxue::core::regime::Rules;
use dangxue::core::state::MemberState;
use dangxue::store::content::{Library, Origin};
use dangxue::ui::theme::Theme;
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
        lib.units.insert(u.id.clone(), (u, Origin::Builtin(path)));
    }
    lib
}

fn now() -> Timestamp {
    "2026-11-10T12:00:00Z".parse().expect("timestamp")
}

fn app(lang: Lang) -> App {
    let s = dangxue::strings::get(lang);
    let mut app = App::new(
        s,
        library(),
        Rules::default(),
        MemberState::new("zhangsan", "张三"),
        jiff::tz::TimeZone::UTC,
        now(),
    );
    app.set_plan(CyclePlan::default());
    app
}

fn render(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let theme = Theme::new(ThemeName::Mono, true);
    t.draw(|f| dangxue::ui::draw(f, app, &theme)).expect("draw");
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

fn send(app: &mut App, msgs: &[Msg]) {
    for m in msgs {
        update(app, m.clone(), now());
    }
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
    send(&mut a, &[Msg::Resize(80, 24), Msg::GoTab(0)]);
    let screen = render(&a, 80, 24);
    assert!(screen.contains("还需阅读 4 篇"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn quiz_feedback_80x24() {
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
    let screen = render(&a, 80, 24);
    assert!(screen.contains("回答错误"), "{screen}");
    assert!(screen.contains("答案: C"), "{screen}");
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
            Msg::GoTab(0),
            Msg::Write(0),
            Msg::Paste("心得 体会\n第二行".into()),
        ],
    );
    let screen = render(&a, 80, 24);
    assert!(screen.contains("心得 7/300 字"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_missed_question_is_listed_in_the_review_book() {
    let mut a = app(Lang::Zh);
    send(
        &mut a,
        &[
            Msg::Resize(80, 24),
            Msg::Open,
            Msg::Practice,
            Msg::Letter('B'),
            Msg::Enter,
            Msg::Back,
            Msg::Back,
            Msg::GoTab(2),
        ],
    );
    let screen = render(&a, 80, 24);
    assert!(screen.contains("今日待复习 · 0 / 1"), "{screen}");
    assert!(
        screen.contains("有几名以上正式党员的物业企业要建立党组织"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}
