//! The book renders for any text: every generated page opens with the generated-by line,
//! every page the summary lists exists, and every sentence of every article has its anchor, so
//! links from other chapters to sentences always land.

use annalist_book::{GENERATED_BANNER, Page, StaticPage};
use annalist_core::{Article, Metadata};
use annalist_extract::{Extractor, corpus};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "Minsk",
    "Kyiv",
    "Moscow",
    "NATO",
    "Lukashenko",
    "President Putin",
    "said",
    "condemned",
    "did not attack",
    "would withdraw",
    "an ally of",
    "according to",
    "might",
    "on August 10",
    "in 2020",
    "a month later",
    ".",
    ",",
    "\"",
    "<script>",
    "&amp;",
    "*",
    "_",
    "[link](x)",
    "|",
    "#",
    "`",
    "\\",
    "$",
    "\n",
    "\r\n",
    "\u{202e}",
    "\u{41b}\u{443}\u{43a}\u{430}\u{448}\u{435}\u{43d}\u{43a}\u{43e}",
    "\u{1f600}",
];

fn articles() -> impl Strategy<Value = Vec<String>> {
    let text = prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.join(" "));
    prop::collection::vec(text, 1..4)
}

fn pages_of(texts: &[String]) -> (annalist_core::Corpus, Vec<Page>) {
    let extractor = Extractor::default();
    let records = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            extractor.extract(&Article {
                id: format!("doc-{i}").into(),
                metadata: Metadata { title: Some(text.chars().take(30).collect()), ..Metadata::default() },
                text: text.clone(),
            })
        })
        .collect();
    let corpus = corpus::assemble(records);
    let front = [StaticPage { title: "Introduction".to_owned(), path: "introduction.md".to_owned() }];
    let pages = annalist_book::chapters(&corpus, &front);
    (corpus, pages)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_book_renders(texts in articles()) {
        let (corpus, pages) = pages_of(&texts);
        let summary = pages.iter().find(|p| p.path == "SUMMARY.md").expect("a summary");
        for page in pages.iter().filter(|p| p.path != "SUMMARY.md") {
            prop_assert!(page.content.starts_with(GENERATED_BANNER), "{} lacks the banner", page.path);
            prop_assert!(!page.content.contains("<script>"), "{} lets markup through", page.path);
        }
        // Every generated page the summary links to exists.
        for link in summary.content.split("](").skip(1).filter_map(|rest| rest.split(')').next()) {
            if link.starts_with("generated/") {
                prop_assert!(pages.iter().any(|p| p.path == link), "summary links to missing {link}");
            }
        }
        // Every sentence of every article has its anchor on some page.
        for record in &corpus.records {
            let path = format!("generated/articles/{}.md", annalist_book::slug(record.document.id.as_str()));
            let page = pages.iter().find(|p| p.path == path);
            prop_assert!(page.is_some(), "no page {path}");
            for i in 0..record.document.sentences.len() {
                let anchor = format!("id=\"s{i}\"");
                prop_assert!(page.unwrap().content.contains(&anchor), "{path} lacks {anchor}");
            }
        }
    }
}
