//! The hash maps of the lexicons and of the per-document tables: one fast hasher for all.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-keyed hash over 8-byte words (multiply-rotate, folded at the end): the layers'
/// keys are short words and phrases of compiled-in data or of the text, so SipHash's defence
/// against crafted keys is not needed, and byte-at-a-time hashing costs more than the probe.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

/// The multiplier (the golden ratio's 64-bit fraction), also used by quick filters.
pub(crate) const MUL: u64 = 0x9e37_79b9_7f4a_7c15;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(23) ^ word).wrapping_mul(MUL);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        let wide = u128::from(self.0) * u128::from(0xff51_afd7_ed55_8ccd_u64);
        (wide as u64) ^ ((wide >> 64) as u64)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The rest as a little-endian word, zero-padded (a loop: a copy of a variable
            // length would call `memcpy` on every short word).
            let word = rest.iter().enumerate().fold(0u64, |w, (i, &b)| w | u64::from(b) << (8 * i));
            self.add(word ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i) | 0x100);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A hash map with the [`WordHasher`] hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A hash set with the [`WordHasher`] hasher.
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;
