//! The tokens the time grammar reads: the segmenter's tokens, lower-cased, with words split at
//! inner hyphens and at letter–digit joins ("mid-July" → mid - july, "18q4" → 18 q 4), so the
//! grammar sees each part.

use annalist_core::Span;

use super::words::{self, WordFlags, WordInfo};
use crate::segment::{Token, TokenKind};

/// One token as the grammar sees it.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Lower-cased text, curly apostrophes made straight.
    pub norm: String,
    /// Where it stands.
    pub span: Span,
    /// Whether it starts with a digit.
    pub number: bool,
    /// Whether it starts with a capital letter.
    pub capital: bool,
    /// Whether it follows the previous token with no space between.
    pub glued: bool,
    /// What the lexicon knows of it (looked up once).
    pub info: Option<&'static WordInfo>,
    /// Its flags in the lexicon (all false when it is none of its words).
    pub flags: WordFlags,
    /// Its value and digit count when it is one to nine ASCII digits.
    pub digits: Option<(u32, usize)>,
}

/// The end of the sentence whose first token is `tokens[begin]` (the index after its last
/// token), and whether it holds a number or a word that names time by itself: a cheap test,
/// without allocation, that lets the tagger skip a sentence. One pass over the tokens.
pub(crate) fn scan_sentence(text: &str, tokens: &[Token], begin: usize) -> (usize, bool) {
    let Some(sentence) = tokens.get(begin).map(|t| t.sentence) else { return (begin, false) };
    let mut mentions = false;
    let mut end = begin;
    while let Some(t) = tokens.get(end)
        && t.sentence == sentence
    {
        mentions = mentions || mentions_time(text, t);
        end += 1;
    }
    (end, mentions)
}

/// Whether a token is a number or a word that names time by itself.
fn mentions_time(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(slice(text, t.span), "'" | "‘"),
        TokenKind::Word => word_mentions_time(slice(text, t.span)),
    }
}

/// The text of `span` (as [`Span::slice`], inlined: this runs at every token).
#[inline]
fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// Whether a word, or a hyphen-joined part of it, is a strong time word or holds a digit;
/// compared case-insensitively without allocating.
fn word_mentions_time(word: &str) -> bool {
    let word = if word.ends_with('s') {
        word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
    } else {
        word
    };
    let bytes = word.as_bytes();
    // One pass over the bytes: any non-ASCII byte takes the general path.
    let (mut digit, mut hyphen) = (false, false);
    for &b in bytes {
        if !b.is_ascii() {
            return word.to_lowercase().split('-').any(words::is_strong);
        }
        digit |= b.is_ascii_digit();
        hyphen |= b == b'-';
    }
    digit
        || if hyphen {
            bytes.split(|&b| b == b'-').any(words::is_strong_ascii)
        } else {
            words::is_strong_ascii(bytes)
        }
}

/// The grammar's tokens of one sentence's segmenter tokens, written to the front of `pool`
/// (whose tokens and their strings are reused, so a sentence allocates nothing once the pool
/// has grown); returns how many were written.
pub(crate) fn sentence_tokens(text: &str, tokens: &[Token], pool: &mut Vec<Tok>) -> usize {
    let mut out = Pool { toks: pool, len: 0 };
    let mut last_end = usize::MAX;
    for t in tokens {
        let text = slice(text, t.span);
        // ('-' and digits are ASCII bytes, never inside a multi-byte character.)
        if t.kind == TokenKind::Word && text.bytes().any(|b| b == b'-' || b.is_ascii_digit()) {
            split_word(text, t.span.start, last_end, &mut out);
        } else if t.kind == TokenKind::Word
            && let Some(stem) = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s"))
            && !stem.is_empty()
        {
            // A possessive: "Monday's", "this year's".
            let cut = t.span.start + stem.len();
            out.push(stem, Span::new(t.span.start, cut), last_end);
            out.push(&text[stem.len()..], Span::new(cut, t.span.end), cut);
        } else {
            out.push(text, t.span, last_end);
        }
        last_end = t.span.end;
    }
    out.len
}

/// Tokens written over a reused vector.
struct Pool<'p> {
    toks: &'p mut Vec<Tok>,
    len: usize,
}

impl Pool<'_> {
    /// Writes the next token, reusing the string of the one that stood there.
    fn push(&mut self, text: &str, span: Span, last_end: usize) {
        if self.len == self.toks.len() {
            self.toks.push(Tok {
                norm: String::new(),
                span,
                number: false,
                capital: false,
                glued: false,
                info: None,
                flags: WordFlags::default(),
                digits: None,
            });
        }
        let slot = &mut self.toks[self.len];
        self.len += 1;
        slot.norm.clear();
        let bytes = text.as_bytes();
        let first = bytes.first().copied().unwrap_or(0);
        if text.is_ascii() {
            slot.norm.push_str(text);
            slot.norm.make_ascii_lowercase();
            slot.capital = first.is_ascii_uppercase();
        } else {
            slot.norm.push_str(&text.to_lowercase().replace('’', "'"));
            slot.capital = text.chars().next().is_some_and(char::is_uppercase);
        }
        (slot.info, slot.flags) = match words::lookup_with_flags(&slot.norm) {
            Some((info, flags)) => (Some(info), flags),
            None => (None, WordFlags::default()),
        };
        slot.number = first.is_ascii_digit();
        // A number of digits only is its own lower-case form.
        slot.digits = (slot.number && bytes.len() <= 9 && bytes.iter().all(u8::is_ascii_digit))
            .then(|| (bytes.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')), bytes.len()));
        slot.glued = last_end == span.start;
        slot.span = span;
    }
}

/// Splits a word at hyphens and at letter–digit boundaries.
fn split_word(text: &str, offset: usize, mut last_end: usize, out: &mut Pool<'_>) {
    let mut start = 0;
    let mut prev: Option<char> = None;
    let push = |from: usize, to: usize, last_end: &mut usize, out: &mut Pool<'_>| {
        if from < to {
            let span = Span::new(offset + from, offset + to);
            out.push(&text[from..to], span, *last_end);
            *last_end = span.end;
        }
    };
    for (i, c) in text.char_indices() {
        if c == '-' {
            push(start, i, &mut last_end, out);
            push(i, i + 1, &mut last_end, out);
            start = i + 1;
        } else if let Some(p) = prev
            && p != '-'
            && (p.is_ascii_digit() != c.is_ascii_digit())
            && (p.is_alphabetic() || p.is_ascii_digit())
            && c.is_alphanumeric()
        {
            push(start, i, &mut last_end, out);
            start = i;
        }
        prev = Some(c);
    }
    push(start, text.len(), &mut last_end, out);
}
