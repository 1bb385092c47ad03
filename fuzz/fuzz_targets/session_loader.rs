//! Any bytes as a session file: a session or one clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samspel::i18n::{Lang, Localize};

fuzz_target!(|bytes: &[u8]| {
    match samspel::store::decode("fuzz.samspel.json", bytes) {
        // A session that loads must save and load back as itself.
        Ok(session) => {
            let again = samspel::store::decode("again", &samspel::store::encode(&session));
            assert_eq!(again.ok().as_ref(), Some(&session));
        }
        Err(e) => assert!(!e.localize(Lang::Sv).is_empty()),
    }
});
