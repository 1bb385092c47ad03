use crate::i18n::{Lang, Localize, Quoted};
use crate::model::Integrity;
use crate::programs::Problem;
use crate::tr;

/// What went wrong with a session file, said so that the user knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no session {session}")]
    NotFound { session: String },
    #[error("{file}: {action:?}: {detail}")]
    Io {
        file: String,
        action: IoAction,
        /// What the user can act on (a full disk, a read-only folder…).
        kind: std::io::ErrorKind,
        /// The system's own words, shown only for kinds without a sentence of ours.
        detail: String,
    },
    #[error("{file}: JSON error at line {line} column {column}")]
    Parse {
        file: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{file} is not a session")]
    NotASession { file: String },
    #[error("{file} has newer schema version {version}")]
    Newer { file: String, version: u64 },
    #[error("{file} has an invalid shape")]
    Invalid { file: String, problem: Problem },
    #[error("{file} is inconsistent")]
    Inconsistent { file: String, problem: Integrity },
    #[error("{file} is locked by another writer")]
    Locked { session: String, file: String },
    #[error("{file} exists")]
    Exists { file: String },
    #[error("no data directory")]
    NoDataDir,
}

/// What was being done to a file when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IoAction {
    Read,
    Write,
    Lock,
    CreateDir,
}

impl StoreError {
    pub(crate) fn io(path: &std::path::Path, action: IoAction, e: &std::io::Error) -> StoreError {
        StoreError::Io {
            file: path.display().to_string(),
            action,
            kind: e.kind(),
            detail: e.to_string(),
        }
    }
}

impl Localize for StoreError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            StoreError::NotFound { session } => {
                tr!(lang, StoreNotFound, session = Quoted(lang, session))
            }
            StoreError::Io {
                file,
                action,
                kind,
                detail,
            } => {
                let reason = io_reason(lang, *kind).unwrap_or_else(|| detail.clone());
                let action = match action {
                    IoAction::Read => tr!(lang, StoreActionRead),
                    IoAction::Write => tr!(lang, StoreActionWrite),
                    IoAction::Lock => tr!(lang, StoreActionLock),
                    IoAction::CreateDir => tr!(lang, StoreActionCreateDir),
                };
                tr!(lang, StoreIo, file = file, action = action, reason = reason)
            }
            StoreError::Parse {
                file,
                line,
                column,
                detail,
            } => tr!(
                lang,
                StoreParse,
                file = file,
                line = line,
                column = column,
                detail = detail
            ),
            StoreError::NotASession { file } => tr!(lang, StoreNotASession, file = file),
            StoreError::Newer { file, version } => tr!(
                lang,
                StoreNewer,
                file = file,
                version = version,
                supported = crate::model::SCHEMA_VERSION
            ),
            StoreError::Invalid { file, problem } => tr!(
                lang,
                StoreInvalid,
                file = file,
                detail = problem.kind.localize(lang),
                at = problem.at
            ),
            StoreError::Inconsistent { file, problem } => tr!(
                lang,
                StoreInvalid,
                file = file,
                detail = problem.localize(lang),
                at = "–"
            ),
            StoreError::Locked { session, file } => tr!(
                lang,
                StoreLocked,
                session = Quoted(lang, session),
                file = file
            ),
            StoreError::Exists { file } => tr!(lang, StoreExists, file = file),
            StoreError::NoDataDir => tr!(lang, StoreNoDataDir),
        }
    }
}

/// The cause in plain words, for the failures a facilitator can do something about.
fn io_reason(lang: Lang, kind: std::io::ErrorKind) -> Option<String> {
    use std::io::ErrorKind as K;
    Some(match kind {
        K::StorageFull | K::QuotaExceeded => tr!(lang, IoDiskFull),
        K::ReadOnlyFilesystem => tr!(lang, IoReadOnly),
        K::PermissionDenied => tr!(lang, IoPermission),
        K::NotFound => tr!(lang, IoNotFound),
        _ => return None,
    })
}
