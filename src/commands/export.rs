//! `dangxue export [--cycle C] [--out PATH]`: write the member's completion file and,
//! with `signing_key`, its signature `<file>.sig`.

use std::path::{Path, PathBuf};

use crate::core::completion::Completion;
use crate::core::config::Lang;
use crate::store::handin;
use crate::store::sign::{self, Prompt, SignError};
use crate::strings;

/// What `export` wrote.
#[derive(Debug)]
pub struct Exported {
    /// The completion file.
    pub path: PathBuf,
    /// Without `signing_key`: `None`. Else the `.sig` written, or why the file was
    /// written unsigned.
    pub signature: Option<Result<PathBuf, SignError>>,
    /// The member's language, for [`Exported::warning`].
    pub lang: Lang,
}

impl Exported {
    /// When signing failed: that the file was written unsigned, and why.
    #[must_use]
    pub fn warning(&self) -> Option<String> {
        let Some(Err(e)) = &self.signature else {
            return None;
        };
        let file = self.path.display();
        Some(strings::get(self.lang).exported_unsigned(&file.to_string(), &e.text(self.lang)))
    }
}

/// Run `export`.
///
/// # Errors
/// When the member cannot be loaded or the file cannot be written.
pub fn run(
    home: Option<&Path>,
    member: Option<&str>,
    cycle: Option<&str>,
    out: Option<&Path>,
) -> anyhow::Result<Exported> {
    let m = super::load_member(home, member)?;
    let cycle = super::cycle_arg(cycle, &m)?;
    let units = m.plan.as_ref().and_then(|p| p.units_for(&cycle));
    let s = strings::get(m.config.lang);
    let now = super::now_datetime(&m.tz).ok_or_else(|| anyhow::anyhow!(s.no_clock()))?;
    let c = Completion::from_state(&m.state, &cycle, now, &m.config.rules(), units, &m.library);
    let path = out.map_or_else(
        || PathBuf::from(format!("{}-{cycle}.toml", m.state.member_id)),
        Path::to_path_buf,
    );
    let bytes = c.to_toml();
    let signed = m.config.signing_key.as_ref().map(|k| {
        sign::sign(
            &sign::key_path(k, &m.paths.home),
            bytes.as_bytes(),
            Prompt::Terminal,
        )
    });
    let armored = signed
        .as_ref()
        .and_then(|s| s.as_ref().ok())
        .map(|s| s.armored.as_slice());
    handin::hand_in(&path, bytes.as_bytes(), armored)
        .map_err(|e| anyhow::anyhow!(s.choose_out(&e.text(m.config.lang))))?;
    let signature = signed.map(|s| s.map(|_| handin::sig_path(&path)));
    Ok(Exported {
        path,
        signature,
        lang: m.config.lang,
    })
}
