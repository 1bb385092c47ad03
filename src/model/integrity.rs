//! Whether a loaded session's parts refer to each other: a hand-edited file
//! can never attach an answer to a block or person that is not there, or hold
//! counts no use of the app can make.

use std::collections::{HashMap, HashSet};

use super::{Item, MAX_DOTS_IN_FILE, MAX_ID, ParticipantId, Session, Speaker};
use crate::i18n::{Lang, Localize};
use crate::tr;

/// Why a loaded session cannot be used: its parts do not refer to each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Integrity {
    DanglingAnswer {
        answer: u64,
        block: String,
    },
    DanglingSpeaker {
        answer: u64,
        participant: u64,
    },
    DuplicateId(String),
    IdCounter(u64),
    /// A proposal, a vote or the agreement's parties name something that is not there.
    DanglingId(u64),
    /// A count no use of the app can make (a timer of centuries, a voter with more
    /// dots than the voting gives): named by where it is in the file.
    OutOfRange(String),
}

impl Localize for Integrity {
    fn localize(&self, lang: Lang) -> String {
        match self {
            Integrity::DanglingAnswer { answer, block } => {
                tr!(lang, ModelDanglingAnswer, answer = answer, block = block)
            }
            Integrity::DanglingSpeaker {
                answer,
                participant,
            } => tr!(
                lang,
                ModelDanglingSpeaker,
                answer = answer,
                participant = participant
            ),
            Integrity::DuplicateId(id) => tr!(lang, ModelDuplicateId, id = id),
            Integrity::IdCounter(next) => tr!(lang, ModelIdCounter, next = next),
            Integrity::DanglingId(id) => tr!(lang, ModelDanglingId, id = id),
            Integrity::OutOfRange(place) => tr!(lang, ModelOutOfRange, place = place),
        }
    }
}

impl Session {
    /// Checks that the parts of a loaded session refer to each other, so that a
    /// hand-edited file can never attach an answer to a block or person that is not there.
    pub fn check_integrity(&self) -> Result<(), Integrity> {
        let mut blocks = HashSet::new();
        for (_, block) in self.program.blocks() {
            if !blocks.insert(block.id.as_str()) {
                return Err(Integrity::DuplicateId(block.id.clone()));
            }
        }
        let all_ids = self
            .participants
            .iter()
            .map(|p| p.id.0)
            .chain(self.answers.iter().map(|a| a.id.0))
            .chain(self.action_items.iter().map(|a| a.id.0))
            .chain(self.proposals.iter().map(|p| p.id.0));
        // Sorted, the ids show a repeat as two neighbours: cheaper than hashing
        // them all into a set, which was a third of this check at 3,000 answers.
        // Only a file with a problem is walked again, in order, to name the
        // first one a reader of the file would meet.
        let mut sorted: Vec<u64> = all_ids.clone().collect();
        sorted.sort_unstable();
        let repeated = sorted.windows(2).any(|pair| pair[0] == pair[1]);
        if repeated || sorted.last().is_some_and(|&id| id >= self.next_id) {
            let mut ids = HashSet::new();
            for id in all_ids {
                if !ids.insert(id) {
                    return Err(Integrity::DuplicateId(id.to_string()));
                }
                if id >= self.next_id {
                    return Err(Integrity::IdCounter(self.next_id));
                }
            }
        }
        // An answer is found by a binary search on its id (see `Session::answer`):
        // no second set of every answer's id is built for the few that are named.
        let sources = self.proposals.iter().flat_map(|p| p.sources.iter());
        if let Some(missing) = sources.clone().find(|id| self.answer(**id).is_none()) {
            return Err(Integrity::DanglingId(missing.0));
        }
        let mut ids: Vec<&str> = self.agreements().map(|a| a.id()).collect();
        ids.sort_unstable();
        if let Some(pair) = ids.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(Integrity::DuplicateId(pair[0].to_string()));
        }
        let parties = self.agreements().flat_map(|a| a.parties.iter());
        let mut people = parties.chain(
            self.votings
                .iter()
                .flat_map(|v| v.dots.iter().map(|d| &d.participant)),
        );
        if let Some(missing) = people.find(|p| self.participant(**p).is_none()) {
            return Err(Integrity::DanglingId(missing.0));
        }
        self.check_counts()?;
        self.check_voting_items()?;
        // Answers come block by block: the set is asked only when the block
        // changes. Hashing every answer's block id was half of this check at
        // 3,000 answers.
        let mut last_block = None;
        for answer in &self.answers {
            let block = Some(answer.block.as_str());
            if block != last_block && !blocks.contains(answer.block.as_str()) {
                return Err(Integrity::DanglingAnswer {
                    answer: answer.id.0,
                    block: answer.block.clone(),
                });
            }
            last_block = block;
            if let Speaker::Participant(pid) = answer.speaker
                && self.participant(pid).is_none()
            {
                return Err(Integrity::DanglingSpeaker {
                    answer: answer.id.0,
                    participant: pid.0,
                });
            }
        }
        Ok(())
    }

    /// The id counter, timers and dots within what the app itself can make, so that
    /// no sum of them overflows and no drawing of them runs away.
    fn check_counts(&self) -> Result<(), Integrity> {
        if self.next_id > MAX_ID {
            return Err(Integrity::OutOfRange("next_id".into()));
        }
        let timers = &self.progress.timers;
        if let Some((block, _)) = timers.iter().find(|(_, t)| !t.is_sane()) {
            return Err(Integrity::OutOfRange(format!("progress.timers.{block}")));
        }
        for (i, v) in self.votings.iter().enumerate() {
            let mut used: HashMap<ParticipantId, u64> = HashMap::new();
            for d in &v.dots {
                *used.entry(d.participant).or_default() += u64::from(d.count);
            }
            let each_ok = (1..=MAX_DOTS_IN_FILE).contains(&v.dots_each);
            if !each_ok || used.values().any(|&n| n > u64::from(v.dots_each)) {
                return Err(Integrity::OutOfRange(format!("votings[{i}]")));
            }
        }
        Ok(())
    }

    /// Every item voted on is an answer or a proposal that is there.
    fn check_voting_items(&self) -> Result<(), Integrity> {
        let proposal_ids: HashSet<u64> = self.proposals.iter().map(|p| p.id.0).collect();
        let items = self.votings.iter().flat_map(|v| {
            let dotted = v.dots.iter().map(|d| d.item);
            v.items.iter().copied().chain(dotted)
        });
        for item in items {
            let (there, id) = match item {
                Item::Answer(id) => (self.answer(id).is_some(), id.0),
                Item::Proposal(id) => (proposal_ids.contains(&id.0), id.0),
            };
            if !there {
                return Err(Integrity::DanglingId(id));
            }
        }
        Ok(())
    }
}
