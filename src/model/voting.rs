//! Dot voting: each participant who answers gives their dots to the items of a
//! block (answers and proposals); the items are ranked by dots, per side too.

use std::collections::HashSet;

use jiff::Timestamp;

use super::priority::MAX_DOTS;
use super::{
    DEFAULT_DOTS, Dots, Item, ModelError, ParticipantId, ProposalId, Ranked, Session, Side,
    Speaker, Voting,
};

impl Session {
    pub fn votings(&self) -> &[Voting] {
        &self.votings
    }

    /// The block a voting belongs to: the one it was held in, or, for a voting
    /// started outside any block, the block of its first item.
    pub fn voting_block<'a>(&'a self, voting: &'a Voting) -> Option<&'a str> {
        if !voting.block.is_empty() {
            return Some(&voting.block);
        }
        voting.items.iter().find_map(|&item| match item {
            Item::Answer(id) => self.answer(id).map(|a| a.block.as_str()),
            Item::Proposal(id) => self.proposal(id).map(|p| p.block.as_str()),
        })
    }

    /// The voting held for `block`, continued with any new `items`, or a new one.
    pub fn voting_for(&mut self, block: &str, items: Vec<Item>, now: Timestamp) -> usize {
        match self.votings.iter().rposition(|v| v.block == block) {
            Some(i) => {
                let v = &mut self.votings[i];
                let new: Vec<Item> = items.into_iter().filter(|i| !v.items.contains(i)).collect();
                if !new.is_empty() {
                    v.items.extend(new);
                    self.changed = now;
                }
                i
            }
            None => {
                let i = self.start_voting(items, DEFAULT_DOTS, now);
                self.votings[i].block = block.to_string();
                i
            }
        }
    }

    /// The material a prioritisation block votes on: the marked items of every
    /// question block; for any other block, all of its own items.
    pub fn voting_items(&self, block: &str) -> Vec<Item> {
        let is_priority = self
            .program
            .block(block)
            .is_some_and(|b| b.kind == super::BlockKind::Prioritisation);
        if is_priority {
            self.program
                .blocks()
                .filter(|(_, b)| b.kind == super::BlockKind::Question)
                .flat_map(|(_, b)| self.items_of(&b.id, true))
                .collect()
        } else {
            self.items_of(block, false)
        }
    }

    /// Sets how many dots each participant has; never fewer than someone has
    /// already placed.
    pub fn set_dots_each(
        &mut self,
        voting: usize,
        dots: u32,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let v = self
            .votings
            .get_mut(voting)
            .ok_or(ModelError::UnknownAnswer)?;
        let mut most = 0;
        for d in &v.dots {
            let theirs: u32 = v
                .dots
                .iter()
                .filter(|e| e.participant == d.participant)
                .map(|e| e.count)
                .sum();
            most = most.max(theirs);
        }
        if dots < most.max(1) {
            return Err(ModelError::DotsInUse { dots: most.max(1) });
        }
        if dots > MAX_DOTS && dots > v.dots_each {
            return Err(ModelError::TooManyDots { max: MAX_DOTS });
        }
        v.dots_each = dots;
        self.changed = now;
        Ok(())
    }

    /// Keeps a voting's result from the room (or shows it).
    pub fn set_result_hidden(&mut self, voting: usize, hidden: bool, now: Timestamp) {
        if let Some(v) = self.votings.get_mut(voting) {
            v.hidden = hidden;
            self.changed = now;
        }
    }

    /// How many of the participants who vote have placed all their dots.
    pub fn voters_done(&self, voting: usize) -> usize {
        self.answering()
            .filter(|p| self.dots_left(voting, *p) == 0)
            .count()
    }

    /// Dots a participant has not placed yet.
    pub fn dots_left(&self, voting: usize, participant: ParticipantId) -> u32 {
        self.votings.get(voting).map_or(0, |v| {
            let used: u32 = v
                .dots
                .iter()
                .filter(|d| d.participant == participant)
                .map(|d| d.count)
                .sum();
            v.dots_each.saturating_sub(used)
        })
    }

    /// Dots a participant has on an item.
    pub fn dots_on(&self, voting: usize, participant: ParticipantId, item: Item) -> u32 {
        self.votings.get(voting).map_or(0, |v| {
            v.dots
                .iter()
                .filter(|d| d.participant == participant && d.item == item)
                .map(|d| d.count)
                .sum()
        })
    }

    /// Takes out what Samspel before 2026-11-24 could leave naming nothing, so
    /// that such a file opens mended rather than refused: a proposal in a voting
    /// after deleting its last answer dropped it, and the dots and party place of
    /// a participant removed from the list.
    pub fn mend_leftovers(&mut self) {
        let proposals: HashSet<ProposalId> = self.proposals.iter().map(|p| p.id).collect();
        let there = |item: &Item| match item {
            Item::Proposal(id) => proposals.contains(id),
            Item::Answer(_) => true,
        };
        let people: HashSet<ParticipantId> = self.participants.iter().map(|p| p.id).collect();
        for v in &mut self.votings {
            v.items.retain(there);
            v.dots
                .retain(|d| there(&d.item) && people.contains(&d.participant));
        }
        for agreement in std::iter::once(&mut self.agreement).chain(&mut self.other_agreements) {
            agreement.parties.retain(|p| people.contains(p));
        }
    }

    /// Starts a round of dot voting over `items`; returns its index.
    pub fn start_voting(&mut self, items: Vec<Item>, dots_each: u32, now: Timestamp) -> usize {
        self.votings.push(Voting {
            block: String::new(),
            items,
            dots_each: dots_each.clamp(1, MAX_DOTS),
            dots: Vec::new(),
            hidden: false,
        });
        self.changed = now;
        self.votings.len() - 1
    }

    /// Sets how many dots a participant puts on an item (0 takes them away).
    /// Refused when it would give them more dots than they have.
    pub fn set_dots(
        &mut self,
        voting: usize,
        participant: ParticipantId,
        item: Item,
        count: u32,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.check_speaker(Speaker::Participant(participant))?;
        let name = self
            .participant(participant)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let v = self
            .votings
            .get_mut(voting)
            .ok_or(ModelError::UnknownAnswer)?;
        if !v.items.contains(&item) {
            return Err(ModelError::UnknownAnswer);
        }
        let elsewhere: u32 = v
            .dots
            .iter()
            .filter(|d| d.participant == participant && d.item != item)
            .map(|d| d.count)
            .sum();
        if elsewhere.saturating_add(count) > v.dots_each {
            return Err(ModelError::NoDotsLeft {
                name,
                dots: v.dots_each,
            });
        }
        v.dots
            .retain(|d| !(d.participant == participant && d.item == item));
        if count > 0 {
            v.dots.push(Dots {
                participant,
                item,
                count,
            });
        }
        self.changed = now;
        Ok(())
    }

    /// The result of a voting: most dots first, ties sharing a rank and keeping
    /// the items' own order, with the dots of each side.
    pub fn ranking(&self, voting: usize) -> Vec<Ranked> {
        let Some(v) = self.votings.get(voting) else {
            return Vec::new();
        };
        let side_of = |p: ParticipantId| self.participant(p).map(|p| p.side);
        let mut ranked: Vec<Ranked> = v
            .items
            .iter()
            .map(|&item| {
                let mine = v.dots.iter().filter(|d| d.item == item);
                let sum = |side: Side| -> u32 {
                    mine.clone()
                        .filter(|d| side_of(d.participant) == Some(side))
                        .map(|d| d.count)
                        .sum()
                };
                let (politik, verksamhet) = (sum(Side::Politik), sum(Side::Verksamhet));
                Ranked {
                    item,
                    total: politik + verksamhet,
                    politik,
                    verksamhet,
                    rank: 0,
                }
            })
            .collect();
        // Stable: a tie keeps the items' own order.
        ranked.sort_by_key(|r| std::cmp::Reverse(r.total));
        for i in 0..ranked.len() {
            ranked[i].rank = match i {
                0 => 1,
                i if ranked[i].total == ranked[i - 1].total => ranked[i - 1].rank,
                i => i + 1,
            };
        }
        ranked
    }

    /// Every voted item's score: the dots it has in the latest voting that
    /// includes it. One pass over the votings, for all items at once.
    pub fn scores(&self) -> std::collections::HashMap<Item, u32> {
        let mut scores = std::collections::HashMap::new();
        // Oldest first, so that a later voting's count replaces an earlier one.
        for v in &self.votings {
            for &item in &v.items {
                scores.insert(item, 0);
            }
            for d in &v.dots {
                *scores.entry(d.item).or_insert(0) += d.count;
            }
        }
        scores
    }

    /// Marks an item for the agreement (or unmarks it).
    pub fn mark_item(
        &mut self,
        item: Item,
        marked: bool,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        match item {
            Item::Answer(id) => self.set_marked(id, marked, now),
            Item::Proposal(id) => {
                self.set_proposal_marked(id, marked, now);
                Ok(())
            }
        }
    }
}
