//! The screens, one folder each: its state, its keys and its drawing.

pub(crate) mod agreement;
pub(crate) mod prep;
pub(crate) mod start;
pub(crate) mod voting;
pub(crate) mod wall;
pub(crate) mod workshop;
