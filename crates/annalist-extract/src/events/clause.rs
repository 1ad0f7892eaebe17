//! Who did it and to whom: the subject and object of a trigger's clause, read from the
//! actor mentions around it. No participant is invented: each is a mention of the actor
//! layer.

use annalist_core::MentionKind;

use super::lexicon::{ClauseWord, LEXICON};
use super::matcher::{DETERMINERS, PREPOSITIONS};
use super::sentence::SentenceView;
use super::wordlist::WordList;

/// Words that open a new clause when scanning left from a trigger for its subject.
pub(super) const LEFT_BOUNDARIES: WordList = WordList::new(
    1,
    &[
        "that", "which", "who", "whom", "whose", "if", "unless", "when", "whether", "because", "while",
        "although", "though", "whereas", "where", "after", "before", "since", "until", "but", "and", "or",
        "as", "yet", "so",
    ],
);

/// Personal pronouns that may stand for a reporter in its reported clause.
pub(super) const PRONOUNS: WordList = WordList::new(2, &["it", "they", "he", "she", "we"]);

/// Words that close the object of a trigger when scanning right.
pub(super) const RIGHT_BOUNDARIES: WordList = WordList::new(
    3,
    &[
        "which", "who", "whom", "because", "while", "when", "if", "unless", "after", "before", "since",
        "until", "although", "though", "whereas", "but", "saying", "despite", "whether", "where", "so",
        "yet",
    ],
);

/// Words that may stand between a conjunction and a coordinated verb: "and then warned".
pub(super) const ADVERBS: WordList = WordList::new(
    4,
    &[
        "then",
        "also",
        "again",
        "later",
        "further",
        "subsequently",
        "finally",
        "even",
        "quickly",
        "briefly",
        "and",
    ],
);

/// Prepositions that end a noun phrase scanned leftwards from a nominal trigger.
pub(super) const NP_STOPS: WordList = WordList::new(
    5,
    &[
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "to",
        "from",
        "into",
        "over",
        "against",
        "after",
        "following",
        "during",
        "and",
        "or",
        "than",
        "that",
        "which",
        "amid",
        "about",
        "if",
        "unless",
        "whether",
        "when",
        "while",
        "because",
        "as",
        "but",
        "so",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
    ],
);

/// Forms of "be" that make a following participle passive.
pub(super) const BE_FORMS: WordList =
    WordList::new(6, &["is", "are", "was", "were", "been", "being", "be", "get", "got"]);

/// Where a subject was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// Mentions in the clause before the trigger.
    Mentions(Vec<usize>),
    /// None of its own: the trigger is a verb coordinated with the previous one, whose
    /// subject it shares ("Minsk condemned ..., pulled back ... and warned ..."); when there
    /// is no earlier verb, the subject is looked for before the boundary at this token.
    Coordinated(usize),
    /// Only a pronoun the actor layer left unresolved ("they also opposed"): the subject of
    /// the sentence's previous event, when there is one.
    Pronoun,
    /// Nothing found.
    None,
}

/// Words after "and"/"or" that show a new verb phrase rather than a noun: "and warned",
/// "and then", "and has".
pub(super) const VERB_STARTS: WordList = WordList::new(
    7,
    &[
        "then", "also", "again", "later", "has", "have", "had", "is", "are", "was", "were", "will", "would",
        "did", "does", "said", "says", "could", "may", "might", "can", "must", "should",
    ],
);

/// Whether `i` is a left boundary of a clause. "and"/"or" join clauses only after a comma
/// or before a verb ("and warned"); otherwise they join nouns ("Jordan and Britain",
/// "military and civilian personnel").
fn left_boundary(view: &SentenceView<'_>, i: usize) -> bool {
    if view.is_break(i) {
        return true;
    }
    if view.is_word_in(i, AND_OR) {
        let after_comma = i > 0 && view.lower[i - 1] == ",";
        let next_is_verb = i + 1 < view.len()
            && view.mention_at()[i + 1].is_none()
            && (view.is_word_in(i + 1, VERB_STARTS) || view.patterns_of_lemma(i + 1).is_some());
        return after_comma || next_is_verb;
    }
    view.is_word_in(i, LEFT_BOUNDARIES)
}

/// The first group of mentions in `from..to`: the grammatical subject stands first in its
/// clause, objects of an earlier verb later ("The United Nations has sent personnel to
/// Bosnia to investigate"). Mentions at most two words apart form one group ("Palestinian
/// leader Yasser Arafat", "Jordan and Britain").
fn first_group(view: &SentenceView<'_>, from: usize, to: usize) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut last_at = None;
    let mut place = None;
    // The last agent of a participle read so far, and its last token.
    let (mut agent, mut agent_end) = (None, None);
    // Whether a verb stands between two names read so far.
    let mut verb_before = false;
    for k in from..to.min(view.len()) {
        let Some(m) = view.mention_at()[k] else { continue };
        // "US troops in Syria attacked", "Rebels in the Ivory Coast dismissed": a place named
        // after a place preposition says where the subject is, not who it is.
        if place == Some(m)
            || (!out.contains(&m)
                && view.mention_kind(k) == Some(MentionKind::Location)
                && super::after_preposition(view, k, super::PLACE_PREPOSITIONS))
        {
            place = Some(m);
            continue;
        }
        // "Rebels backed by Rwanda attacked", "forces backed by the U.S. and Britain": the
        // agents of a participle set after the subject are not the subject either.
        let joined_to_agent = |end: usize| {
            (end + 1..k).all(|t| {
                view.is_word_in(t, AND_OR) || view.lower[t] == "," || view.is_word_in(t, DETERMINERS)
            })
        };
        if agent == Some(m)
            || (!out.contains(&m) && (agent_of_participle(view, k) || agent_end.is_some_and(joined_to_agent)))
        {
            agent = Some(m);
            agent_end = Some(k);
            continue;
        }
        // An object pronoun is no subject: "telling her the Taliban had banned".
        let object_pronoun = match view.lower[k] {
            "him" | "them" => true,
            "her" => {
                k + 1 < view.len()
                    && (view.is_word_in(k + 1, DETERMINERS) || view.mention_at()[k + 1].is_some())
            }
            _ => false,
        };
        if object_pronoun {
            continue;
        }
        // Not past "by": "Ukraine attacked by Russian drones appealed" names its agent there;
        // nor past another preposition but those of belonging: "The U.S. ambassador to the
        // U.N. said" is the ambassador speaking ("the leader of Hamas", "diplomats from the
        // Group of Seven" are Hamas's and the group's).
        // "Putin visited Vietnam and the Chinese leader met him": past a verb, an "and" that
        // opens a clause of its own starts the group again.
        if let Some(last) = last_at {
            verb_before |= (last + 1..k).any(|t| verb_like(view, t));
            // (The clause's verb, at `to`, may be the one it opens.)
            if verb_before && (last + 1..k).any(|t| opens_clause(view, t, (to + 1).min(view.len()))) {
                out.clear();
            }
        }
        if let Some(last) = last_at
            && ((k > last + 3 && !title_between(view, last + 1, k))
                || (last + 1..k).any(|t| {
                    view.is_word_in(t, BY)
                        || (view.is_word_in(t, PREPOSITIONS)
                            && !view.is_word_in(t, AND_OR)
                            && !matches!(view.lower[t], "of" | "from"))
                }))
        {
            break;
        }
        if !out.contains(&m) {
            out.push(m);
        }
        last_at = Some(k);
    }
    out
}

/// "Greece, Panama and South Korea supported": the comma at `b` that ended the subject's
/// clause (which ends at `end`) is inside a series of names, when the group `found` after it
/// opens right there and joins its names by "and" or "or"; the names before the commas, each
/// alone between two commas or last in its phrase ("Council members Greece"), join the group
/// at its front. Not a place after a preposition ("In Russia, Ukraine and Belarus held
/// talks"), nor the object of a verb or preposition.
fn series_before(view: &SentenceView<'_>, b: usize, end: usize, found: &mut Vec<usize>) {
    let mention_at = view.mention_at();
    let Some(&first) = found.first() else { return };
    let opens_at_comma = mention_at.get(b + 1) == Some(&Some(first));
    let Some(last_of_group) = (b + 1..end).rev().find(|&k| mention_at[k].is_some_and(|m| found.contains(&m)))
    else {
        return;
    };
    let coordinated = (b + 1..last_of_group).any(|k| view.is_word_in(k, AND_OR));
    if found.len() < 2 || !opens_at_comma || !coordinated {
        return;
    }
    let mut comma = b;
    let mut earlier = Vec::new();
    // Bounded like the clause scans, so that time stays linear on endless series.
    while view.lower[comma] == "," && comma > 0 && b - comma < SCAN_LIMIT {
        let Some(m) = mention_at[comma - 1] else { break };
        let mut start = comma - 1;
        while start > 0 && mention_at[start - 1] == Some(m) {
            start -= 1;
        }
        // An object before the comma is no item: "After meeting Russia, Ukraine and ...".
        let object = start
            .checked_sub(1)
            .is_some_and(|p| view.is_word_in(p, PREPOSITIONS) || view.patterns_of_lemma(p).is_some());
        if object || super::after_preposition(view, start, super::PLACE_PREPOSITIONS) || found.contains(&m) {
            break;
        }
        earlier.push(m);
        match start.checked_sub(1) {
            Some(before) if view.lower[before] == "," => comma = before,
            _ => break,
        }
    }
    earlier.reverse();
    found.splice(0..0, earlier);
}

/// Whether the words `from..to` are a title between two mentions ("U.S. Secretary of State
/// Marco Rubio"; see [`super::is_title`]).
fn title_between(view: &SentenceView<'_>, from: usize, to: usize) -> bool {
    from < to && super::is_title((from..to).map(|t| (view.lower[t], view.original_first_char_upper(t))))
}

/// Whether the mention at token `k` follows "by" (and perhaps an article) after a past
/// participle: the agent of a reduced relative ("rebels backed by Rwanda", "forces supported
/// by the U.S. military"). Not "led by": event coders take who leads as the actor ("the
/// coalition government led by Mario Draghi has begun").
fn agent_of_participle(view: &SentenceView<'_>, k: usize) -> bool {
    let by = if k > 0 && view.is_word_in(k - 1, DETERMINERS) { k.checked_sub(2) } else { k.checked_sub(1) };
    by.is_some_and(|by| {
        by > 0 && view.is_word_in(by, BY) && is_participle(view, by - 1) && view.lower[by - 1] != "led"
    })
}

/// Where the modality cues of a trigger may stand: back to the nearest punctuation or clause
/// word, looking past "and"/"or" that join verbs ("can align or clash").
pub(crate) fn modality_scope_start(view: &SentenceView<'_>, at: usize) -> usize {
    let mut j = at;
    while j > 0 && at - j < SCAN_LIMIT {
        j -= 1;
        if view.is_break(j) {
            return j + 1;
        }
        if view.is_word_in(j, LEFT_BOUNDARIES) && !view.is_word_in(j, COORDINATORS) {
            return j;
        }
    }
    j
}

/// How far (in tokens) a scan for clause boundaries goes, so that time stays linear on
/// sentences without punctuation.
const SCAN_LIMIT: usize = 40;

/// Where the subject of a clause in `from..end` starts when the clause is reported speech
/// with no "that" ("Ukraine said Russia attacked Kyiv", "She told VOA she visited"): at the
/// mention right after the last reporting cue of the clause, past the addressee of a verb of
/// telling; right after the cue when an article or quantifier opens a subject naming no
/// one there ("says both sides have committed abuses"). Else `from`: no mention right after
/// the cue ("Russia reportedly attacked Kyiv", "said their forces near Latakia came under
/// attack": the subject names none), or a phrase after the addressee ("told Trump in phone
/// conversations": the trigger is no reported clause's).
fn reported_clause_start(view: &SentenceView<'_>, from: usize, end: usize) -> usize {
    let mention_at = view.mention_at();
    let mention = |t: usize| mention_at.get(t).copied().flatten();
    // The first mention starting at most `reach` words after `k`, before `end`.
    let mention_near = |k: usize, reach: usize| (k..end.min(k + reach + 1)).find(|&t| mention(t).is_some());
    // The reports are in text order: only those starting before `end` are read, from the
    // last back (a long sentence has many).
    let reports = view.reports();
    let before_end = &reports[..reports.partition_point(|&(cue, _)| cue < end)];
    let Some(&(cue, len)) =
        before_end.iter().rev().take_while(|&&(cue, _)| cue >= from).find(|&&(cue, len)| cue + len < end)
    else {
        return from;
    };
    let mut subject_from = cue + len;
    if LEXICON.is_clause_word(view.lower[cue], ClauseWord::Telling) {
        // "told VOA she visited", "told the BBC": whom the verb tells comes first, named or
        // not ("told reporters Russia attacked").
        let addressee =
            if view.is_word_in(subject_from, DETERMINERS) { subject_from + 1 } else { subject_from };
        if addressee >= end {
            return from;
        }
        subject_from = match mention(addressee) {
            Some(named) => {
                let past = (addressee..end).find(|&t| mention(t) != Some(named)).unwrap_or(end);
                if past >= end || view.is_word_in(past, PREPOSITIONS) {
                    return from;
                }
                past
            }
            None => addressee + 1,
        };
    }
    // A determiner and an adjective may come first ("said the Russian army attacked").
    if let Some(named) = mention_near(subject_from, 2) {
        return named;
    }
    // "says the rebels have attacked", "says both sides have committed abuses": a subject
    // that names no one, opened by an article or a quantifier, is not the reporter (a
    // possessive may be: "said their forces came under attack").
    let unnamed = matches!(
        view.lower.get(subject_from).copied(),
        Some("the" | "a" | "an" | "both" | "all" | "some" | "many" | "several" | "most" | "these" | "those")
    );
    if unnamed { subject_from } else { from }
}

/// The subject of a verbal trigger starting at token `anchor`: the first mention group of
/// its clause; past an apposition or an introductory phrase set off by commas when the
/// clause itself names none; the shared subject of coordinated verbs.
pub(crate) fn subject(view: &SentenceView<'_>, anchor: usize) -> Subject {
    if let Some(controller) = object_controller(view, anchor) {
        return Subject::Mentions(controller);
    }
    let mut end = anchor;
    for segment in 0..4 {
        let mut j = end;
        let mut boundary = None;
        while j > 0 && end - j < SCAN_LIMIT {
            j -= 1;
            if left_boundary(view, j) {
                boundary = Some(j);
                break;
            }
        }
        let from = boundary.map_or(j, |b| b + 1);
        // "Iraqi forces, backed by U.S. warplanes, attacked", "the Alliance, headquartered in
        // Copenhagen, was sanctioned": a participle's phrase set off by commas goes with the
        // noun before it; the subject is further left. (Not a phrase the trigger is in: "a
        // crash, triggered by U.S. sanctions".)
        let opens_with_participle = |k: usize| {
            let k = if view.lower[k].ends_with("ly") { k + 1 } else { k };
            k + 1 < end && is_participle(view, k) && view.is_word_in(k + 1, PREPOSITIONS)
        };
        let between_commas = from < end
            && view.lower.get(end).is_some_and(|w| *w == ",")
            && boundary.is_some_and(|b| view.lower[b] == ",");
        // "Russia, a member of the Security Council, condemned", "the Association of African
        // Jurists, a body linked to the Organization of African Unity, investigated": a noun
        // phrase with no verb between two commas is in apposition; what it names after a
        // preposition is no subject.
        let noun_phrase = between_commas
            && view.is_word_in(from, DETERMINERS)
            && !(from..end).any(|k| view.is_word_in(k, VERB_STARTS) || view.patterns_of_lemma(k).is_some());
        let names_after_of = noun_phrase
            && (from..end).find(|&k| view.mention_at()[k].is_some()).is_some_and(|first| {
                (from..first)
                    .any(|k| view.is_word_in(k, PREPOSITIONS) && !matches!(view.lower[k], "and" | "or"))
            });
        let skip = (between_commas && opens_with_participle(from)) || names_after_of;
        if skip && let Some(b) = boundary {
            end = b;
            continue;
        }
        let start = reported_clause_start(view, from, end);
        let mut found = first_group(view, start, end);
        if !found.is_empty() {
            if start == from
                && let Some(b) = boundary
            {
                series_before(view, b, end, &mut found);
            }
            return Subject::Mentions(found);
        }
        let Some(b) = boundary else { return Subject::None };
        let only_adverbs =
            (from..end).all(|k| view.is_word_in(k, ADVERBS) || view.is_word_in(k, VERB_STARTS));
        if segment == 0 && (from..anchor).all(|k| view.is_word_in(k, ADVERBS)) {
            let conjunction = view.is_word_in(b, AND_OR_BUT) || view.lower[b] == ",";
            if conjunction {
                return Subject::Coordinated(b);
            }
        }
        // Look further left only past a comma before a clause with no words of its own
        // (an apposition: "Kenzo Oshima, the coordinator, demanded") or a relative pronoun
        // standing for the noun before it ("guerrillas who overran").
        let relative = view.is_word_in(b, RELATIVES) && b + 1 == anchor;
        // "Ilyas Ali Hassan, a member of the upper house, urged": past a noun phrase in
        // apposition too.
        let apposition = view.lower[b] == "," && (only_adverbs || noun_phrase);
        // "announced that it is prepared to": an unresolved pronoun subject of a reported
        // clause stands for the reporter.
        let pronoun = view.is_word_in(b, THAT)
            && (from..end).any(|k| view.is_word_in(k, PRONOUNS))
            && (from..end).all(|k| {
                view.is_word_in(k, PRONOUNS) || view.is_word_in(k, ADVERBS) || view.is_word_in(k, VERB_STARTS)
            });
        if !pronoun && (from..end).any(|k| view.is_word_in(k, PRONOUNS)) {
            return Subject::Pronoun;
        }
        if !(relative || apposition || pronoun || view.lower[b] == "(" || view.lower[b] == ")") {
            return Subject::None;
        }
        end = b;
    }
    Subject::None
}

/// The subject of an infinitive at `anchor` that is the object of a verb of control before
/// it, or of that verb's preposition (`clause_words.tsv`, `object-control`): "Ankara wants
/// Trump to veto", "Kyiv expects Washington and London to supply", "is looking to Trump to
/// veto". The object's names, joined by "and", "or" or commas, in text order.
fn object_controller(view: &SentenceView<'_>, anchor: usize) -> Option<Vec<usize>> {
    // "to veto", "to either veto", "to quickly supply".
    let adverb = |k: usize| {
        view.is_word_in(k, ADVERBS)
            || view.lower[k].ends_with("ly")
            || matches!(view.lower[k], "either" | "not")
    };
    let to = (anchor.saturating_sub(3)..anchor)
        .rev()
        .take_while(|&k| view.is_word_in(k, super::TO) || adverb(k))
        .find(|&k| view.is_word_in(k, super::TO))?;
    let mention_at = view.mention_at();
    let mut k = to.checked_sub(1)?;
    let mut names = Vec::new();
    // Back over the object's names and what joins them (a few: the walk stays short on a
    // long series with no stop).
    loop {
        let m = mention_at[k]?;
        if names.len() == MAX_CONTROLLED_NAMES {
            return None;
        }
        while k > 0 && mention_at[k - 1] == Some(m) {
            k -= 1;
        }
        names.push(m);
        let joined = k >= 2
            && (view.is_word_in(k - 1, AND_OR) || view.lower[k - 1] == ",")
            && mention_at[k - 2].is_some_and(|o| !names.contains(&o));
        if !joined {
            break;
        }
        k -= 2;
    }
    // Before the names, past an article: the verb, or its preposition after the verb.
    let mut before = k.checked_sub(1)?;
    if view.is_word_in(before, DETERMINERS) {
        before = before.checked_sub(1)?;
    }
    if matches!(view.lower[before], "to" | "on" | "for") {
        before = before.checked_sub(1)?;
    }
    if !LEXICON.is_clause_word(view.lower[before], ClauseWord::ObjectControl) {
        return None;
    }
    names.reverse();
    Some(names)
}

/// How many names joined by "and", "or" or commas [`object_controller`] takes as the object.
const MAX_CONTROLLED_NAMES: usize = 8;

/// Whether the word at `k` may be a past participle: "attacked", "known" (an inflected form
/// that is no present or "-ing" form).
pub(super) fn is_participle(view: &SentenceView<'_>, k: usize) -> bool {
    let word = &view.lower[k];
    word.ends_with("ed") || (view.is_inflected(k) && !word.ends_with('s') && !word.ends_with("ing"))
}

/// Whether the verb at `anchor` is passive ("was attacked"), and then where its "by"
/// agent phrase starts.
pub(crate) fn passive_agent(view: &SentenceView<'_>, anchor: usize, end: usize) -> Option<Option<usize>> {
    if !is_participle(view, anchor) {
        return None;
    }
    let aux = (anchor.saturating_sub(3)..anchor).rev().any(|k| view.is_word_in(k, BE_FORMS));
    if aux {
        return Some((anchor + 1..(end + 4).min(view.len())).find(|&k| view.is_word_in(k, BY)));
    }
    // "soldiers, supported by clan militias,", "rebels backed by Rwanda": a participle with
    // no auxiliary right before "by" and a named agent is passive too (a reduced relative);
    // not "attacked by air" or "supported by voting", where "by" names no one; nor a phrase
    // that ends in its object ("condemned the attack by Ukraine": the attack's agent).
    let by = end + 1;
    if by >= view.len() || !view.is_word_in(by, BY) || (end != anchor && !is_participle(view, end)) {
        return None;
    }
    let (from, to) = object_range(view, by + 1, 8);
    view.mention_at()[from..to].iter().any(Option::is_some).then_some(Some(by))
}

/// The tokens after a trigger up to the end of its clause: `from..to`.
pub(crate) fn object_range(view: &SentenceView<'_>, from: usize, limit: usize) -> (usize, usize) {
    let mut k = from;
    while k < view.len() && k < from + limit {
        if view.is_break(k) || view.is_word_in(k, RIGHT_BOUNDARIES) {
            break;
        }
        k += 1;
    }
    (from, k)
}

/// Where the object of a trigger ends once it has named an actor, in `from..to`: at a clause
/// of its own after the object ("urged Beijing to use its influence with Moscow", "the
/// proposal that is supported by Ukrainians", "Palestinians injured in clashes with the
/// police") or at a reason or charge ("for its invasion of Ukraine", "of genocide"): the
/// actors named there are no party to the event.
pub(crate) fn end_of_object(view: &SentenceView<'_>, from: usize, to: usize) -> Option<usize> {
    let mentions = view.mention_at();
    let first = (from..to).find(|&k| mentions[k].is_some())?;
    let after = (first..to).find(|&k| mentions[k].is_none())?;
    let before_first = (from..first).rev().find(|&k| !view.is_word_in(k, super::matcher::DETERMINERS));
    let addressee = before_first.is_some_and(|k| view.is_word_in(k, super::TO));
    (after..to).find(|&k| {
        if mentions[k].is_some() {
            return false;
        }
        let infinitive = view.is_word_in(k, super::TO)
            && k + 1 < to
            && mentions[k + 1].is_none()
            && view.tokens[k + 1].kind == crate::segment::TokenKind::Word
            && !view.original_first_char_upper(k + 1)
            && !view.is_word_in(k + 1, super::matcher::DETERMINERS);
        let participle = k == after && (view.lower[k].ends_with("ed") || view.lower[k].ends_with("ing"));
        // "sanctions on Russia for its invasion of Ukraine", "over its treatment of": a reason;
        // "accused Beijing of genocide": a charge ("the government of Syria" goes on).
        // (Not after an addressee: "complained to the United Nations over Israeli air raids"
        // complains of the raids.)
        let reason = !addressee
            && (matches!(&*view.lower[k], "for" | "over")
                || (view.lower[k] == "of" && !names_next(view, k + 1, to)));
        infinitive || view.is_word_in(k, THAT) || participle || reason || opens_clause(view, k, to)
    })
}

/// Whether the "and" or "but" at `k` opens a clause of its own: a noun phrase, then its verb
/// before `to` ("visited Vietnam and the Chinese leader met him", "and the number of South
/// Korean tourists rose"). Not a list of names ("visited Vietnam and the Philippines"), nor
/// verbs sharing the subject ("attacked Kyiv and killed ten").
fn opens_clause(view: &SentenceView<'_>, k: usize, to: usize) -> bool {
    if !view.is_word_in(k, AND_OR_BUT) || k + 2 >= to {
        return false;
    }
    // An article opens the new subject: after a bare name the verb may be that of a list
    // ("cooperation between Russia and North Korea is dangerous").
    let first = k + 1;
    if !view.is_word_in(first, DETERMINERS) {
        return false;
    }
    // The verb, a few words on, after at least one word of the phrase past the article ("the
    // armed forces" is a phrase: "armed" stands right after the article).
    (first + 2..to.min(first + OPENED_CLAUSE_REACH))
        .take_while(|&j| !view.is_break(j))
        .any(|j| view.mention_at()[j].is_none() && verb_like(view, j))
}

/// Whether token `k` reads as a finite verb: a form of "be", an auxiliary, or a past form
/// ([`is_participle`]: "met", "rose", "retreated"), but not one in "-ed" that a preposition
/// follows or an article precedes (a participle's phrase or an adjective: "the Philippines
/// based on a shared vision"); no word with a hyphen ("Russian-backed").
fn verb_like(view: &SentenceView<'_>, k: usize) -> bool {
    let word = view.lower[k];
    let participle_phrase = k + 1 < view.len() && view.is_word_in(k + 1, PREPOSITIONS);
    let adjective = k > 0 && view.is_word_in(k - 1, DETERMINERS);
    !word.contains('-')
        && (view.is_word_in(k, BE_FORMS)
            || view.is_word_in(k, super::AUXILIARIES)
            || (is_participle(view, k) && !(word.ends_with("ed") && (participle_phrase || adjective))))
}

/// How far past an "and" [`opens_clause`] looks for the verb of a clause it opens.
const OPENED_CLAUSE_REACH: usize = 8;

/// Whether an actor is named at `k`, after any determiners, before `to`.
fn names_next(view: &SentenceView<'_>, k: usize, to: usize) -> bool {
    (k..to)
        .find(|&j| !view.is_word_in(j, super::matcher::DETERMINERS))
        .is_some_and(|j| view.mention_at()[j].is_some())
}

/// Mentions in the noun phrase before a nominal trigger: "Kyiv's refusal", "the Ukrainian
/// offensive".
pub(crate) fn noun_phrase_owner(view: &SentenceView<'_>, anchor: usize) -> Vec<usize> {
    let mut from = anchor;
    // The mention that owns the phrase by a possessive, once passed: the phrase opens with it
    // ("Trump confirmed Navalny's arrest": Trump is the verb's subject, not the arrest's).
    let mut owner = None;
    while from > 0 && anchor - from < 4 {
        let k = from - 1;
        let mention = view.mention_at()[k];
        if view.is_break(k) || (mention.is_none() && view.is_word_in(k, NP_STOPS)) {
            break;
        }
        if owner.is_some() && mention != owner {
            break;
        }
        if view.is_possessive(k) {
            // The owner is named by the possessive word itself ("Russia's") or right before
            // its mark ("Russia 's"); an owner that is no mention ("his father's release")
            // is read on as before, its own owner being the nearest named.
            owner = mention.or_else(|| k.checked_sub(1).and_then(|p| view.mention_at()[p]));
        }
        from = k;
    }
    view.mentions_in(from, anchor)
}

/// The verb whose object a nominal trigger is: "launched a mediation effort" → "launched".
/// Only determiners and adjectives may stand between them.
pub(crate) fn governing_verb(view: &SentenceView<'_>, anchor: usize) -> Option<usize> {
    let mut k = anchor;
    for _ in 0..3 {
        k = k.checked_sub(1)?;
        let w = view.word(k);
        let modifier = view.is_word_in(k, VERB_OBJECT_MODIFIERS)
            || ["al", "ive", "ic", "ous", "ful", "ary"].iter().any(|s| w.ends_with(s));
        if modifier && view.mention_at()[k].is_none() {
            continue;
        }
        let verb_like = view.tokens[k].kind == crate::segment::TokenKind::Word
            && view.mention_at()[k].is_none()
            && !view.original_first_char_upper(k)
            && !view.is_word_in(k, NP_STOPS)
            && !view.is_word_in(k, BE_FORMS)
            && (w.ends_with("ed")
                || w.ends_with('s')
                || view.is_inflected(k)
                // "is considering sanctions": a progressive.
                || (w.ends_with("ing") && k > 0 && view.is_word_in(k - 1, BE_FORMS)));
        return verb_like.then_some(k);
    }
    None
}

/// Conjunctions that join clauses or nouns.
pub(super) const AND_OR: WordList = WordList::new(20, &["and", "or"]);

/// Conjunctions a modality scan looks past (they join verbs).
pub(super) const COORDINATORS: WordList = WordList::new(21, &["and", "or", "but", "yet", "so"]);

/// Conjunctions before a coordinated verb.
pub(super) const AND_OR_BUT: WordList = WordList::new(22, &["and", "or", "but"]);

/// Relative pronouns standing for the noun before them.
pub(super) const RELATIVES: WordList = WordList::new(23, &["who", "which", "that"]);

/// "That": opens a reported clause.
pub(super) const THAT: WordList = WordList::new(24, &["that"]);

/// "By": opens a passive agent phrase.
pub(super) const BY: WordList = WordList::new(25, &["by"]);

/// Determiners and adjectives that may stand between a verb and a nominalisation it governs.
pub(super) const VERB_OBJECT_MODIFIERS: WordList =
    WordList::new(26, &["the", "a", "an", "its", "their", "his", "her", "new", "further", "fresh"]);
