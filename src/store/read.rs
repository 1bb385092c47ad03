//! Reading a file someone named: a session, a program, an entry in the data
//! folder. It may be anything with that name: a FIFO that blocks the first read
//! forever, `/dev/zero` that never ends, a directory. So only a regular file is
//! read, it is opened without waiting for a writer, and no more than
//! [`MAX_FILE_BYTES`] are read from it.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

/// The most Samspel reads of one file. A session of 3,000 answers is about
/// 1 MB, so this is far above any real session or program, and still a size
/// the laptop can hold twice over in memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Why a named file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    NotFound,
    /// A directory, FIFO, device or socket (or a link to one).
    NotRegular,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    Io {
        kind: io::ErrorKind,
        detail: String,
    },
}

impl From<io::Error> for ReadProblem {
    fn from(e: io::Error) -> ReadProblem {
        match e.kind() {
            io::ErrorKind::NotFound => ReadProblem::NotFound,
            kind => ReadProblem::Io {
                kind,
                detail: e.to_string(),
            },
        }
    }
}

/// Which version of a file is on disk: enough to notice that it was replaced
/// or written since (a save renames a new file into place, so its identity
/// changes; a write in place changes its size or time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    #[cfg(unix)]
    identity: (u64, u64),
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        Stamp {
            #[cfg(unix)]
            identity: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }

    /// The stamp of what is at `path` now (following links), if anything.
    pub fn at(path: &Path) -> Option<Stamp> {
        fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

/// The bytes of the regular file at `path` (links followed), and its stamp.
pub fn read_regular(path: &Path) -> Result<(Vec<u8>, Stamp), ReadProblem> {
    // Looked at before opening: opening some devices has effects of its own.
    check_regular(&fs::metadata(path)?)?;
    let file = open_without_waiting(path)?;
    // Looked at again through the open file, in case the name was swapped.
    let meta = file.metadata()?;
    check_regular(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file that grows while it is read still stops one byte past the cap.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge);
    }
    Ok((bytes, Stamp::of(&meta)))
}

/// Whether two paths name one and the same file (links followed), by the file's
/// identity rather than its name.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn check_regular(meta: &Metadata) -> Result<(), ReadProblem> {
    if !meta.is_file() {
        Err(ReadProblem::NotRegular)
    } else if meta.len() > MAX_FILE_BYTES {
        Err(ReadProblem::TooLarge)
    } else {
        Ok(())
    }
}

/// Opens for reading; a FIFO swapped in after the check does not block the open.
fn open_without_waiting(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(read_regular(dir.path()), Err(ReadProblem::NotRegular));
        assert_eq!(
            read_regular(Path::new("/dev/zero")),
            Err(ReadProblem::NotRegular)
        );
        let link = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert_eq!(read_regular(&link), Err(ReadProblem::NotRegular));
        assert_eq!(
            read_regular(&dir.path().join("none")),
            Err(ReadProblem::NotFound)
        );
        let file = dir.path().join("a");
        fs::write(&file, b"abc").unwrap();
        let (bytes, stamp) = read_regular(&file).unwrap();
        assert_eq!(bytes, b"abc");
        assert_eq!(Stamp::at(&file), Some(stamp));
    }

    #[test]
    fn a_file_over_the_cap_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("big");
        // Sparse: the size is there without the bytes.
        File::create(&file)
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        assert_eq!(read_regular(&file), Err(ReadProblem::TooLarge));
    }
}
