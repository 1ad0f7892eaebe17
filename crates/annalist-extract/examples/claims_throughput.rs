//! Throughput of the claim layer alone, in MB per CPU-second: segments the stories and runs
//! the layers claims depend on once, then times only `claims::attribute`.
//!
//! `cargo run --release -p annalist-extract --example claims_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`).

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_extract::{Context, actors, claims, segment, time};

fn main() {
    let (runs, stories) = measure::args();
    let segmentations: Vec<_> = stories.iter().map(|s| segment::segment(&s.text)).collect();
    let contexts: Vec<Context<'_>> = stories
        .iter()
        .zip(&segmentations)
        .map(|(s, seg)| Context { text: &s.text, segmentation: seg, dct: s.published })
        .collect();
    let actor_layers: Vec<_> = contexts.iter().map(actors::resolve).collect();
    let timexes: Vec<_> = contexts.iter().map(time::tag).collect();
    measure::time_runs("claims::attribute", &stories, runs, || {
        contexts
            .iter()
            .zip(&actor_layers)
            .zip(&timexes)
            .map(|((cx, a), t)| black_box(claims::attribute(cx, a, t)).len())
            .sum()
    });
}
