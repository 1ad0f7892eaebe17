//! How claims bear on each other and on actors: disputes and supports between claims, and
//! the stance of a claim toward an actor. Both are conservative: a link needs a named claim
//! ("the critiques from ...", "such speculation") or shared content words, a stance needs an
//! actor right after a stance word.

use annalist_core::{ClaimLinkKind, Mention, Resolution, Span, Stance};

use super::lexicon::{LEXICON, LinkCuePlace};
use super::words::Words;
use crate::hash::FastSet;

/// How many earlier claims a link may reach back over.
const REACH: usize = 30;
/// How many words a stance word may stand before the actor it is about.
const STANCE_REACH: usize = 4;
/// The least share of content words two claims need to be about the same thing.
const MIN_SHARED: f32 = 0.3;

/// What the linking rules read of a claim.
#[derive(Debug, Clone)]
pub(super) struct ClaimView {
    /// The source words, when any.
    pub source: Option<Span>,
    /// The cue's head tokens, when the claim has a cue.
    pub cue_tokens: Option<(usize, usize)>,
    /// What is asserted.
    pub content: Span,
    /// The tokens of the content ([`Words::tokens_in`] it).
    pub content_tokens: (usize, usize),
}

/// For each claim, the earlier claims it disputes or supports, as indices into `claims`.
pub(super) fn link(words: &Words<'_>, claims: &[ClaimView]) -> Vec<Vec<(ClaimLinkKind, usize)>> {
    let mut contents = ContentsWords::new(claims.len());
    claims.iter().enumerate().map(|(i, claim)| links_of(words, claims, &mut contents, i, claim)).collect()
}

/// The content words of each claim's content, read once a claim when first asked for: a
/// dispute verb compares its claim with up to [`REACH`] earlier ones, each of which would
/// otherwise be read again for every later claim.
struct ContentsWords<'w> {
    by_claim: Vec<Option<ContentWords<'w>>>,
}

impl<'w> ContentsWords<'w> {
    fn new(claims: usize) -> ContentsWords<'w> {
        ContentsWords { by_claim: (0..claims).map(|_| None).collect() }
    }

    /// The content words of claim `j`.
    fn of(&mut self, words: &'w Words<'_>, claims: &[ClaimView], j: usize) -> &ContentWords<'w> {
        self.by_claim[j].get_or_insert_with(|| content_words(words, claims[j].content_tokens))
    }

    /// The content words of claim `j`, taken out to be read beside the others' (given back
    /// with [`ContentsWords::put_back`]).
    fn take(&mut self, words: &'w Words<'_>, claims: &[ClaimView], j: usize) -> ContentWords<'w> {
        self.by_claim[j].take().unwrap_or_else(|| content_words(words, claims[j].content_tokens))
    }

    fn put_back(&mut self, j: usize, content: ContentWords<'w>) {
        self.by_claim[j] = Some(content);
    }
}

fn links_of<'w>(
    words: &'w Words<'_>,
    claims: &[ClaimView],
    contents: &mut ContentsWords<'w>,
    i: usize,
    claim: &ClaimView,
) -> Vec<(ClaimLinkKind, usize)> {
    let earlier = i.saturating_sub(REACH)..i;
    // Read once, not at every token (a lazy static checks it was made at every read).
    let table = &LEXICON.links;
    // A claim nested in another ("X said Y denied that Z") neither disputes nor backs it.
    let apart = |j: usize| !claims[j].content.overlaps(claim.content);
    let reported = |j: &usize| claims[*j].cue_tokens.is_some() && apart(*j);
    // "X denied that ...": the claim's own verb disputes an earlier claim about the same thing.
    if let Some((a, b)) = claim.cue_tokens {
        let verb = (a..b).find_map(|k| words.phrase(table, k)).map(|(_, v)| *v);
        if let Some((kind, LinkCuePlace::Verb)) = verb {
            let mine = contents.take(words, claims, i);
            let same = earlier.clone().rev().filter(reported).find(|&j| {
                let theirs = contents.of(words, claims, j);
                let shared = mine.intersection(theirs).count() as f32;
                let union = mine.union(theirs).count().max(1) as f32;
                shared / union >= MIN_SHARED
            });
            contents.put_back(i, mine);
            return same.map(|j| vec![(kind, j)]).unwrap_or_default();
        }
    }
    // "the critiques from military bloggers are ... overstated": a predicate of dispute about a
    // claim the sentence names.
    let (first, end) = claim.content_tokens;
    let Some((at, kind)) = (first..end).find_map(|k| match words.phrase(table, k) {
        Some((_, &(kind, LinkCuePlace::Predicate))) => Some((k, kind)),
        _ => None,
    }) else {
        return Vec::new();
    };
    // The subject's noun: the first claim noun of the content.
    let Some(noun) = (first..at).find(|&k| words.info(k).claim_noun) else {
        return Vec::new();
    };
    let demonstrative =
        noun > first && matches!(words.word(noun - 1), "such" | "this" | "these" | "those" | "that");
    let target = if demonstrative {
        earlier.rev().find(reported)
    } else {
        // The words after the noun ("from military bloggers") name whose claim it is.
        let named = content_words(words, (noun + 1, at));
        if named.is_empty() {
            return Vec::new();
        }
        earlier.rev().filter(reported).find(|&j| {
            let source =
                claims[j].source.map(|s| content_words(words, words.tokens_in(s))).unwrap_or_default();
            !named.is_disjoint(&source)
        })
    };
    target.map(|j| vec![(kind, j)]).unwrap_or_default()
}

/// Whether a mention starts at token `i`.
fn mention_starts_at(words: &Words<'_>, mentions: &[Mention], i: usize) -> bool {
    let Some(token) = words.tokens.get(i) else { return false };
    let from = mentions.partition_point(|x| x.span.start < token.span.start);
    mentions.get(from).is_some_and(|x| x.span.start == token.span.start)
}

/// A set of content words, hashed with the lexicons' word hasher (only counted and compared,
/// never listed, so the hash order shows nowhere).
type ContentWords<'w> = FastSet<&'w str>;

/// The content words of tokens `first..end`: normalised words of four letters or more that
/// are not function words.
fn content_words<'w>(words: &'w Words<'_>, (first, end): (usize, usize)) -> ContentWords<'w> {
    // Room for every token at once: a set grown word by word rehashes several times.
    let mut set = ContentWords::with_capacity_and_hasher(end.saturating_sub(first), Default::default());
    set.extend(
        (first..end)
            .filter(|&k| !words.is_punct(k) && words.class(k).is_none())
            .map(|k| words.word(k))
            // Four characters take four bytes or more, and sixteen bytes hold four or more.
            .filter(|w| w.len() >= 4 && (w.len() >= 16 || w.chars().count() >= 4)),
    );
    set
}

/// The claim's stance toward actors: a stance word ("condemned", "ally") not negated, with an
/// actor mention right after it, past at most a few determiners, names or "to"/"for"/"of"
/// ("support for Ukraine", "accused the U.N. envoy"; not "support from France", "backed by").
/// Mentions resolved from pronouns are too uncertain to take sides with.
pub(super) fn stance(
    words: &Words<'_>,
    mentions: &[Mention],
    ranges: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<Stance> {
    let mut stances: Vec<Stance> = Vec::new();
    for (first, end) in ranges {
        for k in first..end {
            let Some(polarity) = words.info(k).stance() else { continue };
            let negated = (k.saturating_sub(3)..k)
                .any(|n| matches!(words.word(n), "not" | "no" | "never" | "nor" | "n't"));
            if negated {
                continue;
            }
            let mut m = k + 1;
            while m <= k + STANCE_REACH
                && (matches!(words.word(m), "the" | "a" | "an" | "to" | "for" | "of" | "with")
                    || (words.is_capitalized(m) && !mention_starts_at(words, mentions, m)))
            {
                m += 1;
            }
            let Some(token) = words.tokens.get(m) else { continue };
            let from = mentions.partition_point(|x| x.span.start < token.span.start);
            let hit = mentions
                .get(from)
                .filter(|x| x.span.start == token.span.start && x.resolution != Resolution::Pronoun);
            if let Some(m) = hit
                && !stances.iter().any(|s| s.actor == m.actor)
            {
                stances.push(Stance { actor: m.actor.clone(), polarity });
            }
        }
    }
    stances
}
