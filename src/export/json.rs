use super::{Options, who_label};
use crate::model::Session;
use crate::store::encode;

/// The session file itself, or with anonymity an anonymised copy of it.
pub fn render(session: &Session, options: &Options) -> Vec<u8> {
    if options.anonymous {
        let label = |n| crate::tr!(options.lang, Anonymous, n = n);
        encode(&session.anonymised(label, |who| who_label(session, who, options)))
    } else {
        encode(session)
    }
}
