//! The wall: presentation mode and the live view on a second screen. Readable from
//! the back of the room: the question in big letters, answers as large cards,
//! the timer large, and none of the facilitator's controls.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use crate::i18n::{Msg, long_date, text};
use crate::model::{Answer, BlockKind, Session, Side, Slide, Speaker};
use crate::tr;
use crate::tui::screens::DrawCx;
use crate::tui::theme::{Palette, side_symbol};
use crate::tui::widgets::big;

use super::slides;

/// A card column is about this wide; the wall gets as many as fit.
const COLUMN_WIDTH: u16 = 44;
/// The most answers a wall is asked to lay out.
const MAX_CARDS: usize = 200;
/// The timer, large, takes "-00:00" at 8 columns a character.
const TIMER_WIDTH: u16 = 6 * 8;

pub fn render(v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
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
        Slide::Question if session.current_block().is_some_and(|b| b.shows_board) => {
            super::board::render(v, session, &palette, frame, area)
        }
        Slide::Question => question(v, session, &palette, frame, area),
        Slide::Comparison => comparison(v, session, &palette, frame, area),
        Slide::Agenda => slides::agenda(v, session, &palette, frame, area),
        Slide::Welcome => slides::welcome(v, session, &palette, frame, area),
        Slide::Results => slides::results(v, session, &palette, frame, area),
        Slide::Section => slides::section(v, session, &palette, frame, area),
        Slide::Actions => super::actions::render(v, session, &palette, frame, area),
        Slide::Board => super::board::render(v, session, &palette, frame, area),
    }
}

/// The block's title (small) and its timer (large) on one band; returns the rest.
fn header(
    v: &DrawCx,
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
            format!("  {}", day_of(v, session)),
            palette.text(palette.dim),
        ),
    ]);
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), title);
    let remaining = session.timer(&block.id).remaining(block.minutes, v.now);
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
pub(super) fn day_of(v: &DrawCx, session: &Session) -> String {
    let day = session.current_day();
    let mut s = tr!(
        v.lang,
        DayOf,
        n = day + 1,
        of = session.program().days.len()
    );
    if let Some(date) = session.date_of_day(day) {
        s.push_str(&format!(" · {}", long_date(v.lang, date)));
    }
    s
}

/// Big text in the top `height` rows of `area`; returns the area below it.
pub(super) fn big_then_rest(
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

fn question(v: &DrawCx, session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
    let Some(block) = session.current_block() else {
        return;
    };
    let rest = header(v, session, palette, frame, area);
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
    card_grid(v, session, palette, frame, cards, &answers);
}

fn comparison(v: &DrawCx, session: &Session, palette: &Palette, frame: &mut Frame<'_>, area: Rect) {
    let Some(block) = session.current_block() else {
        return;
    };
    let rest = header(v, session, palette, frame, area);
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
            side.label(v.lang).to_uppercase()
        );
        frame.render_widget(
            Paragraph::new(Span::styled(heading, palette.side(Some(side)))),
            head,
        );
        let theirs: Vec<&Answer> = session
            .answers_in(&block.id)
            .filter(|a| side_of(session, a.speaker) == Some(side))
            .collect();
        if theirs.is_empty() {
            let none = Span::styled(tr!(v.lang, WallNoAnswersYet), palette.text(palette.dim));
            frame.render_widget(Paragraph::new(none), body);
        }
        card_grid(v, session, palette, frame, body, &theirs);
    }
}

fn side_of(session: &Session, speaker: Speaker) -> Option<Side> {
    match speaker {
        Speaker::Participant(id) => session.participant(id).map(|p| p.side),
        Speaker::Group => None,
    }
}

/// Who spoke, as the room agreed to see it: the name (and side), the side only,
/// or nothing. The group is not a person and is always named.
pub(super) fn who(v: &DrawCx, session: &Session, speaker: Speaker) -> Option<String> {
    let settings = &session.progress().presentation;
    match (
        speaker,
        settings.anonymous,
        settings.show_side,
        side_of(session, speaker),
    ) {
        (Speaker::Group, ..) => Some(text(v.lang, Msg::Group).to_string()),
        (_, false, true, Some(side)) => Some(format!(
            "{} · {}",
            session.speaker_name(speaker, v.lang),
            side.label(v.lang)
        )),
        (_, false, ..) => Some(session.speaker_name(speaker, v.lang)),
        (_, true, true, Some(side)) => Some(side.label(v.lang).to_string()),
        (_, true, ..) => None,
    }
}

/// A card's title: the side's symbol and [`who`] spoke, and a star if marked.
fn card_title(v: &DrawCx, session: &Session, answer: &Answer) -> Option<String> {
    let symbol = side_symbol(side_of(session, answer.speaker));
    let star = if answer.marked { " ★" } else { "" };
    match who(v, session, answer.speaker) {
        Some(who) => Some(format!("{symbol} {who}{star}")),
        None => (!star.is_empty()).then(|| star.trim().to_string()),
    }
}

/// Answers as cards flowing down columns, the newest always visible: the oldest
/// are left out until the rest fit.
fn card_grid(
    v: &DrawCx,
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
        if let Some(title) = card_title(v, session, answer) {
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
