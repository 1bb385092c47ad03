//! `?`: every key that works where the user is, from the keymap. When one column
//! does not fit the height, the keys flow into two.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Row, Table};

use crate::i18n::text;
use crate::tr;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme;

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let rows: Vec<Row<'_>> = keymap::bindings_for(app.base_mode(), false)
        .map(|b| {
            Row::new(vec![
                Line::styled(keymap::keys_label(b), theme::key()),
                Line::raw(text(app.lang, b.help)),
            ])
        })
        .collect();
    let fits_one = rows.len() + 2 <= usize::from(area.height);
    let columns = if fits_one { 1 } else { 2 };
    let per_column = rows.len().div_ceil(columns);
    let height = u16::try_from(per_column + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let width = area.width.min(if fits_one { 72 } else { 120 });
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
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let key_width = if fits_one { 22 } else { 14 };
    let areas = Layout::horizontal(vec![Constraint::Fill(1); columns])
        .spacing(2)
        .split(inner);
    let mut rows = rows.into_iter();
    for column in areas.iter() {
        let chunk: Vec<Row<'_>> = rows.by_ref().take(per_column).collect();
        let table = Table::new(chunk, [Constraint::Length(key_width), Constraint::Fill(1)]);
        frame.render_widget(table, *column);
    }
}
