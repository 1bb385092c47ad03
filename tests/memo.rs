//! The tjänsteskrivelse (decision memo): its Markdown and Word exports, and
//! the command line that writes them.

mod common;

use common::Env;
use common::app::start_time;
use common::documents::{converts_with_libreoffice, docx_paragraphs, fixture};
use jiff::civil::Date;
use samspel::export::{self, Format, Options};
use samspel::model::memo::MemoPart;
use samspel::model::{NewParticipant, Session, Side};

/// Text that would break the memo's structure if it were not escaped.
const HOSTILE: &str = "# Inte en rubrik\n* inte en punkt <script>alert(1)</script>\n1. inte numrerad\n\nÅsa Öberg: *viktigt* | [länk](http://x)";

/// A small one-day session of Kungsörs kommun: two politicians, one official,
/// an observer, a facilitator, and who the decision goes to rewritten with
/// hostile text.
fn small() -> Session {
    let now = start_time();
    let program = samspel::programs::built_in("skr-en-dag").unwrap().unwrap();
    let mut s = Session::new(program, "Kungsörs kommun", "", now);
    s.set_dates(Some(Date::new(2026, 3, 12).unwrap()), None)
        .unwrap();
    s.facilitator = "Märta Ödlund".into();
    let mut add = |name: &str, title: &str, side, observer| {
        let mut p = NewParticipant::new(name, title, side);
        p.observer = observer;
        s.add_participant(p, now).unwrap();
    };
    add(
        "Åsa Öberg",
        "kommunstyrelsens ordförande",
        Side::Politik,
        false,
    );
    add("Göran Ärlig", "oppositionsråd", Side::Politik, false);
    add("Jörgen Ståhl", "kommundirektör", Side::Verksamhet, false);
    add("Örjan Observatör", "revisor", Side::Verksamhet, true);
    s.set_memo_part(MemoPart::SendTo, HOSTILE, now);
    s
}

fn options() -> Options {
    Options {
        now: start_time(),
        ..Options::default()
    }
}

fn markdown(session: &Session, options: Options) -> String {
    String::from_utf8(export::render(session, Format::MemoMd, &options).unwrap()).unwrap()
}

#[test]
fn the_memo_in_markdown() {
    let md = markdown(&small(), options());
    insta::assert_snapshot!("memo_md", md);
}

/// The hostile text stays text: no heading, list, HTML or link comes of it.
#[test]
fn a_hostile_part_stays_text() {
    let s = small();
    let md = markdown(&s, options());
    assert!(md.contains("\\# Inte en rubrik"), "{md}");
    assert!(md.contains("\\* inte en punkt \\<script>"), "{md}");
    assert!(md.contains("1\\. inte numrerad"), "{md}");
    assert!(md.contains("\\*viktigt\\* \\| [länk\\](http://x)"), "{md}");
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    let title = format!(
        "# {}",
        samspel::model::draft_agreement::compile(&s, samspel::i18n::Lang::Sv).title
    );
    assert_eq!(
        headings,
        [
            title.as_str(),
            "## Förslag till beslut",
            "## Sammanfattning av ärendet",
            "## Beskrivning av ärendet",
            "## Beslutsunderlag",
            "## Beslutet ska skickas till",
            "## Handläggare",
        ],
        "{md}"
    );
}

#[test]
fn the_word_document_has_the_memos_head_title_and_headings() {
    let s = small();
    let bytes = export::render(&s, Format::MemoDocx, &options()).unwrap();
    let (paragraphs, footer) = docx_paragraphs(&bytes);
    let styled = |style: &str| -> Vec<String> {
        paragraphs
            .iter()
            .filter(|(s, _)| s == style)
            .map(|(_, t)| t.clone())
            .collect()
    };
    let matter = samspel::model::draft_agreement::compile(&s, samspel::i18n::Lang::Sv).title;
    assert_eq!(styled("Title"), std::slice::from_ref(&matter));
    assert_eq!(
        styled("Heading1"),
        [
            "Förslag till beslut",
            "Sammanfattning av ärendet",
            "Beskrivning av ärendet",
            "Beslutsunderlag",
            "Beslutet ska skickas till",
            "Handläggare",
        ]
    );
    let texts: Vec<&str> = paragraphs.iter().map(|(_, t)| t.as_str()).collect();
    let at = |t: &str| texts.iter().position(|x| *x == t);
    let sender = at("Kommunledningskontoret").expect("the sender");
    let date = at("Datum: 12 mars 2026").expect("the date");
    let dnr = at("Dnr: ______").expect("a blank diarienummer");
    let to = at("Till kommunstyrelsen").expect("the addressee");
    let title = at(&matter).unwrap();
    assert!(
        sender < date && date < dnr && dnr < to && to < title,
        "{texts:?}"
    );
    // The hostile text as typed, its paragraphs kept; the handler last.
    assert!(texts.contains(
        &"# Inte en rubrik\n* inte en punkt <script>alert(1)</script>\n1. inte numrerad"
    ));
    assert_eq!(
        texts.iter().rev().find(|t| !t.is_empty()),
        Some(&"Märta Ödlund")
    );
    assert!(footer.contains("Tjänsteskrivelse – Kungsörs kommun"));
    converts_with_libreoffice(&bytes);
}

/// Without names the memo names nobody: its defaults count the participants,
/// and the officer in charge (by default the facilitator) is left blank unless
/// the user wrote it.
#[test]
fn anonymous_names_nobody_but_the_handler_the_user_wrote() {
    let mut s = fixture();
    s.facilitator = "Märta Ödlund".into();
    let anonymous = Options {
        anonymous: true,
        ..options()
    };
    for format in [Format::MemoMd, Format::MemoDocx] {
        let bytes = export::render(&s, format, &anonymous).unwrap();
        let text = match format {
            Format::MemoMd => String::from_utf8(bytes).unwrap(),
            _ => docx_paragraphs(&bytes)
                .0
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
                .join("\n"),
        };
        for name in s.participants().iter().map(|p| p.name.as_str()) {
            let first = name.split(' ').next().unwrap();
            for part in [name, first] {
                assert!(!text.contains(part), "{format:?} names {part}");
            }
        }
        assert!(!text.contains("Märta"), "{format:?}: the facilitator");
    }
    s.set_memo_part(MemoPart::Handler, "Märta Ödlund, strateg", start_time());
    let md = markdown(&s, anonymous);
    assert!(
        md.ends_with("## Handläggare\n\nMärta Ödlund, strateg\n"),
        "{md}"
    );
}

#[test]
fn exported_from_the_command_line() {
    let env = Env::new();
    let path = env.path().join("s.samspel.json");
    drop(samspel::store::Writer::create(&path, &small()).unwrap());
    for (format, file) in [("memo-md", "t.md"), ("memo-docx", "t.docx")] {
        let out = env.path().join(file);
        env.ok(&[
            "export",
            path.to_str().unwrap(),
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.len() > 100, "{format}");
    }
    let md = std::fs::read_to_string(env.path().join("t.md")).unwrap();
    assert!(md.starts_with("**Kommunledningskontoret**\n"), "{md}");
    assert_eq!(
        Format::MemoDocx.file_name("kungsor"),
        "kungsor-tjansteskrivelse.docx"
    );
    let help = env.ok(&["export", "--help"]);
    assert!(help.contains("memo-md eller memo-docx"), "{help}");
}
