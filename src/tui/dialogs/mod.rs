//! What is drawn over a screen and takes the keys until it is done: forms, the
//! picker, yes/no questions and the export dialog.

pub(crate) mod draw;
pub(crate) mod export;
pub mod form;
pub mod picker;

use crate::model::AnswerId;
use crate::tui::app::{App, Effect};
use crate::tui::keymap::Command;
use export::ExportRequest;
use form::Form;
use picker::Picker;

/// A question to answer with yes or no.
pub struct Confirm {
    pub question: String,
    pub on_yes: OnYes,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OnYes {
    DeleteAnswer(AnswerId),
    DiscardNew,
    Replace(ExportRequest),
    Quit,
}

/// What is drawn on top of the screen and takes the keys.
pub enum Overlay {
    Picker(Picker),
    Confirm(Confirm),
    Form(Form),
}

impl App {
    pub(crate) fn confirm_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Overlay::Confirm(confirm)) = self.overlay.take() else {
            return vec![];
        };
        if command != Command::Yes {
            return vec![];
        }
        match confirm.on_yes {
            OnYes::Quit => self.quit_now(),
            OnYes::DiscardNew => self.discard_new(),
            OnYes::Replace(request) => vec![Effect::Export(ExportRequest {
                replace: true,
                ..request
            })],
            OnYes::DeleteAnswer(id) => self.delete_answer(id),
        }
    }
}
