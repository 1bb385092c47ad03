//! A session as the bytes of its file: pretty JSON, so that a person can read and
//! mend it. Every save encodes the whole session anew: that costs a third of
//! the durable write itself at ten times a real workshop's size and a tenth at
//! a workshop's size (docs/performance.md), inside the save's budget without a
//! cache of earlier saves' bytes.

use crate::model::Session;

/// The bytes of a session file.
pub fn encode(session: &Session) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail, and a session always serialises.
    let _ = serde_json::to_writer_pretty(&mut bytes, session);
    bytes.push(b'\n');
    bytes
}
