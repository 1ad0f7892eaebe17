//! Throughput of the event coder (`events::code`) over a JSONL corpus (default: the VOA
//! stories), with segmentation, actors and time done beforehand.
//! Run: `cargo run --release -p annalist-extract --example events_throughput -- [FILE] [N]`.

use std::time::Instant;

use annalist_core::DocumentTime;
use annalist_extract::{Context, actors, events, segment, time};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "/work/shared/corpus/voa/voa_stories.jsonl".to_owned());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let docs: Vec<(String, Option<DocumentTime>)> = std::fs::read_to_string(&path)
        .expect("corpus")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            let text = v["text"].as_str().unwrap_or("").to_owned();
            let dct = v["published"].as_str().and_then(|p| p.get(..10)).and_then(|p| p.parse().ok());
            (text, dct)
        })
        .collect();
    let prepared: Vec<_> = docs
        .iter()
        .map(|(text, dct)| {
            let seg = segment::segment(text);
            let cx = Context { text, segmentation: &seg, dct: *dct };
            let layer = actors::resolve(&cx);
            let timexes = time::tag(&cx);
            (seg, layer, timexes)
        })
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    // CPU time of this (single) thread in seconds, from /proc/self/schedstat (nanoseconds).
    let cpu = || -> f64 {
        std::fs::read_to_string("/proc/self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
            .map_or(0.0, |ns| ns * 1e-9)
    };
    let (wall, cpu0) = (Instant::now(), cpu());
    let mut count = 0;
    for _ in 0..n {
        for ((text, dct), (seg, layer, timexes)) in docs.iter().zip(&prepared) {
            let cx = Context { text, segmentation: seg, dct: *dct };
            count += std::hint::black_box(events::code(&cx, layer, timexes)).len();
        }
    }
    let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu() - cpu0);
    let mb = (bytes * n) as f64 / 1e6;
    println!(
        "{} docs, {:.2} MB x {n}: {count} events; wall {wall:.3}s ({:.1} MB/s), cpu {cpu:.3}s ({:.1} MB per CPU-second)",
        docs.len(),
        bytes as f64 / 1e6,
        mb / wall,
        mb / cpu
    );
}
