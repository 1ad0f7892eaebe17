//! End to end: every article under `seeds/` and `tests/articles/` is read, extracted, checked
//! against the record's invariants, and its JSON record locked by a snapshot.

use std::path::Path;

use annalist_core::Record;
use annalist_extract::Extractor;
use annalist_input::{Inputs, Source};

fn extract(path: &Path) -> Record {
    let mut inputs = Inputs::new([Source::Path(path.to_owned())]);
    let article = inputs.next().expect("one article").expect("readable article");
    Extractor::default().extract(&article)
}

/// Invariants that hold for every record, checked before the snapshot so the snapshot only
/// has to catch change.
fn check_invariants(record: &Record) {
    record.validate().unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_string(record).unwrap();
    let back: Record = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, record, "JSON round trip");
    let again = serde_json::to_string(&Extractor::default().extract(&annalist_core::Article {
        id: record.document.id.clone(),
        metadata: record.document.metadata.clone(),
        text: record.document.text.clone(),
    }))
    .unwrap();
    assert_eq!(json, again, "extraction is deterministic");
}

#[test]
fn seed_records() {
    insta::glob!("../seeds", "*.txt", |path| {
        let record = extract(path);
        check_invariants(&record);
        insta::assert_json_snapshot!(record);
    });
}

#[test]
fn fixture_records() {
    insta::glob!("articles/*.*", |path| {
        let record = extract(path);
        check_invariants(&record);
        insta::assert_json_snapshot!(record);
    });
}
