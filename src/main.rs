//! The `dangxue` binary: parse the command line, run a subcommand or the TUI, and
//! map errors to exit codes (0 ok, 1 problems or failure, 2 bad usage).
//!
//! - Bad usage — an unknown flag, a `--cycle` that is no cycle, a `--member` that
//!   is no member id — exits 2 with a one-line reason and the usage, for every
//!   subcommand alike.
//! - A subcommand whose output goes to a closed pipe (`status | head -1`) ends
//!   quietly as coreutils do, killed by SIGPIPE, instead of panicking on the write.
//!   The TUI keeps SIGPIPE ignored: it must survive its terminal going away long
//!   enough to save.

use std::process::ExitCode;

use clap::Parser;

use dangxue::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.command.is_some() {
        default_sigpipe();
    }
    check_usage(&cli);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "dangxue: {}",
                dangxue::core::text::escape_controls_multiline(&format!("{e:#}"))
            );
            ExitCode::from(1)
        }
    }
}

/// Let SIGPIPE end the process, as it does for coreutils (Rust ignores it, so a
/// write to a closed pipe would fail and `print!` panic).
#[allow(unsafe_code)]
fn default_sigpipe() {
    // SAFETY: setting a signal's disposition to the default has no preconditions;
    // no handler of ours is replaced (the TUI's handlers are installed later, and
    // only for the TUI, which does not come here).
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Exit 2 with the reason and the usage of `sub` (or of the program).
fn usage_error(sub: Option<&str>, msg: String) -> ! {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    cmd.build();
    match sub.and_then(|name| cmd.find_subcommand_mut(name)) {
        Some(sc) => sc
            .error(clap::error::ErrorKind::ValueValidation, msg)
            .exit(),
        None => cmd
            .error(clap::error::ErrorKind::ValueValidation, msg)
            .exit(),
    }
}

/// Values clap takes as strings but that must be a cycle or a member id: bad ones are
/// bad usage.
fn check_usage(cli: &Cli) {
    let (sub, cycle) = match &cli.command {
        Some(Command::Status { cycle }) => (Some("status"), cycle.as_deref()),
        Some(Command::Export { cycle, .. }) => (Some("export"), cycle.as_deref()),
        Some(Command::Report { cycle, .. }) => (Some("report"), cycle.as_deref()),
        Some(Command::Check { .. }) => (Some("check"), None),
        Some(Command::AllowedSigners { .. }) => (Some("allowed-signers"), None),
        Some(Command::Notes { .. }) => (Some("notes"), None),
        None => (None, None),
    };
    if let Some(c) = cycle
        && let Err(e) = c.parse::<dangxue::core::regime::Cycle>()
    {
        usage_error(sub, format!("--cycle: {e}"));
    }
    if let Some(id) = cli.member.as_deref()
        && let Err(e) = dangxue::core::state::check_member_id(id)
    {
        // In clap's words around it: English, as the rest of a usage error.
        usage_error(
            sub,
            format!("--member: {}", dangxue::strings::EN.id_problem(&e)),
        );
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { paths }) => {
            let checked = dangxue::commands::check::run_counted(&paths, cli.home.as_deref());
            let problems = &checked.problems;
            // The secretary's language, zh when the config cannot be read.
            let lang = dangxue::store::paths::Paths::resolve(cli.home.as_deref())
                .map(|p| dangxue::store::config::lang_of(&p))
                .unwrap_or_default();
            for p in problems {
                println!("{}", p.text(lang));
            }
            if problems.is_empty() {
                println!("{}", checked.summary(lang));
            }
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        None => {
            dangxue::commands::open::run(cli.home.as_deref(), cli.member.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Status { cycle }) => {
            let text = dangxue::commands::status::run(
                cli.home.as_deref(),
                cli.member.as_deref(),
                cycle.as_deref(),
            )?;
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Export { cycle, out }) => {
            let done = dangxue::commands::export::run(
                cli.home.as_deref(),
                cli.member.as_deref(),
                cycle.as_deref(),
                out.as_deref(),
            )?;
            println!("{}", done.path.display());
            if let Some(Ok(sig)) = &done.signature {
                println!("{}", sig.display());
            }
            // The file is there, but a secretary who requires signatures will not
            // take it: a script must notice.
            match done.warning() {
                Some(w) => {
                    eprintln!("dangxue: {w}");
                    Ok(ExitCode::from(1))
                }
                None => Ok(ExitCode::SUCCESS),
            }
        }
        Some(Command::AllowedSigners { plan }) => {
            let (text, notes) =
                dangxue::commands::allowed_signers::run(cli.home.as_deref(), plan.as_deref())?;
            print!("{text}");
            for n in &notes {
                eprintln!("dangxue: {n}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Notes { out }) => {
            let (text, path) = dangxue::commands::notes::run(
                cli.home.as_deref(),
                cli.member.as_deref(),
                out.as_deref(),
            )?;
            match path {
                Some(p) => println!("{}", p.display()),
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Report { dir, cycle, format }) => {
            let cycle = match cycle
                .as_deref()
                .map(str::parse::<dangxue::core::regime::Cycle>)
            {
                Some(Err(e)) => usage_error(Some("report"), format!("--cycle: {e}")),
                Some(Ok(c)) => Some(c),
                None => None,
            };
            let req = dangxue::commands::report::Request {
                home: cli.home.as_deref(),
                dir: &dir,
                cycle,
                format,
                member: cli.member.as_deref(),
            };
            let verified = dangxue::commands::report::run(
                &req,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr(),
            )?;
            Ok(if verified {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
