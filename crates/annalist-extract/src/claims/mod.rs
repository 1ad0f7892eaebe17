//! Claims: attribution (source, cue, content), certainty, stance and disputes.
//!
//! A claim is either reported ([`attribution`]: "Lukashenko announced that ...", "according
//! to X", "in Moscow's view") or the author's own evaluative or predictive statement
//! ([`author`]). Each claim's source is tied to an actor through the actor layer's mentions
//! inside the source words, to the author when the words name the author ("in the author's
//! view"), else left unnamed with its words. Certainty comes from hedges and boosters
//! ([`certainty`]); disputes, supports and stance from [`links`]. Every cue list is a TSV file
//! under `data/claims/`.

mod attribution;
mod author;
mod certainty;
mod lexicon;
mod links;
mod noun_phrase;
mod word_table;
mod words;

use annalist_core::{
    ActorKind, Claim, ClaimId, ClaimLink, ClaimSource, Mention, MentionKind, Resolution, Span, TimeExpr,
    TimeId,
};

use self::lexicon::LEXICON;
use self::links::ClaimView;
use self::words::{Lowered, Words};
use crate::Context;
use crate::actors::ActorLayer;
use crate::numbered::numbered_id;

/// The widest gap between a source and its cue read for hedges ("X reportedly said"), in bytes.
const GAP_BYTES: usize = 40;

/// A claim before it has an id.
struct Draft {
    source: ClaimSource,
    cue: Option<Span>,
    cue_tokens: Option<(usize, usize)>,
    content: Span,
    sentence: usize,
}

impl Draft {
    /// Where the claim starts in the text, for text order.
    fn start(&self) -> usize {
        self.cue.map_or(self.content.start, |c| c.start.min(self.content.start))
    }
}

/// Puts drafts in text order: by sentence, then where each starts.
fn sort_drafts(drafts: &mut [Draft]) {
    drafts.sort_by_key(|d| (d.sentence, d.start(), d.content.start, d.content.end));
}

/// Finds the claims of a document, in text order.
pub fn attribute(cx: &Context<'_>, actors: &ActorLayer, timexes: &[TimeExpr]) -> Vec<Claim> {
    let mut lowered = Lowered::of(cx);
    let words = Words::new(cx, &mut lowered);
    let attributions = attribution::find(&words);
    let authored = author::find(&words, &cx.segmentation.sentences, &attributions);
    let mut source_mentions = SourceMentions::new(&actors.mentions);
    let mut drafts: Vec<Draft> = attributions
        .into_iter()
        .map(|a| Draft {
            source: resolve_source(&words, &mut source_mentions, a.source),
            cue: Some(a.cue),
            cue_tokens: Some(a.cue_tokens),
            content: a.content,
            sentence: a.sentence,
        })
        .chain(authored.into_iter().map(|a| Draft {
            source: ClaimSource::Author { span: None },
            cue: None,
            cue_tokens: None,
            content: a.content,
            sentence: a.sentence,
        }))
        .collect();
    sort_drafts(&mut drafts);
    resolve_first_person(cx.text, &mut drafts);
    continue_quotations(&words, actors, &mut drafts);
    quotations_continued(&words, actors, &mut drafts);

    let views: Vec<ClaimView> = drafts
        .iter()
        .map(|d| ClaimView {
            source: d.source.span(),
            cue_tokens: d.cue_tokens,
            content: d.content,
            content_tokens: words.tokens_in(d.content),
        })
        .collect();
    let links = links::link(&words, &views);
    let timexes_in_order = timexes.is_sorted_by_key(|t| t.span.start);
    let id = |i: usize| ClaimId::from(numbered_id('c', i + 1));
    drafts
        .into_iter()
        .zip(links)
        .zip(views)
        .enumerate()
        .map(|(i, ((d, links), view))| {
            // "Lukashenko reportedly said": a hedge between the source and its cue.
            let gap = match (d.source.span(), d.cue) {
                (Some(source), Some(cue))
                    if source.end <= cue.start && cue.start - source.end <= GAP_BYTES =>
                {
                    Some(Span::new(source.end, cue.start))
                }
                _ => None,
            };
            // The cue and the content are judged apart: what lies between them (a long quotation
            // before "he said") is another claim's. (No allocation: at most three spans.)
            let judged = [
                d.cue.map(|cue| words.tokens_in(cue)),
                Some(view.content_tokens),
                gap.map(|gap| words.tokens_in(gap)),
            ];
            let (certainty, certainty_cues) = certainty::assess(&words, judged.into_iter().flatten());
            let ranges = [Some(view.content_tokens), d.cue_tokens].into_iter().flatten();
            Claim {
                id: id(i),
                source: d.source,
                cue: d.cue,
                content: d.content,
                certainty,
                certainty_cues,
                stance: links::stance(&words, &actors.mentions, ranges),
                links: links.into_iter().map(|(kind, j)| ClaimLink { kind, claim: id(j) }).collect(),
                time: match d.cue {
                    _ if timexes.is_empty() => None,
                    Some(cue) => crate::time::attach(cx, timexes, cue),
                    // An author's verdict is not made at the narrative's running date: it is
                    // dated only by a time it names itself.
                    None => crate::time::attach(cx, timexes, d.content)
                        .filter(|id| named_inside(timexes, timexes_in_order, id, d.content)),
                },
                sentence: d.sentence,
            }
        })
        .collect()
}

/// "'I think the deal will hold,' Rubio said": a claim whose source is "I" inside another
/// claim's content is the outer claim's source speaking, when that is an actor. (Drafts are
/// in sentence order; the outer claim is looked for among the few of the same sentence.)
fn resolve_first_person(text: &str, drafts: &mut [Draft]) {
    /// How many claims of a sentence around a claim are looked at.
    const NEAR: usize = 16;
    for i in 0..drafts.len() {
        let ClaimSource::Unnamed { span: Some(span) } = drafts[i].source else { continue };
        if span.slice(text) != "I" {
            continue;
        }
        let sentence = drafts[i].sentence;
        let near = i.saturating_sub(NEAR)..(i + NEAR + 1).min(drafts.len());
        let speaker = near
            .filter(|&j| j != i && drafts[j].sentence == sentence && drafts[j].content.contains(span))
            .filter_map(|j| match &drafts[j].source {
                ClaimSource::Actor { actor, .. } => Some((drafts[j].content.len(), actor.clone())),
                _ => None,
            })
            .min_by_key(|(len, _)| *len);
        if let Some((_, actor)) = speaker {
            drafts[i].source = ClaimSource::Actor { actor, span };
        }
    }
}

/// "“Russia has a poor record,” Pifer said. “I think the ceasefire will be tested.”": "I" in
/// a quotation that no claim reports is its speaker's when the quotation opens in the
/// sentence of a claim of a person, or opens the sentence after it, and no other claim comes
/// between: news writing goes on quoting its last speaker without naming them again.
fn continue_quotations(words: &Words<'_>, actors: &ActorLayer, drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let ClaimSource::Unnamed { span: Some(span) } = drafts[i].source else { continue };
        if span.slice(words.text) != "I" {
            continue;
        }
        let Some(open) = opening_quote(words, span) else { continue };
        let open_at = words.tokens[open].span.start;
        let open_sentence = words.tokens[open].sentence;
        // The last reported claim before the quotation opens: it is the speaker's when it
        // stands in the sentence the quotation opens in or in the one before.
        // (A quotation holds at most `MAX_QUOTE` tokens, so few claims: the look back is
        // bounded, not a walk to the document's start for every "I".)
        let mut before = drafts[..i].iter().rev().take(attribution::MAX_QUOTE);
        let Some(previous) = before.find(|d| d.cue.is_some() && d.start() < open_at) else {
            continue;
        };
        // In the sentence after, the quotation is that sentence, opening it: one opened inside
        // a sentence of its own ("Pifer noted the deal “also has ...") is that sentence's.
        let opens_sentence = words.starts_sentence(open);
        if previous.sentence != open_sentence && !(previous.sentence + 1 == open_sentence && opens_sentence) {
            continue;
        }
        let ClaimSource::Actor { actor, .. } = &previous.source else { continue };
        if actors.actor(actor).is_some_and(|a| a.kind == ActorKind::Person) {
            drafts[i].source = ClaimSource::Actor { actor: actor.clone(), span };
        }
    }
}

/// How many claims before a continued quotation's sentence are asked whether their content
/// reaches into it.
const NEAR_DRAFTS: usize = 8;

/// "“If you are willing to repatriate immigrants, we will help,” Orban said. “Shared
/// repatriation would be very good.”": a quotation of whole sentences that opens the sentence
/// after a person's quoted claim, with no claim of its own, goes on quoting that person (news
/// writing names a speaker once for the quotations that follow). It becomes a claim of theirs
/// without a cue, its source the words that named them; a run of such quotations is theirs too.
fn quotations_continued(words: &Words<'_>, actors: &ActorLayer, drafts: &mut Vec<Draft>) {
    let mut added = Vec::new();
    let mut i = 0;
    // Drafts are in sentence order; added ones come after their speaker's in the same order,
    // and are read in turn as the claim a next quotation continues.
    while i < drafts.len() + added.len() {
        let d: &Draft = if i < drafts.len() { &drafts[i] } else { &added[i - drafts.len()] };
        i += 1;
        let ClaimSource::Actor { actor, span: source_span } = &d.source else { continue };
        if actors.actor(actor).is_none_or(|a| a.kind != ActorKind::Person)
            || opening_quote(words, d.content).is_none()
        {
            continue;
        }
        // The sentence after the quotation's last one (and after the cue's).
        let (_, content_end) = words.tokens_in(d.content);
        let Some(last) = content_end.checked_sub(1) else { continue };
        let next_sentence = d.sentence.max(words.tokens[last].sentence) + 1;
        let open = words.tokens.partition_point(|t| t.sentence < next_sentence);
        if open >= words.tokens.len() || words.tokens[open].sentence != next_sentence || !words.is_quote(open)
        {
            continue;
        }
        let Some(close) = words.partner(open).filter(|&c| c > open && c - open <= attribution::MAX_QUOTE)
        else {
            continue;
        };
        // Whole sentences: the closing mark ends its sentence.
        let close_sentence = words.tokens[close].sentence;
        if words.tokens.get(close + 1).is_some_and(|t| t.sentence == close_sentence) {
            continue;
        }
        let Some(content) = attribution::trimmed(words, open + 1, close) else { continue };
        // No claim of its own in those sentences (a cue there names its speaker), nor one
        // reaching into them from before. (Drafts are in sentence order: only those near the
        // quotation are looked at, so many quotations cost no more than their number.)
        let quoted = next_sentence..=close_sentence;
        let from = drafts.partition_point(|o| o.sentence < next_sentence);
        let near =
            drafts[from.saturating_sub(NEAR_DRAFTS)..].iter().take_while(|o| o.sentence <= close_sentence);
        if near
            .chain(added.iter().rev().take(1))
            .any(|o| quoted.contains(&o.sentence) || o.content.overlaps(content))
        {
            continue;
        }
        added.push(Draft {
            source: ClaimSource::Actor { actor: actor.clone(), span: *source_span },
            cue: None,
            cue_tokens: None,
            content,
            sentence: next_sentence,
        });
    }
    if !added.is_empty() {
        drafts.extend(added);
        sort_drafts(drafts);
    }
}

/// The quotation mark opening the quotation that holds `span`, looked for at most
/// [`attribution::MAX_QUOTE`] tokens back: `None` when a closing mark comes first.
fn opening_quote(words: &Words<'_>, span: Span) -> Option<usize> {
    let (first, _) = words.tokens_in(span);
    let mark = (first.saturating_sub(attribution::MAX_QUOTE)..first).rev().find(|&k| words.is_quote(k))?;
    words.partner(mark).is_some_and(|p| p > first).then_some(mark)
}

/// Whether the time expression `id` lies inside `span`. Time expressions in text order are
/// searched from the span's start only, so many claims cost no more than their number.
fn named_inside(timexes: &[TimeExpr], in_order: bool, id: &TimeId, span: Span) -> bool {
    let candidates = if in_order {
        let from = timexes.partition_point(|t| t.span.start < span.start);
        let to = from + timexes[from..].partition_point(|t| t.span.start <= span.end);
        &timexes[from..to]
    } else {
        timexes
    };
    candidates.iter().any(|t| &t.id == id && span.contains(t.span))
}

/// Who the source words name: the author, an actor whose mention lies inside them (the
/// longest), or an unnamed source.
fn resolve_source(words: &Words<'_>, mentions: &mut SourceMentions<'_>, span: Option<Span>) -> ClaimSource {
    let Some(span) = span else {
        return ClaimSource::Unnamed { span: None };
    };
    // An ASCII span normalises to as many bytes: one longer than every author phrase is none.
    let may_be_author = span.len() <= LEXICON.author_longest || !span.slice(words.text).is_ascii();
    if may_be_author && LEXICON.author.contains(words.normal(span).as_ref()) {
        return ClaimSource::Author { span: Some(span) };
    }
    let from = mentions.first_ending_after(span.start);
    let all = mentions.mentions;
    let inside =
        || all[from..].iter().take_while(|m| m.span.start < span.end).filter(|m| span.contains(m.span));
    // The person the phrase ends with is its head ("Cameroon Livestock Ministry official
    // Denise Abanda"); else a person set beside it by commas ("Erdogan's communication
    // chief, Fahrettin Altun,"), who is who the phrase describes; else the longest name in it.
    let head = inside().filter(|m| m.kind == MentionKind::Person).find(|m| m.span.end == span.end);
    if let Some(m) = head {
        return ClaimSource::Actor { actor: m.actor.clone(), span };
    }
    if let Some(m) = apposed_person(words.text, &all[from..], span) {
        return ClaimSource::Actor { actor: m.actor.clone(), span: Span::new(span.start, m.span.end) };
    }
    // A person followed by what the phrase says of them is its head too: "analyst Atilla
    // Yesilada of Global Source Partners", "Professor Stephen Nagy at ... University".
    let postmodified = |m: &&Mention| {
        let after = words.text.get(m.span.end..span.end).unwrap_or("");
        [" of ", " at ", " from ", " with "].iter().any(|p| after.starts_with(p))
    };
    if let Some(m) = inside().filter(|m| m.kind == MentionKind::Person).find(postmodified) {
        return ClaimSource::Actor { actor: m.actor.clone(), span };
    }
    // A demonym that qualifies the phrase's head is no speaker: "The French politician",
    // "A British charity" are not France or Britain ("Indonesians say" is its people).
    let qualifier = |m: &Mention| m.resolution == Resolution::Demonym && m.span.end < span.end;
    match inside().filter(|m| !qualifier(m)).min_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start)) {
        Some(m) => ClaimSource::Actor { actor: m.actor.clone(), span },
        None => ClaimSource::Unnamed { span: Some(span) },
    }
}

/// The person named right after `span` between commas (or a comma and the end of the
/// clause): "the president's spokesman, Dmitry Peskov, said".
fn apposed_person<'m>(text: &str, mentions: &'m [Mention], span: Span) -> Option<&'m Mention> {
    let after = text.get(span.end..)?;
    let comma = after.len() - after.trim_start().len();
    if !after[comma..].starts_with(',') {
        return None;
    }
    let name_start =
        span.end + comma + 1 + (after[comma + 1..].len() - after[comma + 1..].trim_start().len());
    // (Mentions are in text order but for a few: a short look from those ending after the
    // span.)
    let m = mentions.iter().take(16).find(|m| m.span.start == name_start && m.kind == MentionKind::Person)?;
    let rest = text.get(m.span.end..)?.trim_start();
    (rest.starts_with(',') || rest.is_empty()).then_some(m)
}

/// The actor layer's mentions as source spans search them, mostly in text order: a search from
/// where the previous one ended counts on over the few mentions between, instead of a binary
/// search over all mentions (a cache miss a step) for every source.
struct SourceMentions<'m> {
    mentions: &'m [Mention],
    /// Whether the mentions' ends never decrease (then "ends at or before an offset" holds
    /// for a leading run of mentions, and counting on finds what a binary search would).
    ends_in_order: bool,
    /// The previous search: its offset and its answer.
    previous: (usize, usize),
}

impl<'m> SourceMentions<'m> {
    fn new(mentions: &'m [Mention]) -> SourceMentions<'m> {
        let ends_in_order = mentions.is_sorted_by_key(|m| m.span.end);
        SourceMentions { mentions, ends_in_order, previous: (0, 0) }
    }

    /// The first mention not ending at or before `offset` (as
    /// `mentions.partition_point(|m| m.span.end <= offset)`).
    fn first_ending_after(&mut self, offset: usize) -> usize {
        /// How many mentions are counted on before a binary search over the rest.
        const FEW: usize = 8;
        let mentions = self.mentions;
        let ends_by = |m: &Mention| m.span.end <= offset;
        let (previous_offset, previous_answer) = self.previous;
        let answer = if self.ends_in_order && offset >= previous_offset {
            // Every mention before the previous answer ends by the previous offset, so by this one.
            let rest = mentions.get(previous_answer..).unwrap_or_default();
            let few = rest.iter().take(FEW).take_while(|m| ends_by(m)).count();
            previous_answer + if few < FEW { few } else { FEW + rest[FEW..].partition_point(ends_by) }
        } else {
            mentions.partition_point(ends_by)
        };
        self.previous = (offset, answer);
        answer
    }
}

#[cfg(test)]
mod tests {
    use annalist_core::{Actor, ActorId, ActorKind, ClaimSource, Mention, MentionKind, Resolution, Span};

    use crate::Context;
    use crate::actors::ActorLayer;

    /// An actor layer with one mention for each `(word, actor id)`, at the word's first
    /// occurrence at or after the previous one.
    fn layer(text: &str, names: &[(&str, &str)]) -> ActorLayer {
        let mut at = 0;
        let mut mentions = Vec::new();
        let mut actors: Vec<Actor> = Vec::new();
        for (n, (word, id)) in names.iter().enumerate() {
            let start = at + text[at..].find(word).expect("word in text");
            at = start + word.len();
            mentions.push(Mention {
                id: format!("m{}", n + 1).as_str().into(),
                span: Span::new(start, at),
                actor: (*id).into(),
                kind: MentionKind::Location,
                resolution: Resolution::Name,
            });
            if !actors.iter().any(|a| a.id.as_str() == *id) {
                actors.push(Actor {
                    id: (*id).into(),
                    name: (*word).to_owned(),
                    kind: ActorKind::State,
                    code: None,
                    country: None,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                });
            }
        }
        actors.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
        ActorLayer { actors, mentions }
    }

    fn claims(text: &str, names: &[(&str, &str)]) -> Vec<annalist_core::Claim> {
        let segmentation = crate::segment::segment(text);
        let cx = Context { text, segmentation: &segmentation, dct: None };
        super::attribute(&cx, &layer(text, names), &[])
    }

    #[test]
    fn sources_resolve_to_the_actor_mentioned_inside_them() {
        let text = "Belarusian President Alexander Lukashenko said that Kyiv had provoked the clash.";
        let found = claims(text, &[("Alexander Lukashenko", "lukashenko"), ("Kyiv", "ukr")]);
        let claim = &found[0];
        match &claim.source {
            ClaimSource::Actor { actor, span } => {
                assert_eq!(actor.as_str(), "lukashenko");
                assert_eq!(span.slice(text), "Belarusian President Alexander Lukashenko");
            }
            other => panic!("expected an actor source, got {other:?}"),
        }
        // "Kyiv had provoked the clash": the actor stands before the stance word, so no stance
        // is read (conservative: the object after the word is whom it is about).
        assert_eq!(claim.stance.len(), 0);
        let text = "Lukashenko said that Minsk condemned Kyiv for the raid.";
        let found = claims(text, &[("Lukashenko", "lukashenko"), ("Minsk", "blr"), ("Kyiv", "ukr")]);
        let stance: Vec<(&str, f32)> =
            found[0].stance.iter().map(|s| (s.actor.as_str(), s.polarity)).collect();
        assert_eq!(stance, [("ukr", -1.0)]);
    }

    #[test]
    fn negated_stance_words_take_no_side() {
        let text = "Analysts said he is not a faithful ally to Ukraine.";
        let found = claims(text, &[("Ukraine", "ukr")]);
        assert!(found[0].stance.is_empty(), "{:?}", found[0].stance);
        let text = "Analysts said he is a faithful ally to Ukraine.";
        let found = claims(text, &[("Ukraine", "ukr")]);
        assert_eq!(found[0].stance.iter().map(|s| s.actor.clone()).collect::<Vec<ActorId>>(), ["ukr".into()]);
    }

    #[test]
    fn the_author_and_unnamed_sources_stay_apart() {
        let text = "In the author’s view, the talks failed. It was announced that the embassy would close.";
        let found = claims(text, &[]);
        assert!(matches!(found[0].source, ClaimSource::Author { span: Some(_) }), "{:?}", found[0].source);
        assert!(matches!(found[1].source, ClaimSource::Unnamed { span: None }), "{:?}", found[1].source);
    }
}
