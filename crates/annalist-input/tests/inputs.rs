//! Reading a folder tree, JSON Lines and front matter through [`Inputs`], as the corpus
//! command does: order, ids, document dates, errors that name their input, and the byte
//! count that drives the progress bar.

use std::fs;
use std::path::{Path, PathBuf};

use annalist_input::{Inputs, Source, total_bytes};

/// A folder tree of inputs: (relative path, contents).
const TREE: &[(&str, &[u8])] = &[
    ("b.txt", b"Second file."),
    ("a.md", b"---\ntitle: First\npublished: 2024-08-10T14:30:00+02:00\n---\nFirst file."),
    ("c/nested.markdown", b"+++\nid = \"toml-id\"\ndate = 2021-01-02\n+++\nNested."),
    ("c/.hidden.txt", b"skipped: hidden"),
    ("c/picture.png", b"skipped: not a text ending"),
    ("d.jsonl", b"{\"id\": 7, \"text\": \"One.\", \"published\": \"2025-03-14 20:30:26Z\"}\n\n{\"text\": \"Two.\", \"url\": \"https://x.org\"}\n[1]\n{\"text\": \"Four.\", \"published\": \"soon\"}\n{\"text\": \"Five.\"}\n"),
    ("e.txt", b"bad \xc3 byte"),
];

fn tree(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annalist-input-test-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, bytes) in TREE {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    dir
}

/// Each input as `id published` or `error: message`, with the folder's path left out.
fn read(dir: &Path, sources: Vec<Source>) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    Inputs::new(sources)
        .map(|item| match item {
            Ok(a) => {
                let published = a.metadata.published.map(|p| p.to_string()).unwrap_or_default();
                format!("{} {published} {:?}", a.id, a.text).replace("  ", " ")
            }
            Err(e) => format!("error: {}", e.to_string().replace(&prefix, "")),
        })
        .collect()
}

#[test]
fn reads_a_folder_tree_in_order() {
    let dir = tree("order");
    let got = read(&dir, vec![Source::Path(dir.clone())]);
    let expected = [
        "a 2024-08-10T14:30:00+02:00 \"First file.\"",
        "b \"Second file.\"",
        "toml-id 2021-01-02 \"Nested.\"",
        "7 2025-03-14T20:30:26Z \"One.\"",
        "d-3 \"Two.\"",
        "error: d.jsonl:4: not an article record: a line must hold a JSON object",
        "error: d.jsonl:5: not an article record: published: invalid document time \"soon\": expected an ISO 8601 date such as 2024-08-10 or 2024-08-10T14:30:00Z",
        "d-6 \"Five.\"",
        "error: e.txt: invalid UTF-8 at byte 4",
    ];
    assert_eq!(got, expected);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_named_file_is_read_whatever_its_ending() {
    let dir = tree("named");
    let got = read(&dir, vec![Source::Path(dir.join("c/picture.png")), Source::Path(dir.join("gone.txt"))]);
    assert_eq!(got, ["picture \"skipped: not a text ending\"", "error: gone.txt: no such file or folder"]);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn leaves_out_a_skipped_folder() {
    let dir = tree("skip");
    let read = |inputs: Inputs| inputs.filter_map(Result::ok).map(|a| a.id.to_string()).collect::<Vec<_>>();
    let all = read(Inputs::new(vec![Source::Path(dir.clone())]));
    assert!(all.contains(&"toml-id".to_owned()));
    let skipping = read(Inputs::new(vec![Source::Path(dir.clone())]).skipping(&dir.join("c")));
    let expected: Vec<String> = all.into_iter().filter(|id| id != "toml-id").collect();
    assert_eq!(skipping, expected);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn counts_the_bytes_it_reads() {
    let dir = tree("bytes");
    let sources = vec![Source::Path(dir.clone())];
    let total = total_bytes(&sources).unwrap();
    let read: u64 = TREE
        .iter()
        .filter(|(p, _)| !p.contains(".hidden") && !p.ends_with(".png"))
        .map(|(_, b)| b.len() as u64)
        .sum();
    assert_eq!(total, read, "total_bytes counts what a folder walk reads");
    let mut inputs = Inputs::new(sources);
    assert_eq!(inputs.bytes_read(), 0);
    for _ in inputs.by_ref() {}
    assert_eq!(inputs.bytes_read(), total);
    assert_eq!(total_bytes(&[Source::Stdin]), None, "the size of standard input is not known");
    fs::remove_dir_all(&dir).unwrap();
}
