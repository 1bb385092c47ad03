//! Drawing: reads the app's state and nothing else (no I/O, no changes).

mod help;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, SaveState, Screen};
use super::dialogs::draw;
use super::keymap::{self, Mode};
use super::screens::{DrawCx, actions, agreement, memo, prep, start, voting, wall, workshop};
use super::theme;
use crate::tr;

/// Below this the layout cannot be drawn sensibly; the screen says so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn render(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
        return;
    }
    if app.is_presenting()
        && let Some(session) = &app.session
    {
        render_wall(app, session, frame, area);
        return;
    }
    let status = status_line(app, area.width);
    let status_height = status.line_count(area.width).clamp(1, MAX_STATUS_LINES);
    let footer = footer_lines(app, area.width);
    let [body, status_area, footer_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::try_from(status_height).unwrap_or(1)),
        Constraint::Length(u16::try_from(footer.len()).unwrap_or(1)),
    ])
    .areas(area);
    let (v, screens) = (view(app), &app.screens);
    match (app.screen, &app.session) {
        (Screen::Start, _) => start::draw::render(&screens.start, &v, frame, body),
        (_, None) => {}
        (Screen::Prep, Some(s)) => prep::draw::render(&screens.prep, &v, s, frame, body),
        (Screen::Workshop | Screen::Follow, Some(s)) => {
            workshop::draw::render(&screens.workshop, &v, s, frame, body);
        }
        (Screen::Voting, Some(s)) => voting::draw::render(&screens.voting, &v, s, frame, body),
        (Screen::Actions, Some(s)) => actions::draw::render(&screens.actions, &v, s, frame, body),
        (Screen::Memo, Some(s)) => memo::draw::render(&screens.memo, &v, s, frame, body),
        (Screen::Agreement, Some(s)) => {
            agreement::draw::render(&screens.agreement, &v, s, frame, body);
        }
    }
    draw::render(app.overlay.as_ref(), &v, frame, body);
    if app.help {
        help::render(app, frame, body);
    }
    frame.render_widget(status, status_area);
    frame.render_widget(Paragraph::new(footer), footer_area);
}

/// The wall fills the screen: no status line, no key hints. The editor, a dialog
/// or the help appear over it only while the facilitator uses them; the live
/// view's notice (a vanished file) takes the bottom line.
fn render_wall(app: &App, session: &crate::model::Session, frame: &mut Frame<'_>, area: Rect) {
    let v = view(app);
    wall::draw::render(&v, session, frame, area);
    let editor = super::editor::height(v.editor, area.height);
    if editor > 0 {
        let rect = Rect::new(area.x, area.bottom() - editor, area.width, editor);
        super::editor::draw(&v, session, frame, rect);
    }
    if let (Some(notice), Screen::Follow) = (&app.notice, app.screen) {
        let line = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(notice.clone(), theme::warning())),
            line,
        );
    }
    draw::render(app.overlay.as_ref(), &v, frame, area);
    if app.help {
        help::render(app, frame, area);
    }
}

/// What the screens' drawing may read of the app.
fn view(app: &App) -> DrawCx<'_> {
    DrawCx {
        lang: app.lang,
        now: app.now,
        tz: &app.tz,
        editor: app.editor.as_ref(),
    }
}

fn too_small(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let text = tr!(
        app.lang,
        TooSmall,
        width = area.width,
        height = area.height,
        min_width = MIN_WIDTH,
        min_height = MIN_HEIGHT
    );
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// The status line takes up to this many lines, so that a reason why saving
/// failed is never cut off; a status that fits takes one.
const MAX_STATUS_LINES: usize = 3;

/// What is going on, how saving goes, and the mode at the right edge. When that
/// does not fit the width, the save's state comes first and the text wraps.
fn status_line(app: &App, width: u16) -> Paragraph<'static> {
    let save = match &app.save {
        SaveState::Failed(message) => Span::styled(
            tr!(app.lang, StatusSaveFailed, reason = message),
            theme::warning(),
        ),
        _ if app.dirty && app.path.is_some() => {
            Span::styled(tr!(app.lang, StatusSaving), theme::dim())
        }
        SaveState::Saved(t) => Span::styled(
            tr!(app.lang, StatusSaved, time = view(app).clock(*t)),
            theme::ok(),
        ),
        SaveState::Idle => Span::raw(""),
    };
    let what = match (&app.notice, &app.session) {
        (Some(notice), _) => Span::styled(notice.clone(), theme::title()),
        (None, Some(s)) if app.screen != Screen::Start => {
            let name = [s.organisation.as_str(), s.title.as_str()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" – ");
            Span::raw(name)
        }
        _ => Span::raw("Samspel"),
    };
    let mode = Span::styled(mode_name(app), theme::dim());
    let used = what.width() + save.width() + 3;
    if used + mode.width() + 1 > usize::from(width) {
        let mut spans = vec![save, Span::raw(" · "), what];
        if spans[0].content.is_empty() {
            spans.drain(..2);
        }
        return Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true });
    }
    let mut spans = vec![what];
    if !save.content.is_empty() {
        spans.push(Span::raw(" · "));
        spans.push(save);
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let gap = usize::from(width).saturating_sub(used + mode.width() + 1);
    spans.push(Span::raw(" ".repeat(gap.max(1))));
    spans.push(mode);
    Paragraph::new(Line::from(spans))
}

fn mode_name(app: &App) -> String {
    use crate::i18n::Msg;
    let msg = match app.mode() {
        Mode::Start => Msg::ModeStart,
        Mode::Workshop => Msg::ModeWorkshop,
        Mode::Present => Msg::ModePresent,
        Mode::Follow => Msg::ModeFollow,
        Mode::Agreement => Msg::ModeAgreement,
        Mode::Voting => Msg::ModeVoting,
        Mode::Actions => Msg::ModeActions,
        Mode::Memo => Msg::ModeMemo,
        Mode::Editor | Mode::SectionEditor => Msg::ModeEditor,
        Mode::Picker | Mode::Confirm | Mode::Form => Msg::ModeDialog,
        Mode::PrepDetails | Mode::PrepParticipants | Mode::PrepAgenda => Msg::ModePrep,
        Mode::Help => Msg::ModeHelp,
    };
    crate::i18n::text(app.lang, msg).to_string()
}

/// The footer takes up to this many lines, so that every key a screen offers
/// there is seen at 80 columns too.
const MAX_FOOTER_LINES: usize = 4;

/// The keys that work right now, from the keymap, on as many lines as they
/// need (up to [`MAX_FOOTER_LINES`]); an item never breaks across lines. When
/// not all fit, the last place goes to `?`, which lists the rest.
fn footer_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let items: Vec<(String, &str, bool)> = keymap::bindings_for(app.mode(), true)
        .map(|b| {
            // Preparing the session that runs, Ctrl+S goes back rather than starts.
            let help = match b.command {
                keymap::Command::StartWorkshop if !app.screens.prep.is_new => {
                    crate::i18n::Msg::KeyBackToWorkshop
                }
                _ => b.help,
            };
            let help = crate::i18n::text(app.lang, help);
            (
                keymap::keys_label(b),
                help,
                b.command == keymap::Command::Help,
            )
        })
        .collect();
    let size =
        |(keys, help, _): &(String, &str, bool)| keys.chars().count() + help.chars().count() + 4;
    let mut lines: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 0;
    let mut all_fit = true;
    for (i, item) in items.iter().enumerate() {
        if used > 0 && used + size(item) > usize::from(width) {
            if lines.len() == MAX_FOOTER_LINES {
                all_fit = false;
                break;
            }
            lines.push(Vec::new());
            used = 0;
        }
        used += size(item);
        if let Some(line) = lines.last_mut() {
            line.push(i);
        }
    }
    if let (false, Some(help), Some(last)) =
        (all_fit, items.iter().position(|i| i.2), lines.last_mut())
    {
        last.retain(|&i| i != help);
        while !last.is_empty()
            && last.iter().map(|&i| size(&items[i])).sum::<usize>() + size(&items[help])
                > usize::from(width)
        {
            last.pop();
        }
        last.push(help);
    }
    lines
        .into_iter()
        .map(|line| {
            let spans = line.into_iter().flat_map(|i| {
                let (keys, help, _) = &items[i];
                [
                    Span::styled(keys.clone(), theme::key()),
                    Span::raw(format!(" {help}   ")),
                ]
            });
            Line::from(spans.collect::<Vec<_>>())
        })
        .collect()
}
