//! Comparing the structure of speeches: two outlines aligned point by point ([`compare`]), and a
//! whole corpus grouped into speeches built on the same template ([`corpus`]).
//!
//! Layers: outlines → [`Outline`] (points with normalized titles) → [`Comparison`] (similarity,
//! shapes, aligned pairs) → display ([`side`] for the terminal; YAML and JSON through serde).

pub mod corpus;
pub mod html;
pub mod side;
pub mod ted;
pub mod title;

use crate::outline::Speech;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Above this many points the exact tree edit distance is replaced by a bigram estimate, to keep
/// time and memory bounded (the distance is quadratic in the outline's size).
pub const MAX_EXACT_POINTS: usize = 1500;

/// Above this many title pairs, only equal titles are matched (the pairwise comparison is
/// quadratic).
pub const MAX_TITLE_PAIRS: usize = 4_000_000;

/// Two titles at least this similar can be the same point.
pub const MATCH_THRESHOLD: f64 = 0.5;

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
    pub bigrams: Vec<u64>,
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
                marker: h.marker.clone().unwrap_or_default(),
                family: h.family,
                number: h.number,
                title: h.title.clone(),
                bigrams: title::bigrams(&title::normalize(&h.title)),
            });
        }
        Outline {
            source: source.to_string(),
            speech: index + 1,
            start_line: speech.start_line,
            title: speech.title.clone(),
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
    /// The most telling status: moved, then retitled, then renumbered, then matched.
    pub status: Status,
    /// The point in A.
    pub a: Option<PairPoint>,
    /// The point in B.
    pub b: Option<PairPoint>,
    /// Similarity of the two titles, for matched points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_similarity: Option<f64>,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// 1 − tree edit distance / size of the larger outline, in [0, 1]; renaming a heading costs
    /// 1 − the similarity of the two titles.
    pub similarity: f64,
    /// Side A.
    pub a: SideInfo,
    /// Side B.
    pub b: SideInfo,
    /// The aligned points, in the order of A with B's own points where they stand.
    pub pairs: Vec<Pair>,
}

/// The structural similarity of two outlines, in [0, 1].
///
/// ```
/// use tigang::compare::{Outline, similarity};
/// let doc = tigang::extract("一、学习。\n二、落实。\n".as_bytes(), "a", &Default::default()).unwrap().document;
/// let a = Outline::new("a", 0, &doc.speeches[0]);
/// assert_eq!(similarity(&a, &a), 1.0);
/// ```
pub fn similarity(a: &Outline, b: &Outline) -> f64 {
    let (n, m) = (a.points.len(), b.points.len());
    if n == 0 && m == 0 {
        return 1.0;
    }
    if n.max(m) > MAX_EXACT_POINTS {
        return bag_similarity(a, b);
    }
    let (ta, tb) = (
        ted::Tree::new(&a.children(), n),
        ted::Tree::new(&b.children(), m),
    );
    let d = ted::distance(&ta, &tb, |x, y| match (x == n, y == m) {
        (true, true) => 0.0,
        (false, false) => 1.0 - title::similarity(&a.points[x].bigrams, &b.points[y].bigrams),
        _ => 1.0,
    });
    (1.0 - d / n.max(m) as f64).clamp(0.0, 1.0)
}

/// The estimate used for outlines too large for the exact distance: Dice similarity of all
/// their title bigrams, scaled by how close their sizes are.
fn bag_similarity(a: &Outline, b: &Outline) -> f64 {
    let bag = |o: &Outline| {
        let mut all: Vec<u64> = o
            .points
            .iter()
            .flat_map(|p| p.bigrams.iter().copied())
            .collect();
        all.sort_unstable();
        all
    };
    let (n, m) = (a.points.len() as f64, b.points.len() as f64);
    title::similarity(&bag(a), &bag(b)) * n.min(m) / n.max(m)
}

/// Compare two outlines: similarity, shapes and the aligned points.
pub fn compare(a: &Outline, b: &Outline) -> Comparison {
    let matches = align(a, b);
    let mut b_of_a: Vec<Option<usize>> = vec![None; a.points.len()];
    let mut a_of_b: Vec<Option<usize>> = vec![None; b.points.len()];
    for &(i, j) in &matches {
        b_of_a[i] = Some(j);
        a_of_b[j] = Some(i);
    }
    let moved = moved_points(a, b, &b_of_a, &a_of_b);
    let point = |o: &Outline, i: usize| PairPoint {
        line: o.points[i].line,
        depth: o.points[i].depth,
        marker: o.points[i].marker.clone(),
        title: o.points[i].title.clone(),
    };
    let mut pairs = Vec::new();
    let mut next_b = 0; // B points before this one are already placed
    let place_b_until = |limit: usize, next_b: &mut usize, pairs: &mut Vec<Pair>| {
        while *next_b < limit {
            if a_of_b[*next_b].is_none() {
                pairs.push(Pair {
                    status: Status::OnlyInB,
                    a: None,
                    b: Some(point(b, *next_b)),
                    title_similarity: None,
                    moved: false,
                    retitled: false,
                    renumbered: false,
                });
            }
            *next_b += 1;
        }
    };
    for i in 0..a.points.len() {
        match b_of_a[i] {
            None => pairs.push(Pair {
                status: Status::OnlyInA,
                a: Some(point(a, i)),
                b: None,
                title_similarity: None,
                moved: false,
                retitled: false,
                renumbered: false,
            }),
            Some(j) => {
                place_b_until(j, &mut next_b, &mut pairs);
                let sim = title::similarity(&a.points[i].bigrams, &b.points[j].bigrams);
                let retitled = sim < 1.0;
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
                pairs.push(Pair {
                    status,
                    a: Some(point(a, i)),
                    b: Some(point(b, j)),
                    title_similarity: Some((sim * 1000.0).round() / 1000.0),
                    moved: moved[i],
                    retitled,
                    renumbered,
                });
            }
        }
    }
    place_b_until(b.points.len(), &mut next_b, &mut pairs);
    let side = |o: &Outline| SideInfo {
        source: o.source.clone(),
        speech: o.speech,
        title: o.title.clone(),
        start_line: o.start_line,
        shape: o.shape(),
    };
    Comparison {
        similarity: (similarity(a, b) * 1000.0).round() / 1000.0,
        a: side(a),
        b: side(b),
        pairs,
    }
}

/// Match points of A and B: the most similar titles first, ties broken by depth and position.
fn align(a: &Outline, b: &Outline) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize, usize, usize)> = Vec::new();
    if a.points.len().saturating_mul(b.points.len()) > MAX_TITLE_PAIRS {
        // Too large to compare every pair of titles: match equal titles only.
        let mut by_title: HashMap<&[u64], Vec<usize>> = HashMap::new();
        for (j, q) in b.points.iter().enumerate() {
            by_title.entry(q.bigrams.as_slice()).or_default().push(j);
        }
        for (i, p) in a.points.iter().enumerate() {
            for &j in by_title
                .get(p.bigrams.as_slice())
                .into_iter()
                .flatten()
                .take(16)
            {
                candidates.push((
                    1.0,
                    p.depth.abs_diff(b.points[j].depth),
                    i.abs_diff(j),
                    i,
                    j,
                ));
            }
        }
    } else {
        for (i, p) in a.points.iter().enumerate() {
            for (j, q) in b.points.iter().enumerate() {
                let s = title::similarity(&p.bigrams, &q.bigrams);
                if s >= MATCH_THRESHOLD {
                    candidates.push((s, p.depth.abs_diff(q.depth), i.abs_diff(j), i, j));
                }
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_a, mut used_b) = (vec![false; a.points.len()], vec![false; b.points.len()]);
    let mut out = Vec::new();
    for (_, _, _, i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            out.push((i, j));
        }
    }
    out.sort_unstable();
    out
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
