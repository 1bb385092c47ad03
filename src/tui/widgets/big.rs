//! Big text for the wall: the largest size at which the text, wrapped by words,
//! fits the area; plain bold text when none does.
//!
//! The letters are font8x8's 8×8 bitmaps (the font of tui-big-text), drawn here
//! rather than by tui-big-text because it takes no glyphs of its own: font8x8 has
//! no dashes or typographic quotes (they came out blank), and its "å" and "Å"
//! carry a dot where the ring should be. Those come from [`OWN_GLYPHS`].

use font8x8::UnicodeFonts;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// How many pixels of a glyph one cell shows (across, down). Only sizes drawn
/// with block characters every terminal font has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    Full,
    HalfHeight,
    Quadrant,
}

impl Size {
    const fn pixels_per_cell(self) -> (u16, u16) {
        match self {
            Size::Full => (1, 1),
            Size::HalfHeight => (1, 2),
            Size::Quadrant => (2, 2),
        }
    }

    /// The cells one glyph takes (width, height).
    const fn cells(self) -> (u16, u16) {
        let (x, y) = self.pixels_per_cell();
        (8 / x, 8 / y)
    }

    /// The block character for the pixels at (`col`, `row`) of `glyph`.
    fn symbol(self, glyph: &[u8; 8], row: usize, col: usize) -> char {
        let on = |r: usize, c: usize| usize::from(glyph[r] & (1 << c) != 0);
        match self {
            Size::Full => [' ', '█'][on(row, col)],
            Size::HalfHeight => [' ', '▀', '▄', '█'][on(row, col) | on(row + 1, col) << 1],
            Size::Quadrant => {
                QUADRANTS[on(row, col)
                    | on(row, col + 1) << 1
                    | on(row + 1, col) << 2
                    | on(row + 1, col + 1) << 3]
            }
        }
    }
}

/// The sizes tried, largest first.
const SIZES: [Size; 3] = [Size::Full, Size::HalfHeight, Size::Quadrant];

/// The quadrant characters, indexed by top left, top right, bottom left and
/// bottom right as bits 0 to 3.
const QUADRANTS: [char; 16] = [
    ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
];

/// Glyphs font8x8 lacks or draws badly, in its form: a row a byte, the lowest
/// bit the leftmost pixel.
const OWN_GLYPHS: [(char, [u8; 8]); 8] = [
    // A ring of three rows over a body of four: font8x8 has two dots.
    ('å', [0x0C, 0x12, 0x0C, 0x3E, 0x33, 0x33, 0x6E, 0x00]),
    // The ring's foot is the A's apex.
    ('Å', [0x0C, 0x12, 0x0C, 0x1E, 0x33, 0x3F, 0x33, 0x00]),
    // A hyphen is six pixels; the dashes longer.
    ('–', [0x00, 0x00, 0x00, 0x7F, 0x00, 0x00, 0x00, 0x00]),
    ('—', [0x00, 0x00, 0x00, 0xFF, 0x00, 0x00, 0x00, 0x00]),
    // Swedish quotes (”…” and ’), and the English opening ones as straight quotes.
    ('”', [0x36, 0x36, 0x1B, 0x00, 0x00, 0x00, 0x00, 0x00]),
    ('“', [0x36, 0x36, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]),
    ('’', [0x06, 0x06, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00]),
    ('…', [0x00, 0x00, 0x00, 0x00, 0x00, 0xDB, 0xDB, 0x00]),
];

/// The fonts of font8x8 looked in, in tui-big-text's order.
const FONTS: [&dyn UnicodeFonts; 8] = [
    &font8x8::BASIC_FONTS,
    &font8x8::LATIN_FONTS,
    &font8x8::HIRAGANA_FONTS,
    &font8x8::GREEK_FONTS,
    &font8x8::BLOCK_FONTS,
    &font8x8::BOX_FONTS,
    &font8x8::MISC_FONTS,
    &font8x8::SGA_FONTS,
];

/// The bitmap `c` is drawn with, if the big font has it.
fn glyph(c: char) -> Option<[u8; 8]> {
    OWN_GLYPHS
        .iter()
        .find(|(own, _)| *own == c)
        .map(|(_, g)| *g)
        .or_else(|| FONTS.iter().find_map(|font| font.get(c)))
}

/// Lines of big letters, one glyph a char.
struct Big<'a> {
    lines: &'a [String],
    size: Size,
    style: Style,
    alignment: Alignment,
}

impl Widget for Big<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (width, height) = self.size.cells();
        let (step_x, step_y) = self.size.pixels_per_cell();
        let rows = (area.top()..area.bottom()).step_by(usize::from(height));
        for (line, y) in self.lines.iter().zip(rows) {
            let used = u16::try_from(line.chars().count())
                .unwrap_or(u16::MAX)
                .saturating_mul(width);
            let offset = match self.alignment {
                Alignment::Left => 0,
                Alignment::Center => (area.width / 2).saturating_sub(used / 2),
                Alignment::Right => area.width.saturating_sub(used),
            };
            let columns =
                (area.left().saturating_add(offset)..area.right()).step_by(usize::from(width));
            for (c, x) in line.chars().zip(columns) {
                let cell = Rect::new(x, y, width, height).intersection(area);
                buf.set_style(cell, self.style);
                let Some(glyph) = glyph(c) else { continue };
                for (dy, row) in (cell.top()..cell.bottom()).enumerate() {
                    for (dx, col) in (cell.left()..cell.right()).enumerate() {
                        let symbol = self.size.symbol(
                            &glyph,
                            dy * usize::from(step_y),
                            dx * usize::from(step_x),
                        );
                        buf[(col, row)].set_char(symbol);
                    }
                }
            }
        }
    }
}

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

/// The size and lines at which `text` fits `area` in big letters, if any. A text
/// with a character the font does not have (an emoji) is never big: it would
/// show a hole.
pub fn fit(text: &str, area: Rect) -> Option<(Size, Vec<String>, u16)> {
    if !text
        .chars()
        .all(|c| c.is_whitespace() || glyph(c).is_some())
    {
        return None;
    }
    SIZES.iter().find_map(|&size| {
        let (w, h) = size.cells();
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
            let big = Big {
                lines: &lines,
                size,
                style,
                alignment,
            };
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
            Some((Size::Full, _, 8))
        ));
        let low = Rect::new(0, 0, 160, 4);
        assert!(matches!(
            fit("Vad är svårt?", low),
            Some((Size::HalfHeight, _, 4))
        ));
        let tiny = Rect::new(0, 0, 20, 3);
        assert!(fit("Vad är svårt?", tiny).is_none());
        assert!(fit("Fika ☕", wide).is_none(), "no hole where the emoji is");
    }

    /// Row `y` of glyph `n` of `text` drawn at the largest size.
    fn glyph_row(text: &str, n: u16, y: u16) -> String {
        use ratatui::{Terminal, backend::TestBackend};
        let mut terminal = Terminal::new(TestBackend::new(80, 8)).unwrap();
        terminal
            .draw(|f| {
                render(f, f.area(), text, Style::default(), Alignment::Left);
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..8).map(|x| buffer[(n * 8 + x, y)].symbol()).collect()
    }

    #[test]
    fn the_dash_is_drawn_and_å_has_a_ring() {
        assert_eq!(glyph_row("a – b", 2, 3), "███████ ", "the en dash");
        assert_eq!(glyph_row("på", 1, 0), "  ██    ");
        assert_eq!(glyph_row("på", 1, 1), " █  █   ", "a ring, with its hole");
        assert_eq!(glyph_row("på", 1, 2), "  ██    ");
        assert_eq!(glyph_row("Å", 0, 1), " █  █   ");
    }

    /// What the wall shows in big letters of the programs that come with the app
    /// is all in the font: nothing falls back to small letters, nothing is blank.
    #[test]
    fn the_built_in_programs_wall_texts_are_all_in_the_font() {
        for id in crate::programs::built_in_ids() {
            let program = crate::programs::load_built_in(id).unwrap();
            for (_, block) in program.blocks() {
                for text in [block.title.as_str(), block.prompt()] {
                    let missing: Vec<char> = text
                        .chars()
                        .filter(|c| !c.is_whitespace() && glyph(*c).is_none())
                        .collect();
                    assert!(missing.is_empty(), "{id}: {text:?} lacks {missing:?}");
                }
            }
        }
    }
}
