//! Many records as one corpus: actors merged across documents, relations in one ledger.

use annalist_core::{Actor, ActorId, Corpus, Record};

use crate::hash::FastMap;

/// Merges actors by id: the first record's actor wins, aliases and roles of later ones are
/// added when new. Output sorted by id, so the result does not depend on record order beyond
/// which record first named an actor.
#[derive(Debug, Default, Clone)]
pub struct ActorTable {
    /// Looked up once per actor of every record; sorted only at the end.
    actors: FastMap<ActorId, Actor>,
}

impl ActorTable {
    /// Adds the actors of one record. Taken by value: a corpus run hands over each record's
    /// actors once written, and most of them are new to the table, so nothing is copied.
    pub fn add(&mut self, actors: impl IntoIterator<Item = Actor>) {
        for actor in actors {
            match self.actors.get_mut(&actor.id) {
                None => {
                    self.actors.insert(actor.id.clone(), actor);
                }
                Some(known) => {
                    for alias in actor.aliases {
                        if !known.aliases.contains(&alias) && alias != known.name {
                            known.aliases.push(alias);
                        }
                    }
                    for role in actor.roles {
                        if !known.roles.contains(&role) {
                            known.roles.push(role);
                        }
                    }
                    if known.code.is_none() {
                        known.code = actor.code;
                    }
                }
            }
        }
    }

    /// The merged actors, by id.
    pub fn into_actors(self) -> Vec<Actor> {
        let mut actors: Vec<Actor> = self.actors.into_values().collect();
        actors.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        actors
    }
}

/// Builds a corpus from records in input order.
pub fn assemble(records: Vec<Record>) -> Corpus {
    let mut table = ActorTable::default();
    for record in &records {
        table.add(record.actors.iter().cloned());
    }
    let relations = crate::relations::ledger(&records);
    Corpus { records, actors: table.into_actors(), relations }
}
