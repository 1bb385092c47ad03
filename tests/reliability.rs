//! What an unlucky laptop or a hostile user can do to the files around a
//! session: a second writer after the lock file was deleted, a FIFO or a device
//! where a file should be, an export aimed at the session itself, a burst of
//! command-line saves, links in odd places. Nothing confirmed is lost, nothing
//! hangs or grows, and each refusal is one sentence.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::Env;
use common::app::Harness;
use ratatui::crossterm::event::KeyCode;
use samspel::model::{Session, Speaker};
use samspel::store::{self, Saved, Writer};

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string and a mode.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

/// `samspel add-answer` on `path` as the group, through the real binary.
fn cli_answer(path: &Path, text: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_samspel"))
        .args(["add-answer"])
        .arg(path)
        .args(["--block", "vad-ar-svart", "--participant", "gruppen", text])
        .env_remove("SAMSPEL_LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn texts_on_disk(path: &Path) -> Vec<String> {
    store::load(path)
        .unwrap()
        .answers()
        .iter()
        .map(|a| a.text.clone())
        .collect()
}

/// The demo open in the app, on the block the command line answers.
fn app_on_vad_ar_svart() -> (Harness, PathBuf) {
    let mut h = Harness::with_dir(Harness::fast_dir());
    h.press(KeyCode::Char('d'));
    let session = h.app.session.as_mut().unwrap();
    session
        .go_to_block("vad-ar-svart", jiff::Timestamp::now())
        .unwrap();
    let path = h.app.path.clone().unwrap();
    (h, path)
}

/// The group's answer, typed and confirmed in the app.
fn app_answer(h: &mut Harness, text: &str) {
    h.press(KeyCode::Char('0'));
    assert!(h.app.editor.is_some(), "the editor is open");
    h.type_text(text);
    h.press(KeyCode::Enter);
    if h.app.editor.is_some() {
        h.press(KeyCode::Esc);
    }
    assert!(h.app.session.is_some(), "still in the workshop");
}

// ---- 1. a confirmed answer is never overwritten by another writer's save

#[test]
fn an_answer_the_command_line_confirmed_survives_the_apps_next_save() {
    let (mut h, path) = app_on_vad_ar_svart();
    app_answer(&mut h, "Före");
    fs::remove_file(store::lock_path(&path)).unwrap();
    let out = cli_answer(&path, "Från kommandoraden");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    app_answer(&mut h, "Efter");
    let on_disk = texts_on_disk(&path);
    for text in ["Före", "Från kommandoraden", "Efter"] {
        assert_eq!(
            on_disk.iter().filter(|t| *t == text).count(),
            1,
            "{text}: {on_disk:?}"
        );
    }
    let notice = h.app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("Ett annat program sparade sessionen"),
        "{notice}"
    );
    assert!(store::backup_path(&path, 1).exists());
}

/// The app and the command line write in turn; before some turns the lock file
/// is deleted (so the command line gets in). Every answer either side confirmed
/// is on disk exactly once at the end.
#[test]
fn app_and_command_line_in_turn_with_the_lock_deleted_at_random_lose_nothing() {
    let rounds: u64 = std::env::var("SAMSPEL_MERGE_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let (mut h, path) = app_on_vad_ar_svart();
    let mut confirmed = Vec::new();
    let mut seed: u64 = 0x5eed;
    for round in 0..rounds {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if seed >> 62 != 0 {
            let _ = fs::remove_file(store::lock_path(&path));
        }
        if seed >> 61 & 1 == 1 {
            let text = format!("app {round}");
            app_answer(&mut h, &text);
            confirmed.push(text);
        }
        let text = format!("cli {round}");
        if cli_answer(&path, &text).status.success() {
            confirmed.push(text);
        }
    }
    app_answer(&mut h, "sist");
    confirmed.push("sist".to_string());
    let on_disk = texts_on_disk(&path);
    for text in &confirmed {
        let n = on_disk.iter().filter(|t| *t == text).count();
        assert_eq!(n, 1, "{text} is on disk {n} times");
    }
    assert!(
        confirmed.iter().any(|t| t.starts_with("cli")),
        "the command line got in"
    );
    assert!(confirmed.iter().filter(|t| t.starts_with("cli")).count() < rounds as usize);
}

/// A session with two writers on it: the first's lock file was deleted, so the
/// second got in (as a second app window or a script could).
fn two_writers(env: &Env) -> (PathBuf, (Writer, Session), (Writer, Session)) {
    let path = env.new_session("skr-en-dag");
    let first = Writer::open(&path).unwrap();
    fs::remove_file(store::lock_path(&path)).unwrap();
    let second = Writer::open(&path).unwrap();
    (path, first, second)
}

/// A writer that read the file before another saved it is handed the other's
/// version instead of replacing it; the file is untouched until it saves again.
#[test]
fn a_writer_whose_file_was_replaced_is_handed_the_other_version() {
    let env = Env::new();
    let (path, (mut first, mut ours), (mut second, mut theirs)) = two_writers(&env);
    theirs
        .add_answer(
            "vad-ar-svart",
            Speaker::Group,
            "deras",
            false,
            jiff::Timestamp::now(),
        )
        .unwrap();
    second.save(&theirs).unwrap();
    drop(second);
    let before = fs::read(&path).unwrap();

    ours.add_answer(
        "vad-ar-svart",
        Speaker::Group,
        "vårt",
        false,
        jiff::Timestamp::now(),
    )
    .unwrap();
    let Saved::Theirs { theirs, seen } = first.save(&ours).unwrap() else {
        panic!("the other version was overwritten");
    };
    assert_eq!(fs::read(&path).unwrap(), before, "nothing written yet");
    assert_eq!(ours.take_in(&theirs, &seen), 1);
    assert!(matches!(first.save(&ours).unwrap(), Saved::Written));
    let mut texts = texts_on_disk(&path);
    texts.sort();
    assert_eq!(texts, ["deras", "vårt"]);
}

/// What a writer deleted since it last read or wrote the file stays deleted when
/// it takes in another writer's version, whether its last look at the file was
/// opening it or its own save.
#[test]
fn an_answer_deleted_meanwhile_stays_deleted_when_the_other_version_is_taken_in() {
    for save_first in [false, true] {
        // Made here and written without a lock, and the other writer's save
        // likewise: a lock this process let go of and took again could be held
        // for a moment by a child another test forks (until the child execs).
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.samspel.json");
        let program = samspel::programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut session = Session::new(program, "Kungsör", "Styra", jiff::Timestamp::now());
        for text in ["strykes", "kvar"] {
            let now = jiff::Timestamp::now();
            session
                .add_answer("vad-ar-svart", Speaker::Group, text, false, now)
                .unwrap();
        }
        fs::write(&path, store::encode(&session)).unwrap();
        let (mut first, mut ours) = Writer::open(&path).unwrap();
        if save_first {
            let now = jiff::Timestamp::now();
            ours.add_answer("vad-ar-svart", Speaker::Group, "vårt", false, now)
                .unwrap();
            first.save(&ours).unwrap();
        }
        let mut theirs = store::load(&path).unwrap();
        let now = jiff::Timestamp::now();
        theirs
            .add_answer("vad-ar-svart", Speaker::Group, "deras", false, now)
            .unwrap();
        store::write_atomic(&path, &store::encode(&theirs), store::Replace::Allow).unwrap();

        let gone = ours.answers().iter().find(|a| a.text == "strykes").unwrap();
        ours.delete_answer(gone.id, now).unwrap();
        let Saved::Theirs { theirs, seen } = first.save(&ours).unwrap() else {
            panic!("the other version was overwritten");
        };
        assert_eq!(ours.take_in(&theirs, &seen), 1);
        assert!(matches!(first.save(&ours).unwrap(), Saved::Written));
        let mut texts = texts_on_disk(&path);
        texts.sort();
        let mut expected = vec!["deras", "kvar"];
        if save_first {
            expected.push("vårt");
        }
        assert_eq!(texts, expected, "saved first: {save_first}");
    }
}

/// Two writers (two app windows, the lock deleted) in turn: each takes in the
/// other's version before it saves, and every answer either confirmed is in the
/// file once, however the ids were renumbered on the way.
#[test]
fn two_writers_in_turn_with_the_lock_deleted_keep_each_others_answers() {
    let env = Env::new();
    let (path, (mut a, mut a_session), (mut b, mut b_session)) = two_writers(&env);
    let mut written = Vec::new();
    for round in 0..8 {
        let _ = fs::remove_file(store::lock_path(&path));
        let (writer, session) = match round % 2 {
            0 => (&mut a, &mut a_session),
            _ => (&mut b, &mut b_session),
        };
        let text = format!("svar {round}");
        session
            .add_answer(
                "vad-ar-svart",
                Speaker::Group,
                &text,
                false,
                jiff::Timestamp::now(),
            )
            .unwrap();
        while let Saved::Theirs { theirs, seen } = writer.save(session).unwrap() {
            session.take_in(&theirs, &seen);
        }
        written.push(text);
    }
    let on_disk = texts_on_disk(&path);
    for text in &written {
        let n = on_disk.iter().filter(|t| *t == text).count();
        assert_eq!(n, 1, "{text}: {on_disk:?}");
    }
}

/// What is not a version of this session (a broken file, another session copied
/// over it) is kept as the first backup, never merged and never lost.
#[test]
fn a_broken_file_or_another_session_in_its_place_is_kept_as_a_backup() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let other = env.ok(&["new", "--program", "skr-en-dag", "--org", "Annan kommun"]);
    let other = PathBuf::from(other.trim_end());
    env.answer(
        other.to_str().unwrap(),
        "vad-ar-svart",
        "gruppen",
        false,
        "Annans svar",
    );
    let (mut writer, mut session) = Writer::open(&path).unwrap();
    session
        .add_answer(
            "vad-ar-svart",
            Speaker::Group,
            "Vårt",
            false,
            jiff::Timestamp::now(),
        )
        .unwrap();
    for foreign in [fs::read(&other).unwrap(), b"{ trasig".to_vec()] {
        fs::remove_file(store::lock_path(&path)).unwrap();
        store::write_atomic(&path, &foreign, store::Replace::Allow).unwrap();
        assert!(matches!(writer.save(&session).unwrap(), Saved::KeptForeign));
        assert_eq!(fs::read(store::backup_path(&path, 1)).unwrap(), foreign);
        assert_eq!(
            texts_on_disk(&path),
            ["Vårt"],
            "nothing of the other taken in"
        );
    }
}

/// A FIFO put in the session file's place while it is open: the save says so
/// at once and writes nothing (the answers stay in memory), instead of hanging.
#[test]
fn a_fifo_in_the_session_files_place_is_refused_at_save() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let (mut writer, session) = Writer::open(&path).unwrap();
    fs::rename(&path, path.with_extension("undan")).unwrap();
    mkfifo(&path);
    let error = writer.save(&session).unwrap_err();
    assert!(
        matches!(error, store::StoreError::NotRegular { .. }),
        "{error:?}"
    );
    assert!(fs::symlink_metadata(&path).unwrap().file_type().is_fifo());
    assert!(!store::backup_path(&path, 1).exists());
}

// ---- 2. only regular files, and only up to a sane size, are ever read

/// Runs the binary with at most 1 GiB of address space and a two-second limit.
fn run_limited(env: &Env, args: &[&str]) -> Output {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_samspel"))
        .args(args)
        .env("SAMSPEL_DATA_DIR", env.path())
        .env_remove("SAMSPEL_LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(2) {
            let _ = child.kill();
            panic!("{args:?} did not end within two seconds");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// A FIFO, a link to `/dev/zero` and a folder, each named like a session.
fn not_regular_files(env: &Env) -> [PathBuf; 3] {
    let fifo = env.path().join("ror.samspel.json");
    mkfifo(&fifo);
    let zero = env.path().join("noll.samspel.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let folder = env.path().join("mapp.samspel.json");
    fs::create_dir(&folder).unwrap();
    [fifo, zero, folder]
}

#[test]
fn commands_refuse_a_fifo_dev_zero_or_a_folder_at_once() {
    let env = Env::new();
    let targets = not_regular_files(&env);
    let good = env.new_session("skr-en-dag");
    let out_file = env.path().join("ut.csv");
    for target in &targets {
        let t = target.to_str().unwrap();
        let runs: [Vec<&str>; 5] = [
            vec!["check-program", t],
            vec!["show", t],
            vec![
                "export",
                t,
                "--format",
                "csv",
                "--out",
                out_file.to_str().unwrap(),
            ],
            vec![
                "add-answer",
                t,
                "--block",
                "x",
                "--participant",
                "gruppen",
                "y",
            ],
            vec!["new", "--program", t, "--org", "K"],
        ];
        for args in runs {
            let out = run_limited(&env, &args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(err.contains("är inte en vanlig fil"), "{args:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{err}");
        }
    }
    // The session given by its name, when the name is a folder.
    let out = run_limited(&env, &["show", "mapp"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("är inte en vanlig fil"));
    assert!(!out_file.exists());
    // list skips them and says how many.
    let out = run_limited(&env, &["list"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        listed.contains(
            good.file_stem()
                .unwrap()
                .to_str()
                .unwrap()
                .trim_end_matches(".samspel")
        )
    );
    assert!(
        listed.contains("3 poster i mappen hoppades över"),
        "{listed}"
    );
    assert!(!listed.contains("ror"), "{listed}");
    // Untouched.
    assert!(
        fs::symlink_metadata(&targets[0])
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert!(
        fs::symlink_metadata(&targets[1])
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(targets[2].is_dir());
}

#[test]
fn the_start_screen_skips_what_is_not_a_session_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let env = Env { dir };
    not_regular_files(&env);
    env.new_session("skr-en-dag");
    let h = Harness::with_dir(env.dir);
    assert_eq!(h.app.screens.start.sessions.len(), 1);
    let screen = h.screen(120, 30);
    assert!(
        screen.contains("3 poster i mappen hoppades över"),
        "{screen}"
    );
}

// ---- 3. export --force replaces only a regular file that is not the session's

/// `samspel export SESSION --format csv --force --out OUT`.
fn export_csv_over(env: &Env, session: &str, out: &Path) -> Output {
    let out = out.to_str().unwrap();
    env.run(&[
        "export", session, "--format", "csv", "--force", "--out", out,
    ])
}

#[test]
fn export_never_replaces_a_device_a_fifo_or_the_session_itself() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let session = path.to_str().unwrap();
    env.answer(session, "vad-ar-svart", "gruppen", false, "Ett svar");
    env.answer(session, "vad-ar-svart", "gruppen", false, "Ett till");
    let fifo = env.path().join("ror.csv");
    mkfifo(&fifo);
    let hard = env.path().join("hard.csv");
    fs::hard_link(&path, &hard).unwrap();
    let before = fs::read(&path).unwrap();
    let sneaky = env.path().join(".").join(path.file_name().unwrap());
    // A device of our own (as root), so that a regression cannot replace the system's.
    let device = env.path().join("full.csv");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "7"])
        .status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mknod is not allowed here (not root?): the device case is skipped");
    }
    let targets = [
        device.clone(),
        fifo.clone(),
        path.clone(),
        sneaky,
        hard,
        store::backup_path(&path, 1),
        store::lock_path(&path),
    ];
    for target in &targets {
        let out = export_csv_over(&env, session, target);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{target:?}: {err}");
        assert!(
            err.contains("är inte en vanlig fil") || err.contains("är sessionens egen fil"),
            "{target:?}: {err}"
        );
    }
    if let Ok(meta) = fs::symlink_metadata(&device) {
        assert!(meta.file_type().is_char_device());
    }
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(fs::read(&path).unwrap(), before, "the session is untouched");
    store::load(&store::backup_path(&path, 1)).unwrap();

    // Named through a link, the session's backups and lock are still its own.
    let named = env.path().join("genvag.samspel.json");
    std::os::unix::fs::symlink(&path, &named).unwrap();
    for target in [store::backup_path(&path, 1), store::lock_path(&path)] {
        let out = export_csv_over(&env, named.to_str().unwrap(), &target);
        assert_eq!(out.status.code(), Some(1), "{target:?}");
    }
    store::load(&store::backup_path(&path, 1)).unwrap();

    // A link is replaced by the export; what it points to stays as it was.
    let target = env.path().join("annan.txt");
    fs::write(&target, b"untouched").unwrap();
    let link = env.path().join("lank.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = export_csv_over(&env, session, &link);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(fs::symlink_metadata(&link).unwrap().is_file());
    assert_eq!(fs::read(&target).unwrap(), b"untouched");
}

#[test]
fn the_apps_export_never_replaces_the_session_file() {
    use samspel::tui::app::{ExportFailure, ExportRequest};
    use samspel::tui::{Action, Effect};
    let (mut h, path) = app_on_vad_ar_svart();
    let before = fs::read(&path).unwrap();
    let request = ExportRequest {
        format: samspel::export::Format::Json,
        path: path.clone(),
        anonymous: false,
        final_text: false,
        agreement: None,
        day: None,
        now: h.now,
        replace: true,
    };
    let back = h.shell.perform(&h.app, Effect::Export(request));
    let Some(Action::Exported(Err(ExportFailure::Other(message)))) = back else {
        panic!("the export was not refused");
    };
    assert!(message.contains("är sessionens egen fil"), "{message}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

// ---- 8. backups are spaced for the command line too

#[test]
fn a_burst_of_command_line_saves_keeps_the_older_backups() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for n in 1..=3 {
        let bak = store::backup_path(&path, n);
        fs::write(&bak, format!("generation {n}")).unwrap();
        fs::File::options()
            .write(true)
            .open(&bak)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    for n in 0..5 {
        let out = cli_answer(&path, &format!("svar {n}"));
        assert!(out.status.success());
    }
    assert_eq!(
        fs::read(store::backup_path(&path, 1)).unwrap(),
        before,
        "the file before the burst"
    );
    assert_eq!(
        fs::read(store::backup_path(&path, 2)).unwrap(),
        b"generation 1"
    );
    assert_eq!(
        fs::read(store::backup_path(&path, 3)).unwrap(),
        b"generation 2"
    );
}

// ---- 9. links: the session's own, and a lock that is a link

#[test]
fn a_session_reached_through_a_link_is_written_where_the_link_points() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let link = env.path().join("genvag.samspel.json");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let out = cli_answer(&link, "Via länken");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(texts_on_disk(&path), ["Via länken"]);
    let bak = store::backup_path(&path, 1);
    assert!(
        fs::symlink_metadata(&bak).unwrap().is_file(),
        "the backup is beside the file"
    );
    assert!(!store::backup_path(&link, 1).exists());
}

#[test]
fn a_lock_file_that_is_a_link_is_refused_and_nothing_is_created_through_it() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let elsewhere = env.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let target = elsewhere.join("created-through-the-link");
    let lock = store::lock_path(&path);
    let _ = fs::remove_file(&lock);
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let before = fs::read(&path).unwrap();
    let out = cli_answer(&path, "x");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("är inte en vanlig fil"), "{err}");
    assert!(!target.exists(), "a file was created at the link's target");
    assert_eq!(fs::read(&path).unwrap(), before);
}

// ---- 9. small things

/// "Not saved yet" goes once the session is saved.
#[test]
fn the_not_saved_yet_notice_goes_when_the_save_comes() {
    let (mut h, _) = app_on_vad_ar_svart();
    h.app.dirty = true;
    h.press(KeyCode::Esc);
    let waiting = h.app.notice.clone().unwrap_or_default();
    assert!(waiting.contains("inte sparat än"), "{waiting}");
    h.act(samspel::tui::Action::Saved(Ok(None)));
    assert_eq!(h.app.notice, None);
    assert!(!h.screen(120, 36).contains("inte sparat än"));
}

/// The command line never retries, so it does not promise that it will.
#[test]
fn the_command_lines_sentences_promise_nothing_it_does_not_do() {
    use samspel::i18n::{Lang, Localize};
    let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
    let sentence = samspel::store::StoreError::Io {
        file: "x".into(),
        action: samspel::store::IoAction::Write,
        kind: full.kind(),
        detail: full.to_string(),
    }
    .localize(Lang::Sv);
    assert!(sentence.contains("disken är full"), "{sentence}");
    assert!(!sentence.contains("igen"), "{sentence}");
}
