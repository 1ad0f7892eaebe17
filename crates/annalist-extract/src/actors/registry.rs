//! The actors of one document as mentions find them: known actors copied from the
//! gazetteer, unknown names made into actors, aliases gathered from the words seen.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::BuildHasherDefault;

use annalist_core::{Actor, ActorId, ActorKind, Mention, MentionId, MentionKind, Resolution, Role, Span};
use chrono::NaiveDate;

use super::gazetteer::{FastMap, GAZETTEER, KnownActor, latest_role_code, sector_actor, sector_key};

/// One mention before ids are given.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub span: Span,
    pub key: String,
    pub kind: MentionKind,
    pub resolution: Resolution,
}

/// An actor of the document with what the pass knows of it besides the record: one map
/// entry per actor, so a mention costs one hash of its key, not one per fact.
#[derive(Debug)]
struct Registered {
    actor: Actor,
    /// The gender of a person, when known.
    gender: Option<char>,
    /// Whether the actor was made for a name outside the gazetteer.
    unknown: bool,
}

/// Actors and mentions of a document under construction.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    /// Actors by key (hashed: looked up per mention; sorted once at the end).
    actors: FastMap<String, Registered>,
    /// Mentions in the order found.
    pub found: Vec<Found>,
    date: Option<NaiveDate>,
}

/// A stable id for a name not in the gazetteer: lower-case letters and digits joined by
/// hyphens ("Paul Nesbit" → `paul-nesbit`).
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        // The same rules on bytes, for the common case.
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.is_empty() && !out.ends_with('-') && b != b'.' && b != b'\'' {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        return if out.is_empty() { "unnamed".to_owned() } else { out };
    }
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '.' && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "unnamed".to_owned() } else { out }
}

impl Registry {
    /// A registry for a document of date `date` (roles are read at that date).
    pub(crate) fn new(date: Option<NaiveDate>) -> Registry {
        // Room for a typical story's actors and mentions from the start: growing the
        // maps moves every (large) actor again.
        Registry {
            date,
            actors: FastMap::with_capacity_and_hasher(32, BuildHasherDefault::default()),
            found: Vec::with_capacity(64),
        }
    }

    /// The document date roles are read at.
    pub(crate) fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    /// The actor of `key`, when registered.
    pub(crate) fn actor(&self, key: &str) -> Option<&Actor> {
        self.actors.get(key).map(|r| &r.actor)
    }

    /// The gender of a person actor, when known.
    pub(crate) fn gender(&self, key: &str) -> Option<char> {
        self.actors.get(key).and_then(|r| r.gender)
    }

    /// Records the gender of a person actor.
    pub(crate) fn set_gender(&mut self, key: &str, gender: char) {
        if let Some(registered) = self.actors.get_mut(key) {
            registered.gender.get_or_insert(gender);
        }
    }

    /// Registers a gazetteer actor (or a country's sector actor such as `ukr-mil`) and
    /// returns whether it exists.
    pub(crate) fn known(&mut self, key: &str) -> bool {
        if self.actors.contains_key(key) {
            return true;
        }
        let Some(known) = GAZETTEER.actors.get(key).cloned().or_else(|| sector_from_key(key)) else {
            return false;
        };
        let code = match (known.kind, self.date) {
            (ActorKind::Person, Some(date)) => known
                .roles
                .iter()
                .find(|r| r.held_on(date))
                .map(|r| r.code.clone())
                .or_else(|| latest_role_code(&known.roles)),
            _ => known.code,
        };
        let mut aliases = known.aliases;
        aliases.sort();
        aliases.dedup();
        let actor = Actor {
            id: ActorId(key.to_owned()),
            name: known.name,
            kind: known.kind,
            code,
            country: known.country,
            aliases,
            roles: known.roles,
        };
        self.actors.insert(key.to_owned(), Registered { actor, gender: known.gender, unknown: false });
        true
    }

    /// Registers an actor for a name outside the gazetteer; returns its key.
    pub(crate) fn unknown(&mut self, name: &str, kind: ActorKind, role: Option<Role>) -> String {
        let key = unknown_key(name);
        // Unknown keys never meet gazetteer or sector keys (above), so an actor under
        // this key is the unknown actor made before.
        if !self.actors.contains_key(&key) {
            let actor = Actor {
                id: ActorId(key.clone()),
                name: name.to_owned(),
                kind,
                code: None,
                country: None,
                aliases: Vec::new(),
                roles: Vec::new(),
            };
            self.actors.insert(key.clone(), Registered { actor, gender: None, unknown: true });
        }
        let Some(actor) = self.actors.get_mut(&key).map(|r| &mut r.actor) else { return key };
        if let Some(role) = role
            && !actor.roles.contains(&role)
        {
            actor.code.get_or_insert_with(|| role.code.clone());
            actor.country.get_or_insert_with(|| role.code.chars().take(3).collect());
            actor.roles.push(role);
        }
        key
    }

    /// Unknown-name actors of `kind`: their keys and names, by key.
    pub(crate) fn unknown_actors(&self, kind: ActorKind) -> impl Iterator<Item = (&str, &str)> {
        let mut found: Vec<(&str, &str)> = self
            .actors
            .iter()
            .filter(|(_, r)| r.unknown && r.actor.kind == kind)
            .map(|(k, r)| (k.as_str(), r.actor.name.as_str()))
            .collect();
        found.sort_unstable_by_key(|&(k, _)| k);
        found.into_iter()
    }

    /// Makes each unknown actor `full` of `pairs` a person and its lone-surname actor one of
    /// its aliases: the surname's mentions move to `full`. One pass over the mentions.
    pub(crate) fn make_persons(&mut self, pairs: &[(String, String)]) {
        let mut moved: BTreeMap<&str, &str> = BTreeMap::new();
        let mut fulls: BTreeSet<&str> = BTreeSet::new();
        for (full, surname) in pairs {
            if moved.contains_key(surname.as_str()) || !self.actors.contains_key(full) {
                continue;
            }
            let Some(removed) = self.actors.remove(surname) else { continue };
            let removed = removed.actor;
            if let Some(actor) = self.actors.get_mut(full).map(|r| &mut r.actor) {
                actor.kind = ActorKind::Person;
                if !actor.aliases.contains(&removed.name) {
                    actor.aliases.push(removed.name);
                    actor.aliases.sort();
                }
            }
            moved.insert(surname, full);
            fulls.insert(full);
        }
        for f in &mut self.found {
            if fulls.contains(f.key.as_str()) {
                f.kind = MentionKind::Person;
            } else if let Some(full) = moved.get(f.key.as_str()) {
                f.key = (*full).to_owned();
                f.kind = MentionKind::Person;
                if f.resolution == Resolution::Unknown {
                    f.resolution = Resolution::Alias;
                }
            }
        }
    }

    /// Records a mention of `key` written `surface`; the surface joins the aliases when it is
    /// a name other than the canonical one.
    pub(crate) fn mention(
        &mut self,
        span: Span,
        surface: &str,
        key: &str,
        kind: MentionKind,
        resolution: Resolution,
    ) {
        if let Some(actor) = self.actors.get_mut(key).map(|r| &mut r.actor)
            && matches!(
                resolution,
                Resolution::Name
                    | Resolution::Alias
                    | Resolution::Acronym
                    | Resolution::Metonym
                    | Resolution::Unknown
            )
            && surface != actor.name
            // Aliases are kept sorted (see `known`, `make_persons`): search, and insert in place.
            && let Err(at) = actor.aliases.binary_search_by(|a| a.as_str().cmp(surface))
        {
            actor.aliases.insert(at, surface.to_owned());
        }
        self.found.push(Found { span, key: key.to_owned(), kind, resolution });
    }

    /// The actors sorted by id and the mentions in text order with ids `m1`, `m2`, ...
    pub(crate) fn finish(mut self) -> (Vec<Actor>, Vec<Mention>) {
        self.found
            .sort_by(|a, b| (a.span.start, a.span.end, &a.key).cmp(&(b.span.start, b.span.end, &b.key)));
        self.found.dedup_by(|a, b| a.span == b.span && a.key == b.key);
        let mentions = self
            .found
            .into_iter()
            .enumerate()
            .map(|(i, f)| Mention {
                id: mention_id(i + 1),
                span: f.span,
                actor: ActorId(f.key),
                kind: f.kind,
                resolution: f.resolution,
            })
            .collect();
        // An actor's id is its key (unique): sort the actors themselves, moved once.
        let mut actors: Vec<Actor> = self.actors.into_values().map(|r| r.actor).collect();
        actors.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        (actors, mentions)
    }
}

/// The key of an actor made for `name`, a name outside the gazetteer: its slug, which
/// never takes over a gazetteer key, nor a country's sector key (`rus-mil`) that a later
/// sector mention would be registered under.
fn unknown_key(name: &str) -> String {
    let key = slug(name);
    if GAZETTEER.actors.contains_key(&key) || sector_from_key(&key).is_some() {
        return format!("name-{key}");
    }
    key
}

/// The id of the `n`th mention, `m<n>`, written without the formatting machinery (one per
/// mention).
fn mention_id(n: usize) -> MentionId {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push('m');
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    MentionId(id)
}

/// A country's sector actor from its key (`ukr-mil`: a country code and a sector code of
/// `sectors.tsv`), for sectors the gazetteer did not list ahead.
fn sector_from_key(key: &str) -> Option<KnownActor> {
    let (iso, sector) = key.split_once('-')?;
    if sector.len() != 3 {
        return None;
    }
    let iso = iso.to_ascii_uppercase();
    let sector = sector.to_ascii_uppercase();
    let name = GAZETTEER.countries.get(&iso)?;
    let listed = GAZETTEER.sectors.values().any(|s| s.code == sector);
    (listed && sector_key(&iso, &sector) == key).then(|| sector_actor(name, &iso, &sector))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_name_never_takes_a_known_or_sector_key() {
        let mut registry = Registry::new(None);
        assert_eq!(registry.unknown("Rus Mil", ActorKind::Organization, None), "name-rus-mil");
        assert!(registry.known("rus-mil"));
        let sector = registry.actor("rus-mil").expect("registered");
        assert_ne!(sector.name, "Rus Mil", "the sector actor is the gazetteer's, not the unknown name");
        // "Hun Sen" is no sector of Hungary (HUN): SEN is not a sector code.
        assert_eq!(registry.unknown("Hun Sen", ActorKind::Person, None), "hun-sen");
    }
}
