//! The keys that mean something somewhere in the app, for random key sequences:
//! shared by the property tests and the fuzz target (which includes this file).

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// Letters, digits and signs bound to actions, and text with åäö and emoji.
pub const CHARS: &str = "adjnmrzhfuvgtTkis0123456789?+-xyMPSopleNcåÖ🙂 q[]";

/// Keys that are not text, with their modifiers.
pub const SPECIAL: [(KeyCode, KeyModifiers); 18] = [
    (KeyCode::Enter, KeyModifiers::NONE),
    (KeyCode::Esc, KeyModifiers::NONE),
    (KeyCode::Tab, KeyModifiers::NONE),
    (KeyCode::BackTab, KeyModifiers::SHIFT),
    (KeyCode::Left, KeyModifiers::NONE),
    (KeyCode::Right, KeyModifiers::NONE),
    (KeyCode::Up, KeyModifiers::NONE),
    (KeyCode::Down, KeyModifiers::NONE),
    (KeyCode::Up, KeyModifiers::SHIFT),
    (KeyCode::Down, KeyModifiers::ALT),
    (KeyCode::PageDown, KeyModifiers::NONE),
    (KeyCode::Backspace, KeyModifiers::NONE),
    (KeyCode::Delete, KeyModifiers::NONE),
    (KeyCode::Enter, KeyModifiers::ALT),
    (KeyCode::Char('j'), KeyModifiers::CONTROL),
    (KeyCode::Char('s'), KeyModifiers::CONTROL),
    (KeyCode::Char('z'), KeyModifiers::CONTROL),
    (KeyCode::F(5), KeyModifiers::NONE),
];
