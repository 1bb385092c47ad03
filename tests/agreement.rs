//! The draft agreement: compiled from a fixture session and exported as Markdown.

mod common;

use common::app::start_time;
use common::documents::{
    DocxMeta, column_against_the_rest, converts_with_libreoffice, docx_keeps, docx_meta,
    docx_paragraphs, fixture, tables_lay_out,
};
use common::{Env, HOSTILE};
use samspel::export::{self, Format, Options};
use samspel::i18n::Lang;
use samspel::model::Session;

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
    // The parties carry the pseudonyms they have as speakers (KSO 1, KD 6).
    assert!(md.contains("| Parter | Deltagare 1; Deltagare 6 |"), "{md}");
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
    let draft = samspel::model::draft_agreement::compile(&s);
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
    for q in samspel::model::draft_agreement::EVALUATION_QUESTIONS {
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

/// The header table and the action items' table lay out as Word should show
/// them: a grid as wide as the text, the action items' head repeated on every
/// page, what is to be done the widest column.
#[test]
fn the_word_tables_lay_out() {
    let bytes = export::render(&fixture(), Format::AgreementDocx, &Options::default()).unwrap();
    let tables = tables_lay_out(&bytes, &|first| first == "Vad");
    assert_eq!(tables.len(), 2, "{tables:?}");
    let (what, rest) = column_against_the_rest(&tables[1], "Vad");
    assert!(what > rest, "{:?}", tables[1]);
    let (values, keys) = column_against_the_rest(&tables[0], "Sjöbacka kommun");
    assert!(values > keys, "{:?}", tables[0]);
}

/// Word checks the spelling in Swedish (in British English for an English
/// export), and File › Info (and a PDF made from it) shows the document's
/// title, the facilitator as its author and the export's time: not "unknown"
/// on 1 January 1970. An anonymous export names nobody there either.
#[test]
fn the_word_document_says_its_language_title_author_and_date() {
    let mut s = fixture();
    let options = Options {
        now: start_time(),
        ..Options::default()
    };
    let meta = |s: &Session, options: &Options| {
        docx_meta(&export::render(s, Format::AgreementDocx, options).unwrap())
    };
    assert_eq!(
        meta(&s, &options),
        DocxMeta {
            lang: "sv-SE".into(),
            title: "Överenskommelse: Styra och leda tillsammans".into(),
            creator: "Gunnel Strand".into(),
            last_modified_by: "Gunnel Strand".into(),
            created: "2026-03-12T09:30:00Z".into(),
            modified: "2026-03-12T09:30:00Z".into(),
        }
    );
    let english = meta(
        &s,
        &Options {
            lang: Lang::En,
            ..options
        },
    );
    assert_eq!(english.lang, "en-GB");
    assert_eq!(english.title, "Agreement: Styra och leda tillsammans");
    let anonymous = Options {
        anonymous: true,
        ..options
    };
    assert_eq!(meta(&s, &anonymous).creator, "Sjöbacka kommun");
    s.facilitator.clear();
    let by_the_organisation = meta(&s, &options);
    assert_eq!(by_the_organisation.creator, "Sjöbacka kommun");
    assert_eq!(by_the_organisation.last_modified_by, "Sjöbacka kommun");
}

/// No heading stands alone at a page's foot: every heading keeps with the
/// paragraph after it, as does the status line ("Utkast") under a section's
/// heading, and the action items' head keeps with their first row.
#[test]
fn the_word_headings_keep_with_what_they_head() {
    let bytes = export::render(&fixture(), Format::AgreementDocx, &Options::default()).unwrap();
    let (paragraphs, tables) = docx_keeps(&bytes);
    let headings: Vec<_> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, (style, _, _))| style.starts_with("Heading") || style == "Title")
        .collect();
    assert!(headings.len() > 12, "{paragraphs:?}");
    for (i, (style, text, keeps)) in headings {
        assert!(keeps, "{style} {text:?} keeps with the next paragraph");
        if style == "Heading1" {
            let (_, status, keeps) = &paragraphs[i + 1];
            assert!(keeps, "the status {status:?} under {text:?}");
        }
    }
    assert_eq!(tables, [true, true], "the tables' first rows keep together");
}

#[test]
fn the_word_document_converts_with_libreoffice_when_it_is_installed() {
    let bytes = export::render(&fixture(), Format::AgreementDocx, &Options::default()).unwrap();
    converts_with_libreoffice(&bytes);
}
