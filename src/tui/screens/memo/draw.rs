//! The memo's parts as cards, in the order the memo reads: a part's heading,
//! whether it is the session's proposal or the user's text, and the text (a
//! proposal dimmer); the editor below while a part is written.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::MemoUi;
use crate::i18n::{Msg, text};
use crate::model::Session;
use crate::model::memo::{board, memo};
use crate::tr;
use crate::tui::editor;
use crate::tui::screens::DrawCx;
use crate::tui::theme;
use crate::tui::widgets::cards::{self, Card, Entry};

pub fn render(ui: &MemoUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let lang = v.lang;
    let memo = memo(session, lang);
    let outer = Block::default().borders(Borders::TOP).title(Span::styled(
        tr!(lang, MemoScreenTitle, board = board(session, lang)),
        theme::title(),
    ));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let editing = editor::height(v.editor, inner.height).max(inner.height / 2);
    let editing = if v.editor.is_some() { editing } else { 0 };
    let [hint, list, written] = Layout::vertical([
        Constraint::Length(hint_height(lang, inner.width)),
        Constraint::Fill(1),
        Constraint::Length(editing),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Span::styled(text(lang, Msg::MemoHint), theme::dim()))
            .wrap(Wrap { trim: true }),
        hint,
    );
    let selected = ui.selected.min(memo.parts.len().saturating_sub(1));
    let cards: Vec<Card<'_>> = memo
        .parts
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let (state, style) = match part.edited {
                true => (text(lang, Msg::MemoEdited), theme::ok()),
                false => (text(lang, Msg::MemoProposed), theme::dim()),
            };
            let header = Line::from(vec![
                Span::styled(part.part.label(lang), theme::title()),
                Span::styled(format!(" · {state}"), style),
            ]);
            let body = match (part.text.trim().is_empty(), part.edited) {
                (true, _) => Text::styled(text(lang, Msg::MemoBlank), theme::dim()),
                (false, true) => Text::raw(part.text.clone()),
                (false, false) => Text::styled(part.text.clone(), theme::dim()),
            };
            Card {
                header,
                body: vec![Entry::plain(body)],
                selected: i == selected,
            }
        })
        .collect();
    cards::render(frame, list, &cards, selected);
    if v.editor.is_some() {
        editor::draw(v, session, frame, written);
    }
}

/// The hint's rows: one where it fits, else as many as it wraps to.
fn hint_height(lang: crate::i18n::Lang, width: u16) -> u16 {
    let lines = Paragraph::new(text(lang, Msg::MemoHint))
        .wrap(Wrap { trim: true })
        .line_count(width)
        .max(1);
    u16::try_from(lines).unwrap_or(1).saturating_add(1)
}
