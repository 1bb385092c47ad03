//! Dialogs drawn over the screen: a picker, a yes/no question, a form.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use crate::i18n::text;
use crate::tr;
use crate::tui::app::Overlay;
use crate::tui::dialogs::form::{Field, Form, Value};
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
            // As tall as the question wraps to: a question is never cut off.
            let width = centred(area, 0).width.saturating_sub(2);
            let question = Paragraph::new(confirm.question.as_str()).wrap(Wrap { trim: true });
            let lines = u16::try_from(question.line_count(width)).unwrap_or(u16::MAX);
            let rect = centred(area, lines.max(1) + 3);
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
            // The box's width is known before its height: it is `centred`'s.
            let inner_width = centred(area, 0).width.saturating_sub(2);
            let value_width = inner_width.saturating_sub(label_width(v, form));
            let rows: u16 = form
                .fields
                .iter()
                .map(|f| value_height(f, value_width) + error_height(f, value_width))
                .sum();
            render_form(v, frame, centred(area, rows + 3), form, true);
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

/// A text field takes the lines its text wraps to, up to this many (then it
/// scrolls with the cursor while typed in, and ends in "…" when not).
const MAX_FIELD_LINES: u16 = 4;

fn label_width(v: &DrawCx, form: &Form) -> u16 {
    let widest = form
        .fields
        .iter()
        .map(|f| text(v.lang, f.label).chars().count());
    u16::try_from(widest.max().unwrap_or(0)).unwrap_or(u16::MAX) + 2
}

/// How many lines `field`'s value takes at `width`: a sentence is seen whole.
fn value_height(field: &Field, width: u16) -> u16 {
    let Value::Text { area, .. } = &field.value else {
        return 1;
    };
    // With room for the cursor after the last character.
    let shown = Paragraph::new(format!("{} ", area.lines().join(" "))).wrap(Wrap { trim: false });
    let lines = u16::try_from(shown.line_count(width)).unwrap_or(u16::MAX);
    lines.clamp(1, MAX_FIELD_LINES)
}

/// The lines under a field: its error, wrapped (a sentence is never cut), or one
/// blank line between fields.
fn error_height(field: &Field, width: u16) -> u16 {
    let Some(error) = &field.error else {
        return 1;
    };
    let lines = Paragraph::new(error.as_str())
        .wrap(Wrap { trim: true })
        .line_count(width);
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .clamp(1, MAX_FIELD_LINES)
}

/// A form: each field its label, its value on as many lines as it wraps to,
/// and a line for its error.
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
    let label_width = label_width(v, form);
    let value_width = inner.width.saturating_sub(label_width);
    let mut y = inner.y;
    for (i, field) in form.fields.iter().enumerate() {
        if y >= inner.y + inner.height {
            break;
        }
        let height = value_height(field, value_width).min(inner.bottom() - y);
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
        let value = Rect::new(inner.x + label.width, y, value_width, height);
        match &field.value {
            Value::Text { area, .. } if focused && !field.locked => {
                frame.render_widget(&**area, value)
            }
            Value::Text { area, .. } => render_text(frame, value, &area.lines().join(" ")),
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
        let below = error_height(field, value_width).min(inner.bottom() - value.bottom());
        if let Some(error) = &field.error {
            let below = Rect::new(value.x, value.bottom(), value.width, below);
            frame.render_widget(
                Paragraph::new(Span::styled(error.clone(), theme::warning()))
                    .wrap(Wrap { trim: true }),
                below,
            );
        }
        y = value.bottom() + below;
    }
}

/// A text not being typed in, wrapped into `area`; "…" says there is more.
fn render_text(frame: &mut Frame<'_>, area: Rect, value: &str) {
    let paragraph = Paragraph::new(value.to_string()).wrap(Wrap { trim: false });
    let cut = paragraph.line_count(area.width) > usize::from(area.height);
    frame.render_widget(paragraph, area);
    if cut && area.width > 0 && area.height > 0 {
        frame
            .buffer_mut()
            .set_string(area.right() - 1, area.bottom() - 1, "…", theme::dim());
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::i18n::Lang;
    use crate::tui::app::{Confirm, OnYes};

    /// A question of four lines keeps its keys beneath it, inside the box.
    #[test]
    fn a_yes_no_box_is_as_tall_as_its_question() {
        let question = "Ett ord som upprepas för att bli en lång fråga. ".repeat(5);
        let overlay = Overlay::Confirm(Confirm {
            question,
            on_yes: OnYes::Quit,
        });
        let tz = jiff::tz::TimeZone::UTC;
        let v = DrawCx {
            lang: Lang::Sv,
            now: jiff::Timestamp::UNIX_EPOCH,
            tz: &tz,
            editor: None,
        };
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
        terminal
            .draw(|frame| render(Some(&overlay), &v, frame, frame.area()))
            .unwrap();
        let screen = format!("{:?}", terminal.backend().buffer());
        assert!(screen.contains("j = ja · n = nej"), "{screen}");
    }
}
