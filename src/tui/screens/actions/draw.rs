//! The action items as cards: what in the body; who, by when and where it came
//! up in the header. The workshop's follow-up block and the agreement's section
//! draw the same cards.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::ActionsUi;
use crate::i18n::{Lang, Quoted};
use crate::model::{ActionItem, Session};
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme;
use crate::tui::widgets::cards::{self, Card, Entry};

pub fn render(ui: &ActionsUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let items = session.action_items();
    let outer = Block::default().borders(Borders::TOP).title(Span::styled(
        tr!(v.lang, ActionsTitle, n = items.len()),
        theme::title(),
    ));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    if items.is_empty() {
        let none = Span::styled(tr!(v.lang, ActionsNone), theme::dim());
        frame.render_widget(Paragraph::new(none).wrap(Wrap { trim: true }), inner);
        return;
    }
    let cards = action_cards(v.lang, session, items, Some(ui.selected));
    cards::render(frame, inner, &cards, ui.selected);
}

/// One card per item, `selected` marked.
pub(crate) fn action_cards<'a>(
    lang: Lang,
    session: &Session,
    items: &'a [ActionItem],
    selected: Option<usize>,
) -> Vec<Card<'a>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| Card {
            header: Line::styled(details(lang, session, item, true), theme::title()),
            body: vec![Entry::plain(item.what.as_str())],
            selected: selected == Some(i),
        })
        .collect()
}

/// "ansvar: Per Åström · senast 2026-06-01 · från ”Vad är svårt?”"; without
/// who (`named` false) where names are hidden: a "who" is typed freely.
pub(crate) fn details(lang: Lang, session: &Session, item: &ActionItem, named: bool) -> String {
    let mut parts = Vec::new();
    if named {
        parts.push(match item.who.as_str() {
            "" => tr!(lang, ActionNoOne),
            who => tr!(lang, ActionWho, who = who),
        });
    }
    if let Some(date) = item.due {
        parts.push(tr!(lang, ActionDue, date = date));
    }
    let block = item
        .block
        .as_deref()
        .and_then(|id| session.program().block(id));
    if let Some(block) = block {
        parts.push(tr!(lang, ActionFrom, block = Quoted(lang, &block.title)));
    }
    parts.join(" · ")
}
