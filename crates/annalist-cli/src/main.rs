//! `annalist`: read articles about international politics into typed, sourced records.

mod corpus;
mod eval;
mod json;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use annalist_extract::Extractor;
use annalist_input::{Inputs, Source};
use anyhow::Context as _;
use clap::{Parser, Subcommand};

/// Extraction allocates many small, short-lived values (tokens' forms, spans, ids) on every
/// worker thread; mimalloc's thread-local free lists make that markedly cheaper than the system
/// allocator (`cargo xtask bench-corpus` measures it). Its `no_thp` build keeps it from asking
/// for transparent huge pages: freed and re-touched memory would otherwise be cleared 2 MB at a
/// time by the kernel, which cost more than it saved.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "annalist",
    version,
    about = "Actors, events, claims and relations from news and commentary"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract the record of each article and print it as JSON (one record: pretty JSON; several:
    /// JSON Lines).
    Extract {
        /// Files, folders (read recursively), JSON Lines corpora, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Always print JSON Lines, one compact record a line.
        #[arg(long)]
        jsonl: bool,
    },
    /// Annotate an evaluation suite (JSON Lines in the format of shared/eval/FORMAT.md) and print
    /// predictions in the same format.
    Annotate {
        /// The suite file.
        suite: PathBuf,
    },
    /// Process a corpus on all cores into a folder of tables: records.jsonl, events.csv,
    /// claims.jsonl, actors.json, relations.json, schema.json.
    Corpus {
        /// Files, folders (read recursively), JSON Lines corpora, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The output folder (created when missing; its tables are replaced).
        #[arg(long, short)]
        out: PathBuf,
        /// Worker threads (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// No progress bar or summary, even on a terminal.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print the JSON Schema of the record.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`annalist extract x | head`) is not an error worth a message.
            if e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract { paths, jsonl } => extract(&paths, jsonl),
        Command::Annotate { suite } => {
            let stdout = io::stdout().lock();
            eval::annotate(&suite, BufWriter::new(stdout))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Corpus { paths, out, jobs, quiet } => {
            corpus::run(&corpus::Options { paths, out, jobs, quiet })
        }
        Command::Schema => {
            println!("{}", annalist_core::record_schema());
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn extract(paths: &[PathBuf], jsonl: bool) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::default();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut failed = 0usize;
    // One input path prints one pretty record; as soon as a second record shows up, or with
    // --jsonl, output is JSON Lines.
    let mut streaming = jsonl || paths.len() > 1;
    let mut first: Option<annalist_core::Record> = None;
    // Each JSON line is rendered here, then written.
    let mut line = Vec::new();
    for item in Inputs::new(paths.iter().map(|p| Source::from_arg(p))) {
        match item {
            Ok(article) => {
                let record = extractor.extract_owned(article);
                if !streaming && first.is_none() {
                    first = Some(record);
                    continue;
                }
                streaming = true;
                for r in first.take().iter().chain([&record]) {
                    line.clear();
                    json::write(&mut line, r)?;
                    line.push(b'\n');
                    out.write_all(&line)?;
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("error: {e}");
            }
        }
    }
    if let Some(record) = first {
        serde_json::to_writer_pretty(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush().context("writing to standard output")?;
    if failed > 0 {
        eprintln!("error: {failed} input(s) could not be read");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
