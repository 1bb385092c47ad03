//! The start screen: the saved sessions, and the way to a new one or the demo.

pub(crate) mod draw;

use std::path::PathBuf;

use jiff::Timestamp;

use crate::tui::app::{App, Effect};
use crate::tui::keymap::Command;

/// What the start screen lists: the saved sessions, and how many entries of the
/// data folder were passed over (not regular files, or too large to be sessions).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionList {
    pub sessions: Vec<SessionSummary>,
    pub skipped: usize,
}

/// A saved session as the start screen lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSummary {
    pub path: PathBuf,
    pub name: String,
    /// Title, organisation, dates, answers and last change; or why it cannot be read.
    pub line: Result<SummaryLine, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryLine {
    pub title: String,
    pub organisation: String,
    pub dates: String,
    pub answers: usize,
    pub changed: Timestamp,
}

#[derive(Default)]
pub struct StartUi {
    pub sessions: Vec<SessionSummary>,
    /// Entries of the data folder passed over (see [`SessionList`]).
    pub skipped: usize,
    pub selected: usize,
}

impl App {
    pub(crate) fn start_command(&mut self, command: Command) -> Vec<Effect> {
        let n = self.start.sessions.len();
        match command {
            Command::Up => self.start.selected = self.start.selected.saturating_sub(1),
            Command::Down => self.start.selected = (self.start.selected + 1).min(n.max(1) - 1),
            Command::Accept => {
                if let Some(s) = self.start.sessions.get(self.start.selected) {
                    return vec![Effect::Open(s.path.clone())];
                }
            }
            Command::NewSession => self.begin_new_session(),
            Command::OpenDemo => return vec![Effect::OpenDemo],
            Command::Quit => return self.quit(),
            _ => {}
        }
        vec![]
    }
}
