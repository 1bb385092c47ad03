//! The thin shell around the app: the terminal, the clock, signals, and the I/O
//! that effects ask for. Everything else is in `App::update` and `render`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use super::app::{Action, App, Effect, Opened, SessionSummary, SummaryLine};
use super::render::render;
use crate::demo;
use crate::i18n::{Lang, Localize};
use crate::model::Session;
use crate::store::{self, Store, Writer};
use crate::tr;

/// Where the app starts.
pub enum Target {
    Start,
    Open {
        session: PathBuf,
        block: Option<String>,
    },
    Demo,
}

/// How often the loop wakes without input: the timer and the idle draft need it.
const TICK: Duration = Duration::from_millis(250);

/// The I/O side: the store and the writer that holds the open session's lock.
struct Shell {
    store: Store,
    writer: Option<Writer>,
    lang: Lang,
}

impl Shell {
    fn perform(&mut self, app: &mut App, effect: Effect) -> Option<Action> {
        match effect {
            Effect::Save => {
                let (Some(writer), Some(session)) = (&mut self.writer, &app.session) else {
                    return None;
                };
                Some(Action::Saved(
                    writer.save(session).map_err(|e| e.localize(self.lang)),
                ))
            }
            Effect::ListSessions => Some(Action::Sessions(self.list())),
            Effect::Open(path) => Some(Action::Opened(self.open(&path))),
            Effect::OpenDemo => Some(Action::Opened(self.open_demo(app.now))),
            Effect::Create => {
                let session = app.session.clone()?;
                Some(Action::Opened(self.create(session)))
            }
            Effect::Close => {
                self.writer = None;
                None
            }
            Effect::Bell => {
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07").and_then(|()| out.flush());
                None
            }
            Effect::Quit => None,
        }
    }

    fn list(&self) -> Vec<SessionSummary> {
        let Ok(listed) = self.store.list() else {
            return Vec::new();
        };
        let dir = self.store.dir();
        listed
            .into_iter()
            .map(|(name, loaded)| SessionSummary {
                path: dir.join(format!("{name}{}", store::SESSION_SUFFIX)),
                line: loaded
                    .map(|s| SummaryLine {
                        title: s.title.clone(),
                        organisation: s.organisation.clone(),
                        dates: [s.day1(), s.day2()]
                            .iter()
                            .flatten()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                        answers: s.answers().len(),
                        changed: s.changed,
                    })
                    .map_err(|e| e.localize(self.lang)),
                name,
            })
            .collect()
    }

    fn open(&mut self, path: &Path) -> Result<Box<Opened>, String> {
        self.writer = None;
        let (writer, session) = Writer::open(path).map_err(|e| e.localize(self.lang))?;
        self.writer = Some(writer);
        Ok(Box::new(Opened {
            path: path.to_path_buf(),
            session,
        }))
    }

    fn create(&mut self, session: Session) -> Result<Box<Opened>, String> {
        self.writer = None;
        self.store.ensure_dir().map_err(|e| e.localize(self.lang))?;
        let mut slug = store::slugify(&session.organisation);
        if let Some(day1) = session.day1() {
            slug.push_str(&format!("-{day1}"));
        }
        let path = self.store.path_for_new(&slug);
        let writer = Writer::create(&path, &session).map_err(|e| e.localize(self.lang))?;
        self.writer = Some(writer);
        Ok(Box::new(Opened { path, session }))
    }

    /// A fresh copy of the demo session, replacing the last one.
    fn open_demo(&mut self, now: Timestamp) -> Result<Box<Opened>, String> {
        self.writer = None;
        self.store.ensure_dir().map_err(|e| e.localize(self.lang))?;
        let path = self
            .store
            .dir()
            .join(format!("demo{}", store::SESSION_SUFFIX));
        let session = demo::session(self.lang, now).map_err(|e| e.localize(self.lang))?;
        let writer = Writer::replace(&path, &session).map_err(|e| e.localize(self.lang))?;
        self.writer = Some(writer);
        Ok(Box::new(Opened { path, session }))
    }
}

/// Runs the app until the user quits. Errors before the screen opens (a locked or
/// unreadable session, an unknown block) come back as one sentence.
pub fn run(store: Store, target: Target, lang: Lang) -> Result<(), String> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(tr!(lang, NeedsTerminal));
    }
    let mut shell = Shell {
        store,
        writer: None,
        lang,
    };
    let mut app = App::new(lang, Timestamp::now());
    app.tz = TimeZone::system();
    let first = match target {
        Target::Start => Action::Sessions(shell.list()),
        Target::Demo => Action::Opened(Ok(shell.open_demo(app.now)?)),
        Target::Open { session, block } => {
            let mut opened = shell.open(&session)?;
            if let Some(block) = block {
                opened
                    .session
                    .go_to_block(&block)
                    .map_err(|e| e.localize(lang))?;
            }
            Action::Opened(Ok(opened))
        }
    };
    dispatch(&mut app, &mut shell, first);
    event_loop(&mut app, &mut shell)
}

/// Feeds an action to the app and performs the effects, which may answer with
/// further actions (a save's result), until nothing is left to do.
fn dispatch(app: &mut App, shell: &mut Shell, action: Action) {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in app.update(action, Timestamp::now()) {
            if let Some(next) = shell.perform(app, effect) {
                queue.push(next);
            }
        }
    }
}

fn event_loop(app: &mut App, shell: &mut Shell) -> Result<(), String> {
    let terminate = Arc::new(AtomicBool::new(false));
    register_signals(&terminate);
    let mut terminal = ratatui::init();
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        hook(info);
    }));
    let mut last_second = 0;
    let mut redraw = true;
    while !app.quit {
        if redraw && terminal.draw(|frame| render(app, frame)).is_err() {
            // The terminal is gone (window closed): keep what was typed and stop.
            dispatch(app, shell, Action::Terminate);
            break;
        }
        if terminate.load(Ordering::Relaxed) {
            dispatch(app, shell, Action::Terminate);
            break;
        }
        let action = match event::poll(TICK) {
            Ok(true) => match event::read() {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Action::Key(key),
                Ok(Event::Paste(text)) => Action::Paste(text),
                Ok(Event::Resize(..)) => {
                    redraw = true;
                    continue;
                }
                Ok(_) => continue,
                Err(_) => Action::Terminate,
            },
            Ok(false) => Action::Tick,
            Err(_) => Action::Terminate,
        };
        let is_tick = matches!(action, Action::Tick);
        dispatch(app, shell, action);
        // Idle means no redraw, but for the clock on a running timer once a second.
        let second = Timestamp::now().as_second();
        redraw = !is_tick || second != last_second;
        last_second = second;
    }
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    Ok(())
}

#[cfg(unix)]
fn register_signals(flag: &Arc<AtomicBool>) {
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let _ = signal_hook::flag::register(signal, Arc::clone(flag));
    }
}

#[cfg(not(unix))]
fn register_signals(_flag: &Arc<AtomicBool>) {}
