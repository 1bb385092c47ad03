//! What happens to the open session as a whole: the clock's tick (the idle
//! draft, a save to retry, the bell), a save's result, another writer's version
//! taken in, opening, and quitting.

use jiff::Timestamp;

use super::app::{App, Effect, Opened, SaveState, Screen};
use super::dialogs::Overlay;
use super::editor::Editor;
use super::screens::prep::{self, PrepUi};
use super::screens::workshop::WorkshopUi;
use crate::model::{Program, Seen, Session};

/// How often a failed save is retried.
const RETRY_SECS: i64 = 3;

impl App {
    pub(crate) fn tick(&mut self) -> Vec<Effect> {
        if self.screen == Screen::Follow {
            return vec![Effect::Reload];
        }
        let mut effects = self.draft_if_idle();
        let retry_due = self
            .last_save_attempt
            .is_none_or(|t| self.now.as_second() - t.as_second() >= RETRY_SECS);
        if self.dirty && matches!(self.save, SaveState::Failed(_)) && retry_due {
            effects.push(Effect::Save);
        }
        effects.extend(self.route(|s, cx| s.workshop.bell_if_due(cx)));
        effects.dedup();
        effects
    }

    /// Takes in what another program saved, says so, and saves the whole again
    /// (the store keeps their version as the first backup).
    pub(crate) fn take_in(&mut self, theirs: &Session, seen: &Seen) -> Vec<Effect> {
        let Some(session) = &mut self.session else {
            return vec![];
        };
        let n = session.take_in(theirs, seen);
        let backup = self.path.as_deref().map(super::shell::backup_name);
        self.notice = Some(crate::tr!(
            self.lang,
            NoticeTookIn,
            n = n,
            backup = backup.unwrap_or_default()
        ));
        self.dirty = true;
        vec![Effect::Save]
    }

    pub(crate) fn saved(&mut self, result: Result<Option<String>, String>) -> Vec<Effect> {
        self.last_save_attempt = Some(self.now);
        match result {
            Ok(news) => {
                self.dirty = false;
                self.save = SaveState::Saved(self.now);
                // "Not saved yet" is no longer true once it is.
                let waiting = crate::tr!(self.lang, NoticeUnsavedStay);
                if news.is_some() || self.notice.as_ref() == Some(&waiting) {
                    self.notice = news;
                }
            }
            Err(message) => self.save = SaveState::Failed(message),
        }
        vec![]
    }

    pub(crate) fn opened(&mut self, result: Result<Box<Opened>, String>) -> Vec<Effect> {
        match result {
            Ok(opened) => {
                let Opened {
                    path,
                    session,
                    moved,
                } = *opened;
                self.path = Some(path);
                // Just read from disk (or just written): what is shown is saved.
                self.save = SaveState::Saved(self.now);
                self.screens.workshop = WorkshopUi::default();
                self.screens.prep = PrepUi::default();
                self.overlay = None;
                self.editor = session.draft().map(|d| {
                    self.notice = Some(crate::tr!(self.lang, NoticeDraftBack));
                    let edited = d.editing.and_then(|id| session.answer(id));
                    Editor::recovered(d, edited.map_or("", |a| a.text.as_str()))
                });
                self.session = Some(session);
                self.screen = Screen::Workshop;
                self.dirty = moved;
                if moved { vec![Effect::Save] } else { vec![] }
            }
            Err(message) => {
                self.notice = Some(message);
                vec![]
            }
        }
    }

    /// A program file was read: preparation offers it; or the file's form says
    /// what is wrong with it.
    pub(crate) fn program_loaded(&mut self, result: Result<Box<Program>, String>) -> Vec<Effect> {
        match result {
            Ok(program) => {
                self.overlay = None;
                self.route(|s, cx| {
                    s.prep.program_loaded(cx, *program);
                    vec![]
                })
            }
            Err(message) => {
                if let Some(Overlay::Form(form)) = &mut self.overlay {
                    form.show_error(prep::program_problem(&message));
                }
                vec![]
            }
        }
    }

    /// Quit at once; text being typed is kept as the draft first, and a running
    /// timer is paused.
    pub(crate) fn quit_now(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(editor) = &mut self.editor
            && !editor.is_blank()
            && self.path.is_some()
        {
            editor.typed = Some(Timestamp::MIN);
            effects = self.draft_if_idle();
        }
        // A timer counts only while the room works with the app open: closing
        // pauses it (after a crash it is found running, as the room went on).
        let now = self.now;
        if let (Some(session), Some(_)) = (&mut self.session, &self.path)
            && session.pause_timers(now)
        {
            self.dirty = true;
            effects.push(Effect::Save);
        }
        effects.dedup();
        self.quit = true;
        effects.push(Effect::Quit);
        effects
    }
}
