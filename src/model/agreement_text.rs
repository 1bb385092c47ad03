//! What the group has written of the agreement: the agreed text of each section,
//! its status, and the header's parties, version and next review.

use std::collections::BTreeMap;

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::{ModelError, ParticipantId, Session};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementText {
    /// By section id. Compiling again never touches these: they are the group's words.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sections: BTreeMap<String, SectionText>,
    /// Who agrees, e.g. the chair and the director.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<ParticipantId>,
    /// 0 until set: the draft then says version 1.
    #[serde(default)]
    pub version: u32,
    /// When the agreement is next reviewed; a year after the workshop unless set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionText {
    #[serde(default)]
    pub text: String,
    /// The group calls the section done (klar) rather than a draft (utkast).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

impl Session {
    pub fn agreement(&self) -> &AgreementText {
        &self.agreement
    }

    /// A section's written part, made on first use; only the program's sections.
    fn section_mut(&mut self, section: &str) -> Result<&mut SectionText, ModelError> {
        if self.program.section(section).is_none() {
            return Err(ModelError::UnknownSection(section.to_string()));
        }
        Ok(self
            .agreement
            .sections
            .entry(section.to_string())
            .or_default())
    }

    pub fn set_section_text(
        &mut self,
        section: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.section_mut(section)?.text = text.trim_end().to_string();
        self.changed = now;
        Ok(())
    }

    pub fn set_section_done(
        &mut self,
        section: &str,
        done: bool,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.section_mut(section)?.done = done;
        self.changed = now;
        Ok(())
    }

    /// Sets the parties to the agreement (participants, in order).
    pub fn set_parties(
        &mut self,
        parties: Vec<ParticipantId>,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        if let Some(missing) = parties.iter().find(|p| self.participant(**p).is_none()) {
            return Err(ModelError::UnknownParticipant {
                name: missing.0.to_string(),
                known: self.participants.iter().map(|p| p.name.clone()).collect(),
            });
        }
        self.agreement.parties = parties;
        self.changed = now;
        Ok(())
    }

    pub fn set_agreement_version(
        &mut self,
        version: u32,
        next_review: Option<Date>,
        now: Timestamp,
    ) {
        self.agreement.version = version;
        self.agreement.next_review = next_review;
        self.changed = now;
    }

    /// The next review: as set, else a year after the last workshop day.
    pub fn next_review(&self) -> Option<Date> {
        self.agreement.next_review.or_else(|| {
            self.day2
                .or(self.day1)
                .and_then(|d| d.checked_add(jiff::Span::new().years(1)).ok())
        })
    }
}
