//! Throughput of the time tagger (`time::tag`) on the seed article repeated to about 1 MB,
//! with the segmentation done beforehand (it is the segmenter's cost, not the tagger's).
//! Run: `cargo bench -p annalist-extract --bench time`.

use std::hint::black_box;

use annalist_core::DocumentTime;
use annalist_extract::{Context, segment, time};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: &str = include_str!("../../../seeds/000_e5fd8d0cf07eb1bc.txt");

fn bench_time(c: &mut Criterion) {
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(SEED);
        text.push('\n');
    }
    let segmentation = segment::segment(&text);
    let dct: Option<DocumentTime> = "2024-08-20".parse().ok();
    let mut group = c.benchmark_group("time");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("tag", |b| {
        b.iter(|| {
            let cx = Context { text: black_box(&text), segmentation: &segmentation, dct };
            black_box(time::tag(&cx))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_time);
criterion_main!(benches);
