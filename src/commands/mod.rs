//! Subcommands: plain text in, plain text out, no terminal.
//!
//! # Inputs from the environment
//! Every input a member does not type — `TZ`, the config's paths, the secretary's
//! plan, the content folders — is validated with a size cap and a clear message:
//! - a broken or unreadable plan means a notice and "no plan" for a member's program
//!   ([`member_plan`]), never a program that will not start; `report`, the
//!   secretary's own command, still refuses it ([`load_plan`]);
//! - a `TZ` that is not a usable zone is named in a warning and the system zone (or
//!   UTC) is used ([`time_zone`]);
//! - skipped unit files are listed [`MAX_SHOWN_PROBLEMS`] at most, then counted: ten
//!   thousand bad files are one short message, not pages of stderr.

pub mod allowed_signers;
pub mod check;
pub mod export;
pub mod notes;
pub mod open;
pub mod report;
pub mod status;

use std::path::Path;

use crate::core::config::{Config, Lang};
use crate::core::plan::Plan;
use crate::core::regime::Cycle;
use crate::core::state::MemberState;
use crate::store::content::{self, Library};
use crate::store::paths::Paths;

/// Read and parse the configured plan file, if any (a relative path in the config is
/// taken from the config file's folder).
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
            let lines: Vec<String> = problems.iter().map(|p| p.text(config.lang)).collect();
            anyhow::anyhow!(crate::strings::get(config.lang).plan_problems(&lines.join("\n")))
        })
}

/// The plan for a member's program: a plan that cannot be read or has problems is
/// no plan, with a one-line notice saying why and where (the first problem, and how
/// many there are), so a secretary's mistake never stops every member's program.
#[must_use]
pub fn member_plan(config: &Config, paths: &Paths) -> (Option<Plan>, Option<String>) {
    let Some(path) = &config.plan else {
        return (None, None);
    };
    match crate::store::plan::load(&paths.home.join(path)) {
        Ok(plan) => (Some(plan), None),
        Err(problems) => {
            // `FileProblem::text` escapes what the file could put in a terminal.
            let first = problems
                .first()
                .map(|p| p.text(config.lang))
                .unwrap_or_default();
            let more = problems.len().saturating_sub(1);
            let s = crate::strings::get(config.lang);
            (None, Some(s.plan_not_used(&first, more)))
        }
    }
}

/// Most skipped unit files listed before the rest are only counted.
pub const MAX_SHOWN_PROBLEMS: usize = 5;

/// Tell stderr, in `lang`, about unit files that were skipped: the first
/// [`MAX_SHOWN_PROBLEMS`], then how many more.
pub fn warn_skipped(problems: &[crate::store::content::FileProblem], lang: Lang) {
    use std::io::Write;
    let s = crate::strings::get(lang);
    let mut err = std::io::stderr().lock();
    for p in problems.iter().take(MAX_SHOWN_PROBLEMS) {
        let _ = writeln!(err, "dangxue: {}", s.skipped_file(&p.text(lang)));
    }
    if problems.len() > MAX_SHOWN_PROBLEMS {
        let _ = writeln!(
            err,
            "dangxue: {}",
            s.skipped_more(problems.len() - MAX_SHOWN_PROBLEMS)
        );
    }
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
    let (tz, warning) = zone_and_warning(config)?;
    if let Some(w) = warning {
        eprintln!("dangxue: {w}");
    }
    Ok(tz)
}

/// [`time_zone`], with the warning about an unusable `TZ` returned rather than
/// printed (the TUI shows it as a notice).
///
/// # Errors
/// When the configured name is not a known zone.
pub fn zone_and_warning(config: &Config) -> anyhow::Result<(jiff::tz::TimeZone, Option<String>)> {
    let s = crate::strings::get(config.lang);
    if let Some(tz) = &config.timezone {
        crate::store::zone::named(tz)
            .map(|z| (z, None))
            .map_err(|e| {
                anyhow::anyhow!(s.unknown_zone(&crate::core::text::quote(tz), &s.zone_issue(&e)))
            })
    } else {
        let (zone, warning) = crate::store::zone::system_checked();
        Ok((zone, warning.map(|w| s.tz_warning(&w))))
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
    warn_skipped(&library.problems, config.lang);
    let (plan, plan_notice) = member_plan(&config, &paths);
    if let Some(n) = plan_notice {
        eprintln!("dangxue: {n}");
    }
    let s = crate::strings::get(config.lang);
    let members_dir = paths.members_dir().display().to_string();
    let id = if let Some(id) = member {
        id.to_string()
    } else {
        let profiles = crate::store::state::list_members(&paths);
        match profiles.as_slice() {
            [(id, _)] => id.clone(),
            [] => anyhow::bail!(s.no_profile(&members_dir)),
            _ => {
                let ids: Vec<&str> = profiles.iter().map(|(i, _)| i.as_str()).collect();
                anyhow::bail!(s.several_profiles(&members_dir, &ids.join(", ")))
            }
        }
    };
    let state = crate::store::state::read_member(&paths, &id)
        .map_err(|e| anyhow::anyhow!(e.text(config.lang)))?
        .ok_or_else(|| anyhow::anyhow!(s.no_record(&id, &members_dir)))?;
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
    if let Some(c) = arg {
        c.parse::<Cycle>().map_err(|e| anyhow::anyhow!("{e}"))
    } else {
        let today = jiff::Timestamp::now()
            .to_zoned_datetime(m.tz.clone())
            .date();
        Ok(Cycle::containing(today, m.config.cycle.length))
    }
}

/// Now in the member's zone as a TOML offset datetime, whole seconds.
#[must_use]
pub fn now_datetime(tz: &jiff::tz::TimeZone) -> Option<toml::value::Datetime> {
    crate::core::regime::toml_datetime(jiff::Timestamp::now(), tz)
}
