//! `annalist extract` on good and bad input: one pretty record for one article, JSON Lines
//! for several, one error line naming each bad input, a non-zero exit when any input was bad,
//! and the good records written all the same. Expectations come from the fixture folder's
//! `expected.tsv` (shared with the corpus tests).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use annalist_core::Record;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

fn annalist(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// (good document ids in order, bad inputs with what their error says) from `expected.tsv`.
fn expected() -> (Vec<String>, Vec<(String, String)>) {
    let text = std::fs::read_to_string(fixtures().join("expected.tsv")).unwrap();
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[0] {
            "good" => good.push(fields[1].to_owned()),
            "bad" => bad.push((fields[1].to_owned(), fields[2].to_owned())),
            other => panic!("unknown row kind {other}"),
        }
    }
    (good, bad)
}

#[test]
fn a_folder_gives_good_records_and_names_bad_files() {
    let folder = fixtures();
    let out = annalist(&["extract", folder.to_str().unwrap()], None);
    assert!(!out.status.success(), "bad inputs make the exit non-zero");
    let (good, bad) = expected();
    let records: Vec<Record> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = records.iter().map(|r| r.document.id.as_str()).collect();
    assert_eq!(ids, good);
    for record in &records {
        record.validate().unwrap();
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    for (file, what) in &bad {
        assert!(
            stderr
                .lines()
                .any(|l| l.starts_with("error: ") && l.contains(file.as_str()) && l.contains(what.as_str())),
            "no error line naming {file} ({what}) in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("panicked"));
}

#[test]
fn one_article_is_one_pretty_record() {
    let file = fixtures().join("03-plain.txt");
    let out = annalist(&["extract", file.to_str().unwrap()], None);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("{\n"), "pretty JSON");
    let record: Record = serde_json::from_str(&stdout).unwrap();
    assert_eq!(record.document.id.as_str(), "03-plain");
}

#[test]
fn standard_input_empty_text_and_missing_paths() {
    let out = annalist(&["extract", "-"], Some(b"Minsk condemned Kyiv on Monday."));
    assert!(out.status.success());
    let record: Record = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record.document.text, "Minsk condemned Kyiv on Monday.");

    let out = annalist(&["extract", "-"], Some(b""));
    assert!(out.status.success(), "an empty article is not an error");
    let record: Record = serde_json::from_slice(&out.stdout).unwrap();
    assert!(record.document.sentences.is_empty());

    let out = annalist(&["extract", "/no/such/folder"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("error: /no/such/folder: no such file or folder"), "{stderr}");
}
