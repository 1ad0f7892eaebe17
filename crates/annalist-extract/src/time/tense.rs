//! The tense of the clause around a time expression: past ("said Thursday") or future ("will
//! meet Thursday"), from cue words (`data/time/tense.tsv`) and regular past forms (-ed).

use super::tokens::Tok;
use super::words::Tense;

/// The tense cues of a sentence's tokens, as (token index, tense); `offset` is the index of
/// the first token.
pub(crate) fn cues(toks: &[Tok], offset: usize) -> Vec<(usize, Tense)> {
    let mut out: Vec<(usize, Tense)> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        // "to be held": a future; "should be completed": the modal already counted.
        if w == "to" && toks.get(k + 1).is_some_and(|n| n.norm == "be") {
            out.push((offset + k, Tense::Future));
            continue;
        }
        let tense = t.info.and_then(|i| i.tense).or_else(|| {
            let participle =
                !t.capital && w.len() >= 5 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase());
            let after_modal =
                out.last().is_some_and(|&(j, tense)| tense == Tense::Future && offset + k - j <= 3);
            (participle && !after_modal).then_some(Tense::Past)
        });
        if let Some(tense) = tense {
            out.push((offset + k, tense));
        }
    }
    out
}

/// The tense of the cue nearest to token `i` (the earlier one on a tie).
pub(crate) fn nearest(cues: &[(usize, Tense)], i: usize) -> Option<Tense> {
    cues.iter().min_by_key(|(k, _)| (k.abs_diff(i), *k > i)).map(|(_, t)| *t)
}
