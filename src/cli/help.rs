//! Clap in the user's language: help texts from the i18n table, and clap's usage
//! errors turned into one sentence each.

use std::ffi::OsString;
use std::io::Write;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{Lang, Msg, text};
use crate::tr;

/// The language to speak before the command line is parsed: `--lang X` or
/// `--lang=X`, else `SAMSPEL_LANG`, else Swedish.
pub fn detect_lang(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let from_args = args.iter().enumerate().find_map(|(i, arg)| {
        if arg == "--lang" {
            args.get(i + 1).and_then(|v| Lang::from_code(v))
        } else {
            arg.strip_prefix("--lang=").and_then(Lang::from_code)
        }
    });
    from_args
        .or_else(|| {
            std::env::var("SAMSPEL_LANG")
                .ok()
                .and_then(|v| Lang::from_code(&v))
        })
        .unwrap_or_default()
}

/// The help text of a subcommand (by name) or of an argument (by command and id).
fn help_text(command: &str, arg: Option<&str>) -> Option<Msg> {
    Some(match (command, arg) {
        ("samspel", None) => Msg::CliAbout,
        (_, Some("lang")) => Msg::CliLang,
        (_, Some("help")) => Msg::CliHelp,
        (_, Some("version")) => Msg::CliVersion,
        ("open", None) => Msg::CliOpen,
        ("open", Some("block")) => Msg::CliOpenBlock,
        ("demo", None) => Msg::CliDemo,
        ("demo", Some("generate")) => Msg::CliDemoGenerate,
        ("demo", Some("participants")) => Msg::CliDemoParticipants,
        ("demo", Some("answers")) => Msg::CliDemoAnswers,
        ("demo", Some("org")) => Msg::CliDemoOrg,
        ("demo", Some("out")) => Msg::CliDemoOut,
        ("demo", Some("force")) => Msg::CliExportForce,
        ("present", None) => Msg::CliPresent,
        ("new", None) => Msg::CliNew,
        ("new", Some("program")) => Msg::CliNewProgram,
        ("new", Some("org")) => Msg::CliNewOrg,
        ("new", Some("title")) => Msg::CliNewTitle,
        ("new", Some("facilitator")) => Msg::CliNewFacilitator,
        ("new", Some("date")) => Msg::CliNewDate,
        ("new", Some("day2")) => Msg::CliNewDay2,
        ("new", Some("participants")) => Msg::CliNewParticipant,
        ("list", None) => Msg::CliList,
        ("show", None) => Msg::CliShow,
        (_, Some("session")) => Msg::CliSession,
        ("add-answer", None) => Msg::CliAddAnswer,
        ("add-answer", Some("block")) => Msg::CliAddAnswerBlock,
        ("add-answer", Some("participant")) => Msg::CliAddAnswerParticipant,
        ("add-answer", Some("mark")) => Msg::CliAddAnswerMark,
        ("add-answer", Some("text")) => Msg::CliAddAnswerText,
        ("export", None) => Msg::CliExport,
        ("export", Some("format")) => Msg::CliExportFormat,
        ("export", Some("out")) => Msg::CliExportOut,
        ("export", Some("anonymous")) => Msg::CliExportAnonymous,
        ("export", Some("force")) => Msg::CliExportForce,
        ("export", Some("sources")) => Msg::CliExportSources,
        ("export", Some("day")) => Msg::CliExportDay,
        ("export", Some("raw")) => Msg::CliExportRaw,
        ("programs", None) => Msg::CliPrograms,
        ("check-program", None) => Msg::CliCheckProgram,
        ("check-program", Some("file")) => Msg::CliCheckProgramFile,
        _ => return None,
    })
}

/// Puts the help texts, headings and template of `command` (and its subcommands)
/// in `lang`. `data_dir` is named in the main help.
pub fn localize(mut command: clap::Command, lang: Lang, data_dir: &str) -> clap::Command {
    let name = command.get_name().to_string();
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(lang, Msg::CliUsage)
    );
    command = command
        .help_template(template)
        .subcommand_help_heading(text(lang, Msg::CliCommands))
        .disable_colored_help(true);
    if let Some(about) = help_text(&name, None) {
        command = command.about(text(lang, about));
    }
    if name == "samspel" {
        command = command.after_help(tr!(lang, CliAfterHelp, dir = data_dir));
    }
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = if positional {
            Msg::CliArguments
        } else {
            Msg::CliOptions
        };
        let help = help_text(&name, Some(&id)).map(|m| text(lang, m));
        command = command.mut_arg(&id, |arg| {
            let arg = arg.help_heading(text(lang, heading));
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subcommands {
        command = command.mut_subcommand(&sub, |s| localize(s, lang, data_dir));
    }
    command
}

/// Prints a clap outcome: help (to `out`, status 0) or a usage error (one sentence
/// to `err`, status 2).
pub fn report_clap_error(
    error: &clap::Error,
    lang: Lang,
    subcommand: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let rendered = error.render().to_string();
            let _ = writeln!(out, "{}", rendered.trim_end());
            0
        }
        _ => {
            let _ = writeln!(err, "samspel: {}", usage_sentence(error, lang, subcommand));
            2
        }
    }
}

fn context(error: &clap::Error, kind: ContextKind) -> String {
    match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn usage_sentence(error: &clap::Error, lang: Lang, cmd: &str) -> String {
    let arg = context(error, ContextKind::InvalidArg);
    match error.kind() {
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            tr!(lang, CliErrMissing, what = arg, cmd = cmd)
        }
        ErrorKind::UnknownArgument => tr!(lang, CliErrUnknownArg, arg = arg, cmd = cmd),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            CliErrUnknownCommand,
            arg = context(error, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => tr!(
            lang,
            CliErrInvalidValue,
            value = context(error, ContextKind::InvalidValue),
            arg = arg,
            valid = context(error, ContextKind::ValidValue)
        ),
        _ => {
            let rendered = error.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            let detail = first.strip_prefix("error: ").unwrap_or(first).to_string();
            tr!(lang, CliErrOther, detail = detail)
        }
    }
}
