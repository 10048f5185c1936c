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
                dangxue::core::text::escape_controls(&format!("{e:#}"))
            );
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { paths }) => {
            let problems = dangxue::commands::check::run(&paths);
            for p in &problems {
                println!("{p}");
            }
            Ok(if problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        _ => anyhow::bail!("not available in this build"),
    }
}
