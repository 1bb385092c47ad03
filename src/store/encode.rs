//! A session as the bytes of its file: pretty JSON, so that a person can read and
//! mend it. Every save encodes the whole session anew: at ten times a real
//! workshop's size that costs about as much as the disk's own write (see
//! docs/performance.md), which keeps the save inside its budget without a cache.

use crate::model::Session;

/// The bytes of a session file.
pub fn encode(session: &Session) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail, and a session always serialises.
    let _ = serde_json::to_writer_pretty(&mut bytes, session);
    bytes.push(b'\n');
    bytes
}
