//! The wall: presentation mode and the live view on a second screen. Readable from
//! the back of the room: the question in big letters, answers as large cards,
//! the timer large, and none of the facilitator's controls.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Direction, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, BorderType, Borders, Paragraph, Wrap};

use crate::i18n::{Msg, long_date, text};
use crate::model::{Answer, BlockKind, Session, Side, Slide, Speaker, clock};
use crate::tr;
use crate::tui::app::App;
use crate::tui::theme::{Palette, side_symbol};
use crate::tui::widgets::big;

/// A card column is about this wide; the wall gets as many as fit.
const COLUMN_WIDTH: u16 = 44;
/// The most answers a wall is asked to lay out.
const MAX_CARDS: usize = 200;
/// The timer, large, takes "-00:00" at 8 columns a character.
const TIMER_WIDTH: u16 = 6 * 8;

pub fn render(app: &App, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let settings = &session.progress().presentation;
    let palette = Palette::of(settings.theme);
    frame.render_widget(Block::default().style(palette.text(palette.fg)), area);
    let area = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    match settings.slide {
        Slide::Question => question(app, session, &palette, frame, area),
        Slide::Comparison => comparison(app, session, &palette, frame, area),
        Slide::Agenda => agenda(app, session, &palette, frame, area),
        Slide::Welcome => welcome(app, session, &palette, frame, area),
        Slide::Results => results(session, &palette, frame, area),
        Slide::Section => section(session, &palette, frame, area),
    }
}

/// The block's title (small) and its timer (large) on one band; returns the rest.
fn header(
    app: &App,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
) -> Rect {
    let Some(block) = session.current_block() else {
        return area;
    };
    let timer_height = if area.height >= 30 { 4 } else { 1 };
    let [band, rest] =
        Layout::vertical([Constraint::Length(timer_height + 1), Constraint::Fill(1)]).areas(area);
    let [title, timer] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(TIMER_WIDTH)]).areas(band);
    let line = Line::from(vec![
        Span::styled(
            block.title.clone(),
            palette.text(palette.accent).add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            format!("  {}", day_of(app, session)),
            palette.text(palette.dim),
        ),
    ]);
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), title);
    let remaining = session.timer(&block.id).remaining(block.minutes, app.now);
    let clock_text = format!(
        "{}{:02}:{:02}",
        if remaining < 0 { "+" } else { "" },
        remaining.abs() / 60,
        remaining.abs() % 60
    );
    let style = if remaining < 0 {
        palette.text(palette.warning)
    } else {
        palette.text(palette.fg)
    };
    big::render(frame, timer, &clock_text, style, Alignment::Right);
    rest
}

/// "Dag 1 av 2 · torsdag 12 mars 2026".
fn day_of(app: &App, session: &Session) -> String {
    let day = session.current_day();
    let mut s = tr!(
        app.lang,
        DayOf,
        n = day + 1,
        of = session.program().days.len()
    );
    if let Some(date) = session.date_of_day(day) {
        s.push_str(&format!(" · {}", long_date(app.lang, date)));
    }
    s
}

/// Big text in the top `height` rows of `area`; returns the area below it.
fn big_then_rest(
    frame: &mut Frame<'_>,
    area: Rect,
    height: u16,
    text: &str,
    style: ratatui::style::Style,
    alignment: Alignment,
) -> Rect {
    let used = big::render(frame, Rect { height, ..area }, text, style, alignment);
    Rect {
        y: area.y + used + 1,
        height: area.height.saturating_sub(used + 1),
        ..area
    }
}

fn question(app: &App, session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
    let Some(block) = session.current_block() else {
        return;
    };
    let rest = header(app, session, palette, frame, area);
    let max_question = (rest.height * 2 / 5).max(3);
    let cards = big_then_rest(
        frame,
        rest,
        max_question,
        block.prompt(),
        palette.text(palette.fg),
        Alignment::Left,
    );
    let answers: Vec<&Answer> = session.answers_in(&block.id).collect();
    if answers.is_empty() && block.kind == BlockKind::Break {
        return;
    }
    card_grid(app, session, palette, frame, cards, &answers);
}

fn comparison(app: &App, session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
    let Some(block) = session.current_block() else {
        return;
    };
    let rest = header(app, session, palette, frame, area);
    let below = big_then_rest(
        frame,
        rest,
        (rest.height / 4).max(2),
        block.prompt(),
        palette.text(palette.fg),
        Alignment::Left,
    );
    let columns = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
        .spacing(2)
        .split(below);
    for (side, column) in [Side::Politik, Side::Verksamhet]
        .into_iter()
        .zip(columns.iter())
    {
        let [head, body] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(*column);
        let heading = format!(
            "{} {}",
            side_symbol(Some(side)),
            side.label(app.lang).to_uppercase()
        );
        frame.render_widget(
            Paragraph::new(Span::styled(heading, palette.side(Some(side)))),
            head,
        );
        let theirs: Vec<&Answer> = session
            .answers_in(&block.id)
            .filter(|a| side_of(session, a.speaker) == Some(side))
            .collect();
        card_grid(app, session, palette, frame, body, &theirs);
    }
}

fn agenda(app: &App, session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
    let day = session.current_day();
    let current = session.current_block().map(|b| b.id.clone());
    let heading_height = big::render(
        frame,
        Rect {
            height: (area.height / 4).max(1),
            ..area
        },
        &tr!(app.lang, AgendaTitle),
        palette.text(palette.accent),
        Alignment::Left,
    );
    let mut lines = vec![
        Line::styled(day_of(app, session), palette.text(palette.dim)),
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

fn welcome(app: &App, session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
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
        Line::styled(day_of(app, session), palette.text(palette.fg)),
    ];
    if !session.facilitator.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            tr!(app.lang, WelcomeFacilitator, name = session.facilitator),
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
fn results(session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
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
fn section(session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
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

fn side_of(session: &Session, speaker: Speaker) -> Option<Side> {
    match speaker {
        Speaker::Participant(id) => session.participant(id).map(|p| p.side),
        Speaker::Group => None,
    }
}

/// What a card says about who spoke, as the room agreed: the name and side, the
/// side only, or nothing. The group is not a person and is always named.
fn card_title(app: &App, session: &Session, answer: &Answer) -> Option<String> {
    let settings = &session.progress().presentation;
    let side = side_of(session, answer.speaker);
    let symbol = side_symbol(side);
    let star = if answer.marked { " ★" } else { "" };
    match (answer.speaker, settings.anonymous, settings.show_side, side) {
        (Speaker::Group, ..) => Some(format!("{symbol} {}{star}", text(app.lang, Msg::Group))),
        (_, false, true, Some(side)) => Some(format!(
            "{symbol} {} · {}{star}",
            session.speaker_name(answer.speaker, app.lang),
            side.label(app.lang)
        )),
        (_, false, _, _) => Some(format!(
            "{} {}{star}",
            symbol,
            session.speaker_name(answer.speaker, app.lang)
        )),
        (_, true, true, Some(side)) => Some(format!("{symbol} {}{star}", side.label(app.lang))),
        (_, true, _, _) => (!star.is_empty()).then(|| star.trim().to_string()),
    }
}

/// Answers as cards flowing down columns, the newest always visible: the oldest
/// are left out until the rest fit.
fn card_grid(
    app: &App,
    session: &Session,
    palette: &Palette,
    frame: &mut Frame<'_>,
    area: Rect,
    answers: &[&Answer],
) {
    if area.height < 3 || area.width < 10 || answers.is_empty() {
        return;
    }
    let columns = (area.width / COLUMN_WIDTH).max(1);
    // A card takes at least three rows (a line of text and its borders), so no
    // more than this many can show: only they are laid out (wrapping is what
    // costs), which keeps a keystroke on the wall far inside a frame.
    let can_show = usize::from(columns) * usize::from(area.height / 3);
    let answers = &answers[answers.len().saturating_sub(can_show.min(MAX_CARDS))..];
    let width = (area.width - (columns - 1)) / columns;
    let height_of = |a: &Answer| {
        let body = Paragraph::new(a.text.as_str()).wrap(Wrap { trim: false });
        let lines = u16::try_from(body.line_count(width.saturating_sub(4))).unwrap_or(u16::MAX);
        lines.saturating_add(2).min(area.height)
    };
    let heights: Vec<u16> = answers.iter().map(|a| height_of(a)).collect();
    // The first answer to show: as few left out as the space allows.
    let fits = |start: usize| {
        let (mut column, mut y) = (0, 0);
        for &h in &heights[start..] {
            if y + h > area.height {
                column += 1;
                y = 0;
            }
            if column >= columns {
                return false;
            }
            y += h;
        }
        true
    };
    let first = (0..answers.len())
        .find(|&s| fits(s))
        .unwrap_or(answers.len() - 1);
    let (mut column, mut y) = (0u16, 0u16);
    for (answer, &h) in answers[first..].iter().zip(&heights[first..]) {
        if y + h > area.height {
            column += 1;
            y = 0;
        }
        if column >= columns {
            break;
        }
        let rect = Rect::new(area.x + column * (width + 1), area.y + y, width, h);
        let side = side_of(session, answer.speaker);
        let border = if answer.marked {
            palette.marked
        } else {
            palette.dim
        };
        let mut card = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(palette.text(border))
            .padding(ratatui::widgets::Padding::horizontal(1));
        if let Some(title) = card_title(app, session, answer) {
            card = card.title(Span::styled(title, palette.side(side)));
        }
        frame.render_widget(
            Paragraph::new(answer.text.as_str())
                .style(palette.text(palette.fg))
                .wrap(Wrap { trim: false })
                .block(card),
            rect,
        );
        y += h;
    }
}
