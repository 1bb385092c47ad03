//! The command line: `samspel new | list | show | add-answer | add-action |
//! agreement | export | programs | check-program`. Help and errors speak Swedish, or English with `--lang en`.

mod commands;
mod help;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{ArgAction, Args, FromArgMatches, Parser, Subcommand};

use crate::export::Format;
use crate::i18n::{Lang, Localize, Msg};
use crate::store::Store;

// Every command and argument names its help text here, as `help = Msg::X.key()`
// (`about` for a command): a key that does not exist does not compile, a renamed
// argument keeps its help, and `help::localize` puts the text in the user's
// language. A test in `help.rs` fails for any command or argument without one.

#[derive(Parser, Debug)]
#[command(
    name = "samspel",
    version,
    about = Msg::CliAbout.key(),
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[arg(long, global = true, value_enum, hide_possible_values = true,
          help = Msg::CliLang.key())]
    lang: Option<Lang>,
    #[arg(short = 'h', long, global = true, action = ArgAction::Help,
          help = Msg::CliHelp.key())]
    help: Option<bool>,
    #[arg(short = 'V', long, action = ArgAction::Version, help = Msg::CliVersion.key())]
    version: Option<bool>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    #[command(about = Msg::CliOpen.key())]
    Open {
        #[arg(help = Msg::CliSession.key())]
        session: String,
        #[arg(long, help = Msg::CliOpenBlock.key())]
        block: Option<String>,
    },
    #[command(about = Msg::CliDemo.key())]
    Demo(DemoArgs),
    #[command(about = Msg::CliPresent.key())]
    Present {
        #[arg(help = Msg::CliSession.key())]
        session: String,
    },
    #[command(about = Msg::CliNew.key())]
    New(NewArgs),
    #[command(about = Msg::CliList.key())]
    List,
    #[command(about = Msg::CliShow.key())]
    Show {
        #[arg(help = Msg::CliSession.key())]
        session: String,
    },
    #[command(about = Msg::CliAddAnswer.key())]
    AddAnswer(AddAnswerArgs),
    #[command(about = Msg::CliAddAction.key())]
    AddAction(AddActionArgs),
    #[command(about = Msg::CliAgreement.key())]
    Agreement(AgreementArgs),
    #[command(about = Msg::CliExport.key())]
    Export(ExportArgs),
    #[command(about = Msg::CliPrograms.key())]
    Programs,
    #[command(about = Msg::CliCheckProgram.key())]
    CheckProgram {
        #[arg(help = Msg::CliCheckProgramFile.key())]
        file: PathBuf,
    },
}

#[derive(Args, Debug)]
struct NewArgs {
    #[arg(long, help = Msg::CliNewProgram.key())]
    program: String,
    #[arg(long, help = Msg::CliNewOrg.key())]
    org: String,
    #[arg(long, help = Msg::CliNewTitle.key())]
    title: Option<String>,
    #[arg(long, help = Msg::CliNewFacilitator.key())]
    facilitator: Option<String>,
    #[arg(long, help = Msg::CliNewDate.key())]
    date: Option<String>,
    #[arg(long, help = Msg::CliNewDay2.key())]
    day2: Option<String>,
    #[arg(long = "participant", help = Msg::CliNewParticipant.key())]
    participants: Vec<String>,
    #[arg(long, help = Msg::CliNewFrom.key())]
    from: Option<String>,
}

#[derive(Args, Debug)]
struct AddAnswerArgs {
    #[arg(help = Msg::CliSession.key())]
    session: String,
    #[arg(long, help = Msg::CliAddAnswerBlock.key())]
    block: String,
    #[arg(long, help = Msg::CliAddAnswerParticipant.key())]
    participant: String,
    #[arg(long, help = Msg::CliAddAnswerMark.key())]
    mark: bool,
    #[arg(help = Msg::CliAddAnswerText.key())]
    text: String,
}

#[derive(Args, Debug)]
struct AddActionArgs {
    #[arg(help = Msg::CliSession.key())]
    session: String,
    #[arg(long, help = Msg::CliAddActionWhat.key())]
    what: String,
    #[arg(long, help = Msg::CliAddActionWho.key())]
    who: String,
    #[arg(long, help = Msg::CliAddActionBy.key())]
    by: Option<String>,
    #[arg(long, help = Msg::CliAddActionBlock.key())]
    block: Option<String>,
}

#[derive(Args, Debug)]
struct AgreementArgs {
    #[arg(help = Msg::CliSession.key())]
    session: String,
    #[arg(long, conflicts_with = "new", help = Msg::CliAgreementId.key())]
    agreement: Option<String>,
    #[arg(long, help = Msg::CliAgreementNew.key())]
    new: Option<String>,
    #[arg(long, help = Msg::CliAgreementTitle.key())]
    title: Option<String>,
    #[arg(long, num_args = 1.., help = Msg::CliAgreementParties.key())]
    parties: Vec<String>,
    #[arg(long, num_args = 2, value_names = ["ID", "TEXT"],
          help = Msg::CliAgreementSection.key())]
    section: Vec<String>,
}

#[derive(Args, Debug)]
struct DemoArgs {
    #[arg(long, requires = "out", help = Msg::CliDemoGenerate.key())]
    generate: bool,
    #[arg(long, default_value_t = 50, requires = "generate",
          value_parser = clap::value_parser!(u32).range(1..=2000),
          help = Msg::CliDemoParticipants.key())]
    participants: u32,
    #[arg(long, default_value_t = 3000, requires = "generate",
          value_parser = clap::value_parser!(u32).range(0..=1_000_000),
          help = Msg::CliDemoAnswers.key())]
    answers: u32,
    #[arg(long, default_value = "Provkommunen", requires = "generate",
          help = Msg::CliDemoOrg.key())]
    org: String,
    #[arg(long, requires = "generate", help = Msg::CliDemoOut.key())]
    out: Option<PathBuf>,
    #[arg(long, requires = "generate", help = Msg::CliExportForce.key())]
    force: bool,
}

#[derive(Args, Debug)]
struct ExportArgs {
    #[arg(help = Msg::CliSession.key())]
    session: String,
    #[arg(long, value_enum, hide_possible_values = true, help = Msg::CliExportFormat.key())]
    format: Format,
    #[arg(long, help = Msg::CliExportOut.key())]
    out: PathBuf,
    #[arg(long, help = Msg::CliExportAnonymous.key())]
    anonymous: bool,
    #[arg(long, help = Msg::CliExportSources.key())]
    sources: bool,
    #[arg(long = "final", help = Msg::CliExportFinal.key())]
    final_text: bool,
    #[arg(long, help = Msg::CliExportChanges.key())]
    changes: bool,
    #[arg(long, help = Msg::CliAgreementId.key())]
    agreement: Option<String>,
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..),
          help = Msg::CliExportDay.key())]
    day: Option<u16>,
    #[arg(long, help = Msg::CliExportRaw.key())]
    raw: bool,
    #[arg(long, help = Msg::CliExportForce.key())]
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
    let command = <Cli as clap::CommandFactory>::command();
    // Named in usage errors ("see `samspel new --help`").
    let subcommand = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| command.find_subcommand(a).is_some())
        .unwrap_or_default()
        .to_string();
    // Only help and usage errors show the command's texts, so only then is it
    // parsed again, localized: localizing every text was half of reading the
    // arguments (0.2 ms) on every start.
    let localized = || {
        let data_dir = store
            .as_ref()
            .map(|s| s.dir().display().to_string())
            .unwrap_or_default();
        help::localize(<Cli as clap::CommandFactory>::command(), lang, &data_dir)
    };
    let parse = |command: clap::Command, args: Vec<OsString>| {
        command
            .try_get_matches_from(args)
            .and_then(|m| Cli::from_arg_matches(&m))
    };
    let parsed = parse(command, args.clone()).or_else(|_| parse(localized(), args));
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
