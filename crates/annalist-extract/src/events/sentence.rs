//! One sentence as the event coder sees it: lower-case words, lemmas, and which actor
//! mention each token belongs to.

use std::cell::{OnceCell, RefCell};

use annalist_core::{Mention, MentionKind};

use super::lemma::has_possessive_ending;
use super::lexicon::{
    ANCHORS, BREAK_PUNCTUATION, FORM_ANCHORS, INFLECTED, KnownWord, LEXICON, NO_LEMMA, STARTS_CUE,
};
use super::word_ids::{INLINE, is_ascii_packed, pack_sixteen};
use super::wordlist::{BREAK, REPORT_START, WordList};
use crate::Context;
use crate::segment::{LOWERED_PADDING, Token, TokenKind};

/// What the coder needs to know about one token besides its text, packed small: the
/// document's tokens are read once, and their facts are read many times.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokenInfo {
    /// The [`WordList`]s a word token is in, [`REPORT_START`] when it starts a reported
    /// speech cue, and [`BREAK`] for punctuation that ends a phrase.
    classes: u32,
    /// Known lemma of a word token, an index into the lexicon's lemmas ([`NO_ID`]: none).
    lemma: u32,
    /// The token's lower-case form among the lexicon's words (its id in
    /// [`super::lexicon::Lexicon::word_ids`]; [`NO_ID`]: none of them).
    word: u32,
    /// [`ANCHOR`], [`FORM_ANCHOR`], [`CUE`] and [`INFLECTED`].
    flags: u8,
}

/// [`TokenInfo::lemma`] of a token with no known lemma, [`TokenInfo::word`] of a token that is
/// no word of the lexicon.
const NO_ID: u32 = u32::MAX;
/// The token can anchor a trigger: a known word whose lemma (or, when inflected, whose form)
/// starts a pattern.
const ANCHOR: u8 = ANCHORS;
/// The token is the first word of a modality cue.
const CUE: u8 = super::lexicon::CUE;
/// The token is not its own lemma, and its form itself starts a pattern.
const FORM_ANCHOR: u8 = FORM_ANCHORS;

// Sixteen bytes are read at once from the start of any token in the lowered text (see
// [`DocWords::read`]), which the padding after it allows.
const _: () = assert!(INLINE <= LOWERED_PADDING);

/// What the coder needs to know about every token of a document, computed once.
#[derive(Debug)]
pub(crate) struct DocWords<'a> {
    /// Lower-case token text with typographic apostrophes made plain.
    lower: Vec<&'a str>,
    /// The other facts of each token.
    info: Vec<TokenInfo>,
    /// The class masks and flags of each sentence's tokens together (by the tokens'
    /// sentence index), so that a sentence with nothing to code is passed over at once.
    sentence_facts: Vec<SentenceFacts>,
    /// Whether the tokens' sentence indices never decrease: each sentence's tokens are then
    /// the run of the tokens of its index, and `sentence_facts` are theirs.
    sentences_in_order: bool,
}

/// The class masks ([`TokenInfo::classes`]) and flags of a run of tokens, together, and how
/// many tokens there are.
#[derive(Debug, Clone, Copy, Default)]
struct SentenceFacts {
    classes: u32,
    flags: u8,
    tokens: usize,
}

/// [`DocWords`] before the lower-case forms of the non-ASCII tokens are in place.
#[derive(Debug)]
pub(crate) struct UnfinishedWords<'a> {
    words: DocWords<'a>,
    /// Tokens whose lower-case form is in the buffer of non-ASCII forms, and where.
    elsewhere: Vec<(usize, std::ops::Range<usize>)>,
}

/// [`has_possessive_ending`] of an ASCII word, with no branch on its letters (a word's last
/// letter is often an "s").
fn ascii_possessive_ending(word: &[u8]) -> bool {
    let (last, before) = match word {
        [.., before, last] => (*last, *before),
        [last] => (*last, 0),
        [] => (0, 0),
    };
    (last == b'\'') | ((last == b's') & (before == b'\''))
}

impl<'a> DocWords<'a> {
    /// Reads the tokens of `cx`. `lower_text` is the text with its ASCII letters made lower
    /// case (byte offsets unchanged) and padding after it (see
    /// [`Segmentation::lowered`](crate::segment::Segmentation::lowered)), where the lower-case form of an ASCII token is found
    /// as it is; the forms of the non-ASCII tokens that differ from their text are written
    /// to `buf` (see [`DocWords::finish`]).
    pub(crate) fn read(cx: &Context<'a>, lower_text: &'a str, buf: &mut String) -> UnfinishedWords<'a> {
        let lex = &*LEXICON;
        let n = cx.segmentation.tokens.len();
        let mut lower = Vec::with_capacity(n);
        let mut info = Vec::with_capacity(n);
        let mut elsewhere = Vec::new();
        let mut sentence_facts = vec![SentenceFacts::default(); cx.segmentation.sentences.len()];
        let mut sentences_in_order = true;
        // The facts of the sentence being read, stored when the next one starts.
        let (mut sentence, mut facts) = (0, SentenceFacts::default());
        let lower_bytes = lower_text.as_bytes();
        for (index, t) in cx.segmentation.tokens.iter().enumerate() {
            let (start, end) = (t.span.start, t.span.end);
            let len = end.wrapping_sub(start);
            // Most tokens are ASCII and at most sixteen bytes long: read at once off the
            // padded lower-case text, such a token is its own lower-case form and its word key.
            let ascii_key = match lower_bytes.get(start..).and_then(<[u8]>::first_chunk::<INLINE>) {
                Some(&sixteen) if (1..=INLINE).contains(&len) => {
                    Some(pack_sixteen(sixteen, len)).filter(|&key| is_ascii_packed(key))
                }
                _ => None,
            };
            let at = buf.len();
            let (word, in_buf, found) = match ascii_key {
                Some(key) => {
                    let word = lower_text.get(start..end).unwrap_or("");
                    let first = key as u8;
                    let found = if len == 1 {
                        // Punctuation and one-letter words: a direct read.
                        lex.one_byte_words[usize::from(first & 0x7f)]
                    } else if first.is_ascii_digit() && lex.no_word_starts_with_digit {
                        None
                    } else {
                        lex.word_ids.get_packed(key, len)
                    };
                    (word, false, found)
                }
                None => {
                    let (word, in_buf) = Self::lower_case_form(cx, lower_text, t, buf);
                    let looked_up = if in_buf { &buf[at..] } else { word };
                    (word, in_buf, lex.word_ids.get(looked_up.as_bytes()))
                }
            };
            if in_buf {
                elsewhere.push((index, at..buf.len()));
            }
            let (id, known) = found.unwrap_or((NO_ID, KnownWord::UNKNOWN));
            let cue = if known.flags & STARTS_CUE != 0 { CUE } else { 0 };
            let known = match t.kind {
                TokenKind::Word => {
                    let looked_up = if in_buf { &buf[at..] } else { word };
                    let possessive = match ascii_key {
                        // ASCII: only "'" and "'s" end a possessive; tested with no branch.
                        Some(_) => ascii_possessive_ending(looked_up.as_bytes()),
                        None => has_possessive_ending(looked_up),
                    };
                    if possessive { KnownWord::new(lex.known(looked_up), false) } else { known }
                }
                TokenKind::Punct if known.flags & BREAK_PUNCTUATION != 0 => {
                    KnownWord { classes: BREAK, lemma: NO_LEMMA, flags: cue }
                }
                _ => KnownWord { classes: 0, lemma: NO_LEMMA, flags: cue },
            };
            let token = TokenInfo {
                classes: known.classes,
                lemma: if known.lemma == NO_LEMMA { NO_ID } else { u32::from(known.lemma) },
                word: id,
                flags: known.flags & (ANCHOR | CUE | FORM_ANCHOR | INFLECTED),
            };
            lower.push(word);
            info.push(token);
            if t.sentence != sentence {
                sentences_in_order &= t.sentence > sentence;
                if let Some(slot) = sentence_facts.get_mut(sentence) {
                    *slot = facts;
                }
                (sentence, facts) = (t.sentence, SentenceFacts::default());
            }
            facts.classes |= token.classes;
            facts.flags |= token.flags;
            facts.tokens += 1;
        }
        if let Some(slot) = sentence_facts.get_mut(sentence) {
            *slot = facts;
        }
        UnfinishedWords { words: DocWords { lower, info, sentence_facts, sentences_in_order }, elsewhere }
    }

    /// The lower-case form of token `t` in general (see [`DocWords::read`]): found in
    /// `lower_text`, the text itself, or written to the end of `buf` (then in place only once
    /// `buf` is complete; the form returned is empty and the flag true).
    fn lower_case_form(
        cx: &Context<'a>,
        lower_text: &'a str,
        t: &Token,
        buf: &mut String,
    ) -> (&'a str, bool) {
        match lower_text.get(t.span.start..t.span.end) {
            // The text is ASCII too: lower-casing changed no other byte.
            Some(lowered) if lowered.is_ascii() => (lowered, false),
            _ => {
                // (Not in `lower_text`: nor in the text, whose characters are the same.)
                let text = cx.text.get(t.span.start..t.span.end).unwrap_or("");
                if text.chars().all(|c| c != '’' && !c.is_uppercase()) {
                    (text, false)
                } else if text.chars().all(|c| c.is_ascii() || c == '’') {
                    // ASCII but for typographic apostrophes (most such words: "Russia’s"):
                    // lower-cased and made plain a character at a time, with no allocation.
                    buf.extend(text.chars().map(|c| if c == '’' { '\'' } else { c.to_ascii_lowercase() }));
                    ("", true)
                } else {
                    let lowered = text.to_lowercase();
                    if lowered.contains('’') {
                        buf.push_str(&lowered.replace('’', "'"));
                    } else {
                        buf.push_str(&lowered);
                    }
                    ("", true)
                }
            }
        }
    }

    /// The class masks and flags of the tokens `range` of sentence `sentence`, together.
    fn facts_of(&self, sentence: usize, range: std::ops::Range<usize>) -> SentenceFacts {
        match self.sentence_facts.get(sentence) {
            Some(&facts) if self.sentences_in_order => facts,
            _ => self.info[range].iter().fold(SentenceFacts::default(), |all, t| SentenceFacts {
                classes: all.classes | t.classes,
                flags: all.flags | t.flags,
                tokens: all.tokens + 1,
            }),
        }
    }

    /// How many tokens sentence `sentence` has, when the tokens are in sentence order (each
    /// sentence's tokens then follow the previous one's).
    pub(crate) fn sentence_len(&self, sentence: usize) -> Option<usize> {
        self.sentence_facts.get(sentence).filter(|_| self.sentences_in_order).map(|facts| facts.tokens)
    }

    /// The words of [`DocWords::read`], with the forms it wrote to `buf` in place.
    pub(crate) fn finish(unfinished: UnfinishedWords<'a>, buf: &'a str) -> DocWords<'a> {
        let UnfinishedWords { mut words, elsewhere } = unfinished;
        for (index, range) in elsewhere {
            words.lower[index] = &buf[range];
        }
        words
    }
}

/// A sentence's tokens with what the coder needs to know about each.
#[derive(Debug)]
pub(crate) struct SentenceView<'a> {
    /// The sentence's tokens.
    pub tokens: &'a [Token],
    /// Lower-case token text with typographic apostrophes made plain.
    pub lower: &'a [&'a str],
    /// The other facts of each token.
    info: &'a [TokenInfo],
    /// The lexicon's lemmas, which [`TokenInfo::lemma`] indexes.
    lemma_names: &'static [String],
    /// Index (into the document's mentions) of the mention each token belongs to, found
    /// when first asked for (most sentences turn out to hold no trigger).
    mention_at: OnceCell<Vec<Option<usize>>>,
    /// The document's mentions, which `mention_at` indexes.
    mentions: &'a [Mention],
    /// The document's text.
    text: &'a str,
    /// Where a reporting cue ("said", "according to") starts, and its length in tokens,
    /// found when first asked for.
    reports: OnceCell<Vec<(usize, usize)>>,
    /// Whether any word of the sentence can anchor a trigger (or is the "must" of a
    /// reported demand).
    pub has_anchor: bool,
    /// The class masks of the sentence's tokens, together.
    classes: u32,
    /// Where `mention_at` and `reports` take their buffers from and give them back to.
    buffers: &'a RefCell<SentenceBuffers>,
}

impl Drop for SentenceView<'_> {
    fn drop(&mut self) {
        // The buffers go back for the next sentence's view.
        let mut buffers = self.buffers.borrow_mut();
        if let Some(mention_at) = self.mention_at.take() {
            buffers.mention_at = mention_at;
        }
        if let Some(reports) = self.reports.take() {
            buffers.reports = reports;
        }
    }
}

/// The buffers of the parts of a [`SentenceView`] that are computed per sentence, kept from
/// one sentence to the next so that a document allocates them once; and where the previous
/// sentence's mentions began. One per document, given its sentences in order.
#[derive(Debug, Default)]
pub(crate) struct SentenceBuffers {
    mention_at: Vec<Option<usize>>,
    reports: Vec<(usize, usize)>,
    /// Whether the ends of the document's mentions are in order (known once asked).
    mention_ends_in_order: Option<bool>,
    /// The first mention to end after the start of the previous sentence built.
    first_mention: usize,
}

impl SentenceBuffers {
    /// The first of `mentions` to end after `start` (what a binary search by end gives),
    /// found by walking on from the previous sentence's when the ends are in order.
    fn first_mention_ending_after(&mut self, mentions: &[Mention], start: usize) -> usize {
        let in_order = *self
            .mention_ends_in_order
            .get_or_insert_with(|| mentions.windows(2).all(|w| w[0].span.end <= w[1].span.end));
        if !in_order || mentions.get(self.first_mention.wrapping_sub(1)).is_some_and(|m| m.span.end > start) {
            self.first_mention = mentions.partition_point(|m| m.span.end <= start);
        }
        while mentions.get(self.first_mention).is_some_and(|m| m.span.end <= start) {
            self.first_mention += 1;
        }
        self.first_mention
    }
}

impl<'a> SentenceView<'a> {
    /// Builds the view of the sentence whose tokens are `range` of the document's, with
    /// `buffers` for the parts built when first asked for. `mentions` are in text order.
    pub(crate) fn new(
        cx: &Context<'a>,
        doc: &'a DocWords<'a>,
        sentence: usize,
        range: std::ops::Range<usize>,
        mentions: &'a [Mention],
        buffers: &'a RefCell<SentenceBuffers>,
    ) -> SentenceView<'a> {
        let tokens = &cx.segmentation.tokens[range.clone()];
        let lower = &doc.lower[range.clone()];
        let info = &doc.info[range.clone()];
        let SentenceFacts { classes, flags, .. } = doc.facts_of(sentence, range);
        // ("must" is a word token: letters.)
        let has_anchor = flags & ANCHOR != 0 || classes & super::MUST.bit != 0;
        SentenceView {
            tokens,
            lower,
            info,
            lemma_names: &LEXICON.lemmas,
            mention_at: OnceCell::new(),
            mentions,
            text: cx.text,
            reports: OnceCell::new(),
            has_anchor,
            classes,
            buffers,
        }
    }

    /// Index (into the document's mentions) of the mention each token belongs to.
    pub(crate) fn mention_at(&self) -> &[Option<usize>] {
        self.mention_at.get_or_init(|| {
            let tokens = self.tokens;
            let mut buffers = self.buffers.borrow_mut();
            let from = tokens
                .first()
                .map(|first| buffers.first_mention_ending_after(self.mentions, first.span.start));
            let mut mention_at = std::mem::take(&mut buffers.mention_at);
            mention_at.clear();
            mention_at.resize(tokens.len(), None);
            if let (Some(from), Some(last)) = (from, tokens.last()) {
                // The mention's first token (the first to end after its start): mentions are
                // in text order, so it is found by walking on from the previous mention's.
                let mut a = 0;
                for (mi, m) in self.mentions.iter().enumerate().skip(from) {
                    if m.span.start >= last.span.end {
                        break;
                    }
                    if a > 0 && tokens[a - 1].span.end > m.span.start {
                        // Out of text order after all: search.
                        a = tokens.partition_point(|t| t.span.end <= m.span.start);
                    }
                    while a < tokens.len() && tokens[a].span.end <= m.span.start {
                        a += 1;
                    }
                    // Past its last token (no token when that is before `a`).
                    let mut b = a;
                    while b < tokens.len() && tokens[b].span.start < m.span.end {
                        b += 1;
                    }
                    for slot in &mut mention_at[a..b] {
                        slot.get_or_insert(mi);
                    }
                }
            }
            mention_at
        })
    }

    /// Where a reporting cue ("said", "according to") starts, and its length in tokens.
    pub(crate) fn reports(&self) -> &[(usize, usize)] {
        self.reports.get_or_init(|| {
            let lex = &*LEXICON;
            let mut reports = std::mem::take(&mut self.buffers.borrow_mut().reports);
            reports.clear();
            if self.classes & REPORT_START == 0 {
                // No word of the sentence starts a reported-speech cue.
                return reports;
            }
            reports.extend(
                (0..self.len())
                    // Only words that start a reported-speech cue can start a report.
                    .filter(|&i| {
                        let t = self.info[i];
                        t.classes & REPORT_START != 0 && t.lemma != NO_ID && t.flags & CUE != 0
                    })
                    .filter_map(|i| {
                        lex.word_cues
                            .get(self.info[i].word as usize)
                            .iter()
                            .map(|&c| &lex.cues[c])
                            .filter(|c| c.modality == annalist_core::Modality::Reported)
                            .find(|c| {
                                // The same word is the same id.
                                c.word_ids
                                    .iter()
                                    .enumerate()
                                    .all(|(k, &w)| self.info.get(i + k).is_some_and(|t| t.word == w))
                            })
                            .map(|c| (i, c.words.len()))
                    }),
            );
            reports
        })
    }

    /// Whether token `i` is the first word of a modality cue.
    pub(crate) fn starts_cue(&self, i: usize) -> bool {
        self.info[i].flags & CUE != 0
    }

    /// The first token from `from` on that can anchor a trigger: its lemma, or its form,
    /// starts a pattern.
    pub(crate) fn next_anchor(&self, from: usize) -> Option<usize> {
        let rest = self.info.get(from..)?;
        rest.iter().position(|t| t.flags & ANCHOR != 0).map(|k| from + k)
    }

    /// The patterns the form of token `i` anchors when that is not its lemma, if any.
    pub(crate) fn patterns_of_form(&self, i: usize) -> Option<&'static [usize]> {
        if self.info[i].flags & FORM_ANCHOR == 0 {
            return None;
        }
        self.patterns_of_word(i)
    }

    /// The patterns the lower-case form of token `i` anchors as it is, if any.
    fn patterns_of_word(&self, i: usize) -> Option<&'static [usize]> {
        let lex: &'static super::lexicon::Lexicon = &LEXICON;
        Some(lex.word_patterns.get(self.info[i].word as usize)).filter(|p| !p.is_empty())
    }

    /// The kind of the mention token `i` belongs to, if any.
    pub(crate) fn mention_kind(&self, i: usize) -> Option<MentionKind> {
        let m = (*self.mention_at().get(i)?)?;
        self.mentions.get(m).map(|m| m.kind)
    }

    /// Whether token `i` is written as an initialism: capital letters, perhaps a plural "s"
    /// ("IED", "ICBMs").
    pub(crate) fn is_initialism(&self, i: usize) -> bool {
        let bytes = self.tokens[i].span.slice(self.text).as_bytes();
        bytes.len() >= 2
            && bytes.first().is_some_and(u8::is_ascii_uppercase)
            && bytes.iter().all(|&b| b.is_ascii_uppercase() || b == b's')
    }

    /// Whether token `i` starts with a capital letter in the text (read here, not with the
    /// token's other facts: only a few tokens are asked).
    pub(crate) fn original_first_char_upper(&self, i: usize) -> bool {
        let span = self.tokens[i].span;
        match self.text.as_bytes().get(span.start) {
            Some(first) if first.is_ascii() => span.start < span.end && first.is_ascii_uppercase(),
            _ => self
                .text
                .get(span.start..span.end)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase),
        }
    }

    /// Whether the part after the last hyphen of token `i` starts with a capital letter in
    /// the text ("Zia-Ul-Haq", "Smith-Jones"; not "U.S.-led").
    pub(crate) fn last_part_capitalised(&self, i: usize) -> bool {
        let token = self.tokens[i].span.slice(self.text);
        token.rsplit('-').next().and_then(|part| part.chars().next()).is_some_and(char::is_uppercase)
    }

    /// The lower-case text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        self.lower[i]
    }

    /// The lemma of token `i`: the known lemma, else the lower-case text.
    pub(crate) fn lemma(&self, i: usize) -> &str {
        match self.info[i].lemma {
            NO_ID => self.word(i),
            id => &self.lemma_names[id as usize],
        }
    }

    /// Whether the lemma of token `i` (see [`SentenceView::lemma`]) is not its lower-case text:
    /// known per word when the lexicon is built, with no strings compared.
    pub(crate) fn is_inflected(&self, i: usize) -> bool {
        let inflected = self.info[i].flags & INFLECTED != 0;
        debug_assert_eq!(inflected, self.lemma(i) != self.word(i), "token {i}");
        inflected
    }

    /// The index of the known lemma of token `i` among the lexicon's lemmas and the id of its
    /// lower-case form among the lexicon's words, `u32::MAX` for none (see
    /// [`super::lexicon::Element::ids`]).
    pub(crate) fn lemma_and_word_ids(&self, i: usize) -> (u32, u32) {
        (self.info[i].lemma, self.info[i].word)
    }

    /// The index of the known lemma of token `i` among the lexicon's lemmas.
    pub(crate) fn lemma_id(&self, i: usize) -> Option<u32> {
        Some(self.info[i].lemma).filter(|&id| id != NO_ID)
    }

    /// The patterns the lemma of token `i` (see [`SentenceView::lemma`]) anchors, if any.
    #[inline]
    pub(crate) fn patterns_of_lemma(&self, i: usize) -> Option<&'static [usize]> {
        let lex: &'static super::lexicon::Lexicon = &LEXICON;
        match self.lemma_id(i) {
            Some(id) => Some(lex.lemma_patterns.get(id as usize)).filter(|p| !p.is_empty()),
            None => self.patterns_of_word(i),
        }
    }

    /// Whether token `i` belongs to a demonym mention used as an adjective ("Ukrainian").
    pub(crate) fn is_adjectival(&self, i: usize) -> bool {
        // "Ukrainian forces" is an adjective; "Palestinians blamed" a plural noun.
        self.mention_at()[i].is_some_and(|m| {
            self.mentions[m].resolution == annalist_core::Resolution::Demonym
                && !self.mentions[m].span.slice(self.text).ends_with('s')
        })
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether token `i` is punctuation that ends a phrase (comma, semicolon, dash, quote...).
    pub(crate) fn is_break(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|t| t.classes & BREAK != 0)
    }

    /// Whether token `i` is a possessive: the token "'s" or a word ending in it.
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        self.lower.get(i).is_some_and(|w| w.ends_with("'s") || (*w == "'" && i > 0))
    }

    /// Whether any token of the sentence is a word in `words`.
    pub(crate) fn has_word_in(&self, list: WordList) -> bool {
        self.classes & list.bit != 0
    }

    /// Whether token `i` is a word in `words`.
    pub(crate) fn is_word_in(&self, i: usize, list: WordList) -> bool {
        let found = self.info.get(i).is_some_and(|t| t.classes & list.bit != 0);
        debug_assert_eq!(
            found,
            self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
                && list.words.contains(&self.word(i)),
            "a word list missing from wordlist::ALL?"
        );
        found
    }

    /// Distinct mentions of the tokens in `from..to`, in text order.
    pub(crate) fn mentions_in(&self, from: usize, to: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let (from, to) = (from.min(self.len()), to.min(self.len()));
        for m in self.mention_at()[from.min(to)..to].iter().flatten() {
            if out.last() != Some(m) {
                out.push(*m);
            }
        }
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ascii_possessive_ending_is_found_as_in_general() {
        let words = ["", "'", "s", "'s", "s'", "kyiv's", "troops'", "its", "it's", "''", "'ss", "x's'", "a"];
        for word in words {
            assert_eq!(ascii_possessive_ending(word.as_bytes()), has_possessive_ending(word), "{word:?}");
        }
    }
}
