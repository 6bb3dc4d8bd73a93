//! Stage 6: write outlines out. Every format writes to any `io::Write`; the CLI hands it a locked,
//! buffered stdout or a file, tests a `Vec<u8>`.

pub mod chunks;
pub(crate) mod html;
pub(crate) mod mermaid;
pub mod rows;
pub(crate) mod svg;

use crate::outline::{Document, Heading};
use std::io::{self, Write};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One YAML document per input, separated by `---`.
    Yaml,
    /// One JSON object per input per line (JSON Lines).
    Json,
    /// A nested Markdown list (markmap and other outliners read it), marker kept in each item.
    Markdown,
    /// An indented tree for the terminal.
    Text,
    /// One self-contained HTML page: a collapsible tree with paragraphs, findings and search.
    Html,
    /// A Mermaid `mindmap` block per speech.
    Mermaid,
    /// An SVG drawing of the outline tree.
    Svg,
    /// One CSV row per numbered point ([`rows`]); the header is written by [`rows::write_header`].
    Csv,
    /// The same rows tab-separated.
    Tsv,
    /// The same rows as JSON Lines.
    JsonlRows,
    /// Passages for retrieval as JSON Lines ([`chunks`]).
    Chunks,
}

impl Format {
    /// Every format, in the order the command line lists them.
    pub const ALL: [Format; 11] = [
        Format::Yaml,
        Format::Json,
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::Mermaid,
        Format::Svg,
        Format::Csv,
        Format::Tsv,
        Format::JsonlRows,
        Format::Chunks,
    ];

    /// The format's name, as `--format` takes it.
    ///
    /// ```
    /// use tigang::Format;
    /// assert_eq!(Format::JsonlRows.name(), "jsonl-rows");
    /// assert!(Format::ALL.iter().all(|f| !f.name().is_empty()));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Html => "html",
            Format::Mermaid => "mermaid",
            Format::Svg => "svg",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::JsonlRows => "jsonl-rows",
            Format::Chunks => "chunks",
        }
    }

    /// The file extension for outputs written with `-o DIR`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Mermaid => "mmd",
            Format::Svg => "svg",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::JsonlRows => "rows.jsonl",
            Format::Chunks => "chunks.jsonl",
        }
    }
}

/// Write `doc` in `format` with the default [`RenderOptions`] (a table with its header line).
///
/// ```
/// use tigang::{render, Format};
/// let doc = tigang::extract("一、学习。\n二、落实。\n", &Default::default()).unwrap();
/// let mut out = Vec::new();
/// render(&doc, Format::Text, &mut out).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("一、学习"));
/// ```
pub fn render<W: Write>(doc: &Document, format: Format, out: &mut W) -> io::Result<()> {
    render_with(doc, format, &RenderOptions::default(), out)
}

/// What the row, table and chunk formats are asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Add the body column to a table.
    pub body: bool,
    /// Write a table's header line (off when several inputs share one table).
    pub header: bool,
    /// The bound on a passage of `Format::Chunks`, in characters.
    pub max_chars: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            body: false,
            header: true,
            max_chars: chunks::DEFAULT_MAX_CHARS,
        }
    }
}

/// Write `doc` in `format`. The row and chunk formats cut offsets from the document's decoded
/// text; an outline read back from a saved file has none, and its offsets are those of nothing.
///
/// ```
/// use tigang::{Format, render::{render_with, RenderOptions}};
/// let doc = tigang::extract("一、学习。\n二、落实。\n", &Default::default()).unwrap();
/// let mut out = Vec::new();
/// let opts = RenderOptions { header: false, ..RenderOptions::default() };
/// render_with(&doc, Format::Csv, &opts, &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
/// ```
pub fn render_with<W: Write>(
    doc: &Document,
    format: Format,
    opts: &RenderOptions,
    out: &mut W,
) -> io::Result<()> {
    let table = match format {
        Format::Yaml => {
            writeln!(out, "---")?;
            let yaml =
                serde_yaml::to_string(&crate::wire::Document::of(doc)).map_err(io::Error::other)?;
            return out.write_all(yaml.as_bytes());
        }
        Format::Json => {
            serde_json::to_writer(&mut *out, &crate::wire::Document::of(doc))
                .map_err(io::Error::other)?;
            return writeln!(out);
        }
        Format::Markdown => return markdown(doc, out),
        Format::Text => return text(doc, out),
        Format::Html => return out.write_all(html::page(doc).as_bytes()),
        Format::Mermaid => return mermaid::write(doc, out),
        Format::Svg => return out.write_all(svg::draw(doc).as_bytes()),
        Format::JsonlRows => return rows::write_jsonl(&rows::rows(doc), out),
        Format::Chunks => return chunks::write(doc, opts.max_chars, out),
        Format::Csv => rows::Table::Csv,
        Format::Tsv => rows::Table::Tsv,
    };
    if opts.header {
        rows::write_header(table, opts.body, out)?;
    }
    rows::write_table(&rows::rows(doc), table, opts.body, out)
}

fn speech_name(doc: &Document, i: usize) -> String {
    let s = &doc.speeches[i];
    match &s.header.title {
        Some(t) => t.clone(),
        None if doc.speeches.len() == 1 => doc.source.clone(),
        None => format!("{} #{} (line {})", doc.source, i + 1, s.start_line),
    }
}

/// `text` as literal Markdown: CommonMark's punctuation that could start emphasis, a link, an
/// HTML tag, an entity or code is backslash-escaped, and so is a leading `1.` that would open an
/// ordered list inside the item.
pub(crate) fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let leading_digits = text.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in text.char_indices() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '!' | '#'
        );
        let opens_list = i == leading_digits && leading_digits > 0 && matches!(c, '.' | ')');
        let opens_block = i == 0 && matches!(c, '+' | '-' | '=');
        if special || opens_list || opens_block {
            out.push('\\');
        }
        out.push(match c {
            '\n' | '\r' => ' ',
            c => c,
        });
    }
    out
}

fn markdown<W: Write>(doc: &Document, out: &mut W) -> io::Result<()> {
    for (i, s) in doc.speeches.iter().enumerate() {
        writeln!(out, "# {}\n", markdown_escape(&speech_name(doc, i)))?;
        for h in &s.outline {
            for (depth, node) in h.walk() {
                let indent = "  ".repeat(depth - 1);
                writeln!(out, "{indent}- {}", markdown_escape(&label(node)))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn text<W: Write>(doc: &Document, out: &mut W) -> io::Result<()> {
    for (i, s) in doc.speeches.iter().enumerate() {
        writeln!(
            out,
            "{}  [lines {}-{}]",
            speech_name(doc, i),
            s.start_line,
            s.end_line
        )?;
        if let Some(start) = &s.start_why {
            writeln!(out, "  ↳ starts here: {}", start_explained(start))?;
        }
        for p in &s.passed_over {
            writeln!(out, "  ✗ no start at :{}: {}", p.line, start_explained(p))?;
        }
        for h in &s.outline {
            for (depth, node) in h.walk() {
                let indent = "    ".repeat(depth);
                writeln!(out, "{indent}{}  :{}", label(node), node.line)?;
                if let Some(why) = &node.why {
                    writeln!(out, "{indent}  ↳ {}", explained(why))?;
                }
            }
        }
        for d in &s.dropped {
            let why: Vec<&str> = d.evidence.iter().map(|e| e.name()).collect();
            writeln!(
                out,
                "    ✗ {}  :{}  not a heading: {}",
                d.marker,
                d.line,
                why.join(", ")
            )?;
        }
    }
    Ok(())
}

/// Why a speech starts on a line (or not): the evidence with its weights, and the score.
fn start_explained(start: &crate::split::Start) -> String {
    let evidence: Vec<String> = start
        .evidence
        .iter()
        .map(|e| format!("{e} {:+}", e.weight()))
        .collect();
    format!(
        "{} (score {} after the cost of a speech, {})",
        evidence.join(", "),
        start.score,
        crate::split::SPEECH_COST
    )
}

/// One line of `--explain`: the move, its margin, and the evidence with its weights.
fn explained(why: &crate::nest::Explanation) -> String {
    let margin = why
        .margin
        .map_or("only place".to_string(), |m| format!("margin {m}"));
    let evidence: Vec<String> = why
        .evidence
        .iter()
        .map(|e| format!("{} {:+}", e.evidence, e.weight))
        .collect();
    format!(
        "{} (score {}, {margin}): {}",
        why.chosen.name(),
        why.score,
        if evidence.is_empty() {
            "no evidence".to_string()
        } else {
            evidence.join(", ")
        }
    )
}

/// How a node is shown: marker and title, or a group node's lead-in.
pub(crate) fn label(h: &Heading) -> String {
    match &h.kind {
        crate::Kind::Point { marker, .. } => format!("{marker}{}", h.title),
        crate::Kind::Group { intro, .. } => intro.clone(),
    }
}
