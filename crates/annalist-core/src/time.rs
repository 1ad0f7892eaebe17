//! Dates of documents and TimeML time expressions.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Span, TimeId};

/// When a document was written: the anchor ("document creation time", DCT) against which
/// "yesterday" or "last week" are normalised. A date, optionally with a time of day, in the
/// writer's local time (any zone offset given is kept aside, not applied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, JsonSchema)]
#[schemars(with = "String")]
pub struct DocumentTime {
    /// Calendar date.
    pub date: NaiveDate,
    /// Time of day, when known.
    pub time: Option<NaiveTime>,
    /// Offset from UTC in minutes, when the source gave one.
    pub offset_minutes: Option<i32>,
}

impl DocumentTime {
    /// A document time of a date only.
    pub fn from_date(date: NaiveDate) -> DocumentTime {
        DocumentTime { date, time: None, offset_minutes: None }
    }

    /// The date and time, midnight when the time of day is unknown.
    pub fn datetime(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }
}

/// Why a document time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid document time {input:?}: expected an ISO 8601 date such as 2024-08-10 or 2024-08-10T14:30:00Z"
)]
pub struct DocumentTimeError {
    input: String,
}

impl FromStr for DocumentTime {
    type Err = DocumentTimeError;

    /// Reads `2024-08-10`, `2024-08-10T14:30`, `2024-08-10T14:30:00-02:00`,
    /// `2024-08-10 14:30:00Z` (the space form is common in feeds).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DocumentTimeError { input: s.to_owned() };
        let s = s.trim();
        let (date_part, rest) = match s.find(['T', ' ']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let date = NaiveDate::parse_from_str(date_part, "%Y-%m-%d").map_err(|_| err())?;
        let Some(rest) = rest.map(str::trim).filter(|r| !r.is_empty()) else {
            return Ok(DocumentTime::from_date(date));
        };
        // Split a trailing zone: Z, +hh:mm, -hh:mm, +hhmm, +hh.
        let (clock, offset_minutes) = if let Some(clock) = rest.strip_suffix('Z') {
            (clock, Some(0))
        } else if let Some(i) = rest.rfind(['+', '-']) {
            let zone = &rest[i + 1..];
            let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
            let (h, m) = match digits.len() {
                2 => (digits.parse::<i32>().map_err(|_| err())?, 0),
                4 => (
                    digits[..2].parse::<i32>().map_err(|_| err())?,
                    digits[2..].parse::<i32>().map_err(|_| err())?,
                ),
                _ => return Err(err()),
            };
            let sign = if rest.as_bytes()[i] == b'-' { -1 } else { 1 };
            (&rest[..i], Some(sign * (h * 60 + m)))
        } else {
            (rest, None)
        };
        let time = ["%H:%M:%S%.f", "%H:%M:%S", "%H:%M"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(clock, f).ok())
            .ok_or_else(err)?;
        Ok(DocumentTime { date, time: Some(time), offset_minutes })
    }
}

impl fmt::Display for DocumentTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        if let Some(time) = self.time {
            write!(f, "T{}", time.format("%H:%M:%S"))?;
            match self.offset_minutes {
                Some(0) => write!(f, "Z")?,
                Some(m) => {
                    let sign = if m < 0 { '-' } else { '+' };
                    write!(f, "{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)?;
                }
                None => {}
            }
        }
        Ok(())
    }
}

impl Serialize for DocumentTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DocumentTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The TIMEX3 `type` of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexType {
    /// A calendar date or a coarser period: "August 10", "2020", "the 1990s", "today".
    Date,
    /// A time of day, possibly with a date: "at 3pm", "this morning".
    Time,
    /// A length of time: "three days", "months".
    Duration,
    /// A recurrence: "every week", "daily".
    Set,
}

/// The TIMEX3 `mod`: how the expression qualifies its value ("mid-July" is July, MID).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
pub enum TimexMod {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

/// What a time expression's value was computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimeAnchor {
    /// The text gives the value by itself ("10 August 2024", "2020").
    Absolute,
    /// Computed from the document time ("yesterday", "last week").
    DocumentTime,
    /// Computed from an earlier time expression of the narrative ("a month later").
    Narrative {
        /// The expression it was computed from.
        time: TimeId,
    },
    /// Needed an anchor that was not known, so part of the value is left unknown (`XXXX-08-10`).
    Unknown,
}

/// A time expression found in the text and normalised to TimeML's TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TimeExpr {
    /// Id, unique within the record (`t1`, `t2`, ... in text order).
    pub id: TimeId,
    /// The words of the expression.
    pub span: Span,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value: `2024-08-10`, `XXXX-07`, `2013-W06`, `P3D`, `PXD`, `PRESENT_REF`, ...
    pub value: String,
    /// TIMEX3 mod, when the expression qualifies its value.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// What the value was computed from.
    pub anchor: TimeAnchor,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_time_round_trips_common_forms() {
        for (input, shown) in [
            ("2013-02-12", "2013-02-12"),
            ("2013-02-12T04:30:00-02:00", "2013-02-12T04:30:00-02:00"),
            ("2025-03-14 20:30:26Z", "2025-03-14T20:30:26Z"),
            ("2024-08-10T14:30", "2024-08-10T14:30:00"),
        ] {
            let t: DocumentTime = input.parse().unwrap();
            assert_eq!(t.to_string(), shown, "{input}");
        }
        assert!("August 10".parse::<DocumentTime>().is_err());
        assert!("2024-13-01".parse::<DocumentTime>().is_err());
    }
}
