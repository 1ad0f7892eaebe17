//! Throughput of the time layer in CPU time: `time::tag` over the stories, and `time::attach`
//! called at every word of them (more calls than the pipeline makes). Also times `attach` on
//! one long sentence full of dates, where a per-call scan would be quadratic. (That `attach`
//! agrees with its rule read plainly is a unit test of `time`.)
//!
//! `cargo run --release -p annalist-extract --example time_throughput -- [RUNS] [STORIES.jsonl]`
//! (see `measure::args`); `TAG_ONLY=1` times `tag` alone.

#[path = "measure/mod.rs"]
mod measure;

use std::hint::black_box;

use annalist_core::Span;
use annalist_extract::segment::TokenKind;
use annalist_extract::{Context, segment, time};

fn main() {
    let (runs, stories) = measure::args();
    let segmentations = measure::segment_all(&stories);
    let contexts = measure::contexts(&stories, &segmentations);
    measure::time_runs("time::tag", &stories, runs, || {
        contexts.iter().map(|cx| black_box(time::tag(black_box(cx))).len()).sum()
    });
    if std::env::var_os("TAG_ONLY").is_some() {
        return;
    }

    let timexes: Vec<_> = contexts.iter().map(time::tag).collect();
    let words = |cx: &Context<'_>| -> Vec<Span> {
        cx.segmentation.tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span).collect()
    };
    measure::time_runs("time::attach at every word", &stories, runs, || {
        let mut calls = 0;
        for (cx, tx) in contexts.iter().zip(&timexes) {
            for at in words(cx) {
                black_box(time::attach(cx, tx, at));
                calls += 1;
            }
        }
        calls
    });

    // One long sentence full of dates and items.
    for repeats in long_repeats() {
        let text = "on Monday he said that on 12 May 2020 they met, and ".repeat(repeats);
        let segmentation = segment::segment(&text);
        let cx = Context { text: &text, segmentation: &segmentation, dct: "2024-08-20".parse().ok() };
        let start = measure::cpu_seconds();
        let tx = time::tag(&cx);
        let tag_cpu = measure::cpu_seconds() - start;
        let start = measure::cpu_seconds();
        let mut n = 0;
        for at in words(&cx) {
            black_box(time::attach(&cx, &tx, at));
            n += 1;
        }
        let cpu = measure::cpu_seconds() - start;
        println!(
            "long sentence {:.2} MB, {} timexes: tag {tag_cpu:.3} CPU-s, {n} attach calls {cpu:.3} CPU-s",
            text.len() as f64 / 1e6,
            tx.len()
        );
    }
}

/// Repeats of the long-sentence unit: `LONG_REPEATS=1000,4000` (the default).
fn long_repeats() -> Vec<usize> {
    std::env::var("LONG_REPEATS")
        .unwrap_or_else(|_| "1000,4000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}
