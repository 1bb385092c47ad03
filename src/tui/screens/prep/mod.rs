//! Preparation: the session's details, its participants and its agenda. A new
//! session lives only in memory until `Ctrl+S` creates its file.

mod agenda;
pub(crate) mod draw;
mod participants;

use jiff::civil::Date;

use crate::i18n::{Localize, Msg};
use crate::model::{NewSession, Program, Session};
use crate::programs;
use crate::tr;
use crate::tui::app::{Confirm, Effect, OnYes, Overlay};
use crate::tui::dialogs::form::{Field, FieldError, Form, Purpose, Value};
use crate::tui::keymap::Command;
use crate::tui::screens::{Ask, Cx};

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

impl PrepUi {
    /// Preparation of the session in `cx`: a new one (its program may still be
    /// chosen) or the one that is running.
    pub(crate) fn open(cx: &Cx, is_new: bool) -> PrepUi {
        let mut prep = PrepUi {
            is_new,
            ..PrepUi::default()
        };
        prep.details = Some(prep.details_form(cx));
        prep
    }

    /// The programs a new session can run: the built-in ones, then one read from a file.
    fn program_choices(&self) -> Vec<Program> {
        programs::built_in_ids()
            .filter_map(|id| programs::built_in(id)?.ok())
            .chain(self.file_program.clone())
            .collect()
    }

    /// Which of the choices the session runs now. From the end, because a file's
    /// program may copy a built-in's id; by id when the agenda has been adjusted since.
    fn current_program_index(&self, session: Option<&Session>) -> usize {
        let choices = self.program_choices();
        let current = session.map(Session::program);
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

    fn details_form(&self, cx: &Cx) -> Form {
        let session = cx.session();
        let get = |f: fn(&Session) -> String| session.map(f).unwrap_or_default();
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let index = self.current_program_index(session);
        let titles = self
            .program_choices()
            .into_iter()
            .map(|p| p.title)
            .collect();
        let mut program = Field::choice(Msg::FieldProgram, titles, index);
        program.locked = !self.is_new;
        if !self.is_new {
            // The running session's own program, which may not be a built-in one.
            program.value = Value::Choice {
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
            Field::text(Msg::FieldTitle, &self.title_field(session)),
            Field::text(Msg::FieldFacilitator, &get(|s| s.facilitator.clone())),
            Field::date(Msg::FieldDay1, &date(session.and_then(Session::day1))),
            Field::date(Msg::FieldDay2, &date(session.and_then(Session::day2))),
        ];
        Form::new(Purpose::Details, tr!(cx.lang, PrepDetails), fields)
    }

    /// A new session's title field is empty while the title is the program's
    /// own, so that choosing another program gives that one's title.
    fn title_field(&self, session: Option<&Session>) -> String {
        match session {
            Some(s) if self.is_new && s.title == s.program().title => String::new(),
            Some(s) => s.title.clone(),
            None => String::new(),
        }
    }

    /// Checks the details and writes them into the session; on a problem, marks
    /// the field with a sentence and changes nothing.
    fn apply_details(&mut self, cx: &mut Cx) -> bool {
        let (lang, now) = (cx.lang, cx.now);
        let choices = if self.is_new {
            self.program_choices()
        } else {
            Vec::new()
        };
        let current_index = self.current_program_index(cx.session());
        let (Some(form), Some(session)) = (&mut self.details, cx.session()) else {
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
            form.day(key, lang).unwrap_or_else(|error| {
                form.show_error(error);
                None
            })
        };
        let day1 = date(Msg::FieldDay1);
        let day2 = if two_days { date(Msg::FieldDay2) } else { None };
        if form.fields.iter().any(|f| f.error.is_some()) {
            return false;
        }
        let title = form.text(Msg::FieldTitle);
        let facilitator = form.text(Msg::FieldFacilitator);
        let candidate = match program {
            // Another program: a new session of it, with the people added so far.
            Some(program) => NewSession {
                organisation: org,
                title,
                facilitator,
                language: lang,
                day1,
                day2,
                participants: session.participants().iter().map(Into::into).collect(),
                ..NewSession::new(program)
            }
            .build(now),
            None => {
                let mut same = session.clone();
                same.organisation = org;
                same.set_title(&title);
                same.facilitator = facilitator;
                same.set_dates(day1, day2).map(|()| same)
            }
        };
        match candidate {
            Ok(candidate) => {
                cx.replace_session(candidate);
                true
            }
            Err(e) => {
                form.show_error(FieldError::new(Msg::FieldDay2, e.localize(lang)));
                false
            }
        }
    }

    pub(crate) fn command(&mut self, cx: &mut Cx, command: Command) -> Vec<Effect> {
        match command {
            Command::StartWorkshop => return self.start_workshop(cx),
            Command::LoadProgramFile if !self.is_new => {
                cx.notify(tr!(cx.lang, NoticeProgramFixed));
            }
            Command::LoadProgramFile => {
                let fields = vec![Field::text(Msg::FieldProgramFile, "")];
                let title = tr!(cx.lang, FormProgramFile);
                let form = Form::new(Purpose::ProgramFile, title, fields);
                cx.ask(Ask::Overlay(Overlay::Form(form)));
            }
            Command::Back => return self.leave(cx),
            Command::Quit => cx.ask(Ask::Quit),
            Command::NextFocus => return self.focus(cx, 1),
            Command::PrevFocus => return self.focus(cx, -1),
            _ => {}
        }
        match self.tab {
            PrepTab::Details => vec![],
            PrepTab::Participants => self.participants_command(cx, command),
            PrepTab::Agenda => self.agenda_command(cx, command),
        }
    }

    /// Tab and Shift+Tab: through the detail fields, then on to the next tab.
    fn focus(&mut self, cx: &mut Cx, delta: isize) -> Vec<Effect> {
        if self.tab == PrepTab::Details
            && let Some(form) = &mut self.details
        {
            let last = form.fields.len() - 1;
            let inside = (delta > 0 && form.focus < last) || (delta < 0 && form.focus > 0);
            if inside {
                form.step(delta, cx.lang);
                return vec![];
            }
            if !self.apply_details(cx) {
                return vec![];
            }
        }
        const TABS: [PrepTab; 3] = [PrepTab::Details, PrepTab::Participants, PrepTab::Agenda];
        let i = TABS.iter().position(|t| *t == self.tab).unwrap_or(0);
        self.tab = TABS[(i as isize + delta).rem_euclid(3) as usize];
        self.row = 0;
        if self.tab == PrepTab::Details {
            let form = self.details_form(cx);
            let focus = if delta > 0 { 0 } else { form.fields.len() - 1 };
            self.details = Some(Form { focus, ..form });
        }
        cx.save_if_dirty()
    }

    fn start_workshop(&mut self, cx: &mut Cx) -> Vec<Effect> {
        if self.tab == PrepTab::Details && !self.apply_details(cx) {
            return vec![];
        }
        if cx.session().is_some_and(|s| s.organisation.is_empty()) {
            self.tab = PrepTab::Details;
            let mut form = self.details_form(cx);
            let message = tr!(cx.lang, PrepErrOrgEmpty);
            form.show_error(FieldError::new(Msg::FieldOrganisation, message));
            self.details = Some(form);
            return vec![];
        }
        if self.is_new && cx.session().is_some_and(|s| s.participants().is_empty()) {
            cx.ask(Ask::Overlay(Overlay::Confirm(Confirm {
                question: tr!(cx.lang, ConfirmNoParticipants),
                on_yes: OnYes::Create,
            })));
            return vec![];
        }
        if self.is_new {
            return vec![Effect::Create];
        }
        cx.ask(Ask::Workshop);
        cx.save_if_dirty()
    }

    fn leave(&mut self, cx: &mut Cx) -> Vec<Effect> {
        if self.is_new {
            if cx.session().is_some_and(|s| !s.participants().is_empty()) {
                cx.ask(Ask::Overlay(Overlay::Confirm(Confirm {
                    question: tr!(cx.lang, ConfirmDiscardNew),
                    on_yes: OnYes::DiscardNew,
                })));
            } else {
                cx.ask(Ask::DiscardNew);
            }
            return vec![];
        }
        if self.tab == PrepTab::Details && !self.apply_details(cx) {
            return vec![];
        }
        cx.ask(Ask::Workshop);
        cx.save_if_dirty()
    }

    /// A program file was read: offer it and choose it, keeping what was typed
    /// in the other fields.
    pub(crate) fn program_loaded(&mut self, cx: &Cx, program: Program) {
        self.file_program = Some(program);
        let mut form = self.details_form(cx);
        if let Some(old) = self.details.take() {
            form.fields = old.fields;
            form.focus = old.focus;
        }
        let options: Vec<String> = self
            .program_choices()
            .into_iter()
            .map(|p| p.title)
            .collect();
        if let Some(field) = form.get_mut(Msg::FieldProgram) {
            let index = options.len() - 1;
            field.value = Value::Choice { options, index };
        }
        self.details = Some(form);
    }

    /// Reads the program file the form names; the form stays open until its
    /// verdict comes back (`ProgramLoaded`).
    pub(crate) fn submit_program_file(
        &mut self,
        cx: &mut Cx,
        form: &Form,
    ) -> Result<Vec<Effect>, FieldError> {
        let path = form.text(Msg::FieldProgramFile);
        if path.is_empty() {
            let message = tr!(cx.lang, NoticeNoPath);
            return Err(FieldError::new(Msg::FieldProgramFile, message));
        }
        Ok(vec![Effect::LoadProgram(path.into())])
    }
}

/// Why a program file cannot be used, for the file's field: the path is in the
/// field already, so only the problems after the heading line, one after the other.
pub(crate) fn program_problem(message: &str) -> FieldError {
    let mut lines = message.lines();
    let first = lines.next().unwrap_or_default().to_string();
    let problems: Vec<&str> = lines.map(|l| l.trim_start_matches("  - ")).collect();
    let shown = if problems.is_empty() {
        first
    } else {
        problems.join(" · ")
    };
    FieldError::new(Msg::FieldProgramFile, shown)
}
