//! Claims: who asserts what, and how firmly.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ActorId, ClaimId, Span, TimeId};

/// Who makes a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ClaimSource {
    /// A named or described actor: "Lukashenko announced", "some observers speculate".
    Actor {
        /// The actor.
        actor: ActorId,
        /// The words naming it.
        span: Span,
    },
    /// The article's author: an unattributed verdict, or "in the author's view".
    Author {
        /// Words naming the author, when the text names them.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        span: Option<Span>,
    },
    /// A source the text leaves unnamed or that could not be tied to an actor.
    Unnamed {
        /// Words standing for the source, when any ("it is said").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        span: Option<Span>,
    },
}

impl ClaimSource {
    /// The words naming the source, when the text has them.
    pub fn span(&self) -> Option<Span> {
        match self {
            ClaimSource::Actor { span, .. } => Some(*span),
            ClaimSource::Author { span } | ClaimSource::Unnamed { span } => *span,
        }
    }

    /// The source actor, when it is one.
    pub fn actor(&self) -> Option<&ActorId> {
        match self {
            ClaimSource::Actor { actor, .. } => Some(actor),
            _ => None,
        }
    }
}

/// How firmly a claim is made, from its hedges and boosters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Hedged as unlikely or doubted: "seems unlikely", "somewhat overstated".
    Low,
    /// Hedged: "might", "seems", "possibly".
    Moderate,
    /// Stated plainly, with no hedge or booster.
    Plain,
    /// Boosted: "clearly", "it is clear that", "certainly".
    High,
}

/// Whether a certainty cue weakens or strengthens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// Weakens: "might", "seems", "somewhat".
    Hedge,
    /// Strengthens: "clearly", "truly".
    Booster,
}

/// A word or phrase that sets a claim's certainty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CertaintyCue {
    /// Where it stands.
    pub span: Span,
    /// Hedge or booster.
    pub kind: CueKind,
}

/// A claim's stance toward an actor: for it (+1) or against it (-1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stance {
    /// The actor the claim is for or against.
    pub actor: ActorId,
    /// In [-1, 1]: -1 against, +1 for.
    pub polarity: f32,
}

/// How one claim bears on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimLinkKind {
    /// This claim says the other is wrong or overstated.
    Disputes,
    /// This claim backs the other.
    Supports,
}

/// A link from a claim to another claim it disputes or supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimLink {
    /// Disputes or supports.
    pub kind: ClaimLinkKind,
    /// The other claim.
    pub claim: ClaimId,
}

/// Something asserted by someone: a reported statement, a speculation, the author's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// Id within the record (`c1`, ... in text order).
    pub id: ClaimId,
    /// Who asserts it.
    pub source: ClaimSource,
    /// The attributing words: "announced", "according to", "in the author's view". `None` for
    /// the author's own unmarked claims, and for a quotation going on from its speaker's quoted
    /// claim in the sentence before (its source span is where that speaker was named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// What is asserted.
    pub content: Span,
    /// How firmly.
    pub certainty: Certainty,
    /// The hedges and boosters behind the certainty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certainty_cues: Vec<CertaintyCue>,
    /// Whom the claim is for or against, where the text says it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stance: Vec<Stance>,
    /// Claims this one disputes or supports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<ClaimLink>,
    /// When it was made or what time it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeId>,
    /// Index of the sentence it stands in.
    pub sentence: usize,
}
