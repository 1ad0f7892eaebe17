//! Who did it and to whom: the subject and object of a trigger's clause, read from the
//! actor mentions around it. No participant is invented: each is a mention of the actor
//! layer.

use super::sentence::SentenceView;

/// Words that open a new clause when scanning left from a trigger for its subject.
const LEFT_BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "whose", "if", "unless", "when", "whether", "because", "while",
    "although", "though", "whereas", "where", "after", "before", "since", "until", "but", "and", "or",
    "as", "yet", "so",
];

/// Words that close the object of a trigger when scanning right.
const RIGHT_BOUNDARIES: &[&str] = &[
    "which", "who", "whom", "because", "while", "when", "if", "unless", "after", "before", "since",
    "until", "although", "though", "whereas", "but", "as", "saying", "despite", "whether", "where",
    "so", "yet",
];

/// Words that may stand between a conjunction and a coordinated verb: "and then warned".
const ADVERBS: &[&str] =
    &["then", "also", "again", "later", "further", "subsequently", "finally", "even", "quickly", "briefly", "and"];

/// Prepositions that end a noun phrase scanned leftwards from a nominal trigger.
const NP_STOPS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "by", "for", "with", "to", "from", "into", "over", "against",
    "after", "following", "during", "and", "or", "than", "that", "which", "amid", "about",
];

/// Forms of "be" that make a following participle passive.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "been", "being", "be", "get", "got"];

/// Where a subject was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// Mentions in the clause before the trigger.
    Mentions(Vec<usize>),
    /// None of its own: the trigger is a verb coordinated with the previous one, whose
    /// subject it shares ("Minsk condemned ..., pulled back ... and warned ...").
    Coordinated,
    /// Nothing found.
    None,
}

/// Whether `i` is a left boundary of a clause. "and"/"or" between two mentions join a
/// subject ("Jordan and Britain") rather than clauses.
fn left_boundary(view: &SentenceView<'_>, i: usize) -> bool {
    if view.is_break(i) {
        return true;
    }
    if view.is_word_in(i, &["and", "or"]) {
        let before = i.checked_sub(1).is_some_and(|p| view.mention_at[p].is_some());
        let after = view.mention_at.get(i + 1).is_some_and(Option::is_some);
        return !(before && after) && !(after && i + 2 < view.len() && view.mention_at[i + 1] == view.mention_at[i + 2]);
    }
    view.is_word_in(i, LEFT_BOUNDARIES)
}

/// Where the modality cues of a trigger may stand: back to the nearest punctuation or clause
/// word, looking past "and"/"or" that join verbs ("can align or clash").
pub(crate) fn modality_scope_start(view: &SentenceView<'_>, at: usize) -> usize {
    let mut j = at;
    while j > 0 && at - j < SCAN_LIMIT {
        j -= 1;
        if view.is_break(j) {
            return j + 1;
        }
        if view.is_word_in(j, LEFT_BOUNDARIES) && !view.is_word_in(j, &["and", "or", "but", "yet", "so"]) {
            return j;
        }
    }
    j
}

/// How far (in tokens) a scan for clause boundaries goes, so that time stays linear on
/// sentences without punctuation.
const SCAN_LIMIT: usize = 40;

/// The subject of a verbal trigger starting at token `anchor`.
pub(crate) fn subject(view: &SentenceView<'_>, anchor: usize) -> Subject {
    let mut end = anchor;
    for segment in 0..4 {
        let mut j = end;
        let mut boundary = None;
        while j > 0 && end - j < SCAN_LIMIT {
            j -= 1;
            if left_boundary(view, j) {
                boundary = Some(j);
                break;
            }
        }
        let from = boundary.map_or(j, |b| b + 1);
        let found = view.mentions_in(from, end);
        if !found.is_empty() {
            return Subject::Mentions(found);
        }
        let Some(b) = boundary else { return Subject::None };
        if segment == 0 {
            let only_adverbs = (from..anchor).all(|k| view.is_word_in(k, ADVERBS));
            let conjunction = view.is_word_in(b, &["and", "or", "but"]) || view.lower[b] == ",";
            if only_adverbs && conjunction {
                return Subject::Coordinated;
            }
        }
        // A relative pronoun points back to the noun before it; a complement clause
        // without a subject mention ("said it would") takes the reporting clause's subject.
        end = b;
    }
    Subject::None
}

/// Whether the verb at `anchor` is passive ("was attacked"), and then where its "by"
/// agent phrase starts.
pub(crate) fn passive_agent(view: &SentenceView<'_>, anchor: usize, end: usize) -> Option<Option<usize>> {
    let word = &view.lower[anchor];
    let participle = word.ends_with("ed") || (view.lemmas[anchor] != *word && !word.ends_with('s') && !word.ends_with("ing"));
    let aux = (anchor.saturating_sub(3)..anchor).rev().any(|k| view.is_word_in(k, BE_FORMS));
    if !(participle && aux) {
        return None;
    }
    let by = (end + 1..(end + 4).min(view.len())).find(|&k| view.is_word_in(k, &["by"]));
    Some(by)
}

/// The tokens after a trigger up to the end of its clause: `from..to`.
pub(crate) fn object_range(view: &SentenceView<'_>, from: usize, limit: usize) -> (usize, usize) {
    let mut k = from;
    while k < view.len() && k < from + limit {
        if view.is_break(k) || view.is_word_in(k, RIGHT_BOUNDARIES) {
            break;
        }
        k += 1;
    }
    (from, k)
}

/// Mentions in the noun phrase before a nominal trigger: "Kyiv's refusal", "the Ukrainian
/// offensive".
pub(crate) fn noun_phrase_owner(view: &SentenceView<'_>, anchor: usize) -> Vec<usize> {
    let mut from = anchor;
    while from > 0 && anchor - from < 4 {
        let k = from - 1;
        if view.is_break(k) || (view.mention_at[k].is_none() && view.is_word_in(k, NP_STOPS)) {
            break;
        }
        from = k;
    }
    view.mentions_in(from, anchor)
}
