//! Criterion benches of each extraction stage on VOA news text (`benches/data/`): segmenting,
//! actors, time, events, claims, and the whole `extract`. Throughput is in bytes of text, so
//! criterion reports MB/s per stage; the pipeline's target is ≥ 20 MB per CPU-second end to
//! end, each layer's ≥ 100 MB/s.
//!
//! `cargo bench -p annalist-extract --bench pipeline` (add `-- extract` for one stage).

use std::hint::black_box;

use annalist_core::{Article, DocumentId, Metadata};
use annalist_extract::{Context, Extractor, actors, claims, events, segment, time};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The bench stories as articles, with their publication dates as document times.
fn stories() -> Vec<Article> {
    include_str!("data/voa_stories.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("bench data is JSON Lines");
            let published = v["published"].as_str().and_then(|p| p.parse().ok());
            Article {
                id: DocumentId::from(v["id"].as_str().unwrap_or("story")),
                metadata: Metadata { published, ..Metadata::default() },
                text: v["text"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let articles = stories();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let segmentations: Vec<_> = articles.iter().map(|a| segment::segment(&a.text)).collect();
    let contexts: Vec<Context<'_>> = articles
        .iter()
        .zip(&segmentations)
        .map(|(a, s)| Context { text: &a.text, segmentation: s, dct: a.metadata.published })
        .collect();
    let timexes: Vec<_> = contexts.iter().map(time::tag).collect();
    let actor_layers: Vec<_> =
        contexts.iter().zip(&timexes).map(|(cx, tx)| actors::resolve_around(cx, tx)).collect();

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| articles.iter().map(|a| segment::segment(black_box(&a.text)).tokens.len()).sum::<usize>())
    });
    group.bench_function("actors", |b| {
        b.iter(|| {
            contexts
                .iter()
                .zip(&timexes)
                .map(|(cx, tx)| actors::resolve_around(black_box(cx), tx).mentions.len())
                .sum::<usize>()
        })
    });
    group.bench_function("time", |b| {
        b.iter(|| contexts.iter().map(|cx| time::tag(black_box(cx)).len()).sum::<usize>())
    });
    group.bench_function("events", |b| {
        b.iter(|| {
            contexts
                .iter()
                .zip(&actor_layers)
                .zip(&timexes)
                .map(|((cx, al), tx)| events::code(black_box(cx), al, tx).len())
                .sum::<usize>()
        })
    });
    group.bench_function("claims", |b| {
        b.iter(|| {
            contexts
                .iter()
                .zip(&actor_layers)
                .zip(&timexes)
                .map(|((cx, al), tx)| claims::attribute(black_box(cx), al, tx).len())
                .sum::<usize>()
        })
    });
    let extractor = Extractor::default();
    group.bench_function("extract", |b| {
        b.iter(|| articles.iter().map(|a| extractor.extract(black_box(a)).events.len()).sum::<usize>())
    });
    group.bench_function("extract+json", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| serde_json::to_vec(&extractor.extract(black_box(a))).map_or(0, |v| v.len()))
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
