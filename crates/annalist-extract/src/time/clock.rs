//! Times of day: "3pm", "3:15 p.m.", "18:00 UTC", "noon", "15h30", "3:20 in the afternoon", and
//! days with a time or a part of the day ("Friday morning", "tomorrow at 5pm", "this morning",
//! "tonight", "tomorrow evening at 5").

use annalist_core::TimexType;

use super::grammar::{Found, Grammar, Source, req};
use super::relative::{DayRef, UNKNOWN_DAY};
use super::words::{Kind, Sense};

/// A clock time read from the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clock {
    pub hour: u32,
    pub minute: u32,
    pub second: Option<u32>,
    /// Written in UTC/GMT.
    pub utc: bool,
    /// Written with am or pm.
    pub meridiem: bool,
}

impl Clock {
    /// The clock read in a part of the day ("3:20 in the afternoon", "this evening at 8"): the
    /// afternoon's and evening's hours before noon are after it, the night's from six on, and
    /// twelve in the night or morning is midnight. A clock written with am or pm is kept.
    fn in_part(mut self, part: &str) -> Clock {
        if self.meridiem {
            return self;
        }
        self.hour = match (part, self.hour) {
            ("AF" | "EV", h @ 1..=11) => h + 12,
            ("NI", h @ 6..=11) => h + 12,
            ("NI" | "MO", 12) => 0,
            (_, h) => h,
        };
        self
    }

    fn text(self) -> String {
        let mut s = format!("{:02}:{:02}", self.hour, self.minute);
        if let Some(sec) = self.second {
            s.push_str(&format!(":{sec:02}"));
        }
        if self.utc {
            s.push('Z');
        }
        s
    }
}

/// Hour `hour` (1 to 12) of a clock written with am (`pm` false) or pm, on the 24-hour clock:
/// "12 am" is 0, "12 pm" 12.
fn on_24_hours(hour: u32, pm: bool) -> u32 {
    if pm { hour % 12 + 12 } else { hour % 12 }
}

impl Grammar<'_> {
    /// "am" or "pm" (also "a.m.", "p", ...) at `i`: whether pm, and the end.
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        self.sense(i, Kind::Meridiem, |s| match s {
            Sense::Meridiem(pm) => Some(pm),
            _ => None,
        })
    }

    /// A clock time: "3pm", "3 p.m.", "3:15", "15:23:24", "15h30", "noon", "0800 UTC", "3
    /// o'clock", "half past three", "quarter to noon".
    pub fn clock(&self, i: usize) -> Option<(Clock, usize)> {
        self.minutes_from_hour(i).or_else(|| self.plain_clock(i))
    }

    /// A clock time written as one (see [`Grammar::clock`]), not counted from an hour.
    fn plain_clock(&self, i: usize) -> Option<(Clock, usize)> {
        if let Some(((h, m), e)) = self.sense(i, Kind::ClockWord, |s| match s {
            Sense::ClockWord(h, m) => Some((h, m)),
            _ => None,
        }) {
            return Some((Clock { hour: h, minute: m, second: None, utc: false, meridiem: true }, e));
        }
        let tok = req!(self.tok(i));
        if !tok.number {
            return self.clock_in_words(i);
        }
        let w = tok.norm.as_ref();
        let (mut hour, minute, second, explicit, mut e) = if w.contains(':') {
            let f: Vec<&str> = w.split(':').collect();
            let num = |s: &str| (s.len() == 2).then(|| s.parse::<u32>().ok()).flatten();
            match f.as_slice() {
                [h, m] if h.len() <= 2 => (h.parse().ok()?, num(m)?, None, true, i + 1),
                [h, m, s] if h.len() <= 2 => (h.parse().ok()?, num(m)?, Some(num(s)?), true, i + 1),
                _ => return None,
            }
        } else {
            let (n, len) = req!(self.digits(i));
            if self.is(i + 1, "h") && self.glued(i + 1) && n < 24 && len <= 2 {
                // 15h, 15h30; but "in 2h", "for 24h" are hours counted.
                match self.digits(i + 2) {
                    Some((m, 2)) if self.glued(i + 2) && m < 60 => (n, m, None, true, i + 3),
                    _ if matches!(self.before(i), "in" | "for" | "within" | "over" | "after") => {
                        return None;
                    }
                    _ => (n, 0, None, true, i + 2),
                }
            } else if len <= 2 {
                (n, 0, None, false, i + 1)
            } else if (len == 4 && n / 100 < 24 || len == 3) && n % 100 < 60 {
                (n / 100, n % 100, None, false, i + 1)
            } else {
                return None;
            }
        };
        let mut explicit = explicit;
        if let Some(e2) = self.oclock(e) {
            e = e2;
            explicit = hour <= 12;
        }
        let mut meridiem = false;
        if let Some((pm, e2)) = self.meridiem(e) {
            // "a"/"p" alone count only glued to the number ("3p", "3:18a") or before "m"
            // ("3:30 p m").
            let short = matches!(self.w(e), "a" | "p");
            let spelled = short && self.is(e2, "m");
            if !short || self.glued(e) || spelled {
                meridiem = true;
                if hour > 12 {
                    return None;
                }
                hour = on_24_hours(hour, pm);
                // (No stop after a spelled "p m": a full stop there ends the sentence.)
                e = if spelled {
                    e2 + 1
                } else if short {
                    self.opt_dot(e2)
                } else {
                    e2
                };
            }
        }
        let utc = self.sense(e, Kind::Zone, |s| matches!(s, Sense::Zone).then_some(())).is_some();
        if utc {
            e += 1;
        }
        // "10 a.m. local time", "at 1030 local time": the place's own clock, a zone all the same.
        let local = !utc && self.is(e, "local") && self.is(e + 1, "time");
        if local {
            e += 2;
        }
        // "3:20 in the afternoon", "at 8 in the evening", "at 2 at night".
        let part = (!meridiem && !utc && !local).then(|| self.part_phrase(e)).flatten();
        // A bare number is a time only with am/pm, a zone or a colon, or after "at" with a
        // part of the day ("at 8 in the evening"; not "killed 5 in the morning").
        let w_len = self.w(i).len();
        let at_with_part =
            part.is_some() && w_len <= 2 && matches!(self.before(i), "at" | "around" | "about" | "by");
        if !(explicit || meridiem || (utc || local) && w_len == 4 || at_with_part) || hour > 24 || minute > 59
        {
            return None;
        }
        let clock = Clock { hour: hour % 24, minute, second, utc, meridiem };
        Some(match part {
            Some((part, e2)) => (clock.in_part(part), e2),
            None => (clock, e),
        })
    }

    /// A clock time in words, with am or pm or "o'clock" ("seven thirty p.m.", "ten o'clock",
    /// "four twenty-three a m"); without them, words are numbers ("seven thirty").
    fn clock_in_words(&self, i: usize) -> Option<(Clock, usize)> {
        let (hour, e) = self.cardinal(i, false).filter(|&(h, _)| (1..=12).contains(&h))?;
        let (minute, e) = match self.cardinal(e, false) {
            Some((m, e2)) if (1..60).contains(&m) && self.tok(e).is_some_and(|t| !t.number) => (m, e2),
            _ => (0, e),
        };
        if let Some(e) = self.oclock(e) {
            return (minute == 0)
                .then_some((Clock { hour, minute, second: None, utc: false, meridiem: false }, e));
        }
        let (pm, e) = match self.meridiem(e) {
            // "a"/"p" alone are words ("seven a day"); "a m", "p m" are a meridiem.
            Some(_) if matches!(self.w(e), "a" | "p") && !self.is(e + 1, "m") => return None,
            Some((pm, e2)) if matches!(self.w(e), "a" | "p") => (pm, e2 + 1),
            Some(found) => found,
            None => return None,
        };
        let hour = on_24_hours(hour, pm);
        Some((Clock { hour, minute, second: None, utc: false, meridiem: true }, e))
    }

    /// "o'clock" at `i`, however written ("o'clock", "o ' clock", "oclock", "o clock"): its end.
    fn oclock(&self, i: usize) -> Option<usize> {
        if self.is(i, "o'clock") || self.is(i, "oclock") {
            Some(i + 1)
        } else if self.is(i, "o") && self.is(i + 1, "'") && self.is(i + 2, "clock") {
            Some(i + 3)
        } else if self.is(i, "o") && self.is(i + 1, "clock") {
            Some(i + 2)
        } else {
            None
        }
    }

    /// Minutes counted from or to an hour: "half past three", "quarter past 8pm", "quarter to
    /// noon", "20 past 3pm", "ten minutes to 5pm". A counted number needs an hour written as a
    /// clock ("3pm", "noon"), not a bare number ("20 to 30").
    fn minutes_from_hour(&self, i: usize) -> Option<(Clock, usize)> {
        let (minutes, j, counted) = match self.w(i) {
            "half" => (30, i + 1, false),
            "quarter" => (15, i + 1, false),
            _ => {
                let (n, e) = self.cardinal(i, false)?;
                (n, self.opt(self.opt(e, "minutes"), "minute"), true)
            }
        };
        let past = match self.w(j) {
            "past" => true,
            // "twenty after 3pm": after a clock only (counted minutes need one).
            "after" if counted => true,
            "to" if self.w(i) != "half" => false,
            _ => return None,
        };
        // "ten past three": minutes and hour both in words before "past" make a time, where
        // digits ("20 to 30") or "to" ("from five to ten") may be a count or a range.
        let in_words = counted
            && past
            && self.w(j) == "past"
            && self.tok(i).is_some_and(|t| !t.number)
            && self.tok(j + 1).is_some_and(|t| !t.number);
        if !(1..60).contains(&minutes) {
            return None;
        }
        // (The hour is a plain clock: a counted one would read "half past half past ..." by
        // recursion as deep as the text is long.)
        let (hour, e) = match self.plain_clock(j + 1) {
            Some((clock, e)) if clock.minute == 0 && clock.second.is_none() => (clock, e),
            Some(_) => return None,
            None if counted && !in_words => return None,
            None => {
                let (h, e) = self.cardinal(j + 1, false)?;
                if !(1..=12).contains(&h) {
                    return None;
                }
                let hour = Clock { hour: h, minute: 0, second: None, utc: false, meridiem: false };
                match self.meridiem(e) {
                    Some((pm, e2)) => (Clock { hour: on_24_hours(h, pm), meridiem: true, ..hour }, e2),
                    None => (hour, e),
                }
            }
        };
        let at = hour.hour * 60 + if past { minutes } else { 24 * 60 - minutes };
        let clock = Clock { hour: (at / 60) % 24, minute: at % 60, ..hour };
        // "half past nine in the evening".
        match (!clock.meridiem && !clock.utc).then(|| self.part_phrase(e)).flatten() {
            Some((part, e2)) => Some((clock.in_part(part), e2)),
            None => Some((clock, e)),
        }
    }

    /// "in the afternoon", "in the morning", "at night" at `i`: the part and the end.
    fn part_phrase(&self, i: usize) -> Option<(&'static str, usize)> {
        let (part, e) = if self.is(i, "in") && self.is(i + 1, "the") {
            self.day_part(i + 2)?
        } else if self.is(i, "at") && self.is(i + 1, "night") {
            ("NI", i + 2)
        } else {
            return None;
        };
        (part != "NI" || self.is(i, "at")).then_some((part, e))
    }

    /// "at 3:20", "at 5" after a day and its part ("this afternoon at 3:20", "tomorrow evening
    /// at 5", "Saturday morning at 9"): the clock read in that part.
    fn clock_in_part(&self, i: usize, part: &str) -> Option<(Clock, usize)> {
        let j = self.opt(i, ",");
        if !(self.is(j, "at") || self.is(j, "@")) {
            return None;
        }
        let clock = match self.clock(j + 1) {
            Some(found) => found,
            // After "at" and a part of the day a bare hour is a time ("tomorrow evening at 5").
            None => {
                let (hour, len) = self.digits(j + 1)?;
                if len > 2 || !(1..=12).contains(&hour) {
                    return None;
                }
                (Clock { hour, minute: 0, second: None, utc: false, meridiem: false }, j + 2)
            }
        };
        Some((clock.0.in_part(part), clock.1))
    }

    /// A time of day with its day: "tomorrow at 5pm", "3pm tomorrow", "at 7:30 PM on Fri, Sep
    /// 20", "18:00 UTC" (on the sentence's day, else the document's), "Friday morning", "this
    /// morning", "tonight".
    pub fn time_expr(&self, i: usize) -> Option<Found> {
        // DAY [,] [at|@] CLOCK, read in the day's part ("tonight at 8 o'clock")
        if let Some((day, e)) = self.day_ref(i) {
            let j = self.opt(self.opt(e, ","), "at");
            let j = self.opt(j, "@");
            if let Some((clock, e2)) = self.clock(j) {
                let clock = day.part.map_or(clock, |part| clock.in_part(part));
                return Some(self.timed(&day, &clock.text(), e2));
            }
        }
        // DAY DAY-PART [at CLOCK] | this morning / last night [at CLOCK]
        if let Some((day, part, e)) = self.day_with_part(i) {
            if let Some((clock, e2)) = self.clock_in_part(e, part) {
                return Some(self.timed(&day, &clock.text(), e2));
            }
            return Some(self.timed(&day, part, e));
        }
        if self.day_ref(i).is_some() {
            return None;
        }
        // "at 8 tonight", "at 5 tomorrow afternoon": a bare hour after "at", read in the part
        // of the day after it.
        if self.before(i) == "at"
            && let Some((hour, e)) = self.cardinal(i, false).filter(|&(h, _)| (1..=12).contains(&h))
            && self.tok(i).is_some_and(|t| t.digits.is_none_or(|(_, len)| len <= 2))
            && let Some((day, part, e2)) = self.day_with_part(e)
        {
            let clock = Clock { hour, minute: 0, second: None, utc: false, meridiem: false }.in_part(part);
            return Some(self.timed(&day, &clock.text(), e2));
        }
        // CLOCK [on] [DAY]
        let (clock, e) = req!(self.clock(i));
        let j = self.opt(e, "on");
        if let Some((day, e2)) = self.day_ref(j) {
            return Some(self.timed(&day, &clock.text(), e2));
        }
        let day = match (self.env.sentence_day, self.env.dct) {
            (Some(p), _) => DayRef {
                point: Some(p),
                source: Source::NarrativeDay,
                unknown: UNKNOWN_DAY.into(),
                part: None,
            },
            (None, Some(d)) => DayRef {
                point: Some(super::dates::day_point(d)),
                source: Source::Document,
                unknown: UNKNOWN_DAY.into(),
                part: None,
            },
            (None, None) => {
                DayRef { point: None, source: Source::Unknown, unknown: UNKNOWN_DAY.into(), part: None }
            }
        };
        Some(self.timed(&day, &clock.text(), e))
    }

    /// A day with a part of it at `i`: "Friday morning", "tomorrow evening", "tonight", "this
    /// morning", "last night" (the night before the document's day).
    fn day_with_part(&self, i: usize) -> Option<(DayRef, &'static str, usize)> {
        if let Some((day, e)) = self.day_ref(i) {
            if let Some((part, e2)) = self.day_part(e) {
                return Some((day, part, e2));
            }
            return day.part.map(|part| (day, part, e));
        }
        let (rel, e) = self.relative_word(i)?;
        let (part, e2) = self.day_part(e)?;
        let offset = if rel < 0 && part == "NI" { -1 } else { 0 };
        let day = match self.env.dct {
            Some(dct) => DayRef {
                point: Some(super::dates::day_point(dct + chrono::Duration::days(offset))),
                source: Source::Document,
                unknown: UNKNOWN_DAY.into(),
                part: None,
            },
            None => DayRef { point: None, source: Source::Unknown, unknown: UNKNOWN_DAY.into(), part: None },
        };
        Some((day, part, e2))
    }

    fn day_part(&self, i: usize) -> Option<(&'static str, usize)> {
        self.sense(i, Kind::DayPart, |s| match s {
            Sense::DayPart(p) => Some(p),
            _ => None,
        })
    }

    fn timed(&self, day: &DayRef, time: &str, end: usize) -> Found {
        let date = match &day.point {
            Some(p) => p.value(),
            None if day.unknown.ends_with("_REF") => "XXXX-XX-XX".to_owned(),
            None => day.unknown.to_string(),
        };
        let mut found = Found::other(end, TimexType::Time, format!("{date}T{time}"), day.source);
        found.point = day.point;
        found
    }
}
