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

/// Write the outline as one plain Mermaid `mindmap` (what `mmdc -i out.mmd` reads: a file holds
/// one diagram, so no Markdown fences; [`write_fenced`] gives them). A document of one speech has
/// the speech at the root; one of several has the file at the root and a branch per speech. Group
/// nodes (a lead-in that announces a list) are branches of their own, as in the other formats.
pub fn write<W: Write>(doc: &Document, out: &mut W) -> io::Result<()> {
    writeln!(out, "mindmap")?;
    let several = doc.speeches.len() != 1;
    // One speech is the root itself; several (or none) hang one level under the file.
    let base = if several {
        writeln!(out, "  root((\"{}\"))", label(&doc.source))?;
        1
    } else {
        0
    };
    let mut id = 0usize;
    for (i, s) in doc.speeches.iter().enumerate() {
        let name = super::speech_name(doc, i);
        let indent = "  ".repeat(base + 1);
        if several {
            id += 1;
            writeln!(out, "{indent}s{id}[\"{}\"]", label(&name))?;
        } else {
            writeln!(out, "{indent}root((\"{}\"))", label(&name))?;
        }
        for h in &s.outline {
            for (depth, node) in h.walk() {
                id += 1;
                let indent = "  ".repeat(base + depth + 1);
                let text = super::label(node);
                // A group node is drawn as a rounded box, a point as a square one.
                if node.is_group() {
                    writeln!(out, "{indent}n{id}(\"{}\")", label(&text))?;
                } else {
                    writeln!(out, "{indent}n{id}[\"{}\"]", label(&text))?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn write() {
        let doc = crate::extract("一、学习。\n（一）读原著。\n", &Default::default()).unwrap();
        let mut out = Vec::new();
        crate::render::mermaid::write(&doc, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("mindmap\n") && text.contains("      n2[\"（一）读原著\"]"));
    }
}
