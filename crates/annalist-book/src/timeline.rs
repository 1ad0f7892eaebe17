//! The timeline: every event in the order it happened, by the TIMEX value of its time, with
//! an inline SVG drawing; partial dates keep their uncertainty; events the text does not
//! assert are marked as such. Below, every time expression of the corpus.

use std::fmt::Write as _;

use annalist_core::{Event, Modality, Record, TimeExpr};
use chrono::{Datelike, NaiveDate};

use crate::cells;
use crate::markup::{escape_link_text, href, html, table};
use crate::when::{self, Position, Section};
use crate::xref::{TIMELINE, Xref};
use crate::{GENERATED_BANNER, Page};

/// One event placed in time.
#[derive(Debug)]
struct Entry<'a> {
    position: Position,
    ri: usize,
    record: &'a Record,
    event: &'a Event,
    timex: Option<&'a TimeExpr>,
}

fn timex_of<'a>(record: &'a Record, e: &Event) -> Option<&'a TimeExpr> {
    e.time.as_ref().and_then(|t| record.timexes.iter().find(|x| &x.id == t))
}

/// The timeline page.
pub fn page(x: &Xref<'_>) -> Page {
    let mut entries: Vec<Entry> = Vec::new();
    for (ri, record) in x.records() {
        for event in &record.events {
            let timex = timex_of(record, event);
            let position = timex.map_or(Position::Nowhere, |t| when::position(&t.value, t.modifier));
            entries.push(Entry { position, ri, record, event, timex });
        }
    }
    entries.sort_by(|a, b| {
        (a.position, a.timex.is_none(), a.ri, a.event.sentence, a.event.trigger.start).cmp(&(
            b.position,
            b.timex.is_none(),
            b.ri,
            b.event.sentence,
            b.event.trigger.start,
        ))
    });
    let mut md = format!("{GENERATED_BANNER}\n\n# Timeline\n\n");
    if entries.is_empty() {
        md.push_str("No events were found.\n");
    } else {
        let asserted = entries.iter().filter(|e| e.event.modality == Modality::Asserted).count();
        let _ = writeln!(
            md,
            "{} event(s), {asserted} asserted. Filled dots and plain rows are events the text says \
             happened; hollow dots and tags in italics mark events it denies, announces, \
             reports or speculates about. Dates keep their uncertainty: a month without a year \
             is listed apart, not guessed.\n",
            entries.len()
        );
        md.push_str(&drawing(x, &entries));
        md.push('\n');
    }
    let mut section = None;
    let mut year = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for entry in &entries {
        let s = if entry.timex.is_none() { None } else { Some(entry.position.section()) };
        let y = match entry.position {
            Position::Dated { year, .. } => Some(year),
            _ => None,
        };
        if section != Some(s) || (s == Some(Section::Dated) && year != y) {
            flush(&mut md, &mut rows);
            if section != Some(s) {
                let heading = match s {
                    Some(Section::Dated) => "Dated",
                    Some(Section::YearUnknown) => "Year unknown",
                    Some(Section::Vague) => "Past, present or future, undated",
                    Some(Section::Nowhere) => "Durations and recurrences",
                    None => "No time attached",
                };
                let _ = writeln!(md, "\n## {heading}\n");
            }
            if let (Some(Section::Dated), Some(y)) = (s, y) {
                let _ = writeln!(md, "\n### {y}\n");
            }
            section = Some(s);
            year = y;
        }
        rows.push(row(x, entry));
    }
    flush(&mut md, &mut rows);
    md.push_str(&timex_table(x));
    Page { path: TIMELINE.to_owned(), content: md }
}

fn flush(md: &mut String, rows: &mut Vec<Vec<String>>) {
    if !rows.is_empty() {
        md.push_str(&table(&["When", "Event", "Source", "Target", "Sentence"], rows));
        rows.clear();
    }
}

fn row(x: &Xref<'_>, entry: &Entry<'_>) -> Vec<String> {
    let e = entry.event;
    let when = match entry.timex {
        Some(t) => format!(
            "[{}]({}) `{}`",
            escape_link_text(&when::label(&t.value, t.modifier)),
            href(TIMELINE, &x.timex(entry.ri, &t.id)),
            t.value
        ),
        None => "—".to_owned(),
    };
    vec![
        format!("<a id=\"{}\"></a>{when}", x.event_anchor(entry.ri, &e.id)),
        cells::event_cell(e),
        cells::participants(x, TIMELINE, &e.source),
        cells::participants(x, TIMELINE, &e.target),
        cells::quote(x, TIMELINE, entry.ri, entry.record, e.sentence),
    ]
}

fn timex_table(x: &Xref<'_>) -> String {
    let mut all: Vec<(Position, usize, &TimeExpr)> = Vec::new();
    for (ri, record) in x.records() {
        for t in &record.timexes {
            all.push((when::position(&t.value, t.modifier), ri, t));
        }
    }
    if all.is_empty() {
        return String::new();
    }
    all.sort_by_key(|a| (a.0, a.1, a.2.span.start));
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|(_, ri, t)| {
            let record = &x.corpus.records[*ri];
            let sentence = record.document.sentence_at(t.span.start).unwrap_or(0);
            vec![
                format!(
                    "<a id=\"{}\"></a>{}",
                    x.timex_anchor(*ri, &t.id),
                    escape_link_text(&when::label(&t.value, t.modifier))
                ),
                format!("`{}`", t.value),
                anchor_kind(t).to_owned(),
                format!(
                    "[{}]({})",
                    escape_link_text(t.span.slice(&record.document.text)),
                    href(TIMELINE, &x.sentence(*ri, sentence))
                ),
            ]
        })
        .collect();
    format!(
        "\n## Time expressions\n\n{}",
        table(&["Reads as", "TIMEX3 value", "Computed from", "Words"], &rows)
    )
}

/// What a time expression's value was computed from, without its payload.
fn anchor_kind(t: &TimeExpr) -> &'static str {
    match t.anchor {
        annalist_core::TimeAnchor::Absolute => "the text",
        annalist_core::TimeAnchor::DocumentTime => "publication date",
        annalist_core::TimeAnchor::Narrative { .. } => "earlier date",
        annalist_core::TimeAnchor::Unknown => "unknown anchor",
    }
}

const WIDTH: i64 = 900;
const LEFT: i64 = 30;
const RIGHT: i64 = 30;
const DOT: i64 = 9;

/// One strip of the drawing: its name, its dots (x and event) and its axis ticks (x and label).
type Lane<'e, 'a> = (String, Vec<(i64, &'e Entry<'a>)>, Vec<(i64, String)>);

/// A lane of dated events on a calendar axis, ticked by years or months.
fn calendar_lane<'e, 'a>(name: &str, dated: &[(NaiveDate, &'e Entry<'a>)]) -> Option<Lane<'e, 'a>> {
    let plot = WIDTH - LEFT - RIGHT;
    let (first, last) = (dated.first()?.0, dated.last()?.0);
    let span = (last - first).num_days().max(1);
    let xpos = |d: NaiveDate| LEFT + (d - first).num_days() * plot / span;
    let dots = dated.iter().map(|(d, e)| (xpos(*d), *e)).collect();
    let mut ticks = Vec::new();
    if span > 3 * 365 {
        let step = ((last.year() - first.year()) / 10).max(1);
        let mut y = first.year();
        while y <= last.year() {
            if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1).filter(|d| *d >= first) {
                ticks.push((xpos(d), y.to_string()));
            }
            y += step;
        }
        if ticks.is_empty() {
            ticks.push((LEFT, first.year().to_string()));
        }
    } else {
        let mut d = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
        let step = u32::try_from(span / 365 + 1).unwrap_or(1);
        while d <= last && ticks.len() < 40 {
            if d >= first {
                ticks.push((xpos(d), d.format("%b %Y").to_string()));
            }
            match d.checked_add_months(chrono::Months::new(step)) {
                Some(next) => d = next,
                None => break,
            }
        }
        if ticks.is_empty() {
            ticks.push((LEFT, first.format("%b %Y").to_string()));
        }
    }
    Some((name.to_owned(), dots, ticks))
}

/// An inline SVG: dated events on a calendar axis, events of unknown year on a month strip.
fn drawing(x: &Xref<'_>, entries: &[Entry<'_>]) -> String {
    let dated: Vec<(NaiveDate, &Entry)> =
        entries.iter().filter_map(|e| e.position.date().map(|d| (d, e))).collect();
    let unknown_year: Vec<(u32, u32, &Entry)> = entries
        .iter()
        .filter_map(|e| match e.position {
            Position::YearUnknown { month, day, .. } => Some((month, day, e)),
            _ => None,
        })
        .collect();
    if dated.is_empty() && unknown_year.is_empty() {
        return String::new();
    }
    let plot = WIDTH - LEFT - RIGHT;
    // Each lane: its dots as (x, entry); dots sharing an x stack upward.
    let mut lanes: Vec<Lane> = Vec::new();
    if let Some(lane) = calendar_lane("known year", &dated) {
        lanes.push(lane);
        // A close-up where most events lie, when a few far dates squeeze them together.
        let (lo, hi) = (dated[dated.len() / 10].0, dated[(dated.len() * 9) / 10].0);
        let full = dated.last().map_or(0, |l| (l.0 - dated[0].0).num_days());
        if (hi - lo).num_days() * 4 < full {
            let close: Vec<(NaiveDate, &Entry)> =
                dated.iter().filter(|(d, _)| lo <= *d && *d <= hi).copied().collect();
            let name =
                format!("close-up: {} to {} ({} of {} dated events)", lo, hi, close.len(), dated.len());
            lanes.extend(calendar_lane(&name, &close));
        }
    }
    if !unknown_year.is_empty() {
        let xpos = |m: u32, d: u32| LEFT + ((i64::from(m) - 1) * 31 + i64::from(d)) * plot / (12 * 31);
        let dots = unknown_year.iter().map(|(m, d, e)| (xpos(*m, *d), *e)).collect();
        let ticks = (1..=12u32)
            .map(|m| {
                let name = NaiveDate::from_ymd_opt(2000, m, 1)
                    .map(|d| d.format("%b").to_string())
                    .unwrap_or_default();
                (xpos(m, 0), name)
            })
            .collect();
        lanes.push(("year unknown".to_owned(), dots, ticks));
    }
    let mut body = String::new();
    let mut top = 10;
    for (name, dots, ticks) in &lanes {
        // Stack dots that fall within one dot's width.
        let mut heights: std::collections::BTreeMap<i64, i64> = std::collections::BTreeMap::new();
        let mut placed = Vec::new();
        for (px, e) in dots {
            let bucket = px / DOT;
            let h = heights.entry(bucket).or_default();
            placed.push((bucket * DOT + DOT / 2, *h, *e));
            *h += 1;
        }
        let tallest = heights.values().copied().max().unwrap_or(1).min(30);
        let axis = top + 16 + tallest * DOT;
        let _ = write!(body, "<text x=\"{LEFT}\" y=\"{}\" class=\"lane\">{}</text>", top + 10, html(name));
        let _ = write!(
            body,
            "<line x1=\"{LEFT}\" y1=\"{axis}\" x2=\"{}\" y2=\"{axis}\" class=\"axis\"/>",
            WIDTH - RIGHT
        );
        for (tx, label) in ticks {
            let _ = write!(
                body,
                "<line x1=\"{tx}\" y1=\"{axis}\" x2=\"{tx}\" y2=\"{}\" class=\"tick\"/><text x=\"{tx}\" y=\"{}\" class=\"tick-label\">{}</text>",
                axis + 4,
                axis + 16,
                html(label)
            );
        }
        for (cx, h, e) in placed {
            let h = h.min(30);
            let cy = axis - 6 - h * DOT;
            let modality = e.event.modality.as_str();
            let label = e.timex.map(|t| when::label(&t.value, t.modifier)).unwrap_or_default();
            let title =
                format!("{label}: {} ({modality}) — {}", e.event.event_type.as_str(), cells::title(e.record));
            let _ = write!(
                body,
                "<a href=\"#{}\"><circle cx=\"{cx}\" cy=\"{cy}\" r=\"4\" class=\"dot modality-{modality}\"><title>{}</title></circle></a>",
                x.event_anchor(e.ri, &e.event.id),
                html(&title)
            );
        }
        top = axis + 28;
    }
    format!(
        "<div class=\"timeline-drawing\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {top}\" width=\"100%\" role=\"img\" aria-label=\"events over time\">{body}</svg></div>\n"
    )
}
