//! Built-in programs are complete and valid; broken program files get precise errors.

use samspel::i18n::{Lang, Localize};
use samspel::model::{BlockKind, clock};
use samspel::programs::{self, ProgramError};

const SEVEN: [&str; 7] = [
    "fortroendevaldas-uppdrag",
    "chefers-uppdrag",
    "vad-ar-svart",
    "fortroendevalda-behover",
    "chefer-behover",
    "vad-behover-forbattras",
    "hur-ska-samarbetet-se-ut",
];

const SECTIONS: [&str; 12] = [
    "parter",
    "inledning",
    "ordforande",
    "direktor",
    "gemensamt-ansvar",
    "kontakter",
    "samarbete",
    "beslutsprocessen",
    "forhallningssatt",
    "nar-det-skaver",
    "utveckling",
    "uppfoljning",
];

fn built_ins() -> Vec<samspel::model::Program> {
    programs::built_in_ids()
        .map(|id| programs::built_in(id).unwrap().unwrap())
        .collect()
}

#[test]
fn there_are_three_built_in_programs_and_each_is_valid() {
    let ids: Vec<&str> = programs::built_in_ids().collect();
    assert_eq!(ids, ["skr-en-dag", "skr-tva-dagar", "arlig-uppfoljning"]);
    for program in built_ins() {
        assert_eq!(programs::validate(&program), vec![], "{}", program.id);
        assert!(programs::is_valid_id(&program.id));
    }
}

#[test]
fn every_built_in_program_has_the_seven_skr_questions_verbatim() {
    let wording = [
        "Förtroendevaldas ansvar och uppdrag – hur ser det ut och vad ingår?",
        "Chefers ansvar och uppdrag – hur ser det ut och vad ingår?",
        "Vad är svårt?",
        "Vad behöver förtroendevalda av cheferna för att samarbetet ska fungera bra?",
        "Vad behöver cheferna av förtroendevalda för att samarbetet ska fungera bra?",
        "Vad behöver förbättras?",
        "Hur ska vårt samarbete se ut?",
    ];
    for program in built_ins() {
        for (id, question) in SEVEN.iter().zip(wording) {
            let block = program
                .block(id)
                .unwrap_or_else(|| panic!("{} lacks {id}", program.id));
            assert_eq!(block.kind, BlockKind::Question);
            assert_eq!(block.question.as_deref(), Some(question));
            assert!(block.source.as_deref().unwrap().contains("SKR"));
        }
    }
}

#[test]
fn together_the_programs_cover_every_theme_and_the_evaluation_questions() {
    let all: Vec<String> = built_ins()
        .iter()
        .flat_map(|p| p.blocks().map(|(_, b)| b.id.clone()).collect::<Vec<_>>())
        .collect();
    for theme in [
        "centralt",
        "forhallningssatt",
        "resiliens",
        "kontakter",
        "mal",
        "gyllene-zonen",
        "oklart-i-riktlinjen",
        "riktlinjen-kand",
        "egen-roll",
        "fortroende-for-andra-roller",
        "prioritering",
        "skriva-overenskommelsen",
    ] {
        assert!(all.iter().any(|id| id == theme), "no program has {theme}");
    }
    let follow_up = programs::built_in("arlig-uppfoljning").unwrap().unwrap();
    let q = follow_up.block("oklart-i-riktlinjen").unwrap();
    assert_eq!(
        q.question.as_deref(),
        Some(
            "Är det något som är oklart i överenskommelsen, där risk finns att tolka budskapet olika? Vad i så fall? Förslag på att förbättra?"
        )
    );
}

/// The follow-up asks Kungsör's evaluation questions as the agreement lists
/// them, adapted alike: about the överenskommelse, in mended Swedish.
#[test]
fn the_follow_up_asks_the_agreements_evaluation_questions() {
    let follow_up = programs::built_in("arlig-uppfoljning").unwrap().unwrap();
    let asked: Vec<&str> = [
        "oklart-i-riktlinjen",
        "riktlinjen-kand",
        "egen-roll",
        "fortroende-for-andra-roller",
    ]
    .iter()
    .map(|id| follow_up.block(id).unwrap().question.as_deref().unwrap())
    .collect();
    assert_eq!(asked, samspel::model::draft_agreement::EVALUATION_QUESTIONS);
    for q in asked {
        assert!(!q.contains("riktlinje") && !q.contains("egna roll"), "{q}");
    }
}

#[test]
fn every_program_has_the_stable_sections_and_blocks_feed_only_them() {
    for program in built_ins() {
        let ids: Vec<&str> = program.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, SECTIONS, "{}", program.id);
        for (_, block) in program.blocks() {
            if block.kind == BlockKind::Question {
                assert!(!block.sections.is_empty(), "{} feeds nothing", block.id);
            }
        }
    }
}

#[test]
fn time_plans_add_up_with_breaks_lunch_and_an_end() {
    for program in built_ins() {
        for day in &program.days {
            let slots = day.schedule();
            for pair in slots.windows(2) {
                assert_eq!(pair[0].end, pair[1].start, "gap in {}", program.id);
            }
            assert_eq!(slots.last().unwrap().end, day.end_minute());
            assert!(day.blocks.iter().any(|b| b.kind == BlockKind::Break));
            assert!(day.end_minute() <= 17 * 60, "{} ends late", program.id);
        }
        let long_days = program.days.iter().filter(|d| d.planned_minutes() > 5 * 60);
        for day in long_days {
            assert!(
                day.blocks.iter().any(|b| b.title == "Lunch"),
                "{}: a full day has lunch",
                program.id
            );
        }
    }
    let one_day = programs::built_in("skr-en-dag").unwrap().unwrap();
    assert_eq!(clock(one_day.days[0].start_minute()), "09:00");
    assert_eq!(clock(one_day.days[0].end_minute()), "16:20");
}

/// Every section of the agreement gets material from the room before the
/// group writes it: at least one question block feeds it, and every block that
/// feeds a section comes before the first writing block. Only `parter` is left
/// without: its text about the legal basis is given, not asked for.
#[test]
fn every_section_but_the_parties_is_fed_before_the_writing() {
    for program in built_ins() {
        let blocks: Vec<_> = program.blocks().map(|(_, b)| b).collect();
        let writing = blocks
            .iter()
            .position(|b| b.kind == BlockKind::Agreement)
            .unwrap_or_else(|| panic!("{} has no writing block", program.id));
        for (at, block) in blocks.iter().enumerate() {
            if !block.sections.is_empty() {
                assert!(
                    at < writing,
                    "{}: {} feeds {:?} after the writing starts",
                    program.id,
                    block.id,
                    block.sections
                );
            }
        }
        for section in SECTIONS.iter().filter(|&&s| s != "parter") {
            let fed = blocks
                .iter()
                .any(|b| b.kind == BlockKind::Question && b.sections.iter().any(|s| s == section));
            assert!(fed, "{}: nothing feeds {section}", program.id);
        }
    }
}

/// The writing gets the time it takes: four to five minutes a section in a
/// workshop, a little less in the follow-up, which starts from last year's text.
#[test]
fn the_writing_block_has_time_for_every_section() {
    for program in built_ins() {
        let sections = program.sections.len() as u32;
        let (_, writing) = program
            .blocks()
            .find(|(_, b)| b.kind == BlockKind::Agreement)
            .unwrap();
        let least = match program.id.as_str() {
            "arlig-uppfoljning" => sections * 3,
            _ => sections * 4,
        };
        assert!(
            (least..=sections * 5).contains(&writing.minutes),
            "{}: {} minutes to write {sections} sections",
            program.id,
            writing.minutes
        );
    }
}

/// A valid program as JSON text, for breaking in the tests below.
fn valid() -> serde_json::Value {
    serde_json::json!({
        "id": "egen",
        "title": "Eget program",
        "sections": [{"id": "samarbete", "title": "Vårt samarbete"}],
        "days": [{"start": "09:00", "blocks": [
            {"id": "mal", "kind": "question", "title": "Mål", "minutes": 30,
             "question": "Vilka mål?", "sections": ["samarbete"]},
            {"id": "lunch", "kind": "break", "title": "Lunch", "minutes": 60}
        ]}]
    })
}

fn errors_of(text: &str) -> String {
    match programs::parse("egen.json", text) {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => {
            assert!(matches!(e, ProgramError::Invalid { .. }));
            e.localize(Lang::En)
        }
    }
}

fn broken(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v = valid();
    change(&mut v);
    errors_of(&v.to_string())
}

#[test]
fn the_valid_fixture_is_valid() {
    assert!(programs::parse("egen.json", &valid().to_string()).is_ok());
}

#[test]
fn broken_program_files_get_precise_messages() {
    let cases: Vec<(String, &str)> = vec![
        (
            broken(|v| v["days"][0]["blocks"][0]["sections"][0] = "kontakter2".into()),
            "days[0].blocks[0].sections[0]: block \"mal\" feeds the unknown section \"kontakter2\"",
        ),
        (
            broken(|v| v["days"][0]["blocks"] = serde_json::json!([])),
            "days[0]: day 1 has no blocks",
        ),
        (
            broken(|v| v["days"][0]["blocks"][1]["id"] = "mal".into()),
            "days[0].blocks[1]: the block id \"mal\" is used more than once",
        ),
        (
            broken(|v| v["days"][0]["blocks"][0]["minutes"] = (-5).into()),
            "days[0].blocks[0].minutes: block \"mal\" lasts -5 minutes; a block must last at least 1 minute",
        ),
        (
            broken(|v| v["days"][0]["blocks"][0]["minutes"] = 0.into()),
            "days[0].blocks[0].minutes: block \"mal\" lasts 0 minutes",
        ),
        (
            broken(|v| v["days"] = serde_json::json!([])),
            "days: the program has no days",
        ),
        (
            broken(|v| v["days"][0]["blocks"][1]["minutes"] = 600.into()),
            "days[0]: day 1 lasts 10.5 hours; a day may last at most 10 hours",
        ),
        (
            broken(|v| v["days"][0]["start"] = "23:00".into()),
            "days[0]: day 1 ends after midnight",
        ),
        (
            broken(|v| v["days"][0]["blocks"][0]["kind"] = "pause".into()),
            "days[0].blocks[0].kind: unknown value \"pause\"; allowed values: info, question",
        ),
        (
            broken(|v| v["days"][0]["blocks"][0]["minuter"] = 5.into()),
            "days[0].blocks[0].minuter: unknown field \"minuter\"; allowed fields: id, kind, title, minutes",
        ),
        (
            broken(|v| {
                v["days"][0]["blocks"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("title");
            }),
            "days[0].blocks[0]: the field \"title\" is missing",
        ),
        (
            broken(|v| {
                v["days"][0]["blocks"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("question");
            }),
            "days[0].blocks[0]: block \"mal\" is a question but has no question text",
        ),
        (
            broken(|v| v["sections"][0]["id"] = "Samarbete Ö".into()),
            "sections[0]: the id \"Samarbete Ö\" may only contain",
        ),
        (
            broken(|v| v["days"][0]["start"] = "25:00".into()),
            "days[0].start: wrong kind of value",
        ),
        (
            errors_of("{\n  \"id\": \"egen\",\n  \"title\": \"x\"\n  \"days\": []\n}"),
            "line 4, column 3: the file is not valid JSON",
        ),
        (
            errors_of("{\"id\": \"egen\", \"days\": ["),
            "line 1, column 24: the file is not valid JSON",
        ),
    ];
    for (message, expected) in cases {
        assert!(
            message.starts_with("The program file egen.json has errors:"),
            "{message}"
        );
        assert!(
            message.contains(expected),
            "expected {expected:?} in:\n{message}"
        );
    }
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let message = broken(|v| {
        v["days"][0]["blocks"][0]["sections"][0] = "x".into();
        v["days"][0]["blocks"][1]["id"] = "mal".into();
    });
    assert!(message.contains("unknown section \"x\""));
    assert!(message.contains("used more than once"));
}

#[test]
fn messages_are_swedish_by_default() {
    let mut v = valid();
    v["days"][0]["blocks"][0]["sections"][0] = "kontakter2".into();
    let e = programs::parse("egen.json", &v.to_string()).unwrap_err();
    assert!(
        e.localize(Lang::Sv)
            .contains("blocket ”mal” matar det okända avsnittet ”kontakter2”"),
        "{}",
        e.localize(Lang::Sv)
    );
}

#[test]
fn a_missing_file_is_a_read_error_naming_it() {
    let e = programs::load_file(std::path::Path::new("/nonexistent/p.json")).unwrap_err();
    assert!(matches!(e, ProgramError::Read { .. }));
    assert!(
        e.localize(Lang::Sv)
            .starts_with("/nonexistent/p.json kunde inte läsas")
    );
}

/// The blocks the programs share beyond SKR's seven ask word for word the same
/// question, from the same source, wherever they are: only their minutes differ.
#[test]
fn shared_blocks_ask_the_same_question_in_every_program() {
    let programs = built_ins();
    for id in [
        "mal",
        "gyllene-zonen",
        "kontakter",
        "uppdrag-och-uppfoljning",
    ] {
        let asked: Vec<_> = programs
            .iter()
            .filter_map(|p| p.block(id))
            .map(|b| (b.question.clone(), b.source.clone(), b.sections.clone()))
            .collect();
        assert!(asked.len() >= 2, "{id} is shared");
        assert!(asked.windows(2).all(|w| w[0] == w[1]), "{id}: {asked:?}");
    }
}
