//! The record of one document and the corpus of many.

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Actor, Claim, Document, Event, Mention, Relation, Span, TimeExpr};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; the record is complete.
    Note,
    /// Something was skipped or truncated; the record is usable.
    Warning,
}

/// Something extraction noticed about its input: it never fails on odd text, it reports
/// here instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// Lower-case message.
    pub message: String,
    /// Where in the text, when it is about a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Record {
    /// The document read.
    pub document: Document,
    /// Actors mentioned, by id.
    pub actors: Vec<Actor>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Time expressions in text order.
    pub timexes: Vec<TimeExpr>,
    /// Events in text order.
    pub events: Vec<Event>,
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// Relation observations from this document's events and claims.
    pub relations: Vec<Relation>,
    /// What extraction noticed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnostics: Vec<Diagnostic>,
}

/// Many records with their actors merged across documents and their relations in one ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Corpus {
    /// Records in input order.
    pub records: Vec<Record>,
    /// Every actor of every record, once, by id.
    pub actors: Vec<Actor>,
    /// Relations across all records, merged per actor pair and domain.
    pub relations: Vec<Relation>,
}

/// What is wrong with a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid record {document}: {kind}")]
pub struct ValidationError {
    document: String,
    kind: ValidationErrorKind,
}

impl ValidationError {
    /// What was wrong.
    pub fn kind(&self) -> &ValidationErrorKind {
        &self.kind
    }
}

/// The kinds of record inconsistency.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ValidationErrorKind {
    /// A span lies outside the text or cuts a character.
    #[error("{what} span {start}..{end} is not inside the text on character boundaries")]
    BadSpan {
        /// Which item.
        what: String,
        /// Span start.
        start: usize,
        /// Span end.
        end: usize,
    },
    /// An id is used twice.
    #[error("duplicate id {0}")]
    DuplicateId(String),
    /// An id is referenced but no item has it.
    #[error("{what} refers to unknown id {id}")]
    UnknownId {
        /// Which item.
        what: String,
        /// The missing id.
        id: String,
    },
}

impl Record {
    /// Checks the record's invariants: every span lies inside the text on character boundaries,
    /// sentence indexes exist, ids are unique and every referenced id exists.
    pub fn validate(&self) -> Result<(), ValidationError> {
        self.check().map_err(|kind| ValidationError { document: self.document.id.to_string(), kind })
    }

    fn check(&self) -> Result<(), ValidationErrorKind> {
        let text = &self.document.text;
        let span = |what: &str, s: Span| {
            if s.start <= s.end && s.get(text).is_some() {
                Ok(())
            } else {
                Err(ValidationErrorKind::BadSpan { what: what.to_owned(), start: s.start, end: s.end })
            }
        };
        let unique = |ids: Vec<&str>| -> Result<HashSet<String>, ValidationErrorKind> {
            let mut seen = HashSet::new();
            for id in ids {
                if !seen.insert(id.to_owned()) {
                    return Err(ValidationErrorKind::DuplicateId(id.to_owned()));
                }
            }
            Ok(seen)
        };
        let exists = |set: &HashSet<String>, what: &str, id: &str| {
            if set.contains(id) {
                Ok(())
            } else {
                Err(ValidationErrorKind::UnknownId { what: what.to_owned(), id: id.to_owned() })
            }
        };
        let n_sentences = self.document.sentences.len();
        let sentence = |what: &str, i: usize| {
            if i < n_sentences || (n_sentences == 0 && i == 0) {
                Ok(())
            } else {
                Err(ValidationErrorKind::UnknownId { what: what.to_owned(), id: format!("sentence {i}") })
            }
        };

        for s in &self.document.sentences {
            span("sentence", s.span)?;
        }
        let actors = unique(self.actors.iter().map(|a| a.id.as_str()).collect())?;
        unique(self.mentions.iter().map(|m| m.id.as_str()).collect())?;
        let times = unique(self.timexes.iter().map(|t| t.id.as_str()).collect())?;
        unique(self.events.iter().map(|e| e.id.as_str()).collect())?;
        let claims = unique(self.claims.iter().map(|c| c.id.as_str()).collect())?;

        for m in &self.mentions {
            span(m.id.as_str(), m.span)?;
            exists(&actors, m.id.as_str(), m.actor.as_str())?;
        }
        for t in &self.timexes {
            span(t.id.as_str(), t.span)?;
            if let crate::TimeAnchor::Narrative { time } = &t.anchor {
                exists(&times, t.id.as_str(), time.as_str())?;
            }
        }
        for e in &self.events {
            let what = e.id.as_str();
            span(what, e.trigger)?;
            sentence(what, e.sentence)?;
            for p in e.source.iter().chain(&e.target) {
                span(what, p.span)?;
                exists(&actors, what, p.actor.as_str())?;
            }
            if let Some(t) = &e.time {
                exists(&times, what, t.as_str())?;
            }
            if let Some(place) = &e.place {
                exists(&actors, what, place.as_str())?;
            }
        }
        for c in &self.claims {
            let what = c.id.as_str();
            span(what, c.content)?;
            sentence(what, c.sentence)?;
            if let Some(cue) = c.cue {
                span(what, cue)?;
            }
            if let Some(s) = c.source.span() {
                span(what, s)?;
            }
            if let Some(a) = c.source.actor() {
                exists(&actors, what, a.as_str())?;
            }
            for cue in &c.certainty_cues {
                span(what, cue.span)?;
            }
            for st in &c.stance {
                exists(&actors, what, st.actor.as_str())?;
            }
            for l in &c.links {
                exists(&claims, what, l.claim.as_str())?;
            }
            if let Some(t) = &c.time {
                exists(&times, what, t.as_str())?;
            }
        }
        for r in &self.relations {
            for o in &r.observations {
                span("relation evidence", o.evidence.span)?;
            }
        }
        Ok(())
    }
}
