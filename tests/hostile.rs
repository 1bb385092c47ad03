//! Odd and hostile input at sizes and shapes no workshop has: each gets
//! sensible behaviour or a clear sentence, and nothing saved is lost.

mod common;

use common::Env;
use common::app::{Harness, start_time};
use jiff::civil::date;
use ratatui::crossterm::event::KeyCode;
use samspel::export::{self, Format, Options};
use samspel::model::{NewParticipant, Side, Speaker};
use samspel::store::Writer;

/// A 100,000-character answer with zero-width and combining characters is
/// typed in (pasted), saved whole, drawn at both sizes and on the wall, and
/// exported in every format.
#[test]
fn a_100_000_character_answer() {
    let mut h = Harness::demo();
    let unit = "Å\u{200b}a\u{301} ord ";
    let long: String = unit.repeat(100_000 / unit.chars().count());
    h.press(KeyCode::Char('a'));
    h.act(samspel::tui::Action::Paste(long.clone()));
    h.press(KeyCode::Enter);
    let saved = h.on_disk();
    let answer = saved.answers().last().unwrap();
    assert_eq!(answer.text, long.trim(), "saved whole");
    for (w, ht) in [(80, 24), (160, 45)] {
        assert!(h.screen(w, ht).contains("Å"));
    }
    h.press(KeyCode::Char('p'));
    assert!(!h.screen(160, 45).is_empty());
    let options = Options {
        now: start_time(),
        ..Options::default()
    };
    for format in Format::ALL {
        let bytes = export::render(&saved, format, &options).unwrap();
        // The agreement holds marked answers only, the memo none; every other
        // export holds all.
        let holds_all = !matches!(
            format,
            Format::AgreementMd | Format::AgreementDocx | Format::MemoMd | Format::MemoDocx
        );
        assert!(
            !holds_all || bytes.len() > 100_000,
            "{format:?} holds the answer"
        );
    }
}

/// 500 participants: the roster, the round, the picker and the views all work.
#[test]
fn a_session_with_500_participants() {
    let dir = Harness::fast_dir();
    let path = dir.path().join("stor.samspel.json");
    let program = samspel::programs::built_in("skr-en-dag").unwrap().unwrap();
    let session = samspel::generate::session(program, 500, 1_000, "Storstaden");
    assert_eq!(session.participants().len(), 500);
    drop(Writer::create(&path, &session).unwrap());
    let mut h = Harness::with_dir(dir);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('a'));
    h.type_text("Ett svar");
    h.press(KeyCode::Enter);
    assert!(h.on_disk().answers().iter().any(|a| a.text == "Ett svar"));
    for view in 0..3 {
        assert!(!h.screen(80, 24).is_empty(), "view {view}");
        h.press(KeyCode::Esc);
        h.press(KeyCode::Char('v'));
    }
}

/// A program of 500 two-minute blocks in one day is refused as a day longer
/// than ten hours, with the day named; spread over five days it is accepted.
#[test]
fn a_program_with_500_blocks() {
    let block = |i: usize| {
        serde_json::json!({"id": format!("b{i}"), "kind": "question", "title": format!("Fråga {i}"),
            "minutes": 2, "question": "Vad är svårt?"})
    };
    let day = |range: std::ops::Range<usize>| serde_json::json!({"start": "08:00", "blocks": range.map(block).collect::<Vec<_>>()});
    let program = |days: Vec<serde_json::Value>| {
        serde_json::json!({"id": "stor", "title": "Stor", "days": days}).to_string()
    };
    let one_day = program(vec![day(0..500)]);
    let Err(err) = samspel::programs::parse("stor.json", &one_day) else {
        panic!("a day of 1,000 minutes was accepted");
    };
    let text = samspel::i18n::Localize::localize(&err, samspel::i18n::Lang::Sv);
    assert!(
        text.contains("dag 1") && text.contains("10 timmar"),
        "{text}"
    );
    let five_days = program((0..5).map(|d| day(d * 100..d * 100 + 100)).collect());
    let parsed = samspel::programs::parse("stor.json", &five_days).unwrap();
    assert_eq!(parsed.blocks().count(), 500);
}

/// Dates around a year's end are written out correctly; a day 2 before day 1
/// is refused with a sentence, from the command line too.
#[test]
fn dates_at_the_year_boundary_and_day_2_before_day_1() {
    let program = samspel::programs::built_in("skr-tva-dagar")
        .unwrap()
        .unwrap();
    let mut s = samspel::model::Session::new(program, "Nyårskommun", "T", start_time());
    s.set_dates(Some(date(2026, 12, 31)), Some(date(2027, 1, 1)))
        .unwrap();
    let who = s
        .add_participant(
            NewParticipant::new("Åsa", "KSO", Side::Politik),
            start_time(),
        )
        .unwrap();
    s.add_answer(
        "vad-ar-svart",
        Speaker::Participant(who),
        "Ja",
        false,
        start_time(),
    )
    .unwrap();
    let options = Options {
        now: start_time(),
        ..Options::default()
    };
    let notes = String::from_utf8(export::render(&s, Format::NotesMd, &options).unwrap()).unwrap();
    assert!(
        notes.contains("## Dag 1 – torsdag 31 december 2026"),
        "{notes}"
    );
    assert!(notes.contains("## Dag 2 – fredag 1 januari 2027"));
    assert!(s.next_review().is_some_and(|d| d == date(2028, 1, 1)));
    assert!(
        s.set_dates(Some(date(2027, 1, 1)), Some(date(2026, 12, 31)))
            .is_err()
    );

    let env = Env::new();
    let out = env.run(&[
        "new",
        "--program",
        "skr-tva-dagar",
        "--org",
        "Nyårskommun",
        "--date",
        "2027-01-01",
        "--day2",
        "2026-12-31",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("måste komma efter dag 1"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
