//! Time expressions: found in running text and normalised to TIMEX3 against the document time.

use annalist_core::TimeExpr;

use crate::Context;

/// Finds the time expressions of a document, in text order.
pub fn tag(_cx: &Context<'_>) -> Vec<TimeExpr> {
    Vec::new()
}
