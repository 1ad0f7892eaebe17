//! The grammar's reader: a window of tokens (one sentence), the words it knows, and the
//! primitive readers (numbers, ordinals, months, weekdays, years) the expression rules build on.
//! Every reader takes a token index and returns what it read with the index after it, or
//! `None`; nothing reads beyond the sentence.

use std::cell::{Cell, RefCell};

use annalist_core::{TimexMod, TimexType};
use chrono::{NaiveDate, NaiveTime};

use super::calendar::Point;
use super::dates::Parts;
use super::relative::DayRef;
use super::tense::ClauseTense;
use super::tokens::Tok;
use super::words::{self, Kind, Sense, Tense, Unit};

/// A sentence of at most this many tokens is a short phrase standing alone (a headline, a
/// form's field, a query), not running text: some readings are taken there that running text
/// would get wrong ("on the first", "Mon"), and tense is not read.
pub(crate) const SHORT_PHRASE: usize = 6;

/// What the expression rules know besides the tokens.
#[derive(Debug, Clone, Default)]
pub(crate) struct Env {
    /// The document date.
    pub dct: Option<NaiveDate>,
    /// The document time of day.
    pub dct_clock: Option<NaiveTime>,
    /// The last calendar point the narrative mentioned.
    pub narrative: Option<Point>,
    /// The last day the narrative mentioned (a point of a day's grain): what "the day" and a
    /// bare clock time refer to, though a year or month was mentioned since ("ending the day
    /// at 8,017" after "the highest since 1983").
    pub narrative_day: Option<Point>,
    /// The last day mentioned earlier in the same sentence (for a bare clock time).
    pub sentence_day: Option<Point>,
}

/// What a value was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// The text alone.
    Absolute,
    /// The document time.
    Document,
    /// The narrative's last date.
    Narrative,
    /// The narrative's last day (see [`Env::narrative_day`]).
    NarrativeDay,
    /// An anchor that is unknown.
    Unknown,
}

/// A time expression read by the grammar.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Index after its last token.
    pub end: usize,
    /// TIMEX3 type.
    pub typ: TimexType,
    /// TIMEX3 value, when written by the rule; a date's is its point's, written only for the
    /// expression that wins (see [`Found::value`]), as most readings are dropped.
    pub written: Option<String>,
    /// TIMEX3 mod.
    pub modifier: Option<TimexMod>,
    /// What the value came from.
    pub source: Source,
    /// The calendar point, for dates (the narrative's running date).
    pub point: Option<Point>,
}

impl Found {
    /// A DATE of a calendar point.
    pub fn date(end: usize, point: Point, source: Source) -> Found {
        Found { end, typ: TimexType::Date, written: None, modifier: None, source, point: Some(point) }
    }

    /// An expression with a written value and no calendar point.
    pub fn other(end: usize, typ: TimexType, value: String, source: Source) -> Found {
        Found { end, typ, written: Some(value), modifier: None, source, point: None }
    }

    /// The TIMEX3 value.
    pub fn value(self) -> String {
        match (self.written, self.point) {
            (Some(value), _) => value,
            (None, Some(point)) => point.value(),
            (None, None) => String::new(),
        }
    }
}

/// A window of tokens the rules read.
#[derive(Debug)]
pub(crate) struct Grammar<'a> {
    /// The tokens of the sentence.
    pub toks: &'a [Tok<'a>],
    /// First token of the sentence: always 0.
    pub start: usize,
    /// One past the last token of the sentence: always `toks.len()`.
    pub end: usize,
    /// The anchors.
    pub env: &'a Env,
    /// The tense around the candidate (besides the anchors, as it is found only when asked).
    pub clause: &'a ClauseTense,
    /// What the primitive readers found at each token of the sentence, once read.
    pub memo: &'a Memo,
}

/// The results of readers, per token of one sentence: the rules ask the same questions at the
/// same token again and again. The primitive readers depend on the tokens alone; the
/// `anchored` ones also on the anchors ([`Env`]) and the clause's tense ([`ClauseTense`]), so
/// their results hold only while these stay as they were (see [`Memo::anchors_changed`]).
///
/// Each result is stored with the number of the sentence (or of the anchors) it was read in;
/// one under another number is stale. So forgetting is a new number, not a pass over the
/// vectors, which only grow.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    /// The number of the current sentence (zero: none yet).
    sentence: u32,
    /// The number of the current anchors (zero: none yet).
    anchors: u32,
    ordinal: Vec<Stamped<(Option<u32>, usize)>>,
    month: Vec<Stamped<(u32, usize, bool)>>,
    weekday: Vec<Stamped<(u32, usize)>>,
    /// [`Grammar::calendar_date`].
    pub calendar_date: Vec<Stamped<(Parts, usize)>>,
    /// [`Grammar::day_ref`].
    pub day_ref: Vec<Stamped<(DayRef, usize)>>,
    /// At each token, the number of the anchors under which [`Grammar::core`] read nothing
    /// there (zero: none yet).
    core_read_nothing: Vec<Cell<u32>>,
}

/// A reader's result at one token with the number of the sentence or anchors it was read in.
type Stamped<T> = RefCell<(u32, Option<T>)>;

/// The next number of a count whose zero means "never": on wrapping, every stamp in `cells`
/// is made zero so that no old number comes back as current.
fn next_number(count: &mut u32, mut clear: impl FnMut()) {
    *count = count.wrapping_add(1);
    if *count == 0 {
        *count = 1;
        clear();
    }
}

/// `cells` made at least `len` long, with new cells never read.
fn grow<T>(cells: &mut Vec<Stamped<T>>, len: usize) {
    if cells.len() < len {
        cells.resize_with(len, || RefCell::new((0, None)));
    }
}

/// Marks every result in `cells` never read.
fn unread<T>(cells: &mut [Stamped<T>]) {
    cells.iter_mut().for_each(|c| c.get_mut().0 = 0);
}

impl Memo {
    /// Forgets everything, for a sentence of `len` tokens.
    pub fn reset(&mut self, len: usize) {
        grow(&mut self.ordinal, len);
        grow(&mut self.month, len);
        grow(&mut self.weekday, len);
        grow(&mut self.calendar_date, len);
        grow(&mut self.day_ref, len);
        if self.core_read_nothing.len() < len {
            self.core_read_nothing.resize_with(len, Cell::default);
        }
        let Memo { sentence, ordinal, month, weekday, .. } = self;
        next_number(sentence, || {
            unread(ordinal);
            unread(month);
            unread(weekday);
        });
        self.anchors_changed();
    }

    /// Forgets the results that depend on the anchors (or the clause's tense).
    pub fn anchors_changed(&mut self) {
        let Memo { anchors, calendar_date, day_ref, core_read_nothing, .. } = self;
        next_number(anchors, || {
            unread(calendar_date);
            unread(day_ref);
            core_read_nothing.iter_mut().for_each(|c| *c.get_mut() = 0);
        });
    }

    /// Whether [`Grammar::core`] read nothing at `i` under the current anchors.
    pub fn read_nothing(&self, i: usize) -> bool {
        self.core_read_nothing.get(i).is_some_and(|c| c.get() == self.anchors)
    }

    /// Notes that [`Grammar::core`] read nothing at `i` under the current anchors.
    pub fn set_read_nothing(&self, i: usize) {
        if let Some(c) = self.core_read_nothing.get(i) {
            c.set(self.anchors);
        }
    }

    /// The result stored in `cells` at `i` under the current anchors, else `read()` stored
    /// there.
    pub fn anchored<T: Clone>(
        &self,
        cells: &[Stamped<T>],
        i: usize,
        read: impl FnOnce() -> Option<T>,
    ) -> Option<T> {
        stamped(cells, self.anchors, i, read)
    }

    /// The result stored in `cells` at `i` in the current sentence, else `read()` stored
    /// there.
    fn tokenwise<T: Clone>(
        &self,
        cells: &[Stamped<T>],
        i: usize,
        read: impl FnOnce() -> Option<T>,
    ) -> Option<T> {
        stamped(cells, self.sentence, i, read)
    }
}

/// The result stored in `cells` at `i` under the number `current`, else `read()` stored there.
fn stamped<T: Clone>(
    cells: &[Stamped<T>],
    current: u32,
    i: usize,
    read: impl FnOnce() -> Option<T>,
) -> Option<T> {
    let Some(cell) = cells.get(i) else { return read() };
    {
        let (number, value) = &*cell.borrow();
        if *number == current {
            return value.clone();
        }
    }
    // Not borrowed while reading: the reader may ask other tokens.
    let value = read();
    *cell.borrow_mut() = (current, value.clone());
    value
}

/// Reads `$e` as a `Option`, returning `None` from the function when absent.
macro_rules! req {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return None,
        }
    };
}
pub(crate) use req;

impl<'a> Grammar<'a> {
    /// The lower-cased word at `i`, or "" outside the sentence.
    pub fn w(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| t.norm.as_ref())
    }

    /// Whether the word at `i` is `word`.
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    /// The tense of the clause around the candidate: its nearest cue's, else past in running
    /// text (news reports what happened), else none (a phrase standing alone).
    pub fn tense(&self) -> Option<Tense> {
        self.clause.tense(self.toks)
    }

    /// The tense the candidate's nearest cue word shows, if any.
    pub fn cue(&self) -> Option<Tense> {
        self.clause.cue(self.toks)
    }

    /// The token at `i`, if inside the sentence.
    pub fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        // One bounds check: `toks` is the sentence (see the fields).
        debug_assert!(self.start == 0 && self.end == self.toks.len());
        self.toks.get(i)
    }

    /// The word before `i`, or "".
    pub fn before(&self, i: usize) -> &'a str {
        if i > self.start { self.w(i - 1) } else { "" }
    }

    /// Whether the words `i..e` lie inside a longer capitalised name ("the Good Friday
    /// Agreement", "the Yom Kippur War", "the Sunday Times"): a capitalised word (no weekday
    /// or month) follows, and "the" or a capitalised word within the sentence comes before.
    /// Not "On Monday Trump said", where the word before opens the sentence.
    pub fn inside_longer_name(&self, i: usize, e: usize) -> bool {
        let name_word =
            |t: &Tok<'_>| t.capital && !t.glued && !t.number && t.norm.chars().all(char::is_alphabetic);
        let followed =
            self.tok(e).is_some_and(name_word) && self.weekday(e).is_none() && self.month(e).is_none();
        followed
            && i > self.start
            && self.tok(i - 1).is_some_and(|p| p.norm == "the" || (name_word(p) && i - 1 > self.start))
    }

    /// `i` moved past `word` when it stands there.
    pub fn opt(&self, i: usize, word: &str) -> usize {
        if self.is(i, word) { i + 1 } else { i }
    }

    /// `i` moved past a full stop glued to the previous token ("Aug.").
    pub fn opt_dot(&self, i: usize) -> usize {
        if self.is(i, ".") && self.toks[i].glued { i + 1 } else { i }
    }

    /// Whether the token at `i` is glued to the one before.
    pub fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// The senses of the lexicon phrases starting at `i`, with the index after each.
    pub fn senses(&self, i: usize) -> impl Iterator<Item = (Sense, usize)> + '_ {
        let (toks, end) = (self.toks, self.end);
        let entries = self.tok(i).and_then(|t| t.info).map_or(&[][..], |info| info.entries.as_slice());
        words::senses(entries, move |k| {
            let j = i + 1 + k;
            (j < end).then(|| toks[j].norm.as_ref())
        })
        .map(move |(s, n)| (s, i + n))
    }

    /// The first sense at `i` that `pick` accepts; `pick` accepts senses of `kind` only.
    pub fn sense<T>(&self, i: usize, kind: Kind, pick: impl Fn(Sense) -> Option<T>) -> Option<(T, usize)> {
        let info = self.tok(i)?.info?;
        // Most words asked have no sense of the kind: no need to read their phrases.
        if info.kinds & kind.bit() == 0 {
            return None;
        }
        // `pick` first: it is cheaper than comparing the phrase's words, and the first entry
        // passing both is the same in either order.
        info.entries.iter().find_map(|entry| {
            let picked = pick(entry.sense)?;
            debug_assert_eq!(entry.sense.kind(), kind, "a reader picks a sense of another kind than it asks");
            let fits = entry
                .rest
                .iter()
                .enumerate()
                .all(|(k, word)| self.tok(i + 1 + k).is_some_and(|t| t.norm == *word));
            fits.then_some((picked, i + 1 + entry.rest.len()))
        })
    }

    /// A token of ASCII digits only, as a number, with its digit count.
    pub fn digits(&self, i: usize) -> Option<(u32, usize)> {
        self.tok(i)?.digits.map(|(n, len)| (n, usize::from(len)))
    }

    /// A cardinal number: digits, or number words ("twenty-three", "twenty three").
    /// `article` admits "a"/"an" as one.
    pub fn cardinal(&self, i: usize, article: bool) -> Option<(u32, usize)> {
        if let Some((n, _)) = self.digits(i) {
            return Some((n, i + 1));
        }
        let (n, e) = req!(self.sense(i, Kind::Number, |s| match s {
            Sense::Number(n) => Some(n),
            _ => None,
        }));
        if !article && matches!(self.w(i), "a" | "an") {
            return None;
        }
        if matches!(self.w(i), "couple" | "pair" | "dozen") {
            return Some((n, self.opt(e, "of")));
        }
        if (20..100).contains(&n) && n % 10 == 0 {
            let j = self.opt(e, "-");
            if let Some((u, e2)) = self.sense(j, Kind::Number, |s| match s {
                Sense::Number(u) if (1..10).contains(&u) && !matches!(self.w(j), "a" | "an") => Some(u),
                _ => None,
            }) {
                return Some((n + u, e2));
            }
        }
        Some((n, e))
    }

    /// An ordinal: "15th", "fifteenth", "twenty-first". `None` inside is "last".
    pub fn ordinal(&self, i: usize) -> Option<(Option<u32>, usize)> {
        self.memo.tokenwise(&self.memo.ordinal, i, || self.read_ordinal(i))
    }

    fn read_ordinal(&self, i: usize) -> Option<(Option<u32>, usize)> {
        if let Some((n, _)) = self.digits(i)
            && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th")
            && self.glued(i + 1)
        {
            return Some((Some(n), i + 2));
        }
        if let Some((n, e)) = self.sense(i, Kind::Number, |s| match s {
            Sense::Number(n) if (20..100).contains(&n) && n % 10 == 0 => Some(n),
            _ => None,
        }) {
            let j = self.opt(e, "-");
            let (u, e2) = req!(self.sense(j, Kind::Ordinal, |s| match s {
                Sense::Ordinal(Some(u)) if u < 10 => Some(u),
                _ => None,
            }));
            return Some((Some(n + u), e2));
        }
        self.sense(i, Kind::Ordinal, |s| match s {
            Sense::Ordinal(o) => Some(o),
            _ => None,
        })
    }

    /// A day of the month: an ordinal up to 31 or a number of one or two digits up to 31.
    pub fn day_number(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((Some(n), e)) = self.ordinal(i) {
            return (1..=31).contains(&n).then_some((n, e));
        }
        let (n, len) = req!(self.digits(i));
        ((1..=31).contains(&n) && len <= 2).then_some((n, i + 1))
    }

    /// A month name. The second value says whether it may stand alone as a month: "may" and
    /// "march" are also verbs, so lower-case and sentence-initial "May" need a day or year.
    pub fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        self.memo.tokenwise(&self.memo.month, i, || self.read_month(i))
    }

    fn read_month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let (m, e) = req!(self.sense(i, Kind::Month, |s| match s {
            Sense::Month(m) => Some(m),
            _ => None,
        }));
        let tok = req!(self.tok(i));
        let word = tok.norm.as_ref();
        let full = word.len() > 4 || matches!(word, "may" | "june" | "july");
        let e = if full { e } else { self.opt_dot(e) };
        let alone = match word {
            "may" => tok.capital && i > self.start && !matches!(self.before(i), "\"" | "“" | "(" | ":"),
            "march" => tok.capital || matches!(self.before(i), "in" | "of" | "during" | "since" | "until"),
            _ if full => true,
            _ => tok.capital && e > i + 1,
        };
        Some((m, e, alone))
    }

    /// A weekday name; abbreviations ("Sat", "Sun") only where they cannot be other words.
    pub fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        self.memo.tokenwise(&self.memo.weekday, i, || self.read_weekday(i))
    }

    fn read_weekday(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((d, e)) = self.sense(i, Kind::Weekday, |s| match s {
            Sense::Weekday(d) => Some(d),
            _ => None,
        }) {
            return Some((d, e));
        }
        let (d, e) = req!(self.sense(i, Kind::WeekdayAbbr, |s| match s {
            Sense::WeekdayAbbr(d) => Some(d),
            _ => None,
        }));
        let dotted = self.opt_dot(e);
        let short_phrase = self.end - self.start <= SHORT_PHRASE;
        let capital = self.tok(i).is_some_and(|t| t.capital);
        let followed_by_date =
            self.is(dotted, ",") || self.day_number(dotted).is_some() || self.month(dotted).is_some();
        (short_phrase || (capital && (dotted > e || followed_by_date))).then_some((d, dotted))
    }

    /// A year: four digits from 1000 to 2999 (not a decade "1990s"), or "'82".
    pub fn year(&self, i: usize) -> Option<(i32, usize)> {
        if self.is(i, "'") || self.is(i, "‘") {
            let (n, len) = req!(self.digits(i + 1));
            if len == 2 && self.glued(i + 1) && !self.is(i + 2, "s") {
                return Some((if n < 30 { 2000 } else { 1900 } + n as i32, i + 2));
            }
            return None;
        }
        let (n, len) = req!(self.digits(i));
        if len != 4 || !(1000..3000).contains(&n) || (self.is(i + 1, "s") && self.glued(i + 1)) {
            return None;
        }
        if self.is(i + 1, "'") && self.is(i + 2, "s") {
            return None;
        }
        Some((n as i32, i + 1))
    }

    /// A two-digit year as written in numeric dates ("74" → 1974, "15" → 2015).
    pub fn short_year(n: u32) -> i32 {
        if n < 50 { 2000 + n as i32 } else { 1900 + n as i32 }
    }

    /// A unit word, singular or plural, with whether it is plural.
    pub fn unit(&self, i: usize) -> Option<(Unit, usize, bool)> {
        let (u, e) = req!(self.sense(i, Kind::Unit, |s| match s {
            Sense::Unit(u) => Some(u),
            _ => None,
        }));
        let w = self.w(i);
        let plural = w.ends_with('s') && !matches!(w, "s" | "hrs" | "yrs" | "mins" | "secs")
            || matches!(w, "centuries");
        let plural = plural || matches!(w, "hrs" | "yrs" | "mins" | "secs");
        let abbreviated =
            matches!(w, "hr" | "hrs" | "yr" | "yrs" | "min" | "mins" | "sec" | "secs" | "qtr" | "qtrs");
        Some((u, if abbreviated { self.opt_dot(e) } else { e }, plural))
    }
}
