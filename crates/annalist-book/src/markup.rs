//! Escaping and linking: the only way text from an article reaches Markdown or HTML.

/// A file-name-safe slug: ASCII letters and digits kept, runs of anything else made one `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_owned();
    if out.is_empty() { "untitled".to_owned() } else { out }
}

/// Escapes text for Markdown so article text never turns into markup or HTML. New lines become
/// spaces, so a table cell or list item stays on its line.
pub fn escape(s: &str) -> String {
    escape_with(s, |c, out| {
        let markup = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '$' | '~');
        if markup {
            out.push('\\');
            out.push(c);
        }
        markup
    })
}

/// Escapes text for the link text of a Markdown link.
pub fn escape_link_text(s: &str) -> String {
    escape(s).replace('(', "\\(").replace(')', "\\)")
}

/// Escapes text for HTML content or a quoted attribute. New lines become spaces, so an HTML
/// block never holds a blank line (which would end it in Markdown).
pub fn html(s: &str) -> String {
    escape_with(s, |c, out| {
        let quote = c == '"';
        if quote {
            out.push_str("&quot;");
        }
        quote
    })
}

/// `s` with HTML's `<`, `>` and `&` as entities and line breaks and tabs as spaces (what every
/// escaping here needs), and any other character that `special` writes itself (returning true).
fn escape_with(s: &str, special: impl Fn(char, &mut String) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if special(c, &mut out) {
            continue;
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The relative address of `to` seen from the page `from`; both are paths under the book's
/// `src/` (`generated/actors/blr.md`), `to` may end in a `#fragment`. A link to the same page
/// keeps only its fragment.
pub fn href(from: &str, to: &str) -> String {
    let (to_path, fragment) = match to.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (to, None),
    };
    if to_path == from || to_path.is_empty() {
        let file = from.rsplit('/').next().unwrap_or(from);
        return fragment.map_or_else(|| file.to_owned(), |f| format!("#{f}"));
    }
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to_path.split('/').collect();
    let (to_dirs, file) = to_parts.split_at(to_parts.len().saturating_sub(1));
    let common = from_dirs.iter().zip(to_dirs).take_while(|(a, b)| a == b).count();
    let mut out = String::new();
    for _ in common..from_dirs.len() {
        out.push_str("../");
    }
    for d in &to_dirs[common..] {
        out.push_str(d);
        out.push('/');
    }
    out.push_str(file.first().copied().unwrap_or(""));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// A Markdown table from a header and rows of already escaped cells.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut md = String::new();
    md.push_str("| ");
    md.push_str(&header.join(" | "));
    md.push_str(" |\n|");
    for _ in header {
        md.push_str("---|");
    }
    md.push('\n');
    for row in rows {
        md.push_str("| ");
        md.push_str(&row.join(" | "));
        md.push_str(" |\n");
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_addresses() {
        for (from, to, expect) in [
            ("generated/articles/a.md", "generated/actors/b.md", "../actors/b.md"),
            ("generated/actors.md", "generated/actors/b.md#x", "actors/b.md#x"),
            ("generated/actors/b.md", "generated/actors.md", "../actors.md"),
            ("generated/timeline.md", "generated/timeline.md#ev-1", "#ev-1"),
            ("generated/claims.md", "generated/articles/a.md#s3", "articles/a.md#s3"),
        ] {
            assert_eq!(href(from, to), expect, "{from} -> {to}");
        }
    }

    #[test]
    fn escaping_keeps_text_inert() {
        assert_eq!(escape("a*b_[c]|<d>"), "a\\*b\\_\\[c\\]\\|&lt;d&gt;");
        assert_eq!(html("\"a\" & <b>\n"), "&quot;a&quot; &amp; &lt;b&gt; ");
        assert_eq!(slug("VOA: Kyiv / Minsk!"), "voa-kyiv-minsk");
        assert_eq!(slug("---"), "untitled");
    }
}
