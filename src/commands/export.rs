//! `dangxue export [--cycle C] [--out PATH]`: write the member's completion file.

use std::path::{Path, PathBuf};

use crate::core::completion::Completion;

/// Run `export`; returns the path written.
///
/// # Errors
/// When the member cannot be loaded or the file cannot be written.
pub fn run(
    home: Option<&Path>,
    member: Option<&str>,
    cycle: Option<&str>,
    out: Option<&Path>,
) -> anyhow::Result<PathBuf> {
    let m = super::load_member(home, member)?;
    let cycle = super::cycle_arg(cycle, &m)?;
    let units = m.plan.as_ref().and_then(|p| p.units_for(&cycle));
    let now = super::now_datetime(&m.tz).ok_or_else(|| anyhow::anyhow!("cannot read the clock"))?;
    let c = Completion::from_state(&m.state, &cycle, now, &m.config.rules(), units, &m.library);
    let path = out.map_or_else(
        || PathBuf::from(format!("{}-{cycle}.toml", m.state.member_id)),
        Path::to_path_buf,
    );
    crate::store::atomic::write_atomic(&path, c.to_toml().as_bytes(), 0o640).map_err(|e| {
        anyhow::anyhow!(
            "cannot write {}: {e} (choose another place with --out)",
            path.display()
        )
    })?;
    Ok(path)
}
