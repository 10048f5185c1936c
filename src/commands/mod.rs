//! Subcommands: plain text in, plain text out, no terminal.

pub mod allowed_signers;
pub mod check;
pub mod export;
pub mod open;
pub mod report;
pub mod status;

use std::path::Path;

use crate::app::CyclePlan;
use crate::core::config::Config;
use crate::core::plan::Plan;
use crate::core::regime::Cycle;
use crate::core::state::MemberState;
use crate::store::content::{self, Library};
use crate::store::paths::Paths;

/// Read and parse the configured plan file, if any (a relative path is taken from
/// the home folder, as `report` does).
///
/// # Errors
/// When the plan file cannot be read or has problems (each as `path:line: message`).
pub fn load_plan(config: &Config, paths: &Paths) -> anyhow::Result<Option<Plan>> {
    let Some(path) = &config.plan else {
        return Ok(None);
    };
    crate::store::plan::load(&paths.home.join(path))
        .map(Some)
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            anyhow::anyhow!("the plan file has problems:\n{}", lines.join("\n"))
        })
}

/// The plan's part for a cycle: assigned units, talk theme and due date.
#[must_use]
pub fn plan_for(plan: Option<&Plan>, cycle: &Cycle) -> CyclePlan {
    CyclePlan::of(plan, cycle)
}

/// Everything a plain-text command needs about one member.
pub struct Member {
    /// Resolved folders.
    pub paths: Paths,
    /// The config.
    pub config: Config,
    /// Loaded units.
    pub library: Library,
    /// The plan, if configured.
    pub plan: Option<Plan>,
    /// The member's state as saved.
    pub state: MemberState,
    /// The member's time zone.
    pub tz: jiff::tz::TimeZone,
}

/// The member's time zone: config `timezone`, else the system's (`TZ`, else
/// `/etc/localtime`), each read from its one zone file.
///
/// # Errors
/// When the configured name is not a known zone.
pub fn time_zone(config: &Config) -> anyhow::Result<jiff::tz::TimeZone> {
    match &config.timezone {
        Some(tz) => crate::store::zone::named(tz).map_err(|e| {
            anyhow::anyhow!("config timezone {tz:?} is not a known IANA zone name: {e}")
        }),
        None => Ok(crate::store::zone::system()),
    }
}

/// Load one member for a plain-text command: `--member ID`, or the only profile.
///
/// # Errors
/// No or several profiles without `--member`, or unreadable config, plan or state.
pub fn load_member(home: Option<&Path>, member: Option<&str>) -> anyhow::Result<Member> {
    let paths = Paths::resolve(home)?;
    let config = crate::store::config::load_config(&paths).map_err(|e| anyhow::anyhow!("{e}"))?;
    let library = content::load(&config.content_dirs);
    for p in &library.problems {
        eprintln!("dangxue: skipped: {p}");
    }
    let plan = load_plan(&config, &paths)?;
    let id = match member {
        Some(id) => id.to_string(),
        None => {
            let profiles = crate::store::state::list_members(&paths);
            match profiles.as_slice() {
                [(id, _)] => id.clone(),
                [] => anyhow::bail!(
                    "no member profile in {}: run `dangxue` first, or pass --member ID",
                    paths.members_dir().display()
                ),
                _ => anyhow::bail!(
                    "several member profiles in {}: pass --member ID (one of: {})",
                    paths.members_dir().display(),
                    profiles
                        .iter()
                        .map(|(i, _)| i.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        }
    };
    let state = crate::store::state::read_member(&paths, &id)
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .ok_or_else(|| {
            anyhow::anyhow!(
                "member {id:?} has no record in {} yet: open it once with `dangxue --member {id}`",
                paths.members_dir().display()
            )
        })?;
    let tz = time_zone(&config)?;
    Ok(Member {
        paths,
        config,
        library,
        plan,
        state,
        tz,
    })
}

/// The cycle named on the command line, or the one containing today.
///
/// # Errors
/// When the name is not a cycle.
pub fn cycle_arg(arg: Option<&str>, m: &Member) -> anyhow::Result<Cycle> {
    match arg {
        Some(c) => c.parse::<Cycle>().map_err(|e| anyhow::anyhow!("{e}")),
        None => {
            let today = jiff::Timestamp::now()
                .to_zoned_datetime(m.tz.clone())
                .date();
            Ok(Cycle::containing(today, m.config.cycle.length))
        }
    }
}

/// Now in the member's zone as a TOML offset datetime, whole seconds.
#[must_use]
pub fn now_datetime(tz: &jiff::tz::TimeZone) -> Option<toml::value::Datetime> {
    crate::core::regime::toml_datetime(jiff::Timestamp::now(), tz)
}
