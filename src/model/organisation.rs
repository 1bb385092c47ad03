//! What kind of organisation a session is for, and the words that follow from
//! it: a kommun has a kommunstyrelse and a kommundirektör, a region a
//! regionstyrelse and a regiondirektör. The agreement's title, its parties'
//! roles and two section titles are worded by it.

use crate::i18n::{Lang, Msg, text};
use crate::tr;

/// A kommun or a region. Read from the organisation's name: Swedish regions
/// are named "Region X" (and a few "X läns landsting" of old), kommuner
/// "X kommun" or "X stad".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Kommun,
    Region,
}

impl Kind {
    pub fn of(organisation: &str) -> Kind {
        let name = organisation.trim().to_lowercase();
        // "Region Gävleborg", not "Regionförbundet Östsam" (a kommunalförbund).
        if name == "region" || name.starts_with("region ") || name.contains("landsting") {
            Kind::Region
        } else {
            Kind::Kommun
        }
    }

    /// "KSO" or "RSO": how the chair is called in short.
    pub fn chair_short(self, lang: Lang) -> &'static str {
        text(
            lang,
            match self {
                Kind::Kommun => Msg::RoleKsoShort,
                Kind::Region => Msg::RoleRsoShort,
            },
        )
    }

    /// "kommundirektören" or "regiondirektören".
    pub fn director_definite(self, lang: Lang) -> &'static str {
        text(
            lang,
            match self {
                Kind::Kommun => Msg::RoleKdDefinite,
                Kind::Region => Msg::RoleRdDefinite,
            },
        )
    }
}

/// The role a party has in the agreement, read from a participant's title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartyRole {
    Chair,
    Director,
}

impl PartyRole {
    /// The role a title names: "KSO", "kommunstyrelsens ordförande", "RSO",
    /// "Kommundirektör", "regiondirektör", and a bare "KD" or "RD" (only bare:
    /// "Ledamot (KD)" is a Kristdemokrat, not the director). Deputies ("1:e vice ordförande") and committee chairs are not
    /// parties by default.
    pub fn of(title: &str) -> Option<PartyRole> {
        let t = title.trim().to_lowercase();
        let words: Vec<&str> = t
            .split(|c: char| !c.is_alphanumeric() && c != ':')
            .collect();
        let has = |w: &str| words.contains(&w);
        if ["vice", "ersättare", "biträdande", "bitr."]
            .iter()
            .any(|w| t.contains(w))
        {
            return None;
        }
        let board_chair = ["kommunstyrelsens ordförande", "regionstyrelsens ordförande"];
        if has("kso") || has("rso") || board_chair.iter().any(|c| t.contains(c)) {
            Some(PartyRole::Chair)
        } else if matches!(t.as_str(), "kd" | "rd")
            || t.contains("kommundirektör")
            || t.contains("regiondirektör")
        {
            Some(PartyRole::Director)
        } else {
            None
        }
    }

    /// "kommunstyrelsens ordförande", "regiondirektör": the role in words, for
    /// the parties and the signature lines, and what an anonymous export shows.
    pub fn label(self, kind: Kind, lang: Lang) -> &'static str {
        text(
            lang,
            match (self, kind) {
                (PartyRole::Chair, Kind::Kommun) => Msg::RoleKso,
                (PartyRole::Chair, Kind::Region) => Msg::RoleRso,
                (PartyRole::Director, Kind::Kommun) => Msg::RoleKd,
                (PartyRole::Director, Kind::Region) => Msg::RoleRd,
            },
        )
    }
}

/// The agreement's title when the group has not written one: what it is about
/// and for whom.
pub fn default_title(organisation: &str, lang: Lang) -> String {
    match organisation.trim() {
        "" => text(lang, Msg::AgreementTitleBare).to_string(),
        org => tr!(lang, AgreementTitleOf, org = org),
    }
}

/// The chair's and the director's sections are titled by the organisation's
/// kind where the program keeps the general wording: the chair's section is
/// also where the elected members' part is written, so its title says both.
pub fn section_title(id: &str, program_title: &str, kind: Kind, lang: Lang) -> String {
    let msg = match (id, kind) {
        ("ordforande", Kind::Kommun) => Msg::SectionChairKommun,
        ("ordforande", Kind::Region) => Msg::SectionChairRegion,
        ("direktor", Kind::Kommun) => Msg::SectionDirectorKommun,
        ("direktor", Kind::Region) => Msg::SectionDirectorRegion,
        _ => return program_title.to_string(),
    };
    // A program that titled the section in its own way keeps its title.
    match GENERAL_TITLES.contains(&program_title) {
        true => text(lang, msg).to_string(),
        false => program_title.to_string(),
    }
}

/// The built-in programs' general titles of the chair's and the director's sections.
const GENERAL_TITLES: [&str; 2] = [
    "Styrelseordförandes uppdrag och ansvar",
    "Direktörens uppdrag och ansvar",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_region_is_told_by_its_name() {
        assert_eq!(Kind::of("Region Jönköpings län"), Kind::Region);
        assert_eq!(Kind::of("Kungsörs kommun"), Kind::Kommun);
        assert_eq!(Kind::of("Göteborgs stad"), Kind::Kommun);
        assert_eq!(Kind::of(""), Kind::Kommun);
        assert_eq!(Kind::of("Regionförbundet Östsam"), Kind::Kommun);
        assert_eq!(Kind::of("Storregionen kommun"), Kind::Kommun);
    }

    #[test]
    fn the_chair_and_the_director_are_found_by_their_titles() {
        for chair in ["KSO", "kso (S)", "Kommunstyrelsens ordförande", "RSO"] {
            assert_eq!(PartyRole::of(chair), Some(PartyRole::Chair), "{chair}");
        }
        for director in ["Kommundirektör", "KD", "tf. regiondirektör"] {
            assert_eq!(
                PartyRole::of(director),
                Some(PartyRole::Director),
                "{director}"
            );
        }
        for other in [
            "Kommunstyrelsens 1:e vice ordförande",
            "Oppositionsråd",
            "Ekonomichef",
            "Ledamot (KD)",
            "Biträdande kommundirektör",
            "Bolagsstyrelsens ordförande",
            "",
        ] {
            assert_eq!(PartyRole::of(other), None, "{other}");
        }
    }

    #[test]
    fn the_title_names_the_organisation() {
        assert_eq!(
            default_title("Kungsörs kommun", Lang::Sv),
            "Överenskommelse om ansvar, roller och samspel mellan politik och tjänsteorganisation i Kungsörs kommun"
        );
    }

    #[test]
    fn a_programs_own_section_title_is_kept() {
        let kommun = section_title(
            "ordforande",
            "Styrelseordförandes uppdrag och ansvar",
            Kind::Kommun,
            Lang::Sv,
        );
        assert!(kommun.contains("kommunstyrelsens ordförandes"), "{kommun}");
        let region = section_title(
            "direktor",
            "Direktörens uppdrag och ansvar",
            Kind::Region,
            Lang::Sv,
        );
        assert!(region.contains("regiondirektörens"), "{region}");
        assert_eq!(
            section_title("ordforande", "KSO:s roll", Kind::Kommun, Lang::Sv),
            "KSO:s roll"
        );
    }
}
