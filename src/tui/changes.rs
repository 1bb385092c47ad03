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
        let now = self.now;
        let session = self.session.as_mut()?;
        match f(session, now) {
            Ok(value) => {
                self.dirty = true;
                let effects = if self.path.is_some() {
                    vec![Effect::Save]
                } else {
                    vec![]
                };
                Some((value, effects))
            }
            Err(e) => {
                self.notice = Some(e.localize(self.lang));
                None
            }
        }
    }
}
