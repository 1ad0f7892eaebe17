//! The word view the actor layer reads: the segmenter's tokens, with hyphenated compounds of
//! known names split ("Russia-Ukraine" is "Russia", "-", "Ukraine"). Each token is kept as a
//! small record of offsets and facts ([`Word`]); its text and lower-case form are read from
//! the document when the scan asks ([`WordAt`]), as most tokens are never read as names.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::hash_map::Entry;
use std::hash::BuildHasherDefault;

use annalist_core::Span;

use super::gazetteer::{
    FastMap, GAZETTEER, Gazetteer, Gender, IS_SECTOR_WORD, IS_THE, LOWER_OF_GIVEN_NAME, OPENS_SECTOR, Sector,
    WordClass, push_lower,
};
use super::scan::LOWERCASE_OPENERS;
use super::word_table::NO_WORD;
use crate::Segmentation;
use crate::reuse::emptied;
use crate::segment::TokenKind;

/// One token as the actor layer keeps it: where it stands and what is known of it, as small
/// integers. It holds no slice of the text: the list is written for every token, so the
/// record is kept small (see [`WordAt`] for what is read from the text).
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Where it starts (a byte offset in 32 bits, with `end`; see [`WordAt::span`]).
    start: u32,
    /// Where it ends.
    end: u32,
    /// Index of its sentence (32 bits: no text has more).
    sentence: u32,
    /// What it is made of.
    kind: TokenKind,
    /// The case of its first letter (words only), read once.
    case: Case,
    /// Whether it is the first word of its sentence (after opening punctuation).
    sentence_initial: bool,
    /// Whether the token is ASCII, so that its slice of the lowered text is its lower-case
    /// form; otherwise the form is worked out when asked (see [`WordAt::lower`]).
    ascii: bool,
    /// Its word classes as a mask of [`WordClass::bit`]s, [`NOT_LOOKED_UP`] until first
    /// asked (see [`WordAt::facts`]).
    classes: Cell<u32>,
    /// The id of its lower-case form among the gazetteer's words (`NO_WORD` when not
    /// one), for matching names by integers; set with `classes`.
    lexicon_id: Cell<u32>,
    /// The known name the scan found starting here, as `Scanner::name_at` packs it;
    /// [`NAME_NOT_ASKED`] until it asks.
    name_match: Cell<u64>,
}

/// `Word::name_match` of a word the scan has not asked about.
pub(crate) const NAME_NOT_ASKED: u64 = u64::MAX;

/// `Word::classes` of a word not looked up in the gazetteer yet (no real mask has every
/// bit).
const NOT_LOOKED_UP: u32 = u32::MAX;

// A word record is written for every token: keep it within 32 bytes.
const _: () = assert!(std::mem::size_of::<Word>() <= 32);

/// The case of a word's first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// A word opening with a capital letter.
    Capitalised,
    /// A word opening with a lower-case letter.
    Lower,
    /// Anything else: punctuation, numbers, words opening with a digit or a mark.
    Neither,
}

impl Case {
    /// The case of the word starting at byte `start` of `text`: read from its first byte
    /// when that is ASCII (nearly always), from its first character otherwise.
    fn of_word_at(text: &str, start: usize) -> Case {
        match text.as_bytes().get(start) {
            Some(b) if b.is_ascii_uppercase() => Case::Capitalised,
            Some(b) if b.is_ascii_lowercase() => Case::Lower,
            Some(b) if b.is_ascii() => Case::Neither,
            _ => Case::of_char(text.get(start..).and_then(|rest| rest.chars().next())),
        }
    }

    /// The case of a word opening with `first`.
    #[cold]
    #[inline(never)]
    fn of_char(first: Option<char>) -> Case {
        match first {
            Some(c) if c.is_uppercase() => Case::Capitalised,
            Some(c) if c.is_lowercase() => Case::Lower,
            _ => Case::Neither,
        }
    }
}

/// A word of the list with the document it stands in: what the scan reads. Its text and
/// lower-case form are sliced (or built) when asked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordAt<'w, 'a> {
    word: &'w Word,
    words: &'w Words<'a>,
}

impl<'w, 'a> WordAt<'w, 'a> {
    /// Where it stands.
    pub(crate) fn span(self) -> Span {
        Span::new(self.word.start as usize, self.word.end as usize)
    }

    /// The text of the token.
    #[inline]
    pub(crate) fn text(self) -> &'a str {
        self.words.text.get(self.word.start as usize..self.word.end as usize).unwrap_or("")
    }

    /// What it is made of.
    pub(crate) fn kind(self) -> TokenKind {
        self.word.kind
    }

    /// Index of its sentence.
    pub(crate) fn sentence(self) -> u32 {
        self.word.sentence
    }

    /// Whether it is the first word of its sentence (after opening punctuation).
    pub(crate) fn sentence_initial(self) -> bool {
        self.word.sentence_initial
    }

    /// The known name the scan found starting here (see [`Word::name_match`]).
    pub(crate) fn name_match(self) -> &'w Cell<u64> {
        &self.word.name_match
    }

    /// The id of its lower-case form among the gazetteer's words (`NO_WORD` when not
    /// one) and its classes and openings (a mask of [`WordClass::bit`]s and `OPENS_*`
    /// flags; none for punctuation and numbers). Looked up on first use: the word view
    /// looks up only the words the scan acts on, and most others are never asked about.
    #[inline]
    pub(crate) fn facts(self) -> (u32, u32) {
        let classes = self.word.classes.get();
        if classes != NOT_LOOKED_UP {
            return (self.word.lexicon_id.get(), classes);
        }
        self.look_up()
    }

    /// Lower-case form, apostrophes straightened: the token's slice of the lowered text
    /// when it is ASCII (nearly always), else worked out from the token.
    #[inline]
    pub(crate) fn lower(self) -> Cow<'a, str> {
        match self.ascii_lower() {
            Some(lower) => Cow::Borrowed(lower),
            None => lower_of(self.text()),
        }
    }

    /// The lower-case form of an ASCII token: its slice of the lowered text.
    #[inline]
    fn ascii_lower(self) -> Option<&'a str> {
        let span = self.word.start as usize..self.word.end as usize;
        if self.word.ascii { self.words.lower_text.get(span) } else { None }
    }

    /// Looks up [`WordAt::facts`] and keeps them (out of line: the facts are read far more
    /// often than looked up, and the read is inlined where it is asked).
    #[inline(never)]
    fn look_up(self) -> (u32, u32) {
        let text = self.text();
        let lower = match self.ascii_lower() {
            Some(lower) => Cow::Borrowed(lower),
            None => lower_of(text),
        };
        let (id, classes) = facts_of(&GAZETTEER, text, &lower, self.word.kind, self.word.case);
        self.word.lexicon_id.set(id);
        self.word.classes.set(classes);
        (id, classes)
    }

    /// The id of its lower-case form among the gazetteer's words (see [`WordAt::facts`]).
    pub(crate) fn lexicon_id(self) -> u32 {
        self.facts().0
    }

    /// Its classes and openings (see [`WordAt::facts`]).
    fn classes(self) -> u32 {
        self.facts().1
    }

    /// Whether the word may open what `flag` says (`OPENS_GROUP` ...).
    pub(crate) fn opens(&self, flag: u32) -> bool {
        self.classes() & flag != 0
    }

    /// Whether the word may open a sector phrase (`OPENS_SECTOR`): a word not looked up
    /// yet is first tested against a filter of the sector openers (only lower-case
    /// entries open one, so the filter over lower-case forms misses none).
    pub(crate) fn opens_sector(self) -> bool {
        if self.word.classes.get() == NOT_LOOKED_UP
            && !GAZETTEER.sector_opener_filter.may_contain(&self.lower())
        {
            return false;
        }
        self.opens(OPENS_SECTOR)
    }

    /// Whether the word has class `class` (see `words.tsv`).
    pub(crate) fn is(&self, class: WordClass) -> bool {
        self.classes() & class.bit() != 0
    }

    /// Whether the word starts with a capital letter.
    pub(crate) fn capitalised(self) -> bool {
        self.word.case == Case::Capitalised
    }

    /// Whether the word is written in lower case.
    pub(crate) fn lowercase(self) -> bool {
        self.word.case == Case::Lower
    }

    /// Whether this is the word "the" (any case).
    pub(crate) fn is_the(self) -> bool {
        self.classes() & IS_THE != 0
    }

    /// The sector of the word by itself ("army", any case), read from the gazetteer only
    /// when the word's facts say it is one. Tokens that are not words have no facts: those
    /// are always looked up.
    pub(crate) fn sector(self) -> Option<Sector> {
        if self.word.kind == TokenKind::Word && !self.opens(IS_SECTOR_WORD) {
            return None;
        }
        GAZETTEER.sectors.get(&*self.lower()).copied()
    }

    /// The gender of the given name the word is as written ("John"), read from the
    /// gazetteer only when the word's facts say its lower-case form is one (see
    /// [`WordAt::sector`]).
    /// A hyphenated word is one when each of its parts is ("Jean-Marc", "Anne-Marie"), of
    /// the first part's gender.
    pub(crate) fn given_name(self) -> Option<Gender> {
        if self.word.kind == TokenKind::Word && !self.opens(LOWER_OF_GIVEN_NAME) {
            return hyphenated_given_name(self.text());
        }
        GAZETTEER.given_names.get(self.text()).copied()
    }

    /// Whether the word is a given name as written (see [`WordAt::given_name`]).
    pub(crate) fn is_given_name(self) -> bool {
        self.given_name().is_some()
    }

    /// Whether this is the possessive "'s".
    pub(crate) fn possessive(self) -> bool {
        self.lower() == "'s"
    }
}

/// The gender of a hyphenated given name whose parts are all given names ("Jean-Marc").
fn hyphenated_given_name(text: &str) -> Option<Gender> {
    let (first, rest) = text.split_once('-')?;
    let gender = GAZETTEER.given_names.get(first).copied()?;
    rest.split('-').all(|part| GAZETTEER.given_names.contains_key(part)).then_some(gender)
}

/// [`WordAt::facts`] of a token: `text`, its lower-case form `lower`, its kind and case.
#[inline]
fn facts_of(gazetteer: &Gazetteer, text: &str, lower: &str, kind: TokenKind, case: Case) -> (u32, u32) {
    // Punctuation has an id too ("asia - pacific"), but no classes (so its case, read for
    // words only, does not matter).
    let (id, bits) = gazetteer.word_facts(text, lower, case == Case::Capitalised);
    (id, if kind == TokenKind::Word { bits } else { 0 })
}

/// The words of a text, plus what the text tells about its sentence-initial words.
#[derive(Debug)]
pub(crate) struct Words<'a> {
    list: Vec<Word>,
    /// The document's text.
    text: &'a str,
    /// See [`Segmentation::lowered`].
    lower_text: &'a str,
    /// Lower-case forms of the sentence-opening words, each with whether the text also
    /// writes that form as a lower-case word (evidence that a capitalised sentence-initial
    /// word is an ordinary word).
    initial_forms: FastMap<Cow<'a, str>, bool>,
    /// Capitalised sentence-initial words, each with whether the text also writes it so
    /// inside a sentence (evidence that the word is a name).
    initial_capitalised: FastMap<&'a str, bool>,
    /// One bit per word of `list`: set for the words the scan acts on (words that are
    /// capitalised or have a bit of [`LOWERCASE_OPENERS`]), so it passes the rest by bits.
    openers: Vec<u64>,
}

thread_local! {
    /// The buffer of the last word list built on this thread, emptied (see
    /// [`Words::recycle`]): a new one for each document cost an allocation and first
    /// writes to memory not in the cache.
    static SPARE_LIST: Cell<Vec<Word>> = const { Cell::new(Vec::new()) };
    /// The same for the bits of the openers (see [`Words::openers`]).
    static SPARE_OPENERS: Cell<Vec<u64>> = const { Cell::new(Vec::new()) };
}

impl<'a> Words<'a> {
    /// Gives the word list's buffers back for the next document of this thread.
    pub(crate) fn recycle(self) {
        SPARE_LIST.set(emptied(self.list));
        SPARE_OPENERS.set(emptied(self.openers));
    }

    /// Word `i`, `None` past the last.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<WordAt<'_, 'a>> {
        self.list.get(i).map(|word| WordAt { word, words: self })
    }

    /// Word `i`; panics past the last (for indices the scan has already read).
    #[inline]
    pub(crate) fn at(&self, i: usize) -> WordAt<'_, 'a> {
        WordAt { word: &self.list[i], words: self }
    }

    /// The index of the first word at or after `from` that the scan acts on (see
    /// `openers`).
    pub(crate) fn next_opener(&self, from: usize) -> Option<usize> {
        crate::bits::next_set(&self.openers, from)
    }

    /// Whether the text writes `lower`, the lower-case form of a sentence-initial word, as
    /// a word in lower case.
    pub(crate) fn written_in_lower_case(&self, lower: &str) -> bool {
        self.initial_forms.get(lower).copied().unwrap_or(false)
    }

    /// Whether the text writes `text`, a capitalised sentence-initial word, capitalised
    /// inside a sentence too.
    pub(crate) fn capitalised_inside(&self, text: &str) -> bool {
        self.initial_capitalised.get(text).copied().unwrap_or(false)
    }
}

/// Whether a word starting at byte `start` of `text` opens a quotation: right after a
/// quotation mark that follows white space or opening punctuation (or opens the text).
pub(crate) fn opens_quotation_at(text: &str, start: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    matches!(before.next(), Some('"' | '“' | '‘' | '\''))
        && before.next().is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ':' | ',' | '—' | '–'))
}

/// A 1024-bit filter over words (length and first two bytes): "surely not in the set"
/// without hashing the word.
#[derive(Debug, Default)]
pub(crate) struct WordFilter([u64; 16]);

impl WordFilter {
    pub(crate) fn slot(word: &str) -> usize {
        let b = word.as_bytes();
        Self::slot_of(b.first().copied().unwrap_or(0), b.get(1).copied().unwrap_or(0), b.len())
    }

    /// The slot of a word of `len` bytes whose first two are `first` and `second` (0 for
    /// bytes past its end).
    pub(crate) fn slot_of(first: u8, second: u8, len: usize) -> usize {
        let (first, second) = (usize::from(first), usize::from(second));
        (first.wrapping_mul(31) ^ second.wrapping_mul(131) ^ len.wrapping_mul(17)) & 1023
    }

    /// Adds `word`.
    pub(crate) fn add(&mut self, word: &str) {
        let slot = Self::slot(word);
        self.0[slot >> 6] |= 1 << (slot & 63);
    }

    /// Whether `word` may have been added (false: it surely was not).
    pub(crate) fn may_contain(&self, word: &str) -> bool {
        self.may_contain_slot(Self::slot(word))
    }

    /// Whether a word of slot `slot` (see [`WordFilter::slot`]) may have been added.
    pub(crate) fn may_contain_slot(&self, slot: usize) -> bool {
        self.0.get(slot >> 6).is_some_and(|bits| bits & (1 << (slot & 63)) != 0)
    }
}

/// Like [`WordFilter`], but counting the words of each slot that are still waited for:
/// when the last is found its slot clears, so the frequent words ("the") stop costing a
/// map lookup once seen. One byte a slot (1 KB, on the stack: a document's filters were
/// 8 KB of zeroed heap): a slot whose count reaches [`PendingFilter::FULL`] stops
/// counting and stays set, which only costs lookups, never misses a word.
struct PendingFilter([u8; 1024]);

impl PendingFilter {
    /// The count of a slot that stopped counting.
    const FULL: u8 = u8::MAX;

    fn new() -> Self {
        PendingFilter([0; 1024])
    }

    /// Adds a word waited for (each distinct word once).
    fn add(&mut self, word: &str) {
        if let Some(count) = self.0.get_mut(WordFilter::slot(word))
            && *count < Self::FULL
        {
            *count += 1;
        }
    }

    /// Whether `word` may still be waited for (false: surely not).
    fn may_contain(&self, word: &str) -> bool {
        self.may_contain_slot(WordFilter::slot(word))
    }

    /// Whether a word of slot `slot` (see [`WordFilter::slot`]) may still be waited for.
    fn may_contain_slot(&self, slot: usize) -> bool {
        self.0.get(slot).is_some_and(|&count| count > 0)
    }

    /// Marks a word added before as found.
    fn found(&mut self, word: &str) {
        self.found_slot(WordFilter::slot(word));
    }

    /// Marks a word of slot `slot` added before as found.
    fn found_slot(&mut self, slot: usize) {
        if let Some(count) = self.0.get_mut(slot)
            && *count < Self::FULL
        {
            *count = count.saturating_sub(1);
        }
    }
}

/// The lower-case form of the token `slice` at `span`: borrowed from `lower_text` (see
/// [`Segmentation::lowered`]) when the token is ASCII (`ascii`, read by the caller), else
/// worked out from the token.
#[inline]
fn lower_form<'a>(slice: &'a str, span: Span, lower_text: &'a str, ascii: bool) -> Cow<'a, str> {
    match stored_lower(slice, span, lower_text, ascii) {
        (lower, true) => Cow::Borrowed(lower),
        (text, false) => built_lower(text),
    }
}

/// The lower-case form of a token that is not ASCII: the token itself when it is its own
/// form (see [`is_own_lower`]), else built.
#[cold]
#[inline(never)]
fn lower_of(token: &str) -> Cow<'_, str> {
    if is_own_lower(token) { Cow::Borrowed(token) } else { built_lower(token) }
}

/// The lower-case form of the token `slice` at `span` when it can be borrowed, with true
/// (from `lower_text` when the token is ASCII, `ascii`, or the token itself), else the
/// token and false (its form must be built).
#[inline]
fn stored_lower<'a>(slice: &'a str, span: Span, lower_text: &'a str, ascii: bool) -> (&'a str, bool) {
    // An ASCII token's lower-case form is its slice of `lower_text`, capitals or not: no look
    // at each byte for capitals.
    if ascii && let Some(lower) = lower_text.get(span.start..span.end) {
        return (lower, true);
    }
    (slice, is_own_lower(slice))
}

/// Whether a token that is not ASCII is its own lower-case form (a few tokens in a
/// hundred: kept out of the per-token path). Quotes and dashes (most such tokens) are.
#[cold]
#[inline(never)]
fn is_own_lower(slice: &str) -> bool {
    // Characters of the General Punctuation block (dashes, quotes) have no case: no lookup
    // of their lower-case mapping.
    slice.chars().all(|c| {
        !matches!(c, '’' | '‘') && (matches!(c, '\u{2000}'..='\u{206f}') || c.to_lowercase().eq([c]))
    })
}

/// The lower-case form of a token that is not its own (see [`is_own_lower`]).
#[cold]
#[inline(never)]
fn built_lower(slice: &str) -> Cow<'_, str> {
    let mut lower = String::with_capacity(slice.len());
    push_lower(&mut lower, slice);
    Cow::Owned(lower)
}

/// Whether a token is all ASCII and whether it holds a hyphen, read in one loop over its
/// bytes (tokens are short: no early exit, no second loop).
fn ascii_and_hyphen(token: &[u8]) -> (bool, bool) {
    token.iter().fold((true, false), |(ascii, hyphen), &b| (ascii & b.is_ascii(), hyphen | (b == b'-')))
}

/// [`ascii_and_hyphen`] of the token at `span`, read from `lower_text` (see
/// [`Segmentation::lowered`]: its hyphens and non-ASCII bytes are the text's, and it is
/// padded so sixteen bytes are always there). Tokens of up to sixteen bytes are read as one
/// block, tested by word arithmetic: no loop whose exit depends on the token's length, so
/// no mispredicted branch per token. Tokens of up to eight bytes (most) are read as one
/// 64-bit word, cheaper than 128-bit arithmetic; longer tokens take the byte loop.
#[inline]
fn ascii_and_hyphen_at(lower_text: &[u8], span: Span) -> (bool, bool) {
    let len = span.end - span.start;
    if len <= 8 {
        let block = lower_text.get(span.start..span.start + 8).and_then(|b| <[u8; 8]>::try_from(b).ok());
        if let Some(block) = block {
            return ascii_and_hyphen_in::<u64>(u64::from_le_bytes(block), len);
        }
    } else if len <= 16 {
        let block = lower_text.get(span.start..span.start + 16).and_then(|b| <[u8; 16]>::try_from(b).ok());
        if let Some(block) = block {
            return ascii_and_hyphen_in::<u128>(u128::from_le_bytes(block), len);
        }
    }
    ascii_and_hyphen(lower_text.get(span.start..span.end).unwrap_or_default())
}

/// [`ascii_and_hyphen`] of the first `len` bytes of `block` (bytes in little-endian order;
/// `len` at most the block's size).
#[inline]
fn ascii_and_hyphen_in<B: Block>(block: B, len: usize) -> (bool, bool) {
    // The high bit of each of the token's bytes (those after it are not its).
    let inside = B::low_bytes(len) & B::splat(0x80);
    // A hyphen is a zero byte of `spread`; the classic zero-byte test can only mark bytes
    // after a true zero byte wrongly, so masked to the token's bytes it is exact.
    let spread = block ^ B::splat(b'-');
    let hyphen = spread.wrapping_sub(B::splat(0x01)) & !spread & inside != B::ZERO;
    (block & inside == B::ZERO, hyphen)
}

/// An unsigned integer read as a block of bytes (see [`ascii_and_hyphen_in`]).
trait Block:
    Copy
    + PartialEq
    + std::ops::BitAnd<Output = Self>
    + std::ops::BitXor<Output = Self>
    + std::ops::Not<Output = Self>
{
    const ZERO: Self;
    /// `byte` in every byte.
    fn splat(byte: u8) -> Self;
    /// Every bit of the first `len` bytes set (all for `len` at or over the size).
    fn low_bytes(len: usize) -> Self;
    fn wrapping_sub(self, other: Self) -> Self;
}

impl Block for u64 {
    const ZERO: Self = 0;
    fn splat(byte: u8) -> Self {
        u64::from_le_bytes([byte; 8])
    }
    fn low_bytes(len: usize) -> Self {
        if len >= 8 { u64::MAX } else { (1 << (8 * len)) - 1 }
    }
    fn wrapping_sub(self, other: Self) -> Self {
        u64::wrapping_sub(self, other)
    }
}

impl Block for u128 {
    const ZERO: Self = 0;
    fn splat(byte: u8) -> Self {
        u128::from_le_bytes([byte; 16])
    }
    fn low_bytes(len: usize) -> Self {
        if len >= 16 { u128::MAX } else { (1 << (8 * len)) - 1 }
    }
    fn wrapping_sub(self, other: Self) -> Self {
        u128::wrapping_sub(self, other)
    }
}

/// Builds the word view of `text`.
pub(crate) fn words<'a>(text: &'a str, segmentation: &'a Segmentation) -> Words<'a> {
    let lower_text = segmentation.lowered();
    // Splitting a compound at a hyphen adds two words: some room for them from the start,
    // so the list is seldom grown and copied.
    let tokens = segmentation.tokens.len();
    let room = tokens + tokens / 16 + 8;
    let mut list: Vec<Word> = SPARE_LIST.take();
    list.reserve(room);
    let mut openers: Vec<u64> = SPARE_OPENERS.take();
    openers.resize(room / 64 + 1, 0);
    // Only the lower-case forms of sentence-initial words are looked for in lower case
    // elsewhere: collect them first, so most tokens cost no map operation.
    // Room for one entry a sentence from the start: grown from empty, the maps were rehashed
    // several times a document.
    let sentences = segmentation.tokens.last().map_or(0, |t| t.sentence + 1);
    let mut initial_forms: FastMap<Cow<'a, str>, bool> =
        FastMap::with_capacity_and_hasher(sentences, BuildHasherDefault::default());
    let mut initial_filter = PendingFilter::new();
    // The capitalised sentence-initial words too (each sentence's first piece that is not
    // punctuation, as the pass below splits tokens), so that the pass tests the capitalised
    // words inside sentences against them as it meets them.
    let mut initial_capitalised: FastMap<&'a str, bool> =
        FastMap::with_capacity_and_hasher(sentences, BuildHasherDefault::default());
    let mut capitalised_filter = PendingFilter::new();
    let mut compound_key = String::new();
    let (mut piece_sentence, mut piece_seen) = (usize::MAX, false);
    let mut sentence_seen = usize::MAX;
    let tokens = &segmentation.tokens;
    let mut next_token = 0;
    while let Some(token) = tokens.get(next_token) {
        next_token += 1;
        if token.sentence != piece_sentence {
            piece_sentence = token.sentence;
            piece_seen = false;
        }
        if !piece_seen
            && token.kind != TokenKind::Punct
            && let Some(slice) = text.get(token.span.start..token.span.end)
        {
            piece_seen = true;
            let piece = if token.kind == TokenKind::Word
                && ascii_and_hyphen(slice.as_bytes()).1
                && splits(slice, None, &mut compound_key)
            {
                // A split compound's first piece that is not a hyphen (one part at least
                // is a capitalised name).
                slice.split('-').find(|part| !part.is_empty()).unwrap_or(slice)
            } else {
                slice
            };
            if token.kind == TokenKind::Word
                && piece.chars().next().is_some_and(char::is_uppercase)
                && let Entry::Vacant(slot) = initial_capitalised.entry(piece)
            {
                capitalised_filter.add(piece);
                slot.insert(false);
            }
        }
        if token.kind == TokenKind::Word && token.sentence != sentence_seen {
            sentence_seen = token.sentence;
            let slice = text.get(token.span.start..token.span.end).unwrap_or("");
            let lower = lower_form(slice, token.span, lower_text, slice.is_ascii());
            if let Entry::Vacant(slot) = initial_forms.entry(lower) {
                initial_filter.add(slot.key());
                slot.insert(false);
            }
        } else if token.kind == TokenKind::Word {
            sentence_seen = token.sentence;
        }
        if piece_seen && sentence_seen == token.sentence {
            // This sentence's opening piece and first word are read: nothing else in it
            // counts here. One comparison a token (well predicted) to reach the next.
            while tokens.get(next_token).is_some_and(|t| t.sentence == token.sentence) {
                next_token += 1;
            }
        }
    }
    let mut builder = ListBuilder {
        list,
        text,
        lower_text,
        gazetteer: &GAZETTEER,
        sentence: 0,
        seen_word_in_sentence: false,
        initial_forms,
        initial_filter,
        initial_capitalised,
        capitalised_filter,
        openers,
    };
    let mut last_sentence = usize::MAX;
    // The parts and hyphens of a split compound.
    let mut pieces: Vec<(Span, TokenKind, bool)> = Vec::with_capacity(8);
    for token in &segmentation.tokens {
        if token.sentence != last_sentence {
            last_sentence = token.sentence;
            builder.seen_word_in_sentence = false;
            builder.sentence = u32::try_from(token.sentence).unwrap_or(u32::MAX);
        }
        let (ascii, hyphen) = ascii_and_hyphen_at(lower_text.as_bytes(), token.span);
        if token.kind != TokenKind::Word {
            // Numbers and punctuation: their text is not read here.
            builder.push_other(token.span, token.kind, ascii);
            continue;
        }
        // Sliced here, not through `Span::get`: a call into another crate per token. Only
        // a word with a hyphen is: the others are read where the record is made.
        let compound = if hyphen { text.get(token.span.start..token.span.end) } else { None };
        let Some(slice) = compound.filter(|slice| {
            splits(
                slice,
                ascii.then(|| lower_text.get(token.span.start..token.span.end)).flatten(),
                &mut compound_key,
            )
        }) else {
            // Most words: the token itself.
            builder.push_word(token.span, ascii);
            continue;
        };
        pieces.clear();
        let mut start = 0;
        for (i, part) in slice.split('-').enumerate() {
            if i > 0 {
                let at = token.span.start + start - 1;
                pieces.push((Span::new(at, at + 1), TokenKind::Punct, true));
            }
            if !part.is_empty() {
                let s = token.span.start + start;
                pieces.push((Span::new(s, s + part.len()), TokenKind::Word, ascii || part.is_ascii()));
            }
            start += part.len() + 1;
        }
        for &(span, kind, ascii) in &pieces {
            if kind == TokenKind::Word {
                builder.push_word(span, ascii);
            } else {
                builder.push_other(span, kind, ascii);
            }
        }
    }
    let ListBuilder { list, initial_forms, initial_capitalised, openers, .. } = builder;
    Words { list, text, lower_text, initial_forms, initial_capitalised, openers }
}

/// The second pass of [`words`]: the word records, made one token or piece at a time, with
/// what the pass keeps between them.
struct ListBuilder<'a> {
    list: Vec<Word>,
    /// The document's text.
    text: &'a str,
    /// See [`Segmentation::lowered`].
    lower_text: &'a str,
    /// Read once, not per token (the gazetteer sits behind a lazy lock).
    gazetteer: &'a Gazetteer,
    /// The sentence of the current token.
    sentence: u32,
    /// Whether the current sentence has had a word (or number) yet.
    seen_word_in_sentence: bool,
    /// See [`Words`]: the forms of the sentence-opening words, with their filter.
    initial_forms: FastMap<Cow<'a, str>, bool>,
    initial_filter: PendingFilter,
    /// See [`Words`]: capitalised sentence-opening words, with their filter.
    initial_capitalised: FastMap<&'a str, bool>,
    capitalised_filter: PendingFilter,
    /// See [`Words`].
    openers: Vec<u64>,
}

impl<'a> ListBuilder<'a> {
    /// Adds the record of a number or a punctuation token at `span` (`kind`), ASCII or not
    /// (`ascii`): nothing of it is looked up, and the scan opens nothing at it.
    #[inline(always)]
    fn push_other(&mut self, span: Span, kind: TokenKind, ascii: bool) {
        let initial = kind != TokenKind::Punct && !self.seen_word_in_sentence;
        if kind != TokenKind::Punct {
            self.seen_word_in_sentence = true;
        }
        self.push_record(span, kind, Case::Neither, initial, ascii, None);
    }

    /// Adds the record of a word or a piece of one at `span`, ASCII or not (`ascii`).
    /// Always inlined: it runs for most tokens, from two places.
    #[inline(always)]
    fn push_word(&mut self, span: Span, ascii: bool) {
        let initial = !self.seen_word_in_sentence;
        self.seen_word_in_sentence = true;
        let case = Case::of_word_at(self.text, span.start);
        // Capitalised words (the scan reads each one) and the lower-case words that the
        // filter of the lower-case openers lets through (to tell whether the scan acts on
        // them) are looked up now, while their text is at hand; the rest only when asked.
        // Looked up before the record is made, so that it is written once, in place.
        let facts = if case == Case::Capitalised {
            let slice = self.text.get(span.start..span.end).unwrap_or("");
            // Only sentence-initial words are ever asked about, so the many names inside
            // sentences cost a filter test, not a map operation.
            if !initial
                && self.capitalised_filter.may_contain(slice)
                && let Some(inside) = self.initial_capitalised.get_mut(slice)
                && !*inside
                // A word opening a quotation opens a sentence of its own ("said, “Unless").
                && !opens_quotation_at(self.text, span.start)
            {
                *inside = true;
                self.capitalised_filter.found(slice);
            }
            Some(match stored_lower(slice, span, self.lower_text, ascii) {
                (lower, true) => facts_of(self.gazetteer, slice, lower, TokenKind::Word, case),
                (_, false) => facts_of(self.gazetteer, slice, &built_lower(slice), TokenKind::Word, case),
            })
        } else if ascii {
            // Most tokens. The lower-case form is the word's slice of the lowered text,
            // and the filters read only its first two bytes and its length: the word is
            // sliced only when one of them lets it through.
            let lowered = self.lower_text.as_bytes();
            let len = span.end - span.start;
            let byte =
                |at: usize| if at < len { lowered.get(span.start + at).copied().unwrap_or(0) } else { 0 };
            let lower_slot = WordFilter::slot_of(byte(0), byte(1), len);
            let slice = || self.text.get(span.start..span.end).unwrap_or("");
            // A sentence-opening form holds no capitals, so a word in lower case can
            // be one only as its own lower-case form: that form's slot gates the lookup.
            if case == Case::Lower
                && self.initial_filter.may_contain_slot(lower_slot)
                && let Some(written) = self.initial_forms.get_mut(slice())
                && !*written
            {
                *written = true;
                self.initial_filter.found_slot(lower_slot);
            }
            self.gazetteer.may_open_in_lower_case_at(lower_slot).then(|| {
                let lower = self.lower_text.get(span.start..span.end).unwrap_or("");
                facts_of(self.gazetteer, slice(), lower, TokenKind::Word, case)
            })
        } else {
            let slice = self.text.get(span.start..span.end).unwrap_or("");
            // Its own lower-case form (borrowed), or one built.
            let (lower, lower_ready) = stored_lower(slice, span, self.lower_text, ascii);
            // The filter slot of the stored lower-case form (the token itself when
            // its form is built on demand), read once for both filters.
            let lower_slot = WordFilter::slot(lower);
            if case == Case::Lower
                && self.initial_filter.may_contain_slot(lower_slot)
                && let Some(written) = self.initial_forms.get_mut(slice)
                && !*written
            {
                *written = true;
                self.initial_filter.found_slot(lower_slot);
            }
            if lower_ready {
                self.gazetteer
                    .may_open_in_lower_case_at(lower_slot)
                    .then(|| facts_of(self.gazetteer, slice, lower, TokenKind::Word, case))
            } else {
                let built = built_lower(lower);
                self.gazetteer
                    .may_open_in_lower_case(&built)
                    .then(|| facts_of(self.gazetteer, slice, &built, TokenKind::Word, case))
            }
        };
        // A lower-case particle joined to a name ("al-Bunni") may be a person's short form.
        let particle = case == Case::Lower && {
            let word = self.text.get(span.start..span.end).unwrap_or("");
            matches!(word.as_bytes().get(2..4), Some([b'-', _] | [_, b'-']))
                && super::scan::particle_name(word)
        };
        let opener = case == Case::Capitalised
            || particle
            || facts.is_some_and(|(_, classes)| classes & LOWERCASE_OPENERS != 0);
        if opener {
            let at = self.list.len();
            if self.openers.len() <= at / 64 {
                self.openers.resize(at / 64 + 1, 0);
            }
            if let Some(block) = self.openers.get_mut(at / 64) {
                *block |= 1 << (at % 64);
            }
        }
        self.push_record(span, TokenKind::Word, case, initial, ascii, facts);
    }

    /// Writes the record of a token: `facts`, the lexicon id and classes when looked up.
    #[inline(always)]
    fn push_record(
        &mut self,
        span: Span,
        kind: TokenKind,
        case: Case,
        sentence_initial: bool,
        ascii: bool,
        facts: Option<(u32, u32)>,
    ) {
        let (lexicon_id, classes) = facts.unwrap_or((NO_WORD, NOT_LOOKED_UP));
        self.list.push(Word {
            start: u32::try_from(span.start).unwrap_or(u32::MAX),
            end: u32::try_from(span.end).unwrap_or(u32::MAX),
            sentence: self.sentence,
            kind,
            case,
            sentence_initial,
            ascii,
            classes: Cell::new(classes),
            lexicon_id: Cell::new(lexicon_id),
            name_match: Cell::new(NAME_NOT_ASKED),
        });
    }
}

/// Whether a part of `word` between hyphens opens with a capital letter (a byte test when the
/// word is ASCII).
fn has_capitalised_part(word: &str) -> bool {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        return bytes.first().is_some_and(u8::is_ascii_uppercase)
            || bytes.windows(2).any(|pair| pair[0] == b'-' && pair[1].is_ascii_uppercase());
    }
    word.split('-').any(|part| part.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a hyphenated word is split: the whole is not a known name and some part is
/// ("Russia-Ukraine", "pro-Russian", "Kremlin-backed").
/// `ascii_lower`: the word's lower-case form when the word is ASCII (its slice of the lowered
/// text, so nothing is copied); `key` is a buffer for the lower-case forms built otherwise
/// (reused across tokens).
fn splits(word: &str, ascii_lower: Option<&str>, key: &mut String) -> bool {
    // Only a part that opens with a capital is looked up: without one (most hyphenated words,
    // "long-term") the word is not split, and the whole need not be looked up either.
    if !has_capitalised_part(word) {
        return false;
    }
    if let Some(lower) = ascii_lower {
        // ASCII: lower-casing changes no byte's place, so the parts of the lower-case form
        // are the lower-case forms of the parts.
        return !GAZETTEER.names.contains_key(lower)
            && word.split('-').zip(lower.split('-')).any(|(part, lower_part)| {
                part.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                    && GAZETTEER.names.contains_key(lower_part)
            });
    }
    key.clear();
    push_lower(key, word);
    if GAZETTEER.names.contains_key(key.as_str()) {
        return false;
    }
    word.split('-').any(|part| {
        part.chars().next().is_some_and(char::is_uppercase) && {
            key.clear();
            push_lower(key, part);
            GAZETTEER.names.contains_key(key.as_str())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_filter_clears_a_slot_only_when_all_its_words_are_found() {
        let mut filter = PendingFilter::new();
        // Same length and first two bytes: one slot.
        filter.add("abc");
        filter.add("abd");
        filter.found("abc");
        assert!(filter.may_contain("abd"));
        filter.found("abd");
        assert!(!filter.may_contain("abd"));
        // More words than a slot counts: the slot stays set.
        let many: Vec<String> = (0..300).map(|i| format!("ab{i:03}")).collect();
        many.iter().for_each(|w| filter.add(w));
        many.iter().take(299).for_each(|w| filter.found(w));
        assert!(filter.may_contain("ab299"));
    }

    #[test]
    fn an_emptied_list_keeps_its_allocation() {
        let text = "Kremlin-backed forces";
        let segmentation = crate::segment::segment(text);
        let list = words(text, &segmentation).list;
        let capacity = list.capacity();
        let emptied: Vec<Word> = emptied(list);
        assert!(emptied.is_empty() && emptied.capacity() == capacity && capacity > 0);
    }

    #[test]
    fn a_words_lower_case_form_is_its_text_lowered() {
        // ASCII words (sliced from the lowered text), words that are their own form, and
        // words whose form is built (capitals beyond ASCII, curly apostrophes), whole or as
        // pieces of split compounds, numbers and punctuation.
        let text = "The U.S.-backed ‘Zürich’ talks’ FOO'S Putin’s 3,000 ÉLAN d’Ivoire Kremlin-backed \
                    Russia-Ukraine — Zürich-Genève «x» état ÉTAT sixteen-letters! abcdefghijklmnopq";
        let segmentation = crate::segment::segment(text);
        let words = words(text, &segmentation);
        assert!(words.list.len() > 20);
        for i in 0..words.list.len() {
            let word = words.at(i);
            let mut expected = String::new();
            push_lower(&mut expected, word.text());
            assert_eq!(word.lower(), expected, "{}", word.text());
        }
    }

    #[test]
    fn capitalised_parts_are_found_as_by_characters() {
        for word in [
            "long-term",
            "pro-Russian",
            "Kremlin-backed",
            "Russia-Ukraine",
            "-Ukraine",
            "so-",
            "--",
            "a-b-C",
            "Ébola-free",
            "anti-Ébola",
            "über-élite",
            "x-é",
            "",
        ] {
            let by_characters =
                word.split('-').any(|part| part.chars().next().is_some_and(char::is_uppercase));
            assert_eq!(has_capitalised_part(word), by_characters, "{word}");
        }
    }

    #[test]
    fn block_test_agrees_with_the_byte_loop() {
        let text = "Kremlin-backed Zürich a-b x sixteen-letters! seventeen-letters -- É ’s end \
                    eight-ch abcdefgh abcdefg- nine-char abcdefghi Zürichs-x Zürich-xy";
        let segmentation = crate::segment::segment(text);
        let lower_text = segmentation.lowered().as_bytes();
        let mut ends = 0;
        for token in &segmentation.tokens {
            let slice = &text[token.span.start..token.span.end];
            assert_eq!(
                ascii_and_hyphen_at(lower_text, token.span),
                ascii_and_hyphen(slice.as_bytes()),
                "{slice}"
            );
            ends += 1;
        }
        assert!(ends > 8);
    }
}
