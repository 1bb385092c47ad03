use super::{Options, speaker_label};
use crate::model::{Session, Speaker};

/// The stable column names; scripts rely on them.
const HEADER: [&str; 8] = [
    "block_id",
    "question",
    "participant",
    "title",
    "side",
    "text",
    "time",
    "marked",
];

/// One row per answer, in program order and then in order of arrival: RFC 4180,
/// UTF-8, comma-separated, fields quoted where needed (line breaks are kept inside quotes).
pub fn render(session: &Session, options: &Options) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail, so the results below carry no information.
    let _ = out.write_record(HEADER);
    for (_, block) in session.program().blocks() {
        for answer in session.answers_in(&block.id) {
            let participant = match answer.speaker {
                Speaker::Participant(id) => session.participant(id),
                Speaker::Group => None,
            };
            let title = match participant {
                Some(p) if !options.anonymous => p.title.as_str(),
                _ => "",
            };
            let side = participant.map_or("", |p| p.side.id());
            let _ = out.write_record([
                block.id.as_str(),
                block.prompt(),
                &speaker_label(session, answer.speaker, options),
                title,
                side,
                &answer.text,
                &answer.created.to_string(),
                if answer.marked { "true" } else { "false" },
            ]);
        }
    }
    out.into_inner().unwrap_or_default()
}
