//! The wall's slides that show no answers: the day's agenda, the welcome, the
//! voting's result and the agreement section being written.

use ratatui::Frame;
use ratatui::layout::{Alignment, Direction, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Wrap};

use super::draw::{big_then_rest, day_of};
use crate::model::{BlockKind, Session, Side, clock};
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme::{Palette, side_symbol};
use crate::tui::widgets::big;

pub(super) fn agenda(
    v: &DrawCx,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let day = session.current_day();
    let current = session.current_block().map(|b| b.id.clone());
    let heading_height = big::render(
        frame,
        Rect {
            height: (area.height / 4).max(1),
            ..area
        },
        &tr!(v.lang, AgendaTitle),
        palette.text(palette.accent),
        Alignment::Left,
    );
    let mut lines = vec![
        Line::styled(day_of(v, session), palette.text(palette.dim)),
        Line::raw(""),
    ];
    let slots = session.program().days[day].schedule();
    let shown = slots.iter().filter(|s| !s.block.skipped).count();
    // Room to breathe between the lines when the whole day still fits.
    let spacious = usize::from(area.height) >= heading_height as usize + 4 + 2 * shown;
    for slot in slots {
        let b = slot.block;
        if b.skipped {
            continue;
        }
        let is_current = Some(&b.id) == current.as_ref();
        let mark = if is_current {
            "▶"
        } else if session.is_done(&b.id) {
            "✓"
        } else {
            " "
        };
        let style = if is_current {
            palette.text(palette.accent).add_modifier(Modifier::BOLD)
        } else if session.is_done(&b.id) || b.kind == BlockKind::Break {
            palette.text(palette.dim)
        } else {
            palette.text(palette.fg)
        };
        lines.push(Line::styled(
            format!(
                "{mark} {}–{}  {}",
                clock(slot.start),
                clock(slot.end),
                b.title
            ),
            style,
        ));
        if spacious {
            lines.push(Line::raw(""));
        }
    }
    let rest = Rect {
        y: area.y + heading_height + 1,
        height: area.height.saturating_sub(heading_height + 1),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).style(palette.text(palette.fg)), rest);
}

pub(super) fn welcome(
    v: &DrawCx,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let top = area.height / 5;
    let inner = Rect {
        y: area.y + top,
        height: area.height.saturating_sub(top),
        ..area
    };
    let used = big::render(
        frame,
        Rect {
            height: inner.height / 2,
            ..inner
        },
        &session.organisation,
        palette.text(palette.accent),
        Alignment::Center,
    );
    let mut lines = vec![
        Line::styled(
            session.title.clone(),
            palette.text(palette.fg).add_modifier(Modifier::BOLD),
        ),
        Line::raw(""),
        Line::styled(day_of(v, session), palette.text(palette.fg)),
    ];
    if !session.facilitator.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            tr!(v.lang, WelcomeFacilitator, name = session.facilitator),
            palette.text(palette.dim),
        ));
    }
    let rest = Rect {
        y: inner.y + used + 2,
        height: inner.height.saturating_sub(used + 2),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rest,
    );
}

/// The latest dot voting of the current block (else the latest of all), as bars
/// per item split by side, most dots first.
pub(super) fn results(session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
    let block = session
        .current_block()
        .map(|b| b.id.clone())
        .unwrap_or_default();
    let votings = session.votings();
    let Some(index) = votings
        .iter()
        .rposition(|v| v.block == block)
        .or_else(|| votings.len().checked_sub(1))
    else {
        return;
    };
    let title = session
        .program()
        .block(&votings[index].block)
        .map_or_else(String::new, |b| b.title.clone());
    let rest = big_then_rest(
        frame,
        area,
        (area.height / 5).max(1),
        &title,
        palette.text(palette.accent),
        Alignment::Left,
    );
    let label_width = usize::from(rest.width / 2);
    let groups: Vec<BarGroup<'_>> = session
        .ranking(index)
        .into_iter()
        .map(|r| {
            let text: String = session
                .item_text(r.item)
                .unwrap_or_default()
                .replace('\n', " ")
                .chars()
                .take(label_width)
                .collect();
            let bar = |value: u32, side: Side| {
                Bar::default()
                    .value(u64::from(value))
                    .text_value(format!("{} {value}", side_symbol(Some(side))))
                    .style(palette.side(Some(side)))
            };
            BarGroup::default()
                .label(Line::styled(
                    format!("{}. {text}", r.rank),
                    palette.text(palette.fg),
                ))
                .bars(&[
                    bar(r.politik, Side::Politik),
                    bar(r.verksamhet, Side::Verksamhet),
                ])
        })
        .collect();
    let mut chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .group_gap(1)
        .style(palette.text(palette.fg));
    for group in groups {
        chart = chart.data(group);
    }
    frame.render_widget(chart, rest);
}

/// The agreement section being written: its title large, and the group's text
/// (or, before there is any, the material) in bold.
pub(super) fn section(session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
    let draft = crate::model::draft_agreement::compile(session);
    let wanted = session.progress().presentation.section.clone();
    let Some((n, section)) = draft
        .sections
        .iter()
        .enumerate()
        .find(|(_, s)| Some(&s.id) == wanted.as_ref())
        .or_else(|| draft.sections.iter().enumerate().next())
    else {
        return;
    };
    let rest = big_then_rest(
        frame,
        area,
        (area.height / 3).max(1),
        &format!("{}. {}", n + 1, section.title),
        palette.text(palette.accent),
        Alignment::Left,
    );
    let lines: Vec<Line<'_>> = if section.agreed.is_empty() {
        section
            .items
            .iter()
            .map(|i| Line::styled(format!("• {}", i.text), palette.text(palette.dim)))
            .collect()
    } else {
        section
            .agreed
            .lines()
            .map(|l| {
                Line::styled(
                    l.to_string(),
                    palette.text(palette.fg).add_modifier(Modifier::BOLD),
                )
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
}
