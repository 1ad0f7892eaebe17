//! Adversarial texts: huge lines, floods of sentences, unbalanced quotes, scripts other than
//! Latin, invisible and bidi characters, odd line ends. Each must give a valid record with the
//! structure the text has. The largest sizes run only with `ANNALIST_SLOW=1`.

use annalist_core::{Article, Metadata, Record};
use annalist_extract::Extractor;

fn extract(text: &str) -> Record {
    let article = Article { id: "adversarial".into(), metadata: Metadata::default(), text: text.to_owned() };
    let record = Extractor::default().extract(&article);
    record.validate().unwrap_or_else(|e| panic!("{e}"));
    record
}

fn slow() -> bool {
    std::env::var_os("ANNALIST_SLOW").is_some()
}

#[test]
fn a_long_line_without_punctuation_is_one_sentence() {
    let megabytes = if slow() { 10 } else { 1 };
    let text = "word ".repeat(megabytes * 1024 * 1024 / 5);
    let record = extract(&text);
    assert_eq!(record.document.sentences.len(), 1);
}

#[test]
fn a_flood_of_one_word_sentences_is_counted() {
    let n = if slow() { 1_000_000 } else { 100_000 };
    let text = "Yes. ".repeat(n);
    let record = extract(&text);
    assert_eq!(record.document.sentences.len(), n);
}

#[test]
fn chained_clock_phrases_are_read_without_deep_recursion() {
    // Each "half past" counts from the clock after it: read by recursion, this chain would
    // overflow the stack.
    let text = "half past ".repeat(50_000) + "three pm.";
    let record = extract(&text);
    assert_eq!(record.timexes.len(), 1, "only the last phrase is a clock time");
    assert_eq!(record.timexes[0].span.slice(&text), "half past three pm");
}

#[test]
fn unbalanced_and_nested_quotes_do_not_swallow_sentences() {
    let text = "\u{201c}\u{2018}(\"".repeat(10_000) + " He left. She stayed.";
    let record = extract(&text);
    assert!(record.document.sentences.len() >= 2, "{}", record.document.sentences.len());
}

#[test]
fn other_scripts_and_invisible_characters_keep_spans_valid() {
    for text in [
        "\u{41b}\u{443}\u{43a}\u{430}\u{448}\u{435}\u{43d}\u{43a}\u{43e} \u{441}\u{43a}\u{430}\u{437}\u{430}\u{43b}. Minsk said.",
        "\u{202e}Minsk\u{202c} condemned \u{2067}Kyiv\u{2069}.",
        "Mi\u{200d}nsk and Ky\u{200b}iv met. \u{1f1fa}\u{1f1e6} flags.",
        "\u{feff}Minsk said so.\r\nKyiv said no.\rMoscow said nothing.",
        "e\u{301}\u{301}\u{301} \u{645}\u{64a}\u{646}\u{633}\u{643}.",
        // NUL bytes reach extraction through JSON Lines ("\u0000"), though files with them are
        // refused as binary.
        "Minsk\0 said\0\0. Kyiv\0condemned Moscow on August 10.\0",
    ] {
        let record = extract(text);
        assert!(!record.document.sentences.is_empty(), "{text:?}");
    }
}

#[test]
fn line_ends_of_every_kind_end_sentences() {
    let record = extract("Headline\r\nFirst line\rSecond line\nThird line");
    assert_eq!(record.document.sentences.len(), 4);
}

#[test]
fn reported_speech_without_a_stop_resolves_its_pronouns() {
    // Every pronoun looks back over a bounded stretch of its sentence: had it walked back to
    // the sentence's start, this one sentence would take time quadratic in its length.
    let n = if slow() { 200_000 } else { 20_000 };
    let text = "Paul Nesbit said ".to_owned() + &"that he would come and he said ".repeat(n);
    let record = extract(&text);
    assert_eq!(record.document.sentences.len(), 1);
    let pronouns = record.mentions.iter().filter(|m| m.span.slice(&text) == "he").count();
    assert_eq!(pronouns, 2 * n, "every 'he' stands for Paul Nesbit");
    assert!(record.mentions.iter().all(|m| m.actor.as_str() == "paul-nesbit"));
}
