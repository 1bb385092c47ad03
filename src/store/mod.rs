//! Where sessions live and how they are saved: one JSON file per session, replaced
//! whole and durably on every change, three backups, one writer at a time.

mod atomic;
mod encode;
mod error;
mod schema;
mod writer;

use std::fs;
use std::path::{Path, PathBuf};

pub use atomic::{Replace, write_atomic};
pub use encode::{encode, serialize_answers};
pub use error::{IoAction, StoreError};
pub use writer::Writer;

use crate::model::Session;

/// The ending of a saved session's file name.
pub const SESSION_SUFFIX: &str = ".samspel.json";

/// How many earlier generations are kept beside a session file.
pub const BACKUPS: u32 = 3;

/// A saved session as `list` finds it: its name (slug), and the session or the
/// reason it cannot be read.
pub type Listed = (String, Result<Session, StoreError>);

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
            .find(|p| p.is_file())
            .ok_or_else(|| StoreError::NotFound {
                session: session.to_string(),
            })
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
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
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
        Ok(found
            .into_iter()
            .map(|(slug, path)| (slug, load(&path)))
            .collect())
    }
}

/// Reads a session without taking the lock (for reading only: list, show, export,
/// the live view). A save is a rename, so the file read is always whole.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let bytes = fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound {
            session: path.display().to_string(),
        },
        _ => StoreError::io(path, IoAction::Read, &e),
    })?;
    decode(&path.display().to_string(), &bytes)
}

/// Reads a session from the bytes of its file; `file` names it in errors.
pub fn decode(file: &str, bytes: &[u8]) -> Result<Session, StoreError> {
    schema::decode(file, bytes)
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

/// A file-name-safe slug: `Kungsörs kommun` → `kungsors-kommun`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
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
    fn lock_and_backup_names() {
        let p = Path::new("/d/a.samspel.json");
        assert_eq!(lock_path(p), Path::new("/d/a.samspel.lock"));
        assert_eq!(lock_path(Path::new("x.json")), Path::new("x.json.lock"));
        assert_eq!(backup_path(p, 2), Path::new("/d/a.samspel.json.bak.2"));
    }
}
