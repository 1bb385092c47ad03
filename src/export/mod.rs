//! Exports: pure functions from a session to the bytes of a file.

mod agreement_document;
mod anonymous;
mod csv;
pub mod docx;
mod json;
pub mod markdown;
mod memo;
pub mod notes;

use crate::i18n::{Lang, Localize};
use crate::model::{Session, Speaker};
use crate::tr;

/// The formats `samspel export --format` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    // The whole session as JSON, for data.
    Json,
    // One row per answer, for spreadsheets and scripts.
    Csv,
    // The draft agreement, for people.
    AgreementMd,
    // The draft agreement as a Word document.
    AgreementDocx,
    // The session notes (minnesanteckningar) in Markdown.
    NotesMd,
    // The session notes as a Word document.
    NotesDocx,
    // The session notes as plain text for an e-mail.
    NotesTxt,
    // The tjänsteskrivelse (decision memo) in Markdown.
    MemoMd,
    // The tjänsteskrivelse as a Word document.
    MemoDocx,
}

impl Format {
    /// In the order the export dialog offers them.
    pub const ALL: [Format; 9] = [
        Format::NotesDocx,
        Format::NotesMd,
        Format::NotesTxt,
        Format::AgreementDocx,
        Format::AgreementMd,
        Format::MemoDocx,
        Format::MemoMd,
        Format::Csv,
        Format::Json,
    ];

    pub fn label(self, lang: Lang) -> String {
        let msg = match self {
            Format::Json => crate::i18n::Msg::FormatJson,
            Format::Csv => crate::i18n::Msg::FormatCsv,
            Format::AgreementMd => crate::i18n::Msg::FormatAgreementMd,
            Format::AgreementDocx => crate::i18n::Msg::FormatAgreementDocx,
            Format::NotesMd => crate::i18n::Msg::FormatNotesMd,
            Format::NotesDocx => crate::i18n::Msg::FormatNotesDocx,
            Format::NotesTxt => crate::i18n::Msg::FormatNotesTxt,
            Format::MemoMd => crate::i18n::Msg::FormatMemoMd,
            Format::MemoDocx => crate::i18n::Msg::FormatMemoDocx,
        };
        crate::i18n::text(lang, msg).to_string()
    }

    /// The file name for an export of the session named `stem`.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Format::Json => format!("{stem}.json"),
            Format::Csv => format!("{stem}-svar.csv"),
            Format::AgreementMd => format!("{stem}-overenskommelse.md"),
            Format::AgreementDocx => format!("{stem}-overenskommelse.docx"),
            Format::NotesMd => format!("{stem}-minnesanteckningar.md"),
            Format::NotesDocx => format!("{stem}-minnesanteckningar.docx"),
            Format::NotesTxt => format!("{stem}-minnesanteckningar.txt"),
            Format::MemoMd => format!("{stem}-tjansteskrivelse.md"),
            Format::MemoDocx => format!("{stem}-tjansteskrivelse.docx"),
        }
    }

    /// The agreement's formats, which have a draft and a final.
    pub fn is_agreement(self) -> bool {
        matches!(self, Format::AgreementMd | Format::AgreementDocx)
    }

    /// The formats that honour the day filter.
    pub fn is_notes(self) -> bool {
        matches!(self, Format::NotesMd | Format::NotesDocx | Format::NotesTxt)
    }
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
// Display says the English sentence, so that no second wording can drift from the table.
#[error("{}", self.localize(Lang::En))]
pub enum ExportError {
    Docx(String),
}

impl Localize for ExportError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ExportError::Docx(detail) => tr!(lang, ExportDocxFailed, detail = detail),
        }
    }
}

/// How to export.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Options {
    /// Replace the participants' names with "Deltagare 1", "Deltagare 2", …
    pub anonymous: bool,
    pub lang: Lang,
    /// In the agreement: who said each item of the material.
    pub sources: bool,
    /// The agreement as adopted: only the agreed text, a decision block and
    /// signature lines; else the draft for the room, with its material.
    pub final_text: bool,
    /// In the agreement (Markdown): what changed since last year's version,
    /// word by word, with a count of the sections at the top.
    pub changes: bool,
    /// Which of the session's agreements (its id); `None` for the main one.
    pub agreement: Option<String>,
    /// In the notes: only this day (0 is day 1); `None` for all days.
    pub day: Option<usize>,
    /// When the export is made: a block's timer still running counts until then.
    pub now: jiff::Timestamp,
    /// In the CSV: cells as typed (control characters still dropped), without the
    /// `'` that keeps a spreadsheet from reading `=…` as a formula. Only
    /// `samspel export --raw` asks for it; the app never does.
    pub raw_csv: bool,
}

/// The bytes of the export.
pub fn render(
    session: &Session,
    format: Format,
    options: &Options,
) -> Result<Vec<u8>, ExportError> {
    Ok(match format {
        Format::Json => json::render(session, options),
        Format::Csv => csv::render(session, options),
        Format::AgreementMd => agreement_document::to_markdown(session, options),
        Format::AgreementDocx => return agreement_document::to_docx(session, options),
        Format::NotesMd => notes::to_markdown(&notes::compile(session, options), options.lang),
        Format::NotesTxt => notes::to_text(&notes::compile(session, options), options.lang),
        Format::MemoMd => memo::to_markdown(session, options),
        Format::MemoDocx => return memo::to_docx(session, options),
        Format::NotesDocx => {
            let notes = notes::compile(session, options);
            let meta = docx::Meta::of(session, options);
            return notes::to_docx(&notes, &session.organisation, meta);
        }
    })
}

/// An action item's "who" (free text); when anonymous, with every participant's
/// name in it replaced by their pseudonym.
pub fn who_label(session: &Session, who: &str, options: &Options) -> String {
    match options.anonymous {
        true => anonymous::scrub_names(session, who, options),
        false => who.to_string(),
    }
}

/// The name an export shows for a speaker, honouring anonymity. Pseudonyms number
/// the participants in the order the session lists them.
pub fn speaker_label(session: &Session, speaker: Speaker, options: &Options) -> String {
    match speaker {
        Speaker::Participant(id) if options.anonymous => {
            let n = session
                .participants()
                .iter()
                .position(|p| p.id == id)
                .map_or(0, |i| i + 1);
            tr!(options.lang, Anonymous, n = n)
        }
        _ => session.speaker_name(speaker, options.lang),
    }
}

/// Text without control characters (line breaks and tabs stay): no answer can
/// carry an escape sequence into a document, a mail client or a terminal that
/// shows the file. The noncharacters U+FFFE and U+FFFF go too: XML forbids them,
/// and one would make a Word document that Word refuses to open.
pub fn printable(text: &str) -> String {
    let unwanted = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{fffe}' | '\u{ffff}')
    };
    // Nearly all text is clean: copy it whole rather than char by char.
    match text.contains(unwanted) {
        false => text.to_string(),
        true => text.chars().filter(|&c| !unwanted(c)).collect(),
    }
}
