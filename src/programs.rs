//! Programs: the built-in ones (embedded JSON from `sessions/`) and a user's own
//! file, checked with errors that name the file, the place in the JSON and what is wrong.

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

use crate::i18n::{Lang, Localize, Quoted};
use crate::model::{BlockKind, Program};
use crate::store::{ReadProblem, read_problem, read_regular};
use crate::tr;

/// The built-in programs, in the order `samspel programs` lists them.
const BUILT_IN: [(&str, &str); 3] = [
    ("skr-en-dag", include_str!("../sessions/skr-en-dag.json")),
    (
        "skr-tva-dagar",
        include_str!("../sessions/skr-tva-dagar.json"),
    ),
    (
        "arlig-uppfoljning",
        include_str!("../sessions/arlig-uppfoljning.json"),
    ),
];

/// A day longer than this is surely a typo (a block of 600 minutes, say).
const MAX_DAY_MINUTES: u32 = 10 * 60;

/// Why a program cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
// Display says the English sentence, so that no second wording can drift from the table.
#[error("{}", self.localize(Lang::En))]
pub enum ProgramError {
    Read {
        file: String,
        problem: ReadProblem,
    },
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

/// One thing wrong in a program, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The place in the JSON, e.g. `days[0].blocks[2].minutes` (empty: the whole file).
    pub at: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    MissingField(String),
    UnknownField {
        field: String,
        expected: String,
    },
    UnknownValue {
        value: String,
        expected: String,
    },
    WrongType(String),
    NoDays,
    EmptyDay(usize),
    BadId(String),
    DuplicateBlock(String),
    DuplicateSection(String),
    UnknownSection {
        block: String,
        section: String,
    },
    BadMinutes {
        block: String,
        minutes: i64,
    },
    NoQuestion(String),
    DayTooLong {
        day: usize,
        minutes: u32,
    },
    PastMidnight(usize),
    EmptyTitle(Titled),
}

/// What lacks a title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Titled {
    Program(String),
    Block(String),
    Section(String),
}

impl Localize for ProblemKind {
    fn localize(&self, lang: Lang) -> String {
        let q = |s: &str| Quoted(lang, s).to_string();
        match self {
            ProblemKind::Syntax {
                line,
                column,
                detail,
            } => tr!(
                lang,
                ProgramSyntax,
                line = line,
                column = column,
                detail = detail
            ),
            ProblemKind::MissingField(field) => tr!(lang, ProgramMissingField, field = q(field)),
            ProblemKind::UnknownField { field, expected } => tr!(
                lang,
                ProgramUnknownField,
                field = q(field),
                expected = expected
            ),
            ProblemKind::UnknownValue { value, expected } => tr!(
                lang,
                ProgramUnknownValue,
                value = q(value),
                expected = expected
            ),
            ProblemKind::WrongType(detail) => tr!(lang, ProgramWrongType, detail = detail),
            ProblemKind::NoDays => tr!(lang, ProgramNoDays),
            ProblemKind::EmptyDay(day) => tr!(lang, ProgramEmptyDay, day = day),
            ProblemKind::BadId(id) => tr!(lang, ProgramBadId, id = q(id)),
            ProblemKind::DuplicateBlock(id) => tr!(lang, ProgramDuplicateBlock, id = q(id)),
            ProblemKind::DuplicateSection(id) => tr!(lang, ProgramDuplicateSection, id = q(id)),
            ProblemKind::UnknownSection { block, section } => tr!(
                lang,
                ProgramUnknownSection,
                block = q(block),
                section = q(section)
            ),
            ProblemKind::BadMinutes { block, minutes } => {
                tr!(lang, ProgramNegativeMinutes, block = q(block), n = minutes)
            }
            ProblemKind::NoQuestion(block) => tr!(lang, ProgramNoQuestion, block = q(block)),
            ProblemKind::DayTooLong { day, minutes } => {
                let hours = format!("{:.1}", f64::from(*minutes) / 60.0);
                let hours = if lang == Lang::Sv {
                    hours.replace('.', ",")
                } else {
                    hours
                };
                tr!(lang, ProgramDayTooLong, day = day, hours = hours)
            }
            ProblemKind::PastMidnight(day) => tr!(lang, ProgramPastMidnight, day = day),
            ProblemKind::EmptyTitle(what) => {
                let (what, id) = match what {
                    Titled::Program(id) => (tr!(lang, ProgramWhatProgram), id),
                    Titled::Block(id) => (tr!(lang, ProgramWhatBlock), id),
                    Titled::Section(id) => (tr!(lang, ProgramWhatSection), id),
                };
                tr!(lang, ProgramEmptyTitle, what = what, id = q(id))
            }
        }
    }
}

impl Localize for ProgramError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ProgramError::Read { file, problem } => read_problem(lang, file, problem),
            ProgramError::Invalid { file, problems } => {
                let mut out = tr!(lang, ProgramInvalid, file = file);
                for p in problems {
                    let at = if p.at.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", p.at)
                    };
                    out.push_str(&format!("\n  - {at}{}", p.kind.localize(lang)));
                }
                out
            }
        }
    }
}

/// The ids of the built-in programs.
pub fn built_in_ids() -> impl Iterator<Item = &'static str> {
    BUILT_IN.iter().map(|(id, _)| *id)
}

/// A built-in program by id; `None` if there is none by that name.
pub fn built_in(id: &str) -> Option<Result<Program, ProgramError>> {
    BUILT_IN
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(id, json)| parse(&format!("sessions/{id}.json"), json))
}

/// A built-in program the code names itself (so it exists; the tests load them all).
pub fn load_built_in(id: &str) -> Result<Program, ProgramError> {
    built_in(id).unwrap_or_else(|| {
        Err(ProgramError::Read {
            file: format!("sessions/{id}.json"),
            problem: ReadProblem::NotFound,
        })
    })
}

/// A built-in program by id, or else a program file at that path.
pub fn find(id_or_path: &str) -> Option<Result<Program, ProgramError>> {
    built_in(id_or_path).or_else(|| {
        let path = Path::new(id_or_path);
        // Anything there is read (and a folder or a FIFO refused for what it is).
        path.exists().then(|| load_file(path))
    })
}

/// Reads and checks a program file.
pub fn load_file(path: &Path) -> Result<Program, ProgramError> {
    let file = path.display().to_string();
    let read = |problem| ProgramError::Read {
        file: file.clone(),
        problem,
    };
    let (bytes, _) = read_regular(path).map_err(read)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        read(ReadProblem::Io {
            kind: std::io::ErrorKind::InvalidData,
            detail: e.to_string(),
        })
    })?;
    parse(&file, &text)
}

/// Parses and checks a program; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Program, ProgramError> {
    let invalid = |problems| ProgramError::Invalid {
        file: file.to_string(),
        problems,
    };
    let value: Value = serde_json::from_str(text).map_err(|e| invalid(vec![syntax_problem(&e)]))?;
    // serde would call a negative length "invalid value: integer `-5`, expected u32";
    // find those first and say it in words.
    let negative = negative_minutes(&value);
    if !negative.is_empty() {
        return Err(invalid(negative));
    }
    let program: Program =
        serde_path_to_error::deserialize(value).map_err(|e| invalid(vec![shape_problem(&e)]))?;
    let problems = validate(&program);
    if problems.is_empty() {
        Ok(program)
    } else {
        Err(invalid(problems))
    }
}

pub(crate) fn syntax_problem(e: &serde_json::Error) -> Problem {
    // The message ends with " at line L column C", which we say in our own words.
    let message = e.to_string();
    let detail = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(d, _)| d)
        .to_string();
    Problem {
        at: String::new(),
        kind: ProblemKind::Syntax {
            line: e.line(),
            column: e.column(),
            detail,
        },
    }
}

pub(crate) fn shape_problem(e: &serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let message = e.inner().to_string();
    let names: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let first = names.first().copied().unwrap_or_default().to_string();
    let rest = names.get(1..).unwrap_or_default().join(", ");
    let kind = if message.starts_with("missing field") {
        ProblemKind::MissingField(first)
    } else if message.starts_with("unknown field") {
        ProblemKind::UnknownField {
            field: first,
            expected: rest,
        }
    } else if message.starts_with("unknown variant") {
        ProblemKind::UnknownValue {
            value: first,
            expected: rest,
        }
    } else {
        ProblemKind::WrongType(message)
    };
    let path = e.path().to_string();
    Problem {
        at: if path == "." { String::new() } else { path },
        kind,
    }
}

fn negative_minutes(value: &Value) -> Vec<Problem> {
    let days = value.get("days").and_then(Value::as_array);
    let mut problems = Vec::new();
    for (d, day) in days.into_iter().flatten().enumerate() {
        let blocks = day.get("blocks").and_then(Value::as_array);
        for (b, block) in blocks.into_iter().flatten().enumerate() {
            if let Some(minutes) = block.get("minutes").and_then(Value::as_i64)
                && minutes < 0
            {
                let id = block.get("id").and_then(Value::as_str).unwrap_or("?");
                problems.push(Problem {
                    at: format!("days[{d}].blocks[{b}].minutes"),
                    kind: ProblemKind::BadMinutes {
                        block: id.to_string(),
                        minutes,
                    },
                });
            }
        }
    }
    problems
}

/// An id usable on a command line and in a file name: `a-z`, `0-9` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Every rule a program must keep beyond its JSON shape.
pub fn validate(program: &Program) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut add = |at: String, kind| problems.push(Problem { at, kind });
    if !is_valid_id(&program.id) {
        add("id".into(), ProblemKind::BadId(program.id.clone()));
    }
    if program.title.trim().is_empty() {
        add(
            "title".into(),
            ProblemKind::EmptyTitle(Titled::Program(program.id.clone())),
        );
    }
    let mut sections = HashSet::new();
    for (i, section) in program.sections.iter().enumerate() {
        let at = format!("sections[{i}]");
        if !is_valid_id(&section.id) {
            add(at.clone(), ProblemKind::BadId(section.id.clone()));
        }
        if !sections.insert(section.id.as_str()) {
            add(
                at.clone(),
                ProblemKind::DuplicateSection(section.id.clone()),
            );
        }
        if section.title.trim().is_empty() {
            add(
                at,
                ProblemKind::EmptyTitle(Titled::Section(section.id.clone())),
            );
        }
    }
    if program.days.is_empty() {
        add("days".into(), ProblemKind::NoDays);
    }
    let mut blocks = HashSet::new();
    for (d, day) in program.days.iter().enumerate() {
        let day_no = d + 1;
        if day.blocks.is_empty() {
            add(format!("days[{d}]"), ProblemKind::EmptyDay(day_no));
        }
        for (b, block) in day.blocks.iter().enumerate() {
            let at = format!("days[{d}].blocks[{b}]");
            if !is_valid_id(&block.id) {
                add(at.clone(), ProblemKind::BadId(block.id.clone()));
            }
            if !blocks.insert(block.id.as_str()) {
                add(at.clone(), ProblemKind::DuplicateBlock(block.id.clone()));
            }
            if block.title.trim().is_empty() {
                add(
                    at.clone(),
                    ProblemKind::EmptyTitle(Titled::Block(block.id.clone())),
                );
            }
            if block.minutes == 0 {
                add(
                    format!("{at}.minutes"),
                    ProblemKind::BadMinutes {
                        block: block.id.clone(),
                        minutes: 0,
                    },
                );
            }
            let no_question = block
                .question
                .as_deref()
                .is_none_or(|q| q.trim().is_empty());
            if block.kind == BlockKind::Question && no_question {
                add(at.clone(), ProblemKind::NoQuestion(block.id.clone()));
            }
            for (s, section) in block.sections.iter().enumerate() {
                if !sections.contains(section.as_str()) {
                    add(
                        format!("{at}.sections[{s}]"),
                        ProblemKind::UnknownSection {
                            block: block.id.clone(),
                            section: section.clone(),
                        },
                    );
                }
            }
        }
        let minutes = day.planned_minutes();
        if minutes > MAX_DAY_MINUTES {
            add(
                format!("days[{d}]"),
                ProblemKind::DayTooLong {
                    day: day_no,
                    minutes,
                },
            );
        } else if day.end_minute() > 24 * 60 {
            add(format!("days[{d}]"), ProblemKind::PastMidnight(day_no));
        }
    }
    problems
}
