//! The author's own claims: evaluative or predictive stretches of a sentence that no other
//! source is given for ("friend and foe are relative terms", "such speculation ... seems
//! unlikely"). Narrative sentences without a modal, an evaluative word or a hedge are not claims.

use annalist_core::Span;

use super::attribution::Attribution;
use super::lexicon::LEXICON;
use super::words::Words;

/// The fewest words an author's claim has.
const MIN_WORDS: usize = 4;

/// One stretch of a sentence the author asserts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct AuthorClaim {
    /// What is asserted.
    pub content: Span,
    /// The sentence.
    pub sentence: usize,
}

/// The author's claims of the document: per sentence, the stretches outside every attribution
/// (its source, cue and content) that carry an evaluative or predictive marker. Questions and
/// quotations are not the author's claims.
pub(super) fn find(words: &Words<'_>, sentences: &[Span], attributions: &[Attribution]) -> Vec<AuthorClaim> {
    let mut claims = Vec::new();
    let mut next = 0;
    let mut previous = (Span::new(0, 0), (0, 0));
    // The spans of a sentence's attributions, and the same merged: buffers kept across sentences.
    let mut taken: Vec<Span> = Vec::new();
    let mut merged: Vec<Span> = Vec::new();
    let mut runs = words.sentences.iter().peekable();
    for (index, &sentence) in sentences.iter().enumerate() {
        // The run of tokens marked with this sentence is, when its bounds check out, the
        // sentence's tokens, with the tables its words may start known: no pass over them.
        while runs.next_if(|r| r.index < index).is_some() {}
        let run =
            runs.peek().filter(|r| r.index == index && words.is_token_range_of(sentence, r.start, r.end));
        let ((first, end), starts) = match run {
            Some(r) => {
                previous = (sentence, (r.start, r.end));
                ((r.start, r.end), r.starts)
            }
            None => {
                let (first, end) = words.tokens_in_order(sentence, &mut previous);
                ((first, end), words.starts_of(first, end))
            }
        };
        // A claim needs an evaluative marker among the sentence's words.
        if !LEXICON.evaluative.may_start_any(starts) {
            continue;
        }
        if sentence.slice(words.text).trim_end_matches(['"', '”', '\'', '’', ')']).ends_with('?') {
            continue;
        }
        // Attributions are in text order; those of this sentence follow `next`.
        while next < attributions.len() && attributions[next].sentence < index {
            next += 1;
        }
        // The words of this sentence's attributions, merged into disjoint spans in order.
        taken.clear();
        taken.extend(
            attributions[next..]
                .iter()
                .take_while(|a| a.sentence == index)
                .map(|a| a.source.into_iter().fold(a.cue.cover(a.content), Span::cover)),
        );
        taken.sort();
        merged.clear();
        for &span in &taken {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => *last = last.cover(span),
                _ => merged.push(span),
            }
        }
        // The stretches between the tokens the merged spans cover.
        let mut run_start = first;
        if words.tokens_are_ordered() {
            // Tokens in order, none empty: the tokens a span covers are the tokens inside it.
            for &span in &merged {
                let (covered_first, covered_end) = words.tokens_in(span);
                let (covered_first, covered_end) = (covered_first.max(run_start), covered_end.min(end));
                if covered_first < covered_end {
                    claims.extend(stretch(words, run_start, covered_first, index));
                    run_start = covered_end;
                }
            }
        } else {
            let mut spans = merged.iter().peekable();
            for k in first..end {
                let Some(at) = words.tokens.get(k).map(|t| t.span) else { break };
                while spans.next_if(|s| s.end <= at.start).is_some() {}
                if spans.peek().is_some_and(|s| s.contains(at)) {
                    claims.extend(stretch(words, run_start, k, index));
                    run_start = k + 1;
                }
            }
        }
        claims.extend(stretch(words, run_start, end, index));
    }
    claims
}

/// The author's claim in tokens `from..to`, if it is one.
fn stretch(words: &Words<'_>, mut from: usize, mut to: usize, sentence: usize) -> Option<AuthorClaim> {
    while from < to
        && (words.is_punct(from) || matches!(words.word(from), "yet" | "but" | "and" | "so" | "while"))
    {
        from += 1;
    }
    while to > from && words.is_punct(to - 1) {
        to -= 1;
    }
    if (from..to).filter(|&k| !words.is_punct(k)).take(MIN_WORDS).count() < MIN_WORDS
        || words.quoted.get(from).copied().unwrap_or(false)
    {
        return None;
    }
    // Read once, not at every token (a lazy static checks it was made at every read).
    let table = &LEXICON.evaluative;
    let marked = (from..to).any(|k| {
        let name = || words.is_capitalized(k) && !words.starts_sentence(k);
        words.phrase(table, k).is_some_and(|(len, _)| k + len <= to) && !name()
    });
    marked.then(|| AuthorClaim { content: words.span(from, to), sentence })
}
