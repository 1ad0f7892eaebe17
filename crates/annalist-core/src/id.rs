//! Identifiers of record items.
//!
//! Ids are plain strings made deterministically from the input (`e3` is the third event of a
//! record in text order, `blr` is the gazetteer's Belarus), so the same input always gives the
//! same ids and byte-identical JSON.

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, schemars::JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(s)
            }
        }
    };
}

string_id!(
    /// A document's id: from its metadata, else its file name without extension.
    DocumentId
);
string_id!(
    /// An actor's id: the gazetteer key for known actors (`blr`, `blr-gov`), a slug of the
    /// canonical name for others. Stable across documents, so corpora merge actors by id.
    ActorId
);
string_id!(
    /// A mention's id within its record (`m1`, `m2`, ... in text order).
    MentionId
);
string_id!(
    /// A time expression's id within its record (`t1`, ...).
    TimeId
);
string_id!(
    /// An event's id within its record (`e1`, ...).
    EventId
);
string_id!(
    /// A claim's id within its record (`c1`, ...).
    ClaimId
);
