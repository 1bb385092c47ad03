//! The wall's slides that show no answers: the day's agenda, the welcome, the
//! voting's result and the agreement section being written.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::draw::{big_then_rest, day_of, who};
use crate::model::{BlockKind, Session, Side, clock};
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme::{Palette, side_symbol};
use crate::tui::widgets::bars::{self, Placement, Row, Styles};
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

/// The latest dot voting of the current block (else the latest of all): its
/// items, most dots first, each with its label above a bar for each side. While
/// the result is hidden, only how many have voted; before any voting, that
/// there is none.
pub(super) fn results(
    v: &DrawCx,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let current = session.current_block();
    let votings = session.votings();
    let index = votings
        .iter()
        .rposition(|voting| Some(voting.block.as_str()) == current.map(|b| b.id.as_str()))
        .or_else(|| votings.len().checked_sub(1));
    let title = match index {
        Some(i) => session.program().block(&votings[i].block),
        None => current,
    }
    .map_or_else(|| tr!(v.lang, ModeVoting), |b| b.title.clone());
    let rest = big_then_rest(
        frame,
        area,
        (area.height / 5).max(1),
        &title,
        palette.text(palette.accent),
        Alignment::Left,
    );
    let (message, detail) = match index.map(|i| (i, &votings[i])) {
        None => (tr!(v.lang, WallNoVoting), None),
        Some((_, voting)) if voting.items.is_empty() => (tr!(v.lang, WallNothingToVote), None),
        Some((i, voting)) if voting.hidden => {
            let done = session.voters_done(i);
            let of = session.answering().count();
            let detail = tr!(v.lang, WallVotersDone, n = done, of = of);
            (tr!(v.lang, WallVotingHidden), Some(detail))
        }
        Some((i, _)) => {
            result_bars(v, session, palette, frame, rest, i);
            return;
        }
    };
    let below = big_then_rest(
        frame,
        rest,
        (rest.height / 3).max(1),
        &message,
        palette.text(palette.fg),
        Alignment::Left,
    );
    if let Some(detail) = detail {
        frame.render_widget(
            Paragraph::new(Line::styled(detail, palette.text(palette.dim)))
                .wrap(Wrap { trim: true }),
            below,
        );
    }
}

/// A legend of the sides, and the items as bars labelled with what they say and
/// (as the room agreed) who said it.
fn result_bars(
    v: &DrawCx,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
    index: usize,
) {
    let legend: Vec<Span<'_>> = [Side::Politik, Side::Verksamhet]
        .into_iter()
        .map(|side| {
            Span::styled(
                format!("{} {}   ", side_symbol(Some(side)), side.label(v.lang)),
                palette.side(Some(side)),
            )
        })
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(legend)),
        Rect { height: 1, ..area },
    );
    let ranking = session.ranking(index);
    let rows: Vec<Row<'_>> = ranking
        .iter()
        .map(|r| {
            let mut names: Vec<String> = Vec::new();
            for name in session
                .item_speakers(r.item)
                .into_iter()
                .filter_map(|s| who(v, session, s))
            {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            Row {
                rank: r.rank,
                text: session.item_text(r.item).unwrap_or_default(),
                who: (!names.is_empty()).then(|| names.join(", ")),
                politik: r.politik,
                verksamhet: r.verksamhet,
            }
        })
        .collect();
    let styles = Styles {
        text: palette.text(palette.fg).add_modifier(Modifier::BOLD),
        dim: palette.text(palette.dim),
        politik: palette.side(Some(Side::Politik)),
        verksamhet: palette.side(Some(Side::Verksamhet)),
    };
    let below = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    bars::render(frame, below, &rows, &styles, Placement::Above, |n| {
        tr!(v.lang, BarsMore, n = n)
    });
}

/// The agreement section being written: its title large, and the group's text
/// (or, before there is any, the material) in bold.
pub(super) fn section(
    v: &DrawCx,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let shown = session.progress().presentation.agreement.as_deref();
    let agreement = shown.and_then(|id| session.agreement_of(id).ok());
    let agreement = agreement.unwrap_or(session.agreement());
    let draft = crate::model::draft_agreement::compile_agreement(session, agreement, v.lang);
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
