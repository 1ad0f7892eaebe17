//! The claims register: every claim grouped by its source, with its certainty and the cues
//! behind it, its stance, and the claims it disputes or supports (both ways).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annalist_core::{Claim, ClaimId, ClaimLinkKind, ClaimSource, CueKind, Record};

use crate::cells;
use crate::markup::{escape, escape_link_text, href, table};
use crate::when;
use crate::xref::{CLAIMS, Xref};
use crate::{GENERATED_BANNER, Page};

/// How sources are grouped: named actors by name, then authors, then unnamed sources.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Actor(String, String),
    Author,
    Unnamed,
}

/// The claims register page.
pub fn page(x: &Xref<'_>) -> Page {
    let mut groups: BTreeMap<Group, Vec<(usize, &Claim)>> = BTreeMap::new();
    // Links the other way: which claims dispute or support this one.
    let mut incoming: BTreeMap<(usize, &ClaimId), Vec<(ClaimLinkKind, &ClaimId)>> = BTreeMap::new();
    let mut total = 0;
    let mut disputes = 0;
    for (ri, record) in x.records() {
        for c in &record.claims {
            total += 1;
            let group = match &c.source {
                ClaimSource::Actor { actor, .. } => {
                    Group::Actor(x.actor_name(actor).to_lowercase(), actor.as_str().to_owned())
                }
                ClaimSource::Author { .. } => Group::Author,
                ClaimSource::Unnamed { .. } => Group::Unnamed,
            };
            groups.entry(group).or_default().push((ri, c));
            for l in &c.links {
                if l.kind == ClaimLinkKind::Disputes {
                    disputes += 1;
                }
                incoming.entry((ri, &l.claim)).or_default().push((l.kind, &c.id));
            }
        }
    }
    let mut md = format!("{GENERATED_BANNER}\n\n# Claims\n\n");
    if total == 0 {
        md.push_str("No claims were found.\n");
        return Page { path: CLAIMS.to_owned(), content: md };
    }
    let _ = writeln!(
        md,
        "{total} claim(s) from {} source(s); {disputes} dispute(s) between claims. Certainty runs \
         low, moderate, plain, high; the hedges and boosters behind it are quoted.\n",
        groups.len()
    );
    for (group, claims) in &groups {
        let heading = match group {
            Group::Actor(_, id) => {
                let id = annalist_core::ActorId::from(id.as_str());
                match x.actor(&id) {
                    Some(page) => {
                        format!("[{}]({})", escape_link_text(&x.actor_name_owned(&id)), href(CLAIMS, page))
                    }
                    None => escape(id.as_str()),
                }
            }
            Group::Author => "The authors".to_owned(),
            Group::Unnamed => "Unnamed sources".to_owned(),
        };
        let _ = writeln!(md, "\n## {heading}\n");
        let rows: Vec<Vec<String>> =
            claims.iter().map(|(ri, c)| row(x, *ri, &x.corpus.records[*ri], c, &incoming)).collect();
        md.push_str(&table(
            &["Claim", "Content", "Certainty", "Stance", "Disputes / supports", "When"],
            &rows,
        ));
    }
    Page { path: CLAIMS.to_owned(), content: md }
}

fn row(
    x: &Xref<'_>,
    ri: usize,
    record: &Record,
    c: &Claim,
    incoming: &BTreeMap<(usize, &ClaimId), Vec<(ClaimLinkKind, &ClaimId)>>,
) -> Vec<String> {
    let text = &record.document.text;
    let title = &cells::title(record);
    let cue = c.cue.map(|s| format!(" *{}*", escape(s.slice(text)))).unwrap_or_default();
    let cues: Vec<String> = c
        .certainty_cues
        .iter()
        .map(|k| {
            let kind = match k.kind {
                CueKind::Hedge => "hedge",
                CueKind::Booster => "booster",
            };
            format!("{kind} “{}”", escape(k.span.slice(text)))
        })
        .collect();
    let certainty = if cues.is_empty() {
        format!("<span class=\"certainty certainty-{0}\">{0}</span>", cells::certainty_name(c.certainty))
    } else {
        format!(
            "<span class=\"certainty certainty-{0}\">{0}</span> ({1})",
            cells::certainty_name(c.certainty),
            cues.join(", ")
        )
    };
    let stance: Vec<String> = c
        .stance
        .iter()
        .map(|s| {
            let name = escape_link_text(&x.actor_name_owned(&s.actor));
            let sign = if s.polarity >= 0.0 { "for" } else { "against" };
            match x.actor(&s.actor) {
                Some(p) => format!("{sign} [{name}]({}) ({:+.1})", href(CLAIMS, p), s.polarity),
                None => format!("{sign} {name} ({:+.1})", s.polarity),
            }
        })
        .collect();
    let link_name = |k: ClaimLinkKind, outgoing: bool| match (k, outgoing) {
        (ClaimLinkKind::Disputes, true) => "disputes",
        (ClaimLinkKind::Supports, true) => "supports",
        (ClaimLinkKind::Disputes, false) => "disputed by",
        (ClaimLinkKind::Supports, false) => "supported by",
    };
    let mut links: Vec<String> = c
        .links
        .iter()
        .map(|l| format!("{} [{}](#{})", link_name(l.kind, true), l.claim, x.claim_anchor(ri, &l.claim)))
        .collect();
    if let Some(back) = incoming.get(&(ri, &c.id)) {
        links.extend(
            back.iter()
                .map(|(k, id)| format!("{} [{id}](#{})", link_name(*k, false), x.claim_anchor(ri, id))),
        );
    }
    let time = c
        .time
        .as_ref()
        .and_then(|t| record.timexes.iter().find(|x| &x.id == t))
        .map(|t| {
            format!(
                "[{}]({})",
                escape_link_text(&when::label(&t.value, t.modifier)),
                href(CLAIMS, &x.timex(ri, &t.id))
            )
        })
        .unwrap_or_else(|| "—".to_owned());
    vec![
        format!(
            "<a id=\"{}\"></a>[{}]({}) in *{}*{cue}",
            x.claim_anchor(ri, &c.id),
            c.id,
            href(CLAIMS, &x.sentence(ri, c.sentence)),
            escape(title)
        ),
        format!(
            "[{}]({})",
            escape_link_text(&cells::shorten(c.content.slice(text), 300)),
            href(CLAIMS, &x.sentence(ri, c.sentence))
        ),
        certainty,
        if stance.is_empty() { "—".to_owned() } else { stance.join("; ") },
        if links.is_empty() { "—".to_owned() } else { links.join("; ") },
        time,
    ]
}
