use crate::i18n::{Lang, Localize, Quoted};
use crate::tr;

/// A change the model refuses, so that no invariant is ever broken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
// Display says the English sentence, so that no second wording can drift from the table.
#[error("{}", self.localize(Lang::En))]
pub enum ModelError {
    EmptyName,
    DuplicateName(String),
    UnknownBlock(String),
    BreakBlock(String),
    UnknownParticipant { name: String, known: Vec<String> },
    Observer(String),
    EmptyAnswer,
    EmptyAction,
    UnknownAction,
    UnknownAnswer,
    UnknownSection(String),
    UnknownAgreement { id: String, known: Vec<String> },
    DuplicateAgreement(String),
    EmptyAgreementName,
    NothingToFollowUp,
    EmptyQuestion,
    CannotGroup,
    NoDotsLeft { name: String, dots: u32 },
    DotsInUse { dots: u32 },
    TooManyDots { max: u32 },
    HasAnswers { name: String },
    VotedOrParty { name: String },
    Day2BeforeDay1 { day1: String, day2: String },
    NoIdsLeft { max: u64 },
}

impl Localize for ModelError {
    fn localize(&self, lang: Lang) -> String {
        let q = |s: &str| Quoted(lang, s).to_string();
        match self {
            ModelError::EmptyName => tr!(lang, ModelEmptyName),
            ModelError::DuplicateName(name) => tr!(lang, ModelDuplicateName, name = q(name)),
            ModelError::UnknownBlock(id) => tr!(lang, ModelUnknownBlock, id = q(id)),
            ModelError::BreakBlock(id) => tr!(lang, ModelBreakBlock, id = q(id)),
            ModelError::UnknownParticipant { name, known } => tr!(
                lang,
                ModelUnknownParticipant,
                name = q(name),
                known = known.join(", ")
            ),
            ModelError::Observer(name) => tr!(lang, ModelObserver, name = name),
            ModelError::EmptyAnswer => tr!(lang, ModelEmptyAnswer),
            ModelError::UnknownAnswer => tr!(lang, ModelUnknownAnswer),
            ModelError::EmptyAction => tr!(lang, ModelEmptyAction),
            ModelError::UnknownAction => tr!(lang, ModelUnknownAction),
            ModelError::UnknownSection(id) => tr!(lang, ModelUnknownSection, id = q(id)),
            ModelError::UnknownAgreement { id, known } => tr!(
                lang,
                ModelUnknownAgreement,
                id = q(id),
                known = known.join(", ")
            ),
            ModelError::DuplicateAgreement(id) => tr!(lang, ModelDuplicateAgreement, id = q(id)),
            ModelError::EmptyAgreementName => tr!(lang, ModelEmptyAgreementName),
            ModelError::NothingToFollowUp => tr!(lang, ModelNothingToFollowUp),
            ModelError::EmptyQuestion => tr!(lang, ModelEmptyQuestion),
            ModelError::CannotGroup => tr!(lang, ModelCannotGroup),
            ModelError::NoDotsLeft { name, dots } => {
                tr!(lang, ModelNoDotsLeft, name = name, n = dots)
            }
            ModelError::DotsInUse { dots } => tr!(lang, ModelDotsInUse, n = dots),
            ModelError::TooManyDots { max } => tr!(lang, ModelTooManyDots, n = max),
            ModelError::HasAnswers { name } => tr!(lang, ModelHasAnswers, name = name),
            ModelError::VotedOrParty { name } => tr!(lang, ModelVotedOrParty, name = name),
            ModelError::Day2BeforeDay1 { day1, day2 } => {
                tr!(lang, ModelDay2BeforeDay1, day1 = day1, day2 = day2)
            }
            ModelError::NoIdsLeft { max } => tr!(lang, ModelNoIdsLeft, max = max),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_the_english_sentence_of_the_table() {
        let error = ModelError::DotsInUse { dots: 1 };
        assert_eq!(error.to_string(), error.localize(Lang::En));
        assert_eq!(
            error.to_string(),
            "Someone has already placed 1 dot; it cannot be fewer."
        );
    }
}
