//! `cargo xtask book`: extract the articles and build the mdBook.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annalist_book::{BookSources, LexiconSource, StaticPage};
use annalist_extract::Extractor;
use annalist_input::{Inputs, Source};
use anyhow::{Context as _, bail};

use crate::{USAGE, workspace_root};

/// The hand-written pages of `book/src/`, listed before the generated chapters.
const FRONT_PAGES: [(&str, &str); 2] =
    [("Introduction", "introduction.md"), ("How to read this book", "reading.md")];

/// The hand-written introduction of the method part, with the generated pages under it.
const METHOD_PAGE: (&str, &str) = ("Method", "method.md");

/// Files of the book's folder besides `src/` that the build needs.
const BOOK_FILES: [&str; 2] = ["book.toml", "annalist.css"];

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let root = workspace_root();
    let mut inputs = Vec::new();
    let mut corpus_file = None;
    let mut out = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--input" => inputs.push(PathBuf::from(it.next().context("--input needs a path")?)),
            "--corpus" => corpus_file = Some(PathBuf::from(it.next().context("--corpus needs a path")?)),
            "--out" => out = Some(PathBuf::from(it.next().context("--out needs a folder")?)),
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    if corpus_file.is_some() && !inputs.is_empty() {
        bail!("give either --input or --corpus, not both\n{USAGE}");
    }
    if inputs.is_empty() {
        inputs.push(root.join("seeds"));
    }
    let template = root.join("book");
    let out = out.unwrap_or_else(|| template.clone());
    stage_template(&template, &out)?;

    let mut failed = 0;
    let started = std::time::Instant::now();
    let corpus = match &corpus_file {
        // A corpus already extracted (or written by hand, as the book's test fixtures are).
        Some(path) => {
            let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
            serde_json::from_str::<annalist_core::Corpus>(&text)
                .with_context(|| format!("{} is not a corpus in JSON", path.display()))?
        }
        None => {
            let extractor = Extractor::default();
            let mut records = Vec::new();
            for item in Inputs::new(inputs.iter().map(|p| Source::from_arg(p))) {
                match item {
                    Ok(article) => records.push(extractor.extract(&article)),
                    Err(e) => {
                        failed += 1;
                        eprintln!("error: {e}");
                    }
                }
            }
            annalist_extract::corpus::assemble(records)
        }
    };
    let front: Vec<StaticPage> = FRONT_PAGES
        .iter()
        .map(|(title, path)| StaticPage { title: (*title).to_owned(), path: (*path).to_owned() })
        .collect();
    let method = StaticPage { title: METHOD_PAGE.0.to_owned(), path: METHOD_PAGE.1.to_owned() };
    let lexicons: Vec<LexiconSource> = annalist_extract::lexicon::FILES
        .iter()
        .map(|f| LexiconSource { name: f.name.to_owned(), text: f.text.to_owned() })
        .collect();
    let sources = BookSources { front: &front, method: Some(&method), lexicons: &lexicons };
    let src = out.join("src");
    let generated = src.join("generated");
    if generated.exists() {
        fs::remove_dir_all(&generated).with_context(|| format!("removing {}", generated.display()))?;
    }
    let extracted = started.elapsed();
    let pages = annalist_book::book(&corpus, &sources);
    let generated_in = started.elapsed() - extracted;
    for page in pages {
        write_atomically(&src.join(&page.path), page.content.as_bytes())?;
    }
    let book = mdbook_driver::MDBook::load(&out).map_err(|e| anyhow::anyhow!("{e:#}"))?;
    book.build().map_err(|e| anyhow::anyhow!("{e:#}"))?;
    let total = started.elapsed();
    eprintln!(
        "time: extraction {:.2}s, chapters {:.2}s, writing and mdBook {:.2}s",
        extracted.as_secs_f64(),
        generated_in.as_secs_f64(),
        (total - extracted - generated_in).as_secs_f64()
    );
    let html = out.join("html");
    println!(
        "built {} from {} article(s): {}",
        out.display(),
        corpus.records.len(),
        html.join("index.html").display()
    );
    if failed > 0 {
        eprintln!("error: {failed} input(s) could not be read; the book holds the others");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Copies `book.toml` and the hand-written pages into `out` when it is not the template.
fn stage_template(template: &Path, out: &Path) -> anyhow::Result<()> {
    if fs::canonicalize(template).ok() == fs::canonicalize(out).ok() {
        return Ok(());
    }
    fs::create_dir_all(out.join("src")).with_context(|| format!("creating {}", out.display()))?;
    for file in BOOK_FILES {
        fs::copy(template.join(file), out.join(file)).with_context(|| format!("copying {file}"))?;
    }
    for (_, page) in FRONT_PAGES.into_iter().chain([METHOD_PAGE]) {
        fs::copy(template.join("src").join(page), out.join("src").join(page))
            .with_context(|| format!("copying {page}"))?;
    }
    Ok(())
}

/// Writes a file through a temporary neighbour and a rename, so a crash never leaves half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("renaming {}", tmp.display()))?;
    Ok(())
}
