//! The single writer of a session: holds the lock for its whole life and saves
//! every change durably, keeping earlier generations as backups.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::atomic::{self, Replace};
use super::encode::encode;
use super::read::Stamp;
use super::{BACKUPS, IoAction, StoreError, backup_path, decode, load_stamped, lock_path};
use crate::model::{Seen, Session};

/// The one process allowed to change a session file. The lock is released when
/// the writer is dropped, or by the operating system when the process dies.
#[derive(Debug)]
pub struct Writer {
    /// The session file itself: a link given on the command line is followed
    /// once, here, so that the link stays a link and every save, backup and lock
    /// is beside the real file.
    path: PathBuf,
    lock: File,
    /// How far apart the backup generations are (see [`Writer::save`]).
    backup_every: Duration,
    /// The version of the file this writer last read or wrote (`None`: there was none).
    on_disk: Option<Stamp>,
    /// The bytes of that version (empty: none yet), for telling another writer's
    /// additions from what this one deleted since (see [`Writer::seen`]).
    last: Vec<u8>,
}

/// What a save did.
#[derive(Debug)]
pub enum Saved {
    Written,
    /// The file had been deleted or moved away; it is written anew, whole.
    Recreated,
    /// The file held something that was not a version of this session (it
    /// could not be read, or another session was copied over it): it is kept
    /// as `.bak.1`, and this session is written.
    KeptForeign,
    /// Nothing was written: another program saved this session since this writer
    /// last read or wrote it (possible only if someone deleted the lock file).
    /// Take in what it added (`Session::take_in(&theirs, &seen)`) and save
    /// again; that save replaces their version.
    Theirs {
        theirs: Box<Session>,
        seen: Seen,
    },
}

/// Backups a save every few seconds apart would all hold the same minute; five
/// minutes apart they reach back a quarter of an hour, which is what undoing a
/// bad edit by hand needs. It also keeps two renames and a link off most saves.
pub const BACKUP_EVERY: Duration = Duration::from_secs(5 * 60);

impl Writer {
    /// Takes the lock and reads the session.
    pub fn open(path: &Path) -> Result<(Writer, Session), StoreError> {
        let path = followed(path);
        let lock = take_lock(&path)?;
        remove_stale_temp_files(&path);
        let (session, stamp, bytes) = load_stamped(&path)?;
        let writer = Writer::holding(path, lock, Some(stamp), bytes);
        Ok((writer, session))
    }

    /// Takes the lock and writes a new session file; an existing file is never replaced.
    pub fn create(path: &Path, session: &Session) -> Result<Writer, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            atomic::create_private_dir(dir)
                .map_err(|e| StoreError::io(dir, IoAction::CreateDir, &e))?;
        }
        let lock = take_lock(path)?;
        let bytes = encode(session);
        let stamp = atomic::write_atomic_stamped(path, &bytes, Replace::Refuse).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::Exists {
                    file: path.display().to_string(),
                }
            } else {
                StoreError::io(path, IoAction::Write, &e)
            }
        })?;
        Ok(Writer::holding(
            path.to_path_buf(),
            lock,
            Some(stamp),
            bytes,
        ))
    }

    /// Takes the lock and writes `session` as the file, replacing what was there
    /// (the old file becomes the first backup). For the demo's fresh copy.
    pub fn replace(path: &Path, session: &Session) -> Result<Writer, StoreError> {
        let path = followed(path);
        let lock = take_lock(&path)?;
        // Whatever is there is replaced, and kept as the first backup.
        let mut writer = Writer::holding(path, lock, None, Vec::new());
        writer.on_disk = Stamp::at(&writer.path);
        if writer.on_disk.is_some() && writer.backup_due() {
            let _ = rotate_backups(&writer.path);
            writer.on_disk = Stamp::at(&writer.path);
        }
        writer.save(session)?;
        Ok(writer)
    }

    fn holding(path: PathBuf, lock: File, on_disk: Option<Stamp>, last: Vec<u8>) -> Writer {
        Writer {
            path,
            lock,
            backup_every: BACKUP_EVERY,
            on_disk,
            last,
        }
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

    /// Saves the whole session durably. When this returns `Ok(Written)`,
    /// `Ok(Recreated)` or `Ok(KeptForeign)`, the change is on disk.
    ///
    /// Before the file is replaced, the version on it is kept as `.bak.1` (older
    /// generations move up to `.bak.3`) when the last backup is
    /// `backup_every` old, judged by the backup's own time on disk, so that
    /// every process that writes (the app, each command line call) keeps the
    /// same spacing.
    pub fn save(&mut self, session: &Session) -> Result<Saved, StoreError> {
        self.keep_lock()?;
        let on_disk = fs::metadata(&self.path).ok();
        if on_disk.as_ref().is_some_and(|m| !m.is_file()) {
            // A FIFO or a device in the session's place: never opened, never
            // replaced; the session stays in memory and the save is retried.
            return Err(StoreError::NotRegular {
                file: self.path.display().to_string(),
            });
        }
        let now = on_disk.as_ref().map(Stamp::of);
        let foreign = now.is_some() && now != self.on_disk;
        if foreign {
            // Someone else wrote the file (the lock was deleted, so they could):
            // it holds what they confirmed. Hand it over rather than replace it.
            match load_stamped(&self.path) {
                Ok((theirs, stamp, _)) if theirs.created == session.created => {
                    self.on_disk = Some(stamp);
                    return Ok(Saved::Theirs {
                        theirs: Box::new(theirs),
                        seen: self.seen(),
                    });
                }
                // Not a version of this session (unreadable, or another one
                // copied over it): kept whole as the first backup, or not
                // replaced at all if that cannot be done.
                _ => rotate_backups(&self.path)
                    .map_err(|e| StoreError::io(&self.path, IoAction::Write, &e))?,
            }
        } else if self.backup_due() {
            // Backups are a courtesy for undoing a bad edit by hand; failing to
            // rotate them must never stop the save itself.
            let _ = rotate_backups(&self.path);
            // Dating the backup dated the file it shares: that is still our version.
            self.on_disk = Stamp::at(&self.path);
        }
        let bytes = encode(session);
        let stamp = atomic::write_atomic_stamped(&self.path, &bytes, Replace::Allow)
            .map_err(|e| StoreError::io(&self.path, IoAction::Write, &e))?;
        self.on_disk = Some(stamp);
        self.last = bytes;
        Ok(match (now, foreign) {
            (None, _) => Saved::Recreated,
            (Some(_), true) => Saved::KeptForeign,
            (Some(_), false) => Saved::Written,
        })
    }

    /// What the version this writer last read or wrote held. Only a merge needs
    /// it, so it is made from that version's bytes when one comes rather than on
    /// every save. Those bytes decode, since this writer read or encoded them;
    /// were they ever refused, nothing would count as seen, and a merge would
    /// bring back what this writer deleted rather than lose what another added.
    fn seen(&self) -> Seen {
        match decode(&self.path.display().to_string(), &self.last) {
            Ok(last) => last.seen(),
            // Also when nothing was read or written yet (`replace`, before its save).
            Err(_) => Seen::default(),
        }
    }

    /// Whether the newest backup is `backup_every` old (or missing, or dated
    /// ahead by as much: a clock set back must not stop the backups).
    fn backup_due(&self) -> bool {
        let made = fs::symlink_metadata(backup_path(&self.path, 1)).and_then(|m| m.modified());
        let Ok(made) = made else {
            return true;
        };
        let age = SystemTime::now()
            .duration_since(made)
            .unwrap_or_else(|ahead| ahead.duration());
        age >= self.backup_every
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
        let held = self.lock.metadata();
        let named = fs::symlink_metadata(lock_path(&self.path));
        let (Ok(held), Ok(named)) = (held, named) else {
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

/// A session path with a link at its end followed to the file it names; the
/// path as given when it is no link (or a dangling one, which is refused later).
pub(crate) fn followed(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match is_link {
        true => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        false => path.to_path_buf(),
    }
}

fn take_lock(path: &Path) -> Result<File, StoreError> {
    let lock_file = lock_path(path);
    // A link, a folder or a FIFO in the lock's place is not ours to follow or
    // create through (a link could point anywhere, even somewhere unreachable).
    if fs::symlink_metadata(&lock_file).is_ok_and(|m| !m.is_file()) {
        return Err(StoreError::NotRegular {
            file: lock_file.display().to_string(),
        });
    }
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options
        .open(&lock_file)
        .map_err(|e| StoreError::io(&lock_file, IoAction::Lock, &e))?;
    // A lock let go a moment ago can still be held by a process forked (and not
    // yet exec'd) by another thread of the program that held it: a few tries.
    for attempt in 1.. {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if attempt < LOCK_TRIES => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => break,
            Err(fs::TryLockError::Error(e)) => {
                return Err(StoreError::io(&lock_file, IoAction::Lock, &e));
            }
        }
    }
    Err(StoreError::Locked {
        session: session_name(path),
        file: path.display().to_string(),
    })
}

/// How often a held lock is tried before it counts as another writer's.
const LOCK_TRIES: u32 = 5;

/// The name people know a session by: its title, else its file name.
fn session_name(path: &Path) -> String {
    match super::load(path) {
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
///
/// `.bak.1` is then dated now: its time says when the backup was made, which is
/// what spaces the next one (the file's content is not touched).
fn rotate_backups(path: &Path) -> std::io::Result<()> {
    // Only a regular file is kept (a link, a FIFO or a device is not ours).
    if !fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
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
    let mut options = File::options();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(&first)?.set_modified(SystemTime::now())
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
