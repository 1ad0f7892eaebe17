//! The time lexicon: the words and phrases of `data/time/*.tsv`, compiled once into hash maps.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use crate::lexicon;
use crate::word_slots::{HashFilter, PACKED_BYTES, hash_packed, pack_prefix, pack_word, prefix_mask};

/// What a word or phrase of `data/time/words.tsv` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sense {
    /// A month, 1 = January.
    Month(u32),
    /// A weekday, 1 = Monday.
    Weekday(u32),
    /// An abbreviated weekday ("Sat"), only read where it cannot be a verb or noun.
    WeekdayAbbr(u32),
    /// A cardinal number.
    Number(u32),
    /// An ordinal number; `None` is "last".
    Ordinal(Option<u32>),
    /// An unspecified number: "few", "several".
    FuzzyNumber,
    /// A calendar or clock unit.
    Unit(Unit),
    /// A season: TIMEX3 `SP`, `SU`, `FA`, `WI`.
    Season(&'static str),
    /// A part of the day: TIMEX3 `MO`, `AF`, `EV`, `NI`.
    DayPart(&'static str),
    /// A day relative to the document time ("yesterday" = -1); "tonight" has a part of day.
    Deictic(i32, Option<&'static str>),
    /// A unit relative to the document time: "last" = -1, "this" = 0, "next" = 1.
    Relative(i32),
    /// A unit relative to the last mentioned date: "the following" = 1, "that" = 0.
    Narrative(i32),
    /// The direction of a shift: "ago" = -1, "later" = 1.
    Direction(i32),
    /// A position inside a period: "early" = START.
    Position(&'static str),
    /// An approximation or bound: "about" = APPROX.
    Approximation(&'static str),
    /// A general reference: PRESENT_REF, PAST_REF, FUTURE_REF.
    Reference(&'static str),
    /// A recurrence adverb: "weekly" = P1W.
    SetAdverb(&'static str),
    /// A recurrence quantifier: "every".
    SetQuantifier,
    /// A named clock time: "noon" = (12, 0).
    ClockWord(u32, u32),
    /// "am" / "pm": true for pm.
    Meridiem(bool),
    /// A time zone written as `Z` (UTC, GMT).
    Zone,
    /// An era: true for BC.
    Era(bool),
}

/// The kind of a [`Sense`]: its variant, whatever it holds. A reader asks a word for one kind
/// of sense, and most words have none of that kind (see [`WordInfo::kinds`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Month,
    Weekday,
    WeekdayAbbr,
    Number,
    Ordinal,
    FuzzyNumber,
    Unit,
    Season,
    DayPart,
    Deictic,
    Relative,
    Narrative,
    Direction,
    Position,
    Approximation,
    Reference,
    SetAdverb,
    SetQuantifier,
    ClockWord,
    Meridiem,
    Zone,
    Era,
}

impl Kind {
    /// This kind's bit in [`WordInfo::kinds`].
    pub(crate) fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl Sense {
    /// The kind of this sense.
    pub(crate) fn kind(self) -> Kind {
        match self {
            Sense::Month(_) => Kind::Month,
            Sense::Weekday(_) => Kind::Weekday,
            Sense::WeekdayAbbr(_) => Kind::WeekdayAbbr,
            Sense::Number(_) => Kind::Number,
            Sense::Ordinal(_) => Kind::Ordinal,
            Sense::FuzzyNumber => Kind::FuzzyNumber,
            Sense::Unit(_) => Kind::Unit,
            Sense::Season(_) => Kind::Season,
            Sense::DayPart(_) => Kind::DayPart,
            Sense::Deictic(..) => Kind::Deictic,
            Sense::Relative(_) => Kind::Relative,
            Sense::Narrative(_) => Kind::Narrative,
            Sense::Direction(_) => Kind::Direction,
            Sense::Position(_) => Kind::Position,
            Sense::Approximation(_) => Kind::Approximation,
            Sense::Reference(_) => Kind::Reference,
            Sense::SetAdverb(_) => Kind::SetAdverb,
            Sense::SetQuantifier => Kind::SetQuantifier,
            Sense::ClockWord(..) => Kind::ClockWord,
            Sense::Meridiem(_) => Kind::Meridiem,
            Sense::Zone => Kind::Zone,
            Sense::Era(_) => Kind::Era,
        }
    }
}

/// Calendar and clock units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

/// One entry of the lexicon: the words after the first, and the sense.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The words after the first (empty for one-word entries).
    pub rest: Vec<&'static str>,
    /// What the phrase means.
    pub sense: Sense,
}

/// A holiday rule of `data/time/holidays.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// Same month and day every year.
    Fixed(u32, u32, WeekdayShifts),
    /// Days after Western Easter Sunday.
    Easter(i64),
    /// Days after Orthodox (Julian computus) Easter Sunday.
    OrthodoxEaster(i64),
    /// The n-th (or last, -1) weekday of a month.
    NthWeekday(i32, u32, u32),
    /// Days after US Thanksgiving.
    AfterThanksgiving(i64),
    /// One day in history, named by what happened ("9/11").
    Event(i32, u32, u32),
    /// A month and day of the Islamic calendar.
    Islamic(u8, u8),
    /// A month and day of the Hebrew calendar (biblical count: 1 = Nisan), moved by weekday
    /// as Israel moves its national days off the Sabbath and the days next to it.
    Hebrew(u8, u8, WeekdayShifts),
    /// A month and day of the Persian calendar.
    Persian(u8, u8),
    /// Days after the Chinese New Year.
    ChineseNewYear(i64),
    /// Days after a Hindu (or Sikh, Jain, Buddhist) lunisolar holiday, whose dates are read
    /// from the table `hindu_dates.tsv` (the holiday's index in [`HinduDates::keys`]).
    Hindu(u16, i64),
}

/// The dates of the Hindu lunisolar holidays (`data/time/hindu_dates.tsv`): no arithmetic rule
/// gives them, published tables do, for the years they cover.
pub(crate) struct HinduDates {
    /// The holidays' keys ("diwali-india"), in the order of the file.
    pub keys: Vec<&'static str>,
    /// The date of each holiday (its index in `keys`) in each year of its table.
    pub dates: HashMap<(u16, i32), NaiveDate>,
}

/// See [`HinduDates`].
pub(crate) static HINDU_DATES: LazyLock<HinduDates> = LazyLock::new(|| {
    let mut table = HinduDates { keys: Vec::new(), dates: HashMap::new() };
    for (line, fields) in lexicon::rows(HINDU_DATES_TSV) {
        let date = match fields.as_slice() {
            [_, year, month_day] => month_day
                .split_once('-')
                .zip(year.parse::<i32>().ok())
                .and_then(|((m, d), year)| NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)),
            _ => None,
        };
        let Some(date) = date else {
            panic!("data/time/hindu_dates.tsv:{line}: expected key, year, MM-DD");
        };
        let key = fields[0];
        let index = match table.keys.iter().position(|k| *k == key) {
            Some(index) => index,
            None => {
                table.keys.push(key);
                table.keys.len() - 1
            }
        };
        let index = u16::try_from(index).expect("fewer than 65,536 holidays");
        // A lunar year is shorter than the Gregorian: a holiday may fall twice in one (Guru
        // Gobind Singh Jayanti in January and December 2017). The year's first date is kept,
        // as the rules of the other calendars give one date a year.
        table.dates.entry((index, date.year())).or_insert(date);
    }
    table
});

/// Days a holiday moves by when it falls on each weekday (Monday first): Israel's Independence
/// Day falling on a Friday is kept on the Thursday before ("fri-1").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct WeekdayShifts(pub [i8; 7]);

impl WeekdayShifts {
    /// Reads shifts written as a weekday's first three letters and a signed number of days
    /// ("fri-1", "mon+1"); `None` if one is not such.
    fn parse<'s>(written: impl IntoIterator<Item = &'s str>) -> Option<WeekdayShifts> {
        const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let mut shifts = WeekdayShifts::default();
        for shift in written {
            let (day, days) = shift.split_at_checked(3)?;
            let at = DAYS.iter().position(|d| *d == day)?;
            shifts.0[at] = days.parse().ok()?;
        }
        Some(shifts)
    }

    /// `date` moved as a holiday falling on its weekday is.
    pub(crate) fn moved(self, date: NaiveDate) -> Option<NaiveDate> {
        let days = self.0.get(date.weekday().num_days_from_monday() as usize).copied().unwrap_or(0);
        date.checked_add_signed(chrono::Duration::try_days(i64::from(days))?)
    }
}

/// A holiday name: the words after the first, and its rule.
#[derive(Debug, Clone)]
pub(crate) struct Holiday {
    /// The words after the first.
    pub rest: Vec<&'static str>,
    /// How to find its date in a year.
    pub rule: HolidayRule,
}

/// The tense a cue word shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

static WORDS_TSV: &str = include_str!("../../data/time/words.tsv");
static HOLIDAYS_TSV: &str = include_str!("../../data/time/holidays.tsv");
static TENSE_TSV: &str = include_str!("../../data/time/tense.tsv");
static HINDU_DATES_TSV: &str = include_str!("../../data/time/hindu_dates.tsv");

fn unit(code: &str) -> Option<Unit> {
    Some(match code {
        "S" => Unit::Second,
        "MIN" => Unit::Minute,
        "H" => Unit::Hour,
        "D" => Unit::Day,
        "WE" => Unit::Weekend,
        "W" => Unit::Week,
        "FN" => Unit::Fortnight,
        "M" => Unit::Month,
        "Q" => Unit::Quarter,
        "Y" => Unit::Year,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        "ML" => Unit::Millennium,
        _ => return None,
    })
}

fn sense(class: &str, value: &'static str) -> Option<Sense> {
    let int = || value.parse::<i32>().ok();
    let nat = || value.parse::<u32>().ok();
    Some(match class {
        "month" => Sense::Month(nat()?),
        "weekday" => Sense::Weekday(nat()?),
        "weekday-abbr" => Sense::WeekdayAbbr(nat()?),
        "number" => Sense::Number(nat()?),
        "ordinal" => Sense::Ordinal(if value == "last" { None } else { Some(nat()?) }),
        "fuzzy-number" => Sense::FuzzyNumber,
        "unit" => Sense::Unit(unit(value)?),
        "season" => Sense::Season(value),
        "day-part" => Sense::DayPart(value),
        "deictic" => {
            let mut parts = value.split(' ');
            let offset = parts.next()?.parse().ok()?;
            Sense::Deictic(offset, parts.next())
        }
        "relative" => Sense::Relative(int()?),
        "narrative" => Sense::Narrative(int()?),
        "direction" => Sense::Direction(int()?),
        "position" => Sense::Position(value),
        "approximation" => Sense::Approximation(value),
        "reference" => Sense::Reference(value),
        "set-adverb" => Sense::SetAdverb(value),
        "set-quantifier" => Sense::SetQuantifier,
        "clock-word" => {
            let (h, m) = value.split_once(':')?;
            Sense::ClockWord(h.parse().ok()?, m.parse().ok()?)
        }
        "meridiem" => Sense::Meridiem(value == "PM"),
        "zone" => Sense::Zone,
        "era" => Sense::Era(value == "BC"),
        _ => return None,
    })
}

/// Every phrase of `words.tsv`, keyed by its first word.
pub(crate) static WORDS: LazyLock<HashMap<&'static str, Vec<Entry>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Entry>> = HashMap::new();
    for (line, fields) in lexicon::rows(WORDS_TSV) {
        let (Some(&phrase), Some(&class), Some(&value)) = (fields.first(), fields.get(1), fields.get(2))
        else {
            panic!("data/time/words.tsv:{line}: expected phrase, class, value");
        };
        let Some(sense) = sense(class, value) else {
            panic!("data/time/words.tsv:{line}: unknown class or value {class} {value}");
        };
        let mut words = phrase.split(' ');
        let first = words.next().unwrap_or("");
        map.entry(first).or_default().push(Entry { rest: words.collect(), sense });
    }
    // Longest phrases first, so a lookup can take the first that fits.
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    map
});

/// Every holiday name, keyed by its first word.
pub(crate) static HOLIDAYS: LazyLock<HashMap<&'static str, Vec<Holiday>>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Vec<Holiday>> = HashMap::new();
    for (line, fields) in lexicon::rows(HOLIDAYS_TSV) {
        let (Some(&name), Some(&rule)) = (fields.first(), fields.get(1)) else {
            panic!("data/time/holidays.tsv:{line}: expected name, rule");
        };
        let Some(rule) = holiday_rule(rule) else {
            panic!("data/time/holidays.tsv:{line}: bad rule {rule}");
        };
        // Possessives and inner hyphens are tokens of their own ("valentine" "'s" "day", "eid"
        // "al" "-" "fitr"), as the tokens are split.
        let mut words = name.split(' ').flat_map(split_hyphens).flat_map(|w| match w.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => vec![stem, "'s"],
            _ => vec![w],
        });
        let first = words.next().unwrap_or("");
        map.entry(first).or_default().push(Holiday { rest: words.collect(), rule });
    }
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
    }
    map
});

/// A word split at its inner hyphens, each hyphen a part ("al-fitr" → al - fitr).
fn split_hyphens(word: &'static str) -> Vec<&'static str> {
    let mut parts = Vec::new();
    for (i, part) in word.split('-').enumerate() {
        if i > 0 {
            parts.push("-");
        }
        parts.push(part);
    }
    parts
}

fn holiday_rule(rule: &str) -> Option<HolidayRule> {
    let parts: Vec<&str> = rule.split(' ').collect();
    Some(match parts.as_slice() {
        ["fixed", md, shifts @ ..] => {
            let (m, d) = md.split_once('-')?;
            HolidayRule::Fixed(
                m.parse().ok()?,
                d.parse().ok()?,
                WeekdayShifts::parse(shifts.iter().copied())?,
            )
        }
        ["easter", n] => HolidayRule::Easter(n.parse().ok()?),
        ["orthodox-easter", n] => HolidayRule::OrthodoxEaster(n.parse().ok()?),
        ["nth", n, wd, m] => HolidayRule::NthWeekday(n.parse().ok()?, wd.parse().ok()?, m.parse().ok()?),
        ["after-thanksgiving", n] => HolidayRule::AfterThanksgiving(n.parse().ok()?),
        [calendar @ ("islamic" | "hebrew" | "persian"), md, shifts @ ..] => {
            let (m, d) = md.split_once('-')?;
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            match *calendar {
                "hebrew" => HolidayRule::Hebrew(m, d, WeekdayShifts::parse(shifts.iter().copied())?),
                _ if !shifts.is_empty() => return None,
                "islamic" => HolidayRule::Islamic(m, d),
                _ => HolidayRule::Persian(m, d),
            }
        }
        ["chinese-new-year", n] => HolidayRule::ChineseNewYear(n.parse().ok()?),
        ["hindu", key, n] => {
            let index = HINDU_DATES.keys.iter().position(|k| k == key)?;
            HolidayRule::Hindu(u16::try_from(index).ok()?, n.parse().ok()?)
        }
        ["event", ymd] => {
            let mut f = ymd.split('-');
            HolidayRule::Event(f.next()?.parse().ok()?, f.next()?.parse().ok()?, f.next()?.parse().ok()?)
        }
        _ => return None,
    })
}

/// The tense cue words.
pub(crate) static TENSE_CUES: LazyLock<HashMap<&'static str, Tense>> = LazyLock::new(|| {
    lexicon::rows(TENSE_TSV)
        .filter_map(|(_, f)| {
            let tense = match *f.get(1)? {
                "past" => Tense::Past,
                "future" => Tense::Future,
                _ => return None,
            };
            Some((*f.first()?, tense))
        })
        .collect()
});

/// The senses of the phrases `entries` (those starting with one word), each with the number of words it takes,
/// given the lower-cased words that follow.
pub(crate) fn senses<'w>(
    entries: &'static [Entry],
    next: impl Fn(usize) -> Option<&'w str>,
) -> impl Iterator<Item = (Sense, usize)> {
    entries
        .iter()
        .filter(move |e| e.rest.iter().enumerate().all(|(k, w)| next(k) == Some(*w)))
        .map(|e| (e.sense, e.rest.len() + 1))
}

/// Whether a sense names time by itself (a month, a unit, "yesterday"), as opposed to the
/// words that only build on one ("last", "about", "the", "a").
fn names_time(sense: Sense) -> bool {
    matches!(
        sense,
        Sense::Month(_)
            | Sense::Weekday(_)
            | Sense::WeekdayAbbr(_)
            | Sense::Unit(_)
            | Sense::Season(_)
            | Sense::DayPart(_)
            | Sense::Deictic(..)
            | Sense::Reference(_)
            | Sense::SetAdverb(_)
            | Sense::ClockWord(..)
    )
}

type WordMap<V> = crate::hash::FastMap<&'static str, V>;

/// What the lexicon knows of one word: the phrases and holiday names it starts, whether it
/// names time by itself, and the tense it shows.
#[derive(Debug, Default)]
pub(crate) struct WordInfo {
    /// The phrases of `words.tsv` starting with it, longest first.
    pub entries: Vec<Entry>,
    /// The kinds of their senses, one bit each (see [`Kind::bit`]).
    pub kinds: u32,
    /// The holiday names starting with it, longest first.
    pub holidays: Vec<Holiday>,
    /// Whether it names time by itself (see [`STRONG`]).
    pub strong: bool,
    /// The tense it shows, if a cue word.
    pub tense: Option<Tense>,
    /// The flags the tagger reads at every token, copied out of this struct.
    pub flags: WordFlags,
    /// The rules that may start at it.
    pub starts: super::Starts,
}

/// What the tagger asks of every token, kept beside the word in the lookup table so that
/// asking does not follow a pointer to its [`WordInfo`].
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordFlags {
    /// Whether it names time by itself (see [`STRONG`]).
    pub strong: bool,
    /// Whether it may start a time expression: it starts a phrase of the lexicon or a holiday
    /// name, or the rules read it first ("'90s", "half an hour", "recent years", "Q3").
    pub trigger: bool,
    /// The tense it shows, if a cue word.
    pub tense: Option<Tense>,
    /// Whether it may be read as a day of the month after "on" or "on the" ("on the tenth",
    /// "on the twenty-first"): an ordinal up to 31, or "twenty" or "thirty", which an ordinal
    /// may follow. There it names time, though not by itself (see [`names_day_after_on`]).
    pub day_after_on: bool,
}

/// Every word the time lexicon knows, looked up once per token.
pub(crate) static LEXICON: LazyLock<WordMap<WordInfo>> = LazyLock::new(|| {
    let mut map: WordMap<WordInfo> = WordMap::default();
    for (word, entries) in WORDS.iter() {
        map.entry(word).or_default().entries = entries.clone();
    }
    for (word, holidays) in HOLIDAYS.iter() {
        map.entry(word).or_default().holidays = holidays.clone();
    }
    for word in STRONG.iter() {
        map.entry(word).or_default().strong = true;
    }
    for (word, tense) in TENSE_CUES.iter() {
        map.entry(word).or_default().tense = Some(*tense);
    }
    for (word, info) in map.iter_mut() {
        info.kinds = info.entries.iter().fold(0, |kinds, e| kinds | e.sense.kind().bit());
        let trigger = !info.entries.is_empty()
            || !info.holidays.is_empty()
            || matches!(*word, "'" | "‘" | "half" | "recent" | "q");
        // As the grammar reads a day of the month alone (`day_of_month`, `read_ordinal`).
        let day_after_on = info
            .entries
            .iter()
            .any(|e| matches!(e.sense, Sense::Ordinal(Some(1..=31)) | Sense::Number(20 | 30)));
        info.flags = WordFlags { strong: info.strong, trigger, tense: info.tense, day_after_on };
        info.starts = super::Starts::of_word(word, info.kinds, !info.holidays.is_empty());
    }
    map
});

/// A quick test before the hash lookup: the (first letter, last letter, length) shapes of
/// the lexicon's words, one bit each. Most words of a text have no such shape.
#[derive(Debug)]
struct Shapes {
    bits: Vec<u64>,
}

impl Shapes {
    const MAX_LEN: usize = 24;

    fn index(word: &str) -> Option<usize> {
        Self::index_bytes(word.as_bytes())
    }

    fn index_bytes(bytes: &[u8]) -> Option<usize> {
        Self::index_shape(*bytes.first()?, *bytes.last()?, bytes.len())
    }

    fn index_shape(first: u8, last: u8, len: usize) -> Option<usize> {
        if len > Self::MAX_LEN || !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
            return None;
        }
        Some((usize::from(first - b'a') * 26 + usize::from(last - b'a')) * (Self::MAX_LEN + 1) + len)
    }

    fn new<'w>(words: impl Iterator<Item = &'w str>) -> Shapes {
        let mut bits = vec![0u64; (26 * 26 * (Self::MAX_LEN + 1)).div_ceil(64)];
        for w in words {
            if let Some(i) = Self::index(w) {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        Shapes { bits }
    }

    /// False only when no lexicon word has the shape of `word` (words not of ASCII letters
    /// always pass).
    fn may_hold(&self, word: &str) -> bool {
        Self::index(word).is_none_or(|i| self.has(i))
    }

    /// Whether a lexicon word has the shape of index `i`.
    fn has(&self, i: usize) -> bool {
        self.bits[i / 64] & (1 << (i % 64)) != 0
    }
}

static SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(LEXICON.keys().copied()));
static STRONG_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::new(STRONG.iter().copied()));

/// Whether a lower-cased word names time by itself (see [`STRONG`]).
pub(crate) fn is_strong(word: &str) -> bool {
    STRONG_SHAPES.may_hold(word) && lookup(word).is_some_and(|i| i.strong)
}

/// The lexicon's tables for a document's words, resolved once (each static would otherwise be
/// checked for initialisation at every word).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tables {
    packed: &'static PackedLexicon,
}

impl Tables {
    pub(crate) fn get() -> Tables {
        Tables { packed: &PACKED }
    }

    /// What the lexicon knows of a lower-cased ASCII word of one to [`KEY_BYTES`] bytes, with
    /// its flags (as [`lookup_with_flags`]).
    #[inline]
    pub(crate) fn lookup(self, word: PackedKey) -> Option<(&'static WordInfo, WordFlags)> {
        let hash = word.hash();
        if !self.packed.words.may_contain(hash) {
            return None;
        }
        self.packed.get(word, hash)
    }

    /// Whether a lower-cased ASCII word of at most [`KEY_BYTES`] bytes is a strong word (see
    /// [`STRONG`]).
    #[inline]
    pub(crate) fn is_strong(self, word: PackedKey) -> bool {
        let hash = word.hash();
        word.len > 0
            && self.packed.strong_words.may_contain(hash)
            && self.packed.get(word, hash).is_some_and(|(_, flags)| flags.strong)
    }
}

/// What the lexicon knows of a lower-cased word.
pub(crate) fn lookup(word: &str) -> Option<&'static WordInfo> {
    lookup_with_flags(word).map(|(info, _)| info)
}

/// Whether the lower-cased word `word`, standing after "on" or "on the", may be read as a day
/// of the month ([`WordFlags::day_after_on`]): the word itself, its part before a hyphen
/// ("twenty-first"), or the word before a possessive "'s".
pub(crate) fn names_day_after_on(word: &str) -> bool {
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    let first_part = word.split('-').next().unwrap_or(word);
    lookup_with_flags(first_part).is_some_and(|(_, flags)| flags.day_after_on)
}

/// What the lexicon knows of a lower-cased word, with its flags.
pub(crate) fn lookup_with_flags(word: &str) -> Option<(&'static WordInfo, WordFlags)> {
    if !SHAPES.may_hold(word) {
        return None;
    }
    match PackedKey::of(word.as_bytes()) {
        Some(key) => PACKED.get(key, key.hash()),
        None => LEXICON.get(word).map(|info| (info, info.flags)),
    }
}

/// A word of at most 16 bytes packed into one integer (little-endian, zero-padded) with its
/// length: two such keys are the same word when the integers are equal, so a lookup compares
/// two integers instead of calling `memcmp`. Its bytes are also tested all at once (ASCII,
/// digits, hyphens), eight or sixteen to a machine word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PackedKey {
    bytes: u128,
    /// How many bytes it holds.
    pub len: usize,
}

/// The longest word a packed key holds, and how many zero bytes pad a lower-cased text so
/// that a key can be read at any of its words.
pub(crate) const KEY_BYTES: usize = PACKED_BYTES;

/// One in every byte.
const ONES: u128 = u128::MAX / 0xff;
/// The high bit of every byte.
const HIGH_BITS: u128 = ONES << 7;

impl PackedKey {
    const MAX_LEN: usize = KEY_BYTES;

    /// The key of `word`, or `None` when it is longer than [`PackedKey::MAX_LEN`].
    fn of(word: &[u8]) -> Option<PackedKey> {
        (word.len() <= Self::MAX_LEN)
            .then(|| PackedKey { bytes: pack_word(word).unwrap_or(0), len: word.len() })
    }

    /// The `len` bytes (at most [`PackedKey::MAX_LEN`]) at `at` of `padded`, read as one
    /// little-endian integer (the bytes past them masked off); `None` when fewer than sixteen
    /// bytes stand there (a text not padded).
    pub(crate) fn read(padded: &[u8], at: usize, len: usize) -> Option<PackedKey> {
        let chunk: [u8; KEY_BYTES] = padded.get(at..at + KEY_BYTES)?.try_into().ok()?;
        (len <= KEY_BYTES).then(|| PackedKey { bytes: pack_prefix(chunk, len), len })
    }

    /// The `len` bytes from byte `from` (within the key).
    pub(crate) fn part(self, from: usize, len: usize) -> PackedKey {
        let bytes = if from >= KEY_BYTES { 0 } else { self.bytes >> (8 * from) };
        PackedKey { bytes: bytes & prefix_mask(len), len }
    }

    /// Byte `k` (zero past the end).
    pub(crate) fn byte(self, k: usize) -> u8 {
        self.bytes.to_le_bytes().get(k).copied().unwrap_or(0)
    }

    /// Whether the last two bytes of an ASCII key are "'s" (of the lower-cased text: the text
    /// may have "'S"). Asked of every word, which the segmenter has mostly parted from its
    /// "'s": one test for any apostrophe clears nearly all before a byte is picked out.
    pub(crate) fn ends_with_possessive(self) -> bool {
        self.len >= 2
            && self.in_range(b'\'', b'\'' + 1) != 0
            && self.byte(self.len - 1) == b's'
            && self.byte(self.len - 2) == b'\''
    }

    /// Whether every byte is ASCII.
    pub(crate) fn is_ascii(self) -> bool {
        self.bytes & HIGH_BITS == 0
    }

    /// The high bit of each byte that is at least `low` and below `high`; of an ASCII key
    /// only (a byte plus the offset stays below 256, so no carry crosses into the next).
    fn in_range(self, low: u8, high: u8) -> u128 {
        let at_least = |k: u8| self.bytes.wrapping_add(ONES * u128::from(0x80 - k)) & HIGH_BITS;
        at_least(low) & !at_least(high)
    }

    /// Whether an ASCII key holds a byte from `'` to `9` (apostrophe, hyphen, full stop,
    /// slash, digit, and the few others between): one test that clears most words of all of
    /// these, so that they need no test of their own.
    pub(crate) fn may_have_mark(self) -> bool {
        self.in_range(b'\'', b'9' + 1) != 0
    }

    /// Whether an ASCII key holds a byte from `-` to `9` (hyphen, full stop, slash or digit):
    /// one test that clears most words of both digits and hyphens.
    pub(crate) fn may_have_digit_or_hyphen(self) -> bool {
        self.in_range(b'-', b'9' + 1) != 0
    }

    /// Whether an ASCII key holds a digit.
    pub(crate) fn has_digit(self) -> bool {
        self.in_range(b'0', b'9' + 1) != 0
    }

    /// The high bit of each hyphen of an ASCII key.
    pub(crate) fn hyphens(self) -> u128 {
        self.in_range(b'-', b'-' + 1)
    }

    fn hash(self) -> u64 {
        hash_packed(self.bytes as u64, (self.bytes >> 64) as u64, self.len)
    }
}

/// The lexicon's words of at most [`PackedKey::MAX_LEN`] bytes in an open-addressing table of
/// packed keys (linear probing, at most half full); longer words are in [`LEXICON`] only.
/// The keys stand apart from what they map to, sixteen bytes a slot, so that a probe reads
/// few cache lines; a filter of hash bits in front answers most words of a text, which are
/// none of the lexicon's, without a probe.
#[derive(Debug)]
struct PackedLexicon {
    /// Each slot's key bytes (zero: an empty slot; no word is all zero bytes).
    keys: Vec<u128>,
    /// Each slot's key length and what the lexicon knows of its word.
    values: Vec<(usize, Option<(&'static WordInfo, WordFlags)>)>,
    mask: usize,
    /// The hashes of every word of the table (16 Ki bits, 2 KiB: two filters are asked for
    /// every word of a text).
    words: HashFilter<14>,
    /// The hashes of its strong words.
    strong_words: HashFilter<14>,
}

impl PackedLexicon {
    fn new(lexicon: &'static WordMap<WordInfo>) -> PackedLexicon {
        let size = (lexicon.len() * 2).next_power_of_two().max(16);
        let mut table = PackedLexicon {
            keys: vec![0; size],
            values: vec![(0, None); size],
            mask: size - 1,
            words: HashFilter::default(),
            strong_words: HashFilter::default(),
        };
        for (word, info) in lexicon {
            let Some(key) = PackedKey::of(word.as_bytes()) else { continue };
            let hash = key.hash();
            table.words.add(hash);
            if info.flags.strong {
                table.strong_words.add(hash);
            }
            let mut slot = hash as usize & table.mask;
            while table.keys[slot] != 0 {
                slot = (slot + 1) & table.mask;
            }
            table.keys[slot] = key.bytes;
            table.values[slot] = (key.len, Some((info, info.flags)));
        }
        table
    }

    /// What the table holds for `key`, whose hash is `hash`.
    #[inline]
    fn get(&self, key: PackedKey, hash: u64) -> Option<(&'static WordInfo, WordFlags)> {
        let mut slot = hash as usize & self.mask;
        loop {
            match self.keys[slot] {
                0 => return None,
                bytes if bytes == key.bytes => {
                    // The same bytes with another length: a key holding zero bytes.
                    let (len, found) = self.values[slot];
                    return found.filter(|_| len == key.len);
                }
                _ => slot = (slot + 1) & self.mask,
            }
        }
    }
}

static PACKED: LazyLock<PackedLexicon> = LazyLock::new(|| PackedLexicon::new(&LEXICON));

/// Function words that occur in strong phrases ("at present", "the past") but say nothing of
/// time alone.
const WEAK_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "at",
    "in",
    "of",
    "upon",
    "once",
    "right",
    "just",
    "near",
    "long",
    "short",
    "mid",
    "being",
    "term",
    "same",
    "these",
    "those",
    "this",
    "that",
    "next",
    "last",
    "following",
    "from",
];

/// The words that name time by themselves: a sentence without one (and without a number) holds
/// no time expression, and no expression starts more than seven tokens before one (see
/// `Skips` in the tagger, and its test that tagging with the skips off finds nothing more).
///
/// They are the words of the phrases that name time, but for the function words among them
/// ([`WEAK_WORDS`]), which would keep most sentences from being skipped; a phrase made only of
/// those ("the long term") keeps its last word. A holiday name holding such a word ("Presidents'
/// Day", "Good Friday", "New Year's Eve") is in reach of it; only the words of the others
/// ("Christmas", "Mardi Gras") count. Were every word of every name strong, "president", "new",
/// "all" and "international" would keep one sentence of the news in ten from being skipped.
pub(crate) static STRONG: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let words_of = |first: &'static str, rest: &[&'static str]| -> Vec<&'static str> {
        std::iter::once(first).chain(rest.iter().copied()).filter(|w| *w != "'s").collect()
    };
    // A phrase's words but the function words, or its last word if it has no other.
    let strong_words_of = |words: &[&'static str]| -> Vec<&'static str> {
        let named: Vec<_> = words.iter().copied().filter(|w| !WEAK_WORDS.contains(w)).collect();
        if named.is_empty() { words.last().copied().into_iter().collect() } else { named }
    };
    let mut set: HashSet<&'static str> = WORDS
        .iter()
        .flat_map(|(first, entries)| {
            entries.iter().filter(|e| names_time(e.sense)).map(|e| words_of(first, &e.rest))
        })
        .flat_map(|words| strong_words_of(&words))
        .collect();
    let holiday_words: Vec<&'static str> = HOLIDAYS
        .iter()
        .flat_map(|(first, entries)| entries.iter().map(|h| words_of(first, &h.rest)))
        .filter(|name| !name.iter().any(|w| set.contains(w)))
        // Not the particles and hyphens of a name ("al", "-" and "ul" of "Eid al-Fitr", "Eid
        // ul-Adha"): its other words name it, and "al" stands in many Arabic names.
        .map(|name| {
            let long: Vec<_> = name.iter().copied().filter(|w| w.len() > 2).collect();
            if long.is_empty() { name } else { long }
        })
        .flat_map(|name| strong_words_of(&name))
        .collect();
    set.extend(holiday_words);
    // Words the rules read that are not in the lexicon; "time" for "at that time" (the
    // narrative's last date); the marks of a clock time in words ("seven thirty p.m.", "ten
    // o'clock"; not "a" and "p", which are words too).
    set.extend(["recent", "half", "q", "'", "‘", "time", "a.m.", "p.m.", "am", "pm", "o'clock"]);
    set
});

#[cfg(test)]
mod tests {
    /// A holiday falling twice in a year is dated by its first date that year, and each
    /// `hindu` rule of holidays.tsv names a holiday the table has (a rule naming another would
    /// not load).
    #[test]
    fn hindu_dates_keep_the_first_date_of_a_year() {
        let mut first = std::collections::HashMap::new();
        for (_, f) in crate::lexicon::rows(super::HINDU_DATES_TSV) {
            let key = (f[0], f[1].parse::<i32>().unwrap());
            first.entry(key).or_insert(f[2]);
        }
        assert_eq!(super::HINDU_DATES.dates.len(), first.len());
        for ((key, year), month_day) in first {
            let index = super::HINDU_DATES.keys.iter().position(|k| *k == key).unwrap();
            let date = super::HINDU_DATES.dates[&(u16::try_from(index).unwrap(), year)];
            assert_eq!(date.format("%m-%d").to_string(), month_day, "{key} {year}");
        }
        assert!(super::HOLIDAYS.values().flatten().any(|h| matches!(h.rule, super::HolidayRule::Hindu(..))));
    }

    #[test]
    fn weekday_shifts_are_read() {
        use super::WeekdayShifts;
        assert_eq!(
            WeekdayShifts::parse(["fri-1", "sat-2", "mon+1"]),
            Some(WeekdayShifts([1, 0, 0, 0, -1, -2, 0]))
        );
        assert_eq!(WeekdayShifts::parse([]), Some(WeekdayShifts::default()));
        for bad in ["fri", "frx-1", "fri-x", "fr", "friday-1", ""] {
            assert_eq!(WeekdayShifts::parse([bad]), None, "{bad}");
        }
    }

    /// The common words of the news keep no sentence from being skipped, though holiday names
    /// hold them ("Isra and Mi'raj", "Eid al-Fitr", "Chinese New Year", "Presidents' Day"):
    /// such a word in the strong set once made the tagger a sixth slower.
    #[test]
    fn common_words_are_not_strong() {
        for word in
            ["and", "al", "-", "new", "president", "all", "international", "chinese", "iranian", "power"]
        {
            assert!(!super::STRONG.contains(word), "{word} is strong");
        }
    }

    /// A key without a mark byte (see [`PackedKey::may_have_mark`]) has no digit, hyphen or
    /// possessive, wherever the byte stands and however long the word.
    #[test]
    fn a_word_without_marks_has_no_digit_hyphen_or_possessive() {
        for b in 1..128u8 {
            for len in 1..=super::KEY_BYTES {
                for at in 0..len {
                    let mut word = vec![b'a'; len];
                    word[at] = b;
                    if at + 1 < len {
                        word[len - 1] = b's';
                    }
                    let Some(key) = super::PackedKey::of(&word) else { continue };
                    assert_eq!(key.may_have_mark(), (b'\''..=b'9').contains(&b), "{word:?}");
                    if !key.may_have_mark() {
                        assert!(
                            !key.has_digit() && key.hyphens() == 0 && !key.ends_with_possessive(),
                            "{word:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn lexicons_load() {
        assert!(super::WORDS.len() > 100);
        assert!(super::HOLIDAYS.len() > 20);
        assert!(super::TENSE_CUES.len() > 50);
    }
}
