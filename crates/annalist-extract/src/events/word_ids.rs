//! The lexicon's words numbered, for the one lookup every token of a document costs. Words
//! of up to 16 bytes are kept inline in the slots as one zero-padded `u128`
//! ([`crate::word_slots`]), read from the padded lower-case text with one fixed-size load, so
//! a lookup is one hash and one slot comparison, with no pointer to follow and no string
//! comparison. Longer words go to an ordinary hash map. Two tokens have the same id exactly
//! when their lower-case forms are the same word, so the coder compares ids, not strings.

use crate::hash::FastMap;
use crate::word_slots::{WordSlots, hash_packed};

/// The longest word kept inline.
pub(crate) const INLINE: usize = 16;

/// Ids of words (see the module docs).
#[derive(Debug)]
pub(crate) struct WordIds {
    /// The inline words, by their zero-padded bytes.
    slots: WordSlots<u128, u32>,
    /// Words longer than [`INLINE`] bytes.
    long: FastMap<Box<[u8]>, u32>,
}

/// A word of 1 to [`INLINE`] bytes as one number: its bytes zero-padded, little-endian. With
/// the length beside it the number is unique.
fn pack(word: &[u8]) -> Option<u128> {
    let mut padded = [0u8; INLINE];
    padded.get_mut(..word.len())?.copy_from_slice(word);
    (!word.is_empty()).then(|| u128::from_le_bytes(padded))
}

/// The first `len` (1 to [`INLINE`]) of sixteen bytes as [`pack`] gives them, without a copy
/// of variable length: the bytes past the word are masked off.
#[inline]
pub(crate) fn pack_sixteen(sixteen: [u8; INLINE], len: usize) -> u128 {
    u128::from_le_bytes(sixteen) & (u128::MAX >> (8 * (INLINE - len)))
}

/// Whether a packed word is all ASCII.
#[inline]
pub(crate) fn is_ascii_packed(key: u128) -> bool {
    key & (u128::MAX / 0xff * 0x80) == 0
}

fn hash(key: u128, len: usize) -> u64 {
    hash_packed(key as u64, (key >> 64) as u64, len)
}

impl WordIds {
    /// Numbers `words` by their index (each word once).
    pub(crate) fn new(words: &[String]) -> WordIds {
        let inline = words.iter().filter(|w| pack(w.as_bytes()).is_some()).count();
        let mut ids = WordIds { slots: WordSlots::with_room_for(inline), long: FastMap::default() };
        for (id, word) in words.iter().enumerate() {
            let id = u32::try_from(id).expect("fewer than 2^32 words");
            match pack(word.as_bytes()) {
                // `pack` kept the length at most INLINE.
                Some(key) => ids.slots.insert(key, word.len() as u8, hash(key, word.len()), id),
                None => {
                    ids.long.insert(word.as_bytes().into(), id);
                }
            }
        }
        ids
    }

    /// The id of `word`, if it is one of the words.
    pub(crate) fn get(&self, word: &[u8]) -> Option<u32> {
        match pack(word) {
            Some(key) => self.get_packed(key, word.len()),
            None => self.long.get(word).copied(),
        }
    }

    /// The id of the word of 1 to [`INLINE`] bytes packed as `key` (see [`pack_sixteen`]).
    #[inline]
    pub(crate) fn get_packed(&self, key: u128, len: usize) -> Option<u32> {
        self.slots.find(key, len, hash(key, len)).map(|(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_short_and_long_words_and_nothing_else() {
        let long = "internationalisation-wide";
        let words = ["the", "a", "sixteen-letters!", long, "said"].map(str::to_owned);
        let ids = WordIds::new(&words);
        for (id, word) in words.iter().enumerate() {
            assert_eq!(ids.get(word.as_bytes()), Some(id as u32), "{word}");
        }
        for absent in ["th", "the\0", "", "saidx", "internationalisation"] {
            assert_eq!(ids.get(absent.as_bytes()), None, "{absent}");
        }
        let padded = *b"said that the xy";
        assert_eq!(ids.get_packed(pack_sixteen(padded, 4), 4), Some(4));
        assert_eq!(ids.get_packed(pack_sixteen(padded, 3), 3), None);
        assert!(is_ascii_packed(pack_sixteen(padded, 16)));
        assert!(!is_ascii_packed(pack("ę".as_bytes()).unwrap_or(0)));
    }
}
