//! Clap in the user's language: each command and argument names its help message
//! in its definition (`cli/mod.rs`), [`localize`] puts that message's text in, and
//! clap's usage errors are turned into one sentence each.

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

/// The message a command's `about` or an argument's `help` names: the definition
/// in `cli/mod.rs` gives each the key of its message (`Msg::CliNewOrg.key()`).
fn help_msg(help: Option<&clap::builder::StyledStr>) -> Option<Msg> {
    help.and_then(|h| Msg::from_key(&h.to_string()))
}

/// Puts the help texts, headings and template of `command` (and its subcommands)
/// in `lang`. `data_dir` is named in the main help.
pub fn localize(mut command: clap::Command, lang: Lang, data_dir: &str) -> clap::Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text(lang, Msg::CliUsage)
    );
    command = command
        .help_template(template)
        .subcommand_help_heading(text(lang, Msg::CliCommands))
        .disable_colored_help(true);
    if let Some(about) = help_msg(command.get_about()) {
        command = command.about(text(lang, about));
    }
    if command.get_name() == "samspel" {
        command = command.after_help(tr!(lang, CliAfterHelp, dir = data_dir));
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                Msg::CliArguments
            } else {
                Msg::CliOptions
            };
            let help = help_msg(arg.get_help());
            let arg = arg.help_heading(text(lang, heading));
            match help {
                Some(help) => arg.help(text(lang, help)),
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
        // "--parties" with no name: a value is missing, not a wrong one.
        ErrorKind::InvalidValue if context(error, ContextKind::InvalidValue).is_empty() => {
            tr!(lang, CliErrNoValue, arg = arg, cmd = cmd)
        }
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr!(lang, CliErrValueCount, arg = arg, cmd = cmd)
        }
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    /// Every command (`"samspel new"`) and every argument (`"samspel new --org"`,
    /// `"samspel export <session>"`) of `command` once built, so that the global
    /// arguments (`--lang`, `--help`) appear under each subcommand too, with its
    /// help as the definition or `localize` left it.
    fn helps(mut command: clap::Command) -> BTreeMap<String, Option<String>> {
        fn walk(cmd: &clap::Command, path: &str, out: &mut BTreeMap<String, Option<String>>) {
            let path = format!("{path}{}", cmd.get_name());
            out.insert(path.clone(), cmd.get_about().map(|h| h.to_string()));
            for arg in cmd.get_arguments() {
                let name = match arg.get_long() {
                    Some(long) => format!("--{long}"),
                    None => format!("<{}>", arg.get_id()),
                };
                out.insert(
                    format!("{path} {name}"),
                    arg.get_help().map(|h| h.to_string()),
                );
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} "), out);
            }
        }
        command.build();
        let mut out = BTreeMap::new();
        walk(&command, "", &mut out);
        out
    }

    #[test]
    fn every_command_and_argument_names_a_message_in_its_definition() {
        let defined = helps(Cli::command());
        let missing: Vec<&String> = defined
            .iter()
            .filter(|(_, help)| help.as_deref().and_then(Msg::from_key).is_none())
            .map(|(item, _)| item)
            .collect();
        assert!(
            missing.is_empty(),
            "give these `help = Msg::…key()` (`about` for a command): {missing:?}"
        );
        // The walk reaches the subcommands, their positionals, and the global
        // arguments under every subcommand.
        for item in [
            "samspel --lang",
            "samspel --help",
            "samspel --version",
            "samspel new",
            "samspel new --org",
            "samspel new --lang",
            "samspel new --help",
            "samspel export <session>",
            "samspel check-program <file>",
        ] {
            assert!(defined.contains_key(item), "{item} not walked");
        }
    }

    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        let defined = helps(Cli::command());
        let sv = helps(localize(Cli::command(), Lang::Sv, "/d"));
        let en = helps(localize(Cli::command(), Lang::En, "/d"));
        assert_eq!(
            sv.keys().collect::<Vec<_>>(),
            defined.keys().collect::<Vec<_>>()
        );
        assert_eq!(
            en.keys().collect::<Vec<_>>(),
            defined.keys().collect::<Vec<_>>()
        );
        for (item, key) in &defined {
            let msg = key.as_deref().and_then(Msg::from_key);
            let msg = msg.unwrap_or_else(|| panic!("{item} names no message"));
            let (sv, en) = (sv[item].as_deref(), en[item].as_deref());
            assert_eq!(sv, Some(text(Lang::Sv, msg)), "{item} in Swedish");
            assert_eq!(en, Some(text(Lang::En, msg)), "{item} in English");
            assert!(sv.is_some_and(|h| !h.trim().is_empty()), "{item}");
            assert!(en.is_some_and(|h| !h.trim().is_empty()), "{item}");
            if text(Lang::Sv, msg) != text(Lang::En, msg) {
                assert_ne!(sv, en, "{item}: the same help in both languages");
            }
        }
        assert_eq!(
            en["samspel new --org"].as_deref(),
            Some("The municipality, region or organisation")
        );
        assert_eq!(
            sv["samspel new --org"].as_deref(),
            Some("Kommunen, regionen eller organisationen")
        );
    }
}
