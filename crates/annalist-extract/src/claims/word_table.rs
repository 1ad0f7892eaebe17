//! A lookup table from normalised words to what the claim lexicons know of them, for the one
//! lookup every token of a text costs. Words of up to 16 bytes are kept inline in the slots
//! as two `u64` (the idea of the actor layer's word table), so a lookup is one hash of two
//! machine words and one slot comparison, with no pointer to follow and no string
//! comparison. Longer words go to an ordinary hash map.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::lexicon::WordHasher;

/// The longest word kept inline.
const INLINE: usize = 16;

/// One slot of the open-addressed table; `len == 0` marks it empty.
#[derive(Debug, Clone, Copy, Default)]
struct Slot<V> {
    key: [u64; 2],
    len: u8,
    value: V,
}

/// Values by word (see the module docs).
#[derive(Debug)]
pub(super) struct WordTable<V> {
    /// A set of 64 Ki hash bits (8 KiB, small enough to stay cached): most words of a text
    /// are in no lexicon, and a clear bit says so without touching the slots.
    filter: Vec<u64>,
    /// A power of two in length, at most half full.
    slots: Vec<Slot<V>>,
    /// Words longer than [`INLINE`] bytes.
    long: HashMap<String, V, BuildHasherDefault<WordHasher>>,
}

/// `word` as two machine words; `None` when it is empty or too long to keep inline. With the
/// length beside it the pair is unique: 8 to 16 bytes are read as the first and the last
/// eight (overlapping), 4 to 7 as the first and the last four, shorter ones byte by byte.
#[inline]
fn pack(word: &str) -> Option<[u64; 2]> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    match len {
        8..=INLINE => Some([read8(&bytes[..8]), read8(&bytes[len - 8..])]),
        4..=7 => Some([read4(&bytes[..4]), read4(&bytes[len - 4..])]),
        1..=3 => {
            Some([u64::from(bytes[0]) | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1]) << 16, 0])
        }
        _ => None,
    }
}

fn read8(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word.copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

fn read4(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 4];
    word.copy_from_slice(bytes);
    u64::from(u32::from_le_bytes(word))
}

fn hash(key: [u64; 2], len: usize) -> u64 {
    let mixed = (key[0] ^ key[1].rotate_left(29) ^ (len as u64)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    mixed ^ (mixed >> 29)
}

/// A hash's bit in the filter: its high bits (the slot comes from the low ones).
fn filter_bit(hash: u64) -> (usize, u64) {
    let bit = (hash >> 48) as usize;
    (bit >> 6, 1 << (bit & 63))
}

impl<V: Copy + Default> WordTable<V> {
    /// A table holding `entries`.
    pub fn new<'e>(entries: impl IntoIterator<Item = (&'e str, V)>) -> WordTable<V> {
        let entries: Vec<(&str, V)> = entries.into_iter().collect();
        let inline = entries.iter().filter(|(w, _)| pack(w).is_some()).count();
        let size = (inline.max(1) * 2).next_power_of_two();
        let mut table = WordTable {
            filter: vec![0; 1024],
            slots: vec![Slot::default(); size],
            long: HashMap::default(),
        };
        for (word, value) in entries {
            table.insert(word, value);
        }
        table
    }

    fn insert(&mut self, word: &str, value: V) {
        let Some(key) = pack(word) else {
            self.long.insert(word.to_owned(), value);
            return;
        };
        let mask = self.slots.len() - 1;
        let hash = hash(key, word.len());
        let (filter_word, filter_mask) = filter_bit(hash);
        self.filter[filter_word] |= filter_mask;
        let mut at = (hash as usize) & mask;
        loop {
            let slot = &mut self.slots[at];
            if slot.len == 0 {
                // `pack` kept the length at most INLINE.
                *slot = Slot { key, len: word.len() as u8, value };
                return;
            }
            if slot.key == key && usize::from(slot.len) == word.len() {
                slot.value = value;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// The value of `word`, the default when the table does not hold it.
    #[inline]
    pub fn get(&self, word: &str) -> V {
        let Some(key) = pack(word) else {
            return self.long.get(word).copied().unwrap_or_default();
        };
        let hash = hash(key, word.len());
        let (filter_word, filter_mask) = filter_bit(hash);
        if self.filter.get(filter_word).is_none_or(|w| w & filter_mask == 0) {
            return V::default();
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (hash as usize) & mask;
        while let Some(slot) = self.slots.get(at) {
            if slot.len == 0 {
                return V::default();
            }
            if slot.key == key && usize::from(slot.len) == word.len() {
                return slot.value;
            }
            at = (at + 1) & mask;
        }
        V::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_short_and_long_words_and_nothing_else() {
        let long = "internationalisation-wide";
        let table = WordTable::new([("the", 1u32), ("a", 2), ("sixteen-letters!", 4), (long, 8), ("said", 16)]);
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
    }
}
