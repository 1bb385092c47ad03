//! The performance budgets of docs/performance.md, each measured on a generated
//! two-day session with 50 participants and 3,000 answers (the save also at a
//! workshop's 25 participants and 300 answers). `cargo bench` runs them; the
//! budgets are checked by reading the figures, never by a test.

use std::fs;
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samspel::export::{self, Format, Options};
use samspel::i18n::Lang;
use samspel::model::Session;
use samspel::store::{self, Store, Writer};
use samspel::tui::{Action, App, Shell, dispatch, render::render};

const PARTICIPANTS: usize = 50;
const ANSWERS: usize = 3_000;
/// The projector size the keystroke budget is set for.
const SCREEN: (u16, u16) = (160, 45);

fn now() -> Timestamp {
    "2026-03-12T09:30:00Z".parse().unwrap()
}

fn generated() -> Session {
    generated_with(PARTICIPANTS, ANSWERS)
}

fn generated_with(participants: usize, answers: usize) -> Session {
    let program = samspel::programs::built_in("skr-tva-dagar")
        .unwrap()
        .unwrap();
    samspel::generate::session(program, participants, answers, "Benchby kommun")
}

/// A directory on the real disk (not tmpfs), so that `sync_all` costs what it
/// costs on the facilitator's laptop.
fn disk_dir() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()
}

fn saved(dir: &Path) -> PathBuf {
    let path = dir.join("bench.samspel.json");
    drop(Writer::create(&path, &generated()).unwrap());
    path
}

fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The app on the generated session, after `keys`, with a terminal to draw in.
struct Running {
    app: App,
    shell: Shell,
    terminal: Terminal<TestBackend>,
    _dir: tempfile::TempDir,
}

impl Running {
    fn open(keys: &[char]) -> Running {
        let dir = disk_dir();
        let path = saved(dir.path());
        let mut shell = Shell::new(Store::at(dir.path().to_path_buf()), Lang::Sv);
        let mut app = App::new(Lang::Sv, now());
        let opened = shell.open(&path);
        dispatch(&mut app, &mut shell, Action::Opened(opened), now());
        for &c in keys {
            let code = match c {
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            dispatch(&mut app, &mut shell, key(code), now());
        }
        let terminal = Terminal::new(TestBackend::new(SCREEN.0, SCREEN.1)).unwrap();
        Running {
            app,
            shell,
            terminal,
            _dir: dir,
        }
    }

    fn act(&mut self, action: Action) {
        dispatch(&mut self.app, &mut self.shell, action, now());
    }

    fn frame(&mut self) {
        let app = &self.app;
        self.terminal.draw(|frame| render(app, frame)).unwrap();
    }
}

/// One typed character: `update` and a whole frame. The character is taken back
/// (untimed) after each, so every measured keystroke sees the same text.
fn keystroke(c: &mut Criterion, name: &str, keys: &[char]) {
    let mut running = Running::open(keys);
    running.frame();
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                running.act(key(KeyCode::Char('å')));
                running.frame();
                spent += start.elapsed();
                running.act(key(KeyCode::Backspace));
            }
            spent
        });
    });
}

fn keystrokes(c: &mut Criterion) {
    // `a` opens the editor; `p` the wall; `v` the Politik | Verksamhet view.
    keystroke(c, "keystroke/workshop", &['a']);
    keystroke(c, "keystroke/presentation", &['p', 'a']);
    keystroke(c, "keystroke/side_by_side", &['v', 'a']);
    // `o` opens the agreement, `\n` (Enter) starts writing the first section.
    keystroke(c, "keystroke/agreement", &['o', '\n']);
}

fn opening(c: &mut Criterion) {
    let dir = disk_dir();
    let path = saved(dir.path());
    c.bench_function("open/until_first_frame", |b| {
        b.iter(|| {
            let mut shell = Shell::new(Store::at(dir.path().to_path_buf()), Lang::Sv);
            let mut app = App::new(Lang::Sv, now());
            let opened = shell.open(&path);
            dispatch(&mut app, &mut shell, Action::Opened(opened), now());
            let mut terminal = Terminal::new(TestBackend::new(SCREEN.0, SCREEN.1)).unwrap();
            terminal.draw(|frame| render(&app, frame)).unwrap();
            black_box(terminal.backend().buffer().area);
        });
    });
}

/// The durable save beside its floor, the store's own durable write of the
/// same bytes (temp file, `sync_all`, rename, directory sync): what any save
/// pays whatever it encodes. The bare write + `sync_all` + rename (no
/// directory sync) is timed too, the floor these budgets used before. Measured
/// at a real workshop's size (25 participants, 300 answers) and on the large
/// session; each save follows a change to one answer, as when the facilitator
/// confirms one.
fn saving(c: &mut Criterion) {
    save_at(c, 25, 300);
    save_at(c, PARTICIPANTS, ANSWERS);
}

fn save_at(c: &mut Criterion, participants: usize, answers: usize) {
    let dir = disk_dir();
    let path = dir.path().join("bench.samspel.json");
    drop(Writer::create(&path, &generated_with(participants, answers)).unwrap());
    let (mut writer, mut session) = Writer::open(&path).unwrap();
    let bytes = store::encode(&session);
    let last = session.answers().last().unwrap().id;
    let mut n = 0;
    let mut save = || {
        n += 1;
        let text = [
            "Mer tid för samtal.",
            "Mer tid för samtal om det långsiktiga.",
        ][n % 2];
        session.edit_answer(last, text, now()).unwrap();
        writer.save(&session).unwrap();
    };
    let durable = dir.path().join("floor.samspel.json");
    let floor = || store::write_atomic(&durable, &bytes, store::Replace::Allow).unwrap();
    let (bare, temp) = (dir.path().join("bare.json"), dir.path().join("bare.tmp"));
    let bare_floor = || {
        let mut file = fs::File::create(&temp).unwrap();
        file.write_all(&bytes).unwrap();
        file.sync_all().unwrap();
        fs::rename(&temp, &bare).unwrap();
    };
    save();
    let name = |what: &str| format!("save/{answers}/{what}");
    c.bench_function(&name("durable"), |b| b.iter(&mut save));
    c.bench_function(&name("floor_durable_write"), |b| b.iter(floor));
    c.bench_function(&name("floor_write_sync_rename"), |b| b.iter(bare_floor));
    // The disk's speed drifts over minutes, and the budget is a ratio: so the
    // three are also timed in turns, and the ratios of their totals printed.
    let mut totals = [Duration::ZERO; 3];
    c.bench_function(&name("in_turns"), |b| {
        b.iter_custom(|iters| {
            let mut run = [Duration::ZERO; 3];
            for _ in 0..iters {
                run[0] += timed(&mut save);
                run[1] += timed(floor);
                run[2] += timed(bare_floor);
            }
            for (total, spent) in totals.iter_mut().zip(run) {
                *total += spent;
            }
            run.iter().sum()
        })
    });
    if !totals[1].is_zero() && !totals[2].is_zero() {
        let [save, floor, bare] = totals.map(|t| t.as_secs_f64());
        println!(
            "save/{answers}, in turns: {:.2}× the durable write (budget {}), {:.2}× write + sync + rename",
            save / floor,
            if answers < 1_000 {
                "≤ 1.5×"
            } else {
                "≤ 2.5×"
            },
            save / bare,
        );
    }
    drop(writer);
    // What a save pays above its floor.
    c.bench_function(&name("part_encode"), |b| b.iter(|| store::encode(&session)));
}

fn timed(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn loading_and_compiling(c: &mut Criterion) {
    let dir = disk_dir();
    let path = saved(dir.path());
    c.bench_function("load", |b| b.iter(|| store::load(&path).unwrap()));
    let session = store::load(&path).unwrap();
    c.bench_function("agreement/compile", |b| {
        b.iter(|| samspel::model::draft_agreement::compile(&session, samspel::i18n::Lang::Sv));
    });
}

fn exports(c: &mut Criterion) {
    let session = generated();
    let options = Options {
        now: now(),
        ..Options::default()
    };
    for format in Format::ALL {
        let id = clap::ValueEnum::to_possible_value(&format).expect("every format has a name");
        let name = format!("export/{}", id.get_name());
        c.bench_function(&name, |b| {
            b.iter(|| export::render(&session, format, &options).unwrap());
        });
    }
}

criterion_group! {
    name = budgets;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = keystrokes, opening, saving, loading_and_compiling, exports
}
criterion_main!(budgets);
