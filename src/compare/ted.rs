//! Zhang–Shasha tree edit distance between two outlines, with a caller-given rename cost (from the
//! similarity of heading titles) and unit insert and delete costs.

/// A tree in postorder, as Zhang–Shasha needs it.
pub struct Tree {
    /// For each node in postorder, the caller's id of the node.
    pub ids: Vec<usize>,
    /// For each node in postorder, the postorder index of its leftmost leaf.
    leftmost: Vec<usize>,
    keyroots: Vec<usize>,
}

impl Tree {
    /// Build from `children[i]` (ids of the children of node `i`, in order) and the root's id.
    /// Iterative, so deep outlines cannot overflow the stack.
    pub fn new(children: &[Vec<usize>], root: usize) -> Tree {
        let mut ids = Vec::with_capacity(children.len());
        let mut leftmost = Vec::with_capacity(children.len());
        // (node, next child to visit, postorder index of its leftmost leaf once known)
        let mut stack: Vec<(usize, usize, Option<usize>)> = vec![(root, 0, None)];
        while let Some(top) = stack.last_mut() {
            let (node, next) = (top.0, top.1);
            if next < children[node].len() {
                top.1 += 1;
                stack.push((children[node][next], 0, None));
                continue;
            }
            let (_, _, lm) = stack.pop().expect("not empty");
            let index = ids.len();
            let lm = lm.unwrap_or(index);
            ids.push(node);
            leftmost.push(lm);
            if let Some(parent) = stack.last_mut()
                && parent.2.is_none()
            {
                parent.2 = Some(lm);
            }
        }
        let n = ids.len();
        let mut seen = vec![false; n];
        let mut keyroots = Vec::new();
        for i in (0..n).rev() {
            if !seen[leftmost[i]] {
                seen[leftmost[i]] = true;
                keyroots.push(i);
            }
        }
        keyroots.reverse();
        Tree {
            ids,
            leftmost,
            keyroots,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True for a tree without nodes.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The edit distance between `a` and `b`; `rename(x, y)` is the cost of turning node id `x` of `a`
/// into node id `y` of `b` (0 for equal nodes, at most 1).
///
/// ```
/// use tigang::compare::ted::{Tree, distance};
/// // root 0 with children 1 and 2, against root 0 with child 1 only.
/// let a = Tree::new(&[vec![1, 2], vec![], vec![]], 0);
/// let b = Tree::new(&[vec![1], vec![]], 0);
/// assert_eq!(distance(&a, &b, |x, y| if x == y { 0.0 } else { 1.0 }), 1.0);
/// ```
pub fn distance(a: &Tree, b: &Tree, rename: impl Fn(usize, usize) -> f64) -> f64 {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return (n + m) as f64;
    }
    let mut td = vec![0.0f64; n * m];
    let mut fd: Vec<f64> = Vec::new();
    for &i in &a.keyroots {
        for &j in &b.keyroots {
            let (li, lj) = (a.leftmost[i], b.leftmost[j]);
            let (rows, cols) = (i - li + 2, j - lj + 2);
            fd.clear();
            fd.resize(rows * cols, 0.0);
            for x in 1..rows {
                fd[x * cols] = fd[(x - 1) * cols] + 1.0;
            }
            for y in 1..cols {
                fd[y] = fd[y - 1] + 1.0;
            }
            for x in 1..rows {
                let na = li + x - 1;
                for y in 1..cols {
                    let nb = lj + y - 1;
                    let delete = fd[(x - 1) * cols + y] + 1.0;
                    let insert = fd[x * cols + y - 1] + 1.0;
                    let v = if a.leftmost[na] == li && b.leftmost[nb] == lj {
                        let change = fd[(x - 1) * cols + y - 1] + rename(a.ids[na], b.ids[nb]);
                        let v = delete.min(insert).min(change);
                        td[na * m + nb] = v;
                        v
                    } else {
                        let (p, q) = (a.leftmost[na] - li, b.leftmost[nb] - lj);
                        delete.min(insert).min(fd[p * cols + q] + td[na * m + nb])
                    };
                    fd[x * cols + y] = v;
                }
            }
        }
    }
    td[(n - 1) * m + (m - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(x: usize, y: usize) -> f64 {
        if x == y { 0.0 } else { 1.0 }
    }

    #[test]
    fn identical_trees_are_at_distance_zero() {
        let t = [vec![1, 4], vec![2, 3], vec![], vec![], vec![]];
        assert_eq!(distance(&Tree::new(&t, 0), &Tree::new(&t, 0), eq), 0.0);
    }

    #[test]
    fn the_classic_example() {
        // f(d(a c(b)) e) against f(c(d(a b)) e), labels as ids: distance 2.
        // ids: f0 d1 a2 c3 b4 e5
        let t1 = [vec![1, 5], vec![2, 3], vec![], vec![4], vec![], vec![]];
        let t2 = [vec![3, 5], vec![2, 4], vec![], vec![1], vec![], vec![]];
        assert_eq!(distance(&Tree::new(&t1, 0), &Tree::new(&t2, 0), eq), 2.0);
    }

    #[test]
    fn deep_trees_do_not_overflow() {
        let n = 50_000;
        let chain: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { vec![] })
            .collect();
        let t = Tree::new(&chain, 0);
        assert_eq!(t.len(), n);
    }
}
