//! The screens, one folder each: its state, its keys and its drawing.
//!
//! A screen changes only its own state. Everything else it reaches through a
//! [`Cx`]: the session (changed only through [`Cx::change`], [`Cx::try_change`]
//! and [`Cx::attempt`], which mark it unsaved and ask for the save), the notice,
//! the language and the clock. What belongs to the app — another screen, a dialog,
//! the editor, quitting — a screen asks for with an [`Ask`]; the app carries the
//! asks out once the screen is done with the key. Drawing reads the screen's
//! state and a [`DrawCx`], and changes nothing.

pub(crate) mod actions;
pub(crate) mod agreement;
pub(crate) mod memo;
pub(crate) mod prep;
pub(crate) mod start;
pub(crate) mod voting;
pub(crate) mod wall;
pub(crate) mod workshop;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::app::Effect;
use super::dialogs::Overlay;
use super::editor::Editor;
use crate::i18n::{Lang, Localize};
use crate::model::Session;

/// The states of every screen. Each keeps its state while another has the keys
/// (the workshop's selected answer survives a visit to the agreement).
#[derive(Default)]
pub struct Screens {
    pub start: start::StartUi,
    pub prep: prep::PrepUi,
    pub workshop: workshop::WorkshopUi,
    pub voting: voting::VotingUi,
    pub agreement: agreement::AgreementUi,
    pub actions: actions::ActionsUi,
    pub memo: memo::MemoUi,
}

/// What a screen asks the app to do after a key: what is not the screen's own.
pub enum Ask {
    /// Draw this over the screen, taking the keys.
    Overlay(Overlay),
    /// Open the editor with this text (replacing one that is open), or close it.
    Editor(Option<Box<Editor>>),
    /// Back to the workshop screen.
    Workshop,
    /// The list of action items.
    Actions,
    /// The agreement screen, at its first section.
    Agreement,
    /// The agreement screen, where it was left.
    BackToAgreement,
    /// The tjänsteskrivelse (decision memo).
    Memo,
    /// Dot voting on this block's material.
    Voting { block: String },
    /// Preparation for the session that is running.
    Prep,
    /// Preparation of a new session, in memory until it is created.
    NewSession,
    /// Drop the new session being prepared: back to the start screen.
    DiscardNew,
    /// Release the session: back to the start screen.
    CloseSession,
    /// The export dialog.
    Export,
    /// Quit, asking first if something would be lost.
    Quit,
}

/// What a screen may use while it handles a key.
pub struct Cx<'a> {
    pub lang: Lang,
    pub now: Timestamp,
    session: &'a mut Option<Session>,
    /// The session has a file: a change is saved at once.
    has_file: bool,
    dirty: &'a mut bool,
    notice: &'a mut Option<String>,
    asks: Vec<Ask>,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(
        (lang, now): (Lang, Timestamp),
        session: &'a mut Option<Session>,
        has_file: bool,
        dirty: &'a mut bool,
        notice: &'a mut Option<String>,
    ) -> Cx<'a> {
        Cx {
            lang,
            now,
            session,
            has_file,
            dirty,
            notice,
            asks: Vec::new(),
        }
    }

    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// Says one sentence in the status line (until the next key).
    pub fn notify(&mut self, sentence: String) {
        *self.notice = Some(sentence);
    }

    pub fn ask(&mut self, ask: Ask) {
        self.asks.push(ask);
    }

    pub(crate) fn into_asks(self) -> Vec<Ask> {
        self.asks
    }

    /// The save, if a change waits for it and there is a file to save to (a new
    /// session in preparation has none until it is created).
    pub fn save_if_dirty(&self) -> Vec<Effect> {
        if *self.dirty && self.has_file {
            vec![Effect::Save]
        } else {
            vec![]
        }
    }

    /// Applies a change to the session, to be saved at once.
    pub fn change(&mut self, f: impl FnOnce(&mut Session)) -> Vec<Effect> {
        match self.session.as_mut() {
            Some(session) => {
                f(session);
                *self.dirty = true;
                self.save_if_dirty()
            }
            None => vec![],
        }
    }

    /// Puts `session` in place of the one being prepared, unsaved if it differs.
    pub fn replace_session(&mut self, session: Session) {
        if self.session.as_ref() != Some(&session) {
            *self.dirty = true;
        }
        *self.session = Some(session);
    }

    /// Like [`Cx::change`] for a change the model may refuse: the refusal becomes
    /// the notice, and nothing changes.
    pub fn try_change<T, E: Localize>(
        &mut self,
        f: impl FnOnce(&mut Session, Timestamp) -> Result<T, E>,
    ) -> Option<(T, Vec<Effect>)> {
        match self.attempt(f) {
            Ok(done) => Some(done),
            Err(message) => {
                *self.notice = Some(message).filter(|m| !m.is_empty());
                None
            }
        }
    }

    /// [`Cx::try_change`] for a change whose value is not needed.
    pub fn try_effects<T, E: Localize>(
        &mut self,
        f: impl FnOnce(&mut Session, Timestamp) -> Result<T, E>,
    ) -> Vec<Effect> {
        self.try_change(f).map(|(_, e)| e).unwrap_or_default()
    }

    /// A change the model may refuse, with the refusal as a sentence (for a form
    /// to show under the field it concerns).
    pub fn attempt<T, E: Localize>(
        &mut self,
        f: impl FnOnce(&mut Session, Timestamp) -> Result<T, E>,
    ) -> Result<(T, Vec<Effect>), String> {
        let Some(session) = self.session.as_mut() else {
            return Err(String::new());
        };
        match f(session, self.now) {
            Ok(value) => {
                *self.dirty = true;
                Ok((value, self.save_if_dirty()))
            }
            Err(e) => Err(e.localize(self.lang)),
        }
    }
}

/// What drawing may read besides a screen's own state.
pub struct DrawCx<'a> {
    pub lang: Lang,
    pub now: Timestamp,
    /// For showing times of day.
    pub tz: &'a TimeZone,
    /// The text being typed, drawn where the screen puts it.
    pub editor: Option<&'a Editor>,
}

impl DrawCx<'_> {
    /// `10:42:13` in the app's time zone.
    pub fn clock(&self, t: Timestamp) -> String {
        t.to_zoned(self.tz.clone()).strftime("%H:%M:%S").to_string()
    }
}
