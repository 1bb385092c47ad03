//! The real binary in a pseudo-terminal (portable-pty), its screen read with vt100:
//! type answers, quit, start again; SIGKILL right after a confirmed answer; SIGTERM
//! with text half typed.
#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Env;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct App {
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Option<Box<dyn Write + Send>>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Tells the reader thread to let go of its end of the pty.
    stop_reading: Arc<AtomicBool>,
    /// The terminal's settings before the app started (what `stty -g` shows).
    settings_before: Settings,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Drop for App {
    fn drop(&mut self) {
        // Never leave an app running after its test.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl App {
    fn start(env: &Env, args: &[&str]) -> App {
        App::start_with(env, args, &[])
    }

    fn start_with(env: &Env, args: &[&str], vars: &[(&str, &str)]) -> App {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_samspel"));
        cmd.args(args);
        App::spawn(env, cmd, vars)
    }

    /// The app with at most `kib` KiB of address space (`ulimit -v`): a file that
    /// made it grow without end would end it rather than the machine.
    fn start_limited(env: &Env, args: &[&str], kib: u64) -> App {
        let mut cmd = CommandBuilder::new("sh");
        let script = format!("ulimit -v {kib} && exec \"$0\" \"$@\"");
        cmd.args(["-c", &script, env!("CARGO_BIN_EXE_samspel")]);
        cmd.args(args);
        App::spawn(env, cmd, &[])
    }

    fn spawn(env: &Env, mut cmd: CommandBuilder, vars: &[(&str, &str)]) -> App {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.env("SAMSPEL_DATA_DIR", env.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("SAMSPEL_LANG");
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let settings_before = settings(pty.master.as_raw_fd().unwrap());
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let fd = pty.master.as_raw_fd().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(nonzero(30), nonzero(100), 0)));
        let sink = Arc::clone(&screen);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::Relaxed) {
                // Wait for output at most 50 ms at a time, so that the thread can
                // let go of the pty when the test closes the terminal.
                let mut poll = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, and the count says one.
                if unsafe { libc::poll(&mut poll, 1, 50) } <= 0 {
                    continue;
                }
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink.lock().unwrap().process(&buf[..n]),
                }
            }
        });
        App {
            master: Some(pty.master),
            child,
            writer: Some(writer),
            screen,
            stop_reading,
            reader: Some(reader),
            settings_before,
        }
    }

    /// Asserts that the terminal's settings are what they were before the app.
    fn assert_terminal_restored(&self) {
        let fd = self.master.as_ref().unwrap().as_raw_fd().unwrap();
        assert_eq!(
            settings(fd),
            self.settings_before,
            "the terminal's settings"
        );
        // The app's last bytes (leaving the alternate screen) may still be on
        // their way through the reader thread when the process has ended.
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.screen.lock().unwrap().screen().alternate_screen() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(!self.screen.lock().unwrap().screen().alternate_screen());
    }

    /// Closes the terminal window: every handle on the pty's master side goes.
    fn close_terminal(&mut self) {
        self.stop_reading.store(true, Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    fn resize(&mut self, rows: u16, cols: u16) {
        self.screen
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .as_ref()
            .unwrap()
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("{text:?} never appeared; the screen:\n{}", self.contents());
    }

    fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().unwrap();
        writer.write_all(bytes.as_bytes()).unwrap();
        writer.flush().unwrap();
        // Let the app read it before the next key (Esc followed at once by a letter
        // would arrive as Alt+letter).
        std::thread::sleep(Duration::from_millis(80));
    }

    fn signal(&mut self, signal: &str) {
        let pid = self.child.process_id().unwrap().to_string();
        let status = std::process::Command::new("kill")
            .args([signal, &pid])
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the app did not exit");
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

/// A terminal's settings as `stty -g` shows them: the mode flags and the control
/// characters (read through the pty's master side, which shares them).
#[derive(Debug, PartialEq, Eq)]
struct Settings {
    flags: [libc::tcflag_t; 4],
    control: Vec<libc::cc_t>,
}

fn settings(fd: std::os::fd::RawFd) -> Settings {
    // SAFETY: termios is plain data; tcgetattr fills it for a valid terminal fd.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0, "tcgetattr");
    Settings {
        flags: [t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag],
        control: t.c_cc.to_vec(),
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap()
}

fn session(env: &Env) -> String {
    env.new_session("skr-en-dag").to_str().unwrap().to_string()
}

fn answers_on_disk(path: &str) -> Vec<String> {
    samspel::store::load(Path::new(path))
        .unwrap()
        .answers()
        .iter()
        .map(|a| a.text.clone())
        .collect()
}

#[test]
fn two_answers_survive_quit_and_restart() {
    let env = Env::new();
    let path = session(&env);
    let mut app = App::start(&env, &["open", &path, "--block", "vad-ar-svart"]);
    app.wait_for("Vad är svårt?");
    // The position is saved at once, for a live view that starts now.
    let saved = samspel::store::load(std::path::Path::new(&path)).unwrap();
    assert_eq!(saved.current_block().unwrap().id, "vad-ar-svart");
    app.send("a");
    app.wait_for("Svar från Åsa Öberg");
    app.send("Tiden räcker inte – åäö ÅÄÖ");
    app.send("\r");
    app.wait_for("Svar från Jörgen Ståhl");
    app.send("Rollerna\r");
    app.wait_for("Alla har haft ordet");
    app.send("q");
    assert!(app.wait_exit().success());
    assert!(
        !app.screen.lock().unwrap().screen().alternate_screen(),
        "the terminal is back on its main screen"
    );

    let again = App::start(&env, &["open", &path]);
    again.wait_for("Tiden räcker inte – åäö ÅÄÖ");
    again.wait_for("Rollerna");
    assert!(
        again.contents().contains("Vad är svårt?"),
        "reopened at the same block"
    );
}

#[test]
fn sigkill_right_after_a_confirmed_answer_loses_nothing() {
    let env = Env::new();
    let path = session(&env);
    let mut app = App::start(&env, &["open", &path, "--block", "vad-ar-svart"]);
    app.wait_for("Vad är svårt?");
    app.send("a");
    app.send("Sagt precis före kraschen\r");
    // The text shows in the editor before Enter is handled: wait for the count
    // that says the answer is confirmed (and so on disk).
    app.wait_for("Svar (1)");
    app.signal("-KILL");
    app.wait_exit();
    assert_eq!(answers_on_disk(&path), ["Sagt precis före kraschen"]);
    let again = App::start(&env, &["open", &path]);
    again.wait_for("Sagt precis före kraschen");
}

#[test]
fn sigterm_keeps_the_half_typed_text_and_restores_the_terminal() {
    a_signal_keeps_the_draft_and_restores_the_terminal("-TERM");
}

#[test]
fn sigint_keeps_the_half_typed_text_and_restores_the_terminal() {
    a_signal_keeps_the_draft_and_restores_the_terminal("-INT");
}

#[test]
fn sigquit_keeps_the_half_typed_text_and_restores_the_terminal() {
    a_signal_keeps_the_draft_and_restores_the_terminal("-QUIT");
}

/// `kill` with `signal` while text is half typed: the app ends, the terminal is
/// as it was, and the text comes back as the draft.
fn a_signal_keeps_the_draft_and_restores_the_terminal(signal: &str) {
    let env = Env::new();
    let path = session(&env);
    let mut app = App::start(&env, &["open", &path, "--block", "vad-ar-svart"]);
    app.wait_for("Vad är svårt?");
    app.send("a");
    app.send("Halvt skrivet");
    app.wait_for("Halvt skrivet");
    app.signal(signal);
    app.wait_exit();
    app.assert_terminal_restored();
    let draft = samspel::store::load(Path::new(&path))
        .unwrap()
        .draft()
        .cloned();
    assert_eq!(draft.map(|d| d.text).as_deref(), Some("Halvt skrivet"));
    let again = App::start(&env, &["open", &path]);
    again.wait_for("Texten du skrev förra gången är tillbaka");
    again.wait_for("Halvt skrivet");
}

/// SIGHUP with the terminal still open (e.g. `kill -HUP`): settings restored,
/// the typing kept.
#[test]
fn sighup_restores_the_terminal_settings() {
    let env = Env::new();
    let path = session(&env);
    let mut app = App::start(&env, &["open", &path, "--block", "vad-ar-svart"]);
    app.wait_for("Vad är svårt?");
    app.send("a");
    app.send("Före SIGHUP");
    app.wait_for("Före SIGHUP");
    let fd = app.master.as_ref().unwrap().as_raw_fd().unwrap();
    assert_ne!(settings(fd), app.settings_before, "raw mode while running");
    app.signal("-HUP");
    app.wait_exit();
    app.assert_terminal_restored();
    let draft = samspel::store::load(Path::new(&path))
        .unwrap()
        .draft()
        .cloned();
    assert_eq!(draft.map(|d| d.text).as_deref(), Some("Före SIGHUP"));
}

/// A panic (forced in debug builds by SAMSPEL_TEST_PANIC) leaves the terminal
/// as it was, and says what happened instead of a garbled screen.
#[test]
fn a_panic_restores_the_terminal_settings() {
    let env = Env::new();
    let path = session(&env);
    let mut app = App::start_with(&env, &["open", &path], &[("SAMSPEL_TEST_PANIC", "1")]);
    let status = app.wait_exit();
    assert!(!status.success());
    app.assert_terminal_restored();
    app.wait_for("SAMSPEL_TEST_PANIC");
}

#[test]
fn closing_the_terminal_window_ends_the_app_and_keeps_the_typing() {
    let env = Env::new();
    let path = session(&env);
    let mut app = App::start(&env, &["open", &path, "--block", "vad-ar-svart"]);
    app.wait_for("Vad är svårt?");
    app.send("a");
    app.send("Skrivet när fönstret stängdes");
    app.wait_for("Skrivet när fönstret stängdes");
    app.close_terminal();
    // The app must end by itself (SIGHUP, a dead terminal), not spin on.
    app.wait_exit();
    let draft = samspel::store::load(Path::new(&path))
        .unwrap()
        .draft()
        .cloned();
    // portable-pty's writer sends a line feed and ^D when it is dropped; when the
    // app reads them before the hangup they arrive as Ctrl+J, a new line.
    assert_eq!(
        draft.map(|d| d.text.trim_end().to_string()).as_deref(),
        Some("Skrivet när fönstret stängdes")
    );
}

#[test]
fn a_second_app_on_the_same_session_is_refused_with_a_sentence() {
    let env = Env::new();
    let path = session(&env);
    let first = App::start(&env, &["open", &path]);
    first.wait_for("Dagordning");
    let mut second = App::start(&env, &["open", &path]);
    second.wait_for("redan öppen i ett annat Samspel-fönster");
    assert_eq!(second.wait_exit().exit_code(), 1);
}

#[test]
fn a_resize_redraws_and_a_tiny_terminal_says_so() {
    let env = Env::new();
    let path = session(&env);
    let mut app = App::start(&env, &["open", &path]);
    app.wait_for("Dagordning");
    app.resize(12, 44);
    app.wait_for("Terminalen är för liten (44×12)");
    app.resize(30, 100);
    app.wait_for("Dagordning");
    app.send("q");
    assert!(app.wait_exit().success());
}

#[test]
fn samspel_present_follows_answers_live_and_quits_clean() {
    let env = Env::new();
    let path = session(&env);
    {
        let (mut writer, mut s) = samspel::store::Writer::open(Path::new(&path)).unwrap();
        s.go_to_block("vad-ar-svart", jiff::Timestamp::now())
            .unwrap();
        writer.save(&s).unwrap();
    }
    let mut wall = App::start(&env, &["present", &path]);
    wall.wait_for("Dag 1 av 1");
    env.answer(
        &path,
        "vad-ar-svart",
        "Åsa Öberg",
        false,
        "Syns på väggen – åäö",
    );
    wall.wait_for("Syns på väggen – åäö");
    wall.wait_for("Åsa Öberg · Politik");
    // A writer can open the session while the wall follows it.
    let mut writer = App::start(&env, &["open", &path]);
    writer.wait_for("Dagordning");
    writer.send("p");
    writer.send("n");
    wall.wait_for("● Politik");
    assert!(
        !wall.contents().contains("Åsa Öberg"),
        "names hidden on the wall"
    );
    wall.send("q");
    assert!(wall.wait_exit().success());
    assert!(!wall.screen.lock().unwrap().screen().alternate_screen());
}

/// The number of answers the screen says the block has ("Svar (3)"): it
/// changes only after the answer is saved, so a count seen is a count on disk.
fn answers_shown(app: &App) -> Option<usize> {
    let contents = app.contents();
    let after = contents.split("Svar (").nth(1)?;
    after.split(')').next()?.parse().ok()
}

/// SIGKILL at random moments around the app's own saves of typed answers:
/// the file always loads, and every answer the screen counted is on disk.
/// `SAMSPEL_APP_KILL_CYCLES` sets the number of cycles (1,000 for the full run).
#[test]
fn sigkill_around_the_apps_own_saves_never_loses_a_counted_answer() {
    let cycles: usize = std::env::var("SAMSPEL_APP_KILL_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    let env = Env::new();
    let path = session(&env);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut counted = 0;
    for i in 0..cycles {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut app = App::start(&env, &["open", &path, "--block", "vad-ar-svart"]);
        app.wait_for("Vad är svårt?");
        app.send("a");
        app.wait_for("Svar från");
        let text = format!("svar {i} åäö");
        app.send(&text);
        app.wait_for(&text);
        let writer = app.writer.as_mut().unwrap();
        writer.write_all(b"\r").unwrap();
        writer.flush().unwrap();
        // Kill 0–40 ms after Enter: before, during and after the save.
        std::thread::sleep(Duration::from_micros(seed % 40_000));
        if let Some(n) = answers_shown(&app) {
            counted = counted.max(n);
        }
        app.signal("-KILL");
        app.wait_exit();
        let on_disk = samspel::store::load(Path::new(&path))
            .unwrap_or_else(|e| panic!("cycle {i}: the file does not load: {e:?}"));
        let texts: Vec<&str> = on_disk.answers().iter().map(|a| a.text.as_str()).collect();
        assert!(
            texts.len() >= counted,
            "cycle {i}: {counted} counted, {texts:?}"
        );
        let mut unique = texts.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), texts.len(), "cycle {i}: an answer twice");
    }
    assert!(counted > 0, "no save was ever seen");
}

/// `open` and `present` given a FIFO, `/dev/zero` (through a link) or a folder:
/// each says in a sentence that it is not a regular file and ends within two
/// seconds, under a memory limit, and the thing named is left as it was.
#[test]
fn open_and_present_refuse_what_is_not_a_regular_file() {
    let env = Env::new();
    let fifo = env.path().join("ror.samspel.json");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string and a mode.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let zero = env.path().join("noll.samspel.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let folder = env.path().join("mapp.samspel.json");
    std::fs::create_dir(&folder).unwrap();
    for target in [&fifo, &zero, &folder] {
        for command in ["open", "present"] {
            let started = Instant::now();
            let mut app = App::start_limited(&env, &[command, target.to_str().unwrap()], 1 << 20);
            let status = app.wait_exit();
            assert!(
                started.elapsed() < Duration::from_secs(2),
                "{command} {target:?} took {:?}",
                started.elapsed()
            );
            assert_eq!(status.exit_code(), 1, "{command} {target:?}");
            app.wait_for("är inte en vanlig fil");
        }
    }
    let kind = |p: &Path| std::fs::symlink_metadata(p).unwrap().file_type();
    use std::os::unix::fs::FileTypeExt;
    assert!(kind(&fifo).is_fifo());
    assert!(kind(&zero).is_symlink());
    assert!(kind(&folder).is_dir());
}
