use super::*;
use crate::app::Doc;
use crossterm::event::KeyEvent;
use unicode_width::UnicodeWidthStr;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn no_key_means_two_things() {
    for mode in Mode::ALL {
        let mut seen: Vec<(Key, &str)> = Vec::new();
        let mut classes = 0;
        for b in mode.bindings() {
            for k in b.keys {
                let k = match *k {
                    Key::Ctrl(c) => Key::Ctrl(c.to_ascii_lowercase()),
                    Key::Letter | Key::Printable | Key::Any => {
                        classes += 1;
                        continue;
                    }
                    k => k,
                };
                if let Some((_, other)) = seen.iter().find(|(s, _)| *s == k) {
                    panic!("{mode:?}: {k:?} is both {other:?} and {:?}", b.label.en);
                }
                seen.push((k, b.label.en));
            }
        }
        assert!(classes <= 1, "{mode:?} has {classes} key classes");
    }
}

/// The hints a member must always see: help, and the way back or out.
fn essential(b: &Binding) -> bool {
    matches!(
        b.act,
        Act::Send(Msg::Help | Msg::Back | Msg::Confirm(false) | Msg::Quit)
    )
}

#[test]
fn footers_keep_back_and_help_at_80_and_40_columns_in_both_languages() {
    // The reader's footer shares its line with the position and reading time; at 80
    // columns that leaves the rest to the hints (at 40 the status gives way instead,
    // which the reader's own screen tests check).
    let reader_status = " 100%  已读 120 分钟 约剩 120 分钟  ".width();
    for columns in [80, 40] {
        for mode in Mode::ALL {
            for lang in [Lang::Zh, Lang::En] {
                let width = if mode == Mode::Reader && columns == 80 {
                    columns - reader_status
                } else {
                    columns
                };
                let f = footer(mode, lang, width);
                assert!(
                    f.width() <= width,
                    "{mode:?} {lang:?}: {f:?} is wider than {width}"
                );
                for b in mode.bindings() {
                    let Some(h) = b.hint.filter(|h| h.priority == 1 || essential(b)) else {
                        continue;
                    };
                    let item = format!("{} {}", h.key.get(lang), h.words.get(lang));
                    assert!(
                        f.contains(&item),
                        "{mode:?} {lang:?} at {width}: {f:?} lacks {item:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_narrow_footer_drops_the_lowest_priorities_first() {
    let wide = footer(Mode::Reader, Lang::Zh, 200);
    assert_eq!(
        wide,
        "j/k 行  空格/b 翻页  g/G 首尾  t 练习  / 查找  m 书签  a 笔记  i 信息  ? 帮助  q 返回"
    );
    assert_eq!(
        footer(Mode::Reader, Lang::Zh, 70),
        "j/k 行  空格/b 翻页  t 练习  / 查找  m 书签  a 笔记  ? 帮助  q 返回"
    );
    assert_eq!(
        footer(Mode::Reader, Lang::Zh, 43),
        "t 练习  / 查找  m 书签  ? 帮助  q 返回"
    );
    assert_eq!(footer(Mode::Reader, Lang::Zh, 5), "? 帮助  q 返回");
}

#[test]
fn every_screen_that_returns_or_quits_shows_it_in_the_footer() {
    for mode in Mode::ALL {
        if matches!(mode, Mode::Help) {
            continue;
        }
        let f = footer(mode, Lang::Zh, 80);
        assert!(
            [
                "q 返回",
                "q 退出",
                "Esc 返回",
                "Esc 保存并返回",
                "Esc 清除",
                "Esc 取消",
                "任意键 关闭",
                "其他键 关闭",
                "n 取消"
            ]
            .iter()
            .any(|w| f.contains(w)),
            "{mode:?}: {f:?}"
        );
    }
}

#[test]
fn help_lists_the_screen_s_own_keys_and_marks() {
    let (home, marks) = help(Mode::Home, Lang::Zh);
    assert!(home.iter().any(|(k, v)| *k == "t" && v.contains("月讲")));
    assert!(!home.iter().any(|(_, v)| v.contains("练习")), "{home:?}");
    assert!(home.iter().any(|(k, _)| *k == "Ctrl-C"));
    assert!(marks.iter().any(|(m, _)| *m == "✓"));
    let (reader, _) = help(Mode::Reader, Lang::En);
    assert!(
        reader
            .iter()
            .any(|(k, v)| *k == "t" && v.contains("practise"))
    );
    let (_, review) = help(Mode::Review, Lang::Zh);
    let shown: Vec<&str> = review.iter().map(|(m, _)| *m).collect();
    assert_eq!(shown, ["●", "12-03", "✗1", "✓"]);
    let (_, library) = help(Mode::Library, Lang::Zh);
    assert_eq!(library[0].0, "★");
    let (test, _) = help(Mode::Test, Lang::Zh);
    assert!(
        test.iter()
            .any(|(k, v)| k.contains("Ctrl-S") && v.contains("交卷"))
    );
}

#[test]
fn keys_map_to_their_table_s_messages() {
    assert_eq!(lookup(Mode::Home, ch('t')), Some(Msg::Write(Doc::Talk)));
    assert_eq!(
        lookup(Mode::Home, ch('k')),
        None,
        "k must not open the talk"
    );
    assert_eq!(lookup(Mode::Library, ch('k')), Some(Msg::Up));
    assert_eq!(lookup(Mode::Library, ch('/')), Some(Msg::SearchStart));
    assert_eq!(lookup(Mode::Search, ch('q')), Some(Msg::Char('q')));
    assert_eq!(lookup(Mode::Search, key(KeyCode::Esc)), Some(Msg::Back));
    assert_eq!(lookup(Mode::Quiz, ch('b')), Some(Msg::Letter('B')));
    assert_eq!(lookup(Mode::Quiz, ch('n')), Some(Msg::NextQuestion));
    assert_eq!(lookup(Mode::QuizFeedback, ch('b')), None);
    assert_eq!(lookup(Mode::QuizFeedback, ch('r')), Some(Msg::Retry));
    assert_eq!(lookup(Mode::QuizFill, ch('n')), Some(Msg::Char('n')));
    assert_eq!(lookup(Mode::QuizFill, ch('p')), Some(Msg::Char('p')));
    assert_eq!(lookup(Mode::QuizFill, ch('q')), Some(Msg::Char('q')));
    assert_eq!(lookup(Mode::QuizFill, ctrl('n')), Some(Msg::NextQuestion));
    assert_eq!(lookup(Mode::TestFill, ctrl('p')), Some(Msg::PrevQuestion));
    assert_eq!(lookup(Mode::Test, key(KeyCode::Enter)), Some(Msg::Enter));
    assert_eq!(lookup(Mode::Test, ch(' ')), Some(Msg::Toggle));
    assert_eq!(lookup(Mode::Test, ch('3')), Some(Msg::GoQuestion(2)));
    assert_eq!(lookup(Mode::Test, ch('0')), Some(Msg::GoQuestion(9)));
    assert_eq!(lookup(Mode::TestFill, ch('3')), Some(Msg::Char('3')));
    assert_eq!(lookup(Mode::Test, ctrl('s')), Some(Msg::SubmitTest));
    assert_eq!(lookup(Mode::Test, ch('S')), Some(Msg::SubmitTest));
    assert_eq!(lookup(Mode::TestFill, ch('S')), Some(Msg::Char('S')));
    assert_eq!(lookup(Mode::TestFill, ctrl('S')), Some(Msg::SubmitTest));
    assert_eq!(
        lookup(Mode::Editor, key(KeyCode::Tab)),
        Some(Msg::NextField)
    );
    assert!(matches!(
        lookup(Mode::Editor, ch('q')),
        Some(Msg::Editor(_))
    ));
    assert_eq!(lookup(Mode::Editor, ctrl('q')), Some(Msg::Back));
    assert_eq!(
        lookup(Mode::Confirm, key(KeyCode::Enter)),
        None,
        "Enter must never hand the test in"
    );
    assert_eq!(lookup(Mode::Confirm, ch('y')), Some(Msg::Confirm(true)));
    assert_eq!(lookup(Mode::Confirm, ch('x')), None);
    assert_eq!(lookup(Mode::Help, ch('x')), Some(Msg::Help));
    for mode in Mode::ALL {
        assert_eq!(lookup(mode, ctrl('c')), Some(Msg::Quit), "{mode:?}");
    }
}
