use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

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
