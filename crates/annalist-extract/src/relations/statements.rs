//! Statements of alignment between two actors: "X is not a faithful ally to Y", "ties between X
//! and Y cooled", "cooperation with Y".

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use annalist_core::{ActorId, Domain, Modality, Record, Span};

use super::{Found, Item, principal, scale::parse_domain};
use crate::hash::FastMap;
use crate::lexicon;

struct Cues {
    /// The phrases, ASCII letters in any case.
    matcher: AhoCorasick,
    cues: Vec<(f32, Domain, bool)>,
}

impl Cues {
    /// The statement cues of `text` within `range` in order, each a whole word or words, with
    /// its phrase, appended to `found`.
    fn find_in(&self, text: &str, range: Span, found: &mut Vec<(Span, usize)>) {
        let mut from = range.start;
        while let Some(m) = self.matcher.find(Input::new(text).range(from..range.end)) {
            let cue = Span::new(m.start(), m.end());
            if ends_alphanumeric(&text[..cue.start]) || starts_alphanumeric(&text[cue.end..]) {
                // Found inside a word ("ally" in "finally") or running into one ("trading
                // partner" in "trading partners"): a cue may still start within it.
                from = cue.start + 1;
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                continue;
            }
            found.push((cue, m.pattern().as_usize()));
            from = cue.end;
        }
    }
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut cues = Vec::new();
    for (line, f) in lexicon::rows(include_str!("../../data/relations/statements.tsv")) {
        let parsed =
            (|| Some((f.first()?.to_lowercase(), f.get(1)?.parse::<f32>().ok()?, parse_domain(f.get(2)?)?)))(
            );
        let (phrase, polarity, domain) =
            parsed.unwrap_or_else(|| panic!("statements.tsv line {line} is malformed"));
        cues.push((polarity, domain, phrase.ends_with(" between")));
        phrases.push(phrase);
    }
    let matcher = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("statement phrases build an automaton");
    Cues { matcher, cues }
});

/// Words that negate a statement when they stand shortly before it.
const NEGATIONS: [&str; 6] = ["not", "never", "no", "nor", "neither", "hardly"];
/// Words that make a statement speculative when they open its clause.
const SPECULATION: [&str; 9] =
    ["whether", "if", "might", "may", "could", "would", "perhaps", "possibly", "speculate"];
/// How many words before a statement a negation reaches.
const NEGATION_REACH: usize = 5;

/// How far back from a statement its clause may start, in bytes: a bound that keeps the work
/// per statement constant when a text has no sentence stops.
const CLAUSE_REACH: usize = 400;
/// How many actor mentions after a statement are read for its objects.
const OBJECT_REACH: usize = 8;
/// How many claims starting before a statement are tried as the claim that holds it.
const CLAIM_REACH: usize = 32;

pub(super) fn find<'a>(record: &'a Record, codes: &FastMap<&ActorId, &'a str>) -> Vec<Found<'a>> {
    let text = record.document.text.as_str();
    let mentions = &record.mentions;
    let timexes = &record.timexes;
    // Claims by where their content starts, for a bounded search of the one holding a cue.
    let mut claims_by_start: Vec<(usize, usize)> =
        record.claims.iter().enumerate().map(|(i, c)| (c.content.start, i)).collect();
    claims_by_start.sort_unstable();
    // A statement relates two different coded actors of its sentence, so only sentences with
    // two are searched. No cue phrase holds a sentence break (phrases are words and spaces),
    // so the cues found are those of a search over the whole text.
    let mut cues = Vec::new();
    for sentence in sentences_with_two_principals(record, codes) {
        CUES.find_in(text, record.document.sentences[sentence].span, &mut cues);
    }
    let mut found = Vec::new();
    // Buffers kept across cues: the coded mentions around one, and one word or clause in
    // lower case.
    let mut coded: Vec<(Span, &str)> = Vec::new();
    let mut lower = String::new();
    for (cue, phrase) in cues {
        let Some(sentence) = record.document.sentence_at(cue.start) else { continue };
        let sentence_span = record.document.sentences[sentence].span;
        let mut reach = cue.start.saturating_sub(CLAUSE_REACH).max(sentence_span.start);
        while !text.is_char_boundary(reach) {
            reach += 1;
        }
        let clause_start = clause_start(text, reach, cue.start, &mut lower);
        let (polarity, domain, between) = CUES.cues[phrase];
        coded.clear();
        let mut after_cue = 0;
        let first = mentions.partition_point(|mention| mention.span.start < clause_start);
        for mention in mentions[first..].iter().take_while(|mention| mention.span.start < sentence_span.end) {
            if !sentence_span.contains(mention.span) {
                continue;
            }
            let Some(code) = codes.get(&mention.actor).copied() else { continue };
            if mention.span.start >= cue.end {
                after_cue += 1;
                if after_cue > OBJECT_REACH {
                    break;
                }
            }
            coded.push((mention.span, principal(code)));
        }
        let pairs = pair_around(text, &coded, cue, clause_start, between);
        if pairs.is_empty() {
            continue;
        }

        let before = &text[clause_start..cue.start];
        let mut words = before.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty());
        let negated = words.clone().rev().take(NEGATION_REACH).any(|w| {
            let w = lowercase_into(&mut lower, w);
            NEGATIONS.contains(&w) || w.ends_with("n't")
        });
        let question = sentence_span.slice(text).trim_end().ends_with('?');
        let speculative = question
            || words.any(|w| {
                let w = lowercase_into(&mut lower, w);
                SPECULATION.iter().any(|s| w.starts_with(s))
            });
        let polarity = if negated { -0.5 * polarity } else { polarity };
        // The first claim (in the record's order) whose content holds the cue.
        let starts_before = claims_by_start.partition_point(|(start, _)| *start <= cue.start);
        let item = claims_by_start[..starts_before]
            .iter()
            .rev()
            .take(CLAIM_REACH)
            .filter(|(_, i)| record.claims[*i].content.contains(cue))
            .map(|(_, i)| *i)
            .min()
            .map_or(Item::Statement(sentence), |i| Item::Claim(&record.claims[i].id));
        // The nearest time expression in the sentence, the earlier one on a tie.
        let at = timexes.partition_point(|t| t.span.start < cue.start);
        let date = [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter_map(|i| timexes.get(i))
            .filter(|t| sentence_span.contains(t.span))
            .min_by_key(|t| (t.span.start.abs_diff(cue.start), t.span.start))
            .map(|t| t.value.as_str());
        for pair in pairs {
            found.push(Found {
                pair,
                domain,
                polarity,
                date,
                modality: if speculative { Modality::Speculative } else { Modality::Asserted },
                sentence,
                span: cue,
                item,
            });
        }
    }
    found
}

/// The sentences, in order, holding mentions of at least two coded actors with different
/// principals.
fn sentences_with_two_principals(record: &Record, codes: &FastMap<&ActorId, &str>) -> Vec<usize> {
    let sentences = &record.document.sentences;
    let mut eligible = Vec::new();
    let mut sentence = 0;
    // The first coded mention's code and principal in the current sentence.
    let mut first: Option<(&str, &str)> = None;
    for mention in &record.mentions {
        let Some(code) = codes.get(&mention.actor).copied() else { continue };
        if sentences.get(sentence).is_none_or(|s| !s.span.contains(mention.span)) {
            let Some(at) = record.document.sentence_at(mention.span.start) else { continue };
            if !sentences[at].span.contains(mention.span) {
                continue;
            }
            sentence = at;
            first = None;
        }
        if eligible.last() == Some(&sentence) {
            continue;
        }
        match first {
            None => first = Some((code, principal(code))),
            Some((first_code, first_principal)) => {
                if code != first_code && principal(code) != first_principal {
                    eligible.push(sentence);
                }
            }
        }
    }
    eligible
}

/// The actor pairs a statement relates: for "ties between X and Y" the first two after it; else
/// the nearest actor before it in its clause and the first other actor after it; failing that,
/// "between X and Y" before it ("channels between X and Y cooled").
fn pair_around<'a>(
    text: &str,
    coded: &[(Span, &'a str)],
    cue: Span,
    clause_start: usize,
    between: bool,
) -> Vec<(&'a str, &'a str)> {
    let after: Vec<&'a str> = coded.iter().filter(|(s, _)| s.start >= cue.end).map(|(_, p)| *p).collect();
    let first_two_distinct = |list: &[&'a str]| -> Option<(&'a str, &'a str)> {
        let a = *list.first()?;
        let b = *list.iter().find(|p| **p != a)?;
        Some((a, b))
    };
    if between {
        return first_two_distinct(&after).into_iter().collect();
    }
    let subject =
        coded.iter().rev().find(|(s, _)| s.end <= cue.start && s.start >= clause_start).map(|(_, p)| *p);
    if let Some(subject) = subject
        && let Some(at) = coded.iter().position(|(s, p)| s.start >= cue.end && *p != subject)
    {
        let mut pairs = vec![(subject, coded[at].1)];
        // A second object joined to the first ("the Russia-Ukraine conflict", "Russia and
        // Ukraine") is related to the subject as well.
        if let Some((next_span, next)) = coded.get(at + 1) {
            // Mentions may nest or touch (a name inside a longer one): then nothing joins them.
            let joiner = text.get(coded[at].0.end..next_span.start).unwrap_or("").trim();
            if matches!(joiner, "-" | "–" | "/" | "and") && *next != subject && *next != coded[at].1 {
                pairs.push((subject, *next));
            }
        }
        return pairs;
    }
    let before = &text[clause_start..cue.start];
    let Some(at) = before.to_ascii_lowercase().rfind("between ") else { return Vec::new() };
    let at = at + clause_start;
    let inside: Vec<&'a str> =
        coded.iter().filter(|(s, _)| s.start >= at && s.end <= cue.start).map(|(_, p)| *p).collect();
    first_two_distinct(&inside).into_iter().collect()
}

/// Where the clause holding `at` starts: after the last comma, semicolon, colon or dash, or the
/// word "while" or "but", before it in the sentence.
fn clause_start(text: &str, sentence_start: usize, at: usize, lower: &mut String) -> usize {
    let before = &text[sentence_start..at];
    let punct = before
        .char_indices()
        .rfind(|(_, c)| matches!(c, ',' | ';' | ':' | '—' | '–'))
        .map(|(i, c)| i + c.len_utf8());
    lower.clear();
    lower.push_str(before);
    lower.make_ascii_lowercase();
    let word = [" while ", " but "].iter().filter_map(|w| lower.rfind(w).map(|i| i + w.len())).max();
    sentence_start + punct.max(word).unwrap_or(0)
}

/// `word` in lower case (as `str::to_lowercase`), written into `buffer` (an ASCII word without
/// a new string).
fn lowercase_into<'b>(buffer: &'b mut String, word: &str) -> &'b str {
    buffer.clear();
    if word.is_ascii() {
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else {
        buffer.push_str(&word.to_lowercase());
    }
    buffer
}

fn ends_alphanumeric(text: &str) -> bool {
    text.chars().next_back().is_some_and(char::is_alphanumeric)
}

fn starts_alphanumeric(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find`] searches only within sentences, which finds every cue a search of the whole
    /// text finds only while no phrase can span a sentence break: a phrase must be words (with
    /// inner hyphens or apostrophes) and single spaces.
    #[test]
    fn cue_phrases_are_words_and_spaces() {
        for (line, fields) in lexicon::rows(include_str!("../../data/relations/statements.tsv")) {
            let phrase = fields[0];
            let words_and_spaces = phrase.split(' ').all(|word| {
                word.starts_with(char::is_alphanumeric)
                    && word.ends_with(char::is_alphanumeric)
                    && word.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
            });
            assert!(
                words_and_spaces,
                "statements.tsv line {line}: {phrase:?} is not words and single spaces"
            );
        }
    }
}
