//! Taking in what another program added to the same session file.
//!
//! One writer holds a session's lock, so this happens only when someone deleted
//! the lock file and a second writer (a `samspel add-answer`, another app) saved
//! in between. What that writer confirmed must not be lost: its new answers and
//! action items are taken into this session. Everything else stays as this
//! session has it, and the other version is kept whole as a backup by the store.

use std::collections::HashSet;

use jiff::Timestamp;

use super::{ActionItem, Answer, AnswerId, Participant, ParticipantId, Session, Speaker};

/// What a writer last saw of a session's file: when each of its answers and
/// action items was made. An answer keeps that moment through every copy and
/// merge (its id may not: a merge gives it a new one), so it tells apart what
/// another writer added from what this one deleted since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    answers: HashSet<Key>,
    actions: HashSet<Key>,
}

/// An answer or action item across copies: when it was made (to the
/// nanosecond) and how long its text is, which is cheap to keep for thousands
/// of answers on every save, and together never the same for two of them.
type Key = (Timestamp, usize);

fn answer_key(a: &Answer) -> Key {
    (a.created, a.text.len())
}

fn action_key(a: &ActionItem) -> Key {
    (a.created, a.what.len())
}

/// What `theirs` holds that is neither in `ours` nor in what was `seen`.
fn added<'a, T>(
    theirs: &'a [T],
    ours: &[T],
    seen: &HashSet<Key>,
    key: fn(&T) -> Key,
) -> Vec<&'a T> {
    let here: HashSet<Key> = ours.iter().map(key).collect();
    let new = |t: &&T| !seen.contains(&key(t)) && !here.contains(&key(t));
    theirs.iter().filter(new).collect()
}

impl Session {
    pub fn seen(&self) -> Seen {
        Seen {
            answers: self.answers.iter().map(answer_key).collect(),
            actions: self.action_items.iter().map(action_key).collect(),
        }
    }

    /// Takes in the answers and action items in `theirs` that are neither here
    /// nor in what this session's writer last saw (`seen`): what another writer
    /// added. Each comes once, with a new id; a participant they speak as who is
    /// not here is added. Returns how many answers and action items came in.
    pub fn take_in(&mut self, theirs: &Session, seen: &Seen) -> usize {
        let before = self.answers.len() + self.action_items.len();
        let blocks: HashSet<String> = self.program.blocks().map(|(_, b)| b.id.clone()).collect();
        for answer in added(&theirs.answers, &self.answers, &seen.answers, answer_key) {
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
            // Out of ids (a counter near MAX_ID): the rest is not taken in.
            if let Ok(id) = self.take_id() {
                let id = AnswerId(id);
                self.answers.push(Answer {
                    id,
                    speaker,
                    ..answer.clone()
                });
            }
        }
        for item in added(
            &theirs.action_items,
            &self.action_items,
            &seen.actions,
            action_key,
        ) {
            if let Ok(id) = self.take_id() {
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

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).unwrap()
    }

    /// Two writers from one file: each adds an answer.
    #[test]
    fn what_they_added_comes_in_once_and_nothing_we_deleted_comes_back() {
        let mut base = session(&["Åsa"]);
        let asa = Speaker::Participant(base.participants[0].id);
        let old = base
            .add_answer("vad-ar-svart", asa, "gammalt", false, at(1))
            .unwrap();
        let seen = base.seen();
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.delete_answer(old, at(2)).unwrap();
        ours.add_answer("vad-ar-svart", asa, "vårt", false, at(3))
            .unwrap();
        theirs
            .add_answer("vad-ar-svart", asa, "deras", true, at(4))
            .unwrap();
        theirs
            .add_action_item(
                crate::model::ActionText::new("Boka", "Åsa", None),
                Some("vad-ar-svart"),
                at(5),
            )
            .unwrap();

        assert_eq!(ours.take_in(&theirs, &seen), 2);
        let texts: Vec<&str> = ours.answers.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["vårt", "deras"]);
        assert!(ours.answers[1].marked);
        assert_eq!(ours.action_items.len(), 1);
        ours.check_integrity().unwrap();
        // Taking in the same version again adds nothing.
        assert_eq!(ours.take_in(&theirs, &seen), 0);
    }

    /// Two apps in turn, each taking in the other's version: every answer either
    /// confirmed is in both, once, however the ids were renumbered.
    #[test]
    fn two_writers_in_turn_each_keep_the_others_answers() {
        let base = session(&[]);
        let (mut a, mut b) = (base.clone(), base.clone());
        let (mut a_seen, mut b_seen) = (base.seen(), base.seen());
        let mut file = base;
        for round in 0..6 {
            let (me, seen, text) = match round % 2 {
                0 => (&mut a, &mut a_seen, format!("a{round}")),
                _ => (&mut b, &mut b_seen, format!("b{round}")),
            };
            me.add_answer("vad-ar-svart", Speaker::Group, &text, false, at(round + 10))
                .unwrap();
            me.take_in(&file, seen);
            file = me.clone();
            *seen = file.seen();
        }
        let mut texts: Vec<&str> = file.answers.iter().map(|a| a.text.as_str()).collect();
        texts.sort_unstable();
        assert_eq!(texts, ["a0", "a2", "a4", "b1", "b3", "b5"]);
        file.check_integrity().unwrap();
    }

    #[test]
    fn a_speaker_we_do_not_have_is_added() {
        let base = session(&[]);
        let seen = base.seen();
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
        assert_eq!(ours.take_in(&theirs, &seen), 1);
        assert_eq!(ours.participants.len(), 1);
        ours.check_integrity().unwrap();
    }
}
