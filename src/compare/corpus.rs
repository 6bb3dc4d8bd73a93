//! Grouping a corpus at two levels without comparing every pair: **copies** (near-identical
//! outlines: [`Comparison::similarity`](super::Comparison) at or above a threshold) and
//! **template families** (the same skeleton with other content: most points aligned by content
//! under aligned parents, [`Comparison::structure_similarity`](super::Comparison) at or above
//! [`FAMILY_THRESHOLD`]).
//!
//! Candidates come from locality-sensitive hashing: MinHash signatures over each outline's title
//! bigrams (copies share titles) and over the bigrams of its points' text (a family shares a
//! vocabulary, not titles) are banded, and only speeches that share a band are compared. Copies
//! identical point for point are collapsed first, and each speech has a bounded number of
//! candidates, so a corpus of copies of one template stays linear. Clusters are the connected
//! groups of pairs at or above the threshold.
//!
//! Each candidate pair is scored under its own IDF weights, as `compare A B` scores it. Weights
//! counted once over the whole corpus (each outline's vectors built once) were tried and dropped:
//! they raised the content overlap of speeches from one source (two turns of one hansard) above
//! [`FAMILY_MIN_CONTENT`], making families of them.

use super::{Figures, Outline, figures};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Number of MinHash functions: `BANDS` bands of `ROWS` rows. With 16 × 4 a pair whose bigram sets
/// have a Jaccard similarity of 0.5 is a candidate with probability 0.65, one of 0.7 with 0.98.
const BANDS: usize = 16;
const ROWS: usize = 4;

/// The family signature: `FAMILY_BANDS` bands of 2 rows over the text bigrams. Two reports of one
/// template share a tenth to a third of their bigrams: at a Jaccard similarity of 0.2 a pair is a
/// candidate with probability 0.73, at 0.1 with 0.28 (a family is linked through any of its
/// members, so one missed pair rarely splits it), at 0.03 with 0.03.
const FAMILY_BANDS: usize = 32;
const FAMILY_ROWS: usize = 2;

/// Two speeches are a family only when their aligned points say alike things at least this much
/// ([`Comparison::content_overlap`](super::Comparison::content_overlap)): provincial reports of one year score 0.10–0.17, unrelated
/// speeches of one register below 0.07, so a shared generic shape (一、>（一）) is not enough.
pub const FAMILY_MIN_CONTENT: f64 = 0.08;

/// Two speeches are a family only with at least this many points aligned in shape.
pub const FAMILY_MIN_POINTS: usize = 4;

/// How many later members of a family band's bucket each speech is paired with: a family needs
/// only to be linked, not every pair of it compared, and its buckets are many (32 bands).
const FAMILY_NEIGHBOURS: usize = 2;

/// Up to this many distinct outlines, every pair is compared: it costs less than a second, and no
/// family member is missed by the hashing.
const ALL_PAIRS_UP_TO: usize = 100;

/// Two speeches are of one template family when at least this share of their points is aligned
/// by content at the same depth under aligned parents ([`Comparison::structure_similarity`](super::Comparison::structure_similarity)).
/// Two provincial government work reports score about 0.65; unrelated speeches 0.05–0.3.
pub const FAMILY_THRESHOLD: f64 = 0.45;

/// Candidates for a family whose MinHash estimate of Jaccard similarity is below this are not
/// compared: unrelated speeches share a twentieth of their bigrams or less.
const FAMILY_MIN_JACCARD: f64 = 0.06;

/// One speech in a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The file.
    pub source: String,
    /// The speech's 1-based position in its file.
    pub speech: usize,
    /// The speech's first line.
    pub start_line: usize,
    /// The speech's title, when known.
    pub title: Option<String>,
    /// How many points its outline has.
    pub points: usize,
}

/// Speeches with the same structure and near-identical headings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    /// The speeches, in input order.
    pub members: Vec<Member>,
    /// The lowest similarity among the pairs that joined the cluster.
    pub similarity: f64,
}

/// The result of comparing a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusComparison {
    /// Copies: clusters of two or more near-identical speeches (similarity at or above the
    /// threshold), largest first.
    pub clusters: Vec<Cluster>,
    /// Template families: clusters of speeches with one skeleton (structure similarity at or
    /// above the family threshold), largest first; a family holds its copies too.
    #[serde(default)]
    pub families: Vec<Cluster>,
    /// Speeches with an outline that were compared.
    pub speeches: usize,
    /// Pairs scored: by their tree edit distance, or as identical copies (similarity 1).
    pub pairs_scored: usize,
}

/// A scored candidate pair: indices into the outlines and their similarity.
pub type Scored = (usize, usize, f64);

/// A scored candidate pair with its structure similarity (for families).
type Rated = (usize, usize, f64, f64);

/// How many later members of one band's bucket each speech is paired with. A bucket of copies of
/// one template can hold thousands of speeches; pairing all of them is quadratic, while a window
/// still links the whole bucket into one chain for the clusters (connected groups of pairs). It
/// bounds the candidates per speech to `2 * BANDS * NEIGHBOURS`.
const NEIGHBOURS: usize = 8;

/// Candidate pairs from the banded signatures, each speech with a bounded number of them.
fn banded(
    firsts: &[usize],
    signatures: &[Option<Vec<u64>>],
    bands: usize,
    rows: usize,
    neighbours: usize,
) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (&i, sig) in firsts.iter().zip(signatures) {
        let Some(sig) = sig else { continue };
        for band in 0..bands {
            let key = sig[band * rows..(band + 1) * rows]
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, v| mix(h ^ v));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in buckets.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in members[x + 1..].iter().take(neighbours) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    pairs
}

/// Score candidates: similarity and structure similarity of each, copies at 1.
fn rated_pairs(outlines: &[Outline]) -> Vec<Rated> {
    let (firsts, copies) = collapse_copies(outlines);
    let mut rated: Vec<Rated> = copies.into_iter().map(|(i, j, s)| (i, j, s, s)).collect();
    let title_sigs: Vec<Option<Vec<u64>>> = firsts
        .iter()
        .map(|&i| signature(title_features(&outlines[i]), BANDS * ROWS))
        .collect();
    let text_sigs: Vec<Option<Vec<u64>>> = firsts
        .iter()
        .map(|&i| signature(text_features(&outlines[i]), FAMILY_BANDS * FAMILY_ROWS))
        .collect();
    let mut pairs = banded(&firsts, &title_sigs, BANDS, ROWS, NEIGHBOURS);
    if firsts.len() <= ALL_PAIRS_UP_TO {
        for (x, &i) in firsts.iter().enumerate() {
            pairs.extend(firsts[x + 1..].iter().map(|&j| (i.min(j), i.max(j))));
        }
    }
    let at: HashMap<usize, usize> = firsts.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    pairs.extend(
        banded(
            &firsts,
            &text_sigs,
            FAMILY_BANDS,
            FAMILY_ROWS,
            FAMILY_NEIGHBOURS,
        )
        .into_iter()
        .filter(|&(i, j)| match (&text_sigs[at[&i]], &text_sigs[at[&j]]) {
            (Some(x), Some(y)) => {
                let same = x.iter().zip(y).filter(|(p, q)| p == q).count();
                same as f64 / x.len() as f64 >= FAMILY_MIN_JACCARD
            }
            _ => false,
        }),
    );
    // A pair shares several bands as often as not: score it once.
    pairs.sort_unstable();
    pairs.dedup();
    use rayon::prelude::*;
    rated.par_extend(pairs.into_par_iter().map(|(i, j)| {
        // Under the pair's own IDF weights, as `compare A B` gives it (weights over the whole
        // corpus made unrelated speeches of one source look alike: see the module's notes).
        let c: Figures = figures(&outlines[i], &outlines[j]);
        // A skeleton is several points: two one-point turns of a debate are no family.
        let sizes = (outlines[i].points.len() + outlines[j].points.len()) as f64;
        let kept = c.structure_similarity * sizes / 2.0;
        let family =
            if kept + 0.01 >= FAMILY_MIN_POINTS as f64 && c.content_overlap >= FAMILY_MIN_CONTENT {
                c.structure_similarity
            } else {
                0.0
            };
        (i, j, c.similarity, family)
    }));
    rated.sort_unstable_by_key(|&(i, j, _, _)| (i, j));
    rated
}

/// The first outline of each kind (outlines identical point for point are one kind), and each
/// later copy paired with its first at similarity 1.
fn collapse_copies(outlines: &[Outline]) -> (Vec<usize>, Vec<Scored>) {
    type Key<'a> = Vec<(usize, Option<usize>, &'a str, &'a str)>;
    let mut first_of: HashMap<Key<'_>, usize> = HashMap::new();
    let (mut firsts, mut copies) = (Vec::new(), Vec::new());
    for (i, o) in outlines.iter().enumerate() {
        let key: Key<'_> = o
            .points
            .iter()
            .map(|p| (p.depth, p.parent, p.marker.as_str(), p.title.as_str()))
            .collect();
        match first_of.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => copies.push((*e.get(), i, 1.0)),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
                firsts.push(i);
            }
        }
    }
    (firsts, copies)
}

/// Group `outlines` into copies (clusters of speeches at least `threshold` similar) and template
/// families (at least `family_threshold` structure similarity).
pub fn cluster(
    outlines: &[Outline],
    threshold: f64,
    family_threshold: f64,
) -> (CorpusComparison, Vec<Scored>) {
    let rated = rated_pairs(outlines);
    let copies: Vec<Scored> = rated.iter().map(|&(i, j, s, _)| (i, j, s)).collect();
    let family: Vec<Scored> = rated.iter().map(|&(i, j, _, f)| (i, j, f)).collect();
    let result = CorpusComparison {
        clusters: components(outlines, &copies, threshold),
        families: components(outlines, &family, family_threshold),
        speeches: outlines.len(),
        pairs_scored: rated.len(),
    };
    (result, copies)
}

/// The connected groups of two or more speeches linked by pairs scored at or above `threshold`.
fn components(outlines: &[Outline], scored: &[Scored], threshold: f64) -> Vec<Cluster> {
    let mut parent: Vec<usize> = (0..outlines.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut weakest: HashMap<usize, f64> = HashMap::new();
    let mut links: Vec<(usize, usize, f64)> = scored
        .iter()
        .copied()
        .filter(|p| p.2 >= threshold)
        .collect();
    links.sort_by(|x, y| y.2.total_cmp(&x.2));
    for &(i, j, s) in &links {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri != rj {
            parent[ri] = rj;
            let w = weakest
                .remove(&ri)
                .unwrap_or(1.0)
                .min(weakest.get(&rj).copied().unwrap_or(1.0))
                .min(s);
            weakest.insert(rj, w);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..outlines.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut clusters: Vec<Cluster> = groups
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(root, members)| Cluster {
            similarity: (weakest.get(&root).copied().unwrap_or(1.0) * 1000.0).round() / 1000.0,
            members: members
                .into_iter()
                .map(|i| Member {
                    source: outlines[i].source.clone(),
                    speech: outlines[i].speech,
                    start_line: outlines[i].start_line,
                    title: outlines[i].title.clone(),
                    points: outlines[i].points.len(),
                })
                .collect(),
        })
        .collect();
    clusters.sort_by(|x, y| {
        y.members
            .len()
            .cmp(&x.members.len())
            .then_with(|| first_key(x).cmp(&first_key(y)))
    });
    clusters
}

fn first_key(c: &Cluster) -> (String, usize) {
    c.members
        .first()
        .map_or((String::new(), 0), |m| (m.source.clone(), m.speech))
}

/// An outline's title bigrams and its depth profile (so that two outlines with the same words
/// in another structure do not look identical).
fn title_features(o: &Outline) -> Vec<u64> {
    let mut features: Vec<u64> = o
        .points
        .iter()
        .flat_map(|p| p.bigrams.iter().copied())
        .collect();
    features.extend(o.points.iter().map(|p| 0xD0_0000_0000 + p.depth as u64));
    features
}

/// The bigrams of an outline's point texts: its vocabulary.
fn text_features(o: &Outline) -> Vec<u64> {
    o.points
        .iter()
        .flat_map(|p| p.text_units.iter().copied().filter(|u| u >> 63 == 1))
        .collect()
}

/// The MinHash signature (`len` slots) of a set of features; none when empty.
fn signature(mut features: Vec<u64>, len: usize) -> Option<Vec<u64>> {
    if features.is_empty() {
        return None;
    }
    features.sort_unstable();
    features.dedup();
    let mut sig = vec![u64::MAX; len];
    for f in features {
        for (k, slot) in sig.iter_mut().enumerate() {
            let h = mix(f ^ mix(k as u64 + 1));
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

/// SplitMix64 finalizer: a fast, well-mixed 64-bit hash.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Write the similarity matrix as CSV: one row and column per speech (`source#N`), the diagonal
/// 1, scored pairs their similarity, and pairs that LSH ruled out left empty (not compared).
pub fn write_matrix<W: std::io::Write>(
    outlines: &[Outline],
    scored: &[Scored],
    out: &mut W,
) -> std::io::Result<()> {
    let n = outlines.len();
    let mut cells: HashMap<(usize, usize), f64> = HashMap::new();
    for &(i, j, s) in scored {
        cells.insert((i, j), s);
        cells.insert((j, i), s);
    }
    let name = |o: &Outline| csv_field(&format!("{}#{}", o.source, o.speech));
    write!(out, "speech")?;
    for o in outlines {
        write!(out, ",{}", name(o))?;
    }
    writeln!(out)?;
    for (i, o) in outlines.iter().enumerate() {
        write!(out, "{}", name(o))?;
        for j in 0..n {
            match (i == j, cells.get(&(i, j))) {
                (true, _) => write!(out, ",1")?,
                (false, Some(s)) => write!(out, ",{s:.3}")?,
                (false, None) => write!(out, ",")?,
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Write the topic table of `families` as CSV: a column per speech of the families
/// (`source#N`), a row per aligned point cluster. In each family the speech with the most points
/// is the reference: every other member is aligned to it (`super::align`), each reference point
/// is a row with the point each member aligned to it, and a member's points aligned to none get a
/// row of their own. A cell is the point's marker and title (`（三）加快科技创新`); the first columns
/// name the family and the reference point's depth.
pub fn write_topics<W: std::io::Write>(
    outlines: &[Outline],
    families: &[Cluster],
    out: &mut W,
) -> std::io::Result<()> {
    let index: HashMap<(&str, usize), usize> = outlines
        .iter()
        .enumerate()
        .map(|(i, o)| ((o.source.as_str(), o.speech), i))
        .collect();
    let groups: Vec<Vec<usize>> = families
        .iter()
        .map(|f| {
            f.members
                .iter()
                .filter_map(|m| index.get(&(m.source.as_str(), m.speech)).copied())
                .collect()
        })
        .collect();
    let columns: Vec<usize> = groups.iter().flatten().copied().collect();
    let column_of: HashMap<usize, usize> =
        columns.iter().enumerate().map(|(c, &i)| (i, c)).collect();
    write!(out, "family,depth")?;
    for &i in &columns {
        write!(
            out,
            ",{}",
            csv_field(&format!("{}#{}", outlines[i].source, outlines[i].speech))
        )?;
    }
    writeln!(out)?;
    let cell = |o: &Outline, p: usize| format!("{}{}", o.points[p].marker, o.points[p].title);
    for (f, members) in groups.iter().enumerate() {
        let Some(&reference) = members.iter().max_by(|&&x, &&y| {
            outlines[x]
                .points
                .len()
                .cmp(&outlines[y].points.len())
                .then(y.cmp(&x))
        }) else {
            continue;
        };
        let r = &outlines[reference];
        let mut rows: Vec<Vec<String>> = vec![vec![String::new(); columns.len()]; r.points.len()];
        let mut depth: Vec<usize> = r.points.iter().map(|p| p.depth).collect();
        for (p, row) in rows.iter_mut().enumerate() {
            row[column_of[&reference]] = cell(r, p);
        }
        for &m in members.iter().filter(|&&m| m != reference) {
            let o = &outlines[m];
            let (fa, fb) = super::align::features(r, o);
            let alignment = super::align::align(r, o, &fa, &fb);
            let mut aligned = vec![false; o.points.len()];
            for &(i, j) in &alignment.pairs {
                rows[i][column_of[&m]] = cell(o, j);
                aligned[j] = true;
            }
            for j in (0..o.points.len()).filter(|&j| !aligned[j]) {
                let mut row = vec![String::new(); columns.len()];
                row[column_of[&m]] = cell(o, j);
                rows.push(row);
                depth.push(o.points[j].depth);
            }
        }
        for (row, d) in rows.iter().zip(&depth) {
            write!(out, "{},{}", f + 1, d)?;
            for c in row {
                write!(out, ",{}", csv_field(c))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
