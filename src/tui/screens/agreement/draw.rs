//! The agreement screen: sections with their status on the left; on the right the
//! material compiled from the workshop (with who said it and its dots) and the
//! text the group writes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::AgreementUi;
use crate::i18n::{Msg, date_text, text};
use crate::model::Session;
use crate::model::draft_agreement::{Draft, compile};
use crate::tr;
use crate::tui::editor;
use crate::tui::screens::DrawCx;
use crate::tui::screens::actions::draw::action_cards;
use crate::tui::theme;
use crate::tui::widgets::cards::{self, Card, Entry};

/// Parties, organisation, date, version and next review: the agreement's header.
fn render_header(v: &DrawCx, draft: &Draft, frame: &mut Frame<'_>, area: Rect) {
    let lang = v.lang;
    let date = |d: Option<jiff::civil::Date>| d.map(|d| date_text(lang, d)).unwrap_or_default();
    let parties: Vec<String> = draft.parties.iter().map(|p| p.name.clone()).collect();
    let parties = if parties.is_empty() {
        tr!(lang, NoParty)
    } else {
        parties.join(", ")
    };
    let line = Line::from(vec![
        Span::styled(format!(" {}: ", tr!(lang, DocParties)), theme::dim()),
        Span::styled(parties, theme::title()),
        Span::styled(
            format!(
                " · {} · {} · {} {} · {}: {}",
                draft.organisation,
                date(draft.date),
                tr!(lang, DocVersion),
                draft.version,
                tr!(lang, DocNextReview),
                date(draft.next_review)
            ),
            theme::dim(),
        ),
    ]);
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), area);
}

pub fn render(ui: &AgreementUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let draft = compile(session, v.lang);
    let list_width = (area.width / 3).clamp(26, 44);
    let [list, main] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
    let items: Vec<ListItem<'_>> = draft
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (mark, style) = if s.done {
                ("✓", theme::ok())
            } else {
                ("·", theme::dim())
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::raw(format!("{}. {} ({})", i + 1, s.title, s.items.len())),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(ui.section));
    frame.render_stateful_widget(
        List::new(items)
            .block(
                Block::default()
                    .borders(Borders::RIGHT)
                    .title(tr!(v.lang, AgreementSections)),
            )
            .highlight_style(theme::selected()),
        list,
        &mut state,
    );
    let Some(section) = draft
        .sections
        .get(ui.section.min(draft.sections.len().saturating_sub(1)))
    else {
        return;
    };
    let editor = editor::height(v.editor, main.height).max(main.height / 3);
    let [header, material, written] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(editor),
    ])
    .areas(main);
    render_header(v, &draft, frame, header);
    let status = if section.done {
        Msg::DocDone
    } else {
        Msg::DocDraft
    };
    let block = Block::default()
        .borders(Borders::BOTTOM)
        .title(Line::from(vec![
            Span::styled(format!(" {} ", section.title), theme::title()),
            Span::styled(format!("· {} ", text(v.lang, status)), theme::dim()),
        ]))
        .title_bottom(tr!(v.lang, AgreementMaterial, n = section.items.len()));
    let inner = block.inner(material);
    frame.render_widget(block, material);
    if section.items.is_empty() && section.actions.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(tr!(v.lang, AgreementNoMaterial), theme::dim())),
            inner,
        );
    } else {
        let cards: Vec<Card<'_>> = section
            .items
            .iter()
            .map(|item| {
                let names: Vec<String> = item
                    .speakers
                    .iter()
                    .map(|s| session.speaker_name(*s, v.lang))
                    .collect();
                let mut header = vec![Span::styled(names.join(", "), theme::title())];
                if item.score > 0 {
                    header.push(Span::styled(
                        format!(" · {}", tr!(v.lang, Dots, n = item.score)),
                        theme::marked(),
                    ));
                }
                Card {
                    header: Line::from(header),
                    body: vec![Entry::plain(item.text.as_str())],
                    selected: false,
                }
            })
            .chain(action_cards(v.lang, session, &section.actions, None))
            .collect();
        cards::render(frame, inner, &cards, 0);
    }
    if v.editor.is_some() {
        editor::draw(v, session, frame, written);
    } else {
        let body = if section.agreed.is_empty() {
            Paragraph::new(Span::styled(tr!(v.lang, AgreementNoText), theme::dim()))
        } else {
            Paragraph::new(section.agreed.as_str())
        };
        frame.render_widget(
            body.wrap(Wrap { trim: false }).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(tr!(v.lang, AgreementText)),
            ),
            written,
        );
    }
}
