//! Every user-visible string, in Swedish and English.
//!
//! Messages are templates: `{name}` placeholders are filled by [`fill`], usually
//! through the [`tr!`](crate::tr) macro. A unit test checks that both languages of a
//! message use the same placeholders, so a translation can never drop a value.

use std::fmt::{self, Display};

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

/// The language of the user interface.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    // Swedish is the default: the users are Swedish. (Plain comments, not doc
    // comments: clap would show those in the help, in English.)
    #[default]
    Sv,
    En,
}

impl Lang {
    /// Reads a language code as given on the command line or in `SAMSPEL_LANG`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_lowercase().as_str() {
            "sv" | "sv_se" | "svenska" => Some(Lang::Sv),
            "en" | "en_gb" | "en_us" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! messages {
    ($($name:ident => $sv:literal, $en:literal;)*) => {
        /// A key into the message table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            /// Every message, for the consistency test.
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            pub(super) fn pair(self) -> (&'static str, &'static str) {
                match self { $(Msg::$name => ($sv, $en)),* }
            }

            /// The message's name as written in this table (`"CliNewOrg"`): how
            /// the command line's definition names its help texts.
            pub const fn key(self) -> &'static str {
                match self { $(Msg::$name => stringify!($name)),* }
            }

            /// The message named `key`, if there is one.
            pub fn from_key(key: &str) -> Option<Msg> {
                Msg::ALL.iter().copied().find(|m| m.key() == key)
            }
        }
    };
}

mod messages;
pub use messages::Msg;

/// The template of `msg` in `lang`.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    let (sv, en) = msg.pair();
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let value = close.and_then(|c| args.iter().find(|(k, _)| *k == &after[..c]));
        match (close, value) {
            (Some(c), Some((_, v))) => {
                out.push_str(&v.to_string());
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `tr!(lang, Key)` or `tr!(lang, Key, name = value, ...)`: a filled message.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $msg:ident) => {
        $crate::i18n::text($lang, $crate::i18n::Msg::$msg).to_string()
    };
    ($lang:expr, $msg:ident, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::text($lang, $crate::i18n::Msg::$msg),
            &[$((stringify!($key), &$value as &dyn std::fmt::Display)),+],
        )
    };
}

/// Something that can say itself in the user's language.
pub trait Localize {
    fn localize(&self, lang: Lang) -> String;
}

/// Wraps a value so that `{}` prints it quoted the way the language quotes:
/// ”så här” in Swedish, "like this" in English.
pub struct Quoted<'a>(pub Lang, pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Lang::Sv => write!(f, "”{}”", self.1),
            Lang::En => write!(f, "\"{}\"", self.1),
        }
    }
}

/// A date in a document: "12 mars 2026" / "12 March 2026".
pub fn date_text(lang: Lang, date: Date) -> String {
    tr!(
        lang,
        DateText,
        day = date.day(),
        month = text(lang, month_msg(date)),
        year = date.year()
    )
}

fn month_msg(date: Date) -> Msg {
    const MONTHS: [Msg; 12] = [
        Msg::January,
        Msg::February,
        Msg::March,
        Msg::April,
        Msg::May,
        Msg::June,
        Msg::July,
        Msg::August,
        Msg::September,
        Msg::October,
        Msg::November,
        Msg::December,
    ];
    MONTHS[usize::try_from(date.month() - 1).unwrap_or(0)]
}

/// A date in running text: "torsdag 12 mars 2026" / "Thursday 12 March 2026".
pub fn long_date(lang: Lang, date: Date) -> String {
    let weekday = match date.weekday() {
        Weekday::Monday => Msg::Monday,
        Weekday::Tuesday => Msg::Tuesday,
        Weekday::Wednesday => Msg::Wednesday,
        Weekday::Thursday => Msg::Thursday,
        Weekday::Friday => Msg::Friday,
        Weekday::Saturday => Msg::Saturday,
        Weekday::Sunday => Msg::Sunday,
    };
    let month = month_msg(date);
    tr!(
        lang,
        LongDate,
        weekday = text(lang, weekday),
        day = date.day(),
        month = text(lang, month),
        year = date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for msg in Msg::ALL {
            let (sv, en) = msg.pair();
            assert_eq!(placeholders(sv), placeholders(en), "{msg:?}");
            assert!(!sv.is_empty() && !en.is_empty(), "{msg:?}");
        }
    }

    #[test]
    fn every_message_is_found_by_its_key() {
        for &msg in Msg::ALL {
            assert_eq!(Msg::from_key(msg.key()), Some(msg));
        }
        assert_eq!(Msg::CliNewOrg.key(), "CliNewOrg");
        assert_eq!(Msg::from_key("NoSuchMessage"), None);
    }

    #[test]
    fn fill_replaces_known_names_and_keeps_the_rest() {
        let n = 3;
        assert_eq!(fill("{n} svar {x}", &[("n", &n)]), "3 svar {x}");
        assert_eq!(fill("ingen {", &[]), "ingen {");
        assert_eq!(tr!(Lang::En, Answers, n = 2), "2 answers");
    }

    #[test]
    fn long_dates_read_naturally() {
        let date = Date::new(2026, 3, 12).unwrap();
        assert_eq!(long_date(Lang::Sv, date), "torsdag 12 mars 2026");
        assert_eq!(long_date(Lang::En, date), "Thursday 12 March 2026");
    }

    #[test]
    fn quoting_follows_the_language() {
        assert_eq!(Quoted(Lang::Sv, "mål").to_string(), "”mål”");
        assert_eq!(Quoted(Lang::En, "goal").to_string(), "\"goal\"");
    }
}
