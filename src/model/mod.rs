//! The domain as plain serde types. Collections live in [`Session`] and change only
//! through its methods, which keep the invariants (stable ids, existing blocks and
//! speakers, never an empty answer).

mod action;
mod agenda;
mod agreement_text;
mod answer;
mod answers;
mod error;
mod participant;
mod priority;
mod program;
mod progress;
mod roster;
mod session;

pub use action::{ActionId, ActionItem};
pub use agreement_text::{AgreementText, SectionText};
pub use answer::{Answer, AnswerId, Speaker};
pub use answers::Deleted;
pub use error::ModelError;
pub use participant::{NewParticipant, Participant, ParticipantId, Side};
pub use priority::{
    DEFAULT_DOTS, Dots, Item, MAX_DOTS, MAX_DOTS_IN_FILE, Proposal, ProposalId, Ranked, Voting,
};
pub use program::{Block, BlockKind, Day, Program, Section, Slot, clock};
pub use progress::{
    Draft, MAX_TIMER_SECS, Pass, Presentation, Progress, Slide, ThemeChoice, Timer, View,
};
pub use session::{Integrity, SCHEMA_VERSION, Session};
