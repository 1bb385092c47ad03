//! How a command reaches a screen and what the screen asks back: the app lends
//! the screen a [`Cx`], then carries out each [`Ask`] (another screen, a dialog,
//! the editor, quitting), which only the app may do.

use super::app::{App, Effect, Screen};
use super::dialogs::{Confirm, OnYes, Overlay};
use super::screens::prep::PrepUi;
use super::screens::voting::VotingUi;
use super::screens::{Ask, Cx, Screens};
use crate::model::NewSession;
use crate::programs;
use crate::tr;

impl App {
    /// Lets `f` handle something with the screens' states and a [`Cx`], then
    /// carries out what it asked for; the effects of both, in order.
    pub(crate) fn route(
        &mut self,
        f: impl FnOnce(&mut Screens, &mut Cx) -> Vec<Effect>,
    ) -> Vec<Effect> {
        let (mut effects, more) = self.within(f);
        effects.extend(more);
        effects
    }

    /// Like [`App::route`] for a handler with a value of its own: the value, and
    /// the effects of what it asked for.
    pub(crate) fn within<T>(
        &mut self,
        f: impl FnOnce(&mut Screens, &mut Cx) -> T,
    ) -> (T, Vec<Effect>) {
        let mut cx = Cx::new(
            (self.lang, self.now),
            &mut self.session,
            self.path.is_some(),
            &mut self.dirty,
            &mut self.notice,
        );
        let value = f(&mut self.screens, &mut cx);
        let asks = cx.into_asks();
        let effects = asks
            .into_iter()
            .flat_map(|ask| self.carry_out(ask))
            .collect();
        (value, effects)
    }

    fn carry_out(&mut self, ask: Ask) -> Vec<Effect> {
        match ask {
            Ask::Overlay(overlay) => self.overlay = Some(overlay),
            Ask::Editor(editor) => self.editor = editor.map(|e| *e),
            Ask::Workshop => self.screen = Screen::Workshop,
            Ask::Actions => {
                self.screen = Screen::Actions;
                self.route(|s, cx| {
                    s.actions.clamp(cx);
                    vec![]
                });
            }
            Ask::Agreement => {
                self.screens.agreement = Default::default();
                self.screen = Screen::Agreement;
            }
            Ask::BackToAgreement => self.screen = Screen::Agreement,
            Ask::Memo => self.screen = Screen::Memo,
            Ask::Voting { block } => {
                self.screen = Screen::Voting;
                return self.route(|s, cx| {
                    let (voting, effects) = VotingUi::open(cx, &block);
                    s.voting = voting;
                    effects
                });
            }
            Ask::Prep => {
                self.screen = Screen::Prep;
                return self.route(|s, cx| {
                    s.prep = PrepUi::open(cx, false);
                    vec![]
                });
            }
            Ask::NewSession => return self.begin_new_session(),
            Ask::DiscardNew => return self.discard_new(),
            Ask::CloseSession => return self.close_session(),
            Ask::Export => self.export_form(None),
            Ask::Quit => return self.quit(),
        }
        vec![]
    }

    /// Starts preparing a new session from the first built-in program.
    fn begin_new_session(&mut self) -> Vec<Effect> {
        let Some(Ok(program)) = programs::built_in_ids().next().and_then(programs::built_in) else {
            return vec![];
        };
        let new = NewSession {
            language: self.lang,
            ..NewSession::new(program)
        };
        self.session = new.build(self.now).ok();
        self.path = None;
        self.dirty = false;
        self.screen = Screen::Prep;
        self.route(|s, cx| {
            s.prep = PrepUi::open(cx, true);
            vec![]
        })
    }

    /// Drops the new session being prepared.
    pub(crate) fn discard_new(&mut self) -> Vec<Effect> {
        self.session = None;
        self.dirty = false;
        self.screens.prep = PrepUi::default();
        self.screen = Screen::Start;
        vec![Effect::ListSessions]
    }

    /// Back to the start screen, unless a change is not on disk yet.
    fn close_session(&mut self) -> Vec<Effect> {
        if self.dirty {
            self.notice = Some(tr!(self.lang, NoticeUnsavedStay));
            return vec![];
        }
        self.session = None;
        self.path = None;
        self.editor = None;
        self.screen = Screen::Start;
        vec![Effect::Close, Effect::ListSessions]
    }

    /// Quit, asking first only if something would be lost.
    pub(crate) fn quit(&mut self) -> Vec<Effect> {
        if self.dirty && (self.path.is_some() || self.screens.prep.is_new) {
            self.overlay = Some(Overlay::Confirm(Confirm {
                question: tr!(self.lang, ConfirmQuitUnsaved),
                on_yes: OnYes::Quit,
            }));
            return vec![];
        }
        self.quit_now()
    }
}
