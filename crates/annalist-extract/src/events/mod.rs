//! Events: who did what to whom, coded with PLOVER types and modes.
//!
//! A coder in the tradition of PETRARCH's verb dictionaries, on the PLOVER ontology
//! (openeventdata/PLOVER): trigger phrases from `data/events/patterns.tsv` are matched over
//! lemmas ([`lemma`]), longest first ([`matcher`]); a verbal act that governs another event
//! phrase takes it as its content ("warned of expelling" is one THREATEN/expel); the source
//! and target are the actor mentions of the trigger's subject and object ([`clause`]:
//! passive "by", coordinated verbs sharing a subject, possessives and demonyms before a
//! nominalisation); the modality comes from cue words ([`modality`]). Every step is a
//! linear pass over a sentence's tokens with hash lookups.

mod clause;
mod lemma;
mod lexicon;
mod matcher;
mod modality;
mod sentence;
mod word_ids;
mod wordlist;

use annalist_core::{
    Actor, ActorKind, Event, EventId, MentionKind, Modality, Participant, PloverType, Resolution, TimeExpr,
};
use chrono::NaiveDate;
use std::cell::OnceCell;

use self::clause::Subject;
use self::lexicon::{ClauseWord, Coding, LEXICON, Lexicon, Roles};
use self::sentence::SentenceView;
use self::wordlist::WordList;
use crate::Context;
use crate::actors::ActorLayer;
use crate::numbered::numbered_id;

/// The PLOVER verbal categories (verbal cooperation and verbal conflict): acts of saying
/// whose content may itself be an event phrase.
const VERBAL: &[PloverType] = &[
    PloverType::Agree,
    PloverType::Consult,
    PloverType::Support,
    PloverType::Concede,
    PloverType::Request,
    PloverType::Accuse,
    PloverType::Reject,
    PloverType::Threaten,
];

/// Words a verbal act and the event phrase it governs may stand apart by.
const COMPLEMENT_WINDOW: usize = 12;

/// Types whose nominalisation's "of" phrase names the actor rather than the one acted upon
/// ("the withdrawal of Serbian forces", "a protest of farmers").
const OF_IS_ACTOR: &[PloverType] =
    &[PloverType::Retreat, PloverType::Mobilize, PloverType::Protest, PloverType::Consult];

/// Types whose nominalisation's "from" phrase names a place left or a body one is put out of
/// ("the withdrawal from Syria", "the deployment from bases", "his release from prison",
/// "expulsion from the party"); for the others it names the actor ("the threat from Canada",
/// "an offer from Afghanistan", "pressure from China").
const FROM_IS_NOT_ACTOR: &[PloverType] = &[PloverType::Retreat, PloverType::Mobilize, PloverType::Coerce];

/// An event being built.
#[derive(Debug, Clone)]
struct Draft {
    sentence: usize,
    /// Token range of the trigger within the sentence, inclusive.
    start: usize,
    end: usize,
    coding: Coding,
    /// PLOVER mode (from the lexicon).
    mode: Option<&'static str>,
    nominal: bool,
    source: Vec<usize>,
    target: Vec<usize>,
    place: Option<usize>,
    modality: Modality,
    intention: bool,
    coordinated: bool,
    /// Read as passive: its grammatical subject is its target.
    passive: bool,
    absorbed: bool,
    /// Which grammatical roles are PLOVER's source and target.
    roles: Roles,
    /// A circumstance of the sentence's main event (see [`drop_circumstances`]).
    circumstance: bool,
}

impl Draft {
    /// The mentions of its grammatical subject, which a coordinated verb or a pronoun after
    /// it shares: the target of a passive ("soldiers, supported by X, attacked").
    fn grammatical_subject(&self) -> &[usize] {
        if self.passive { &self.target } else { &self.source }
    }

    /// A draft of the trigger at tokens `start..=end` of sentence `sentence`, before its
    /// participants and modality are read.
    fn new(
        sentence: usize,
        (start, end): (usize, usize),
        coding: Coding,
        mode: Option<&'static str>,
    ) -> Draft {
        Draft {
            sentence,
            start,
            end,
            coding,
            mode,
            nominal: false,
            source: Vec::new(),
            target: Vec::new(),
            place: None,
            modality: Modality::Asserted,
            intention: false,
            coordinated: false,
            passive: false,
            absorbed: false,
            roles: Roles::Plain,
            circumstance: false,
        }
    }

    fn event_type(&self) -> Option<PloverType> {
        match self.coding {
            Coding::Type(t) => Some(t),
            Coding::Repeat | Coding::Block => None,
        }
    }
}

/// The actor layer with the actor of each mention found at most once per document: the
/// coder asks for it many times per event, and never for most mentions.
struct Cast<'a> {
    /// The actors and their mentions.
    layer: &'a ActorLayer,
    /// Index (into `layer.actors`) of each mention's actor, when the layer lists it; filled
    /// in when first asked for.
    actor_of: Vec<OnceCell<Option<usize>>>,
    /// The [`id_prefix`] of each actor's id (the actors are in order of id), made when first
    /// asked for: the binary search for an id compares numbers, and strings only on a tie.
    id_prefixes: OnceCell<Vec<u64>>,
}

/// The first eight bytes of an id as a big-endian number, zero-padded: a smaller number is a
/// smaller id (a shorter id that is padded is a prefix of the other), equal numbers say
/// nothing.
fn id_prefix(id: &str) -> u64 {
    let mut first = [0u8; 8];
    for (slot, &b) in first.iter_mut().zip(id.as_bytes()) {
        *slot = b;
    }
    u64::from_be_bytes(first)
}

impl<'a> Cast<'a> {
    fn new(layer: &'a ActorLayer) -> Cast<'a> {
        Cast { layer, actor_of: vec![OnceCell::new(); layer.mentions.len()], id_prefixes: OnceCell::new() }
    }

    /// The index of the actor of mention `mention` (equal indices: the same actor).
    fn actor_index(&self, mention: usize) -> Option<usize> {
        let cell = self.actor_of.get(mention)?;
        *cell.get_or_init(|| {
            let actors = &self.layer.actors;
            let prefixes =
                self.id_prefixes.get_or_init(|| actors.iter().map(|a| id_prefix(&a.id.0)).collect());
            let id = &self.layer.mentions[mention].actor;
            let key = id_prefix(&id.0);
            // The ids sharing the prefix, in order (what a binary search by id finds).
            let from = prefixes.partition_point(|&p| p < key);
            let to = from + prefixes[from..].partition_point(|&p| p == key);
            actors[from..to].binary_search_by(|a| a.id.cmp(id)).ok().map(|i| from + i)
        })
    }
}

fn actor<'a>(cast: &Cast<'a>, mention: usize) -> Option<&'a Actor> {
    cast.actor_index(mention).map(|i| &cast.layer.actors[i])
}

/// The country an actor belongs to: its country, else the first three letters of its code.
fn country_of(actor: &Actor) -> Option<&str> {
    actor.country.as_deref().or_else(|| actor.code.as_deref().and_then(|c| c.get(..3)))
}

/// The code of an actor in an event: a person's role code at the document date when known,
/// else the actor's code, else (for a place) its country.
fn participant_code(actor: &Actor, date: Option<NaiveDate>) -> Option<String> {
    if actor.kind == ActorKind::Person
        && let Some(date) = date
        && let Some(role) = actor.roles.iter().find(|r| r.held_on(date))
    {
        return Some(role.code.clone());
    }
    actor.code.clone().or_else(|| actor.country.clone())
}

/// The countries of the contexts of a document's actors: event coders code an actor they do
/// not know by the country the story places it in ("the Homeland Union urged the Lithuanian
/// Parliament": `LTU`). Read on asking, for the few actors that need it (a pass over every
/// mention of every document made the layer an eighth slower).
struct ContextCountries<'c, 'a> {
    sentences: &'c [annalist_core::Span],
    actors: &'c Cast<'a>,
    /// Sentences asked about (by index), each with the one country its mentions name, if they
    /// name exactly one; few a document, so a list (no allocation in most documents).
    sentence_countries: std::cell::RefCell<Vec<(usize, Option<&'a str>)>>,
    /// Actors asked about (by index), each with the country the sentences naming it name most
    /// often (counting those that name one; the earliest such country on a tie).
    actor_countries: std::cell::RefCell<Vec<(usize, Option<&'a str>)>>,
}

impl<'c, 'a> ContextCountries<'c, 'a> {
    fn new(sentences: &'c [annalist_core::Span], actors: &'c Cast<'a>) -> ContextCountries<'c, 'a> {
        ContextCountries {
            sentences,
            actors,
            sentence_countries: Default::default(),
            actor_countries: Default::default(),
        }
    }

    fn sentence(&self, index: usize) -> Option<&'a str> {
        if let Some(&(_, country)) = self.sentence_countries.borrow().iter().find(|(s, _)| *s == index) {
            return country;
        }
        let span = self.sentences.get(index)?;
        let mentions = &self.actors.layer.mentions;
        let first = mentions.partition_point(|m| m.span.start < span.start);
        let mut country: Option<&'a str> = None;
        for m in (first..mentions.len()).take_while(|&m| mentions[m].span.start < span.end) {
            let Some(actor) = actor(self.actors, m) else { continue };
            match (country, actor.country.as_deref()) {
                (Some(c), Some(d)) if c != d => {
                    country = None;
                    break;
                }
                (_, Some(d)) => country = Some(d),
                _ => {}
            }
        }
        self.sentence_countries.borrow_mut().push((index, country));
        country
    }

    fn actor(&self, index: usize) -> Option<&'a str> {
        if let Some(&(_, country)) = self.actor_countries.borrow().iter().find(|(a, _)| *a == index) {
            return country;
        }
        let layer = self.actors.layer;
        let id = &layer.actors[index].id;
        let mut tally: Vec<(&'a str, usize)> = Vec::new();
        for m in layer.mentions.iter().filter(|m| m.actor == *id) {
            let sentence = self.sentences.partition_point(|s| s.end <= m.span.start);
            let Some(country) = self.sentence(sentence) else { continue };
            match tally.iter_mut().find(|(c, _)| *c == country) {
                Some((_, n)) => *n += 1,
                None => tally.push((country, 1)),
            }
        }
        // The first of the most named: `max_by_key` keeps the last of equals.
        let country = tally.iter().rev().max_by_key(|(_, n)| *n).map(|(c, _)| *c);
        self.actor_countries.borrow_mut().push((index, country));
        country
    }

    /// The country of participant `actor` (by index) in an event of sentence `sentence`: the
    /// one the sentence names, when the other sentences naming the actor name it most often
    /// too. Organisations, groups and places only: persons are often named in stories of
    /// other countries.
    fn of(&self, actor: usize, sentence: usize) -> Option<&'a str> {
        let a = &self.actors.layer.actors[actor];
        if a.kind == ActorKind::Person || a.code.is_some() || a.country.is_some() {
            return None;
        }
        self.sentence(sentence).filter(|&c| self.actor(actor) == Some(c))
    }
}

/// Whether mention `m` only qualifies another participant of its side `list`, and so is no
/// participant of its own: a mention inside another that is coded ("Iraq" in "Iraq's interim
/// government", "Ivory Coast" in "Ivory Coast rebels"); a country named just before a body or
/// person of its own, or a title just before its holder, with nothing between but a
/// possessive or capitalised titles ("Palestinian Islamic Jihad", "Russia's Putin", "Pakistan
/// President Zia", "Iranian President Ebrahim Raisi"); an international body between a
/// state's possessive and a post at it ("Iran's U.N. mission"); the possessor of allies or
/// critics (see [`owns_relation`]); or a mention that only modifies the noun after it (see
/// [`modifies_by_hyphen`]). Left as participants: a country beside another actor ("Russia
/// and Russian forces", "Iran, Iraqi officials").
fn qualifies_other(text: &str, actors: &Cast<'_>, list: &[usize], m: usize, date: Option<NaiveDate>) -> bool {
    let mentions = &actors.layer.mentions;
    let span = mentions[m].span;
    // The outer mention must be coded itself, or the inner one says more ("Commerce" in
    // "Commerce chief", a person the actor layer could not code).
    let inside = |o: usize| {
        let outer = mentions[o].span;
        outer != span
            && outer.start <= span.start
            && span.end <= outer.end
            && actor(actors, o).is_some_and(|a| has_own_code(a, date))
    };
    if list.iter().any(|&o| inside(o)) || modifies_by_hyphen(text, span) || owns_relation(text, span) {
        return true;
    }
    // "Iran's U.N. mission", "China's U.N. ambassador", "his U.N. mission": an international
    // body between a state's or a pronoun's possessive and a post at it (`words.tsv`,
    // `forum-post`) says where the post is, not who acts. (Read only of international bodies.)
    let international =
        actor(actors, m).and_then(|a| a.code.as_deref()).is_some_and(|c| c.starts_with("IGO"));
    if international && before_forum_post(text, span) && after_possessive(text, actors, list, span) {
        return true;
    }
    // A state qualifies a body or person of its own; a title ("Iranian President", "U.S.
    // Secretary of State": a description of a body) the person it stands before.
    let Some(qualifier) = actor(actors, m).filter(|a| a.kind != ActorKind::Person) else { return false };
    let Some(own) = participant_code(qualifier, date) else { return false };
    let state = qualifier.kind == ActorKind::State;
    list.iter().any(|&o| {
        let next = mentions[o].span;
        next.start >= span.end
            && text.get(span.end..next.start).is_some_and(only_qualifiers)
            && actor(actors, o).is_some_and(|other| {
                participant_code(other, date).is_some_and(|code| {
                    code.starts_with(&own)
                        && ((state && code.len() > own.len()) || other.kind == ActorKind::Person)
                })
            })
    })
}

/// Whether mention `m` of a side `list` only says where a coded participant of the side
/// before it is (see [`follows_place_preposition`]). After an actor with no code, the place
/// says at least where it is ("Moslem forces in east Bosnia", "jailed Jimmy Lai in Hong
/// Kong"); places after places are a list ("killing in Ukraine and in Russia").
fn places_other(text: &str, actors: &Cast<'_>, list: &[usize], m: usize, date: Option<NaiveDate>) -> bool {
    let mentions = &actors.layer.mentions;
    let span = mentions[m].span;
    follows_place_preposition(text, mentions[m].kind, span)
        && list.iter().any(|&o| {
            mentions[o].span.end <= span.start
                && actor(actors, o).is_some_and(|a| has_own_code(a, date))
                && !follows_place_preposition(text, mentions[o].kind, mentions[o].span)
        })
}

/// Whether a mention of `kind` at `span` is a country or place right after a place
/// preposition, or after one and one more word ("in Lebanon", "near the Polish border"). After
/// a coded participant of its side it says where that one is, no participant itself
/// ("attacked Hamas positions in Lebanon", "Russian forces in Syria attacked"); named alone, it
/// is the participant ("strikes in Lebanon").
fn follows_place_preposition(text: &str, kind: MentionKind, span: annalist_core::Span) -> bool {
    if kind != MentionKind::Location {
        return false;
    }
    // Read from a short window before the mention (a long run with no space is not walked
    // back over), less a word the window may cut.
    let mut from = span.start.saturating_sub(PLACE_WINDOW_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..span.start).unwrap_or("");
    let before =
        if from == 0 { window } else { window.split_once(char::is_whitespace).map_or("", |(_, rest)| rest) };
    before
        .split_whitespace()
        .rev()
        .take(2)
        .take_while(|word| word.chars().all(char::is_alphabetic))
        .any(|word| PLACE_PREPOSITIONS.words.contains(&word))
}

/// How many bytes before a mention [`follows_place_preposition`] reads: room for a
/// preposition and one more word ("near the Polish border").
const PLACE_WINDOW_BYTES: usize = 48;

/// Whether a post at an international body (`words.tsv`, `forum-post`) follows the mention at
/// `span`, in lower case: "U.N. mission", "NATO bid".
fn before_forum_post(text: &str, span: annalist_core::Span) -> bool {
    text.get(span.end..).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|rest| {
        let word = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        word.starts_with(char::is_lowercase) && crate::actors::is_forum_post(word)
    })
}

/// Whether the mention at `span` follows a possessive pronoun ("his U.N. mission") or the
/// possessive of a state on its side `list` ("Iran's U.N. mission").
fn after_possessive(text: &str, actors: &Cast<'_>, list: &[usize], span: annalist_core::Span) -> bool {
    let pronoun = text.get(..span.start).is_some_and(|before| {
        let word = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        ["his", "her", "its", "their"].iter().any(|p| word.eq_ignore_ascii_case(p))
    });
    pronoun
        || list.iter().any(|&o| {
            let owner = actors.layer.mentions[o].span;
            owner.end <= span.start
                && text.get(owner.end..span.start).is_some_and(|gap| POSSESSIVE_MARKS.contains(&gap))
                && actor(actors, o).is_some_and(|a| a.kind == ActorKind::State)
        })
}

/// How a possessive ends a name, with the space after it: "Iran's ", "the United States' ".
const POSSESSIVE_MARKS: [&str; 4] = ["'s ", "\u{2019}s ", "' ", "\u{2019} "];

/// Whether the mention at `span` is a possessor of people in a relation to it who are not it
/// (`words.tsv`, `relation-noun`), with at most two words between: "Ukraine's Western allies
/// pledged aid", "Russia's neighbors condemned", "the United States' biggest trading
/// partners".
fn owns_relation(text: &str, span: annalist_core::Span) -> bool {
    let Some(rest) = text.get(span.end..) else { return false };
    let Some(rest) = POSSESSIVE_MARKS.iter().find_map(|p| rest.strip_prefix(p)) else { return false };
    rest.split(' ')
        .take(3)
        .map(|word| word.trim_end_matches(|c: char| !c.is_alphabetic()))
        .take_while(|word| !word.is_empty() && word.chars().all(char::is_alphabetic))
        .any(|word| word.starts_with(char::is_lowercase) && crate::actors::is_relation_noun(word))
}

/// Whether the mention at `span` is joined by a hyphen to a lower-case word after it, and so
/// modifies the noun that follows rather than naming it: "U.S.-backed forces attacked",
/// "Iran-allied militias", "the Israeli-occupied West Bank", "a London-based group". Not
/// "-led": event coders take who leads as the actor ("a Saudi-led coalition bombed").
fn modifies_by_hyphen(text: &str, span: annalist_core::Span) -> bool {
    let Some(after) = text.get(span.end..).and_then(|rest| rest.strip_prefix('-')) else { return false };
    let word_end = after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len());
    let word = &after[..word_end];
    word.starts_with(|c: char| c.is_lowercase()) && word != "led"
}

/// Whether the text between two mentions holds nothing but a possessive and a title (see
/// [`is_title`]) of words of letters and hyphens ("President", "Foreign Minister",
/// "Secretary-General", "Secretary of State").
fn only_qualifiers(gap: &str) -> bool {
    let gap = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("\u{2019}s")).unwrap_or(gap);
    // (A title of five words is far shorter: a long gap is not read word by word.)
    if gap.len() > MAX_TITLE_BYTES || !(gap.is_empty() || gap.starts_with(char::is_whitespace)) {
        return false;
    }
    let capitalised =
        |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-');
    is_title(gap.split_whitespace().map(|w| (w, capitalised(w))))
}

/// Whether `words` (each lower case or as written, with whether it is capitalised) are a
/// title of at most five words between two names: capitalised but for the connectors of
/// [`TITLE_CONNECTORS`] inside it. No words at all pass too (two names with nothing or only a
/// possessive between).
pub(super) fn is_title<'w>(words: impl Iterator<Item = (&'w str, bool)>) -> bool {
    let mut last_capitalised = true;
    for (n, (word, capitalised)) in words.enumerate() {
        if n >= 5 || (n == 0 && !capitalised) || !(capitalised || TITLE_CONNECTORS.contains(&word)) {
            return false;
        }
        last_capitalised = capitalised;
    }
    last_capitalised
}

/// The longest gap between two mentions read as a title by [`only_qualifiers`], in bytes.
const MAX_TITLE_BYTES: usize = 80;

/// Lower-case words inside a title: "Secretary of State", "Minister for Foreign Affairs",
/// "Commander of the Armed Forces".
const TITLE_CONNECTORS: [&str; 3] = ["of", "for", "the"];

/// Whether [`participant_code`] finds a code for `actor` at `date` (asked without making it).
fn has_own_code(actor: &Actor, date: Option<NaiveDate>) -> bool {
    (actor.kind == ActorKind::Person && date.is_some_and(|date| actor.roles.iter().any(|r| r.held_on(date))))
        || actor.code.is_some()
        || actor.country.is_some()
}

/// Codes the events of a document, in text order.
pub fn code(cx: &Context<'_>, layer: &ActorLayer, timexes: &[TimeExpr]) -> Vec<Event> {
    let actors = &Cast::new(layer);
    let mut drafts: Vec<Draft> = Vec::new();
    let lower_text = cx.segmentation.lowered();
    let mut non_ascii = String::new();
    let unfinished = sentence::DocWords::read(cx, lower_text, &mut non_ascii);
    let doc = sentence::DocWords::finish(unfinished, &non_ascii);
    let all_tokens = &cx.segmentation.tokens;
    let mut ranges = Vec::with_capacity(cx.segmentation.sentences.len());
    let buffers = std::cell::RefCell::new(sentence::SentenceBuffers::default());
    let mut matches = Vec::new();
    let mut start = 0;
    for index in 0..cx.segmentation.sentences.len() {
        // Tokens are in sentence order: the sentence's tokens follow the previous one's.
        let len = doc
            .sentence_len(index)
            .unwrap_or_else(|| all_tokens[start..].iter().take_while(|t| t.sentence <= index).count());
        let range = start..start + len;
        start = range.end;
        let view = SentenceView::new(cx, &doc, index, range.clone(), &layer.mentions, &buffers);
        let first = drafts.len();
        if view.has_anchor {
            code_sentence(&view, index, actors, &mut matches, &mut drafts);
        }
        resolve_repeats(&mut drafts, first, actors);
        ranges.push(range);
    }
    let date = cx.dct.map(|d| d.date);
    let context = ContextCountries::new(&cx.segmentation.sentences, actors);
    // One event per draft left with a type: no growing (and moving) of the list.
    let mut events =
        Vec::with_capacity(drafts.iter().filter(|d| !d.absorbed && d.event_type().is_some()).count());
    for d in drafts.iter().filter(|d| !d.absorbed) {
        let Some(event_type) = d.event_type() else { continue };
        let tokens = &all_tokens[ranges[d.sentence].clone()];
        let trigger = annalist_core::Span::new(tokens[d.start].span.start, tokens[d.end].span.end);
        let participants = |list: &[usize]| -> Vec<Participant> {
            // A side with a coded actor is that actor's: the others beside it are in apposition
            // to it or go with it ("Kenzo Oshima, the United Nations coordinator").
            let side_coded = list.iter().any(|&m| actor(actors, m).is_some_and(|a| has_own_code(a, date)));
            let qualified: Vec<usize> =
                list.iter().copied().filter(|&m| !qualifies_other(cx.text, actors, list, m, date)).collect();
            let kept: Vec<usize> = qualified
                .iter()
                .copied()
                .filter(|&m| !places_other(cx.text, actors, &qualified, m, date))
                .collect();
            kept.iter()
                .enumerate()
                .filter_map(|(n, &m)| {
                    let index = actors.actor_index(m)?;
                    // An actor named twice on a side ("banned her book" after "her") is one
                    // participant, at its first mention.
                    if kept[..n].iter().any(|&o| actors.actor_index(o) == Some(index)) {
                        return None;
                    }
                    let a = &actors.layer.actors[index];
                    let own = participant_code(a, date);
                    let context =
                        (own.is_none() && !side_coded).then(|| context.of(index, d.sentence)).flatten();
                    Some(Participant {
                        actor: a.id.clone(),
                        span: actors.layer.mentions[m].span,
                        code_from_context: context.is_some(),
                        code: own.or_else(|| context.map(str::to_owned)),
                    })
                })
                .collect()
        };
        events.push(Event {
            id: EventId(numbered_id('e', events.len() + 1)),
            event_type,
            mode: d.mode.map(str::to_owned),
            source: participants(&d.source),
            target: participants(&d.target),
            trigger,
            modality: d.modality,
            time: crate::time::attach(cx, timexes, trigger),
            place: d.place.and_then(|m| actor(actors, m)).map(|a| a.id.clone()),
            sentence: d.sentence,
        });
    }
    events
}

/// Finds, reads and links the events of one sentence, appending them to `drafts`; `matches` is
/// a buffer for the sentence's trigger matches.
fn code_sentence(
    view: &SentenceView<'_>,
    sentence: usize,
    actors: &Cast<'_>,
    matches: &mut Vec<matcher::Match>,
    drafts: &mut Vec<Draft>,
) {
    let lex: &'static Lexicon = &LEXICON;
    matcher::find(view, matches);
    let first = drafts.len();
    for m in matches.iter() {
        let pattern = &lex.patterns[m.pattern];
        if market_demand(view, m.start) {
            continue;
        }
        drafts.push(Draft {
            nominal: m.nominal,
            roles: pattern.roles,
            ..Draft::new(sentence, (m.start, m.end), pattern.coding, pattern.mode.as_deref())
        });
    }
    reported_obligations(view, sentence, drafts, first);
    absorb_complements(view, &mut drafts[first..]);
    drop_circumstances(view, &mut drafts[first..]);
    let mut previous: Option<usize> = None;
    for k in first..drafts.len() {
        if drafts[k].absorbed {
            continue;
        }
        let (before, rest) = drafts.split_at_mut(k);
        let earlier = previous.map(|p| &before[p]);
        read_participants(view, actors, &mut rest[0], earlier);
        read_modality(view, &mut rest[0], earlier);
        previous = Some(k);
    }
    merge_elaborations(view, &mut drafts[first..]);
    for d in drafts[first..].iter_mut().filter(|d| !d.absorbed) {
        recode_intention(d);
        drop_self_targets(actors, d);
        if d.target.is_empty() && d.event_type() == Some(PloverType::Mobilize) {
            d.target = nearest_other_actor(view, actors, d).into_iter().collect();
        }
    }
}

/// "The Bush administration declared that China must drop barriers": an obligation laid on
/// someone in reported speech is a demand by the speaker (REQUEST, triggered by the
/// reporting verb); what must be done is its content, not an event of its own.
fn reported_obligations(view: &SentenceView<'_>, sentence: usize, drafts: &mut Vec<Draft>, first: usize) {
    let lex: &'static Lexicon = &LEXICON;
    let reporting = |k: usize| {
        lex.cues
            .iter()
            .any(|c| c.modality == Modality::Reported && c.words.len() == 1 && c.words[0] == view.lower[k])
    };
    if !view.has_word_in(MUST) {
        return;
    }
    for m in 0..view.len() {
        if !view.is_word_in(m, MUST) || view.is_word_in(m + 1, NOT_A_DEMAND) {
            continue;
        }
        let Some(r) = (0..m).rev().take(40).take_while(|&k| !view.is_break(k)).find(|&k| reporting(k)) else {
            continue;
        };
        let (_, clause_end) = clause::object_range(view, m + 1, 40);
        let mut mode = None;
        for d in drafts[first..].iter_mut().filter(|d| d.start > r && d.start < clause_end) {
            if mode.is_none()
                && let Some(t) = d.event_type()
            {
                mode = lex.complement_mode(PloverType::Request, t, d.mode);
            }
            d.absorbed = true;
        }
        let at = first + drafts[first..].partition_point(|d| d.start < r);
        drafts.insert(at, Draft::new(sentence, (r, r), Coding::Type(PloverType::Request), mode));
    }
}

/// A verbal act followed closely in its clause by another event phrase takes that phrase as
/// its content: the phrase is not coded apart, and it gives the act its mode.
fn absorb_complements(view: &SentenceView<'_>, drafts: &mut [Draft]) {
    let lex: &'static Lexicon = &LEXICON;
    for k in 0..drafts.len() {
        if drafts[k].absorbed {
            continue;
        }
        let Some(verbal) = drafts[k].event_type().filter(|t| VERBAL.contains(t)) else { continue };
        let mut j = k + 1;
        while j < drafts.len() {
            let (a_end, b_start) = (drafts[k].end, drafts[j].start);
            if b_start > a_end + COMPLEMENT_WINDOW {
                break;
            }
            // "refused to allow the planes to land and evacuate": "and" before a bare verb
            // after an infinitive's "to" joins verbs of one infinitive, not clauses.
            let infinitive_conjunct = b_start > a_end + 1
                && view.is_word_in(b_start - 1, clause::AND_OR)
                && !view.is_inflected(b_start)
                && (a_end + 1..b_start - 1).any(|t| view.is_word_in(t, TO));
            let gap_clear = (a_end + 1..b_start).all(|t| {
                !view.is_break(t)
                    && (!view.is_word_in(t, CLAUSE_JOINERS) || (infinitive_conjunct && t == b_start - 1))
            });
            if !gap_clear {
                break;
            }
            let Some(embedded) = drafts[j].event_type() else { break };
            if drafts[k].event_type() == Some(PloverType::Agree)
                && lex.intentions.get(&embedded) == Some(&PloverType::Threaten)
            {
                // Willingness to do harm is a threat: "is prepared to impose martial law".
                drafts[k].coding = Coding::Type(PloverType::Threaten);
                drafts[k].mode = None;
            }
            let verbal = drafts[k].event_type().unwrap_or(verbal);
            if drafts[k].mode.is_none() {
                drafts[k].mode = lex.complement_mode(verbal, embedded, drafts[j].mode);
            }
            if b_start <= a_end + 2 {
                // "warned of expelling", "refused to recognize": one trigger.
                drafts[k].end = drafts[j].start;
            }
            drafts[j].absorbed = true;
            j += 1;
        }
    }
}

/// Prepositions and subordinators that make a phrase a circumstance of the sentence's main
/// event ("after fierce fighting", "in protest of the arrest", "because of fighting").
pub(super) const CIRCUMSTANCE: WordList = WordList::new(
    0,
    &[
        "between",
        "among",
        "like",
        "including",
        "without",
        "toward",
        "towards",
        "after",
        "following",
        "during",
        "amid",
        "despite",
        "since",
        "before",
        "because",
        "of",
        "over",
        "in",
        "for",
        "against",
        "about",
        "on",
        "with",
        "from",
        "to",
        "by",
        "under",
        "into",
        "at",
        "than",
    ],
);

/// Words a noun phrase may hold between its preposition and its head.
fn in_noun_phrase(view: &SentenceView<'_>, k: usize) -> bool {
    view.mention_at()[k].is_some()
        || view.is_possessive(k)
        || view.tokens[k].kind == crate::segment::TokenKind::Number
        || (view.tokens[k].kind == crate::segment::TokenKind::Word
            && !view.is_word_in(k, CIRCUMSTANCE)
            && !view.is_word_in(k, NOUN_PHRASE_ENDS))
}

/// Whether a draft is a circumstance rather than a main predication: a noun or gerund
/// inside a prepositional phrase ("after fierce fighting", "in protest of the arrest"), a
/// purpose infinitive after another event ("shunned work to protest"), an event in a
/// relative clause ("which is preparing an offensive") or in the reasons a speaker gives
/// (", saying he must resign").
fn is_circumstance(view: &SentenceView<'_>, d: &Draft, earlier_event: Option<EarlierEvent>) -> bool {
    let word = view.word(d.start);
    let inflected_verb =
        !d.nominal && (word.ends_with("ed") || (word.ends_with('s') && view.is_inflected(d.start)));
    let mut k = d.start;
    let mut named = false;
    while k > 0 && d.start - k < 5 {
        k -= 1;
        if view.is_word_in(k, CIRCUMSTANCE) {
            // "after Kyiv refused" is a clause, "after fierce fighting" a phrase.
            if !(inflected_verb && named) {
                return true;
            }
            break;
        }
        if view.is_break(k) || !in_noun_phrase(view, k) {
            break;
        }
        named |= view.mention_at()[k].is_some() || view.original_first_char_upper(k);
    }
    if let Some(earlier) = earlier_event {
        if d.start >= 1 && view.is_word_in(d.start - 1, TO) {
            return true;
        }
        if earlier.first_reason.is_some_and(|k| k <= d.start) {
            return true;
        }
    }
    let mut k = d.start;
    while k > 0 && d.start - k < 30 {
        k -= 1;
        if view.is_break(k) {
            break;
        }
        if view.is_word_in(k, RELATIVE_PRONOUNS) {
            return true;
        }
    }
    false
}

/// What a sentence's first event tells the events after it (see [`is_circumstance`]).
#[derive(Debug, Clone, Copy)]
struct EarlierEvent {
    /// The first word giving a speaker's reasons (", saying ...") at or after the first
    /// event's end.
    first_reason: Option<usize>,
}

/// Drops the circumstances of a sentence when it has a main event; when it has none, the
/// first circumstance stands for the sentence.
fn drop_circumstances(view: &SentenceView<'_>, drafts: &mut [Draft]) {
    let mut earlier: Option<EarlierEvent> = None;
    for d in drafts.iter_mut() {
        if d.absorbed {
            continue;
        }
        d.circumstance = is_circumstance(view, d, earlier);
        earlier.get_or_insert_with(|| EarlierEvent {
            // Found once a sentence: asked of each later event, a walk from the first event
            // to each would be quadratic in a long sentence of many.
            first_reason: if view.has_word_in(GIVING_REASONS) {
                (d.end..view.len()).find(|&k| view.is_word_in(k, GIVING_REASONS))
            } else {
                None
            },
        });
    }
    let has_main = drafts.iter().any(|d| !d.absorbed && !d.circumstance);
    let mut kept_one = has_main;
    for d in drafts.iter_mut() {
        if d.absorbed || !d.circumstance {
            continue;
        }
        if kept_one {
            d.absorbed = true;
        } else {
            kept_one = true;
        }
    }
}

/// Whether the noun "demand" at `at` is a market's ("an increased demand for books", "world
/// electricity demand", "keep up with demand", "supply and demand"), no one's request: after
/// a word of quantity or of a market, or after "with" or "meet" (`before-market-demand` in
/// `clause_words.tsv`), or after "supply and". (Words as written, not patterns: after a
/// determiner "increased" keeps its form, and a pattern of inflected forms would make them
/// lemmas of their own.)
fn market_demand(view: &SentenceView<'_>, at: usize) -> bool {
    if !matches!(view.lower[at], "demand" | "demands") || at == 0 {
        return false;
    }
    let before = view.lower[at - 1];
    LEXICON.is_clause_word(before, ClauseWord::BeforeMarketDemand)
        || (before == "and" && at >= 2 && view.lower[at - 2] == "supply")
}

/// "Blinken assured visiting Australian Foreign Minister Marise Payne", "welcomed the
/// visiting Chinese president": "visiting" after a determiner or a past verb, right before a
/// mention that is no place named by its name, is an adjective of the visitor it names; the
/// host is the clause's subject, as "hosted" reads them. ("Xi began visiting Russia": the
/// place is where he goes.)
fn attributive_visiting(view: &SentenceView<'_>, actors: &Cast<'_>, d: &Draft) -> bool {
    let at = d.start;
    if d.nominal || d.start != d.end || at == 0 || view.lower[at] != "visiting" {
        return false;
    }
    let Some(visitor) =
        view.mention_at().get(at + 1..(at + 3).min(view.len())).and_then(|m| m.iter().flatten().next())
    else {
        return false;
    };
    let mention = &actors.layer.mentions[*visitor];
    let place = mention.kind == MentionKind::Location && mention.resolution != Resolution::Demonym;
    !place
        && (view.is_word_in(at - 1, matcher::DETERMINERS)
            || (clause::is_participle(view, at - 1) && !view.is_word_in(at - 1, clause::BE_FORMS)))
}

/// Source, target and place of a draft.
fn read_participants(view: &SentenceView<'_>, actors: &Cast<'_>, d: &mut Draft, previous: Option<&Draft>) {
    if attributive_visiting(view, actors, d) {
        d.roles = Roles::Reversed;
    }
    let limit = if d.nominal { 7 } else { 20 };
    let (from, mut to) = clause::object_range(view, d.start + 1, limit);
    if d.nominal {
        // A nominalisation's own phrase ends at the verb it is the subject of: "Kyiv's refusal
        // to recognize the election angered Minsk".
        to = (d.end + 1..to)
            .find(|&k| {
                view.mention_at()[k].is_none()
                    && (view.lower[k].ends_with("ed") || view.is_word_in(k, AUXILIARIES))
            })
            .unwrap_or(to);
    }
    if let Some(conjunction) = end_of_place_list(view, actors, from, to) {
        to = conjunction;
    }
    if let Some(end) = clause::end_of_object(view, from, to) {
        to = end;
    }
    let mut object = view.mentions_in(from, to);
    let mut agent_from = None;
    // A verb of undergoing whose object the trigger is, up to three words before it past
    // adjectives ("faced criticism", "received widespread praise"); not across "to" ("faced
    // pressure to withdraw": the withdrawal is the subject's own).
    let undergoing = (d.start.saturating_sub(3)..d.start).rev().find(|&k| {
        LEXICON.is_clause_word(view.lower[k], ClauseWord::Undergoing)
            && (k + 1..d.start)
                .all(|j| view.mention_at()[j].is_none() && !view.is_break(j) && view.lower[j] != "to")
    });
    if let Some(verb) = undergoing
        && d.roles != Roles::Undergoer
    {
        // "the constitution is facing criticism from legal experts": the subject of a verb of
        // undergoing is the target, as with "came under attack" below.
        d.target = match clause::subject(view, verb) {
            Subject::Mentions(m) => m,
            _ => Vec::new(),
        };
        d.source = agents_of_undergoing(view, from, to);
        object.retain(|m| !d.source.contains(m) && !d.target.contains(m));
    } else if d.nominal {
        d.source = clause::noun_phrase_owner(view, d.start);
        // "the Jeddah talks", "the Kursk offensive": a place named before the noun says where,
        // not who.
        d.source.retain(|&m| actor(actors, m).is_none_or(|a| a.kind != ActorKind::Location));
        if d.roles == Roles::Undergoer {
            // "Navalny's arrest", "his father's release": the owner undergoes the act, and an
            // "of" phrase, when there is one, names who does ("China's release of Lai"): then
            // the owner acts. "By" names who acts too ("the arrest of Navalny by police").
            match (from..to).find(|&k| view.lower[k] == "of") {
                Some(of) => d.target = view.mentions_in(of + 1, to),
                None => d.target = std::mem::take(&mut d.source),
            }
            if let Some(by) = (from..to).find(|&k| view.lower[k] == "by") {
                d.source = view.mentions_in(by + 1, to);
            }
            object.retain(|m| !d.source.contains(m));
        }
        // "the offensive by Ukraine"; "the withdrawal of Serbian forces"; "the threat from
        // Canada" (right after the noun only).
        let event_type = d.event_type();
        let after_noun = d.end + 1;
        let agent_marker = |k: usize| {
            let of_actor = view.lower[k] == "of" && event_type.is_some_and(|t| OF_IS_ACTOR.contains(&t));
            let from_actor = view.lower[k] == "from"
                && k == after_noun
                && event_type.is_some_and(|t| !FROM_IS_NOT_ACTOR.contains(&t))
                && view.mention_at().get(k + 1).is_some_and(Option::is_some);
            view.lower[k] == "by" || of_actor || from_actor
        };
        let undergone = d.roles == Roles::Undergoer;
        // A marker right after the noun names who does it, before the subject of a verb
        // governing the noun would: "to alleviate the threat from Canada".
        let named_right_after = !undergone && after_noun < to && agent_marker(after_noun);
        let governing = clause::governing_verb(view, d.start);
        if d.source.is_empty()
            && !named_right_after
            && let Some(verb) = governing
            && let Subject::Mentions(m) = clause::subject(view, verb)
        {
            // "launched a mediation effort": the object of a light verb is done by its subject.
            d.source = m;
        }
        if d.source.is_empty() && !undergone {
            agent_from = (from..to).find(|&k| agent_marker(k));
        }
    } else if let Some(by) = clause::passive_agent(view, d.start, d.end) {
        // Passive: the grammatical subject is acted upon; after a comma, the noun the
        // participle's phrase is set beside ("soldiers, supported by the U.S. military,").
        d.passive = true;
        match clause::subject(view, d.start) {
            Subject::Mentions(m) => d.target = m,
            Subject::Coordinated(comma) if view.lower[comma] == "," => {
                if let Subject::Mentions(m) = clause::subject(view, comma) {
                    d.target = m;
                }
            }
            _ => {}
        }
        agent_from = by;
        if agent_from.is_none() {
            object.clear();
        }
    } else {
        match clause::subject(view, d.start) {
            Subject::Mentions(m) => d.source = m,
            Subject::Coordinated(boundary) => match previous {
                Some(p) => {
                    d.source = p.grammatical_subject().to_vec();
                    d.coordinated = true;
                }
                None => {
                    // "Kenzo Oshima, the coordinator, demanded": an apposition, not a list.
                    if let Subject::Mentions(m) = clause::subject(view, boundary) {
                        d.source = m;
                    }
                }
            },
            Subject::Pronoun => {
                if let Some(p) = previous {
                    d.source = p.grammatical_subject().to_vec();
                }
            }
            Subject::None => {}
        }
    }
    if let Some(k) = agent_from {
        let (_, end) = clause::object_range(view, k + 1, 8);
        let agents = view.mentions_in(k + 1, end);
        object.retain(|m| !agents.contains(m));
        d.source = agents;
    }
    if d.target.is_empty() {
        d.target = object;
    }
    d.target.retain(|m| !d.source.contains(m));
    // A place: a location named after "in", "at", "near" in the clause.
    let place = (from..to).find_map(|k| {
        let m = view.mention_at()[k]?;
        let after_preposition = after_preposition(view, k, PLACE_PREPOSITIONS);
        if !after_preposition || actors.layer.mentions[m].kind != MentionKind::Location {
            // Decided before the actor is looked up: most mentions are no place.
            return None;
        }
        (actor(actors, m)?.kind == ActorKind::Location).then_some(m)
    });
    if let Some(p) = place {
        d.place = Some(p);
        if d.target.len() > 1 {
            d.target.retain(|&m| m != p);
        }
    }
    // Where a meeting is held is no party to it: "met in Geneva", "hosted Hashimoto in
    // Moscow". (PLOVER's gold codes the place of an attack as its target, so only meetings.)
    // ("in the Red Sea port city of Jeddah": a place named after "city of" in such a phrase
    // is one too; "visited the city of Jeddah" names where the visit went.)
    let locative = |m: usize| {
        let k = (from..to).find(|&k| view.mention_at()[k] == Some(m));
        k.is_some_and(|k| {
            after_preposition(view, k, MEETING_PLACE_PREPOSITIONS)
                || (k >= 2
                    && view.lower[k - 1] == "of"
                    && crate::actors::word_is(view.word(k - 2), crate::actors::WordClass::PlaceNoun)
                    && (k.saturating_sub(7)..k - 2).any(|j| view.is_word_in(j, MEETING_PLACE_PREPOSITIONS)))
        })
    };
    if d.event_type() == Some(PloverType::Consult) {
        d.target.retain(|&m| !locative(m));
    }
    // "the Doha agreement", "the Minsk accords": a city named before such a noun names the
    // thing, not a party to the event.
    let names_a_thing = |m: usize| {
        let mention = &actors.layer.mentions[m];
        let city = mention.resolution == Resolution::Metonym
            || actor(actors, m).is_some_and(|a| a.kind == ActorKind::Location);
        // The word after the mention: found by its place in the text, not by a walk over the
        // sentence (a long sentence has many events).
        let after = view.tokens.partition_point(|t| t.span.start < mention.span.end);
        city && view
            .lower
            .get(after)
            .is_some_and(|next| LEXICON.is_clause_word(next, ClauseWord::NamedAfterAPlace))
    };
    d.source.retain(|&m| !names_a_thing(m));
    d.target.retain(|&m| !names_a_thing(m));
    // "deported 173 people to Turkey", "deported detainees from Guantanamo Bay to Honduras":
    // where the deported are sent from or to is no target of the deportation (the people
    // are; PLOVER's mode "deport").
    if d.mode == Some(DEPORT_MODE) {
        d.target.retain(|&m| {
            !(from..to)
                .find(|&k| view.mention_at()[k] == Some(m))
                .is_some_and(|k| (k.saturating_sub(2)..k).any(|j| matches!(view.lower[j], "to" | "from")))
        });
    }
    if d.roles == Roles::Reversed && !d.target.is_empty() {
        // "Yeltsin hosted Hashimoto": the guest is PLOVER's source, the host its target.
        std::mem::swap(&mut d.source, &mut d.target);
    }
    if d.roles == Roles::Undergoer && !d.nominal {
        // "The convoy came under attack": the subject is attacked.
        let agents = agents_of_undergoing(view, from, to);
        d.target = std::mem::replace(&mut d.source, agents);
    }
    if d.target.is_empty()
        && d.coordinated
        && let Some(p) = previous
    {
        // Coordinated verbs sharing a subject keep to the same counterpart when they name none.
        d.target = p.target.clone();
    }
}

/// Who acts on a subject that undergoes an act: the mentions after the first "from" or "by"
/// in `from..to` ("came under heavy fire from Russian forces", "faced criticism from France").
fn agents_of_undergoing(view: &SentenceView<'_>, from: usize, to: usize) -> Vec<usize> {
    (from..to)
        .find(|&k| matches!(view.lower[k], "from" | "by"))
        .map(|k| view.mentions_in(k + 1, to))
        .unwrap_or_default()
}

/// Whether one of the two words before token `k` is in `prepositions` ("in Minsk", "in
/// central Kyiv").
fn after_preposition(view: &SentenceView<'_>, k: usize, prepositions: WordList) -> bool {
    (k.saturating_sub(2)..k).any(|j| view.is_word_in(j, prepositions))
}

/// Where a list of places named after a place preposition meets a mention that is no place,
/// in `from..to`: the conjunction before it ("clashes in Russia and the Belarusian president":
/// one is not in a president, so the president is joined to something outside the phrase).
fn end_of_place_list(view: &SentenceView<'_>, actors: &Cast<'_>, from: usize, to: usize) -> Option<usize> {
    let mention_at = view.mention_at();
    let is_place = |m: usize| actors.layer.mentions[m].kind == MentionKind::Location;
    // The token after the last place of the list being read.
    let mut after_place: Option<usize> = None;
    let mut k = from;
    while k < to.min(mention_at.len()) {
        let Some(m) = mention_at[k] else {
            k += 1;
            continue;
        };
        let start = k;
        while k < to && mention_at.get(k) == Some(&Some(m)) {
            k += 1;
        }
        let after_preposition = after_preposition(view, start, PLACE_PREPOSITIONS);
        let joined = after_place.filter(|&end| {
            // "and" or "or", then at most two words ("the", "Belarusian") and no mention.
            end < start && view.is_word_in(end, clause::AND_OR) && start - end <= 3
        });
        match joined {
            Some(conjunction) if !is_place(m) => return Some(conjunction),
            Some(_) => after_place = Some(k),
            None => after_place = (after_preposition && is_place(m)).then_some(k),
        }
    }
    None
}

fn read_modality(view: &SentenceView<'_>, d: &mut Draft, previous: Option<&Draft>) {
    let clause = clause::modality_scope_start(view, d.start);
    let reading = modality::read(view, clause, d.start, d.end);
    d.modality = reading.modality;
    d.intention = reading.intention;
    if d.nominal && reading.cue_end.is_some_and(|e| d.start > e + NOMINAL_INTENTION_REACH) {
        // "would provide aid" announces aid; "would enable agencies to get access to the
        // people in need of aid" frames another verb, and the aid is no one's intention.
        d.intention = false;
    }
    if (d.nominal || view.lower[d.start].ends_with("ing")) && reading.modality == Modality::Asserted {
        // A nominalisation is framed by its own clause's verb: "cooperation might coexist",
        // "fighting has not re-emerged", "such an attack would be a disaster".
        let after = d.end + 1..(d.end + 4).min(view.len());
        if after.clone().any(|k| view.is_word_in(k, NEGATIONS) || view.lower[k].ends_with("n't")) {
            d.modality = Modality::Negated;
        } else if after.clone().any(|k| view.is_word_in(k, SPECULATIVE_MODALS)) {
            d.modality = Modality::Speculative;
        }
    }
    if !reading.clause_cue
        && d.coordinated
        && let Some(p) = previous
    {
        // "would pull back its troops and withdraw its tanks": the conjuncts share the frame.
        d.modality = p.modality;
        d.intention = p.intention;
    }
}

/// "Sudanese rebels shelled Juba, killing about 20 people": a participle or nominal phrase
/// of the same type after an event elaborates it rather than adding another.
fn merge_elaborations(view: &SentenceView<'_>, drafts: &mut [Draft]) {
    // The event being elaborated, and where its elaboration so far ends.
    let mut head: Option<(usize, usize)> = None;
    for k in 0..drafts.len() {
        if drafts[k].absorbed {
            continue;
        }
        let Some((prev, chain_end)) = head else {
            head = Some((k, drafts[k].end));
            continue;
        };
        let (a, b) = (&drafts[prev], &drafts[k]);
        let same_type = a.event_type().is_some() && a.event_type() == b.event_type();
        let modes_fit = a.mode.is_none() || b.mode.is_none() || a.mode == b.mode;
        let participle = view.lower[b.start].ends_with("ing")
            && !b.nominal
            && b.start > 0
            && view.lower[b.start - 1] == ",";
        let own_source = !b.source.is_empty() && b.source != a.source && !b.coordinated;
        // Violence is told as a chain of casualties: "killed one soldier and wounded two".
        let violence_chain = a.event_type() == Some(PloverType::Assault) && modes_fit;
        let elaboration = participle || (b.nominal && modes_fit) || violence_chain;
        // An elaboration follows closely; a long chain is a list of events.
        let close = b.start <= chain_end + ELABORATION_WINDOW && a.target.len() < 8;
        if same_type && elaboration && close && !own_source && a.modality == b.modality {
            let (mode, target, end) = (b.mode, b.target.clone(), b.end);
            let a = &mut drafts[prev];
            a.mode = a.mode.take().or(mode);
            for t in target {
                if !a.target.contains(&t) {
                    a.target.push(t);
                }
            }
            drafts[k].absorbed = true;
            head = Some((prev, end));
        } else {
            head = Some((k, drafts[k].end));
        }
    }
}

/// Words an elaboration may stand after the event it elaborates.
const ELABORATION_WINDOW: usize = 24;

/// An announced cooperative action is an AGREE, an announced conflictual one a THREATEN
/// (data/events/intentions.tsv); the announcement itself happened.
fn recode_intention(d: &mut Draft) {
    let lex: &'static Lexicon = &LEXICON;
    if d.modality != Modality::Future || !d.intention {
        return;
    }
    let Some(t) = d.event_type() else { return };
    let Some(&coded) = lex.intentions.get(&t) else { return };
    if coded == PloverType::Threaten {
        d.mode = lex.complement_mode(coded, t, d.mode);
    } else {
        d.mode = None;
    }
    d.coding = Coding::Type(coded);
    d.modality = Modality::Asserted;
}

/// A target that is the source itself ("pulled back its troops") is no target.
fn drop_self_targets(actors: &Cast<'_>, d: &mut Draft) {
    if d.target.is_empty() {
        return;
    }
    // The same actor is the same id (and then either both mentions' actor is listed or
    // neither is): ids are compared first, and only a match is looked up.
    let mentions = &actors.layer.mentions;
    let source = &d.source;
    d.target.retain(|&m| {
        let Some(id) = mentions.get(m).map(|t| &t.actor) else { return true };
        let a_source = source.iter().any(|&s| mentions.get(s).is_some_and(|s| s.actor == *id));
        !a_source || actors.actor_index(m).is_none()
    });
}

/// The actor mentioned nearest the trigger in its sentence that is neither the source nor a
/// mere place, when a troop movement names no counterpart ("reinforced the border ...
/// following the downing of a Ukrainian drone").
fn nearest_other_actor(view: &SentenceView<'_>, actors: &Cast<'_>, d: &Draft) -> Option<usize> {
    let source_countries: Vec<&str> =
        d.source.iter().filter_map(|&m| actor(actors, m)).filter_map(country_of).collect();
    (d.start.saturating_sub(40)..(d.start + 40).min(view.len()))
        .filter_map(|k| view.mention_at()[k].map(|m| (k.abs_diff(d.start), m)))
        .filter(|&(_, m)| {
            actor(actors, m).is_some_and(|a| {
                a.kind != ActorKind::Location && country_of(a).is_some_and(|c| !source_countries.contains(&c))
            })
        })
        .min_by_key(|&(dist, _)| dist)
        .map(|(_, m)| m)
}

/// "The Ukrainian Armed Forces made a similar move": the type and mode of the text's
/// previous event, by the new source. A party doing what was just done to it acts against
/// the previous source; anyone else against the previous target.
fn resolve_repeats(drafts: &mut [Draft], first: usize, actors: &Cast<'_>) {
    for k in first..drafts.len() {
        if drafts[k].absorbed || drafts[k].coding != Coding::Repeat {
            continue;
        }
        let Some(prev) = (0..k).rev().find(|&p| !drafts[p].absorbed && drafts[p].coding != Coding::Repeat)
        else {
            drafts[k].absorbed = true;
            continue;
        };
        let p = drafts[prev].clone();
        let countries = |list: &[usize]| -> Vec<String> {
            list.iter().filter_map(|&m| actor(actors, m)).filter_map(country_of).map(str::to_owned).collect()
        };
        let mirrored = countries(&drafts[k].source).iter().any(|c| countries(&p.target).contains(c));
        let d = &mut drafts[k];
        d.coding = p.coding;
        d.mode = p.mode;
        if d.target.is_empty() {
            d.target = if mirrored { p.source.clone() } else { p.target.clone() };
        }
    }
}

/// How many tokens after a cue of intention ("will", "plans to") a nominal trigger may stand
/// and still be what is intended: the verb and a modifier or two ("will send military aid").
const NOMINAL_INTENTION_REACH: usize = 4;

/// "Must have" (an inference) and "must not" (a prohibition) after "must" lay no demand.
pub(super) const NOT_A_DEMAND: WordList = WordList::new(11, &["have", "not"]);

/// "Must": an obligation, which in reported speech is a demand.
pub(super) const MUST: WordList = WordList::new(29, &["must"]);

/// "To": before an infinitive of purpose.
pub(super) const TO: WordList = WordList::new(12, &["to"]);

/// Participles that introduce the reasons a speaker gives.
pub(super) const GIVING_REASONS: WordList = WordList::new(13, &["saying", "adding", "claiming", "arguing"]);

/// Words that open a relative clause.
pub(super) const RELATIVE_PRONOUNS: WordList = WordList::new(14, &["which", "who", "whom", "whose", "where"]);

/// Auxiliaries that end a nominalisation's own phrase.
pub(super) const AUXILIARIES: WordList = WordList::new(15, &["is", "was", "has", "had", "will", "would"]);

/// Prepositions before a place.
pub(super) const PLACE_PREPOSITIONS: WordList =
    WordList::new(16, &["in", "at", "near", "outside", "inside", "across"]);

/// PLOVER's mode of COERCE for deportations, as `patterns.tsv` gives it.
const DEPORT_MODE: &str = "deport";

/// Prepositions before where a meeting is held.
pub(super) const MEETING_PLACE_PREPOSITIONS: WordList =
    WordList::new(17, &["in", "at", "near", "outside", "inside"]);

/// Words that negate the clause verb after a nominalisation.
pub(super) const NEGATIONS: WordList = WordList::new(18, &["not", "never"]);

/// Modals that make the clause verb after a nominalisation speculative.
pub(super) const SPECULATIVE_MODALS: WordList = WordList::new(19, &["might", "may", "could", "can", "would"]);

/// Words that end the clause of a verbal act before the phrase that would be its content.
pub(super) const CLAUSE_JOINERS: WordList = WordList::new(
    27,
    &[
        "and", "but", "which", "who", "while", "because", "when", "if", "unless", "as", "after", "before",
        "since", "until",
    ],
);

/// Words that cannot stand inside a noun phrase between its preposition and its head.
pub(super) const NOUN_PHRASE_ENDS: WordList = WordList::new(
    28,
    &[
        "and", "or", "that", "which", "who", "has", "have", "had", "is", "are", "was", "were", "will",
        "would", "if", "unless", "whether", "when", "while", "because", "as",
    ],
);

#[cfg(test)]
mod tests {
    use super::lexicon::LEXICON;

    #[test]
    fn lexicon_loads_and_covers_every_plover_type() {
        let lex = &*LEXICON;
        for t in annalist_core::PloverType::ALL {
            let n = lex.patterns.iter().filter(|p| p.coding == super::Coding::Type(t)).count();
            assert!(n >= 3, "{} has only {n} patterns", t.as_str());
        }
    }
}
