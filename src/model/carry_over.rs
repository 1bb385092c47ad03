//! The yearly follow-up starts from last year's session: its agreements (the
//! agreed text of every section, the parties, the title) become this year's
//! starting text as version N+1, with last year's words kept beside them so
//! that what changes can be shown; its participants and its action items come
//! along to be reviewed.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ActionText, AgreementText, ModelError, NewParticipant, Session};

/// An agreement as it stood when this session took it over: what the new
/// version is compared with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    pub version: u32,
    /// The (last) day of the session it was written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Each section's agreed text, by section id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, String>,
}

impl Session {
    /// Takes over `last`'s agreements, participants and action items. Refused
    /// when `last` has no agreed text at all: there would be nothing to follow up.
    pub fn carry_over(&mut self, last: &Session, now: Timestamp) -> Result<(), ModelError> {
        let written = |a: &AgreementText| a.sections.values().any(|s| !s.text.is_empty());
        if !last.agreements().any(written) {
            return Err(ModelError::NothingToFollowUp);
        }
        for p in last.participants() {
            if self.participant_named(&p.name).is_none() {
                self.add_participant(NewParticipant::from(p), now)?;
            }
        }
        let date = last.day2().or(last.day1());
        let agreements: Vec<AgreementText> = last
            .agreements()
            .map(|a| self.next_version_of(last, a, date))
            .collect();
        let mut agreements = agreements.into_iter();
        self.agreement = agreements.next().unwrap_or_default();
        self.other_agreements = agreements.collect();
        for item in last.action_items() {
            let text = ActionText {
                what: item.what.clone(),
                who: item.who.clone(),
                due: item.due,
            };
            self.add_action_item(text, None, now)?;
        }
        self.changed = now;
        Ok(())
    }

    /// Version N+1 of one of last year's agreements: the same text, title and
    /// parties (found again by name), not yet done, with version N kept.
    fn next_version_of(
        &self,
        last: &Session,
        a: &AgreementText,
        date: Option<Date>,
    ) -> AgreementText {
        let texts: BTreeMap<String, String> = a
            .sections
            .iter()
            .filter(|(_, s)| !s.text.is_empty())
            .map(|(id, s)| (id.clone(), s.text.clone()))
            .collect();
        let parties = a
            .parties
            .iter()
            .filter_map(|id| last.participant(*id))
            .filter_map(|p| self.participant_named(&p.name).map(|p| p.id))
            .collect();
        let version = a.version.max(1);
        AgreementText {
            id: a.id.clone(),
            name: a.name.clone(),
            sections: texts
                .iter()
                .map(|(id, text)| {
                    (
                        id.clone(),
                        super::SectionText {
                            text: text.clone(),
                            done: false,
                        },
                    )
                })
                .collect(),
            parties,
            version: version + 1,
            next_review: None,
            title: a.title.clone(),
            placed: Vec::new(),
            used: Vec::new(),
            previous: Some(Previous {
                version,
                date,
                title: a.title.clone(),
                sections: texts,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{NOW, session};
    use crate::model::{MAIN, Side};

    #[test]
    fn last_years_agreement_is_this_years_starting_text_as_the_next_version() {
        let mut last = session(&["Åsa"]);
        last.add_participant(NewParticipant::new("Jörgen", "KD", Side::Verksamhet), NOW)
            .unwrap();
        let ids: Vec<_> = last.participants().iter().map(|p| p.id).collect();
        last.set_parties(MAIN, ids, NOW).unwrap();
        last.set_section_text(MAIN, "samarbete", "Vi ses – åäö \u{1b}[31m <w:t>", NOW)
            .unwrap();
        last.set_section_done(MAIN, "samarbete", true, NOW).unwrap();
        last.add_action_item(
            ActionText {
                what: "Mötesstruktur".into(),
                who: "Jörgen".into(),
                due: Date::new(2026, 5, 1).ok(),
            },
            None,
            NOW,
        )
        .unwrap();
        let mut this = session(&["Åsa"]);
        this.carry_over(&last, NOW).unwrap();
        let a = this.agreement();
        assert_eq!(
            a.sections["samarbete"].text,
            "Vi ses – åäö \u{1b}[31m <w:t>"
        );
        assert!(
            !a.sections["samarbete"].done,
            "this year's group decides again"
        );
        assert_eq!(a.version, 2);
        let names: Vec<&str> = a
            .parties
            .iter()
            .map(|id| this.participant(*id).unwrap().name.as_str())
            .collect();
        assert_eq!(names, ["Åsa", "Jörgen"]);
        assert_eq!(this.participants().len(), 2, "Åsa once");
        let previous = a.previous.as_ref().unwrap();
        assert_eq!((previous.version, previous.sections.len()), (1, 1));
        assert_eq!(this.action_items()[0].what, "Mötesstruktur");
        this.check_integrity().unwrap();
    }

    #[test]
    fn a_session_without_agreed_text_has_nothing_to_follow_up() {
        let last = session(&["Åsa"]);
        let mut this = session(&[]);
        assert!(matches!(
            this.carry_over(&last, NOW),
            Err(ModelError::NothingToFollowUp)
        ));
        assert!(this.participants().is_empty(), "nothing taken over");
    }
}
