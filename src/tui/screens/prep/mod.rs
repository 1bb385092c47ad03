//! Preparation: the session's details, its participants and its agenda. A new
//! session lives only in memory until `Ctrl+S` creates its file.

mod agenda;
pub(crate) mod draw;
mod participants;

use jiff::civil::Date;

use crate::i18n::{Localize, Msg};
use crate::model::{NewParticipant, Program, Session};
use crate::programs;
use crate::tr;
use crate::tui::app::{App, Confirm, Effect, OnYes, Overlay, Screen};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose};
use crate::tui::keymap::Command;

/// Titles offered for participants (CONTENT.md); any other can be typed.
pub const COMMON_TITLES: &[&str] = &[
    "kommunstyrelsens ordförande (KSO)",
    "regionstyrelsens ordförande (RSO)",
    "kommunalråd",
    "oppositionsråd",
    "nämndordförande",
    "ledamot",
    "kommundirektör (KD)",
    "regiondirektör",
    "förvaltningschef",
    "stabschef",
    "chef",
];

// The fields of the details form, in order.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrepTab {
    #[default]
    Details,
    Participants,
    Agenda,
}

#[derive(Default)]
pub struct PrepUi {
    pub tab: PrepTab,
    pub row: usize,
    /// The session has no file yet: `Ctrl+S` creates it.
    pub is_new: bool,
    pub details: Option<Form>,
    /// A program read from a file, offered beside the built-in ones.
    pub file_program: Option<crate::model::Program>,
}

impl App {
    /// Starts preparing a new session from the first built-in program.
    pub(crate) fn begin_new_session(&mut self) {
        let Some(Ok(program)) = programs::built_in_ids().next().and_then(programs::built_in) else {
            return;
        };
        let mut session = Session::new(program, "", "", self.now);
        session.language = self.lang;
        self.session = Some(session);
        self.path = None;
        self.dirty = false;
        self.prep = PrepUi {
            is_new: true,
            ..PrepUi::default()
        };
        self.prep.details = Some(self.details_form());
        self.screen = Screen::Prep;
    }

    /// Opens preparation for the session that is running.
    pub(crate) fn enter_prep(&mut self) {
        self.prep = PrepUi::default();
        self.prep.details = Some(self.details_form());
        self.screen = Screen::Prep;
    }

    /// The programs a new session can run: the built-in ones, then one read from a file.
    fn program_choices(&self) -> Vec<Program> {
        programs::built_in_ids()
            .filter_map(|id| programs::built_in(id)?.ok())
            .chain(self.prep.file_program.clone())
            .collect()
    }

    /// Which of the choices the session runs now. From the end, because a file's
    /// program may copy a built-in's id; by id when the agenda has been adjusted since.
    fn current_program_index(&self) -> usize {
        let choices = self.program_choices();
        let current = self.session.as_ref().map(Session::program);
        choices
            .iter()
            .rposition(|p| Some(p) == current)
            .or_else(|| {
                choices
                    .iter()
                    .position(|p| Some(&p.id) == current.map(|c| &c.id))
            })
            .unwrap_or(0)
    }

    fn details_form(&self) -> Form {
        let session = self.session.as_ref();
        let get = |f: fn(&Session) -> String| session.map(f).unwrap_or_default();
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let index = self.current_program_index();
        let titles = self
            .program_choices()
            .into_iter()
            .map(|p| p.title)
            .collect();
        let mut program = Field::choice(Msg::FieldProgram, titles, index);
        program.locked = !self.prep.is_new;
        if !self.prep.is_new {
            // The running session's own program, which may not be a built-in one.
            program.value = crate::tui::dialogs::form::Value::Choice {
                options: vec![
                    session
                        .map(|s| s.program().title.clone())
                        .unwrap_or_default(),
                ],
                index: 0,
            };
        }
        let fields = vec![
            program,
            Field::text(Msg::FieldOrganisation, &get(|s| s.organisation.clone())),
            Field::text(Msg::FieldTitle, &get(|s| s.title.clone())),
            Field::text(Msg::FieldFacilitator, &get(|s| s.facilitator.clone())),
            Field::text(Msg::FieldDay1, &date(session.and_then(Session::day1))),
            Field::text(Msg::FieldDay2, &date(session.and_then(Session::day2))),
        ];
        Form::new(Purpose::Details, tr!(self.lang, PrepDetails), fields)
    }

    /// Checks the details and writes them into the session; on a problem, marks
    /// the field with a sentence and changes nothing.
    fn apply_details(&mut self) -> bool {
        let lang = self.lang;
        let choices = if self.prep.is_new {
            self.program_choices()
        } else {
            Vec::new()
        };
        let current_index = self.current_program_index();
        let (Some(form), Some(session)) = (&mut self.prep.details, &mut self.session) else {
            return false;
        };
        let chosen = form.index(Msg::FieldProgram);
        let program = choices
            .into_iter()
            .nth(chosen)
            .filter(|_| chosen != current_index);
        let two_days = program
            .as_ref()
            .map_or(session.program().days.len() > 1, |p| p.days.len() > 1);
        let org = form.text(Msg::FieldOrganisation);
        if org.is_empty() {
            form.show_error(FieldError::new(
                Msg::FieldOrganisation,
                tr!(lang, PrepErrOrgEmpty),
            ));
        }
        let mut date = |key: Msg| -> Option<Date> {
            let text = form.text(key);
            if text.is_empty() {
                return None;
            }
            let parsed = crate::model::parse_day(&text);
            if parsed.is_none() {
                let input = crate::i18n::Quoted(lang, &text);
                form.show_error(FieldError::new(key, tr!(lang, BadDate, input = input)));
            }
            parsed
        };
        let day1 = date(Msg::FieldDay1);
        let day2 = if two_days { date(Msg::FieldDay2) } else { None };
        if form.fields.iter().any(|f| f.error.is_some()) {
            return false;
        }
        let mut candidate = session.clone();
        if let Some(program) = program {
            candidate = Session::new(program, "", "", self.now);
            candidate.language = lang;
            for p in session.participants() {
                let new = NewParticipant {
                    affiliation: p.affiliation.clone(),
                    observer: p.observer,
                    ..NewParticipant::new(&p.name, &p.title, p.side)
                };
                let _ = candidate.add_participant(new, self.now);
            }
        }
        if let Err(e) = candidate.set_dates(day1, day2) {
            form.show_error(FieldError::new(Msg::FieldDay2, e.localize(lang)));
            return false;
        }
        candidate.organisation = org;
        candidate.title = form.text(Msg::FieldTitle);
        if candidate.title.is_empty() {
            candidate.title = candidate.program().title.clone();
        }
        candidate.facilitator = form.text(Msg::FieldFacilitator);
        let changed = candidate != *session;
        *session = candidate;
        if changed {
            self.dirty = true;
        }
        true
    }

    pub(crate) fn prep_command(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::StartWorkshop => return self.start_workshop(),
            Command::LoadProgramFile if !self.prep.is_new => {
                self.notice = Some(tr!(self.lang, NoticeProgramFixed));
            }
            Command::LoadProgramFile => {
                let fields = vec![Field::text(Msg::FieldProgramFile, "")];
                let title = tr!(self.lang, FormProgramFile);
                self.overlay = Some(Overlay::Form(Form::new(
                    Purpose::ProgramFile,
                    title,
                    fields,
                )));
            }
            Command::Back => return self.leave_prep(),
            Command::Quit => return self.quit(),
            Command::NextFocus => return self.prep_focus(1),
            Command::PrevFocus => return self.prep_focus(-1),
            _ => {}
        }
        match self.prep.tab {
            PrepTab::Details => vec![],
            PrepTab::Participants => self.participants_command(command),
            PrepTab::Agenda => self.agenda_command(command),
        }
    }

    /// Tab and Shift+Tab: through the detail fields, then on to the next tab.
    fn prep_focus(&mut self, delta: isize) -> Vec<Effect> {
        if self.prep.tab == PrepTab::Details
            && let Some(form) = &mut self.prep.details
        {
            let last = form.fields.len() - 1;
            let inside = (delta > 0 && form.focus < last) || (delta < 0 && form.focus > 0);
            if inside {
                form.step(delta);
                return vec![];
            }
            if !self.apply_details() {
                return vec![];
            }
        }
        const TABS: [PrepTab; 3] = [PrepTab::Details, PrepTab::Participants, PrepTab::Agenda];
        let i = TABS.iter().position(|t| *t == self.prep.tab).unwrap_or(0);
        self.prep.tab = TABS[(i as isize + delta).rem_euclid(3) as usize];
        self.prep.row = 0;
        if self.prep.tab == PrepTab::Details {
            let form = self.details_form();
            let focus = if delta > 0 { 0 } else { form.fields.len() - 1 };
            self.prep.details = Some(Form { focus, ..form });
        }
        self.save_if_running()
    }

    fn save_if_running(&self) -> Vec<Effect> {
        if self.dirty && self.path.is_some() {
            vec![Effect::Save]
        } else {
            vec![]
        }
    }

    fn start_workshop(&mut self) -> Vec<Effect> {
        if self.prep.tab == PrepTab::Details && !self.apply_details() {
            return vec![];
        }
        let org_missing = self
            .session
            .as_ref()
            .is_some_and(|s| s.organisation.is_empty());
        if org_missing {
            self.prep.tab = PrepTab::Details;
            let mut form = self.details_form();
            let message = tr!(self.lang, PrepErrOrgEmpty);
            form.show_error(FieldError::new(Msg::FieldOrganisation, message));
            self.prep.details = Some(form);
            return vec![];
        }
        if self.prep.is_new {
            return vec![Effect::Create];
        }
        self.screen = Screen::Workshop;
        self.save_if_running()
    }

    fn leave_prep(&mut self) -> Vec<Effect> {
        if self.prep.is_new {
            if self
                .session
                .as_ref()
                .is_some_and(|s| !s.participants().is_empty())
            {
                self.overlay = Some(Overlay::Confirm(Confirm {
                    question: tr!(self.lang, ConfirmDiscardNew),
                    on_yes: OnYes::DiscardNew,
                }));
                return vec![];
            }
            return self.discard_new();
        }
        if self.prep.tab == PrepTab::Details && !self.apply_details() {
            return vec![];
        }
        self.screen = Screen::Workshop;
        self.save_if_running()
    }

    pub(crate) fn discard_new(&mut self) -> Vec<Effect> {
        self.session = None;
        self.dirty = false;
        self.prep = PrepUi::default();
        self.screen = Screen::Start;
        vec![Effect::ListSessions]
    }

    /// A program file was read: offer it and choose it, or say what is wrong with it.
    pub(crate) fn program_loaded(&mut self, result: Result<Box<Program>, String>) -> Vec<Effect> {
        match result {
            Ok(program) => {
                self.overlay = None;
                self.prep.file_program = Some(*program);
                let mut form = self.details_form();
                let last = self.program_choices().len() - 1;
                if let Some(old) = self.prep.details.take() {
                    // Keep what was typed in the other fields.
                    form.fields = old.fields;
                    form.focus = old.focus;
                }
                let program = form.get_mut(Msg::FieldProgram);
                let Some(program) = program else {
                    return vec![];
                };
                program.value = crate::tui::dialogs::form::Value::Choice {
                    options: self
                        .program_choices()
                        .into_iter()
                        .map(|p| p.title)
                        .collect(),
                    index: last,
                };
                self.prep.details = Some(form);
            }
            Err(message) => {
                // The path is in the field already: show only the problems after
                // the heading line, one after the other.
                let mut lines = message.lines();
                let first = lines.next().unwrap_or_default().to_string();
                let problems: Vec<&str> = lines.map(|l| l.trim_start_matches("  - ")).collect();
                let shown = if problems.is_empty() {
                    first
                } else {
                    problems.join(" · ")
                };
                if let Some(Overlay::Form(form)) = &mut self.overlay {
                    form.show_error(FieldError::new(Msg::FieldProgramFile, shown));
                }
            }
        }
        vec![]
    }

    /// Reads the program file the form names; the form stays open until its
    /// verdict comes back (`ProgramLoaded`).
    pub(crate) fn submit_program_file(&mut self, form: &Form) -> Result<Vec<Effect>, FieldError> {
        let path = form.text(Msg::FieldProgramFile);
        if path.is_empty() {
            return Err(FieldError::new(
                Msg::FieldProgramFile,
                tr!(self.lang, NoticeNoPath),
            ));
        }
        Ok(vec![Effect::LoadProgram(path.into())])
    }
}
