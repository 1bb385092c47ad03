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
    // The parties keep their roles: the document is about the roles.
    assert!(
        md.contains("| Parter | kommunstyrelsens ordförande (KSO); kommundirektör (KD) |"),
        "{md}"
    );
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
    let title = "Överenskommelse om ansvar, roller och samspel mellan politik och \
                 tjänsteorganisation i Sjöbacka kommun";
    assert!(md.starts_with(&format!("# {title}\n")), "{md}");
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
    let draft = samspel::model::draft_agreement::compile(&s, samspel::i18n::Lang::Sv);
    let expected: Vec<String> = draft
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| format!("{}. {}", i + 1, sec.title))
        .collect();
    assert_eq!(headings, expected);
    assert_eq!(
        expected[2],
        "3. Förtroendevaldas och kommunstyrelsens ordförandes uppdrag och ansvar"
    );
    let all: String = paragraphs.iter().map(|(_, t)| format!("{t}\n")).collect();
    for item in draft.sections.iter().flat_map(|x| &x.items) {
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
            title: "Överenskommelse om ansvar, roller och samspel mellan politik och \
                    tjänsteorganisation i Sjöbacka kommun"
                .into(),
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
            ..options.clone()
        },
    );
    assert_eq!(english.lang, "en-GB");
    assert!(
        english.title.starts_with("Agreement on "),
        "{}",
        english.title
    );
    let anonymous = Options {
        anonymous: true,
        ..options.clone()
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
        // A short paragraph under a section's heading keeps with what follows
        // it in the section, but not with the next section's heading: that
        // would chain the sections into one block no page can break.
        if style == "Heading1" && i + 2 < paragraphs.len() {
            let (_, short, keeps) = &paragraphs[i + 1];
            let (next, _, _) = &paragraphs[i + 2];
            if !next.starts_with("Heading") && short.chars().count() < 100 {
                assert!(keeps, "{short:?} under {text:?}");
            } else if next == "Heading1" {
                assert!(
                    !keeps,
                    "{short:?} under {text:?} chains to the next section"
                );
            }
        }
    }
    assert_eq!(tables, [true, true], "the tables' first rows keep together");
}

#[test]
fn the_word_document_converts_with_libreoffice_when_it_is_installed() {
    let bytes = export::render(&fixture(), Format::AgreementDocx, &Options::default()).unwrap();
    converts_with_libreoffice(&bytes);
}

fn final_text() -> Options {
    Options {
        final_text: true,
        ..Options::default()
    }
}

/// The final agreement holds only what the group agreed: no status, no
/// material, no section without text; it ends with the decision block and a
/// signature line for each party.
#[test]
fn the_final_agreement_in_markdown() {
    let mut s = fixture();
    let now = common::app::start_time();
    s.set_section_text(
        samspel::model::MAIN,
        "samarbete",
        "Vi ska mötas varje vecka.",
        now,
    )
    .unwrap();
    let md = markdown(&s, final_text());
    insta::assert_snapshot!("agreement_md_final", md);
    for absent in [
        "UTKAST",
        "utkast",
        "Underlag att formulera",
        "Inget underlag",
        "avsnitt är klara",
        "Klar",
        "KSO och KD ses varje måndag",
    ] {
        assert!(!md.contains(absent), "{absent:?} in the final");
    }
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## 1\\. Inledning – vårt gemensamma ansvar",
            "## 2\\. Vårt samarbete",
            "## 3\\. Utvecklingsområden och uppdrag",
            "## Beslut",
            "## Underskrifter",
        ]
    );
    for present in [
        "| Beslutad av |  |",
        "| Diarienummer |  |",
        "| Version | 1 |",
        "Karin Lundberg, kommunstyrelsens ordförande (KSO)",
        "Per Åström, kommundirektör (KD)",
    ] {
        assert!(md.contains(present), "{present:?} missing:\n{md}");
    }
}

#[test]
fn the_final_keeps_the_parties_roles_when_anonymous() {
    let s = fixture();
    let md = markdown(
        &s,
        Options {
            anonymous: true,
            ..final_text()
        },
    );
    for p in s.participants() {
        assert!(!md.contains(&p.name), "{} named", p.name);
    }
    let signed: Vec<&str> = md
        .lines()
        .skip_while(|l| *l != "## Underskrifter")
        .filter(|l| l.contains("(KSO)") || l.contains("(KD)"))
        .collect();
    assert_eq!(
        signed,
        ["kommunstyrelsens ordförande (KSO)", "kommundirektör (KD)"]
    );
}

#[test]
fn the_final_word_document_has_no_draft_stamp_and_a_decision_block() {
    let mut s = fixture();
    s.set_section_text(
        samspel::model::MAIN,
        "samarbete",
        "Vi ska mötas varje vecka.",
        common::app::start_time(),
    )
    .unwrap();
    let bytes = export::render(&s, Format::AgreementDocx, &final_text()).unwrap();
    let (paragraphs, styles_and_footer) = docx_paragraphs(&bytes);
    let all: String = paragraphs.iter().map(|(_, t)| format!("{t}\n")).collect();
    assert!(!all.contains("UTKAST") && !styles_and_footer.contains("UTKAST"));
    assert!(!all.contains("Underlag att formulera"));
    let headings: Vec<&str> = paragraphs
        .iter()
        .filter(|(style, _)| style == "Heading1")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "1. Inledning – vårt gemensamma ansvar",
            "2. Vårt samarbete",
            "3. Utvecklingsområden och uppdrag",
            "Beslut",
            "Underskrifter",
        ]
    );
    assert!(all.contains("Beslutad av") && all.contains("Diarienummer"));
    assert!(all.contains("Per Åström, kommundirektör (KD)"));
}

/// The agreement from a script: title, parties and a section's text, action
/// items, and the final; each wrong input refused with one sentence and the
/// session left as it was.
#[test]
fn scripts_write_the_agreement_and_its_action_items() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let session = path.to_str().unwrap();
    let before = std::fs::read(&path).unwrap();
    for (args, says) in [
        (
            vec!["agreement", session, "--parties", "Åsa Öberg", "Nisse"],
            "Det finns ingen deltagare som heter ”Nisse”",
        ),
        (
            vec!["agreement", session, "--section", "finns-inte", "Text"],
            "Det finns inget avsnitt med id ”finns-inte”",
        ),
        (
            vec![
                "add-action",
                session,
                "--what",
                "X",
                "--who",
                "KSO",
                "--by",
                "2026-02-30",
            ],
            "Datumet ”2026-02-30” finns inte",
        ),
        (
            vec![
                "add-action",
                session,
                "--what",
                "X",
                "--who",
                "KSO",
                "--block",
                "nej",
            ],
            "Det finns inget block med id ”nej”",
        ),
    ] {
        let out = env.run(&args);
        assert!(!out.status.success(), "{args:?}");
        let said = common::stderr(&out);
        assert!(said.contains(says), "{args:?}: {said}");
        assert_eq!(said.lines().count(), 1, "{said}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    env.ok(&[
        "agreement",
        session,
        "--title",
        "Vår överenskommelse – åäö",
        "--parties",
        "Jörgen Ståhl",
        "Åsa Öberg",
        "--section",
        "samarbete",
        "KSO och kommundirektören ska ses varje vecka.",
        "--section",
        "inledning",
        "Vi leder tillsammans.",
    ]);
    env.ok(&[
        "add-action",
        session,
        "--what",
        "Förslag på mötesstruktur",
        "--who",
        "Jörgen Ståhl",
        "--by",
        "2026-04-30",
        "--block",
        "vad-behover-forbattras",
    ]);
    let out = env.path().join("slutlig.md");
    env.ok(&[
        "export",
        session,
        "--format",
        "agreement-md",
        "--final",
        "--out",
        out.to_str().unwrap(),
    ]);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# Vår överenskommelse – åäö\n"), "{md}");
    assert!(
        md.contains(
            "| Parter | Jörgen Ståhl, kommundirektör; Åsa Öberg, kommunstyrelsens ordförande |"
        ),
        "{md}"
    );
    assert!(md.contains("## 1\\. Inledning – vårt gemensamma ansvar\n\nVi leder tillsammans."));
    assert!(md.contains("## 2\\. Vårt samarbete\n\nKSO och kommundirektören ska ses varje vecka."));
    assert!(
        md.contains("| Förslag på mötesstruktur | Jörgen Ståhl | 30 april 2026 |"),
        "{md}"
    );
}

/// A session holds more than one agreement: the oppositionsråd and the
/// director on the same rules, exported by its id.
#[test]
fn a_second_agreement_is_made_written_and_exported_by_its_id() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let session = path.to_str().unwrap();
    env.ok(&[
        "agreement",
        session,
        "--section",
        "samarbete",
        "Vi ses varje vecka.",
    ]);
    let id = env.ok(&[
        "agreement",
        session,
        "--new",
        "Oppositionsrådet och kommundirektören",
        "--parties",
        "Jörgen Ståhl",
    ]);
    assert_eq!(id.trim(), "oppositionsradet-och-kommundirektoren");
    let id = id.trim();
    env.ok(&[
        "agreement",
        session,
        "--agreement",
        id,
        "--section",
        "kontakter",
        "Oppositionsrådet får samma underlag som KSO.",
    ]);
    let before = std::fs::read(&path).unwrap();
    for (args, says) in [
        (
            vec![
                "agreement",
                session,
                "--agreement",
                "nej",
                "--section",
                "kontakter",
                "x",
            ],
            "Det finns ingen överenskommelse med id ”nej”; de som finns: huvud, oppositionsradet-och-kommundirektoren.",
        ),
        (
            vec![
                "agreement",
                session,
                "--new",
                "Oppositionsrådet och kommundirektören",
            ],
            "Det finns redan en överenskommelse med id ”oppositionsradet-och-kommundirektoren”.",
        ),
    ] {
        let out = env.run(&args);
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(common::stderr(&out).trim(), format!("samspel: {says}"));
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    let export = |agreement: Option<&str>| {
        let out = env.path().join("ut.md");
        let mut args = vec![
            "export",
            session,
            "--format",
            "agreement-md",
            "--final",
            "--force",
        ];
        args.extend(["--out", out.to_str().unwrap()]);
        if let Some(id) = agreement {
            args.extend(["--agreement", id]);
        }
        env.ok(&args);
        std::fs::read_to_string(&out).unwrap()
    };
    let other = export(Some(id));
    assert!(
        other
            .lines()
            .next()
            .unwrap()
            .ends_with("– Oppositionsrådet och kommundirektören"),
        "{other}"
    );
    assert!(
        other.contains("| Parter | Jörgen Ståhl, kommundirektör |"),
        "{other}"
    );
    // Its text started from the main agreement's, and then went its own way.
    assert!(other.contains("Vi ses varje vecka."), "{other}");
    assert!(
        other.contains("Oppositionsrådet får samma underlag som KSO."),
        "{other}"
    );
    let main = export(None);
    assert!(
        !main.contains("Oppositionsrådet får samma underlag"),
        "{main}"
    );
    assert!(
        main.contains("Åsa Öberg, kommunstyrelsens ordförande"),
        "{main}"
    );
    let out = env.run(&[
        "export",
        session,
        "--format",
        "agreement-md",
        "--agreement",
        "nej",
        "--out",
        "/tmp/x.md",
    ]);
    assert!(common::stderr(&out).contains("Det finns ingen överenskommelse med id ”nej”"));
    let shown = env.ok(&["show", session]);
    assert!(
        shown.contains(
            "  oppositionsradet-och-kommundirektoren  Oppositionsrådet och kommundirektören"
        ),
        "{shown}"
    );
}

/// Without names means without names typed into the text too.
#[test]
fn an_anonymous_agreement_names_nobody_in_its_text_either() {
    let mut s = fixture();
    let now = common::app::start_time();
    s.set_section_text(
        samspel::model::MAIN,
        "samarbete",
        "Karin Lundberg och Per Åström ses varje måndag.",
        now,
    )
    .unwrap();
    for final_text in [false, true] {
        let options = Options {
            anonymous: true,
            final_text,
            ..Options::default()
        };
        let md = markdown(&s, options.clone());
        assert!(!md.contains("Karin") && !md.contains("Åström"), "{md}");
        assert!(md.contains("ses varje måndag"), "{md}");
        let bytes = export::render(&s, Format::AgreementDocx, &options).unwrap();
        let (paragraphs, _) = docx_paragraphs(&bytes);
        assert!(
            paragraphs.iter().all(|(_, t)| !t.contains("Karin")),
            "{paragraphs:?}"
        );
    }
}

/// The yearly follow-up starts from last year's session (#18.1): its agreed
/// text is this year's starting text as version 2, its parties and action
/// items come along, and last year's file is only read.
#[test]
fn the_follow_up_starts_from_last_years_session() {
    let env = Env::new();
    let last = env.new_session("skr-tva-dagar");
    let last_arg = last.to_str().unwrap();
    env.ok(&[
        "agreement",
        last_arg,
        "--section",
        "samarbete",
        "KSO och kommundirektören ses varje vecka.",
        "--section",
        "kontakter",
        "Media: KSO svarar för vad, förvaltningen för hur.",
    ]);
    env.ok(&[
        "add-action",
        last_arg,
        "--what",
        "Mötesstruktur",
        "--who",
        "Jörgen Ståhl",
        "--by",
        "2026-05-01",
    ]);
    let before = std::fs::read(&last).unwrap();
    let new = |from: &str| {
        env.run(&[
            "new",
            "--program",
            "arlig-uppfoljning",
            "--org",
            "Kungsörs kommun",
            "--date",
            "2027-03-11",
            "--from",
            from,
        ])
    };
    let out = new(last_arg);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let this = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        std::fs::read(&last).unwrap(),
        before,
        "last year's file is only read"
    );
    let md = env.path().join("uppfoljning.md");
    env.ok(&[
        "export",
        this.trim(),
        "--format",
        "agreement-md",
        "--out",
        md.to_str().unwrap(),
    ]);
    let md = std::fs::read_to_string(md).unwrap();
    for carried in [
        "KSO och kommundirektören ses varje vecka.",
        "Media: KSO svarar för vad, förvaltningen för hur.",
        "| Version | 2 (utkast) |",
        "Åsa Öberg, kommunstyrelsens ordförande; Jörgen Ståhl, kommundirektör",
        "| Mötesstruktur | Jörgen Ståhl | 1 maj 2026 |",
        "| Nästa översyn | 11 mars 2028 |",
    ] {
        assert!(md.contains(carried), "{carried:?} not carried over:\n{md}");
    }
    // Change one section, remove one, add one: the Markdown shows it word by word.
    env.ok(&[
        "agreement",
        this.trim(),
        "--section",
        "samarbete",
        "KSO och kommundirektören ses varannan vecka.",
        "--section",
        "kontakter",
        "",
        "--section",
        "inledning",
        "Vi leder Kungsör tillsammans – <åäö> *fritt*.",
    ]);
    let diff = env.path().join("andringar.md");
    env.ok(&[
        "export",
        this.trim(),
        "--format",
        "agreement-md",
        "--changes",
        "--out",
        diff.to_str().unwrap(),
    ]);
    let diff = std::fs::read_to_string(diff).unwrap();
    for marked in [
        "oförändrade: 0, ändrade: 1, nya: 1, borttagna: 1",
        "KSO och kommundirektören ses ~~varje~~ **varannan** vecka.",
        "~~Media: KSO svarar för vad, förvaltningen för hur.~~",
        "**Vi leder Kungsör tillsammans – <åäö> \\*fritt\\*.**",
    ] {
        assert!(diff.contains(marked), "{marked:?} not in:\n{diff}");
    }
    let out = env.run(&[
        "export",
        this.trim(),
        "--format",
        "agreement-docx",
        "--changes",
        "--out",
        "/tmp/x.docx",
    ]);
    assert!(common::stderr(&out).contains("--changes finns än så länge bara för agreement-md"));
    // A session with nothing agreed, and a file that is no session, are refused.
    let empty = env.new_session("skr-en-dag");
    let out = new(empty.to_str().unwrap());
    assert!(!out.status.success());
    assert!(common::stderr(&out).contains("har ingen överenskommen text att följa upp"));
    let junk = env.path().join("skrap.json");
    std::fs::write(&junk, "{\"inte\": \"en session\"}").unwrap();
    let out = new(junk.to_str().unwrap());
    assert!(!out.status.success());
    assert_eq!(
        common::stderr(&out).lines().count(),
        1,
        "{}",
        common::stderr(&out)
    );
    assert_eq!(std::fs::read(&junk).unwrap(), b"{\"inte\": \"en session\"}");
}
