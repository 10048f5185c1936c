//! What the quiz and test end-to-end tests share: the built-in unit they study, the
//! question on screen and the keys that answer it right, and the test's answers as the
//! state file holds them.

use std::path::Path;

use dangxue::core::unit::{Answer, Question, Unit};

use super::{Pty, state};

/// The built-in unit at `path` under `content/`, parsed.
pub fn content_unit(path: &str) -> Unit {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("content")
        .join(path);
    let text =
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
    dangxue::core::unit::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()))
}

/// The question of `u` on screen, found by its prompt's first characters after its
/// type tag (the prompt may wrap onto the next rows).
pub fn question_on_screen<'a>(u: &'a Unit, screen: &str) -> &'a Question {
    let head = prompt_head(screen).unwrap_or_else(|| panic!("no question on screen:\n{screen}"));
    question_shown(u, screen)
        .unwrap_or_else(|| panic!("prompt {head:?} is not a question of the unit"))
}

/// The question of `u` whose prompt is on screen, if one is.
pub fn question_shown<'a>(u: &'a Unit, screen: &str) -> Option<&'a Question> {
    let head = prompt_head(screen)?;
    u.questions.iter().find(|q| q.prompt.starts_with(&head))
}

/// Wait until the screen shows `number` (such as `第 3/6 题`) with a prompt of `u` other
/// than `before`'s, and return that screen and its question. The number is drawn above
/// the prompt and a frame can arrive in parts, so a screen that has the new number may
/// still hold the prompt just answered.
pub fn wait_question<'a>(
    p: &Pty,
    u: &'a Unit,
    number: &str,
    before: Option<&Question>,
) -> (String, &'a Question) {
    let s = p.wait_until(&format!("{number} with its prompt"), |s| {
        s.contains(number)
            && question_shown(u, s).is_some_and(|q| before.is_none_or(|b| !std::ptr::eq(q, b)))
    });
    let q = question_on_screen(u, &s);
    (s, q)
}

/// The first characters after the question's type tag.
fn prompt_head(screen: &str) -> Option<String> {
    let flat: String = screen.lines().map(str::trim).collect::<Vec<_>>().join("");
    let tag = ["[单选]", "[多选]", "[判断]", "[填空]"]
        .iter()
        .find_map(|t| flat.find(t).map(|i| i + t.len()))?;
    Some(flat[tag..].trim().chars().take(8).collect())
}

/// The keys that answer `q` right: its letters (a judge question's 对 is `a`, 错 `b`),
/// or a fill question's first accepted form.
pub fn right_keys(q: &Question) -> String {
    match &q.answer {
        Answer::Choices(set) => set.iter().map(char::to_ascii_lowercase).collect(),
        Answer::Judge(true) => "a".into(),
        Answer::Judge(false) => "b".into(),
        Answer::Fill(forms) => forms.first().expect("a fill question has a form").clone(),
    }
}

/// The (question, given) pairs of `zhangsan`'s test in `cycle`, in drawn order, as
/// the state file under `home` holds them.
pub fn test_answers(home: &Path, cycle: &str) -> Vec<(String, String)> {
    let st = state(home, "zhangsan");
    st["cycles"][cycle]["test"]["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|a| {
            (
                a["question"].as_str().expect("question").to_string(),
                a["given"].as_str().expect("given").to_string(),
            )
        })
        .collect()
}
