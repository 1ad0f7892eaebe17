//! The segmenter as it was before sentences were decided in the tokenizer's pass: tokens
//! first, then a second walk over them for sentence ends. Kept as the oracle of the property
//! test that the one-pass segmenter gives the same tokens and sentences on any text.

use annalist_core::Span;

use super::{
    LOWERED_PADDING, Segmentation, Token, TokenKind, abbreviation_before, ascii_alphanumeric_run, char_at,
    has_line_break, is_alphanumeric, is_apostrophe, is_closing, is_common_sentence_start, is_mark,
    is_numeric, starts_sentence, token_start,
};

/// Splits `text` into tokens and sentences.
pub(super) fn segment(text: &str) -> Segmentation {
    let tokens = tokenize(text);
    let mut lowered = String::with_capacity(text.len() + LOWERED_PADDING);
    lowered.push_str(text);
    lowered.make_ascii_lowercase();
    lowered.extend(std::iter::repeat_n('\0', LOWERED_PADDING));
    let mut seg = Segmentation { sentences: Vec::new(), tokens, lowered };
    let mut sentence = 0usize;
    let mut start_token = 0usize;
    let bytes = text.as_bytes();
    let n = seg.tokens.len();
    let mut i = 0;
    while i < n {
        seg.tokens[i].sentence = sentence;
        let mut end_here = false;
        let tok = seg.tokens[i];
        if i + 1 < n {
            let next = seg.tokens[i + 1];
            // Most tokens are words without a final dot, followed by one space: no sentence
            // ends there, whichever test below would say so.
            if tok.kind == TokenKind::Word
                && next.span.start == tok.span.end + 1
                && bytes.get(tok.span.end) == Some(&b' ')
                && bytes.get(tok.span.end - 1) != Some(&b'.')
            {
                i += 1;
                continue;
            }
            // Compared as bytes: tokens and gaps lie on character boundaries, and this loop
            // runs once per token.
            let gap = &bytes[tok.span.end..next.span.start];
            let token = &bytes[tok.span.start..tok.span.end];
            if has_line_break(gap) {
                end_here = true;
            } else if tok.kind == TokenKind::Punct && !gap.is_empty() {
                let ends = matches!(token, b"!" | b"?")
                    || token == "…".as_bytes()
                    || (token == b"."
                        && !abbreviation_before(text, &seg.lowered, &seg.tokens, i, next.span.slice(text)));
                if ends && starts_sentence(next.span.slice(text)) {
                    end_here = true;
                }
            } else if tok.kind == TokenKind::Punct && gap.is_empty() && matches!(token, b"." | b"!" | b"?") {
                // A closing quote or bracket right after the stop belongs to this sentence.
                let mut j = i + 1;
                while j < n && seg.tokens[j].kind == TokenKind::Punct {
                    let s = seg.tokens[j].span.slice(text);
                    if !s.chars().all(is_closing) || seg.tokens[j].span.start != seg.tokens[j - 1].span.end {
                        break;
                    }
                    j += 1;
                }
                if j > i + 1 && j < n {
                    let last = seg.tokens[j - 1];
                    let after = seg.tokens[j];
                    let gap = &text[last.span.end..after.span.start];
                    if !gap.is_empty() && starts_sentence(after.span.slice(text)) {
                        for t in &mut seg.tokens[i + 1..j] {
                            t.sentence = sentence;
                        }
                        i = j - 1;
                        end_here = true;
                    }
                }
            } else if tok.kind == TokenKind::Word
                && bytes[tok.span.end - 1] == b'.'
                && !gap.is_empty()
                && is_common_sentence_start(next.span.slice(text))
            {
                // An initialism such as "U.S." can end a sentence too.
                end_here = true;
            }
        } else {
            end_here = true;
        }
        if end_here {
            let span = Span::new(seg.tokens[start_token].span.start, seg.tokens[i].span.end);
            seg.sentences.push(span);
            sentence += 1;
            start_token = i + 1;
        }
        i += 1;
    }
    seg
}

/// Splits `text` into tokens, all in sentence 0 (see [`segment`] for sentences).
///
/// Reads by byte position: ASCII (most of any English text) is classified from the byte alone
/// and runs of ASCII letters and digits are taken in one step; other characters are decoded.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
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
            let mut initialism = c.is_alphabetic();
            let mut letters_since_dot = 1;
            while let Some(d) = char_at(text, pos) {
                let ascii_run = ascii_alphanumeric_run(&bytes[pos..]);
                if ascii_run > 0 {
                    // The same as one step per letter below, taken at once.
                    letters_since_dot += ascii_run;
                    if letters_since_dot > 1 {
                        initialism = false;
                    }
                    pos += ascii_run;
                    // Most words end at an ASCII byte that is no joiner (a space, a comma):
                    // the word ends here without the tests below.
                    if bytes.get(pos).is_some_and(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.')) {
                        break;
                    }
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
        tokens.push(Token { span: Span::new(start, pos), kind, sentence: 0 });
    }
    tokens
}

mod properties {
    use proptest::prelude::*;

    /// Pieces of news text that segmentation reacts to, joined at random.
    const PIECES: &[&str] = &[
        "The",
        "the",
        "U.S.",
        "U.",
        "S",
        "W.",
        "Gen.",
        "gen.",
        "Mr.",
        "Aug.",
        "said",
        "Minsk",
        "O'Neil",
        "Lukashenko's",
        "’s",
        "'s",
        "'",
        "’",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "[",
        "]",
        "«",
        "»",
        "‘",
        ".",
        "!",
        "?",
        "…",
        ",",
        ":",
        "-",
        "—",
        "3.5",
        "1,000",
        "10",
        "2/15",
        "A.B1",
        "e\u{301}te",
        "Ünter",
        "straße",
        "\u{200b}",
        "\u{2029}",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "x",
        "They",
        "It",
        "a",
        "é",
        "9",
        "\u{feff}",
        "ab",
        "It.",
        ".\"",
        "?)",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn one_pass_segmentation_is_the_two_pass_one(picks in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = picks.iter().map(|&i| PIECES[i]).collect();
            let one_pass = super::super::segment(&text);
            let two_pass = super::segment(&text);
            prop_assert_eq!(&one_pass.tokens, &two_pass.tokens, "tokens of {:?}", text);
            prop_assert_eq!(&one_pass.sentences, &two_pass.sentences, "sentences of {:?}", text);
            prop_assert_eq!(one_pass.lowered(), two_pass.lowered());
            prop_assert_eq!(super::super::tokenize(&text), super::tokenize(&text));
        }

        #[test]
        fn one_pass_segmentation_of_any_text_is_the_two_pass_one(text in "\\PC{0,60}") {
            let one_pass = super::super::segment(&text);
            let two_pass = super::segment(&text);
            prop_assert_eq!(&one_pass.tokens, &two_pass.tokens);
            prop_assert_eq!(&one_pass.sentences, &two_pass.sentences);
        }
    }
}
