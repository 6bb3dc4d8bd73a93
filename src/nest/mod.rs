//! Stage 5: nest the heading lines of one speech into its outline.
//!
//! Levels are inferred from each speech, never read from a fixed table: speeches mix families and
//! put the same family at different depths. Nesting is a small transition system:
//!
//! 1. **Items** (`items.rs`): each marker line with the facts placing it needs (its kind of list,
//!    whether it is a title line, where its paragraph ends, its lead-in, whether it stands in a
//!    notes block). Item evidence drops marker lines that are not headings (a lone 首先, 三、四十年前,
//!    a closing 最后，预祝…, a table row, a wrapped line).
//! 2. **Moves** (`search.rs`): an item can go under any open frame (the speech, or an open
//!    heading): continue a list open there, restart it, open a child list under the heading just
//!    before, stand beside it, or climb further out. Each move collects named [`Evidence`].
//! 3. **Weights** (`evidence.rs`, [`Evidence::weight`]): one table; a move's score is the sum of
//!    its evidence's weights, and the best move wins (ties go to the deeper frame).
//! 4. **Search**: greedy, or a beam over readings (`BEAM_WIDTH`, 1 today: see its doc). Scope breaks in the lines
//!    between items (a mid-speech 同志们！, a short unpunctuated section title) close open frames
//!    (a section title only as evidence: numbering that goes on across it keeps its level).
//! 5. **Explain**: with [`NestOptions::explain`], every heading keeps its move, its evidence and
//!    its margin over the runner-up ([`Explanation`]); every heading records the list it joined.
//!
//! Then the tree is built bottom-up without recursion; a list whose lead-in announces a count
//! (讲四点意见：) is gathered under a group node, and with `--inline` the points a heading's
//! paragraph runs in become its inline children. Depth is capped at [`MAX_DEPTH`] and every
//! look-ahead is bounded, so the pass stays linear on hostile input.

mod evidence;
mod items;
mod search;

pub use evidence::{Evidence, Found, Weights};
pub use search::{Alternative, Explanation, Move, Weighed};

use crate::clean::{Line, ends_sentence, is_title_like};
use crate::marker::{Family, ListKind, Marker, recognize_inline};
use crate::outline::Heading;
use items::Item;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// How to build headings.
#[derive(Debug, Clone, Copy, Default)]
pub struct NestOptions {
    /// Put each heading's whole paragraph in `body`.
    pub body: bool,
    /// Add the points a heading's paragraph runs in (一是…二是…) as children marked `inline`.
    pub inline: bool,
    /// Record on each heading why it stands where it does (`--explain`).
    pub explain: bool,
    /// The weight table; `None` is [`Weights::default`].
    pub weights: Option<Weights>,
}

/// How many readings the search keeps at each item; 1 is the greedy pass. Wider beams are
/// implemented but lower every folder's accuracy: the weights are set by hand, not
/// log-probabilities, so the summed scores of two readings are not comparable (a reading that
/// continues more lists collects more).
pub(crate) const BEAM_WIDTH: usize = 1;

/// The deepest outline tigang builds. Real speeches use four or five levels; anything past this
/// is kept at this depth (a documented limit, so that no input can make the tree, or the
/// recursion of the YAML and JSON writers over it, grow without bound).
pub const MAX_DEPTH: usize = 32;

/// Build the outline of the speech on `lines[range]`.
///
/// ```
/// use tigang::clean::{clean, CleanOptions};
/// use tigang::nest::{nest, NestOptions};
/// let text = "二、抓住工作重点\n各单位要提高站位。\n一要坚持学习。内容。\n二要巩固舆论。内容。\n三、加强领导\n";
/// let lines = clean(text, CleanOptions::default());
/// let outline = nest(&lines, 0..lines.len(), NestOptions::default());
/// assert_eq!(outline.len(), 2);
/// assert_eq!(outline[0].children.len(), 2);
/// assert_eq!(outline[0].children[1].title, "巩固舆论");
/// ```
pub fn nest(lines: &[Line], range: std::ops::Range<usize>, opts: NestOptions) -> Vec<Heading> {
    nest_explained(lines, range, opts).0
}

/// A marker line that is not a heading, and the evidence that says so (`--explain`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dropped {
    /// The 1-based line.
    pub line: usize,
    /// The marker as written.
    pub marker: String,
    /// Why it is not a heading.
    pub evidence: Vec<Evidence>,
}

/// [`nest`], and the marker lines it did not take as headings, with the reason for each.
pub(crate) fn nest_explained(
    lines: &[Line],
    range: std::ops::Range<usize>,
    opts: NestOptions,
) -> (Vec<Heading>, Vec<Dropped>) {
    let weights = opts.weights.unwrap_or_default();
    let (items, dropped) = items::items(lines, range.clone(), &weights);
    let dropped = dropped
        .into_iter()
        .map(|(i, evidence)| Dropped {
            line: lines[i].number,
            marker: lines[i]
                .marker
                .as_ref()
                .map_or(String::new(), |m| m.text.clone()),
            evidence,
        })
        .collect();
    let ctx = search::Context {
        lines,
        items: &items,
        weights: &weights,
        range_start: range.start,
    };
    let placements = search::place(&ctx, BEAM_WIDTH, opts.explain);
    (
        build_tree(lines, &items, placements, range.end, opts),
        dropped,
    )
}

/// A line between headings that closes open headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ScopeBreak {
    /// 同志们！ / 各位代表！ mid-speech: the innermost open heading ends.
    Address,
    /// A short unpunctuated title line (名词解释): the open headings end, unless the numbering
    /// goes on across it (see [`Evidence::AcrossSectionTitle`]).
    SectionTitle,
}

/// The scope break line `i` makes, if any.
pub(super) fn scope_break(lines: &[Line], i: usize) -> Option<ScopeBreak> {
    let line = &lines[i];
    if line.is_empty() || line.continues {
        return None;
    }
    let text = line.text.as_ref();
    // A title does not hang on the line before it: after …发展的, 主要目标 is a broken phrase.
    let prev = (0..i).rev().find(|&j| !lines[j].is_empty());
    let after_dangling = prev.is_some_and(|j| ends_dangling(&lines[j].text));
    if is_mid_speech_address(text) {
        Some(ScopeBreak::Address)
    } else if is_section_title(text) && !ends_dangling(text) && !after_dangling {
        Some(ScopeBreak::SectionTitle)
    } else {
        None
    }
}

/// The text stops on a word that needs what follows (的 和 与 及 对 把 …): a phrase broken off.
fn ends_dangling(text: &str) -> bool {
    text.trim_end().ends_with([
        '的', '和', '与', '與', '及', '或', '对', '對', '把', '将', '將', '在', '从', '從', '向',
        '为', '為', '是',
    ])
}

/// 同志们！ / 各位代表！ opening a new part of the speech.
fn is_mid_speech_address(text: &str) -> bool {
    [
        "同志们！",
        "同志們！",
        "各位代表！",
        "同志们!",
        "同志們!",
        "各位代表!",
    ]
    .iter()
    .any(|a| text.starts_with(a))
}

/// A short unpunctuated line between paragraphs: 名词解释, 十四件大事.
fn is_section_title(text: &str) -> bool {
    is_title_like(text)
        && !ends_sentence(text)
        && !text.starts_with(['（', '(', '[', '【', '〔', '.', '…', '—'])
        && text.chars().any(crate::clean::is_han)
}

/// Turn the candidates and their parents into the heading tree, without recursion. Lists that a
/// lead-in announces (讲四点意见：) are gathered under a group node carrying the lead-in.
fn build_tree(
    lines: &[Line],
    cands: &[Item<'_>],
    placements: Vec<search::Placement>,
    end: usize,
    opts: NestOptions,
) -> Vec<Heading> {
    let parents: Vec<Option<usize>> = placements.iter().map(|p| p.parent).collect();
    let mut placements = placements;
    let groups: HashMap<usize, Group> = announced_groups(lines, cands, &parents)
        .into_iter()
        .map(|g| (g.first, g))
        .collect();
    let mut children: Vec<Vec<(usize, Heading)>> = (0..cands.len()).map(|_| Vec::new()).collect();
    let mut top = Vec::new();
    // Children come after their parent, so walking backwards finishes every subtree before its
    // parent is taken.
    for k in (0..cands.len()).rev() {
        // Built here, not up front, so that no second copy of the headings is ever alive.
        // The heading's body runs to the next heading line (of any level) or the speech's end.
        let body_end = cands.get(k + 1).map_or(end, |c| c.line);
        let mut h = heading(lines, &cands[k], body_end, opts);
        h.list = u32::try_from(placements[k].list).ok();
        h.why = placements[k].why.take().map(Box::new);
        let mut kids = std::mem::take(&mut children[k]);
        kids.reverse();
        h.children.extend(group(kids, &groups));
        match parents[k] {
            Some(p) => children[p].push((k, h)),
            None => top.push((k, h)),
        }
    }
    top.reverse();
    group(top, &groups)
}

/// A list announced by the paragraph before it: its first item, the lead-in and the count.
struct Group {
    first: usize,
    line: usize,
    intro: String,
    announced: u32,
}

/// Wrap each announced list among `siblings` (candidate index, heading) in a group node.
fn group(siblings: Vec<(usize, Heading)>, groups: &HashMap<usize, Group>) -> Vec<Heading> {
    if groups.is_empty() {
        return siblings.into_iter().map(|(_, h)| h).collect();
    }
    let mut out: Vec<Heading> = Vec::with_capacity(siblings.len());
    let mut open: Option<(Option<Family>, Heading)> = None;
    for (k, h) in siblings {
        if let Some(g) = groups.get(&k) {
            if let Some((_, node)) = open.take() {
                out.push(node);
            }
            let node = Heading::group(g.line, g.intro.clone(), g.announced, vec![h]);
            open = Some((node.children[0].family(), node));
            continue;
        }
        match &mut open {
            Some((family, node)) if h.family() == *family && h.number() != Some(1) => {
                node.children.push(h)
            }
            _ => {
                if let Some((_, node)) = open.take() {
                    out.push(node);
                }
                out.push(h);
            }
        }
    }
    if let Some((_, node)) = open {
        out.push(node);
    }
    out
}

static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([一二三四五六七八九十两兩]{1,3}|\d{1,2})\s*(点|點|个方面|個方面|方面|个问题|個問題|条|條|项|項|件事|个特点|個特點)")
        .expect("valid")
});

/// The last sentence of the paragraph that ends on line `prev`, and what it says of the list
/// that follows: how many points it announces (讲四点意见：, 把握好5个方面：) and whether it ends
/// with a colon.
pub(super) struct LeadIn {
    /// The sentence, with its colon but without a full stop.
    pub sentence: String,
    /// The number of points it announces (two or more).
    pub count: Option<u32>,
    /// It ends with a colon: the list it opens follows.
    pub colon: bool,
}

/// The lead-in on line `prev` (an index into `lines`), when the line holds text.
pub(super) fn lead_in(lines: &[Line], prev: usize) -> Option<LeadIn> {
    let last = &lines[prev].text;
    // Most paragraphs lead in to nothing: a cheap look at the last line first.
    let may_lead = last.ends_with(['：', ':'])
        || last.contains(['点', '點', '面', '题', '題', '条', '條', '项', '項', '件']);
    if lines[prev].is_empty() || !may_lead {
        return None;
    }
    let mut start = prev;
    while start > 0 && lines[start].continues {
        start -= 1;
    }
    let paragraph: String = lines[start..=prev]
        .iter()
        .map(|l| l.text.as_ref())
        .collect();
    let sentence = last_sentence(&paragraph);
    // 第三个方面 is an ordinal, not a count.
    let count = ANNOUNCED
        .captures_iter(sentence)
        .find(|m| !sentence[..m.get(0).map_or(0, |g| g.start())].ends_with('第'))
        .and_then(|m| crate::marker::han_value(&m[1]).or_else(|| m[1].parse().ok()))
        .filter(|&n| n >= 2);
    Some(LeadIn {
        colon: sentence.ends_with(['：', ':']),
        sentence: sentence.to_string(),
        count,
    })
}

/// Find the lists whose first item follows a lead-in that announces how many points come.
fn announced_groups(lines: &[Line], cands: &[Item<'_>], parents: &[Option<usize>]) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut last_child: HashMap<Option<usize>, usize> = HashMap::new();
    for (k, c) in cands.iter().enumerate() {
        let previous_sibling = last_child.insert(parents[k], k);
        let first_of_list =
            c.marker.number == Some(1) || previous_sibling.is_none_or(|j| cands[j].kind != c.kind);
        if !first_of_list {
            continue;
        }
        // The lead-in is the paragraph just before the first item, when it is not a heading's.
        let Some(prev) = (0..c.line).rev().find(|&j| !lines[j].is_empty()) else {
            continue;
        };
        let in_other_heading = k > 0 && cands[k - 1].para_end >= prev && parents[k] != Some(k - 1);
        if in_other_heading {
            continue;
        }
        let Some(lead) = lead_in(lines, prev) else {
            continue;
        };
        let sentence = lead.sentence;
        let count = lead.count;
        if let Some(announced) = count {
            groups.push(Group {
                first: k,
                line: lines[prev].number,
                intro: sentence,
                announced,
            });
        }
    }
    groups
}

/// The last sentence of a paragraph, with its colon but without a full stop.
fn last_sentence(paragraph: &str) -> &str {
    let body = paragraph.trim_end_matches(['。', '！', '!', '；', ';']);
    let start = body
        .rfind(['。', '！', '？', '；', '!', '?', ';'])
        .map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
    body[start..].trim_start_matches(['，', ','])
}

/// The text of a heading's paragraph after its marker, its broken lines joined.
pub(super) fn paragraph(lines: &[Line], line: usize, marker_end: usize, para_end: usize) -> String {
    let mut text = lines[line].text[marker_end..].trim_start().to_string();
    for l in &lines[line + 1..=para_end] {
        text.push_str(&l.text);
    }
    text
}

fn heading(lines: &[Line], c: &Item<'_>, body_end: usize, opts: NestOptions) -> Heading {
    let paragraph = paragraph(lines, c.line, c.marker.end, c.para_end);
    let line = lines[c.line].number;
    let children = if opts.inline {
        let after_title = first_sentence(&paragraph).len();
        let mut points = inline_points(&paragraph, after_title, line);
        // A title sentence that is itself the list (存在三个问题：一是…，二是…。) runs its points in
        // after its colon.
        if points.is_empty()
            && let Some(colon) = paragraph[..after_title].find(['：', ':'])
        {
            points = inline_points(&paragraph, colon, line);
        }
        // The body paragraphs under the heading (a title line's 各部门要配合。一是…二是…) run in
        // points too; each paragraph is one list.
        let mut i = c.para_end + 1;
        while i < body_end.min(lines.len()) {
            let start = i;
            i += 1;
            while i < body_end.min(lines.len()) && lines[i].continues {
                i += 1;
            }
            if lines[start].is_empty() {
                continue;
            }
            let text: String = lines[start..i].iter().map(|l| l.text.as_ref()).collect();
            points.extend(inline_points(&text, 0, lines[start].number));
        }
        points
    } else {
        Vec::new()
    };
    Heading {
        body: opts.body.then(|| paragraph.clone()),
        children,
        ..Heading::point(
            line,
            c.marker.text.clone(),
            c.marker.family,
            c.marker.number,
            first_sentence(&paragraph).to_string(),
        )
    }
}

/// The points a paragraph runs in from byte `from` on (a heading's, after its title: 二要强化责任。
/// 一是知责。……二是履责……), each after a stop or comma. Only a sequence of one family that starts
/// at one and counts up is taken. A point's title ends at its sentence's end or where the next
/// point starts (一是人手不足，二是经费分散).
fn inline_points(paragraph: &str, from: usize, line: usize) -> Vec<Heading> {
    let mut found: Vec<Marker> = Vec::new();
    let mut at = from;
    // A body paragraph may open on its first point (from 0); a heading's runs on after its title.
    let mut at_start = from == 0;
    while at < paragraph.len() {
        if !at_start {
            let Some(c) = paragraph[at..].chars().next() else {
                break;
            };
            at += c.len_utf8();
            if !matches!(c, '。' | '；' | '：' | '！' | '？' | '，' | ';' | ':' | ',') {
                continue;
            }
        }
        at_start = false;
        if let Some(mut m) = recognize_inline(&paragraph[at..]) {
            let expected = found.last().map_or(Some(1), |p| p.number.map(|n| n + 1));
            let same = found
                .last()
                .is_none_or(|p| ListKind::of(p) == ListKind::of(&m) || p.family == Family::Aspect);
            if m.number == expected && same {
                m.start += at;
                m.end += at;
                found.push(m);
            } else if m.number == Some(1) && found.len() < 2 {
                found.clear();
                m.start += at;
                m.end += at;
                found.push(m);
            }
        }
    }
    if found.len() < 2 {
        return Vec::new();
    }
    let ends: Vec<usize> = found
        .iter()
        .skip(1)
        .map(|m| m.start)
        .chain([paragraph.len()])
        .collect();
    found
        .iter()
        .zip(ends)
        .map(|(m, end)| Heading {
            inline: true,
            ..Heading::point(
                line,
                m.text.clone(),
                m.family,
                m.number,
                first_sentence(paragraph[m.end..end].trim())
                    .trim_end_matches(['，', ',', '、', '：', ':', '；', ';'])
                    .to_string(),
            )
        })
        .collect()
}

/// The longest title kept, in bytes: a "sentence" longer than this is a runaway line, not a
/// title (hostile input can be one 50 MB line).
const MAX_TITLE_BYTES: usize = 3000;

/// The text up to the end of its first sentence (。！？；), without the terminator, and at most
/// `MAX_TITLE_BYTES` long.
pub(crate) fn first_sentence(text: &str) -> &str {
    let limit = (MAX_TITLE_BYTES..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let text = &text[..limit];
    let mut from = 0;
    while let Some(i) = text[from..].find(['。', '！', '？', '；', '!', '?', ';']) {
        let at = from + i;
        // An HTML entity left by a scraper (R&amp;D, &#12290;) ends on ';' but ends no sentence.
        if text.as_bytes()[at] == b';' && ends_entity(&text[..at]) {
            from = at + 1;
            continue;
        }
        return &text[..at];
    }
    text
}

/// `before` ends with the body of an HTML entity: `&amp`, `&#38`, `&#x26`.
fn ends_entity(before: &str) -> bool {
    let Some(amp) = before.rfind('&') else {
        return false;
    };
    let name = &before[amp + 1..];
    let numeric = name.strip_prefix('#').is_some_and(|n| {
        let n = n.strip_prefix(['x', 'X']).map_or(n, |h| h);
        !n.is_empty() && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_hexdigit())
    });
    let named =
        !name.is_empty() && name.len() <= 8 && name.bytes().all(|b| b.is_ascii_alphabetic());
    numeric || named
}

#[cfg(test)]
mod tests {
    //! One test per kind of evidence: a minimal text where it holds for the heading (or the
    //! dropped marker line) on a given line, and one where it does not.

    use super::*;
    use crate::clean::{CleanOptions, clean};

    /// The evidence on line `n` (1-based): (of the move chosen, of every move weighed) for its
    /// heading, or what dropped it (both).
    fn evidence_at(text: &str, n: usize) -> (Vec<Evidence>, Vec<Evidence>) {
        let lines = clean(text, CleanOptions::default());
        let opts = NestOptions {
            explain: true,
            ..NestOptions::default()
        };
        let (outline, dropped) = nest_explained(&lines, 0..lines.len(), opts);
        if let Some(d) = dropped.iter().find(|d| d.line == n) {
            return (d.evidence.clone(), d.evidence.clone());
        }
        let mut stack: Vec<&Heading> = outline.iter().collect();
        while let Some(h) = stack.pop() {
            if h.line == n
                && !h.is_group()
                && let Some(why) = &h.why
            {
                let chosen: Vec<Evidence> = why.evidence.iter().map(|w| w.evidence).collect();
                let others = why.alternatives.iter().flat_map(|r| &r.evidence);
                let all = chosen.iter().copied().chain(others.map(|w| w.evidence));
                return (chosen.clone(), all.collect());
            }
            stack.extend(&h.children);
        }
        panic!("line {n} is neither a heading nor a dropped marker line")
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path).expect("fixture")
    }

    /// (kind, text where it holds, its line, text where it does not, its line)
    fn cases() -> Vec<(Evidence, String, usize, String, usize)> {
        let s = |t: &str| t.to_string();
        vec![
            (
                Evidence::NumberFollows,
                s("一、甲\n二、乙\n"),
                2,
                s("一、甲\n五、乙\n"),
                2,
            ),
            (
                Evidence::NumberSkipsOne,
                s("一、甲\n三、乙\n"),
                2,
                s("一、甲\n二、乙\n"),
                2,
            ),
            (
                Evidence::RestartAtOne,
                s("一是甲。内容。\n二是乙。内容。\n这是一段话。\n一是丙。内容。\n"),
                4,
                s("一是甲。内容。\n二是乙。内容。\n"),
                2,
            ),
            (
                Evidence::WrongNumber,
                s("一、甲\n五、乙\n"),
                2,
                s("一、甲\n二、乙\n"),
                2,
            ),
            (
                Evidence::ParentTitleOnly,
                s("一、总体要求\n（一）学习。内容。\n"),
                2,
                s("一、总体要求。这是正文。\n（一）学习。内容。\n"),
                2,
            ),
            (
                Evidence::RestartUnderTitle,
                fixture("restart_under_a_title_line.txt"),
                2,
                fixture("restart_beside.txt"),
                4,
            ),
            (
                Evidence::ParentListResumes,
                s("一、甲。内容。\n（一）子。内容。\n二、乙。内容。\n"),
                2,
                s("一、甲。内容。\n（一）子。内容。\n"),
                2,
            ),
            (
                Evidence::ParentEndsInColon,
                s("一、甲。主要有：\n1.子。内容。\n"),
                2,
                s("一、甲。主要有。\n1.子。内容。\n"),
                2,
            ),
            (
                Evidence::PairNestedBefore,
                s("一、甲。内容。\n（一）子。内容。\n二、乙。内容。\n（一）丑。内容。\n"),
                4,
                s("一、甲。内容。\n（一）子。内容。\n二、乙。内容。\n"),
                2,
            ),
            (
                Evidence::PairNestedTheOtherWay,
                fixture("first_number_typed_for_the_second.txt"),
                4,
                fixture("first_number_typed_for_the_second.txt"),
                3,
            ),
            (
                Evidence::NewListBeside,
                s("一、甲。内容很长。\n1.乙。内容。\n"),
                2,
                s("一、甲\n1.乙。内容。\n"),
                2,
            ),
            (
                Evidence::LookAlikeSlip,
                s("（一）甲。内容。\n（二）乙。内容。\n(3)丙。内容。\n"),
                3,
                s("（一）甲。内容。\n（二）乙。内容。\n(1)丙。内容。\n"),
                3,
            ),
            (
                Evidence::RunInListContinues,
                fixture("run_in_first_point_then_line_points.txt"),
                9,
                fixture("run_in_first_point_then_line_points.txt"),
                5,
            ),
            (
                Evidence::SlipIntoOpenList,
                fixture("slip_into_a_look_alike_list.txt"),
                10,
                fixture("slip_into_a_look_alike_list.txt"),
                9,
            ),
            (
                Evidence::LastTopic,
                fixture("last_topic_after_a_full_nested_list.txt"),
                17,
                s("首先，甲。内容。\n其次，乙。内容。\n最后，丙。内容。\n"),
                3,
            ),
            (
                Evidence::AcrossSectionTitle,
                fixture("section_title_closes_what_came_before.txt"),
                10,
                fixture("section_title_closes_what_came_before.txt"),
                5,
            ),
            (
                Evidence::ListAlreadyFull,
                fixture("last_topic_after_a_full_nested_list.txt"),
                17,
                s("首先，甲。内容。\n其次，乙。内容。\n最后，丙。内容。\n"),
                3,
            ),
            (
                Evidence::LeadInInsideSection,
                fixture("lead_in_inside_a_section.txt"),
                5,
                fixture("lead_in_inside_a_section.txt"),
                6,
            ),
            (
                Evidence::ParentCountedPoint,
                fixture("counted_point_with_its_own_list.txt"),
                13,
                fixture("counted_point_with_its_own_list.txt"),
                15,
            ),
            (
                Evidence::NotLoneFirstPoint,
                s("首先，我代表县委表示祝贺。\n一、甲\n"),
                1,
                s("首先，甲。内容。\n一要丑。内容。\n其次，乙。内容。\n"),
                1,
            ),
            (
                Evidence::NotLoneAdverb,
                fixture("lone_markers_open_no_list.txt"),
                1,
                s("首先，甲。内容。\n其次，乙。内容。\n最后，丙。内容。\n"),
                3,
            ),
            (
                Evidence::NotLoneCounted,
                fixture("lone_markers_open_no_list.txt"),
                4,
                s("第一个，甲。内容。\n第二个，乙。内容。\n"),
                1,
            ),
            (
                Evidence::NotLoneDecimal,
                fixture("decimal_date_is_not_a_heading.txt"),
                2,
                fixture("decimal_outline_numbers.txt"),
                2,
            ),
            (
                Evidence::NotDashTitleLine,
                fixture("lone_markers_open_no_list.txt"),
                2,
                s("——发展质量稳步提升。内容。\n——民生福祉持续增进。内容。\n"),
                1,
            ),
            (
                Evidence::NotInNotesBlock,
                fixture("notes_block_after_text.txt"),
                15,
                fixture("notes_block_after_text.txt"),
                7,
            ),
            (
                Evidence::NotClosingWish,
                fixture("closing_wish_is_not_a_point.txt"),
                7,
                s("首先，甲。内容。\n其次，乙。内容。\n最后，要加强领导。内容。\n"),
                3,
            ),
            (
                Evidence::NotApproximateNumber,
                fixture("approximate_numbers_are_not_headings.txt"),
                4,
                fixture("approximate_numbers_are_not_headings.txt"),
                5,
            ),
            (
                Evidence::NotSpeakerLine,
                s("1. 王大文議員：主席，我想問局長。\n"),
                1,
                s("1.加强学习。内容。\n2.狠抓落实。内容。\n"),
                1,
            ),
            (
                Evidence::NotTableRow,
                fixture("table_rows_are_not_headings.txt"),
                5,
                fixture("table_rows_are_not_headings.txt"),
                3,
            ),
            (
                Evidence::NotWrappedLine,
                fixture("wrapped_text_lines_that_look_like_points.txt"),
                11,
                fixture("wrapped_text_heading_right_after_a_full_line.txt"),
                7,
            ),
        ]
    }

    #[test]
    fn every_kind_of_evidence_has_a_case() {
        let covered: Vec<Evidence> = cases().iter().map(|c| c.0).collect();
        for e in Evidence::ALL {
            assert!(covered.contains(&e), "no case for {e}");
        }
    }

    /// A kind holds when some move weighed for the line carries it, and is absent when the move
    /// chosen does not.
    #[test]
    fn each_kind_holds_where_it_should_and_not_elsewhere() {
        for (e, yes, at, no, no_at) in cases() {
            let (_, all) = evidence_at(&yes, at);
            assert!(all.contains(&e), "{e} should hold on line {at}: {all:?}");
            let (chosen, _) = evidence_at(&no, no_at);
            assert!(
                !chosen.contains(&e),
                "{e} should not decide line {no_at}: {chosen:?}"
            );
        }
    }
}
