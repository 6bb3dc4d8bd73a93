//! Flat rows: one per numbered point, for tables (`--format csv`, `tsv`, `jsonl-rows`), pandas,
//! R and Spark. A row names its point by a stable path (`2.3.1`) and says where the point's
//! section lies in the decoded text, so a reader needs no walk over `children`.

use crate::Document;
use crate::outline::Heading;
use serde::Serialize;
use std::io::{self, Write};

/// One numbered point of one speech, flat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The input, as named in the outline.
    pub source: String,
    /// The speech's 1-based index in its input.
    pub speech: usize,
    /// The speech's title, when it has one.
    pub speech_title: Option<String>,
    /// The point's place among points: `2.3.1` is the first point under the third under the
    /// second. Group nodes are passed through, so the path does not change when one is found.
    pub path: String,
    /// How many points stand above this one, plus one (group nodes not counted).
    pub depth: usize,
    /// The marker as written (`（一）`).
    pub marker: String,
    /// The marker's family (`paren_numeral`).
    pub family: Option<String>,
    /// The marker's number, when it has one.
    pub number: Option<u32>,
    /// The text after the marker up to the end of its first sentence.
    pub title: String,
    /// The path of the point above, empty at the top.
    pub parent: String,
    /// The titles of the points above, outermost first, joined by ` > `.
    pub breadcrumb: String,
    /// The 1-based line the point stands on.
    pub line: usize,
    /// Where the section starts in the decoded text, in bytes: its heading's line (or, for an
    /// inline point, its marker).
    pub byte_start: usize,
    /// Where the section ends, in bytes (exclusive): the next heading of the same or a higher
    /// level, or the end of the speech's last line.
    pub byte_end: usize,
    /// `byte_start` counted in characters (Unicode scalar values, as Python indexes strings).
    pub char_start: usize,
    /// `byte_end` counted in characters.
    pub char_end: usize,
    /// True for a point found inside a paragraph.
    pub inline: bool,
    /// The heading's paragraph, when the outline was made with `--body`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// The columns of a row in order, as the CSV header names them; `body` only with bodies.
pub fn columns(with_body: bool) -> &'static [&'static str] {
    const ALL: [&str; 18] = [
        "source",
        "speech",
        "speech_title",
        "path",
        "depth",
        "marker",
        "family",
        "number",
        "title",
        "parent",
        "breadcrumb",
        "line",
        "byte_start",
        "byte_end",
        "char_start",
        "char_end",
        "inline",
        "body",
    ];
    if with_body { &ALL } else { &ALL[..17] }
}

/// Where each line of `text` starts, in bytes, split as [`crate::clean::split_lines`] splits
/// (`\n`, `\r\n` or a lone `\r`); one entry more than there are lines: the text's end.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
        let end = at + i;
        at = if bytes[end..].starts_with(b"\r\n") {
            end + 2
        } else {
            end + 1
        };
        starts.push(at);
    }
    if *starts.last().unwrap_or(&0) != text.len() {
        starts.push(text.len());
    }
    starts
}

/// Byte offsets to character offsets in one text, by its line starts.
pub(crate) struct Offsets<'a> {
    text: &'a str,
    /// (byte, char) at each line start.
    lines: Vec<(usize, usize)>,
}

impl<'a> Offsets<'a> {
    /// Index `text` once.
    pub(crate) fn new(text: &'a str) -> Self {
        let mut chars = 0;
        let mut last = 0;
        let lines = line_starts(text)
            .into_iter()
            .map(|b| {
                chars += text[last..b].chars().count();
                last = b;
                (b, chars)
            })
            .collect();
        Offsets { text, lines }
    }

    /// The character offset of the byte offset `byte` (a char boundary).
    pub(crate) fn chars(&self, byte: usize) -> usize {
        let i = self
            .lines
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let (b, c) = self.lines.get(i).copied().unwrap_or((0, 0));
        c + self.text[b..byte].chars().count()
    }
}

/// One node of a speech's tree in document order, groups included, and where it lies.
pub(crate) struct Placed<'a> {
    pub(crate) heading: &'a Heading,
    /// Depth in the whole tree, groups counted (for finding where a subtree ends).
    pub(crate) tree_depth: usize,
    /// Depth among points (a group has its first child's).
    pub(crate) depth: usize,
    /// The path among points (`2.3.1`); none for a group node.
    pub(crate) path: Option<String>,
    /// Byte offset of the section's start: the heading's line, an inline point's marker.
    pub(crate) start: usize,
    /// Byte offset of its end: the next node of the same or a higher level, or the speech's end.
    pub(crate) end: usize,
}

/// One speech's nodes with their places.
pub(crate) struct Layout<'a> {
    pub(crate) speech: &'a crate::Speech,
    /// 1-based.
    pub(crate) index: usize,
    /// Byte offset of the speech's first line.
    pub(crate) start: usize,
    /// Byte offset after its last line (with its line break).
    pub(crate) end: usize,
    pub(crate) nodes: Vec<Placed<'a>>,
}

/// Every speech of `x` laid out over its decoded text.
pub(crate) fn layout(x: &Document) -> Vec<Layout<'_>> {
    let text = x.text.as_str();
    let starts = line_starts(text);
    // Byte offset of a line's start, and of its end with its line break.
    let line_start = |n: usize| starts[n.saturating_sub(1).min(starts.len() - 1)];
    let line_end = |n: usize| starts[n.min(starts.len() - 1)];
    let mut out = Vec::new();
    for (si, speech) in x.speeches.iter().enumerate() {
        // The whole tree in preorder, with each node's start.
        let mut nodes: Vec<Placed> = Vec::new();
        let mut stack: Vec<(usize, &Heading)> =
            speech.outline.iter().rev().map(|h| (1, h)).collect();
        let speech_end = line_end(speech.end_line);
        // An inline point is searched for after the previous start on its line, up to the
        // speech's end: its line is the cleaned paragraph, which may run over several raw lines.
        let mut last_on_line: Option<(usize, usize)> = None;
        while let Some((tree_depth, h)) = stack.pop() {
            let ls = line_start(h.line);
            let mut start = ls;
            if h.inline
                && let Some(m) = h.marker()
            {
                let from = match last_on_line {
                    Some((line, at)) if line == h.line => at + 1,
                    _ => ls,
                };
                let end = speech_end.max(from);
                let from = (from..=end)
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(end);
                start = match text[from..end].find(m) {
                    Some(i) => from + i,
                    // Not as written (cleaning changed it): keep document order.
                    None => from.min(end),
                };
            }
            last_on_line = Some((h.line, start));
            nodes.push(Placed {
                heading: h,
                tree_depth,
                depth: 0,
                path: None,
                start,
                end: speech_end,
            });
            stack.extend(h.children.iter().rev().map(|c| (tree_depth + 1, c)));
        }
        // Each node's end: the start of the first node after its subtree (same or higher level).
        let mut open: Vec<usize> = Vec::new();
        for i in 0..nodes.len() {
            while let Some(&j) = open.last() {
                if nodes[j].tree_depth >= nodes[i].tree_depth {
                    nodes[j].end = nodes[i].start.max(nodes[j].start);
                    open.pop();
                } else {
                    break;
                }
            }
            open.push(i);
        }
        // Paths over points only: counters per depth; a group adds no depth.
        let mut counters: Vec<usize> = Vec::new();
        let mut above: Vec<(usize, usize)> = Vec::new(); // (tree depth, points at and above it)
        for n in &mut nodes {
            while above.last().is_some_and(|&(d, _)| d >= n.tree_depth) {
                above.pop();
            }
            let points_above = above.last().map_or(0, |&(_, p)| p);
            let is_point = !n.heading.is_group();
            n.depth = points_above + 1;
            above.push((n.tree_depth, points_above + usize::from(is_point)));
            if is_point {
                counters.truncate(n.depth);
                counters.resize(n.depth, 0);
                counters[n.depth - 1] += 1;
                n.path = Some(join(&counters));
            }
        }
        out.push(Layout {
            speech,
            index: si + 1,
            start: line_start(speech.start_line),
            end: speech_end,
            nodes,
        });
    }
    out
}

/// The rows of every speech of `x`, in document order. Bodies are filled when the outline has
/// them (extracted with `body`).
///
/// ```
/// let x = tigang::extract("一、学习。\n（一）读原文。\n二、落实。\n", &Default::default()).unwrap();
/// let rows = tigang::render::rows::rows(&x);
/// assert_eq!(rows.iter().map(|r| r.path.as_str()).collect::<Vec<_>>(), ["1", "1.1", "2"]);
/// assert_eq!(&x.text[rows[0].byte_start..rows[0].byte_end], "一、学习。\n（一）读原文。\n");
/// ```
pub fn rows(x: &Document) -> Vec<Row> {
    let offsets = Offsets::new(&x.text);
    let mut out = Vec::new();
    for speech in layout(x) {
        // The titles of the points above, for the breadcrumb.
        let mut titles: Vec<String> = Vec::new();
        for n in &speech.nodes {
            let (Some(marker), Some(path)) = (n.heading.marker(), &n.path) else {
                continue;
            };
            let h = n.heading;
            titles.truncate(n.depth - 1);
            titles.resize(n.depth - 1, String::new());
            out.push(Row {
                source: x.source.clone(),
                speech: speech.index,
                speech_title: speech.speech.header.title.clone(),
                path: path.clone(),
                depth: n.depth,
                marker: marker.to_string(),
                family: h.family().map(|f| {
                    serde_json::to_value(f)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                }),
                number: h.number(),
                title: h.title.clone(),
                parent: path
                    .rsplit_once('.')
                    .map_or(String::new(), |(p, _)| p.to_string()),
                breadcrumb: titles.join(" > "),
                line: h.line,
                byte_start: n.start,
                byte_end: n.end,
                char_start: offsets.chars(n.start),
                char_end: offsets.chars(n.end),
                inline: h.inline,
                body: h.body.clone(),
            });
            titles.push(h.title.clone());
        }
    }
    out
}

fn join(path: &[usize]) -> String {
    let parts: Vec<String> = path.iter().map(usize::to_string).collect();
    parts.join(".")
}

/// The field separator of a table format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Comma-separated (RFC 4180).
    Csv,
    /// Tab-separated, quoted the same way.
    Tsv,
}

impl Table {
    fn separator(self) -> char {
        match self {
            Table::Csv => ',',
            Table::Tsv => '\t',
        }
    }
}

/// Write the header line of a table.
pub fn write_header<W: Write>(table: Table, with_body: bool, out: &mut W) -> io::Result<()> {
    let sep = table.separator().to_string();
    writeln!(out, "{}", columns(with_body).join(&sep))
}

/// A field quoted as RFC 4180 asks: in double quotes, quotes doubled, when it holds the
/// separator, a quote or a line break (or starts or ends with a space, which some readers trim).
fn field(s: &str, sep: char, out: &mut String) {
    let needs = s.contains([sep, '"', '\n', '\r'])
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if needs {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Write `rows` as table lines (no header), CRLF-free: each record ends in `\n`, which pandas,
/// R and Spark all read. `with_body` adds the body column (empty when a row has none).
pub fn write_table<W: Write>(
    rows: &[Row],
    table: Table,
    with_body: bool,
    out: &mut W,
) -> io::Result<()> {
    let sep = table.separator();
    let mut line = String::new();
    for r in rows {
        line.clear();
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let fields = [
            r.source.clone(),
            r.speech.to_string(),
            opt(&r.speech_title),
            r.path.clone(),
            r.depth.to_string(),
            r.marker.clone(),
            opt(&r.family),
            r.number.map_or_else(String::new, |n| n.to_string()),
            r.title.clone(),
            r.parent.clone(),
            r.breadcrumb.clone(),
            r.line.to_string(),
            r.byte_start.to_string(),
            r.byte_end.to_string(),
            r.char_start.to_string(),
            r.char_end.to_string(),
            r.inline.to_string(),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                line.push(sep);
            }
            field(f, sep, &mut line);
        }
        if with_body {
            line.push(sep);
            field(&opt(&r.body), sep, &mut line);
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Write `rows` as JSON Lines, one object per row.
pub fn write_jsonl<W: Write>(rows: &[Row], out: &mut W) -> io::Result<()> {
    for r in rows {
        serde_json::to_writer(&mut *out, r).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_start_after_each_kind_of_break() {
        assert_eq!(line_starts("a\nb\r\nc\rd"), [0, 2, 5, 7, 8]);
        assert_eq!(line_starts("a\n"), [0, 2]);
    }

    #[test]
    fn fields_with_separators_quotes_or_breaks_are_quoted() {
        let mut s = String::new();
        field("a,b \"c\"\nd", ',', &mut s);
        assert_eq!(s, "\"a,b \"\"c\"\"\nd\"");
        s.clear();
        field("a,b", '\t', &mut s);
        assert_eq!(s, "a,b");
    }
}
