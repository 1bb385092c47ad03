//! The answer being typed: a multi-line text area, who is speaking, and whether it
//! is a new answer or an edit of an existing one.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders};

use jiff::Timestamp;

use super::app::{App, Confirm, Effect, OnYes, Overlay};
use super::keymap::Command;
use super::screens::DrawCx;
use super::theme;
use crate::model::{AnswerId, Draft, MemoPart, Session, Speaker};
use crate::tr;

pub struct Editor {
    pub area: TextArea<'static>,
    pub block: String,
    pub speaker: Speaker,
    pub editing: Option<AnswerId>,
    /// Writing an agreement section's text instead of an answer.
    pub section: Option<String>,
    /// Which agreement that section is of.
    pub agreement: String,
    /// Material taken into the section's text: worked in once it is saved.
    pub taken: Vec<crate::model::Item>,
    /// Writing a part of the tjänsteskrivelse instead of an answer.
    pub memo: Option<MemoPart>,
    /// When the text last changed and was not yet kept as the draft.
    pub typed: Option<Timestamp>,
    /// Who the editor was opened for: when Tab gave the word to someone else,
    /// the round still comes back to them next.
    pub offered: Speaker,
    /// The text as it is saved (what it was opened with, empty for a new answer
    /// even when a draft brought text back): Esc asks before losing the rest.
    pub saved: String,
}

impl Editor {
    pub fn new(block: &str, speaker: Speaker, editing: Option<AnswerId>, text: &str) -> Editor {
        Editor {
            area: text_area(text),
            block: block.to_string(),
            speaker,
            editing,
            section: None,
            agreement: crate::model::MAIN.to_string(),
            taken: Vec::new(),
            memo: None,
            typed: None,
            offered: speaker,
            saved: text.to_string(),
        }
    }

    /// An editor bringing back a draft: `saved` is what the answer it edits
    /// says (or nothing, for a new one), not the draft's text.
    pub fn recovered(draft: &Draft, saved: &str) -> Editor {
        Editor {
            saved: saved.to_string(),
            ..Editor::new(&draft.block, draft.speaker, draft.editing, &draft.text)
        }
    }

    /// Writing the agreed text of a section of an agreement.
    pub fn for_section(agreement: &str, section: &str, text: &str) -> Editor {
        Editor {
            agreement: agreement.to_string(),
            section: Some(section.to_string()),
            ..Editor::new("", Speaker::Group, None, text)
        }
    }

    /// Writing a part of the memo.
    pub fn for_memo(part: MemoPart, text: &str) -> Editor {
        Editor {
            memo: Some(part),
            ..Editor::new("", Speaker::Group, None, text)
        }
    }

    /// Writing a document's text (an agreement section, a part of the memo)
    /// rather than someone's answer: no speaker, kept in place as it is typed.
    pub fn writes_document(&self) -> bool {
        self.section.is_some() || self.memo.is_some()
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_blank(&self) -> bool {
        self.area.lines().iter().all(|l| l.trim().is_empty())
    }

    /// Whether closing it would throw away something typed.
    pub fn has_unsaved_text(&self) -> bool {
        !self.is_blank() && self.text() != self.saved
    }

    /// A typed key; a change is noted for the idle draft.
    pub fn input(&mut self, key: ratatui::crossterm::event::KeyEvent, now: Timestamp) {
        if self.area.input(key) {
            self.typed = Some(now);
        }
    }

    /// Inserts pasted text as it is, line breaks included.
    pub fn paste(&mut self, text: &str, now: Timestamp) {
        self.area.insert_str(normalise_newlines(text));
        self.typed = Some(now);
    }

    /// The next (or previous) of `speakers` speaks.
    fn step_speaker(&mut self, speakers: &[Speaker], forward: bool) {
        let n = speakers.len();
        let i = speakers
            .iter()
            .position(|s| *s == self.speaker)
            .unwrap_or(0);
        let step = if forward { 1 } else { n - 1 };
        if let Some(next) = speakers.get((i + step) % n) {
            self.speaker = *next;
        }
    }
}

/// A word-wrapping text area holding `text`, with the cursor at its end.
pub fn text_area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(CursorMove::Bottom);
    area.move_cursor(CursorMove::End);
    area
}

/// Windows and old Macs paste `\r\n` and `\r`; the model keeps `\n` only.
pub fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The height `editor` wants in an area of `height` rows (0 when closed).
pub fn height(editor: Option<&Editor>, height: u16) -> u16 {
    editor.map_or(0, |e| {
        let lines = u16::try_from(e.area.lines().len()).unwrap_or(u16::MAX);
        lines.saturating_add(3).clamp(4, (height / 3).max(4))
    })
}

/// The text being typed, in a box titled with who is speaking (or the section).
pub fn draw(v: &DrawCx, session: &Session, frame: &mut Frame<'_>, area: Rect) {
    let Some(editor) = v.editor else {
        return;
    };
    let who = session.speaker_label(editor.speaker, v.lang);
    let section_title = editor
        .section
        .as_ref()
        .and_then(|id| session.section_title(id, v.lang));
    let title = match (section_title, editor.editing) {
        _ if editor.memo.is_some() => {
            let part = editor.memo.map(|p| p.label(v.lang)).unwrap_or_default();
            tr!(v.lang, EditorMemoTitle, part = part)
        }
        (Some(section), _) => tr!(v.lang, EditorSectionTitle, section = section),
        (None, Some(_)) => tr!(v.lang, EditorEditTitle, who = who),
        (None, None) => tr!(v.lang, EditorNewTitle, who = who),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::current())
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, area);
    frame.render_widget(&editor.area, inner);
}

/// How long typing must pause before the draft is saved.
const DRAFT_IDLE_SECS: i64 = 1;

impl App {
    pub(crate) fn editor_command(&mut self, command: Command) -> Vec<Effect> {
        let speakers = self.session.as_ref().map(Session::speakers);
        let Some(editor) = &mut self.editor else {
            return vec![];
        };
        match command {
            Command::SaveText => return self.save_text(),
            Command::NewLine => {
                editor.area.insert_newline();
                editor.typed = Some(self.now);
            }
            Command::NextFocus | Command::PrevFocus if !editor.writes_document() => {
                let speakers = speakers.unwrap_or_default();
                editor.step_speaker(&speakers, command == Command::NextFocus);
            }
            Command::Back if editor.has_unsaved_text() => {
                self.overlay = Some(Overlay::Confirm(Confirm {
                    question: tr!(self.lang, ConfirmDiscardText),
                    on_yes: OnYes::DiscardText,
                }));
            }
            Command::Back => return self.close_editor(),
            _ => {}
        }
        vec![]
    }

    /// Closes the editor, throwing away what was typed and its draft.
    pub(crate) fn close_editor(&mut self) -> Vec<Effect> {
        self.editor = None;
        if self.session.as_ref().is_some_and(|s| s.draft().is_some()) {
            return self.route(|_, cx| cx.change(|s| s.set_draft(None)));
        }
        vec![]
    }

    /// Confirms what was typed through the screen it belongs to: a section's text
    /// to the agreement, a part's to the memo, an answer to the workshop (which may open the editor again
    /// for the next in the round). A refused answer stays in the editor.
    fn save_text(&mut self) -> Vec<Effect> {
        let Some(editor) = self.editor.take() else {
            return vec![];
        };
        if editor.section.is_some() {
            return self.route(|s, cx| s.agreement.save_section(cx, &editor));
        }
        if editor.memo.is_some() {
            return self.route(|s, cx| s.memo.save(cx, &editor));
        }
        let (saved, effects) = self.within(|s, cx| s.workshop.save_answer(cx, &editor));
        match saved {
            Some(mut first) => {
                first.extend(effects);
                first
            }
            None => {
                self.editor = Some(editor);
                effects
            }
        }
    }

    /// Keeps the text being typed in the session once typing pauses, and saves it.
    pub(crate) fn draft_if_idle(&mut self) -> Vec<Effect> {
        let now = self.now;
        let Some(editor) = &mut self.editor else {
            return vec![];
        };
        let Some(typed) = editor.typed else {
            return vec![];
        };
        if now.as_second() - typed.as_second() < DRAFT_IDLE_SECS {
            return vec![];
        }
        editor.typed = None;
        // A section's text is the group's own, and a part of the memo the
        // user's: each is kept in place as it is written.
        if let Some(part) = editor.memo {
            let text = editor.text();
            return self.route(|_, cx| crate::tui::screens::memo::MemoUi::keep(cx, part, &text));
        }
        if let Some(section) = editor.section.clone() {
            let (agreement, text) = (editor.agreement.clone(), editor.text());
            return self.route(|_, cx| {
                cx.change(|s| {
                    let _ = s.set_section_text(&agreement, &section, &text, now);
                })
            });
        }
        let draft = crate::model::Draft {
            block: editor.block.clone(),
            speaker: editor.speaker,
            text: editor.text(),
            editing: editor.editing,
        };
        self.route(|_, cx| cx.change(|s| s.set_draft(Some(draft))))
    }
}
