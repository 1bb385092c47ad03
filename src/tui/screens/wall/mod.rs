//! The wall: what the room sees in presentation mode and on a second screen.

pub(crate) mod draw;
