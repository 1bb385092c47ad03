//! The workshop screen: the agenda beside the current block, its answers and the
//! editor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Focus, WorkshopUi};
use crate::i18n::{Lang, long_date, text};
use crate::model::{Answer, BlockKind, Session, Side, Speaker, View, clock};
use crate::tr;
use crate::tui::editor;
use crate::tui::screens::DrawCx;
use crate::tui::screens::actions::draw::action_cards;
use crate::tui::theme;
use crate::tui::widgets::cards::{self, Card, Entry};
use crate::tui::widgets::ellipsis::ellipsis;

pub fn render(ui: &WorkshopUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let agenda_width = (area.width / 4).clamp(24, 40);
    let [agenda, main] =
        Layout::horizontal([Constraint::Length(agenda_width), Constraint::Fill(1)]).areas(area);
    render_agenda(ui, v, session, frame, agenda);
    let editor_height = editor::height(v.editor, main.height);
    let [block_area, editor_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(editor_height)]).areas(main);
    render_block(ui, v, session, frame, block_area);
    editor::draw(v, session, frame, editor_area);
}

fn render_agenda(
    ui: &WorkshopUi,
    v: &DrawCx,
    session: &Session,
    frame: &mut Frame<'_>,
    area: Rect,
) {
    let lang = v.lang;
    let current = session.current_block().map(|b| b.id.clone());
    let day = session.current_day();
    let border = focus_style(ui, Focus::Agenda);
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(border)
        .title(Span::styled(tr!(lang, AgendaTitle), theme::title()));
    let mut lines: Vec<Line<'_>> = Vec::new();
    let mut current_line = 0;
    for (d, program_day) in session.program().days.iter().enumerate() {
        let mut heading = tr!(lang, Day, n = d + 1);
        if let Some(date) = session.date_of_day(d) {
            heading = long_date(lang, date);
        }
        lines.push(Line::styled(heading, theme::title()));
        if d == day {
            lines.push(schedule_line(lang, session.minutes_behind(v.now)));
        }
        for slot in program_day.schedule() {
            let b = slot.block;
            let is_current = Some(&b.id) == current.as_ref();
            let (mark, style) = if is_current {
                current_line = lines.len();
                ("▶", theme::current())
            } else if session.is_done(&b.id) {
                ("✓", theme::dim())
            } else if b.skipped || b.kind == BlockKind::Break {
                (" ", theme::dim())
            } else {
                (" ", ratatui::style::Style::default())
            };
            let time = if b.skipped {
                "  –  ".to_string()
            } else {
                clock(slot.start)
            };
            // Mark, time and their spaces take 8 columns; the title the rest.
            let title = ellipsis(&b.title, usize::from(area.width.saturating_sub(9)));
            lines.push(Line::styled(format!("{mark} {time} {title}"), style));
        }
        lines.push(Line::raw(""));
    }
    let inner_height = usize::from(area.height.saturating_sub(1));
    let scroll = current_line.saturating_sub(inner_height / 2);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .scroll((u16::try_from(scroll).unwrap_or(0), 0));
    frame.render_widget(paragraph, area);
}

/// The border of a pane: bright when it has the keyboard's focus.
fn focus_style(ui: &WorkshopUi, pane: Focus) -> ratatui::style::Style {
    if ui.focus == pane {
        theme::current()
    } else {
        theme::dim()
    }
}

/// "12 min efter schemat", "3 min före schemat" or "enligt schemat".
fn schedule_line(lang: Lang, behind: i64) -> Line<'static> {
    match behind {
        0 => Line::styled(tr!(lang, OnSchedule), theme::ok()),
        b if b > 0 => Line::styled(tr!(lang, BehindSchedule, n = b), theme::warning()),
        b => Line::styled(tr!(lang, AheadOfSchedule, n = -b), theme::ok()),
    }
}

fn render_block(ui: &WorkshopUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let Some(block) = session.current_block() else {
        return;
    };
    let lang = v.lang;
    let day = &session.program().days[session.current_day()];
    let slot = day.schedule().into_iter().find(|s| s.block.id == block.id);
    let times = slot
        .map(|s| format!("{}–{}", clock(s.start), clock(s.end)))
        .unwrap_or_default();
    let timer = timer_span(v, session, &block.id, block.minutes);
    let title_line = Line::from(vec![
        Span::styled(format!("{times}  "), theme::dim()),
        Span::styled(block.title.clone(), theme::title()),
    ]);
    let mut head: Vec<Line<'_>> = vec![title_line, Line::from(timer)];
    if let Some(question) = &block.question {
        head.push(Line::styled(question.clone(), theme::current()));
    }
    if session.progress().show_guidance
        && let Some(guidance) = &block.guidance
    {
        head.push(Line::styled(guidance.clone(), theme::guidance()));
    }
    if block.kind == BlockKind::Question && session.answering().next().is_some() {
        let left = session.names_left_in_round(&block.id);
        let round = if left.is_empty() {
            tr!(lang, RoundDone)
        } else {
            tr!(lang, RoundLeft, names = left.join(", "))
        };
        head.push(Line::styled(round, theme::dim()));
    }
    let head_paragraph = Paragraph::new(head).wrap(Wrap { trim: true });
    let head_height = u16::try_from(head_paragraph.line_count(area.width.saturating_sub(1)))
        .unwrap_or(u16::MAX)
        .min(area.height / 2);
    let [head_area, answers_area] =
        Layout::vertical([Constraint::Length(head_height + 1), Constraint::Fill(1)]).areas(
            Rect::new(
                area.x + 1,
                area.y,
                area.width.saturating_sub(1),
                area.height,
            ),
        );
    frame.render_widget(head_paragraph, head_area);
    let answers_area = render_actions(v, session, block, frame, answers_area);
    let answers = session.current_answers();
    let view = session.progress().view;
    let view_name = match view {
        View::Arrival => tr!(lang, ViewArrival),
        View::Sides => tr!(lang, ViewSides),
        View::Participants => tr!(lang, ViewParticipants),
    };
    let border = focus_style(ui, Focus::Answers);
    let frame_block = Block::default()
        .borders(Borders::TOP)
        .border_style(border)
        .title(tr!(lang, AnswersTitle, n = answers.len(), view = view_name));
    let inner = frame_block.inner(answers_area);
    frame.render_widget(frame_block, answers_area);
    if answers.is_empty() {
        let empty = if block.takes_answers() {
            tr!(lang, NoAnswersYet)
        } else {
            tr!(lang, BreakBlock)
        };
        frame.render_widget(
            Paragraph::new(Span::styled(empty, theme::dim())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let selected = ui.selected;
    match view {
        View::Arrival => {
            let card = |i: usize| answer_card(v, session, answers[i], i == selected, true);
            cards::render_with(frame, inner, answers.len(), selected, card);
        }
        View::Sides => render_sides(ui, v, session, frame, inner, &answers),
        View::Participants => render_by_participant(ui, v, session, frame, inner, &answers),
    }
}

/// The block where the day's action items are gone through shows them under
/// its answers, the newest in view; returns the area left for the answers.
fn render_actions(
    v: &DrawCx,
    session: &Session,
    block: &crate::model::Block,
    frame: &mut Frame<'_>,
    area: Rect,
) -> Rect {
    let items = session.action_items();
    if !block.shows_action_items {
        return area;
    }
    let [answers, list] =
        Layout::vertical([Constraint::Fill(1), Constraint::Percentage(45)]).areas(area);
    let title = Line::from(vec![
        Span::styled(tr!(v.lang, ActionsTitle, n = items.len()), theme::title()),
        Span::styled(format!(" {} ", tr!(v.lang, ActionsHint)), theme::dim()),
    ]);
    let frame_block = Block::default().borders(Borders::TOP).title(title);
    let inner = frame_block.inner(list);
    frame.render_widget(frame_block, list);
    if items.is_empty() {
        let none = Span::styled(tr!(v.lang, ActionsNone), theme::dim());
        frame.render_widget(Paragraph::new(none).wrap(Wrap { trim: true }), inner);
    } else {
        let cards = action_cards(v.lang, session, items, None);
        cards::render(frame, inner, &cards, items.len() - 1);
    }
    answers
}

fn timer_span(v: &DrawCx, session: &Session, block: &str, minutes: u32) -> Vec<Span<'static>> {
    let timer = session.timer(block);
    let remaining = timer.remaining(minutes, v.now);
    let mm_ss = |s: i64| format!("{:02}:{:02}", s.abs() / 60, s.abs() % 60);
    let mut spans = if remaining >= 0 {
        vec![Span::styled(
            tr!(v.lang, TimerLeft, time = mm_ss(remaining)),
            theme::title(),
        )]
    } else {
        vec![Span::styled(
            tr!(v.lang, TimerOver, time = mm_ss(remaining)),
            theme::warning(),
        )]
    };
    if !timer.is_running() {
        spans.push(Span::styled(
            format!(" {}", tr!(v.lang, TimerPaused)),
            theme::dim(),
        ));
    }
    if !session.progress().bell {
        spans.push(Span::styled(
            format!(" {}", tr!(v.lang, BellOff)),
            theme::dim(),
        ));
    }
    spans
}

fn side_of(session: &Session, speaker: Speaker) -> Option<Side> {
    match speaker {
        Speaker::Participant(id) => session.participant(id).map(|p| p.side),
        Speaker::Group => None,
    }
}

fn answer_card<'a>(
    v: &DrawCx,
    session: &Session,
    answer: &'a Answer,
    selected: bool,
    with_side: bool,
) -> Card<'a> {
    let side = side_of(session, answer.speaker);
    let mut header = vec![Span::styled(
        format!("{} ", theme::side_symbol(side)),
        theme::side(side),
    )];
    // Under a side's column heading the side goes without saying.
    let name = if with_side {
        session.speaker_label(answer.speaker, v.lang)
    } else {
        session.speaker_name(answer.speaker, v.lang)
    };
    header.push(Span::styled(name, theme::side(side)));
    if answer.marked {
        header.push(Span::styled(
            format!(" ★ {}", tr!(v.lang, Marked)),
            theme::marked(),
        ));
    }
    if let Some(column) = session.board_column(crate::model::Item::Answer(answer.id)) {
        header.push(Span::styled(
            format!(" ▦ {}", column.label(v.lang)),
            theme::dim(),
        ));
    }
    Card {
        header: Line::from(header),
        body: vec![Entry::plain(answer.text.as_str())],
        selected,
    }
}

fn render_sides(
    ui: &WorkshopUi,
    v: &DrawCx,
    session: &Session,
    frame: &mut Frame<'_>,
    area: Rect,
    answers: &[&Answer],
) {
    let has_group = answers.iter().any(|a| a.speaker == Speaker::Group);
    let columns: Vec<Option<Side>> = if has_group {
        vec![Some(Side::Politik), Some(Side::Verksamhet), None]
    } else {
        vec![Some(Side::Politik), Some(Side::Verksamhet)]
    };
    let areas = Layout::horizontal(columns.iter().map(|_| Constraint::Fill(1)))
        .spacing(1)
        .split(area);
    for (column, rect) in columns.iter().zip(areas.iter()) {
        let label = match column {
            Some(side) => side.label(v.lang).to_uppercase(),
            None => text(v.lang, crate::i18n::Msg::Group).to_uppercase(),
        };
        let heading = Line::styled(
            format!("{} {label}", theme::side_symbol(*column)),
            theme::side(*column),
        );
        let [head, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(*rect);
        frame.render_widget(Paragraph::new(heading), head);
        let mine: Vec<(usize, &&Answer)> = answers
            .iter()
            .enumerate()
            .filter(|(_, a)| side_of(session, a.speaker) == *column)
            .collect();
        let selected = mine.iter().position(|(i, _)| *i == ui.selected);
        let cards: Vec<Card<'_>> = mine
            .iter()
            .map(|(i, a)| answer_card(v, session, a, *i == ui.selected, false))
            .collect();
        cards::render(frame, body, &cards, selected.unwrap_or(0));
    }
}

fn render_by_participant(
    ui: &WorkshopUi,
    v: &DrawCx,
    session: &Session,
    frame: &mut Frame<'_>,
    area: Rect,
    answers: &[&Answer],
) {
    let mut speakers: Vec<Speaker> = Vec::new();
    for a in answers {
        if !speakers.contains(&a.speaker) {
            speakers.push(a.speaker);
        }
    }
    let mut selected_card = 0;
    let cards: Vec<Card<'_>> = speakers
        .iter()
        .enumerate()
        .map(|(n, speaker)| {
            let side = side_of(session, *speaker);
            let theirs: Vec<(usize, &&Answer)> = answers
                .iter()
                .enumerate()
                .filter(|(_, a)| a.speaker == *speaker)
                .collect();
            let selected = theirs.iter().any(|(i, _)| *i == ui.selected);
            if selected {
                selected_card = n;
            }
            let body: Vec<Entry<'_>> = theirs
                .iter()
                .map(|(_, a)| Entry {
                    bullet: Span::raw(if a.marked { "★ " } else { "• " }),
                    text: Text::raw(a.text.as_str()),
                })
                .collect();
            Card {
                header: Line::styled(
                    format!(
                        "{} {}",
                        theme::side_symbol(side),
                        session.speaker_label(*speaker, v.lang)
                    ),
                    theme::side(side),
                ),
                body,
                selected,
            }
        })
        .collect();
    cards::render(frame, area, &cards, selected_card);
}
