//! Drawing pieces more than one screen uses.

pub(crate) mod big;
pub(crate) mod cards;
