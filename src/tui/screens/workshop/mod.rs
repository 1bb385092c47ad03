//! What the keys do on the workshop screen: answers, the round, the timer, views.

pub(crate) mod draw;
mod typing;

use std::collections::HashSet;

use crate::i18n::{Localize, Msg, Quoted};
use crate::model::Deleted;
use crate::model::{Answer, ModelError, Session, Speaker};
use crate::tr;
use crate::tui::app::{App, Confirm, Effect, OnYes, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::dialogs::picker::{self, Choice, Picker};
use crate::tui::editor::Editor;
use crate::tui::keymap::Command;

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

impl App {
    pub(crate) fn current_block_id(&self) -> Option<String> {
        self.session
            .as_ref()
            .and_then(|s| s.current_block())
            .map(|b| b.id.clone())
    }

    /// The current block's answers, in order of arrival.
    pub fn block_answers(&self) -> Vec<&Answer> {
        self.session
            .as_ref()
            .map_or(vec![], Session::current_answers)
    }

    fn selected_answer(&self) -> Option<Answer> {
        self.block_answers()
            .get(self.workshop.selected)
            .map(|a| (*a).clone())
    }

    /// Who speaks next: the next in the round, else the last speaker, else the group.
    pub fn default_speaker(&self) -> Speaker {
        let (Some(session), Some(block)) = (&self.session, self.current_block_id()) else {
            return Speaker::Group;
        };
        let after = match self.workshop.last_speaker {
            Some(Speaker::Participant(id)) => Some(id),
            _ => None,
        };
        session
            .next_in_round(&block, after)
            .map(Speaker::Participant)
            .or(self.workshop.last_speaker)
            .unwrap_or(Speaker::Group)
    }

    pub(crate) fn open_editor_for_default(&mut self) {
        let speaker = self.default_speaker();
        self.open_editor(speaker);
    }

    fn open_editor(&mut self, speaker: Speaker) {
        let Some(block) = self.session.as_ref().and_then(|s| s.current_block()) else {
            return;
        };
        if !block.takes_answers() {
            self.notice = Some(ModelError::BreakBlock(block.id.clone()).localize(self.lang));
            return;
        }
        self.editor = Some(Editor::new(&block.id, speaker, None, ""));
    }

    pub(crate) fn workshop_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(block) = self.current_block_id() else {
            return vec![];
        };
        let count = self.block_answers().len();
        let now = self.now;
        match command {
            Command::NewAnswer => self.open_editor_for_default(),
            Command::SpeakAs(n) => self.speak_as(n),
            Command::SpeakGroup => self.open_editor(Speaker::Group),
            Command::PickSpeaker => self.pick_speaker(),
            Command::Up | Command::Down if self.workshop.focus == Focus::Agenda => {
                let delta = if command == Command::Up { -1 } else { 1 };
                return self.step_block(delta);
            }
            Command::Up => self.workshop.selected = self.workshop.selected.saturating_sub(1),
            Command::Down => {
                self.workshop.selected = (self.workshop.selected + 1).min(count.max(1) - 1);
            }
            Command::PrevBlock => return self.step_block(-1),
            Command::NextBlock => return self.step_block(1),
            Command::NextFocus | Command::PrevFocus => {
                self.workshop.focus = match self.workshop.focus {
                    Focus::Agenda => Focus::Answers,
                    Focus::Answers => Focus::Agenda,
                };
            }
            Command::EditAnswer => {
                if let Some(a) = self.selected_answer() {
                    self.editor = Some(Editor::new(&a.block, a.speaker, Some(a.id), &a.text));
                }
            }
            Command::DeleteAnswer => self.ask_delete(),
            Command::Undo => return self.undo_delete(),
            Command::ToggleMark => {
                if let Some(a) = self.selected_answer() {
                    return self
                        .try_change(|s, now| s.set_marked(a.id, !a.marked, now))
                        .map(|(_, e)| e)
                        .unwrap_or_default();
                }
            }
            Command::MoveAnswer => self.pick_block_to_move_to(),
            Command::AddActionItem => self.action_item_form(&block),
            Command::CycleView => {
                return self.change(|s| {
                    let p = s.progress_mut();
                    p.view = p.view.next();
                });
            }
            Command::ToggleGuidance => {
                return self.change(|s| {
                    let p = s.progress_mut();
                    p.show_guidance = !p.show_guidance;
                });
            }
            Command::ToggleBell => {
                return self.change(|s| {
                    let p = s.progress_mut();
                    p.bell = !p.bell;
                });
            }
            Command::ToggleDone => return self.change(|s| s.toggle_done(&block, now)),
            Command::Pass => return self.pass(&block),
            Command::TimerToggle => return self.change(|s| s.timer_mut(&block).toggle(now)),
            Command::TimerReset => {
                self.workshop.rung.remove(&block);
                return self.change(|s| *s.timer_mut(&block) = Default::default());
            }
            Command::TimerPlus => return self.change(|s| s.timer_mut(&block).add_minutes(1)),
            Command::TimerMinus => return self.change(|s| s.timer_mut(&block).add_minutes(-1)),
            Command::Prepare => self.enter_prep(),
            Command::Export => self.export_form(),
            Command::Prioritise => return self.open_voting(&block),
            Command::OpenAgreement => {
                self.screen = crate::tui::app::Screen::Agreement;
                self.section = 0;
            }
            Command::TogglePresent => {
                return self.change(|s| {
                    let p = &mut s.progress_mut().presentation;
                    p.on = !p.on;
                });
            }
            Command::Back => return self.close_session(),
            Command::Quit => return self.quit(),
            _ => {}
        }
        vec![]
    }

    /// Keys in presentation mode: the wall's own settings, else the workshop's keys.
    pub(crate) fn present_command(&mut self, command: Command) -> Vec<Effect> {
        use crate::model::ThemeChoice;
        let change = |f: fn(&mut crate::model::Presentation)| {
            move |s: &mut Session| f(&mut s.progress_mut().presentation)
        };
        match command {
            Command::NextSlide => self.change(change(|p| p.slide = p.slide.step(1))),
            Command::PrevSlide => self.change(change(|p| p.slide = p.slide.step(-1))),
            Command::ToggleNames => self.change(change(|p| p.anonymous = !p.anonymous)),
            Command::ToggleSides => self.change(change(|p| p.show_side = !p.show_side)),
            Command::ToggleTheme => self.change(change(|p| {
                p.theme = match p.theme {
                    ThemeChoice::Light => ThemeChoice::Dark,
                    ThemeChoice::Dark => ThemeChoice::Light,
                }
            })),
            other => self.workshop_command(other),
        }
    }

    fn step_block(&mut self, delta: isize) -> Vec<Effect> {
        let mut moved = false;
        let effects = self.change(|s| moved = s.step_block(delta));
        if moved {
            self.workshop.selected = 0;
            self.workshop.last_speaker = None;
            effects
        } else {
            vec![]
        }
    }

    /// The participants who answer, in round order, and the group last: the order
    /// of the number keys and of Tab in the editor.
    pub fn speakers(&self) -> Vec<Speaker> {
        let mut all: Vec<Speaker> = self
            .session
            .iter()
            .flat_map(|s| s.answering().map(Speaker::Participant).collect::<Vec<_>>())
            .collect();
        all.push(Speaker::Group);
        all
    }

    fn speak_as(&mut self, n: u8) {
        let speakers = self.speakers();
        let participants = speakers.len() - 1;
        match speakers
            .get(usize::from(n) - 1)
            .filter(|_| usize::from(n) <= participants)
        {
            Some(&speaker) => self.open_editor(speaker),
            None => self.notice = Some(tr!(self.lang, NoticeNoSuchNumber, n = n)),
        }
    }

    pub fn speaker_label(&self, speaker: Speaker) -> String {
        let session = self.session.as_ref();
        session.map_or_else(String::new, |s| s.speaker_label(speaker, self.lang))
    }

    fn pick_speaker(&mut self) {
        let items = self
            .speakers()
            .into_iter()
            .map(|s| (self.speaker_label(s), Choice::Speaker(s)))
            .collect();
        let title = tr!(self.lang, PickerSpeaker);
        self.overlay = Some(Overlay::Picker(Picker::new(
            picker::Purpose::Speaker,
            title,
            items,
        )));
    }

    fn pick_block_to_move_to(&mut self) {
        let (Some(answer), Some(session)) = (self.selected_answer(), &self.session) else {
            return;
        };
        let items = session
            .program()
            .blocks()
            .filter(|(_, b)| b.takes_answers() && b.id != answer.block)
            .map(|(d, b)| {
                let label = format!("{} · {}", tr!(self.lang, Day, n = d + 1), b.title);
                (label, Choice::Block(b.id.clone()))
            })
            .collect();
        let title = tr!(self.lang, PickerMoveTo);
        let purpose = picker::Purpose::MoveAnswer(answer.id);
        self.overlay = Some(Overlay::Picker(Picker::new(purpose, title, items)));
    }

    fn ask_delete(&mut self) {
        let Some(answer) = self.selected_answer() else {
            return;
        };
        let preview: String = answer.text.chars().take(40).collect();
        let question = tr!(
            self.lang,
            ConfirmDelete,
            who = self.speaker_label(answer.speaker),
            text = Quoted(self.lang, &preview)
        );
        self.overlay = Some(Overlay::Confirm(Confirm {
            question,
            on_yes: OnYes::DeleteAnswer(answer.id),
        }));
    }

    pub(crate) fn delete_answer(&mut self, id: crate::model::AnswerId) -> Vec<Effect> {
        let Some((deleted, effects)) = self.try_change(|s, now| s.delete_answer(id, now)) else {
            return vec![];
        };
        self.workshop.undo = Some(deleted);
        let count = self.block_answers().len();
        self.workshop.selected = self.workshop.selected.min(count.saturating_sub(1));
        self.notice = Some(tr!(self.lang, NoticeDeleted));
        effects
    }

    fn undo_delete(&mut self) -> Vec<Effect> {
        let Some(deleted) = self.workshop.undo.take() else {
            self.notice = Some(tr!(self.lang, NoticeNothingToUndo));
            return vec![];
        };
        self.try_change(|s, now| s.restore_answer(deleted, now))
            .map(|(_, e)| e)
            .unwrap_or_default()
    }

    fn pass(&mut self, block: &str) -> Vec<Effect> {
        let Speaker::Participant(id) = self.default_speaker() else {
            self.notice = Some(tr!(self.lang, NoticeRoundDone));
            return vec![];
        };
        let name = self.speaker_label(Speaker::Participant(id));
        self.workshop.last_speaker = Some(Speaker::Participant(id));
        self.notice = Some(tr!(self.lang, NoticePassed, name = name));
        let now = self.now;
        self.change(|s| s.toggle_pass(block, id, now))
    }

    fn action_item_form(&mut self, block: &str) {
        let fields = vec![
            Field::text(Msg::FieldWhat, ""),
            Field::text(Msg::FieldWho, ""),
            Field::text(Msg::FieldDue, ""),
        ];
        let title = tr!(self.lang, FormActionItem);
        let purpose = Purpose::ActionItem {
            block: block.to_string(),
        };
        self.overlay = Some(Overlay::Form(Form::new(purpose, title, fields)));
    }

    /// Adds the action item of the form (what, who, by when) from `block`.
    pub(crate) fn submit_action_item(
        &mut self,
        block: &str,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let due_text = form.text(Msg::FieldDue);
        let due = crate::model::parse_day(&due_text);
        if !due_text.is_empty() && due.is_none() {
            let input = Quoted(self.lang, &due_text);
            let message = tr!(self.lang, BadDate, input = input);
            return Err(FieldError::new(Msg::FieldDue, message));
        }
        let (what, who) = (form.text(Msg::FieldWhat), form.text(Msg::FieldWho));
        self.attempt(|s, now| s.add_action_item(&what, &who, due, Some(block), now))
            .map(|(_, e)| e)
            .map_err(|m| FieldError::new(Msg::FieldWhat, m))
    }

    pub(crate) fn picker_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(Overlay::Picker(picker)) = &mut self.overlay else {
            return vec![];
        };
        match command {
            Command::Up => picker.step(-1),
            Command::Down => picker.step(1),
            Command::Back => self.overlay = None,
            Command::Accept => {
                let purpose = picker.purpose.clone();
                let chosen = picker.chosen();
                self.overlay = None;
                match (purpose, chosen) {
                    (picker::Purpose::Speaker, Some(Choice::Speaker(s))) => self.open_editor(s),
                    (picker::Purpose::MoveAnswer(id), Some(Choice::Block(block))) => {
                        return self
                            .try_change(|s, now| s.move_answer(id, &block, now))
                            .map(|(_, e)| e)
                            .unwrap_or_default();
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        vec![]
    }

    pub(crate) fn bell_if_due(&mut self) -> Vec<Effect> {
        let (Some(session), Some(block)) = (&self.session, self.current_block_id()) else {
            return vec![];
        };
        let timer = session.timer(&block);
        let minutes = session.current_block().map_or(0, |b| b.minutes);
        let due = session.progress().bell
            && timer.is_running()
            && timer.remaining(minutes, self.now) <= 0
            && !self.workshop.rung.contains(&block);
        if due {
            self.workshop.rung.insert(block);
            vec![Effect::Bell]
        } else {
            vec![]
        }
    }

    fn close_session(&mut self) -> Vec<Effect> {
        if self.dirty {
            self.notice = Some(tr!(self.lang, NoticeUnsavedStay));
            return vec![];
        }
        self.session = None;
        self.path = None;
        self.editor = None;
        self.screen = crate::tui::app::Screen::Start;
        vec![Effect::Close, Effect::ListSessions]
    }
}
