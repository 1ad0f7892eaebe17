//! `annalist corpus` on the fixture folder `tests/fixtures/corpus/`: good, invalid UTF-8 and
//! binary files, front matter of both kinds, a nested folder and a JSON Lines corpus with a
//! bad line. What must come out is listed in `fixtures/corpus/expected.tsv`.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const TABLES: [&str; 6] =
    ["records.jsonl", "events.csv", "claims.jsonl", "actors.json", "relations.json", "schema.json"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// A fresh output folder for one test.
fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annalist-corpus-test-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn annalist_corpus(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annalist"))
        .arg("corpus")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// The rows of `expected.tsv`: (kind, first field, second field).
fn expected() -> Vec<(String, String, String)> {
    let text = fs::read_to_string(fixtures().join("expected.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_owned(), f[1].to_owned(), f.get(2).copied().unwrap_or("").to_owned())
        })
        .collect()
}

fn records(out: &Path) -> Vec<Value> {
    fs::read_to_string(out.join("records.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn writes_good_documents_and_names_each_bad_file() {
    let out = out_dir("errors");
    let run = annalist_corpus(&[&fixtures()], &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "bad inputs make the run fail");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let expected = expected();
    let good: Vec<(&str, &str)> =
        expected.iter().filter(|e| e.0 == "good").map(|e| (e.1.as_str(), e.2.as_str())).collect();
    let bad: Vec<(&str, &str)> =
        expected.iter().filter(|e| e.0 == "bad").map(|e| (e.1.as_str(), e.2.as_str())).collect();

    // One error line per bad input, in input order, naming its path; then the count.
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), bad.len() + 1, "{stderr}");
    for (line, (file, what)) in lines.iter().zip(&bad) {
        let path = fixtures().join(file.split(':').next().unwrap());
        assert!(line.starts_with("error: "), "{line}");
        assert!(line.contains(&*path.display().to_string()), "{line} names {file}");
        assert!(line.contains(file), "{line} names {file}");
        assert!(line.contains(what), "{line} says {what}");
    }
    assert!(lines[bad.len()].contains(&format!("{} input(s) could not be read", bad.len())), "{stderr}");

    // Every good document is written, in input order, with its publication date.
    let records = records(&out);
    let got: Vec<(&str, &str)> = records
        .iter()
        .map(|r| {
            let doc = &r["document"];
            (doc["id"].as_str().unwrap(), doc["metadata"]["published"].as_str().unwrap_or(""))
        })
        .collect();
    assert_eq!(got, good);

    // Every table is there, and no temporary file is left.
    let mut names: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let mut tables = TABLES.map(str::to_owned).to_vec();
    tables.sort();
    assert_eq!(names, tables);
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn tables_have_their_shape() {
    let out = out_dir("shape");
    annalist_corpus(&[&fixtures()], &out, &[]);
    let events = fs::read_to_string(out.join("events.csv")).unwrap();
    assert_eq!(
        events.lines().next(),
        Some(
            "document_id,event_id,date,source_code,source_name,target_code,target_name,type,mode,modality,trigger,sentence,url"
        )
    );
    let n_events: usize = records(&out).iter().map(|r| r["events"].as_array().unwrap().len()).sum();
    // Rows end in CRLF; a quoted sentence may hold a line break, so count row ends outside quotes.
    let mut rows = 0;
    let mut quoted = false;
    for c in events.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => rows += 1,
            _ => {}
        }
    }
    assert_eq!(rows, n_events + 1, "one row per event after the header");

    let n_claims: usize = records(&out).iter().map(|r| r["claims"].as_array().unwrap().len()).sum();
    let claims = fs::read_to_string(out.join("claims.jsonl")).unwrap();
    assert_eq!(claims.lines().count(), n_claims);
    for line in claims.lines() {
        let claim: Value = serde_json::from_str(line).unwrap();
        assert!(claim["document"].is_string() && claim["id"].is_string(), "{line}");
    }

    let relations: Value =
        serde_json::from_str(&fs::read_to_string(out.join("relations.json")).unwrap()).unwrap();
    assert!(relations.is_array());
    let schema: Value = serde_json::from_str(&fs::read_to_string(out.join("schema.json")).unwrap()).unwrap();
    assert!(schema["properties"]["records"].is_object());
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn actors_are_merged_across_documents() {
    let out = out_dir("actors");
    annalist_corpus(&[&fixtures()], &out, &[]);
    let actors: Vec<Value> =
        serde_json::from_str(&fs::read_to_string(out.join("actors.json")).unwrap()).unwrap();
    let ids: Vec<&str> = actors.iter().map(|a| a["id"].as_str().unwrap()).collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids, unique.iter().copied().collect::<Vec<_>>(), "each actor once, sorted by id");
    let records = records(&out);
    let in_records: BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r["actors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()))
        .collect();
    assert_eq!(unique, in_records, "the table holds exactly the actors of the records");
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn output_is_the_same_whatever_the_threads() {
    let (one, two) = (out_dir("det1"), out_dir("det2"));
    annalist_corpus(&[&fixtures()], &one, &["--jobs", "1"]);
    annalist_corpus(&[&fixtures()], &two, &["--jobs", "3"]);
    for table in TABLES {
        let a = fs::read(one.join(table)).unwrap();
        let b = fs::read(two.join(table)).unwrap();
        assert!(a == b, "{table} differs between runs");
    }
    fs::remove_dir_all(&one).unwrap();
    fs::remove_dir_all(&two).unwrap();
}

#[test]
fn reads_json_lines_from_standard_input() {
    let out = out_dir("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_annalist"))
        .args(["corpus", "-", "--out"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = fs::read_to_string(fixtures().join("stories.jsonl")).unwrap();
    let good: String = lines.lines().take(2).map(|l| format!("{l}\n")).collect();
    child.stdin.take().unwrap().write_all(good.as_bytes()).unwrap();
    let run = child.wait_with_output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let ids: Vec<String> =
        records(&out).iter().map(|r| r["document"]["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, ["s1", "s2"]);
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn an_unwritable_output_folder_is_an_error_not_a_panic() {
    let out = out_dir("blocked");
    fs::write(&out, "a file where the folder should be").unwrap();
    let run = annalist_corpus(&[&fixtures().join("03-plain.txt")], &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.starts_with("error: cannot create"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    fs::remove_file(&out).unwrap();
}

#[test]
fn an_output_folder_inside_the_input_is_not_read_back() {
    let input = out_dir("inside");
    fs::create_dir_all(&input).unwrap();
    fs::copy(fixtures().join("03-plain.txt"), input.join("03-plain.txt")).unwrap();
    let out = input.join("tables");
    for _ in 0..2 {
        let run = annalist_corpus(&[&input], &out, &[]);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        assert_eq!(records(&out).len(), 1);
    }
    fs::remove_dir_all(&input).unwrap();
}

#[test]
fn a_missing_input_is_named() {
    let out = out_dir("missing");
    let missing = fixtures().join("no-such-file.txt");
    let run = annalist_corpus(&[&missing, &fixtures().join("03-plain.txt")], &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success());
    assert!(stderr.contains(&format!("{}: no such file or folder", missing.display())), "{stderr}");
    assert_eq!(records(&out).len(), 1, "the other input is still written");
    fs::remove_dir_all(&out).unwrap();
}
