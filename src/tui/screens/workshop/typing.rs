//! Confirming a typed answer, and the next in the round.

use super::WorkshopUi;
use crate::model::Speaker;
use crate::tui::app::Effect;
use crate::tui::editor::Editor;
use crate::tui::screens::{Ask, Cx};

impl WorkshopUi {
    /// Confirms the answer typed in `editor`: into the session, then saved (the
    /// loop saves before the next frame, so the screen never shows an answer that
    /// is not on disk). `None` if the model refused it: the editor stays open.
    pub(crate) fn save_answer(&mut self, cx: &mut Cx, editor: &Editor) -> Option<Vec<Effect>> {
        let (text, block, speaker, editing, offered) = (
            editor.text(),
            editor.block.clone(),
            editor.speaker,
            editor.editing,
            editor.offered,
        );
        let (id, effects) = cx.try_change(|s, now| {
            let result = match editing {
                Some(id) => s
                    .edit_answer(id, &text, now)
                    .and_then(|()| s.set_speaker(id, speaker, now))
                    .map(|()| id),
                None => s.add_answer(&block, speaker, &text, false, now),
            };
            if result.is_ok() {
                s.set_draft(None);
            }
            result
        })?;
        self.last_speaker = Some(speaker);
        let session = cx.session()?;
        let answers = session.current_answers();
        self.selected = answers.iter().position(|a| a.id == id).unwrap_or(0);
        // In a round the editor opens again at once for the next participant.
        let left = session.left_in_round(&block);
        let next = match (editing, speaker, offered) {
            // Tab gave the word out of turn: the one passed over is still next.
            (None, Speaker::Participant(_), Speaker::Participant(passed_over))
                if left.contains(&passed_over) =>
            {
                Some(passed_over)
            }
            (None, Speaker::Participant(after), _) => session.next_in_round(&block, Some(after)),
            _ => None,
        };
        let editor = next.map(|next| Editor::new(&block, Speaker::Participant(next), None, ""));
        cx.ask(Ask::Editor(editor.map(Box::new)));
        Some(effects)
    }
}
