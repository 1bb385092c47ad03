//! A session as the bytes of its file: pretty JSON, so that a person can read and
//! mend it; and the same bytes again, fast, on every save that follows.
//!
//! Encoding a megabyte of answers costs about as much as writing and syncing it, so
//! a save that encoded everything would take twice the disk's own time. Between two
//! saves nearly every answer is unchanged: [`Encoder`] keeps each answer's
//! bytes from the last save and reuses them while the answer is equal to what they
//! were made from. The result is byte for byte what [`encode`] makes.

use std::cell::RefCell;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::model::{Answer, Session};

/// The bytes of a session file.
pub fn encode(session: &Session) -> Vec<u8> {
    let mut bytes = Vec::new();
    encode_into(session, &mut bytes);
    bytes
}

fn encode_into(session: &Session, bytes: &mut Vec<u8>) {
    // Writing into a Vec cannot fail, and a session always serialises.
    let _ = serde_json::to_writer_pretty(&mut *bytes, session);
    bytes.push(b'\n');
}

/// A writer's encoder: each answer of the last save with its encoded bytes, in
/// the session's order (the order of their ids, unless the file was edited by
/// hand), and the buffer of the last save, whose megabyte is ready for the next.
#[derive(Debug, Default)]
pub struct Encoder {
    answers: Vec<(Answer, Box<RawValue>)>,
    buffer: Vec<u8>,
}

thread_local! {
    /// The answers of the save under way: serde gives `serialize_answers` no
    /// other way to reach them.
    static IN_USE: RefCell<Option<Encoder>> = const { RefCell::new(None) };
}

impl Encoder {
    /// The bytes of `session`'s file, reusing the bytes of unchanged answers.
    pub fn encode(&mut self, session: &Session) -> &[u8] {
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        IN_USE.with(|in_use| *in_use.borrow_mut() = Some(std::mem::take(self)));
        encode_into(session, &mut buffer);
        *self = IN_USE
            .with(|in_use| in_use.borrow_mut().take())
            .unwrap_or_default();
        self.buffer = buffer;
        &self.buffer
    }

    /// Makes this hold exactly `answers`, encoding the ones that changed.
    fn update(&mut self, answers: &[Answer]) {
        let kept = self.answers.len();
        let same_start = kept <= answers.len()
            && self
                .answers
                .iter()
                .zip(answers)
                .all(|((was, _), a)| was.id == a.id);
        if !same_start {
            // An answer deleted, or moved in a file edited by hand.
            self.answers = merged(std::mem::take(&mut self.answers), answers);
            return;
        }
        // Most saves: an answer edited, marked or added at the end.
        for (entry, answer) in self.answers.iter_mut().zip(answers) {
            if entry.0 != *answer {
                *entry = encoded(answer);
            }
        }
        self.answers.extend(answers[kept..].iter().map(encoded));
    }
}

/// `answers`, each with the bytes kept for it in `old` if it is unchanged there.
/// Both lists are in the order of the ids; where a hand-edited file is not, an
/// answer is simply encoded again.
fn merged(old: Vec<(Answer, Box<RawValue>)>, answers: &[Answer]) -> Vec<(Answer, Box<RawValue>)> {
    let mut old = old.into_iter().peekable();
    answers
        .iter()
        .map(|answer| {
            while old.next_if(|(was, _)| was.id < answer.id).is_some() {}
            match old.next_if(|(was, _)| was == answer) {
                Some(entry) => entry,
                None => encoded(answer),
            }
        })
        .collect()
}

/// An answer with its pretty JSON, indented to stand in the session's `answers` list.
fn encoded(answer: &Answer) -> (Answer, Box<RawValue>) {
    // Writing into a Vec cannot fail, and an answer always serialises.
    let json = serde_json::to_string_pretty(answer).unwrap_or_default();
    // A line break inside JSON is always between tokens (in a string it is `\n`),
    // so indenting after each one indents the lines and nothing else.
    let indented = json.replace('\n', "\n    ");
    let bytes =
        RawValue::from_string(indented).unwrap_or_else(|_| unreachable!("serde_json wrote it"));
    (answer.clone(), bytes)
}

/// How the session's `answers` are serialised: as themselves, or during a save
/// through [`Encoder::encode`], as the bytes kept from the last save.
pub fn serialize_answers<S: Serializer>(
    answers: &[Answer],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    IN_USE.with(|in_use| match in_use.borrow_mut().as_mut() {
        None => answers.serialize(serializer),
        Some(kept) => {
            kept.update(answers);
            serializer.collect_seq(kept.answers.iter().map(|(_, bytes)| bytes))
        }
    })
}
