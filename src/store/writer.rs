//! The single writer of a session: holds the lock for its whole life and saves
//! every change durably, keeping earlier generations as backups.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::atomic::{self, Replace};
use super::encode::{Encoder, encode};
use super::{BACKUPS, IoAction, StoreError, backup_path, load, lock_path};
use crate::model::Session;

/// The one process allowed to change a session file. The lock is released when
/// the writer is dropped, or by the operating system when the process dies.
#[derive(Debug)]
pub struct Writer {
    path: PathBuf,
    lock: File,
    /// How far apart the backup generations are (see [`Writer::save`]).
    backup_every: Duration,
    last_backup: Option<Instant>,
    /// What the last save encoded, for the next save to reuse.
    encoder: Encoder,
}

/// Backups a save every few seconds apart would all hold the same minute; five
/// minutes apart they reach back a quarter of an hour, which is what undoing a
/// bad edit by hand needs. It also keeps two renames and a link off most saves.
pub const BACKUP_EVERY: Duration = Duration::from_secs(5 * 60);

impl Writer {
    /// Takes the lock and reads the session.
    pub fn open(path: &Path) -> Result<(Writer, Session), StoreError> {
        let lock = take_lock(path)?;
        remove_stale_temp_files(path);
        let session = load(path)?;
        let writer = Writer {
            path: path.to_path_buf(),
            lock,
            backup_every: BACKUP_EVERY,
            last_backup: None,
            encoder: Encoder::default(),
        };
        Ok((writer, session))
    }

    /// Takes the lock and writes a new session file; an existing file is never replaced.
    pub fn create(path: &Path, session: &Session) -> Result<Writer, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            atomic::create_private_dir(dir)
                .map_err(|e| StoreError::io(dir, IoAction::CreateDir, &e))?;
        }
        let lock = take_lock(path)?;
        atomic::write_atomic(path, &encode(session), Replace::Refuse).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::Exists {
                    file: path.display().to_string(),
                }
            } else {
                StoreError::io(path, IoAction::Write, &e)
            }
        })?;
        Ok(Writer {
            path: path.to_path_buf(),
            lock,
            backup_every: BACKUP_EVERY,
            last_backup: None,
            encoder: Encoder::default(),
        })
    }

    /// Takes the lock and writes `session` as the file, replacing what was there
    /// (the old file becomes the first backup). For the demo's fresh copy.
    pub fn replace(path: &Path, session: &Session) -> Result<Writer, StoreError> {
        let lock = take_lock(path)?;
        let mut writer = Writer {
            path: path.to_path_buf(),
            lock,
            backup_every: BACKUP_EVERY,
            last_backup: None,
            encoder: Encoder::default(),
        };
        writer.save(session)?;
        Ok(writer)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Backup generations this far apart instead of [`BACKUP_EVERY`]
    /// (`Duration::ZERO`: one per save).
    pub fn backups_every(mut self, every: Duration) -> Writer {
        self.backup_every = every;
        self
    }

    /// Saves the whole session durably. When this returns `Ok`, the change is on disk.
    ///
    /// The first save of this writer, and then the first after every
    /// `backup_every`, first keeps the file as it was as `.bak.1` (older
    /// generations move up to `.bak.3`).
    pub fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        self.keep_lock()?;
        let mut parts = self.encoder.encode(session);
        let due = self
            .last_backup
            .is_none_or(|t| t.elapsed() >= self.backup_every);
        if due {
            // Backups are a courtesy for undoing a bad edit by hand; failing to
            // rotate them must never stop the save itself.
            let _ = rotate_backups(&self.path);
            self.last_backup = Some(Instant::now());
        }
        atomic::write_atomic_parts(&self.path, &mut parts, Replace::Allow)
            .map_err(|e| StoreError::io(&self.path, IoAction::Write, &e))
    }
}

impl Writer {
    /// Makes sure the lock this writer holds is still the session's lock file. If
    /// someone deleted or replaced that file, a second writer could lock a new one
    /// and both would write; so the lock is taken again first, and if another
    /// writer has it already, this one stops saving (its changes stay in memory).
    fn keep_lock(&mut self) -> Result<(), StoreError> {
        if self.holds_lock_file() {
            return Ok(());
        }
        self.lock = take_lock(&self.path)?;
        Ok(())
    }

    #[cfg(unix)]
    fn holds_lock_file(&self) -> bool {
        use std::os::unix::fs::MetadataExt;
        let (Ok(held), Ok(named)) = (self.lock.metadata(), fs::metadata(lock_path(&self.path)))
        else {
            return false;
        };
        (held.dev(), held.ino()) == (named.dev(), named.ino())
    }

    /// Elsewhere an open file cannot be deleted or replaced.
    #[cfg(not(unix))]
    fn holds_lock_file(&self) -> bool {
        true
    }
}

fn take_lock(path: &Path) -> Result<File, StoreError> {
    let lock_file = lock_path(path);
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options
        .open(&lock_file)
        .map_err(|e| StoreError::io(&lock_file, IoAction::Lock, &e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            session: session_name(path),
            file: path.display().to_string(),
        }),
        Err(fs::TryLockError::Error(e)) => Err(StoreError::io(&lock_file, IoAction::Lock, &e)),
    }
}

/// The name people know a session by: its title, else its file name.
fn session_name(path: &Path) -> String {
    match load(path) {
        Ok(s) if !s.title.is_empty() => format!("{} – {}", s.title, s.organisation),
        _ => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

/// `.bak.2` → `.bak.3`, `.bak.1` → `.bak.2`, current → `.bak.1` (a hard link: no copy).
///
/// A kill in the middle can leave the session file and its backups as links to one
/// and the same inode. Two rules keep that harmless: an existing file is never
/// opened for writing (a truncating copy onto a link would empty the session
/// itself), and a rename between two links of one inode, which POSIX makes a no-op,
/// is finished by removing the old name.
fn rotate_backups(path: &Path) -> std::io::Result<()> {
    if !path.exists() {
        return Ok(());
    }
    for n in (1..BACKUPS).rev() {
        let from = backup_path(path, n);
        if from.exists() {
            fs::rename(&from, backup_path(path, n + 1))?;
            if from.exists() {
                fs::remove_file(&from)?;
            }
        }
    }
    let first = backup_path(path, 1);
    if fs::hard_link(path, &first).is_err() {
        // No hard links here (some Windows and network file systems): a copy,
        // written as a new file and renamed into place.
        atomic::write_atomic(&first, &fs::read(path)?, Replace::Allow)?;
    }
    Ok(())
}

/// Temp files of saves that a crash interrupted. Only the lock holder may remove
/// them, since another writer's temp file could be in flight otherwise.
fn remove_stale_temp_files(path: &Path) {
    let (prefix, suffix) = atomic::temp_affixes(path);
    let Ok(entries) = fs::read_dir(atomic::parent_dir(path)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(suffix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// After kills mid-rotation the file and every backup may be one inode; the
    /// next rotation must leave the session's content alone.
    #[test]
    fn rotation_over_hard_linked_backups_never_empties_the_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.samspel.json");
        fs::write(&path, b"{\"whole\": true}").unwrap();
        for n in 1..=BACKUPS {
            fs::hard_link(&path, backup_path(&path, n)).unwrap();
        }
        rotate_backups(&path).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"{\"whole\": true}");
        assert_eq!(
            fs::read(backup_path(&path, 1)).unwrap(),
            b"{\"whole\": true}"
        );
    }
}
