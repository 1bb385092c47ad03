//! The application state and `update`: every key, paste, tick and I/O result comes
//! in as an [`Action`]; what must touch the world goes out as an [`Effect`], which
//! the event loop performs. `update` itself does no I/O, so tests drive it directly.

use std::path::PathBuf;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::KeyEvent;

use super::editor::Editor;
use super::keymap::{self, Command, Mode};
use crate::i18n::Lang;
use crate::model::Session;

pub use super::dialogs::export::{ExportFailure, ExportRequest};
pub use super::dialogs::{Confirm, OnYes, Overlay};
pub use super::screens::Screens;
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
        seen: crate::model::Seen,
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
    /// Changed since it was read (`open --block` moved it): saved at once, so
    /// that a live view shows the same block from the first second.
    pub moved: bool,
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
    /// Every action item, to see, change and show.
    Actions,
    /// The tjänsteskrivelse that takes the agreement to the board.
    Memo,
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
    pub last_save_attempt: Option<Timestamp>,
    /// Each screen's own state.
    pub screens: Screens,
    pub quit: bool,
}

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
            last_save_attempt: None,
            screens: Screens::default(),
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
        match &self.editor {
            Some(editor) if editor.writes_document() => return Mode::SectionEditor,
            Some(_) => return Mode::Editor,
            None => {}
        }
        match (self.screen, self.screens.prep.tab) {
            (Screen::Start, _) => Mode::Start,
            (Screen::Follow, _) => Mode::Follow,
            (Screen::Workshop, _) if self.is_presenting() => Mode::Present,
            (Screen::Workshop, _) => Mode::Workshop,
            (Screen::Agreement, _) => Mode::Agreement,
            (Screen::Voting, _) => Mode::Voting,
            (Screen::Actions, _) => Mode::Actions,
            (Screen::Memo, _) => Mode::Memo,
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
                self.screens.start.show(list);
                vec![]
            }
            Action::Opened(result) => self.opened(result),
            Action::TakeIn { theirs, seen } => self.take_in(&theirs, &seen),
            Action::Saved(result) => self.saved(result),
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
            (Mode::Editor | Mode::SectionEditor, c) => self.editor_command(c),
            (Mode::Picker, c) => self.picker_command(c),
            (Mode::Confirm, c) => self.confirm_command(c),
            (Mode::Form, c) => self.form_command(c),
            (Mode::Start, c) => self.route(|s, cx| s.start.command(cx, c)),
            (Mode::Workshop, c) => self.route(|s, cx| s.workshop.command(cx, c)),
            (Mode::Present, c) => self.route(|s, cx| s.workshop.present_command(cx, c)),
            (Mode::Agreement, c) => self.route(|s, cx| s.agreement.command(cx, c)),
            (Mode::Voting, c) => self.route(|s, cx| s.voting.command(cx, c)),
            (Mode::Actions, c) => self.route(|s, cx| s.actions.command(cx, c)),
            (Mode::Memo, c) => self.route(|s, cx| s.memo.command(cx, c)),
            // The live view changes nothing: quitting is all there is to do.
            (Mode::Follow, Command::Quit) => self.quit_now(),
            (Mode::Follow, _) => vec![],
            (Mode::PrepDetails | Mode::PrepParticipants | Mode::PrepAgenda, c) => {
                self.route(|s, cx| s.prep.command(cx, c))
            }
        }
    }

    /// Whether the wall view is drawn: presentation mode, or the live view.
    pub fn is_presenting(&self) -> bool {
        super::screens::wall::is_shown(self.screen, self.session.as_ref())
    }

    /// Whether a timer is running, so the screen changes every second.
    pub fn timer_running(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.progress().timers.values().any(|t| t.is_running()))
    }
}
