use super::Options;
use crate::model::Session;
use crate::store::encode;

/// The session file itself, or with anonymity an anonymised copy of it.
pub fn render(session: &Session, options: &Options) -> Vec<u8> {
    if options.anonymous {
        encode(&session.anonymised(|n| crate::tr!(options.lang, Anonymous, n = n)))
    } else {
        encode(session)
    }
}
