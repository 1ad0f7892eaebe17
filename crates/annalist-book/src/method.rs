//! The method chapters, generated from the code's own tables so they cannot drift: the
//! ontology (PLOVER types and the modes seen, modalities, certainties, domains, actor kinds),
//! how to read actor codes, and every lexicon file the extractor uses.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use annalist_core::{ActorKind, EvidenceItem, Modality, PloverType};

use crate::actors::kind_name;
use crate::cells;
use crate::markup::{escape, escape_link_text, href, slug, table};
use crate::relations::{DOMAINS, domain_meaning, domain_name};
use crate::xref::{CODES, LEXICONS, ONTOLOGY, Xref};
use crate::{GENERATED_BANNER, LexiconSource, Page};

/// Every actor kind, in the order the book lists them.
const KINDS: [ActorKind; 7] = [
    ActorKind::State,
    ActorKind::Government,
    ActorKind::Military,
    ActorKind::Person,
    ActorKind::Organization,
    ActorKind::Group,
    ActorKind::Location,
];

/// The ontology page.
pub fn ontology(x: &Xref<'_>) -> Page {
    let mut md = format!("{GENERATED_BANNER}\n\n# Ontology\n\n");
    // Counts and modes per type, and the polarity the relations layer gave each type.
    let mut counts: BTreeMap<PloverType, (usize, usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    let mut event_types = BTreeMap::new();
    for (_, record) in x.records() {
        for e in &record.events {
            let entry = counts.entry(e.event_type).or_default();
            entry.1 += 1;
            if e.modality == Modality::Asserted {
                entry.0 += 1;
            }
            if let Some(mode) = &e.mode {
                *entry.2.entry(mode.as_str()).or_default() += 1;
            }
            event_types.insert((record.document.id.as_str(), e.id.as_str()), e.event_type);
        }
    }
    let mut polarity: BTreeMap<PloverType, BTreeSet<String>> = BTreeMap::new();
    for r in &x.corpus.relations {
        for o in &r.observations {
            if let EvidenceItem::Event(id) = &o.evidence.item
                && let Some(t) = event_types.get(&(o.evidence.document.as_str(), id.as_str()))
            {
                polarity.entry(*t).or_default().insert(format!("{:+.2}", o.polarity));
            }
        }
    }
    md.push_str(
        "## PLOVER event types\n\nThe sixteen types of PLOVER (Political Language Ontology for \
         Verifiable Event Records, openeventdata/PLOVER), from the most cooperative to the most \
         conflictual, with how often each occurs in this book, the modes seen and the polarities \
         the relations ledger gave them.\n\n",
    );
    let rows: Vec<Vec<String>> = PloverType::ALL
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (asserted, all, modes) = counts.get(t).cloned().unwrap_or_default();
            let modes: Vec<String> = modes.iter().map(|(m, n)| format!("{} ({n})", escape(m))).collect();
            let pol: Vec<String> = polarity.get(t).map(|p| p.iter().cloned().collect()).unwrap_or_default();
            vec![
                (i + 1).to_string(),
                format!("`{}`", t.as_str()),
                format!("{asserted}/{all}"),
                if modes.is_empty() { "—".to_owned() } else { modes.join(", ") },
                if pol.is_empty() { "—".to_owned() } else { pol.join(", ") },
            ]
        })
        .collect();
    md.push_str(&table(&["#", "Type", "Events (asserted/all)", "Modes seen", "Polarity"], &rows));
    md.push_str("\n## Modality\n\nWhether the text says an event happened.\n\n");
    let rows: Vec<Vec<String>> = Modality::ALL
        .iter()
        .map(|m| {
            let n =
                x.records().map(|(_, r)| r.events.iter().filter(|e| e.modality == *m).count()).sum::<usize>();
            let name = m.as_str();
            vec![
                format!("<span class=\"modality modality-{name}\">{name}</span>"),
                cells::modality_meaning(*m).to_owned(),
                n.to_string(),
            ]
        })
        .collect();
    md.push_str(&table(&["Modality", "Meaning", "Events"], &rows));
    md.push_str("\n## Certainty of claims\n\n");
    let rows: Vec<Vec<String>> = cells::CERTAINTIES
        .iter()
        .map(|c| {
            let n = x
                .records()
                .map(|(_, r)| r.claims.iter().filter(|k| k.certainty == *c).count())
                .sum::<usize>();
            let name = cells::certainty_name(*c);
            vec![
                format!("<span class=\"certainty certainty-{name}\">{name}</span>"),
                cells::certainty_meaning(*c).to_owned(),
                n.to_string(),
            ]
        })
        .collect();
    md.push_str(&table(&["Certainty", "Meaning", "Claims"], &rows));
    md.push_str("\n## Relation domains\n\n");
    let rows: Vec<Vec<String>> = DOMAINS
        .iter()
        .map(|d| {
            let n = x
                .corpus
                .relations
                .iter()
                .filter(|r| r.domain == *d)
                .map(|r| r.observations.len())
                .sum::<usize>();
            vec![domain_name(*d).to_owned(), domain_meaning(*d).to_owned(), n.to_string()]
        })
        .collect();
    md.push_str(&table(&["Domain", "Covers", "Observations"], &rows));
    md.push_str("\n## Actor kinds\n\n");
    let rows: Vec<Vec<String>> = KINDS
        .iter()
        .map(|k| {
            let n = x.actors.values().filter(|a| a.kind == *k).count();
            vec![kind_name(*k).to_owned(), n.to_string()]
        })
        .collect();
    md.push_str(&table(&["Kind", "Actors"], &rows));
    Page { path: ONTOLOGY.to_owned(), content: md }
}

/// The page on reading codes: every code in the book, split into its parts.
pub fn codes(x: &Xref<'_>) -> Page {
    let mut md = format!(
        "{GENERATED_BANNER}\n\n# Reading actor codes\n\nActor codes are CAMEO-style: three letters \
         for a country (ISO 3166-1 alpha-3, `BLR`) or `IGO` for an international body, then \
         optional three-letter sectors (`GOV` government, `MIL` military). A person's code comes \
         from the role held at the time; a former office-holder's is the country's elite (`ELI`, \
         as the CAMEO codebook codes former officials). Below, every code in this book and every \
         part, with the actors that carry it.\n\n"
    );
    let mut codes: BTreeMap<String, BTreeSet<&annalist_core::ActorId>> = BTreeMap::new();
    for (code, ids) in &x.code_actors {
        codes.entry((*code).to_owned()).or_default().extend(ids.iter().copied());
    }
    for (_, record) in x.records() {
        for e in &record.events {
            for p in e.source.iter().chain(&e.target) {
                if let Some(code) = &p.code {
                    codes.entry(code.clone()).or_default().insert(&p.actor);
                }
            }
        }
    }
    if codes.is_empty() {
        md.push_str("No codes occur in this book.\n");
        return Page { path: CODES.to_owned(), content: md };
    }
    let actor_links = |ids: &BTreeSet<&annalist_core::ActorId>| {
        ids.iter()
            .map(|id| match x.actor(id) {
                Some(p) => format!("[{}]({})", escape_link_text(&x.actor_name_owned(id)), href(CODES, p)),
                None => escape(id.as_str()),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts: BTreeMap<(usize, String), BTreeSet<&annalist_core::ActorId>> = BTreeMap::new();
    let rows: Vec<Vec<String>> = codes
        .iter()
        .map(|(code, ids)| {
            let chunks = split_code(code);
            for (i, c) in chunks.iter().enumerate() {
                parts.entry((i.min(1), c.clone())).or_default().extend(ids.iter().copied());
            }
            vec![
                format!("`{code}`"),
                chunks.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(" + "),
                actor_links(ids),
            ]
        })
        .collect();
    md.push_str("## Codes\n\n");
    md.push_str(&table(&["Code", "Parts", "Actors"], &rows));
    md.push_str("\n## Parts\n\nThe first part is the country or `IGO`; the others are sectors.\n\n");
    let rows: Vec<Vec<String>> = parts
        .iter()
        .map(|((pos, part), ids)| {
            vec![
                format!("`{part}`"),
                if *pos == 0 { "country or body" } else { "sector" }.to_owned(),
                actor_links(ids),
            ]
        })
        .collect();
    md.push_str(&table(&["Part", "Position", "Actors"], &rows));
    Page { path: CODES.to_owned(), content: md }
}

/// A code split into three-letter parts; a remainder is kept as the last part.
fn split_code(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(3).map(|c| c.iter().collect()).collect()
}

/// The most rows a lexicon's page shows.
const LEXICON_PAGE_ROWS: usize = 1_000;

/// The lexicons index and a page per lexicon, and their summary entries.
pub fn lexicons(lexicons: &[LexiconSource]) -> (Vec<Page>, String) {
    let mut summary = format!("  - [Lexicons]({LEXICONS})\n");
    let mut pages = Vec::new();
    let mut md = format!(
        "{GENERATED_BANNER}\n\n# Lexicons\n\nWhat the extractor knows lives in these data files \
         (under `crates/annalist-extract/data/`), each opening with its source and licence.\n\n"
    );
    let mut taken = BTreeSet::new();
    let mut rows = Vec::new();
    for lex in lexicons {
        let mut base = slug(&lex.name);
        while !taken.insert(base.clone()) {
            base.push_str("-x");
        }
        let path = format!("generated/lexicons/{base}.md");
        let page = lexicon_page(lex, &path);
        let _ = writeln!(summary, "    - [{}]({path})", escape_link_text(&lex.name));
        rows.push(vec![
            format!("[{}]({})", escape_link_text(&lex.name), href(LEXICONS, &path)),
            escape(&cells::shorten(&first_sentence(&lex.text), 160)),
            page.1.to_string(),
        ]);
        pages.push(page.0);
    }
    if rows.is_empty() {
        md.push_str("No lexicon files were given.\n");
    } else {
        md.push_str(&table(&["File", "About", "Rows"], &rows));
    }
    pages.push(Page { path: LEXICONS.to_owned(), content: md });
    (pages, summary)
}

fn comment_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|l| l.strip_prefix('#')).map(|l| l.strip_prefix(' ').unwrap_or(l).trim_end())
}

fn first_sentence(text: &str) -> String {
    comment_lines(text).next().unwrap_or("").to_owned()
}

/// One lexicon: its header as prose, its rows as a table. Returns the page and its row count.
fn lexicon_page(lex: &LexiconSource, path: &str) -> (Page, usize) {
    let mut md = format!("{GENERATED_BANNER}\n\n# {}\n\n", escape(&lex.name));
    let mut columns: Vec<String> = Vec::new();
    let header: Vec<&str> = comment_lines(&lex.text).collect();
    for line in &header {
        if let Some(list) = line.trim().strip_prefix("Columns:") {
            columns = list.split('|').map(|c| escape(c.trim())).collect();
        }
    }
    // One header line a line: a backslash at the end of a line is a hard break.
    let prose: Vec<String> = header.iter().map(|l| escape(l)).collect();
    md.push_str(&prose.join("\\\n"));
    md.push('\n');
    if header.is_empty() {
        md.push_str("(no header)\n");
    }
    let rows: Vec<Vec<String>> = lex
        .text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|f| escape(f.trim())).collect())
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(columns.len()).max(1);
    let mut names: Vec<String> =
        (0..width).map(|i| columns.get(i).cloned().unwrap_or_else(|| format!("field {}", i + 1))).collect();
    if width == 1 && columns.is_empty() {
        names = vec!["entry".to_owned()];
    }
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|mut r| {
            r.resize(width, String::new());
            r
        })
        .collect();
    let n = rows.len();
    let header_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    if n > LEXICON_PAGE_ROWS {
        // Derived lists run to tens of thousands of rows: the page shows their start, so the
        // book and its search index stay light; the file holds the rest.
        let _ =
            write!(md, "\n{n} row(s); the first {LEXICON_PAGE_ROWS} are shown, the file has them all.\n\n");
    } else {
        let _ = write!(md, "\n{n} row(s).\n\n");
    }
    if n > 0 {
        md.push_str(&table(&header_refs, &rows[..n.min(LEXICON_PAGE_ROWS)]));
    }
    (Page { path: path.to_owned(), content: md }, n)
}

#[cfg(test)]
mod tests {
    use super::{LEXICON_PAGE_ROWS, LexiconSource, lexicon_page};

    fn lexicon(rows: usize) -> LexiconSource {
        let mut text = "# Words.\n# Source: the test.\n# Columns: word\n".to_owned();
        for i in 0..rows {
            text.push_str(&format!("word{i}\n"));
        }
        LexiconSource { name: "test/words.tsv".to_owned(), text }
    }

    #[test]
    fn a_long_lexicons_page_shows_its_first_rows_and_counts_them_all() {
        let (page, rows) = lexicon_page(&lexicon(LEXICON_PAGE_ROWS + 5), "p.md");
        assert_eq!(rows, LEXICON_PAGE_ROWS + 5);
        assert!(page.content.contains(&format!("the first {LEXICON_PAGE_ROWS} are shown")));
        assert!(page.content.contains(&format!("| word{} |", LEXICON_PAGE_ROWS - 1)));
        assert!(!page.content.contains(&format!("| word{} |", LEXICON_PAGE_ROWS)));
        let (short, _) = lexicon_page(&lexicon(3), "p.md");
        assert!(short.content.contains("3 row(s).") && short.content.contains("| word2 |"));
    }
}
