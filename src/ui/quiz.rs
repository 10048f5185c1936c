//! Practice quizzes and the cycle test.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use super::{footer, hanging, truncate, wrapped};
use crate::app::App;
use crate::core::quiz::{self, Selection};
use crate::core::text::escape_controls;
use crate::core::unit::{Answer, Question, QuestionType};

/// The head line, the body and the footer line of a full screen.
pub(super) fn frame_areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

fn type_label(app: &App, t: QuestionType) -> &'static str {
    app.s.qtypes.of(t)
}

/// The answer key in readable form: "C", "A C D", "正确", "3名".
fn answer_text(app: &App, q: &Question) -> String {
    match &q.answer {
        Answer::Choices(set) => set
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join(" "),
        Answer::Judge(value) => app.s.judge.of(*value).to_string(),
        Answer::Fill(forms) => forms.first().cloned().unwrap_or_default(),
    }
}

/// The first row to draw so that line `focus` is on screen when `len` lines do not
/// fit in `height` rows: as little scrolling as possible, never past the end.
fn top_for(focus: usize, len: usize, height: u16) -> u16 {
    let height = usize::from(height).max(1);
    let top = (focus + 1)
        .saturating_sub(height)
        .min(len.saturating_sub(height));
    u16::try_from(top).unwrap_or(u16::MAX)
}

/// Lines of a question wrapped to `width`: prompt, then choices with the cursor and
/// the chosen marks, or the typed answer; with the index of the last line that must
/// stay in view (the end of the cursor's choice, or of the typed answer).
fn question_lines(
    app: &App,
    q: &Question,
    answer: &Selection,
    theme: &Theme,
    width: u16,
) -> (Vec<Line<'static>>, usize) {
    let mut lines = hanging(
        &format!("[{}] ", type_label(app, q.qtype)),
        theme.title,
        &escape_controls(&q.prompt),
        theme.title,
        width,
    );
    lines.push(Line::from(""));
    let mut focus = 0;
    let choices: Vec<String> = match q.qtype {
        QuestionType::Judge => [app.s.judge.yes, app.s.judge.no]
            .map(str::to_string)
            .to_vec(),
        QuestionType::Fill => Vec::new(),
        _ => q.choices.iter().map(|c| escape_controls(c)).collect(),
    };
    for (i, c) in choices.iter().enumerate() {
        let letter = char::from_u32('A' as u32 + u32::try_from(i).unwrap_or(0)).unwrap_or('?');
        let mark = match (q.qtype, answer.is_chosen(q, letter)) {
            (QuestionType::Multiple, true) => "[x]",
            (QuestionType::Multiple, false) => "[ ]",
            (_, true) => "(•)",
            (_, false) => "( )",
        };
        let style = if i == answer.cursor {
            theme.selected
        } else {
            Style::new()
        };
        let choice = hanging(&format!("{mark} {letter}. "), style, c, style, width);
        lines.extend(choice.into_iter().map(|l| l.style(style)));
        if i == answer.cursor {
            focus = lines.len() - 1;
        }
    }
    if q.qtype == QuestionType::Fill {
        let mut typed = hanging(
            "> ",
            theme.accent,
            &format!("{}▏", escape_controls(&answer.given)),
            Style::new(),
            width,
        );
        lines.append(&mut typed);
        focus = lines.len() - 1;
        lines.extend(wrapped(app.s.fill_hint, width, theme.dim));
    }
    (lines, focus)
}

/// The given answer in readable form: "C", "A C D", "正确", the typed text.
fn given_text(app: &App, q: &Question, given: &str) -> String {
    if given.trim().is_empty() {
        return app.s.not_answered.to_string();
    }
    match q.qtype {
        QuestionType::Judge => match given.trim() {
            "true" => app.s.judge.yes.to_string(),
            "false" => app.s.judge.no.to_string(),
            other => escape_controls(other),
        },
        QuestionType::Fill => escape_controls(given),
        _ => given
            .chars()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The summary of a practice sitting: the count and one mark per question.
fn draw_practice_summary(frame: &mut Frame, body: Rect, app: &App, theme: &Theme) {
    let v = &app.quiz;
    let answered = v.results.iter().filter(|r| r.is_some()).count();
    let right = v.results.iter().filter(|r| **r == Some(true)).count();
    let skipped = v.items.len().saturating_sub(answered);
    let title = if v.first_pass > 0 {
        let first: Vec<Option<bool>> = v.results.iter().take(v.first_pass).copied().collect();
        let again = first.iter().filter(|r| **r == Some(false)).count();
        let good = first.iter().filter(|r| **r == Some(true)).count();
        let relearned = v
            .results
            .iter()
            .skip(v.first_pass)
            .filter(|r| **r == Some(true))
            .count();
        app.s.review_summary(v.first_pass, good, again, relearned)
    } else {
        app.s.practice_summary(right, answered, skipped)
    };
    // Drawn one column in from each side: the title wraps and each row is cut to that.
    let width = body.width.saturating_sub(2);
    let mut lines = wrapped(&title, width, theme.title);
    lines.push(Line::from(""));
    for (i, item) in v.items.iter().enumerate() {
        let (mark, style) = match v.results.get(i).copied().flatten() {
            Some(true) => ("✓", theme.good),
            Some(false) => ("✗", theme.bad),
            None => ("·", theme.dim),
        };
        let prompt = app
            .library
            .get(&item.0)
            .and_then(|u| u.question(&item.1))
            .map(|q| escape_controls(&q.prompt))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} "), style),
            Span::raw(truncate(
                &format!("{}. {prompt}", i + 1),
                usize::from(width).saturating_sub(3),
            )),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(body.x + 1, body.y + 1, width, body.height.saturating_sub(1)),
    );
}

/// Draw a practice quiz.
pub fn draw_quiz(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, body, foot] = frame_areas(area);
    let v = &app.quiz;
    if v.summary {
        frame.render_widget(
            Paragraph::new(Span::styled(
                truncate(&format!(" {}", app.s.quiz_title), usize::from(area.width)),
                theme.title,
            )),
            head,
        );
        draw_practice_summary(frame, body, app, theme);
        footer(frame, foot, app, theme);
        return;
    }
    let item = v.items.get(v.index);
    let unit = item.and_then(|(u, _)| app.library.get(u));
    let title = unit
        .map(|u| escape_controls(&u.meta.title))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(
                &format!(
                    " {} · {} · {}",
                    app.s.quiz_title,
                    app.s.question_n(v.index + 1, v.items.len()),
                    title
                ),
                usize::from(area.width),
            ),
            theme.title,
        )),
        head,
    );
    let Some(q) = item.and_then(|(u, q)| app.library.get(u)?.question(q)) else {
        frame.render_widget(
            Paragraph::new(Span::styled(app.s.no_questions, theme.dim)),
            body,
        );
        footer(frame, foot, app, theme);
        return;
    };
    let inner = Rect::new(
        body.x + 1,
        body.y + 1,
        body.width.saturating_sub(2),
        body.height.saturating_sub(1),
    );
    let (mut lines, mut focus) = question_lines(app, q, &v.answer, theme, inner.width);
    if let Some(right) = v.feedback {
        lines.push(Line::from(""));
        // The verdict and as much of the explanation as fits come into view.
        focus = lines.len() + usize::from(inner.height).saturating_sub(1);
        let (word, style) = if right {
            (app.s.correct, theme.good)
        } else {
            (app.s.wrong, theme.bad)
        };
        lines.extend(hanging(
            &format!("{word}  "),
            style,
            &format!(
                "{}{}",
                app.s.answer_is,
                escape_controls(&answer_text(app, q))
            ),
            theme.accent,
            inner.width,
        ));
        lines.extend(hanging(
            app.s.explain,
            Style::new(),
            &escape_controls(&q.explain),
            Style::new(),
            inner.width,
        ));
    }
    let top = top_for(focus, lines.len(), inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((top, 0)), inner);
    footer(frame, foot, app, theme);
}

/// Draw the cycle test: the current question, or the score once submitted.
pub fn draw_test(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [head, body, foot] = frame_areas(area);
    let Some(t) = app.test_record() else {
        return;
    };
    let total = t.answers.len();
    let (answered, _) = super::test_counts(app);
    let cycle = app.test_cycle();
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(
                &format!(" {} · {cycle} · {answered}/{total}", app.s.test_title),
                usize::from(area.width),
            ),
            theme.title,
        )),
        head,
    );
    let inner = Rect::new(
        body.x + 1,
        body.y + 1,
        body.width.saturating_sub(2),
        body.height.saturating_sub(1),
    );
    if t.submitted {
        let score = crate::app::queries::test_score(app).unwrap_or(0);
        let pass = app.rules.study.pass_score;
        let style = if score >= pass { theme.good } else { theme.bad };
        let mut lines = vec![
            Line::from(Span::styled(app.s.score(score, pass), style)),
            Line::from(""),
        ];
        // The review: every question with the answer given, the right one and why,
        // wrapped by display width (Chinese breaks anywhere) and scrolled by row.
        let mut rows: Vec<(String, ratatui::style::Style)> = Vec::new();
        for (i, a) in t.answers.iter().enumerate() {
            let q = app
                .library
                .get(&a.unit)
                .and_then(|u| u.question(&a.question));
            let right = q.is_some_and(|q| quiz::is_correct(q, &a.given));
            let (mark, mark_style) = if right {
                ("✓", theme.good)
            } else {
                ("✗", theme.bad)
            };
            let prompt = match q {
                Some(q) => format!(
                    "[{}] {}",
                    type_label(app, q.qtype),
                    escape_controls(&q.prompt)
                ),
                // A question that left the content after the test was handed in.
                None => format!(
                    "{}/{} — {}",
                    escape_controls(&a.unit),
                    escape_controls(&a.question),
                    app.s.test_question_gone
                ),
            };
            rows.push((format!("{mark} {}. {prompt}", i + 1), mark_style));
            if let Some(q) = q {
                if !matches!(q.qtype, QuestionType::Judge | QuestionType::Fill) {
                    for (j, c) in q.choices.iter().enumerate() {
                        let letter = char::from_u32('A' as u32 + u32::try_from(j).unwrap_or(0))
                            .unwrap_or('?');
                        rows.push((format!("  {letter}. {}", escape_controls(c)), theme.dim));
                    }
                }
                rows.push((
                    format!(
                        "  {}{}    {}{}",
                        app.s.your_answer,
                        given_text(app, q, &a.given),
                        app.s.answer_is,
                        escape_controls(&answer_text(app, q))
                    ),
                    if right { theme.good } else { theme.bad },
                ));
                if !q.explain.is_empty() {
                    rows.push((
                        format!("  {}{}", app.s.explain, escape_controls(&q.explain)),
                        ratatui::style::Style::new(),
                    ));
                }
            }
            rows.push((String::new(), ratatui::style::Style::new()));
        }
        let width = inner.width.max(1);
        let visual: Vec<Line> = rows
            .iter()
            .flat_map(|(text, style)| {
                let l = crate::core::layout::layout(text, width);
                let wrapped: Vec<Line> = l
                    .lines
                    .iter()
                    .map(|v| Line::from(Span::styled(v.text.clone(), *style)))
                    .collect();
                if wrapped.is_empty() {
                    vec![Line::from("")]
                } else {
                    wrapped
                }
            })
            .collect();
        let height = usize::from(inner.height).saturating_sub(2);
        let max = visual.len().saturating_sub(height);
        let scroll = app.test.scroll.min(max);
        lines.extend(visual.into_iter().skip(scroll).take(height));
        frame.render_widget(Paragraph::new(lines), inner);
        footer(frame, foot, app, theme);
        return;
    }
    let mut lines = Vec::new();
    if let Some(why) = &app.test.redrawn {
        lines.extend(wrapped(&escape_controls(why), inner.width, theme.accent));
        lines.push(Line::from(""));
    }
    let a = t.answers.get(app.test.index);
    let Some((a, q)) = a.and_then(|a| Some((a, app.library.get(&a.unit)?.question(&a.question)?)))
    else {
        // Never a blank screen: say what is missing.
        let what = match a {
            Some(a) => format!(
                "{}/{} — {}",
                escape_controls(&a.unit),
                escape_controls(&a.question),
                app.s.test_question_gone
            ),
            None => app.s.test_empty.to_string(),
        };
        lines.extend(wrapped(&what, inner.width, theme.bad));
        frame.render_widget(Paragraph::new(lines), inner);
        footer(frame, foot, app, theme);
        return;
    };
    let answer = Selection {
        cursor: app.test.cursor,
        given: a.given.clone(),
    };
    // The question strip: every question with whether it is answered; digits jump.
    let mut strip = vec![Span::styled(
        format!("{}  ", app.s.question_n(app.test.index + 1, total)),
        theme.accent,
    )];
    for (i, x) in t.answers.iter().enumerate() {
        let done = !x.given.trim().is_empty();
        let cell = format!("{}{}", i + 1, if done { "✓" } else { "·" });
        let style = if i == app.test.index {
            theme.selected
        } else if done {
            theme.good
        } else {
            theme.dim
        };
        strip.push(Span::styled(cell, style));
        strip.push(Span::raw(" "));
    }
    lines.extend([Line::from(strip), Line::from("")]);
    let (question, focus) = question_lines(app, q, &answer, theme, inner.width);
    let focus = focus + lines.len();
    lines.extend(question);
    let top = top_for(focus, lines.len(), inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((top, 0)), inner);
    footer(frame, foot, app, theme);
}
