//! Random key sequences never panic and never lose a confirmed answer.
//!
//! Each case opens a generated session and plays a few hundred random keys, pastes
//! and ticks through the real keymap, `update` and the shell that saves. After every
//! step: the screen renders at a changing size; when the app says all is saved, the
//! file on disk equals the session in memory; and an answer that was on disk is only
//! ever gone after the user confirmed its deletion.

mod common;

use std::collections::BTreeSet;

use common::app::Harness;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samspel::model::AnswerId;
use samspel::store::{self, Writer};
use samspel::tui::Action;
use samspel::tui::app::{OnYes, Overlay};

#[derive(Clone, Debug)]
enum Step {
    Key(KeyCode, KeyModifiers),
    Paste(String),
    Wait,
}

fn step() -> impl Strategy<Value = Step> {
    let char_keys = prop::sample::select(common::keys::CHARS.chars().collect::<Vec<_>>())
        .prop_map(|c| Step::Key(KeyCode::Char(c), KeyModifiers::NONE));
    let special = prop::sample::select(common::keys::SPECIAL.to_vec())
        .prop_map(|(code, mods)| Step::Key(code, mods));
    prop_oneof![
        6 => char_keys,
        4 => special,
        1 => "[a-zåäö 🙂\\n]{0,30}".prop_map(Step::Paste),
        1 => Just(Step::Wait),
    ]
}

fn ids(h: &Harness) -> BTreeSet<AnswerId> {
    h.app
        .session
        .iter()
        .flat_map(|s| s.answers().iter().map(|a| a.id))
        .collect()
}

fn run_case(steps: &[Step]) -> Result<(), TestCaseError> {
    let dir = Harness::fast_dir();
    let path = dir.path().join("prov.samspel.json");
    let program = samspel::programs::built_in("skr-tva-dagar")
        .unwrap()
        .unwrap();
    let session = samspel::generate::session(program, 6, 40, "Provkommunen");
    drop(Writer::create(&path, &session).unwrap());
    let mut h = Harness::with_dir(dir);
    h.press(KeyCode::Enter);
    prop_assert_eq!(h.app.path.as_ref(), Some(&path));
    let mut on_disk: BTreeSet<AnswerId> = ids(&h);

    for (n, step) in steps.iter().enumerate() {
        let deleting = match &h.app.overlay {
            Some(Overlay::Confirm(c)) => match c.on_yes {
                OnYes::DeleteAnswer(id) => Some(id),
                _ => None,
            },
            _ => None,
        };
        let confirms = matches!(step, Step::Key(KeyCode::Char('j' | 'y'), _));
        match step {
            Step::Key(code, mods) => h.act(Action::Key(KeyEvent::new(*code, *mods))),
            Step::Paste(text) => h.act(Action::Paste(text.clone())),
            Step::Wait => h.wait(2),
        }
        let width = 40 + u16::try_from(n * 37 % 160).unwrap();
        let height = 10 + u16::try_from(n * 13 % 40).unwrap();
        h.screen(width, height);
        if h.app.quit {
            break;
        }
        if h.app.path.as_ref() != Some(&path) || h.app.session.is_none() {
            continue;
        }
        let session = h.app.session.as_ref().unwrap();
        prop_assert_eq!(session.check_integrity(), Ok(()), "step {} ({:?})", n, step);
        // Only the current block's timer may count (what the file holds once saved).
        let running: Vec<_> = session
            .progress()
            .timers
            .iter()
            .filter(|(_, t)| t.is_running())
            .collect();
        prop_assert!(
            running.len() <= 1,
            "step {} ({:?}): {:?} run",
            n,
            step,
            running
        );
        if let [(block, _)] = running[..] {
            prop_assert_eq!(
                Some(block),
                session.current_block().map(|b| &b.id),
                "step {}",
                n
            );
        }
        let now = ids(&h);
        for gone in on_disk.difference(&now) {
            prop_assert!(
                confirms && deleting == Some(*gone),
                "answer {gone:?} vanished at step {n} ({step:?}) without a confirmed delete"
            );
        }
        if !h.app.dirty {
            let disk = store::load(&path).unwrap();
            prop_assert_eq!(
                Some(&disk),
                h.app.session.as_ref(),
                "step {} ({:?})",
                n,
                step
            );
            on_disk = disk.answers().iter().map(|a| a.id).collect();
        }
    }
    Ok(())
}

proptest! {
    // 48 cases of 250 steps: 12,000 keys, pastes and ticks per run, over fresh seeds.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic_nor_lose_a_confirmed_answer(steps in prop::collection::vec(step(), 250)) {
        run_case(&steps)?;
    }
}
