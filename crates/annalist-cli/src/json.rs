//! Compact JSON written straight into a `Vec<u8>`, byte for byte as `serde_json::to_writer`
//! writes it.
//!
//! Why it exists: rendering records and claim rows was about a tenth of the CPU time of
//! `annalist corpus`. serde_json looks at every byte of every string (object keys included)
//! through a lookup table, and hands each fragment (a quote, a comma, a key, a run of text) to
//! an `io::Write` one call at a time, most of them a `memcpy` of a few bytes. A record is
//! mostly such small pieces (`{"id":"m12","span":{"start":80,"end":86},...`), so this
//! serializer tests strings eight bytes at a time (SWAR) for the few bytes JSON must escape,
//! copies each clean run of text at once, and builds a short key with its quotes and colon, a
//! short string with its quotes, or a small number in a register, appended with one fixed-size
//! copy. Through the derived `Serialize` impls it renders the records of the VOA stories
//! about 1.5 to 1.8 times as fast as serde_json. [`write_record`] goes further for the
//! record's own structs (mentions, spans, events, claims, ...): it writes their fields by
//! hand, with constant keys, which is 1.5 times as fast again (`render_speed` in
//! `corpus.rs`).
//!
//! Why it is safe to use: the output is the same as serde_json's, not merely equivalent JSON.
//! Strings are escaped exactly as serde_json escapes them (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
//! `\t`, every other control byte as `\u00xx` in lower-case hex, nothing else), integers and
//! floats are formatted by the crates serde_json formats them with (`itoa`, `zmij`; a NaN or
//! infinite float is `null`), and options, units, newtypes, sequences, maps, structs and enum
//! variants take the shapes serde_json gives them, down to the separators of a collection
//! announced as empty, map keys that are numbers or booleans (quoted) and the errors for keys
//! that cannot be strings. The tests check all of this against serde_json itself on arbitrary
//! values and on every record of the test corpora.

use std::fmt::{self, Display};
use std::ops::Range;

use annalist_core::{
    Actor, ActorId, Claim, ClaimSource, Document, Event, Mention, Participant, Record, Sentence, Span,
    TimeExpr, TimeId,
};
use serde::Serialize;
use serde::ser::{self, Impossible};

/// Appends `value` as compact JSON to `out`, exactly as `serde_json::to_writer` would write it.
pub fn write<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(Writer { out })
}

/// Where the parts of a record that claim rows repeat stand in the record's line (see
/// [`write_record`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordLayout {
    /// The document text, escaped.
    pub text: EscapedText,
    /// Each claim's object, in the record's order.
    pub claims: Vec<Range<usize>>,
}

/// Where a record's text stands in its line, escaped: each piece of the text (a sentence, a
/// claim's content) is found there as JSON writes it, so a claim row copies it rather than
/// escaping it again. (Each byte is escaped on its own, so the escape of a piece is the piece
/// of the escape.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscapedText {
    /// Where the text starts in the line (after its opening quote).
    start: usize,
    /// For each escaped byte, in text order: the text offset just after it, and how many bytes
    /// longer than the text the escape is up to there.
    escapes: Vec<(usize, usize)>,
}

impl EscapedText {
    /// Appends `text` escaped (without quotes), noting where its escapes are.
    fn write(out: &mut Vec<u8>, text: &str) -> EscapedText {
        let mut escaped = EscapedText { start: out.len(), escapes: Vec::new() };
        let mut longer = 0;
        write_escaped_noting(out, text.as_bytes(), |at, escape_len| {
            longer += escape_len - 1;
            escaped.escapes.push((at + 1, longer));
        });
        escaped
    }

    /// Where the text's bytes `piece` (on character boundaries) stand in the line, escaped.
    pub fn range(&self, piece: Range<usize>) -> Range<usize> {
        let at = |offset: usize| {
            let before = self.escapes.partition_point(|&(after, _)| after <= offset);
            let longer = before.checked_sub(1).map_or(0, |last| self.escapes[last].1);
            self.start + offset + longer
        };
        at(piece.start)..at(piece.end)
    }
}

/// Appends `record` as compact JSON, exactly as [`write`] (and serde_json) would write it,
/// and returns where its text and each of its claims' objects stand in `out` (claim rows reuse
/// them).
///
/// Why by hand: a record is mostly small structs (mentions, spans, participants, ...). Through
/// serde each field is a call that writes its key, tests the key for escapes and then writes
/// the value; here the keys and the punctuation between values are constant byte strings, and
/// only the values are written. Every struct written here is taken apart exhaustively, so a
/// field added to one fails to compile until it is written here too; enums and the rarer
/// parts (roles, anchors, relations, ...) go through [`write`]. Tests compare the result with
/// serde_json on every record of the test corpora.
pub fn write_record(out: &mut Vec<u8>, record: &Record) -> Result<RecordLayout, Error> {
    let Record { document, actors, mentions, timexes, events, claims, relations, diagnostics } = record;
    let Document { id, metadata, text, sentences } = document;
    out.extend_from_slice(b"{\"document\":{\"id\":");
    write_string(out, id.as_str());
    out.extend_from_slice(b",\"metadata\":");
    write(out, metadata)?;
    out.extend_from_slice(b",\"text\":\"");
    let escaped_text = EscapedText::write(out, text);
    out.push(b'"');
    out.extend_from_slice(b",\"sentences\":");
    write_array(out, sentences, |out, Sentence { span }| {
        out.extend_from_slice(b"{\"span\":");
        write_span(out, *span);
        out.push(b'}');
        Ok(())
    })?;
    out.extend_from_slice(b"},\"actors\":");
    write_array(out, actors, write_actor)?;
    out.extend_from_slice(b",\"mentions\":");
    write_array(out, mentions, write_mention)?;
    out.extend_from_slice(b",\"timexes\":");
    write_array(out, timexes, write_timex)?;
    out.extend_from_slice(b",\"events\":");
    write_array(out, events, write_event)?;
    out.extend_from_slice(b",\"claims\":");
    let mut claim_objects = Vec::with_capacity(claims.len());
    write_array(out, claims, |out, claim| {
        let start = out.len();
        write_claim(out, claim)?;
        claim_objects.push(start..out.len());
        Ok(())
    })?;
    out.extend_from_slice(b",\"relations\":");
    write(out, relations)?;
    // Skipped when empty, as the record's `skip_serializing_if` says.
    if !diagnostics.is_empty() {
        out.extend_from_slice(b",\"diagnostics\":");
        write(out, diagnostics)?;
    }
    out.push(b'}');
    Ok(RecordLayout { text: escaped_text, claims: claim_objects })
}

/// Appends `items` as an array, each written by `write_item`.
#[inline]
fn write_array<T>(
    out: &mut Vec<u8>,
    items: &[T],
    mut write_item: impl FnMut(&mut Vec<u8>, &T) -> Result<(), Error>,
) -> Result<(), Error> {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_item(out, item)?;
    }
    out.push(b']');
    Ok(())
}

/// Appends `,"key":"value"` when there is a value (a field skipped when `None`).
#[inline]
fn write_optional_string(out: &mut Vec<u8>, key_with_comma: &[u8], value: Option<&str>) {
    if let Some(value) = value {
        out.extend_from_slice(key_with_comma);
        write_string(out, value);
    }
}

/// Appends an actor as its derived `Serialize` writes it.
fn write_actor(out: &mut Vec<u8>, actor: &Actor) -> Result<(), Error> {
    let Actor { id, name, kind, code, country, aliases, roles } = actor;
    out.extend_from_slice(b"{\"id\":");
    write_string(out, id.as_str());
    out.extend_from_slice(b",\"name\":");
    write_string(out, name);
    out.extend_from_slice(b",\"kind\":");
    write(out, kind)?;
    write_optional_string(out, b",\"code\":", code.as_deref());
    write_optional_string(out, b",\"country\":", country.as_deref());
    if !aliases.is_empty() {
        out.extend_from_slice(b",\"aliases\":");
        write(out, aliases)?;
    }
    if !roles.is_empty() {
        out.extend_from_slice(b",\"roles\":");
        write(out, roles)?;
    }
    out.push(b'}');
    Ok(())
}

/// Appends a mention as its derived `Serialize` writes it.
#[inline]
fn write_mention(out: &mut Vec<u8>, mention: &Mention) -> Result<(), Error> {
    let Mention { id, span, actor, kind, resolution } = mention;
    out.extend_from_slice(b"{\"id\":");
    write_string(out, id.as_str());
    out.extend_from_slice(b",\"span\":");
    write_span(out, *span);
    out.extend_from_slice(b",\"actor\":");
    write_string(out, actor.as_str());
    out.extend_from_slice(b",\"kind\":");
    write(out, kind)?;
    out.extend_from_slice(b",\"resolution\":");
    write(out, resolution)?;
    out.push(b'}');
    Ok(())
}

/// Appends a time expression as its derived `Serialize` writes it.
fn write_timex(out: &mut Vec<u8>, timex: &TimeExpr) -> Result<(), Error> {
    let TimeExpr { id, span, timex_type, value, modifier, anchor } = timex;
    out.extend_from_slice(b"{\"id\":");
    write_string(out, id.as_str());
    out.extend_from_slice(b",\"span\":");
    write_span(out, *span);
    out.extend_from_slice(b",\"type\":");
    write(out, timex_type)?;
    out.extend_from_slice(b",\"value\":");
    write_string(out, value);
    if let Some(modifier) = modifier {
        out.extend_from_slice(b",\"mod\":");
        write(out, modifier)?;
    }
    out.extend_from_slice(b",\"anchor\":");
    write(out, anchor)?;
    out.push(b'}');
    Ok(())
}

/// Appends an event as its derived `Serialize` writes it.
fn write_event(out: &mut Vec<u8>, event: &Event) -> Result<(), Error> {
    let Event { id, event_type, mode, source, target, trigger, modality, time, place, sentence } = event;
    out.extend_from_slice(b"{\"id\":");
    write_string(out, id.as_str());
    out.extend_from_slice(b",\"type\":");
    write(out, event_type)?;
    write_optional_string(out, b",\"mode\":", mode.as_deref());
    out.extend_from_slice(b",\"source\":");
    write_array(out, source, write_participant)?;
    out.extend_from_slice(b",\"target\":");
    write_array(out, target, write_participant)?;
    out.extend_from_slice(b",\"trigger\":");
    write_span(out, *trigger);
    out.extend_from_slice(b",\"modality\":");
    write(out, modality)?;
    write_optional_string(out, b",\"time\":", time.as_ref().map(TimeId::as_str));
    write_optional_string(out, b",\"place\":", place.as_ref().map(ActorId::as_str));
    out.extend_from_slice(b",\"sentence\":");
    write_u64(out, *sentence as u64);
    out.push(b'}');
    Ok(())
}

/// Appends an event participant as its derived `Serialize` writes it.
#[inline]
fn write_participant(out: &mut Vec<u8>, participant: &Participant) -> Result<(), Error> {
    let Participant { actor, span, code, code_from_context } = participant;
    out.extend_from_slice(b"{\"actor\":");
    write_string(out, actor.as_str());
    out.extend_from_slice(b",\"span\":");
    write_span(out, *span);
    write_optional_string(out, b",\"code\":", code.as_deref());
    if *code_from_context {
        out.extend_from_slice(b",\"code_from_context\":true");
    }
    out.push(b'}');
    Ok(())
}

/// Appends a claim as its derived `Serialize` writes it.
fn write_claim(out: &mut Vec<u8>, claim: &Claim) -> Result<(), Error> {
    let Claim { id, source, cue, content, certainty, certainty_cues, stance, links, time, sentence } = claim;
    out.extend_from_slice(b"{\"id\":");
    write_string(out, id.as_str());
    out.extend_from_slice(b",\"source\":");
    write_claim_source(out, source);
    if let Some(cue) = cue {
        out.extend_from_slice(b",\"cue\":");
        write_span(out, *cue);
    }
    out.extend_from_slice(b",\"content\":");
    write_span(out, *content);
    out.extend_from_slice(b",\"certainty\":");
    write(out, certainty)?;
    if !certainty_cues.is_empty() {
        out.extend_from_slice(b",\"certainty_cues\":");
        write(out, certainty_cues)?;
    }
    if !stance.is_empty() {
        out.extend_from_slice(b",\"stance\":");
        write(out, stance)?;
    }
    if !links.is_empty() {
        out.extend_from_slice(b",\"links\":");
        write(out, links)?;
    }
    write_optional_string(out, b",\"time\":", time.as_ref().map(TimeId::as_str));
    out.extend_from_slice(b",\"sentence\":");
    write_u64(out, *sentence as u64);
    out.push(b'}');
    Ok(())
}

/// Appends a claim's source as its derived `Serialize` writes it: tagged by `kind` inside the
/// object, the span left out when there is none.
fn write_claim_source(out: &mut Vec<u8>, source: &ClaimSource) {
    let span = match source {
        ClaimSource::Actor { actor, span } => {
            out.extend_from_slice(b"{\"kind\":\"actor\",\"actor\":");
            write_string(out, actor.as_str());
            Some(span)
        }
        ClaimSource::Author { span } => {
            out.extend_from_slice(b"{\"kind\":\"author\"");
            span.as_ref()
        }
        ClaimSource::Unnamed { span } => {
            out.extend_from_slice(b"{\"kind\":\"unnamed\"");
            span.as_ref()
        }
    };
    if let Some(span) = span {
        out.extend_from_slice(b",\"span\":");
        write_span(out, *span);
    }
    out.push(b'}');
}

/// Appends a span, `{"start":N,"end":M}`, as its derived `Serialize` writes it.
#[inline]
pub fn write_span(out: &mut Vec<u8>, span: Span) {
    let Span { start, end } = span;
    out.extend_from_slice(b"{\"start\":");
    write_u64(out, start as u64);
    out.extend_from_slice(b",\"end\":");
    write_u64(out, end as u64);
    out.push(b'}');
}

/// Appends `text` as a JSON string: between quotes, escaped as serde_json escapes it.
#[inline]
pub fn write_str(out: &mut Vec<u8>, text: &str) {
    write_string(out, text);
}

/// Why a value could not be written: a map key that is not a string (nor a number, boolean or
/// character), a non-finite float as a map key, or an error raised by a `Serialize` impl.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(message: T) -> Self {
        Error { message: message.to_string() }
    }
}

fn key_must_be_a_string() -> Error {
    Error { message: "key must be a string".to_owned() }
}

fn float_key_must_be_finite() -> Error {
    Error { message: "float key must be finite (got NaN or +/-inf)".to_owned() }
}

/// The serializer: every value is appended to `out`.
#[derive(Debug)]
struct Writer<'o> {
    out: &'o mut Vec<u8>,
}

/// How far an array or object being written has got, which decides its separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// It was announced with length 0 and closed at once (`[]`, `{}`), as serde_json does;
    /// nothing more is written at its end.
    Closed,
    /// Nothing written in it yet: the next element or key needs no comma.
    First,
    /// Elements or keys written: the next one follows a comma (and the collection is closed
    /// at its end, even after [`Position::Closed`]).
    Later,
}

/// An array or object being written (serde's compound serializers).
#[derive(Debug)]
struct Collection<'o> {
    out: &'o mut Vec<u8>,
    position: Position,
}

/// Serializes map keys: strings as they are; numbers, booleans and characters as strings;
/// anything else is an error (all as serde_json does).
#[derive(Debug)]
struct KeyWriter<'o> {
    out: &'o mut Vec<u8>,
}

/// The escape of each byte in a JSON string: 0 for a byte written as it is, `u` for `\u00xx`,
/// else the letter after the backslash.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// `byte` in each of a word's eight bytes.
const fn each_byte(byte: u8) -> u64 {
    u64::from_le_bytes([byte; 8])
}

const HIGH_BITS: u64 = each_byte(0x80);

/// The high bits of every byte of `word` that JSON must escape (a control byte, `"` or `\`),
/// and possibly of bytes above the first such byte; 0 when there is none.
///
/// The SWAR tests `(x - n) & !x & 0x80..` ("some byte of x is below n", for n <= 0x80) can
/// mark a byte above a true hit because of the borrow the hit produces, but never mark one
/// below the first hit, so the lowest mark is exact; `x ^ c` is 0 where `x` is `c`.
#[inline]
const fn escape_marks(word: u64) -> u64 {
    let quote = word ^ each_byte(b'"');
    let backslash = word ^ each_byte(b'\\');
    let marks = (word.wrapping_sub(each_byte(0x20)) & !word)
        | (quote.wrapping_sub(each_byte(1)) & !quote)
        | (backslash.wrapping_sub(each_byte(1)) & !backslash);
    marks & HIGH_BITS
}

/// `text`, at most 16 bytes long, in a register (its first byte lowest) when none of its
/// bytes needs an escape. It takes one or two word loads and one escape test, instead of a
/// loop over the bytes.
#[inline]
fn clean_short(text: &[u8]) -> Option<u128> {
    debug_assert!(text.len() <= 16);
    let len = text.len();
    // The two loads overlap when the text is shorter than two words: the bytes they share are
    // the same, so OR-ing them together leaves those as they are.
    if let (Some(first), Some(last)) = (text.first_chunk::<8>(), text.last_chunk::<8>()) {
        let (first, last) = (u64::from_le_bytes(*first), u64::from_le_bytes(*last));
        if escape_marks(first) | escape_marks(last) != 0 {
            return None;
        }
        return Some(u128::from(first) | u128::from(last) << (8 * (len - 8)));
    }
    if let (Some(first), Some(last)) = (text.first_chunk::<4>(), text.last_chunk::<4>()) {
        let (first, last) = (u32::from_le_bytes(*first), u32::from_le_bytes(*last));
        if escape_marks(u64::from(first) | u64::from(last) << 32) != 0 {
            return None;
        }
        return Some(u128::from(first) | u128::from(last) << (8 * (len - 4)));
    }
    let mut word = 0;
    for (i, &byte) in text.iter().enumerate() {
        if ESCAPE[usize::from(byte)] != 0 {
            return None;
        }
        word |= u128::from(byte) << (8 * i);
    }
    Some(word)
}

/// Appends the first `len` (at most 16) bytes of `word`, first byte lowest. Most of what a
/// record holds is a few bytes long (keys, ids, numbers): one fixed-size copy from a register,
/// cut back to `len`, costs less than appending a few bytes of unknown length (a call to
/// `memcpy`) or byte by byte (a capacity check each).
#[inline]
fn append_word(out: &mut Vec<u8>, word: u128, len: usize) {
    let end = out.len() + len;
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(end);
}

/// Appends `text` between quotes, escaped.
#[inline]
fn write_string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // `"text"` in one register when it fits.
    if bytes.len() <= 14
        && let Some(word) = clean_short(bytes)
    {
        let quoted = u128::from(b'"') | word << 8 | u128::from(b'"') << (8 * (bytes.len() + 1));
        append_word(out, quoted, bytes.len() + 2);
        return;
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    write_escaped(out, bytes);
    out.push(b'"');
}

/// Appends `text` escaped, without quotes: each run of bytes that need no escape is copied at
/// once, found sixteen, then eight bytes at a time.
fn write_escaped(out: &mut Vec<u8>, text: &[u8]) {
    write_escaped_noting(out, text, |_, _| {});
}

/// [`write_escaped`], telling `noted` the offset in `text` and the length of each escape it
/// writes.
fn write_escaped_noting(out: &mut Vec<u8>, text: &[u8], mut noted: impl FnMut(usize, usize)) {
    let mut copied_to = 0;
    let mut at = 0;
    loop {
        // Sixteen bytes a step through clean text (vector compares, fewer branches); the word
        // loop below then finds the byte to escape.
        while let Some(block) = text[at..].first_chunk::<16>() {
            if needs_escape(block) {
                break;
            }
            at += 16;
        }
        let escaped_at = loop {
            match text[at..].first_chunk::<8>() {
                Some(word) => match escape_marks(u64::from_le_bytes(*word)) {
                    0 => at += 8,
                    bit => break at + bit.trailing_zeros() as usize / 8,
                },
                None => match text[at..].iter().position(|&b| ESCAPE[usize::from(b)] != 0) {
                    Some(offset) => break at + offset,
                    None => {
                        out.extend_from_slice(&text[copied_to..]);
                        return;
                    }
                },
            }
        };
        out.extend_from_slice(&text[copied_to..escaped_at]);
        let before = out.len();
        write_escape(out, text[escaped_at]);
        noted(escaped_at, out.len() - before);
        at = escaped_at + 1;
        copied_to = at;
    }
}

/// Whether any of sixteen bytes needs an escape: tested byte by byte with no early exit, which
/// the compiler turns into a few vector compares (fewer steps than the word tests).
#[inline]
fn needs_escape(block: &[u8; 16]) -> bool {
    block.iter().fold(false, |found, &b| found | (b < 0x20) | (b == b'"') | (b == b'\\'))
}

/// Appends the escape of `byte`, one that [`ESCAPE`] marks.
fn write_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX_DIGITS: [u8; 16] = *b"0123456789abcdef";
    match ESCAPE[usize::from(byte)] {
        b'u' => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX_DIGITS[usize::from(byte >> 4)],
            HEX_DIGITS[usize::from(byte & 0xF)],
        ]),
        letter => out.extend_from_slice(&[b'\\', letter]),
    }
}

/// Appends an object key (with the comma before it when it is not the first) and its colon.
#[inline]
fn write_key(out: &mut Vec<u8>, position: &mut Position, key: &str) {
    separate(out, position);
    let bytes = key.as_bytes();
    // `"key":` in one register when it fits.
    if bytes.len() <= 13
        && let Some(word) = clean_short(bytes)
    {
        let colon = u128::from(u16::from_le_bytes(*b"\":"));
        append_word(out, u128::from(b'"') | word << 8 | colon << (8 * (bytes.len() + 1)), bytes.len() + 3);
    } else {
        write_string(out, key);
        out.push(b':');
    }
}

/// Appends the comma before an element or key unless it is the first. Like serde_json, a
/// collection closed when opened (announced as empty) gets one too, and its closing bracket
/// again: a `Serialize` impl that announces 0 elements and then writes some gets the same
/// output from both.
#[inline]
fn separate(out: &mut Vec<u8>, position: &mut Position) {
    if *position != Position::First {
        out.push(b',');
    }
    *position = Position::Later;
}

/// Appends any integer in decimal, by `itoa` (as serde_json does).
fn write_integer(out: &mut Vec<u8>, value: impl itoa::Integer) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// Appends `value` in decimal (as `itoa` and `Display` write it). The numbers of a record are
/// mostly offsets of a few digits: those below 10^8 are built in a register, most significant
/// digit in the lowest byte, and appended with one fixed-size copy cut back to their length.
#[inline]
fn write_u64(out: &mut Vec<u8>, value: u64) {
    if value >= 100_000_000 {
        write_integer(out, value);
        return;
    }
    let mut digits = 0u64;
    let mut len = 0;
    let mut rest = value;
    loop {
        digits = digits << 8 | u64::from(b'0' + (rest % 10) as u8);
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let end = out.len() + len;
    out.extend_from_slice(&digits.to_le_bytes());
    out.truncate(end);
}

/// Appends `value` in decimal.
#[inline]
fn write_i64(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    write_u64(out, value.unsigned_abs());
}

/// A finite float as serde_json writes it (shortest round-trip form, by `zmij`); NaN and the
/// infinities are `null`.
#[inline]
fn write_float(out: &mut Vec<u8>, value: impl zmij::Float, finite: bool) {
    if finite {
        out.extend_from_slice(zmij::Buffer::new().format_finite(value).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

/// Opens an array or object; one announced as empty is closed at once.
#[inline]
fn open<'o>(out: &'o mut Vec<u8>, brackets: &[u8; 2], len: Option<usize>) -> Collection<'o> {
    if len == Some(0) {
        out.extend_from_slice(brackets);
        Collection { out, position: Position::Closed }
    } else {
        out.push(brackets[0]);
        Collection { out, position: Position::First }
    }
}

/// Opens `{"variant":` around an enum variant's content.
#[inline]
fn open_variant<'o>(out: &'o mut Vec<u8>, variant: &str) -> &'o mut Vec<u8> {
    out.push(b'{');
    write_string(out, variant);
    out.push(b':');
    out
}

/// The integer methods of a `Serializer` over `self.out`: each widens its value to `$wide`
/// and appends it with `$write`.
macro_rules! serialize_integers_with {
    ($($write:ident as $wide:ty: $($method:ident($ty:ty)),+;)+) => {
        $($(
            #[inline]
            fn $method(self, value: $ty) -> Result<(), Error> {
                $write(self.out, <$wide>::from(value));
                Ok(())
            }
        )+)+
    };
}

impl<'o> ser::Serializer for Writer<'o> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Collection<'o>;
    type SerializeTuple = Collection<'o>;
    type SerializeTupleStruct = Collection<'o>;
    type SerializeTupleVariant = Collection<'o>;
    type SerializeMap = Collection<'o>;
    type SerializeStruct = Collection<'o>;
    type SerializeStructVariant = Collection<'o>;

    #[inline]
    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.out.extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    serialize_integers_with! {
        write_i64 as i64: serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64);
        write_u64 as u64: serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64);
        write_integer as i128: serialize_i128(i128);
        write_integer as u128: serialize_u128(u128);
    }

    #[inline]
    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        write_float(self.out, value, value.is_finite());
        Ok(())
    }

    #[inline]
    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        write_float(self.out, value, value.is_finite());
        Ok(())
    }

    #[inline]
    fn serialize_char(self, value: char) -> Result<(), Error> {
        write_string(self.out, value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    #[inline]
    fn serialize_str(self, value: &str) -> Result<(), Error> {
        write_string(self.out, value);
        Ok(())
    }

    /// Bytes are an array of numbers, as in serde_json.
    #[inline]
    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        self.out.push(b'[');
        for (i, &byte) in value.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write_integer(self.out, byte);
        }
        self.out.push(b']');
        Ok(())
    }

    #[inline]
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    #[inline]
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    #[inline]
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let out = open_variant(self.out, variant);
        value.serialize(Writer { out: &mut *out })?;
        out.push(b'}');
        Ok(())
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Collection<'o>, Error> {
        Ok(open(self.out, b"[]", len))
    }

    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<Collection<'o>, Error> {
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Collection<'o>, Error> {
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Collection<'o>, Error> {
        Ok(open(open_variant(self.out, variant), b"[]", Some(len)))
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<Collection<'o>, Error> {
        Ok(open(self.out, b"{}", len))
    }

    /// serde_json's `RawValue` and arbitrary-precision `Number` are structs with private names
    /// that it writes specially (when those features are on); they are refused here rather
    /// than written differently.
    #[inline]
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Collection<'o>, Error> {
        if name.starts_with("$serde_json::private::") {
            return Err(Error { message: format!("{name} is not supported") });
        }
        self.serialize_map(Some(len))
    }

    #[inline]
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Collection<'o>, Error> {
        Ok(open(open_variant(self.out, variant), b"{}", Some(len)))
    }

    /// Writes the `Display` form escaped as it is produced, without building a `String`.
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Error> {
        /// Escapes each piece `Display` writes into the output.
        struct EscapingWriter<'a> {
            out: &'a mut Vec<u8>,
        }
        impl fmt::Write for EscapingWriter<'_> {
            fn write_str(&mut self, piece: &str) -> fmt::Result {
                write_escaped(self.out, piece.as_bytes());
                Ok(())
            }
        }
        self.out.push(b'"');
        fmt::write(&mut EscapingWriter { out: &mut *self.out }, format_args!("{value}"))
            .map_err(|_| Error { message: "a Display implementation returned an error".to_owned() })?;
        self.out.push(b'"');
        Ok(())
    }
}

impl<'o> Collection<'o> {
    /// Appends one array element, after a comma unless it is the first.
    #[inline]
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        separate(self.out, &mut self.position);
        value.serialize(Writer { out: &mut *self.out })
    }

    /// Appends one object field, after a comma unless it is the first.
    #[inline]
    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        write_key(self.out, &mut self.position, key);
        value.serialize(Writer { out: &mut *self.out })
    }

    /// Closes the array or object with `bracket` unless it was closed when opened and nothing
    /// was written in it after.
    #[inline]
    fn close(self, bracket: u8) -> &'o mut Vec<u8> {
        if self.position != Position::Closed {
            self.out.push(bracket);
        }
        self.out
    }
}

/// The compound serializers of an array: each element through [`Collection::element`].
macro_rules! impl_array {
    ($($serialize:ident :: $method:ident),+) => {
        $(
            impl ser::$serialize for Collection<'_> {
                type Ok = ();
                type Error = Error;

                #[inline]
                fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                    self.element(value)
                }

                #[inline]
                fn end(self) -> Result<(), Error> {
                    self.close(b']');
                    Ok(())
                }
            }
        )+
    };
}

impl_array!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for Collection<'_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    /// Closes the array and the `{"variant":` object around it.
    #[inline]
    fn end(self) -> Result<(), Error> {
        self.close(b']').push(b'}');
        Ok(())
    }
}

impl ser::SerializeMap for Collection<'_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        separate(self.out, &mut self.position);
        key.serialize(KeyWriter { out: &mut *self.out })
    }

    #[inline]
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.out.push(b':');
        value.serialize(Writer { out: &mut *self.out })
    }

    #[inline]
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Collection<'_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }

    #[inline]
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Collection<'_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }

    /// Closes the object and the `{"variant":` object around it.
    #[inline]
    fn end(self) -> Result<(), Error> {
        self.close(b'}').push(b'}');
        Ok(())
    }
}

impl KeyWriter<'_> {
    /// Appends `text` (a number or boolean, which needs no escaping) as a quoted key.
    fn quoted(self, text: &[u8]) -> Result<(), Error> {
        write_quoted(self.out, text);
        Ok(())
    }

    /// Appends a float as a quoted key; a NaN or infinity cannot be one.
    fn float(self, value: impl zmij::Float, finite: bool) -> Result<(), Error> {
        if !finite {
            return Err(float_key_must_be_finite());
        }
        self.quoted(zmij::Buffer::new().format_finite(value).as_bytes())
    }
}

/// Appends `text` between quotes as it is.
fn write_quoted(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'"');
    out.extend_from_slice(text);
    out.push(b'"');
}

/// Appends an integer as a quoted map key (serde_json writes number keys as strings).
fn write_quoted_integer(out: &mut Vec<u8>, value: impl itoa::Integer) {
    write_quoted(out, itoa::Buffer::new().format(value).as_bytes());
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    #[inline]
    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.quoted(if value { b"true" } else { b"false" })
    }

    serialize_integers_with! {
        write_quoted_integer as i128:
            serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64), serialize_i128(i128);
        write_quoted_integer as u128:
            serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64), serialize_u128(u128);
    }

    #[inline]
    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.float(value, value.is_finite())
    }

    #[inline]
    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        self.float(value, value.is_finite())
    }

    #[inline]
    fn serialize_char(self, value: char) -> Result<(), Error> {
        write_string(self.out, value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    #[inline]
    fn serialize_str(self, value: &str) -> Result<(), Error> {
        write_string(self.out, value);
        Ok(())
    }

    #[inline]
    fn serialize_bytes(self, _value: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    #[inline]
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    #[inline]
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Error> {
        Writer { out: self.out }.collect_str(value)
    }
}

/// Every test compares with serde_json itself: same bytes, or an error from both.
#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::collection::{btree_map, hash_map, vec};
    use proptest::prelude::*;

    use super::*;

    /// Our output and serde_json's for `value`: both the same bytes, or both an error.
    fn compare<T: ?Sized + Serialize>(value: &T) -> Result<(), String> {
        let mut ours = b"[kept]".to_vec();
        let ours = write(&mut ours, value).map(|()| ours);
        let theirs = serde_json::to_vec(value).map(|json| [b"[kept]".as_slice(), &json].concat());
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) if ours == theirs => Ok(()),
            (Err(_), Err(_)) => Ok(()),
            (ours, theirs) => Err(format!(
                "ours {:?}\nserde_json {:?}",
                ours.map(|o| String::from_utf8_lossy(&o).into_owned()),
                theirs.map(|t| String::from_utf8_lossy(&t).into_owned())
            )),
        }
    }

    fn assert_same<T: ?Sized + Serialize>(value: &T) {
        if let Err(diff) = compare(value) {
            panic!("{diff}");
        }
    }

    #[test]
    fn escapes_every_ascii_byte_at_every_offset_of_a_word() {
        // Offsets 0..24 put the byte in each lane of the eight-byte words and in the tail.
        for byte in 0..0x80u8 {
            for before in 0..24 {
                for after in [0, 1, 7, 8, 9] {
                    let text = format!("{}{}{}", "a".repeat(before), char::from(byte), "é".repeat(after));
                    assert_same(&text);
                }
            }
        }
    }

    #[test]
    fn escapes_runs_of_escapes_and_clean_text_between() {
        for text in [
            "",
            "\"",
            "\\\\\\\\\\\\\\\\\\",
            "\u{0}\u{1}\u{1f}\u{7f}\u{80}\u{ff}\u{fffd}\u{10ffff}",
            "He said, \"no\".\nThen\t\"yes\"\r\n",
            "ab\"cdefgh\"ijklmnop\\qrstuvwx\u{8}yz\u{c}",
            "naïve café — «quotes» ‘single’ “double” 北京 🙂",
        ] {
            assert_same(text);
            assert_same(&BTreeMap::from([(text, text)]));
        }
    }

    #[test]
    fn formats_extreme_numbers() {
        assert_same(&[i128::MIN, i128::MAX, 0, -1]);
        assert_same(&[u128::MAX, 0]);
        assert_same(&(i8::MIN, i16::MIN, i32::MIN, i64::MIN, u8::MAX, u16::MAX, u32::MAX, u64::MAX));
        let f64s = [
            0.0,
            -0.0,
            f64::MIN,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::EPSILON,
            f64::from_bits(1),
            -f64::from_bits(1),
            f64::from_bits(0x000f_ffff_ffff_ffff),
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e21,
            1e-7,
            123456789.0,
            0.1,
            1.0 / 3.0,
            5e-324,
            1e15,
            1e16,
            1e17,
        ];
        assert_same(&f64s);
        let f32s = f64s.map(|f| f as f32);
        assert_same(&f32s);
        assert_same(&[f32::MIN, f32::MAX, f32::MIN_POSITIVE, f32::from_bits(1), 0.3f32, 16777216.0f32]);
    }

    /// Every shape serde derive produces for structs and enums.
    #[derive(Debug, Clone, Serialize)]
    enum External {
        Unit,
        Newtype(String),
        Tuple(i32, String),
        EmptyTuple(),
        Struct { a: Option<f64>, b: Vec<u8> },
        EmptyStruct {},
    }

    #[derive(Debug, Clone, Serialize)]
    struct Inner {
        #[serde(rename = "odd \"key\"\n")]
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        number: Option<i64>,
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum Internal {
        Unit,
        Struct {
            text: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            number: Option<i64>,
        },
        Newtype(Inner),
        Map(BTreeMap<String, i32>),
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(tag = "t", content = "c")]
    enum Adjacent {
        Unit,
        Newtype(String),
        Tuple(u8, f32),
        Struct { x: i8 },
    }

    #[derive(Debug, Clone, Serialize)]
    #[serde(untagged)]
    enum Untagged {
        Number(u64),
        Text(String),
        List(Vec<External>),
    }

    #[derive(Debug, Clone, Serialize)]
    struct Flattened {
        id: String,
        #[serde(flatten)]
        inner: Inner,
        #[serde(flatten)]
        internal: Internal,
        #[serde(flatten)]
        extra: BTreeMap<String, String>,
    }

    #[derive(Debug, Clone, Serialize)]
    struct UnitStruct;

    #[derive(Debug, Clone, Serialize)]
    struct TupleStruct(i32, Option<String>);

    #[derive(Debug, Clone, Serialize)]
    struct NewtypeStruct(Vec<Option<bool>>);

    #[derive(Debug, Clone, Serialize)]
    struct EmptyStruct {}

    /// Lists of optional maps of lists.
    type Nested = Vec<Vec<Option<BTreeMap<String, Vec<f64>>>>>;

    #[derive(Debug, Clone, Serialize)]
    struct Everything {
        external: Vec<External>,
        internal: Vec<Internal>,
        adjacent: Vec<Adjacent>,
        untagged: Untagged,
        flattened: Flattened,
        unit: (),
        unit_struct: UnitStruct,
        tuple_struct: TupleStruct,
        newtype_struct: NewtypeStruct,
        empty_struct: EmptyStruct,
        character: char,
        nested: Nested,
    }

    /// Strings with any characters, control characters, quotes and backslashes often.
    fn text() -> impl Strategy<Value = String> {
        let character = prop_oneof![
            3 => any::<char>(),
            3 => (0u8..0x80).prop_map(char::from),
            1 => Just('"'),
            1 => Just('\\'),
        ];
        vec(character, 0..40).prop_map(|chars| chars.into_iter().collect())
    }

    fn any_f64() -> impl Strategy<Value = f64> {
        prop_oneof![proptest::num::f64::ANY, any::<u64>().prop_map(f64::from_bits)]
    }

    fn any_f32() -> impl Strategy<Value = f32> {
        prop_oneof![proptest::num::f32::ANY, any::<u32>().prop_map(f32::from_bits)]
    }

    fn external() -> impl Strategy<Value = External> {
        prop_oneof![
            Just(External::Unit),
            text().prop_map(External::Newtype),
            (any::<i32>(), text()).prop_map(|(n, s)| External::Tuple(n, s)),
            Just(External::EmptyTuple()),
            (proptest::option::of(any_f64()), vec(any::<u8>(), 0..4))
                .prop_map(|(a, b)| External::Struct { a, b }),
            Just(External::EmptyStruct {}),
        ]
    }

    fn inner() -> impl Strategy<Value = Inner> {
        (text(), any::<Option<i64>>()).prop_map(|(text, number)| Inner { text, number })
    }

    fn internal() -> impl Strategy<Value = Internal> {
        prop_oneof![
            Just(Internal::Unit),
            (text(), any::<Option<i64>>()).prop_map(|(text, number)| Internal::Struct { text, number }),
            inner().prop_map(Internal::Newtype),
            btree_map(text(), any::<i32>(), 0..4).prop_map(Internal::Map),
        ]
    }

    fn adjacent() -> impl Strategy<Value = Adjacent> {
        prop_oneof![
            Just(Adjacent::Unit),
            text().prop_map(Adjacent::Newtype),
            (any::<u8>(), any_f32()).prop_map(|(n, f)| Adjacent::Tuple(n, f)),
            any::<i8>().prop_map(|x| Adjacent::Struct { x }),
        ]
    }

    fn untagged() -> impl Strategy<Value = Untagged> {
        prop_oneof![
            any::<u64>().prop_map(Untagged::Number),
            text().prop_map(Untagged::Text),
            vec(external(), 0..3).prop_map(Untagged::List),
        ]
    }

    fn everything() -> impl Strategy<Value = Everything> {
        let nested =
            vec(vec(proptest::option::of(btree_map(text(), vec(any_f64(), 0..3), 0..3)), 0..3), 0..3);
        (
            vec(external(), 0..4),
            vec(internal(), 0..4),
            vec(adjacent(), 0..4),
            untagged(),
            (text(), inner(), internal(), btree_map(text(), text(), 0..3)),
            (any::<i32>(), proptest::option::of(text())),
            vec(any::<Option<bool>>(), 0..4),
            any::<char>(),
            nested,
        )
            .prop_map(
                |(external, internal, adjacent, untagged, flattened, tuple, newtype, character, nested)| {
                    Everything {
                        external,
                        internal,
                        adjacent,
                        untagged,
                        flattened: Flattened {
                            id: flattened.0,
                            inner: flattened.1,
                            internal: flattened.2,
                            extra: flattened.3,
                        },
                        unit: (),
                        unit_struct: UnitStruct,
                        tuple_struct: TupleStruct(tuple.0, tuple.1),
                        newtype_struct: NewtypeStruct(newtype),
                        empty_struct: EmptyStruct {},
                        character,
                        nested,
                    }
                },
            )
    }

    /// Any JSON value, nested.
    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any_f64().prop_map(serde_json::Value::from),
            text().prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 64, 6, |value| {
            prop_oneof![
                vec(value.clone(), 0..6).prop_map(serde_json::Value::from),
                btree_map(text(), value, 0..6)
                    .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn a_piece_of_the_escaped_text_is_the_escape_of_the_piece(text in text(), cuts in vec(any::<usize>(), 2)) {
            let mut line = b"{\"document\":".to_vec();
            let escaped = EscapedText::write(&mut line, &text);
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let mut piece = [boundaries[cuts[0] % boundaries.len()], boundaries[cuts[1] % boundaries.len()]];
            piece.sort_unstable();
            let mut expected = Vec::new();
            write_escaped(&mut expected, &text.as_bytes()[piece[0]..piece[1]]);
            prop_assert_eq!(&line[escaped.range(piece[0]..piece[1])], expected.as_slice());
        }

        #[test]
        fn strings_are_written_as_serde_json_writes_them(s in text(), any_string in any::<String>()) {
            prop_assert_eq!(compare(&s), Ok(()));
            prop_assert_eq!(compare(&any_string), Ok(()));
            prop_assert_eq!(compare(&BTreeMap::from([(s.as_str(), 1)])), Ok(()));
        }

        #[test]
        fn numbers_are_written_as_serde_json_writes_them(
            f in any_f64(),
            g in any_f32(),
            signed in any::<(i8, i16, i32, i64, i128)>(),
            unsigned in any::<(u8, u16, u32, u64, u128)>(),
        ) {
            prop_assert_eq!(compare(&(f, g, signed, unsigned)), Ok(()));
            // As map keys, numbers are quoted; a NaN or infinite key is an error in both.
            prop_assert_eq!(compare(&PairsAsMap(vec![(f, 0)])), Ok(()));
            prop_assert_eq!(compare(&PairsAsMap(vec![(g, 0)])), Ok(()));
            prop_assert_eq!(compare(&BTreeMap::from([(signed.4, 0)])), Ok(()));
            prop_assert_eq!(compare(&BTreeMap::from([(unsigned.3, 0)])), Ok(()));
        }

        #[test]
        fn options_sequences_and_maps_are_written_as_serde_json_writes_them(
            options in vec(any::<Option<Option<i16>>>(), 0..8),
            nested in vec(vec(btree_map(any::<u8>(), any::<Option<bool>>(), 0..4), 0..4), 0..4),
            keys in hash_map(any::<char>(), vec(any::<()>(), 0..3), 0..4),
            bool_keys in btree_map(any::<bool>(), text(), 0..3),
            value in json_value(),
        ) {
            prop_assert_eq!(compare(&options), Ok(()));
            prop_assert_eq!(compare(&nested), Ok(()));
            prop_assert_eq!(compare(&keys), Ok(()));
            prop_assert_eq!(compare(&bool_keys), Ok(()));
            prop_assert_eq!(compare(&value), Ok(()));
        }

        #[test]
        fn derived_structs_and_enums_are_written_as_serde_json_writes_them(value in everything()) {
            prop_assert_eq!(compare(&value), Ok(()));
        }
    }

    /// A list of pairs serialised as a map, for keys a map type cannot hold (floats) or that
    /// are not strings at all.
    struct PairsAsMap<K, V>(Vec<(K, V)>);

    impl<K: Serialize, V: Serialize> Serialize for PairsAsMap<K, V> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    /// Bytes, which serde_json writes as an array of numbers.
    struct Bytes(&'static [u8]);

    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(self.0)
        }
    }

    #[test]
    fn map_keys_are_strings_or_an_error_as_in_serde_json() {
        assert_same(&PairsAsMap(vec![(Some("k"), 1)]));
        assert_same(&PairsAsMap(vec![(External::Unit, 1)]));
        assert_same(&PairsAsMap(vec![(NewtypeStruct(vec![]), 1)]));
        assert_same(&PairsAsMap(vec![('"', 1), ('\n', 2)]));
        assert_same(&PairsAsMap(vec![(f64::NAN, 1)]));
        let not_strings = [
            compare(&PairsAsMap(vec![(None::<&str>, 1)])),
            compare(&PairsAsMap(vec![((), 1)])),
            compare(&PairsAsMap(vec![(vec![1], 1)])),
            compare(&PairsAsMap(vec![(Bytes(b"k"), 1)])),
            compare(&PairsAsMap(vec![(External::Newtype("k".into()), 1)])),
            compare(&PairsAsMap(vec![(Inner { text: "k".into(), number: None }, 1)])),
            compare(&PairsAsMap(vec![(f32::INFINITY, 1)])),
        ];
        for (i, result) in not_strings.iter().enumerate() {
            assert_eq!(result, &Ok(()), "key {i}");
        }
        assert!(write(&mut Vec::new(), &PairsAsMap(vec![((), 1)])).is_err());
    }

    /// serde_json's private struct for a raw JSON value (written specially by serde_json
    /// with its `raw_value` feature).
    struct RawValueLookalike;

    impl Serialize for RawValueLookalike {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut raw = serializer.serialize_struct("$serde_json::private::RawValue", 1)?;
            raw.serialize_field("$serde_json::private::RawValue", "[1, 2]")?;
            raw.end()
        }
    }

    #[test]
    fn serde_json_private_structs_are_an_error() {
        assert!(write(&mut Vec::new(), &RawValueLookalike).is_err());
    }

    #[test]
    fn bytes_and_displayed_values_are_written_as_serde_json_writes_them() {
        assert_same(&Bytes(b""));
        assert_same(&Bytes(b"\x00\xff\"ab"));
        /// Written by `Display` in several pieces, some needing escapes.
        struct Pieces;
        impl Display for Pieces {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a \"quote\"{}\n\u{1}", 42)
            }
        }
        impl Serialize for Pieces {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
        assert_same(&Pieces);
        assert_same(&PairsAsMap(vec![(Pieces, Pieces)]));
        let time: annalist_core::DocumentTime = "2024-08-10T14:30:00+02:00".parse().unwrap();
        assert_same(&time);
    }

    /// A collection of each kind announced as empty (length 0) that writes an element or field
    /// anyway: serde_json closes it at once, writes what follows after a comma and closes it
    /// again; so must we.
    #[derive(Debug, Clone, Copy)]
    enum AnnouncedEmpty {
        Seq,
        Map,
        Struct,
        TupleVariant,
        StructVariant,
    }

    impl Serialize for AnnouncedEmpty {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::{
                SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTupleVariant,
            };
            match self {
                AnnouncedEmpty::Seq => {
                    let mut seq = serializer.serialize_seq(Some(0))?;
                    seq.serialize_element(&1)?;
                    seq.end()
                }
                AnnouncedEmpty::Map => {
                    let mut map = serializer.serialize_map(Some(0))?;
                    map.serialize_entry("k", &1)?;
                    map.end()
                }
                AnnouncedEmpty::Struct => {
                    let mut fields = serializer.serialize_struct("S", 0)?;
                    fields.serialize_field("k", &1)?;
                    fields.end()
                }
                AnnouncedEmpty::TupleVariant => {
                    let mut fields = serializer.serialize_tuple_variant("E", 0, "V", 0)?;
                    fields.serialize_field(&1)?;
                    fields.end()
                }
                AnnouncedEmpty::StructVariant => {
                    let mut fields = serializer.serialize_struct_variant("E", 0, "V", 0)?;
                    fields.serialize_field("k", &1)?;
                    fields.end()
                }
            }
        }
    }

    #[test]
    fn collections_announced_as_empty_are_written_as_serde_json_writes_them() {
        use AnnouncedEmpty::*;
        assert_eq!(serde_json::to_string(&Map).unwrap(), "{},\"k\":1}", "what this test is about");
        for value in [Seq, Map, Struct, TupleVariant, StructVariant] {
            assert_same(&value);
            assert_same(&[value, value]);
        }
    }
}
