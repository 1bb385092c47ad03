//! Big text for the wall: the largest size at which the text, wrapped by words,
//! fits the area; plain bold text when none does.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

/// The sizes tried, largest first, with the cells one character takes (width,
/// height). Only sizes drawn with block characters every terminal font has.
const SIZES: [(PixelSize, u16, u16); 3] = [
    (PixelSize::Full, 8, 8),
    (PixelSize::HalfHeight, 8, 4),
    (PixelSize::Quadrant, 4, 4),
];

/// `text` broken into lines of at most `width` characters, at spaces where it can.
/// Counted in chars, because in big letters each char is one glyph whatever its
/// width in a terminal. (Not `textwrap`: it measures terminal width even with its
/// Unicode feature off, so a dash "–" counts double and the wall's lines change.)
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The size and lines at which `text` fits `area` in big letters, if any.
pub fn fit(text: &str, area: Rect) -> Option<(PixelSize, Vec<String>, u16)> {
    SIZES.iter().find_map(|&(size, w, h)| {
        let per_line = usize::from(area.width / w);
        if per_line == 0 {
            return None;
        }
        let lines = wrap_words(text, per_line);
        let height = u16::try_from(lines.len()).ok()?.checked_mul(h)?;
        let fits = height <= area.height && lines.iter().all(|l| l.chars().count() <= per_line);
        fits.then_some((size, lines, height))
    })
}

/// Draws `text` as large as fits; returns the rows used.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    text: &str,
    style: Style,
    alignment: Alignment,
) -> u16 {
    match fit(text, area) {
        Some((size, lines, height)) => {
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .alignment(alignment)
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .build();
            frame.render_widget(big, Rect { height, ..area });
            height
        }
        None => {
            let paragraph = Paragraph::new(text.to_string())
                .style(style.add_modifier(Modifier::BOLD))
                .alignment(alignment)
                .wrap(Wrap { trim: true });
            let height = u16::try_from(paragraph.line_count(area.width))
                .unwrap_or(u16::MAX)
                .min(area.height);
            frame.render_widget(paragraph, Rect { height, ..area });
            height
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_and_long_words_split() {
        assert_eq!(wrap_words("Vad är svårt?", 7), ["Vad är", "svårt?"]);
        assert_eq!(
            wrap_words("Förtroendevaldas", 6),
            ["Förtro", "endeva", "ldas"]
        );
        assert!(wrap_words("   ", 5).is_empty());
    }

    #[test]
    fn the_largest_size_that_fits_is_chosen() {
        let wide = Rect::new(0, 0, 160, 8);
        assert!(matches!(
            fit("Vad är svårt?", wide),
            Some((PixelSize::Full, _, 8))
        ));
        let low = Rect::new(0, 0, 160, 4);
        assert!(matches!(
            fit("Vad är svårt?", low),
            Some((PixelSize::HalfHeight, _, 4))
        ));
        let tiny = Rect::new(0, 0, 20, 3);
        assert!(fit("Vad är svårt?", tiny).is_none());
    }
}
