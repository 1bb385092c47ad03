//! Arbitrary key sequences, pastes, ticks and terminal sizes into the real
//! keymap, `update`, the shell that saves, and `render`: never a panic.
#![no_main]

use std::sync::OnceLock;

use jiff::{SignedDuration, Timestamp};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samspel::i18n::Lang;
use samspel::store::{Store, Writer};
use samspel::tui::{Action, App, Shell, dispatch, render::render};

#[path = "../../tests/common/keys.rs"]
mod keys;
use keys::{CHARS, SPECIAL};

/// One session file to start from, written once per process.
fn session_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let program = samspel::programs::built_in("skr-tva-dagar")
            .unwrap()
            .unwrap();
        samspel::store::encode(&samspel::generate::session(program, 6, 40, "Fuzzby"))
    })
}

fuzz_target!(|bytes: &[u8]| {
    let dir = tempfile::tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .unwrap();
    let path = dir.path().join("fuzz.samspel.json");
    std::fs::write(&path, session_bytes()).unwrap();
    drop(Writer::open(&path).unwrap());
    let mut now: Timestamp = "2026-03-12T09:30:00Z".parse().unwrap();
    let mut app = App::new(Lang::Sv, now);
    // Exports stay in the case's own folder, never in the working directory.
    app.export_dir = dir.path().to_path_buf();
    let mut shell = Shell::new(Store::at(dir.path().to_path_buf()), Lang::Sv);
    let sessions = shell.list();
    dispatch(&mut app, &mut shell, Action::Sessions(sessions), now);
    dispatch(&mut app, &mut shell, key(KeyCode::Enter, KeyModifiers::NONE), now);
    let chars: Vec<char> = CHARS.chars().collect();
    let mut size = (80u16, 24u16);
    for pair in bytes.chunks(2) {
        let (kind, arg) = (pair[0], pair.get(1).copied().unwrap_or(0));
        let action = match kind % 16 {
            0..=8 => key(KeyCode::Char(chars[usize::from(arg) % chars.len()]), KeyModifiers::NONE),
            9..=12 => {
                let (code, mods) = SPECIAL[usize::from(arg) % SPECIAL.len()];
                key(code, mods)
            }
            13 => Action::Paste(String::from_utf8_lossy(&bytes[..usize::from(arg).min(bytes.len())]).into()),
            14 => {
                now += SignedDuration::from_secs(i64::from(arg));
                Action::Tick
            }
            _ => {
                size = (u16::from(arg % 200) + 1, u16::from(arg / 4 % 60) + 1);
                Action::Tick
            }
        };
        dispatch(&mut app, &mut shell, action, now);
        if app.quit {
            break;
        }
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        terminal.draw(|frame| render(&app, frame)).unwrap();
    }
});

fn key(code: KeyCode, modifiers: KeyModifiers) -> Action {
    Action::Key(KeyEvent::new(code, modifiers))
}
