//! Certainty: the hedges and boosters of a claim and the level they set.

use annalist_core::{Certainty, CertaintyCue, CueKind};

use super::lexicon::LEXICON;
use super::words::Words;

/// The certainty of the token ranges `(first, end)` in `ranges` and the cues that set it. The
/// lowest hedge wins ("seems unlikely" is low); boosters count only when nothing hedges.
pub(super) fn assess(
    words: &Words<'_>,
    ranges: impl IntoIterator<Item = (usize, usize)>,
) -> (Certainty, Vec<CertaintyCue>) {
    let mut cues: Vec<CertaintyCue> = Vec::new();
    let mut hedge: Option<Certainty> = None;
    let mut boosted = false;
    // Read once, not at every token (a lazy static checks it was made at every read).
    let table = &LEXICON.certainty;
    for (first, end) in ranges {
        let mut k = first;
        while k < end {
            // A capital mid-sentence is a name ("May"), not a modal.
            let name = || words.is_capitalized(k) && !words.starts_sentence(k);
            match words.phrase(table, k).filter(|_| !name()) {
                Some((len, &(kind, level))) if k + len <= end => {
                    let cue = CertaintyCue { span: words.span(k, k + len), kind };
                    // The cue may lie inside the content too ("in the author's view").
                    if !cues.contains(&cue) {
                        cues.push(cue);
                    }
                    match kind {
                        CueKind::Hedge => hedge = Some(hedge.map_or(level, |h| h.min(level))),
                        CueKind::Booster => boosted = true,
                    }
                    k += len;
                }
                _ => k += 1,
            }
        }
    }
    cues.sort_by_key(|c| c.span);
    let level = match (hedge, boosted) {
        (Some(h), _) => h,
        (None, true) => Certainty::High,
        (None, false) => Certainty::Plain,
    };
    (level, cues)
}
