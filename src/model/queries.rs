//! What the screens draw, asked of the session: a speaker's label, the current
//! block's answers, who is left in the round, a voting's items and marks. Kept
//! here so that drawing never calls into a screen's key handling.

use super::{Answer, Item, ParticipantId, Session, Speaker};
use crate::i18n::{Lang, Msg, text};

impl Session {
    /// "Åsa Öberg (Politik)", or "Gruppen".
    pub fn speaker_label(&self, speaker: Speaker, lang: Lang) -> String {
        match speaker {
            Speaker::Group => text(lang, Msg::Group).to_string(),
            Speaker::Participant(id) => self
                .participant(id)
                .map(|p| format!("{} ({})", p.name, p.side.label(lang)))
                .unwrap_or_default(),
        }
    }

    /// The participants who answer, in round order, and the group last: the order
    /// of the number keys and of Tab in the editor.
    pub fn speakers(&self) -> Vec<Speaker> {
        let mut all: Vec<Speaker> = self.answering().map(Speaker::Participant).collect();
        all.push(Speaker::Group);
        all
    }

    /// Puts presentation mode on with `slide` (and `section`, for the Section
    /// slide), or off if it is on.
    pub fn toggle_wall(&mut self, slide: super::Slide, section: Option<String>) {
        if self.progress().presentation.on {
            self.progress_mut().presentation.on = false;
        } else {
            self.show_on_wall(slide, section);
        }
    }

    /// Shows `slide` on the wall (with `section`, or the one shown before).
    pub fn show_on_wall(&mut self, slide: super::Slide, section: Option<String>) {
        let p = &mut self.progress_mut().presentation;
        p.on = true;
        p.slide = slide;
        if section.is_some() {
            p.section = section;
        }
    }

    /// The current block's answers, in order of arrival.
    pub fn current_answers(&self) -> Vec<&Answer> {
        match self.current_block() {
            Some(block) => self.answers_in(&block.id).collect(),
            None => vec![],
        }
    }

    /// Those who have not spoken or passed in `block`'s round, each with the
    /// number its key gives: "3 Maja Öhrn".
    pub fn names_left_in_round(&self, block: &str) -> Vec<String> {
        self.left_in_round(block)
            .into_iter()
            .filter_map(|id| self.numbered_name(id))
            .collect()
    }

    /// The number the 1–9 keys give a participant who answers (observers have
    /// none): their place among those who answer, the first being 1.
    pub fn number_of(&self, id: ParticipantId) -> Option<usize> {
        self.answering().position(|p| p == id).map(|i| i + 1)
    }

    /// "3 Maja Öhrn": a participant who answers with their number, else the name.
    pub fn numbered_name(&self, id: ParticipantId) -> Option<String> {
        let name = self.participant(id)?.name.clone();
        Some(self.numbered(id, name))
    }

    /// `label` for a participant, after the number their key gives if they answer.
    pub fn numbered(&self, id: ParticipantId, label: String) -> String {
        match self.number_of(id) {
            Some(n) => format!("{n} {label}"),
            None => label,
        }
    }

    /// The `index`th participant who answers (and so votes).
    pub fn voter(&self, index: usize) -> Option<ParticipantId> {
        self.answering().nth(index)
    }

    /// The `item`th item of voting `voting`, in the voting's own order.
    pub fn voting_item(&self, voting: usize, item: usize) -> Option<Item> {
        self.votings().get(voting)?.items.get(item).copied()
    }

    /// Whether an answer or a proposal is marked for the agreement.
    pub fn is_marked(&self, item: Item) -> bool {
        match item {
            Item::Answer(id) => self.answer(id).is_some_and(|a| a.marked),
            Item::Proposal(id) => self.proposal(id).is_some_and(|p| p.marked),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{NewParticipant, NewSession, Side};

    #[test]
    fn an_observer_has_no_number_and_does_not_shift_the_others() {
        let program = crate::programs::load_built_in("skr-en-dag").unwrap();
        let observer = NewParticipant {
            observer: true,
            ..NewParticipant::new("Olle", "observatör", Side::Verksamhet)
        };
        let new = NewSession {
            participants: vec![
                NewParticipant::new("Åsa", "KSO", Side::Politik),
                observer,
                NewParticipant::new("Jörgen", "KD", Side::Verksamhet),
            ],
            ..NewSession::new(program)
        };
        let s = new.build(jiff::Timestamp::UNIX_EPOCH).unwrap();
        let ids: Vec<_> = s.participants().iter().map(|p| p.id).collect();
        assert_eq!(
            ids.iter().map(|&id| s.number_of(id)).collect::<Vec<_>>(),
            [Some(1), None, Some(2)]
        );
        assert_eq!(s.numbered_name(ids[2]).unwrap(), "2 Jörgen");
        assert_eq!(s.numbered_name(ids[1]).unwrap(), "Olle");
    }
}
