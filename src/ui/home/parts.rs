//! 月读, 月讲 and 月学 on 本月: each part's line, its detail and its gauge.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Block, blank, block};
use crate::app::App;
use crate::ui::theme::Theme;
use crate::ui::truncate;

fn ratio(have: usize, need: u32) -> f64 {
    if need == 0 {
        1.0
    } else {
        let have = f64::from(u32::try_from(have).unwrap_or(u32::MAX));
        (have / f64::from(need)).min(1.0)
    }
}

/// The numbers the home screen shows, taken from the assessment.
pub(super) struct Summary {
    units_read: usize,
    pub(super) units_needed: u32,
    reflection_chars: usize,
    reflection_needed: u32,
    read_done: bool,
    talk_topic: bool,
    outline_chars: usize,
    outline_needed: u32,
    delivered: bool,
    talk_done: bool,
    score: Option<u32>,
    pass_score: u32,
    survey_chars: usize,
    survey_needed: u32,
    study_done: bool,
}

impl Summary {
    pub(super) fn of(a: &crate::core::completion::Assessment) -> Summary {
        Summary {
            units_read: a.read.units_read.len(),
            units_needed: a.read.units_required,
            reflection_chars: a.read.reflection_chars,
            reflection_needed: a.read.reflection_min,
            read_done: a.read.done,
            talk_topic: a.talk.has_topic,
            outline_chars: a.talk.outline_chars,
            outline_needed: a.talk.outline_min,
            delivered: a.talk.delivered_in_cycle && !a.talk.delivered_in_future,
            talk_done: a.talk.done,
            score: a.score(),
            pass_score: a.study.pass_score,
            survey_chars: a.study.survey_chars,
            survey_needed: a.study.survey_min,
            study_done: a.study.done,
        }
    }
}
/// A bar `width` cells wide, `ratio` of it filled, with the percentage after it. The
/// filled part is a heavier line than the rest, so it reads without colour.
fn gauge(ratio: f64, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let r = ratio.clamp(0.0, 1.0);
    // Bounded by `width` before the cast.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let filled = ((r * width as f64).round() as usize).min(width);
    vec![
        Span::styled("━".repeat(filled), theme.gauge),
        Span::styled("─".repeat(width - filled), theme.dim),
        Span::styled(format!(" {:>3}%", (r * 100.0).round()), theme.dim),
    ]
}

/// 月读, 月讲 and 月学, two lines each: the heading with the detail when it fits there
/// and the gauge below, else the heading with the gauge and the detail below. A short
/// column (under 16 rows) gets one line each, the mark and the detail; a tall one a
/// blank row between them.
pub(super) fn part_blocks(app: &App, p: &Summary, w: u16, rows: u16, theme: &Theme) -> Vec<Block> {
    let compact = rows < 16;
    let s = app.s;
    let width = usize::from(w);
    let mut out = Vec::new();
    for (i, (name, done, detail, r)) in parts(app, p).into_iter().enumerate() {
        let (mark, style) = if done {
            (format!("✓ {}", s.done), theme.good)
        } else {
            (format!("✗ {}", s.not_done), theme.bad)
        };
        if compact {
            let head = format!("{name} ");
            let sign = if done { "✓ " } else { "✗ " };
            let room = width.saturating_sub(head.width() + sign.width());
            out.push(block(
                0,
                vec![Line::from(vec![
                    Span::styled(head, theme.title),
                    Span::styled(sign, style),
                    Span::raw(truncate(&detail, room)),
                ])],
            ));
            continue;
        }
        let head = vec![
            Span::styled(format!("{name}  "), theme.title),
            Span::styled(mark, style),
            Span::raw("  "),
        ];
        let head_w: usize = head.iter().map(|x| x.content.width()).sum();
        let mut first = head;
        let second = if head_w + detail.width() <= width {
            first.push(Span::raw(detail));
            let mut g = vec![Span::raw("  ")];
            g.extend(gauge(r, width.saturating_sub(2 + 5).min(40), theme));
            Line::from(g)
        } else {
            first.extend(gauge(r, width.saturating_sub(head_w + 5).min(40), theme));
            Line::from(format!("  {}", truncate(&detail, width.saturating_sub(2))))
        };
        if i > 0 && rows >= 30 {
            out.push(blank(5));
        }
        out.push(block(0, vec![Line::from(first), second]));
    }
    out
}

/// Each part's name, whether it is done, its detail and how far it is.
fn parts(app: &App, p: &Summary) -> Vec<(&'static str, bool, String, f64)> {
    let s = app.s;
    let need_units = (p.units_needed as usize).saturating_sub(p.units_read);
    let reflection = s.chars_of(s.fields.reflection, p.reflection_chars, p.reflection_needed);
    let read_detail = if need_units > 0 {
        format!(
            "{} · {reflection}",
            s.need_units(u32::try_from(need_units).unwrap_or(u32::MAX))
        )
    } else {
        format!("{}/{} · {reflection}", p.units_read, p.units_needed)
    };
    let read_ratio = f64::midpoint(
        ratio(p.units_read, p.units_needed),
        ratio(p.reflection_chars, p.reflection_needed),
    );
    let yes_no = |b: bool| if b { "✓" } else { "✗" };
    let talk_detail = format!(
        "{}{} · {} · {}{}",
        s.fields.topic,
        yes_no(p.talk_topic),
        s.chars_of(s.fields.outline, p.outline_chars, p.outline_needed),
        s.fields.delivered,
        yes_no(p.delivered)
    );
    let talk_ratio = (f64::from(u8::from(p.talk_topic))
        + ratio(p.outline_chars, p.outline_needed)
        + f64::from(u8::from(p.delivered)))
        / 3.0;
    let open_test = app
        .state
        .cycles
        .get(&app.cycle.to_string())
        .and_then(|c| c.test.as_ref())
        .filter(|t| !t.submitted);
    let test = match (p.score, open_test) {
        (Some(sc), _) => s.score(sc, p.pass_score),
        (None, Some(t)) => s.test_in_progress(
            t.answers
                .iter()
                .filter(|a| !a.given.trim().is_empty())
                .count(),
            t.answers.len(),
        ),
        (None, None) => s.test_not_taken.to_string(),
    };
    let study_detail = format!(
        "{test} · {}",
        s.chars_of(s.editors.survey, p.survey_chars, p.survey_needed)
    );
    let test_ratio = p.score.map_or(0.0, |sc| ratio(sc as usize, p.pass_score));
    let study_ratio = f64::midpoint(test_ratio, ratio(p.survey_chars, p.survey_needed));
    vec![
        (s.parts.read, p.read_done, read_detail, read_ratio),
        (s.parts.talk, p.talk_done, talk_detail, talk_ratio),
        (s.parts.study, p.study_done, study_detail, study_ratio),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gauge_fills_its_share_and_says_it() {
        let theme = Theme::new(crate::core::config::ThemeName::Mono, true);
        let text = |spans: Vec<Span<'static>>| -> String {
            spans.iter().map(|s| s.content.as_ref()).collect()
        };
        assert_eq!(text(gauge(0.25, 8, &theme)), "━━──────  25%");
        assert_eq!(text(gauge(2.0, 4, &theme)), "━━━━ 100%");
        assert_eq!(text(gauge(0.5, 0, &theme)), "  50%");
    }
}
