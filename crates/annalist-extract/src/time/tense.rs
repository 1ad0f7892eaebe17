//! The tense of the clause around a time expression: past ("said Thursday") or future ("will
//! meet Thursday"), from cue words (`data/time/tense.tsv`) and regular past forms (-ed).

use std::cell::{Cell, RefCell};

use super::tokens::Tok;
use super::words::Tense;

/// The tense of the clause around the candidate the grammar reads, found from the sentence's
/// cues only when a rule asks for it: most candidates read nothing that depends on it (a
/// number that is no date, a word that starts no expression here), so most sentences' cues
/// are never read.
///
/// The grammar's anchored results ([`Memo`](super::grammar::Memo)) may depend on the tense: it
/// is kept with the tense they were read under (once one asked), so that a candidate whose
/// tense differs forgets them ([`ClauseTense::move_to`]).
#[derive(Debug, Default)]
pub(crate) struct ClauseTense {
    cues: RefCell<Cues>,
    /// The candidate's token index, and whether its sentence is running text (more than six
    /// tokens: news reports what happened, so a clause without a cue is past).
    at: Cell<(usize, bool)>,
    /// The candidate's nearest cue's tense and its clause's tense, once asked.
    known: Cell<Option<Known>>,
    /// The tense the anchored results were read under, if any asked since they were last
    /// forgotten.
    read_under: Cell<Option<Known>>,
}

/// A nearest cue's tense and its clause's tense.
type Known = (Option<Tense>, Option<Tense>);

impl ClauseTense {
    /// Forgets the cues read, for a new sentence (whose anchored results start afresh).
    pub fn new_sentence(&mut self) {
        self.cues.get_mut().clear();
        self.known.set(None);
        self.anchors_changed();
    }

    /// Notes that the anchored results were forgotten.
    pub fn anchors_changed(&mut self) {
        self.read_under.set(None);
    }

    /// Moves to the candidate at token `i` of `toks`, a sentence of running text or not;
    /// returns whether the anchored results must be forgotten: they were read under another
    /// tense than the candidate's (found now only if some were read under one).
    pub fn move_to(&mut self, toks: &[Tok<'_>], i: usize, running_text: bool) -> bool {
        self.at.set((i, running_text));
        self.known.set(None);
        match self.read_under.get() {
            Some(read_under) if self.get(toks) != read_under => {
                self.read_under.set(None);
                true
            }
            _ => false,
        }
    }

    /// The tense of the cue nearest to the candidate in `toks`, its sentence.
    pub fn cue(&self, toks: &[Tok<'_>]) -> Option<Tense> {
        self.get(toks).0
    }

    /// The tense of the candidate's clause: its nearest cue's, else past in running text, else
    /// none (a phrase standing alone).
    pub fn tense(&self, toks: &[Tok<'_>]) -> Option<Tense> {
        self.get(toks).1
    }

    fn get(&self, toks: &[Tok<'_>]) -> Known {
        let known = match self.known.get() {
            Some(known) => known,
            None => {
                let (i, running_text) = self.at.get();
                let cue = self.cues.borrow_mut().nearest(toks, i);
                let known = (cue, cue.or(running_text.then_some(Tense::Past)));
                self.known.set(Some(known));
                known
            }
        };
        // What the rules read from now on may depend on it.
        if self.read_under.get().is_none() {
            self.read_under.set(Some(known));
        }
        known
    }
}

/// The future cues that a participle after them belongs to ("will be held", "to be completed").
const MODALS: &[&str] = &["will", "'ll", "shall", "would", "should", "may", "might", "must", "to", "going"];

/// The tense cues of a sentence's tokens, as (token index, tense), read only as far as asked:
/// the cue nearest a token needs the cues up to the first one after it, and most candidates
/// stand early in their sentence or before a cue ("... on Monday, officials said").
#[derive(Debug, Default)]
pub(crate) struct Cues {
    /// The cues of the tokens before `read`, in token order.
    found: Vec<(usize, Tense)>,
    /// The number of tokens read.
    read: usize,
}

impl Cues {
    /// Forgets the cues read, for a new sentence.
    pub fn clear(&mut self) {
        self.found.clear();
        self.read = 0;
    }

    /// The tense of the cue nearest to token `i` of `toks` (see [`nearest`]), reading the
    /// sentence until a cue at or after `i`, or its end.
    pub fn nearest(&mut self, toks: &[Tok<'_>], i: usize) -> Option<Tense> {
        while self.read < toks.len() && self.found.last().is_none_or(|&(k, _)| k < i) {
            self.read_token(toks);
        }
        nearest(&self.found, i)
    }

    /// Reads the next token: whether it is a cue, and of what tense.
    fn read_token(&mut self, toks: &[Tok<'_>]) {
        let k = self.read;
        self.read += 1;
        let t = &toks[k];
        let w = t.norm.as_ref();
        // "to be held": a future; "should be completed": the modal already counted.
        if w == "to" && toks.get(k + 1).is_some_and(|n| n.norm == "be") {
            self.found.push((k, Tense::Future));
            return;
        }
        // A past form after a modal ("will be held", "should be completed", "is to be
        // signed") is no past: the modal already counted. After a noun or verb of intent it
        // is one ("plans announced in January").
        let after_modal = || {
            self.found.last().is_some_and(|&(j, tense)| {
                tense == Tense::Future && k - j <= 3 && MODALS.contains(&toks[j].norm.as_ref())
            })
        };
        let tense = match t.flags.tense {
            Some(Tense::Past) if after_modal() => None,
            Some(tense) => Some(tense),
            None => {
                // The rarest test first: few words end in "-ed".
                let participle = w.len() >= 5
                    && w.ends_with("ed")
                    && !t.capital
                    && w.bytes().all(|b| b.is_ascii_lowercase());
                (participle && !after_modal()).then_some(Tense::Past)
            }
        };
        if let Some(tense) = tense {
            self.found.push((k, tense));
        }
    }
}

/// How many tokens nearer a cue after a time must be to win over the cue before it: the verb
/// before a time phrase governs it ("told VOA's Korean Service on Monday the U.N. must"), a
/// cue after it often opens the next clause.
const BEFORE_BIAS: usize = 3;

/// The tense of the cue nearest to token `i` (the earlier one unless the later is nearer by
/// more than [`BEFORE_BIAS`]); `cues` are in token order, so this is a binary search.
fn nearest(cues: &[(usize, Tense)], i: usize) -> Option<Tense> {
    let after = cues.partition_point(|(k, _)| *k < i);
    let before = after.checked_sub(1).map(|b| cues[b]);
    match (before, cues.get(after)) {
        (Some((b, tb)), Some(&(a, ta))) => {
            // (A cue right after the time is its own verb: "elections set for February were
            // delayed".)
            let before_wins = if a - i <= 1 { i - b <= a - i } else { i - b <= a - i + BEFORE_BIAS };
            Some(if before_wins { tb } else { ta })
        }
        (Some((_, t)), None) | (None, Some(&(_, t))) => Some(t),
        (None, None) => None,
    }
}
