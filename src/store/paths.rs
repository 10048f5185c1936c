//! Where dangxue keeps its files.

use std::path::{Path, PathBuf};

/// The folders one run uses.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The config dir: `--home`, `DANGXUE_HOME` or the platform's (`~/.config/dangxue`).
    pub home: PathBuf,
}

impl Paths {
    /// Resolve the home folder: the flag first, then `DANGXUE_HOME`, then the platform
    /// config dir.
    ///
    /// # Errors
    /// When no home can be found (no `HOME` and no flag).
    pub fn resolve(flag: Option<&Path>) -> anyhow::Result<Paths> {
        if let Some(p) = flag {
            return Ok(Paths {
                home: p.to_path_buf(),
            });
        }
        if let Some(p) = std::env::var_os("DANGXUE_HOME").filter(|v| !v.is_empty()) {
            return Ok(Paths {
                home: PathBuf::from(p),
            });
        }
        // There is no config to name a language yet: the default's.
        let dirs = directories::ProjectDirs::from("", "", "dangxue").ok_or_else(|| {
            anyhow::anyhow!(crate::strings::get(crate::core::config::Lang::default()).no_home())
        })?;
        Ok(Paths {
            home: dirs.config_dir().to_path_buf(),
        })
    }

    /// `config.toml`.
    #[must_use]
    pub fn config_file(&self) -> PathBuf {
        self.home.join("config.toml")
    }

    /// The folder of member state files.
    #[must_use]
    pub fn members_dir(&self) -> PathBuf {
        self.home.join("members")
    }

    /// One member's state file.
    #[must_use]
    pub fn member_file(&self, id: &str) -> PathBuf {
        self.members_dir().join(format!("{id}.toml"))
    }

    /// The title cache: every unit file's metadata, so that a start with unchanged
    /// files lists the library without opening them (see
    /// [`title_cache`](super::title_cache)). In the home, not beside the units:
    /// content dirs may be shared by several accounts.
    #[must_use]
    pub fn title_cache(&self) -> PathBuf {
        self.home.join("cache").join("titles.bin")
    }
}
