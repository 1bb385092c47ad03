//! Whole-file atomic, durable replace: write a temp file beside the target, sync it,
//! rename it over the target, sync the directory. A reader (or a crash) sees either
//! the old file or the new one, never a mix. Files are created owner-only (0600 on
//! Unix), because sessions and exports hold named politicians' statements.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::read::Stamp;

/// Whether an existing file at the target may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replace {
    Allow,
    Refuse,
}

/// The prefix and suffix of our temp files, so that stale ones can be found again.
pub(crate) fn temp_affixes(target: &Path) -> (String, &'static str) {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (format!(".{name}."), ".tmp")
}

/// Writes `bytes` to `path` atomically and durably.
///
/// With [`Replace::Refuse`] an existing file is left alone and the error kind is
/// `AlreadyExists`. On any error no temp file is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: Replace) -> io::Result<()> {
    write_atomic_stamped(path, bytes, replace).map(drop)
}

/// [`write_atomic`], returning the stamp of the file written: taken before the
/// rename, which keeps it, so that no other writer's file can be taken for ours.
pub(crate) fn write_atomic_stamped(
    path: &Path,
    bytes: &[u8],
    replace: Replace,
) -> io::Result<Stamp> {
    let dir = parent_dir(path);
    let (prefix, suffix) = temp_affixes(path);
    // tempfile creates the file with mode 0600 on Unix and removes it on drop.
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(suffix)
        .tempfile_in(&dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    let stamp = Stamp::of(&temp.as_file().metadata()?);
    match replace {
        Replace::Allow => temp.persist(path).map_err(|e| e.error)?,
        Replace::Refuse => temp.persist_noclobber(path).map_err(|e| e.error)?,
    };
    sync_dir(&dir)?;
    Ok(stamp)
}

/// The directory a path lives in (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename in `dir` durable. Windows has no directory handle to sync; its
/// rename is made durable by the file system's journal instead.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Creates a directory (and its parents) readable by the owner only.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_or_refuses_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one", Replace::Refuse).unwrap();
        let err = write_atomic(&path, b"two", Replace::Refuse).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"three", Replace::Allow).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"three");
        write_atomic(&path, b"", Replace::Allow).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"x", Replace::Allow).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
