//! Stage 7: check a speech's numbering, the way a careful editor would before the speech is
//! printed. Each finding has a stable code, a severity, the line and column of the marker, the
//! marker found and the one expected, and a message in English and Chinese.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `numbering-gap` | error | a number is missing (一、 二、 四、) |
//! | `numbering-repeat` | error | a number comes twice (二、 二、) |
//! | `numbering-out-of-order` | error | a number comes too late (三是 before 二是) |
//! | `mixed-family` | error | an item written in another family than its list (三是 among 一要…四要, (3) among (一)(二)(四)) |
//! | `announced-count` | warning | the lead-in announces more or fewer points than follow (讲四点意见 and three points) |
//! | `punctuation-style` | warning | a marker's punctuation breaks the speech's own style ((一)、 beside （二）) |
//! | `level-skipped` | warning | a level of the official order 一、 > （一） > 1. > （1） > ① is skipped |
//! | `empty-heading` | warning | a marker with no text |

use crate::clean::Line;
use crate::finding::{Code, Finding};
use crate::marker::Family;
use crate::outline::{Heading, Speech};
use std::collections::HashMap;

/// What to check.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// Warn when a level of the official order 一、 > （一） > 1. > （1） > ① is skipped.
    pub official_order: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            official_order: true,
        }
    }
}

/// Check the numbering of `speech`, whose lines are `lines` (the whole file's cleaned lines, one
/// per original line). Findings come in line order.
///
/// ```
/// use tigang::{extract, Options};
/// let doc = extract("一、学习。\n二、落实。\n四、总结。\n", &Options::default()).unwrap();
/// let d = &doc.speeches[0].findings[0];
/// assert_eq!((d.code.as_str(), d.line, d.expected.as_deref()), ("numbering-gap", 3, Some("三、")));
/// ```
pub fn check(speech: &Speech, lines: &[Line], opts: CheckOptions) -> Vec<Finding> {
    let mut out = Checker {
        lines,
        out: Vec::new(),
    };
    // Every sibling sequence: the top level, and each heading's children (groups see through).
    let mut pending: Vec<(Option<&Heading>, &[Heading])> = vec![(None, &speech.outline)];
    while let Some((parent, nodes)) = pending.pop() {
        let siblings = out.flatten_groups(nodes);
        out.lists(&siblings);
        if opts.official_order
            && let Some(p) = parent
        {
            out.level_skipped(p, &siblings);
        }
        for h in &siblings {
            pending.push((Some(h), &h.children));
        }
    }
    let points: Vec<&Heading> = speech.points(false).into_iter().map(|(_, h)| h).collect();
    out.punctuation_style(&points);
    out.empty_headings(&points);
    out.out.sort_by_key(|d| (d.line, d.column));
    out.out
}

struct Checker<'a> {
    lines: &'a [Line<'a>],
    out: Vec<Finding>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, code: Code, h: &Heading, expected: Option<String>) {
        let column = self
            .lines
            .get(h.line.wrapping_sub(1))
            .map_or(1, |l| l.lead + 1);
        self.out.push(Finding {
            code,
            line: h.line,
            column,
            found: h.marker().unwrap_or_default().to_string(),
            expected,
        });
    }

    /// A finding on the lead-in of group node `g`: it points at the lead-in sentence on its line
    /// (what the writer has to change or keep), not at the list's first point.
    fn report_lead_in(&mut self, g: &Heading, code: Code) {
        let intro = g.intro().unwrap_or_default().to_string();
        let line = self.lines.get(g.line.wrapping_sub(1));
        let column = line.map_or(1, |l| {
            let at = l.text.find(intro.as_str()).unwrap_or(0);
            l.lead + l.text[..at].chars().count() + 1
        });
        self.out.push(Finding {
            code,
            line: g.line,
            column,
            found: intro,
            expected: None,
        });
    }

    /// The marked, line-start headings among `nodes`, with group nodes opened; each group's
    /// announced count is checked on the way.
    fn flatten_groups(&mut self, nodes: &'a [Heading]) -> Vec<&'a Heading> {
        let mut out = Vec::new();
        for n in nodes.iter().filter(|n| !n.inline) {
            if n.marker().is_some() {
                out.push(n);
                continue;
            }
            let items: Vec<&Heading> = n
                .children
                .iter()
                .filter(|c| c.marker().is_some() && !c.inline)
                .collect();
            if let (Some(announced), Some(first)) = (n.announced(), items.first())
                && announced as usize != items.len()
            {
                self.report_lead_in(
                    n,
                    Code::AnnouncedCount {
                        announced,
                        listed: items.len(),
                        from_line: first.line,
                    },
                );
            }
            out.extend(items);
        }
        out
    }

    /// Split siblings into lists and check each list's numbering and family.
    fn lists(&mut self, siblings: &[&'a Heading]) {
        let mut run: Vec<&Heading> = Vec::new();
        // Whether every point of the run so far is numbered one: kept as the run grows, so a
        // list of ten thousand 一、 stays linear.
        let mut all_first = true;
        for &h in siblings {
            let continues_run = run.first().is_some_and(|_| {
                (h.number() != Some(1) || (all_first && self.repeats_a_lone_first(h)))
                    && ((same_list(run[0], h) && same_style(run[0], h))
                        || is_slip(run.last().expect("non-empty"), h))
            }) && !self.restarts_in_the_line_before(h);
            if !continues_run {
                self.check_run(&run);
                run.clear();
                all_first = true;
            }
            all_first &= h.number() == Some(1);
            run.push(h);
        }
        self.check_run(&run);
    }

    /// Whether the paragraph just before `h` holds, in mid-line, the point that comes before it:
    /// …，首先就是要… then 其次，… starts a new list whose first point was run into a paragraph.
    fn restarts_in_the_line_before(&self, h: &Heading) -> bool {
        let (Some(n), Some(family)) = (h.number().filter(|&n| n > 1), h.family()) else {
            return false;
        };
        let before = if family == Family::Adverb {
            numeral_for(family, n - 1)
        } else {
            renumber(h, n - 1)
        };
        self.line_before(h)
            .is_some_and(|prev| prev.text.find(&before).is_some_and(|at| at > 0))
    }

    /// Whether `h`, numbered 1, repeats the first number of a list that has no other yet (the
    /// caller knows the run holds only 一、 so far): a list of one point does not restart, so the second 一、 was typed for 二、. After
    /// 一、 二、 a new 一、 starts a list of its own, and so does a 一、 under a lead-in that
    /// announces points (…约有九点：), which a flat outline may have put beside the first.
    fn repeats_a_lone_first(&self, h: &Heading) -> bool {
        h.number() == Some(1)
            && !self
                .line_before(h)
                .is_some_and(|l| l.text.ends_with(['：', ':']))
    }

    /// The content line before `h`'s line.
    fn line_before(&self, h: &Heading) -> Option<&Line<'a>> {
        self.lines[..h.line.saturating_sub(1).min(self.lines.len())]
            .iter()
            .rev()
            .find(|l| !l.is_empty())
    }

    fn check_run(&mut self, run: &[&Heading]) {
        let Some(first) = run.first() else { return };
        let mut prev: Option<&Heading> = None;
        // The number the item before stands for: its own, or the one it should have had when it
        // repeated the number before it (一、 一、 一、 expects 二、 then 三、; 二、 二、 四、 has no gap).
        let mut meant: Option<u32> = None;
        for (i, &h) in run.iter().enumerate() {
            if i > 0 && !same_style(first, h) {
                let expected = h.number().map(|n| renumber(first, n));
                self.report(Code::MixedFamily, h, expected);
            }
            let mut stands_for = h.number();
            if let (Some(p), Some(n), Some(pn), Some(mn)) =
                (prev, h.number(), prev.and_then(|p| p.number()), meant)
            {
                let after = p.marker().unwrap_or_default().to_string();
                let next = mn.saturating_add(1);
                if n == pn {
                    stands_for = Some(next);
                    self.report(Code::NumberingRepeat, h, Some(renumber(first, next)));
                } else if n < pn
                    || run[i + 1..]
                        .iter()
                        .take(64)
                        .any(|l| l.number().is_some_and(|m| m > pn && m < n))
                {
                    self.report(
                        Code::NumberingOutOfOrder { after },
                        h,
                        Some(renumber(first, next)),
                    );
                } else if n > next {
                    self.report(Code::NumberingGap { after }, h, Some(renumber(first, next)));
                }
            }
            prev = Some(h);
            meant = stands_for;
        }
    }

    /// Warn when the first child list under `parent` skips a level of the official order.
    fn level_skipped(&mut self, parent: &Heading, children: &[&Heading]) {
        let (Some(pr), Some(first)) = (parent.family().and_then(official_rank), children.first())
        else {
            return;
        };
        let Some(cr) = first.family().and_then(official_rank) else {
            return;
        };
        if cr > pr + 1 {
            let parent = parent.marker().unwrap_or_default().to_string();
            let missing = OFFICIAL[pr + 1].1;
            self.report(
                Code::LevelSkipped { parent },
                first,
                Some(missing.to_string()),
            );
        }
    }

    /// Warn on markers whose punctuation differs from the speech's usual way of writing that family.
    fn punctuation_style(&mut self, points: &[&Heading]) {
        let mut styles: HashMap<Family, HashMap<String, usize>> = HashMap::new();
        // Families whose markers differ only in punctuation; 一是/一要, 第一章/第一节 and 首先/其次
        // differ in words, which is not a matter of style.
        let punctuated = |f: Family| {
            !matches!(
                f,
                Family::ShiYao
                    | Family::Counted
                    | Family::Part
                    | Family::Adverb
                    | Family::Dash
                    | Family::Aspect
            )
        };
        // Each point's style once, and each family's usual style once (the commonest; ties go
        // to the style that sorts first, so the answer does not depend on hash order).
        let points: Vec<(&Heading, Family, &str, u32, String)> = points
            .iter()
            .filter_map(|h| {
                let (f, m, n) = (h.family()?, h.marker()?, h.number()?);
                punctuated(f).then(|| (*h, f, m, n, style_of(m)))
            })
            .collect();
        for (_, f, _, _, style) in &points {
            *styles
                .entry(*f)
                .or_default()
                .entry(style.clone())
                .or_default() += 1;
        }
        let usual: HashMap<Family, (&String, usize)> = styles
            .iter()
            .filter_map(|(f, counts)| {
                let (s, c) = counts
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
                Some((*f, (s, *c)))
            })
            .collect();
        for (h, f, _, n, mine) in &points {
            let (h, f, n) = (*h, *f, *n);
            let (usual, count) = usual[&f];
            let counts = &styles[&f];
            if mine != usual && count > counts[mine] {
                let exp = usual.replacen('N', &numeral_for(f, n), 1);
                self.report(Code::PunctuationStyle { family: f }, h, Some(exp));
            }
        }
    }

    /// A marker with no text and nothing under it: neither children nor a paragraph before the
    /// next heading. (A section number alone on its line, with its text below, is a style.)
    fn empty_headings(&mut self, points: &[&Heading]) {
        for h in points {
            let next = self.lines.iter().skip(h.line).find(|l| !l.is_empty());
            let content_below = !h.children.is_empty() || next.is_some_and(|l| l.marker.is_none());
            if h.title.trim().is_empty() && !content_below {
                self.report(Code::EmptyHeading, h, None);
            }
        }
    }
}

/// Items of one list. The nesting stage records the list each heading joined, and that is what
/// counts; an outline read back from a file has no such record, and then the kind of list the
/// markers number decides ([`crate::marker::ListKind`]).
fn same_list(a: &Heading, b: &Heading) -> bool {
    if let (Some(x), Some(y)) = (a.list, b.list) {
        return x == y;
    }
    let kind = |h: &Heading| {
        h.marker()
            .and_then(crate::marker::recognize)
            .map(|m| crate::marker::ListKind::of(&m))
    };
    match (kind(a), kind(b)) {
        (Some(x), Some(y)) => x == y && same_word(a, b),
        _ => same_word(a, b) && a.family() == b.family(),
    }
}

/// Written alike: the same family, and the same word where the family carries one. A list is
/// held to one style even where nesting reads 一是 and 一要 (or (3) among (一)(二)) as one list.
fn same_style(a: &Heading, b: &Heading) -> bool {
    // 第一是，… 第二， is one style: the 是 of 第一是 is part of the ordinal's wording.
    let ordinal = |h: &Heading| match h.family() {
        Some(Family::Ordinal) => true,
        Some(Family::Counted) => word_of(h).ends_with('是'),
        _ => false,
    };
    match (a.family(), b.family()) {
        // 首先，… 第二，… 第三， is one accepted style; so is 第一，… 最后，. A numbered 其次 after
        // 第一 … 第三 belongs to a 首先 of its own.
        (Some(Family::Adverb), _) if ordinal(b) => true,
        (_, Some(Family::Adverb)) if ordinal(a) => b.number().is_none(),
        _ if ordinal(a) && ordinal(b) => true,
        _ => a.family() == b.family() && same_word(a, b),
    }
}

/// Where the family's markers carry a word (一是 / 一要, 第二个 / 第二项), the same word.
fn same_word(a: &Heading, b: &Heading) -> bool {
    let worded = matches!(
        a.family(),
        Some(Family::ShiYao | Family::Counted | Family::Part)
    );
    !worded || a.family() != b.family() || word_of(a) == word_of(b)
}

/// The marker without its number: 是 of 三是, 个 of 第二个.
fn word_of(h: &Heading) -> String {
    h.marker().map(style_of).unwrap_or_default()
}

/// An item slipped into a list in a look-alike family with the number the list expects:
/// (3) after (一)(二), 三是 after 一要 二要.
fn is_slip(prev: &Heading, h: &Heading) -> bool {
    let fits = matches!((prev.number(), h.number()), (Some(p), Some(n)) if n == p + 1);
    let look_alike = matches!(
        (prev.family(), h.family()),
        (
            Some(Family::ParenNumeral | Family::ParenArabic),
            Some(Family::ParenNumeral | Family::ParenArabic)
        ) | (
            Some(Family::Numeral | Family::Arabic),
            Some(Family::Numeral | Family::Arabic)
        ) | (Some(Family::ShiYao), Some(Family::ShiYao))
    );
    fits && look_alike
}

/// The official order of levels and the marker that names each.
const OFFICIAL: [(Family, &str); 5] = [
    (Family::Numeral, "一、"),
    (Family::ParenNumeral, "（一）"),
    (Family::Arabic, "1."),
    (Family::ParenArabic, "（1）"),
    (Family::Circled, "①"),
];

fn official_rank(f: Family) -> Option<usize> {
    OFFICIAL.iter().position(|(o, _)| *o == f)
}

/// The marker with its number replaced by N: （N）, (N)、, N、.
fn style_of(marker: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in marker.chars() {
        if crate::marker::numerals::writes_a_number(c) {
            if !in_number {
                out.push('N');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

/// The marker of the first item of `marker`'s list in the same style: （三） → （一）, 四要 → 一要.
pub(crate) fn first_of_list(marker: &str, family: Family) -> String {
    style_of(marker).replacen('N', &numeral_for(family, 1), 1)
}

/// `first`'s marker written with number `n`: the expected marker at a place in its list.
fn renumber(first: &Heading, n: u32) -> String {
    let (Some(f), Some(m)) = (first.family(), first.marker()) else {
        return n.to_string();
    };
    if f == Family::Adverb {
        // 首先， → 其次，: the word is the number; keep the punctuation.
        let punctuation: String = m.chars().filter(|c| !crate::clean::is_han(*c)).collect();
        return numeral_for(f, n) + &punctuation;
    }
    style_of(m).replacen('N', &numeral_for(f, n), 1)
}

// Numerals are spelled where they are valued, in the marker stage; check keeps the names.
pub use crate::marker::numerals::{han_numeral, numeral_for};

#[cfg(test)]
mod tests {
    use super::*;
    /// The (code, line) of the findings on a flat outline of `Numeral` points at `points`
    /// (line, number) over `text`.
    fn findings_on_flat(text: &str, points: &[(usize, u32)]) -> Vec<(String, usize)> {
        let lines = crate::clean::clean(text, crate::clean::CleanOptions::default());
        let outline = points
            .iter()
            .map(|&(line, n)| {
                let marker = format!("{}、", han_numeral(n));
                Heading::point(line, marker, Family::Numeral, Some(n), "要点".into())
            })
            .collect();
        let speech = Speech {
            end_line: lines.len(),
            outline,
            ..Speech::empty()
        };
        check(&speech, &lines, CheckOptions::default())
            .into_iter()
            .map(|d| (d.code.as_str().to_string(), d.line))
            .collect()
    }

    #[test]
    fn a_lone_first_number_repeated_is_a_repeat_unless_a_lead_in_announces_a_list() {
        let repeated = "一、要点。\n一、要点。\n一、要点。\n";
        assert_eq!(
            findings_on_flat(repeated, &[(1, 1), (2, 1), (3, 1)]),
            [
                ("numbering-repeat".to_string(), 2),
                ("numbering-repeat".to_string(), 3)
            ]
        );
        // A list under a lead-in ending in ：, put beside the point it belongs to.
        let announced = "一、要点。\n主要有两点：\n一、要点。\n二、要点。\n";
        assert_eq!(findings_on_flat(announced, &[(1, 1), (3, 1), (4, 2)]), []);
        // After 一、 二、, a new 一、 starts a list of its own.
        let restarted = "一、要点。\n二、要点。\n一、要点。\n";
        assert_eq!(findings_on_flat(restarted, &[(1, 1), (2, 2), (3, 1)]), []);
    }

    #[test]
    fn styles_replace_the_number() {
        assert_eq!(style_of("（十二）"), "（N）");
        assert_eq!(style_of("(一)、"), "(N)、");
        assert_eq!(style_of("12."), "N.");
        assert_eq!(style_of("三是"), "N是");
    }
}
