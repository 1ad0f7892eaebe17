//! Reading articles: `.txt` and `.md` files with optional front matter, folders (recursively,
//! in sorted order), standard input, and JSON Lines corpora (one object a line with `text` and
//! optional `id`, `title`, `published`, `url`, `author`, `source`).
//!
//! ```
//! let article = annalist_input::parse_article("note.md", b"---\ntitle: Talks\npublished: 2024-08-10\n---\nThey met.")?;
//! assert_eq!(article.metadata.title.as_deref(), Some("Talks"));
//! assert_eq!(article.text, "They met.");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Bad input is an [`InputError`] naming the file (and line or byte) that was wrong; reading
//! goes on with the next file, so one bad file never hides the good ones.

mod front_matter;
mod json_line;
mod sources;

use std::fmt;
use std::path::{Path, PathBuf};

pub use front_matter::parse_article;
pub use sources::{Inputs, MAX_ARTICLE_BYTES, total_bytes};

/// What went wrong reading one input.
#[derive(Debug)]
pub struct InputError {
    origin: String,
    kind: InputErrorKind,
}

impl InputError {
    pub(crate) fn new(origin: impl Into<String>, kind: InputErrorKind) -> InputError {
        InputError { origin: origin.into(), kind }
    }

    /// The file (and line, for JSON Lines) that was wrong.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// What was wrong.
    pub fn kind(&self) -> &InputErrorKind {
        &self.kind
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.kind)
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            InputErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// The kinds of input error.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The path could not be read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The path does not exist.
    #[error("no such file or folder")]
    NotFound,
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
    },
    /// The file holds NUL bytes: a binary file, not text.
    #[error("binary file (NUL byte at {offset}), not text")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The file is larger than one article may be.
    #[error("file of {size} bytes is larger than the {limit}-byte limit for one article")]
    TooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Front matter that opens but does not parse or close.
    #[error("broken front matter: {0}")]
    FrontMatter(String),
    /// A JSON Lines record that is not an article.
    #[error("not an article record: {0}")]
    Record(String),
}

/// Where an input comes from: a path or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file or folder.
    Path(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Source {
    /// `-` is standard input, anything else a path.
    pub fn from_arg(arg: &Path) -> Source {
        if arg == Path::new("-") { Source::Stdin } else { Source::Path(arg.to_owned()) }
    }
}
