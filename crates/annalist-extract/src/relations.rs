//! Relations: observations of cooperation and conflict between actor pairs.

use annalist_core::{Record, Relation};

/// The relation observations of one record, from its events and claims.
pub fn observe(_record: &Record) -> Vec<Relation> {
    Vec::new()
}

/// Merges the relations of many records into one ledger: one relation per actor pair and
/// domain, observations ordered by date (undated last), then by document order.
pub fn ledger<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<Relation> {
    let mut merged: std::collections::BTreeMap<(String, String, annalist_core::Domain), Relation> =
        std::collections::BTreeMap::new();
    for record in records {
        for relation in &record.relations {
            let key = (relation.actors[0].clone(), relation.actors[1].clone(), relation.domain);
            merged
                .entry(key)
                .or_insert_with(|| Relation {
                    actors: relation.actors.clone(),
                    domain: relation.domain,
                    observations: Vec::new(),
                })
                .observations
                .extend(relation.observations.iter().cloned());
        }
    }
    let mut relations: Vec<Relation> = merged.into_values().collect();
    for relation in &mut relations {
        // A stable sort keeps document order among observations of the same date.
        relation.observations.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    relations
}
