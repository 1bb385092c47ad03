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

/// The colours of the wall: every text colour is meant to be read on `bg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub bg: (u8, u8, u8),
    pub fg: (u8, u8, u8),
    pub dim: (u8, u8, u8),
    pub accent: (u8, u8, u8),
    pub politik: (u8, u8, u8),
    pub verksamhet: (u8, u8, u8),
    pub marked: (u8, u8, u8),
    pub warning: (u8, u8, u8),
}

impl Palette {
    /// Light and high-contrast: projectors wash out dark backgrounds.
    pub const PROJECTOR: Palette = Palette {
        bg: (0xFF, 0xFF, 0xFF),
        fg: (0x11, 0x11, 0x11),
        dim: (0x3D, 0x3D, 0x3D),
        accent: (0x00, 0x3F, 0x8A),
        politik: (0x0B, 0x3D, 0x91),
        verksamhet: (0x5B, 0x1A, 0x73),
        marked: (0x6B, 0x40, 0x00),
        warning: (0x9E, 0x00, 0x00),
    };

    pub const DARK: Palette = Palette {
        bg: (0x10, 0x14, 0x18),
        fg: (0xF2, 0xF2, 0xF2),
        dim: (0xB8, 0xB8, 0xB8),
        accent: (0x8C, 0xC8, 0xFF),
        politik: (0x8C, 0xC8, 0xFF),
        verksamhet: (0xE3, 0xA8, 0xF5),
        marked: (0xFF, 0xD1, 0x66),
        warning: (0xFF, 0x8A, 0x80),
    };

    pub fn of(choice: crate::model::ThemeChoice) -> Palette {
        match choice {
            crate::model::ThemeChoice::Light => Palette::PROJECTOR,
            crate::model::ThemeChoice::Dark => Palette::DARK,
        }
    }

    /// Every text colour, for the contrast test.
    pub fn texts(&self) -> [(&'static str, (u8, u8, u8)); 7] {
        [
            ("fg", self.fg),
            ("dim", self.dim),
            ("accent", self.accent),
            ("politik", self.politik),
            ("verksamhet", self.verksamhet),
            ("marked", self.marked),
            ("warning", self.warning),
        ]
    }

    pub fn color(rgb: (u8, u8, u8)) -> Color {
        Color::Rgb(rgb.0, rgb.1, rgb.2)
    }

    /// Text of colour `rgb` on this palette's background.
    pub fn text(&self, rgb: (u8, u8, u8)) -> Style {
        Style::default()
            .fg(Palette::color(rgb))
            .bg(Palette::color(self.bg))
    }

    pub fn side(&self, side: Option<Side>) -> Style {
        let rgb = match side {
            Some(Side::Politik) => self.politik,
            Some(Side::Verksamhet) => self.verksamhet,
            None => self.fg,
        };
        self.text(rgb).add_modifier(Modifier::BOLD)
    }
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.01);
    }

    /// WCAG AAA: at least 7:1 for every text colour on the projector theme's
    /// background (and on the dark theme's too).
    #[test]
    fn every_text_colour_is_readable_from_the_back_of_the_room() {
        for palette in [Palette::PROJECTOR, Palette::DARK] {
            for (name, rgb) in palette.texts() {
                let ratio = contrast(rgb, palette.bg);
                assert!(
                    ratio >= 7.0,
                    "{name} {rgb:?} on {:?}: {ratio:.2}:1",
                    palette.bg
                );
            }
        }
    }
}
