//! Developer tasks: `cargo xtask book`, `browser-check`, `bench-corpus`, `bench-scaling`.

mod bench;
mod book;
mod browser;
mod scaling;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

const USAGE: &str = "usage: cargo xtask book [--input PATH]... [--corpus FILE] [--out DIR]
       cargo xtask browser-check [--book DIR] [--search NAME] [--screenshot FILE]
       cargo xtask bench-corpus [--sizes 5,50] [--stories FILE] [--spacy-peer FILE]
                                [--jobs N] [--repeat N] [--no-build] [--no-peer]
       cargo xtask bench-scaling [--mb N]

  book           extract the articles (default: seeds/), or read an extracted corpus
                 (--corpus, JSON), and build the mdBook (default: book/, HTML in book/html)
  browser-check  open a built book in headless Chromium: the pages render, a search for
                 an actor's name lists its page; saves a screenshot
  bench-corpus   replicate the VOA stories to corpora of the given sizes in MB, time the
                 release `annalist corpus` on each (MB per CPU-second, wall time, peak memory;
                 fastest of --repeat runs, default 3) and the spaCy peer on 20 stories;
                 summary in target/bench-corpus/summary.txt
  bench-scaling  time extraction of N and 2N MB inputs (default 5) and check that time
                 grows linearly";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> anyhow::Result<ExitCode> {
    let Some((task, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    };
    match task.as_str() {
        "book" => book::run(rest),
        "browser-check" => browser::run(rest),
        "bench-corpus" => bench::run(rest),
        "bench-scaling" => scaling::run(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => bail!("unknown task {other:?}\n{USAGE}"),
    }
}

/// The workspace's root folder.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_owned()
}
