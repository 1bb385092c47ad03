//! Snapshots of every screen and main state, at 80×24 and at projector size
//! 160×45, each reached by keys through the real keymap and `update`.

mod common;

use common::app::Harness;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn snap(name: &str, h: &Harness) {
    for (w, height) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("{name}_{w}x{height}"), h.screen(w, height));
    }
}

#[test]
fn start_empty() {
    snap("start_empty", &Harness::start());
}

#[test]
fn start_with_sessions() {
    let mut h = Harness::demo();
    h.press(KeyCode::Esc);
    snap("start_with_sessions", &h);
}

#[test]
fn workshop_in_order_of_arrival() {
    snap("workshop_arrival", &Harness::demo());
}

#[test]
fn workshop_side_by_side() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('v'));
    snap("workshop_sides", &h);
}

#[test]
fn workshop_by_participant() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Char('v'));
    snap("workshop_participants", &h);
}

#[test]
fn workshop_typing_an_answer_with_a_long_text() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('a'));
    h.type_text("Vi behöver fler avstämningar – åäö ÅÄÖ é 🙂👩‍👩‍👧 ");
    h.key(KeyCode::Enter, KeyModifiers::ALT);
    h.type_text(&"och längre text som bryts vid ord ".repeat(8));
    snap("workshop_editor", &h);
}

#[test]
fn workshop_with_a_2000_character_answer() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('a'));
    let long: String = "Långt svar med åäö och 🙂 emoji. "
        .repeat(63)
        .chars()
        .take(2000)
        .collect();
    h.act(samspel::tui::Action::Paste(long));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    snap("workshop_long_answer", &h);
}

#[test]
fn workshop_timer_running_over_time_and_behind_schedule() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('t'));
    h.wait(35 * 60 + 75);
    snap("workshop_overtime", &h);
}

#[test]
fn help_screen() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('?'));
    snap("help_workshop", &h);
}

#[test]
fn speaker_picker_narrowed_by_typing() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('s'));
    h.type_text("e");
    snap("picker_speaker", &h);
}

#[test]
fn confirm_delete() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('d'));
    snap("confirm_delete", &h);
}

#[test]
fn action_item_form() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('u'));
    h.type_text("Ta fram mötesplan");
    snap("form_action_item", &h);
}

#[test]
fn preparation_tabs() {
    let mut h = Harness::start();
    h.press(KeyCode::Char('n'));
    h.press(KeyCode::Tab);
    h.type_text("Kungsörs kommun");
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    h.type_text("2026-02-30");
    h.ctrl('s');
    snap("prep_details_with_error", &h);

    let mut h = Harness::demo();
    h.press(KeyCode::Char('i'));
    snap("prep_details", &h);
    for _ in 0..6 {
        h.press(KeyCode::Tab);
    }
    snap("prep_participants", &h);
    h.press(KeyCode::Tab);
    snap("prep_agenda", &h);
}

#[test]
fn a_terminal_too_small_says_so() {
    let h = Harness::demo();
    insta::assert_snapshot!("too_small", h.screen(50, 12));
}

#[test]
fn english() {
    let mut h = Harness::start();
    h.app.lang = samspel::i18n::Lang::En;
    h.press(KeyCode::Char('d'));
    h.press(KeyCode::Char('v'));
    snap("workshop_sides_english", &h);
}

/// The demo on the wall, after `keys` in presentation mode.
fn wall(keys: &str) -> Harness {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('p'));
    for c in keys.chars() {
        match c {
            '\t' => h.press(KeyCode::Tab),
            c => h.press(KeyCode::Char(c)),
        }
    }
    h
}

#[test]
fn presentation_with_names() {
    snap("present_question", &wall(""));
}

#[test]
fn presentation_anonymous_with_sides() {
    snap("present_anonymous", &wall("n"));
}

#[test]
fn presentation_anonymous_without_sides() {
    snap("present_anonymous_no_sides", &wall("nN"));
}

#[test]
fn presentation_slides() {
    snap("present_comparison", &wall("\t"));
    snap("present_agenda", &wall("\t\t"));
    snap("present_welcome", &wall("\t\t\t"));
}

#[test]
fn presentation_of_a_long_question_and_many_answers() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('p'));
    // Back past lunch to the golden zone, whose question is long, and fill it up.
    h.press(KeyCode::Left);
    h.press(KeyCode::Left);
    assert_eq!(h.session().current_block().unwrap().id, "gyllene-zonen");
    for n in 0..14 {
        h.press(KeyCode::Char('0'));
        h.type_text(&format!(
            "Svar {n}: gränsdragning i ärenden om lokaler, åäö ÅÄÖ"
        ));
        h.press(KeyCode::Enter);
    }
    snap("present_long_question", &h);
}

#[test]
fn presentation_while_typing_an_answer() {
    let mut h = wall("");
    h.press(KeyCode::Char('a'));
    h.type_text("Skrivs medan väggen visar");
    snap("present_editor", &h);
}

#[test]
fn agreement_screen() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Down);
    snap("agreement", &h);
    h.press(KeyCode::Enter);
    h.type_text("Ordföranden leder det politiska arbetet – åäö.");
    snap("agreement_writing", &h);
}

/// The tjänsteskrivelse from the agreement screen: every part a proposal but
/// one, rewritten (brighter, "ändrad"); then a part being written.
#[test]
fn memo_screen() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Char('t'));
    for _ in 0..3 {
        h.press(KeyCode::Down); // to the proposed decision
    }
    h.press(KeyCode::Enter);
    for _ in 0..200 {
        h.press(KeyCode::Backspace);
    }
    h.type_text("Kommunstyrelsen föreslår kommunfullmäktige att anta överenskommelsen – åäö.");
    h.press(KeyCode::Enter);
    snap("memo", &h);
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    snap("memo_writing", &h);
}

/// The golden zone's voting with three dots placed, through the keys.
fn voting_with_dots() -> Harness {
    let mut h = Harness::demo();
    h.press(KeyCode::Left);
    h.press(KeyCode::Left);
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Char('+'));
    h.press(KeyCode::Char('+'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('6'));
    h.press(KeyCode::Char('+'));
    h
}

#[test]
fn voting_screen() {
    snap("voting", &voting_with_dots());
}

#[test]
fn wall_shows_voting_results_and_the_section_being_written() {
    let mut h = voting_with_dots();
    h.press(KeyCode::Char('p'));
    snap("present_results", &h);

    let mut h = Harness::demo();
    h.press(KeyCode::Char('o'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Enter);
    h.type_text("Vi leder Sjöbacka tillsammans – för invånarnas bästa.");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('p'));
    snap("present_section", &h);
}

#[test]
fn action_items_listed_and_on_the_wall() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('u'));
    h.type_text("Boka årligt utvecklingssamtal mellan KSO och kommundirektör – före sommaren 🙂");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('U'));
    snap("actions_list", &h);
    h.press(KeyCode::Char('p'));
    snap("actions_wall", &h);
}

/// The board: answers of the golden zone's block sorted into SKR's figure,
/// on the wall as three columns.
#[test]
fn the_board_on_the_wall() {
    let mut h = Harness::demo();
    h.go_to_block("gyllene-zonen");
    h.press(KeyCode::Char('B')); // the first answer: politik
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('B'));
    h.press(KeyCode::Char('B')); // the second: the golden zone
    h.press(KeyCode::Char('p'));
    for _ in 0..7 {
        h.press(KeyCode::Tab); // round the slides to the board
    }
    snap("board_wall", &h);

    // The block about the figure shows it in place of its question.
    let mut h = Harness::demo();
    h.go_to_block("vad-nar-hur-vem");
    h.press(KeyCode::Char('p'));
    let wall = h.screen(160, 45);
    assert!(
        wall.contains("Politik: vad och när") && wall.contains("Verksamhet: hur och vem"),
        "{wall}"
    );
}

/// A proposal's wording is a sentence the group agrees on: the field shows it
/// whole, on as many lines as it needs.
#[test]
fn a_long_wording_wraps_in_its_field() {
    let mut h = Harness::demo();
    h.go_to_block("gyllene-zonen");
    h.press(KeyCode::Char('P'));
    h.press(KeyCode::Char('x'));
    h.press(KeyCode::Down);
    h.press(KeyCode::Char('x'));
    h.press(KeyCode::Char('g'));
    h.press(KeyCode::Home);
    h.ctrl('k');
    h.type_text(
        "Politiken beslutar om mål och ramar, förvaltningen om hur; \
         oklara fall tas upp i dialog innan beslutet får konsekvenser",
    );
    snap("group_long_wording", &h);
}

#[test]
fn a_hidden_result_shows_only_who_has_voted_until_it_is_shown() {
    let mut h = voting_with_dots();
    h.press(KeyCode::Char('r'));
    assert!(h.on_disk().votings()[0].hidden, "the live view must know");
    snap("voting_hidden", &h);
    h.press(KeyCode::Char('p'));
    snap("present_results_hidden", &h);
    let wall = h.screen(160, 45);
    assert!(!wall.contains("████ 2"), "no bars while hidden:\n{wall}");
    // Shown again, on the wall that is up: the bars, labelled above them.
    h.press(KeyCode::Char('r'));
    let mut shown = voting_with_dots();
    shown.press(KeyCode::Char('p'));
    assert_eq!(h.screen(160, 45), shown.screen(160, 45));
}

#[test]
fn the_result_slide_before_any_voting_says_there_is_none() {
    let h = wall("\t\t\t\t");
    assert_eq!(
        h.session().progress().presentation.slide,
        samspel::model::Slide::Results
    );
    snap("present_results_none", &h);
}

#[test]
fn an_empty_side_of_the_comparison_says_so() {
    let mut h = Harness::demo();
    h.press(KeyCode::Right);
    h.press(KeyCode::Char('p'));
    h.press(KeyCode::Char('1'));
    h.type_text("Bara politiken har svarat här.");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Tab);
    snap("present_comparison_one_side", &h);
}

/// Emoji sequences (a heart with VS16, a ZWJ sequence, a skin tone, a flag) are
/// two columns each, as ratatui and the terminal count them: the card's right
/// border stays in its column on every row.
#[test]
fn emoji_sequences_keep_the_cards_right_border_in_place() {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    let mut h = wall("");
    h.press(KeyCode::Char('0'));
    h.type_text(
        "Vi ❤️ samarbetet 👩‍💻👍🏽🇸🇪 och åäö, ❤️❤️ "
            .repeat(3)
            .trim_end(),
    );
    h.press(KeyCode::Enter);
    let screen = h.screen(160, 45);
    // The column of each border character on a row, as the terminal places it.
    let borders = |line: &str| -> Vec<usize> {
        let mut column = 0;
        let mut found = Vec::new();
        for g in line.graphemes(true) {
            if ["│", "╮", "╯"].contains(&g) {
                found.push(column);
            }
            column += g.width();
        }
        found
    };
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains('❤'))
        .map(|l| l.split("\" Hidden by").next().unwrap().trim_matches('"'))
        .collect();
    assert!(!rows.is_empty(), "{screen}");
    let right = borders(rows[0]).last().copied().unwrap();
    for line in screen.lines().skip(3) {
        // As the terminal gets it: the cells a wide one covers are not sent.
        let line = line.split("\" Hidden by").next().unwrap().trim_matches('"');
        assert_eq!(line.width(), 160, "{line}");
        if line.contains('❤') {
            assert_eq!(borders(line).last(), Some(&right), "{line}");
        }
    }
}

#[test]
fn a_wrapped_line_of_an_answer_goes_on_under_its_text() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('v'));
    h.press(KeyCode::Char('v'));
    let screen = h.screen(80, 24);
    // Leila Haddad's answer, after its bullet, wraps under its first word.
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("• Att budgeten"))
        .unwrap();
    let column = |l: &str| {
        let at = l.find("Att").or_else(|| l.find("kända")).unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..at])
    };
    assert_eq!(column(lines[at + 1]), column(lines[at]), "{screen}");
}

/// A yes/no box is as tall as its question: the delete question with a long
/// answer's preview (cut with "…") is seen to its end at 80 columns.
#[test]
fn a_long_confirm_question_is_seen_whole() {
    let mut h = Harness::demo();
    h.press(KeyCode::Char('a'));
    h.type_text(&"Ett långt svar om mandat från fullmäktige och ansvar ".repeat(3));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Esc);
    h.press(KeyCode::Down);
    for _ in 0..20 {
        h.press(KeyCode::Down);
    }
    h.press(KeyCode::Char('d'));
    let screen = h.screen(60, 24);
    assert!(screen.contains("…”?"), "{screen}");
    assert!(screen.contains("j = ja · n = nej"), "{screen}");
}
