//! The command line. Subcommands run without touching the terminal.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// dangxue (党学): read study units, answer quizzes, keep up 月读 + 月讲 + 月学.
#[derive(Debug, Parser)]
#[command(name = "dangxue", version, about)]
pub struct Cli {
    /// Member profile to use (created without a prompt when absent).
    #[arg(long, global = true, value_name = "ID")]
    pub member: Option<String>,
    /// Folder for config and member state instead of the platform config dir.
    #[arg(long, global = true, value_name = "DIR", env = "DANGXUE_HOME")]
    pub home: Option<PathBuf>,
    /// What to do; without one, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the member's 月读/月讲/月学 progress for a cycle as plain text.
    Status {
        /// Cycle such as 2026-11 or 2026-11a; default: the current one.
        #[arg(long)]
        cycle: Option<String>,
    },
    /// Validate unit files, plan files and completion files.
    Check {
        /// Files or folders; default: the configured content dirs and plan.
        paths: Vec<PathBuf>,
    },
    /// Write the member's completion file for a cycle.
    Export {
        /// Cycle; default: the current one.
        #[arg(long)]
        cycle: Option<String>,
        /// Output path; default: `<member-id>-<cycle>.toml` in the current folder.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print the member's bookmarks and notes as Markdown.
    Notes {
        /// Write them to this file instead of printing them.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Verify every completion file in DIR and print one row per member.
    Report {
        /// Folder of completion files.
        dir: PathBuf,
        /// Only files of this cycle.
        #[arg(long)]
        cycle: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Print the plan's roster as an OpenSSH `allowed_signers` file, to check a signed
    /// completion file with `ssh-keygen -Y verify`.
    AllowedSigners {
        /// Plan file; default: the configured plan.
        #[arg(long)]
        plan: Option<PathBuf>,
    },
}

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned terminal table.
    Table,
    /// CSV, UTF-8 with BOM.
    Csv,
    /// Markdown table.
    Md,
    /// One JSON array.
    Json,
    /// One self-contained HTML page, laid out to print on A4.
    Html,
}
