//! Finding trigger phrases: patterns matched over lemmas, longest first, left to right.

use super::lexicon::{Coding, LEXICON, MAX_GAP, UseKind};
use super::sentence::SentenceView;

/// A pattern matched in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    /// First token (the anchor).
    pub start: usize,
    /// Last token, inclusive.
    pub end: usize,
    /// Index of the pattern in the lexicon.
    pub pattern: usize,
    /// Whether the anchor is used as a noun ("the offensive") rather than a verb.
    pub nominal: bool,
}

/// Words before a noun that show the next word is used as a noun.
const NOMINAL_MARKERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "that", "these", "those", "any",
    "no", "some", "such", "new", "further", "another", "first", "second", "recent", "fresh", "major",
    "renewed", "continued", "continuing", "planned", "latest", "early", "possible", "alleged", "every",
    "each", "of", "for", "after", "following", "during", "amid", "against",
];

fn nominal_context(view: &SentenceView<'_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else { return false };
    view.is_word_in(p, NOMINAL_MARKERS)
        || view.mention_at[p].is_some()
        || view.lower[p].ends_with("'s")
        || view.lower[p].ends_with('\'')
        || view.lower[p].contains('-')
        || view.tokens[p].kind == crate::segment::TokenKind::Number
}

/// The last token of `pattern` matched from `start` (whose first element matched), if any.
fn match_from(view: &SentenceView<'_>, elements: &[super::lexicon::Element], pos: usize) -> Option<usize> {
    let Some((element, rest)) = elements.split_first() else { return pos.checked_sub(1) };
    let max_skip = if element.gap_before { MAX_GAP } else { 0 };
    for skip in 0..=max_skip {
        let j = pos + skip;
        if j >= view.len() {
            return None;
        }
        if element.alternatives.iter().any(|a| *a == view.lemmas[j] || *a == view.lower[j]) {
            if let Some(end) = match_from(view, rest, j + 1) {
                return Some(end);
            }
        }
        if view.is_break(j) {
            return None;
        }
    }
    None
}

/// The trigger matches of a sentence, in text order, not overlapping.
pub(crate) fn find(view: &SentenceView<'_>) -> Vec<Match> {
    let lex = &*LEXICON;
    let mut out: Vec<Match> = Vec::new();
    let mut i = 0;
    while i < view.len() {
        let nominal = nominal_context(view, i);
        let mut best: Option<(usize, usize, usize, bool)> = None; // (elements, end, pattern, kind fits)
        let candidates = lex.by_anchor.get(view.lemmas[i].as_str()).into_iter().chain(
            (view.lemmas[i] != view.lower[i]).then(|| lex.by_anchor.get(view.lower[i].as_str())).flatten(),
        );
        for &p in candidates.flatten() {
            let pattern = &lex.patterns[p];
            let Some(end) = match_from(view, &pattern.elements[1..], i + 1) else { continue };
            let end = end.max(i);
            let fits = match pattern.kind {
                UseKind::Any => true,
                UseKind::Verb => !nominal,
                UseKind::Noun => nominal,
            };
            let key = (fits, pattern.elements.len(), end);
            if best.is_none_or(|(n, e, _, f)| key > (f, n, e)) {
                best = Some((pattern.elements.len(), end, p, fits));
            }
        }
        if let Some((_, end, pattern, _)) = best {
            let kind = lex.patterns[pattern].kind;
            let is_noun = kind == UseKind::Noun || (kind == UseKind::Any && nominal);
            let is_noun = is_noun && lex.patterns[pattern].coding != Coding::Repeat;
            out.push(Match { start: i, end, pattern, nominal: is_noun });
            i = end + 1;
        } else {
            i += 1;
        }
    }
    out
}
