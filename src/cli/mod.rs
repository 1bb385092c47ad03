//! The command line: `samspel new | list | show | add-answer | export | programs |
//! check-program`. Help and errors speak Swedish, or English with `--lang en`.

mod commands;
mod help;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{ArgAction, Args, FromArgMatches, Parser, Subcommand};

use crate::export::Format;
use crate::i18n::{Lang, Localize};
use crate::store::Store;

#[derive(Parser, Debug)]
#[command(
    name = "samspel",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[arg(long, global = true, value_enum, hide_possible_values = true)]
    lang: Option<Lang>,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    Open {
        session: String,
        #[arg(long)]
        block: Option<String>,
    },
    Demo(DemoArgs),
    Present {
        session: String,
    },
    New(NewArgs),
    List,
    Show {
        session: String,
    },
    AddAnswer(AddAnswerArgs),
    Export(ExportArgs),
    Programs,
    CheckProgram {
        file: PathBuf,
    },
}

#[derive(Args, Debug)]
struct NewArgs {
    #[arg(long)]
    program: String,
    #[arg(long)]
    org: String,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    facilitator: Option<String>,
    #[arg(long)]
    date: Option<String>,
    #[arg(long)]
    day2: Option<String>,
    #[arg(long = "participant")]
    participants: Vec<String>,
}

#[derive(Args, Debug)]
struct AddAnswerArgs {
    session: String,
    #[arg(long)]
    block: String,
    #[arg(long)]
    participant: String,
    #[arg(long)]
    mark: bool,
    text: String,
}

#[derive(Args, Debug)]
struct DemoArgs {
    #[arg(long, requires = "out")]
    generate: bool,
    #[arg(long, default_value_t = 50, requires = "generate",
          value_parser = clap::value_parser!(u32).range(1..=2000))]
    participants: u32,
    #[arg(long, default_value_t = 3000, requires = "generate",
          value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    answers: u32,
    #[arg(long, default_value = "Provkommunen", requires = "generate")]
    org: String,
    #[arg(long, requires = "generate")]
    out: Option<PathBuf>,
    #[arg(long, requires = "generate")]
    force: bool,
}

#[derive(Args, Debug)]
struct ExportArgs {
    session: String,
    #[arg(long, value_enum, hide_possible_values = true)]
    format: Format,
    #[arg(long)]
    out: PathBuf,
    #[arg(long)]
    anonymous: bool,
    #[arg(long)]
    sources: bool,
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    day: Option<u16>,
    #[arg(long)]
    raw: bool,
    #[arg(long)]
    force: bool,
}

/// A command's failure: the sentence to print and the exit status.
#[derive(Debug)]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    /// Wrong usage (exit status 2).
    fn usage(message: String) -> Failure {
        Failure { code: 2, message }
    }

    /// Any other failure (exit status 1).
    fn of(error: &dyn Localize, lang: Lang) -> Failure {
        Failure {
            code: 1,
            message: error.localize(lang),
        }
    }
}

/// Runs the command line and returns the exit status. Output goes to `out`,
/// the one-sentence errors to `err`.
pub fn run(args: Vec<OsString>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let lang = help::detect_lang(&args);
    let store = Store::from_env();
    let data_dir = store
        .as_ref()
        .map(|s| s.dir().display().to_string())
        .unwrap_or_default();
    let command = help::localize(<Cli as clap::CommandFactory>::command(), lang, &data_dir);
    // Named in usage errors ("see `samspel new --help`").
    let subcommand = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| command.find_subcommand(a).is_some())
        .unwrap_or_default()
        .to_string();
    let parsed = command
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return help::report_clap_error(&e, lang, &subcommand, out, err),
    };
    let lang = cli.lang.unwrap_or(lang);
    let result = commands::dispatch(cli.command, &store, lang, out);
    match result {
        Ok(()) => 0,
        Err(failure) => {
            // A message may quote a file's contents (a block id, a name): no
            // escape sequence in it reaches the terminal.
            let message = crate::export::printable(&failure.message);
            let _ = writeln!(err, "samspel: {message}");
            failure.code
        }
    }
}
