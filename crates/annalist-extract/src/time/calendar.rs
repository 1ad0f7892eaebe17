//! Calendar values: the points in time TIMEX3 writes (`2024-08-10`, `2013-W07`, `XXXX-07`),
//! their arithmetic and their written form.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::words::{HINDU_DATES, HolidayRule, Unit};
use super::world_calendars;

/// A calendar period at some grain, with the year unknown when the text does not give it and no
/// document time supplies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Point {
    /// A day.
    Day { year: Option<i32>, month: u32, day: u32 },
    /// A month.
    Month { year: Option<i32>, month: u32 },
    /// An ISO week.
    Week { year: i32, week: u32 },
    /// The weekend of an ISO week.
    Weekend { year: i32, week: u32 },
    /// A quarter, 1-4.
    Quarter { year: i32, quarter: u32 },
    /// A half year, 1-2.
    Half { year: i32, half: u32 },
    /// A season: `SP`, `SU`, `FA`, `WI`.
    Season { year: Option<i32>, season: &'static str },
    /// A year (negative: BC; written `BC0044`).
    Year(i32),
    /// A decade: 199 is the 1990s.
    Decade(i32),
    /// A century: 18 is the 19th century (1800-1899).
    Century(i32),
}

/// How fine a point is, coarsest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// The year used for arithmetic on dates whose year is unknown (a leap year, so 29 February
/// stays valid); the result is written with `XXXX` again.
const PROXY_YEAR: i32 = 2000;

impl Point {
    /// The TIMEX3 value, written digit by digit into one string (a `format!` per part cost
    /// more than the rest of reading the expression).
    pub fn value(&self) -> String {
        let mut out = String::with_capacity(16);
        match *self {
            Point::Day { year, month, day } => {
                push_year_or_unknown(&mut out, year);
                out.push('-');
                push_padded(&mut out, month, 2);
                out.push('-');
                push_padded(&mut out, day, 2);
            }
            Point::Month { year, month } => {
                push_year_or_unknown(&mut out, year);
                out.push('-');
                push_padded(&mut out, month, 2);
            }
            Point::Week { year, week } => {
                push_year(&mut out, year);
                out.push_str("-W");
                push_padded(&mut out, week, 2);
            }
            Point::Weekend { year, week } => {
                push_year(&mut out, year);
                out.push_str("-W");
                push_padded(&mut out, week, 2);
                out.push_str("-WE");
            }
            Point::Quarter { year, quarter } => {
                push_year(&mut out, year);
                out.push_str("-Q");
                push_padded(&mut out, quarter, 1);
            }
            Point::Half { year, half } => {
                push_year(&mut out, year);
                out.push_str("-H");
                push_padded(&mut out, half, 1);
            }
            Point::Season { year, season } => {
                push_year_or_unknown(&mut out, year);
                out.push('-');
                out.push_str(season);
            }
            Point::Year(y) => push_year(&mut out, y),
            Point::Decade(d) => push_signed(&mut out, d, 3),
            Point::Century(c) => push_signed(&mut out, c, 2),
        }
        out
    }

    /// How fine the point is.
    pub fn grain(&self) -> Grain {
        match self {
            Point::Day { .. } => Grain::Day,
            Point::Week { .. } | Point::Weekend { .. } => Grain::Week,
            Point::Month { .. } => Grain::Month,
            Point::Quarter { .. } | Point::Season { .. } => Grain::Quarter,
            Point::Half { .. } | Point::Year(_) => Grain::Year,
            Point::Decade(_) => Grain::Decade,
            Point::Century(_) => Grain::Century,
        }
    }

    /// Whether the year is known.
    pub fn year_known(&self) -> bool {
        !matches!(
            self,
            Point::Day { year: None, .. }
                | Point::Month { year: None, .. }
                | Point::Season { year: None, .. }
        )
    }

    /// The first day of the period (in the proxy year when the year is unknown).
    pub fn first_day(&self) -> Option<NaiveDate> {
        let y = |y: Option<i32>| y.unwrap_or(PROXY_YEAR);
        match *self {
            Point::Day { year, month, day } => NaiveDate::from_ymd_opt(y(year), month, day),
            Point::Month { year, month } => NaiveDate::from_ymd_opt(y(year), month, 1),
            Point::Week { year, week } | Point::Weekend { year, week } => {
                NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            }
            Point::Quarter { year, quarter } => NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1),
            Point::Half { year, half } => NaiveDate::from_ymd_opt(year, half * 6 - 5, 1),
            Point::Season { year, season } => {
                let month = match season {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                NaiveDate::from_ymd_opt(y(year), month, 1)
            }
            Point::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
            Point::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Point::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }
}

/// A year as TIMEX3 writes it: four digits at least, `BC` before years before the era.
fn push_year(out: &mut String, y: i32) {
    if y < 0 {
        out.push_str("BC");
    }
    push_padded(out, y.unsigned_abs(), 4);
}

/// [`push_year`], or `XXXX` for a year unknown.
fn push_year_or_unknown(out: &mut String, y: Option<i32>) {
    match y {
        Some(y) => push_year(out, y),
        None => out.push_str("XXXX"),
    }
}

/// `n` in decimal, zero-padded to `width` digits (as `{n:0width$}`).
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in len..width {
        out.push('0');
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// A signed number as `{n:0width$}` writes it: the sign first, counted in the width.
fn push_signed(out: &mut String, n: i32, width: usize) {
    if n < 0 {
        out.push('-');
        push_padded(out, n.unsigned_abs(), width.saturating_sub(1));
    } else {
        push_padded(out, n.unsigned_abs(), width);
    }
}

/// The period of `grain` that contains `date`; the year is dropped when `year_known` is false.
pub(crate) fn at_grain(date: NaiveDate, grain: Grain, year_known: bool) -> Point {
    let year = year_known.then_some(date.year());
    match grain {
        Grain::Day => Point::Day { year, month: date.month(), day: date.day() },
        Grain::Week if year_known => {
            let iso = date.iso_week();
            Point::Week { year: iso.year(), week: iso.week() }
        }
        Grain::Week | Grain::Month => Point::Month { year, month: date.month() },
        Grain::Quarter if year_known => Point::Quarter { year: date.year(), quarter: date.month0() / 3 + 1 },
        Grain::Quarter => Point::Month { year, month: date.month() },
        Grain::Year => Point::Year(date.year()),
        Grain::Decade => Point::Decade(date.year().div_euclid(10)),
        Grain::Century => Point::Century(date.year().div_euclid(100)),
    }
}

/// The grain a shift by `unit` is written at ("a month later" is a month).
pub(crate) fn unit_grain(unit: Unit) -> Grain {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Grain::Day,
        Unit::Week | Unit::Weekend | Unit::Fortnight => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
        Unit::Century | Unit::Millennium => Grain::Century,
    }
}

/// `date` moved by `n` units (clock units move by whole days, rounded toward zero).
pub(crate) fn shift(date: NaiveDate, n: i64, unit: Unit) -> Option<NaiveDate> {
    let months = |m: i64| {
        let k = Months::new(u32::try_from(m.unsigned_abs()).ok()?);
        if m >= 0 { date.checked_add_months(k) } else { date.checked_sub_months(k) }
    };
    match unit {
        Unit::Second => Some(date),
        Unit::Minute => date.checked_add_signed(Duration::try_days(n / 1440)?),
        Unit::Hour => date.checked_add_signed(Duration::try_days(n / 24)?),
        Unit::Day => date.checked_add_signed(Duration::try_days(n)?),
        Unit::Week | Unit::Weekend => date.checked_add_signed(Duration::try_weeks(n)?),
        Unit::Fortnight => date.checked_add_signed(Duration::try_weeks(n.checked_mul(2)?)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
        Unit::Millennium => months(n.checked_mul(12000)?),
    }
}

/// The TIMEX3 duration of `n` units (`None`: unspecified, "a few days" = `PXD`).
pub(crate) fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (scale, letter, clock) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Weekend => (1.0, "WE", false),
        Unit::Week => (1.0, "W", false),
        Unit::Fortnight => (2.0, "W", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (1.0, "Q", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
        Unit::Millennium => (1000.0, "Y", false),
    };
    let t = if clock { "T" } else { "" };
    match n {
        None if unit == Unit::Decade => "PXDE".to_owned(),
        None if unit == Unit::Century => "PXCE".to_owned(),
        None => format!("P{t}X{letter}"),
        Some(n) => {
            let v = n * scale;
            if v.fract() == 0.0 {
                format!("P{t}{}{letter}", v as i64)
            } else if clock && unit == Unit::Hour && (v * 60.0).fract() == 0.0 {
                format!("PT{}M", (v * 60.0) as i64)
            } else {
                format!("P{t}{v}{letter}")
            }
        }
    }
}

/// Western (Gregorian) Easter Sunday of `year` (the anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Orthodox Easter Sunday of `year` in the Gregorian calendar (Meeus's Julian algorithm,
/// moved by the Julian calendar's lag: 13 days from 1900 to 2099).
pub(crate) fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(4);
    let b = year.rem_euclid(7);
    let c = year.rem_euclid(19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    let lag = i64::from(year / 100 - year / 400 - 2);
    julian.checked_add_signed(Duration::try_days(lag)?)
}

/// The `n`-th `weekday` (1 = Monday) of `month` in `year`; `n` = -1 is the last one.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    let wd = weekday_of(weekday)?;
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
    } else {
        let last = last_day_of_month(year, month)?;
        let back = (7 + last.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
        let last_wd = last.checked_sub_signed(Duration::try_days(back)?)?;
        last_wd.checked_sub_signed(Duration::try_weeks(i64::from(-n - 1))?)
    }
}

/// The last day of `month` in `year`.
pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// chrono's weekday for 1 = Monday ... 7 = Sunday.
pub(crate) fn weekday_of(n: u32) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

/// The date of a holiday in `year`.
pub(crate) fn holiday_date(rule: HolidayRule, year: i32) -> Option<NaiveDate> {
    match rule {
        HolidayRule::Fixed(m, d, shifts) => shifts.moved(NaiveDate::from_ymd_opt(year, m, d)?),
        HolidayRule::Easter(n) => easter(year)?.checked_add_signed(Duration::try_days(n)?),
        HolidayRule::OrthodoxEaster(n) => orthodox_easter(year)?.checked_add_signed(Duration::try_days(n)?),
        HolidayRule::NthWeekday(n, wd, m) => nth_weekday(year, m, wd, n),
        HolidayRule::Event(y, m, d) => (y == year).then(|| NaiveDate::from_ymd_opt(y, m, d)).flatten(),
        HolidayRule::AfterThanksgiving(n) => {
            nth_weekday(year, 11, 4, 4)?.checked_add_signed(Duration::try_days(n)?)
        }
        HolidayRule::Islamic(m, d) => world_calendars::islamic(year, m, d),
        HolidayRule::Hebrew(m, d, shifts) => shifts.moved(world_calendars::hebrew(year, m, d)?),
        HolidayRule::Persian(m, d) => world_calendars::persian(year, m, d),
        HolidayRule::ChineseNewYear(n) => {
            world_calendars::chinese_new_year(year)?.checked_add_signed(Duration::try_days(n)?)
        }
        HolidayRule::Hindu(holiday, n) => {
            HINDU_DATES.dates.get(&(holiday, year))?.checked_add_signed(Duration::try_days(n)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_and_nth_weekday() {
        assert_eq!(easter(2013), NaiveDate::from_ymd_opt(2013, 3, 31));
        assert_eq!(easter(2010), NaiveDate::from_ymd_opt(2010, 4, 4));
        assert_eq!(orthodox_easter(2018), NaiveDate::from_ymd_opt(2018, 4, 8));
        assert_eq!(orthodox_easter(2025), NaiveDate::from_ymd_opt(2025, 4, 20));
        assert_eq!(nth_weekday(2013, 11, 4, 4), NaiveDate::from_ymd_opt(2013, 11, 28));
        assert_eq!(nth_weekday(2013, 3, 1, -1), NaiveDate::from_ymd_opt(2013, 3, 25));
    }

    #[test]
    fn values() {
        assert_eq!(Point::Month { year: None, month: 7 }.value(), "XXXX-07");
        assert_eq!(Point::Year(-2014).value(), "BC2014");
        assert_eq!(Point::Year(14).value(), "0014");
        assert_eq!(Point::Decade(199).value(), "199");
        // As `format!` writes them, whatever the value.
        for n in [-12345, -1000, -999, -100, -99, -10, -9, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 12345] {
            assert_eq!(
                Point::Year(n).value(),
                if n < 0 { format!("BC{:04}", -n) } else { format!("{n:04}") }
            );
            assert_eq!(Point::Decade(n).value(), format!("{n:03}"));
            assert_eq!(Point::Century(n).value(), format!("{n:02}"));
            let m = n.unsigned_abs();
            let day = Point::Day { year: Some(n), month: m, day: m % 40 };
            let year = if n < 0 { format!("BC{:04}", -n) } else { format!("{n:04}") };
            assert_eq!(day.value(), format!("{year}-{m:02}-{:02}", m % 40));
            assert_eq!(Point::Quarter { year: n, quarter: m }.value(), format!("{year}-Q{m}"));
            assert_eq!(Point::Weekend { year: n, week: m }.value(), format!("{year}-W{m:02}-WE"));
        }
        assert_eq!(duration_value(Some(2.5), Unit::Year), "P2.5Y");
        assert_eq!(duration_value(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(None, Unit::Day), "PXD");
    }
}
