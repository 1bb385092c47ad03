//! Where sessions live and how they are saved: one JSON file per session, replaced
//! whole and durably on every change, three backups, one writer at a time.

mod atomic;
mod encode;
mod error;
mod read;
mod schema;
mod writer;

use std::fs;
use std::path::{Path, PathBuf};

pub use atomic::{Replace, write_atomic};
pub use encode::encode;
pub use error::{Backups, IoAction, StoreError, read_problem};
pub use read::{MAX_FILE_BYTES, ReadProblem, Stamp, read_regular};
pub use writer::{Saved, Writer};

use crate::model::Session;

/// The ending of a saved session's file name.
pub const SESSION_SUFFIX: &str = ".samspel.json";

/// How many earlier generations are kept beside a session file.
pub const BACKUPS: u32 = 3;

/// A saved session as `list` finds it: its name (slug), and the session or the
/// reason it cannot be read.
pub type Listed = (String, Result<Session, StoreError>);

/// What `list` finds in the data folder.
#[derive(Debug, Default)]
pub struct Listing {
    pub sessions: Vec<Listed>,
    /// Entries named like sessions that are not regular files (a folder, a FIFO,
    /// a device) or are too large: never opened, only counted.
    pub skipped: usize,
}

/// The folder that holds saved sessions.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// `SAMSPEL_DATA_DIR` if set, else the platform's data folder for Samspel.
    pub fn from_env() -> Result<Store, StoreError> {
        if let Some(dir) = std::env::var_os("SAMSPEL_DATA_DIR").filter(|d| !d.is_empty()) {
            return Ok(Store::at(PathBuf::from(dir)));
        }
        directories::ProjectDirs::from("se", "Samspel", "samspel")
            .map(|dirs| Store::at(dirs.data_dir().to_path_buf()))
            .ok_or(StoreError::NoDataDir)
    }

    pub fn at(dir: PathBuf) -> Store {
        Store { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Creates the folder (owner-only) if it is not there yet.
    pub fn ensure_dir(&self) -> Result<(), StoreError> {
        atomic::create_private_dir(&self.dir)
            .map_err(|e| StoreError::io(&self.dir, IoAction::CreateDir, &e))
    }

    /// The file of a session given as a path or as a saved session's name (slug).
    ///
    /// Anything at a given path counts as found, so that a folder or a FIFO is
    /// refused for what it is when it is read, not as a session that is not there.
    pub fn resolve(&self, session: &str) -> Result<PathBuf, StoreError> {
        let as_path = Path::new(session);
        let candidates = [
            as_path.to_path_buf(),
            self.dir.join(format!("{session}{SESSION_SUFFIX}")),
        ];
        let looks_like_path = as_path.components().count() > 1 || session.ends_with(".json");
        candidates
            .into_iter()
            .take(if looks_like_path { 1 } else { 2 })
            // A link counts too, even a broken one: it is refused for what it is.
            .find(|p| fs::symlink_metadata(p).is_ok())
            .ok_or_else(|| StoreError::NotFound {
                session: session.to_string(),
            })
    }

    /// Writes a new session under a free name made from it (see [`file_stem`])
    /// and takes its lock: for the app and the command line alike.
    pub fn create(&self, session: &Session) -> Result<Writer, StoreError> {
        self.ensure_dir()?;
        Writer::create(&self.path_for_new(&file_stem(session)), session)
    }

    /// A free file name for a new session, from `slug` (`slug`, `slug-2`, …).
    pub fn path_for_new(&self, slug: &str) -> PathBuf {
        (1..)
            .map(|n| match n {
                1 => slug.to_string(),
                n => format!("{slug}-{n}"),
            })
            .map(|name| self.dir.join(format!("{name}{SESSION_SUFFIX}")))
            .find(|p| !p.exists())
            .unwrap_or_else(|| self.dir.join(format!("{slug}{SESSION_SUFFIX}")))
    }

    /// The saved sessions, by name, each loaded or with the reason it cannot be.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Listing::default()),
            Err(e) => return Err(StoreError::io(&self.dir, IoAction::Read, &e)),
        };
        let mut found: Vec<(String, PathBuf)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let slug = name.strip_suffix(SESSION_SUFFIX)?.to_string();
                Some((slug, entry.path()))
            })
            .collect();
        found.sort();
        let mut listing = Listing::default();
        for (slug, path) in found {
            match load(&path) {
                Err(StoreError::NotRegular { .. } | StoreError::TooLarge { .. }) => {
                    listing.skipped += 1;
                }
                loaded => listing.sessions.push((slug, loaded)),
            }
        }
        Ok(listing)
    }
}

/// Reads a session without taking the lock (for reading only: list, show, export,
/// the live view). A save is a rename, so the file read is always whole.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_stamped(path).map(|(session, ..)| session)
}

/// [`load`], with the stamp of the version read and its bytes.
pub(crate) fn load_stamped(path: &Path) -> Result<(Session, Stamp, Vec<u8>), StoreError> {
    let (bytes, stamp) = read_regular(path).map_err(|p| StoreError::read(path, p))?;
    let session = decode(&path.display().to_string(), &bytes).map_err(|e| e.with_backups(path))?;
    Ok((session, stamp, bytes))
}

/// Reads a session from the bytes of its file; `file` names it in errors.
pub fn decode(file: &str, bytes: &[u8]) -> Result<Session, StoreError> {
    schema::decode(file, bytes)
}

/// Writes an export of the session at `session` to `out`, atomically and
/// owner-only; an existing file is replaced only with [`Replace::Allow`].
///
/// Only a regular file is ever replaced, and never the session's own file, a
/// backup of it or its lock, whatever name it is given by (a hard link, `./`).
/// A link at `out` is replaced by the export, and what it pointed to is left alone.
pub fn write_export(
    out: &Path,
    bytes: &[u8],
    replace: Replace,
    session: &Path,
) -> Result<(), StoreError> {
    let file = || out.display().to_string();
    if let Ok(meta) = fs::symlink_metadata(out)
        && !meta.file_type().is_symlink()
    {
        if !meta.is_file() {
            return Err(StoreError::NotRegular { file: file() });
        }
        // Beside the file itself, where the writer keeps them (a link is followed).
        let session = writer::followed(session);
        let own = (1..=BACKUPS)
            .map(|n| backup_path(&session, n))
            .chain([session.clone(), lock_path(&session)]);
        if own.into_iter().any(|p| read::same_file(out, &p)) {
            return Err(StoreError::OwnFile { file: file() });
        }
    }
    write_atomic(out, bytes, replace).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => StoreError::Exists { file: file() },
        _ => StoreError::io(out, IoAction::Write, &e),
    })
}

/// `<file>.bak.<n>`.
pub fn backup_path(path: &Path, n: u32) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".bak.{n}"));
    PathBuf::from(name)
}

/// The lock file beside a session: `x.samspel.json` → `x.samspel.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path.as_os_str().to_string_lossy();
    match name.strip_suffix(".json") {
        Some(stem) if name.ends_with(SESSION_SUFFIX) => PathBuf::from(format!("{stem}.lock")),
        _ => PathBuf::from(format!("{name}.lock")),
    }
}

/// The stem of a session's files and exports: the organisation and day 1,
/// `kungsors-kommun-2026-03-12`.
pub fn file_stem(session: &Session) -> String {
    let mut stem = slugify(&session.organisation);
    if let Some(day1) = session.day1() {
        stem.push_str(&format!("-{day1}"));
    }
    stem
}

/// A file-name-safe slug: `Kungsörs kommun` → `kungsors-kommun`, `Großstadt` →
/// `grossstadt`; at most 60 characters, `session` if nothing is left.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        let ascii = match deunicode::deunicode_char(c) {
            // A symbol that deunicode spells out as a word (🎉 → "tada") is no
            // part of a name: it separates words, as punctuation does. A
            // combining mark (the ¨ of a decomposed ö) becomes "" and adds nothing.
            Some(ascii) if c.is_alphanumeric() || !ascii.chars().any(char::is_alphanumeric) => {
                ascii
            }
            _ => " ",
        };
        for a in ascii.chars() {
            if a.is_ascii_alphanumeric() {
                slug.push(a.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = slug.chars().take(60).collect();
    if slug.is_empty() {
        "session".to_string()
    } else {
        slug.trim_end_matches('-').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slugify("Kungsörs kommun"), "kungsors-kommun");
        assert_eq!(
            slugify("  Region Östergötland 2026!! "),
            "region-ostergotland-2026"
        );
        assert_eq!(slugify("🎉"), "session");
    }

    #[test]
    fn any_latin_letter_becomes_ascii_and_symbols_separate() {
        assert_eq!(slugify("Großstadt Ærø Łódź"), "grossstadt-aero-lodz");
        assert_eq!(slugify("ØSTRA SKÅNE"), "ostra-skane");
        // A decomposed ö (o + U+0308) is still one letter.
        assert_eq!(slugify("Kungso\u{308}rs"), "kungsors");
        // deunicode spells emoji out ("tada"); in a slug they only separate.
        assert_eq!(slugify("🎉Kick-off😀2026"), "kick-off-2026");
    }

    #[test]
    fn slugs_stop_at_sixty_characters_and_never_end_in_a_dash() {
        assert_eq!(slugify(&"ö".repeat(70)), "o".repeat(60));
        let at_a_gap = format!("{} b", "a".repeat(59));
        assert_eq!(slugify(&at_a_gap), "a".repeat(59));
        // 'ß' becomes two letters; the cap counts the slug, not the input.
        assert_eq!(slugify(&"ß".repeat(40)), "s".repeat(60));
    }

    #[test]
    fn lock_and_backup_names() {
        let p = Path::new("/d/a.samspel.json");
        assert_eq!(lock_path(p), Path::new("/d/a.samspel.lock"));
        assert_eq!(lock_path(Path::new("x.json")), Path::new("x.json.lock"));
        assert_eq!(backup_path(p, 2), Path::new("/d/a.samspel.json.bak.2"));
    }
}
