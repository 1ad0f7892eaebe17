//! `cargo xtask browser-check`: open a built book in headless Chromium and check that the
//! pages render and that mdBook's search finds an actor's page; save a screenshot.
//!
//! Chromium is not a build dependency: when it is not installed the task says so and fails,
//! and the default test run does not call it. Every run uses a fresh profile and turns off
//! background networking, so the check also shows the book needs nothing from the network.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{Context as _, bail};

use crate::{USAGE, workspace_root};

/// Names the browser goes by on Debian and elsewhere; `CHROMIUM` overrides.
const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

pub(crate) fn run(args: &[String]) -> anyhow::Result<ExitCode> {
    let root = workspace_root();
    let mut book = root.join("book");
    let mut search = None;
    let mut screenshot = root.join("target").join("book-screenshot.png");
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--book" => book = PathBuf::from(it.next().context("--book needs a folder")?),
            "--search" => search = Some(it.next().context("--search needs a name")?.clone()),
            "--screenshot" => screenshot = PathBuf::from(it.next().context("--screenshot needs a file")?),
            other => bail!("unknown argument {other:?}\n{USAGE}"),
        }
    }
    let html = if book.join("html").is_dir() { book.join("html") } else { book.clone() };
    let index = fs::canonicalize(html.join("index.html"))
        .with_context(|| format!("no built book at {} (run `cargo xtask book` first)", html.display()))?;
    let (name, actor_page) = match search {
        Some(name) => (name, None),
        None => first_actor(&book).context("the book lists no actor; give --search NAME")?,
    };
    let browser = find_browser()?;
    let base = format!("file://{}", index.display());

    let dom = dump_dom(&browser, &base)?;
    if !dom.contains("<main") || !dom.contains("id=\"mdbook-content\"") && !dom.contains("class=\"content\"")
    {
        bail!("{base} did not render a page");
    }
    println!("ok: {base} renders");

    let query = format!("{base}?search={}", percent_encode(&name));
    let dom = dump_dom(&browser, &query)?;
    // The result list (mdBook 0.5 names it `mdbook-searchresults`, older themes `searchresults`).
    let results = ["id=\"mdbook-searchresults\"", "id=\"searchresults\""]
        .iter()
        .find_map(|id| dom.find(id).map(|i| &dom[i..]))
        .unwrap_or("");
    let expected = actor_page.as_deref().unwrap_or("generated/actors/");
    if !results.contains(expected) {
        bail!("searching for {name:?} did not list {expected} (search results: {} bytes)", results.len());
    }
    println!("ok: a search for {name:?} lists {expected}");

    if let Some(parent) = screenshot.parent() {
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    let profile = profile_dir()?;
    let status = Command::new(&browser)
        .args(flags(&profile))
        .arg("--window-size=1280,900")
        .arg("--virtual-time-budget=5000")
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(&query)
        .output()
        .with_context(|| format!("running {browser}"))?;
    let _ = fs::remove_dir_all(&profile);
    if !status.status.success() || !screenshot.exists() {
        bail!("{browser} could not take a screenshot: {}", String::from_utf8_lossy(&status.stderr));
    }
    println!("ok: screenshot of the search in {}", screenshot.display());
    Ok(ExitCode::SUCCESS)
}

/// The first actor of the book's summary: its name and the HTML page it should be found at.
fn first_actor(book: &Path) -> Option<(String, Option<String>)> {
    let summary = fs::read_to_string(book.join("src").join("SUMMARY.md")).ok()?;
    summary.lines().find_map(|line| {
        let line = line.trim().strip_prefix("- [")?;
        let (name, rest) = line.split_once("](")?;
        let path = rest.strip_suffix(')')?;
        let page = path.strip_prefix("generated/actors/")?.strip_suffix(".md")?;
        Some((name.replace('\\', ""), Some(format!("generated/actors/{page}.html"))))
    })
}

fn find_browser() -> anyhow::Result<String> {
    if let Ok(b) = std::env::var("CHROMIUM") {
        return Ok(b);
    }
    for b in BROWSERS {
        if Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()) {
            return Ok(b.to_owned());
        }
    }
    bail!("no Chromium found (tried {}; set CHROMIUM, or `apt-get install chromium`)", BROWSERS.join(", "))
}

fn profile_dir() -> anyhow::Result<PathBuf> {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("annalist-chromium-{}-{nanos}", std::process::id()));
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// Headless, no sandbox (containers), and nothing that talks to the network on its own.
fn flags(profile: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--hide-scrollbars",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect()
}

/// The DOM after scripts ran.
fn dump_dom(browser: &str, url: &str) -> anyhow::Result<String> {
    let profile = profile_dir()?;
    let out = Command::new(browser)
        .args(flags(&profile))
        .arg("--virtual-time-budget=5000")
        .arg("--dump-dom")
        .arg(url)
        .output()
        .with_context(|| format!("running {browser}"))?;
    let _ = fs::remove_dir_all(&profile);
    if !out.status.success() {
        bail!("{browser} failed on {url}: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
