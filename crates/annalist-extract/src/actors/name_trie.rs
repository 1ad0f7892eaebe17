//! The known names as a trie over word ids (see [`WordTable`]): matching a name at a
//! position follows one edge per word, a hash of one integer, instead of building the
//! lower-case key of every candidate length and hashing and comparing it as a string.

use super::gazetteer::{FastMap, NameEntry};
use super::word_table::{NO_WORD, WordTable};
use crate::word_slots::HashFilter;

/// Names keyed by their words' ids (a name key's words are its space-separated parts).
#[derive(Debug, Default)]
pub(crate) struct NameTrie {
    /// Child node by (parent node, word id).
    children: FastMap<u64, u32>,
    /// The edges of `children`: most words continue no name, and this says so from cache.
    filter: HashFilter,
    /// The name ending at each node, if any; node 0 is the root.
    entries: Vec<Option<NameEntry>>,
    /// The root's children by word id (0: none, as no edge leads back to the root): every
    /// capitalised word asks for one, so it is an index, not a hash.
    roots: Vec<u32>,
    /// Whether each node has a child: a match at a node without one is the longest, so
    /// the word after it is not read (most names are single words).
    has_child: Vec<bool>,
}

fn edge(node: u32, word: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(word)
}

/// A hash of an edge for the filter (a multiply: its high bits mix all of the edge's).
fn edge_hash(edge: u64) -> u64 {
    edge.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl NameTrie {
    /// The node no word has been read at.
    pub(crate) const ROOT: u32 = 0;

    /// The trie of `names` (token keys, see `key_of`); every word of every key must be in
    /// `words`, else the name is left out.
    pub(crate) fn new<'n>(
        names: impl IntoIterator<Item = (&'n str, &'n NameEntry)>,
        words: &WordTable,
    ) -> NameTrie {
        let mut trie = NameTrie {
            children: FastMap::default(),
            filter: HashFilter::default(),
            entries: vec![None],
            roots: Vec::new(),
            has_child: Vec::new(),
        };
        'names: for (key, entry) in names {
            let mut node = Self::ROOT;
            for part in key.split(' ') {
                let (id, _) = words.lookup(part);
                if id == NO_WORD {
                    continue 'names;
                }
                trie.filter.add(edge_hash(edge(node, id)));
                let entries = &mut trie.entries;
                node = *trie.children.entry(edge(node, id)).or_insert_with(|| {
                    entries.push(None);
                    u32::try_from(entries.len() - 1).unwrap_or(u32::MAX)
                });
            }
            if let Some(slot) = trie.entries.get_mut(node as usize) {
                *slot = Some(entry.clone());
            }
        }
        trie.has_child = vec![false; trie.entries.len()];
        for (&edge, &child) in &trie.children {
            if let Some(parent) = trie.has_child.get_mut((edge >> 32) as usize) {
                *parent = true;
            }
            if edge >> 32 == u64::from(Self::ROOT) {
                let word = (edge & 0xffff_ffff) as usize;
                if trie.roots.len() <= word {
                    trie.roots.resize(word + 1, 0);
                }
                trie.roots[word] = child;
            }
        }
        trie
    }

    /// The node reached from `node` by the word of id `word`: `None` when no name goes on
    /// so.
    pub(crate) fn child(&self, node: u32, word: u32) -> Option<u32> {
        if word == NO_WORD {
            return None;
        }
        if node == Self::ROOT {
            return self.roots.get(word as usize).copied().filter(|&child| child != Self::ROOT);
        }
        let edge = edge(node, word);
        if !self.filter.may_contain(edge_hash(edge)) {
            return None;
        }
        self.children.get(&edge).copied()
    }

    /// Whether some name goes on after the words that lead to `node`.
    pub(crate) fn has_child(&self, node: u32) -> bool {
        self.has_child.get(node as usize).copied().unwrap_or(false)
    }

    /// The name whose words end at `node`.
    pub(crate) fn entry(&self, node: u32) -> Option<&NameEntry> {
        self.entries.get(node as usize).and_then(Option::as_ref)
    }
}
