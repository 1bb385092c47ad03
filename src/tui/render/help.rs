//! `?`: every key that works where the user is, from the keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Row, Table};

use crate::i18n::text;
use crate::tr;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme;

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let mode = app.base_mode();
    let rows: Vec<Row<'_>> = keymap::bindings_for(mode, false)
        .map(|b| {
            Row::new(vec![
                Line::styled(keymap::keys_label(b), theme::key()),
                Line::raw(text(app.lang, b.help)),
            ])
        })
        .collect();
    let height = u16::try_from(rows.len() + 4)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let width = area.width.min(72);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr!(app.lang, HelpTitle))
        .title_bottom(tr!(app.lang, HelpClose));
    let table = Table::new(rows, [Constraint::Length(22), Constraint::Fill(1)]).block(block);
    frame.render_widget(Clear, rect);
    frame.render_widget(table, rect);
    if height < 5 {
        frame.render_widget(Paragraph::new(tr!(app.lang, HelpTitle)), rect);
    }
}
