use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::ParticipantId;

/// An answer's stable id: never reused, never a list position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnswerId(pub u64);

/// Who said it: one participant, or the group as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Speaker {
    Group,
    Participant(ParticipantId),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: AnswerId,
    /// The id of the block (question) it answers.
    pub block: String,
    pub speaker: Speaker,
    pub text: String,
    pub created: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<Timestamp>,
    /// Marked by the facilitator to go into the draft agreement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub marked: bool,
}
