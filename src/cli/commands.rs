//! What each subcommand does, on top of the model, the programs and the store.

use std::io::{Read, Write};
use std::path::Path;

use jiff::{Timestamp, civil::Date};

use super::{
    AddActionArgs, AddAnswerArgs, AgreementArgs, Command, DemoArgs, ExportArgs, Failure, NewArgs,
};
use crate::export::{self, Format, Options};
use crate::i18n::{Lang, Localize, Quoted, long_date};
use crate::model::{
    ActionText, MAIN, ModelError, NewParticipant, NewSession, Program, Session, Side, Speaker,
    clock,
};
use crate::programs;
use crate::store::{self, Replace, Saved, Store, StoreError, Writer};
use crate::time_zone;
use crate::tr;
use crate::tui::{self, Target};

type Outcome = Result<(), Failure>;

pub fn dispatch(
    command: Option<Command>,
    store: &Result<Store, StoreError>,
    lang: Lang,
    out: &mut dyn Write,
) -> Outcome {
    let store = || store.as_ref().map_err(|e| Failure::of(e, lang));
    let app = |store: &Store, target| {
        tui::run(store.clone(), target, lang).map_err(|message| Failure { code: 1, message })
    };
    let Some(command) = command else {
        return app(store()?, Target::Start);
    };
    match command {
        Command::Open { session, block } => {
            let store = store()?;
            let session = store.resolve(&session).map_err(|e| Failure::of(&e, lang))?;
            app(store, Target::Open { session, block })
        }
        Command::Demo(DemoArgs {
            generate: true,
            participants,
            answers,
            org,
            out: Some(path),
            force,
        }) => {
            let size = (participants, answers);
            generate(&path, size, &org, force, lang, out)
        }
        Command::Demo(_) => app(store()?, Target::Demo),
        Command::Present { session } => {
            let store = store()?;
            let session = store.resolve(&session).map_err(|e| Failure::of(&e, lang))?;
            app(store, Target::Present(session))
        }
        Command::New(args) => new(args, store()?, lang, out),
        Command::List => list(store()?, lang, out),
        Command::Show { session } => show(&session, store()?, lang, out),
        Command::AddAnswer(args) => add_answer(args, store()?, lang),
        Command::AddAction(args) => add_action(args, store()?, lang),
        Command::Agreement(args) => agreement(args, store()?, lang, out),
        Command::Export(args) => export(args, store()?, lang),
        Command::Programs => list_programs(lang, out),
        Command::CheckProgram { file } => {
            let program = programs::load_file(&file).map_err(|e| Failure::of(&e, lang))?;
            let (days, blocks) = program_size(&program, lang);
            say(
                out,
                tr!(
                    lang,
                    CheckProgramOk,
                    file = file.display(),
                    title = Quoted(lang, &program.title),
                    days = days,
                    blocks = blocks
                ),
            )
        }
    }
}

fn say(out: &mut dyn Write, line: String) -> Outcome {
    // Lines quote session and program files (titles, names, ids): no escape
    // sequence in them reaches the terminal.
    let line = export::printable(&line);
    // A closed pipe (`samspel list | head`) is not the user's problem to hear about.
    let _ = writeln!(out, "{line}");
    Ok(())
}

fn new(args: NewArgs, store: &Store, lang: Lang, out: &mut dyn Write) -> Outcome {
    refuse_control(&args, lang)?;
    let org = args.org.trim();
    if org.is_empty() {
        return Err(Failure::usage(tr!(lang, CliErrOrgEmpty)));
    }
    let program = programs::find(&args.program)
        .ok_or_else(|| {
            Failure::usage(tr!(
                lang,
                CliErrUnknownProgram,
                id = Quoted(lang, &args.program)
            ))
        })?
        .map_err(|e| Failure::of(&e, lang))?;
    let day1 = args
        .date
        .as_deref()
        .map(|d| parse_date(d, lang))
        .transpose()?;
    let day2 = args
        .day2
        .as_deref()
        .map(|d| parse_date(d, lang))
        .transpose()?;
    let two_days = program.days.len() > 1;
    if day2.is_some() && !two_days {
        let id = Quoted(lang, &program.id);
        return Err(Failure::usage(tr!(lang, CliErrDay2OneDay, id = id)));
    }
    if day2.is_some() && day1.is_none() {
        return Err(Failure::usage(tr!(lang, CliErrDay2NoDay1)));
    }
    let participants = args
        .participants
        .iter()
        .map(|spec| parse_participant(spec, lang))
        .collect::<Result<_, _>>()?;
    let new = NewSession {
        organisation: org.to_string(),
        title: args.title.unwrap_or_default(),
        facilitator: args.facilitator.unwrap_or_default(),
        language: lang,
        day1,
        day2,
        participants,
        ..NewSession::new(program)
    };
    let now = Timestamp::now();
    // Last year's session is only read: nothing in it changes.
    let last = match &args.from {
        Some(from) => {
            let fail = |e: StoreError| Failure::of(&e, lang);
            Some(store::load(&store.resolve(from).map_err(fail)?).map_err(fail)?)
        }
        None => None,
    };
    let mut session = new
        .build(now)
        .map_err(|e| Failure::usage(e.localize(lang)))?;
    if let Some(last) = &last {
        session
            .carry_over(last, now)
            .map_err(|e| Failure::of(&e, lang))?;
    }
    let writer = store.create(&session).map_err(|e| Failure::of(&e, lang))?;
    say(out, writer.path().display().to_string())
}

/// Names and titles are one line of text: a control character in one (an escape
/// sequence, a line break) would be saved and shown to everyone who opens the session.
fn refuse_control(args: &NewArgs, lang: Lang) -> Outcome {
    let single = [
        ("--org", Some(&args.org)),
        ("--title", args.title.as_ref()),
        ("--facilitator", args.facilitator.as_ref()),
    ];
    let participants = args.participants.iter().map(|p| ("--participant", Some(p)));
    for (flag, value) in single.into_iter().chain(participants) {
        if value.is_some_and(|v| v.contains(char::is_control)) {
            return Err(Failure::usage(tr!(lang, CliErrControlChars, flag = flag)));
        }
    }
    Ok(())
}

fn parse_date(input: &str, lang: Lang) -> Result<Date, Failure> {
    crate::model::parse_day(input)
        .ok_or_else(|| Failure::usage(tr!(lang, BadDate, input = Quoted(lang, input))))
}

/// `"Name;Title;politik|verksamhet[;party or department][;observatör]"`.
fn parse_participant(spec: &str, lang: Lang) -> Result<NewParticipant, Failure> {
    let fields: Vec<&str> = spec.split(';').map(str::trim).collect();
    let bad = || Failure::usage(tr!(lang, CliErrParticipantSpec, input = Quoted(lang, spec)));
    if !(3..=5).contains(&fields.len()) || fields[0].is_empty() {
        return Err(bad());
    }
    let side = Side::parse(fields[2])
        .ok_or_else(|| Failure::usage(tr!(lang, CliErrSide, input = Quoted(lang, fields[2]))))?;
    let observer = match fields.get(4).copied() {
        None | Some("") => false,
        Some(word) if ["observatör", "observer"].contains(&word.to_lowercase().as_str()) => true,
        Some(_) => return Err(bad()),
    };
    Ok(NewParticipant {
        affiliation: fields.get(3).copied().unwrap_or_default().to_string(),
        observer,
        ..NewParticipant::new(fields[0], fields[1], side)
    })
}

fn local_time(t: Timestamp) -> String {
    t.to_zoned(time_zone::local())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

fn dates(session: &Session, lang: Lang) -> String {
    match (session.day1(), session.day2()) {
        (Some(d1), Some(d2)) => format!("{d1}, {d2}"),
        (Some(d1), None) => d1.to_string(),
        _ => tr!(lang, NoDate),
    }
}

fn list(store: &Store, lang: Lang, out: &mut dyn Write) -> Outcome {
    let listing = store.list().map_err(|e| Failure::of(&e, lang))?;
    let skipped = match listing.skipped {
        0 => None,
        n => Some(tr!(lang, ListSkipped, n = n)),
    };
    let sessions = listing.sessions;
    if sessions.is_empty() {
        say(out, tr!(lang, ListEmpty, dir = store.dir().display()))?;
        return skipped.map_or(Ok(()), |line| say(out, line));
    }
    let width = sessions
        .iter()
        .map(|(slug, _)| slug.len())
        .max()
        .unwrap_or(0);
    for (slug, session) in sessions {
        let line = match session {
            Ok(s) => format!(
                "{slug:width$}  {} · {} · {} · {} · {}",
                s.title,
                s.organisation,
                dates(&s, lang),
                tr!(lang, Answers, n = s.answers().len()),
                tr!(lang, Changed, time = local_time(s.changed)),
            ),
            Err(e) => tr!(lang, ListUnreadable, file = slug, reason = e.localize(lang)),
        };
        say(out, line)?;
    }
    skipped.map_or(Ok(()), |line| say(out, line))
}

fn show(arg: &str, store: &Store, lang: Lang, out: &mut dyn Write) -> Outcome {
    let fail = |e: StoreError| Failure::of(&e, lang);
    let session = store::load(&store.resolve(arg).map_err(fail)?).map_err(fail)?;
    let program = session.program();
    say(out, format!("{} – {}", session.title, session.organisation))?;
    say(
        out,
        format!(
            "{}: {} ({}) · {} · {}",
            tr!(lang, Program),
            program.title,
            program.id,
            tr!(lang, Participants, n = session.participants().len()),
            tr!(lang, Answers, n = session.answers().len()),
        ),
    )?;
    let width = program.blocks().map(|(_, b)| b.id.len()).max().unwrap_or(0);
    for (d, day) in program.days.iter().enumerate() {
        let mut heading = tr!(lang, Day, n = d + 1);
        if !day.title.is_empty() {
            heading = day.title.clone();
        }
        if let Some(date) = session.date_of_day(d) {
            heading.push_str(&format!(" · {}", long_date(lang, date)));
        }
        say(out, format!("\n{heading}"))?;
        for slot in day.schedule() {
            let block = slot.block;
            let times = if block.skipped {
                format!("{:11}", "")
            } else {
                format!("{}–{}", clock(slot.start), clock(slot.end))
            };
            let mut line = format!("  {times}  {:width$}  {}", block.id, block.title);
            if block.skipped {
                line.push_str(&format!(" · {}", tr!(lang, Skipped)));
            }
            let answers = session.answers_in(&block.id).count();
            let marked = session.answers_in(&block.id).filter(|a| a.marked).count();
            if answers > 0 {
                let count = tr!(lang, AnswersMarked, n = answers, marked = marked);
                line.push_str(&format!(" · {count}"));
            }
            say(out, line)?;
        }
        say(
            out,
            format!("  {}        {}", clock(day.end_minute()), tr!(lang, End)),
        )?;
    }
    // The ids that `samspel agreement --agreement` and `export --agreement` take.
    if session.agreements().nth(1).is_some() {
        say(out, format!("\n{}", tr!(lang, CliShowAgreements)))?;
        for agreement in session.agreements() {
            say(
                out,
                format!("  {}  {}", agreement.id(), agreement.label(lang)),
            )?;
        }
    }
    // The ids that `samspel agreement --section` takes.
    say(out, format!("\n{}", tr!(lang, CliShowSections)))?;
    let width = program
        .sections
        .iter()
        .map(|s| s.id.len())
        .max()
        .unwrap_or(0);
    for section in &program.sections {
        let title = session.section_title(&section.id, lang).unwrap_or_default();
        say(out, format!("  {:width$}  {title}", section.id))?;
    }
    Ok(())
}

fn add_answer(args: AddAnswerArgs, store: &Store, lang: Lang) -> Outcome {
    let fail = |e: &dyn Localize| Failure::of(e, lang);
    let path = store.resolve(&args.session).map_err(|e| fail(&e))?;
    let text = if args.text == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::usage(tr!(lang, CliErrReadStdin, detail = e)))?;
        text
    } else {
        args.text
    };
    let now = Timestamp::now();
    change(&path, lang, |session| {
        let speaker = session
            .speaker_named(&args.participant)
            .map_err(|e| fail(&e))?;
        session
            .add_answer(&args.block, speaker, &text, args.mark, now)
            .map_err(|e| fail(&e))?;
        Ok(())
    })
}

fn add_action(args: AddActionArgs, store: &Store, lang: Lang) -> Outcome {
    let fail = |e: &dyn Localize| Failure::of(e, lang);
    let path = store.resolve(&args.session).map_err(|e| fail(&e))?;
    let due = args
        .by
        .as_deref()
        .map(|d| parse_date(d, lang))
        .transpose()?;
    let text = ActionText {
        what: args.what,
        who: args.who,
        due,
    };
    let now = Timestamp::now();
    change(&path, lang, |session| {
        let block = args.block.as_deref();
        session
            .add_action_item(text.clone(), block, now)
            .map_err(|e| fail(&e))?;
        Ok(())
    })
}

/// Sets an agreement's title, its parties (by name) and sections' text; with
/// `--new`, of a new agreement on the same rules, whose id it prints.
fn agreement(args: AgreementArgs, store: &Store, lang: Lang, out: &mut dyn Write) -> Outcome {
    let fail = |e: &dyn Localize| Failure::of(e, lang);
    let path = store.resolve(&args.session).map_err(|e| fail(&e))?;
    let now = Timestamp::now();
    let id = match &args.new {
        Some(name) => store::slugify(name),
        None => args.agreement.clone().unwrap_or_else(|| MAIN.to_string()),
    };
    change(&path, lang, |session| {
        if let Some(name) = &args.new {
            session
                .add_agreement(&id, name, Vec::new(), now)
                .map_err(|e| fail(&e))?;
        }
        session.agreement_of(&id).map_err(|e| fail(&e))?;
        if let Some(title) = &args.title {
            session
                .set_agreement_title(&id, title, now)
                .map_err(|e| fail(&e))?;
        }
        if !args.parties.is_empty() {
            let ids = args
                .parties
                .iter()
                .map(|name| match session.speaker_named(name) {
                    Ok(Speaker::Participant(id)) => Ok(id),
                    Ok(Speaker::Group) => Err(ModelError::UnknownParticipant {
                        name: name.clone(),
                        known: session
                            .participants()
                            .iter()
                            .map(|p| p.name.clone())
                            .collect(),
                    }),
                    Err(e) => Err(e),
                })
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| fail(&e))?;
            session.set_parties(&id, ids, now).map_err(|e| fail(&e))?;
        }
        // Each --section brings an id and a text (clap counts them in pairs).
        for pair in args.section.chunks_exact(2) {
            session
                .set_section_text(&id, &pair[0], &pair[1], now)
                .map_err(|e| fail(&e))?;
        }
        Ok(())
    })?;
    if args.new.is_some() {
        say(out, id)?;
    }
    Ok(())
}

/// Opens the session, makes `change` and saves it. If another program saved the
/// file in between (possible only with its lock file deleted), the change is
/// made again on that program's version, so that neither is lost.
fn change(path: &Path, lang: Lang, change: impl Fn(&mut Session) -> Outcome) -> Outcome {
    let fail = |e: StoreError| Failure::of(&e, lang);
    let (mut writer, mut session) = Writer::open(path).map_err(fail)?;
    change(&mut session)?;
    while let Saved::Theirs { theirs, .. } = writer.save(&session).map_err(fail)? {
        session = *theirs;
        change(&mut session)?;
    }
    Ok(())
}

fn export(args: ExportArgs, store: &Store, lang: Lang) -> Outcome {
    if args.raw && args.format != Format::Csv {
        return Err(Failure::usage(tr!(lang, CliErrRawNotCsv)));
    }
    if (args.final_text || args.agreement.is_some()) && !args.format.is_agreement() {
        return Err(Failure::usage(tr!(lang, CliErrFinalNotAgreement)));
    }
    // Word's tracked changes (w:ins, w:del) are not written yet (#18.4).
    if args.changes && args.format != Format::AgreementMd {
        return Err(Failure::usage(tr!(lang, CliErrChangesMdOnly)));
    }
    let fail = |e: StoreError| Failure::of(&e, lang);
    let path = store.resolve(&args.session).map_err(fail)?;
    let session = store::load(&path).map_err(fail)?;
    if let Some(id) = &args.agreement {
        session
            .agreement_of(id)
            .map_err(|e| Failure::of(&e, lang))?;
    }
    let options = Options {
        anonymous: args.anonymous,
        lang,
        sources: args.sources,
        final_text: args.final_text,
        changes: args.changes,
        agreement: args.agreement.clone(),
        day: export_day(&session, &args, lang)?,
        now: Timestamp::now(),
        raw_csv: args.raw,
    };
    let bytes =
        export::render(&session, args.format, &options).map_err(|e| Failure::of(&e, lang))?;
    let replace = if args.force {
        Replace::Allow
    } else {
        Replace::Refuse
    };
    store::write_export(&args.out, &bytes, replace, &path).map_err(|e| forcible(e, lang))
}

/// A store's failure in a command that has `--force`: a file that is there is
/// named with the flag that replaces it (the store's own sentence cannot, as
/// the app and `samspel new` have no such flag).
fn forcible(error: StoreError, lang: Lang) -> Failure {
    match error {
        StoreError::Exists { file } => Failure {
            code: 1,
            message: tr!(lang, CliErrExists, file = file),
        },
        error => Failure::of(&error, lang),
    }
}

/// Writes a generated two-day session (for benchmarks and trials) and prints its path.
fn generate(
    path: &std::path::Path,
    (participants, answers): (u32, u32),
    org: &str,
    force: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> Outcome {
    let program = programs::built_in("skr-tva-dagar")
        .and_then(Result::ok)
        .ok_or_else(|| Failure::usage(tr!(lang, CliErrUnknownProgram, id = "skr-tva-dagar")))?;
    let count = |n: u32| usize::try_from(n).unwrap_or(usize::MAX);
    let session = crate::generate::session(program, count(participants), count(answers), org);
    let written = match force {
        true => Writer::replace(path, &session),
        false => Writer::create(path, &session),
    };
    drop(written.map_err(|e| forcible(e, lang))?);
    let _ = writeln!(out, "{}", path.display());
    Ok(())
}

/// The day `--day` asks for (0 is day 1), if it exists and the format has days.
fn export_day(session: &Session, args: &ExportArgs, lang: Lang) -> Result<Option<usize>, Failure> {
    let Some(day) = args.day else {
        return Ok(None);
    };
    if !args.format.is_notes() {
        return Err(Failure::usage(tr!(lang, CliErrDayNotNotes)));
    }
    let days = session.program().days.len();
    if usize::from(day) > days {
        return Err(Failure::usage(tr!(
            lang,
            CliErrNoSuchDay,
            n = day,
            of = program_size(session.program(), lang).0
        )));
    }
    Ok(Some(usize::from(day) - 1))
}

/// "2 dagar", "17 block".
fn program_size(program: &Program, lang: Lang) -> (String, String) {
    (
        tr!(lang, Days, n = program.days.len()),
        tr!(lang, Blocks, n = program.blocks().count()),
    )
}

fn list_programs(lang: Lang, out: &mut dyn Write) -> Outcome {
    let width = programs::built_in_ids().map(str::len).max().unwrap_or(0);
    for id in programs::built_in_ids() {
        let Some(program) = programs::built_in(id) else {
            continue;
        };
        let program = program.map_err(|e| Failure::of(&e, lang))?;
        let (days, blocks) = program_size(&program, lang);
        let hours: Vec<String> = program
            .days
            .iter()
            .map(|d| format!("{}–{}", clock(d.start_minute()), clock(d.end_minute())))
            .collect();
        say(
            out,
            format!(
                "{id:width$}  {} · {days} ({}) · {blocks}",
                program.title,
                hours.join(", ")
            ),
        )?;
    }
    Ok(())
}
