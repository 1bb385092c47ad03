//! Names in free text replaced by pseudonyms, for anonymous exports.
//!
//! An action item's "who" is typed by hand: "Karin", "karin och Per Åström",
//! "Lundbergs grupp", "KS ordförande". An anonymous export must not let a
//! participant's name through however it was typed, so every participant's full
//! name and every part of it is replaced, in any case, where it stands as a whole
//! word or with a genitive s ("Karins" becomes "Deltagare 1:s"); a hyphen is part
//! of a word, so someone else's "Anna-Karin" is not Karin. A "per" meaning
//! "each" in such a field is the price: a name let through would be worse.

use crate::i18n::Lang;
use crate::model::{Session, Speaker};
use crate::tr;

use super::{Options, speaker_label};

/// `text` with every participant's name, or part of a name, replaced by the
/// participant's pseudonym. A part two participants share ("Anna") says only that
/// it is a participant, since it cannot say which.
pub fn scrub_names(session: &Session, text: &str, options: &Options) -> String {
    let mut text = text.to_string();
    for (needle, replacement) in needles(session, options) {
        text = replace_words(&text, &needle, &replacement);
    }
    text
}

/// What to look for, longest first so that "Karin Lundberg" goes before "Karin".
fn needles(session: &Session, options: &Options) -> Vec<(String, String)> {
    let pseudonym = |id| speaker_label(session, Speaker::Participant(id), options);
    let mut full: Vec<(String, String)> = Vec::new();
    let mut parts: Vec<(String, String)> = Vec::new();
    for p in session.participants() {
        full.push((p.name.trim().to_lowercase(), pseudonym(p.id)));
        for part in p.name.split_whitespace().filter(|s| s.chars().count() > 1) {
            let part = part.to_lowercase();
            match parts.iter_mut().find(|(n, _)| *n == part) {
                Some(shared) => shared.1 = someone(options.lang),
                None => parts.push((part, pseudonym(p.id))),
            }
        }
    }
    for list in [&mut full, &mut parts] {
        list.retain(|(n, _)| !n.is_empty());
        list.sort_by_key(|(n, _)| std::cmp::Reverse(n.chars().count()));
    }
    full.extend(parts);
    full
}

fn someone(lang: Lang) -> String {
    tr!(lang, AnonymousSomeone)
}

/// `text` with each whole-word occurrence of `needle` (lower case) replaced, in
/// any case; one with a genitive s keeps it after a colon, as Swedish writes it
/// after a number.
fn replace_words(text: &str, needle: &str, replacement: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut before: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let at_word_start = !before.is_some_and(is_word_char);
        let found = at_word_start.then(|| match_len(rest, needle)).flatten();
        let (taken, genitive) = match found.map(|len| (len, word_end(&rest[len..]))) {
            Some((len, WordEnd::Here)) => (len, false),
            Some((len, WordEnd::Genitive)) => (len + 1, true),
            _ => {
                out.push(c);
                before = Some(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
        };
        out.push_str(replacement);
        if genitive {
            out.push_str(":s");
        }
        before = rest[..taken].chars().next_back();
        rest = &rest[taken..];
    }
    out
}

enum WordEnd {
    Here,
    /// An s, and then the word ends.
    Genitive,
    Not,
}

fn word_end(after: &str) -> WordEnd {
    let mut chars = after.chars();
    match chars.next() {
        None => WordEnd::Here,
        Some(c) if !is_word_char(c) => WordEnd::Here,
        Some('s' | 'S') if !chars.next().is_some_and(is_word_char) => WordEnd::Genitive,
        Some(_) => WordEnd::Not,
    }
}

/// The byte length of `needle` (lower case) at the start of `text`, in any case.
fn match_len(text: &str, needle: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    for n in needle.chars() {
        let c = chars.next()?;
        if !c.to_lowercase().eq(std::iter::once(n)) && c != n {
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
    use crate::model::testing::session;

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
        assert_eq!(scrub(&s, "KARIN och åström"), "Deltagare 1 och Deltagare 2");
        assert_eq!(scrub(&s, "KS ordförande"), "KS ordförande");
    }

    #[test]
    fn only_whole_words_are_replaced_or_with_a_genitive_s() {
        let s = session(&["Per Åström", "Ali Öz"]);
        assert_eq!(scrub(&s, "Persson och Alice"), "Persson och Alice");
        assert_eq!(scrub(&s, "(Per)"), "(Deltagare 1)");
        assert_eq!(
            scrub(&s, "Pers och Ålis grupp"),
            "Deltagare 1:s och Ålis grupp"
        );
        assert_eq!(
            scrub(&s, "Åströms förslag, Per:s"),
            "Deltagare 1:s förslag, Deltagare 1:s"
        );
        assert_eq!(scrub(&s, "Alis"), "Deltagare 2:s");
        assert_eq!(scrub(&s, "Persson"), "Persson");
    }

    /// A hyphen joins a double name into one word: someone else's "Anna-Karin"
    /// is not participant Karin. (This is why the matching is not one `regex`:
    /// its `\b` ends a word at a hyphen, and it has no look-around to say not to.)
    #[test]
    fn a_double_name_is_one_word() {
        let s = session(&["Karin Lundberg", "Per Ek"]);
        assert_eq!(
            scrub(&s, "Anna-Karin och Per-Olof, Karin och Per"),
            "Anna-Karin och Per-Olof, Deltagare 1 och Deltagare 2"
        );
        let s = session(&["Anna-Karin Ek", "Karin Lundberg"]);
        assert_eq!(
            scrub(&s, "Anna-Karins och Karins"),
            "Deltagare 1:s och Deltagare 2:s"
        );
    }

    #[test]
    fn a_first_name_two_people_share_names_neither() {
        let s = session(&["Anna Berg", "Anna Ek"]);
        assert_eq!(scrub(&s, "Anna"), "Deltagare ?");
        assert_eq!(scrub(&s, "Anna Ek"), "Deltagare 2");
    }
}
