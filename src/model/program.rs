use jiff::civil::Time;
use serde::{Deserialize, Serialize};

use super::Side;

/// A workshop program: its days of blocks and the agreement's sections.
///
/// A session keeps its own copy, so that editing a program file later never changes
/// a running session. Validation lives in [`crate::programs`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Stable id, e.g. `skr-tva-dagar`.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The agreement's sections, in the order the draft shows them.
    #[serde(default)]
    pub sections: Vec<Section>,
    pub days: Vec<Day>,
}

/// One section of the draft agreement (*överenskommelse*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, e.g. `kontakter`.
    pub id: String,
    pub title: String,
    /// What the section is for, in a sentence or two, for the facilitator.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Day {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// When the first block starts.
    pub start: Time,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// The facilitator frames something; no answers expected.
    Info,
    /// A discussion question; answers per participant.
    Question,
    /// Dot voting over earlier answers.
    Prioritisation,
    /// The group writes the agreement together.
    Agreement,
    /// Coffee, lunch: takes time, takes no answers.
    Break,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// Stable id: scripts and `samspel add-answer --block ID` rely on it.
    pub id: String,
    pub kind: BlockKind,
    pub title: String,
    /// Planned length.
    pub minutes: u32,
    /// The question put to the room, quoted verbatim where it is SKR's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Where the question's wording comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Advice for the facilitator, not shown on the wall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// The agreement sections this block's answers feed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<String>,
    /// Left out of today's plan (kept, so it can be taken back).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub skipped: bool,
    /// Where the room goes through who does what by when: the block shows
    /// every action item noted so far.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shows_action_items: bool,
    /// Where the room speaks of who owns a question: the wall shows SKR's
    /// figure, with the block's items placed in it, rather than the question.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shows_board: bool,
    /// The side whose participants answer first in this block's round (the
    /// method lets one side speak while the other listens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_starts_with: Option<Side>,
}

impl Block {
    /// Whether answers can be given in this block.
    pub fn takes_answers(&self) -> bool {
        self.kind != BlockKind::Break
    }

    /// What the room is asked: the question, or else the title.
    pub fn prompt(&self) -> &str {
        self.question.as_deref().unwrap_or(&self.title)
    }
}

/// A block placed in the day's time plan, in minutes after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot<'a> {
    pub block: &'a Block,
    pub start: u32,
    pub end: u32,
}

impl Day {
    /// Minutes after midnight at which the day starts.
    pub fn start_minute(&self) -> u32 {
        u32::from(self.start.hour().unsigned_abs()) * 60
            + u32::from(self.start.minute().unsigned_abs())
    }

    /// Planned minutes of the blocks that are not skipped.
    pub fn planned_minutes(&self) -> u32 {
        self.blocks
            .iter()
            .filter(|b| !b.skipped)
            .map(|b| b.minutes)
            .fold(0, u32::saturating_add)
    }

    /// Minutes after midnight at which the day ends.
    pub fn end_minute(&self) -> u32 {
        self.start_minute().saturating_add(self.planned_minutes())
    }

    /// The time plan: each block with its start and end. A skipped block gets an
    /// empty slot at the point where it would have been.
    pub fn schedule(&self) -> Vec<Slot<'_>> {
        let mut at = self.start_minute();
        self.blocks
            .iter()
            .map(|block| {
                let start = at;
                if !block.skipped {
                    at = at.saturating_add(block.minutes);
                }
                Slot {
                    block,
                    start,
                    end: at,
                }
            })
            .collect()
    }
}

impl Program {
    /// Every block with the index of its day, in program order.
    pub fn blocks(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.days
            .iter()
            .enumerate()
            .flat_map(|(d, day)| day.blocks.iter().map(move |b| (d, b)))
    }

    pub fn block(&self, id: &str) -> Option<&Block> {
        self.blocks().map(|(_, b)| b).find(|b| b.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

/// `540` → `"09:00"`.
pub fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(id: &str, minutes: u32, skipped: bool) -> Block {
        Block {
            id: id.into(),
            kind: BlockKind::Question,
            title: id.into(),
            minutes,
            question: Some("Vad är svårt?".into()),
            source: None,
            guidance: None,
            sections: vec![],
            skipped,
            shows_action_items: false,
            shows_board: false,
            round_starts_with: None,
        }
    }

    #[test]
    fn schedule_adds_up_and_skips() {
        let day = Day {
            title: String::new(),
            start: jiff::civil::time(9, 0, 0, 0),
            blocks: vec![
                block("a", 30, false),
                block("b", 20, true),
                block("c", 45, false),
            ],
        };
        let times: Vec<(String, String)> = day
            .schedule()
            .iter()
            .map(|s| (clock(s.start), clock(s.end)))
            .collect();
        assert_eq!(
            times,
            [("09:00", "09:30"), ("09:30", "09:30"), ("09:30", "10:15")]
                .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        assert_eq!(clock(day.end_minute()), "10:15");
    }
}
