//! The typed record of annalist: what an article says about international politics.
//!
//! A [`Record`] holds one [`Document`] and what was read from it: the [`Actor`]s and their
//! [`Mention`]s, the time expressions ([`TimeExpr`]), the [`Event`]s (who did what to whom,
//! coded with PLOVER), the [`Claim`]s (who asserts what, how firmly) and the [`Relation`]
//! observations between actors. Every item carries the byte [`Span`] it came from.
//!
//! ```
//! use annalist_core::{Record, Span};
//!
//! let json = r#"{"document": {"id": "d", "metadata": {}, "text": "Minsk condemned it.",
//!   "sentences": [{"span": {"start": 0, "end": 19}}]},
//!   "actors": [], "mentions": [], "timexes": [], "events": [], "claims": [], "relations": []}"#;
//! let record: Record = serde_json::from_str(json)?;
//! record.validate()?;
//! assert_eq!(Span::new(0, 5).slice(&record.document.text), "Minsk");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! This crate does no I/O: reading files belongs to `annalist-input`, extraction to
//! `annalist-extract`.

mod actor;
mod claim;
mod document;
mod event;
mod id;
mod record;
mod relation;
mod span;
mod time;

pub use actor::{Actor, ActorKind, Mention, MentionKind, Resolution, Role};
pub use claim::{Certainty, CertaintyCue, Claim, ClaimLink, ClaimLinkKind, ClaimSource, CueKind, Stance};
pub use document::{Article, Document, Metadata, Sentence};
pub use event::{Event, Modality, Participant, PloverType};
pub use id::{ActorId, ClaimId, DocumentId, EventId, MentionId, TimeId};
pub use record::{Corpus, Diagnostic, Record, Severity, ValidationError, ValidationErrorKind};
pub use relation::{Domain, Evidence, EvidenceItem, Observation, Period, Relation};
pub use span::Span;
pub use time::{DocumentTime, DocumentTimeError, TimeAnchor, TimeExpr, TimexMod, TimexType};

/// The JSON Schema of [`Record`], as pretty JSON. It documents the output of
/// `annalist extract` for programs in other languages.
pub fn record_schema() -> String {
    let schema = schemars::schema_for!(Record);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

/// The JSON Schema of [`Corpus`], as pretty JSON.
pub fn corpus_schema() -> String {
    let schema = schemars::schema_for!(Corpus);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}
