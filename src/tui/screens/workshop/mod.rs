//! What the keys do on the workshop screen: answers, the round, the timer, views.

pub(crate) mod draw;
mod typing;

use std::collections::HashSet;

use crate::i18n::{Localize, Quoted};
use crate::model::board::Column;
use crate::model::{Answer, AnswerId, Deleted, Item, ModelError, Session, Slide, Speaker};
use crate::tr;
use crate::tui::app::{Confirm, Effect, OnYes, Overlay};
use crate::tui::dialogs::picker::{self, Choice, Picker};
use crate::tui::editor::Editor;
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx, actions};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    Agenda,
    #[default]
    Answers,
}

#[derive(Default)]
pub struct WorkshopUi {
    /// The selected answer: an index into the current block's answers.
    pub selected: usize,
    pub focus: Focus,
    /// The last deleted answer, its place and what went with it, for undo.
    pub undo: Option<Deleted>,
    pub last_speaker: Option<Speaker>,
    /// Blocks whose bell has rung, so that it rings once.
    pub rung: HashSet<String>,
}

impl WorkshopUi {
    /// The answer selected among the current block's.
    fn selected_answer(&self, session: &Session) -> Option<Answer> {
        let answers = session.current_answers();
        answers.get(self.selected).map(|a| (*a).clone())
    }

    /// Who speaks next: the next in the round, else the last speaker, else the group.
    pub fn default_speaker(&self, session: &Session) -> Speaker {
        let Some(block) = session.current_block() else {
            return Speaker::Group;
        };
        let after = match self.last_speaker {
            Some(Speaker::Participant(id)) => Some(id),
            _ => None,
        };
        session
            .next_in_round(&block.id, after)
            .map(Speaker::Participant)
            .or(self.last_speaker)
            .unwrap_or(Speaker::Group)
    }

    /// Opens the editor for the one who speaks next (typing or pasting on the
    /// workshop screen starts an answer).
    pub(crate) fn new_answer(&mut self, cx: &mut Cx) {
        if let Some(session) = cx.session() {
            let speaker = self.default_speaker(session);
            open_editor(cx, speaker);
        }
    }

    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let Some(block) = session.current_block().map(|b| b.id.clone()) else {
            return vec![];
        };
        let count = session.current_answers().len();
        let takes_answers = session.current_block().is_some_and(|b| b.takes_answers());
        let selected = self.selected_answer(session);
        let now = cx.now;
        match command {
            Command::NewAnswer => self.new_answer(cx),
            Command::SpeakAs(n) => speak_as(cx, n),
            Command::SpeakGroup => open_editor(cx, Speaker::Group),
            Command::PickSpeaker => pick_speaker(cx),
            Command::Up | Command::Down if self.focus == Focus::Agenda => {
                let delta = if command == Command::Up { -1 } else { 1 };
                return self.step_block(cx, delta);
            }
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(count.max(1) - 1),
            Command::PrevBlock => return self.step_block(cx, -1),
            Command::NextBlock => return self.step_block(cx, 1),
            Command::NextFocus | Command::PrevFocus => {
                self.focus = match self.focus {
                    Focus::Agenda => Focus::Answers,
                    Focus::Answers => Focus::Agenda,
                };
            }
            Command::EditAnswer => {
                if let Some(a) = selected {
                    let editor = Editor::new(&a.block, a.speaker, Some(a.id), &a.text);
                    cx.ask(Ask::Editor(Some(Box::new(editor))));
                }
            }
            Command::DeleteAnswer => ask_delete(cx, selected),
            Command::Undo => return self.undo_delete(cx),
            Command::ToggleMark => {
                if let Some(a) = selected {
                    return cx.try_effects(|s, now| s.set_marked(a.id, !a.marked, now));
                }
            }
            Command::MoveAnswer => pick_block_to_move_to(cx, selected),
            Command::Board => match selected {
                Some(a) => return to_next_column(cx, a.id),
                None => cx.notify(tr!(cx.lang, NoticeNoAnswerSelected)),
            },
            Command::AddActionItem => actions::form(cx, Some(block), None),
            Command::ActionItems => cx.ask(Ask::Actions),
            Command::CycleView => {
                return cx.change(|s| {
                    let p = s.progress_mut();
                    p.view = p.view.next();
                });
            }
            Command::ToggleGuidance => {
                return cx.change(|s| flip(&mut s.progress_mut().show_guidance));
            }
            Command::ToggleBell => return cx.change(|s| flip(&mut s.progress_mut().bell)),
            Command::ToggleDone => return cx.change(|s| s.toggle_done(&block, now)),
            Command::Pass => return self.pass(cx, &block),
            Command::TimerToggle => return cx.change(|s| s.toggle_timer(&block, now)),
            Command::TimerReset => {
                self.rung.remove(&block);
                return cx.change(|s| *s.timer_mut(&block) = Default::default());
            }
            Command::TimerPlus => return cx.change(|s| s.timer_mut(&block).add_minutes(1)),
            Command::TimerMinus => return cx.change(|s| s.timer_mut(&block).add_minutes(-1)),
            Command::Prepare => cx.ask(Ask::Prep),
            Command::Export => cx.ask(Ask::Export),
            Command::Prioritise if !takes_answers => cx.notify(tr!(cx.lang, NoticeBreakNoVoting)),
            Command::Prioritise => cx.ask(Ask::Voting { block }),
            Command::OpenAgreement => cx.ask(Ask::Agreement),
            // The wall opens on the block the room is at, not the slide last shown.
            Command::TogglePresent => return cx.change(|s| s.toggle_wall(Slide::Question, None)),
            Command::Back => cx.ask(Ask::CloseSession),
            Command::Quit => cx.ask(Ask::Quit),
            _ => {}
        }
        vec![]
    }

    /// Keys in presentation mode: the wall's own settings, else the workshop's keys.
    pub(crate) fn present_command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        use crate::model::ThemeChoice;
        let change = |f: fn(&mut crate::model::Presentation)| {
            move |s: &mut Session| f(&mut s.progress_mut().presentation)
        };
        match command {
            Command::NextSlide => cx.change(change(|p| p.slide = p.slide.step(1))),
            Command::PrevSlide => cx.change(change(|p| p.slide = p.slide.step(-1))),
            Command::ToggleNames => cx.change(change(|p| p.anonymous = !p.anonymous)),
            Command::ToggleSides => cx.change(change(|p| p.show_side = !p.show_side)),
            Command::ToggleTheme => cx.change(change(|p| {
                p.theme = match p.theme {
                    ThemeChoice::Light => ThemeChoice::Dark,
                    ThemeChoice::Dark => ThemeChoice::Light,
                }
            })),
            other => self.command(cx, other),
        }
    }

    fn step_block(&mut self, cx: &mut Cx, delta: isize) -> Vec<Effect> {
        let mut moved = false;
        let now = cx.now;
        let effects = cx.change(|s| moved = s.step_block(delta, now));
        if !moved {
            return vec![];
        }
        self.selected = 0;
        self.last_speaker = None;
        effects
    }

    /// A choice made in the picker this screen opened.
    pub(crate) fn picked(
        &mut self,
        cx: &mut Cx,
        purpose: picker::Purpose,
        chosen: Choice,
    ) -> Vec<Effect> {
        match (purpose, chosen) {
            (picker::Purpose::Speaker, Choice::Speaker(s)) => open_editor(cx, s),
            (picker::Purpose::MoveAnswer(id), Choice::Block(block)) => {
                let moved = cx.try_change(|s, now| s.move_answer(id, &block, now));
                let title = cx.session().and_then(|s| s.program().block(&block));
                let title = title.map(|b| b.title.clone()).unwrap_or_default();
                if let Some((_, effects)) = moved {
                    cx.notify(tr!(cx.lang, NoticeMoved, block = Quoted(cx.lang, &title)));
                    return effects;
                }
            }
            _ => {}
        }
        vec![]
    }

    /// Deletes an answer (after the question), keeping it for undo.
    pub(crate) fn delete_answer(&mut self, cx: &mut Cx, id: AnswerId) -> Vec<Effect> {
        let Some((deleted, effects)) = cx.try_change(|s, now| s.delete_answer(id, now)) else {
            return vec![];
        };
        self.undo = Some(deleted);
        let count = cx.session().map_or(0, |s| s.current_answers().len());
        self.selected = self.selected.min(count.saturating_sub(1));
        cx.notify(tr!(cx.lang, NoticeDeleted));
        effects
    }

    fn undo_delete(&mut self, cx: &mut Cx) -> Vec<Effect> {
        let Some(deleted) = self.undo.take() else {
            cx.notify(tr!(cx.lang, NoticeNothingToUndo));
            return vec![];
        };
        cx.try_effects(|s, now| s.restore_answer(deleted, now))
    }

    fn pass(&mut self, cx: &mut Cx, block: &str) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let Speaker::Participant(id) = self.default_speaker(session) else {
            cx.notify(tr!(cx.lang, NoticeRoundDone));
            return vec![];
        };
        let name = session.speaker_label(Speaker::Participant(id), cx.lang);
        self.last_speaker = Some(Speaker::Participant(id));
        cx.notify(tr!(cx.lang, NoticePassed, name = name));
        let now = cx.now;
        cx.change(|s| s.toggle_pass(block, id, now))
    }

    /// Adds the action item of the form (what, who, by when) from `block`.
    /// Rings the bell once when the current block's running timer reaches zero.
    pub(crate) fn bell_if_due(&mut self, cx: &mut Cx) -> Vec<Effect> {
        let Some(session) = cx.session() else {
            return vec![];
        };
        let Some(block) = session.current_block() else {
            return vec![];
        };
        let timer = session.timer(&block.id);
        let due = session.progress().bell
            && timer.is_running()
            && timer.remaining(block.minutes, cx.now) <= 0
            && !self.rung.contains(&block.id);
        if due {
            self.rung.insert(block.id.clone());
            vec![Effect::Bell]
        } else {
            vec![]
        }
    }
}

fn flip(flag: &mut bool) {
    *flag = !*flag;
}

/// Opens the editor for `speaker`, unless the current block takes no answers.
fn open_editor(cx: &mut Cx, speaker: Speaker) {
    let Some(block) = cx.session().and_then(|s| s.current_block()) else {
        return;
    };
    if !block.takes_answers() {
        let message = ModelError::BreakBlock(block.id.clone()).localize(cx.lang);
        cx.notify(message);
        return;
    }
    let editor = Editor::new(&block.id, speaker, None, "");
    cx.ask(Ask::Editor(Some(Box::new(editor))));
}

fn speak_as(cx: &mut Cx, n: u8) {
    let speakers = cx.session().map(Session::speakers).unwrap_or_default();
    let participants = speakers.len().saturating_sub(1);
    match speakers
        .get(usize::from(n) - 1)
        .filter(|_| usize::from(n) <= participants)
    {
        Some(&speaker) => open_editor(cx, speaker),
        None => cx.notify(tr!(cx.lang, NoticeNoSuchNumber, n = n)),
    }
}

fn pick_speaker(cx: &mut Cx) {
    let Some(session) = cx.session() else {
        return;
    };
    let items = session
        .speakers()
        .into_iter()
        .map(|s| (numbered_label(session, s, cx.lang), Choice::Speaker(s)))
        .collect();
    let title = tr!(cx.lang, PickerSpeaker);
    let picker = Picker::new(picker::Purpose::Speaker, title, items);
    cx.ask(Ask::Overlay(Overlay::Picker(picker)));
}

/// "3 Maja Öhrn (Politik)": the number is the key that picks them directly.
fn numbered_label(session: &Session, speaker: Speaker, lang: crate::i18n::Lang) -> String {
    let label = session.speaker_label(speaker, lang);
    match speaker {
        Speaker::Participant(id) => session.numbered(id, label),
        Speaker::Group => label,
    }
}

fn pick_block_to_move_to(cx: &mut Cx, answer: Option<Answer>) {
    let (Some(answer), Some(session)) = (answer, cx.session()) else {
        return;
    };
    let items = session
        .program()
        .blocks()
        .filter(|(_, b)| b.takes_answers() && b.id != answer.block)
        .map(|(d, b)| {
            let label = format!("{} · {}", tr!(cx.lang, Day, n = d + 1), b.title);
            (label, Choice::Block(b.id.clone()))
        })
        .collect();
    let title = tr!(cx.lang, PickerMoveTo);
    let purpose = picker::Purpose::MoveAnswer(answer.id);
    cx.ask(Ask::Overlay(Overlay::Picker(Picker::new(
        purpose, title, items,
    ))));
}

fn ask_delete(cx: &mut Cx, answer: Option<Answer>) {
    let (Some(answer), Some(session)) = (answer, cx.session()) else {
        return;
    };
    let preview = crate::tui::widgets::ellipsis::ellipsis(&answer.text, 40);
    let question = tr!(
        cx.lang,
        ConfirmDelete,
        who = session.speaker_label(answer.speaker, cx.lang),
        text = Quoted(cx.lang, &preview)
    );
    cx.ask(Ask::Overlay(Overlay::Confirm(Confirm {
        question,
        on_yes: OnYes::DeleteAnswer(answer.id),
    })));
}

/// Moves an answer (or the proposal it is grouped in) to the board's next
/// column, and says where it went and what that means for the agreement.
fn to_next_column(cx: &mut Cx, answer: AnswerId) -> Vec<Effect> {
    let Some(session) = cx.session() else {
        return vec![];
    };
    let item = match session.grouped_in(answer) {
        Some(proposal) => Item::Proposal(proposal.id),
        None => Item::Answer(answer),
    };
    let column = Column::after(session.board_column(item));
    let Some((_, effects)) = cx.try_change(|s, now| s.place_on_board(item, column, now)) else {
        return vec![];
    };
    let said = match column {
        Some(c) => {
            let section = cx
                .session()
                .and_then(|s| s.section_title(c.section(), cx.lang));
            let section = Quoted(cx.lang, section.as_deref().unwrap_or(c.section()));
            let column = c.label(cx.lang);
            tr!(cx.lang, NoticeOnBoard, column = column, section = section)
        }
        None => tr!(cx.lang, NoticeOffBoard),
    };
    cx.notify(said);
    effects
}
