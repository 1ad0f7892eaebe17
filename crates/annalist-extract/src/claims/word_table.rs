//! A lookup table from normalised words to what the claim lexicons know of them, for the one
//! lookup every token of a text costs (and to the phrases a word opens, for the tokens whose
//! lexicon bits say it opens some). Words of up to 16 bytes are kept inline as one
//! zero-padded `u128` (the idea of the actor layer's word table), read from a buffer padded
//! past its end with one fixed-size load. A small array of heads, indexed by the low bits of a
//! word's hash, points at the first entry of that hash; the entry is compared and its value
//! picked without a branch on whether it matched: about half the tokens of a text are listed
//! function words and the other half are not, so such a branch would be mispredicted for one
//! token in two. Only an entry sharing its head with another word (a short chain) costs a
//! branch. Longer words go to an ordinary hash map.

use crate::hash::FastMap;
use crate::word_slots::{PACKED_BYTES, hash_packed, pack_prefix as pack_sixteen, pack_word as pack};

/// The longest word kept inline.
const INLINE: usize = PACKED_BYTES;
/// Heads per word (a power of two): few words share a head, so chains stay rare. (Sixteen
/// measured quicker than eight, whose chains cost a branch on a few tokens in a hundred, and
/// than thirty-two, whose heads no longer fit the first-level cache.)
const HEADS_PER_WORD: usize = 16;

/// Values by word (see the module docs).
#[derive(Debug)]
pub(super) struct WordTable<V> {
    /// By the low bits of a word's hash: the index in `entries` of the first word with them,
    /// 0 (the sentinel) for none. A power of two in length.
    heads: Vec<u16>,
    /// The inline words; the first is a sentinel no word matches (its length is 0).
    entries: Vec<Entry<V>>,
    /// Words longer than [`INLINE`] bytes, and inline words past the reach of a `u16` index.
    long: FastMap<Box<[u8]>, V>,
    /// Whether some inline words went to `long` (more than a `u16` indexes).
    spilled: bool,
}

/// One inline word with its value.
#[derive(Debug, Clone, Copy, Default)]
struct Entry<V> {
    /// The word's bytes, zero-padded (see [`pack`]).
    key: u128,
    /// Its length in bytes, 0 for the sentinel.
    len: u8,
    /// The next entry with the same head, 0 for none.
    next: u16,
    value: V,
}

#[inline]
fn hash(key: u128, len: usize) -> usize {
    hash_packed(key as u64, (key >> 64) as u64, len) as usize
}

impl<V: Copy + Default> WordTable<V> {
    /// A table holding `entries`.
    pub fn new<'e>(entries: impl IntoIterator<Item = (&'e str, V)>) -> WordTable<V> {
        let entries: Vec<(&str, V)> = entries.into_iter().collect();
        let inline = entries.iter().filter(|(w, _)| pack(w.as_bytes()).is_some()).count();
        let mut table = WordTable {
            heads: vec![0; (inline.max(1) * HEADS_PER_WORD).next_power_of_two()],
            entries: vec![Entry::default()],
            long: FastMap::default(),
            spilled: false,
        };
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
        let head = hash(key, word.len()) & (self.heads.len() - 1);
        let mut at = usize::from(self.heads[head]);
        while at != 0 {
            let entry = &mut self.entries[at];
            if entry.key == key && usize::from(entry.len) == word.len() {
                entry.value = value;
                return;
            }
            at = usize::from(entry.next);
        }
        let Ok(index) = u16::try_from(self.entries.len()) else {
            self.long.insert(word.as_bytes().into(), value);
            self.spilled = true;
            return;
        };
        // `pack` kept the length at most INLINE.
        self.entries.push(Entry { key, len: word.len() as u8, next: self.heads[head], value });
        self.heads[head] = index;
    }

    /// The value of `word`, the default when the table does not hold it.
    #[cfg(test)]
    #[inline]
    pub fn get(&self, word: &str) -> V {
        match pack(word.as_bytes()) {
            Some(key) => self.get_packed(key, word.len(), word.as_bytes()),
            None => self.long.get(word.as_bytes()).copied().unwrap_or_default(),
        }
    }

    /// The value of the word of `len` bytes at the start of `from`, the default when the table
    /// does not hold it. Sixteen bytes are read at once when `from` has them. (Always inlined:
    /// it is the token pass's inner step, and a call there costs as much as the lookup.)
    #[inline(always)]
    pub fn get_at(&self, from: &[u8], len: usize) -> V {
        match from.first_chunk::<INLINE>() {
            Some(&sixteen) if (1..=INLINE).contains(&len) => {
                self.get_packed(pack_sixteen(sixteen, len), len, from)
            }
            _ => match from.get(..len) {
                Some(word) => match pack(word) {
                    Some(key) => self.get_packed(key, len, word),
                    None => self.long.get(word).copied().unwrap_or_default(),
                },
                None => V::default(),
            },
        }
    }

    /// The value of the inline word `key` of `len` (1 to [`INLINE`]) bytes, the first of
    /// `from`. (Always inlined, as [`WordTable::get_at`].)
    #[inline(always)]
    pub fn get_packed(&self, key: u128, len: usize, from: &[u8]) -> V {
        let head = self.heads.get(hash(key, len) & self.heads.len().wrapping_sub(1)).copied().unwrap_or(0);
        let Some(entry) = self.entries.get(usize::from(head)) else { return V::default() };
        // Whether the word has a chain to walk does not depend on whether it matched the
        // head's entry: that test would be mispredicted as often as not.
        if entry.next != 0 || self.spilled {
            return self.get_chained(head, key, len, from);
        }
        let hit = (entry.key == key) & (usize::from(entry.len) == len);
        // The entry's index is picked, not its value: a value wider than a register would be
        // picked through the stack, and read back before the store is done (a stall a token).
        // The sentinel's value is the default.
        let picked = std::hint::select_unpredictable(hit, usize::from(head), 0);
        self.entries.get(picked).map_or_else(V::default, |e| e.value)
    }

    /// [`WordTable::get_packed`] along the chain of entries from `at`.
    #[cold]
    fn get_chained(&self, mut at: u16, key: u128, len: usize, from: &[u8]) -> V {
        while let Some(entry) = self.entries.get(usize::from(at)).filter(|_| at != 0) {
            if entry.key == key && usize::from(entry.len) == len {
                return entry.value;
            }
            at = entry.next;
        }
        match from.get(..len) {
            Some(word) if self.spilled => self.long.get(word).copied().unwrap_or_default(),
            _ => V::default(),
        }
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
