use crate::i18n::{Lang, Localize, Quoted};
use crate::tr;

/// A change the model refuses, so that no invariant is ever broken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("a participant needs a name")]
    EmptyName,
    #[error("duplicate participant name {0:?}")]
    DuplicateName(String),
    #[error("unknown block {0:?}")]
    UnknownBlock(String),
    #[error("block {0:?} is a break")]
    BreakBlock(String),
    #[error("unknown participant {name:?}")]
    UnknownParticipant { name: String, known: Vec<String> },
    #[error("{0:?} is an observer")]
    Observer(String),
    #[error("empty answer")]
    EmptyAnswer,
    #[error("unknown answer")]
    UnknownAnswer,
    #[error("unknown section {0:?}")]
    UnknownSection(String),
    #[error("empty question")]
    EmptyQuestion,
    #[error("cannot group these answers")]
    CannotGroup,
    #[error("{name:?} has no dots left")]
    NoDotsLeft { name: String, dots: u32 },
    #[error("at least {dots} dots are in use")]
    DotsInUse { dots: u32 },
    #[error("at most {max} dots each")]
    TooManyDots { max: u32 },
    #[error("{name:?} has answers")]
    HasAnswers { name: String },
    #[error("{name:?} has dots or is a party")]
    VotedOrParty { name: String },
    #[error("day 2 {day2} is not after day 1 {day1}")]
    Day2BeforeDay1 { day1: String, day2: String },
    #[error("the id counter is at its limit {max}")]
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
            ModelError::UnknownSection(id) => tr!(lang, ModelUnknownSection, id = q(id)),
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
