//! Sets of small indices (token positions) kept as bits in 64-bit words.

/// The first index at or after `from` whose bit is set in `words` (bit `k` is bit `k % 64` of
/// word `k / 64`), if any.
#[inline]
pub(crate) fn next_set(words: &[u64], from: usize) -> Option<usize> {
    let mut at = from / 64;
    let mut word = words.get(at)? & (u64::MAX << (from % 64));
    while word == 0 {
        at += 1;
        word = *words.get(at)?;
    }
    Some(at * 64 + word.trailing_zeros() as usize)
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_next_set_bit_across_words() {
        let set = [3usize, 63, 64, 130];
        let mut words = vec![0u64; 3];
        for k in set {
            words[k / 64] |= 1 << (k % 64);
        }
        for from in 0..200 {
            assert_eq!(
                super::next_set(&words, from),
                set.iter().copied().find(|&k| k >= from),
                "from {from}"
            );
        }
        assert_eq!(super::next_set(&[], 0), None);
    }
}
