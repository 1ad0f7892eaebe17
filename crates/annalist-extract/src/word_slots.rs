//! Open addressing over small inline word keys, shared by the layers' word tables: each table
//! packs its words into a fixed-size key (its own way) and hashes it; the slots keep key,
//! length and value side by side, so a lookup is one hash and one slot comparison, with no
//! pointer to follow and no string comparison. A small filter of hash bits in front answers
//! "surely absent" for most words of a text without touching the slots.

/// A set of 64 Ki hash bits (8 KiB, small enough to stay in the nearest cache): a clear bit
/// says "surely absent" without touching the slots, which are too large to stay cached while
/// the rest of the pipeline runs. Most words of a text are in no table.
#[derive(Debug, Clone)]
pub(crate) struct HashFilter(Vec<u64>);

impl Default for HashFilter {
    fn default() -> Self {
        HashFilter(vec![0; 1024])
    }
}

impl HashFilter {
    fn bit(hash: u64) -> (usize, u64) {
        // The high bits: a table's slot comes from the low ones.
        let bit = (hash >> 48) as usize;
        (bit >> 6, 1 << (bit & 63))
    }

    /// Adds a hash.
    pub(crate) fn add(&mut self, hash: u64) {
        let (word, mask) = Self::bit(hash);
        if let Some(w) = self.0.get_mut(word) {
            *w |= mask;
        }
    }

    /// Whether a hash may have been added (false: surely not).
    #[inline]
    pub(crate) fn may_contain(&self, hash: u64) -> bool {
        let (word, mask) = Self::bit(hash);
        self.0.get(word).is_some_and(|w| w & mask != 0)
    }
}

/// The hash of a word packed into two machine words, with its length.
#[inline]
pub(crate) fn hash_packed(low: u64, high: u64, len: usize) -> u64 {
    let mixed = (low ^ high.rotate_left(29) ^ (len as u64)).wrapping_mul(crate::hash::MUL);
    mixed ^ (mixed >> 29)
}

/// One slot; `len == 0` marks it empty.
#[derive(Debug, Clone, Copy, Default)]
struct Slot<K, V> {
    key: K,
    len: u8,
    value: V,
}

/// Values by packed word key and length (see the module docs).
#[derive(Debug)]
pub(crate) struct WordSlots<K, V> {
    filter: HashFilter,
    /// A power of two in length, at most half full; empty for a table with no words.
    slots: Vec<Slot<K, V>>,
}

impl<K, V> Default for WordSlots<K, V> {
    fn default() -> Self {
        WordSlots { filter: HashFilter::default(), slots: Vec::new() }
    }
}

impl<K: Copy + Default + Eq, V: Copy + Default> WordSlots<K, V> {
    /// Room for `words` keys.
    pub(crate) fn with_room_for(words: usize) -> WordSlots<K, V> {
        let size = (words.max(1) * 2).next_power_of_two();
        WordSlots { filter: HashFilter::default(), slots: vec![Slot::default(); size] }
    }

    /// How many slots there are (ids of found words are below it).
    pub(crate) fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// Sets the value of the word `key` of `len` (1 to 255) bytes hashing to `hash`.
    pub(crate) fn insert(&mut self, key: K, len: u8, hash: u64, value: V) {
        self.filter.add(hash);
        let mask = self.slots.len() - 1;
        let mut at = (hash as usize) & mask;
        loop {
            let slot = &mut self.slots[at];
            if slot.len == 0 {
                *slot = Slot { key, len, value };
                return;
            }
            if slot.key == key && slot.len == len {
                slot.value = value;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// The slot index (a word id) and value of the word `key` of `len` bytes hashing to
    /// `hash`, if the table holds it.
    #[inline]
    pub(crate) fn find(&self, key: K, len: usize, hash: u64) -> Option<(usize, V)> {
        if !self.filter.may_contain(hash) {
            return None;
        }
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (hash as usize) & mask;
        while let Some(slot) = self.slots.get(at) {
            if slot.len == 0 {
                return None;
            }
            if slot.key == key && usize::from(slot.len) == len {
                return Some((at, slot.value));
            }
            at = (at + 1) & mask;
        }
        None
    }
}
