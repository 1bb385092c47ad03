//! Session notes (minnesanteckningar): Markdown, Word and plain text from a
//! worked session, attributed and anonymised, with hostile answers escaped.

mod common;

use common::Env;
use common::app::{Harness, start_time};
use common::documents::{
    DocxMeta, column_against_the_rest, converts_with_libreoffice, docx_keeps, docx_meta,
    docx_paragraphs, docx_part, fixture, tables_lay_out,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use ratatui::crossterm::event::KeyCode;
use samspel::export::{self, Format, Options};
use samspel::model::{ActionText, BlockKind, Session, Speaker};

/// The fixture exported at a fixed moment, so a running timer gives fixed figures.
fn options() -> Options {
    Options {
        now: start_time(),
        ..Options::default()
    }
}

fn anonymous() -> Options {
    Options {
        anonymous: true,
        ..options()
    }
}

fn render(session: &Session, format: Format, options: &Options) -> String {
    String::from_utf8(export::render(session, format, options).unwrap()).unwrap()
}

#[test]
fn the_notes_in_markdown_attributed_and_anonymised() {
    let s = fixture();
    insta::assert_snapshot!("notes_md", render(&s, Format::NotesMd, &options()));
    insta::assert_snapshot!(
        "notes_md_anonymous",
        render(&s, Format::NotesMd, &anonymous())
    );
}

#[test]
fn the_notes_as_text_for_an_email() {
    let s = fixture();
    insta::assert_snapshot!("notes_txt", render(&s, Format::NotesTxt, &options()));
}

/// Every answer of the session is in the notes, with its author's name.
#[test]
fn every_answer_is_in_the_notes_attributed() {
    let s = fixture();
    for format in [Format::NotesMd, Format::NotesTxt] {
        let notes = render(&s, format, &options());
        for answer in s.answers() {
            let first = answer.text.lines().next().unwrap();
            let shown = match format {
                Format::NotesMd => samspel::export::markdown::text(first, ""),
                _ => samspel::export::printable(first),
            };
            // The group's answers stand under "Gruppen" without a name of their own.
            let name = match answer.speaker {
                Speaker::Group => String::new(),
                who => s.speaker_name(who, samspel::i18n::Lang::Sv),
            };
            let line = notes
                .lines()
                .find(|l| l.contains(&shown))
                .unwrap_or_else(|| panic!("{format:?}: missing answer {first:?}"));
            assert!(line.contains(&name), "{format:?}: {name} not by {first:?}");
        }
    }
}

/// The anonymised notes (and the anonymised JSON) name nobody, anywhere.
#[test]
fn anonymised_notes_name_nobody() {
    let mut s = fixture();
    s.facilitator = "Gudrun Processledarsson".to_string();
    // An action item's "who" is typed by hand: a first name and a surname.
    let block = Some("hur-ska-samarbetet-se-ut");
    s.add_action_item(
        ActionText::new("Boka måndagarna", "Karin och Åström", None),
        block,
        start_time(),
    )
    .unwrap();
    let docx = export::render(&s, Format::NotesDocx, &anonymous()).unwrap();
    let (paragraphs, _) = docx_paragraphs(&docx);
    let mut word: String = paragraphs.iter().map(|(_, t)| format!("{t}\n")).collect();
    // Nor do the document's properties, which Word shows as its author.
    word.push_str(&docx_part(&docx, "docProps/core.xml"));
    for (format, text) in [
        ("md", render(&s, Format::NotesMd, &anonymous())),
        ("txt", render(&s, Format::NotesTxt, &anonymous())),
        ("docx", word),
        ("json", render(&s, Format::Json, &anonymous())),
    ] {
        assert!(!text.contains("Processledarsson"), "{format}: facilitator");
        for p in s.participants() {
            assert!(!text.contains(&p.name), "{format}: {} named", p.name);
            let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
            for part in p.name.split(' ') {
                assert!(!words.contains(&part), "{format}: {part} named");
            }
        }
        assert!(text.contains("Deltagare 1"), "{format}: pseudonyms used");
        assert!(
            text.contains("Deltagare 1 och Deltagare 6"),
            "{format}: who"
        );
    }
}

#[test]
fn planned_and_actual_time_per_block() {
    let s = fixture();
    let md = render(&s, Format::NotesMd, &options());
    let row = md
        .lines()
        .find(|l| l.contains(&title(&s, "vad-ar-svart")) && l.contains(" min "))
        .expect("the block's row in the time table");
    let planned = s.program().block("vad-ar-svart").unwrap().minutes;
    assert!(
        row.contains(&format!("| {planned} min | 34 min |")),
        "{row}"
    );
    let untimed = title(&s, "lunch-1");
    assert!(
        md.lines()
            .any(|l| l.contains(&untimed) && l.ends_with("| – |")),
        "a block whose timer never ran shows a dash"
    );
}

/// A timer still running when the notes are made counts until then.
#[test]
fn a_running_timer_counts_until_the_export() {
    let mut s = fixture();
    let t0 = start_time();
    s.timer_mut("vad-ar-svart").running_since = Some(t0);
    let later = Options {
        now: t0 + jiff::SignedDuration::from_mins(10),
        ..options()
    };
    let md = render(&s, Format::NotesMd, &later);
    assert!(md.contains("| 44 min |"), "34 + 10 minutes");
}

fn title(s: &Session, id: &str) -> String {
    s.program().block(id).unwrap().title.clone()
}

#[test]
fn one_day_only() {
    let s = fixture();
    let day2_block = s.program().days[1]
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Question)
        .unwrap();
    let day1 = Options {
        day: Some(0),
        ..options()
    };
    let md = render(&s, Format::NotesMd, &day1);
    assert!(md.contains("## Dag 1"));
    assert!(!md.contains("## Dag 2"));
    assert!(!md.contains(&day2_block.title), "{}", day2_block.title);
    let both = render(&s, Format::NotesMd, &options());
    assert!(both.contains("## Dag 2") && both.contains(&day2_block.title));
    // An action item goes with the day of the block it came from.
    let action = "Förslag på fast mötesstruktur KSO–KD";
    let day2 = Options {
        day: Some(1),
        ..options()
    };
    assert!(md.contains(action) && both.contains(action));
    assert!(!render(&s, Format::NotesMd, &day2).contains(action));
}

#[test]
fn the_word_document_has_every_question_every_answer_and_the_tables() {
    let s = fixture();
    let bytes = export::render(&s, Format::NotesDocx, &options()).unwrap();
    let (paragraphs, styles_and_footer) = docx_paragraphs(&bytes);
    let all: String = paragraphs.iter().map(|(_, t)| format!("{t}\n")).collect();
    let questions = s
        .program()
        .blocks()
        .map(|(_, b)| b)
        .filter(|b| b.kind == BlockKind::Question && !b.skipped);
    for block in questions {
        let heading = ("Heading2".to_string(), block.title.clone());
        assert!(paragraphs.contains(&heading), "heading {}", block.title);
        if let Some(q) = &block.question {
            assert!(all.contains(q.as_str()), "question {q}");
        }
    }
    for answer in s.answers() {
        assert!(all.contains(&answer.text), "answer {:?}", answer.text);
    }
    let days: Vec<&str> = paragraphs
        .iter()
        .filter(|(style, _)| style == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        days,
        [
            "Deltagare",
            "Dag 1 – torsdag 12 mars 2026",
            "Dag 2 – fredag 13 mars 2026",
            "Uppdrag"
        ]
    );
    for cell in ["Tid", "Planerat", "Faktiskt", "34 min", "Plats", "Prickar"] {
        assert!(
            paragraphs.iter().any(|(_, t)| t == cell),
            "table cell {cell}"
        );
    }
    for action in s.action_items() {
        assert!(all.contains(&action.what), "action {}", action.what);
    }
    let tables = document_xml(&bytes).matches("<w:tbl>").count();
    // The header, a time table per day, the voting, the action items.
    assert_eq!(tables, 5);
    assert!(styles_and_footer.contains("heading 3") && styles_and_footer.contains("PAGE"));
}

fn document_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    xml
}

/// Word checks the notes' spelling in Swedish (British English in English),
/// and File › Info shows their title, the facilitator as author and the
/// export's time; anonymous notes name the organisation instead.
#[test]
fn the_word_notes_say_their_language_title_author_and_date() {
    let s = fixture();
    let meta =
        |options: &Options| docx_meta(&export::render(&s, Format::NotesDocx, options).unwrap());
    assert_eq!(
        meta(&options()),
        DocxMeta {
            lang: "sv-SE".into(),
            title: "Minnesanteckningar: Styra och leda tillsammans".into(),
            creator: "Gunnel Strand".into(),
            last_modified_by: "Gunnel Strand".into(),
            created: "2026-03-12T09:30:00Z".into(),
            modified: "2026-03-12T09:30:00Z".into(),
        }
    );
    let english = meta(&Options {
        lang: samspel::i18n::Lang::En,
        ..options()
    });
    assert_eq!(english.lang, "en-GB");
    assert_eq!(english.title, "Session notes: Styra och leda tillsammans");
    let anonymous = meta(&anonymous());
    assert_eq!(anonymous.creator, "Sjöbacka kommun");
    assert_eq!(anonymous.last_modified_by, "Sjöbacka kommun");
}

/// No heading stands alone at a page's foot: days, blocks and sides keep with
/// what follows them, and a table's head keeps with its first row.
#[test]
fn the_word_notes_headings_keep_with_what_they_head() {
    let bytes = export::render(&fixture(), Format::NotesDocx, &options()).unwrap();
    let (paragraphs, tables) = docx_keeps(&bytes);
    let headings: Vec<_> = paragraphs
        .iter()
        .filter(|(style, _, _)| style.starts_with("Heading") || style == "Title")
        .collect();
    for level in ["Title", "Heading1", "Heading2", "Heading3"] {
        assert!(headings.iter().any(|(s, _, _)| s == level), "a {level}");
    }
    for (style, text, keeps) in headings {
        assert!(keeps, "{style} {text:?} keeps with the next paragraph");
    }
    // A block's question, right under its heading, keeps with the answers too.
    let questions: Vec<_> = paragraphs
        .iter()
        .filter(|(_, text, _)| text.starts_with("Fråga: "))
        .collect();
    assert!(questions.len() > 5, "{paragraphs:?}");
    for (_, text, keeps) in questions {
        assert!(keeps, "{text:?} keeps with the answers");
    }
    assert_eq!(tables.len(), 5);
    assert!(tables.iter().all(|&k| k), "{tables:?}");
}

/// Word lays the tables out as written: a grid as wide as the page's text, the
/// header row repeated on every page, the text column the widest, and narrow
/// columns still wide enough for their heads ("Verksamhet" whole).
#[test]
fn the_word_tables_lay_out() {
    let bytes = export::render(&fixture(), Format::NotesDocx, &options()).unwrap();
    let heads = ["Plats", "Tid", "Vad"];
    let tables = tables_lay_out(&bytes, &|first| heads.contains(&first));
    assert_eq!(tables.len(), 5);
    let headed = |head: &'static str| tables.iter().filter(move |t| t.rows[0].cells[0].1 == head);
    for (head, text) in [("Plats", "Förslag"), ("Tid", "Block"), ("Vad", "Vad")] {
        assert!(headed(head).count() > 0, "a table headed {head}");
        for table in headed(head) {
            let (text, rest) = column_against_the_rest(table, text);
            assert!(text > rest, "{table:?}");
        }
    }
    let (values, keys) = column_against_the_rest(&tables[0], "Sjöbacka kommun");
    assert!(values > keys, "{:?}", tables[0]);
    // "Verksamhet" in 11 pt bold Calibri is about 1,100 twips, and a cell has
    // 108 of margin at either side.
    let voting = headed("Plats").next().unwrap();
    let (verksamhet, _) = column_against_the_rest(voting, "Verksamhet");
    assert!(verksamhet >= 1100 + 2 * 108, "{voting:?}");
}

#[test]
fn the_word_document_converts_with_libreoffice_when_it_is_installed() {
    let bytes = export::render(&fixture(), Format::NotesDocx, &options()).unwrap();
    converts_with_libreoffice(&bytes);
}

/// One dot is "1 prick", in the heading and in the e-mail's ranking alike.
#[test]
fn one_dot_is_one_prick() {
    let mut s = fixture();
    let now = start_time();
    let kso = s.participant_named("Karin Lundberg").unwrap().id;
    let answer = s.answers_in("vad-ar-svart").next().unwrap().id;
    let v = s.start_voting(vec![samspel::model::Item::Answer(answer)], 1, now);
    s.set_dots(v, kso, samspel::model::Item::Answer(answer), 1, now)
        .unwrap();
    for format in [Format::NotesMd, Format::NotesTxt] {
        let notes = render(&s, format, &options());
        assert!(notes.contains("Prioritering, 1 prick var"), "{notes}");
        assert!(!notes.contains("1 prickar"), "{notes}");
    }
    let txt = render(&s, Format::NotesTxt, &options());
    assert!(txt.contains(" – 1 prick ("), "{txt}");
}

/// `P` on a break (a slip, or to look ahead) says there is nothing to vote on
/// and opens nothing; a voting left empty on a break (an older app made one)
/// still leaves the break in the time table alone, never a block of its own
/// with "Inga svar antecknade".
#[test]
fn a_break_is_in_the_time_table_only_even_after_p() {
    let mut h = Harness::demo();
    for _ in 0..40 {
        if h.session().current_block().unwrap().kind == BlockKind::Break {
            break;
        }
        h.press(KeyCode::Right);
    }
    let break_block = h.session().current_block().unwrap().clone();
    assert_eq!(break_block.kind, BlockKind::Break);
    let votings = h.session().votings().len();
    h.press(KeyCode::Char('P'));
    assert!(h.screen(120, 36).contains("En paus har inget att rösta om"));
    assert_eq!(h.on_disk().votings().len(), votings, "no voting opened");
    let mut s = h.session().clone();
    s.voting_for(&break_block.id, vec![], start_time());
    let s = &s;
    let md = render(s, Format::NotesMd, &options());
    let title = &break_block.title;
    assert!(!md.contains(&format!("### {title}\n")), "{md}");
    assert!(md.contains(&format!("| {title} |")), "in the time table");
    let bytes = export::render(s, Format::NotesDocx, &options()).unwrap();
    let (paragraphs, _) = docx_paragraphs(&bytes);
    assert!(!paragraphs.contains(&("Heading2".to_string(), title.clone())));
    assert!(
        paragraphs.iter().any(|(_, t)| t == title),
        "in the time table"
    );
    let txt = render(s, Format::NotesTxt, &options());
    assert!(!txt.contains(&format!("\n{title}\n")), "{txt}");
}

/// Answers that would change a document's structure if they were not escaped.
const HOSTILE_ANSWERS: [&str; 15] = [
    "# Rubrik",
    "rad\n    indraget som kod",
    "rad\n  - en lista i listan\n  + en till",
    "rad\n\t2) numrerad efter tabb",
    "rubrik?\n  ===",
    "* punkt",
    "1. numrerad",
    "[länk](http://exempel.se)",
    "<b>fet</b><script>alert(1)</script>",
    "a | b | c",
    "rad ett\nrad två\n\n## inte en rubrik",
    "> citat",
    "`kod` och ```staket```",
    "\u{1b}[31mröd\u{1b}[0m och \u{7}klocka",
    "inte\u{fffe} tecken\u{ffff} här",
];

fn with_answers(answers: &[&str]) -> Session {
    let mut s = fixture();
    for text in answers {
        s.add_answer("vad-ar-svart", Speaker::Group, text, false, start_time())
            .unwrap();
    }
    s
}

/// The text a hostile answer must come out as: itself, less control characters.
fn expected(text: &str) -> String {
    samspel::export::printable(text)
}

#[test]
fn hostile_answers_in_markdown_stay_text() {
    let s = with_answers(&HOSTILE_ANSWERS);
    let clean = render(&with_answers(&["vanlig text"]), Format::NotesMd, &options());
    let md = render(&s, Format::NotesMd, &options());
    let structure = |doc: &str| {
        let mut counts = [0usize; 5]; // headings, links, html, code, lists
        for event in Parser::new(doc) {
            match event {
                Event::Start(Tag::List(_)) => counts[4] += 1,
                Event::Start(Tag::Heading { .. }) => counts[0] += 1,
                Event::Start(Tag::Link { .. }) => counts[1] += 1,
                Event::Html(_) | Event::InlineHtml(_) => counts[2] += 1,
                Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => counts[3] += 1,
                _ => {}
            }
        }
        counts
    };
    assert_eq!(structure(&md), structure(&clean), "no structure added");
    // Each answer's list item reads back as exactly the answer.
    let items = list_items(&md);
    for text in HOSTILE_ANSWERS {
        // Markdown drops a line's leading white space; the export drops it first.
        let lines: Vec<&str> = text.lines().map(str::trim_start).collect();
        let want = expected(&lines.join("\n"));
        assert!(items.contains(&want), "{want:?} not in {items:#?}");
    }
}

/// The plain text of each list item, line breaks kept.
fn list_items(md: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Item) => current = Some(String::new()),
            Event::End(TagEnd::Item) => items.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::HardBreak | Event::SoftBreak => {
                if let Some(c) = current.as_mut() {
                    c.push('\n');
                }
            }
            _ => {}
        }
    }
    items
}

#[test]
fn hostile_answers_in_word_and_text_stay_text() {
    let s = with_answers(&HOSTILE_ANSWERS);
    let bytes = export::render(&s, Format::NotesDocx, &options()).unwrap();
    let (paragraphs, _) = docx_paragraphs(&bytes);
    let clean = with_answers(&["vanlig text"]);
    let (clean, _) =
        docx_paragraphs(&export::render(&clean, Format::NotesDocx, &options()).unwrap());
    let headings =
        |ps: &[(String, String)]| ps.iter().filter(|(s, _)| s.starts_with("Heading")).count();
    assert_eq!(headings(&paragraphs), headings(&clean));
    let txt = render(&s, Format::NotesTxt, &options());
    assert!(
        !txt.contains('\u{1b}') && !txt.contains('\u{7}'),
        "no control characters"
    );
    for text in HOSTILE_ANSWERS {
        let want = expected(text);
        assert!(paragraphs.iter().any(|(_, t)| *t == want), "docx: {want:?}");
        let indented = want.replace('\n', "\n    ").replace("\n    \n", "\n\n");
        assert!(
            txt.contains(&format!("  • {}", indented.trim_end())),
            "txt: {indented:?}"
        );
    }
}

#[test]
fn exported_from_the_command_line() {
    let env = Env::new();
    let path = env.path().join("s.samspel.json");
    drop(samspel::store::Writer::create(&path, &fixture()).unwrap());
    let out = env.path().join("anteckningar.md");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "export",
            path.to_str().unwrap(),
            "--format",
            "notes-md",
            "--out",
            out.to_str().unwrap(),
        ];
        a.extend_from_slice(extra);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |extra: &[&str]| env.run(&args(extra).iter().map(String::as_str).collect::<Vec<_>>());
    assert!(run(&["--anonymous", "--day", "1"]).status.success());
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# Minnesanteckningar: Styra och leda tillsammans\n"));
    assert!(md.contains("## Dag 1") && !md.contains("## Dag 2"));
    assert!(!md.contains("Karin Lundberg"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let again = run(&[]);
    assert_eq!(again.status.code(), Some(1));
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("finns redan"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md, "untouched");
    assert!(run(&["--force"]).status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Karin Lundberg")
    );

    for (extra, says) in [
        (&["--day", "3", "--force"][..], "ingen dag 3"),
        (&["--day", "0", "--force"][..], "0"),
    ] {
        let out = run(extra);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.lines().count() <= 2, "{err}");
    }
}
