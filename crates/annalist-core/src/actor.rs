//! Actors (who) and their mentions in the text.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ActorId, MentionId, Span};

/// What sort of actor: a whole country, one of its institutions, a person, a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A country as a whole: "Belarus", "Ukrainians".
    State,
    /// A government or its executive: "Minsk" used for Belarus's government, "the Kremlin".
    Government,
    /// Armed forces: "Ukrainian Armed Forces", "Russian troops".
    Military,
    /// A named person: "Alexander Lukashenko".
    Person,
    /// An organisation: the UN, NATO, a ministry, a party, a company.
    Organization,
    /// A group that acts or speaks without being an organisation: "military bloggers",
    /// "some observers", "protesters".
    Group,
    /// A place that is not acting as a state: "the Kursk region", "Anbar desert".
    Location,
}

/// An office an actor held, with its dates. A person's actor code at a given date comes from
/// the role held then ("Lukashenko" is `BLRGOV` while president).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Role {
    /// The office: "President of Belarus".
    pub title: String,
    /// The CAMEO-style code the role carries: `BLRGOV`.
    pub code: String,
    /// First day in office, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day in office; `None` while in office or unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}

impl Role {
    /// Whether the role was held on `date`. An unknown bound does not exclude.
    pub fn held_on(&self, date: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// Someone or something that acts, speaks or is acted upon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Actor {
    /// Stable id (see [`ActorId`]).
    pub id: ActorId,
    /// Canonical name: "Belarus", "Government of Belarus", "Alexander Lukashenko".
    pub name: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// CAMEO-style code: ISO 3166-1 alpha-3 country plus optional three-letter sectors
    /// (`BLR`, `BLRGOV`, `UKRMIL`), or an `IGO` code for international bodies (`IGOWSTNAT` is
    /// NATO). `None` when nothing is known to code it with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The ISO 3166-1 alpha-3 country the actor belongs to, when any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Other names seen or known: "Minsk", "Byelorussia", "Lukashenka".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Offices held, with dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

/// How the words of a mention were tied to their actor. Readers and tests see why a mention
/// points where it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The canonical name: "Belarus".
    Name,
    /// Another known name or a variant: "Byelorussia", "Kiev" for Kyiv, "Lukashenko" after
    /// "Alexander Lukashenko".
    Alias,
    /// An acronym: "NATO", "UN".
    Acronym,
    /// A place standing for an institution: "Minsk said", "the Kremlin".
    Metonym,
    /// A demonym or adjective: "Ukrainian forces", "Belarusian airspace".
    Demonym,
    /// A pronoun resolved to an earlier mention: "he", "its".
    Pronoun,
    /// A description resolved to an actor: "the Belarusian leader", "the president".
    Description,
    /// A capitalised name not in the gazetteer, kept as its own actor.
    Unknown,
}

/// The entity class of a mention as named-entity corpora count them. A state named as a
/// country is a `location` there, while its actor is a [`ActorKind::State`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum MentionKind {
    Person,
    Organization,
    Location,
    Group,
}

/// One place in the text that refers to an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    /// Id within the record (`m1`, ... in text order).
    pub id: MentionId,
    /// The words of the mention.
    pub span: Span,
    /// The actor referred to.
    pub actor: ActorId,
    /// Entity class of the mention.
    pub kind: MentionKind,
    /// How the words were tied to the actor.
    pub resolution: Resolution,
}
