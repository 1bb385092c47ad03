//! The tjänsteskrivelse (decision memo) that takes the agreement to the
//! executive board, in Markdown and Word: a head with the sender, the date, a
//! blank diarienummer and the addressee, the matter as the title, then the
//! memo's parts under their headings and the officer in charge at the end.

use jiff::civil::Date;

use super::docx::{Doc, Meta};
use super::{ExportError, Options, markdown};
use crate::i18n::{Lang, Msg, date_text, text};
use crate::model::Session;
use crate::model::memo::{Memo, MemoPart, memo};
use crate::tr;

/// The parts that are headings of their own, in order: every part after the
/// sender, the addressee and the matter, which make the head.
const BODY: &[MemoPart] = MemoPart::ALL.split_at(3).1;

/// The memo as the export shows it: without names, the officer in charge is
/// left blank unless the user wrote the part (the default is the facilitator).
fn compiled(session: &Session, options: &Options) -> Memo {
    let mut memo = memo(session, options.lang);
    if options.anonymous {
        for part in &mut memo.parts {
            if part.part == MemoPart::Handler && !part.edited {
                part.text.clear();
            }
        }
    }
    memo
}

/// The day the memo is dated: the day of the export, on the computer's clock.
fn dated(options: &Options) -> Date {
    options.now.to_zoned(crate::time_zone::local()).date()
}

/// A part's text as paragraphs: a blank line divides them.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.lines() {
        match (line.trim().is_empty(), out.last_mut()) {
            (true, Some(last)) if !last.is_empty() => out.push(String::new()),
            (true, _) => {}
            (false, Some(last)) => {
                if !last.is_empty() {
                    last.push('\n');
                }
                last.push_str(line);
            }
            (false, None) => out.push(line.to_string()),
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

fn dnr(lang: Lang) -> &'static str {
    text(lang, Msg::DocDnr)
}

pub fn to_markdown(session: &Session, options: &Options) -> Vec<u8> {
    let memo = compiled(session, options);
    let lang = options.lang;
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let escaped = |part| markdown::text(memo.text(part), "");
    let sender = escaped(MemoPart::Sender);
    if !sender.is_empty() {
        line(&format!("**{sender}**"));
        line("");
    }
    let date = date_text(lang, dated(options));
    line(&format!(
        "{}: {}\\",
        tr!(lang, DocDate),
        markdown::text(&date, "")
    ));
    line(&markdown::text(dnr(lang), ""));
    line("");
    for p in paragraphs(memo.text(MemoPart::Addressee)) {
        line(&markdown::text(&p, ""));
        line("");
    }
    let matter = memo.text(MemoPart::Matter).replace('\n', " ");
    line(&format!("# {}", markdown::text(&matter, "")));
    for &part in BODY {
        line("");
        line(&format!("## {}", part.label(lang)));
        for p in paragraphs(memo.text(part)) {
            line("");
            line(&markdown::text(&p, ""));
        }
    }
    out.into_bytes()
}

pub fn to_docx(session: &Session, options: &Options) -> Result<Vec<u8>, ExportError> {
    let memo = compiled(session, options);
    let lang = options.lang;
    let footer = format!("{} – {}", tr!(lang, MemoTitle), session.organisation);
    let date = date_text(lang, dated(options));
    let head = [
        vec![
            memo.text(MemoPart::Sender).to_string(),
            format!("{}: {date}", tr!(lang, DocDate)),
        ],
        vec![String::new(), dnr(lang).to_string()],
    ];
    let mut doc = Doc::new(None, &footer, Meta::of(session, options)).table(None, &head);
    for p in paragraphs(memo.text(MemoPart::Addressee)) {
        doc = doc.para(&p);
    }
    doc = doc.title(&memo.text(MemoPart::Matter).replace('\n', " "));
    for &part in BODY {
        doc = doc.heading(1, part.label(lang));
        for (i, p) in paragraphs(memo.text(part)).iter().enumerate() {
            // The body style has no space after a paragraph: a blank line
            // keeps two of them apart.
            if i > 0 {
                doc = doc.para("");
            }
            doc = doc.para(p);
        }
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_line_divides_paragraphs_and_a_line_break_stays() {
        assert_eq!(
            paragraphs("\nEtt\nett b\n\n \n\nTvå\n"),
            ["Ett\nett b", "Två"]
        );
        assert!(paragraphs(" \n").is_empty());
    }
}
