//! `annalist corpus`: many articles in, a folder of corpus tables out.
//!
//! Articles are read in input order in bounded chunks (a few MB of text each); the records of
//! a chunk are extracted and rendered to their output lines on all cores while the chunk
//! before is written, in input order, and the next one is read. Memory is bounded by three
//! chunks plus what has to span the whole corpus: the merged actor table and the relations
//! ledger, which keeps each record's relation observations only.
//!
//! Every output is written to a temporary file in the output folder and renamed into place
//! only when the run has written it completely, so a failed run never leaves a half-written
//! table behind. A bad input is reported on one line naming it; the run goes on and ends with
//! a failing exit status and the count of bad inputs.

use std::borrow::Cow;
use std::fs::{self, File};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use annalist_core::{Actor, ActorId, Article, ClaimSource, DocumentId, Participant, Record, Relation, Span};
use annalist_extract::Extractor;
use annalist_extract::corpus::ActorTable;
use annalist_extract::relations::Ledger;
use annalist_input::{InputError, Inputs, Source};

use crate::json::EscapedText;
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

/// A chunk ends after this many bytes of article text ...
const CHUNK_BYTES: usize = 2 << 20;
/// ... or this many articles, whichever comes first.
const CHUNK_ARTICLES: usize = 1024;

/// The columns of `events.csv`, one event a row.
pub const EVENT_COLUMNS: [&str; 13] = [
    "document_id",
    "event_id",
    "date",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "type",
    "mode",
    "modality",
    "trigger",
    "sentence",
    "url",
];

/// How `annalist corpus` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files, folders, JSON Lines corpora or `-`.
    pub paths: Vec<PathBuf>,
    /// The output folder (created when missing).
    pub out: PathBuf,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// No progress bar and no summary line, even on a terminal.
    pub quiet: bool,
}

/// Runs `annalist corpus`.
pub fn run(options: &Options) -> anyhow::Result<ExitCode> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = options.jobs {
        pool = pool.num_threads(jobs);
    }
    let pool = pool.build().context("starting worker threads")?;
    pool.install(|| run_in_pool(options))
}

fn run_in_pool(options: &Options) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let sources: Vec<Source> = options.paths.iter().map(|p| Source::from_arg(p)).collect();
    let show = !options.quiet && io::stderr().is_terminal();
    let bar = progress_bar(show, annalist_input::total_bytes(&sources));
    let mut tables = Tables::create(&options.out)?;
    let mut inputs = Inputs::new(sources).skipping(&options.out);
    let extractor = Extractor::default();
    let mut failed = 0usize;

    // Three chunks are in flight: the one being read, the one being extracted on the worker
    // threads, and the one before it being written (reading and writing share one thread).
    let mut chunk = read_chunk(&mut inputs);
    let mut done: Vec<Result<Rendered, InputError>> = Vec::new();
    while !chunk.is_empty() {
        bar.set_position(inputs.bytes_read());
        let ((next, written), rendered) = rayon::join(
            || {
                let written = write_chunk(&mut tables, std::mem::take(&mut done), &bar, &mut failed);
                (read_chunk(&mut inputs), written)
            },
            || {
                chunk
                    .into_par_iter()
                    .map(|item| item.map(|a| Rendered::new(&extractor, a)))
                    .collect::<Vec<_>>()
            },
        );
        written?;
        done = rendered;
        chunk = next;
    }
    write_chunk(&mut tables, done, &bar, &mut failed)?;
    bar.set_position(inputs.bytes_read());
    bar.finish_and_clear();

    let summary = tables.finish()?;
    if show {
        eprintln!("{summary} in {} in {:.1} s", options.out.display(), started.elapsed().as_secs_f64());
    }
    if failed > 0 {
        eprintln!("error: {failed} input(s) could not be read; the other documents were written");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn progress_bar(show: bool, total: Option<u64>) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta} {msg}",
        ),
        None => (ProgressBar::new_spinner(), "{spinner} {elapsed_precise} {bytes} {bytes_per_sec} {msg}"),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Writes a chunk's documents in input order and reports its bad inputs, counting them.
fn write_chunk(
    tables: &mut Tables,
    chunk: Vec<Result<Rendered, InputError>>,
    bar: &ProgressBar,
    failed: &mut usize,
) -> anyhow::Result<()> {
    for item in chunk {
        match item {
            Ok(rendered) => tables.push(rendered)?,
            Err(e) => {
                *failed += 1;
                bar.suspend(|| eprintln!("error: {e}"));
            }
        }
    }
    bar.set_message(format!("{} documents", tables.documents));
    Ok(())
}

/// The next inputs, in order, up to [`CHUNK_BYTES`] of text or [`CHUNK_ARTICLES`] articles.
fn read_chunk(inputs: &mut Inputs) -> Vec<Result<Article, InputError>> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while bytes < CHUNK_BYTES && chunk.len() < CHUNK_ARTICLES {
        let Some(item) = inputs.next() else { break };
        if let Ok(article) = &item {
            bytes += article.text.len();
        }
        chunk.push(item);
    }
    chunk
}

/// One document's share of every table, rendered on a worker thread.
#[derive(Debug)]
pub struct Rendered {
    /// The record as one JSON line.
    record: Vec<u8>,
    /// Its rows of `events.csv`.
    event_rows: Vec<u8>,
    /// Its lines of `claims.jsonl`.
    claim_lines: Vec<u8>,
    actors: Vec<Actor>,
    /// Its relation observations, for the ledger.
    relations: Vec<Relation>,
    events: usize,
    claims: usize,
}

impl Rendered {
    /// Extracts the record of `article` and renders it.
    pub fn new(extractor: &Extractor, article: Article) -> Rendered {
        Rendered::from_record(extractor.extract_owned(article))
    }

    /// Renders an extracted record.
    pub fn from_record(record: Record) -> Rendered {
        // A record's JSON is a few times its text (spans, ids, the text itself; six times on
        // the VOA stories, eight for 99% of them): sizing the buffer up front saves growing
        // and copying it.
        let mut line = Vec::with_capacity(record.document.text.len() * 8 + 4096);
        let layout = crate::json::write_record(&mut line, &record).expect("a record always serialises");
        line.push(b'\n');
        let mut event_rows = Vec::with_capacity(record.events.len() * 512);
        for event in &record.events {
            let date = event
                .time
                .as_ref()
                .and_then(|t| record.timexes.iter().find(|x| x.id == *t))
                .map_or("", |x| x.value.as_str());
            let (source_code, source_name) = participants(&record, &event.source);
            let (target_code, target_name) = participants(&record, &event.target);
            let fields = [
                record.document.id.as_str(),
                event.id.as_str(),
                date,
                &source_code,
                &source_name,
                &target_code,
                &target_name,
                event.event_type.as_str(),
                event.mode.as_deref().unwrap_or(""),
                event.modality.as_str(),
                event.trigger.get(&record.document.text).unwrap_or(""),
                record.document.sentence_text(event.sentence),
                record.document.metadata.url.as_deref().unwrap_or(""),
            ];
            write_csv_row(&mut event_rows, &fields);
        }
        let mut claim_lines = Vec::with_capacity(record.claims.len() * 1024);
        // Each claim's JSON and the text it quotes were just written into the record's line:
        // its row copies them.
        for (claim, object) in record.claims.iter().zip(&layout.claims) {
            ClaimRow::new(&record, claim).write(&mut claim_lines, &line, object.clone(), &layout.text);
            claim_lines.push(b'\n');
        }
        let events = record.events.len();
        let claims = record.claims.len();
        Rendered {
            record: line,
            event_rows,
            claim_lines,
            actors: record.actors,
            relations: record.relations,
            events,
            claims,
        }
    }
}

/// One line of `claims.jsonl`: the claim with its document and the words it spans.
///
/// [`ClaimRow::write`] writes it by hand; the derived `Serialize` is what that is tested
/// against (and says what the line holds).
#[derive(Serialize)]
struct ClaimRow<'a> {
    document: &'a DocumentId,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_name: Option<&'a str>,
    content_text: &'a str,
    sentence_text: &'a str,
    #[serde(flatten)]
    claim: &'a annalist_core::Claim,
    /// Where `content_text` and `sentence_text` stand in the document text (empty when they
    /// are).
    #[serde(skip)]
    content_at: Range<usize>,
    #[serde(skip)]
    sentence_at: Range<usize>,
}

impl<'a> ClaimRow<'a> {
    /// The row of `claim`, one of `record`'s claims.
    fn new(record: &'a Record, claim: &'a annalist_core::Claim) -> ClaimRow<'a> {
        let text = &record.document.text;
        // Where a span stands in the text, as `Span::slice` takes it: nowhere (an empty
        // piece) when it is not valid for the text.
        let offsets = |span: Span| match span.get(text) {
            Some(_) => span.start..span.end,
            None => 0..0,
        };
        let sentence = record.document.sentences.get(claim.sentence).map(|s| s.span);
        ClaimRow {
            document: &record.document.id,
            url: record.document.metadata.url.as_deref(),
            source_name: match &claim.source {
                ClaimSource::Actor { actor, .. } => actor_name(record, actor),
                _ => None,
            },
            content_text: claim.content.get(&record.document.text).unwrap_or(""),
            sentence_text: record.document.sentence_text(claim.sentence),
            claim,
            content_at: offsets(claim.content),
            sentence_at: sentence.map_or(0..0, offsets),
        }
    }
}

impl ClaimRow<'_> {
    /// Appends the row as compact JSON, exactly as its derived `Serialize` is written by
    /// [`crate::json::write`] (or serde_json): the row's own fields with constant keys, then
    /// the claim's fields, which `#[serde(flatten)]` writes into the same object.
    /// `line` is the record's line, `claim_object` where the row's claim stands in it and
    /// `text` where its text does: the row copies the claim and its texts, already escaped.
    fn write(&self, out: &mut Vec<u8>, line: &[u8], claim_object: Range<usize>, text: &EscapedText) {
        let ClaimRow {
            document,
            url,
            source_name,
            content_text: _,
            sentence_text: _,
            claim: _,
            content_at,
            sentence_at,
        } = self;
        out.extend_from_slice(b"{\"document\":");
        crate::json::write_str(out, document.as_str());
        if let Some(url) = url {
            out.extend_from_slice(b",\"url\":");
            crate::json::write_str(out, url);
        }
        if let Some(name) = source_name {
            out.extend_from_slice(b",\"source_name\":");
            crate::json::write_str(out, name);
        }
        out.extend_from_slice(b",\"content_text\":\"");
        out.extend_from_slice(&line[text.range(content_at.clone())]);
        out.extend_from_slice(b"\",\"sentence_text\":\"");
        out.extend_from_slice(&line[text.range(sentence_at.clone())]);
        // The claim's object continues this one: its opening brace becomes the comma after
        // `sentence_text`. (A claim always has fields: its id, source, content, ...)
        out.extend_from_slice(b"\",");
        out.extend_from_slice(line.get(claim_object).and_then(|o| o.get(1..)).unwrap_or_default());
    }
}

fn actor_name<'r>(record: &'r Record, id: &ActorId) -> Option<&'r str> {
    record.actors.iter().find(|a| a.id == *id).map(|a| a.name.as_str())
}

/// The codes and names of an event's participants, each joined with `;`. A participant's own
/// code (its role at the event's date) comes first, then its actor's; a code from the context
/// is left out, as the table has no column to mark it (`records.jsonl` has it, marked). One
/// participant is the common case: its code and name are borrowed, with no new string.
fn participants<'r>(record: &'r Record, list: &'r [Participant]) -> (Cow<'r, str>, Cow<'r, str>) {
    let code_and_name = |p: &'r Participant| {
        let actor = record.actors.iter().find(|a| a.id == p.actor);
        let code = p.own_code().or_else(|| actor.and_then(|a| a.code.as_deref())).unwrap_or("");
        (code, actor.map_or(p.actor.as_str(), |a| a.name.as_str()))
    };
    match list {
        [] => (Cow::Borrowed(""), Cow::Borrowed("")),
        [one] => {
            let (code, name) = code_and_name(one);
            (Cow::Borrowed(code), Cow::Borrowed(name))
        }
        _ => {
            let (codes, names): (Vec<&str>, Vec<&str>) = list.iter().map(code_and_name).unzip();
            (Cow::Owned(codes.join(";")), Cow::Owned(names.join(";")))
        }
    }
}

/// Writes one CSV row (RFC 4180): a field holding a comma, quote or line break is quoted,
/// with inner quotes doubled.
pub fn write_csv_row(out: &mut Vec<u8>, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        if needs_quotes(field.as_bytes()) {
            out.push(b'"');
            // Inner quotes doubled, written piece by piece (no new string per field).
            for (j, piece) in field.split('"').enumerate() {
                if j > 0 {
                    out.extend_from_slice(b"\"\"");
                }
                out.extend_from_slice(piece.as_bytes());
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

/// Whether a CSV field must be quoted: it holds a comma, quote or line break.
///
/// Tested a word at a time, sixteen bytes (two words) a step, with no exit inside a step: the
/// sentence column makes this a scan of most of the text, where a test per byte cost a branch
/// per byte. The last bytes (fewer than sixteen; all of most fields, which are short: ids,
/// codes, dates) are tested as one or two words too, whose loads may overlap bytes already
/// tested.
fn needs_quotes(field: &[u8]) -> bool {
    let (blocks, rest) = field.as_chunks::<16>();
    let word =
        |bytes: Option<&[u8; 8]>| bytes.is_some_and(|bytes| has_special_byte(u64::from_le_bytes(*bytes)));
    if blocks.iter().any(|block| word(block.first_chunk()) | word(block.last_chunk())) {
        return true;
    }
    let tail = &field[field.len().saturating_sub(16)..];
    if let (Some(first), Some(last)) = (tail.first_chunk::<8>(), tail.last_chunk::<8>()) {
        return word(Some(first)) || word(Some(last));
    }
    if let (Some(first), Some(last)) = (tail.first_chunk::<4>(), tail.last_chunk::<4>()) {
        let (first, last) = (u32::from_le_bytes(*first), u32::from_le_bytes(*last));
        return has_special_byte(u64::from(first) | u64::from(last) << 32);
    }
    rest.iter().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// Whether any of a word's eight bytes is a comma, quote or line break: `x ^ c` has a zero byte
/// where `x` has `c`, and `(y - 0x01..) & !y & 0x80..` is not 0 exactly when `y` has a zero byte.
#[inline]
fn has_special_byte(word: u64) -> bool {
    const fn each_byte(byte: u8) -> u64 {
        u64::from_le_bytes([byte; 8])
    }
    let zero_byte = |y: u64| y.wrapping_sub(each_byte(1)) & !y & each_byte(0x80);
    let marks = zero_byte(word ^ each_byte(b','))
        | zero_byte(word ^ each_byte(b'"'))
        | zero_byte(word ^ each_byte(b'\n'))
        | zero_byte(word ^ each_byte(b'\r'));
    marks != 0
}

/// What a finished run wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub documents: usize,
    /// Rows of `events.csv`.
    pub events: usize,
    /// Lines of `claims.jsonl`.
    pub claims: usize,
    /// Merged actors.
    pub actors: usize,
    /// Relations in the ledger.
    pub relations: usize,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents, {} events, {} claims, {} actors, {} relations",
            self.documents, self.events, self.claims, self.actors, self.relations
        )
    }
}

/// A table being written to a temporary file in the output folder.
struct Staged {
    temp: PathBuf,
    target: PathBuf,
    file: BufWriter<File>,
}

impl Staged {
    fn create(dir: &Path, name: &str) -> anyhow::Result<Staged> {
        let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = File::create(&temp).with_context(|| format!("cannot create {}", temp.display()))?;
        Ok(Staged { temp, target: dir.join(name), file: BufWriter::with_capacity(1 << 20, file) })
    }

    fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.file.write_all(bytes).with_context(|| format!("cannot write {}", self.temp.display()))
    }

    /// Writes `value` as pretty JSON and a line break, straight to the file (the relations
    /// ledger of a large corpus is large).
    fn write_json(&mut self, value: &impl Serialize) -> anyhow::Result<()> {
        serde_json::to_writer_pretty(&mut self.file, value)
            .map_err(io::Error::from)
            .and_then(|()| self.file.write_all(b"\n"))
            .with_context(|| format!("cannot write {}", self.temp.display()))
    }

    /// Flushes the file to disk; the rename happens in [`Tables::finish`], once all are done.
    fn close(&mut self) -> anyhow::Result<()> {
        self.file
            .flush()
            .and_then(|()| self.file.get_ref().sync_all())
            .with_context(|| format!("cannot write {}", self.temp.display()))
    }
}

/// The output folder's tables while a run writes them. Dropping it unfinished removes the
/// temporary files.
struct Tables {
    records: Staged,
    events: Staged,
    claims: Staged,
    actors: Staged,
    relations: Staged,
    schema: Staged,
    actor_table: ActorTable,
    ledger: Ledger,
    documents: usize,
    event_count: usize,
    claim_count: usize,
    finished: bool,
}

impl Tables {
    fn create(dir: &Path) -> anyhow::Result<Tables> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let mut tables = Tables {
            records: Staged::create(dir, "records.jsonl")?,
            events: Staged::create(dir, "events.csv")?,
            claims: Staged::create(dir, "claims.jsonl")?,
            actors: Staged::create(dir, "actors.json")?,
            relations: Staged::create(dir, "relations.json")?,
            schema: Staged::create(dir, "schema.json")?,
            actor_table: ActorTable::default(),
            ledger: Ledger::default(),
            documents: 0,
            event_count: 0,
            claim_count: 0,
            finished: false,
        };
        let mut header = Vec::new();
        write_csv_row(&mut header, &EVENT_COLUMNS);
        tables.events.write(&header)?;
        Ok(tables)
    }

    fn push(&mut self, rendered: Rendered) -> anyhow::Result<()> {
        self.records.write(&rendered.record)?;
        self.events.write(&rendered.event_rows)?;
        self.claims.write(&rendered.claim_lines)?;
        self.actor_table.add(rendered.actors);
        self.ledger.add(rendered.relations);
        self.documents += 1;
        self.event_count += rendered.events;
        self.claim_count += rendered.claims;
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<Summary> {
        let actors = std::mem::take(&mut self.actor_table).into_actors();
        let relations = std::mem::take(&mut self.ledger).finish();
        let summary = Summary {
            documents: self.documents,
            events: self.event_count,
            claims: self.claim_count,
            actors: actors.len(),
            relations: relations.len(),
        };
        self.actors.write_json(&actors)?;
        self.relations.write_json(&relations)?;
        self.schema.write(annalist_core::corpus_schema().as_bytes())?;
        self.schema.write(b"\n")?;
        for staged in self.staged_mut() {
            staged.close()?;
        }
        for staged in self.staged_mut() {
            fs::rename(&staged.temp, &staged.target)
                .with_context(|| format!("cannot write {}", staged.target.display()))?;
        }
        self.finished = true;
        Ok(summary)
    }

    fn staged_mut(&mut self) -> [&mut Staged; 6] {
        [
            &mut self.records,
            &mut self.events,
            &mut self.claims,
            &mut self.actors,
            &mut self.relations,
            &mut self.schema,
        ]
    }
}

impl Drop for Tables {
    fn drop(&mut self) {
        if !self.finished {
            for staged in self.staged_mut() {
                let _ = fs::remove_file(&staged.temp);
            }
        }
    }
}

/// Writes the tables of `records` to `dir` as `annalist corpus` does, without extracting:
/// the records are taken as given. For tests of the tables themselves.
#[cfg(test)]
fn write_records(dir: &Path, records: Vec<Record>) -> anyhow::Result<Summary> {
    let mut tables = Tables::create(dir)?;
    for record in records {
        tables.push(Rendered::from_record(record))?;
    }
    tables.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;

    fn csv(fields: &[&str]) -> String {
        let mut out = Vec::new();
        write_csv_row(&mut out, fields);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_csv_fields_that_need_it() {
        assert_eq!(csv(&["a", "b c", ""]), "a,b c,\r\n");
        assert_eq!(
            csv(&["x,y", "say \"no\"", "two\nlines"]),
            "\"x,y\",\"say \"\"no\"\"\",\"two\nlines\"\r\n"
        );
        assert_eq!(csv(&["\"\"x", "\""]), "\"\"\"\"\"x\",\"\"\"\"\r\n");
    }

    #[test]
    fn finds_the_bytes_that_make_a_field_quoted_at_any_place() {
        for special in [b',', b'"', b'\n', b'\r'] {
            for len in 0..40 {
                let clean = vec![b'a'; len];
                assert!(!needs_quotes(&clean), "{len} clean bytes");
                for at in 0..len {
                    let mut field = clean.clone();
                    field[at] = special;
                    assert!(needs_quotes(&field), "{special:#x} at {at} of {len}");
                }
            }
        }
        assert!(!needs_quotes("\u{201c}é\t; \u{2029}x".as_bytes()));
    }

    fn record(id: &str, actors: serde_json::Value) -> Record {
        serde_json::from_value(serde_json::json!({
            "document": {"id": id, "metadata": {}, "text": "", "sentences": []},
            "actors": actors, "mentions": [], "timexes": [], "events": [], "claims": [],
            "relations": []
        }))
        .unwrap()
    }

    /// A record with one event between two actors and one claim, as JSON, so the table rows
    /// can be checked without depending on what the extraction layers find today.
    fn coded_record() -> Record {
        let text = "Minsk said, \"Kyiv shelled the border.\" On 10 August it condemned Kyiv.";
        let at = |words: &str| {
            let start = text.find(words).unwrap();
            serde_json::json!({"start": start, "end": start + words.len()})
        };
        let second = text.find("On").unwrap();
        serde_json::from_value(serde_json::json!({
            "document": {"id": "d1", "metadata": {"url": "https://example.org/a,b"}, "text": text,
                "sentences": [{"span": {"start": 0, "end": second - 1}}, {"span": {"start": second, "end": text.len()}}]},
            "actors": [
                {"id": "BLRGOV", "name": "Government of Belarus", "kind": "government", "code": "BLRGOV"},
                {"id": "UKR", "name": "Ukraine", "kind": "state", "code": "UKR"}
            ],
            "mentions": [],
            "timexes": [{"id": "t1", "span": at("10 August"), "type": "DATE", "value": "XXXX-08-10",
                "anchor": {"kind": "unknown"}}],
            "events": [{"id": "e1", "type": "ACCUSE", "source": [{"actor": "BLRGOV", "span": at("it")}],
                "target": [{"actor": "UKR", "span": at("Kyiv."), "code": "UKRGOV"}], "trigger": at("condemned"),
                "modality": "asserted", "time": "t1", "sentence": 1}],
            "claims": [{"id": "c1", "source": {"kind": "actor", "actor": "BLRGOV", "span": at("Minsk")},
                "cue": at("said"), "content": at("Kyiv shelled the border."), "certainty": "plain", "sentence": 0}],
            "relations": []
        }))
        .unwrap()
    }

    #[test]
    fn renders_event_rows_and_claim_lines() {
        let rendered = Rendered::from_record(coded_record());
        let rows = String::from_utf8(rendered.event_rows).unwrap();
        assert_eq!(
            rows,
            "d1,e1,XXXX-08-10,BLRGOV,Government of Belarus,UKRGOV,Ukraine,ACCUSE,,asserted,condemned,\
             On 10 August it condemned Kyiv.,\"https://example.org/a,b\"\r\n"
        );
        let claim: serde_json::Value =
            serde_json::from_str(String::from_utf8(rendered.claim_lines).unwrap().trim_end()).unwrap();
        assert_eq!(claim["document"], "d1");
        assert_eq!(claim["id"], "c1");
        assert_eq!(claim["source_name"], "Government of Belarus");
        assert_eq!(claim["content_text"], "Kyiv shelled the border.");
        assert_eq!(claim["sentence_text"], "Minsk said, \"Kyiv shelled the border.\"");
        assert_eq!(claim["source"]["actor"], "BLRGOV", "the claim's own fields are kept");
        let record: Record = serde_json::from_slice(&rendered.record).unwrap();
        assert_eq!(record, coded_record(), "records.jsonl holds the record as it is");
    }

    #[test]
    fn event_rows_leave_out_codes_from_the_context() {
        let mut record = coded_record();
        let target = &mut record.events[0].target[0];
        target.code_from_context = true;
        target.actor = ActorId("kyiv-group".to_owned());
        let rendered = Rendered::from_record(record.clone());
        let rows = String::from_utf8(rendered.event_rows).unwrap();
        assert!(
            rows.starts_with("d1,e1,XXXX-08-10,BLRGOV,Government of Belarus,,kyiv-group,ACCUSE,"),
            "{rows}"
        );
        let written: Record = serde_json::from_slice(&rendered.record).unwrap();
        assert_eq!(written, record, "records.jsonl keeps the code, marked");
        assert!(String::from_utf8(rendered.record).unwrap().contains("\"code_from_context\":true"));
    }

    #[test]
    fn records_with_diagnostics_or_nothing_found_are_written_as_serde_json_writes_them() {
        let mut with_diagnostics = coded_record();
        with_diagnostics.document.metadata.title = Some("A \"quoted\" title\n".to_owned());
        with_diagnostics.diagnostics = serde_json::from_value(serde_json::json!([
            {"severity": "warning", "message": "text cut", "span": {"start": 0, "end": 5}},
            {"severity": "note", "message": "no date"}
        ]))
        .unwrap();
        let empty = record("e", serde_json::json!([]));
        for record in [with_diagnostics, empty] {
            let mut ours = Vec::new();
            json::write_record(&mut ours, &record).unwrap();
            let theirs = serde_json::to_vec(&record).unwrap();
            assert!(ours == theirs, "record {}: {}", record.document.id, first_difference(&ours, &theirs));
        }
    }

    #[test]
    fn claim_rows_with_spans_outside_the_text_are_written_as_serde_json_writes_them() {
        let mut record = coded_record();
        record.document.text.push_str(" \u{201c}Quoted\n\u{201d}");
        let mut claim = record.claims[0].clone();
        for (content, sentence) in
            [(Span::new(1000, 1010), 0), (Span::new(0, 5), 7), (Span::new(72, 80), 1), (Span::new(71, 84), 1)]
        {
            claim.content = content;
            claim.sentence = sentence;
            record.claims.push(claim.clone());
        }
        let mut line = Vec::new();
        let layout = json::write_record(&mut line, &record).unwrap();
        for (claim, object) in record.claims.iter().zip(layout.claims) {
            let row = ClaimRow::new(&record, claim);
            let mut ours = Vec::new();
            row.write(&mut ours, &line, object, &layout.text);
            let theirs = serde_json::to_vec(&row).unwrap();
            assert!(ours == theirs, "claim {:?}: {}", claim.content, first_difference(&ours, &theirs));
        }
    }

    #[test]
    fn merges_actors_across_documents() {
        let dir = std::env::temp_dir().join(format!("annalist-corpus-unit-{}", std::process::id()));
        let records = vec![
            record("a", serde_json::json!([{"id": "BLR", "name": "Belarus", "kind": "state"}])),
            record(
                "b",
                serde_json::json!([
                    {"id": "BLR", "name": "Belarus", "kind": "state", "aliases": ["Minsk"], "code": "BLR"},
                    {"id": "UKR", "name": "Ukraine", "kind": "state"}
                ]),
            ),
        ];
        let summary = write_records(&dir, records).unwrap();
        assert_eq!((summary.documents, summary.actors), (2, 2));
        let actors: Vec<Actor> =
            serde_json::from_str(&fs::read_to_string(dir.join("actors.json")).unwrap()).unwrap();
        assert_eq!(actors[0].id.as_str(), "BLR");
        assert_eq!(actors[0].aliases, ["Minsk"]);
        assert_eq!(actors[0].code.as_deref(), Some("BLR"));
        assert_eq!(actors[1].id.as_str(), "UKR");
        let leftovers = fs::read_dir(&dir)
            .unwrap()
            .filter(|e| e.as_ref().is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp")));
        assert_eq!(leftovers.count(), 0, "no temporary file is left behind");
        fs::remove_dir_all(&dir).unwrap();
    }

    /// The VOA stories (`shared/corpus/voa/voa_stories.jsonl` in a folder above the workspace),
    /// when they are there.
    fn voa_stories() -> Option<PathBuf> {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .map(|dir| dir.join("shared/corpus/voa/voa_stories.jsonl"))
            .find(|path| path.is_file())
    }

    /// The records of the seed, the test articles and the VOA stories (when found).
    fn test_corpus_records() -> Vec<Record> {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut paths = vec![workspace.join("seeds"), workspace.join("tests/articles")];
        match voa_stories() {
            Some(voa) => paths.push(voa),
            None => {
                eprintln!("VOA stories skipped: no shared/corpus/voa/voa_stories.jsonl above the workspace")
            }
        }
        let articles: Vec<Article> = Inputs::new(paths.into_iter().map(Source::Path))
            .map(|article| article.expect("the test articles are readable"))
            .collect();
        let extractor = Extractor::default();
        articles.into_par_iter().map(|article| extractor.extract_owned(article)).collect()
    }

    /// Where `ours` and `theirs` first differ, shown around that byte.
    fn first_difference(ours: &[u8], theirs: &[u8]) -> String {
        let at = ours.iter().zip(theirs).position(|(a, b)| a != b).unwrap_or(ours.len().min(theirs.len()));
        let around = |bytes: &[u8]| {
            String::from_utf8_lossy(&bytes[at.saturating_sub(40)..(at + 40).min(bytes.len())]).into_owned()
        };
        format!("byte {at}: ours ...{}... serde_json ...{}...", around(ours), around(theirs))
    }

    #[test]
    fn records_and_claim_rows_are_written_as_serde_json_writes_them() {
        let records = test_corpus_records();
        let mut claims = 0;
        for record in &records {
            let mut line = Vec::new();
            let layout = json::write_record(&mut line, record).unwrap();
            let theirs = serde_json::to_vec(record).unwrap();
            assert!(line == theirs, "record {}: {}", record.document.id, first_difference(&line, &theirs));
            for (claim, object) in record.claims.iter().zip(layout.claims) {
                let row = ClaimRow::new(record, claim);
                let mut ours = Vec::new();
                row.write(&mut ours, &line, object, &layout.text);
                let theirs = serde_json::to_vec(&row).unwrap();
                assert!(
                    ours == theirs,
                    "claim {} of {}: {}",
                    claim.id,
                    record.document.id,
                    first_difference(&ours, &theirs)
                );
                claims += 1;
            }
        }
        let expected_documents = if voa_stories().is_some() { 80 } else { 3 };
        assert!(
            records.len() >= expected_documents && claims > 0,
            "{} records, {claims} claims",
            records.len()
        );
    }

    /// CPU time of this thread so far, in seconds (`/proc/thread-self/schedstat`, Linux).
    fn cpu_seconds() -> f64 {
        fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
            .map_or(0.0, |ns| ns / 1e9)
    }

    /// A way of rendering a record's line and its claim rows, being timed.
    trait JsonWriter {
        fn lines(&self, record: &Record, line: &mut Vec<u8>, claim_lines: &mut Vec<u8>);
    }

    /// What `annalist corpus` does: [`json::write_record`], and [`ClaimRow::write`] with each
    /// claim's object copied from the record's line.
    struct Ours;

    impl JsonWriter for Ours {
        fn lines(&self, record: &Record, line: &mut Vec<u8>, claim_lines: &mut Vec<u8>) {
            let layout = json::write_record(line, record).unwrap();
            for (claim, object) in record.claims.iter().zip(layout.claims) {
                ClaimRow::new(record, claim).write(claim_lines, line, object, &layout.text);
            }
        }
    }

    /// [`json::write`] through the derived `Serialize` impls.
    struct Derived;

    impl JsonWriter for Derived {
        fn lines(&self, record: &Record, line: &mut Vec<u8>, claim_lines: &mut Vec<u8>) {
            json::write(line, record).unwrap();
            for claim in &record.claims {
                json::write(claim_lines, &ClaimRow::new(record, claim)).unwrap();
            }
        }
    }

    /// `serde_json::to_writer`, as before [`json`].
    struct SerdeJson;

    impl JsonWriter for SerdeJson {
        fn lines(&self, record: &Record, line: &mut Vec<u8>, claim_lines: &mut Vec<u8>) {
            serde_json::to_writer(&mut *line, record).unwrap();
            for claim in &record.claims {
                serde_json::to_writer(&mut *claim_lines, &ClaimRow::new(record, claim)).unwrap();
            }
        }
    }

    /// Renders the record line and claim lines of each of `records` as [`Rendered::from_record`]
    /// does, `runs` times; returns this thread's CPU seconds and the bytes written.
    fn time_rendering(records: &[Record], runs: usize, writer: &impl JsonWriter) -> (f64, usize) {
        let started = cpu_seconds();
        let mut bytes = 0;
        for _ in 0..runs {
            for record in records {
                let mut line = Vec::with_capacity(record.document.text.len() * 8 + 4096);
                let mut claim_lines = Vec::with_capacity(record.claims.len() * 1024);
                writer.lines(record, &mut line, &mut claim_lines);
                bytes += line.len() + claim_lines.len();
            }
        }
        (cpu_seconds() - started, bytes)
    }

    /// How fast the record and claim lines render as `annalist corpus` renders them, through
    /// the derived `Serialize` impls with [`json::write`], and with serde_json: CPU time
    /// of this thread, best of three rounds of `RUNS` (default 20) passes over the records of
    /// the test corpora. A measurement, not a check:
    /// `RUNS=20 cargo test --release -p annalist-cli render_speed -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement: run in release with --ignored --nocapture"]
    fn render_speed() {
        let records = test_corpus_records();
        let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(20);
        let mut best = [f64::INFINITY; 3];
        let mut bytes = 0;
        for _round in 0..3 {
            let (seconds, written) = time_rendering(&records, runs, &Ours);
            best[0] = best[0].min(seconds);
            bytes = written;
            let (seconds, _) = time_rendering(&records, runs, &Derived);
            best[1] = best[1].min(seconds);
            let (seconds, _) = time_rendering(&records, runs, &SerdeJson);
            best[2] = best[2].min(seconds);
        }
        let mb = bytes as f64 / 1e6;
        let [ours, derived, serde_json] = best;
        println!(
            "rendering {} records x {runs}: by hand {ours:.3} s CPU ({:.0} MB/s), json.rs through the \
             derived impls {derived:.3} s ({:.2}x as long), serde_json {serde_json:.3} s ({:.2}x)",
            records.len(),
            mb / ours,
            derived / ours,
            serde_json / ours,
        );
    }
}
