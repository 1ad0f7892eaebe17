//! Builds books into temporary folders (the seed through the extractor, and the book crate's
//! hand-written fixture corpus) and walks the built HTML: every relative link and `#anchor`
//! resolves, and no page loads a script, style sheet, font or image from the network.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn temp_dir(name: &str) -> PathBuf {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    std::env::temp_dir().join(format!("annalist-book-test-{name}-{}-{nanos}", std::process::id()))
}

fn build(name: &str, args: &[&str]) -> PathBuf {
    let out = temp_dir(name);
    let status = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("book")
        .args(args)
        .arg("--out")
        .arg(&out)
        .status()
        .expect("xtask runs");
    assert!(status.success(), "cargo xtask book {args:?} failed");
    out
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// Every tag of a page: its name and attribute text.
fn tags(html: &str) -> impl Iterator<Item = (&str, &str)> {
    html.split('<').skip(1).filter_map(|t| {
        let t = t.split('>').next()?;
        let name_end = t.find(|c: char| c.is_whitespace() || c == '/').unwrap_or(t.len());
        Some((&t[..name_end], &t[name_end..]))
    })
}

/// The value of attribute `name` in a tag's attribute text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        let i = rest.find(&format!("{name}=\""))?;
        let before = rest[..i].chars().last();
        rest = &rest[i + name.len() + 2..];
        if before.is_none_or(char::is_whitespace) {
            return rest.split('"').next();
        }
    }
}

fn ids(html: &str) -> BTreeSet<String> {
    tags(html).filter_map(|(_, a)| attr(a, "id").or_else(|| attr(a, "name"))).map(str::to_owned).collect()
}

fn check_book(out: &Path) -> usize {
    let root = out.join("html");
    let mut files = Vec::new();
    html_files(&root, &mut files);
    assert!(files.len() > 5, "the book has pages");
    let pages: BTreeMap<PathBuf, String> =
        files.iter().map(|f| (fs::canonicalize(f).unwrap(), fs::read_to_string(f).unwrap())).collect();
    let anchors: BTreeMap<&PathBuf, BTreeSet<String>> = pages.iter().map(|(p, h)| (p, ids(h))).collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for (page, html) in &pages {
        for (tag, attrs) in tags(html) {
            // Nothing the page loads may come from the network.
            for name in ["src", "href"] {
                let Some(v) = attr(attrs, name) else { continue };
                let loads =
                    matches!(tag, "script" | "img" | "link" | "iframe" | "source" | "video" | "audio");
                if loads && (v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//")) {
                    problems.push(format!("{}: <{tag}> loads {v}", page.display()));
                }
            }
            if tag != "a" {
                continue;
            }
            let Some(href) = attr(attrs, "href") else { continue };
            let href = href.replace("&amp;", "&");
            if href.is_empty() || href.contains(':') || href.starts_with("//") || href.contains("{{") {
                continue;
            }
            checked += 1;
            let (path, fragment) = href.split_once('#').map_or((href.as_str(), None), |(p, f)| (p, Some(f)));
            let path = path.split('?').next().unwrap_or("");
            let target = if path.is_empty() {
                Some(page.clone())
            } else {
                let joined = page.parent().unwrap().join(path);
                let joined = if joined.is_dir() { joined.join("index.html") } else { joined };
                fs::canonicalize(&joined).ok()
            };
            let Some(target) = target else {
                problems.push(format!("{}: broken link {href}", page.display()));
                continue;
            };
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                match anchors.get(&target) {
                    Some(ids) if ids.contains(f) => {}
                    Some(_) => {
                        problems.push(format!("{}: no anchor #{f} in {}", page.display(), target.display()))
                    }
                    None if target.extension().is_some_and(|e| e == "html") => {
                        problems.push(format!("{}: {href} is not a page of the book", page.display()))
                    }
                    None => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
    checked
}

#[test]
fn fixture_book_links_resolve_and_load_nothing_from_the_network() {
    let fixture =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../crates/annalist-book/tests/fixtures/two_articles.json");
    let out = build("fixture", &["--corpus", fixture]);
    let checked = check_book(&out);
    assert!(checked > 100, "only {checked} links checked");
    let search_index = fs::read_dir(out.join("html"))
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with("searchindex"));
    assert!(search_index, "the search index is built");
    fs::remove_dir_all(out).ok();
}

#[test]
fn seed_book_links_resolve() {
    let out = build("seed", &[]);
    check_book(&out);
    fs::remove_dir_all(out).ok();
}

/// Checks an already built book named by `ANNALIST_BOOK_DIR` (e.g. one built from the VOA
/// corpus); does nothing when the variable is unset.
#[test]
fn given_book_links_resolve() {
    if let Some(dir) = std::env::var_os("ANNALIST_BOOK_DIR") {
        let checked = check_book(Path::new(&dir));
        eprintln!("{checked} links checked in {}", Path::new(&dir).display());
    }
}
