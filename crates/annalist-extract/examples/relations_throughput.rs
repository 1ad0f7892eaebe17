//! Throughput of the relation layer alone, in MB per CPU-second: extracts each story's record
//! once, then times only `relations::observe` over the records.
//!
//! `cargo run --release -p annalist-extract --example relations_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`).

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_core::{Article, Metadata};
use annalist_extract::{Extractor, relations};

fn main() {
    let (runs, stories) = measure::args();
    let extractor = Extractor::default();
    let records: Vec<_> = stories
        .iter()
        .enumerate()
        .map(|(i, story)| {
            extractor.extract_owned(Article {
                id: format!("story-{i}").as_str().into(),
                metadata: Metadata { published: story.published, ..Metadata::default() },
                text: story.text.clone(),
            })
        })
        .collect();
    measure::time_runs("relations::observe", &stories, runs, || {
        records.iter().map(|record| black_box(relations::observe(record)).len()).sum()
    });
}
