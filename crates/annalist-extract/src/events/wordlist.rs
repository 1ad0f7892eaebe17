//! Lists of function words the coder asks about ("is this token a determiner?"), each one
//! bit of a per-token class mask: the mask is read once per token with its lemma, so that
//! asking costs one AND instead of string comparisons against every word of the list.

/// A list of lower-case function words and its bit in the class mask of a token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordList {
    /// The list's bit.
    pub bit: u32,
    /// The words.
    pub words: &'static [&'static str],
}

impl WordList {
    /// The list `words`, bit `index` of the class mask (below 30; see [`BREAK`] and
    /// [`REPORT_START`]).
    pub(crate) const fn new(index: u32, words: &'static [&'static str]) -> WordList {
        WordList { bit: 1 << index, words }
    }
}

/// The bit of the class mask of punctuation that ends a phrase (comma, semicolon, dash,
/// quote...).
pub(crate) const BREAK: u32 = 1 << 31;

/// The bit of the class mask of a word that is the first word of a reported-speech cue
/// ("said", "according"; data/events/modality.tsv).
pub(crate) const REPORT_START: u32 = 1 << 30;

/// Punctuation that ends a phrase.
pub(crate) const BREAK_PUNCTUATION: &[&str] =
    &[",", ";", ":", ".", "!", "?", "(", ")", "\"", "“", "”", "—", "–", "[", "]"];

/// Whether `text` is punctuation that ends a phrase.
pub(crate) fn is_break_punctuation(text: &str) -> bool {
    BREAK_PUNCTUATION.contains(&text)
}

/// Every list a token is asked about: each must be here (the lexicon builds the masks from
/// this), each with its own bit.
pub(crate) const ALL: &[WordList] = &[
    super::CIRCUMSTANCE,
    super::clause::LEFT_BOUNDARIES,
    super::clause::PRONOUNS,
    super::clause::RIGHT_BOUNDARIES,
    super::clause::ADVERBS,
    super::clause::NP_STOPS,
    super::clause::BE_FORMS,
    super::clause::VERB_STARTS,
    super::matcher::NOMINAL_MARKERS,
    super::matcher::DETERMINERS,
    super::matcher::PREPOSITIONS,
    super::NOT_A_DEMAND,
    super::MUST,
    super::TO,
    super::GIVING_REASONS,
    super::RELATIVE_PRONOUNS,
    super::AUXILIARIES,
    super::PLACE_PREPOSITIONS,
    super::MEETING_PLACE_PREPOSITIONS,
    super::NEGATIONS,
    super::SPECULATIVE_MODALS,
    super::clause::AND_OR,
    super::clause::COORDINATORS,
    super::clause::AND_OR_BUT,
    super::clause::RELATIVES,
    super::clause::THAT,
    super::clause::BY,
    super::clause::VERB_OBJECT_MODIFIERS,
    super::CLAUSE_JOINERS,
    super::NOUN_PHRASE_ENDS,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_its_own_bit() {
        let mut seen = 0u32;
        for list in ALL {
            assert_eq!(list.bit.count_ones(), 1);
            assert_eq!(seen & list.bit, 0, "two lists share bit {:#x}", list.bit);
            assert_eq!(list.bit & (BREAK | REPORT_START), 0);
            seen |= list.bit;
        }
    }
}
