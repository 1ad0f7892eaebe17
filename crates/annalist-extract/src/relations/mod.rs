//! Relations: observations of cooperation and conflict between actor pairs.
//!
//! Two sources feed a record's relations:
//! - **events**: each event between a coded source and a coded target is an observation with
//!   the polarity and domain of its PLOVER type (`data/relations/polarity.tsv`, from the
//!   Goldstein scale), a mode refining the domain (`mode_domains.tsv`);
//! - **statements** of alignment ("X is not a faithful ally to Y", "ties between X and Y
//!   cooled", `statements.tsv`), with negation flipping and weakening the polarity and hedges
//!   or questions marking the observation speculative.
//!
//! Pairs are keyed by *principal*: the country part of a CAMEO code (`BLRGOV` and `BLR` are both
//! Belarus) or the whole code of an international body (`IGOWSTNAT`). An actor is never paired
//! with itself. Only asserted observations count in summaries; the others are kept, marked.

mod ledger;
mod scale;
mod statements;

use std::collections::BTreeMap;

use annalist_core::{
    ActorId, ClaimId, Domain, EventId, Evidence, EvidenceItem, Modality, Observation, Record, Relation, Span,
    TimeId,
};

pub use ledger::{Ledger, ledger, period_of};

use crate::hash::FastMap;

/// The longest sentence text an observation quotes, in bytes: enough for any real sentence,
/// and a bound on output size when a text has no sentence stops (a 100 KB "sentence" with
/// thousands of events would otherwise be copied into every observation).
pub const EVIDENCE_TEXT_LIMIT: usize = 600;

/// The relation observations of one record, from its events and its statements of alignment.
/// Relations come out sorted by pair and domain; observations in text order.
pub fn observe(record: &Record) -> Vec<Relation> {
    // Looked up for every mention and participant (and dated event), never iterated: hash
    // maps, sized once.
    let mut codes: FastMap<&ActorId, &str> = FastMap::default();
    codes.reserve(record.actors.len());
    codes.extend(record.actors.iter().filter_map(|a| Some((&a.id, a.code.as_deref()?))));
    let mut values: FastMap<&TimeId, &str> = FastMap::default();
    values.reserve(record.timexes.len());
    values.extend(record.timexes.iter().map(|t| (&t.id, t.value.as_str())));
    let mut found: Vec<Found<'_>> = Vec::new();
    for event in &record.events {
        let (polarity, domain) = scale::polarity_and_domain(event.event_type, event.mode.as_deref());
        let date = event.time.as_ref().and_then(|t| values.get(t)).copied();
        for source in &event.source {
            for target in &event.target {
                let (Some(a), Some(b)) = (
                    // A code taken from the context is a guess a relation is not built on.
                    source.own_code().or_else(|| codes.get(&source.actor).copied()),
                    target.own_code().or_else(|| codes.get(&target.actor).copied()),
                ) else {
                    continue;
                };
                found.push(Found {
                    pair: (principal(a), principal(b)),
                    domain,
                    polarity,
                    date,
                    modality: event.modality,
                    sentence: event.sentence,
                    span: event.trigger,
                    item: Item::Event(&event.id),
                });
            }
        }
    }
    found.extend(statements::find(record, &codes));
    group(record, found)
}

/// One observation before grouping, borrowing its pair, date and item from the record (most
/// are dropped or share a pair: only the observations kept are copied into the output).
struct Found<'a> {
    pair: (&'a str, &'a str),
    domain: Domain,
    polarity: f32,
    date: Option<&'a str>,
    modality: Modality,
    sentence: usize,
    span: Span,
    item: Item<'a>,
}

/// The record item an observation comes from (an [`EvidenceItem`] borrowing its id).
#[derive(Clone, Copy)]
enum Item<'a> {
    Event(&'a EventId),
    Claim(&'a ClaimId),
    Statement(usize),
}

impl Item<'_> {
    fn to_evidence(self) -> EvidenceItem {
        match self {
            Item::Event(id) => EvidenceItem::Event(id.clone()),
            Item::Claim(id) => EvidenceItem::Claim(id.clone()),
            Item::Statement(sentence) => EvidenceItem::Statement(sentence),
        }
    }
}

/// Observations by their pair of principals (in order) and domain, each with where its span
/// starts (for text order).
type ObservationsByPair<'a> = BTreeMap<(&'a str, &'a str, Domain), Vec<(usize, Observation)>>;

fn group(record: &Record, found: Vec<Found<'_>>) -> Vec<Relation> {
    let mut relations: ObservationsByPair<'_> = BTreeMap::new();
    for f in found {
        let (a, b) = f.pair;
        if a == b || a.is_empty() || b.is_empty() {
            continue;
        }
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let observation = Observation {
            polarity: f.polarity,
            date: f.date.map(str::to_owned),
            modality: f.modality,
            evidence: Evidence {
                document: record.document.id.clone(),
                sentence_text: ledger::shorten(
                    record.document.sentence_text(f.sentence),
                    EVIDENCE_TEXT_LIMIT,
                ),
                sentence: f.sentence,
                span: f.span,
                item: f.item.to_evidence(),
            },
        };
        relations.entry((a, b, f.domain)).or_default().push((f.span.start, observation));
    }
    relations
        .into_iter()
        .map(|((a, b, domain), mut observations)| {
            observations.sort_by_key(|(start, _)| *start);
            Relation {
                actors: [a.to_owned(), b.to_owned()],
                domain,
                observations: observations.into_iter().map(|(_, o)| o).collect(),
                periods: Vec::new(),
            }
        })
        .collect()
}

/// The actor a code stands for in the ledger: the country of a country code, the whole code of
/// an international body, nothing for codes without either.
pub fn principal(code: &str) -> &str {
    if code.starts_with("IGO") || code.len() < 3 || !code.is_char_boundary(3) { code } else { &code[..3] }
}
