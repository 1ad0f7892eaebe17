//! Sentences and tokens with byte spans.
//!
//! A single left-to-right pass: no backtracking, so time is linear in the text. Tokens are
//! words (with inner hyphens and apostrophes, and initialisms such as "U.S."), numbers (with
//! inner `,` `.` `:` `/`), and single punctuation characters. A sentence ends at a line break,
//! or at `.`, `!` or `?` (with any closing quotes or brackets) followed by white space and a
//! capital, digit or opening quote, unless the full stop ends a known abbreviation ("Gen.",
//! "Aug.") or an initial ("W.").

use std::sync::LazyLock;

use annalist_core::Span;

use crate::lexicon;
use crate::word_slots::{WordSlots, hash_packed, pack_word};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, apostrophes or initialism dots.
    Word,
    /// Digits, possibly with inner separators: `10`, `3.5`, `2/15`, `1,000`.
    Number,
    /// One character that is neither: punctuation, symbols.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it stands.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// Index of its sentence.
    pub sentence: usize,
}

/// How many zero bytes follow the text in [`Segmentation::lowered`].
pub const LOWERED_PADDING: usize = 16;

/// The sentences and tokens of a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Sentence spans, in order, trimmed of white space.
    pub sentences: Vec<Span>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// See [`Segmentation::lowered`].
    lowered: String,
}

impl Segmentation {
    /// The text with its ASCII letters in lower case, followed by [`LOWERED_PADDING`] zero
    /// bytes. Other characters are as they are, so byte offsets are the text's: an ASCII
    /// token's lower-case form is its span of this, and sixteen bytes can be read at once
    /// from the start of any token. Made once here for all the layers that read words.
    pub fn lowered(&self) -> &str {
        &self.lowered
    }

    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        let start = self.tokens.partition_point(|t| t.sentence < index);
        let end = self.tokens.partition_point(|t| t.sentence <= index);
        &self.tokens[start..end]
    }

    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }
}

/// The abbreviations, in lower case, packed as word keys: a lookup per full stop after a word
/// (most sentence ends) is one cheap hash and one slot comparison.
struct Abbreviations {
    words: WordSlots<u128, ()>,
    /// The length in bytes of the longest: most words before a full stop are longer, and need
    /// no lookup.
    longest: usize,
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let words: Vec<String> = lexicon::rows(include_str!("../../data/abbreviations.tsv"))
        .map(|(_, fields)| fields[0].to_lowercase())
        .collect();
    let mut table = WordSlots::with_room_for(words.len());
    for word in &words {
        let key = pack_word(word.as_bytes()).expect("an abbreviation is 1 to 16 bytes long");
        table.insert(key, word.len() as u8, hash_key(key, word.len()), ());
    }
    Abbreviations { words: table, longest: words.iter().map(String::len).max().unwrap_or(0) }
});

/// The hash of a packed word of `len` bytes.
fn hash_key(key: u128, len: usize) -> u64 {
    hash_packed(key as u64, (key >> 64) as u64, len)
}

/// Whether `lowered`, a word in lower case, is an abbreviation.
fn is_abbreviation(lowered: &str) -> bool {
    let abbreviations = &*ABBREVIATIONS;
    lowered.len() <= abbreviations.longest
        && pack_word(lowered.as_bytes()).is_some_and(|key| {
            abbreviations.words.find(key, lowered.len(), hash_key(key, lowered.len())).is_some()
        })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Splits `text` into tokens and sentences.
///
/// One pass over the text: each token's sentence is decided as the token after it is found
/// (see [`SentenceBreaker`]), so the tokens are not walked a second time.
pub fn segment(text: &str) -> Segmentation {
    let mut lowered = String::with_capacity(text.len() + LOWERED_PADDING);
    lowered.push_str(text);
    lowered.make_ascii_lowercase();
    lowered.extend(std::iter::repeat_n('\0', LOWERED_PADDING));
    let mut breaker =
        SentenceBreaker { text, lowered: &lowered, sentences: Vec::new(), start: 0, closes_stop: false };
    let tokens = scan_tokens(text, |before, next| breaker.sentence_of(before, next));
    let sentences = breaker.finish(&tokens);
    Segmentation { sentences, tokens, lowered }
}

/// Decides sentence ends token by token, as the tokens are found.
///
/// Whether a sentence ends after a token depends on the token, the one before it (an
/// abbreviation's full stop), the white space after it and the token after it; a closing quote
/// or bracket right after a stop (`."`) carries the stop to the token after it.
struct SentenceBreaker<'t> {
    text: &'t str,
    /// [`Segmentation::lowered`] of `text`.
    lowered: &'t str,
    /// The sentences ended so far.
    sentences: Vec<Span>,
    /// Where the current sentence's first token starts.
    start: usize,
    /// Whether the last token is one of the closing quotes or brackets that directly follow a
    /// `.`, `!` or `?` (`."` or `?)`): the sentence may end after it rather than at the stop.
    closes_stop: bool,
}

impl SentenceBreaker<'_> {
    /// The sentence index of `next`, the token found after `before`; ends the current
    /// sentence when it ends between the two.
    #[inline]
    fn sentence_of(&mut self, before: &[Token], next: Token) -> usize {
        let Some(&last) = before.last() else {
            self.start = next.span.start;
            return 0;
        };
        if self.ends_between(before, last, next) {
            self.sentences.push(Span::new(self.start, last.span.end));
            self.start = next.span.start;
            self.closes_stop = false;
            return last.sentence + 1;
        }
        self.closes_stop = next.kind == TokenKind::Punct
            && next.span.start == last.span.end
            && (self.closes_stop || (last.kind == TokenKind::Punct && is_stop(last.span.slice(self.text))))
            && next.span.slice(self.text).chars().all(is_closing);
        last.sentence
    }

    /// Whether a sentence ends after `last`, the last token of `before`, given `next`.
    fn ends_between(&self, before: &[Token], last: Token, next: Token) -> bool {
        let bytes = self.text.as_bytes();
        // Most tokens are words without a final dot, followed by one space: no sentence
        // ends there, whichever test below would say so.
        if last.kind == TokenKind::Word
            && next.span.start == last.span.end + 1
            && bytes[last.span.end] == b' '
            && bytes[last.span.end - 1] != b'.'
        {
            return false;
        }
        // Compared as bytes: tokens and gaps lie on character boundaries, and this runs once
        // per token.
        let gap = &bytes[last.span.end..next.span.start];
        if has_line_break(gap) {
            return true;
        }
        let token = &bytes[last.span.start..last.span.end];
        match last.kind {
            TokenKind::Punct if !gap.is_empty() => {
                let may_end = self.closes_stop
                    || matches!(token, b"!" | b"?")
                    || token == "…".as_bytes()
                    || (token == b"."
                        && !abbreviation_before(
                            self.text,
                            self.lowered,
                            before,
                            before.len() - 1,
                            next.span.slice(self.text),
                        ));
                may_end && starts_sentence(next.span.slice(self.text))
            }
            // An initialism such as "U.S." can end a sentence too.
            TokenKind::Word => {
                token.ends_with(b".")
                    && !gap.is_empty()
                    && is_common_sentence_start(next.span.slice(self.text))
            }
            _ => false,
        }
    }

    /// The sentences, the last one ending with the last of `tokens`.
    fn finish(mut self, tokens: &[Token]) -> Vec<Span> {
        if let Some(last) = tokens.last() {
            self.sentences.push(Span::new(self.start, last.span.end));
        }
        self.sentences
    }
}

/// Whether `token` is a full stop, `!` or `?` (not `…`), which closing quotes may follow.
fn is_stop(token: &str) -> bool {
    matches!(token, "." | "!" | "?")
}

/// Whether the white space between two tokens breaks a line: `\n`, `\r` or U+2029.
fn has_line_break(gap: &[u8]) -> bool {
    match gap {
        [] | [b' '] => false,
        _ => {
            gap.iter().any(|b| matches!(b, b'\n' | b'\r'))
                || gap.windows(3).any(|w| w == "\u{2029}".as_bytes())
        }
    }
}

/// Whether the full stop at token `dot` ends an abbreviation or an initial; `lowered` is
/// [`Segmentation::lowered`] of `text`, `next` the word after the stop.
fn abbreviation_before(text: &str, lowered: &str, tokens: &[Token], dot: usize, next: &str) -> bool {
    let Some(prev) = dot.checked_sub(1).map(|p| tokens[p]) else { return false };
    if prev.span.end != tokens[dot].span.start || prev.kind != TokenKind::Word {
        return false;
    }
    let word = prev.span.slice(text);
    let mut chars = word.chars();
    // A single capital letter is an initial: "George W. Bush"; not before a word that opens
    // sentences and is no letter itself, which no name goes on with ("on the platform X. He
    // added", "Malcolm X. The").
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return !(next.len() > 1 && is_common_sentence_start(next));
    }
    // An ASCII word's lower-case form is its span of the lowered text: no new string per
    // full stop. Other words are lowered in full, as rare as they are.
    if word.is_ascii() {
        is_abbreviation(prev.span.slice(lowered))
    } else {
        is_abbreviation(&word.to_lowercase())
    }
}

fn starts_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_opening(c))
}

fn is_common_sentence_start(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "But"
            | "In"
            | "On"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "There"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "As"
            | "At"
            | "Meanwhile"
            | "However"
            | "Yet"
            | "And"
    )
}

/// Splits `text` into tokens, all in sentence 0 (see [`segment`] for sentences).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    scan_tokens(text, |_, _| 0)
}

/// Splits `text` into tokens; `sentence_of(before, next)` gives the sentence index of each
/// token `next` from the tokens found before it.
///
/// Reads by byte position: ASCII (most of any English text) is classified from the byte alone
/// and runs of ASCII letters and digits are taken in one step; other characters are decoded.
fn scan_tokens(text: &str, mut sentence_of: impl FnMut(&[Token], Token) -> usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(c) = char_at(text, pos) {
        let start = pos;
        pos += c.len_utf8();
        let Some(starts) = token_start(c) else { continue };
        let kind;
        if starts == TokenKind::Word {
            kind = TokenKind::Word;
            // "U.S.", and the lower-case "a.m.", "p.m.", "e.g.": single letters each with its stop.
            let mut initialism = c.is_alphabetic();
            let mut letters_since_dot = 1;
            if c.is_ascii() {
                // The word's first letter and the ASCII letters and digits after it in one
                // step: a word of one such run (most words) ends without entering the loop.
                let ascii_run = ascii_alphanumeric_run(&bytes[start..]);
                letters_since_dot = ascii_run;
                initialism &= ascii_run == 1;
                pos = start + ascii_run;
            }
            while let Some(d) = char_at(text, pos) {
                // Most words end at an ASCII byte that is no joiner (a space, a comma): the
                // word ends here without the tests below.
                if d.is_ascii() && !matches!(d, '-' | '\'' | '.') && !d.is_ascii_alphanumeric() {
                    break;
                }
                let ascii_run = ascii_alphanumeric_run(&bytes[pos..]);
                if ascii_run > 0 {
                    // The same as one step per letter below, taken at once.
                    letters_since_dot += ascii_run;
                    if letters_since_dot > 1 {
                        initialism = false;
                    }
                    pos += ascii_run;
                    continue;
                }
                if is_alphanumeric(d) || is_mark(d) {
                    letters_since_dot += 1;
                    if letters_since_dot > 1 {
                        initialism = false;
                    }
                } else if d == '-' || is_apostrophe(d) || d == '.' {
                    // Inner joiners count only when a letter or digit follows ("U.S." keeps
                    // its final dot when the word is an initialism).
                    let after_at = pos + d.len_utf8();
                    let after = char_at(text, after_at);
                    let joins = after.is_some_and(is_alphanumeric);
                    // A possessive "'s" is a token of its own: "Lukashenko's" is the name
                    // and "'s".
                    if is_apostrophe(d)
                        && matches!(after, Some('s' | 'S'))
                        && !char_at(text, after_at + 1).is_some_and(is_alphanumeric)
                    {
                        break;
                    }
                    if d == '.' {
                        if joins && initialism && letters_since_dot == 1 {
                            letters_since_dot = 0;
                        } else if initialism && letters_since_dot == 1 && pos - start > 1 {
                            // "U.S." final dot.
                            pos += 1;
                            break;
                        } else {
                            break;
                        }
                    } else if !joins {
                        break;
                    }
                } else {
                    break;
                }
                pos += d.len_utf8();
            }
        } else if starts == TokenKind::Number {
            kind = TokenKind::Number;
            while let Some(d) = char_at(text, pos) {
                let inner_separator = matches!(d, ',' | '.' | ':' | '/')
                    && bytes.get(pos + 1).is_some_and(|b| b.is_ascii_digit());
                if !is_numeric(d) && !inner_separator {
                    break;
                }
                pos += d.len_utf8();
            }
        } else {
            kind = TokenKind::Punct;
            // The possessive "'s" split off a word above stays one token.
            if is_apostrophe(c)
                && tokens.last().is_some_and(|t: &Token| t.span.end == start && t.kind == TokenKind::Word)
                && matches!(bytes.get(pos), Some(b's' | b'S'))
                && !char_at(text, pos + 1).is_some_and(is_alphanumeric)
            {
                pos += 1;
            }
        }
        let token = Token { span: Span::new(start, pos), kind, sentence: 0 };
        let sentence = sentence_of(&tokens, token);
        tokens.push(Token { sentence, ..token });
    }
    tokens
}

/// The kind of token character `c` starts, if any (`None` for white space, control and
/// invisible characters): ASCII from [`ASCII_TOKEN_STARTS`], one look-up per token instead of
/// the chain of class tests other characters take.
#[inline]
fn token_start(c: char) -> Option<TokenKind> {
    match ASCII_TOKEN_STARTS.get(c as usize) {
        Some(&starts) => starts,
        None => any_token_start(c),
    }
}

/// [`token_start`] of any character, by its classes.
fn any_token_start(c: char) -> Option<TokenKind> {
    if c.is_whitespace() || c.is_control() || is_invisible(c) {
        None
    } else if is_alphabetic(c) {
        Some(TokenKind::Word)
    } else if is_numeric(c) {
        Some(TokenKind::Number)
    } else {
        Some(TokenKind::Punct)
    }
}

/// [`any_token_start`] of each ASCII character (white space and control characters are the
/// bytes up to the space, and DEL; letters and digits are the ASCII ones).
static ASCII_TOKEN_STARTS: [Option<TokenKind>; 128] = {
    let mut table = [Some(TokenKind::Punct); 128];
    let mut byte = 0u8;
    while byte < 128 {
        table[byte as usize] = if byte <= b' ' || byte == 0x7f {
            None
        } else if byte.is_ascii_alphabetic() {
            Some(TokenKind::Word)
        } else if byte.is_ascii_digit() {
            Some(TokenKind::Number)
        } else {
            Some(TokenKind::Punct)
        };
        byte += 1;
    }
    table
};

/// The character starting at byte `pos` of `text`, if any; `pos` is on a character boundary.
fn char_at(text: &str, pos: usize) -> Option<char> {
    match *text.as_bytes().get(pos)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[pos..].chars().next(),
    }
}

/// How many bytes at the start of `bytes` are ASCII letters or digits.
///
/// Sixteen bytes are tested at once (nearly every word ends within the first sixteen, so the
/// loop rarely turns): the hottest loop of segmentation, where a test per byte costs a branch
/// per letter.
fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    const ONES: u128 = u128::from_ne_bytes([0x01; 16]);
    const HIGH: u128 = 0x80 * ONES;
    let mut run = 0;
    while let Some(block) = bytes.get(run..run + 16) {
        let x = u128::from_le_bytes(block.try_into().unwrap_or_default());
        // Per byte, with its high bit clear (no carries between bytes): adding 0x80 - k sets
        // the high bit when the byte is at least k.
        let y = x & !HIGH;
        let at_least = |k: u128| (y + (0x80 - k) * ONES) & HIGH;
        let digit = at_least(0x30) & !at_least(0x3a);
        let folded = y | (0x20 * ONES);
        let at_least_folded = |k: u128| (folded + (0x80 - k) * ONES) & HIGH;
        let letter = at_least_folded(0x61) & !at_least_folded(0x7b);
        let other = !(digit | letter) & HIGH | (x & HIGH);
        if other != 0 {
            return run + (other.trailing_zeros() / 8) as usize;
        }
        run += 16;
    }
    run + bytes[run..].iter().take_while(|b| b.is_ascii_alphanumeric()).count()
}

/// Whether `c` is in the General Punctuation block (U+2000 to U+206F): curly quotes, dashes,
/// spaces, common in news text. None of them is a letter or a number, which the standard
/// library would look up in its tables; the three tests below answer them at once.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

fn is_alphabetic(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphabetic()
}

fn is_numeric(c: char) -> bool {
    !is_general_punctuation(c) && c.is_numeric()
}

fn is_alphanumeric(c: char) -> bool {
    !is_general_punctuation(c) && c.is_alphanumeric()
}

fn is_mark(c: char) -> bool {
    // Combining marks keep a word whole ("é" written as e + U+0301).
    matches!(c, '\u{300}'..='\u{36f}')
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

#[cfg(test)]
mod two_pass;

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text).sentences.iter().map(|s| s.slice(text)).collect()
    }

    fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text).iter().map(|t| (t.span.slice(text), t.kind)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        use TokenKind::{Number as N, Punct as P, Word as W};
        assert_eq!(
            tokens("The U.S. and Lukashenko's Minsk-based O'Neil’s team."),
            [("The", W), ("U.S.", W), ("and", W), ("Lukashenko", W), ("'s", P), ("Minsk-based", W)]
                .into_iter()
                .chain([("O'Neil", W), ("’s", P), ("team", W), (".", P)])
                .collect::<Vec<_>>()
        );
        // Lower-case single letters with their stops are one word too.
        assert_eq!(
            tokens("at 3 p.m. and 9 a.m., e.g. today"),
            [
                ("at", W),
                ("3", N),
                ("p.m.", W),
                ("and", W),
                ("9", N),
                ("a.m.", W),
                (",", P),
                ("e.g.", W),
                ("today", W)
            ]
        );
        assert_eq!(
            tokens("U.N.-backed e\u{301}te A.B1 x- 3.5, 1,000 2/15 10:30."),
            [("U.N.", W), ("-", P), ("backed", W), ("e\u{301}te", W), ("A.B1", W), ("x", W), ("-", P)]
                .into_iter()
                .chain([("3.5", N), (",", P), ("1,000", N), ("2/15", N), ("10:30", N), (".", P)])
                .collect::<Vec<_>>()
        );
        assert_eq!(
            tokens("Ünter\u{200b}straße's 'sx"),
            [("Ünter", W), ("straße", W), ("'s", P), ("'", P), ("sx", W)]
        );
        assert!(tokens(" \n\t ").is_empty());
    }

    #[test]
    fn counts_ascii_alphanumeric_runs() {
        for text in
            ["", "abc", "abcdefgh", "abcdefghij", "Zz09 x", "abcdefg\u{e9}", "a@[`{/:Z9_", "0123456789-"]
        {
            let expect = text.bytes().take_while(u8::is_ascii_alphanumeric).count();
            assert_eq!(ascii_alphanumeric_run(text.as_bytes()), expect, "{text:?}");
        }
        // Every byte at every place of a block and of the tail after it.
        for at in 0..40 {
            for b in 0..=255u8 {
                let mut bytes = [b'x'; 40];
                bytes[at] = b;
                let expect = if b.is_ascii_alphanumeric() { 40 } else { at };
                assert_eq!(ascii_alphanumeric_run(&bytes), expect, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn finds_every_listed_abbreviation_and_no_other_word() {
        for (_, fields) in lexicon::rows(include_str!("../../data/abbreviations.tsv")) {
            assert!(is_abbreviation(&fields[0].to_lowercase()), "{}", fields[0]);
        }
        for word in ["said", "m", "mrs.", "generals", "a.m.", "internationalisation"] {
            assert!(!is_abbreviation(word), "{word}");
        }
    }

    #[test]
    fn ascii_token_starts_are_those_of_the_character_classes() {
        for c in '\0'..='\x7f' {
            assert_eq!(token_start(c), any_token_start(c), "{c:?}");
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_number() {
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphanumeric() && !c.is_numeric()));
    }

    #[test]
    fn lowers_ascii_letters_only_and_pads() {
        let text = "Ünter MINSK’S Ab";
        let seg = segment(text);
        let (lowered, padding) = seg.lowered().split_at(text.len());
        assert_eq!(lowered, "Ünter minsk’s ab");
        assert_eq!(padding, "\0".repeat(LOWERED_PADDING));
        for t in &seg.tokens {
            assert_eq!(t.span.slice(lowered).len(), t.span.slice(text).len(), "offsets are the text's");
        }
    }

    #[test]
    fn splits_on_stops_not_abbreviations() {
        assert_eq!(
            sentences("Gen. Smith met Mr. Jones on Aug. 10. They talked. The U.S. Army left."),
            ["Gen. Smith met Mr. Jones on Aug. 10.", "They talked.", "The U.S. Army left."]
        );
        assert_eq!(
            sentences("He said: \"We left.\" Then he went."),
            ["He said: \"We left.\"", "Then he went."]
        );
        assert_eq!(sentences("Headline\nBody one. Body two"), ["Headline", "Body one.", "Body two"]);
        assert_eq!(
            sentences("It grew 3.5 percent in the U.S. The end."),
            ["It grew 3.5 percent in the U.S.", "The end."]
        );
        assert!(sentences("").is_empty());
        assert!(sentences(" \n ").is_empty());
    }
}
