//! Checks of the repository itself: every Rust file opens with a `//!` doc, no file has
//! trailing white space, and every lexicon file under `crates/annalist-extract/data/` names its
//! source and is registered in `lexicon::FILES` (so the book lists all that the extractor knows).

use std::fs;
use std::path::{Path, PathBuf};

fn files_under(dir: &Path, ending: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "snapshots" {
            continue;
        }
        if path.is_dir() {
            files_under(&path, ending, out);
        } else if name.ends_with(ending) {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn rust_files_open_with_a_module_doc() {
    let mut files = Vec::new();
    for dir in ["crates", "xtask", "tests", "fuzz/fuzz_targets"] {
        files_under(&root().join(dir), ".rs", &mut files);
    }
    assert!(files.len() > 10);
    let missing: Vec<String> = files
        .iter()
        .filter(|f| !fs::read_to_string(f).unwrap().trim_start().starts_with("//!"))
        .map(|f| f.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    assert!(missing.is_empty(), "files without a //! doc: {missing:#?}");
}

#[test]
fn no_trailing_white_space() {
    let mut files = Vec::new();
    for ending in [".rs", ".md", ".tsv", ".toml"] {
        for dir in ["crates", "xtask", "tests", "book", "fuzz/fuzz_targets"] {
            files_under(&root().join(dir), ending, &mut files);
        }
    }
    let mut bad = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            if line.ends_with(' ') || line.ends_with('\t') && !f.to_string_lossy().ends_with(".tsv") {
                bad.push(format!("{}:{}", f.strip_prefix(root()).unwrap().display(), i + 1));
            }
        }
    }
    assert!(bad.is_empty(), "trailing white space: {bad:#?}");
}

#[test]
fn every_lexicon_file_is_registered_and_sourced() {
    let data = root().join("crates/annalist-extract/data");
    let mut files = Vec::new();
    files_under(&data, ".tsv", &mut files);
    assert!(!files.is_empty());
    let registered: Vec<&str> = annalist_extract::lexicon::FILES.iter().map(|f| f.name).collect();
    for f in files {
        let name = f.strip_prefix(&data).unwrap().to_string_lossy().replace('\\', "/");
        assert!(registered.contains(&name.as_str()), "{name} is not registered in lexicon::FILES");
        let text = fs::read_to_string(&f).unwrap();
        assert!(
            text.starts_with('#') && text.contains("Source"),
            "{name} must open with comments naming its source"
        );
    }
}

/// A row written twice in a lexicon file is a slip of merging, and hides which of the two a
/// later edit should change.
#[test]
fn no_lexicon_file_repeats_a_row() {
    let data = root().join("crates/annalist-extract/data");
    let mut files = Vec::new();
    files_under(&data, ".tsv", &mut files);
    let mut repeated = Vec::new();
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        let mut seen = std::collections::HashSet::new();
        for (n, line) in text.lines().enumerate() {
            if !line.is_empty() && !line.starts_with('#') && !seen.insert(line) {
                repeated.push(format!("{}:{}: {line}", f.display(), n + 1));
            }
        }
    }
    assert!(repeated.is_empty(), "rows written twice: {repeated:#?}");
}
