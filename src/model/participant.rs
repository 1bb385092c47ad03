use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg, text};

/// A participant's stable id: never reused, never a list position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ParticipantId(pub u64);

/// The two sides of the room; the whole method turns on them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Förtroendevalda: the *vad* and *när*.
    Politik,
    /// Tjänstepersoner: the *hur* and *vem*.
    Verksamhet,
}

impl Side {
    /// The stable id used in files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Side::Politik => "politik",
            Side::Verksamhet => "verksamhet",
        }
    }

    /// Reads a side as typed by a person: the Swedish ids, or their English names.
    pub fn parse(input: &str) -> Option<Side> {
        match input.trim().to_lowercase().as_str() {
            "politik" | "politics" | "p" => Some(Side::Politik),
            "verksamhet" | "organisation" | "organization" | "v" => Some(Side::Verksamhet),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        text(
            lang,
            match self {
                Side::Politik => Msg::SidePolitik,
                Side::Verksamhet => Msg::SideVerksamhet,
            },
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub id: ParticipantId,
    pub name: String,
    /// Free text, e.g. "kommunstyrelsens ordförande".
    #[serde(default)]
    pub title: String,
    pub side: Side,
    /// Party (Politik) or department (Verksamhet), optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub affiliation: String,
    /// Observers and external facilitators are listed but give no answers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub observer: bool,
}

/// What it takes to add a participant; the session gives the id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewParticipant {
    pub name: String,
    pub title: String,
    pub side: Side,
    pub affiliation: String,
    pub observer: bool,
}

impl From<&Participant> for NewParticipant {
    /// The same person, for another session.
    fn from(p: &Participant) -> NewParticipant {
        NewParticipant {
            affiliation: p.affiliation.clone(),
            observer: p.observer,
            ..NewParticipant::new(&p.name, &p.title, p.side)
        }
    }
}

impl NewParticipant {
    pub fn new(name: &str, title: &str, side: Side) -> NewParticipant {
        NewParticipant {
            name: name.to_string(),
            title: title.to_string(),
            side,
            affiliation: String::new(),
            observer: false,
        }
    }
}
