//! The notes as Markdown: every piece of user text escaped, so that no answer can
//! add a heading, a list, a link, a table cell or HTML.

use super::{NoteAnswer, Notes, action_head, result_head, time_head};
use crate::export::markdown::{table, text};
use crate::i18n::Lang;
use crate::tr;

pub fn to_markdown(notes: &Notes, lang: Lang) -> Vec<u8> {
    let mut out = Vec::<String>::new();
    out.push(format!(
        "# {}: {}",
        tr!(lang, NotesTitle),
        text(&notes.title, "")
    ));
    out.push(String::new());
    out.extend(table(
        &[String::new(), String::new()],
        &pairs(&notes.header),
    ));
    if !notes.sides.is_empty() {
        out.push(format!("\n## {}\n", tr!(lang, NotesParticipants)));
        for (side, people) in &notes.sides {
            out.push(format!("- **{side}:** {}", text(&people.join("; "), "  ")));
        }
    }
    for day in &notes.days {
        out.push(format!("\n## {}", text(&day.heading, "")));
        for block in &day.blocks {
            out.push(format!("\n### {}\n", text(&block.title, "")));
            if let Some(question) = &block.question {
                let q = text(question, "");
                out.push(format!("*{}:* {q}\n", tr!(lang, NotesQuestion)));
            }
            if block.groups.is_empty() {
                out.push(format!("*{}*\n", tr!(lang, NotesNoAnswers)));
            }
            for group in &block.groups {
                out.push(format!("**{}**\n", group.label));
                out.extend(group.answers.iter().map(|a| item(a, lang)));
                out.push(String::new());
            }
            if !block.proposals.is_empty() {
                out.push(format!("**{}**\n", tr!(lang, NotesProposals)));
                out.extend(block.proposals.iter().map(|a| item(a, lang)));
                out.push(String::new());
            }
            for voting in &block.votings {
                out.push(format!("**{}**\n", voting.heading));
                let rows: Vec<Vec<String>> = voting.rows.iter().map(|r| r.cells().into()).collect();
                out.extend(table(&result_head(lang), &rows));
                out.push(String::new());
                if let Some(undotted) = &voting.undotted {
                    out.push(format!("*{undotted}*\n"));
                }
            }
        }
        out.push(format!("\n### {}\n", tr!(lang, NotesSchedule)));
        let rows: Vec<Vec<String>> = day.times.iter().map(|t| t.cells(lang).into()).collect();
        out.extend(table(&time_head(lang), &rows));
    }
    if !notes.actions.is_empty() {
        out.push(format!("\n## {}\n", tr!(lang, NotesActions)));
        let rows: Vec<Vec<String>> = notes.actions.iter().map(|a| a.to_vec()).collect();
        out.extend(table(&action_head(lang), &rows));
    }
    // The pieces above each bring their own spacing; one blank line is enough.
    // (User text cannot hold a blank line here: its breaks are escaped.)
    let mut doc = out.join("\n");
    while doc.contains("\n\n\n") {
        doc = doc.replace("\n\n\n", "\n\n");
    }
    doc.push('\n');
    doc.into_bytes()
}

/// "- **Åsa Öberg:** the answer *(till överenskommelsen)*", continuation lines
/// indented so that they stay in the list item.
fn item(answer: &NoteAnswer, lang: Lang) -> String {
    let mut line = String::from("- ");
    if !answer.who.is_empty() {
        line.push_str(&format!("**{}:** ", text(&answer.who, "")));
    }
    line.push_str(&text(answer.text, "  "));
    if answer.marked {
        line.push_str(&format!(" *({})*", tr!(lang, NotesMarked)));
    }
    line
}

fn pairs(fields: &[(String, String)]) -> Vec<Vec<String>> {
    fields
        .iter()
        .map(|(k, v)| vec![k.clone(), v.clone()])
        .collect()
}
