//! Drawing pieces more than one screen uses.

pub(crate) mod bars;
pub(crate) mod big;
pub(crate) mod cards;
pub(crate) mod ellipsis;
