//! tigang (提纲) reads Chinese speeches and reports and gives back their outline: the nested tree of
//! their numbered points.
//!
//! The pipeline, one module per stage:
//! [`formats`] a .docx, web page or PDF → text, [`decode`] bytes → text, [`clean`] text → lines,
//! [`split`] lines → speeches, [`marker`] heading markers (the pest grammar in
//! `grammar/heading.pest`), [`nest`] headings → outline tree, [`mod@render`] outline → YAML, JSON,
//! Markdown or text.
//!
//! The library's entries are few: [`extract()`] (text or bytes → [`Document`]), [`check()`]
//! (the numbering [`Finding`]s), [`compare()`] (two speeches point by point) and [`render()`]
//! (an outline in any [`Format`] to any `io::Write`). The YAML and JSON fields are the views in
//! [`wire`], described by `docs/outline.schema.json`.
//!
//! ```
//! let text = "同志们：\n一、提高站位。内容。\n（一）加强学习。内容。\n二、狠抓落实。内容。\n";
//! let doc = tigang::extract(text, &tigang::Options::default()).unwrap();
//! let outline = &doc.speeches[0].outline;
//! assert_eq!(outline.len(), 2);
//! assert_eq!(outline[0].children[0].marker(), Some("（一）"));
//! ```
#![deny(missing_docs)]

pub mod check;
pub mod clean;
pub mod compare;
pub mod decode;
pub mod error;
pub mod finding;
pub mod formats;
pub mod i18n;
pub mod marker;
pub mod nest;
pub mod outline;
pub mod render;
pub mod split;
pub mod wire;

pub use error::Error;
pub use finding::{Code, Finding, Severity};
pub use i18n::{Lang, Warning};
pub use marker::Family;
pub use outline::{Document, Header, Heading, Kind, Speech};
pub use render::{Format, render};

/// What to do while extracting.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How the input is named in the output (a path as given, `-` for standard input); its
    /// extension helps tell a format only when the bytes do not (see [`formats::sniff`]). None
    /// names it `-`.
    pub source: Option<String>,
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

/// Run the whole pipeline over one input, text or bytes (decoded by the encoding detected, or
/// the one [`Options::encoding`] names): its speeches and their outlines, with the numbering
/// findings on each speech.
///
/// ```
/// let doc = tigang::extract("一、学习。\n二、落实。\n", &tigang::Options::default()).unwrap();
/// assert_eq!((doc.source.as_str(), doc.speeches[0].outline.len()), ("-", 2));
/// ```
pub fn extract(input: impl AsRef<[u8]>, options: &Options) -> Result<Document, Error> {
    extract_bytes(input.as_ref(), options)
}

fn extract_bytes(bytes: &[u8], opts: &Options) -> Result<Document, Error> {
    let source = opts.source.as_deref().unwrap_or("-");
    let decoded = formats::read(bytes, source, opts.encoding.as_deref())?;
    let mut warnings = Vec::new();
    if let Some(line) = decoded.first_bad_line {
        warnings.push(Warning::Undecodable {
            encoding: decoded.encoding,
            line,
        });
    }
    if let Some(line) = clean::first_line_with_controls(&decoded.text) {
        warnings.push(Warning::ControlCharacters { line });
    }
    if decoded.text.is_empty() {
        warnings.push(Warning::Empty);
    } else if decoded.text.trim().is_empty() {
        warnings.push(Warning::Blank);
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
            s.findings = check::check(&s, &lines, opts.check);
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
    drop(lines);
    Ok(Document {
        source: source.to_string(),
        encoding: decoded.encoding.to_string(),
        speeches,
        warnings,
        text: decoded.text,
    })
}

/// The numbering findings of every speech of one input, in line order: gaps, repeats, order,
/// mixed families, announced counts, punctuation style, skipped levels, empty headings (see
/// [`check`](mod@check) for the table).
///
/// ```
/// use tigang::{Code, Options};
/// let findings = tigang::check("一、学习。\n二、落实。\n二、总结。\n", &Options::default()).unwrap();
/// assert_eq!(findings[0].code, Code::NumberingRepeat);
/// assert_eq!(findings[0].expected.as_deref(), Some("三、"));
/// ```
pub fn check(input: impl AsRef<[u8]>, options: &Options) -> Result<Vec<Finding>, Error> {
    let doc = extract_bytes(input.as_ref(), options)?;
    Ok(doc.speeches.into_iter().flat_map(|s| s.findings).collect())
}

/// Compare the main speeches (the ones with the outline; see [`compare::main_speech`]) of two
/// documents point by point: which points they share (aligned by content under aligned parents),
/// which moved, were retitled, split or merged, and which one leaves out; with the figures of
/// [`compare::Figures`]. [`compare::compare`] compares any two speeches.
///
/// ```
/// let opts = tigang::Options::default();
/// let a = tigang::extract("一、加强学习。要读原著。\n二、狠抓落实。要抓具体。\n", &opts).unwrap();
/// let b = tigang::extract("一、狠抓落实。要抓具体。\n二、加强学习。要读原著。\n", &opts).unwrap();
/// let c = tigang::compare(&a, &b);
/// assert!(c.pairs.iter().all(|p| p.a.is_some() && p.b.is_some()));
/// assert!(c.pairs.iter().any(|p| p.moved));
/// ```
pub fn compare(a: &Document, b: &Document) -> compare::Comparison {
    let main = |d: &Document| {
        let mut outlines = compare::outlines(d);
        let k = compare::main_speech(&outlines).unwrap_or(0);
        if outlines.is_empty() {
            compare::Outline::new(&d.source, 0, &Speech::empty())
        } else {
            outlines.swap_remove(k)
        }
    };
    compare::compare(&main(a), &main(b))
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
        header,
        start_line: number(first),
        end_line: number(last),
        outline,
        findings: Vec::new(),
        dropped: if opts.explain { dropped } else { Vec::new() },
        start_why: None,
        passed_over: Vec::new(),
    }
}
