//! A list to choose from, narrowed by typing the first letters of a word.

use crate::model::Speaker;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Speaker(Speaker),
    Block(String),
    Section(String),
    /// A text to write with, e.g. a sentence starter.
    Text(String),
}

/// What the choice is for; the screen that opened the picker takes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The workshop: who speaks next.
    Speaker,
    /// The workshop: the block to move an answer to.
    MoveAnswer(crate::model::AnswerId),
    /// The agreement: the starter to begin a section's text with.
    Starter(String),
    /// The agreement: the section to move material to (with its same-text items).
    PlaceItem(Vec<crate::model::Item>),
}

pub struct Picker {
    pub purpose: Purpose,
    pub title: String,
    pub items: Vec<(String, Choice)>,
    pub filter: String,
    pub selected: usize,
}

impl Picker {
    pub fn new(purpose: Purpose, title: String, items: Vec<(String, Choice)>) -> Picker {
        Picker {
            purpose,
            title,
            items,
            filter: String::new(),
            selected: 0,
        }
    }

    /// The items whose label has a word starting with the filter, ignoring case.
    pub fn visible(&self) -> Vec<&(String, Choice)> {
        let filter = self.filter.to_lowercase();
        self.items
            .iter()
            .filter(|(label, _)| {
                filter.is_empty()
                    || label
                        .to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|word| word.starts_with(&filter))
            })
            .collect()
    }

    pub fn chosen(&self) -> Option<Choice> {
        self.visible().get(self.selected).map(|(_, c)| c.clone())
    }

    pub fn type_char(&mut self, c: char) {
        self.filter.push(c);
        self.selected = 0;
    }

    pub fn backspace(&mut self) {
        self.filter.pop();
        self.selected = 0;
    }

    pub fn step(&mut self, delta: isize) {
        let n = self.visible().len();
        if n > 0 {
            self.selected = self.selected.saturating_add_signed(delta).min(n - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_narrows_by_the_start_of_any_word() {
        let items = ["Åsa Öberg", "Jörgen Ståhl", "Gruppen"]
            .map(|n| (n.to_string(), Choice::Speaker(Speaker::Group)))
            .to_vec();
        let mut p = Picker::new(Purpose::Speaker, String::new(), items);
        p.type_char('s');
        let labels: Vec<&str> = p.visible().iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["Jörgen Ståhl"]);
        p.backspace();
        p.type_char('ö');
        assert_eq!(p.visible().len(), 1, "Öberg");
    }
}
