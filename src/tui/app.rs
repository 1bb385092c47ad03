//! The application state and `update`: every key, paste, tick and I/O result comes
//! in as an [`Action`]; what must touch the world goes out as an [`Effect`], which
//! the event loop performs. `update` itself does no I/O, so tests drive it directly.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::editor::Editor;
use super::keymap::{self, Command, Mode};
use crate::i18n::{Lang, Localize};
use crate::model::Session;

pub use super::dialogs::export::{ExportFailure, ExportRequest};
pub use super::dialogs::{Confirm, OnYes, Overlay};
pub use super::screens::prep::{PrepTab, PrepUi};
pub use super::screens::start::{SessionList, SessionSummary, StartUi, SummaryLine};
pub use super::screens::voting::VotingUi;
pub use super::screens::workshop::{Focus, WorkshopUi};

/// Something that happened.
pub enum Action {
    Key(KeyEvent),
    Paste(String),
    /// Time passes (the loop sends one about every quarter second).
    Tick,
    /// The saved sessions, for the start screen.
    Sessions(SessionList),
    /// A session was opened (or created) and its lock taken.
    Opened(Result<Box<Opened>, String>),
    /// The result of the last [`Effect::Save`].
    /// A save's result; `Ok(Some(sentence))` is a save worth telling about.
    Saved(Result<Option<String>, String>),
    /// Another program saved the session file since the app last did (someone
    /// deleted the lock): what it added, to take in before saving again.
    TakeIn {
        theirs: Box<Session>,
        since: u64,
    },
    /// The process is asked to end (SIGTERM, SIGHUP): keep the draft and go.
    Terminate,
    /// The live view's session, read again after the writer changed it (or why not).
    Reloaded(Result<Box<Session>, String>),
    /// The result of [`Effect::Export`]: the path written, or why not.
    Exported(Result<PathBuf, ExportFailure>),
    /// The result of [`Effect::LoadProgram`]: the program, or why it cannot be used.
    ProgramLoaded(Result<Box<crate::model::Program>, String>),
}

/// Something the loop must do in the world.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the whole session durably.
    Save,
    ListSessions,
    Open(PathBuf),
    OpenDemo,
    /// Save a new session (the one in `App::session`) under a fresh name.
    Create,
    /// Release the session: back to the start screen.
    Close,
    /// Read and check a program file (for a new session).
    LoadProgram(PathBuf),
    /// The live view: read the session again if its file changed.
    Reload,
    /// Write an export of the session.
    Export(ExportRequest),
    Bell,
    Quit,
}

pub struct Opened {
    pub path: PathBuf,
    pub session: Session,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Prep,
    Workshop,
    /// Writing the agreement, section by section.
    Agreement,
    /// Dot voting on the current block's material.
    Voting,
    /// The read-only live view on a second screen (`samspel present`).
    Follow,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved in this run yet.
    Idle,
    Saved(Timestamp),
    /// The last save failed: changes are kept in memory and saving is retried.
    Failed(String),
}

pub struct App {
    pub lang: Lang,
    pub now: Timestamp,
    /// For showing times of day; the loop sets the system's, tests keep UTC.
    pub tz: TimeZone,
    /// Where exports go unless the user says otherwise (the loop sets Documents).
    pub export_dir: PathBuf,
    pub screen: Screen,
    pub session: Option<Session>,
    pub path: Option<PathBuf>,
    pub save: SaveState,
    /// A change that is not on disk yet.
    pub dirty: bool,
    /// One sentence of feedback, shown in the status line until the next key.
    pub notice: Option<String>,
    pub help: bool,
    pub overlay: Option<Overlay>,
    pub editor: Option<Editor>,
    /// When the editor's text last changed (for the idle draft save).
    pub last_typed: Option<Timestamp>,
    pub last_save_attempt: Option<Timestamp>,
    pub start: StartUi,
    pub workshop: WorkshopUi,
    pub prep: PrepUi,
    /// The agreement section selected on the agreement screen.
    pub section: usize,
    pub voting: VotingUi,
    pub quit: bool,
}

/// How long typing must pause before the draft is saved.
const DRAFT_IDLE_SECS: i64 = 1;
/// How often a failed save is retried.
const RETRY_SECS: i64 = 3;

impl App {
    pub fn new(lang: Lang, now: Timestamp) -> App {
        App {
            lang,
            now,
            tz: TimeZone::UTC,
            export_dir: PathBuf::from("."),
            screen: Screen::Start,
            session: None,
            path: None,
            save: SaveState::Idle,
            dirty: false,
            notice: None,
            help: false,
            overlay: None,
            editor: None,
            last_typed: None,
            last_save_attempt: None,
            start: StartUi::default(),
            workshop: WorkshopUi::default(),
            prep: PrepUi::default(),
            section: 0,
            voting: VotingUi::default(),
            quit: false,
        }
    }

    /// A read-only live view of `session` (`samspel present`).
    pub fn follower(lang: Lang, now: Timestamp, session: Session) -> App {
        App {
            screen: Screen::Follow,
            session: Some(session),
            ..App::new(lang, now)
        }
    }

    /// Whether the wall view is drawn: presentation mode, or the live view.
    pub fn is_presenting(&self) -> bool {
        match self.screen {
            Screen::Follow => true,
            Screen::Workshop | Screen::Agreement | Screen::Voting => self
                .session
                .as_ref()
                .is_some_and(|s| s.progress().presentation.on),
            _ => false,
        }
    }

    /// What the keys talk to now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else {
            self.base_mode()
        }
    }

    /// The mode beneath the help screen: the one whose keys the help lists.
    pub fn base_mode(&self) -> Mode {
        match &self.overlay {
            Some(Overlay::Picker(_)) => return Mode::Picker,
            Some(Overlay::Confirm(_)) => return Mode::Confirm,
            Some(Overlay::Form(_)) => return Mode::Form,
            None => {}
        }
        if self.editor.is_some() {
            return Mode::Editor;
        }
        match (self.screen, self.prep.tab) {
            (Screen::Start, _) => Mode::Start,
            (Screen::Follow, _) => Mode::Follow,
            (Screen::Workshop, _) if self.is_presenting() => Mode::Present,
            (Screen::Workshop, _) => Mode::Workshop,
            (Screen::Agreement, _) => Mode::Agreement,
            (Screen::Voting, _) => Mode::Voting,
            (Screen::Prep, PrepTab::Details) => Mode::PrepDetails,
            (Screen::Prep, PrepTab::Participants) => Mode::PrepParticipants,
            (Screen::Prep, PrepTab::Agenda) => Mode::PrepAgenda,
        }
    }

    pub fn update(&mut self, action: Action, now: Timestamp) -> Vec<Effect> {
        self.now = now;
        match action {
            Action::Key(key) => {
                self.notice = None;
                self.key(key)
            }
            Action::Paste(text) => self.paste(&text),
            Action::Tick => self.tick(),
            Action::Terminate => self.quit_now(),
            Action::ProgramLoaded(result) => self.program_loaded(result),
            Action::Exported(result) => self.exported(result),
            Action::Reloaded(Ok(session)) => {
                self.session = Some(*session);
                self.notice = None;
                vec![]
            }
            Action::Reloaded(Err(message)) => {
                self.notice = Some(message);
                vec![]
            }
            Action::Sessions(list) => {
                let last = list.sessions.len().saturating_sub(1);
                self.start.selected = self.start.selected.min(last);
                self.start.sessions = list.sessions;
                self.start.skipped = list.skipped;
                vec![]
            }
            Action::Opened(result) => self.opened(result),
            Action::TakeIn { theirs, since } => self.take_in(&theirs, since),
            Action::Saved(result) => {
                self.last_save_attempt = Some(now);
                match result {
                    Ok(news) => {
                        self.dirty = false;
                        self.save = SaveState::Saved(now);
                        // "Not saved yet" is no longer true once it is.
                        let waiting = crate::tr!(self.lang, NoticeUnsavedStay);
                        if news.is_some() || self.notice.as_ref() == Some(&waiting) {
                            self.notice = news;
                        }
                    }
                    Err(message) => self.save = SaveState::Failed(message),
                }
                vec![]
            }
        }
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let mode = self.mode();
        let Some(command) = keymap::command_for(mode, &key) else {
            return self.unbound_key(mode, key);
        };
        match (mode, command) {
            (_, Command::ForceQuit) => self.quit_now(),
            (_, Command::Help) => {
                self.help = true;
                vec![]
            }
            (Mode::Help, _) => {
                self.help = false;
                vec![]
            }
            (Mode::Editor, c) => self.editor_command(c),
            (Mode::Picker, c) => self.picker_command(c),
            (Mode::Confirm, c) => self.confirm_command(c),
            (Mode::Form, c) => self.form_command(c),
            (Mode::Start, c) => self.start_command(c),
            (Mode::Workshop, c) => self.workshop_command(c),
            (Mode::Present, c) => self.present_command(c),
            (Mode::Agreement, c) => self.agreement_command(c),
            (Mode::Voting, c) => self.voting_command(c),
            // The live view changes nothing: quitting is all there is to do.
            (Mode::Follow, Command::Quit) => self.quit_now(),
            (Mode::Follow, _) => vec![],
            (_, c) => self.prep_command(c),
        }
    }

    /// Keys the keymap does not name: text for the editor, a form or a picker's filter.
    fn unbound_key(&mut self, mode: Mode, key: KeyEvent) -> Vec<Effect> {
        match (mode, &mut self.overlay, &mut self.editor) {
            (Mode::Editor, _, Some(editor)) => {
                let changed = editor.area.input(key);
                if changed {
                    self.last_typed = Some(self.now);
                }
            }
            (Mode::Form, Some(Overlay::Form(form)), _) => form.input(key),
            (Mode::PrepDetails, _, _) => {
                if let Some(form) = &mut self.prep.details {
                    form.input(key);
                }
            }
            (Mode::Picker, Some(Overlay::Picker(picker)), _) => match key.code {
                KeyCode::Char(c) => picker.type_char(c),
                KeyCode::Backspace => picker.backspace(),
                _ => {}
            },
            _ => {}
        }
        vec![]
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        match (&mut self.overlay, &mut self.editor) {
            (Some(Overlay::Form(form)), _) => form.paste(text),
            (Some(_), _) => {}
            (None, Some(editor)) => {
                editor.paste(text);
                self.last_typed = Some(self.now);
            }
            (None, None) if self.screen == Screen::Workshop => {
                self.open_editor_for_default();
                if let Some(editor) = &mut self.editor {
                    editor.paste(text);
                    self.last_typed = Some(self.now);
                }
            }
            (None, None) if self.screen == Screen::Prep => {
                if let Some(form) = &mut self.prep.details {
                    form.paste(text);
                }
            }
            _ => {}
        }
        vec![]
    }

    /// Whether a timer is running, so the screen changes every second.
    pub fn timer_running(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.progress().timers.values().any(|t| t.is_running()))
    }

    fn tick(&mut self) -> Vec<Effect> {
        if self.screen == Screen::Follow {
            return vec![Effect::Reload];
        }
        let mut effects = self.draft_if_idle();
        let retry_due = self
            .last_save_attempt
            .is_none_or(|t| self.now.as_second() - t.as_second() >= RETRY_SECS);
        if self.dirty && matches!(self.save, SaveState::Failed(_)) && retry_due {
            effects.push(Effect::Save);
        }
        effects.extend(self.bell_if_due());
        effects.dedup();
        effects
    }

    /// Keeps the text being typed in the session once typing pauses, and saves it.
    fn draft_if_idle(&mut self) -> Vec<Effect> {
        let (Some(editor), Some(typed)) = (&self.editor, self.last_typed) else {
            return vec![];
        };
        if self.now.as_second() - typed.as_second() < DRAFT_IDLE_SECS {
            return vec![];
        }
        self.last_typed = None;
        // A section's text is the group's own: it is kept in place as it is written.
        if let Some(section) = editor.section.clone() {
            let text = editor.text();
            let now = self.now;
            return self.change(|s| {
                let _ = s.set_section_text(&section, &text, now);
            });
        }
        let draft = crate::model::Draft {
            block: editor.block.clone(),
            speaker: editor.speaker,
            text: editor.text(),
            editing: editor.editing,
        };
        self.change(|s| s.set_draft(Some(draft)))
    }

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

    /// Takes in what another program saved, says so, and saves the whole again
    /// (the store keeps their version as the first backup).
    fn take_in(&mut self, theirs: &Session, since: u64) -> Vec<Effect> {
        let Some(session) = &mut self.session else {
            return vec![];
        };
        let backup = self
            .path
            .as_deref()
            .map(|p| crate::store::backup_path(p, 1));
        let backup = backup.as_deref().and_then(std::path::Path::file_name);
        let n = session.take_in(theirs, since);
        self.notice = Some(crate::tr!(
            self.lang,
            NoticeTookIn,
            backup = backup.unwrap_or_default().to_string_lossy(),
            n = n
        ));
        self.dirty = true;
        vec![Effect::Save]
    }

    fn opened(&mut self, result: Result<Box<Opened>, String>) -> Vec<Effect> {
        match result {
            Ok(opened) => {
                let Opened { path, session } = *opened;
                self.path = Some(path);
                self.dirty = false;
                // Just read from disk (or just written): what is shown is saved.
                self.save = SaveState::Saved(self.now);
                self.workshop = WorkshopUi::default();
                self.prep = PrepUi::default();
                self.overlay = None;
                self.editor = session.draft().map(|d| {
                    self.notice = Some(crate::tr!(self.lang, NoticeDraftBack));
                    Editor::new(&d.block, d.speaker, d.editing, &d.text)
                });
                self.session = Some(session);
                self.screen = Screen::Workshop;
                vec![]
            }
            Err(message) => {
                self.notice = Some(message);
                vec![]
            }
        }
    }

    /// Quit, asking first only if something would be lost.
    pub(crate) fn quit(&mut self) -> Vec<Effect> {
        if self.dirty && (self.path.is_some() || self.prep.is_new) {
            self.overlay = Some(Overlay::Confirm(Confirm {
                question: crate::tr!(self.lang, ConfirmQuitUnsaved),
                on_yes: OnYes::Quit,
            }));
            return vec![];
        }
        self.quit_now()
    }

    /// Quit at once; text being typed is kept as the draft first.
    pub(crate) fn quit_now(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some(editor) = &self.editor
            && !editor.is_blank()
            && self.path.is_some()
        {
            self.last_typed = Some(Timestamp::MIN);
            effects = self.draft_if_idle();
        }
        self.quit = true;
        effects.push(Effect::Quit);
        effects
    }
}
