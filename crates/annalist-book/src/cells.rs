//! Small pieces of Markdown shared by the chapters: names of modalities and certainties,
//! participant lists, an event's time, a claim's source.

use annalist_core::{Certainty, Claim, ClaimSource, Event, Modality, Participant, Record};

use crate::markup::{escape, escape_link_text, href};
use crate::when;
use crate::xref::Xref;

/// Every certainty, weakest first.
pub const CERTAINTIES: [Certainty; 4] =
    [Certainty::Low, Certainty::Moderate, Certainty::Plain, Certainty::High];

/// What a modality means, for the method chapter.
pub fn modality_meaning(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "stated as having happened; counts in the timeline and relations",
        Modality::Negated => "stated as not having happened",
        Modality::Hypothetical => "conditional or hypothetical",
        Modality::Future => "announced, intended or expected",
        Modality::Reported => "reported by a source other than the author",
        Modality::Speculative => "speculated about",
    }
}

/// The lower-case name of a certainty, as in the JSON record.
pub fn certainty_name(c: Certainty) -> &'static str {
    match c {
        Certainty::Low => "low",
        Certainty::Moderate => "moderate",
        Certainty::Plain => "plain",
        Certainty::High => "high",
    }
}

/// What a certainty means, for the method chapter.
pub fn certainty_meaning(c: Certainty) -> &'static str {
    match c {
        Certainty::Low => "hedged as unlikely or doubted",
        Certainty::Moderate => "hedged: might, seems, possibly",
        Certainty::Plain => "stated plainly, with no hedge or booster",
        Certainty::High => "boosted: clearly, certainly",
    }
}

/// "ASSAULT/drone (asserted)", with the modality styled.
pub fn event_cell(e: &Event) -> String {
    let mode = e.mode.as_deref().map(|m| format!("/{}", escape(m))).unwrap_or_default();
    let modality = e.modality.as_str();
    format!("{}{mode} <span class=\"modality modality-{modality}\">{modality}</span>", e.event_type.as_str())
}

/// Participants as links to their actor pages, "—" when none.
pub fn participants(x: &Xref<'_>, from: &str, ps: &[Participant]) -> String {
    if ps.is_empty() {
        return "—".to_owned();
    }
    ps.iter()
        .map(|p| {
            let name = escape_link_text(x.actor_name(&p.actor));
            // A code from the context, not the actor's own, is marked so.
            let context = if p.code_from_context { " (from context)" } else { "" };
            let code = p.code.as_deref().map(|c| format!(" `{c}`{context}")).unwrap_or_default();
            match x.actor(&p.actor) {
                Some(page) => format!("[{name}]({}){code}", href(from, page)),
                None => format!("{name}{code}"),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The time an event is attached to, as a link to its timeline entry, "—" when none.
pub fn event_time(x: &Xref<'_>, from: &str, ri: usize, record: &Record, e: &Event) -> String {
    let Some(t) = e.time.as_ref().and_then(|t| record.timexes.iter().find(|x| &x.id == t)) else {
        return "—".to_owned();
    };
    format!("[{}]({})", escape_link_text(&when::label(&t.value, t.modifier)), href(from, &x.timex(ri, &t.id)))
}

/// A claim's source: a link to the actor, "the author" or "unnamed".
pub fn claim_source(x: &Xref<'_>, from: &str, c: &Claim) -> String {
    match &c.source {
        ClaimSource::Actor { actor, .. } => match x.actor(actor) {
            Some(page) => format!("[{}]({})", escape_link_text(x.actor_name(actor)), href(from, page)),
            None => escape(x.actor_name(actor)),
        },
        ClaimSource::Author { .. } => "the author".to_owned(),
        ClaimSource::Unnamed { .. } => "unnamed".to_owned(),
    }
}

/// A sentence quoted with a link to it, at most `limit` characters.
pub fn quote(x: &Xref<'_>, from: &str, ri: usize, record: &Record, sentence: usize) -> String {
    let text = record.document.sentence_text(sentence);
    format!("[{}]({})", escape_link_text(&shorten(text, 240)), href(from, &x.sentence(ri, sentence)))
}

/// `text` cut to at most `limit` characters at a word boundary, with an ellipsis when cut.
pub fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// An article's title: its headline, else its first sentence cut short, else its id.
pub fn title(record: &Record) -> String {
    if let Some(t) = record.document.metadata.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return t.to_owned();
    }
    let first = record.document.sentence_text(0).trim();
    if first.is_empty() { record.document.id.to_string() } else { shorten(first, 80) }
}

#[cfg(test)]
mod tests {
    use annalist_core::{ActorId, Corpus, Participant, Span};

    use super::participants;
    use crate::xref::Xref;

    #[test]
    fn a_code_from_the_context_is_marked_so() {
        let corpus = Corpus { records: Vec::new(), actors: Vec::new(), relations: Vec::new() };
        let x = Xref::new(&corpus);
        let participant = |code_from_context| Participant {
            actor: ActorId("baloch-liberation-army".to_owned()),
            span: Span::new(0, 3),
            code: Some("PAK".to_owned()),
            code_from_context,
        };
        let from = "generated/timeline.md";
        assert_eq!(participants(&x, from, &[participant(false)]), "baloch-liberation-army `PAK`");
        assert_eq!(
            participants(&x, from, &[participant(true)]),
            "baloch-liberation-army `PAK` (from context)"
        );
    }
}
