//! Reading the tab-separated lexicon files under `data/`.
//!
//! Every lexicon is a UTF-8 TSV file: lines starting with `#` are comments (each file opens
//! with its source and licence), blank lines are skipped, fields are separated by tabs. The
//! files are compiled in with `include_str!`, so a malformed file is a bug caught by the
//! tests that load every lexicon, not a runtime condition.

/// The data rows of a TSV lexicon: each row's fields, trimmed, with its 1-based line number.
pub(crate) fn rows(source: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    source.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        Some((i + 1, line.split('\t').map(str::trim).collect()))
    })
}

/// A lexicon whose rows are sorted by their first field (byte order), looked up by binary
/// search over its text as compiled in: only the keys' places are collected (one pass, no
/// string copied), so a long derived list costs little start-up time. The test of each such
/// file checks its order, without which lookups fail.
#[derive(Debug, Clone, Default)]
pub(crate) struct SortedRows {
    text: &'static str,
    /// Where each row's first field starts and ends in `text`, in order.
    keys: Vec<(u32, u32)>,
}

impl SortedRows {
    pub(crate) fn new(source: &'static str) -> SortedRows {
        let bytes = source.as_bytes();
        let mut keys = Vec::with_capacity(bytes.len() / 8);
        let mut start = 0;
        // One pass over the bytes: a row's key ends at its first tab, carriage return or
        // line feed. Lexicons are compiled in, far below 4 GB: the offsets fit in `u32`.
        while start < bytes.len() {
            let line_end =
                bytes[start..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |at| start + at);
            if bytes[start] != b'#' {
                let key_end = bytes[start..line_end]
                    .iter()
                    .position(|&b| b == b'\t' || b == b'\r')
                    .map_or(line_end, |at| start + at);
                if key_end > start {
                    keys.push((start as u32, key_end as u32));
                }
            }
            start = line_end + 1;
        }
        SortedRows { text: source, keys }
    }

    fn key(&self, (start, end): (u32, u32)) -> &'static str {
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Whether a row's first field is `key`.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.keys.binary_search_by(|&place| self.key(place).cmp(key)).is_ok()
    }

    /// The first fields of the rows, in order (for the tests of the files' order).
    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys.iter().map(|&place| self.key(place))
    }
}

/// One lexicon file as compiled in: its name under `data/` and its text. The book's method
/// chapter lists every registered file, so a reader sees what the extractor knows.
#[derive(Debug, Clone, Copy)]
pub struct LexiconFile {
    /// Path under `crates/annalist-extract/data/`.
    pub name: &'static str,
    /// The file's text: `#` comment lines (source and licence first), then tab-separated rows.
    pub text: &'static str,
}

macro_rules! lexicon_file {
    ($name:literal) => {
        LexiconFile { name: $name, text: include_str!(concat!("../data/", $name)) }
    };
}

/// Every lexicon file the extractor uses. Add a file here when a layer starts using it.
pub static FILES: &[LexiconFile] = &[
    lexicon_file!("abbreviations.tsv"),
    lexicon_file!("events/patterns.tsv"),
    lexicon_file!("events/irregular_verbs.tsv"),
    lexicon_file!("events/modality.tsv"),
    lexicon_file!("events/complements.tsv"),
    lexicon_file!("events/intentions.tsv"),
    lexicon_file!("events/clause_words.tsv"),
    lexicon_file!("claims/according.tsv"),
    lexicon_file!("claims/author.tsv"),
    lexicon_file!("claims/certainty.tsv"),
    lexicon_file!("claims/claim_nouns.tsv"),
    lexicon_file!("claims/disputes.tsv"),
    lexicon_file!("claims/evaluative.tsv"),
    lexicon_file!("claims/function_words.tsv"),
    lexicon_file!("claims/reporting_nouns.tsv"),
    lexicon_file!("claims/reporting_verbs.tsv"),
    lexicon_file!("claims/stance.tsv"),
    lexicon_file!("claims/view_phrases.tsv"),
    lexicon_file!("relations/polarity.tsv"),
    lexicon_file!("relations/mode_domains.tsv"),
    lexicon_file!("relations/statements.tsv"),
    lexicon_file!("gazetteer/countries.tsv"),
    lexicon_file!("gazetteer/places.tsv"),
    lexicon_file!("gazetteer/institutions.tsv"),
    lexicon_file!("gazetteer/igos.tsv"),
    lexicon_file!("gazetteer/persons.tsv"),
    lexicon_file!("gazetteer/sectors.tsv"),
    lexicon_file!("gazetteer/sector_homes.tsv"),
    lexicon_file!("gazetteer/offices.tsv"),
    lexicon_file!("gazetteer/groups.tsv"),
    lexicon_file!("gazetteer/peoples.tsv"),
    lexicon_file!("gazetteer/words.tsv"),
    lexicon_file!("gazetteer/given_names.tsv"),
    lexicon_file!("gazetteer/census_given_names.tsv"),
    lexicon_file!("gazetteer/family_names_first.tsv"),
    lexicon_file!("gazetteer/cities.tsv"),
    lexicon_file!("gazetteer/common_words.tsv"),
    lexicon_file!("time/words.tsv"),
    lexicon_file!("time/holidays.tsv"),
    lexicon_file!("time/hindu_dates.tsv"),
    lexicon_file!("time/tense.tsv"),
];

#[cfg(test)]
mod tests {
    use super::SortedRows;

    #[test]
    fn sorted_rows_find_every_key_and_nothing_else() {
        let source = "# header\n# Columns: name | code\nAbu Dhabi\tAE\nAden\tYE\nAl\tX\nAl Ain\tAE\nZ\tZ\n";
        let rows = SortedRows::new(source);
        assert_eq!(rows.keys().collect::<Vec<_>>(), ["Abu Dhabi", "Aden", "Al", "Al Ain", "Z"]);
        for key in rows.keys() {
            assert!(rows.contains(key), "{key}");
        }
        for absent in ["", "A", "Abu", "Aden\tYE", "Al A", "Zz", "# header", "Aa", "Y"] {
            assert!(!rows.contains(absent), "{absent}");
        }
        assert!(!SortedRows::new("# only a header\n").contains("x"));
        assert!(SortedRows::new("# no final newline\nb\nc").contains("c"));
    }

    #[test]
    fn every_lexicon_names_its_source_and_parses() {
        for file in super::FILES {
            let first = file.text.lines().next().unwrap_or("");
            assert!(first.starts_with('#'), "{} must open with a comment naming its source", file.name);
            assert!(file.text.contains("Source"), "{} must name its source", file.name);
            assert!(super::rows(file.text).count() > 0, "{} has no rows", file.name);
        }
    }
}
