//! The participants tab: the list, adding, editing, moving and removing.

use super::{COMMON_TITLES, PrepUi};
use crate::i18n::Msg;
use crate::model::{NewParticipant, ParticipantId, Side};
use crate::tr;
use crate::tui::app::{Effect, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

impl PrepUi {
    pub(super) fn participants_command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let n = session.participants().len();
        let row = self.row;
        let at_row = session.participants().get(row).map(|p| p.id);
        match command {
            Command::Up => self.row = row.saturating_sub(1),
            Command::Down => self.row = (row + 1).min(n.max(1) - 1),
            Command::New => participant_form(cx, None),
            Command::Accept => {
                if let Some(id) = at_row {
                    participant_form(cx, Some(id));
                }
            }
            Command::Remove => {
                if let Some(id) = at_row {
                    let effects = cx.try_effects(|s, now| s.remove_participant(id, now));
                    self.row = row.min(n.saturating_sub(2));
                    return effects;
                }
            }
            Command::MoveUp | Command::MoveDown => {
                let delta = if command == Command::MoveUp { -1 } else { 1 };
                if let Some(id) = at_row {
                    let now = cx.now;
                    self.row = row.saturating_add_signed(delta).min(n.max(1) - 1);
                    return cx.change(|s| s.move_participant(id, delta, now));
                }
            }
            _ => {}
        }
        vec![]
    }

    /// Saves the participant form (new or edited).
    pub(crate) fn submit_participant(
        &mut self,
        cx: &mut Cx,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
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
            Purpose::EditParticipant(id) => cx.attempt(|s, now| s.update_participant(id, new, now)),
            _ => cx
                .attempt(|s, now| s.add_participant(new, now))
                .map(|(_, e)| ((), e)),
        };
        result
            .map(|(_, e)| e)
            .map_err(|m| FieldError::new(Msg::FieldName, m))
    }
}

/// The form for a new participant, or for editing participant `id`.
fn participant_form(cx: &mut Cx, id: Option<ParticipantId>) {
    let existing = id.and_then(|id| cx.session()?.participant(id).cloned());
    let sides = [Side::Politik, Side::Verksamhet];
    let side_index = existing
        .as_ref()
        .map_or(0, |p| usize::from(p.side == Side::Verksamhet));
    let side_names = sides.iter().map(|s| s.label(cx.lang).to_string()).collect();
    let fields = vec![
        Field::text(Msg::FieldName, existing.as_ref().map_or("", |p| &p.name)),
        Field::suggest(
            Msg::FieldParticipantTitle,
            existing.as_ref().map_or("", |p| &p.title),
            COMMON_TITLES,
        ),
        Field::choice(Msg::FieldSide, side_names, side_index),
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
            tr!(cx.lang, FormEditParticipant),
        ),
        None => (Purpose::NewParticipant, tr!(cx.lang, FormNewParticipant)),
    };
    cx.ask(Ask::Overlay(Overlay::Form(Form::new(
        purpose, title, fields,
    ))));
}
