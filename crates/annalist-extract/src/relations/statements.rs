//! Statements of alignment between two actors: "X is not a faithful ally to Y", "ties between X
//! and Y cooled", "cooperation with Y".

use std::collections::BTreeMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use annalist_core::{ActorId, Domain, EvidenceItem, Modality, Record, Span};

use super::{Found, principal, scale::parse_domain};
use crate::lexicon;

struct Cues {
    matcher: AhoCorasick,
    cues: Vec<(f32, Domain, bool)>,
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

pub(super) fn find(record: &Record, codes: &BTreeMap<&ActorId, &str>) -> Vec<Found> {
    let text = record.document.text.as_str();
    let mut found = Vec::new();
    for m in CUES.matcher.find_iter(text) {
        let cue = Span::new(m.start(), m.end());
        if !on_word_boundaries(text, cue) {
            continue;
        }
        let Some(sentence) = record.document.sentence_at(cue.start) else { continue };
        let sentence_span = record.document.sentences[sentence].span;
        let clause_start = clause_start(text, sentence_span.start, cue.start);
        let (polarity, domain, between) = CUES.cues[m.pattern().as_usize()];
        let coded: Vec<(Span, String)> = record
            .mentions
            .iter()
            .filter(|mention| sentence_span.contains(mention.span))
            .filter_map(|mention| Some((mention.span, principal(codes.get(&mention.actor)?))))
            .collect();
        let pairs = pair_around(text, &coded, cue, clause_start, between);
        if pairs.is_empty() {
            continue;
        }

        let before = &text[clause_start..cue.start];
        let words: Vec<String> = before
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let negated = words
            .iter()
            .rev()
            .take(NEGATION_REACH)
            .any(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"));
        let question = sentence_span.slice(text).trim_end().ends_with('?');
        let speculative = question || words.iter().any(|w| SPECULATION.iter().any(|s| w.starts_with(s)));
        let polarity = if negated { -0.5 * polarity } else { polarity };
        let item = record
            .claims
            .iter()
            .find(|c| c.content.contains(cue))
            .map_or(EvidenceItem::Statement(sentence), |c| EvidenceItem::Claim(c.id.clone()));
        let date = record
            .timexes
            .iter()
            .filter(|t| sentence_span.contains(t.span))
            .min_by_key(|t| t.span.start.abs_diff(cue.start))
            .map(|t| t.value.clone());
        for pair in pairs {
            found.push(Found {
                pair,
                domain,
                polarity,
                date: date.clone(),
                modality: if speculative { Modality::Speculative } else { Modality::Asserted },
                sentence,
                span: cue,
                item: item.clone(),
            });
        }
    }
    found
}

/// The actor pairs a statement relates: for "ties between X and Y" the first two after it; else
/// the nearest actor before it in its clause and the first other actor after it; failing that,
/// "between X and Y" before it ("channels between X and Y cooled").
fn pair_around(
    text: &str,
    coded: &[(Span, String)],
    cue: Span,
    clause_start: usize,
    between: bool,
) -> Vec<(String, String)> {
    let after: Vec<&String> = coded.iter().filter(|(s, _)| s.start >= cue.end).map(|(_, p)| p).collect();
    let first_two_distinct = |list: &[&String]| -> Option<(String, String)> {
        let a = list.first()?;
        let b = list.iter().find(|p| *p != a)?;
        Some(((*a).clone(), (*b).clone()))
    };
    if between {
        return first_two_distinct(&after).into_iter().collect();
    }
    let subject =
        coded.iter().rev().find(|(s, _)| s.end <= cue.start && s.start >= clause_start).map(|(_, p)| p);
    if let Some(subject) = subject
        && let Some(at) = coded.iter().position(|(s, p)| s.start >= cue.end && p != subject)
    {
        let mut pairs = vec![(subject.clone(), coded[at].1.clone())];
        // A second object joined to the first ("the Russia-Ukraine conflict", "Russia and
        // Ukraine") is related to the subject as well.
        if let Some((next_span, next)) = coded.get(at + 1) {
            // Mentions may nest or touch (a name inside a longer one): then nothing joins them.
            let joiner = text.get(coded[at].0.end..next_span.start).unwrap_or("").trim();
            if matches!(joiner, "-" | "–" | "/" | "and") && next != subject && *next != coded[at].1 {
                pairs.push((subject.clone(), next.clone()));
            }
        }
        return pairs;
    }
    let before = &text[clause_start..cue.start];
    let Some(at) = before.to_ascii_lowercase().rfind("between ") else { return Vec::new() };
    let at = at + clause_start;
    let inside: Vec<&String> =
        coded.iter().filter(|(s, _)| s.start >= at && s.end <= cue.start).map(|(_, p)| p).collect();
    first_two_distinct(&inside).into_iter().collect()
}

/// Where the clause holding `at` starts: after the last comma, semicolon, colon or dash, or the
/// word "while" or "but", before it in the sentence.
fn clause_start(text: &str, sentence_start: usize, at: usize) -> usize {
    let before = &text[sentence_start..at];
    let punct = before
        .char_indices()
        .rfind(|(_, c)| matches!(c, ',' | ';' | ':' | '—' | '–'))
        .map(|(i, c)| i + c.len_utf8());
    let lower = before.to_ascii_lowercase();
    let word = [" while ", " but "].iter().filter_map(|w| lower.rfind(w).map(|i| i + w.len())).max();
    sentence_start + punct.max(word).unwrap_or(0)
}

fn on_word_boundaries(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
