//! The agreement screen: sections with their status on the left; on the right the
//! material compiled from the workshop (with who said it and its dots) and the
//! text the group writes.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::{AgreementUi, material};
use crate::i18n::{Msg, date_text, text};
use crate::model::Session;
use crate::model::draft_agreement::{Draft, DraftSection};
use crate::tr;
use crate::tui::editor;
use crate::tui::screens::DrawCx;
use crate::tui::screens::actions::draw::action_cards;
use crate::tui::theme;
use crate::tui::widgets::cards::{self, Card, Entry};
use crate::tui::widgets::ellipsis::ellipsis;

/// Parties, organisation, date, version and next review: the agreement's
/// header, as a paragraph wrapped to `width`.
fn header(v: &DrawCx, draft: &Draft, which: Option<String>) -> Paragraph<'static> {
    let lang = v.lang;
    let date = |d: Option<jiff::civil::Date>| d.map(|d| date_text(lang, d)).unwrap_or_default();
    let parties: Vec<String> = draft.parties.iter().map(|p| p.name.clone()).collect();
    let parties = if parties.is_empty() {
        tr!(lang, NoParty)
    } else {
        parties.join(", ")
    };
    let mut spans = Vec::new();
    if let Some(which) = which {
        spans.push(Span::styled(format!(" {which} ·"), theme::title()));
    }
    spans.extend([
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
    Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true })
}

pub fn render(ui: &AgreementUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let draft = ui.draft(session, v.lang);
    let list_width = (area.width / 3).clamp(26, 44);
    let [list, main] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Fill(1)]).areas(area);
    render_sections(ui, v, &draft, frame, list);
    let Some(section) = draft
        .sections
        .get(ui.section.min(draft.sections.len().saturating_sub(1)))
    else {
        return;
    };
    // With more than one agreement, which one this is comes first (`v` goes on).
    let which = session
        .agreements()
        .nth(1)
        .map(|_| ui.agreement(session).label(v.lang));
    let head = header(v, &draft, which);
    let head_height = u16::try_from(head.line_count(main.width)).unwrap_or(u16::MAX);
    let [head_area, title, body] = Layout::vertical([
        Constraint::Length(head_height.min(3)),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(main);
    frame.render_widget(head, head_area);
    let status = if section.done {
        Msg::DocDone
    } else {
        Msg::DocDraft
    };
    let title_line = Line::from(vec![
        Span::styled(format!(" {} ", section.title), theme::title()),
        Span::styled(format!("· {} ", text(v.lang, status)), theme::dim()),
    ]);
    frame.render_widget(Paragraph::new(title_line), title);
    // The material beside the text where there is room, above it where not.
    let (material, written) = if body.width >= 90 {
        let [m, w] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body);
        (m, w)
    } else {
        let editor = editor::height(v.editor, body.height).max(body.height / 3);
        let [m, w] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(editor)]).areas(body);
        (m, w)
    };
    render_material(ui, v, session, &draft, section, frame, material);
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

/// The sections, each with its state and how much material waits in it.
fn render_sections(ui: &AgreementUi, v: &DrawCx, draft: &Draft, frame: &mut Frame<'_>, area: Rect) {
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
            // The count stays; a long title ends in "…" before it.
            let count = format!(" ({})", s.items.len());
            let room = usize::from(area.width).saturating_sub(3 + count.chars().count());
            let title = ellipsis(&format!("{}. {}", i + 1, s.title), room);
            ListItem::new(Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::raw(title + &count),
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
        area,
        &mut state,
    );
}

/// The section's material still to be written in, the selected item marked,
/// then its action items.
fn render_material(
    ui: &AgreementUi,
    v: &DrawCx,
    session: &Session,
    draft: &Draft,
    section: &DraftSection,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let material = material(draft, ui.section);
    let mut block = Block::default().borders(Borders::ALL).title(tr!(
        v.lang,
        AgreementMaterial,
        n = material.len()
    ));
    if section.used > 0 {
        let used = Span::styled(tr!(v.lang, AgreementUsed, n = section.used), theme::ok());
        block = block.title_bottom(used);
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if material.is_empty() && section.actions.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(tr!(v.lang, AgreementNoMaterial), theme::dim()))
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let cards: Vec<Card<'_>> = material
        .iter()
        .enumerate()
        .map(|(i, (item, unplaced))| {
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
            if *unplaced {
                let label = format!(" · {}", tr!(v.lang, AgreementUnplaced));
                header.push(Span::styled(label, theme::dim()));
            }
            Card {
                header: Line::from(header),
                body: vec![Entry::plain(item.text.as_str())],
                selected: i == ui.item.min(material.len().saturating_sub(1)),
            }
        })
        .chain(action_cards(v.lang, session, &section.actions, None))
        .collect();
    cards::render(
        frame,
        inner,
        &cards,
        ui.item.min(cards.len().saturating_sub(1)),
    );
}
