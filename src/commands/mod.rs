//! Subcommands: plain text in, plain text out, no terminal.

pub mod check;
pub mod open;

use crate::app::CyclePlan;
use crate::core::config::Config;
use crate::store::content::Library;

/// The plan's part for a cycle: assigned units, talk theme and due date.
///
/// # Errors
/// When the configured plan file cannot be read or parsed.
pub fn plan_for(config: &Config, _cycle: &str, _library: &Library) -> anyhow::Result<CyclePlan> {
    match &config.plan {
        None => Ok(CyclePlan::default()),
        Some(p) => anyhow::bail!("plan files are not read by this build: remove `plan = {:?}` from config", p),
    }
}
