//! The claim lexicons under `data/claims/`, parsed once into phrase tables keyed by first word.

use std::sync::LazyLock;

use annalist_core::{Certainty, ClaimLinkKind, CueKind};

use super::word_table::WordTable;
use crate::hash::{FastMap, FastSet};
use crate::lexicon;

/// What may follow a reporting verb or noun as its content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Frames {
    /// A that-clause.
    pub that: bool,
    /// A clause without "that".
    pub bare: bool,
    /// A to-infinitive.
    pub to: bool,
    /// "of" + gerund or noun phrase.
    pub of: bool,
    /// "about" + phrase (nouns only).
    pub about: bool,
    /// A noun phrase object.
    pub object: bool,
    /// A quotation, or content before the cue in inversion.
    pub quote: bool,
    /// A short noun phrase naming the hearer before the clause ("told VOA he ...").
    pub addressee: bool,
}

/// A reporting verb or noun form: its frames and the words that, right after it, show it is
/// something else ("think tank").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct CueEntry {
    /// What may follow as content.
    pub frames: Frames,
    /// Following words that rule the cue out.
    pub not_before: Vec<String>,
    /// The form is a verb's base form: the first of its row, ending in neither "-ed" nor "-s"
    /// ("signal", not "signals", "stated").
    pub base_form: bool,
}

impl Frames {
    fn parse(field: &str) -> Frames {
        let mut frames = Frames::default();
        for frame in field.split(',').map(str::trim) {
            match frame {
                "that" => frames.that = true,
                "bare" => frames.bare = true,
                "to" => frames.to = true,
                "of" => frames.of = true,
                "about" => frames.about = true,
                "object" => frames.object = true,
                "quote" => frames.quote = true,
                "addressee" => frames.addressee = true,
                _ => {}
            }
        }
        frames
    }
}

/// Function-word classes that shape the reading of a source noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// Auxiliary or modal: "has", "would".
    Aux,
    /// A form of "be": makes a following reporting verb passive.
    Be,
    /// An adverb that may stand between subject and verb.
    Adverb,
    /// Ends a noun phrase: prepositions, conjunctions, clause words.
    Boundary,
    /// Opens a noun phrase.
    Determiner,
    /// A personal pronoun: a noun phrase by itself.
    Pronoun,
    /// A day word ("Tuesday", "today").
    Time,
    /// A stretch of time ("month", "year"): never the head of a source.
    Period,
    /// A finite verb that is nothing else ("spoke", "took"): it ends a noun phrase.
    Verb,
}

/// Where a dispute or support cue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinkCuePlace {
    /// Said of a claim named in the sentence: "the critiques ... are overstated".
    Predicate,
    /// The claim's own reporting verb: "X denied that ...".
    Verb,
}

type WordMap<V> = FastMap<String, V>;

/// Which phrase tables have a phrase starting with a word: one bit a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Starts(u16);

impl Starts {
    /// The tables of either.
    pub fn union(self, other: Starts) -> Starts {
        Starts(self.0 | other.0)
    }

    /// Whether the two share a table.
    pub fn meets(self, other: Starts) -> bool {
        self.0 & other.0 != 0
    }
}

/// What the lexicons know of one word, looked up once a token. Eight bytes: one is kept per
/// token, and the passes over a sentence read them in turn.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordInfo {
    /// Its function-word class.
    pub class: Option<WordClass>,
    /// The tables with a phrase starting with it.
    pub starts: Starts,
    /// Its stance polarity, NaN when it has none (an `Option<f32>` would take eight bytes).
    stance: f32,
    /// Whether it names a claim ("critiques", "speculation").
    pub claim_noun: bool,
}

const _: () = assert!(std::mem::size_of::<WordInfo>() == 8);

impl Default for WordInfo {
    fn default() -> WordInfo {
        WordInfo { class: None, starts: Starts::default(), stance: f32::NAN, claim_noun: false }
    }
}

/// A word the lexicons list: what they know of it and its id, by which the phrase tables
/// find the phrases it opens (no second lookup by its text). Unlisted words have id 0.
///
/// In C layout, what is known first: the token pass reads the two parts as they were written
/// (an eight-byte read across the halves of a reordered value cannot be forwarded from the
/// writes and waits for them, once a token).
#[derive(Debug, Clone, Copy, Default)]
#[repr(C)]
pub(super) struct LexiconWord {
    /// What the lexicons know of it.
    pub info: WordInfo,
    /// Its id: 1 + its rank among the listed words in byte order; 0 for an unlisted word.
    pub id: u32,
}

impl WordInfo {
    /// Its stance polarity.
    pub fn stance(&self) -> Option<f32> {
        (!self.stance.is_nan()).then_some(self.stance)
    }
}

/// The phrases opening with one word (each as its words) with their values.
type Phrases<T> = Vec<(Vec<String>, T)>;

/// Multi-word phrases looked up by their first word; the longest match wins.
#[derive(Debug)]
pub(super) struct PhraseTable<T> {
    /// The phrases by first word, longest first.
    by_first: Vec<Phrases<T>>,
    /// By [`LexiconWord::id`]: 1 + the index in `by_first` of the word's phrases, 0 for a word
    /// opening none (filled in once every word has its id).
    by_word_id: Vec<u16>,
    /// This table's bit in [`WordInfo::starts`].
    bit: u16,
}

impl<T> PhraseTable<T> {
    fn new(bit: u16, entries: impl IntoIterator<Item = (String, T)>) -> PhraseTable<T> {
        let mut by_first: WordMap<Phrases<T>> = WordMap::default();
        for (phrase, value) in entries {
            // Split as the tokenizer splits: "author's" is "author" and "'s".
            let words: Vec<String> = phrase
                .split_whitespace()
                .map(normalize)
                .flat_map(|w| match w.strip_suffix("'s").filter(|stem| !stem.is_empty()) {
                    Some(stem) => vec![stem.to_owned(), "'s".to_owned()],
                    None => vec![w],
                })
                .collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((words, value));
            }
        }
        // In word order, so that the indices do not depend on the hash map's order.
        let mut by_first: Vec<(String, Phrases<T>)> = by_first.into_iter().collect();
        by_first.sort_by(|(a, _), (b, _)| a.cmp(b));
        for (_, list) in &mut by_first {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        PhraseTable {
            by_first: by_first.into_iter().map(|(_, list)| list).collect(),
            by_word_id: Vec::new(),
            bit: 1 << bit,
        }
    }

    /// Indexes the phrase lists by the id of their first word.
    fn index_word_ids(&mut self, ids: &WordMap<u32>) {
        self.by_word_id = vec![0; ids.len() + 1];
        for (k, list) in self.by_first.iter().enumerate() {
            let first = list.first().and_then(|(words, _)| words.first());
            if let Some(&id) = first.and_then(|w| ids.get(w))
                && let (Some(slot), Ok(index)) = (self.by_word_id.get_mut(id as usize), u16::try_from(k + 1))
            {
                *slot = index;
            }
        }
    }

    /// This table alone, as [`Starts`].
    pub fn starts(&self) -> Starts {
        Starts(self.bit)
    }

    /// Whether one of the words whose [`Starts`] are united in `starts` may start one of the
    /// table's phrases.
    pub fn may_start_any(&self, starts: Starts) -> bool {
        starts.0 & self.bit != 0
    }

    /// Whether a word with this lookup may start one of the table's phrases.
    pub fn may_start(&self, info: &WordInfo) -> bool {
        info.starts.0 & self.bit != 0
    }

    /// The longest phrase starting at word `at` of a text whose `k`-th normalised word is
    /// `word(k)` ("" past the end): its length in words and its value.
    #[cfg(test)]
    pub fn longest_at<'w>(&self, word: impl Fn(usize) -> &'w str, at: usize) -> Option<(usize, &T)> {
        self.longest_at_word(LEXICON.table.get(word(at)).id, word, at)
    }

    /// [`PhraseTable::longest_at`] when the word at `at` has the id `first_id`.
    pub fn longest_at_word<'w>(
        &self,
        first_id: u32,
        word: impl Fn(usize) -> &'w str,
        at: usize,
    ) -> Option<(usize, &T)> {
        let first = usize::from(self.by_word_id.get(first_id as usize).copied().unwrap_or(0));
        let list = self.by_first.get(first.checked_sub(1)?)?;
        list.iter().find_map(|(phrase, value)| {
            let fits = phrase.iter().enumerate().skip(1).all(|(k, w)| word(at + k) == w);
            fits.then_some((phrase.len(), value))
        })
    }
}

/// A word as the lexicons compare it: lower case, with typographic apostrophes made plain.
pub(super) fn normalize(word: &str) -> String {
    word.chars().map(|c| if c == '’' { '\'' } else { c }).flat_map(char::to_lowercase).collect()
}

/// Every claim lexicon.
#[derive(Debug)]
pub(super) struct Lexicon {
    /// Reporting verbs (all inflected forms) with their frames.
    pub verbs: PhraseTable<CueEntry>,
    /// Reporting nouns with their frames.
    pub nouns: PhraseTable<CueEntry>,
    /// "according to"-type phrases.
    pub according: PhraseTable<()>,
    /// View nouns with the preposition that opens their phrase.
    pub views: PhraseTable<String>,
    /// Phrases naming the author.
    pub author: FastSet<String>,
    /// The longest of those phrases, in bytes: longer ASCII words need no lookup.
    pub author_longest: usize,
    /// Hedges and boosters with the certainty they set.
    pub certainty: PhraseTable<(CueKind, Certainty)>,
    /// Dispute and support cues.
    pub links: PhraseTable<(ClaimLinkKind, LinkCuePlace)>,
    /// Markers of evaluative or predictive sentences.
    pub evaluative: PhraseTable<()>,
    /// Every word the lexicons know, with what they know of it, while the lexicons are read.
    words: WordMap<WordInfo>,
    /// The same words with their ids, in a table read once a token.
    table: WordTable<LexiconWord>,
}

impl Lexicon {
    /// What the lexicons know of a normalised word.
    #[cfg(test)]
    pub fn info(&self, word: &str) -> WordInfo {
        self.table.get(word).info
    }

    /// The listed word (or the unlisted one) of `len` bytes at the start of `from`, normalised;
    /// quickest when `from` holds sixteen bytes.
    #[inline]
    pub fn word_at(&self, from: &[u8], len: usize) -> LexiconWord {
        self.table.get_at(from, len)
    }

    /// [`Lexicon::word_at`] for a word of `len` (1 to 16) bytes at the start of `from`
    /// already packed into `key` (see [`crate::word_slots::pack_prefix`]).
    #[inline]
    pub fn word_of_key(&self, key: u128, len: usize, from: &[u8]) -> LexiconWord {
        self.table.get_packed(key, len, from)
    }

    /// The class of a normalised word, if it is a listed function word.
    #[cfg(test)]
    pub fn class(&self, word: &str) -> Option<WordClass> {
        self.info(word).class
    }

    fn index_first_words<T>(&mut self, table: fn(&Lexicon) -> &PhraseTable<T>) {
        let (bit, firsts): (u16, Vec<String>) = {
            let t = table(self);
            (t.bit, t.by_first.iter().filter_map(|list| Some(list.first()?.0.first()?.clone())).collect())
        };
        for first in firsts {
            self.words.entry(first).or_default().starts.0 |= bit;
        }
    }
}

fn field<'a>(fields: &[&'a str], i: usize) -> &'a str {
    fields.get(i).copied().unwrap_or("")
}

fn forms_table(bit: u16, source: &str) -> PhraseTable<CueEntry> {
    PhraseTable::new(
        bit,
        lexicon::rows(source).flat_map(|(_, fields)| {
            let entry = CueEntry {
                frames: Frames::parse(field(&fields, 1)),
                not_before: field(&fields, 2).split(',').map(normalize).filter(|w| !w.is_empty()).collect(),
                base_form: false,
            };
            field(&fields, 0)
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .enumerate()
                .map(|(k, form)| {
                    let base_form = k == 0 && !form.ends_with("ed") && !form.ends_with('s');
                    (form.to_owned(), CueEntry { base_form, ..entry.clone() })
                })
                .collect::<Vec<_>>()
        }),
    )
}

fn first_column(source: &str) -> impl Iterator<Item = String> + '_ {
    lexicon::rows(source).map(|(_, fields)| field(&fields, 0).to_owned())
}

/// The lexicons, parsed on first use.
pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        verbs: forms_table(0, include_str!("../../data/claims/reporting_verbs.tsv")),
        nouns: forms_table(1, include_str!("../../data/claims/reporting_nouns.tsv")),
        according: PhraseTable::new(
            2,
            first_column(include_str!("../../data/claims/according.tsv")).map(|p| (p, ())),
        ),
        views: PhraseTable::new(
            3,
            lexicon::rows(include_str!("../../data/claims/view_phrases.tsv"))
                .map(|(_, f)| (field(&f, 1).to_owned(), normalize(field(&f, 0)))),
        ),
        author: first_column(include_str!("../../data/claims/author.tsv")).map(|p| normalize(&p)).collect(),
        certainty: PhraseTable::new(
            4,
            lexicon::rows(include_str!("../../data/claims/certainty.tsv")).map(|(_, f)| {
                let kind = if field(&f, 1) == "booster" { CueKind::Booster } else { CueKind::Hedge };
                let level = match field(&f, 2) {
                    "low" => Certainty::Low,
                    "high" => Certainty::High,
                    _ => Certainty::Moderate,
                };
                (field(&f, 0).to_owned(), (kind, level))
            }),
        ),
        links: PhraseTable::new(
            5,
            lexicon::rows(include_str!("../../data/claims/disputes.tsv")).map(|(_, f)| {
                let kind = if field(&f, 1) == "supports" {
                    ClaimLinkKind::Supports
                } else {
                    ClaimLinkKind::Disputes
                };
                let place = if field(&f, 2) == "verb" { LinkCuePlace::Verb } else { LinkCuePlace::Predicate };
                (field(&f, 0).to_owned(), (kind, place))
            }),
        ),
        evaluative: PhraseTable::new(
            6,
            first_column(include_str!("../../data/claims/evaluative.tsv")).map(|p| (p, ())),
        ),
        author_longest: 0,
        words: WordMap::default(),
        table: WordTable::new([]),
    };
    lexicon.author_longest = lexicon.author.iter().map(String::len).max().unwrap_or(0);
    lexicon.index_first_words(|l| &l.verbs);
    lexicon.index_first_words(|l| &l.nouns);
    lexicon.index_first_words(|l| &l.according);
    lexicon.index_first_words(|l| &l.views);
    lexicon.index_first_words(|l| &l.certainty);
    lexicon.index_first_words(|l| &l.links);
    lexicon.index_first_words(|l| &l.evaluative);
    for (_, f) in lexicon::rows(include_str!("../../data/claims/function_words.tsv")) {
        let class = match field(&f, 1) {
            "aux" => WordClass::Aux,
            "be" => WordClass::Be,
            "adverb" => WordClass::Adverb,
            "boundary" => WordClass::Boundary,
            "determiner" => WordClass::Determiner,
            "pronoun" => WordClass::Pronoun,
            "time" => WordClass::Time,
            "period" => WordClass::Period,
            "verb" => WordClass::Verb,
            _ => continue,
        };
        lexicon.words.entry(normalize(field(&f, 0))).or_default().class = Some(class);
    }
    for (_, f) in lexicon::rows(include_str!("../../data/claims/stance.tsv")) {
        // NaN stands for "no polarity" (see `WordInfo::stance`).
        if let Ok(polarity) = field(&f, 1).parse::<f32>()
            && !polarity.is_nan()
        {
            lexicon.words.entry(normalize(field(&f, 0))).or_default().stance = polarity;
        }
    }
    for noun in first_column(include_str!("../../data/claims/claim_nouns.tsv")) {
        lexicon.words.entry(normalize(&noun)).or_default().claim_noun = true;
    }
    // Ids in byte order of the words, so that they do not depend on the hash map's order.
    let mut listed: Vec<&String> = lexicon.words.keys().collect();
    listed.sort();
    let ids: WordMap<u32> = listed.into_iter().zip(1..).map(|(word, id)| (word.clone(), id)).collect();
    lexicon.verbs.index_word_ids(&ids);
    lexicon.nouns.index_word_ids(&ids);
    lexicon.according.index_word_ids(&ids);
    lexicon.views.index_word_ids(&ids);
    lexicon.certainty.index_word_ids(&ids);
    lexicon.links.index_word_ids(&ids);
    lexicon.evaluative.index_word_ids(&ids);
    lexicon.table = WordTable::new(
        lexicon
            .words
            .iter()
            .map(|(w, &info)| (w.as_str(), LexiconWord { info, id: ids.get(w).copied().unwrap_or(0) })),
    );
    lexicon.words = WordMap::default();
    lexicon
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_tables_match_the_longest_phrase() {
        let words = ["he", "has", "made", "it", "clear", "that"];
        let word = |k: usize| words.get(k).copied().unwrap_or("");
        let (len, entry) = LEXICON.verbs.longest_at(word, 2).unwrap();
        assert_eq!(len, 3);
        assert!(entry.frames.that);
        let (_, think) = LEXICON.verbs.longest_at(|k| ["think"].get(k).copied().unwrap_or(""), 0).unwrap();
        assert_eq!(think.not_before, ["tank", "tanks"]);
        assert!(LEXICON.verbs.longest_at(word, 0).is_none());
        let according = ["according", "to", "x"];
        let (len, _) = LEXICON.according.longest_at(|k| according.get(k).copied().unwrap_or(""), 0).unwrap();
        assert_eq!(len, 2);
        assert_eq!(normalize("Moscow’s"), "moscow's");
        assert_eq!(LEXICON.class("said"), None);
        assert_eq!(LEXICON.class("had"), Some(WordClass::Aux));
    }
}
