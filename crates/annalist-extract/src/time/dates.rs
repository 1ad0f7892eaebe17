//! Calendar dates: "August 10", "10 August 2024", "Aug. 10", "2/15", "2020", "the 1990s", "the
//! 19th century", "spring 2023", "the third quarter", weekdays, holidays and "the first Monday
//! of March". A date the text gives without a year takes it from the document time, the
//! clause's tense choosing between the last and the next occurrence.

use annalist_core::TimexType;
use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::{self, Point};
use super::grammar::{Found, Grammar, SHORT_PHRASE, Source, req};
use super::words::{HolidayRule, Kind, Sense, Tense, Unit};

/// A date read from the text, before its year is resolved.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Parts {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
    pub weekday: Option<u32>,
    /// The year was counted from the document's ("March of last year").
    pub year_from_document: bool,
}

impl Parts {
    /// Day `day` of `month`, in `year` as written (or none).
    pub(crate) fn day(year: Option<i32>, month: u32, day: u32) -> Parts {
        Parts { year, month, day: Some(day), weekday: None, year_from_document: false }
    }

    /// The whole of `month`, in `year` as written (or none).
    pub(crate) fn month(year: Option<i32>, month: u32) -> Parts {
        Parts { year, month, day: None, weekday: None, year_from_document: false }
    }
}

impl Grammar<'_> {
    /// The point of a month (and day) without a year, or with one.
    pub fn resolve(&self, parts: Parts) -> (Point, Source) {
        let make = |year: Option<i32>| match parts.day {
            Some(day) => Point::Day { year, month: parts.month, day },
            None => Point::Month { year, month: parts.month },
        };
        if let Some(y) = parts.year {
            return (
                make(Some(y)),
                if parts.year_from_document { Source::Document } else { Source::Absolute },
            );
        }
        let Some(dct) = self.env.dct else { return (make(None), Source::Unknown) };
        let y = dct.year();
        let key =
            |year: i32| (year, parts.month, parts.day.unwrap_or(if parts.day.is_none() { 0 } else { 1 }));
        let now = (y, dct.month(), if parts.day.is_some() { dct.day() } else { 0 });
        // A day within a month of the document date is that one, whatever the tense says;
        // further away, the tense picks the last or the next occurrence.
        let near = parts.day.is_some_and(|day| {
            NaiveDate::from_ymd_opt(y, parts.month, day).is_some_and(|d| (d - dct).num_days().abs() <= 30)
        });
        let mut year = match self.tense() {
            _ if near => y,
            Some(Tense::Past) if key(y) > now => y - 1,
            Some(Tense::Future) | None if key(y) < now => y + 1,
            _ => y,
        };
        if let (Some(wd), Some(day)) = (parts.weekday, parts.day) {
            // "Fri, Jul 18": the nearest year where that day is that weekday.
            let fits = |yy: i32| {
                NaiveDate::from_ymd_opt(yy, parts.month, day)
                    .is_some_and(|d| d.weekday().number_from_monday() == wd)
            };
            if !fits(year)
                && let Some(found) = (1..8).flat_map(|k| [year - k, year + k]).find(|&yy| fits(yy))
            {
                year = found;
            }
        }
        (make(Some(year)), Source::Document)
    }

    /// The day of a weekday named alone: the last one at or before the document date in a past
    /// clause, the next one at or after it in a future clause, the next one after it otherwise.
    pub fn resolve_weekday(&self, wd: u32, end: usize) -> Found {
        let Some(dct) = self.env.dct else {
            return Found::other(end, TimexType::Date, format!("XXXX-WXX-{wd}"), Source::Unknown);
        };
        let today = dct.weekday().number_from_monday() as i64;
        let wd = i64::from(wd);
        let delta = match self.tense() {
            Some(Tense::Past) => -((today - wd).rem_euclid(7)),
            Some(Tense::Future) => (wd - today).rem_euclid(7),
            None => {
                let d = (wd - today).rem_euclid(7);
                if d == 0 { 7 } else { d }
            }
        };
        Found::date(end, day_point(dct + Duration::days(delta)), Source::Document)
    }

    /// A calendar date with at least a month: month-day, day-month, numeric and weekday forms.
    pub fn calendar_date(&self, i: usize) -> Option<(Parts, usize)> {
        self.memo.anchored(&self.memo.calendar_date, i, || self.read_calendar_date(i))
    }

    fn read_calendar_date(&self, i: usize) -> Option<(Parts, usize)> {
        if let Some((wd, e)) = self.weekday(i) {
            let j = self.opt(self.opt(e, ","), "the");
            if let Some((mut parts, e2)) = self.plain_date(j).filter(|(p, _)| p.day.is_some()) {
                parts.weekday = Some(wd);
                return Some((parts, e2));
            }
            // "Tuesday the 19th", "Tuesday 19th": the nearest month where that day is that weekday.
            let (day, e2) = req!(self.day_number(j));
            if self.month(e2).is_some()
                || self.year(e2).is_some()
                || self.tok(e2).is_some_and(|t| t.norm.chars().next().is_some_and(char::is_alphanumeric))
            {
                return None;
            }
            let dct = req!(self.env.dct);
            let step = if self.tense() == Some(Tense::Past) { -1 } else { 1 };
            let first = req!(NaiveDate::from_ymd_opt(dct.year(), dct.month(), 1));
            let found = (0..48).find_map(|k| {
                let month = calendar::shift(first, step * k, Unit::Month)?;
                let date = NaiveDate::from_ymd_opt(month.year(), month.month(), day)?;
                let ahead = if step > 0 { date >= dct } else { date <= dct };
                (ahead && date.weekday().number_from_monday() == wd).then_some(date)
            });
            let date = req!(found);
            return Some((
                Parts { weekday: Some(wd), ..Parts::day(Some(date.year()), date.month(), day) },
                e2,
            ));
        }
        let (mut parts, e) = req!(self.plain_date(i));
        // "Jul 18, Fri".
        if parts.day.is_some()
            && self.is(e, ",")
            && let Some((wd, e2)) = self.weekday(e + 1)
        {
            parts.weekday = Some(wd);
            return Some((parts, e2));
        }
        Some((parts, e))
    }

    fn plain_date(&self, i: usize) -> Option<(Parts, usize)> {
        if let Some(found) = self.numeric_date(i) {
            return Some(found);
        }
        // MONTH [the] DAY [,] [YEAR] | MONTH [of|,] YEAR
        if let Some((month, e, _)) = self.month(i) {
            let j = self.opt(e, "the");
            if let Some((day, e2)) = self.day_number(j)
                && self.year(j).is_none()
                && !(self.is(e2, ":") || self.unit(e2).is_some() || self.is(e2, "%"))
            {
                let k = self.opt(e2, ",");
                if let Some((year, e3)) = self.year(k) {
                    return Some((Parts::day(Some(year), month, day), e3));
                }
                return Some((Parts::day(None, month, day), e2));
            }
            let k = self.opt(self.opt(e, ","), "of");
            if let Some((year, e2)) = self.year(k) {
                return Some((Parts::month(Some(year), month), e2));
            }
            // "March of last year", "October next year" (not "In March, last year's winner").
            if let Some((rel, e2)) = self.relative_word(self.opt(self.opt(e, "of"), "the"))
                && matches!(self.w(e2), "year" | "yr")
                && self.w(e2 + 1) != "'s"
                && let Some(dct) = self.env.dct
            {
                let parts = Parts { year_from_document: true, ..Parts::month(Some(dct.year() + rel), month) };
                return Some((parts, e2 + 1));
            }
            return None;
        }
        // DAY [of] MONTH [,] [YEAR] | DAY / MONTH / YEAR
        let (day, e) = req!(self.day_number(i));
        let sep = if matches!(self.w(e), "/" | "-") { Some(self.w(e)) } else { None };
        let j = if sep.is_some() { e + 1 } else { self.opt(e, "of") };
        let (month, e2, _) = req!(self.month(j));
        if let Some(sep) = sep {
            if self.is(e2, sep)
                && let Some((y, len)) = self.digits(e2 + 1)
            {
                let year = if len == 2 { Self::short_year(y) } else { y as i32 };
                return Some((Parts::day(Some(year), month, day), e2 + 2));
            }
            return Some((Parts::day(None, month, day), e2));
        }
        let k = self.opt(e2, ",");
        if let Some((year, e3)) = self.year(k) {
            return Some((Parts::day(Some(year), month, day), e3));
        }
        // "14th April 15": a two-digit year after an ordinal day ends the phrase.
        if let Some((y, 2)) = self.digits(e2)
            && self.tok(e2 + 1).is_none()
            && self.w(i + 1) != "of"
            && self.ordinal(i).is_some()
        {
            return Some((Parts::day(Some(Self::short_year(y)), month, day), e2 + 1));
        }
        Some((Parts::day(None, month, day), e2))
    }

    /// Numeric dates as Duckling reads them: "2/15", "10/31/1974", "15/2/2013", "10.31.1974",
    /// "2015-03-03", "2/2013", "2014-10", and "2-15" when the day cannot be a score.
    fn numeric_date(&self, i: usize) -> Option<(Parts, usize)> {
        let tok = req!(self.tok(i));
        if !tok.number {
            return None;
        }
        let w = tok.norm.as_ref();
        let (fields, end) = if w.contains('/') || w.matches('.').count() == 2 {
            let sep = if w.contains('/') { '/' } else { '.' };
            let fields: Vec<&str> = w.split(sep).collect();
            (
                fields
                    .iter()
                    .map(|f| f.parse::<u32>().ok().map(|n| (n, f.len())))
                    .collect::<Option<Vec<_>>>()?,
                i + 1,
            )
        } else if self.digits(i).is_some() && self.is(i + 1, "-") || self.is(i + 1, "/") {
            let sep = self.w(i + 1);
            let mut fields = vec![req!(self.digits(i))];
            let mut j = i + 1;
            while fields.len() < 3 && self.is(j, sep) && self.digits(j + 1).is_some() {
                fields.push(req!(self.digits(j + 1)));
                j += 2;
            }
            if fields.len() < 2 {
                return None;
            }
            (fields, j)
        } else {
            return None;
        };
        let year_of = |(n, len): (u32, usize)| {
            if len == 4 {
                Some(n as i32)
            } else if len == 2 {
                Some(Self::short_year(n))
            } else {
                None
            }
        };
        let valid =
            |y: Option<i32>, m: u32, d: u32| NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d).is_some();
        let parts = match fields.as_slice() {
            [(y, 4), (m, _)] if (1..=12).contains(m) => Parts::month(Some(*y as i32), *m),
            [(m, ml), (y, 4)] if (1..=12).contains(m) && *ml <= 2 => Parts::month(Some(*y as i32), *m),
            [(a, al), (b, bl)] if *al <= 2 && *bl <= 2 => {
                let hyphen = self.is(i + 1, "-");
                let (m, d) = if *a <= 12 { (*a, *b) } else { (*b, *a) };
                if !valid(None, m, d) || (hyphen && d < 13) || *a == 0 || self.measured(end) {
                    return None;
                }
                Parts::day(None, m, d)
            }
            [(y, 4), (m, _), (d, _)] => Parts::day(Some(*y as i32), *m, *d),
            [(a, al), (b, bl), y] if *al <= 2 && *bl <= 2 => {
                let (m, d) = if *a <= 12 { (*a, *b) } else { (*b, *a) };
                Parts::day(year_of(*y), m, d)
            }
            _ => return None,
        };
        if parts.year.is_none() && fields.len() == 3 {
            return None;
        }
        if !valid(parts.year, parts.month, parts.day.unwrap_or(1)) {
            return None;
        }
        Some((parts, end))
    }

    /// Whether what follows token `i - 1` is what a fraction measures: a unit ("1/2 hour",
    /// "3/4h"), "of" ("3/4 of the vote"), points or percent ("rose 1/2 point"). "1/2" then is
    /// not the 2nd of January.
    fn measured(&self, i: usize) -> bool {
        self.unit(i).is_some()
            || matches!(self.w(i), "of" | "point" | "points" | "percent" | "%" | "percentage")
    }

    /// A year with an optional era, a decade ("the 1990s", "'90s", "70s"), or a century ("the
    /// 19th century").
    pub fn year_expr(&self, i: usize) -> Option<Found> {
        // Decades: 1990s, 1990's, '90s, 70s.
        let j = if self.is(i, "'") || self.is(i, "‘") { i + 1 } else { i };
        if let Some((n, len)) = self.digits(j)
            && (len == 4 || len == 2)
            && n % 10 == 0
        {
            let e = if self.is(j + 1, "s") && self.glued(j + 1) {
                Some(j + 2)
            } else if self.is(j + 1, "'") && self.is(j + 2, "s") && self.glued(j + 1) {
                Some(j + 3)
            } else {
                None
            };
            if let Some(e) = e {
                let decade = if len == 4 { n as i32 / 10 } else { 190 + n as i32 / 10 };
                return Some(Found::date(e, Point::Decade(decade), Source::Absolute));
            }
        }
        // Centuries.
        if let Some((Some(n), e)) = self.ordinal(i) {
            let e = self.opt(e, "-");
            if (1..=30).contains(&n) && matches!(self.w(e), "century") {
                return Some(Found::date(e + 1, Point::Century(n as i32 - 1), Source::Absolute));
            }
        }
        // Years with an era: "2014 BC", "14 a.d.".
        if let Some((n, _)) = self.digits(i)
            && let Some((bc, e)) = self.sense(i + 1, Kind::Era, |s| match s {
                Sense::Era(bc) => Some(bc),
                _ => None,
            })
            && n > 0
        {
            let y = n as i32;
            return Some(Found::date(e, Point::Year(if bc { -y } else { y }), Source::Absolute));
        }
        let (y, e) = req!(self.year(i));
        // A number of things, not a year: "2000 troops", "$1500".
        let next = self.w(e);
        let counted = self.tok(e).is_some_and(|t| {
            !t.number
                && !t.capital
                && next.len() > 3
                && next.ends_with('s')
                && self.senses(e).next().is_none()
        });
        // Counts that large are mostly written "2,000"; a bare number that is not a round
        // hundred is a year even before a plural ("2030 targets").
        let counted = counted && y % 100 == 0;
        let money = matches!(self.before(i), "$" | "€" | "£" | "¥" | "#" | "no" | "number");
        if counted
            || money
            || matches!(next, "%" | "percent" | "per" | "km" | "kilometers" | "miles" | "people")
        {
            return None;
        }
        Some(Found::date(e, Point::Year(y), Source::Absolute))
    }

    /// A quarter or half: "the third quarter [of 2018]", "3rd qtr", "Q4 2018", "18q4", "2018Q4",
    /// "third-quarter", "the first half of 2009".
    pub fn quarter(&self, i: usize) -> Option<Found> {
        // 2018Q4, 18q4
        if let Some((n, len)) = self.digits(i)
            && self.is(i + 1, "q")
            && self.glued(i + 1)
            && let Some((q, _)) = self.digits(i + 2)
            && (1..=4).contains(&q)
            && (len == 4 || len == 2)
        {
            let year = if len == 4 { n as i32 } else { Self::short_year(n) };
            return Some(Found::date(i + 3, Point::Quarter { year, quarter: q }, Source::Absolute));
        }
        // Q4 [2018]
        if self.is(i, "q")
            && let Some((q, 1)) = self.digits(i + 1)
            && self.glued(i + 1)
            && (1..=4).contains(&q)
        {
            let (point, source, e) =
                self.period_year(i + 2, |year| Point::Quarter { year, quarter: q }, q * 3);
            return point.map(|p| Found::date(e, p, source));
        }
        let (ord, e) = req!(self.ordinal(i));
        let e = self.opt(e, "-");
        let (count, unit_end) = match self.w(e) {
            "quarter" | "qtr" => (4, e + 1),
            "half" => (2, e + 1),
            _ => return None,
        };
        let n = match ord {
            Some(n) if (1..=count).contains(&n) => n,
            None => count,
            _ => return None,
        };
        let make = |year: i32| {
            if count == 4 { Point::Quarter { year, quarter: n } } else { Point::Half { year, half: n } }
        };
        if count == 2 && !self.is(unit_end, "of") {
            return None;
        }
        let (point, source, e) = self.period_year(unit_end, make, n * 12 / count);
        point.map(|p| Found::date(e, p, source))
    }

    /// The year of a period named without one, or given after it ("of 2018", "2018", "of this
    /// year", "of last year"); `last_month` is the period's last month, to pick the year by tense.
    pub fn period_year(
        &self,
        i: usize,
        make: impl Fn(i32) -> Point,
        last_month: u32,
    ) -> (Option<Point>, Source, usize) {
        let j = self.opt(self.opt(i, ","), "of");
        if let Some((y, e)) = self.year(j) {
            return (Some(make(y)), Source::Absolute, e);
        }
        let k = self.opt(j, "the");
        if let Some((rel, e)) = self.sense(k, Kind::Relative, |s| match s {
            Sense::Relative(r) => Some(r),
            _ => None,
        }) && matches!(self.w(e), "year" | "yr")
        {
            return match self.env.dct {
                Some(d) => (Some(make(d.year() + rel)), Source::Document, e + 1),
                None => (None, Source::Unknown, e + 1),
            };
        }
        if j > i && self.is(k, "year") && k > j {
            return match self.env.dct {
                Some(d) => (Some(make(d.year())), Source::Document, k + 1),
                None => (None, Source::Unknown, k + 1),
            };
        }
        match self.env.dct {
            Some(d) => {
                let first_month = last_month.saturating_sub(2).max(1);
                let year = match self.tense() {
                    Some(Tense::Past) if first_month > d.month() => d.year() - 1,
                    _ => d.year(),
                };
                (Some(make(year)), Source::Document, i)
            }
            None => (None, Source::Unknown, i),
        }
    }

    /// A season: "spring 2023", "the summer of 2008", "autumn", "this spring".
    pub fn season(&self, i: usize) -> Option<Found> {
        let (season, e) = req!(self.sense(i, Kind::Season, |s| match s {
            Sense::Season(s) => Some(s),
            _ => None,
        }));
        let tok = req!(self.tok(i));
        let k = self.opt(e, "of");
        if let Some((y, e2)) = self.year(k) {
            return Some(Found::date(e2, Point::Season { year: Some(y), season }, Source::Absolute));
        }
        // "fall" and "spring" are common words: alone they need a determiner or preposition,
        // and a capitalised one after a capitalised word is a name ("Arab Spring").
        let before = self.before(i);
        let prev_capital = i > self.start && self.toks[i - 1].capital && i - 1 > self.start;
        if prev_capital && tok.capital {
            return None;
        }
        let ok = matches!(
            before,
            "the"
                | "in"
                | "this"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "-"
                | "that"
                | "during"
                | "by"
                | "until"
                | "since"
        ) || (tok.capital && !matches!(tok.norm.as_ref(), "fall" | "spring"));
        if !ok || (self.is(e, "of") && !tok.capital) {
            return None;
        }
        match self.env.dct {
            Some(d) => Some(Found::date(e, Point::Season { year: Some(d.year()), season }, Source::Document)),
            None => Some(Found::date(e, Point::Season { year: None, season }, Source::Unknown)),
        }
    }

    /// A holiday: "Christmas", "Easter 2010", "Thanksgiving of next year", "last Easter".
    pub fn holiday(&self, i: usize, shift: Option<i32>) -> Option<Found> {
        let entries = req!(req!(self.tok(i)).info).holidays.as_slice();
        let (rule, e) = req!(entries.iter().find_map(|h| {
            let mut j = i + 1;
            for w in &h.rest {
                // Some write the possessive without apostrophe ("new years eve").
                if self.w(j) == *w {
                    j += 1;
                } else if *w == "'s" && self.w(j - 1).ends_with('s') {
                    continue;
                } else if w.contains('\'') && self.w(j).chars().eq(w.chars().filter(|&c| c != '\'')) {
                    j += 1;
                } else {
                    return None;
                }
            }
            Some((h.rule, j))
        }));
        let first = req!(self.tok(i));
        // One-word holiday names that are also common words need a capital.
        if e == i + 1
            && !first.capital
            && self.end - self.start > SHORT_PHRASE
            && matches!(first.norm.as_ref(), "easter" | "pentecost")
        {
            return None;
        }
        // "the Good Friday Agreement", "the Yom Kippur War": a longer name, no time.
        if first.capital && self.inside_longer_name(i, e) {
            return None;
        }
        if let HolidayRule::Event(y, m, d) = rule {
            // A day named by what happened is a name: "a black Monday for the markets" is no
            // 19 October 1987 (a digit opens "9/11").
            if !(first.capital || first.number) {
                return None;
            }
            let date = req!(NaiveDate::from_ymd_opt(y, m, d));
            return Some(Found::date(e, day_point(date), Source::Absolute));
        }
        // "Easter 2024", "Easter, 2024", "Easter of 2024", "Easter in 2024".
        let k = if self.is(e, "in") { e + 1 } else { self.opt(self.opt(e, ","), "of") };
        if let Some((y, e2)) = self.year(k) {
            let date = req!(calendar::holiday_date(rule, y));
            return Some(Found::date(e2, day_point(date), Source::Absolute));
        }
        // "Thanksgiving of next year".
        if self.is(e, "of")
            && let Some((rel, e2)) = self.relative_word(self.opt(k, "the"))
            && self.is(e2, "year")
            && let Some(dct) = self.env.dct
        {
            let date = req!(calendar::holiday_date(rule, dct.year() + rel));
            return Some(Found::date(e2 + 1, day_point(date), Source::Document));
        }
        let Some(dct) = self.env.dct else {
            return Some(Found::other(e, TimexType::Date, "XXXX-XX-XX".to_owned(), Source::Unknown));
        };
        let this = |y: i32| calendar::holiday_date(rule, y);
        let (Some(prev), Some(cur), Some(next)) =
            (this(dct.year() - 1), this(dct.year()), this(dct.year() + 1))
        else {
            return None;
        };
        let upcoming = if cur >= dct { cur } else { next };
        let last = if cur < dct { cur } else { prev };
        let near = (cur - dct).num_days().abs() <= 30;
        let date = match (shift, self.tense()) {
            (None, _) if near => cur,
            (Some(s), _) if s < 0 => last,
            (Some(s), _) if s > 0 => upcoming,
            (_, Some(Tense::Past)) => last,
            _ => upcoming,
        };
        Some(Found::date(e, day_point(date), Source::Document))
    }

    /// "the first Monday of March", "last Sunday of March 2014", "third day of october", "the
    /// 5th last day of May", "first week of october 2014", "20th of next month", "the first
    /// Monday of this month".
    pub fn ordinal_of(&self, i: usize) -> Option<Found> {
        let (ord, e) = req!(self.ordinal(i).or_else(|| self.cardinal(i, false).map(|(n, e)| (Some(n), e))));
        let (ord, e, from_end) = match ord {
            Some(n) if self.is(e, "last") => (n, e + 1, true),
            Some(n) => (n, e, false),
            None => (1, e, true),
        };
        if ord == 0 {
            return None;
        }
        enum What {
            Weekday(u32),
            Day,
            Week,
        }
        let (what, e) = if let Some((wd, e2)) = self.weekday(e) {
            (What::Weekday(wd), e2)
        } else if self.is(e, "day") {
            (What::Day, e + 1)
        } else if self.is(e, "week") {
            (What::Week, e + 1)
        } else {
            (What::Day, e)
        };
        if !matches!(self.w(e), "of" | "in") {
            return None;
        }
        let (first, last, source, e2) = req!(self.period_after(e + 1));
        let date = match what {
            What::Weekday(wd) => {
                let wd = req!(calendar::weekday_of(wd));
                if from_end {
                    let back = (7 + last.weekday().num_days_from_monday() as i64
                        - wd.num_days_from_monday() as i64)
                        % 7;
                    last - Duration::days(back + 7 * (i64::from(ord) - 1))
                } else {
                    let fwd = (7 + wd.num_days_from_monday() as i64
                        - first.weekday().num_days_from_monday() as i64)
                        % 7;
                    first + Duration::days(fwd + 7 * (i64::from(ord) - 1))
                }
            }
            What::Day => {
                if from_end {
                    last - Duration::days(i64::from(ord) - 1)
                } else {
                    first + Duration::days(i64::from(ord) - 1)
                }
            }
            What::Week => {
                // Weeks wholly inside the period, Monday to Sunday.
                let first_monday =
                    first + Duration::days((7 - first.weekday().num_days_from_monday() as i64) % 7);
                let last_sunday =
                    last - Duration::days((last.weekday().num_days_from_monday() as i64 + 1) % 7);
                let monday = if from_end {
                    last_sunday - Duration::days(6 + 7 * (i64::from(ord) - 1))
                } else {
                    first_monday + Duration::days(7 * (i64::from(ord) - 1))
                };
                let iso = monday.iso_week();
                return (monday >= first && monday <= last)
                    .then(|| Found::date(e2, Point::Week { year: iso.year(), week: iso.week() }, source));
            }
        };
        (date >= first && date <= last).then(|| Found::date(e2, day_point(date), source))
    }

    /// A month or year named as the frame of "the first Monday of ...": its first and last
    /// days.
    fn period_after(&self, i: usize) -> Option<(NaiveDate, NaiveDate, Source, usize)> {
        let j = self.opt(i, "the");
        if let Some((month, e, _)) = self.month(j) {
            let k = self.opt(e, ",");
            let (year, source, e) = match self.year(k) {
                Some((y, e2)) => (y, Source::Absolute, e2),
                None => {
                    let (p, source) = self.resolve(Parts::month(None, month));
                    let Point::Month { year: Some(y), .. } = p else { return None };
                    (y, source, e)
                }
            };
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some((first, calendar::last_day_of_month(year, month)?, source, e));
        }
        if let Some((y, e)) = self.year(j) {
            return Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
                Source::Absolute,
                e,
            ));
        }
        let dct = self.env.dct?;
        let (rel, e) = self
            .sense(j, Kind::Relative, |s| match s {
                Sense::Relative(r) => Some(r),
                _ => None,
            })
            .unwrap_or((0, j));
        if self.is(e, "month") && (e > j || j > i) {
            let first = calendar::shift(
                NaiveDate::from_ymd_opt(dct.year(), dct.month(), 1)?,
                i64::from(rel),
                Unit::Month,
            )?;
            return Some((
                first,
                calendar::last_day_of_month(first.year(), first.month())?,
                Source::Document,
                e + 1,
            ));
        }
        None
    }
}

/// The day point of a date.
pub(crate) fn day_point(date: NaiveDate) -> Point {
    Point::Day { year: Some(date.year()), month: date.month(), day: date.day() }
}
