//! Small forms: a few labelled fields, one focused. Used for participants, action
//! items, own questions and the session's details.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{CursorMove, TextArea};

use crate::i18n::{Lang, Msg, Quoted};
use crate::model::{ActionId, ParticipantId};
use crate::tr;
use crate::tui::editor::{normalise_newlines, text_area};
use jiff::civil::Date;

/// What a form is for, and so what saving it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A new action item from a block, or one edited (`id`).
    ActionItem {
        block: Option<String>,
        id: Option<ActionId>,
    },
    NewParticipant,
    EditParticipant(ParticipantId),
    OwnQuestion,
    Details,
    ProgramFile,
    Export,
    AgreementHeader,
    NewAgreement,
    Group,
}

pub enum Value {
    Text {
        area: Box<TextArea<'static>>,
        /// Offered with Alt+↓ (e.g. the common titles).
        suggestions: &'static [&'static str],
    },
    Choice {
        options: Vec<String>,
        index: usize,
    },
    Toggle(bool),
}

pub struct Field {
    pub label: Msg,
    pub value: Value,
    /// A sentence saying what is wrong with the value, shown under it.
    pub error: Option<String>,
    /// A field that cannot be changed any more (e.g. the program once answers exist).
    pub locked: bool,
    /// A day, "ÅÅÅÅ-MM-DD": checked as the focus leaves it.
    pub is_date: bool,
}

impl Field {
    pub fn text(label: Msg, text: &str) -> Field {
        Field::with(
            label,
            Value::Text {
                area: single_line(text),
                suggestions: &[],
            },
        )
    }

    pub fn suggest(label: Msg, text: &str, suggestions: &'static [&'static str]) -> Field {
        Field::with(
            label,
            Value::Text {
                area: single_line(text),
                suggestions,
            },
        )
    }

    /// A day, or empty; a day that does not exist is said as the field is left.
    pub fn date(label: Msg, text: &str) -> Field {
        Field {
            is_date: true,
            ..Field::text(label, text)
        }
    }

    pub fn choice(label: Msg, options: Vec<String>, index: usize) -> Field {
        Field::with(label, Value::Choice { options, index })
    }

    pub fn toggle(label: Msg, on: bool) -> Field {
        Field::with(label, Value::Toggle(on))
    }

    fn with(label: Msg, value: Value) -> Field {
        Field {
            label,
            value,
            error: None,
            locked: false,
            is_date: false,
        }
    }

    pub fn as_text(&self) -> String {
        match &self.value {
            Value::Text { area, .. } => area.lines().join(" ").trim().to_string(),
            Value::Choice { options, index } => options.get(*index).cloned().unwrap_or_default(),
            Value::Toggle(on) => on.to_string(),
        }
    }

    pub fn index(&self) -> usize {
        match &self.value {
            Value::Choice { index, .. } => *index,
            _ => 0,
        }
    }

    pub fn is_on(&self) -> bool {
        matches!(self.value, Value::Toggle(true))
    }
}

fn single_line(text: &str) -> Box<TextArea<'static>> {
    Box::new(text_area(&text.replace('\n', " ")))
}

/// Why a form cannot be saved: which field is wrong, and a sentence saying how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Msg,
    pub message: String,
}

impl FieldError {
    pub fn new(field: Msg, message: String) -> FieldError {
        FieldError { field, message }
    }
}

pub struct Form {
    pub purpose: Purpose,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Form {
    pub fn new(purpose: Purpose, title: String, fields: Vec<Field>) -> Form {
        Form {
            purpose,
            title,
            fields,
            focus: 0,
        }
    }

    /// The field labelled `key`: a form's fields each have a label of their own,
    /// and are found by it, never by their place.
    pub fn get(&self, key: Msg) -> Option<&Field> {
        let found = self.fields.iter().find(|f| f.label == key);
        debug_assert!(found.is_some(), "the form has no field {key:?}");
        found
    }

    /// Whether the form asks `key` at all (a field only some sessions need).
    pub fn has(&self, key: Msg) -> bool {
        self.fields.iter().any(|f| f.label == key)
    }

    pub fn get_mut(&mut self, key: Msg) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.label == key)
    }

    /// The text of the field `key` (trimmed, on one line).
    pub fn text(&self, key: Msg) -> String {
        self.get(key).map(Field::as_text).unwrap_or_default()
    }

    /// The option chosen in the choice field `key`.
    pub fn index(&self, key: Msg) -> usize {
        self.get(key).map_or(0, Field::index)
    }

    pub fn is_on(&self, key: Msg) -> bool {
        self.get(key).is_some_and(Field::is_on)
    }

    /// Shows the error under its field and moves the focus there.
    pub fn show_error(&mut self, error: FieldError) {
        if let Some(i) = self.fields.iter().position(|f| f.label == error.field) {
            self.focus = i;
            self.fields[i].error = Some(error.message);
        }
    }

    /// The day typed in field `key`: `None` when it is empty, else the day or
    /// the sentence saying it is not one.
    pub fn day(&self, key: Msg, lang: Lang) -> Result<Option<Date>, FieldError> {
        let text = self.text(key);
        if text.is_empty() {
            return Ok(None);
        }
        let bad = || FieldError::new(key, tr!(lang, BadDate, input = Quoted(lang, &text)));
        crate::model::parse_day(&text).map(Some).ok_or_else(bad)
    }

    /// Moves the focus; a date field being left is checked on the way, so that
    /// a day that does not exist is said at once (the focus still moves).
    pub fn step(&mut self, delta: isize, lang: Lang) {
        let field = &self.fields[self.focus];
        if field.is_date
            && let Err(error) = self.day(field.label, lang)
        {
            self.fields[self.focus].error = Some(error.message);
        }
        let n = self.fields.len() as isize;
        self.focus = ((self.focus as isize + delta).rem_euclid(n)) as usize;
    }

    /// A key that is not a command: typing into a text field, ←/→ and Space on a
    /// choice or a toggle, Alt+↓ for the next suggestion.
    pub fn input(&mut self, key: KeyEvent) {
        let field = &mut self.fields[self.focus];
        if field.locked {
            return;
        }
        field.error = None;
        match &mut field.value {
            Value::Text { area, suggestions } => {
                let alt = key
                    .modifiers
                    .contains(ratatui::crossterm::event::KeyModifiers::ALT);
                if alt && key.code == KeyCode::Down && !suggestions.is_empty() {
                    let current = area.lines().join(" ");
                    let next = suggestions
                        .iter()
                        .position(|s| *s == current)
                        .map_or(0, |i| (i + 1) % suggestions.len());
                    *area = single_line(suggestions[next]);
                } else if key.code != KeyCode::Enter {
                    area.input(key);
                }
            }
            Value::Choice { options, index } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % n,
                    KeyCode::Left => *index = (*index + n - 1) % n,
                    _ => {}
                }
            }
            Value::Toggle(on) => {
                if matches!(
                    key.code,
                    KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
                ) {
                    *on = !*on;
                }
            }
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(Field {
            value: Value::Text { area, .. },
            locked: false,
            ..
        }) = self.fields.get_mut(self.focus)
        {
            area.insert_str(normalise_newlines(text).replace('\n', " "));
            area.move_cursor(CursorMove::End);
        }
    }
}
