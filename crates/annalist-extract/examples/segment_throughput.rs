//! Throughput of segmentation alone (sentences and tokens), in MB per CPU-second.
//!
//! `cargo run --release -p annalist-extract --example segment_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`).

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_extract::segment;

fn main() {
    let (runs, stories) = measure::args();
    measure::time_runs("segment::segment", &stories, runs, || {
        stories.iter().map(|s| black_box(segment::segment(black_box(&s.text))).tokens.len()).sum()
    });
}
