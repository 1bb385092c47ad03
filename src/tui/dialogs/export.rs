//! The export dialog: what, anonymised or not, into which folder. The shell writes
//! the file; an existing one is replaced only after a question.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::export::Format;
use crate::i18n::{Msg, Quoted};
use crate::tr;
use crate::tui::app::{App, Confirm, Effect, OnYes, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};

/// An export to write: where, what, and whether an existing file may go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub path: PathBuf,
    pub format: crate::export::Format,
    pub anonymous: bool,
    /// The agreement as it is to be adopted, not the draft.
    pub final_text: bool,
    /// Which agreement, when the session has several; `None` for the main one.
    pub agreement: Option<String>,
    /// In the notes: only this day (0 is day 1).
    pub day: Option<usize>,
    /// When it was asked for: a running timer counts until then.
    pub now: Timestamp,
    pub replace: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportFailure {
    /// The file is there already: ask before replacing it.
    Exists(ExportRequest),
    Other(String),
}

impl App {
    /// Opens the export dialog; again with `back`'s choices when the user would
    /// rather not replace the file it named.
    pub(crate) fn export_form(&mut self, back: Option<&ExportRequest>) {
        let anonymous = back.map_or_else(
            || {
                let session = self.session.as_ref();
                session.is_some_and(|s| s.progress().presentation.anonymous)
            },
            |r| r.anonymous,
        );
        let final_text = back.is_some_and(|r| r.final_text);
        let which = back.and_then(|r| r.agreement.as_deref()).map_or(0, |id| {
            let ids = self
                .session
                .iter()
                .flat_map(|s| s.agreements().map(|a| a.id()));
            ids.into_iter().position(|a| a == id).unwrap_or(0)
        });
        // From the memo's or the agreement's screen, that is what is wanted.
        let wanted = match self.screen {
            crate::tui::app::Screen::Memo => Some(Format::MemoDocx),
            crate::tui::app::Screen::Agreement => Some(Format::AgreementDocx),
            _ => None,
        };
        let format = back.map(|r| r.format).or(wanted);
        let format = format.and_then(|w| Format::ALL.iter().position(|f| *f == w));
        let day = back.and_then(|r| r.day).map_or(0, |d| d + 1);
        let folder = back
            .and_then(|r| r.path.parent())
            .unwrap_or(&self.export_dir)
            .display()
            .to_string();
        let file = back.and_then(|r| r.path.file_name());
        let file = file
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let formats = Format::ALL.iter().map(|f| f.label(self.lang)).collect();
        let mut fields = vec![
            Field::choice(Msg::FieldFormat, formats, format.unwrap_or(0)),
            Field::choice(Msg::FieldDays, self.day_choices(), day),
            Field::toggle(Msg::FieldAnonymous, anonymous),
            Field::toggle(Msg::FieldFinal, final_text),
            Field::text(Msg::FieldFolder, &folder),
            Field::text(Msg::FieldFileName, &file),
        ];
        // Which agreement, asked only of a session that has more than one.
        let agreements = self.agreement_choices();
        if agreements.len() > 1 {
            let field = Field::choice(Msg::FieldWhichAgreement, agreements, which);
            fields.insert(4, field);
        }
        let title = tr!(self.lang, FormExport);
        self.overlay = Some(Overlay::Form(Form::new(Purpose::Export, title, fields)));
    }

    /// The request the dialog describes, or what is missing.
    pub(crate) fn export_request(&self, form: &Form) -> Result<ExportRequest, FieldError> {
        let folder = form.text(Msg::FieldFolder);
        if folder.is_empty() {
            let message = tr!(self.lang, NoticeNoFolder);
            return Err(FieldError::new(Msg::FieldFolder, message));
        }
        let format = Format::ALL[form.index(Msg::FieldFormat).min(Format::ALL.len() - 1)];
        // The first choice is all days; the others are the days in order.
        let day = form.index(Msg::FieldDays).checked_sub(1);
        let day = day.filter(|_| format.is_notes());
        let anonymous = form.is_on(Msg::FieldAnonymous);
        let final_text = form.is_on(Msg::FieldFinal) && format.is_agreement();
        // The first is the main agreement, the one the file name does not name.
        let agreement = self.session.as_ref().and_then(|s| {
            let asked = form.has(Msg::FieldWhichAgreement);
            let which = if asked {
                form.index(Msg::FieldWhichAgreement)
            } else {
                0
            };
            let chosen = s.agreements().nth(which)?;
            (chosen.id() != crate::model::MAIN && format.is_agreement())
                .then(|| chosen.id().to_string())
        });
        // The usual name tells the named and the anonymous version apart, so
        // that one never replaces the other unasked.
        let stem = self.session.as_ref().map_or_else(String::new, |s| {
            let mut stem = crate::store::file_stem(s);
            if let Some(d) = day {
                stem.push_str(&format!("-dag{}", d + 1));
            }
            if let Some(id) = &agreement {
                stem.push_str(&format!("-{id}"));
            }
            if final_text {
                stem.push_str("-slutlig");
            }
            if anonymous {
                stem.push_str("-anonym");
            }
            stem
        });
        let file = form.text(Msg::FieldFileName);
        let file = if file.is_empty() {
            format.file_name(&stem)
        } else {
            file
        };
        Ok(ExportRequest {
            path: PathBuf::from(folder).join(file),
            format,
            anonymous,
            final_text,
            agreement,
            day,
            now: self.now,
            replace: false,
        })
    }

    /// The session's agreements by name, the main one first: which one the
    /// agreement's formats export.
    fn agreement_choices(&self) -> Vec<String> {
        let Some(session) = &self.session else {
            return vec![tr!(self.lang, AgreementMain)];
        };
        session.agreements().map(|a| a.label(self.lang)).collect()
    }

    /// "Alla dagar", then each day of the program: what the notes can cover.
    fn day_choices(&self) -> Vec<String> {
        let days = self.session.as_ref().map_or(1, |s| s.program().days.len());
        let mut choices = vec![tr!(self.lang, AllDays)];
        if days > 1 {
            choices.extend((1..=days).map(|n| tr!(self.lang, Day, n = n)));
        }
        choices
    }

    pub(crate) fn exported(&mut self, result: Result<PathBuf, ExportFailure>) -> Vec<Effect> {
        match result {
            Ok(path) => {
                self.notice = Some(tr!(self.lang, Exported, path = path.display()));
                // The next export offers the same folder.
                if let Some(folder) = path.parent() {
                    self.export_dir = folder.to_path_buf();
                }
            }
            Err(ExportFailure::Exists(request)) => {
                let file = request.path.display().to_string();
                self.overlay = Some(Overlay::Confirm(Confirm {
                    question: tr!(self.lang, ConfirmReplace, file = Quoted(self.lang, &file)),
                    on_yes: OnYes::Replace(request),
                }));
            }
            Err(ExportFailure::Other(message)) => self.notice = Some(message),
        }
        vec![]
    }
}
