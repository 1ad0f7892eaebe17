//! Whether the text says an event happened: negated, hypothetical, speculative, announced,
//! reported or asserted, from cue words in the trigger's clause (data/events/modality.tsv).

use annalist_core::Modality;

use super::lexicon::{Cue, LEXICON};
use super::sentence::SentenceView;

/// The modality read for a trigger, and whether it is the subject's announced intention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The modality.
    pub modality: Modality,
    /// Whether a `future` cue marks the subject's own intention ("will", "plans to").
    pub intention: bool,
    /// Where the cue read ends (its last token), when a cue of the clause was read.
    pub cue_end: Option<usize>,
    /// Whether any cue was found in the clause itself (not only a report in the sentence).
    pub clause_cue: bool,
}

/// Which modality wins when several cues apply: a condition or speculation frames
/// everything inside it, a negation beats the tense, a report is the weakest frame.
fn rank(m: Modality) -> u8 {
    match m {
        Modality::Hypothetical => 0,
        Modality::Speculative => 1,
        Modality::Negated => 2,
        Modality::Future => 3,
        Modality::Reported => 4,
        Modality::Asserted => 5,
    }
}

/// The modal that is the future of a past report ("Minsk said it would pull back its troops":
/// an announced intention) and otherwise a condition ("such an attack would be a disaster",
/// "analysts say Tehran would welcome the closure").
const CONDITIONAL_OR_FUTURE_IN_PAST: &str = "would";

/// Past forms of "be" and "have": before "would" they make it the future of a past ("it was
/// evident that they would impose restrictions").
const PAST_AUXILIARIES: [&str; 3] = ["was", "were", "had"];

/// Whether a past stands before token `i` of the sentence: a report in the past ("said",
/// "announced", "told") or in a participle of narration ("telling journalists that he
/// would"), or a past form of "be" or "have". A report in the present ("says") is none. Only
/// the last reports and words before `i` are read ([`PAST_REACH`]): time stays linear on a
/// sentence of many "would" and no stop.
fn after_past(view: &SentenceView<'_>, i: usize) -> bool {
    let reports = view.reports();
    let before = &reports[..reports.partition_point(|&(r, _)| r < i)];
    // A past form ("announced", "said", "told") or a participle in "-ing".
    let past_report = before
        .iter()
        .rev()
        .take(PAST_REACH)
        .any(|&(r, _)| view.lower[r].ends_with("ing") || super::clause::is_participle(view, r));
    past_report || (i.saturating_sub(PAST_REACH)..i).any(|k| PAST_AUXILIARIES.contains(&view.lower[k]))
}

/// How many reports, and how many words, before a "would" [`after_past`] reads.
const PAST_REACH: usize = 40;

fn cue_at(view: &SentenceView<'_>, i: usize, cue: &Cue) -> bool {
    cue.words
        .iter()
        .enumerate()
        .all(|(k, w)| view.lower.get(i + k).is_some_and(|t| t == w || (w == "n't" && t.ends_with("n't"))))
}

/// Reads the modality of the trigger `start..=end` whose clause begins at `clause`.
pub(crate) fn read(view: &SentenceView<'_>, clause: usize, start: usize, end: usize) -> Reading {
    let lex = &*LEXICON;
    let mut best: Option<(Modality, bool, Option<usize>)> = None;
    let consider = |best: &mut Option<(Modality, bool, Option<usize>)>,
                    m: Modality,
                    intention: bool,
                    cue_end: Option<usize>| {
        if best.is_none_or(|(b, _, _)| rank(m) < rank(b)) {
            *best = Some((m, intention, cue_end));
        }
    };
    // The cues whose first word is "n't", for any word ending in it: looked up once.
    let not_cues = lex.cues_by_first_word.get("n't").map_or(&[][..], Vec::as_slice);
    // Cues in the clause before the trigger and inside it ("failed to").
    for i in clause..=end.min(view.len().saturating_sub(1)) {
        let candidates = if view.lower[i].ends_with("n't") {
            not_cues
        } else if view.starts_cue(i) {
            // The same word is the same id: the cues under the word's id are those under
            // the word (every cue's first word has an id).
            let (_, word) = view.lemma_and_word_ids(i);
            lex.word_cues.get(word as usize)
        } else {
            continue;
        };
        for cue in candidates.iter().map(|&c| &lex.cues[c]).filter(|c| c.modality != Modality::Reported) {
            if cue_at(view, i, cue)
                && i + cue.words.len() <= end + 1
                && !(i >= start && cue.modality == Modality::Future)
            {
                if cue.words == [CONDITIONAL_OR_FUTURE_IN_PAST] && !after_past(view, i) {
                    // "Tehran would welcome the closure", "analysts say Tehran would": a
                    // condition, no announced intention.
                    consider(&mut best, Modality::Speculative, false, Some(i));
                    continue;
                }
                consider(&mut best, cue.modality, cue.intention, Some(i + cue.words.len() - 1));
            }
        }
    }
    let clause_cue = best.is_some();
    // A report anywhere else in the sentence: "X said Y attacked", "Y attacked, X said".
    if best.is_none() && view.reports().iter().any(|&(i, n)| i + n <= start || i > end) {
        consider(&mut best, Modality::Reported, false, None);
    }
    let (modality, intention, cue_end) = best.unwrap_or((Modality::Asserted, false, None));
    Reading { modality, intention, clause_cue, cue_end }
}
