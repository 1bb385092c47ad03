//! Sentence starters for the agreement's sections: a few openings in the voice
//! of real agreements ("KSO och kommundirektören ska…", "Vi ska…"), so that the
//! group turns what was said into commitments rather than writing from a blank
//! page. The parties' section starts with a whole text on what the agreement
//! rests on, which the group only has to read and adjust.

use super::organisation::{Kind, PartyRole};
use crate::i18n::{Lang, Msg, fill, template_of, text};

/// The starters offered for a section, for an organisation of this name.
pub fn starters(section: &str, organisation: &str, lang: Lang) -> Vec<String> {
    let kind = Kind::of(organisation);
    let org = match organisation.trim() {
        "" => text(lang, the_org(kind)).to_string(),
        name => name.to_string(),
    };
    let director = kind.director_definite(lang);
    let director_cap = capitalised(director);
    let chair_long = PartyRole::Chair.label(kind, lang);
    let director_long = PartyRole::Director.label(kind, lang);
    let values: [(&str, &dyn std::fmt::Display); 7] = [
        ("chair", &kind.chair_short(lang)),
        ("chair_long", &chair_long),
        ("director", &director),
        ("director_cap", &director_cap),
        ("director_long", &director_long),
        ("org", &org),
        ("the_org", &text(lang, the_org(kind))),
    ];
    fill(template_of(lang, message(section)), &values)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Every section's starters, by the section's stable id; others get general ones.
fn message(section: &str) -> Msg {
    match section {
        "parter" => Msg::StartersParter,
        "inledning" => Msg::StartersInledning,
        "ordforande" => Msg::StartersOrdforande,
        "direktor" => Msg::StartersDirektor,
        "gemensamt-ansvar" => Msg::StartersGemensamt,
        "kontakter" => Msg::StartersKontakter,
        "samarbete" => Msg::StartersSamarbete,
        "beslutsprocessen" => Msg::StartersBeslut,
        "forhallningssatt" => Msg::StartersForhallningssatt,
        "nar-det-skaver" => Msg::StartersSkaver,
        "utveckling" => Msg::StartersUtveckling,
        "uppfoljning" => Msg::StartersUppfoljning,
        _ => Msg::StartersOther,
    }
}

fn the_org(kind: Kind) -> Msg {
    match kind {
        Kind::Kommun => Msg::RoleOrgKommun,
        Kind::Region => Msg::RoleOrgRegion,
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_speak_of_the_organisations_own_roles() {
        let kommun = starters("samarbete", "Kungsörs kommun", Lang::Sv);
        assert_eq!(kommun[0], "KSO och kommundirektören ska…");
        let region = starters("direktor", "Region Gävleborg", Lang::Sv);
        assert_eq!(region[1], "Regiondirektören ska…");
        let basis = starters("parter", "Kungsörs kommun", Lang::Sv).join("\n");
        assert!(basis.contains("kommunallagen") && basis.contains("delegationsordningen"));
        assert!(basis.contains("i Kungsörs kommun") && basis.contains("kommunens reglementen"));
    }

    #[test]
    fn every_starter_is_filled_in_both_languages() {
        let sections = [
            "parter",
            "inledning",
            "ordforande",
            "direktor",
            "gemensamt-ansvar",
            "kontakter",
            "samarbete",
            "beslutsprocessen",
            "forhallningssatt",
            "nar-det-skaver",
            "utveckling",
            "uppfoljning",
            "eget",
        ];
        for section in sections {
            for lang in [Lang::Sv, Lang::En] {
                let said = starters(section, "Region Halland", lang);
                assert!(said.len() >= 2, "{section}: {said:?}");
                for line in said {
                    // A name the starter uses but is not given stays in braces.
                    assert!(
                        !line.contains('{') && !line.trim().is_empty(),
                        "{section}: {line}"
                    );
                }
            }
        }
    }
}
