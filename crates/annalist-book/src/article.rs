//! Article pages: the text with its mentions, time expressions, events and claims marked and
//! linked, a summary box, and the article's items listed below the text.
//!
//! Every sentence is a `<span class="sentence" id="sN">`, so any page can link to the
//! sentence an item came from. Markup is plain HTML with classes styled by `annalist.css`.

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use annalist_core::{Claim, ClaimSource, CueKind, Event, Record, Span};

use crate::markup::{escape, escape_link_text, href, html, table};
use crate::when;
use crate::xref::Xref;
use crate::{GENERATED_BANNER, Page};

/// How deep an annotation nests: claims outermost, then events and cues, then links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Claim,
    Event,
    Link,
}

/// One marked stretch of text.
#[derive(Debug)]
struct Annotation {
    span: Span,
    layer: Layer,
    /// Opening tag.
    open: String,
    /// Closing tag.
    close: &'static str,
    /// A small link set after the stretch (events and claims link to their entries this way,
    /// since links cannot nest inside the mention links they may contain).
    marker: Option<String>,
}

/// The page of record `ri`.
pub fn page(x: &Xref<'_>, ri: usize, record: &Record) -> Page {
    let path = x.article(ri);
    let title = crate::cells::title(record);
    let mut md = format!("{GENERATED_BANNER}\n\n# {}\n\n", escape(&title));
    md.push_str(&summary_box(x, &path, record));
    md.push_str("\n\n## Text\n\n");
    md.push_str(&annotated_text(x, &path, ri, record));
    md.push_str(&event_list(x, &path, ri, record));
    md.push_str(&claim_list(x, &path, ri, record));
    Page { path, content: md }
}

fn summary_box(x: &Xref<'_>, path: &str, record: &Record) -> String {
    let doc = &record.document;
    let meta = &doc.metadata;
    let mut rows: Vec<(&str, String)> = Vec::new();
    // Who: actors by number of mentions, most mentioned first.
    let mut counts: BTreeMap<&annalist_core::ActorId, usize> = BTreeMap::new();
    for m in &record.mentions {
        *counts.entry(&m.actor).or_default() += 1;
    }
    let mut who: Vec<_> = counts.into_iter().collect();
    who.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let who: Vec<String> = who
        .iter()
        .take(10)
        .map(|(id, n)| match x.actor(id) {
            Some(p) => format!("<a href=\"{}\">{}</a> ({n})", href(path, p), html(x.actor_name(id))),
            None => format!("{} ({n})", html(id.as_str())),
        })
        .collect();
    rows.push(("Who", if who.is_empty() { "no actors found".to_owned() } else { who.join(", ") }));
    // What: event types, asserted of all.
    let mut types: BTreeMap<annalist_core::PloverType, (usize, usize)> = BTreeMap::new();
    for e in &record.events {
        let entry = types.entry(e.event_type).or_default();
        entry.1 += 1;
        if e.modality == annalist_core::Modality::Asserted {
            entry.0 += 1;
        }
    }
    let what: Vec<String> =
        types.iter().map(|(t, (asserted, all))| format!("{} {asserted}/{all}", t.as_str())).collect();
    rows.push((
        "What",
        if what.is_empty() {
            "no events found".to_owned()
        } else {
            format!("{} (asserted/all events); {} claim(s)", what.join(", "), record.claims.len())
        },
    ));
    // When: the earliest and latest calendar dates the text names.
    let mut dated: Vec<(when::Position, String)> = record
        .timexes
        .iter()
        .map(|t| (when::position(&t.value, t.modifier), when::label(&t.value, t.modifier)))
        .filter(|(p, _)| p.section() <= when::Section::YearUnknown)
        .collect();
    dated.sort();
    let when_text = match (dated.first(), dated.last()) {
        (Some(a), Some(b)) if a.1 == b.1 => html(&a.1),
        (Some(a), Some(b)) => format!("{} … {}", html(&a.1), html(&b.1)),
        _ => "no dates found".to_owned(),
    };
    rows.push(("When", when_text));
    rows.push(("Source", meta.source.as_deref().map_or_else(|| "unknown".to_owned(), html)));
    if let Some(author) = &meta.author {
        rows.push(("Author", html(author)));
    }
    rows.push(("Published", meta.published.map_or_else(|| "unknown".to_owned(), |t| t.to_string())));
    if let Some(url) = &meta.url {
        rows.push(("Address", format!("<a href=\"{0}\">{0}</a>", html(url))));
    }
    rows.push(("Document", format!("<code>{}</code>", html(doc.id.as_str()))));
    let mut out = String::from("<table class=\"summary-box\">");
    for (k, v) in rows {
        let _ = write!(out, "<tr><th>{k}</th><td>{v}</td></tr>");
    }
    out.push_str("</table>");
    out
}

fn claim_source_name<'a>(x: &Xref<'a>, claim: &'a Claim) -> String {
    match &claim.source {
        ClaimSource::Actor { actor, .. } => x.actor_name(actor).to_owned(),
        ClaimSource::Author { .. } => "the author".to_owned(),
        ClaimSource::Unnamed { .. } => "an unnamed source".to_owned(),
    }
}

fn event_title(x: &Xref<'_>, e: &Event) -> String {
    let names = |ps: &[annalist_core::Participant]| {
        ps.iter().map(|p| x.actor_name(&p.actor)).collect::<Vec<_>>().join(", ")
    };
    let mode = e.mode.as_deref().map(|m| format!("/{m}")).unwrap_or_default();
    let who = match (e.source.is_empty(), e.target.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!(", by {}", names(&e.source)),
        (true, false) => format!(", against {}", names(&e.target)),
        (false, false) => format!(", {} → {}", names(&e.source), names(&e.target)),
    };
    format!("{}: {}{mode}{who} ({})", e.id, e.event_type.as_str(), e.modality.as_str())
}

/// The annotations of a record, unordered.
fn annotations(x: &Xref<'_>, path: &str, ri: usize, record: &Record) -> Vec<Annotation> {
    let mut out = Vec::new();
    for c in &record.claims {
        let title = format!(
            "{}: claim by {}, certainty {}",
            c.id,
            claim_source_name(x, c),
            crate::cells::certainty_name(c.certainty)
        );
        out.push(Annotation {
            span: c.content,
            layer: Layer::Claim,
            open: format!(
                "<span class=\"claim certainty-{}\" title=\"{}\">",
                crate::cells::certainty_name(c.certainty),
                html(&title)
            ),
            close: "</span>",
            marker: Some(format!(
                "<sup><a class=\"mark claim-mark\" href=\"{}\">{}</a></sup>",
                href(path, &x.claim(ri, &c.id)),
                html(c.id.as_str())
            )),
        });
        if let Some(cue) = c.cue {
            out.push(Annotation {
                span: cue,
                layer: Layer::Event,
                open: "<span class=\"claim-cue\">".to_owned(),
                close: "</span>",
                marker: None,
            });
        }
        for cue in &c.certainty_cues {
            let class = match cue.kind {
                CueKind::Hedge => "hedge",
                CueKind::Booster => "booster",
            };
            out.push(Annotation {
                span: cue.span,
                layer: Layer::Event,
                open: format!("<span class=\"{class}\" title=\"{class}\">"),
                close: "</span>",
                marker: None,
            });
        }
    }
    for e in &record.events {
        let modality = e.modality.as_str();
        out.push(Annotation {
            span: e.trigger,
            layer: Layer::Event,
            open: format!(
                "<span class=\"event modality-{modality}\" title=\"{}\">",
                html(&event_title(x, e))
            ),
            close: "</span>",
            marker: Some(format!(
                "<sup><a class=\"mark event-mark modality-{modality}\" href=\"{}\">{}</a></sup>",
                href(path, &x.event(ri, &e.id)),
                e.event_type.as_str().to_lowercase()
            )),
        });
    }
    // Links may not nest: a mention or time expression overlapping an earlier one is marked
    // without a link.
    let mut links: Vec<(Span, String, String)> = Vec::new();
    for m in &record.mentions {
        let name = x.actor_name(&m.actor);
        let code = x.actors.get(&m.actor).and_then(|a| a.code.as_deref()).unwrap_or("no code");
        let title = format!("{name} ({code}), {}", format!("{:?}", m.resolution).to_lowercase());
        let class = format!("mention resolution-{}", format!("{:?}", m.resolution).to_lowercase());
        let target = x.actor(&m.actor).map(|p| href(path, p)).unwrap_or_default();
        links.push((m.span, format!("class=\"{class}\" title=\"{}\"", html(&title)), target));
    }
    for t in &record.timexes {
        let title = format!("{} = {}", when::label(&t.value, t.modifier), t.value);
        links.push((
            t.span,
            format!("class=\"timex\" title=\"{}\"", html(&title)),
            href(path, &x.timex(ri, &t.id)),
        ));
    }
    links.sort_by_key(|(s, _, _)| (s.start, Reverse(s.end)));
    let mut linked_until = 0;
    for (span, attrs, target) in links {
        let (open, close) = if span.start >= linked_until && !target.is_empty() {
            linked_until = span.end;
            (format!("<a {attrs} href=\"{target}\">"), "</a>")
        } else {
            (format!("<span {attrs}>"), "</span>")
        };
        out.push(Annotation { span, layer: Layer::Link, open, close, marker: None });
    }
    out.retain(|a| !a.span.is_empty() && a.span.get(&record.document.text).is_some());
    out
}

/// The text, paragraph by paragraph, each sentence an anchored span with its annotations.
fn annotated_text(x: &Xref<'_>, path: &str, ri: usize, record: &Record) -> String {
    let doc = &record.document;
    let text = &doc.text;
    let annotations = annotations(x, path, ri, record);
    // Bucket annotations by the sentences they touch, so each sentence sees only its own.
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (i, a) in annotations.iter().enumerate() {
        let first = doc.sentence_at(a.span.start);
        let last = doc.sentence_at(a.span.end.saturating_sub(1).max(a.span.start));
        if let (Some(f), Some(l)) = (first, last) {
            for bucket in &mut by_sentence[f..=l.max(f)] {
                bucket.push(i);
            }
        }
    }
    let mut out = String::from("<p class=\"article-text\">");
    let mut previous_end = 0;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let gap = text.get(previous_end..sentence.span.start).unwrap_or("");
        if si > 0 && gap.contains('\n') {
            out.push_str("</p>\n<p class=\"article-text\">");
        } else if si > 0 {
            out.push(' ');
        }
        if !gap.trim().is_empty() {
            out.push_str(&html(gap.trim()));
            out.push(' ');
        }
        let _ = write!(out, "<span class=\"sentence\" id=\"s{si}\">");
        render_sentence(&mut out, text, sentence.span, &annotations, &by_sentence[si]);
        out.push_str("</span>");
        previous_end = sentence.span.end;
    }
    let tail = text.get(previous_end..).unwrap_or("").trim();
    if !tail.is_empty() {
        out.push(' ');
        out.push_str(&html(tail));
    }
    out.push_str("</p>\n\n");
    out
}

/// Writes one sentence with properly nested markup: where annotations cross, the inner one is
/// closed and reopened, so every stretch of text carries exactly the annotations over it.
fn render_sentence(out: &mut String, text: &str, sentence: Span, all: &[Annotation], mine: &[usize]) {
    let clip = |s: Span| Span::new(s.start.max(sentence.start), s.end.min(sentence.end));
    let mut cuts: Vec<usize> = vec![sentence.start, sentence.end];
    for &i in mine {
        let s = clip(all[i].span);
        if s.start < s.end {
            cuts.push(s.start);
            cuts.push(s.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut stack: Vec<usize> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut active: Vec<usize> = mine
            .iter()
            .copied()
            .filter(|&i| {
                let s = clip(all[i].span);
                s.start <= a && b <= s.end && s.start < s.end
            })
            .collect();
        active.sort_by_key(|&i| (all[i].layer, all[i].span.start, Reverse(all[i].span.end), i));
        let keep = stack.iter().zip(&active).take_while(|(x, y)| x == y).count();
        while stack.len() > keep {
            if let Some(i) = stack.pop() {
                out.push_str(all[i].close);
            }
        }
        flush_markers(out, all, &stack, &mut pending);
        for &i in &active[keep..] {
            out.push_str(&all[i].open);
            stack.push(i);
        }
        out.push_str(&html(text.get(a..b).unwrap_or("")));
        for &i in mine {
            if all[i].span.end == b && all[i].marker.is_some() {
                pending.push(i);
            }
        }
    }
    while let Some(i) = stack.pop() {
        out.push_str(all[i].close);
    }
    flush_markers(out, all, &stack, &mut pending);
}

/// Writes the markers of annotations that ended, unless a link is open (links cannot nest).
fn flush_markers(out: &mut String, all: &[Annotation], stack: &[usize], pending: &mut Vec<usize>) {
    if stack.iter().any(|&i| all[i].layer == Layer::Link) {
        return;
    }
    for i in pending.drain(..) {
        if let Some(m) = &all[i].marker {
            out.push_str(m);
        }
    }
}

fn event_list(x: &Xref<'_>, path: &str, ri: usize, record: &Record) -> String {
    if record.events.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = record
        .events
        .iter()
        .map(|e| {
            vec![
                format!("[{}]({})", e.id, href(path, &x.event(ri, &e.id))),
                crate::cells::event_cell(e),
                crate::cells::participants(x, path, &e.source),
                crate::cells::participants(x, path, &e.target),
                crate::cells::event_time(x, path, ri, record, e),
                format!("[{}](#s{})", escape_link_text(e.trigger.slice(&record.document.text)), e.sentence),
            ]
        })
        .collect();
    format!("## Events\n\n{}\n", table(&["Event", "Type", "Source", "Target", "When", "Words"], &rows))
}

fn claim_list(x: &Xref<'_>, path: &str, ri: usize, record: &Record) -> String {
    if record.claims.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = record
        .claims
        .iter()
        .map(|c| {
            vec![
                format!("[{}]({})", c.id, href(path, &x.claim(ri, &c.id))),
                crate::cells::claim_source(x, path, c),
                crate::cells::certainty_name(c.certainty).to_owned(),
                format!("[{}](#s{})", escape_link_text(c.content.slice(&record.document.text)), c.sentence),
            ]
        })
        .collect();
    format!("## Claims\n\n{}\n", table(&["Claim", "Source", "Certainty", "Content"], &rows))
}
