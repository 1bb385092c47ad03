//! A scrolling stack of cards (a header line and wrapped text), laid out only as
//! far as the area shows, and scrolled so that the selected card is in view.

use std::borrow::Borrow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::tui::theme;

pub struct Card<'a> {
    pub header: Line<'a>,
    pub body: Vec<Entry<'a>>,
    pub selected: bool,
}

/// A paragraph of a card after its bullet (or none): a line that wraps goes on
/// under the paragraph's text, not under the bullet or at the card's edge.
pub struct Entry<'a> {
    pub bullet: Span<'a>,
    pub text: Text<'a>,
}

impl<'a> Entry<'a> {
    pub fn plain(text: impl Into<Text<'a>>) -> Entry<'a> {
        Entry {
            bullet: Span::raw(""),
            text: text.into(),
        }
    }

    /// The columns before the text: the bullet's.
    fn indent(&self) -> u16 {
        u16::try_from(self.bullet.width()).unwrap_or(u16::MAX)
    }

    fn paragraph(&self) -> Paragraph<'a> {
        Paragraph::new(self.text.clone()).wrap(Wrap { trim: false })
    }

    /// The rows the entry takes in a card's text, `width` columns wide.
    fn height(&self, width: u16) -> u16 {
        let lines = self
            .paragraph()
            .line_count(width.saturating_sub(self.indent()));
        u16::try_from(lines).unwrap_or(u16::MAX)
    }
}

/// The columns before a card's text: the selection marker and a space.
const MARGIN: u16 = 2;

impl<'a> Card<'a> {
    /// The header, wrapped (a name and "★ markerat" may not fit one line).
    fn header(&self) -> Paragraph<'a> {
        Paragraph::new(self.header.clone()).wrap(Wrap { trim: true })
    }

    fn header_height(&self, width: u16) -> u16 {
        let lines = self.header().line_count(width.saturating_sub(1)).max(1);
        u16::try_from(lines).unwrap_or(u16::MAX)
    }

    fn height(&self, width: u16) -> u16 {
        let text = width.saturating_sub(MARGIN);
        let lines = self
            .body
            .iter()
            .fold(0u16, |sum, e| sum.saturating_add(e.height(text)));
        lines.max(1).saturating_add(self.header_height(width))
    }
}

/// The first card to draw so that `selected` is fully visible.
fn first_visible<'a, C: Borrow<Card<'a>>>(
    card: &impl Fn(usize) -> C,
    count: usize,
    selected: usize,
    area: Rect,
) -> usize {
    let mut used: u32 = 0;
    let mut first = selected.min(count.saturating_sub(1));
    for i in (0..=first).rev() {
        used += u32::from(card(i).borrow().height(area.width)) + 1;
        if used > u32::from(area.height) && i != first {
            break;
        }
        first = i;
    }
    first
}

pub fn render(frame: &mut Frame<'_>, area: Rect, cards: &[Card<'_>], selected: usize) {
    render_with(frame, area, cards.len(), selected, |i| &cards[i]);
}

/// As [`render`], for `count` cards that `card` makes one at a time: only
/// those the area shows are made. A block can hold hundreds of answers, and
/// making a card for each (its header, its text in lines) was a fifth of the
/// first frame of a session at 3,000 answers.
pub fn render_with<'a, C: Borrow<Card<'a>>>(
    frame: &mut Frame<'_>,
    area: Rect,
    count: usize,
    selected: usize,
    card: impl Fn(usize) -> C,
) {
    if count == 0 || area.height == 0 {
        return;
    }
    let mut y = area.y;
    let bottom = area.y + area.height;
    for i in first_visible(&card, count, selected, area)..count {
        if y >= bottom {
            break;
        }
        let made = card(i);
        let card = made.borrow();
        let height = card.height(area.width).min(bottom - y);
        let rect = Rect::new(area.x, y, area.width, height);
        render_card(frame, rect, card);
        y = y.saturating_add(height + 1);
    }
}

fn render_card(frame: &mut Frame<'_>, rect: Rect, card: &Card<'_>) {
    if card.selected {
        frame.render_widget(Block::default().style(theme::selected()), rect);
    }
    let marker = if card.selected { "▌" } else { " " };
    let markers: Vec<Line<'_>> = (0..rect.height).map(|_| Line::raw(marker)).collect();
    frame.render_widget(Paragraph::new(markers), Rect { width: 1, ..rect });
    let row = |y: u16, x: u16, height: u16| Rect {
        x: rect.x + x.min(rect.width),
        y,
        width: rect.width.saturating_sub(x),
        height,
    };
    let header = card.header_height(rect.width).min(rect.height);
    frame.render_widget(card.header(), row(rect.y, 1, header));
    let bottom = rect.bottom();
    let mut y = rect.y + header;
    for entry in &card.body {
        if y >= bottom {
            break;
        }
        frame.render_widget(Paragraph::new(entry.bullet.clone()), row(y, MARGIN, 1));
        let height = entry
            .height(rect.width.saturating_sub(MARGIN))
            .min(bottom - y);
        let text = row(y, MARGIN.saturating_add(entry.indent()), height);
        frame.render_widget(entry.paragraph(), text);
        y += height;
    }
}
