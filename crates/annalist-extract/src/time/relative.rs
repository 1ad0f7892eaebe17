//! Expressions computed from an anchor: the document time ("yesterday", "last week", "next
//! Tuesday", "two years ago", "in 3 days"), the narrative's last date ("a month later", "the
//! following day", "that week"), and lengths and recurrences ("three days", "a few days",
//! "every week").

use std::borrow::Cow;

use annalist_core::TimexType;
use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::{self, Grain, Point};
use super::dates::day_point;
use super::grammar::{Found, Grammar, Source, req};
use super::tokens::Tok;
use super::words::{Kind, Sense, Tense, Unit};

/// A day named by a word relative to the document time or by its weekday.
#[derive(Debug, Clone)]
pub(crate) struct DayRef {
    /// The day, when it can be computed.
    pub point: Option<Point>,
    /// What it came from.
    pub source: Source,
    /// The value to write when the day is unknown (only read when `point` is `None`).
    pub unknown: Cow<'static, str>,
    /// A part of the day the words carry ("tonight").
    pub part: Option<&'static str>,
}

/// The value of a day nothing is known of.
pub(crate) const UNKNOWN_DAY: &str = "XXXX-XX-XX";

/// Whether a day ([`Grammar::day_ref`]) may start at `tok`. Every reading of one starts at a
/// number, at "the" or "day" ("the day after tomorrow"), at a holiday's first word, or at a
/// word of one of these senses: most words the rules are tried at are none of them.
pub(crate) fn may_start_day_ref(tok: &Tok<'_>) -> bool {
    tok.number
        || matches!(tok.norm.as_ref(), "the" | "day")
        || tok.info.is_some_and(|info| {
            !info.holidays.is_empty() || DAY_REF_STARTS.iter().any(|k| info.kinds & k.bit() != 0)
        })
}

/// The senses of a word a day ([`Grammar::day_ref`]) may start at (see [`may_start_day_ref`]).
pub(crate) const DAY_REF_STARTS: [Kind; 7] = [
    Kind::Deictic,
    Kind::Weekday,
    Kind::WeekdayAbbr,
    Kind::Month,
    Kind::Number,
    Kind::Ordinal,
    Kind::Relative,
];

impl Grammar<'_> {
    /// A day: "today", "tomorrow", "the day before yesterday", "tonight", a weekday ("said
    /// Thursday", "next Tuesday", "Wednesday of next week"), a full date or a holiday.
    pub fn day_ref(&self, i: usize) -> Option<(DayRef, usize)> {
        self.memo.anchored(&self.memo.day_ref, i, || self.read_day_ref(i))
    }

    fn read_day_ref(&self, i: usize) -> Option<(DayRef, usize)> {
        if !may_start_day_ref(req!(self.tok(i))) {
            return None;
        }
        if let Some(found) = self.deictic(i) {
            return Some(found);
        }
        if let Some((parts, e)) = self.calendar_date(i).filter(|(p, _)| p.day.is_some()) {
            let (point, source) = self.resolve(parts);
            return Some((DayRef { point: Some(point), source, unknown: UNKNOWN_DAY.into(), part: None }, e));
        }
        if let Some(f) = self.weekday_expr(i).or_else(|| self.holiday(i, None)) {
            let (e, point, source) = (f.end, f.point, f.source);
            // The value is written only when the day is unknown (most days are known).
            let unknown = if point.is_some() { UNKNOWN_DAY.into() } else { f.value().into() };
            return Some((DayRef { point, source, unknown, part: None }, e));
        }
        None
    }

    fn deictic(&self, i: usize) -> Option<(DayRef, usize)> {
        let j = self.opt(i, "the");
        // "the day after tomorrow", "the day before yesterday"
        let (offset, part, e) = if self.is(j, "day") && matches!(self.w(j + 1), "after" | "before") {
            let (n, e) = req!(self.sense(j + 2, Kind::Deictic, |s| match s {
                Sense::Deictic(n, None) if n != 0 => Some(n),
                _ => None,
            }));
            let step = if self.is(j + 1, "after") { 1 } else { -1 };
            (n + step, None, e)
        } else {
            let ((n, part), e) = req!(self.sense(i, Kind::Deictic, |s| match s {
                Sense::Deictic(n, part) => Some((n, part)),
                _ => None,
            }));
            (n, part, e)
        };
        let Some(dct) = self.env.dct else {
            let unknown = if offset == 0 { "PRESENT_REF" } else { "XXXX-XX-XX" };
            return Some((DayRef { point: None, source: Source::Unknown, unknown: unknown.into(), part }, e));
        };
        let point = day_point(dct + Duration::days(i64::from(offset)));
        Some((DayRef { point: Some(point), source: Source::Document, unknown: UNKNOWN_DAY.into(), part }, e))
    }

    /// A weekday alone or placed by a relative word: "Thursday", "next Tuesday", "last
    /// Sunday", "Friday after next", "Wednesday of next week", "last week's Sunday".
    pub fn weekday_expr(&self, i: usize) -> Option<Found> {
        // REL WEEKDAY | REL week's WEEKDAY
        if let Some((rel, e)) = self.relative_word(i) {
            if let Some((wd, e2)) = self.weekday(e) {
                let dct = self.env.dct?;
                let today = i64::from(dct.weekday().number_from_monday());
                let wd = i64::from(wd);
                let delta = match (rel, self.w(i)) {
                    (r, _) if r < 0 => -((today - wd - 1).rem_euclid(7) + 1),
                    (_, "next") => 7 - today + wd,
                    (0, _) => (wd - today).rem_euclid(7),
                    _ => (wd - today - 1).rem_euclid(7) + 1,
                };
                return Some(Found::date(e2, day_point(dct + Duration::days(delta)), Source::Document));
            }
            if self.is(e, "week's")
                && let Some((wd, e2)) = self.weekday(e + 1)
            {
                return self.weekday_in_week(wd, rel, e2);
            }
            return None;
        }
        let (wd, e) = req!(self.weekday(i));
        // WEEKDAY after next
        if self.is(e, "after") && self.is(e + 1, "next") {
            let dct = self.env.dct?;
            let today = i64::from(dct.weekday().number_from_monday());
            let delta = (i64::from(wd) - today - 1).rem_euclid(7) + 1 + 7;
            return Some(Found::date(e + 2, day_point(dct + Duration::days(delta)), Source::Document));
        }
        // WEEKDAY [of|from] REL week
        let j = if matches!(self.w(e), "of" | "from") { e + 1 } else { e };
        if let Some((rel, e2)) = self.relative_word(j)
            && self.is(e2, "week")
        {
            return self.weekday_in_week(wd, rel, e2 + 1);
        }
        // A weekday standing for a date ("Tuesday 19th") is read by the calendar rules.
        if self.calendar_date(i).is_some() {
            return None;
        }
        // "the Sunday Times", "the Good Friday Agreement": a longer name, no time.
        if self.inside_longer_name(i, e) {
            return None;
        }
        Some(self.resolve_weekday(wd, e))
    }

    fn weekday_in_week(&self, wd: u32, rel: i32, end: usize) -> Option<Found> {
        let dct = self.env.dct?;
        let monday = dct - Duration::days(i64::from(dct.weekday().num_days_from_monday()));
        let date = monday + Duration::days(7 * i64::from(rel) + i64::from(wd) - 1);
        Some(Found::date(end, day_point(date), Source::Document))
    }

    /// A word placing a unit relative to the document time ("last", "next", "this").
    pub fn relative_word(&self, i: usize) -> Option<(i32, usize)> {
        self.sense(i, Kind::Relative, |s| match s {
            Sense::Relative(r) => Some(r),
            _ => None,
        })
    }

    /// "last week", "next month", "this year", "the past decade", "next March", "last
    /// spring", "last Easter", "this weekend", "upcoming two weeks".
    pub fn relative(&self, i: usize) -> Option<Found> {
        let (rel, e) = req!(self.relative_word(i));
        let word = self.w(i);
        // "meant to last a few months", "will last three days": the verb.
        if word == "last"
            && matches!(
                self.before(i),
                "to" | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "must"
                    | "not"
                    | "did"
                    | "does"
                    | "do"
            )
        {
            return None;
        }
        if let Some(f) = self.holiday(e, Some(if rel == 0 { 1 } else { rel })) {
            return Some(f);
        }
        // REL N UNITs: a length ("the past five days", "the next four years"), except
        // Duckling's "upcoming two weeks", a point.
        if let Some((n, unit, e2)) = self.quantity(e)
            && e2 > e + 1
        {
            if word == "upcoming"
                && let Some(n) = n
                && n.fract() == 0.0
            {
                return self.unit_from_document(n as i64, unit, e2);
            }
            return Some(Found::other(
                e2,
                TimexType::Duration,
                calendar::duration_value(n, unit),
                Source::Absolute,
            ));
        }
        // "this may have", "the next march": a verb and a noun, not a month.
        if let Some((month, e2, true)) = self.month(e) {
            let dct = self.env.dct?;
            let m = dct.month();
            let year = match rel {
                r if r < 0 => {
                    if month < m {
                        dct.year()
                    } else {
                        dct.year() - 1
                    }
                }
                0 => dct.year(),
                _ => {
                    if month > m {
                        dct.year()
                    } else {
                        dct.year() + 1
                    }
                }
            };
            return Some(Found::date(e2, Point::Month { year: Some(year), month }, Source::Document));
        }
        if let Some((season, e2)) = self.sense(e, Kind::Season, |s| match s {
            Sense::Season(s) => Some(s),
            _ => None,
        }) {
            let dct = self.env.dct?;
            let start = |s: &str| match s {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let cur = dct.month();
            let y = dct.year();
            let year = match rel {
                r if r < 0 => {
                    if start(season) + 2 < cur {
                        y
                    } else {
                        y - 1
                    }
                }
                0 => y,
                _ => {
                    if start(season) > cur {
                        y
                    } else {
                        y + 1
                    }
                }
            };
            return Some(Found::date(e2, Point::Season { year: Some(year), season }, Source::Document));
        }
        let (unit, e2, plural) = req!(self.unit(e));
        if plural {
            return None;
        }
        // "the past week", "over the past decade": a length up to now.
        if word == "past" && self.before(i) == "the" {
            return Some(Found::other(
                e2,
                TimexType::Duration,
                calendar::duration_value(Some(1.0), unit),
                Source::Absolute,
            ));
        }
        self.unit_from_document(i64::from(rel), unit, e2)
    }

    /// The unit `n` units from the document time's: "last week" = 2013-W06.
    fn unit_from_document(&self, n: i64, unit: Unit, end: usize) -> Option<Found> {
        let Some(dct) = self.env.dct else {
            return Some(Found::other(end, TimexType::Date, "XXXX-XX-XX".to_owned(), Source::Unknown));
        };
        if unit == Unit::Weekend {
            let date = calendar::shift(dct, n, Unit::Week)?;
            let iso = date.iso_week();
            return Some(Found::date(
                end,
                Point::Weekend { year: iso.year(), week: iso.week() },
                Source::Document,
            ));
        }
        if unit < Unit::Day {
            return None;
        }
        let date = calendar::shift(dct, n, unit)?;
        Some(Found::date(end, calendar::at_grain(date, calendar::unit_grain(unit), true), Source::Document))
    }

    /// The point `n` units after the document time, at the unit's grain (weeks and days at
    /// day grain, clock units as a time of day).
    fn shifted_from_document(&self, n: f64, unit: Unit, end: usize) -> Option<Found> {
        let Some(dct) = self.env.dct else {
            return Some(Found::other(end, TimexType::Date, "XXXX-XX-XX".to_owned(), Source::Unknown));
        };
        if unit <= Unit::Hour {
            let seconds = match unit {
                Unit::Second => n,
                Unit::Minute => n * 60.0,
                _ => n * 3600.0,
            };
            let at =
                self.env.dct_clock.map_or_else(|| dct.and_hms_opt(0, 0, 0), |t| Some(dct.and_time(t)))?;
            let moved = at.checked_add_signed(Duration::try_seconds(seconds as i64)?)?;
            let value = if unit == Unit::Hour {
                moved.format("%Y-%m-%dT%H:%M").to_string()
            } else {
                moved.format("%Y-%m-%dT%H:%M:%S").to_string()
            };
            return Some(Found::other(end, TimexType::Time, value, Source::Document));
        }
        if n.fract() != 0.0 {
            return None;
        }
        let date = calendar::shift(dct, n as i64, unit)?;
        let grain = match unit {
            Unit::Week | Unit::Fortnight => Grain::Day,
            u => calendar::unit_grain(u),
        };
        Some(Found::date(end, calendar::at_grain(date, grain, true), Source::Document))
    }

    /// A count of units: "three days", "a few days", "two and a half years", "half an hour",
    /// "18 months", "five-year". The count is `None` when unspecified.
    pub fn quantity(&self, i: usize) -> Option<(Option<f64>, Unit, usize)> {
        let mut j = i;
        let mut n: Option<f64>;
        if matches!(self.w(j), "a" | "an")
            && matches!(self.w(j + 1), "few" | "couple" | "pair" | "dozen" | "half" | "quarter")
        {
            j += 1;
        }
        let mut counted = false;
        if let Some(((), e)) =
            self.sense(j, Kind::FuzzyNumber, |s| matches!(s, Sense::FuzzyNumber).then_some(()))
        {
            n = None;
            j = e;
        } else if self.is(j, "half") {
            // "half an hour", "half a day"
            j = if matches!(self.w(j + 1), "a" | "an") { j + 2 } else { j + 1 };
            n = Some(0.5);
        } else if self.is(j, "quarter") && self.is(j + 1, "of") && matches!(self.w(j + 2), "a" | "an") {
            j += 3;
            n = Some(0.25);
        } else if self.is(j, "three")
            && self.is(j + 1, "-")
            && self.is(j + 2, "quarters")
            && self.is(j + 3, "of")
        {
            j = self.opt(j + 4, "an");
            n = Some(0.75);
        } else if let Some(tok) = self.tok(j)
            && tok.number
            && tok.norm.contains('.')
            && let Ok(v) = tok.norm.parse::<f64>()
        {
            n = Some(v);
            j += 1;
        } else if let Some(v) = self.fraction(j) {
            // "1/2 hour", "3/4 of an hour"
            n = Some(v);
            j = self.opt(self.opt(j + 1, "of"), "an");
        } else {
            let (v, e) = req!(self.cardinal(j, true));
            n = Some(f64::from(v));
            counted = !matches!(self.w(j), "a" | "an");
            j = e;
            if self.is(j, "and") && matches!(self.w(j + 1), "a" | "an") && self.is(j + 2, "half") {
                n = Some(f64::from(v) + 0.5);
                j += 3;
            }
        }
        if matches!(self.w(j), "more" | "additional" | "straight" | "consecutive" | "full" | "long") {
            j += 1;
        }
        // "five trading days": one describing word between a number and its plural unit. Not a
        // plural noun, which is what the number counts ("50 militants hours after"): a noun
        // describing another is singular ("five business days").
        if counted
            && self.unit(j).is_none()
            && self.unit(j + 1).is_some_and(|(_, _, plural)| plural)
            && self.tok(j).is_some_and(|t| {
                !t.capital
                    && t.norm.len() > 3
                    && t.norm.chars().all(char::is_alphabetic)
                    && (!t.norm.ends_with('s') || t.norm.ends_with("ss") || t.norm.ends_with("ous"))
            })
            && self.senses(j).next().is_none()
            && self.unit(j + 1).is_some()
        {
            j += 1;
        }
        let k = self.opt(j, "-");
        let (unit, e, plural) = req!(self.unit(k));
        // "the 2008 model year" names a year, not 2008 years.
        if !plural && n.is_some_and(|n| n >= 1000.0) {
            return None;
        }
        // An age: "11 years old", "a 30-year-old".
        if self.is(e, "old") || (self.is(e, "-") && self.is(e + 1, "old")) {
            return None;
        }
        // "a second round" is not a second of time.
        if unit == Unit::Second
            && self.is(i, "a")
            && self.tok(e).is_some_and(|t| !t.number && t.norm.chars().all(char::is_alphabetic))
        {
            return None;
        }
        if matches!(self.w(i), "a" | "an") && unit == Unit::Weekend {
            return None;
        }
        Some((n, unit, e))
    }

    /// A fraction written with a slash, "1/2", "3/4": at most one digit over a denominator of
    /// 2 to 8, less than one.
    fn fraction(&self, i: usize) -> Option<f64> {
        let tok = req!(self.tok(i));
        let (top, bottom) = req!(tok.norm.split_once('/'));
        let top: u8 = top.parse().ok().filter(|_| top.len() == 1)?;
        let bottom: u8 = bottom.parse().ok().filter(|b| (2..=8).contains(b) && bottom.len() == 1)?;
        (tok.number && top < bottom).then(|| f64::from(top) / f64::from(bottom))
    }

    /// A quantity and what it places: a length ("three days"), a point from the document time
    /// ("two years ago", "in 3 days", "a week from now") or from the narrative ("a month
    /// later"), or a shift of a date ("three days after Easter").
    pub fn quantity_expr(&self, i: usize) -> Option<Found> {
        // "two upcoming weeks" (Duckling): that many units ahead.
        if let Some((n, e)) = self.cardinal(i, false)
            && self.is(e, "upcoming")
            && let Some((unit, e2, _)) = self.unit(e + 1)
        {
            return self.unit_from_document(i64::from(n), unit, e2);
        }
        // "3 fridays from now", "2 thursdays ago": the n-th such weekday ahead or back.
        if let Some((n, e)) = self.cardinal(i, false)
            && let Some((wd, e2)) = self.weekday(e)
            && let Some((dir, e3)) = self.sense(e2, Kind::Direction, |s| match s {
                Sense::Direction(d) if d != 0 => Some(d),
                _ => None,
            })
            && n > 0
        {
            let dct = self.env.dct?;
            let today = i64::from(dct.weekday().number_from_monday());
            let wd = i64::from(wd);
            let first = if dir > 0 {
                (wd - today - 1).rem_euclid(7) + 1
            } else {
                -((today - wd - 1).rem_euclid(7) + 1)
            };
            let delta = first + i64::from(dir) * 7 * (i64::from(n) - 1);
            return Some(Found::date(e3, day_point(dct + Duration::days(delta)), Source::Document));
        }
        let Some((n, unit, e)) = self.quantity(i) else {
            return self.range_start(i);
        };
        if let Some((dir, e2)) = self.sense(e, Kind::Direction, |s| match s {
            Sense::Direction(d) => Some(d),
            _ => None,
        }) {
            let word = self.w(e);
            let Some(n) = n else {
                let value = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some(Found::other(e2, TimexType::Date, value.to_owned(), Source::Document));
            };
            let signed = n * f64::from(dir);
            match word {
                "ago" | "back" | "hence" | "from" => return self.shifted_from_document(signed, unit, e2),
                "after" | "before" | "earlier" | "later" => {
                    // "three days after Easter" shifts that date.
                    if let Some(f) = self.holiday(e2, None) {
                        let date = req!(f.point.as_ref().and_then(Point::first_day));
                        let moved = req!(calendar::shift(date, signed as i64, unit));
                        return Some(Found::date(f.end, day_point(moved), f.source));
                    }
                    if matches!(word, "later" | "earlier") {
                        return self.shifted_from_narrative(signed, unit, e2);
                    }
                }
                _ => {}
            }
        }
        // "in 3 days": a point ahead, unless the clause is past ("the first time in two years").
        if self.before(i) == "in"
            && let Some(n) = n
            && self.cue() != Some(Tense::Past)
            && !self.after_superlative(i)
        {
            return self.shifted_from_document(n, unit, e);
        }
        if matches!(self.w(i), "a" | "an" | "one") && matches!(self.before(i), "once" | "twice" | "times") {
            return Some(Found::other(
                e,
                TimexType::Set,
                calendar::duration_value(Some(1.0), unit),
                Source::Absolute,
            ));
        }
        Some(Found::other(e, TimexType::Duration, calendar::duration_value(n, unit), Source::Absolute))
    }

    /// The first number of a range whose unit is written once, after the second: "between 60
    /// and 90 days", "two or three years", "10 to 15 years". The number is a length of that
    /// unit, as TimeML annotates it. Not when the range places a point ("two or three years
    /// ago"), and only for a rising range of counts, which a unit can follow.
    fn range_start(&self, i: usize) -> Option<Found> {
        let (first, e) = req!(self.cardinal(i, false));
        if !matches!(self.w(e), "and" | "or" | "to" | "-" | "–") {
            return None;
        }
        let (second, unit, e2) = req!(self.quantity(e + 1));
        if !second.is_some_and(|n| n > f64::from(first))
            || self.sense(e2, Kind::Direction, |_| Some(())).is_some()
        {
            return None;
        }
        Some(Found::other(
            e,
            TimexType::Duration,
            calendar::duration_value(Some(f64::from(first)), unit),
            Source::Absolute,
        ))
    }

    /// Whether a superlative or "first" comes shortly before `i`: "the lowest level in six
    /// years", "for the first time in two decades" measure a length, not a point ahead.
    fn after_superlative(&self, i: usize) -> bool {
        (i.saturating_sub(6).max(self.start)..i).any(|k| {
            let w = self.w(k);
            matches!(w, "first" | "most" | "least" | "time")
                || (w.len() > 5
                    && w.ends_with("est")
                    && !matches!(
                        w,
                        "interest"
                            | "protest"
                            | "request"
                            | "forest"
                            | "suggest"
                            | "arrest"
                            | "contest"
                            | "harvest"
                            | "invest"
                    ))
        })
    }

    /// The narrative's last date moved by `n` units ("a month later"); the document time when
    /// the narrative has no date yet.
    fn shifted_from_narrative(&self, n: f64, unit: Unit, end: usize) -> Option<Found> {
        // Days count from the narrative's last day, not from a year or month mentioned since
        // ("the highest since 1983 ... ending the day at 8,017").
        let narrative = match self.env.narrative {
            Some(p) if unit == Unit::Day && p.grain() != calendar::Grain::Day => {
                self.env.narrative_day.map(|day| (day, Source::NarrativeDay))
            }
            other => other.map(|p| (p, Source::Narrative)),
        };
        let (anchor, source) = match (narrative, self.env.dct) {
            (Some(found), _) => found,
            (None, Some(d)) => (day_point(d), Source::Document),
            (None, None) => {
                return Some(Found::other(end, TimexType::Date, "XXXX-XX-XX".to_owned(), Source::Unknown));
            }
        };
        if n.fract() != 0.0 || unit < Unit::Day {
            return None;
        }
        let date = req!(anchor.first_day());
        let moved = req!(calendar::shift(date, n as i64, unit));
        let grain = calendar::unit_grain(unit).max(anchor.grain());
        Some(Found::date(end, calendar::at_grain(moved, grain, anchor.year_known()), source))
    }

    /// "the weekend", "over the weekend": the last one in a past clause, else the next one.
    pub fn the_weekend(&self, i: usize) -> Option<Found> {
        if !(self.is(i, "the") && self.is(i + 1, "weekend")) || self.is(i + 2, "of") {
            return None;
        }
        let Some(dct) = self.env.dct else {
            return Some(Found::other(i + 2, TimexType::Date, "XXXX-WXX-WE".to_owned(), Source::Unknown));
        };
        let weekday = dct.weekday().number_from_monday();
        let week = match self.tense() {
            // Saturday and Sunday are in their week's weekend.
            Some(Tense::Past) if weekday < 6 => -1,
            _ => 0,
        };
        self.unit_from_document(week, Unit::Weekend, i + 2)
    }

    /// "the following day", "that week", "the same day", "the next day", "the previous year",
    /// "the day before" (not followed by a date): the narrative's last date moved.
    pub fn narrative(&self, i: usize) -> Option<Found> {
        // "the day" alone ("for the day", "end the day at 7,114"): the narrative's day.
        if self.is(i, "the")
            && self.is(i + 1, "day")
            && self.tok(i + 2).is_none_or(|t| {
                !t.norm.chars().next().is_some_and(char::is_alphanumeric)
                    || matches!(t.norm.as_ref(), "at" | "on" | "in" | "to" | "with" | "and")
            })
        {
            return self.shifted_from_narrative(0.0, Unit::Day, i + 2);
        }
        // "the day before", "the year after" (not followed by what they are before or after).
        if self.is(i, "the")
            && let Some((unit, e, false)) = self.unit(i + 1)
            && matches!(self.w(e), "before" | "after")
            && unit >= Unit::Day
        {
            let next = e + 1;
            let followed =
                self.tok(next).is_some_and(|t| t.norm.chars().next().is_some_and(char::is_alphanumeric));
            if followed && !matches!(self.w(next), "and" | "but" | "when" | "as") {
                return None;
            }
            let step = if self.is(e, "after") { 1.0 } else { -1.0 };
            return self.shifted_from_narrative(step, unit, e + 1);
        }
        let (n, e) = req!(self.sense(i, Kind::Narrative, |s| match s {
            Sense::Narrative(n) => Some(n),
            _ => None,
        }));
        // "that time": the narrative's last date itself ("at the same time" means "meanwhile").
        if self.is(i, "that") && self.is(e, "time") && !self.is(e + 1, "of") {
            let anchor = req!(self.env.narrative);
            return Some(Found::date(e + 1, anchor, Source::Narrative));
        }
        if let Some((q, unit, e2)) = self.quantity(e)
            && e2 > e + 1
        {
            return Some(Found::other(
                e2,
                TimexType::Duration,
                calendar::duration_value(q, unit),
                Source::Absolute,
            ));
        }
        // "the same period last year": the narrative's last date a year back, at its own grain
        // (a period is as long as what it is compared with).
        if n == 0
            && self.is(e, "period")
            && let Some((back, back_unit, e2)) = self.shift_back(e + 1)
        {
            let anchor = req!(self.env.narrative);
            let moved = req!(calendar::shift(req!(anchor.first_day()), back, back_unit));
            return Some(Found::date(
                e2,
                calendar::at_grain(moved, anchor.grain(), anchor.year_known()),
                Source::Narrative,
            ));
        }
        let (unit, e2, plural) = req!(self.unit(e));
        if plural || unit < Unit::Day {
            return None;
        }
        if n == 0 {
            let (anchor, source) = match (self.env.narrative, self.env.dct) {
                (Some(p), _) => (p, Source::Narrative),
                (None, Some(d)) => (day_point(d), Source::Document),
                (None, None) => return None,
            };
            let mut date = req!(anchor.first_day());
            let mut end = e2;
            // "the same month a year ago", "the same quarter last year": that unit of the
            // narrative's date, moved back by a longer unit.
            if let Some((back, back_unit, e3)) = self.shift_back(e2)
                && back_unit > unit
            {
                date = req!(calendar::shift(date, back, back_unit));
                end = e3;
            }
            let grain = calendar::unit_grain(unit).max(anchor.grain());
            return Some(Found::date(end, calendar::at_grain(date, grain, anchor.year_known()), source));
        }
        self.shifted_from_narrative(f64::from(n), unit, e2)
    }

    /// A shift back written after "the same month" or "the same period": "a year ago", "a year
    /// earlier", "two years before", "last year", "of last year", "the previous year", "the
    /// year before". Returns the signed count, the unit and the end.
    fn shift_back(&self, i: usize) -> Option<(i64, Unit, usize)> {
        let i = if matches!(self.w(i), "of" | "in") { i + 1 } else { i };
        if let Some((Some(q), unit, e)) = self.quantity(i)
            && q.fract() == 0.0
            && matches!(self.w(e), "ago" | "earlier" | "before" | "back" | "prior")
        {
            return Some((-(q as i64), unit, e + 1));
        }
        if self.is(i, "last")
            && let Some((unit, e, false)) = self.unit(i + 1)
        {
            return Some((-1, unit, e));
        }
        if self.is(i, "the")
            && matches!(self.w(i + 1), "previous" | "prior" | "preceding")
            && let Some((unit, e, false)) = self.unit(i + 2)
        {
            return Some((-1, unit, e));
        }
        if self.is(i, "the")
            && let Some((unit, e, false)) = self.unit(i + 1)
            && self.is(e, "before")
        {
            return Some((-1, unit, e + 1));
        }
        None
    }

    /// Recurrences: "every week", "each Monday", "every two years", "weekly", "annual".
    pub fn set_expr(&self, i: usize) -> Option<Found> {
        if let Some((value, e)) = self.sense(i, Kind::SetAdverb, |s| match s {
            Sense::SetAdverb(v) => Some(v),
            _ => None,
        }) {
            return Some(Found::other(e, TimexType::Set, value.to_owned(), Source::Absolute));
        }
        let ((), e) =
            req!(self.sense(i, Kind::SetQuantifier, |s| matches!(s, Sense::SetQuantifier).then_some(())));
        let (other, e) = if self.is(e, "other") { (true, e + 1) } else { (false, e) };
        let step = if other { 2.0 } else { 1.0 };
        if let Some((wd, e2)) = self.weekday(e) {
            return Some(Found::other(e2, TimexType::Set, format!("XXXX-WXX-{wd}"), Source::Absolute));
        }
        if let Some((part, e2)) = self.sense(e, Kind::DayPart, |s| match s {
            Sense::DayPart(p) => Some(p),
            _ => None,
        }) {
            return Some(Found::other(e2, TimexType::Set, format!("XXXX-XX-XXT{part}"), Source::Absolute));
        }
        if let Some((n, unit, e2)) = self.quantity(e) {
            return Some(Found::other(
                e2,
                TimexType::Set,
                calendar::duration_value(n, unit),
                Source::Absolute,
            ));
        }
        let (unit, e2, _) = req!(self.unit(e));
        Some(Found::other(e2, TimexType::Set, calendar::duration_value(Some(step), unit), Source::Absolute))
    }

    /// General references: "now", "currently", "recently", "in the past", "the future", "soon";
    /// "recent years" is an unspecified length.
    pub fn reference(&self, i: usize) -> Option<Found> {
        if self.is(i, "recent")
            && let Some((unit, e, true)) = self.unit(i + 1)
        {
            return Some(Found::other(
                e,
                TimexType::Duration,
                calendar::duration_value(None, unit),
                Source::Absolute,
            ));
        }
        let (value, e) = req!(self.sense(i, Kind::Reference, |s| match s {
            Sense::Reference(v) => Some(v),
            _ => None,
        }));
        // "the now-cancelled deal", "the soon-to-open terminal": a modifier of the noun.
        if self.is(e, "-") && self.tok(e).is_some_and(|t| t.glued) {
            return None;
        }
        // "soon after the attack", "soon afterwards": shortly after an event, not a future.
        if self.is(i, "soon")
            && matches!(self.w(e), "after" | "afterwards" | "afterward" | "before" | "thereafter")
        {
            return None;
        }
        Some(Found::other(e, TimexType::Date, value.to_owned(), Source::Absolute))
    }

    /// A bare plural unit: "months", "years", "decades" (PXM, PXY, PXDE).
    pub fn bare_units(&self, i: usize) -> Option<Found> {
        let (unit, e, plural) = req!(self.unit(i));
        // "over the years", "through the decades": an unspecified length.
        if plural
            && self.before(i) == "the"
            && i >= self.start + 2
            && matches!(self.w(i - 2), "over" | "through" | "throughout" | "across")
        {
            return Some(Found::other(
                e,
                TimexType::Duration,
                calendar::duration_value(None, unit),
                Source::Absolute,
            ));
        }
        let counted = self.tok(i.saturating_sub(1)).is_some_and(|t| t.number) && i > self.start;
        if !plural
            || unit == Unit::Weekend
            || counted
            || self.is(e, "old")
            || matches!(self.before(i), "the" | "these" | "those" | "recent" | "-")
        {
            return None;
        }
        Some(Found::other(e, TimexType::Duration, calendar::duration_value(None, unit), Source::Absolute))
    }

    /// A day of the month alone: "on the 15th", "the 1st".
    pub fn day_of_month(&self, i: usize) -> Option<Found> {
        let on = self.before(i) == "on"
            || (self.before(i) == "the" && i >= self.start + 2 && self.w(i - 2) == "on");
        let (day, e) = req!(self.day_number(i));
        let digits_ordinal = self.tok(i).is_some_and(|t| t.number) && e == i + 2;
        let ends = self.tok(e).is_none_or(|t| !t.norm.chars().next().is_some_and(char::is_alphanumeric));
        if !(ends && (on || digits_ordinal && self.before(i) == "the")) {
            return None;
        }
        let Some(dct) = self.env.dct else {
            return Some(Found::other(e, TimexType::Date, format!("XXXX-XX-{day:02}"), Source::Unknown));
        };
        let this_month = NaiveDate::from_ymd_opt(dct.year(), dct.month(), 1)?;
        let month_start = match self.tense() {
            Some(Tense::Past) if day > dct.day() => calendar::shift(this_month, -1, Unit::Month)?,
            Some(Tense::Past) => this_month,
            _ if day < dct.day() => calendar::shift(this_month, 1, Unit::Month)?,
            _ => this_month,
        };
        let date = NaiveDate::from_ymd_opt(month_start.year(), month_start.month(), day)?;
        Some(Found::date(e, day_point(date), Source::Document))
    }
}
