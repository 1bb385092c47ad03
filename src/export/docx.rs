//! A small document builder over docx-rs for the Word exports: real heading
//! styles (with outline levels, so Word's navigation pane works), bullet lists,
//! tables laid out to their columns, and page numbers in the footer; a
//! heading never left alone at a page's foot; the language Word checks the
//! spelling in, and the title, author and date that Word's File › Info and a
//! PDF's properties show ([`Meta`]).

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, Break, BreakType, DocumentChild, Docx, Footer, Header,
    HeightRule, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, PageMargin, PageNum, Paragraph, ParagraphChild, Run, RunChild, RunFonts, Shading,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableCellMargins,
    TableLayoutType, TableRow, Text, WidthType,
};

use crate::i18n::Lang;
use crate::model::Session;

/// docx-rs writes a numbering of its own with id 1 (decimal); ours must differ.
const BULLETS: usize = 2;
const BODY_SIZE: usize = 22; // half-points: 11 pt
const WARNING: &str = "9E0000";
/// The background of a table's header row: a light grey that prints.
const HEAD_FILL: &str = "E7E6E6";

/// The page, in twentieths of a point (twips): A4 with 3 cm margins at the sides.
const PAGE_WIDTH: usize = 11906;
const PAGE_HEIGHT: usize = 16838;
const SIDE_MARGIN: usize = 1701;
/// The width of the page's text, which every table fills.
pub const TEXT_WIDTH: usize = PAGE_WIDTH - 2 * SIDE_MARGIN;
/// A cell's margin at its left and at its right (Word's own default).
const CELL_MARGIN: usize = 108;
/// One character of 11 pt Calibri, on the generous side (bold, capitals), so
/// that a column made as wide as its longest word holds that word whole.
const CHAR_WIDTH: usize = 125;
/// A column whose lines are all this short (a time, a number, a date, a name)
/// is kept wide enough that none of them wraps.
const SHORT_LINE: usize = 20;
/// A row of a form to fill in by hand: room for a line of handwriting.
const WRITING_ROW: f32 = 510.0; // twips: about 9 mm
/// A row with no more text than this is kept on one page.
const SHORT_ROW: usize = 400;
/// docx-rs cannot mark a row as the header that Word and LibreOffice repeat at
/// the top of every page a table runs onto (`w:tblHeader`). A header row
/// carries this stand-in instead, a row height that means nothing ("auto", at
/// least 0), which [`Doc::finish`] replaces. No user text can hold it: text is
/// escaped in the XML.
const HEADER_STAND_IN: &str = r#"<w:trHeight w:val="0" w:hRule="auto" />"#;
const HEADER_MARK: &str = "<w:tblHeader />";
const DOCUMENT_PART: &str = "word/document.xml";
/// docx-rs has no way to give the default run properties a language
/// (`w:lang`): [`Doc::finish`] adds one to the part's defaults, after the
/// fonts and size that docx-rs writes there, where the schema wants it.
const STYLES_PART: &str = "word/styles.xml";
const DEFAULT_RUN_END: &str = "</w:rPr></w:rPrDefault>";
/// docx-rs sets only the dates of the core properties; their creator, last
/// modifier and title it leaves "unknown" and empty. [`Doc::finish`] writes
/// the whole part instead ([`core_properties`]).
const CORE_PART: &str = "docProps/core.xml";
/// A paragraph of up to about four lines right under a heading (the status
/// "Utkast", a block's question) keeps with what follows as the heading does:
/// else the heading would stand over nothing but those lines at a page's foot.
const SHORT_PARAGRAPH: usize = 320;

/// What a document says about itself beyond its text: the language Word
/// checks its spelling in, and who made it and when, for its core properties.
/// The title is the document's own ([`Doc::title`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub lang: Lang,
    /// The creator and last modifier.
    pub author: String,
    /// When it was created and last modified: when the export was made.
    pub now: jiff::Timestamp,
}

impl Meta {
    /// For an export of `session`: by the facilitator, else (none given, or an
    /// anonymous export, which names nobody) by the organisation.
    pub fn of(session: &Session, options: &super::Options) -> Meta {
        let author = match session.facilitator.trim() {
            name if !name.is_empty() && !options.anonymous => name,
            _ => session.organisation.trim(),
        };
        Meta {
            lang: options.lang,
            author: author.to_string(),
            now: options.now,
        }
    }

    /// The language's tag, as Word and LibreOffice know it.
    fn language(&self) -> &'static str {
        match self.lang {
            Lang::Sv => "sv-SE",
            Lang::En => "en-GB",
        }
    }
}

pub struct Doc {
    // Boxed, and filled through its public fields: docx-rs's builder moves the
    // whole (large) Docx on every call, which for a day's notes of thousands of
    // paragraphs was most of the export's time.
    docx: Box<Docx>,
    /// Whether a table has a header row, so that `finish` has one to mark.
    header_rows: bool,
    meta: Meta,
    /// The first title's text, for the core properties.
    title: Option<String>,
    /// Whether the last paragraph added was a heading.
    after_heading: bool,
    /// The level of the last heading added (the title's is 0).
    heading_level: usize,
    /// When the last paragraph added keeps with the next only because it is
    /// short and right under a heading (see [`SHORT_PARAGRAPH`]): that
    /// heading's level.
    kept_under_heading: Option<usize>,
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
    /// given, and `footer` with the page number at the bottom; in `meta`'s
    /// language, by its author, made at its time.
    pub fn new(warning: Option<&str>, footer: &str, meta: Meta) -> Doc {
        let heading = |id: &str, name: &str, size: usize, level: usize| {
            let mut style = Style::new(id, StyleType::Paragraph);
            // A heading never ends a page: it stays with what it heads.
            style.paragraph_property = style.paragraph_property.keep_next(true);
            style
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
        let margins = PageMargin::new()
            .left(SIDE_MARGIN as i32)
            .right(SIDE_MARGIN as i32);
        let docx = Docx::new()
            .page_size(PAGE_WIDTH as u32, PAGE_HEIGHT as u32)
            .page_margin(margins)
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
            header_rows: false,
            meta,
            title: None,
            after_heading: false,
            heading_level: 0,
            kept_under_heading: None,
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

    /// Adds a paragraph; one that ends in ':' introduces what follows, and a
    /// short one right under a heading belongs to it ([`SHORT_PARAGRAPH`]):
    /// both keep with the next paragraph.
    fn add(mut self, mut paragraph: Paragraph) -> Doc {
        let texts = || {
            paragraph.children.iter().flat_map(|child| match child {
                ParagraphChild::Run(run) => run.children.iter(),
                _ => [].iter(),
            })
        };
        let texts = || {
            texts().filter_map(|child| match child {
                RunChild::Text(text) => Some(text.text.as_str()),
                _ => None,
            })
        };
        let introduces = texts()
            .next_back()
            .is_some_and(|t| t.trim_end().ends_with(':'));
        let under_heading = self.after_heading
            && texts().map(|t| t.chars().count()).sum::<usize>() <= SHORT_PARAGRAPH;
        if introduces || under_heading {
            paragraph.property = paragraph.property.keep_next(true);
        }
        self.kept_under_heading = (under_heading && !introduces).then_some(self.heading_level);
        self.after_heading = false;
        let numbered = paragraph.has_numbering;
        self.push(DocumentChild::Paragraph(Box::new(paragraph)), numbered);
        self
    }

    /// A heading paragraph: its style keeps it with the next paragraph, and so
    /// does the paragraph itself, for a reader that takes only the latter.
    fn add_heading(mut self, style: &str, level: usize, text: &str) -> Doc {
        // A short paragraph kept with what follows is all its heading heads
        // when a heading of the same or a higher level follows: kept, it would
        // chain section after section into one block no page can break. (A
        // sub-heading after it, as a block's question before its answers,
        // still keeps.)
        if self
            .kept_under_heading
            .take()
            .is_some_and(|above| level <= above)
            && let Some(DocumentChild::Paragraph(last)) = self.docx.document.children.last_mut()
        {
            last.property = last.property.clone().keep_next(false);
        }
        self.heading_level = level;
        let paragraph = runs(
            Paragraph::new().style(style).keep_next(true),
            text,
            false,
            false,
        );
        self.push(DocumentChild::Paragraph(Box::new(paragraph)), false);
        self.after_heading = true;
        self
    }

    /// The document's title, which is also the title of its properties.
    pub fn title(mut self, text: &str) -> Doc {
        if self.title.is_none() {
            self.title = Some(text.to_string());
        }
        self.add_heading("Title", 0, text)
    }

    pub fn heading(self, level: usize, text: &str) -> Doc {
        let (style, level) = match level {
            0 | 1 => ("Heading1", 1),
            2 => ("Heading2", 2),
            _ => ("Heading3", 3),
        };
        self.add_heading(style, level, text)
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

    /// A table as wide as the text, its columns as wide as their text asks
    /// ([`column_widths`]). With `header`, its first row is bold and repeats at
    /// the top of every page the table runs onto; without, its first column is.
    /// Short rows are kept on one page, and the header row and the first row
    /// with the row after them, so that a table's heading never stands over
    /// only its header at a page's foot.
    pub fn table(mut self, header: Option<&[String]>, rows: &[Vec<String>]) -> Doc {
        let widths = column_widths(header, rows);
        let row = |texts: &[String], bold: &dyn Fn(usize) -> bool, head: bool, keep: bool| {
            let cells = texts
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (text, &width))| {
                    let paragraph = Paragraph::new().keep_next(keep);
                    let cell = TableCell::new()
                        .width(width, WidthType::Dxa)
                        .add_paragraph(runs(paragraph, text, bold(i), false));
                    match head {
                        true => cell.shading(Shading::new().fill(HEAD_FILL)),
                        false => cell,
                    }
                })
                .collect();
            let row = TableRow::new(cells);
            let length: usize = texts.iter().map(|t| t.chars().count()).sum();
            match length <= SHORT_ROW {
                true => row.cant_split(),
                false => row,
            }
        };
        let mut table_rows = Vec::with_capacity(rows.len() + 1);
        if let Some(header) = header {
            self.header_rows = true;
            let head = row(header, &|_| true, true, !rows.is_empty()).row_height(0.0);
            table_rows.push(head.height_rule(HeightRule::Auto));
        }
        let bold_first = header.is_none();
        table_rows.extend(rows.iter().enumerate().map(|(n, r)| {
            let keep = n == 0 && rows.len() > 1;
            row(r, &|i| bold_first && i == 0, false, keep)
        }));
        let table = Table::new(table_rows)
            .set_grid(widths.clone())
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(40, CELL_MARGIN, 40, CELL_MARGIN));
        let numbered = table.has_numbering;
        self.push(DocumentChild::Table(Box::new(table)), numbered);
        self.after_heading = false;
        self.add(Paragraph::new())
    }

    /// A form to fill in by hand: each label bold, and beside it a cell as
    /// wide as the rest of the page and tall enough to write in.
    pub fn form(mut self, labels: &[String]) -> Doc {
        let label = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let label = (label * CHAR_WIDTH + 2 * CELL_MARGIN).min(TEXT_WIDTH / 2);
        let widths = vec![label, TEXT_WIDTH - label];
        let rows = labels.iter().map(|text| {
            let cell = |width: usize, text: &str| {
                TableCell::new()
                    .width(width, WidthType::Dxa)
                    .add_paragraph(runs(Paragraph::new().keep_next(true), text, true, false))
            };
            TableRow::new(vec![cell(widths[0], text), cell(widths[1], "")])
                .row_height(WRITING_ROW)
                .height_rule(HeightRule::AtLeast)
                .cant_split()
        });
        let table = Table::new(rows.collect())
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .margins(TableCellMargins::new().margin(40, CELL_MARGIN, 40, CELL_MARGIN));
        self.push(DocumentChild::Table(Box::new(table)), false);
        self.after_heading = false;
        self.add(Paragraph::new())
    }

    /// Lines to sign on, each with who signs under it, kept together on one
    /// page with the heading before them: one paragraph whose lines may not
    /// part (keepLines), since LibreOffice does not always honour a chain of
    /// keep-with-next paragraphs.
    pub fn signatures(mut self, line: &str, signers: &[String]) -> Doc {
        let text: Vec<String> = signers
            .iter()
            .map(|who| format!("\n\n{line}\n{who}"))
            .collect();
        let paragraph = Paragraph::new().keep_lines(true);
        let paragraph = runs(
            paragraph,
            text.concat().trim_start_matches('\n'),
            false,
            false,
        );
        let paragraph = paragraph.line_spacing(LineSpacing::new().before(480));
        self.push(DocumentChild::Paragraph(Box::new(paragraph)), false);
        self.after_heading = false;
        self.kept_under_heading = None;
        self
    }

    /// The bytes of the .docx file (packing fails only if zip itself does).
    pub fn finish(self) -> Result<Vec<u8>, super::ExportError> {
        let failed = |e: zip::result::ZipError| super::ExportError::Docx(e.to_string());
        let mut out = Cursor::new(Vec::new());
        // Straight into the zip: `build` would first hold every XML part whole.
        self.docx.pack(&mut out).map_err(failed)?;
        let packed = out.into_inner();
        let core = core_properties(&self.meta, self.title.as_deref().unwrap_or(""));
        let language = format!(r#"<w:lang w:val="{}" />"#, self.meta.language());
        // The document, the largest part by far, only when it has rows to mark.
        let parts: &[&str] = match self.header_rows {
            true => &[DOCUMENT_PART, STYLES_PART, CORE_PART],
            false => &[STYLES_PART, CORE_PART],
        };
        rewrite(&packed, parts, |name, xml| match name {
            DOCUMENT_PART => xml.replace(HEADER_STAND_IN, HEADER_MARK),
            STYLES_PART => {
                xml.replacen(DEFAULT_RUN_END, &format!("{language}{DEFAULT_RUN_END}"), 1)
            }
            _ => core.clone(),
        })
        .map_err(failed)
    }
}

/// docProps/core.xml: the title, the author as creator and last modifier, the
/// export's time as created and modified, and the language.
fn core_properties(meta: &Meta, title: &str) -> String {
    // One line each: a title's line break is a space in Word's properties.
    let escape = |text: &str| {
        clean(text)
            .replace('\n', " ")
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let title = escape(title);
    let author = escape(&meta.author);
    let when = meta.now.strftime("%Y-%m-%dT%H:%M:%SZ");
    let language = meta.language();
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title>",
            "<dc:creator>{author}</dc:creator>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            "<dc:language>{language}</dc:language>",
            "<cp:revision>1</cp:revision>",
            "</cp:coreProperties>"
        ),
        title = title,
        author = author,
        when = when,
        language = language,
    )
}

/// The widths of a table's columns, in twips, summing to [`TEXT_WIDTH`]. Each
/// column is at least as wide as its longest word, so that no word breaks in
/// the middle ("Verksamhe|t"); a column of short lines (times, numbers, dates)
/// as wide as its longest line; what is left goes to the columns of longer
/// text, in proportion to how much wider they would need to be to hold their
/// longest line on one line: most of it to the text column.
fn column_widths(header: Option<&[String]>, rows: &[Vec<String>]) -> Vec<usize> {
    let columns = header.map_or_else(|| rows.first().map_or(0, Vec::len), <[String]>::len);
    let width = |chars: usize| chars * CHAR_WIDTH + 2 * CELL_MARGIN;
    // Per column: the longest word and the longest line, in characters.
    let (mut word, mut line) = (vec![0; columns], vec![0; columns]);
    for texts in header.into_iter().chain(rows.iter().map(Vec::as_slice)) {
        for (c, text) in texts.iter().take(columns).enumerate() {
            for l in text.lines() {
                let longest = l.split_whitespace().map(|w| w.chars().count()).max();
                word[c] = word[c].max(longest.unwrap_or(0));
                line[c] = line[c].max(l.chars().count());
            }
        }
    }
    let short = |c: usize| line[c] <= SHORT_LINE;
    let least: Vec<usize> = (0..columns)
        .map(|c| width(if short(c) { line[c] } else { word[c] }))
        .collect();
    // Too narrow a page for even that: every column gets its share of the least.
    let total: usize = least.iter().sum();
    let mut widths: Vec<usize> = match total > TEXT_WIDTH {
        true => least.iter().map(|w| w * TEXT_WIDTH / total).collect(),
        false => {
            let spare = TEXT_WIDTH - total;
            let mut wants: Vec<usize> = (0..columns)
                .map(|c| {
                    if short(c) {
                        0
                    } else {
                        width(line[c]) - least[c]
                    }
                })
                .collect();
            if wants.iter().all(|&w| w == 0) {
                // Every line fits already: the space goes where the text is.
                wants = line.iter().map(|&l| width(l)).collect();
            }
            let wanted: usize = wants.iter().sum::<usize>().max(1);
            least
                .iter()
                .zip(&wants)
                .map(|(least, want)| least + spare * want / wanted)
                .collect()
        }
    };
    // What rounding left over goes to the widest column.
    let widest = (0..columns).max_by_key(|&c| widths[c]);
    if let Some(widest) = widest {
        widths[widest] += TEXT_WIDTH - widths.iter().sum::<usize>();
    }
    widths
}

/// The packed archive with each of `parts` replaced by what `change` makes of
/// its text, every other part copied as it is. The new parts are stored
/// unpacked, as docx-rs stores them.
fn rewrite(
    packed: &[u8],
    parts: &[&str],
    change: impl Fn(&str, &str) -> String,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(packed))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(packed.len())));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        if !parts.contains(&file.name()) {
            out.raw_copy_file(file)?;
            continue;
        }
        let name = file.name().to_string();
        let mut xml = String::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        file.read_to_string(&mut xml)?;
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .unix_permissions(0o644);
        out.start_file(name.as_str(), options)?;
        out.write_all(change(&name, &xml).as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_text_column_gets_the_room_and_no_word_breaks() {
        let head = strings(&["Plats", "Förslag", "Prickar", "Politik", "Verksamhet"]);
        let rows = [
            strings(&[
                "1",
                "Att peka ut riktningen: vad kommunen ska uppnå",
                "12",
                "7",
                "5",
            ]),
            strings(&["2", "Beslutsunderlag i tid", "9", "3", "6"]),
        ];
        let widths = column_widths(Some(&head), &rows);
        assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        let widest = (0..5).max_by_key(|&c| widths[c]);
        assert_eq!(widest, Some(1), "{widths:?}");
        // Each head whole, with the cell's margins.
        for (c, head) in head.iter().enumerate() {
            let needed = head.chars().count() * CHAR_WIDTH + 2 * CELL_MARGIN;
            assert!(widths[c] >= needed, "{head}: {widths:?}");
        }
    }

    /// A title or name with XML's own characters (or a control character) in
    /// it still makes well-formed core properties that say it as typed.
    #[test]
    fn the_core_properties_escape_what_they_say() {
        let meta = Meta {
            lang: Lang::En,
            author: "Bräcke & Ånge <kommunalförbund> \"BÅ\"\u{7}".to_string(),
            now: "2026-12-02T05:35:00.25Z".parse().unwrap(),
        };
        let xml = core_properties(&meta, "Överenskommelse:\nA & B");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let text = |name: &str| {
            doc.descendants()
                .find(|n| n.has_tag_name(name))
                .and_then(|n| n.text())
        };
        assert_eq!(
            text("creator"),
            Some("Bräcke & Ånge <kommunalförbund> \"BÅ\"")
        );
        assert_eq!(text("title"), Some("Överenskommelse: A & B"));
        assert_eq!(text("created"), Some("2026-12-02T05:35:00Z"));
        assert_eq!(text("language"), Some("en-GB"));
    }

    proptest! {
        /// However long or short the cells, the columns fill the text's width exactly.
        #[test]
        fn the_columns_fill_the_text_width(
            head in proptest::option::of(proptest::collection::vec("[a-zåäö ]{0,30}", 3)),
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-zåäöA-Z0-9 :–]{0,120}", 3), 1..6),
        ) {
            let widths = column_widths(head.as_deref(), &rows);
            prop_assert_eq!(widths.len(), 3);
            prop_assert_eq!(widths.iter().sum::<usize>(), TEXT_WIDTH);
        }
    }
}
