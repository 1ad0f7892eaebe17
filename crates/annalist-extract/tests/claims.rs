//! Claim fixtures: attribution (source, cue, content), certainty and claim links, one case a
//! line in `tests/claims/*.tsv`, run through the whole pipeline. Known failures are recorded
//! with today's wrong output and marked `known`, so any change to them is noticed.

use annalist_core::{Article, Certainty, Claim, ClaimLinkKind, Metadata, Record, Span};
use annalist_extract::{Context, Extractor, actors, claims, segment};

fn extract(text: &str) -> Record {
    let article = Article { id: "fixture".into(), metadata: Metadata::default(), text: text.to_owned() };
    Extractor::default().extract(&article)
}

/// The data rows of a fixture file: fields of each non-comment line, with its line number.
fn rows(source: &str) -> Vec<(usize, Vec<&str>)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
        .collect()
}

fn text_of(record: &Record, span: Option<Span>) -> String {
    span.map_or_else(|| "-".to_owned(), |s| s.slice(&record.document.text).to_owned())
}

/// Checks every row of a fixture, collecting failures so one run reports them all.
fn check_all(file: &str, source: &str, check: impl Fn(&[&str]) -> Result<(), String>) {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (line, fields) in rows(source) {
        cases += 1;
        let status = fields[0];
        assert!(matches!(status, "ok" | "known"), "{file}:{line}: status must be ok or known");
        if let Err(e) = check(&fields[1..]) {
            let note =
                if status == "known" { " (a known failure changed: fixed? then mark it ok)" } else { "" };
            failures.push(format!("{file}:{line}{note}: {e}"));
        }
    }
    assert!(cases > 0, "{file} has no cases");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}

fn reported(record: &Record) -> Vec<&Claim> {
    record.claims.iter().filter(|c| c.cue.is_some()).collect()
}

#[test]
fn attribution_fixtures() {
    check_all("attribution.tsv", include_str!("claims/attribution.tsv"), |f| {
        let [text, source, cue, content, ..] = f else { return Err(format!("needs 4 fields: {f:?}")) };
        let record = extract(text);
        let claims = reported(&record);
        if *cue == "-" {
            return match claims.first() {
                None => Ok(()),
                Some(c) => Err(format!("expected no attribution, got cue {:?}", text_of(&record, c.cue))),
            };
        }
        if let Some(absent) = cue.strip_prefix('!') {
            return match claims.iter().find(|c| text_of(&record, c.cue) == absent) {
                None => Ok(()),
                Some(c) => Err(format!(
                    "expected no attribution with cue {absent:?}, got source {:?} content {:?}",
                    text_of(&record, c.source.span()),
                    text_of(&record, Some(c.content))
                )),
            };
        }
        let Some(claim) = claims.iter().find(|c| text_of(&record, c.cue) == *cue) else {
            let cues: Vec<String> = claims.iter().map(|c| text_of(&record, c.cue)).collect();
            return Err(format!("no attribution with cue {cue:?}; cues: {cues:?}"));
        };
        let got = (text_of(&record, claim.source.span()), text_of(&record, Some(claim.content)));
        if (got.0.as_str(), got.1.as_str()) == (*source, *content) {
            Ok(())
        } else {
            Err(format!("{text:?}: expected source {source:?} content {content:?}, got {got:?}"))
        }
    });
}

#[test]
fn certainty_fixtures() {
    check_all("certainty.tsv", include_str!("claims/certainty.tsv"), |f| {
        let [text, level, cues, ..] = f else { return Err(format!("needs 3 fields: {f:?}")) };
        let record = extract(text);
        let Some(claim) = record.claims.first() else { return Err(format!("{text:?}: no claim")) };
        let got_level = match claim.certainty {
            Certainty::Low => "low",
            Certainty::Moderate => "moderate",
            Certainty::Plain => "plain",
            Certainty::High => "high",
        };
        let got_cues: Vec<String> =
            claim.certainty_cues.iter().map(|c| text_of(&record, Some(c.span))).collect();
        let got_cues = if got_cues.is_empty() { "-".to_owned() } else { got_cues.join(",") };
        if (got_level, got_cues.as_str()) == (*level, *cues) {
            Ok(())
        } else {
            Err(format!("{text:?}: expected {level} [{cues}], got {got_level} [{got_cues}]"))
        }
    });
}

#[test]
fn link_fixtures() {
    check_all("links.tsv", include_str!("claims/links.tsv"), |f| {
        let [text, expected, ..] = f else { return Err(format!("needs 2 fields: {f:?}")) };
        let record = extract(text);
        let links: Vec<String> = record
            .claims
            .iter()
            .flat_map(|c| {
                c.links.iter().map(move |l| {
                    let kind = match l.kind {
                        ClaimLinkKind::Disputes => "disputes",
                        ClaimLinkKind::Supports => "supports",
                    };
                    format!("{} {kind} {}", c.id, l.claim)
                })
            })
            .collect();
        let got = if links.is_empty() { "-".to_owned() } else { links.join(";") };
        if got == *expected { Ok(()) } else { Err(format!("{text:?}: expected {expected}, got {got}")) }
    });
}

#[test]
fn odd_text_never_panics_and_spans_stay_valid() {
    for text in [
        "",
        "said",
        "\" said \"",
        "according to",
        "In the view of",
        "“Unclosed quote, he said",
        "He said: “",
        "— said — — said ,",
        "Ünïcödé said that ümlauts — “ä” — matter.",
        "in X’s view",
    ] {
        let record = extract(text);
        record.validate().unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

/// Text without sentence stops is one long sentence: the claim rules, bounded to stay linear
/// there, still find the claims of each kind of cue. That the time stays linear is shown by
/// `cargo xtask bench-scaling` (its reported-speech input repeats these cues), not by a timed
/// test. The layer runs on the real segmentation and actors, without time expressions.
#[test]
fn long_sentences_keep_their_claims() {
    for unit in
        ["he said ", "Kyiv said, ", "\"a b c,\" said Kyiv ", "according to Kyiv, ", "in Moscow's view "]
    {
        let text = unit.repeat(1_600);
        let segmentation = segment::segment(&text);
        let cx = Context { text: &text, segmentation: &segmentation, dct: None };
        let actors = actors::resolve(&cx);
        let found = claims::attribute(&cx, &actors, &[]);
        assert!(!found.is_empty(), "{unit:?}: no claims found");
    }
}

#[test]
fn source_actor_fixtures() {
    check_all("source_actors.tsv", include_str!("claims/source_actors.tsv"), |f| {
        let [text, words, expected, ..] = f else { return Err(format!("needs 3 fields: {f:?}")) };
        let record = extract(text);
        let claims = reported(&record);
        let Some(claim) = claims.iter().find(|c| text_of(&record, c.source.span()) == *words) else {
            let sources: Vec<String> = claims.iter().map(|c| text_of(&record, c.source.span())).collect();
            return Err(format!("{text:?}: no claim with source words {words:?}; sources: {sources:?}"));
        };
        let got = match &claim.source {
            annalist_core::ClaimSource::Actor { actor, .. } => actor.as_str().to_owned(),
            annalist_core::ClaimSource::Author { .. } => "author".to_owned(),
            annalist_core::ClaimSource::Unnamed { .. } => "unnamed".to_owned(),
            other => format!("{other:?}"),
        };
        if got == *expected { Ok(()) } else { Err(format!("{text:?}: expected {expected}, got {got}")) }
    });
}

#[test]
fn continued_quotation_fixtures() {
    check_all("continued.tsv", include_str!("claims/continued.tsv"), |f| {
        let [text, content, expected, ..] = f else { return Err(format!("needs 3 fields: {f:?}")) };
        let record = extract(text);
        let claim = record.claims.iter().find(|c| text_of(&record, Some(c.content)) == *content);
        let got = match claim.map(|c| &c.source) {
            None => "-".to_owned(),
            Some(annalist_core::ClaimSource::Actor { actor, .. }) => actor.as_str().to_owned(),
            Some(annalist_core::ClaimSource::Author { .. }) => "author".to_owned(),
            Some(annalist_core::ClaimSource::Unnamed { .. }) => "unnamed".to_owned(),
            Some(other) => format!("{other:?}"),
        };
        if got == *expected { Ok(()) } else { Err(format!("{text:?}: expected {expected}, got {got}")) }
    });
}
