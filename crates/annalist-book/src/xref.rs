//! The book's cross-references: which page and anchor every item of the corpus lives at.
//!
//! Built once per book, so every chapter links the same way and a link never points at a
//! page that was not generated.

use std::collections::{BTreeMap, BTreeSet};

use annalist_core::{Actor, ActorId, ClaimId, Corpus, EventId, Record, TimeId};

use crate::markup::slug;

/// Path of the actors index.
pub const ACTORS: &str = "generated/actors.md";
/// Path of the timeline.
pub const TIMELINE: &str = "generated/timeline.md";
/// Path of the claims register.
pub const CLAIMS: &str = "generated/claims.md";
/// Path of the relations matrix.
pub const RELATIONS: &str = "generated/relations.md";
/// Path of the ontology page.
pub const ONTOLOGY: &str = "generated/ontology.md";
/// Path of the codes page.
pub const CODES: &str = "generated/codes.md";
/// Path of the lexicons index.
pub const LEXICONS: &str = "generated/lexicons.md";

/// Where everything is.
#[derive(Debug)]
pub struct Xref<'a> {
    /// The corpus.
    pub corpus: &'a Corpus,
    /// Page slug of each record, in corpus order, unique.
    doc_slugs: Vec<String>,
    /// Record index by document id (the first record with the id).
    doc_index: BTreeMap<&'a str, usize>,
    /// Every actor by id: the corpus's merged actors, then any record actor it lacks.
    pub actors: BTreeMap<&'a ActorId, &'a Actor>,
    /// Page path of each actor, unique.
    actor_pages: BTreeMap<&'a ActorId, String>,
    /// Actors carrying each code.
    pub code_actors: BTreeMap<&'a str, Vec<&'a ActorId>>,
    /// Page path of each related code pair.
    pair_pages: BTreeMap<(&'a str, &'a str), String>,
}

/// Makes `base` unique among `taken` by a numeric suffix.
fn unique(base: String, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

impl<'a> Xref<'a> {
    /// Indexes `corpus`.
    pub fn new(corpus: &'a Corpus) -> Xref<'a> {
        let mut taken = BTreeSet::new();
        let mut doc_slugs = Vec::with_capacity(corpus.records.len());
        let mut doc_index = BTreeMap::new();
        for (i, r) in corpus.records.iter().enumerate() {
            doc_slugs.push(unique(slug(r.document.id.as_str()), &mut taken));
            doc_index.entry(r.document.id.as_str()).or_insert(i);
        }
        let mut actors: BTreeMap<&ActorId, &Actor> = corpus.actors.iter().map(|a| (&a.id, a)).collect();
        for r in &corpus.records {
            for a in &r.actors {
                actors.entry(&a.id).or_insert(a);
            }
        }
        let mut taken = BTreeSet::new();
        let actor_pages = actors
            .keys()
            .map(|id| (*id, format!("generated/actors/{}.md", unique(slug(id.as_str()), &mut taken))))
            .collect();
        let mut code_actors: BTreeMap<&str, Vec<&ActorId>> = BTreeMap::new();
        for a in actors.values() {
            if let Some(code) = &a.code {
                code_actors.entry(code.as_str()).or_default().push(&a.id);
            }
            for role in &a.roles {
                let list = code_actors.entry(role.code.as_str()).or_default();
                if !list.contains(&&a.id) {
                    list.push(&a.id);
                }
            }
        }
        let mut taken = BTreeSet::new();
        let mut pair_pages = BTreeMap::new();
        for rel in &corpus.relations {
            let key = (rel.actors[0].as_str(), rel.actors[1].as_str());
            pair_pages.entry(key).or_insert_with(|| {
                let base = format!("{}--{}", slug(key.0), slug(key.1));
                format!("generated/relations/{}.md", unique(base, &mut taken))
            });
        }
        Xref { corpus, doc_slugs, doc_index, actors, actor_pages, code_actors, pair_pages }
    }

    /// The records with their index.
    pub fn records(&self) -> impl Iterator<Item = (usize, &'a Record)> + use<'a> {
        self.corpus.records.iter().enumerate()
    }

    /// The page of record `ri`.
    pub fn article(&self, ri: usize) -> String {
        format!("generated/articles/{}.md", self.doc_slugs[ri])
    }

    /// The sentence `sentence` of record `ri`.
    pub fn sentence(&self, ri: usize, sentence: usize) -> String {
        format!("generated/articles/{}.md#s{sentence}", self.doc_slugs[ri])
    }

    /// The record index of a document id.
    pub fn record_of(&self, document: &str) -> Option<usize> {
        self.doc_index.get(document).copied()
    }

    /// The page of an actor, when it is known.
    pub fn actor(&self, id: &ActorId) -> Option<&str> {
        self.actor_pages.get(id).map(String::as_str)
    }

    /// The display name of an actor: its canonical name, else its id.
    pub fn actor_name(&self, id: &'a ActorId) -> &'a str {
        self.actors.get(id).map_or(id.as_str(), |a| a.name.as_str())
    }

    /// The timeline anchor of an event.
    pub fn event_anchor(&self, ri: usize, id: &EventId) -> String {
        format!("ev-{}-{}", self.doc_slugs[ri], slug(id.as_str()))
    }

    /// The timeline entry of an event.
    pub fn event(&self, ri: usize, id: &EventId) -> String {
        format!("{TIMELINE}#{}", self.event_anchor(ri, id))
    }

    /// The register anchor of a claim.
    pub fn claim_anchor(&self, ri: usize, id: &ClaimId) -> String {
        format!("cl-{}-{}", self.doc_slugs[ri], slug(id.as_str()))
    }

    /// The register entry of a claim.
    pub fn claim(&self, ri: usize, id: &ClaimId) -> String {
        format!("{CLAIMS}#{}", self.claim_anchor(ri, id))
    }

    /// The timeline anchor of a time expression.
    pub fn timex_anchor(&self, ri: usize, id: &TimeId) -> String {
        format!("tx-{}-{}", self.doc_slugs[ri], slug(id.as_str()))
    }

    /// The timeline entry of a time expression.
    pub fn timex(&self, ri: usize, id: &TimeId) -> String {
        format!("{TIMELINE}#{}", self.timex_anchor(ri, id))
    }

    /// The page of a related code pair.
    pub fn pair<'s>(&'s self, a: &str, b: &str) -> Option<&'s str> {
        self.pair_pages.iter().find(|((x, y), _)| *x == a && *y == b).map(|(_, p)| p.as_str())
    }

    /// Every related code pair with its page, sorted.
    pub fn pairs(&self) -> impl Iterator<Item = ((&'a str, &'a str), &str)> + '_ {
        self.pair_pages.iter().map(|(k, v)| (*k, v.as_str()))
    }

    /// Every actor with its page, sorted by id.
    pub fn actor_pages(&self) -> impl Iterator<Item = (&'a Actor, &str)> + '_ {
        self.actor_pages.iter().filter_map(|(id, p)| self.actors.get(id).map(|a| (*a, p.as_str())))
    }

    /// The names of the actors carrying `code`, joined: "Belarus, Government of Belarus".
    pub fn code_names(&self, code: &str) -> String {
        self.code_actors
            .get(code)
            .map(|ids| ids.iter().map(|id| self.actor_name(id)).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    }
}

impl Xref<'_> {
    /// The display name of an actor id not borrowed from the corpus.
    pub fn actor_name_owned(&self, id: &ActorId) -> String {
        self.actors.get(id).map_or_else(|| id.to_string(), |a| a.name.clone())
    }
}
