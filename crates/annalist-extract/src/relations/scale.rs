//! The polarity scale and domains of PLOVER types, from `data/relations/`.

use std::sync::LazyLock;

use annalist_core::{Domain, PloverType};

use crate::hash::FastMap;
use crate::lexicon;

struct Scale {
    /// Looked up for every event: the crate's fast hasher, not SipHash.
    by_type: FastMap<PloverType, (f32, Domain)>,
    /// Keyed by the mode's name as the compiled-in file spells it (looked up without a copy).
    by_mode: FastMap<(PloverType, &'static str), Domain>,
}

pub(crate) fn parse_domain(name: &str) -> Option<Domain> {
    Some(match name {
        "military" => Domain::Military,
        "diplomatic" => Domain::Diplomatic,
        "economic" => Domain::Economic,
        "political" => Domain::Political,
        _ => return None,
    })
}

static SCALE: LazyLock<Scale> = LazyLock::new(|| {
    let mut by_type = FastMap::default();
    for (line, f) in lexicon::rows(include_str!("../../data/relations/polarity.tsv")) {
        let parsed = (|| {
            let t = PloverType::from_name(f.first()?)?;
            let p: f32 = f.get(1)?.parse().ok()?;
            Some((t, (p.clamp(-1.0, 1.0), parse_domain(f.get(2)?)?)))
        })();
        let (t, v) = parsed.unwrap_or_else(|| panic!("polarity.tsv line {line} is malformed"));
        by_type.insert(t, v);
    }
    let mut by_mode = FastMap::default();
    for (line, f) in lexicon::rows(include_str!("../../data/relations/mode_domains.tsv")) {
        let parsed =
            (|| Some(((PloverType::from_name(f.first()?)?, *f.get(1)?), parse_domain(f.get(2)?)?)))();
        let (k, v) = parsed.unwrap_or_else(|| panic!("mode_domains.tsv line {line} is malformed"));
        by_mode.insert(k, v);
    }
    Scale { by_type, by_mode }
});

/// The polarity and domain of an event of `event_type` with `mode`.
pub(crate) fn polarity_and_domain(event_type: PloverType, mode: Option<&str>) -> (f32, Domain) {
    let (polarity, domain) = SCALE.by_type.get(&event_type).copied().unwrap_or((0.0, Domain::Political));
    // A map keyed by `&'static str` is read as one keyed by the shorter-lived `&str` of `mode`.
    let by_mode: &FastMap<(PloverType, &str), Domain> = &SCALE.by_mode;
    let domain = mode.and_then(|m| by_mode.get(&(event_type, m)).copied()).unwrap_or(domain);
    (polarity, domain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_a_polarity_ordered_from_cooperation_to_conflict() {
        for t in PloverType::ALL {
            assert!(SCALE.by_type.contains_key(&t), "{t:?} lacks a polarity");
        }
        let agree = polarity_and_domain(PloverType::Aid, None).0;
        let assault = polarity_and_domain(PloverType::Assault, None).0;
        assert!(agree > 0.0 && assault == -1.0);
        assert_eq!(polarity_and_domain(PloverType::Threaten, Some("expel")).1, Domain::Diplomatic);
        assert_eq!(polarity_and_domain(PloverType::Threaten, None).1, Domain::Military);
    }
}
