//! Throughput of the claim layer alone on the VOA stories, in MB per CPU-second.
//!
//! `cargo run --release -p annalist-extract --example claims_throughput -- STORIES.jsonl [RUNS]`
//! segments the stories and runs the layers claims depend on once, then times only
//! `claims::attribute` over all stories `RUNS` times (default 20). Pass `--skip` as the third
//! argument to leave the claim layer out (for a process CPU-time baseline).

#[path = "measure/mod.rs"]
mod measure;
use measure::cpu_seconds;

use std::time::Instant;

use annalist_extract::{Context, actors, claims, segment, time};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().map_or("/work/shared/corpus/voa/voa_stories.jsonl", String::as_str);
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(20);
    let skip = args.get(2).is_some_and(|a| a == "--skip");
    let texts: Vec<String> = std::fs::read_to_string(path)
        .expect("stories file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON Lines");
            v["text"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let segmentations: Vec<_> = texts.iter().map(|t| segment::segment(t)).collect();
    let contexts: Vec<Context<'_>> = texts
        .iter()
        .zip(&segmentations)
        .map(|(t, s)| Context { text: t, segmentation: s, dct: None })
        .collect();
    let actor_layers: Vec<_> = contexts.iter().map(actors::resolve).collect();
    let timexes: Vec<_> = contexts.iter().map(time::tag).collect();
    if skip {
        return;
    }
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..runs {
        for ((cx, a), t) in contexts.iter().zip(&actor_layers).zip(&timexes) {
            found += std::hint::black_box(claims::attribute(cx, a, t)).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_before;
    let mb = (bytes * runs) as f64 / 1e6;
    println!(
        "{} stories, {bytes} bytes, {runs} runs, {found} claims: wall {secs:.3} s ({:.1} MB/s), CPU {cpu:.2} s ({:.1} MB per CPU-second)",
        texts.len(),
        mb / secs,
        mb / cpu.max(1e-9),
    );
}
