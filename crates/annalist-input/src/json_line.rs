//! One line of a JSON Lines corpus read as an article: its text and metadata fields.
//!
//! The line is parsed in one pass that keeps only what an article needs: the values of the
//! article keys (strings, or numbers in the form serde_json's `Number` displays them); every
//! other value is parsed and checked, then dropped. It reads the line exactly as parsing it
//! into a `serde_json::Value` and taking those keys out would (the same JSON accepted and the
//! same errors, the last of a repeated key winning), without building the `Value`: a map of
//! every key with an owned string for every value.

use std::borrow::Cow;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, Deserialize, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// The keys of a line that make an article, the text first.
pub(crate) const ARTICLE_KEYS: [&str; 7] = ["text", "id", "title", "published", "url", "author", "source"];

/// A line as read.
pub(crate) struct JsonLine<'a> {
    /// When the line is an object, the values of its [`ARTICLE_KEYS`] by their place in that
    /// list; `None` when it is another JSON value.
    pub(crate) fields: Option<[Option<FieldValue<'a>>; ARTICLE_KEYS.len()]>,
}

impl JsonLine<'_> {
    const NOT_AN_OBJECT: Self = JsonLine { fields: None };
}

/// The value of an article key.
pub(crate) enum FieldValue<'a> {
    /// A string, borrowed from the line when it holds no escape.
    String(Cow<'a, str>),
    /// A number, as serde_json's `Number` displays it.
    Number(String),
    /// Anything else (null, a boolean, an array, an object, a float that is not finite).
    Other,
}

/// Parses `line`; the error is serde_json's.
pub(crate) fn parse(line: &str) -> Result<JsonLine<'_>, serde_json::Error> {
    serde_json::from_str(line)
}

impl<'de> Deserialize<'de> for JsonLine<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LineVisitor)
    }
}

/// Reads the line's value: an object's article fields, or any other value checked through.
struct LineVisitor;

impl<'de> Visitor<'de> for LineVisitor {
    type Value = JsonLine<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = [const { None }; ARTICLE_KEYS.len()];
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key {
                Some(place) => fields[place] = Some(map.next_value::<FieldValue<'de>>()?),
                None => map.next_value::<Checked>().map(|_| ())?,
            }
        }
        Ok(JsonLine { fields: Some(fields) })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Checked::drain_seq(seq).map(|()| JsonLine::NOT_AN_OBJECT)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(JsonLine::NOT_AN_OBJECT)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(JsonLine::NOT_AN_OBJECT)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(JsonLine::NOT_AN_OBJECT)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(JsonLine::NOT_AN_OBJECT)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(JsonLine::NOT_AN_OBJECT)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(JsonLine::NOT_AN_OBJECT)
    }
}

/// Reads an object key: its place in [`ARTICLE_KEYS`], or `None` for another key.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(ARTICLE_KEYS.iter().position(|k| *k == key))
    }
}

impl<'de> Deserialize<'de> for FieldValue<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

/// Reads an article key's value.
struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = FieldValue<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(FieldValue::String(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(FieldValue::String(Cow::Owned(value.to_owned())))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(FieldValue::Number(serde_json::Number::from(value).to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(FieldValue::Number(serde_json::Number::from(value).to_string()))
    }

    /// A float that is not finite has no `Number` (a `Value` holds it as null).
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok(serde_json::Number::from_f64(value)
            .map_or(FieldValue::Other, |n| FieldValue::Number(n.to_string())))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(FieldValue::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(FieldValue::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Checked::drain_seq(seq).map(|()| FieldValue::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Checked::drain_map(map).map(|()| FieldValue::Other)
    }
}

/// Any JSON value, parsed and dropped. It is read through `deserialize_any`, as a `Value`
/// is, so it is checked as a `Value` is: serde's `IgnoredAny` would skip numbers unread,
/// letting through one out of range (`1e400`) that a `Value` refuses.
struct Checked;

impl Checked {
    fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(())
    }

    fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
        // Keys are read as strings, as a `Value`'s keys are.
        while map.next_key::<Checked>()?.is_some() {
            map.next_value::<Checked>()?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CheckedVisitor).map(|()| Checked)
    }
}

/// Accepts any value, reading into arrays and objects.
struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Checked::drain_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        Checked::drain_map(map)
    }
}
