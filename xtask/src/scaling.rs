//! `cargo xtask bench-scaling`: shows that extraction time grows linearly with input size.
//!
//! Builds the release `annalist`, then extracts inputs of size N and 2N (a line of words with no
//! punctuation — the worst case for sentence and clause scanning —, reporting cues with no
//! sentence stop — the worst case for the claim rules' scans around a cue —, sentences each
//! opened by a different capitalised common word that acts — the worst case for asking how
//! the rest of the document writes a word —, titles whose departments run on into an endless
//! capitalised line — the worst case for reading a name's run of words —, series of names
//! before their verbs with no stop — the worst case for reading a subject back past
//! commas —, "would" with no past before it and no stop — the worst case for reading back
//! for a past —, objects of control and places after participants with no stop, and real
//! article text repeated) and prints the
//! best-of-three times and their ratio. Twice the input must take at most 2.5 times as long;
//! the task fails otherwise.

use std::fs;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};

use crate::workspace_root;

/// The largest time ratio accepted for twice the input.
const MAX_RATIO: f64 = 2.5;
const RUNS: usize = 3;

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let megabytes: usize = match args {
        [] => 5,
        [flag, n] if flag == "--mb" => n.parse().context("--mb takes a whole number")?,
        _ => bail!("usage: cargo xtask bench-scaling [--mb N]   (sizes N and 2N MB; default 5)"),
    };
    let root = workspace_root();
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "-p", "annalist-cli"])
        .current_dir(&root)
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build --release failed");
    }
    let binary = root.join("target/release/annalist");
    let dir = std::env::temp_dir().join(format!("annalist-scaling-{}", std::process::id()));
    fs::create_dir_all(&dir)?;
    let article = first_article(&root.join("seeds"))?;
    let mut failed = false;
    // Each kind of claim cue, repeated into one sentence, with events reported after them
    // (whose subjects are looked for past the cues).
    let cues = "he said Kyiv said, \"a b c,\" said Kyiv according to Kyiv, in Moscow's view and said \
                Russia attacked Kyiv and told Minsk it attacked the Minsk accords and said ";
    for (name, unit) in [
        ("one line, no punctuation", "word ".to_owned()),
        ("reported speech, no stop", cues.to_owned()),
        ("common words opening", common_words_opening(&root)?),
        // Titles whose departments run on into a capitalised line with no end.
        ("titles, no stop", "Secretary of State State State Defense ".to_owned()),
        // Series of names before their verbs, each event's subject read back past commas.
        ("series of names, no stop", "Greece, Panama, Chile and Peru attacked Iran, ".to_owned()),
        // Modals with no past before them, each read back for one ("would" after a past is
        // an intention, else a condition).
        ("conditionals, no stop", "Ukraine would attack Minsk and ".to_owned()),
        // Places after participants, each read back for a preposition; objects of control.
        (
            "places and controllers, no stop",
            "Kyiv expects Greece and Panama to attack positions near the Polish border, ".to_owned(),
        ),
        ("article text", article + "\n"),
    ] {
        let mut times = Vec::new();
        for size in [megabytes, 2 * megabytes] {
            let text = unit.repeat((size << 20) / unit.len() + 1);
            let path = dir.join(format!("{size}.txt"));
            fs::write(&path, &text)?;
            times.push(best_of(&binary, &path)?);
        }
        let ratio = times[1].as_secs_f64() / times[0].as_secs_f64().max(1e-9);
        let verdict = if ratio <= MAX_RATIO { "ok" } else { "TOO SLOW" };
        failed |= ratio > MAX_RATIO;
        println!(
            "{name:<26} {megabytes:>3} MB {:>7.3} s   {:>3} MB {:>7.3} s   ratio {ratio:.2} (limit {MAX_RATIO}) {verdict}",
            times[0].as_secs_f64(),
            2 * megabytes,
            times[1].as_secs_f64(),
        );
    }
    let _ = fs::remove_dir_all(&dir);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// "Survivors said so. Believe said so. ...": one sentence for each common word of the
/// actors' list, capitalised and acting, so that none is written in lower case.
fn common_words_opening(root: &Path) -> anyhow::Result<String> {
    let path = root.join("crates/annalist-extract/data/gazetteer/common_words.tsv");
    let words = fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut text = String::new();
    for word in words.lines().filter(|l| !l.starts_with('#')) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            text.extend(first.to_uppercase());
            text.push_str(chars.as_str());
            text.push_str(" said so. ");
        }
    }
    Ok(text)
}

fn best_of(binary: &Path, input: &Path) -> anyhow::Result<Duration> {
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let started = Instant::now();
        let status = Command::new(binary)
            .args(["extract", "--jsonl"])
            .arg(input)
            .stdout(Stdio::null())
            .status()
            .context("running annalist")?;
        if !status.success() {
            bail!("annalist extract failed on {}", input.display());
        }
        best = best.min(started.elapsed());
    }
    Ok(best)
}

/// The text of the first article (by name) in `folder`: whatever the analyst keeps in `seeds/`.
fn first_article(folder: &Path) -> anyhow::Result<String> {
    let mut names: Vec<_> = fs::read_dir(folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    names.sort();
    let first = names.first().with_context(|| format!("no .txt or .md article in {}", folder.display()))?;
    fs::read_to_string(first).with_context(|| format!("reading {}", first.display()))
}
