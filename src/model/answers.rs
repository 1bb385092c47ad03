//! Changing answers after they were given, and the round (*varvet runt*).

use jiff::Timestamp;

use super::{
    Answer, AnswerId, Draft, ModelError, ParticipantId, Pass, Proposal, Session, Speaker, Voting,
};

/// An answer taken out, with what its delete changed, for undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub index: usize,
    pub answer: Answer,
    /// The proposals and votings before the delete, and as it left them: undo
    /// puts the first back only over the second, never over later changes.
    before: (Vec<Proposal>, Vec<Voting>),
    after: (Vec<Proposal>, Vec<Voting>),
}

impl Session {
    fn answer_index(&self, id: AnswerId) -> Result<usize, ModelError> {
        // Answers are kept in the order they were given, which is the order of
        // their ids, so a binary search finds one at once. A file edited by hand
        // may not be in order: then a miss falls back to looking at every answer.
        self.answers
            .binary_search_by_key(&id, |a| a.id)
            .ok()
            .or_else(|| self.answers.iter().position(|a| a.id == id))
            .ok_or(ModelError::UnknownAnswer)
    }

    /// Takes an answer out of proposals and votings (before it is deleted or moved).
    /// A proposal left without answers goes, and out of the votings with it.
    fn forget_answer(&mut self, id: AnswerId) {
        for p in &mut self.proposals {
            p.sources.retain(|s| *s != id);
        }
        let mut gone = vec![super::Item::Answer(id)];
        let emptied = self.proposals.iter().filter(|p| p.sources.is_empty());
        gone.extend(emptied.map(|p| super::Item::Proposal(p.id)));
        self.proposals.retain(|p| !p.sources.is_empty());
        for v in &mut self.votings {
            v.items.retain(|i| !gone.contains(i));
            v.dots.retain(|d| !gone.contains(&d.item));
        }
        // Moved to another block, it feeds that block's section, afresh.
        for item in gone {
            self.forget_in_agreements(item, true);
        }
    }

    pub fn answer(&self, id: AnswerId) -> Option<&Answer> {
        self.answer_index(id).ok().map(|i| &self.answers[i])
    }

    /// Replaces an answer's text; the speaker and the time it was given stay.
    pub fn edit_answer(
        &mut self,
        id: AnswerId,
        text: &str,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ModelError::EmptyAnswer);
        }
        let i = self.answer_index(id)?;
        let answer = &mut self.answers[i];
        if answer.text != text {
            answer.text = text.to_string();
            answer.edited = Some(now);
            self.changed = now;
            // New words are material still to be written in, where it was placed.
            self.forget_in_agreements(super::Item::Answer(id), false);
        }
        Ok(())
    }

    /// Changes who gave an answer (a slip of the speaker picker).
    pub fn set_speaker(
        &mut self,
        id: AnswerId,
        speaker: Speaker,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.check_speaker(speaker)?;
        let i = self.answer_index(id)?;
        self.answers[i].speaker = speaker;
        self.changed = now;
        Ok(())
    }

    /// Removes an answer and returns it with its place and what went with it
    /// (its proposals' wording and dots), so that it can be undone.
    pub fn delete_answer(&mut self, id: AnswerId, now: Timestamp) -> Result<Deleted, ModelError> {
        let i = self.answer_index(id)?;
        let before = (self.proposals.clone(), self.votings.clone());
        self.forget_answer(id);
        self.changed = now;
        Ok(Deleted {
            index: i,
            answer: self.answers.remove(i),
            before,
            after: (self.proposals.clone(), self.votings.clone()),
        })
    }

    /// Puts a deleted answer back where it was, and its proposals and votes as
    /// they were if nothing has changed them since. Refused if its block or
    /// speaker has gone since, or its id is taken.
    pub fn restore_answer(&mut self, deleted: Deleted, now: Timestamp) -> Result<(), ModelError> {
        let Deleted {
            index,
            answer,
            before,
            after,
        } = deleted;
        if self.answer(answer.id).is_some() {
            return Err(ModelError::UnknownAnswer);
        }
        self.check_block(&answer.block)?;
        self.check_speaker(answer.speaker)?;
        let index = index.min(self.answers.len());
        self.answers.insert(index, answer);
        if self.proposals == after.0 && self.votings == after.1 {
            (self.proposals, self.votings) = before;
        }
        self.changed = now;
        Ok(())
    }

    pub fn set_marked(
        &mut self,
        id: AnswerId,
        marked: bool,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let i = self.answer_index(id)?;
        self.answers[i].marked = marked;
        self.changed = now;
        Ok(())
    }

    /// Moves an answer to another block (it keeps its place among the answers).
    pub fn move_answer(
        &mut self,
        id: AnswerId,
        block: &str,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        self.check_block(block)?;
        let i = self.answer_index(id)?;
        // An answer that moves leaves its proposal: it was grouped where it stood.
        self.forget_answer(id);
        self.answers[i].block = block.to_string();
        self.changed = now;
        Ok(())
    }

    /// The participants who answer, in the order of the list: the round's order.
    pub fn answering(&self) -> impl Iterator<Item = ParticipantId> + '_ {
        self.participants
            .iter()
            .filter(|p| !p.observer)
            .map(|p| p.id)
    }

    pub fn has_passed(&self, block: &str, participant: ParticipantId) -> bool {
        self.progress
            .passes
            .iter()
            .any(|p| p.block == block && p.participant == participant)
    }

    /// Marks (or unmarks) that a participant passes in a block's round.
    pub fn toggle_pass(&mut self, block: &str, participant: ParticipantId, now: Timestamp) {
        let before = self.progress.passes.len();
        self.progress
            .passes
            .retain(|p| !(p.block == block && p.participant == participant));
        if self.progress.passes.len() == before {
            self.progress.passes.push(Pass {
                block: block.to_string(),
                participant,
            });
        }
        self.changed = now;
    }

    /// Who is left in a block's round: answering participants who have neither
    /// answered nor passed, in round order.
    pub fn left_in_round(&self, block: &str) -> Vec<ParticipantId> {
        self.round_order(block)
            .into_iter()
            .filter(|&id| {
                !self.has_passed(block, id)
                    && !self
                        .answers_in(block)
                        .any(|a| a.speaker == Speaker::Participant(id))
            })
            .collect()
    }

    /// The order of `block`'s round: those who answer, in the list's order, the
    /// side the block starts with first (the numbers keys give stay the list's).
    pub fn round_order(&self, block: &str) -> Vec<ParticipantId> {
        let first = self.program.block(block).and_then(|b| b.round_starts_with);
        let mut order: Vec<ParticipantId> = self.answering().collect();
        if let Some(side) = first {
            // Stable: within each side the list's order stays.
            order.sort_by_key(|id| self.participant(*id).is_none_or(|p| p.side != side));
        }
        order
    }

    /// The next speaker in the round after `after`: the first participant after them
    /// in the round's order (wrapping round) who is still left, or `None` when
    /// everyone has had their say.
    pub fn next_in_round(
        &self,
        block: &str,
        after: Option<ParticipantId>,
    ) -> Option<ParticipantId> {
        let left = self.left_in_round(block);
        let order = self.round_order(block);
        // Only someone who has had their say here places the round: the last
        // speaker of another block does not.
        let start = after
            .filter(|a| !left.contains(a))
            .and_then(|a| order.iter().position(|&p| p == a))
            .map_or(0, |i| i + 1);
        (0..order.len())
            .map(|k| order[(start + k) % order.len()])
            .find(|p| left.contains(p))
    }

    pub fn draft(&self) -> Option<&Draft> {
        self.draft.as_ref()
    }

    /// Keeps (or with `None` clears) the text being typed.
    pub fn set_draft(&mut self, draft: Option<Draft>) {
        self.draft = draft;
    }

    pub(super) fn check_block(&self, block: &str) -> Result<(), ModelError> {
        let found = self
            .program
            .block(block)
            .ok_or_else(|| ModelError::UnknownBlock(block.to_string()))?;
        if found.takes_answers() {
            Ok(())
        } else {
            Err(ModelError::BreakBlock(block.to_string()))
        }
    }

    pub(super) fn check_speaker(&self, speaker: Speaker) -> Result<(), ModelError> {
        let Speaker::Participant(pid) = speaker else {
            return Ok(());
        };
        let p = self
            .participant(pid)
            .ok_or_else(|| ModelError::UnknownParticipant {
                name: pid.0.to_string(),
                known: self.participants.iter().map(|p| p.name.clone()).collect(),
            })?;
        if p.observer {
            Err(ModelError::Observer(p.name.clone()))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::testing::{NOW, session};
    use crate::model::{Session, Speaker};

    /// Found by id whatever the order: a file edited by hand may hold the
    /// answers in any order, and the search must not miss one then.
    #[test]
    fn answers_are_found_by_id_in_any_order() {
        let mut s = session(&[]);
        let ids: Vec<_> = (0..7)
            .map(|n| {
                let text = format!("svar {n}");
                s.add_answer("vad-ar-svart", Speaker::Group, &text, false, NOW)
                    .unwrap()
            })
            .collect();
        for order in [[6, 0, 5, 1, 4, 2, 3], [3, 2, 1, 0, 6, 5, 4]] {
            s.answers = order.iter().map(|&i| s.answers[i].clone()).collect();
            for (n, id) in ids.iter().enumerate() {
                assert_eq!(s.answer(*id).unwrap().text, format!("svar {n}"));
            }
        }
        assert!(s.answer(crate::model::AnswerId(999)).is_none());
    }

    #[test]
    fn the_round_moves_on_to_who_has_not_answered() {
        let mut s = session(&["A", "B", "C", "D"]);
        let ids: Vec<_> = s.answering().collect();
        let b = "vad-ar-svart";
        assert_eq!(s.next_in_round(b, None), Some(ids[0]));
        s.add_answer(b, Speaker::Participant(ids[1]), "x", false, NOW)
            .unwrap();
        assert_eq!(s.next_in_round(b, Some(ids[1])), Some(ids[2]));
        s.toggle_pass(b, ids[2], NOW);
        assert_eq!(s.next_in_round(b, Some(ids[1])), Some(ids[3]));
        assert_eq!(s.next_in_round(b, Some(ids[3])), Some(ids[0]));
        assert_eq!(s.left_in_round(b), vec![ids[0], ids[3]]);
        s.toggle_pass(b, ids[2], NOW);
        assert_eq!(s.left_in_round(b), vec![ids[0], ids[2], ids[3]]);
        for &id in &[ids[0], ids[2], ids[3]] {
            s.add_answer(b, Speaker::Participant(id), "y", false, NOW)
                .unwrap();
        }
        assert_eq!(s.next_in_round(b, Some(ids[3])), None);
    }

    /// A proposal whose answers are all deleted goes, and leaves no item behind
    /// in a voting (the file would otherwise be refused when it is next opened).
    #[test]
    fn a_proposal_emptied_by_deletes_leaves_the_votings_too() {
        let mut s = session(&["A"]);
        let add = |s: &mut Session, t| {
            s.add_answer("vad-ar-svart", Speaker::Group, t, false, NOW)
                .unwrap()
        };
        let (a, b) = (add(&mut s, "a"), add(&mut s, "b"));
        let p = s.group_answers(&[a, b], "a och b", NOW).unwrap();
        let voting = s.start_voting(vec![crate::model::Item::Proposal(p)], 3, NOW);
        let voter = s.participants()[0].id;
        s.set_dots(voting, voter, crate::model::Item::Proposal(p), 2, NOW)
            .unwrap();
        s.delete_answer(a, NOW).unwrap();
        s.delete_answer(b, NOW).unwrap();
        assert!(s.votings()[voting].items.is_empty());
        assert!(s.votings()[voting].dots.is_empty());
        assert_eq!(s.check_integrity(), Ok(()));
    }

    #[test]
    fn delete_and_restore_put_an_answer_back_in_its_place() {
        let mut s = session(&["A"]);
        let ids: Vec<_> = (0..3)
            .map(|n| {
                s.add_answer("vad-ar-svart", Speaker::Group, &n.to_string(), false, NOW)
                    .unwrap()
            })
            .collect();
        let deleted = s.delete_answer(ids[1], NOW).unwrap();
        assert_eq!(s.answers().len(), 2);
        s.restore_answer(deleted.clone(), NOW).unwrap();
        let texts: Vec<&str> = s.answers().iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["0", "1", "2"]);
        assert!(s.restore_answer(deleted, NOW).is_err(), "not twice");
    }

    /// Undo brings back what a delete took with the answer: the proposal it
    /// was the last source of, with its mark, and the dots on both; but never
    /// over a change made since.
    #[test]
    fn undo_of_a_delete_brings_back_its_proposal_and_dots() {
        use crate::model::Item;
        let mut s = session(&["A"]);
        let voter = s.participants()[0].id;
        let a = s
            .add_answer("vad-ar-svart", Speaker::Group, "a", false, NOW)
            .unwrap();
        let p = s.group_answers(&[a], "Ordalydelsen", NOW).unwrap();
        s.set_proposal_marked(p, true, NOW);
        let v = s.start_voting(vec![Item::Proposal(p)], 3, NOW);
        s.set_dots(v, voter, Item::Proposal(p), 2, NOW).unwrap();
        let whole = (s.proposals().to_vec(), s.votings().to_vec());
        let deleted = s.delete_answer(a, NOW).unwrap();
        assert!(s.proposals().is_empty());
        s.restore_answer(deleted, NOW).unwrap();
        assert_eq!((s.proposals().to_vec(), s.votings().to_vec()), whole);

        let deleted = s.delete_answer(a, NOW).unwrap();
        let later = s.start_voting(Vec::new(), 3, NOW);
        s.restore_answer(deleted, NOW).unwrap();
        assert!(s.proposals().is_empty(), "not over a later change");
        assert_eq!(s.votings().len(), later + 1);
        assert_eq!(s.check_integrity(), Ok(()));
    }

    #[test]
    fn edit_mark_and_move() {
        let mut s = session(&["A"]);
        let id = s
            .add_answer("vad-ar-svart", Speaker::Group, "x", false, NOW)
            .unwrap();
        assert!(s.edit_answer(id, "  ", NOW).is_err());
        let later = jiff::Timestamp::from_second(60).unwrap();
        s.edit_answer(id, "nytt", later).unwrap();
        s.set_marked(id, true, NOW).unwrap();
        assert!(s.move_answer(id, "lunch", NOW).is_err());
        s.move_answer(id, "chefer-behover", NOW).unwrap();
        let a = s.answer(id).unwrap();
        assert_eq!(
            (a.text.as_str(), a.marked, a.block.as_str()),
            ("nytt", true, "chefer-behover")
        );
        assert_eq!(a.edited, Some(later));
        assert_eq!(a.created, NOW);
    }
}
