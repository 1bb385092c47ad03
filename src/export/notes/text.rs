//! The notes as plain text, ready to paste into an e-mail: headings in capitals
//! and underlined, answers as indented bullets, no tables (a mail program's
//! font would break their columns). Control characters are dropped, so that no
//! answer can carry an escape sequence into someone's terminal or mail client.

use super::{NoteAnswer, Notes};
use crate::export::printable as clean;
use crate::i18n::Lang;
use crate::tr;

pub fn to_text(notes: &Notes, lang: Lang) -> Vec<u8> {
    let mut out = Vec::<String>::new();
    let title = format!("{}: {}", tr!(lang, NotesTitle), clean(&notes.title));
    underline(&mut out, &title.to_uppercase(), '=');
    for (key, value) in &notes.header {
        out.push(format!("{key}: {}", clean(value)));
    }
    if !notes.sides.is_empty() {
        out.push(String::new());
        underline(&mut out, &tr!(lang, NotesParticipants), '-');
        for (side, people) in &notes.sides {
            out.push(format!("{side}: {}", clean(&people.join("; "))));
        }
    }
    for day in &notes.days {
        out.push(String::new());
        underline(&mut out, &clean(&day.heading).to_uppercase(), '=');
        for block in &day.blocks {
            out.push(String::new());
            underline(&mut out, &clean(&block.title), '-');
            if let Some(question) = &block.question {
                out.push(format!("{}: {}", tr!(lang, NotesQuestion), clean(question)));
            }
            if block.groups.is_empty() {
                out.push(tr!(lang, NotesNoAnswers));
            }
            for group in &block.groups {
                out.push(String::new());
                out.push(format!("{}:", group.label));
                out.extend(group.answers.iter().map(|a| bullet(a, lang)));
            }
            if !block.proposals.is_empty() {
                out.push(String::new());
                out.push(format!("{}:", tr!(lang, NotesProposals)));
                out.extend(block.proposals.iter().map(|a| bullet(a, lang)));
            }
            for voting in &block.votings {
                out.push(String::new());
                out.push(format!("{}:", voting.heading));
                for r in &voting.rows {
                    out.push(format!(
                        "  {}. {} – {} ({} {}, {} {})",
                        r.rank,
                        indent(&clean(&r.text), "     "),
                        tr!(lang, Dots, n = r.total),
                        crate::model::Side::Politik.label(lang),
                        r.politik,
                        crate::model::Side::Verksamhet.label(lang),
                        r.verksamhet
                    ));
                }
                out.extend(voting.undotted.iter().map(|u| format!("  {u}")));
            }
        }
        out.push(String::new());
        out.push(format!("{}:", tr!(lang, NotesSchedule)));
        for t in &day.times {
            let [time, title, planned, actual] = t.cells(lang);
            out.push(format!(
                "  {time}  {} ({} {planned}, {} {actual})",
                clean(&title),
                tr!(lang, NotesPlanned).to_lowercase(),
                tr!(lang, NotesActual).to_lowercase(),
            ));
        }
    }
    if !notes.actions.is_empty() {
        out.push(String::new());
        underline(&mut out, &tr!(lang, NotesActions).to_uppercase(), '=');
        let [_, who, by, from] = super::action_head(lang);
        for [what, person, due, block] in &notes.actions {
            let mut about = vec![format!("{who}: {}", clean(person))];
            if !due.is_empty() {
                about.push(format!("{}: {due}", by.to_lowercase()));
            }
            if !block.is_empty() {
                about.push(format!("{}: {}", from.to_lowercase(), clean(block)));
            }
            out.push(format!(
                "• {} ({})",
                indent(&clean(what), "  "),
                about.join(", ")
            ));
        }
    }
    let mut doc = out.join("\n");
    doc.push('\n');
    doc.into_bytes()
}

/// "  • Åsa Öberg: the answer [till överenskommelsen]", continuation lines indented.
fn bullet(answer: &NoteAnswer, lang: Lang) -> String {
    let mut line = String::from("  • ");
    if !answer.who.is_empty() {
        line.push_str(&format!("{}: ", clean(&answer.who)));
    }
    line.push_str(&indent(&clean(answer.text), "    "));
    if answer.marked {
        line.push_str(&format!(" [{}]", tr!(lang, NotesMarked)));
    }
    line
}

fn underline(out: &mut Vec<String>, heading: &str, with: char) {
    out.push(heading.to_string());
    out.push(with.to_string().repeat(heading.chars().count()));
}

/// The lines after the first, indented.
fn indent(text: &str, by: &str) -> String {
    let mut lines = text.lines().map(str::trim_end);
    let first = lines.next().unwrap_or_default().to_string();
    lines.fold(first, |out, line| match line {
        "" => format!("{out}\n"),
        line => format!("{out}\n{by}{line}"),
    })
}
