//! Session → draft agreement (*överenskommelse*), as plain data: the program's
//! sections in order, each with what the group has written and the marked answers
//! and proposals of the blocks that feed it, highest priority first. Pure: the
//! exports and the agreement screen render what this returns.

use jiff::civil::Date;

use super::{ActionItem, Item, Session, Speaker};

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub organisation: String,
    pub title: String,
    /// The parties: name and title.
    pub parties: Vec<(String, String)>,
    /// The (last) day of the workshop.
    pub date: Option<Date>,
    pub version: u32,
    pub next_review: Option<Date>,
    pub sections: Vec<DraftSection>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSection {
    pub id: String,
    pub title: String,
    /// What the group has written; never produced or changed by compiling.
    pub agreed: String,
    pub done: bool,
    /// The material from the workshop, highest priority first.
    pub items: Vec<DraftItem>,
    /// Only in the development section.
    pub actions: Vec<ActionItem>,
    /// Only in the follow-up section.
    pub evaluation: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftItem {
    pub item: Item,
    pub text: String,
    /// Who said it (for a proposal, the speakers of its sources).
    pub speakers: Vec<Speaker>,
    /// Dots in the latest voting that included it.
    pub score: u32,
    /// The block it came from.
    pub block: String,
}

/// Compiles the draft. Only marked answers and marked proposals go in.
pub fn compile(session: &Session) -> Draft {
    let program = session.program();
    let scores = session.scores();
    let sections = program
        .sections
        .iter()
        .map(|section| {
            let mut items: Vec<DraftItem> = program
                .blocks()
                .filter(|(_, b)| b.sections.contains(&section.id))
                .flat_map(|(_, b)| {
                    session
                        .items_of(&b.id, true)
                        .into_iter()
                        .map(|item| DraftItem {
                            item,
                            text: session.item_text(item).unwrap_or_default().to_string(),
                            speakers: session.item_speakers(item),
                            score: scores.get(&item).copied().unwrap_or(0),
                            block: b.id.clone(),
                        })
                })
                .collect();
            // Stable: equal scores keep the program's and the arrival order.
            items.sort_by_key(|i| std::cmp::Reverse(i.score));
            let written = session.agreement().sections.get(&section.id);
            DraftSection {
                id: section.id.clone(),
                title: section.title.clone(),
                agreed: written.map(|w| w.text.clone()).unwrap_or_default(),
                done: written.is_some_and(|w| w.done),
                items,
                actions: if section.id == DEVELOPMENT {
                    session.action_items().to_vec()
                } else {
                    Vec::new()
                },
                evaluation: section.id == FOLLOW_UP,
            }
        })
        .collect();
    let parties = session
        .agreement()
        .parties
        .iter()
        .filter_map(|id| session.participant(*id))
        .map(|p| (p.name.clone(), p.title.clone()))
        .collect();
    Draft {
        organisation: session.organisation.clone(),
        title: session.title.clone(),
        parties,
        date: session.day2().or(session.day1()),
        version: session.agreement().version.max(1),
        next_review: session.next_review(),
        sections,
    }
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
        s.set_section_text(DEVELOPMENT, "Vi gör så här.", NOW)
            .unwrap();

        let draft = compile(&s);
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
        let again = compile(&s);
        let dev = again.sections.iter().find(|x| x.id == DEVELOPMENT).unwrap();
        assert_eq!(
            dev.agreed, "Vi gör så här.",
            "recompiling keeps the group's text"
        );
        assert_eq!(dev.items.len(), 3);
    }
}
