//! Samspel: run SKR's "styra och leda tillsammans" workshop offline, from the
//! participants' answers to a draft agreement (*överenskommelse*).
//!
//! The core (model, programs, exports) is plain functions on data; the store is the
//! one place that touches the disk; the command line is a thin shell over both.

pub mod cli;
pub mod demo;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod model;
pub mod programs;
pub mod store;
pub mod time_zone;
pub mod tui;
