//! The `dangxue` binary: parse the command line, run a subcommand or the TUI, and
//! map errors to exit codes (0 ok, 1 problems or failure, 2 bad usage).

use std::process::ExitCode;

use clap::Parser;

use dangxue::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
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

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { paths }) => {
            let checked = dangxue::commands::check::run_counted(&paths, cli.home.as_deref());
            let problems = &checked.problems;
            for p in problems {
                println!("{p}");
            }
            if problems.is_empty() {
                let lang = dangxue::store::paths::Paths::resolve(cli.home.as_deref())
                    .ok()
                    .and_then(|p| dangxue::store::config::load_config(&p).ok())
                    .map(|c| c.lang)
                    .unwrap_or_default();
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
        Some(Command::Report { dir, cycle, format }) => {
            let cycle = match cycle
                .as_deref()
                .map(str::parse::<dangxue::core::regime::Cycle>)
            {
                Some(Err(e)) => {
                    use clap::CommandFactory;
                    let mut cmd = Cli::command();
                    cmd.build();
                    let msg = format!("--cycle: {e}");
                    match cmd.find_subcommand_mut("report") {
                        Some(sub) => sub
                            .error(clap::error::ErrorKind::ValueValidation, msg)
                            .exit(),
                        None => cmd
                            .error(clap::error::ErrorKind::ValueValidation, msg)
                            .exit(),
                    }
                }
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
