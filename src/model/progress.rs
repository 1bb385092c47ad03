use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::{AnswerId, ParticipantId, Speaker};

/// Where the workshop stands, saved with the session so that reopening it (day 2,
/// or after a crash) returns to the same block, view and timers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_block: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done_blocks: Vec<String>,
    #[serde(default)]
    pub view: View,
    #[serde(default = "yes")]
    pub show_guidance: bool,
    /// One terminal bell when a block's time is up.
    #[serde(default = "yes")]
    pub bell: bool,
    /// Each block's timer, by block id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub timers: BTreeMap<String, Timer>,
    /// Participants who passed in a block's round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passes: Vec<Pass>,
    /// What the wall shows; saved so that the live view on a second screen follows it.
    #[serde(default)]
    pub presentation: Presentation,
}

/// The projector's settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presentation {
    /// Presentation mode is on: the wall view instead of the facilitator's.
    #[serde(default)]
    pub on: bool,
    #[serde(default)]
    pub slide: Slide,
    /// Hide names on the wall.
    #[serde(default)]
    pub anonymous: bool,
    /// Show each answer's side (Politik / Verksamhet), also when names are hidden.
    #[serde(default = "yes")]
    pub show_side: bool,
    #[serde(default)]
    pub theme: ThemeChoice,
    /// The agreement section on the wall (the Section slide).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Which agreement that section is of; none for the main one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
}

impl Default for Presentation {
    fn default() -> Presentation {
        Presentation {
            on: false,
            slide: Slide::default(),
            anonymous: false,
            show_side: true,
            theme: ThemeChoice::default(),
            section: None,
            agreement: None,
        }
    }
}

/// What the wall shows in presentation mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Slide {
    /// The current question, large, and its answers as cards.
    #[default]
    Question,
    /// Politik | Verksamhet side by side on the current question.
    Comparison,
    /// The day's agenda with times and progress.
    Agenda,
    /// Organisation, title, date, day x of y.
    Welcome,
    /// The latest dot voting's result, as bars.
    Results,
    /// The agreement section being written, large.
    Section,
    /// Every action item: what, who, by when.
    Actions,
    /// SKR's figure of who owns a question, with the block's items placed in it.
    Board,
}

impl Slide {
    pub const ALL: [Slide; 8] = [
        Slide::Question,
        Slide::Comparison,
        Slide::Agenda,
        Slide::Welcome,
        Slide::Results,
        Slide::Section,
        Slide::Actions,
        Slide::Board,
    ];

    /// The next (`+1`) or previous (`-1`) slide, round.
    pub fn step(self, delta: isize) -> Slide {
        let i = Slide::ALL.iter().position(|s| *s == self).unwrap_or(0) as isize;
        Slide::ALL[(i + delta).rem_euclid(Slide::ALL.len() as isize) as usize]
    }
}

/// Light for projectors (they wash out dark backgrounds), dark for screens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

fn yes() -> bool {
    true
}

impl Default for Progress {
    fn default() -> Progress {
        Progress {
            current_block: None,
            done_blocks: Vec::new(),
            view: View::default(),
            show_guidance: true,
            bell: true,
            timers: BTreeMap::new(),
            passes: Vec::new(),
            presentation: Presentation::default(),
        }
    }
}

/// How a block's answers are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// In order of arrival.
    #[default]
    Arrival,
    /// Politik | Verksamhet side by side: the heart of the method.
    Sides,
    /// Grouped by participant.
    Participants,
}

impl View {
    pub fn next(self) -> View {
        match self {
            View::Arrival => View::Sides,
            View::Sides => View::Participants,
            View::Participants => View::Arrival,
        }
    }
}

/// A block's timer. Time is counted from timestamps, so a timer left running keeps
/// counting while the app is closed, as the clock on the wall does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    /// Seconds counted before the current run.
    #[serde(default)]
    pub elapsed_secs: i64,
    /// When the current run started; `None` while paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_since: Option<Timestamp>,
    /// Seconds added (or, negative, taken) with ±1 minute.
    #[serde(default)]
    pub extra_secs: i64,
}

/// The most a timer counts, either way: a century. A hand-edited file may hold no
/// more, so that no sum of a timer's seconds can overflow.
pub const MAX_TIMER_SECS: i64 = 100 * 366 * 24 * 60 * 60;

impl Timer {
    pub fn elapsed(&self, now: Timestamp) -> i64 {
        let running = self
            .running_since
            .map_or(0, |since| now.as_second() - since.as_second());
        (self.elapsed_secs + running.max(0)).min(MAX_TIMER_SECS)
    }

    /// ±1 minute (or more) on the plan, within the timer's bounds.
    pub fn add_minutes(&mut self, minutes: i64) {
        self.extra_secs = (self.extra_secs + minutes * 60).clamp(-MAX_TIMER_SECS, MAX_TIMER_SECS);
    }

    /// Whether the counts are within bounds (a hand-edited file may hold anything).
    pub fn is_sane(&self) -> bool {
        (0..=MAX_TIMER_SECS).contains(&self.elapsed_secs)
            && (-MAX_TIMER_SECS..=MAX_TIMER_SECS).contains(&self.extra_secs)
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Stops counting, keeping the time counted so far.
    pub fn pause(&mut self, now: Timestamp) {
        if self.running_since.is_some() {
            self.elapsed_secs = self.elapsed(now);
            self.running_since = None;
        }
    }

    pub fn start(&mut self, now: Timestamp) {
        self.running_since.get_or_insert(now);
    }

    /// Seconds left of `planned_minutes` (negative: overtime).
    pub fn remaining(&self, planned_minutes: u32, now: Timestamp) -> i64 {
        i64::from(planned_minutes) * 60 + self.extra_secs - self.elapsed(now)
    }
}

/// "This participant passed in this block's round."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pass {
    pub block: String,
    pub participant: ParticipantId,
}

/// Text being typed but not yet confirmed, saved when idle so that a crash loses
/// at most a couple of seconds of typing, and offered back on reopening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub block: String,
    pub speaker: Speaker,
    pub text: String,
    /// The answer being edited, if it is an edit rather than a new answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editing: Option<AnswerId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timers_count_pause_and_run_over() {
        let t = |s| Timestamp::from_second(s).unwrap();
        let mut timer = Timer::default();
        timer.start(t(100));
        assert_eq!(timer.elapsed(t(160)), 60);
        timer.pause(t(160));
        assert_eq!(timer.elapsed(t(10_000)), 60);
        timer.extra_secs = 60;
        assert_eq!(timer.remaining(1, t(10_000)), 60);
        timer.start(t(200));
        assert_eq!(timer.remaining(1, t(330)), -70);
    }
}
