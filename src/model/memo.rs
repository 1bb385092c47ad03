//! The tjänsteskrivelse: the decision memo that takes the agreement to the
//! executive board (kommunstyrelsen, regionstyrelsen). Each part has a default
//! written from the session; the session keeps only the parts the user has
//! rewritten, so a default follows the session (a new date, a participant
//! more) until someone takes the part over. Pure: the exports and the memo
//! screen show what [`memo`] returns.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{Session, Side, draft_agreement};
use crate::i18n::{Lang, Msg, Quoted, date_text, text};
use crate::tr;

/// The parts of the memo, in the order it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemoPart {
    /// The office that writes it (förvaltning).
    Sender,
    /// "Till kommunstyrelsen".
    Addressee,
    /// Ärende: the agreement's title.
    Matter,
    /// Förslag till beslut.
    Proposal,
    /// Sammanfattning av ärendet: why, and how the text was worked out.
    Summary,
    /// Beskrivning av ärendet: what the agreement holds, and its follow-up.
    Description,
    /// Beslutsunderlag.
    Basis,
    /// Beslutet ska skickas till.
    SendTo,
    /// Handläggare.
    Handler,
}

impl MemoPart {
    pub const ALL: [MemoPart; 9] = [
        MemoPart::Sender,
        MemoPart::Addressee,
        MemoPart::Matter,
        MemoPart::Proposal,
        MemoPart::Summary,
        MemoPart::Description,
        MemoPart::Basis,
        MemoPart::SendTo,
        MemoPart::Handler,
    ];

    /// The part's name, as its heading in the memo says it.
    pub fn label(self, lang: Lang) -> &'static str {
        text(
            lang,
            match self {
                MemoPart::Sender => Msg::MemoPartSender,
                MemoPart::Addressee => Msg::MemoPartAddressee,
                MemoPart::Matter => Msg::MemoPartMatter,
                MemoPart::Proposal => Msg::MemoPartProposal,
                MemoPart::Summary => Msg::MemoPartSummary,
                MemoPart::Description => Msg::MemoPartDescription,
                MemoPart::Basis => Msg::MemoPartBasis,
                MemoPart::SendTo => Msg::MemoPartSendTo,
                MemoPart::Handler => Msg::MemoPartHandler,
            },
        )
    }
}

/// The memo as it reads now: every part, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memo {
    pub parts: Vec<MemoText>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoText {
    pub part: MemoPart,
    /// The user's text if they wrote one, else the default.
    pub text: String,
    /// The user wrote it (else it is the default, a proposal).
    pub edited: bool,
}

impl Memo {
    /// The text of `part`.
    pub fn text(&self, part: MemoPart) -> &str {
        self.parts
            .iter()
            .find(|p| p.part == part)
            .map_or("", |p| p.text.as_str())
    }

    pub fn is_edited(&self, part: MemoPart) -> bool {
        self.parts.iter().any(|p| p.part == part && p.edited)
    }
}

/// The memo of `session` in `lang`: each part as the user wrote it, else as
/// [`default_text`] proposes.
pub fn memo(session: &Session, lang: Lang) -> Memo {
    let draft = draft_agreement::compile(session, lang);
    let parts = MemoPart::ALL
        .iter()
        .map(|&part| match session.memo.get(&part) {
            Some(text) => MemoText {
                part,
                text: text.clone(),
                edited: true,
            },
            None => MemoText {
                part,
                text: default_for(session, &draft, lang, part),
                edited: false,
            },
        })
        .collect();
    Memo { parts }
}

/// What `part` says until the user writes it.
pub fn default_text(session: &Session, lang: Lang, part: MemoPart) -> String {
    default_for(
        session,
        &draft_agreement::compile(session, lang),
        lang,
        part,
    )
}

/// The words that differ between a municipality and a region.
struct Body {
    sender: Msg,
    board: Msg,
    council: Msg,
    director: Msg,
}

impl Body {
    fn of(session: &Session) -> Body {
        match session.organisation.trim_start().starts_with("Region") {
            true => Body {
                sender: Msg::MemoSenderRegion,
                board: Msg::MemoBoardRegion,
                council: Msg::MemoCouncilRegion,
                director: Msg::MemoDirectorRegion,
            },
            false => Body {
                sender: Msg::MemoSenderKommun,
                board: Msg::MemoBoardKommun,
                council: Msg::MemoCouncilKommun,
                director: Msg::MemoDirectorKommun,
            },
        }
    }
}

/// The board the memo goes to, as a sentence names it inside: "kommunstyrelsen".
pub fn board(session: &Session, lang: Lang) -> String {
    lower_first(text(lang, Body::of(session).board))
}

fn default_for(
    session: &Session,
    draft: &draft_agreement::Draft,
    lang: Lang,
    part: MemoPart,
) -> String {
    let body = Body::of(session);
    let say = |msg| text(lang, msg);
    let board = say(body.board);
    let council = say(body.council);
    let director = say(body.director);
    let title = draft.title.as_str();
    match part {
        MemoPart::Sender => say(body.sender).to_string(),
        MemoPart::Addressee => tr!(lang, MemoAddressee, board = lower_first(board)),
        MemoPart::Matter => title.to_string(),
        MemoPart::Proposal => tr!(
            lang,
            MemoProposalDefault,
            board = board,
            council = council,
            title = Quoted(lang, title)
        ),
        MemoPart::Summary => summary(session, lang),
        MemoPart::Description => {
            let mut lines = vec![tr!(lang, MemoSectionsIntro)];
            // The sections the final agreement holds, as it titles them (by
            // kommun or region); before any has text, all the program's.
            let written = draft.sections.iter().filter(|s| s.in_final());
            let sections: Vec<_> = match written.clone().next() {
                Some(_) => written.collect(),
                None => draft.sections.iter().collect(),
            };
            lines.extend(
                sections
                    .iter()
                    .enumerate()
                    .map(|(i, s)| format!("{}. {}", i + 1, s.title)),
            );
            let board = lower_first(board);
            let follow_up = match session.next_review() {
                Some(date) => tr!(
                    lang,
                    MemoFollowUpBy,
                    date = date_text(lang, date),
                    board = board,
                    director = director
                ),
                None => tr!(lang, MemoFollowUp, board = board, director = director),
            };
            format!("{}\n\n{follow_up}", lines.join("\n"))
        }
        MemoPart::Basis => match draft.date {
            Some(date) => tr!(
                lang,
                MemoBasisDated,
                title = title,
                date = date_text(lang, date)
            ),
            None => title.to_string(),
        },
        MemoPart::SendTo => tr!(
            lang,
            MemoSendToDefault,
            council = council,
            director = upper_first(director)
        ),
        MemoPart::Handler => session.facilitator.clone(),
    }
}

/// Why the agreement exists, and how it was worked out: when, by whom, how.
fn summary(session: &Session, lang: Lang) -> String {
    let org = match session.organisation.trim() {
        "" => text(lang, Msg::MemoOrganisationFallback),
        org => org,
    };
    let why = tr!(lang, MemoWhy, org = org);
    let program = Quoted(lang, &session.program().title);
    let how = match (session.day1(), session.day2()) {
        (Some(day1), Some(day2)) => tr!(
            lang,
            MemoHowTwoDays,
            day1 = date_text(lang, day1),
            day2 = date_text(lang, day2),
            program = program
        ),
        (Some(day), None) | (None, Some(day)) => tr!(
            lang,
            MemoHowOneDay,
            date = date_text(lang, day),
            program = program
        ),
        (None, None) => tr!(lang, MemoHowNoDate, program = program),
    };
    let (politik, verksamhet) = taking_part(session);
    let who = tr!(
        lang,
        MemoTookPart,
        politik = tr!(lang, MemoCountPolitik, n = politik),
        verksamhet = tr!(lang, MemoCountVerksamhet, n = verksamhet)
    );
    format!("{why}\n\n{how} {who}")
}

/// How many took part from each side (Politik, Verksamhet): observers left out.
pub fn taking_part(session: &Session) -> (usize, usize) {
    let count = |side| {
        session
            .participants()
            .iter()
            .filter(|p| p.side == side && !p.observer)
            .count()
    };
    (count(Side::Politik), count(Side::Verksamhet))
}

fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn upper_first(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

impl Session {
    /// The memo's parts the user has written.
    pub fn memo_edits(&self) -> &BTreeMap<MemoPart, String> {
        &self.memo
    }

    /// Keeps `text` as what `part` says; a blank text returns the part to its
    /// default.
    pub fn set_memo_part(&mut self, part: MemoPart, text: &str, now: Timestamp) {
        let text = text.trim_end();
        match text.trim().is_empty() {
            true => self.memo.remove(&part),
            false => self.memo.insert(part, text.to_string()),
        };
        self.changed = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewParticipant;
    use crate::model::testing::NOW;
    use jiff::civil::Date;

    fn session(org: &str) -> Session {
        let program = crate::programs::built_in("skr-tva-dagar").unwrap().unwrap();
        let mut s = Session::new(program, org, "", NOW);
        let d = |day| Date::new(2026, 3, day).unwrap();
        s.set_dates(Some(d(12)), Some(d(13))).unwrap();
        s.facilitator = "Eva Ek".into();
        let mut add = |name: &str, side, observer| {
            let mut p = NewParticipant::new(name, "", side);
            p.observer = observer;
            s.add_participant(p, NOW).unwrap();
        };
        add("Åsa", Side::Politik, false);
        add("Örjan", Side::Politik, false);
        add("Olle", Side::Politik, true);
        add("Per", Side::Verksamhet, false);
        add("Vera", Side::Verksamhet, true);
        s
    }

    #[test]
    fn the_defaults_come_from_the_session() {
        let s = session("Kungsörs kommun");
        let m = memo(&s, Lang::Sv);
        let title = draft_agreement::compile(&s, Lang::Sv).title;
        assert_eq!(m.text(MemoPart::Sender), "Kommunledningskontoret");
        assert_eq!(m.text(MemoPart::Addressee), "Till kommunstyrelsen");
        assert_eq!(m.text(MemoPart::Matter), title);
        assert_eq!(
            m.text(MemoPart::Proposal),
            format!("Kommunstyrelsen föreslår kommunfullmäktige att anta ”{title}”.")
        );
        let summary = m.text(MemoPart::Summary);
        assert!(summary.contains("12 mars 2026"), "{summary}");
        assert!(summary.contains("13 mars 2026"), "{summary}");
        assert!(summary.contains(&s.program().title), "{summary}");
        let description = m.text(MemoPart::Description);
        let draft = draft_agreement::compile(&s, Lang::Sv);
        for (i, section) in draft.sections.iter().enumerate() {
            let line = format!("{}. {}", i + 1, section.title);
            assert!(description.lines().any(|l| l == line), "{description}");
        }
        assert!(description.contains("senast 13 mars 2027"), "{description}");
        assert_eq!(
            m.text(MemoPart::Basis),
            format!("{title}, daterad 13 mars 2026")
        );
        assert!(m.text(MemoPart::SendTo).contains("Kommundirektören"));
        assert_eq!(m.text(MemoPart::Handler), "Eva Ek");
        assert!(m.parts.iter().all(|p| !p.edited));
        assert_eq!(
            m.parts.iter().map(|p| p.part).collect::<Vec<_>>(),
            MemoPart::ALL
        );

        let en = memo(&s, Lang::En);
        assert_eq!(
            en.text(MemoPart::Addressee),
            "To the Municipal Executive Board"
        );
        assert!(en.text(MemoPart::Summary).contains("12 March 2026"));
    }

    #[test]
    fn a_region_writes_to_the_regional_board() {
        let s = session("Region Sörmland");
        let m = memo(&s, Lang::Sv);
        assert_eq!(m.text(MemoPart::Sender), "Regionledningskontoret");
        assert_eq!(m.text(MemoPart::Addressee), "Till regionstyrelsen");
        assert!(
            m.text(MemoPart::Proposal)
                .starts_with("Regionstyrelsen föreslår regionfullmäktige")
        );
        assert!(m.text(MemoPart::Description).contains("regiondirektören"));
    }

    #[test]
    fn only_those_who_take_part_are_counted_by_side() {
        let s = session("Kungsörs kommun");
        assert_eq!(taking_part(&s), (2, 1));
        let summary = memo(&s, Lang::Sv).text(MemoPart::Summary).to_string();
        assert!(
            summary.contains("I arbetet deltog 2 förtroendevalda och 1 tjänsteperson."),
            "{summary}"
        );
        let summary = memo(&s, Lang::En).text(MemoPart::Summary).to_string();
        assert!(
            summary.contains("2 elected representatives and 1 official took part"),
            "{summary}"
        );
    }

    #[test]
    fn an_edited_part_stays_until_it_is_emptied() {
        let mut s = session("Kungsörs kommun");
        s.set_memo_part(MemoPart::SendTo, "Alla nämnder\nRevisionen\n", NOW);
        let m = memo(&s, Lang::Sv);
        assert_eq!(m.text(MemoPart::SendTo), "Alla nämnder\nRevisionen");
        assert!(m.is_edited(MemoPart::SendTo));
        assert!(!m.is_edited(MemoPart::Summary));
        // The edit is the user's in every language.
        assert_eq!(
            memo(&s, Lang::En).text(MemoPart::SendTo),
            "Alla nämnder\nRevisionen"
        );
        s.set_memo_part(MemoPart::SendTo, " \n ", NOW);
        assert!(s.memo_edits().is_empty());
        assert!(!memo(&s, Lang::Sv).is_edited(MemoPart::SendTo));
    }

    #[test]
    fn a_session_without_edits_saves_as_before_and_an_edit_reads_back() {
        let mut s = session("Kungsörs kommun");
        let json = serde_json::to_string(&s).unwrap();
        assert!(
            !json.contains("\"memo\""),
            "no memo key until something is written"
        );
        s.set_memo_part(MemoPart::Handler, "Eva Ek, utvecklingsstrateg", NOW);
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"memo\":{\"handler\":"), "{json}");
        let back: Session = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }
}
