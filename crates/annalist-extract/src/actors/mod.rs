//! Actors: find mentions and resolve them to canonical actors with CAMEO-style codes.
//!
//! Knowledge lives in the gazetteer files under `data/gazetteer/` (countries, capitals and
//! seats of power, places, international bodies, persons with dated roles, sector words,
//! group nouns, word classes). One linear pass over the words ([`scan`]) finds known names
//! (longest match), demonyms with sector words ("Ukrainian Armed Forces" → `UKRMIL`),
//! unknown capitalised names (kept as their own actors), groups that speak, role
//! descriptions and pronouns; each mention records the [`Resolution`] rule that tied it to
//! its actor.
//!
//! [`Resolution`]: annalist_core::Resolution

mod gazetteer;
mod name_trie;
mod registry;
mod romanized;
mod scan;
mod word_table;
mod words;

pub(crate) use gazetteer::WordClass;

use annalist_core::{Actor, ActorId, Mention, TimeExpr};

use crate::Context;

/// The actors of a document and their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorLayer {
    /// Actors, sorted by id.
    pub actors: Vec<Actor>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

impl ActorLayer {
    /// The actor with id `id`.
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.binary_search_by(|a| a.id.cmp(id)).ok().map(|i| &self.actors[i])
    }

    /// The mentions that lie inside byte range `start..end`, in text order.
    pub fn mentions_within(&self, start: usize, end: usize) -> impl Iterator<Item = &Mention> {
        let first = self.mentions.partition_point(|m| m.span.start < start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.span.start < end)
            .filter(move |m| m.span.end <= end)
    }

    /// The CAMEO-style code of the actor a mention refers to.
    pub fn code_of(&self, mention: &Mention) -> Option<&str> {
        self.actor(&mention.actor).and_then(|a| a.code.as_deref())
    }
}

/// Finds and resolves the actor mentions of a document (its time expressions are tagged
/// first: see [`resolve_around`]).
pub fn resolve(cx: &Context<'_>) -> ActorLayer {
    resolve_around(cx, &crate::time::tag(cx))
}

/// [`resolve`], given the document's time expressions (from [`crate::time::tag`], in text
/// order): capitalised words that are part of one name no actor ("Martin Luther King Day",
/// "Yom Kippur", "Bhai Dooj").
pub fn resolve_around(cx: &Context<'_>, timexes: &[TimeExpr]) -> ActorLayer {
    let words = words::words(cx.text, cx.segmentation);
    let registry = registry::Registry::new(cx.dct.map(|d| d.date));
    let mut scanner = scan::Scanner::new(&words, cx.text, &cx.segmentation.sentences, registry, timexes);
    scanner.run();
    let (actors, mentions) = scanner.registry.finish();
    words.recycle();
    ActorLayer { actors, mentions }
}

/// The CAMEO sector of elites, which codes former officials ("Former Israeli Prime Minister
/// Ehud Olmert"): the codebook's `ELI`, "former government officials, celebrities".
pub(crate) const FORMER_OFFICIAL_SECTOR: &str = "ELI";

/// Whether the gazetteer's word list gives `word` class `class`: the events layer asks it of
/// role nouns ("VOA host Masih Alinejad" is a title, no verb) and nouns of places ("the port
/// city of Jeddah").
pub(crate) fn word_is(word: &str, class: WordClass) -> bool {
    gazetteer::GAZETTEER.is(word, class)
}

/// Whether `lower` (lower case) is a post at an international body or a bid to join it
/// (`words.tsv`, `forum-post`): the events layer asks it after "Iran's U.N.".
pub(crate) fn is_forum_post(lower: &str) -> bool {
    gazetteer::GAZETTEER.forum_posts.contains(lower)
}

/// Whether `lower` (lower case) names people in a relation to a possessor who are not it
/// (`words.tsv`, `relation-noun`): "Ukraine's allies", "Israel's critics".
pub(crate) fn is_relation_noun(lower: &str) -> bool {
    gazetteer::GAZETTEER.relation_nouns.contains(lower)
}

/// Whether `lower` (lower case) makes a people's name an ethnic group of no state
/// (`words.tsv`, `ethnic-modifier`): "ethnic Turks".
pub(crate) fn is_ethnic_modifier(lower: &str) -> bool {
    gazetteer::GAZETTEER.ethnic_modifiers.contains(lower)
}
