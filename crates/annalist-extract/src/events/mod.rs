//! Events: who did what to whom, coded with PLOVER types and modes.

use annalist_core::{Event, TimeExpr};

use crate::Context;
use crate::actors::ActorLayer;

/// Codes the events of a document, in text order.
pub fn code(_cx: &Context<'_>, _actors: &ActorLayer, _timexes: &[TimeExpr]) -> Vec<Event> {
    Vec::new()
}
