//! What the group has written of the agreement: the agreed text of each section,
//! its status, the header's title, parties, version and next review, and where
//! the workshop's material goes: which section an item feeds and which items
//! have been worked into the text.

use std::collections::BTreeMap;

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::{Item, ModelError, ParticipantId, Session};

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

    /// Sets the title; an empty one returns to the default.
    pub fn set_agreement_title(&mut self, title: &str, now: Timestamp) {
        self.agreement.title = title.trim().to_string();
        self.changed = now;
    }

    /// The section an item of material feeds: where it was placed, else the
    /// first its block feeds; `None` for material of a block that feeds none
    /// (the writing block's own answers) until it is placed.
    pub fn section_of(&self, item: Item) -> Option<&str> {
        let placed = self.agreement.placed.iter().find(|p| p.item == item);
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

    /// Places an item of material in a section.
    pub fn place_item(
        &mut self,
        item: Item,
        section: &str,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        if self.program.section(section).is_none() {
            return Err(ModelError::UnknownSection(section.to_string()));
        }
        self.agreement.placed.retain(|p| p.item != item);
        self.agreement.placed.push(Placement {
            item,
            section: section.to_string(),
        });
        self.changed = now;
        Ok(())
    }

    /// Whether an item has been worked into a section's text.
    pub fn is_used(&self, item: Item) -> bool {
        self.agreement.used.contains(&item)
    }

    /// Marks an item as worked into the text, or as still to be written.
    pub fn set_used(&mut self, item: Item, used: bool, now: Timestamp) {
        self.agreement.used.retain(|i| *i != item);
        if used {
            self.agreement.used.push(item);
        }
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
