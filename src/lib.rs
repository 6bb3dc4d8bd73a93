//! tigang (提纲) reads Chinese speeches and reports and gives back their outline: the nested tree of
//! their numbered points.
//!
//! The pipeline, one module per stage:
//! [`formats`] a .docx, web page or PDF → text, [`decode`] bytes → text, [`clean`] text → lines,
//! [`split`] lines → speeches, [`marker`] heading markers (the pest grammar in
//! `grammar/heading.pest`), [`nest`] headings → outline tree, [`render`] outline → YAML, JSON,
//! Markdown or text.
//!
//! ```
//! let text = "同志们：\n一、提高站位。内容。\n（一）加强学习。内容。\n二、狠抓落实。内容。\n";
//! let doc = tigang::extract(text.as_bytes(), "speech.txt", &tigang::Options::default()).unwrap().document;
//! let outline = &doc.speeches[0].outline;
//! assert_eq!(outline.len(), 2);
//! assert_eq!(outline[0].children[0].marker.as_deref(), Some("（一）"));
//! ```
#![deny(missing_docs)]

pub mod batch;
pub mod check;
pub mod clean;
pub mod compare;
pub mod decode;
pub mod error;
pub mod formats;
pub mod i18n;
pub mod inputs;
pub mod marker;
pub mod nest;
pub mod outline;
pub mod render;
pub mod report;
pub mod split;

pub use error::Error;
pub use outline::{Document, Heading, Speech};

/// What to do while extracting.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Decode with this encoding (a WHATWG label such as `gbk`) instead of detecting one.
    pub encoding: Option<String>,
    /// Keep pinyin annotations in titles and bodies.
    pub keep_pinyin: bool,
    /// Put each heading's paragraph in its `body`.
    pub body: bool,
    /// Add points run into a heading's paragraph (一是…二是…) as children marked `inline`.
    pub inline: bool,
    /// Record on each heading why it stands where it does (its move, evidence and margin).
    pub explain: bool,
    /// The nesting weights; `None` is the default table.
    pub weights: Option<nest::Weights>,
    /// What the numbering checks look at.
    pub check: check::CheckOptions,
}

/// An outline and what was noticed on the way.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The outline of every speech of the input.
    pub document: Document,
    /// Problems that did not stop the work, e.g. undecodable bytes.
    pub warnings: Vec<i18n::Warning>,
    /// The decoded text, for showing source lines beside findings.
    pub text: String,
}

impl Extracted {
    /// The text of the 1-based line `n` as decoded, before cleaning.
    pub fn source_line(&self, n: usize) -> Option<&str> {
        clean::split_lines(&self.text).nth(n.checked_sub(1)?)
    }
}

/// Run the whole pipeline over one input's bytes. `source` is how the input is named in the output;
/// its extension helps tell a format only when the bytes do not (see [`formats::sniff`]).
pub fn extract(bytes: &[u8], source: &str, opts: &Options) -> Result<Extracted, Error> {
    let decoded = formats::read(bytes, source, opts.encoding.as_deref())?;
    let mut warnings = Vec::new();
    if let Some(line) = decoded.first_bad_line {
        warnings.push(i18n::Warning::Undecodable {
            encoding: decoded.encoding,
            line,
        });
    }
    if let Some(line) = clean::first_line_with_controls(&decoded.text) {
        warnings.push(i18n::Warning::ControlCharacters { line });
    }
    if decoded.text.is_empty() {
        warnings.push(i18n::Warning::Empty);
    } else if decoded.text.trim().is_empty() {
        warnings.push(i18n::Warning::Blank);
    }
    let lines = clean::clean(
        &decoded.text,
        clean::CleanOptions {
            keep_pinyin: opts.keep_pinyin,
            whole_paragraphs: decoded.whole_paragraphs,
        },
    );
    let nest_opts = nest::NestOptions {
        body: opts.body,
        inline: opts.inline,
        explain: opts.explain,
        weights: opts.weights,
    };
    let segmentation = split::segment(&lines);
    let speeches = segmentation
        .speeches
        .iter()
        .map(|segment| {
            let mut s = speech(&lines, segment, nest_opts);
            s.diagnostics = check::check(&s, &lines, opts.check);
            if opts.explain {
                let range = segment.range.clone();
                let within = |n: usize| {
                    lines.get(range.start).is_some_and(|l| l.number <= n)
                        && lines.get(range.end - 1).is_some_and(|l| n <= l.number)
                };
                s.start_why = Some(Box::new(segment.start.clone()));
                s.passed_over = segmentation
                    .passed_over
                    .iter()
                    .filter(|p| within(p.line))
                    .cloned()
                    .collect();
            }
            s
        })
        .collect();
    Ok(Extracted {
        document: Document {
            source: source.to_string(),
            encoding: decoded.encoding.to_string(),
            speeches,
        },
        warnings,
        text: decoded.text,
    })
}

fn speech(lines: &[clean::Line], segment: &split::Segment, opts: nest::NestOptions) -> Speech {
    let range = segment.range.clone();
    let header = split::header_of(lines, segment);
    // The speech starts on the line its evidence found; front matter before it (a site's title
    // block) stays in its range but is neither its header nor its body.
    let first = (range.start..range.end)
        .find(|&i| !lines[i].is_empty() && lines[i].number == segment.start.line)
        .or_else(|| (range.start..range.end).find(|&i| !lines[i].is_empty()))
        .unwrap_or(range.start);
    // A speech's own title line (第二篇：在…会议上的讲话) names the speech; it is not its first point.
    let body = if lines
        .get(first)
        .is_some_and(|l| split::is_speech_title(&l.text))
        || segment
            .start
            .evidence
            .contains(&split::StartEvidence::SpeechTitle)
    {
        first + 1..range.end
    } else {
        first..range.end
    };
    let (outline, dropped) = nest::nest_explained(lines, body, opts);
    let last = (range.start..range.end)
        .rev()
        .find(|&i| !lines[i].is_empty())
        .unwrap_or(first);
    let number = |i: usize| lines.get(i).map_or(1, |l| l.number);
    Speech {
        title: header.title,
        subtitle: header.subtitle,
        date: header.date,
        date_iso: header.date_iso,
        date_note: header.date_note,
        speaker: header.speaker,
        salutation: header.salutation,
        closing: header.closing,
        start_line: number(first),
        end_line: number(last),
        outline,
        diagnostics: Vec::new(),
        dropped: if opts.explain { dropped } else { Vec::new() },
        start_why: None,
        passed_over: Vec::new(),
    }
}
