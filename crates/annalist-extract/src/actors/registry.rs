//! The actors of one document as mentions find them: known actors copied from the
//! gazetteer, unknown names made into actors, aliases gathered from the words seen.

use std::borrow::Cow;
use std::cell::Cell;
use std::hash::BuildHasherDefault;

use annalist_core::{Actor, ActorId, ActorKind, Mention, MentionId, MentionKind, Resolution, Role, Span};
use chrono::NaiveDate;

use super::gazetteer::{FastMap, FastSet, GAZETTEER, KnownActor, latest_role_code, sector_actor, sector_key};
use crate::numbered::numbered_id;

/// An actor of the registry: its index among the actors registered. Mentions, short forms
/// and acronyms hold it, so reading an actor back costs an index, not a hash of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ActorRef(u32);

/// One mention before ids are given.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub span: Span,
    pub actor: ActorRef,
    pub kind: MentionKind,
    pub resolution: Resolution,
}

/// An actor of the document with what the pass knows of it besides the record.
#[derive(Debug)]
struct Registered {
    actor: Actor,
    /// The gender of a person, when known.
    gender: Option<char>,
    /// Whether the actor was made for a name outside the gazetteer.
    unknown: bool,
    /// Whether the actor was merged into another (see [`Registry::make_persons`]): it keeps
    /// its place (and key) but is no longer one of the document's actors.
    merged: bool,
    /// Whether a pronoun made the actor, taken for an organisation, a person (see
    /// [`Registry::make_person`]): its earlier mentions are made persons' when the record is
    /// made.
    made_person: bool,
    /// Whether a mention's words or context told the unknown actor's kind (see
    /// [`Registry::tell_kind`]).
    kind_told: bool,
    /// Whether a later mention made the unknown actor, guessed an organisation, a place (see
    /// [`Registry::tell_kind`]): its earlier mentions are made places' when the record is made.
    made_place: bool,
}

impl Registered {
    /// A newly registered actor: nothing merged into it or made of it yet.
    fn new(actor: Actor, gender: Option<char>, unknown: bool) -> Registered {
        Registered {
            actor,
            gender,
            unknown,
            merged: false,
            made_person: false,
            kind_told: false,
            made_place: false,
        }
    }
}

/// Actors and mentions of a document under construction.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    /// Actors in the order registered (an [`ActorRef`] is an index here).
    actors: Vec<Registered>,
    /// The actors by key (hashed once per registration or lookup by key); a gazetteer
    /// actor's key is borrowed from the gazetteer.
    by_key: FastMap<Cow<'static, str>, ActorRef>,
    /// The actors registered for known names, by their names' key numbers
    /// ([`NameEntry::key_id`](super::gazetteer::NameEntry::key_id)): a name mentioned
    /// again (most known mentions) finds its actor by an integer.
    by_key_id: FastMap<usize, ActorRef>,
    /// The key of an unknown name being looked up (reused: most names were seen before).
    key_buffer: String,
    /// Mentions in the order found.
    pub found: Vec<Found>,
    date: Option<NaiveDate>,
}

/// A stable id for a name not in the gazetteer: lower-case letters and digits joined by
/// hyphens ("Paul Nesbit" → `paul-nesbit`), written into `out` (cleared first).
pub(crate) fn slug(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        // The same rules on bytes, for the common case.
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.is_empty() && !out.ends_with('-') && b != b'.' && b != b'\'' {
                out.push('-');
            }
        }
    } else {
        for c in name.chars() {
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if !out.is_empty() && !out.ends_with('-') && c != '.' && c != '\'' && c != '’' {
                out.push('-');
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("unnamed");
    }
}

/// The buffers of a finished registry, emptied, kept for the thread's next document (see
/// [`Registry::new`]): made anew for each document, they cost allocations and first writes
/// to memory not in the cache, and the actors' list grew (moving every large actor) in
/// documents with many.
struct SpareBuffers {
    actors: Vec<Registered>,
    by_key: FastMap<Cow<'static, str>, ActorRef>,
    by_key_id: FastMap<usize, ActorRef>,
    key_buffer: String,
    found: Vec<Found>,
}

thread_local! {
    /// See [`SpareBuffers`].
    static SPARE_BUFFERS: Cell<Option<SpareBuffers>> = const { Cell::new(None) };
}

impl Registry {
    /// A registry for a document of date `date` (roles are read at that date).
    pub(crate) fn new(date: Option<NaiveDate>) -> Registry {
        // The last document's buffers (empty), else room for a typical story's actors and
        // mentions from the start: growing moves every (large) actor again.
        let spare = SPARE_BUFFERS.take().unwrap_or_else(|| SpareBuffers {
            actors: Vec::with_capacity(32),
            by_key: FastMap::with_capacity_and_hasher(32, BuildHasherDefault::default()),
            by_key_id: FastMap::with_capacity_and_hasher(32, BuildHasherDefault::default()),
            key_buffer: String::with_capacity(64),
            found: Vec::with_capacity(128),
        });
        let SpareBuffers { actors, by_key, by_key_id, key_buffer, found } = spare;
        Registry { date, actors, by_key, by_key_id, found, key_buffer }
    }

    /// The document date roles are read at.
    pub(crate) fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    fn registered(&self, actor: ActorRef) -> &Registered {
        &self.actors[actor.0 as usize]
    }

    fn registered_mut(&mut self, actor: ActorRef) -> &mut Registered {
        &mut self.actors[actor.0 as usize]
    }

    /// The actor `actor`.
    pub(crate) fn actor(&self, actor: ActorRef) -> &Actor {
        &self.registered(actor).actor
    }

    /// The gender of a person actor, when known.
    pub(crate) fn gender(&self, actor: ActorRef) -> Option<char> {
        self.registered(actor).gender
    }

    /// Places an unknown actor in a country (a city's: `iso` is its alpha-3 code), unless it
    /// has a code already.
    pub(crate) fn set_country(&mut self, actor: ActorRef, iso: &str) {
        let actor = &mut self.registered_mut(actor).actor;
        if actor.code.is_none() {
            actor.code = Some(iso.to_owned());
            actor.country = Some(iso.to_owned());
        }
    }

    /// Records the gender of a person actor.
    pub(crate) fn set_gender(&mut self, actor: ActorRef, gender: char) {
        self.registered_mut(actor).gender.get_or_insert(gender);
    }

    /// Adds an actor under `key`, its id.
    fn register(&mut self, key: Cow<'static, str>, registered: Registered) -> ActorRef {
        let actor = ActorRef(u32::try_from(self.actors.len()).unwrap_or(u32::MAX));
        self.by_key.insert(key, actor);
        self.actors.push(registered);
        actor
    }

    /// Registers a gazetteer actor (or a country's sector actor such as `ukr-mil`) and
    /// returns it, `None` when it does not exist.
    pub(crate) fn known(&mut self, key: &str) -> Option<ActorRef> {
        if let Some(&actor) = self.by_key.get(key) {
            return Some(actor);
        }
        let (key, actor, gender) = match GAZETTEER.actors.get_key_value(key) {
            Some((static_key, known)) => {
                let (actor, gender) = self.record_of(static_key, known);
                (Cow::Borrowed(static_key.as_str()), actor, gender)
            }
            None => {
                let (actor, gender) = self.record_from(key, sector_from_key(key)?);
                (Cow::Owned(key.to_owned()), actor, gender)
            }
        };
        Some(self.register(key, Registered::new(actor, gender, false)))
    }

    /// [`Registry::known`] for a known name whose key `key` is numbered `key_id` (see
    /// [`NameEntry::key_id`](super::gazetteer::NameEntry::key_id)).
    pub(crate) fn known_named(&mut self, key: &str, key_id: u32) -> Option<ActorRef> {
        if let Some(&actor) = self.by_key_id.get(&(key_id as usize)) {
            return Some(actor);
        }
        // The key's actor stays the same for the document (unknown names never take a
        // gazetteer or sector key, see `guard_unknown_key`): kept once found.
        let actor = self.known(key)?;
        self.by_key_id.insert(key_id as usize, actor);
        Some(actor)
    }

    /// The record of the gazetteer's actor `known` under `key`, with its gender: its fields
    /// copied one by one (a person's own code is not copied only to be replaced, see
    /// [`Registry::dated_code`]).
    fn record_of(&self, key: &str, known: &KnownActor) -> (Actor, Option<char>) {
        let actor = Actor {
            id: ActorId(key.to_owned()),
            name: known.name.clone(),
            kind: known.kind,
            code: self.dated_code(known).unwrap_or_else(|| known.code.clone()),
            country: known.country.clone(),
            // Sorted and without repeats already (see `KnownActor::aliases`).
            aliases: known.aliases.clone(),
            roles: known.roles.clone(),
        };
        (actor, known.gender)
    }

    /// [`Registry::record_of`] an actor made for this document (a sector actor), moved in.
    fn record_from(&self, key: &str, known: KnownActor) -> (Actor, Option<char>) {
        let code = self.dated_code(&known).unwrap_or(known.code);
        let actor = Actor {
            id: ActorId(key.to_owned()),
            name: known.name,
            kind: known.kind,
            code,
            country: known.country,
            aliases: known.aliases,
            roles: known.roles,
        };
        (actor, known.gender)
    }

    /// For a person, when the document has a date, the code its record carries: that of the
    /// role held at the date; else, when a role had ended by then, the country's elite (`ELI`:
    /// CAMEO codes former officials so, "Ehud Olmert" in 2024 is `ISRELI`); else that of the
    /// latest role. `None` otherwise (the actor's own code stands).
    fn dated_code(&self, known: &KnownActor) -> Option<Option<String>> {
        match (known.kind, self.date) {
            (ActorKind::Person, Some(date)) => Some(
                known
                    .roles
                    .iter()
                    .find(|r| r.held_on(date))
                    .map(|r| r.code.clone())
                    .or_else(|| former_official_code(known, date))
                    .or_else(|| latest_role_code(&known.roles)),
            ),
            _ => None,
        }
    }

    /// Registers an actor for a name outside the gazetteer; returns it.
    pub(crate) fn unknown(&mut self, name: &str, kind: ActorKind, role: Option<Role>) -> ActorRef {
        let mut key = std::mem::take(&mut self.key_buffer);
        slug(name, &mut key);
        // A name seen before (most calls): an unknown actor registered under its slug, not
        // prefixed, took the slug unchanged as its key, so the slug is no gazetteer or
        // sector key and the gazetteer need not be asked again.
        let under_slug = self.by_key.get(key.as_str()).copied();
        let seen = match under_slug {
            Some(actor) if self.registered(actor).unknown && !key.starts_with(UNKNOWN_KEY_PREFIX) => {
                Some(actor)
            }
            // A slug left as it is was looked up just now.
            _ if guard_unknown_key(&mut key) => self.by_key.get(key.as_str()).copied(),
            _ => under_slug,
        };
        // Unknown keys never meet gazetteer or sector keys (above), so an actor under
        // this key is the unknown actor made before.
        let found = match seen {
            Some(actor) => actor,
            None => {
                let actor = Actor {
                    id: ActorId(key.clone()),
                    name: name.to_owned(),
                    kind,
                    code: None,
                    country: None,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                };
                self.register(Cow::Owned(key.clone()), Registered::new(actor, None, true))
            }
        };
        self.key_buffer = key;
        let actor = &mut self.registered_mut(found).actor;
        if let Some(role) = role
            && !actor.roles.contains(&role)
        {
            actor.code.get_or_insert_with(|| role.code.clone());
            // An office of a country's ("IRQGOV") places the person in it; one of an
            // international body's ("IGOMEAARL") does not.
            if actor.country.is_none() {
                actor.country = role
                    .code
                    .get(..3)
                    .filter(|iso| GAZETTEER.countries.contains_key(*iso))
                    .map(str::to_owned);
            }
            actor.roles.push(role);
        }
        found
    }

    /// A mention of the unknown actor `actor` tells its kind is `kind`. An actor taken for an
    /// organisation because its first mentions told nothing ("the Dadaab refugee complex") is
    /// a place when a later one says so ("in Dadaab"); a kind told once stays.
    pub(crate) fn tell_kind(&mut self, actor: ActorRef, kind: ActorKind) {
        let registered = self.registered_mut(actor);
        if !registered.unknown || registered.kind_told {
            return;
        }
        registered.kind_told = true;
        if registered.actor.kind == ActorKind::Organization && kind == ActorKind::Location {
            registered.actor.kind = ActorKind::Location;
            registered.made_place = true;
        }
    }

    /// Unknown-name actors of `kind`: their keys and names, in the order registered.
    pub(crate) fn unknown_actors(&self, kind: ActorKind) -> impl Iterator<Item = (&str, &str)> {
        self.actors
            .iter()
            .filter(move |r| r.unknown && !r.merged && r.actor.kind == kind)
            .map(|r| (r.actor.id.0.as_str(), r.actor.name.as_str()))
    }

    /// Unknown-name actors taken for organisations and made persons during the pass (by a
    /// pronoun that stands for them): their keys and names, in the order registered.
    pub(crate) fn unknown_made_persons(&self) -> impl Iterator<Item = (&str, &str)> {
        self.actors
            .iter()
            .filter(|r| r.unknown && !r.merged && r.made_person && r.actor.kind == ActorKind::Person)
            .map(|r| (r.actor.id.0.as_str(), r.actor.name.as_str()))
    }

    /// Whether `actor` was made for a name outside the gazetteer.
    pub(crate) fn is_unknown(&self, actor: ActorRef) -> bool {
        self.registered(actor).unknown
    }

    /// Makes the unknown actor `actor`, taken for an organisation, a person: its last
    /// `recent` mentions at once (those coreference reads back), the others when the record
    /// is made (a walk over all of them at each would be quadratic in a long document).
    pub(crate) fn make_person(&mut self, actor: ActorRef, recent: usize) {
        let registered = self.registered_mut(actor);
        registered.actor.kind = ActorKind::Person;
        registered.made_person = true;
        let from = self.found.len().saturating_sub(recent);
        // ("It", "its" taken for the organisation stay what they were: see `finish`.)
        for f in
            self.found[from..].iter_mut().filter(|f| f.actor == actor && f.resolution != Resolution::Pronoun)
        {
            f.kind = MentionKind::Person;
        }
    }

    /// Makes each unknown actor `full` of `pairs` a person and its lone-surname actor one of
    /// its aliases: the surname's mentions move to `full`. One pass over the mentions.
    pub(crate) fn make_persons(&mut self, pairs: &[(String, String)]) {
        let mut moved: FastMap<ActorRef, ActorRef> = FastMap::default();
        let mut fulls: FastSet<ActorRef> = FastSet::default();
        for (full, surname) in pairs {
            let Some(&full) = self.by_key.get(full.as_str()) else { continue };
            let Some(&removed) = self.by_key.get(surname.as_str()) else { continue };
            if moved.contains_key(&removed) {
                continue;
            }
            self.by_key.remove(surname.as_str());
            let removed_entry = self.registered_mut(removed);
            removed_entry.merged = true;
            let removed_name = std::mem::take(&mut removed_entry.actor.name);
            let actor = &mut self.registered_mut(full).actor;
            actor.kind = ActorKind::Person;
            if !actor.aliases.contains(&removed_name) {
                actor.aliases.push(removed_name);
                actor.aliases.sort();
            }
            moved.insert(removed, full);
            fulls.insert(full);
        }
        for f in &mut self.found {
            if fulls.contains(&f.actor) {
                if f.resolution != Resolution::Pronoun {
                    f.kind = MentionKind::Person;
                }
            } else if let Some(&full) = moved.get(&f.actor) {
                f.actor = full;
                if f.resolution != Resolution::Pronoun {
                    f.kind = MentionKind::Person;
                }
                if f.resolution == Resolution::Unknown {
                    f.resolution = Resolution::Alias;
                }
            }
        }
    }

    /// Records a mention of `actor` written `surface`; the surface joins the aliases when it
    /// is a name other than the canonical one.
    pub(crate) fn mention(
        &mut self,
        span: Span,
        surface: &str,
        actor: ActorRef,
        kind: MentionKind,
        resolution: Resolution,
    ) {
        let record = &mut self.registered_mut(actor).actor;
        if matches!(
            resolution,
            Resolution::Name | Resolution::Alias | Resolution::Acronym | Resolution::Metonym | Resolution::Unknown
        ) && surface != record.name
            // Aliases are kept sorted (see `known`, `make_persons`): search, and insert in place.
            && let Err(at) = record.aliases.binary_search_by(|a| a.as_str().cmp(surface))
        {
            record.aliases.insert(at, surface.to_owned());
        }
        self.found.push(Found { span, actor, kind, resolution });
    }

    /// The actors sorted by id and the mentions in text order with ids `m1`, `m2`, ...
    pub(crate) fn finish(mut self) -> (Vec<Actor>, Vec<Mention>) {
        let actors = &self.actors;
        let key = |f: &Found| actors[f.actor.0 as usize].actor.id.0.as_str();
        // By position, then by key; the keys read only for mentions of one span.
        let order = |a: &Found, b: &Found| {
            (a.span.start, a.span.end).cmp(&(b.span.start, b.span.end)).then_with(|| key(a).cmp(key(b)))
        };
        // Mentions are found nearly always in text order: a stable sort of a sorted list
        // changes nothing, but costs a scratch buffer and a pass of merging.
        if !self.found.is_sorted_by(|a, b| order(a, b) != std::cmp::Ordering::Greater) {
            self.found.sort_by(order);
        }
        // One actor per key: the same actor is the same key.
        self.found.dedup_by(|a, b| a.span == b.span && a.actor == b.actor);
        // "Olajide Idris said ... It is hard": a thing pronoun taken for an unknown name then
        // read as an organisation, which proved a person's, stands for no one.
        let thing_for_person = |f: &Found| {
            f.resolution == Resolution::Pronoun
                && f.kind != MentionKind::Person
                && actors[f.actor.0 as usize].actor.kind == ActorKind::Person
        };
        let mentions = self
            .found
            .iter()
            .filter(|f| !thing_for_person(f))
            .enumerate()
            .map(|(i, f)| {
                let registered = &actors[f.actor.0 as usize];
                let kind = match f.kind {
                    MentionKind::Organization if registered.made_person => MentionKind::Person,
                    MentionKind::Organization if registered.made_place => MentionKind::Location,
                    kind => kind,
                };
                Mention {
                    id: MentionId(numbered_id('m', i + 1)),
                    span: f.span,
                    actor: registered.actor.id.clone(),
                    kind,
                    resolution: f.resolution,
                }
            })
            .collect();
        // An actor's id is its key (unique): sort the actors themselves, moved once.
        let mut actors: Vec<Actor> = self.actors.drain(..).filter(|r| !r.merged).map(|r| r.actor).collect();
        actors.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        self.recycle();
        (actors, mentions)
    }

    /// Gives the registry's buffers, emptied, to the thread's next document (see
    /// [`SpareBuffers`]).
    fn recycle(self) {
        let Registry { mut actors, mut by_key, mut by_key_id, key_buffer, mut found, .. } = self;
        actors.clear();
        by_key.clear();
        by_key_id.clear();
        found.clear();
        SPARE_BUFFERS.set(Some(SpareBuffers { actors, by_key, by_key_id, key_buffer, found }));
    }
}

/// What an unknown name's key starts with when its slug is taken (see [`guard_unknown_key`]).
const UNKNOWN_KEY_PREFIX: &str = "name-";

/// Makes `key`, the slug of a name outside the gazetteer, the key of the actor made for
/// it: the slug, which never takes over a gazetteer key, nor a country's sector key
/// (`rus-mil`) that a later sector mention would be registered under (then prefixed, and
/// true returned).
fn guard_unknown_key(key: &mut String) -> bool {
    let taken = GAZETTEER.actors.contains_key(key.as_str()) || is_sector_key(key);
    if taken {
        key.insert_str(0, UNKNOWN_KEY_PREFIX);
    }
    taken
}

/// A country's sector actor from its key (`ukr-mil`: a country code and a sector code of
/// `sectors.tsv`), for sectors the gazetteer did not list ahead.
fn sector_from_key(key: &str) -> Option<KnownActor> {
    if !is_sector_key(key) {
        return None;
    }
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

/// Whether `key` is a country's sector key (a code of a country and a sector code of
/// `sectors.tsv`, in lower case), read without building the actor: every unknown name's key
/// is checked.
fn is_sector_key(key: &str) -> bool {
    // The sector code is the three bytes after the first hyphen and ends the key: a key
    // without a hyphen four bytes from its end (nearly every slug) is none, read with no
    // search for the hyphen.
    if key.len() < 4 || key.as_bytes()[key.len() - 4] != b'-' {
        return false;
    }
    let Some((iso, sector)) = key.split_once('-') else { return false };
    // The key is made lower case from upper-case codes: a capital in it makes it another.
    if sector.len() != 3 || key.bytes().any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let (mut iso_buffer, mut sector_buffer) = ([0u8; 8], [0u8; 3]);
    let (Some(iso_upper), Some(sector_upper)) =
        (ascii_upper(iso, &mut iso_buffer), ascii_upper(sector, &mut sector_buffer))
    else {
        return false;
    };
    GAZETTEER.countries.contains_key(iso_upper) && GAZETTEER.sectors.values().any(|s| s.code == sector_upper)
}

/// `word` in ASCII capitals, written into `buffer`; `None` when it does not fit (no country
/// or sector code is that long).
fn ascii_upper<'b>(word: &str, buffer: &'b mut [u8]) -> Option<&'b str> {
    let upper = buffer.get_mut(..word.len())?;
    upper.copy_from_slice(word.as_bytes());
    upper.make_ascii_uppercase();
    std::str::from_utf8(upper).ok()
}

/// `ELI` of the country of a person holding no role at `date` who had held one before it
/// (see [`Registry::dated_code`]: "Donald Trump" in 2024 too, between his terms); `None`
/// when no role had ended by then, or the country is not known.
fn former_official_code(known: &KnownActor, date: NaiveDate) -> Option<String> {
    let held_before = known.roles.iter().any(|r| r.end.is_some_and(|end| end < date));
    let country = known.country.as_deref().filter(|_| held_before)?;
    Some(format!("{country}{}", super::FORMER_OFFICIAL_SECTOR))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_name_never_takes_a_known_or_sector_key() {
        let mut registry = Registry::new(None);
        let unknown = registry.unknown("Rus Mil", ActorKind::Organization, None);
        assert_eq!(registry.actor(unknown).id.0, "name-rus-mil");
        let sector = registry.known("rus-mil").expect("registered");
        assert_ne!(
            registry.actor(sector).name,
            "Rus Mil",
            "the sector actor is the gazetteer's, not the unknown name"
        );
        // "Hun Sen" is no sector of Hungary (HUN): SEN is not a sector code.
        let person = registry.unknown("Hun Sen", ActorKind::Person, None);
        assert_eq!(registry.actor(person).id.0, "hun-sen");
    }

    #[test]
    fn a_registry_made_from_recycled_buffers_starts_empty() {
        let mut first = Registry::new(None);
        let name = first.unknown("Paul Nesbit", ActorKind::Person, None);
        first.mention(Span::new(0, 11), "Paul Nesbit", name, MentionKind::Person, Resolution::Unknown);
        let country = first.known_named("ukr", 7).expect("a country");
        first.mention(Span::new(20, 27), "Ukraine", country, MentionKind::Location, Resolution::Name);
        let (actors, mentions) = first.finish();
        assert_eq!((actors.len(), mentions.len()), (2, 2));
        // Same thread: the next registry takes the buffers back, and none of the first
        // document's actors, keys or mentions.
        let mut second = Registry::new(None);
        assert!(second.found.is_empty() && second.actors.is_empty());
        assert!(second.by_key.is_empty() && second.by_key_id.is_empty());
        let other = second.unknown("Albert Gee", ActorKind::Person, None);
        // The number the first registry kept for another key: it must be forgotten.
        let country = second.known_named("rus", 7).expect("a country");
        second.mention(Span::new(0, 10), "Albert Gee", other, MentionKind::Person, Resolution::Unknown);
        second.mention(Span::new(15, 21), "Russia", country, MentionKind::Location, Resolution::Name);
        let (actors, mentions) = second.finish();
        let ids: Vec<&str> = actors.iter().map(|a| a.id.0.as_str()).collect();
        assert_eq!(ids, ["albert-gee", "rus"]);
        assert_eq!(mentions.iter().map(|m| m.actor.0.as_str()).collect::<Vec<_>>(), ["albert-gee", "rus"]);
    }
}
