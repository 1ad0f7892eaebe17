//! The tokens the time grammar reads: the segmenter's tokens, lower-cased, with words split at
//! inner hyphens and at letter–digit joins ("mid-July" → mid - july, "18q4" → 18 q 4), so the
//! grammar sees each part.

use annalist_core::Span;

use crate::segment::TokenKind;
use crate::Context;

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
    /// Index of its sentence.
    pub sentence: usize,
}

/// The grammar's tokens of a document.
pub(crate) fn tokens(cx: &Context<'_>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(cx.segmentation.tokens.len());
    let mut last_end = usize::MAX;
    for t in &cx.segmentation.tokens {
        let text = t.span.slice(cx.text);
        if t.kind == TokenKind::Word && text.contains(|c: char| c == '-' || c.is_ascii_digit()) {
            split_word(text, t.span.start, t.sentence, last_end, &mut out);
        } else if t.kind == TokenKind::Word
            && let Some(stem) = text.strip_suffix("'s").or_else(|| text.strip_suffix("’s"))
            && !stem.is_empty()
        {
            // A possessive: "Monday's", "this year's".
            let cut = t.span.start + stem.len();
            out.push(tok(stem, Span::new(t.span.start, cut), t.sentence, last_end));
            out.push(tok(&text[stem.len()..], Span::new(cut, t.span.end), t.sentence, cut));
        } else {
            out.push(tok(text, t.span, t.sentence, last_end));
        }
        last_end = t.span.end;
    }
    out
}

fn tok(text: &str, span: Span, sentence: usize, last_end: usize) -> Tok {
    let norm = text.to_lowercase().replace('’', "'");
    let first = text.chars().next();
    Tok {
        number: first.is_some_and(|c| c.is_ascii_digit()),
        capital: first.is_some_and(char::is_uppercase),
        glued: last_end == span.start,
        norm,
        span,
        sentence,
    }
}

/// Splits a word at hyphens and at letter–digit boundaries.
fn split_word(text: &str, offset: usize, sentence: usize, mut last_end: usize, out: &mut Vec<Tok>) {
    let mut start = 0;
    let mut prev: Option<char> = None;
    let push = |from: usize, to: usize, last_end: &mut usize, out: &mut Vec<Tok>| {
        if from < to {
            let span = Span::new(offset + from, offset + to);
            out.push(tok(&text[from..to], span, sentence, *last_end));
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
