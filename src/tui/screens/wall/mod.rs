//! The wall: what the room sees in presentation mode and on a second screen.

pub(crate) mod draw;
mod slides;

use crate::tui::app::{App, Screen};

impl App {
    /// Whether the wall view is drawn: presentation mode, or the live view.
    pub fn is_presenting(&self) -> bool {
        match self.screen {
            Screen::Follow => true,
            Screen::Workshop | Screen::Agreement | Screen::Voting => self
                .session
                .as_ref()
                .is_some_and(|s| s.progress().presentation.on),
            _ => false,
        }
    }
}
