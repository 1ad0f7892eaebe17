//! Relations: a matrix of actor pairs by domain, coloured by the mean polarity of asserted
//! observations, and a page per pair with its dated history, every observation linked to
//! its sentence; observations of events the text does not assert are listed apart.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use annalist_core::{Domain, EvidenceItem, Modality, Observation, Relation};

use crate::cells;
use crate::markup::{escape, escape_link_text, href, html, table};
use crate::when;
use crate::xref::{RELATIONS, Xref};
use crate::{GENERATED_BANNER, Page};

/// Every domain, in the matrix's column order.
pub const DOMAINS: [Domain; 4] = [Domain::Military, Domain::Diplomatic, Domain::Economic, Domain::Political];

/// The lower-case name of a domain.
pub fn domain_name(d: Domain) -> &'static str {
    match d {
        Domain::Military => "military",
        Domain::Diplomatic => "diplomatic",
        Domain::Economic => "economic",
        Domain::Political => "political",
    }
}

/// What a domain covers, for the method chapter.
pub fn domain_meaning(d: Domain) -> &'static str {
    match d {
        Domain::Military => "force, troops, borders, weapons",
        Domain::Diplomatic => "talks, recognition, embassies, statements between governments",
        Domain::Economic => "trade, sanctions, aid, money",
        Domain::Political => "alignment, support and opposition in politics at large",
    }
}

/// Mean polarity and count of the asserted observations, and the count of the others.
fn tally(observations: &[Observation]) -> (Option<f32>, usize, usize) {
    let asserted: Vec<f32> =
        observations.iter().filter(|o| o.modality == Modality::Asserted).map(|o| o.polarity).collect();
    let others = observations.len() - asserted.len();
    let mean = (!asserted.is_empty()).then(|| asserted.iter().sum::<f32>() / asserted.len() as f32);
    (mean, asserted.len(), others)
}

/// A background colour for a mean polarity: red for conflict, green for cooperation, paler
/// toward neutral.
fn colour(p: f32) -> String {
    let p = p.clamp(-1.0, 1.0);
    let hue = if p < 0.0 { 0 } else { 130 };
    let lightness = 94.0 - 38.0 * p.abs();
    format!("hsl({hue}, 65%, {lightness:.0}%)")
}

/// The relations of a pair by domain, from the ledger.
fn by_pair<'a>(x: &Xref<'a>) -> BTreeMap<(&'a str, &'a str), BTreeMap<Domain, &'a Relation>> {
    let mut out: BTreeMap<(&str, &str), BTreeMap<Domain, &Relation>> = BTreeMap::new();
    for r in &x.corpus.relations {
        out.entry((r.actors[0].as_str(), r.actors[1].as_str())).or_default().insert(r.domain, r);
    }
    out
}

/// "military +0.4 (3); political −0.6 (1)": the asserted observations of a pair.
pub fn pair_summary(x: &Xref<'_>, a: &str, b: &str) -> String {
    let mut parts = Vec::new();
    for r in x.corpus.relations.iter().filter(|r| r.actors[0] == a && r.actors[1] == b) {
        let (mean, n, others) = tally(&r.observations);
        let mean = mean.map_or_else(|| "no asserted".to_owned(), |m| format!("{m:+.2} ({n})"));
        let others = if others > 0 { format!(", {others} not asserted") } else { String::new() };
        parts.push(format!("{} {mean}{others}", domain_name(r.domain)));
    }
    parts.join("; ")
}

/// The matrix page and one page per pair, and their summary entries.
pub fn pages(x: &Xref<'_>) -> (Vec<Page>, String) {
    let pairs = by_pair(x);
    let mut summary = format!("- [Relations]({RELATIONS})\n");
    let mut pages = Vec::new();
    let mut md = format!("{GENERATED_BANNER}\n\n# Relations\n\n");
    if pairs.is_empty() {
        md.push_str("No relations were observed.\n");
        pages.push(Page { path: RELATIONS.to_owned(), content: md });
        return (pages, summary);
    }
    md.push_str(
        "Each cell is the mean polarity of the asserted observations of a pair in a domain, from \
         −1 (armed conflict) through 0 to +1 (agreement, aid), with their number; observations of \
         events the text denies, announces, reports or speculates about are counted apart and \
         do not colour the cell. Open a pair for its dated history.\n\n",
    );
    md.push_str("<table class=\"relations-matrix\"><thead><tr><th>Pair</th>");
    for d in DOMAINS {
        let _ = write!(md, "<th>{}</th>", domain_name(d));
    }
    md.push_str("</tr></thead><tbody>\n");
    for ((a, b), domains) in &pairs {
        let Some(page) = x.pair(a, b) else { continue };
        let names = format!("{} – {}", x.code_names(a), x.code_names(b));
        let short = format!("{} – {}", first_name(x, a), first_name(x, b));
        let _ = write!(
            md,
            "<tr><th><a href=\"{}\" title=\"{}\"><code>{}</code> – <code>{}</code></a><br><small>{}</small></th>",
            href(RELATIONS, page),
            html(&names),
            html(a),
            html(b),
            html(&short)
        );
        for d in DOMAINS {
            match domains.get(&d) {
                None => md.push_str("<td class=\"empty\">·</td>"),
                Some(r) => {
                    let (mean, n, others) = tally(&r.observations);
                    let style =
                        mean.map(|m| format!(" style=\"background: {}\"", colour(m))).unwrap_or_default();
                    let value = mean.map_or_else(|| "—".to_owned(), |m| format!("{m:+.2}"));
                    let others =
                        if others > 0 { format!(" <small>+{others}?</small>") } else { String::new() };
                    let _ = write!(
                        md,
                        "<td{style}><a href=\"{}#{}\">{value}</a> <small>({n})</small>{others}</td>",
                        href(RELATIONS, page),
                        domain_name(d)
                    );
                }
            }
        }
        md.push_str("</tr>\n");
        let _ = writeln!(summary, "  - [{} – {}]({page})", escape_link_text(a), escape_link_text(b));
        pages.push(pair_page(x, a, b, page, domains));
    }
    md.push_str("</tbody></table>\n\n");
    md.push_str(
        "`(n)` is the number of asserted observations; `+k?` the number of not-asserted ones. \
         Codes name actors as the method chapter explains.\n",
    );
    pages.push(Page { path: RELATIONS.to_owned(), content: md });
    (pages, summary)
}

/// The name of the actor that best stands for `code` (one whose own code it is, a state
/// before a government before the rest), or the code itself.
fn first_name<'a>(x: &Xref<'a>, code: &'a str) -> &'a str {
    x.code_actors
        .get(code)
        .and_then(|ids| {
            ids.iter()
                .filter_map(|id| x.actors.get(id))
                .min_by_key(|a| (a.code.as_deref() != Some(code), a.kind, &a.id))
        })
        .map_or(code, |a| a.name.as_str())
}

fn side(x: &Xref<'_>, path: &str, code: &str) -> String {
    let ids = x.code_actors.get(code).cloned().unwrap_or_default();
    if ids.is_empty() {
        return format!("`{code}`");
    }
    let names: Vec<String> = ids
        .iter()
        .map(|id| match x.actor(id) {
            Some(p) => format!("[{}]({})", escape_link_text(x.actor_name(id)), href(path, p)),
            None => escape(x.actor_name(id)),
        })
        .collect();
    format!("`{code}` ({})", names.join(", "))
}

fn pair_page(x: &Xref<'_>, a: &str, b: &str, path: &str, domains: &BTreeMap<Domain, &Relation>) -> Page {
    let mut md = format!("{GENERATED_BANNER}\n\n# {} – {}\n\n", escape(a), escape(b));
    let _ = writeln!(md, "Between {} and {}.\n", side(x, path, a), side(x, path, b));
    let _ = writeln!(md, "[All relations]({})\n", href(path, RELATIONS));
    for (d, r) in domains {
        let (mean, n, _) = tally(&r.observations);
        let _ = writeln!(md, "\n## {}\n", capitalised(domain_name(*d)));
        let _ = writeln!(
            md,
            "{}\n",
            match mean {
                Some(m) => format!("Mean polarity {m:+.2} over {n} asserted observation(s)."),
                None => "No asserted observation.".to_owned(),
            }
        );
        if !r.periods.is_empty() {
            md.push_str(&periods(r));
            md.push('\n');
        }
        let mut asserted: Vec<&Observation> =
            r.observations.iter().filter(|o| o.modality == Modality::Asserted).collect();
        let mut others: Vec<&Observation> =
            r.observations.iter().filter(|o| o.modality != Modality::Asserted).collect();
        let order =
            |o: &&Observation| o.date.as_deref().map_or(when::Position::Nowhere, |v| when::position(v, None));
        asserted.sort_by_key(order);
        others.sort_by_key(order);
        if !asserted.is_empty() {
            md.push_str(&history(x, path, &asserted, false));
        }
        if !others.is_empty() {
            md.push_str("\n### Not asserted\n\nDenied, announced, hypothetical, reported or speculated: not counted above.\n\n");
            md.push_str(&history(x, path, &others, true));
        }
    }
    Page { path: path.to_owned(), content: md }
}

/// The ledger's summary period by period: counts, mean polarity, and where the balance turned.
fn periods(r: &Relation) -> String {
    let rows: Vec<Vec<String>> = r
        .periods
        .iter()
        .map(|p| {
            let when = if p.period == "undated" {
                "undated".to_owned()
            } else {
                format!("{} `{}`", escape(&when::label(&p.period, None)), escape(&p.period))
            };
            let style =
                p.mean_polarity.map_or_else(String::new, |m| format!(" style=\"background: {}\"", colour(m)));
            let mean = p.mean_polarity.map_or_else(
                || "—".to_owned(),
                |m| format!("<span class=\"polarity\"{style}>{m:+.2}</span>"),
            );
            vec![
                when,
                format!("{}/{}", p.asserted, p.observations),
                mean,
                p.change.as_deref().map_or_else(|| "—".to_owned(), escape),
            ]
        })
        .collect();
    table(&["Period", "Asserted/all", "Mean polarity", "Change"], &rows)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn history(x: &Xref<'_>, path: &str, observations: &[&Observation], with_modality: bool) -> String {
    let rows: Vec<Vec<String>> = observations
        .iter()
        .map(|o| {
            let ri = x.record_of(o.evidence.document.as_str());
            let date = o
                .date
                .as_deref()
                .map_or_else(|| "undated".to_owned(), |v| format!("{} `{v}`", escape(&when::label(v, None))));
            let item = match (&o.evidence.item, ri) {
                (EvidenceItem::Event(id), Some(ri)) => {
                    format!("[event {id}]({})", href(path, &x.event(ri, id)))
                }
                (EvidenceItem::Claim(id), Some(ri)) => {
                    format!("[claim {id}]({})", href(path, &x.claim(ri, id)))
                }
                (EvidenceItem::Statement(s), Some(ri)) => {
                    format!("[statement]({})", href(path, &x.sentence(ri, *s)))
                }
                (EvidenceItem::Event(id), None) => format!("event {id}"),
                (EvidenceItem::Claim(id), None) => format!("claim {id}"),
                (EvidenceItem::Statement(_), None) => "statement".to_owned(),
            };
            let sentence = match ri {
                Some(ri) => format!(
                    "[{}]({})",
                    escape_link_text(&cells::shorten(&o.evidence.sentence_text, 300)),
                    href(path, &x.sentence(ri, o.evidence.sentence))
                ),
                None => escape(&cells::shorten(&o.evidence.sentence_text, 300)),
            };
            let mut row = vec![date, format!("{:+.2}", o.polarity), item];
            if with_modality {
                let m = o.modality.as_str();
                row.push(format!("<span class=\"modality modality-{m}\">{m}</span>"));
            }
            row.push(sentence);
            row
        })
        .collect();
    let header: &[&str] = if with_modality {
        &["When", "Polarity", "Item", "Modality", "Sentence"]
    } else {
        &["When", "Polarity", "Item", "Sentence"]
    };
    table(header, &rows)
}
