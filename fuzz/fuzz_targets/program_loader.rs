//! Any text as a program file: a valid program or errors that name the place,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samspel::i18n::{Lang, Localize};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match samspel::programs::parse("fuzz.json", text) {
        Ok(program) => assert!(samspel::programs::validate(&program).is_empty()),
        Err(e) => assert!(!e.localize(Lang::Sv).is_empty()),
    }
});
