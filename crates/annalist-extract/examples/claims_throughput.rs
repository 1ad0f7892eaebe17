//! Throughput of the claim layer alone, in MB per CPU-second: segments the stories and runs
//! the layers claims depend on once, then times only `claims::attribute`.
//!
//! `cargo run --release -p annalist-extract --example claims_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`).

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_extract::claims;

fn main() {
    measure::time_layer_over_actors_and_time("claims::attribute", |cx, actors, timexes| {
        black_box(claims::attribute(cx, actors, timexes)).len()
    });
}
