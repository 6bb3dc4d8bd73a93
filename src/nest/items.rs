//! The items the search places: each marker line of a speech with the facts about it that
//! placing it needs, computed once (look-ahead facts from an index, so the pass stays linear).

use super::evidence::{Evidence, Weights};
use crate::clean::{Line, is_title_like};
use crate::marker::{Family, ListKind, Marker, follows};
use std::collections::HashMap;

/// How far ahead to look for a later item: keeps the pass linear on hostile input.
pub(super) const LOOKAHEAD: usize = 100;

/// A heading line of the speech, before nesting.
#[derive(Debug)]
pub(super) struct Item<'l> {
    /// Index into the speech's lines.
    pub line: usize,
    /// The line's marker (borrowed: hostile inputs can be all markers).
    pub marker: &'l Marker,
    /// The kind of list the marker numbers.
    pub kind: ListKind,
    /// The marker and a short title fill the line: a section title that owns what follows.
    pub title_only: bool,
    /// Index of the last line of the heading's paragraph.
    pub para_end: usize,
    /// The next item (index into the items) that continues this item's list, within
    /// [`LOOKAHEAD`] items.
    pub resumes_at: Option<usize>,
}

/// The heading lines of `lines[range]`, and for each dropped marker line the evidence that
/// dropped it (line index, evidence).
pub(super) fn items<'l>(
    lines: &'l [Line<'_>],
    range: std::ops::Range<usize>,
    weights: &Weights,
) -> (Vec<Item<'l>>, Vec<(usize, Vec<Evidence>)>) {
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
        let title_only = is_title_only(&super::paragraph(lines, i, marker.end, para_end));
        found.push(Item {
            line: i,
            kind: ListKind::of(marker),
            marker,
            title_only,
            para_end,
            resumes_at: None,
        });
    }
    demote_short_item_runs(lines, &mut found);
    let against = item_evidence(lines, &found);
    let mut dropped = Vec::new();
    let mut kept = Vec::with_capacity(found.len());
    for (item, ev) in found.into_iter().zip(against) {
        if !ev.is_empty() && weights.score(&ev) > 0.0 {
            dropped.push((item.line, ev));
        } else {
            kept.push(item);
        }
    }
    index_resumptions(&mut kept);
    (kept, dropped)
}

/// The marker's title fills the line and is short: no sentence ends inside it.
pub(super) fn is_title_only(title: &str) -> bool {
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
pub(super) fn next_content(lines: &[Line], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| !lines[j].is_empty())
}

/// One-line items that follow each other (（一）积极援助红军的人民； （二）有利作战的阵地；) are short
/// points of one list, not section titles that own what comes after them.
fn demote_short_item_runs(lines: &[Line], found: &mut [Item<'_>]) {
    for k in 0..found.len().saturating_sub(1) {
        let (a, b) = (&found[k], &found[k + 1]);
        let adjacent = next_content(lines, a.para_end) == Some(b.line);
        if adjacent && a.kind == b.kind && a.title_only && b.title_only {
            found[k].title_only = false;
            found[k + 1].title_only = false;
        }
    }
}

/// What speaks against each marker line being a heading: markers that open no list.
fn item_evidence(lines: &[Line<'_>], found: &[Item<'_>]) -> Vec<Vec<Evidence>> {
    // Counted once, so that a file of a million —— lines stays linear.
    let mut per_kind: HashMap<ListKind, usize> = HashMap::new();
    for c in found {
        *per_kind.entry(c.kind).or_default() += 1;
    }
    (0..found.len())
        .map(|k| {
            let c = &found[k];
            let later = &found[k + 1..];
            let mut ev = Vec::new();
            match (c.marker.family, c.marker.number) {
                (Family::Adverb, Some(1)) => {
                    let second = later.first().is_some_and(|n| {
                        n.marker.family == Family::Adverb || n.marker.number == Some(2)
                    });
                    if !second {
                        ev.push(Evidence::NotLoneFirstPoint);
                    }
                }
                (Family::Adverb, None) if k == 0 => ev.push(Evidence::NotLoneAdverb),
                (Family::Counted | Family::Part, Some(1)) if c.kind.classifier.is_some() => {
                    let second = later
                        .iter()
                        .take(LOOKAHEAD)
                        .any(|n| n.kind == c.kind && n.marker.number == Some(2));
                    if !second {
                        ev.push(Evidence::NotLoneCounted);
                    }
                }
                (Family::Dash, _) => {
                    let title = lines[c.line].text[c.marker.end..].trim();
                    if is_title_like(title) && per_kind[&c.kind] <= 1 {
                        ev.push(Evidence::NotDashTitleLine);
                    }
                }
                _ => {}
            }
            ev
        })
        .collect()
}

/// For each item, the next one within [`LOOKAHEAD`] that continues its list: one backward pass
/// with the nearest later index of every (kind, number).
fn index_resumptions(items: &mut [Item<'_>]) {
    let mut nearest: HashMap<(ListKind, Option<u32>), usize> = HashMap::new();
    let mut nearest_any: HashMap<ListKind, usize> = HashMap::new();
    for k in (0..items.len()).rev() {
        let (kind, n) = (items[k].kind, items[k].marker.number);
        let at = |m: Option<u32>| nearest.get(&(kind, m)).copied();
        let next = match n {
            // An unnumbered item is followed by any later item of its kind.
            None => nearest_any.get(&kind).copied(),
            Some(n) => [at(Some(n + 1)), at(Some(n + 2)), at(None)]
                .into_iter()
                .flatten()
                .min(),
        };
        items[k].resumes_at = next.filter(|&j| j <= k + LOOKAHEAD);
        debug_assert!(
            next.is_none_or(|j| follows(n, items[j].marker.number)),
            "resumption must follow"
        );
        nearest.insert((kind, n), k);
        nearest_any.insert(kind, k);
    }
}
