//! The action items (*uppdrag*): every one the workshop has noted, what, who,
//! by when and where it came up; added, edited and deleted (with undo) here,
//! and shown on the wall for the room to agree on.

pub(crate) mod draw;

use crate::i18n::{Msg, Quoted};
use crate::model::{ActionId, ActionItem, ActionText, DeletedAction, Slide};
use crate::tr;
use crate::tui::app::{Effect, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

#[derive(Debug, Default)]
pub struct ActionsUi {
    /// An index into the session's action items.
    pub selected: usize,
    /// The last one deleted, for undo.
    pub undo: Option<DeletedAction>,
}

impl ActionsUi {
    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let count = session.action_items().len();
        let selected = session.action_items().get(self.selected).cloned();
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(count.max(1) - 1),
            Command::New => {
                let block = session.current_block().map(|b| b.id.clone());
                form(cx, block, None);
            }
            Command::Accept => {
                if let Some(item) = selected {
                    form(cx, item.block.clone(), Some(&item));
                }
            }
            Command::Remove => return self.delete(cx, selected),
            Command::Undo => return self.restore(cx),
            Command::TogglePresent => return cx.change(|s| s.toggle_wall(Slide::Actions, None)),
            Command::Back => cx.ask(Ask::Workshop),
            Command::Quit => cx.ask(Ask::Quit),
            _ => {}
        }
        vec![]
    }

    fn delete(&mut self, cx: &mut Cx, item: Option<ActionItem>) -> Vec<Effect> {
        let Some(item) = item else {
            return vec![];
        };
        let Some((deleted, effects)) = cx.try_change(|s, now| s.delete_action_item(item.id, now))
        else {
            return vec![];
        };
        self.undo = Some(deleted);
        let what = Quoted(cx.lang, &item.what);
        cx.notify(tr!(cx.lang, NoticeActionDeleted, what = what));
        self.clamp(cx);
        effects
    }

    fn restore(&mut self, cx: &mut Cx) -> Vec<Effect> {
        let Some(deleted) = self.undo.take() else {
            cx.notify(tr!(cx.lang, NoticeNothingToUndo));
            return vec![];
        };
        self.selected = deleted.index;
        let now = cx.now;
        let effects = cx.change(|s| s.restore_action_item(deleted, now));
        self.clamp(cx);
        effects
    }

    /// Keeps the selection on an item after the list shrank.
    pub(crate) fn clamp(&mut self, cx: &Cx) {
        let count = cx.session().map_or(0, |s| s.action_items().len());
        self.selected = self.selected.min(count.saturating_sub(1));
    }

    /// Saves the action item form: a new item (from `block`) or `id` edited.
    pub(crate) fn submit(
        &mut self,
        cx: &mut Cx,
        block: Option<&str>,
        id: Option<ActionId>,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let due = form.day(Msg::FieldDue, cx.lang)?;
        let what = form.text(Msg::FieldWhat);
        let text = ActionText::new(&what, &form.text(Msg::FieldWho), due);
        let field_error = |m| FieldError::new(Msg::FieldWhat, m);
        let what = Quoted(cx.lang, what.trim());
        match id {
            Some(id) => {
                let (_, effects) = cx
                    .attempt(|s, now| s.edit_action_item(id, text, now))
                    .map_err(field_error)?;
                cx.notify(tr!(cx.lang, NoticeActionSaved, what = what));
                Ok(effects)
            }
            None => {
                let (_, effects) = cx
                    .attempt(|s, now| s.add_action_item(text, block, now))
                    .map_err(field_error)?;
                cx.notify(tr!(cx.lang, NoticeActionAdded, what = what));
                self.selected = cx.session().map_or(0, |s| s.action_items().len() - 1);
                Ok(effects)
            }
        }
    }
}

/// The action item form: empty for a new one from `block`, or `item`'s values.
pub(crate) fn form(cx: &mut Cx, block: Option<String>, item: Option<&ActionItem>) {
    let value = |f: fn(&ActionItem) -> String| item.map(f).unwrap_or_default();
    let fields = vec![
        Field::text(Msg::FieldWhat, &value(|i| i.what.clone())),
        Field::text(Msg::FieldWho, &value(|i| i.who.clone())),
        Field::date(
            Msg::FieldDue,
            &value(|i| i.due.map(|d| d.to_string()).unwrap_or_default()),
        ),
    ];
    let title = match item {
        Some(_) => tr!(cx.lang, FormEditActionItem),
        None => tr!(cx.lang, FormActionItem),
    };
    let purpose = Purpose::ActionItem {
        block,
        id: item.map(|i| i.id),
    };
    cx.ask(Ask::Overlay(Overlay::Form(Form::new(
        purpose, title, fields,
    ))));
}
