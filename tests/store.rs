//! The store never loses or mangles a session, refuses what it cannot read without
//! touching it, and lets one writer in at a time.

mod common;

use std::fs;
use std::path::Path;

use jiff::Timestamp;
use proptest::prelude::*;
use samspel::generate;
use samspel::i18n::{Lang, Localize};
use samspel::model::{Item, NewParticipant, Session, Side, Speaker};
use samspel::programs;
use samspel::store::{self, StoreError, Writer};

use common::{HOSTILE, hold_lock_if_asked, spawn_lock_holder};

/// The child process of [`spawn_lock_holder`]; does nothing in a normal run.
#[test]
#[ignore = "helper process for the lock tests"]
fn lock_holder_helper() {
    hold_lock_if_asked();
}

fn program() -> samspel::model::Program {
    programs::built_in("skr-tva-dagar").unwrap().unwrap()
}

fn small_session() -> Session {
    let now = Timestamp::UNIX_EPOCH;
    let mut s = Session::new(program(), HOSTILE, HOSTILE, now);
    let p = s
        .add_participant(NewParticipant::new(HOSTILE, HOSTILE, Side::Politik), now)
        .unwrap();
    s.add_answer("vad-ar-svart", Speaker::Participant(p), HOSTILE, true, now)
        .unwrap();
    s
}

#[test]
fn a_large_session_round_trips_losslessly() {
    let mut session = generate::session(program(), 50, 3000, "Ölands kommun 🏝");
    session
        .add_participant(
            NewParticipant::new(HOSTILE, HOSTILE, Side::Verksamhet),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
    assert_eq!(session.participants().len(), 51);
    assert_eq!(session.answers().len(), 3000);
    assert!(session.answers().iter().any(|a| a.text.contains('ö')));
    assert!(session.answers().iter().any(|a| a.text.contains('\n')));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor.samspel.json");
    drop(Writer::create(&path, &session).unwrap());
    assert_eq!(store::load(&path).unwrap(), session);
}

#[test]
fn saves_keep_three_backups_of_earlier_generations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.samspel.json");
    let mut session = small_session();
    let mut writer = Writer::create(&path, &session)
        .unwrap()
        .backups_every(std::time::Duration::ZERO);
    let mut generations = vec![fs::read(&path).unwrap()];
    for n in 0..4 {
        session
            .add_answer(
                "mal",
                Speaker::Group,
                &format!("svar {n}"),
                false,
                Timestamp::UNIX_EPOCH,
            )
            .unwrap();
        writer.save(&session).unwrap();
        generations.push(fs::read(&path).unwrap());
    }
    assert_eq!(store::load(&path).unwrap(), session);
    for n in 1..=3u32 {
        let backup = fs::read(store::backup_path(&path, n)).unwrap();
        assert_eq!(backup, generations[generations.len() - 1 - n as usize]);
    }
    assert!(!store::backup_path(&path, 4).exists());
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "temp files left: {names:?}");
}

/// Saves seconds apart share one backup: the file as this writer found it.
#[test]
fn quick_saves_keep_the_generation_before_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.samspel.json");
    let mut session = small_session();
    drop(Writer::create(&path, &session).unwrap());
    let before = fs::read(&path).unwrap();
    let (mut writer, _) = Writer::open(&path).unwrap();
    for n in 0..5 {
        let text = format!("svar {n}");
        session
            .add_answer("mal", Speaker::Group, &text, false, Timestamp::UNIX_EPOCH)
            .unwrap();
        writer.save(&session).unwrap();
    }
    assert_eq!(store::load(&path).unwrap(), session);
    assert_eq!(fs::read(store::backup_path(&path, 1)).unwrap(), before);
    assert!(!store::backup_path(&path, 2).exists());
}

#[cfg(unix)]
#[test]
fn session_backup_and_lock_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nytt/s.samspel.json");
    let session = small_session();
    let mut writer = Writer::create(&path, &session).unwrap();
    writer.save(&session).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&store::backup_path(&path, 1)), 0o600);
    assert_eq!(mode(&store::lock_path(&path)), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
}

/// Writes `bytes` as a session file and checks that loading and opening it both
/// fail as `expected` says, leaving the bytes as they were.
fn refused(bytes: &[u8], expected: impl Fn(&StoreError) -> bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trasig.samspel.json");
    fs::write(&path, bytes).unwrap();
    let error = store::load(&path).unwrap_err();
    assert!(expected(&error), "{error:?}");
    let opened = Writer::open(&path).unwrap_err();
    assert!(expected(&opened), "{opened:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file was changed");
    assert!(!store::backup_path(&path, 1).exists());
    error.localize(Lang::Sv)
}

#[test]
fn a_truncated_file_is_refused_untouched_with_line_and_column() {
    let whole = store::encode(&small_session());
    let message = refused(&whole[..whole.len() / 2], |e| {
        matches!(e, StoreError::Parse { .. })
    });
    assert!(message.contains("trasig.samspel.json är inte en läsbar session: fel på rad"));
    assert!(message.contains("kolumn"));
    assert!(message.contains("Filen har inte ändrats"));
    assert!(!message.contains(".bak"), "no backups exist: {message}");
}

/// The message points to the backups that are there, and only to those.
#[test]
fn a_broken_file_points_to_the_backups_that_exist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trasig.samspel.json");
    let whole = store::encode(&small_session());
    fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    fs::write(store::backup_path(&path, 1), &whole).unwrap();
    fs::write(store::backup_path(&path, 2), &whole).unwrap();
    let message = store::load(&path).unwrap_err().localize(Lang::Sv);
    let bak = |n| store::backup_path(&path, n).display().to_string();
    assert!(
        message.contains(&format!(
            "Tidigare versioner finns i {}, {}.",
            bak(1),
            bak(2)
        )),
        "{message}"
    );
    assert!(!message.contains(".bak.3"), "{message}");
    // An inconsistent file: no "(vid –)" where there is no place to name.
    let mut value: serde_json::Value = serde_json::from_slice(&whole).unwrap();
    value["next_id"] = serde_json::json!(0);
    value["participants"] =
        serde_json::json!([{"id": 5, "name": "A", "title": "", "side": "politik"}]);
    fs::write(&path, serde_json::to_vec(&value).unwrap()).unwrap();
    let message = store::load(&path).unwrap_err().localize(Lang::Sv);
    assert!(
        message.contains("går inte att använda: räknaren next_id"),
        "{message}"
    );
    assert!(!message.contains("(vid"), "{message}");
}

#[test]
fn a_file_of_garbage_is_refused_untouched() {
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    refused(&garbage, |e| matches!(e, StoreError::Parse { .. }));
    let message = refused(b"[1, 2, 3]", |e| {
        matches!(e, StoreError::NotASession { .. })
    });
    assert!(message.contains("ingen Samspel-session"));
    refused(b"{}", |e| matches!(e, StoreError::NotASession { .. }));
    refused(b"", |e| matches!(e, StoreError::Parse { .. }));
}

#[test]
fn a_file_from_a_newer_schema_is_refused_untouched() {
    let mut value: serde_json::Value =
        serde_json::from_slice(&store::encode(&small_session())).unwrap();
    value["schema_version"] = 99.into();
    value["something_new"] = "från framtiden".into();
    let message = refused(value.to_string().as_bytes(), |e| {
        matches!(e, StoreError::Newer { version: 99, .. })
    });
    assert!(message.contains("nyare Samspel"), "{message}");
    assert!(message.contains("schemaversion 99"), "{message}");
}

#[test]
fn a_hand_edit_that_breaks_references_is_refused_untouched() {
    let mut value: serde_json::Value =
        serde_json::from_slice(&store::encode(&small_session())).unwrap();
    value["answers"][0]["block"] = "finns-inte".into();
    let message = refused(value.to_string().as_bytes(), |e| {
        matches!(e, StoreError::Inconsistent { .. })
    });
    assert!(message.contains("finns-inte"), "{message}");

    let mut value: serde_json::Value =
        serde_json::from_slice(&store::encode(&small_session())).unwrap();
    value["answers"][0]["created"] = "igår".into();
    let message = refused(value.to_string().as_bytes(), |e| {
        matches!(e, StoreError::Invalid { .. })
    });
    assert!(message.contains("answers[0].created"), "{message}");
}

/// A session with a voting and a timer, for hand edits of their counts.
fn counted_session() -> serde_json::Value {
    let now = Timestamp::UNIX_EPOCH;
    let mut s = small_session();
    let voter = s.participants()[0].id;
    let answer = s.answers()[0].id;
    let v = s.start_voting(vec![Item::Answer(answer)], 3, now);
    s.set_dots(v, voter, Item::Answer(answer), 2, now).unwrap();
    s.toggle_timer("vad-ar-svart", now);
    serde_json::from_slice(&store::encode(&s)).unwrap()
}

#[test]
fn a_hand_edit_with_impossible_counts_or_votes_is_refused_untouched() {
    type Edit = fn(&mut serde_json::Value);
    let cases: [(&str, Edit); 5] = [
        ("progress.timers.vad-ar-svart", |v| {
            v["progress"]["timers"]["vad-ar-svart"]["elapsed_secs"] = i64::MAX.into();
        }),
        ("progress.timers.vad-ar-svart", |v| {
            v["progress"]["timers"]["vad-ar-svart"]["extra_secs"] = i64::MIN.into();
        }),
        ("votings[0]", |v| {
            v["votings"][0]["dots_each"] = u32::MAX.into()
        }),
        ("votings[0]", |v| {
            v["votings"][0]["dots"][0]["count"] = 4.into()
        }),
        ("9999", |v| {
            v["votings"][0]["items"][0]["answer"] = 9999.into()
        }),
    ];
    for (place, edit) in cases {
        let mut value = counted_session();
        edit(&mut value);
        let message = refused(value.to_string().as_bytes(), |e| {
            matches!(e, StoreError::Inconsistent { .. })
        });
        assert!(message.contains(place), "{message}");
    }
}

/// A voter or party stays on the list while their dots or party place are
/// there: removing them would make a file that names nobody.
#[test]
fn a_voter_or_party_cannot_be_removed_from_the_list() {
    let now = Timestamp::UNIX_EPOCH;
    let mut s = small_session();
    let voter = s.participants()[0].id;
    let other = s
        .add_participant(NewParticipant::new("Bo Ek", "", Side::Verksamhet), now)
        .unwrap();
    let answer = s.answers()[0].id;
    let v = s.start_voting(vec![Item::Answer(answer)], 3, now);
    s.delete_answer(answer, now).unwrap();
    let kept = s
        .add_answer("mal", Speaker::Group, "Kvar", false, now)
        .unwrap();
    s.start_voting(vec![Item::Answer(kept)], 3, now);
    s.set_dots(v + 1, other, Item::Answer(kept), 1, now)
        .unwrap();
    let refused = s.remove_participant(other, now).unwrap_err();
    assert!(
        refused.localize(Lang::Sv).contains("Bo Ek har prickar"),
        "{refused:?}"
    );
    s.set_dots(v + 1, other, Item::Answer(kept), 0, now)
        .unwrap();
    s.set_parties(samspel::model::MAIN, vec![other], now)
        .unwrap();
    assert!(s.remove_participant(other, now).is_err());
    s.set_parties(samspel::model::MAIN, vec![voter], now)
        .unwrap();
    s.remove_participant(other, now).unwrap();
    assert_eq!(s.check_integrity(), Ok(()));
}

/// Samspel before 2026-11-24 removed a voter or party from the list and kept
/// their dots and party place: such a file opens without them.
#[test]
fn a_file_with_dots_and_parties_of_someone_removed_opens_without_them() {
    let mut value = counted_session();
    value["votings"][0]["dots"][0]["participant"] = 4242.into();
    value["agreement"]["parties"] = serde_json::json!([4242]);
    let session = store::decode("gammal", value.to_string().as_bytes()).unwrap();
    assert!(session.votings()[0].dots.is_empty());
    assert!(session.agreement().parties.is_empty());
}

/// Samspel before 2026-11-24 let a voting's dots go past MAX_DOTS: such a file
/// opens, and its dots can be lowered but not raised further.
#[test]
fn a_file_with_more_dots_each_than_the_app_now_gives_opens() {
    let mut value = counted_session();
    value["votings"][0]["dots_each"] = 24.into();
    let mut session = store::decode("gammal", value.to_string().as_bytes()).unwrap();
    let now = Timestamp::UNIX_EPOCH;
    assert!(session.set_dots_each(0, 25, now).is_err());
    session.set_dots_each(0, 23, now).unwrap();
    assert_eq!(session.votings()[0].dots_each, 23);
}

/// Samspel before 2026-11-24 could leave a deleted proposal in a voting: such a
/// file opens, without it.
#[test]
fn a_file_with_a_stale_proposal_in_a_voting_opens_without_it() {
    let mut value = counted_session();
    let stale = serde_json::json!({ "proposal": 77 });
    let voting = &mut value["votings"][0];
    voting["items"].as_array_mut().unwrap().push(stale.clone());
    let mut dot = voting["dots"][0].clone();
    dot["item"] = stale;
    voting["dots"].as_array_mut().unwrap().push(dot);
    let session = store::decode("gammal", value.to_string().as_bytes()).unwrap();
    let answer = session.answers()[0].id;
    assert_eq!(session.votings()[0].items, vec![Item::Answer(answer)]);
    assert_eq!(session.votings()[0].dots.len(), 1);
}

#[test]
fn a_second_writer_is_refused_in_the_same_process() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.samspel.json");
    let first = Writer::create(&path, &small_session()).unwrap();
    let error = Writer::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::Locked { .. }));
    let message = error.localize(Lang::Sv);
    assert!(
        message.contains("redan öppen i ett annat Samspel-fönster"),
        "{message}"
    );
    assert!(message.contains(HOSTILE), "names the session: {message}");
    drop(first);
    assert!(Writer::open(&path).is_ok());
}

#[test]
fn a_second_writer_is_refused_until_the_first_is_killed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.samspel.json");
    drop(Writer::create(&path, &small_session()).unwrap());
    let mut holder = spawn_lock_holder(&path);
    assert!(matches!(
        Writer::open(&path),
        Err(StoreError::Locked { .. })
    ));
    holder.kill().unwrap();
    holder.wait().unwrap();
    let (mut writer, session) = Writer::open(&path).expect("the lock is free once the holder died");
    writer.save(&session).unwrap();
}

#[test]
fn stale_temp_files_from_a_crash_are_cleaned_by_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.samspel.json");
    drop(Writer::create(&path, &small_session()).unwrap());
    let stale = dir.path().join(".s.samspel.json.abc123.tmp");
    let other = dir.path().join(".annan.samspel.json.abc123.tmp");
    fs::write(&stale, b"{").unwrap();
    fs::write(&other, b"{").unwrap();
    let _writer = Writer::open(&path).unwrap();
    assert!(!stale.exists());
    assert!(
        other.exists(),
        "another session's temp file is not ours to remove"
    );
}

#[test]
fn slugs_resolve_and_paths_too() {
    let dir = tempfile::tempdir().unwrap();
    let s = store::Store::at(dir.path().to_path_buf());
    let path = s.path_for_new("kungsor");
    drop(Writer::create(&path, &small_session()).unwrap());
    assert_eq!(
        s.path_for_new("kungsor"),
        dir.path().join("kungsor-2.samspel.json")
    );
    assert_eq!(s.resolve("kungsor").unwrap(), path);
    assert_eq!(s.resolve(path.to_str().unwrap()).unwrap(), path);
    assert!(matches!(
        s.resolve("okand"),
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        s.resolve("../kungsor"),
        Err(StoreError::NotFound { .. })
    ));
}

/// The app opens and creates files too, so the store's sentences name no command
/// or flag: a file gone is not "see `samspel list`", one that is there not "--force".
#[test]
fn the_stores_sentences_are_free_of_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kungsor.samspel.json");
    let gone = Writer::open(&path).err().unwrap().localize(Lang::Sv);
    assert!(
        gone.ends_with("kunde inte läsas: filen eller mappen finns inte."),
        "{gone}"
    );
    drop(Writer::create(&path, &small_session()).unwrap());
    let there = Writer::create(&path, &small_session()).err().unwrap();
    let there = there.localize(Lang::Sv);
    assert!(
        there.ends_with("finns redan och skrivs inte över."),
        "{there}"
    );
    for sentence in [gone, there] {
        assert!(
            !sentence.contains("samspel ") && !sentence.contains("--"),
            "{sentence}"
        );
    }
}

/// A change between two saves.
#[derive(Clone, Debug)]
enum Change {
    Add(String),
    Edit(usize, String),
    Delete(usize),
    Mark(usize),
    Move(usize),
    Restore,
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        "\\PC{0,12}".prop_map(Change::Add),
        (0..20usize, "[a-zåäö\n\"\\\\]{1,12}").prop_map(|(i, t)| Change::Edit(i, t)),
        (0..20usize).prop_map(Change::Delete),
        (0..20usize).prop_map(Change::Mark),
        (0..20usize).prop_map(Change::Move),
        Just(Change::Restore),
    ]
}

/// Applies a change; errors (an empty text, a deleted answer) change nothing.
fn apply(s: &mut Session, change: &Change, deleted: &mut Option<samspel::model::Deleted>) {
    let now = Timestamp::UNIX_EPOCH;
    let id = |s: &Session, i: usize| s.answers().get(i % s.answers().len().max(1)).map(|a| a.id);
    match change {
        Change::Add(text) => drop(s.add_answer("mal", Speaker::Group, text, false, now)),
        Change::Edit(i, text) => drop(id(s, *i).map(|a| s.edit_answer(a, text, now))),
        Change::Delete(i) => *deleted = id(s, *i).and_then(|a| s.delete_answer(a, now).ok()),
        Change::Mark(i) => {
            let marked = s
                .answers()
                .get(i % s.answers().len().max(1))
                .is_some_and(|a| !a.marked);
            drop(id(s, *i).map(|a| s.set_marked(a, marked, now)));
        }
        Change::Move(i) => drop(id(s, *i).map(|a| s.move_answer(a, "vad-ar-svart", now))),
        Change::Restore => {
            if let Some(deleted) = deleted.take() {
                drop(s.restore_answer(deleted, now));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Each save writes the session as it is, however its answers changed since
    /// the save before.
    #[test]
    fn every_save_reads_back_as_the_session_saved(
        saves in prop::collection::vec(prop::collection::vec(change(), 1..4), 1..20)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.samspel.json");
        let mut s = small_session();
        let mut writer = Writer::create(&path, &s).unwrap();
        let mut deleted = None;
        for changes in &saves {
            for change in changes {
                apply(&mut s, change, &mut deleted);
            }
            writer.save(&s).unwrap();
            prop_assert_eq!(store::load(&path).unwrap(), s.clone(), "after {:?}", changes);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_round_trips(org in "\\PC*", name in "\\PC{1,40}", answers in prop::collection::vec("\\PC*", 0..8)) {
        let now = Timestamp::UNIX_EPOCH;
        let mut s = Session::new(program(), &org, &name, now);
        let name_ok = s.add_participant(NewParticipant::new(&name, &org, Side::Politik), now);
        for text in &answers {
            let speaker = match name_ok { Ok(id) => Speaker::Participant(id), Err(_) => Speaker::Group };
            let _ = s.add_answer("mal", speaker, text, false, now);
        }
        let bytes = store::encode(&s);
        prop_assert_eq!(store::decode("x", &bytes).unwrap(), s);
    }
}
