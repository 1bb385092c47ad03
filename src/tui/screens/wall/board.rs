//! The board on the wall: SKR's figure of who owns a question, three columns
//! — politik (vad och när), the golden zone, verksamhet (hur och vem) — with
//! the current block's items the facilitator has placed in them (`b` in the
//! workshop). Before anything is placed, it is the figure itself.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::draw::big_then_rest;
use crate::model::board::Column;
use crate::model::{Session, Side};
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme::Palette;

pub(super) fn render(
    v: &DrawCx,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let rest = big_then_rest(
        frame,
        area,
        (area.height / 4).max(1),
        &tr!(v.lang, BoardTitle),
        palette.text(palette.accent),
        Alignment::Left,
    );
    let placed = session
        .current_block()
        .map(|b| session.board(&b.id))
        .unwrap_or_default();
    let columns = Layout::horizontal([Constraint::Ratio(1, 3); 3]).split(rest);
    for ((column, items), area) in Column::ALL.into_iter().zip(placed).zip(columns.iter()) {
        // The two sides keep their colours; the zone between them is the accent.
        let colour = match column {
            Column::Politik => palette.side(Some(Side::Politik)),
            Column::Verksamhet => palette.side(Some(Side::Verksamhet)),
            Column::GoldenZone => palette.text(palette.accent).add_modifier(Modifier::BOLD),
        };
        let mut lines = vec![Line::styled(
            column.about(v.lang),
            palette.text(palette.dim),
        )];
        for item in items {
            lines.push(Line::raw(""));
            let text = session.item_text(item).unwrap_or_default();
            let bold = palette.text(palette.fg).add_modifier(Modifier::BOLD);
            lines.push(Line::styled(format!("• {text}"), bold));
        }
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(colour)
            .title(Line::styled(column.label(v.lang), colour))
            .style(palette.text(palette.fg));
        let inner = Rect {
            width: area.width.saturating_sub(2),
            ..*area
        };
        frame.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
            inner,
        );
    }
}
