//! Comparing the structure of speeches: two outlines aligned point by point ([`compare`]), and a
//! whole corpus grouped into speeches built on the same template ([`corpus`]).
//!
//! Layers: outlines → [`Outline`] (points with normalized titles) → [`Comparison`] (similarity,
//! shapes, aligned pairs) → display ([`side`] for the terminal; YAML and JSON through serde).

pub(crate) mod align;
pub(crate) mod content;
pub mod corpus;
pub mod html;
pub(crate) mod sections;
pub mod side;
pub(crate) mod title;

use crate::outline::Speech;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One point of an outline, ready to compare.
#[derive(Debug, Clone)]
pub struct Point {
    /// 1-based line in its file.
    pub line: usize,
    /// Depth (1 = top level).
    pub depth: usize,
    /// Index of the parent point, if any.
    pub parent: Option<usize>,
    /// The marker as written.
    pub marker: String,
    /// The marker's family.
    pub family: Option<crate::marker::Family>,
    /// The marker's number.
    pub number: Option<u32>,
    /// The title as written.
    pub title: String,
    /// The title's bigrams after normalizing.
    pub(crate) bigrams: Vec<u64>,
    /// What the point says: its heading line and the paragraphs up to the next heading (with
    /// [`Outline::with_text`]), else its paragraph when the outline carries bodies, else its
    /// title.
    pub text: String,
    /// The units of `text` (`content::units`), sorted, computed once per outline.
    pub(crate) text_units: Vec<u64>,
    /// The units of `title`, sorted.
    pub(crate) title_units: Vec<u64>,
    /// The units of the point with its descendants', sorted; none for a leaf (`text_units`).
    pub(crate) tree_units: Option<Vec<u64>>,
    /// The units of its headline: the title and the lead sentence, the first after the title
    /// (`sections::lead_and_sections`), sorted.
    pub(crate) headline_units: Vec<u64>,
    /// The units of each of its sub-sections, each sorted; empty unless it has two or more.
    pub(crate) section_units: Vec<Vec<u64>>,
}

/// A speech's outline flattened for comparison, with where it came from.
#[derive(Debug, Clone)]
pub struct Outline {
    /// The file.
    pub source: String,
    /// The speech's 1-based position in its file.
    pub speech: usize,
    /// The speech's first line.
    pub start_line: usize,
    /// The speech's title, when known.
    pub title: Option<String>,
    /// The points in document order (preorder).
    pub points: Vec<Point>,
}

impl Outline {
    /// Flatten `speech` (the `index`-th, 0-based, of `source`). Group nodes and inline points are
    /// left out, as in the outline a reader sees.
    pub fn new(source: &str, index: usize, speech: &Speech) -> Outline {
        Outline::build(source, index, speech, None)
    }

    /// Like [`Outline::new`], with each point's text taken from `text` (the decoded input the
    /// speech came from): the heading's line and every line up to the next point, or to the end
    /// of the speech.
    pub fn with_text(source: &str, index: usize, speech: &Speech, text: &str) -> Outline {
        let lines: Vec<&str> = crate::clean::split_lines(text).collect();
        Outline::with_lines(source, index, speech, &lines)
    }

    /// Like [`Outline::with_text`], with the input already split into its physical lines (so a
    /// file of many speeches is split once, not once per speech).
    pub fn with_lines(source: &str, index: usize, speech: &Speech, lines: &[&str]) -> Outline {
        Outline::build(source, index, speech, Some(lines))
    }

    fn build(source: &str, index: usize, speech: &Speech, lines: Option<&[&str]>) -> Outline {
        let mut points: Vec<Point> = Vec::new();
        let mut open: Vec<usize> = Vec::new(); // indices of the points on the current path
        for (depth, h) in speech.points(false) {
            open.truncate(depth - 1);
            let parent = open.last().copied();
            open.push(points.len());
            points.push(Point {
                line: h.line,
                depth,
                parent,
                marker: h.marker().unwrap_or_default().to_string(),
                family: h.family(),
                number: h.number(),
                title: h.title.clone(),
                bigrams: title::bigrams(&title::normalize(&h.title)),
                text: h.body.clone().unwrap_or_else(|| h.title.clone()),
                text_units: Vec::new(),
                title_units: sorted(content::units(&h.title)),
                headline_units: Vec::new(),
                tree_units: None,
                section_units: Vec::new(),
            });
        }
        if let Some(lines) = lines {
            let last = speech.end_line.min(lines.len());
            for k in 0..points.len() {
                let start = points[k].line;
                let end = points
                    .get(k + 1)
                    .map_or(last, |p| p.line.saturating_sub(1).max(start))
                    .min(last);
                if (1..=end).contains(&start) {
                    // The marker is no word of the point (一、 would pair with every 一).
                    let first = lines[start - 1].trim_start();
                    let first = first
                        .strip_prefix(points[k].marker.as_str())
                        .unwrap_or(first);
                    let mut text = first.to_string();
                    text.extend(lines[start..end].iter().copied());
                    points[k].text = text;
                    let (lead, subs) =
                        sections::lead_and_sections(first, &points[k].title, &lines[start..end]);
                    set_sections(&mut points[k], &lead, &subs);
                    continue;
                }
                let p = &mut points[k];
                let (lead, subs) = sections::lead_and_sections(&p.text, &p.title, &[]);
                set_sections(p, &lead, &subs);
            }
        } else {
            for p in &mut points {
                let (lead, subs) = sections::lead_and_sections(&p.text, &p.title, &[]);
                set_sections(p, &lead, &subs);
            }
        }
        for p in &mut points {
            p.text_units = sorted(content::units(&p.text));
        }
        // The units of each point with its descendants, for the points that have any (points
        // are in preorder: a backward pass adds each subtree to its parent once), sorted once
        // here rather than for every pair compared.
        let mut tree: Vec<Option<Vec<u64>>> = vec![None; points.len()];
        for i in (0..points.len()).rev() {
            if let Some(p) = points[i].parent {
                let child = tree[i].take();
                let mine = child.as_deref().unwrap_or(&points[i].text_units);
                tree[p]
                    .get_or_insert_with(|| points[p].text_units.clone())
                    .extend_from_slice(mine);
                tree[i] = child;
            }
        }
        for (p, t) in points.iter_mut().zip(tree) {
            p.tree_units = t.map(sorted);
        }
        Outline {
            source: source.to_string(),
            speech: index + 1,
            start_line: speech.start_line,
            title: speech.header.title.clone(),
            points,
        }
    }

    /// Children lists with a virtual root (id = `points.len()`) above the top level.
    fn children(&self) -> Vec<Vec<usize>> {
        let root = self.points.len();
        let mut children = vec![Vec::new(); root + 1];
        for (i, p) in self.points.iter().enumerate() {
            children[p.parent.unwrap_or(root)].push(i);
        }
        children
    }

    /// How many headings sit at each depth, and the family used at each depth (the commonest
    /// marker style there), e.g. `一、>（一）`.
    pub fn shape(&self) -> Shape {
        let depth = self.points.iter().map(|p| p.depth).max().unwrap_or(0);
        let mut per_depth = vec![0usize; depth];
        let mut styles: Vec<HashMap<String, usize>> = vec![HashMap::new(); depth];
        for p in &self.points {
            per_depth[p.depth - 1] += 1;
            let first = p.family.map_or_else(
                || p.marker.clone(),
                |f| crate::check::first_of_list(&p.marker, f),
            );
            *styles[p.depth - 1].entry(first).or_default() += 1;
        }
        let families = styles
            .iter()
            .map(|m| {
                m.iter()
                    .max_by_key(|(s, c)| (**c, std::cmp::Reverse((*s).clone())))
                    .map_or(String::new(), |(s, _)| s.clone())
            })
            .collect::<Vec<_>>()
            .join(">");
        Shape {
            headings_per_depth: per_depth,
            families,
        }
    }
}

/// Every speech of an extracted document as an outline to compare, each point's text taken from
/// the document's text (or, for an outline read back from a saved file, its saved body or title).
pub fn outlines(doc: &crate::Document) -> Vec<Outline> {
    let lines: Vec<&str> = crate::clean::split_lines(&doc.text).collect();
    doc.speeches
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if doc.text.is_empty() {
                Outline::new(&doc.source, i, s)
            } else {
                Outline::with_lines(&doc.source, i, s, &lines)
            }
        })
        .collect()
}

/// The main speech of a file: the one with the outline, i.e. the most points, the earliest on a
/// tie (a report's front matter or a second short turn has fewer). None for no speeches.
pub fn main_speech(outlines: &[Outline]) -> Option<usize> {
    outlines
        .iter()
        .enumerate()
        .max_by(|(i, x), (j, y)| x.points.len().cmp(&y.points.len()).then(j.cmp(i)))
        .map(|(i, _)| i)
}

fn set_sections(p: &mut Point, lead: &str, subs: &[String]) {
    let mut headline = p.title_units.clone();
    headline.extend(content::units(lead));
    p.headline_units = sorted(headline);
    p.section_units = if subs.len() >= 2 {
        subs.iter().map(|s| sorted(content::units(s))).collect()
    } else {
        Vec::new()
    };
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v
}

/// The shape of an outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// Number of headings at depth 1, 2, ….
    pub headings_per_depth: Vec<usize>,
    /// The marker family at each depth, shallowest first: `一、>（一）>1.`.
    pub families: String,
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideInfo {
    /// The file.
    pub source: String,
    /// The speech's 1-based position in its file.
    pub speech: usize,
    /// The speech's title, when known.
    pub title: Option<String>,
    /// The speech's first line.
    pub start_line: usize,
    /// Its shape.
    pub shape: Shape,
}

/// What happened to a point between A and B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The same point, at the same place, with the same title and number.
    Matched,
    /// The same point under another parent or in another order among its siblings.
    Moved,
    /// The same point with another title.
    Retitled,
    /// The same point with another number.
    Renumbered,
    /// A point of A whose content B gives in two points: this row links it to the second.
    Split,
    /// Two points of A that B gives in one: this row links the second to it.
    Merged,
    /// Only in A.
    OnlyInA,
    /// Only in B.
    OnlyInB,
}

/// A point as shown in a pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairPoint {
    /// 1-based line in its file.
    pub line: usize,
    /// Depth (1 = top level).
    pub depth: usize,
    /// The marker as written.
    pub marker: String,
    /// The title.
    pub title: String,
}

/// One row of the alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The most telling status: split or merged, then moved, then retitled, then renumbered,
    /// then matched.
    pub status: Status,
    /// The point in A.
    pub a: Option<PairPoint>,
    /// The point in B.
    pub b: Option<PairPoint>,
    /// Similarity of the two titles, for aligned points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_similarity: Option<f64>,
    /// Similarity of what the two points say (title and text, IDF-weighted), for aligned
    /// points, in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_similarity: Option<f64>,
    /// The evidence: the words the two points share that weigh most.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_words: Vec<String>,
    /// Under another parent or in another order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// The title changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retitled: bool,
    /// The number changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub renumbered: bool,
}

/// Two outlines compared.
///
/// `similarity` = 0.5 × `content_overlap` + 0.3 × `structure_similarity` + 0.2 ×
/// `order_agreement` × the share of points aligned (so that order counts only as far as there is
/// something in order). A speech against itself is 1; against a reordered copy of itself, above
/// 0.9.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The combination of the three figures below, in [0, 1].
    pub similarity: f64,
    /// How much of the two outlines is aligned, weighted by how alike the aligned points are:
    /// 2 × Σ content similarity of aligned pairs / (points of A + points of B), in [0, 1].
    #[serde(default)]
    pub content_overlap: f64,
    /// How much of the shape is kept: 2 × aligned pairs at the same depth whose parents are
    /// aligned to each other (or both top level) / (points of A + points of B), in [0, 1].
    #[serde(default)]
    pub structure_similarity: f64,
    /// Whether aligned points come in the same order: (Kendall τ + 1) / 2 over the aligned
    /// pairs, in [0, 1] (1 for a single pair, 0 for none).
    #[serde(default)]
    pub order_agreement: f64,
    /// Side A.
    pub a: SideInfo,
    /// Side B.
    pub b: SideInfo,
    /// The aligned points, in the order of A with B's own points where they stand.
    pub pairs: Vec<Pair>,
}

/// The similarity of two outlines, in [0, 1]: [`Comparison::similarity`].
///
/// ```
/// use tigang::compare::{Outline, similarity};
/// let doc = tigang::extract("一、学习。\n二、落实。\n", &Default::default()).unwrap();
/// let a = Outline::new("a", 0, &doc.speeches[0]);
/// assert_eq!(similarity(&a, &a), 1.0);
/// ```
pub fn similarity(a: &Outline, b: &Outline) -> f64 {
    figures(a, b).similarity
}

fn round3(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

/// (Kendall τ + 1) / 2 of the sequence `ys` against its own order, by counting inversions with a
/// merge sort (O(k log k), outlines can be large).
fn order_agreement(ys: &[usize]) -> f64 {
    let k = ys.len();
    match k {
        0 => return 0.0,
        1 => return 1.0,
        _ => {}
    }
    fn count(v: &mut [usize], buf: &mut Vec<usize>) -> u64 {
        if v.len() < 2 {
            return 0;
        }
        let mid = v.len() / 2;
        let mut inv = count(&mut v[..mid], buf) + count(&mut v[mid..], buf);
        buf.clear();
        let (mut i, mut j) = (0, mid);
        while i < mid && j < v.len() {
            if v[i] <= v[j] {
                buf.push(v[i]);
                i += 1;
            } else {
                inv += (mid - i) as u64;
                buf.push(v[j]);
                j += 1;
            }
        }
        buf.extend_from_slice(&v[i..mid]);
        buf.extend_from_slice(&v[j..]);
        v.copy_from_slice(buf);
        inv
    }
    let mut v = ys.to_vec();
    let inversions = count(&mut v, &mut Vec::with_capacity(k)) as f64;
    let total = (k * (k - 1) / 2) as f64;
    let tau = 1.0 - 2.0 * inversions / total;
    (tau + 1.0) / 2.0
}

/// The figures of a comparison without its rows (what `compare --all` needs of each pair).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// [`Comparison::similarity`].
    pub similarity: f64,
    /// [`Comparison::content_overlap`].
    pub content_overlap: f64,
    /// [`Comparison::structure_similarity`].
    pub structure_similarity: f64,
    /// [`Comparison::order_agreement`].
    pub order_agreement: f64,
}

/// The figures of `a` against `b`, as [`compare`] gives them.
pub fn figures(a: &Outline, b: &Outline) -> Figures {
    let (fa, fb) = align::features(a, b);
    figures_with(a, b, &fa, &fb)
}

/// The figures of `a` against `b` from their points' vectors, built under shared weights
/// (`align::Features::new` under one `align::Weights`).
pub(crate) fn figures_with(
    a: &Outline,
    b: &Outline,
    fa: &align::Features,
    fb: &align::Features,
) -> Figures {
    let alignment = align::align(a, b, fa, fb);
    score(a, b, &alignment, |i, j| align::similarity(fa, fb, i, j))
}

/// The figures of an alignment (see [`Comparison`] for their definitions).
fn score(
    a: &Outline,
    b: &Outline,
    alignment: &align::Alignment,
    sim: impl Fn(usize, usize) -> f64,
) -> Figures {
    let (n, m) = (a.points.len(), b.points.len());
    if n + m == 0 {
        return Figures {
            similarity: 1.0,
            content_overlap: 1.0,
            structure_similarity: 1.0,
            order_agreement: 1.0,
        };
    }
    let mut b_of_a: Vec<Option<usize>> = vec![None; n];
    for &(i, j) in &alignment.pairs {
        b_of_a[i] = Some(j);
    }
    let (mut overlap, mut kept_shape) = (0.0, 0usize);
    for &(i, j) in &alignment.pairs {
        overlap += sim(i, j);
        let parents_kept = match (a.points[i].parent, b.points[j].parent) {
            (None, None) => true,
            (Some(p), Some(q)) => b_of_a[p] == Some(q),
            _ => false,
        };
        if parents_kept && a.points[i].depth == b.points[j].depth {
            kept_shape += 1;
        }
    }
    let total = (n + m) as f64;
    let content_overlap = 2.0 * overlap / total;
    let structure_similarity = 2.0 * kept_shape as f64 / total;
    let aligned_share = 2.0 * alignment.pairs.len() as f64 / total;
    let in_b_order: Vec<usize> = alignment.pairs.iter().map(|&(_, j)| j).collect();
    let order = order_agreement(&in_b_order);
    Figures {
        similarity: round3(
            0.5 * content_overlap + 0.3 * structure_similarity + 0.2 * order * aligned_share,
        ),
        content_overlap: round3(content_overlap),
        structure_similarity: round3(structure_similarity),
        order_agreement: round3(order),
    }
}

/// Compare two outlines: the figures, shapes and the aligned points.
pub fn compare(a: &Outline, b: &Outline) -> Comparison {
    let (n, m) = (a.points.len(), b.points.len());
    let (fa, fb) = align::features(a, b);
    let alignment = align::align(a, b, &fa, &fb);
    let mut b_of_a: Vec<Option<usize>> = vec![None; n];
    let mut a_of_b: Vec<Option<usize>> = vec![None; m];
    for &(i, j) in &alignment.pairs {
        b_of_a[i] = Some(j);
        a_of_b[j] = Some(i);
    }
    // Split: a left-over B point linked to an aligned A point; merged: the other way round.
    let mut split_of_b: Vec<Option<usize>> = vec![None; m];
    let mut merged_of_a: Vec<Option<usize>> = vec![None; n];
    for &(i, j) in &alignment.links {
        if b_of_a[i].is_none() {
            merged_of_a[i] = Some(j);
        } else if a_of_b[j].is_none() {
            split_of_b[j] = Some(i);
        }
    }
    let moved = moved_points(a, b, &b_of_a, &a_of_b);
    let point = |o: &Outline, i: usize| PairPoint {
        line: o.points[i].line,
        depth: o.points[i].depth,
        marker: o.points[i].marker.clone(),
        title: o.points[i].title.clone(),
    };
    let sim = |i: usize, j: usize| align::similarity(&fa, &fb, i, j);
    let linked = |status: Status, i: usize, j: usize| Pair {
        status,
        a: Some(point(a, i)),
        b: Some(point(b, j)),
        title_similarity: Some(round3(title::similarity(
            &a.points[i].bigrams,
            &b.points[j].bigrams,
        ))),
        content_similarity: Some(round3(sim(i, j))),
        shared_words: align::shared_words(&fa, &fb, i, j, &a.points[i].text, 5),
        moved: false,
        retitled: false,
        renumbered: false,
    };
    let alone = |status: Status, pa: Option<PairPoint>, pb: Option<PairPoint>| Pair {
        status,
        a: pa,
        b: pb,
        title_similarity: None,
        content_similarity: None,
        shared_words: Vec::new(),
        moved: false,
        retitled: false,
        renumbered: false,
    };
    let mut pairs = Vec::new();
    let mut next_b = 0; // B points before this one are already placed
    let place_b_until = |limit: usize, next_b: &mut usize, pairs: &mut Vec<Pair>| {
        while *next_b < limit {
            let j = *next_b;
            if a_of_b[j].is_none() {
                pairs.push(match split_of_b[j] {
                    Some(i) => linked(Status::Split, i, j),
                    None => alone(Status::OnlyInB, None, Some(point(b, j))),
                });
            }
            *next_b += 1;
        }
    };
    for i in 0..n {
        match b_of_a[i] {
            None => pairs.push(match merged_of_a[i] {
                Some(j) => linked(Status::Merged, i, j),
                None => alone(Status::OnlyInA, Some(point(a, i)), None),
            }),
            Some(j) => {
                place_b_until(j, &mut next_b, &mut pairs);
                let tsim = title::similarity(&a.points[i].bigrams, &b.points[j].bigrams);
                let retitled = tsim < 1.0;
                let renumbered = a.points[i].number != b.points[j].number;
                let status = if moved[i] {
                    Status::Moved
                } else if retitled {
                    Status::Retitled
                } else if renumbered {
                    Status::Renumbered
                } else {
                    Status::Matched
                };
                let mut pair = linked(status, i, j);
                pair.title_similarity = Some(round3(tsim));
                pair.moved = moved[i];
                pair.retitled = retitled;
                pair.renumbered = renumbered;
                pairs.push(pair);
            }
        }
    }
    place_b_until(m, &mut next_b, &mut pairs);
    let side = |o: &Outline| SideInfo {
        source: o.source.clone(),
        speech: o.speech,
        title: o.title.clone(),
        start_line: o.start_line,
        shape: o.shape(),
    };
    let f = score(a, b, &alignment, sim);
    Comparison {
        similarity: f.similarity,
        content_overlap: f.content_overlap,
        structure_similarity: f.structure_similarity,
        order_agreement: f.order_agreement,
        a: side(a),
        b: side(b),
        pairs,
    }
}

/// A matched point moved when its parent is not matched to the B point's parent, or when both of
/// its neighbours among matched siblings changed (a swap moves both points; a point taken out of
/// a list moves none of the others).
fn moved_points(
    a: &Outline,
    b: &Outline,
    b_of_a: &[Option<usize>],
    a_of_b: &[Option<usize>],
) -> Vec<bool> {
    let mut moved = vec![false; a.points.len()];
    let siblings = |o: &Outline, partner: &[Option<usize>]| -> HashMap<Option<usize>, Vec<usize>> {
        let mut m: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
        for (i, p) in o.points.iter().enumerate() {
            if partner[i].is_some() {
                m.entry(p.parent).or_default().push(i);
            }
        }
        m
    };
    let (sib_a, sib_b) = (siblings(a, b_of_a), siblings(b, a_of_b));
    // Where each point stands among its matched siblings, so neighbours are found in O(1).
    let positions = |sib: &HashMap<Option<usize>, Vec<usize>>, n: usize| {
        let mut at = vec![0usize; n];
        for list in sib.values() {
            for (k, &x) in list.iter().enumerate() {
                at[x] = k;
            }
        }
        at
    };
    let (pos_a, pos_b) = (
        positions(&sib_a, a.points.len()),
        positions(&sib_b, b.points.len()),
    );
    let neighbours = |list: &[usize], at: usize| {
        (
            at.checked_sub(1).map(|k| list[k]),
            list.get(at + 1).copied(),
        )
    };
    for (i, p) in a.points.iter().enumerate() {
        let Some(j) = b_of_a[i] else { continue };
        let q = &b.points[j];
        let parent_kept = match (p.parent, q.parent) {
            (None, None) => true,
            (Some(pa), Some(pb)) => b_of_a[pa] == Some(pb),
            _ => false,
        };
        if !parent_kept {
            moved[i] = true;
            continue;
        }
        let (before_a, after_a) = neighbours(&sib_a[&p.parent], pos_a[i]);
        let (before_b, after_b) = neighbours(&sib_b[&q.parent], pos_b[j]);
        let to_a = |x: Option<usize>| x.and_then(|x| a_of_b[x]);
        moved[i] = before_a != to_a(before_b) && after_a != to_a(after_b);
    }
    moved
}
