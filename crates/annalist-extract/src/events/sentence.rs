//! One sentence as the event coder sees it: lower-case words, lemmas, and which actor
//! mention each token belongs to.

use annalist_core::Mention;

use super::lexicon::LEXICON;
use super::wordlist::{BREAK, REPORT_START, WordList, is_break_punctuation};
use crate::Context;
use crate::segment::{Token, TokenKind};

/// What the coder needs to know about every token of a document but its lower-case text,
/// read in one pass over the tokens; the lower-case forms that differ from the text are
/// written to a buffer the caller keeps (see [`DocWords::new`]).
#[derive(Debug)]
pub(crate) struct TokenFacts {
    /// For each token, where its lower-case text ends in the buffer (`None` when the text
    /// itself is lower-case).
    ends: Vec<Option<usize>>,
    /// Known lemma of each word token, when the lexicon knows one.
    lemmas: Vec<Option<&'static str>>,
    /// Whether each token can anchor a trigger.
    anchors: Vec<bool>,
    /// Whether each token is the first word of a modality cue.
    cues: Vec<bool>,
    /// Whether each token starts with a capital letter.
    capitalised: Vec<bool>,
    /// The [`WordList`]s each word token is in, and [`BREAK`] for punctuation that ends a
    /// phrase.
    classes: Vec<u64>,
}

impl TokenFacts {
    /// Reads the tokens of `cx`, appending the lower-case text of those that are not
    /// lower-case already (typographic apostrophes made plain) to `buf`, one after another.
    pub(crate) fn read(cx: &Context<'_>, buf: &mut String) -> TokenFacts {
        let lex: &'static super::lexicon::Lexicon = &LEXICON;
        let n = cx.segmentation.tokens.len();
        let mut facts = TokenFacts {
            ends: Vec::with_capacity(n),
            lemmas: Vec::with_capacity(n),
            anchors: Vec::with_capacity(n),
            cues: Vec::with_capacity(n),
            capitalised: Vec::with_capacity(n),
            classes: Vec::with_capacity(n),
        };
        for t in &cx.segmentation.tokens {
            let text = cx.text.get(t.span.start..t.span.end).unwrap_or("");
            let bytes = text.as_bytes();
            let (ascii, upper) = bytes
                .iter()
                .fold((true, false), |(ascii, upper), b| (ascii && b.is_ascii(), upper || b.is_ascii_uppercase()));
            let at = buf.len();
            let lowered = if ascii {
                if upper {
                    buf.push_str(text);
                    buf[at..].make_ascii_lowercase();
                }
                upper
            } else if text.chars().all(|c| !c.is_uppercase() && c != '’') {
                false
            } else {
                let lower = text.to_lowercase();
                if lower.contains('’') {
                    buf.push_str(&lower.replace('’', "'"));
                } else {
                    buf.push_str(&lower);
                }
                true
            };
            let word = if lowered { &buf[at..] } else { text };
            let (lemma, anchor, cue, classes) = match t.kind {
                TokenKind::Word => {
                    let known = lex.known(word);
                    (known.lemma, known.anchors, known.cue, known.classes)
                }
                TokenKind::Punct if is_break_punctuation(word) => (None, false, lex.starts_cue(word), BREAK),
                _ => (None, false, lex.starts_cue(word), 0),
            };
            let capital = match bytes.first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => text.chars().next().is_some_and(char::is_uppercase),
            };
            facts.ends.push(lowered.then_some(buf.len()));
            facts.lemmas.push(lemma);
            facts.anchors.push(anchor);
            facts.cues.push(cue);
            facts.capitalised.push(capital);
            facts.classes.push(classes);
        }
        facts
    }
}

/// What the coder needs to know about every token of a document, computed once.
#[derive(Debug)]
pub(crate) struct DocWords<'a> {
    /// Lower-case token text with typographic apostrophes made plain.
    lower: Vec<&'a str>,
    /// Known lemma of each word token, when the lexicon knows one.
    lemmas: Vec<Option<&'static str>>,
    /// Whether each token can anchor a trigger: a known word whose lemma (or, when
    /// inflected, whose form) starts a pattern.
    anchors: Vec<bool>,
    /// Whether each token is the first word of a modality cue.
    cues: Vec<bool>,
    /// Whether each token starts with a capital letter.
    capitalised: Vec<bool>,
    /// The [`WordList`]s each word token is in, and [`BREAK`] for punctuation that ends a
    /// phrase.
    classes: Vec<u64>,
}

impl<'a> DocWords<'a> {
    /// The words of `cx` from their [`TokenFacts`]; `buf` is the buffer they were read with.
    pub(crate) fn new(cx: &Context<'a>, buf: &'a str, facts: TokenFacts) -> DocWords<'a> {
        let mut from = 0;
        let lower = cx
            .segmentation
            .tokens
            .iter()
            .zip(&facts.ends)
            .map(|(t, &end)| match end {
                Some(to) => {
                    let word = &buf[from..to];
                    from = to;
                    word
                }
                None => t.span.slice(cx.text),
            })
            .collect();
        let TokenFacts { lemmas, anchors, cues, capitalised, classes, .. } = facts;
        DocWords { lower, lemmas, anchors, cues, capitalised, classes }
    }
}

/// A sentence's tokens with what the coder needs to know about each.
#[derive(Debug)]
pub(crate) struct SentenceView<'a> {
    /// The sentence's tokens.
    pub tokens: &'a [Token],
    /// Lower-case token text with typographic apostrophes made plain.
    pub lower: &'a [&'a str],
    /// Known lemma of each word token, when the lexicon knows one.
    lemmas: &'a [Option<&'static str>],
    /// Whether each token can anchor a trigger.
    anchors: &'a [bool],
    /// Whether each token is the first word of a modality cue.
    cues: &'a [bool],
    /// Index (into the document's mentions) of the mention each token belongs to.
    pub mention_at: &'a [Option<usize>],
    /// Whether each token starts with a capital letter.
    capitalised: &'a [bool],
    /// The [`WordList`]s each word token is in, and [`BREAK`] for punctuation that ends a
    /// phrase.
    classes: &'a [u64],
    /// Whether each token belongs to a demonym mention used as an adjective ("Ukrainian").
    pub adjectival: &'a [bool],
    /// Where a reporting cue ("said", "according to") starts, and its length in tokens.
    pub reports: &'a [(usize, usize)],
    /// Whether any word of the sentence can anchor a trigger (or is the "must" of a
    /// reported demand).
    pub has_anchor: bool,
}

/// The buffers of the parts of a [`SentenceView`] that are computed per sentence, kept from
/// one sentence to the next so that a document allocates them once.
#[derive(Debug, Default)]
pub(crate) struct SentenceBuffers {
    mention_at: Vec<Option<usize>>,
    adjectival: Vec<bool>,
    reports: Vec<(usize, usize)>,
}

impl<'a> SentenceView<'a> {
    /// Builds the view of the sentence whose tokens are `range` of the document's, in
    /// `buffers`. `mentions` are in text order. When no word of it can anchor a trigger,
    /// only `tokens` and `has_anchor` are filled in.
    pub(crate) fn new(
        cx: &Context<'a>,
        doc: &'a DocWords<'a>,
        range: std::ops::Range<usize>,
        mentions: &[Mention],
        buffers: &'a mut SentenceBuffers,
    ) -> SentenceView<'a> {
        let tokens = &cx.segmentation.tokens[range.clone()];
        let lex = &*LEXICON;
        let lower = &doc.lower[range.clone()];
        let anchors = &doc.anchors[range.clone()];
        let has_anchor = anchors.iter().any(|&a| a) || lower.contains(&"must");
        let mut view = SentenceView {
            tokens,
            lower,
            lemmas: &doc.lemmas[range.clone()],
            anchors,
            cues: &doc.cues[range.clone()],
            mention_at: &[],
            capitalised: &doc.capitalised[range.clone()],
            classes: &doc.classes[range],
            adjectival: &[],
            reports: &[],
            has_anchor,
        };
        if !has_anchor {
            // No trigger can start here: the rest of the view is never read.
            return view;
        }
        let SentenceBuffers { mention_at, adjectival, reports } = buffers;
        mention_at.clear();
        mention_at.resize(tokens.len(), None);
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
        adjectival.clear();
        adjectival.extend(mention_at.iter()
            // "Ukrainian forces" is an adjective; "Palestinians blamed" a plural noun.
            .map(|m| {
                m.is_some_and(|m| {
                    mentions[m].resolution == annalist_core::Resolution::Demonym
                        && !mentions[m].span.slice(cx.text).ends_with('s')
                })
            }));
        view.mention_at = mention_at;
        view.adjectival = adjectival;
        reports.clear();
        reports.extend((0..view.len())
            // Only words that start a reported-speech cue can start a report.
            .filter(|&i| view.classes[i] & REPORT_START != 0 && view.lemmas[i].is_some() && view.cues[i])
            .filter_map(|i| {
                lex.cues_by_first_word
                    .get(view.word(i))?
                    .iter()
                    .map(|&c| &lex.cues[c])
                    .filter(|c| c.modality == annalist_core::Modality::Reported)
                    .find(|c| {
                        c.words.iter().enumerate().all(|(k, w)| view.lower.get(i + k).is_some_and(|t| t == w))
                    })
                    .map(|c| (i, c.words.len()))
            }));
        view.reports = reports;
        view
    }

    /// Whether token `i` is the first word of a modality cue.
    pub(crate) fn starts_cue(&self, i: usize) -> bool {
        self.cues[i]
    }

    /// Whether token `i` can anchor a trigger: its lemma, or its form, starts a pattern.
    pub(crate) fn can_anchor(&self, i: usize) -> bool {
        self.anchors[i]
    }

    /// Whether token `i` starts with a capital letter in the text.
    pub(crate) fn original_first_char_upper(&self, i: usize) -> bool {
        self.capitalised[i]
    }

    /// The lower-case text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        self.lower[i]
    }

    /// The lemma of token `i`: the known lemma, else the lower-case text.
    pub(crate) fn lemma(&self, i: usize) -> &str {
        self.lemmas[i].unwrap_or(self.word(i))
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether token `i` is punctuation that ends a phrase (comma, semicolon, dash, quote...).
    pub(crate) fn is_break(&self, i: usize) -> bool {
        self.classes.get(i).is_some_and(|c| c & BREAK != 0)
    }

    /// Whether token `i` is a possessive: the token "'s" or a word ending in it.
    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        self.lower.get(i).is_some_and(|w| w.ends_with("'s") || (*w == "'" && i > 0))
    }

    /// Whether token `i` is a word in `words`.
    pub(crate) fn is_word_in(&self, i: usize, list: WordList) -> bool {
        let found = self.classes.get(i).is_some_and(|c| c & list.bit != 0);
        debug_assert_eq!(
            found,
            self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && list.words.contains(&self.word(i)),
            "a word list missing from wordlist::ALL?"
        );
        found
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
