//! The demo session that ships with the binary: a fictional municipality halfway
//! through day 1 of the two-day program, so that a newcomer sees a workshop in
//! progress at once. The people and their words are invented.

use jiff::{SignedDuration, Timestamp};

use crate::i18n::Lang;
use crate::i18n::Localize;
use crate::model::{ActionText, NewParticipant, NewSession, Session, Side, Speaker};
use crate::programs;

const PEOPLE: [(&str, &str, Side, &str); 11] = [
    (
        "Karin Lundberg",
        "kommunstyrelsens ordförande (KSO)",
        Side::Politik,
        "(S)",
    ),
    ("Ahmed Yilmaz", "kommunalråd", Side::Politik, "(C)"),
    ("Birgitta Ek", "oppositionsråd", Side::Politik, "(M)"),
    (
        "Lars-Göran Sjö",
        "nämndordförande, barn- och utbildning",
        Side::Politik,
        "(S)",
    ),
    (
        "Maja Öhrn",
        "nämndordförande, vård och omsorg",
        Side::Politik,
        "(KD)",
    ),
    (
        "Per Åström",
        "kommundirektör (KD)",
        Side::Verksamhet,
        "kommunledningskontoret",
    ),
    (
        "Sofia Nyberg",
        "förvaltningschef, barn och utbildning",
        Side::Verksamhet,
        "BUF",
    ),
    (
        "Erik Holm",
        "förvaltningschef, vård och omsorg",
        Side::Verksamhet,
        "VOF",
    ),
    (
        "Leila Haddad",
        "ekonomichef",
        Side::Verksamhet,
        "kommunledningskontoret",
    ),
    (
        "Tove Bäck",
        "kommunikationschef",
        Side::Verksamhet,
        "kommunledningskontoret",
    ),
    (
        "Gunnel Strand",
        "extern processledare",
        Side::Verksamhet,
        "",
    ),
];

/// (block, speaker index or `None` for the group, text, marked)
const ANSWERS: &[(&str, Option<usize>, &str, bool)] = &[
    (
        "fortroendevaldas-uppdrag",
        Some(0),
        "Att peka ut riktningen: vad kommunen ska uppnå och i vilken ordning. Och att stå för besluten när det blåser.",
        true,
    ),
    (
        "fortroendevaldas-uppdrag",
        Some(5),
        "Från vårt håll: tydliga uppdrag med en prioritering, så att vi vet vad som får vänta.",
        false,
    ),
    (
        "fortroendevaldas-uppdrag",
        Some(2),
        "Oppositionen granskar och ger alternativ – det är också ett uppdrag, inte ett hinder.",
        false,
    ),
    (
        "fortroendevaldas-uppdrag",
        Some(6),
        "Att politiken är ute bland medborgarna och tar med sig det tillbaka in i nämnden.",
        false,
    ),
    (
        "fortroendevaldas-uppdrag",
        Some(3),
        "Vi äger frågan om vad skolan ska åstadkomma; inte hur schemat läggs.",
        true,
    ),
    (
        "chefers-uppdrag",
        Some(5),
        "Att genomföra besluten med de resurser som finns, och säga till i tid när det inte går.",
        true,
    ),
    (
        "chefers-uppdrag",
        Some(1),
        "Sakliga underlag med flera alternativ, även när vi inte har bett om dem.",
        false,
    ),
    (
        "chefers-uppdrag",
        Some(7),
        "Arbetsgivaransvaret: att personalen har rimliga villkor för att göra det politiken bestämt.",
        false,
    ),
    (
        "chefers-uppdrag",
        Some(4),
        "Att vi får veta tidigt när något håller på att gå snett – inte läsa det i tidningen.",
        true,
    ),
    (
        "gyllene-zonen",
        None,
        "Lokalfrågor: vem bestämmer när en skola ska renoveras eller stängas?",
        true,
    ),
    (
        "gyllene-zonen",
        Some(9),
        "Kommunikationen i en kris: vem går ut först, politiken eller förvaltningen?",
        false,
    ),
    (
        "gyllene-zonen",
        Some(2),
        "Medborgarförslag som landar direkt hos en tjänsteperson.",
        false,
    ),
    (
        "vad-ar-svart",
        Some(0),
        "Tiden. Vi ses för sällan för att hinna prata om något annat än akuta ärenden.",
        true,
    ),
    (
        "vad-ar-svart",
        Some(8),
        "Att budgeten beslutas innan konsekvenserna är kända.\nVi hinner inte räkna på alternativen.",
        false,
    ),
];

/// A fresh copy of the demo, dated today.
/// Why it cannot be made is said in `lang` (it never happens with the built-in program).
pub fn session(lang: Lang, now: Timestamp) -> Result<Session, String> {
    let program = programs::load_built_in("skr-tva-dagar").map_err(|e| e.localize(lang))?;
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let people = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, (name, title, side, affiliation))| NewParticipant {
            affiliation: affiliation.to_string(),
            observer: i == PEOPLE.len() - 1,
            ..NewParticipant::new(name, title, *side)
        })
        .collect();
    let new = NewSession {
        organisation: "Sjöbacka kommun".into(),
        title: "Styra och leda tillsammans".into(),
        facilitator: "Gunnel Strand".into(),
        language: lang,
        day1: Some(today),
        participants: people,
        ..NewSession::new(program)
    };
    let mut s = new.build(now).map_err(|e| e.localize(lang))?;
    let ids: Vec<_> = s.participants().iter().map(|p| p.id).collect();
    for (n, (block, who, text, marked)) in ANSWERS.iter().enumerate() {
        let speaker = who
            .and_then(|i| ids.get(i))
            .map_or(Speaker::Group, |&id| Speaker::Participant(id));
        let at = now - SignedDuration::from_mins(i64::try_from(ANSWERS.len() - n).unwrap_or(0) * 3);
        let _ = s.add_answer(block, speaker, text, *marked, at);
    }
    let _ = s.add_action_item(
        ActionText::new(
            "Förslag på fast mötesstruktur KSO–KD",
            "Per Åström",
            today.checked_add(SignedDuration::from_hours(24 * 30)).ok(),
        ),
        Some("vad-ar-svart"),
        now,
    );
    for done in [
        "valkommen",
        "vad-nar-hur-vem",
        "fortroendevaldas-uppdrag",
        "chefers-uppdrag",
        "gyllene-zonen",
    ] {
        s.toggle_done(done, now);
    }
    let _ = s.go_to_block("vad-ar-svart", now);
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_a_workshop_in_progress() {
        let s = session(Lang::Sv, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(s.participants().len(), 11);
        assert_eq!(s.answers().len(), ANSWERS.len());
        assert!(s.participants().iter().any(|p| p.observer));
        assert_eq!(s.current_block().unwrap().id, "vad-ar-svart");
        assert!(s.check_integrity().is_ok());
    }
}
