//! The I/O the app's effects ask for: saving, listing, opening and creating
//! sessions, the bell. The event loop and the tests both use it, so the tests
//! exercise the same saves the app makes.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::app::{
    Action, App, Effect, ExportFailure, ExportRequest, Opened, SessionList, SessionSummary,
    SummaryLine,
};
use crate::demo;
use crate::i18n::{Lang, Localize};
use crate::model::Session;
use crate::store::{self, Saved, Stamp, Store, Writer};

/// The I/O side: the store and the writer that holds the open session's lock.
pub struct Shell {
    store: Store,
    writer: Option<Writer>,
    lang: Lang,
    /// The live view's file and how it looked when last read.
    following: Option<(PathBuf, Option<Stamp>)>,
}

impl Shell {
    pub fn new(store: Store, lang: Lang) -> Shell {
        Shell {
            store,
            writer: None,
            lang,
            following: None,
        }
    }

    pub fn perform(&mut self, app: &App, effect: Effect) -> Option<Action> {
        match effect {
            Effect::Save => {
                let (Some(writer), Some(session)) = (&mut self.writer, &app.session) else {
                    return None;
                };
                let file = writer.path().display().to_string();
                Some(match writer.save(session) {
                    Ok(Saved::Written) => Action::Saved(Ok(None)),
                    Ok(Saved::Recreated) => Action::Saved(Ok(Some(crate::tr!(
                        self.lang,
                        NoticeFileRecreated,
                        file = file
                    )))),
                    Ok(Saved::KeptForeign) => Action::Saved(Ok(Some(crate::tr!(
                        self.lang,
                        NoticeKeptForeign,
                        backup = backup_name(writer.path())
                    )))),
                    Ok(Saved::Theirs { theirs, seen }) => Action::TakeIn { theirs, seen },
                    Err(e) => Action::Saved(Err(e.localize(self.lang))),
                })
            }
            Effect::ListSessions => Some(Action::Sessions(self.list())),
            Effect::Open(path) => Some(Action::Opened(self.open(&path))),
            Effect::OpenDemo => Some(Action::Opened(self.open_demo(app.now))),
            Effect::Create => {
                let session = app.session.clone()?;
                Some(Action::Opened(self.create(session)))
            }
            Effect::LoadProgram(path) => Some(Action::ProgramLoaded(
                crate::programs::load_file(&path)
                    .map(Box::new)
                    .map_err(|e| e.localize(self.lang)),
            )),
            Effect::Reload => self.reload(),
            Effect::Export(request) => {
                let session = app.session.as_ref()?;
                Some(Action::Exported(self.export(session, request)))
            }
            Effect::Close => {
                self.writer = None;
                None
            }
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                None
            }
            Effect::Quit => None,
        }
    }

    /// Starts following a session for the live view: no lock, reading only.
    pub fn follow(&mut self, path: &Path) -> Result<Box<Session>, String> {
        let stamp = Stamp::at(path);
        let session = store::load(path).map_err(|e| e.localize(self.lang))?;
        self.following = Some((path.to_path_buf(), stamp));
        Ok(Box::new(session))
    }

    /// Reads the followed session again if its file changed. Saves replace the file
    /// by a rename, so what is read is always a whole version.
    fn reload(&mut self) -> Option<Action> {
        let (path, last) = self.following.as_mut()?;
        let now = Stamp::at(path);
        if now == *last {
            return None;
        }
        *last = now;
        if now.is_none() {
            let file = path.display();
            return Some(Action::Reloaded(Err(crate::tr!(
                self.lang,
                FollowGone,
                file = file
            ))));
        }
        Some(Action::Reloaded(store::load(path).map(Box::new).map_err(
            |e| crate::tr!(self.lang, FollowUnreadable, reason = e.localize(self.lang)),
        )))
    }

    /// Renders and writes an export atomically, owner-only; an existing file is
    /// replaced only when the request says so.
    fn export(&self, session: &Session, request: ExportRequest) -> Result<PathBuf, ExportFailure> {
        let options = crate::export::Options {
            anonymous: request.anonymous,
            lang: self.lang,
            sources: false,
            final_text: request.final_text,
            changes: false,
            agreement: request.agreement.clone(),
            day: request.day,
            now: request.now,
            // A CSV from the app is opened by double-click: formulas always neutralised.
            raw_csv: false,
        };
        let bytes = crate::export::render(session, request.format, &options)
            .map_err(|e| ExportFailure::Other(e.localize(self.lang)))?;
        let replace = if request.replace {
            store::Replace::Allow
        } else {
            store::Replace::Refuse
        };
        let own = self.writer.as_ref().map_or(Path::new(""), Writer::path);
        match store::write_export(&request.path, &bytes, replace, own) {
            Ok(()) => Ok(request.path),
            Err(store::StoreError::Exists { .. }) => Err(ExportFailure::Exists(request)),
            Err(e) => Err(ExportFailure::Other(e.localize(self.lang))),
        }
    }

    pub fn list(&self) -> SessionList {
        let Ok(listing) = self.store.list() else {
            return SessionList::default();
        };
        let dir = self.store.dir();
        let sessions = listing
            .sessions
            .into_iter()
            .map(|(name, loaded)| SessionSummary {
                path: dir.join(format!("{name}{}", store::SESSION_SUFFIX)),
                line: loaded
                    .map(|s| SummaryLine {
                        title: s.title.clone(),
                        organisation: s.organisation.clone(),
                        dates: [s.day1(), s.day2()]
                            .iter()
                            .flatten()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                        answers: s.answers().len(),
                        changed: s.changed,
                    })
                    .map_err(|e| e.localize(self.lang)),
                name,
            })
            .collect();
        SessionList {
            sessions,
            skipped: listing.skipped,
        }
    }

    pub fn open(&mut self, path: &Path) -> Result<Box<Opened>, String> {
        self.writer = None;
        let (writer, session) = Writer::open(path).map_err(|e| e.localize(self.lang))?;
        // The file itself (a link is followed): where its backups are.
        let path = writer.path().to_path_buf();
        self.writer = Some(writer);
        Ok(Box::new(Opened {
            path,
            session,
            moved: false,
        }))
    }

    pub fn create(&mut self, session: Session) -> Result<Box<Opened>, String> {
        self.writer = None;
        let writer = self
            .store
            .create(&session)
            .map_err(|e| e.localize(self.lang))?;
        let path = writer.path().to_path_buf();
        self.writer = Some(writer);
        Ok(Box::new(Opened {
            path,
            session,
            moved: false,
        }))
    }

    /// A fresh copy of the demo session, replacing the last one.
    pub fn open_demo(&mut self, now: Timestamp) -> Result<Box<Opened>, String> {
        self.writer = None;
        self.store.ensure_dir().map_err(|e| e.localize(self.lang))?;
        let path = self
            .store
            .dir()
            .join(format!("demo{}", store::SESSION_SUFFIX));
        let session = demo::session(self.lang, now)?;
        let writer = Writer::replace(&path, &session).map_err(|e| e.localize(self.lang))?;
        self.writer = Some(writer);
        Ok(Box::new(Opened {
            path,
            session,
            moved: false,
        }))
    }
}

/// `x.samspel.json.bak.1`: the first backup by its file name, for a notice.
pub(crate) fn backup_name(path: &Path) -> String {
    let backup = store::backup_path(path, 1);
    let name = backup.file_name().unwrap_or_default();
    name.to_string_lossy().into_owned()
}

/// Feeds an action to the app and performs the effects, which may answer with
/// further actions (a save's result), until nothing is left to do.
///
/// Returns whether an effect brought something back (a save's result, a reloaded
/// session…): the event loop redraws after a tick only then.
pub fn dispatch(app: &mut App, shell: &mut Shell, action: Action, now: Timestamp) -> bool {
    let mut queue = vec![action];
    let mut followed_up = false;
    while let Some(action) = queue.pop() {
        for effect in app.update(action, now) {
            if let Some(next) = shell.perform(app, effect) {
                queue.push(next);
                followed_up = true;
            }
        }
    }
    followed_up
}
