//! The tjänsteskrivelse (decision memo): its parts as they read now, each a
//! proposal made from the session until the user rewrites it in the editor;
//! `d` brings the proposal back (after a yes).

pub(crate) mod draw;

use crate::i18n::Quoted;
use crate::model::memo::{MemoPart, default_text};
use crate::tr;
use crate::tui::app::{Confirm, Effect, OnYes, Overlay};
use crate::tui::editor::Editor;
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

/// The memo screen's state: the part selected (an index into [`MemoPart::ALL`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoUi {
    pub selected: usize,
}

impl MemoUi {
    pub fn part(&self) -> MemoPart {
        MemoPart::ALL[self.selected.min(MemoPart::ALL.len() - 1)]
    }

    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let part = self.part();
        let edited = session.memo_edits().get(&part).cloned();
        match command {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(MemoPart::ALL.len() - 1),
            Command::Accept => {
                let text = edited.unwrap_or_else(|| default_text(session, cx.lang, part));
                cx.ask(Ask::Editor(Some(Box::new(Editor::for_memo(part, &text)))));
            }
            Command::Remove => match edited {
                Some(_) => {
                    let question = tr!(
                        cx.lang,
                        ConfirmMemoReset,
                        part = Quoted(cx.lang, part.label(cx.lang))
                    );
                    cx.ask(Ask::Overlay(Overlay::Confirm(Confirm {
                        question,
                        on_yes: OnYes::ResetMemoPart(part),
                    })));
                }
                None => {
                    let part = Quoted(cx.lang, part.label(cx.lang));
                    cx.notify(tr!(cx.lang, NoticeMemoNotEdited, part = part));
                }
            },
            Command::Export => cx.ask(Ask::Export),
            Command::Back => cx.ask(Ask::BackToAgreement),
            Command::Quit => cx.ask(Ask::Quit),
            _ => {}
        }
        vec![]
    }

    /// Keeps `text` as what `part` says: the user's own words, or, when it is
    /// blank or the proposal unchanged, the proposal (which then follows the
    /// session again).
    pub(crate) fn keep(cx: &mut Cx, part: MemoPart, text: &str) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let proposal = default_text(session, cx.lang, part);
        let text = match text.trim() == proposal.trim() {
            true => "",
            false => text,
        };
        if session.memo_edits().get(&part).map(String::as_str) == Some(text.trim_end())
            || (text.trim().is_empty() && !session.memo_edits().contains_key(&part))
        {
            return vec![];
        }
        let now = cx.now;
        cx.change(|s| s.set_memo_part(part, text, now))
    }

    /// Saves the text written in the editor as its part's.
    pub(crate) fn save(&mut self, cx: &mut Cx, editor: &Editor) -> Vec<Effect> {
        match editor.memo {
            Some(part) => MemoUi::keep(cx, part, &editor.text()),
            None => vec![],
        }
    }

    /// Brings `part`'s proposal back, throwing away what the user wrote.
    pub(crate) fn reset(&mut self, cx: &mut Cx, part: MemoPart) -> Vec<Effect> {
        let now = cx.now;
        let effects = cx.change(|s| s.set_memo_part(part, "", now));
        let part = Quoted(cx.lang, part.label(cx.lang));
        cx.notify(tr!(cx.lang, NoticeMemoReset, part = part));
        effects
    }
}
