//! Relations between actors: observations of cooperation and conflict, by domain, over time.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ClaimId, DocumentId, EventId, Modality, Span};

/// The field of a relation observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Force, troops, borders, weapons.
    Military,
    /// Talks, recognition, embassies, statements between governments.
    Diplomatic,
    /// Trade, sanctions, aid, money.
    Economic,
    /// Alignment, support and opposition in politics at large.
    Political,
}

/// The item an observation rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum EvidenceItem {
    /// An event of the document.
    Event(EventId),
    /// A claim with a stance.
    Claim(ClaimId),
    /// A statement of alignment that is neither an event nor an attributed claim ("X is not a
    /// faithful ally to Y"); the id is the sentence index.
    Statement(usize),
}

/// Where an observation comes from: the document, the sentence and the item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Evidence {
    /// The document.
    pub document: DocumentId,
    /// The sentence's text, so the evidence reads on its own (cut with an ellipsis when a
    /// "sentence" is longer than any real one; `sentence` and `span` locate it exactly).
    pub sentence_text: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The trigger or claim span in the document.
    pub span: Span,
    /// The event or claim.
    pub item: EvidenceItem,
}

/// One dated observation of how two actors stand toward each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Observation {
    /// From -1 (most conflictual: an armed assault) through 0 (neutral) to +1 (most
    /// cooperative: an agreement or aid); see the method chapter for the scale.
    pub polarity: f32,
    /// The TIMEX3 value of when it happened (`2024-08-10`, `XXXX-07`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Whether the underlying event happened as stated; only asserted ones count in summaries.
    pub modality: Modality,
    /// Where it comes from.
    pub evidence: Evidence,
}

/// All observations of one actor pair in one domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Relation {
    /// The two actors' codes, in sorted order.
    pub actors: [String; 2],
    /// The domain.
    pub domain: Domain,
    /// Observations, oldest first where dated.
    pub observations: Vec<Observation>,
    /// The observations summed up period by period, in period order (ledgers only; a single
    /// record's relations leave it empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
}

/// The observations of one relation in one period: a year (`2020`), a month (`2024-07`,
/// `XXXX-07` when the year is unknown), or `undated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// The period, as the TIMEX3 value's year or year-month.
    pub period: String,
    /// Observations in the period, of any modality.
    pub observations: usize,
    /// Of them, those asserted as having happened.
    pub asserted: usize,
    /// Mean polarity of the asserted ones; `None` when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_polarity: Option<f32>,
    /// When the balance changed sign from the period before: what changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
}
