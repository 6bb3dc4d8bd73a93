//! A Mermaid `mindmap` block: the speech title at the root, each point a branch. Text is given in
//! quoted node labels with Mermaid's own entity escapes, so brackets in titles cannot be read as
//! node shapes.

use crate::outline::Document;
use std::io::{self, Write};

/// Mermaid mindmap labels: quotes and the characters Mermaid treats specially become entities.
fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Write one ```mermaid block per speech.
///
/// ```
/// let doc = tigang::extract("一、学习。\n（一）读原著。\n".as_bytes(), "a", &Default::default()).unwrap().document;
/// let mut out = Vec::new();
/// tigang::render::mermaid::write(&doc, &mut out).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("mindmap") && text.contains("      n2[\"（一）读原著\"]"));
/// ```
pub fn write<W: Write>(doc: &Document, out: &mut W) -> io::Result<()> {
    let mut id = 0usize;
    for (i, s) in doc.speeches.iter().enumerate() {
        let root = s
            .title
            .clone()
            .unwrap_or_else(|| format!("{} #{}", doc.source, i + 1));
        writeln!(out, "```mermaid\nmindmap\n  root((\"{}\"))", label(&root))?;
        for (depth, h) in s.points(false) {
            id += 1;
            let indent = "  ".repeat(depth + 1);
            let text = format!("{}{}", h.marker.as_deref().unwrap_or(""), h.title);
            writeln!(out, "{indent}n{id}[\"{}\"]", label(&text))?;
        }
        writeln!(out, "```")?;
    }
    Ok(())
}
