use super::{Options, printable, speaker_label};
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

/// What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
/// A carriage return is on the list but never reaches a cell: `printable` drops it.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell of text from the session (typed in the room or written in a file):
/// without control characters, and unless `raw` with a leading `'` where a
/// spreadsheet would otherwise run it as a formula (`=HYPERLINK(…)`).
fn cell(text: &str, raw: bool) -> String {
    let text = printable(text);
    match !raw && text.starts_with(FORMULA_START) {
        true => format!("'{text}"),
        false => text,
    }
}

/// One row per answer, in program order and then in order of arrival: RFC 4180,
/// UTF-8, comma-separated, fields quoted where needed (line breaks are kept inside quotes).
pub fn render(session: &Session, options: &Options) -> Vec<u8> {
    let text = |t: &str| cell(t, options.raw_csv);
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
            // A block id too: a session file's program is not checked again on load.
            let _ = out.write_record([
                text(&block.id),
                text(block.prompt()),
                text(&speaker_label(session, answer.speaker, options)),
                text(title),
                side.to_string(),
                text(&answer.text),
                answer.created.to_string(),
                answer.marked.to_string(),
            ]);
        }
    }
    out.into_inner().unwrap_or_default()
}
