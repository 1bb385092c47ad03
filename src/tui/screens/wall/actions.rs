//! The wall's list of action items: what is to be done large enough to read
//! from the back of the room, who and by when beneath it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::draw::big_then_rest;
use crate::model::Session;
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::screens::actions::draw::details;
use crate::tui::theme::Palette;

pub(super) fn render(
    v: &DrawCx,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let items = session.action_items();
    let rest = big_then_rest(
        frame,
        area,
        (area.height / 4).max(1),
        &tr!(v.lang, ModeActions),
        palette.text(palette.accent),
        Alignment::Left,
    );
    if items.is_empty() {
        let none = Line::styled(tr!(v.lang, ActionsNone), palette.text(palette.dim));
        frame.render_widget(Paragraph::new(none).wrap(Wrap { trim: true }), rest);
        return;
    }
    let named = !session.progress().presentation.anonymous;
    let bold = palette.text(palette.fg).add_modifier(Modifier::BOLD);
    let mut lines = Vec::new();
    for (n, item) in items.iter().enumerate() {
        lines.push(Line::styled(format!("{}. {}", n + 1, item.what), bold));
        let about = details(v.lang, session, item, named);
        if !about.is_empty() {
            lines.push(Line::styled(
                format!("   {about}"),
                palette.text(palette.dim),
            ));
        }
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
}
