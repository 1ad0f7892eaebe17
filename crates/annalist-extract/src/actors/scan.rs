//! One left-to-right pass over the words that finds actor mentions: known names (longest
//! match first), demonyms with the sector words after them, capitalised names outside the
//! gazetteer, groups that speak, role descriptions and pronouns.
//!
//! Every step looks at a bounded window of words, so the pass is linear in the text.

use std::cell::{Cell, OnceCell, RefCell};
use std::hash::BuildHasherDefault;

use annalist_core::{ActorKind, MentionKind, Resolution, Role, Span, TimeExpr};

use super::gazetteer::{
    FastMap, GAZETTEER, Gender, IS_THE, Meaning, NameEntry, OPENS_GROUP, OPENS_LOWER_NAME, OPENS_NAME,
    OPENS_SECTOR, Sector, WordClass, key_of, push_lower, sector_key,
};
use super::name_trie::NameTrie;
use super::registry::{ActorRef, Found, Registry};
use super::romanized;
use super::words::{NAME_NOT_ASKED, WordAt, Words};
use crate::segment::TokenKind;

/// Words joining the parts of a name: "Bank of England", "Ursula von der Leyen", "Croix des
/// Bouquets", "Santos dos Reis".
const CONNECTORS: &[&str] = &[
    "of", "on", "for", "de", "du", "des", "da", "dos", "das", "del", "von", "van", "der", "bin", "ibn", "al",
    "el", "la", "le",
];

/// The bits of a word not capitalised that `Scanner::lowercase_at` acts on: a word with none
/// of them is passed over.
pub(super) const LOWERCASE_OPENERS: u32 = OPENS_LOWER_NAME
    | OPENS_GROUP
    | IS_THE
    | WordClass::PronounMale.bit()
    | WordClass::PronounFemale.bit()
    | WordClass::PronounThing.bit()
    | WordClass::PronounPlural.bit();

/// How many earlier mentions coreference looks back over: bounded, so a text of one long
/// sentence full of pronouns stays linear.
const LOOKBACK: usize = 40;

/// The run start of a sentence not quoted whole (see `Scanner::read_quoted_runs`).
const NOT_QUOTED: usize = u32::MAX as usize;

/// The most words (and connectors, and initials' stops) a name runs to ("United Nations
/// Office for the Coordination of Humanitarian Affairs" is nine).
const MAX_NAME_WORDS: usize = 16;
/// The most words an office in an organisation has between its name and a person's
/// ("Deputy Secretary General", "foreign policy chief").
const MAX_OFFICE_WORDS: usize = 4;
/// How many sentences back a definite description of a person looks for the person it names
/// (see `Scanner::describe_introduced_person`).
const DESCRIBED_PERSON_SENTENCES: usize = 5;
/// How many words before a person's name (and twice as many in an apposition after it) are
/// read as the words introducing them.
const INTRODUCTION_WORDS: usize = 6;

/// State of the pass: the words, the registry and what coreference remembers.
pub(crate) struct Scanner<'w, 'a> {
    words: &'w Words<'a>,
    text: &'a str,
    /// The sentences' spans, in order.
    sentences: &'w [Span],
    pub(crate) registry: Registry,
    /// Surnames and short forms of persons and organisations named so far.
    short_forms: FastMap<&'a str, (ActorRef, MentionKind)>,
    /// Each person's first mention by name (its index in the registry's mentions): the words
    /// around it introduce them (see `Scanner::describe_introduced_person`).
    introduced: FastMap<ActorRef, usize>,
    /// The sentence of the last person mentioned by a name.
    named_person_sentence: Option<usize>,
    /// Unknown names of two or three plain words taken for organisations, by their last word
    /// ("Idris" of "Olajide Idris"): a lone mention of that word may be the surname of a
    /// person (see `Scanner::unknown_name_as_person`).
    plain_names_by_last_word: FastMap<&'a str, ActorRef>,
    /// Acronyms given in brackets after a name.
    acronyms: FastMap<&'a str, ActorRef>,
    /// The sentence and first word of each mention of `registry.found`, recorded with it
    /// (see `Scanner::mention`): coreference looks back over many mentions per pronoun.
    found_at: Vec<Option<(usize, usize)>>,
    /// The quotation marks of the text and line breaks, each with whether the text after it
    /// is quoted, made on first asking (see `Scanner::quoted`).
    quotation_marks: OnceCell<Vec<(usize, bool)>>,
    /// The runs of sentences quoted whole, made on first asking (see
    /// `Scanner::read_quoted_runs`).
    quoted_runs: OnceCell<Vec<(u32, u32)>>,
    /// The role of each mention of `registry.found` in its clause, worked out on first
    /// asking (see `Scanner::mention_role`).
    found_roles: Vec<Cell<Option<MentionRole>>>,
    /// The first argument of sentences before the one being read, as found (see
    /// `Scanner::first_argument_of`): several pronouns look back at the same sentences.
    first_arguments: RefCell<Vec<(usize, Option<usize>)>>,
    /// The token key being looked up (reused: one buffer per document, not per lookup).
    key_buffer: RefCell<String>,
    /// How the text writes each capitalised word, read in one pass on first asking (see
    /// `Scanner::written_as_a_name_elsewhere`).
    name_uses: OnceCell<FastMap<&'a str, NameUse>>,
    /// The document's time expressions, in text order, and the first that may still hold a
    /// word the pass has not passed.
    timexes: &'w [TimeExpr],
    next_time_span: usize,
}

/// How a document writes one capitalised word.
#[derive(Debug, Default, Clone, Copy)]
struct NameUse {
    /// How many sentences it opens (at most 255 counted).
    sentences_opened: u8,
    /// Whether it stands right before another capitalised word of its sentence somewhere.
    before_capitalised: bool,
    /// Whether it stands right after "the" somewhere ("the Taurus").
    after_the: bool,
}

/// The kind given to an unknown name, and whether nothing told it (see
/// [`Scanner::classify`]).
#[derive(Debug, Clone, Copy)]
struct Classified {
    kind: ActorKind,
    /// Taken for an organisation because neither its words nor its context said what it is:
    /// another mention of the name may tell.
    guessed: bool,
}

impl From<ActorKind> for Classified {
    fn from(kind: ActorKind) -> Classified {
        Classified { kind, guessed: false }
    }
}

/// What a mention is in its clause, as far as a pronoun looking back for it cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MentionRole {
    /// A subject or object ("Trump hosted Erdogan").
    Argument,
    /// Named after a preposition ("with Kim", "according to X").
    Oblique,
    /// The owner in "Lai's release".
    Possessor,
    /// A word qualifying another ("the Trump administration", "Iraqi").
    Modifier,
}

impl MentionRole {
    /// The weight the role adds to a candidate antecedent (Lappin and Leass's weights: an
    /// object 50, an indirect object or oblique 40; a possessor or modifier is no head noun
    /// of its phrase, which loses it their 80).
    fn weight(self) -> i32 {
        match self {
            MentionRole::Argument => 50,
            MentionRole::Oblique => 40,
            MentionRole::Possessor | MentionRole::Modifier => 0,
        }
    }
}

/// How many words a pronoun's clause or quotation is looked through, back or around (a
/// sentence without stops stays linear in time).
const CLAUSE_REACH: usize = 40;

/// What being the subject of its sentence adds to a candidate antecedent's weight (over an
/// object's; Lappin and Leass weigh a subject 80, an object 50).
const SUBJECT_WEIGHT: i32 = 30;
/// How many words after a pronoun inside a quotation are read for the quotation's end and
/// the person it is attributed to (see `Scanner::speaker_after_quotation`).
const QUOTATION_REACH: usize = 40;
/// What standing on the same side of the quotation marks as the pronoun adds.
const SAME_SIDE_OF_QUOTATION_WEIGHT: i32 = 50;
/// What a description read as an institution ("a Danish prime minister": the government)
/// loses against a person named by name.
const OFFICE_PENALTY: i32 = 60;
/// The most a candidate antecedent in the pronoun's own sentence can weigh: an argument that is
/// the subject, on the pronoun's side of the quotation marks.
const MAX_CANDIDATE_WEIGHT: i32 = 100 + 50 + SUBJECT_WEIGHT + SAME_SIDE_OF_QUOTATION_WEIGHT;

/// What a candidate the pronoun cannot stand for loses: kept only when there is no other.
const EXCLUDED_PENALTY: i32 = 1000;

/// `WordAt::name_match` of a position opening no known name (node 0, the root, ends none).
const NO_NAME: u64 = 0;

/// A name match as one integer for the cache: its trie node and its length in words.
fn pack_match(node: u32, len: usize) -> u64 {
    (u64::from(node) << 32) | (len as u64 & 0xffff_ffff)
}

/// The match packed by [`pack_match`] (`None` for [`NO_NAME`]).
fn unpack_match(packed: u64) -> Option<NameMatch<'static>> {
    if packed == NO_NAME {
        return None;
    }
    let entry = GAZETTEER.name_trie.entry((packed >> 32) as u32)?;
    Some(NameMatch { len: (packed & 0xffff_ffff) as usize, entry })
}

/// A known name matched at a position: how many words, and its entry.
#[derive(Clone, Copy)]
struct NameMatch<'g> {
    len: usize,
    entry: &'g NameEntry,
}

impl<'w, 'a> Scanner<'w, 'a> {
    pub(crate) fn new(
        words: &'w Words<'a>,
        text: &'a str,
        sentences: &'w [Span],
        registry: Registry,
        timexes: &'w [TimeExpr],
    ) -> Self {
        // Room from the start for a typical story's short forms and mentions (one sentence a
        // mention, as the registry has room for): grown from empty, each was reallocated
        // several times a document. Acronyms are rare: that map starts empty.
        Scanner {
            words,
            text,
            sentences,
            short_forms: FastMap::with_capacity_and_hasher(16, BuildHasherDefault::default()),
            introduced: FastMap::default(),
            named_person_sentence: None,
            plain_names_by_last_word: FastMap::default(),
            acronyms: FastMap::default(),
            found_at: Vec::with_capacity(registry.found.capacity()),
            quotation_marks: OnceCell::new(),
            quoted_runs: OnceCell::new(),
            found_roles: Vec::with_capacity(registry.found.capacity()),
            first_arguments: RefCell::new(Vec::new()),
            registry,
            key_buffer: RefCell::new(String::with_capacity(64)),
            name_uses: OnceCell::new(),
            timexes,
            next_time_span: 0,
        }
    }

    fn w(&self, i: usize) -> Option<WordAt<'w, 'a>> {
        self.words.get(i)
    }

    /// The word right after word `i`, when it is capitalised and in the same sentence (a
    /// capitalised token is always a word).
    fn capitalised_after(&self, i: usize) -> Option<WordAt<'w, 'a>> {
        self.w(i + 1).filter(|n| n.capitalised() && self.same_sentence(i, i + 1))
    }

    /// The word right after word `i` when it is in lower case, of class `class` and in the
    /// same sentence ("Kalat district", "the Hang Seng index"): its index.
    fn lowercase_after(&self, i: usize, class: WordClass) -> Option<usize> {
        self.w(i + 1)
            .is_some_and(|n| n.lowercase() && n.is(class) && self.same_sentence(i, i + 1))
            .then_some(i + 1)
    }

    fn span(&self, from: usize, to_inclusive: usize) -> Span {
        Span::new(self.words.at(from).span().start, self.words.at(to_inclusive).span().end)
    }

    fn same_sentence(&self, i: usize, j: usize) -> bool {
        match (self.w(i), self.w(j)) {
            (Some(a), Some(b)) => a.sentence() == b.sentence(),
            _ => false,
        }
    }

    /// "Albert Gee ... Gee said": an unknown two- or three-word name taken for an
    /// organisation whose last word stands alone elsewhere is a person, and the lone word
    /// is that person's surname. The lone word may have been taken for a person already
    /// (a surname that is also a given name: "Hassan").
    fn surnames_make_persons(&mut self) {
        let lone_words = || {
            let kinds = [ActorKind::Organization, ActorKind::Person];
            kinds
                .into_iter()
                .flat_map(|kind| self.registry.unknown_actors(kind))
                .filter(|(_, name)| !name.contains(' '))
        };
        // Counted first, with no allocation: without a single word and a longer name both,
        // there is nothing to merge.
        // The longer names: organisations, and organisations made persons during the pass
        // ("Olajide Idris ... Idris said ... he said": the lone surname was an organisation of
        // its own then).
        let longer = || {
            self.registry
                .unknown_actors(ActorKind::Organization)
                .chain(self.registry.unknown_made_persons())
                .filter(|(_, name)| name.contains(' '))
        };
        let longer_names = longer().count();
        if longer_names == 0 || lone_words().next().is_none() {
            return;
        }
        let singles: FastMap<&str, &str> = lone_words().map(|(key, name)| (name, key)).collect();
        let mut full_names: Vec<(&str, &str)> = longer()
            .filter_map(|(key, name)| {
                // Only a longer name whose last word stands alone is asked about further
                // (one lookup; the tests below read every word).
                let last_word = name.rfind(' ')? + 1;
                let single = *singles.get(name.get(last_word..)?)?;
                let words = || name.split(' ');
                // Plain words, and a first word that does not stand alone too ("Ford
                // Taurus" and "Ford" are a maker and its product).
                let plain = (2..=3).contains(&words().count())
                    && words().all(|w| {
                        w.chars().count() > 1
                            && w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars().skip(1).all(char::is_lowercase)
                    })
                    && !words().next().is_some_and(|first| singles.contains_key(first))
                    // "Shiite Islam": a name opened by a people's or compass adjective is no
                    // one's.
                    && !words().next().is_some_and(|first| GAZETTEER.is(first, WordClass::NameModifier))
                    && words().all(|w| {
                        !GAZETTEER.is(w, WordClass::OrgSuffix) && !GAZETTEER.is(w, WordClass::PlaceSuffix)
                    })
                    // "the Taurus": a thing's name; no one's surname is written after "the".
                    && !self.written_after_the(&name[last_word..]);
                plain.then_some((key, single))
            })
            .collect();
        // Merged in the order of their keys (keys are unique): only the few names found
        // are sorted, not every organisation.
        full_names.sort_unstable_by_key(|&(key, _)| key);
        let full_names: Vec<(String, String)> =
            full_names.into_iter().map(|(key, single)| (key.to_owned(), single.to_owned())).collect();
        self.registry.make_persons(&full_names);
    }

    /// Runs the pass.
    pub(crate) fn run(&mut self) {
        // Most words are lower case and can open nothing `lowercase_at` looks for: the
        // word view marks the others, so the pass goes from one to the next by bits.
        let mut i = 0;
        while let Some(at) = self.words.next_opener(i) {
            let word = self.words.at(at);
            let next = if !word.capitalised() {
                self.lowercase_at(at)
            } else if let Some(end) = self.name_in_time_expression(at) {
                end + 1
            } else {
                self.capitalised_at(at)
            };
            i = next.max(at + 1);
        }
        self.surnames_make_persons();
    }

    /// The end of the capitalised run starting at `i` when all of it lies in a time expression:
    /// a holiday or a day named by an event ("Martin Luther King Day", "Bhai Dooj") names no
    /// actor. A run going on past the expression is read as usual ("the Good Friday
    /// Agreement"). Asked in text order.
    fn name_in_time_expression(&mut self, i: usize) -> Option<usize> {
        let word = self.words.at(i).span();
        while self.timexes.get(self.next_time_span).is_some_and(|t| t.span.end <= word.start) {
            self.next_time_span += 1;
        }
        let time = self.timexes.get(self.next_time_span)?.span;
        if time.start > word.start {
            return None;
        }
        let end = self.name_run(i).unwrap_or(i);
        (self.words.at(end).span().end <= time.end).then_some(end)
    }

    /// The longest known name starting at `i`, kept in the word's record on first use (the
    /// same position is asked about by several steps): [`NO_NAME`] or the match's trie node
    /// and length packed by [`pack_match`].
    fn name_at(&self, i: usize) -> Option<NameMatch<'static>> {
        let slot = self.w(i)?.name_match();
        let cached = slot.get();
        if cached != NAME_NOT_ASKED {
            return unpack_match(cached);
        }
        let found = self.find_name_at(i);
        slot.set(found);
        unpack_match(found)
    }

    /// The longest known name starting at `i`, packed by [`pack_match`] ([`NO_NAME`] when
    /// there is none).
    fn find_name_at(&self, i: usize) -> u64 {
        self.find_name_node_at(i).map_or(NO_NAME, |(node, len)| pack_match(node, len))
    }

    /// The trie node and the length in words of the longest known name starting at `i`.
    fn find_name_node_at(&self, i: usize) -> Option<(u32, usize)> {
        let g = &*GAZETTEER;
        let first = self.w(i)?;
        if !(first.capitalised() || (first.lowercase() && first.opens(OPENS_LOWER_NAME))) {
            return None;
        }
        if !first.opens(OPENS_NAME) {
            return None;
        }
        let mut node = NameTrie::ROOT;
        let mut best = None;
        for len in 1..=g.max_name_tokens {
            let j = i + len - 1;
            let Some(w) = self.w(j) else { break };
            if !self.same_sentence(i, j) {
                break;
            }
            if len > 1 {
                // Names do not run across a gap that is not plain spacing.
                let gap = &self.text[self.words.at(j - 1).span().end..w.span().start];
                if line_break(gap) {
                    break;
                }
            }
            // No name goes on with this word: stop.
            let Some(next) = g.name_trie.child(node, w.lexicon_id()) else { break };
            node = next;
            if let Some(entry) = g.name_trie.entry(node) {
                let written = self.span(i, j).slice(self.text);
                let case_ok = match &entry.exact {
                    // Compared without spaces ("U. S." is "U.S."), with no copies made.
                    Some(exact) => {
                        written == exact
                            || written.chars().filter(|&c| c != ' ').eq(exact.chars().filter(|&c| c != ' '))
                    }
                    // The first word's case was checked above.
                    None => true,
                };
                if case_ok {
                    best = Some((node, len));
                }
            }
            // No longer name: the next word need not be read (nor looked up).
            if !g.name_trie.has_child(node) {
                break;
            }
        }
        best
    }

    /// The longest sector word or phrase starting at `i` (any case), with its length.
    fn sector_at(&self, i: usize) -> Option<(usize, Sector)> {
        if !self.w(i)?.opens_sector() {
            return None;
        }
        let g = &*GAZETTEER;
        let mut key = self.key_buffer.borrow_mut();
        key.clear();
        let mut best = None;
        for len in 1..=g.max_sector_tokens {
            let j = i + len - 1;
            let Some(w) = self.w(j) else { break };
            if w.kind() != TokenKind::Word || !self.same_sentence(i, j) {
                break;
            }
            if len > 1 {
                key.push(' ');
            }
            key.push_str(&w.lower());
            if let Some(s) = g.sectors.get(key.as_str()) {
                best = Some((len, *s));
            }
            // A word opening no longer phrase (most): the next words are not read.
            if len == 1 && !g.long_sector_opener_filter.may_contain(&key) {
                break;
            }
        }
        best
    }

    /// The head of a run of sector words starting at `i` ("government forces" → "forces"):
    /// the end index (inclusive) and the sector of the last one.
    fn sector_run(&self, i: usize) -> Option<(usize, Sector)> {
        let (len, mut sector) = self.sector_at(i)?;
        let mut end = i + len - 1;
        while let Some((l, s)) = self.sector_at(end + 1) {
            end += l;
            sector = s;
        }
        Some((end, sector))
    }

    /// Handles a capitalised word; returns the index to continue from.
    fn capitalised_at(&mut self, i: usize) -> usize {
        // "anti-Syria journalist", "pro-Russian separatists", "Anti-American protesters": the
        // name says whom the noun is for or against, not whose it is, and names no actor of
        // the phrase (an event's source, a body of that country).
        if self.after_stance_prefix(i) {
            return self.name_at(i).map_or(i + 1, |m| i + m.len);
        }
        if let Some(m) = self.name_at(i) {
            return self.known_name(i, &m);
        }
        let w = self.words.at(i);
        if w.sentence_initial() && !w.is(WordClass::Title) {
            // "She", "It", "Officials", "The president": a sentence-initial word of the
            // lower-case vocabulary is read as such.
            if w.is(WordClass::PronounMale)
                || w.is(WordClass::PronounFemale)
                || w.is(WordClass::PronounThing)
                || w.is(WordClass::PronounPlural)
                || w.opens(OPENS_GROUP)
                || w.is_the()
            {
                return self.lowercase_at(i);
            }
            if w.is(WordClass::PersonNoun) || w.sector().is_some() {
                return i + 1;
            }
        }
        self.unknown_name(i)
    }

    /// Whether word `i` is joined by a hyphen to a stance prefix before it ("anti-", "pro-").
    fn after_stance_prefix(&self, i: usize) -> bool {
        i >= 2
            && self.words.at(i - 1).text() == "-"
            && self.same_sentence(i - 2, i)
            && self.text[self.words.at(i - 2).span().end..self.words.at(i).span().start] == *"-"
            && GAZETTEER.stance_prefixes.contains(self.words.at(i - 2).lower().as_ref())
    }

    fn known_name(&mut self, i: usize, m: &NameMatch<'static>) -> usize {
        self.sector_before_place(i, m);
        let end = i + m.len - 1;
        // "Johnson & Johnson": a person's name joined by an ampersand to another capitalised
        // word is part of a firm's name (not so places: "Russia & China").
        if matches!(m.entry.meaning, Meaning::Actor { mention: MentionKind::Person, .. })
            && self.w(end + 1).is_some_and(|n| n.text() == "&")
            && self.w(end + 2).is_some_and(|n| n.capitalised() && self.same_sentence(i, end + 2))
            && self.firm_name_part(end + 2)
        {
            return self.unknown_name(i);
        }
        // A known person's lone surname is the document's own person of that name when it
        // has named one ("Richard Bennett ... Bennett said" is not Naftali Bennett).
        if m.len == 1
            && matches!(
                m.entry.meaning,
                Meaning::Actor { mention: MentionKind::Person, resolution: Resolution::Alias, .. }
            )
        {
            let w = self.words.at(i);
            if let Some((actor, MentionKind::Person)) = self.short_form(w.text()) {
                self.mention(i, w.span(), w.text(), actor, MentionKind::Person, Resolution::Alias);
                return i + 1;
            }
        }
        // A lone surname followed by another capitalised word belongs to some other name
        // ("Abbas Kiarostami").
        if m.len == 1
            && matches!(
                m.entry.meaning,
                Meaning::Actor { mention: MentionKind::Person, resolution: Resolution::Alias, .. }
            )
            && self.capitalised_after(i).is_some_and(|n| !n.is(WordClass::Function))
        {
            return self.unknown_name(i);
        }
        match &m.entry.meaning {
            Meaning::Demonym { iso, key, people } => {
                self.demonym(i, end, iso, (key, m.entry.key_id), *people)
            }
            Meaning::Actor { key, mention, resolution } => {
                // "US$40": a currency, not the country.
                if self.text[self.words.at(end).span().end..].starts_with('$') {
                    return end + 1;
                }
                // "Kosovo Albanians", "U.S. Muslims": a state's name before a people's (not
                // after a preposition: "in Kosovo Serbs protested" has a place, then a subject).
                if m.entry.actor_kind == Some(ActorKind::State)
                    && let Some(iso) = m.entry.actor_country.as_deref()
                    && !self
                        .words_before(i, 1)
                        .any(|(_, p)| p.is(WordClass::Preposition) || p.is(WordClass::PlacePreposition))
                    && let Some((last, in_country)) = self.people_after(end, iso)
                {
                    return self.group(i, last, in_country.then_some(iso));
                }
                // A known place or body opening a longer name of an organisation ("New York
                // Times") is part of that name.
                let mut stop = end;
                // "the Kursk region": the region word joins a place's mention.
                if *mention == MentionKind::Location
                    && m.entry.actor_kind == Some(ActorKind::Location)
                    && let Some(w) = self.w(end + 1)
                    && self.same_sentence(end, end + 1)
                    && w.is(WordClass::RegionWord)
                {
                    stop = end + 1;
                } else if let Some(document_end) = self.document_after(end) {
                    // "the Paris Agreement", "the Minsk Protocol": a treaty's name, no actor.
                    return document_end + 1;
                } else if let Some((org_end, kind)) = self.name_run_after(end, m.entry.actor_kind) {
                    return self.emit_owned(i, org_end, kind, m.entry.actor_country.as_deref());
                }
                // "in Moscow", "near Kyiv": after a place preposition a capital is a place, in
                // its country, not the government seated there ("Moscow welcomed the move").
                let place_of_capital = (*resolution == Resolution::Metonym
                    && m.entry.actor_kind == Some(ActorKind::Government)
                    && i.checked_sub(1).and_then(|p| self.w(p)).is_some_and(|p| {
                        p.lowercase()
                            && p.is(WordClass::PlacePreposition)
                            && p.sentence() == self.words.at(i).sentence()
                    }))
                .then_some(m.entry.actor_country.as_deref())
                .flatten();
                let actor = match place_of_capital {
                    Some(iso) => self.registry.known(&iso.to_ascii_lowercase()),
                    None => self.registry.known_named(key, m.entry.key_id),
                };
                let Some(actor) = actor else {
                    return end + 1;
                };
                let span = self.span(i, stop);
                let surface = self.span(i, end).slice(self.text);
                self.mention(i, span, surface, actor, *mention, *resolution);
                self.remember_short_forms(actor, i, end, *mention);
                let after = self.acronym_after(stop, actor, *mention);
                // "US forces", "Russia's army": a state or capital with a sector word.
                let kind = m.entry.actor_kind;
                let country = match kind {
                    Some(ActorKind::State | ActorKind::Government) => m.entry.actor_country.as_deref(),
                    _ => None,
                };
                // A seat of power takes only a lower-case sector word after it ("Khartoum
                // government"); "White House Press Secretary" is an office, not the press.
                let country = country.filter(|_| {
                    kind == Some(ActorKind::State)
                        || self
                            .w(after + usize::from(self.w(after).is_some_and(WordAt::possessive)))
                            .is_some_and(WordAt::lowercase)
                });
                if let Some(iso) = country {
                    let mut j = after;
                    if self.w(j).is_some_and(WordAt::possessive) {
                        j += 1;
                    }
                    // "China's U.N. ambassador", "Ukraine's NATO envoy": a post at an
                    // international body (`words.tsv`, `forum-post`) is the country's.
                    if let Some(body) = self.name_at(j)
                        && matches!(
                            body.entry.meaning,
                            Meaning::Actor { mention: MentionKind::Organization, .. }
                        )
                        && body.entry.actor_country.is_none()
                        && self.w(j + body.len).is_some_and(|post| {
                            post.lowercase() && super::is_forum_post(&post.lower()) && post.sector().is_some()
                        })
                    {
                        j += body.len;
                    }
                    // Read once: a body of the country ("US forces") or an office ("US
                    // President X"). Without a possessive, the name may be a verb's subject.
                    if let Some((send, sector)) = self.sector_after_modifiers(j, j == after)
                        && self.same_sentence(i, send)
                        && !self.relation_noun_after(send)
                    {
                        if sector.person {
                            return self.titled_person(send + 1, Some((iso, sector, i, send)));
                        }
                        let key = sector_key(iso, sector.code);
                        // "Afghanistan's Ministry of Foreign Affairs": the department's name
                        // after "of" is the body's, not a title and a person's name.
                        let body = self.words.at(send);
                        let send = match self.w(send + 1) {
                            Some(of)
                                if of.text() == "of"
                                    && body.capitalised()
                                    && body.is(WordClass::OrgSuffix)
                                    && self.same_sentence(send, send + 2)
                                    && self.w(send + 2).is_some_and(|w| !w.is_given_name()) =>
                            {
                                self.name_run(send + 2).unwrap_or(send)
                            }
                            _ => send,
                        };
                        if let Some(actor) = self.registry.known(&key) {
                            let span = self.span(i, send);
                            let surface = span.slice(self.text);
                            self.mention(
                                i,
                                span,
                                surface,
                                actor,
                                MentionKind::Organization,
                                Resolution::Description,
                            );
                        }
                        return send + 1;
                    }
                }
                if !matches!(
                    kind,
                    Some(ActorKind::State | ActorKind::Government | ActorKind::Location | ActorKind::Person)
                ) && let Some(next) = self.body_office(actor, i, after)
                {
                    return next;
                }
                after
            }
        }
    }

    /// "Rebels in the Ivory Coast", "police in Kenya", "opposition parties in Nepal": a body
    /// of a sector that stays home ([`Sector::home`]) named "in" the country or place of one
    /// at `place` (known name `m`) is that country's body. The mention covers the phrase; the
    /// place keeps its own. Read from the place (the scan visits every name, not every
    /// lower-case sector word).
    fn sector_before_place(&mut self, place: usize, m: &NameMatch<'static>) {
        let the = place >= 1 && self.words.at(place - 1).is_the();
        let Some(at) = place.checked_sub(1 + usize::from(the)) else { return };
        if self.words.at(at).lower() != "in" || at == 0 || !self.same_sentence(at, place) {
            return;
        }
        if !matches!(m.entry.actor_kind, Some(ActorKind::State | ActorKind::Location | ActorKind::Government))
        {
            return;
        }
        let Some(iso) = m.entry.actor_country.as_deref() else { return };
        // The sector phrase ends right before "in": its first word is at most as many words
        // back as the longest phrase has, and no mention found before covers it ("Syrian
        // rebels in Aleppo" are read already).
        let Some((start, sector)) = (at.saturating_sub(GAZETTEER.max_sector_tokens)..at).find_map(|k| {
            self.sector_run(k).filter(|&(end, _)| end + 1 == at).map(|(_, sector)| (k, sector))
        }) else {
            return;
        };
        if sector.person
            || !sector.home
            || !self.same_sentence(start, at)
            || self.registry.found.last().is_some_and(|f| f.span.end > self.words.at(start).span().start)
        {
            return;
        }
        let Some(actor) = self.registry.known(&sector_key(iso, sector.code)) else { return };
        let span = self.span(start, place + m.len - 1);
        self.mention(
            start,
            span,
            span.slice(self.text),
            actor,
            MentionKind::Organization,
            Resolution::Description,
        );
    }

    /// Whether a lower-case noun of people in a relation (`words.tsv`, `relation-noun`)
    /// follows word `end`: then the sector words before it say what the related are, not
    /// whose body they are ("Israel's militia ally" is no militia of Israel's).
    fn relation_noun_after(&self, end: usize) -> bool {
        self.w(end + 1).is_some_and(|w| {
            w.lowercase() && self.same_sentence(end, end + 1) && super::is_relation_noun(&w.lower())
        })
    }

    /// A sector phrase at `j`, possibly after one lower-case modifier ("interim
    /// government"); after a modifier the sector words must be lower case too ("U.S.
    /// manufacturer General Motors" has none). `after_subject`: a name that may be the
    /// subject of a verb comes right before `j`, so the modifier must not read as that verb
    /// ("Israel killed militants", "China warns protesters"; see [`reads_as_verb`]).
    fn sector_after_modifiers(&self, j: usize, after_subject: bool) -> Option<(usize, Sector)> {
        if let Some(found) = self.sector_run(j) {
            return Some(found);
        }
        let w = self.w(j)?;
        if w.lowercase() && !w.is(WordClass::Function) && !(after_subject && reads_as_verb(w)) {
            return self.sector_run(j + 1).filter(|(e, _)| {
                self.same_sentence(j, *e) && (j + 1..=*e).all(|k| self.words.at(k).lowercase())
            });
        }
        // "Chinese Commerce Minister Wang Wentao": a department's name before the office.
        if self.department_before_office(j, j) {
            return self.sector_run(j + 1).filter(|(e, sector)| sector.person && self.same_sentence(j, *e));
        }
        None
    }

    /// Whether the capitalised words `i..=end` (one or two common words) name a department
    /// in a minister's or secretary's title ("Commerce Secretary Howard Lutnick", "Homeland
    /// Security Secretary Kristi Noem"): part of the title, not a body of their own.
    fn department_before_office(&self, i: usize, end: usize) -> bool {
        // The title first: it rules out nearly every name, and the common words (a search of
        // a long sorted list) are asked only then.
        end - i < 2
            && self.w(end + 1).is_some_and(|t| {
                t.is(WordClass::Title)
                    && GAZETTEER.department_offices.contains(t.text())
                    && self.same_sentence(end, end + 1)
            })
            && self.w(end + 2).is_some_and(|n| n.capitalised() && self.same_sentence(end, end + 2))
            && (i..=end).all(|k| GAZETTEER.common_words.contains(&self.words.at(k).lower()))
    }

    /// After a mention ending at `end`: "(USAF)" gives the actor an acronym.
    fn acronym_after(&mut self, end: usize, actor: ActorRef, kind: MentionKind) -> usize {
        let (Some(open), Some(acr), Some(close)) = (self.w(end + 1), self.w(end + 2), self.w(end + 3)) else {
            return end + 1;
        };
        if open.text() != "(" || close.text() != ")" || !is_acronym_word(acr.text()) {
            return end + 1;
        }
        if self.name_at(end + 2).is_some() {
            return end + 1;
        }
        self.acronyms.insert(acr.text(), actor);
        self.mention(end + 2, acr.span(), acr.text(), actor, kind, Resolution::Acronym);
        end + 4
    }

    /// Surnames of persons and first words of organisations named in full by the words
    /// `first..=last`, for later short mentions ("Lukashenko" after "Alexander Lukashenko",
    /// "Lockheed" after "Lockheed Martin").
    fn remember_short_forms(&mut self, actor: ActorRef, first: usize, last: usize, kind: MentionKind) {
        let surface = self.span(first, last).slice(self.text);
        let (short, word) = match kind {
            MentionKind::Person => (surface.split_whitespace().next_back(), last),
            MentionKind::Organization => (surface.split_whitespace().next(), first),
            _ => return,
        };
        // A one-word surface has no shorter form; a person's is their name alone later too
        // ("Yang is a businessman. ... Yang said": read again, out of the context that made it
        // a person, it would be an unknown organisation's).
        let Some(short) = short.filter(|short| short.len() != surface.len()) else {
            if kind == MentionKind::Person
                && first == last
                && surface.chars().next().is_some_and(char::is_uppercase)
                && !self.is_function_word(surface, first)
            {
                self.short_forms.entry(surface).or_insert((actor, kind));
            }
            return;
        };
        // ("al-Rufay'i", a particle joined to a name, is a person's short form too.)
        if (short.chars().next().is_some_and(char::is_uppercase) || particle_name(short))
            && !self.is_function_word(short, word)
        {
            self.short_forms.entry(short).or_insert((actor, kind));
        }
        // A person's first word alone refers to them too, as the first person of the text
        // with it: a given name ("Albert Gee ... Albert found himself") or a family name
        // written first ("Yao Ming ... Yao").
        if kind == MentionKind::Person
            && let Some(opening) =
                self.w(first).filter(|w| w.is_given_name() || GAZETTEER.family_names_first.contains(w.text()))
        {
            self.short_forms.entry(opening.text()).or_insert((actor, kind));
        }
    }

    /// The actor whose short form `word` is, if any: written with either apostrophe, as
    /// texts mix them ("al-Rufay'i" named in full, "al-Rufay’i was killed").
    fn short_form(&self, word: &str) -> Option<(ActorRef, MentionKind)> {
        if let Some(&found) = self.short_forms.get(word) {
            return Some(found);
        }
        if !word.contains(['\'', '’']) {
            return None;
        }
        let other: String = word
            .chars()
            .map(|c| match c {
                '\'' => '’',
                '’' => '\'',
                c => c,
            })
            .collect();
        self.short_forms.get(other.as_str()).copied()
    }

    /// Whether `short`, the first or last piece of a name, which ends or starts with the
    /// word at `word`, is a function word: read from that word's facts (looked up once for
    /// the scan) when the piece is the word, from the gazetteer when it is more ("Al-Qaeda"
    /// is three words).
    fn is_function_word(&self, short: &str, word: usize) -> bool {
        match self.w(word) {
            Some(w) if w.kind() == TokenKind::Word && w.text() == short => w.is(WordClass::Function),
            _ => GAZETTEER.is(short, WordClass::Function),
        }
    }

    /// A demonym at `i..=end`: with a sector word it names a sector actor ("Ukrainian Armed
    /// Forces" → UKRMIL), with an office and a name it titles a person ("Iraqi Prime
    /// Minister X"), with a group noun it makes a group; alone it is an adjective.
    /// `iso_key`: the country actor's key, with its number (see [`NameEntry::key_id`]).
    fn demonym(&mut self, i: usize, end: usize, iso: &str, iso_key: (&str, u32), people: bool) -> usize {
        let sector_after = if people {
            None
        } else {
            self.sector_after_modifiers(end + 1, false).filter(|&(send, _)| !self.relation_noun_after(send))
        };
        // "ethnic Turks", "ethnic Albanian rebels": an ethnic group, of no state (the country
        // after "in" still places it: "ethnic Russians in Ukraine"). An office keeps its
        // country ("the ethnic Albanian mayor"), and so does an adjective before a word the
        // scan cannot tell a noun from a verb ("ethnic Chinese fled", "ethnic Albanian towns").
        if !sector_after.is_some_and(|(_, sector)| sector.person)
            && self.words_before(i, 1).any(|(_, p)| super::is_ethnic_modifier(&p.lower()))
        {
            let next_lowercase =
                self.w(end + 1).filter(|w| w.lowercase() && self.same_sentence(end, end + 1));
            let head = match sector_after {
                Some((send, _)) => Some(send),
                None if people || next_lowercase.is_none() => Some(end),
                None if next_lowercase.is_some_and(|w| w.opens(OPENS_GROUP)) => Some(end + 1),
                None => None,
            };
            if let Some(head) = head {
                return self.group(i, head, None);
            }
        }
        if !people
            && sector_after.is_none()
            && let Some((last, in_country)) = self.people_after(end, iso)
        {
            return self.group(i, last, in_country.then_some(iso));
        }
        if let Some((send, sector)) = sector_after {
            let capitalised = (end + 1..=send).all(|k| self.words.at(k).capitalised());
            if sector.person {
                // "Iraqi Prime Minister Nouri al-Maliki": the office titles the name after it
                // (or set beside it by commas: "the Kenyan envoy, Jane Doe,").
                let comma = self.w(send + 1).is_some_and(|w| w.text() == ",");
                if comma
                    || self.w(send + 1).is_some_and(|w| w.capitalised() && self.name_at(send + 1).is_none())
                {
                    self.demonym_mention(i, end, iso_key);
                    return self.titled_person(send + 1, Some((iso, sector, i, send)));
                }
                // "the Belarusian leader": a description of the office-holder.
                let span = self.span(i, send);
                self.describe_office(i, span, iso, sector);
                return send + 1;
            }
            let key = sector_key(iso, sector.code);
            if let Some(actor) = self.registry.known(&key) {
                let span = self.span(i, send);
                let resolution = if capitalised { Resolution::Name } else { Resolution::Description };
                let surface = span.slice(self.text);
                self.mention(i, span, surface, actor, MentionKind::Organization, resolution);
            }
            return send + 1;
        }
        if !people
            && let Some(w) = self.w(end + 1)
            && w.lowercase()
            && w.opens(OPENS_GROUP)
        {
            return self.group(i, end + 1, Some(iso));
        }
        // "Indian Ocean", "Korean Peninsula", "Russian Orthodox Church": a demonym opening a
        // capitalised name of a place or an organisation.
        if !people
            && self.w(end + 1).is_some_and(|w| w.capitalised() && self.same_sentence(end, end + 1))
            && self.name_at(end + 1).is_none()
            && let Some(run_end) = self.name_run(end + 1)
        {
            let last = self.words.at(run_end);
            let kind = if last.is(WordClass::OrgSuffix) {
                Some(ActorKind::Organization)
            } else if last.is(WordClass::PlaceSuffix) {
                Some(ActorKind::Location)
            } else {
                None
            };
            if let Some(kind) = kind
                && !(end + 1..=run_end).any(|k| self.words.at(k).is(WordClass::Title))
            {
                return self.emit_owned(i, run_end, kind, Some(iso));
            }
        }
        self.demonym_mention(i, end, iso_key);
        end + 1
    }

    /// A people's name right after word `end`, the end of a country's adjective or name
    /// (`iso`): its last word, and whether the one group they make with the country is of
    /// the country. "Iraqi Kurds", "Syrian Christians", "U.S. Muslims": a people in the
    /// country, of it. Before a country's people ("Bosnian Serbs", "Kosovo Albanians",
    /// "Turkish Cypriots", "Korean Americans") of neither: which of the two is the country
    /// they live in, the words do not tell.
    fn people_after(&self, end: usize, iso: &str) -> Option<(usize, bool)> {
        if !self.w(end + 1).is_some_and(|w| w.capitalised() && self.same_sentence(end, end + 1)) {
            return None;
        }
        let next = self.name_at(end + 1)?;
        let in_country = match &next.entry.meaning {
            Meaning::Demonym { iso: other, people: true, .. } if other != iso => false,
            Meaning::Actor { mention: MentionKind::Group, .. } if next.entry.actor_country.is_none() => true,
            _ => return None,
        };
        Some((end + next.len, in_country))
    }

    fn demonym_mention(&mut self, i: usize, end: usize, (iso_key, key_id): (&str, u32)) {
        if let Some(actor) = self.registry.known_named(iso_key, key_id) {
            let span = self.span(i, end);
            self.mention(i, span, span.slice(self.text), actor, MentionKind::Location, Resolution::Demonym);
        }
    }

    /// "the Belarusian leader", "the Russian president": the person in the document holding
    /// that office, else the one the gazetteer says held it at the document date, else the
    /// country's sector actor.
    fn describe_office(&mut self, first: usize, span: Span, iso: &str, sector: Sector) {
        // "The former French foreign minister" is neither the holder nor the government.
        if self.before_is_former(first) {
            return;
        }
        let code = format!("{iso}{}", sector.code);
        let office = self.text.get(span.start..span.end).unwrap_or("").to_lowercase();
        // "A Jordanian official said": an indefinite description brings in someone new.
        let indefinite = first.checked_sub(1).and_then(|b| self.w(b)).is_some_and(|b| {
            matches!(b.lower().as_ref(), "a" | "an" | "another") && self.same_sentence(first - 1, first)
        });
        // A person named before holds the office when a role or their mention names it
        // ("the Belarusian president" after "President Lukashenko"); any head of the
        // country's sector is its leader. "North Korea's envoy" is not Kim Jong Un.
        // ("the top U.S. diplomat": the foreign minister or secretary of state.)
        let head = office.split_whitespace().next_back().unwrap_or("");
        let top_diplomat = head == "diplomat"
            && first.checked_sub(1).and_then(|b| self.w(b)).is_some_and(|b| b.lower() == "top");
        let names_office = |title: &str| {
            title.contains(head)
                || (top_diplomat && (title.contains("foreign") || title.contains("secretary of state")))
        };
        let holds_office = |f: &Found| {
            self.registry.actor(f.actor).code.as_deref() == Some(code.as_str())
                && (head == "leader" || self.named_as(f, names_office))
        };
        let holder = if indefinite {
            None
        } else {
            self.registry
                .found
                .iter()
                .rev()
                .take(LOOKBACK)
                .filter(|f| f.kind == MentionKind::Person)
                .find(|f| holds_office(f))
                .map(|f| f.actor)
                .or_else(|| self.gazetteer_holder(&code, &office).and_then(|key| self.registry.known(&key)))
        };
        if let Some(actor) = holder {
            self.mention(first, span, "", actor, MentionKind::Person, Resolution::Description);
        } else {
            // "a Jordanian official": a person, speaking for the country's sector.
            let key = sector_key(iso, sector.code);
            if let Some(actor) = self.registry.known(&key) {
                self.mention(first, span, "", actor, MentionKind::Person, Resolution::Description);
            }
        }
    }

    /// The person the gazetteer says held the office named in `office` ("russian
    /// president") with code `code` on the document date; `None` without a date.
    fn gazetteer_holder(&self, code: &str, office: &str) -> Option<String> {
        let date = self.registry.date()?;
        let head = office.split_whitespace().last()?;
        let mut holders: Vec<&String> = GAZETTEER
            .roles_by_code
            .get(code)
            .into_iter()
            .flatten()
            .filter(|h| h.role.held_on(date) && h.title_head.as_deref() == Some(head))
            .map(|h| &h.key)
            .collect();
        // A person holding two such roles counts once.
        holders.sort();
        holders.dedup();
        (holders.len() == 1).then(|| holders[0].clone())
    }

    /// Whether the word before word `first`, in its sentence, says an office was held once:
    /// "former", "ex", "late".
    fn before_is_former(&self, first: usize) -> bool {
        self.words_before(first, 1).any(|(_, b)| matches!(b.lower().as_ref(), "former" | "ex" | "late"))
    }

    /// A name after a title or office ("President X", "Iraqi Prime Minister X"), starting at
    /// `i`: a person, with the office as a role when its country is known.
    fn titled_person(&mut self, i: usize, office: Option<(&str, Sector, usize, usize)>) -> usize {
        // "Somalia's ambassador, Mohamud Ahmed Nur, said": the name set beside the office by
        // commas is titled by it as the name right after it is.
        let apposed = office.is_some()
            && self.w(i).is_some_and(|w| w.text() == ",")
            && self.same_sentence(i, i + 1)
            && self.name_run(i + 1).is_some_and(|end| {
                self.name_at(i + 1).is_none()
                    && self.w(end + 1).is_some_and(|w| w.text() == "," && self.same_sentence(end, end + 1))
            });
        if apposed {
            if let Some((iso, sector, first, last)) = office {
                let span = self.span(first, last);
                self.describe_office(first, span, iso, sector);
            }
            return self.titled_person(i + 1, office);
        }
        let Some(end) = self.name_run(i) else {
            // "the U.S. Secretary of State said": the office without a name.
            if let Some((iso, sector, first, last)) = office {
                let span = self.span(first, last);
                self.describe_office(first, span, iso, sector);
            }
            return i;
        };
        let role = office.map(|(iso, sector, first, last)| {
            // "Former Israeli Prime Minister X" held the office once: an elite, as CAMEO codes
            // former officials, with the qualifier in the role's title.
            let former = self.before_is_former(first);
            let first = if former { first - 1 } else { first };
            let sector = if former { super::FORMER_OFFICIAL_SECTOR } else { sector.code };
            Role {
                title: self.span(first, last).slice(self.text).to_owned(),
                code: format!("{iso}{sector}"),
                start: None,
                end: None,
            }
        });
        self.titled_name(i, end, role)
    }

    /// The name `i..=end` after a title: a known person named in full is that person;
    /// any other is a person with the title's role, when it carries one.
    fn titled_name(&mut self, i: usize, end: usize, role: Option<Role>) -> usize {
        if let Some(m) = self.name_at(i)
            && m.len == end - i + 1
            && let Meaning::Actor { key, mention: MentionKind::Person, resolution } = &m.entry.meaning
            && let Some(actor) = self.registry.known_named(key, m.entry.key_id)
        {
            let span = self.span(i, end);
            self.mention(i, span, span.slice(self.text), actor, MentionKind::Person, *resolution);
            return end + 1;
        }
        self.emit_person(i, end, role)
    }

    /// After the mention of `body`, an organisation named from word `body_first` to before
    /// word `j`: an office in it and the name it titles ("Arab League Secretary General Chadli
    /// Klibi", "Taliban spokesman Zabihullah Mujahid", "EU foreign policy chief Kaja Kallas").
    /// The person is given the office, with the body's code, as a role; returns the index
    /// after the name, or `None` when no office and name follow.
    fn body_office(&mut self, body: ActorRef, body_first: usize, j: usize) -> Option<usize> {
        let code = self.registry.actor(body).code.clone()?;
        // The office's last noun (of `offices.tsv`); words before it modify it ("foreign
        // policy chief", "Special Envoy"), words after it end the office.
        let mut head = None;
        let mut k = j;
        while k < j + MAX_OFFICE_WORDS && self.same_sentence(j, k) {
            let Some(w) = self.w(k) else { break };
            if w.kind() != TokenKind::Word || w.is(WordClass::Function) || w.is(WordClass::Preposition) {
                break;
            } else if GAZETTEER.offices.contains(w.lower().as_ref()) {
                head = Some(k);
            } else if head.is_some()
                || self.name_at(k).is_some()
                || w.is(WordClass::OrgSuffix)
                || w.is(WordClass::PlaceSuffix)
            {
                // ("Taliban Foreign Ministry spokesman": the ministry is a body of its own.)
                break;
            }
            k += 1;
        }
        let head = head?;
        let first = head + 1;
        if !self.same_sentence(j, first) || self.w(first).is_none_or(|w| !w.capitalised()) {
            return None;
        }
        // A known name that is no person ("NATO chief met Ukraine's ..."), or a run ending
        // as an organisation's or place's name, is left to the scan; a known person's name
        // is read whole ("Ursula von der Leyen", past the lower-case "von").
        let run_end = self.name_run(first)?;
        let end = match self.name_at(first) {
            Some(m) if matches!(m.entry.meaning, Meaning::Actor { mention: MentionKind::Person, .. }) => {
                run_end.max(first + m.len - 1)
            }
            Some(_) => return None,
            None => run_end,
        };
        let last = self.words.at(end);
        if last.is(WordClass::OrgSuffix) || last.is(WordClass::PlaceSuffix) {
            return None;
        }
        let role = Role {
            title: self.span(body_first, head).slice(self.text).to_owned(),
            code,
            start: None,
            end: None,
        };
        Some(self.titled_name(first, end, Some(role)))
    }

    fn emit_person(&mut self, i: usize, end: usize, role: Option<Role>) -> usize {
        let span = self.span(i, end);
        let name = span.slice(self.text);
        // "Dr. Lai" after "Lai Ching-te": one word that is a person's short form is that
        // person, whatever made it a person here.
        if i == end
            && let Some((actor, MentionKind::Person)) = self.short_form(name)
        {
            self.mention(i, span, name, actor, MentionKind::Person, Resolution::Alias);
            return end + 1;
        }
        // "President Francois Mitterand": a listed person's name misspelt by a letter.
        if end > i
            && let Some((key, key_id)) = GAZETTEER.misspelt_person(&key_of(name))
            && let Some(actor) = self.registry.known_named(key, key_id)
        {
            self.mention(i, span, name, actor, MentionKind::Person, Resolution::Alias);
            self.remember_short_forms(actor, i, end, MentionKind::Person);
            return end + 1;
        }
        let actor = self.registry.unknown(name, ActorKind::Person, role);
        match self.words.at(i).given_name() {
            Some(Gender::Male) => self.registry.set_gender(actor, 'm'),
            Some(Gender::Female) => self.registry.set_gender(actor, 'f'),
            _ => {}
        }
        self.mention(i, span, name, actor, MentionKind::Person, Resolution::Unknown);
        self.remember_short_forms(actor, i, end, MentionKind::Person);
        end + 1
    }

    /// The end (inclusive) of a run of capitalised name words starting at `i`.
    fn name_run(&self, i: usize) -> Option<usize> {
        let first = self.w(i)?;
        if !first.capitalised()
            || (is_calendar(first) && !self.calendar_in_name(i))
            || modifier_compound(first.text())
        {
            return None;
        }
        let mut end = i;
        let mut j = i + 1;
        while let Some(w) = self.w(j) {
            // A name is a few words: a longer run is cut, so that the titles and names met
            // along a long capitalised line each read a bounded run (else quadratic).
            if !self.same_sentence(i, j) || j - i >= MAX_NAME_WORDS {
                break;
            }
            let prev = self.words.at(j - 1);
            let gap = &self.text[prev.span().end..w.span().start];
            if line_break(gap) {
                break;
            }
            if w.capitalised() {
                if (is_calendar(w) && !self.calendar_in_name(j))
                    || w.is(WordClass::Function)
                    || w.is(WordClass::NotAName)
                    // "University of Southern California": a compass or people adjective
                    // goes on only into a name.
                    || (w.is(WordClass::NameModifier)
                        && self.capitalised_after(j).is_none())
                    || self.model_number(j)
                {
                    break;
                }
                // "Chrysler LLC Jim Press": an organisation's last word before a given name
                // ends the organisation.
                if prev.is(WordClass::OrgSuffix) && w.is_given_name() {
                    break;
                }
                if let Some(m) = self.name_at(j) {
                    // A known place or body inside a longer capitalised name is part of it
                    // ("Air France", "Bank of England"); a demonym, a person or a title
                    // before it ends the run.
                    // A lone surname inside a longer name is part of it ("Bandar Abbas").
                    let person = m.len > 1
                        && matches!(m.entry.meaning, Meaning::Actor { mention: MentionKind::Person, .. });
                    if person
                        || matches!(m.entry.meaning, Meaning::Demonym { .. })
                        || prev.is(WordClass::Title)
                        || (prev.lowercase() && prev.lower() != "of")
                        || (j == i + 1 && self.opening_modifier(first))
                    {
                        break;
                    }
                    end = j + m.len - 1;
                    j = end + 1;
                    continue;
                }
                end = j;
            } else if w.text() == "."
                && prev.span().end == w.span().start
                && (prev.text().chars().count() == 1
                    || matches!(prev.text(), "St" | "Mt" | "Ft" | "Jr" | "Sr"))
                && self.w(j + 1).is_some_and(|n| n.capitalised() && n.span().start > w.span().end)
            {
                // An initial or a short form inside a name: "George W. Bush", "St. Louis".
            } else if w.text() == "&"
                && self.capitalised_after(j).is_some_and(|n| !is_calendar(n))
                && self.firm_name_part(j + 1)
            {
                // "Standard & Poor's", "Procter & Gamble": an ampersand joins a firm's name.
            } else if w.lowercase() && particle_name(w.text()) {
                // "al-Sudani", "el-Sisi": a particle joined to a capitalised name.
                end = j;
            } else if w.lowercase() && CONNECTORS.contains(&w.lower().as_ref()) {
                let follows = self.w(j + 1).is_some_and(|n| n.capitalised() && !is_calendar(n));
                // "of" joins only after a word that takes it ("Bank of", "Gulf of",
                // "Minister of"), not a person's name ("Martin Kelly of EOS").
                let takes_of = prev.is(WordClass::OrgSuffix)
                    || prev.is(WordClass::PlaceSuffix)
                    || prev.is(WordClass::Title);
                if !follows || (matches!(w.lower().as_ref(), "of" | "on") && !takes_of) {
                    break;
                }
            } else {
                break;
            }
            j += 1;
        }
        Some(end)
    }

    /// After a known name ending at `end`: the end of a capitalised run that makes the whole
    /// the name of an organisation ("New York Times", "U.S. Treasury Department") or of a
    /// place ("Singapore Strait").
    /// After a known name ending at `end`: the end of a capitalised run that makes the whole a
    /// law's or treaty's name ("Paris Agreement", "Good Friday Agreement").
    fn document_after(&self, end: usize) -> Option<usize> {
        let next = self.w(end + 1)?;
        if !next.capitalised() || !self.same_sentence(end, end + 1) || self.name_at(end + 1).is_some() {
            return None;
        }
        let run_end = self.name_run(end + 1)?;
        self.words.at(run_end).is(WordClass::DocumentSuffix).then_some(run_end)
    }

    fn name_run_after(&self, end: usize, actor_kind: Option<ActorKind>) -> Option<(usize, ActorKind)> {
        let next = self.w(end + 1)?;
        if !next.capitalised() || !self.same_sentence(end, end + 1) || self.name_at(end + 1).is_some() {
            return None;
        }
        let run_end = self.name_run(end + 1)?;
        // "U.S. Secretary of State": an office, handled with the sector words.
        if (end + 1..=run_end).any(|k| self.words.at(k).is(WordClass::Title)) {
            return None;
        }
        let last = self.words.at(run_end);
        // "Department of Commerce", "Council on Foreign Relations": an organisation word
        // anywhere in the run.
        if (end + 1..=run_end).any(|k| {
            let w = self.words.at(k);
            w.capitalised() && w.is(WordClass::OrgSuffix)
        }) {
            return Some((run_end, ActorKind::Organization));
        }
        let place = matches!(actor_kind, Some(ActorKind::State | ActorKind::Location));
        (place && last.is(WordClass::PlaceSuffix)).then_some((run_end, ActorKind::Location))
    }

    /// An unknown name opened by a known country or place: it belongs to that country, and
    /// an organisation whose last word is a sector word takes the sector ("U.S. Treasury
    /// Department" is USAGOV).
    fn emit_owned(&mut self, i: usize, end: usize, kind: ActorKind, country: Option<&str>) -> usize {
        let role = country.map(|iso| {
            // The last sector word of the name gives the sector ("Treasury Department").
            let sector = (i..=end)
                .rev()
                .find_map(|k| self.words.at(k).sector())
                .filter(|_| kind == ActorKind::Organization);

            Role {
                title: self.span(i, end).slice(self.text).to_owned(),
                code: sector.map_or_else(|| iso.to_owned(), |s| format!("{iso}{}", s.code)),
                start: None,
                end: None,
            }
        });
        self.emit_unknown(i, end, kind.into(), role)
    }

    /// Whether the word at `i` is a model number or a figure ("A380", "787"): names of
    /// products, which are not actors.
    fn model_number(&self, i: usize) -> bool {
        self.w(i).is_some_and(|w| {
            w.kind() == TokenKind::Number
                || (w.kind() == TokenKind::Word && w.text().bytes().any(|b| b.is_ascii_digit()))
        })
    }

    /// A capitalised word that opens no known name.
    fn unknown_name(&mut self, i: usize) -> usize {
        let w = self.words.at(i);
        if self.model_number(i) {
            return i + 1;
        }
        // A title opens a person's name: "President X", "Gen. Y", "Foreign Minister Z".
        if w.is(WordClass::Title) {
            let mut j = i;
            while let Some(t) = self.w(j) {
                if t.is(WordClass::Title) || t.text() == "." || t.text() == "-" {
                    j += 1;
                } else {
                    break;
                }
            }
            j = self.office_of(j);
            if j > i && self.w(j).is_some_and(WordAt::capitalised) && self.same_sentence(i, j) {
                // "General Motors", "Supreme Council": the title word is part of an
                // organisation's name.
                if let Some(run_end) = self.name_run(i)
                    && self.words.at(run_end).is(WordClass::OrgSuffix)
                {
                    return self.emit_unknown(i, run_end, ActorKind::Organization.into(), None);
                }
                if self.name_at(j).is_some() {
                    return j;
                }
                let Some(end) = self.name_run(j) else { return j };
                return self.emit_person(j, end, None);
            }
            return i + 1;
        }
        if w.is(WordClass::NameModifier) {
            return self.modified_name(i);
        }
        if w.is(WordClass::Function)
            || w.is(WordClass::NotAName)
            || (is_calendar(w) && !self.calendar_in_name(i))
            || w.text().chars().count() < 2
        {
            return i + 1;
        }
        if modifier_compound(w.text()) {
            return self.compound_owner(i);
        }
        let Some(end) = self.name_run(i) else { return i + 1 };
        if let Some(office) = (i + 1..=end.min(i + 2)).find(|&t| self.department_before_office(i, t - 1)) {
            return office;
        }
        if end > i && modifier_compound(self.words.at(end).text()) {
            return self.name_before_compound(i, end);
        }
        // "Airbus A380", "Boeing 787": a product, not an actor.
        if self.model_number(end + 1) && self.same_sentence(end, end + 1) {
            return end + 2;
        }
        // A short form of a name seen before: "Lukashenko", "Lockheed".
        if end == i {
            if let Some((actor, kind)) = self.short_form(w.text()) {
                self.mention(i, w.span(), w.text(), actor, kind, Resolution::Alias);
                return i + 1;
            }
            if let Some(&actor) = self.acronyms.get(w.text()) {
                let kind = mention_kind(self.registry.actor(actor).kind);
                self.mention(i, w.span(), w.text(), actor, kind, Resolution::Acronym);
                return i + 1;
            }
        }
        // Read once for the tests below (sliced or built from the text when asked).
        let lower = w.lower();
        // A capitalised ordinary word opening a sentence is not a name: "Occasionally",
        // "Returning", or any word the text also writes in lower case.
        if w.sentence_initial()
            && !w.is_given_name()
            && (self.words.written_in_lower_case(&lower)
                || lower.ends_with("ly")
                || (end == i && self.ordinary_word(i, w)))
        {
            return i + 1;
        }
        // A capitalised common word alone opening a sentence, a quotation or what follows a
        // colon ("Survivors told VOA", "“Believe me", "Armitage: Probably"), even acting, is
        // an ordinary word, unless the text also writes it capitalised inside a sentence
        // ("Apple said ... shares of Apple"), opens a longer name elsewhere ("Apple
        // Computer"), or opens another sentence too, never written in lower case ("Ford
        // announces cuts" above "Ford has announced"), or says it is a person ("Yang is a
        // Chinese businessman").
        if end == i
            && !w.is_given_name()
            && (w.sentence_initial() || self.opens_quotation(i) || self.follows_colon(i))
            && GAZETTEER.common_words.contains(&lower)
            && !self.words.capitalised_inside(w.text())
            && !self.written_as_a_name_elsewhere(w.text())
            && !self.predicate_names_person(i)
        {
            return i + 1;
        }
        if end == i && self.generic_institution_word(w) {
            return i + 1;
        }
        // "African leaders", "Islamist groups", "Europeans": an adjective or a people noun
        // made from a place, not a name.
        if end == i
            && (["ians", "eans", "icans", "ists"].iter().any(|e| lower.ends_with(e))
                || (["ian", "ean", "ican", "ese", "ic", "ist", "ish"].iter().any(|e| lower.ends_with(e))
                    && self.w(i + 1).is_some_and(|n| {
                        n.lowercase() && !n.is(WordClass::Function) && !n.is(WordClass::AgentVerb)
                    })))
        {
            return i + 1;
        }

        // "Apple Computer CEO Steve Jobs", "Ryanair CEO": a title inside the run ends the
        // name before it (and opens a person's name, handled from the title on).
        let mut end = end;
        if let Some(k) = (i + 1..=end).find(|&k| {
            let t = self.words.at(k);
            t.capitalised() && t.is(WordClass::Title)
        }) && !self.words.at(end).is(WordClass::OrgSuffix)
            // Not a title word inside a name, after its connector ("Council on Foreign
            // Relations", "Department of Justice").
            && !self.words.at(k - 1).lowercase()
            // A title ending the run after an organisation's word is an office ("White House
            // Press Secretary"); with a name after it, it ends the organisation ("Ford Motor
            // Company CEO Alan Mulally").
            && (k < end || !(i..k).any(|j| self.words.at(j).is(WordClass::OrgSuffix)))
            && !w.is_given_name()
        {
            if self.words.at(k - 1).is(WordClass::Title) || (k - 1 == i && self.generic_institution_word(w)) {
                return k;
            }
            end = k - 1;
        }
        // "Dow Jones Industrial Average", "Consumer Price Index": a measure, no actor.
        if end > i && self.words.at(end).is(WordClass::MeasureSuffix) {
            return end + 1;
        }
        // "Chinese Exclusion Act", "Dayton Accords": a law or treaty, no actor.
        if self.words.at(end).is(WordClass::DocumentSuffix) {
            return end + 1;
        }
        // "the Hang Seng index", "the Dow Jones industrial average": the same, written with
        // the measure's word in lower case after the name.
        if let Some(suffix) = self.lowercase_after(end, WordClass::MeasureSuffix) {
            return suffix + 1;
        }
        // "Press Secretary", "Prime Minister": an office without a name is no actor here.
        if self.words.at(end).is(WordClass::Title) && !w.is_given_name() {
            return end + 1;
        }
        let kind = self.classify(i, end);
        self.emit_unknown(i, end, kind, None)
    }

    /// Past the department of a title at `of` ("Secretary of State Rubio", "Minister of
    /// Foreign Affairs Wang Yi", "Secretary of Health and Human Services X"): the capitalised
    /// common words after "of" (and "and" between them), up to a given name or a known name.
    /// `of` itself when no such words follow it.
    fn office_of(&self, of: usize) -> usize {
        if self.w(of).is_none_or(|w| w.text() != "of") || !self.same_sentence(of.saturating_sub(1), of) {
            return of;
        }
        let department_word = |k: usize| {
            self.w(k).is_some_and(|w| {
                w.capitalised()
                    && !w.is_given_name()
                    && self.name_at(k).is_none()
                    && GAZETTEER.common_words.contains(&w.lower())
            })
        };
        let mut k = of + 1;
        let mut end = of;
        while self.same_sentence(of, k) {
            if department_word(k) {
                end = k;
                k += 1;
            } else if self.w(k).is_some_and(|w| w.text() == "and" || w.text() == "&")
                && department_word(k + 1)
            {
                k += 1;
            } else {
                break;
            }
        }
        if end == of { of } else { end + 1 }
    }

    /// A compass or people adjective at `i` ("Northern", "Arab"): it opens the unknown name
    /// right after it ("Northern Military District", "Muslim Brotherhood"); alone ("Western
    /// officials", "Arab states") or before a known name ("Northern Syria", read from the next
    /// word on) it is no name.
    fn modified_name(&mut self, i: usize) -> usize {
        let opens_unknown_name = self.capitalised_after(i).is_some_and(|n| {
            self.text.get(self.words.at(i).span().end..n.span().start) == Some(" ")
                && !n.is(WordClass::Function)
                && !n.is(WordClass::NotAName)
                && !n.is(WordClass::NameModifier)
                && !n.is(WordClass::Title)
                && !is_calendar(n)
                && self.name_at(i + 1).is_none()
        });
        if !opens_unknown_name {
            return i + 1;
        }
        // "Southern Command Chief X": a title in the run is read from the next word on.
        let Some(end) =
            self.name_run(i).filter(|&end| !(i + 1..=end).any(|k| self.words.at(k).is(WordClass::Title)))
        else {
            return i + 1;
        };
        if modifier_compound(self.words.at(end).text()) {
            // "New York-based": the name up to the hyphen.
            return self.name_before_compound(i, end);
        }
        let kind = self.classify(i, end);
        self.emit_unknown(i, end, kind, None)
    }

    /// Whether the weekday or month at `i` is a word of a longer name, as the time layer reads
    /// it (`Grammar::inside_longer_name`): a capitalised word follows, and "the" or a capitalised
    /// word not opening the sentence comes before ("the Sunday Times", "the Good Friday
    /// Agreement"; not "On Monday Trump said").
    fn calendar_in_name(&self, i: usize) -> bool {
        let followed = self.capitalised_after(i).is_some_and(|n| !is_calendar(n));
        followed
            && i.checked_sub(1).and_then(|p| self.w(p)).is_some_and(|p| {
                self.same_sentence(i - 1, i)
                    && (p.is_the()
                        || (p.capitalised() && p.kind() == TokenKind::Word && !p.sentence_initial()))
            })
    }

    /// Whether the capitalised word at `i`, after an ampersand, may go on a firm's name: not a
    /// known place, country or demonym ("Russia & China").
    fn firm_name_part(&self, i: usize) -> bool {
        self.name_at(i)
            .is_none_or(|m| matches!(m.entry.meaning, Meaning::Actor { mention: MentionKind::Person, .. }))
    }

    /// Whether the text writes the capitalised `word` right after "the" ("the Taurus"), read
    /// from how the text writes each capitalised word (see `Scanner::name_uses`).
    fn written_after_the(&self, word: &str) -> bool {
        self.name_uses().get(word).is_some_and(|u| u.after_the)
    }

    /// "the Council", "the University", "Commission President X": an institution's generic
    /// word alone names no particular actor.
    fn generic_institution_word(&self, w: WordAt<'_, '_>) -> bool {
        !is_acronym_word(w.text())
            && (w.is(WordClass::OrgSuffix) || w.is(WordClass::PlaceSuffix))
            && !w.opens(OPENS_SECTOR)
    }

    /// "Ahn So-young", "Pak Jong Chon": whether the name at `i..=end` is a family name
    /// written first, then one or two romanised syllable words. Read off the text: the
    /// scan's words split "So-young" at its hyphen.
    fn family_name_first(&self, i: usize, end: usize) -> bool {
        let first = self.words.at(i).text();
        GAZETTEER.family_names_first.contains(first) && {
            let mut parts = self.span(i, end).slice(self.text).split_whitespace();
            parts.next().is_some_and(|family| family == first)
                && (1..=2).contains(&parts.clone().count())
                && parts.all(romanized::is_romanized_given_name)
        }
    }

    /// A family name of the name-first lists written last, after one other word that is no
    /// common word: "Adrianna Zhang", "Daniel Kim" (Western order, as many Chinese, Korean
    /// and Vietnamese names abroad are written).
    fn family_name_last(&self, i: usize, end: usize) -> bool {
        let first = self.words.at(i);
        end == i + 1
            && GAZETTEER.family_names_first.contains(self.words.at(end).text())
            && !GAZETTEER.common_words.contains(&first.lower())
    }

    /// Whether a relative "who" follows the name from `i` to `end`, after a comma or not:
    /// "X, who heads ..." (an organisation takes "which"). Not after a preposition, where the
    /// "who" may go with the noun before ("an owner in the province of X, who asked ..."), nor
    /// for a lone common word ("People who ...").
    fn relative_who_after(&self, i: usize, end: usize) -> bool {
        let at = if self.w(end + 1).is_some_and(|w| w.text() == ",") { end + 2 } else { end + 1 };
        self.w(at).is_some_and(|w| w.text() == "who")
            && self.same_sentence(end, at)
            && !self
                .w(i.wrapping_sub(1))
                .is_some_and(|p| p.is(WordClass::Preposition) && self.same_sentence(i - 1, i))
            && !(end == i && GAZETTEER.common_words.contains(&self.words.at(i).lower()))
    }

    /// Whether the text writes the capitalised `word` as a name elsewhere: right before
    /// another capitalised word ("Apple Computer"), or opening two sentences.
    fn written_as_a_name_elsewhere(&self, word: &str) -> bool {
        self.name_uses().get(word).is_some_and(|u| u.before_capitalised || u.sentences_opened >= 2)
    }

    /// How the text writes each capitalised word: one pass over the words, made the first
    /// time a document asks (a search of the text at each asking would be quadratic in a
    /// long document opening many sentences with different common words).
    fn name_uses(&self) -> &FastMap<&'a str, NameUse> {
        self.name_uses.get_or_init(|| {
            let mut uses: FastMap<&'a str, NameUse> = FastMap::default();
            let mut k = 0;
            while let Some(w) = self.w(k) {
                k += 1;
                if w.kind() != TokenKind::Word || !w.capitalised() {
                    continue;
                }
                let before_capitalised = self.w(k).is_some_and(|n| {
                    n.kind() == TokenKind::Word
                        && n.capitalised()
                        && n.sentence() == w.sentence()
                        && self.text.get(w.span().end..n.span().start) == Some(" ")
                });
                let after_the = k >= 2 && self.words.at(k - 2).is_the();
                let found = uses.entry(w.text()).or_default();
                found.sentences_opened =
                    found.sentences_opened.saturating_add(u8::from(w.sentence_initial()));
                found.before_capitalised |= before_capitalised;
                found.after_the |= after_the;
            }
            uses
        })
    }

    /// Whether the word at `i` opens a quotation: right after a quotation mark that follows a
    /// space, a line break or opening punctuation (or opens the text).
    fn opens_quotation(&self, i: usize) -> bool {
        super::words::opens_quotation_at(self.text, self.words.at(i).span().start)
    }

    /// Whether word `i` opens what follows a colon, capitalised as a sentence's first word
    /// is ("Armitage: Probably the Russian attack", "The answer: Never").
    fn follows_colon(&self, i: usize) -> bool {
        let before = self.text.get(..self.words.at(i).span().start).unwrap_or("");
        before.trim_end().ends_with(':')
    }

    /// Whether the name ending at word `end` acts: an agent verb follows ("Chrysler
    /// reported", "Toyota said"), perhaps after "has", "have" or "had" ("Ford has
    /// announced", "Apple have released").
    fn acts_after(&self, end: usize) -> bool {
        let verb = match self.w(end + 1) {
            Some(n) if matches!(n.lower().as_ref(), "has" | "have" | "had") => end + 2,
            _ => end + 1,
        };
        self.w(verb).is_some_and(|n| n.lowercase() && n.is(WordClass::AgentVerb))
            && self.same_sentence(end, verb)
    }

    /// Whether `w` is a modifier opening its sentence, capitalised only as its first word: a
    /// participle ("Citing China's support", "Praising Russia": a common word of six letters or
    /// more ending in "-ing") or a compound of common words ("State-run Xinhua"). A known name
    /// after it starts there.
    fn opening_modifier(&self, w: WordAt<'_, '_>) -> bool {
        if !w.sentence_initial() || w.text().len() < 6 {
            return false;
        }
        let lower = w.lower();
        (lower.ends_with("ing") && GAZETTEER.common_words.contains(&lower))
            || (lower.contains('-')
                && lower.split('-').all(|part| !part.is_empty() && GAZETTEER.common_words.contains(part)))
    }

    /// A sentence-initial word not known as a name is taken for a name only when the text
    /// never writes it in lower case and also writes it capitalised inside a sentence, or it
    /// acts ("Toyota said") or is said to be a person ("Yang is a businessman").
    fn ordinary_word(&self, i: usize, w: WordAt<'_, '_>) -> bool {
        if self.words.written_in_lower_case(&w.lower()) {
            return true;
        }
        // "Yang is a Chinese businessman": a role noun of people as its predicate makes it a
        // name too.
        !self.acts_after(i) && !self.predicate_names_person(i) && !self.words.capitalised_inside(w.text())
    }

    /// The kind of an unknown name from its words and context: an organisation when nothing
    /// tells (`guessed`).
    fn classify(&self, i: usize, end: usize) -> Classified {
        match self.kind_evidence(i, end) {
            Some(kind) => Classified { kind, guessed: false },
            None => Classified { kind: ActorKind::Organization, guessed: true },
        }
    }

    /// The kind of an unknown name that its words or context tell, if any.
    fn kind_evidence(&self, i: usize, end: usize) -> Option<ActorKind> {
        let last = self.words.at(end);
        // (A particle joined to a name, "al-Rufay'i", is part of a person's name.)
        let plain_lowercase = |k: usize| {
            let w = self.words.at(k);
            w.lowercase() && !particle_name(w.text())
        };
        let multiword = end > i && !(i..=end).any(plain_lowercase);
        if multiword && (self.role_before(i) || self.apposition_names_person(end)) {
            return Some(ActorKind::Person);
        }
        // "spokesperson Chaundry", "his daughter Makeda": a role noun of people only right
        // before a lone word; "X, who heads ...".
        let first_sentence = self.words.at(i).sentence();
        if (end == i
            && self.w(i.wrapping_sub(1)).is_some_and(|p| {
                p.lowercase() && p.is(WordClass::LoneNameRole) && p.sentence() == first_sentence
            }))
            || self.relative_who_after(i, end)
            || self.predicate_names_person(end)
        {
            return Some(ActorKind::Person);
        }
        if last.is(WordClass::OrgSuffix)
            || (i..end).any(|k| {
                let w = self.words.at(k);
                w.capitalised() && w.is(WordClass::OrgSuffix) && self.words.at(k + 1).lowercase()
            })
        {
            return Some(ActorKind::Organization);
        }
        if last.is(WordClass::PlaceSuffix) {
            return Some(ActorKind::Location);
        }
        // "Balochistan's Kalat district", "the Nangarhar province": a region word in lower case
        // after the name.
        if self.lowercase_after(end, WordClass::RegionWord).is_some() {
            return Some(ActorKind::Location);
        }
        // "the Evin prison", "Incirlik air base": a facility named after where it stands.
        if self.lowercase_after(end, WordClass::FacilityNoun).is_some()
            || self.w(end + 1).is_some_and(|n| n.lowercase() && !n.is(WordClass::Function))
                && self.lowercase_after(end + 1, WordClass::FacilityNoun).is_some()
        {
            return Some(ActorKind::Location);
        }
        let first = self.words.at(i);
        if end == i && is_acronym_word(first.text()) {
            return Some(ActorKind::Organization);
        }
        // A given name alone ("Albert found himself") names a person; not "the Hilton hotel"
        // or "the Bill of Rights".
        if end == i
            && first.is_given_name()
            && !self.w(i.wrapping_sub(1)).is_some_and(|p| p.is_the() && p.sentence() == first.sentence())
            && self.w(i + 1).is_none_or(|n| n.lower() != "of")
        {
            return Some(ActorKind::Person);
        }
        let prev = i.checked_sub(1).and_then(|p| self.w(p)).filter(|p| p.sentence() == first.sentence());
        let words = (i..=end).filter(|&k| self.words.at(k).kind() == TokenKind::Word).count();
        let connected = (i..=end).any(plain_lowercase);
        if (2..=4).contains(&words) && !connected {
            let initial = (i + 1..=end)
                .any(|k| self.words.at(k).text() == "." && self.words.at(k - 1).text().chars().count() == 1);

            // A known name inside makes it no person's ("Boston Globe"), but a known person's
            // name does not ("Richard Bennett" beside Naftali Bennett, "Ali Khan").
            let known_inside = (i..=end).any(|k| {
                self.name_at(k).is_some_and(|m| {
                    !matches!(&m.entry.meaning, Meaning::Actor { mention: MentionKind::Person, .. })
                })
            });
            // A given name before the last word: "Ilyas Ali Hassan", "Mohamed Abdullahi
            // Mohamed".
            if !known_inside
                && ((i..end).any(|k| self.words.at(k).is_given_name())
                    || GAZETTEER.surname_like(last.text())
                    || initial
                    || self.family_name_first(i, end)
                    || self.family_name_last(i, end))
            {
                return Some(ActorKind::Person);
            }
        }
        // A city or US state ("Amritsar", "Banja Luka"), unless it acts: "Toyota said" is the
        // company.
        if !self.acts_after(end) && GAZETTEER.cities.contains_key(self.span(i, end).slice(self.text)) {
            return Some(ActorKind::Location);
        }
        // "in Dhaka"; not "a stake in Chrysler", where "in" follows a noun of owning.
        if prev.is_some_and(|p| p.lowercase() && p.is(WordClass::PlacePreposition))
            && !(i >= 2 && self.w(i - 2).is_some_and(|n| n.lowercase() && n.is(WordClass::StakeNoun)))
        {
            return Some(ActorKind::Location);
        }
        // "the port of Bandar Abbas", "the city of Mobile".
        if prev.is_some_and(|p| p.lower() == "of")
            && i >= 2
            && self.w(i - 2).is_some_and(|p| p.lowercase() && p.is(WordClass::PlaceNoun))
        {
            return Some(ActorKind::Location);
        }
        // "Mobile, Alabama", "Toulouse, France": a name followed by a known place; not by a
        // place's possessive, which opens an apposition ("Airbus, Europe's biggest aircraft
        // maker").
        if self.w(end + 1).is_some_and(|w| w.text() == ",")
            && self.same_sentence(end, end + 2)
            && self.name_at(end + 2).is_some_and(|m| {
                matches!(&m.entry.meaning, Meaning::Actor { mention: MentionKind::Location, .. }
                    if matches!(m.entry.actor_kind, Some(ActorKind::State | ActorKind::Location)))
                    && !self.w(end + 2 + m.len).is_some_and(WordAt::possessive)
            })
        {
            return Some(ActorKind::Location);
        }
        None
    }

    /// A role noun right before the name at `i` ("analyst Paul Nesbit", "prime minister,
    /// Taro Aso").
    fn role_before(&self, i: usize) -> bool {
        let sentence = self.words.at(i).sentence();
        let mut k = i;
        if k > 0 && self.words.at(k - 1).text() == "," {
            k -= 1;
        }
        k.checked_sub(1).and_then(|p| self.w(p)).is_some_and(|p| {
            p.sentence() == sentence && (p.lowercase() || p.sentence_initial()) && is_person_noun(p)
        })
    }

    /// "Yang is a Chinese businessman in Austria": the name at `end` is the subject of "is"
    /// or "was", and the predicate's head, a few words on, is a role noun of people only
    /// (class `lone-name-role`): not "a student group", where the role noun heads nothing.
    fn predicate_names_person(&self, end: usize) -> bool {
        let sentence = self.words.at(end).sentence();
        let at = |k: usize| self.w(k).filter(|w| w.sentence() == sentence);
        let is = |k: usize, words: &[&str]| at(k).is_some_and(|w| words.contains(&w.lower().as_ref()));
        if !is(end + 1, &["is", "was"]) || !is(end + 2, &["a", "an", "the"]) {
            return false;
        }
        let Some(role) = (end + 3..end + 7)
            .map_while(|k| at(k).filter(|w| w.kind() == TokenKind::Word).map(|w| (k, w)))
            .find(|(_, w)| w.lowercase() && w.is(WordClass::LoneNameRole))
            .map(|(k, _)| k)
        else {
            return false;
        };
        at(role + 1).is_none_or(|n| {
            n.kind() != TokenKind::Word
                || n.is(WordClass::Preposition)
                || matches!(n.lower().as_ref(), "who" | "and")
        })
    }

    /// "X, the defence minister," / "X, a spokesman for ...": an apposition naming an
    /// office or role after the name at `end`.
    fn apposition_names_person(&self, end: usize) -> bool {
        if self.w(end + 1).is_none_or(|w| w.text() != ",") {
            return false;
        }
        // ("Frantz Exantus, Haiti's secretary of state": past a possessive mark too.)
        (end + 2..end + 8)
            .map_while(|k| {
                self.w(k)
                    .filter(|w| (w.kind() == TokenKind::Word || w.possessive()) && self.same_sentence(end, k))
            })
            .any(is_person_noun)
    }

    fn emit_unknown(&mut self, i: usize, end: usize, kind: Classified, role: Option<Role>) -> usize {
        if kind.kind == ActorKind::Person {
            return self.emit_person(i, end, role);
        }
        let span = self.span(i, end);
        // (The mention's kind is the actor's: "said Duch Piseth" after "the lawyer, Duch
        // Piseth," is a person's.)
        let (actor, mention) = self.unknown_mention(i, span, span.slice(self.text), kind, role);
        self.remember_short_forms(actor, i, end, mention);
        self.acronym_after(end, actor, mention)
    }

    /// Records the mention at `span` (which opens at word `first`) of an unknown actor of
    /// kind `kind` named `name`, and returns the actor and the mention's kind (the actor's:
    /// a name seen before keeps the kind it was given then, unless that was guessed and this
    /// mention's context says it is a place's: see [`Registry::tell_kind`]). The name is the
    /// span's text, or part of it ("EADS" of "EADS-led"); the span may end inside a word
    /// ("United Nations" of "United Nations-appointed").
    fn unknown_mention(
        &mut self,
        first: usize,
        span: Span,
        name: &'a str,
        classified: Classified,
        role: Option<Role>,
    ) -> (ActorRef, MentionKind) {
        let kind = classified.kind;
        let actor = self.registry.unknown(name, kind, role);
        if !classified.guessed {
            self.registry.tell_kind(actor, kind);
        }
        if kind == ActorKind::Organization
            && plain_name(name)
            && let Some((_, last)) = name.rsplit_once(' ')
        {
            self.plain_names_by_last_word.insert(last, actor);
        }
        // A city is a place in its country, coded as the gazetteer's places are.
        if kind == ActorKind::Location
            && let Some(iso) = GAZETTEER.cities.get(name)
        {
            self.registry.set_country(actor, iso);
        }
        let mention = mention_kind(self.registry.actor(actor).kind);
        self.mention(first, span, name, actor, mention, Resolution::Unknown);
        (actor, mention)
    }

    /// Handles a lower-case word: group nouns, pronouns, role descriptions.
    fn lowercase_at(&mut self, i: usize) -> usize {
        let w = self.words.at(i);
        // "al-Bunni said": a person's name with its particle, named in full before.
        if particle_name(w.text())
            && let Some((actor, MentionKind::Person)) = self.short_form(w.text())
        {
            self.mention(i, w.span(), w.text(), actor, MentionKind::Person, Resolution::Alias);
            return i + 1;
        }
        if w.opens(OPENS_LOWER_NAME)
            && let Some(m) = self.name_at(i)
        {
            return self.known_name(i, &m);
        }

        if w.opens(OPENS_GROUP) {
            return self.group(i, i, None);
        }
        if w.is(WordClass::PronounMale) || w.is(WordClass::PronounFemale) {
            let female = w.is(WordClass::PronounFemale);
            self.pronoun_person(i, female);
        } else if w.is(WordClass::PronounThing) {
            self.pronoun_thing(i);
        } else if w.is(WordClass::PronounPlural) {
            self.pronoun_plural(i);
        } else if w.is_the()
            && let Some(noun) = self.w(i + 1).filter(|n| n.lowercase() && n.is(WordClass::OrgNoun))
            && self.same_sentence(i, i + 1)
            && !self
                .w(i + 2)
                .is_some_and(|n| self.same_sentence(i + 1, i + 2) && (n.capitalised() || n.lower() == "of"))
            && let Some(actor) = self.recent_organisation(noun.sentence() as usize)
        {
            // "Amnesty International criticised the law. The group said": the organisation
            // named last ("the group Hamas", "the group of seven" name their own).
            self.mention(
                i + 1,
                noun.span(),
                noun.text(),
                actor,
                MentionKind::Organization,
                Resolution::Description,
            );
            return i + 2;
        } else if w.is_the()
            && let Some((send, sector)) = self.sector_run(i + 1)
            && sector.person
            && self.same_sentence(i, send)
            && !self.w(send + 1).is_some_and(WordAt::capitalised)
        {
            if !self.describe_recent_holder(i + 1, send, sector) {
                self.describe_introduced_person(i);
            }
            return send + 1;
        } else if w.is_the()
            && let Some(next) = self.describe_introduced_person(i)
        {
            return next;
        }
        i + 1
    }

    /// "Sayed Abdul Wajeed Sadat, the Ghazni provincial head for the Red Cross ... The Red
    /// Cross official did not share details": a definite description of a person ("the" at
    /// `the`, at most three modifiers, a role noun ending the phrase, no name after it) is the
    /// person named last in the sentences before whose introduction tells them so: one of its
    /// modifiers is among the words introducing them ("Commerce Secretary Howard Lutnick ...
    /// The Commerce chief"; the words before the name in its sentence, or an apposition or
    /// relative clause after it), or, with no modifier, its role noun is their title's ("Finance
    /// Minister Muhammad Aurangzeb ... the minister said"). A demonym or a word of rank or time
    /// ("Russian", "top", "former") tells no one apart. Returns the index after the
    /// description when it names someone.
    fn describe_introduced_person(&mut self, the: usize) -> Option<usize> {
        let sentence = self.words.at(the).sentence();
        // No one named in reach: nothing to look for ("the" is the commonest word).
        if self.named_person_sentence.is_none_or(|s| s + DESCRIBED_PERSON_SENTENCES < sentence as usize) {
            return None;
        }
        // The role noun ends the phrase: a verb, a function word or punctuation (not a comma,
        // which may open an apposition) follows ("the chief minister said"; "the deputy chief
        // justice" has none).
        let head = (the + 1..the + 5).take_while(|&k| self.same_sentence(the, k)).find(|&k| {
            let w = self.words.at(k);
            w.lowercase()
                && is_role_noun(w)
                && self.w(k + 1).is_none_or(|n| !self.same_sentence(k, k + 1) || ends_phrase(n))
        })?;
        // The words telling this person apart, lower case. A country's demonym or name among
        // them makes the description an office of that country's, read as such elsewhere
        // ("the Belarusian president").
        let mut modifiers: Vec<String> = Vec::new();
        for k in the + 1..head {
            let w = self.words.at(k);
            if w.kind() != TokenKind::Word || w.is(WordClass::Function) {
                return None;
            }
            if let Some(m) = self.name_at(k) {
                match m.entry.meaning {
                    Meaning::Demonym { .. } => return None,
                    _ if matches!(m.entry.actor_kind, Some(ActorKind::State | ActorKind::Government)) => {
                        return None;
                    }
                    _ => {}
                }
            }
            if !GAZETTEER.untelling_modifiers.contains(w.lower().as_ref()) {
                modifiers.push(w.lower().into_owned());
            }
        }
        let role = role_family(&self.words.at(head).lower()).to_owned();
        // "Mark Lambert, who was the special envoy for North Korea,": set beside a person's
        // name, the description is part of naming them (events read the name; someone named
        // before is not looked for).
        if self.person_apposed_to(the) {
            return None;
        }
        let holder = self
            .registry
            .found
            .iter()
            .zip(&self.found_at)
            .rev()
            .take(LOOKBACK)
            .map_while(|(f, at)| {
                at.filter(|&(s, _)| s + DESCRIBED_PERSON_SENTENCES >= sentence as usize)
                    .map(|(_, first)| (f, first))
            })
            .filter(|(f, _)| {
                f.kind == MentionKind::Person
                    && !matches!(f.resolution, Resolution::Pronoun | Resolution::Description)
                    && self.registry.actor(f.actor).kind == ActorKind::Person
            })
            .find(|&(f, first)| {
                // The words around this mention, or around the one that named them first
                // ("Commerce Secretary Howard Lutnick ... But Lutnick said ... The Commerce
                // chief").
                self.introduction_tells(first, f.span, the, &modifiers, &role)
                    || self.introduced.get(&f.actor).is_some_and(|&k| {
                        let named = &self.registry.found[k];
                        self.found_at[k].is_some_and(|(_, at)| {
                            named.span != f.span
                                && self.introduction_tells(at, named.span, the, &modifiers, &role)
                        })
                    })
            })
            .map(|(f, _)| f.actor)?;
        // A name among the modifiers keeps its own mention, inside the description's ("The
        // Red Cross official", "the Ghazni provincial head").
        let mut k = the + 1;
        while k < head {
            k = if self.words.at(k).capitalised() { self.capitalised_at(k).max(k + 1) } else { k + 1 };
        }
        if k > head {
            return Some(k);
        }
        let span = self.span(the + 1, head);
        self.mention(the + 1, span, "", holder, MentionKind::Person, Resolution::Description);
        Some(head + 1)
    }

    /// Whether the description opening at `the` is set beside a person's name: the name ends
    /// right before a comma and at most two words of a relative clause ("X, the ...", "X, who
    /// was the ...").
    fn person_apposed_to(&self, the: usize) -> bool {
        let Some(comma) = (the.saturating_sub(3)..the).rev().find(|&k| self.words.at(k).text() == ",") else {
            return false;
        };
        let between_plain = (comma + 1..the).all(|k| {
            matches!(
                self.words.at(k).lower().as_ref(),
                "who" | "was" | "is" | "has" | "been" | "now" | "also"
            )
        });
        if !between_plain || comma == 0 || !self.same_sentence(comma, the) {
            return false;
        }
        let name_end = self.words.at(comma - 1).span().end;
        self.registry.found.last().is_some_and(|f| f.kind == MentionKind::Person && f.span.end == name_end)
    }

    /// Whether the words introducing the person named at `name`, whose first word is `first`,
    /// tell them as the description with `modifiers` and `role` does (see
    /// [`Scanner::describe_introduced_person`]); words from `until` (the description's) on
    /// are not read.
    fn introduction_tells(
        &self,
        first: usize,
        name: Span,
        until: usize,
        modifiers: &[String],
        role: &str,
    ) -> bool {
        let last = (first..first + MAX_NAME_WORDS)
            .take_while(|&k| self.w(k).is_some_and(|w| w.span().end <= name.end))
            .last()
            .unwrap_or(first);
        let before: Vec<usize> = self
            .words_before(first, INTRODUCTION_WORDS)
            .take_while(|(_, w)| w.text() != ",")
            .map(|(k, _)| k)
            .collect();
        // An apposition or relative clause opens with an article, a relative pronoun, a name
        // or a role noun ("X, the ...", "X, who ...", "X, Haiti's ...", "X, spokesman for
        // ..."); not with a verb ("X, told ...").
        let apposition_opens = |k: usize| {
            self.w(k).is_some_and(|w| {
                w.capitalised()
                    || is_role_noun(w)
                    || matches!(w.lower().as_ref(), "the" | "a" | "an" | "who" | "whose" | "now" | "then")
            })
        };
        let apposed: Vec<usize> =
            if self.w(last + 1).is_some_and(|w| w.text() == ",") && apposition_opens(last + 2) {
                (last + 2..(last + 2 + 2 * INTRODUCTION_WORDS).min(until))
                    .map_while(|k| {
                        self.w(k).filter(|w| w.text() != "," && self.same_sentence(last, k)).map(|_| k)
                    })
                    .collect()
            } else {
                Vec::new()
            };
        let lower = |k: usize| self.words.at(k).lower();
        // A modifier tells who under a general office ("the Commerce chief"); under a
        // specific role, the role must be theirs too ("the immigration judge" is no
        // immigration lawyer).
        if !modifiers.is_empty()
            && before.iter().chain(&apposed).any(|&k| modifiers.iter().any(|m| *m == lower(k)))
            && (GAZETTEER.generic_offices.contains(role)
                || before.iter().chain(&apposed).any(|&k| role_family(&lower(k)) == role))
        {
            return true;
        }
        if !modifiers.is_empty() {
            return false;
        }
        // The title right before the name (past shortened titles: "spokesman Lt. Gen. X"), or
        // the first role noun of the apposition.
        let title = before
            .iter()
            .find(|&&k| {
                let w = self.words.at(k);
                w.kind() == TokenKind::Word
                    && !(w.is(WordClass::Title) && w.capitalised() && !is_role_noun(w))
            })
            .filter(|&&k| is_role_noun(self.words.at(k)));
        let apposition_role = apposed.iter().find(|&&k| is_role_noun(self.words.at(k)));
        title.into_iter().chain(apposition_role).any(|&k| role_family(&lower(k)) == role)
    }

    /// "the president": the latest person mentioned whose office is of that sector.
    /// The person must hold an office of that name, or have been named by it ("a State
    /// Department spokesperson ... the spokesperson"): "the spokesperson" after a president
    /// is someone else.
    fn describe_recent_holder(&mut self, from: usize, to: usize, sector: Sector) -> bool {
        let sentence = self.words.at(from).sentence() as usize;
        let office = self.span(from, to).slice(self.text).to_lowercase();
        let holder = self
            .recent_mentions(sentence, 5)
            .filter(|f| f.kind == MentionKind::Person)
            .find(|f| {
                // The code first: it rules out most, and the names are lower-cased only then.
                let actor = self.registry.actor(f.actor);
                actor.code.as_deref().is_some_and(|c| c.len() >= 6 && c.ends_with(sector.code))
                    && self.named_as(f, |title| title.contains(office.as_str()))
            })
            .map(|f| f.actor);
        if let Some(actor) = holder {
            let span = self.span(from, to);
            self.mention(from, span, "", actor, MentionKind::Person, Resolution::Description);
        }
        holder.is_some()
    }

    /// Whether the person mentioned at `f` was named as `test` says, by the mention or by a
    /// role's title, each lower-cased ("President Lukashenko", "President of Belarus").
    fn named_as(&self, f: &Found, test: impl Fn(&str) -> bool) -> bool {
        test(&f.span.slice(self.text).to_lowercase())
            || self.registry.actor(f.actor).roles.iter().any(|r| test(&r.title.to_lowercase()))
    }

    /// The organisation named last in sentence `sentence` or the two before it (by name, not by
    /// a pronoun or description).
    fn recent_organisation(&self, sentence: usize) -> Option<ActorRef> {
        self.recent_mentions(sentence, 2)
            .filter(|f| {
                matches!(
                    f.resolution,
                    Resolution::Name | Resolution::Alias | Resolution::Acronym | Resolution::Unknown
                )
            })
            .find(|f| self.registry.actor(f.actor).kind == ActorKind::Organization)
            .map(|f| f.actor)
    }

    /// [`Scanner::recent_mentions`] with the sentence of each.
    fn recent_mentions_with_sentences(
        &self,
        sentence: usize,
        within: usize,
    ) -> impl Iterator<Item = (&Found, usize)> {
        self.registry
            .found
            .iter()
            .zip(&self.found_at)
            .rev()
            .take(LOOKBACK)
            .map_while(move |(f, at)| at.filter(|&(s, _)| s + within >= sentence).map(|(s, _)| (f, s)))
    }

    /// The mentions found so far, latest first, back to `within` sentences before `sentence`
    /// (at most [`LOOKBACK`]).
    fn recent_mentions(&self, sentence: usize, within: usize) -> impl Iterator<Item = &Found> {
        self.recent_mentions_with_sentences(sentence, within).map(|(f, _)| f)
    }

    /// Records a mention whose first word is `first` (see [`Registry::mention`]), with the
    /// sentence of that word, which coreference reads back.
    fn mention(
        &mut self,
        first: usize,
        span: Span,
        surface: &str,
        actor: ActorRef,
        kind: MentionKind,
        resolution: Resolution,
    ) {
        debug_assert_eq!(self.w(first).map(|w| w.span().start), Some(span.start));
        self.registry.mention(span, surface, actor, kind, resolution);
        if kind == MentionKind::Person && matches!(resolution, Resolution::Name | Resolution::Unknown) {
            self.introduced.entry(actor).or_insert(self.found_at.len());
        }
        if kind == MentionKind::Person && !matches!(resolution, Resolution::Pronoun | Resolution::Description)
        {
            self.named_person_sentence = self.w(first).map(|w| w.sentence() as usize);
        }
        self.found_at.push(self.w(first).map(|w| (w.sentence() as usize, first)));
        self.found_roles.push(Cell::new(None));
    }

    /// "he", "his", "him": the most salient person of matching gender in the pronoun's
    /// sentence and the three before it, weighed as Lappin and Leass (1994) weigh
    /// antecedents: a sentence back halves a candidate's weight, and the subject outweighs an
    /// object, which outweighs a possessor or a name after a preposition. Two rules of
    /// reported speech are added: a pronoun prefers a person on its own side of the quotation
    /// marks, and one inside a quotation is not the person quoted in its sentence ("'He is
    /// not someone we trust,' Mujahid said"). An object pronoun is not the subject of its
    /// own sentence ("Trump described his relationship with him"), and a person named by
    /// name outweighs an office read as its government ("a Danish prime minister").
    fn pronoun_person(&mut self, i: usize, female: bool) {
        let w = self.words.at(i);
        let sentence = w.sentence() as usize;
        let pronoun_quoted = self.quoted(w.span().start);
        let object = self.object_pronoun(i);
        let reflexive = w.lower().ends_with("self");
        if let Some(actor) = self.coordinated_owner(i).or_else(|| self.cataphora(i, female)) {
            self.mention(i, w.span(), w.text(), actor, MentionKind::Person, Resolution::Pronoun);
            return;
        }
        let mut best: Option<(i32, ActorRef)> = None;
        // How many sentences back the best candidate is (see `sentences_back`).
        let mut best_back = 0;
        // The subject of the pronoun's own sentence: of its clause where one is found, else its
        // first argument (asked once, when a candidate of that sentence comes up; those of the
        // sentences before are kept by `first_argument_of`).
        let clause_subject = self.clause_subject(i);
        let mut own_subject = clause_subject.map(Some);
        // The person the quotation is attributed to after it closes ("'He is ...,' O'Brien
        // said"), named before: the pronoun inside is not them.
        let quoted_speaker = if pronoun_quoted { self.speaker_after_quotation(i) } else { None };
        for (k, f) in self.registry.found.iter().enumerate().rev().take(LOOKBACK) {
            let Some((found_in, first)) = self.found_at[k] else { break };
            let back = self.sentences_back(found_in, sentence);
            if back > 3 || (reflexive && found_in != sentence) {
                break;
            }
            // No candidate this far back can outweigh the best found (a sentence back halves
            // the most any can weigh): the rest are not weighed.
            if best.is_some_and(|(b, _)| b >= MAX_CANDIDATE_WEIGHT >> back) {
                break;
            }
            if f.kind != MentionKind::Person || (f.resolution == Resolution::Pronoun && back > 1) {
                // A pronoun stands for its antecedent as far as the sentence after it: a
                // longer chain carries a first mistake too far.
                continue;
            }
            if let Some(g) = self.registry.gender(f.actor)
                && (g == 'f') != female
            {
                continue;
            }
            let role = self.mention_role(k, first);
            let quoted = self.quoted(f.span.start);
            let first_argument = if found_in == sentence {
                *own_subject.get_or_insert_with(|| self.first_argument_of(sentence, sentence))
            } else {
                self.first_argument_of(found_in, sentence)
            };
            // The antecedent of "who" is the subject of its clause whatever its role outside.
            let subject =
                first_argument == Some(k) && (role == MentionRole::Argument || clause_subject == Some(k));
            let mut weight = 100 + role.weight();
            if subject && !(object && found_in == sentence) {
                weight += SUBJECT_WEIGHT;
            }
            if quoted == pronoun_quoted {
                weight += SAME_SIDE_OF_QUOTATION_WEIGHT;
            }
            if self.registry.actor(f.actor).kind != ActorKind::Person {
                weight -= OFFICE_PENALTY;
            }
            weight >>= back;
            // The person quoted, for a pronoun inside the quotation ("'He is not someone we
            // trust,' Mujahid said"); a person named in a quotation, for one outside it in the
            // same sentence ("'... if fentanyl does not end, he will stay this way,' he
            // said"); the subject a direct object pronoun cannot be: each only when there is
            // no one else.
            let speaker = (pronoun_quoted
                && !quoted
                && role == MentionRole::Argument
                && self.quotes_in_sentence_of(first))
                || quoted_speaker == Some(f.actor);
            let across_quotation = found_in == sentence && quoted && !pronoun_quoted;
            if speaker || across_quotation || (object && subject && found_in == sentence) {
                weight -= EXCLUDED_PENALTY;
            }
            if best.is_none_or(|(b, _)| weight > b) {
                best = Some((weight, f.actor));
                best_back = back;
            }
        }
        // No person is in reach, or only one two sentences back or more, but an unknown name
        // taken for an organisation is the subject here or in the sentence before; or one
        // is the subject here and the person only in a sentence before ("... the fall of
        // President Bashar al-Assad. Geir Pedersen issued his appeal"): a subject of the
        // pronoun's own sentence outweighs anyone a sentence back.
        let reach = match best {
            None => Some(1),
            Some(_) if best_back >= 2 => Some(1),
            Some(_) if best_back == 1 && !object => Some(0),
            Some(_) => None,
        };
        if let Some(within) = reach
            && let Some((actor, first, last)) = self.unknown_name_as_person(sentence, within)
        {
            // "Sibusiso Sithole was shocked. He said so.": the name is a person's, and its
            // short form is its last word, not its first.
            self.registry.make_person(actor, LOOKBACK);
            // Its short form as an organisation was its first word (see
            // `remember_short_forms`): one lookup, not a walk over all of them.
            if let Some(first_word) = self.span(first, last).slice(self.text).split_whitespace().next()
                && self.short_forms.get(first_word).is_some_and(|(a, _)| *a == actor)
            {
                self.short_forms.remove(first_word);
            }
            self.remember_short_forms(actor, first, last, MentionKind::Person);
            best = Some((1, actor));
        }
        if let Some((weight, actor)) = best {
            self.mention(i, w.span(), w.text(), actor, MentionKind::Person, Resolution::Pronoun);
            if weight > 0 && self.registry.actor(actor).kind == ActorKind::Person {
                // "He" taken for a person of unknown gender says which it is: a later "she"
                // looks elsewhere.
                self.registry.set_gender(actor, if female { 'f' } else { 'm' });
            }
        }
    }

    /// The unknown name of two or three plain capitalised words ("Sibusiso Sithole"), taken
    /// for an organisation only because nothing said otherwise, that is the first argument of
    /// sentence `sentence` or of one of the `within` sentences before, with its first and last
    /// words: a person pronoun with no person in reach stands for it. Not a name with an
    /// organisation's or a place's last word, nor an acronym.
    fn unknown_name_as_person(&self, sentence: usize, within: usize) -> Option<(ActorRef, usize, usize)> {
        self.recent_mentions_with_sentences(sentence, within)
            .enumerate()
            .filter(|(_, (f, _))| f.kind == MentionKind::Organization && f.resolution == Resolution::Unknown)
            .find_map(|(back, (f, found_in))| {
                let k = self.registry.found.len() - 1 - back;
                let first = self.found_at[k]?.1;
                let name = f.span.slice(self.text);
                let words = name.split(' ').count();
                // "Olajide Idris said ... Idris said ... he said": a lone word that is the last
                // of such a name, named before, is that name's surname.
                // (Not a common word: "Jaffar Express ... Express trains" is no surname.)
                let actor = if words == 1 {
                    if GAZETTEER.common_words.contains(&name.to_lowercase()) {
                        return None;
                    }
                    *self.plain_names_by_last_word.get(name)?
                } else {
                    // (`plain_name` counts the words and rules out organisations' and places'
                    // endings.)
                    plain_name(name).then_some(f.actor)?
                };
                let last = first + words - 1;
                (self.w(last).is_some_and(|w| w.span().end == f.span.end)
                    && self.registry.is_unknown(actor)
                    && self.registry.actor(actor).kind == ActorKind::Organization
                    && self.first_argument_of(found_in, sentence) == Some(k))
                .then_some((actor, first, last))
            })
    }

    /// "In his testimony Tuesday, Mehdiyev said": a possessive pronoun in a phrase opening
    /// its sentence stands for the subject named right after the phrase's comma, when that is
    /// a person named before (by a short form) of matching gender.
    fn cataphora(&self, i: usize, female: bool) -> Option<ActorRef> {
        let w = self.words.at(i);
        if !matches!(w.lower().as_ref(), "his" | "her") {
            return None;
        }
        let sentence = w.sentence();
        // The sentence opens with a preposition a few words before the pronoun, and no comma
        // comes between.
        let mut start = i;
        for (j, b) in self.words_before(i, 5) {
            if b.text() == "," || i - j > 4 {
                return None;
            }
            start = j;
        }
        if start == i || !self.words.at(start).is(WordClass::Preposition) {
            return None;
        }
        let comma = (i + 1..i + 12)
            .take_while(|&k| self.w(k).is_some_and(|n| n.sentence() == sentence))
            .find(|&k| self.words.at(k).text() == ",")?;
        let name = self.w(comma + 1)?;
        let actor = match self.short_form(name.text()) {
            Some((actor, kind)) => (kind == MentionKind::Person).then_some(actor)?,
            // A known person's name ("Trump"), when the document has named them already.
            None => {
                let m = self.name_at(comma + 1)?;
                let Meaning::Actor { key, mention: MentionKind::Person, .. } = &m.entry.meaning else {
                    return None;
                };
                let found = self.registry.found.iter().rev().take(LOOKBACK);
                found.map(|f| f.actor).find(|&a| self.registry.actor(a).id.as_str() == key.as_str())?
            }
        };
        self.registry.gender(actor).is_none_or(|g| (g == 'f') == female).then_some(actor)
    }

    /// "President Alassane Ouattara and his supporters": the person a possessive pronoun is
    /// coordinated with, named right before "and".
    fn coordinated_owner(&self, i: usize) -> Option<ActorRef> {
        if !matches!(self.words.at(i).lower().as_ref(), "his" | "her") {
            return None;
        }
        let and = self.w(i.checked_sub(1)?)?;
        if !matches!(and.lower().as_ref(), "and" | "or") || !self.same_sentence(i - 1, i) {
            return None;
        }
        let before = and.span().start;
        let f = self.registry.found.last()?;
        let between = self.text.get(f.span.end..before)?;
        (f.kind == MentionKind::Person && between.trim().is_empty()).then_some(f.actor)
    }

    /// The subject of the clause of the pronoun at word `i`, when a clause opens between the
    /// start of its sentence and the pronoun: after a relative "who", the person it follows
    /// ("Otto Warmbier, an American student who died after his release"); after a
    /// conjunction opening a clause, the first argument named after it ("Martin said ...,
    /// while Omarov's lawyer, Michael Perkins, said ... his client").
    fn clause_subject(&self, i: usize) -> Option<usize> {
        let sentence = self.words.at(i).sentence();
        let opener = self.words_before(i, CLAUSE_REACH).find_map(|(j, b)| match b.lower().as_ref() {
            "who" | "whose" | "whom" => Some((j, true)),
            "while" | "whereas" | "but" | "although" | "though" | "because" | ";" => Some((j, false)),
            _ => None,
        })?;
        let at = self.words.at(opener.0).span().start;
        let in_sentence = (0..self.found_at.len())
            .rev()
            .take(LOOKBACK)
            .take_while(|&k| self.found_at[k].is_some_and(|(s, _)| s == sentence as usize));
        if opener.1 {
            // The latest person named before "who".
            in_sentence
                .filter(|&k| {
                    let f = &self.registry.found[k];
                    f.span.end <= at && f.resolution != Resolution::Demonym
                })
                .max_by_key(|&k| self.registry.found[k].span.start)
                .filter(|&k| self.registry.found[k].kind == MentionKind::Person)
        } else {
            in_sentence
                .filter(|&k| self.registry.found[k].span.start > at)
                .filter(|&k| {
                    self.found_at[k]
                        .is_some_and(|(_, first)| self.mention_role(k, first) == MentionRole::Argument)
                })
                .min_by_key(|&k| self.registry.found[k].span.start)
        }
    }

    /// Whether the pronoun at word `i` is a verb's direct object: "him", or "her" before no
    /// noun ("told her that", "asked her."), after no preposition ("the charges against
    /// him" may be one's own).
    fn object_pronoun(&self, i: usize) -> bool {
        let w = self.words.at(i);
        if i.checked_sub(1).and_then(|b| self.w(b)).is_some_and(|b| b.is(WordClass::Preposition)) {
            return false;
        }
        match w.lower().as_ref() {
            "him" | "them" => true,
            "her" => self.w(i + 1).is_none_or(|n| {
                n.kind() != TokenKind::Word
                    || !self.same_sentence(i, i + 1)
                    || n.is(WordClass::Function)
                    || n.is(WordClass::Preposition)
            }),
            _ => false,
        }
    }

    /// The role in its clause of found mention `k`, whose first word is `first`.
    fn mention_role(&self, k: usize, first: usize) -> MentionRole {
        if let Some(role) = self.found_roles[k].get() {
            return role;
        }
        let role = self.read_mention_role(k, first);
        self.found_roles[k].set(Some(role));
        role
    }

    /// [`Scanner::mention_role`], worked out.
    fn read_mention_role(&self, k: usize, first: usize) -> MentionRole {
        let f = &self.registry.found[k];
        if f.resolution == Resolution::Demonym {
            return MentionRole::Modifier;
        }
        // "Lai's release", "the Trump administration", "Kim Jong Un's visit".
        let after = self.text.get(f.span.end..).unwrap_or("");
        if after.starts_with("'s")
            || after.starts_with("’s")
            || after.starts_with("' ")
            || after.starts_with("’ ")
        {
            return MentionRole::Possessor;
        }
        let mut next = first;
        while self.w(next).is_some_and(|w| w.span().end <= f.span.end) {
            next += 1;
        }
        if self.w(next).is_some_and(|n| n.lowercase() && n.sector().is_some())
            && self.same_sentence(first, next)
        {
            return MentionRole::Modifier;
        }
        if self.after_preposition(first) { MentionRole::Oblique } else { MentionRole::Argument }
    }

    /// Whether the name opening at word `first` follows a preposition, over the title and
    /// article before it and any name it is listed with ("led by Jim Risch and Pete
    /// Ricketts", "to Secretary of State Marco Rubio").
    fn after_preposition(&self, first: usize) -> bool {
        for (j, before) in self.words_before(first, 12) {
            if before.is(WordClass::Preposition) {
                return true;
            }
            // A word qualifying a title is passed as the title is ("with [former President
            // Tsai Ing-wen]").
            let before_title = self.w(j + 1).is_some_and(|t| t.is(WordClass::Title));
            let passable = before.capitalised()
                || before.is_the()
                || before.possessive()
                || before.kind() != TokenKind::Word && matches!(before.text(), "[" | "(")
                || before_title && before.lowercase()
                || matches!(before.lower().as_ref(), "of" | "and" | "or" | "a" | "an");
            if !passable {
                return false;
            }
        }
        false
    }

    /// The first mention of sentence `sentence` that is an argument of its clause (the
    /// subject, as a rule), among the mentions found so far: its index in `registry.found`.
    /// Outside a quotation first: the subject of "'...,' said X" is X.
    fn first_argument_of(&self, sentence: usize, reading: usize) -> Option<usize> {
        if sentence < reading
            && let Some(&(_, a)) = self.first_arguments.borrow().iter().find(|(s, _)| *s == sentence)
        {
            return a;
        }
        let mut first: Option<(bool, usize, usize)> = None;
        for k in (0..self.found_at.len()).rev().take(LOOKBACK) {
            let Some((s, word)) = self.found_at[k] else { break };
            if s < sentence {
                break;
            }
            if s > sentence || self.mention_role(k, word) != MentionRole::Argument {
                continue;
            }
            let start = self.registry.found[k].span.start;
            let rank = (self.quoted(start), start, k);
            if first.is_none_or(|f| rank < f) {
                first = Some(rank);
            }
        }
        let first = first.map(|(_, _, k)| k);
        if sentence < reading {
            // A finished sentence's mentions do not change: kept for the pronouns after it.
            let mut cache = self.first_arguments.borrow_mut();
            cache.retain(|&(s, _)| s + 4 > reading);
            cache.push((sentence, first));
        }
        first
    }

    /// Whether the sentence of word `i` has a quotation mark.
    fn quotes_in_sentence_of(&self, i: usize) -> bool {
        let Some(sentence) = self.w(i).map(|w| w.sentence()) else { return false };
        let is_mark = |w: WordAt<'_, '_>| matches!(w.text(), "\"" | "“" | "”");
        let in_sentence = |j: &usize| self.w(*j).is_some_and(|w| w.sentence() == sentence);
        self.words_before(i, CLAUSE_REACH * 2).any(|(_, w)| is_mark(w))
            || (i..).take(CLAUSE_REACH * 2).take_while(in_sentence).any(|j| is_mark(self.words.at(j)))
    }

    /// The words before word `i` in its sentence, the nearest first, at most `reach` of them,
    /// each with its index: every look back of coreference is bounded so.
    fn words_before(&self, i: usize, reach: usize) -> impl Iterator<Item = (usize, WordAt<'w, 'a>)> + '_ {
        let sentence = self.w(i).map(|w| w.sentence());
        (i.saturating_sub(reach)..i)
            .rev()
            .map(|j| (j, self.words.at(j)))
            .take_while(move |(_, w)| Some(w.sentence()) == sentence)
    }

    /// The person named before whom the quotation around word `i` is attributed to right
    /// after it closes: "“He is always willing,” O'Brien said", "..., said O'Brien". Read no
    /// further than [`QUOTATION_REACH`] words on, within the sentence.
    fn speaker_after_quotation(&self, i: usize) -> Option<ActorRef> {
        let sentence = self.words.at(i).sentence();
        let in_sentence = |j: usize| self.w(j).filter(|w| w.sentence() == sentence);
        // The first word after the quotation.
        let mut j = (i + 1..i + QUOTATION_REACH).find(|&j| {
            in_sentence(j).is_none_or(|w| w.kind() == TokenKind::Word && !self.quoted(w.span().start))
        })?;
        if in_sentence(j)?.lower() == "said" {
            j += 1;
        }
        // A name of up to three words: the person whose short form one of them is.
        (j..j + 3).map_while(|k| in_sentence(k).filter(|w| w.capitalised())).find_map(|w| {
            match self.short_form(w.text()) {
                Some((actor, MentionKind::Person)) => Some(actor),
                _ => None,
            }
        })
    }

    /// Whether byte `offset` of the text is inside a quotation, by the quotation marks
    /// before it in its paragraph (a quotation that goes on into the next paragraph opens
    /// again there, by the custom of news writing).
    fn quoted(&self, offset: usize) -> bool {
        let marks = self.quotation_marks();
        let k = marks.partition_point(|&(at, _)| at < offset);
        k > 0 && marks[k - 1].1
    }

    /// The quotation marks of the text and its line breaks, in order, each with whether the
    /// text after it is quoted, made on first asking.
    fn quotation_marks(&self) -> &[(usize, bool)] {
        self.quotation_marks.get_or_init(|| {
            let mut marks = Vec::new();
            let mut inside = false;
            // Bytes, not characters: '“' and '”' are E2 80 9C and E2 80 9D in UTF-8.
            let bytes = self.text.as_bytes();
            for at in memchr::memchr3_iter(b'"', b'\n', 0xE2, bytes) {
                inside = match bytes[at] {
                    b'\n' => false,
                    b'"' => !inside,
                    0xE2 if bytes.get(at + 1) == Some(&0x80) => match bytes.get(at + 2) {
                        Some(0x9C) => true,
                        Some(0x9D) => false,
                        _ => continue,
                    },
                    _ => continue,
                };
                marks.push((at, inside));
            }
            marks
        })
    }

    /// How many sentences back sentence `found_in` is from `sentence`, leaving out the runs
    /// of sentences between them that are quoted whole and closed before the sentence after
    /// them: such a quotation holds up no one's thread, and its speaker, named before it, is
    /// as near after it ("It's really at night that people live in fear," he said. "People
    /// are dragged from their homes. Everybody knows somebody who has been arrested." He said
    /// ...). A run whose quotation closes in the next sentence is counted: that sentence names
    /// its speaker ("... We came outside," said Jamshed Ajmal.), unless it is the pronoun's
    /// own (... ," she said).
    fn sentences_back(&self, found_in: usize, sentence: usize) -> usize {
        let back = sentence.saturating_sub(found_in);
        if back < 2 {
            return back;
        }
        let runs = self.quoted_runs.get_or_init(|| self.read_quoted_runs());
        let Some(&(skipped_before, _)) = runs.get(sentence) else { return back };
        let skipped_after_found = runs.get(found_in + 1).map_or(skipped_before, |&(n, _)| n);
        let mut skipped = (skipped_before - skipped_after_found) as usize;
        // The run right before the pronoun's sentence, when that sentence closes it.
        if let Some(&(_, start)) = runs.get(sentence - 1)
            && start as usize != NOT_QUOTED
            && runs[sentence - 1].0 == skipped_before
        {
            skipped += sentence - (start as usize).max(found_in + 1);
        }
        back - skipped.min(back)
    }

    /// For each sentence, how many sentences before it lie in runs quoted whole that close
    /// before the sentence after them (see `sentences_back`), and, for a sentence quoted
    /// whole, the first sentence of its run (`NOT_QUOTED` for others); one more entry, for
    /// the end. One pass over the sentences and the quotation marks together: the text is
    /// read only between marks, and only until a word shows a sentence is not quoted whole.
    fn read_quoted_runs(&self) -> Vec<(u32, u32)> {
        let marks = self.quotation_marks();
        let text = self.text;
        let has_word =
            |from: usize, to: usize| text.get(from..to).is_some_and(|t| t.chars().any(char::is_alphanumeric));
        // Per sentence: whether every word is quoted, and whether its first word is.
        let mut sentences: Vec<(bool, bool)> = Vec::with_capacity(self.sentences.len());
        let mut next_mark = 0;
        for sentence in self.sentences {
            while marks.get(next_mark).is_some_and(|&(m, _)| m < sentence.start) {
                next_mark += 1;
            }
            let mut inside = next_mark > 0 && marks[next_mark - 1].1;
            let mut from = sentence.start;
            let mut opens_quoted = None;
            let mut whole = true;
            // The stretches between the marks of the sentence, each quoted or not.
            loop {
                let (to, after) = match marks.get(next_mark) {
                    Some(&(m, state)) if m < sentence.end => (m, Some(state)),
                    _ => (sentence.end, None),
                };
                if (opens_quoted.is_none() || !inside) && has_word(from, to) {
                    opens_quoted.get_or_insert(inside);
                    if !inside {
                        whole = false;
                        break;
                    }
                }
                let Some(state) = after else { break };
                inside = state;
                // ('“' and '”' are three bytes, '"' and a line break one.)
                from = to + if text.as_bytes()[to] == 0xE2 { 3 } else { 1 };
                next_mark += 1;
            }
            sentences.push((whole && opens_quoted.is_some(), opens_quoted.unwrap_or(false)));
        }
        // A run counts when the sentence after it does not open quoted (read from the end).
        let n = sentences.len();
        let mut counts = vec![false; n];
        for s in (0..n).rev() {
            let (whole, _) = sentences[s];
            counts[s] = whole
                && match sentences.get(s + 1) {
                    None => true,
                    Some(&(next_whole, next_opens_quoted)) => {
                        if next_whole {
                            counts[s + 1]
                        } else {
                            !next_opens_quoted
                        }
                    }
                };
        }
        let mut runs = Vec::with_capacity(n + 1);
        let mut skipped = 0u32;
        let mut run_start = NOT_QUOTED;
        for s in 0..n {
            let whole = sentences[s].0;
            run_start = if !whole {
                NOT_QUOTED
            } else if run_start == NOT_QUOTED {
                s
            } else {
                run_start
            };
            runs.push((skipped, run_start as u32));
            skipped += u32::from(counts[s]);
        }
        runs.push((skipped, NOT_QUOTED as u32));
        runs
    }

    /// "They" outside a quotation, as the subject of a report or of a sentence: the subject of
    /// its own sentence when it opens the reported clause ("The officials said they arrested
    /// seven"), or of the sentence before when it opens its sentence ("Analysts told VOA ...
    /// They said"), if that subject is a group of people ("analysts") or a plural description
    /// of a body's people ("Chinese leaders": China's government). Nothing else: "they",
    /// "them" and "their" stand for many things no actor is ("the suits allege ... they"), and
    /// for two actors at once ("Russia and China ... they").
    fn pronoun_plural(&mut self, i: usize) {
        let w = self.words.at(i);
        if self.quoted(w.span().start) {
            return;
        }
        let sentence = w.sentence() as usize;
        let (before, second_before) = {
            let mut words = self.words_before(i, 3).map(|(_, b)| b).filter(|b| b.kind() == TokenKind::Word);
            (words.next(), words.next())
        };
        let opens_sentence = match before {
            None => true,
            Some(b) => matches!(b.lower().as_ref(), "but" | "and" | "so") && b.sentence_initial(),
        };
        // "said they", "said that they"; not "told national governments that they", where
        // the pronoun may be those told.
        let opens_report = before.is_some_and(|b| {
            b.is(WordClass::AgentVerb)
                || (b.lower() == "that" && second_before.is_some_and(|v| v.is(WordClass::AgentVerb)))
        });
        let subject_of = if opens_sentence && sentence > 0 {
            sentence - 1
        } else if opens_report {
            sentence
        } else {
            return;
        };
        let Some(k) = self.first_argument_of(subject_of, sentence) else { return };
        let f = &self.registry.found[k];
        let plural_people = f.kind == MentionKind::Group
            || (f.resolution == Resolution::Description
                && f.span.slice(self.text).rsplit(' ').next().is_some_and(|last| {
                    last.chars().all(char::is_lowercase) && last.ends_with('s') && !last.ends_with("ss")
                }));
        if plural_people && f.span.end <= w.span().start && !self.quoted(f.span.start) {
            let (actor, kind) = (f.actor, f.kind);
            self.mention(i, w.span(), w.text(), actor, kind, Resolution::Pronoun);
        }
    }

    /// "it", "its": the latest state or organisation within the last sentences; "it" before
    /// "is ... that/to" is the expletive and refers to nothing.
    fn pronoun_thing(&mut self, i: usize) {
        let w = self.words.at(i);
        if w.lower() == "it" && self.expletive(i) {
            return;
        }
        let sentence = w.sentence() as usize;
        let antecedent = self
            .recent_mentions_with_sentences(sentence, 2)
            .filter(|(f, _)| f.resolution != Resolution::Pronoun && f.resolution != Resolution::Demonym)
            .find(|(f, _)| {
                matches!(
                    self.registry.actor(f.actor).kind,
                    ActorKind::State | ActorKind::Government | ActorKind::Military | ActorKind::Organization
                )
            })
            .map(|(f, s)| (f.actor, f.kind, s));
        let Some((actor, kind, found_in)) = antecedent else { return };
        // "The coalition government led by Mario Draghi has begun relaxing its restrictions":
        // an institution named earlier in the pronoun's own sentence, though no actor, is what
        // the pronoun stands for; an actor of the sentences before stands for it only when it
        // is of that sector ("The military says it is still searching": the army named before).
        if found_in != sentence
            && let Some(sector) = self.institution_sector_before(i)
            && self.registry.actor(actor).code.as_deref().and_then(|c| c.get(3..6)) != Some(sector)
        {
            return;
        }
        self.mention(i, w.span(), w.text(), actor, kind, Resolution::Pronoun);
    }

    /// The CAMEO sector of the nearest lower-case institution noun ("government", "army",
    /// "court") outside any mention before word `i` in its sentence.
    fn institution_sector_before(&self, i: usize) -> Option<&'static str> {
        let sentence = self.words.at(i).sentence() as usize;
        (i.saturating_sub(30)..i).rev().take_while(|&k| self.same_sentence(k, i)).find_map(|k| {
            let word = self.words.at(k);
            let at = word.span().start;
            let sector = word.lowercase().then(|| word.sector()).flatten()?;
            let mentioned = self
                .recent_mentions_with_sentences(sentence, 0)
                .any(|(f, _)| f.span.start <= at && at < f.span.end);
            (!mentioned).then_some(sector.code)
        })
    }

    fn expletive(&self, i: usize) -> bool {
        let Some(next) = self.w(i + 1) else { return true };
        // "when it comes to opposition figures": an idiom, of no one.
        let when_it_comes_to = self.words_before(i, 1).any(|(_, p)| p.lower() == "when")
            && matches!(next.lower().as_ref(), "comes" | "came")
            && self.w(i + 2).is_some_and(|to| to.lower() == "to");
        if when_it_comes_to {
            return true;
        }
        let weather = matches!(
            next.lower().as_ref(),
            "is" | "was"
                | "'s"
                | "seems"
                | "seemed"
                | "appears"
                | "appeared"
                | "might"
                | "may"
                | "would"
                | "will"
                | "could"
                | "remains"
                | "becomes"
                | "became"
                | "takes"
                | "took"
        );
        weather
            && (i + 2..i + 8)
                .filter_map(|k| self.w(k))
                .take_while(|w| w.sentence() == next.sentence())
                .any(|w| matches!(w.lower().as_ref(), "that" | "to"))
    }

    /// A group that speaks, headed by the group noun at `head`, its modifiers from `from`
    /// ("some observers", "military commentators", "Russian analysts").
    fn group(&mut self, from: usize, head: usize, country: Option<&str>) -> usize {
        let mut start = from;
        // Modifiers before the head: quantifiers and adjectives ("some", "political").
        while start > 0 && head - start < 3 {
            let Some(p) = self.w(start - 1) else { break };
            if !self.same_sentence(start - 1, head) || !p.lowercase() {
                break;
            }
            if p.is(WordClass::Quantifier) || adjective_like(&p.lower()) {
                start -= 1;
            } else {
                break;
            }
        }
        // "some observers in Russia": a known place after "in" or "from" belongs to the
        // group's words and gives it a country.
        let mut last = head;
        let mut country = country.map(str::to_owned);
        if let Some(p) = self.w(head + 1)
            && matches!(p.lower().as_ref(), "in" | "from")
            && self.same_sentence(head, head + 2)
            && let Some(m) = self.name_at(head + 2)
            && let Meaning::Actor { mention: MentionKind::Location, .. } = &m.entry.meaning
        {
            last = head + 1 + m.len;
            if country.is_none() {
                country.clone_from(&m.entry.actor_country);
            }
        }
        let span = self.span(start, last);
        let name = span.slice(self.text);
        // The id leaves out quantifiers: "some observers" and "observers" are one group.
        let mut id_words = String::new();
        for k in start..=head {
            let w = self.words.at(k);
            if k < head && w.is(WordClass::Quantifier) {
                continue;
            }
            if !id_words.is_empty() {
                id_words.push(' ');
            }
            push_lower(&mut id_words, w.text());
        }
        let role = country.map(|iso| Role { title: name.to_owned(), code: iso, start: None, end: None });
        let actor = self.registry.unknown(&id_words, ActorKind::Group, role);
        self.mention(start, span, name, actor, MentionKind::Group, Resolution::Description);
        // The place inside is still a mention of its own.
        head + 1
    }
}

/// Whether `name` is two or three plain capitalised words ("Sibusiso Sithole": capitals
/// only at the start of each, no name of an organisation's or place's ending, no people's or
/// compass adjective first, as in "Shiite Islam").
fn plain_name(name: &str) -> bool {
    (2..=3).contains(&name.split(' ').count())
        && !name.split(' ').next().is_some_and(|first| GAZETTEER.is(first, WordClass::NameModifier))
        && name.split(' ').all(|part| {
            part.chars().count() > 1
                && part.chars().next().is_some_and(char::is_uppercase)
                && part.chars().skip(1).all(|c| c.is_lowercase() || c == '-' || c == '\'')
                && !GAZETTEER.is(part, WordClass::OrgSuffix)
                && !GAZETTEER.is(part, WordClass::PlaceSuffix)
        })
}

/// A person noun ("analyst", class `person-noun`) or a sector word naming one holder of an
/// office ("minister").
fn is_person_noun(w: WordAt<'_, '_>) -> bool {
    w.is(WordClass::PersonNoun) || w.sector().is_some_and(|s| s.person)
}

/// A noun of a person's role: a person noun or office of a sector ([`is_person_noun`]), or
/// an office of an organisation ("spokesperson"). Bits first, then the filter of office
/// nouns: most words are none, and are passed over without a lookup.
fn is_role_noun(w: WordAt<'_, '_>) -> bool {
    w.kind() == TokenKind::Word
        && (is_person_noun(w) || {
            let lower = w.lower();
            GAZETTEER.office_filter.may_contain(&lower) && GAZETTEER.offices.contains(lower.as_ref())
        })
}

/// Whether the lower-case word `w`, right after a name, reads as that name's verb rather
/// than a modifier of the noun after it: an agent verb ("urged", "warns") or a word in "-ed"
/// that is no participle standing as an adjective (`words.tsv`, `participle-modifier`:
/// "armed", "elected").
fn reads_as_verb(w: WordAt<'_, '_>) -> bool {
    if w.is(WordClass::AgentVerb) {
        return true;
    }
    let lower = w.lower();
    lower.ends_with("ed") && !GAZETTEER.participle_modifiers.contains(lower.as_ref())
}

/// Whether word `w`, after a noun, ends its phrase: punctuation other than a comma, a function
/// word or preposition, or a verb's form ("said", "says", "added").
fn ends_phrase(w: WordAt<'_, '_>) -> bool {
    if w.kind() != TokenKind::Word {
        return w.text() != ",";
    }
    let lower = w.lower();
    w.lowercase()
        && (w.is(WordClass::Function)
            || w.is(WordClass::Preposition)
            || lower.ends_with("ed")
            || lower.ends_with('s')
            || matches!(lower.as_ref(), "said" | "told" | "did" | "had" | "who" | "will" | "would" | "could"))
}

/// The word a role noun is compared by: "spokesman", "spokeswoman" and "spokesperson" are one.
fn role_family(word: &str) -> &str {
    if word.starts_with("spokes") { "spokesperson" } else { word }
}

/// The mention class of an actor kind.
pub(crate) fn mention_kind(kind: ActorKind) -> MentionKind {
    match kind {
        ActorKind::Person => MentionKind::Person,
        ActorKind::State | ActorKind::Location => MentionKind::Location,
        ActorKind::Group => MentionKind::Group,
        _ => MentionKind::Organization,
    }
}

/// "al-Sudani", "bin-Laden", "ad-Din": a lower-case particle, a hyphen, a capitalised name.
impl Scanner<'_, '_> {
    /// "United Nations-appointed", "New York-based": a name whose last word is joined to a
    /// participle of appointing or basing. The name is the words up to the hyphen: a known
    /// name or city is that actor, the mention's span ending at the hyphen; an unknown one is
    /// read no further (its last word is no name alone).
    fn name_before_compound(&mut self, i: usize, end: usize) -> usize {
        self.known_before_compound(i, end);
        end + 1
    }

    /// See [`Scanner::name_before_compound`]: whether the words `i..=end` up to the last
    /// one's hyphen are a known name or city, with its mention made when they are.
    fn known_before_compound(&mut self, i: usize, end: usize) -> bool {
        let last = self.words.at(end);
        let Some((last_part, _)) = last.text().rsplit_once('-') else { return false };
        let span = Span::new(self.words.at(i).span().start, last.span().start + last_part.len());
        let name = span.slice(self.text);
        if let Some(entry) = GAZETTEER.names.get(&key_of(name))
            && let Meaning::Actor { key: actor_key, mention, resolution } = &entry.meaning
            && let Some(actor) = self.registry.known_named(actor_key, entry.key_id)
        {
            self.mention(i, span, name, actor, *mention, *resolution);
            true
        } else if GAZETTEER.cities.contains_key(name) {
            self.unknown_mention(i, span, name, ActorKind::Location.into(), None);
            true
        } else {
            false
        }
    }

    /// "EADS-led", "Craiova-based": a compound of leading or basing whose first part is an
    /// acronym or a known city names that organisation or place (the whole word its mention,
    /// as corpora such as MEANTIME mark it); other first parts ("Kurdish-led",
    /// "Twenty-year-old") name no actor here.
    fn compound_owner(&mut self, i: usize) -> usize {
        let w = self.words.at(i);
        // "New York-based": with the capitalised word before it, a known name ("New" alone
        // is no name, and was passed over).
        if i > 0
            && self.words.at(i - 1).capitalised()
            && self.same_sentence(i - 1, i)
            && self.text.get(self.words.at(i - 1).span().end..w.span().start) == Some(" ")
            && self.registry.found.last().is_none_or(|f| f.span.end <= self.words.at(i - 1).span().start)
            && self.known_before_compound(i - 1, i)
        {
            return i + 1;
        }
        let Some((owner, _)) = w.text().rsplit_once('-') else { return i + 1 };
        let kind = if GAZETTEER.cities.contains_key(owner) {
            ActorKind::Location
        } else if owner.len() >= 2 && is_acronym_word(owner) {
            ActorKind::Organization
        } else {
            return i + 1;
        };
        self.unknown_mention(i, w.span(), owner, kind.into(), None);
        i + 1
    }
}

/// A capitalised compound that modifies the name after it, no name itself: an age
/// ("Twenty-year-old Bilai Abdi") or a participle of leading or backing ("Kurdish-led
/// Autonomous Administration", "Muslim-led Seleka", "Kremlin-backed").
fn modifier_compound(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(_, last)| {
        matches!(
            last,
            "old"
                | "led"
                | "backed"
                | "based"
                | "run"
                | "owned"
                | "funded"
                | "appointed"
                | "controlled"
                | "sponsored"
                | "allied"
                | "aligned"
                | "brokered"
                | "dominated"
                | "installed"
                | "born"
        )
    })
}

pub(super) fn particle_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(particle, name)| {
        CONNECTORS.contains(&particle) || matches!(particle, "ad" | "an" | "ar" | "as" | "at" | "az" | "ash" | "ul")
    } && name.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a gap between words holds a line break (a byte loop: gaps are a space or two).
fn line_break(gap: &str) -> bool {
    gap.bytes().any(|b| b == b'\n' || b == b'\r')
}

fn is_calendar(word: WordAt<'_, '_>) -> bool {
    word.is(WordClass::Month) || word.is(WordClass::Weekday)
}

fn is_acronym_word(word: &str) -> bool {
    // Most words asked about are ASCII: the same test on bytes.
    if word.is_ascii() {
        let letters = word.bytes().filter(u8::is_ascii_alphabetic).count();
        return letters >= 2
            && word.bytes().all(|b| b.is_ascii_uppercase() || b == b'.' || b == b'&' || b.is_ascii_digit());
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// Adjective endings that may modify a group noun: "political", "military", "independent".
fn adjective_like(word: &str) -> bool {
    ["al", "ary", "ic", "ian", "ent", "ive", "ern", "ist", "ous"]
        .iter()
        .any(|e| word.len() > e.len() + 2 && word.ends_with(e))
}
