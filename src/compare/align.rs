//! One-to-one alignment of two outlines by what their points say, under their structure.
//!
//! Top down: the top-level points of A and B are assigned to each other (Hungarian method,
//! maximum total similarity), then the children of each aligned pair of parents among themselves,
//! and so on, so a point is first looked for under its parent's partner. Points left over are
//! assigned across the whole outline at a discount (they moved to another parent). An aligned
//! pair is kept when its similarity is at least [`MIN_SIMILARITY`] and half the median of the
//! pairs aligned under parents, so an assignment forced on two unrelated lists is dropped.
//! Last, a point left over under an aligned parent whose best counterpart is already aligned
//! and nearly as close to it as to its own partner is linked to it too: a point split in two,
//! or two points merged into one.

use super::content::{Idf, Vector, cosine};
use super::{Outline, title};

/// Weight of the title in a point's similarity; the rest is its text (half its own paragraphs,
/// half with its children's).
pub const TITLE_WEIGHT: f64 = 0.3;

/// Weight of the headline (the title and the lead sentence after it, which in a Chinese report
/// states the point's topic again in other words) in the evidence for aligning two points; the
/// rest is their text, as in [`similarity`].
pub const HEADLINE_WEIGHT: f64 = 0.45;

/// Weight of the sub-section votes in the assignment of a list of points: a point whose
/// sub-sections are mostly closest to a candidate is drawn to it ([`votes`]).
pub const VOTE_WEIGHT: f64 = 0.1;

/// Pairs below this similarity are never aligned.
pub const MIN_SIMILARITY: f64 = 0.05;

/// A pair is kept only at or above this share of the median similarity of the pairs aligned
/// under their parents' partners.
pub const MEDIAN_SHARE: f64 = 0.5;

/// Points aligned across parents count this share of their similarity, so a point is only taken
/// out of its parent's partner when nothing there fits.
pub const MOVED_DISCOUNT: f64 = 0.7;

/// A left-over point is linked to an aligned one (split or merged) when it is at least this share
/// as similar to it as that point's partner is.
pub const SPLIT_SHARE: f64 = 0.8;

/// Above this many candidate pairs in one assignment, the Hungarian method (cubic) gives way to
/// a greedy assignment, most similar first.
pub const MAX_HUNGARIAN_PAIRS: usize = 40_000;

/// Split and merged links are looked for only among at most this many siblings (each left-over
/// point is compared with every aligned sibling of its parent's partner).
const MAX_LINK_SIBLINGS: usize = 200;

/// Sub-sections vote only in lists of at most this many siblings.
const MAX_VOTING_SIBLINGS: usize = 64;

/// Points with more sub-sections than this are compared without them.
const MAX_SECTIONS: usize = 32;

/// Up to this many pairs, similarities are remembered (4 bytes each).
const MAX_CACHED: usize = 1 << 22;

/// Above this many pairs, only points with equal titles are compared (all pairs is quadratic).
pub const MAX_PAIRS: usize = 4_000_000;

/// The vectors of one outline's points.
pub struct Features {
    title: Vec<Vector>,
    /// The headline: the title and the lead sentence.
    headline: Vec<Vector>,
    own: Vec<Vector>,
    /// With the children's text; none for a leaf (the same as `own`).
    tree: Vec<Option<Vector>>,
    /// The sub-sections (two or more, else none).
    sections: Vec<Vec<Vector>>,
}

impl Features {
    fn tree(&self, i: usize) -> &Vector {
        self.tree[i].as_ref().unwrap_or(&self.own[i])
    }

    /// The vectors of `o`'s points under the weights `idf` (a pair's, [`features`], or any
    /// other set of outlines'; `compare --all` uses each pair's own).
    pub fn new(o: &Outline, idf: &Weights) -> Features {
        let points = &o.points;
        Features {
            title: points
                .iter()
                .map(|p| idf.title.vector(&p.title_units))
                .collect(),
            headline: points
                .iter()
                .map(|p| idf.headline.vector(&p.headline_units))
                .collect(),
            own: points
                .iter()
                .map(|p| idf.text.vector(&p.text_units))
                .collect(),
            tree: points
                .iter()
                .map(|p| p.tree_units.as_ref().map(|u| idf.text.vector(u)))
                .collect(),
            sections: points
                .iter()
                .map(|p| {
                    // Only a leaf's sub-sections vote: a parent's children are aligned anyway.
                    if p.tree_units.is_some() || p.section_units.len() > MAX_SECTIONS {
                        return Vec::new();
                    }
                    p.section_units.iter().map(|u| idf.text.vector(u)).collect()
                })
                .collect(),
        }
    }
}

/// The IDF weights points are compared under, counted over the points of some outlines.
pub struct Weights {
    /// Over the points' own texts; it weighs their own, subtree and sub-section words alike, so
    /// a leaf's two vectors are one.
    text: Idf,
    /// Over the points' titles.
    title: Idf,
    /// Over the points' headlines.
    headline: Idf,
}

impl Weights {
    /// Count over every point of `outlines`.
    pub fn new<'a>(outlines: impl IntoIterator<Item = &'a Outline> + Clone) -> Weights {
        let points = || outlines.clone().into_iter().flat_map(|o| &o.points);
        Weights {
            text: Idf::new(points().map(|p| p.text_units.as_slice())),
            title: Idf::new(points().map(|p| p.title_units.as_slice())),
            headline: Idf::new(points().map(|p| p.headline_units.as_slice())),
        }
    }
}

/// The aligned pairs and the points linked as split or merged.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// One-to-one pairs (index in A, index in B), sorted.
    pub pairs: Vec<(usize, usize)>,
    /// Extra links of a split or merged point (index in A, index in B).
    pub links: Vec<(usize, usize)>,
}

/// Both outlines' point vectors, with IDF over the points of both.
pub fn features(a: &Outline, b: &Outline) -> (Features, Features) {
    let idf = Weights::new([a, b]);
    (Features::new(a, &idf), Features::new(b, &idf))
}

/// The similarity of point `i` of A and point `j` of B, in [0, 1]: [`TITLE_WEIGHT`] × the
/// cosine of their titles + the rest × that of their text (half the point's own paragraphs, half
/// with its children's). It is how alike two aligned points are (the figures and the
/// `content_similarity` of a pair); which points are aligned is decided on [`evidence`].
pub fn similarity(fa: &Features, fb: &Features, i: usize, j: usize) -> f64 {
    let text = text_similarity(fa, fb, i, j);
    TITLE_WEIGHT * cosine(&fa.title[i], &fb.title[j]) + (1.0 - TITLE_WEIGHT) * text
}

/// The evidence that point `i` of A and point `j` of B are one point, in [0, 1]: as
/// [`similarity`], with the headline (title and lead sentence) in place of the title, weighed
/// [`HEADLINE_WEIGHT`]. A generic title (稳增长) or a title naming two topics is read, as a reader
/// reads it, with the sentence after it that says what the point is about.
pub fn evidence(fa: &Features, fb: &Features, i: usize, j: usize) -> f64 {
    let text = text_similarity(fa, fb, i, j);
    HEADLINE_WEIGHT * cosine(&fa.headline[i], &fb.headline[j]) + (1.0 - HEADLINE_WEIGHT) * text
}

/// Half the cosine of the points' own texts, half that with their children's.
fn text_similarity(fa: &Features, fb: &Features, i: usize, j: usize) -> f64 {
    let own = cosine(&fa.own[i], &fb.own[j]);
    let tree = if fa.tree[i].is_none() && fb.tree[j].is_none() {
        own
    } else {
        cosine(fa.tree(i), fb.tree(j))
    };
    0.5 * (own + tree)
}

/// The words two aligned points share, heaviest first, as written in `text` (A's point).
pub fn shared_words(
    fa: &Features,
    fb: &Features,
    i: usize,
    j: usize,
    text: &str,
    k: usize,
) -> Vec<String> {
    super::content::shared_words(fa.tree(i), fb.tree(j), text, k)
}

/// Align `a` and `b`.
pub fn align(a: &Outline, b: &Outline, fa: &Features, fb: &Features) -> Alignment {
    let (n, m) = (a.points.len(), b.points.len());
    if n == 0 || m == 0 {
        return Alignment::default();
    }
    let (ca, cb) = (a.children(), b.children());
    // Each pair's similarity is asked for several times (assignment, floor, links): remembered
    // while the table stays small.
    let cache: Option<Vec<std::cell::Cell<f32>>> = (n.saturating_mul(m) <= MAX_CACHED)
        .then(|| (0..n * m).map(|_| std::cell::Cell::new(-1.0)).collect());
    let sim = |i: usize, j: usize| match &cache {
        Some(c) => {
            let cell = &c[i * m + j];
            if cell.get() < 0.0 {
                cell.set(evidence(fa, fb, i, j) as f32);
            }
            f64::from(cell.get())
        }
        None => evidence(fa, fb, i, j),
    };
    let mut b_of_a: Vec<Option<usize>> = vec![None; n];
    let mut a_of_b: Vec<Option<usize>> = vec![None; m];
    // Top down through aligned parents; the virtual roots (n, m) are aligned to each other.
    let mut queue = std::collections::VecDeque::from([(n, m)]);
    let mut under_parents: Vec<(usize, usize, f64)> = Vec::new();
    while let Some((p, q)) = queue.pop_front() {
        let (xs, ys) = (&ca[p], &cb[q]);
        for (i, j, s) in assign(xs, ys, a, b, fa, fb, &sim, 1.0) {
            b_of_a[i] = Some(j);
            a_of_b[j] = Some(i);
            under_parents.push((i, j, s));
            queue.push_back((i, j));
        }
    }
    // Drop pairs far below the typical one: a list aligned to an unrelated list.
    let mut sims: Vec<f64> = under_parents.iter().map(|x| x.2).collect();
    sims.sort_by(f64::total_cmp);
    let floor = sims.get(sims.len() / 2).map_or(0.0, |m| m * MEDIAN_SHARE);
    for &(i, j, s) in &under_parents {
        if s < floor {
            b_of_a[i] = None;
            a_of_b[j] = None;
        }
    }
    // Left over: across parents, at a discount.
    let la: Vec<usize> = (0..n).filter(|&i| b_of_a[i].is_none()).collect();
    let lb: Vec<usize> = (0..m).filter(|&j| a_of_b[j].is_none()).collect();
    for (i, j, s) in assign(&la, &lb, a, b, fa, fb, &sim, MOVED_DISCOUNT) {
        if s >= MIN_SIMILARITY {
            b_of_a[i] = Some(j);
            a_of_b[j] = Some(i);
        }
    }
    let pairs: Vec<(usize, usize)> = (0..n).filter_map(|i| b_of_a[i].map(|j| (i, j))).collect();
    let links = split_and_merged(a, b, &ca, &cb, &b_of_a, &a_of_b, &sim);
    Alignment { pairs, links }
}

/// Left-over points under aligned parents linked to their parent's partner's aligned child that
/// fits them nearly as well as its own partner does.
#[allow(clippy::too_many_arguments)]
fn split_and_merged(
    a: &Outline,
    b: &Outline,
    ca: &[Vec<usize>],
    cb: &[Vec<usize>],
    b_of_a: &[Option<usize>],
    a_of_b: &[Option<usize>],
    sim: &impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    let (n, m) = (a.points.len(), b.points.len());
    let mut links = Vec::new();
    // The partner of a point's parent; the virtual roots are partners.
    let partner_parent =
        |parent: Option<usize>, map: &[Option<usize>], other_root: usize| match parent {
            None => Some(other_root),
            Some(p) => map[p],
        };
    for i in 0..n {
        if b_of_a[i].is_some() {
            continue;
        }
        let Some(q) = partner_parent(a.points[i].parent, b_of_a, m) else {
            continue;
        };
        if cb[q].len() > MAX_LINK_SIBLINGS {
            continue;
        }
        let best = cb[q]
            .iter()
            .filter_map(|&j| a_of_b[j].map(|i0| (j, i0, sim(i, j))))
            .max_by(|x, y| x.2.total_cmp(&y.2));
        if let Some((j, i0, s)) = best
            && s >= MIN_SIMILARITY
            && s >= SPLIT_SHARE * sim(i0, j)
        {
            links.push((i, j));
        }
    }
    for j in 0..m {
        if a_of_b[j].is_some() {
            continue;
        }
        let Some(p) = partner_parent(b.points[j].parent, a_of_b, n) else {
            continue;
        };
        if ca[p].len() > MAX_LINK_SIBLINGS {
            continue;
        }
        let best = ca[p]
            .iter()
            .filter_map(|&i| b_of_a[i].map(|j0| (i, j0, sim(i, j))))
            .max_by(|x, y| x.2.total_cmp(&y.2));
        if let Some((i, j0, s)) = best
            && s >= MIN_SIMILARITY
            && s >= SPLIT_SHARE * sim(i, j0)
        {
            links.push((i, j));
        }
    }
    links.sort_unstable();
    links.dedup();
    links
}

/// Assign points `xs` of A to points `ys` of B one to one, maximizing the total of
/// `sim × discount`; pairs below [`MIN_SIMILARITY`] are left out. Returns (i, j, similarity).
#[allow(clippy::too_many_arguments)]
fn assign(
    xs: &[usize],
    ys: &[usize],
    a: &Outline,
    b: &Outline,
    fa: &Features,
    fb: &Features,
    sim: &impl Fn(usize, usize) -> f64,
    discount: f64,
) -> Vec<(usize, usize, f64)> {
    if xs.is_empty() || ys.is_empty() {
        return Vec::new();
    }
    let cells = xs.len().saturating_mul(ys.len());
    let chosen: Vec<(usize, usize)> = if cells <= MAX_HUNGARIAN_PAIRS {
        let mut w: Vec<Vec<f64>> = xs
            .iter()
            .map(|&i| ys.iter().map(|&j| sim(i, j)).collect())
            .collect();
        // Sub-section votes: how many of each point's sub-sections are closest to each
        // candidate, both ways, shift the weights the assignment maximizes (not the similarity
        // the pair is kept and shown with).
        if discount == 1.0 && xs.len().max(ys.len()) <= MAX_VOTING_SIBLINGS {
            let (vx, vy) = (votes(xs, ys, fa, fb), votes(ys, xs, fb, fa));
            for (x, row) in w.iter_mut().enumerate() {
                for (y, cell) in row.iter_mut().enumerate() {
                    let v = match (&vx[x], &vy[y]) {
                        (Some(p), Some(q)) => 0.5 * (p[y] + q[x]),
                        (Some(p), None) => p[y],
                        (None, Some(q)) => q[x],
                        (None, None) => continue,
                    };
                    *cell = (1.0 - VOTE_WEIGHT) * *cell + VOTE_WEIGHT * v;
                }
            }
        }
        hungarian(&w)
    } else if cells <= MAX_PAIRS {
        let mut cand: Vec<(f64, usize, usize)> = Vec::new();
        for (x, &i) in xs.iter().enumerate() {
            for (y, &j) in ys.iter().enumerate() {
                let s = sim(i, j);
                if s >= MIN_SIMILARITY {
                    cand.push((s, x, y));
                }
            }
        }
        greedy(cand, xs.len(), ys.len())
    } else {
        // Too many to compare all: equal titles only.
        let mut by_title: std::collections::HashMap<&[u64], Vec<usize>> = Default::default();
        for (y, &j) in ys.iter().enumerate() {
            by_title
                .entry(b.points[j].bigrams.as_slice())
                .or_default()
                .push(y);
        }
        let mut cand = Vec::new();
        for (x, &i) in xs.iter().enumerate() {
            for &y in by_title
                .get(a.points[i].bigrams.as_slice())
                .into_iter()
                .flatten()
                .take(16)
            {
                cand.push((
                    title::similarity(&a.points[i].bigrams, &b.points[ys[y]].bigrams),
                    x,
                    y,
                ));
            }
        }
        greedy(cand, xs.len(), ys.len())
    };
    chosen
        .into_iter()
        .map(|(x, y)| (xs[x], ys[y], sim(xs[x], ys[y]) * discount))
        .filter(|&(_, _, s)| s >= MIN_SIMILARITY)
        .collect()
}

/// For each leaf of `xs` with sub-sections, the share of them that are closest to each leaf of
/// `ys` (by the cosine of the sub-section with the point's text); none for the others. A
/// sub-section's norm is the same against every candidate, so the largest dot product names
/// the closest, summed through an index of the candidates' units.
fn votes(xs: &[usize], ys: &[usize], fx: &Features, fy: &Features) -> Vec<Option<Vec<f64>>> {
    if xs.iter().all(|&i| fx.sections[i].is_empty()) {
        return vec![None; xs.len()];
    }
    let mut postings: Vec<(u64, usize, f32)> = ys
        .iter()
        .enumerate()
        .filter(|&(_, &j)| fy.tree[j].is_none())
        .flat_map(|(y, &j)| fy.own[j].iter().map(move |&(u, w)| (u, y, w)))
        .collect();
    postings.sort_unstable_by_key(|&(u, y, _)| (u, y));
    let mut dots = vec![0.0f64; ys.len()];
    xs.iter()
        .map(|&i| {
            let subs = &fx.sections[i];
            if subs.is_empty() || fx.tree[i].is_some() {
                return None;
            }
            let mut share = vec![0.0; ys.len()];
            for sub in subs {
                dots.iter_mut().for_each(|d| *d = 0.0);
                let mut at = 0;
                for &(u, w) in sub {
                    // Both are sorted by unit: walk the postings forward.
                    at += postings[at..].partition_point(|p| p.0 < u);
                    for &(_, y, v) in postings[at..].iter().take_while(|p| p.0 == u) {
                        dots[y] += f64::from(w) * f64::from(v);
                    }
                }
                let best = dots
                    .iter()
                    .enumerate()
                    .max_by(|p, q| p.1.total_cmp(q.1).then(q.0.cmp(&p.0)));
                if let Some((y, &d)) = best
                    && d > 0.0
                {
                    share[y] += 1.0 / subs.len() as f64;
                }
            }
            Some(share)
        })
        .collect()
}

/// The most similar pairs first, each point used once.
fn greedy(mut cand: Vec<(f64, usize, usize)>, n: usize, m: usize) -> Vec<(usize, usize)> {
    cand.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut ua, mut ub) = (vec![false; n], vec![false; m]);
    let mut out = Vec::new();
    for (_, x, y) in cand {
        if !ua[x] && !ub[y] {
            ua[x] = true;
            ub[y] = true;
            out.push((x, y));
        }
    }
    out
}

/// The assignment of rows to columns of `w` (rectangular) with the largest total weight: the
/// Hungarian method with potentials, O(n² m). Returns (row, column) pairs.
pub fn hungarian(w: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let n = w.len();
    let m = w.first().map_or(0, Vec::len);
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if n > m {
        let t: Vec<Vec<f64>> = (0..m).map(|j| (0..n).map(|i| w[i][j]).collect()).collect();
        return hungarian(&t).into_iter().map(|(j, i)| (i, j)).collect();
    }
    // Minimize cost = -weight; rows 1..=n, columns 1..=m, 0 is the sentinel.
    let (mut u, mut v) = (vec![0.0f64; n + 1], vec![0.0f64; m + 1]);
    let (mut p, mut way) = (vec![0usize; m + 1], vec![0usize; m + 1]);
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let (mut delta, mut j1) = (f64::INFINITY, 0);
            for j in 1..=m {
                if !used[j] {
                    let cur = -w[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=m)
        .filter(|&j| p[j] != 0)
        .map(|j| (p[j] - 1, j - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Outline {
        let doc = crate::extract(text, &Default::default()).unwrap();
        Outline::with_text("t", 0, &doc.speeches[0], &doc.text)
    }

    fn line_of(o: &Outline, title: &str) -> usize {
        o.points.iter().position(|p| p.title == title).unwrap()
    }

    const FILLER: &str = "落实各项任务，确保取得实效。压实工作责任，加强督促检查，推动各项部署落地见效。\
        坚持问题导向，完善工作机制，切实提高工作水平。";

    #[test]
    fn the_lead_sentence_names_the_topic_over_a_lookalike_title() {
        // A's point shares its title with B's second point, and its lead sentence (the topic)
        // with B's first: it goes with the first.
        let a = outline(&format!(
            "一、今年的主要任务\n（一）抓好重点工作。全力推进科技创新。\n{FILLER}\n\
             （二）守住安全底线。全力防范化解风险。\n{FILLER}\n"
        ));
        let b = outline(&format!(
            "一、今年的重点工作\n（一）加快发展步伐。全力推进科技创新。\n{FILLER}\n\
             （二）抓好重点工作。全力保障改善民生。\n{FILLER}\n"
        ));
        let (fa, fb) = features(&a, &b);
        let al = align(&a, &b, &fa, &fb);
        let (i, j) = (line_of(&a, "抓好重点工作"), line_of(&b, "加快发展步伐"));
        assert!(al.pairs.contains(&(i, j)), "{:?}", al.pairs);
        assert!(evidence(&fa, &fb, i, j) > evidence(&fa, &fb, i, line_of(&b, "抓好重点工作")));
    }

    #[test]
    fn sub_sections_vote_for_the_point_they_are_closest_to() {
        let a = outline(
            "一、重点任务\n（一）推动经济持续向好。\n\
             提振消费。发放消费券，办好购物节，促进汽车家电消费。\n\
             扩大投资。开工重点项目，加快城市更新改造。\n\
             稳定外贸。支持企业参展拓市场，稳住外贸订单。\n",
        );
        let b = outline(
            "一、重点工作\n（一）扩大国内需求。\n促进消费。发放消费券，办好购物节。\n\
             扩大投资。开工重点项目。\n\
             （二）扩大对外开放。\n稳定外贸。支持企业参展拓市场，稳住外贸订单，推动跨境电商发展。\n",
        );
        let (fa, fb) = features(&a, &b);
        let x = line_of(&a, "推动经济持续向好");
        let ys = [line_of(&b, "扩大国内需求"), line_of(&b, "扩大对外开放")];
        // Three sub-sections: two closest to domestic demand, one to opening up.
        let v = votes(&[x], &ys, &fa, &fb);
        let share = v[0].as_ref().unwrap();
        assert!((share[0] - 2.0 / 3.0).abs() < 1e-9, "{share:?}");
        assert!((share[1] - 1.0 / 3.0).abs() < 1e-9, "{share:?}");
        // Domestic demand's two sub-sections both vote for A's point; a lone block is no vote.
        let back = votes(&ys, &[x], &fb, &fa);
        assert_eq!(back[0].as_deref(), Some(&[1.0][..]));
        assert!(back[1].is_none());
        let al = align(&a, &b, &fa, &fb);
        assert!(al.pairs.contains(&(x, ys[0])), "{:?}", al.pairs);
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn hungarian() {
        use crate::compare::align::hungarian;
        // Greedy would take 0.9 and be left with 0.1; the best total is 0.8 + 0.8.
        let w = vec![vec![0.9, 0.8], vec![0.8, 0.1]];
        let mut m = hungarian(&w);
        m.sort();
        assert_eq!(m, [(0, 1), (1, 0)]);
    }
}
