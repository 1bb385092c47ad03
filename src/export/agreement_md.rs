//! The draft agreement as Markdown.

use super::{Options, markdown, speaker_label};
use crate::agreement::{Draft, EVALUATION_QUESTIONS, compile};
use crate::i18n::{Msg, date_text, text};
use crate::model::Session;
use crate::tr;

pub fn render(session: &Session, options: &Options) -> Vec<u8> {
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
    for row in header_rows(&draft, options) {
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
                if options.sources {
                    let names: Vec<String> = item
                        .speakers
                        .iter()
                        .map(|s| speaker_label(session, *s, options))
                        .collect();
                    entry.push_str(&format!(" ({})", markdown::text(&names.join(", "), "")));
                }
                line(&entry);
            }
        } else if section.agreed.is_empty() && section.actions.is_empty() && !section.evaluation {
            line(&format!("*{}*", tr!(lang, DocNothingYet)));
        }
        if !section.actions.is_empty() {
            line("");
            line(&format!(
                "| {} | {} | {} |",
                tr!(lang, FieldWhat),
                tr!(lang, FieldWho),
                tr!(lang, DocBy)
            ));
            line("|---|---|---|");
            for a in &section.actions {
                let due = a.due.map(|d| date_text(lang, d)).unwrap_or_default();
                let who = super::who_label(session, &a.who, options);
                line(&format!(
                    "| {} | {} | {} |",
                    markdown::cell(&a.what),
                    markdown::cell(&who),
                    due
                ));
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

/// The header table: organisation, parties, date, version, next review.
fn header_rows(draft: &Draft, options: &Options) -> Vec<String> {
    let lang = options.lang;
    let parties: Vec<String> = draft
        .parties
        .iter()
        .enumerate()
        .map(|(i, (name, title))| match options.anonymous {
            true => tr!(lang, Anonymous, n = i + 1),
            false if title.is_empty() => name.clone(),
            false => format!("{name}, {title}"),
        })
        .collect();
    let date = |d: Option<jiff::civil::Date>| d.map(|d| date_text(lang, d)).unwrap_or_default();
    let rows = [
        (tr!(lang, DocOrganisation), draft.organisation.clone()),
        (tr!(lang, DocParties), parties.join("; ")),
        (tr!(lang, DocDate), date(draft.date)),
        (
            tr!(lang, DocVersion),
            tr!(lang, DocVersionDraft, n = draft.version),
        ),
        (tr!(lang, DocNextReview), date(draft.next_review)),
    ];
    let mut out = vec!["| | |".to_string(), "|---|---|".to_string()];
    out.extend(
        rows.iter()
            .map(|(k, v)| format!("| {k} | {} |", markdown::cell(v))),
    );
    out
}
