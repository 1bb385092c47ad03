//! The syntax of a message's template, read in two places: [`fill`] puts the
//! values in, and [`names_match`] (a `const fn`, so that `tr!` runs it on every
//! call while the code compiles) checks that a call gives exactly the names the
//! template uses.
//!
//! - `{name}` is replaced by the value called `name`.
//! - `{n|one|other}` is the form the count `n` asks for: `one` when `n` is 1, else
//!   `other`. It says only the word, so the number is written beside it:
//!   `{n} {n|prick|prickar}`. A form may hold placeholders of its own, for a
//!   sentence that changes as a whole: `{n|Det översta är|De {n} översta är}`.
//!
//! A name is lower-case letters, digits and `_`; a `{` not followed by one is text.

use std::fmt::{Display, Write};

/// Replaces each placeholder in `template` with its value; a name without a
/// value stays as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    fill_into(&mut out, template, args);
    out
}

fn fill_into(out: &mut String, template: &str, args: &[(&str, &dyn Display)]) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = closing(after) else {
            out.push('{');
            rest = after;
            continue;
        };
        let group = &after[..close];
        rest = &after[close + 1..];
        let (name, forms) = match group.split_once('|') {
            Some((name, forms)) => (name, Some(forms)),
            None => (group, None),
        };
        match (args.iter().find(|(k, _)| *k == name), forms) {
            (None, _) => {
                out.push('{');
                out.push_str(group);
                out.push('}');
            }
            (Some((_, value)), None) => {
                let _ = write!(out, "{value}");
            }
            (Some((_, value)), Some(forms)) => {
                let (one, other) = split_forms(forms);
                fill_into(out, if is_one(value) { one } else { other }, args);
            }
        }
    }
    out.push_str(rest);
}

/// Whether a count takes the singular. In Swedish and in English that is the
/// whole number 1 (or -1) and nothing else: "0 prickar", "1,5 timmar",
/// "1.0 hours". A value is judged by how it is written, so any integer type will do.
fn is_one(value: &dyn Display) -> bool {
    matches!(value.to_string().as_str(), "1" | "-1")
}

/// Where the `}` that closes a group is in `after` (the text after its `{`),
/// passing over the groups inside it.
fn closing(after: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in after.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The two forms of `one|other`, split at the `|` that is not inside a group
/// of its own. The table's test checks that every choice has exactly two.
fn split_forms(forms: &str) -> (&str, &str) {
    let mut depth = 0usize;
    for (i, c) in forms.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => return (&forms[..i], &forms[i + 1..]),
            _ => {}
        }
    }
    (forms, forms)
}

/// Whether the placeholders of `template` are exactly `names`: every name it
/// uses (in a form too) is given, and every name given is used.
pub const fn names_match(template: &str, names: &[&str]) -> bool {
    let t = template.as_bytes();
    let mut i = 0;
    while i < t.len() {
        if let Some((start, end)) = name_at(t, i) {
            let mut known = false;
            let mut k = 0;
            while k < names.len() {
                known |= same(t, start, end, names[k].as_bytes());
                k += 1;
            }
            if !known {
                return false;
            }
        }
        i += 1;
    }
    let mut k = 0;
    while k < names.len() {
        if !uses(t, names[k].as_bytes()) {
            return false;
        }
        k += 1;
    }
    true
}

/// Whether `template` has a placeholder called `name`.
const fn uses(t: &[u8], name: &[u8]) -> bool {
    let mut i = 0;
    while i < t.len() {
        if let Some((start, end)) = name_at(t, i)
            && same(t, start, end, name)
        {
            return true;
        }
        i += 1;
    }
    false
}

/// The name of the placeholder that opens at `open` (`t[start..end]`), if one does.
const fn name_at(t: &[u8], open: usize) -> Option<(usize, usize)> {
    if t[open] != b'{' {
        return None;
    }
    let start = open + 1;
    let mut end = start;
    while end < t.len() && matches!(t[end], b'a'..=b'z' | b'0'..=b'9' | b'_') {
        end += 1;
    }
    if end > start && end < t.len() && matches!(t[end], b'}' | b'|') {
        Some((start, end))
    } else {
        None
    }
}

/// Whether `t[start..end]` is `name` (slicing is not `const`).
const fn same(t: &[u8], start: usize, end: usize, name: &[u8]) -> bool {
    if end - start != name.len() {
        return false;
    }
    let mut i = 0;
    while i < name.len() {
        if t[start + i] != name[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every placeholder of `template`, those inside forms too: its name and its
/// forms (none for a plain value). For the table's tests.
#[cfg(test)]
pub(super) fn groups(template: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = closing(after) else {
            break;
        };
        let group = &after[..close];
        rest = &after[close + 1..];
        let (name, forms) = match group.split_once('|') {
            Some((name, forms)) => (name, all_forms(forms)),
            None => (group, vec![]),
        };
        for form in &forms {
            out.extend(groups(form));
        }
        out.push((name, forms));
    }
    out
}

/// `a|b|c` as `[a, b, c]`, split at each `|` outside an inner group.
#[cfg(test)]
fn all_forms(forms: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = forms;
    loop {
        let (first, second) = split_forms(rest);
        if first.len() == rest.len() {
            out.push(rest);
            return out;
        }
        out.push(first);
        rest = second;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_names_and_keeps_the_rest() {
        let n = 3;
        assert_eq!(fill("{n} svar {x}", &[("n", &n)]), "3 svar {x}");
        assert_eq!(fill("ingen {", &[]), "ingen {");
        assert_eq!(fill("{x|a|b} {", &[]), "{x|a|b} {");
    }

    #[test]
    fn a_count_chooses_its_form() {
        let say = |n: i64| fill("{n} {n|prick|prickar}", &[("n", &n)]);
        assert_eq!(say(1), "1 prick");
        assert_eq!(say(-1), "-1 prick");
        assert_eq!(say(0), "0 prickar");
        assert_eq!(say(2), "2 prickar");
        assert_eq!(say(11), "11 prickar");
        let hours = fill("{n|timme|timmar}", &[("n", &"1.0")]);
        assert_eq!(hours, "timmar");
    }

    #[test]
    fn a_form_may_hold_placeholders() {
        let template = "{n|Det översta är {what}|De {n} översta är {what}}.";
        let say = |n: u32| fill(template, &[("n", &n), ("what", &"markerade")]);
        assert_eq!(say(1), "Det översta är markerade.");
        assert_eq!(say(3), "De 3 översta är markerade.");
    }

    #[test]
    fn names_match_only_the_exact_names() {
        assert!(names_match("{n} {n|svar|svar} av {of}", &["n", "of"]));
        assert!(names_match("{n|ett|{n} av {of}}", &["of", "n"]));
        assert!(names_match("inga { namn }", &[]));
        assert!(
            !names_match("{n} svar", &[]),
            "a placeholder without a value"
        );
        assert!(
            !names_match("{n} svar", &["n", "count"]),
            "a value not used"
        );
        assert!(
            !names_match("{n|ett|{of}}", &["n"]),
            "a placeholder in a form"
        );
    }
}
