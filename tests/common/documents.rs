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
    s.set_parties(samspel::model::MAIN, vec![kso, kd], now)
        .unwrap();
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
        samspel::model::MAIN,
        "inledning",
        "Vi leder Sjöbacka tillsammans.\nVisionen är vår gemensamma berättelse.",
        now,
    )
    .unwrap();
    s.set_section_done(samspel::model::MAIN, "inledning", true, now)
        .unwrap();
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

/// Converts a .docx to PDF with LibreOffice, when it is installed; else says so
/// and checks nothing, except under `CI=true`, where `.ci/run` installs it and
/// a missing LibreOffice is a failure (CI never passes by skipping).
pub fn converts_with_libreoffice(bytes: &[u8]) {
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(
            !ci,
            "CI=true but LibreOffice is not installed (.ci/run installs it)"
        );
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

/// A table of a .docx as Word lays it out: its grid, and per row whether it is
/// a header row that repeats on every page, whether it may split across pages,
/// and its cells (width, text).
#[derive(Debug)]
pub struct DocxTable {
    pub grid: Vec<u32>,
    pub rows: Vec<DocxRow>,
}

#[derive(Debug)]
pub struct DocxRow {
    pub header: bool,
    pub cant_split: bool,
    pub cells: Vec<(u32, String)>,
}

/// The tables of a .docx, and the width of its page's text (the page less its
/// left and right margins), in twips.
pub fn docx_tables(bytes: &[u8]) -> (Vec<DocxTable>, u32) {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut document = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut document,
    )
    .unwrap();
    let xml = roxmltree::Document::parse(&document).unwrap();
    let attr = |node: roxmltree::Node, name: &str| -> u32 {
        let value = node.attributes().find(|a| a.name() == name).unwrap();
        value.value().parse().unwrap()
    };
    let body = xml.descendants().find(|n| n.has_tag_name("body")).unwrap();
    let section = child(body, "sectPr").expect("the page's size and margins");
    let page = attr(child(section, "pgSz").unwrap(), "w");
    let margins = child(section, "pgMar").unwrap();
    let text_width = page - attr(margins, "left") - attr(margins, "right");
    let tables = xml
        .descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .map(|table| {
            let elements: Vec<&str> = table
                .children()
                .filter(|n| n.is_element())
                .map(|n| n.tag_name().name())
                .collect();
            // The schema's order: properties, the grid, then the rows.
            assert_eq!(&elements[..2], ["tblPr", "tblGrid"], "{elements:?}");
            let grid = child(table, "tblGrid")
                .unwrap()
                .children()
                .filter(|n| n.has_tag_name("gridCol"))
                .map(|col| attr(col, "w"))
                .collect();
            let rows = table
                .children()
                .filter(|n| n.has_tag_name("tr"))
                .map(|row| {
                    let properties = child(row, "trPr");
                    let has = |name: &str| properties.and_then(|p| child(p, name)).is_some();
                    let cells = row
                        .children()
                        .filter(|n| n.has_tag_name("tc"))
                        .map(|cell| {
                            let width = child(cell, "tcPr").and_then(|p| child(p, "tcW"));
                            let text = cell
                                .descendants()
                                .filter(|n| n.has_tag_name("t"))
                                .filter_map(|n| n.text())
                                .collect();
                            (width.map_or(0, |w| attr(w, "w")), text)
                        })
                        .collect();
                    DocxRow {
                        header: has("tblHeader"),
                        cant_split: has("cantSplit"),
                        cells,
                    }
                })
                .collect();
            DocxTable { grid, rows }
        })
        .collect();
    (tables, text_width)
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name(name))
}

/// What every table of a Word export must be: a grid as wide as the page's
/// text, every cell as wide as its column, and a header row (when the first
/// row is one, as `headed` says by its first cell) that repeats on every page
/// and no other. Returns the tables.
pub fn tables_lay_out(bytes: &[u8], headed: &dyn Fn(&str) -> bool) -> Vec<DocxTable> {
    let (tables, text_width) = docx_tables(bytes);
    assert!(!tables.is_empty());
    for table in &tables {
        assert_eq!(table.grid.iter().sum::<u32>(), text_width, "{table:?}");
        for (i, row) in table.rows.iter().enumerate() {
            let widths: Vec<u32> = row.cells.iter().map(|(w, _)| *w).collect();
            assert_eq!(widths, table.grid, "cell widths of row {i}: {table:?}");
            let first = &row.cells[0].1;
            assert_eq!(
                row.header,
                i == 0 && headed(first),
                "header row {i}: {table:?}"
            );
            let short = row
                .cells
                .iter()
                .map(|(_, t)| t.chars().count())
                .sum::<usize>()
                < 100;
            assert!(
                !short || row.cant_split,
                "a short row stays on one page: {row:?}"
            );
        }
    }
    tables
}

/// The width of the column whose header is `head`, and the widest of the others.
pub fn column_against_the_rest(table: &DocxTable, head: &str) -> (u32, u32) {
    let at = table.rows[0]
        .cells
        .iter()
        .position(|(_, t)| t == head)
        .unwrap();
    let others = table.grid.iter().enumerate().filter(|(i, _)| *i != at);
    (table.grid[at], others.map(|(_, w)| *w).max().unwrap())
}

/// One part of a .docx, e.g. "docProps/core.xml", as text.
pub fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
    text
}

/// What a .docx says about itself: the language of its default run
/// properties (what Word checks the spelling in), and its core properties.
#[derive(Debug, PartialEq)]
pub struct DocxMeta {
    pub lang: String,
    pub title: String,
    pub creator: String,
    pub last_modified_by: String,
    pub created: String,
    pub modified: String,
}

pub fn docx_meta(bytes: &[u8]) -> DocxMeta {
    let value = |node: roxmltree::Node| {
        let val = node.attributes().find(|a| a.name() == "val");
        val.map(|a| a.value().to_string()).unwrap_or_default()
    };
    let styles = docx_part(bytes, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles).unwrap();
    let lang = styles
        .descendants()
        .find(|n| n.has_tag_name("rPrDefault"))
        .and_then(|d| d.descendants().find(|n| n.has_tag_name("lang")))
        .map(value)
        .unwrap_or_default();
    let core = docx_part(bytes, "docProps/core.xml");
    let core = roxmltree::Document::parse(&core).unwrap();
    let field = |name: &str| {
        core.descendants()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string()
    };
    DocxMeta {
        lang,
        title: field("title"),
        creator: field("creator"),
        last_modified_by: field("lastModifiedBy"),
        created: field("created"),
        modified: field("modified"),
    }
}

/// The body's paragraphs outside tables, in order: (style, text, whether it
/// keeps with the next paragraph), and per table whether its first row's
/// paragraphs keep with the next row.
pub fn docx_keeps(bytes: &[u8]) -> (Vec<(String, String, bool)>, Vec<bool>) {
    let document = docx_part(bytes, "word/document.xml");
    let xml = roxmltree::Document::parse(&document).unwrap();
    let body = xml.descendants().find(|n| n.has_tag_name("body")).unwrap();
    let keeps =
        |p: roxmltree::Node| child(p, "pPr").is_some_and(|ppr| child(ppr, "keepNext").is_some());
    let paragraphs = body
        .children()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            let style = child(p, "pPr")
                .and_then(|ppr| child(ppr, "pStyle"))
                .and_then(|s| s.attributes().find(|a| a.name() == "val"))
                .map(|a| a.value().to_string())
                .unwrap_or_default();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|n| n.text())
                .collect();
            (style, text, keeps(p))
        })
        .collect();
    let tables = body
        .children()
        .filter(|n| n.has_tag_name("tbl"))
        .map(|table| {
            let first = table.children().find(|n| n.has_tag_name("tr")).unwrap();
            first
                .descendants()
                .filter(|n| n.has_tag_name("p"))
                .all(keeps)
        })
        .collect();
    (paragraphs, tables)
}
