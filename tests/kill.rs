//! SIGKILL at random moments never costs a confirmed answer nor leaves a broken
//! file: the real binary adds answers and is killed mid-flight, again and again.

mod common;

use std::collections::HashMap;
use std::process::Stdio;
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::Env;
use samspel::store;

/// How many kill cycles: `SAMSPEL_KILL_CYCLES`, else 200.
fn cycles() -> usize {
    std::env::var("SAMSPEL_KILL_CYCLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
}

#[test]
fn sigkill_at_random_moments_never_loses_a_confirmed_answer() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let session = path.to_str().unwrap().to_string();
    let add = |text: &str| {
        env.command()
            .args([
                "add-answer",
                &session,
                "--block",
                "vad-ar-svart",
                "--participant",
                "Åsa Öberg",
                text,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one whole run takes here: kills are spread over 0–150 % of it, so
    // that they land before, during and after the save.
    let started = Instant::now();
    assert!(add("uppvärmning").wait().unwrap().success());
    let span = u64::try_from(started.elapsed().as_micros() * 3 / 2)
        .unwrap()
        .max(1000);

    let mut confirmed: Vec<String> = vec!["uppvärmning".into()];
    let (mut killed, mut finished) = (0, 0);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..cycles() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let text = format!("svar {i} – åäö 🙂");
        let mut child = add(&text);
        sleep(Duration::from_micros(seed % span));
        let status = match child.try_wait().unwrap() {
            Some(status) => status,
            None => {
                child.kill().unwrap();
                killed += 1;
                child.wait().unwrap()
            }
        };
        if status.success() {
            finished += 1;
            confirmed.push(text);
        }
        let s = store::load(&path)
            .unwrap_or_else(|e| panic!("cycle {i}: the file does not load after a kill: {e:?}"));
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for a in s.answers() {
            *counts.entry(a.text.as_str()).or_default() += 1;
        }
        for text in &confirmed {
            assert_eq!(counts.get(text.as_str()), Some(&1), "cycle {i}: {text:?}");
        }
        assert!(
            counts.values().all(|&n| n == 1),
            "cycle {i}: an answer appears twice"
        );
    }
    assert!(
        killed > 0 && finished > 0,
        "killed {killed}, finished {finished}"
    );
    eprintln!("{killed} killed, {finished} finished");
}
