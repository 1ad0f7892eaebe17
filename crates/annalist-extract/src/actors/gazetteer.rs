//! The gazetteer: countries, capitals, places, institutions, international bodies, persons,
//! sector words, group nouns and word classes, read once from `data/gazetteer/*.tsv`.
//!
//! Names are keyed by their tokens (as the segmenter splits them), lower-cased and joined by
//! single spaces, so a lookup over the text's tokens is one hash probe per candidate length.

use std::sync::LazyLock;

use annalist_core::{ActorKind, MentionKind, Resolution, Role};
use chrono::NaiveDate;

use super::name_trie::NameTrie;
use super::scan::LOWERCASE_OPENERS;
use super::word_table::WordTable;
use super::words::WordFilter;
use crate::lexicon::{self, SortedRows};
use crate::segment;

pub(crate) use crate::hash::{FastMap, FastSet};

/// What a known name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// A known actor named directly (country, place, institution, body, person).
    Actor {
        /// Gazetteer key of the actor.
        key: String,
        /// Entity class of the mention.
        mention: MentionKind,
        /// How the name ties to the actor.
        resolution: Resolution,
    },
    /// A demonym or adjective of a country ("Ukrainian", "Ukrainians").
    Demonym {
        /// ISO alpha-3 code.
        iso: String,
        /// The key of the country's actor (the code in lower case), made once here rather
        /// than per mention.
        key: String,
        /// Plural noun for the people ("Ukrainians") rather than an adjective.
        people: bool,
    },
}

/// One known name: its meaning and how it must be written to match.
#[derive(Debug, Clone)]
pub(crate) struct NameEntry {
    /// What it stands for.
    pub meaning: Meaning,
    /// An acronym ("WHO", "US") matches only written exactly so.
    pub exact: Option<String>,
    /// The kind of the known actor it names, read once at load (see
    /// [`Gazetteer::index_name_actors`]) so a mention costs no lookup of the actor.
    pub actor_kind: Option<ActorKind>,
    /// The country of the known actor it names.
    pub actor_country: Option<String>,
    /// A number standing for the key of the actor it names (an actor's key, a demonym's
    /// country key), the same for every name of that key (see
    /// [`Gazetteer::index_name_actors`]): a document's registry finds the actor it made for
    /// the key by this number, not by hashing and comparing the key on every mention.
    pub key_id: u32,
}

/// A known actor as the gazetteer defines it.
#[derive(Debug, Clone)]
pub(crate) struct KnownActor {
    /// Canonical name.
    pub name: String,
    /// What sort of actor.
    pub kind: ActorKind,
    /// CAMEO-style code (for persons, the code of the latest role).
    pub code: Option<String>,
    /// ISO alpha-3 country.
    pub country: Option<String>,
    /// Other known names, sorted, each once.
    pub aliases: Vec<String>,
    /// Offices held (persons).
    pub roles: Vec<Role>,
    /// `m` or `f` for persons, when known.
    pub gender: Option<char>,
}

impl KnownActor {
    /// An actor of a list (a country, place, people, body): no roles, no gender.
    fn listed(
        name: &str,
        kind: ActorKind,
        code: Option<String>,
        country: Option<String>,
        aliases: Vec<String>,
    ) -> Self {
        KnownActor { name: name.to_owned(), kind, code, country, aliases, roles: Vec::new(), gender: None }
    }
}

/// A sector word or phrase ("armed forces" → MIL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sector {
    /// CAMEO sector code.
    pub code: &'static str,
    /// Names one office-holder ("president") rather than a body ("government").
    pub person: bool,
    /// Its bodies, named "in" a country, are that country's (`sector_homes.tsv`: "rebels in
    /// the Ivory Coast"; not "US troops in Syria").
    pub home: bool,
}

/// One role of a known person, indexed by its code.
#[derive(Debug, Clone)]
pub(crate) struct HeldRole {
    /// The person's key.
    pub key: String,
    /// The role.
    pub role: Role,
    /// The first word of the role's title, lower-cased ("president").
    pub title_head: Option<String>,
}

/// Classes of single words (see `words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum WordClass {
    Function,
    Month,
    Weekday,
    Quantifier,
    Title,
    PronounMale,
    PronounFemale,
    PronounThing,
    OrgSuffix,
    PlaceSuffix,
    RegionWord,
    PlacePreposition,
    PersonNoun,
    NotAName,
    PlaceNoun,
    AgentVerb,
    /// A compass or people adjective ("Northern", "Arab"): no name alone, it opens the unknown
    /// name after it.
    NameModifier,
    MeasureSuffix,
    StakeNoun,
    Preposition,
    OrgNoun,
    /// A person noun that names only people ("spokesperson", "daughter"): a lone unknown word
    /// right after it is a person's name.
    LoneNameRole,
    /// A last word that makes a capitalised name a law, treaty or plan ("Paris Agreement"):
    /// no actor.
    DocumentSuffix,
    /// "they" (see `words.tsv`).
    PronounPlural,
    /// A place people built and name after where it stands ("prison", "airport"): in lower
    /// case after an unknown name, that name is a place's.
    FacilityNoun,
}

// The classes' bits and the flags after them fill a `u32`.
const _: () = assert!((WordClass::FacilityNoun as u32) < 25);

impl WordClass {
    /// The class as one bit of a mask.
    pub(crate) const fn bit(self) -> u32 {
        1 << (self as u8)
    }
}

/// The word may open a group mention (a group noun).
pub(crate) const OPENS_GROUP: u32 = 1 << 25;
/// The word may open a sector phrase.
pub(crate) const OPENS_SECTOR: u32 = 1 << 26;
/// The word may open a name written in lower case ("al-Qaeda").
pub(crate) const OPENS_LOWER_NAME: u32 = 1 << 27;
/// The word may open a known name (any case).
pub(crate) const OPENS_NAME: u32 = 1 << 28;
/// The word is "the" (any case): the pass asks this of every lower-case word, so it is a bit
/// read with the others, not a string comparison.
pub(crate) const IS_THE: u32 = 1 << 29;
/// The word is a sector word by itself ("army", any case): only such a word is looked up
/// in [`Gazetteer::sectors`] alone.
pub(crate) const IS_SECTOR_WORD: u32 = 1 << 30;
/// The word is the lower-case form of a given name ("john"): only a word with this bit
/// can be one of [`Gazetteer::given_names`] as written.
pub(crate) const LOWER_OF_GIVEN_NAME: u32 = 1 << 31;

/// A given name's gender as the list gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Either,
}

/// Everything the actor layer knows.
#[derive(Debug, Default)]
pub(crate) struct Gazetteer {
    /// Known names by token key.
    pub names: FastMap<String, NameEntry>,
    /// The most tokens a name has.
    pub max_name_tokens: usize,
    /// Every proper prefix of a name key, in whole tokens ("united", "united states"): a
    /// lookup stops as soon as the words read so far open no name.
    pub name_prefixes: FastSet<String>,
    /// First words of names written in lower case ("al" of "al-Qaeda" is not one: the
    /// whole token "al-qaeda" is).
    pub lowercase_openers: FastSet<String>,
    /// Known actors by key.
    pub actors: FastMap<String, KnownActor>,
    /// Country names by ISO code.
    pub countries: FastMap<String, String>,
    /// Sector words and phrases by token key (lower case).
    pub sectors: FastMap<String, Sector>,
    /// The most tokens a sector phrase has.
    pub max_sector_tokens: usize,
    /// First words of sector phrases.
    pub sector_openers: FastSet<String>,
    /// First words of sector phrases of more than one word: after a word it lets through
    /// none, no longer phrase is looked up.
    pub long_sector_opener_filter: WordFilter,
    /// Word bits by lower-case word (lower-case entries and openings); it holds every word
    /// of every name key too, so that [`Gazetteer::name_trie`] can use its ids.
    pub word_info: WordTable,
    /// The names of `names` by their words' ids in `word_info`.
    pub name_trie: NameTrie,
    /// Word bits of entries written with capitals, matched as written ("President").
    pub exact_word_info: FastMap<String, u32>,
    /// The keys of `exact_word_info`, to skip most lookups there.
    pub exact_word_filter: WordFilter,
    /// Whether every key of `exact_word_info` opens with a capital (so far the case): then
    /// a token opening otherwise is surely none of them, without a look at the filter.
    pub exact_words_open_capitalised: bool,
    /// The words of `word_info` with a bit the scan acts on in lower case
    /// (`LOWERCASE_OPENERS`: a few dozen), so that the word view looks up only the
    /// lower-case words this lets through.
    pub lowercase_opener_filter: WordFilter,
    /// The words of `word_info` that may open a sector phrase (`OPENS_SECTOR`), so that
    /// the words after a name not looked up yet are tested without a lookup.
    pub sector_opener_filter: WordFilter,
    /// Group head nouns (plural and singular).
    pub groups: FastSet<String>,
    /// Nouns of an office in an organisation (`offices.tsv`), lower case: after the
    /// organisation's name they title the name that follows.
    pub offices: FastSet<String>,
    /// Those of `offices` that name an office in general ("chief", "official").
    pub generic_offices: FastSet<String>,
    /// The words of `offices`, so that most words are ruled out without a lookup.
    pub office_filter: WordFilter,
    /// Word classes; a word may have several. Keys as written in the file: lower-case keys
    /// match any case, others only as written.
    pub words: FastMap<String, Vec<WordClass>>,
    /// Given names and their gender.
    pub given_names: FastMap<String, Gender>,
    /// Common English words (`common_words.tsv`), lower case: a capitalised one alone opening
    /// a sentence or a quotation is no name.
    pub common_words: SortedRows,
    /// Family names written before the given name (`family_names_first.tsv`: "Wang", "Ahn").
    pub family_names_first: FastSet<String>,
    /// Cities and US states (`cities.tsv`) and their country's alpha-3 code: an unknown name
    /// that is one is a place. Only names the scan has found are looked up: these are not
    /// matched in text.
    pub cities: FastMap<&'static str, &'static str>,
    /// Surname endings ("enko", "ov") that mark an unknown name as a person's.
    pub surname_endings: Vec<String>,
    /// The last bytes of `surname_endings`, one bit each (every bit for an empty ending):
    /// a name whose last byte has none ends like no surname, with no ending compared.
    pub surname_ending_last_bytes: [u64; 4],
    /// The roles of persons by role code (`USAGOV`), for finding an office's holder.
    pub roles_by_code: FastMap<String, Vec<HeldRole>>,
    /// Modifiers of a person's description that tell no one apart (`words.tsv`,
    /// `untelling-modifier`: "top", "former"), lower case.
    pub untelling_modifiers: FastSet<String>,
    /// Office titles that a department's name comes before (`words.tsv`, `department-office`:
    /// "Commerce Secretary X"), as written.
    pub department_offices: FastSet<String>,
    /// Prefixes of a stance joined by a hyphen to a name (`words.tsv`, `stance-prefix`:
    /// "anti", "pro"), lower case.
    pub stance_prefixes: FastSet<String>,
    /// Participles used as adjectives between a country's name and a sector word (`words.tsv`,
    /// `participle-modifier`: "U.S. armed forces"); other words in "-ed" there are verbs
    /// ("Israel killed militants").
    pub participle_modifiers: FastSet<String>,
    /// Posts at an international body and bids to join it (`words.tsv`, `forum-post`:
    /// "mission", "ambassador", "bid"), lower case: "Iran's U.N. mission" is Iran's.
    pub forum_posts: FastSet<String>,
    /// People in a relation to a possessor who are not it (`words.tsv`, `relation-noun`:
    /// "allies", "critics"), lower case: "Ukraine's allies pledged aid" is no act of Ukraine.
    pub relation_nouns: FastSet<String>,
    /// Words that make a people's name an ethnic group, not a state's people (`words.tsv`,
    /// `ethnic-modifier`: "ethnic"), lower case: "ethnic Turks" in Bulgaria are not Turkey.
    pub ethnic_modifiers: FastSet<String>,
    /// The keys of listed persons' names of two words or more ("francois mitterrand") with the
    /// person's actor key and key number, by the key's first byte: an unknown person's name
    /// one letter away from one is that person misspelt (see [`Gazetteer::misspelt_person`]).
    pub person_spellings: FastMap<u8, Vec<(String, String, u32)>>,
}

/// The gazetteer, loaded on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The token key of a phrase: its tokens, lower-cased, joined by single spaces.
pub(crate) fn key_of(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    for token in segment::tokenize(phrase) {
        if !key.is_empty() {
            key.push(' ');
        }
        push_lower(&mut key, token.span.slice(phrase));
    }
    key
}

/// Whether keys `a` and `b` (different) have the same words but for one letter added,
/// dropped or changed in one word of five letters or more, past its first letter.
fn one_letter_apart(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (mut a_words, mut b_words) = (a.split(' '), b.split(' '));
    let mut differing = None;
    loop {
        match (a_words.next(), b_words.next()) {
            (None, None) => break,
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) if differing.is_none() => differing = Some((x, y)),
            _ => return false,
        }
    }
    let Some((x, y)) = differing else { return false };
    let (x, y) = (x.as_bytes(), y.as_bytes());
    if x.len().min(y.len()) < 5 || x[0] != y[0] {
        return false;
    }
    // The common start and end; what lies between them is the edit.
    let start = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let end = x[start..].iter().rev().zip(y[start..].iter().rev()).take_while(|(p, q)| p == q).count();
    let (x_mid, y_mid) = (x.len() - start - end, y.len() - start - end);
    x_mid <= 1
        && y_mid <= 1
        && !x[start..x.len() - end].iter().chain(&y[start..y.len() - end]).any(|b| !b.is_ascii_alphabetic())
}

/// The other ways of writing a key's Arabic article: "omar al-bashir" is also written "Omar
/// el-Bashir", "Omar al Bashir" and "Omar El Bashir" (romanisations differ in the vowel and
/// in the hyphen). Only an article opening a word after the first: a name that opens with
/// it ("Al Jazeera") is written one way.
fn arabic_article_variants(key: &str) -> Vec<String> {
    let Some(at) = [" al-", " el-"].iter().filter_map(|a| key.find(a)).min() else {
        return Vec::new();
    };
    let (head, tail) = (&key[..at], &key[at + 4..]);
    if !tail.starts_with(char::is_alphabetic) {
        return Vec::new();
    }
    ["al", "el"]
        .iter()
        .flat_map(|article| [format!("{head} {article}-{tail}"), format!("{head} {article} {tail}")])
        .filter(|variant| variant != key)
        .collect()
}

/// Appends `word` lower-cased, with curly apostrophes made straight.
pub(crate) fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn is_acronym(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn list(field: Option<&&str>) -> Vec<String> {
    field.map_or_else(Vec::new, |f| {
        f.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    })
}

fn sector_name(iso_name: &str, sector: &str) -> String {
    let what = match sector {
        "GOV" => "Government",
        "MIL" => "Military",
        "LEG" => "Legislature",
        "JUD" => "Judiciary",
        "COP" => "Police",
        "OPP" => "Opposition",
        "REB" => "Rebels",
        "MED" => "Media",
        "BUS" => "Business",
        "CVL" => "Civilians",
        "SPY" => "Intelligence services",
        "REF" => "Refugees",
        "LAB" => "Labour",
        "AGR" => "Agriculture",
        "EDU" => "Education",
        other => other,
    };
    format!("{what} of {iso_name}")
}

fn sector_kind(sector: &str) -> ActorKind {
    match sector {
        "GOV" => ActorKind::Government,
        "MIL" => ActorKind::Military,
        "CVL" | "REF" | "LAB" | "AGR" => ActorKind::Group,
        _ => ActorKind::Organization,
    }
}

/// The key of a country's sector actor: `blr-gov`.
pub(crate) fn sector_key(iso: &str, sector: &str) -> String {
    // Built in place: asked for on every sector mention.
    let mut key = String::with_capacity(iso.len() + 1 + sector.len());
    key.push_str(iso);
    key.push('-');
    key.push_str(sector);
    key.make_ascii_lowercase();
    key
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.load_words();
        g.load_countries();
        g.load_places();
        g.load_igos();
        g.load_institutions();
        g.load_persons();
        g.load_sectors();
        g.load_offices();
        g.load_peoples();
        g.add_arabic_article_variants();
        // Sorted and without repeats once here, as every actor record keeps them: a
        // document's registry copies them as they are.
        for actor in g.actors.values_mut() {
            actor.aliases.sort();
            actor.aliases.dedup();
        }
        g.index_words();
        g.index_role_codes();
        g.index_name_actors();
        g.index_person_spellings();
        g.name_trie = NameTrie::new(g.names.iter().map(|(key, entry)| (key.as_str(), entry)), &g.word_info);
        g
    }

    /// Copies onto each name the kind and country of the actor it names (once every actor
    /// is loaded), as every mention of a known name asks for them, and numbers the keys of
    /// the actors named (see [`NameEntry::key_id`]).
    fn index_name_actors(&mut self) {
        let actors = &self.actors;
        // One number per distinct key, in the order met (any order serves: the numbers
        // only stand for keys within one document's registry).
        let mut key_ids: FastMap<String, u32> = FastMap::default();
        for entry in self.names.values_mut() {
            let key = match &entry.meaning {
                Meaning::Actor { key, .. } | Meaning::Demonym { key, .. } => key,
            };
            let next_id = u32::try_from(key_ids.len()).unwrap_or(u32::MAX);
            entry.key_id = *key_ids.entry(key.clone()).or_insert(next_id);
            if let Meaning::Actor { key, .. } = &entry.meaning
                && let Some(actor) = actors.get(key)
            {
                entry.actor_kind = Some(actor.kind);
                entry.actor_country.clone_from(&actor.country);
            }
        }
    }

    /// Persons' roles by code, so finding an office's holder reads only the roles of that
    /// code.
    fn index_role_codes(&mut self) {
        let mut index: FastMap<String, Vec<HeldRole>> = FastMap::default();
        for (key, actor) in &self.actors {
            if actor.kind != ActorKind::Person {
                continue;
            }
            for role in &actor.roles {
                index.entry(role.code.clone()).or_default().push(HeldRole {
                    key: key.clone(),
                    role: role.clone(),
                    title_head: role.title.to_lowercase().split_whitespace().next().map(str::to_owned),
                });
            }
        }
        self.roles_by_code = index;
    }

    /// One entry a word for the word view: its classes and what it may open, so a token
    /// costs one lookup (two when capitalised).
    fn index_words(&mut self) {
        let mut info: FastMap<String, u32> = FastMap::default();
        let mut exact: FastMap<String, u32> = FastMap::default();
        for (word, classes) in &self.words {
            let bits = classes.iter().fold(0, |m, c| m | c.bit());
            let lower_entry = !word.chars().any(char::is_uppercase);
            *(if lower_entry { info.entry(word.clone()) } else { exact.entry(word.clone()) }).or_default() |=
                bits;
        }
        for g in &self.groups {
            *info.entry(g.clone()).or_default() |= OPENS_GROUP;
        }
        for s in &self.sector_openers {
            *info.entry(s.clone()).or_default() |= OPENS_SECTOR;
        }
        for o in &self.lowercase_openers {
            *info.entry(o.clone()).or_default() |= OPENS_LOWER_NAME;
        }
        *info.entry("the".to_owned()).or_default() |= IS_THE;
        // Single-word sector keys and given names are facts of the word too, so that the
        // scan asks the maps only about the words that have them.
        for key in self.sectors.keys().filter(|key| !key.contains(' ')) {
            *info.entry(key.clone()).or_default() |= IS_SECTOR_WORD;
        }
        for name in self.given_names.keys() {
            let mut lower = String::with_capacity(name.len());
            push_lower(&mut lower, name);
            *info.entry(lower).or_default() |= LOWER_OF_GIVEN_NAME;
        }
        for key in self.names.keys().chain(self.name_prefixes.iter()) {
            let first = key.split(' ').next().unwrap_or("");
            *info.entry(first.to_owned()).or_default() |= OPENS_NAME;
        }
        // Every word of a name gets an id, even without bits of its own.
        for key in self.names.keys() {
            for part in key.split(' ') {
                info.entry(part.to_owned()).or_default();
            }
        }
        self.word_info = WordTable::new(info.iter().map(|(word, bits)| (word.as_str(), *bits)));
        for (word, bits) in &info {
            if bits & LOWERCASE_OPENERS != 0 {
                self.lowercase_opener_filter.add(word);
            }
            if bits & OPENS_SECTOR != 0 {
                self.sector_opener_filter.add(word);
            }
        }
        for word in exact.keys() {
            self.exact_word_filter.add(word);
        }
        self.exact_words_open_capitalised =
            exact.keys().all(|word| word.chars().next().is_some_and(char::is_uppercase));
        self.exact_word_info = exact;
    }

    /// The id of a token's lower-case form in `word_info` ([`NO_WORD`] when it holds
    /// none) and the token's classes and openings ([`WordClass::bit`]s and `OPENS_*`
    /// flags). `opens_capitalised`: whether the token's first character is upper case.
    ///
    /// [`NO_WORD`]: super::word_table::NO_WORD
    pub(crate) fn word_facts(&self, text: &str, lower: &str, opens_capitalised: bool) -> (u32, u32) {
        let (id, bits) = self.word_info.lookup(lower);
        // Most tokens open in lower case and are no entry written with capitals: no look
        // at the filter, no comparison of the two forms.
        if (!opens_capitalised && self.exact_words_open_capitalised)
            || !self.exact_word_filter.may_contain(text)
            || text == lower
        {
            (id, bits)
        } else {
            (id, bits | self.exact_word_info.get(text).copied().unwrap_or(0))
        }
    }

    /// Whether a token not capitalised whose lower-case form is `lower` may have a bit of
    /// `LOWERCASE_OPENERS` (false: surely not, without a lookup).
    pub(crate) fn may_open_in_lower_case(&self, lower: &str) -> bool {
        // An entry written with capitals but opening otherwise would add its bits to such
        // a token (see `word_facts`): then every token may.
        !self.exact_words_open_capitalised || self.lowercase_opener_filter.may_contain(lower)
    }

    /// [`Gazetteer::may_open_in_lower_case`] of a form of filter slot `slot` (see
    /// `WordFilter::slot`), read once by the caller.
    pub(crate) fn may_open_in_lower_case_at(&self, slot: usize) -> bool {
        !self.exact_words_open_capitalised || self.lowercase_opener_filter.may_contain_slot(slot)
    }

    /// Group nouns, given names and word classes: read first, as the other files are
    /// checked against them.
    fn load_words(&mut self) {
        let g = self;
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/groups.tsv")) {
            if let Some(plural) = f.first() {
                g.groups.insert(plural.to_lowercase());
            }
        }
        // The hand-written list first: its genders win over the census list's.
        let given_name_files = [
            include_str!("../../data/gazetteer/given_names.tsv"),
            include_str!("../../data/gazetteer/census_given_names.tsv"),
        ];
        for (_, f) in given_name_files.into_iter().flat_map(lexicon::rows) {
            let gender = match f.get(1).copied() {
                Some("m") => Gender::Male,
                Some("f") => Gender::Female,
                _ => Gender::Either,
            };
            g.given_names.entry(f[0].to_owned()).or_insert(gender);
        }
        g.common_words = SortedRows::new(include_str!("../../data/gazetteer/common_words.tsv"));
        // Asked about every unknown name the scan classifies: a hash map of slices of the
        // compiled-in file, not a binary search.
        g.cities = lexicon::rows(include_str!("../../data/gazetteer/cities.tsv"))
            .filter_map(|(_, f)| Some((*f.first()?, *f.get(1)?)))
            .collect();
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/family_names_first.tsv")) {
            g.family_names_first.insert(f[0].to_owned());
        }
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/words.tsv")) {
            if f.get(1) == Some(&"surname-ending") {
                let ending = f[0].trim_start_matches('-');
                match ending.as_bytes().last() {
                    Some(&last) => g.surname_ending_last_bytes[usize::from(last >> 6)] |= 1 << (last & 63),
                    None => g.surname_ending_last_bytes = [u64::MAX; 4],
                }
                g.surname_endings.push(ending.to_owned());
                continue;
            }
            // Classes kept as sets of their own, not as bits of a word's facts.
            let set = match f.get(1).copied() {
                Some("untelling-modifier") => Some(&mut g.untelling_modifiers),
                Some("department-office") => Some(&mut g.department_offices),
                Some("stance-prefix") => Some(&mut g.stance_prefixes),
                Some("participle-modifier") => Some(&mut g.participle_modifiers),
                Some("forum-post") => Some(&mut g.forum_posts),
                Some("relation-noun") => Some(&mut g.relation_nouns),
                Some("ethnic-modifier") => Some(&mut g.ethnic_modifiers),
                _ => None,
            };
            if let Some(set) = set {
                set.insert(f[0].to_owned());
                continue;
            }
            let class = match f.get(1).copied().unwrap_or("") {
                "function" => WordClass::Function,
                "month" => WordClass::Month,
                "weekday" => WordClass::Weekday,
                "quantifier" => WordClass::Quantifier,
                "title" => WordClass::Title,
                "person-pronoun-m" => WordClass::PronounMale,
                "person-pronoun-f" => WordClass::PronounFemale,
                "thing-pronoun" => WordClass::PronounThing,
                "plural-pronoun" => WordClass::PronounPlural,
                "org-suffix" => WordClass::OrgSuffix,
                "place-suffix" => WordClass::PlaceSuffix,
                "region-word" => WordClass::RegionWord,
                "facility-noun" => WordClass::FacilityNoun,
                "place-preposition" => WordClass::PlacePreposition,
                "person-noun" => WordClass::PersonNoun,
                "not-a-name" => WordClass::NotAName,
                "place-noun" => WordClass::PlaceNoun,
                "agent-verb" => WordClass::AgentVerb,
                "direction" | "people-adjective" => WordClass::NameModifier,
                "measure-suffix" => WordClass::MeasureSuffix,
                "stake-noun" => WordClass::StakeNoun,
                "preposition" => WordClass::Preposition,
                "org-noun" => WordClass::OrgNoun,
                "lone-name-role" => WordClass::LoneNameRole,
                "document-suffix" => WordClass::DocumentSuffix,
                _ => continue,
            };
            let classes = g.words.entry(f[0].to_owned()).or_default();
            if !classes.contains(&class) {
                classes.push(class);
            }
        }
        // A holiday of one word is a time, never an actor ("over Easter", "before Passover"):
        // read from the time layer's list, so that a holiday added there is known here too.
        // (The words after one, "Christmas Eve", lie in the time layer's expression, which
        // names no actor: see `Scanner::name_in_time_expression`.)
        for (_, f) in lexicon::rows(include_str!("../../data/time/holidays.tsv")) {
            let Some(holiday) = f.first().filter(|h| h.chars().all(char::is_alphabetic)) else { continue };
            let classes = g.words.entry((*holiday).to_owned()).or_default();
            if !classes.contains(&WordClass::NotAName) {
                classes.push(WordClass::NotAName);
            }
        }
    }

    /// Adds a name unless an earlier file already claimed it.
    fn add_name(&mut self, name: &str, meaning: Meaning) {
        let key = key_of(name);
        if key.is_empty() {
            return;
        }
        let tokens = key.split(' ').count();
        self.max_name_tokens = self.max_name_tokens.max(tokens);
        let exact = is_acronym(name).then(|| name.to_owned());
        // "al-Qaeda": a name written with a lower-case first letter matches only so.
        if name.chars().next().is_some_and(char::is_lowercase)
            && let Some(first) = key.split(' ').next()
        {
            self.lowercase_openers.insert(first.to_owned());
        }
        // The word view splits "Asia-Pacific" when a part is a known name: key the split
        // form too.
        if key.contains('-') {
            self.add_key(key.replace('-', " - "), &meaning, &exact);
        }
        self.add_prefixes(&key);
        self.names.entry(key).or_insert(NameEntry {
            meaning,
            exact,
            actor_kind: None,
            actor_country: None,
            key_id: 0,
        });
    }

    /// Keys every name with an Arabic article also as the article's other writings (see
    /// [`arabic_article_variants`]), once all files are read, so that a writing a file lists
    /// keeps its own meaning ("Omar el-Bashir", an alias).
    fn add_arabic_article_variants(&mut self) {
        let mut written: Vec<(&String, &NameEntry)> =
            self.names.iter().filter(|(key, _)| key.contains(" al-") || key.contains(" el-")).collect();
        // In key order, so that two names claiming one writing give the same answer each run.
        written.sort_unstable_by_key(|(key, _)| key.as_str());
        let variants: Vec<(String, Meaning, Option<String>)> = written
            .into_iter()
            .flat_map(|(key, entry)| {
                arabic_article_variants(key)
                    .into_iter()
                    .map(|v| (v, entry.meaning.clone(), entry.exact.clone()))
            })
            .collect();
        for (variant, meaning, exact) in variants {
            if variant.contains('-') {
                self.add_key(variant.replace('-', " - "), &meaning, &exact);
            }
            self.add_key(variant, &meaning, &exact);
        }
    }

    /// Fills [`Gazetteer::person_spellings`] (once the names know their key numbers).
    fn index_person_spellings(&mut self) {
        let mut spellings: Vec<(&String, &NameEntry)> = self
            .names
            .iter()
            .filter(|(key, entry)| {
                matches!(entry.meaning, Meaning::Actor { mention: MentionKind::Person, .. })
                    && key.contains(' ')
                    && !key.contains(" - ")
            })
            .collect();
        // In key order, so that the index is the same each run.
        spellings.sort_unstable_by_key(|(key, _)| key.as_str());
        for (key, entry) in spellings {
            let Meaning::Actor { key: actor, .. } = &entry.meaning else { continue };
            self.person_spellings.entry(key.as_bytes()[0]).or_default().push((
                key.clone(),
                actor.clone(),
                entry.key_id,
            ));
        }
    }

    /// The listed person whose name `key` (a name's key, of two words or more) misspells:
    /// the same words but for one letter added, dropped or changed, in a word of five letters
    /// or more and not its first ("Francois Mitterand", "Abdelaziz Bouteflicka"). Only when
    /// one person is so near: two would make it a guess. Returns
    /// the person's actor key and key number.
    pub(crate) fn misspelt_person(&self, key: &str) -> Option<(&str, u32)> {
        let mut found: Option<(&str, u32)> = None;
        for (spelling, actor, key_id) in self.person_spellings.get(key.as_bytes().first()?)? {
            if spelling.len().abs_diff(key.len()) > 1 || !one_letter_apart(spelling, key) {
                continue;
            }
            match found {
                Some((other, _)) if other != actor.as_str() => return None,
                _ => found = Some((actor, *key_id)),
            }
        }
        found
    }

    /// Adds another key of a name added by [`Gazetteer::add_name`].
    fn add_key(&mut self, key: String, meaning: &Meaning, exact: &Option<String>) {
        self.max_name_tokens = self.max_name_tokens.max(key.split(' ').count());
        self.add_prefixes(&key);
        self.names.entry(key).or_insert(NameEntry {
            meaning: meaning.clone(),
            exact: exact.clone(),
            actor_kind: None,
            actor_country: None,
            key_id: 0,
        });
    }

    fn add_prefixes(&mut self, key: &str) {
        for (i, c) in key.char_indices() {
            if c == ' ' {
                self.name_prefixes.insert(key[..i].to_owned());
            }
        }
    }

    fn add_actor(&mut self, key: &str, actor: KnownActor) {
        self.actors.entry(key.to_owned()).or_insert(actor);
    }

    /// Adds the sector actor of a country (`blr-gov`) if not there yet; returns its key.
    pub(crate) fn ensure_sector_actor(&mut self, iso: &str, sector: &str) -> String {
        let key = sector_key(iso, sector);
        if !self.actors.contains_key(&key) {
            let country_name = self.countries.get(iso).cloned().unwrap_or_else(|| iso.to_owned());
            self.actors.insert(key.clone(), sector_actor(&country_name, iso, sector));
        }
        key
    }

    fn load_countries(&mut self) {
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/countries.tsv")) {
            let (Some(iso), Some(name)) = (f.first(), f.get(1)) else { continue };
            let iso = iso.to_string();
            let key = iso.to_ascii_lowercase();
            let aliases = list(f.get(2));
            let adjectives = list(f.get(3));
            let capitals = list(f.get(4));
            self.countries.insert(iso.clone(), (*name).to_owned());
            let resolution_of = |n: &str| if is_acronym(n) { Resolution::Acronym } else { Resolution::Alias };
            self.add_name(name, actor_meaning(&key, MentionKind::Location, Resolution::Name));
            for a in &aliases {
                self.add_name(a, actor_meaning(&key, MentionKind::Location, resolution_of(a)));
            }
            for adj in &adjectives {
                self.add_name(
                    adj,
                    Meaning::Demonym { iso: iso.clone(), key: iso.to_ascii_lowercase(), people: false },
                );
                for plural in plurals(adj) {
                    self.add_name(
                        &plural,
                        Meaning::Demonym { iso: iso.clone(), key: iso.to_ascii_lowercase(), people: true },
                    );
                }
            }
            let gov = sector_key(&iso, "GOV");
            for c in &capitals {
                self.add_name(c, actor_meaning(&gov, MentionKind::Location, Resolution::Metonym));
            }
            self.add_actor(
                &key,
                KnownActor::listed(name, ActorKind::State, Some(iso.clone()), Some(iso.clone()), aliases),
            );
            let mut gov_actor = sector_actor(name, &iso, "GOV");
            gov_actor.aliases = capitals;
            self.add_actor(&gov, gov_actor);
        }
    }

    fn load_places(&mut self) {
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/places.tsv")) {
            let (Some(key), Some(name), Some(iso)) = (f.first(), f.get(1), f.get(2)) else { continue };
            let aliases = list(f.get(3));
            self.add_names(key, name, &aliases, MentionKind::Location);
            self.add_actor(
                key,
                KnownActor::listed(
                    name,
                    ActorKind::Location,
                    Some((*iso).to_owned()),
                    self.countries.contains_key(*iso).then(|| (*iso).to_owned()),
                    aliases,
                ),
            );
        }
    }

    /// A listed actor's name and other names, each mentioning it as `mention`.
    fn add_names(&mut self, key: &str, name: &str, aliases: &[String], mention: MentionKind) {
        self.add_name(name, actor_meaning(key, mention, Resolution::Name));
        for a in aliases {
            self.add_name(a, actor_meaning(key, mention, Resolution::Alias));
        }
    }

    /// Peoples and faiths (`peoples.tsv`): group actors with no code.
    fn load_peoples(&mut self) {
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/peoples.tsv")) {
            let (Some(key), Some(name)) = (f.first(), f.get(1)) else { continue };
            let aliases = list(f.get(2));
            self.add_names(key, name, &aliases, MentionKind::Group);
            self.add_actor(key, KnownActor::listed(name, ActorKind::Group, None, None, aliases));
        }
    }

    fn load_igos(&mut self) {
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/igos.tsv")) {
            let (Some(key), Some(code), Some(name)) = (f.first(), f.get(1), f.get(2)) else { continue };
            let aliases = list(f.get(3));
            let first = if is_acronym(name) { Resolution::Acronym } else { Resolution::Name };
            self.add_name(name, actor_meaning(key, MentionKind::Organization, first));
            for a in &aliases {
                let r = if is_acronym(a) { Resolution::Acronym } else { Resolution::Alias };
                self.add_name(a, actor_meaning(key, MentionKind::Organization, r));
            }
            self.add_actor(
                key,
                KnownActor::listed(name, ActorKind::Organization, Some((*code).to_owned()), None, aliases),
            );
        }
    }

    fn load_institutions(&mut self) {
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/institutions.tsv")) {
            let (Some(name), Some(owner), Some(sector)) = (f.first(), f.get(1), f.get(2)) else { continue };
            let mention = match f.get(3).copied() {
                Some("location") => MentionKind::Location,
                _ => MentionKind::Organization,
            };
            let resolution = match f.get(4).copied() {
                Some("metonym") => Resolution::Metonym,
                Some("acronym") => Resolution::Acronym,
                _ => Resolution::Name,
            };
            let key = if owner.starts_with("igo-") {
                (*owner).to_owned()
            } else if sector.is_empty() {
                owner.to_ascii_lowercase()
            } else {
                self.ensure_sector_actor(owner, sector)
            };
            if let Some(actor) = self.actors.get_mut(&key)
                && !actor.aliases.iter().any(|a| a == name)
            {
                actor.aliases.push((*name).to_owned());
            }
            self.add_name(name, actor_meaning(&key, mention, resolution));
        }
    }

    fn load_persons(&mut self) {
        let rows: Vec<Vec<&str>> = lexicon::rows(include_str!("../../data/gazetteer/persons.tsv"))
            .map(|(_, f)| f)
            .filter(|f| f.len() >= 6)
            .collect();
        // A surname stands alone for its person only when no other person in the file has it
        // and it is not a given name or a common word ("May", "Christopher").
        let mut surnames: FastMap<&str, FastSet<&str>> = FastMap::default();
        for f in &rows {
            if let Some(surname) = f[1].split_whitespace().last() {
                surnames.entry(surname).or_default().insert(f[0]);
            }
        }
        // A surname shared by persons of one country ("Bush") goes to the one whose last
        // role began latest: news that names a president by surname alone means the recent
        // one. Shared across countries it stays with nobody.
        // The rows of each person (a person has a row per role): read per surname through
        // this index, not by a pass over every row per surname.
        let mut rows_of: FastMap<&str, Vec<&Vec<&str>>> = FastMap::default();
        for f in &rows {
            rows_of.entry(f[0]).or_default().push(f);
        }
        let mut surname_holder: FastMap<&str, &str> = FastMap::default();
        for (surname, keys) in &surnames {
            let of_keys = || keys.iter().filter_map(|key| rows_of.get(key)).flatten();
            let countries: FastSet<&str> = of_keys().map(|f| f[5].get(..3).unwrap_or(f[5])).collect();
            if countries.len() != 1 {
                continue;
            }
            // Dates are ISO, so their text orders them.
            let latest = of_keys().max_by_key(|f| (f.get(6).copied().unwrap_or(""), f[0])).map(|f| f[0]);

            if let Some(k) = latest {
                surname_holder.insert(surname, k);
            }
        }
        for f in &rows {
            let (key, name, title, code) = (f[0], f[1], f[4], f[5]);
            let date = |i: usize| f.get(i).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let role = Role { title: title.to_owned(), code: code.to_owned(), start: date(6), end: date(7) };
            let mut aliases = list(f.get(2));
            if let Some(surname) = name.split_whitespace().last()
                && surname != name
                && surname.chars().count() >= 4
                && surname_holder.get(surname) == Some(&key)
                && !self.given_names.contains_key(surname)
                && !self.words.contains_key(&surname.to_lowercase())
                && !aliases.iter().any(|a| a == surname)
            {
                aliases.push(surname.to_owned());
            }
            let person = self.actors.entry(key.to_owned()).or_insert_with(|| KnownActor {
                name: name.to_owned(),
                kind: ActorKind::Person,
                code: None,
                country: None,
                aliases: Vec::new(),
                roles: Vec::new(),
                gender: f.get(3).and_then(|g| g.chars().next()),
            });
            for a in &aliases {
                if !person.aliases.contains(a) {
                    person.aliases.push(a.clone());
                }
            }
            if !code.starts_with("IGO") {
                person.country = Some(code.chars().take(3).collect());
            }
            if !person.roles.contains(&role) {
                person.roles.push(role);
                person.roles.sort_by_key(|r| (r.start, r.end));
            }
            person.code = latest_role_code(&person.roles);
            self.add_name(name, actor_meaning(key, MentionKind::Person, Resolution::Name));
            for a in &aliases {
                self.add_name(a, actor_meaning(key, MentionKind::Person, Resolution::Alias));
            }
        }
    }

    fn load_sectors(&mut self) {
        let homes: Vec<&str> = lexicon::rows(include_str!("../../data/gazetteer/sector_homes.tsv"))
            .filter_map(|(_, f)| f.first().copied())
            .collect();
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/sectors.tsv")) {
            let (Some(word), Some(code)) = (f.first(), f.get(1)) else { continue };
            let code: &'static str = Box::leak((*code).to_owned().into_boxed_str());
            let key = key_of(word);
            self.max_sector_tokens = self.max_sector_tokens.max(key.split(' ').count());
            if let Some(first) = key.split(' ').next() {
                self.sector_openers.insert(first.to_owned());
                if first.len() < key.len() {
                    self.long_sector_opener_filter.add(first);
                }
            }
            let home = homes.contains(&code);
            self.sectors.insert(key, Sector { code, person: f.get(2) == Some(&"person"), home });
        }
    }

    fn load_offices(&mut self) {
        for (_, f) in lexicon::rows(include_str!("../../data/gazetteer/offices.tsv")) {
            if let Some(word) = f.first() {
                if f.get(1) == Some(&"generic") {
                    self.generic_offices.insert(key_of(word));
                }
                self.office_filter.add(&key_of(word));
                self.offices.insert(key_of(word));
            }
        }
    }

    /// Whether `word` ends like a surname ("Lukashenko", "Pashinyan").
    pub(crate) fn surname_like(&self, word: &str) -> bool {
        let last = word.as_bytes().last().copied().unwrap_or(0);
        self.surname_ending_last_bytes[usize::from(last >> 6)] & (1 << (last & 63)) != 0
            && word.chars().count() > 4
            && self.surname_endings.iter().any(|e| word.ends_with(e.as_str()))
    }

    /// Whether `word` has class `class`, as written or (for lower-case entries) in any case.
    pub(crate) fn is(&self, word: &str, class: WordClass) -> bool {
        if self.words.get(word).is_some_and(|c| c.contains(&class)) {
            return true;
        }
        if !word.chars().any(char::is_uppercase) {
            return false;
        }
        // Short ASCII words (nearly all) are lower-cased on the stack.
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            return self.words.get(lower).is_some_and(|c| c.contains(&class));
        }
        let mut lower = String::with_capacity(word.len());
        push_lower(&mut lower, word);
        self.words.get(&lower).is_some_and(|c| c.contains(&class))
    }
}

fn actor_meaning(key: &str, mention: MentionKind, resolution: Resolution) -> Meaning {
    Meaning::Actor { key: key.to_owned(), mention, resolution }
}

/// A country's sector actor: "Government of Belarus", `BLRGOV`.
pub(crate) fn sector_actor(country_name: &str, iso: &str, sector: &str) -> KnownActor {
    KnownActor::listed(
        &sector_name(country_name, sector),
        sector_kind(sector),
        Some(format!("{iso}{sector}")),
        Some(iso.to_owned()),
        Vec::new(),
    )
}

/// The code of the role that started last (ongoing roles first).
pub(crate) fn latest_role_code(roles: &[Role]) -> Option<String> {
    roles.iter().max_by_key(|r| (r.end.is_none(), r.end, r.start)).map(|r| r.code.clone())
}

/// People nouns formed from an adjective: "Ukrainian" → "Ukrainians", "Iraqi" → "Iraqis".
fn plurals(adjective: &str) -> Vec<String> {
    let last = adjective.chars().last().unwrap_or(' ');
    if adjective.ends_with("ese") || adjective.ends_with("ish") || adjective.ends_with("ch") || last == 's' {
        return Vec::new();
    }
    if matches!(last, 'n' | 'i' | 'e' | 'k' | 'b' | 't' | 'd' | 'r') && !adjective.contains(' ') {
        return vec![format!("{adjective}s")];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_every_country_and_key_actors() {
        let g = &*GAZETTEER;
        assert!(g.countries.len() >= 249, "{}", g.countries.len());
        assert!(g.actors.contains_key("blr-gov"));
        assert!(g.actors.contains_key("igo-nato"));
        assert!(matches!(
            g.names.get("kyiv").map(|e| &e.meaning),
            Some(Meaning::Actor { key, .. }) if key == "ukr-gov"
        ));
    }

    /// The derived lists only decide an unknown name's kind: a name on both, or a city the
    /// gazetteer classes as a word, would make that decision depend on rule order. (A city
    /// the gazetteer knows as a name never gets that far: known names are found first.)
    #[test]
    fn derived_lists_keep_out_word_classes_and_each_other() {
        let g = &*GAZETTEER;
        assert!(g.given_names.len() > 2_000);
        let clashes: Vec<&str> = g
            .cities
            .keys()
            .copied()
            .filter(|city| g.given_names.contains_key(*city) || g.words.contains_key(&city.to_lowercase()))
            .collect();
        assert!(clashes.is_empty(), "cities that are given names or word classes: {clashes:?}");
    }

    #[test]
    fn every_city_is_in_a_gazetteer_country() {
        assert!(GAZETTEER.cities.len() > 10_000);
        for iso in GAZETTEER.cities.values() {
            assert!(GAZETTEER.countries.contains_key(*iso), "a city's country {iso} is no country");
        }
    }

    /// The common words are looked up by binary search: out of order, a lookup fails.
    #[test]
    fn common_words_are_in_order() {
        let keys: Vec<&str> = GAZETTEER.common_words.keys().collect();
        assert!(keys.len() > 10_000);
        if let Some(pair) = keys.windows(2).find(|pair| pair[0] >= pair[1]) {
            panic!("common_words.tsv is not in byte order at {pair:?}");
        }
    }
}
