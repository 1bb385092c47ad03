//! The domain as plain serde types. Collections live in [`Session`] and change only
//! through its methods, which keep the invariants (stable ids, existing blocks and
//! speakers, never an empty answer).

mod action;
mod agenda;
mod agreement_text;
mod answer;
mod answers;
pub mod board;
mod carry_over;
pub mod changes;
mod dates;
pub mod draft_agreement;
mod error;
mod integrity;
pub mod memo;
mod merge;
mod new_session;
pub mod organisation;
mod participant;
mod priority;
mod program;
mod progress;
mod queries;
mod roster;
mod session;
pub mod starters;
mod voting;

pub use action::{ActionId, ActionItem, ActionText, DeletedAction};
pub use agreement_text::{AgreementText, MAIN, Placement, SectionText};
pub use answer::{Answer, AnswerId, Speaker};
pub use answers::Deleted;
pub use carry_over::Previous;
pub use dates::parse_day;
pub use error::ModelError;
pub use integrity::Integrity;
pub use memo::{Memo, MemoPart, MemoText};
pub use merge::Seen;
pub use new_session::NewSession;
pub use participant::{NewParticipant, Participant, ParticipantId, Side};
pub use priority::{
    DEFAULT_DOTS, Dots, Item, MAX_DOTS_IN_FILE, Proposal, ProposalId, Ranked, Voting,
};
pub use program::{Block, BlockKind, Day, Program, Section, Slot, clock};
pub use progress::{Draft, Pass, Presentation, Progress, Slide, ThemeChoice, Timer, View};
pub use session::{MAX_ID, SCHEMA_VERSION, Session};

/// For tests across the crate: a one-day session with these participants.
#[cfg(test)]
pub(crate) mod testing {
    use super::{NewParticipant, Session, Side};
    use jiff::Timestamp;

    pub const NOW: Timestamp = Timestamp::UNIX_EPOCH;

    /// The built-in one-day program, with `names` on the Politik side.
    pub fn session(names: &[&str]) -> Session {
        let program = crate::programs::built_in("skr-en-dag").unwrap().unwrap();
        let mut s = Session::new(program, "K", "T", NOW);
        for name in names {
            s.add_participant(NewParticipant::new(name, "", Side::Politik), NOW)
                .unwrap();
        }
        s
    }
}
