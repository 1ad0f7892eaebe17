//! Throughput of the actor layer alone on the VOA bench stories: segments every story once,
//! then times `actors::resolve` over all of them `N` times (first argument, default 20) over the
//! stories of a JSON Lines file (second argument, default the bench data) and
//! prints MB per wall-second and per CPU-second (this thread's CPU time, from
//! `/proc/thread-self/schedstat`, so other load on the machine does not count).
//!
//! `cargo run --release -p annalist-extract --example actors_throughput -- 20 /work/shared/corpus/voa/voa_stories.jsonl`

#[path = "measure/mod.rs"]
mod measure;
use measure::cpu_seconds;

use std::hint::black_box;
use std::time::Instant;

use annalist_extract::{Context, actors, segment};

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let path = std::env::args()
        .nth(2)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/voa_stories.jsonl").to_owned());
    let corpus = std::fs::read_to_string(&path).unwrap_or_default();
    let stories: Vec<(String, Option<annalist_core::DocumentTime>)> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            let published = v["published"].as_str().and_then(|p| p.parse().ok());
            Some((v["text"].as_str().unwrap_or_default().to_owned(), published))
        })
        .collect();
    let bytes: usize = stories.iter().map(|(t, _)| t.len()).sum();
    let segmentations: Vec<_> = stories.iter().map(|(t, _)| segment::segment(t)).collect();
    let contexts: Vec<Context<'_>> = stories
        .iter()
        .zip(&segmentations)
        .map(|((t, d), s)| Context { text: t, segmentation: s, dct: *d })
        .collect();
    // Warm the gazetteer.
    let mentions: usize = contexts.iter().map(|cx| actors::resolve(cx).mentions.len()).sum();
    let cpu0 = cpu_seconds();
    let wall0 = Instant::now();
    for _ in 0..rounds {
        black_box(contexts.iter().map(|cx| actors::resolve(black_box(cx)).mentions.len()).sum::<usize>());
    }
    let wall = wall0.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} stories, {bytes} bytes, {mentions} mentions; {rounds} rounds: {:.1} MB/s wall, {:.1} MB per CPU-second",
        stories.len(),
        mb / wall,
        mb / cpu.max(1e-9)
    );
}
