//! Reading a session file of any known schema version.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use super::{Backups, StoreError};
use crate::model::{SCHEMA_VERSION, Session};
use crate::programs::{self, ProblemKind};

/// `MIGRATIONS[i]` upgrades a version `i + 1` file to version `i + 2`. Version 1 is
/// the first, so there are none yet; a change of format adds one here and bumps
/// `SCHEMA_VERSION`.
const MIGRATIONS: &[fn(&mut Value)] = &[];

/// Decodes a session file's bytes; `file` names it in errors.
pub(crate) fn decode(file: &str, bytes: &[u8]) -> Result<Session, StoreError> {
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<u64>,
    }
    // The common case in one pass: a current file that reads as a session. Every
    // other case (older, newer, broken) takes the careful path below, which
    // names the version or the place in the file that is wrong. The file is
    // checked to be UTF-8 once, as a whole, with SIMD: `from_slice` checks each
    // string on its own, which took a quarter of the parse at 3,000 answers
    // (and std's check of the whole file, 0.8 ms, is slow on text with åäö).
    if let Ok(text) = simdutf8::basic::from_utf8(bytes)
        && let Ok(session) = serde_json::from_str::<Session>(text)
        && session.schema_version() == SCHEMA_VERSION
        && bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
    {
        return checked(file, session);
    }
    // serde would read a struct from a JSON array too; a session is always an object.
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|&b| b != b'{') {
        return Err(match serde_json::from_slice::<IgnoredAny>(bytes) {
            Ok(_) => not_a_session(file),
            Err(e) => parse_error(file, &e),
        });
    }
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| parse_error(file, &e))?;
    let version = match probe.schema_version {
        Some(v) if v >= 1 => v,
        _ => return Err(not_a_session(file)),
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(StoreError::Newer {
            file: file.to_string(),
            version,
        });
    }
    let session: Session = if version == u64::from(SCHEMA_VERSION) {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        serde_path_to_error::deserialize(&mut de).map_err(|e| invalid(file, &e))?
    } else {
        let mut value: Value = serde_json::from_slice(bytes).map_err(|e| parse_error(file, &e))?;
        migrate(&mut value, version);
        serde_path_to_error::deserialize(value).map_err(|e| invalid(file, &e))?
    };
    checked(file, session)
}

/// The session, if its parts agree with each other (once mended where an earlier
/// Samspel is known to have left a stale reference).
fn checked(file: &str, mut session: Session) -> Result<Session, StoreError> {
    session.mend_leftovers();
    session
        .check_integrity()
        .map_err(|problem| StoreError::Inconsistent {
            file: file.to_string(),
            problem,
            backups: Backups::default(),
        })?;
    Ok(session)
}

fn migrate(value: &mut Value, from: u64) {
    let first = usize::try_from(from - 1).unwrap_or(usize::MAX);
    for step in MIGRATIONS.iter().skip(first) {
        step(value);
    }
    value["schema_version"] = Value::from(SCHEMA_VERSION);
}

fn not_a_session(file: &str) -> StoreError {
    StoreError::NotASession {
        file: file.to_string(),
    }
}

fn parse_error(file: &str, e: &serde_json::Error) -> StoreError {
    if e.is_data() {
        // Valid JSON, but not an object with a schema_version.
        return not_a_session(file);
    }
    match programs::syntax_problem(e).kind {
        ProblemKind::Syntax {
            line,
            column,
            detail,
        } => StoreError::Parse {
            file: file.to_string(),
            line,
            column,
            detail,
            backups: Backups::default(),
        },
        _ => not_a_session(file),
    }
}

fn invalid(file: &str, e: &serde_path_to_error::Error<serde_json::Error>) -> StoreError {
    StoreError::Invalid {
        file: file.to_string(),
        problem: Box::new(programs::shape_problem(e)),
        backups: Backups::default(),
    }
}
