//! Claims: attribution (source, cue, content), certainty, stance and disputes.

use annalist_core::{Claim, TimeExpr};

use crate::Context;
use crate::actors::ActorLayer;

/// Finds the claims of a document, in text order.
pub fn attribute(_cx: &Context<'_>, _actors: &ActorLayer, _timexes: &[TimeExpr]) -> Vec<Claim> {
    Vec::new()
}
