//! A new session: the one way the app, the command line and the demo make one.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{ModelError, NewParticipant, Program, Session};
use crate::i18n::Lang;

/// What a new session starts from.
#[derive(Clone, Debug)]
pub struct NewSession {
    pub program: Program,
    pub organisation: String,
    /// Empty: the program's own title.
    pub title: String,
    pub facilitator: String,
    pub language: Lang,
    pub day1: Option<Date>,
    /// None: the day after day 1 for a two-day program (see [`Session::set_dates`]).
    pub day2: Option<Date>,
    pub participants: Vec<NewParticipant>,
}

impl NewSession {
    pub fn new(program: Program) -> NewSession {
        NewSession {
            program,
            organisation: String::new(),
            title: String::new(),
            facilitator: String::new(),
            language: Lang::Sv,
            day1: None,
            day2: None,
            participants: Vec::new(),
        }
    }

    /// The session, or the first thing the model refuses (dates in the wrong
    /// order, a participant without a name or named twice).
    pub fn build(self, now: Timestamp) -> Result<Session, ModelError> {
        let mut session = Session::new(self.program, &self.organisation, &self.title, now);
        session.facilitator = self.facilitator.trim().to_string();
        session.language = self.language;
        session.set_dates(self.day1, self.day2)?;
        for participant in self.participants {
            session.add_participant(participant, now)?;
        }
        Ok(session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;

    #[test]
    fn the_title_defaults_to_the_programs_and_day_2_follows_day_1() {
        let program = crate::programs::load_built_in("skr-tva-dagar").unwrap();
        let new = NewSession {
            organisation: "Sjöbacka kommun".into(),
            day1: Date::new(2026, 3, 12).ok(),
            participants: vec![NewParticipant::new("Åsa", "KSO", Side::Politik)],
            ..NewSession::new(program.clone())
        };
        let s = new.build(Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(s.title, program.title);
        assert_eq!(s.day2(), Date::new(2026, 3, 13).ok());
        assert_eq!(s.participants().len(), 1);
    }

    #[test]
    fn a_refused_participant_refuses_the_session() {
        let program = crate::programs::load_built_in("skr-tva-dagar").unwrap();
        let twice = NewParticipant::new("Åsa", "KSO", Side::Politik);
        let new = NewSession {
            participants: vec![twice.clone(), twice],
            ..NewSession::new(program)
        };
        assert!(matches!(
            new.build(Timestamp::UNIX_EPOCH),
            Err(ModelError::DuplicateName(_))
        ));
    }
}
