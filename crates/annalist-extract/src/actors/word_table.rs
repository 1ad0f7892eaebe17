//! A lookup table from short words to a `u32` of bits, for the one lookup every token of a
//! text costs: words of up to 16 bytes are kept inline in the table's slots as two `u64`,
//! so a lookup is one hash of two machine words and one slot comparison, with no pointer
//! to follow and no string comparison. Longer words go to an ordinary hash map.

use super::gazetteer::FastMap;

/// The longest word kept inline.
const INLINE: usize = 16;

/// One slot of the open-addressed table; `len == 0` marks it empty.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: [u64; 2],
    len: u8,
    bits: u32,
}

/// Bits by word (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct WordTable {
    /// A power of two in length, at most half full; empty until the first insertion.
    slots: Vec<Slot>,
    /// Words longer than [`INLINE`] bytes.
    long: FastMap<String, u32>,
}

/// `word` as two machine words; `None` when it is empty or too long to keep inline. With
/// the length beside it the pair is unique: 8 to 16 bytes are read as the first and the
/// last eight (overlapping), 4 to 7 as the first and the last four, shorter ones byte by
/// byte. Fixed-size reads only, so no copy through memory.
fn pack(word: &str) -> Option<[u64; 2]> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    match len {
        8..=INLINE => Some([read8(&bytes[..8]), read8(&bytes[len - 8..])]),
        4..=7 => Some([read4(&bytes[..4]), read4(&bytes[len - 4..])]),
        1..=3 => Some([
            u64::from(bytes[0]) | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1]) << 16,
            0,
        ]),
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

impl WordTable {
    /// A table holding the entries of `entries`.
    pub(crate) fn new<'e>(entries: impl IntoIterator<Item = (&'e str, u32)>) -> WordTable {
        let entries: Vec<(&str, u32)> = entries.into_iter().collect();
        let inline = entries.iter().filter(|(w, _)| pack(w).is_some()).count();
        let size = (inline.max(1) * 2).next_power_of_two();
        let mut table = WordTable { slots: vec![Slot::default(); size], long: FastMap::default() };
        for (word, bits) in entries {
            table.insert(word, bits);
        }
        table
    }

    fn insert(&mut self, word: &str, bits: u32) {
        let Some(key) = pack(word) else {
            self.long.insert(word.to_owned(), bits);
            return;
        };
        let mask = self.slots.len() - 1;
        let mut at = (hash(key, word.len()) as usize) & mask;
        loop {
            let slot = &mut self.slots[at];
            if slot.len == 0 {
                // `pack` kept the length at most INLINE.
                *slot = Slot { key, len: word.len() as u8, bits };
                return;
            }
            if slot.key == key && usize::from(slot.len) == word.len() {
                slot.bits = bits;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// The bits of `word`, 0 when it has none.
    pub(crate) fn get(&self, word: &str) -> u32 {
        let Some(key) = pack(word) else {
            return self.long.get(word).copied().unwrap_or(0);
        };
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = (hash(key, word.len()) as usize) & mask;
        while let Some(slot) = self.slots.get(at) {
            if slot.len == 0 {
                return 0;
            }
            if slot.key == key && usize::from(slot.len) == word.len() {
                return slot.bits;
            }
            at = (at + 1) & mask;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_short_and_long_words_and_nothing_else() {
        let long = "internationalisation-wide";
        let table = WordTable::new([("the", 1), ("a", 2), ("sixteen-letters!", 4), (long, 8)]);
        assert_eq!(table.get("the"), 1);
        assert_eq!(table.get("a"), 2);
        assert_eq!(table.get("sixteen-letters!"), 4);
        assert_eq!(table.get(long), 8);
        assert_eq!(table.get("th"), 0);
        assert_eq!(table.get("the\0"), 0);
        assert_eq!(table.get(""), 0);
        assert_eq!(table.get("internationalisation"), 0);
        assert_eq!(WordTable::default().get("the"), 0);
    }
}
