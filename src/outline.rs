//! The domain model every stage hands on: a document holds speeches, a speech holds its outline, an
//! outline is a tree of headings. It serializes to the output contract (YAML and JSON share it) and
//! reads back from it, so saved outlines can be compared later.

use crate::marker::Family;
use serde::{Deserialize, Serialize};

/// One input file and the speeches found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Where the text came from: the path as given, or `-` for standard input.
    pub source: String,
    /// The encoding the bytes were decoded with, e.g. `UTF-8`, `GBK`, `Big5`.
    pub encoding: String,
    /// The speeches of the file, in file order.
    pub speeches: Vec<Speech>,
}

/// One speech (or report, or transcript turn) and its outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speech {
    /// The speech's title line (在全区意识形态工作会议上的讲话), when it has one.
    pub title: Option<String>,
    /// A subtitle such as ——在…会议上的讲话 (or 在…的讲话 under a main title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The date as written under the title or where a report is signed, e.g. （2018年9月20日）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The same date as ISO 8601 (2018-09-20) when it names a whole day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    /// What the date line says after the day: 修改稿 in （2025年4月10日修改稿）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// The speaker line under the title: a name (王晓峰), or an office and a name (市长 龚 正);
    /// in a transcript, the turn's label (王大文議員).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The opening salutation (同志们).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<String>,
    /// The closing formula (谢谢大家).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
    /// First line of the speech (1-based): its title line when it has one.
    pub start_line: usize,
    /// Last line of the speech (1-based, inclusive).
    pub end_line: usize,
    /// The top-level headings.
    pub outline: Vec<Heading>,
    /// What `tigang check` finds in the speech's numbering.
    #[serde(default)]
    pub diagnostics: Vec<crate::check::Diagnostic>,
    /// With `--explain`: the marker lines that are not headings, and why.
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<crate::nest::Dropped>,
    /// With `--explain`: why the speech starts where it does (the evidence at its first line).
    #[serde(
        rename = "start_evidence",
        default,
        skip_deserializing,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_why: Option<Box<crate::split::Start>>,
    /// With `--explain`: lines in the speech with evidence for a start that start none, and what
    /// weighed against them.
    #[serde(default, skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub passed_over: Vec<crate::split::Start>,
}

/// One numbered point, or a group node without a marker that gathers a list.
///
/// Two headings are equal when their saved outlines are: `list` and `why`, which only the
/// nesting stage knows, are left out of the comparison.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Heading {
    /// The 1-based line of the input file the heading stands on.
    pub line: usize,
    /// The marker as written (`（一）`, `一是`); none for a group node.
    pub marker: Option<String>,
    /// The marker's family; none for a group node.
    pub family: Option<Family>,
    /// The marker's number; none for bullets, 最后 and group nodes.
    pub number: Option<u32>,
    /// The text after the marker up to the end of its first sentence.
    pub title: String,
    /// The heading's whole paragraph, with `--body`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// True for a point found inside a paragraph rather than at a line start.
    #[serde(default, skip_serializing_if = "is_false")]
    pub inline: bool,
    /// For a group node: the lead-in sentence that announces the list (讲四点意见).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// For a group node: how many points the lead-in announces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<u32>,
    /// The list the heading joined, as the nesting stage numbered them within the speech (the
    /// checks read it). Not part of the saved outline.
    #[serde(skip)]
    pub list: Option<u32>,
    /// Why the heading stands where it does, with `--explain` (boxed: most outlines carry none,
    /// and hostile ones carry millions of headings).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub why: Option<Box<crate::nest::Explanation>>,
    /// The headings one level down.
    pub children: Vec<Heading>,
}

impl PartialEq for Heading {
    fn eq(&self, o: &Self) -> bool {
        self.line == o.line
            && self.marker == o.marker
            && self.family == o.family
            && self.number == o.number
            && self.title == o.title
            && self.body == o.body
            && self.inline == o.inline
            && self.intro == o.intro
            && self.announced == o.announced
            && self.children == o.children
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Heading {
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
    /// The numbered points of the outline in document order with their depth: group nodes are
    /// passed through and add no depth; inline points are left out unless `with_inline`.
    pub fn points(&self, with_inline: bool) -> Vec<(usize, &Heading)> {
        let mut out = Vec::new();
        let mut stack: Vec<(usize, &Heading)> = self.outline.iter().rev().map(|h| (1, h)).collect();
        while let Some((depth, h)) = stack.pop() {
            if h.inline && !with_inline {
                continue;
            }
            let below = if h.marker.is_some() {
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
