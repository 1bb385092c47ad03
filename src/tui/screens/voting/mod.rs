//! Dot voting: the facilitator enters each participant's dots quickly, and the
//! ranking (with ties, split by side) follows as they go.

pub(crate) mod draw;

use crate::i18n::Msg;
use crate::model::{AnswerId, Item, ParticipantId, Session};
use crate::tr;
use crate::tui::app::{Effect, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

/// How many of the top items `M` marks (ties with the last one included).
const TOP: usize = 3;

/// The voting screen: which voting, whose dots are being entered, which item,
/// and the answers picked to be grouped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VotingUi {
    pub index: usize,
    /// An index into the answering participants.
    pub voter: usize,
    pub item: usize,
    pub picked: Vec<AnswerId>,
}

impl VotingUi {
    /// Opens (or returns to) the voting on `block`'s material.
    pub(crate) fn open(cx: &mut Cx, block: &str) -> (VotingUi, Vec<Effect>) {
        let Some(session) = cx.session() else {
            return (VotingUi::default(), vec![]);
        };
        let items = session.voting_items(block);
        let (mut index, now) = (0, cx.now);
        let effects = cx.change(|s| index = s.voting_for(block, items, now));
        let voting = VotingUi {
            index,
            ..VotingUi::default()
        };
        (voting, effects)
    }

    /// The participant whose dots are being entered.
    pub fn voter(&self, session: &Session) -> Option<ParticipantId> {
        session.voter(self.voter)
    }

    /// The item selected in the voting's own order.
    pub fn item(&self, session: &Session) -> Option<Item> {
        session.voting_item(self.index, self.item)
    }

    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let items = session
            .votings()
            .get(self.index)
            .map_or(0, |v| v.items.len());
        let voters = session.answering().count();
        let selected = self.item(session);
        match command {
            Command::Up => self.item = self.item.saturating_sub(1),
            Command::Down => self.item = (self.item + 1).min(items.max(1) - 1),
            Command::NextFocus if voters > 0 => self.voter = (self.voter + 1) % voters,
            Command::PrevFocus if voters > 0 => self.voter = (self.voter + voters - 1) % voters,
            Command::SpeakAs(n) if usize::from(n) <= voters => self.voter = usize::from(n) - 1,
            Command::AddDot | Command::RemoveDot => {
                return self.change_dots(cx, command == Command::AddDot);
            }
            Command::ToggleMark => {
                if let Some(item) = selected {
                    let marked = session.is_marked(item);
                    return cx.try_effects(|s, now| s.mark_item(item, !marked, now));
                }
            }
            Command::MarkTop => return self.mark_top(cx),
            Command::MoreDots | Command::FewerDots => {
                let index = self.index;
                let each = session.votings().get(index).map_or(0, |v| v.dots_each);
                let dots = if command == Command::MoreDots {
                    each + 1
                } else {
                    each.saturating_sub(1)
                };
                return cx.try_effects(|s, now| s.set_dots_each(index, dots, now));
            }
            Command::ToggleResult => {
                let (index, now) = (self.index, cx.now);
                let hidden = session.votings().get(index).is_some_and(|v| !v.hidden);
                return cx.change(|s| s.set_result_hidden(index, hidden, now));
            }
            Command::Pick => self.pick_item(cx, selected),
            Command::Group => self.group_form(cx),
            Command::Split => return split(cx, selected),
            Command::TogglePresent => {
                return cx.change(|s| s.toggle_wall(crate::model::Slide::Results, None));
            }
            Command::Back => cx.ask(Ask::Workshop),
            Command::Quit => cx.ask(Ask::Quit),
            _ => {}
        }
        vec![]
    }

    fn change_dots(&mut self, cx: &mut Cx, add: bool) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let (Some(voter), Some(item)) = (self.voter(session), self.item(session)) else {
            return vec![];
        };
        let index = self.index;
        let now = session.dots_on(index, voter, item);
        let count = if add { now + 1 } else { now.saturating_sub(1) };
        if count == now {
            return vec![];
        }
        cx.try_effects(|s, time| s.set_dots(index, voter, item, count, time))
    }

    /// Picks (or unpicks) the selected answer for grouping.
    fn pick_item(&mut self, cx: &mut Cx, selected: Option<Item>) {
        match selected {
            Some(Item::Answer(id)) => match self.picked.iter().position(|p| *p == id) {
                Some(i) => {
                    self.picked.remove(i);
                }
                None => self.picked.push(id),
            },
            Some(Item::Proposal(_)) => cx.notify(tr!(cx.lang, NoticePickAnswers)),
            None => {}
        }
    }

    fn group_form(&mut self, cx: &mut Cx) {
        if self.picked.len() < 2 {
            cx.notify(tr!(cx.lang, NoticePickTwo));
            return;
        }
        let first = self.picked.first().and_then(|id| cx.session()?.answer(*id));
        let text = first.map(|a| a.text.clone()).unwrap_or_default();
        let fields = vec![Field::text(Msg::FieldWording, &text)];
        let title = tr!(cx.lang, FormGroup, n = self.picked.len());
        cx.ask(Ask::Overlay(Overlay::Form(Form::new(
            Purpose::Group,
            title,
            fields,
        ))));
    }

    /// Saves the grouping form: the picked answers become one proposal.
    pub(crate) fn submit_group(
        &mut self,
        cx: &mut Cx,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let text = form.text(Msg::FieldWording);
        let picked = &self.picked;
        let (_, effects) = cx
            .attempt(|s, now| s.group_in_votings(picked, &text, now))
            .map_err(|m| FieldError::new(Msg::FieldWording, m))?;
        self.picked.clear();
        Ok(effects)
    }

    fn mark_top(&mut self, cx: &mut Cx) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let top: Vec<Item> = session
            .ranking(self.index)
            .into_iter()
            .filter(|r| r.total > 0 && r.rank <= TOP)
            .map(|r| r.item)
            .collect();
        let effects = cx.try_effects(|s, now| {
            top.iter()
                .try_for_each(|item| s.mark_item(*item, true, now))
        });
        cx.notify(tr!(cx.lang, NoticeMarkedTop, n = top.len()));
        effects
    }
}

/// Splits the selected proposal back into its answers (their dots go).
fn split(cx: &mut Cx, selected: Option<Item>) -> Vec<Effect> {
    let Some(Item::Proposal(id)) = selected else {
        cx.notify(tr!(cx.lang, NoticeSplitWhat));
        return vec![];
    };
    let (mut dropped, now) = (0, cx.now);
    let effects = cx.change(|s| dropped = s.split_proposal(id, now));
    if dropped > 0 {
        cx.notify(tr!(cx.lang, NoticeSplitDots, n = dropped));
    }
    effects
}
