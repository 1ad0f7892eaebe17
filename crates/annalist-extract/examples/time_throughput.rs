//! Throughput of the time layer in CPU time: `time::tag` over the VOA bench stories, and
//! `time::attach` called at every word of them (more calls than the pipeline makes), checked
//! against a straightforward reference reading of the attachment rule. Also times `attach` on
//! one long sentence full of dates, where a per-call scan would be quadratic.
//!
//! The stories are `$VOA`, by default `/work/shared/corpus/voa/voa_stories.jsonl` (else the
//! bench data).
//!
//! `cargo run --release -p annalist-extract --example time_throughput [ROUNDS] [SUITE.jsonl...]`
//! (the suites, in the evaluation format, are only checked for attachment, not timed).

#[path = "measure/mod.rs"]
mod measure;
use measure::cpu_seconds;

use std::hint::black_box;

use annalist_core::{DocumentTime, Span, TimeExpr, TimeId, TimexType};
use annalist_extract::segment::TokenKind;
use annalist_extract::{Context, segment, time};

/// (text, dct) of each line of a JSON Lines file, reading `text_key` and `dct_key`.
fn documents(jsonl: &str, dct_key: &str) -> Vec<(String, Option<DocumentTime>)> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| {
            let dct = v[dct_key].as_str().and_then(|p| p.parse().ok());
            (v["text"].as_str().unwrap_or_default().to_owned(), dct)
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let suites: Vec<String> = args.collect();

    let corpus = std::env::var("VOA").unwrap_or_else(|_| "/work/shared/corpus/voa/voa_stories.jsonl".into());
    let corpus = std::fs::read_to_string(&corpus)
        .unwrap_or_else(|_| include_str!("../benches/data/voa_stories.jsonl").to_owned());
    let stories = documents(&corpus, "published");
    let bytes: usize = stories.iter().map(|(t, _)| t.len()).sum();
    let segmentations: Vec<_> = stories.iter().map(|(t, _)| segment::segment(t)).collect();
    let contexts: Vec<Context<'_>> = stories
        .iter()
        .zip(&segmentations)
        .map(|((t, d), s)| Context { text: t, segmentation: s, dct: *d })
        .collect();

    // time::tag
    let start = cpu_seconds();
    let mut count = 0;
    for _ in 0..rounds {
        count += contexts.iter().map(|cx| black_box(time::tag(black_box(cx))).len()).sum::<usize>();
    }
    let cpu = cpu_seconds() - start;
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "tag: {} stories, {:.2} MB x {rounds}: {cpu:.3} CPU-s, {:.1} MB per CPU-second ({} timexes/round)",
        stories.len(),
        bytes as f64 / 1e6,
        mb / cpu,
        count / rounds
    );

    if std::env::var_os("TAG_ONLY").is_some() {
        return;
    }

    // time::attach at every word, against the reference.
    let timexes: Vec<Vec<TimeExpr>> = contexts.iter().map(time::tag).collect();
    let points = |cx: &Context<'_>| -> Vec<Span> {
        cx.segmentation.tokens.iter().filter(|t| t.kind == TokenKind::Word).map(|t| t.span).collect()
    };
    let mut calls = 0;
    let start = cpu_seconds();
    for _ in 0..rounds {
        for (cx, tx) in contexts.iter().zip(&timexes) {
            for at in points(cx) {
                black_box(time::attach(cx, tx, at));
                calls += 1;
            }
        }
    }
    let cpu = cpu_seconds() - start;
    println!("attach: {calls} calls: {cpu:.3} CPU-s, {:.1} MB per CPU-second", mb / cpu);
    let start = cpu_seconds();
    for _ in 0..rounds {
        for (cx, tx) in contexts.iter().zip(&timexes) {
            for at in points(cx) {
                black_box(reference_attach(cx, tx, at));
            }
        }
    }
    let cpu = cpu_seconds() - start;
    println!("reference attach (the former code): {cpu:.3} CPU-s, {:.1} MB per CPU-second", mb / cpu);

    let mut checked = 0;
    let mut differ = 0;
    let mut check = |cx: &Context<'_>, tx: &[TimeExpr]| {
        for at in cx.segmentation.tokens.iter().map(|t| t.span) {
            let got = time::attach(cx, tx, at);
            let want = reference_attach(cx, tx, at);
            checked += 1;
            if got != want {
                differ += 1;
                if differ <= 10 {
                    eprintln!("attach differs at {at:?}: {got:?} vs reference {want:?}");
                }
            }
        }
    };
    for (cx, tx) in contexts.iter().zip(&timexes) {
        check(cx, tx);
    }
    for suite in &suites {
        let text = std::fs::read_to_string(suite).expect("readable suite");
        for (text, dct) in documents(&text, "dct") {
            let segmentation = segment::segment(&text);
            let cx = Context { text: &text, segmentation: &segmentation, dct };
            let tx = time::tag(&cx);
            check(&cx, &tx);
        }
    }
    println!("attach checked at {checked} tokens against the reference: {differ} differ");

    // One long sentence full of dates and items.
    for repeats in long_repeats() {
        let text = "on Monday he said that on 12 May 2020 they met, and ".repeat(repeats);
        let segmentation = segment::segment(&text);
        let cx = Context { text: &text, segmentation: &segmentation, dct: "2024-08-20".parse().ok() };
        let start = cpu_seconds();
        let tx = time::tag(&cx);
        let tag_cpu = cpu_seconds() - start;
        let start = cpu_seconds();
        let mut n = 0;
        for at in points(&cx) {
            black_box(time::attach(&cx, &tx, at));
            n += 1;
        }
        let cpu = cpu_seconds() - start;
        println!(
            "long sentence {:.2} MB, {} timexes: tag {tag_cpu:.3} CPU-s, {n} attach calls {cpu:.3} CPU-s",
            text.len() as f64 / 1e6,
            tx.len()
        );
    }
}

/// The attachment rule read plainly (the time layer's original code): the nearest date in
/// the same clause, else in the same sentence, else the last calendar date before.
fn reference_attach(cx: &Context<'_>, timexes: &[TimeExpr], at: Span) -> Option<TimeId> {
    let dates = || timexes.iter().filter(|t| dates_an_item(t));
    dates().next()?;
    if let Some(sentence) = cx.segmentation.sentence_at(at.start) {
        let nearest = |same_clause: bool| {
            dates()
                .filter(|t| cx.segmentation.sentence_at(t.span.start) == Some(sentence))
                .filter(|t| !same_clause || in_same_clause(cx, at, t.span))
                .min_by_key(|t| (t.span.start.abs_diff(at.start), t.span.start))
                .map(|t| t.id.clone())
        };
        if let Some(id) = nearest(true).or_else(|| nearest(false)) {
            return Some(id);
        }
    }
    dates().rfind(|t| t.span.end <= at.start && is_calendar(t)).map(|t| t.id.clone())
}

fn dates_an_item(t: &TimeExpr) -> bool {
    matches!(t.timex_type, TimexType::Date | TimexType::Time) && !t.value.ends_with("_REF")
}

fn is_calendar(t: &TimeExpr) -> bool {
    t.value.starts_with(|c: char| c.is_ascii_digit()) || t.value.starts_with("XXXX-")
}

fn in_same_clause(cx: &Context<'_>, a: Span, b: Span) -> bool {
    const CLAUSE_TOKENS: usize = 40;
    let (first, last) = if a.start <= b.start { (a, b) } else { (b, a) };
    let tokens = &cx.segmentation.tokens;
    let from = tokens.partition_point(|t| t.span.start < first.end);
    let to = tokens.partition_point(|t| t.span.end <= last.start);
    if to.saturating_sub(from) > CLAUSE_TOKENS {
        return false;
    }
    (from..to).all(|k| {
        let text = tokens[k].span.slice(cx.text);
        let next = tokens.get(k + 1).map_or("", |n| n.span.slice(cx.text));
        let boundary = matches!(text, ";" | ":" | "—" | "–")
            || (text == ","
                && matches!(
                    next,
                    "but" | "and" | "while" | "whereas" | "although" | "though" | "because" | "so"
                ));
        !boundary
    })
}

/// Repeats of the long-sentence unit: `LONG_REPEATS=1000,4000` (the default).
fn long_repeats() -> Vec<usize> {
    std::env::var("LONG_REPEATS")
        .unwrap_or_else(|_| "1000,4000".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}
