//! `annalist annotate`: predictions for an evaluation suite in the JSON Lines format of
//! `shared/eval/FORMAT.md`.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use annalist_core::{
    Article, ClaimSource, MentionKind, Metadata, Modality, Participant, Record, Resolution, Span,
};
use annalist_extract::Extractor;
use anyhow::{Context as _, bail};
use serde_json::{Value, json};

/// Reads every record of `suite`, extracts from its `text` with its `dct` as the document
/// time, and writes the record back with the four annotation lists filled.
pub fn annotate(suite: &Path, mut out: impl Write) -> anyhow::Result<()> {
    let file = File::open(suite).with_context(|| format!("cannot open {}", suite.display()))?;
    let extractor = Extractor::default();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let at = || format!("{}:{}", suite.display(), n + 1);
        let line = line.with_context(at)?;
        if line.trim().is_empty() {
            continue;
        }
        let gold: Value = serde_json::from_str(&line).with_context(at)?;
        let (Some(id), Some(text)) = (gold["id"].as_str(), gold["text"].as_str()) else {
            bail!("{}: a suite record needs string `id` and `text`", at());
        };
        let published = match gold["dct"].as_str() {
            Some(dct) => Some(dct.parse().with_context(at)?),
            None => None,
        };
        let article = Article {
            id: id.into(),
            metadata: Metadata { published, ..Metadata::default() },
            text: text.to_owned(),
        };
        let record = extractor.extract_owned(article);
        let prediction = json!({
            "suite": gold["suite"],
            "id": id,
            "dct": gold["dct"],
            "text": text,
            "timexes": timexes(&record),
            "events": events(&record),
            "attributions": attributions(&record),
            "mentions": mentions(&record),
        });
        serde_json::to_writer(&mut out, &prediction)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

fn span(record: &Record, span: Span) -> Value {
    json!({"start": span.start, "end": span.end, "text": span.slice(&record.document.text)})
}

fn timexes(record: &Record) -> Vec<Value> {
    record
        .timexes
        .iter()
        .map(|t| {
            let mut v = span(record, t.span);
            v["type"] = json!(t.timex_type);
            v["value"] = json!(t.value);
            if let Some(m) = t.modifier {
                v["mod"] = json!(m);
            }
            v
        })
        .collect()
}

fn participants(record: &Record, list: &[Participant]) -> Value {
    list.iter()
        .map(|p| {
            let mut v = json!({"text": p.span.slice(&record.document.text)});
            if let Some(code) = &p.code {
                v["code"] = json!(code);
            }
            v
        })
        .collect()
}

/// Events the text says happened, will happen or were reported to happen. Negated,
/// hypothetical and speculative events stay in the record (marked by their modality) but are
/// not events of the suites: PLOVER says negated events "can be excluded from the final event
/// dataset", and its gold records, like the seed's gold, code announced actions ("Belarus would
/// pull its troops back") and reported ones ("..., officials said") but not what did not
/// happen ("did not attack") or what is only talked about ("talk about opening a second
/// front").
fn events(record: &Record) -> Vec<Value> {
    record
        .events
        .iter()
        .filter(|e| {
            matches!(e.modality, Modality::Asserted | Modality::Future | Modality::Reported)
                && !e.source.is_empty()
        })
        .map(|e| {
            let mut v = json!({"type": e.event_type, "trigger": span(record, e.trigger)});
            if let Some(mode) = &e.mode {
                v["mode"] = json!(mode);
            }
            if !e.source.is_empty() {
                v["source"] = participants(record, &e.source);
            }
            if !e.target.is_empty() {
                v["target"] = participants(record, &e.target);
            }
            v
        })
        .collect()
}

/// Claims with an attributing cue; the author's unmarked verdicts are claims but not
/// attributions.
fn attributions(record: &Record) -> Vec<Value> {
    record
        .claims
        .iter()
        .filter_map(|c| {
            let cue = c.cue?;
            let source = match &c.source {
                ClaimSource::Actor { span: s, .. } => Some(*s),
                ClaimSource::Author { span: s } | ClaimSource::Unnamed { span: s } => *s,
            };
            Some(json!({
                "source": source.map(|s| span(record, s)),
                "cue": span(record, cue),
                "content": span(record, c.content),
            }))
        })
        .collect()
}

/// Mentions as both suites count them: names (known, variant, acronym, metonym or unknown)
/// and groups that speak. Demonym adjectives ("Ukrainian forces"), pronouns and lower-case
/// role descriptions ("the Belarusian leader") stay in the record but are left out here:
/// seed-dev annotates names and speaking groups only, and although MEANTIME also annotates
/// nominals and pronouns, exporting ours costs more precision on both than it gains recall.
///
/// A group's words take in a place after it ("some observers in Russia"); the place inside
/// is then part of the group mention, not a mention of its own here.
fn mentions(record: &Record) -> Vec<Value> {
    let groups: Vec<Span> =
        record.mentions.iter().filter(|m| m.kind == MentionKind::Group).map(|m| m.span).collect();
    let inside_group = |s: Span| groups.iter().any(|g| g.start <= s.start && s.end <= g.end && *g != s);
    record
        .mentions
        .iter()
        .filter(|m| {
            m.kind == MentionKind::Group
                || (!matches!(
                    m.resolution,
                    Resolution::Demonym | Resolution::Pronoun | Resolution::Description
                ) && !inside_group(m.span))
        })
        .map(|m| {
            let mut v = span(record, m.span);
            v["kind"] = json!(m.kind);
            v
        })
        .collect()
}
