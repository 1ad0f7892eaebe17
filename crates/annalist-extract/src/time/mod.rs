//! Time expressions: found in running text and normalised to TimeML's TIMEX3 against the
//! document creation time (DCT).
//!
//! The tagger is linear in the text: it walks the segmenter's tokens once, and only where a
//! token is a trigger (a number, or a word of the time lexicon `data/time/*.tsv`) does it try
//! the grammar's rules on the few tokens that follow; the longest reading wins. Values are
//! computed against, in turn, the text itself ("10 August 2024"), the document time
//! ("yesterday", "said Thursday"), or the narrative's last date ("a month later"); without a
//! document time, what the text does not give stays unknown (`XXXX-08-10`), never guessed.
//!
//! Modules: [`words`] (the lexicon), [`tokens`] (the grammar's view of the tokens),
//! [`grammar`] (primitive readers), [`dates`], [`relative`] and [`clock`] (the rules),
//! [`calendar`] (values and arithmetic), [`tense`] (past or future clause).

mod calendar;
mod clock;
mod dates;
mod grammar;
mod relative;
mod tense;
mod tokens;
mod words;
mod world_calendars;

use annalist_core::{Span, TimeAnchor, TimeExpr, TimeId, TimexMod, TimexType};

use crate::Context;
use crate::numbered::numbered_id;
use crate::reuse::emptied;
use grammar::{Env, Found, Grammar, SHORT_PHRASE, Source};
use tokens::Tok;
use words::{Kind, Sense};

/// The buffers [`tag`] works in, kept from one document to the next on each thread so that
/// tagging allocates little but its output once they have grown (a document's tokens borrow
/// from it, so their vector is the document's).
#[derive(Debug, Default)]
struct Scratch {
    /// The readers' results in the current sentence.
    memo: grammar::Memo,
    /// The grammar's tokens of the last document, emptied: kept for their allocation only
    /// (see [`emptied`]).
    spare_tokens: Vec<Tok<'static>>,
    /// The tense around the current candidate.
    clause: tense::ClauseTense,
    /// Which of the sentence's grammar tokens are triggers and which name time.
    marks: tokens::Marks,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Finds the time expressions of a document, in text order.
pub fn tag(cx: &Context<'_>) -> Vec<TimeExpr> {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => tag_in(cx, &mut scratch, Skips::On),
        // Only if tagging were ever re-entered on this thread: fresh buffers.
        Err(_) => tag_in(cx, &mut Scratch::default(), Skips::On),
    })
}

/// Whether [`tag_in`] skips the sentences and triggers that have no word naming time by itself
/// (a number or a strong word of the lexicon) in reach. The skips are what make tagging fast;
/// they are exact when every expression the grammar reads holds such a word within eight
/// tokens of its start (see [`words::STRONG`]), which a test checks by tagging with them off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Skips {
    On,
    #[cfg(test)]
    Off,
}

fn tag_in(cx: &Context<'_>, scratch: &mut Scratch, skips: Skips) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::new();
    let mut env =
        Env { dct: cx.dct.map(|d| d.date), dct_clock: cx.dct.and_then(|d| d.time), ..Env::default() };
    // Where in `out` the narrative's last date stands (its id is cloned only where an
    // expression is anchored to it).
    let mut narrative_at: Option<usize> = None;
    // Where in `out` the narrative's last day stands.
    let mut narrative_day_at: Option<usize> = None;
    let Scratch { memo, spare_tokens, clause, marks } = scratch;
    let lowered = cx.segmentation.lowered();
    let mut pool: Vec<Tok<'_>> = emptied(std::mem::take(spare_tokens));
    let tables = words::Tables::get();
    let all = &cx.segmentation.tokens;
    let mut next = 0;
    while next < all.len() {
        let begin = next;
        // A sentence without a number or a word that names time is skipped, unless it is a
        // short phrase (its grammar tokens are at least as many as its tokens).
        if skips == Skips::On
            && let Err(end) = tokens::first_mention(cx.text, lowered, tables, all, begin)
            && end - begin > SHORT_PHRASE
        {
            next = end;
            continue;
        }
        next = tokens::sentence_tokens(cx.text, lowered, tables, all, begin, &mut pool, marks);
        let toks = &pool[..];
        memo.reset(toks.len());
        let end = toks.len();
        // The first token at or after the candidate that names time by itself (or `end`).
        let mut next_strong = marks.next_strong(0).unwrap_or(end);
        clause.new_sentence();
        env.sentence_day = None;
        // Each candidate is a trigger, the first at or after `from`.
        let mut from = 0;
        while let Some(i) = marks.next_trigger(from) {
            from = i + 1;
            // Only where a strong word stands within reach can an expression start (in
            // running text).
            if skips == Skips::On && end > SHORT_PHRASE {
                if next_strong < i {
                    next_strong = marks.next_strong(i).unwrap_or(end);
                }
                if next_strong == end {
                    break;
                }
                if next_strong >= i + 8 {
                    // Only the triggers from seven tokens before the next strong word have it
                    // in reach.
                    from = next_strong - 7;
                    continue;
                }
            }
            // Most candidates tried are articles before a strong word further on ("the
            // government said Tuesday"), where no rule reads anything.
            if skips == Skips::On && article_reads_nothing(toks, i) {
                continue;
            }
            // What the rules read may depend on the tense, which may differ here.
            if clause.move_to(toks, i, end > SHORT_PHRASE) {
                memo.anchors_changed();
            }
            let grammar = Grammar { toks, start: 0, end, env: &env, memo, clause };
            let Some(found) = grammar.expression(i).filter(|f| f.end > i) else { continue };
            let id = TimeId(numbered_id('t', out.len() + 1));
            let anchor = match found.source {
                Source::Absolute => TimeAnchor::Absolute,
                Source::Document => TimeAnchor::DocumentTime,
                Source::Unknown => TimeAnchor::Unknown,
                Source::Narrative | Source::NarrativeDay => {
                    let at = if found.source == Source::Narrative { narrative_at } else { narrative_day_at };
                    match at.and_then(|k| out.get(k)) {
                        Some(t) => TimeAnchor::Narrative { time: t.id.clone() },
                        None => TimeAnchor::DocumentTime,
                    }
                }
            };
            let span = Span::new(toks[i].span.start, toks[found.end - 1].span.end);
            if let Some(point) = found.point {
                memo.anchors_changed();
                clause.anchors_changed();
                env.narrative = Some(point);
                narrative_at = Some(out.len());
                if point.grain() == calendar::Grain::Day {
                    env.sentence_day = Some(point);
                    env.narrative_day = Some(point);
                    narrative_day_at = Some(out.len());
                }
            }
            let (typ, modifier, found_end) = (found.typ, found.modifier, found.end);
            out.push(TimeExpr { id, span, timex_type: typ, value: found.value(), modifier, anchor });
            from = found_end;
        }
    }
    *spare_tokens = emptied(pool);
    out
}

/// Whether the token at `i` of a sentence's `toks` is "the" where no rule reads anything. The
/// rules read an article only before a trigger ("the day", "the 1990s", "the weekend", "the
/// first Monday", "the end of", and "the" taken before what [`Grammar::core`] reads at the
/// next token), or as the first word of a phrase of the lexicon ("the same day", "the
/// past"); "the government" is neither, so [`Grammar::expression`] reads nothing there.
fn article_reads_nothing(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(info) = toks.get(i).filter(|t| t.norm == "the").and_then(|t| t.info) else { return false };
    let next = |k: usize| toks.get(i + 1 + k).map(|t| t.norm.as_ref());
    // (No holiday name starts with "the": a test says so.)
    !toks.get(i + 1).is_some_and(Tok::is_trigger) && words::senses(&info.entries, next).next().is_none()
}

/// Which rules of [`Grammar::core`] may start at a token, from what the token is alone: each
/// flag holds wherever the rule's first reader can read something there (a number, a word of
/// certain sense kinds, a certain word), so a rule whose flag is false reads nothing. A word's
/// flags are found once, when the lexicon is loaded (see [`Starts::of_word`]); a number's
/// add those of numerals.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Starts {
    /// A day ([`Grammar::day_ref`]), read by `time_expr` and `day_date`.
    day_ref: bool,
    time_expr: bool,
    holiday: bool,
    calendar_point: bool,
    ordinal_of: bool,
    week_of: bool,
    quarter: bool,
    relative: bool,
    narrative: bool,
    the_weekend: bool,
    year_expr: bool,
    season: bool,
    quantity_expr: bool,
    set_expr: bool,
    reference: bool,
    bare_units: bool,
    day_of_month: bool,
}

impl Starts {
    /// The rules that may start at a trigger (see [`Tok::is_trigger`]): a number, or a word of the
    /// lexicon, whose lexicon entry holds its flags.
    fn of(tok: &Tok<'_>) -> Starts {
        let word = tok.info.map_or_else(Starts::default, |info| info.starts);
        if tok.number { word.with_numeral() } else { word }
    }

    /// The rules that may start at the lexicon word `word`, whose senses are of the `kinds`
    /// (bits of [`Kind::bit`]) and which may start a holiday name.
    pub(crate) fn of_word(word: &str, kinds: u32, starts_holiday: bool) -> Starts {
        let any = |of: &[Kind]| of.iter().any(|k| kinds & k.bit() != 0);
        // A day: as [`relative::may_start_day_ref`] of a word.
        let day_ref = matches!(word, "the" | "day") || starts_holiday || any(&relative::DAY_REF_STARTS);
        let starts = Starts {
            day_ref,
            // A day, a relative word ("this morning") or a clock time (a number, a clock word,
            // "half past three", "quarter to noon").
            time_expr: day_ref
                || any(&[Kind::Relative, Kind::ClockWord])
                || matches!(word, "half" | "quarter"),
            holiday: starts_holiday,
            // A calendar date (a weekday, a month, a day number or a numeric date) or a month.
            calendar_point: any(&[Kind::Month, Kind::Weekday, Kind::WeekdayAbbr]),
            ordinal_of: false,
            week_of: word == "week",
            // "2018Q4", "Q4", or an ordinal.
            quarter: word == "q",
            relative: any(&[Kind::Relative]),
            // "the day", "the day before", or a narrative word.
            narrative: word == "the" || any(&[Kind::Narrative]),
            the_weekend: word == "the",
            // "'90s", "1990s", a century's ordinal, a year.
            year_expr: matches!(word, "'" | "‘"),
            season: any(&[Kind::Season]),
            // A cardinal or a quantity ("a few", "half an hour", "three-quarters", "1.5", a
            // fuzzy number).
            quantity_expr: matches!(word, "a" | "an" | "half" | "quarter" | "three")
                || any(&[Kind::FuzzyNumber]),
            set_expr: any(&[Kind::SetAdverb, Kind::SetQuantifier]),
            reference: word == "recent" || any(&[Kind::Reference]),
            bare_units: any(&[Kind::Unit]),
            day_of_month: false,
        };
        // A number read by `ordinal` or `cardinal`.
        if any(&[Kind::Number, Kind::Ordinal]) { starts.with_numeral() } else { starts }
    }

    /// These and the rules that may start at a numeral (digits, or a word read by `ordinal`
    /// or `cardinal`).
    fn with_numeral(self) -> Starts {
        Starts {
            // (A day may start at digits, and at a number or ordinal word.)
            day_ref: true,
            time_expr: true,
            // A day number or a numeric date.
            calendar_point: true,
            // An ordinal or a cardinal.
            ordinal_of: true,
            quarter: true,
            year_expr: true,
            quantity_expr: true,
            // A day number: an ordinal or digits.
            day_of_month: true,
            ..self
        }
    }
}

fn timex_mod(code: &str) -> Option<TimexMod> {
    Some(match code {
        "START" => TimexMod::Start,
        "MID" => TimexMod::Mid,
        "END" => TimexMod::End,
        "APPROX" => TimexMod::Approx,
        "LESS_THAN" => TimexMod::LessThan,
        "MORE_THAN" => TimexMod::MoreThan,
        "EQUAL_OR_LESS" => TimexMod::EqualOrLess,
        "EQUAL_OR_MORE" => TimexMod::EqualOrMore,
        "BEFORE" => TimexMod::Before,
        "AFTER" => TimexMod::After,
        _ => return None,
    })
}

impl Grammar<'_> {
    /// The longest time expression starting at `i`, with its modifiers.
    fn expression(&self, i: usize) -> Option<Found> {
        // Approximations and bounds: "about three days", "more than a year", "nearly 2 years".
        if let Some((code, e)) = self.sense(i, Kind::Approximation, |s| match s {
            Sense::Approximation(c) => Some(c),
            _ => None,
        }) && let Some(mut found) = self.core(e)
        {
            let counted = self.tok(e).is_some_and(|t| t.number) || self.cardinal(e, true).is_some();
            // "over", "under" and "some" bound a length only ("over 2017" compares years).
            let needs_count = matches!(self.w(i), "over" | "some" | "under");
            if (!needs_count || counted && found.typ == TimexType::Duration) && found.typ != TimexType::Set {
                if found.modifier.is_none() {
                    found.modifier = timex_mod(code);
                }
                return Some(found);
            }
        }
        // Positions: "mid-July", "early 2009", "late last year", "the end of this year".
        if let Some(found) = self.positioned(i) {
            return Some(found);
        }
        // "earlier today", "later this year".
        if matches!(self.w(i), "earlier" | "later")
            && let Some(found) = self.core(i + 1).filter(|f| f.point.is_some() && f.typ == TimexType::Date)
        {
            return Some(found);
        }
        let mut found = self.core(i);
        if self.is(i, "the")
            && let Some(inner) = self.core(i + 1)
            && found.as_ref().is_none_or(|f| inner.end > f.end)
        {
            // "the 1990s", "the third quarter" take the article; "the 2008 model" does not
            // (the caller reads the year at the next token).
            if matches!(inner.point, Some(calendar::Point::Year(_))) {
                return None;
            }
            found = Some(inner);
        }
        let mut found = found?;
        // "3pm approximately", "3ish".
        if matches!(self.w(found.end), "approximately" | "ish") && found.modifier.is_none() {
            found.modifier = Some(TimexMod::Approx);
            found.end += 1;
        }
        Some(found)
    }

    fn positioned(&self, i: usize) -> Option<Found> {
        let j = self.opt(i, "the");
        let (code, e) = self.sense(j, Kind::Position, |s| match s {
            Sense::Position(c) => Some(c),
            _ => None,
        })?;
        let word = self.w(j);
        let e = if matches!(word, "early" | "late" | "mid") {
            if j > i {
                return None;
            }
            let e = self.opt(e, "-");
            if matches!(self.w(e), "in" | "on") { e + 1 } else { e }
        } else if self.is(e, "of") {
            e + 1
        } else {
            return None;
        };
        let k = self.opt(e, "the");
        let mut found = match self.core(e).or_else(|| self.core(k)) {
            Some(f) if f.point.is_some() => f,
            _ => {
                // "the end of the year": the document time's year.
                let (unit, e2, false) = self.unit(k)? else { return None };
                if k == e {
                    return None;
                }
                let dct = self.env.dct?;
                let grain = calendar::unit_grain(unit);
                Found::date(e2, calendar::at_grain(dct, grain, true), Source::Document)
            }
        };
        found.modifier = timex_mod(code);
        Some(found)
    }

    /// The longest reading of the rules at `i`, without modifiers.
    fn core(&self, i: usize) -> Option<Found> {
        // Every rule starts at a number or a word of the time lexicon (see [`Tok::is_trigger`]):
        // elsewhere, as after most articles ("the president"), none needs asking.
        let tok = self.tok(i).filter(|t| t.is_trigger())?;
        // The rules are asked again at a token after "the" or inside a longer rule: where
        // they read nothing under the same anchors, they read nothing again.
        if self.memo.read_nothing(i) {
            return None;
        }
        let found = self.read_core(i, tok);
        if found.is_none() {
            self.memo.set_read_nothing(i);
        }
        found
    }

    /// [`Grammar::core`] read at `i`, whose token is `tok`.
    fn read_core(&self, i: usize, tok: &Tok<'_>) -> Option<Found> {
        // Each rule is asked only where it may start (see [`Starts`]): a rule not asked is one
        // that would have read nothing, so the answer is the same.
        let starts = Starts::of(tok);
        // Every rule read in this order (the readers keep what they read), the first of the
        // longest readings kept.
        let mut best: Option<Found> = None;
        let mut consider = |found: Option<Found>| {
            if let Some(found) = found
                && best.as_ref().is_none_or(|b| found.end > b.end)
            {
                best = Some(found);
            }
        };
        if starts.time_expr {
            consider(self.time_expr(i));
        }
        if starts.holiday {
            consider(self.holiday(i, None));
        }
        if starts.calendar_point {
            consider(self.calendar_point(i));
        }
        if starts.ordinal_of {
            consider(self.ordinal_of(i));
        }
        if starts.week_of {
            consider(self.week_of(i));
        }
        if starts.quarter {
            consider(self.quarter(i));
        }
        if starts.relative {
            consider(self.relative(i));
        }
        if starts.narrative {
            consider(self.narrative(i));
        }
        if starts.the_weekend {
            consider(self.the_weekend(i));
        }
        if starts.day_ref {
            consider(self.day_date(i));
        }
        if starts.year_expr {
            consider(self.year_expr(i));
        }
        if starts.season {
            consider(self.season(i));
        }
        if starts.quantity_expr {
            consider(self.quantity_expr(i));
        }
        if starts.set_expr {
            consider(self.set_expr(i));
        }
        if starts.reference {
            consider(self.reference(i));
        }
        if starts.bare_units {
            consider(self.bare_units(i));
        }
        if starts.day_of_month {
            consider(self.day_of_month(i));
        }
        best
    }

    /// A calendar date ("August 10", "10/31/1974", "October 2014") or a month alone.
    fn calendar_point(&self, i: usize) -> Option<Found> {
        if let Some((parts, e)) = self.calendar_date(i) {
            let (point, source) = self.resolve(parts);
            return Some(Found::date(e, point, source));
        }
        let (month, e, alone) = self.month(i)?;
        // "the January Revolution": a longer name, no time.
        if !alone || self.inside_longer_name(i, e) {
            return None;
        }
        let (point, source) = self.resolve(dates::Parts::month(None, month));
        // "March after next": the one after the next.
        if self.is(e, "after")
            && self.is(e + 1, "next")
            && let calendar::Point::Month { year: Some(y), month } = point
        {
            return Some(Found::date(e + 2, calendar::Point::Month { year: Some(y + 1), month }, source));
        }
        Some(Found::date(e, point, source))
    }

    /// A day named alone: "today", "yesterday", "Thursday", "next Tuesday".
    fn day_date(&self, i: usize) -> Option<Found> {
        let (day, e) = self.day_ref(i)?;
        Some(match day.point {
            Some(p) => Found::date(e, p, day.source),
            None => Found::other(e, TimexType::Date, day.unknown.into_owned(), day.source),
        })
    }

    /// "the week of October 7th": the ISO week of that day.
    fn week_of(&self, i: usize) -> Option<Found> {
        if !(self.is(i, "week") && self.is(i + 1, "of")) {
            return None;
        }
        let (parts, e) = self.calendar_date(i + 2).filter(|(p, _)| p.day.is_some())?;
        let (point, source) = self.resolve(parts);
        let date = point.first_day()?;
        if !point.year_known() {
            return None;
        }
        let iso = chrono::Datelike::iso_week(&date);
        Some(Found::date(e, calendar::Point::Week { year: iso.year(), week: iso.week() }, source))
    }
}

/// The time expression an item at `at` (an event trigger, a claim) is attached to: the
/// nearest date or time in the same clause, else in the same sentence, else the narrative's
/// running date (the last calendar date before it in the document). Lengths, recurrences and
/// general references (`PAST_REF`) do not date an item.
///
/// Cheap per call: `timexes` are in text order (as [`tag`] gives them), so a binary search
/// finds where `at` stands, and only the nearest date on either side in the sentence can be
/// the answer (a clause boundary or the clause's length that parts an item from one date
/// parts it from every date further away). Each side skips at most [`NEAR_SKIP`] expressions
/// that do not date an item, and the running date is looked for among the last
/// [`NARRATIVE_SKIP`] expressions before `at`; beyond these the text is too far off to say.
pub fn attach(cx: &Context<'_>, timexes: &[TimeExpr], at: Span) -> Option<TimeId> {
    if let Some(sentence) = cx.segmentation.sentence_at(at.start)
        && let Some(bounds) = cx.segmentation.sentences.get(sentence)
    {
        // The expressions read on either side start within the sentence's bounds, so in it.
        let split = timexes.partition_point(|t| t.span.start < at.start);
        let before = timexes[..split]
            .iter()
            .rev()
            .take(NEAR_SKIP)
            .take_while(|t| t.span.start >= bounds.start)
            .find(|t| dates_an_item(t));
        let after = timexes[split..]
            .iter()
            .take(NEAR_SKIP)
            .take_while(|t| t.span.start < bounds.end)
            .find(|t| dates_an_item(t));
        let same_clause = [before, after].map(|t| t.filter(|t| in_same_clause(cx, at, t.span)));
        if let Some(t) = nearest(at, same_clause).or_else(|| nearest(at, [before, after])) {
            return Some(t.id.clone());
        }
    }
    let ended = timexes.partition_point(|t| t.span.end <= at.start);
    timexes[..ended]
        .iter()
        .rev()
        .take(NARRATIVE_SKIP)
        .find(|t| dates_an_item(t) && is_calendar(t))
        .map(|t| t.id.clone())
}

/// The candidate nearer to `at`, the earlier on a tie.
fn nearest(at: Span, candidates: [Option<&TimeExpr>; 2]) -> Option<&TimeExpr> {
    candidates.into_iter().flatten().min_by_key(|t| (t.span.start.abs_diff(at.start), t.span.start))
}

/// How many time expressions that do not date an item [`attach`] skips on either side of an
/// item in its sentence.
const NEAR_SKIP: usize = 64;

/// How many time expressions before an item [`attach`] reads for the narrative's running date.
const NARRATIVE_SKIP: usize = 256;

fn dates_an_item(t: &TimeExpr) -> bool {
    matches!(t.timex_type, TimexType::Date | TimexType::Time) && !t.value.ends_with("_REF")
}

fn is_calendar(t: &TimeExpr) -> bool {
    t.value.starts_with(|c: char| c.is_ascii_digit()) || t.value.starts_with("XXXX-")
}

/// Whether no clause boundary stands between `a` and `b` (semicolon, colon, dash, or a comma
/// before a conjunction). Items further apart than a clause can be are in different clauses.
fn in_same_clause(cx: &Context<'_>, a: Span, b: Span) -> bool {
    const CLAUSE_TOKENS: usize = 40;
    let (first, last) = if a.start <= b.start { (a, b) } else { (b, a) };
    let tokens = &cx.segmentation.tokens;
    let from = tokens.partition_point(|t| t.span.start < first.end);
    // The tokens between end at most one past a clause's length from `from`: further on, the
    // items are in different clauses whatever stands between.
    let reach = tokens.get(from..tokens.len().min(from + CLAUSE_TOKENS + 1)).unwrap_or_default();
    let to = from + reach.partition_point(|t| t.span.end <= last.start);
    if to.saturating_sub(from) > CLAUSE_TOKENS {
        return false;
    }
    // Compared as bytes: the same bytes are the same text, and no character boundary needs
    // checking.
    let text = |k: usize| tokens.get(k).and_then(|t| cx.text.as_bytes().get(t.span.start..t.span.end));
    (from..to).all(|k| {
        let boundary = match text(k).unwrap_or_default() {
            b";" | b":" => true,
            dash if dash == "—".as_bytes() || dash == "–".as_bytes() => true,
            b"," => matches!(
                text(k + 1).unwrap_or_default(),
                b"but" | b"and" | b"while" | b"whereas" | b"although" | b"though" | b"because" | b"so"
            ),
            _ => false,
        };
        !boundary
    })
}

#[cfg(test)]
mod attach_tests {
    //! [`attach`] searches only near its item; here it is checked against the rule read
    //! plainly (every date of the document considered) at every token of real stories.

    use annalist_core::DocumentTime;

    use super::*;

    /// The attachment rule read plainly: the nearest date in the same clause, else in the
    /// same sentence, else the last calendar date before.
    fn plain_attach(cx: &Context<'_>, timexes: &[TimeExpr], at: Span) -> Option<TimeId> {
        let dates = || timexes.iter().filter(|t| dates_an_item(t));
        if let Some(sentence) = cx.segmentation.sentence_at(at.start) {
            let nearest = |same_clause: bool| {
                dates()
                    .filter(|t| cx.segmentation.sentence_at(t.span.start) == Some(sentence))
                    .filter(|t| !same_clause || plain_in_same_clause(cx, at, t.span))
                    .min_by_key(|t| (t.span.start.abs_diff(at.start), t.span.start))
                    .map(|t| t.id.clone())
            };
            if let Some(id) = nearest(true).or_else(|| nearest(false)) {
                return Some(id);
            }
        }
        dates().rfind(|t| t.span.end <= at.start && is_calendar(t)).map(|t| t.id.clone())
    }

    /// [`in_same_clause`] read plainly: every token between the two spans, found by a search
    /// of the whole document, compared as text.
    fn plain_in_same_clause(cx: &Context<'_>, a: Span, b: Span) -> bool {
        let (first, last) = if a.start <= b.start { (a, b) } else { (b, a) };
        let tokens = &cx.segmentation.tokens;
        let from = tokens.partition_point(|t| t.span.start < first.end);
        let to = tokens.partition_point(|t| t.span.end <= last.start);
        if to.saturating_sub(from) > 40 {
            return false;
        }
        (from..to).all(|k| {
            let text = tokens[k].span.slice(cx.text);
            let next = tokens.get(k + 1).map_or("", |n| n.span.slice(cx.text));
            let boundary = matches!(text, ";" | ":" | "—" | "–")
                || (text == ","
                    && matches!(
                        next,
                        "but" | "and" | "while" | "whereas" | "although" | "though" | "because" | "so"
                    ));
            !boundary
        })
    }

    /// [`in_same_clause`] agrees with [`plain_in_same_clause`] for spans of one or two tokens
    /// up to a little more than a clause apart, in either order, on real stories and on
    /// sentences full of clause boundaries.
    #[test]
    fn same_clause_agrees_with_the_plain_rule() {
        let stories = include_str!("../../benches/data/voa_stories.jsonl");
        let mut texts: Vec<String> = stories
            .lines()
            .take(12)
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .map(|v| v["text"].as_str().unwrap_or_default().to_owned())
            .collect();
        texts.push(
            "They met on Monday — and talks resumed; then: officials – who met Tuesday, said \
             so, but others left, so it went, and because of that, while nothing, whereas all, \
             though some, although few, met on Friday."
                .repeat(3),
        );
        let mut checked = 0;
        for text in &texts {
            let segmentation = crate::segment::segment(text);
            let cx = Context { text, segmentation: &segmentation, dct: None };
            let tokens = &segmentation.tokens;
            for i in 0..tokens.len() {
                for j in i..tokens.len().min(i + 48) {
                    let pairs = [
                        (tokens[i].span, tokens[j].span),
                        (Span::new(tokens[i].span.start, tokens[(i + 1).min(j)].span.end), tokens[j].span),
                    ];
                    for (a, b) in pairs {
                        let want = plain_in_same_clause(&cx, a, b);
                        assert_eq!(in_same_clause(&cx, a, b), want, "{a:?} {b:?} in {text:.60}");
                        assert_eq!(in_same_clause(&cx, b, a), want, "{b:?} {a:?} in {text:.60}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100_000, "only {checked} pairs checked");
    }

    #[test]
    fn attach_agrees_with_the_plain_rule_at_every_token() {
        let stories = include_str!("../../benches/data/voa_stories.jsonl");
        let seed = include_str!("../../../../seeds/000_e5fd8d0cf07eb1bc.txt");
        let mut texts: Vec<(String, Option<DocumentTime>)> = stories
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .map(|v| {
                let published = v["published"].as_str().and_then(|p| p.parse().ok());
                (v["text"].as_str().unwrap_or_default().to_owned(), published)
            })
            .collect();
        texts.push((seed.to_owned(), "2024-08-20".parse().ok()));
        let mut checked = 0;
        for (text, dct) in &texts {
            let segmentation = crate::segment::segment(text);
            let cx = Context { text, segmentation: &segmentation, dct: *dct };
            let timexes = tag(&cx);
            for token in &segmentation.tokens {
                let want = plain_attach(&cx, &timexes, token.span);
                assert_eq!(attach(&cx, &timexes, token.span), want, "at {:?} of {:.60}", token.span, text);
                checked += 1;
            }
        }
        assert!(checked > 5_000, "only {checked} tokens checked");
    }
}

#[cfg(test)]
mod skip_tests {
    //! The tagger's skips (see [`Skips`]) are exact: with them off, every sentence is read and
    //! every trigger tried, and on stories the lexicon was not written for nothing more is found.

    use annalist_core::DocumentTime;

    use super::*;

    fn tag_both_ways(text: &str, dct: Option<DocumentTime>) -> (Vec<TimeExpr>, Vec<TimeExpr>) {
        let segmentation = crate::segment::segment(text);
        let cx = Context { text, segmentation: &segmentation, dct };
        (tag_in(&cx, &mut Scratch::default(), Skips::On), tag_in(&cx, &mut Scratch::default(), Skips::Off))
    }

    /// The stories shipped with the benches, and the 89 VOA stories of `shared/corpus` when
    /// that folder stands beside the workspace (as in CI).
    fn stories() -> Vec<String> {
        let shipped = include_str!("../../benches/data/voa_stories.jsonl").to_owned();
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/corpus/voa/voa_stories.jsonl");
        let shared = std::fs::read_to_string(&shared).unwrap_or_else(|_| {
            eprintln!("{} not found: the shipped stories only", shared.display());
            String::new()
        });
        [shipped, shared].iter().flat_map(|file| file.lines().map(str::to_owned)).collect()
    }

    #[test]
    fn skipping_loses_no_expression_of_the_stories() {
        let mut found = 0;
        for line in stories() {
            let Ok(story) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
            let text = story["text"].as_str().unwrap_or_default();
            let dct = story["published"].as_str().and_then(|p| p.parse().ok());
            let (skipping, reading_all) = tag_both_ways(text, dct);
            assert_eq!(skipping, reading_all, "in {text:.60}");
            found += skipping.len();
        }
        assert!(found > 100, "only {found} expressions found");
    }

    /// Phrases made only of words that say nothing of time alone ("the", "long", "term"),
    /// with no other time word near them.
    #[test]
    fn phrases_of_weak_words_are_not_skipped() {
        for (text, phrase) in [
            ("For the time being, officials said nothing.", "the time being"),
            ("Officials said the plan would help in the long term.", "the long term"),
            ("Once upon a time, officials said nothing.", "Once upon a time"),
            ("The vote was held in 1950. At that time, officials said nothing.", "that time"),
            // A short phrase alone (as in a headline or a form) is read more freely.
            ("on the first", "the first"),
            // A day of the month alone, after "on" or "on the", in running text.
            ("The vote will be held on the tenth, officials said after a long meeting.", "the tenth"),
            ("Officials said the talks would resume on the twenty-first, not before.", "the twenty-first"),
        ] {
            check_found_both_ways(text, phrase);
        }
    }

    /// Checks that tagging `text` finds `phrase`, with the skips as without them.
    #[track_caller]
    fn check_found_both_ways(text: &str, phrase: &str) {
        let (skipping, reading_all) = tag_both_ways(text, "2025-03-14".parse().ok());
        assert_eq!(skipping, reading_all, "in {text}");
        assert!(
            skipping.iter().any(|t| t.span.slice(text) == phrase),
            "{phrase} not found in {text}: {skipping:?}"
        );
    }

    /// "the" before a trigger or opening a phrase of the lexicon, in running text: the only
    /// places a rule reads an article (see [`article_reads_nothing`]).
    #[test]
    fn articles_before_time_words_are_read() {
        for (text, phrase) in [
            ("Officials said the weekend would be quiet in the capital.", "the weekend"),
            ("Prices rose sharply in the 1990s, officials said on the record.", "the 1990s"),
            ("Prices rose sharply in the '90s, officials said on the record.", "the '90s"),
            ("The vote was held on Monday and again the day after, officials said.", "the day after"),
            ("Officials said the end of the year would bring new talks.", "the end of the year"),
            ("Officials said the first Monday of March would be a holiday.", "the first Monday of March"),
            ("The talks began in 2010 and resumed the same day, officials said.", "the same day"),
            ("The summit opened in March and the following week, officials left.", "the following week"),
            ("Officials said the talks had failed in the past, but not now.", "the past"),
            ("Officials said the near future would bring new talks to the region.", "the near future"),
        ] {
            check_found_both_ways(text, phrase);
        }
    }

    /// [`article_reads_nothing`] reads no holiday names: none starts with "the".
    #[test]
    fn no_holiday_name_starts_with_an_article() {
        assert!(!words::HOLIDAYS.contains_key("the"));
    }

    /// Every word the lexicons know, and words the rules read or that look like time.
    fn vocabulary() -> Vec<String> {
        let mut words: Vec<String> = words::WORDS
            .iter()
            .flat_map(|(first, entries)| {
                std::iter::once(*first).chain(entries.iter().flat_map(|e| e.rest.iter().copied()))
            })
            .chain(words::HOLIDAYS.iter().flat_map(|(first, entries)| {
                std::iter::once(*first).chain(entries.iter().flat_map(|h| h.rest.iter().copied()))
            }))
            .chain(words::TENSE_CUES.keys().copied())
            .map(str::to_owned)
            .collect();
        words.extend(
            [
                "10",
                "2024",
                "1990s",
                "'90s",
                "3.5",
                "9/11",
                "5pm",
                "10:30",
                "mid-2024",
                "café2",
                "2nd",
                "first",
                "third",
                "twenty-first",
                "Q3",
                "officials",
                "said",
                "President",
                "Minsk",
                ",",
                ".",
                "'",
                "’s",
                "(",
                "-",
                "—",
                "\"",
            ]
            .map(str::to_owned),
        );
        words.sort();
        words.dedup();
        words
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Sentences of lexicon words, numbers and others in any order and case.
        #[test]
        fn skipping_loses_no_expression_of_any_word_sequence(
            picks in proptest::collection::vec((0usize..100_000, 0u8..3), 1..24),
        ) {
            static VOCABULARY: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(vocabulary);
            let text = picks
                .iter()
                .map(|&(pick, case)| {
                    let word = &VOCABULARY[pick % VOCABULARY.len()];
                    match case {
                        0 => word.clone(),
                        1 => word.to_uppercase(),
                        _ => word.chars().take(1).flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            let (skipping, reading_all) = tag_both_ways(&text, "2025-03-14".parse().ok());
            proptest::prop_assert_eq!(skipping, reading_all, "in {}", text);
        }

        /// Sentences longer than a short phrase where ordinals and tens stand after "on" and
        /// "the" far more often than among all words: days of the month alone ("on the
        /// tenth"), which name time only there.
        #[test]
        fn skipping_loses_no_day_of_the_month_after_on(
            picks in proptest::collection::vec(0usize..1000, SHORT_PHRASE + 1..20),
        ) {
            const WORDS: [&str; 20] = [
                "on", "On", "the", "on", "the", "tenth", "first", "Second", "twenty-first", "thirty",
                "twenty", "-", "first's", "officials", "said", "held", ",", ".", "vote", "upon",
            ];
            let text = picks.iter().map(|&pick| WORDS[pick % WORDS.len()]).collect::<Vec<_>>().join(" ");
            let (skipping, reading_all) = tag_both_ways(&text, "2025-03-14".parse().ok());
            proptest::prop_assert_eq!(skipping, reading_all, "in {}", text);
        }
    }
}

#[cfg(test)]
mod scratch_tests {
    use super::*;

    #[test]
    fn recycled_tokens_keep_their_allocation() {
        let mut tokens: Vec<Tok<'static>> = Vec::with_capacity(100);
        tokens.push(Tok {
            norm: "x".into(),
            span: Span::new(0, 1),
            number: false,
            capital: false,
            glued: false,
            info: None,
            flags: words::WordFlags::default(),
            digits: None,
        });
        let recycled: Vec<Tok<'_>> = emptied(tokens);
        assert!(recycled.is_empty() && recycled.capacity() >= 100);
    }
}
