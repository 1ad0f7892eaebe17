//! Throughput of the event coder alone: segments the stories and runs the layers events depend
//! on once, then times only `events::code`, in MB per CPU-second.
//!
//! `cargo run --release -p annalist-extract --example events_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`).

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_extract::events;

fn main() {
    measure::time_layer_over_actors_and_time("events::code", |cx, actors, timexes| {
        black_box(events::code(cx, actors, timexes)).len()
    });
}
