//! A small lemmatiser for matching trigger patterns: irregular forms from a table, regular
//! `-s`, `-es`, `-ies`, `-ed`, `-ied`, `-ing` (with a dropped `e` or a doubled consonant) by
//! rule. It only ever maps a word onto a lemma the lexicon knows, so it cannot invent one:
//! "expelling" → "expel", "making" → "make", "troops" → "troop", "refused" → "refuse".

use crate::hash::FastMap;

/// The known lemma of a lower-case word, if any. `forms` maps every known form to its lemma:
/// each lemma to itself, each irregular form to its lemma.
pub(crate) fn lemmatise<'a>(word: &str, forms: &'a FastMap<String, String>) -> Option<&'a str> {
    lemmatise_stripped(strip_possessive(word), forms, &mut String::new())
}

/// [`lemmatise`] of a word whose possessive ending is already stripped; the lemmas it tries
/// are spelled out in `candidate` (a buffer kept by the caller, so that trying thousands of
/// words allocates it once).
fn lemmatise_stripped<'a>(
    word: &str,
    forms: &'a FastMap<String, String>,
    candidate: &mut String,
) -> Option<&'a str> {
    if let Some(lemma) = forms.get(word) {
        return Some(lemma);
    }
    if !(word.ends_with('s') || word.ends_with("ed") || word.ends_with("ing")) {
        return None;
    }
    let mut try_stem = |stem: &str, tail: &str| {
        candidate.clear();
        candidate.push_str(stem);
        candidate.push_str(tail);
        forms.get(candidate.as_str()).map(String::as_str)
    };
    if let Some(stem) = word.strip_suffix("ies")
        && let Some(l) = try_stem(stem, "y")
    {
        return Some(l);
    }
    if let Some(stem) = word.strip_suffix("es")
        && let Some(l) = try_stem(stem, "")
    {
        return Some(l);
    }
    if let Some(stem) = word.strip_suffix('s').filter(|s| !s.ends_with('s'))
        && let Some(l) = try_stem(stem, "")
    {
        return Some(l);
    }
    if let Some(stem) = word.strip_suffix("ied")
        && let Some(l) = try_stem(stem, "y")
    {
        return Some(l);
    }
    for suffix in ["ed", "ing"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if let Some(l) = try_stem(stem, "").or_else(|| try_stem(stem, "e")) {
                return Some(l);
            }
            if let Some(single) = undoubled(stem)
                && let Some(l) = try_stem(single, "")
            {
                return Some(l);
            }
        }
    }
    None
}

/// Every word [`lemmatise`] maps onto a lemma (possessive endings stripped), with that
/// lemma: the forms themselves and every inflection the rules undo. Looking a word up here
/// (after [`strip_possessive`]) gives exactly what [`lemmatise`] gives, in one hash lookup.
pub(crate) fn inflections(forms: &FastMap<String, String>) -> FastMap<String, String> {
    let mut out = FastMap::default();
    // Each candidate word is spelled out in one buffer, and so are the lemmas tried for it:
    // only the words kept are allocated.
    let (mut candidate, mut tried) = (String::new(), String::new());
    let mut add = |parts: &[&str]| {
        candidate.clear();
        parts.iter().for_each(|part| candidate.push_str(part));
        if !out.contains_key(candidate.as_str())
            && let Some(lemma) = lemmatise_stripped(&candidate, forms, &mut tried)
        {
            out.insert(candidate.clone(), lemma.to_owned());
        }
    };
    for form in forms.keys() {
        add(&[form]);
        for suffix in ["s", "es", "ed", "ing"] {
            add(&[form, suffix]);
        }
        if let Some(base) = form.strip_suffix('y') {
            add(&[base, "ies"]);
            add(&[base, "ied"]);
        }
        if let Some(base) = form.strip_suffix('e') {
            add(&[base, "ed"]);
            add(&[base, "ing"]);
        }
        if form.bytes().last().is_some_and(|b| b.is_ascii_alphabetic()) {
            // (An ASCII last byte is a character of its own.)
            let last = &form[form.len() - 1..];
            add(&[form, last, "ed"]);
            add(&[form, last, "ing"]);
        }
    }
    out
}

/// Whether [`strip_possessive`] strips anything from `word`.
pub(crate) fn has_possessive_ending(word: &str) -> bool {
    match word.as_bytes() {
        [.., b'\''] | [.., b'\'', b's'] => true,
        // 0x99 ends a typographic apostrophe (and other characters).
        [.., 0x99] | [.., 0x99, b's'] => word.ends_with('’') || word.ends_with("’s"),
        _ => false,
    }
}

/// "kyiv's" → "kyiv".
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

fn undoubled(stem: &str) -> Option<&str> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 2 && bytes[n - 1] == bytes[n - 2] && bytes[n - 1].is_ascii_alphabetic()).then(|| &stem[..n - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_inflections_onto_known_lemmas() {
        let mut forms: FastMap<String, String> =
            ["expel", "make", "troop", "refuse", "pull", "deny", "withdraw", "talk"]
                .map(|w| (w.to_owned(), w.to_owned()))
                .into_iter()
                .collect();
        forms.insert("withdrew".to_owned(), "withdraw".to_owned());
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
            ("troops'", "troop"),
            ("unknown", "unknown"),
        ] {
            assert_eq!(lemmatise(word, &forms).unwrap_or(word), lemma, "{word}");
            assert_eq!(has_possessive_ending(word), strip_possessive(word) != word, "{word}");
            let table = inflections(&forms);
            assert_eq!(
                table.get(strip_possessive(word)).map(String::as_str),
                lemmatise(word, &forms),
                "{word}"
            );
        }
    }

    #[test]
    fn possessive_ending_is_what_strip_possessive_strips() {
        for word in [
            "kyiv's",
            "kyiv’s",
            "troops'",
            "troops’",
            "says",
            "is",
            "'s",
            "’s",
            "'",
            "’",
            "s",
            "",
            "™",
            "x™s",
            "ę",
            "ęs",
            "abc",
        ] {
            assert_eq!(has_possessive_ending(word), strip_possessive(word) != word, "{word}");
        }
    }
}
