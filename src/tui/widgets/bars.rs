//! A voting's result as bars: each item (most dots first) with its label first
//! and then a bar for each side's dots. The label stands above its bars on the
//! wall and beside them on the voting screen, never under them, where it would
//! read as the next item's; a label too long ends in "…".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::ellipsis::ellipsis;
use crate::model::Side;
use crate::tui::theme::side_symbol;

/// One item of the result.
pub struct Row<'a> {
    pub rank: usize,
    pub text: &'a str,
    /// Who said it, as the room may see it.
    pub who: Option<String>,
    pub politik: u32,
    pub verksamhet: u32,
}

pub struct Styles {
    pub text: Style,
    pub dim: Style,
    pub politik: Style,
    pub verksamhet: Style,
}

/// Where an item's label goes: on its own line above the bars (the wall), or
/// in a column beside them (the voting screen, where rows are few).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    Above,
    Beside,
}

/// The columns the bars stand in under a label placed above.
const INDENT: u16 = 3;

/// Draws as many items as `area` has room for, and, when some do not fit, a
/// last line `more(n)` saying how many were left out.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    rows: &[Row<'_>],
    styles: &Styles,
    placement: Placement,
    more: impl Fn(usize) -> String,
) {
    // Rows an item takes, and between items.
    let (height, gap) = match placement {
        Placement::Above => (3, 1),
        Placement::Beside => (2, 0),
    };
    let fits = |n: u16| n * height + n.saturating_sub(1) * gap;
    let mut shown = (0..=rows.len().min(usize::from(area.height)))
        .take_while(|&n| fits(n as u16) <= area.height)
        .last()
        .unwrap_or(0);
    // Room for the line saying how many more, after a gap.
    let with_more = |n: u16| fits(n) + u16::from(n > 0) * gap + 1;
    while shown > 0 && shown < rows.len() && with_more(shown as u16) > area.height {
        shown -= 1;
    }
    let (label_width, bar_x) = match placement {
        Placement::Above => (area.width, INDENT),
        Placement::Beside => {
            let label = (area.width * 2 / 5).clamp(10.min(area.width), 48);
            (label.saturating_sub(1), label)
        }
    };
    let most = rows
        .iter()
        .flat_map(|r| [r.politik, r.verksamhet])
        .max()
        .unwrap_or(0);
    let bar_area = Rect {
        x: area.x + bar_x.min(area.width),
        width: area.width.saturating_sub(bar_x),
        ..area
    };
    let mut y = area.y;
    for row in &rows[..shown] {
        let label = label_line(row, usize::from(label_width), styles);
        frame.render_widget(
            Paragraph::new(label),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
        let first_bar = match placement {
            Placement::Above => y + 1,
            Placement::Beside => y,
        };
        for (n, (value, side, style)) in [
            (row.politik, Side::Politik, styles.politik),
            (row.verksamhet, Side::Verksamhet, styles.verksamhet),
        ]
        .into_iter()
        .enumerate()
        {
            let line = bar_line(value, most, side, style, bar_area.width);
            let rect = Rect {
                y: first_bar + n as u16,
                height: 1,
                ..bar_area
            };
            frame.render_widget(Paragraph::new(line), rect);
        }
        y += height + gap;
    }
    if shown < rows.len() && with_more(shown as u16) <= area.height {
        let line = Line::styled(more(rows.len() - shown), styles.dim);
        let y = area.y + with_more(shown as u16) - 1;
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}

/// "2. Lokalfrågor: vem bestämmer…  Karin Lundberg", within `width`.
fn label_line<'a>(row: &Row<'_>, width: usize, styles: &Styles) -> Line<'a> {
    let rank = format!("{}. ", row.rank);
    let who = row
        .who
        .as_deref()
        .map(|w| ellipsis(w, width.saturating_sub(rank.width()) / 2));
    let who_width = who.as_ref().map_or(0, |w| w.width() + 2);
    let text = ellipsis(row.text, width.saturating_sub(rank.width() + who_width));
    let mut spans = vec![
        Span::styled(rank, styles.text),
        Span::styled(text, styles.text),
    ];
    if let Some(who) = who {
        spans.push(Span::styled(format!("  {who}"), styles.dim));
    }
    Line::from(spans)
}

/// "● ██████ 3": the side's symbol (the bar's meaning without its colour), the
/// bar scaled to the most dots any side has, and the count.
fn bar_line<'a>(value: u32, most: u32, side: Side, style: Style, width: u16) -> Line<'a> {
    let count = value.to_string();
    let room = usize::from(width).saturating_sub(3 + most.to_string().len());
    let length = match most {
        0 => 0,
        most => (value as usize * room).div_ceil(most as usize),
    };
    let bar = if length > 0 {
        format!("{} ", "█".repeat(length))
    } else {
        String::new()
    };
    Line::styled(format!("{} {bar}{count}", side_symbol(Some(side))), style)
}
