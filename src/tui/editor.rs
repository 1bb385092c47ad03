//! The answer being typed: a multi-line text area, who is speaking, and whether it
//! is a new answer or an edit of an existing one.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::model::{AnswerId, Speaker};

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
