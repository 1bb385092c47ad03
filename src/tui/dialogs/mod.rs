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
use form::{FieldError, Form, Purpose};
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

    pub(crate) fn form_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Overlay::Form(form)) = &mut self.overlay else {
            return vec![];
        };
        match command {
            Command::NextFocus => form.step(1),
            Command::PrevFocus => form.step(-1),
            Command::Back => self.overlay = None,
            Command::Accept => return self.submit_form(),
            _ => {}
        }
        vec![]
    }

    /// Saves the open form through the screen that opened it; a refusal stays in
    /// the form, under the field it concerns.
    fn submit_form(&mut self) -> Vec<Effect> {
        let Some(Overlay::Form(mut form)) = self.overlay.take() else {
            return vec![];
        };
        let result = match &form.purpose {
            Purpose::ActionItem { block } => {
                let block = block.clone();
                self.submit_action_item(&block, &form)
            }
            Purpose::NewParticipant | Purpose::EditParticipant(_) => self.submit_participant(&form),
            Purpose::OwnQuestion => self.submit_own_question(&form),
            Purpose::ProgramFile => match self.submit_program_file(&form) {
                // Kept open until the file's verdict comes back (ProgramLoaded).
                Ok(effects) => {
                    self.overlay = Some(Overlay::Form(form));
                    return effects;
                }
                Err(e) => Err(e),
            },
            Purpose::Export => self.export_request(&form).map(|r| vec![Effect::Export(r)]),
            Purpose::Group => self.submit_group(&form),
            Purpose::AgreementHeader => self.submit_header(&form),
            Purpose::Details => Ok(vec![]),
        };
        result.unwrap_or_else(|error: FieldError| {
            form.show_error(error);
            self.overlay = Some(Overlay::Form(form));
            vec![]
        })
    }
}
