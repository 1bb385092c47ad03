use crate::i18n::{Lang, Localize, Quoted};
use crate::model::Integrity;
use crate::programs::Problem;
use crate::tr;

use super::read::{MAX_FILE_BYTES, ReadProblem};

/// What went wrong with a session file, said so that the user knows what to do.
#[derive(Debug, thiserror::Error)]
// Display says the English sentence, so that no second wording can drift from the table.
#[error("{}", self.localize(Lang::En))]
pub enum StoreError {
    NotFound {
        session: String,
    },
    Io {
        file: String,
        action: IoAction,
        /// What the user can act on (a full disk, a read-only folder…).
        kind: std::io::ErrorKind,
        /// The system's own words, shown only for kinds without a sentence of ours.
        detail: String,
    },
    Parse {
        file: String,
        line: usize,
        column: usize,
        detail: String,
        backups: Backups,
    },
    NotASession {
        file: String,
    },
    Newer {
        file: String,
        version: u64,
    },
    Invalid {
        file: String,
        problem: Box<Problem>,
        backups: Backups,
    },
    Inconsistent {
        file: String,
        problem: Integrity,
        backups: Backups,
    },
    NotRegular {
        file: String,
    },
    TooLarge {
        file: String,
    },
    OwnFile {
        file: String,
    },
    Locked {
        session: String,
        file: String,
    },
    Exists {
        file: String,
    },
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

/// The backups that exist beside a file that cannot be read, so that the
/// message points only to files that are there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backups(pub Vec<String>);

impl Backups {
    /// Those of `.bak.1` … `.bak.3` beside `path` that exist.
    pub fn beside(path: &std::path::Path) -> Backups {
        let existing = (1..=super::BACKUPS)
            .map(|n| super::backup_path(path, n))
            .filter(|p| p.is_file())
            .map(|p| p.display().to_string());
        Backups(existing.collect())
    }

    /// " Tidigare versioner finns i …" or nothing.
    fn sentence(&self, lang: Lang) -> String {
        match self.0.as_slice() {
            [] => String::new(),
            files => format!(" {}", tr!(lang, StoreBackups, files = files.join(", "))),
        }
    }
}

impl StoreError {
    /// A file that could not be read, in words. A file gone is said as a read
    /// that failed, not as `NotFound`, which points to `samspel list`: the app
    /// opens files too (one that vanished from the start screen's list).
    pub(crate) fn read(path: &std::path::Path, problem: ReadProblem) -> StoreError {
        let file = path.display().to_string();
        match problem {
            ReadProblem::NotRegular => StoreError::NotRegular { file },
            ReadProblem::TooLarge => StoreError::TooLarge { file },
            ReadProblem::NotFound => StoreError::Io {
                file,
                action: IoAction::Read,
                kind: std::io::ErrorKind::NotFound,
                detail: String::new(),
            },
            ReadProblem::Io { kind, detail } => StoreError::Io {
                file,
                action: IoAction::Read,
                kind,
                detail,
            },
        }
    }

    /// Points a file's error to the backups that exist beside it.
    pub(crate) fn with_backups(mut self, path: &std::path::Path) -> StoreError {
        if let StoreError::Parse { backups, .. }
        | StoreError::Invalid { backups, .. }
        | StoreError::Inconsistent { backups, .. } = &mut self
        {
            *backups = Backups::beside(path);
        }
        self
    }

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
                backups,
            } => {
                let what = tr!(
                    lang,
                    StoreParse,
                    file = file,
                    line = line,
                    column = column,
                    detail = detail
                );
                what + &backups.sentence(lang)
            }
            StoreError::NotASession { file } => tr!(lang, StoreNotASession, file = file),
            StoreError::Newer { file, version } => tr!(
                lang,
                StoreNewer,
                file = file,
                version = version,
                supported = crate::model::SCHEMA_VERSION
            ),
            StoreError::Invalid {
                file,
                problem,
                backups,
            } => {
                let detail = problem.kind.localize(lang);
                let what = match problem.at.as_str() {
                    "" => tr!(lang, StoreInconsistent, file = file, detail = detail),
                    at => tr!(lang, StoreInvalid, file = file, detail = detail, at = at),
                };
                what + &backups.sentence(lang)
            }
            StoreError::Inconsistent {
                file,
                problem,
                backups,
            } => {
                let detail = problem.localize(lang);
                tr!(lang, StoreInconsistent, file = file, detail = detail) + &backups.sentence(lang)
            }
            StoreError::NotRegular { file } => read_problem(lang, file, &ReadProblem::NotRegular),
            StoreError::TooLarge { file } => read_problem(lang, file, &ReadProblem::TooLarge),
            StoreError::OwnFile { file } => tr!(lang, StoreOwnFile, file = file),
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

/// Why a named file (a session, a program) could not be read, in one sentence.
pub fn read_problem(lang: Lang, file: &str, problem: &ReadProblem) -> String {
    match problem {
        ReadProblem::NotRegular => tr!(lang, ReadNotRegular, file = file),
        ReadProblem::TooLarge => tr!(
            lang,
            ReadTooLarge,
            file = file,
            max = MAX_FILE_BYTES / (1024 * 1024)
        ),
        ReadProblem::NotFound => tr!(
            lang,
            StoreIo,
            file = file,
            action = tr!(lang, StoreActionRead),
            reason = tr!(lang, IoNotFound)
        ),
        ReadProblem::Io { kind, detail } => tr!(
            lang,
            StoreIo,
            file = file,
            action = tr!(lang, StoreActionRead),
            reason = io_reason(lang, *kind).unwrap_or_else(|| detail.clone())
        ),
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
