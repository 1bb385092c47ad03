//! Every user-visible string, in Swedish and English.
//!
//! Messages are templates (the syntax is in `template.rs`): `{name}` placeholders,
//! and `{n|one|other}` for a word that follows a count. They are filled through the
//! [`tr!`](crate::tr) macro, which checks at compile time that a call gives exactly
//! the names its message uses in both languages; a message without placeholders is
//! read with [`text`]. The unit tests check that both languages of a message use
//! the same placeholders and say every count right for one and for two.

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

            pub(super) const fn pair(self) -> (&'static str, &'static str) {
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

#[cfg(test)]
mod checks;
mod messages;
mod template;
pub use messages::Msg;
pub use template::fill;

/// The template of `msg` in `lang`, placeholders and all: for `tr!` to fill.
#[doc(hidden)]
pub fn template_of(lang: Lang, msg: Msg) -> &'static str {
    let (sv, en) = msg.pair();
    match lang {
        Lang::Sv => sv,
        Lang::En => en,
    }
}

/// The text of a message that has no placeholders (a label, a key's help, a month).
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    let text = template_of(lang, msg);
    // A message with placeholders is said with `tr!`, which gives them their values.
    debug_assert!(
        !text.contains('{'),
        "{msg:?} has placeholders: say it with tr!"
    );
    text
}

/// Refuses, while the code compiles, a `tr!` call whose names are not exactly
/// the placeholders of its message in both languages.
#[doc(hidden)]
pub const fn check_call(msg: Msg, names: &[&str]) {
    let (sv, en) = msg.pair();
    if !template::names_match(sv, names) || !template::names_match(en, names) {
        panic!("tr!: the names given are not the placeholders of the message");
    }
}

/// `tr!(lang, Key)` or `tr!(lang, Key, name = value, ...)`: a filled message.
///
/// The names must be exactly the message's placeholders, in both languages; any
/// other call does not compile:
///
/// ```
/// use samspel::{i18n::Lang, tr};
/// assert_eq!(tr!(Lang::En, Answers, n = 1), "1 answer");
/// assert_eq!(tr!(Lang::Sv, Dots, n = 2), "2 prickar");
/// ```
///
/// ```compile_fail,E0080
/// # use samspel::{i18n::Lang, tr};
/// let _ = tr!(Lang::En, Answers, count = 1); // `Answers` has `{n}`, not `{count}`
/// ```
///
/// ```compile_fail,E0080
/// # use samspel::{i18n::Lang, tr};
/// let _ = tr!(Lang::En, AnswersMarked, n = 1); // `{marked}` is left without a value
/// ```
#[macro_export]
macro_rules! tr {
    ($lang:expr, $msg:ident) => {{
        const _: () = $crate::i18n::check_call($crate::i18n::Msg::$msg, &[]);
        $crate::i18n::text($lang, $crate::i18n::Msg::$msg).to_string()
    }};
    ($lang:expr, $msg:ident, $($key:ident = $value:expr),+ $(,)?) => {{
        const _: () =
            $crate::i18n::check_call($crate::i18n::Msg::$msg, &[$(stringify!($key)),+]);
        $crate::i18n::fill(
            $crate::i18n::template_of($lang, $crate::i18n::Msg::$msg),
            &[$((stringify!($key), &$value as &dyn std::fmt::Display)),+],
        )
    }};
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

    #[test]
    fn every_message_is_found_by_its_key() {
        for &msg in Msg::ALL {
            assert_eq!(Msg::from_key(msg.key()), Some(msg));
        }
        assert_eq!(Msg::CliNewOrg.key(), "CliNewOrg");
        assert_eq!(Msg::from_key("NoSuchMessage"), None);
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
