//! What the throughput examples share: their arguments (`[RUNS] [STORIES.jsonl]`), the stories
//! they read, this thread's CPU time (so that other load on a shared machine does not count),
//! and the line they print.

#![allow(dead_code)] // each example uses what it needs

use std::path::{Path, PathBuf};

use annalist_core::{DocumentTime, TimeExpr};
use annalist_extract::actors::ActorLayer;
use annalist_extract::{Context, Segmentation, actors, segment, time};

/// One story of a JSON Lines corpus: its text and publication date.
#[derive(Debug)]
pub struct Story {
    pub text: String,
    pub published: Option<DocumentTime>,
}

/// The command line of a throughput example: how many timed runs over the stories (first
/// argument, default 20) and the stories (second argument; default the VOA corpus in
/// `../shared/corpus/voa/` beside the workspace when there is one, else the bench stories).
pub fn args() -> (usize, Vec<Story>) {
    let mut args = std::env::args().skip(1);
    let runs = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let path = args.next().map(PathBuf::from).unwrap_or_else(default_stories);
    (runs, stories(&path))
}

fn default_stories() -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = crate_dir.join("../../../shared/corpus/voa/voa_stories.jsonl");
    if shared.is_file() { shared } else { crate_dir.join("benches/data/voa_stories.jsonl") }
}

/// The stories of a JSON Lines file (`text` and `published` of each line).
pub fn stories(path: &Path) -> Vec<Story> {
    let corpus = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .map(|v| Story {
            published: v["published"].as_str().and_then(|p| p.parse().ok()),
            text: v["text"].as_str().unwrap_or_default().to_owned(),
        })
        .collect()
}

/// The segmentation of each story.
pub fn segment_all(stories: &[Story]) -> Vec<Segmentation> {
    stories.iter().map(|s| segment::segment(&s.text)).collect()
}

/// The context of each story, with its segmentation from [`segment_all`].
pub fn contexts<'a>(stories: &'a [Story], segmentations: &'a [Segmentation]) -> Vec<Context<'a>> {
    stories
        .iter()
        .zip(segmentations)
        .map(|(s, seg)| Context { text: &s.text, segmentation: seg, dct: s.published })
        .collect()
}

/// Bytes of text of `stories`.
pub fn bytes(stories: &[Story]) -> usize {
    stories.iter().map(|s| s.text.len()).sum()
}

/// CPU time of this thread so far, in seconds (`/proc/thread-self/schedstat`, nanoseconds on
/// CPU; Linux); 0 when unreadable.
pub fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// Times `run` (one pass over all stories, returning how many items it found) `runs` times
/// and prints MB per wall-second and per CPU-second.
pub fn time_runs(what: &str, stories: &[Story], runs: usize, mut run: impl FnMut() -> usize) {
    let (wall, cpu) = (std::time::Instant::now(), cpu_seconds());
    let found: usize = (0..runs).map(|_| run()).sum();
    let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let mb = (bytes(stories) * runs) as f64 / 1e6;
    println!(
        "{what}: {} stories, {:.2} MB x {runs} runs, {} items a run: wall {wall:.3} s ({:.1} MB/s), \
         CPU {cpu:.3} s ({:.1} MB per CPU-second)",
        stories.len(),
        bytes(stories) as f64 / 1e6,
        found / runs.max(1),
        mb / wall.max(1e-9),
        mb / cpu.max(1e-9),
    );
}

/// Times a layer that reads the actors and time expressions (events, claims): runs those once
/// per story, then times `layer` (returning how many items it found) over all stories.
pub fn time_layer_over_actors_and_time(
    what: &str,
    layer: impl Fn(&Context<'_>, &ActorLayer, &[TimeExpr]) -> usize,
) {
    let (runs, stories) = args();
    let segmentations = segment_all(&stories);
    let contexts = contexts(&stories, &segmentations);
    let timexes: Vec<_> = contexts.iter().map(time::tag).collect();
    let actor_layers: Vec<_> =
        contexts.iter().zip(&timexes).map(|(cx, t)| actors::resolve_around(cx, t)).collect();
    time_runs(what, &stories, runs, || {
        contexts.iter().zip(&actor_layers).zip(&timexes).map(|((cx, a), t)| layer(cx, a, t)).sum()
    });
}
