//! The claim lexicons under `data/claims/`, parsed once into phrase tables keyed by first word.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use annalist_core::{Certainty, ClaimLinkKind, CueKind};

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
}

/// Where a dispute or support cue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LinkCuePlace {
    /// Said of a claim named in the sentence: "the critiques ... are overstated".
    Predicate,
    /// The claim's own reporting verb: "X denied that ...".
    Verb,
}

/// Multi-word phrases looked up by their first word; the longest match wins.
#[derive(Debug)]
pub(super) struct PhraseTable<T> {
    by_first: HashMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> PhraseTable<T> {
    fn new(entries: impl IntoIterator<Item = (String, T)>) -> PhraseTable<T> {
        let mut by_first: HashMap<String, Vec<(Vec<String>, T)>> = HashMap::new();
        for (phrase, value) in entries {
            let words: Vec<String> = phrase.split_whitespace().map(normalize).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push((words, value));
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        PhraseTable { by_first }
    }

    /// The longest phrase starting at `words[at]`: its length in words and its value.
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], at: usize) -> Option<(usize, &T)> {
        let first = words.get(at)?.as_ref();
        let list = self.by_first.get(first)?;
        list.iter().find_map(|(phrase, value)| {
            let fits =
                phrase.iter().enumerate().all(|(k, w)| words.get(at + k).is_some_and(|x| x.as_ref() == w));
            fits.then_some((phrase.len(), value))
        })
    }

    /// Whether some phrase starts with this word.
    pub fn starts_with(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
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
    pub author: HashSet<String>,
    /// Hedges and boosters with the certainty they set.
    pub certainty: PhraseTable<(CueKind, Certainty)>,
    /// Dispute and support cues.
    pub links: PhraseTable<(ClaimLinkKind, LinkCuePlace)>,
    /// Nouns that name a claim.
    pub claim_nouns: HashSet<String>,
    /// Stance words with their polarity.
    pub stance: HashMap<String, f32>,
    /// Markers of evaluative or predictive sentences.
    pub evaluative: PhraseTable<()>,
    /// Function-word classes.
    pub function_words: HashMap<String, WordClass>,
}

impl Lexicon {
    /// The class of a normalised word, if it is a listed function word.
    pub fn class(&self, word: &str) -> Option<WordClass> {
        self.function_words.get(word).copied()
    }
}

fn field<'a>(fields: &[&'a str], i: usize) -> &'a str {
    fields.get(i).copied().unwrap_or("")
}

fn forms_table(source: &str) -> PhraseTable<CueEntry> {
    PhraseTable::new(lexicon::rows(source).flat_map(|(_, fields)| {
        let entry = CueEntry {
            frames: Frames::parse(field(&fields, 1)),
            not_before: field(&fields, 2).split(',').map(normalize).filter(|w| !w.is_empty()).collect(),
        };
        field(&fields, 0)
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(|form| (form.to_owned(), entry.clone()))
            .collect::<Vec<_>>()
    }))
}

fn first_column(source: &str) -> impl Iterator<Item = String> + '_ {
    lexicon::rows(source).map(|(_, fields)| field(&fields, 0).to_owned())
}

/// The lexicons, parsed on first use.
pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    verbs: forms_table(include_str!("../../data/claims/reporting_verbs.tsv")),
    nouns: forms_table(include_str!("../../data/claims/reporting_nouns.tsv")),
    according: PhraseTable::new(
        first_column(include_str!("../../data/claims/according.tsv")).map(|p| (p, ())),
    ),
    views: PhraseTable::new(
        lexicon::rows(include_str!("../../data/claims/view_phrases.tsv"))
            .map(|(_, f)| (field(&f, 1).to_owned(), normalize(field(&f, 0)))),
    ),
    author: first_column(include_str!("../../data/claims/author.tsv")).map(|p| normalize(&p)).collect(),
    certainty: PhraseTable::new(lexicon::rows(include_str!("../../data/claims/certainty.tsv")).map(
        |(_, f)| {
            let kind = if field(&f, 1) == "booster" { CueKind::Booster } else { CueKind::Hedge };
            let level = match field(&f, 2) {
                "low" => Certainty::Low,
                "high" => Certainty::High,
                _ => Certainty::Moderate,
            };
            (field(&f, 0).to_owned(), (kind, level))
        },
    )),
    links: PhraseTable::new(lexicon::rows(include_str!("../../data/claims/disputes.tsv")).map(|(_, f)| {
        let kind = if field(&f, 1) == "supports" { ClaimLinkKind::Supports } else { ClaimLinkKind::Disputes };
        let place = if field(&f, 2) == "verb" { LinkCuePlace::Verb } else { LinkCuePlace::Predicate };
        (field(&f, 0).to_owned(), (kind, place))
    })),
    claim_nouns: first_column(include_str!("../../data/claims/claim_nouns.tsv"))
        .map(|p| normalize(&p))
        .collect(),
    stance: lexicon::rows(include_str!("../../data/claims/stance.tsv"))
        .filter_map(|(_, f)| Some((normalize(field(&f, 0)), field(&f, 1).parse().ok()?)))
        .collect(),
    evaluative: PhraseTable::new(
        first_column(include_str!("../../data/claims/evaluative.tsv")).map(|p| (p, ())),
    ),
    function_words: lexicon::rows(include_str!("../../data/claims/function_words.tsv"))
        .filter_map(|(_, f)| {
            let class = match field(&f, 1) {
                "aux" => WordClass::Aux,
                "be" => WordClass::Be,
                "adverb" => WordClass::Adverb,
                "boundary" => WordClass::Boundary,
                "determiner" => WordClass::Determiner,
                "pronoun" => WordClass::Pronoun,
                "time" => WordClass::Time,
                _ => return None,
            };
            Some((normalize(field(&f, 0)), class))
        })
        .collect(),
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_tables_match_the_longest_phrase() {
        let words = ["he", "has", "made", "it", "clear", "that"];
        let (len, entry) = LEXICON.verbs.longest_at(&words, 2).unwrap();
        assert_eq!(len, 3);
        assert!(entry.frames.that);
        let (_, think) = LEXICON.verbs.longest_at(&["think"], 0).unwrap();
        assert_eq!(think.not_before, ["tank", "tanks"]);
        assert!(LEXICON.verbs.longest_at(&words, 0).is_none());
        let (len, _) = LEXICON.according.longest_at(&["according", "to", "x"], 0).unwrap();
        assert_eq!(len, 2);
        assert_eq!(normalize("Moscow’s"), "moscow's");
        assert_eq!(LEXICON.class("said"), None);
        assert_eq!(LEXICON.class("had"), Some(WordClass::Aux));
    }
}
