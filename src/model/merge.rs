//! Taking in what another program added to the same session file.
//!
//! One writer holds a session's lock, so this happens only when someone deleted
//! the lock file and a second writer (a `samspel add-answer`, another app) saved
//! in between. What that writer confirmed must not be lost: its new answers and
//! action items are taken into this session. Everything else stays as this
//! session has it, and the other version is kept whole as a backup by the store.

use std::collections::HashSet;

use super::{ActionItem, Answer, AnswerId, Participant, ParticipantId, Session, Speaker};

impl Session {
    /// The id counter: every id handed out from now on is at least this.
    pub fn id_counter(&self) -> u64 {
        self.next_id
    }

    /// Takes in the answers and action items that `theirs` added since it was this
    /// session's file with counter `since` (their ids are `since` or more), each
    /// once: one already here, by its content and time, is not taken twice. A
    /// participant they speak as who is not here is added. Returns how many
    /// answers and action items came in.
    pub fn take_in(&mut self, theirs: &Session, since: u64) -> usize {
        let before = self.answers.len() + self.action_items.len();
        let blocks: HashSet<String> = self.program.blocks().map(|(_, b)| b.id.clone()).collect();
        for answer in theirs.answers.iter().filter(|a| a.id.0 >= since) {
            if !blocks.contains(&answer.block) {
                continue;
            }
            let speaker = match answer.speaker {
                Speaker::Group => Speaker::Group,
                Speaker::Participant(id) => {
                    match theirs
                        .participant(id)
                        .and_then(|p| self.same_participant(p))
                    {
                        Some(id) => Speaker::Participant(id),
                        None => continue,
                    }
                }
            };
            let here = self.answers.iter().any(|a| {
                a.block == answer.block
                    && a.speaker == speaker
                    && a.text == answer.text
                    && a.created == answer.created
            });
            // Out of ids (a counter near MAX_ID): the rest stays in their version,
            // which the store keeps as a backup.
            if !here && let Ok(id) = self.take_id() {
                let id = AnswerId(id);
                self.answers.push(Answer {
                    id,
                    speaker,
                    ..answer.clone()
                });
            }
        }
        for item in theirs.action_items.iter().filter(|a| a.id.0 >= since) {
            let here = self.action_items.iter().any(|a| {
                (&a.what, &a.who, a.due, a.created)
                    == (&item.what, &item.who, item.due, item.created)
            });
            if !here && let Ok(id) = self.take_id() {
                let id = super::ActionId(id);
                let block = item.block.clone().filter(|b| blocks.contains(b));
                self.action_items.push(ActionItem {
                    id,
                    block,
                    ..item.clone()
                });
            }
        }
        self.changed = self.changed.max(theirs.changed);
        self.answers.len() + self.action_items.len() - before
    }

    /// The participant here who is `theirs` (same id and name, else same name),
    /// added if there is none (and an id is left for them).
    fn same_participant(&mut self, theirs: &Participant) -> Option<ParticipantId> {
        if let Some(p) = self.participant(theirs.id)
            && p.name == theirs.name
        {
            return Some(p.id);
        }
        if let Some(p) = self.participant_named(&theirs.name) {
            return Some(p.id);
        }
        let id = ParticipantId(self.take_id().ok()?);
        self.participants.push(Participant {
            id,
            ..theirs.clone()
        });
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{NOW, session};

    /// Two writers from one file: each adds an answer with the same new id.
    #[test]
    fn what_they_added_comes_in_once_and_nothing_we_deleted_comes_back() {
        let mut base = session(&["Åsa"]);
        let asa = Speaker::Participant(base.participants[0].id);
        let old = base
            .add_answer("vad-ar-svart", asa, "gammalt", false, NOW)
            .unwrap();
        let since = base.id_counter();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.delete_answer(old, NOW).unwrap();
        ours.add_answer("vad-ar-svart", asa, "vårt", false, NOW)
            .unwrap();
        theirs
            .add_answer("vad-ar-svart", asa, "deras", true, NOW)
            .unwrap();
        theirs
            .add_action_item("Boka", "Åsa", None, Some("vad-ar-svart"), NOW)
            .unwrap();

        assert_eq!(ours.take_in(&theirs, since), 2);
        let texts: Vec<&str> = ours.answers.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["vårt", "deras"]);
        assert!(ours.answers[1].marked);
        assert_eq!(ours.action_items.len(), 1);
        ours.check_integrity().unwrap();
        // Taking in the same version again adds nothing.
        assert_eq!(ours.take_in(&theirs, since), 0);
    }

    #[test]
    fn a_speaker_we_do_not_have_is_added() {
        let base = session(&[]);
        let since = base.id_counter();
        let mut theirs = base.clone();
        let new = theirs
            .add_participant(
                crate::model::NewParticipant::new("Karin", "KD", crate::model::Side::Verksamhet),
                NOW,
            )
            .unwrap();
        theirs
            .add_answer("vad-ar-svart", Speaker::Participant(new), "x", false, NOW)
            .unwrap();
        let mut ours = base;
        assert_eq!(ours.take_in(&theirs, since), 1);
        assert_eq!(ours.participants.len(), 1);
        ours.check_integrity().unwrap();
    }
}
