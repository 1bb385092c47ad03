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
    String::from_utf8(export::render(session, Format::AgreementMd, &options)).unwrap()
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
