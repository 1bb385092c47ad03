//! The table's own tests: both languages take the same values, every count is
//! said right for one and for two, and no message is left that nothing says.
//! (That each `tr!` call gives exactly its message's names is checked as it
//! compiles; see `check_call`.)

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::template::{groups, names_match};
use super::{Lang, Msg, fill, template_of};

fn names(template: &str) -> Vec<&str> {
    groups(template).into_iter().map(|(name, _)| name).collect()
}

#[test]
fn both_languages_use_the_same_placeholders() {
    for msg in Msg::ALL {
        let (sv, en) = msg.pair();
        assert!(!sv.is_empty() && !en.is_empty(), "{msg:?}");
        // Read as `fill` reads them and as `tr!` checks them: the two agree.
        assert!(names_match(sv, &names(sv)), "{msg:?}: {sv}");
        assert!(names_match(en, &names(sv)), "{msg:?}: {en}");
    }
}

/// A form is chosen only by the count `n`, so every message that can choose one
/// is in [`COUNTS`], and always between two forms.
#[test]
fn every_choice_is_between_two_forms_of_n() {
    for msg in Msg::ALL {
        let (sv, en) = msg.pair();
        for (name, forms) in groups(sv).into_iter().chain(groups(en)) {
            if !forms.is_empty() {
                assert_eq!((name, forms.len()), ("n", 2), "{msg:?}");
            }
        }
    }
}

/// Every message with `{n}` (a count, or a number such as "Dag 2"), said for 1
/// and for 2: `[sv 1, sv 2, en 1, en 2]`, each a part of the sentence up to a
/// word's end, so that "1 answers" does not pass for "1 answer".
#[rustfmt::skip]
const COUNTS: &[(Msg, [&str; 4])] = &[
    (Msg::Anonymous, ["Deltagare 1", "Deltagare 2", "Participant 1", "Participant 2"]),
    (Msg::Day, ["Dag 1", "Dag 2", "Day 1", "Day 2"]),
    (Msg::Answers, ["1 svar", "2 svar", "1 answer", "2 answers"]),
    (Msg::AnswersMarked, ["1 svar ·", "2 svar ·", "1 answer ·", "2 answers ·"]),
    (Msg::Blocks, ["1 block", "2 block", "1 block", "2 blocks"]),
    (Msg::Days, ["1 dag", "2 dagar", "1 day", "2 days"]),
    (Msg::Participants, ["1 deltagare", "2 deltagare", "1 participant", "2 participants"]),
    (Msg::Dots, ["1 prick", "2 prickar", "1 dot", "2 dots"]),
    (Msg::CliErrNoSuchDay, ["ingen dag 1;", "ingen dag 2;", "no day 1;", "no day 2;"]),
    (
        Msg::ListSkipped,
        [
            "1 post i mappen hoppades över: den är inte en vanlig fil eller är för stor för att vara en session.",
            "2 poster i mappen hoppades över: de är inte vanliga filer eller är för stora för att vara sessioner.",
            "1 entry in the folder was passed over: it is not a regular file, or too large to be a session.",
            "2 entries in the folder were passed over: they are not regular files, or too large to be sessions.",
        ],
    ),
    (
        Msg::ModelNoDotsLeft,
        ["var och en har 1)", "var och en har 2)", "each has 1)", "each has 2)"],
    ),
    (Msg::ModelDotsInUse, ["placerat 1 prick;", "placerat 2 prickar;", "placed 1 dot;", "placed 2 dots;"]),
    (Msg::ModelTooManyDots, ["Högst 1 prick per", "Högst 2 prickar per", "At most 1 dot per", "At most 2 dots per"]),
    (Msg::VotingDotsEach, [" 1 prick var ", " 2 prickar var ", " 1 dot each ", " 2 dots each "]),
    (
        Msg::ProgramNegativeMinutes,
        ["längden 1 minut;", "längden 2 minuter;", "lasts 1 minute;", "lasts 2 minutes;"],
    ),
    (Msg::NoticeNoSuchNumber, ["nummer 1.", "nummer 2.", "number 1.", "number 2."]),
    (Msg::NoticeTookIn, ["är med nu: 1 st.", "är med nu: 2 st.", "are in now: 1.", "are in now: 2."]),
    (Msg::BehindSchedule, ["1 min efter", "2 min efter", "1 min behind", "2 min behind"]),
    (Msg::AheadOfSchedule, ["1 min före", "2 min före", "1 min ahead", "2 min ahead"]),
    (Msg::AnswersTitle, ["Svar (1)", "Svar (2)", "Answers (1)", "Answers (2)"]),
    (Msg::DayOf, ["Dag 1 av", "Dag 2 av", "Day 1 of", "Day 2 of"]),
    (Msg::FormGroup, ["av 1 svar", "av 2 svar", "from 1 answer", "from 2 answers"]),
    (
        Msg::NoticeSplitDots,
        [
            "dess 1 prick kunde inte fördelas och togs bort.",
            "dess 2 prickar kunde inte fördelas och togs bort.",
            "its 1 dot could not be shared out and was removed.",
            "its 2 dots could not be shared out and were removed.",
        ],
    ),
    (
        Msg::NoticeMarkedTop,
        [
            "Det översta är markerat för",
            "De 2 översta är markerade för",
            "The top one is marked",
            "The top 2 are marked",
        ],
    ),
    (Msg::AgreementMaterial, ["formulera (1)", "formulera (2)", "write in (1)", "write in (2)"]),
    (Msg::AgreementUsed, ["texten: 1", "texten: 2", "text: 1", "text: 2"]),
    (Msg::PrepParticipants, ["Deltagare (1)", "Deltagare (2)", "Participants (1)", "Participants (2)"]),
    (Msg::DocSectionsDone, ["av 1 avsnitt är", "av 2 avsnitt är", "of 1 section done", "of 2 sections done"]),
    (Msg::DocVersionDraft, ["1 (utkast)", "2 (utkast)", "1 (draft)", "2 (draft)"]),
    (Msg::NotesVoting, ["1 prick var", "2 prickar var", "1 dot each", "2 dots each"]),
    (Msg::NotesUndotted, ["1 förslag fick", "2 förslag fick", "1 proposal got", "2 proposals got"]),
    (Msg::Minutes, ["1 min", "2 min", "1 min", "2 min"]),
    (Msg::ActionsTitle, ["Uppdrag (1)", "Uppdrag (2)", "Action items (1)", "Action items (2)"]),
    (Msg::BarsMore, ["och 1 till", "och 2 till", "and 1 more", "and 2 more"]),
    (Msg::MemoCountPolitik, ["1 förtroendevald", "2 förtroendevalda", "1 elected representative", "2 elected representatives"]),
    (Msg::MemoCountVerksamhet, ["1 tjänsteperson", "2 tjänstepersoner", "1 official", "2 officials"]),
    (Msg::WallVotersDone, ["Röstat: 1 av", "Röstat: 2 av", "Voted: 1 of", "Voted: 2 of"]),
];

#[test]
fn every_count_is_said_right_for_one_and_for_two() {
    for &(msg, expected) in COUNTS {
        let said = [(Lang::Sv, 1), (Lang::Sv, 2), (Lang::En, 1), (Lang::En, 2)]
            .map(|(lang, n)| fill(template_of(lang, msg), &[("n", &n)]));
        for (said, part) in said.iter().zip(expected) {
            let whole_words = said
                .match_indices(part)
                .any(|(i, _)| !said[i + part.len()..].starts_with(char::is_alphabetic));
            assert!(whole_words, "{msg:?}: {said:?} does not say {part:?}");
        }
    }
}

#[test]
fn every_message_with_a_count_is_in_the_table_of_counts() {
    for &msg in Msg::ALL {
        let (sv, _) = msg.pair();
        let listed = COUNTS.iter().any(|(m, _)| *m == msg);
        assert_eq!(names(sv).contains(&"n"), listed, "{msg:?}");
    }
}

/// No message is left that nothing says. A message is said where the code
/// names it, `Msg::Name`, or gives it to a macro by its bare name (`tr!(lang,
/// Name)`, the keymap's `bind!`); test modules do not count.
#[test]
fn every_message_is_said_somewhere() {
    let mut said = HashSet::new();
    for file in rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        if file.ends_with("i18n/messages.rs") {
            continue;
        }
        let code = std::fs::read_to_string(&file).unwrap();
        let code = code
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        said.extend(names_in(code).into_iter().map(str::to_string));
    }
    let unsaid: Vec<&str> = Msg::ALL
        .iter()
        .map(|m| m.key())
        .filter(|key| !said.contains(*key))
        .collect();
    assert!(unsaid.is_empty(), "messages nothing says: {unsaid:?}");
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The names after each `Msg::`, and the bare (not `a::B` or `a.b`) words in
/// the arguments of each macro call `name!(…)`.
fn names_in(code: &str) -> Vec<&str> {
    let word_end = |s: &str| {
        s.find(|c: char| !c.is_alphanumeric() && c != '_')
            .unwrap_or(s.len())
    };
    let mut names: Vec<&str> = code
        .match_indices("Msg::")
        .map(|(i, _)| &code[i + 5..])
        .map(|rest| &rest[..word_end(rest)])
        .collect();
    for (i, _) in code.match_indices("!(") {
        let args = &code[i + 2..];
        let args = &args[..call_end(args)];
        let mut rest = args;
        while let Some(start) = rest.find(|c: char| c.is_alphabetic() || c == '_') {
            let before = &rest[..start];
            let word = &rest[start..start + word_end(&rest[start..])];
            let bare = !before.ends_with(':') && !before.ends_with('.');
            if bare && !before.ends_with(|c: char| c.is_alphanumeric()) {
                names.push(word);
            }
            rest = &rest[start + word.len()..];
        }
    }
    names
}

/// Where the `)` that closes a macro call is in `args`, passing over nested
/// parentheses and those in string literals.
fn call_end(args: &str) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in args.char_indices() {
        match (in_string, c) {
            (true, _) if escaped => escaped = false,
            (true, '\\') => escaped = true,
            (_, '"') => in_string = !in_string,
            (false, '(') => depth += 1,
            (false, ')') if depth == 0 => return i,
            (false, ')') => depth -= 1,
            _ => {}
        }
    }
    args.len()
}
