//! A lookup table from words to a `u32` of bits and a small integer id, for the one lookup
//! every token of a text costs: words of up to 16 bytes are kept inline in the table's
//! slots as two `u64`, so a lookup is one hash of two machine words and one slot
//! comparison, with no pointer to follow and no string comparison. Longer words go to an
//! ordinary hash map. The id lets later steps compare and combine words as integers (see
//! [`NameTrie`](super::name_trie::NameTrie)).

use super::gazetteer::FastMap;
use crate::word_slots::{WordSlots, hash_packed};

/// The longest word kept inline.
const INLINE: usize = 16;

/// Bits by word (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct WordTable {
    /// The inline words, by their two machine words; a slot's index is its word's id.
    slots: WordSlots<[u64; 2], u32>,
    /// Words longer than [`INLINE`] bytes, with their ids.
    long: FastMap<String, (u32, u32)>,
    /// The answer for each one-byte (ASCII) word, read once at construction: punctuation
    /// and one-letter words are a good part of every text.
    single_byte: Vec<(u32, u32)>,
}

/// The id of a word the table does not hold.
pub(crate) const NO_WORD: u32 = u32::MAX;

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
    hash_packed(key[0], key[1], len)
}

impl WordTable {
    /// A table holding the entries of `entries`.
    pub(crate) fn new<'e>(entries: impl IntoIterator<Item = (&'e str, u32)>) -> WordTable {
        let entries: Vec<(&str, u32)> = entries.into_iter().collect();
        let inline = entries.iter().filter(|(w, _)| pack(w).is_some()).count();
        let mut table = WordTable {
            slots: WordSlots::with_room_for(inline),
            long: FastMap::default(),
            single_byte: Vec::new(),
        };
        for (word, bits) in entries {
            table.insert(word, bits);
        }
        let mut one = [0u8; 4];
        table.single_byte =
            (0..128u8).map(|b| table.lookup_in_slots(char::from(b).encode_utf8(&mut one))).collect();
        table
    }

    fn insert(&mut self, word: &str, bits: u32) {
        let Some(key) = pack(word) else {
            // Ids of long words follow the slots' indices.
            let id = self.slot_count() + self.long.len() as u32;
            self.long.entry(word.to_owned()).or_insert((id, 0)).1 = bits;
            return;
        };
        // `pack` kept the length at most INLINE.
        self.slots.insert(key, word.len() as u8, hash(key, word.len()), bits);
    }

    fn slot_count(&self) -> u32 {
        u32::try_from(self.slots.slot_count()).unwrap_or(u32::MAX)
    }

    /// The id of `word` ([`NO_WORD`] when the table does not hold it) and its bits (0 when
    /// it has none).
    pub(crate) fn lookup(&self, word: &str) -> (u32, u32) {
        if let [byte] = word.as_bytes()
            && let Some(&found) = self.single_byte.get(usize::from(*byte))
        {
            return found;
        }
        self.lookup_in_slots(word)
    }

    /// [`WordTable::lookup`] without the one-byte shortcut.
    fn lookup_in_slots(&self, word: &str) -> (u32, u32) {
        let Some(key) = pack(word) else {
            return self.long.get(word).copied().unwrap_or((NO_WORD, 0));
        };
        match self.slots.find(key, word.len(), hash(key, word.len())) {
            // The table has far fewer slots than u32::MAX.
            Some((at, bits)) => (at as u32, bits),
            None => (NO_WORD, 0),
        }
    }

    /// The bits of `word`, 0 when it has none.
    #[cfg(test)]
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.lookup(word).1
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
        let (the, _) = table.lookup("the");
        let (long_id, _) = table.lookup(long);
        assert!(the != NO_WORD && long_id != NO_WORD && the != long_id);
        assert_eq!(table.lookup("th").0, NO_WORD);
    }
}
