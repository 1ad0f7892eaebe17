//! Reading TIMEX3 values for the timeline: where on the calendar they fall and how to say
//! them without claiming more than the text does.
//!
//! A value may leave its year unknown (`XXXX-07`), name only a month, a week, a quarter or a
//! season, or be vague (`PAST_REF`). The timeline sorts by [`Position`] and shows
//! [`label`]: "mid-July, year unknown" rather than an invented date.

use annalist_core::TimexMod;
use chrono::{Datelike, NaiveDate};

/// Where a TIMEX value falls, for sorting. Derived `Ord` gives the timeline's order: dated
/// values of known year first (by year, then by an estimated day within the year, coarse
/// periods before the days inside them), then values whose year is unknown (by month and day),
/// then vague references, then values that are no calendar position at all (durations, sets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    /// A known year; `day` is the estimated day of the year (1-based, 0 for the whole year),
    /// `granularity` ranks coarse periods before finer ones starting the same day.
    Dated {
        /// Year.
        year: i32,
        /// Estimated day of the year the value starts at (0: the whole year).
        day: u32,
        /// 0 year, 1 season/quarter, 2 month, 3 week, 4 day.
        granularity: u8,
        /// Order of the `mod` within the same value: before, start, mid, end, after.
        modifier: u8,
    },
    /// Month (and maybe day) known, year not: `XXXX-07`, `XXXX-08-10`.
    YearUnknown {
        /// Month 1-12.
        month: u32,
        /// Estimated day of the month (0: the whole month).
        day: u32,
        /// Order of the `mod`.
        modifier: u8,
    },
    /// `PAST_REF` (0), `PRESENT_REF` (1), `FUTURE_REF` (2).
    Vague(u8),
    /// Not a calendar position: durations, recurrences, unreadable values.
    Nowhere,
}

impl Position {
    /// The calendar date the position stands for on the timeline drawing, when its year is known.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Position::Dated { year, day, .. } => NaiveDate::from_yo_opt(year, day.max(1)),
            _ => None,
        }
    }

    /// The section of the timeline a position belongs to.
    pub fn section(self) -> Section {
        match self {
            Position::Dated { .. } => Section::Dated,
            Position::YearUnknown { .. } => Section::YearUnknown,
            Position::Vague(_) => Section::Vague,
            Position::Nowhere => Section::Nowhere,
        }
    }
}

/// A part of the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// Known year.
    Dated,
    /// Month or day known, year unknown.
    YearUnknown,
    /// Past, present or future without a date.
    Vague,
    /// Durations and recurrences.
    Nowhere,
}

fn modifier_rank(m: Option<TimexMod>) -> u8 {
    match m {
        Some(TimexMod::Before | TimexMod::OnOrBefore) => 0,
        Some(TimexMod::Start) => 1,
        None | Some(TimexMod::Approx | TimexMod::Mid) => 2,
        Some(TimexMod::End) => 3,
        Some(TimexMod::After | TimexMod::OnOrAfter) => 4,
        Some(TimexMod::LessThan | TimexMod::MoreThan | TimexMod::EqualOrLess | TimexMod::EqualOrMore) => 2,
    }
}

/// The estimated day of a month a `mod` points at when no day is given: early, mid, late.
fn day_in_month(m: Option<TimexMod>) -> u32 {
    match m {
        Some(TimexMod::Start) => 5,
        Some(TimexMod::Mid) => 15,
        Some(TimexMod::End) => 25,
        _ => 0,
    }
}

fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn ordinal(year: i32, month: u32, day: u32) -> u32 {
    NaiveDate::from_ymd_opt(year, month, day.max(1)).map_or(0, |d| d.ordinal())
}

/// Where `value` falls. Unreadable values are [`Position::Nowhere`], never an error.
pub fn position(value: &str, modifier: Option<TimexMod>) -> Position {
    let rank = modifier_rank(modifier);
    match value {
        "PAST_REF" => return Position::Vague(0),
        "PRESENT_REF" => return Position::Vague(1),
        "FUTURE_REF" => return Position::Vague(2),
        _ => {}
    }
    // A time of day only refines a date: drop it.
    let date = value.split('T').next().unwrap_or("");
    let parts: Vec<&str> = date.split('-').collect();
    let year_part = parts.first().copied().unwrap_or("");
    if year_part == "XXXX" {
        let Some(month) = parts.get(1).and_then(|m| number::<u32>(m)).filter(|m| (1..=12).contains(m)) else {
            return Position::Nowhere;
        };
        let day = parts.get(2).and_then(|d| number::<u32>(d)).unwrap_or_else(|| day_in_month(modifier));
        return Position::YearUnknown { month, day, modifier: rank };
    }
    // Decades ("201" is the 2010s) and centuries ("20").
    let year: i32 = match year_part.len() {
        4 => match number(year_part) {
            Some(y) => y,
            None => return Position::Nowhere,
        },
        3 if parts.len() == 1 => match number::<i32>(year_part) {
            Some(d) => return Position::Dated { year: d * 10, day: 0, granularity: 0, modifier: rank },
            None => return Position::Nowhere,
        },
        2 if parts.len() == 1 => match number::<i32>(year_part) {
            Some(c) => return Position::Dated { year: c * 100, day: 0, granularity: 0, modifier: rank },
            None => return Position::Nowhere,
        },
        _ => return Position::Nowhere,
    };
    let dated = |day: u32, granularity: u8| Position::Dated { year, day, granularity, modifier: rank };
    let Some(second) = parts.get(1) else {
        return dated(0, 0);
    };
    if let Some(week) = second.strip_prefix('W') {
        return match number::<u32>(week)
            .and_then(|w| NaiveDate::from_isoywd_opt(year, w, chrono::Weekday::Mon))
        {
            Some(d) if d.year() == year => dated(d.ordinal(), 3),
            Some(_) => dated(1, 3),
            None => Position::Nowhere,
        };
    }
    if let Some(q) = second.strip_prefix('Q') {
        return match number::<u32>(q).filter(|q| (1..=4).contains(q)) {
            Some(q) => dated(ordinal(year, 3 * q - 2, 1), 1),
            None => Position::Nowhere,
        };
    }
    if let Some(h) = second.strip_prefix('H') {
        return match number::<u32>(h).filter(|h| (1..=2).contains(h)) {
            Some(h) => dated(ordinal(year, 6 * h - 5, 1), 1),
            None => Position::Nowhere,
        };
    }
    let season = match *second {
        "SP" => Some(3),
        "SU" => Some(6),
        "FA" => Some(9),
        "WI" => Some(12),
        _ => None,
    };
    if let Some(month) = season {
        return dated(ordinal(year, month, 1), 1);
    }
    let Some(month) = number::<u32>(second).filter(|m| (1..=12).contains(m)) else {
        return Position::Nowhere;
    };
    match parts.get(2).map(|d| number::<u32>(d)) {
        None => match day_in_month(modifier) {
            0 => dated(ordinal(year, month, 1), 2),
            d => dated(ordinal(year, month, d), 2),
        },
        Some(Some(day)) if NaiveDate::from_ymd_opt(year, month, day).is_some() => {
            dated(ordinal(year, month, day), 4)
        }
        Some(_) => Position::Nowhere,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(m: u32) -> &'static str {
    MONTHS.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?")
}

/// How a TIMEX value reads to a person, keeping what is unknown unknown: `XXXX-07` with `MID`
/// is "mid-July, year unknown"; `2024-08-10` is "10 August 2024"; `P3D` is "3 days (duration)".
pub fn label(value: &str, modifier: Option<TimexMod>) -> String {
    let plain = plain_label(value);
    // "the 1990s" reads "the early 1990s", not "early the 1990s".
    if let Some(period) = plain.strip_prefix("the ") {
        let qualified = match modifier {
            Some(TimexMod::Start) => Some(format!("the early {period}")),
            Some(TimexMod::Mid) => Some(format!("the mid-{period}")),
            Some(TimexMod::End) => Some(format!("the late {period}")),
            _ => None,
        };
        if let Some(q) = qualified {
            return q;
        }
    }
    match modifier {
        None => plain,
        Some(TimexMod::Start) => format!("early {plain}"),
        Some(TimexMod::Mid) => format!("mid-{plain}"),
        Some(TimexMod::End) => format!("late {plain}"),
        Some(TimexMod::Approx) => format!("about {plain}"),
        Some(TimexMod::Before) => format!("before {plain}"),
        Some(TimexMod::After) => format!("after {plain}"),
        Some(TimexMod::OnOrBefore) => format!("on or before {plain}"),
        Some(TimexMod::OnOrAfter) => format!("on or after {plain}"),
        Some(TimexMod::LessThan) => format!("less than {plain}"),
        Some(TimexMod::MoreThan) => format!("more than {plain}"),
        Some(TimexMod::EqualOrLess) => format!("at most {plain}"),
        Some(TimexMod::EqualOrMore) => format!("at least {plain}"),
    }
}

fn plain_label(value: &str) -> String {
    match value {
        "PAST_REF" => return "the past".to_owned(),
        "PRESENT_REF" => return "the present".to_owned(),
        "FUTURE_REF" => return "the future".to_owned(),
        _ => {}
    }
    if let Some(duration) = value.strip_prefix('P') {
        return format!("{} (duration)", duration_label(duration));
    }
    let (date, clock) = match value.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let year = parts.first().copied().unwrap_or("");
    let year_text = match year {
        "XXXX" => None,
        y if y.len() == 4 && number::<i32>(y).is_some() => Some(y.to_owned()),
        y if y.len() == 3 && number::<i32>(y).is_some() && parts.len() == 1 => return format!("the {y}0s"),
        y if y.len() == 2 && parts.len() == 1 => match number::<i32>(y) {
            Some(c) => return format!("the {}{} century", c + 1, ordinal_suffix(c + 1)),
            None => return value.to_owned(),
        },
        _ => return value.to_owned(),
    };
    let with_year = |s: String| match &year_text {
        Some(y) if s.is_empty() => y.clone(),
        Some(y) => format!("{s} {y}"),
        None if s.is_empty() => "year unknown".to_owned(),
        None => format!("{s}, year unknown"),
    };
    let mut text = match parts.get(1).copied() {
        None => with_year(String::new()),
        Some(w) if w.starts_with('W') => {
            with_year(format!("week {}", w.trim_start_matches('W').trim_start_matches('0')))
        }
        Some(q) if q.starts_with('Q') => with_year(format!("quarter {}", &q[1..])),
        Some(h) if h.starts_with('H') => with_year(format!("half {}", &h[1..])),
        Some("SP") => with_year("spring".to_owned()),
        Some("SU") => with_year("summer".to_owned()),
        Some("FA") => with_year("autumn".to_owned()),
        Some("WI") => with_year("winter".to_owned()),
        Some(m) => match number::<u32>(m).filter(|m| (1..=12).contains(m)) {
            None => return value.to_owned(),
            Some(m) => match parts.get(2).and_then(|d| number::<u32>(d)) {
                Some(d) => with_year(format!("{d} {}", month_name(m))),
                None => with_year(month_name(m).to_owned()),
            },
        },
    };
    if let Some(clock) = clock {
        let part = match clock {
            "MO" => "morning",
            "AF" => "afternoon",
            "EV" => "evening",
            "NI" => "night",
            "DT" => "daytime",
            c => c,
        };
        text = format!("{text}, {part}");
    }
    text
}

fn ordinal_suffix(n: i32) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn duration_label(d: &str) -> String {
    let (time_part, d) = match d.strip_prefix('T') {
        Some(rest) => (true, rest),
        None => (false, d),
    };
    let Some(unit) = d.chars().last() else {
        return d.to_owned();
    };
    let amount = &d[..d.len() - unit.len_utf8()];
    let unit = match (time_part, unit) {
        (false, 'Y') => "years",
        (false, 'M') => "months",
        (false, 'W') => "weeks",
        (false, 'D') => "days",
        (false, 'E') => "decades",
        (true, 'H') => "hours",
        (true, 'M') => "minutes",
        (true, 'S') => "seconds",
        _ => return d.to_owned(),
    };
    if amount == "X" { format!("some {unit}") } else { format!("{amount} {unit}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annalist_core::TimexMod;

    /// Every case: value, mod, expected label; the list is in the expected timeline order.
    const ORDERED: &[(&str, Option<TimexMod>, &str)] = &[
        ("19", Some(TimexMod::Start), "the early 20th century"),
        ("199", None, "the 1990s"),
        ("199", Some(TimexMod::End), "the late 1990s"),
        ("2013", None, "2013"),
        ("2013-W06", None, "week 6 2013"),
        ("2013-02-12", None, "12 February 2013"),
        ("2024-Q3", None, "quarter 3 2024"),
        ("2024-07", None, "July 2024"),
        ("2024-07", Some(TimexMod::Mid), "mid-July 2024"),
        ("2024-07-20", None, "20 July 2024"),
        ("2024-07", Some(TimexMod::End), "late July 2024"),
        ("2024-08-10T14:30", None, "10 August 2024, 14:30"),
        ("XXXX-07", None, "July, year unknown"),
        ("XXXX-07", Some(TimexMod::Mid), "mid-July, year unknown"),
        ("XXXX-08-10", None, "10 August, year unknown"),
        ("PAST_REF", None, "the past"),
        ("PRESENT_REF", None, "the present"),
        ("P3D", None, "3 days (duration)"),
    ];

    #[test]
    fn partial_values_sort_sensibly_and_read_honestly() {
        let positions: Vec<Position> = ORDERED.iter().map(|(v, m, _)| position(v, *m)).collect();
        for (pair, case) in positions.windows(2).zip(ORDERED.windows(2)) {
            assert!(pair[0] <= pair[1], "{} should sort before {}", case[0].0, case[1].0);
        }
        for (v, m, expect) in ORDERED {
            assert_eq!(label(v, *m), *expect, "{v}");
        }
    }

    #[test]
    fn odd_values_are_nowhere_not_a_panic() {
        for v in ["", "X", "2024-13", "2024-02-31", "XXXX", "abcd-01", "2024-W99", "é"] {
            let p = position(v, None);
            assert!(matches!(p, Position::Nowhere | Position::Dated { .. }), "{v}: {p:?}");
            let _ = label(v, Some(TimexMod::Mid));
        }
    }
}
