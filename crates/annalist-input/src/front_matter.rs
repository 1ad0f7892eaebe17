//! One article from the bytes of one file: text checks, then optional front matter.

use std::path::Path;

use annalist_core::{Article, DocumentId, Metadata};

use crate::{InputError, InputErrorKind};

/// Reads one article from the bytes of a file named `name`.
///
/// The bytes must be UTF-8 text (a byte-order mark is dropped). Front matter is optional: YAML
/// between `---` lines or TOML between `+++` lines, with the keys `id`, `title`, `published`
/// (or `date`), `url`, `author`, `source`; other keys are ignored. Without an `id` the file
/// name without its extension is the id.
pub fn parse_article(name: &str, bytes: &[u8]) -> Result<Article, InputError> {
    let err = |kind| InputError::new(name, kind);
    let text = decode(bytes).map_err(err)?;
    let stem = Path::new(name).file_stem().and_then(|s| s.to_str()).unwrap_or(name);
    let (fields, body) = split_front_matter(text).map_err(err)?;
    let mut article =
        Article { id: DocumentId::from(stem), metadata: Metadata::default(), text: body.to_owned() };
    for (key, value) in fields {
        apply_field(&mut article, &key, value).map_err(err)?;
    }
    Ok(article)
}

/// Checks that `bytes` are text: no NUL byte, valid UTF-8; drops a byte-order mark.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, InputErrorKind> {
    match binary(bytes) {
        Some(error) => Err(error),
        None => decode_utf8(bytes),
    }
}

/// The error for `bytes` when they hold a NUL byte (a binary file, not text).
pub(crate) fn binary(bytes: &[u8]) -> Option<InputErrorKind> {
    // `contains` finds a byte a word or more at a time; the place is looked for only when
    // there is one.
    bytes
        .contains(&0)
        .then(|| InputErrorKind::Binary { offset: bytes.iter().position(|&b| b == 0).unwrap_or_default() })
}

/// [`decode`] without the NUL test: valid UTF-8, a byte-order mark dropped.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<&str, InputErrorKind> {
    let text =
        std::str::from_utf8(bytes).map_err(|e| InputErrorKind::InvalidUtf8 { offset: e.valid_up_to() })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Sets one metadata field from a front-matter or JSON Lines key.
pub(crate) fn apply_field(article: &mut Article, key: &str, value: String) -> Result<(), InputErrorKind> {
    let value = value.trim().to_owned();
    if value.is_empty() {
        return Ok(());
    }
    let meta = &mut article.metadata;
    match key {
        "id" => article.id = DocumentId(value),
        "title" => meta.title = Some(value),
        "published" | "date" => {
            let time = value.parse().map_err(|e| InputErrorKind::FrontMatter(format!("{key}: {e}")))?;
            meta.published = Some(time);
        }
        "url" => meta.url = Some(value),
        "author" => meta.author = Some(value),
        "source" => meta.source = Some(value),
        _ => {}
    }
    Ok(())
}

type Fields = Vec<(String, String)>;

fn split_front_matter(text: &str) -> Result<(Fields, &str), InputErrorKind> {
    for (fence, parse) in [("---", parse_yaml as fn(&str) -> Result<Fields, String>), ("+++", parse_toml)] {
        let Some(rest) = text.strip_prefix(fence) else { continue };
        let Some(rest) = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')) else {
            continue;
        };
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            if line.trim_end_matches(['\r', '\n']) == fence {
                let fields = parse(&rest[..offset]).map_err(InputErrorKind::FrontMatter)?;
                return Ok((fields, &rest[offset + line.len()..]));
            }
            offset += line.len();
        }
        return Err(InputErrorKind::FrontMatter(format!("no closing {fence} line")));
    }
    Ok((Vec::new(), text))
}

/// The flat `key: value` subset of YAML that front matter uses; nested or list lines
/// (indented, or starting with `-`) are skipped, since no field we read is nested.
fn parse_yaml(block: &str) -> Result<Fields, String> {
    let mut fields = Vec::new();
    for (i, line) in block.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || line.starts_with([' ', '\t', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(format!("line {} is not `key: value`", i + 2));
        };
        let value = value.trim();
        let value = strip_quotes(value).ok_or_else(|| format!("line {}: unbalanced quotes", i + 2))?;
        fields.push((key.trim().to_owned(), value.to_owned()));
    }
    Ok(fields)
}

fn strip_quotes(value: &str) -> Option<&str> {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q) {
            return inner.strip_suffix(q);
        }
    }
    Some(value)
}

fn parse_toml(block: &str) -> Result<Fields, String> {
    let table: toml::Table = block.parse().map_err(|e: toml::de::Error| e.message().to_owned())?;
    Ok(table
        .into_iter()
        .filter_map(|(key, value)| {
            let value = match value {
                toml::Value::String(s) => s,
                toml::Value::Datetime(d) => d.to_string(),
                toml::Value::Integer(n) => n.to_string(),
                _ => return None,
            };
            Some((key, value))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_and_toml_front_matter() {
        let a = parse_article("x.md", b"---\ntitle: \"A: B\"\ndate: 2024-08-10\ntags:\n  - a\n---\nBody\n")
            .unwrap();
        assert_eq!(a.metadata.title.as_deref(), Some("A: B"));
        assert_eq!(a.metadata.published.unwrap().to_string(), "2024-08-10");
        assert_eq!(a.text, "Body\n");
        assert_eq!(a.id.as_str(), "x");
        let a =
            parse_article("y.md", b"+++\ntitle = 'T'\npublished = 2024-08-10\nid = 'z'\n+++\nBody").unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("z", "Body"));
    }

    #[test]
    fn names_what_is_wrong() {
        let e = |b: &[u8]| parse_article("f.txt", b).unwrap_err().to_string();
        assert_eq!(e(b"ok \xff"), "f.txt: invalid UTF-8 at byte 3");
        assert_eq!(e(b"a\0b"), "f.txt: binary file (NUL byte at 1), not text");
        assert_eq!(e(b"---\ntitle: x\nbody"), "f.txt: broken front matter: no closing --- line");
        assert!(e(b"---\npublished: soon\n---\n").contains("invalid document time"));
        assert_eq!(parse_article("e.txt", b"").unwrap().text, "");
        assert_eq!(parse_article("b.txt", "\u{feff}Hi".as_bytes()).unwrap().text, "Hi");
    }
}
