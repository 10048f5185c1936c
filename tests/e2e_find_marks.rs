//! Finding and keeping, as a member does it in a pseudo-terminal: the library search
//! over folded text, find in the reader, bookmarks and notes, the list to jump back,
//! quoting into the 心得 and the Markdown export.

mod support;

use support::{Pty, home, run, state};

const UNIT_FILE: &str = include_str!("../content/articles/000/a000-ulanhot-red-property.md");

/// The unit's body: what follows the front matter.
fn body() -> &'static str {
    UNIT_FILE
        .splitn(3, "+++")
        .nth(2)
        .expect("front matter")
        .trim_start_matches('\n')
}

/// The position at the end of the library's second line, e.g. `3` of `1/3`.
fn listed(screen: &str) -> usize {
    let line = screen.lines().nth(1).unwrap_or("").trim_end();
    let pos = line.rsplit(' ').next().unwrap_or("");
    let pos = line
        .split_whitespace()
        .find(|w| w.contains('/') && w.split('/').all(|n| n.parse::<usize>().is_ok()))
        .unwrap_or(pos);
    pos.rsplit('/')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX)
}

fn search(p: &mut Pty, query: &str) -> String {
    p.keys("/");
    p.keys(query);
    p.keys("\r");
    p.wait_until("the search line", |s| {
        s.lines()
            .nth(1)
            .is_some_and(|l| l.contains(query) && !l.contains('▏'))
    })
}

#[test]
fn library_search_folds_width_and_needs_every_word() {
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.wait_for("学习库");
    let half = search(&mut p, "2018");
    let n = listed(&half);
    assert!((1..59).contains(&n), "{half}");
    p.keys("\u{1b}");
    p.wait_until("search cleared", |s| !s.contains("2018"));
    let full = search(&mut p, "２０１８");
    assert_eq!(
        listed(&full),
        n,
        "full-width digits find what half-width do:\n{full}"
    );
    // A body match shows a snippet line with the match highlighted. The search line
    // is drawn before the list below it, so the list is waited for, not read at once.
    let (_, lit) = p.wait_lit("a snippet with the match lit", |_, lit| {
        lit.contains("２０１８") || lit.contains("2018")
    });
    assert!(lit.contains("２０１８") || lit.contains("2018"), "{lit}");
    p.keys("\u{1b}");
    p.wait_until("search cleared", |s| !s.contains("２０１８"));

    let both = search(&mut p, "红色 物业");
    assert!(listed(&both) >= 1, "{both}");
    assert!(both.contains("红色物业 凝聚基层治理合力"), "{both}");
    let none = search(&mut p, "红色 火星");
    assert!(none.contains("没有匹配的学习单元"), "{none}");
    p.keys("\u{1b}");

    // Filters: articles only, then unread only; the position counts what is listed.
    p.wait_until("search cleared", |s| !s.contains("火星"));
    p.keys("f");
    let articles = p.wait_for("筛选: 文章");
    assert!(!articles.contains("党章 "), "{articles}");
    p.keys("f");
    let consts = p.wait_for("筛选: 党章");
    assert!(listed(&consts) < 59, "{consts}");
    p.keys("ff");
    p.wait_until("filter off", |s| !s.contains("筛选"));
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn find_in_the_text_highlights_counts_and_steps_through_matches() {
    let expected = body().matches("党组织").count();
    assert!(expected > 3);
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
    p.keys("/党组织\r");
    // The count is shown while the find is typed (党组 is found as often as 党组织)
    // and the footer is drawn before the body, so the count alone says nothing of
    // the highlights: wait for the find to be closed with every lit cell a match.
    let count = format!("第 1/{expected} 处");
    let (first, lit) = p.wait_lit("the find closed, only its matches lit", |s, lit| {
        !s.contains("查找：")
            && s.contains(&count)
            && lit.contains("党组织")
            && lit.split('|').all(|r| r.replace("党组织", "").is_empty())
    });
    assert!(
        lit.split('|').all(|r| r.replace("党组织", "").is_empty()),
        "only matches lit: {lit}"
    );
    assert!(lit.contains("党组织"), "{first}");
    p.keys("n");
    p.wait_for(&format!("第 2/{expected} 处"));
    p.keys("N");
    p.wait_for(&format!("第 1/{expected} 处"));
    p.keys("N");
    p.wait_for(&format!("第 {expected}/{expected} 处"));
    // The last match is on screen.
    assert!(p.highlighted().contains("党组织"));
    // Esc while typing a new find goes back to where the find began.
    p.keys("/火星文");
    p.wait_for("没有找到");
    p.keys("\u{1b}");
    p.wait_until("find closed", |s| {
        !s.contains("没有找到") && !s.contains("查找：")
    });
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
}

#[test]
fn bookmarks_and_notes_are_kept_listed_and_exported() {
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
    p.keys("m");
    p.wait_for("已加书签");
    p.keys("  ");
    std::thread::sleep(std::time::Duration::from_millis(200));
    p.keys("a");
    p.wait_for("笔记：");
    p.keys("网格员 发现问题就上报");
    p.keys("\r");
    p.wait_for("笔记已保存");
    p.keys("'");
    let list = p.wait_for("书签和笔记 · 1/2");
    assert!(list.contains("✎ 网格员 发现问题就上报"), "{list}");
    assert!(list.contains("红色物业 凝聚基层治理合力  书签"), "{list}");
    // Jump back to the first one: the reader opens at its passage.
    p.keys("\r");
    p.wait_for("栏目 广角");
    p.keys("i");
    let info = p.wait_for("单元信息");
    assert!(info.contains("a000-ulanhot-red-property"), "{info}");
    p.keys("x");
    p.wait_until("info closed", |s| !s.contains("单元信息"));
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);

    let st = state(h.path(), "zhangsan");
    let marks = st["marks"].as_table().expect("marks saved");
    assert_eq!(marks.len(), 2, "{marks:?}");
    let notes: Vec<&str> = marks
        .values()
        .filter_map(|m| m["note"].as_str())
        .filter(|n| !n.is_empty())
        .collect();
    assert_eq!(notes, ["网格员 发现问题就上报"]);

    let (code, out, err) = run(h.path(), &["--member", "zhangsan", "notes"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# 学习笔记 · zhangsan\n"), "{out}");
    assert!(out.contains("\n## 红色物业 凝聚基层治理合力\n"), "{out}");
    assert!(out.contains("\n网格员 发现问题就上报\n"), "{out}");
    assert!(out.contains("\n*书签*\n"), "{out}");
    let quotes = out
        .lines()
        .filter(|l| l.starts_with("> ") && !l.starts_with("> —"))
        .count();
    assert_eq!(quotes, 2, "{out}");
    assert_eq!(
        out.matches("\n> — 20").count(),
        2,
        "each mark says when: {out}"
    );
    let path = h.path().join("notes.md");
    let (code, printed, _) = run(
        h.path(),
        &[
            "--member",
            "zhangsan",
            "notes",
            "--out",
            path.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(printed.trim(), path.display().to_string());
    assert_eq!(std::fs::read_to_string(&path).expect("written"), out);
}

#[test]
fn a_passage_is_quoted_at_the_start_of_the_reflection() {
    let h = home();
    let mut p = Pty::start(h.path(), &["--member", "zhangsan"], 80, 24);
    p.open_by_search("凝聚基层治理合力", "栏目 广角");
    p.keys("/网格员\r");
    p.wait_for("第 1/");
    p.keys("w");
    let editor = p.wait_for("「");
    assert!(editor.contains("网格员"), "{editor}");
    p.keys("我的体会");
    p.wait_for("我的体会");
    p.keys("\u{1b}");
    p.wait_for("栏目 广角");
    p.keys("q");
    p.wait_for("学习库");
    p.keys("qq");
    assert_eq!(p.wait_exit(), 0);
    let st = state(h.path(), "zhangsan");
    let cycle = st["cycles"]
        .as_table()
        .and_then(|c| c.values().next())
        .expect("a cycle");
    let r = &cycle["reflection"];
    let text = r["text"].as_str().expect("text");
    assert!(text.starts_with('「'), "{text}");
    let first = text.lines().next().expect("a line");
    assert!(first.contains("网格员") && first.ends_with('」'), "{text}");
    assert!(text.ends_with("我的体会"), "{text}");
    assert_eq!(r["unit"].as_str(), Some("a000-ulanhot-red-property"));
}
