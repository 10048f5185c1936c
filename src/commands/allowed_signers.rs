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
    let path = match (plan, &config.plan) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(p)) => paths.home.join(p),
        (None, None) => anyhow::bail!(
            "no plan: give --plan PATH, or set `plan` in {}",
            paths.home.join("config.toml").display()
        ),
    };
    let plan = crate::store::plan::load(&path)
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            anyhow::anyhow!("the plan file has problems:\n{}", lines.join("\n"))
        })
        .with_context(|| format!("reading the roster of {}", path.display()))?;
    let members: Vec<Signer<'_>> = plan
        .roster
        .iter()
        .map(|m| Signer {
            id: &m.id,
            name: &m.name,
            key: m.key.as_deref(),
        })
        .collect();
    let (text, mut notes) = sshsig::allowed_signers(&members, config.lang);
    if members.iter().all(|m| m.key.is_none()) {
        notes.push(format!(
            "the roster in {} has no member with a key: add key = \"ssh-ed25519 AAAA…\" to each [[member]]",
            path.display()
        ));
    }
    Ok((text, notes))
}
