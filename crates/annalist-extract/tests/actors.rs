//! Fixture tests of the actor layer and the segmenter, one case a line.
//!
//! - `actors/segmentation.tsv`: text, then the expected sentences joined by ` ‖ `.
//! - `actors/resolution.tsv` and `actors/coreference.tsv`: text, a mention's words, then
//!   the expected `kind resolution actor-id code` of the first mention with those words
//!   (code `-` when the actor has none; `none` alone when no mention may have those words).
//!
//! A line starting with `known-failure` holds today's wrong output, with a comment above it
//! saying what is right; it fails when the output changes, so a fix updates the fixture.

use annalist_core::{Article, Metadata};
use annalist_extract::Extractor;

fn cases(fixture: &str) -> impl Iterator<Item = (usize, bool, Vec<&str>)> {
    fixture.lines().enumerate().filter_map(|(i, line)| {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let (known_failure, line) = match line.strip_prefix("known-failure\t") {
            Some(rest) => (true, rest),
            None => (false, line),
        };
        Some((i + 1, known_failure, line.split('\t').collect()))
    })
}

fn record(text: &str, dct: Option<&str>) -> annalist_core::Record {
    let published = dct.and_then(|d| d.parse().ok());
    let article = Article {
        id: "fixture".into(),
        metadata: Metadata { published, ..Metadata::default() },
        text: text.to_owned(),
    };
    Extractor::default().extract(&article)
}

/// What the layer says about the first mention written `words` in `text`.
fn describe(text: &str, words: &str) -> String {
    let (text, dct) = match text.split_once(" @ ") {
        Some((t, d)) => (t, Some(d)),
        None => (text, None),
    };
    let record = record(text, dct);
    let Some(m) = record.mentions.iter().find(|m| m.span.slice(&record.document.text) == words) else {
        return "none".to_owned();
    };
    let actor = record.actors.iter().find(|a| a.id == m.actor);
    let code = actor.and_then(|a| a.code.clone()).unwrap_or_else(|| "-".to_owned());
    format!("{} {} {} {}", serde_name(&m.kind), serde_name(&m.resolution), m.actor, code)
}

/// The name a core enum has in the record (`person`, `metonym`).
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn check_mentions(fixture: &str, file: &str) {
    let mut failures = Vec::new();
    for (line, known_failure, fields) in cases(fixture) {
        let [text, words, expected] = fields[..] else {
            failures.push(format!("{file}:{line}: expected 3 tab-separated fields"));
            continue;
        };
        let got = describe(text, words);
        if got != expected {
            let note = if known_failure { " (a known failure changed: update the fixture)" } else { "" };
            failures.push(format!(
                "{file}:{line}: {words:?} in {text:?}\n  expected {expected}\n  got      {got}{note}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn segmentation() {
    let mut failures = Vec::new();
    for (line, known_failure, fields) in cases(include_str!("actors/segmentation.tsv")) {
        let [text, expected] = fields[..] else {
            failures.push(format!("segmentation.tsv:{line}: expected 2 tab-separated fields"));
            continue;
        };
        let text = text.replace("\\n", "\n");
        let seg = annalist_extract::segment::segment(&text);
        let got: Vec<&str> = seg.sentences.iter().map(|s| s.slice(&text)).collect();
        let got = got.join(" ‖ ");
        if got != expected {
            let note = if known_failure { " (a known failure changed: update the fixture)" } else { "" };
            failures.push(format!("segmentation.tsv:{line}:\n  expected {expected}\n  got      {got}{note}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn resolution() {
    check_mentions(include_str!("actors/resolution.tsv"), "resolution.tsv");
}

#[test]
fn coreference() {
    check_mentions(include_str!("actors/coreference.tsv"), "coreference.tsv");
}

#[test]
fn seed_actors() {
    let text = include_str!("../../../seeds/000_e5fd8d0cf07eb1bc.txt");
    let record = record(text, None);
    let actor = |id: &str| {
        record.actors.iter().find(|a| a.id.as_str() == id).unwrap_or_else(|| panic!("no actor {id}"))
    };
    let lukashenko = actor("alexander-lukashenko");
    assert_eq!((lukashenko.code.as_deref(), lukashenko.country.as_deref()), (Some("BLRGOV"), Some("BLR")));
    let ukr_gov = actor("ukr-gov");
    assert!(ukr_gov.aliases.iter().any(|a| a == "Kiev") && ukr_gov.aliases.iter().any(|a| a == "Kyiv"));
    assert!(actor("blr-gov").aliases.iter().any(|a| a == "Minsk"));
    assert!(actor("rus-gov").aliases.iter().any(|a| a == "Moscow"));
    assert_eq!(actor("ukr-mil").code.as_deref(), Some("UKRMIL"));
    let kursk = actor("rus-kursk");
    assert_eq!((kursk.kind, kursk.country.as_deref()), (annalist_core::ActorKind::Location, Some("RUS")));
}
