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
