use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::{ModelError, Session};

/// An action item's stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActionId(pub u64);

/// An *uppdrag*: what is to be done, by whom, by when, and where it came up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub id: ActionId,
    pub what: String,
    /// Free text: a participant's name, a role ("KD") or a group.
    #[serde(default)]
    pub who: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    /// The block it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    pub created: Timestamp,
}

/// What an action item says: the three things a form asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionText {
    pub what: String,
    pub who: String,
    pub due: Option<Date>,
}

/// An action item taken out, with its place in the list, for undo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeletedAction {
    pub index: usize,
    pub item: ActionItem,
}

impl Session {
    /// Adds an action item (*uppdrag*), from `block` if it came up in one.
    pub fn add_action_item(
        &mut self,
        text: ActionText,
        block: Option<&str>,
        now: Timestamp,
    ) -> Result<ActionId, ModelError> {
        if let Some(id) = block
            && self.program.block(id).is_none()
        {
            return Err(ModelError::UnknownBlock(id.to_string()));
        }
        let text = text.checked()?;
        let id = ActionId(self.take_id()?);
        self.action_items.push(ActionItem {
            id,
            what: text.what,
            who: text.who,
            due: text.due,
            block: block.map(str::to_string),
            created: now,
        });
        self.changed = now;
        Ok(id)
    }

    /// Says what an action item is anew; where it came from and when it was
    /// made stay.
    pub fn edit_action_item(
        &mut self,
        id: ActionId,
        text: ActionText,
        now: Timestamp,
    ) -> Result<(), ModelError> {
        let text = text.checked()?;
        let item = self
            .action_items
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(ModelError::UnknownAction)?;
        (item.what, item.who, item.due) = (text.what, text.who, text.due);
        self.changed = now;
        Ok(())
    }

    /// Takes an action item out, keeping it for [`Session::restore_action_item`].
    pub fn delete_action_item(
        &mut self,
        id: ActionId,
        now: Timestamp,
    ) -> Result<DeletedAction, ModelError> {
        let index = self
            .action_items
            .iter()
            .position(|a| a.id == id)
            .ok_or(ModelError::UnknownAction)?;
        let item = self.action_items.remove(index);
        self.changed = now;
        Ok(DeletedAction { index, item })
    }

    /// Puts a deleted action item back where it was, with its id (no other
    /// item can have taken it: ids are never given twice).
    pub fn restore_action_item(&mut self, deleted: DeletedAction, now: Timestamp) {
        let index = deleted.index.min(self.action_items.len());
        self.action_items.insert(index, deleted.item);
        self.changed = now;
    }
}

impl ActionText {
    pub fn new(what: &str, who: &str, due: Option<Date>) -> ActionText {
        ActionText {
            what: what.to_string(),
            who: who.to_string(),
            due,
        }
    }

    /// Trimmed, and refused without a "what".
    fn checked(self) -> Result<ActionText, ModelError> {
        let what = self.what.trim();
        if what.is_empty() {
            return Err(ModelError::EmptyAction);
        }
        Ok(ActionText {
            what: what.to_string(),
            who: self.who.trim().to_string(),
            due: self.due,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::{NOW, session};

    fn text(what: &str) -> ActionText {
        ActionText::new(what, " Åsa ", Date::new(2027, 1, 31).ok())
    }

    #[test]
    fn an_item_is_edited_deleted_and_restored_in_its_place() {
        let mut s = session(&["Åsa"]);
        let a = s.add_action_item(text("Boka samtal"), None, NOW).unwrap();
        let b = s
            .add_action_item(text("Följ upp"), Some("fortroendevaldas-uppdrag"), NOW)
            .unwrap();
        s.edit_action_item(b, text("  Följ upp i juni "), NOW)
            .unwrap();
        let edited = &s.action_items()[1];
        assert_eq!(
            (edited.what.as_str(), edited.who.as_str()),
            ("Följ upp i juni", "Åsa")
        );
        assert_eq!(edited.block.as_deref(), Some("fortroendevaldas-uppdrag"));
        let deleted = s.delete_action_item(a, NOW).unwrap();
        assert_eq!(s.action_items().len(), 1);
        s.restore_action_item(deleted, NOW);
        let ids: Vec<ActionId> = s.action_items().iter().map(|i| i.id).collect();
        assert_eq!(ids, [a, b]);
        assert_eq!(s.check_integrity(), Ok(()));
    }

    #[test]
    fn an_item_needs_a_what_and_must_be_there() {
        let mut s = session(&["Åsa"]);
        let a = s.add_action_item(text("Boka"), None, NOW).unwrap();
        assert_eq!(
            s.edit_action_item(a, text("  "), NOW),
            Err(ModelError::EmptyAction)
        );
        assert_eq!(s.action_items()[0].what, "Boka");
        assert_eq!(
            s.add_action_item(text(""), None, NOW),
            Err(ModelError::EmptyAction)
        );
        s.delete_action_item(a, NOW).unwrap();
        assert_eq!(s.delete_action_item(a, NOW), Err(ModelError::UnknownAction));
        assert_eq!(
            s.edit_action_item(a, text("x"), NOW),
            Err(ModelError::UnknownAction)
        );
    }
}
