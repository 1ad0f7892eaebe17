//! Holidays kept in other calendars than the Gregorian: the Islamic (Hijri), Hebrew, Persian
//! (Solar Hijri) and Chinese calendars. The news names their holidays ("Eid al-Fitr", "Yom
//! Kippur", "Nowruz", "Lunar New Year") and their Gregorian date moves from year to year.
//!
//! The conversions are the algorithms of Reingold and Dershowitz, *Calendrical Calculations*
//! (4th edition, 2018), as ICU4X's `calendrical_calculations` crate implements them:
//! - Islamic: the Saudi visibility criterion of the crescent (the Umm al-Qura calendar's
//!   principle). Where a country's announced sighting differs, the date may be a day off: no
//!   rule predicts announcements.
//! - Hebrew: the fixed arithmetic calendar; a holiday is dated by its day, not by the evening
//!   before on which it begins.
//! - Persian: the astronomical Solar Hijri calendar (Iran's, Afghanistan's).
//! - Chinese: the astronomical Chinese calendar (new moons and solar terms at Beijing).

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::sync::{LazyLock, Mutex};

use calendrical_calculations::chinese_based::{Chinese, YearBounds};
use calendrical_calculations::gregorian::fixed_from_gregorian;
use calendrical_calculations::hebrew::{ADAR, ADARII, BookHebrew};
use calendrical_calculations::islamic::fixed_from_saudi_islamic;
use calendrical_calculations::persian::fixed_from_fast_persian;
use calendrical_calculations::rata_die::RataDie;
use chrono::{Datelike, NaiveDate};

/// The Gregorian years asked about. The astronomical conversions are well behaved over many
/// centuries around today; a text naming a holiday outside these years is almost surely not
/// dating it (and a fuzzer's year 900,000 must not send them far afield).
const YEARS: RangeInclusive<i32> = 1600..=2400;

/// A calendar other than the Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Calendar {
    Islamic,
    Hebrew,
    Persian,
    Chinese,
}

/// The dates worked out so far, by calendar, month, day and Gregorian year. An astronomical
/// conversion takes most of a millisecond, far more than reading a whole article, and a corpus
/// names the same holidays of the same few years again and again. There are at most a few
/// thousand keys (the holidays' days times [`YEARS`]).
static WORKED_OUT: LazyLock<Mutex<HashMap<DayInYear, Option<NaiveDate>>>> = LazyLock::new(Mutex::default);

/// A day of another calendar (its month and day) in a Gregorian year.
type DayInYear = (Calendar, u8, u8, i32);

/// The date of `key`, worked out by `convert` the first time it is asked for.
fn remembered(key: DayInYear, convert: impl FnOnce() -> Option<NaiveDate>) -> Option<NaiveDate> {
    // A poisoned lock (a panic elsewhere while it was held) still holds right answers.
    if let Some(&known) = WORKED_OUT.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return known;
    }
    // Worked out without the lock held: another thread may do the same meanwhile, and both
    // find the same date.
    let date = convert();
    WORKED_OUT.lock().unwrap_or_else(|e| e.into_inner()).insert(key, date);
    date
}

/// The Gregorian date of a day counted from 1 January of the year 1 (Rata Die 1).
fn gregorian(day: RataDie) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day.to_i64_date()).ok()?)
}

/// Of the dates `candidates` gives for consecutive years of another calendar, in order, the
/// first in Gregorian `year`.
fn first_in(year: i32, candidates: impl Iterator<Item = RataDie>) -> Option<NaiveDate> {
    candidates.filter_map(gregorian).find(|date| date.year() == year)
}

/// Day `day` of month `month` of the Islamic calendar (1 = Muharram ... 9 = Ramadan, 10 =
/// Shawwal, 12 = Dhu al-Hijjah), as the Saudi criterion dates it: the first such day in
/// Gregorian `year`. An Islamic year is eleven days shorter than a Gregorian one, so a
/// Gregorian year now and then holds the day twice (Eid al-Fitr in 2000: January 8 and
/// December 27).
pub(crate) fn islamic(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    // The Islamic year that starts in Gregorian `year`, near enough: 1 AH began in 622 and
    // an Islamic year is 0.9702 Gregorian years. The Gregorian year holds days of that year,
    // the one before and now and then the one after; one more year before covers the
    // estimate's being a year off.
    let starting = (year - 622) * 10_000 / 9_702 + 1;
    remembered((Calendar::Islamic, month, day, year), || {
        first_in(year, (starting - 2..=starting + 1).map(|h| fixed_from_saudi_islamic(h, month, day)))
    })
}

/// Day `day` of month `month` of the Hebrew calendar in the biblical count (1 = Nisan ... 7 =
/// Tishri ... 12 = Adar), the first such day in Gregorian `year`. In a leap year the
/// holidays of Adar (Purim) fall in the second Adar.
pub(crate) fn hebrew(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    // The Hebrew year starts in the autumn: Gregorian `year` holds the end of year
    // `year` + 3760 and the start of `year` + 3761.
    remembered((Calendar::Hebrew, month, day, year), || {
        first_in(
            year,
            (year + 3760..=year + 3761).map(|h| {
                let month = if month == ADAR && BookHebrew::is_hebrew_leap_year(h) { ADARII } else { month };
                BookHebrew::fixed_from_book_hebrew(BookHebrew { year: h, month, day })
            }),
        )
    })
}

/// Day `day` of month `month` of the Persian calendar (1 = Farvardin, whose first day is
/// Nowruz), the first such day in Gregorian `year`.
pub(crate) fn persian(year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    if !YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // The Persian year starts at the March equinox: Gregorian `year` holds the end of year
    // `year` - 622 and the start of `year` - 621.
    remembered((Calendar::Persian, month, day, year), || {
        first_in(year, (year - 622..=year - 621).map(|p| fixed_from_fast_persian(p, month, day)))
    })
}

/// The first day of the Chinese year that starts in Gregorian `year` (between January 21 and
/// February 20).
pub(crate) fn chinese_new_year(year: i32) -> Option<NaiveDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    remembered((Calendar::Chinese, 1, 1, year), || {
        // The Chinese year under way on March 1 began on that year's New Year.
        gregorian(YearBounds::compute::<Chinese>(fixed_from_gregorian(year, 3, 1)).new_year)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks each `(year, expected date)` of a rule.
    #[track_caller]
    fn check(rule: impl Fn(i32) -> Option<NaiveDate>, expect: &[(i32, &str)]) {
        for &(year, date) in expect {
            let got = rule(year).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Some(date), "year {year}");
        }
    }

    #[test]
    fn islamic_holidays() {
        // Eid al-Fitr (1 Shawwal) and Eid al-Adha (10 Dhu al-Hijjah) as Saudi Arabia kept
        // them (timeanddate.com's and Wikipedia's tables).
        check(|y| islamic(y, 10, 1), &[(2018, "2018-06-15"), (2023, "2023-04-21"), (2024, "2024-04-10")]);
        check(|y| islamic(y, 12, 10), &[(2018, "2018-08-21"), (2023, "2023-06-28"), (2024, "2024-06-16")]);
        // The first of two in one Gregorian year.
        check(|y| islamic(y, 10, 1), &[(2000, "2000-01-08")]);
        // Islamic New Year (1 Muharram 1446).
        check(|y| islamic(y, 1, 1), &[(2024, "2024-07-07")]);
        // Asked again, the remembered date.
        check(|y| islamic(y, 10, 1), &[(2018, "2018-06-15"), (2000, "2000-01-08")]);
    }

    #[test]
    fn hebrew_holidays() {
        // Yom Kippur (10 Tishri), Passover (15 Nisan), Hanukkah (25 Kislev), and Purim (14
        // Adar), in the second Adar of the leap year 5784.
        check(|y| hebrew(y, 7, 10), &[(2018, "2018-09-19"), (2023, "2023-09-25")]);
        check(|y| hebrew(y, 1, 15), &[(2018, "2018-03-31"), (2024, "2024-04-23")]);
        check(|y| hebrew(y, 9, 25), &[(2023, "2023-12-08")]);
        check(|y| hebrew(y, 12, 14), &[(2023, "2023-03-07"), (2024, "2024-03-24")]);
    }

    #[test]
    fn persian_and_chinese_new_years() {
        check(|y| persian(y, 1, 1), &[(2023, "2023-03-21"), (2024, "2024-03-20")]);
        check(chinese_new_year, &[(2013, "2013-02-10"), (2014, "2014-01-31"), (2024, "2024-02-10")]);
    }

    #[test]
    fn years_and_days_out_of_range_give_nothing() {
        for year in [i32::MIN, -5000, 0, 1599, 2401, 900_000, i32::MAX] {
            assert_eq!(islamic(year, 10, 1), None);
            assert_eq!(hebrew(year, 7, 10), None);
            assert_eq!(persian(year, 1, 1), None);
            assert_eq!(chinese_new_year(year), None);
        }
        assert_eq!(islamic(2020, 13, 1), None);
        assert_eq!(hebrew(2020, 0, 1), None);
        assert_eq!(persian(2020, 1, 32), None);
    }

    #[test]
    fn every_year_in_range_has_its_holidays() {
        // Each Gregorian year holds each day of a lunar or lunisolar calendar at least once.
        for year in YEARS {
            assert!(islamic(year, 10, 1).is_some(), "{year}");
            assert!(hebrew(year, 7, 10).is_some(), "{year}");
            assert!(persian(year, 1, 1).is_some(), "{year}");
            assert!(chinese_new_year(year).is_some(), "{year}");
        }
    }
}
