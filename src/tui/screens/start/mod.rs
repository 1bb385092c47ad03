//! The start screen: the saved sessions, and the way to a new one or the demo.

pub(crate) mod draw;

use std::path::PathBuf;

use jiff::Timestamp;

use crate::tui::app::Effect;
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

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

impl StartUi {
    /// The sessions just listed, the selection kept within them.
    pub fn show(&mut self, list: SessionList) {
        self.selected = self.selected.min(list.sessions.len().saturating_sub(1));
        self.sessions = list.sessions;
        self.skipped = list.skipped;
    }

    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let n = self.sessions.len();
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(n.max(1) - 1),
            Command::Accept => {
                if let Some(s) = self.sessions.get(self.selected) {
                    return vec![Effect::Open(s.path.clone())];
                }
            }
            Command::NewSession => cx.ask(Ask::NewSession),
            Command::OpenDemo => return vec![Effect::OpenDemo],
            Command::Quit => cx.ask(Ask::Quit),
            _ => {}
        }
        vec![]
    }
}
