//! Dot voting: the facilitator enters each participant's dots quickly, and the
//! ranking (with ties, split by side) follows as they go.

pub(crate) mod draw;

use crate::i18n::Msg;
use crate::model::AnswerId;
use crate::model::{Item, ParticipantId};
use crate::tr;
use crate::tui::app::{App, Effect, Overlay, Screen};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;

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

impl App {
    pub(crate) fn open_voting(&mut self, block: &str) -> Vec<Effect> {
        let Some(session) = &self.session else {
            return vec![];
        };
        let items = session.voting_items(block);
        let (mut index, now) = (0, self.now);
        let effects = self.change(|s| index = s.voting_for(block, items, now));
        self.voting = VotingUi {
            index,
            ..VotingUi::default()
        };
        self.screen = Screen::Voting;
        effects
    }

    /// The participant whose dots are being entered.
    pub fn voter(&self) -> Option<ParticipantId> {
        self.session.as_ref()?.voter(self.voting.voter)
    }

    /// The item selected in the voting's own order.
    pub fn voting_item(&self) -> Option<Item> {
        let session = self.session.as_ref()?;
        session.voting_item(self.voting.index, self.voting.item)
    }

    pub(crate) fn voting_command(&mut self, command: Command) -> Vec<Effect> {
        let (voters, items) = self.session.as_ref().map_or((0, 0), |s| {
            let items = s
                .votings()
                .get(self.voting.index)
                .map_or(0, |v| v.items.len());
            (s.answering().count(), items)
        });
        let v = &mut self.voting;
        match command {
            Command::Up => v.item = v.item.saturating_sub(1),
            Command::Down => v.item = (v.item + 1).min(items.max(1) - 1),
            Command::NextFocus if voters > 0 => v.voter = (v.voter + 1) % voters,
            Command::PrevFocus if voters > 0 => v.voter = (v.voter + voters - 1) % voters,
            Command::SpeakAs(n) if usize::from(n) <= voters => v.voter = usize::from(n) - 1,
            Command::AddDot | Command::RemoveDot => {
                return self.change_dots(command == Command::AddDot);
            }
            Command::ToggleMark => {
                if let Some(item) = self.voting_item() {
                    let marked = self.session.as_ref().is_some_and(|s| s.is_marked(item));
                    return self
                        .try_change(|s, now| s.mark_item(item, !marked, now))
                        .map(|(_, e)| e)
                        .unwrap_or_default();
                }
            }
            Command::MarkTop => return self.mark_top(),
            Command::MoreDots | Command::FewerDots => {
                let index = self.voting.index;
                let each = self
                    .session
                    .as_ref()
                    .and_then(|s| s.votings().get(index))
                    .map_or(0, |v| v.dots_each);
                let dots = if command == Command::MoreDots {
                    each + 1
                } else {
                    each.saturating_sub(1)
                };
                return self
                    .try_change(|s, now| s.set_dots_each(index, dots, now))
                    .map(|(_, e)| e)
                    .unwrap_or_default();
            }
            Command::Pick => self.pick_item(),
            Command::Group => self.group_form(),
            Command::Split => return self.split_selected(),
            Command::TogglePresent => return self.toggle_wall(crate::model::Slide::Results),
            Command::Back => self.screen = Screen::Workshop,
            Command::Quit => return self.quit(),
            _ => {}
        }
        vec![]
    }

    fn change_dots(&mut self, add: bool) -> Vec<Effect> {
        let (Some(voter), Some(item), Some(session)) =
            (self.voter(), self.voting_item(), &self.session)
        else {
            return vec![];
        };
        let index = self.voting.index;
        let now = session.dots_on(index, voter, item);
        let count = if add { now + 1 } else { now.saturating_sub(1) };
        if count == now {
            return vec![];
        }
        self.try_change(|s, time| s.set_dots(index, voter, item, count, time))
            .map(|(_, e)| e)
            .unwrap_or_default()
    }

    /// Picks (or unpicks) the selected answer for grouping.
    fn pick_item(&mut self) {
        match self.voting_item() {
            Some(Item::Answer(id)) => {
                let picked = &mut self.voting.picked;
                match picked.iter().position(|p| *p == id) {
                    Some(i) => {
                        picked.remove(i);
                    }
                    None => picked.push(id),
                }
            }
            Some(Item::Proposal(_)) => self.notice = Some(tr!(self.lang, NoticePickAnswers)),
            None => {}
        }
    }

    fn group_form(&mut self) {
        if self.voting.picked.len() < 2 {
            self.notice = Some(tr!(self.lang, NoticePickTwo));
            return;
        }
        let first = self
            .voting
            .picked
            .first()
            .and_then(|id| self.session.as_ref()?.answer(*id));
        let text = first.map(|a| a.text.clone()).unwrap_or_default();
        let fields = vec![Field::text(Msg::FieldWording, &text)];
        let title = tr!(self.lang, FormGroup, n = self.voting.picked.len());
        self.overlay = Some(Overlay::Form(Form::new(Purpose::Group, title, fields)));
    }

    /// Saves the grouping form: the picked answers become one proposal.
    pub(crate) fn submit_group(&mut self, form: &Form) -> Result<Vec<Effect>, FieldError> {
        let picked = self.voting.picked.clone();
        let text = form.text(Msg::FieldWording);
        let (_, effects) = self
            .attempt(|s, now| s.group_in_votings(&picked, &text, now))
            .map_err(|m| FieldError::new(Msg::FieldWording, m))?;
        self.voting.picked.clear();
        Ok(effects)
    }

    fn split_selected(&mut self) -> Vec<Effect> {
        let Some(Item::Proposal(id)) = self.voting_item() else {
            self.notice = Some(tr!(self.lang, NoticeSplitWhat));
            return vec![];
        };
        let mut dropped = 0;
        let now = self.now;
        let effects = self.change(|s| dropped = s.split_proposal(id, now));
        if dropped > 0 {
            self.notice = Some(tr!(self.lang, NoticeSplitDots, n = dropped));
        }
        effects
    }

    fn mark_top(&mut self) -> Vec<Effect> {
        let Some(session) = &self.session else {
            return vec![];
        };
        let top: Vec<Item> = session
            .ranking(self.voting.index)
            .into_iter()
            .filter(|r| r.total > 0 && r.rank <= TOP)
            .map(|r| r.item)
            .collect();
        let n = top.len();
        let effects = self
            .try_change(|s, now| {
                top.iter()
                    .try_for_each(|item| s.mark_item(*item, true, now))
            })
            .map(|(_, e)| e)
            .unwrap_or_default();
        self.notice = Some(tr!(self.lang, NoticeMarkedTop, n = n));
        effects
    }
}
