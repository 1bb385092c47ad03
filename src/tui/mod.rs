//! The full-screen app: keymap → command → `App::update` → effects, performed by
//! the event loop; `render` draws from the state alone.
//!
//! Where things live:
//! - `app.rs`: the core state and the routing of every action and command to the
//!   screen or dialog that has the keys;
//! - `screens/<screen>/`: one folder per screen (start, prep, workshop, wall,
//!   voting, agreement), its state, its keys (`mod.rs`) and its drawing (`draw.rs`);
//!   a screen touches the rest only through the `Cx` it is lent (`screens/mod.rs`);
//! - `navigation.rs`: lends a screen its `Cx` and carries out what it asks for;
//! - `dialogs/`: what is drawn over a screen and takes the keys (forms, the
//!   picker, confirmations, the export dialog);
//! - `widgets/`: drawing pieces several screens share (cards, big text);
//! - `editor.rs`: the answer editor; `keymap.rs`: every key with its help text;
//!   `shell.rs`: the I/O that effects ask for; `event_loop.rs`: the terminal.

pub mod app;
pub mod dialogs;
pub mod editor;
pub mod event_loop;
pub mod keymap;
mod lifecycle;
mod navigation;
pub mod render;
mod screens;
pub mod shell;
mod text_input;
pub mod theme;
mod widgets;

pub use app::{Action, App, Effect};
pub use event_loop::{Target, run};
pub use shell::{Shell, dispatch};
