//! The command line as scripts and people use it: the real binary, its output,
//! its exit status, and one clear sentence for every bad input.

mod common;

use std::fs;

use common::{Env, HOSTILE, hold_lock_if_asked, spawn_lock_holder, stderr};
use samspel::store;

#[test]
#[ignore = "helper process for the lock tests"]
fn lock_holder_helper() {
    hold_lock_if_asked();
}

/// Runs, requires exit status `code`, and returns the single line on stderr.
fn fails(env: &Env, code: i32, args: &[&str]) -> String {
    let out = env.run(args);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one sentence expected: {err}");
    assert!(err.starts_with("samspel: "), "{err}");
    for leak in ["panicked", "Error {", "Os {", "kind:", "RUST_BACKTRACE"] {
        assert!(!err.contains(leak), "debug text leaked: {err}");
    }
    err
}

fn files_in(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(env.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn new_prints_only_the_path_of_a_session_that_exists() {
    let env = Env::new();
    let out = env.ok(&[
        "new",
        "--program",
        "skr-tva-dagar",
        "--org",
        "Kungsörs kommun",
        "--title",
        "Styra och leda 🤝",
        "--facilitator",
        "Lena",
        "--date",
        "2026-03-12",
        "--participant",
        "Åsa Öberg;KSO;politik;(S)",
        "--participant",
        "Olle;extern processledare;verksamhet;;observatör",
    ]);
    assert_eq!(out.lines().count(), 1);
    let path = std::path::Path::new(out.trim_end());
    assert_eq!(
        path,
        env.path().join("kungsors-kommun-2026-03-12.samspel.json")
    );
    let s = store::load(path).unwrap();
    assert_eq!(s.organisation, "Kungsörs kommun");
    assert_eq!(s.title, "Styra och leda 🤝");
    assert_eq!(s.facilitator, "Lena");
    assert_eq!(
        s.day2().unwrap().to_string(),
        "2026-03-13",
        "day 2 defaults to the next day"
    );
    assert_eq!(s.participants().len(), 2);
    assert!(s.participants()[1].observer);
    assert_eq!(s.participants()[0].affiliation, "(S)");
    // A second session of the same name gets a name of its own.
    let second = env.new_session("skr-en-dag");
    assert!(second.ends_with("kungsors-kommun-2026-03-12-2.samspel.json"));
}

#[test]
fn new_accepts_a_program_file() {
    let env = Env::new();
    let file = env.path().join("eget.json");
    let mut program = samspel::programs::built_in("skr-en-dag").unwrap().unwrap();
    program.id = "eget".into();
    fs::write(&file, serde_json::to_string(&program).unwrap()).unwrap();
    let out = env.ok(&[
        "new",
        "--program",
        file.to_str().unwrap(),
        "--org",
        "Vaggeryd",
    ]);
    let s = store::load(std::path::Path::new(out.trim_end())).unwrap();
    assert_eq!(s.program().id, "eget");
}

#[test]
fn new_refuses_bad_input_with_one_sentence_and_creates_nothing() {
    let env = Env::new();
    let base = ["new", "--program", "skr-tva-dagar", "--org", "Kungsör"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        base.iter().chain(extra).copied().collect()
    };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            with(&["--date", "2026-02-30"]),
            "Datumet ”2026-02-30” finns inte",
        ),
        (with(&["--date", "12/3 2026"]), "skriv det som ÅÅÅÅ-MM-DD"),
        (
            with(&["--date", "2026-03-12", "--day2", "2026-03-11"]),
            "Dag 2 (2026-03-11) måste komma efter dag 1 (2026-03-12)",
        ),
        (with(&["--day2", "2026-03-11"]), "Ange dag 1 med --date"),
        (
            with(&["--participant", "Bara ett namn"]),
            "ska skrivas \"Namn;Titel;politik|verksamhet\"",
        ),
        (
            with(&["--participant", "Åsa;KSO;kommun"]),
            "Sidan ”kommun” finns inte",
        ),
        (
            with(&[
                "--participant",
                "Åsa;KSO;politik",
                "--participant",
                "åsa;KD;verksamhet",
            ]),
            "Det finns redan en deltagare som heter ”åsa”",
        ),
        (with(&["--participant", ";KSO;politik"]), "ska skrivas"),
        (
            vec!["new", "--program", "tre-dagar", "--org", "K"],
            "Det finns inget program som heter ”tre-dagar”",
        ),
        (
            vec![
                "new",
                "--program",
                "skr-en-dag",
                "--org",
                "K",
                "--date",
                "2026-03-12",
                "--day2",
                "2026-03-13",
            ],
            "har bara en dag",
        ),
        (
            vec!["new", "--program", "skr-en-dag", "--org", "  "],
            "Organisationen behöver ett namn",
        ),
        (vec!["new", "--org", "K"], "Det saknas --program"),
        (
            vec![
                "new",
                "--program",
                "skr-en-dag",
                "--org",
                "K",
                "--datum",
                "x",
            ],
            "Okänd flagga eller argument: --datum",
        ),
    ];
    for (args, expected) in cases {
        let err = fails(&env, 2, &args);
        assert!(
            err.contains(expected),
            "{args:?}: expected {expected:?} in {err}"
        );
    }
    assert!(files_in(&env).is_empty(), "{:?}", files_in(&env));
}

#[test]
fn add_answer_is_silent_on_success_and_keeps_every_character() {
    let env = Env::new();
    let path = env.new_session("skr-tva-dagar");
    let session = path.to_str().unwrap();
    let out = env.answer(
        "kungsors-kommun-2026-03-12",
        "vad-ar-svart",
        "åsa öberg",
        true,
        HOSTILE,
    );
    assert!(out.is_empty());
    env.answer(session, "mal", "gruppen", false, "Gemensamma mål");
    let mut child = env
        .command()
        .args([
            "add-answer",
            session,
            "--block",
            "mal",
            "--participant",
            "Jörgen Ståhl",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Från stdin\nmed två rader\n".as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());

    let s = store::load(&path).unwrap();
    let texts: Vec<(&str, bool)> = s
        .answers()
        .iter()
        .map(|a| (a.text.as_str(), a.marked))
        .collect();
    assert_eq!(
        texts,
        [
            (HOSTILE, true),
            ("Gemensamma mål", false),
            ("Från stdin\nmed två rader", false)
        ]
    );
    assert_eq!(s.answers()[1].speaker, samspel::model::Speaker::Group);
}

#[test]
fn add_answer_refuses_bad_input_and_leaves_the_file_alone() {
    let env = Env::new();
    let path = env.new_session("skr-tva-dagar");
    let session = path.to_str().unwrap();
    env.answer(session, "mal", "Åsa Öberg", false, "Första");
    let before = fs::read(&path).unwrap();
    let add = |block: &str, who: &str, text: &str| -> Vec<String> {
        [
            "add-answer",
            session,
            "--block",
            block,
            "--participant",
            who,
            text,
        ]
        .map(String::from)
        .to_vec()
    };
    let cases = [
        (
            add("finns-inte", "Åsa Öberg", "x"),
            1,
            "Det finns inget block med id ”finns-inte”",
        ),
        (add("lunch-1", "Åsa Öberg", "x"), 1, "är en paus"),
        (
            add("mal", "Nils", "x"),
            1,
            "deltagarna är: Åsa Öberg, Jörgen Ståhl",
        ),
        (add("mal", "Åsa Öberg", "  \n "), 1, "Svaret är tomt"),
        (
            [
                "add-answer",
                "okand",
                "--block",
                "mal",
                "--participant",
                "Åsa",
                "x",
            ]
            .map(String::from)
            .to_vec(),
            1,
            "Hittar ingen session ”okand”",
        ),
        (
            ["add-answer", session, "--block", "mal", "x"]
                .map(String::from)
                .to_vec(),
            2,
            "Det saknas --participant",
        ),
    ];
    for (args, code, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = fails(&env, code, &args);
        assert!(
            err.contains(expected),
            "{args:?}: expected {expected:?} in {err}"
        );
    }
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn add_answer_is_refused_while_another_writer_holds_the_session() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let before = fs::read(&path).unwrap();
    let mut holder = spawn_lock_holder(&path);
    let err = fails(
        &env,
        1,
        &[
            "add-answer",
            path.to_str().unwrap(),
            "--block",
            "vad-ar-svart",
            "--participant",
            "gruppen",
            "x",
        ],
    );
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert!(
        err.contains("är redan öppen i ett annat Samspel-fönster"),
        "{err}"
    );
    assert!(err.contains("Kungsörs kommun"), "names the session: {err}");
    assert_eq!(fs::read(&path).unwrap(), before);
    env.answer(
        path.to_str().unwrap(),
        "vad-ar-svart",
        "gruppen",
        false,
        "x",
    );
}

#[test]
fn show_lists_the_agenda_with_ids_times_and_counts() {
    let env = Env::new();
    let path = env.new_session("skr-tva-dagar");
    let session = path.to_str().unwrap();
    env.answer(session, "vad-ar-svart", "Åsa Öberg", true, "Tiden");
    env.answer(session, "vad-ar-svart", "gruppen", false, "Rollerna");
    let out = env.ok(&["show", "kungsors-kommun-2026-03-12"]);
    assert!(
        out.starts_with("Styra och leda tillsammans – två dagar – Kungsörs kommun\n"),
        "{out}"
    );
    assert!(
        out.contains("Dag 1 – uppdrag, ansvar och samarbete · torsdag 12 mars 2026"),
        "{out}"
    );
    assert!(
        out.contains("Dag 2 – från samtal till överenskommelse · fredag 13 mars 2026"),
        "{out}"
    );
    assert!(out.contains("  09:00–09:20  valkommen "), "{out}");
    assert!(
        out.contains(
            "  12:55–13:30  vad-ar-svart              Vad är svårt? · 2 svar · markerade: 1"
        ),
        "{out}"
    );
    assert!(out.contains("  16:10        slut"), "{out}");
    let en = env.ok(&["show", session, "--lang", "en"]);
    assert!(
        en.contains("Thursday 12 March 2026") && en.contains("2 answers · marked: 1"),
        "{en}"
    );
}

#[test]
fn list_shows_sessions_and_says_what_to_do_when_there_are_none() {
    let env = Env::new();
    let out = env.ok(&["list"]);
    assert!(out.starts_with("Inga sparade sessioner i "), "{out}");
    assert!(out.contains("samspel new --program skr-en-dag"));
    env.new_session("skr-tva-dagar");
    fs::write(env.path().join("trasig.samspel.json"), b"{ inte json").unwrap();
    let out = env.ok(&["list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("kungsors-kommun-2026-03-12  Styra och leda tillsammans – två dagar · Kungsörs kommun · 2026-03-12, 2026-03-13 · 0 svar · ändrad "), "{out}");
    assert!(
        lines[1].starts_with("trasig: kan inte läsas (") && lines[1].contains("rad 1"),
        "{out}"
    );
}

/// Times are shown in the local zone, which `TZ` sets when it is given (the
/// system's zone is read from `/etc/localtime` otherwise).
#[test]
fn list_shows_when_a_session_changed_in_the_zone_tz_names() {
    let env = Env::new();
    env.new_session("skr-en-dag");
    let changed = |tz: &str| {
        let out = env.command().env("TZ", tz).arg("list").output().unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        let (_, time) = out.trim_end().rsplit_once("ändrad ").expect(&out);
        time.parse::<jiff::civil::DateTime>().expect(time)
    };
    let utc = changed("UTC");
    assert_eq!(
        changed("Asia/Tokyo"),
        utc + jiff::SignedDuration::from_hours(9)
    );
    assert_eq!(changed("UTC-2"), utc + jiff::SignedDuration::from_hours(2));
}

#[test]
fn export_json_and_csv_keep_every_character_and_never_overwrite_by_accident() {
    let env = Env::new();
    let path = env.new_session("skr-tva-dagar");
    let session = path.to_str().unwrap();
    env.answer(session, "vad-ar-svart", "Åsa Öberg", true, HOSTILE);
    env.answer(session, "mal", "gruppen", false, "Mål, \"citat\"");
    env.answer(
        session,
        "fortroendevaldas-uppdrag",
        "Jörgen Ståhl",
        false,
        "Först i programmet",
    );

    let json = env.path().join("ut.json");
    env.ok(&[
        "export",
        session,
        "--format",
        "json",
        "--out",
        json.to_str().unwrap(),
    ]);
    assert_eq!(store::load(&json).unwrap(), store::load(&path).unwrap());

    let csv_path = env.path().join("ut.csv");
    env.ok(&[
        "export",
        session,
        "--format",
        "csv",
        "--out",
        csv_path.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "block_id",
            "question",
            "participant",
            "title",
            "side",
            "text",
            "time",
            "marked"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0][0], "fortroendevaldas-uppdrag",
        "program order, not arrival order"
    );
    assert_eq!(
        rows[1][..6],
        [
            "vad-ar-svart",
            "Vad är svårt?",
            "Åsa Öberg",
            "kommunstyrelsens ordförande",
            "politik",
            HOSTILE
        ]
    );
    assert_eq!(rows[1][7], "true");
    assert!(
        rows[1][6].parse::<jiff::Timestamp>().is_ok(),
        "{}",
        rows[1][6]
    );
    assert_eq!(rows[2][2..6], ["Gruppen", "", "", "Mål, \"citat\""]);

    let before = fs::read(&csv_path).unwrap();
    let err = fails(
        &env,
        1,
        &[
            "export",
            session,
            "--format",
            "json",
            "--out",
            csv_path.to_str().unwrap(),
        ],
    );
    assert!(err.contains("finns redan; använd --force"), "{err}");
    assert_eq!(fs::read(&csv_path).unwrap(), before);
    env.ok(&[
        "export",
        session,
        "--format",
        "json",
        "--out",
        csv_path.to_str().unwrap(),
        "--force",
    ]);
    assert_ne!(fs::read(&csv_path).unwrap(), before);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&json).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let err = fails(
        &env,
        1,
        &[
            "export",
            session,
            "--format",
            "csv",
            "--out",
            "/nonexistent/dir/x.csv",
        ],
    );
    assert!(
        err.contains("/nonexistent/dir/x.csv kunde inte sparas"),
        "{err}"
    );
    let err = fails(
        &env,
        2,
        &["export", session, "--format", "pdf", "--out", "x"],
    );
    assert!(
        err.contains("välj något av: json, csv, agreement-md"),
        "{err}"
    );
}

/// A refused file's message may quote the file (here a timer's block id): no
/// escape sequence in it reaches the terminal.
#[test]
fn a_refused_file_cannot_send_escape_sequences_to_the_terminal() {
    let env = Env::new();
    let path = env.new_session("skr-tva-dagar");
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let evil = "x\u{1b}]0;hej\u{7}";
    value["progress"]["timers"] = serde_json::json!({ evil: { "elapsed_secs": i64::MAX } });
    fs::write(&path, value.to_string()).unwrap();
    let out = env.path().join("ut.json");
    let err = fails(
        &env,
        1,
        &[
            "export",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("x]0;hej"), "{err}");
}

/// Escape sequences: one that clears the screen, one that sets the window's
/// title, an 8-bit CSI (U+009B), a bell and a NUL.
const ESCAPES: &str = "\u{1b}[2J\u{1b}]0;x\u{7}\u{9b}31m\0";

/// No control character (a line break and a tab aside) in `out`, byte or char.
fn assert_no_escapes(out: &[u8], what: &str) {
    assert!(
        !out.iter().any(|b| [0x1b, 0x07, 0x00].contains(b)),
        "{what}: {:?}",
        String::from_utf8_lossy(out)
    );
    let text = String::from_utf8_lossy(out);
    // U+009B is the bytes C2 9B in UTF-8; a 0x9b byte alone is also in "ě".
    let control = text
        .chars()
        .find(|c| c.is_control() && !"\n\t".contains(*c));
    assert_eq!(control, None, "{what}: {text:?}");
}

/// A session file (edited by hand, or written by another program) whose
/// organisation, title, program and block carry escape sequences: `list`,
/// `show` and `check-program` print the text without them.
#[test]
fn list_show_and_check_program_never_print_escape_sequences() {
    let env = Env::new();
    let mut program = samspel::programs::built_in("skr-en-dag").unwrap().unwrap();
    program.title = format!("Program{ESCAPES}");
    program.days[0].title = format!("Dagen{ESCAPES}");
    program.days[0].blocks[0].title = format!("Blocket{ESCAPES}");
    let org = format!("Kungsör{ESCAPES}");
    let title = format!("Titel{ESCAPES}");
    let session =
        samspel::model::Session::new(program.clone(), &org, &title, jiff::Timestamp::now());
    let path = env.path().join("elak.samspel.json");
    drop(store::Writer::create(&path, &session).unwrap());

    let list = env.run(&["list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert_no_escapes(&list.stdout, "list");
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(
        list.contains("Titel[2J]0;x31m · Kungsör[2J]0;x31m"),
        "{list}"
    );

    let show = env.run(&["show", "elak"]);
    assert!(show.status.success(), "{}", stderr(&show));
    assert_no_escapes(&show.stdout, "show");
    let show = String::from_utf8(show.stdout).unwrap();
    for shown in [
        "Titel[2J]0;x31m – Kungsör",
        "Program[2J]0;x31m (",
        "Dagen[2J]0;x31m",
        "Blocket[2J]0;x31m",
    ] {
        assert!(show.contains(shown), "{shown:?} in {show}");
    }

    let file = env.path().join("program.json");
    fs::write(&file, serde_json::to_string(&program).unwrap()).unwrap();
    let check = env.run(&["check-program", file.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert_no_escapes(&check.stdout, "check-program");
    let check = String::from_utf8(check.stdout).unwrap();
    assert!(check.contains("Program[2J]0;x31m"), "{check}");
}

/// `new` refuses a name, title or participant with a control character in it
/// (an escape sequence, a line break): exit status 2, one sentence, no file.
#[test]
fn new_refuses_control_characters_in_names_and_titles() {
    let env = Env::new();
    let base = ["new", "--program", "skr-en-dag", "--org"];
    let cases: [(&[&str], &str); 5] = [
        (&["\u{1b}[2J"], "--org"),
        (&["K", "--title", "Styra\u{1b}]0;x\u{7}"], "--title"),
        (&["K", "--facilitator", "Lena\nLarsson"], "--facilitator"),
        (
            &["K", "--participant", "Åsa\u{9b}2J;KSO;politik"],
            "--participant",
        ),
        (
            &["K", "--participant", "Åsa;KSO;politik;(S)\t"],
            "--participant",
        ),
    ];
    for (rest, flag) in cases {
        let args: Vec<&str> = base.iter().chain(rest).copied().collect();
        let err = fails(&env, 2, &args);
        let expected = format!("Värdet för {flag} får inte innehålla styrtecken");
        assert!(err.contains(&expected), "{args:?}: {err}");
        assert_no_escapes(err.as_bytes(), "the message");
    }
    let err = fails(
        &env,
        2,
        &[
            "new",
            "--lang",
            "en",
            "--program",
            "skr-en-dag",
            "--org",
            "\u{1b}[2J",
        ],
    );
    assert!(
        err.contains("The value of --org must not contain control characters"),
        "{err}"
    );
    assert!(files_in(&env).is_empty(), "{:?}", files_in(&env));
}

/// What a spreadsheet would run, or a terminal would obey, typed as answers
/// (the tab and carriage return at the start come from a file edited by hand:
/// the app trims them): (as typed, the CSV cell, the `--raw` cell).
const FORMULAS: [(&str, &str, &str); 9] = [
    (
        "=HYPERLINK(\"http://x\")",
        "'=HYPERLINK(\"http://x\")",
        "=HYPERLINK(\"http://x\")",
    ),
    ("+1", "'+1", "+1"),
    ("-2", "'-2", "-2"),
    ("@SUM(A1)", "'@SUM(A1)", "@SUM(A1)"),
    ("\tx", "'\tx", "\tx"),
    // The carriage return is a control character: it goes, and "x" is no formula.
    ("\rx", "x", "x"),
    ("\r=1", "'=1", "=1"),
    ("a\u{1b}[2Jb\u{7}c\0d\u{9b}e", "a[2Jbcde", "a[2Jbcde"),
    (
        "Tiden räcker inte",
        "Tiden räcker inte",
        "Tiden räcker inte",
    ),
];

/// The rows of a CSV file, header left out.
fn csv_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// A session whose every text cell (block id, question, name, title, answer)
/// could be a formula, written to `path`.
fn formula_session(path: &std::path::Path) {
    let mut program = samspel::programs::built_in("skr-en-dag").unwrap().unwrap();
    let block = &mut program.days[0].blocks[1];
    block.id = "@blocket".into();
    block.question = Some("=fråga".into());
    let now = jiff::Timestamp::now();
    let mut s = samspel::model::Session::new(program, "Kungsör", "T", now);
    let who = samspel::model::NewParticipant::new("+Åsa", "-KSO", samspel::model::Side::Politik);
    let who = s.add_participant(who, now).unwrap();
    let speaker = samspel::model::Speaker::Participant(who);
    for (i, _) in FORMULAS.iter().enumerate() {
        s.add_answer("@blocket", speaker, &format!("svar {i}"), false, now)
            .unwrap();
    }
    // The answers' texts as typed, untrimmed, as a hand-edited file has them.
    let mut value = serde_json::to_value(&s).unwrap();
    for (answer, (typed, _, _)) in value["answers"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .zip(FORMULAS)
    {
        answer["text"] = typed.into();
    }
    fs::write(path, value.to_string()).unwrap();
}

/// Every text cell of the CSV is safe to open in a spreadsheet: no control
/// character, and a `'` before anything a spreadsheet would run as a formula.
/// `--raw` gives the text as typed, less its control characters; with any
/// other format it is a usage error.
#[test]
fn csv_export_neutralises_formulas_and_drops_control_characters() {
    let env = Env::new();
    let path = env.path().join("formler.samspel.json");
    formula_session(&path);
    let session = path.to_str().unwrap();
    let export = |out: &str, extra: &[&str]| {
        let out = env.path().join(out);
        let args = [
            "export",
            session,
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ];
        let args: Vec<&str> = args.iter().chain(extra).copied().collect();
        env.ok(&args);
        assert_no_escapes(&fs::read(&out).unwrap(), "the CSV file");
        csv_rows(&out)
    };

    let rows = export("svar.csv", &[]);
    assert_eq!(rows.len(), FORMULAS.len());
    for (row, (typed, safe, _)) in rows.iter().zip(FORMULAS) {
        assert_eq!(
            row[..4],
            ["'@blocket", "'=fråga", "'+Åsa", "'-KSO"],
            "{row:?}"
        );
        assert_eq!(row[5], safe, "{typed:?}");
        assert_eq!(row[4..5], ["politik"], "our own values untouched");
        assert_eq!(row[7], "false", "our own values untouched");
    }

    let rows = export("raw.csv", &["--raw"]);
    for (row, (typed, _, raw)) in rows.iter().zip(FORMULAS) {
        assert_eq!(row[..4], ["@blocket", "=fråga", "+Åsa", "-KSO"], "{row:?}");
        assert_eq!(row[5], raw, "{typed:?}");
    }

    let out = env.path().join("ut.json");
    let args = [
        "export",
        session,
        "--format",
        "json",
        "--raw",
        "--out",
        out.to_str().unwrap(),
    ];
    let err = fails(&env, 2, &args);
    assert!(err.contains("--raw gäller bara csv"), "{err}");
    assert!(!out.exists(), "nothing written");
    let help = env.ok(&["export", "--help"]);
    assert!(
        help.contains("--raw") && help.contains("I csv: cellerna som de skrevs"),
        "{help}"
    );
}

/// The session file at `path` with its id counter set to `next_id`.
fn set_next_id(path: &std::path::Path, next_id: u64) {
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    value["next_id"] = next_id.into();
    fs::write(path, value.to_string()).unwrap();
}

/// A hand-edited id counter past 2^53 (here 2^64 − 1, which the next answer
/// would wrap) is refused on load with one sentence, and the file is left alone.
#[test]
fn an_id_counter_past_max_id_is_refused_on_load() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    set_next_id(&path, u64::MAX);
    let before = fs::read(&path).unwrap();
    let session = path.to_str().unwrap();
    let err = fails(&env, 1, &["show", session]);
    assert!(
        err.contains("går inte att använda: next_id har ett värde som appen aldrig skriver"),
        "{err}"
    );
    let add = [
        "add-answer",
        session,
        "--block",
        "vad-ar-svart",
        "--participant",
        "gruppen",
        "x",
    ];
    let err = fails(&env, 1, &add);
    assert!(err.contains("next_id"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before, "the file untouched");
}

/// The last id below `MAX_ID` is handed out and the file written is one Samspel
/// opens; the answer after it is refused with a sentence and nothing is written.
#[test]
fn add_answer_stops_at_max_id_and_leaves_the_file_alone() {
    let env = Env::new();
    let path = env.new_session("skr-en-dag");
    let session = path.to_str().unwrap();
    set_next_id(&path, samspel::model::MAX_ID - 1);
    env.answer(session, "vad-ar-svart", "gruppen", false, "Det sista");
    let s = store::load(&path).unwrap();
    assert_eq!(s.answers().last().unwrap().id.0, samspel::model::MAX_ID - 1);

    let before = fs::read(&path).unwrap();
    let add = [
        "add-answer",
        session,
        "--block",
        "vad-ar-svart",
        "--participant",
        "gruppen",
        "Ett till",
    ];
    let err = fails(&env, 1, &add);
    assert!(
        err.contains("Sessionen har inte plats för fler svar"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before, "byte for byte");
}

#[test]
fn anonymous_exports_name_nobody() {
    let env = Env::new();
    let path = env.new_session("skr-tva-dagar");
    let session = path.to_str().unwrap();
    env.answer(session, "mal", "Åsa Öberg", false, "Ett svar");
    for format in ["json", "csv"] {
        let out = env.path().join(format!("anon.{format}"));
        env.ok(&[
            "export",
            session,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
            "--anonymous",
        ]);
        let text = fs::read_to_string(&out).unwrap();
        for secret in [
            "Åsa",
            "Öberg",
            "Jörgen",
            "Ståhl",
            "kommunstyrelsens ordförande",
            "(S)",
        ] {
            assert!(!text.contains(secret), "{format} names {secret}");
        }
        assert!(
            text.contains("Deltagare 1") && text.contains("Ett svar"),
            "{format}: {text}"
        );
    }
}

#[test]
fn programs_and_check_program() {
    let env = Env::new();
    let out = env.ok(&["programs"]);
    assert_eq!(out.lines().count(), 3);
    assert!(out.contains("skr-tva-dagar      Styra och leda tillsammans – två dagar · 2 dagar (09:00–16:10, 09:00–15:45)"), "{out}");

    let good = env.path().join("good.json");
    let program = samspel::programs::built_in("arlig-uppfoljning")
        .unwrap()
        .unwrap();
    fs::write(&good, serde_json::to_string_pretty(&program).unwrap()).unwrap();
    let out = env.ok(&["check-program", good.to_str().unwrap()]);
    assert!(out.contains("är giltigt (1 dag, 20 block)"), "{out}");

    let file = env.path().join("p.json");
    fs::write(
        &file,
        "{\"id\": \"x\", \"title\": \"X\", \"days\": [{\"start\": \"09:00\", \"blocks\": []}]}",
    )
    .unwrap();
    let out = env.run(&["check-program", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("har fel:") && err.contains("days[0]: dag 1 har inga block"),
        "{err}"
    );
    let err = fails(&env, 1, &["check-program", "/nonexistent.json"]);
    assert!(err.contains("/nonexistent.json kunde inte läsas"), "{err}");
}

#[test]
fn help_is_swedish_by_default_and_english_on_request() {
    let env = Env::new();
    let sv = env.ok(&["--help"]);
    assert!(
        sv.contains("Användning: samspel")
            && sv.contains("Kommandon:")
            && sv.contains("Skapa en ny session"),
        "{sv}"
    );
    assert!(sv.contains(&format!("Sessioner sparas i {}", env.path().display())));
    for leak in ["Usage:", "Print help", "Possible values"] {
        assert!(!sv.contains(leak), "English in the Swedish help: {leak}");
    }
    let en = env.ok(&["--lang", "en", "--help"]);
    assert!(
        en.contains("Usage: samspel") && en.contains("Create a new session"),
        "{en}"
    );
    let sub = env.ok(&["new", "--help", "--lang=en"]);
    assert!(
        sub.contains("The municipality, region or organisation"),
        "{sub}"
    );
    let out = env
        .command()
        .args(["new", "--help"])
        .env("SAMSPEL_LANG", "en")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Day 1, as YYYY-MM-DD"));
    let err = fails(&env, 2, &["--lang", "en", "exprot"]);
    assert!(err.contains("Unknown command: exprot"), "{err}");
    let err = fails(&env, 2, &["--lang", "fi", "list"]);
    assert!(err.contains("välj något av: sv, en"), "{err}");
}

#[test]
fn the_app_without_a_terminal_says_so() {
    let env = Env::new();
    for args in [&[][..], &["demo"], &["open", "nope"]] {
        let err = fails(&env, 1, args);
        assert!(
            err.contains("Samspel behöver en terminal") || err.contains("Hittar ingen session"),
            "{err}"
        );
    }
}

#[test]
fn demo_generate_writes_a_large_worked_session() {
    let env = Env::new();
    let path = env.path().join("stor.samspel.json");
    let file = path.to_str().unwrap();
    let args = [
        "demo",
        "--generate",
        "--participants",
        "50",
        "--answers",
        "3000",
        "--org",
        "Storby kommun",
        "--out",
        file,
    ];
    assert_eq!(env.ok(&args).trim(), file, "prints the path only");
    let s = samspel::store::load(&path).unwrap();
    assert_eq!(s.organisation, "Storby kommun");
    assert_eq!(s.program().days.len(), 2);
    assert_eq!(s.participants().len(), 50);
    assert_eq!(s.answers().len(), 3000);
    assert!(s.answers().iter().any(|a| a.marked));
    assert!(s.answers().iter().any(|a| a.text.contains('å')));
    assert!(!s.proposals().is_empty());
    assert!(s.votings().iter().any(|v| !v.dots.is_empty()));
    assert!(!s.action_items().is_empty());
    assert!(s.progress().timers.values().any(|t| t.elapsed_secs > 0));

    let again = env.run(&args);
    assert_eq!(again.status.code(), Some(1), "an existing file is kept");
    let mut forced = args.to_vec();
    forced[5] = "10";
    forced.push("--force");
    env.ok(&forced);
    assert_eq!(samspel::store::load(&path).unwrap().answers().len(), 10);
    for wrong in [&["demo", "--generate"][..], &["demo", "--answers", "5"][..]] {
        assert_eq!(env.run(wrong).status.code(), Some(2), "{wrong:?}");
    }
}
