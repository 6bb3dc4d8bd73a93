//! The items the search places: each marker line of a speech with the facts about it that
//! placing it needs, computed once; look-ahead is bounded by [`LOOKAHEAD`], so the pass stays
//! linear.

use super::evidence::{Evidence, Weights};
use crate::clean::{Line, ends_sentence, is_title_like};
use crate::marker::{Family, ListKind, Look, Marker};
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
    /// The body paragraph right before the item, when it leads in to a list (ends with a colon
    /// or announces a count): its last line (an index into the lines).
    pub lead_in: Option<usize>,
    /// How many points that lead-in announces.
    pub announced: Option<u32>,
    /// The item stands in a notes block (after 注释, a rule line, or a table's 注：).
    pub in_notes: bool,
}

/// The heading lines of `lines[range]`, and for each dropped marker line the evidence that
/// dropped it (line index, evidence).
pub(super) fn items<'l>(
    lines: &'l [Line<'_>],
    range: std::ops::Range<usize>,
    weights: &Weights,
) -> (Vec<Item<'l>>, Vec<(usize, Vec<Evidence>)>) {
    let mut found: Vec<Item<'l>> = Vec::new();
    let mut notes_open = false;
    // Whether the notes block is a table's note (注：), and its last line so far.
    let mut table_note = false;
    let mut last_note_line = 0;
    let mut note_kind: Option<ListKind> = None;
    for i in range.clone() {
        let line = &lines[i];
        if crate::clean::is_notes_start(&line.text) {
            notes_open = true;
            table_note = matches!(line.text.trim().trim_end_matches(['：', ':']), "注" | "註");
            last_note_line = i;
            note_kind = None;
            // The line that opens the block (a rule line of —— too) is not a heading itself.
            continue;
        }
        if line.is_empty() || line.continues {
            continue;
        }
        let Some(marker) = line.marker.as_ref() else {
            continue;
        };
        // Notes are numbered in brackets or circles; any other marker ends the block. Under a
        // table's 注： they are one line each, right under the one before, in any family.
        let bracketed =
            matches!(Look::of(marker.family), Look::Bracketed) || marker.family == Family::Circled;
        let note_line = table_note
            && next_content(lines, last_note_line) == Some(i)
            && next_content(lines, i).is_none_or(|j| !lines[j].continues)
            && note_kind.is_none_or(|k| k == ListKind::of(marker));
        notes_open &= if table_note { note_line } else { bracketed };
        if notes_open {
            last_note_line = i;
            note_kind = Some(ListKind::of(marker));
        }
        let title = line.text[marker.end..].trim_start();
        if Look::of(marker.family) == Look::Bullet && title.is_empty() {
            continue;
        }
        let para_end = paragraph_end(lines, i, range.end);
        let title_only = is_title_only(&super::paragraph(lines, i, marker.end, para_end));
        // The lead-in: the content line before, when it is body text, not an item's paragraph.
        let prev = (range.start..i).rev().find(|&j| !lines[j].is_empty());
        let lead = prev
            .filter(|&p| found.last().is_none_or(|f| f.para_end < p))
            .and_then(|p| super::lead_in(lines, p).map(|l| (p, l)))
            .filter(|(_, l)| l.colon || l.count.is_some());
        found.push(Item {
            line: i,
            kind: ListKind::of(marker),
            marker,
            title_only,
            para_end,
            lead_in: lead.as_ref().map(|(p, _)| *p),
            announced: lead.and_then(|(_, l)| l.count),
            in_notes: notes_open,
        });
    }
    demote_short_item_runs(lines, &mut found);
    let layout = Layout::of(lines, range.clone());
    let against = item_evidence(lines, &found, &layout);
    let mut dropped = Vec::new();
    let mut kept = Vec::with_capacity(found.len());
    for (item, ev) in found.into_iter().zip(against) {
        if !ev.is_empty() && weights.score(&ev) > 0.0 {
            dropped.push((item.line, ev));
        } else {
            kept.push(item);
        }
    }
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
fn item_evidence(lines: &[Line<'_>], found: &[Item<'_>], layout: &Layout) -> Vec<Vec<Evidence>> {
    // Counted once, so that a file of a million —— lines stays linear.
    let mut per_kind: HashMap<ListKind, usize> = HashMap::new();
    for c in found {
        *per_kind.entry(c.kind).or_default() += 1;
    }
    // For each item, whether a later item of its kind is numbered two (one backward pass).
    let mut second_after = vec![false; found.len()];
    let mut twos: std::collections::HashSet<ListKind> = std::collections::HashSet::new();
    for k in (0..found.len()).rev() {
        second_after[k] = twos.contains(&found[k].kind);
        if found[k].marker.number == Some(2) {
            twos.insert(found[k].kind);
        }
    }
    (0..found.len())
        .map(|k| {
            let c = &found[k];
            let later = &found[k + 1..];
            let mut ev = Vec::new();
            let title = lines[c.line].text[c.marker.end..].trim_start();
            if c.in_notes {
                ev.push(Evidence::NotInNotesBlock);
            }
            if c.marker.family == Family::Adverb && c.marker.number.is_none() && is_wish(title) {
                ev.push(Evidence::NotClosingWish);
            }
            if is_approximate_number(c.marker, title) {
                ev.push(Evidence::NotApproximateNumber);
            }
            if crate::split::is_turn(&lines[c.line].text) {
                ev.push(Evidence::NotSpeakerLine);
            }
            if is_table_row(title) {
                ev.push(Evidence::NotTableRow);
            }
            if layout.wrapped(lines, c.line) {
                ev.push(Evidence::NotWrappedLine);
            }
            match (c.marker.family, c.marker.number) {
                (Family::Adverb, Some(1)) => {
                    // The next item of its own kind (其次, 第二, 最后) shows 首先 opens a list;
                    // its own sub-list (一要 二要) may come first. A restart (第一) does not.
                    let second = later
                        .iter()
                        .take(LOOKAHEAD)
                        .find(|n| n.kind == c.kind)
                        .is_some_and(|n| {
                            n.marker.family == Family::Adverb || n.marker.number == Some(2)
                        });
                    if !second {
                        ev.push(Evidence::NotLoneFirstPoint);
                    }
                }
                (Family::Adverb, None) if k == 0 => ev.push(Evidence::NotLoneAdverb),
                // A decimal outline number comes in lists: a lone 5.12 is a date (5.12汶川地震).
                (Family::Decimal, _) if per_kind[&c.kind] <= 1 => {
                    ev.push(Evidence::NotLoneDecimal);
                }
                // However far its second: a 第一章 may hold hundreds of points before 第二章.
                (Family::Counted | Family::Part, Some(1))
                    if c.kind.classifier.is_some() && !second_after[k] =>
                {
                    ev.push(Evidence::NotLoneCounted);
                }
                (Family::Dash | Family::Bullet, _) => {
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

/// The widest line length taken for a wrapping width, in characters.
const MAX_WRAP: usize = 200;

/// How a speech's text is laid out: the width it was wrapped at, if it was, and how far its
/// paragraphs are indented.
struct Layout {
    /// The commonest line length, when lines of (nearly) that length are a fifth of the text.
    wrap: Option<usize>,
    /// The commonest indentation of a line that follows an empty line (a paragraph's start).
    paragraph_lead: usize,
}

impl Layout {
    fn of(lines: &[Line<'_>], range: std::ops::Range<usize>) -> Layout {
        let mut widths: HashMap<usize, usize> = HashMap::new();
        let mut leads: HashMap<usize, usize> = HashMap::new();
        for i in range.clone().skip(1) {
            if lines[i - 1].is_empty() && !lines[i].is_empty() {
                *leads.entry(lines[i].lead).or_default() += 1;
            }
        }
        let paragraph_lead = leads
            .iter()
            .max_by_key(|&(l, c)| (*c, *l))
            .map_or(0, |(l, _)| *l);
        // Unindented paragraphs leave no wrapped line to tell apart: no need to measure widths.
        if paragraph_lead == 0 {
            return Layout {
                wrap: None,
                paragraph_lead,
            };
        }
        let mut content = 0;
        for i in range.clone() {
            let l = &lines[i];
            if l.is_empty() {
                continue;
            }
            content += 1;
            // Counted in characters up to a bound (a hostile line cannot make this slow); no
            // text is wrapped wider than that.
            let n = l.text.chars().take(MAX_WRAP + 1).count() + l.lead;
            if n <= MAX_WRAP {
                *widths.entry(n).or_default() += 1;
            }
        }
        let (width, count) = widths
            .iter()
            .max_by_key(|&(w, c)| (*c, *w))
            .map_or((0, 0), |(w, c)| (*w, *c));
        let near = count + widths.get(&(width.saturating_sub(1))).copied().unwrap_or(0);
        Layout {
            wrap: (width >= 15 && content >= 12 && near * 5 >= content).then_some(width),
            paragraph_lead,
        }
    }

    /// Line `i` continues the full line right above it: the text is wrapped at a width, the
    /// line above fills it, this line is indented less than a paragraph starts, and it fills the
    /// width itself or ends its paragraph.
    fn wrapped(&self, lines: &[Line<'_>], i: usize) -> bool {
        let Some(width) = self.wrap else {
            return false;
        };
        let Some(above) = i.checked_sub(1).map(|j| &lines[j]) else {
            return false;
        };
        let filled = |l: &Line<'_>| l.text.chars().take(MAX_WRAP + 2).count() + l.lead;
        let full = |l: &Line<'_>| (width - 1..=width + 1).contains(&filled(l));
        // The line itself runs to the margin too, or it is the paragraph's last and ends its
        // sentence: a heading's title line is short and ends on no full stop.
        let ends_paragraph = next_content(lines, i).is_none_or(|j| j > i + 1);
        let runs_on = full(&lines[i]) || (ends_paragraph && ends_sentence(&lines[i].text));
        !above.is_empty() && full(above) && lines[i].lead < self.paragraph_lead && runs_on
    }
}

/// (iii) 購 買 由 房 委 會 or 調遷及其他 * 8 367 6 918: a table row flattened into text — most of
/// its space-separated pieces are single characters or numbers.
fn is_table_row(title: &str) -> bool {
    // A row has many pieces: most titles have no space at all.
    let head = &title.as_bytes()[..title.len().min(200)];
    if memchr::memchr_iter(b' ', head).take(4).count() < 4 {
        return false;
    }
    let pieces: Vec<&str> = title.split_whitespace().take(50).collect();
    let cell_like = pieces
        .iter()
        .filter(|p| {
            p.chars().count() == 1 || p.chars().all(|c| c.is_ascii_digit() || ",.%*-".contains(c))
        })
        .count();
    pieces.len() >= 5 && cell_like * 3 >= pieces.len() * 2
}

/// 预祝… 祝… 谢谢… after 最后: the wish or thanks that closes a speech.
fn is_wish(title: &str) -> bool {
    const WISHES: [&str; 12] = [
        "预祝",
        "預祝",
        "祝",
        "衷心祝",
        "谢谢",
        "謝謝",
        "感谢",
        "感謝",
        "再次感谢",
        "再次感謝",
        "请允许我",
        "請允許我",
    ];
    WISHES.iter().any(|w| title.starts_with(w))
}

/// 三、四十年前 一、二百人 三、五天: a numeral, 、 and the next numeral or so with a unit is an
/// approximate number, not a heading.
fn is_approximate_number(m: &Marker, title: &str) -> bool {
    if m.family != Family::Numeral || !m.text.ends_with('、') {
        return false;
    }
    let mut chars = title.chars();
    let (Some(d), Some(unit)) = (chars.next(), chars.next()) else {
        return false;
    };
    let next = crate::marker::han_value(&d.to_string());
    let close = matches!((m.number, next), (Some(n), Some(v)) if v > n && v <= n + 2);
    close && "十百千万亿萬億天年月日个個人次倍岁歲里斤成分位家种種名条條元块塊所间間项項件句周週遍处處批级級层層步辆輛台臺只隻张張本季线線期轮輪届屆代等类類星档檔环環"
        .contains(unit)
}
