//! The tense of the clause around a time expression: past ("said Thursday") or future ("will
//! meet Thursday"), from cue words (`data/time/tense.tsv`) and regular past forms (-ed).

use super::tokens::Tok;
use super::words::Tense;

/// The tense cues of a sentence's tokens, as (token index, tense), written over `out`.
pub(crate) fn cues(toks: &[Tok<'_>], out: &mut Vec<(usize, Tense)>) {
    out.clear();
    for (k, t) in toks.iter().enumerate() {
        let w = t.norm.as_ref();
        // "to be held": a future; "should be completed": the modal already counted.
        if w == "to" && toks.get(k + 1).is_some_and(|n| n.norm == "be") {
            out.push((k, Tense::Future));
            continue;
        }
        let tense = t.flags.tense.or_else(|| {
            let participle =
                !t.capital && w.len() >= 5 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase());
            let after_modal = out.last().is_some_and(|&(j, tense)| tense == Tense::Future && k - j <= 3);
            (participle && !after_modal).then_some(Tense::Past)
        });
        if let Some(tense) = tense {
            out.push((k, tense));
        }
    }
}

/// The tense of the cue nearest to token `i` (the earlier one on a tie); `cues` are in token
/// order, so this is a binary search.
pub(crate) fn nearest(cues: &[(usize, Tense)], i: usize) -> Option<Tense> {
    let after = cues.partition_point(|(k, _)| *k < i);
    let before = after.checked_sub(1).map(|b| cues[b]);
    match (before, cues.get(after)) {
        (Some((b, tb)), Some(&(a, ta))) => Some(if i - b <= a - i { tb } else { ta }),
        (Some((_, t)), None) | (None, Some(&(_, t))) => Some(t),
        (None, None) => None,
    }
}
