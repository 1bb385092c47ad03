//! Typing an answer: the editor's keys, and confirming what was typed.

use crate::model::Speaker;
use crate::tui::app::{App, Effect};
use crate::tui::editor::Editor;
use crate::tui::keymap::Command;

impl App {
    pub(crate) fn editor_command(&mut self, command: Command) -> Vec<Effect> {
        let speakers = self.speakers();
        let Some(editor) = &mut self.editor else {
            return vec![];
        };
        match command {
            Command::SaveText => return self.save_answer(),
            Command::NewLine => {
                editor.area.insert_newline();
                self.last_typed = Some(self.now);
            }
            Command::NextFocus | Command::PrevFocus if editor.section.is_none() => {
                let n = speakers.len();
                let i = speakers
                    .iter()
                    .position(|s| *s == editor.speaker)
                    .unwrap_or(0);
                let step = if command == Command::NextFocus {
                    1
                } else {
                    n - 1
                };
                editor.speaker = speakers[(i + step) % n];
            }
            Command::Back => {
                self.editor = None;
                self.last_typed = None;
                if self.session.as_ref().is_some_and(|s| s.draft().is_some()) {
                    return self.change(|s| s.set_draft(None));
                }
            }
            _ => {}
        }
        vec![]
    }

    /// Confirms the answer being typed: into the session, then saved (the loop saves
    /// before the next frame, so the screen never shows an answer that is not on disk).
    fn save_answer(&mut self) -> Vec<Effect> {
        let Some(editor) = &self.editor else {
            return vec![];
        };
        if let Some(section) = editor.section.clone() {
            let text = editor.text();
            let effects = self
                .try_change(|s, now| s.set_section_text(&section, &text, now))
                .map(|(_, e)| e)
                .unwrap_or_default();
            self.editor = None;
            self.last_typed = None;
            return effects;
        }
        let (text, block, speaker, editing) = (
            editor.text(),
            editor.block.clone(),
            editor.speaker,
            editor.editing,
        );
        let result = self.try_change(|s, now| {
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
        });
        let Some((id, effects)) = result else {
            return vec![];
        };
        self.last_typed = None;
        self.workshop.last_speaker = Some(speaker);
        self.workshop.selected = self
            .block_answers()
            .iter()
            .position(|a| a.id == id)
            .unwrap_or(0);
        self.editor = None;
        // In a round the editor opens again at once for the next participant.
        if editing.is_none()
            && let Some(session) = &self.session
            && let Speaker::Participant(after) = speaker
            && let Some(next) = session.next_in_round(&block, Some(after))
        {
            self.editor = Some(Editor::new(&block, Speaker::Participant(next), None, ""));
        }
        effects
    }
}
