//! A small document builder over docx-rs for the Word exports: real heading
//! styles (with outline levels, so Word's navigation pane works), bullet lists,
//! tables, and page numbers in the footer.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, Break, BreakType, DocumentChild, Docx, Footer, Header,
    IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId,
    PageNum, Paragraph, ParagraphChild, Run, RunChild, RunFonts, SpecialIndentType, Start, Style,
    StyleType, Table, TableCell, TableRow, Text, WidthType,
};

/// docx-rs writes a numbering of its own with id 1 (decimal); ours must differ.
const BULLETS: usize = 2;
const BODY_SIZE: usize = 22; // half-points: 11 pt
const WARNING: &str = "9E0000";

pub struct Doc {
    // Boxed, and filled through its public fields: docx-rs's builder moves the
    // whole (large) Docx on every call, which for a day's notes of thousands of
    // paragraphs was most of the export's time.
    docx: Box<Docx>,
}

/// Text as Word may hold it: XML cannot carry most control characters.
fn clean(text: &str) -> String {
    super::printable(text)
}

/// A run of `text` (already free of line breaks), after a line break if asked.
fn run(text: String, bold: bool, italic: bool) -> Run {
    run_after(false, text, bold, italic)
}

fn run_after(line_break: bool, text: String, bold: bool, italic: bool) -> Run {
    let mut run = Run::new();
    // Room for exactly its children: docx-rs's own pushes reserve four, and the
    // notes of a long day hold thousands of runs.
    run.children = Vec::with_capacity(1 + usize::from(line_break));
    if line_break {
        let line_break = Break::new(BreakType::TextWrapping);
        run.children.push(RunChild::Break(line_break));
    }
    // As docx-rs's `add_text`: a line break is a run's own child, never text.
    let text = match text.contains('\n') {
        true => text.replace('\n', ""),
        false => text,
    };
    run.children.push(RunChild::Text(Text::new(text)));
    if bold {
        run.run_property = run.run_property.bold();
    }
    if italic {
        run.run_property = run.run_property.italic();
    }
    run
}

/// Adds a run to a paragraph in place: docx-rs's `add_run` moves the whole
/// paragraph (a large struct) on every call, which thousands of answers feel.
fn push(paragraph: &mut Paragraph, run: Run) {
    paragraph.children.push(ParagraphChild::Run(Box::new(run)));
}

/// A run per line of `text`, with line breaks between them.
fn runs(mut paragraph: Paragraph, text: &str, bold: bool, italic: bool) -> Paragraph {
    add_lines(&mut paragraph, text, bold, italic);
    paragraph
}

fn add_lines(paragraph: &mut Paragraph, text: &str, bold: bool, italic: bool) {
    paragraph.children.reserve_exact(text.lines().count());
    for (i, line) in text.lines().enumerate() {
        push(paragraph, run_after(i > 0, clean(line), bold, italic));
    }
}

/// "label: text (note)", the label bold and the note italic.
fn labelled(mut p: Paragraph, label: &str, text: &str, note: Option<&str>) -> Paragraph {
    let (label_runs, note_runs) = (usize::from(!label.is_empty()), usize::from(note.is_some()));
    p.children
        .reserve_exact(label_runs + text.lines().count() + note_runs);
    if !label.is_empty() {
        push(&mut p, run(format!("{}: ", clean(label)), true, false));
    }
    add_lines(&mut p, text, false, false);
    if let Some(note) = note {
        push(&mut p, run(format!(" ({})", clean(note)), false, true));
    }
    p
}

impl Doc {
    /// A document whose every page says `warning` at the top (e.g. "UTKAST"), if
    /// given, and `footer` with the page number at the bottom.
    pub fn new(warning: Option<&str>, footer: &str) -> Doc {
        let heading = |id: &str, name: &str, size: usize, level: usize| {
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .size(size)
                .bold()
                .outline_lvl(level)
                .line_spacing(LineSpacing::new().before(240).after(80))
        };
        let bullets = AbstractNumbering::new(BULLETS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
        );
        let docx = Docx::new()
            .default_size(BODY_SIZE)
            .default_fonts(
                RunFonts::new()
                    .ascii("Calibri")
                    .hi_ansi("Calibri")
                    .cs("Calibri"),
            )
            .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
            .add_style(heading("Title", "Title", 40, 0).outline_lvl(0))
            .add_style(heading("Heading1", "heading 1", 30, 0))
            .add_style(heading("Heading2", "heading 2", 25, 1))
            .add_style(heading("Heading3", "heading 3", 23, 2))
            .add_abstract_numbering(bullets)
            .add_numbering(Numbering::new(BULLETS, BULLETS))
            .footer(
                Footer::new().add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().add_text(format!("{} · ", clean(footer))))
                        .add_page_num(PageNum::new()),
                ),
            );
        let docx = match warning {
            Some(text) => docx.header(
                Header::new().add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Right)
                        .add_run(Run::new().add_text(clean(text)).bold().color(WARNING)),
                ),
            ),
            None => docx,
        };
        Doc {
            docx: Box::new(docx),
        }
    }

    /// What `Docx::add_paragraph` and `add_table` do, without moving the Docx.
    fn push(&mut self, child: DocumentChild, numbered: bool) {
        if numbered {
            // numbering.xml must be listed only when something is numbered.
            self.docx.document.has_numbering = true;
            self.docx.document_rels.has_numberings = true;
        }
        self.docx.document.children.push(child);
    }

    fn add(mut self, paragraph: Paragraph) -> Doc {
        let numbered = paragraph.has_numbering;
        self.push(DocumentChild::Paragraph(Box::new(paragraph)), numbered);
        self
    }

    pub fn title(self, text: &str) -> Doc {
        self.add(runs(Paragraph::new().style("Title"), text, false, false))
    }

    pub fn heading(self, level: usize, text: &str) -> Doc {
        let style = match level {
            0 | 1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        self.add(runs(Paragraph::new().style(style), text, false, false))
    }

    pub fn para(self, text: &str) -> Doc {
        self.add(runs(Paragraph::new(), text, false, false))
    }

    pub fn italic(self, text: &str) -> Doc {
        self.add(runs(Paragraph::new(), text, false, true))
    }

    /// A line that must not be missed (e.g. "UTKAST – inte beslutat").
    pub fn warning(self, text: &str) -> Doc {
        let run = Run::new()
            .add_text(clean(text))
            .bold()
            .size(28)
            .color(WARNING);
        self.add(Paragraph::new().add_run(run))
    }

    pub fn bullet(self, text: &str) -> Doc {
        let p = Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
        self.add(runs(p, text, false, false))
    }

    /// A bullet that starts with a bold "label: " and may end with an italic
    /// "(note)", e.g. who said it and that it is marked for the agreement.
    pub fn labelled_bullet(self, label: &str, text: &str, note: Option<&str>) -> Doc {
        let p = Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
        self.add(labelled(p, label, text, note))
    }

    /// A paragraph that starts with a bold "label: ".
    pub fn labelled_para(self, label: &str, text: &str) -> Doc {
        self.add(labelled(Paragraph::new(), label, text, None))
    }

    /// A table; with `header`, its first row is bold.
    pub fn table(mut self, header: Option<&[String]>, rows: &[Vec<String>]) -> Doc {
        let cell = |text: &str, bold: bool| {
            TableCell::new().add_paragraph(runs(Paragraph::new(), text, bold, false))
        };
        let mut table_rows = Vec::new();
        if let Some(header) = header {
            table_rows.push(TableRow::new(
                header.iter().map(|h| cell(h, true)).collect(),
            ));
        }
        for row in rows {
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, text)| cell(text, header.is_none() && i == 0))
                .collect();
            table_rows.push(TableRow::new(cells));
        }
        let table = Table::new(table_rows).width(5000, WidthType::Pct);
        let numbered = table.has_numbering;
        self.push(DocumentChild::Table(Box::new(table)), numbered);
        self.add(Paragraph::new())
    }

    /// The bytes of the .docx file (packing fails only if zip itself does).
    pub fn finish(self) -> Result<Vec<u8>, super::ExportError> {
        let mut out = Cursor::new(Vec::new());
        // Straight into the zip: `build` would first hold every XML part whole.
        self.docx
            .pack(&mut out)
            .map_err(|e| super::ExportError::Docx(e.to_string()))?;
        Ok(out.into_inner())
    }
}
