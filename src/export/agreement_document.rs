//! The agreement for people, as a draft for the room or as the final text a
//! kommunstyrelse adopts: Markdown and Word, from one list of parts made from
//! the compiled draft, so that the two never say different things.
//!
//! The draft shows each section's text and, apart from it, the material not yet
//! worked in; it says once, at the top, which sections are done and which have
//! no text. The final has only the agreed text (a section without any is left
//! out), and ends with a decision block and the parties' signature lines.

use super::docx::{Doc, Meta};
use super::{ExportError, Options, markdown, speaker_label, who_label};
use crate::i18n::{Lang, date_text};
use crate::model::Session;
use crate::model::changes::{Change, Tag, Words, changes, summary};
use crate::model::draft_agreement::{
    Draft, DraftItem, DraftSection, Party, compile_agreement, evaluation_questions,
};
use crate::tr;

/// A signature line: room for a pen.
const SIGNATURE_LINE: &str = "______________________________";

/// One part of the document, in the order it is read.
enum Part {
    Title(String),
    /// "UTKAST – inte beslutat", at the top and on every page.
    Stamp(String),
    /// Rows of label and value, without a header.
    Facts(Vec<(String, String)>),
    Heading(usize, String),
    Para(String),
    Note(String),
    Bullets(Vec<String>),
    Table([String; 3], Vec<Vec<String>>),
    /// Labels with room beside each to fill in by hand.
    Blanks(Vec<String>),
    /// Lines to sign on, each with who signs under it, kept together.
    Signatures(Vec<String>),
    /// A section's text against last year's: words kept, added and removed.
    Diff(Vec<Words>),
}

pub fn to_markdown(session: &Session, options: &Options) -> Vec<u8> {
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let facts = |rows: &[(String, String)]| {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|(k, v)| vec![k.clone(), v.clone()])
            .collect();
        markdown::table(&[String::new(), String::new()], &rows)
    };
    for (i, part) in parts(session, options).iter().enumerate() {
        if i > 0 {
            line("");
        }
        match part {
            Part::Title(t) => line(&format!("# {}", markdown::text(t, ""))),
            Part::Stamp(t) => line(&format!("**{}**", markdown::text(t, ""))),
            Part::Facts(rows) => facts(rows).iter().for_each(|r| line(r)),
            Part::Heading(level, t) => line(&format!(
                "{} {}",
                "#".repeat(level + 1),
                markdown::text(t, "")
            )),
            Part::Para(t) => line(&markdown::text(t, "")),
            Part::Note(t) => line(&format!("*{}*", markdown::text(t, ""))),
            Part::Bullets(items) => items
                .iter()
                .for_each(|t| line(&format!("- {}", markdown::text(t, "  ")))),
            Part::Table(head, rows) => markdown::table(head, rows).iter().for_each(|r| line(r)),
            Part::Diff(words) => line(&marked(words)),
            Part::Blanks(labels) => {
                let rows: Vec<(String, String)> =
                    labels.iter().map(|l| (l.clone(), String::new())).collect();
                facts(&rows).iter().for_each(|r| line(r));
            }
            // A line of underscores alone is a thematic break in Markdown:
            // drawn as a rule, it is the line to sign on.
            Part::Signatures(signers) => {
                for (i, who) in signers.iter().enumerate() {
                    if i > 0 {
                        line("");
                    }
                    line(SIGNATURE_LINE);
                    line(&markdown::text(who, ""));
                }
            }
        }
    }
    out.into_bytes()
}

/// The agreement as a Word document: heading styles (so the navigation pane
/// works), bullets, tables, page numbers; the draft says UTKAST on every page.
pub fn to_docx(session: &Session, options: &Options) -> Result<Vec<u8>, ExportError> {
    let parts = parts(session, options);
    let stamp = parts.iter().find_map(|p| match p {
        Part::Stamp(t) => Some(t.as_str()),
        _ => None,
    });
    let organisation = &session.organisation;
    let footer = match organisation.is_empty() {
        true => tr!(options.lang, DocAgreement),
        false => format!("{} – {organisation}", tr!(options.lang, DocAgreement)),
    };
    let mut doc = Doc::new(stamp, &footer, Meta::of(session, options));
    for part in &parts {
        doc = match part {
            Part::Title(t) => doc.title(t),
            Part::Stamp(t) => doc.warning(t),
            Part::Facts(rows) => {
                let rows: Vec<Vec<String>> = rows
                    .iter()
                    .map(|(k, v)| vec![k.clone(), v.clone()])
                    .collect();
                doc.table(None, &rows)
            }
            Part::Heading(level, t) => doc.heading(*level, t),
            Part::Para(t) => doc.para(t),
            Part::Note(t) => doc.italic(t),
            Part::Bullets(items) => items.iter().fold(doc, |d, t| d.bullet(t)),
            Part::Table(head, rows) => doc.table(Some(head), rows),
            Part::Blanks(labels) => doc.form(labels),
            Part::Signatures(signers) => doc.signatures(SIGNATURE_LINE, signers),
            // Word's own tracked changes are the next step (#18.4); until then
            // the text as it now reads.
            Part::Diff(words) => doc.para(&now_reads(words)),
        };
    }
    doc.finish()
}

/// The document's parts: the draft's or, with `options.final_text`, the final's.
fn parts(session: &Session, options: &Options) -> Vec<Part> {
    let parts = written_parts(session, options);
    match options.anonymous {
        // Names typed into the text go too: "Anna ringer Bo" names them as
        // surely as a speaker's label would.
        true => parts
            .into_iter()
            .map(|p| p.map(&|t| who_label(session, t, options)))
            .collect(),
        false => parts,
    }
}

impl Part {
    /// The part with `f` applied to each of its texts.
    fn map(self, f: &dyn Fn(&str) -> String) -> Part {
        let all = |texts: Vec<String>| texts.iter().map(|t| f(t)).collect();
        match self {
            Part::Title(t) => Part::Title(f(&t)),
            Part::Stamp(t) => Part::Stamp(t),
            Part::Facts(rows) => Part::Facts(rows.into_iter().map(|(k, v)| (k, f(&v))).collect()),
            Part::Heading(level, t) => Part::Heading(level, f(&t)),
            Part::Para(t) => Part::Para(f(&t)),
            Part::Note(t) => Part::Note(f(&t)),
            Part::Bullets(items) => Part::Bullets(all(items)),
            Part::Table(head, rows) => Part::Table(head, rows.into_iter().map(all).collect()),
            Part::Blanks(labels) => Part::Blanks(labels),
            Part::Signatures(signers) => Part::Signatures(all(signers)),
            Part::Diff(words) => Part::Diff(
                words
                    .into_iter()
                    .map(|w| Words {
                        text: f(&w.text),
                        ..w
                    })
                    .collect(),
            ),
        }
    }
}

fn written_parts(session: &Session, options: &Options) -> Vec<Part> {
    let lang = options.lang;
    let agreement = options.agreement.as_deref();
    let agreement = agreement.and_then(|id| session.agreement_of(id).ok());
    let agreement = agreement.unwrap_or(session.agreement());
    let draft = compile_agreement(session, agreement, lang);
    let order: Vec<&str> = draft.sections.iter().map(|s| s.id.as_str()).collect();
    let changed = options
        .changes
        .then(|| changes(agreement, &order))
        .flatten();
    let change_of = |id: &str| {
        let found = changed.iter().flatten().find(|c| c.section == id);
        found.map(|c| &c.change)
    };
    let mut parts = vec![Part::Title(draft.title.clone())];
    if !options.final_text {
        parts.push(Part::Stamp(tr!(lang, DocDraftStamp)));
    }
    parts.push(Part::Facts(header(session, &draft, options)));
    if let (Some(changed), Some(previous)) = (&changed, &agreement.previous) {
        let [same, changed, new, removed] = summary(changed);
        let version = previous.version;
        parts.push(Part::Note(tr!(
            lang,
            DocChangesSummary,
            version = version,
            same = same,
            changed = changed,
            new = new,
            removed = removed
        )));
    }
    if !options.final_text {
        parts.push(Part::Note(state_of_draft(&draft, lang)));
    }
    // With the changes shown, a section whose text was taken out is shown too.
    let removed = |s: &DraftSection| matches!(change_of(&s.id), Some(Change::Removed(_)));
    let shown = draft
        .sections
        .iter()
        .filter(|s| !options.final_text || s.in_final() || removed(s));
    for (n, section) in shown.enumerate() {
        parts.push(Part::Heading(1, format!("{}. {}", n + 1, section.title)));
        let change = change_of(&section.id);
        section_parts(&mut parts, session, &draft, section, change, options);
    }
    if options.final_text {
        decision(&mut parts, session, &draft, options);
    } else if !draft.unplaced.is_empty() {
        parts.push(Part::Heading(1, tr!(lang, DocUnplaced)));
        parts.push(Part::Bullets(material(session, &draft.unplaced, options)));
    }
    parts
}

/// A section: its text, in the draft the material still to be written in, and
/// the action items or the follow-up's questions where the section has them.
fn section_parts(
    parts: &mut Vec<Part>,
    session: &Session,
    draft: &Draft,
    section: &DraftSection,
    change: Option<&Change>,
    options: &Options,
) {
    let lang = options.lang;
    let run = |tag, text: &str| {
        vec![Words {
            tag,
            text: text.to_string(),
        }]
    };
    match change {
        Some(Change::Changed(words)) => parts.push(Part::Diff(words.clone())),
        Some(Change::New(text)) => parts.push(Part::Diff(run(Tag::Added, text))),
        Some(Change::Removed(text)) => parts.push(Part::Diff(run(Tag::Removed, text))),
        Some(Change::Unchanged(_)) | None if !section.agreed.is_empty() => {
            parts.push(Part::Para(section.agreed.clone()));
        }
        Some(Change::Unchanged(_)) | None => {}
    }
    if !options.final_text {
        if !section.items.is_empty() {
            parts.push(Part::Heading(2, tr!(lang, DocToWrite)));
            parts.push(Part::Bullets(material(session, &section.items, options)));
        } else if section.agreed.is_empty() && section.actions.is_empty() && !section.evaluation {
            parts.push(Part::Note(tr!(lang, DocNothingYet)));
        }
    }
    if !section.actions.is_empty() {
        let (head, rows) = action_table(session, section, options);
        parts.push(Part::Table(head, rows));
    }
    if section.evaluation {
        if let Some(date) = draft.next_review {
            parts.push(Part::Para(tr!(
                lang,
                DocReviewBy,
                date = date_text(lang, date)
            )));
        }
        parts.push(Part::Heading(2, tr!(lang, DocEvaluationQuestions)));
        parts.push(Part::Bullets(evaluation_questions(draft.kind)));
    }
}

/// "3 av 12 avsnitt är klara. Avsnitt som saknar text än: 2, 5.": said once, at the
/// top of the draft, rather than a status under every heading.
fn state_of_draft(draft: &Draft, lang: Lang) -> String {
    let done = draft.sections.iter().filter(|s| s.done).count();
    let mut note = tr!(lang, DocSectionsDone, done = done, n = draft.sections.len());
    let unwritten: Vec<String> = draft
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.agreed.is_empty())
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if !unwritten.is_empty() {
        note.push(' ');
        note.push_str(&tr!(lang, DocUnwritten, list = unwritten.join(", ")));
    }
    note
}

/// The decision block, with blanks to fill in, and a signature line per party.
fn decision(parts: &mut Vec<Part>, session: &Session, draft: &Draft, options: &Options) {
    let lang = options.lang;
    parts.push(Part::Heading(1, tr!(lang, DocDecision)));
    // Where the secretary writes when it has been decided.
    parts.push(Part::Blanks(vec![
        tr!(lang, DocDecidedBy),
        tr!(lang, DocDate),
        tr!(lang, DocDecisionParagraph),
        tr!(lang, DocDiaryNumber),
    ]));
    parts.push(Part::Heading(1, tr!(lang, DocSignatures)));
    let mut signers = vec![tr!(lang, DocPlaceAndDate)];
    signers.extend(
        draft
            .parties
            .iter()
            .map(|p| party_label(session, p, options)),
    );
    parts.push(Part::Signatures(signers));
}

/// Each item's text, with who said it when sources are asked for.
fn material(session: &Session, items: &[DraftItem], options: &Options) -> Vec<String> {
    items
        .iter()
        .map(|item| match options.sources {
            true => {
                let names: Vec<String> = item
                    .speakers
                    .iter()
                    .map(|s| speaker_label(session, *s, options))
                    .collect();
                format!("{} ({})", item.text, names.join(", "))
            }
            false => item.text.clone(),
        })
        .collect()
}

/// The action items as a table: what, who, by when.
fn action_table(
    session: &Session,
    section: &DraftSection,
    options: &Options,
) -> ([String; 3], Vec<Vec<String>>) {
    let lang = options.lang;
    let head = [tr!(lang, FieldWhat), tr!(lang, FieldWho), tr!(lang, DocBy)];
    let rows = section
        .actions
        .iter()
        .map(|a| {
            let due = a.due.map(|d| date_text(lang, d)).unwrap_or_default();
            vec![a.what.clone(), who_label(session, &a.who, options), due]
        })
        .collect();
    (head, rows)
}

/// "Åsa Öberg, kommunstyrelsens ordförande"; in an anonymous export the role
/// alone, which is what the document is about (a pseudonym where the
/// participant list gives no title).
fn party_label(session: &Session, party: &Party, options: &Options) -> String {
    match (options.anonymous, party.role.is_empty()) {
        (true, false) => party.role.clone(),
        (true, true) => who_label(session, &party.name, options),
        (false, true) => party.name.clone(),
        (false, false) => format!("{}, {}", party.name, party.role),
    }
}

/// The header's facts: organisation, parties, date, version, next review.
fn header(session: &Session, draft: &Draft, options: &Options) -> Vec<(String, String)> {
    let lang = options.lang;
    let parties: Vec<String> = draft
        .parties
        .iter()
        .map(|p| party_label(session, p, options))
        .collect();
    let date = |d: Option<jiff::civil::Date>| d.map(|d| date_text(lang, d)).unwrap_or_default();
    let version = match options.final_text {
        true => draft.version.to_string(),
        false => tr!(lang, DocVersionDraft, n = draft.version),
    };
    vec![
        (tr!(lang, DocOrganisation), draft.organisation.clone()),
        (tr!(lang, DocParties), parties.join("; ")),
        (tr!(lang, DocDate), date(draft.date)),
        (tr!(lang, DocVersion), version),
        (tr!(lang, DocNextReview), date(draft.next_review)),
    ]
}

/// The words in Markdown: removed ones struck through, added ones in bold,
/// the white space around a run kept outside its marks (else they would not
/// mark).
fn marked(words: &[Words]) -> String {
    let mut out = String::new();
    let mut last = Tag::Kept;
    for w in words {
        let inner = w.text.trim();
        let before = &w.text[..w.text.len() - w.text.trim_start().len()];
        let after = &w.text[before.len() + inner.len()..];
        let mark = match w.tag {
            Tag::Kept => "",
            Tag::Added => "**",
            Tag::Removed => "~~",
        };
        // "~~varje~~ **varannan**": a word replaced reads as two.
        if last == Tag::Removed && w.tag == Tag::Added && before.is_empty() {
            out.push(' ');
        }
        out.push_str(before);
        if !inner.is_empty() {
            out.push_str(&format!("{mark}{}{mark}", markdown::text(inner, "")));
        }
        out.push_str(after);
        last = w.tag;
    }
    out
}

/// The text as it now reads: what was kept and what was added.
fn now_reads(words: &[Words]) -> String {
    let now = words.iter().filter(|w| w.tag != Tag::Removed);
    now.map(|w| w.text.as_str()).collect()
}
