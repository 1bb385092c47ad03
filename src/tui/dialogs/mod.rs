//! What is drawn over a screen and takes the keys until it is done: forms, the
//! picker, yes/no questions and the export dialog.

pub(crate) mod draw;
pub(crate) mod export;
pub mod form;
pub mod picker;

use crate::model::{AnswerId, MemoPart};
use crate::tui::app::{App, Effect};
use crate::tui::keymap::Command;
use crate::tui::screens::{Cx, Screens};
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
    /// Bring back the session's proposal for a part of the memo.
    ResetMemoPart(MemoPart),
    /// Close the editor, losing what was typed.
    DiscardText,
    /// Create the new session being prepared (though it has no participants).
    Create,
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
            // Not replacing the file: back to the dialog, to choose another name.
            if let OnYes::Replace(request) = &confirm.on_yes {
                self.export_form(Some(request));
            }
            return vec![];
        }
        match confirm.on_yes {
            OnYes::Quit => self.quit_now(),
            OnYes::DiscardNew => self.discard_new(),
            OnYes::DiscardText => self.close_editor(),
            OnYes::Create => vec![Effect::Create],
            OnYes::Replace(request) => vec![Effect::Export(ExportRequest {
                replace: true,
                ..request
            })],
            OnYes::DeleteAnswer(id) => self.route(|s, cx| s.workshop.delete_answer(cx, id)),
            OnYes::ResetMemoPart(part) => self.route(|s, cx| s.memo.reset(cx, part)),
        }
    }

    pub(crate) fn picker_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Overlay::Picker(picker)) = &mut self.overlay else {
            return vec![];
        };
        match command {
            Command::Up => picker.step(-1),
            Command::Down => picker.step(1),
            Command::Back => self.overlay = None,
            Command::Accept => {
                let (purpose, chosen) = (picker.purpose.clone(), picker.chosen());
                self.overlay = None;
                let Some(chosen) = chosen else {
                    return vec![];
                };
                return match purpose {
                    picker::Purpose::Speaker | picker::Purpose::MoveAnswer(_) => {
                        self.route(|s, cx| s.workshop.picked(cx, purpose, chosen))
                    }
                    picker::Purpose::Starter(_) | picker::Purpose::PlaceItem(_) => {
                        self.route(|s, cx| s.agreement.picked(cx, purpose, chosen))
                    }
                };
            }
            _ => {}
        }
        vec![]
    }

    pub(crate) fn form_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Overlay::Form(form)) = &mut self.overlay else {
            return vec![];
        };
        match command {
            Command::NextFocus => form.step(1, self.lang),
            Command::PrevFocus => form.step(-1, self.lang),
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
        let (result, asked) = match form.purpose {
            // The export dialog is the app's own: the shell writes the file.
            Purpose::Export => {
                let request = self.export_request(&form);
                (request.map(|r| vec![Effect::Export(r)]), vec![])
            }
            _ => self.within(|s, cx| submit_to_screen(s, cx, &form)),
        };
        match result {
            Ok(mut effects) => {
                // A program file's form stays open until its verdict comes back.
                if form.purpose == Purpose::ProgramFile {
                    self.overlay = Some(Overlay::Form(form));
                }
                effects.extend(asked);
                effects
            }
            Err(error) => {
                form.show_error(error);
                self.overlay = Some(Overlay::Form(form));
                asked
            }
        }
    }
}

/// The screen that opened a form saves it.
fn submit_to_screen(s: &mut Screens, cx: &mut Cx, form: &Form) -> Result<Vec<Effect>, FieldError> {
    match &form.purpose {
        Purpose::ActionItem { block, id } => s.actions.submit(cx, block.as_deref(), *id, form),
        Purpose::NewParticipant | Purpose::EditParticipant(_) => {
            s.prep.submit_participant(cx, form)
        }
        Purpose::OwnQuestion => s.prep.submit_own_question(cx, form),
        Purpose::ProgramFile => s.prep.submit_program_file(cx, form),
        Purpose::Group => s.voting.submit_group(cx, form),
        Purpose::AgreementHeader => s.agreement.submit_header(cx, form),
        Purpose::NewAgreement => s.agreement.submit_new_agreement(cx, form),
        // Not shown as a dialog: the details are a tab of preparation, the
        // export dialog is the app's.
        Purpose::Details | Purpose::Export => Ok(vec![]),
    }
}
