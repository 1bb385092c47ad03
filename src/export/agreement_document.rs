//! The draft agreement for people: Markdown and Word, from the same compiled draft.

use super::docx::{Doc, Meta};
use super::{ExportError, Options, markdown, speaker_label, who_label};
use crate::i18n::{Msg, date_text, text};
use crate::model::Session;
use crate::model::draft_agreement::{
    Draft, DraftItem, DraftSection, EVALUATION_QUESTIONS, compile,
};
use crate::tr;

pub fn to_markdown(session: &Session, options: &Options) -> Vec<u8> {
    let draft = compile(session);
    let lang = options.lang;
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(&format!(
        "# {}: {}",
        tr!(lang, DocAgreement),
        markdown::text(&draft.title, "")
    ));
    line("");
    line(&format!("**{}**", tr!(lang, DocDraftStamp)));
    line("");
    for row in header_rows(session, &draft, options) {
        line(&row);
    }
    for (n, section) in draft.sections.iter().enumerate() {
        line("");
        line(&format!(
            "## {}. {}",
            n + 1,
            markdown::text(&section.title, "")
        ));
        line("");
        let status = if section.done {
            Msg::DocDone
        } else {
            Msg::DocDraft
        };
        line(&format!("*{}*", text(lang, status)));
        line("");
        if !section.agreed.is_empty() {
            line(&markdown::text(&section.agreed, ""));
        }
        let show_items = section.agreed.is_empty() || options.sources;
        if show_items && !section.items.is_empty() {
            if !section.agreed.is_empty() {
                line("");
                line(&format!("{}:", tr!(lang, DocMaterial)));
                line("");
            }
            for item in &section.items {
                let mut entry = format!("- {}", markdown::text(&item.text, "  "));
                if let Some(names) = sources(session, item, options) {
                    entry.push_str(&format!(" ({})", markdown::text(&names, "")));
                }
                line(&entry);
            }
        } else if is_empty(section) {
            line(&format!("*{}*", tr!(lang, DocNothingYet)));
        }
        if !section.actions.is_empty() {
            line("");
            let (head, rows) = action_table(session, section, options);
            for row in markdown::table(&head, &rows) {
                line(&row);
            }
        }
        if section.evaluation {
            line("");
            if let Some(date) = draft.next_review {
                line(&tr!(lang, DocReviewBy, date = date_text(lang, date)));
                line("");
            }
            line(&format!("{}:", tr!(lang, DocEvaluationQuestions)));
            line("");
            for q in EVALUATION_QUESTIONS {
                line(&format!("- {}", markdown::text(q, "  ")));
            }
        }
    }
    out.into_bytes()
}

/// The draft as a Word document: title, UTKAST, the header table, a heading per
/// section (heading styles, so the navigation pane works), bullets, the action
/// items as a table, the evaluation questions, page numbers.
pub fn to_docx(session: &Session, options: &Options) -> Result<Vec<u8>, ExportError> {
    let draft = compile(session);
    let lang = options.lang;
    let stamp = tr!(lang, DocDraftStamp);
    let footer = format!("{} – {}", tr!(lang, DocAgreement), draft.organisation);
    let mut doc = Doc::new(Some(&stamp), &footer, Meta::of(session, options))
        .title(&format!("{}: {}", tr!(lang, DocAgreement), draft.title))
        .warning(&stamp);
    let header: Vec<Vec<String>> = header_fields(session, &draft, options)
        .into_iter()
        .map(|(k, v)| vec![k, v])
        .collect();
    doc = doc.table(None, &header);
    for (n, section) in draft.sections.iter().enumerate() {
        doc = doc.heading(1, &format!("{}. {}", n + 1, section.title));
        let status = if section.done {
            Msg::DocDone
        } else {
            Msg::DocDraft
        };
        doc = doc.italic(text(lang, status));
        if !section.agreed.is_empty() {
            doc = doc.para(&section.agreed);
        }
        if (section.agreed.is_empty() || options.sources) && !section.items.is_empty() {
            if !section.agreed.is_empty() {
                doc = doc.para(&format!("{}:", tr!(lang, DocMaterial)));
            }
            for item in &section.items {
                let text = match sources(session, item, options) {
                    Some(names) => format!("{} ({names})", item.text),
                    None => item.text.clone(),
                };
                doc = doc.bullet(&text);
            }
        } else if is_empty(section) {
            doc = doc.italic(&tr!(lang, DocNothingYet));
        }
        if !section.actions.is_empty() {
            let (head, rows) = action_table(session, section, options);
            doc = doc.table(Some(&head), &rows);
        }
        if section.evaluation {
            if let Some(date) = draft.next_review {
                doc = doc.para(&tr!(lang, DocReviewBy, date = date_text(lang, date)));
            }
            doc = doc.heading(2, &tr!(lang, DocEvaluationQuestions));
            for q in EVALUATION_QUESTIONS {
                doc = doc.bullet(q);
            }
        }
    }
    doc.finish()
}

/// A section with nothing at all to show yet.
fn is_empty(section: &DraftSection) -> bool {
    section.agreed.is_empty()
        && section.items.is_empty()
        && section.actions.is_empty()
        && !section.evaluation
}

/// "Åsa Öberg, Jörgen Ståhl": who an item came from, when sources are asked for.
fn sources(session: &Session, item: &DraftItem, options: &Options) -> Option<String> {
    options.sources.then(|| {
        item.speakers
            .iter()
            .map(|s| speaker_label(session, *s, options))
            .collect::<Vec<_>>()
            .join(", ")
    })
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

/// The header's fields: organisation, parties, date, version, next review.
fn header_fields(session: &Session, draft: &Draft, options: &Options) -> Vec<(String, String)> {
    let lang = options.lang;
    let parties: Vec<String> = draft
        .parties
        .iter()
        .map(|(name, title)| match options.anonymous {
            // The same pseudonym as the party has everywhere else in the document.
            true => who_label(session, name, options),
            false if title.is_empty() => name.clone(),
            false => format!("{name}, {title}"),
        })
        .collect();
    let date = |d: Option<jiff::civil::Date>| d.map(|d| date_text(lang, d)).unwrap_or_default();
    vec![
        (tr!(lang, DocOrganisation), draft.organisation.clone()),
        (tr!(lang, DocParties), parties.join("; ")),
        (tr!(lang, DocDate), date(draft.date)),
        (
            tr!(lang, DocVersion),
            tr!(lang, DocVersionDraft, n = draft.version),
        ),
        (tr!(lang, DocNextReview), date(draft.next_review)),
    ]
}

/// The header as a Markdown table.
fn header_rows(session: &Session, draft: &Draft, options: &Options) -> Vec<String> {
    let rows: Vec<Vec<String>> = header_fields(session, draft, options)
        .into_iter()
        .map(|(k, v)| vec![k, v])
        .collect();
    markdown::table(&[String::new(), String::new()], &rows)
}
