//! The domain model every stage hands on: a document holds speeches, a speech holds its outline, an
//! outline is a tree of headings, each a numbered [`Kind::Point`] or a [`Kind::Group`] that
//! gathers an announced list. The output contract (the YAML and JSON fields) is not these types
//! but their views in [`crate::wire`], so fields here can change without changing the output.

use crate::finding::Finding;
use crate::marker::Family;

/// One input file and the speeches found in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Where the text came from: the path as given, or `-` for standard input.
    pub source: String,
    /// The encoding the bytes were decoded with, e.g. `UTF-8`, `GBK`, `Big5`.
    pub encoding: String,
    /// The speeches of the file, in file order.
    pub speeches: Vec<Speech>,
    /// Problems that did not stop the work, e.g. undecodable bytes.
    pub warnings: Vec<crate::i18n::Warning>,
    /// The decoded text (empty for an outline read back from a saved file): rows, chunks and
    /// compare cut the points' paragraphs from it, and findings show its lines.
    pub text: String,
}

impl Document {
    /// The text of the 1-based line `n` as decoded, before cleaning.
    pub fn source_line(&self, n: usize) -> Option<&str> {
        crate::clean::split_lines(&self.text).nth(n.checked_sub(1)?)
    }
}

/// The header of a speech, read from its first lines (and, for the closing, its last). Missing
/// fields stay `None`: they are never guessed from the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The speech's title line (在全区意识形态工作会议上的讲话), when it has one.
    pub title: Option<String>,
    /// A subtitle such as ——在…会议上的讲话 (or 在…的讲话 under a main title).
    pub subtitle: Option<String>,
    /// The date as written under the title or where a report is signed, e.g. （2018年9月20日）.
    pub date: Option<String>,
    /// The same date as ISO 8601 (2018-09-20) when it names a whole day.
    pub date_iso: Option<String>,
    /// What the date line says after the day: 修改稿 in （2025年4月10日修改稿）.
    pub date_note: Option<String>,
    /// The speaker line under the title: a name (王晓峰), or an office and a name (市长 龚 正);
    /// in a transcript, the turn's label (王大文議員).
    pub speaker: Option<String>,
    /// The opening salutation (同志们).
    pub salutation: Option<String>,
    /// The closing formula (谢谢大家).
    pub closing: Option<String>,
}

/// One speech (or report, or transcript turn) and its outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Speech {
    /// Its header: title, subtitle, date, speaker, salutation and closing, as far as written.
    pub header: Header,
    /// First line of the speech (1-based): its title line when it has one.
    pub start_line: usize,
    /// Last line of the speech (1-based, inclusive).
    pub end_line: usize,
    /// The top-level headings.
    pub outline: Vec<Heading>,
    /// What the numbering check finds (the outputs' `diagnostics`).
    pub findings: Vec<Finding>,
    /// With `--explain`: the marker lines that are not headings, and why.
    pub dropped: Vec<crate::nest::Dropped>,
    /// With `--explain`: why the speech starts where it does (the evidence at its first line;
    /// the outputs' `start_evidence`).
    pub start_why: Option<Box<crate::split::Start>>,
    /// With `--explain`: lines in the speech with evidence for a start that start none, and what
    /// weighed against them.
    pub passed_over: Vec<crate::split::Start>,
}

/// What an outline node is: a numbered point, or a group without a marker that gathers a list
/// its lead-in announces (讲四点意见：… then 一是 … 四是).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A point with its marker.
    Point {
        /// The marker as written (`（一）`, `一是`).
        marker: String,
        /// The marker's family.
        family: Family,
        /// The marker's number; none for bullets and 最后.
        number: Option<u32>,
    },
    /// A group node: its children are the announced list.
    Group {
        /// The lead-in sentence that announces the list (讲四点意见).
        intro: String,
        /// How many points the lead-in announces.
        announced: u32,
    },
}

/// One node of an outline: a numbered point or a group ([`Kind`]), its title and its children.
///
/// Two headings are equal when their saved outlines are: the list a heading joined and `why`,
/// which only the nesting stage knows, are left out of the comparison.
///
/// ```
/// let doc = tigang::extract("一、学习。\n二、落实。\n", &tigang::Options::default()).unwrap();
/// let first = &doc.speeches[0].outline[0];
/// assert_eq!((first.marker(), first.number(), first.title.as_str()), (Some("一、"), Some(1), "学习"));
/// assert!(!first.is_group());
/// ```
#[derive(Debug, Clone)]
pub struct Heading {
    /// The 1-based line of the input file the heading stands on.
    pub line: usize,
    /// A point (with its marker) or a group.
    pub kind: Kind,
    /// The text after the marker up to the end of its first sentence; empty for a group.
    pub title: String,
    /// The heading's whole paragraph, with `--body`.
    pub body: Option<String>,
    /// True for a point found inside a paragraph rather than at a line start.
    pub inline: bool,
    /// The list the heading joined, as the nesting stage numbered them within the speech (the
    /// checks read it). Not part of the saved outline.
    pub(crate) list: Option<u32>,
    /// Why the heading stands where it does, with `--explain` (boxed: most outlines carry none,
    /// and hostile ones carry millions of headings).
    pub why: Option<Box<crate::nest::Explanation>>,
    /// The headings one level down.
    pub children: Vec<Heading>,
}

impl PartialEq for Heading {
    fn eq(&self, o: &Self) -> bool {
        self.line == o.line
            && self.kind == o.kind
            && self.title == o.title
            && self.body == o.body
            && self.inline == o.inline
            && self.children == o.children
    }
}

impl Heading {
    /// A point: `marker` as written, of `family`, numbered `number`.
    pub fn point(
        line: usize,
        marker: String,
        family: Family,
        number: Option<u32>,
        title: String,
    ) -> Heading {
        Heading {
            line,
            kind: Kind::Point {
                marker,
                family,
                number,
            },
            title,
            body: None,
            inline: false,
            list: None,
            why: None,
            children: Vec::new(),
        }
    }

    /// A group whose lead-in `intro` announces `announced` points.
    pub fn group(line: usize, intro: String, announced: u32, children: Vec<Heading>) -> Heading {
        Heading {
            line,
            kind: Kind::Group { intro, announced },
            title: String::new(),
            body: None,
            inline: false,
            list: None,
            why: None,
            children,
        }
    }

    /// The marker as written; none for a group.
    pub fn marker(&self) -> Option<&str> {
        match &self.kind {
            Kind::Point { marker, .. } => Some(marker),
            Kind::Group { .. } => None,
        }
    }

    /// The marker's family; none for a group.
    pub fn family(&self) -> Option<Family> {
        match self.kind {
            Kind::Point { family, .. } => Some(family),
            Kind::Group { .. } => None,
        }
    }

    /// The marker's number; none for bullets, 最后 and groups.
    pub fn number(&self) -> Option<u32> {
        match self.kind {
            Kind::Point { number, .. } => number,
            Kind::Group { .. } => None,
        }
    }

    /// A group's lead-in sentence; none for a point.
    pub fn intro(&self) -> Option<&str> {
        match &self.kind {
            Kind::Group { intro, .. } => Some(intro),
            Kind::Point { .. } => None,
        }
    }

    /// How many points a group's lead-in announces; none for a point.
    pub fn announced(&self) -> Option<u32> {
        match self.kind {
            Kind::Group { announced, .. } => Some(announced),
            Kind::Point { .. } => None,
        }
    }

    /// Whether this is a group node rather than a point.
    pub fn is_group(&self) -> bool {
        matches!(self.kind, Kind::Group { .. })
    }

    /// Every heading of this subtree in document order, with its depth (this heading is depth 1).
    pub fn walk(&self) -> Vec<(usize, &Heading)> {
        let mut out = Vec::new();
        // An explicit stack: outlines from hostile input can be deep.
        let mut stack = vec![(1usize, self)];
        while let Some((depth, h)) = stack.pop() {
            out.push((depth, h));
            for c in h.children.iter().rev() {
                stack.push((depth + 1, c));
            }
        }
        out
    }
}

impl Speech {
    /// A speech with nothing in it, on line 1.
    pub fn empty() -> Speech {
        Speech {
            header: Header::default(),
            start_line: 1,
            end_line: 1,
            outline: Vec::new(),
            findings: Vec::new(),
            dropped: Vec::new(),
            start_why: None,
            passed_over: Vec::new(),
        }
    }

    /// The numbered points of the outline in document order with their depth: group nodes are
    /// passed through and add no depth; inline points are left out unless `with_inline`.
    pub fn points(&self, with_inline: bool) -> Vec<(usize, &Heading)> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, &Heading)> = self.outline.iter().rev().map(|h| (1, h)).collect();
        while let Some((depth, h)) = stack.pop() {
            if h.inline && !with_inline {
                continue;
            }
            let below = if !h.is_group() {
                out.push((depth, h));
                depth + 1
            } else {
                depth
            };
            stack.extend(h.children.iter().rev().map(|c| (below, c)));
        }
        out
    }
}
