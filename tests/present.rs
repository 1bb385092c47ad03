//! The live view on a second screen (`samspel present`): it follows the writer
//! without a lock, never shows a half-read file, and says so when the file goes.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::Env;
use common::app::{Harness, start_time};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use samspel::i18n::Lang;
use samspel::store::Store;
use samspel::tui::{Action, App, Shell, dispatch, render::render};

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
    terminal.draw(|frame| render(app, frame)).unwrap();
    terminal.backend().to_string()
}

/// A follower of `path`, as `samspel present` makes one.
fn follower(path: &Path) -> (App, Shell) {
    let dir = path.parent().unwrap().to_path_buf();
    let mut shell = Shell::new(Store::at(dir), Lang::Sv);
    let session = shell.follow(path).unwrap();
    (App::follower(Lang::Sv, start_time(), *session), shell)
}

#[test]
fn the_follower_keeps_up_with_a_writer_adding_200_answers() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    {
        // The wall shows the current block: make it the one being answered.
        let (mut writer, mut session) = samspel::store::Writer::open(&path).unwrap();
        session
            .go_to_block("vad-ar-svart", jiff::Timestamp::now())
            .unwrap();
        writer.save(&session).unwrap();
    }
    let (mut app, mut shell) = follower(&path);
    let writer = {
        let session = path.to_str().unwrap().to_string();
        let command = env.command();
        let program = command.get_program().to_owned();
        let envs: Vec<_> = command
            .get_envs()
            .map(|(k, v)| (k.to_owned(), v.map(ToOwned::to_owned)))
            .collect();
        std::thread::spawn(move || {
            for n in 0..200 {
                let mut c = std::process::Command::new(&program);
                for (k, v) in &envs {
                    match v {
                        Some(v) => c.env(k, v),
                        None => c.env_remove(k),
                    };
                }
                let status = c
                    .args(["add-answer", &session, "--block", "vad-ar-svart"])
                    .args([
                        "--participant",
                        "gruppen",
                        &format!("Svar nummer {n} – åäö"),
                    ])
                    .output()
                    .unwrap();
                assert!(
                    status.status.success(),
                    "{}",
                    String::from_utf8_lossy(&status.stderr)
                );
            }
        })
    };
    let mut reloads = 0;
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let before = app.session.as_ref().unwrap().answers().len();
        dispatch(&mut app, &mut shell, Action::Tick, start_time());
        assert_eq!(app.notice, None, "the follower reported a problem");
        let now = app.session.as_ref().unwrap().answers().len();
        assert!(now >= before, "answers went backwards: {before} → {now}");
        if now > before {
            reloads += 1;
            screen(&app);
        }
        if now == 200 && writer.is_finished() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the follower stopped at {now} answers"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    writer.join().unwrap();
    assert!(reloads > 1, "it followed along, not only at the end");
    let texts: Vec<&str> = app
        .session
        .as_ref()
        .unwrap()
        .answers()
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    let expected: Vec<String> = (0..200).map(|n| format!("Svar nummer {n} – åäö")).collect();
    assert_eq!(texts, expected);
    assert!(screen(&app).contains("Svar nummer 199 – åäö"));
}

#[test]
fn the_follower_shows_what_the_writer_puts_on_the_wall() {
    let mut writer = Harness::demo();
    let path = writer.app.path.clone().unwrap();
    let (mut app, mut shell) = follower(&path);
    writer.press(KeyCode::Char('p'));
    writer.press(KeyCode::Char('n'));
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    let on_disk = samspel::store::load(&path).unwrap();
    assert!(on_disk.progress().presentation.on && on_disk.progress().presentation.anonymous);
    let wall = screen(&app);
    assert!(wall.contains("● Politik ★"), "{wall}");
    assert!(!wall.contains("Karin Lundberg"), "names are hidden: {wall}");
    writer.press(KeyCode::Tab);
    writer.press(KeyCode::Right);
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    let wall = screen(&app);
    assert!(
        wall.contains("POLITIK") && wall.contains("VERKSAMHET"),
        "{wall}"
    );
    assert!(wall.contains("Vad förtroendevalda behöver"), "{wall}");
    assert_eq!(
        samspel::store::load(&path).unwrap(),
        *app.session.as_ref().unwrap()
    );
}

#[test]
fn the_follower_says_when_the_file_is_gone_and_carries_on_when_it_is_back() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    env.answer(
        path.to_str().unwrap(),
        "vad-ar-svart",
        "gruppen",
        false,
        "Före",
    );
    let (mut app, mut shell) = follower(&path);
    let aside = path.with_extension("undan");
    std::fs::rename(&path, &aside).unwrap();
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    let notice = app.notice.clone().unwrap();
    assert!(notice.contains("finns inte längre"), "{notice}");
    assert!(screen(&app).contains("finns inte längre"));
    assert_eq!(
        app.session.as_ref().unwrap().answers().len(),
        1,
        "keeps what it had"
    );
    std::fs::rename(&aside, &path).unwrap();
    env.answer(
        path.to_str().unwrap(),
        "vad-ar-svart",
        "gruppen",
        false,
        "Efter",
    );
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    assert_eq!(app.notice, None);
    assert_eq!(app.session.as_ref().unwrap().answers().len(), 2);
}

#[test]
fn the_follower_never_writes_and_takes_no_lock() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let before = std::fs::read(&path).unwrap();
    let (mut app, mut shell) = follower(&path);
    // Every key the follower could be sent, then a tick.
    for c in "apnNlqv0123456789?tTk+-dmz".chars() {
        app.update(
            Action::Key(ratatui::crossterm::event::KeyEvent::from(KeyCode::Char(c))),
            start_time(),
        );
    }
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // The writer is not blocked by it.
    env.answer(
        path.to_str().unwrap(),
        "vad-ar-svart",
        "gruppen",
        false,
        "Skriv",
    );
}

#[test]
fn the_follower_shows_the_section_being_written() {
    let mut writer = Harness::demo();
    let path = writer.app.path.clone().unwrap();
    let (mut app, mut shell) = follower(&path);
    writer.press(KeyCode::Char('o'));
    writer.press(KeyCode::Char('p'));
    writer.press(KeyCode::Down);
    writer.press(KeyCode::Enter);
    writer.type_text("Visionen är vår gemensamma berättelse");
    writer.press(KeyCode::Enter);
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    let wall = screen(&app);
    assert!(
        wall.contains("Visionen är vår gemensamma berättelse"),
        "{wall}"
    );
}

/// The followed file replaced by a FIFO, then by a link to `/dev/zero`: the view
/// says it cannot read it (without hanging or growing), keeps what it had, and
/// carries on when a good file is back.
#[cfg(unix)]
#[test]
fn the_follower_never_hangs_on_a_fifo_or_dev_zero_and_recovers() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    env.answer(
        path.to_str().unwrap(),
        "vad-ar-svart",
        "gruppen",
        false,
        "Före",
    );
    let (mut app, mut shell) = follower(&path);
    let aside = path.with_extension("undan");
    std::fs::rename(&path, &aside).unwrap();
    let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string and a mode.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    let notice = app.notice.clone().unwrap();
    assert!(notice.contains("är inte en vanlig fil"), "{notice}");
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    let notice = app.notice.clone().unwrap();
    assert!(notice.contains("är inte en vanlig fil"), "{notice}");
    assert_eq!(app.session.as_ref().unwrap().answers().len(), 1);
    std::fs::remove_file(&path).unwrap();
    std::fs::rename(&aside, &path).unwrap();
    env.answer(
        path.to_str().unwrap(),
        "vad-ar-svart",
        "gruppen",
        false,
        "Efter",
    );
    dispatch(&mut app, &mut shell, Action::Tick, start_time());
    assert_eq!(app.notice, None);
    assert_eq!(app.session.as_ref().unwrap().answers().len(), 2);
}
