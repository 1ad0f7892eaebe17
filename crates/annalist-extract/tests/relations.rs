//! Relation observations, one sentence a case (`tests/relations/cases.tsv`).
//!
//! Each case gives a sentence, the actor mentions and events the earlier layers would find in
//! it (so the relations layer is tested on its own, whatever those layers do), and the
//! observations expected from `relations::observe`.

use annalist_core::{
    Actor, ActorId, ActorKind, Document, Event, EventId, Mention, MentionId, MentionKind, Modality,
    Participant, PloverType, Record, Resolution, Sentence, Span,
};
use annalist_extract::{relations, segment};

fn span_of(text: &str, words: &str) -> Span {
    let start = text.find(words).unwrap_or_else(|| panic!("{words:?} not in {text:?}"));
    Span::new(start, start + words.len())
}

fn record(text: &str, mentions: &str, events: &str) -> Record {
    let seg = segment::segment(text);
    let mut record = Record {
        document: Document {
            id: "case".into(),
            metadata: Default::default(),
            text: text.to_owned(),
            sentences: seg.sentences.iter().map(|&span| Sentence { span }).collect(),
        },
        actors: Vec::new(),
        mentions: Vec::new(),
        timexes: Vec::new(),
        events: Vec::new(),
        claims: Vec::new(),
        relations: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut participant = |words: &str| -> Participant {
        let (_, code) =
            mentions.split(';').filter_map(|m| m.split_once('=')).find(|(w, _)| *w == words).unwrap();
        // "CODE?": a code from the context, not the actor's own.
        let (code, code_from_context) = code.strip_suffix('?').map_or((code, false), |c| (c, true));
        Participant {
            actor: ActorId(code.to_lowercase()),
            span: span_of(text, words),
            code: Some(code.to_owned()),
            code_from_context,
        }
    };
    for (i, e) in events.split(';').map(str::trim).filter(|e| !e.is_empty()).enumerate() {
        let mut parts = e.split(' ');
        let kind = parts.next().unwrap();
        let (ty, mode) = kind.split_once(':').map_or((kind, None), |(t, m)| (t, Some(m.to_owned())));
        let rest: Vec<&str> = parts.collect();
        let rest = rest.join(" ");
        let (dyad, tail) = rest.split_once(" @").unwrap();
        let (trigger, modality) = tail.split_once(' ').unwrap_or((tail, "asserted"));
        let (sources, targets) = dyad.split_once('>').unwrap();
        let modality: Modality = serde_json::from_str(&format!("\"{modality}\"")).unwrap();
        record.events.push(Event {
            id: EventId(format!("e{}", i + 1)),
            event_type: PloverType::from_name(ty).unwrap(),
            mode,
            source: sources.split(',').map(&mut participant).collect(),
            target: targets.split(',').map(&mut participant).collect(),
            trigger: span_of(text, trigger),
            modality,
            time: None,
            place: None,
            sentence: 0,
        });
    }
    for (i, m) in mentions.split(';').filter_map(|m| m.split_once('=')).enumerate() {
        let (words, code) = m;
        let (code, own) = code.strip_suffix('?').map_or((code, true), |c| (c, false));
        let id = ActorId(code.to_lowercase());
        if !record.actors.iter().any(|a| a.id == id) {
            record.actors.push(Actor {
                id: id.clone(),
                name: code.to_owned(),
                kind: if own { ActorKind::State } else { ActorKind::Organization },
                code: own.then(|| code.to_owned()),
                country: None,
                aliases: Vec::new(),
                roles: Vec::new(),
            });
        }
        record.mentions.push(Mention {
            id: MentionId(format!("m{}", i + 1)),
            span: span_of(text, words),
            actor: id,
            kind: MentionKind::Location,
            resolution: Resolution::Name,
        });
    }
    record.mentions.sort_by_key(|m| m.span.start);
    record
}

fn check(sentence: &str, mentions: &str, events: &str, expect: &str) {
    let record = record(sentence, mentions, events);
    let relations = relations::observe(&record);
    let mut got = Vec::new();
    for r in &relations {
        for o in &r.observations {
            let domain = serde_json::to_string(&r.domain).unwrap();
            let modality = serde_json::to_string(&o.modality).unwrap();
            got.push(format!(
                "{}-{} {} {:.2} {}",
                r.actors[0],
                r.actors[1],
                domain.trim_matches('"'),
                o.polarity,
                modality.trim_matches('"')
            ));
            assert_eq!(o.evidence.sentence_text, sentence);
            assert!(o.evidence.span.get(sentence).is_some());
        }
    }
    assert_eq!(got.join("; "), expect, "\nsentence: {sentence}");
}

#[test]
fn relation_cases() {
    let cases = include_str!("relations/cases.tsv");
    let mut n = 0;
    for line in cases.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let field = |i: usize| fields.get(i).copied().unwrap_or("");
        check(field(0), field(1), field(2), field(3));
        n += 1;
    }
    assert!(n >= 10, "only {n} cases read");
}
