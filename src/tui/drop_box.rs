//! The drop folder: the current completion file (signed when a key is set) copied
//! where the secretary collects them.

use std::time::{Duration, Instant};

use crate::app::App;

/// The drop folder (`report_dir`) and how files dropped there are signed.
pub struct DropBox {
    /// The folder.
    pub dir: std::path::PathBuf,
    /// The resolved `signing_key`, if any.
    pub signing_key: Option<std::path::PathBuf>,
    /// When the last signed file was dropped.
    last_signed: Option<Instant>,
}

/// How often a signed drop happens while the member works: each one runs
/// `ssh-keygen` (and may ask a security key for a touch).
const SIGNED_DROP_EVERY: Duration = Duration::from_secs(60);

impl DropBox {
    /// A drop folder, signing with `signing_key` when given.
    #[must_use]
    pub fn new(dir: std::path::PathBuf, signing_key: Option<std::path::PathBuf>) -> DropBox {
        DropBox {
            dir,
            signing_key,
            last_signed: None,
        }
    }

    /// Write the current cycle's completion file (and its signature) into the folder,
    /// so the secretary's folder holds the latest evidence. With a signing key this
    /// happens at most every [`SIGNED_DROP_EVERY`], and always when `last` (on quit).
    pub(super) fn drop_completion(&mut self, app: &mut App, last: bool) {
        use crate::store::{handin, sign};
        let Some(c) = crate::app::queries::completion(app) else {
            return;
        };
        if self.signing_key.is_some()
            && !last
            && self
                .last_signed
                .is_some_and(|t| t.elapsed() < SIGNED_DROP_EVERY)
        {
            return;
        }
        let path = self.dir.join(format!("{}-{}.toml", c.member_id, c.cycle));
        let bytes = c.to_toml();
        let lang = app.s.lang;
        let signed = self.signing_key.as_ref().map(|k| {
            self.last_signed = Some(Instant::now());
            sign::sign(k, bytes.as_bytes(), sign::Prompt::Never)
        });
        let armored = signed
            .as_ref()
            .and_then(|s| s.as_ref().ok())
            .map(|s| s.armored.as_slice());
        if let Err(e) = handin::hand_in(&path, bytes.as_bytes(), armored) {
            app.notice = Some(e.text(lang));
        } else if let Some(Err(e)) = &signed {
            app.notice = Some(format!("{}: {}", app.s.dropped_unsigned, e.text(lang)));
        }
    }
}
