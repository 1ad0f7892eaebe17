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
    /// What each node is (node 0 is the root): eight bytes a node, so that the test of
    /// every word read reaches no name entry (large) unless one ends there.
    nodes: Vec<Node>,
    /// The names, each ending at one node (see [`Node::entry`]).
    entries: Vec<NameEntry>,
    /// The root's children by word id (0: none, as no edge leads back to the root): every
    /// capitalised word asks for one, so it is an index, not a hash.
    roots: Vec<u32>,
}

/// A node of the trie: the words read to reach it.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The index in `NameTrie::entries` of the name these words make, [`NO_ENTRY`] when
    /// they make none.
    entry: u32,
    /// Whether some name goes on after these words: a match at a node without one is the
    /// longest, so the word after it is not read (most names are single words).
    has_child: bool,
}

/// `Node::entry` of a node where no name ends.
const NO_ENTRY: u32 = u32::MAX;

const EMPTY_NODE: Node = Node { entry: NO_ENTRY, has_child: false };

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
            nodes: vec![EMPTY_NODE],
            entries: Vec::new(),
            roots: Vec::new(),
        };
        'names: for (key, entry) in names {
            let mut node = Self::ROOT;
            for part in key.split(' ') {
                let (id, _) = words.lookup(part);
                if id == NO_WORD {
                    continue 'names;
                }
                trie.filter.add(edge_hash(edge(node, id)));
                let nodes = &mut trie.nodes;
                node = *trie.children.entry(edge(node, id)).or_insert_with(|| {
                    nodes.push(EMPTY_NODE);
                    u32::try_from(nodes.len() - 1).unwrap_or(u32::MAX)
                });
            }
            if let Some(slot) = trie.nodes.get_mut(node as usize) {
                slot.entry = u32::try_from(trie.entries.len()).unwrap_or(NO_ENTRY);
                trie.entries.push(entry.clone());
            }
        }
        for (&edge, &child) in &trie.children {
            if let Some(parent) = trie.nodes.get_mut((edge >> 32) as usize) {
                parent.has_child = true;
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
        self.nodes.get(node as usize).is_some_and(|n| n.has_child)
    }

    /// The name whose words end at `node`.
    pub(crate) fn entry(&self, node: u32) -> Option<&NameEntry> {
        self.entries.get(self.nodes.get(node as usize)?.entry as usize)
    }
}
