//! Whether a word reads as a romanised Chinese, Korean or Vietnamese given name: one or two
//! syllables of an initial consonant (or none), a vowel group and a final consonant (or
//! none), each hyphenated part on its own ("Jinping", "Ji-ha", "So-young", "Minh").
//!
//! English words of two syllables or fewer mostly break the shape (a final "r", "s" or
//! "l", a consonant cluster: "River", "Group", "Hotel"), which is what lets a family name
//! written first ("Ahn So-young") make an unknown name a person's without a list of given
//! names.

/// Initial consonants of pinyin, Wade-Giles, Korean and Vietnamese romanisations, longest
/// first so that "zh" is tried before "z".
const INITIALS: &[&str] = &[
    "ngh", "zh", "ch", "sh", "ts", "hs", "ph", "th", "tr", "kh", "ng", "nh", "gi", "qu", "b", "p", "m", "f",
    "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", "v",
];

/// Final consonants, longest first.
const FINALS: &[&str] = &["ng", "ch", "nh", "n", "m", "p", "t", "k", "c", "h"];

const VOWELS: &[u8] = b"aeiouy";

/// Whether `word` reads as a romanised East Asian given name (see the module comment).
pub(crate) fn is_romanized_given_name(word: &str) -> bool {
    if word.is_empty() || word.len() > 16 {
        return false;
    }
    word.split('-').enumerate().all(|(i, part)| {
        let mut chars = part.chars();
        // The first part is capitalised; a later one may be ("Jong-Un") or not ("Jong-un").
        let capital_ok = match chars.next() {
            Some(first) => first.is_ascii_uppercase() || (i > 0 && first.is_ascii_lowercase()),
            None => false,
        };
        capital_ok
            && chars.all(|c| c.is_ascii_lowercase())
            && syllables(part.to_ascii_lowercase().as_bytes(), 2)
    })
}

/// Whether `rest` is one to `left` syllables.
fn syllables(rest: &[u8], left: usize) -> bool {
    if left == 0 {
        return false;
    }
    INITIALS.iter().map(|i| i.as_bytes()).filter(|i| rest.starts_with(i)).chain([&b""[..]]).any(|initial| {
        let after_initial = &rest[initial.len()..];
        let vowels = after_initial.iter().take_while(|b| VOWELS.contains(b)).count();
        (1..=vowels.min(3)).any(|v| {
            let after_vowels = &after_initial[v..];
            // The syllable ends here, or after a final consonant.
            let ends = |tail: &[u8]| tail.is_empty() || syllables(tail, left - 1);
            (v == vowels && ends(after_vowels))
                || FINALS
                    .iter()
                    .any(|f| after_vowels.starts_with(f.as_bytes()) && ends(&after_vowels[f.len()..]))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::is_romanized_given_name;

    #[test]
    fn reads_romanised_given_names() {
        for name in [
            "Jinping",
            "Xiaoping",
            "Keqiang",
            "Yi",
            "Jong",
            "Chon",
            "Ei",
            "Sun",
            "Ji-ha",
            "So-young",
            "Jong-un",
            "Jae-in",
            "Geun-hye",
            "Minh",
            "Thanh",
            "Phuc",
            "Hsien",
            "Tsai",
            "Ying-jeou",
        ] {
            assert!(is_romanized_given_name(name), "{name}");
        }
    }

    #[test]
    fn english_words_of_names_of_other_kinds_do_not_read_so() {
        for word in [
            "River",
            "Group",
            "Hotel",
            "Avenue",
            "Enterprises",
            "Chinese",
            "Dynasty",
            "Airlines",
            "Bank",
            "Motor",
            "Street",
            "Tower",
            "Institute",
            "Council",
            "jinping",
            "JINPING",
            "",
            "Jin-",
        ] {
            assert!(!is_romanized_given_name(word), "{word}");
        }
    }
}
