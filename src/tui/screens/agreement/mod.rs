//! The agreement screen: section by section, the compiled material beside the
//! text the group writes together, its status, and the header.

pub(crate) mod draw;

use crate::i18n::Msg;
use crate::model::Slide;
use crate::tr;
use crate::tui::app::{App, Effect, Overlay, Screen};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::editor::Editor;
use crate::tui::keymap::Command;

// The header form's fields.

impl App {
    /// Turns presentation mode on with `slide` (and the selected section), or off.
    pub(crate) fn toggle_wall(&mut self, slide: Slide) -> Vec<Effect> {
        let on = self
            .session
            .as_ref()
            .is_some_and(|s| s.progress().presentation.on);
        if on {
            self.change(|s| s.progress_mut().presentation.on = false)
        } else {
            self.show_on_wall(slide)
        }
    }

    pub(crate) fn show_on_wall(&mut self, slide: Slide) -> Vec<Effect> {
        let section = self.selected_section();
        self.change(|s| {
            let p = &mut s.progress_mut().presentation;
            p.on = true;
            p.slide = slide;
            p.section = section;
        })
    }

    /// The id of the selected section.
    pub(crate) fn selected_section(&self) -> Option<String> {
        let sections = &self.session.as_ref()?.program().sections;
        sections
            .get(self.section.min(sections.len().saturating_sub(1)))
            .map(|s| s.id.clone())
    }

    pub(crate) fn agreement_command(&mut self, command: Command) -> Vec<Effect> {
        let n = self
            .session
            .as_ref()
            .map_or(0, |s| s.program().sections.len());
        match command {
            Command::Up | Command::Down => {
                self.section = match command {
                    Command::Up => self.section.saturating_sub(1),
                    _ => (self.section + 1).min(n.max(1) - 1),
                };
                // The wall follows the section being written.
                let presenting = self
                    .session
                    .as_ref()
                    .is_some_and(|s| s.progress().presentation.on);
                if presenting {
                    return self.show_on_wall(Slide::Section);
                }
            }
            Command::TogglePresent => return self.toggle_wall(Slide::Section),
            Command::Accept => {
                if let (Some(id), Some(session)) = (self.selected_section(), &self.session) {
                    let text = session
                        .agreement()
                        .sections
                        .get(&id)
                        .map(|t| t.text.clone())
                        .unwrap_or_default();
                    self.editor = Some(Editor::for_section(&id, &text));
                }
            }
            Command::ToggleDone => {
                if let Some(id) = self.selected_section() {
                    let done = self
                        .session
                        .as_ref()
                        .is_some_and(|s| s.agreement().sections.get(&id).is_some_and(|t| t.done));
                    return self
                        .try_change(|s, now| s.set_section_done(&id, !done, now))
                        .map(|(_, e)| e)
                        .unwrap_or_default();
                }
            }
            Command::EditHeader => self.header_form(),
            Command::Export => self.export_form(),
            Command::Back => self.screen = Screen::Workshop,
            Command::Quit => return self.quit(),
            _ => {}
        }
        vec![]
    }

    fn header_form(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let mut names = vec![tr!(self.lang, NoParty)];
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
            Field::text(Msg::FieldNextReview, &review),
        ];
        let title = tr!(self.lang, FormAgreementHeader);
        self.overlay = Some(Overlay::Form(Form::new(
            Purpose::AgreementHeader,
            title,
            fields,
        )));
    }

    /// Saves the header form, or says which field is wrong.
    pub(crate) fn submit_header(&mut self, form: &Form) -> Result<Vec<Effect>, FieldError> {
        let lang = self.lang;
        let version = form.text(Msg::FieldVersion);
        let version: u32 = version
            .parse()
            .ok()
            .filter(|v| *v > 0)
            .ok_or_else(|| FieldError::new(Msg::FieldVersion, tr!(lang, NoticeBadVersion)))?;
        let review_text = form.text(Msg::FieldNextReview);
        let review = if review_text.is_empty() {
            None
        } else {
            let parsed = crate::model::parse_day(&review_text);
            let input = crate::i18n::Quoted(lang, &review_text);
            let bad = || FieldError::new(Msg::FieldNextReview, tr!(lang, BadDate, input = input));
            Some(parsed.ok_or_else(bad)?)
        };
        let parties: Vec<_> = [Msg::FieldParty1, Msg::FieldParty2]
            .iter()
            .filter_map(|&f| form.index(f).checked_sub(1))
            .filter_map(|i| self.session.as_ref()?.participants().get(i).map(|p| p.id))
            .collect();
        let result = self.attempt(|s, now| {
            s.set_agreement_version(version, review, now);
            s.set_parties(parties, now)
        });
        result
            .map(|(_, e)| e)
            .map_err(|m| FieldError::new(Msg::FieldParty1, m))
    }
}
