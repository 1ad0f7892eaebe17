//! Finding trigger phrases: patterns matched over lemmas, longest first, left to right.

use std::cell::OnceCell;

use annalist_core::MentionKind;

use crate::actors::{WordClass, word_is};

use super::lexicon::{ClauseWord, Coding, LEXICON, Lexicon, MAX_GAP, TailElement, UseKind};
use super::sentence::SentenceView;
use super::wordlist::WordList;

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
pub(super) const NOMINAL_MARKERS: WordList = WordList::new(
    8,
    &[
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "this",
        "that",
        "these",
        "those",
        "any",
        "no",
        "some",
        "such",
        "new",
        "further",
        "another",
        "first",
        "second",
        "recent",
        "fresh",
        "major",
        "renewed",
        "continued",
        "continuing",
        "planned",
        "latest",
        "early",
        "possible",
        "alleged",
        "every",
        "each",
        "of",
        "for",
        "after",
        "following",
        "during",
        "amid",
        "against",
    ],
);

fn nominal_context(view: &SentenceView<'_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else { return false };
    // The tests by the word before's class and kind first (one bit each), then those that
    // compare text or read the sentence's mentions: all are asked of the same words, in any
    // order the same answer.
    if view.is_word_in(p, NOMINAL_MARKERS) || view.tokens[p].kind == crate::segment::TokenKind::Number {
        return true;
    }
    // "external pressures", "competing pressures": an -s form after an adjective is a noun.
    let adjective_before = || {
        ["al", "ing", "ive", "ic", "ous", "ful", "ern", "ial", "ary"]
            .iter()
            .any(|suffix| view.lower[p].ends_with(suffix))
    };
    if view.lower[i].ends_with('s') && adjective_before() && view.mention_at()[p].is_none() {
        return true;
    }
    // "the initial attack": an article two words back makes the word between an adjective.
    let uninflected = !view.is_inflected(i);
    let article_before =
        uninflected && p > 0 && view.is_word_in(p - 1, DETERMINERS) && view.mention_at()[p].is_none();
    // "a U.S.-led attack", "the Kremlin-backed offensive": a hyphenated word before makes
    // this one a noun, unless it is a name ("Zia-Ul-Haq rejected the offer", "Smith-Jones
    // condemned"), whose last part is capitalised, before a past form.
    let hyphenated_modifier =
        || view.lower[p].contains('-') && !(view.lower[i].ends_with("ed") && view.last_part_capitalised(p));
    article_before || view.is_possessive(p) || hyphenated_modifier() || view.is_adjectival(p)
}

/// Whether token `i` cannot anchor a trigger: part of a name ("Amnesty International",
/// "Economic Cooperation", "March"), a possessive ("the meeting's"), or a participle used as
/// an adjective ("the occupied West Bank", "an occupying army").
fn cannot_anchor(view: &SentenceView<'_>, i: usize) -> bool {
    // An initialism that is no mention ("an IED") is no name.
    let capitalised =
        view.original_first_char_upper(i) && !(view.is_initialism(i) && view.mention_at()[i].is_none());
    // Inside a name; a lower-case word inside a mention still counts ("Ukraine deployed
    // troops" taken whole as a description of the Ukrainian military).
    if view.is_possessive(i) || view.lower.get(i + 1).is_some_and(|w| *w == "'s") {
        return true;
    }
    if capitalised && i > 0 && !view.is_break(i - 1) {
        return true;
    }
    if capitalised && i + 1 < view.len() && view.original_first_char_upper(i + 1) {
        // "Amnesty International" at the start of a sentence.
        return true;
    }
    if capitalised && view.mention_at()[i].is_some() {
        // (Asked last: the mentions of a sentence are found only when first asked for.)
        return true;
    }
    if !capitalised
        && i > 0
        && i + 1 < view.len()
        && view.original_first_char_upper(i + 1)
        && view.mention_kind(i + 1) == Some(MentionKind::Person)
        && word_is(view.word(i), WordClass::PersonNoun)
        && (view.mention_at()[i - 1].is_some()
            || !LEXICON.is_clause_word(view.lower[i - 1], ClauseWord::GovernsAVerb))
    {
        // "VOA host Masih Alinejad", "conservative podcast host Hugh Hewitt": a role noun
        // right before a person's name, after a name or a word that governs no verb, is the
        // person's title ("Kazakhstan will host Putin", "to host Putin" have a verb).
        return true;
    }
    let w = view.word(i);
    if i > 0
        && i + 1 < view.len()
        && w.ends_with("ed")
        && view.is_inflected(i)
        && view.is_word_in(i - 1, PREPOSITIONS)
        && !view.is_word_in(i - 1, super::clause::AND_OR)
        && view.tokens[i + 1].kind == crate::segment::TokenKind::Word
        && !view.original_first_char_upper(i + 1)
        && !view.is_word_in(i + 1, PREPOSITIONS)
        && !view.is_word_in(i + 1, DETERMINERS)
    {
        // "the examples of killed journalists", "for detained activists": a participle
        // between a preposition and its noun qualifies the noun.
        return true;
    }
    let after_marker = i > 0 && (view.is_word_in(i - 1, DETERMINERS) || view.is_possessive(i - 1));
    // "the attacked village": a participle; not a word ending so of its own ("an IED").
    if after_marker && w.ends_with("ed") && view.is_inflected(i) {
        return true;
    }
    if after_marker && w.ends_with("ing") {
        // "the downing of", "a shooting in" are nouns; "an occupying army" an adjective.
        let next_is_word = i + 1 < view.len()
            && view.tokens[i + 1].kind == crate::segment::TokenKind::Word
            && !view.is_word_in(i + 1, PREPOSITIONS)
            && !view.is_word_in(i + 1, DETERMINERS);
        return next_is_word;
    }
    false
}

/// Articles and possessive determiners.
pub(super) const DETERMINERS: WordList = WordList::new(
    9,
    &[
        "the", "a", "an", "its", "their", "his", "her", "our", "your", "this", "these", "those", "any", "no",
        "some", "such", "every", "each",
    ],
);

/// Prepositions that may follow a gerund used as a noun.
pub(super) const PREPOSITIONS: WordList = WordList::new(
    10,
    &[
        "of", "in", "on", "at", "by", "for", "with", "to", "from", "into", "over", "against", "near",
        "along", "across", "during", "after", "before", "and", "or",
    ],
);

/// The last token of a pattern matched from `pos` on, where its `elements` after those
/// already matched must stand, if any.
fn match_from(lex: &Lexicon, view: &SentenceView<'_>, elements: &[TailElement], pos: usize) -> Option<usize> {
    let Some((element, rest)) = elements.split_first() else { return pos.checked_sub(1) };
    let alternatives = &lex.tail_alternatives[element.alternatives.clone()];
    let max_skip = if element.gap_before { MAX_GAP } else { 0 };
    for skip in 0..=max_skip {
        let j = pos + skip;
        if j >= view.len() {
            return None;
        }
        // An alternative equal to the lemma is the same lemma: compared by index. An
        // alternative equal to the word is the same word: compared by id too.
        let (lemma, word) = view.lemma_and_word_ids(j);
        if alternatives.iter().any(|&(lemma_id, word_id)| lemma_id == lemma || word_id == word)
            && let Some(end) = match_from(lex, view, rest, j + 1)
        {
            return Some(end);
        }
        // A skip stays inside the clause: it stops at punctuation and at a word that opens
        // another clause ("struck oil depots after the deal": no deal struck).
        if view.is_break(j) || view.is_word_in(j, super::clause::RIGHT_BOUNDARIES) {
            return None;
        }
    }
    None
}

/// The trigger matches of a sentence, in text order, not overlapping, written to `out` (cleared
/// first: one buffer serves every sentence of a document, with no allocation per sentence).
pub(crate) fn find(view: &SentenceView<'_>, out: &mut Vec<Match>) {
    let lex = &*LEXICON;
    out.clear();
    // Where the next anchor is looked for: past the last match, or the last anchor tried.
    let mut from = 0;
    // Most words anchor nothing: looked for in one pass over the tokens' flags.
    while let Some(i) = view.next_anchor(from) {
        from = i + 1;
        let by_lemma = view.patterns_of_lemma(i);
        let by_form = view.patterns_of_form(i);
        // Most words anchor nothing: look no further at them.
        if by_lemma.is_none() && by_form.is_none() {
            continue;
        }
        // Whether the anchor is used as a noun: asked only once a pattern matches.
        let nominal_cell = OnceCell::new();
        let nominal = || *nominal_cell.get_or_init(|| nominal_context(view, i));
        let mut best: Option<(usize, usize, usize, bool)> = None; // (elements, end, pattern, kind fits)
        for &p in by_lemma.into_iter().chain(by_form).flatten() {
            let pattern = &lex.pattern_tails[p];
            let tail = &lex.tail_elements[pattern.elements.clone()];
            let Some(end) = match_from(lex, view, tail, i + 1) else { continue };
            let end = end.max(i);
            // A verb pattern never matches a noun use ("external pressures"); a noun
            // pattern is a noun wherever it stands, though a fitting context is preferred.
            let fits = match pattern.kind {
                UseKind::Any => true,
                UseKind::Verb if nominal() => continue,
                UseKind::Verb => true,
                UseKind::Noun => nominal(),
            };
            let key = (fits, pattern.len, end);
            if best.is_none_or(|(n, e, _, f)| key > (f, n, e)) {
                best = Some((pattern.len, end, p, fits));
            }
        }
        // Whether the word may anchor at all is asked only of a word some pattern matches at
        // (most anchors match none).
        if let Some((_, end, pattern, _)) = best.filter(|_| !cannot_anchor(view, i)) {
            let kind = lex.patterns[pattern].kind;
            let is_noun = kind == UseKind::Noun || (kind == UseKind::Any && nominal());
            let is_noun = is_noun && lex.patterns[pattern].coding != Coding::Repeat;
            if lex.patterns[pattern].coding != Coding::Block {
                out.push(Match { start: i, end, pattern, nominal: is_noun });
            }
            from = end + 1;
        }
    }
}
