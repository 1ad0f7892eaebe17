//! A lookup table from normalised words to what the claim lexicons know of them, for the one
//! lookup every token of a text costs. Words of up to 16 bytes are kept inline in the slots
//! as one zero-padded `u128` (the idea of the actor layer's word table), read from a buffer
//! padded past its end with one fixed-size load, so a lookup is one hash and one slot
//! comparison, with no pointer to follow and no string
//! comparison. Longer words go to an ordinary hash map.

use crate::hash::FastMap;
use crate::word_slots::{WordSlots, hash_packed};

/// The longest word kept inline.
const INLINE: usize = 16;

/// Values by word (see the module docs).
#[derive(Debug)]
pub(super) struct WordTable<V> {
    /// The inline words, by their zero-padded bytes.
    slots: WordSlots<u128, V>,
    /// Words longer than [`INLINE`] bytes.
    long: FastMap<Box<[u8]>, V>,
}

/// A word of 1 to [`INLINE`] bytes as one number: its bytes zero-padded, little-endian. With
/// the length beside it the number is unique.
#[inline]
fn pack(word: &[u8]) -> Option<u128> {
    let mut padded = [0u8; INLINE];
    padded.get_mut(..word.len())?.copy_from_slice(word);
    (!word.is_empty()).then(|| u128::from_le_bytes(padded))
}

/// [`pack`] of the first `len` (1 to [`INLINE`]) of sixteen bytes, without a copy of variable
/// length: the bytes past the word are masked off.
#[inline]
fn pack_sixteen(sixteen: [u8; INLINE], len: usize) -> u128 {
    u128::from_le_bytes(sixteen) & (u128::MAX >> (8 * (INLINE - len)))
}

fn hash(key: u128, len: usize) -> u64 {
    hash_packed(key as u64, (key >> 64) as u64, len)
}

impl<V: Copy + Default> WordTable<V> {
    /// A table holding `entries`.
    pub fn new<'e>(entries: impl IntoIterator<Item = (&'e str, V)>) -> WordTable<V> {
        let entries: Vec<(&str, V)> = entries.into_iter().collect();
        let inline = entries.iter().filter(|(w, _)| pack(w.as_bytes()).is_some()).count();
        let mut table = WordTable { slots: WordSlots::with_room_for(inline), long: FastMap::default() };
        for (word, value) in entries {
            table.insert(word, value);
        }
        table
    }

    fn insert(&mut self, word: &str, value: V) {
        let Some(key) = pack(word.as_bytes()) else {
            self.long.insert(word.as_bytes().into(), value);
            return;
        };
        // `pack` kept the length at most INLINE.
        self.slots.insert(key, word.len() as u8, hash(key, word.len()), value);
    }

    /// The value of `word`, the default when the table does not hold it.
    #[cfg(test)]
    pub fn get(&self, word: &str) -> V {
        match pack(word.as_bytes()) {
            Some(key) => self.get_packed(key, word.len()),
            None => self.long.get(word.as_bytes()).copied().unwrap_or_default(),
        }
    }

    /// The value of the word of `len` bytes at the start of `from`, the default when the table
    /// does not hold it. Sixteen bytes are read at once when `from` has them.
    #[inline]
    pub fn get_at(&self, from: &[u8], len: usize) -> V {
        match from.first_chunk::<INLINE>() {
            Some(&sixteen) if (1..=INLINE).contains(&len) => self.get_packed(pack_sixteen(sixteen, len), len),
            _ => match from.get(..len) {
                Some(word) => match pack(word) {
                    Some(key) => self.get_packed(key, len),
                    None => self.long.get(word).copied().unwrap_or_default(),
                },
                None => V::default(),
            },
        }
    }

    #[inline]
    fn get_packed(&self, key: u128, len: usize) -> V {
        self.slots.find(key, len, hash(key, len)).map_or_else(V::default, |(_, value)| value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_short_and_long_words_and_nothing_else() {
        let long = "internationalisation-wide";
        let table =
            WordTable::new([("the", 1u32), ("a", 2), ("sixteen-letters!", 4), (long, 8), ("said", 16)]);
        assert_eq!(table.get("the"), 1);
        assert_eq!(table.get("a"), 2);
        assert_eq!(table.get("sixteen-letters!"), 4);
        assert_eq!(table.get(long), 8);
        assert_eq!(table.get("said"), 16);
        assert_eq!(table.get("th"), 0);
        assert_eq!(table.get("the\0"), 0);
        assert_eq!(table.get(""), 0);
        assert_eq!(table.get("saidx"), 0);
        assert_eq!(table.get("internationalisation"), 0);
        let padded = b"said that the sixteen-letters! ";
        assert_eq!(table.get_at(padded, 4), 16);
        assert_eq!(table.get_at(&padded[10..], 3), 1);
        assert_eq!(table.get_at(&padded[14..], 16), 4);
        assert_eq!(table.get_at(&padded[14..], 15), 0);
        assert_eq!(table.get_at(b"the", 3), 1);
        assert_eq!(table.get_at(b"the", 4), 0);
        assert_eq!(table.get_at(b"said", 0), 0);
    }
}
