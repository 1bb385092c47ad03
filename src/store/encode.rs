//! A session as the bytes of its file: pretty JSON, so that a person can read and
//! mend it; and the same bytes again, fast, on every save that follows.
//!
//! Encoding a megabyte of answers costs about as much as writing and syncing it, so
//! a save that encoded everything would take twice the disk's own time. Between two
//! saves nearly every answer is unchanged, and a new one comes at the end: so
//! [`Encoder`] keeps the `answers` list of the last save as bytes, with each answer
//! it was made from, and mends it where an answer differs. The rest of the file is
//! small and encoded anew. The result is byte for byte what [`encode`] makes.

use std::cell::Cell;
use std::io::{self, IoSlice, Write};
use std::ops::Range;
use std::sync::LazyLock;

use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::model::{Answer, Session};

/// The bytes of a session file.
pub fn encode(session: &Session) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail, and a session always serialises.
    let _ = serde_json::to_writer_pretty(&mut bytes, session);
    bytes.push(b'\n');
    bytes
}

/// How serde_json's pretty printer lays out the `answers` list, one level into
/// the file: each answer on a new line indented four spaces, the closing bracket
/// on its own line indented two. The property tests hold this to `encode`.
const FIRST: &[u8] = b"\n    ";
const NEXT: &[u8] = b",\n    ";
const CLOSE: &[u8] = b"\n  ]";

/// A writer's encoder: the last save's `answers` list and the rest of its file.
#[derive(Debug, Default)]
pub struct Encoder {
    /// Each answer as the last save wrote it, and where its bytes are in `list`.
    kept: Vec<(Answer, Range<usize>)>,
    /// The `answers` list as pretty JSON, from `[` to `]`.
    list: Vec<u8>,
    /// The file but the list, and where the list goes in it.
    rest: Vec<u8>,
    split: Option<usize>,
}

thread_local! {
    /// Whether the session being serialised on this thread is the encoder's: then
    /// its answers are written as one marker for the encoder to put the list in
    /// place of (serde gives `serialize_answers` no other way to know).
    static ENCODING: Cell<bool> = const { Cell::new(false) };
}

/// Sets [`ENCODING`] for as long as it lives, and unsets it even if serialising
/// panicked: a flag left set would make every later `encode` on this thread leave
/// the answers out.
struct Encoding;

impl Encoding {
    fn start() -> Encoding {
        ENCODING.set(true);
        Encoding
    }
}

impl Drop for Encoding {
    fn drop(&mut self) {
        ENCODING.set(false);
    }
}

/// What stands for the answers while the rest of the file is serialised: found by
/// its address, so no text an answer or a name could hold is taken for it.
static MARKER: LazyLock<Box<RawValue>> =
    LazyLock::new(|| RawValue::from_string("[]".to_string()).unwrap_or_default());

impl Encoder {
    /// The bytes of `session`'s file, in three parts: written one after the other
    /// they are exactly [`encode`]'s bytes.
    pub fn encode(&mut self, session: &Session) -> [IoSlice<'_>; 3] {
        self.update(session.answers());
        self.rest.clear();
        let mut rest = Rest {
            bytes: &mut self.rest,
            split: &mut self.split,
            marker: MARKER.get().as_ptr(),
        };
        let encoding = Encoding::start();
        // Writing into memory cannot fail, and a session always serialises.
        let _ = serde_json::to_writer_pretty(&mut rest, session);
        drop(encoding);
        self.rest.push(b'\n');
        let Some(split) = self.split.take() else {
            // serde_json wrote the marker some other way than as it was given:
            // then the whole file is encoded as it always can be.
            debug_assert!(false, "the marker was not seen");
            self.rest = encode(session);
            return [
                IoSlice::new(&self.rest),
                IoSlice::new(&[]),
                IoSlice::new(&[]),
            ];
        };
        let (before, after) = self.rest.split_at(split);
        [
            IoSlice::new(before),
            IoSlice::new(&self.list),
            IoSlice::new(after),
        ]
    }

    /// Makes the list hold exactly `answers`, encoding the ones that changed.
    fn update(&mut self, answers: &[Answer]) {
        let same_start = self.kept.len() <= answers.len()
            && self
                .kept
                .iter()
                .zip(answers)
                .all(|((a, _), b)| a.id == b.id);
        if !same_start {
            // An answer deleted, or moved in a file edited by hand.
            return self.rebuild(answers);
        }
        // Most saves: an answer edited or marked in place, or one added at the end.
        let mut shift = 0isize;
        for ((was, at), answer) in self.kept.iter_mut().zip(answers) {
            *at = at.start.saturating_add_signed(shift)..at.end.saturating_add_signed(shift);
            if was != answer {
                let bytes = encoded(answer);
                shift += bytes.len() as isize - at.len() as isize;
                let end = at.start + bytes.len();
                self.list.splice(at.clone(), bytes);
                *at = at.start..end;
                *was = answer.clone();
            }
        }
        let added = answers[self.kept.len()..].iter();
        self.append(added.map(|answer| (answer, encoded(answer))));
    }

    /// Starts the list again, taking the bytes of each unchanged answer from the
    /// old one. Both are in the order of the ids; where a hand-edited file is
    /// not, an answer is simply encoded again.
    fn rebuild(&mut self, answers: &[Answer]) {
        let old_list = std::mem::take(&mut self.list);
        let mut old = std::mem::take(&mut self.kept).into_iter().peekable();
        self.append(answers.iter().map(|answer| {
            while old.next_if(|(was, _)| was.id < answer.id).is_some() {}
            let bytes = match old.next_if(|(was, _)| was == answer) {
                Some((_, at)) => old_list[at].to_vec(),
                None => encoded(answer),
            };
            (answer, bytes)
        }));
    }

    /// Adds answers with their bytes at the end of the list.
    fn append<'a>(&mut self, answers: impl Iterator<Item = (&'a Answer, Vec<u8>)>) {
        let mut answers = answers.peekable();
        if answers.peek().is_none() && !self.list.is_empty() {
            return;
        }
        match self.kept.is_empty() {
            true => self.list = b"[".to_vec(),
            false => self.list.truncate(self.list.len() - CLOSE.len()),
        }
        for (answer, bytes) in answers {
            let first = self.kept.is_empty();
            self.list
                .extend_from_slice(if first { FIRST } else { NEXT });
            let at = self.list.len()..self.list.len() + bytes.len();
            self.list.extend_from_slice(&bytes);
            self.kept.push((answer.clone(), at));
        }
        match self.kept.is_empty() {
            true => self.list.push(b']'),
            false => self.list.extend_from_slice(CLOSE),
        }
    }
}

/// An answer's pretty JSON, indented to stand in the `answers` list.
fn encoded(answer: &Answer) -> Vec<u8> {
    // Writing into a Vec cannot fail, and an answer always serialises.
    let json = serde_json::to_vec_pretty(answer).unwrap_or_default();
    // A line break inside JSON is always between tokens (in a string it is `\n`),
    // so indenting after each one indents the lines and nothing else.
    let mut out = Vec::with_capacity(json.len() + json.len() / 8);
    for line in json.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(line);
        if line.ends_with(b"\n") {
            out.extend_from_slice(b"    ");
        }
    }
    out
}

/// The file but the answers, as serde_json writes it; the marker is left out
/// and its place kept.
struct Rest<'a> {
    bytes: &'a mut Vec<u8>,
    split: &'a mut Option<usize>,
    marker: *const u8,
}

impl Write for Rest<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::ptr::eq(buf.as_ptr(), self.marker) {
            true => *self.split = Some(self.bytes.len()),
            false => self.bytes.extend_from_slice(buf),
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// How the session's `answers` are serialised: as themselves, or while
/// [`Encoder::encode`] serialises the session, as the marker.
pub fn serialize_answers<S: Serializer>(
    answers: &[Answer],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match ENCODING.get() {
        true => MARKER.serialize(serializer),
        false => answers.serialize(serializer),
    }
}
