//! The agreement screen: section by section, the compiled material beside the
//! text the group writes together, its status, and the header.

pub(crate) mod draw;

use crate::i18n::Msg;
use crate::model::{Session, Slide};
use crate::tr;
use crate::tui::app::{Effect, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::editor::Editor;
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

/// The agreement screen's state: the section selected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgreementUi {
    pub section: usize,
}

impl AgreementUi {
    /// The id of the selected section.
    pub fn selected(&self, session: &Session) -> Option<String> {
        let sections = &session.program().sections;
        let last = sections.len().saturating_sub(1);
        sections.get(self.section.min(last)).map(|s| s.id.clone())
    }

    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let n = session.program().sections.len();
        let selected = self.selected(session);
        let presenting = session.progress().presentation.on;
        match command {
            Command::Up | Command::Down => {
                self.section = match command {
                    Command::Up => self.section.saturating_sub(1),
                    _ => (self.section + 1).min(n.max(1) - 1),
                };
                // The wall follows the section being written.
                if presenting {
                    let section = self.selected(session);
                    return cx.change(|s| s.show_on_wall(Slide::Section, section));
                }
            }
            Command::TogglePresent => {
                return cx.change(|s| s.toggle_wall(Slide::Section, selected));
            }
            Command::Accept => {
                if let Some(id) = selected {
                    let text = session.agreement().sections.get(&id);
                    let text = text.map(|t| t.text.clone()).unwrap_or_default();
                    cx.ask(Ask::Editor(Some(Box::new(Editor::for_section(&id, &text)))));
                }
            }
            Command::ToggleDone => {
                if let Some(id) = selected {
                    let done = session
                        .agreement()
                        .sections
                        .get(&id)
                        .is_some_and(|t| t.done);
                    return cx.try_effects(|s, now| s.set_section_done(&id, !done, now));
                }
            }
            Command::EditHeader => header_form(cx),
            Command::OpenMemo => cx.ask(Ask::Memo),
            Command::Export => cx.ask(Ask::Export),
            Command::Back => cx.ask(Ask::Workshop),
            Command::Quit => cx.ask(Ask::Quit),
            _ => {}
        }
        vec![]
    }

    /// Keeps the text written in the editor as the section's.
    pub(crate) fn save_section(&mut self, cx: &mut Cx, editor: &Editor) -> Vec<Effect> {
        let (Some(section), text) = (&editor.section, editor.text()) else {
            return vec![];
        };
        cx.try_effects(|s, now| s.set_section_text(section, &text, now))
    }

    /// Saves the header form, or says which field is wrong.
    pub(crate) fn submit_header(
        &mut self,
        cx: &mut Cx,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let lang = cx.lang;
        let version = form.text(Msg::FieldVersion);
        let version: u32 = version
            .parse()
            .ok()
            .filter(|v| *v > 0)
            .ok_or_else(|| FieldError::new(Msg::FieldVersion, tr!(lang, NoticeBadVersion)))?;
        let review = form.day(Msg::FieldNextReview, lang)?;
        let parties: Vec<_> = [Msg::FieldParty1, Msg::FieldParty2]
            .iter()
            .filter_map(|&f| form.index(f).checked_sub(1))
            .filter_map(|i| cx.session()?.participants().get(i).map(|p| p.id))
            .collect();
        let result = cx.attempt(|s, now| {
            s.set_agreement_version(version, review, now);
            s.set_parties(parties, now)
        });
        result
            .map(|(_, e)| e)
            .map_err(|m| FieldError::new(Msg::FieldParty1, m))
    }
}

/// The agreement's header: its two parties, its version and next review.
fn header_form(cx: &mut Cx) {
    let Some(session) = cx.session() else {
        return;
    };
    let mut names = vec![tr!(cx.lang, NoParty)];
    names.extend(session.participants().iter().map(|p| p.name.clone()));
    let parties = &session.agreement().parties;
    let index_of = |k: usize| {
        parties
            .get(k)
            .and_then(|id| session.participants().iter().position(|p| p.id == *id))
            .map_or(0, |i| i + 1)
    };
    let version = session.agreement().version.max(1).to_string();
    let review = session
        .next_review()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let fields = vec![
        Field::choice(Msg::FieldParty1, names.clone(), index_of(0)),
        Field::choice(Msg::FieldParty2, names, index_of(1)),
        Field::text(Msg::FieldVersion, &version),
        Field::date(Msg::FieldNextReview, &review),
    ];
    let title = tr!(cx.lang, FormAgreementHeader);
    let form = Form::new(Purpose::AgreementHeader, title, fields);
    cx.ask(Ask::Overlay(Overlay::Form(form)));
}
