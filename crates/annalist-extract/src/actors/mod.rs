//! Actors: find mentions and resolve them to canonical actors with CAMEO-style codes.

use annalist_core::{Actor, Mention};

use crate::Context;

/// The actors of a document and their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorLayer {
    /// Actors, sorted by id.
    pub actors: Vec<Actor>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// Finds and resolves the actor mentions of a document.
pub fn resolve(_cx: &Context<'_>) -> ActorLayer {
    ActorLayer::default()
}
