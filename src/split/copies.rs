//! Copies of a speech's opening: collections repeat their texts.

use super::signals::{is_header_like, is_salutation_line, is_site_blurb};
use crate::clean::Line;

/// How many characters a speech's first line needs before its copies are trusted to start the
/// speech again: short lines (同志们：, 一、总体要求) recur inside unrelated speeches.
const OPENING_MIN_CHARS: usize = 10;

/// Collections repeat their texts, and a copy is not always preceded by the signal that found the
/// original (the copy follows a list instead of a closing). So a speech's first line, when it is
/// a long paragraph, starts a speech again wherever it is repeated together with one of the two
/// lines after it, unless that place already lies in a speech's header.
///
/// `starts` are the content positions of the speeches found without copies; the answer is the
/// content positions of the copies.
pub(super) fn copies_of_openings(
    lines: &[Line],
    content: &[usize],
    starts: &[usize],
) -> Vec<usize> {
    if starts.len() < 2 {
        return Vec::new();
    }
    let text = |pos: usize| lines[content[pos]].text.as_ref();
    let start_positions = starts;
    // The starts whose first line can be recognised again, ordered by the line's byte length and
    // then its text: most lines of a file are turned away by their length alone.
    let mut openings: Vec<(usize, &str, usize)> = start_positions
        .iter()
        .map(|&pos| (text(pos).len(), text(pos), pos))
        .filter(|&(_, t, pos)| {
            t.chars().nth(OPENING_MIN_CHARS - 1).is_some()
                && !is_salutation_line(t)
                && pos + 1 < content.len()
        })
        .collect();
    openings.sort_unstable();
    // A few originals of one text are enough to recognise its copies; keeping them all would let
    // a file of one repeated paragraph cost quadratic time.
    let mut kept = 0;
    openings.dedup_by(|b, a| {
        kept = if (a.0, a.1) == (b.0, b.1) {
            kept + 1
        } else {
            0
        };
        kept >= 4
    });
    let next_two = |pos: usize| {
        content[pos + 1..]
            .iter()
            .take(2)
            .map(|&i| lines[i].text.as_ref())
    };
    let copies = |pos: usize, original: usize| {
        original != pos && next_two(original).any(|a| next_two(pos).any(|b| a == b))
    };
    let mut found = Vec::new();
    for pos in 0..content.len() {
        let key = (text(pos).len(), text(pos));
        let from = openings.partition_point(|&(l, t, _)| (l, t) < key);
        let mut originals = openings[from..]
            .iter()
            .take_while(|&&(l, t, _)| (l, t) == key);
        if lines[content[pos]].continues || !originals.any(|&(_, _, o)| copies(pos, o)) {
            continue;
        }
        // A copy whose own title or salutation has already started a speech needs no new start:
        // walk back over the header lines (title, date, speaker, salutation, a site's blurb)
        // looking for one.
        let in_header = (pos.saturating_sub(4)..=pos)
            .rev()
            .take_while(|&p| {
                let t = text(p);
                p == pos || is_header_like(t) || is_salutation_line(t) || is_site_blurb(t)
            })
            .any(|p| start_positions.binary_search(&p).is_ok());
        if !in_header {
            found.push(pos);
        }
    }
    found
}
