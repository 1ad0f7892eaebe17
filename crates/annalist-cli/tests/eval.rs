//! The evaluation suites of `../shared/eval/`, scored with its `score.py`.
//!
//! Each test annotates a suite with the `annalist` binary, checks the predictions with
//! `check_format.py`, scores them, and holds the scores to floors a little under what was last
//! measured, so a regression fails. The shared folder is not part of the repository: when it
//! (or python3) is missing the tests say so and pass, since the project must build without it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared_eval() -> Option<PathBuf> {
    // ANNALIST_SHARED_EVAL points elsewhere (a git worktree sits one folder deeper).
    let dir = std::env::var_os("ANNALIST_SHARED_EVAL")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"), PathBuf::from);
    let python = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    if dir.join("score.py").exists() && python {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared/eval or python3 not available");
        None
    }
}

/// Annotates `suite` (a file under `shared/eval/data/`) and returns score.py's figures by name.
fn score(suite: &str) -> Option<BTreeMap<String, f64>> {
    score_with_lines(suite).map(|(figures, _)| figures)
}

/// Like [`score`], also returning score.py's report lines (`timex  type DATE  value-correct ...`).
fn score_with_lines(suite: &str) -> Option<(BTreeMap<String, f64>, Vec<String>)> {
    let eval = shared_eval()?;
    let gold = eval.join("data").join(suite);
    let out = Command::new(env!("CARGO_BIN_EXE_annalist")).arg("annotate").arg(&gold).output().unwrap();
    assert!(out.status.success(), "annotate failed: {}", String::from_utf8_lossy(&out.stderr));
    let pred = std::env::temp_dir().join(format!("annalist-eval-{}-{suite}", std::process::id()));
    std::fs::write(&pred, &out.stdout).unwrap();
    let check = Command::new("python3").arg(eval.join("check_format.py")).arg(&pred).output().unwrap();
    assert!(check.status.success(), "check_format: {}", String::from_utf8_lossy(&check.stdout));
    let scored = Command::new("python3")
        .arg(eval.join("score.py"))
        .arg(&gold)
        .arg(&pred)
        .arg("--json")
        .output()
        .unwrap();
    assert!(scored.status.success(), "score.py: {}", String::from_utf8_lossy(&scored.stderr));
    let _ = std::fs::remove_file(&pred);
    let stdout = String::from_utf8(scored.stdout).unwrap();
    eprintln!("{suite}:\n{stdout}");
    let last = stdout.lines().last().unwrap();
    let figures = serde_json::from_str(last).unwrap();
    Some((figures, stdout.lines().map(str::to_owned).collect()))
}

/// The value accuracy of one TIMEX3 type from score.py's lines: `timex  type DATE  value-correct
/// 234/249 (0.940)` gives 234/249.
fn type_accuracy(lines: &[String], timex_type: &str) -> f64 {
    let line = lines
        .iter()
        .find(|l| l.split_whitespace().take(3).eq(["timex", "type", timex_type]))
        .unwrap_or_else(|| panic!("no line for type {timex_type}"));
    let ratio = line.split_whitespace().nth(4).unwrap();
    let (ok, n) = ratio.split_once('/').unwrap();
    ok.parse::<f64>().unwrap() / n.parse::<f64>().unwrap()
}

/// Time expressions: Duckling's English corpus (DATE rows), MEANTIME news and the seed.
/// Measured: duckling-en DATE 0.936, meantime-en value F1 0.854, seed-dev value F1 1.000.
#[test]
fn timex_scores_hold_their_floors() {
    let Some((_, lines)) = score_with_lines("duckling-en.jsonl") else { return };
    let date = type_accuracy(&lines, "DATE");
    assert!(date >= 0.91, "duckling-en DATE value accuracy {date:.3} under its floor");
    let Some(meantime) = score("meantime-en.jsonl") else { return };
    let f1 = meantime["timex value F1"];
    assert!(f1 >= 0.83, "meantime-en timex value F1 {f1:.3} under its floor");
    let Some(seed) = score("seed-dev.jsonl") else { return };
    let f1 = seed["timex value F1"];
    assert!(f1 >= 0.98, "seed-dev timex value F1 {f1:.3} under its floor");
}

#[test]
fn seed_dev_predictions_are_well_formed_and_scored() {
    let Some(figures) = score("seed-dev.jsonl") else { return };
    for layer in ["timex value F1", "event type F1", "attribution F1", "mention F1"] {
        assert!(figures.contains_key(layer), "{layer} not scored: {figures:?}");
    }
}
