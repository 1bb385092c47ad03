//! Helpers shared by the integration tests: the real binary in a temp data dir, and
//! a child process that holds a session's lock until it is killed.
#![allow(dead_code)] // each test crate uses a different part of this module

pub mod app;
pub mod documents;
pub mod keys;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// Text that has broken programs before: Swedish letters, accents, emoji (with a
/// zero-width joiner), quotes of every kind, a line break, a tab, right-to-left text, CSV and JSON syntax.
pub const HOSTILE: &str =
    "Åsa Öberg-Ärlig é \"citat\" ”svenska” 'enkla' 🙈👩‍👩‍👧 a,b;c\nny rad\tflik مرحبا {\"json\": [1]}";

/// A data dir of its own for one test.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_samspel"));
        c.env("SAMSPEL_DATA_DIR", self.dir.path())
            .env_remove("SAMSPEL_LANG")
            .stdin(Stdio::null());
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    /// Runs and requires success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `samspel add-answer SESSION --block BLOCK --participant WHO [--mark] TEXT`,
    /// required to succeed; returns what it printed.
    pub fn answer(&self, session: &str, block: &str, who: &str, mark: bool, text: &str) -> String {
        let mut args = vec![
            "add-answer",
            session,
            "--block",
            block,
            "--participant",
            who,
        ];
        if mark {
            args.push("--mark");
        }
        args.push(text);
        self.ok(&args)
    }

    /// A new session of `program` with two participants; returns its path.
    pub fn new_session(&self, program: &str) -> PathBuf {
        let out = self.ok(&[
            "new",
            "--program",
            program,
            "--org",
            "Kungsörs kommun",
            "--date",
            "2026-03-12",
            "--participant",
            "Åsa Öberg;kommunstyrelsens ordförande;politik;(S)",
            "--participant",
            "Jörgen Ståhl;kommundirektör;verksamhet",
        ]);
        PathBuf::from(out.trim_end())
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Starts a child process that opens `session` as its writer and holds the lock
/// until killed. Returns once the lock is held.
///
/// The child is this test binary again, running the ignored test
/// `lock_holder_helper` (which each test crate that uses this defines by calling
/// [`hold_lock_if_asked`]).
pub fn spawn_lock_holder(session: &Path) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "lock_holder_helper", "--nocapture"])
        .env("SAMSPEL_TEST_HOLD_LOCK", session)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let held = lines.any(|l| l.map(|l| l.contains("LOCK HELD")).unwrap_or(false));
    assert!(held, "the lock holder did not take the lock");
    child
}

/// The body of `lock_holder_helper`: hold the lock of the session named by
/// `SAMSPEL_TEST_HOLD_LOCK` until killed; does nothing when not asked.
pub fn hold_lock_if_asked() {
    let Some(path) = std::env::var_os("SAMSPEL_TEST_HOLD_LOCK") else {
        return;
    };
    let (_writer, _session) = samspel::store::Writer::open(Path::new(&path)).unwrap();
    println!("LOCK HELD");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
}
