//! The generated chapters of hand-written fixture corpora (`tests/fixtures/*.json`, each a
//! `Corpus` as JSON), locked by snapshots of their Markdown sources.

use std::path::Path;

use annalist_book::{BookSources, GENERATED_BANNER, LexiconSource, Page, StaticPage, book};
use annalist_core::Corpus;

fn load(path: &Path) -> Corpus {
    let text = std::fs::read_to_string(path).expect("readable fixture");
    let corpus: Corpus = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for record in &corpus.records {
        record.validate().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    corpus
}

/// A lexicon in the format of the extractor's data files, with a `Columns:` line.
fn lexicons() -> Vec<LexiconSource> {
    vec![LexiconSource {
        name: "fixture/verbs.tsv".to_owned(),
        text: "# Verbs for the fixture.\n# Source: written for the book's tests; public domain.\n\
               # Columns: verb | PLOVER type | mode\ncondemn\tACCUSE\tdisapprove\npull back\tRETREAT\twithdraw\n"
            .to_owned(),
    }]
}

fn build(corpus: &Corpus) -> Vec<Page> {
    let front = [StaticPage { title: "Introduction".to_owned(), path: "introduction.md".to_owned() }];
    let method = StaticPage { title: "Method".to_owned(), path: "method.md".to_owned() };
    let lexicons = lexicons();
    book(corpus, &BookSources { front: &front, method: Some(&method), lexicons: &lexicons })
}

/// Invariants checked before the snapshot: banners, unique paths, determinism.
fn check(pages: &[Page], corpus: &Corpus) {
    let mut paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    paths.sort_unstable();
    let n = paths.len();
    paths.dedup();
    assert_eq!(paths.len(), n, "page paths are unique");
    for p in pages {
        if p.path != "SUMMARY.md" {
            assert!(p.content.starts_with(GENERATED_BANNER), "{} starts with the banner", p.path);
            assert!(p.path.starts_with("generated/"), "{} lives under generated/", p.path);
        }
        assert!(!p.content.contains("\n\n\n\n"), "{} has no runs of blank lines", p.path);
    }
    assert_eq!(pages, build(corpus).as_slice(), "chapters are deterministic");
}

#[test]
fn fixture_chapters() {
    insta::glob!("fixtures/*.json", |path| {
        let corpus = load(path);
        let pages = build(&corpus);
        check(&pages, &corpus);
        let mut all = String::new();
        for p in &pages {
            all.push_str(&format!("=== {} ===\n{}\n", p.path, p.content));
        }
        insta::assert_snapshot!(all);
    });
}

#[test]
fn every_sentence_of_every_article_has_an_anchor() {
    let corpus = load(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/two_articles.json")));
    let pages = build(&corpus);
    for record in &corpus.records {
        let page = pages
            .iter()
            .find(|p| {
                p.path.starts_with("generated/articles/") && p.content.contains(record.document.id.as_str())
            })
            .expect("a page per article");
        for i in 0..record.document.sentences.len() {
            assert!(page.content.contains(&format!("id=\"s{i}\"")), "{} sentence {i}", record.document.id);
        }
    }
}
