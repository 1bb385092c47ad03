//! The voting screen: who is voting and how many dots they have left; the items
//! with everyone's dots (Politik / Verksamhet) and the voter's own; the result as
//! a bar chart, split by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, List, ListItem, ListState, Paragraph, Wrap,
};

use super::VotingUi;
use crate::model::{Item, Session, Side};
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme;

/// How many of the top items the chart shows.
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
    let outer = Block::default().borders(Borders::TOP).title(Span::styled(
        tr!(v.lang, VotingTitle, block = block_title),
        theme::title(),
    ));
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

    let chart_height = (main.height / 3).clamp(6, 14);
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
            ListItem::new(Line::from(vec![
                Span::raw(format!("{:>2}. {pick}", n + 1)),
                Span::styled(format!("{total:>2} ({p}/{v}) "), theme::title()),
                Span::styled(format!("{:<4}", "●".repeat(mine as usize)), theme::marked()),
                Span::styled(star.to_string(), theme::marked()),
                Span::raw(text),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(ui.item));
    frame.render_stateful_widget(
        List::new(items)
            .block(Block::default().title(tr!(v.lang, VotingItems)))
            .highlight_style(theme::selected()),
        list,
        &mut state,
    );

    // The result: one group per item (rank order), a bar for each side.
    let groups: Vec<BarGroup<'_>> = ranking
        .iter()
        .take(CHART_ITEMS)
        .map(|r| {
            let n = voting
                .items
                .iter()
                .position(|i| *i == r.item)
                .map_or(0, |i| i + 1);
            let bar = |value: u32, side: Side| {
                Bar::default()
                    .value(u64::from(value))
                    .label(Line::raw(theme::side_symbol(Some(side))))
                    .style(side_style(side))
            };
            BarGroup::default()
                .label(Line::raw(format!("#{n} ({}.)", r.rank)))
                .bars(&[
                    bar(r.politik, Side::Politik),
                    bar(r.verksamhet, Side::Verksamhet),
                ])
        })
        .collect();
    let mut barchart = BarChart::default()
        .block(
            Block::default()
                .borders(Borders::TOP)
                .title(tr!(v.lang, VotingResult)),
        )
        .bar_width(3)
        .group_gap(2);
    for group in groups {
        barchart = barchart.data(group);
    }
    frame.render_widget(barchart, chart);
}

fn side_style(side: Side) -> Style {
    theme::side(Some(side))
}
