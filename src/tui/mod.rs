//! The full-screen app: keymap → command → `App::update` → effects, performed by
//! the event loop; `render` draws from the state alone.

pub mod agreement;
pub mod app;
pub mod editor;
pub mod event_loop;
mod export;
pub mod form;
pub mod keymap;
pub mod picker;
mod prep;
pub mod render;
pub mod shell;
pub mod theme;
mod voting;
mod workshop;

pub use app::{Action, App, Effect};
pub use event_loop::{Target, run};
pub use shell::{Shell, dispatch};
