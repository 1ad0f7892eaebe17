//! Fixture tests of the event coder: one sentence a line in `tests/events/*.tsv`, with the
//! events expected of it. Known failures are kept with today's output, so a change in them
//! is noticed (and the fixture then updated).

use annalist_core::{Article, Event, Metadata, Record};
use annalist_extract::Extractor;

fn extract(sentence: &str) -> Record {
    let article = Article { id: "fixture".into(), metadata: Metadata::default(), text: sentence.to_owned() };
    Extractor::default().extract(&article)
}

/// What a fixture file compares of each event.
#[derive(Clone, Copy)]
enum Projection {
    /// `TYPE modality`: "RETREAT future".
    Modality,
    /// `TYPE/mode`: "THREATEN/expel", or `TYPE` when there is no mode.
    TypeMode,
    /// `TYPE source>target` with the first three letters of the participants' codes:
    /// "ACCUSE BLR>UKR".
    Dyad,
    /// `TYPE source>target` with every participant's whole code, in order, `-` for one
    /// without a code: "ASSAULT RUS,RUSMIL>UKRGOV".
    Participants,
}

fn show(record: &Record, event: &Event, projection: Projection) -> String {
    let _ = record;
    let codes = |list: &[annalist_core::Participant]| -> String {
        let mut c: Vec<String> =
            list.iter().filter_map(|p| p.code.as_deref()).map(|c| c.chars().take(3).collect()).collect();
        c.sort();
        c.dedup();
        c.join(",")
    };
    let whole_codes = |list: &[annalist_core::Participant]| -> String {
        let c: Vec<&str> = list.iter().map(|p| p.code.as_deref().unwrap_or("-")).collect();
        c.join(",")
    };
    match projection {
        Projection::Modality => {
            format!(
                "{} {}",
                event.event_type.as_str(),
                serde_json::to_value(event.modality).unwrap().as_str().unwrap()
            )
        }
        Projection::TypeMode => match &event.mode {
            Some(mode) => format!("{}/{mode}", event.event_type.as_str()),
            None => event.event_type.as_str().to_owned(),
        },
        Projection::Dyad => {
            format!("{} {}>{}", event.event_type.as_str(), codes(&event.source), codes(&event.target))
        }
        Projection::Participants => format!(
            "{} {}>{}",
            event.event_type.as_str(),
            whole_codes(&event.source),
            whole_codes(&event.target)
        ),
    }
}

fn check_file(name: &str, text: &str, projection: Projection) {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let (sentence, expected) = (fields[0], fields.get(1).copied().unwrap_or(""));
        let today = fields.get(2).copied().filter(|t| !t.is_empty());
        let record = extract(sentence);
        let got: Vec<String> = record.events.iter().map(|e| show(&record, e, projection)).collect();
        let got = got.join("; ");
        let want = today.unwrap_or(expected);
        cases += 1;
        if got != want {
            let kind = if today.is_some() { "known failure changed" } else { "wrong" };
            failures
                .push(format!("{name}:{}: {kind}: {sentence}\n    want {want:?}\n    got  {got:?}", n + 1));
        }
    }
    assert!(cases > 0, "{name} has no cases");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn modality_is_marked() {
    check_file("modality.tsv", include_str!("events/modality.tsv"), Projection::Modality);
}

#[test]
fn types_and_modes_are_coded() {
    check_file("types.tsv", include_str!("events/types.tsv"), Projection::TypeMode);
}

#[test]
fn sources_and_targets_come_from_the_clause() {
    check_file("dyads.tsv", include_str!("events/dyads.tsv"), Projection::Dyad);
}

#[test]
fn each_participant_is_named_once() {
    check_file("participants.tsv", include_str!("events/participants.tsv"), Projection::Participants);
}

/// Every pattern of `data/events/patterns.tsv` codes its own example with its type: a pattern
/// whose words no longer match (an inflected form written where a lemma belongs turns that
/// form into a lemma of its own, and the patterns of the true lemma stop matching it) fails
/// here. The example is coded as a sentence of its own.
#[test]
fn every_pattern_codes_its_example() {
    let patterns = include_str!("../data/events/patterns.tsv");
    let mut failures = Vec::new();
    for (n, line) in patterns.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let (coding, example) = (fields[1], fields.get(4).copied().unwrap_or(""));
        if matches!(coding, "-" | "=") || example.is_empty() {
            continue;
        }
        let record = extract(&format!("{example}."));
        if !record.events.iter().any(|e| e.event_type.as_str() == coding) {
            let got: Vec<&str> = record.events.iter().map(|e| e.event_type.as_str()).collect();
            failures.push(format!("patterns.tsv:{}: {example:?} codes {got:?}, not {coding}", n + 1));
        }
    }
    assert!(failures.is_empty(), "{} examples:\n{}", failures.len(), failures.join("\n"));
}
