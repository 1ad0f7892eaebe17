//! The event coder's knowledge, read once from the TSV files under `data/events/`.

use std::collections::HashMap;
use std::sync::LazyLock;

use annalist_core::{Modality, PloverType};

use super::word_ids::WordIds;
use crate::hash::{FastMap, FastSet};
use crate::lexicon::rows;

/// The pattern file: trigger phrases and the PLOVER type and mode they code.
pub(crate) const PATTERNS_TSV: &str = include_str!("../../data/events/patterns.tsv");
/// Irregular verb forms and their lemmas.
pub(crate) const IRREGULAR_TSV: &str = include_str!("../../data/events/irregular_verbs.tsv");
/// Modality cue words.
pub(crate) const MODALITY_TSV: &str = include_str!("../../data/events/modality.tsv");
/// Modes a verbal event takes from the event phrase it governs.
pub(crate) const COMPLEMENTS_TSV: &str = include_str!("../../data/events/complements.tsv");
/// How announced events are recoded.
pub(crate) const INTENTIONS_TSV: &str = include_str!("../../data/events/intentions.tsv");
/// Words the clause rules ask about, by class.
pub(crate) const CLAUSE_WORDS_TSV: &str = include_str!("../../data/events/clause_words.tsv");

/// What a pattern codes: a PLOVER type, or a repetition of the previous event ("made a
/// similar move").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coding {
    /// A PLOVER event type.
    Type(PloverType),
    /// The type and mode of the text's previous event.
    Repeat,
    /// Not an event: a compound that blocks a shorter trigger inside it ("riot police").
    Block,
}

/// Which uses of a word a pattern matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UseKind {
    /// A verb: "attacked".
    Verb,
    /// A nominalisation: "the attack".
    Noun,
    /// Either.
    Any,
}

/// One element of a pattern: a set of lemmas, possibly after a gap.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// Lemmas any of which matches.
    pub alternatives: Vec<String>,
    /// Whether up to [`MAX_GAP`] words may stand before this element.
    pub gap_before: bool,
    /// Each alternative as the index of the lemma it is among the lexicon's lemmas
    /// ([`NOT_A_LEMMA`] when it is none) and its id among the lexicon's words
    /// ([`Lexicon::word_ids`]): a token whose lemma index or word id is the same matches.
    pub ids: Vec<(u32, u32)>,
}

/// The lemma index in [`Element::ids`] of an alternative that is no lemma: no token's (a
/// token with no lemma has `u32::MAX`).
pub(crate) const NOT_A_LEMMA: u32 = u32::MAX - 1;

/// Words a `...` in a pattern may skip.
pub(crate) const MAX_GAP: usize = 5;

/// A trigger pattern.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    /// The elements in order; the first is the anchor.
    pub elements: Vec<Element>,
    /// What it codes.
    pub coding: Coding,
    /// PLOVER mode, when the pattern implies one.
    pub mode: Option<String>,
    /// Verb use, noun use or both.
    pub kind: UseKind,
    /// Which grammatical roles are PLOVER's source and target.
    pub roles: Roles,
}

/// Which grammatical roles of a pattern's clause are PLOVER's source and target
/// (`patterns.tsv`'s roles column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Roles {
    /// The subject is the source, the object the target.
    Plain,
    /// The object is the source ("hosted", "welcomed": the guest visits the host).
    Reversed,
    /// The subject undergoes the event and is its target ("the convoy came under attack").
    Undergoer,
}

/// What the matcher reads of a pattern while trying it at an anchor (see
/// [`Lexicon::pattern_tails`]).
#[derive(Debug, Clone)]
pub(crate) struct PatternTail {
    /// The pattern's elements after its anchor: a range of [`Lexicon::tail_elements`].
    pub elements: std::ops::Range<usize>,
    /// How many elements the pattern has, its anchor included.
    pub len: usize,
    /// [`Pattern::kind`].
    pub kind: UseKind,
}

/// An element after a pattern's anchor, as the matcher reads it (see
/// [`Lexicon::tail_elements`]).
#[derive(Debug, Clone)]
pub(crate) struct TailElement {
    /// [`Element::ids`]: a range of [`Lexicon::tail_alternatives`].
    pub alternatives: std::ops::Range<usize>,
    /// [`Element::gap_before`].
    pub gap_before: bool,
}

/// Lists of indices by a small key (a lemma index or a word id), kept one after the other in
/// one buffer: a key's list is read as a slice of it, with no list of its own to follow about
/// the heap.
#[derive(Debug, Default)]
pub(crate) struct IndexLists {
    /// Where the list of each key starts in `items`; then where the last one ends.
    starts: Vec<u32>,
    /// The lists, in order of key.
    items: Vec<usize>,
}

impl IndexLists {
    /// The lists of the keys `0..`, in order.
    fn new<'a>(lists: impl IntoIterator<Item = &'a [usize]>) -> IndexLists {
        let mut all = IndexLists { starts: vec![0], items: Vec::new() };
        for list in lists {
            all.items.extend_from_slice(list);
            all.starts.push(u32::try_from(all.items.len()).expect("fewer than 2^32 indices"));
        }
        all
    }

    /// The list of `key` (empty when it has none).
    pub(crate) fn get(&self, key: usize) -> &[usize] {
        match (self.starts.get(key), self.starts.get(key.wrapping_add(1))) {
            (Some(&from), Some(&to)) => self.items.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// A modality cue.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    /// Lower-case words.
    pub words: Vec<String>,
    /// The id of each of `words` among the lexicon's words ([`Lexicon::word_ids`]).
    pub word_ids: Vec<u32>,
    /// The modality it marks.
    pub modality: Modality,
    /// Whether an action under the cue is the subject's announced intention.
    pub intention: bool,
}

/// What the lexicon knows of a word (see [`Lexicon::known`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordFacts {
    /// The known lemma, an index into [`Lexicon::lemmas`] (`None` also for a function word
    /// the lemmatiser does not know).
    pub lemma: Option<u32>,
    /// Whether the lemma starts a pattern, or (when the word is not its own lemma) the word
    /// itself does.
    pub anchors: bool,
    /// Whether the form is not its own lemma and itself starts a pattern.
    pub form_anchors: bool,
    /// Whether the word has a known lemma other than itself (an inflected form).
    pub inflected: bool,
    /// Whether the word is the first word of a modality cue.
    pub cue: bool,
    /// The [`super::wordlist::WordList`]s the word is in.
    pub classes: u32,
}

/// What the lexicon knows of one of its words, packed small to sit in the word's slot of
/// [`Lexicon::word_ids`]: what [`Lexicon::known`] gives for it, and whether it is the first
/// word of a modality cue (also asked of punctuation).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct KnownWord {
    /// The [`super::wordlist::WordList`]s the word is in.
    pub classes: u32,
    /// The known lemma, an index into [`Lexicon::lemmas`] ([`NO_LEMMA`]: none).
    pub lemma: u16,
    /// [`ANCHORS`], [`CUE`], [`INFLECTED`], [`FORM_ANCHORS`], [`STARTS_CUE`] and
    /// [`BREAK_PUNCTUATION`].
    pub flags: u8,
}

/// [`KnownWord::lemma`] of a word with no known lemma.
pub(crate) const NO_LEMMA: u16 = u16::MAX;
/// [`WordFacts::anchors`].
pub(crate) const ANCHORS: u8 = 1;
/// [`WordFacts::cue`].
pub(crate) const CUE: u8 = 2;
/// [`WordFacts::inflected`].
pub(crate) const INFLECTED: u8 = 4;
/// [`WordFacts::form_anchors`].
pub(crate) const FORM_ANCHORS: u8 = 8;
/// The word is the first word of a modality cue, whatever kind of token it is.
pub(crate) const STARTS_CUE: u8 = 16;
/// The word is punctuation that ends a phrase, when it is a punctuation token
/// ([`super::wordlist::is_break_punctuation`]).
pub(crate) const BREAK_PUNCTUATION: u8 = 32;

impl KnownWord {
    /// A word the lexicon knows nothing of.
    pub(crate) const UNKNOWN: KnownWord = KnownWord { classes: 0, lemma: NO_LEMMA, flags: 0 };

    /// `facts` packed, with whether the word starts a cue.
    pub(crate) fn new(facts: WordFacts, starts_cue: bool) -> KnownWord {
        let lemma = facts.lemma.map_or(NO_LEMMA, |id| u16::try_from(id).expect("fewer than 2^16 - 1 lemmas"));
        let flags = if facts.anchors { ANCHORS } else { 0 }
            | if facts.cue { CUE } else { 0 }
            | if facts.form_anchors { FORM_ANCHORS } else { 0 }
            | if facts.inflected { INFLECTED } else { 0 }
            | if starts_cue { STARTS_CUE } else { 0 };
        KnownWord { classes: facts.classes, lemma, flags }
    }
}

impl WordFacts {
    /// The facts of `word`, a form of `lemma` (lemma number `id`): whether it is inflected and
    /// what it anchors, by itself or through its lemma, among the patterns `by_anchor`.
    fn of_form(
        word: &str,
        lemma: &str,
        id: u32,
        cue: bool,
        by_anchor: &FastMap<String, Vec<usize>>,
    ) -> WordFacts {
        let inflected = lemma != word;
        let form_anchors = inflected && by_anchor.contains_key(word);
        let anchors = by_anchor.contains_key(lemma) || form_anchors;
        WordFacts { lemma: Some(id), anchors, form_anchors, inflected, cue, classes: 0 }
    }

    /// A word the lexicon knows nothing of.
    const UNKNOWN: WordFacts = WordFacts {
        lemma: None,
        anchors: false,
        form_anchors: false,
        inflected: false,
        cue: false,
        classes: 0,
    };
}

/// The compiled lexicon.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// All patterns.
    pub patterns: Vec<Pattern>,
    /// What the matcher reads of each pattern (by index), and in `tail_elements` and
    /// `tail_alternatives` the elements after each pattern's anchor and their alternatives,
    /// one after the other: trying the patterns of an anchor reads a few small records that
    /// lie together, rather than following each pattern's lists of elements and alternatives
    /// about the heap.
    pub pattern_tails: Vec<PatternTail>,
    /// See `pattern_tails`.
    pub tail_elements: Vec<TailElement>,
    /// See `pattern_tails`.
    pub tail_alternatives: Vec<(u32, u32)>,
    /// Pattern indices by the lemmas of their first element.
    pub by_anchor: FastMap<String, Vec<usize>>,
    /// Every word the lemmatiser maps onto a lemma → that lemma (see
    /// [`super::lemma::inflections`]). The forms it knows are each lemma, each irregular
    /// form, and the first words of the modality cues that are no inflection of a known
    /// lemma (so that a word with no known form can be passed over at once); and the words
    /// of the [`super::wordlist::ALL`] lists, with no lemma unless they have one.
    pub inflections: FastMap<String, WordFacts>,
    /// The lemmas of `inflections`.
    pub lemmas: Vec<String>,
    /// The patterns each of `lemmas` anchors (as in `by_anchor`; empty: none).
    pub lemma_patterns: IndexLists,
    /// A bit per [`quick_hash`] value of the keys of `inflections`: a word whose bit is
    /// clear is no key (most words are passed over without a lookup).
    pub inflection_bits: Vec<u64>,
    /// Modality cues, longest first.
    pub cues: Vec<Cue>,
    /// Indices of the cues by their first word ("n't" cues under "n't").
    pub cues_by_first_word: FastMap<String, Vec<usize>>,
    /// (verbal type, embedded type, embedded mode or None for any) → mode.
    pub complements: Vec<(PloverType, PloverType, Option<String>, String)>,
    /// Announced type → type it is coded as.
    pub intentions: HashMap<PloverType, PloverType>,
    /// The words of `clause_words.tsv` with the bits of their classes.
    pub clause_words: FastMap<&'static str, u8>,
    /// Every word the lexicon holds (a key of `inflections`, a word of a cue or of a
    /// pattern), numbered, with what is known of it: two words are the same exactly when
    /// their ids are.
    pub word_ids: WordIds<KnownWord>,
    /// The patterns each word anchors as it is (as in `by_anchor`; empty: none), by id.
    pub word_patterns: IndexLists,
    /// The cues each word is the first word of (as in `cues_by_first_word`), by id.
    pub word_cues: IndexLists,
    /// What `word_ids` gives for each one-byte ASCII word (punctuation, "a"), read directly.
    pub one_byte_words: [Option<(u32, KnownWord)>; 128],
    /// Whether no word of `word_ids` starts with a digit, so that a number needs no lookup.
    pub no_word_starts_with_digit: bool,
}

/// The classes of `clause_words.tsv` (see its header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClauseWord {
    /// After it a role noun is a verb ("will host Putin").
    GovernsAVerb,
    /// A verb whose first object is whom it tells ("told VOA she visited").
    Telling,
    /// A verb whose subject undergoes the act its object names ("faced criticism").
    Undergoing,
    /// Before "demand", a word that makes it a market's ("increased demand").
    BeforeMarketDemand,
    /// A noun that a city's name before it names ("the Doha agreement").
    NamedAfterAPlace,
    /// A verb whose object, or its preposition's, does the act of the infinitive after it
    /// ("wants Trump to veto", "is looking to Trump to veto").
    ObjectControl,
}

impl ClauseWord {
    fn from_name(name: &str) -> Option<ClauseWord> {
        Some(match name {
            "governs-a-verb" => ClauseWord::GovernsAVerb,
            "telling" => ClauseWord::Telling,
            "undergoing" => ClauseWord::Undergoing,
            "before-market-demand" => ClauseWord::BeforeMarketDemand,
            "named-after-a-place" => ClauseWord::NamedAfterAPlace,
            "object-control" => ClauseWord::ObjectControl,
            _ => return None,
        })
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl Lexicon {
    /// Whether `word` (lower case, as written) is of class `class` in `clause_words.tsv`.
    pub(crate) fn is_clause_word(&self, word: &str, class: ClauseWord) -> bool {
        self.clause_words.get(word).is_some_and(|bits| bits & class.bit() != 0)
    }
}

fn plover(name: &str, file: &str, line: usize) -> PloverType {
    PloverType::from_name(name).unwrap_or_else(|| panic!("{file}:{line}: unknown PLOVER type {name}"))
}

fn modality(name: &str, line: usize) -> Modality {
    match name {
        "negated" => Modality::Negated,
        "hypothetical" => Modality::Hypothetical,
        "future" => Modality::Future,
        "reported" => Modality::Reported,
        "speculative" => Modality::Speculative,
        "asserted" => Modality::Asserted,
        other => panic!("modality.tsv:{line}: unknown modality {other}"),
    }
}

fn field<'a>(fields: &[&'a str], i: usize) -> &'a str {
    fields.get(i).copied().unwrap_or("")
}

fn load() -> Lexicon {
    let mut patterns = Vec::new();
    let mut by_anchor: FastMap<String, Vec<usize>> = FastMap::default();
    let mut known_lemmas = FastSet::default();
    for (line, fields) in rows(PATTERNS_TSV) {
        let mut elements = Vec::new();
        let mut gap = false;
        for word in field(&fields, 0).split_whitespace() {
            if word == "..." {
                gap = true;
                continue;
            }
            let alternatives: Vec<String> = word.split('|').map(str::to_lowercase).collect();
            known_lemmas.extend(alternatives.iter().cloned());
            elements.push(Element { alternatives, gap_before: gap, ids: Vec::new() });
            gap = false;
        }
        assert!(!elements.is_empty(), "patterns.tsv:{line}: empty pattern");
        let coding = match field(&fields, 1) {
            "=" => Coding::Repeat,
            "-" => Coding::Block,
            name => Coding::Type(plover(name, "patterns.tsv", line)),
        };
        let mode = Some(field(&fields, 2)).filter(|m| !m.is_empty()).map(str::to_owned);
        let kind = match field(&fields, 3) {
            "verb" => UseKind::Verb,
            "noun" => UseKind::Noun,
            "any" => UseKind::Any,
            other => panic!("patterns.tsv:{line}: unknown kind {other}"),
        };
        let index = patterns.len();
        for anchor in &elements[0].alternatives {
            by_anchor.entry(anchor.clone()).or_default().push(index);
        }
        let roles = match field(&fields, 5) {
            "" => Roles::Plain,
            "reversed" => Roles::Reversed,
            "undergoer" => Roles::Undergoer,
            other => panic!("patterns.tsv:{line}: unknown roles {other}"),
        };
        patterns.push(Pattern { elements, coding, mode, kind, roles });
    }
    let mut irregular = FastMap::default();
    for (_, fields) in rows(IRREGULAR_TSV) {
        let lemma = field(&fields, 1).to_lowercase();
        known_lemmas.insert(lemma.clone());
        irregular.insert(field(&fields, 0).to_lowercase(), lemma);
    }
    let mut cues: Vec<Cue> = rows(MODALITY_TSV)
        .map(|(line, fields)| Cue {
            words: field(&fields, 0).split_whitespace().map(str::to_owned).collect(),
            word_ids: Vec::new(),
            modality: modality(field(&fields, 1), line),
            intention: field(&fields, 2) == "yes",
        })
        .collect();
    cues.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
    let complements = rows(COMPLEMENTS_TSV)
        .map(|(line, fields)| {
            let embedded_mode = Some(field(&fields, 2)).filter(|m| *m != "*").map(str::to_owned);
            (
                plover(field(&fields, 0), "complements.tsv", line),
                plover(field(&fields, 1), "complements.tsv", line),
                embedded_mode,
                field(&fields, 3).to_owned(),
            )
        })
        .collect();
    let intentions = rows(INTENTIONS_TSV)
        .map(|(line, fields)| {
            (
                plover(field(&fields, 0), "intentions.tsv", line),
                plover(field(&fields, 1), "intentions.tsv", line),
            )
        })
        .collect();
    let mut clause_words: FastMap<&'static str, u8> = FastMap::default();
    for (line, fields) in rows(CLAUSE_WORDS_TSV) {
        let class = ClauseWord::from_name(field(&fields, 1))
            .unwrap_or_else(|| panic!("clause_words.tsv:{line}: unknown class {}", field(&fields, 1)));
        *clause_words.entry(field(&fields, 0)).or_default() |= class.bit();
    }
    let mut cues_by_first_word: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, cue) in cues.iter().enumerate() {
        if let Some(first) = cue.words.first() {
            cues_by_first_word.entry(first.clone()).or_default().push(i);
        }
    }
    let mut forms: FastMap<String, String> = known_lemmas.iter().map(|l| (l.clone(), l.clone())).collect();
    forms.extend(irregular);
    // A cue word that is an inflection of a known lemma ("alleged") keeps its lemma.
    let cue_words: Vec<String> =
        cues_by_first_word.keys().filter(|w| super::lemma::lemmatise(w, &forms).is_none()).cloned().collect();
    for word in cue_words {
        forms.insert(word.clone(), word);
    }
    let mut lemmas: Vec<String> = Vec::new();
    let mut lemma_ids: FastMap<String, u32> = FastMap::default();
    let mut inflections: FastMap<String, WordFacts> = super::lemma::inflections(&forms)
        .into_iter()
        .map(|(word, lemma)| {
            let cue = cues_by_first_word.contains_key(&word);
            let id = *lemma_ids.entry(lemma.clone()).or_insert_with_key(|lemma| {
                lemmas.push(lemma.clone());
                u32::try_from(lemmas.len() - 1).expect("fewer than 2^32 lemmas")
            });
            let facts = WordFacts::of_form(&word, &lemma, id, cue, &by_anchor);
            (word, facts)
        })
        .collect();
    // The function words go into the same table, so that one lookup per token reads all.
    let report_starts =
        cues.iter().filter(|c| c.modality == Modality::Reported).filter_map(|c| c.words.first());
    for word in report_starts {
        if super::lemma::strip_possessive(word) == word {
            inflections.entry(word.clone()).or_insert(WordFacts::UNKNOWN).classes |=
                super::wordlist::REPORT_START;
        }
    }
    for list in super::wordlist::ALL {
        for &word in list.words {
            assert_eq!(super::lemma::strip_possessive(word), word, "{word}: a possessive ending");
            inflections.entry(word.to_owned()).or_insert(WordFacts::UNKNOWN).classes |= list.bit;
        }
    }
    for element in patterns.iter_mut().flat_map(|p: &mut Pattern| p.elements.iter_mut()) {
        element.ids = element
            .alternatives
            .iter()
            .map(|a| (lemma_ids.get(a).copied().unwrap_or(NOT_A_LEMMA), 0))
            .collect();
    }
    let lemma_patterns =
        IndexLists::new(lemmas.iter().map(|l| by_anchor.get(l).map_or(&[][..], Vec::as_slice)));
    let inflection_bits = quick_filter(inflections.keys());
    // Each word once (most pattern words are lemmas of `inflections` too), then sorted: the
    // words are borrowed until then, and only the distinct ones sorted.
    let distinct: FastSet<&str> = inflections
        .keys()
        .chain(cues.iter().flat_map(|c| &c.words))
        .chain(patterns.iter().flat_map(|p| p.elements.iter().flat_map(|e| &e.alternatives)))
        .map(String::as_str)
        .chain(super::wordlist::BREAK_PUNCTUATION.iter().copied())
        .collect();
    let mut vocabulary: Vec<&str> = distinct.into_iter().collect();
    vocabulary.sort_unstable();
    let vocabulary: Vec<(String, KnownWord)> = vocabulary
        .into_iter()
        .map(|w| {
            let facts = inflections.get(w).copied().unwrap_or(WordFacts::UNKNOWN);
            let mut known = KnownWord::new(facts, cues_by_first_word.contains_key(w));
            if super::wordlist::is_break_punctuation(w) {
                known.flags |= BREAK_PUNCTUATION;
            }
            (w.to_owned(), known)
        })
        .collect();
    let word_ids = WordIds::new(&vocabulary);
    let one_byte_words = std::array::from_fn(|b| word_ids.get(&[b as u8]));
    let no_word_starts_with_digit =
        !vocabulary.iter().any(|(w, _)| w.starts_with(|c: char| c.is_ascii_digit()));
    let id_of = |word: &str| word_ids.get(word.as_bytes()).expect("every lexicon word has an id").0;
    for element in patterns.iter_mut().flat_map(|p: &mut Pattern| p.elements.iter_mut()) {
        for ((_, word), a) in element.ids.iter_mut().zip(&element.alternatives) {
            *word = id_of(a);
        }
    }
    for cue in &mut cues {
        cue.word_ids = cue.words.iter().map(|w| id_of(w)).collect();
    }
    let (mut tail_elements, mut tail_alternatives) = (Vec::new(), Vec::new());
    let pattern_tails = patterns
        .iter()
        .map(|pattern| {
            let first = tail_elements.len();
            for element in &pattern.elements[1..] {
                let from = tail_alternatives.len();
                tail_alternatives.extend_from_slice(&element.ids);
                let alternatives = from..tail_alternatives.len();
                tail_elements.push(TailElement { alternatives, gap_before: element.gap_before });
            }
            PatternTail {
                elements: first..tail_elements.len(),
                len: pattern.elements.len(),
                kind: pattern.kind,
            }
        })
        .collect();
    // By id: most ids are no word's (empty slots), and most words anchor no pattern.
    let mut word_patterns = vec![Vec::new(); word_ids.id_count()];
    let mut word_cues = vec![Vec::new(); word_ids.id_count()];
    for (word, patterns) in &by_anchor {
        word_patterns[id_of(word) as usize].clone_from(patterns);
    }
    for (word, cues) in &cues_by_first_word {
        word_cues[id_of(word) as usize].clone_from(cues);
    }
    let word_patterns = IndexLists::new(word_patterns.iter().map(Vec::as_slice));
    let word_cues = IndexLists::new(word_cues.iter().map(Vec::as_slice));
    Lexicon {
        patterns,
        pattern_tails,
        tail_elements,
        tail_alternatives,
        by_anchor,
        inflections,
        lemmas,
        lemma_patterns,
        inflection_bits,
        cues,
        cues_by_first_word,
        complements,
        intentions,
        clause_words,
        word_ids,
        one_byte_words,
        no_word_starts_with_digit,
        word_patterns,
        word_cues,
    }
}

/// Number of bits of the [`quick_hash`] filter.
const QUICK_BITS: usize = 1 << 16;

/// The [`quick_hash`] filter of `keys`: a bit set for each key.
fn quick_filter<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<u64> {
    let mut bits = vec![0u64; QUICK_BITS / 64];
    for key in keys {
        let h = quick_hash(key.as_bytes());
        bits[h / 64] |= 1 << (h % 64);
    }
    bits
}

/// Whether the [`quick_hash`] filter `bits` may hold `word`.
fn may_hold(bits: &[u64], word: &str) -> bool {
    let h = quick_hash(word.as_bytes());
    bits[h / 64] & (1 << (h % 64)) != 0
}

/// A cheap hash of a word for the [`Lexicon::inflection_bits`] filter: its length and its
/// first two and last three bytes, in `0..QUICK_BITS`.
fn quick_hash(word: &[u8]) -> usize {
    let n = word.len();
    let at = |i: usize| word.get(i).map_or(0, |&b| u64::from(b));
    let tail = |k: usize| n.checked_sub(k).map_or(0, at);
    let key = (n as u64) | at(0) << 8 | at(1) << 16 | tail(1) << 24 | tail(2) << 32 | tail(3) << 40;
    (key.wrapping_mul(crate::hash::MUL) >> 48) as usize
}

/// The lexicon, compiled on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(load);

impl Lexicon {
    /// What is known of a lower-case word, in one lookup: its known lemma (what
    /// [`super::lemma::lemmatise`] gives with the known forms), whether it can anchor a
    /// pattern (its lemma starts one, or, when the word is not its own lemma, the word itself
    /// does), whether it is the first word of a modality cue (given also when the word has no
    /// known lemma: every cue's first word has one, unless it ends in a possessive), and the
    /// word lists it is in.
    pub(crate) fn known(&self, word: &str) -> WordFacts {
        if !super::lemma::has_possessive_ending(word) {
            // No possessive ending to strip: most words.
            if !may_hold(&self.inflection_bits, word) {
                return WordFacts::UNKNOWN;
            }
            return self.inflections.get(word).copied().unwrap_or(WordFacts::UNKNOWN);
        }
        let stripped = super::lemma::strip_possessive(word);
        let whole = stripped.len() == word.len();
        let known =
            if may_hold(&self.inflection_bits, stripped) { self.inflections.get(stripped) } else { None };
        if whole {
            return known.copied().unwrap_or(WordFacts::UNKNOWN);
        }
        // A possessive: no function word; the cue and anchor facts are of the whole word.
        let cue = self.cues_by_first_word.contains_key(word);
        let Some(id) = known.and_then(|k| k.lemma) else {
            return WordFacts { cue, ..WordFacts::UNKNOWN };
        };
        WordFacts::of_form(word, self.lemma_name(id), id, cue, &self.by_anchor)
    }

    /// The lemma whose index is `id`.
    pub(crate) fn lemma_name(&self, id: u32) -> &str {
        &self.lemmas[id as usize]
    }

    /// The mode a verbal event of type `verbal` takes from an embedded event.
    pub(crate) fn complement_mode(
        &self,
        verbal: PloverType,
        embedded: PloverType,
        embedded_mode: Option<&str>,
    ) -> Option<&str> {
        self.complements
            .iter()
            .find(|(v, e, m, _)| {
                *v == verbal && *e == embedded && m.as_deref().is_none_or(|m| Some(m) == embedded_mode)
            })
            .map(|(_, _, _, mode)| mode.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_id_says_what_known_says() {
        let lex = &*LEXICON;
        let extra =
            ["the", "said", "attacks", "attack's", "troops'", "n't", "unknownword", ",", "“", "-", "x"];
        let words = lex.inflections.keys().map(String::as_str).chain(extra);
        for word in words.filter(|w| !super::super::lemma::has_possessive_ending(w)) {
            let by_id = lex.word_ids.get(word.as_bytes()).map_or(KnownWord::UNKNOWN, |(_, known)| known);
            let starts_cue = lex.cues_by_first_word.contains_key(word);
            let punctuation = by_id.flags & BREAK_PUNCTUATION != 0;
            assert_eq!(punctuation, super::super::wordlist::is_break_punctuation(word), "{word}");
            let by_id = KnownWord { flags: by_id.flags & !BREAK_PUNCTUATION, ..by_id };
            assert_eq!(by_id, KnownWord::new(lex.known(word), starts_cue), "{word}");
        }
        for (word, patterns) in &lex.by_anchor {
            let id = lex.word_ids.get(word.as_bytes()).map(|(id, _)| id);
            assert_eq!(id.map(|id| lex.word_patterns.get(id as usize)), Some(patterns.as_slice()), "{word}");
        }
        let anchoring =
            (0..lex.word_ids.id_count()).filter(|&id| !lex.word_patterns.get(id).is_empty()).count();
        assert_eq!(anchoring, lex.by_anchor.len());
    }

    /// The regular inflections of every lemma that starts a pattern ("ask": "asks", "asked",
    /// "asking") lemmatise to it, unless a pattern starts with the inflected form itself
    /// ("bombing" beside "bomb"). A pattern word written inflected ("when asked") would make
    /// the form a lemma of its own, and the patterns of the true lemma would stop matching it.
    #[test]
    fn inflections_of_anchors_keep_their_lemma() {
        let lex = &*LEXICON;
        let mut wrong = Vec::new();
        for anchor in lex.by_anchor.keys().filter(|a| a.chars().all(|c| c.is_ascii_lowercase())) {
            let stem = anchor.strip_suffix('e').unwrap_or(anchor);
            for form in [format!("{anchor}s"), format!("{stem}ed"), format!("{stem}ing")] {
                if lex.by_anchor.contains_key(&form) {
                    continue;
                }
                let Some(facts) = lex.inflections.get(&form) else { continue };
                let lemma = facts.lemma.map(|id| lex.lemma_name(id));
                if lemma != Some(anchor.as_str()) {
                    wrong.push(format!("{form} -> {lemma:?}, not {anchor}"));
                }
            }
        }
        wrong.sort();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
