//! The tokens the time grammar reads: the segmenter's tokens, lower-cased, with words split at
//! inner hyphens and at letter–digit joins ("mid-July" → mid - july, "18q4" → 18 q 4), so the
//! grammar sees each part.

use std::borrow::Cow;

use annalist_core::Span;

use super::words::{self, PackedKey, Tables, WordFlags, WordInfo};
use crate::segment::{LOWERED_PADDING, Token, TokenKind};

/// One token as the grammar sees it.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    /// Lower-cased text, curly apostrophes made straight: borrowed from the lower-cased
    /// document (see [`Segmentation::lowered`](crate::segment::Segmentation::lowered)) or the text, owned only when a non-ASCII word changes.
    pub norm: Cow<'t, str>,
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
    /// Its value and digit count when it is one to nine ASCII digits (the count in a byte
    /// keeps the token small).
    pub digits: Option<(u32, u8)>,
}

impl Tok<'_> {
    /// Whether it may start a time expression: a number or a word of the time lexicon.
    pub(crate) fn is_trigger(&self) -> bool {
        self.number || self.flags.trigger
    }
}

// A lexicon key is read as sixteen bytes at once from where a word starts in the lowered
// text (see [`words::PackedKey::read`]), which the padding after it allows.
const _: () = assert!(words::KEY_BYTES <= LOWERED_PADDING);

/// Where the sentence whose first token is `tokens[begin]` first holds a number or a word that
/// names time by itself: `Ok` with that token's index, else `Err` with the end of the sentence
/// (the index after its last token). A cheap test, without allocation, that lets the tagger
/// skip a sentence; it stops at the first such token, as the rest of the sentence is read when
/// its grammar tokens are written (see [`sentence_tokens`]). `lowered` is
/// [`Segmentation::lowered`](crate::segment::Segmentation::lowered) of `text`.
pub(crate) fn first_mention(
    text: &str,
    lowered: &str,
    tables: Tables,
    tokens: &[Token],
    begin: usize,
) -> Result<usize, usize> {
    let lowered_text = lowered;
    let lowered = lowered.as_bytes();
    let Some(sentence) = tokens.get(begin).map(|t| t.sentence) else { return Err(begin) };
    let mut at = begin;
    // How far the tokens just read go into "on the": 1 after "on", 2 after "on the".
    let mut after_on = 0;
    while let Some(t) = tokens.get(at)
        && t.sentence == sentence
    {
        if mentions_time(text, lowered, tables, t) {
            return Ok(at);
        }
        // (Most tokens: not "on", and not after it.)
        if after_on > 0 || t.span.end.wrapping_sub(t.span.start) == 2 {
            let word = lowered.get(t.span.start..t.span.end).unwrap_or_default();
            after_on = match (after_on, word) {
                (_, b"on") => 1,
                (1, b"the") => 2,
                // A word after "on" or "on the" that may be read as a day there ("on the tenth").
                (1 | 2, _) if t.kind == TokenKind::Word && names_day_after_on(text, lowered_text, t.span) => {
                    return Ok(at);
                }
                _ => 0,
            };
        }
        at += 1;
    }
    Err(at)
}

/// Whether the word at `span` may be read as a day of the month after "on" or "on the" (see
/// [`words::names_day_after_on`]), lower-cased without allocating when it is ASCII (its span
/// of `lowered`, the lower-cased text).
fn names_day_after_on(text: &str, lowered: &str, span: Span) -> bool {
    let word = slice(text, span);
    if word.is_ascii() {
        words::names_day_after_on(slice(lowered, span))
    } else {
        words::names_day_after_on(&word.to_lowercase())
    }
}

/// Whether a token is a number or a word that names time by itself.
fn mentions_time(text: &str, lowered: &[u8], tables: Tables, t: &Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(slice(text, t.span), "'" | "‘"),
        TokenKind::Word => word_mentions_time(text, lowered, tables, t.span),
    }
}

/// The text of `span` (as [`Span::slice`], inlined: this runs at every token).
#[inline]
fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// Whether the word at `span`, or a hyphen-joined part of it, is a strong time word or holds
/// a digit (a possessive "'s" aside); compared case-insensitively without allocating.
fn word_mentions_time(text: &str, lowered: &[u8], tables: Tables, span: Span) -> bool {
    let len = span.end.saturating_sub(span.start);
    // Most words: ASCII of at most sixteen bytes, tested and looked up as one integer.
    let Some(word) = PackedKey::read(lowered, span.start, len).filter(|w| w.is_ascii()) else {
        return any_word_mentions_time(slice(text, span), lowered, tables, span.start);
    };
    // Most words: letters only.
    if !word.may_have_mark() {
        return tables.is_strong(word);
    }
    let digit_or_hyphen = word.may_have_digit_or_hyphen();
    if digit_or_hyphen && word.has_digit() {
        return true;
    }
    // The possessive read in the text ("'S" is none), where the lower-cased key ends in one.
    let possessive =
        word.ends_with_possessive() && text.as_bytes().get(span.end - 2..span.end) == Some(b"'s");
    let word = if possessive { word.part(0, len - 2) } else { word };
    let mut hyphens = if digit_or_hyphen { word.hyphens() } else { 0 };
    if hyphens == 0 {
        return tables.is_strong(word);
    }
    let mut from = 0;
    loop {
        let to = if hyphens == 0 { word.len } else { (hyphens.trailing_zeros() / 8) as usize };
        if tables.is_strong(word.part(from, to - from)) {
            return true;
        }
        if hyphens == 0 {
            return false;
        }
        hyphens &= hyphens - 1;
        from = to + 1;
    }
}

/// [`word_mentions_time`] of any word standing at `at`, byte by byte.
fn any_word_mentions_time(word: &str, lowered: &[u8], tables: Tables, at: usize) -> bool {
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
            // The grammar splits a number off a word ("café2"), as off an ASCII one.
            return bytes.iter().any(u8::is_ascii_digit)
                || word.to_lowercase().split('-').any(words::is_strong);
        }
        digit |= b.is_ascii_digit();
        hyphen |= b == b'-';
    }
    // An ASCII word's key is read from `lowered`; no strong word is longer than a key.
    let is_strong =
        |at: usize, len: usize| PackedKey::read(lowered, at, len).is_some_and(|w| tables.is_strong(w));
    if digit {
        return true;
    }
    if !hyphen {
        return is_strong(at, bytes.len());
    }
    let mut part_at = at;
    bytes.split(|&b| b == b'-').any(|part| {
        let strong = is_strong(part_at, part.len());
        part_at += part.len() + 1;
        strong
    })
}

/// The grammar's tokens of the sentence whose first token is `tokens[begin]`, written over
/// `toks`; returns the end of the sentence (the index after its last token). `lowered` is
/// [`Segmentation::lowered`](crate::segment::Segmentation::lowered).
pub(crate) fn sentence_tokens<'t>(
    text: &'t str,
    lowered: &'t str,
    tables: Tables,
    tokens: &[Token],
    begin: usize,
    toks: &mut Vec<Tok<'t>>,
    marks: &mut Marks,
) -> usize {
    toks.clear();
    marks.clear();
    let Some(sentence) = tokens.get(begin).map(|t| t.sentence) else { return begin };
    let mut out = Pool { toks, marks, text, lowered, tables };
    let mut last_end = usize::MAX;
    let mut at = begin;
    while let Some(t) = tokens.get(at)
        && t.sentence == sentence
    {
        at += 1;
        let len = t.span.end.saturating_sub(t.span.start);
        // Most tokens: ASCII of at most sixteen bytes, read as one integer.
        let ascii =
            PackedKey::read(lowered.as_bytes(), t.span.start, len).filter(|w| w.is_ascii() && len > 0);
        match (t.kind, ascii) {
            // Most words: letters only.
            (TokenKind::Word, Some(word)) if !word.may_have_mark() => out.push_ascii(t.span, word, last_end),
            (TokenKind::Word, Some(word))
                if !word.may_have_digit_or_hyphen() || !word.has_digit() && word.hyphens() == 0 =>
            {
                if len > 2
                    && word.ends_with_possessive()
                    && text.as_bytes().get(t.span.end - 2..t.span.end) == Some(b"'s")
                {
                    // A possessive: "Monday's", "this year's".
                    let cut = t.span.end - 2;
                    out.push_ascii(Span::new(t.span.start, cut), word.part(0, len - 2), last_end);
                    out.push_ascii(Span::new(cut, t.span.end), word.part(len - 2, 2), cut);
                } else {
                    out.push_ascii(t.span, word, last_end);
                }
            }
            (TokenKind::Punct, Some(word)) if !word.byte(0).is_ascii_digit() => {
                out.push_ascii(t.span, word, last_end);
            }
            _ => any_token(t, &mut out, last_end),
        }
        last_end = t.span.end;
    }
    at
}

/// Writes the grammar's tokens of any segmenter token.
fn any_token(t: &Token, out: &mut Pool<'_, '_>, last_end: usize) {
    let word = slice(out.text, t.span);
    // ('-' and digits are ASCII bytes, never inside a multi-byte character.)
    if t.kind == TokenKind::Word && word.bytes().any(|b| b == b'-' || b.is_ascii_digit()) {
        split_word(word, t.span.start, last_end, out);
    } else if t.kind == TokenKind::Word
        && let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
        && !stem.is_empty()
    {
        // A possessive: "Monday's", "this year's".
        let cut = t.span.start + stem.len();
        out.push(Span::new(t.span.start, cut), last_end);
        out.push(Span::new(cut, t.span.end), cut);
    } else {
        out.push(t.span, last_end);
    }
}

/// Which of a sentence's grammar tokens are triggers (see [`Tok::is_trigger`]) and which name
/// time by themselves (a number or a strong word of the lexicon), one bit a token, noted as the tokens are
/// written: the tagger goes from one trigger to the next and finds the next strong token
/// without reading the tokens between.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    triggers: Bits,
    strong: Bits,
}

impl Marks {
    fn clear(&mut self) {
        self.triggers.0.clear();
        self.strong.0.clear();
    }

    /// Notes token `k` (the next one written), a number or not, with the lexicon's `flags`;
    /// `day_after_on`: it stands where it is read as a day of the month ("on the tenth").
    #[inline]
    fn note(&mut self, k: usize, number: bool, flags: WordFlags, day_after_on: bool) {
        self.triggers.set(k, number || flags.trigger);
        self.strong.set(k, number || flags.strong || day_after_on);
    }

    /// The first trigger at or after token `k`, if any.
    pub(crate) fn next_trigger(&self, k: usize) -> Option<usize> {
        self.triggers.next_from(k)
    }

    /// The first token at or after `k` that names time by itself, if any.
    pub(crate) fn next_strong(&self, k: usize) -> Option<usize> {
        self.strong.next_from(k)
    }
}

/// A set of token indices, one bit each, written in index order.
#[derive(Debug, Default)]
struct Bits(Vec<u64>);

impl Bits {
    /// Sets bit `k` to `on`; every bit below `k` has been set already (so the word of `k` is
    /// the last one, or a new one).
    #[inline]
    fn set(&mut self, k: usize, on: bool) {
        if k.is_multiple_of(64) {
            self.0.push(0);
        }
        if let Some(word) = self.0.last_mut() {
            *word |= u64::from(on) << (k % 64);
        }
    }

    /// The first bit set at or after `k`.
    fn next_from(&self, k: usize) -> Option<usize> {
        crate::bits::next_set(&self.0, k)
    }
}

/// Tokens written to a sentence's vector, their lower-case forms borrowed where they can be.
struct Pool<'p, 't> {
    toks: &'p mut Vec<Tok<'t>>,
    marks: &'p mut Marks,
    tables: Tables,
    /// The document.
    text: &'t str,
    /// [`Segmentation::lowered`](crate::segment::Segmentation::lowered).
    lowered: &'t str,
}

impl<'t> Pool<'_, 't> {
    /// Whether the tokens written last are "on" or "on the", where the grammar reads a day of
    /// the month alone ("on the tenth").
    fn after_on(&self) -> bool {
        let word = |back: usize| {
            self.toks.len().checked_sub(back).and_then(|k| self.toks.get(k)).map_or("", |t| t.norm.as_ref())
        };
        word(1) == "on" || word(1) == "the" && word(2) == "on"
    }

    /// Writes the ASCII token standing at `span`, not starting with a digit, whose lower-case
    /// form is `word`.
    #[inline]
    fn push_ascii(&mut self, span: Span, word: PackedKey, last_end: usize) {
        let capital = self.text.as_bytes().get(span.start).is_some_and(u8::is_ascii_uppercase);
        let (info, flags) = self.tables.lookup(word).unzip();
        let flags = flags.unwrap_or_default();
        let day_after_on = flags.day_after_on && self.after_on();
        self.marks.note(self.toks.len(), false, flags, day_after_on);
        self.toks.push(Tok {
            norm: Cow::Borrowed(slice(self.lowered, span)),
            span,
            number: false,
            capital,
            glued: last_end == span.start,
            info,
            flags,
            digits: None,
        });
    }

    /// Writes the token standing at `span` of the text.
    fn push(&mut self, span: Span, last_end: usize) {
        let text = slice(self.text, span);
        let bytes = text.as_bytes();
        let first = bytes.first().copied().unwrap_or(0);
        let (norm, capital, (info, flags)) = if text.is_ascii() {
            // An ASCII word's lower-case form is its span of the lower-cased text.
            let norm = slice(self.lowered, span);
            let found = match PackedKey::read(self.lowered.as_bytes(), span.start, norm.len()) {
                Some(word) if !norm.is_empty() => self.tables.lookup(word),
                Some(_) => None,
                None => words::lookup_with_flags(norm),
            };
            (Cow::Borrowed(norm), first.is_ascii_uppercase(), found.unzip())
        } else {
            let norm = non_ascii_norm(text);
            let found = words::lookup_with_flags(&norm);
            (norm, text.chars().next().is_some_and(char::is_uppercase), found.unzip())
        };
        let number = first.is_ascii_digit();
        // A number of digits only is its own lower-case form.
        let digits = (number && bytes.len() <= 9 && bytes.iter().all(u8::is_ascii_digit))
            .then(|| (bytes.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')), bytes.len() as u8));
        let flags = flags.unwrap_or_default();
        let day_after_on = flags.day_after_on && self.after_on();
        self.marks.note(self.toks.len(), number, flags, day_after_on);
        self.toks.push(Tok {
            norm,
            span,
            number,
            capital,
            glued: last_end == span.start,
            info,
            flags,
            digits,
        });
    }
}

/// The lower-case form of a non-ASCII token, curly apostrophes made straight: the token
/// itself when that changes nothing (most such tokens are punctuation), so that only words
/// with a capital or an apostrophe allocate.
fn non_ascii_norm(text: &str) -> Cow<'_, str> {
    // Each character its own lower case: so is the whole (the one context-dependent mapping,
    // final sigma, is of a capital).
    if text.chars().all(|c| c != '’' && c.to_lowercase().eq(std::iter::once(c))) {
        return Cow::Borrowed(text);
    }
    match text {
        "’" => Cow::Borrowed("'"),
        "’s" => Cow::Borrowed("'s"),
        _ => Cow::Owned(text.to_lowercase().replace('’', "'")),
    }
}

/// Splits a word at hyphens and at letter–digit boundaries.
fn split_word(text: &str, offset: usize, mut last_end: usize, out: &mut Pool<'_, '_>) {
    let mut start = 0;
    let mut prev: Option<char> = None;
    let push = |from: usize, to: usize, last_end: &mut usize, out: &mut Pool<'_, '_>| {
        if from < to {
            let span = Span::new(offset + from, offset + to);
            out.push(span, *last_end);
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

#[cfg(test)]
mod tests {
    use super::Bits;

    #[test]
    fn next_from_finds_the_first_bit_set_at_or_after_an_index() {
        let set = [3, 63, 64, 130];
        let mut bits = Bits::default();
        for k in 0..140 {
            bits.set(k, set.contains(&k));
        }
        for k in 0..150 {
            assert_eq!(bits.next_from(k), set.iter().copied().find(|&s| s >= k), "from {k}");
        }
    }
}
