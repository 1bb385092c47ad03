//! The voting screen: who is voting and how many dots they have left; the items
//! with everyone's dots (Politik / Verksamhet) and the voter's own; the result as
//! bars, split by side. While the result is hidden, only the voter's own dots.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::VotingUi;
use crate::model::{Item, Session, Side};
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme;
use crate::tui::widgets::bars::{self, Placement, Row, Styles};

/// How many of the top items the result has room for at most.
const CHART_ITEMS: usize = 8;

pub fn render(ui: &VotingUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let index = ui.index;
    let Some(voting) = session.votings().get(index) else {
        return;
    };
    let block_title = session
        .current_block()
        .map(|b| b.title.clone())
        .unwrap_or_default();
    let title = if voting.hidden {
        tr!(v.lang, VotingTitleHidden, block = block_title)
    } else {
        tr!(v.lang, VotingTitle, block = block_title)
    };
    let outer = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(title, theme::title()));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    if voting.items.is_empty() {
        frame.render_widget(
            Paragraph::new(tr!(v.lang, VotingNothing)).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let voters_width = (inner.width / 4).clamp(22, 34);
    let [voters, main] =
        Layout::horizontal([Constraint::Length(voters_width), Constraint::Fill(1)]).areas(inner);

    let people: Vec<ListItem<'_>> = session
        .answering()
        .enumerate()
        .filter_map(|(n, id)| {
            let p = session.participant(id)?;
            let left = session.dots_left(index, id);
            let dots = format!(
                "{}{}",
                "●".repeat(left as usize),
                "○".repeat((voting.dots_each - left) as usize)
            );
            Some(ListItem::new(Line::from(vec![
                Span::raw(format!("{:>2} ", n + 1)),
                Span::styled(
                    format!("{} ", theme::side_symbol(Some(p.side))),
                    theme::side(Some(p.side)),
                ),
                Span::raw(format!("{} ", p.name)),
                Span::styled(dots, theme::marked()),
            ])))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(ui.voter));
    frame.render_stateful_widget(
        List::new(people)
            .block(
                Block::default()
                    .borders(Borders::RIGHT)
                    .title(tr!(v.lang, VotingVoters))
                    .title_bottom(tr!(v.lang, VotingDotsEach, n = voting.dots_each)),
            )
            .highlight_style(theme::selected()),
        voters,
        &mut state,
    );

    // The result: a line a side for each item (and one for the rest), under its title.
    let shown = voting.items.len().min(CHART_ITEMS);
    let wanted = 2 * shown + usize::from(voting.items.len() > shown) + 1;
    let chart_height = u16::try_from(wanted)
        .unwrap_or(u16::MAX)
        .min(main.height / 2)
        .max(3);
    let [list, chart] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(chart_height)]).areas(main);
    let ranking = session.ranking(index);
    let voter = session.voter(ui.voter);
    let items: Vec<ListItem<'_>> = voting
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let r = ranking.iter().find(|r| r.item == *item);
            let (total, p, v) = r.map_or((0, 0, 0), |r| (r.total, r.politik, r.verksamhet));
            let mine = voter.map_or(0, |id| session.dots_on(index, id, *item));
            let star = if session.is_marked(*item) { "★ " } else { "" };
            let pick = match item {
                Item::Answer(id) if ui.picked.contains(id) => "[x] ",
                Item::Answer(_) => "[ ] ",
                Item::Proposal(_) => "[≡] ",
            };
            let text = session
                .item_text(*item)
                .unwrap_or_default()
                .replace('\n', " ");
            let mut spans = vec![Span::raw(format!("{:>2}. {pick}", n + 1))];
            if !voting.hidden {
                spans.push(Span::styled(
                    format!("{total:>2} ({p}/{v}) "),
                    theme::title(),
                ));
            }
            spans.extend([
                Span::styled(format!("{:<4}", "●".repeat(mine as usize)), theme::marked()),
                Span::styled(star.to_string(), theme::marked()),
                Span::raw(text),
            ]);
            ListItem::new(Line::from(spans))
        })
        .collect();
    let items_title = if voting.hidden {
        tr!(v.lang, VotingItemsHidden)
    } else {
        tr!(v.lang, VotingItems)
    };
    let mut state = ListState::default().with_selected(Some(ui.item));
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::default().title(items_title))
            .highlight_style(theme::selected()),
        list,
        &mut state,
    );

    let result = Block::default()
        .borders(Borders::TOP)
        .title(tr!(v.lang, VotingResult));
    let inner = result.inner(chart);
    frame.render_widget(result, chart);
    if voting.hidden {
        let hidden = Span::styled(tr!(v.lang, VotingResultHidden), theme::dim());
        frame.render_widget(Paragraph::new(hidden).wrap(Wrap { trim: true }), inner);
        return;
    }
    let rows: Vec<Row<'_>> = ranking
        .iter()
        .map(|r| Row {
            rank: r.rank,
            text: session.item_text(r.item).unwrap_or_default(),
            who: None,
            politik: r.politik,
            verksamhet: r.verksamhet,
        })
        .collect();
    let styles = Styles {
        text: ratatui::style::Style::default(),
        dim: theme::dim(),
        politik: theme::side(Some(Side::Politik)),
        verksamhet: theme::side(Some(Side::Verksamhet)),
    };
    bars::render(frame, inner, &rows, &styles, Placement::Beside, |n| {
        tr!(v.lang, BarsMore, n = n)
    });
}
