//! Walking the inputs: files, folders, standard input, JSON Lines corpora.

use std::collections::VecDeque;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use annalist_core::{Article, DocumentId, Metadata};

use crate::front_matter::{apply_field, binary, decode_utf8};
use crate::json_line::{self, ARTICLE_KEYS, FieldValue};
use crate::{InputError, InputErrorKind, Source, parse_article};

/// The largest article read, in bytes (64 MiB): a larger file is an error, not a reason to
/// exhaust memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 << 20;

/// How much of a JSON Lines file is read at a time: a line (an article) is typically a few
/// tens of KB, which the default 8 KB buffer reads in several calls.
const JSONL_READ_BYTES: usize = 256 << 10;

/// File endings read as articles when met inside a folder. Files named on the command line
/// are read whatever their ending.
const TEXT_ENDINGS: [&str; 4] = ["txt", "md", "markdown", "text"];
const JSONL_ENDINGS: [&str; 2] = ["jsonl", "ndjson"];

enum Pending {
    Path(PathBuf),
    Stdin,
}

/// An iterator over the articles of many sources, in order: each yields an article or an error
/// naming the bad input, and reading goes on after an error. Folders are walked in sorted
/// order; JSON Lines files are streamed a line at a time.
pub struct Inputs {
    pending: VecDeque<Pending>,
    lines: Option<JsonLines>,
    /// Bytes read from finished files and standard input (JSON Lines count in `lines`).
    bytes_read: u64,
    /// A folder left out of folder walks, as a canonical path.
    skipped: Option<PathBuf>,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs").field("pending", &self.pending.len()).finish()
    }
}

impl Inputs {
    /// Reads the given sources in order.
    pub fn new(sources: impl IntoIterator<Item = Source>) -> Inputs {
        let pending = sources
            .into_iter()
            .map(|s| match s {
                Source::Path(p) => Pending::Path(p),
                Source::Stdin => Pending::Stdin,
            })
            .collect();
        Inputs { pending, lines: None, bytes_read: 0, skipped: None }
    }

    /// Leaves `folder` out when walking folders: the output folder of a run that writes into
    /// its input tree, whose tables are not articles. A folder named as a source is still read.
    pub fn skipping(mut self, folder: &Path) -> Inputs {
        self.skipped = fs::canonicalize(folder).ok();
        self
    }

    /// How many bytes of input have been read so far: a measure of progress against
    /// [`total_bytes`].
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read + self.lines.as_ref().map_or(0, |l| l.bytes_read)
    }

    fn open(&mut self, item: Pending) -> Option<Result<Article, InputError>> {
        match item {
            Pending::Stdin => {
                let mut reader = BufReader::new(io::stdin());
                // A JSON Lines corpus on standard input is streamed a line at a time, so it may
                // be of any length; one article is read whole, up to the size limit.
                match starts_with_brace(&mut reader) {
                    Ok(true) => {
                        self.lines = Some(JsonLines::new("<stdin>", Box::new(reader)));
                        return None;
                    }
                    Ok(false) => {}
                    Err(e) => return Some(Err(InputError::new("<stdin>", e.into()))),
                }
                let mut bytes = Vec::new();
                if let Err(e) = reader.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes) {
                    return Some(Err(InputError::new("<stdin>", e.into())));
                }
                if bytes.len() as u64 > MAX_ARTICLE_BYTES {
                    let kind =
                        InputErrorKind::TooLarge { size: bytes.len() as u64, limit: MAX_ARTICLE_BYTES };
                    return Some(Err(InputError::new("<stdin>", kind)));
                }
                self.bytes_read += bytes.len() as u64;
                Some(parse_article("stdin", &bytes).map_err(|e| InputError::new("<stdin>", e.kind)))
            }
            Pending::Path(path) => {
                let origin = path.display().to_string();
                let meta = match fs::metadata(&path) {
                    Ok(m) => m,
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        return Some(Err(InputError::new(origin, InputErrorKind::NotFound)));
                    }
                    Err(e) => return Some(Err(InputError::new(origin, e.into()))),
                };
                if meta.is_dir() {
                    match list_folder(&path) {
                        Ok(mut children) => {
                            if let Some(skipped) = &self.skipped {
                                children.retain(|c| {
                                    !c.is_dir() || fs::canonicalize(c).is_ok_and(|c| c != *skipped)
                                });
                            }
                            for child in children.into_iter().rev() {
                                self.pending.push_front(Pending::Path(child));
                            }
                            None
                        }
                        Err(e) => Some(Err(InputError::new(origin, e.into()))),
                    }
                } else if has_ending(&path, &JSONL_ENDINGS) {
                    match fs::File::open(&path) {
                        Ok(file) => {
                            let reader = BufReader::with_capacity(JSONL_READ_BYTES, file);
                            self.lines = Some(JsonLines::new(&origin, Box::new(reader)));
                            None
                        }
                        Err(e) => Some(Err(InputError::new(origin, e.into()))),
                    }
                } else if meta.len() > MAX_ARTICLE_BYTES {
                    let kind = InputErrorKind::TooLarge { size: meta.len(), limit: MAX_ARTICLE_BYTES };
                    Some(Err(InputError::new(origin, kind)))
                } else {
                    Some(match fs::read(&path) {
                        Ok(bytes) => {
                            self.bytes_read += bytes.len() as u64;
                            parse_article(&origin, &bytes)
                        }
                        Err(e) => Err(InputError::new(origin, e.into())),
                    })
                }
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(item) => return Some(item),
                    None => {
                        self.bytes_read += lines.bytes_read;
                        self.lines = None;
                    }
                }
            }
            let item = self.pending.pop_front()?;
            if let Some(result) = self.open(item) {
                return Some(result);
            }
        }
    }
}

/// The total size in bytes of what [`Inputs`] would read from `sources`, walking folders the
/// same way; `None` when a source is standard input, whose size is not known beforehand.
/// Paths that cannot be read count as empty (reading them reports the error).
pub fn total_bytes(sources: &[Source]) -> Option<u64> {
    let mut total = 0;
    let mut pending = Vec::new();
    for source in sources {
        match source {
            Source::Stdin => return None,
            Source::Path(path) => pending.push(path.clone()),
        }
    }
    while let Some(path) = pending.pop() {
        let Ok(meta) = fs::metadata(&path) else { continue };
        if meta.is_dir() {
            pending.extend(list_folder(&path).unwrap_or_default());
        } else {
            total += meta.len();
        }
    }
    Some(total)
}

/// Whether the first byte that is not ASCII white space, within the reader's first buffer,
/// is `{`. Nothing is consumed, so an article keeps its leading white space (spans index into
/// the text as given).
fn starts_with_brace(reader: &mut impl BufRead) -> io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

fn has_ending(path: &Path, endings: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| endings.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn list_folder(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut children = Vec::new();
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() || has_ending(&path, &TEXT_ENDINGS) || has_ending(&path, &JSONL_ENDINGS) {
            children.push(path);
        }
    }
    children.sort();
    Ok(children)
}

/// A JSON Lines corpus read one line at a time.
struct JsonLines {
    origin: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    bytes_read: u64,
}

impl JsonLines {
    fn new(origin: &str, reader: Box<dyn BufRead + Send>) -> JsonLines {
        let stem = Path::new(origin).file_stem().and_then(|s| s.to_str()).unwrap_or("stdin").to_owned();
        JsonLines { origin: origin.to_owned(), stem, reader, line: 0, buf: Vec::new(), bytes_read: 0 }
    }
}

impl Iterator for JsonLines {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            let read = (&mut self.reader).take(MAX_ARTICLE_BYTES + 1).read_until(b'\n', &mut self.buf);
            self.line += 1;
            if let Ok(n) = read {
                self.bytes_read += n as u64;
            }
            let origin = || format!("{}:{}", self.origin, self.line);
            match read {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(InputError::new(origin(), e.into()))),
            }
            if self.buf.len() as u64 > MAX_ARTICLE_BYTES {
                let kind = InputErrorKind::TooLarge { size: self.buf.len() as u64, limit: MAX_ARTICLE_BYTES };
                // Skip the rest of the over-long line.
                let _ = self.reader.skip_until(b'\n');
                return Some(Err(InputError::new(origin(), kind)));
            }
            // A line is tested for a NUL byte (a binary file) only when it fails: JSON allows
            // none (not in a string, nor between values), so a line that holds one fails to
            // decode or to parse, and is then reported as `decode` would report it. (This saves
            // a pass over every line of a corpus.)
            let article = match decode_utf8(&self.buf).map(str::trim) {
                Ok("") => continue,
                Ok(line) => article_from_json(line, &format!("{}-{}", self.stem, self.line)),
                Err(kind) => Err(kind),
            };
            return Some(
                article.map_err(|kind| InputError::new(origin(), binary(&self.buf).unwrap_or(kind))),
            );
        }
    }
}

fn article_from_json(line: &str, default_id: &str) -> Result<Article, InputErrorKind> {
    let parsed = json_line::parse(line).map_err(|e| InputErrorKind::Record(format!("invalid JSON: {e}")))?;
    let Some([text, metadata @ ..]) = parsed.fields else {
        return Err(InputErrorKind::Record("a line must hold a JSON object".to_owned()));
    };
    let Some(FieldValue::String(text)) = text else {
        return Err(InputErrorKind::Record("no \"text\" string".to_owned()));
    };
    let mut article =
        Article { id: DocumentId::from(default_id), metadata: Metadata::default(), text: text.into_owned() };
    for (key, value) in ARTICLE_KEYS[1..].iter().zip(metadata) {
        let value = match value {
            Some(FieldValue::String(s)) => s.into_owned(),
            Some(FieldValue::Number(n)) => n,
            _ => continue,
        };
        apply_field(&mut article, key, value)
            .map_err(|e| InputErrorKind::Record(e.to_string().replace("broken front matter: ", "")))?;
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter::decode;

    /// How a line was read before [`json_line`]: parsed whole into a `serde_json::Value`, the
    /// article keys taken out. The reference the one-pass reading must agree with.
    fn article_from_value(line: &str, default_id: &str) -> Result<Article, InputErrorKind> {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| InputErrorKind::Record(format!("invalid JSON: {e}")))?;
        let serde_json::Value::Object(mut map) = value else {
            return Err(InputErrorKind::Record("a line must hold a JSON object".to_owned()));
        };
        let Some(serde_json::Value::String(text)) = map.remove("text") else {
            return Err(InputErrorKind::Record("no \"text\" string".to_owned()));
        };
        let mut article = Article { id: DocumentId::from(default_id), metadata: Metadata::default(), text };
        for key in ["id", "title", "published", "url", "author", "source"] {
            let value = match map.remove(key) {
                Some(serde_json::Value::String(s)) => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => continue,
            };
            apply_field(&mut article, key, value)
                .map_err(|e| InputErrorKind::Record(e.to_string().replace("broken front matter: ", "")))?;
        }
        Ok(article)
    }

    #[test]
    fn json_lines_are_read_as_through_a_value() {
        let lines = [
            r#"{"text": "Plain."}"#,
            r#"{"id": "a1", "title": " Spaced ", "text": "Esc\"aped\n\u00e9\ud83d\ude00 text", "url": "https://x.org/a?b=c"}"#,
            r#"{"text": "One.", "text": "Two, the last wins.", "id": 1, "id": "later"}"#,
            r#"{"id": 7, "title": -3, "author": 1.5, "source": 1e3, "url": 12345678901234567890, "text": "n"}"#,
            r#"{"id": null, "title": true, "author": [1, {"a": [null]}], "source": {"x": 1}, "text": "t"}"#,
            r#"{"published": "2025-03-14 20:30:26Z", "text": "dated"}"#,
            r#"{"published": "soon", "text": "bad date"}"#,
            r#"{"published": 2025, "text": "number date"}"#,
            r#"{"t\u0065xt": "escaped key", "other": {"deep": [[[{"k": "v"}]]]}, "n": -0.0}"#,
            r#"{"text": 5}"#,
            r#"{"title": "no text"}"#,
            r#"{}"#,
            r#"[1, 2]"#,
            r#""a string""#,
            r#"3"#,
            r#"null"#,
            r#"{"text": "x", "big": 1e400}"#,
            r#"{"text": "x", "other": [1e400]}"#,
            r#"{"text": "x", "other": {"k": 1e400}}"#,
            r#"{"text": "x", "id": 1e400}"#,
            r#"{"text": "x", "bad": "\q"}"#,
            r#"{"text": "x", "bad": {"\q": 1}}"#,
            r#"{"text": "x", 1: 2}"#,
            r#"{"text": "x",}"#,
            r#"{"text": "x"} trailing"#,
            r#"{"text": "x", "id": "  "}"#,
            "{\"text\": \"raw\tcontrol\"}",
            r#"{"text": "x", "id": 18446744073709551616}"#,
            r#"{"text": "x", "id": -9223372036854775809}"#,
        ];
        // Nested within serde_json's depth limit, and beyond it.
        let nested =
            |depth: usize| format!(r#"{{"text": "x", "deep": {}{}}}"#, "[".repeat(depth), "]".repeat(depth));
        let (within, beyond) = (nested(100), nested(200));
        assert!(article_from_json(&within, "corpus-1").is_ok());
        assert!(format!("{:?}", article_from_json(&beyond, "corpus-1")).contains("recursion limit exceeded"));
        for line in lines.into_iter().chain([within.as_str(), beyond.as_str()]) {
            let ours = article_from_json(line, "corpus-1");
            let theirs = article_from_value(line, "corpus-1");
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{line}");
        }
    }

    #[test]
    fn json_lines_with_a_nul_byte_are_reported_binary_as_when_every_line_was_tested_first() {
        let lines: [&[u8]; 10] = [
            b"{\"text\": \"a\0b\"}",
            b"{\"text\": \"ok\", \"other\": \"\0\"}",
            b"{\"text\": \"ok\"}\0",
            b"\0{\"text\": \"ok\"}",
            b"{\"text\"\0: \"ok\"}",
            b"{\"text\": \"\xff\0\"}",
            b"{\"text\": \"\xff\"}",
            b"\0",
            b"  \0  ",
            b"{\"text\": \"fine \\u0000 escaped\"}",
        ];
        let corpus = lines.join(&b'\n');
        let ours: Vec<String> = JsonLines::new("c.jsonl", Box::new(std::io::Cursor::new(corpus)))
            .map(|r| format!("{r:?}"))
            .collect();
        // Each line tested for a NUL byte before anything else, as files are.
        let theirs: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let article =
                    decode(line).and_then(|text| article_from_json(text.trim(), &format!("c-{}", i + 1)));
                format!("{:?}", article.map_err(|kind| InputError::new(format!("c.jsonl:{}", i + 1), kind)))
            })
            .collect();
        assert_eq!(ours, theirs);
        assert_eq!(ours.iter().filter(|r| r.contains("Binary")).count(), 8, "{ours:#?}");
    }

    /// A JSON value for a line: scalars of every kind (the strings with escapes and non-ASCII,
    /// numbers past the integer types) nested in arrays and objects whose keys are often the
    /// article keys, so keys repeat and take every kind of value.
    fn json_value() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let key = prop_oneof![
            3 => proptest::sample::select(ARTICLE_KEYS.to_vec()).prop_map(str::to_owned),
            1 => "[a-z\\\"\u{e9}]{0,4}",
        ]
        .prop_map(|k| serde_json::to_string(&k).unwrap());
        let scalar = prop_oneof![
            Just("null".to_owned()),
            any::<bool>().prop_map(|b| b.to_string()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<u64>().prop_map(|n| format!("{n}0")),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| f.to_string()),
            Just("1e400".to_owned()),
            Just("-0.0".to_owned()),
            ".{0,12}".prop_map(|s| serde_json::to_string(&s).unwrap()),
            Just(r#""\ud83d\ude00 \u00e9\n\"""#.to_owned()),
        ];
        scalar.prop_recursive(3, 24, 4, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| format!("[{}]", items.join(","))),
                proptest::collection::vec((key.clone(), inner), 0..5).prop_map(|fields| {
                    let fields: Vec<String> = fields.into_iter().map(|(k, v)| format!("{k}:{v}")).collect();
                    format!("{{{}}}", fields.join(","))
                }),
            ]
        })
    }

    proptest::proptest! {
        /// Generated lines, whole or damaged (cut short, or a byte put in), read as through a
        /// `Value`: the same article or the same error.
        #[test]
        fn generated_json_lines_are_read_as_through_a_value(
            value in json_value(),
            text in proptest::option::of(".{0,8}"),
            cut in proptest::option::of(0usize..64),
            insert in proptest::option::of((0usize..64, proptest::sample::select(b"{}[]\",:0e-\\ ".to_vec()))),
        ) {
            let mut line = match (text, value.strip_prefix('{')) {
                (Some(text), Some(rest)) => {
                    let comma = if rest == "}" { "" } else { "," };
                    format!("{{\"text\":{}{comma}{rest}", serde_json::to_string(&text).unwrap())
                }
                _ => value,
            };
            if let Some(cut) = cut {
                let mut at = cut.min(line.len());
                while !line.is_char_boundary(at) {
                    at -= 1;
                }
                line.truncate(at);
            }
            if let Some((at, byte)) = insert {
                let mut at = at.min(line.len());
                while !line.is_char_boundary(at) {
                    at -= 1;
                }
                line.insert(at, char::from(byte));
            }
            let ours = article_from_json(&line, "corpus-1");
            let theirs = article_from_value(&line, "corpus-1");
            proptest::prop_assert_eq!(format!("{ours:?}"), format!("{theirs:?}"), "{}", line);
        }
    }
}
