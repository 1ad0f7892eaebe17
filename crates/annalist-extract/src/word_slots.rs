//! Open addressing over small inline word keys, shared by the layers' word tables: each table
//! packs its words into a fixed-size key (its own way) and hashes it; the slots keep key,
//! length and value side by side, so a lookup is one hash and one slot comparison, with no
//! pointer to follow and no string comparison. A small filter of hash bits in front answers
//! "surely absent" for most words of a text without touching the slots.

/// A set of 2^`LOG2_BITS` hash bits (64 Ki, 8 KiB, by default: small enough to stay in the
/// nearest cache): a clear bit says "surely absent" without touching the slots, which are too
/// large to stay cached while the rest of the pipeline runs. Most words of a text are in no
/// table.
#[derive(Debug, Clone)]
pub(crate) struct HashFilter<const LOG2_BITS: u32 = 16>(Vec<u64>);

impl<const LOG2_BITS: u32> Default for HashFilter<LOG2_BITS> {
    fn default() -> Self {
        HashFilter(vec![0; (1 << LOG2_BITS) / 64])
    }
}

impl<const LOG2_BITS: u32> HashFilter<LOG2_BITS> {
    fn bit(hash: u64) -> (usize, u64) {
        // The high bits: a table's slot comes from the low ones.
        let bit = (hash >> (64 - LOG2_BITS)) as usize;
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

/// The longest word packed inline, in bytes.
pub(crate) const PACKED_BYTES: usize = 16;

/// A word of 1 to [`PACKED_BYTES`] bytes as one number: its bytes zero-padded, little-endian
/// (with the length beside it the number is unique); `None` when empty or longer.
#[inline]
pub(crate) fn pack_word(word: &[u8]) -> Option<u128> {
    let mut padded = [0u8; PACKED_BYTES];
    padded.get_mut(..word.len())?.copy_from_slice(word);
    (!word.is_empty()).then(|| u128::from_le_bytes(padded))
}

/// [`pack_word`] of the first `len` (at most [`PACKED_BYTES`]) of sixteen bytes read at once
/// off a padded text, without a copy of variable length: the bytes past the word are masked
/// off.
#[inline]
pub(crate) fn pack_prefix(sixteen: [u8; PACKED_BYTES], len: usize) -> u128 {
    u128::from_le_bytes(sixteen) & prefix_mask(len)
}

/// The bits of the first `len` bytes of a packed word (all of them from [`PACKED_BYTES`] on),
/// from a table: a shift of 128 bits by a variable amount is a branchy run of instructions.
#[inline]
pub(crate) fn prefix_mask(len: usize) -> u128 {
    const MASKS: [u128; PACKED_BYTES + 1] = {
        let mut masks = [u128::MAX; PACKED_BYTES + 1];
        let mut len = 0;
        while len < PACKED_BYTES {
            masks[len] = (1u128 << (8 * len)) - 1;
            len += 1;
        }
        masks
    };
    MASKS[len.min(PACKED_BYTES)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_read_off_padded_text_packs_as_the_word_does() {
        let text = b"internationalisation";
        let sixteen: [u8; PACKED_BYTES] = text[..PACKED_BYTES].try_into().unwrap();
        for len in 1..=PACKED_BYTES {
            assert_eq!(Some(pack_prefix(sixteen, len)), pack_word(&text[..len]), "length {len}");
        }
        assert_eq!(pack_word(b""), None);
        assert_eq!(pack_word(text), None, "longer than a packed key");
        assert_eq!((prefix_mask(0), prefix_mask(PACKED_BYTES), prefix_mask(40)), (0, u128::MAX, u128::MAX));
    }
}
