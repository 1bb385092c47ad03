//! Driving the app as a user would, without a terminal: keys through the real
//! keymap and `App::update`, effects through the real `Shell` into a temp store,
//! and the screen drawn into ratatui's `TestBackend`.

use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samspel::i18n::Lang;
use samspel::model::Session;
use samspel::store::Store;
use samspel::tui::{Action, App, Shell, dispatch, render::render};

/// 2026-03-12 09:30:00 UTC, a Thursday: every test's clock starts here.
pub fn start_time() -> Timestamp {
    "2026-03-12T09:30:00Z".parse().unwrap()
}

pub struct Harness {
    pub app: App,
    pub shell: Shell,
    pub dir: tempfile::TempDir,
    pub now: Timestamp,
}

impl Harness {
    /// The start screen over an empty store.
    pub fn start() -> Harness {
        Harness::with_dir(tempfile::tempdir().unwrap())
    }

    /// A temp dir on tmpfs where there is one: the same saves (temp file, rename),
    /// without waiting for a disk's fsync thousands of times.
    pub fn fast_dir() -> tempfile::TempDir {
        let shm = std::path::Path::new("/dev/shm");
        match shm.is_dir() {
            true => tempfile::tempdir_in(shm).unwrap_or_else(|_| tempfile::tempdir().unwrap()),
            false => tempfile::tempdir().unwrap(),
        }
    }

    pub fn with_dir(dir: tempfile::TempDir) -> Harness {
        let store = Store::at(dir.path().to_path_buf());
        let mut app = App::new(Lang::Sv, start_time());
        // Exports stay in the test's own folder, never in the working directory.
        app.export_dir = dir.path().to_path_buf();
        let mut h = Harness {
            app,
            shell: Shell::new(store, Lang::Sv),
            dir,
            now: start_time(),
        };
        let sessions = h.shell.list();
        h.act(Action::Sessions(sessions));
        h
    }

    /// A fresh demo, opened on the workshop screen.
    pub fn demo() -> Harness {
        let mut h = Harness::start();
        h.press(KeyCode::Char('d'));
        assert!(h.app.session.is_some(), "{:?}", h.app.notice);
        h
    }

    pub fn act(&mut self, action: Action) {
        dispatch(&mut self.app, &mut self.shell, action, self.now);
    }

    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.act(Action::Key(KeyEvent::new(code, modifiers)));
    }

    /// Moves block by block with ← or → (the keys a facilitator uses) until
    /// block `id` of the program is the current one.
    pub fn go_to_block(&mut self, id: &str) {
        let order: Vec<String> = self
            .session()
            .program()
            .blocks()
            .map(|(_, b)| b.id.clone())
            .collect();
        let target = order
            .iter()
            .position(|b| b == id)
            .expect("a block of the program");
        for _ in 0..order.len() {
            let current = &self.session().current_block().unwrap().id;
            let at = order.iter().position(|b| b == current).unwrap();
            match at.cmp(&target) {
                std::cmp::Ordering::Equal => return,
                std::cmp::Ordering::Less => self.press(KeyCode::Right),
                std::cmp::Ordering::Greater => self.press(KeyCode::Left),
            }
        }
        panic!("block {id} was not reached");
    }

    pub fn press(&mut self, code: KeyCode) {
        let mods = match code {
            KeyCode::Char(c) if c.is_uppercase() || "?+".contains(c) => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        self.key(code, mods);
    }

    pub fn ctrl(&mut self, c: char) {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    /// Types text, character by character.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    /// Lets `secs` seconds pass, with ticks as the loop sends them.
    pub fn wait(&mut self, secs: i64) {
        for _ in 0..secs {
            self.now += jiff::SignedDuration::from_secs(1);
            self.act(Action::Tick);
        }
    }

    pub fn session(&self) -> &Session {
        self.app.session.as_ref().unwrap()
    }

    /// The session as it is on disk now.
    pub fn on_disk(&self) -> Session {
        samspel::store::load(self.app.path.as_ref().unwrap()).unwrap()
    }

    pub fn screen(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| render(&self.app, frame)).unwrap();
        terminal.backend().to_string()
    }
}
