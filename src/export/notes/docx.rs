//! The notes as a Word document: heading styles for days and blocks (so the
//! navigation pane works), answers as bullets under their side, tables for the
//! results, the time plan and the action items, page numbers.

use super::{Notes, action_head, result_head, time_head};
use crate::export::ExportError;
use crate::export::docx::{Doc, Meta};
use crate::tr;

/// The notes of `organisation`'s session, in `meta`'s language, by its author.
pub fn to_docx(notes: &Notes, organisation: &str, meta: Meta) -> Result<Vec<u8>, ExportError> {
    let lang = meta.lang;
    let footer = format!("{} – {organisation}", tr!(lang, NotesTitle));
    let mut doc =
        Doc::new(None, &footer, meta).title(&format!("{}: {}", tr!(lang, NotesTitle), notes.title));
    let header: Vec<Vec<String>> = notes
        .header
        .iter()
        .map(|(k, v)| vec![k.clone(), v.clone()])
        .collect();
    doc = doc.table(None, &header);
    if !notes.sides.is_empty() {
        doc = doc.heading(1, &tr!(lang, NotesParticipants));
        for (side, people) in &notes.sides {
            doc = doc.labelled_bullet(side, &people.join("; "), None);
        }
    }
    let marked = tr!(lang, NotesMarked);
    let note = |is: bool| is.then_some(marked.as_str());
    for day in &notes.days {
        doc = doc.heading(1, &day.heading);
        for block in &day.blocks {
            doc = doc.heading(2, &block.title);
            if let Some(question) = &block.question {
                doc = doc.labelled_para(&tr!(lang, NotesQuestion), question);
            }
            if block.groups.is_empty() {
                doc = doc.italic(&tr!(lang, NotesNoAnswers));
            }
            for group in &block.groups {
                doc = doc.heading(3, &group.label);
                for a in &group.answers {
                    doc = doc.labelled_bullet(&a.who, a.text, note(a.marked));
                }
            }
            if !block.proposals.is_empty() {
                doc = doc.heading(3, &tr!(lang, NotesProposals));
                for a in &block.proposals {
                    doc = doc.labelled_bullet(&a.who, a.text, note(a.marked));
                }
            }
            for voting in &block.votings {
                doc = doc.heading(3, &voting.heading);
                let rows: Vec<Vec<String>> = voting.rows.iter().map(|r| r.cells().into()).collect();
                doc = doc.table(Some(&result_head(lang)), &rows);
                if let Some(undotted) = &voting.undotted {
                    doc = doc.italic(undotted);
                }
            }
        }
        doc = doc.heading(2, &tr!(lang, NotesSchedule));
        let rows: Vec<Vec<String>> = day.times.iter().map(|t| t.cells(lang).into()).collect();
        doc = doc.table(Some(&time_head(lang)), &rows);
    }
    if !notes.actions.is_empty() {
        doc = doc.heading(1, &tr!(lang, NotesActions));
        let rows: Vec<Vec<String>> = notes.actions.iter().map(|a| a.to_vec()).collect();
        doc = doc.table(Some(&action_head(lang)), &rows);
    }
    doc.finish()
}
