//! Fault injection: a full disk, a read-only folder, a session file deleted
//! or renamed while open. Each says what happened in one sentence, keeps every
//! confirmed answer in memory, leaves the file on disk whole, and saves once it
//! can again. Tests that need a small file system of their own (a tmpfs mount)
//! skip cleanly where the machine cannot mount one.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::app::Harness;
use ratatui::crossterm::event::KeyCode;

/// A tmpfs of `size` mounted for one test, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        if !mounted {
            eprintln!("cannot mount a tmpfs here (not root?): fault test skipped");
            return None;
        }
        Some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// The demo opened from a data dir inside `dir`.
fn demo_in(dir: &Path) -> Harness {
    let data = tempfile::tempdir_in(dir).unwrap();
    let mut h = Harness::with_dir(data);
    h.press(KeyCode::Char('d'));
    assert!(h.app.session.is_some(), "{:?}", h.app.notice);
    h
}

/// Types and confirms an answer (after one, the editor stays open for the
/// next speaker in the round).
fn answer(h: &mut Harness, text: &str) {
    if h.app.editor.is_none() {
        h.press(KeyCode::Char('a'));
    }
    h.type_text(text);
    h.press(KeyCode::Enter);
}

fn session_file(h: &Harness) -> PathBuf {
    h.app.path.clone().unwrap()
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// Asserts the status line says the answers are not saved, and why, in words.
fn says_not_saved(h: &Harness, why: &str) {
    let samspel::tui::app::SaveState::Failed(reason) = &h.app.save else {
        panic!("not failed: {:?}", h.app.save);
    };
    assert!(reason.contains(why), "{reason}");
    assert!(!reason.contains("os error"), "the system's words: {reason}");
    // The whole sentence is on the screen, wrapped if need be, at 140 columns too.
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let status = words(&format!(
        "INTE SPARAT: {reason} Svaren finns kvar i minnet; nytt försök var tredje sekund."
    ));
    for width in [140, 160] {
        let screen = h.screen(width, 36);
        let lines: Vec<&str> = screen.lines().map(|l| l.trim().trim_matches('"')).collect();
        let screen = words(&lines.join(" "));
        assert!(screen.contains(&status), "cut off at {width}: {screen}");
    }
}

fn on_disk_has(path: &Path, text: &str) -> bool {
    samspel::store::load(path)
        .unwrap()
        .answers()
        .iter()
        .any(|a| a.text == text)
}

#[test]
fn a_full_disk_keeps_the_answer_in_memory_and_saves_when_room_returns() {
    let Some(disk) = SmallDisk::mount("512k") else {
        return;
    };
    let mut h = demo_in(disk.path());
    let path = session_file(&h);
    answer(&mut h, "Före: sparat");
    assert!(on_disk_has(&path, "Före: sparat"));
    // Fill the disk to the last byte.
    let filler = disk.path().join("fyllnad");
    let mut f = fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    while std::io::Write::write_all(&mut f, &chunk).is_ok() {}
    drop(f);

    answer(&mut h, "Under: disken full");
    says_not_saved(&h, "disken är full");
    let in_memory = h
        .session()
        .answers()
        .iter()
        .any(|a| a.text == "Under: disken full");
    assert!(in_memory, "kept in memory");
    assert!(
        on_disk_has(&path, "Före: sparat"),
        "the file on disk is whole"
    );
    assert!(!on_disk_has(&path, "Under: disken full"));
    assert!(
        temp_files(path.parent().unwrap()).is_empty(),
        "no temp files left"
    );

    fs::remove_file(&filler).unwrap();
    h.wait(4); // the retry every three seconds
    assert!(
        on_disk_has(&path, "Under: disken full"),
        "saved once room returned"
    );
    assert!(!h.screen(160, 45).contains("INTE SPARAT"));
}

/// `dir` made read-only by a read-only bind mount over it, undone when dropped.
struct ReadOnly<'a> {
    dir: &'a Path,
}

impl ReadOnly<'_> {
    fn over(dir: &Path) -> Option<ReadOnly<'_>> {
        let run = |args: &[&str]| {
            Command::new("mount")
                .args(args)
                .arg(dir)
                .arg(dir)
                .output()
                .is_ok_and(|o| o.status.success())
        };
        if !run(&["--bind"]) {
            eprintln!("cannot bind-mount here (not root?): fault test skipped");
            return None;
        }
        let guard = ReadOnly { dir };
        let ro = Command::new("mount")
            .args(["-o", "remount,bind,ro"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        ro.then_some(guard)
    }
}

impl Drop for ReadOnly<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir).status();
    }
}

#[test]
fn a_read_only_session_folder_keeps_the_answer_and_saves_when_writable_again() {
    let mut h = Harness::demo();
    let path = session_file(&h);
    let dir = path.parent().unwrap().to_path_buf();
    let Some(read_only) = ReadOnly::over(&dir) else {
        return;
    };
    answer(&mut h, "Skrivskyddat");
    says_not_saved(&h, "mappen är skrivskyddad");
    assert!(!on_disk_has(&path, "Skrivskyddat"));
    drop(read_only);
    h.wait(4);
    assert!(on_disk_has(&path, "Skrivskyddat"));
    assert!(temp_files(&dir).is_empty(), "no temp files left");
}

#[test]
fn a_session_file_deleted_or_renamed_while_open_is_written_again() {
    let mut h = Harness::demo();
    let path = session_file(&h);
    fs::remove_file(&path).unwrap();
    answer(&mut h, "Efter radering");
    assert!(on_disk_has(&path, "Efter radering"), "written anew");
    let notice = h.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("saknades"), "says so: {notice}");

    let moved = path.with_extension("flyttad.json");
    fs::rename(&path, &moved).unwrap();
    answer(&mut h, "Efter flytt");
    assert!(on_disk_has(&path, "Efter flytt"), "written at its own path");
    assert!(
        on_disk_has(&path, "Efter radering"),
        "with everything before"
    );
    assert!(
        !on_disk_has(&moved, "Efter flytt"),
        "the moved copy is left alone"
    );
}

/// A deleted lock file would let a second writer in. The app takes its lock
/// again before the next save; if another writer got there first, the app stops
/// saving (the answers stay in memory) until that writer is gone.
#[test]
fn a_deleted_lock_file_never_lets_two_writers_in() {
    let mut h = Harness::demo();
    let path = session_file(&h);
    let lock = samspel::store::lock_path(&path);

    fs::remove_file(&lock).unwrap();
    answer(&mut h, "Efter låset");
    assert!(on_disk_has(&path, "Efter låset"));
    assert!(lock.exists(), "the lock is taken again");
    assert!(
        samspel::store::Writer::open(&path).is_err(),
        "a second writer is refused again"
    );

    fs::remove_file(&lock).unwrap();
    let (other, _) = samspel::store::Writer::open(&path).unwrap();
    answer(&mut h, "Medan någon annan skriver");
    says_not_saved(&h, "redan öppen i ett annat Samspel-fönster");
    let kept = h
        .session()
        .answers()
        .iter()
        .any(|a| a.text == "Medan någon annan skriver");
    assert!(kept, "kept in memory");
    assert!(!on_disk_has(&path, "Medan någon annan skriver"));
    drop(other);
    h.wait(4);
    assert!(on_disk_has(&path, "Medan någon annan skriver"));
}
