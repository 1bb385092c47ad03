//! Changing the list of participants once the session exists.

use jiff::Timestamp;

use super::{ModelError, NewParticipant, ParticipantId, Session, Speaker};

impl Session {
    /// Changes a participant's details; their answers stay theirs.
    pub fn update_participant(
        &mut self,
        id: ParticipantId,
        new: NewParticipant,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let name = new.name.trim();
        if name.is_empty() {
            return Err(ModelError::EmptyName);
        }
        if self.participant_named(name).is_some_and(|p| p.id != id) {
            return Err(ModelError::DuplicateName(name.to_string()));
        }
        let has_answers = self.answered_by(id) > 0;
        let p = self
            .participants
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or_else(|| ModelError::UnknownParticipant {
                name: id.0.to_string(),
                known: Vec::new(),
            })?;
        if new.observer && has_answers {
            return Err(ModelError::HasAnswers {
                name: p.name.clone(),
            });
        }
        p.name = name.to_string();
        p.title = new.title.trim().to_string();
        p.side = new.side;
        p.affiliation = new.affiliation.trim().to_string();
        p.observer = new.observer;
        self.changed = now;
        Ok(())
    }

    /// How many answers a participant has given.
    pub fn answered_by(&self, id: ParticipantId) -> usize {
        self.answers
            .iter()
            .filter(|a| a.speaker == Speaker::Participant(id))
            .count()
    }

    /// Removes a participant who has not answered; one who has stays, so that no
    /// answer ever loses its speaker.
    pub fn remove_participant(
        &mut self,
        id: ParticipantId,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let Some(i) = self.participants.iter().position(|p| p.id == id) else {
            return Ok(());
        };
        let name = || self.participants[i].name.clone();
        if self.answered_by(id) > 0 {
            return Err(ModelError::HasAnswers { name: name() });
        }
        // Their dots and their place among the parties would name nobody.
        let voted = self
            .votings
            .iter()
            .any(|v| v.dots.iter().any(|d| d.participant == id));
        if voted || self.agreements().any(|a| a.parties.contains(&id)) {
            return Err(ModelError::VotedOrParty { name: name() });
        }
        self.participants.remove(i);
        self.progress.passes.retain(|p| p.participant != id);
        self.changed = now;
        Ok(())
    }

    /// Moves a participant up (`-1`) or down (`+1`) in the list, which is the
    /// order of the round.
    pub fn move_participant(&mut self, id: ParticipantId, delta: isize, now: Timestamp) {
        let Some(i) = self.participants.iter().position(|p| p.id == id) else {
            return;
        };
        let j = i.saturating_add_signed(delta);
        if j < self.participants.len() && j != i {
            self.participants.swap(i, j);
            self.changed = now;
        }
    }
}
