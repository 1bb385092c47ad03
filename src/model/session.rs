use std::collections::BTreeMap;

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::{
    ActionItem, AgreementText, Answer, AnswerId, Draft, MemoPart, ModelError, NewParticipant,
    Participant, ParticipantId, Program, Progress, Proposal, Speaker, Voting,
};
use crate::i18n::{Lang, Msg, text};

/// The version of the session file format this build writes. Older files are
/// migrated on load (see `store::schema`); newer ones are refused.
pub const SCHEMA_VERSION: u32 = 1;

/// The highest `next_id` a session holds: 2^53, the largest integer below which
/// every integer is held exactly by every JSON reader, JavaScript included (its
/// numbers are doubles: 2^53 + 1 reads back as 2^53). A file with a higher counter
/// is refused on load and no id is handed out at it, so the counter never wraps
/// and Samspel never writes a file it would refuse, or a script would misread.
pub const MAX_ID: u64 = 1 << 53;

/// One workshop: the single source of truth that the app edits and the store saves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub(super) schema_version: u32,
    pub organisation: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator: String,
    #[serde(default)]
    pub language: Lang,
    pub(super) day1: Option<Date>,
    /// Only for two-day programs; always after `day1`.
    pub(super) day2: Option<Date>,
    pub created: Timestamp,
    pub changed: Timestamp,
    pub(super) program: Program,
    pub(super) participants: Vec<Participant>,
    pub(super) answers: Vec<Answer>,
    pub(super) action_items: Vec<ActionItem>,
    #[serde(default)]
    pub(super) progress: Progress,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) draft: Option<Draft>,
    /// Answers grouped into one wording each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) proposals: Vec<Proposal>,
    /// Rounds of dot voting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) votings: Vec<Voting>,
    /// The agreement as the group writes it.
    #[serde(default)]
    pub(super) agreement: AgreementText,
    /// The session's other agreements on the same rules, e.g. between the
    /// oppositionsråd and the director.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) other_agreements: Vec<AgreementText>,
    /// The parts of the tjänsteskrivelse the user has written (the rest are
    /// made from the session).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) memo: BTreeMap<MemoPart, String>,
    /// The next id to hand out; ids are never reused, even after a delete.
    pub(super) next_id: u64,
}

impl Session {
    /// A session of `program`; an empty `title` is the program's own.
    pub fn new(program: Program, organisation: &str, title: &str, now: Timestamp) -> Session {
        let mut session = Session {
            schema_version: SCHEMA_VERSION,
            organisation: organisation.trim().to_string(),
            title: String::new(),
            facilitator: String::new(),
            language: Lang::Sv,
            day1: None,
            day2: None,
            created: now,
            changed: now,
            program,
            participants: Vec::new(),
            answers: Vec::new(),
            action_items: Vec::new(),
            progress: Progress::default(),
            draft: None,
            proposals: Vec::new(),
            votings: Vec::new(),
            agreement: AgreementText::default(),
            other_agreements: Vec::new(),
            memo: BTreeMap::new(),
            next_id: 1,
        };
        session.set_title(title);
        session
    }

    /// Sets the title; an empty one is the program's own.
    pub fn set_title(&mut self, title: &str) {
        self.title = match title.trim() {
            "" => self.program.title.clone(),
            title => title.to_string(),
        };
    }

    /// The format version the session was read or made with.
    pub fn schema_version(&self) -> u32 {
        self.schema_version
    }

    pub fn program(&self) -> &Program {
        &self.program
    }
    pub fn participants(&self) -> &[Participant] {
        &self.participants
    }
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }
    pub fn action_items(&self) -> &[ActionItem] {
        &self.action_items
    }
    pub fn progress(&self) -> &Progress {
        &self.progress
    }
    pub fn day1(&self) -> Option<Date> {
        self.day1
    }
    pub fn day2(&self) -> Option<Date> {
        self.day2
    }

    /// The date of day `index` (0-based), where known.
    pub fn date_of_day(&self, index: usize) -> Option<Date> {
        match index {
            0 => self.day1,
            1 => self.day2,
            _ => None,
        }
    }

    /// The next id, unless the counter is at [`MAX_ID`].
    pub(super) fn take_id(&mut self) -> Result<u64, ModelError> {
        if self.next_id >= MAX_ID {
            return Err(ModelError::NoIdsLeft { max: MAX_ID });
        }
        let id = self.next_id;
        self.next_id += 1;
        Ok(id)
    }

    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn add_participant(
        &mut self,
        new: NewParticipant,
        now: Timestamp,
    ) -> Result<ParticipantId, ModelError> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(ModelError::EmptyName);
        }
        if self.participant_named(name).is_some() {
            return Err(ModelError::DuplicateName(name.to_string()));
        }
        let id = ParticipantId(self.take_id()?);
        self.participants.push(Participant {
            id,
            name: name.to_string(),
            title: new.title.trim().to_string(),
            side: new.side,
            affiliation: new.affiliation.trim().to_string(),
            observer: new.observer,
        });
        self.changed = now;
        Ok(id)
    }

    /// A participant by name, ignoring case and surrounding space.
    pub fn participant_named(&self, name: &str) -> Option<&Participant> {
        let wanted = name.trim().to_lowercase();
        self.participants
            .iter()
            .find(|p| p.name.to_lowercase() == wanted)
    }

    /// Who is meant by a name typed by a person: a participant who answers, or the
    /// group ("gruppen" / "group").
    pub fn speaker_named(&self, name: &str) -> Result<Speaker, ModelError> {
        if let Some(p) = self.participant_named(name) {
            return if p.observer {
                Err(ModelError::Observer(p.name.clone()))
            } else {
                Ok(Speaker::Participant(p.id))
            };
        }
        let wanted = name.trim().to_lowercase();
        let is_group = [Lang::Sv, Lang::En]
            .iter()
            .any(|&lang| text(lang, Msg::Group).to_lowercase() == wanted);
        if is_group {
            return Ok(Speaker::Group);
        }
        Err(ModelError::UnknownParticipant {
            name: name.trim().to_string(),
            known: self.participants.iter().map(|p| p.name.clone()).collect(),
        })
    }

    /// The speaker's display name ("Gruppen" for the group).
    pub fn speaker_name(&self, speaker: Speaker, lang: Lang) -> String {
        match speaker {
            Speaker::Group => text(lang, Msg::Group).to_string(),
            Speaker::Participant(id) => self
                .participant(id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
        }
    }

    /// Adds a confirmed answer. The text is kept as typed, less surrounding blank space.
    pub fn add_answer(
        &mut self,
        block: &str,
        speaker: Speaker,
        text: &str,
        marked: bool,
        now: Timestamp,
    ) -> Result<AnswerId, ModelError> {
        self.check_block(block)?;
        self.check_speaker(speaker)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(ModelError::EmptyAnswer);
        }
        let id = AnswerId(self.take_id()?);
        self.answers.push(Answer {
            id,
            block: block.to_string(),
            speaker,
            text: text.to_string(),
            created: now,
            edited: None,
            marked,
        });
        self.changed = now;
        Ok(id)
    }

    /// The answers of one block, in order of arrival.
    pub fn answers_in<'a>(&'a self, block: &'a str) -> impl Iterator<Item = &'a Answer> + 'a {
        self.answers.iter().filter(move |a| a.block == block)
    }

    /// A copy without names: participant `n` (from 1, in list order) is called
    /// `label(n)`; titles, parties and the facilitator's name, which could name a
    /// person, are dropped; an action item's "who" (typed freely) becomes
    /// `scrub(who)`.
    pub fn anonymised(
        &self,
        label: impl Fn(usize) -> String,
        scrub: impl Fn(&str) -> String,
    ) -> Session {
        let mut copy = self.clone();
        for (i, p) in copy.participants.iter_mut().enumerate() {
            p.name = label(i + 1);
            p.title.clear();
            p.affiliation.clear();
        }
        copy.facilitator.clear();
        for action in &mut copy.action_items {
            action.who = scrub(&action.who);
        }
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Localize;
    use crate::model::Integrity;
    use crate::model::{ActionText, Side};
    use crate::programs;

    fn session() -> Session {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        Session::new(
            program,
            "Kungsörs kommun",
            "Styra och leda",
            Timestamp::UNIX_EPOCH,
        )
    }

    #[test]
    fn ids_are_never_reused() {
        let mut s = session();
        let now = Timestamp::UNIX_EPOCH;
        let p = s
            .add_participant(NewParticipant::new("Åsa", "KSO", Side::Politik), now)
            .unwrap();
        let a = s
            .add_answer("vad-ar-svart", Speaker::Participant(p), "Tid", false, now)
            .unwrap();
        let b = s
            .add_answer("vad-ar-svart", Speaker::Group, "Mål", false, now)
            .unwrap();
        assert!(p.0 < a.0 && a.0 < b.0);
        assert!(s.check_integrity().is_ok());
    }

    #[test]
    fn refuses_what_would_break_an_invariant() {
        let mut s = session();
        let now = Timestamp::UNIX_EPOCH;
        let new = |name: &str| NewParticipant::new(name, "", Side::Verksamhet);
        assert_eq!(
            s.add_participant(new("  "), now),
            Err(ModelError::EmptyName)
        );
        s.add_participant(new("Örjan"), now).unwrap();
        assert_eq!(
            s.add_participant(new("örjan "), now),
            Err(ModelError::DuplicateName("örjan".into()))
        );
        let mut observer = new("Olle");
        observer.observer = true;
        s.add_participant(observer, now).unwrap();
        assert_eq!(
            s.speaker_named("olle"),
            Err(ModelError::Observer("Olle".into()))
        );
        assert_eq!(s.speaker_named("Gruppen"), Ok(Speaker::Group));
        assert!(matches!(
            s.speaker_named("Nils"),
            Err(ModelError::UnknownParticipant { .. })
        ));
        let add = |s: &mut Session, block: &str, text: &str| {
            s.add_answer(block, Speaker::Group, text, false, now)
        };
        assert_eq!(
            add(&mut s, "nej", "x"),
            Err(ModelError::UnknownBlock("nej".into()))
        );
        assert_eq!(
            add(&mut s, "lunch", "x"),
            Err(ModelError::BreakBlock("lunch".into()))
        );
        assert_eq!(
            add(&mut s, "vad-ar-svart", " \n "),
            Err(ModelError::EmptyAnswer)
        );
        assert!(s.answers().is_empty());
    }

    /// At `MAX_ID` every way of making something new is refused with a sentence
    /// and nothing changes; the session stays one a load accepts. A counter
    /// above it, as a hand-edited file could hold, is refused on load.
    #[test]
    fn the_id_counter_stops_at_max_id() {
        let mut s = session();
        let now = Timestamp::UNIX_EPOCH;
        let new = |name: &str| NewParticipant::new(name, "", Side::Politik);
        let p = s.add_participant(new("Åsa"), now).unwrap();
        s.next_id = MAX_ID - 1;
        let last = s
            .add_answer("vad-ar-svart", Speaker::Participant(p), "Sist", false, now)
            .unwrap();
        assert_eq!(last.0, MAX_ID - 1);
        let before = s.clone();
        let full = ModelError::NoIdsLeft { max: MAX_ID };
        let answer = s.add_answer("vad-ar-svart", Speaker::Group, "Ett till", false, now);
        assert_eq!(answer, Err(full.clone()));
        assert_eq!(s.add_participant(new("Olle"), now), Err(full.clone()));
        let action = s.add_action_item(ActionText::new("Boka", "Åsa", None), None, now);
        assert_eq!(action, Err(full.clone()));
        let proposal = s.group_answers(&[last], "Förslag", now);
        assert_eq!(proposal, Err(full));
        assert_eq!(s, before, "nothing changed");
        assert_eq!(s.next_id, MAX_ID);
        assert_eq!(s.check_integrity(), Ok(()));
        let text = ModelError::NoIdsLeft { max: MAX_ID }.localize(Lang::Sv);
        assert!(
            text.starts_with("Sessionen har inte plats för fler svar"),
            "{text}"
        );

        s.next_id = MAX_ID + 1;
        let refused = Err(Integrity::OutOfRange("next_id".into()));
        assert_eq!(s.check_integrity(), refused);
        s.next_id = u64::MAX;
        assert_eq!(s.check_integrity(), refused);
    }

    #[test]
    fn day_two_must_follow_day_one() {
        let mut s = session();
        let d = |day| Date::new(2026, 3, day).unwrap();
        assert!(s.set_dates(Some(d(12)), Some(d(12))).is_err());
        assert!(s.set_dates(Some(d(12)), Some(d(11))).is_err());
        assert_eq!(s.day2(), None);
        s.set_dates(Some(d(12)), Some(d(13))).unwrap();
        assert_eq!(s.date_of_day(1), Some(d(13)));
    }
}
