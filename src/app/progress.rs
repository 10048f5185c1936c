//! The cycle's 月读/月讲/月学 progress as the home screen shows it: the same
//! derivation `status`, `export` and the secretary's `report` use.

use super::App;
use crate::core::completion::{Assessment, Completion, assess};
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
