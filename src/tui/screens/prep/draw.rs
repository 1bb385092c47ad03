//! The preparation screen: details, participants and agenda, one tab each.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState, Tabs};

use super::{PrepTab, PrepUi};
use crate::model::{BlockKind, Session, clock};
use crate::tr;
use crate::tui::dialogs::draw::render_form;
use crate::tui::screens::DrawCx;
use crate::tui::theme;

/// A day longer than this gets a warning on the agenda tab.
const LONG_DAY_MINUTES: u32 = 10 * 60;

pub fn render(ui: &PrepUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let [tabs_area, body] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let titles = [
        tr!(v.lang, PrepDetails),
        tr!(v.lang, PrepParticipants, n = session.participants().len()),
        tr!(v.lang, PrepAgenda),
    ];
    let selected = match ui.tab {
        PrepTab::Details => 0,
        PrepTab::Participants => 1,
        PrepTab::Agenda => 2,
    };
    let heading = if ui.is_new {
        tr!(v.lang, PrepNewTitle)
    } else {
        tr!(v.lang, PrepTitle)
    };
    frame.render_widget(
        Paragraph::new(Line::styled(heading, theme::title())),
        Rect::new(tabs_area.x, tabs_area.y, tabs_area.width, 1),
    );
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .highlight_style(theme::current()),
        Rect::new(tabs_area.x, tabs_area.y + 1, tabs_area.width, 1),
    );
    let body = Rect::new(
        body.x + 1,
        body.y + 1,
        body.width.saturating_sub(2),
        body.height.saturating_sub(1),
    );
    match ui.tab {
        PrepTab::Details => {
            if let Some(form) = &ui.details {
                render_form(v, frame, body, form, false);
            }
        }
        PrepTab::Participants => participants(ui, v, session, frame, body),
        PrepTab::Agenda => agenda(ui, v, session, frame, body),
    }
}

fn participants(ui: &PrepUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    if session.participants().is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(tr!(v.lang, PrepNoParticipants), theme::dim())),
            area,
        );
        return;
    }
    let rows: Vec<Row<'_>> = session
        .participants()
        .iter()
        .map(|p| {
            let side = if p.observer {
                tr!(v.lang, Observer)
            } else {
                format!(
                    "{} {}",
                    theme::side_symbol(Some(p.side)),
                    p.side.label(v.lang)
                )
            };
            // The number its key gives in the workshop (observers have none).
            let number = session.number_of(p.id).map(|n| n.to_string());
            Row::new(vec![
                number.unwrap_or_default(),
                p.name.clone(),
                p.title.clone(),
                side,
                p.affiliation.clone(),
            ])
        })
        .collect();
    let header = Row::new(vec![
        "#".to_string(),
        tr!(v.lang, ColName),
        tr!(v.lang, ColTitle),
        tr!(v.lang, ColSide),
        tr!(v.lang, ColAffiliation),
    ])
    .style(theme::title());
    let widths = [
        Constraint::Length(3),
        Constraint::Fill(2),
        Constraint::Fill(2),
        Constraint::Length(14),
        Constraint::Fill(1),
    ];
    let mut state = TableState::default().with_selected(Some(ui.row));
    frame.render_stateful_widget(
        Table::new(rows, widths)
            .header(header)
            .row_highlight_style(theme::selected()),
        area,
        &mut state,
    );
}

fn agenda(ui: &PrepUi, v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let mut rows: Vec<Row<'_>> = Vec::new();
    let mut selected_row = 0;
    let mut block_index = 0;
    for (d, day) in session.program().days.iter().enumerate() {
        let name = if day.title.is_empty() {
            tr!(v.lang, Day, n = d + 1)
        } else {
            day.title.clone()
        };
        let (start, end) = (clock(day.start_minute()), clock(day.end_minute()));
        let heading = format!("{name} · {start}–{end}");
        let mut heading_cells = vec![Line::styled(heading, theme::title())];
        if day.planned_minutes() > LONG_DAY_MINUTES {
            heading_cells.push(Line::styled(tr!(v.lang, PrepDayTooLong), theme::warning()));
        }
        rows.push(Row::new(vec![Line::raw(""), heading_cells.remove(0)]));
        for line in heading_cells {
            rows.push(Row::new(vec![Line::raw(""), line]));
        }
        for slot in day.schedule() {
            let b = slot.block;
            if block_index == ui.row {
                selected_row = rows.len();
            }
            block_index += 1;
            let time = if b.skipped {
                tr!(v.lang, Skipped)
            } else {
                format!("{}–{}", clock(slot.start), clock(slot.end))
            };
            let style = if b.skipped || b.kind == BlockKind::Break {
                theme::dim()
            } else {
                ratatui::style::Style::default()
            };
            rows.push(
                Row::new(vec![
                    Line::raw(time),
                    Line::raw(b.title.clone()),
                    Line::raw(format!("{} min", b.minutes)),
                ])
                .style(style),
            );
        }
    }
    let widths = [
        Constraint::Length(12),
        Constraint::Fill(1),
        Constraint::Length(8),
    ];
    let mut state = TableState::default().with_selected(Some(selected_row));
    frame.render_stateful_widget(
        Table::new(rows, widths).row_highlight_style(theme::selected()),
        area,
        &mut state,
    );
}
