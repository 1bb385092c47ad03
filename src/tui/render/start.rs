//! The start screen: saved sessions, and the way to a new one or the demo.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::clock_time;
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme;

pub fn render(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let [heading, list] =
        Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(area);
    let title = vec![
        Line::styled(tr!(app.lang, AppTitle), theme::title()),
        Line::styled(tr!(app.lang, AppSubtitle), theme::dim()),
    ];
    frame.render_widget(Paragraph::new(title).wrap(Wrap { trim: true }), heading);
    let block = Block::default()
        .borders(Borders::TOP)
        .title(tr!(app.lang, StartSessions));
    if app.start.sessions.is_empty() {
        let empty = Paragraph::new(tr!(app.lang, StartEmpty))
            .wrap(Wrap { trim: true })
            .block(block);
        frame.render_widget(empty, list);
        return;
    }
    let items: Vec<ListItem<'_>> = app
        .start
        .sessions
        .iter()
        .map(|s| {
            let line = match &s.line {
                Ok(l) => Line::from(vec![
                    Span::styled(format!("{} – {}", l.organisation, l.title), theme::title()),
                    Span::raw(format!(
                        " · {} · {} · {}",
                        l.dates,
                        tr!(app.lang, Answers, n = l.answers),
                        tr!(app.lang, Changed, time = clock_time(app, l.changed))
                    )),
                ]),
                Err(reason) => Line::styled(
                    tr!(app.lang, ListUnreadable, file = s.name, reason = reason),
                    theme::warning(),
                ),
            };
            ListItem::new(line)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.start.selected));
    let list_widget = List::new(items)
        .block(block)
        .highlight_style(theme::selected())
        .highlight_symbol("▶ ");
    frame.render_stateful_widget(list_widget, list, &mut state);
}
