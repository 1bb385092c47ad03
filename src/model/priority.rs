//! From many answers to few proposals: grouping similar answers into one
//! proposal, and dot voting to rank them.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{AnswerId, ModelError, ParticipantId, Session, Speaker};

/// A proposal's stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProposalId(pub u64);

/// Several similar answers said once, in the group's own wording. The answers
/// stay as they were (with their authors) and are its sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub id: ProposalId,
    pub block: String,
    pub text: String,
    pub sources: Vec<AnswerId>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub marked: bool,
    pub created: Timestamp,
}

/// What can be voted on: an answer, or a proposal standing for several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Item {
    Answer(AnswerId),
    Proposal(ProposalId),
}

/// One round of dot voting over a set of items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voting {
    /// The block it was held for, so that opening it again continues it.
    #[serde(default)]
    pub block: String,
    pub items: Vec<Item>,
    /// Dots each participant may place (3 unless changed).
    pub dots_each: u32,
    /// Where each participant put their dots.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dots: Vec<Dots>,
    /// The result is kept from the room until the facilitator shows it, so that
    /// the first dots do not steer the rest.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dots {
    pub participant: ParticipantId,
    pub item: Item,
    pub count: u32,
}

/// An item's place in the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub item: Item,
    pub total: u32,
    pub politik: u32,
    pub verksamhet: u32,
    /// 1 for the most dots; items with as many dots share a rank (a tie).
    pub rank: usize,
}

/// The default number of dots each participant gets.
pub const DEFAULT_DOTS: u32 = 3;

/// The most dots each participant can be given: more makes no sense on a wall.
pub const MAX_DOTS: u32 = 20;

/// The most a file may give: Samspel before 2026-11-24 let the count go past
/// [`MAX_DOTS`], and such a file must still open; the bound keeps a hand-edited
/// one from asking for billions of dots to be drawn.
pub const MAX_DOTS_IN_FILE: u32 = 1000;

impl Session {
    pub fn proposals(&self) -> &[Proposal] {
        &self.proposals
    }

    pub fn proposal(&self, id: ProposalId) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.id == id)
    }

    /// The proposal an answer has been grouped into, if any.
    pub fn grouped_in(&self, answer: AnswerId) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.sources.contains(&answer))
    }

    /// Groups answers into a proposal worded `text`. They may come from several
    /// blocks (the prioritisation block merges material from every question):
    /// the proposal belongs to the block of the first, and feeds its sections.
    pub fn group_answers(
        &mut self,
        answers: &[AnswerId],
        text: &str,
        now: Timestamp,
    ) -> Result<ProposalId, ModelError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ModelError::EmptyAnswer);
        }
        let first = answers
            .first()
            .and_then(|id| self.answer(*id))
            .ok_or(ModelError::UnknownAnswer)?;
        let block = first.block.clone();
        for id in answers {
            self.answer(*id).ok_or(ModelError::UnknownAnswer)?;
            if self.grouped_in(*id).is_some() {
                return Err(ModelError::CannotGroup);
            }
        }
        let marked = answers
            .iter()
            .any(|id| self.answer(*id).is_some_and(|a| a.marked));
        let id = ProposalId(self.take_id()?);
        self.proposals.push(Proposal {
            id,
            block,
            text: text.to_string(),
            sources: answers.to_vec(),
            marked,
            created: now,
        });
        self.changed = now;
        Ok(id)
    }

    /// Takes a proposal apart again: its answers stand on their own, in its place
    /// in any voting. Dots on the proposal cannot be shared out, so they go;
    /// returns how many.
    pub fn split_proposal(&mut self, id: ProposalId, now: Timestamp) -> u32 {
        let sources = self
            .proposal(id)
            .map(|p| p.sources.clone())
            .unwrap_or_default();
        self.proposals.retain(|p| p.id != id);
        let mut dropped = 0;
        for voting in &mut self.votings {
            if let Some(at) = voting.items.iter().position(|i| *i == Item::Proposal(id)) {
                let answers = sources.iter().map(|a| Item::Answer(*a));
                voting.items.splice(at..=at, answers);
            }
            dropped += voting
                .dots
                .iter()
                .filter(|d| d.item == Item::Proposal(id))
                .map(|d| d.count)
                .sum::<u32>();
            voting.dots.retain(|d| d.item != Item::Proposal(id));
        }
        self.changed = now;
        dropped
    }

    /// Groups answers into a proposal and puts it in their place in every voting,
    /// each participant's dots on them moving to it (so no vote is lost).
    pub fn group_in_votings(
        &mut self,
        answers: &[AnswerId],
        text: &str,
        now: Timestamp,
    ) -> Result<ProposalId, ModelError> {
        let id = self.group_answers(answers, text, now)?;
        let grouped: Vec<Item> = answers.iter().map(|a| Item::Answer(*a)).collect();
        for voting in &mut self.votings {
            let Some(at) = voting.items.iter().position(|i| grouped.contains(i)) else {
                continue;
            };
            voting.items.retain(|i| !grouped.contains(i));
            voting
                .items
                .insert(at.min(voting.items.len()), Item::Proposal(id));
            let mut moved: Vec<Dots> = Vec::new();
            for d in voting.dots.iter().filter(|d| grouped.contains(&d.item)) {
                match moved.iter_mut().find(|m| m.participant == d.participant) {
                    Some(m) => m.count += d.count,
                    None => moved.push(Dots {
                        participant: d.participant,
                        item: Item::Proposal(id),
                        count: d.count,
                    }),
                }
            }
            voting.dots.retain(|d| !grouped.contains(&d.item));
            voting.dots.extend(moved);
        }
        Ok(id)
    }

    pub fn set_proposal_marked(&mut self, id: ProposalId, marked: bool, now: Timestamp) {
        if let Some(p) = self.proposals.iter_mut().find(|p| p.id == id) {
            p.marked = marked;
            self.changed = now;
        }
    }

    /// The items of a block as they stand: its proposals, and its answers that are
    /// in no proposal, in order of arrival.
    pub fn items_of(&self, block: &str, marked_only: bool) -> Vec<Item> {
        let answers = self
            .answers_in(block)
            .filter(|a| self.grouped_in(a.id).is_none() && (a.marked || !marked_only))
            .map(|a| (a.created, Item::Answer(a.id)));
        let proposals = self
            .proposals
            .iter()
            .filter(|p| p.block == block && (p.marked || !marked_only))
            .map(|p| (p.created, Item::Proposal(p.id)));
        let mut items: Vec<(Timestamp, Item)> = answers.chain(proposals).collect();
        items.sort_by_key(|(t, _)| *t);
        items.into_iter().map(|(_, i)| i).collect()
    }

    pub fn item_text(&self, item: Item) -> Option<&str> {
        match item {
            Item::Answer(id) => self.answer(id).map(|a| a.text.as_str()),
            Item::Proposal(id) => self.proposal(id).map(|p| p.text.as_str()),
        }
    }

    /// Who said it: the speaker of an answer, the speakers of a proposal's sources.
    pub fn item_speakers(&self, item: Item) -> Vec<Speaker> {
        let ids: Vec<AnswerId> = match item {
            Item::Answer(id) => vec![id],
            Item::Proposal(id) => self
                .proposal(id)
                .map(|p| p.sources.clone())
                .unwrap_or_default(),
        };
        let mut speakers = Vec::new();
        for s in ids
            .iter()
            .filter_map(|id| self.answer(*id))
            .map(|a| a.speaker)
        {
            if !speakers.contains(&s) {
                speakers.push(s);
            }
        }
        speakers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;
    use crate::model::{NewParticipant, Session};
    use crate::programs;

    const NOW: Timestamp = Timestamp::UNIX_EPOCH;

    fn session() -> (Session, Vec<ParticipantId>, Vec<AnswerId>) {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        let people = [
            ("A", Side::Politik),
            ("B", Side::Politik),
            ("C", Side::Verksamhet),
        ];
        let ids: Vec<_> = people
            .iter()
            .map(|(n, side)| {
                s.add_participant(NewParticipant::new(n, "", *side), NOW)
                    .unwrap()
            })
            .collect();
        let answers: Vec<_> = ["x", "y", "z", "w"]
            .iter()
            .map(|t| {
                s.add_answer("vad-ar-svart", Speaker::Participant(ids[0]), t, true, NOW)
                    .unwrap()
            })
            .collect();
        (s, ids, answers)
    }

    #[test]
    fn voting_ranks_with_ties_and_splits_by_side() {
        let (mut s, p, a) = session();
        let items: Vec<Item> = a.iter().map(|id| Item::Answer(*id)).collect();
        let v = s.start_voting(items.clone(), 3, NOW);
        s.set_dots(v, p[0], items[1], 2, NOW).unwrap();
        s.set_dots(v, p[0], items[2], 1, NOW).unwrap();
        s.set_dots(v, p[2], items[2], 1, NOW).unwrap();
        s.set_dots(v, p[1], items[3], 2, NOW).unwrap();
        let r = s.ranking(v);
        let summary: Vec<(Item, u32, usize)> =
            r.iter().map(|r| (r.item, r.total, r.rank)).collect();
        assert_eq!(
            summary,
            [
                (items[1], 2, 1),
                (items[2], 2, 1),
                (items[3], 2, 1),
                (items[0], 0, 4)
            ]
        );
        assert_eq!((r[1].politik, r[1].verksamhet), (1, 1));
    }

    #[test]
    fn no_dots_left_and_changing_a_vote() {
        let (mut s, p, a) = session();
        let items: Vec<Item> = a.iter().map(|id| Item::Answer(*id)).collect();
        let v = s.start_voting(items.clone(), 3, NOW);
        s.set_dots(v, p[0], items[0], 3, NOW).unwrap();
        assert!(matches!(
            s.set_dots(v, p[0], items[1], 1, NOW),
            Err(ModelError::NoDotsLeft { .. })
        ));
        s.set_dots(v, p[0], items[0], 1, NOW).unwrap(); // changed: two dots free again
        s.set_dots(v, p[0], items[1], 2, NOW).unwrap();
        assert_eq!(s.scores()[&items[0]], 1);
        assert_eq!(s.scores()[&items[1]], 2);
    }

    #[test]
    fn grouping_in_a_voting_moves_the_dots_to_the_proposal() {
        let (mut s, p, a) = session();
        let items: Vec<Item> = a.iter().map(|id| Item::Answer(*id)).collect();
        let v = s.start_voting(items.clone(), 3, NOW);
        s.set_dots(v, p[0], items[0], 1, NOW).unwrap();
        s.set_dots(v, p[0], items[1], 2, NOW).unwrap();
        s.set_dots(v, p[2], items[1], 1, NOW).unwrap();
        let g = s.group_in_votings(&a[..2], "Tillsammans", NOW).unwrap();
        let proposal = Item::Proposal(g);
        assert_eq!(s.votings()[v].items, [proposal, items[2], items[3]]);
        assert_eq!(s.dots_on(v, p[0], proposal), 3);
        assert_eq!(s.dots_on(v, p[2], proposal), 1);
        assert_eq!(s.scores()[&proposal], 4);
        assert_eq!(
            s.split_proposal(g, NOW),
            4,
            "the proposal's dots cannot be shared out"
        );
        assert_eq!(s.votings()[v].items, items);
        assert_eq!(s.dots_left(v, p[0]), 3);
    }

    #[test]
    fn grouping_and_splitting_keep_the_sources() {
        let (mut s, _, a) = session();
        let g = s
            .group_answers(&a[..2], "Mer tid tillsammans", NOW)
            .unwrap();
        assert_eq!(s.items_of("vad-ar-svart", false).len(), 3);
        assert!(
            s.group_answers(&a[..1], "igen", NOW).is_err(),
            "already grouped"
        );
        assert_eq!(s.proposal(g).unwrap().sources, a[..2]);
        assert_eq!(s.split_proposal(g, NOW), 0);
        assert_eq!(s.items_of("vad-ar-svart", false).len(), 4);
        assert_eq!(s.answers().len(), 4, "the answers were never touched");
    }
}
