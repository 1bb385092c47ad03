//! User text inside Markdown: escaped so that no answer can change the document's
//! structure (a heading, a list, a link, a table cell, HTML), with its line
//! breaks kept.

/// Escapes text for use inside a Markdown paragraph, list item or table cell.
/// Line breaks become hard breaks (a backslash at the end of the line), and the
/// continuation lines are indented by `indent` so that they stay in a list item.
pub fn text(input: &str, indent: &str) -> String {
    let lines: Vec<String> = input.lines().map(line).collect();
    lines.join(&format!("\\\n{indent}"))
}

/// For a table cell: like [`text`], but a line break cannot be in a cell.
pub fn cell(input: &str) -> String {
    input.lines().map(line).collect::<Vec<_>>().join("<br>")
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
/// list ("  - ") that the first-character escapes below would not see.
fn line(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + 8);
    let input = super::printable(input);
    for (i, c) in input.trim().chars().enumerate() {
        let special_anywhere = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!'
        );
        // At the start of a line these would begin a list, a quote or a heading rule.
        let special_first = i == 0 && matches!(c, '-' | '+' | '=' | '0'..='9');
        if special_anywhere {
            out.push('\\');
            out.push(c);
        } else if special_first && c.is_ascii_digit() {
            // "1. " would start a numbered list: escape the dot after the digits instead.
            out.push(c);
        } else if special_first {
            out.push('\\');
            out.push(c);
        } else if c == '.' || c == ')' {
            let digits_before = !out.is_empty() && out.chars().all(|d| d.is_ascii_digit());
            if digits_before {
                out.push('\\');
            }
            out.push(c);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_cannot_be_injected() {
        assert_eq!(text("# Rubrik", ""), "\\# Rubrik");
        assert_eq!(text("- lista", ""), "\\- lista");
        assert_eq!(text("1. numrerad", ""), "1\\. numrerad");
        assert_eq!(text("[x](http://y)", ""), "\\[x\\](http://y)");
        assert_eq!(text("<b>fet</b>", ""), "\\<b\\>fet\\</b\\>");
        assert_eq!(
            text("*kursiv* _under_ `kod`", ""),
            "\\*kursiv\\* \\_under\\_ \\`kod\\`"
        );
        assert_eq!(cell("a | b\nc"), "a \\| b<br>c");
        assert_eq!(text("rad ett\nrad två", "  "), "rad ett\\\n  rad två");
        assert_eq!(text("Åsa säger 12.5 % – ok", ""), "Åsa säger 12.5 % – ok");
        assert_eq!(text("rad\n    kod", ""), "rad\\\nkod");
        assert_eq!(
            text("rad\n  - lista\n\t2) två\n ===", "  "),
            "rad\\\n  \\- lista\\\n  2\\) två\\\n  \\==="
        );
    }
}
