//! Arbitrary bytes through the CLI's input path (`parse_article`: UTF-8 and binary checks,
//! front matter) and, when they are an article, through extraction, record validation and the
//! book's chapter generation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = annalist_input::parse_article("fuzz.md", data) else { return };
    let record = annalist_extract::Extractor::default().extract(&article);
    if let Err(e) = record.validate() {
        panic!("{e}");
    }
    let corpus = annalist_extract::corpus::assemble(vec![record]);
    let _ = annalist_book::chapters(&corpus, &[]);
});
