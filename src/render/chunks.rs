//! Passages for retrieval (`--format chunks`): the text of each speech cut at its headings, each
//! passage with the path of headings above it, the speech's header and its offsets in the decoded
//! text. A passage never runs across two sections and holds at most `max_chars` characters, cut
//! at sentence ends (inside a sentence only when one sentence alone is longer).

use crate::Document;
use crate::render::rows::{Offsets, layout};
use serde::Serialize;
use std::io::{self, Write};

/// The bound when none is given: about a page of Chinese, small enough for an embedding model's
/// context.
pub const DEFAULT_MAX_CHARS: usize = 800;

/// One passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chunk {
    /// The input, as named in the outline.
    pub source: String,
    /// The speech's 1-based index in its input.
    pub speech: usize,
    /// The speech's title.
    pub speech_title: Option<String>,
    /// The speech's subtitle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// The speech's date as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The same date as ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    /// The speaker line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The path (as in the rows, `2.3.1`) of the point whose section the passage is in; empty
    /// for the text before the first point.
    pub path: String,
    /// The headings above the passage, outermost first, marker and title (`一、提高认识`).
    pub headings: Vec<String>,
    /// The passage's 1-based place among the passages of its section.
    pub part: usize,
    /// The passage's text, exactly as it stands in the decoded text.
    pub text: String,
    /// Where the passage starts in the decoded text, in bytes.
    pub byte_start: usize,
    /// Where it ends, in bytes (exclusive).
    pub byte_end: usize,
    /// `byte_start` in characters.
    pub char_start: usize,
    /// `byte_end` in characters.
    pub char_end: usize,
}

/// Where `text` may be cut: after a sentence's end (with the closing quotes or brackets that
/// follow it) and after a line break. Byte offsets into `text`, ascending, ending with its length.
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | '…' | '\n') {
            while let Some(&(j, d)) = chars.peek() {
                if matches!(
                    d,
                    '”' | '’' | '」' | '』' | '）' | ')' | '"' | '…' | '\n' | '\r'
                ) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            ends.push(end);
        }
    }
    if ends.last() != Some(&text.len()) {
        ends.push(text.len());
    }
    ends
}

/// Cut `text` into pieces of at most `max` characters at the cuts of [`sentence_ends`]; a
/// sentence longer than `max` is cut every `max` characters. Byte ranges into `text`.
fn pieces(text: &str, max: usize) -> Vec<(usize, usize)> {
    let max = max.max(1);
    let mut out = Vec::new();
    let (mut start, mut len) = (0usize, 0usize);
    let mut at = 0usize;
    for end in sentence_ends(text) {
        let sentence = &text[at..end];
        let n = sentence.chars().count();
        if len + n > max && len > 0 {
            out.push((start, at));
            start = at;
            len = 0;
        }
        if n > max {
            // One sentence alone is too long: cut it by characters.
            let mut from = at;
            for (k, (i, _)) in sentence.char_indices().enumerate() {
                if k > 0 && k % max == 0 {
                    out.push((from, at + i));
                    from = at + i;
                }
            }
            start = from;
            len = text[from..end].chars().count();
        } else {
            len += n;
        }
        at = end;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// The passages of every speech of `x`, in document order.
///
/// ```
/// let x = tigang::extract("同志们：\n一、学习。读原文。\n二、落实。\n", &Default::default()).unwrap();
/// let chunks = tigang::render::chunks::chunks(&x, 5);
/// let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
/// assert_eq!(texts, ["同志们：", "一、学习。", "读原文。", "二、落实。"]);
/// assert_eq!(chunks[2].headings, ["一、学习"]);
/// ```
pub fn chunks(x: &Document, max_chars: usize) -> Vec<Chunk> {
    let text = x.text.as_str();
    let offsets = Offsets::new(text);
    let mut out = Vec::new();
    for speech in layout(x) {
        let s = speech.speech;
        // (tree depth, label, path) of the points open above the current node.
        let mut open: Vec<(usize, String, String)> = Vec::new();
        // The speech's own text before its first node, then each node's own text: from its start
        // to the next node's (its first child's, or the next section's).
        let first = speech.nodes.first().map_or(speech.end, |n| n.start);
        let mut sections = vec![(speech.start, first, Vec::new(), String::new())];
        for (i, n) in speech.nodes.iter().enumerate() {
            while open.last().is_some_and(|(d, ..)| *d >= n.tree_depth) {
                open.pop();
            }
            if let Some(path) = &n.path {
                open.push((n.tree_depth, crate::render::label(n.heading), path.clone()));
            }
            let own_end = speech
                .nodes
                .get(i + 1)
                .map_or(speech.end, |next| next.start)
                .max(n.start);
            let headings = open.iter().map(|(_, l, _)| l.clone()).collect();
            let path = open.last().map_or(String::new(), |(.., p)| p.clone());
            sections.push((n.start, own_end, headings, path));
        }
        for (start, end, headings, path) in sections {
            if start >= end {
                continue;
            }
            let mut part = 0;
            for (a, b) in pieces(&text[start..end], max_chars) {
                let piece = &text[start + a..start + b];
                let trimmed = piece.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let lead = piece.len() - piece.trim_start().len();
                let (bs, be) = (start + a + lead, start + a + lead + trimmed.len());
                part += 1;
                out.push(Chunk {
                    source: x.source.clone(),
                    speech: speech.index,
                    speech_title: s.header.title.clone(),
                    subtitle: s.header.subtitle.clone(),
                    date: s.header.date.clone(),
                    date_iso: s.header.date_iso.clone(),
                    speaker: s.header.speaker.clone(),
                    path: path.clone(),
                    headings: headings.clone(),
                    part,
                    text: trimmed.to_string(),
                    byte_start: bs,
                    byte_end: be,
                    char_start: offsets.chars(bs),
                    char_end: offsets.chars(be),
                });
            }
        }
    }
    out
}

/// Write the passages of `x` as JSON Lines.
pub fn write<W: Write>(x: &Document, max_chars: usize, out: &mut W) -> io::Result<()> {
    for c in chunks(x, max_chars) {
        serde_json::to_writer(&mut *out, &c).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_sentence_ends_and_keep_the_bound() {
        let t = "一二三。四五。六七八九十一二。";
        let cut: Vec<&str> = pieces(t, 7).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(cut, ["一二三。四五。", "六七八九十一二", "。"]);
        let cut: Vec<&str> = pieces("甲。“乙。”丙", 10)
            .iter()
            .map(|&(a, b)| &"甲。“乙。”丙"[a..b])
            .collect();
        assert_eq!(cut, ["甲。“乙。”丙"]);
        assert_eq!(sentence_ends("甲。“乙。”丙"), [6, 18, 21]);
    }
}
