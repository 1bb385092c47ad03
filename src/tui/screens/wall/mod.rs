//! The wall: what the room sees in presentation mode and on a second screen.
//! It has no keys of its own: the workshop's present mode sets what it shows.

mod actions;
mod board;
pub(crate) mod draw;
mod slides;

use crate::model::Session;
use crate::tui::app::Screen;

/// Whether the wall is drawn instead of `screen`: presentation mode is on (on a
/// screen that can show it), or this is the live view.
pub fn is_shown(screen: Screen, session: Option<&Session>) -> bool {
    match screen {
        Screen::Follow => true,
        Screen::Workshop | Screen::Agreement | Screen::Voting | Screen::Actions => {
            session.is_some_and(|s| s.progress().presentation.on)
        }
        Screen::Start | Screen::Prep | Screen::Memo => false,
    }
}
