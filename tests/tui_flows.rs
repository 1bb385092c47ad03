//! The facilitator's flows, key by key through the real keymap, `update` and the
//! shell that saves: what the screen says and what is on disk.

mod common;

use common::app::Harness;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use samspel::model::{Item, Speaker, View};
use samspel::store::{StoreError, Writer};

/// A new session made from the preparation screen with four participants.
fn prepared() -> Harness {
    let mut h = Harness::start();
    h.press(KeyCode::Char('n'));
    h.press(KeyCode::Tab);
    h.type_text("Kungsörs kommun");
    h.press(KeyCode::Tab);
    h.type_text("Styra och leda 2026");
    h.press(KeyCode::Tab);
    h.type_text("Lena Processledare");
    h.press(KeyCode::Tab);
    h.type_text("2026-03-12");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab); // on to the participants tab
    for (name, side_right) in [
        ("Åsa Öberg", false),
        ("Björn Ek", false),
        ("Jörgen Ståhl", true),
        ("Märta Nässén", true),
    ] {
        h.press(KeyCode::Char('n'));
        h.type_text(name);
        h.press(KeyCode::Tab);
        h.key(KeyCode::Down, KeyModifiers::ALT); // the first common title
        h.press(KeyCode::Tab);
        if side_right {
            h.press(KeyCode::Right);
        }
        h.press(KeyCode::Enter);
    }
    h.ctrl('s');
    h
}

#[test]
fn a_session_is_prepared_and_created_from_the_keyboard() {
    let h = prepared();
    assert!(h.app.path.is_some(), "{:?}", h.app.notice);
    let s = h.on_disk();
    assert_eq!(s.organisation, "Kungsörs kommun");
    assert_eq!(s.title, "Styra och leda 2026");
    assert_eq!(s.facilitator, "Lena Processledare");
    assert_eq!(s.day1().unwrap().to_string(), "2026-03-12");
    let names: Vec<(&str, &str, samspel::model::Side)> = s
        .participants()
        .iter()
        .map(|p| (p.name.as_str(), p.title.as_str(), p.side))
        .collect();
    use samspel::model::Side::*;
    let title = "kommunstyrelsens ordförande (KSO)";
    assert_eq!(
        names,
        [
            ("Åsa Öberg", title, Politik),
            ("Björn Ek", title, Politik),
            ("Jörgen Ståhl", title, Verksamhet),
            ("Märta Nässén", title, Verksamhet)
        ]
    );
    assert!(
        h.screen(80, 24)
            .contains("Kungsörs kommun – Styra och leda 2026")
    );
}

/// Moves to the first block with a question.
fn to_first_question(h: &mut Harness) {
    while h.session().current_block().unwrap().kind != samspel::model::BlockKind::Question {
        h.press(KeyCode::Right);
    }
}

#[test]
fn a_full_round_with_a_pass() {
    let mut h = prepared();
    to_first_question(&mut h);
    let block = h.session().current_block().unwrap().id.clone();
    h.press(KeyCode::Char('a'));
    assert!(h.screen(80, 24).contains("Svar från Åsa Öberg (Politik)"));
    h.type_text("Första svaret");
    h.press(KeyCode::Enter);
    // The editor is open again, for the next in the round.
    assert!(h.screen(80, 24).contains("Svar från Björn Ek (Politik)"));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('h')); // Björn passes
    assert_eq!(
        h.app.notice.as_deref(),
        Some("Björn Ek (Politik) står över.")
    );
    h.press(KeyCode::Char('a'));
    assert!(
        h.screen(80, 24)
            .contains("Svar från Jörgen Ståhl (Verksamhet)")
    );
    h.type_text("Tredje");
    h.press(KeyCode::Enter);
    h.type_text("Fjärde");
    h.press(KeyCode::Enter);
    assert!(h.app.editor.is_none(), "the round is over");
    assert!(h.screen(80, 24).contains("Alla har haft ordet."));

    let s = h.on_disk();
    let said: Vec<(String, &str)> = s
        .answers_in(&block)
        .map(|a| {
            (
                s.speaker_name(a.speaker, samspel::i18n::Lang::Sv),
                a.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            ("Åsa Öberg".to_string(), "Första svaret"),
            ("Jörgen Ståhl".to_string(), "Tredje"),
            ("Märta Nässén".to_string(), "Fjärde")
        ]
    );
}

#[test]
fn speakers_by_number_picker_and_tab() {
    let mut h = prepared();
    to_first_question(&mut h);
    h.press(KeyCode::Char('3'));
    assert!(h.screen(80, 24).contains("Svar från Jörgen Ståhl"));
    h.press(KeyCode::Tab);
    assert!(h.screen(80, 24).contains("Svar från Märta Nässén"));
    h.press(KeyCode::Tab);
    assert!(h.screen(80, 24).contains("Svar från Gruppen"));
    h.press(KeyCode::BackTab);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('9'));
    assert_eq!(
        h.app.notice.as_deref(),
        Some("Det finns ingen deltagare nummer 9.")
    );
    h.press(KeyCode::Char('s'));
    h.type_text("bj");
    h.press(KeyCode::Enter);
    h.type_text("Via väljaren");
    h.press(KeyCode::Enter);
    let last = h.on_disk().answers().last().unwrap().clone();
    assert_eq!(last.text, "Via väljaren");
    assert_eq!(
        h.session()
            .speaker_name(last.speaker, samspel::i18n::Lang::Sv),
        "Björn Ek"
    );
}

#[test]
fn edit_delete_undo_and_mark() {
    let mut h = Harness::demo();
    let first = h
        .session()
        .answers_in("vad-ar-svart")
        .next()
        .unwrap()
        .clone();
    h.press(KeyCode::Char('r'));
    h.press(KeyCode::Home);
    h.ctrl('k'); // delete to the end of the line (ratatui-textarea's own key)
    h.type_text("Omskrivet svar");
    h.press(KeyCode::Enter);
    let edited = h.on_disk().answer(first.id).unwrap().clone();
    assert_eq!(edited.text, "Omskrivet svar");
    assert_eq!(edited.created, first.created);
    assert!(edited.edited.is_some());

    h.press(KeyCode::Char('m'));
    assert!(
        !h.on_disk().answer(first.id).unwrap().marked,
        "it was marked; m unmarks"
    );
    h.press(KeyCode::Char('m'));
    assert!(h.on_disk().answer(first.id).unwrap().marked);

    let before: Vec<_> = h.on_disk().answers().iter().map(|a| a.id).collect();
    h.press(KeyCode::Char('d'));
    assert!(
        h.screen(80, 24)
            .contains("Ta bort svaret från Karin Lundberg")
    );
    h.press(KeyCode::Char('n'));
    assert_eq!(h.on_disk().answers().len(), before.len(), "n keeps it");
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('j'));
    assert!(h.on_disk().answer(first.id).is_none());
    assert!(h.screen(80, 24).contains("Svaret togs bort; z ångrar."));
    h.press(KeyCode::Char('z'));
    let after: Vec<_> = h.on_disk().answers().iter().map(|a| a.id).collect();
    assert_eq!(after, before, "back in its place");
}

#[test]
fn move_an_answer_and_add_an_action_item() {
    let mut h = Harness::demo();
    let id = h.session().answers_in("vad-ar-svart").next().unwrap().id;
    h.press(KeyCode::Char('f'));
    h.type_text("förbättras");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.on_disk().answer(id).unwrap().block,
        "vad-behover-forbattras"
    );
    let notice = h.app.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("Svaret flyttades till ”Vad behöver"),
        "{notice}"
    );

    h.press(KeyCode::Char('u'));
    h.type_text("Ny delegationsordning");
    h.press(KeyCode::Tab);
    h.type_text("Per Åström");
    h.press(KeyCode::Tab);
    h.type_text("2026-13-01");
    h.press(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("Datumet ”2026-13-01” finns inte"));
    for _ in 0..10 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("2026-06-01");
    h.press(KeyCode::Enter);
    let notice = h.app.notice.clone().unwrap_or_default();
    assert_eq!(
        notice,
        "Uppdraget är antecknat: ”Ny delegationsordning”. U visar alla uppdrag."
    );
    let item = h.on_disk().action_items().last().unwrap().clone();
    assert_eq!(
        (
            item.what.as_str(),
            item.who.as_str(),
            item.due.unwrap().to_string()
        ),
        (
            "Ny delegationsordning",
            "Per Åström",
            "2026-06-01".to_string()
        )
    );
    assert_eq!(item.block.as_deref(), Some("vad-ar-svart"));
}

/// `U` lists every action item; there they are changed, deleted and brought
/// back, and put on the wall.
#[test]
fn action_items_are_listed_changed_deleted_undone_and_shown() {
    let mut h = Harness::demo();
    let first = h.session().action_items()[0].clone();
    h.press(KeyCode::Char('U'));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Uppdrag (1)"), "{screen}");
    assert!(screen.contains(&first.what), "{screen}");
    assert!(screen.contains("ansvar: Per Åström"), "{screen}");

    h.press(KeyCode::Char('n'));
    h.type_text("Boka utvecklingssamtal");
    h.press(KeyCode::Enter);
    assert_eq!(h.on_disk().action_items().len(), 2);
    let added = h.on_disk().action_items()[1].clone();
    assert_eq!(
        added.block,
        h.session().current_block().map(|b| b.id.clone())
    );
    assert!(h.screen(80, 24).contains("ingen ansvarig ännu"));

    // The new one is selected: Enter changes it, with its values in the form.
    h.press(KeyCode::Enter);
    h.press(KeyCode::Tab);
    h.type_text("Kommundirektören");
    h.press(KeyCode::Tab);
    h.type_text("2027-02-30");
    h.press(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("Datumet ”2027-02-30” finns inte"));
    assert_eq!(h.on_disk().action_items()[1], added, "nothing saved yet");
    for _ in 0..2 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("28");
    h.press(KeyCode::Enter);
    let edited = h.on_disk().action_items()[1].clone();
    assert_eq!(edited.who, "Kommundirektören");
    assert_eq!(edited.due.unwrap().to_string(), "2027-02-28");
    assert_eq!((edited.id, edited.created), (added.id, added.created));

    h.press(KeyCode::Up);
    h.press(KeyCode::Char('d'));
    assert_eq!(h.on_disk().action_items(), std::slice::from_ref(&edited));
    assert!(h.screen(120, 36).contains("togs bort; z ångrar."));
    h.press(KeyCode::Char('z'));
    assert_eq!(h.on_disk().action_items(), [first, edited]);

    h.press(KeyCode::Char('p'));
    let wall = h.screen(120, 36);
    assert!(wall.contains("2. Boka utvecklingssamtal"), "{wall}");
    assert!(wall.contains("senast 2027-02-28"), "{wall}");
    h.press(KeyCode::Char('p'));
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen, samspel::tui::app::Screen::Workshop);
}

/// The follow-up block and the agreement's section on development show the
/// action items where they are gone through.
#[test]
fn the_follow_up_block_and_its_section_show_the_action_items() {
    let mut h = Harness::demo();
    let what = h.session().action_items()[0].what.clone();
    assert!(!h.screen(160, 45).contains("Uppdrag (1)"));
    h.go_to_block("uppdrag-och-uppfoljning");
    let screen = h.screen(160, 45);
    assert!(screen.contains("Uppdrag (1)"), "{screen}");
    assert!(screen.contains(&what), "{screen}");
    h.press(KeyCode::Char('o'));
    while !h
        .screen(160, 45)
        .contains(" Utvecklingsområden och uppdrag ·")
    {
        h.press(KeyCode::Down);
    }
    assert!(h.screen(160, 45).contains(&what));
}

#[test]
fn moving_between_blocks_and_days_and_reopening_restores_the_position() {
    let mut h = Harness::demo();
    for _ in 0..12 {
        h.press(KeyCode::Right);
    }
    let block = h.session().current_block().unwrap().id.clone();
    assert_eq!(
        h.session().current_day(),
        1,
        "crossed into day 2 at {block}"
    );
    h.press(KeyCode::Left);
    h.press(KeyCode::PageDown);
    assert_eq!(h.session().current_block().unwrap().id, block);
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Char('t'));
    h.press(KeyCode::Char('+'));
    h.wait(90);

    let dir = std::mem::replace(&mut h.dir, tempfile::tempdir().unwrap());
    drop(h); // the app is gone (as after a crash: nothing more is written)
    let mut again = Harness::with_dir(dir);
    again.press(KeyCode::Enter); // open the only session
    let s = again.session();
    assert_eq!(s.current_block().unwrap().id, block);
    assert_eq!(s.progress().view, View::Sides);
    let timer = s.timer(&block);
    assert!(timer.is_running());
    assert_eq!(timer.extra_secs, 60);
    assert!(again.screen(80, 24).contains("Politik | Verksamhet"));
}

#[test]
fn text_being_typed_is_kept_as_a_draft_and_offered_back() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('a'));
    h.type_text("Halvfärdig tanke");
    h.wait(2);
    let draft = h.on_disk().draft().cloned().expect("saved after idle");
    assert_eq!(draft.text, "Halvfärdig tanke");
    assert_eq!(draft.block, "vad-ar-svart");

    let dir = std::mem::replace(&mut h.dir, tempfile::tempdir().unwrap());
    drop(h);
    let mut again = Harness::with_dir(dir);
    again.press(KeyCode::Enter);
    assert!(again.screen(80, 24).contains("Halvfärdig tanke"));
    assert!(
        again
            .app
            .notice
            .as_deref()
            .unwrap()
            .contains("Texten du skrev förra gången är tillbaka")
    );
    again.press(KeyCode::Enter);
    let s = again.on_disk();
    assert_eq!(s.answers().last().unwrap().text, "Halvfärdig tanke");
    assert!(s.draft().is_none());
}

/// Esc with something typed asks before it is thrown away; a recovered draft
/// counts as typed, an answer opened and left as it was does not.
#[test]
fn esc_asks_before_typed_text_is_thrown_away() {
    let mut h = Harness::demo();
    let answers = h.on_disk().answers().len();
    h.press(KeyCode::Char('a'));
    h.type_text("Nästan klart");
    h.wait(2);
    assert!(h.on_disk().draft().is_some());
    h.press(KeyCode::Esc);
    assert!(h.screen(80, 24).contains("Kasta texten du har skrivit?"));
    h.press(KeyCode::Char('n'));
    assert!(h.app.editor.is_some(), "back to the text");
    h.type_text(" nu");
    assert_eq!(h.app.editor.as_ref().unwrap().text(), "Nästan klart nu");

    let dir = std::mem::replace(&mut h.dir, tempfile::tempdir().unwrap());
    drop(h);
    let mut again = Harness::with_dir(dir);
    again.press(KeyCode::Enter);
    assert!(
        again
            .app
            .notice
            .as_deref()
            .unwrap()
            .contains("Esc kastar den (efter en fråga)")
    );
    again.press(KeyCode::Esc);
    assert!(
        again
            .screen(80, 24)
            .contains("Kasta texten du har skrivit?")
    );
    again.press(KeyCode::Char('j'));
    assert!(again.app.editor.is_none());
    let s = again.on_disk();
    assert!(s.draft().is_none(), "the draft went with it");
    assert_eq!(s.answers().len(), answers, "nothing was saved");

    again.press(KeyCode::Char('r'));
    again.press(KeyCode::Esc);
    assert!(
        again.app.editor.is_none() && again.app.overlay.is_none(),
        "nothing to lose"
    );
}

/// A block whose guidance lets one side answer first starts its round with
/// that side; giving the word out of turn with Tab does not skip the one the
/// round had reached.
#[test]
fn the_round_starts_with_the_blocks_side_and_tab_does_not_reorder_it() {
    let mut h = Harness::demo();
    h.go_to_block("chefer-behover");
    let s = h.session().clone();
    let order = s.round_order("chefer-behover");
    let side = |id| s.participant(id).unwrap().side;
    assert_eq!(side(order[0]), samspel::model::Side::Verksamhet);
    let first = s.left_in_round("chefer-behover")[0];
    assert_eq!(
        side(first),
        samspel::model::Side::Verksamhet,
        "Verksamhet first"
    );
    h.press(KeyCode::Char('a'));
    assert_eq!(
        h.app.editor.as_ref().unwrap().speaker,
        Speaker::Participant(first)
    );
    h.press(KeyCode::Tab);
    let other = h.app.editor.as_ref().unwrap().speaker;
    assert_ne!(other, Speaker::Participant(first));
    h.type_text("Ett inpass");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.editor.as_ref().unwrap().speaker,
        Speaker::Participant(first),
        "back to the one passed over"
    );
}

/// A day that does not exist is said as the field is left, not only on saving.
#[test]
fn a_date_is_checked_as_its_field_is_left() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('u'));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.type_text("2027-02-30");
    assert!(!h.screen(80, 24).contains("finns inte"));
    h.press(KeyCode::BackTab);
    assert!(h.screen(80, 24).contains("Datumet ”2027-02-30” finns inte"));
    assert!(h.app.overlay.is_some(), "the focus moved, the form stays");
}

#[test]
fn a_failing_save_keeps_the_answer_says_so_and_retries() {
    let mut h = Harness::demo();
    let path = h.app.path.clone().unwrap();
    let dir = path.parent().unwrap().to_path_buf();
    let moved = dir.with_extension("away");
    std::fs::rename(&dir, &moved).unwrap();
    h.press(KeyCode::Char('a'));
    h.type_text("Sparas senare");
    h.press(KeyCode::Enter);
    assert!(
        h.session()
            .answers()
            .iter()
            .any(|a| a.text == "Sparas senare")
    );
    assert!(
        h.screen(160, 45).contains("INTE SPARAT"),
        "{}",
        h.screen(160, 45)
    );
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('q'));
    assert!(!h.app.quit, "asks first: something would be lost");
    assert!(h.screen(80, 24).contains("Avsluta ändå?"));
    h.press(KeyCode::Char('n'));
    std::fs::rename(&moved, &dir).unwrap();
    h.wait(4);
    assert!(h.screen(80, 24).contains("Sparat"));
    assert!(
        h.on_disk()
            .answers()
            .iter()
            .any(|a| a.text == "Sparas senare")
    );
    h.press(KeyCode::Char('q'));
    assert!(h.app.quit, "nothing to lose now: no question");
}

#[test]
fn while_the_app_holds_a_session_other_writers_are_refused() {
    let h = Harness::demo();
    let path = h.app.path.clone().unwrap();
    assert!(matches!(
        Writer::open(&path),
        Err(StoreError::Locked { .. })
    ));
}

#[test]
fn paste_goes_into_the_editor_whole() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('a'));
    h.act(samspel::tui::Action::Paste(
        "rad ett\r\nrad två – åäö".into(),
    ));
    h.press(KeyCode::Enter);
    assert_eq!(
        h.on_disk().answers().last().unwrap().text,
        "rad ett\nrad två – åäö"
    );
    assert_eq!(h.on_disk().answers().last().unwrap().speaker, {
        let id = h.session().participant_named("Ahmed Yilmaz").unwrap().id;
        Speaker::Participant(id)
    });
}

#[test]
fn quitting_with_text_in_the_editor_keeps_it_as_the_draft() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('a'));
    h.type_text("Inte klart");
    h.ctrl('c');
    assert!(h.app.quit);
    assert_eq!(h.on_disk().draft().unwrap().text, "Inte klart");
}

#[test]
fn a_new_session_can_run_a_program_from_a_file() {
    let mut h = Harness::start();
    let good = h.dir.path().join("eget.json");
    let mut program = samspel::programs::built_in("skr-en-dag").unwrap().unwrap();
    program.id = "eget".into();
    program.title = "Vårt eget program".into();
    std::fs::write(&good, serde_json::to_string(&program).unwrap()).unwrap();
    let broken = h.dir.path().join("trasig.json");
    std::fs::write(&broken, "{\"id\": \"x\"").unwrap();

    h.press(KeyCode::Char('n'));
    h.ctrl('o');
    h.type_text(broken.to_str().unwrap());
    h.press(KeyCode::Enter);
    let screen = h.screen(160, 45);
    assert!(
        screen.contains("rad 1, kolumn 10: filen är inte giltig JSON"),
        "{screen}"
    );
    for _ in 0..broken.to_str().unwrap().chars().count() {
        h.press(KeyCode::Backspace);
    }
    h.type_text(good.to_str().unwrap());
    h.press(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    assert!(h.screen(80, 24).contains("‹ Vårt eget program ›"));
    h.press(KeyCode::Tab);
    h.type_text("Vaggeryds kommun");
    h.ctrl('s');
    // No participants yet: asked once, then created.
    assert!(
        h.screen(120, 36)
            .contains("Sessionen har inga deltagare än. Skapa den ändå?")
    );
    assert!(h.app.path.is_none(), "nothing created before the yes");
    h.press(KeyCode::Char('j'));
    let s = h.on_disk();
    assert_eq!(s.program().id, "eget");
    assert_eq!(s.organisation, "Vaggeryds kommun");
    assert_eq!(s.title, "Vårt eget program");
}

#[test]
fn export_from_the_app_writes_and_asks_before_replacing() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('a'));
    h.type_text("=HYPERLINK(\"http://x\")");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc); // the editor opened again for the next in the round
    let out = tempfile::tempdir().unwrap();
    h.app.export_dir = out.path().to_path_buf();
    h.press(KeyCode::Char('e'));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Minnesanteckningarna (Word)"), "{screen}");
    h.press(KeyCode::Enter);
    let file = out
        .path()
        .join("sjobacka-kommun-2026-03-12-minnesanteckningar.docx");
    assert!(file.exists());
    let notice = h.app.notice.clone().unwrap();
    assert!(
        notice.contains("Exporten är skriven") && notice.contains("minnesanteckningar.docx"),
        "{notice}"
    );
    // Again: it asks; 'n' keeps the file and goes back to the dialog, with the
    // name it had, to choose another; 'j' replaces it.
    std::fs::write(&file, b"old").unwrap();
    h.press(KeyCode::Char('e'));
    h.press(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("finns redan. Skriva över den?"));
    h.press(KeyCode::Char('n'));
    assert_eq!(std::fs::read(&file).unwrap(), b"old");
    let Some(samspel::tui::app::Overlay::Form(form)) = &h.app.overlay else {
        panic!("the export dialog is back");
    };
    let name = form.text(samspel::i18n::Msg::FieldFileName);
    assert_eq!(name, "sjobacka-kommun-2026-03-12-minnesanteckningar.docx");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('e'));
    for _ in 0..7 {
        h.press(KeyCode::Right); // to the answers as CSV
    }
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Char(' ')); // without names
    h.press(KeyCode::Enter);
    let csv = std::fs::read_to_string(
        out.path()
            .join("sjobacka-kommun-2026-03-12-anonym-svar.csv"),
    )
    .unwrap();
    assert!(csv.contains("Deltagare 1"), "{csv}");
    assert!(!csv.contains("Karin Lundberg"), "{csv}");
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "formulas neutralised: {csv}"
    );
    h.press(KeyCode::Char('e'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('j'));
    assert_ne!(std::fs::read(&file).unwrap(), b"old", "replaced after yes");
}

#[test]
fn notes_of_one_day_without_names_as_text_for_an_email() {
    let mut h = Harness::demo();
    let out = tempfile::tempdir().unwrap();
    h.app.export_dir = out.path().to_path_buf();
    h.press(KeyCode::Char('e'));
    h.press(KeyCode::Right);
    h.press(KeyCode::Right); // the notes as text
    h.press(KeyCode::Tab);
    h.press(KeyCode::Right);
    h.press(KeyCode::Right); // day 2
    assert!(h.screen(80, 24).contains("Dag 2"));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Char(' ')); // without names
    h.press(KeyCode::Enter);
    let file = out
        .path()
        .join("sjobacka-kommun-2026-03-12-dag2-anonym-minnesanteckningar.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("DAG 2 – FREDAG 13 MARS 2026"), "{text}");
    assert!(!text.contains("DAG 1 –"), "day 2 only: {text}");
    for p in h.session().participants() {
        assert!(!text.contains(&p.name), "{} named", p.name);
    }
    assert!(
        h.app
            .notice
            .clone()
            .unwrap()
            .contains(&file.display().to_string())
    );
}

#[test]
fn the_agreement_is_written_section_by_section_and_survives_recompiling() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Down); // 3. the chair's role
    h.press(KeyCode::Enter);
    h.type_text("Ordföranden leder");
    h.wait(2);
    let text = |h: &Harness| {
        h.on_disk()
            .agreement()
            .sections
            .get("ordforande")
            .map(|s| (s.text.clone(), s.done))
    };
    assert_eq!(
        text(&h),
        Some(("Ordföranden leder".into(), false)),
        "saved while writing"
    );
    h.type_text(" det politiska arbetet.");
    h.key(KeyCode::Enter, KeyModifiers::ALT);
    h.type_text("Rad två – åäö");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('k'));
    let written = "Ordföranden leder det politiska arbetet.\nRad två – åäö".to_string();
    assert_eq!(text(&h), Some((written.clone(), true)));

    h.press(KeyCode::Char('h'));
    // The chair and the director are the parties before anyone chooses them.
    let form = h.screen(80, 24);
    assert!(
        form.contains("‹ Karin Lundberg ›") && form.contains("‹ Per Åström ›"),
        "{form}"
    );
    h.press(KeyCode::Tab); // past the title
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Backspace);
    h.type_text("2");
    h.press(KeyCode::Tab);
    for _ in 0..10 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("2027-02-30");
    h.press(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("Datumet ”2027-02-30” finns inte"));
    h.press(KeyCode::Backspace);
    h.press(KeyCode::Backspace);
    h.type_text("01");
    h.press(KeyCode::Enter);
    let s = h.on_disk();
    let names: Vec<&str> = s
        .agreement()
        .parties
        .iter()
        .map(|id| s.participant(*id).unwrap().name.as_str())
        .collect();
    assert_eq!(names, ["Karin Lundberg", "Per Åström"]);
    assert_eq!(s.agreement().version, 2);
    assert_eq!(s.agreement().next_review.unwrap().to_string(), "2027-02-01");

    // New marked material for the same section, then back: the text is still there.
    h.press(KeyCode::Esc);
    h.go_to_block("fortroendevaldas-uppdrag");
    h.press(KeyCode::Char('0'));
    h.type_text("Nytt underlag");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('m'));
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    let screen = h.screen(160, 45);
    assert!(screen.contains("Nytt underlag"), "{screen}");
    assert!(
        screen.contains("Ordföranden leder det politiska arbetet."),
        "{screen}"
    );
    assert_eq!(text(&h), Some((written, true)));
}

/// A part of the tjänsteskrivelse rewritten in the app is on disk when the
/// editor closes, the screen marks it as the user's, the export says it, and
/// `d` with a yes brings the session's proposal back.
#[test]
fn the_memo_is_written_part_by_part_and_exported() {
    use samspel::model::memo::MemoPart;
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Char('t'));
    let screen = h.screen(160, 45);
    assert!(
        screen.contains("Tjänsteskrivelse till kommunstyrelsen"),
        "{screen}"
    );
    assert!(screen.contains("Kommunledningskontoret"), "{screen}");
    assert!(!screen.contains("ändrad"), "{screen}");
    for _ in 0..7 {
        h.press(KeyCode::Down); // to "Beslutet ska skickas till"
    }
    h.press(KeyCode::Char('r'));
    // The editor holds the proposal, to change rather than write anew.
    let proposal = h.app.editor.as_ref().unwrap().text();
    assert!(proposal.starts_with("Samtliga nämnder"), "{proposal}");
    h.key(KeyCode::Enter, KeyModifiers::ALT);
    h.type_text("Revisorerna – åäö");
    h.press(KeyCode::Enter);
    let written = format!("{proposal}\nRevisorerna – åäö");
    let on_disk = |h: &Harness| h.on_disk().memo_edits().get(&MemoPart::SendTo).cloned();
    assert_eq!(
        on_disk(&h),
        Some(written.clone()),
        "saved when the editor closed"
    );
    assert!(h.app.editor.is_none());
    let screen = h.screen(160, 45);
    assert!(screen.contains("Revisorerna – åäö"), "{screen}");
    assert!(screen.contains("ändrad"), "{screen}");

    let out = tempfile::tempdir().unwrap();
    h.app.export_dir = out.path().to_path_buf();
    h.press(KeyCode::Char('e'));
    // From the memo's screen the dialog offers the memo first.
    assert!(h.screen(80, 24).contains("Tjänsteskrivelsen (Word)"));
    h.press(KeyCode::Right); // the memo in Markdown
    assert!(h.screen(80, 24).contains("Tjänsteskrivelsen (Markdown)"));
    h.press(KeyCode::Enter);
    let file = out
        .path()
        .join("sjobacka-kommun-2026-03-12-tjansteskrivelse.md");
    let md = std::fs::read_to_string(&file).unwrap();
    assert!(
        md.contains("## Beslutet ska skickas till\n\nSamtliga nämnder\\\n"),
        "{md}"
    );
    assert!(md.contains("Revisorerna – åäö\n"), "{md}");

    // Back to the proposal, after a yes; no (n) keeps the text.
    h.press(KeyCode::Char('d'));
    assert!(h.screen(80, 24).contains("Det du skrev tas bort."));
    h.press(KeyCode::Char('n'));
    assert_eq!(on_disk(&h), Some(written));
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('j'));
    assert_eq!(on_disk(&h), None);
    assert!(!h.screen(160, 45).contains("Revisorerna"));
    // Esc goes back to the agreement.
    h.press(KeyCode::Esc);
    assert_eq!(h.app.screen, samspel::tui::app::Screen::Agreement);
}

/// Typing in a part of the memo keeps it in place once typing pauses, as the
/// agreement's sections are: a crash loses at most the last second.
#[test]
fn a_memo_part_is_kept_as_it_is_typed() {
    use samspel::model::memo::MemoPart;
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Char('t'));
    for _ in 0..8 {
        h.press(KeyCode::Down); // to the officer in charge
    }
    h.press(KeyCode::Enter);
    h.type_text(", processledare");
    h.wait(2);
    let handler = h.on_disk().memo_edits().get(&MemoPart::Handler).cloned();
    let facilitator = h.session().facilitator.clone();
    assert_eq!(handler, Some(format!("{facilitator}, processledare")));
}

#[test]
fn dot_voting_from_the_keyboard() {
    let mut h = Harness::demo();
    h.go_to_block("gyllene-zonen");
    h.press(KeyCode::Char('P'));
    assert!(h.screen(80, 24).contains("Prioritering: Den gyllene zonen"));
    // Participant 1 puts all three dots on item 1, then tries a fourth.
    for _ in 0..3 {
        h.press(KeyCode::Char('+'));
    }
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('+'));
    let notice = h.app.notice.clone().unwrap();
    assert!(
        notice.contains("Karin Lundberg har inga prickar kvar (var och en har 3)"),
        "{notice}"
    );
    // She changes her mind: one dot back from item 1 to item 2.
    h.press(KeyCode::Up);
    h.press(KeyCode::Char('-'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('+'));
    // Participant 6 (Verksamhet) gives item 2 two dots.
    h.press(KeyCode::Char('6'));
    h.press(KeyCode::Char('+'));
    h.press(KeyCode::Char('+'));
    let s = h.on_disk();
    let ranking = s.ranking(s.votings().len() - 1);
    let top: Vec<(u32, u32, u32, usize)> = ranking
        .iter()
        .map(|r| (r.total, r.politik, r.verksamhet, r.rank))
        .collect();
    assert_eq!(top, [(3, 1, 2, 1), (2, 2, 0, 2), (0, 0, 0, 3)]);
    h.press(KeyCode::Char('M'));
    let s = h.on_disk();
    let marked = ranking
        .iter()
        .filter(|r| r.total > 0)
        .all(|r| match r.item {
            samspel::model::Item::Answer(id) => s.answer(id).unwrap().marked,
            samspel::model::Item::Proposal(id) => s.proposal(id).unwrap().marked,
        });
    assert!(marked, "the items with dots are marked for the agreement");
    // Leaving and coming back continues the same voting.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('P'));
    assert_eq!(h.on_disk().votings().len(), 1);
}

#[test]
fn grouping_similar_answers_into_a_proposal_and_splitting_it_again() {
    let mut h = Harness::demo();
    h.go_to_block("gyllene-zonen");
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Char('+')); // participant 1: a dot on item 1
    h.press(KeyCode::Char('x'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('+')); // and one on item 2
    h.press(KeyCode::Char('x'));
    h.press(KeyCode::Char('g'));
    assert!(h.screen(80, 24).contains("Ett förslag av 2 svar"));
    h.press(KeyCode::Home);
    h.ctrl('k');
    h.type_text("Gränsen mellan lokalfrågor och kriskommunikation");
    h.press(KeyCode::Enter);
    let s = h.on_disk();
    let proposal = s.proposals().last().unwrap().clone();
    assert_eq!(
        proposal.text,
        "Gränsen mellan lokalfrågor och kriskommunikation"
    );
    assert_eq!(proposal.sources.len(), 2);
    let voting = s.votings().last().unwrap();
    assert_eq!(voting.items[0], samspel::model::Item::Proposal(proposal.id));
    assert_eq!(
        s.scores()[&samspel::model::Item::Proposal(proposal.id)],
        2,
        "the dots moved with them"
    );
    assert_eq!(s.answers().len(), 14, "no answer was touched");
    assert!(h.screen(80, 24).contains("[≡]"));

    h.press(KeyCode::Up);
    h.press(KeyCode::Char('S'));
    let notice = h.app.notice.clone().unwrap();
    assert!(
        notice.contains("dess 2 prickar kunde inte fördelas"),
        "{notice}"
    );
    let s = h.on_disk();
    assert!(s.proposals().is_empty());
    assert_eq!(
        s.votings().last().unwrap().items.len(),
        3,
        "the answers are back"
    );
}

/// The prioritisation block merges marked material from every question: two
/// answers of different blocks become one proposal that keeps both.
#[test]
fn the_prioritisation_block_groups_answers_of_different_blocks() {
    let mut h = Harness::demo();
    h.go_to_block("prioritering");
    h.press(KeyCode::Char('P'));
    let s = h.session().clone();
    let items = s.votings().last().unwrap().items.clone();
    let block_of = |item: &Item| match item {
        Item::Answer(id) => s.answer(*id).map(|a| a.block.clone()),
        Item::Proposal(_) => None,
    };
    let first = items.iter().position(|i| block_of(i).is_some()).unwrap();
    let other = items
        .iter()
        .position(|i| block_of(i).is_some() && block_of(i) != block_of(&items[first]))
        .expect("the demo marks answers in more than one block");
    for at in 0..=other {
        if at == first || at == other {
            h.press(KeyCode::Char('x'));
        }
        if at < other {
            h.press(KeyCode::Down);
        }
    }
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Enter);
    let s = h.on_disk();
    let proposal = s.proposals().last().expect("grouped").clone();
    let sources: Vec<Item> = proposal.sources.iter().map(|a| Item::Answer(*a)).collect();
    assert_eq!(sources, [items[first], items[other]]);
    assert_eq!(Some(proposal.block), block_of(&items[first]));
    let voting = s.votings().last().unwrap();
    assert!(voting.items.contains(&Item::Proposal(proposal.id)));
}

#[test]
fn the_number_of_dots_is_settable_but_never_below_what_is_used() {
    let mut h = Harness::demo();
    h.press(KeyCode::Left);
    h.press(KeyCode::Left);
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Char(']'));
    h.press(KeyCode::Char(']'));
    assert_eq!(h.on_disk().votings()[0].dots_each, 5);
    for _ in 0..4 {
        h.press(KeyCode::Char('+'));
    }
    for _ in 0..3 {
        h.press(KeyCode::Char('['));
    }
    assert_eq!(h.on_disk().votings()[0].dots_each, 4);
    assert!(
        h.app
            .notice
            .as_deref()
            .unwrap()
            .contains("redan placerat 4 prickar")
    );
    assert!(h.screen(80, 24).contains("4 prickar var"));
}

/// Escape sequences and other control characters in answers and names (pasted,
/// or from a file) never reach the terminal raw: the screen shows no control
/// character at all, on the workshop screen or on the wall.
#[test]
fn control_characters_never_reach_the_terminal() {
    let mut h = Harness::demo();
    h.act(samspel::tui::Action::Paste(
        "röd\u{1b}[31m text\u{7}\u{1b}]0;titel\u{7} slut\u{200b}e\u{301}".into(),
    ));
    h.press(KeyCode::Enter);
    let saved = h.on_disk();
    let last = saved.answers().last().unwrap();
    assert!(
        last.text.contains("röd"),
        "the answer is kept: {:?}",
        last.text
    );
    for (w, ht) in [(80, 24), (160, 45)] {
        for screen in [h.screen(w, ht), {
            h.press(KeyCode::Char('p'));
            let wall = h.screen(w, ht);
            h.press(KeyCode::Char('p'));
            wall
        }] {
            assert!(
                !screen.chars().any(|c| c.is_control() && c != '\n'),
                "a control character on screen:\n{screen}"
            );
            assert!(screen.contains("röd"), "{screen}");
        }
    }
}

/// An export dialog with no folder says so under the folder field, in words
/// about the folder, and writes nothing.
#[test]
fn an_export_without_a_folder_says_so_under_the_field() {
    let mut h = Harness::demo();
    h.app.export_dir = std::path::PathBuf::new();
    h.press(KeyCode::Char('e'));
    h.press(KeyCode::Enter);
    let Some(samspel::tui::app::Overlay::Form(form)) = &h.app.overlay else {
        panic!("the dialog closed");
    };
    let folder = &form.fields[form.focus];
    assert_eq!(folder.label, samspel::i18n::Msg::FieldFolder);
    let error = folder.error.clone().unwrap_or_default();
    assert!(error.contains("mapp"), "{error}");
    assert!(h.screen(80, 24).contains("Skriv vilken mapp"));
}

#[test]
fn only_the_current_blocks_timer_runs_and_quitting_pauses_it() {
    let mut h = Harness::demo();
    let a = h.session().current_block().unwrap().id.clone();
    h.press(KeyCode::Char('t'));
    h.wait(60);
    h.press(KeyCode::Right);
    let b = h.session().current_block().unwrap().id.clone();
    assert_ne!(a, b);
    h.wait(300);
    h.press(KeyCode::Left);
    let now = h.now;
    let disk = h.on_disk();
    assert_eq!(
        disk.timer(&a).elapsed(now),
        60,
        "A did not count while away"
    );
    assert!(!disk.timer(&a).is_running());
    // Started again, then the block is marked done: it stops.
    h.press(KeyCode::Char('t'));
    h.wait(30);
    h.press(KeyCode::Char('k'));
    h.wait(30);
    assert_eq!(h.on_disk().timer(&a).elapsed(h.now), 90);
    // Running when the app quits: paused in the file, counted up to the quit.
    h.press(KeyCode::Char('t'));
    h.wait(10);
    h.ctrl('c');
    assert!(h.app.quit);
    let disk = h.on_disk();
    assert!(disk.progress().timers.values().all(|t| !t.is_running()));
    assert_eq!(
        disk.timer(&a)
            .elapsed(h.now + jiff::SignedDuration::from_secs(999)),
        100
    );
}

#[test]
fn the_wall_opens_on_the_current_question_whatever_was_shown_last() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('p'));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    let shown = h.session().progress().presentation.slide;
    assert_ne!(
        shown,
        samspel::model::Slide::Question,
        "the slides moved on"
    );
    h.press(KeyCode::Char('p'));
    assert!(!h.session().progress().presentation.on);
    h.press(KeyCode::Char('p'));
    let p = h.on_disk().progress().presentation.clone();
    assert!(p.on);
    assert_eq!(p.slide, samspel::model::Slide::Question);
}
