//! Stage 5: nest the heading lines of one speech into its outline.
//!
//! Levels are inferred from each speech, never read from a fixed table: speeches mix families and
//! put the same family at different depths. One pass over the flat headings keeps an explicit
//! stack of open frames (the speech itself, then each open heading); every frame remembers the
//! lists opened directly under it, by level key (family, plus the classifier for 第N章 / 第N节 …).
//!
//! For each heading, in order:
//!
//! 1. **A list already open on the current path continues.** If a frame on the stack holds a list
//!    of the same key and the number follows (n+1, or n+2: one lost number is tolerated), the
//!    heading joins that list and everything deeper closes (like reStructuredText's section
//!    underlines: a style already in use returns to its level).
//! 2. **A restart stands beside the old list** (一是…三是, a paragraph, 一是…: two lists at one
//!    level), except right under a title line: `(一)推進工作。` followed by `(一)…(五)` nests them.
//! 3. **A wrong or repeated number stays a sibling** (一要 二要 三是 四要; (3) among (一)(二)(四)).
//! 4. **A family not open yet** nests under the heading just before it (T) when the text says so:
//!    - T is a title line (its marker and a short title fill the line, with no body): 二、 then a
//!      paragraph then 一要…五要;
//!    - T's own list goes on after the new list (第二， (一)…(五) 第三，): the new list is inside;
//!    - T's paragraph ends with a colon and the list follows at once (…发生了如下的变化：);
//!    - the same pair of families was nested earlier in the speech;
//!    - T is a 首先 / 其次 / 再次 point and a list of paragraph points starts on the very next
//!      line: a discourse point is elaborated by the numbered list right under it (其次，…造“势”。
//!      一要明势…). Section titles (一、总体情况) after an opening 首先…其次… stay beside it.
//!
//!    Otherwise the new list stands beside T (—— points, a paragraph, then 一要…三要) — unless
//!    it is a look-alike slip of T's own list ((3) right after (一)(二)), which stays T's sibling.
//!    A new list whose first point is a section title (（一）建立保障机制) does not stand among
//!    paragraph points: it climbs past each one whose own list does not go on after it.
//!    A lone 最后 after a marked list adds a last topic at the top level.
//! 5. **Scope breaks.** A mid-speech `同志们！` / `各位代表！` closes the innermost open heading; a
//!    short unpunctuated section title (名词解释, 十四件大事) closes all of them (numbering may still
//!    continue across it).
//!
//! Heading candidates are refused when they would be misread: a line continuing a broken
//! paragraph (`一、兩年修讀…` after `…在最初`), a lone 首先 that no 其次 or second point follows,
//! a lone 第一个 / 第一件 with no second, a lone —— line that is a title's second line.
//!
//! Then the tree is built bottom-up without recursion; a list whose lead-in announces a count
//! (讲四点意见：) is gathered under a group node, and with `--inline` the points a heading's
//! paragraph runs in become its inline children. Depth is capped at [`MAX_DEPTH`] and every
//! look-ahead is bounded, so the pass stays linear on hostile input.

use crate::clean::{Line, ends_sentence, is_title_like};
use crate::marker::{Family, Marker, recognize_inline};
use crate::outline::Heading;
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How to build headings.
#[derive(Debug, Clone, Copy, Default)]
pub struct NestOptions {
    /// Put each heading's whole paragraph in `body`.
    pub body: bool,
    /// Add the points a heading's paragraph runs in (一是…二是…) as children marked `inline`.
    pub inline: bool,
}

/// The level key of a marker: items with equal keys belong to the same kind of list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key(Family, Option<char>);

impl Key {
    fn of(m: &Marker) -> Key {
        let classifier = match m.family {
            // 第一是 numbers points like 第一，; the classifier tells 第一章 from 第一节, 第一件 from 第一个.
            Family::Counted if m.classifier.as_deref() == Some("是") => None,
            Family::Counted | Family::Part => m.classifier.as_deref().map(normalize_classifier),
            _ => None,
        };
        let family = match m.family {
            Family::Counted if classifier.is_none() => Family::Ordinal,
            f => f,
        };
        Key(family, classifier)
    }
}

/// The classifier as one simplified character: 節 → 节, 部分 → 部.
fn normalize_classifier(c: &str) -> char {
    let first = c.chars().next().unwrap_or(' ');
    match first {
        '節' => '节',
        '點' => '点',
        '條' => '条',
        '個' => '个',
        '項' => '项',
        '編' => '编',
        '講' => '讲',
        '階' => '阶',
        other => other,
    }
}

/// A heading line of the speech, before nesting.
#[derive(Debug)]
struct Candidate<'l> {
    /// Index into the speech's lines.
    line: usize,
    /// The line's marker (borrowed: hostile inputs can be all markers).
    marker: &'l Marker,
    key: Key,
    /// The marker and a short title fill the line: a section title that owns what follows.
    title_only: bool,
    /// Index of the last line of the heading's paragraph.
    para_end: usize,
}

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
    let candidates = candidates(lines, range.clone());
    let parents = assign_parents(lines, range, &candidates);
    build_tree(lines, &candidates, &parents, opts)
}

/// Heading lines of the speech: lines that open with a marker and start a paragraph.
fn candidates<'l>(lines: &'l [Line<'_>], range: std::ops::Range<usize>) -> Vec<Candidate<'l>> {
    let mut found = Vec::new();
    for i in range.clone() {
        let line = &lines[i];
        if line.is_empty() || line.continues {
            continue;
        }
        let Some(marker) = line.marker.as_ref() else {
            continue;
        };
        let title = line.text[marker.end..].trim_start();
        if marker.family == Family::Dash && title.is_empty() {
            continue;
        }
        let para_end = paragraph_end(lines, i, range.end);
        let title_only = is_title_only(&paragraph(lines, i, marker.end, para_end));
        found.push(Candidate {
            line: i,
            key: Key::of(marker),
            marker,
            title_only,
            para_end,
        });
    }
    demote_short_item_runs(lines, &mut found);
    drop_lone_items(lines, found)
}

/// The marker's title fills the line and is short: no sentence ends inside it.
fn is_title_only(title: &str) -> bool {
    let body = title.trim_end_matches(['。', '！', '？', '；', '：', ':', ';', '!', '?']);
    body.chars().count() <= 60 && !body.contains(['。', '！', '？', '；', ';', '!', '?'])
}

fn paragraph_end(lines: &[Line], start: usize, end: usize) -> usize {
    let mut last = start;
    for (j, l) in lines.iter().enumerate().take(end).skip(start + 1) {
        if l.is_empty() {
            continue;
        }
        if !l.continues {
            break;
        }
        last = j;
    }
    last
}

/// Index of the next content line after `i`, if any.
fn next_content(lines: &[Line], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| !lines[j].is_empty())
}

/// One-line items that follow each other (（一）积极援助红军的人民； （二）有利作战的阵地；) are short
/// points of one list, not section titles that own what comes after them.
fn demote_short_item_runs(lines: &[Line], found: &mut [Candidate<'_>]) {
    for k in 0..found.len().saturating_sub(1) {
        let (a, b) = (&found[k], &found[k + 1]);
        let adjacent = next_content(lines, a.para_end) == Some(b.line);
        if adjacent && a.key == b.key && a.title_only && b.title_only {
            found[k].title_only = false;
            found[k + 1].title_only = false;
        }
    }
}

/// Refuse markers that open no list: a lone 首先 (no 其次 or second point after it), a lone
/// 第一个 / 第一件 (no second), a lone 最后 before which nothing was numbered, and a lone short ——
/// line (the second line of a title, not a bullet list).
fn drop_lone_items<'l>(lines: &[Line<'_>], found: Vec<Candidate<'l>>) -> Vec<Candidate<'l>> {
    // Counted once, so that a file of a million —— lines stays linear.
    let mut per_key: HashMap<Key, usize> = HashMap::new();
    for c in &found {
        *per_key.entry(c.key).or_default() += 1;
    }
    let keep: Vec<bool> = (0..found.len())
        .map(|k| {
            let c = &found[k];
            let later = &found[k + 1..];
            match (c.marker.family, c.marker.number) {
                (Family::Adverb, Some(1)) => later.first().is_some_and(|n| {
                    n.marker.family == Family::Adverb || n.marker.number == Some(2)
                }),
                (Family::Adverb, None) => k > 0,
                (Family::Counted | Family::Part, Some(1)) if c.key.1.is_some() => later
                    .iter()
                    .take(LOOKAHEAD)
                    .any(|n| n.key == c.key && n.marker.number == Some(2)),
                (Family::Dash, _) => {
                    let title = lines[c.line].text[c.marker.end..].trim();
                    !is_title_like(title) || per_key[&c.key] > 1
                }
                _ => true,
            }
        })
        .collect();
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// An open list under a frame: its key and the last number seen.
#[derive(Debug)]
struct List {
    key: Key,
    last: Option<u32>,
}

/// An open frame: the speech (heading `None`) or an open heading.
#[derive(Debug)]
struct Frame {
    heading: Option<usize>,
    lists: Vec<List>,
}

impl Frame {
    fn list(&self, key: &Key) -> Option<&List> {
        self.lists.iter().rev().find(|l| &l.key == key)
    }
}

/// True when `n` follows `last` in a list: the next number, or one number lost on the way.
fn follows(last: Option<u32>, n: Option<u32>) -> bool {
    match (last, n) {
        (Some(l), Some(n)) => n == l + 1 || n == l + 2,
        _ => true,
    }
}

/// How far ahead to look for a parent's next item: keeps the pass linear on hostile input.
const LOOKAHEAD: usize = 100;

/// The deepest outline tigang builds. Real speeches use four or five levels; anything past this
/// is kept at this depth (a documented limit, so that no input can make the tree, or the
/// recursion of the YAML and JSON writers over it, grow without bound).
pub const MAX_DEPTH: usize = 32;

/// For each candidate, the index of its parent candidate (`None`: top level).
fn assign_parents(
    lines: &[Line],
    range: std::ops::Range<usize>,
    cands: &[Candidate<'_>],
) -> Vec<Option<usize>> {
    let mut parents = vec![None; cands.len()];
    let mut stack = vec![Frame {
        heading: None,
        lists: Vec::new(),
    }];
    let mut nested_pairs: HashSet<(Key, Key)> = HashSet::new();
    let mut next_line = range.start;
    for (k, c) in cands.iter().enumerate() {
        for line in &lines[next_line..c.line] {
            apply_scope_break(line, &mut stack);
        }
        next_line = c.para_end + 1;

        // Depth is capped (MAX_DEPTH): deeper points stay at the deepest level, so a hostile
        // text cannot build an outline too deep to walk or serialize.
        let at = choose_frame(lines, cands, k, &stack, &nested_pairs).min(MAX_DEPTH - 1);
        stack.truncate(at + 1);
        let frame = &mut stack[at];
        match frame.lists.iter_mut().rev().find(|l| l.key == c.key) {
            Some(list) => list.last = c.marker.number.or(list.last),
            None => frame.lists.push(List {
                key: c.key,
                last: c.marker.number,
            }),
        }
        if let Some(p) = frame.heading {
            nested_pairs.insert((cands[p].key, c.key));
        }
        parents[k] = frame.heading;
        stack.push(Frame {
            heading: Some(k),
            lists: Vec::new(),
        });
    }
    parents
}

/// The index in `stack` of the frame the candidate `k` goes under.
fn choose_frame(
    lines: &[Line],
    cands: &[Candidate<'_>],
    k: usize,
    stack: &[Frame],
    nested_pairs: &HashSet<(Key, Key)>,
) -> usize {
    let c = &cands[k];
    let top = stack.len() - 1;
    let top_heading = stack[top].heading.map(|h| &cands[h]);

    // A lone 最后 after a marked list adds a last topic to the speech's top level.
    if c.marker.family == Family::Adverb
        && c.marker.number.is_none()
        && !stack.iter().any(|f| f.list(&c.key).is_some())
    {
        return 0;
    }

    if let Some(f) = (0..=top).rev().find(|&f| stack[f].list(&c.key).is_some()) {
        let last = stack[f].list(&c.key).and_then(|l| l.last);
        if follows(last, c.marker.number) {
            return f;
        }
        if c.marker.number == Some(1) {
            return match top_heading {
                Some(t) if t.title_only => top,
                _ => f,
            };
        }
        // A wrong number: an outer list it does continue wins, else it stays a sibling.
        return (0..f)
            .rev()
            .find(|&g| {
                stack[g]
                    .list(&c.key)
                    .is_some_and(|l| follows(l.last, c.marker.number))
            })
            .unwrap_or(f);
    }

    let Some(t) = top_heading else { return top };
    // A family mixed into a list: (3) right after (一)(二) is the list's third item, wrongly written.
    if let (Some(n), Some(tn)) = (c.marker.number, t.marker.number)
        && n > 1
        && n == tn + 1
        && look(c.marker.family) == look(t.marker.family)
    {
        return top - 1;
    }
    let nests = t.title_only
        || parent_list_goes_on(cands, k, stack)
        || (ends_with_colon(&lines[t.para_end].text)
            && next_content(lines, t.para_end) == Some(c.line))
        || nested_pairs.contains(&(t.key, c.key))
        || (t.marker.family == Family::Adverb
            && t.marker.number.is_some()
            && c.marker.number == Some(1)
            && !c.title_only
            && next_content(lines, t.para_end) == Some(c.line));
    if nests {
        return top;
    }
    // A section title (a heading that is only its title) does not go beneath paragraph points:
    // it climbs past those whose lists do not go on after it.
    let mut f = top - 1;
    while c.title_only
        && f > 0
        && stack[f].heading.is_some_and(|h| {
            let p = &cands[h];
            !p.title_only && !list_goes_on_after(cands, k, p)
        })
    {
        f -= 1;
    }
    f
}

/// Whether a later point continues the list of `p` (the next number, one lost number tolerated).
fn list_goes_on_after(cands: &[Candidate<'_>], k: usize, p: &Candidate<'_>) -> bool {
    cands
        .iter()
        .skip(k + 1)
        .take(LOOKAHEAD)
        .any(|later| later.key == p.key && follows(p.marker.number, later.marker.number))
}

/// Families that look alike on the page, so a writer slips from one to the other inside a list:
/// bracketed numbers, bare numbers with a separator, ordinals.
fn look(f: Family) -> u8 {
    match f {
        Family::ParenNumeral
        | Family::ParenArabic
        | Family::ArabicClose
        | Family::NumeralClose
        | Family::ParenStem
        | Family::BracketNumeral => 0,
        Family::Numeral | Family::Arabic | Family::Stem | Family::Circled => 1,
        Family::Ordinal | Family::Counted | Family::Qi | Family::Adverb => 2,
        Family::ShiYao => 3,
        Family::Part => 4,
        Family::Dash | Family::Aspect => 5,
    }
}

fn ends_with_colon(text: &str) -> bool {
    text.ends_with(['：', ':'])
}

/// True when the top heading's own list continues after candidate `k`'s list: then `k`'s list
/// is inside it. Stops at any heading that would close the top heading first.
fn parent_list_goes_on(cands: &[Candidate<'_>], k: usize, stack: &[Frame]) -> bool {
    let top = stack.len() - 1;
    let Some(t) = stack[top].heading.map(|h| &cands[h]) else {
        return false;
    };
    if t.marker.number.is_none() {
        return false;
    }
    let below: HashSet<Key> = stack[..top]
        .iter()
        .flat_map(|f| f.lists.iter().map(|l| l.key))
        .collect();
    for later in cands.iter().skip(k + 1).take(LOOKAHEAD) {
        if later.key == t.key {
            return follows(t.marker.number, later.marker.number) && later.marker.number != Some(1);
        }
        if later.key != cands[k].key && below.contains(&later.key) {
            return false;
        }
    }
    false
}

/// Close open headings at a scope break in the lines between two headings.
fn apply_scope_break(line: &Line, stack: &mut Vec<Frame>) {
    if line.is_empty() || line.continues {
        return;
    }
    let text = line.text.as_ref();
    if is_mid_speech_address(text) {
        if stack.len() > 1 {
            stack.pop();
        }
    } else if is_section_title(text) {
        stack.truncate(1);
    }
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
    cands: &[Candidate<'_>],
    parents: &[Option<usize>],
    opts: NestOptions,
) -> Vec<Heading> {
    let groups: HashMap<usize, Group> = announced_groups(lines, cands, parents)
        .into_iter()
        .map(|g| (g.first, g))
        .collect();
    let mut children: Vec<Vec<(usize, Heading)>> = (0..cands.len()).map(|_| Vec::new()).collect();
    let mut top = Vec::new();
    // Children come after their parent, so walking backwards finishes every subtree before its
    // parent is taken.
    for k in (0..cands.len()).rev() {
        // Built here, not up front, so that no second copy of the headings is ever alive.
        let mut h = heading(lines, &cands[k], opts);
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
    let mut open: Option<(Key, Heading)> = None;
    for (k, h) in siblings {
        if let Some(g) = groups.get(&k) {
            if let Some((_, node)) = open.take() {
                out.push(node);
            }
            let node = Heading {
                line: g.line,
                marker: None,
                family: None,
                number: None,
                title: String::new(),
                body: None,
                inline: false,
                intro: Some(g.intro.clone()),
                announced: Some(g.announced),
                children: vec![h],
            };
            open = Some((family_key(&node.children[0]), node));
            continue;
        }
        match &mut open {
            Some((key, node)) if family_key(&h) == *key && h.number != Some(1) => {
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

/// The family of a built heading, for telling where an announced list ends.
fn family_key(h: &Heading) -> Key {
    Key(h.family.unwrap_or(Family::Dash), None)
}

static ANNOUNCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([一二三四五六七八九十两兩]{1,3}|\d{1,2})\s*(点|點|个方面|個方面|方面|个问题|個問題|条|條|项|項|件事|个特点|個特點)")
        .expect("valid")
});

/// Find the lists whose first item follows a lead-in that announces how many points come.
fn announced_groups(
    lines: &[Line],
    cands: &[Candidate<'_>],
    parents: &[Option<usize>],
) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut last_child: HashMap<Option<usize>, usize> = HashMap::new();
    for (k, c) in cands.iter().enumerate() {
        let previous_sibling = last_child.insert(parents[k], k);
        let first_of_list =
            c.marker.number == Some(1) || previous_sibling.is_none_or(|j| cands[j].key != c.key);
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
        let Some(m) = ANNOUNCED
            .captures_iter(sentence)
            .find(|m| !sentence[..m.get(0).map_or(0, |g| g.start())].ends_with('第'))
        else {
            continue;
        };
        let count = crate::marker::han_value(&m[1]).or_else(|| m[1].parse().ok());
        if let Some(announced) = count.filter(|&n| n >= 2) {
            groups.push(Group {
                first: k,
                line: lines[prev].number,
                intro: sentence.to_string(),
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
fn paragraph(lines: &[Line], line: usize, marker_end: usize, para_end: usize) -> String {
    let mut text = lines[line].text[marker_end..].trim_start().to_string();
    for l in &lines[line + 1..=para_end] {
        text.push_str(&l.text);
    }
    text
}

fn heading(lines: &[Line], c: &Candidate<'_>, opts: NestOptions) -> Heading {
    let paragraph = paragraph(lines, c.line, c.marker.end, c.para_end);
    let line = lines[c.line].number;
    let children = if opts.inline {
        inline_points(&paragraph, line)
    } else {
        Vec::new()
    };
    Heading {
        line,
        marker: Some(c.marker.text.clone()),
        family: Some(c.marker.family),
        number: c.marker.number,
        title: first_sentence(&paragraph).to_string(),
        body: opts.body.then(|| paragraph.clone()),
        inline: false,
        intro: None,
        announced: None,
        children,
    }
}

/// The points a paragraph runs in after its first sentence: 二要强化责任。一是知责。……二是履责……
/// Only a sequence of one family that starts at one and counts up is taken.
fn inline_points(paragraph: &str, line: usize) -> Vec<Heading> {
    let after_first = first_sentence(paragraph).len();
    let mut found: Vec<Marker> = Vec::new();
    let mut at = after_first;
    while at < paragraph.len() {
        let rest = &paragraph[at..];
        let Some(c) = rest.chars().next() else { break };
        at += c.len_utf8();
        if !matches!(c, '。' | '；' | '：' | '！' | '？' | '，' | ';' | ':' | ',') {
            continue;
        }
        if let Some(mut m) = recognize_inline(&paragraph[at..]) {
            let expected = found.last().map_or(Some(1), |p| p.number.map(|n| n + 1));
            let same = found
                .last()
                .is_none_or(|p| Key::of(p) == Key::of(&m) || p.family == Family::Aspect);
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
    found
        .iter()
        .map(|m| Heading {
            line,
            marker: Some(m.text.clone()),
            family: Some(m.family),
            number: m.number,
            title: first_sentence(paragraph[m.end..].trim_start()).to_string(),
            body: None,
            inline: true,
            intro: None,
            announced: None,
            children: Vec::new(),
        })
        .collect()
}

/// The longest title kept, in bytes: a "sentence" longer than this is a runaway line, not a
/// title (hostile input can be one 50 MB line).
const MAX_TITLE_BYTES: usize = 3000;

/// The text up to the end of its first sentence (。！？；), without the terminator, and at most
/// `MAX_TITLE_BYTES` long.
pub fn first_sentence(text: &str) -> &str {
    let limit = (MAX_TITLE_BYTES..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let text = &text[..limit];
    match text.find(['。', '！', '？', '；', '!', '?', ';']) {
        Some(at) => &text[..at],
        None => text,
    }
}
