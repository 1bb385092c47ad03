//! Generated sessions of any size, for tests and benchmarks: realistic and varied
//! (both sides, åäö, emoji, quotes, line breaks, right-to-left text, marked answers,
//! action items), and the same for the same arguments.

use jiff::{SignedDuration, Timestamp, civil::Date};

use crate::model::{
    ActionText, AnswerId, BlockKind, DEFAULT_DOTS, NewParticipant, ParticipantId, Program, Session,
    Side, Speaker,
};

const FIRST_NAMES: [&str; 12] = [
    "Åsa",
    "Örjan",
    "Märta",
    "Björn",
    "Élise",
    "Ngozi",
    "Jörgen",
    "Päivi",
    "Sven-Åke",
    "Aïcha",
    "Zoë",
    "Håkan",
];
const LAST_NAMES: [&str; 8] = [
    "Öberg",
    "Ståhl",
    "Lindqvist",
    "Nässén",
    "Åkesson",
    "O'Brien",
    "Karlsson",
    "Özdemir",
];
const TITLES: [(&str, Side); 8] = [
    ("kommunstyrelsens ordförande", Side::Politik),
    ("kommundirektör", Side::Verksamhet),
    ("oppositionsråd", Side::Politik),
    ("förvaltningschef", Side::Verksamhet),
    ("kommunalråd", Side::Politik),
    ("stabschef", Side::Verksamhet),
    ("nämndordförande", Side::Politik),
    ("ekonomichef", Side::Verksamhet),
];
const PHRASES: [&str; 12] = [
    "Vi behöver tydligare beslutsunderlag i god tid före sammanträdet.",
    "Att vi säger samma sak utåt när ett beslut väl är fattat.",
    "Mer förtroende och mindre detaljstyrning 🙏",
    "Regelbundna avstämningar KSO–KD varje måndag.",
    "Ibland vet vi inte vem som ska svara media – ”vem äger frågan?”",
    "Återkoppling när uppdrag är slutförda,\näven när svaret är nej.",
    "Delegationsordningen behöver ses över; den är från 2019.",
    "Ärlighet om vad som inte går att göra inom budget 📉",
    "Respekt för att politiken har sista ordet.",
    "Mötesstrukturen är för tät; färre men bättre möten.",
    "مرحبا – vi har deltagare som talar arabiska i nämnden.",
    "Tydlighet: \"vad\" och \"när\" från oss, \"hur\" från er.",
];

/// A small deterministic generator (xorshift), so that the same call gives the same session.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }
}

/// A session of `program` with `participants` people and `answers` answers,
/// spread evenly over the blocks that take answers.
pub fn session(
    program: Program,
    participants: usize,
    answers: usize,
    organisation: &str,
) -> Session {
    let start = Timestamp::from_second(1_773_306_000).unwrap_or(Timestamp::UNIX_EPOCH);
    let mut s = Session::new(program, organisation, "Styra och leda tillsammans", start);
    let day1 = Date::new(2026, 3, 12).ok();
    let _ = s.set_dates(day1, None);
    let mut rng = Rng(0x5a4d_5e11_0000_0001);
    let mut ids = Vec::with_capacity(participants);
    for i in 0..participants {
        let (title, side) = TITLES[i % TITLES.len()];
        let name = format!(
            "{} {} {}",
            FIRST_NAMES[i % FIRST_NAMES.len()],
            LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()],
            i + 1
        );
        let new = NewParticipant {
            affiliation: if side == Side::Politik { "(S)" } else { "" }.to_string(),
            ..NewParticipant::new(&name, title, side)
        };
        if let Ok(id) = s.add_participant(new, start) {
            ids.push(id);
        }
    }
    let blocks: Vec<String> = s
        .program()
        .blocks()
        .filter(|(_, b)| b.takes_answers())
        .map(|(_, b)| b.id.clone())
        .collect();
    for n in 0..answers {
        let Some(block) = blocks.get(n * blocks.len() / answers.max(1)) else {
            break;
        };
        let speaker = match rng.below(ids.len() + 1) {
            i if i < ids.len() => Speaker::Participant(ids[i]),
            _ => Speaker::Group,
        };
        let mut text = PHRASES[rng.below(PHRASES.len())].to_string();
        for _ in 0..rng.below(4) {
            text.push(' ');
            text.push_str(PHRASES[rng.below(PHRASES.len())]);
        }
        let at = start + SignedDuration::from_secs(i64::try_from(n).unwrap_or(0) * 7);
        let _ = s.add_answer(block, speaker, &text, n % 7 == 0, at);
    }
    for (i, block) in blocks.iter().enumerate().take(participants.min(12)) {
        let who = s
            .participants()
            .get(i)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let due = s.day1();
        let _ = s.add_action_item(
            ActionText::new("Ta fram ett förslag till ny delegationsordning", &who, due),
            Some(block),
            start,
        );
    }
    work_of_the_day(&mut s, &ids, &mut rng, start);
    s
}

/// What a worked day leaves besides answers: a proposal grouped from answers,
/// a dot voting on the prioritisation block, and timers that ran.
fn work_of_the_day(s: &mut Session, ids: &[ParticipantId], rng: &mut Rng, at: Timestamp) {
    let blocks: Vec<(String, BlockKind, u32)> = s
        .program()
        .blocks()
        .map(|(_, b)| (b.id.clone(), b.kind, b.minutes))
        .collect();
    if let Some((block, ..)) = blocks.iter().find(|(_, k, _)| *k == BlockKind::Question) {
        let some: Vec<AnswerId> = s.answers_in(block).take(3).map(|a| a.id).collect();
        if let Ok(p) = s.group_answers(&some, "Ett gemensamt förslag från gruppen", at) {
            s.set_proposal_marked(p, true, at);
        }
    }
    if let Some((block, ..)) = blocks
        .iter()
        .find(|(_, k, _)| *k == BlockKind::Prioritisation)
    {
        let items = s.voting_items(block);
        let voting = s.voting_for(block, items.clone(), at);
        for &who in ids {
            for _ in 0..DEFAULT_DOTS {
                let Some(&item) = items.get(rng.below(items.len())) else {
                    break;
                };
                let placed = s.dots_on(voting, who, item);
                let _ = s.set_dots(voting, who, item, placed + 1, at);
            }
        }
    }
    for (block, _, minutes) in blocks.iter().take(blocks.len() / 2) {
        let planned = i64::from(*minutes) * 60;
        let spread = i64::try_from(rng.below(600)).unwrap_or(0) - 300;
        s.timer_mut(block).elapsed_secs = (planned + spread).max(60);
    }
}
