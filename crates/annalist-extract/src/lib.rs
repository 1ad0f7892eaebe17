//! Text in, record out: annalist's extraction pipeline.
//!
//! ```
//! use annalist_core::{Article, Metadata};
//! use annalist_extract::Extractor;
//!
//! let article = Article {
//!     id: "example".into(),
//!     metadata: Metadata::default(),
//!     text: "Minsk condemned the attack on August 10.".to_owned(),
//! };
//! let record = Extractor::default().extract(&article);
//! record.validate()?;
//! assert_eq!(record.document.sentences.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The pipeline runs in layers, each reading the ones before it:
//! [`segment`] (sentences and tokens) → [`actors`] (mentions resolved to actors) → [`time`]
//! (TIMEX3 expressions) → [`events`] (PLOVER events) → [`claims`] (attributions and certainty)
//! → [`relations`] (observations between actor pairs). Knowledge lives in the data files under
//! `data/`, compiled in and parsed once on first use.
//!
//! Extraction never fails: odd input gives a record with fewer items and [`Diagnostic`]s.

pub mod actors;
mod bits;
pub mod claims;
pub mod corpus;
pub mod events;
mod hash;
pub mod lexicon;
mod numbered;
pub mod relations;
mod reuse;
pub mod segment;
pub mod time;
mod word_slots;

use annalist_core::{Article, Diagnostic, Document, DocumentTime, Record, Sentence, Severity};

pub use segment::Segmentation;

/// What every layer reads: the text, its segmentation and the document time.
#[derive(Debug)]
pub struct Context<'a> {
    /// The document text.
    pub text: &'a str,
    /// Sentences and tokens.
    pub segmentation: &'a Segmentation,
    /// The document creation time, when known.
    pub dct: Option<DocumentTime>,
}

/// Runs the extraction pipeline. Cheap to create: lexicons are loaded once per process.
#[derive(Debug, Default, Clone)]
pub struct Extractor {}

impl Extractor {
    /// Extracts the record of one article. Never fails and never panics on any text.
    pub fn extract(&self, article: &Article) -> Record {
        self.extract_owned(article.clone())
    }

    /// [`Extractor::extract`], keeping the article's text in the record instead of copying it.
    pub fn extract_owned(&self, article: Article) -> Record {
        let text = article.text.as_str();
        let mut diagnostics = Vec::new();
        if text.trim().is_empty() {
            diagnostics.push(Diagnostic {
                severity: Severity::Note,
                message: "empty document".to_owned(),
                span: None,
            });
        }
        let segmentation = segment::segment(text);
        let cx = Context { text, segmentation: &segmentation, dct: article.metadata.published };
        let timexes = time::tag(&cx);
        let actor_layer = actors::resolve_around(&cx, &timexes);
        let events = events::code(&cx, &actor_layer, &timexes);
        let claims = claims::attribute(&cx, &actor_layer, &timexes);
        let sentences = segmentation.sentences.iter().map(|&span| Sentence { span }).collect();
        let document = Document { id: article.id, metadata: article.metadata, text: article.text, sentences };
        let mut record = Record {
            document,
            actors: actor_layer.actors,
            mentions: actor_layer.mentions,
            timexes,
            events,
            claims,
            relations: Vec::new(),
            diagnostics,
        };
        record.relations = relations::observe(&record);
        record
    }
}
