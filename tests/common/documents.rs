//! Documents made from a worked session: the fixture, reading a .docx back, and
//! converting it with LibreOffice.

use samspel::i18n::Lang;
use samspel::model::{Item, Session, Speaker};

use super::HOSTILE;
use super::app::start_time;

/// The demo with the work of day 2 done: parties, a proposal, a voting, marks,
/// one section written, and a block's timer run over its plan.
pub fn fixture() -> Session {
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
    let timer = s.timer_mut("vad-ar-svart");
    timer.elapsed_secs = 34 * 60 + 10;
    s
}

/// The paragraphs of a .docx: (style, text), in order; and its styles and
/// footers as one text.
pub fn docx_paragraphs(bytes: &[u8]) -> (Vec<(String, String)>, String) {
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

/// Converts a .docx to PDF with LibreOffice, when it is installed (else says so
/// and checks nothing: CI machines need not have it).
pub fn converts_with_libreoffice(bytes: &[u8]) {
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
    let file = dir.path().join("dokument.docx");
    std::fs::write(&file, bytes).unwrap();
    let status = std::process::Command::new(office)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    assert!(dir.path().join("dokument.pdf").exists());
}
