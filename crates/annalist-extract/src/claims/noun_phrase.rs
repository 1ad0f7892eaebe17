//! Reading a source noun phrase off the words around a cue, without a parser: a noun phrase is
//! a run of content words, determiners, "and" and "of" between function words, punctuation and
//! verbs. Every scan is bounded, so the layer stays linear in the text.

use super::lexicon::{LEXICON, WordClass};
use super::words::Words;

/// The longest noun phrase read, in tokens.
const MAX_PHRASE: usize = 12;
/// How far into a clause its subject is looked for, in tokens.
const CLAUSE_REACH: usize = 60;

/// Whether token `i` may stand inside a noun phrase (ignoring "and"/"of", handled by the scans).
fn fits_phrase(words: &Words<'_>, i: usize) -> bool {
    if words.is_abbreviation_dot(i) {
        return true;
    }
    if words.is_punct(i) || matches!(words.word(i), "and" | "or") {
        return false;
    }
    match words.class(i) {
        Some(WordClass::Determiner | WordClass::Pronoun | WordClass::Period) => true,
        // A capitalised function word between capitalised words is part of a name:
        // "Reporters Without Borders".
        Some(_) => in_name(words, i),
        None => !words.is_verbish(i),
    }
}

fn in_name(words: &Words<'_>, i: usize) -> bool {
    i > 0
        && words.is_capitalized(i)
        && !words.starts_sentence(i)
        && words.is_capitalized(i - 1)
        && words.is_capitalized(i + 1)
}

/// The noun phrase ending at token `end` (inclusive), read leftwards no further than `floor`:
/// the token range `start..end + 1`, or `None` when `end` cannot end a noun phrase.
pub(super) fn phrase_ending_at(words: &Words<'_>, floor: usize, end: usize) -> Option<(usize, usize)> {
    // A time ("this month", "2019") is no one's voice.
    let timely =
        matches!(words.class(end), Some(WordClass::Period | WordClass::Time)) || words.is_number(end);
    if end < floor
        || timely
        || !(fits_phrase(words, end) || reads_as_noun(words, end))
        || (words.class(end) == Some(WordClass::Determiner) && !is_pronoun_like(words, end))
    {
        return None;
    }
    if words.class(end) == Some(WordClass::Pronoun) {
        return Some((end, end + 1));
    }
    let mut start = end;
    while start > floor && end - start + 1 < MAX_PHRASE {
        let k = start - 1;
        let w = words.word(k);
        // "and", "of" and a few prepositions join two noun phrases: "officials in Kyiv",
        // "analysts at a think tank".
        let joins = matches!(w, "and" | "of" | "in" | "at" | "for" | "from");
        if joins && k > floor && fits_phrase(words, k - 1) && !words.is_capitalized(k) {
            start = k;
            continue;
        }
        // A determiner opens its phrase: nothing but another determiner stands before it.
        let opened = words.class(start) == Some(WordClass::Determiner)
            && words.class(k) != Some(WordClass::Determiner);
        if !opened && fits_phrase(words, k) && words.class(k) != Some(WordClass::Pronoun) {
            start = k;
        } else {
            break;
        }
    }
    // A phrase never opens with a joining word.
    while start < end && matches!(words.word(start), "and" | "of" | "in" | "at" | "for" | "from") {
        start += 1;
    }
    // "Freed passengers shaken by the incident told media": the agent of a participle
    // modifying the phrase before it is not the phrase the verb is about.
    if start >= floor + 3 && words.word(start - 1) == "by" {
        let participle = start - 2;
        let w = words.word(participle);
        if (w.ends_with("ed") || w.ends_with("en")) && !words.is_capitalized(participle) {
            return phrase_ending_at(words, floor, participle - 1).map(|(head, _)| (head, participle));
        }
    }
    Some((start, end + 1))
}

/// A reporting word in its base or "-s" form right before a verb is a noun: "the report said",
/// "intelligence reports have found".
fn reads_as_noun(words: &Words<'_>, i: usize) -> bool {
    // "Member states said": a reporting verb's -s form right before a verb is a plural noun
    // (no finite verb stands right before another).
    let plural_noun =
        || words.word(i).ends_with('s') && words.phrase(&LEXICON.verbs, i).is_some_and(|(len, _)| len == 1);
    (words.phrase(&LEXICON.nouns, i).is_some_and(|(len, _)| len == 1) || plural_noun())
        && !words.is_punct(i)
        && words.class(i).is_none()
        && (words.is_verbish(i + 1) || matches!(words.class(i + 1), Some(WordClass::Adverb)))
}

/// A one-word reporting noun ("report", "statement") not followed by "that".
fn reads_as_noun_inside(words: &Words<'_>, i: usize) -> bool {
    words.phrase(&LEXICON.nouns, i).is_some_and(|(len, _)| len == 1) && words.word(i + 1) != "that"
}

/// "this" and "these" can stand alone as a subject.
fn is_pronoun_like(words: &Words<'_>, i: usize) -> bool {
    matches!(
        words.word(i),
        "this" | "these" | "those" | "both" | "some" | "many" | "several" | "all" | "most" | "few"
    )
}

/// The noun phrase starting at token `start`, read rightwards no further than `ceiling`
/// (exclusive): "said [the ministry's spokesman Maria Zakharova] on Tuesday".
pub(super) fn phrase_starting_at(words: &Words<'_>, start: usize, ceiling: usize) -> Option<(usize, usize)> {
    if words.class(start) == Some(WordClass::Pronoun) {
        return (start < ceiling).then_some((start, start + 1));
    }
    let mut end = start;
    while end < ceiling && end - start < MAX_PHRASE {
        let w = words.word(end);
        if (w == "of" || w == "and") && end > start && end + 1 < ceiling && fits_phrase(words, end + 1) {
            end += 1;
            continue;
        }
        // A determiner after a noun opens the next phrase: "told reporters [the] army ...".
        let next_phrase = end > start
            && words.class(end) == Some(WordClass::Determiner)
            && !matches!(words.class(end - 1), Some(WordClass::Determiner))
            && !matches!(words.word(end - 1), "of" | "and");
        // "according to a confidential U.N. report to be released": a reporting word inside a
        // phrase read rightwards is a noun, unless a clause follows it.
        let noun = end > start && reads_as_noun_inside(words, end);
        if !next_phrase && (fits_phrase(words, end) || noun) && words.class(end) != Some(WordClass::Pronoun) {
            end += 1;
        } else {
            break;
        }
    }
    while end > start && (matches!(words.word(end - 1), "and" | "of") || words.is_abbreviation_dot(end - 1)) {
        end -= 1;
    }
    // A phrase of determiners alone names nothing.
    let has_head = (start..end).any(|i| words.class(i) != Some(WordClass::Determiner));
    (end > start && has_head).then_some((start, end))
}

/// Steps left from `at` over adverbs, auxiliaries and "on Tuesday": the index of the first
/// token left of them (or `None` at `floor`), the index where the adjacent auxiliaries begin,
/// and whether a form of "be" was passed (a passive verb).
pub(super) fn skip_left_modifiers(
    words: &Words<'_>,
    floor: usize,
    at: usize,
) -> (Option<usize>, usize, bool) {
    let mut j = at;
    let mut aux_start = at + 1;
    let mut adjacent = true;
    let mut passive = false;
    loop {
        if j < floor {
            return (None, aux_start, passive);
        }
        match words.class(j) {
            Some(WordClass::Aux) => {
                if adjacent {
                    aux_start = j;
                }
            }
            Some(WordClass::Be) => {
                passive = true;
                if adjacent {
                    aux_start = j;
                }
            }
            Some(WordClass::Adverb) => adjacent = false,
            Some(WordClass::Time) if j > floor && words.word(j - 1) == "on" => {
                adjacent = false;
                j -= 1;
            }
            Some(WordClass::Time) => adjacent = false,
            // "-ly" adverbs: "later positively identified".
            None if is_ly_adverb(words, j) => adjacent = false,
            _ => return (Some(j), aux_start, passive),
        }
        if j == 0 {
            return (None, aux_start, passive);
        }
        j -= 1;
    }
}

/// A lower-case word in "-ly" of more than four letters: an adverb ("positively", "effectively").
pub(super) fn is_ly_adverb(words: &Words<'_>, i: usize) -> bool {
    let w = words.word(i);
    w.len() > 4 && w.ends_with("ly") && !words.is_capitalized(i) && !words.is_punct(i)
}

/// The subject of the clause a coordinated or participial cue belongs to ("Minsk had condemned
/// ..., and warned of ...").
/// Where the clause holding token `until` starts, for the subject of a verb or participle
/// that continues it: after the last ";", or ", but" (", yet", ", while", ", whereas"), before
/// `until` that a noun phrase and then a verb follow ("The drawdown was to end by May 1, but
/// U.S. President Joe Biden missed the deadline, citing ... and announcing that ..."); else
/// `floor`.
pub(super) fn clause_start(words: &Words<'_>, floor: usize, until: usize) -> usize {
    (floor + 1..until)
        .rev()
        .take(CLAUSE_REACH)
        .find(|&k| {
            let joins = words.word(k) == ";"
                || (matches!(words.word(k), "but" | "yet" | "while" | "whereas") && words.word(k - 1) == ",");
            joins
                && phrase_starting_at(words, k + 1, until)
                    .is_some_and(|(_, end)| end < until && words.is_verbish(end))
        })
        .map_or(floor, |k| k + 1)
}

pub(super) fn clause_subject(words: &Words<'_>, floor: usize, until: usize) -> Option<(usize, usize)> {
    // A clause that opens with a noun phrase has it as subject ("Many of the inhabitants ...
    // are critical and say ..."); else the phrase before the first verb ("By then Minsk had ...").
    // A time opening it is no subject: "Two days later, the Jairan departed, reporting ...";
    // nor is an opening phrase of a preposition or conjunction set off by a comma.
    let mut floor = floor;
    if let Some((_, end)) = phrase_starting_at(words, floor, until)
        && matches!(words.class(end - 1), Some(WordClass::Period | WordClass::Time))
    {
        let mut k = end;
        while k < until && matches!(words.word(k), "later" | "earlier" | "ago" | "after" | "before" | ",") {
            k += 1;
        }
        if k > end && words.word(k - 1) == "," {
            floor = k;
        }
    } else if words.class(floor) == Some(WordClass::Boundary)
        && let Some(comma) = (floor + 1..until).take(CLAUSE_REACH).find(|&k| words.word(k) == ",")
        && comma + 1 < until
        && phrase_starting_at(words, comma + 1, until).is_some()
    {
        // A phrase or clause opened by a preposition or conjunction and closed by a comma is
        // no subject: "In a video message released Sunday, Ghani pointed ..." (a noun phrase
        // follows the comma; in "By then Minsk had condemned ..., pulled back ..." a verb
        // does, and the comma closes no opening phrase).
        floor = comma + 1;
    }
    phrase_starting_at(words, floor, until).or_else(|| {
        (floor + 1..until).take(CLAUSE_REACH).filter(|&k| words.is_verbish(k)).find_map(|k| {
            let (left, _, _) = skip_left_modifiers(words, floor, k - 1);
            phrase_ending_at(words, floor, left?)
        })
    })
}
