//! How keys change the session: through its own methods, marked as not yet on
//! disk, and saved at once (a session still in preparation has no file yet).
//! A change the model refuses becomes the notice, and nothing changes.

use jiff::Timestamp;

use super::app::{App, Effect};
use crate::i18n::Localize;
use crate::model::Session;

impl App {
    /// Applies a change to the session, to be saved at once.
    pub(crate) fn change(&mut self, f: impl FnOnce(&mut Session)) -> Vec<Effect> {
        match &mut self.session {
            Some(session) => {
                f(session);
                self.dirty = true;
                // A session not created yet (new, in preparation) has no file to save to.
                if self.path.is_some() {
                    vec![Effect::Save]
                } else {
                    vec![]
                }
            }
            None => vec![],
        }
    }

    /// Like [`App::change`] for a change the model may refuse: the refusal becomes
    /// the notice, and nothing changes.
    pub(crate) fn try_change<T, E: Localize>(
        &mut self,
        f: impl FnOnce(&mut Session, Timestamp) -> Result<T, E>,
    ) -> Option<(T, Vec<Effect>)> {
        match self.attempt(f) {
            Ok(done) => Some(done),
            Err(message) => {
                self.notice = Some(message).filter(|m| !m.is_empty());
                None
            }
        }
    }

    /// A change the model may refuse, with the refusal as a sentence (for a form
    /// to show under the field it concerns).
    pub(crate) fn attempt<T, E: Localize>(
        &mut self,
        f: impl FnOnce(&mut Session, Timestamp) -> Result<T, E>,
    ) -> Result<(T, Vec<Effect>), String> {
        let now = self.now;
        let Some(session) = self.session.as_mut() else {
            return Err(String::new());
        };
        match f(session, now) {
            Ok(value) => {
                self.dirty = true;
                let effects = if self.path.is_some() {
                    vec![Effect::Save]
                } else {
                    vec![]
                };
                Ok((value, effects))
            }
            Err(e) => Err(e.localize(self.lang)),
        }
    }
}
