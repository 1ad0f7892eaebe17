//! Throughput of the actor layer alone: segments every story once, then times only
//! `actors::resolve`, in MB per CPU-second.
//!
//! `cargo run --release -p annalist-extract --example actors_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`).

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_extract::actors;

fn main() {
    let (runs, stories) = measure::args();
    let segmentations = measure::segment_all(&stories);
    let contexts = measure::contexts(&stories, &segmentations);
    // The first call loads the gazetteer: keep it out of the timing.
    black_box(contexts.first().map(actors::resolve));
    measure::time_runs("actors::resolve", &stories, runs, || {
        contexts.iter().map(|cx| black_box(actors::resolve(black_box(cx))).mentions.len()).sum()
    });
}
