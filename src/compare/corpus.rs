//! Grouping a corpus into speeches built on the same template, without comparing every pair:
//! MinHash signatures over each outline's title bigrams are banded (locality-sensitive hashing),
//! only speeches that share a band become candidate pairs, and only those pairs get the exact tree
//! edit distance. Copies identical point for point are collapsed first, and each speech has a
//! bounded number of candidates, so a corpus of copies of one template stays linear. Clusters are
//! the connected groups of pairs at or above the threshold.

use super::{Outline, similarity};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Number of MinHash functions: `BANDS` bands of `ROWS` rows. With 16 × 4 a pair whose bigram sets
/// have a Jaccard similarity of 0.5 is a candidate with probability 0.65, one of 0.7 with 0.98.
const BANDS: usize = 16;
const ROWS: usize = 4;

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
    /// Clusters of two or more speeches, largest first.
    pub clusters: Vec<Cluster>,
    /// Speeches with an outline that were compared.
    pub speeches: usize,
    /// Pairs scored: by their tree edit distance, or as identical copies (similarity 1).
    pub pairs_scored: usize,
}

/// A scored candidate pair: indices into the outlines and their similarity.
pub type Scored = (usize, usize, f64);

/// How many later members of one band's bucket each speech is paired with. A bucket of copies of
/// one template can hold thousands of speeches; pairing all of them is quadratic, while a window
/// still links the whole bucket into one chain for the clusters (connected groups of pairs). It
/// bounds the candidates per speech to `2 * BANDS * NEIGHBOURS`.
const NEIGHBOURS: usize = 8;

/// Find candidate pairs and score them; return the scored pairs. Outlines identical point for
/// point are collapsed first: each copy is paired with the first of its kind at similarity 1
/// without computing a distance, and only the first takes part in the search.
pub fn scored_pairs(outlines: &[Outline]) -> Vec<Scored> {
    let (firsts, mut scored) = collapse_copies(outlines);
    let signatures: Vec<Option<[u64; BANDS * ROWS]>> =
        firsts.iter().map(|&i| signature(&outlines[i])).collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (&i, sig) in firsts.iter().zip(&signatures) {
        let Some(sig) = sig else { continue };
        for band in 0..BANDS {
            let key = sig[band * ROWS..(band + 1) * ROWS]
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, v| mix(h ^ v));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in buckets.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in members[x + 1..].iter().take(NEIGHBOURS) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    // A pair shares several bands as often as not: score it once.
    pairs.sort_unstable();
    pairs.dedup();
    scored.extend(
        pairs
            .into_iter()
            .map(|(i, j)| (i, j, similarity(&outlines[i], &outlines[j]))),
    );
    scored.sort_unstable_by_key(|&(i, j, _)| (i, j));
    scored
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

/// Group `outlines` into clusters of speeches at least `threshold` similar.
pub fn cluster(outlines: &[Outline], threshold: f64) -> (CorpusComparison, Vec<Scored>) {
    let scored = scored_pairs(outlines);
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
    let result = CorpusComparison {
        clusters,
        speeches: outlines.len(),
        pairs_scored: scored.len(),
    };
    (result, scored)
}

fn first_key(c: &Cluster) -> (String, usize) {
    c.members
        .first()
        .map_or((String::new(), 0), |m| (m.source.clone(), m.speech))
}

/// The MinHash signature of an outline's title bigrams (and its depth profile, so that two
/// outlines with the same words in another structure do not look identical); none when empty.
fn signature(o: &Outline) -> Option<[u64; BANDS * ROWS]> {
    let mut features: Vec<u64> = o
        .points
        .iter()
        .flat_map(|p| p.bigrams.iter().copied())
        .collect();
    features.extend(o.points.iter().map(|p| 0xD0_0000_0000 + p.depth as u64));
    if o.points.is_empty() {
        return None;
    }
    features.sort_unstable();
    features.dedup();
    let mut sig = [u64::MAX; BANDS * ROWS];
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
