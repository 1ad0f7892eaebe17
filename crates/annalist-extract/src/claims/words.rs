//! The document's tokens as the claim layer reads them: normalised words, sentence bounds and
//! paired quotation marks.

use annalist_core::Span;

use super::lexicon::{LEXICON, LexiconWord, PhraseTable, Starts, WordClass, WordInfo, normalize};
use crate::Context;
use crate::segment::{Token, TokenKind};
use crate::word_slots::{PACKED_BYTES, pack_prefix};

/// Tokens of the whole document with what the attribution rules ask of them.
#[derive(Debug)]
pub(super) struct Words<'a> {
    /// The document text.
    pub text: &'a str,
    /// All tokens, in order.
    pub tokens: &'a [Token],
    /// Each token's normalised word (lower case, plain apostrophes): the text's own words when
    /// already normal, else words of the [`Lowered`] buffer.
    norm: Vec<&'a str>,
    /// For each quotation mark token, the index of the mark it pairs with (a `u32`, not a
    /// `usize`: most tokens have none, and the vector is written whole for every document).
    partner: Vec<Option<u32>>,
    /// Whether each token stands inside a paired quotation.
    pub quoted: Vec<bool>,
    /// What the lexicons know of each token's word, with its id, by which phrases are found.
    lexicon_words: Vec<LexiconWord>,
    /// The runs of tokens of one sentence, in order.
    pub sentences: Vec<SentenceTokens>,
    /// The text with ASCII letters in lower case.
    ascii_lowered: &'a str,
    /// For each [`BLOCK`] bytes of the text, the first token starting at or after the block's
    /// start: where [`Words::tokens_in`] starts counting, instead of searching all tokens.
    /// Empty when the tokens are not in order, one after the other, none empty (then it
    /// searches).
    first_token_of_block: Vec<u32>,
}

/// The bytes of text a [`Words::first_token_of_block`] entry stands for: a few tokens.
const BLOCK: usize = 16;

/// The tokens of one sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct SentenceTokens {
    /// The sentence's index.
    pub index: usize,
    /// Its first token.
    pub start: usize,
    /// Past its last token.
    pub end: usize,
    /// The phrase tables with a phrase starting at one of its words.
    pub starts: Starts,
    /// The same, or at one of the two words after it.
    pub cue_starts: Starts,
}

impl<'a> Words<'a> {
    /// Reads the tokens of `cx`, normalising the words that hold other characters than ASCII
    /// into `lowered` (made by [`Lowered::of`] the same context). (Called once a document:
    /// kept apart so that its loop is compiled the same wherever it is called from.)
    #[inline(never)]
    pub fn new<'t: 'a>(cx: &Context<'a>, lowered: &'a mut Lowered<'t>) -> Words<'a> {
        let tokens = cx.segmentation.tokens.as_slice();
        let lexicon = &*LEXICON;
        let ascii: &'t str = lowered.ascii;
        let mut norm: Vec<&'a str> = Vec::with_capacity(tokens.len());
        let mut lexicon_words: Vec<LexiconWord> = Vec::with_capacity(tokens.len());
        let mut quotes = QuotePairs::new(tokens.len());
        let mut sentences: Vec<SentenceTokens> = Vec::with_capacity(cx.segmentation.sentences.len());
        // First the tokens starting in each block, summed up below (no loop a token: its
        // number of turns, 0, 1 or 2, would be mispredicted).
        let mut first_token_of_block: Vec<u32> = vec![0; cx.text.len() / BLOCK + 1];
        let mut in_order = u32::try_from(tokens.len()).is_ok();
        let mut last_end = 0;
        // The run of tokens of one sentence being read (empty before the first token).
        let mut run = SentenceTokens {
            index: 0,
            start: 0,
            end: 0,
            starts: Starts::default(),
            cue_starts: Starts::default(),
        };
        // One pass over the tokens reads everything later passes ask of them.
        for (i, t) in tokens.iter().enumerate() {
            // The ASCII-lowered text from the token's start (padded past the end), and its bytes.
            let rest = ascii.get(t.span.start..).unwrap_or("");
            let from = rest.as_bytes();
            // Only the few tokens that may be quotation marks are read for quotes. (Lowering
            // leaves the bytes that open a mark as they are.)
            if from.first().is_some_and(|&b| QuotePairs::may_open_mark(b)) {
                quotes.read(cx.text, tokens, i);
            }
            in_order &= last_end <= t.span.start && t.span.start < t.span.end;
            last_end = t.span.end;
            match first_token_of_block.get_mut(t.span.start / BLOCK) {
                Some(starting) => *starting += 1,
                None => in_order = false,
            }
            let len = t.span.end.saturating_sub(t.span.start);
            // An ASCII word's normal form lies at its own place in the lowered text.
            let found = if let Some(key) = short_ascii_key(from, len) {
                // Nearly every token: the ASCII test's key is the lookup's.
                norm.push(rest.get(..len).unwrap_or(""));
                lexicon.word_of_key(key, len, from)
            } else if is_ascii_word(from, len) {
                norm.push(rest.get(..len).unwrap_or(""));
                lexicon.word_at(from, len)
            } else {
                let raw = t.span.slice(cx.text);
                match normal_without_copy(raw) {
                    // Curly apostrophes, quotation marks and dashes (most of these tokens).
                    Some(word) => {
                        norm.push(word);
                        lexicon.word_at(word.as_bytes(), word.len())
                    }
                    None => {
                        // Its place in `norm` is filled once every other word is normalised.
                        norm.push("");
                        lowered.push_other(i, raw)
                    }
                }
            };
            lexicon_words.push(found);
            let word_info = found.info;
            // The current run stays in registers (not in the vector, where every token would
            // wait on the previous token's store).
            if run.index == t.sentence {
                run.end = i + 1;
                run.starts = run.starts.union(word_info.starts);
            } else {
                if run.end > run.start {
                    sentences.push(run);
                }
                run = SentenceTokens {
                    index: t.sentence,
                    start: i,
                    end: i + 1,
                    starts: word_info.starts,
                    cue_starts: word_info.starts,
                };
            }
        }
        if run.end > run.start {
            sentences.push(run);
        }
        // A cue may start up to two words past its sentence ("... in the" + "view of").
        for s in &mut sentences {
            let past = lexicon_words.get(s.end..(s.end + 2).min(lexicon_words.len())).unwrap_or_default();
            s.cue_starts = past.iter().fold(s.starts, |u, w| u.union(w.info.starts));
        }
        let lowered: &'a Lowered<'t> = lowered;
        for (k, word) in lowered.other_words() {
            if let Some(slot) = norm.get_mut(k) {
                *slot = word;
            }
        }
        let QuotePairs { partner, quoted, .. } = quotes;
        if in_order && last_end <= cx.text.len() {
            let mut before = 0;
            for block in &mut first_token_of_block {
                (*block, before) = (before, before + *block);
            }
        } else {
            first_token_of_block = Vec::new();
        }
        Words {
            text: cx.text,
            tokens,
            norm,
            partner,
            quoted,
            lexicon_words,
            sentences,
            ascii_lowered: ascii.get(..cx.text.len()).unwrap_or(""),
            first_token_of_block,
        }
    }

    /// What the lexicons know of token `i`'s word (nothing past the end).
    pub fn info(&self, i: usize) -> WordInfo {
        self.lexicon_words.get(i).map(|w| w.info).unwrap_or_default()
    }

    /// The phrase tables with a phrase starting at one of tokens `first..end`.
    pub fn starts_of(&self, first: usize, end: usize) -> Starts {
        let found = self.lexicon_words.get(first..end).unwrap_or_default();
        found.iter().fold(Starts::default(), |s, w| s.union(w.info.starts))
    }

    /// The quotation mark that token `i` pairs with, if it is a paired one.
    pub fn partner(&self, i: usize) -> Option<usize> {
        self.partner.get(i).copied().flatten().map(|p| p as usize)
    }

    /// The normalised word at `i`, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.norm.get(i).copied().unwrap_or("")
    }

    /// The text of `span` normalised as the lexicons compare it.
    pub fn normal(&self, span: Span) -> std::borrow::Cow<'a, str> {
        let raw = span.slice(self.text);
        if raw.is_ascii() {
            // ASCII normalises by lower case alone.
            std::borrow::Cow::Borrowed(span.slice(self.ascii_lowered))
        } else {
            std::borrow::Cow::Owned(normalize(raw))
        }
    }

    /// The raw text of token `i`.
    pub fn raw(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// Whether token `i` is punctuation. The possessive "'s" the tokenizer splits off a word
    /// is not: it belongs to the noun phrase ("Russia 's foreign minister").
    pub fn is_punct(&self, i: usize) -> bool {
        self.tokens.get(i).is_none_or(|t| t.kind == TokenKind::Punct) && !self.is_possessive_mark(i)
    }

    /// Whether token `i` is a number ("500", "2019").
    pub fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// Whether token `i` is a full stop inside its sentence, attached to the word before it:
    /// the dot of an abbreviation the segmenter kept ("Sen. Jim Risch", "Gen. Smith").
    pub fn is_abbreviation_dot(&self, i: usize) -> bool {
        // Most tokens asked about are no full stop: that is read first, off the one byte.
        let Some(t) = self.tokens.get(i) else { return false };
        if t.span.len() != 1 || self.text.as_bytes().get(t.span.start) != Some(&b'.') {
            return false;
        }
        let (Some(prev), Some(next)) =
            (i.checked_sub(1).and_then(|p| self.tokens.get(p)), self.tokens.get(i + 1))
        else {
            return false;
        };
        prev.kind == TokenKind::Word && prev.span.end == t.span.start && next.sentence == t.sentence
    }

    /// Whether token `i` is a possessive mark split off the word before it: "'s", or a bare
    /// apostrophe after a plural ("bloggers'").
    pub fn is_possessive_mark(&self, i: usize) -> bool {
        let (Some(t), Some(prev)) = (self.tokens.get(i), i.checked_sub(1).and_then(|p| self.tokens.get(p)))
        else {
            return false;
        };
        let attached =
            t.kind == TokenKind::Punct && prev.kind == TokenKind::Word && prev.span.end == t.span.start;
        attached && (self.word(i) == "'s" || (self.word(i) == "'" && self.word(i - 1).ends_with('s')))
    }

    /// Whether token `i` is a quotation mark.
    pub fn is_quote(&self, i: usize) -> bool {
        // Every quotation mark opens with one of these bytes: others need no slicing.
        let Some(t) = self.tokens.get(i) else { return false };
        QuotePairs::may_be_mark(self.text, t) && matches!(self.raw(i), "\"" | "“" | "”" | "«" | "»")
    }

    /// The function-word class of token `i`.
    pub fn class(&self, i: usize) -> Option<WordClass> {
        self.lexicon_words.get(i).and_then(|w| w.info.class)
    }

    /// The longest phrase of `table` starting at token `i`: its length in tokens and its value.
    pub fn phrase<'t, T>(&self, table: &'t PhraseTable<T>, i: usize) -> Option<(usize, &'t T)> {
        let found = self.lexicon_words.get(i)?;
        if table.may_start(&found.info) { table.longest_at_word(found.id, |k| self.word(k), i) } else { None }
    }

    /// Whether token `i` starts with a capital letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else { return false };
        match self.text.as_bytes().get(t.span.start) {
            // An ASCII first byte is the first character (no slicing, no decoding).
            Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.raw(i).chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// Whether token `i` is a possessive: "Moscow's", "bloggers'", "his".
    pub fn is_possessive(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_possessive_mark(i)
            || w.ends_with("'s")
            || (w.len() > 2 && w.ends_with("s'"))
            || matches!(w, "his" | "her" | "their" | "its" | "our" | "my")
    }

    /// The span of tokens `from..to` (token indices, `to` exclusive).
    pub fn span(&self, from: usize, to: usize) -> Span {
        match (self.tokens.get(from), to.checked_sub(1).and_then(|l| self.tokens.get(l))) {
            (Some(a), Some(b)) if from < to => Span::new(a.span.start, b.span.end),
            _ => Span::new(0, 0),
        }
    }

    /// Whether the tokens stand in order, one after the other, none empty (so that those a
    /// span holds wholly are the tokens [`Words::tokens_in`] it).
    pub fn tokens_are_ordered(&self) -> bool {
        !self.first_token_of_block.is_empty()
    }

    /// The token range `(first, end)` of the tokens lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> (usize, usize) {
        let block_of = |offset: usize| self.first_token_of_block.get(offset / BLOCK).map(|&k| k as usize);
        let (first, end) = match (block_of(span.start), block_of(span.end)) {
            // Tokens in order, one after the other: every token before a block's first token
            // starts, so ends, before the block, except perhaps the one right before it.
            (Some(first_from), Some(end_from)) => {
                let rest = |from: usize| self.tokens.get(from..).unwrap_or_default();
                let end_from = end_from.saturating_sub(1);
                (
                    first_from + count_leading(rest(first_from), |t| t.span.start < span.start),
                    end_from + count_leading(rest(end_from), |t| t.span.end <= span.end),
                )
            }
            _ => (
                self.tokens.partition_point(|t| t.span.start < span.start),
                self.tokens.partition_point(|t| t.span.end <= span.end),
            ),
        };
        (first, end.max(first))
    }

    /// [`Words::tokens_in`] for spans read in text order: `previous` holds the previous span
    /// and its token range, and the tokens are counted on from there instead of searched for
    /// (a binary search over all tokens costs a cache miss a step). Spans out of order are
    /// searched for as before.
    pub fn tokens_in_order(&self, span: Span, previous: &mut (Span, (usize, usize))) -> (usize, usize) {
        let (last, (last_first, last_end)) = *previous;
        let (first, end) = if span.start < last.start || span.end < last.end {
            (
                self.tokens.partition_point(|t| t.span.start < span.start),
                self.tokens.partition_point(|t| t.span.end <= span.end),
            )
        } else {
            // Every token before the previous bounds passes each test as well; the tokens
            // before the previous end end, so start, before a span opening after it.
            let first_from = if last.end < span.start { last_first.max(last_end) } else { last_first };
            let rest = |from: usize| self.tokens.get(from..).unwrap_or_default().iter();
            (
                first_from + rest(first_from).take_while(|t| t.span.start < span.start).count(),
                last_end + rest(last_end).take_while(|t| t.span.end <= span.end).count(),
            )
        };
        *previous = (span, (first, end));
        (first, end.max(first))
    }

    /// Whether tokens `first..end` are the tokens [`Words::tokens_in`] `span`: checked at the
    /// four tokens around the bounds, as the tokens lie in text order.
    pub fn is_token_range_of(&self, span: Span, first: usize, end: usize) -> bool {
        let starts_before = |k: usize| self.tokens.get(k).is_some_and(|t| t.span.start < span.start);
        let ends_inside = |k: usize| self.tokens.get(k).is_some_and(|t| t.span.end <= span.end);
        (first == 0 || starts_before(first - 1))
            && !starts_before(first)
            && (end == 0 || ends_inside(end - 1))
            && !ends_inside(end)
            && first <= end
    }

    /// Whether token `i` opens its sentence.
    pub fn starts_sentence(&self, i: usize) -> bool {
        i == 0 || self.tokens.get(i).map(|t| t.sentence) != self.tokens.get(i - 1).map(|t| t.sentence)
    }

    /// Whether token `i` looks like a finite or participle verb: an auxiliary, a form of "be",
    /// a reporting verb, or a lower-case "-ed" word not opened by a determiner.
    pub fn is_verbish(&self, i: usize) -> bool {
        if matches!(self.class(i), Some(WordClass::Aux | WordClass::Be | WordClass::Verb)) {
            return true;
        }
        if self.is_punct(i) || self.is_capitalized(i) {
            return false;
        }
        if let Some((len, entry)) = self.phrase(&LEXICON.verbs, i) {
            let noun = entry.not_before.iter().any(|w| w == self.word(i + len));
            return !noun && (i == 0 || !self.opens_noun(i - 1));
        }
        // "are trying": a participle after a form of "be" is a verb.
        if self.word(i).ends_with("ing") && i > 0 && self.class(i - 1) == Some(WordClass::Be) {
            return true;
        }
        self.word(i).ends_with("ed") && (i == 0 || !self.opens_noun(i - 1))
    }

    /// Whether token `i` opens a noun phrase so that the next word is read as its noun or adjective.
    pub fn opens_noun(&self, i: usize) -> bool {
        self.class(i) == Some(WordClass::Determiner) || self.is_possessive(i)
    }
}

/// How many tokens of `tokens` pass `test` before the first that fails, for a test that,
/// once failed, fails for every later token (tokens in order). The first few, where the
/// answer nearly always lies, are counted without a branch on each: where a loop stops would
/// be mispredicted.
fn count_leading(tokens: &[Token], test: impl Fn(&Token) -> bool) -> usize {
    const FEW: usize = 4;
    let few = tokens.iter().take(FEW).filter(|t| test(t)).count();
    if few < FEW { few } else { FEW + tokens[FEW..].iter().take_while(|t| test(t)).count() }
}

/// The document's words normalised: the text with ASCII letters in lower case (an ASCII word's
/// normal form lies at its own place), and the normal forms of the other words that need a
/// string of their own (not the marks of [`normal_without_copy`]), one after the other.
#[derive(Debug, Default)]
pub(super) struct Lowered<'a> {
    /// The text with ASCII letters in lower case, then padding (see
    /// [`Segmentation::lowered`](crate::segment::Segmentation::lowered)).
    ascii: &'a str,
    /// The normal forms of those tokens holding non-ASCII characters, one after the other.
    other: String,
    /// Those tokens, in order, each with where its word ends in `other`.
    other_ends: Vec<(usize, usize)>,
}

impl<'a> Lowered<'a> {
    /// The ASCII-lowered text of `cx`, with no other word normalised yet (see [`Words::new`]).
    pub fn of(cx: &Context<'a>) -> Lowered<'a> {
        Lowered { ascii: cx.segmentation.lowered(), other: String::new(), other_ends: Vec::new() }
    }

    /// Appends the normal form of token `i`, `raw`, which holds other characters than ASCII,
    /// and looks it up in the lexicons.
    #[cold]
    fn push_other(&mut self, i: usize, raw: &str) -> LexiconWord {
        let start = self.other.len();
        push_normal(&mut self.other, raw);
        self.other_ends.push((i, self.other.len()));
        let word = self.other.as_bytes().get(start..).unwrap_or_default();
        LEXICON.word_at(word, word.len())
    }

    /// The tokens normalised by [`Lowered::push_other`], each with its normal form.
    fn other_words(&self) -> impl Iterator<Item = (usize, &str)> {
        let starts = std::iter::once(0).chain(self.other_ends.iter().map(|&(_, end)| end));
        self.other_ends
            .iter()
            .zip(starts)
            .map(|(&(k, end), start)| (k, self.other.get(start..end).unwrap_or("")))
    }
}

/// The key of the `len` bytes at the start of `from` (the token's bytes in the ASCII-lowered
/// text) packed as the lexicon's table packs words (see [`pack_prefix`]), when they are one to
/// sixteen ASCII bytes and `from` holds sixteen bytes to read at once (as the padded text does
/// at every token): the ASCII test and the lookup share one read and one mask.
#[inline]
fn short_ascii_key(from: &[u8], len: usize) -> Option<u128> {
    const HIGH_BITS: u128 = u128::from_le_bytes([0x80; PACKED_BYTES]);
    let &sixteen = from.first_chunk::<PACKED_BYTES>()?;
    let key = pack_prefix(sixteen, len);
    ((1..=PACKED_BYTES).contains(&len) && key & HIGH_BITS == 0).then_some(key)
}

/// Whether the `len` bytes at the start of `from` (the token's bytes in the ASCII-lowered text)
/// are all ASCII: read off the sixteen bytes the lexicon lookup reads when the word fits them.
#[inline]
fn is_ascii_word(from: &[u8], len: usize) -> bool {
    const HIGH_BITS: u128 = u128::from_le_bytes([0x80; PACKED_BYTES]);
    match from.first_chunk::<PACKED_BYTES>() {
        Some(&sixteen) if len <= PACKED_BYTES => pack_prefix(sixteen, len) & HIGH_BITS == 0,
        _ => from.get(..len).is_some_and(<[u8]>::is_ascii),
    }
}

/// The normal form of `raw`, a token holding other characters than ASCII, when it needs no
/// new string: the possessive "’s" and a lone "’" (with plain apostrophes), and a token of
/// General Punctuation other than "’" (quotation marks, dashes), which is its own normal form
/// (see [`push_normal`]).
#[inline]
fn normal_without_copy(raw: &str) -> Option<&str> {
    // "’" is the one character of the block that normalises to another.
    let is_own_normal =
        |c: char| c != '’' && matches!(c, GENERAL_PUNCTUATION_START..=GENERAL_PUNCTUATION_END);
    match raw {
        "’s" => Some("'s"),
        "’" => Some("'"),
        _ if raw.chars().all(is_own_normal) => Some(raw),
        _ => None,
    }
}

/// Appends `raw` normalised (see [`normalize`]), with the common characters read without the
/// general case tables.
fn push_normal(out: &mut String, raw: &str) {
    for c in raw.chars() {
        match c {
            '’' => out.push('\''),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // General Punctuation (quotation marks, dashes) has no case.
            GENERAL_PUNCTUATION_START..=GENERAL_PUNCTUATION_END => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// The Unicode block of General Punctuation, none of which has a lower-case form of its own.
const GENERAL_PUNCTUATION_START: char = '\u{2000}';
const GENERAL_PUNCTUATION_END: char = '\u{206F}';

/// Pairs quotation marks, one token after the other: curly ones by direction, straight ones
/// by alternation; a quotation left open at a line break is dropped (news quotes reopen each
/// paragraph).
struct QuotePairs {
    /// For each quotation mark token, the index of the mark it pairs with.
    partner: Vec<Option<u32>>,
    /// Whether each token stands inside a paired quotation (pairs never nest or overlap).
    quoted: Vec<bool>,
    /// The quotation mark still open.
    open: Option<usize>,
}

impl QuotePairs {
    fn new(tokens: usize) -> QuotePairs {
        QuotePairs { partner: vec![None; tokens], quoted: vec![false; tokens], open: None }
    }

    /// Whether token `t` may be a quotation mark: every mark opens with one of these bytes, so
    /// others need no slicing.
    #[inline]
    fn may_be_mark(text: &str, t: &Token) -> bool {
        text.as_bytes().get(t.span.start).is_some_and(|&b| Self::may_open_mark(b))
    }

    /// Whether a token starting with byte `b` may be a quotation mark.
    #[inline]
    fn may_open_mark(b: u8) -> bool {
        matches!(b, b'"' | 0xc2 | 0xe2)
    }

    /// Reads token `i` of `tokens`, one that [`QuotePairs::may_be_mark`], after the earlier
    /// ones that may.
    fn read(&mut self, text: &str, tokens: &[Token], i: usize) {
        let Some(t) = tokens.get(i) else { return };
        // A line break since the open mark drops it. (Tokens hold no line break: one between
        // the mark and this token lies between two tokens.)
        let open_end = self.open.and_then(|o| tokens.get(o)).map(|o| o.span.end);
        if let Some(open_end) = open_end
            && text.get(open_end..t.span.start).is_some_and(|gap| gap.contains('\n'))
        {
            self.open = None;
        }
        let opening = match t.span.slice(text) {
            "“" | "«" => true,
            "”" | "»" => false,
            "\"" => self.open.is_none(),
            _ => return,
        };
        if opening {
            self.open = Some(i);
        } else if let Some(o) = self.open.take() {
            // (A token index past `u32` would take a text of many gigabytes: its pair is lost.)
            self.partner[o] = u32::try_from(i).ok();
            self.partner[i] = u32::try_from(o).ok();
            if let Some(inside) = self.quoted.get_mut(o + 1..i) {
                inside.fill(true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_told_from_their_sixteen_bytes_as_from_all_their_bytes() {
        let text = "said “Kyiv” Russia’s internationalisation-wide élan x\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
        let bytes = text.as_bytes();
        for start in 0..text.len() - PACKED_BYTES {
            for len in 0..=40 {
                let expected = bytes.get(start..start + len).is_some_and(<[u8]>::is_ascii);
                assert_eq!(is_ascii_word(&bytes[start..], len), expected, "{start} {len}");
                // The short key: the packed word itself, for one to sixteen ASCII bytes.
                let key = (expected && (1..=PACKED_BYTES).contains(&len))
                    .then(|| crate::word_slots::pack_word(&bytes[start..start + len]))
                    .flatten();
                assert_eq!(short_ascii_key(&bytes[start..], len), key, "{start} {len}");
            }
        }
        // Without sixteen bytes to read: the word's own bytes.
        assert!(is_ascii_word(b"said", 4));
        assert!(!is_ascii_word("é".as_bytes(), 2));
        assert!(!is_ascii_word(b"said", 5));
        // Without sixteen bytes to read there is no short key (the long way reads the word).
        assert_eq!(short_ascii_key(b"said", 4), None);
    }

    #[test]
    fn words_normalised_without_a_copy_as_by_the_case_tables() {
        let tokens = ["’s", "’", "“", "”", "—", "–", "…", "“—", "’’", "‘", "é", "’S", "Ж", "’t", "x—"];
        for raw in tokens {
            if let Some(word) = normal_without_copy(raw) {
                assert_eq!(word, normalize(raw), "{raw:?}");
            }
        }
        assert!(normal_without_copy("’s").is_some() && normal_without_copy("“").is_some());
        assert_eq!(normal_without_copy("é"), None);
    }

    #[test]
    fn words_normalised_by_the_short_ways_as_by_the_case_tables() {
        let punctuation = GENERAL_PUNCTUATION_START..=GENERAL_PUNCTUATION_END;
        let samples = (0..=0x2FFF_u32).filter_map(char::from_u32).chain(['’', 'Ğ', 'İ', 'Σ', 'Ж']);
        for c in samples.chain(punctuation) {
            let word = format!("A{c}b’S");
            let mut fast = String::new();
            push_normal(&mut fast, &word);
            assert_eq!(fast, normalize(&word), "{c:?}");
        }
    }
}
