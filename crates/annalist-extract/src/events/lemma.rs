//! A small lemmatiser for matching trigger patterns: irregular forms from a table, regular
//! `-s`, `-es`, `-ies`, `-ed`, `-ied`, `-ing` (with a dropped `e` or a doubled consonant) by
//! rule. It only ever maps a word onto a lemma the lexicon knows, so it cannot invent one:
//! "expelling" → "expel", "making" → "make", "troops" → "troop", "refused" → "refuse".

use std::collections::{HashMap, HashSet};

/// The lemma of a lower-case word, or the word itself when no known lemma fits.
pub(crate) fn lemmatise(word: &str, known: &HashSet<String>, irregular: &HashMap<String, String>) -> String {
    let word = strip_possessive(word);
    if let Some(lemma) = irregular.get(word) {
        return lemma.clone();
    }
    if known.contains(word) {
        return word.to_owned();
    }
    candidates(word).into_iter().find(|c| known.contains(c)).unwrap_or_else(|| word.to_owned())
}

/// "kyiv's" → "kyiv".
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

fn undoubled(stem: &str) -> Option<String> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 2 && bytes[n - 1] == bytes[n - 2] && bytes[n - 1].is_ascii_alphabetic())
        .then(|| stem[..n - 1].to_owned())
}

fn candidates(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = word.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es") {
        out.push(stem.to_owned());
    }
    if let Some(stem) = word.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        out.push(stem.to_owned());
    }
    if let Some(stem) = word.strip_suffix("ied") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("ed") {
        out.push(stem.to_owned());
        out.push(format!("{stem}e"));
        out.extend(undoubled(stem));
    }
    if let Some(stem) = word.strip_suffix("ing") {
        out.push(stem.to_owned());
        out.push(format!("{stem}e"));
        out.extend(undoubled(stem));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_inflections_onto_known_lemmas() {
        let known: HashSet<String> =
            ["expel", "make", "troop", "refuse", "pull", "deny", "withdraw", "talk"].map(String::from).into();
        let irregular: HashMap<String, String> = [("withdrew".to_owned(), "withdraw".to_owned())].into();
        for (word, lemma) in [
            ("expelling", "expel"),
            ("expelled", "expel"),
            ("making", "make"),
            ("troops", "troop"),
            ("refused", "refuse"),
            ("pulled", "pull"),
            ("denied", "deny"),
            ("withdrew", "withdraw"),
            ("talks", "talk"),
            ("kyiv's", "kyiv"),
            ("unknown", "unknown"),
        ] {
            assert_eq!(lemmatise(word, &known, &irregular), lemma, "{word}");
        }
    }
}
