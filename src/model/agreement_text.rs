//! What the group has written of the agreement: the agreed text of each section,
//! its status, the header's title, parties, version and next review, and where
//! the workshop's material goes: which section an item feeds and which items
//! have been worked into the text.

use std::collections::BTreeMap;

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::{Item, ModelError, ParticipantId, Session};

/// The id of the workshop's own agreement, the one between the chair and the
/// director; the session's other agreements have ids of their own.
pub const MAIN: &str = "huvud";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementText {
    /// Empty for the main agreement; another agreement's stable id, e.g.
    /// "oppositionsradet" (`samspel export --agreement ID`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Another agreement's name, e.g. "Oppositionsrådet och kommundirektören";
    /// empty for the main agreement.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
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
    /// The title as the group wrote it; empty for the default, which names the
    /// organisation (`organisation::default_title`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Material placed in another section than the first its block feeds (or,
    /// for a block that feeds none, placed at all). An item that is no longer
    /// there, or a section the program does not have, is passed over.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placed: Vec<Placement>,
    /// Material already worked into a section's text: the draft no longer lists
    /// it as still to be written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used: Vec<Item>,
    /// The version this one was carried over from (the yearly follow-up):
    /// what the changes are shown against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<super::Previous>,
}

/// An item of material and the section it feeds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    pub item: Item,
    pub section: String,
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

impl AgreementText {
    /// What it is called: its name, or for the main agreement who it is between.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match self.name.as_str() {
            "" => crate::i18n::text(lang, crate::i18n::Msg::AgreementMain).to_string(),
            name => name.to_string(),
        }
    }

    /// Its id: [`MAIN`] for the main agreement.
    pub fn id(&self) -> &str {
        match self.id.as_str() {
            "" => MAIN,
            id => id,
        }
    }
}

impl Session {
    /// The main agreement.
    pub fn agreement(&self) -> &AgreementText {
        &self.agreement
    }

    /// Every agreement of the session, the main one first.
    pub fn agreements(&self) -> impl Iterator<Item = &AgreementText> {
        std::iter::once(&self.agreement).chain(&self.other_agreements)
    }

    /// The agreement with this id.
    pub fn agreement_of(&self, id: &str) -> Result<&AgreementText, ModelError> {
        self.agreements()
            .find(|a| a.id() == id)
            .ok_or_else(|| self.unknown_agreement(id))
    }

    fn agreement_mut(&mut self, id: &str) -> Result<&mut AgreementText, ModelError> {
        if id == MAIN {
            return Ok(&mut self.agreement);
        }
        let error = self.unknown_agreement(id);
        self.other_agreements
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(error)
    }

    fn unknown_agreement(&self, id: &str) -> ModelError {
        ModelError::UnknownAgreement {
            id: id.to_string(),
            known: self.agreements().map(|a| a.id().to_string()).collect(),
        }
    }

    /// Adds another agreement, e.g. between the oppositionsråd and the
    /// director, on the same rules: its sections start from the main
    /// agreement's text. `id` is its stable id, `name` what it is called.
    pub fn add_agreement(
        &mut self,
        id: &str,
        name: &str,
        parties: Vec<ParticipantId>,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let (id, name) = (id.trim(), name.trim());
        if name.is_empty() || id.is_empty() {
            return Err(ModelError::EmptyAgreementName);
        }
        if self.agreements().any(|a| a.id() == id) {
            return Err(ModelError::DuplicateAgreement(id.to_string()));
        }
        self.check_parties(&parties)?;
        let sections = self.agreement.sections.iter();
        let sections = sections.map(|(k, v)| {
            (
                k.clone(),
                SectionText {
                    done: false,
                    ..v.clone()
                },
            )
        });
        self.other_agreements.push(AgreementText {
            id: id.to_string(),
            name: name.to_string(),
            sections: sections.collect(),
            parties,
            ..AgreementText::default()
        });
        self.changed = now;
        Ok(())
    }

    /// A section's written part, made on first use; only the program's sections.
    fn section_mut(
        &mut self,
        agreement: &str,
        section: &str,
    ) -> Result<&mut SectionText, ModelError> {
        if self.program.section(section).is_none() {
            return Err(ModelError::UnknownSection(section.to_string()));
        }
        let text = self.agreement_mut(agreement)?;
        Ok(text.sections.entry(section.to_string()).or_default())
    }

    pub fn set_section_text(
        &mut self,
        agreement: &str,
        section: &str,
        text: &str,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.section_mut(agreement, section)?.text = text.trim_end().to_string();
        self.changed = now;
        Ok(())
    }

    pub fn set_section_done(
        &mut self,
        agreement: &str,
        section: &str,
        done: bool,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.section_mut(agreement, section)?.done = done;
        self.changed = now;
        Ok(())
    }

    fn check_parties(&self, parties: &[ParticipantId]) -> Result<(), ModelError> {
        match parties.iter().find(|p| self.participant(**p).is_none()) {
            Some(missing) => Err(ModelError::UnknownParticipant {
                name: missing.0.to_string(),
                known: self.participants.iter().map(|p| p.name.clone()).collect(),
            }),
            None => Ok(()),
        }
    }

    /// Sets the parties to an agreement (participants, in order).
    pub fn set_parties(
        &mut self,
        agreement: &str,
        parties: Vec<ParticipantId>,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.check_parties(&parties)?;
        // One signature each: a participant named twice is a party once.
        let mut once = Vec::with_capacity(parties.len());
        for p in parties {
            if !once.contains(&p) {
                once.push(p);
            }
        }
        self.agreement_mut(agreement)?.parties = once;
        self.changed = now;
        Ok(())
    }

    pub fn set_agreement_version(
        &mut self,
        agreement: &str,
        version: u32,
        next_review: Option<Date>,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let text = self.agreement_mut(agreement)?;
        text.version = version;
        text.next_review = next_review;
        self.changed = now;
        Ok(())
    }

    /// A section's title as the agreement words it for this organisation.
    pub fn section_title(&self, id: &str, lang: crate::i18n::Lang) -> Option<String> {
        let section = self.program.section(id)?;
        let kind = super::organisation::Kind::of(&self.organisation);
        Some(super::organisation::section_title(
            id,
            &section.title,
            kind,
            lang,
        ))
    }

    /// Sets an agreement's title; an empty one returns to the default.
    pub fn set_agreement_title(
        &mut self,
        agreement: &str,
        title: &str,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.agreement_mut(agreement)?.title = title.trim().to_string();
        self.changed = now;
        Ok(())
    }

    /// The section of an agreement an item of material feeds: where it was
    /// placed, else the first its block feeds; `None` for material of a block
    /// that feeds none (the writing block's own answers) until it is placed.
    pub fn section_of<'a>(&'a self, agreement: &'a AgreementText, item: Item) -> Option<&'a str> {
        let placed = agreement.placed.iter().find(|p| p.item == item);
        if let Some(p) = placed.filter(|p| self.program.section(&p.section).is_some()) {
            return Some(p.section.as_str());
        }
        let block = match item {
            Item::Answer(id) => self.answer(id).map(|a| a.block.as_str()),
            Item::Proposal(id) => self.proposal(id).map(|p| p.block.as_str()),
        }?;
        self.program
            .block(block)?
            .sections
            .first()
            .map(String::as_str)
    }

    /// Places an item of material in a section of an agreement.
    pub fn place_item(
        &mut self,
        agreement: &str,
        item: Item,
        section: &str,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        if self.program.section(section).is_none() {
            return Err(ModelError::UnknownSection(section.to_string()));
        }
        let text = self.agreement_mut(agreement)?;
        text.placed.retain(|p| p.item != item);
        text.placed.push(Placement {
            item,
            section: section.to_string(),
        });
        self.changed = now;
        Ok(())
    }

    /// Marks an item as worked into an agreement's text, or as still to be written.
    pub fn set_used(
        &mut self,
        agreement: &str,
        item: Item,
        used: bool,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let text = self.agreement_mut(agreement)?;
        text.used.retain(|i| *i != item);
        if used {
            text.used.push(item);
        }
        self.changed = now;
        Ok(())
    }

    /// Forgets that an item was worked into any agreement's text, and with
    /// `placement` where it was placed: its words or its block changed.
    pub(super) fn forget_in_agreements(&mut self, item: Item, placement: bool) {
        for text in std::iter::once(&mut self.agreement).chain(&mut self.other_agreements) {
            text.used.retain(|i| *i != item);
            if placement {
                text.placed.retain(|p| p.item != item);
            }
        }
    }

    /// An agreement's next review: as set, else a year after the last
    /// workshop day.
    pub fn next_review_of(&self, agreement: &AgreementText) -> Option<Date> {
        agreement.next_review.or_else(|| {
            self.day2
                .or(self.day1)
                .and_then(|d| d.checked_add(jiff::Span::new().years(1)).ok())
        })
    }

    /// The main agreement's next review.
    pub fn next_review(&self) -> Option<Date> {
        self.next_review_of(&self.agreement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{NOW, session};

    #[test]
    fn another_agreement_starts_from_the_main_text_and_keeps_its_own() {
        let mut s = session(&["Eva"]);
        let eva = s.participants()[0].id;
        s.set_section_text(MAIN, "samarbete", "Vi ses.", NOW)
            .unwrap();
        s.set_section_done(MAIN, "samarbete", true, NOW).unwrap();
        s.add_agreement("opposition", "Oppositionen", vec![eva], NOW)
            .unwrap();
        let other = s.agreement_of("opposition").unwrap();
        assert_eq!(other.sections["samarbete"].text, "Vi ses.");
        assert!(
            !other.sections["samarbete"].done,
            "done is the group's call, again"
        );
        s.set_section_text("opposition", "samarbete", "Vi ses ibland.", NOW)
            .unwrap();
        assert_eq!(s.agreement().sections["samarbete"].text, "Vi ses.");
        for refused in [
            s.add_agreement("opposition", "Igen", vec![], NOW),
            s.add_agreement(MAIN, "Huvud", vec![], NOW),
            s.add_agreement("x", " ", vec![], NOW),
            s.set_section_text("finns-inte", "samarbete", "x", NOW),
        ] {
            assert!(refused.is_err());
        }
        assert_eq!(s.agreements().count(), 2);
        s.check_integrity().unwrap();
    }

    #[test]
    fn a_file_whose_agreements_share_an_id_or_name_nobody_is_refused() {
        let mut s = session(&["Eva"]);
        s.add_agreement("opposition", "Oppositionen", vec![], NOW)
            .unwrap();
        let mut json: serde_json::Value = serde_json::to_value(&s).unwrap();
        let twice = json["other_agreements"][0].clone();
        json["other_agreements"].as_array_mut().unwrap().push(twice);
        let twice: Session = serde_json::from_value(json.clone()).unwrap();
        assert!(twice.check_integrity().is_err());
        json["other_agreements"][1]["id"] = "annan".into();
        json["other_agreements"][1]["parties"] = serde_json::json!([999]);
        let nobody: Session = serde_json::from_value(json).unwrap();
        assert!(nobody.check_integrity().is_err());
    }
}
