//! Heading titles made comparable: traditional characters folded to simplified (fast2s),
//! full-width letters and digits to half-width, punctuation and spaces dropped; then compared by
//! their character bigrams.

/// Fold a title for comparison.
pub fn normalize(title: &str) -> String {
    let simplified = fast2s::convert(title);
    simplified
        .chars()
        .filter_map(|c| {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            c.is_alphanumeric()
                .then(|| c.to_lowercase().next().unwrap_or(c))
        })
        .collect()
}

/// The character bigrams of a normalized title, sorted, as 64-bit keys (a lone character is its
/// own key, so one-character titles still compare).
pub fn bigrams(normalized: &str) -> Vec<u64> {
    let chars: Vec<char> = normalized.chars().collect();
    let mut out: Vec<u64> = match chars.len() {
        0 => Vec::new(),
        1 => vec![chars[0] as u64],
        _ => chars
            .windows(2)
            .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
            .collect(),
    };
    out.sort_unstable();
    out
}

/// Dice similarity of two sorted bigram lists, in [0, 1]; two empty titles are equal.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        similarity(&bigrams(&normalize(a)), &bigrams(&normalize(b)))
    }

    #[test]
    fn traditional_and_simplified_titles_are_the_same() {
        assert_eq!(
            sim(
                "加強理論武裝，深刻學習領會上級精神",
                "加强理论武装，深刻学习领会上级精神"
            ),
            1.0
        );
    }

    #[test]
    fn unrelated_titles_are_far_apart() {
        assert!(sim("抓好种子供应", "严明纪律要求") < 0.2);
        assert!(sim("抓好种子供应工作", "抓好种子供应") > 0.7);
    }
}

#[cfg(test)]
mod examples {
    // What the documentation showed before these items became the crate's own.
    #[test]
    fn normalize() {
        use crate::compare::title::normalize;
        assert_eq!(
            normalize("堅定政治立場，重視踐行意識形態工作。"),
            "坚定政治立场重视践行意识形态工作"
        );
        assert_eq!(normalize("抓好“三基”ＡＢ１"), "抓好三基ab1");
    }
}
