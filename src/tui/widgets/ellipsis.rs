//! Text cut to a width, ending in "…" when it was cut. Measured as ratatui and
//! the terminal measure it: by grapheme, so that an emoji sequence ("👩‍💻",
//! "❤️") is two columns and is never cut in half.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// `text` on one line (line breaks become spaces), at most `width` columns wide.
pub fn ellipsis(text: &str, width: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.width() <= width {
        return text;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_ends_in_an_ellipsis_within_the_width() {
        assert_eq!(ellipsis("Kort", 10), "Kort");
        assert_eq!(ellipsis("Vem bestämmer\nnär?", 40), "Vem bestämmer när?");
        assert_eq!(ellipsis("Vem bestämmer när", 10), "Vem bestä…");
        assert_eq!(
            ellipsis("Vem bestämmer", 5),
            "Vem…",
            "no space before the dots"
        );
        assert_eq!(ellipsis("Vem bestämmer när", 12), "Vem bestämm…");
        // An emoji sequence is two columns, and whole or not there at all.
        assert_eq!(ellipsis("ab👩‍💻cd", 5), "ab👩‍💻…");
        assert_eq!(ellipsis("ab👩‍💻cd", 4), "ab…");
        assert_eq!(ellipsis("abc", 0), "");
    }
}
