//! The draft agreement: compiled from a fixture session and exported as Markdown.

mod common;

use common::app::start_time;
use common::{Env, HOSTILE};
use samspel::export::{self, Format, Options};
use samspel::i18n::Lang;
use samspel::model::{Item, Session, Speaker};

/// The demo with the work of day 2 done: parties, a proposal, a voting, marks,
/// and one section written.
fn fixture() -> Session {
    let now = start_time();
    let mut s = samspel::demo::session(Lang::Sv, now).unwrap();
    let kso = s.participant_named("Karin Lundberg").unwrap().id;
    let kd = s.participant_named("Per Åström").unwrap().id;
    s.set_parties(vec![kso, kd], now).unwrap();
    let hard: Vec<_> = s.answers_in("vad-ar-svart").map(|a| a.id).collect();
    let proposal = s
        .group_answers(&hard, "Mer tid för samtal om annat än akuta ärenden", now)
        .unwrap();
    s.set_proposal_marked(proposal, true, now);
    let hostile = s
        .add_answer(
            "hur-ska-samarbetet-se-ut",
            Speaker::Participant(kd),
            HOSTILE,
            true,
            now,
        )
        .unwrap();
    let meetings = s
        .add_answer(
            "hur-ska-samarbetet-se-ut",
            Speaker::Group,
            "KSO och KD ses varje måndag, 45 minuter.",
            true,
            now,
        )
        .unwrap();
    let v = s.start_voting(vec![Item::Answer(hostile), Item::Answer(meetings)], 3, now);
    s.set_dots(v, kso, Item::Answer(meetings), 3, now).unwrap();
    s.set_section_text(
        "inledning",
        "Vi leder Sjöbacka tillsammans.\nVisionen är vår gemensamma berättelse.",
        now,
    )
    .unwrap();
    s.set_section_done("inledning", true, now).unwrap();
    s
}

fn markdown(session: &Session, options: Options) -> String {
    String::from_utf8(export::render(session, Format::AgreementMd, &options).unwrap()).unwrap()
}

#[test]
fn the_draft_agreement_in_markdown() {
    let s = fixture();
    insta::assert_snapshot!("agreement_md", markdown(&s, Options::default()));
    let with_sources = Options {
        sources: true,
        ..Options::default()
    };
    insta::assert_snapshot!("agreement_md_sources", markdown(&s, with_sources));
}

#[test]
fn unmarked_answers_never_appear() {
    let s = fixture();
    let all = markdown(
        &s,
        Options {
            sources: true,
            ..Options::default()
        },
    );
    for a in s
        .answers()
        .iter()
        .filter(|a| !a.marked && s.grouped_in(a.id).is_none())
    {
        let first_line = a.text.lines().next().unwrap();
        assert!(
            !all.contains(first_line),
            "unmarked answer in the draft: {first_line}"
        );
    }
}

#[test]
fn anonymous_with_sources_names_nobody() {
    let s = fixture();
    let md = markdown(
        &s,
        Options {
            sources: true,
            anonymous: true,
            ..Options::default()
        },
    );
    for p in s.participants() {
        assert!(!md.contains(&p.name), "{} named", p.name);
    }
    assert!(md.contains("Deltagare 1"));
}

#[test]
fn exported_from_the_command_line() {
    let env = Env::new();
    let path = env.path().join("s.samspel.json");
    drop(samspel::store::Writer::create(&path, &fixture()).unwrap());
    let out = env.path().join("overenskommelse.md");
    env.ok(&[
        "export",
        path.to_str().unwrap(),
        "--format",
        "agreement-md",
        "--out",
        out.to_str().unwrap(),
    ]);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# Överenskommelse: Styra och leda tillsammans\n"));
    assert!(md.contains("**UTKAST – inte beslutat**"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// The paragraphs of a .docx: (style, text), in order.
fn docx_paragraphs(bytes: &[u8]) -> (Vec<(String, String)>, String) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let read = |archive: &mut zip::ZipArchive<_>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let document = read(&mut archive, "word/document.xml");
    let styles = read(&mut archive, "word/styles.xml");
    let footers: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with("word/footer"))
        .map(String::from)
        .collect();
    let footer: String = footers.iter().map(|n| read(&mut archive, n)).collect();
    let xml = roxmltree::Document::parse(&document).unwrap();
    let paragraphs = xml
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name("pStyle"))
                .and_then(|n| {
                    n.attributes()
                        .find(|a| a.name() == "val")
                        .map(|a| a.value().to_string())
                })
                .unwrap_or_default();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name("t") || n.has_tag_name("br"))
                .map(|n| {
                    if n.has_tag_name("br") {
                        "\n"
                    } else {
                        n.text().unwrap_or("")
                    }
                })
                .collect();
            (style, text)
        })
        .collect();
    (paragraphs, format!("{styles}\n{footer}"))
}

#[test]
fn the_word_document_has_real_headings_every_item_and_the_header() {
    let s = fixture();
    let bytes = export::render(&s, Format::AgreementDocx, &Options::default()).unwrap();
    let (paragraphs, styles_and_footer) = docx_paragraphs(&bytes);
    let headings: Vec<&str> = paragraphs
        .iter()
        .filter(|(style, _)| style == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    let expected: Vec<String> = s
        .program()
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| format!("{}. {}", i + 1, sec.title))
        .collect();
    assert_eq!(headings, expected);
    let all: String = paragraphs.iter().map(|(_, t)| format!("{t}\n")).collect();
    let draft = samspel::agreement::compile(&s);
    for item in draft
        .sections
        .iter()
        .filter(|x| x.agreed.is_empty())
        .flat_map(|x| &x.items)
    {
        assert!(all.contains(&item.text), "missing item: {}", item.text);
    }
    for header in [
        "Sjöbacka kommun",
        "Karin Lundberg, kommunstyrelsens ordförande (KSO); Per Åström, kommundirektör (KD)",
        "13 mars 2026",
        "13 mars 2027",
        "1 (utkast)",
        "UTKAST – inte beslutat",
        "Vi leder Sjöbacka tillsammans.\nVisionen är vår gemensamma berättelse.",
        "Förslag på fast mötesstruktur KSO–KD",
    ] {
        assert!(all.contains(header), "missing {header:?}");
    }
    for q in samspel::agreement::EVALUATION_QUESTIONS {
        assert!(all.contains(q));
    }
    assert!(
        all.contains(HOSTILE.split('\n').next().unwrap()),
        "hostile text kept as text"
    );
    assert!(styles_and_footer.contains("heading 1") && styles_and_footer.contains("outlineLvl"));
    assert!(
        styles_and_footer.contains("PAGE"),
        "page numbers in the footer"
    );
}

#[test]
fn the_word_document_converts_with_libreoffice_when_it_is_installed() {
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        eprintln!("LibreOffice is not installed: conversion not checked");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("overenskommelse.docx");
    let bytes = export::render(&fixture(), Format::AgreementDocx, &Options::default()).unwrap();
    std::fs::write(&file, bytes).unwrap();
    let status = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(dir.path().join("overenskommelse.pdf").exists());
}
