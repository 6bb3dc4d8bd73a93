//! Showing `check` findings: rustc-style reports for people (annotate-snippets, the renderer rustc
//! uses) and JSON Lines for tools.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use std::io::{self, Write};
use tigang::{Document, Lang, Severity};

/// Write every finding of `x` as a rustc-style report: file:line:column, the source line, a caret
/// under the marker, and a help line with the expected marker. `color` adds ANSI colours.
pub fn write_human<W: Write>(x: &Document, lang: Lang, color: bool, out: &mut W) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let source = &x.source;
    for d in x.speeches.iter().flat_map(|s| &s.findings) {
        let text = x.source_line(d.line).unwrap_or("");
        let start = text
            .char_indices()
            .nth(d.column - 1)
            .map_or(text.len(), |(i, _)| i);
        let end = (start + d.found.len()).min(text.len()).max(start);
        let end = (end..=text.len())
            .find(|&e| text.is_char_boundary(e))
            .unwrap_or(text.len());
        let level = match d.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let help = match (&d.expected, lang) {
            (Some(e), Lang::En) => Some(format!("expected {e}")),
            (Some(e), Lang::Zh) => Some(format!("应为 {e}")),
            (None, _) => None,
        };
        let message = d.message(lang);
        let mut group = level.primary_title(&message).id(d.code.as_str()).element(
            Snippet::source(text)
                .line_start(d.line)
                .path(source.as_str())
                .annotation(AnnotationKind::Primary.span(start..end)),
        );
        if let Some(h) = &help {
            group = group.element(Level::HELP.message(h.as_str()));
        }
        writeln!(out, "{}\n", renderer.render(&[group]))?;
    }
    Ok(())
}

/// Write every finding of `x` as one JSON object per line.
pub fn write_json<W: Write>(x: &Document, out: &mut W) -> io::Result<()> {
    for (i, s) in x.speeches.iter().enumerate() {
        for d in &s.findings {
            let f = tigang::wire::CheckLine {
                source: &x.source,
                speech: i + 1,
                diagnostic: tigang::wire::Diagnostic::of(d),
            };
            // io::Error::from keeps the kind of a failed write (a closed pipe ends the run quietly).
            serde_json::to_writer(&mut *out, &f).map_err(io::Error::from)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// A one-line count of findings, e.g. `2 errors, 1 warning`.
pub fn summary(errors: usize, warnings: usize, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
            format!(
                "{}, {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            )
        }
        Lang::Zh => format!("{errors} 个错误，{warnings} 个警告"),
    }
}
