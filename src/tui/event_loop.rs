//! The thin shell around the app: the terminal, the clock, signals, and the I/O
//! that effects ask for. Everything else is in `App::update` and `render`.

use std::io::{BufWriter, Stdout};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{self, EnterAlternateScreen};

use super::app::{Action, App};
use super::render::render;
use super::shell::{Shell, dispatch};
use crate::i18n::{Lang, Localize};
use crate::store::Store;
use crate::time_zone;
use crate::tr;

/// Where the app starts.
pub enum Target {
    Start,
    /// The read-only live view of a session, for a second screen.
    Present(PathBuf),
    Open {
        session: PathBuf,
        block: Option<String>,
    },
    Demo,
}

/// How often the loop wakes without input: the timer and the idle draft need it.
const TICK: Duration = Duration::from_millis(250);

/// Runs the app until the user quits. Errors before the screen opens (a locked or
/// unreadable session, an unknown block) come back as one sentence.
pub fn run(store: Store, target: Target, lang: Lang) -> Result<(), String> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(tr!(lang, NeedsTerminal));
    }
    // The screen's two buffers (every cell, twice: 0.7 MB at 160×45) are made
    // while the session loads, on another core: touching that much fresh memory
    // took 0.7–0.9 ms of opening a session. Nothing is shown yet, so a session
    // that cannot be opened still fails on the plain terminal.
    let screen = std::thread::spawn(new_screen);
    let mut shell = Shell::new(store, lang);
    let mut app = App::new(lang, Timestamp::now());
    app.tz = time_zone::local();
    app.export_dir = export_dir();
    let first = match target {
        Target::Start => Action::Sessions(shell.list()),
        Target::Present(path) => {
            let session = shell.follow(&path)?;
            app = App::follower(lang, Timestamp::now(), *session);
            app.tz = time_zone::local();
            Action::Tick
        }
        Target::Demo => Action::Opened(Ok(shell.open_demo(app.now)?)),
        Target::Open { session, block } => {
            let mut opened = shell.open(&session)?;
            if let Some(block) = block {
                opened
                    .session
                    .go_to_block(&block, Timestamp::now())
                    .map_err(|e| e.localize(lang))?;
                opened.moved = true;
            }
            Action::Opened(Ok(opened))
        }
    };
    dispatch(&mut app, &mut shell, first, Timestamp::now());
    // As `ratatui::init`, which panics too when the terminal cannot be set up.
    let screen = screen.join().ok().and_then(Result::ok);
    let terminal = screen.expect("failed to initialize terminal");
    event_loop(&mut app, &mut shell, terminal)
}

/// The terminal the app draws on. Its output is buffered whole and written once
/// per frame: through `Stdout` alone it went out a kilobyte at a time, each
/// piece of crossterm's output taking the lock on its way.
type Screen = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

fn new_screen() -> std::io::Result<Screen> {
    let out = BufWriter::with_capacity(1 << 16, std::io::stdout());
    Terminal::new(CrosstermBackend::new(out))
}

/// What `ratatui::init` does, for a terminal made beforehand: raw mode, the
/// alternate screen, and a panic hook that puts both back.
fn enter() -> std::io::Result<()> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        ratatui::restore();
        hook(info);
    }));
    terminal::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste
    )
}

fn event_loop(app: &mut App, shell: &mut Shell, mut terminal: Screen) -> Result<(), String> {
    let terminate = Arc::new(AtomicBool::new(false));
    register_signals(&terminate);
    enter().expect("failed to initialize terminal");
    let input = spawn_input_reader();
    let mut last_second = 0;
    let mut redraw = true;
    while !app.quit {
        if redraw && terminal.draw(|frame| render(app, frame)).is_err() {
            // The terminal is gone (window closed): keep what was typed and stop.
            dispatch(app, shell, Action::Terminate, Timestamp::now());
            break;
        }
        // Lets the end-to-end tests check that a panic restores the terminal.
        // Debug builds only: a release build has no such switch.
        #[cfg(debug_assertions)]
        if std::env::var_os("SAMSPEL_TEST_PANIC").is_some() {
            panic!("SAMSPEL_TEST_PANIC is set");
        }
        if terminate.load(Ordering::Relaxed) {
            dispatch(app, shell, Action::Terminate, Timestamp::now());
            break;
        }
        let action = match input.recv_timeout(TICK) {
            Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Action::Key(key),
            Ok(Event::Paste(text)) => Action::Paste(text),
            Ok(Event::Resize(..)) => {
                redraw = true;
                continue;
            }
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => Action::Tick,
            Err(RecvTimeoutError::Disconnected) => Action::Terminate,
        };
        let is_tick = matches!(action, Action::Tick);
        let followed_up = dispatch(app, shell, action, Timestamp::now());
        let second = Timestamp::now().as_second();
        redraw = !is_tick || followed_up || clock_moved(last_second, second, app.timer_running());
        last_second = second;
    }
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    Ok(())
}

/// Whether the passing of time alone changed the screen: a running timer shows
/// seconds; the agenda shows the date. Idle otherwise means no redraw at all.
fn clock_moved(last_second: i64, second: i64, timer_running: bool) -> bool {
    let new_day = second.div_euclid(86_400) != last_second.div_euclid(86_400);
    new_day || (timer_running && second != last_second)
}

/// Exports go to the user's Documents folder, else home, else here.
fn export_dir() -> PathBuf {
    let dirs = directories::UserDirs::new();
    dirs.as_ref()
        .and_then(|d| d.document_dir().map(PathBuf::from))
        .or_else(|| dirs.as_ref().map(|d| d.home_dir().to_path_buf()))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Reads terminal events on a thread of its own. crossterm's reader can spin
/// forever inside one call once the terminal is gone (crossterm issue #793), so the
/// loop waits on this channel with a timeout instead, and always gets back to
/// checking for SIGHUP and a failed draw. The thread ends with the process.
fn spawn_input_reader() -> Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(event).is_err() {
                break;
            }
        }
    });
    rx
}

#[cfg(unix)]
fn register_signals(flag: &Arc<AtomicBool>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    // In raw mode Ctrl+C and Ctrl+\ are keys, not signals; these come from
    // `kill` or a closing terminal, and each ends the app the same tidy way.
    for signal in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
        let _ = signal_hook::flag::register(signal, Arc::clone(flag));
    }
}

#[cfg(not(unix))]
fn register_signals(_flag: &Arc<AtomicBool>) {}

#[cfg(test)]
mod tests {
    use super::clock_moved;

    #[test]
    fn idle_means_no_redraw_but_a_running_timer_ticks_each_second() {
        let noon = 1_773_316_800; // 2026-03-12 12:00 UTC
        assert!(!clock_moved(noon, noon + 1, false));
        assert!(clock_moved(noon, noon + 1, true));
        assert!(!clock_moved(noon, noon, true), "a quarter-second tick");
        assert!(clock_moved(noon + 43_199, noon + 43_200, false), "midnight");
    }
}
