//! Text that is not a command: typed letters and pastes, for the editor, a form
//! or the picker's filter.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Effect, Overlay, Screen};
use super::keymap::Mode;

impl App {
    /// Keys the keymap does not name: text for the editor, a form or a picker's filter.
    pub(crate) fn unbound_key(&mut self, mode: Mode, key: KeyEvent) -> Vec<Effect> {
        match (mode, &mut self.overlay, &mut self.editor) {
            (Mode::Editor | Mode::SectionEditor, _, Some(editor)) => editor.input(key, self.now),
            (Mode::Form, Some(Overlay::Form(form)), _) => form.input(key),
            (Mode::PrepDetails, _, _) => {
                if let Some(form) = &mut self.screens.prep.details {
                    form.input(key);
                }
            }
            (Mode::Picker, Some(Overlay::Picker(picker)), _) => match key.code {
                KeyCode::Char(c) => picker.type_char(c),
                KeyCode::Backspace => picker.backspace(),
                _ => {}
            },
            _ => {}
        }
        vec![]
    }

    pub(crate) fn paste(&mut self, text: &str) -> Vec<Effect> {
        match (&mut self.overlay, &mut self.editor) {
            (Some(Overlay::Form(form)), _) => form.paste(text),
            (Some(_), _) => {}
            (None, Some(editor)) => editor.paste(text, self.now),
            (None, None) if self.screen == Screen::Workshop => {
                let effects = self.route(|s, cx| {
                    s.workshop.new_answer(cx);
                    vec![]
                });
                if let Some(editor) = &mut self.editor {
                    editor.paste(text, self.now);
                }
                return effects;
            }
            (None, None) if self.screen == Screen::Prep => {
                if let Some(form) = &mut self.screens.prep.details {
                    form.paste(text);
                }
            }
            _ => {}
        }
        vec![]
    }
}
