//! Fixture tests of the time tagger: `tests/time/cases.tsv`, one case a line.
//!
//! Each line is `status<TAB>text<TAB>dct<TAB>output<TAB>comment`: the tagger run on `text`
//! with the document time `dct` (`-` for unknown) must print exactly `output`, every time
//! expression as `words → TYPE value [MOD]`, joined by ` ; ` (`-` for none). `status` is `ok`
//! for a right output and `wrong` for a known failure: there `output` is today's wrong output
//! and the comment says what is right, so the test fails when a failure changes silently
//! (fixed or otherwise), and the line must then be reviewed.

use annalist_core::DocumentTime;
use annalist_extract::{Context, segment, time};

fn render(text: &str, dct: Option<DocumentTime>) -> String {
    let segmentation = segment::segment(text);
    let cx = Context { text, segmentation: &segmentation, dct };
    let timexes = time::tag(&cx);
    if timexes.is_empty() {
        return "-".to_owned();
    }
    timexes
        .iter()
        .map(|t| {
            let typ = serde_json::to_value(t.timex_type).unwrap();
            let mut s = format!("{} → {} {}", t.span.slice(text), typ.as_str().unwrap(), t.value);
            if let Some(m) = t.modifier {
                s.push(' ');
                s.push_str(serde_json::to_value(m).unwrap().as_str().unwrap());
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

#[test]
fn cases() {
    let cases = include_str!("time/cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in cases.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [status, text, dct, expected, ..] = fields[..] else {
            panic!("cases.tsv:{}: expected status, text, dct, output", n + 1);
        };
        assert!(matches!(status, "ok" | "wrong"), "cases.tsv:{}: status {status:?}", n + 1);
        let dct = (dct != "-").then(|| dct.parse::<DocumentTime>().expect("valid dct"));
        let got = render(text, dct);
        count += 1;
        if std::env::var_os("TIME_CASES_PRINT").is_some() {
            println!("{status}\t{text}\t{}\t{got}\t{}", fields[2], fields.get(4).unwrap_or(&""));
        }
        if got != expected {
            failures.push(format!(
                "cases.tsv:{} ({status}) {text:?}\n  expected {expected}\n  got      {got}",
                n + 1
            ));
        }
    }
    assert!(count > 50, "too few cases");
    assert!(failures.is_empty(), "{} of {count} cases differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn attachment() {
    let cases = include_str!("time/attach.tsv");
    let mut failures = Vec::new();
    for (n, line) in cases.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let [text, dct, item, expected] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("attach.tsv:{}: expected text, dct, item, time", n + 1);
        };
        let dct = (dct != "-").then(|| dct.parse::<DocumentTime>().expect("valid dct"));
        let segmentation = segment::segment(text);
        let cx = Context { text, segmentation: &segmentation, dct };
        let timexes = time::tag(&cx);
        let start = text.find(item).expect("item in text");
        let at = annalist_core::Span::new(start, start + item.len());
        let got = time::attach(&cx, &timexes, at)
            .and_then(|id| timexes.iter().find(|t| t.id == id))
            .map_or("-", |t| t.span.slice(text));
        if got != expected {
            failures.push(format!("attach.tsv:{} {text:?} {item}: expected {expected}, got {got}", n + 1));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Text of time words in random order must never make the tagger panic.
#[test]
fn never_panics_on_shuffled_time_words() {
    const WORDS: &[&str] = &[
        "the", "last", "next", "2/15", "10:30", "pm", "-", "mid", "July", "Monday", "'", "s", "90", "2013",
        "of", "in", "ago", "later", "a", "few", "days", "third", "quarter", "Q", "4", "h", "00", ".", ",",
        "about", "early", "every", "Easter", "31", "st", "day", "after", "tomorrow", "’s", "week",
        "upcoming", "1/2", "é", "century",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2000 {
        let mut text = String::new();
        for _ in 0..(seed % 9) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(WORDS[(seed >> 33) as usize % WORDS.len()]);
            text.push(if seed & 1 == 0 { ' ' } else { '-' });
        }
        seed = seed.wrapping_add(1);
        let _ = render(&text, "2013-02-12".parse().ok());
        let _ = render(&text, None);
    }
}

#[test]
fn never_panics_on_odd_text() {
    for text in [
        "", "  ", "2/", "/2", "'", "-", "31/31/31", "99:99", "the", "in", "a a a a", "1-", "Q", "0s", "'0s",
        "ｆ2020",
    ] {
        let _ = render(text, "2013-02-12".parse().ok());
        let _ = render(text, None);
    }
}
