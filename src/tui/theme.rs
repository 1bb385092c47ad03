//! Colours and emphasis. Meaning never rests on colour alone: Politik and
//! Verksamhet also carry a label and a symbol, marked answers a star.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Side;

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn guidance() -> Style {
    Style::default()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC)
}

pub fn selected() -> Style {
    Style::default().add_modifier(Modifier::REVERSED)
}

pub fn current() -> Style {
    Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

pub fn marked() -> Style {
    Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn ok() -> Style {
    Style::default().fg(Color::Green)
}

pub fn key() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn side(side: Option<Side>) -> Style {
    match side {
        Some(Side::Politik) => Style::default()
            .fg(Color::Blue)
            .add_modifier(Modifier::BOLD),
        Some(Side::Verksamhet) => Style::default()
            .fg(Color::Magenta)
            .add_modifier(Modifier::BOLD),
        None => Style::default().add_modifier(Modifier::BOLD),
    }
}

/// The symbol beside a side's label: ● Politik, ■ Verksamhet, ◆ the group.
pub fn side_symbol(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Politik) => "●",
        Some(Side::Verksamhet) => "■",
        None => "◆",
    }
}
