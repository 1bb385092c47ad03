//! The start screen: saved sessions, and the way to a new one or the demo.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::tui::widgets::ellipsis::ellipsis;

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
    // The width beside the selection mark: a session that does not fit on one
    // line takes two (its name, then dates, answers and when it changed), each
    // cut with "…" rather than mid-word.
    let width = usize::from(list.width.saturating_sub(2));
    let items: Vec<ListItem<'_>> = ui
        .sessions
        .iter()
        .map(|s| match &s.line {
            Ok(l) => {
                let name = format!("{} – {}", l.organisation, l.title);
                let about = format!(
                    "{} · {} · {}",
                    l.dates,
                    tr!(v.lang, Answers, n = l.answers),
                    tr!(v.lang, Changed, time = v.clock(l.changed))
                );
                if name.width() + about.width() + 3 <= width {
                    ListItem::new(Line::from(vec![
                        Span::styled(name, theme::title()),
                        Span::raw(format!(" · {about}")),
                    ]))
                } else {
                    ListItem::new(vec![
                        Line::styled(ellipsis(&name, width), theme::title()),
                        Line::raw(ellipsis(&about, width)),
                    ])
                }
            }
            Err(reason) => ListItem::new(Line::styled(
                ellipsis(
                    &tr!(v.lang, ListUnreadable, file = s.name, reason = reason),
                    width,
                ),
                theme::warning(),
            )),
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
