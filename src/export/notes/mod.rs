//! Session notes (*minnesanteckningar*): what was said, block by block, as plain
//! data with every label already resolved (names or pseudonyms, dates, times).
//! The three formats only lay this out, so anonymity and the day filter are
//! decided here, once.

mod docx;
mod markdown;
mod text;

pub use docx::to_docx;
pub use markdown::to_markdown;
pub use text::to_text;

use super::{Options, speaker_label, who_label};
use crate::i18n::{Lang, Msg, date_text, long_date, text};
use crate::model::{Block, BlockKind, Item, Session, Side, Speaker, Voting, clock};
use crate::tr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notes<'a> {
    pub title: String,
    /// The header's fields: organisation, dates, facilitator.
    pub header: Vec<(String, String)>,
    /// Each side with its people ("Åsa Öberg, KSO (S)" or a pseudonym).
    pub sides: Vec<(String, Vec<String>)>,
    pub days: Vec<NotesDay<'a>>,
    pub actions: Vec<ActionRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotesDay<'a> {
    /// "Dag 1 – torsdag 12 mars 2026".
    pub heading: String,
    pub blocks: Vec<NotesBlock<'a>>,
    pub times: Vec<TimeRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotesBlock<'a> {
    pub title: String,
    pub question: Option<String>,
    /// Politik, Verksamhet, the group: only those who answered.
    pub groups: Vec<AnswerGroup<'a>>,
    pub proposals: Vec<NoteAnswer<'a>>,
    pub votings: Vec<VotingResult>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerGroup<'a> {
    pub label: String,
    pub answers: Vec<NoteAnswer<'a>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteAnswer<'a> {
    /// Who said it (for a proposal: who its sources came from).
    pub who: String,
    /// Borrowed from the session: the notes of a long day would otherwise hold
    /// every answer twice.
    pub text: &'a str,
    /// Marked for the agreement.
    pub marked: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VotingResult {
    /// "Prioritering, 3 prickar var".
    pub heading: String,
    /// The items that got dots, most first.
    pub rows: Vec<ResultRow>,
    /// "12 förslag fick inga prickar.", when some got none: listing them all
    /// would bury the result.
    pub undotted: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRow {
    pub rank: usize,
    pub text: String,
    pub total: u32,
    pub politik: u32,
    pub verksamhet: u32,
}

/// A line of the day's plan against what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeRow {
    /// "09:00–09:30".
    pub time: String,
    pub title: String,
    pub planned: u32,
    /// Minutes on the block's timer; `None` when it was never started.
    pub actual: Option<i64>,
}

/// What, who, by when, from which block.
pub type ActionRow = [String; 4];

/// Compiles the notes of the days `options.day` asks for (all when `None`).
pub fn compile<'a>(session: &'a Session, options: &Options) -> Notes<'a> {
    let lang = options.lang;
    let days: Vec<usize> = (0..session.program().days.len())
        .filter(|d| options.day.is_none_or(|only| only == *d))
        .collect();
    Notes {
        title: session.title.clone(),
        header: header(session, &days, lang, options.anonymous),
        sides: sides(session, options),
        days: days.iter().map(|&d| day(session, d, options)).collect(),
        actions: actions(session, &days, options),
    }
}

fn header(session: &Session, days: &[usize], lang: Lang, anonymous: bool) -> Vec<(String, String)> {
    let dates: Vec<String> = days
        .iter()
        .filter_map(|&d| session.date_of_day(d))
        .map(|d| date_text(lang, d))
        .collect();
    let mut fields = vec![(tr!(lang, DocOrganisation), session.organisation.clone())];
    if !dates.is_empty() {
        fields.push((tr!(lang, DocDate), dates.join(", ")));
    }
    // Anonymous notes name nobody, and the facilitator is often in the list too.
    if !session.facilitator.is_empty() && !anonymous {
        fields.push((tr!(lang, NotesFacilitator), session.facilitator.clone()));
    }
    fields
}

/// The participants by side, observers last. Anonymous notes list pseudonyms
/// only: a title such as "KSO" would name the person.
fn sides(session: &Session, options: &Options) -> Vec<(String, Vec<String>)> {
    let lang = options.lang;
    let person = |p: &crate::model::Participant| {
        let label = speaker_label(session, Speaker::Participant(p.id), options);
        if options.anonymous {
            return label;
        }
        let mut line = label;
        for about in [&p.title, &p.affiliation]
            .into_iter()
            .filter(|s| !s.is_empty())
        {
            // "(S)" reads best right after the title; a department after a comma.
            let sep = if about.starts_with('(') { " " } else { ", " };
            line = format!("{line}{sep}{about}");
        }
        line
    };
    let of = |side: Option<Side>| -> Vec<String> {
        session
            .participants()
            .iter()
            .filter(|p| match side {
                Some(side) => !p.observer && p.side == side,
                None => p.observer,
            })
            .map(person)
            .collect()
    };
    [
        (
            Side::Politik.label(lang).to_string(),
            of(Some(Side::Politik)),
        ),
        (
            Side::Verksamhet.label(lang).to_string(),
            of(Some(Side::Verksamhet)),
        ),
        (tr!(lang, NotesObservers), of(None)),
    ]
    .into_iter()
    .filter(|(_, people)| !people.is_empty())
    .collect()
}

fn day<'a>(session: &'a Session, index: usize, options: &Options) -> NotesDay<'a> {
    let lang = options.lang;
    let program_day = &session.program().days[index];
    let mut heading = tr!(lang, Day, n = index + 1);
    if let Some(date) = session.date_of_day(index) {
        heading = format!("{heading} – {}", long_date(lang, date));
    }
    let schedule = program_day.schedule();
    NotesDay {
        heading,
        blocks: program_day
            .blocks
            .iter()
            .filter(|b| in_body(session, b))
            .map(|b| block(session, b, options))
            .collect(),
        times: schedule
            .iter()
            .filter(|slot| !slot.block.skipped)
            .map(|slot| TimeRow {
                time: format!("{}–{}", clock(slot.start), clock(slot.end)),
                title: slot.block.title.clone(),
                planned: slot.block.minutes,
                actual: actual_minutes(session, &slot.block.id, options),
            })
            .collect(),
    }
}

/// Minutes on the block's timer, rounded; a running timer counts until now.
fn actual_minutes(session: &Session, block: &str, options: &Options) -> Option<i64> {
    let timer = session.progress().timers.get(block)?;
    let secs = timer.elapsed(options.now);
    (secs > 0 || timer.is_running()).then_some((secs + 30) / 60)
}

/// Questions always have a place in the notes; other blocks only when something
/// was said or decided in them. Breaks appear in the time table alone (a voting
/// opened at lunch with `P` and left empty decided nothing); skipped blocks took
/// no time in the plan and are in neither, unless answers were given there
/// anyway (then in the body).
fn in_body(session: &Session, block: &Block) -> bool {
    let has_content = session.answers_in(&block.id).next().is_some()
        || session.proposals().iter().any(|p| p.block == block.id)
        || session
            .votings()
            .iter()
            .any(|v| decided(session, v, &block.id));
    let asks = matches!(block.kind, BlockKind::Question | BlockKind::Prioritisation);
    has_content || (asks && !block.skipped)
}

fn block<'a>(session: &'a Session, block: &'a Block, options: &Options) -> NotesBlock<'a> {
    let lang = options.lang;
    // Under "Gruppen" the group's answers need no name of their own.
    let answer = |speaker: Speaker, text: &'a str, marked: bool| NoteAnswer {
        who: match speaker {
            Speaker::Group => String::new(),
            _ => speaker_label(session, speaker, options),
        },
        text,
        marked,
    };
    let group = |label: String, wanted: &dyn Fn(Speaker) -> bool| AnswerGroup {
        label,
        answers: session
            .answers_in(&block.id)
            .filter(|a| wanted(a.speaker))
            .map(|a| answer(a.speaker, &a.text, a.marked))
            .collect(),
    };
    let side_of = |speaker: Speaker| match speaker {
        Speaker::Participant(id) => session.participant(id).map(|p| p.side),
        Speaker::Group => None,
    };
    let groups = [
        group(Side::Politik.label(lang).into(), &|s| {
            side_of(s) == Some(Side::Politik)
        }),
        group(Side::Verksamhet.label(lang).into(), &|s| {
            side_of(s) == Some(Side::Verksamhet)
        }),
        group(text(lang, Msg::Group).into(), &|s| side_of(s).is_none()),
    ];
    NotesBlock {
        title: block.title.clone(),
        question: block.question.clone(),
        groups: groups
            .into_iter()
            .filter(|g| !g.answers.is_empty())
            .collect(),
        proposals: session
            .proposals()
            .iter()
            .filter(|p| p.block == block.id)
            .map(|p| NoteAnswer {
                who: names(session, Item::Proposal(p.id), options),
                text: &p.text,
                marked: p.marked,
            })
            .collect(),
        votings: votings(session, &block.id, lang),
    }
}

/// "Åsa Öberg, Jörgen Ståhl": whose answers an item holds.
fn names(session: &Session, item: Item, options: &Options) -> String {
    session
        .item_speakers(item)
        .into_iter()
        .map(|s| speaker_label(session, s, options))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a voting of `block` had any dot placed: the notes show those only.
fn decided(session: &Session, voting: &Voting, block: &str) -> bool {
    session.voting_block(voting) == Some(block) && !voting.dots.is_empty()
}

/// The block's votings in which any dot was placed, ranked.
fn votings(session: &Session, block: &str, lang: Lang) -> Vec<VotingResult> {
    session
        .votings()
        .iter()
        .enumerate()
        .filter(|(_, v)| decided(session, v, block))
        .map(|(i, v)| {
            let (dotted, undotted): (Vec<_>, Vec<_>) =
                session.ranking(i).into_iter().partition(|r| r.total > 0);
            VotingResult {
                heading: tr!(lang, NotesVoting, n = v.dots_each),
                rows: dotted
                    .into_iter()
                    .map(|r| ResultRow {
                        rank: r.rank,
                        text: session.item_text(r.item).unwrap_or_default().to_string(),
                        total: r.total,
                        politik: r.politik,
                        verksamhet: r.verksamhet,
                    })
                    .collect(),
                undotted: (!undotted.is_empty())
                    .then(|| tr!(lang, NotesUndotted, n = undotted.len())),
            }
        })
        .collect()
}

/// The action items from the chosen days' blocks, and those tied to no block.
fn actions(session: &Session, days: &[usize], options: &Options) -> Vec<ActionRow> {
    let program = session.program();
    // `None`: the block is on a day left out. A block that is gone keeps the
    // item in the notes, without a "from".
    let block_title = |id: &str| match program.blocks().find(|(_, b)| b.id == id) {
        Some((day, block)) => days.contains(&day).then(|| block.title.clone()),
        None => Some(String::new()),
    };
    session
        .action_items()
        .iter()
        .filter_map(|a| {
            let from = match &a.block {
                Some(id) => block_title(id)?,
                None => String::new(),
            };
            let due = a
                .due
                .map(|d| date_text(options.lang, d))
                .unwrap_or_default();
            Some([
                a.what.clone(),
                who_label(session, &a.who, options),
                due,
                from,
            ])
        })
        .collect()
}

/// "34 min", or a dash for a block whose timer never ran.
pub fn minutes(lang: Lang, minutes: Option<i64>) -> String {
    minutes.map_or_else(|| "–".to_string(), |n| tr!(lang, Minutes, n = n))
}

/// The column heads of the time table and of the action table.
pub fn time_head(lang: Lang) -> [String; 4] {
    [
        tr!(lang, NotesTime),
        tr!(lang, NotesBlock),
        tr!(lang, NotesPlanned),
        tr!(lang, NotesActual),
    ]
}

pub fn action_head(lang: Lang) -> [String; 4] {
    [
        tr!(lang, FieldWhat),
        tr!(lang, FieldWho),
        tr!(lang, DocBy),
        tr!(lang, NotesFromBlock),
    ]
}

pub fn result_head(lang: Lang) -> [String; 5] {
    [
        tr!(lang, NotesRank),
        tr!(lang, NotesItem),
        tr!(lang, NotesDots),
        Side::Politik.label(lang).to_string(),
        Side::Verksamhet.label(lang).to_string(),
    ]
}

impl TimeRow {
    pub fn cells(&self, lang: Lang) -> [String; 4] {
        [
            self.time.clone(),
            self.title.clone(),
            minutes(lang, Some(i64::from(self.planned))),
            minutes(lang, self.actual),
        ]
    }
}

impl ResultRow {
    pub fn cells(&self) -> [String; 5] {
        [
            self.rank.to_string(),
            self.text.clone(),
            self.total.to_string(),
            self.politik.to_string(),
            self.verksamhet.to_string(),
        ]
    }
}
