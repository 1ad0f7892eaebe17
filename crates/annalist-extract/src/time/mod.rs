//! Time expressions: found in running text and normalised to TIMEX3 against the document time.

use annalist_core::TimeExpr;

use crate::Context;

/// Finds the time expressions of a document, in text order.
pub fn tag(_cx: &Context<'_>) -> Vec<TimeExpr> {
    Vec::new()
}

/// The time expression an item at `at` (an event trigger, a claim) is attached to: the nearest
/// one in the same sentence, else none. (The time layer refines this: same clause first, then
/// sentence, then the narrative's running date.)
pub fn attach(
    cx: &Context<'_>,
    timexes: &[TimeExpr],
    at: annalist_core::Span,
) -> Option<annalist_core::TimeId> {
    let sentence = cx.segmentation.sentence_at(at.start)?;
    timexes
        .iter()
        .filter(|t| cx.segmentation.sentence_at(t.span.start) == Some(sentence))
        .min_by_key(|t| t.span.start.abs_diff(at.start))
        .map(|t| t.id.clone())
}
