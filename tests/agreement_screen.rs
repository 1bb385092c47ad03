//! Writing the agreement on its screen: material taken into the text as a
//! starting sentence, sentence starters, material moved between sections, and
//! the final exported from the dialog.

mod common;

use common::app::Harness;
use ratatui::crossterm::event::KeyCode;
use samspel::i18n::Lang;
use samspel::model::draft_agreement::compile;

fn section_text(h: &Harness, id: &str) -> String {
    let s = h.on_disk();
    s.agreement()
        .sections
        .get(id)
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

fn material_of(h: &Harness, id: &str) -> Vec<String> {
    let draft = compile(&h.on_disk(), Lang::Sv);
    let section = draft.sections.iter().find(|s| s.id == id).unwrap();
    section.items.iter().map(|i| i.text.clone()).collect()
}

/// The director's section (4) has two items of material in the demo.
fn at_the_directors_section() -> Harness {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    for _ in 0..3 {
        h.press(KeyCode::Down);
    }
    h
}

#[test]
fn an_answer_is_taken_into_the_text_and_leaves_the_material_once_saved() {
    let mut h = at_the_directors_section();
    let before = material_of(&h, "direktor");
    assert_eq!(before.len(), 2, "{before:?}");
    h.press(KeyCode::Tab); // the second item
    h.press(KeyCode::Char('i'));
    let editor = h.screen(160, 45);
    assert!(editor.contains(&before[1][..20]), "{editor}");
    // Esc before saving: nothing is worked in.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('j'));
    assert_eq!(material_of(&h, "direktor"), before);

    h.press(KeyCode::Char('i'));
    h.type_text(" Därför ska kommundirektören säga till i tid.");
    h.press(KeyCode::Enter);
    let written = section_text(&h, "direktor");
    assert!(written.starts_with(&before[1]), "{written}");
    assert!(written.ends_with("säga till i tid."), "{written}");
    assert_eq!(material_of(&h, "direktor"), [before[0].clone()]);
    let screen = h.screen(160, 45);
    assert!(screen.contains("Inarbetat i texten: 1"), "{screen}");

    // The next one goes under the text, as a paragraph of its own.
    h.press(KeyCode::Char('i'));
    h.press(KeyCode::Enter);
    let lines: Vec<String> = section_text(&h, "direktor")
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[1], before[0]);
    assert!(material_of(&h, "direktor").is_empty());
}

#[test]
fn a_starter_opens_a_sentence_in_the_voice_of_the_agreement() {
    let mut h = at_the_directors_section();
    h.press(KeyCode::Char('s'));
    let picker = h.screen(80, 24);
    assert!(picker.contains("Kommundirektören ska…"), "{picker}");
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    h.type_text("leda förvaltningen – åäö 🙈");
    h.press(KeyCode::Enter);
    assert_eq!(
        section_text(&h, "direktor"),
        "Kommundirektören ska leda förvaltningen – åäö 🙈"
    );
}

#[test]
fn the_parties_section_starts_from_a_text_on_what_the_agreement_rests_on() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Char('s'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let text = section_text(&h, "parter");
    assert!(text.contains("kommunallagen"), "{text}");
    assert!(text.contains("Sjöbacka kommun"), "{text}");
}

#[test]
fn material_is_moved_to_another_section() {
    let mut h = at_the_directors_section();
    let before = material_of(&h, "direktor");
    h.press(KeyCode::Char('f'));
    h.type_text("samar"); // "7. Vårt samarbete"
    h.press(KeyCode::Enter);
    assert_eq!(material_of(&h, "direktor"), [before[1].clone()]);
    assert!(material_of(&h, "samarbete").contains(&before[0]));
    assert!(h.app.notice.clone().unwrap().contains("Vårt samarbete"));
}

#[test]
fn keys_that_need_material_say_so_where_there_is_none() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o')); // 1. the parties: no material
    h.press(KeyCode::Char('i'));
    assert_eq!(
        h.app.notice.as_deref(),
        Some("Det här avsnittet har inget underlag att ta in eller flytta.")
    );
    assert!(h.app.editor.is_none());
}

#[test]
fn the_final_is_exported_from_the_dialog() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Enter);
    h.type_text("Vi är parterna.");
    h.press(KeyCode::Enter);
    let out = tempfile::tempdir().unwrap();
    h.app.export_dir = out.path().to_path_buf();
    h.press(KeyCode::Char('e'));
    // From the agreement the dialog offers the agreement in Word; Markdown is next.
    assert!(
        h.screen(80, 24).contains("‹ Överenskommelsen (Word) ›"),
        "{}",
        h.screen(80, 24)
    );
    h.press(KeyCode::Right);
    for _ in 0..3 {
        h.press(KeyCode::Tab); // days, names, to the final
    }
    h.press(KeyCode::Char(' '));
    h.press(KeyCode::Enter);
    let file = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-slutlig-overenskommelse.md"));
    let Some(file) = file else {
        panic!("{:?}", h.app.notice);
    };
    let md = std::fs::read_to_string(file).unwrap();
    assert!(
        md.contains("## 1\\. Parter och utgångspunkter\n\nVi är parterna."),
        "{md}"
    );
    assert!(
        !md.contains("UTKAST") && md.contains("## Underskrifter"),
        "{md}"
    );
}

/// `B` in the workshop puts the selected answer in the board's next column;
/// where it is decides which section of the agreement it feeds.
#[test]
fn placing_an_answer_on_the_board_moves_it_to_that_columns_section() {
    let mut h = Harness::demo();
    h.go_to_block("gyllene-zonen");
    let first = h
        .session()
        .answers_in("gyllene-zonen")
        .next()
        .unwrap()
        .text
        .clone();
    let feeds = |h: &Harness| {
        let draft = compile(&h.on_disk(), Lang::Sv);
        let sections: Vec<String> = draft
            .sections
            .iter()
            .filter(|s| s.items.iter().any(|i| i.text == first))
            .map(|s| s.id.clone())
            .collect();
        sections
    };
    h.press(KeyCode::Char('B'));
    assert_eq!(feeds(&h), ["ordforande"]);
    assert!(
        h.app
            .notice
            .clone()
            .unwrap()
            .contains("Politik: vad och när")
    );
    assert!(h.screen(160, 45).contains("▦ Politik: vad och när"));
    h.press(KeyCode::Char('B'));
    assert_eq!(feeds(&h), ["gemensamt-ansvar"]);
    h.press(KeyCode::Char('B'));
    assert_eq!(feeds(&h), ["direktor"]);
    // Off the board: back to the section its block feeds, and still marked.
    h.press(KeyCode::Char('B'));
    assert_eq!(feeds(&h), ["gemensamt-ansvar"]);
    assert!(!h.screen(160, 45).contains("▦"));
}

/// `a` makes another agreement on the same rules, `v` goes between them, and
/// each is written on its own; the export dialog asks which.
#[test]
fn another_agreement_is_made_and_written_on_its_own() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Enter);
    h.type_text("Huvudtext.");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('a'));
    h.type_text("Oppositionsrådet och kommundirektören");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Right); // the first participant
    h.press(KeyCode::Enter);
    let screen = h.screen(160, 45);
    assert!(
        screen.contains("Oppositionsrådet och kommundirektören ·"),
        "{screen}"
    );
    h.press(KeyCode::Enter);
    for _ in 0.."Huvudtext.".chars().count() {
        h.press(KeyCode::Backspace);
    }
    h.type_text("Egen text – åäö.");
    h.press(KeyCode::Enter);
    let s = h.on_disk();
    let other = s
        .agreement_of("oppositionsradet-och-kommundirektoren")
        .unwrap();
    assert_eq!(other.sections["parter"].text, "Egen text – åäö.");
    assert_eq!(s.agreement().sections["parter"].text, "Huvudtext.");
    assert_eq!(other.parties.len(), 1);
    h.press(KeyCode::Char('v'));
    assert!(h.screen(160, 45).contains("Ordföranden och direktören ·"));
    h.press(KeyCode::Char('e'));
    assert!(h.screen(160, 45).contains("‹ Ordföranden och direktören ›"));
}
