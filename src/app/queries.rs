//! Read-only questions about the [`App`] that the screens and the terminal loop ask:
//! the cycle's 月读/月讲/月学 progress as the home screen shows it (the same
//! derivation `status`, `export` and the secretary's `report` use) and the test draw.
//! `ui/` reads these, never `update`.

use super::App;
use crate::core::completion::{Assessment, Completion, assess};
use crate::core::reading::{self, ReadState};
use crate::core::regime::Cycle;

/// The current cycle as a value.
#[must_use]
pub fn cycle(app: &App) -> Cycle {
    Cycle::containing(app.today(), app.rules.cycle.length)
}

/// The member's completion file for the current cycle, as `export` would write it now.
#[must_use]
pub fn completion(app: &App) -> Option<Completion> {
    let exported = app.now_datetime()?;
    Some(Completion::from_state(
        &app.state,
        &cycle(app),
        exported,
        &app.rules,
        app.plan.units.as_deref(),
        &app.library,
    ))
}

/// 月读/月讲/月学 for the current cycle, derived from the evidence.
#[must_use]
pub fn assessment(app: &App) -> Option<Assessment> {
    let c = completion(app)?;
    Some(assess(
        &c,
        &app.rules,
        app.plan.units.as_deref(),
        &app.library,
    ))
}

/// The questions the test would draw if it began now: the deterministic draw over
/// the cycle's units finished so far (the same function the secretary's report runs).
#[must_use]
pub fn draw_now(app: &App) -> Vec<(String, String)> {
    let Some(taken) = app.now_datetime() else {
        return Vec::new();
    };
    crate::core::completion::test_draw_for_state(
        &app.state,
        &cycle(app),
        &taken,
        &app.rules,
        app.plan.units.as_deref(),
        &app.library,
    )
}

/// How many questions the test will have if started now.
#[must_use]
pub fn test_size(app: &App) -> usize {
    draw_now(app).len()
}

/// The plan's units for `cycle`: the current cycle's as set, another's from the plan
/// file.
#[must_use]
pub fn plan_units(app: &App, cycle: &Cycle) -> Option<Vec<String>> {
    if cycle.to_string() == app.cycle {
        return app.plan.units.clone();
    }
    app.plan_file
        .as_deref()
        .and_then(|p| p.units_for(cycle))
        .map(<[String]>::to_vec)
}

/// 月读/月讲/月学 of `cycle`, with that cycle's plan.
#[must_use]
pub fn assessment_of(app: &App, cycle: &Cycle) -> Option<Assessment> {
    let exported = app.now_datetime()?;
    let units = plan_units(app, cycle);
    let c = Completion::from_state(
        &app.state,
        cycle,
        exported,
        &app.rules,
        units.as_deref(),
        &app.library,
    );
    Some(assess(&c, &app.rules, units.as_deref(), &app.library))
}

/// The graded score of the submitted test on screen: graded in the cycle it began
/// in, with that cycle's plan, even when handed in after the cycle ended.
#[must_use]
pub fn test_score(app: &App) -> Option<u32> {
    let cycle: Cycle = app.test_cycle().parse().ok()?;
    assessment_of(app, &cycle)?.score()
}

/// The read state of a unit in the current cycle: the one derivation the library, the
/// reader, 本月 and `status` all show (see [`crate::core::reading`]).
#[must_use]
pub fn read_state(app: &App, id: &str) -> ReadState {
    let body_len = app.library.get(id).map_or(0, |u| u.body.len());
    let in_cycle = app
        .plan
        .units
        .as_ref()
        .is_none_or(|units| units.iter().any(|u| u == id));
    reading::read_state(
        app.state.units.get(id),
        &app.cycle,
        body_len,
        app.rules.read.min_seconds,
        in_cycle,
    )
}

/// Whether reading time is being counted now: a unit is open and a key was pressed
/// within `read.idle_seconds`.
#[must_use]
pub fn timing(app: &App) -> bool {
    let idle_ms = i64::try_from(app.rules.read.idle_seconds)
        .unwrap_or(i64::MAX / 2)
        .saturating_mul(1000);
    app.reader.is_some()
        && app.now.as_millisecond() < app.last_input.as_millisecond().saturating_add(idle_ms)
}

/// Seconds counted in the unit during the current cycle.
#[must_use]
pub fn cycle_seconds(app: &App, id: &str) -> u64 {
    app.state
        .units
        .get(id)
        .and_then(|p| p.cycles.get(&app.cycle))
        .map_or(0, |r| r.seconds)
}
