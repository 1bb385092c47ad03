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

    /// The names of those who have not spoken or passed in `block`'s round.
    pub fn names_left_in_round(&self, block: &str) -> Vec<String> {
        self.left_in_round(block)
            .into_iter()
            .filter_map(|id| self.participant(id).map(|p| p.name.clone()))
            .collect()
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
