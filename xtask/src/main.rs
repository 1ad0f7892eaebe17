//! Developer tasks: `cargo xtask book [--input PATH]... [--out DIR]`.

mod book;
mod scaling;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

const USAGE: &str = "usage: cargo xtask book [--input PATH]... [--out DIR]

  book    extract the articles (default: seeds/) and build the mdBook (default: book/,
          HTML in book/html)
  bench-scaling [--mb N]
          time extraction of N and 2N MB inputs and check that time grows linearly";

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
