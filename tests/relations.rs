//! The relations ledger end to end: on the seed, Belarus–Ukraine shows cooperation and
//! conflict, Belarus–Russia is cooperative on balance, and every observation links to its
//! sentence; on the VOA corpus (when `../shared` is there) the ledger builds and every
//! observation's evidence is its sentence.

use std::path::Path;

use annalist_core::{Corpus, Modality, Relation};
use annalist_extract::{Extractor, corpus};
use annalist_input::{Inputs, Source};

fn corpus_of(path: &Path) -> Corpus {
    let extractor = Extractor::default();
    let records = Inputs::new([Source::Path(path.to_owned())])
        .map(|article| extractor.extract(&article.expect("readable input")))
        .collect();
    corpus::assemble(records)
}

fn asserted(relations: &[Relation], a: &str, b: &str) -> Vec<f32> {
    relations
        .iter()
        .filter(|r| r.actors == [a.to_owned(), b.to_owned()])
        .flat_map(|r| &r.observations)
        .filter(|o| o.modality == Modality::Asserted)
        .map(|o| o.polarity)
        .collect()
}

fn check_evidence(corpus: &Corpus) {
    for relation in &corpus.relations {
        assert!(relation.actors[0] < relation.actors[1], "pair sorted and distinct: {:?}", relation.actors);
        for o in &relation.observations {
            let record = corpus.records.iter().find(|r| r.document.id == o.evidence.document).unwrap();
            let sentence = record.document.sentences[o.evidence.sentence].span;
            let full = sentence.slice(&record.document.text);
            let quoted = o.evidence.sentence_text.as_str();
            let cut = quoted.strip_suffix('…').is_some_and(|q| full.starts_with(q.trim_end()));
            assert!(quoted == full || cut, "evidence quotes its sentence: {quoted:?}");
            assert!(sentence.contains(o.evidence.span), "evidence span inside its sentence");
            assert!((-1.0..=1.0).contains(&o.polarity));
        }
        assert!(!relation.periods.is_empty(), "a ledger relation sums up its periods");
    }
}

#[test]
fn seed_ledger_shows_cooperation_and_conflict() {
    let corpus = corpus_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    check_evidence(&corpus);
    let blr_ukr = asserted(&corpus.relations, "BLR", "UKR");
    assert!(blr_ukr.iter().any(|p| *p > 0.0), "cooperative Belarus–Ukraine observations: {blr_ukr:?}");
    assert!(
        blr_ukr.iter().filter(|p| **p < 0.0).count() >= 3,
        "conflictual Belarus–Ukraine observations: {blr_ukr:?}"
    );
    let blr_rus = asserted(&corpus.relations, "BLR", "RUS");
    let mean = blr_rus.iter().sum::<f32>() / blr_rus.len().max(1) as f32;
    assert!(mean > 0.0, "Belarus–Russia cooperative on balance: {blr_rus:?}");
}

#[test]
fn voa_ledger_builds_with_evidence() {
    let voa = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/voa/voa_stories.jsonl");
    if !voa.exists() {
        eprintln!("skipped: {} not available", voa.display());
        return;
    }
    let corpus = corpus_of(&voa);
    assert!(corpus.records.len() > 80);
    assert!(corpus.relations.len() > 20, "only {} relations", corpus.relations.len());
    check_evidence(&corpus);
}
