//! The agenda tab: the blocks of every day, their minutes and order, own questions.

use super::PrepUi;
use crate::i18n::Msg;
use crate::tr;
use crate::tui::app::{Effect, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

/// Minutes added or taken by `+` and `-` on the agenda.
const MINUTE_STEP: u32 = 5;

/// The blocks of every day in order, as the agenda tab lists them.
fn agenda_rows(cx: &Cx) -> Vec<String> {
    cx.session().map_or(vec![], |s| {
        s.program().blocks().map(|(_, b)| b.id.clone()).collect()
    })
}

impl PrepUi {
    pub(super) fn agenda_command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let rows = agenda_rows(cx);
        let row = self.row.min(rows.len().saturating_sub(1));
        let Some(id) = rows.get(row).cloned() else {
            return vec![];
        };
        let now = cx.now;
        let minutes = cx
            .session()
            .and_then(|s| s.program().block(&id))
            .map_or(0, |b| b.minutes);
        match command {
            Command::Up => self.row = row.saturating_sub(1),
            Command::Down => self.row = (row + 1).min(rows.len() - 1),
            Command::Longer => {
                return cx.change(|s| s.set_block_minutes(&id, minutes + MINUTE_STEP, now));
            }
            Command::Shorter => {
                let shorter = minutes
                    .saturating_sub(MINUTE_STEP)
                    .max(MINUTE_STEP.min(minutes));
                return cx.change(|s| s.set_block_minutes(&id, shorter, now));
            }
            Command::Skip => return cx.change(|s| s.toggle_skip(&id, now)),
            Command::MoveUp | Command::MoveDown => {
                let delta = if command == Command::MoveUp { -1 } else { 1 };
                let effects = cx.change(|s| s.move_block(&id, delta, now));
                self.row = agenda_rows(cx).iter().position(|r| *r == id).unwrap_or(row);
                return effects;
            }
            Command::New => own_question_form(cx),
            _ => {}
        }
        vec![]
    }

    /// Adds the question of the own-question form to the agenda.
    pub(crate) fn submit_own_question(
        &mut self,
        cx: &mut Cx,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let minutes = form
            .text(Msg::FieldMinutes)
            .parse::<u32>()
            .ok()
            .filter(|m| *m > 0);
        let minutes = minutes
            .ok_or_else(|| FieldError::new(Msg::FieldMinutes, tr!(cx.lang, NoticeBadMinutes)))?;
        let section = cx.session().and_then(|s| {
            let sections = &s.program().sections;
            sections
                .get(form.index(Msg::FieldSection))
                .map(|s| s.id.clone())
        });
        let question = form.text(Msg::FieldQuestion);
        let day = form.index(Msg::FieldDay);
        cx.attempt(|s, now| {
            s.add_question_block(day, &question, section.into_iter().collect(), minutes, now)
        })
        .map(|(_, e)| e)
        .map_err(|m| FieldError::new(Msg::FieldQuestion, m))
    }
}

/// The form for a question of the group's own, added to the agenda.
fn own_question_form(cx: &mut Cx) {
    let Some(session) = cx.session() else {
        return;
    };
    let sections: Vec<String> = session
        .program()
        .sections
        .iter()
        .map(|s| s.title.clone())
        .collect();
    let days: Vec<String> = (1..=session.program().days.len())
        .map(|n| tr!(cx.lang, Day, n = n))
        .collect();
    let day = session.current_day().min(days.len().saturating_sub(1));
    let fields = vec![
        Field::text(Msg::FieldQuestion, ""),
        Field::choice(Msg::FieldSection, sections, 0),
        Field::text(Msg::FieldMinutes, "20"),
        Field::choice(Msg::FieldDay, days, day),
    ];
    let title = tr!(cx.lang, FormOwnQuestion);
    let form = Form::new(Purpose::OwnQuestion, title, fields);
    cx.ask(Ask::Overlay(Overlay::Form(form)));
}
