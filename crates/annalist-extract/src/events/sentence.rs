//! One sentence as the event coder sees it: lower-case words, lemmas, and which actor
//! mention each token belongs to.

use annalist_core::Mention;

use super::lemma::lemmatise;
use super::lexicon::LEXICON;
use crate::Context;
use crate::segment::{Token, TokenKind};

/// A sentence's tokens with what the coder needs to know about each.
#[derive(Debug)]
pub(crate) struct SentenceView<'a> {
    /// The sentence's tokens.
    pub tokens: &'a [Token],
    /// Lower-case token text with typographic apostrophes made plain.
    pub lower: Vec<String>,
    /// Lemma of each token (the lower-case text for punctuation and unknown words).
    pub lemmas: Vec<String>,
    /// Index (into the document's mentions) of the mention each token belongs to.
    pub mention_at: Vec<Option<usize>>,
    /// Whether each token starts with a capital letter.
    capitalised: Vec<bool>,
    /// Whether each token belongs to a demonym mention used as an adjective ("Ukrainian").
    pub adjectival: Vec<bool>,
    /// Where a reporting cue ("said", "according to") starts, and its length in tokens.
    pub reports: Vec<(usize, usize)>,
}

impl<'a> SentenceView<'a> {
    /// Builds the view of sentence `index`. `mentions` are in text order.
    pub(crate) fn new(cx: &Context<'a>, index: usize, mentions: &[Mention]) -> SentenceView<'a> {
        let tokens = cx.segmentation.sentence_tokens(index);
        let lex = &*LEXICON;
        let lower: Vec<String> =
            tokens.iter().map(|t| t.span.slice(cx.text).to_lowercase().replace('’', "'")).collect();
        let lemmas = lower
            .iter()
            .zip(tokens)
            .map(|(w, t)| match t.kind {
                TokenKind::Word => lemmatise(w, &lex.known_lemmas, &lex.irregular),
                _ => w.clone(),
            })
            .collect();
        let mut mention_at = vec![None; tokens.len()];
        if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
            let from = mentions.partition_point(|m| m.span.end <= first.span.start);
            for (mi, m) in mentions.iter().enumerate().skip(from) {
                if m.span.start >= last.span.end {
                    break;
                }
                let a = tokens.partition_point(|t| t.span.end <= m.span.start);
                let b = tokens.partition_point(|t| t.span.start < m.span.end);
                for slot in mention_at.iter_mut().take(b).skip(a) {
                    slot.get_or_insert(mi);
                }
            }
        }
        let capitalised = tokens
            .iter()
            .map(|t| t.span.slice(cx.text).chars().next().is_some_and(char::is_uppercase))
            .collect();
        let adjectival = mention_at
            .iter()
            // "Ukrainian forces" is an adjective; "Palestinians blamed" a plural noun.
            .map(|m| {
                m.is_some_and(|m| {
                    mentions[m].resolution == annalist_core::Resolution::Demonym
                        && !mentions[m].span.slice(cx.text).ends_with('s')
                })
            })
            .collect();
        let mut view =
            SentenceView { tokens, lower, lemmas, mention_at, capitalised, adjectival, reports: Vec::new() };
        view.reports = (0..view.len())
            .filter_map(|i| {
                lex.cues
                    .iter()
                    .filter(|c| c.modality == annalist_core::Modality::Reported)
                    .find(|c| c.words.iter().enumerate().all(|(k, w)| view.lower.get(i + k) == Some(w)))
                    .map(|c| (i, c.words.len()))
            })
            .collect();
        view
    }

    /// Whether token `i` starts with a capital letter in the text.
    pub(crate) fn original_first_char_upper(&self, i: usize) -> bool {
        self.capitalised[i]
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether token `i` is punctuation that ends a phrase (comma, semicolon, dash, quote...).
    pub(crate) fn is_break(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
            && matches!(
                self.lower[i].as_str(),
                "," | ";" | ":" | "." | "!" | "?" | "(" | ")" | "\"" | "“" | "”" | "—" | "–" | "[" | "]"
            )
    }

    /// Whether token `i` is a possessive: the token "'s" or a word ending in it.
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        self.lower.get(i).is_some_and(|w| w.ends_with("'s") || (w == "'" && i > 0))
    }

    /// Whether token `i` is a word in `words`.
    pub(crate) fn is_word_in(&self, i: usize, words: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && words.contains(&self.lower[i].as_str())
    }

    /// Distinct mentions of the tokens in `from..to`, in text order.
    pub(crate) fn mentions_in(&self, from: usize, to: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let (from, to) = (from.min(self.len()), to.min(self.len()));
        for m in self.mention_at[from.min(to)..to].iter().flatten() {
            if out.last() != Some(m) {
                out.push(*m);
            }
        }
        out.dedup();
        out
    }
}
