//! `dangxue allowed-signers [--plan PATH]`: the roster as an OpenSSH `allowed_signers`
//! file, so a secretary can check any signed completion file with OpenSSH itself:
//! `ssh-keygen -Y verify -f allowed_signers -I <member_id> -n dangxue-completion -s F.sig < F`.

use std::path::Path;

use anyhow::Context;

use crate::core::sshsig::{self, Signer};
use crate::store::paths::Paths;

/// The file's text, and a note per roster member left out (no usable key).
///
/// # Errors
/// When there is no plan, or it cannot be read.
pub fn run(home: Option<&Path>, plan: Option<&Path>) -> anyhow::Result<(String, Vec<String>)> {
    let paths = Paths::resolve(home)?;
    let config = crate::store::config::load_config(&paths).map_err(|e| anyhow::anyhow!("{e}"))?;
    let s = crate::strings::get(config.lang);
    let path = match (plan, &config.plan) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(p)) => paths.home.join(p),
        (None, None) => {
            anyhow::bail!(s.no_plan(&paths.home.join("config.toml").display().to_string()))
        }
    };
    let plan = crate::store::plan::load(&path)
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|p| p.text(config.lang)).collect();
            anyhow::anyhow!(s.plan_problems(&lines.join("\n")))
        })
        .with_context(|| s.reading_roster(&path.display().to_string()))?;
    let members: Vec<Signer<'_>> = plan
        .roster
        .iter()
        .map(|m| Signer {
            id: &m.id,
            name: &m.name,
            key: m.key.as_deref(),
        })
        .collect();
    let (lines, left_out) = sshsig::allowed_signers(&members);
    let text = s.signers_header() + &lines;
    let mut notes: Vec<String> = left_out.iter().map(|l| s.left_out(l)).collect();
    if members.iter().all(|m| m.key.is_none()) {
        notes.push(s.roster_without_keys(&path.display().to_string()));
    }
    Ok((text, notes))
}
