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
    let eval = shared_eval()?;
    let gold = eval.join("data").join(suite);
    let out = Command::new(env!("CARGO_BIN_EXE_annalist")).arg("annotate").arg(&gold).output().unwrap();
    assert!(out.status.success(), "annotate failed: {}", String::from_utf8_lossy(&out.stderr));
    // Tests run in parallel threads and may score the same suite: each call gets its own file.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let pred = std::env::temp_dir().join(format!("annalist-eval-{}-{call}-{suite}", std::process::id()));
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
    let mut figures: BTreeMap<String, f64> = serde_json::from_str(last).unwrap();
    // Source accuracy is printed only on score.py's text line "attrib content ... source accuracy X (n/m)".
    let source_accuracy = stdout.lines().find_map(|l| {
        let rest = l.strip_prefix("attrib content")?.split("source accuracy").nth(1)?;
        rest.split_whitespace().next()?.parse::<f64>().ok()
    });
    if let Some(accuracy) = source_accuracy {
        figures.insert("attribution source accuracy".to_owned(), accuracy);
    }
    // The dyad figures are printed but not in the last line: "event  dyad P 0.5 R 0.5 F1 0.5".
    if let Some(dyad) = stdout.lines().find_map(|l| l.strip_prefix("event  dyad ")) {
        let words: Vec<&str> = dyad.split_whitespace().collect();
        for pair in words.windows(2).take(6) {
            if let (name @ ("P" | "R" | "F1"), Ok(value)) = (pair[0], pair[1].parse::<f64>()) {
                figures.insert(format!("event dyad {name}"), value);
            }
        }
    }
    // Value accuracy a TIMEX3 type: "timex  type DATE      value-correct 234/249 (0.940)".
    for line in stdout.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let ["timex", "type", timex_type, "value-correct", ratio, ..] = words[..]
            && let Some((ok, n)) = ratio.split_once('/')
            && let (Ok(ok), Ok(n)) = (ok.parse::<f64>(), n.parse::<f64>())
        {
            figures.insert(format!("timex {timex_type} value accuracy"), ok / n);
        }
    }
    Some(figures)
}

#[test]
fn seed_dev_predictions_are_well_formed_and_scored() {
    let Some(figures) = score("seed-dev.jsonl") else { return };
    for layer in ["timex value F1", "event type F1", "attribution F1", "mention F1"] {
        assert!(figures.contains_key(layer), "{layer} not scored: {figures:?}");
    }
}

/// Actor mentions (names and groups that speak): seed-dev measured 0.991 and MEANTIME 0.592
/// relaxed F1 (spaCy en_core_web_sm: 0.615 and 0.570 on the same files).
#[test]
fn mention_f1_holds_its_floors() {
    for (suite, floor) in [("seed-dev.jsonl", 0.97), ("meantime-en.jsonl", 0.57)] {
        let Some(figures) = score(suite) else { return };
        let f1 = figures.get("mention F1").copied().unwrap_or(0.0);
        assert!(f1 >= floor, "{suite}: mention F1 {f1:.3} fell under {floor}");
    }
}

/// Event coding on PLOVER's gold records (CAMEO manual examples) and the seed article. The
/// floors sit a little under what was measured (plover-gsr-dev type F1 0.905, dyad F1 0.707
/// with the context countries of events and objects that end where a clause of their own
/// begins; see the events report).
#[test]
fn events_reach_their_floors() {
    if let Some(plover) = score("plover-gsr-dev.jsonl") {
        assert!(plover["event type F1"] >= PLOVER_TYPE_F1, "plover-gsr-dev event type F1 {plover:?}");
        assert!(plover["event dyad F1"] >= PLOVER_DYAD_F1, "plover-gsr-dev event dyad F1 {plover:?}");
    }
    if let Some(seed) = score("seed-dev.jsonl") {
        assert!(seed["event dyad R"] >= SEED_DYAD_RECALL, "seed-dev event dyad recall {seed:?}");
    }
}

const PLOVER_TYPE_F1: f64 = 0.89;
const PLOVER_DYAD_F1: f64 = 0.67;
const SEED_DYAD_RECALL: f64 = 0.98;

#[test]
fn seed_dev_attributions_hold_their_floors() {
    let Some(figures) = score("seed-dev.jsonl") else { return };
    // Measured: attribution content F1 0.875 (7 of 7 gold found, 9 predicted), source accuracy 1.000.
    let f1 = figures["attribution F1"];
    assert!(f1 >= 0.855, "attribution F1 {f1} fell under its floor 0.855");
    let accuracy = figures["attribution source accuracy"];
    assert!(accuracy >= 0.98, "attribution source accuracy {accuracy} fell under its floor 0.98");
}

/// Time expressions: Duckling's English corpus (DATE rows), MEANTIME news and the seed.
/// Measured: duckling-en DATE 0.944, meantime-en value F1 0.871, seed-dev value F1 1.000,
/// duckling-en-holidays value F1 0.686 (0.488 before names of holidays that suite showed
/// missing were added; most misses left are compounds such as "thanksgiving in 9 months", bare
/// names Duckling dates at their next occurrence, and Jewish and some Hindu and Islamic days,
/// which Duckling dates by the evening they begin or its own tables and annalist by their day).
#[test]
fn timex_scores_hold_their_floors() {
    if let Some(duckling) = score("duckling-en.jsonl") {
        let date = duckling["timex DATE value accuracy"];
        assert!(date >= 0.91, "duckling-en DATE value accuracy {date:.3} under its floor 0.91");
    }
    if let Some(meantime) = score("meantime-en.jsonl") {
        let f1 = meantime["timex value F1"];
        assert!(f1 >= 0.85, "meantime-en timex value F1 {f1:.3} under its floor 0.85");
    }
    if let Some(holidays) = score("duckling-en-holidays.jsonl") {
        let f1 = holidays["timex value F1"];
        assert!(f1 >= 0.66, "duckling-en-holidays timex value F1 {f1:.3} under its floor 0.66");
    }
    if let Some(seed) = score("seed-dev.jsonl") {
        let f1 = seed["timex value F1"];
        assert!(f1 >= 0.98, "seed-dev timex value F1 {f1:.3} under its floor 0.98");
    }
}
