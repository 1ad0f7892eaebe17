//! Documents: the text being read, its metadata and its sentences.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{DocumentId, DocumentTime, Span};

/// What is known about a document besides its text. Unknown fields stay `None`: a missing
/// publication date is left unknown, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Metadata {
    /// Headline or title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication time: the anchor for relative time expressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DocumentTime>,
    /// Where the document was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Outlet or collection the document came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An article as read, before extraction: id, metadata and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    /// Stable id: from the source's metadata, else the file name without extension.
    pub id: DocumentId,
    /// Title, date, address, byline.
    pub metadata: Metadata,
    /// The text to read.
    pub text: String,
}

/// A sentence of the document, by its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Sentence {
    /// The sentence's text, without surrounding white space.
    pub span: Span,
}

/// One article: id, metadata, text and sentence boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Stable id.
    pub id: DocumentId,
    /// Title, date, address, byline.
    pub metadata: Metadata,
    /// The full text as read (front matter removed). All spans of the record index into it.
    pub text: String,
    /// Sentences in text order, not overlapping.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The text of sentence `index`, or an empty string when there is no such sentence.
    pub fn sentence_text(&self, index: usize) -> &str {
        self.sentences.get(index).map_or("", |s| s.span.slice(&self.text))
    }
}
