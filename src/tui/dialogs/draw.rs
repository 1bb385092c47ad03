//! Dialogs drawn over the screen: a picker, a yes/no question, a form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::i18n::text;
use crate::tr;
use crate::tui::app::Overlay;
use crate::tui::dialogs::form::{Form, Value};
use crate::tui::dialogs::picker::Picker;
use crate::tui::screens::DrawCx;
use crate::tui::theme;

/// A box of `height` lines centred in `area`, at most 72 columns wide. Not
/// `Rect::centered`: that rounds the odd line below, this one above, and every
/// dialog the users know sits where this puts it.
pub fn centred(area: Rect, height: u16) -> Rect {
    let width = area.width.saturating_sub(4).min(72);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

pub fn render(overlay: Option<&Overlay>, v: &DrawCx, frame: &mut Frame<'_>, area: Rect) {
    match overlay {
        Some(Overlay::Picker(picker)) => render_picker(v, frame, area, picker),
        Some(Overlay::Confirm(confirm)) => {
            let rect = centred(area, 5);
            let block = Block::default()
                .borders(Borders::ALL)
                .title(tr!(v.lang, ConfirmTitle));
            let lines = vec![
                Line::raw(confirm.question.clone()),
                Line::styled(tr!(v.lang, ConfirmKeys), theme::key()),
            ];
            frame.render_widget(Clear, rect);
            frame.render_widget(
                Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
                rect,
            );
        }
        Some(Overlay::Form(form)) => {
            let height = u16::try_from(form.fields.len() * 2 + 3).unwrap_or(u16::MAX);
            render_form(v, frame, centred(area, height), form, true);
        }
        None => {}
    }
}

fn render_picker(v: &DrawCx, frame: &mut Frame<'_>, area: Rect, picker: &Picker) {
    let visible = picker.visible();
    let height = u16::try_from(visible.len() + 3)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centred(area, height.max(5));
    let filter = if picker.filter.is_empty() {
        tr!(v.lang, PickerHint)
    } else {
        format!("› {}", picker.filter)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(picker.title.clone())
        .title_bottom(filter);
    let items: Vec<ListItem<'_>> = visible
        .iter()
        .map(|(label, _)| ListItem::new(label.as_str()))
        .collect();
    let mut state = ListState::default().with_selected(Some(picker.selected));
    frame.render_widget(Clear, rect);
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme::selected())
            .highlight_symbol("▶ "),
        rect,
        &mut state,
    );
}

/// A form: each field a label line and a value line (or its error).
pub fn render_form(v: &DrawCx, frame: &mut Frame<'_>, rect: Rect, form: &Form, boxed: bool) {
    let inner = if boxed {
        let block = Block::default()
            .borders(Borders::ALL)
            .title(form.title.clone());
        frame.render_widget(Clear, rect);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        inner
    } else {
        rect
    };
    let label_width = form
        .fields
        .iter()
        .map(|f| text(v.lang, f.label).chars().count())
        .max()
        .unwrap_or(0) as u16
        + 2;
    for (i, field) in form.fields.iter().enumerate() {
        let y = inner.y + u16::try_from(i * 2).unwrap_or(u16::MAX);
        if y >= inner.y + inner.height {
            break;
        }
        let focused = i == form.focus;
        let label_style = if focused {
            theme::current()
        } else {
            theme::title()
        };
        let label = Rect::new(inner.x, y, label_width.min(inner.width), 1);
        frame.render_widget(
            Paragraph::new(Span::styled(text(v.lang, field.label), label_style)),
            label,
        );
        let value = Rect::new(
            inner.x + label.width,
            y,
            inner.width.saturating_sub(label.width),
            1,
        );
        match &field.value {
            Value::Text { area, .. } if focused && !field.locked => {
                frame.render_widget(&**area, value)
            }
            Value::Text { area, .. } => {
                frame.render_widget(Paragraph::new(area.lines().join(" ")), value);
            }
            Value::Choice { options, index } => {
                let shown = options.get(*index).cloned().unwrap_or_default();
                let shown = if field.locked {
                    shown
                } else {
                    format!("‹ {shown} ›")
                };
                frame.render_widget(Paragraph::new(shown), value);
            }
            Value::Toggle(on) => {
                let shown = if *on {
                    tr!(v.lang, Yes)
                } else {
                    tr!(v.lang, No)
                };
                frame.render_widget(Paragraph::new(format!("‹ {shown} ›")), value);
            }
        }
        if let Some(error) = &field.error {
            let below = Rect::new(value.x, y + 1, value.width, 1);
            if below.y < inner.y + inner.height {
                frame.render_widget(
                    Paragraph::new(Span::styled(error.clone(), theme::warning())),
                    below,
                );
            }
        }
    }
}
