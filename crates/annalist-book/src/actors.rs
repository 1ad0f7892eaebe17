//! The actors index and one page per actor: identity, roles, every mention in context,
//! events as source and as target, claims by and about it, its relations.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use annalist_core::{Actor, ActorId, ActorKind, Claim, Event, Mention, Record};

use crate::cells;
use crate::markup::{escape, escape_link_text, href, table};
use crate::xref::{ACTORS, Xref};
use crate::{GENERATED_BANNER, Page};

/// What the corpus says about one actor, gathered in one pass over the records.
#[derive(Debug, Default)]
struct Dossier<'a> {
    mentions: Vec<(usize, &'a Mention)>,
    as_source: Vec<(usize, &'a Event)>,
    as_target: Vec<(usize, &'a Event)>,
    claims_by: Vec<(usize, &'a Claim)>,
    claims_about: Vec<(usize, &'a Claim)>,
}

fn gather<'a>(x: &Xref<'a>) -> BTreeMap<&'a ActorId, Dossier<'a>> {
    let mut out: BTreeMap<&ActorId, Dossier> = BTreeMap::new();
    for (ri, record) in x.records() {
        for m in &record.mentions {
            out.entry(&m.actor).or_default().mentions.push((ri, m));
        }
        for e in &record.events {
            let mut seen = BTreeSet::new();
            for p in &e.source {
                if seen.insert(&p.actor) {
                    out.entry(&p.actor).or_default().as_source.push((ri, e));
                }
            }
            let mut seen = BTreeSet::new();
            for p in &e.target {
                if seen.insert(&p.actor) {
                    out.entry(&p.actor).or_default().as_target.push((ri, e));
                }
            }
        }
        for c in &record.claims {
            if let Some(a) = c.source.actor() {
                out.entry(a).or_default().claims_by.push((ri, c));
            }
            // About: whom the claim takes a stance on, and whom its content mentions.
            let mut about: BTreeSet<&ActorId> = c.stance.iter().map(|s| &s.actor).collect();
            let first = record.mentions.partition_point(|m| m.span.start < c.content.start);
            for m in record.mentions[first..].iter().take_while(|m| m.span.start < c.content.end) {
                if c.content.contains(m.span) {
                    about.insert(&m.actor);
                }
            }
            for a in about {
                out.entry(a).or_default().claims_about.push((ri, c));
            }
        }
    }
    out
}

/// The lower-case name of an actor kind.
pub fn kind_name(k: ActorKind) -> &'static str {
    match k {
        ActorKind::State => "state",
        ActorKind::Government => "government",
        ActorKind::Military => "military",
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::Group => "group",
        ActorKind::Location => "location",
    }
}

/// The index page and one page per actor, and the summary entries for them.
pub fn pages(x: &Xref<'_>) -> (Vec<Page>, String) {
    let dossiers = gather(x);
    let empty = Dossier::default();
    let mut listed: Vec<(&Actor, &str)> = x.actor_pages().collect();
    listed.sort_by(|a, b| {
        a.0.name.to_lowercase().cmp(&b.0.name.to_lowercase()).then_with(|| a.0.id.cmp(&b.0.id))
    });
    let mut summary = format!("- [Actors]({ACTORS})\n");
    let mut rows = Vec::new();
    let mut pages = Vec::new();
    for (actor, path) in &listed {
        let d = dossiers.get(&actor.id).unwrap_or(&empty);
        let _ = writeln!(summary, "  - [{}]({path})", escape_link_text(&actor.name));
        rows.push(vec![
            format!("[{}]({})", escape_link_text(&actor.name), href(ACTORS, path)),
            kind_name(actor.kind).to_owned(),
            actor.code.as_deref().map(|c| format!("`{c}`")).unwrap_or_default(),
            d.mentions.len().to_string(),
            d.as_source.len().to_string(),
            d.as_target.len().to_string(),
            d.claims_by.len().to_string(),
        ]);
        pages.push(actor_page(x, actor, path, d));
    }
    let body = if rows.is_empty() {
        "No actors were found.\n".to_owned()
    } else {
        table(&["Actor", "Kind", "Code", "Mentions", "As source", "As target", "Claims by"], &rows)
    };
    pages
        .push(Page { path: ACTORS.to_owned(), content: format!("{GENERATED_BANNER}\n\n# Actors\n\n{body}") });
    (pages, summary)
}

fn actor_page(x: &Xref<'_>, actor: &Actor, path: &str, d: &Dossier<'_>) -> Page {
    let mut md = format!("{GENERATED_BANNER}\n\n# {}\n\n", escape(&actor.name));
    let mut facts = vec![
        format!("- **Id**: `{}`", actor.id),
        format!("- **Kind**: {}", kind_name(actor.kind)),
        format!(
            "- **Code**: {}",
            actor.code.as_deref().map_or_else(|| "none".to_owned(), |c| format!("`{c}`"))
        ),
    ];
    if let Some(country) = &actor.country {
        facts.push(format!("- **Country**: `{country}`"));
    }
    if !actor.aliases.is_empty() {
        let aliases: Vec<String> = actor.aliases.iter().map(|a| escape(a)).collect();
        facts.push(format!("- **Also called**: {}", aliases.join(", ")));
    }
    md.push_str(&facts.join("\n"));
    md.push('\n');
    if !actor.roles.is_empty() {
        let rows: Vec<Vec<String>> = actor
            .roles
            .iter()
            .map(|r| {
                vec![
                    escape(&r.title),
                    format!("`{}`", r.code),
                    r.start.map_or_else(|| "unknown".to_owned(), |d| d.to_string()),
                    r.end.map_or_else(|| "—".to_owned(), |d| d.to_string()),
                ]
            })
            .collect();
        md.push_str("\n## Roles\n\n");
        md.push_str(&table(&["Office", "Code", "From", "To"], &rows));
    }
    let _ = write!(md, "\n## Mentions ({})\n\n", d.mentions.len());
    let mut current = None;
    for (ri, m) in &d.mentions {
        let record = &x.corpus.records[*ri];
        if current != Some(*ri) {
            current = Some(*ri);
            let title = &cells::title(record);
            let _ = write!(md, "\n[*{}*]({}):\n\n", escape_link_text(title), href(path, &x.article(*ri)));
        }
        md.push_str(&mention_in_context(x, path, *ri, record, m));
    }
    if d.mentions.is_empty() {
        md.push_str("None in the text.\n");
    }
    md.push_str(&events_table(x, path, "Events as source", &d.as_source, Side::Target));
    md.push_str(&events_table(x, path, "Events as target", &d.as_target, Side::Source));
    md.push_str(&claims_table(x, path, "Claims by", &d.claims_by));
    md.push_str(&claims_table(x, path, "Claims about", &d.claims_about));
    md.push_str(&relations_table(x, path, actor));
    Page { path: path.to_owned(), content: md }
}

fn mention_in_context(x: &Xref<'_>, path: &str, ri: usize, record: &Record, m: &Mention) -> String {
    let doc = &record.document;
    let Some(si) = doc.sentence_at(m.span.start) else {
        return format!("- <mark>{}</mark>\n", escape(m.span.slice(&doc.text)));
    };
    let s = doc.sentences[si].span;
    let before = doc.text.get(s.start..m.span.start).unwrap_or("");
    let words = m.span.slice(&doc.text);
    let after = doc.text.get(m.span.end.min(s.end).max(s.start)..s.end).unwrap_or("");
    format!(
        "- {}<mark>{}</mark>{} ([s{si}]({}), {})\n",
        escape(before),
        escape(words),
        escape(after),
        href(path, &x.sentence(ri, si)),
        format!("{:?}", m.resolution).to_lowercase()
    )
}

/// Which side of an event to show as "the other".
#[derive(Debug, Clone, Copy)]
enum Side {
    Source,
    Target,
}

fn events_table(x: &Xref<'_>, path: &str, title: &str, events: &[(usize, &Event)], other: Side) -> String {
    if events.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|(ri, e)| {
            let record = &x.corpus.records[*ri];
            let side = match other {
                Side::Source => &e.source,
                Side::Target => &e.target,
            };
            vec![
                cells::event_time(x, path, *ri, record, e),
                format!("[{}]({}) {}", e.id, href(path, &x.event(*ri, &e.id)), cells::event_cell(e)),
                cells::participants(x, path, side),
                cells::quote(x, path, *ri, record, e.sentence),
            ]
        })
        .collect();
    let other_name = match other {
        Side::Source => "Source",
        Side::Target => "Target",
    };
    format!("\n## {title} ({})\n\n{}", events.len(), table(&["When", "Event", other_name, "Sentence"], &rows))
}

fn claims_table(x: &Xref<'_>, path: &str, title: &str, claims: &[(usize, &Claim)]) -> String {
    if claims.is_empty() {
        return String::new();
    }
    let rows: Vec<Vec<String>> = claims
        .iter()
        .map(|(ri, c)| {
            let record = &x.corpus.records[*ri];
            vec![
                format!("[{}]({})", c.id, href(path, &x.claim(*ri, &c.id))),
                cells::claim_source(x, path, c),
                cells::certainty_name(c.certainty).to_owned(),
                format!(
                    "[{}]({})",
                    escape_link_text(&cells::shorten(c.content.slice(&record.document.text), 240)),
                    href(path, &x.sentence(*ri, c.sentence))
                ),
            ]
        })
        .collect();
    format!(
        "\n## {title} ({})\n\n{}",
        claims.len(),
        table(&["Claim", "Source", "Certainty", "Content"], &rows)
    )
}

fn relations_table(x: &Xref<'_>, path: &str, actor: &Actor) -> String {
    let mut codes: BTreeSet<&str> = actor.roles.iter().map(|r| r.code.as_str()).collect();
    codes.extend(actor.code.as_deref());
    let rows: Vec<Vec<String>> = x
        .pairs()
        .filter(|((a, b), _)| codes.contains(a) || codes.contains(b))
        .map(|((a, b), page)| {
            let other = if codes.contains(a) { b } else { a };
            vec![
                format!("[`{a}` – `{b}`]({})", href(path, page)),
                escape(&x.code_names(other)),
                crate::relations::pair_summary(x, a, b),
            ]
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    format!("\n## Relations\n\n{}", table(&["Pair", "With", "Asserted observations by domain"], &rows))
}
