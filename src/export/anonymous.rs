//! Names in free text replaced by pseudonyms, for anonymous exports.
//!
//! An action item's "who" is typed by hand: "Karin", "Karin Lundberg och Per",
//! "KS ordförande". An anonymous export must not let a participant's name through
//! however it was typed, so every participant's full name (any case) and every part
//! of it (as written, capitalised) is replaced where it stands as a whole word.

use crate::i18n::Lang;
use crate::model::{Session, Speaker};
use crate::tr;

use super::{Options, speaker_label};

/// `text` with every participant's name, or part of a name, replaced by the
/// participant's pseudonym. A part two participants share ("Anna") says only that
/// it is a participant, since it cannot say which.
pub fn scrub_names(session: &Session, text: &str, options: &Options) -> String {
    let mut text = text.to_string();
    for (needle, replacement, any_case) in needles(session, options) {
        text = replace_words(&text, &needle, &replacement, any_case);
    }
    text
}

/// What to look for, longest first so that "Karin Lundberg" goes before "Karin".
fn needles(session: &Session, options: &Options) -> Vec<(String, String, bool)> {
    let pseudonym = |id| speaker_label(session, Speaker::Participant(id), options);
    let mut full: Vec<(String, String, bool)> = Vec::new();
    let mut parts: Vec<(String, String, bool)> = Vec::new();
    for p in session.participants() {
        full.push((p.name.trim().to_string(), pseudonym(p.id), true));
        for part in p.name.split_whitespace().filter(|s| s.chars().count() > 1) {
            match parts.iter_mut().find(|(n, ..)| n == part) {
                Some(shared) => shared.1 = someone(options.lang),
                None => parts.push((part.to_string(), pseudonym(p.id), false)),
            }
        }
    }
    for list in [&mut full, &mut parts] {
        list.retain(|(n, ..)| !n.is_empty());
        list.sort_by_key(|(n, ..)| std::cmp::Reverse(n.chars().count()));
    }
    full.extend(parts);
    full
}

fn someone(lang: Lang) -> String {
    tr!(lang, AnonymousSomeone)
}

/// `text` with each whole-word occurrence of `needle` replaced.
fn replace_words(text: &str, needle: &str, replacement: &str, any_case: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let at_word_start = !before.is_some_and(is_word_char);
        match at_word_start
            .then(|| match_len(rest, needle, any_case))
            .flatten()
        {
            Some(len) if !rest[len..].chars().next().is_some_and(is_word_char) => {
                out.push_str(replacement);
                before = rest[..len].chars().next_back();
                rest = &rest[len..];
            }
            _ => {
                out.push(c);
                before = Some(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The byte length of `needle` at the start of `text`, if it is there.
fn match_len(text: &str, needle: &str, any_case: bool) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for n in needle.chars() {
        let c = chars.next()?;
        let same = c == n || (any_case && c.to_lowercase().eq(n.to_lowercase()));
        if !same {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewParticipant, Side};
    use crate::programs;
    use jiff::Timestamp;

    const NOW: Timestamp = Timestamp::UNIX_EPOCH;

    fn session(names: &[&str]) -> Session {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        for name in names {
            s.add_participant(NewParticipant::new(name, "", Side::Politik), NOW)
                .unwrap();
        }
        s
    }

    fn scrub(s: &Session, text: &str) -> String {
        let options = Options {
            anonymous: true,
            ..Options::default()
        };
        scrub_names(s, text, &options)
    }

    #[test]
    fn full_names_first_names_and_surnames_become_pseudonyms() {
        let s = session(&["Karin Lundberg", "Per Åström"]);
        assert_eq!(scrub(&s, "karin lundberg"), "Deltagare 1");
        assert_eq!(
            scrub(&s, "Karin och Per Åström"),
            "Deltagare 1 och Deltagare 2"
        );
        assert_eq!(scrub(&s, "Lundberg, Åström"), "Deltagare 1, Deltagare 2");
        assert_eq!(scrub(&s, "KS ordförande"), "KS ordförande");
    }

    #[test]
    fn only_whole_words_are_replaced() {
        let s = session(&["Per Åström", "Ali Öz"]);
        assert_eq!(scrub(&s, "Persson och Alice"), "Persson och Alice");
        assert_eq!(scrub(&s, "en gång per vecka"), "en gång per vecka");
        assert_eq!(scrub(&s, "(Per)"), "(Deltagare 1)");
    }

    #[test]
    fn a_first_name_two_people_share_names_neither() {
        let s = session(&["Anna Berg", "Anna Ek"]);
        assert_eq!(scrub(&s, "Anna"), "Deltagare ?");
        assert_eq!(scrub(&s, "Anna Ek"), "Deltagare 2");
    }
}
