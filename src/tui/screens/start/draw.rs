//! The start screen: saved sessions, and the way to a new one or the demo.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::StartUi;
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme;

pub fn render(ui: &StartUi, v: &DrawCx, frame: &mut Frame<'_>, area: Rect) {
    let skipped = skipped_line(ui, v);
    let [heading, list, foot] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Fill(1),
        Constraint::Length(u16::from(skipped.is_some()) * 2),
    ])
    .areas(area);
    if let Some(line) = skipped {
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), foot);
    }
    let title = vec![
        Line::styled(tr!(v.lang, AppTitle), theme::title()),
        Line::styled(tr!(v.lang, AppSubtitle), theme::dim()),
    ];
    frame.render_widget(Paragraph::new(title).wrap(Wrap { trim: true }), heading);
    let block = Block::default()
        .borders(Borders::TOP)
        .title(tr!(v.lang, StartSessions));
    if ui.sessions.is_empty() {
        let empty = Paragraph::new(tr!(v.lang, StartEmpty))
            .wrap(Wrap { trim: true })
            .block(block);
        frame.render_widget(empty, list);
        return;
    }
    let items: Vec<ListItem<'_>> = ui
        .sessions
        .iter()
        .map(|s| {
            let line = match &s.line {
                Ok(l) => Line::from(vec![
                    Span::styled(format!("{} – {}", l.organisation, l.title), theme::title()),
                    Span::raw(format!(
                        " · {} · {} · {}",
                        l.dates,
                        tr!(v.lang, Answers, n = l.answers),
                        tr!(v.lang, Changed, time = v.clock(l.changed))
                    )),
                ]),
                Err(reason) => Line::styled(
                    tr!(v.lang, ListUnreadable, file = s.name, reason = reason),
                    theme::warning(),
                ),
            };
            ListItem::new(line)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(ui.selected));
    let list_widget = List::new(items)
        .block(block)
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(list_widget, list, &mut state);
}

/// The entries of the data folder that were passed over, if any, in a sentence.
fn skipped_line(ui: &StartUi, v: &DrawCx) -> Option<Line<'static>> {
    let text = match ui.skipped {
        0 => return None,
        n => tr!(v.lang, ListSkipped, n = n),
    };
    Some(Line::styled(text, theme::dim()))
}
