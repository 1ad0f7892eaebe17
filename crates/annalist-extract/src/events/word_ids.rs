//! The lexicon's words numbered, with what is known of each, for the one lookup every token
//! of a document costs. Words of up to 16 bytes are kept inline in the slots as one
//! zero-padded `u128` beside their value ([`crate::word_slots`]), read from the padded
//! lower-case text with one fixed-size load, so a lookup is one hash and one slot comparison,
//! with no pointer to follow and no string comparison; a word's id is its slot. Longer words
//! go to an ordinary hash map. Two tokens have the same id exactly when their lower-case
//! forms are the same word, so the coder compares ids, not strings.

use crate::hash::FastMap;
pub(crate) use crate::word_slots::pack_prefix as pack_sixteen;
use crate::word_slots::{PACKED_BYTES, WordSlots, hash_packed, pack_word as pack};

/// The longest word kept inline.
pub(crate) const INLINE: usize = PACKED_BYTES;

/// Ids and values of words (see the module docs).
#[derive(Debug)]
pub(crate) struct WordIds<V> {
    /// The inline words, by their zero-padded bytes.
    slots: WordSlots<u128, V>,
    /// Words longer than [`INLINE`] bytes, with their ids (from the number of slots on).
    long: FastMap<Box<[u8]>, (u32, V)>,
}

/// Whether a packed word is all ASCII.
#[inline]
pub(crate) fn is_ascii_packed(key: u128) -> bool {
    key & (u128::MAX / 0xff * 0x80) == 0
}

fn hash(key: u128, len: usize) -> u64 {
    hash_packed(key as u64, (key >> 64) as u64, len)
}

impl<V: Copy + Default> WordIds<V> {
    /// The table of `words` with their values (each word once).
    pub(crate) fn new(words: &[(String, V)]) -> WordIds<V> {
        let inline = words.iter().filter(|(w, _)| pack(w.as_bytes()).is_some()).count();
        let mut ids = WordIds { slots: WordSlots::with_room_for(inline), long: FastMap::default() };
        for (word, value) in words {
            match pack(word.as_bytes()) {
                // `pack` kept the length at most INLINE.
                Some(key) => ids.slots.insert(key, word.len() as u8, hash(key, word.len()), *value),
                None => {
                    let id = ids.slots.slot_count() + ids.long.len();
                    let id = u32::try_from(id).expect("fewer than 2^32 words");
                    ids.long.insert(word.as_bytes().into(), (id, *value));
                }
            }
        }
        ids
    }

    /// An upper bound of the ids.
    pub(crate) fn id_count(&self) -> usize {
        self.slots.slot_count() + self.long.len()
    }

    /// The id and value of `word`, if it is one of the words.
    pub(crate) fn get(&self, word: &[u8]) -> Option<(u32, V)> {
        match pack(word) {
            Some(key) => self.get_packed(key, word.len()),
            None => self.long.get(word).copied(),
        }
    }

    /// The id and value of the word of 1 to [`INLINE`] bytes packed as `key` (see
    /// [`pack_sixteen`]).
    #[inline]
    pub(crate) fn get_packed(&self, key: u128, len: usize) -> Option<(u32, V)> {
        // Slot indices are below the number of slots, a `u32` (see `new`).
        self.slots.find(key, len, hash(key, len)).map(|(slot, value)| (slot as u32, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_short_and_long_words_and_nothing_else() {
        let long = "internationalisation-wide";
        let words = ["the", "a", "sixteen-letters!", long, "said"].map(str::to_owned);
        let ids = WordIds::new(&words.iter().cloned().zip(1..).collect::<Vec<_>>());
        let mut seen = Vec::new();
        for (value, word) in (1..).zip(&words) {
            let found = ids.get(word.as_bytes());
            assert_eq!(found.map(|(_, v)| v), Some(value), "{word}");
            let id = found.map_or(0, |(id, _)| id);
            assert!(!seen.contains(&id) && (id as usize) < ids.id_count(), "{word}");
            seen.push(id);
        }
        for absent in ["th", "the\0", "", "saidx", "internationalisation"] {
            assert_eq!(ids.get(absent.as_bytes()), None, "{absent}");
        }
        let padded = *b"said that the xy";
        assert_eq!(ids.get_packed(pack_sixteen(padded, 4), 4).map(|(_, v)| v), Some(5));
        assert_eq!(ids.get_packed(pack_sixteen(padded, 3), 3), None);
        assert!(is_ascii_packed(pack_sixteen(padded, 16)));
        assert!(!is_ascii_packed(pack("ę".as_bytes()).unwrap_or(0)));
    }
}
