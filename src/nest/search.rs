//! Placing the items: for each item, every open frame is a possible place (a [`Move`]); each move
//! collects its [`Evidence`](super::Evidence); a beam over states (the open frames and their
//! lists) keeps the best-scoring paths, and states with the same stack merge, so the cost stays
//! O(items × beam × depth). A beam of width 1 is the greedy pass.

use super::evidence::{Evidence, Found, Weights};
use super::items::{Item, next_content};
use super::{MAX_DEPTH, ScopeBreak, scope_break};
use crate::clean::Line;
use crate::marker::{Family, ListKind, follows, is_look_alike_slip};
use serde::Serialize;

/// Where a heading went, relative to the open frames when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    /// It continued a list open on the path.
    ContinueList,
    /// It restarted (or misnumbered) a list of its kind open at that level.
    RestartList,
    /// It opened a child list under the heading just before it.
    ChildList,
    /// It opened a new list beside the heading just before it.
    Beside,
    /// It opened a new list further out, closing more than one open heading.
    Climb,
    /// It opened a list at the top level with no heading open.
    TopLevel,
}

impl Move {
    /// The name `--explain` prints.
    pub fn name(self) -> &'static str {
        match self {
            Move::ContinueList => "continue_list",
            Move::RestartList => "restart_list",
            Move::ChildList => "child_list",
            Move::Beside => "beside",
            Move::Climb => "climb",
            Move::TopLevel => "top_level",
        }
    }
}

/// One piece of evidence as `--explain` shows it: its kind and its weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weighed {
    /// The kind of evidence.
    pub evidence: Evidence,
    /// Its weight.
    pub weight: f32,
}

/// Why a heading stands where it does: its move, the evidence for it and the margin over the
/// best other place. A small margin is where a reader should look.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The move chosen.
    #[serde(rename = "move")]
    pub chosen: Move,
    /// The evidence that held for it, strongest first.
    pub evidence: Vec<Weighed>,
    /// Its score: the summed weights.
    pub score: f32,
    /// Its lead over the best other move; none when there was no other place.
    pub margin: Option<f32>,
    /// The other places it could have gone, best first, and what held for each.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Alternative>,
}

/// A move the search did not choose, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    /// The move.
    #[serde(rename = "move")]
    pub chosen: Move,
    /// The evidence that held for it, strongest first.
    pub evidence: Vec<Weighed>,
    /// Its score.
    pub score: f32,
}

/// Where each item goes: its parent item and the list it joined (an id unique in the speech).
pub(super) struct Placement {
    pub parent: Option<usize>,
    pub list: usize,
    pub why: Option<Explanation>,
}

/// An open list under a frame: its kind, the last number seen, its id, how many items it has
/// and how many its lead-in announced.
#[derive(Debug, Clone)]
struct List {
    kind: ListKind,
    last: Option<u32>,
    id: usize,
    count: u32,
    announced: Option<u32>,
}

impl List {
    /// Its lead-in announced a count and all the items have come.
    fn full(&self) -> bool {
        self.announced.is_some_and(|a| self.count >= a)
    }
}

/// An open frame: the speech (heading `None`) or an open heading.
#[derive(Debug, Clone)]
struct Frame {
    heading: Option<usize>,
    lists: Vec<List>,
}

impl Frame {
    fn list(&self, kind: ListKind) -> Option<&List> {
        self.lists.iter().rev().find(|l| l.kind == kind)
    }
}

/// One reading of the speech so far.
#[derive(Debug, Clone)]
struct State {
    stack: Vec<Frame>,
    /// Pairs of kinds (parent, child) nested so far.
    nested: Vec<(ListKind, ListKind)>,
    lists_opened: usize,
    /// Frames 1 .. barrier were open when a section title line passed: joining them crosses it.
    barrier: usize,
    score: f32,
    /// The last decision of this path, in the search's arena.
    trail: Option<u32>,
}

impl State {
    /// Same open frames with the same lists: the two paths go on alike, so only the better one
    /// needs keeping.
    fn same_shape(&self, other: &State) -> bool {
        self.stack.len() == other.stack.len()
            && self.stack.iter().zip(&other.stack).all(|(a, b)| {
                a.heading == b.heading
                    && a.lists.len() == b.lists.len()
                    && a.lists.iter().zip(&b.lists).all(|(x, y)| {
                        x.kind == y.kind
                            && x.last == y.last
                            && x.count == y.count
                            && x.announced == y.announced
                    })
            })
            && self.nested == other.nested
            && self.barrier == other.barrier
    }
}

/// A possible place for an item: the frame it goes under and the evidence for it.
#[derive(Debug, Clone, Copy)]
struct Scored {
    frame: usize,
    found: Found,
    score: f32,
}

/// What every move needs to read.
pub(super) struct Context<'a, 'l> {
    pub lines: &'a [Line<'l>],
    pub items: &'a [Item<'a>],
    pub weights: &'a Weights,
    pub range_start: usize,
}

/// Place every item: a beam of `width` states (1: greedy), then the best path replayed to
/// record lists and, with `explain`, the evidence of each choice.
pub(super) fn place(ctx: &Context<'_, '_>, width: usize, explain: bool) -> Vec<Placement> {
    place_by(ctx, width, explain, width <= 1)
}

/// [`place`], choosing greedily or by the beam search (a beam of width 1 must agree with the
/// greedy pass; a test holds it to that).
pub(super) fn place_by(
    ctx: &Context<'_, '_>,
    width: usize,
    explain: bool,
    greedy: bool,
) -> Vec<Placement> {
    let path = if greedy {
        None
    } else {
        Some(beam(ctx, width.max(1)))
    };
    replay(ctx, path.as_deref(), explain)
}

fn start() -> State {
    State {
        stack: vec![Frame {
            heading: None,
            lists: Vec::new(),
        }],
        nested: Vec::new(),
        lists_opened: 0,
        barrier: 0,
        score: 0.0,
        trail: None,
    }
}

/// The beam search: returns the frame chosen for each item on the best path.
fn beam(ctx: &Context<'_, '_>, width: usize) -> Vec<usize> {
    // The arena of decisions: (frame, previous decision).
    let mut arena: Vec<(u32, Option<u32>)> = Vec::new();
    let mut states = vec![start()];
    let mut next_line = ctx.range_start;
    for k in 0..ctx.items.len() {
        let c = &ctx.items[k];
        let mut next: Vec<State> = Vec::with_capacity(states.len() * 2);
        for mut s in states {
            close_scopes(ctx, &mut s, next_line, c.line);
            // Deeper frames first: ties go to the deeper frame, as in the greedy pass.
            for m in moves(ctx, &s, k).into_iter().rev() {
                let mut t = s.clone();
                let at = apply(ctx, &mut t, k, m.frame);
                arena.push((at as u32, t.trail));
                t.trail = Some(arena.len() as u32 - 1);
                t.score += m.score;
                match next.iter_mut().find(|o| o.same_shape(&t)) {
                    Some(o) if o.score >= t.score => {}
                    Some(o) => *o = t,
                    None => next.push(t),
                }
            }
        }
        next.sort_by(|a, b| b.score.total_cmp(&a.score));
        next.truncate(width);
        states = next;
        next_line = c.para_end + 1;
    }
    let mut path = vec![0; ctx.items.len()];
    let mut at = states.first().and_then(|s| s.trail);
    for k in (0..ctx.items.len()).rev() {
        let Some(i) = at else { break };
        let (frame, prev) = arena[i as usize];
        path[k] = frame as usize;
        at = prev;
    }
    path
}

/// Walk the items once more along `path` (or greedily when none), recording each placement.
fn replay(ctx: &Context<'_, '_>, path: Option<&[usize]>, explain: bool) -> Vec<Placement> {
    let mut s = start();
    let mut out = Vec::with_capacity(ctx.items.len());
    let mut next_line = ctx.range_start;
    for k in 0..ctx.items.len() {
        let c = &ctx.items[k];
        close_scopes(ctx, &mut s, next_line, c.line);
        next_line = c.para_end + 1;
        let options = moves(ctx, &s, k);
        let chosen = match path {
            Some(p) => options.iter().find(|m| m.frame == p[k]).copied(),
            None => best(&options),
        };
        let Some(chosen) = chosen else {
            // No move can be missing (frame 0 is always a place); stay at the top to be safe.
            out.push(Placement {
                parent: None,
                list: 0,
                why: None,
            });
            continue;
        };
        let why = explain.then(|| explanation(ctx, &s, &options, &chosen));
        let at = apply(ctx, &mut s, k, chosen.frame);
        let list = s.stack[at].list(c.kind).map_or(0, |l| l.id);
        out.push(Placement {
            parent: s.stack[at].heading,
            list,
            why,
        });
    }
    out
}

/// The best move; ties go to the deeper frame (of several lists that follow, the innermost).
fn best(options: &[Scored]) -> Option<Scored> {
    options
        .iter()
        .copied()
        .reduce(|a, b| if b.score >= a.score { b } else { a })
}

fn explanation(
    ctx: &Context<'_, '_>,
    s: &State,
    options: &[Scored],
    chosen: &Scored,
) -> Explanation {
    let top = s.stack.len() - 1;
    let weighed = |m: &Scored| {
        let mut evidence: Vec<Weighed> = m
            .found
            .kinds()
            .map(|e| Weighed {
                evidence: e,
                weight: ctx.weights.get(e),
            })
            .collect();
        evidence.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
        evidence
    };
    // The other places, best first; on a tie, the deeper one first (as the search breaks ties).
    let mut others: Vec<&Scored> = options.iter().filter(|m| m.frame != chosen.frame).collect();
    others.sort_by(|a, b| b.score.total_cmp(&a.score).then(b.frame.cmp(&a.frame)));
    Explanation {
        chosen: move_of(chosen, top),
        evidence: weighed(chosen),
        score: chosen.score,
        margin: others.first().map(|r| chosen.score - r.score),
        alternatives: others
            .into_iter()
            .map(|r| Alternative {
                chosen: move_of(r, top),
                evidence: weighed(r),
                score: r.score,
            })
            .collect(),
    }
}

fn move_of(m: &Scored, top: usize) -> Move {
    let continues = [
        Evidence::NumberFollows,
        Evidence::NumberSkipsOne,
        Evidence::RunInListContinues,
        Evidence::SlipIntoOpenList,
        Evidence::LookAlikeSlip,
    ]
    .into_iter()
    .any(|e| m.found.has(e));
    let restarts = m.found.has(Evidence::RestartAtOne) || m.found.has(Evidence::WrongNumber);
    match () {
        _ if continues => Move::ContinueList,
        _ if restarts => Move::RestartList,
        _ if top == 0 => Move::TopLevel,
        _ if m.frame == top => Move::ChildList,
        _ if m.frame + 1 == top => Move::Beside,
        _ => Move::Climb,
    }
}

/// Apply the scope breaks (同志们！, a short section title) in the lines before the item.
fn close_scopes(ctx: &Context<'_, '_>, s: &mut State, from: usize, to: usize) {
    for i in from.min(to)..to {
        match scope_break(ctx.lines, i) {
            Some(ScopeBreak::Address) if s.stack.len() > 1 => {
                s.stack.pop();
                s.barrier = s.barrier.min(s.stack.len());
            }
            Some(ScopeBreak::SectionTitle) => s.barrier = s.stack.len(),
            _ => {}
        }
    }
}

/// Put item `k` under the frame `frame` of `s`; returns the frame index actually used (depth is
/// capped at [`MAX_DEPTH`]).
fn apply(ctx: &Context<'_, '_>, s: &mut State, k: usize, frame: usize) -> usize {
    let c = &ctx.items[k];
    // Depth is capped (MAX_DEPTH): deeper points stay at the deepest level, so a hostile text
    // cannot build an outline too deep to walk or serialize.
    let at = frame.min(MAX_DEPTH - 1).min(s.stack.len() - 1);
    s.stack.truncate(at + 1);
    // Once an item is placed, the section title before it has done its work: it closed what
    // the item left, or the numbering went on across it.
    s.barrier = 0;
    let f = &mut s.stack[at];
    match f.lists.iter_mut().rev().find(|l| l.kind == c.kind) {
        Some(list) => {
            list.last = c.marker.number.or(list.last);
            if c.marker.number == Some(1) {
                list.count = 1;
                list.announced = c.announced;
            } else {
                list.count += 1;
            }
        }
        None => {
            s.lists_opened += 1;
            f.lists.push(List {
                kind: c.kind,
                last: c.marker.number,
                id: s.lists_opened,
                count: 1,
                announced: c.announced,
            })
        }
    }
    if let Some(p) = f.heading {
        let pair = (ctx.items[p].kind, c.kind);
        if !s.nested.contains(&pair) {
            s.nested.push(pair);
        }
    }
    s.stack.push(Frame {
        heading: Some(k),
        lists: Vec::new(),
    });
    at
}

/// Every place item `k` could go in state `s`, with its evidence and score.
fn moves(ctx: &Context<'_, '_>, s: &State, k: usize) -> Vec<Scored> {
    let c = &ctx.items[k];
    let n = c.marker.number;
    let top = s.stack.len() - 1;
    let top_item = s.stack[top].heading.map(|h| &ctx.items[h]);

    // Frames that hold a list of this kind: the innermost, and whether any of them follows.
    let lists: Vec<Option<&List>> = s.stack.iter().map(|f| f.list(c.kind)).collect();
    let open: Vec<Option<Option<u32>>> = lists.iter().map(|l| l.map(|l| l.last)).collect();
    let innermost_open = open.iter().rposition(Option::is_some);
    let any_follows = open.iter().any(|l| l.is_some_and(|last| follows(last, n)));
    // A slip of the pen: its own kind of list is open but does not take the number, while the
    // innermost open list of a look-alike family expects exactly it (五、 after （四）、 while
    // 一、 二、 are open further out).
    let slip_frame = match n {
        Some(n) if n > 1 && innermost_open.is_some() && !any_follows => {
            let expecting = |alike: fn(Family, Family) -> bool| {
                s.stack.iter().rposition(|fr| {
                    fr.lists.iter().any(|l| {
                        l.kind != c.kind
                            && l.last == Some(n - 1)
                            && alike(l.kind.family, c.kind.family)
                    })
                })
            };
            // The same numerals in other brackets first (五、 for （五）、), then look-alikes.
            expecting(crate::marker::same_numerals).or_else(|| expecting(crate::marker::look_alike))
        }
        _ => None,
    };

    // 其次，…。第一，…。 then 第二，: the list run into the top heading's paragraph goes on here.
    let run_in_before = match (n, top_item) {
        (Some(n), Some(t)) if n > 1 && !any_follows => runs_in(ctx, t, c.kind, n - 1),
        _ => false,
    };
    // An unnumbered 最后 after a finished (or no) list adds a last topic.
    let last_topic = c.marker.family == Family::Adverb
        && n.is_none()
        && innermost_open.is_none_or(|f| lists[f].is_some_and(List::full));
    // A lead-in in the top heading's body opens this list (…把握好5个方面：).
    // The section is the top heading when it is a title line or its own list goes on after
    // this one.
    let lead_in_section = n == Some(1)
        && top_item.is_some_and(|t| {
            c.lead_in.is_some_and(|p| p > t.para_end)
                && (t.title_only || resumes_after_list(ctx.items, k, t))
        });
    let child_reasons = match (innermost_open, top_item) {
        (None, Some(t)) => child_evidence(ctx, s, k, t),
        _ => Found::default(),
    };

    let mut out = Vec::with_capacity(top + 1);
    // Depth is capped (MAX_DEPTH): a heading never goes under a frame that would put it deeper.
    for (f, list) in open.iter().enumerate().take(MAX_DEPTH) {
        let mut found = Found::default();
        if let Some(last) = *list {
            if follows(last, n) {
                let skips = matches!((last, n), (Some(l), Some(n)) if n == l + 2);
                found.add(if skips {
                    Evidence::NumberSkipsOne
                } else {
                    Evidence::NumberFollows
                });
                let extra = match (n, lists[f].and_then(|l| l.announced)) {
                    (None, _) => true,
                    (Some(n), Some(a)) => n > a,
                    _ => false,
                };
                if lists[f].is_some_and(List::full) && extra {
                    found.add(Evidence::ListAlreadyFull);
                }
            } else if Some(f) == innermost_open && n == Some(1) {
                found.add(Evidence::RestartAtOne);
            } else if Some(f) == innermost_open && !any_follows {
                found.add(Evidence::WrongNumber);
            }
        }
        if Some(f) == slip_frame {
            found.add(Evidence::SlipIntoOpenList);
        }
        if f == top && run_in_before {
            found.add(Evidence::RunInListContinues);
        }
        if f == 0 && top > 0 && last_topic {
            found.add(Evidence::LastTopic);
        }
        if f == top && lead_in_section {
            found.add(Evidence::LeadInInsideSection);
        }
        if f == top
            && top_item.is_some_and(|t| t.kind != c.kind && s.nested.contains(&(c.kind, t.kind)))
        {
            found.add(Evidence::PairNestedTheOtherWay);
        }
        if innermost_open.is_some() {
            if f == top && n == Some(1) && top_item.is_some_and(|t| t.title_only) {
                found.add(Evidence::RestartUnderTitle);
            }
        } else if top > 0 {
            // A new kind of list.
            if f == top {
                found = merge(found, child_reasons);
            } else if f + 1 == top {
                found.add(Evidence::NewListBeside);
                if top_item.is_some_and(|t| is_look_alike_slip(t.marker, c.marker)) {
                    found.add(Evidence::LookAlikeSlip);
                }
            }
            // Further out a new list has no evidence: closing more than the heading before
            // needs a reason (a section title line, a last topic).
        }
        // Only numbering that goes on crosses a section title line.
        let continues = found.has(Evidence::NumberFollows) || found.has(Evidence::NumberSkipsOne);
        // A section whose list goes on later is not closed by a subhead inside it (looked up
        // only behind a section title: the look-ahead is per frame).
        let section_goes_on = || {
            s.stack[f]
                .heading
                .is_some_and(|h| next_of_kind_continues(ctx.items, &ctx.items[h], k))
        };
        if f >= 1 && f < s.barrier && !continues && !section_goes_on() {
            found.add(Evidence::AcrossSectionTitle);
        }
        out.push(Scored {
            frame: f,
            found,
            score: found.score(ctx.weights),
        });
    }
    out
}

fn merge(mut a: Found, b: Found) -> Found {
    for e in b.kinds() {
        a.add(e);
    }
    a
}

/// The reasons to open a child list of item `k` under the top heading `t`.
fn child_evidence(ctx: &Context<'_, '_>, s: &State, k: usize, t: &Item<'_>) -> Found {
    let c = &ctx.items[k];
    let lines = ctx.lines;
    let mut found = Found::default();
    if t.title_only {
        found.add(Evidence::ParentTitleOnly);
    }
    if parent_list_goes_on(ctx, s, k) {
        found.add(Evidence::ParentListResumes);
    }
    let adjacent = next_content(lines, t.para_end) == Some(c.line);
    if adjacent && lines[t.para_end].text.ends_with(['：', ':']) {
        found.add(Evidence::ParentEndsInColon);
    }
    if t.marker.family == Family::Counted
        && t.kind.classifier.is_some()
        && c.marker.number == Some(1)
        && c.kind != t.kind
    {
        found.add(Evidence::ParentCountedPoint);
    }
    if s.nested.contains(&(t.kind, c.kind)) {
        found.add(Evidence::PairNestedBefore);
    }
    found
}

/// Whether the paragraph of `t` runs in, after a clause ends, the point numbered `n` of a list of
/// `kind` (bounded, so a hostile paragraph stays cheap).
fn runs_in(ctx: &Context<'_, '_>, t: &Item<'_>, kind: ListKind, n: u32) -> bool {
    const SCAN_BYTES: usize = 3000;
    let para = super::paragraph(ctx.lines, t.line, t.marker.end, t.para_end);
    for (i, ch) in para.char_indices() {
        if i > SCAN_BYTES {
            break;
        }
        if !matches!(
            ch,
            '。' | '；' | '：' | '！' | '？' | '，' | ';' | ':' | ','
        ) {
            continue;
        }
        let at = i + ch.len_utf8();
        if let Some(m) = crate::marker::recognize_inline(&para[at..])
            && m.number == Some(n)
            && ListKind::of(&m) == kind
        {
            return true;
        }
    }
    false
}

/// Whether the list of `t` goes on after the list that item `k` starts (of any kind, even
/// `t`'s own: 一、 … 一、 二、 三、 … 二、).
fn resumes_after_list(items: &[Item<'_>], k: usize, t: &Item<'_>) -> bool {
    // Unnumbered items (—— ●) follow anything, so a later one says nothing of where `t`'s
    // list stands: only numbers can show that it goes on.
    if t.marker.number.is_none() {
        return false;
    }
    let c = &items[k];
    let mut last = c.marker.number;
    for later in items.iter().skip(k + 1).take(super::items::LOOKAHEAD) {
        if later.kind == c.kind
            && follows(last, later.marker.number)
            && later.marker.number != Some(1)
        {
            last = later.marker.number;
        } else if later.kind == t.kind {
            return later.marker.number != Some(1) && follows(t.marker.number, later.marker.number);
        }
    }
    false
}

/// Whether the next item of `p`'s kind after `k` (within the look-ahead) continues `p`'s list,
/// rather than restarting one.
fn next_of_kind_continues(items: &[Item<'_>], p: &Item<'_>, k: usize) -> bool {
    if p.marker.number.is_none() {
        return false;
    }
    items
        .iter()
        .skip(k + 1)
        .take(super::items::LOOKAHEAD)
        .find(|later| later.kind == p.kind)
        .is_some_and(|later| {
            later.marker.number != Some(1) && follows(p.marker.number, later.marker.number)
        })
}

/// True when the top heading's own list continues after item `k`'s list: then `k`'s list is
/// inside it. Stops at any heading that would close the top heading first.
fn parent_list_goes_on(ctx: &Context<'_, '_>, s: &State, k: usize) -> bool {
    let items = ctx.items;
    let top = s.stack.len() - 1;
    let Some(t) = s.stack[top].heading.map(|h| &items[h]) else {
        return false;
    };
    if t.marker.number.is_none() {
        return false;
    }
    let below = |kind: ListKind| {
        s.stack[..top]
            .iter()
            .any(|f| f.lists.iter().any(|l| l.kind == kind))
    };
    for later in items.iter().skip(k + 1).take(super::items::LOOKAHEAD) {
        if later.kind == t.kind {
            return follows(t.marker.number, later.marker.number) && later.marker.number != Some(1);
        }
        if later.kind != items[k].kind && below(later.kind) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::{CleanOptions, clean};

    /// The parents each way of placing gives the fixtures.
    fn parents(greedy: bool, width: usize) -> Vec<Vec<Option<usize>>> {
        let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let weights = Weights::default();
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|text| {
                let lines = clean(&text, CleanOptions::default());
                let (items, _) = super::super::items::items(&lines, 0..lines.len(), &weights);
                let ctx = Context {
                    lines: &lines,
                    items: &items,
                    weights: &weights,
                    range_start: 0,
                };
                place_by(&ctx, width, false, greedy)
                    .iter()
                    .map(|p| p.parent)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_beam_of_width_one_is_the_greedy_pass() {
        let greedy = parents(true, 1);
        assert!(greedy.iter().any(|p| !p.is_empty()));
        assert_eq!(parents(false, 1), greedy);
    }
}
