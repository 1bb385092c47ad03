//! The participants tab: the list, adding, editing, moving and removing.

use super::COMMON_TITLES;
use crate::i18n::Msg;
use crate::model::{NewParticipant, ParticipantId, Side};
use crate::tr;
use crate::tui::app::{App, Effect, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;

impl App {
    fn participant_at(&self, row: usize) -> Option<ParticipantId> {
        self.session.as_ref()?.participants().get(row).map(|p| p.id)
    }

    pub(super) fn participants_command(&mut self, command: Command) -> Vec<Effect> {
        let n = self.session.as_ref().map_or(0, |s| s.participants().len());
        let row = self.prep.row;
        match command {
            Command::Up => self.prep.row = row.saturating_sub(1),
            Command::Down => self.prep.row = (row + 1).min(n.max(1) - 1),
            Command::New => self.participant_form(None),
            Command::Accept => {
                if let Some(id) = self.participant_at(row) {
                    self.participant_form(Some(id));
                }
            }
            Command::Remove => {
                if let Some(id) = self.participant_at(row) {
                    let effects = self
                        .try_change(|s, now| s.remove_participant(id, now))
                        .map(|(_, e)| e)
                        .unwrap_or_default();
                    self.prep.row = row.min(n.saturating_sub(2));
                    return effects;
                }
            }
            Command::MoveUp | Command::MoveDown => {
                let delta = if command == Command::MoveUp { -1 } else { 1 };
                if let Some(id) = self.participant_at(row) {
                    let now = self.now;
                    self.prep.row = row.saturating_add_signed(delta).min(n.max(1) - 1);
                    return self.change(|s| s.move_participant(id, delta, now));
                }
            }
            _ => {}
        }
        vec![]
    }

    fn participant_form(&mut self, id: Option<ParticipantId>) {
        let existing = id.and_then(|id| self.session.as_ref()?.participant(id).cloned());
        let sides = [Side::Politik, Side::Verksamhet];
        let side_index = existing
            .as_ref()
            .map_or(0, |p| usize::from(p.side == Side::Verksamhet));
        let fields = vec![
            Field::text(Msg::FieldName, existing.as_ref().map_or("", |p| &p.name)),
            Field::suggest(
                Msg::FieldParticipantTitle,
                existing.as_ref().map_or("", |p| &p.title),
                COMMON_TITLES,
            ),
            Field::choice(
                Msg::FieldSide,
                sides
                    .iter()
                    .map(|s| s.label(self.lang).to_string())
                    .collect(),
                side_index,
            ),
            Field::text(
                Msg::FieldAffiliation,
                existing.as_ref().map_or("", |p| &p.affiliation),
            ),
            Field::toggle(
                Msg::FieldObserver,
                existing.as_ref().is_some_and(|p| p.observer),
            ),
        ];
        let (purpose, title) = match id {
            Some(id) => (
                Purpose::EditParticipant(id),
                tr!(self.lang, FormEditParticipant),
            ),
            None => (Purpose::NewParticipant, tr!(self.lang, FormNewParticipant)),
        };
        self.overlay = Some(Overlay::Form(Form::new(purpose, title, fields)));
    }

    /// Saves the participant form (new or edited).
    pub(crate) fn submit_participant(&mut self, form: &Form) -> Result<Vec<Effect>, FieldError> {
        let side = [Side::Politik, Side::Verksamhet][form.index(Msg::FieldSide).min(1)];
        let new = NewParticipant {
            affiliation: form.text(Msg::FieldAffiliation),
            observer: form.is_on(Msg::FieldObserver),
            ..NewParticipant::new(
                &form.text(Msg::FieldName),
                &form.text(Msg::FieldParticipantTitle),
                side,
            )
        };
        let result = match form.purpose {
            Purpose::EditParticipant(id) => {
                self.attempt(|s, now| s.update_participant(id, new, now))
            }
            _ => self
                .attempt(|s, now| s.add_participant(new, now))
                .map(|(_, e)| ((), e)),
        };
        result
            .map(|(_, e)| e)
            .map_err(|m| FieldError::new(Msg::FieldName, m))
    }
}
