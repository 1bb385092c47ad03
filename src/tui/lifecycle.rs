//! What happens to the open session as a whole: the clock's tick (the idle
//! draft, a save to retry, the bell), a save's result, another writer's version
//! taken in, opening, and quitting.

use jiff::Timestamp;

use super::app::{App, Effect, Opened, SaveState, Screen};
use super::dialogs::{Confirm, OnYes, Overlay};
use super::editor::Editor;
use super::screens::prep::PrepUi;
use super::screens::workshop::WorkshopUi;
use crate::model::{Seen, Session};

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
        effects.extend(self.bell_if_due());
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
                let Opened { path, session } = *opened;
                self.path = Some(path);
                self.dirty = false;
                // Just read from disk (or just written): what is shown is saved.
                self.save = SaveState::Saved(self.now);
                self.workshop = WorkshopUi::default();
                self.prep = PrepUi::default();
                self.overlay = None;
                self.editor = session.draft().map(|d| {
                    self.notice = Some(crate::tr!(self.lang, NoticeDraftBack));
                    Editor::new(&d.block, d.speaker, d.editing, &d.text)
                });
                self.session = Some(session);
                self.screen = Screen::Workshop;
                vec![]
            }
            Err(message) => {
                self.notice = Some(message);
                vec![]
            }
        }
    }

    /// Quit, asking first only if something would be lost.
    pub(crate) fn quit(&mut self) -> Vec<Effect> {
        if self.dirty && (self.path.is_some() || self.prep.is_new) {
            self.overlay = Some(Overlay::Confirm(Confirm {
                question: crate::tr!(self.lang, ConfirmQuitUnsaved),
                on_yes: OnYes::Quit,
            }));
            return vec![];
        }
        self.quit_now()
    }

    /// Quit at once; text being typed is kept as the draft first.
    pub(crate) fn quit_now(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(editor) = &self.editor
            && !editor.is_blank()
            && self.path.is_some()
        {
            self.last_typed = Some(Timestamp::MIN);
            effects = self.draft_if_idle();
        }
        self.quit = true;
        effects.push(Effect::Quit);
        effects
    }
}
