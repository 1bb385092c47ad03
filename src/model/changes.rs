//! What changed in an agreement since the version it was carried over from
//! (the yearly follow-up): section by section, word by word. Pure; the
//! exports mark it their own way.

use similar::{ChangeTag, TextDiff};

use super::AgreementText;

/// One section's change, in the program's order (a section only last year's
/// version had comes where it stood among them, at the end if nowhere else).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChange {
    pub section: String,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Unchanged(String),
    /// The words, each kept, added or removed.
    Changed(Vec<Words>),
    New(String),
    Removed(String),
}

/// A run of words with what happened to them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub tag: Tag,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Kept,
    Added,
    Removed,
}

/// The changes of `now` against the version it was carried over from, or
/// `None` when it was not carried over. `order` is the program's section ids.
pub fn changes(now: &AgreementText, order: &[&str]) -> Option<Vec<SectionChange>> {
    let before = &now.previous.as_ref()?.sections;
    let text_now = |id: &str| {
        let text = now.sections.get(id).map(|s| s.text.as_str());
        text.filter(|t| !t.is_empty())
    };
    let mut ids: Vec<&str> = order.to_vec();
    ids.extend(
        before
            .keys()
            .map(String::as_str)
            .filter(|id| !order.contains(id)),
    );
    let changes = ids
        .into_iter()
        .filter_map(|id| {
            let change = match (before.get(id).map(String::as_str), text_now(id)) {
                (None, None) => return None,
                (None, Some(new)) => Change::New(new.to_string()),
                (Some(old), None) => Change::Removed(old.to_string()),
                (Some(old), Some(new)) if old == new => Change::Unchanged(new.to_string()),
                (Some(old), Some(new)) => Change::Changed(words(old, new)),
            };
            Some(SectionChange {
                section: id.to_string(),
                change,
            })
        })
        .collect();
    Some(changes)
}

/// The words of `old` and `new` in reading order, runs of one kind together.
fn words(old: &str, new: &str) -> Vec<Words> {
    let diff = TextDiff::from_words(old, new);
    let mut out: Vec<Words> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => Tag::Kept,
            ChangeTag::Insert => Tag::Added,
            ChangeTag::Delete => Tag::Removed,
        };
        match out.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(change.value()),
            _ => out.push(Words {
                tag,
                text: change.value().to_string(),
            }),
        }
    }
    out
}

/// How many sections are unchanged, changed, new and removed.
pub fn summary(changes: &[SectionChange]) -> [usize; 4] {
    let mut counts = [0; 4];
    for c in changes {
        let i = match c.change {
            Change::Unchanged(_) => 0,
            Change::Changed(_) => 1,
            Change::New(_) => 2,
            Change::Removed(_) => 3,
        };
        counts[i] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Previous, SectionText};

    fn agreement(before: &[(&str, &str)], now: &[(&str, &str)]) -> AgreementText {
        let text = |t: &str| SectionText {
            text: t.to_string(),
            done: false,
        };
        AgreementText {
            sections: now.iter().map(|(k, v)| (k.to_string(), text(v))).collect(),
            previous: Some(Previous {
                sections: before
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                ..Previous::default()
            }),
            ..AgreementText::default()
        }
    }

    #[test]
    fn each_section_says_whether_it_is_kept_changed_new_or_removed() {
        let a = agreement(
            &[
                ("a", "Vi ses varje vecka."),
                ("b", "Lika."),
                ("c", "Borta."),
            ],
            &[
                ("a", "Vi ses varannan vecka."),
                ("b", "Lika."),
                ("d", "Ny – åäö."),
            ],
        );
        let found = changes(&a, &["a", "b", "c", "d"]).unwrap();
        assert_eq!(summary(&found), [1, 1, 1, 1]);
        let Change::Changed(words) = &found[0].change else {
            panic!("{found:?}");
        };
        let said = |tag| {
            let w: Vec<&str> = words
                .iter()
                .filter(|w| w.tag == tag)
                .map(|w| w.text.trim())
                .collect();
            w.join(" ")
        };
        assert_eq!(said(Tag::Removed), "varje");
        assert_eq!(said(Tag::Added), "varannan");
        assert_eq!(found[2].change, Change::Removed("Borta.".into()));
        assert_eq!(found[3].change, Change::New("Ny – åäö.".into()));
        assert!(changes(&AgreementText::default(), &["a"]).is_none());
    }
}
