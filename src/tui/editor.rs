//! The answer being typed: a multi-line text area, who is speaking, and whether it
//! is a new answer or an edit of an existing one.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders};

use super::app::{App, Effect};
use super::theme;
use crate::model::{AnswerId, Speaker};
use crate::tr;

pub struct Editor {
    pub area: TextArea<'static>,
    pub block: String,
    pub speaker: Speaker,
    pub editing: Option<AnswerId>,
    /// Writing an agreement section's text instead of an answer.
    pub section: Option<String>,
}

impl Editor {
    pub fn new(block: &str, speaker: Speaker, editing: Option<AnswerId>, text: &str) -> Editor {
        Editor {
            area: text_area(text),
            block: block.to_string(),
            speaker,
            editing,
            section: None,
        }
    }

    /// Writing the agreed text of an agreement section.
    pub fn for_section(section: &str, text: &str) -> Editor {
        Editor {
            section: Some(section.to_string()),
            ..Editor::new("", Speaker::Group, None, text)
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_blank(&self) -> bool {
        self.area.lines().iter().all(|l| l.trim().is_empty())
    }

    /// Inserts pasted text as it is, line breaks included.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(normalise_newlines(text));
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

/// The height the editor wants in an area of `height` rows (0 when closed).
pub fn height(app: &App, height: u16) -> u16 {
    app.editor.as_ref().map_or(0, |e| {
        let lines = u16::try_from(e.area.lines().len()).unwrap_or(u16::MAX);
        lines.saturating_add(3).clamp(4, (height / 3).max(4))
    })
}

/// The answer being typed, in a box titled with who is speaking.
pub fn draw(app: &App, frame: &mut Frame<'_>, area: Rect) {
    let Some(editor) = &app.editor else {
        return;
    };
    let session = app.session.as_ref();
    let who = session.map_or_else(String::new, |s| s.speaker_label(editor.speaker, app.lang));
    let section_title = editor.section.as_ref().and_then(|id| {
        let session = app.session.as_ref()?;
        session.program().section(id).map(|s| s.title.clone())
    });
    let title = match (section_title, editor.editing) {
        (Some(section), _) => tr!(app.lang, EditorSectionTitle, section = section),
        (None, Some(_)) => tr!(app.lang, EditorEditTitle, who = who),
        (None, None) => tr!(app.lang, EditorNewTitle, who = who),
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
    /// Keeps the text being typed in the session once typing pauses, and saves it.
    pub(crate) fn draft_if_idle(&mut self) -> Vec<Effect> {
        let (Some(editor), Some(typed)) = (&self.editor, self.last_typed) else {
            return vec![];
        };
        if self.now.as_second() - typed.as_second() < DRAFT_IDLE_SECS {
            return vec![];
        }
        self.last_typed = None;
        // A section's text is the group's own: it is kept in place as it is written.
        if let Some(section) = editor.section.clone() {
            let text = editor.text();
            let now = self.now;
            return self.change(|s| {
                let _ = s.set_section_text(&section, &text, now);
            });
        }
        let draft = crate::model::Draft {
            block: editor.block.clone(),
            speaker: editor.speaker,
            text: editor.text(),
            editing: editor.editing,
        };
        self.change(|s| s.set_draft(Some(draft)))
    }
}
