//! Attributions in the PARC sense: a source, a cue and a content, read off the words of a
//! sentence. Four kinds of cue: reporting verbs ("Lukashenko announced that ..."), reporting
//! nouns ("Moscow's claim that ..."), source phrases ("according to X") and view phrases
//! ("in Moscow's view, ..."). Quotes and inversions ("... ," the minister said.) take their
//! content from before the cue, across sentences when the quotation spans several.

use annalist_core::Span;

use super::lexicon::{Frames, LEXICON, WordClass};
use super::noun_phrase::{
    clause_start, clause_subject, is_ly_adverb, phrase_ending_at, phrase_starting_at, skip_left_modifiers,
};
use super::words::Words;

/// How far past a reporting verb a "that" may stand ("said in a statement on Tuesday that").
const THAT_REACH: usize = 8;
/// The longest clause read as a content, in tokens: bounds the work on text without stops.
const MAX_CLAUSE: usize = 120;
/// The longest quotation read across sentences, in tokens.
pub(super) const MAX_QUOTE: usize = 400;
/// How many delimited chunks an apposition is read back over.
const APPOSITIONS: usize = 4;
/// The longest hearer phrase read between a verb and its clause ("told the Associated Press").
const ADDRESSEE_LEN: usize = 4;

/// One attribution found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Attribution {
    /// The words naming the source, when the text has them.
    pub source: Option<Span>,
    /// The attributing words.
    pub cue: Span,
    /// What is attributed.
    pub content: Span,
    /// The sentence of the cue.
    pub sentence: usize,
    /// Token range of the cue's head word(s), for the dispute lexicon.
    pub cue_tokens: (usize, usize),
}

/// The token range of one sentence.
#[derive(Debug, Clone, Copy)]
struct Sentence {
    index: usize,
    start: usize,
    end: usize,
}

/// Finds the attributions of the document, sentence by sentence, in text order.
pub(super) fn find(words: &Words<'_>) -> Vec<Attribution> {
    // About one attribution in two sentences of news: room for them all, grown rarely.
    let mut found = Vec::with_capacity(words.sentences.len());
    let lexicon = &*LEXICON;
    for s in &words.sentences {
        // Every cue starts with a word of the verb, noun, "according to" or view tables.
        let starts = s.cue_starts;
        if lexicon.verbs.may_start_any(starts)
            || lexicon.nouns.may_start_any(starts)
            || lexicon.according.may_start_any(starts)
            || lexicon.views.may_start_any(starts)
        {
            let views = lexicon.views.may_start_any(starts);
            let sentence = Sentence { index: s.index, start: s.start, end: s.end };
            find_in_sentence(words, sentence, views, &mut found);
        }
    }
    found
}

/// The attributions of one sentence; `views` says whether a view phrase may start in it.
fn find_in_sentence(words: &Words<'_>, sentence: Sentence, views: bool, found: &mut Vec<Attribution>) {
    let lexicon = &*LEXICON;
    // Each rule opens with its table's phrase (a view phrase with its preposition) at `i`:
    // positions where none may start are passed by on their lexicon bits alone.
    let openers = lexicon.verbs.starts().union(lexicon.nouns.starts()).union(lexicon.according.starts());
    let may_open = |i: usize| {
        words.info(i).starts.meets(openers) || (views && matches!(words.word(i), "in" | "from" | "to"))
    };
    let mut last_source = None;
    let mut i = sentence.start;
    while i < sentence.end {
        if !may_open(i) {
            i += 1;
            continue;
        }
        let hit = views
            .then(|| view_at(words, sentence, i))
            .flatten()
            .or_else(|| according_at(words, sentence, i))
            .or_else(|| verb_at(words, sentence, i, last_source))
            .or_else(|| noun_at(words, sentence, i));
        match hit {
            Some((attribution, next)) => {
                last_source = attribution.source.or(last_source);
                found.push(attribution);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// A dash setting off an apposition: "Al-Sharaa — leader of HTS — said".
fn is_dash(word: &str) -> bool {
    matches!(word, "—" | "–" | "-")
}

/// Where the clause starting at `from` ends: at ";", or at a comma before a participle
/// (", signaling ..."), a contrasting conjunction (", yet ...") or "according to"; quotations
/// are read through.
fn clause_end(words: &Words<'_>, from: usize, end: usize) -> usize {
    let end = end.min(from + MAX_CLAUSE);
    // Read once, not at every token (a lazy static checks it was made at every read).
    let verbs = &LEXICON.verbs;
    let mut k = from;
    while k < end {
        let w = words.word(k);
        if w == ";" {
            return k;
        }
        // "... , and added that ...": a second report by the same source.
        if matches!(w, "and" | "but") && words.phrase(verbs, k + 1).is_some() {
            return k;
        }
        // (A comma opening the clause sets off an aside inside it: "warned that, although an
        // unlikely event, others could quit".)
        if w == "," && !(k == from && from > 0 && words.word(from - 1) == "that") {
            let next = words.word(k + 1);
            let participle = next.len() > 4 && next.ends_with("ing") && !words.is_capitalized(k + 1);
            if participle
                || matches!(next, "but" | "yet" | "while" | "although" | "though" | "whereas" | "according")
            {
                return k;
            }
        }
        match words.partner(k) {
            // A quotation opened here is read through.
            Some(p) if p > k && p < end => k = p,
            // A quotation closed here was opened before the clause: the clause ends with it.
            Some(p) if p < from => return k,
            _ => {}
        }
        k += 1;
    }
    end
}

/// The span of tokens `from..to` without punctuation at either end; `None` when no word is left.
pub(super) fn trimmed(words: &Words<'_>, mut from: usize, mut to: usize) -> Option<Span> {
    while from < to && words.is_punct(from) {
        from += 1;
    }
    while to > from && words.is_punct(to - 1) {
        to -= 1;
    }
    (from < to).then(|| words.span(from, to))
}

/// Whether tokens `from..to` hold at least `n` words; looks at no more than needed.
fn has_words(words: &Words<'_>, from: usize, to: usize, n: usize) -> bool {
    (from..to).filter(|&k| !words.is_punct(k)).take(n).count() == n
}

/// The start of a clause read backwards from `end` to `floor`, no longer than [`MAX_CLAUSE`].
fn clause_floor(floor: usize, end: usize) -> usize {
    floor.max(end.saturating_sub(MAX_CLAUSE))
}

/// The span of a possessor ("Moscow's", "the author's") without its possessive ending.
fn possessor(words: &Words<'_>, from: usize, last: usize) -> Span {
    if words.is_possessive_mark(last) && last > from {
        return words.span(from, last);
    }
    let span = words.span(from, last + 1);
    let raw = words.raw(last);
    let cut = ["’s", "'s", "’", "'"].iter().find(|end| raw.ends_with(*end)).map_or(0, |end| end.len());
    if cut < raw.len() { Span::new(span.start, span.end - cut) } else { span }
}

/// Content standing before a cue, ending at the comma (and closing quote) at `before`: a
/// quotation from its opening mark, which may lie in an earlier sentence, or the clause from
/// the sentence start.
fn content_before(words: &Words<'_>, sentence: Sentence, before: usize) -> Option<Span> {
    let mut close = before;
    if words.word(close) == "," && close > sentence.start && words.is_quote(close - 1) {
        close -= 1;
    } else if !(words.is_quote(close) || words.word(close) == ",") {
        return None;
    }
    if words.is_quote(close)
        && let Some(open) = words.partner(close).filter(|&o| o < close && close - o <= MAX_QUOTE)
    {
        return trimmed(words, open + 1, close);
    }
    let from = clause_floor(sentence.start, close);
    if !has_words(words, from, close, 3) {
        return None;
    }
    trimmed(words, from, close)
}

/// Where the content after a cue starts, if the text after it is a clause: past "that", a
/// colon or an opening quote (after a comma too); `None` when nothing clausal follows ("said on
/// Tuesday."). With it, where its clause ends ([`clause_end`] up to the sentence end) when that
/// was read to judge it.
fn content_after(
    words: &Words<'_>,
    sentence: Sentence,
    after: usize,
    frames: Frames,
) -> Option<(usize, Option<usize>)> {
    let end = sentence.end;
    if after >= end {
        return None;
    }
    let w = words.word(after);
    if w == "that" && frames.that {
        // "I think that's important": a "that" before a verb is the clause's subject, not the
        // word that opens it (a clause opened by "that" has a subject of its own).
        let next = after + 1;
        let subject =
            words.word(next) == "'s" || matches!(words.class(next), Some(WordClass::Aux | WordClass::Be));
        return Some((if subject { after } else { next }, None));
    }
    let opens_quote = |k: usize| words.is_quote(k) && words.partner(k).is_some_and(|p| p > k);
    if w == ":" || opens_quote(after) {
        return Some((after + 1, None));
    }
    // "said, “Peace is on the agenda”": a comma, then the quotation.
    if w == "," && after + 1 < end && opens_quote(after + 1) {
        return Some((after + 2, None));
    }
    if frames.that {
        let mut k = after;
        // Up to the first verb: past it, a "that" belongs to another clause.
        while k < end && k < after + THAT_REACH && !words.is_punct(k) && !words.is_verbish(k) {
            if words.word(k) == "that" {
                return Some((k + 1, None));
            }
            // "warned Minsk: ..."
            if words.word(k + 1) == ":" {
                return Some((k + 2, None));
            }
            k += 1;
        }
    }
    if !(frames.bare || frames.object) || words.is_punct(after) {
        return None;
    }
    // "told VOA he was waiting": the hearer first, then the clause.
    let hearer = phrase_starting_at(words, after, end);
    // "told council members to draft regulations": an order to the hearer, no report.
    if frames.addressee && hearer.is_some_and(|(_, np_end)| np_end < end && words.word(np_end) == "to") {
        return None;
    }
    let after = match hearer {
        Some((_, np_end)) if frames.addressee && np_end - after <= ADDRESSEE_LEN => {
            if np_end >= end || words.is_punct(np_end) && !words.is_quote(np_end) && words.word(np_end) != ","
            {
                return None;
            }
            np_end
        }
        _ => after,
    };
    // A clause does not open with a preposition, an auxiliary or a verb: "said on Tuesday",
    // "the U.N. report also said" (where "report" was a noun).
    let mut first = after;
    while first < end && (words.class(first) == Some(WordClass::Adverb) || is_ly_adverb(words, first)) {
        first += 1;
    }
    if matches!(
        words.class(first),
        Some(WordClass::Boundary | WordClass::Time | WordClass::Be | WordClass::Aux)
    ) || words.is_verbish(first)
    {
        return None;
    }
    let stop = clause_end(words, after, end);
    has_words(words, after, stop, 3).then_some((after, Some(stop)))
}

/// The first word from `i` past a count or determiner opening a noun phrase: "lives" of
/// "claiming more than 500 lives", "responsibility" of "claimed full responsibility"... (no
/// further than a few words).
fn object_head(words: &Words<'_>, sentence: Sentence, i: usize) -> usize {
    let counting = |k: usize| {
        words.class(k) == Some(WordClass::Determiner)
            || words.is_number(k)
            || matches!(
                words.word(k),
                "more"
                    | "than"
                    | "at"
                    | "least"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "over"
                    | "some"
                    | "of"
                    | "hundreds"
                    | "thousands"
                    | "dozens"
                    | "full"
                    | "many"
            )
    };
    let mut k = i;
    while k < sentence.end && k < i + 5 && counting(k) {
        k += 1;
    }
    k
}

/// Whether the cue at `i` is in a question: a question mark ends its sentence, or the
/// quotation it stands in ("“Does Kim think that ...?” he asked"). ("“Why now?” he said"
/// ends with the stop after "said".)
///
/// Read no further than [`QUESTION_REACH`] tokens: a question is short, and a long sentence
/// read to its end for each cue in it would be read in quadratic time.
fn asked(words: &Words<'_>, sentence: Sentence, i: usize) -> bool {
    let reach = sentence.end.min(i + 1 + QUESTION_REACH);
    let stop = (i + 1..reach).find(|&k| words.is_quote(k)).unwrap_or(reach);
    (stop < reach || reach == sentence.end) && stop > i + 1 && words.word(stop - 1) == "?"
}

/// How many tokens after a cue are read for the question mark ending its question.
const QUESTION_REACH: usize = 60;

/// Whether an indefinite article and one word come right before `i` ("a clear signal that",
/// "a firm promise to"): a base form there is a noun, as a verb after a singular subject
/// would not be in its base form ("a spokesman said"). Not in a question ("Did a minister
/// say ..."), where an auxiliary opens the clause.
fn after_indefinite_modifier(words: &Words<'_>, sentence: Sentence, i: usize) -> bool {
    i >= sentence.start + 2
        && matches!(words.word(i - 2), "a" | "an" | "another" | "each" | "every")
        && words.class(i - 1).is_none()
        && !words.is_punct(i - 1)
        && !(i >= sentence.start + 3 && words.class(i - 3) == Some(WordClass::Aux))
}

/// A reporting verb at `i`: "X said (that) ...", "... ," X said, "... ," said X.
fn verb_at(
    words: &Words<'_>,
    sentence: Sentence,
    i: usize,
    last_source: Option<Span>,
) -> Option<(Attribution, usize)> {
    let (len, entry) = words.phrase(&LEXICON.verbs, i)?;
    let frames = entry.frames;
    // A capital is a name or an imperative ("States pursue ..."), not a reported verb.
    if words.is_capitalized(i)
        || (i > sentence.start && words.opens_noun(i - 1))
        || (!entry.not_before.is_empty() && {
            // The head counts as the object only when no verb follows it: "claimed 500 lives
            // were lost" claims a clause.
            let head = object_head(words, sentence, i + len);
            let head = (!words.is_verbish(head + 1)).then(|| words.word(head));
            entry.not_before.iter().any(|w| w == words.word(i + len) || Some(w.as_str()) == head)
        })
        || (entry.base_form && after_indefinite_modifier(words, sentence, i))
        // "Do you think Taiwan should upgrade ...?": a question asks; it attributes nothing.
        // (Last: it reads ahead.)
        || asked(words, sentence, i)
    {
        return None;
    }
    let mut cue_start = i;
    let mut cue_end = i + len;
    let mut content_from = None;
    match words.word(cue_end) {
        "of" if frames.of => {
            cue_end += 1;
            content_from = Some(cue_end);
        }
        // "promised to withdraw", not "a claim to their homeland".
        "to" if frames.to && !words.opens_noun(cue_end + 1) && !words.is_capitalized(cue_end + 1) => {
            content_from = Some(cue_end);
        }
        _ => {}
    }
    // Where the content's clause ends, when judging the content already read it.
    let mut known_clause_end = None;
    let content_from = content_from.or_else(|| {
        let (from, clause_end) = content_after(words, sentence, cue_end, frames)?;
        known_clause_end = clause_end;
        Some(from)
    });
    // The content after the cue, read only when the source rules below keep the cue and no
    // content before it was found (the clause's end is the costly part).
    let after = || {
        content_from.and_then(|from| {
            quoted_across(words, sentence, from).or_else(|| {
                let end = known_clause_end.unwrap_or_else(|| clause_end(words, from, sentence.end));
                trimmed(words, from, end)
            })
        })
    };

    let s = sentence.start;
    let mut source_tokens: Option<(usize, usize)> = None;
    let mut source_span = None;
    let mut inverted = None;
    // Whether the source is the subject of the clause the cue continues (", adding ...", "and
    // warned ..."), not a phrase standing at the cue.
    let mut subject_of_clause = false;
    // A participle (", adding that ..."): it never inverts and takes the clause's subject.
    let participle = words.word(i).ends_with("ing");
    if i > s + 1 && words.word(i - 1) == "as" && participle {
        // "cited officials as saying ...", "quoted Lavrov as saying ...".
        cue_start = i - 1;
        source_tokens = subject_before(words, s, i - 2);
    } else if i > s && words.word(i - 1) == "to" {
        // "prompted some observers to speculate that ...": the source is the phrase before "to".
        cue_start = i - 1;
        source_tokens = i.checked_sub(2).filter(|&at| at >= s).and_then(|at| subject_before(words, s, at));
        // Only a that-clause makes it a report: "seeks to assert the rights" is not one.
        let explicit = content_from.is_some_and(|f| f > 0 && matches!(words.word(f - 1), "that" | ":"));
        if !explicit {
            return None;
        }
    } else if i > s {
        let (left, aux_start, passive) = skip_left_modifiers(words, s, i - 1);
        cue_start = aux_start.min(i);
        if passive && !participle {
            // "it was announced that ...": only a that-clause is reported; the source is the
            // agent, when given.
            if words.word(cue_end) == "by" {
                source_tokens = phrase_starting_at(words, cue_end + 1, sentence.end);
            }
            let explicit = content_from.is_some_and(|f| f > 0 && matches!(words.word(f - 1), "that" | ":"));
            if !explicit {
                return None;
            }
        } else if let Some(mut j) = left {
            // "Doctors Without Borders (MSF) told ...": read past a bracketed aside.
            if words.word(j) == ")"
                && let Some(open) = (s..j).rev().take(12).find(|&k| words.word(k) == "(")
                && open > s
            {
                j = open - 1;
            }
            let w = words.word(j);
            if w == "," || words.is_quote(j) || is_dash(w) {
                // Verb-first inversion: "... ," said the minister.
                let right = phrase_starting_at(words, cue_end, sentence.end);
                // The source closes its clause: "..., said the minister on Tuesday.", not
                // "Barnier, who led the talks, says immigration to France should stop" (a
                // clause follows the cue, and the phrase is its subject); a relative clause
                // may follow ("said the young professional in his 30s who may soon ...").
                let clause_follows = |from: usize| {
                    let relative = (from..sentence.end.min(from + 6))
                        .find(|&k| matches!(words.word(k), "who" | "which" | "whose"))
                        .unwrap_or(sentence.end);
                    verb_follows_in_clause(words, from, relative)
                };
                let ends_after = right.is_some_and(|(_, e)| {
                    (e >= sentence.end
                        || words.is_punct(e)
                        || matches!(words.class(e), Some(WordClass::Boundary | WordClass::Time)))
                        && !clause_follows(e)
                });
                // A verb that takes whom it tells inverts only after a closed quotation ("“...,”
                // warned Asli Aydintasbas, a senior fellow"): after a clause, the phrase after it
                // is whom it tells.
                let closes_quote = words.is_quote(j) || (w == "," && j > s && words.is_quote(j - 1));
                // A participle never inverts: ", noting the inability of staff to ..." has the
                // main clause's subject as source, and its object is no speaker.
                let inverts = frames.quote && (!frames.addressee || closes_quote) && !participle;
                let before = if ends_after && inverts { content_before(words, sentence, j) } else { None };
                if before.is_some() {
                    source_tokens = right;
                    inverted = before;
                } else if participle {
                    // ", adding that ...": the subject of the main clause.
                    subject_of_clause = true;
                    source_span = last_source;
                    if source_span.is_none() {
                        source_tokens = clause_subject(words, clause_start(words, s, j), j);
                    }
                } else {
                    // Apposition: "Lavrov, Russia's foreign minister, said ...".
                    source_tokens = apposition_head(words, s, j);
                    if source_tokens.is_none() {
                        subject_of_clause = true;
                        source_tokens = clause_subject(words, clause_start(words, s, j), j);
                    }
                }
            } else if matches!(w, "and" | "but" | "or") {
                // "Minsk had condemned ..., and warned of ...": coordinated verbs share the
                // subject of the first.
                subject_of_clause = true;
                source_span = last_source;
                if source_span.is_none() {
                    source_tokens = clause_subject(words, clause_start(words, s, j), j);
                }
            } else if participle {
                let named = phrase_ending_at(words, s, j).filter(|&(a, b)| {
                    (a > s && matches!(words.word(a - 1), "with" | "as"))
                        || (a..b).all(|k| words.is_capitalized(k) || words.is_abbreviation_dot(k))
                });
                if named.is_some() {
                    // "with Cavusoglu warning that ...": the name before the participle.
                    source_tokens = named;
                } else {
                    // "It issued a statement saying ...": the subject of the clause, not the object.
                    subject_of_clause = true;
                    source_span = last_source;
                    if source_span.is_none() {
                        source_tokens = clause_subject(words, clause_start(words, s, j), j);
                    }
                }
            } else if matches!(w, "who" | "which") && j > s + 1 && words.word(j - 1) == "," {
                // "Mauritius, which argues ...": the antecedent.
                source_tokens = phrase_ending_at(words, s, j - 2);
            } else {
                source_tokens = phrase_ending_at(words, s, j);
            }
        }
    }
    if source_span.is_none() {
        source_span = source_tokens.map(|(a, b)| words.span(a, b));
    }
    // "“We will win,” he said, “and soon.”": a quotation split by its attribution is read from
    // its first part, before the source.
    let closes_quote_before = |before: usize| {
        words.is_quote(before) || (words.word(before) == "," && before > 0 && words.is_quote(before - 1))
    };
    let split_quote = content_from
        .is_some_and(|f| f >= 2 && words.word(f - 2) == "," && words.is_quote(f - 1))
        && source_tokens
            .and_then(|(start, _)| start.checked_sub(1))
            .filter(|&before| before >= sentence.start && closes_quote_before(before))
            .and_then(|before| content_before(words, sentence, before))
            .is_some();
    let content = match inverted.or_else(|| if split_quote { None } else { after() }) {
        Some(content) => content,
        None => {
            // "... ," the minister said: the content stands before the source, and the cue
            // ends the clause. Not when a verb follows the cue: the cue is then a noun ("“an
            // unlikely event,” other member states could decide to quit") or opens its own
            // content ("Despite those operations, intelligence indicated IS has been trying").
            // Nor when the source is the clause's subject, away from the cue: what stands
            // before it opens the sentence ("In a joint statement ..., Tokyo and Washington
            // shared concerns ... and agreed").
            if subject_of_clause || verb_follows_in_clause(words, cue_end, sentence.end) {
                return None;
            }
            let (start, _) = source_tokens?;
            content_before(words, sentence, start.checked_sub(1)?)?
        }
    };
    let attribution = Attribution {
        source: source_span,
        cue: words.span(cue_start, cue_end),
        content,
        sentence: sentence.index,
        cue_tokens: (i, i + len),
    };
    // Read on from the content: "said in a statement that ..." holds no second cue.
    Some((attribution, content_from.unwrap_or(cue_end).max(cue_end)))
}

/// Whether a finite verb (a modal or an auxiliary, class `aux`, or a form of "be") stands in
/// `from..end` before the clause's next punctuation, within a few words: a clause of its own
/// follows.
fn verb_follows_in_clause(words: &Words<'_>, from: usize, end: usize) -> bool {
    (from..end.min(from + 6))
        .take_while(|&k| !words.is_punct(k))
        .any(|k| matches!(words.class(k), Some(WordClass::Aux | WordClass::Be)))
}

/// The head of an apposition closed by the delimiter at `close`: of the delimited chunks before
/// it ("Luca Zaia, governor of the Veneto region, one of the worst-hit areas, told"), the
/// leftmost that is a whole noun phrase.
fn apposition_head(words: &Words<'_>, floor: usize, close: usize) -> Option<(usize, usize)> {
    let delimiter = words.word(close);
    let mut head = None;
    let mut end = close;
    for _ in 0..APPOSITIONS {
        let Some(open) = (floor..end).rev().take(20).find(|&k| words.word(k) == delimiter) else { break };
        let Some(phrase) = open.checked_sub(1).and_then(|e| phrase_ending_at(words, floor, e)) else { break };
        let whole = phrase.0 == floor || words.is_punct(phrase.0 - 1);
        if whole || head.is_none() {
            head = Some(phrase);
        }
        // A quotation closed right before the phrase ends the chain: what stands before the
        // mark is the quotation's last words ("— very significant,” Michael McCaul, a former
        // chairman, told").
        if !whole || (phrase.0 > floor && words.is_quote(phrase.0 - 1)) {
            break;
        }
        end = phrase.0;
    }
    head
}

/// The phrase ending at `at`, or, past one verb and its auxiliaries, the phrase before them:
/// "[Lavrov] was quoted as saying", "[Lukashenko] is expected to announce".
fn subject_before(words: &Words<'_>, floor: usize, at: usize) -> Option<(usize, usize)> {
    let phrase = phrase_ending_at(words, floor, at);
    // "it is really important to emphasize that": a phrase after "is" is no subject.
    if let Some((start, _)) = phrase
        && start > floor
        && words.class(start - 1) == Some(WordClass::Be)
    {
        return None;
    }
    phrase.or_else(|| {
        if at <= floor || !words.is_verbish(at) {
            return None;
        }
        let (left, _, _) = skip_left_modifiers(words, floor, at - 1);
        phrase_ending_at(words, floor, left?)
    })
}

/// A content that opens a quotation running past its sentence, read to the closing mark:
/// `He said: "We left. We will not return."`.
fn quoted_across(words: &Words<'_>, sentence: Sentence, from: usize) -> Option<Span> {
    let open = (from.saturating_sub(1)..=from)
        .find(|&q| words.is_quote(q) && words.partner(q).is_some_and(|p| p > q))?;
    let close = words.partner(open)?;
    (close >= sentence.end && close - open <= MAX_QUOTE).then(|| trimmed(words, open + 1, close)).flatten()
}

/// A reporting noun at `i` with its frame after it: "Lukashenko's stated goal of ...",
/// "there is talk about ...".
fn noun_at(words: &Words<'_>, sentence: Sentence, i: usize) -> Option<(Attribution, usize)> {
    let (len, entry) = words.phrase(&LEXICON.nouns, i)?;
    let frames = entry.frames;
    let frame_word = i + len;
    let (cue_end, content_from) = match words.word(frame_word) {
        "that" if frames.that => (frame_word, frame_word + 1),
        "of" if frames.of || frames.about => (frame_word + 1, frame_word + 1),
        "about" if frames.about => (frame_word + 1, frame_word + 1),
        _ => return None,
    };
    let content = trimmed(words, content_from, clause_end(words, content_from, sentence.end))?;
    let source = (i > sentence.start && words.is_possessive(i - 1)).then(|| {
        let last = i - 1;
        let from = if matches!(words.word(last), "his" | "her" | "their" | "its" | "our" | "my") {
            last
        } else {
            let floor = sentence.start;
            phrase_ending_at(words, floor, last).map_or(last, |(a, _)| a)
        };
        // "Tuesday's announcement": a time owns no voice, and the mark alone names no one.
        (from < last || !words.is_possessive_mark(last)).then(|| possessor(words, from, last))
    });
    let source = source.flatten();
    let attribution = Attribution {
        source,
        cue: words.span(i, cue_end),
        content,
        sentence: sentence.index,
        cue_tokens: (i, i + len),
    };
    Some((attribution, cue_end))
}

/// "according to X" before or after its clause.
fn according_at(words: &Words<'_>, sentence: Sentence, i: usize) -> Option<(Attribution, usize)> {
    let (len, _) = words.phrase(&LEXICON.according, i)?;
    let cue_end = i + len;
    let (from, mut to) = phrase_starting_at(words, cue_end, sentence.end)?;
    // "according to a statement from the ministry"
    while matches!(words.word(to), "from" | "at" | "by") {
        match phrase_starting_at(words, to + 1, sentence.end) {
            Some((_, further)) => to = further,
            None => break,
        }
    }
    let content = if has_words(words, sentence.start, i, 3) {
        let until = if words.word(i - 1) == "," { i - 1 } else { i };
        trimmed(words, clause_floor(sentence.start, until), until)?
    } else {
        let start = if words.word(to) == "," { to + 1 } else { to };
        trimmed(words, start, clause_end(words, start, sentence.end))?
    };
    let attribution = Attribution {
        source: Some(words.span(from, to)),
        cue: words.span(i, cue_end),
        content,
        sentence: sentence.index,
        cue_tokens: (i, cue_end),
    };
    Some((attribution, cue_end))
}

/// "in X's view", "in the view of X", "from X's perspective".
fn view_at(words: &Words<'_>, sentence: Sentence, i: usize) -> Option<(Attribution, usize)> {
    let prep = words.word(i);
    if !matches!(prep, "in" | "from" | "to") {
        return None;
    }
    let fits =
        |j: usize| words.phrase(&LEXICON.views, j).filter(|(_, p)| p.as_str() == prep).map(|(len, _)| len);
    // The cue's last token (exclusive) and where the words after the whole phrase begin.
    let (source, cue_end, after) = if words.word(i + 1) == "the"
        && let Some(len) = fits(i + 2)
        && words.word(i + 2 + len) == "of"
    {
        let (a, b) = phrase_starting_at(words, i + 3 + len, sentence.end)?;
        (words.span(a, b), i + 3 + len, b)
    } else {
        let j = (i + 2..(i + 7).min(sentence.end))
            .find(|&j| words.is_punct(j - 1) || (words.is_possessive(j - 1) && fits(j).is_some()))?;
        if words.is_punct(j - 1) {
            return None;
        }
        let len = fits(j)?;
        (possessor(words, i + 1, j - 1), j + len, j + len)
    };
    let s = sentence.start;
    let rest_is_end = (after..sentence.end).all(|k| words.is_punct(k));
    let content = if i == s && words.word(after) == "," {
        trimmed(words, after + 1, clause_end(words, after + 1, sentence.end))?
    } else if rest_is_end && i > s && words.word(i - 1) == "," {
        trimmed(words, clause_floor(s, i - 1), i - 1)?
    } else {
        trimmed(words, s, sentence.end.min(s + MAX_CLAUSE))?
    };
    let cue = words.span(i, cue_end);
    let attribution = Attribution {
        source: Some(source),
        cue,
        content,
        sentence: sentence.index,
        cue_tokens: (i, cue_end),
    };
    Some((attribution, after))
}
