//! The agenda tab: the blocks of every day, their minutes and order, own questions.

use crate::i18n::Msg;
use crate::tr;
use crate::tui::app::{App, Effect, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;

/// Minutes added or taken by `+` and `-` on the agenda.
const MINUTE_STEP: u32 = 5;

impl App {
    /// The blocks of every day in order, as the agenda tab lists them.
    fn agenda_rows(&self) -> Vec<String> {
        self.session
            .iter()
            .flat_map(|s| {
                s.program()
                    .blocks()
                    .map(|(_, b)| b.id.clone())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    pub(super) fn agenda_command(&mut self, command: Command) -> Vec<Effect> {
        let rows = self.agenda_rows();
        let row = self.prep.row.min(rows.len().saturating_sub(1));
        let Some(id) = rows.get(row).cloned() else {
            return vec![];
        };
        let now = self.now;
        let minutes = self
            .session
            .as_ref()
            .and_then(|s| s.program().block(&id))
            .map_or(0, |b| b.minutes);
        match command {
            Command::Up => self.prep.row = row.saturating_sub(1),
            Command::Down => self.prep.row = (row + 1).min(rows.len() - 1),
            Command::Longer => {
                return self.change(|s| s.set_block_minutes(&id, minutes + MINUTE_STEP, now));
            }
            Command::Shorter => {
                let shorter = minutes
                    .saturating_sub(MINUTE_STEP)
                    .max(MINUTE_STEP.min(minutes));
                return self.change(|s| s.set_block_minutes(&id, shorter, now));
            }
            Command::Skip => return self.change(|s| s.toggle_skip(&id, now)),
            Command::MoveUp | Command::MoveDown => {
                let delta = if command == Command::MoveUp { -1 } else { 1 };
                let effects = self.change(|s| s.move_block(&id, delta, now));
                self.prep.row = self
                    .agenda_rows()
                    .iter()
                    .position(|r| *r == id)
                    .unwrap_or(row);
                return effects;
            }
            Command::New => self.own_question_form(),
            _ => {}
        }
        vec![]
    }

    fn own_question_form(&mut self) {
        let Some(session) = &self.session else {
            return;
        };
        let sections: Vec<String> = session
            .program()
            .sections
            .iter()
            .map(|s| s.title.clone())
            .collect();
        let days: Vec<String> = (1..=session.program().days.len())
            .map(|n| tr!(self.lang, Day, n = n))
            .collect();
        let day = session.current_day().min(days.len().saturating_sub(1));
        let fields = vec![
            Field::text(Msg::FieldQuestion, ""),
            Field::choice(Msg::FieldSection, sections, 0),
            Field::text(Msg::FieldMinutes, "20"),
            Field::choice(Msg::FieldDay, days, day),
        ];
        let title = tr!(self.lang, FormOwnQuestion);
        self.overlay = Some(Overlay::Form(Form::new(
            Purpose::OwnQuestion,
            title,
            fields,
        )));
    }

    /// Adds the question of the own-question form to the agenda.
    pub(crate) fn submit_own_question(&mut self, form: &Form) -> Result<Vec<Effect>, FieldError> {
        let minutes = form
            .text(Msg::FieldMinutes)
            .parse::<u32>()
            .ok()
            .filter(|m| *m > 0);
        let minutes = minutes
            .ok_or_else(|| FieldError::new(Msg::FieldMinutes, tr!(self.lang, NoticeBadMinutes)))?;
        let section = self.session.as_ref().and_then(|s| {
            let sections = &s.program().sections;
            sections
                .get(form.index(Msg::FieldSection))
                .map(|s| s.id.clone())
        });
        let question = form.text(Msg::FieldQuestion);
        let day = form.index(Msg::FieldDay);
        self.attempt(|s, now| {
            s.add_question_block(day, &question, section.into_iter().collect(), minutes, now)
        })
        .map(|(_, e)| e)
        .map_err(|m| FieldError::new(Msg::FieldQuestion, m))
    }
}
