//! The tense of the clause around a time expression: past ("said Thursday") or future ("will
//! meet Thursday"), from cue words (`data/time/tense.tsv`) and regular past forms (-ed).

use super::tokens::Tok;
use super::words::{TENSE_CUES, Tense};

/// The tense cues of a sentence's tokens, as (token index, tense); `offset` is the index of
/// the first token.
pub(crate) fn cues(toks: &[Tok], offset: usize) -> Vec<(usize, Tense)> {
    toks.iter()
        .enumerate()
        .filter_map(|(k, t)| {
            let w = t.norm.as_str();
            let tense = TENSE_CUES.get(w).copied().or_else(|| {
                (!t.capital && w.len() >= 5 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()))
                    .then_some(Tense::Past)
            })?;
            Some((offset + k, tense))
        })
        .collect()
}

/// The tense of the cue nearest to token `i` (the earlier one on a tie).
pub(crate) fn nearest(cues: &[(usize, Tense)], i: usize) -> Option<Tense> {
    cues.iter().min_by_key(|(k, _)| (k.abs_diff(i), *k > i)).map(|(_, t)| *t)
}
