//! Events (who did what to whom) coded with the PLOVER ontology.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ActorId, EventId, Span, TimeId};

/// The sixteen event types of PLOVER (Political Language Ontology for Verifiable Event
/// Records, openeventdata/PLOVER), ordered from the most cooperative to the most conflictual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
pub enum PloverType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl PloverType {
    /// All types, in PLOVER's order.
    pub const ALL: [PloverType; 16] = [
        PloverType::Agree,
        PloverType::Consult,
        PloverType::Support,
        PloverType::Concede,
        PloverType::Cooperate,
        PloverType::Aid,
        PloverType::Retreat,
        PloverType::Request,
        PloverType::Accuse,
        PloverType::Reject,
        PloverType::Threaten,
        PloverType::Protest,
        PloverType::Sanction,
        PloverType::Mobilize,
        PloverType::Coerce,
        PloverType::Assault,
    ];

    /// The upper-case name PLOVER uses: `ASSAULT`.
    pub fn as_str(self) -> &'static str {
        match self {
            PloverType::Agree => "AGREE",
            PloverType::Consult => "CONSULT",
            PloverType::Support => "SUPPORT",
            PloverType::Concede => "CONCEDE",
            PloverType::Cooperate => "COOPERATE",
            PloverType::Aid => "AID",
            PloverType::Retreat => "RETREAT",
            PloverType::Request => "REQUEST",
            PloverType::Accuse => "ACCUSE",
            PloverType::Reject => "REJECT",
            PloverType::Threaten => "THREATEN",
            PloverType::Protest => "PROTEST",
            PloverType::Sanction => "SANCTION",
            PloverType::Mobilize => "MOBILIZE",
            PloverType::Coerce => "COERCE",
            PloverType::Assault => "ASSAULT",
        }
    }

    /// Reads the upper-case name.
    pub fn from_name(name: &str) -> Option<PloverType> {
        PloverType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// Whether the text says an event happened. Only [`Modality::Asserted`] events count as having
/// happened in the timeline and the relations ledger; the others are kept and shown apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as having happened: "Minsk condemned ...".
    Asserted,
    /// Stated as not having happened: "did not attack".
    Negated,
    /// Conditional or hypothetical: "if Kiev did not show deference".
    Hypothetical,
    /// Announced, intended or expected: "will withdraw", "would pull back".
    Future,
    /// Reported by a source other than the author: "X said Y attacked".
    Reported,
    /// Speculated about: "talk about opening a second front".
    Speculative,
}

impl Modality {
    /// Every modality, plain assertion first.
    pub const ALL: [Modality; 6] = [
        Modality::Asserted,
        Modality::Negated,
        Modality::Hypothetical,
        Modality::Future,
        Modality::Reported,
        Modality::Speculative,
    ];

    /// The name the JSON record uses: `asserted`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
            Modality::Future => "future",
            Modality::Reported => "reported",
            Modality::Speculative => "speculative",
        }
    }
}

/// One participant of an event: the actor and the words that name it there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Participant {
    /// The actor.
    pub actor: ActorId,
    /// The words naming it in the event's clause.
    pub span: Span,
    /// The CAMEO-style code of the actor in this event (a person's role code at the event's
    /// date), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The code is no code of the actor's own but the country of its context: the actor is
    /// not known, and the sentences that name it name that one country (as event coders code
    /// "a judge" in a story about Chile `CHL`). Relations leave such codes out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub code_from_context: bool,
}

impl Participant {
    /// The participant's code when it is the actor's own, not one taken from its context (see
    /// [`Participant::code_from_context`]): what relations and flat tables are built on.
    pub fn own_code(&self) -> Option<&str> {
        self.code.as_deref().filter(|_| !self.code_from_context)
    }
}

/// Who did what to whom, when and where, as the text tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// Id within the record (`e1`, ... in text order).
    pub id: EventId,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: PloverType,
    /// PLOVER mode, lower case (`withdraw`, `expel`, `drone`, `troops`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Who acts.
    pub source: Vec<Participant>,
    /// Whom it is aimed at.
    pub target: Vec<Participant>,
    /// The words that express the event: "pulled back its troops", "condemned".
    pub trigger: Span,
    /// Whether the text says it happened.
    pub modality: Modality,
    /// When: the time expression attached to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeId>,
    /// Where: a place actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<ActorId>,
    /// Index of the sentence it stands in.
    pub sentence: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modality_names_are_the_json_names() {
        for modality in Modality::ALL {
            let json = serde_json::to_value(modality).unwrap();
            assert_eq!(json.as_str(), Some(modality.as_str()));
        }
    }
}
