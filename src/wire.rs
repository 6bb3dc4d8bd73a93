//! The output contract: the fields of the YAML and JSON outlines (README "Output"), as serde view
//! types of their own. [`crate::outline`] can change shape without changing a byte of output; a
//! change here is a change of the contract, and `docs/outline.schema.json` (checked against real
//! output by `tests/schema.rs`) must change with it.
//!
//! Views borrow from the outline they show (strings are `Cow`s), so writing an outline copies
//! nothing; read back ([`read_json`], [`read_yaml`]) they own their text.

use crate::error::Error;
use crate::finding::Finding;
use crate::i18n::Lang;
use crate::marker::Family;
use crate::outline::{self, Kind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A document: one input file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Document<'a> {
    /// The path as given, or `-` for standard input.
    pub source: Cow<'a, str>,
    /// The encoding the bytes were decoded with.
    pub encoding: Cow<'a, str>,
    /// The speeches, in file order.
    pub speeches: Vec<Speech<'a>>,
}

/// A speech and its outline.
#[derive(Debug, Serialize, Deserialize)]
#[allow(missing_docs)] // the fields are documented on [`outline::Speech`]
pub struct Speech<'a> {
    pub title: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Cow<'a, str>>,
    pub start_line: usize,
    pub end_line: usize,
    pub outline: Vec<Heading<'a>>,
    /// The findings of the numbering check.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic<'a>>,
    /// With `--explain`: marker lines that are not headings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<Dropped<'a>>,
    /// With `--explain`: the evidence at the speech's first line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_evidence: Option<Start<'a>>,
    /// With `--explain`: lines with evidence for a start that start none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passed_over: Vec<Start<'a>>,
}

/// A heading: a point (`marker`, `family`, `number`) or a group (`marker: null`, `intro`,
/// `announced`).
#[derive(Debug, Serialize, Deserialize)]
#[allow(missing_docs)] // the fields are documented on [`outline::Heading`] and [`Kind`]
pub struct Heading<'a> {
    pub line: usize,
    pub marker: Option<Cow<'a, str>>,
    pub family: Option<Family>,
    pub number: Option<u32>,
    pub title: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub inline: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<u32>,
    /// With `--explain`: why the heading stands where it does.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub why: Option<&'a crate::nest::Explanation>,
    pub children: Vec<Heading<'a>>,
}

/// A finding, with its message in both languages.
#[derive(Debug, Serialize, Deserialize)]
#[allow(missing_docs)] // the fields are documented on [`Finding`]
pub struct Diagnostic<'a> {
    pub code: Cow<'a, str>,
    pub severity: Cow<'a, str>,
    pub line: usize,
    pub column: usize,
    pub found: Cow<'a, str>,
    pub expected: Option<Cow<'a, str>>,
    pub message: String,
    pub message_zh: String,
}

/// One line of `tigang check --format json`: a finding with its file and speech.
#[derive(Debug, Serialize)]
pub struct CheckLine<'a> {
    /// The input, as named in its outline.
    pub source: &'a str,
    /// The 1-based speech of the input.
    pub speech: usize,
    /// The finding.
    #[serde(flatten)]
    pub diagnostic: Diagnostic<'a>,
}

/// A marker line that is not a heading (`--explain`).
#[derive(Debug, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Dropped<'a> {
    pub line: usize,
    pub marker: Cow<'a, str>,
    #[serde(skip_deserializing)]
    pub evidence: &'a [crate::nest::Evidence],
}

/// A line with evidence about a speech starting on it (`--explain`).
#[derive(Debug, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Start<'a> {
    pub line: usize,
    #[serde(skip_deserializing)]
    pub evidence: &'a [crate::split::StartEvidence],
    pub score: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle_line: Option<usize>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn b(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn bo(s: &Option<String>) -> Option<Cow<'_, str>> {
    s.as_deref().map(Cow::Borrowed)
}

impl<'a> Document<'a> {
    /// The view of `doc`.
    pub fn of(doc: &'a outline::Document) -> Document<'a> {
        Document {
            source: b(&doc.source),
            encoding: b(&doc.encoding),
            speeches: doc.speeches.iter().map(Speech::of).collect(),
        }
    }
}

impl<'a> Speech<'a> {
    /// The view of `s`.
    pub fn of(s: &'a outline::Speech) -> Speech<'a> {
        Speech {
            title: bo(&s.header.title),
            subtitle: bo(&s.header.subtitle),
            date: bo(&s.header.date),
            date_iso: bo(&s.header.date_iso),
            date_note: bo(&s.header.date_note),
            speaker: bo(&s.header.speaker),
            salutation: bo(&s.header.salutation),
            closing: bo(&s.header.closing),
            start_line: s.start_line,
            end_line: s.end_line,
            outline: s.outline.iter().map(Heading::of).collect(),
            diagnostics: s.findings.iter().map(Diagnostic::of).collect(),
            dropped: s.dropped.iter().map(Dropped::of).collect(),
            start_evidence: s.start_why.as_deref().map(Start::of),
            passed_over: s.passed_over.iter().map(Start::of).collect(),
        }
    }
}

impl<'a> Heading<'a> {
    /// The view of `h` and its subtree.
    pub fn of(h: &'a outline::Heading) -> Heading<'a> {
        let (marker, family, number, intro, announced) = match &h.kind {
            Kind::Point {
                marker,
                family,
                number,
            } => (Some(b(marker)), Some(*family), *number, None, None),
            Kind::Group { intro, announced } => {
                (None, None, None, Some(b(intro)), Some(*announced))
            }
        };
        Heading {
            line: h.line,
            marker,
            family,
            number,
            title: b(&h.title),
            body: bo(&h.body),
            inline: h.inline,
            intro,
            announced,
            why: h.why.as_deref(),
            children: h.children.iter().map(Heading::of).collect(),
        }
    }
}

impl<'a> Diagnostic<'a> {
    /// The view of `f`, its message written in both languages.
    pub fn of(f: &'a Finding) -> Diagnostic<'a> {
        Diagnostic {
            code: b(f.code.as_str()),
            severity: b(f.severity().name()),
            line: f.line,
            column: f.column,
            found: b(&f.found),
            expected: bo(&f.expected),
            message: f.message(Lang::En),
            message_zh: f.message(Lang::Zh),
        }
    }
}

impl<'a> Dropped<'a> {
    fn of(d: &'a crate::nest::Dropped) -> Dropped<'a> {
        Dropped {
            line: d.line,
            marker: b(&d.marker),
            evidence: &d.evidence,
        }
    }
}

impl<'a> Start<'a> {
    fn of(s: &'a crate::split::Start) -> Start<'a> {
        Start {
            line: s.line,
            evidence: &s.evidence,
            score: s.score,
            speaker: bo(&s.speaker),
            subtitle_line: s.subtitle_line,
        }
    }
}

/// Why a saved outline cannot be read back.
fn not_an_outline(syntax: &'static str, n: usize, detail: impl std::fmt::Display) -> Error {
    Error::NotAnOutline {
        syntax,
        document: Some(n + 1),
        detail: detail.to_string(),
    }
}

impl Document<'_> {
    /// The outline this view shows. Findings are not read back (their facts are in the
    /// messages only), nor is what `--explain` added.
    pub fn into_outline(self, syntax: &'static str, n: usize) -> Result<outline::Document, Error> {
        let speeches = self
            .speeches
            .into_iter()
            .map(|s| {
                Ok(outline::Speech {
                    header: outline::Header {
                        title: s.title.map(Cow::into_owned),
                        subtitle: s.subtitle.map(Cow::into_owned),
                        date: s.date.map(Cow::into_owned),
                        date_iso: s.date_iso.map(Cow::into_owned),
                        date_note: s.date_note.map(Cow::into_owned),
                        speaker: s.speaker.map(Cow::into_owned),
                        salutation: s.salutation.map(Cow::into_owned),
                        closing: s.closing.map(Cow::into_owned),
                    },
                    start_line: s.start_line,
                    end_line: s.end_line,
                    outline: s
                        .outline
                        .into_iter()
                        .map(|h| h.into_heading(syntax, n))
                        .collect::<Result<_, _>>()?,
                    findings: Vec::new(),
                    dropped: Vec::new(),
                    start_why: None,
                    passed_over: Vec::new(),
                })
            })
            .collect::<Result<_, Error>>()?;
        Ok(outline::Document {
            source: self.source.into_owned(),
            encoding: self.encoding.into_owned(),
            speeches,
            warnings: Vec::new(),
            text: String::new(),
        })
    }
}

impl Heading<'_> {
    fn into_heading(self, syntax: &'static str, n: usize) -> Result<outline::Heading, Error> {
        let kind = match (self.marker, self.family) {
            (Some(marker), Some(family)) => Kind::Point {
                marker: marker.into_owned(),
                family,
                number: self.number,
            },
            (None, None) => Kind::Group {
                intro: self.intro.map(Cow::into_owned).unwrap_or_default(),
                announced: self.announced.unwrap_or(0),
            },
            _ => {
                return Err(not_an_outline(
                    syntax,
                    n,
                    format_args!(
                        "the heading on line {} has a marker without a family or a family without a marker",
                        self.line
                    ),
                ));
            }
        };
        Ok(outline::Heading {
            line: self.line,
            kind,
            title: self.title.into_owned(),
            body: self.body.map(Cow::into_owned),
            inline: self.inline,
            list: None,
            why: None,
            children: self
                .children
                .into_iter()
                .map(|c| c.into_heading(syntax, n))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Read back the outlines of a saved `--format json` output: one document per JSON value (a
/// JSON Lines file of several inputs holds several).
///
/// ```
/// let doc = tigang::extract("一、学习。\n二、落实。\n", &tigang::Options::default()).unwrap();
/// let mut saved = Vec::new();
/// tigang::render(&doc, tigang::Format::Json, &mut saved).unwrap();
/// let back = tigang::wire::read_json(std::str::from_utf8(&saved).unwrap()).unwrap();
/// assert_eq!(back[0].speeches[0].outline, doc.speeches[0].outline);
/// ```
pub fn read_json(text: &str) -> Result<Vec<outline::Document>, Error> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Document>()
        .enumerate()
        .map(|(n, d)| {
            d.map_err(|e| not_an_outline("JSON", n, e))?
                .into_outline("JSON", n)
        })
        .collect()
}

/// The deepest nesting a saved outline is read with. A tigang outline is at most about 70 levels
/// deep (its tree is capped at [`MAX_DEPTH`](crate::nest::MAX_DEPTH) headings, two YAML levels
/// each); serde_json and serde_yaml both stop at 128.
pub const MAX_SAVED_DEPTH: usize = 128;

/// Read back the outlines of a saved YAML output: one document per `---`.
pub fn read_yaml(text: &str) -> Result<Vec<outline::Document>, Error> {
    // libyaml's work per token grows with the flow nesting around it, so a hostile file nested
    // 100,000 levels deep would run for minutes before serde_yaml's own depth limit fires: refuse
    // it from a linear scan first.
    if yaml_nesting_exceeds(text, MAX_SAVED_DEPTH) {
        return Err(Error::NotAnOutline {
            syntax: "YAML",
            document: None,
            detail: format!("nested more than {MAX_SAVED_DEPTH} levels deep"),
        });
    }
    serde_yaml::Deserializer::from_str(text)
        .enumerate()
        .map(|(n, d)| {
            Document::deserialize(d)
                .map_err(|e| not_an_outline("YAML", n, e))?
                .into_outline("YAML", n)
        })
        .collect()
}

/// Whether YAML `text` nests flow collections (`[…]`, `{…}`) more than `limit` deep. A bracket
/// counts only where a flow collection can open (at the start of a value, or inside another flow
/// collection), and quoted scalars and comments are skipped, so brackets inside titles
/// (`title: 学习[一]`) do not count. Block nesting needs indentation, which makes deep block
/// nesting quadratic in size and so bounded by the size limit.
fn yaml_nesting_exceeds(text: &str, limit: usize) -> bool {
    let b = text.as_bytes();
    let (mut depth, mut i, mut value_start) = (0usize, 0usize, true);
    let gap = |i: usize| i >= b.len() || matches!(b[i], b' ' | b'\t' | b'\r' | b'\n');
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\r' => {}
            b'\n' => value_start = true,
            b'#' if i == 0 || gap(i - 1) => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' if value_start => {
                // Skip to the closing quote (a backslash escapes in double quotes; '' in single
                // quotes closes and reopens, which comes to the same).
                i += 1;
                while i < b.len() && b[i] != c {
                    i += if c == b'"' && b[i] == b'\\' { 2 } else { 1 };
                }
                value_start = false;
            }
            b'[' | b'{' if value_start || depth > 0 => {
                depth += 1;
                if depth > limit {
                    return true;
                }
                value_start = true;
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                value_start = false;
            }
            b',' if depth > 0 => value_start = true,
            b':' | b'-' | b'?' if gap(i + 1) || (c == b':' && depth > 0) => value_start = true,
            _ => value_start = false,
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_nesting_beyond_the_limit_is_refused_and_brackets_in_titles_are_not_counted() {
        let deep = format!("a: {}{}", "[".repeat(200), "]".repeat(200));
        assert!(yaml_nesting_exceeds(&deep, MAX_SAVED_DEPTH));
        let titles = "title: 学习[一][二]\n".repeat(300);
        assert!(!yaml_nesting_exceeds(&titles, MAX_SAVED_DEPTH));
        assert!(matches!(read_yaml(&deep), Err(Error::NotAnOutline { .. })));
    }

    #[test]
    fn a_marker_without_a_family_is_not_an_outline() {
        let text = r#"{"source":"a","encoding":"UTF-8","speeches":[{"title":null,"start_line":1,"end_line":1,"outline":[{"line":1,"marker":"一、","family":null,"number":1,"title":"x","children":[]}]}]}"#;
        assert!(matches!(
            read_json(text),
            Err(Error::NotAnOutline { syntax: "JSON", .. })
        ));
    }
}
