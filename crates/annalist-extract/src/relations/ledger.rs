//! The ledger: relations of many records merged per actor pair and domain, summed up by period.

use std::collections::BTreeMap;

use annalist_core::{Domain, Modality, Observation, Period, Record, Relation};

/// Relations merged across records, built one record at a time so a corpus run keeps only
/// relations in memory, not records.
#[derive(Debug, Default, Clone)]
pub struct Ledger {
    merged: BTreeMap<(String, String, Domain), Vec<Observation>>,
}

impl Ledger {
    /// Adds one record's relations. Taken by value, like [`ActorTable::add`](crate::corpus::ActorTable::add):
    /// their observations move into the ledger without a copy.
    pub fn add(&mut self, relations: impl IntoIterator<Item = Relation>) {
        for relation in relations {
            let [a, b] = relation.actors;
            self.merged.entry((a, b, relation.domain)).or_default().extend(relation.observations);
        }
    }

    /// The merged relations, sorted by pair and domain; observations by date (undated last, a
    /// stable sort keeping input order among equals), with their periods summed up.
    pub fn finish(self) -> Vec<Relation> {
        self.merged
            .into_iter()
            .map(|((a, b, domain), mut observations)| {
                observations.sort_by(|x, y| match (&x.date, &y.date) {
                    (Some(p), Some(q)) => p.cmp(q),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                });
                let periods = periods(&observations);
                Relation { actors: [a, b], domain, observations, periods }
            })
            .collect()
    }
}

/// Merges the relations of many records into one ledger (see [`Ledger`]).
pub fn ledger<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<Relation> {
    let mut ledger = Ledger::default();
    for record in records {
        ledger.add(record.relations.iter().cloned());
    }
    ledger.finish()
}

/// The period of a TIMEX3 value: its year-month (`2024-07`, `XXXX-07`) or year (`2020`);
/// `undated` for references (`PRESENT_REF`), durations and missing dates.
pub fn period_of(date: Option<&str>) -> String {
    let Some(value) = date else { return "undated".to_owned() };
    let bytes = value.as_bytes();
    let year = bytes.len() >= 4 && bytes[..4].iter().all(|b| b.is_ascii_digit() || *b == b'X');
    if !year || value.starts_with("XXXX") && bytes.get(4) != Some(&b'-') {
        return "undated".to_owned();
    }
    let month = bytes.len() >= 7 && bytes[4] == b'-' && bytes[5..7].iter().all(u8::is_ascii_digit);
    if month { value[..7].to_owned() } else { value[..4].to_owned() }
}

/// Below this absolute mean polarity a period counts as neither cooperative nor conflictual.
const NEUTRAL_BAND: f32 = 0.05;

fn periods(observations: &[Observation]) -> Vec<Period> {
    let mut by_period: BTreeMap<String, Vec<&Observation>> = BTreeMap::new();
    for o in observations {
        by_period.entry(period_of(o.date.as_deref())).or_default().push(o);
    }
    // "undated" sorts after digits and `XXXX`, which is where it belongs.
    let mut periods: Vec<Period> = Vec::new();
    let mut last_signed: Option<(String, f32)> = None;
    for (period, list) in by_period {
        let asserted: Vec<&&Observation> = list.iter().filter(|o| o.modality == Modality::Asserted).collect();
        let mean_polarity = (!asserted.is_empty())
            .then(|| asserted.iter().map(|o| o.polarity).sum::<f32>() / asserted.len() as f32);
        let mut change = None;
        if let Some(mean) = mean_polarity.filter(|m| m.abs() >= NEUTRAL_BAND) {
            if let Some((before, previous)) = &last_signed
                && previous.signum() != mean.signum()
                && period != "undated"
            {
                let strongest = asserted
                    .iter()
                    .max_by(|x, y| x.polarity.abs().total_cmp(&y.polarity.abs()))
                    .map(|o| shorten(&o.evidence.sentence_text, 120))
                    .unwrap_or_default();
                change = Some(format!(
                    "turned {} ({previous:+.2} in {before} → {mean:+.2} in {period}): \"{strongest}\"",
                    if mean > 0.0 { "cooperative" } else { "conflictual" },
                ));
            }
            last_signed = Some((period.clone(), mean));
        }
        periods.push(Period {
            period,
            observations: list.len(),
            asserted: asserted.len(),
            mean_polarity: mean_polarity.map(|m| (m * 100.0).round() / 100.0),
            change,
        });
    }
    periods
}

/// `sentence` cut to at most `limit` bytes on a character boundary, with an ellipsis when cut.
pub(crate) fn shorten(sentence: &str, limit: usize) -> String {
    if sentence.len() <= limit {
        return sentence.to_owned();
    }
    let mut end = limit;
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", sentence[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::period_of;

    #[test]
    fn periods_keep_the_grain_the_text_gave() {
        for (value, period) in [
            (Some("2024-08-10"), "2024-08"),
            (Some("XXXX-07"), "XXXX-07"),
            (Some("2020"), "2020"),
            (Some("2013-W07"), "2013"),
            (Some("PRESENT_REF"), "undated"),
            (Some("P3D"), "undated"),
            (Some("XXXX"), "undated"),
            (None, "undated"),
        ] {
            assert_eq!(period_of(value), period, "{value:?}");
        }
    }
}
