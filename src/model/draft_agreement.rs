//! Session → draft agreement (*överenskommelse*), as plain data: the program's
//! sections in order, each with what the group has written and the marked answers
//! and proposals of the blocks that feed it, highest priority first. Pure: the
//! exports and the agreement screen render what this returns.

use std::collections::HashMap;

use jiff::civil::Date;

use super::agreement_text::MAIN;
use super::organisation::{self, Kind, PartyRole};
use super::{ActionItem, AgreementText, Item, Participant, ParticipantId, Session, Speaker};
use crate::i18n::Lang;

/// The section that receives the action items.
pub const DEVELOPMENT: &str = "utveckling";
/// The section that receives the review date and the evaluation questions.
pub const FOLLOW_UP: &str = "uppfoljning";

/// Kungsör's questions for the annual evaluation (CONTENT.md), in Kungsör's
/// wording adapted, as the follow-up program asks them: Kungsör's document is a
/// *riktlinje*, the one a session carries an *överenskommelse*, so "riktlinjen"
/// reads "överenskommelsen"; and the Swedish is mended where it slipped
/// ("riks" → "risk", "din egna roll" → "din egen roll", "förtroende för de" →
/// "förtroende för dem").
pub const EVALUATION_QUESTIONS: [&str; 4] = [
    "Är det något som är oklart i överenskommelsen, där risk finns att tolka budskapet olika? Vad i så fall? Förslag på att förbättra?",
    "Hur kan vi arbeta ytterligare i kommunen för att överenskommelsen ska vara känd och förstås av alla anställda?",
    "Vad kan du göra för att bli bättre utifrån beskrivningen av ansvaret för din egen roll i organisationen?",
    "Har du förtroende för dem med andra roller än du själv i organisationen? Om inte – vad är det som inte fungerar och som vi kan bli bättre på? Exempel?",
];

/// The evaluation questions as a region's agreement asks them: "i kommunen"
/// is where the organisation works, so a region reads "i regionen".
pub fn evaluation_questions(kind: Kind) -> Vec<String> {
    EVALUATION_QUESTIONS
        .iter()
        .map(|q| match kind {
            Kind::Kommun => q.to_string(),
            Kind::Region => q.replace("i kommunen", "i regionen"),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// Which of the session's agreements ([`MAIN`] for the workshop's own).
    pub id: String,
    pub organisation: String,
    /// A kommun or a region: the words of roles and section titles follow it.
    pub kind: Kind,
    /// The agreement's title: as the group wrote it, else one naming the organisation.
    pub title: String,
    pub parties: Vec<Party>,
    /// The (last) day of the workshop.
    pub date: Option<Date>,
    pub version: u32,
    pub next_review: Option<Date>,
    pub sections: Vec<DraftSection>,
    /// Material of blocks that feed no section (the writing block's own
    /// answers), until it is placed in one.
    pub unplaced: Vec<DraftItem>,
}

/// A party to the agreement: a participant and their role in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub participant: ParticipantId,
    pub name: String,
    /// The title, in words where it is a bare "KSO", "KD", "RSO" or "RD"
    /// ("kommunstyrelsens ordförande"). An anonymous export shows this.
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSection {
    pub id: String,
    pub title: String,
    /// What the group has written; never produced or changed by compiling.
    pub agreed: String,
    pub done: bool,
    /// The material not yet worked into the text, highest priority first,
    /// each text once.
    pub items: Vec<DraftItem>,
    /// How many items of material have been worked into the text.
    pub used: usize,
    /// Only in the development section.
    pub actions: Vec<ActionItem>,
    /// Only in the follow-up section.
    pub evaluation: bool,
}

impl DraftSection {
    /// Whether the final agreement has the section: it has agreed text, or
    /// (the development section) agreed action items.
    pub fn in_final(&self) -> bool {
        !self.agreed.is_empty() || !self.actions.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftItem {
    pub item: Item,
    /// Other items with the same text (said twice, or in two blocks): shown
    /// once, as this one, and worked in together with it.
    pub same: Vec<Item>,
    pub text: String,
    /// Who said it (for a proposal, the speakers of its sources; with `same`,
    /// the speakers of all).
    pub speakers: Vec<Speaker>,
    /// Dots in the latest voting that included it (with `same`, their sum).
    pub score: u32,
    /// The block it came from.
    pub block: String,
}

impl DraftItem {
    /// The item and those with the same text.
    pub fn all(&self) -> impl Iterator<Item = Item> + '_ {
        std::iter::once(self.item).chain(self.same.iter().copied())
    }
}

/// Compiles the main agreement's draft.
pub fn compile(session: &Session, lang: Lang) -> Draft {
    compile_agreement(session, session.agreement(), lang)
}

/// Compiles an agreement's draft. Only marked answers and marked proposals go
/// in, each in the one section it feeds in this agreement (`Session::section_of`).
pub fn compile_agreement(session: &Session, agreement: &AgreementText, lang: Lang) -> Draft {
    let program = session.program();
    let kind = Kind::of(&session.organisation);
    let (by_section, unplaced) = material(session, agreement);
    let sections = program
        .sections
        .iter()
        .map(|section| {
            let all = by_section.get(section.id.as_str());
            let (used, open): (Vec<&DraftItem>, Vec<&DraftItem>) = all
                .into_iter()
                .flatten()
                .partition(|i| i.all().all(|item| agreement.used.contains(&item)));
            let written = agreement.sections.get(&section.id);
            DraftSection {
                id: section.id.clone(),
                title: organisation::section_title(&section.id, &section.title, kind, lang),
                agreed: written.map(|w| w.text.clone()).unwrap_or_default(),
                done: written.is_some_and(|w| w.done),
                items: open.into_iter().cloned().collect(),
                used: used.len(),
                actions: if section.id == DEVELOPMENT {
                    session.action_items().to_vec()
                } else {
                    Vec::new()
                },
                evaluation: section.id == FOLLOW_UP,
            }
        })
        .collect();
    let title = match agreement.title.as_str() {
        "" => default_title(session, agreement, lang),
        title => title.to_string(),
    };
    Draft {
        id: agreement.id().to_string(),
        organisation: session.organisation.clone(),
        kind,
        title,
        parties: parties(session, agreement, kind, lang),
        date: session.day2().or(session.day1()),
        version: agreement.version.max(1),
        next_review: session.next_review_of(agreement),
        sections,
        unplaced,
    }
}

/// An agreement's title until the group writes one: what it is about and for
/// whom, and another agreement's name after it.
pub fn default_title(session: &Session, agreement: &AgreementText, lang: Lang) -> String {
    let title = organisation::default_title(&session.organisation, lang);
    match agreement.name.as_str() {
        "" => title,
        name => format!("{title} – {name}"),
    }
}

/// The marked material by the section it feeds, highest priority first, each
/// text once per section; and the material no section takes.
fn material<'a>(
    session: &'a Session,
    agreement: &'a AgreementText,
) -> (HashMap<&'a str, Vec<DraftItem>>, Vec<DraftItem>) {
    let scores = session.scores();
    let mut by_section: HashMap<&str, Vec<DraftItem>> = HashMap::new();
    let mut unplaced = Vec::new();
    for (_, block) in session.program().blocks() {
        for item in session.items_of(&block.id, true) {
            let entry = DraftItem {
                item,
                same: Vec::new(),
                text: session.item_text(item).unwrap_or_default().to_string(),
                speakers: session.item_speakers(item),
                score: scores.get(&item).copied().unwrap_or(0),
                block: block.id.clone(),
            };
            match session.section_of(agreement, item) {
                Some(section) => add_once(by_section.entry(section).or_default(), entry),
                None => add_once(&mut unplaced, entry),
            }
        }
    }
    // Stable: equal scores keep the program's and the arrival order.
    for items in by_section.values_mut().chain([&mut unplaced]) {
        items.sort_by_key(|i| std::cmp::Reverse(i.score));
    }
    (by_section, unplaced)
}

/// Adds an item, or folds it into one already there with the same text.
fn add_once(items: &mut Vec<DraftItem>, new: DraftItem) {
    let key = same_text(&new.text);
    match items.iter_mut().find(|i| same_text(&i.text) == key) {
        Some(first) => {
            first.same.push(new.item);
            first.score += new.score;
            for s in new.speakers {
                if !first.speakers.contains(&s) {
                    first.speakers.push(s);
                }
            }
        }
        None => items.push(new),
    }
}

/// Text as compared for sameness: case, spacing and a closing full stop aside.
fn same_text(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.join(" ").trim_end_matches(['.', '!']).to_lowercase()
}

/// The parties as set, else (for the main agreement) the participants whose
/// titles name the chair or the director (chairs first), so that a session
/// with a KSO and a kommundirektör has its parties without anyone choosing them.
fn parties(session: &Session, agreement: &AgreementText, kind: Kind, lang: Lang) -> Vec<Party> {
    let party = |p: &Participant| {
        let title = p.title.trim();
        let bare = title.len() <= 3;
        let role = match PartyRole::of(title).filter(|_| bare) {
            Some(role) => role.label(kind, lang).to_string(),
            None => title.to_string(),
        };
        Party {
            participant: p.id,
            name: p.name.clone(),
            role,
        }
    };
    let set = &agreement.parties;
    if !set.is_empty() || agreement.id() != MAIN {
        return set
            .iter()
            .filter_map(|id| session.participant(*id))
            .map(party)
            .collect();
    }
    let mut found: Vec<(PartyRole, &Participant)> = session
        .participants()
        .iter()
        .filter_map(|p| PartyRole::of(&p.title).map(|r| (r, p)))
        .collect();
    found.sort_by_key(|(role, _)| *role);
    found.into_iter().map(|(_, p)| party(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewParticipant, Side};
    use crate::programs;
    use jiff::Timestamp;

    const NOW: Timestamp = Timestamp::UNIX_EPOCH;

    #[test]
    fn only_marked_material_goes_in_by_priority_and_the_groups_text_stays() {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        let p = s
            .add_participant(NewParticipant::new("Åsa", "KSO", Side::Politik), NOW)
            .unwrap();
        let who = Speaker::Participant(p);
        let low = s
            .add_answer("vad-behover-forbattras", who, "Lägre", true, NOW)
            .unwrap();
        let high = s
            .add_answer("vad-behover-forbattras", who, "Högre", true, NOW)
            .unwrap();
        s.add_answer("vad-behover-forbattras", who, "Inte markerad", false, NOW)
            .unwrap();
        let v = s.start_voting(vec![Item::Answer(low), Item::Answer(high)], 3, NOW);
        s.set_dots(v, p, Item::Answer(high), 2, NOW).unwrap();
        s.set_section_text(crate::model::MAIN, DEVELOPMENT, "Vi gör så här.", NOW)
            .unwrap();

        let draft = compile(&s, Lang::Sv);
        let dev = draft.sections.iter().find(|x| x.id == DEVELOPMENT).unwrap();
        let texts: Vec<&str> = dev.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["Högre", "Lägre"]);
        assert_eq!(dev.agreed, "Vi gör så här.");
        assert!(
            draft
                .sections
                .iter()
                .all(|x| x.items.iter().all(|i| i.text != "Inte markerad"))
        );

        s.add_answer("vad-behover-forbattras", who, "Ny", true, NOW)
            .unwrap();
        let again = compile(&s, Lang::Sv);
        let dev = again.sections.iter().find(|x| x.id == DEVELOPMENT).unwrap();
        assert_eq!(
            dev.agreed, "Vi gör så här.",
            "recompiling keeps the group's text"
        );
        assert_eq!(dev.items.len(), 3);
    }

    fn sections_holding(draft: &Draft, text: &str) -> Vec<String> {
        draft
            .sections
            .iter()
            .filter(|x| x.items.iter().any(|i| i.text == text))
            .map(|x| x.id.clone())
            .collect()
    }

    #[test]
    fn each_item_is_in_one_section_until_it_is_placed_in_another() {
        let mut s = crate::model::testing::session(&["Åsa"]);
        let who = Speaker::Participant(s.participants()[0].id);
        // This block feeds three sections.
        let a = s
            .add_answer(
                "hur-ska-samarbetet-se-ut",
                who,
                "Vi ses varje vecka",
                true,
                NOW,
            )
            .unwrap();
        let draft = compile(&s, Lang::Sv);
        assert_eq!(
            sections_holding(&draft, "Vi ses varje vecka"),
            ["samarbete"]
        );
        s.place_item(crate::model::MAIN, Item::Answer(a), "forhallningssatt", NOW)
            .unwrap();
        let draft = compile(&s, Lang::Sv);
        assert_eq!(
            sections_holding(&draft, "Vi ses varje vecka"),
            ["forhallningssatt"]
        );
        // Moved to another block, it feeds that block's section.
        s.move_answer(a, "vad-behover-forbattras", NOW).unwrap();
        let draft = compile(&s, Lang::Sv);
        assert_eq!(
            sections_holding(&draft, "Vi ses varje vecka"),
            ["utveckling"]
        );
        assert!(
            s.place_item(crate::model::MAIN, Item::Answer(a), "finns-inte", NOW)
                .is_err()
        );
    }

    #[test]
    fn the_same_text_is_there_once_with_every_speaker_and_all_its_dots() {
        let mut s = crate::model::testing::session(&["Åsa", "Bo"]);
        let [asa, bo] = [0, 1].map(|i| s.participants()[i].id);
        let block = "vad-behover-forbattras";
        let first = s
            .add_answer(
                block,
                Speaker::Participant(asa),
                "Tydligare  roller.",
                true,
                NOW,
            )
            .unwrap();
        let second = s
            .add_answer(
                block,
                Speaker::Participant(bo),
                "tydligare roller",
                true,
                NOW,
            )
            .unwrap();
        let v = s.start_voting(vec![Item::Answer(first), Item::Answer(second)], 3, NOW);
        s.set_dots(v, asa, Item::Answer(first), 1, NOW).unwrap();
        s.set_dots(v, bo, Item::Answer(second), 2, NOW).unwrap();
        let draft = compile(&s, Lang::Sv);
        let dev = draft.sections.iter().find(|x| x.id == DEVELOPMENT).unwrap();
        assert_eq!(dev.items.len(), 1, "{:?}", dev.items);
        let item = &dev.items[0];
        assert_eq!(item.score, 3);
        assert_eq!(item.speakers.len(), 2);
        assert_eq!(
            item.all().collect::<Vec<_>>(),
            [Item::Answer(first), Item::Answer(second)]
        );
    }

    #[test]
    fn worked_in_material_leaves_the_list_and_the_writing_blocks_own_is_kept() {
        let mut s = crate::model::testing::session(&["Åsa"]);
        let who = Speaker::Participant(s.participants()[0].id);
        let said = s
            .add_answer("vad-behover-forbattras", who, "Mer tid", true, NOW)
            .unwrap();
        s.set_used(crate::model::MAIN, Item::Answer(said), true, NOW)
            .unwrap();
        let draft = compile(&s, Lang::Sv);
        let dev = draft.sections.iter().find(|x| x.id == DEVELOPMENT).unwrap();
        assert!(dev.items.is_empty());
        assert_eq!(dev.used, 1);
        // New words are to be written in again.
        s.edit_answer(said, "Mer tid för samtal", NOW).unwrap();
        let draft = compile(&s, Lang::Sv);
        let dev = draft.sections.iter().find(|x| x.id == DEVELOPMENT).unwrap();
        assert_eq!(dev.items.len(), 1);
        assert_eq!(dev.used, 0);

        // Said while the agreement is written: no section yet, but not lost.
        let late = s
            .add_answer(
                "skriva-overenskommelsen",
                who,
                "Ett nytt förslag",
                true,
                NOW,
            )
            .unwrap();
        let draft = compile(&s, Lang::Sv);
        assert_eq!(draft.unplaced.len(), 1);
        s.place_item(crate::model::MAIN, Item::Answer(late), "samarbete", NOW)
            .unwrap();
        let draft = compile(&s, Lang::Sv);
        assert!(draft.unplaced.is_empty());
        assert_eq!(sections_holding(&draft, "Ett nytt förslag"), ["samarbete"]);
    }

    #[test]
    fn the_chair_and_the_director_are_the_parties_unless_others_are_chosen() {
        let program = programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "Region Norrland", "T", NOW);
        let add = |s: &mut Session, name: &str, title: &str, side| {
            s.add_participant(NewParticipant::new(name, title, side), NOW)
                .unwrap()
        };
        add(&mut s, "Dag", "RD", Side::Verksamhet);
        add(&mut s, "Eva", "Oppositionsråd", Side::Politik);
        let chair = add(&mut s, "Åsa", "RSO", Side::Politik);
        let draft = compile(&s, Lang::Sv);
        let parties: Vec<(&str, &str)> = draft
            .parties
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_str()))
            .collect();
        assert_eq!(
            parties,
            [
                ("Åsa", "regionstyrelsens ordförande"),
                ("Dag", "regiondirektör")
            ]
        );
        s.set_parties(crate::model::MAIN, vec![chair], NOW).unwrap();
        assert_eq!(compile(&s, Lang::Sv).parties.len(), 1);
    }
}
