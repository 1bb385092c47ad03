//! User text inside Markdown: escaped so that no answer can change the document's
//! structure (a heading, a list, a quote, a link, emphasis, code, a table cell,
//! HTML), with its line breaks kept. Only what would change the meaning is
//! escaped: "Prioritera!" and "(se nedan)." stay as typed.

/// Escapes text for use inside a Markdown paragraph, list item, heading or
/// table cell. Line breaks become hard breaks (a backslash at the end of the
/// line), and the continuation lines are indented by `indent` so that they stay
/// in a list item.
pub fn text(input: &str, indent: &str) -> String {
    lines(input).join(&format!("\\\n{indent}"))
}

/// For a table cell: like [`text`], but a line break cannot be in a cell.
pub fn cell(input: &str) -> String {
    lines(input).join("<br>")
}

/// The lines of `input`, escaped. A blank line at either end shows nothing, and
/// at the end it would leave a stray break.
fn lines(input: &str) -> Vec<String> {
    let mut lines: Vec<String> = input.lines().map(line).collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |e| e + 1);
    lines.truncate(end);
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(end);
    lines.drain(..start);
    lines
}

/// A table: a head row and rows, every cell escaped.
pub fn table(head: &[String], rows: &[Vec<String>]) -> Vec<String> {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    let mut out = vec![row(head), format!("|{}", "---|".repeat(head.len()))];
    out.extend(rows.iter().map(|r| row(r)));
    out
}

/// One line of user text, escaped. Leading white space goes: Markdown would drop
/// it anyway, and kept it could turn the line into code (four spaces) or a nested
/// list ("  - ") that the escapes at the line's start would not see.
fn line(input: &str) -> String {
    let input = super::printable(input);
    let chars: Vec<char> = input.trim().chars().collect();
    let mut out = String::with_capacity(chars.len() + 8);
    let marker = block_marker(&chars);
    for (i, &c) in chars.iter().enumerate() {
        if marker == Some(i) || inline_special(&chars, i) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where a line would begin a block of its own (a heading, a list item, a
/// quote, a rule, a heading's underline, a link definition): the character
/// whose escape keeps it text.
fn block_marker(chars: &[char]) -> Option<usize> {
    let first = *chars.first()?;
    // A marker counts only when a space or the line's end follows it.
    let spaced = |at: usize| chars.get(at).is_none_or(|c| c.is_whitespace());
    let only = |c: char| chars.iter().all(|&d| d == c || d == ' ' || d == '\t');
    let run = |pred: fn(&char) -> bool| chars.iter().take_while(|c| pred(c)).count();
    match first {
        // A quote; a link definition "[x]: http://…" (or a footnote's).
        '>' | '[' => Some(0),
        '-' | '+' | '*' if spaced(1) => Some(0),
        // "---", "***", "___": a rule; "===" and "---" also underline the line before.
        '-' | '*' | '_' | '=' if only(first) => Some(0),
        '#' => {
            let n = run(|c| *c == '#');
            (n <= 6 && spaced(n)).then_some(0)
        }
        '0'..='9' => {
            // "1. " and "1) " begin a numbered list: the dot is what to escape.
            let n = run(char::is_ascii_digit);
            let dot = matches!(chars.get(n), Some('.' | ')'));
            (n <= 9 && dot && spaced(n + 1)).then_some(n)
        }
        _ => None,
    }
}

/// Whether the character at `i` would begin something inline: emphasis, code,
/// a link, HTML, an entity, a table cell, strikethrough, a hard break.
fn inline_special(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    // The line's ends count as neither: in a table cell the next line follows
    // on the same line, after a "<br>".
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match chars[i] {
        // A code span; a cell's edge (in a paragraph too: GitHub makes a table
        // of lines with bars in them).
        '`' | '|' => true,
        // Escapes what follows it, or ends the line as a hard break.
        '\\' => after.is_none_or(|a| a.is_ascii_punctuation()),
        // Emphasis and strikethrough; alone between spaces ("5 * 3") they are text.
        '*' | '~' => !(space(before) && space(after)),
        // ... and "_" inside a word ("snake_case") is text too.
        '_' => !((space(before) && space(after)) || (word(before) && word(after))),
        // A tag, a comment or an autolink; "a < b" is text.
        '<' => after.is_some_and(|a| a.is_ascii_alphabetic() || matches!(a, '/' | '!' | '?')),
        // The "](" of a link or an image: without it there is none.
        ']' => after == Some('('),
        '&' => is_entity(&chars[i + 1..]),
        // A heading's closing "#"s would be dropped: "Fråga #" keeps its "#".
        '#' => before.is_none_or(char::is_whitespace) && chars[i..].iter().all(|&c| c == '#'),
        _ => false,
    }
}

/// Whether the text after an "&" makes it an entity ("&amp;", "&#38;", "&#x26;").
fn is_entity(rest: &[char]) -> bool {
    let rest = match rest {
        ['#', 'x' | 'X', rest @ ..] | ['#', rest @ ..] => rest,
        _ => rest,
    };
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    #[test]
    fn escapes_only_what_would_change_the_meaning() {
        let cases = [
            // Left as typed: nothing here begins anything.
            ("Prioritera!", "Prioritera!"),
            ("Tiden! Vi (alla) hann inte.", "Tiden! Vi (alla) hann inte."),
            ("Åsa säger 12.5 % – ok", "Åsa säger 12.5 % – ok"),
            ("Bra år, 2026.", "Bra år, 2026."),
            (
                "KSO & KD, 5 * 3 = 15, a < b > c",
                "KSO & KD, 5 * 3 = 15, a < b > c",
            ),
            (
                "snake_case och C# och #hashtagg",
                "snake_case och C# och #hashtagg",
            ),
            (
                "-5 grader, +3 i dag, ~ ungefär",
                "-5 grader, +3 i dag, ~ ungefär",
            ),
            ("Mötet 🙈👍🏽 👩‍👩‍👧 ✔️ gick bra!", "Mötet 🙈👍🏽 👩‍👩‍👧 ✔️ gick bra!"),
            ("[ej en länk] och !bang", "\\[ej en länk] och !bang"),
            ("C:\\mapp\\fil", "C:\\mapp\\fil"),
            // Blocks at the line's start.
            ("# Rubrik", "\\# Rubrik"),
            ("###### sex", "\\###### sex"),
            (
                "####### sju är inte en rubrik",
                "####### sju är inte en rubrik",
            ),
            ("- lista", "\\- lista"),
            ("+ lista", "\\+ lista"),
            ("* punkt", "\\* punkt"),
            ("1. numrerad", "1\\. numrerad"),
            ("2026. Bra år", "2026\\. Bra år"),
            ("3) tre", "3\\) tre"),
            ("> citat", "\\> citat"),
            ("---", "\\---"),
            ("===", "\\==="),
            ("_ _ _", "\\_ _ \\_"),
            ("[x]: http://y", "\\[x]: http://y"),
            // Inline.
            (
                "[x](http://y) och ![bild](a.png)",
                "\\[x\\](http://y) och ![bild\\](a.png)",
            ),
            (
                "<b>fet</b> <!-- --> <http://a>",
                "\\<b>fet\\</b> \\<!-- --> \\<http://a>",
            ),
            (
                "*kursiv* _under_ `kod`",
                "\\*kursiv\\* \\_under\\_ \\`kod\\`",
            ),
            ("**fet** ~~struken~~", "\\*\\*fet\\*\\* \\~\\~struken\\~\\~"),
            (
                "&amp; &#38; &#x26; men & ensam",
                "\\&amp; \\&#38; \\&#x26; men & ensam",
            ),
            ("a | b", "a \\| b"),
            ("slut\\", "slut\\\\"),
            ("\\*inte kursiv", "\\\\\\*inte kursiv"),
            ("Fråga #", "Fråga \\#"),
        ];
        for (input, escaped) in cases {
            assert_eq!(text(input, ""), escaped, "{input:?}");
        }
        assert_eq!(cell("a | b\nc"), "a \\| b<br>c");
        assert_eq!(text("rad ett\nrad två", "  "), "rad ett\\\n  rad två");
        assert_eq!(text("rad\n    kod", ""), "rad\\\nkod");
        assert_eq!(
            text("rad\n  - lista\n\t2) två\n ===", "  "),
            "rad\\\n  \\- lista\\\n  2\\) två\\\n  \\==="
        );
    }

    /// GitHub's Markdown: tables, strikethrough, footnotes, task lists.
    fn parse(doc: &str) -> Vec<Event<'_>> {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_TASKLISTS;
        Parser::new_ext(doc, options).collect()
    }

    /// The text a document shows, line breaks as "\n", and every element it
    /// holds besides text (its structure).
    fn read(doc: &str) -> (String, Vec<String>) {
        let (mut shown, mut structure) = (String::new(), Vec::new());
        for event in parse(doc) {
            match event {
                Event::Text(t) => shown.push_str(&t),
                Event::HardBreak | Event::SoftBreak => shown.push('\n'),
                // The break a cell's lines are joined with.
                Event::InlineHtml(html) if &*html == "<br>" => shown.push('\n'),
                Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell | Tag::TableRow)
                | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell)
                | Event::End(TagEnd::TableRow) => {}
                other => structure.push(format!("{other:?}")),
            }
        }
        (shown, structure)
    }

    /// What `input` must read as: its lines, without the space around them and
    /// without control characters.
    fn shown(input: &str) -> String {
        let lines: Vec<String> = input
            .lines()
            .map(|l| crate::export::printable(l).trim().to_string())
            .collect();
        lines.join("\n").trim().to_string()
    }

    proptest! {
        /// In a paragraph, a list item, a heading and a table cell, escaped text
        /// reads back as itself and adds no structure.
        #[test]
        fn escaped_text_reads_as_itself(
            input in "[a-zåäöA-Z0-9 !.,()\\-+*_#>\\[\\]<&;:/`|~=\\\\^\"'🙈\u{1f44d}\u{fe0f}\n\t]{1,40}"
        ) {
            let want = shown(&input);
            prop_assume!(!want.is_empty());
            let (seen, structure) = read(&text(&input, ""));
            prop_assert_eq!(&seen, &want, "paragraph");
            prop_assert!(structure.is_empty(), "paragraph: {:?}", structure);

            let (seen, structure) = read(&format!("- {}", text(&input, "  ")));
            prop_assert_eq!(&seen, &want, "list item");
            prop_assert_eq!(structure.len(), 2, "list item: {:?}", structure);

            let single = want.replace('\n', " ").trim().to_string();
            let (seen, structure) = read(&format!("## {}", text(&single, "")));
            prop_assert_eq!(&seen, &single, "heading");
            prop_assert_eq!(structure.len(), 2, "heading: {:?}", structure);

            let doc = table(&["A".into(), "B".into()], &[vec![input.clone(), "x".into()]]);
            let (seen, structure) = read(&doc.join("\n"));
            prop_assert_eq!(&seen, &format!("AB{want}x"), "table");
            // The table, its head, and nothing else.
            prop_assert_eq!(structure.len(), 4, "table: {:?}", structure);
        }
    }
}
