//! A scrolling stack of cards (a header line and wrapped text), laid out only as
//! far as the area shows, and scrolled so that the selected card is in view.

use std::borrow::Borrow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::theme;

pub struct Card<'a> {
    pub header: Line<'a>,
    pub body: Text<'a>,
    pub selected: bool,
}

impl Card<'_> {
    fn height(&self, width: u16) -> u16 {
        let body = Paragraph::new(self.body.clone()).wrap(Wrap { trim: false });
        let lines = body.line_count(width.saturating_sub(2)).max(1);
        u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(1)
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
        let marker = if card.selected { "▌" } else { " " };
        let mut header = card.header.clone();
        header.spans.insert(0, marker.into());
        let mut lines = vec![header];
        lines.extend(card.body.lines.iter().cloned().map(|mut l| {
            l.spans.insert(0, marker.into());
            l.spans.insert(1, " ".into());
            l
        }));
        let mut paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        if card.selected {
            paragraph = paragraph.style(theme::selected());
        }
        frame.render_widget(paragraph, rect);
        y = y.saturating_add(height + 1);
    }
}
