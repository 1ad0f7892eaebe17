//! Throughput of the actor layer alone: segments every story once, then times only
//! `actors::resolve_around` (the time expressions are tagged before), in MB per CPU-second.
//!
//! `cargo run --release -p annalist-extract --example actors_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`).

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_extract::{actors, time};

fn main() {
    let (runs, stories) = measure::args();
    let segmentations = measure::segment_all(&stories);
    let contexts = measure::contexts(&stories, &segmentations);
    // The time expressions are the time layer's work: tagged before the timing.
    let timexes: Vec<_> = contexts.iter().map(time::tag).collect();
    // The first call loads the gazetteer: keep it out of the timing.
    black_box(contexts.first().zip(timexes.first()).map(|(cx, t)| actors::resolve_around(cx, t)));
    measure::time_runs("actors::resolve_around", &stories, runs, || {
        contexts
            .iter()
            .zip(&timexes)
            .map(|(cx, t)| black_box(actors::resolve_around(black_box(cx), t)).mentions.len())
            .sum()
    });
}
